"""When a document was written, from its own metadata: the month a scan counts it in.

Word and OpenDocument keep W3C dates (2024-03-05T10:00:00Z) in their core properties, an
e-mail its ``Date`` header (RFC 5322), a web page a ``<meta>`` date. A damaged or absent date
is ``None``: the scan then falls back to the file's modification time, and says so.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

W3C = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
EARLIEST = 1900  # an older "date" is a template's placeholder, not a writing date


def iso_day(text: str | None) -> str | None:
    """``YYYY-MM-DD`` for a W3C/ISO date or date-time, or ``None``."""
    match = W3C.match(text or "")
    if not match:
        return None
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return day.isoformat() if day.year >= EARLIEST else None


def mail_day(header: str | None) -> str | None:
    """``YYYY-MM-DD`` for an RFC 5322 ``Date`` header, or ``None``."""
    if not header:
        return None
    try:
        moment = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    return iso_day(moment.date().isoformat())
