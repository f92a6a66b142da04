#!/usr/bin/env python3
"""Screenshots of the web application's main pages for docs/screenshots/.

    python tools/screenshots.py      # needs Debian's chromium and the test extra (playwright)

Starts ``taalwacht serve --isolated`` on a free port, walks through Controleren with an
example letter, proposes a word as a signed-in colleague, and saves one PNG per page.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
TEXT = (
    "Beste klant,\n\n"
    "Uw klantmanager heeft uw aanvraag ontvangen. Het nieuwe product van de gemeente, de "
    "energietoeslag, is klaar. U kunt het aanvragen via het klantcontactcentrum.\n\n"
    "Met vriendelijke groet,\nTeam Inkomen\n"
)


def main() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = tempfile.mkdtemp(prefix="taalwacht-screenshots-")  # the server's store goes here
    password = "een zin als wachtwoord"
    examples = shutil.copytree(ROOT / "src" / "taalwacht" / "examples", Path(folder) / "teksten")
    scanned = [sys.executable, "-m", "taalwacht", "scan", "--isolated", "--no-progress"]
    subprocess.run([*scanned, str(examples)], cwd=folder, check=True, capture_output=True)
    subprocess.run(
        [sys.executable, "-m", "taalwacht", "user", "piet", "--role", "proposer"],
        cwd=folder,
        input=password + "\n",
        text=True,
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "taalwacht", "serve", "--isolated", "--port", str(port)],
        cwd=folder,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/api/packs").close()
                break
            except OSError:
                time.sleep(0.2)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1000, "height": 900}, locale="nl-NL")
            page.goto(base + "/")
            page.get_by_label("Uw tekst").fill(TEXT)
            page.screenshot(path=OUT / "controleren.png", full_page=True)
            page.get_by_role("button", name="Controleren").click()
            page.screenshot(path=OUT / "beoordelen.png", full_page=True)
            page.get_by_role("button", name="Herschrijven met mijn keuzes").click()
            page.screenshot(path=OUT / "herschreven.png", full_page=True)
            page.goto(base + "/woorden?zoek=klant")
            page.screenshot(path=OUT / "woorden.png", full_page=True)
            page.goto(base + "/inloggen")
            page.get_by_label("Gebruikersnaam").fill("piet")
            page.get_by_label("Wachtwoord").fill(password)
            page.get_by_role("button", name="Inloggen").click()
            page.goto(base + "/woorden/voorstel/woord")
            page.get_by_label("Het woord dat we niet meer willen gebruiken").fill("afnemer")
            page.get_by_label("Meervoud (zodat taalwacht ook dat vindt)").fill("afnemers")
            page.get_by_label("Waarom is het markttaal?").fill(
                "Een inwoner neemt geen dienst af: hij vraagt om hulp."
            )
            page.get_by_label("Een beter woord").fill("inwoner")
            page.get_by_label("Meervoud van het betere woord").fill("inwoners")
            page.screenshot(path=OUT / "voorstel-maken.png", full_page=True)
            page.get_by_role("button", name="Voorstel indienen").click()
            page.get_by_role("button", name="Voor", exact=True).click()
            page.screenshot(path=OUT / "voorstel.png", full_page=True)
            browser.close()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"screenshots in {os.path.relpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
