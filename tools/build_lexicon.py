#!/usr/bin/env python3
"""Build the compact lexicon shipped in the package from the OpenTaal word list.

    apt-get install wdutch            # /usr/share/dict/dutch, OpenTaal, BSD or CC-BY 3.0
    python tools/build_lexicon.py     # writes src/taalwacht/dutch/data/lexicon.txt.xz

Only the words the list writes in lower case are kept (358k of 413k): names and acronyms
(ING, Utrecht, ICT) are not compound members in running text, and keeping them made
"concerning" split as concern + ING. The words are de-duplicated and sorted, one a line,
then xz-compressed (about 1 MB). taalwacht loads it lazily, only when a candidate word has
to be split into compound members, so nothing is read or downloaded at start-up.
"""

from __future__ import annotations

import argparse
import lzma
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "taalwacht" / "dutch" / "data"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--source", default="/usr/share/dict/dutch")
    a = ap.parse_args()
    words = Path(a.source).read_text(encoding="utf-8").split("\n")
    low = sorted({w.strip() for w in words if w.strip() and w.strip() == w.strip().lower()})
    payload = "\n".join(low).encode("utf-8")
    out = DATA / "lexicon.txt.xz"
    out.write_bytes(lzma.compress(payload, preset=9 | lzma.PRESET_EXTREME))
    print(f"{len(low)} words -> {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
