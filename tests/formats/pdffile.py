"""Small real PDF files for the PDF and e-mail tests, written byte by byte: a catalogue, a
page tree, Helvetica, and per page a content stream, with a cross-reference table whose
offsets are counted here. pypdf reads them as any PDF; nothing is downloaded."""

from __future__ import annotations

import io

# A page with only a drawing: a filled rectangle, no text operators.
DRAWING = "0 0 1 rg 100 100 200 200 re f"


def make_pdf(pages: list[str | None]) -> bytes:
    """A PDF with one page per entry: its lines of text (Windows-1252, one ``Tj`` per line),
    or None for a page with only a drawing on it (as a scan without a text layer has)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
        + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, page in enumerate(pages):
        content = _drawing() if page is None else _text(page)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    return _assemble(objects)


def _text(text: str) -> bytes:
    lines = [b"(" + _escape(line) + b") Tj" for line in text.split("\n")]
    return b"BT /F1 12 Tf 14 TL 72 700 Td " + b" T* ".join(lines) + b" ET"


def _drawing() -> bytes:
    return DRAWING.encode("ascii")


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _assemble(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def encrypt(pdf: bytes, user_password: str, owner_password: str = "eigenaar") -> bytes:
    """``pdf`` encrypted by pypdf with RC4 (AES needs the optional 'cryptography')."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
