"""The organisation report: one self-contained HTML file (inline SVG, no network, prints
well), or the same figures as CSV or JSON.

Every chart has a table with the same figures beside it, so a screen reader, a printout and
a spreadsheet all get the numbers. Dutch throughout: managers and communication advisers
read it, not programmers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from html import escape
from pathlib import Path

from taalwacht.model.figures import Figures, Row

WIDTH, HEIGHT, PAD = 640, 220, 40

# The page around the report (a file of its own) and the figures' own look, which the web
# application serves as a style sheet for the same figures inside its pages.
PAGE_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}
h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
footer{margin-top:2rem;font-size:.85rem;color:#555}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
"""
FIGURE_STYLE = """
.meta{color:#555}.break{background:#fff4ce;border-left:4px solid #c69500;padding:.5rem 1rem}
.pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
table{border-collapse:collapse;font-size:.9rem}th,td{padding:.2rem .6rem;text-align:right}
th:first-child,td:first-child{text-align:left}thead th{border-bottom:2px solid #999}
tbody tr:nth-child(odd){background:#f4f4f4}svg{max-width:100%;height:auto}
.line{fill:none;stroke:#00549f;stroke-width:2}.dot{fill:#00549f}.bar{fill:#00549f}
.axis{stroke:#999}.label{font-size:11px;fill:#333}
@media print{.pair{display:block}table,svg{break-inside:avoid}}
"""


def _number(value: float | int) -> str:
    """Dutch notation: 1.234 and 3,5."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "#").replace(".", ",").replace("#", ".")


def _table(caption: str, head: str, rows: Sequence[Row], name_head: str) -> str:
    body = "".join(
        f"<tr><td>{escape(r.name)}</td><td>{_number(r.documents)}</td>"
        f"<td>{_number(r.words)}</td><td>{_number(r.findings)}</td><td>{_number(r.rate)}</td></tr>"
        for r in rows
    )
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr><th scope='col'>{name_head}</th>"
        f"<th scope='col'>{head}</th><th scope='col'>woorden</th><th scope='col'>bevindingen</th>"
        f"<th scope='col'>per 1.000 woorden</th></tr></thead><tbody>{body}</tbody></table>"
    )


def _line_chart(title: str, rows: Sequence[Row]) -> str:
    """Market-speak per 1,000 words over the months, as a line with a dot per month."""
    if not rows:
        return ""
    top = max(r.rate for r in rows) or 1.0
    step = (WIDTH - 2 * PAD) / max(1, len(rows) - 1)
    points = [
        (
            PAD + i * step if len(rows) > 1 else WIDTH / 2,
            HEIGHT - PAD - (r.rate / top) * (HEIGHT - 2 * PAD),
        )
        for i, r in enumerate(rows)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(
        f"<circle class='dot' cx='{x:.1f}' cy='{y:.1f}' r='3'><title>{escape(r.name)}: "
        f"{_number(r.rate)} per 1.000 woorden</title></circle>"
        for (x, y), r in zip(points, rows, strict=True)
    )
    every = max(1, len(rows) // 8)
    labels = "".join(
        f"<text class='label' x='{x:.1f}' y='{HEIGHT - PAD + 16}' text-anchor='middle'>"
        f"{escape(r.name)}</text>"
        for i, ((x, _), r) in enumerate(zip(points, rows, strict=True))
        if i % every == 0 or i == len(rows) - 1
    )
    return (
        f"<svg viewBox='0 0 {WIDTH} {HEIGHT}' role='img' aria-label='{escape(title)}'>"
        f"<title>{escape(title)}</title>"
        f"<line class='axis' x1='{PAD}' y1='{HEIGHT - PAD}' x2='{WIDTH - PAD}' "
        f"y2='{HEIGHT - PAD}'/>"
        f"<line class='axis' x1='{PAD}' y1='{PAD}' x2='{PAD}' y2='{HEIGHT - PAD}'/>"
        f"<text class='label' x='{PAD - 4}' y='{PAD + 4}' text-anchor='end'>{_number(top)}</text>"
        f"<text class='label' x='{PAD - 4}' y='{HEIGHT - PAD}' text-anchor='end'>0</text>"
        f"<polyline class='line' points='{line}'/>{dots}{labels}</svg>"
    )


def _bar_chart(title: str, rows: Sequence[Row]) -> str:
    """Market-speak per 1,000 words per group, as horizontal bars."""
    if not rows:
        return ""
    top = max(r.rate for r in rows) or 1.0
    bar, gap, left = 18, 6, 150
    height = len(rows) * (bar + gap) + 10
    bars = "".join(
        f"<text class='label' x='{left - 6}' y='{i * (bar + gap) + 13}' text-anchor='end'>"
        f"{escape(r.name[:24])}</text>"
        f"<rect class='bar' x='{left}' y='{i * (bar + gap)}' height='{bar}' "
        f"width='{max(1.0, (r.rate / top) * (WIDTH - left - 60)):.1f}'><title>{escape(r.name)}: "
        f"{_number(r.rate)} per 1.000 woorden</title></rect>"
        f"<text class='label' x='{left + (r.rate / top) * (WIDTH - left - 60) + 6:.1f}' "
        f"y='{i * (bar + gap) + 13}'>{_number(r.rate)}</text>"
        for i, r in enumerate(rows)
    )
    return (
        f"<svg viewBox='0 0 {WIDTH} {height}' role='img' aria-label='{escape(title)}'>"
        f"<title>{escape(title)}</title>{bars}</svg>"
    )


def _link(source: str) -> str:
    if source.startswith("sha256:"):
        return f"<code>{escape(source[:19])}…</code>"  # a hashed path links nowhere
    if "://" in source:
        return f"<a href='{escape(source)}'>{escape(source)}</a>"
    return f"<a href='{escape(Path(source).as_uri())}'>{escape(source)}</a>"


def html(figures: Figures) -> str:
    """The report as one self-contained HTML page."""
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Markttaal in de organisatie</title>"
        f"<style>{PAGE_STYLE}{FIGURE_STYLE}</style></head><body>"
        f"<h1>Markttaal in de organisatie</h1>{content(figures)}</body></html>\n"
    )


def content(figures: Figures) -> str:
    """The report's sections, for a page of its own or inside the web application (whose
    pages link ``FIGURE_STYLE`` as a style sheet: no inline style, no script)."""
    f = figures
    parts = [
        f"<p class='meta'>Gemaakt op {escape(f.generated[:10])} uit {escape(f.store)}. "
        f"{_number(f.total.documents)} documenten, {_number(f.total.words)} woorden, "
        f"{_number(f.total.findings)} bevindingen: <strong>{_number(f.total.rate)} per 1.000 "
        "woorden</strong>.</p>",
    ]
    if f.mixed or f.breaks:
        notes = []
        if f.mixed:
            notes.append(
                f"De documenten zijn gecontroleerd met {len(f.versions)} verschillende versies "
                "van taalwacht of de termenpakketten. Een verschil tussen maanden kan daardoor "
                "komen, niet door ander taalgebruik. Scan opnieuw om alles met dezelfde versie "
                "te tellen."
            )
        for day, engine in f.breaks:
            notes.append(
                f"Breuk in de reeks: op {escape(day)} is alles opnieuw gecontroleerd met een "
                f"nieuwe versie ({escape(engine)}). Vergelijk cijfers van daarvoor niet met die "
                "van daarna."
            )
        parts.append(
            "<div class='break' role='note'>" + "".join(f"<p>{n}</p>" for n in notes) + "</div>"
        )
    if not f.total.documents:
        parts.append(
            "<p>Er zijn nog geen gescande documenten. Draai eerst "
            "<code>taalwacht scan MAP</code>.</p>"
        )
    parts.append("<h2>Per maand</h2>")
    parts.append(
        "<p>De maand is de datum van het document zelf (uit de eigenschappen van het document, "
        "anders de datum van het bestand).</p>"
    )
    title = "Markttaal per 1.000 woorden per maand"
    parts.append(
        f"<div class='pair'>{_line_chart(title, f.months)}"
        f"{_table(title, 'documenten', f.months, 'maand')}</div>"
    )
    if f.baseline:
        b = f.baseline
        change = (
            f"{_number(round(100 * b.change, 1))}%".replace(",0%", "%")
            if b.change is not None
            else "onbekend"
        )
        parts.append(f"<h2>Sinds {escape(b.day)}</h2>")
        parts.append(
            f"<p>Voor {escape(b.day)}: {_number(b.before.rate)} per 1.000 woorden "
            f"({_number(b.before.documents)} documenten). Vanaf {escape(b.day)}: "
            f"{_number(b.after.rate)} per 1.000 woorden ({_number(b.after.documents)} documenten). "
            f"Verandering: <strong>{change}</strong>.</p>"
        )
    title = "Markttaal per 1.000 woorden per afdeling"
    parts.append("<h2>Per afdeling</h2>")
    parts.append(
        "<p>Een afdeling met minder dan 5 documenten telt mee in 'overig'. Er zijn geen cijfers "
        "per persoon.</p>"
    )
    parts.append(
        f"<div class='pair'>{_bar_chart(title, f.departments)}"
        f"{_table(title, 'documenten', f.departments, 'afdeling')}</div>"
    )
    title = "Bevindingen per 1.000 woorden per term"
    parts.append("<h2>Per term</h2>")
    parts.append(
        f"<div class='pair'>{_bar_chart(title, f.terms)}"
        f"{_table(title, 'documenten met de term', f.terms, 'term')}</div>"
    )
    if f.top:
        rows = "".join(
            f"<tr><td>{_link(d.source)}</td><td>{escape(d.department)}</td><td>{escape(d.day)}</td>"
            f"<td>{_number(d.words)}</td><td>{_number(d.findings)}</td></tr>"
            for d in f.top
        )
        parts.append("<h2>Documenten met de meeste bevindingen</h2>")
        parts.append(
            "<table><caption>Documenten met de meeste bevindingen</caption><thead><tr>"
            "<th scope='col'>document</th><th scope='col'>afdeling</th><th scope='col'>datum</th>"
            "<th scope='col'>woorden</th><th scope='col'>bevindingen</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    parts.append(
        "<footer><p>taalwacht bewaart geen tekst van documenten, geen titels en geen auteurs. "
        "Meldingen ter informatie (vaste namen zoals DBC-zorgproduct) tellen niet mee. "
        f"Niet meegeteld: {_number(f.failed)} onleesbare documenten, {_number(f.removed)} "
        f"verwijderde documenten, {_number(f.undated)} documenten zonder datum.</p></footer>"
    )
    return "".join(parts)


def csv_text(figures: Figures) -> str:
    """The same figures as rows: part, name, month, documents, words, findings, rate."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["onderdeel", "naam", "maand", "documenten", "woorden", "bevindingen", "per_1000_woorden"]
    )

    def rows(part: str, name: str, items: Sequence[Row], monthly: bool) -> None:
        for r in items:
            month, label = (r.name, name) if monthly else ("", r.name)
            writer.writerow([part, label, month, r.documents, r.words, r.findings, r.rate])

    rows("totaal", "totaal", [figures.total], False)
    rows("maand", "", figures.months, True)
    rows("afdeling", "", figures.departments, False)
    for name, items in figures.department_months.items():
        rows("afdeling-maand", name, items, True)
    rows("term", "", figures.terms, False)
    for name, items in figures.term_months.items():
        rows("term-maand", name, items, True)
    return out.getvalue()


def json_text(figures: Figures) -> str:
    return json.dumps(figures.as_dict(), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"html": html, "csv": csv_text, "json": json_text}
