"""The application: the pages and the API on one service, behind the guard.

``create_app`` builds it around a service; ``from_environment`` is the factory the server
processes call (``taalwacht serve`` puts its settings in the environment, so each of
several worker processes builds the same service).
"""

from __future__ import annotations

import json
import os
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from taalwacht import messages
from taalwacht._version import __version__
from taalwacht.config import SERVE_SETTINGS
from taalwacht.scan.store import Store
from taalwacht.service import Service
from taalwacht.web import oidc, pages, rest, signin, words
from taalwacht.web.current import Current
from taalwacht.web.guard import Attempts, Guard, RateLimit, is_api
from taalwacht.web.render import PageError, page


def create_app(service: Service, *, store: Store | None = None, root_path: str = "") -> Any:
    """The ASGI application for ``service``: FastAPI inside the guard (headers, size, rate).
    With the organisation's ``store``, colleagues sign in and Voortgang shows the report."""
    service.warm_up()  # the lexicon is read once here, not by the first requests at once
    app = FastAPI(
        title="taalwacht",
        version=__version__,
        description="Markttaal vinden en vervangen in teksten van de overheid.",
        root_path=root_path,
        docs_url=None,  # the interactive docs load scripts from a CDN: not here
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.current = Current(service, store)
    settings = service.config.oidc
    app.state.oidc = oidc.Provider(settings) if settings is not None else None
    app.state.store = store
    app.state.attempts = Attempts()
    app.include_router(rest.router)
    app.include_router(pages.router)
    app.include_router(signin.router)
    app.include_router(oidc.router)
    app.include_router(words.router)
    static = os.path.join(os.path.dirname(__file__), "static")
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_exception_handler(PageError, _page_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _unexpected)
    # an upload as large as the readers accept, sent back once more in the review form
    limit = service.config.max_document_mb * 1_000_000 * 3 // 2 + 1_000_000
    app.state.max_bytes = limit
    # the guard outermost: its headers are on the rate limit's answers too
    limited = RateLimit(app, service.config.api_requests_per_minute, root_path)
    return Guard(limited, limit, root_path)


def from_environment() -> Any:
    """The app for a server process, from the settings ``taalwacht serve`` left."""
    settings = json.loads(os.environ.get(SERVE_SETTINGS, "{}"))
    service, _warnings = Service.load(
        isolated=bool(settings.get("isolated")), extra_packs=settings.get("packs") or ()
    )
    store = Store.open(settings["db"]) if settings.get("db") else None
    return create_app(service, store=store, root_path=str(settings.get("root_path", "")))


def _wants_json(request: Request) -> bool:
    return is_api(request.scope, str(request.scope.get("root_path", "")))


def _error_page(request: Request, message: str, status: int) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return page(request, "fout.html", status=status, message=message)


async def _page_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PageError)
    return _error_page(request, str(exc), exc.status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    known = {404: "app.not-found", 405: "app.method"}
    key = known.get(exc.status_code, "app.bad-request")
    return _error_page(request, messages.text(key), exc.status_code)


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        problems.append(f"{where}: {error.get('type', '')}" if where else error.get("type", ""))
    message = messages.text("app.invalid", problems="; ".join(problems[:5]))
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=422)
    return page(request, "fout.html", status=422, message=message)


async def _unexpected(request: Request, exc: Exception) -> Response:
    """A bug: a plain Dutch message, never a traceback (the server's log has it)."""
    message = messages.text("app.bug")
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=500)
    body = f"<!doctype html><html lang=nl><title>Fout</title><p>{message}</p>"
    return HTMLResponse(body, status_code=500)
