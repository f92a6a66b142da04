"""What the first two stages know about a watched word before context decides: which term
and form it is, where the watched member sits in the word, and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from taalwacht.dutch.compounds import Member
from taalwacht.model.finding import Span
from taalwacht.packs.schema import Term

# form: a full form of the term; linking: its form as a first member (klanten-service);
# acronym: KCC, whole words only; separated: a verb form whose particle stands apart
WatchKind = Literal["form", "linking", "acronym", "separated"]


@dataclass(frozen=True)
class Watch:
    """What a watched surface form stands for."""

    term: Term
    slot: str  # form slot of the term ("pl", "pp", ...), "" when it has none
    kind: WatchKind = "form"


@dataclass(frozen=True)
class Analysis:
    """A confirmed watched word: the term, its form and where the member sits in the word."""

    watch: Watch
    joined: str  # the whole word, lower case, without hyphens or line breaks
    member: Member  # the watched member inside ``joined``
    compound_key: str = ""  # the word the member completes, for elided compounds

    # cached: an analysis is shared by every occurrence of its word (the engine memoises
    # it), and deciding each occurrence asks these a few times

    @cached_property
    def left(self) -> str:
        return self.joined[: self.member.start]

    @cached_property
    def right(self) -> str:
        return self.joined[self.member.end :]

    @cached_property
    def curated(self) -> bool:
        """The pack names this compound itself (productcatalogus, bijstandsklanten): the
        organisation chose the word and its replacement. A spelling of the term named for its
        own replacement (the Flemish klantendienst) is the term itself, shop's or not."""
        term = self.watch.term
        names = tuple(name for name in term.compounds if name not in term.spellings)
        return bool(self.compound_key) or self.joined.startswith(names)


@dataclass
class Occurrence:
    """An analysed word at a place in the text, before context decides."""

    start: int
    end: int
    analysis: Analysis
    related: tuple[Span, ...] = field(default=())
