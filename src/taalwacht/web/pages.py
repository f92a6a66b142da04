"""The pages: Controleren (paste or upload, review each finding, take the rewrite, or mark
it "geen markttaal") and Voortgang (the organisation report); Woorden is ``web.words``.
Server-rendered, and complete without JavaScript."""

from __future__ import annotations

import base64
import binascii
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as StarletteUpload

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.model.document import Document
from taalwacht.scan.proposals import add_mark
from taalwacht.service import Service, Skipped, Source, parse
from taalwacht.web.current import service_of
from taalwacht.web.render import (
    PageError,
    current_user,
    form_of,
    page,
    require_access,
    verify_token,
)
from taalwacht.web.rest import MAX_CHARS
from taalwacht.web.review import MARK, apply_choices, around, review

router = APIRouter()

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".odt", ".pdf", ".eml", ".msg")
WRITABLE = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".odt")
TRACKABLE = (".docx", ".odt")
MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".html": "text/html",  # no charset: the file keeps the encoding it came in
    ".htm": "text/html",
}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def start(request: Request) -> Response:
    try:
        require_access(request)
    except PageError:  # sign-in required: to the sign-in page, then back here
        root = request.scope.get("root_path", "").rstrip("/")
        return RedirectResponse(f"{root}/inloggen", status_code=303)
    return page(request, "controleren.html")


@router.post("/controleren", response_class=HTMLResponse, include_in_schema=False)
async def controleren(request: Request) -> HTMLResponse:
    """Check a pasted text or an uploaded document and show each finding to review."""
    form = await form_of(request)
    verify_token(request, str(form.get("csrf", "")))
    require_access(request)
    service = service_of(request)
    bestand = form.get("bestand")
    if isinstance(bestand, StarletteUpload) and bestand.filename:
        name = _file_name(bestand.filename)
        data = await bestand.read()
        with _document(service, name, data) as document:
            checked = await run_in_threadpool(review, service, document)
            source = {"name": name, "data": base64.b64encode(data).decode("ascii")}
            return page(
                request,
                "beoordelen.html",
                review=checked,
                document=source,
                writable=name.lower().endswith(WRITABLE),
                trackable=name.lower().endswith(TRACKABLE),
                can_mark=request.app.state.store is not None,
            )
    tekst = str(form.get("tekst", ""))
    if not tekst.strip():
        raise PageError(messages.text("app.empty"), 422)
    if len(tekst) > MAX_CHARS:
        raise PageError(
            messages.text("app.text-too-long", n=f"{MAX_CHARS:_}".replace("_", ".")), 413
        )
    checked = await run_in_threadpool(review, service, parse(tekst))
    # the text goes back encoded, so the offsets of the choices point into the same string
    # (a browser sends the line breaks of a form field as CR LF)
    source = {"name": "", "data": base64.b64encode(tekst.encode("utf-8")).decode("ascii")}
    return page(
        request,
        "beoordelen.html",
        review=checked,
        document=source,
        writable=True,
        can_mark=request.app.state.store is not None,
    )


@router.post("/herschrijven", include_in_schema=False)
async def herschrijven(request: Request) -> Response:
    """Apply the writer's choices: the rewritten text on a page, or the rewritten document
    as a download in its own format."""
    form = await form_of(request)
    verify_token(request, str(form.get("csrf", "")))
    require_access(request)
    service = service_of(request)
    choices = {k[6:]: str(v) for k, v in form.items() if k.startswith("keuze-")}
    take_all = form.get("alles") is not None
    try:
        data = base64.b64decode(str(form.get("inhoud", "")), validate=True)
    except (binascii.Error, ValueError) as err:
        raise PageError(messages.text("app.bad-form"), 422) from err
    name = str(form.get("naam", ""))
    marks_only = form.get("alleen-melden") is not None
    if name:
        name = _file_name(name)
        if not marks_only and not name.lower().endswith(WRITABLE):
            raise PageError(messages.text("app.not-writable", name=name), 422)
        track = form.get("bijhouden") is not None and name.lower().endswith(TRACKABLE)
        with _document(service, name, data) as document:
            sent = _send_marks(request, form, document.text, choices)
            if marks_only:
                return page(request, "gemeld.html", sent=sent)
            fixed = await run_in_threadpool(_rewritten, service, document, choices, take_all, track)
        stem, extension = os.path.splitext(name)
        download = f"{stem} (herschreven){extension}"
        return Response(
            fixed,
            media_type=MEDIA_TYPES.get(extension.lower(), "text/plain"),
            headers={"content-disposition": _attachment(download)},
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise PageError(messages.text("app.bad-form"), 422) from err
    if not text.strip():
        raise PageError(messages.text("app.empty"), 422)
    document = parse(text)
    sent = _send_marks(request, form, document.text, choices)
    if marks_only:
        return page(request, "gemeld.html", sent=sent)
    result = await run_in_threadpool(apply_choices, service, document, choices, take_all)
    return page(
        request,
        "herschreven.html",
        result=result,
        changed=len(result.edits),
        left=result.left,
        sent=sent,
    )


def _send_marks(request: Request, form: FormData, text: str, choices: dict[str, str]) -> int:
    """Keep the findings the writer marked "geen markttaal", with the reason given: only
    the word and a few words around it, never the text."""
    store = request.app.state.store
    if store is None:
        return 0
    sent = 0
    for key, value in choices.items():
        start, _, end = key.partition("-")
        if value != MARK or not (start.isdigit() and end.isdigit()):
            continue
        a, b = int(start), int(end)
        if not 0 <= a < b <= len(text):
            continue
        add_mark(
            store,
            current_user(request),
            term=str(form.get(f"term-{key}", "")),
            word=text[a:b],
            phrase=around(text, a, b),
            reason=str(form.get(f"reden-{key}", "")) or messages.text("words.no-reason-given"),
        )
        sent += 1
    return sent


@router.get("/voortgang", response_class=HTMLResponse, include_in_schema=False)
def voortgang(request: Request) -> HTMLResponse:
    """The organisation report from the scan store, inside the application."""
    from markupsafe import Markup

    from taalwacht.report.organisation import content
    from taalwacht.scan.figures import figures

    store = request.app.state.store
    if store is None:
        return page(request, "voortgang.html", report=None)
    report = Markup(content(figures(store)))  # the renderer escapes every value itself
    return page(request, "voortgang.html", report=report)


@router.get("/voortgang/figuren.css", include_in_schema=False)
def figure_style() -> Response:
    from taalwacht.report.organisation import FIGURE_STYLE

    return Response(FIGURE_STYLE, media_type="text/css")


def _rewritten(
    service: Service, document: Document, choices: dict[str, str], take_all: bool, track: bool
) -> bytes:
    """The document's bytes with the writer's choices made (tracked changes with ``track``)."""
    result = apply_choices(service, document, choices, take_all)
    return service.render(document, result, track=track)


def _file_name(raw: str) -> str:
    """The upload's own name without folders or odd characters, kept for the download."""
    name = os.path.basename(raw.replace("\\", "/")).strip()
    name = re.sub(r"[^\w .,()+-]", "_", name)[:120].lstrip(".") or "document.txt"
    if not name.lower().endswith(EXTENSIONS):
        raise PageError(messages.text("app.unknown-type", name=name), 415)
    return name


@contextmanager
def _document(service: Service, name: str, data: bytes) -> Iterator[Document]:
    """The uploaded bytes read as the command line reads a file: in a private temporary
    folder, removed as soon as the request is answered."""
    with tempfile.TemporaryDirectory(prefix="taalwacht-web-") as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(data)
        try:
            document = service.read(Source(path, explicit=True))
        except InputError as err:
            raise PageError(str(err).replace(path, name), 422) from err
        if isinstance(document, Skipped):
            raise PageError(f"{name}: {document.note}", 422)
        yield document


def _attachment(name: str) -> str:
    """A Content-Disposition for a download with a name in any script (RFC 6266)."""
    from urllib.parse import quote

    plain = name.encode("ascii", "replace").decode("ascii").replace('"', "_")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"
