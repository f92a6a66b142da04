"""What a term pack holds, as frozen values: the pack, its terms and their alternatives.

The loader (``packs.load``) validates YAML into these; the engine, the fixer and the
reports only read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from taalwacht.model.finding import Severity
from taalwacht.model.terms import AlternativeInfo, TermInfo

# The context profile of a term: which evidence decides use or commerce (engine.context).
Profile = Literal["person", "staff", "service", "organisation", "procurement", "case", "always"]
PROFILES: tuple[Profile, ...] = get_args(Profile)
PartOfSpeech = Literal["noun", "adjective", "verb"]
# how often writers use a term for a real market relation: a word coined in public services
# (klantmanager) is "rare", and only commerce named near it makes it the market's
MarketSense = Literal["common", "rare"]
MARKET_SENSES: tuple[MarketSense, ...] = get_args(MarketSense)
# how a term takes part in compounds: as head, as first member, both or none
CompoundMode = Literal["both", "head", "modifier", "none"]
POS_SLOTS: dict[PartOfSpeech, tuple[str, ...]] = {
    "noun": ("sg", "pl", "dim", "dim_pl", "gen"),
    "adjective": ("base", "e", "heid", "er"),
    "verb": (
        "inf",
        "noun",
        "sg1",
        "sg3",
        "past_sg",
        "past_pl",
        "pp",
        "pp_e",
        "part",
        "part_e",
        "agent",
        "agent_pl",
    ),
}
ALL_SLOTS = frozenset(s for slots in POS_SLOTS.values() for s in slots)
COMPOUND_MODES: tuple[CompoundMode, ...] = get_args(CompoundMode)
DEFAULT_MESSAGE = "'{text}' is markttaal"


@dataclass(frozen=True)
class Alternative:
    """A better word, with its own forms so a suggestion can take the original's form."""

    text: str
    forms: Mapping[str, str] = field(default_factory=dict)  # slot -> form, e.g. pl -> inwoners
    gender: str | None = None  # "de" or "het"; None when it has no article (u, vriendelijk)
    modifier: str | None = None  # form as first member of a compound: inwoner(gericht)
    # the first-member form after a writer's bare member, when it differs: the writer's
    # product+teksten becomes dienst+teksten, producten+lijst diensten+lijst
    bare_modifier: str | None = None
    note: str = ""  # when it suits, e.g. "in a letter that addresses the reader"
    # words that make this the best choice where they stand near the word: "zorg", "wmo*"
    # for cliënt ("*": any word that starts so); see engine.suggest.rank_by_cues
    cues: tuple[str, ...] = ()
    # its compounds are Dutch as they stand (contracteringsbeleid, inwonergericht): fix may
    # write one that the lexicon lacks when it splits into words the lexicon has
    compounds: bool = False

    @property
    def plural(self) -> str | None:
        return self.forms.get("pl")

    def form(self, slot: str) -> str:
        """The alternative in ``slot``, or its base text when it has no such form."""
        return self.forms.get(slot) or self.text

    def words(self) -> frozenset[str]:
        """The alternative in every form the pack gives, lower case (inwoner, inwoners): what
        a text that already says it holds."""
        return frozenset(f.lower() for f in (self.text, *self.forms.values()) if f)


@dataclass(frozen=True)
class Term:
    """One watched word of a pack, with everything the engine and the fixer need."""

    id: str
    lemma: str
    pos: PartOfSpeech
    reason: str
    message: str
    severity: Severity
    alternatives: tuple[Alternative, ...]
    forms: Mapping[str, str] = field(default_factory=dict)  # slot -> surface form
    gender: str | None = None
    extra: tuple[str, ...] = ()  # further surface forms with no slot of their own
    spellings: Mapping[str, str] = field(default_factory=dict)  # variant -> the form it is
    linking: tuple[str, ...] = ()  # forms as first member: klanten(service)
    acronyms: tuple[str, ...] = ()  # KCC: matched as whole words only
    compound: CompoundMode = "both"
    context: Profile = "person"  # which evidence decides, see engine.context.profiles
    # the word names people, so "klantervaringen" may become "ervaringen van inwoners"
    # (klantcontact has the person profile but names no one: no "medewerker van contacten")
    people: bool = True
    # "rare": the paragraph's vocabulary (engine.context.topic) never makes the word the
    # market's; klantmanager, labelled flag 451 times and commercial 9 in rounds 2-91
    market_sense: MarketSense = "common"
    particle: str | None = None  # separable verbs: "in" of inkopen
    separated: Mapping[str, str] = field(default_factory=dict)  # slot -> verb without particle
    compounds: Mapping[str, tuple[Alternative, ...]] = field(default_factory=dict)
    fixed: tuple[str, ...] = ()  # names and legal terms the writer cannot rename: info
    other: tuple[str, ...] = ()  # phrases with another sense: never reported
    names: tuple[str, ...] = ()  # names of software, companies, documents: never reported
    allow: tuple[str, ...] = ()  # phrases the organisation accepts: never reported
    examples_flag: tuple[str, ...] = ()
    examples_ok: tuple[str, ...] = ()
    pack: str = ""

    def compounds_freely(self, alternative: str) -> bool:
        """Whether the alternative named ``alternative`` is marked ``compounds``: its
        compounds of lexicon words are Dutch as they stand (contracteringsbeleid)."""
        return any(a.compounds and a.text == alternative for a in self.alternatives)

    def info(self, severity: Severity | None = None) -> TermInfo:
        """The term as reports show it, with the severity the organisation set."""
        return TermInfo(
            self.id,
            self.lemma,
            self.pos,
            self.reason,
            severity or self.severity,
            self.pack,
            tuple(AlternativeInfo(a.text, a.gender, a.plural, a.note) for a in self.alternatives),
        )

    def surfaces(self) -> dict[str, str]:
        """Every surface form (lower case) mapped to its slot; "" for forms without a slot.
        A spelling takes the slot of the form it is, or of the named compound it is
        (klantcontactcenters: klantcontactcentra, plural)."""
        out: dict[str, str] = {}
        for slot, form in self.forms.items():
            out.setdefault(form.lower(), slot)
        for old, new in self.spellings.items():
            out.setdefault(old.lower(), out.get(new.lower()) or self._named_slot(new.lower()))
        for form in self.extra:
            out.setdefault(form.lower(), "")
        return out

    def _named_slot(self, name: str) -> str:
        """The number of a named compound as its replacement gives it: "pl" where that has
        only a plural (klantcontactcentra: contactcentra), "sg" where it has a singular, ""
        for a name the pack does not give."""
        alternatives = self.compounds.get(name)
        if not alternatives:
            return ""
        forms = alternatives[0].forms
        return "pl" if "pl" in forms and "sg" not in forms else "sg" if "sg" in forms else ""


@dataclass(frozen=True)
class Pack:
    """A named set of terms, loaded from one YAML file."""

    id: str
    description: str
    source: str
    path: str
    terms: tuple[Term, ...]
    version: str = ""  # the pack's own version, as its owner writes it ("2026.1")
    fingerprint: str = ""  # sha256 of the pack's text: which words a stored result used

    def term(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)
