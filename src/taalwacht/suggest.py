"""Replacements for a watched word, in the form the word has in the text.

"klanten" gets "inwoners", "ingekochte" gets "gecontracteerde", "klantgerichtheid" gets
"inwonergerichtheid", "Wmo-klanten" gets "Wmo-inwoners": the slot of the matched form picks
the alternative's form, a compound keeps its other members, and the capitals follow the
original. Compounds the pack names (bijstandsklant, productcatalogus) use the pack's own
replacement first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from taalwacht.dutch.tokens import is_word_char

if TYPE_CHECKING:
    from taalwacht.engine import Analysis

# What follows a named compound tells its form: klantdossier-s, bijstandsklant-en.
COMPOUND_ENDINGS = {"": "", "s": "pl", "en": "pl", "n": "pl", "'s": "pl", "e": "e"}


def suggestions(analysis: Analysis, surface: str) -> tuple[str, ...]:
    """Replacement strings for ``surface`` (the matched text), best first."""
    term = analysis.watch.term
    slot = analysis.watch.slot
    out: list[str] = []
    key = analysis.compound_key or analysis.joined
    for name, alternatives in term.compounds.items():
        if not key.startswith(name) or key[len(name) :] not in COMPOUND_ENDINGS:
            continue
        named_slot = COMPOUND_ENDINGS[key[len(name) :]] or _first_slot(alternatives[0].forms)
        out.extend(_form(alt.forms, alt.text, named_slot) for alt in alternatives)
    if analysis.compound_key:
        surface_left, surface_right = "", ""
    else:
        surface_left, surface_right = _split(surface, analysis.member.start, analysis.member.end)
    member_text = surface[len(surface_left) : len(surface) - len(surface_right)]
    trailing_hyphen = surface.rstrip().endswith(("-", "\u2010", "\u2011")) and not analysis.compound_key
    for alt in term.alternatives:
        if analysis.right or trailing_hyphen or analysis.watch.kind == "linking":
            if alt.modifier is None:
                continue
            core = alt.modifier
        elif analysis.left and alt.gender is None:
            continue  # only a noun can head a compound: Wmo-inwoners, not Wmo-u
        else:
            core = _form(alt.forms, alt.text, slot)
        if core.endswith("s") and analysis.right.startswith("s"):
            core = core[:-1]  # tevredenheids + sonderzoek: the link is already there
        if trailing_hyphen:
            out.append(_case_like(core, member_text) + "-")
        elif analysis.compound_key:
            out.append(_case_like(core + analysis.right, surface))
        else:
            out.append(surface_left + _case_like(core, member_text) + surface_right)
    if analysis.watch.kind == "acronym":
        out = [s.lower() if s.isupper() else s for s in out]
        surface = surface.lower()
    seen: set[str] = set()
    result = []
    for s in out:
        s = _case_like(s, surface) if s and s[0].islower() and surface[:1].isupper() and not surface_left else s
        if s.lower() != surface.lower() and s not in seen:
            seen.add(s)
            result.append(s)
    return tuple(result)


def _first_slot(forms: object) -> str:
    return "sg" if isinstance(forms, dict) and "sg" in forms else "base"


def _form(forms: object, text: str, slot: str) -> str:
    if isinstance(forms, dict) and slot and forms.get(slot):
        return str(forms[slot])
    return text


def _split(surface: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after a member given in letters of the joined word.

    The surface may hold hyphens, apostrophes and line breaks that the joined word lacks;
    they stay where they are: Wmo-klanten splits into "Wmo-" and "".
    """
    count = 0
    left_end = right_start = None
    for i, c in enumerate(surface):
        if not is_word_char(c):
            continue
        if count == start and left_end is None:
            left_end = i
        count += 1
        if count == end:
            right_start = i + 1
            break
    if left_end is None:
        left_end = 0
    if right_start is None:
        right_start = len(surface)
    return surface[:left_end], surface[right_start:]


def _case_like(new: str, old: str) -> str:
    """Give ``new`` the capitals of ``old``: KLANT -> INWONER, Klant -> Inwoner."""
    letters = [c for c in old if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and letters[0].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new
