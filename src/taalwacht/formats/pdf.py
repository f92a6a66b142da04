"""PDF, check-only: the text layer of every page, read with pypdf.

A PDF has no paragraphs or words to write back into, only glyphs placed on a page, so
taalwacht checks a PDF and never fixes one: the writer changes the source document. The
text is what ``page.extract_text()`` gives, page after page, each page on a new line; a
``Place`` per page lets a report say ``pagina 3``. Hyphenation at line ends is left as
extracted: ``klant-`` at the end of a line may be a real hyphen (``klant- en burgerzaken``).

A PDF from an unknown sender is hostile input, and pypdf is a large parser: anything it
raises while reading (a broken cross-reference table, a page tree that loops until the
recursion limit, a stream that does not inflate) is one Dutch ``InputError`` saying the
file is damaged, never a traceback. pypdf's own English warnings are kept off the terminal.
pypdf is imported on first use, so importing taalwacht stays fast.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.model.document import Document, Place

MAX_PAGES = 5000
"""More pages than this is not a document someone writes by hand; refused, not read."""


def read_bytes(data: bytes, path: str) -> Document:
    """The text layer of the PDF ``data`` as a check-only Document with one place per page.

    ``InputError`` (Dutch) for a password-protected, damaged or scanned PDF (no text layer,
    no OCR) and for one of more than ``MAX_PAGES`` pages.
    """
    texts = _page_texts(data, path)
    if not texts:
        raise InputError(path, messages.text("pdf.no-pages"))
    if not any(text.strip() for text in texts):
        raise InputError(path, messages.text("pdf.no-text"))
    parts, places, start = [], [], 0
    for number, text in enumerate(texts, 1):
        page = _normalise(text)
        places.append(Place(start, "pagina", number))
        parts.append(page)
        start += len(page)
    blank = [str(number) for number, text in enumerate(texts, 1) if not text.strip()]
    shown = ", ".join(blank[:10]) + (" …" if len(blank) > 10 else "")
    notes = (messages.text("pdf.blank-pages", path=path, pages=shown),) if blank else ()
    return Document(path, "".join(parts), "pdf", places=tuple(places), size=len(data), notes=notes)


def _page_texts(data: bytes, path: str) -> list[str]:
    """Each page's extracted text; every failure of pypdf becomes an ``InputError``."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        with _quiet():
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(path, messages.text("pdf.encrypted"))
            count = len(reader.pages)
            if count > MAX_PAGES:
                problem = messages.text("pdf.too-many-pages", n=count, limit=MAX_PAGES)
                raise InputError(path, problem)
            return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except FileNotDecryptedError as err:
        raise InputError(path, messages.text("pdf.encrypted")) from err
    except DependencyError as err:  # AES without the optional 'cryptography' package
        raise InputError(path, messages.text("pdf.encryption-unsupported")) from err
    except Exception as err:  # PdfReadError, RecursionError, MemoryError, zlib.error ...
        raise InputError(path, messages.text("pdf.corrupt")) from err


def _normalise(text: str) -> str:
    """One page's text with line ends as ``\\n``, form feeds and NUL characters out, and a
    line end at its close, so the next page starts on a new line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\0", "")
    return text if text.endswith("\n") else text + "\n"


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf's warnings (English, about repairs it makes) kept off the user's terminal."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
