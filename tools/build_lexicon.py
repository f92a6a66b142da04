#!/usr/bin/env python3
"""Build the lexicon files shipped in the package from the OpenTaal word list.

    apt-get install wdutch            # /usr/share/dict/dutch, OpenTaal, BSD or CC-BY 3.0
    python tools/build_lexicon.py     # writes src/taalwacht/dutch/data/lexicon*.txt.gz

Only the words the list writes in lower case are kept (358k of 413k): names and acronyms
(ING, Utrecht, ICT) are not compound members in running text, and keeping them made
"concerning" split as concern + ING. Two files, one word a line, gzip-compressed:

- lexicon.txt.gz: every word (about 1.2 MB), read only when a word outside the core
  has to be split;
- lexicon-core.txt.gz: the words that contain a watched form of the bundled packs
  (klantcontactcentrum) and every lexicon word inside those (contact, centrum), so that
  splitting such a word needs only this small list. Its first line names the forms.
Rebuild both after changing the forms of a bundled pack; tests/test_lexicon.py checks.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "taalwacht" / "dutch" / "data"
MIN_STEM = 4  # shorter forms (koop) are only matched as whole words, never split


def bundled_stems() -> list[str]:
    """The watched forms of the bundled packs that can sit inside a longer word."""
    from taalwacht.engine import Engine
    from taalwacht.packs import bundled_pack_names, load_bundled

    engine = Engine([load_bundled(name) for name in bundled_pack_names()])
    return sorted(
        surface
        for surface, watches in engine.watches.items()
        if len(surface) >= MIN_STEM and any(w.kind in ("form", "linking") for w in watches)
    )


def write(name: str, lines: list[str]) -> None:
    out = DATA / name
    out.write_bytes(gzip.compress("\n".join(lines).encode("utf-8"), 9, mtime=0))
    print(f"{len(lines)} lines -> {out} ({out.stat().st_size} bytes)")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--source", default="/usr/share/dict/dutch")
    a = ap.parse_args()
    raw = Path(a.source).read_text(encoding="utf-8").split("\n")
    words = sorted({w.strip() for w in raw if w.strip() and w.strip() == w.strip().lower()})
    write("lexicon.txt.gz", words)
    lexicon = set(words)
    stems = bundled_stems()
    stem_words = sorted(w for w in words if any(s in w for s in stems))
    parts = sorted(
        {
            w[i:j]
            for w in stem_words
            for i in range(len(w))
            for j in range(i + 3, len(w) + 1)
            if w[i:j] in lexicon
        }
        - set(stem_words)
    )
    write("lexicon-core.txt.gz", ["# stems: " + " ".join(stems), *stem_words, "# parts", *parts])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
