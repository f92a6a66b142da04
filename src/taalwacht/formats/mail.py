"""E-mail, check-only: a MIME message (.eml) or an Outlook message (.msg) as one Document.

A mail is checked, never fixed: it has been sent. The Document's text is the subject, then
the body (the text/plain part, else the HTML part read as a visitor sees it), then any
forwarded message (message/rfc822, an attached .eml or .msg) up to ``MAX_DEPTH`` levels
deep. Places say where a finding is: ``onderwerp``, ``bericht`` or ``doorgestuurd
bericht``, with the paragraph (blank-line separated) as number. Quoted replies (``> ``
lines) are text the sender sent, so they are checked too.

Attached documents a writer could change (Word, OpenDocument text, PDF; known by their
name or their content) come back as ``attachments``, each read by its own reader and
checked as its own document; one that cannot be read becomes a note, never an error for
the whole mail. Other attachments (images, spreadsheets) are left alone.

Two containers, one shape (``_Message``):

- .eml is read with the standard library's ``email`` package (``policy.default``), which
  undoes quoted-printable, base64 and encoded headers; a body is decoded with its declared
  charset, else UTF-8, else Windows-1252, so a wrong charset name never stops a check;
- .msg is an OLE compound file of MAPI property streams, read with ``olefile`` (BSD; not
  extract-msg, which is GPL): ``__substg1.0_PPPPTTTT`` streams hold property ``PPPP`` of
  type ``TTTT`` (``001F`` UTF-16-LE text, ``001E`` 8-bit text, ``0102`` bytes), and every
  attachment is a ``__attach_version1.0_#N`` storage. Only what is checked is read.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from functools import partial
from typing import Any

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.formats.dates import mail_day
from taalwacht.formats.decode import FIRST_HEADERS, MIME_HEADERS, binary_kind
from taalwacht.formats.html import parse as parse_html
from taalwacht.model.document import Document, Place

MAX_DEPTH = 3
"""Forwarded messages read inside forwarded messages; deeper ones get a note."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Attachments worth checking, by extension: the reader module under taalwacht.formats.
READERS = {
    ".docx": "docx",
    ".dotx": "docx",
    ".docm": "docx",
    ".odt": "odt",
    ".ott": "odt",
    ".pdf": "pdf",
}
_ODF_TEXT = b"mimetypeapplication/vnd.oasis.opendocument.text"  # .odt and .ott

_MAIL_HEADERS = FIRST_HEADERS | MIME_HEADERS | {"cc", "reply-to", "sender"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I
)
_TRANSPORT_DATE = re.compile(r"^Date:[ \t]*(.+)$", re.MULTILINE | re.IGNORECASE)

_PARSER = BytesParser(policy=policy.default)
_ATTACH = "__attach_version1.0_#"
_EMBEDDED = "__substg1.0_3701000D"  # an attached Outlook message, as a storage


@dataclass
class _Message:
    """What a mail holds for a check, whichever container it came in."""

    subject: str
    body: str
    files: list[tuple[str, bytes]] = field(default_factory=list)  # (file name, bytes)
    forwarded: list[_Message] = field(default_factory=list)
    too_deep: bool = False  # forwarded messages below MAX_DEPTH left out
    unreadable: list[str] = field(default_factory=list)  # names of damaged forwarded ones
    day: str | None = None  # YYYY-MM-DD of its Date header


# ----------------------------------------------------------------------- sniffing


def is_msg(data: bytes) -> bool:
    """Whether ``data`` is an Outlook message: an OLE compound file with MAPI properties."""
    if not data.startswith(OLE_MAGIC):
        return False
    try:
        with _open_ole(data) as ole:
            return _Entries(ole).has_properties()
    except Exception:  # not readable as OLE at all: certainly no message
        return False


# ------------------------------------------------------------------------ reading


def read_bytes(data: bytes, path: str) -> Document:
    """A mail (.eml, or .msg by its OLE signature) as a check-only Document, with its
    readable attachments as documents of their own and notes for the ones left unread.

    ``InputError`` (Dutch) when the bytes are no mail or the container is damaged.
    """
    message = _read_msg(data, path) if data.startswith(OLE_MAGIC) else _read_eml(data, path)
    text, places = _layout(message)
    attachments, notes = _attachments(message, path)
    return Document(
        path,
        text,
        "mail",
        places=tuple(places),
        size=len(data),
        attachments=tuple(attachments),
        notes=tuple(notes),
        date=message.day,
    )


def _layout(message: _Message) -> tuple[str, list[Place]]:
    """Subject, body and forwarded messages as one text, a blank line apart, with a place
    per paragraph (the subject is one paragraph)."""
    parts: list[str] = []
    places: list[Place] = []
    counts: dict[str, int] = {}
    length = 0

    def add(text: str, part: str) -> None:
        nonlocal length
        text = text.rstrip()
        if not text:
            return
        if parts:
            parts.append("\n\n")
            length += 2
        for start in _paragraph_starts(text):
            counts[part] = counts.get(part, 0) + 1
            places.append(Place(length + start, part, counts[part]))
        parts.append(text)
        length += len(text)

    add(message.subject, "onderwerp")
    add(message.body, "bericht")
    for inner in _forwarded(message):
        add(inner.subject, "doorgestuurd bericht")
        add(inner.body, "doorgestuurd bericht")
    if parts:
        parts.append("\n")
    return "".join(parts), places


def _paragraph_starts(text: str) -> list[int]:
    """Where each run of non-blank lines starts (one pass; no regex to backtrack)."""
    starts, offset, inside = [], 0, False
    for line in text.split("\n"):
        blank = not line.strip()
        if not blank and not inside:
            starts.append(offset)
        inside = not blank
        offset += len(line) + 1
    return starts


def _forwarded(message: _Message) -> Iterator[_Message]:
    """Every forwarded message inside ``message``, depth first, in the order sent."""
    for inner in message.forwarded:
        yield inner
        yield from _forwarded(inner)


def _attachments(message: _Message, path: str) -> tuple[list[Document], list[str]]:
    """The attached documents read, and a note for every one that could not be."""
    documents: list[Document] = []
    notes: list[str] = []
    for kind, name, data in _documents(message):
        try:
            documents.append(_reader(kind)(data, f"{path} » {name}"))
        except ImportError:  # a reader this version does not have (yet)
            notes.append(messages.text("mail.attachment-unsupported", path=path, name=name))
        except InputError as err:
            problem = err.problem
            notes.append(
                messages.text("mail.attachment-failed", path=path, name=name, problem=problem)
            )
    for holder in (message, *_forwarded(message)):
        for name in holder.unreadable:
            notes.append(messages.text("mail.forward-failed", path=path, name=name))
    if any(m.too_deep for m in (message, *_forwarded(message))):
        notes.append(messages.text("mail.too-deep", path=path, depth=MAX_DEPTH))
    return documents, notes


def _documents(message: _Message) -> Iterator[tuple[str, str, bytes]]:
    """``(reader, name, bytes)`` of each attachment worth checking, forwarded ones too."""
    number = 0
    for holder in (message, *_forwarded(message)):
        for name, data in holder.files:
            kind = _kind(name, data)
            if kind:
                number += 1
                yield kind, name or messages.text("mail.unnamed", n=number), data


def _kind(name: str, data: bytes) -> str:
    """The reader for an attachment, by its extension or else its content; "" for none."""
    lower = name.lower()
    for extension, kind in READERS.items():
        if lower.endswith(extension):
            return kind
    found = binary_kind(data)
    if found in ("pdf", "docx"):
        return found
    return "odt" if found == "odf" and data[30:].startswith(_ODF_TEXT) else ""


def _reader(kind: str) -> Callable[[bytes, str], Document]:
    """``read_bytes`` of ``taalwacht.formats.<kind>``, imported on first use."""
    reader: Callable[[bytes, str], Document] = importlib.import_module(
        f"taalwacht.formats.{kind}"
    ).read_bytes
    return reader


def _decode(data: bytes, charset: str | None) -> str:
    """Text in the declared charset, else UTF-8, else Windows-1252 (never fails)."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeError, ValueError, TypeError):
                pass  # an unknown name ("x-unknown", "base64") or bytes it does not decode
    return data.decode("cp1252", "replace")


def _clean(text: str, html: bool = False) -> str:
    """Body text with ``\\n`` line ends and no NUL characters; HTML as a visitor reads it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    return parse_html(text).readable if html else text


def _one_line(text: str) -> str:
    return " ".join(text.replace("\0", "").split())


# --------------------------------------------------------------------------- .eml


def _read_eml(data: bytes, path: str) -> _Message:
    try:
        message = _PARSER.parsebytes(data)
        if not any(name.lower() in _MAIL_HEADERS for name in message):
            raise InputError(path, messages.text("mail.not-mail"))
        return _from_eml(message, 0)
    except InputError:
        raise
    except (ValueError, LookupError, IndexError, TypeError, AttributeError, RecursionError) as err:
        # the parser registers defects rather than raising; these are its known failures
        raise InputError(path, messages.text("mail.corrupt")) from err


def _from_eml(message: EmailMessage, depth: int) -> _Message:
    subject = _one_line(str(message.get("subject", "")))
    body_part = message.get_body(preferencelist=("plain", "html"))
    body = ""
    if isinstance(body_part, EmailMessage):
        body = _part_text(body_part)
    result = _Message(subject, body, day=mail_day(str(message.get("date", "")) or None))
    for part in _leaves(message, 0):
        if part is body_part:
            continue
        name = _file_name(part.get_filename() or "")
        kind = part.get_content_type()
        if kind == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], EmailMessage):
                _nest(result, depth, name, partial(_from_eml, inner[0]))
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            _attach(result, depth, name, payload)
    return result


def _attach(outer: _Message, depth: int, name: str, data: bytes) -> None:
    """An attached file: a forwarded message when it is one (.eml, .msg), else a file."""
    lower = name.lower()
    if lower.endswith(".msg") and data.startswith(OLE_MAGIC):
        _nest(outer, depth, name, partial(_msg_message, data))
    elif lower.endswith(".eml"):
        _nest(outer, depth, name, partial(_eml_message, data))
    else:
        outer.files.append((name, data))


def _nest(outer: _Message, depth: int, name: str, read: Callable[[int], _Message]) -> None:
    """A forwarded message read into ``outer``; one too deep or damaged is only marked
    (whatever its parser raises: the rest of the mail is still worth checking)."""
    if depth >= MAX_DEPTH:
        outer.too_deep = True
        return
    try:
        outer.forwarded.append(read(depth + 1))
    except Exception:
        outer.unreadable.append(name or messages.text("mail.unnamed", n=len(outer.unreadable) + 1))


def _eml_message(data: bytes, depth: int) -> _Message:
    """An attached .eml file, read as a forwarded message."""
    return _from_eml(_PARSER.parsebytes(data), depth)


def _leaves(part: EmailMessage, level: int) -> Iterator[EmailMessage]:
    """The parts of a message that are not multipart containers; a forwarded message is one
    leaf, its own parts are its business. Absurd nesting stops at 50 levels."""
    if part.get_content_maintype() == "multipart" and part.is_multipart():
        if level < 50:
            for sub in part.iter_parts():
                if isinstance(sub, EmailMessage):
                    yield from _leaves(sub, level + 1)
    else:
        yield part


def _part_text(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return _clean(
        _decode(payload, part.get_content_charset()), part.get_content_subtype() == "html"
    )


def _file_name(name: str) -> str:
    """An attachment's name as shown: the last part of any path, control characters out."""
    name = re.split(r"[\\/]", name)[-1]
    return "".join(ch for ch in name if ch.isprintable()).strip()


# --------------------------------------------------------------------------- .msg


def _read_msg(data: bytes, path: str) -> _Message:
    try:
        with _open_ole(data) as ole:
            entries = _Entries(ole)
            if not entries.has_properties():
                raise InputError(path, messages.text("mail.not-msg"))
            return _from_msg(entries, (), 0)
    except InputError:
        raise
    except Exception as err:  # olefile raises OSError, struct.error, IndexError ... on damage
        raise InputError(path, messages.text("mail.corrupt-msg")) from err


def _msg_message(data: bytes, depth: int) -> _Message:
    """An attached .msg file (inside an .eml), read as a forwarded message."""
    with _open_ole(data) as ole:
        return _from_msg(_Entries(ole), (), depth)


def _open_ole(data: bytes) -> Any:
    """``olefile.OleFileIO`` on the bytes (olefile has no type hints, hence ``Any``)."""
    import olefile  # type: ignore[import-untyped]

    return olefile.OleFileIO(io.BytesIO(data))


def _from_msg(ole: _Entries, prefix: tuple[str, ...], depth: int) -> _Message:
    """The message whose property streams lie under ``prefix`` (the root, or an attached
    message's ``__substg1.0_3701000D`` storage)."""
    subject = _one_line(ole.text(prefix, "0037"))
    body = ole.text(prefix, "1000")
    html = ole.data(prefix, "10130102")
    if body.strip():
        body = _clean(body)
    elif html:
        sniffed = _META_CHARSET.search(html[:4096])
        body = _clean(_decode(html, sniffed.group(1).decode("ascii") if sniffed else None), True)
    else:
        body = _clean(ole.text(prefix, "1013"), True)
    # the Date of the transport headers an Outlook message keeps (PR_TRANSPORT_MESSAGE_HEADERS)
    headers = _TRANSPORT_DATE.search(ole.text(prefix, "007D"))
    result = _Message(subject, body, day=mail_day(headers.group(1)) if headers else None)
    for storage in ole.children(prefix, _ATTACH):
        attached = (*prefix, storage)
        name = _file_name(ole.text(attached, "3707") or ole.text(attached, "3704"))
        embedded = ole.name(attached, _EMBEDDED)
        if embedded:
            _nest(result, depth, name, partial(_from_msg, ole, (*attached, embedded)))
            continue
        data = ole.data(attached, "37010102")
        if data is not None:
            _attach(result, depth, name, data)
    return result


class _Entries:
    """The streams and storages of an OLE file, listed once and found by storage."""

    def __init__(self, ole: Any) -> None:
        self.ole = ole
        self.under: dict[tuple[str, ...], dict[str, str]] = {}  # storage -> lower -> name
        for entry in ole.listdir(streams=True, storages=True):
            parent = tuple(part.lower() for part in entry[:-1])
            self.under.setdefault(parent, {})[entry[-1].lower()] = entry[-1]

    def has_properties(self) -> bool:
        """Whether any storage holds MAPI property streams (``__substg1.0_...``)."""
        return any(n.startswith("__substg1.0_") for names in self.under.values() for n in names)

    def name(self, prefix: tuple[str, ...], name: str) -> str:
        """The stored spelling of ``name`` under ``prefix``, or "" when it is not there."""
        return self.under.get(tuple(p.lower() for p in prefix), {}).get(name.lower(), "")

    def children(self, prefix: tuple[str, ...], start: str) -> list[str]:
        names = self.under.get(tuple(p.lower() for p in prefix), {})
        return sorted(name for lower, name in names.items() if lower.startswith(start.lower()))

    def data(self, prefix: tuple[str, ...], tag: str) -> bytes | None:
        """The bytes of property stream ``__substg1.0_<tag>`` under ``prefix``, or None."""
        name = self.name(prefix, f"__substg1.0_{tag}")
        if not name:
            return None
        stream: bytes = self.ole.openstream([*prefix, name]).read()
        return stream

    def text(self, prefix: tuple[str, ...], prop: str) -> str:
        """String property ``prop`` (four hex digits): UTF-16-LE (``001F``) or 8-bit
        (``001E``, UTF-8 else Windows-1252), without the terminating NUL; "" if absent."""
        wide = self.data(prefix, f"{prop}001F")
        if wide is not None:
            return wide.decode("utf-16-le", "replace").rstrip("\0")
        narrow = self.data(prefix, f"{prop}001E")
        return _decode(narrow, None).rstrip("\0") if narrow is not None else ""
