"""How a proposed change would change the findings of the organisation's last scan.

Colleagues vote better when they see what a word does to their own texts: a new term may
turn up in hundreds of letters, an exception may silence a word that matters. The store
keeps no text, so the preview reads the last scan's documents again where they still are
(files on this server; web pages are not fetched again) and checks each with today's words
and with the proposed ones. A collection can be large: at most ``most`` documents are read,
the newest first, and the preview says how many that were.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import sqlalchemy as sa

from taalwacht.scan.store import Store, documents
from taalwacht.service import Service, Skipped, Source

MOST = 300  # documents read for one preview
SHOWN = 10  # documents named in the preview, the most changed first


def preview(store: Store, now: Service, proposed: Service, most: int = MOST) -> dict[str, Any]:
    """Per term, the findings the last scan's documents have today and would have with the
    proposed words; the documents that change most. Plain data, kept with the proposal."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(documents.c.source)
            .where(documents.c.status == "ok")
            .order_by(documents.c.day.desc().nulls_last(), documents.c.id.desc())
        ).all()
    total = len(rows)
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    changed: list[tuple[int, str, int, int]] = []
    read = 0
    for (source,) in rows:
        if read >= most:
            break
        if "://" in source or not os.path.isfile(source):
            continue
        try:
            document = now.read(Source(source, explicit=False))
            if isinstance(document, Skipped):
                continue
            old = Counter(f.term for f in now.check(document) if f.reported)
            new = Counter(f.term for f in proposed.check(document) if f.reported)
        except Exception:
            continue
        read += 1
        before.update(old)
        after.update(new)
        old_n, new_n = sum(old.values()), sum(new.values())
        if old != new:
            changed.append((abs(new_n - old_n), source, old_n, new_n))
    changed.sort(key=lambda c: (-c[0], c[1]))
    terms = sorted(set(before) | set(after))
    return {
        "documents": total,
        "read": read,
        "changed": len(changed),
        "terms": [
            {"term": t, "before": before[t], "after": after[t]}
            for t in terms
            if before[t] != after[t]
        ],
        "before": sum(before.values()),
        "after": sum(after.values()),
        "examples": [{"source": s, "before": b, "after": a} for _, s, b, a in changed[:SHOWN]],
    }
