"""Use, mention, commerce or another sense: the decision on one occurrence, with its reason.

A watched word is only market-speak when it is *used* for residents, their help, the public
service or its staff. The modules here look at the words around an occurrence, each for one
kind of evidence (surface, frames, profiles), and return a ``Verdict`` with a rule id and a
reason a writer can read, so a skipped word is never a mystery.
"""
