"""Names a writer does not choose alone: the title of a regulation ("Besluit Inkoopkader
Jeugdhulp"), the name of a team or department ("Team Klantcontact"), a job title in a
signature ("klantmanager Werk en Inkomen"). Renaming them is the organisation's decision,
so they are reported as information and never rewritten."""

from __future__ import annotations

import re

from taalwacht.engine.context.verdict import Verdict, verdict

# words that open the title of a regulation or a policy document
TITLE_WORDS = (
    r"Besluit|Regeling|Verordening|Beleidsregels?|Wet|Circulaire|Reglement|Beschikking|"
    r"Nadere\s+regels|Beleidsplan|Beleidskader|Kader|Raamovereenkomst|Programma"
)
# the title word, then up to three capitalised words, then the watched word
TITLE = re.compile(rf"(?:^|(?<=[\s(„“\"']))(?:{TITLE_WORDS})(?:\s+[A-Z0-9][\w-]*){{0,3}}\s+$")
UNITS = re.compile(
    r"(?:^|(?<=\s))(?:[Tt]eam|[Aa]fdeling|[Uu]nit|[Cc]luster|[Ss]ector|[Bb]ureau)\s+$"
)
# a short line: the job title, a capitalised department (not a heading in capitals),
# nothing that ends a sentence
SIGNATURE_REST = re.compile(
    r"[ \t]+[A-Z][a-z][\w-]*(?:[ \t]+(?:[A-Z][a-z][\w-]*|en|&|van|de))*[ \t]*\r?$"
)


def named(text: str, start: int, end: int, *, staff: bool) -> Verdict | None:
    """The fixed decision for a watched word used for the public service that is part of a
    name, or None (a department that buys office supplies is no use of the word at all)."""
    if not text[start : start + 1].isupper() and not staff:
        return None
    line_start = text.rfind("\n", max(0, start - 120), start) + 1 or max(0, start - 120)
    before = text[line_start:start]
    if text[start].isupper():
        title = TITLE.search(before)
        if title:
            return verdict("fixed.title", title=(title.group() + text[start:end]).strip())
        unit = UNITS.search(before)
        if unit:
            return verdict("fixed.department", name=(unit.group() + text[start:end]).strip())
    if staff and not text[start:end].isupper():
        line_end = text.find("\n", end, end + 120)
        line_end = len(text) if line_end < 0 else line_end
        alone = not before.strip() or before.strip().endswith((",", "-", "–"))
        if alone and SIGNATURE_REST.match(text, end, line_end):
            return verdict("fixed.job-title", title=text[start:line_end].strip())
    return None
