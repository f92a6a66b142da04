"""Signing in and out of the web application; who is signed in, for every page.

The session lives in an HttpOnly cookie (Secure over https, SameSite=Lax so a link from an
e-mail opens the application signed in); forms carry the CSRF token as everywhere.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from taalwacht import messages
from taalwacht.scan.accounts import SESSION_DAYS, sign_in, sign_out
from taalwacht.web.render import SESSION_COOKIE, PageError, form_of, page, verify_token

router = APIRouter()


@router.get("/inloggen", response_class=HTMLResponse, include_in_schema=False)
def sign_in_page(request: Request) -> HTMLResponse:
    return page(
        request,
        "inloggen.html",
        accounts=request.app.state.store is not None,
        oidc=request.app.state.oidc is not None,
    )


@router.post("/inloggen", include_in_schema=False)
async def sign_in_form(request: Request) -> Response:
    form = await form_of(request)
    verify_token(request, str(form.get("csrf", "")))
    store = request.app.state.store
    if store is None:
        raise PageError(messages.text("accounts.no-store"), 404)
    name = str(form.get("naam", "")).strip()[:120]
    password = str(form.get("wachtwoord", ""))
    address = (request.client.host if request.client else "?") or "?"
    attempts = request.app.state.attempts
    keys = (f"adres:{address}", f"naam:{name.lower()}")
    wait = attempts.wait(*keys)
    if wait:
        message = messages.text("accounts.too-many", minutes=wait)
        return page(
            request, "inloggen.html", status=429, accounts=True, message=message, oidc=False
        )
    signed = sign_in(store, name, password)
    if signed is None:
        attempts.failed(*keys)
        message = messages.text("accounts.wrong")
        return page(request, "inloggen.html", status=401, accounts=True, message=message, naam=name)
    attempts.cleared(*keys)
    _user, token = signed
    root = request.scope.get("root_path", "").rstrip("/")
    response = RedirectResponse(f"{root}/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_DAYS * 86400,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path=root or "/",
    )
    return response


@router.post("/uitloggen", include_in_schema=False)
async def sign_out_form(request: Request) -> Response:
    form = await form_of(request)
    verify_token(request, str(form.get("csrf", "")))
    if request.app.state.store is not None:
        sign_out(request.app.state.store, request.cookies.get(SESSION_COOKIE))
    root = request.scope.get("root_path", "").rstrip("/")
    response = RedirectResponse(f"{root}/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=root or "/")
    return response
