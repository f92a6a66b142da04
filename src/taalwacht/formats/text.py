"""Plain text: the view is the text itself; the plain-text habits writers borrow from
Markdown and chat (`code` between backticks, *emphasis* between asterisks or underscores)
become regions, so a word written that way is read as shown, not used."""

from __future__ import annotations

import re

from taalwacht.model.document import Document, Region

# `...` on one line; *word* or _word_, not doubled (**bold** is not a mention). The mark
# comes first in each pattern, so the regex engine skips ahead to it in C.
CODE_SPAN = re.compile(r"`[^`\n]+`")
EMPHASIS = {
    mark: re.compile(rf"\{mark}(?![{mark}\s])([^{mark}\n]+?)(?<![{mark}\s])\{mark}(?![{mark}\w])")
    for mark in "*_"
}


def parse(text: str, path: str = "-") -> Document:
    """A plain-text document with its code and emphasis regions."""
    return Document(path, text, "text", regions=tuple(sorted(inline_regions(text))))


def inline_regions(text: str) -> list[Region]:
    """Backtick code spans and single-asterisk or underscore emphasis, in text offsets."""
    regions = []
    if "`" in text:
        regions = [Region(m.start(), m.end(), "code", "`…`") for m in CODE_SPAN.finditer(text)]
    for mark, pattern in EMPHASIS.items():
        if mark not in text:
            continue
        for m in pattern.finditer(text):
            before = text[m.start() - 1 : m.start()]
            if before != mark and not before.isalnum():
                regions.append(Region(m.start(1), m.end(1), "emphasis", f"{mark}…{mark}"))
    return regions
