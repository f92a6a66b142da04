"""The web application: colleagues check and fix their texts in the browser, and document
systems call the same check through a REST API.

A front end like the command line: every page and endpoint goes through the one ``Service``,
so a finding and a fix are the same here as in the terminal. Text sent to check or fix is
processed in memory and never stored or logged.
"""
