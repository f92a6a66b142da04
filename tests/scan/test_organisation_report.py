"""The organisation report from a real store: figures per month (the document's own date),
department ("overig" for fewer than 5 documents) and term, the same figures as HTML tables
beside inline SVG, as CSV and as JSON; and the CLI around it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from pathlib import Path

import pytest

from conftest import assert_one_line_error, cli, run, said, write
from taalwacht.report.organisation import csv_text, html, json_text
from taalwacht.scan.figures import figures
from taalwacht.scan.runner import scan
from taalwacht.scan.store import Store, database_url
from taalwacht.service import Service

LETTER = "Beste klant, uw klantmanager belt u.\n"  # 2 findings in 6 words
PLAIN = "Beste inwoner, uw consulent belt u.\n"


def _dated(path: Path, text: str, day: str) -> None:
    write(path, text)
    stamp = dt.datetime.fromisoformat(day + "T12:00:00").timestamp()
    os.utime(path, (stamp, stamp))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    docs = tmp_path / "docs"
    for i in range(5):  # Werk: 5 letters in January, market-speak in each
        _dated(docs / "Werk" / f"jan{i}.txt", LETTER, "2025-01-10")
    for i in range(5):  # Werk: 5 letters in March, none left
        _dated(docs / "Werk" / f"mrt{i}.txt", PLAIN, "2025-03-10")
    _dated(docs / "Klein" / "notitie.txt", LETTER, "2025-03-11")  # one document: "overig"
    write(
        tmp_path / "taalwacht.toml",
        '[[departments]]\nname = "Werk en inkomen"\nmatch = ["Werk/**"]\n'
        '[[departments]]\nname = "Kleine afdeling"\nmatch = ["Klein/**"]\n',
    )
    from taalwacht.config import load_config
    from taalwacht.packs import load_bundled
    from taalwacht.service import Settings

    service = Service(
        Settings(load_config(tmp_path / "taalwacht.toml"), (load_bundled("markttaal"),))
    )
    opened = Store.open(database_url(str(tmp_path / "taalwacht.db")))
    scan(service, opened, [str(docs)])
    return opened


def test_figures_per_month_department_and_term(store: Store) -> None:
    f = figures(store, baseline="2025-02-01")
    assert [(m.name, m.documents, m.words, m.findings) for m in f.months] == [
        ("2025-01", 5, 30, 10),
        ("2025-03", 6, 36, 2),
    ]
    assert f.months[0].rate == pytest.approx(333.33, abs=0.01)
    departments = {d.name: d.documents for d in f.departments}
    assert departments == {"Werk en inkomen": 10, "overig": 1}  # one document: no own figure
    assert {t.name: t.findings for t in f.terms} == {"klant": 6, "klantmanager": 6}
    assert f.baseline is not None and f.baseline.change == pytest.approx(-0.833, abs=0.001)
    assert f.top[0].findings == 2 and f.top[0].department in {"Werk en inkomen", "overig"}


def test_html_is_one_self_contained_page_with_tables_beside_the_charts(store: Store) -> None:
    page = html(figures(store))
    assert page.startswith("<!DOCTYPE html>") and "lang='nl'" in page
    assert "<svg" in page and page.count("<table>") >= 3
    assert not re.search(r"(src|href)=['\"]https?://", page)  # nothing to fetch
    assert "<script" not in page
    assert "Per afdeling" in page and "Kleine afdeling" not in page  # folded into overig
    assert "2025-01" in page and "333,33" in page  # Dutch decimal comma


def test_csv_and_json_hold_the_same_figures(store: Store) -> None:
    f = figures(store)
    rows = list(csv.DictReader(io.StringIO(csv_text(f))))
    months = {r["maand"]: int(r["bevindingen"]) for r in rows if r["onderdeel"] == "maand"}
    assert months == {m.name: m.findings for m in f.months}
    data = json.loads(json_text(f))
    assert data["total"]["findings"] == f.total.findings == 12
    assert data["months"][0]["per_1000_words"] == f.months[0].rate


def test_report_and_scan_from_the_command_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _dated(docs / "brief.txt", LETTER, "2025-01-10")
    done = cli("scan", "docs", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert said("scan.summary", scan=1, checked="1 document") in done.stderr
    assert "2 meldingen in 6 woorden" in done.stderr
    assert (tmp_path / "taalwacht.db").exists()
    again = cli("scan", "docs", cwd=tmp_path)
    assert "0 documenten gecontroleerd, 1 ongewijzigd" in again.stderr
    report = cli("report", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "Markttaal in de organisatie" in (tmp_path / "taalwacht-rapport.html").read_text("utf-8")
    as_csv = cli("report", "--format", "csv", "-o", "-", cwd=tmp_path)
    assert as_csv.stdout.startswith("onderdeel,naam,maand")


def test_report_without_a_store_says_to_scan_first(workdir: Path) -> None:
    assert_one_line_error(run("report"), said("scan.no-store", db=str(workdir / "taalwacht.db")))
    assert not (workdir / "taalwacht.db").exists()  # no empty store made on the way


def test_a_bad_date_is_one_dutch_line(workdir: Path) -> None:
    assert_one_line_error(run("report", "--since", "1-1-2025"), "--since", "JJJJ-MM-DD")


def test_a_corrupt_store_is_one_dutch_line_and_left_alone(workdir: Path) -> None:
    db = write(workdir / "taalwacht.db", "geen database\n" * 100)
    before = db.read_bytes()
    write(workdir / "docs" / "brief.txt", LETTER)
    assert_one_line_error(run("scan", "docs"), "taalwacht.db", "beschadigd")
    assert_one_line_error(run("report"), "taalwacht.db", "beschadigd")
    assert db.read_bytes() == before


def test_information_only_findings_are_not_counted(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _dated(docs / "tarief.txt", "Het Digitaal Klantdossier en de klantmanager.\n", "2025-01-10")
    store = Store.open(database_url(str(tmp_path / "t.db")))
    done = scan(Service.load(isolated=True)[0], store, [str(docs)])
    assert done.findings == 2  # both stored, the fixed term as info
    counted = figures(store)
    assert counted.total.findings == 1 and [t.name for t in counted.terms] == ["klantmanager"]
