"""Deciding the organisation's words in the web application: proposing, commenting, voting,
the preview on the last scan, the editor's decision reaching every check (in this process
and in another on the same store), the history, the writers' marks, API tokens, and a
config that requires signing in. Real SQLite, the app through Starlette's TestClient."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from taalwacht.config import load_config
from taalwacht.scan.accounts import add_user, new_api_token
from taalwacht.scan.runner import scan
from taalwacht.scan.store import Store, database_url
from taalwacht.service import Service
from taalwacht.web.app import create_app
from taalwacht.web.guard import CSRF_COOKIE

PASSWORD = "een zin als wachtwoord"
TERM_FORM = {
    "woord": "afnemer",
    "woordsoort": "noun",
    "lidwoord": "de",
    "meervoud": "afnemers",
    "gaat-over": "person",
    "reden": "Een inwoner neemt geen dienst af; hij vraagt om hulp.",
    "alternatief": "inwoner",
    "alternatief-lidwoord": "de",
    "alternatief-meervoud": "inwoners",
    "motivatie": "Het staat in veel van onze brieven.",
}
LETTER = "Iedere afnemer van de Wmo krijgt een brief. De klant belt terug.\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(database_url(str(tmp_path / "taalwacht.db")))
    for name, role in (("rita", "reader"), ("piet", "proposer"), ("eva", "editor")):
        add_user(store, name, PASSWORD, role)
    return store


def _client(store: Store) -> TestClient:
    return TestClient(create_app(Service.load(isolated=True)[0], store=store))


@pytest.fixture
def app_client(store: Store) -> Iterator[TestClient]:
    with _client(store) as client:
        yield client


def _as(client: TestClient, name: str) -> TestClient:
    client.cookies.clear()
    client.get("/inloggen")
    form = {"csrf": client.cookies.get(CSRF_COOKIE), "naam": name, "wachtwoord": PASSWORD}
    assert client.post("/inloggen", data=form, follow_redirects=False).status_code == 303
    return client


def _post(client: TestClient, url: str, **form: str) -> object:
    return client.post(url, data={"csrf": client.cookies.get(CSRF_COOKIE), **form})


def _terms(client: TestClient, text: str) -> list[str]:
    answer = client.post("/api/check", json={"text": text})
    assert answer.status_code == 200, answer.text
    return [f["term"] for f in answer.json()["findings"]]


def _propose(client: TestClient) -> int:
    answer = _post(_as(client, "piet"), "/woorden/voorstel/woord", **TERM_FORM)
    assert answer.status_code == 200, answer.text  # type: ignore[attr-defined]
    found = re.search(r"/woorden/voorstellen/(\d+)$", str(answer.url))  # type: ignore[attr-defined]
    assert found, answer.url  # type: ignore[attr-defined]
    return int(found.group(1))


def test_propose_vote_accept_and_every_check_uses_the_new_word(
    app_client: TestClient, store: Store
) -> None:
    before = app_client.get("/api/packs").json()[0]["fingerprint"]
    assert _terms(app_client, LETTER) == ["klant"]
    number = _propose(app_client)
    page = app_client.get(f"/woorden/voorstellen/{number}").text
    assert (
        "Nieuw woord: &#39;afnemer&#39;" in page and "Het staat in veel van onze brieven." in page
    )
    assert _terms(app_client, LETTER) == ["klant"]  # a proposal changes nothing yet

    _as(app_client, "rita")
    _post(app_client, f"/woorden/voorstellen/{number}/stem", stem="voor")
    _post(app_client, f"/woorden/voorstellen/{number}/reactie", reactie="Goed plan.")
    page = app_client.get(f"/woorden/voorstellen/{number}").text
    assert "1 voor, 0 tegen. U stemde voor." in page and "Goed plan." in page
    assert "Aannemen" not in page  # a reader does not decide
    refused = _post(
        app_client, f"/woorden/voorstellen/{number}/besluit", besluit="aannemen", motivatie="x"
    )
    assert refused.status_code == 403  # type: ignore[attr-defined]

    _as(app_client, "eva")
    done = _post(
        app_client,
        f"/woorden/voorstellen/{number}/besluit",
        besluit="aannemen",
        motivatie="Past bij ons taalbeleid.",
    )
    assert "Aangenomen door eva" in done.text  # type: ignore[attr-defined]
    assert sorted(_terms(app_client, LETTER)) == ["afnemer", "klant"]
    after = app_client.get("/api/packs").json()[0]["fingerprint"]
    assert after != before
    history = app_client.get("/woorden/geschiedenis").text
    assert "Nieuw woord: &#39;afnemer&#39;" in history and "eva" in history
    words = app_client.get("/woorden?zoek=afnemer").text
    assert "Een inwoner neemt geen dienst af" in words
    assert "afnemer" in app_client.get("/woorden/export.yml").text


def test_a_decision_reaches_another_server_process_on_the_same_store(store: Store) -> None:
    with _client(store) as first, _client(store) as second:
        assert _terms(second, LETTER) == ["klant"]  # the second has built its service
        number = _propose(first)
        _as(first, "eva")
        _post(first, f"/woorden/voorstellen/{number}/besluit", besluit="aannemen", motivatie="Ja.")
        assert sorted(_terms(second, LETTER)) == ["afnemer", "klant"]


def test_a_rejected_proposal_changes_no_check(app_client: TestClient) -> None:
    number = _propose(app_client)
    _as(app_client, "eva")
    answer = _post(
        app_client, f"/woorden/voorstellen/{number}/besluit", besluit="afwijzen", motivatie="Nee."
    )
    assert "Afgewezen door eva" in answer.text  # type: ignore[attr-defined]
    assert _terms(app_client, LETTER) == ["klant"]


def test_only_signed_in_colleagues_with_the_role_propose(app_client: TestClient) -> None:
    app_client.get("/woorden")
    anonymous = _post(app_client, "/woorden/voorstel/woord", **TERM_FORM)
    assert anonymous.status_code == 401  # type: ignore[attr-defined]
    assert app_client.get("/woorden/voorstellen").status_code == 401
    _as(app_client, "rita")
    form = app_client.get("/woorden/voorstel/woord").text
    assert "Vraag de beheerder om de rol voorsteller" in form
    refused = _post(app_client, "/woorden/voorstel/woord", **TERM_FORM)
    assert refused.status_code == 403  # type: ignore[attr-defined]
    assert "voorsteller" in refused.text  # type: ignore[attr-defined]


def test_a_proposal_that_cannot_work_comes_back_with_the_reason_and_the_values(
    app_client: TestClient,
) -> None:
    _as(app_client, "piet")
    answer = _post(app_client, "/woorden/voorstel/woord", **{**TERM_FORM, "woord": "klant"})
    assert answer.status_code == 422  # type: ignore[attr-defined]
    assert "&#39;klant&#39; staat al in de woordenlijst." in answer.text  # type: ignore[attr-defined]
    assert 'value="afnemers"' in answer.text  # type: ignore[attr-defined]
    forged = app_client.post("/woorden/voorstel/woord", data={**TERM_FORM, "csrf": "vervalst"})
    assert forged.status_code == 403


def test_the_preview_counts_the_findings_of_the_last_scan_with_and_without(
    app_client: TestClient, store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / "a.txt").write_text(LETTER, encoding="utf-8")
    (folder / "b.txt").write_text("De afnemers en de afnemer. De klant.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Een brief zonder markttaal.\n", encoding="utf-8")
    scan(Service.load(isolated=True)[0], store, [str(folder)], jobs=1)
    number = _propose(app_client)
    page = app_client.get(f"/woorden/voorstellen/{number}").text
    assert "In 3 van de 3 documenten uit de laatste scan" in page
    assert "nu 2 meldingen, met dit voorstel 5" in page
    assert "2 documenten veranderen" in page
    assert f"{folder / 'b.txt'}: 1 → 3" in page


def test_a_writer_marks_a_finding_and_an_editor_makes_it_an_exception(
    app_client: TestClient,
) -> None:
    text = "Bel het Klantcontactcentrum Zuid.\nDe klant krijgt een brief.\n"
    app_client.get("/")
    review = _post(app_client, "/controleren", tekst=text)
    body = review.text  # type: ignore[attr-defined]
    assert "geen markttaal" in body
    key = re.search(r'name="keuze-(\d+-\d+)"', body).group(1)  # type: ignore[union-attr]
    data = re.search(r'name="inhoud" value="([^"]+)"', body).group(1)  # type: ignore[union-attr]
    sent = _post(
        app_client,
        "/herschrijven",
        inhoud=data,
        naam="",
        **{
            f"keuze-{key}": "melden",
            f"term-{key}": "klantcontact",
            f"reden-{key}": "Zo heet het loket.",
        },
    )
    assert '1 melding "geen markttaal" naar de redactie gestuurd' in sent.text  # type: ignore[attr-defined]

    _as(app_client, "eva")
    marks = app_client.get("/woorden/meldingen").text
    assert "Bel het Klantcontactcentrum Zuid." in marks and "Zo heet het loket." in marks
    assert "De klant krijgt" not in marks  # only a few words around, never the text
    number = re.search(r'action="/woorden/meldingen/(\d+)"', marks).group(1)  # type: ignore[union-attr]
    _post(
        app_client,
        f"/woorden/meldingen/{number}",
        besluit="uitzondering",
        woorden="Klantcontactcentrum Zuid",
    )
    assert _terms(app_client, text) == ["klant"]
    assert "Er zijn geen open meldingen." in app_client.get("/woorden/meldingen").text


def test_changing_terms_through_the_api_needs_a_token_with_the_role(
    app_client: TestClient, store: Store
) -> None:
    change = {"kind": "alternative", "term": "casus", "text": "vraag", "gender": "de"}
    assert app_client.post("/api/terms", json=change).status_code == 401
    wrong = app_client.post("/api/terms", json=change, headers={"authorization": "Bearer nee"})
    assert wrong.status_code == 401 and "onbekend" in wrong.json()["detail"]
    proposer = {"authorization": f"Bearer {new_api_token(store, 'piet')}"}
    editor = {"authorization": f"Bearer {new_api_token(store, 'eva', 'zaaksysteem')}"}
    assert app_client.post("/api/terms", json=change, headers=proposer).status_code == 403
    before = app_client.get("/api/packs").json()[0]["fingerprint"]
    done = app_client.post("/api/terms", json=change, headers=editor)
    assert done.status_code == 200, done.text
    assert done.json()["fingerprint"] != before
    assert done.json()["fingerprint"] == app_client.get("/api/packs").json()[0]["fingerprint"]
    terms = {t["id"]: t for t in app_client.get("/api/terms").json()}
    assert "vraag" in [a["text"] for a in terms["casus"]["alternatives"]]
    proposed = app_client.post(
        "/api/proposals",
        json={"kind": "reason", "term": "concern", "reason": "Een gemeente is geen bedrijf."},
        headers=proposer,
    )
    assert proposed.status_code == 201 and proposed.json()["status"] == "open"
    again = app_client.post("/api/terms", json=change, headers=editor)
    assert again.status_code == 422 and "staat al als alternatief" in again.json()["detail"]


def test_a_config_can_require_signing_in_to_check(tmp_path: Path, store: Store) -> None:
    config = tmp_path / "taalwacht.toml"
    config.write_text("sign-in-required = true\n", encoding="utf-8")
    base = Service.load(config=load_config(config))[0]
    with TestClient(create_app(base, store=store)) as client:
        assert client.get("/", follow_redirects=False).headers["location"] == "/inloggen"
        refused = client.post("/api/check", json={"text": LETTER})
        assert refused.status_code == 401 and "Log eerst in" in refused.json()["detail"]
        token = new_api_token(store, "rita")
        answer = client.post(
            "/api/check", json={"text": LETTER}, headers={"authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 200
        _as(client, "rita")
        assert client.get("/").status_code == 200
