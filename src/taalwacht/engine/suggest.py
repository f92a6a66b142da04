"""Replacements for a watched word, in the form the word has in the text.

"klanten" gets "inwoners", "ingekochte" gets "gecontracteerde", "klantgerichtheid" gets
"inwonergerichtheid", "Wmo-klanten" gets "Wmo-inwoners": the slot of the matched form picks
the alternative's form, a compound keeps its other members, and the capitals follow the
original. Compounds the pack names (bijstandsklant, productcatalogus) use the pack's own
replacement first. Each suggestion carries its gender and number, so a fixer can make
articles and adjectives agree (het nieuwe product -> de nieuwe voorziening).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from taalwacht.dutch.agreement import (
    ADJECTIVE_ENDINGS,
    FUNCTION_WORDS,
    is_adjective,
    reads_plural,
)
from taalwacht.dutch.compounds import coined_word, head_link, join
from taalwacht.dutch.lexicon import is_word
from taalwacht.dutch.tokens import HYPHEN, HYPHENS, is_word_char
from taalwacht.dutch.wordlists import entries
from taalwacht.engine.analysis import Analysis
from taalwacht.engine.matching import Matcher
from taalwacht.model.finding import Choice
from taalwacht.packs.schema import Alternative, Term

# What follows a named compound tells its form: klantdossier-s, bijstandsklant-en.
COMPOUND_ENDINGS = {"": "", "s": "pl", "en": "pl", "n": "pl", "'s": "pl", "e": "e"}
PLURAL_SLOTS = frozenset({"pl", "dim_pl", "agent_pl", "past_pl"})
# the first member of an elided compound and what follows it: "producten" + "- en diensten..."
# (also written as one word: "producten-en-dienstencatalogus")
ELIDED_MEMBER = re.compile(rf"([^\W_]+){HYPHEN}(?:\s*/\s*|\s+|,|(?=(?:en|of){HYPHEN}))")
# where a coordination's other word starts: after a space, or after "-en-" in one word
OTHER_WORD = re.compile(rf"\s+|{HYPHEN}(?:en|of){HYPHEN}")

# a word that opens with an acronym as its first member: WWB-klanten, KCC-medewerkers
OPENING_ACRONYM = re.compile(rf"[A-Z]{{2,}}{HYPHEN}")

CueCounts = tuple[tuple[str, int], ...]  # (alternative, its cues near the word), none zero
# ``coined_word(old, new, free=free)`` with ``free`` as the third argument: a caller that
# asks for many words' choices (the engine) passes a memoised one
Coined = Callable[[str, str, bool], str]


def _coined(old: str, new: str, free: bool) -> str:
    return coined_word(old, new, free=free)


class Place(NamedTuple):
    """What the choice of a replacement must fit where the word stands; all "no" for most
    words, whose suggestions are then the memoised ones.

    ``owned``: the people whose thing the word names are named already, by "uw", "je" or
    "jouw" before it (uw klantnummer) or by "van" and people after it (klanttevredenheid
    van de gebruikers); ``then``: the word after it, lower case (see ``in_the_sentence``);
    ``rest``: the rest of a hyphenated word after a member that ends in its hyphen, lower
    case ("-of-dienst" after "product-"), which the replacement must not repeat (not
    "dienst-of-dienst"); ``beside``: the words it is coordinated with, lower case and
    apart, which the first replacement must not repeat either (not "diensten en
    diensten").
    """

    owned: bool = False
    then: str = ""
    rest: str = ""
    beside: str = ""


NOWHERE = Place()


def choices(
    analysis: Analysis,
    surface: str,
    prefer: str = "",
    setting: CueCounts = (),
    *,
    place: Place = NOWHERE,
    coined: Coined = _coined,
) -> tuple[Choice, ...]:
    """Replacements for ``surface`` (the matched text), best first, with their grammar.

    ``setting`` counts the cues of each alternative near the word (``cue_counts``): an
    alternative whose cues stand there comes first (see ``rank_by_cues``). ``place``: what
    the words around it ask of the replacement (``Place``). ``prefer`` names the
    alternative the organisation chose for this term ("burger"): its choices move to the
    very front. ``coined`` is ``coined_word`` (which drops coinages), memoised by a caller
    that asks often.
    """
    if analysis.right in FUNCTION_WORDS and not analysis.left and not analysis.compound_key:
        # "klantenmet": a space left out, not a compound ("met van inwoners"): the word is
        # replaced as if it stood alone, and the space comes back
        _, surface_right = _split(surface, analysis.member.start, analysis.member.end)
        alone = Analysis(analysis.watch, analysis.left + analysis.member.form, analysis.member)
        word = surface[: len(surface) - len(surface_right)]
        spaced = " " + surface_right.lstrip(HYPHENS)
        return tuple(
            replace(c, text=c.text + spaced)
            for c in choices(alone, word, prefer, setting, place=place, coined=coined)
        )
    owned, then, rest, beside = place
    term = analysis.watch.term
    slot = analysis.watch.slot
    plural = slot in PLURAL_SLOTS
    out: list[Choice] = []
    written = key = analysis.compound_key or analysis.joined
    # a spelling of a named compound takes its replacement (klantencontacten is klantcontacten),
    # unless the spelling is named itself: the Flemish klantendienst has a word of its own
    if key not in term.compounds:
        key = term.spellings.get(key, key)
    # a spelling of a named compound that is no form of the term (the English
    # klantcontactcenters) is that compound whole: only its replacements stand for it, not
    # a bare alternative for its first member
    spelled = key != written and key in term.compounds and key not in term.forms.values()
    # an elided member ("product-" of "product- en procesinnovatie") is rewritten alone
    elision = ELIDED_MEMBER.match(surface) if analysis.compound_key else None
    elided = elision is not None or surface.rstrip().endswith(tuple(HYPHENS))
    for name, alternatives in term.compounds.items():
        if not key.startswith(name) or key[len(name) :] not in COMPOUND_ENDINGS:
            continue
        named_slot = COMPOUND_ENDINGS[key[len(name) :]] or _first_slot(alternatives[0].forms)
        acronym = analysis.watch.kind == "acronym"  # capitals only where a sentence starts
        out.extend(
            Choice(
                (alt.forms.get(named_slot) or alt.text)
                if acronym
                else _named_case(alt.forms.get(named_slot) or alt.text, surface),
                alt.gender,
                named_slot == "pl",
                alt.text,
            )
            for alt in alternatives
            # "klant- en contactgegevens", "casus- en procesregie": a named replacement
            # stands for one whole compound, so it replaces a coordination only where it is
            # the other member ("producten- en dienstencatalogus": dienstencatalogus), never
            # as a phrase ("gegevens van inwoners" would drop the contact details, "regie"
            # the process)
            if not elided or _is_other_member(alt.forms.get(named_slot) or alt.text, surface)
        )
    named = len(out)
    if analysis.compound_key:
        surface_left, surface_right = "", ""
    else:
        surface_left, surface_right = _split(surface, analysis.member.start, analysis.member.end)
    member_text = surface[len(surface_left) : len(surface) - len(surface_right)]
    trailing_hyphen = elided
    as_modifier = bool(analysis.right) or trailing_hyphen or analysis.watch.kind == "linking"
    if analysis.watch.kind == "acronym" and surface_right and not surface_left:
        # KCC-medewerkers are the staff of the contact centre the acronym stands for, not
        # of "contact": its own replacement leads, and the hyphen the acronym needed goes
        # (contactcentrummedewerkers; labellers: 0 of 13 accepted contact-medewerkers); a
        # name keeps it (KCC-Noord: contactcentrum-Noord)
        head = surface_right.lstrip(HYPHENS)  # the acronym's own head, not place.rest
        for alt in term.compounds.get(member_text.lower(), ()):
            core = alt.forms.get("sg") or alt.text
            if _same_head(core, head):
                # KCM-medewerkers: the acronym names the staff already; the replacement
                # stands for both (medewerkers van het contactcentrum)
                plural = not core.lower().split()[0].endswith(head.lower())
                whole = alt.forms.get("pl" if plural else "sg")
                if whole:
                    out.insert(named, Choice(whole, alt.gender, plural, alt.text))
                    named += 1
                continue
            if " " in core:
                continue  # a phrase heads no compound
            if head[:1].islower():
                # KCC-medewerkers: "medewerkers van het contactcentrum" first (labellers: 14
                # of 14 sources, the compound contactcentrummedewerkers in 4), and so for
                # other people who work there (-er, -or: supervisor); things keep the
                # compound (contactcentrumrapportages). The writer's head stays the head,
                # so what agrees with it stays as it is
                if alt.gender and head.isalpha() and head.lower().endswith(AGENT_ENDINGS):
                    phrase = f"{head} van {alt.gender} {core}"
                    out.insert(named, Choice(phrase, None, False, alt.text))
                    named += 1
                out.insert(named, Choice(join(core, head), None, False, alt.text))
            else:  # the acronym heads a name: het contactcentrum-Noord
                out.insert(named, Choice(core + surface_right, alt.gender, False, alt.text))
            named += 1
    # "product-of-dienst": two nouns joined in one word, not a first member of a compound
    # ("product- en procesinnovatie"): a noun takes the first one's place (voorziening-of-
    # dienst, not regelingen-of-dienst)
    coordinated = _coordinated_noun(rest)
    for alt in () if spelled else term.alternatives:
        if as_modifier:
            single = _form(alt.forms, alt.text, slot)
            if coordinated:
                if single is None or " " in single or _names_again(single, rest):
                    continue  # not "dienst-en-diensten"
                core = single
            elif alt.modifier is not None:
                core = alt.modifier
                if core.endswith(" ") and is_adjective(analysis.right):
                    continue  # an adjective heads no phrase: not "gemeentebrede brede"
                if alt.bare_modifier and _bare_member(analysis):
                    core = alt.bare_modifier  # the writer's product+teksten: dienst+teksten
            elif elision is not None:
                # the part the writer left out (gericht of "klant- en servicegericht") must
                # be the alternative's own ending: inwoner(gericht) -> "inwoner- en ..."
                tail = analysis.compound_key[len(elision.group(1)) :]
                if not tail or not alt.text.lower().endswith(tail) or alt.text == tail:
                    continue
                core = alt.text[: -len(tail)]
            elif single is not None and " " not in single and term.pos != "noun":
                core = single  # inwonergerichtheid + sbeleid
            else:
                continue
        elif analysis.left and alt.gender is None and (term.pos == "noun" or slot != "noun"):
            continue  # only a noun can head a compound: Wmo-inwoners, not Wmo-u
        else:
            form = _form(alt.forms, alt.text, slot)
            if form is None or (analysis.left and " " in form):
                continue  # "afspraken maken" has no form for "koopt"; no "zorgafspraken met"
            core = form
        link = head_link(analysis.right, after=analysis.member.form) if analysis.right else ""
        if link and core.endswith(link):
            core = core[: -len(link)]  # tevredenheids + sonderzoek: the link is already there
        gender = None if as_modifier else alt.gender
        if trailing_hyphen:
            if core.endswith(" ") and " " not in alt.text:
                core = alt.text  # "gemeente- en afdelingsbegroting", not "gemeentebrede- en"
            if (
                not core
                or core != core.strip()
                or (alt.modifier is None and not elision and not coordinated)
            ):
                continue  # only a first-member form takes the hyphen; "gemeentelijke " not
            kept = surface[elision.end(1) :] if elision else "-"  # "- en procesinnovatie"
            if _names_again(core, kept + rest) or (
                not elision and _names_again(core.removesuffix("s"), beside)
            ):
                # not "diensten- en dienstencatalogus": the other member already is; nor
                # "contracterings- en contractering" for "zorginkoop- en contractering"
                continue
            if elision:
                text = _case_like(core, elision.group(1)) + kept
            else:  # the writer's own first member stays: zorginkoop- -> zorgcontracterings-
                text = join(surface_left, _case_like(core, member_text[:-1])) + kept
        elif analysis.compound_key:
            text = _case_like(join(core, analysis.right), surface)
        else:
            # an acronym's capitals are its own, not the replacement's: KCC-medewerkers
            # -> contact-medewerkers, not CONTACT-medewerkers
            cased = core if analysis.watch.kind == "acronym" else _case_like(core, member_text)
            # with the hyphen of a vowel collision: casus|eigenaar -> situatie-eigenaar; an
            # adjective before the head takes no hyphen (concern-ICT -> gemeentebrede ICT)
            right = surface_right.lstrip(HYPHENS) if cased.endswith(" ") else surface_right
            text = join(join(surface_left, cased), _reduplicated(right, member_text, core))
        out.append(Choice(text, gender, plural and not as_modifier, alt.text))
    two_people = surface_right[:1] in HYPHENS and surface_right[1:].lower() in people()
    if as_modifier and not elided and not analysis.compound_key and not surface_left:
        # the pack's own replacement of a named compound stays first (klantreis: inwonersreis),
        # then the phrases that keep the writer's head: labellers took a swapped compound
        # (inwonerpanel, inwoneronderzoek) for 1 in 73 such words outside inwonersreis; two
        # people joined by a hyphen are a pair ("de relatie klant-werknemer"), not one of
        # the other's ("werknemer van de inwoner")
        phrases = [] if two_people else _phrases(analysis, surface_right)
        out = out[:named] + phrases + out[named:]
    if setting:
        out = out[:named] + rank_by_cues(out[named:], setting)
    if owned or then:
        out = in_the_sentence(out, named, analysis, surface, owned=owned, then=then)
    if beside and term.pos == "noun" and term.context not in PEOPLE:
        out = _not_twice(out, term, beside)
    role = _role(analysis, surface_right)
    if role:  # klantadviseur -> adviseur, before the pack's compounds (gemeentecontroller)
        out.insert(0, Choice(role, None, False))
    if prefer:
        out.sort(key=lambda c: c.alternative.lower() != prefer.lower())
    pair = None
    if not analysis.compound_key and analysis.watch.kind != "acronym":
        # (an acronym stands for a compound of its own: KCC-contacten are the contact
        # centre's contacts, not contacts alone)
        pair = _pair(term, slot, surface_left, surface_right)
    if pair is not None:
        # "product-dienstencatalogus", "inwoner-klant": the writer names one thing by two
        # words, and the other word is a replacement already; that word alone stands for
        # both (dienstencatalogus, inwoner), and no choice writes it twice
        out = [pair] + [c for c in out if c.alternative != pair.alternative]
        named += 1
    named_texts = {c.text.lower() for c in out[:named]}
    finished = _finish(
        out, surface, acronym=analysis.watch.kind == "acronym", capital=not surface_left
    )
    return _real_words(finished, surface, term, named_texts, coined)


# terms for people: "inwoners en klanten", "consulenten/klantmanagers" name the same people
# twice, and labellers kept the partner's word (inwoner near klant: 0.29, the most chosen)
PEOPLE = frozenset({"person", "staff"})


def _not_twice(out: list[Choice], term: Term, beside: str) -> list[Choice]:
    """The choices with those that name a coordinated partner (``beside``, apart) last:
    things coordinated are different things, so "producten en diensten" becomes
    "voorzieningen en diensten", not "diensten en diensten" (of 460 such producten in 344
    sources labellers replaced 0.89 by voorzieningen, 0.07 by diensten)."""
    words = beside.split()
    said = {alt.text for alt in term.alternatives if not alt.words().isdisjoint(words)}
    if not said:
        return out
    return sorted(out, key=lambda c: c.alternative in said)


READER_POSSESSIVES = frozenset({"uw", "je", "jouw"})  # the reader is the resident
# prepositions that open the phrase of a replacement (contacten met inwoners, tevredenheid
# onder inwoners); "van" may follow "van" ("gegevens van inwoners van de gemeente")
COLLIDING = frozenset("met onder over aan voor bij tussen naar uit".split())


def in_the_sentence(
    out: list[Choice], named: int, analysis: Analysis, surface: str, *, owned: bool, then: str
) -> list[Choice]:
    """The choices in the order the words around the word ask for.

    After "uw", "je" or "jouw" the reader is the resident the word stands for, and the
    possessive already says so, as "van" and people after the word do (``owned``): phrases
    that name the residents again go last (not "uw gegevens van inwoners", "tevredenheid van
    inwoners van de gebruikers"), and unless the pack names a one-word replacement (uw
    klantnummer -> uw dossiernummer) the writer's own head leads (uw klantgegevens -> uw
    gegevens, klanttevredenheid van de gebruikers -> tevredenheid van de gebruikers); so
    does it where that replacement names the people itself (uw klantreis -> uw reis, not uw
    inwonersreis). A phrase whose preposition comes next anyway (``then``) goes last too:
    not "contacten met inwoners met de gemeente" (but "van" may follow "van"); when the
    phrases built for the word collide so, the words after it name the people, and the
    head leads too. ``named``: how many of ``out`` are the pack's replacements for a named
    compound.
    """
    collides = f" {then} " if then in COLLIDING else "\0"
    last = [
        c
        for c in out
        if (" " in c.text.strip() and (owned or collides in c.text))
        or (owned and _names_people(c.text))  # not "uw inwonersreis"
    ]
    first = [c for c in out if c not in last]
    # "het klantonderzoek onder inwoners": the words after it name the people already, as
    # "uw" does, so the writer's own head leads (het onderzoek onder inwoners)
    if not owned and not any(collides in c.text for c in out[named:]):
        return first + last
    right = analysis.right
    head = surface[-len(right) :] if right and surface.lower().endswith(right) else ""
    if (
        head
        and not any(" " not in c.text.strip() and c in first for c in out[:named])
        and not analysis.left
        and analysis.watch.term.context == "person"
        and len(head) >= 4
        and is_word(head.lower())
        and all(c.text.lower() != head.lower() for c in out)
    ):
        first.insert(0, Choice(head, None, False))
    return first + last


@cache
def people() -> frozenset[str]:
    """Nouns for people (``dutch/data/people.txt``): after "van", they name whose a word's
    thing is (klanttevredenheid van de gebruikers)."""
    return frozenset(entries("people.txt"))


def _names_people(text: str) -> bool:
    """Whether a one-word replacement opens with a noun for people: inwonersreis,
    cliëntreis (not dossiernummer)."""
    low = text.strip().lower()
    if " " in low:
        return False
    for noun in people():
        rest = low[len(noun) :] if low.startswith(noun) else ""
        if rest[:1] == "s" and not is_word(rest):
            rest = rest[1:]  # the linking s: inwoners|reis
        if len(rest) >= 3 and is_word(rest):  # a head, not an ending (cliënt|en)
            return True
    return False


CUE_WINDOW = 800  # characters on each side of a word that tell its setting


def cue_counts(alternatives: tuple[Alternative, ...], around: str) -> CueCounts:
    """How many cues of each alternative stand in ``around`` (lower case); () for none.
    A few numbers say all the setting does to the order, so the choices built for them
    can be kept and reused, as for words without a setting."""
    cues = tuple(alt.cues for alt in alternatives)
    pattern = _cues_pattern(cues)
    if pattern is None:
        return ()
    counts = [0] * len(alternatives)
    for match in _cue_matches(pattern, cues, around):
        counts[match.lastindex - 1] += 1  # type: ignore[operator]  # every branch is a group
    return tuple((alt.text, n) for alt, n in zip(alternatives, counts, strict=True) if n)


def rank_by_cues(built: list[Choice], setting: CueCounts) -> list[Choice]:
    """The choices with the alternatives whose cues stand near the word first, the most
    cues first; the pack's order otherwise. "klanten" at a food bank or in a text that
    says cliënt itself becomes "cliënten", in a text about re-integration
    "uitkeringsgerechtigden", and "inwoners" where nothing tells the setting."""
    counts = dict(setting)
    return sorted(built, key=lambda c: -counts.get(c.alternative, 0))


def _cue_matches(
    pattern: re.Pattern[str], cues: tuple[tuple[str, ...], ...], around: str
) -> Iterator[re.Match[str]]:
    """The pattern's matches in ``around``, as ``finditer`` gives them, tried only where a
    cue's text starts a word: one Aho-Corasick pass finds those places (around most words
    there are none), where a search would try each of the 1,600 positions. A pack's cue
    of stars alone ("*", any word) can match anywhere: then the pattern searches."""
    starts = _cue_starts(cues, around)
    if starts and _any_word_cue(cues):
        yield from pattern.finditer(around)
        return
    after = 0  # matches do not overlap: the next one starts where the last one ended
    for start in starts:
        match = pattern.match(around, start) if start >= after else None
        if match is not None:
            yield match
            after = match.end()


@cache
def _any_word_cue(cues: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a cue is stars alone: it matches any word, so no cue text marks its start."""
    return any(not cue.strip("*") for alt in cues for cue in alt)


def _cue_starts(cues: tuple[tuple[str, ...], ...], around: str) -> list[int]:
    """Where a cue's text starts a word in ``around``, in order."""
    starts = set()
    for end, size in _cues_matcher(cues).hits(around):
        start = end - size + 1
        if start == 0 or not (around[start - 1].isalnum() or around[start - 1] == "_"):
            starts.add(start)
    return sorted(starts)


@cache
def _cues_matcher(cues: tuple[tuple[str, ...], ...]) -> Matcher[int]:
    """The cues' texts (without "*"), each with its length: where a cue may start."""
    return Matcher({cue.rstrip("*"): len(cue.rstrip("*")) for alt in cues for cue in alt})


@cache
def _cues_pattern(cues: tuple[tuple[str, ...], ...]) -> re.Pattern[str] | None:
    """One pattern for the cues of all alternatives, one group per alternative, so the
    text around a word is read once: whole words, or word starts for "wmo*"."""
    if not any(cues):
        return None
    groups = [
        "("
        + "|".join(
            re.escape(c[:-1]) + r"\w*" if c.endswith("*") else re.escape(c) + r"(?!\w)" for c in alt
        )
        + ")"
        if alt
        else "(?!)()"
        for alt in cues
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + ")")


def _phrases(analysis: Analysis, surface_right: str) -> list[Choice]:
    """'ervaringen van inwoners' for klantervaringen, 'onderzoek onder inwoners' for
    klantonderzoek: the head stays, so articles and adjectives still agree. Only for terms
    for people, whose alternatives have a plural to follow 'van'."""
    term = analysis.watch.term
    rest = surface_right.lstrip(HYPHENS)
    if not term.people or not rest or not is_word(rest.lower()):
        return []
    before = _participle_preposition(rest.lower())
    if before is not None:  # klantgestuurde: "door inwoners gestuurde", never "van"
        return [
            Choice(f"{before} {alt.forms['pl']} {rest}", None, False, alt.text)
            for alt in term.alternatives
            if before and alt.gender is not None and " " not in alt.forms.get("pl", " ")
        ]
    if rest.lower().endswith(ADJECTIVE_ENDINGS):
        return []  # klantenadviserend: an adjective has no "van" phrase
    preposition = _preposition(rest.lower())
    # the writer's singular member before a singular head means one person: klantbeeld is
    # "beeld van de inwoner", klantgegevens "gegevens van inwoners" (as labellers wrote them:
    # 39 to 15 for such compounds)
    one = (
        preposition == "van"  # "onderzoek onder inwoners": among many, never one
        and not _names_a_group(rest.lower())
        and _bare_member(analysis)
        and not reads_plural(rest.lower())
    )
    out = []
    for alt in term.alternatives:
        plural, single = alt.forms.get("pl"), alt.forms.get("sg")
        if alt.gender is None or not plural or " " in plural:
            continue
        if one and single and " " not in single:
            out.append(Choice(f"{rest} {preposition} {alt.gender} {single}", None, False, alt.text))
        out.append(Choice(f"{rest} {preposition} {plural}", None, False, alt.text))
    return out


# participle-shaped nouns: klantgegevens are data, not something given
PARTICIPLE_NOUNS = frozenset({"gegeven", "gegevens", "gebied", "gebieden"})


def _participle_preposition(head: str) -> str | None:
    """The preposition that puts the people before a participle or adjective head
    (``participle_heads.txt``: gestuurd -> "door"), "" for one that takes none (bewust,
    or a participle the table does not list: gerealiseerd), None for a head that is no
    participle or listed adjective, which keeps its "van" phrase (ervaringen van inwoners)."""
    base = head[:-1] if head.endswith("e") else head
    table = _participle_heads()
    found = next((table[base[i:]] for i in range(len(base) - 3) if base[i:] in table), None)
    if found is not None:
        return "" if found == "-" else found
    participle = (
        base.startswith("ge")
        and base.endswith(("d", "t", "en"))
        and base not in PARTICIPLE_NOUNS
        and head not in PARTICIPLE_NOUNS
        and is_adjective(head)
    )
    return "" if participle else None


@cache
def _participle_heads() -> dict[str, str]:
    pairs = (line.split() for line in entries("participle_heads.txt"))
    return {head: preposition for head, preposition in pairs}


def _role(analysis: Analysis, surface_right: str) -> str:
    """The writer's head when it names a staff role or a desk and the watched word only says
    whose (klantadviseur, concerncontroller, klantenbalie): the head alone says all, in the
    writer's own word; "" otherwise. Only for words for residents and the organisation: an
    inkoopadviseur advises on purchasing, which the head alone no longer says."""
    head = surface_right.lstrip(HYPHENS)
    if (
        not head
        or analysis.left
        or analysis.compound_key
        or analysis.watch.term.context not in ("person", "organisation")
    ):
        return ""
    return head if head.lower().endswith(_role_heads()) else ""


@cache
def _role_heads() -> tuple[str, ...]:
    return tuple(entries("role_heads.txt"))


def _pair(term: Term, slot: str, surface_left: str, surface_right: str) -> Choice | None:
    """The word without its watched member where the part hyphenated to that member is one
    of the term's replacements, or None: "product-dienstencatalogus" is the
    dienstencatalogus (not "dienst-dienstencatalogus"), "producten-diensten" the diensten,
    and "inwoner-klanten" the inwoners (the member's own form: it heads the word)."""
    if surface_right[:1] in HYPHENS and surface_right[1:2].isalpha():
        after = surface_right[1:]
        other = re.split(HYPHEN, after, maxsplit=1)[0].lower()
        for alt in term.alternatives:
            if any(len(f) >= 4 and " " not in f and other.startswith(f) for f in alt.words()):
                return Choice(surface_left + after, None, False, alt.text)
        return None
    if surface_right or surface_left[-1:] not in HYPHENS:
        return None
    other = re.split(HYPHEN, surface_left[:-1])[-1]
    low = other.lower()
    for alt in term.alternatives:
        form = _form(alt.forms, alt.text, slot)
        if form and " " not in form and low in alt.words():
            text = surface_left[: len(surface_left) - len(other) - 1] + _case_like(form, other)
            return Choice(text, alt.gender, slot in PLURAL_SLOTS, alt.text)
    return None


def _is_other_member(text: str, surface: str) -> bool:
    """Whether ``text`` is the coordination's other, whole word: "dienstencatalogus" in
    "producten- en dienstencatalogus"."""
    words = OTHER_WORD.split(surface.strip())
    return len(words) > 1 and " " not in text and text.lower() == words[-1].lower()


AGENT_ENDINGS = ("er", "ers", "or", "ors")  # medewerker(s), supervisor(s)


def _same_head(core: str, rest: str) -> bool:
    """Whether ``rest`` (medewerkers) repeats the head of ``core``: the end of a word
    (publieksmedewerker), the first word of a phrase (medewerker van het contactcentrum)."""
    noun = core.lower().split()[0]
    head = rest.lower()  # a plural -s or -en aside (medewerkers, centrums)
    return any(len(h) >= 4 and noun.endswith(h) for h in (head, head[:-1], head[:-2]))


def _bare_member(analysis: Analysis) -> bool:
    """The writer's member is the term's bare singular (product+teksten, klant+beeld), not a
    plural or linked form (producten+lijst, klanten+bestand)."""
    return analysis.member.form == analysis.watch.term.forms.get("sg")


@cache
def _head_prepositions() -> dict[str, str]:
    pairs = (line.split() for line in entries("head_prepositions.txt"))
    return {head: preposition for head, preposition in pairs}


def _listed(head: str) -> str:
    """The preposition the table lists for ``head`` (its last member decides), or ""."""
    table = _head_prepositions()
    return next((found for i in range(len(head) - 2) if (found := table.get(head[i:]))), "")


def _names_a_group(head: str) -> bool:
    """A head the table lists with "van" names a group: a panel or council is of many."""
    return _listed(head) == "van"


def _preposition(head: str) -> str:
    """The preposition of ``head``: onderzoek onder, contact met, and "van" for the rest."""
    return _listed(head) or "van"


def _finish(out: list[Choice], surface: str, *, acronym: bool, capital: bool) -> tuple[Choice, ...]:
    """Capitals like the original, no duplicates, nothing equal to the original."""
    seen: set[str] = set()
    result = []
    for c in out:
        text = c.text
        if acronym:
            text = text.lower() if text.isupper() else text
        elif capital and surface[:1].isupper():
            text = _case_like(text, surface)  # KLANTONDERZOEK: ONDERZOEK ONDER INWONERS
        if text.lower() != surface.lower() and text not in seen:
            seen.add(text)
            result.append(Choice(text, c.gender, c.plural, c.alternative))
    return tuple(result)


def _real_words(
    found: tuple[Choice, ...], surface: str, term: Term, named: set[str], coined: Coined = _coined
) -> tuple[Choice, ...]:
    """The choices without the compounds Dutch does not have (klantgegevens ->
    werkzoekendegegevens, rechtzoekendegegevens), after the first: a swap of one member
    makes such a word for every alternative, and a writer reading the list should find
    words, not coinages. The first choice stays whatever it is: it is the pack's own word
    for the setting, and the one ``fix`` would leave for a person when it is no word
    (``coined_word``); the pack's named compounds are its own choice and always stay."""
    return found[:1] + tuple(
        c
        for c in found[1:]
        if c.text.lower() in named
        or not coined(surface, c.text, term.compounds_freely(c.alternative))
    )


def _first_slot(forms: Mapping[str, str]) -> str:
    """The slot a named compound's replacement stands in: a plural-only one
    (klantcontacten: contacten met inwoners) is plural, so the fixer makes it agree."""
    return next((slot for slot in ("sg", "base", "pl") if slot in forms), "base")


FALLBACK_SLOTS = {"dim": "sg", "dim_pl": "pl", "er": "base"}


def _form(forms: Mapping[str, str], text: str, slot: str) -> str | None:
    """The alternative in ``slot``; None when it has forms but not this one."""
    if not slot or not forms:
        return text
    if slot == "gen" and "gen" not in forms and "sg" in forms:
        sg = forms["sg"]
        return (
            sg if sg.endswith(("s", "z", "x")) else sg + "s"
        )  # klants verzoek -> inwoners verzoek
    return forms.get(slot) or forms.get(FALLBACK_SLOTS.get(slot, "")) or None


COORDINATED_NOUN = re.compile(rf"{HYPHEN}(?:en|of){HYPHEN}([^\W\d_]+)")


def _coordinated_noun(rest: str) -> bool:
    """Whether ``rest`` ("-of-dienst") joins a plain word to the member before it, so that
    the member is a noun of its own, not the first member of a compound."""
    found = COORDINATED_NOUN.fullmatch(rest)
    return found is not None and is_word(found.group(1))


def _names_again(word: str, rest: str) -> bool:
    """Whether ``rest`` names ``word`` already: "-en-diensten" names "diensten"."""
    return re.search(rf"\b{re.escape(word.lower())}", rest.lower()) is not None


def _reduplicated(rest: str, member: str, new: str) -> str:
    """``rest`` with each hyphenated part that repeats the watched member replaced too, in
    that part's own capitals: "casus-voor-casus" is "situatie-voor-situatie", not
    "situatie-voor-casus", and "Casus-voor-casus" is "Situatie-voor-situatie"."""
    if member.lower() not in rest.lower():
        return rest
    parts = re.split(f"({HYPHEN})", rest)
    return "".join(_case_like(new, p) if p.lower() == member.lower() else p for p in parts)


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
    return surface[: left_end or 0], surface[
        right_start if right_start is not None else len(surface) :
    ]


def _named_case(new: str, surface: str) -> str:
    """A named compound's replacement stands for the whole word, so it takes the word's
    capital (Bijstandsklanten -> Bijstandsgerechtigden), but not an acronym's: WWB-klanten
    is in capitals wherever it stands (the scan gives a sentence start its capital)."""
    if OPENING_ACRONYM.match(surface) and not surface.isupper():
        return new
    return _case_like(new, surface)


def _case_like(new: str, old: str) -> str:
    """Give ``new`` the capitals of ``old``: KLANT -> INWONER, Klant -> Inwoner."""
    letters = [c for c in old if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and letters[0].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new
