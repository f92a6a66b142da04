"""Woorden: the organisation's terms, and how colleagues change them together.

Anyone reads the terms. Signed-in colleagues see the proposals, comment and vote; a proposer
proposes a new term, a new alternative or a new reason, and sees how it would change the
findings of the last scan; an editor accepts or rejects with a motivation, and turns the
writers' "geen markttaal" marks into exceptions. An accepted change is a new version of the
pack in the store: the next check in any server process uses it. Who may do what is decided
in ``scan.proposals``, the same for the pages and the API.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from taalwacht import messages
from taalwacht.errors import NotAllowed, TaalwachtError
from taalwacht.packs.dump import dump
from taalwacht.packs.edit import ChangeError, apply_change
from taalwacht.scan import proposals as decide
from taalwacht.scan.accounts import User
from taalwacht.scan.store import Store
from taalwacht.scan.words import current, export, history
from taalwacht.service import Service
from taalwacht.web.current import Current, service_of
from taalwacht.web.render import PageError, current_user, form_of, page, verify_token

router = APIRouter()

KINDS = {"woord": "term", "alternatief": "alternative", "reden": "reason"}
POS = (
    ("noun", "zelfstandig naamwoord"),
    ("verb", "werkwoord"),
    ("adjective", "bijvoeglijk naamwoord"),
)
CONTEXTS = (
    ("person", "inwoners (zoals klant)"),
    ("staff", "medewerkers (zoals klantmanager)"),
    ("service", "wat de gemeente biedt (zoals product)"),
    ("organisation", "de organisatie (zoals concern)"),
    ("procurement", "inkoop van zorg (zoals inkopen)"),
    ("case", "een situatie of dossier (zoals casus)"),
    ("always", "altijd melden"),
)


def _store(request: Request) -> Store:
    store: Store | None = request.app.state.store
    if store is None:
        raise PageError(messages.text("accounts.no-store"), 404)
    return store


def _signed_in(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise PageError(messages.text("words.sign-in"), 401)
    return user


def _current(request: Request) -> Current:
    found: Current = request.app.state.current
    return found


def _home(request: Request, path: str) -> RedirectResponse:
    root = request.scope.get("root_path", "").rstrip("/")
    return RedirectResponse(f"{root}{path}", status_code=303)


@router.get("/woorden", response_class=HTMLResponse, include_in_schema=False)
def woorden(request: Request, zoek: str = "") -> HTMLResponse:
    """The organisation's terms with their reasons and alternatives, searchable; for
    signed-in colleagues also the open proposals."""
    wanted = zoek.strip().lower()[:100]
    terms = [
        t
        for t in service_of(request).terms()
        if not wanted
        or wanted in t.lemma.lower()
        or any(wanted in a.text.lower() for a in t.alternatives)
    ]
    user = current_user(request)
    store = request.app.state.store
    open_ = decide.all_proposals(store, "open") if store is not None and user else []
    marks = len(decide.open_marks(store)) if store is not None and user else 0
    return page(request, "woorden.html", terms=terms, zoek=zoek[:100], proposals=open_, marks=marks)


@router.get("/woorden/voorstel/{soort}", response_class=HTMLResponse, include_in_schema=False)
def proposal_form(request: Request, soort: str, term: str = "") -> HTMLResponse:
    """The form for a new term, alternative or reason."""
    if soort not in KINDS:
        raise PageError(messages.text("app.not-found"), 404)
    _store(request)
    return _form(request, soort, {"term": term})


def _form(
    request: Request, soort: str, values: Mapping[str, Any], message: str = "", status: int = 200
) -> HTMLResponse:
    terms = sorted(service_of(request).terms(), key=lambda t: t.lemma.casefold())
    return page(
        request,
        "voorstel-maken.html",
        status=status,
        soort=soort,
        values=values,
        message=message,
        terms=terms,
        pos=POS,
        contexts=CONTEXTS,
    )


def change_from_form(soort: str, form: Mapping[str, Any]) -> dict[str, Any]:
    """The change a proposal form describes, in the terms of ``packs.edit``."""
    field = {k: str(v).strip() for k, v in form.items() if isinstance(v, str)}
    kind = KINDS[soort]
    if kind == "term":
        return {
            "kind": kind,
            "lemma": field.get("woord", ""),
            "pos": field.get("woordsoort", "noun"),
            "gender": field.get("lidwoord", ""),
            "plural": field.get("meervoud", ""),
            "context": field.get("gaat-over", "person"),
            "reason": field.get("reden", ""),
            "alt_text": field.get("alternatief", ""),
            "alt_gender": field.get("alternatief-lidwoord", ""),
            "alt_plural": field.get("alternatief-meervoud", ""),
        }
    if kind == "alternative":
        return {
            "kind": kind,
            "term": field.get("term", ""),
            "text": field.get("alternatief", ""),
            "gender": field.get("lidwoord", ""),
            "plural": field.get("meervoud", ""),
            "note": field.get("toelichting", ""),
        }
    return {"kind": kind, "term": field.get("term", ""), "reason": field.get("reden", "")}


@router.post("/woorden/voorstel/{soort}", include_in_schema=False)
async def propose(request: Request, soort: str) -> Response:
    form = await form_of(request)
    verify_token(request, str(form.get("csrf", "")))
    if soort not in KINDS:
        raise PageError(messages.text("app.not-found"), 404)
    store = _store(request)
    user = _signed_in(request)
    values = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    change = change_from_form(soort, values)
    configured = _current(request).configured
    try:
        made = decide.propose(store, user, change, values.get("motivatie", ""), configured)
    except NotAllowed as err:
        raise PageError(str(err), 403) from err
    except ChangeError as err:
        return _form(request, soort, values, str(err), 422)
    now = service_of(request)
    await run_in_threadpool(_preview, store, now, configured, made, change)
    return _home(request, f"/woorden/voorstellen/{made}")


def _preview(
    store: Store, now: Service, configured: Any, proposal_id: int, change: Mapping[str, Any]
) -> None:
    """Keep with the proposal how it would change the last scan's findings."""
    from taalwacht.scan.preview import preview

    if change["kind"] == "reason":  # a reason changes no finding: nothing to read
        decide.set_preview(store, proposal_id, {"unchanged": True})
        return
    packs = current(store, configured)
    changed = apply_change(packs, change)
    proposed_packs = tuple(changed if p.id == changed.id else p for p in packs)
    proposed = Service(dataclasses.replace(now.settings, packs=proposed_packs))
    decide.set_preview(store, proposal_id, preview(store, now, proposed))


@router.get("/woorden/voorstellen", response_class=HTMLResponse, include_in_schema=False)
def proposal_list(request: Request) -> HTMLResponse:
    store = _store(request)
    _signed_in(request)
    return page(request, "voorstellen.html", proposals=decide.all_proposals(store))


@router.get("/woorden/voorstellen/{number}", response_class=HTMLResponse, include_in_schema=False)
def proposal_page(request: Request, number: int, melding: str = "") -> HTMLResponse:
    store = _store(request)
    user = _signed_in(request)
    found = decide.proposal(store, number, user)
    if found is None:
        raise PageError(messages.text("words.no-proposal", id=number), 404)
    return page(request, "voorstel.html", proposal=found, message=melding[:200])


@router.post("/woorden/voorstellen/{number}/{action}", include_in_schema=False)
async def proposal_action(request: Request, number: int, action: str) -> Response:
    """Vote (stem), comment (reactie) or decide (besluit) on a proposal."""
    form = await form_of(request)
    verify_token(request, str(form.get("csrf", "")))
    store = _store(request)
    user = _signed_in(request)
    try:
        if action == "stem":
            value = {"voor": 1, "tegen": -1}.get(str(form.get("stem", "")), 0)
            decide.vote(store, user, number, value)
        elif action == "reactie":
            decide.comment(store, user, number, str(form.get("reactie", "")))
        elif action == "besluit":
            decide.decide(
                store,
                user,
                number,
                accept=form.get("besluit") == "aannemen",
                motivation=str(form.get("motivatie", "")),
                configured=_current(request).configured,
            )
        else:
            raise PageError(messages.text("app.not-found"), 404)
    except NotAllowed as err:
        raise PageError(str(err), 403) from err
    except ChangeError as err:
        found = decide.proposal(store, number, user)
        if found is None:
            raise PageError(str(err), 404) from err
        return page(request, "voorstel.html", status=422, proposal=found, message=str(err))
    return _home(request, f"/woorden/voorstellen/{number}")


@router.get("/woorden/geschiedenis", response_class=HTMLResponse, include_in_schema=False)
def history_page(request: Request) -> HTMLResponse:
    store = _store(request)
    _signed_in(request)
    return page(request, "geschiedenis.html", versions=history(store))


@router.get("/woorden/export.yml", include_in_schema=False)
def export_yaml(request: Request) -> Response:
    """The organisation's pack as YAML: the store's newest version as it was saved, or the
    pack from the config when the store holds none yet."""
    store = request.app.state.store
    found = export(store) if store is not None else None
    text = found[0] if found else dump(service_of(request).settings.packs[0])
    headers = {"content-disposition": 'attachment; filename="woordenlijst.yml"'}
    return Response(text, media_type="application/yaml; charset=utf-8", headers=headers)


@router.get("/woorden/meldingen", response_class=HTMLResponse, include_in_schema=False)
def marks_page(request: Request) -> HTMLResponse:
    store = _store(request)
    _signed_in(request)
    return page(request, "meldingen.html", marks=decide.open_marks(store))


@router.post("/woorden/meldingen/{number}", include_in_schema=False)
async def settle(request: Request, number: int) -> Response:
    """An editor makes a mark an exception, or puts it aside."""
    form = await form_of(request)
    verify_token(request, str(form.get("csrf", "")))
    store = _store(request)
    user = _signed_in(request)
    exception = form.get("besluit") == "uitzondering"
    phrase = " ".join(str(form.get("woorden", "")).split()) if exception else None
    try:
        if exception and not phrase:
            raise ChangeError(
                messages.text("words.required", field=messages.text("words.field-phrase"))
            )
        decide.settle_mark(
            store, user, number, phrase=phrase, configured=_current(request).configured
        )
    except NotAllowed as err:
        raise PageError(str(err), 403) from err
    except TaalwachtError as err:
        return page(
            request, "meldingen.html", status=422, marks=decide.open_marks(store), message=str(err)
        )
    return _home(request, "/woorden/meldingen")
