"""Requests generated from the API's own OpenAPI schema (schemathesis, a bounded number of
examples per endpoint) never get a 500: bad input is a 4xx with a Dutch message."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from taalwacht.service import Service
from taalwacht.web.app import create_app

schemathesis = pytest.importorskip("schemathesis")

APP = create_app(Service.load(isolated=True)[0])
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_the_schema_allows_gets_a_server_error(case: Any) -> None:
    answer = case.call()
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        assert answer.json()["detail"]  # a Dutch sentence, never a traceback
