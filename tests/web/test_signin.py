"""Signing in to the web application with an account from the store: the session cookie,
the name in every page, a wrong password, too many tries, signing out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from taalwacht.scan.accounts import add_user
from taalwacht.scan.store import Store, database_url
from taalwacht.service import Service
from taalwacht.web.app import create_app
from taalwacht.web.guard import CSRF_COOKIE
from taalwacht.web.render import SESSION_COOKIE

PASSWORD = "een zin als wachtwoord"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store.open(database_url(str(tmp_path / "taalwacht.db")))
    add_user(store, "anna", PASSWORD, "editor")
    with TestClient(create_app(Service.load(isolated=True)[0], store=store)) as test_client:
        test_client.get("/inloggen")
        yield test_client


def _sign_in(client: TestClient, password: str, name: str = "anna") -> object:
    token = client.cookies.get(CSRF_COOKIE)
    form = {"csrf": token, "naam": name, "wachtwoord": password}
    return client.post("/inloggen", data=form, follow_redirects=False)


def test_signing_in_names_the_user_on_every_page_until_signing_out(client: TestClient) -> None:
    answer = _sign_in(client, PASSWORD)
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Ingelogd als <strong>anna</strong>" in client.get("/").text
    assert "Ingelogd als <strong>anna</strong>" in client.get("/woorden").text
    out = client.post("/uitloggen", data={"csrf": client.cookies.get(CSRF_COOKIE)})
    assert out.status_code == 200  # the redirect, followed to Controleren
    assert "Ingelogd als" not in out.text and ">Inloggen</a>" in out.text


def test_a_wrong_password_is_one_message_for_name_and_password(client: TestClient) -> None:
    for name in ("anna", "bestaat-niet"):
        answer = _sign_in(client, "een fout wachtwoord", name)
        assert answer.status_code == 401
        assert "De gebruikersnaam of het wachtwoord klopt niet." in answer.text
        assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")


def test_after_five_failures_even_the_right_password_waits(client: TestClient) -> None:
    for _ in range(5):
        assert _sign_in(client, "een fout wachtwoord").status_code == 401
    answer = _sign_in(client, PASSWORD)
    assert answer.status_code == 429
    assert "Te veel mislukte pogingen" in answer.text


def test_signing_in_without_the_form_token_is_refused(client: TestClient) -> None:
    form = {"csrf": "vervalst", "naam": "anna", "wachtwoord": PASSWORD}
    answer = client.post("/inloggen", data=form, follow_redirects=False)
    assert answer.status_code == 403
