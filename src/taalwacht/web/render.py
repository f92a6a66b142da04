"""What every page shares: the templates, the signed-in user, the forms' CSRF token, the
posted form, and the error a writer can fix."""

from __future__ import annotations

import os
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from taalwacht import messages
from taalwacht.scan.accounts import User, user_for
from taalwacht.web.guard import CSRF_COOKIE, new_token, same_token

SESSION_COOKIE = "taalwacht_sessie"
templates = Jinja2Templates(directory=os.path.join(os.path.dirname(__file__), "templates"))


class PageError(Exception):
    """A problem the writer can fix: shown on the page with ``status``, in Dutch."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def current_user(request: Request) -> User | None:
    """The signed-in user, or None (also without a store: then there are no accounts)."""
    store = request.app.state.store
    if store is None:
        return None
    return user_for(store, request.cookies.get(SESSION_COOKIE))


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page with the form token its forms carry, set as a cookie when it is new."""
    token = request.cookies.get(CSRF_COOKIE) or new_token()
    root = request.scope.get("root_path", "").rstrip("/")
    response = templates.TemplateResponse(
        request,
        name,
        {"csrf": token, "root": root, "user": current_user(request), **context},
        status_code=status,
    )
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(
            CSRF_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path=request.scope.get("root_path") or "/",
        )
    return response


def verify_token(request: Request, field: str) -> None:
    """A posted form must carry the token of its cookie: a form from elsewhere has none."""
    if not same_token(request.cookies.get(CSRF_COOKIE), field):
        raise PageError(messages.text("app.expired"), 403)


async def form_of(request: Request) -> FormData:
    """The posted form. A field may be as large as the whole request the guard lets in
    (the review form carries the document back); Starlette's default is 1 MB a field."""
    try:
        return await request.form(max_part_size=request.app.state.max_bytes)
    except HTTPException as err:  # a body that is no form (multipart) at all
        raise PageError(messages.text("app.bad-form"), 400) from err


def require_access(request: Request, user: User | None = None) -> None:
    """With ``sign-in-required = true`` in the config, checking and fixing need an account
    (a signed-in user, or an API token's)."""
    current = request.app.state.current
    if current.base.config.sign_in_required and (user or current_user(request)) is None:
        raise PageError(messages.text("words.sign-in-to-check"), 401)
