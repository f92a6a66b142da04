"""The REST API answers with the command line's own findings (the same JSON contract), and
bad requests get a Dutch 4xx, never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

from conftest import cli, findings, write
from taalwacht.model.contract import schema
from taalwacht.service import Service
from taalwacht.web.app import create_app

LETTER = (
    "Beste klant,\n\n"
    "Uw klantmanager heeft uw aanvraag ontvangen. Het nieuwe product van de gemeente is "
    "klaar. De gemeente koopt de begeleiding in bij drie aanbieders.\n\n"
    "Het woord 'klant' gebruiken wij niet meer. De klanten van de supermarkt betalen.\n"
)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    service = Service.load(isolated=True)[0]
    with TestClient(create_app(service)) as test_client:
        yield test_client


def test_check_answers_what_the_command_line_reports(client: TestClient, tmp_path: Path) -> None:
    answer = client.post("/api/check", json={"text": LETTER})
    assert answer.status_code == 200
    doc = answer.json()
    jsonschema.validate(doc, schema())
    path = write(tmp_path / "brief.txt", LETTER)
    expected = findings(
        cli("check", "--isolated", "--format", "json", str(path), cwd=tmp_path).stdout
    )
    strip = lambda items: [{k: v for k, v in f.items() if k != "path"} for f in items]  # noqa: E731
    assert strip(doc["findings"]) == strip(expected)
    assert {f["text"] for f in doc["findings"]} == {"klant", "klantmanager", "product", "koopt"}


def _without_path(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in f.items() if k != "path"} for f in items]


def test_check_with_explain_shows_what_is_left_alone(client: TestClient) -> None:
    doc = client.post("/api/check", json={"text": LETTER, "explain": True}).json()
    jsonschema.validate(doc, schema())
    left = {(f["text"], f["decision"]) for f in doc["findings"] if not f["reported"]}
    assert ("klant", "mention") in left
    assert ("klanten", "commercial") in left


def test_check_reads_markdown_as_markdown(client: TestClient) -> None:
    doc = client.post("/api/check", json={"text": "De `klant` tabel.\n", "format": "markdown"})
    assert doc.json()["findings"] == []


def test_fix_rewrites_with_agreement_as_the_command_line_does(client: TestClient) -> None:
    text = (
        "Het nieuwe product van de gemeente is klaar. "
        "De gemeente koopt de begeleiding in bij drie aanbieders.\n"
    )
    answer = client.post("/api/fix", json={"text": text})
    assert answer.status_code == 200
    doc = answer.json()
    assert doc["text"] == (
        "De nieuwe voorziening van de gemeente is klaar. "
        "De gemeente contracteert de begeleiding bij drie aanbieders.\n"
    )
    for change in doc["changes"]:  # each change is stated in the text as it was sent
        assert text[change["start"] : change["end"]] == change["text"]
    assert doc["left"] == []


def test_packs_and_terms_describe_what_the_server_checks_with(client: TestClient) -> None:
    packs = client.get("/api/packs").json()
    assert [p["id"] for p in packs] == ["markttaal"]
    assert len(packs[0]["fingerprint"]) >= 16 and packs[0]["terms"] > 10
    terms = {t["id"]: t for t in client.get("/api/terms").json()}
    assert "inwoner" in {a["text"] for a in terms["klant"]["alternatives"]}
    assert terms["klant"]["reason"]


def test_the_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/check", "/api/fix", "/api/packs", "/api/terms"} <= set(paths)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"{not json", "application/json"),
        (json.dumps({"tekst": "klant"}).encode(), "application/json"),
        (json.dumps({"text": 12}).encode(), "application/json"),
        (json.dumps({"text": "klant", "format": "docx"}).encode(), "application/json"),
        (json.dumps(["klant"]).encode(), "application/json"),
    ],
    ids=["broken-json", "wrong-field", "not-a-string", "unknown-format", "a-list"],
)
def test_a_bad_request_is_a_dutch_422(client: TestClient, body: bytes, content_type: str) -> None:
    answer = client.post("/api/check", content=body, headers={"content-type": content_type})
    assert answer.status_code == 422
    assert answer.json()["detail"].startswith("Het verzoek klopt niet")


def test_an_unknown_path_is_a_dutch_404_in_json(client: TestClient) -> None:
    answer = client.get("/api/bestaat-niet")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "Deze pagina bestaat niet."}


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    limit = Service.load(isolated=True)[0].config.max_document_mb * 1_000_000 * 3 // 2
    answer = client.post(
        "/api/check",
        content=b"x",
        headers={"content-type": "application/json", "content-length": str(limit + 2_000_000)},
    )
    assert answer.status_code == 413
    assert "te groot" in answer.json()["detail"]


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for answer in (client.get("/"), client.get("/api/packs"), client.get("/nergens")):
        csp = answer.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"


def test_a_client_over_the_rate_limit_gets_a_dutch_429_with_retry_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace
    from types import SimpleNamespace

    from taalwacht.service import Settings
    from taalwacht.web import guard

    # the limit counts per calendar minute: four requests that straddle a minute's end fall
    # in two windows (a CI run saw 200 four times), so the clock stands mid-minute here
    monkeypatch.setattr(guard, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    loaded = Service.load(isolated=True)[0]
    config = replace(loaded.config, api_requests_per_minute=3)
    service = Service(Settings(config, loaded.settings.packs))
    with TestClient(create_app(service)) as limited:
        answers = [limited.post("/api/check", json={"text": "Beste klant"}) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        refused = answers[-1]
        assert int(refused.headers["retry-after"]) == 30  # to the minute's end
        assert refused.json()["detail"].startswith("Te veel verzoeken van dit adres")
        assert refused.headers["x-content-type-options"] == "nosniff"
        assert limited.get("/").status_code == 200  # the pages are not limited
