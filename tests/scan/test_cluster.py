"""A scan on a Dask LocalCluster (worker processes, as on a real cluster) stores exactly what
a scan on this machine stores, the workers writing the rows themselves; an unreachable
cluster is one Dutch line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import assert_one_line_error, run, write
from taalwacht.scan.runner import scan
from taalwacht.scan.store import Store, database_url
from taalwacht.service import Service

distributed = pytest.importorskip("distributed")

SENTENCES = [
    "Beste klant, uw klantmanager belt u.",
    "De klanten van de supermarkt staan bij de kassa.",
    "De gemeente koopt de jeugdhulp in bij drie aanbieders.",
    "Het woord 'klant' gebruiken wij niet meer.",
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


def _stored(db: Path) -> set[tuple[object, ...]]:
    with sqlite3.connect(db) as raw:
        return set(
            raw.execute(
                "select d.source, d.words, d.content_hash, f.term, f.rule, f.start, f.end "
                "from documents d left join findings f on f.document_id = d.id"
            )
        )


@pytest.mark.slow
def test_a_cluster_scan_stores_what_a_local_scan_stores(tmp_path: Path, cluster: str) -> None:
    docs = tmp_path / "docs"
    for i in range(60):
        write(docs / f"map{i % 3}" / f"doc{i:02}.txt", "\n".join(SENTENCES[: i % 4 + 1]) + "\n")
    service = Service.load(isolated=True)[0]
    on_dask = scan(
        service, Store.open(database_url(str(tmp_path / "dask.db"))), [str(docs)], dask=cluster
    )
    local = scan(service, Store.open(database_url(str(tmp_path / "local.db"))), [str(docs)], jobs=1)
    assert (
        (on_dask.checked, on_dask.findings)
        == (local.checked, local.findings)
        == (60, on_dask.findings)
    )
    assert on_dask.findings > 0
    assert _stored(tmp_path / "dask.db") == _stored(tmp_path / "local.db")
    again = scan(
        service, Store.open(database_url(str(tmp_path / "dask.db"))), [str(docs)], dask=cluster
    )
    assert (again.checked, again.reused) == (0, 60)


@pytest.mark.slow
def test_the_workers_write_the_rows_themselves(
    tmp_path: Path, cluster: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    for i in range(40):
        write(docs / f"doc{i:02}.txt", SENTENCES[i % 4] + "\n")
    service = Service.load(isolated=True)[0]
    store = Store.open(database_url(str(tmp_path / "dask.db")))

    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the scanning machine wrote a document's rows")

    monkeypatch.setattr(Store, "record", not_here)  # in this process only, not on the workers
    summary = scan(service, store, [str(docs)], dask=cluster)
    assert (summary.checked, summary.failed) == (40, 0)
    with sqlite3.connect(tmp_path / "dask.db") as raw:
        stored = raw.execute("select count(*), count(distinct source) from documents").fetchone()
        found = raw.execute("select count(*) from findings").fetchone()[0]
    assert stored == (40, 40)
    assert found == summary.findings > 0


@pytest.mark.slow  # the client waits its 10-second timeout
def test_an_unreachable_cluster_is_one_dutch_line(workdir: Path) -> None:
    write(workdir / "docs" / "brief.txt", "Beste klant.\n")
    result = run("scan", "docs", "--dask", "tcp://127.0.0.1:9")
    assert_one_line_error(result, "--dask tcp://127.0.0.1:9", "niet bereikbaar")
