"""Reading a PDF (``taalwacht.formats.pdf``): the text layer page by page with a place per
page, and every file pypdf cannot read (password, damage, a scan without text, too many
pages) as one Dutch error. The PDFs are made here: by hand (``pdffile``), by pypdf for
encryption, and by LibreOffice from a Word file for a PDF as offices make them."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from office import convert
from pdffile import _assemble, encrypt, make_pdf

from conftest import said
from taalwacht.api import default_service
from taalwacht.errors import InputError
from taalwacht.formats import pdf
from taalwacht.formats.pdf import read_bytes
from taalwacht.model.document import place_of

TWO_PAGES = make_pdf(["Een mooie dag.\nWij helpen u graag.", "De klant krijgt een brief."])


def klant_places(data: bytes) -> list[str]:
    """Where the service finds 'klant' in the PDF ``data``, as the reports label it."""
    document = read_bytes(data, "brief.pdf")
    found = [f for f in default_service().check(document) if f.term == "klant"]
    labels = []
    for finding in found:
        place = place_of(document.places, finding.start)
        assert place is not None
        labels.append(place.label())
    return labels


# ------------------------------------------------------------------ text and places


def test_text_of_every_page_with_a_place_per_page() -> None:
    document = read_bytes(TWO_PAGES, "brief.pdf")
    assert document.kind == "pdf"
    assert document.extracted
    assert document.path == "brief.pdf"
    assert document.size == len(TWO_PAGES)
    assert document.text == "Een mooie dag.\nWij helpen u graag.\nDe klant krijgt een brief.\n"
    first, second = document.places
    assert (first.start, first.part, first.number) == (0, "pagina", 1)
    assert (second.part, second.number) == ("pagina", 2)
    assert document.text[second.start :].startswith("De klant")
    assert second.label() == "pagina 2"
    assert document.notes == ()


def test_a_finding_on_page_two_is_placed_on_page_two() -> None:
    assert klant_places(TWO_PAGES) == ["pagina 2"]


def test_each_page_starts_on_a_new_line() -> None:
    document = read_bytes(make_pdf(["De", "klant"]), "a.pdf")
    assert document.text == "De\nklant\n"
    assert [p.start for p in document.places] == [0, 3]


def test_accents_and_brackets_come_through() -> None:
    document = read_bytes(make_pdf(["Eén klant (of méér)."]), "a.pdf")
    assert document.text == "Eén klant (of méér).\n"


def test_pdf_support_is_imported_on_first_use() -> None:
    script = "import sys, taalwacht.formats.pdf; print('pypdf' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


# -------------------------------------------------------------- pages without text


def test_a_pdf_without_a_text_layer_is_refused() -> None:
    with pytest.raises(InputError) as info:
        read_bytes(make_pdf([None, None]), "scan.pdf")
    assert "geen tekstlaag; OCR wordt niet ondersteund" in str(info.value)
    assert str(info.value).startswith("scan.pdf: ")


def test_pages_without_text_among_others_get_a_note() -> None:
    document = read_bytes(make_pdf([None, "De klant belt.", None]), "deels.pdf")
    assert document.text == "\nDe klant belt.\n\n"
    assert [p.number for p in document.places] == [1, 2, 3]
    assert document.notes == (said("pdf.blank-pages", path="deels.pdf", pages="1, 3"),)
    assert klant_places(make_pdf([None, "De klant belt."])) == ["pagina 2"]


def test_a_pdf_without_pages() -> None:
    empty = _assemble(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    )
    with pytest.raises(InputError, match=re.escape(said("pdf.no-pages"))):
        read_bytes(empty, "leeg.pdf")


def test_too_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    with pytest.raises(InputError, match=re.escape(said("pdf.too-many-pages", n=3, limit=2))):
        read_bytes(make_pdf(["a", "b", "c"]), "dik.pdf")
    assert read_bytes(make_pdf(["a", "b"]), "dun.pdf").text == "a\nb\n"


# --------------------------------------------------------------------- passwords


def test_a_password_protected_pdf_is_refused() -> None:
    locked = encrypt(TWO_PAGES, "geheim")
    assert b"/Encrypt" in locked
    with pytest.raises(InputError, match=re.escape(said("pdf.encrypted"))) as info:
        read_bytes(locked, "geheim.pdf")
    assert "beveiligd met een wachtwoord" in str(info.value)


def test_an_encrypted_pdf_with_an_empty_user_password_opens() -> None:
    locked = encrypt(TWO_PAGES, "")
    assert b"/Encrypt" in locked
    document = read_bytes(locked, "beperkt.pdf")
    assert "De klant krijgt een brief." in document.text
    assert klant_places(locked) == ["pagina 2"]


# ---------------------------------------------------------------------- damage


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"Dit is geen PDF.",
        b"%PDF-1.4\n" + bytes(range(256)) * 8,
        TWO_PAGES[:120],
        TWO_PAGES[: len(TWO_PAGES) // 2],
    ],
    ids=["empty", "text", "garbage", "header-only", "truncated"],
)
def test_a_damaged_pdf_is_one_dutch_error(data: bytes) -> None:
    with pytest.raises(InputError, match=re.escape(said("pdf.corrupt"))):
        read_bytes(data, "kapot.pdf")


@pytest.mark.parametrize(
    "objects",
    [
        # a page tree that holds itself
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ],
        # an array nested 100 000 deep
        [
            b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 100_000 + b"]" * 100_000 + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ],
        # a page tree 3000 levels deep
        [b"<< /Type /Catalog /Pages 2 0 R >>"]
        + [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + i) for i in range(3000)]
        + [b"<< /Type /Page /MediaBox [0 0 612 792] >>"],
    ],
    ids=["loop", "deep-array", "deep-tree"],
)
def test_a_pathological_pdf_is_damaged_not_a_crash(
    objects: list[bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(InputError, match=re.escape(said("pdf.corrupt"))):
        read_bytes(_assemble(objects), "vals.pdf")
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_repaired_pdf_keeps_pypdf_warnings_off_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A wrong startxref: pypdf repairs it and would warn, in English, on stderr.
    broken = TWO_PAGES.replace(b"startxref\n", b"startxref\n1").rstrip()
    document = read_bytes(broken, "scheef.pdf")
    assert "De klant" in document.text
    captured = capsys.readouterr()
    assert captured.err == ""


def test_damaged_pdfs_give_a_document_or_one_dutch_error() -> None:
    rng = random.Random(3)
    for base in (make_pdf(["De klant", "Tweede pagina", None]), encrypt(TWO_PAGES, "")):
        for _ in range(150):
            data = bytearray(base)
            for _ in range(rng.randint(1, 10)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            try:
                document = read_bytes(bytes(data), "kapot.pdf")
            except InputError as err:
                assert str(err).startswith("kapot.pdf: ")
            else:
                assert document.kind == "pdf" and document.places[0].number == 1


# ------------------------------------------------------- a PDF as an office makes it


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_pdf_made_by_libreoffice_from_a_word_file(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_paragraph("Een mooie dag voor iedereen.")
    word.add_page_break()
    word.add_paragraph("De klant krijgt een brief over zijn aanvraag.")
    source = tmp_path / "brief.docx"
    word.save(str(source))
    convert(source, to="pdf", outdir=tmp_path, profile=tmp_path / "profile", timeout=300)
    data = (tmp_path / "brief.pdf").read_bytes()
    document = read_bytes(data, "brief.pdf")
    assert [p.number for p in document.places] == [1, 2]
    assert "Een mooie dag" in document.text
    assert klant_places(data) == ["pagina 2"]
