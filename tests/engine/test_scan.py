"""The scan's cost: the work it does stays linear in the text, on many lines and on one."""

from __future__ import annotations

from typing import Any

import pytest

from taalwacht.engine import Engine
from taalwacht.packs import load_bundled

SENTENCE = (
    "De gemeente helpt inwoners met hun vragen over werk en inkomen. " * 9
    + "De klant krijgt een brief van de gemeente. "
)


class _CountingStr(str):
    """A str that adds up how many characters its search methods and slices look at."""

    scanned = 0

    @staticmethod
    def _span(length: int, start: int | None, end: int | None) -> tuple[int, int]:
        s, e, _ = slice(start, end).indices(length)
        return s, max(s, e)

    def count(self, sub: str, start: Any = None, end: Any = None) -> int:
        s, e = self._span(len(self), start, end)
        _CountingStr.scanned += e - s
        return super().count(sub, start, end)

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:
        s, e = self._span(len(self), start, end)
        r = super().find(sub, start, end)
        _CountingStr.scanned += (r - s + len(sub)) if r >= 0 else e - s
        return r

    def rfind(self, sub: str, start: Any = None, end: Any = None) -> int:
        s, e = self._span(len(self), start, end)
        r = super().rfind(sub, start, end)
        _CountingStr.scanned += (e - r) if r >= 0 else e - s
        return r

    def __getitem__(self, key: Any) -> str:
        part = super().__getitem__(key)
        _CountingStr.scanned += len(part)
        return part


@pytest.mark.parametrize("separator", ["\n", " "], ids=["many lines", "one line"])
def test_scan_work_is_linear_on_one_long_line(
    separator: str, request: pytest.FixtureRequest
) -> None:
    """The characters the engine's string searches and slices read stay within a constant
    factor of the text: work, not time, so the test is deterministic.

    On one long line each occurrence once counted backquotes from the start of the text
    (``engine.context.surface.in_url_or_code``: ``line_start`` became 0 when no newline
    was within 2000 characters) and looked back for a newline over the whole text
    (``engine.context.frames.metalinguistic``).
    """
    body = SENTENCE.replace(". De klant", "." + separator + "De klant") * (400_000 // len(SENTENCE))
    text = _CountingStr(body)
    _CountingStr.scanned = 0
    found = Engine([load_bundled("markttaal")]).scan(text)
    assert len(found) == body.count("klant")
    assert _CountingStr.scanned <= 20 * len(text)
