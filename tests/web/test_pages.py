"""The Controleren pages without a browser: paste, review, choose, and the rewritten text;
upload a real Word document and download it rewritten, with tracked changes if asked."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient

from taalwacht.service import Service
from taalwacht.web.app import create_app
from taalwacht.web.guard import CSRF_COOKIE

TEXT = (
    "Beste klant,\r\n\r\nHet nieuwe product is klaar. Uw klantmanager bij de gemeente belt u.\r\n"
)


@pytest.fixture
def client() -> Iterator[TestClient]:
    service = Service.load(isolated=True)[0]
    with TestClient(create_app(service)) as test_client:
        test_client.get("/")  # the form token's cookie
        yield test_client


def _token(client: TestClient) -> str:
    token = client.cookies.get(CSRF_COOKIE)
    assert token
    return token


def _form(html: str) -> dict[str, str]:
    """What the review form sends as it stands: hidden fields and checked radios."""
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    for name, value in re.findall(
        r'<input type="radio" id="[^"]+" name="([^"]+)" value="([^"]+)" checked>', html
    ):
        fields[name] = value
    return {k: unescape(v) for k, v in fields.items()}


def test_a_pasted_text_comes_back_with_each_finding_marked(client: TestClient) -> None:
    page = client.post("/controleren", data={"csrf": _token(client), "tekst": TEXT})
    assert page.status_code == 200
    marked = re.findall(r'<mark id="woord-(\d)"><a href="#keuze-\1">([^<]+)<', page.text)
    assert [w for _, w in marked] == ["klant", "product", "klantmanager"]
    assert "Vervangen door <q>De nieuwe voorziening</q>" in page.text
    assert "De overheid levert geen producten" in page.text  # the reason, from the pack


def test_the_choices_decide_the_rewrite(client: TestClient) -> None:
    page = client.post("/controleren", data={"csrf": _token(client), "tekst": TEXT})
    form = _form(page.text)
    keep_product = [k for k in form if k.startswith("keuze-")][1]
    form[keep_product] = "nee"  # the writer keeps "product"
    done = client.post("/herschrijven", data=form)
    assert done.status_code == 200
    rewritten = unescape(re.search(r"readonly>([^<]*)</textarea>", done.text).group(1))
    assert (
        rewritten == "Beste inwoner,\r\n\r\nHet nieuwe product is klaar. "
        "Uw consulent bij de gemeente belt u.\r\n"
    )
    assert "2 woorden veranderd" in done.text


def test_take_all_takes_every_best_fix(client: TestClient) -> None:
    page = client.post("/controleren", data={"csrf": _token(client), "tekst": TEXT})
    form = {**_form(page.text), "alles": "ja"}
    form = {k: v for k, v in form.items() if not k.startswith("keuze-")}
    done = client.post("/herschrijven", data=form)
    rewritten = unescape(re.search(r"readonly>([^<]*)</textarea>", done.text).group(1))
    assert "De nieuwe voorziening" in rewritten and "klant" not in rewritten


def test_a_form_without_its_token_is_refused(client: TestClient) -> None:
    answer = client.post("/controleren", data={"csrf": "vervalst", "tekst": TEXT})
    assert answer.status_code == 403
    assert "Laad de pagina opnieuw" in answer.text


def test_an_empty_text_is_a_message_in_the_page(client: TestClient) -> None:
    answer = client.post("/controleren", data={"csrf": _token(client), "tekst": "  \n"})
    assert answer.status_code == 422
    assert "Er is geen tekst om te controleren" in answer.text
    assert "<h1>Dat lukte niet</h1>" in answer.text


def _letter(path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("Beste klant,")
    document.add_paragraph("Het nieuwe product van de gemeente is klaar.")
    document.save(path)
    return path.read_bytes()


@pytest.mark.parametrize("track", [False, True], ids=["plain", "tracked"])
def test_an_uploaded_word_document_comes_back_rewritten(
    client: TestClient, tmp_path: Path, track: bool
) -> None:
    data = _letter(tmp_path / "brief.docx")
    page = client.post(
        "/controleren",
        data={"csrf": _token(client)},
        files={"bestand": ("brief.docx", data, "application/octet-stream")},
    )
    assert page.status_code == 200
    assert "Bestand: <strong>brief.docx</strong>" in page.text
    assert 'name="bijhouden"' in page.text
    form = _form(page.text)
    assert base64.b64decode(form["inhoud"]) == data
    if track:
        form["bijhouden"] = "ja"
    done = client.post("/herschrijven", data=form)
    assert done.status_code == 200
    assert "brief (herschreven).docx" in done.headers["content-disposition"]
    rewritten = docx.Document(io.BytesIO(done.content))
    if track:  # the old words are still there, as deletions a writer accepts or rejects
        xml = rewritten.element.xml
        assert "<w:del " in xml and "<w:ins " in xml
    else:
        paragraphs = [p.text for p in rewritten.paragraphs]
        assert paragraphs == ["Beste inwoner,", "De nieuwe voorziening van de gemeente is klaar."]


def test_an_unknown_kind_of_file_is_refused_with_its_name(client: TestClient) -> None:
    answer = client.post(
        "/controleren",
        data={"csrf": _token(client)},
        files={"bestand": ("foto.jpg", b"\xff\xd8\xff\xe0", "image/jpeg")},
    )
    assert answer.status_code == 415
    assert "foto.jpg: dit soort bestand kan taalwacht niet lezen" in answer.text


def test_a_corrupt_document_is_a_message_naming_it(client: TestClient) -> None:
    answer = client.post(
        "/controleren",
        data={"csrf": _token(client)},
        files={"bestand": ("kapot.docx", b"PK\x03\x04 geen echt bestand", "application/zip")},
    )
    assert answer.status_code == 422
    assert "kapot.docx" in answer.text and "taalwacht-web-" not in answer.text


def test_the_terms_page_finds_a_word_by_its_alternative(client: TestClient) -> None:
    page = client.get("/woorden", params={"zoek": "inwoner"})
    assert page.status_code == 200
    assert '<dt id="term-klant">klant</dt>' in page.text
    assert '<dt id="term-concern">' not in page.text


def test_voortgang_shows_the_organisation_report_from_the_store(tmp_path: Path) -> None:
    from taalwacht.scan.runner import scan
    from taalwacht.scan.store import Store, database_url

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(6):
        (docs / f"brief{i}.txt").write_text(f"Beste klant {i}, uw klantmanager belt.\n", "utf-8")
    service = Service.load(isolated=True)[0]
    store = Store.open(database_url(str(tmp_path / "taalwacht.db")))
    scan(service, store, [str(docs)])
    with TestClient(create_app(service, store=store)) as client:
        page = client.get("/voortgang")
        assert page.status_code == 200
        assert "<h2>Per term</h2>" in page.text
        assert "6 documenten" in page.text
        assert "<style" not in page.text  # the CSP allows no inline style
        assert client.get("/voortgang/figuren.css").headers["content-type"].startswith("text/css")


def test_voortgang_without_a_store_says_how_to_get_one(client: TestClient) -> None:
    page = client.get("/voortgang")
    assert page.status_code == 200
    assert "taalwacht serve --db" in page.text


def test_a_text_with_very_many_findings_offers_one_choice_for_all(client: TestClient) -> None:
    from taalwacht.web.review import MAX_CHOICES

    text = "Beste klant, uw klantmanager bij de gemeente belt u.\n" * (MAX_CHOICES // 2 + 1)
    page = client.post("/controleren", data={"csrf": _token(client), "tekst": text})
    assert page.status_code == 200
    assert page.text.count("<mark") == 2 * (MAX_CHOICES // 2 + 1)  # every word is marked
    assert "<fieldset" not in page.text and "Herschrijven met mijn keuzes" not in page.text
    form = {**_form(page.text), "alles": "ja"}
    done = client.post("/herschrijven", data=form)
    rewritten = unescape(re.search(r"readonly>([^<]*)</textarea>", done.text).group(1))
    assert rewritten == text.replace("klantmanager", "consulent").replace("klant", "inwoner")


def test_a_document_over_a_megabyte_comes_back_rewritten(
    client: TestClient, tmp_path: Path
) -> None:
    """The review form carries the upload back; a field over Starlette's 1 MB default."""
    # a filler without budget words: near "begroting" a product would be a "taak"
    filler = "De raad vergadert op dinsdag in het stadhuis over de plannen.\n" * 25_000
    text = "Beste klant, het nieuwe product van de gemeente is klaar.\n" + filler
    data = text.encode("utf-8")
    assert len(data) > 1_500_000
    page = client.post(
        "/controleren",
        data={"csrf": _token(client)},
        files={"bestand": ("lang.txt", data, "text/plain")},
    )
    assert page.status_code == 200
    done = client.post("/herschrijven", data={**_form(page.text), "alles": "ja"})
    assert done.status_code == 200
    assert done.content.decode("utf-8").startswith("Beste inwoner, de nieuwe voorziening")
