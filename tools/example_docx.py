"""Write the bundled Word example, ``src/taalwacht/examples/beschikking-wmo.docx``.

A decision letter as a municipality's Word template makes it: a letterhead in the header, a
table with the decision, a word that Word split over two runs, an italic mention and a
footer. Made with python-docx (the ``test`` extra), so the file is a real Word document;
run ``python tools/example_docx.py`` after changing the text. The text is made up, like the
other examples: Lindewaard and its people do not exist.
"""

from __future__ import annotations

from pathlib import Path

import docx

TARGET = Path(__file__).resolve().parent.parent / "src/taalwacht/examples/beschikking-wmo.docx"


def main() -> None:
    document = docx.Document()
    core = document.core_properties
    core.author, core.title = "Gemeente Lindewaard", "Beschikking Wmo"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Gemeente Lindewaard · Klantcontactcentrum · 14 020"
    section.footer.paragraphs[0].text = "Vragen? Bel uw klantmanager of kijk op lindewaard.nl."
    document.add_heading("Besluit over uw aanvraag voor huishoudelijke hulp", level=1)
    document.add_paragraph("Geachte heer De Vries,")
    opening = document.add_paragraph("Op 2 april hebben wij met u gesproken over uw ")
    opening.add_run("aan")
    opening.add_run("vraag").bold = True
    opening.add_run(
        " voor huishoudelijke hulp. In deze brief leest u ons besluit. Huishoudelijke hulp is "
        "een product dat de gemeente inkoopt bij zorgaanbieders in de regio."
    )
    table = document.add_table(rows=3, cols=2)
    rows = (
        ("Besluit", "U krijgt huishoudelijke hulp, 3 uur per week"),
        ("Ingangsdatum", "1 mei 2025"),
        ("Uw klantmanager", "mevrouw A. Bakker"),
    )
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    words = document.add_paragraph("Wij noemen u in onze brieven liever geen ")
    words.add_run("klant").italic = True
    words.add_run(": u bent inwoner van Lindewaard en hebt recht op deze hulp.")
    document.add_paragraph(
        "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken. "
        "Hoe u dat doet, leest u op de achterkant van deze brief."
    )
    document.add_paragraph("Met vriendelijke groet,\nC. Jansen\nteamleider Wmo")
    document.save(str(TARGET))


if __name__ == "__main__":
    main()
