"""Signing in through the organisation's OpenID Connect provider (``[oidc]`` in the config).

The authorization code flow with PKCE: ``/inloggen/oidc`` sends the browser to the
provider with a fresh state, nonce and code challenge (kept in a short-lived HttpOnly
cookie); the provider sends it back to ``/inloggen/oidc/terug`` with a code, which the
server exchanges for an ID token. joserfc checks the token's signature against the
provider's published keys and its issuer, audience, expiry and nonce. The account is the
one named by ``name-claim``; it is made at the first sign-in with the configured role, and
has no password here. The client secret comes from ``TAALWACHT_OIDC_SECRET``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from starlette.concurrency import run_in_threadpool

from taalwacht import messages
from taalwacht.config import Oidc
from taalwacht.scan.accounts import SESSION_DAYS, external_user, start_session
from taalwacht.web.render import SESSION_COOKIE, PageError

router = APIRouter()

FLOW_COOKIE = "taalwacht_oidc"
SECRET_ENV = "TAALWACHT_OIDC_SECRET"
TIMEOUT = 10  # seconds for each request to the provider
ALGORITHMS = ("RS256", "PS256", "ES256")
MAX_ANSWER = 1_000_000  # bytes of a provider's answer


@dataclass(frozen=True)
class _Endpoints:
    authorize: str
    token: str
    jwks: str


class Provider:
    """The provider's endpoints and keys, fetched on first use and kept; the keys are
    fetched again when a token names one the server does not know (a key rotation)."""

    def __init__(self, settings: Oidc) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._endpoints: _Endpoints | None = None
        self._keys: KeySet | None = None

    def endpoints(self) -> _Endpoints:
        with self._lock:
            if self._endpoints is None:
                url = self.settings.issuer + "/.well-known/openid-configuration"
                found = _fetch(url)
                if found.get("issuer", "").rstrip("/") != self.settings.issuer:
                    raise PageError(messages.text("oidc.wrong-issuer"), 502)
                try:
                    self._endpoints = _Endpoints(
                        str(found["authorization_endpoint"]),
                        str(found["token_endpoint"]),
                        str(found["jwks_uri"]),
                    )
                except KeyError as err:
                    raise PageError(messages.text("oidc.provider-answer"), 502) from err
            return self._endpoints

    def keys(self, fresh: bool = False) -> KeySet:
        with self._lock:
            if self._keys is None or fresh:
                assert self._endpoints is not None
                try:
                    self._keys = KeySet.import_key_set(_fetch(self._endpoints.jwks))  # type: ignore[arg-type]
                except (JoseError, ValueError, TypeError) as err:
                    raise PageError(messages.text("oidc.provider-answer"), 502) from err
            return self._keys

    def exchange(self, code: str, redirect_uri: str, verifier: str) -> str:
        """The ID token for an authorization code."""
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": self.settings.client_id,
            "code_verifier": verifier,
        }
        secret = os.environ.get(SECRET_ENV)
        if secret:
            form["client_secret"] = secret
        answer = _fetch(self.endpoints().token, urllib.parse.urlencode(form).encode("ascii"))
        token = answer.get("id_token")
        if not isinstance(token, str):
            raise PageError(messages.text("oidc.provider-answer"), 502)
        return token

    def claims(self, id_token: str, nonce: str) -> dict[str, Any]:
        """The ID token's claims, once its signature, issuer, audience, expiry and nonce
        are right."""
        try:
            try:
                token = jwt.decode(id_token, self.keys(), algorithms=list(ALGORITHMS))
            except JoseError:  # perhaps a key the provider rotated in since
                token = jwt.decode(id_token, self.keys(fresh=True), algorithms=list(ALGORITHMS))
            jwt.JWTClaimsRegistry(
                leeway=60,
                iss={"essential": True, "value": self.settings.issuer},
                aud={"essential": True, "value": self.settings.client_id},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
            ).validate(token.claims)
        except (JoseError, ValueError) as err:
            raise PageError(messages.text("oidc.bad-token"), 401) from err
        return dict(token.claims)


def _fetch(url: str, data: bytes | None = None) -> dict[str, Any]:
    """A provider's JSON answer; a Dutch page error when it cannot be reached."""
    request = urllib.request.Request(url, data=data, headers={"accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            body = answer.read(MAX_ANSWER + 1)
    except OSError as err:
        raise PageError(messages.text("oidc.unreachable", problem=err), 502) from err
    try:
        found = json.loads(body) if len(body) <= MAX_ANSWER else None
    except ValueError:
        found = None
    if not isinstance(found, dict):
        raise PageError(messages.text("oidc.provider-answer"), 502)
    return found


def _provider(request: Request) -> Provider:
    provider: Provider | None = request.app.state.oidc
    if provider is None or request.app.state.store is None:
        raise PageError(messages.text("app.not-found"), 404)
    return provider


def _callback(request: Request) -> str:
    root = request.scope.get("root_path", "").rstrip("/")
    return str(request.base_url.replace(path=f"{root}/inloggen/oidc/terug"))


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@router.get("/inloggen/oidc", include_in_schema=False)
async def begin(request: Request) -> Response:
    """To the provider's sign-in page, with this flow's state, nonce and code challenge."""
    provider = _provider(request)
    endpoints = await run_in_threadpool(provider.endpoints)
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": provider.settings.client_id,
            "redirect_uri": _callback(request),
            "scope": "openid profile email",
            "state": state,
            "nonce": nonce,
            "code_challenge": _challenge(verifier),
            "code_challenge_method": "S256",
        }
    )
    separator = "&" if "?" in endpoints.authorize else "?"
    response = RedirectResponse(f"{endpoints.authorize}{separator}{query}", status_code=303)
    response.set_cookie(
        FLOW_COOKIE,
        f"{state}.{nonce}.{verifier}.{int(time.time())}",
        max_age=600,
        httponly=True,
        samesite="lax",  # the provider's redirect back is a top-level navigation
        secure=request.url.scheme == "https",
        path=request.scope.get("root_path", "").rstrip("/") or "/",
    )
    return response


@router.get("/inloggen/oidc/terug", include_in_schema=False)
async def back(request: Request, code: str = "", state: str = "", error: str = "") -> Response:
    """The provider's answer: a code to exchange for the ID token, then a session."""
    provider = _provider(request)
    if error:
        raise PageError(messages.text("oidc.refused", error=error[:100]), 401)
    flow = request.cookies.get(FLOW_COOKIE, "").split(".")
    if len(flow) != 4 or not code or not secrets.compare_digest(flow[0], state):
        raise PageError(messages.text("oidc.expired"), 400)
    _, nonce, verifier, _ = flow
    id_token = await run_in_threadpool(provider.exchange, code, _callback(request), verifier)
    claims = await run_in_threadpool(provider.claims, id_token, nonce)
    name = claims.get(provider.settings.name_claim) or claims.get("email") or claims.get("sub")
    if not isinstance(name, str) or not name.strip():
        raise PageError(messages.text("oidc.no-name", claim=provider.settings.name_claim), 401)
    store = request.app.state.store
    user = external_user(store, name, provider.settings.role)
    if user is None:
        raise PageError(messages.text("oidc.inactive"), 403)
    root = request.scope.get("root_path", "").rstrip("/")
    response = RedirectResponse(f"{root}/", status_code=303)
    response.delete_cookie(FLOW_COOKIE, path=root or "/")
    response.set_cookie(
        SESSION_COOKIE,
        start_session(store, user),
        max_age=SESSION_DAYS * 86400,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path=root or "/",
    )
    return response
