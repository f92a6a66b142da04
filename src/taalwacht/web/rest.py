"""The REST API for document systems: ``/api/check``, ``/api/fix``, ``/api/packs`` and
``/api/terms``, described by the OpenAPI schema at ``/api/openapi.json``.

``/api/check`` answers with the same finding objects as ``taalwacht check --format json``
(``model.contract``, validated against the same JSON Schema in the tests).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from taalwacht.model.contract import VERSION, finding_dict
from taalwacht.model.results import FileResult
from taalwacht.service import Service, parse

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


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


@router.post("/check", response_model=CheckOut, summary="Controleer een tekst")
def check(body: CheckIn, request: Request) -> dict[str, Any]:
    """De meldingen in de tekst; met `explain` ook de woorden die niet gemeld worden."""
    service = _service(request)
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
    service = _service(request)
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
        for p in _service(request).settings.packs
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
        for t in _service(request).terms()
    ]
