"""Checking a collection on a Dask cluster, for collections beyond one machine.

The same work as the process pool (``scan.pool``), spread over Dask workers: each worker
builds the service once from the run's settings, reads the files (they must be reachable
at the same paths on every worker, as on a shared file system) and sends back compact
results, no text. The scan runner writes them through the same store as a local scan, so a
cluster scan and a local one store the same rows.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Sequence
from typing import Any

from taalwacht import messages
from taalwacht.errors import ClusterError
from taalwacht.scan.pool import CHUNK, Outcome, compact_outcome
from taalwacht.service import Service, Settings, Source

_services: dict[str, Service] = {}  # per worker process: one service per run's settings


def _service(settings: Settings) -> Service:
    key = hashlib.sha256(pickle.dumps(settings)).hexdigest()
    service = _services.get(key)
    if service is None:
        service = _services[key] = Service(settings)
    return service


def _check_chunk(settings: Settings, sources: Sequence[Source]) -> list[tuple[Source, Outcome]]:
    service = _service(settings)
    return [(source, compact_outcome(service, source)) for source in sources]


def check_on_dask(
    service: Service, sources: Sequence[Source], address: str
) -> Iterator[tuple[Source, Outcome]]:
    """Every source with its outcome, as the cluster at ``address`` finishes them (not in
    order: the store does not care)."""
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
        chunks = [sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK)]
        futures = [client.submit(_check_chunk, settings, chunk, pure=False) for chunk in chunks]
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            yield from future.result()
    finally:
        client.close()
