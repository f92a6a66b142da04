#!/usr/bin/env python3
"""Checking and fixing documents against the plain-text path, measured in the same run.

    python bench/documents.py              # 100-page documents, paragraphs from the corpus
    python bench/documents.py --pages 20

For each format (Word .docx, OpenDocument .odt, and PDF when LibreOffice is there to make
one) a generated document of PAGES pages is read and checked from disk, and (Word and
OpenDocument) fixed and written back, through the same ``Service`` the command line uses.
The baseline is the document's own extracted text saved as a .txt file, read and checked (and
fixed and written) the same way. Targets: checking a 100-page .docx costs at most 2x checking
its text as .txt, fixing it at most 4x. Each side runs REPEATS times and keeps its best time;
the ratio is the result, and pages/s and MB/s are printed with it.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "src" / "taalwacht" / "examples"
PARAGRAPHS_PER_PAGE = 8
REPEATS = 3
TARGETS = {"check": 2.0, "fix": 4.0}


def paragraphs(corpus: Path, wanted: int) -> list[str]:
    """Real Dutch paragraphs with watched words among them: the shared corpus's, or the
    bundled examples' when the corpus is absent."""
    source = sorted(corpus.rglob("*.txt")) if corpus.is_dir() else []
    if not source:
        print(f"({corpus} not found: paragraphs from the bundled examples)", file=sys.stderr)
        source = sorted(EXAMPLES.glob("*.txt"))
    found: list[str] = []
    for path in source:
        for block in path.read_text("utf-8").split("\n\n"):
            block = " ".join(block.split())
            if 80 <= len(block) <= 1200:
                found.append(block)
        if len(found) >= wanted:
            break
    while len(found) < wanted:
        found += found[: wanted - len(found)]
    return found[:wanted]


def make_docx(texts: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Gemeente Lindewaard · Klantcontactcentrum"
    for i, text in enumerate(texts):
        paragraph = document.add_paragraph()
        half = len(text) // 2  # two runs a paragraph, as Word makes them after an edit
        paragraph.add_run(text[:half])
        paragraph.add_run(text[half:]).bold = i % 5 == 0
    document.save(str(path))


def make_odt(texts: list[str], path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for text in texts:
        document.text.addElement(P(text=text))
    out = io.BytesIO()
    document.write(out)
    path.write_bytes(out.getvalue())


def make_pdf(source: Path, folder: Path) -> Path | None:
    """The .odt converted by LibreOffice, or None without it."""
    if shutil.which("soffice") is None:
        return None
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return folder / (source.stem + ".pdf")


def best(step: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    from taalwacht.service import Service, Source

    service, _ = Service.load(isolated=True)
    service.warm_up()
    texts = paragraphs(args.corpus, args.pages * PARAGRAPHS_PER_PAGE)
    folder = Path(tempfile.mkdtemp(prefix="taalwacht-bench-"))
    files = {"docx": folder / "rapport.docx", "odt": folder / "rapport.odt"}
    make_docx(texts, files["docx"])
    make_odt(texts, files["odt"])
    pdf = make_pdf(files["odt"], folder)
    if pdf is not None:
        files["pdf"] = pdf

    def check(path: Path) -> int:
        document = service.read(Source(str(path), explicit=True))
        return len(service.check(document))  # type: ignore[arg-type]

    def fix(path: Path) -> None:
        original = path.read_bytes()
        document = service.read(Source(str(path), explicit=True))
        result = service.fix(document)  # type: ignore[arg-type]
        service.write(document, result, backup=False)  # type: ignore[arg-type]
        path.write_bytes(original)  # the next round starts from the same file

    failed = False
    print(f"{args.pages} pages, {len(texts)} paragraphs, best of {REPEATS}")
    print(f"{'format':6} {'step':5} {'seconds':>8} {'pages/s':>8} {'MB/s':>6} {'vs .txt':>8}")
    for kind, path in files.items():
        document = service.read(Source(str(path), explicit=True))
        as_text = folder / f"{kind}-tekst.txt"
        as_text.write_text(document.text, "utf-8")  # type: ignore[union-attr]
        size = path.stat().st_size / 1e6
        steps: list[tuple[str, Callable[[Path], object]]] = [("check", check)]
        if kind != "pdf":
            steps.append(("fix", fix))
        for name, step in steps:
            seconds = best(partial(step, path))
            baseline = best(partial(step, as_text))
            ratio = seconds / baseline
            target = TARGETS[name] if kind == "docx" else None
            mark = "" if target is None else (" ok" if ratio <= target else f" > {target}x!")
            failed = failed or (target is not None and ratio > target)
            print(
                f"{kind:6} {name:5} {seconds:8.3f} {args.pages / seconds:8.1f} "
                f"{size / seconds:6.2f} {ratio:7.2f}x{mark}"
            )
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
