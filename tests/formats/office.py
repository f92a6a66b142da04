"""LibreOffice as a writer's own tool for the format tests: it opens what taalwacht wrote,
or makes a document the way an office makes it. One headless conversion, with a profile of
its own in the test's folder so that parallel runs do not share LibreOffice's settings."""

from __future__ import annotations

import subprocess
from pathlib import Path


def convert(*sources: Path, to: str, outdir: Path, profile: Path, timeout: int = 240) -> None:
    """Convert ``sources`` to the format ``to`` (pdf, odt) into ``outdir``; raise if it fails."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            *(str(source) for source in sources),
        ],
        capture_output=True,
        timeout=timeout,
        check=True,
    )
