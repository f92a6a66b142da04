"""The REST API for document systems: ``/api/check``, ``/api/fix``, ``/api/packs`` and
``/api/terms``, described by the OpenAPI schema at ``/api/openapi.json``. Changing terms
(``POST /api/terms``, ``POST /api/proposals``) needs an API token (``taalwacht token``) of
a user whose role allows it.

``/api/check`` answers with the same finding objects as ``taalwacht check --format json``
(``model.contract``, validated against the same JSON Schema in the tests).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from taalwacht import messages
from taalwacht.errors import NotAllowed
from taalwacht.model.contract import VERSION, finding_dict
from taalwacht.model.results import FileResult
from taalwacht.packs.edit import ChangeError, describe
from taalwacht.scan import proposals as decide
from taalwacht.scan.accounts import User, user_for_api_token
from taalwacht.service import parse
from taalwacht.web.current import service_of
from taalwacht.web.render import PageError, current_user, require_access

router = APIRouter(prefix="/api", tags=["api"])

MAX_CHARS = 2_000_000  # a text longer than this is refused with a 422: send the document


class TextIn(BaseModel):
    text: str = Field(max_length=MAX_CHARS, description="De tekst, als platte tekst.")
    format: Literal["text", "markdown", "html"] = Field(
        "text", description="Wat de opmaak is: bepaalt wat code, citaat of commentaar is."
    )


class CheckIn(TextIn):
    explain: bool = Field(False, description="Ook wat niet gemeld wordt, met de reden.")


class CheckOut(BaseModel):
    version: int
    findings: list[dict[str, Any]] = Field(
        description="Dezelfde meldingen als `taalwacht check --format json`."
    )


class Change(BaseModel):
    start: int
    end: int
    text: str
    replacement: str


class Unchanged(BaseModel):
    start: int
    end: int
    text: str
    reason: str


class FixOut(BaseModel):
    version: int
    text: str = Field(description="De herschreven tekst.")
    changes: list[Change] = Field(description="Wat er veranderd is, in de oorspronkelijke tekst.")
    left: list[Unchanged] = Field(description="Meldingen die een mens moet bekijken.")


class PackOut(BaseModel):
    id: str
    description: str
    version: str
    fingerprint: str
    terms: int


class AlternativeOut(BaseModel):
    text: str
    gender: str | None
    plural: str | None
    note: str


class TermOut(BaseModel):
    id: str
    lemma: str
    pack: str
    severity: str
    reason: str
    alternatives: list[AlternativeOut]


@router.post("/check", response_model=CheckOut, summary="Controleer een tekst")
def check(body: CheckIn, request: Request) -> dict[str, Any]:
    """De meldingen in de tekst; met `explain` ook de woorden die niet gemeld worden."""
    require_access(request, _token_user(request))
    service = service_of(request)
    document = parse(body.text, body.format)
    findings = service.check(document)
    result = FileResult("-", document.text, findings)
    shown = result.visible(body.explain)
    return {
        "version": VERSION,
        "findings": [finding_dict(result, f, explain=body.explain) for f in shown],
    }


@router.post("/fix", response_model=FixOut, summary="Herschrijf een tekst")
def fix(body: TextIn, request: Request) -> dict[str, Any]:
    """De tekst met elke melding herschreven waar dat veilig kan, zoals `taalwacht fix`."""
    require_access(request, _token_user(request))
    service = service_of(request)
    document = parse(body.text, body.format)
    result = service.fix(document)
    text = document.text
    return {
        "version": VERSION,
        "text": result.text,
        "changes": [
            {"start": e.start, "end": e.end, "text": text[e.start : e.end], "replacement": e.text}
            for e in result.edits
        ],
        "left": [
            {
                "start": left.finding.start,
                "end": left.finding.end,
                "text": left.finding.text,
                "reason": left.reason,
            }
            for left in result.left
        ],
    }


@router.get("/packs", response_model=list[PackOut], summary="De termenpakketten")
def packs(request: Request) -> list[dict[str, Any]]:
    """De pakketten waarmee deze server controleert, met hun vingerafdruk."""
    return [
        {
            "id": p.id,
            "description": p.description,
            "version": p.version,
            "fingerprint": p.fingerprint,
            "terms": len(p.terms),
        }
        for p in service_of(request).settings.packs
    ]


@router.get("/terms", response_model=list[TermOut], summary="De woorden en hun alternatieven")
def terms(request: Request) -> list[dict[str, Any]]:
    """Elk woord met de reden en de alternatieven die de organisatie gebruikt."""
    return [
        {
            "id": t.id,
            "lemma": t.lemma,
            "pack": t.pack,
            "severity": t.severity,
            "reason": t.reason,
            "alternatives": [
                {"text": a.text, "gender": a.gender, "plural": a.plural, "note": a.note}
                for a in t.alternatives
            ],
        }
        for t in service_of(request).terms()
    ]


class TermChangeIn(BaseModel):
    """Een verandering van de woordenlijst, zoals een voorstel op de pagina Woorden."""

    kind: Literal["term", "alternative", "reason", "exception"] = Field(
        description="term: nieuw woord; alternative: nieuw alternatief; reason: nieuwe reden; "
        "exception: woorden waarin een woord nooit gemeld wordt."
    )
    term: str | None = Field(None, max_length=80, description="Het id van het woord.")
    lemma: str | None = Field(None, max_length=400, description="Nieuw woord.")
    pos: Literal["noun", "verb", "adjective"] | None = None
    gender: Literal["de", "het", ""] | None = None
    plural: str | None = Field(None, max_length=400)
    context: str | None = Field(None, max_length=40)
    reason: str | None = Field(None, max_length=400)
    text: str | None = Field(None, max_length=400, description="Nieuw alternatief.")
    note: str | None = Field(None, max_length=400)
    phrase: str | None = Field(None, max_length=400)
    alt_text: str | None = Field(None, max_length=400)
    alt_gender: Literal["de", "het", ""] | None = None
    alt_plural: str | None = Field(None, max_length=400)
    motivation: str = Field("", max_length=4000)


class ProposalOut(BaseModel):
    id: int
    summary: str
    status: str


class TermChangeOut(BaseModel):
    pack: str
    fingerprint: str = Field(description="De nieuwe vingerafdruk van het pakket.")
    summary: str


def _token_user(request: Request) -> User | None:
    """The user of the ``Authorization: Bearer`` token, or the signed-in user."""
    store = request.app.state.store
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if store is not None and scheme.lower() == "bearer" and token.strip():
        found = user_for_api_token(store, token.strip())
        if found is None:
            raise PageError(messages.text("words.bad-token"), 401)
        return found
    return current_user(request)


def _change(body: TermChangeIn) -> dict[str, Any]:
    return {k: v for k, v in body.model_dump().items() if v is not None and k != "motivation"}


def _governed(request: Request) -> tuple[Any, User]:
    store = request.app.state.store
    if store is None:
        raise PageError(messages.text("accounts.no-store"), 404)
    user = _token_user(request) if request.headers.get("authorization") else None
    if user is None:  # a session cookie alone would let another site's form change terms
        raise PageError(messages.text("words.needs-token"), 401)
    return store, user


@router.post(
    "/proposals", response_model=ProposalOut, status_code=201, summary="Stel een woord voor"
)
def propose(body: TermChangeIn, request: Request) -> dict[str, Any]:
    """Een voorstel zoals op de pagina Woorden; collega's stemmen, een redacteur besluit.
    Vraagt een API-sleutel van een gebruiker met de rol proposer of hoger."""
    store, user = _governed(request)
    configured = request.app.state.current.configured
    try:
        made = decide.propose(store, user, _change(body), body.motivation, configured)
    except NotAllowed as err:
        raise PageError(str(err), 403) from err
    except ChangeError as err:
        raise PageError(str(err), 422) from err
    found = decide.proposal(store, made)
    assert found is not None
    return {"id": found.id, "summary": found.summary, "status": found.status}


@router.post("/terms", response_model=TermChangeOut, summary="Verander de woordenlijst")
def change_terms(body: TermChangeIn, request: Request) -> dict[str, Any]:
    """Verander de woordenlijst meteen, zonder stemming; komt in de geschiedenis. Vraagt een
    API-sleutel van een gebruiker met de rol editor of hoger."""
    store, user = _governed(request)
    configured = request.app.state.current.configured
    change = _change(body)
    try:
        changed = decide.change_now(store, user, change, configured, "api")
    except NotAllowed as err:
        raise PageError(str(err), 403) from err
    except ChangeError as err:
        raise PageError(str(err), 422) from err
    after = next(p for p in service_of(request).settings.packs if p.id == changed.id)
    return {"pack": after.id, "fingerprint": after.fingerprint, "summary": describe(change)}
