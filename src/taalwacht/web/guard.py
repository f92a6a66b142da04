"""What every response and request passes: security headers, a size limit on request
bodies, and the CSRF token of the forms.

The forms use a double-submit token: a random value in a SameSite=Strict, HttpOnly cookie
and the same value in a hidden field; a form posted from another site has neither.
"""

from __future__ import annotations

import json
import math
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from taalwacht import messages

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "taalwacht_csrf"

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


def is_api(scope: Scope, root_path: str) -> bool:
    """Whether a request is for the API: ``/api/...`` as a reverse proxy that strips the
    application's path sends it, or ``ROOT/api/...`` as it arrives without one."""
    path: str = scope.get("path", "")
    return path.startswith("/api") or (bool(root_path) and path.startswith(root_path + "/api"))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(cookie: str | None, field: str | None) -> bool:
    return bool(cookie) and bool(field) and secrets.compare_digest(str(cookie), str(field))


class Guard:
    """ASGI middleware: the security headers on every response (pages, API and errors
    alike) and a request body of at most ``max_bytes``, or a 413 before it is read."""

    def __init__(self, app: ASGIApp, max_bytes: int, root_path: str = "") -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.root_path = root_path

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
            await _too_large(is_api(scope, self.root_path), send_with_headers, self.max_bytes)
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
            await _too_large(is_api(scope, self.root_path), send_with_headers, self.max_bytes)


class RateLimit:
    """ASGI middleware: at most ``per_minute`` API requests per client address in each
    minute, then a 429 with Retry-After. Counted per server process (with several workers
    the whole server allows a multiple); behind a reverse proxy the address is the
    forwarded one. Pages are not limited: a writer checks at the speed of reading."""

    def __init__(self, app: ASGIApp, per_minute: int, root_path: str = "") -> None:
        self.app = app
        self.per_minute = per_minute
        self.root_path = root_path
        self.windows: dict[str, tuple[int, int]] = {}  # address -> (minute, requests)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.per_minute or not is_api(scope, self.root_path):
            await self.app(scope, receive, send)
            return
        address = (scope.get("client") or ("?", 0))[0]
        now = time.time()
        minute = int(now // 60)
        start, count = self.windows.get(address, (minute, 0))
        if start != minute:
            start, count = minute, 0
            if len(self.windows) > 10_000:  # forget the addresses of minutes gone by
                self.windows = {a: w for a, w in self.windows.items() if w[0] == minute}
        if count >= self.per_minute:
            wait = max(1, math.ceil((minute + 1) * 60 - now))
            detail = messages.text("app.too-many", n=self.per_minute, seconds=wait)
            body = json.dumps({"detail": detail}).encode("utf-8")
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(wait).encode()),
            ]
            await send({"type": "http.response.start", "status": 429, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.windows[address] = (start, count + 1)
        await self.app(scope, receive, send)


class Attempts:
    """Failed sign-ins per client address and per account name: after ``limit`` failures
    within ``minutes`` the next try waits, so a password cannot be guessed by the thousand.
    Kept per server process."""

    def __init__(self, limit: int = 5, minutes: int = 15) -> None:
        self.limit, self.window = limit, minutes * 60
        self.failures: dict[str, list[float]] = {}

    def wait(self, *keys: str) -> int:
        """Minutes until ``keys`` may try again; 0 when they may now."""
        now = time.time()
        longest = 0.0
        for key in keys:
            recent = [t for t in self.failures.get(key, []) if now - t < self.window]
            self.failures[key] = recent
            if len(recent) >= self.limit:
                longest = max(longest, recent[0] + self.window - now)
        return math.ceil(longest / 60) if longest else 0

    def failed(self, *keys: str) -> None:
        now = time.time()
        for key in keys:
            self.failures.setdefault(key, []).append(now)

    def cleared(self, *keys: str) -> None:
        for key in keys:
            self.failures.pop(key, None)


class BodyTooLarge(Exception):
    """A request body without Content-Length that grew past the limit."""


async def _too_large(api: bool, send: Send, max_bytes: int) -> None:
    mb = max(1, max_bytes // 1_000_000)
    detail = messages.text("app.too-large", mb=mb)
    if api:
        body = json.dumps({"detail": detail}).encode("utf-8")
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
