"""Checking a collection on a Dask cluster, for collections beyond one machine.

The same work as the process pool (``scan.pool``), spread over Dask workers: each worker
builds the service once from the run's settings, reads the files (they must be reachable
at the same paths on every worker, as on a shared file system), and writes their rows
through the same store as a local scan (``scan.rows``), so a cluster scan and a local one
store the same rows. Only a small tally per file travels back, for the summary and the
progress bar. The workers must reach the store too: a PostgreSQL server, or for a
LocalCluster the SQLite file on this machine.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from taalwacht import messages
from taalwacht.errors import ClusterError
from taalwacht.scan.pool import CHUNK, compact_outcome
from taalwacht.scan.rows import Placement, Tally, settle
from taalwacht.scan.store import Known, Store
from taalwacht.service import Service, Settings, Source

Item = tuple[Source, Placement, Mapping[str, Known]]  # a file, its place, its stored rows


@dataclass(frozen=True)
class Job:
    """What a worker needs to store its files' rows as part of the client's scan."""

    store_url: str
    scan_id: int
    engine: str
    packs: str


# per worker process: one service per run's settings, one open store per URL
_services: dict[str, Service] = {}
_stores: dict[str, Store] = {}


def _service(settings: Settings) -> Service:
    key = hashlib.sha256(pickle.dumps(settings)).hexdigest()
    service = _services.get(key)
    if service is None:
        service = _services[key] = Service(settings)
    return service


def _store(url: str) -> Store:
    store = _stores.get(url)
    if store is None:
        store = _stores[url] = Store.open(url)
    return store


def _check_and_store(settings: Settings, job: Job, items: Sequence[Item]) -> list[Tally]:
    """Check a chunk of files and store their rows in one transaction, on the worker."""
    service = _service(settings)
    rows = []
    known: dict[str, Known] = {}
    tallies = []
    for source, placement, stored in items:
        found, tally = settle(placement, compact_outcome(service, source))
        rows.extend(found)
        known.update(stored)
        tallies.append(tally)
    _store(job.store_url).record(job.scan_id, job.engine, job.packs, rows, known)
    return tallies


def check_on_dask(
    service: Service, items: Sequence[Item], address: str, job: Job
) -> Iterator[tuple[Source, Tally]]:
    """Every file with its tally, as the cluster at ``address`` has checked and stored it
    (not in order: the store does not care)."""
    try:
        from distributed import Client, as_completed
    except ImportError as err:
        raise ClusterError(messages.text("scan.no-dask")) from err
    try:
        client: Any = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as err:
        raise ClusterError(
            messages.text("scan.dask-unreachable", address=address, problem=err)
        ) from err
    try:
        settings = client.scatter(service.settings, broadcast=True)
        chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
        futures = {
            client.submit(_check_and_store, settings, job, chunk, pure=False): chunk
            for chunk in chunks
        }
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            sources = [source for source, _, _ in futures[future]]
            yield from zip(sources, future.result(), strict=True)
    finally:
        client.close()
