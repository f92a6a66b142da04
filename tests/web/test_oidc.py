"""Signing in through an OpenID Connect provider: a small provider of our own runs as a real
HTTP server in this process (discovery, authorize, token with PKCE, keys), and signs its ID
tokens with a fresh RSA key; the application talks to it as to the organisation's."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import RSAKey

from taalwacht.config import load_config
from taalwacht.scan.accounts import add_user, sign_in
from taalwacht.scan.store import Store, database_url
from taalwacht.service import Service
from taalwacht.web.app import create_app

CLIENT = "taalwacht"
REALM = "/realms/gemeente"


class FakeProvider:
    """What the provider hands out, and how it may misbehave for a test."""

    def __init__(self) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": "sleutel-1"})
        self.codes: dict[str, dict[str, str]] = {}
        self.issuer = ""
        self.claims: dict[str, Any] = {"preferred_username": "jan.jansen"}
        self.nonce_override: str | None = None
        self.audience = CLIENT


def _handler(provider: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _json(self, data: object, status: int = 200) -> None:
            body = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            path = url.path.removeprefix(REALM)
            if path == "/.well-known/openid-configuration":
                self._json(
                    {
                        "issuer": provider.issuer,
                        "authorization_endpoint": provider.issuer + "/authorize",
                        "token_endpoint": provider.issuer + "/token",
                        "jwks_uri": provider.issuer + "/jwks",
                    }
                )
            elif path == "/jwks":
                self._json({"keys": [provider.key.as_dict(private=False)]})
            elif path == "/authorize":  # the user signs in at once and is sent back
                query = dict(urllib.parse.parse_qsl(url.query))
                code = f"code-{len(provider.codes)}"
                provider.codes[code] = query
                back = f"{query['redirect_uri']}?code={code}&state={query['state']}"
                self.send_response(302)
                self.send_header("location", back)
                self.end_headers()
            else:
                self._json({"error": "not_found"}, 404)

        def do_POST(self) -> None:
            form = dict(
                urllib.parse.parse_qsl(
                    self.rfile.read(int(self.headers["content-length"])).decode()
                )
            )
            asked = provider.codes.pop(form.get("code", ""), None)
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if asked is None or asked["code_challenge"] != challenge:  # PKCE
                self._json({"error": "invalid_grant"}, 400)
                return
            claims = {
                "iss": provider.issuer,
                "aud": provider.audience,
                "sub": "12345",
                "exp": int(time.time()) + 300,
                "iat": int(time.time()),
                "nonce": provider.nonce_override or asked["nonce"],
                **provider.claims,
            }
            token = jwt.encode({"alg": "RS256", "kid": "sleutel-1"}, claims, provider.key)
            self._json({"id_token": token, "access_token": "x", "token_type": "Bearer"})

    return Handler


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    fake = FakeProvider()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.issuer = f"http://127.0.0.1:{server.server_address[1]}{REALM}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(database_url(str(tmp_path / "taalwacht.db")))


def _app(tmp_path: Path, store: Store, issuer: str) -> TestClient:
    config = tmp_path / "taalwacht.toml"
    config.write_text(
        f'[oidc]\nissuer = "{issuer}"\nclient-id = "{CLIENT}"\nrole = "proposer"\n',
        encoding="utf-8",
    )
    service = Service.load(config=load_config(config))[0]
    return TestClient(create_app(service, store=store))


def _sign_in(client: TestClient) -> Any:
    """The browser's way: to the provider, which sends it back with a code."""
    start = client.get("/inloggen/oidc", follow_redirects=False)
    assert start.status_code == 303
    to_provider = start.headers["location"]
    assert "code_challenge_method=S256" in to_provider
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(to_provider)
        raise AssertionError("the provider did not send the browser back")
    except urllib.error.HTTPError as answer:
        back = answer.headers["location"]
    path = urllib.parse.urlsplit(back)
    return client.get(f"{path.path}?{path.query}", follow_redirects=False)


def test_signing_in_through_the_provider_makes_the_account_once(
    provider: FakeProvider, store: Store, tmp_path: Path
) -> None:
    with _app(tmp_path, store, provider.issuer) as client:
        assert "Inloggen met uw account van de organisatie" in client.get("/inloggen").text
        answer = _sign_in(client)
        assert answer.status_code == 303, answer.text
        assert "HttpOnly" in answer.headers["set-cookie"]
        assert "Ingelogd als <strong>jan.jansen</strong>" in client.get("/").text
        # the configured role: a proposer may propose
        assert "Een nieuw woord voorstellen" in client.get("/woorden").text
        client.cookies.clear()
        assert _sign_in(client).status_code == 303  # the second time: the same account
    # the account has no password here: the form cannot open it
    assert sign_in(store, "jan.jansen", "!") is None


def test_a_token_for_another_flow_or_client_is_refused(
    provider: FakeProvider, store: Store, tmp_path: Path
) -> None:
    with _app(tmp_path, store, provider.issuer) as client:
        provider.nonce_override = "een andere nonce"
        answer = _sign_in(client)
        assert answer.status_code == 401 and "klopt niet of is verlopen" in answer.text
        provider.nonce_override = None
        provider.audience = "een-ander-systeem"
        assert _sign_in(client).status_code == 401
        assert "Ingelogd als" not in client.get("/").text


def test_a_callback_without_this_browsers_flow_is_refused(
    provider: FakeProvider, store: Store, tmp_path: Path
) -> None:
    with _app(tmp_path, store, provider.issuer) as client:
        answer = client.get("/inloggen/oidc/terug?code=x&state=geraden")
        assert answer.status_code == 400 and "Het inloggen is verlopen" in answer.text
        refused = client.get("/inloggen/oidc/terug?error=access_denied")
        assert refused.status_code == 401 and "access_denied" in refused.text


def test_a_deactivated_account_does_not_sign_in(
    provider: FakeProvider, store: Store, tmp_path: Path
) -> None:
    import sqlalchemy as sa

    from taalwacht.scan.store import users

    add_user(store, "jan.jansen", "een zin als wachtwoord", "editor")
    with store.transaction() as conn:
        conn.execute(sa.update(users).values(active=False))
    with _app(tmp_path, store, provider.issuer) as client:
        answer = _sign_in(client)
        assert answer.status_code == 403 and "uitgeschakeld" in answer.text


def test_an_unreachable_provider_is_a_dutch_message(store: Store, tmp_path: Path) -> None:
    with _app(tmp_path, store, "http://127.0.0.1:9/realms/weg") as client:
        answer = client.get("/inloggen/oidc")
        assert answer.status_code == 502
        assert "niet bereikbaar" in answer.text and "Traceback" not in answer.text


def test_the_config_refuses_a_provider_without_https(tmp_path: Path) -> None:
    from taalwacht.errors import ConfigError

    config = tmp_path / "taalwacht.toml"
    config.write_text('[oidc]\nissuer = "http://login.example"\nclient-id = "x"\n')
    with pytest.raises(ConfigError, match=r"oidc\.issuer: moet een https"):
        load_config(config)
    config.write_text('[oidc]\nissuer = "https://login.example"\nclient-id = "x"\nrole = "admin"\n')
    with pytest.raises(ConfigError, match=r"oidc\.role"):
        load_config(config)


def test_an_account_from_the_provider_gets_another_role_from_the_command_line(
    provider: FakeProvider, store: Store, tmp_path: Path
) -> None:
    from conftest import run

    with _app(tmp_path, store, provider.issuer) as client:
        _sign_in(client)
        client.get("/woorden")  # a page first: it sets the forms' token
        change = {"kind": "reason", "term": "casus", "reason": "Een mens is geen zaak."}
        made = client.post(  # a proposer may propose, and sees no decision form
            "/woorden/voorstel/reden",
            data={
                "csrf": client.cookies.get("taalwacht_csrf") or "",
                "term": "casus",
                "reden": change["reason"],
            },
        )
        assert made.status_code == 200 and "Een redacteur besluit" in made.text
        shown = store.shown
        changed = run("user", "jan.jansen", "--role", "editor", "--change-role", "--db", shown)
        assert changed.exit_code == 0 and "heeft nu de rol editor" in changed.stderr
        assert "Aannemen" in client.get(str(made.url)).text
        assert run("user", "niemand", "--change-role", "--db", shown).exit_code == 2
