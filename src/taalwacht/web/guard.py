"""What every response and request passes: security headers, a size limit on request
bodies, and the CSRF token of the forms.

The forms use a double-submit token: a random value in a SameSite=Strict, HttpOnly cookie
and the same value in a hidden field; a form posted from another site has neither.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from taalwacht import messages

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "taalwacht_csrf"
CSRF_FIELD = "csrf"

HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(cookie: str | None, field: str | None) -> bool:
    return bool(cookie) and bool(field) and secrets.compare_digest(str(cookie), str(field))


class Guard:
    """ASGI middleware: the security headers on every response (pages, API and errors
    alike) and a request body of at most ``max_bytes``, or a 413 before it is read."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                names = {name.lower() for name, _ in message["headers"]}
                message["headers"] += [(k, v) for k, v in HEADERS if k not in names]
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _too_large(scope, send_with_headers, self.max_bytes)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except BodyTooLarge:
            await _too_large(scope, send_with_headers, self.max_bytes)


class BodyTooLarge(Exception):
    """A request body without Content-Length that grew past the limit."""


async def _too_large(scope: Scope, send: Send, max_bytes: int) -> None:
    mb = max(1, max_bytes // 1_000_000)
    detail = messages.text("app.too-large", mb=mb)
    if scope.get("path", "").startswith("/api"):
        body = ('{"detail": "' + detail.replace('"', '\\"') + '"}').encode()
        kind = b"application/json"
    else:
        body = f"<!doctype html><html lang=nl><title>Te groot</title><p>{detail}</p>".encode()
        kind = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
