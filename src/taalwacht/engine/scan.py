"""The scan pipeline: candidates, confirmation by morphology, decision by context.

1. candidates: one Aho-Corasick pass over the lower-cased text finds every watched form,
   wherever it sits (also inside bijstandsklanten);
2. confirm: the word around each candidate is split against the lexicon; only a real
   compound member counts (productie is not product);
3. context: use, mention, commerce or another sense, each with a readable reason.
The expensive steps run only around candidates, which are rare, and word analyses are
memoised, so the cost stays close to the single linear scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from taalwacht import messages
from taalwacht.dutch.agreement import DE, FINITE_VERBS, FUNCTION_WORDS, guess_gender, is_invariable
from taalwacht.dutch.compounds import Member, coined_word, find_members
from taalwacht.dutch.lexicon import is_word, lookup_for
from taalwacht.dutch.phrases import COORDINATED_AFTER, COORDINATED_BEFORE, scan_left
from taalwacht.dutch.tokens import (
    HYPHEN,
    HYPHENS,
    Token,
    lower_same_length,
    lower_utf8,
    next_word,
    word_at,
)
from taalwacht.dutch.verbs import particle_of
from taalwacht.engine import paragraphs, together
from taalwacht.engine.analysis import Analysis, Occurrence, Watch
from taalwacht.engine.context import calibration, frames, names, profiles, purchases
from taalwacht.engine.context import surface as marks
from taalwacht.engine.context.cues import CueIndex
from taalwacht.engine.context.features import features
from taalwacht.engine.context.sense import Decider, shipped
from taalwacht.engine.context.topic import ASKED, TopicModel
from taalwacht.engine.context.topic import purchase as purchase_model
from taalwacht.engine.context.topic import shipped as topic_model
from taalwacht.engine.context.verdict import Verdict, verdict
from taalwacht.engine.context.window import Window
from taalwacht.engine.matching import Matcher
from taalwacht.engine.regions import RegionIndex
from taalwacht.engine.suggest import (
    COLLIDING,
    CUE_WINDOW,
    ELIDED_MEMBER,
    NOWHERE,
    OPENING_ACRONYM,
    PLURAL_SLOTS,
    READER_POSSESSIVES,
    CueCounts,
    Place,
    choices,
    cue_counts,
    people,
)
from taalwacht.model.document import Region, RegionKind
from taalwacht.model.finding import Choice, Decision, Finding, Severity
from taalwacht.packs.schema import Pack, Term

ELISION = re.compile(rf"{HYPHEN}(?:\s*/\s*|\s+(?:en/of|en|of)\s+|,\s*)")
# words that complete no compound after "klant- of": a dash stood there, not an elided member
NO_MEMBER = (
    FUNCTION_WORDS
    | FINITE_VERBS
    | frozenset(
        "namens volgens tijdens binnen buiten tussen sinds vanaf de het een haar mijn uw "
        "onze".split()
    )
)
OPEN_COMPOUND_STOP = frozenset(
    "voor naar door over onder tegen zijn heeft hebben wordt worden".split()
)

ADJECTIVE_SLOTS = frozenset({"base", "e", "er"})  # the forms that describe, not name


class Engine:
    """Checks texts against compiled term packs. Build once, scan many texts."""

    def __init__(
        self,
        packs: Sequence[Pack],
        *,
        allow: Sequence[str] = (),
        severity: Mapping[str, Severity] | None = None,
        prefer: Mapping[str, str] | None = None,
        sense: Decider | None = None,
        topic: TopicModel | Literal["shipped"] | None = "shipped",
        purchase: TopicModel | Literal["shipped"] | None = "shipped",
    ) -> None:
        self.sense = sense or shipped()
        # what a paragraph without public-service or care words is about (None: not asked);
        # the shipped model is read when a paragraph is first asked about (_read_topic)
        self._topic = topic
        # whether a purchase the rules could not place buys care (None: the rules' default)
        self._purchase = purchase
        self.packs = tuple(packs)
        self.prefer = dict(prefer or {})  # term id -> alternative that goes first
        self.terms = tuple(t for p in self.packs for t in p.terms)
        self.allow = tuple(a.lower() for a in allow)
        self.severity = dict(severity or {})
        self.watches: dict[str, list[Watch]] = {}
        for term in self.terms:
            for surface, slot in term.surfaces().items():
                self._add(surface, Watch(term, slot))
            for surface in term.linking:
                self._add(surface.lower(), Watch(term, "", "linking"))
            for surface in term.acronyms:
                self._add(surface.lower(), Watch(term, "sg", "acronym"))
                # its plural, KCMs or KCC's (which joins to kccs)
                self._add(surface.lower() + "s", Watch(term, "pl", "acronym"))
            for slot, surface in term.separated.items():
                self._add(surface.lower(), Watch(term, slot, "separated"))
        # every surface form, with whether it counts only as a whole word (koopt, KCC)
        forms = {
            surface: (surface, all(w.kind in ("acronym", "separated") for w in watches))
            for surface, watches in self.watches.items()
        }
        forms.update((surface, (surface, False)) for surface in _split_variants(self.watches))
        self.forms = Matcher(forms)
        self._memo: dict[str, Analysis | None] = {}
        self._choices: dict[tuple[object, ...], tuple[Choice, ...]] = {}
        self._coined: dict[tuple[str, str, bool], str] = {}
        self._near_phrases: dict[tuple[str, str, str], _Phrases | None] = {}
        self._phrases = {term.id: _Phrases.of(term, self.allow, self.terms) for term in self.terms}

    def _add(self, surface: str, watch: Watch) -> None:
        self.watches.setdefault(surface, []).append(watch)

    def analyse(self, word: str) -> Analysis | None:
        """The watched member of one word (bijstandsklanten -> klant), or None (productie).

        Hyphenated words are split at their hyphens as in running text: Wmo-klanten.
        """
        token = word_at(word, 0, 1) if word else None
        if token is None or (token.start, token.end) != (0, len(word)):
            return None
        lower = lower_same_length(word)
        return self._analyse(token.joined(lower), token.part_texts(lower))

    @property
    def stems(self) -> list[str]:
        """Every surface form the first pass looks for (used by the speed benchmark)."""
        return sorted(self.watches)

    # ----------------------------------------------------------------- scanning

    def scan(self, text: str, regions: Sequence[Region] = ()) -> list[Finding]:
        """Every occurrence of a watched word in ``text``, reported or not, sorted by start.

        ``regions`` (from the document's format) say what is code, emphasis, a quotation,
        switched off, or no prose at all (``skip``: nothing there is an occurrence).
        """
        if not self.watches or not text:
            return []
        lower, raw = lower_utf8(text)
        marked = RegionIndex(regions)
        occurrences: list[Occurrence] = []
        done_until = -1
        for occ in self._occurrences(text, lower, raw):
            if occ.start < done_until or marked.inside("skip", occ.start):
                continue
            done_until = occ.end
            occurrences.append(occ)
        if not occurrences:  # as in most texts: nothing to decide, nor to weigh together
            return []
        # the text the decisions read: without the words an earlier fix wrote
        read = _unwritten(text, regions, occurrences)
        read_lower = lower if read is text else lower_same_length(read)
        index = CueIndex(read, read_lower)
        starts = [o.start for o in occurrences]
        decided: list[Verdict] = []
        for occ in occurrences:
            found = self._verdict(read, index, occ, marked, starts)
            if not found.weak:
                index.remember(occ.start, occ.analysis.watch.term.id, found.decision)
            decided.append(found)
        if self._purchase is not None:
            paragraphs.purchases_by_paragraph(index, occurrences, decided, self._read_purchase)
        together.about_the_words(starts, decided)
        together.the_same_name(read, occurrences, decided)
        together.same_sense_later(read, index, occurrences, decided)
        together.one_sense_per_word(occurrences, decided)
        together.one_sense_per_text(occurrences, decided)
        if self._topic is not None:
            paragraphs.business_paragraphs(index, occurrences, decided, self._read_topic)
        together.defined_terms(read, occurrences, decided)  # last: a defined term keeps one sense
        sure = [_confidence(index, o, v) for o, v in zip(occurrences, decided, strict=True)]
        sure = _as_sure_as_its_word(occurrences, decided, sure)
        findings = [
            self._finding(text, read_lower, o, v, marked, c)
            for o, v, c in zip(occurrences, decided, sure, strict=True)
        ]
        return _one_replacement_per_word(text, occurrences, findings)

    def _occurrences(self, text: str, lower: str, raw: bytes) -> Iterator[Occurrence]:
        for token in self._candidates(text, lower, raw):
            occ = self._occurrence(text, lower, token)
            if occ is not None:
                yield occ

    def _candidates(self, text: str, lower: str, raw: bytes) -> list[Token]:
        """Words that hold a watched form: one Aho-Corasick pass over the lower case's bytes
        ``raw``, plus words whose hyphen or line break splits a form (vraag-gericht,
        pro-\nducten)."""
        tokens: dict[int, Token] = {}
        last: tuple[int, int] = (-1, -1)
        n = len(lower)
        for end_index, (surface, whole_word_only) in self.forms.hits_in_utf8(raw):
            start = end_index - len(surface) + 1
            if last[0] <= start < last[1]:
                continue
            if whole_word_only and (
                (start and lower[start - 1].isalnum())
                or (end_index + 1 < n and lower[end_index + 1].isalnum())
            ):
                continue  # "koopt" and "KCC" count only as whole words: not in "verkoopt"
            token = word_at(text, start, end_index + 1)
            if token is not None:
                last = (token.start, token.end)
                tokens.setdefault(token.start, token)
        return [tokens[k] for k in sorted(tokens)]

    def _occurrence(self, text: str, lower: str, token: Token) -> Occurrence | None:
        parts = token.part_texts(lower)
        if len(parts) > 2 and parts[1] in CONJUNCTIONS:
            coordinated = self._coordinated_word(token, parts)
            if coordinated is not None:  # else the watched word is another part
                return coordinated
        joined = "".join(parts)
        analysis = self._analyse(joined, parts)
        if analysis is None:
            return None
        kind = analysis.watch.kind
        start, end = token.start, token.end
        if kind == "separated":
            particle = particle_of(text, lower, token, analysis.watch.term.particle or "")
            if particle is None:
                return None
            return Occurrence(start, end, analysis, (particle,))
        elided = self._elided(text, lower, token, joined)
        if elided is not None:
            return elided
        if analysis.member.start == 0 and analysis.member.end == len(joined):
            return self._open_compound(text, lower, token, analysis) or Occurrence(
                start, end, analysis
            )
        return Occurrence(start, end, analysis)

    def _analyse(self, joined: str, parts: list[str]) -> Analysis | None:
        """The watched member of a word, or None; memoised per distinct word."""
        key = joined if len(parts) == 1 else "-".join(parts)
        if key in self._memo:
            return self._memo[key]
        result = self._analyse_word(joined)
        if result is None and len(parts) > 1:
            for part in parts:
                result = self._analyse_word(part)
                if result is not None:
                    result = Analysis(
                        result.watch, joined, _shift(result.member, joined, parts, part)
                    )
                    break
        if len(self._memo) < 200_000:
            self._memo[key] = result
        return result

    def _analyse_word(self, word: str) -> Analysis | None:
        exact = self.watches.get(word)
        if exact:
            watch = _best(exact)
            if watch is not None:
                return Analysis(watch, word, Member(0, len(word), word, watch))
        hits = []
        raw = word.encode("utf-8", "surrogatepass")  # the forms are read as bytes only
        for end_index, (surface, _whole) in self.forms.hits_in_utf8(raw):
            for watch in self.watches.get(surface, ()):
                if watch.kind in ("acronym", "separated"):
                    continue
                hits.append((end_index - len(surface) + 1, end_index + 1, surface, watch))
        if not hits:
            return None
        member = find_members(word, hits, allows=_allows, lookup=lookup_for(word))
        if member is None:
            return None
        assert isinstance(member.key, Watch)
        return Analysis(member.key, word, member)

    def _coordinated_word(self, token: Token, parts: list[str]) -> Occurrence | None:
        """An elided coordination written as one word ("producten-en-dienstencatalogus",
        "klant-of-burgergericht"), read as "producten- en dienstencatalogus" is: its "en" is
        no linking morpheme (not product+en+dienstencatalogus). None when the first part is
        no watched word."""
        analysis = self._coordinated(parts[0], parts[2])
        if analysis is None:
            return None
        if analysis.compound_key:  # the whole word, as far as the completing part
            return Occurrence(token.start, token.parts[2][1], analysis)
        return Occurrence(token.start, token.parts[0][1] + 1, analysis)  # "klant-" alone

    def _coordinated(self, first: str, second: str) -> Analysis | None:
        """The watched word ``first`` with the head it shares with ``second``, the other word
        of a coordination: "producten" of "producten- en dienstencatalogus" completes to
        productencatalogus (the pack's compound); else ``first`` as it stands."""
        analysis = self._analyse_word(first)
        if analysis is None:
            return None
        for k in range(len(second) - HEAD_LEAST, 2, -1):
            other, head = second[:k], second[k:]  # diensten|catalogus, eigendoms|verhouding
            linked = other.endswith("s") and is_word(other[:-1])
            if (is_word(other) or linked) and is_word(head):
                completion = first + head
                completed = self._analyse_word(completion)
                if completed is not None and completed.member.start == 0:
                    return Analysis(completed.watch, completion, completed.member, completion)
        return analysis

    def _open_compound(
        self, text: str, lower: str, token: Token, analysis: Analysis
    ) -> Occurrence | None:
        """'klant contact centrum', 'klant managers': one word written apart.

        Dutch also puts a watched word before an ordinary one ("wij geven de klant
        informatie"), so the first join must make a more specific term (klantmanager,
        klantcontact) or be written as a title (Klant Contact Centrum); after that a join
        only has to stay a real word.
        """
        joined, end, best = analysis.joined, token.end, None
        written_apart = False  # a join in lower case, not a title (Klant Contact Centrum)
        for _ in range(2):
            nxt = next_word(text, end)
            if nxt is None:
                break
            part = nxt.joined(lower)
            if len(part) < 4 or part in OPEN_COMPOUND_STOP:
                break
            joined += part
            title_case = all(
                text[i].isupper() and text[i + 1 : i + 2].islower()
                for i in (token.start, nxt.start)
            )
            extends = best is not None and title_case and is_word(part)
            if not (joined in self.watches or is_word(joined) or extends):
                break
            candidate = self._analyse_word(joined)
            if candidate is None:
                break
            if best is None and not title_case and candidate.watch.term is analysis.watch.term:
                break
            end = nxt.end
            best = Occurrence(token.start, end, candidate)
            written_apart = written_apart or not title_case
        if best is not None and written_apart and _de_before_het_word(text, token.start, best):
            return None  # "dat de klant contact opnam": the customer makes contact
        return best

    def _elided(self, text: str, lower: str, token: Token, joined: str) -> Occurrence | None:
        """'producten- en dienstencatalogus', 'klant-/inwonergericht': a member left out."""
        m = ELISION.match(text, token.end)
        if m is None:
            return None
        nxt = (
            word_at(text, m.end(), m.end() + 1)
            if m.end() < len(text) and text[m.end()].isalnum()
            else None
        )
        if nxt is None:
            return None
        second = nxt.joined(lower)
        if second in NO_MEMBER:  # "De Klant- of namens hem de Jobcoach": a dash, no compound
            return None
        own = self._analyse(second, nxt.part_texts(lower))
        analysis = self._coordinated(joined, second)
        if analysis is None:
            return None
        # The occurrence runs to the completing word ("producten- en dienstencatalogus"),
        # unless that word has a watched member of its own or completes nothing ("klant- en
        # het ..."); a suggestion rewrites only the first member and keeps every other
        # ("voorzieningen- en dienstencatalogus").
        completes = bool(analysis.compound_key)
        end = nxt.end if completes and own is None else token.end + 1
        return Occurrence(token.start, end, analysis)

    # ----------------------------------------------------------------- deciding

    def _finding(
        self,
        text: str,
        lower: str,
        occ: Occurrence,
        decided: Verdict,
        marked: RegionIndex,
        confidence: float | None,
    ) -> Finding:
        term = occ.analysis.watch.term
        # "de klant(en)": the writer's plural ending in brackets belongs to the word
        both = _both_numbers(text, occ)
        word, end = text[occ.start : occ.end], occ.end + len(both)
        surface = text[occ.start : end]
        setting: CueCounts = ()
        if decided.decision.reported and any(a.cues for a in term.alternatives):
            around = lower[max(0, occ.start - CUE_WINDOW) : occ.end + CUE_WINDOW]
            if occ.analysis.left:  # the word's own first member tells its setting too
                # (burgerzakenproducten, voedselbankklanten), and a cue written "=ocmw*"
                # matches only there (OCMW-klanten: OCMW-cliënten)
                around += " =" + occ.analysis.left
            setting = cue_counts(term.alternatives, around)
        # only a reported word gets suggestions, and only they ask for the word's place
        options: tuple[Choice, ...] = ()
        place = NOWHERE
        if decided.decision.reported:
            place = _around_the_word(text, occ)
            options = self._options(_in_place(text, occ), word, setting, place)
        acronym = occ.analysis.watch.kind == "acronym" or bool(OPENING_ACRONYM.match(word))
        if options and acronym and _opens_sentence(text, occ.start, marked):
            # an acronym is in capitals wherever it stands; its replacement takes one only
            # where a sentence starts: "KCC is open" -> "Contactcentrum is open", "WWB-klanten
            # melden zich" -> "Bijstandsgerechtigden melden zich"
            options = tuple(replace(c, text=c.text[:1].upper() + c.text[1:]) for c in options)
        if both and options:
            # the replacement takes its own ending ("de inwoner(s)", "de consulent(en)", not
            # the non-word "inwoner(en)"); one whose plural adds no ending to its singular
            # cannot be written so and is left out
            options = self._both_options(occ.analysis, word + both[1:-1], setting, place, options)
        surface, options = _member_alone(surface, options)
        end = occ.start + len(surface)
        if decided.decision is Decision.FIXED:
            severity: Severity = "info"
            message = messages.text("finding.fixed", text=surface)
        else:
            severity = self.severity.get(term.id, term.severity)
            message = term.message.format(text=surface, lemma=term.lemma)
        right = occ.analysis.right  # "klantenmet": a space left out, the word still governs
        governs = (not right or right in FUNCTION_WORDS) and occ.analysis.watch.kind != "linking"
        gender = term.gender if governs else None
        named = term.compounds.get(occ.analysis.joined) if acronym else None
        if governs and named and named[0].gender:
            # an acronym stands for its compound: "de KCM" is the klantcontactmedewerker (de),
            # not het klantcontact; the pack's replacement shares the compound's head
            gender = named[0].gender
        return Finding(
            start=occ.start,
            end=end,
            text=surface,
            term=term.id,
            severity=severity,
            message=message,
            reason=term.reason,
            suggestions=tuple(c.text for c in options),
            decision=decided.decision,
            why=decided.why,
            rule=decided.rule,
            related=occ.related,
            pack=term.pack,
            slot=occ.analysis.watch.slot,
            gender=gender,
            governs=governs,
            choices=options,
            confidence=confidence,
        )

    def _both_options(
        self,
        a: Analysis,
        word: str,
        setting: CueCounts,
        place: Place,
        singular: tuple[Choice, ...],
    ) -> tuple[Choice, ...]:
        """The choices for a word with its plural ending in brackets ("klant(en)"): each
        singular choice with the ending its own plural has ("inwoner(s)"), found from the
        choices for ``word``, the plural the writer's ending makes ("klanten")."""
        plural = self.analyse(word)
        if plural is None or plural.watch.term is not a.watch.term:
            return ()
        if (plural.member.start, plural.left) != (a.member.start, a.left):
            return ()
        options = self._options(plural, word, setting, place)
        out = []
        for one in singular:
            many = next((c.text for c in options if c.alternative == one.alternative), "")
            both = _bracketed(one.text, many)
            if both:
                out.append(replace(one, text=both))
        return tuple(out)

    def _near(self, text: str, lower: str, start: int, end: int, term: str) -> _Phrases | None:
        """The phrases of ``term``'s lists that can stand over the word at ``[start, end)``
        (see ``_Phrases.near``), or None when no list has one, as for most words. They are
        found once per word, since a text repeats its words and most phrases hold neither."""
        key = (term, text[start:end], lower[start:end])
        if key in self._near_phrases:
            return self._near_phrases[key]
        near = self._phrases[term].near(key[1], key[2])
        if len(self._near_phrases) < 100_000:
            self._near_phrases[key] = near
        return near

    def _options(
        self,
        analysis: Analysis,
        surface: str,
        setting: CueCounts,
        place: Place,
    ) -> tuple[Choice, ...]:
        """The suggestions for a word, memoised: a text repeats its words and settings."""
        term = analysis.watch.term
        prefer = self.prefer.get(term.id, "")
        member = analysis.member
        key: tuple[object, ...] = (id(term), analysis.watch.slot, analysis.watch.kind)
        key += (analysis.joined, member.start, member.end, analysis.compound_key, surface)
        key += (*place, *setting)
        found = self._choices.get(key)
        if found is None:
            found = choices(
                analysis, surface, prefer, setting, place=place, coined=self._coined_word
            )
            if len(self._choices) < 100_000:
                self._choices[key] = found
        return found

    def _coined_word(self, old: str, new: str, free: bool) -> str:
        """``coined_word``, memoised: a word's choices are made anew for each setting of
        cues around it, and each time ask about the same replacements."""
        key = (old, new, free)
        found = self._coined.get(key)
        if found is None:
            found = coined_word(old, new, free=free)
            if len(self._coined) < 100_000:
                self._coined[key] = found
        return found

    def _read_topic(self) -> TopicModel:
        """The topic model, read from its data file the first time a paragraph is asked
        about: its weights take some 30 ms to read, a tenth of a short letter's check."""
        if not isinstance(self._topic, TopicModel):  # "shipped": None never asks
            self._topic = topic_model()
        return self._topic

    def _read_purchase(self) -> TopicModel:
        """The purchase model, read from its data file the first time it is asked."""
        if not isinstance(self._purchase, TopicModel):  # "shipped": None never asks
            self._purchase = purchase_model()
        return self._purchase

    def _verdict(
        self,
        text: str,
        index: CueIndex,
        occ: Occurrence,
        marked: RegionIndex,
        starts: Sequence[int],
    ) -> Verdict:
        start, end, lower = occ.start, occ.end, index.lower
        term = occ.analysis.watch.term
        if marked.inside("suppress", start):
            return verdict("suppressed.comment")
        near = self._near(text, lower, start, end, term.id)
        if near is not None:
            phrase = _phrase_at(lower, start, end, near.allow)
            if phrase:
                return verdict("allowed.phrase", phrase=phrase)
            phrase = _phrase_at(lower, start, end, near.other)
            if phrase:
                return verdict("other.phrase", phrase=phrase)
            phrase = _phrase_at(text, start, end, near.names)
            if phrase:
                return verdict("other.name", phrase=phrase)
        # A field («klant.naam», «klantnummer») is the template's own word: its chevrons are
        # no quotation marks and its dotted name no code.
        field = marked.inside("template", start) is not None
        found = None if field else marks.in_url_or_code(text, start, end)
        a = occ.analysis
        left, right = a.left, a.right
        if found is None and not field:
            found = marks.camel_case(text[start:end], a.member.start)
        found = found or _marked_code(marked, start) or marks.company_name(text, start, end)
        found = found or marks.placeholder(text, start, end)
        if found is None and not left and not right and a.watch.slot == "sg":
            found = marks.person_name(text, start, end)
        if not field:
            found = found or marks.quoted(text, start, end)
        found = found or _marked_mention(text, marked, start, end)
        if found is not None:
            return found
        window = Window.around(text, index, start, end)
        # a name the writer cannot change (Klantinteracties API), or a fixed term (DBC-
        # zorgproduct, productcode) whose sense its passage still decides
        name = fixed = ""
        if near is not None:
            name = _phrase_at(text, start, end, near.fixed_names)
            fixed = name or _phrase_at(lower, start, end, near.fixed)
        if fixed:
            tariff = profiles.tariff_cue(window)  # DBC-zorgproduct in the tariff law
            if tariff:
                return verdict("other.tariff", cue=tariff)
        elif profiles.same_sense(
            term.context, window, left=left, right=right, curated=a.curated, term=term.id
        ):
            return verdict("commercial.same-sense")
        lo, hi = bisect_left(starts, window.sent[0]), bisect_left(starts, window.sent[1])
        # "de openingstijden zijn niet klantvriendelijk" judges the service: only a noun can
        # be denied as a name ("de inwoner is geen klant")
        describes = (
            a.watch.term.pos == "adjective" and a.watch.slot in ADJECTIVE_SLOTS and not right
        )
        found = frames.metalinguistic(
            window,
            text,
            deny=not describes,
            role=term.pos == "noun",
            person=term.context == "person",
        )
        found = found or frames.concept(right)
        found = found or frames.word_list(window, hi - lo)
        if not left and not right:
            found = found or frames.questioned(window)
        if found is not None:
            return found
        if name:
            return verdict("fixed.name", phrase=name)
        decided = profiles.judge_profile(
            term.context,
            window,
            word=a.compound_key or a.joined,
            left=left,
            right=right,
            curated=a.curated,
            noun=term.pos == "noun",
            particle=occ.related[0].start if a.watch.kind == "separated" and occ.related else None,
            final=_verb_final(a, occ),
            singular=a.watch.slot == "sg",
            acronym=a.watch.kind == "acronym",
        )
        if fixed:
            # a fixed term is reported for information where the passage reads public; a
            # shop's productcategorie and an invoicing tool's productcodes keep the passage's
            # sense (labelled commercial 11 times where the term was reported)
            return (
                verdict("fixed.name", phrase=fixed) if decided.decision is Decision.USE else decided
            )
        weighable = (decided.decision is Decision.USE or decided.weak) and (
            decided.rule != purchases.UNDECIDED_PURCHASE  # the purchase model decides it
        )
        if term.context != "always" and weighable:  # a rule's specific evidence stands as is
            seen = features(
                window,
                left=left,
                right=right,
                neighbours=hi - lo - 1,
                rules=decided,
                vocabulary=self.sense.vocabulary,
            )
            decided = self.sense.decide(seen, decided)
        if decided.decision is Decision.USE:  # a name the organisation must rename itself
            return names.named(text, start, end, staff=term.context == "staff") or decided
        return decided


def _member_alone(surface: str, options: tuple[Choice, ...]) -> tuple[str, tuple[Choice, ...]]:
    """An elided member and its replacements without the words that complete it, where every
    replacement keeps those words: "klant- en objectgegevens" is reported as "klant-" with
    "inwoner-", the word the writer chose and the one to put in its place (labellers give
    the member so: 41 of 42 such flags). Where a replacement rewrites the whole
    ("product- en dienstencatalogus" -> "dienstencatalogus") the whole stays the finding."""
    elision = ELIDED_MEMBER.match(surface) if options else None
    if elision is None:
        return surface, options
    cut = elision.end(1) + 1  # the member and its hyphen
    kept = surface[cut:]
    if not kept or not (kept[0].isspace() or kept[0] in "/,"):
        return surface, options  # one word written with hyphens: klant-en-contactgegevens
    if not all(len(c.text) > len(kept) and c.text.endswith(kept) for c in options):
        return surface, options
    return surface[:cut], tuple(replace(c, text=c.text[: -len(kept)]) for c in options)


READER_NEAR = re.compile(r"\b(?:uw|je|jouw)\b[^.!?\n]{0,40}$", re.IGNORECASE)


# a plural ending in brackets right after a singular noun: "de klant(en)", "product(en)"
PLURAL_IN_BRACKETS = re.compile(r"\((?:en|s|'s|n|ën)\)")


def _both_numbers(text: str, occ: Occurrence) -> str:
    """The bracketed plural ending right after a singular watched noun ("(en)" of
    "klant(en)"), or ""."""
    if occ.analysis.watch.slot != "sg" or occ.analysis.watch.kind != "form":
        return ""
    found = PLURAL_IN_BRACKETS.match(text, occ.end)
    return found.group() if found else ""


PLURAL_ENDING = re.compile(r"[^\W\d_]+|'s")


def _bracketed(one: str, many: str) -> str:
    """The singular ``one`` with the ending its plural ``many`` adds to one of its words in
    brackets ("inwoner(s)", "medewerker(s) van het contactcentrum"), or "" where the plural
    is not so made ("contactpersonen voor werkgevers")."""
    if not one or len(many) <= len(one):
        return ""
    at = 0  # the plural's ending goes in where it parts from the singular
    while at < len(one) and one[at] == many[at]:
        at += 1
    after = one[at:]
    added = many[at : len(many) - len(after)]
    if not many.endswith(after) or after[:1] not in ("", " "):
        return ""
    return f"{one[:at]}({added}){after}" if PLURAL_ENDING.fullmatch(added) else ""


def _around_the_word(text: str, occ: Occurrence) -> Place:
    """What the choice of a replacement must fit (``Place``): whether the people whose
    thing the word names are named already, by "uw", "je" or "jouw" opening its noun phrase
    (uw nieuwe klantnummer) or by "van" and people after it (klanttevredenheid van de
    gebruikers), the preposition after it, if any, the rest of a hyphenated word after a
    member that ends in its hyphen ("-of-dienst" after "product-"), and the word it is
    coordinated with ("diensten" in "producten en diensten")."""
    owned = False
    if READER_NEAR.search(text, max(0, occ.start - 48), occ.start):  # the phrase only then
        determiner = scan_left(text, occ.start).determiner
        owned = determiner is not None and determiner[0].low in READER_POSSESSIVES
    beside = _coordinated_with(text, occ)
    if text[occ.end - 1 : occ.end] in HYPHENS and text[occ.end : occ.end + 1].isalpha():
        return Place(
            owned, "", "-" + text[occ.end : occ.end + 80].split(None, 1)[0].lower(), beside
        )
    after = next_word(text, occ.end)
    then = text[after.start : after.end].lower() if after else ""
    if after is not None and then == "van" and not owned:
        owned = _people_next(text, after.end)
    return Place(owned, then if then in COLLIDING else "", "", beside)


PHRASE_WORD = re.compile(r"\s*([^\W\d_][\w-]*)([^\w\s-]?)")  # a word, and punctuation after it


def _people_next(text: str, at: int) -> bool:
    """Whether the noun phrase at ``at`` names people: its noun, within its first three
    words, before any punctuation ("de individuele gebruikers", "een jong gezin", "de
    Wmo-cliënt"), is a noun for people (``suggest.people``)."""
    nouns = people()
    for _ in range(3):
        found = PHRASE_WORD.match(text, at)
        if found is None:
            return False
        word = found.group(1).lower()
        if word in nouns or re.split(HYPHEN, word)[-1] in nouns:
            return True
        if found.group(2):
            return False  # the phrase ends here
        at = found.end()
    return False


def _coordinated_with(text: str, occ: Occurrence) -> str:
    """The words ``occ`` is coordinated with, lower case and apart, or "": "diensten" in
    "producten en diensten" and in "diensten of producten", "diensten regelingen" in
    "diensten, producten en regelingen"."""
    before = COORDINATED_BEFORE.search(text, max(0, occ.start - 40), occ.start)
    after = COORDINATED_AFTER.match(text, occ.end)
    return " ".join(found.group("other").lower() for found in (before, after) if found)


def _in_place(text: str, occ: Occurrence) -> Analysis:
    """The word's analysis with the form its place asks for, where the writer's form cannot
    show it: an adjective written the same with and without -e (klantgedreven) before a
    noun that wants -e gets the replacement's -e form (klantgedreven dienstverlening ->
    inwonergerichte dienstverlening, het klantgedreven werken -> het inwonergerichte
    werken); elsewhere (wij werken klantgedreven) the plain one."""
    a = occ.analysis
    term = a.watch.term
    if term.pos != "adjective" or a.watch.slot != "base" or "e" not in term.forms:
        return a
    if not is_invariable(text[occ.start : occ.end].lower()):
        return a
    after = next_word(text, occ.end)
    noun = text[after.start : after.end].lower() if after else ""
    if not noun or noun in FUNCTION_WORDS or noun in FINITE_VERBS:
        return a
    found = scan_left(text, occ.start).determiner
    definite = found is not None and found[1].definite
    if definite or guess_gender(noun) == DE:
        return replace(a, watch=replace(a.watch, slot="e"))
    return a


def _opens_sentence(text: str, start: int, marked: RegionIndex) -> bool:
    """Whether a sentence, line or text starts at ``start`` (after a full stop, a question
    or exclamation mark, or a line break).

    A field read in the middle of a sentence (the title of an ``<abbr>``, an image's alt
    text) stands on lines of its own in the text, but the sentence runs on around it:
    "Bel het <abbr title=...>KCC</abbr> van de gemeente" starts no sentence at KCC.
    """
    end = start
    field = _field_before(text, end, marked)
    while field is not None:
        end = field.start
        field = _field_before(text, end, marked)
    before = text[max(0, end - 80) : end]
    if end < start:  # the lines the field stood on say nothing of the sentence
        before = before.rstrip()
    before = before.rstrip(" \t")
    return not before or before.endswith(("\n", ".", "!", "?"))


def _field_before(text: str, position: int, marked: RegionIndex) -> Region | None:
    """The field that ends right before ``position``, but for white space; None."""
    reach = max(0, position - 200)
    end = reach + len(text[reach:position].rstrip())
    field = marked.inside("field", end - 1) if end else None
    return field if field is not None and field.end == end else None


def _marked_code(marked: RegionIndex, start: int) -> Verdict | None:
    """A word in code the format marked (`...`, <code>, a code block) is shown, not used."""
    region = marked.inside("code", start)
    return verdict("mention.code", note=region.note or "code") if region else None


def _marked_mention(text: str, marked: RegionIndex, start: int, end: int) -> Verdict | None:
    """A word that fills italics or a quotation element on its own is the word itself."""
    kinds: tuple[tuple[RegionKind, str], ...] = (
        ("emphasis", "mention.emphasis"),
        ("quote", "mention.quote-element"),
    )
    for kind, rule in kinds:
        region = marked.inside(kind, start)
        alone = region is not None and not text[region.start : start].strip()
        if region is not None and alone and not text[end : region.end].strip():
            return verdict(rule, note=region.note or kind)
    return None


@dataclass(frozen=True)
class _Phrases:
    """A term's phrase lists, prepared once: lower case, except names with capitals."""

    allow: tuple[str, ...]
    other: tuple[str, ...]
    names: tuple[str, ...]
    fixed_names: tuple[str, ...]
    fixed: tuple[str, ...]

    @classmethod
    def of(cls, term: Term, allow: tuple[str, ...], terms: Sequence[Term]) -> _Phrases:
        """``term``'s lists; a name with capitals any term gives holds this term's words
        too: the Beroepsvereniging voor Klantmanagers, named with *klant*, is a name where
        *klantmanager* stands in it."""
        others = [t for t in terms if t is not term]
        return cls(
            allow=allow + tuple(a.lower() for a in term.allow),
            other=tuple(o.lower() for o in term.other),
            names=term.names + tuple(n for t in others for n in t.names),
            fixed_names=tuple(f for t in (term, *others) for f in t.fixed if not f.islower()),
            fixed=tuple(f for f in term.fixed if f.islower()),
        )

    def near(self, word: str, lower: str) -> _Phrases | None:
        """The phrases that can stand over ``word`` (``lower`` in lower case), or None when
        no list has one. Only a phrase that holds the word, is a hyphen part of it, or ends
        in its first hyphen part (the name "Open Klant" in "Open Klant-installatie") can:
        names with capitals are compared with the word as written, the rest in lower case."""

        def over(phrases: tuple[str, ...], word: str) -> tuple[str, ...]:
            first = word.partition("-")[0]
            return tuple(
                p
                for p in phrases
                if word in p or p in word or (first != word and p.endswith(first))
            )

        near = (
            over(self.allow, lower),
            over(self.other, lower),
            over(self.names, word),
            over(self.fixed_names, word),
            over(self.fixed, lower),
        )  # in the order of the fields
        return _Phrases(*near) if any(near) else None


# decisions the writer or the organisation made, not the engine: nothing to be sure of
WRITERS_CHOICE = (Decision.ALLOWED, Decision.SUPPRESSED)


# more than this share of a text's uses of a word must lead with one replacement before all
# of them do (3 of 4, not 2 of 3)
CLEAR_MAJORITY = 2 / 3


def _one_replacement_per_word(
    text: str, occurrences: Sequence[Occurrence], found: list[Finding]
) -> list[Finding]:
    """The findings with one replacement leading for each word of a text, where most of its
    uses have it first already: a regulation that calls its jobcoach's client "de Klant"
    throughout gets "uitkeringsgerechtigde" throughout, not "cliënt" where a paragraph names
    UWV. Only the plain word (klant, klanten; no compound), reported, counts; at least
    three uses, more than CLEAR_MAJORITY of them agreeing, so that a text about two groups
    of people (a library's and the social service's) keeps a word for each. A word
    coordinated with another keeps its own order: "klanten en inwoners" must not become
    "inwoners en inwoners"."""
    uses: dict[str, list[int]] = {}
    for i, f in enumerate(found):
        if f.choices:  # only a reported word has them
            a = occurrences[i].analysis
            if not (a.left or a.right or a.compound_key):
                uses.setdefault(f.term, []).append(i)
    for at in uses.values():
        if len(at) < 3:
            continue  # as for most words
        lead, n = Counter(found[i].choices[0].alternative for i in at).most_common(1)[0]
        if n == len(at) or n <= CLEAR_MAJORITY * len(at):
            continue
        for i in at:
            f = found[i]
            if f.choices[0].alternative == lead or _coordinated_with(text, occurrences[i]):
                continue
            ordered = sorted(f.choices, key=lambda c: c.alternative != lead)
            if ordered[0].alternative == lead:
                found[i] = replace(
                    f, choices=tuple(ordered), suggestions=tuple(c.text for c in ordered)
                )
    return found


def _confidence(index: CueIndex, occ: Occurrence, decided: Verdict) -> float | None:
    """How sure ``decided`` is: a learned decision's own probability; for a rule, how often
    decisions on its ground were right on labelled text (``context/calibration.py``), where
    a use of a word for customers, products or staff is grounded also in what its passage
    says of whose the word is."""
    if decided.confidence is not None:
        return decided.confidence
    if decided.decision in WRITERS_CHOICE:
        return None
    said = ""
    if decided.decision is Decision.USE and occ.analysis.watch.term.context in ASKED:
        said = paragraphs.evidence(index, occ.analysis, occ.start, occ.end)
    return calibration.shipped().of(decided.rule, said)


def _as_sure_as_its_word(
    occurrences: Sequence[Occurrence], decided: Sequence[Verdict], sure: list[float | None]
) -> list[float | None]:
    """Each use of a word as sure as the surest use of that word in the text: one sense per
    text (``together.one_sense_per_word``) holds for how sure the sense is too. A letter
    headed by the municipality whose "Klantnummer" is plainly the resident's is as sure of
    "Vermeld altijd uw klantnummer" in its closing lines, where nothing says whose number it
    is; `fix` treats the two alike. Only raises, and only uses of the word for the public
    service: a sure commercial or other sense elsewhere changes nothing here."""
    surest: dict[tuple[str, str], float] = {}
    keys = [(o.analysis.watch.term.id, o.analysis.joined) for o in occurrences]
    for key, found, c in zip(keys, decided, sure, strict=True):
        if found.decision is Decision.USE and c is not None:
            surest[key] = max(c, surest.get(key, c))
    return [
        surest[key] if found.decision is Decision.USE and c is not None else c
        for key, found, c in zip(keys, decided, sure, strict=True)
    ]


def _unwritten(text: str, regions: Sequence[Region], occurrences: Sequence[Occurrence]) -> str:
    """``text`` with the letters of its ``written`` regions (what an earlier fix wrote) made
    x, so that no cue, model or rule reads them as the writer's evidence; ``text`` itself when
    there are none. Length, capitals and punctuation stay, and so do sentences and offsets;
    a watched word there keeps its letters."""
    spans = [(r.start, r.end) for r in regions if r.kind == "written"]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(end, len(chars))):
            if chars[i].isalpha():
                chars[i] = "X" if chars[i].isupper() else "x"
    for occ in occurrences:
        chars[occ.start : occ.end] = text[occ.start : occ.end]
    return "".join(chars)


# the verb forms that end their clause: an infinitive, a participle, a subordinate clause's
# finite verb ("zorg inkopen", "zorg is ingekocht", "die de gemeente inkoopt")
FINAL_SLOTS = frozenset({"inf", "pp", "sg3", "past_sg", "past_pl"})


def _verb_final(a: Analysis, occ: Occurrence) -> bool:
    """Whether the word is a whole verb at the end of its clause, its object before it: a
    joined form in ``FINAL_SLOTS``, or a separated one whose particle stands before it ("in
    te kopen"); "koopt de zorg in" has its object between verb and particle instead."""
    if a.watch.slot not in FINAL_SLOTS or a.left or a.right:
        return False
    if a.watch.kind == "separated":
        return bool(occ.related) and occ.related[0].start < occ.start
    return True


def _split_variants(watches: Mapping[str, list[Watch]]) -> Iterator[str]:
    """Every watched form with a hyphen or a line-break hyphen inside (vraag-gericht,
    pro-\\nducten), so the one Aho-Corasick pass also finds words split that way."""
    for surface, ws in watches.items():
        if len(surface) < 4 or all(w.kind in ("acronym", "separated") for w in ws):
            continue
        for k in range(2, len(surface) - 1):
            for joiner in ("-", "-\n", "-\r\n", "\u00ad"):
                yield surface[:k] + joiner + surface[k:]


def _best(watches: Sequence[Watch]) -> Watch | None:
    """The watch a whole word stands for: a full form beats a linking form."""
    for kind in ("form", "acronym", "separated"):
        for w in watches:
            if w.kind == kind:
                return w
    return None


def _allows(key: object, has_left: bool, has_right: bool) -> bool:
    assert isinstance(key, Watch)
    mode = key.term.compound
    if key.kind == "linking" and not has_right:
        return False
    if mode == "none":
        return not (has_left or has_right)
    if mode == "head" and has_right:
        return False
    return not (mode == "modifier" and has_left)


CONJUNCTIONS = frozenset({"en", "of"})  # between the parts of one hyphenated word
HEAD_LEAST = 4  # letters of the head a coordination's words share (catalogus, gegevens)


def _de_before_het_word(text: str, start: int, joined: Occurrence) -> bool:
    """Whether the word at ``start`` follows a determiner for de-words ("de klant", "die
    klant") while the open compound ``joined`` would be a singular het-word (klantcontact):
    then the next word is no part of it ("dat de klant contact opnam", "met die klant
    contact hebben")."""
    a = joined.analysis
    if a.watch.term.gender != "het" or a.right or a.watch.slot in PLURAL_SLOTS:
        return False
    found = scan_left(text, start).determiner
    return found is not None and found[1].gender == "de"


def _shift(member: Member, joined: str, parts: list[str], part: str) -> Member:
    """Move a member found in one hyphen part to its place in the joined word."""
    offset = 0
    for p in parts:
        if p == part:
            break
        offset += len(p)
    return Member(member.start + offset, member.end + offset, member.form, member.key)


def _phrase_at(lower: str, start: int, end: int, near: tuple[str, ...]) -> str:
    """A phrase from ``near`` (each holds the word or is a hyphen part of it) that occurs as
    whole words overlapping ``[start, end)``.

    Names with capitals (Open Klant) are matched in the original text, case and all, so
    "een open klant" is not the software; plain phrases are matched in lower case.
    """
    for phrase in near:
        lo = max(0, start - len(phrase))
        i = lower.find(phrase, lo, end + len(phrase))
        while i != -1 and i < end:
            j = i + len(phrase)
            if (
                j > start
                and (i == 0 or not lower[i - 1].isalnum())
                and (j >= len(lower) or not lower[j].isalnum())
            ):
                return phrase
            i = lower.find(phrase, i + 1, end + len(phrase))
    return ""
