"""(text, regions) -> findings: candidates, confirmation by morphology, decision by context.
Knows no files and no markup: the document's format speaks to it through regions."""

from taalwacht.engine.scan import Engine

__all__ = ["Engine"]
