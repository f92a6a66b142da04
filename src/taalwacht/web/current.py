"""The service every request checks with: the organisation's newest words from its store.

A decision in one server process must reach the checks of every other process at once. Each
request asks the store for the newest pack version's id (one indexed query); when it moved,
the service is built again from the packs the server started with and the store's newest
versions in their place.
"""

from __future__ import annotations

import dataclasses
import threading

from fastapi import Request

from taalwacht.packs import Pack
from taalwacht.packs.edit import with_stored
from taalwacht.scan.store import Store
from taalwacht.scan.words import newest_id, stored_packs
from taalwacht.service import Service


class Current:
    """The service for the newest words, built again only when they changed."""

    def __init__(self, base: Service, store: Store | None) -> None:
        self.base = base  # the packs from the config and ``--pack``, without the store's
        self.store = store
        self._lock = threading.Lock()
        self._seen = -1
        self._service = base

    @property
    def configured(self) -> tuple[Pack, ...]:
        return self.base.settings.packs

    def service(self) -> Service:
        if self.store is None:
            return self.base
        newest = newest_id(self.store)
        if newest == self._seen:
            return self._service
        with self._lock:
            if newest != self._seen:
                stored = [p for p, _ in stored_packs(self.store)]
                packs = tuple(with_stored(self.configured, stored))
                settings = dataclasses.replace(self.base.settings, packs=packs)
                self._service = Service(settings) if stored else self.base
                self._seen = newest
        return self._service


def service_of(request: Request) -> Service:
    current: Current = request.app.state.current
    return current.service()
