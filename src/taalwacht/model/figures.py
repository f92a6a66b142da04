"""The organisation's figures as plain values: what ``scan.figures`` computes from the store and
the organisation report renders (HTML, CSV, JSON)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def per_1000(found: int, words: int) -> float:
    return round(1000 * found / words, 2) if words else 0.0


@dataclass(frozen=True)
class Row:
    """Documents, words and findings of one group (a month, a department, a term)."""

    name: str
    documents: int
    words: int
    findings: int

    @property
    def rate(self) -> float:
        return per_1000(self.findings, self.words)


@dataclass(frozen=True)
class TopDocument:
    source: str
    department: str
    day: str
    words: int
    findings: int


@dataclass(frozen=True)
class Baseline:
    """Market-speak per 1,000 words before and from a date."""

    day: str
    before: Row
    after: Row

    @property
    def change(self) -> float | None:
        """Relative change of the rate, -0.25 for a quarter less; None without a before."""
        if not self.before.rate:
            return None
        return round((self.after.rate - self.before.rate) / self.before.rate, 3)


@dataclass(frozen=True)
class Figures:
    generated: str
    store: str
    total: Row
    months: list[Row]
    departments: list[Row]
    department_months: dict[str, list[Row]]  # department -> its months (small ones: overig)
    terms: list[Row]  # documents: documents with the term; words: all words of the period
    term_months: dict[str, list[Row]]
    top: list[TopDocument]
    baseline: Baseline | None
    undated: int  # documents without any date
    failed: int  # documents that could not be read
    removed: int  # documents gone since an earlier scan (not counted)
    versions: list[tuple[str, str, int]] = field(default_factory=list)  # engine, packs, docs
    breaks: list[tuple[str, str]] = field(default_factory=list)  # (scan date, engine) rechecks

    @property
    def mixed(self) -> bool:
        """Whether the counted documents were checked with different engines or packs."""
        return len(self.versions) > 1

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)

        def rows(items: list[Row]) -> list[dict[str, Any]]:
            return [asdict(r) | {"per_1000_words": r.rate} for r in items]

        data["total"] = rows([self.total])[0]
        data["months"] = rows(self.months)
        data["departments"] = rows(self.departments)
        data["terms"] = rows(self.terms)
        data["department_months"] = {k: rows(v) for k, v in self.department_months.items()}
        data["term_months"] = {k: rows(v) for k, v in self.term_months.items()}
        if self.baseline:
            data["baseline"] = {
                "day": self.baseline.day,
                "before": rows([self.baseline.before])[0],
                "after": rows([self.baseline.after])[0],
                "change": self.baseline.change,
            }
        data["versions"] = [{"engine": e, "packs": p, "documents": n} for e, p, n in self.versions]
        data["breaks"] = [{"scan": d, "engine": e} for d, e in self.breaks]
        return data
