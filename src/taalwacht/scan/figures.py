"""The organisation's figures from the store: market-speak per 1,000 words by month,
department and term; the documents with the most findings; the change since a baseline.

Findings reported as information only (fixed names and legal terms a writer cannot change,
such as DBC-zorgproduct) are stored but not counted: they are no language to change.
A month is the document's own date. A department with fewer than ``MIN_GROUP`` documents in a
period is counted in "overig" only, so that no figure points at a small team. Documents checked
with more than one engine or pack are a break in the series: the figures say so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa

from taalwacht.model.figures import Baseline, Figures, Row, TopDocument
from taalwacht.scan.store import Store, documents, findings, now, scans

MIN_GROUP = 5  # fewer documents than this in a period: shown only as part of "overig"
OTHER = "overig"
TOP = 20


def figures(store: Store, *, since: str | None = None, baseline: str | None = None) -> Figures:
    """The figures of every document the store counts (status ok), from ``since`` on."""
    with store.engine.connect() as conn:
        counts = (
            sa.select(findings.c.document_id, sa.func.count().label("n"))
            .where(findings.c.severity != "info")
            .group_by(findings.c.document_id)
            .subquery()
        )
        query = (
            sa.select(
                documents.c.id,
                documents.c.source,
                documents.c.department,
                documents.c.day,
                documents.c.words,
                documents.c.engine,
                documents.c.packs,
                sa.func.coalesce(counts.c.n, 0).label("n"),
            )
            .select_from(documents.outerjoin(counts, counts.c.document_id == documents.c.id))
            .where(documents.c.status == "ok")
        )
        docs = list(conn.execute(query))
        by_term = list(
            conn.execute(
                sa.select(findings.c.term, findings.c.document_id, sa.func.count().label("n"))
                .join(documents, documents.c.id == findings.c.document_id)
                .where(documents.c.status == "ok")
                .where(findings.c.severity != "info")
                .group_by(findings.c.term, findings.c.document_id)
            )
        )
        status: dict[str, int] = dict(
            conn.execute(
                sa.select(documents.c.status, sa.func.count()).group_by(documents.c.status)
            ).all()
        )
        rechecks = [
            (str(r.started)[:10], str(r.engine))
            for r in conn.execute(
                sa.select(scans.c.started, scans.c.engine)
                .where(scans.c.rechecked_all)
                .order_by(scans.c.id)
            )
        ]
    undated = sum(1 for d in docs if not d.day)
    docs = [d for d in docs if d.day and (since is None or d.day >= since)]
    month_of = {d.id: d.day[:7] for d in docs}
    versions = Counter((d.engine or "", d.packs or "") for d in docs)

    def row(name: str, items: list[Any]) -> Row:
        return Row(name, len(items), sum(d.words for d in items), sum(d.n for d in items))

    by_month: dict[str, list[Any]] = defaultdict(list)
    by_department: dict[str, list[Any]] = defaultdict(list)
    for d in docs:
        by_month[month_of[d.id]].append(d)
        by_department[d.department].append(d)
    months = [row(m, by_month[m]) for m in sorted(by_month)]
    departments = _small_into_other({name: items for name, items in by_department.items()}, row)
    department_months: dict[str, list[Row]] = {}
    for month in sorted(by_month):
        groups: dict[str, list[Any]] = defaultdict(list)
        for d in by_month[month]:
            groups[d.department].append(d)
        for r in _small_into_other(groups, row):
            department_months.setdefault(r.name, []).append(
                Row(month, r.documents, r.words, r.findings)
            )
    counted = {d.id for d in docs}
    term_docs: dict[str, set[int]] = defaultdict(set)
    term_found: Counter[str] = Counter()
    term_month: dict[str, Counter[str]] = defaultdict(Counter)
    for term, doc_id, n in by_term:
        if doc_id in counted:
            term_docs[term].add(doc_id)
            term_found[term] += n
            term_month[term][month_of[doc_id]] += n
    total = row("totaal", docs)
    terms = sorted(
        (Row(t, len(term_docs[t]), total.words, term_found[t]) for t in term_found),
        key=lambda r: (-r.findings, r.name),
    )
    term_months = {
        t: [
            Row(m, len(by_month[m]), sum(d.words for d in by_month[m]), term_month[t][m])
            for m in sorted(by_month)
        ]
        for t in term_found
    }
    top = [
        TopDocument(
            d.source,
            d.department if d.department in {r.name for r in departments} else OTHER,
            d.day,
            d.words,
            d.n,
        )
        for d in sorted(docs, key=lambda d: (-d.n, d.source))[:TOP]
        if d.n
    ]
    base = None
    if baseline:
        before = [d for d in docs if d.day < baseline]
        after = [d for d in docs if d.day >= baseline]
        base = Baseline(baseline, row("voor", before), row("vanaf", after))
    return Figures(
        generated=now(),
        store=store.shown,
        total=total,
        months=months,
        departments=departments,
        department_months=department_months,
        terms=terms,
        term_months=term_months,
        top=top,
        baseline=base,
        undated=undated,
        failed=int(status.get("error", 0)),
        removed=int(status.get("removed", 0)),
        versions=[(e, p, n) for (e, p), n in versions.most_common()],
        breaks=rechecks,
    )


def _small_into_other(groups: dict[str, list[Any]], row: Any) -> list[Row]:
    """Groups of at least MIN_GROUP documents by name; the rest together as "overig"."""
    out: list[Row] = []
    other: list[Any] = []
    for name in sorted(groups):
        items = groups[name]
        if len(items) >= MIN_GROUP and name != OTHER:
            out.append(row(name, items))
        else:
            other.extend(items)
    if other:
        out.append(row(OTHER, other))
    return out
