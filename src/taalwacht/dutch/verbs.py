"""Separable verbs: find the particle that belongs to a verb form written apart from it
("koopt de zorg bij drie aanbieders in", "in te kopen")."""

from __future__ import annotations

import re

from taalwacht.dutch.tokens import Token
from taalwacht.model.finding import Span

PARTICLE_FOLLOWERS = frozenset(
    "en of maar want omdat als dan zodat terwijl nadat voordat doordat waardoor zoals "
    "bij van voor met via op door tegen uit per tot onder tegen binnen buiten na te om "
    # a preposition opens a phrase of its own, so the "in" before it has no noun to govern:
    # "kopen de hulp in volgens de methodiek", "koopt de zorg in namens de regio"
    "volgens namens conform vanaf sinds zonder tijdens middels gedurende vanwege wegens "
    "inzake ten ter rond rondom langs naast tussen over dankzij ondanks jegens".split()
)
# a relative clause may follow the particle: "koopt u alle hulp in die u nodig heeft"
# (not after "wat": in "in wat voor vorm" the "in" is a preposition)
RELATIVES = frozenset("die dat welke".split())
# what opens a relative clause, never a noun: after "in die" a noun makes "in" the
# preposition ("koopt ... in die regio", "in dat geval"), these words the particle; among
# them the verbs and "nodig" of a clause whose subject is the relative itself ("koopt alle
# zorg in die valt onder de Wmo", "de begeleiding in die nodig is")
CLAUSE_OPENERS = PARTICLE_FOLLOWERS | frozenset(
    "u uw ik je jij jouw hij zij ze we wij men jullie het de een zijn haar hun ons onze "
    "mijn deze dit niet nog ook al wel zelf echt veel meer er aan in zich nodig "
    "is wordt worden valt vallen heeft hebben kan kunnen moet moeten mag mogen zal zullen "
    "past passen voldoet voldoen geldt gelden bestaat bestaan".split()
)
# verbs that may stand between "te" and the infinitive: "in te kunnen kopen"
TE_VERBS = "(?:kunnen|moeten|mogen|willen|laten|gaan|blijven)"
# verbs that may stand between the particle and the infinitive without "te", in a verb
# cluster: "die de regio in wil kopen", "een aanbod in willen kopen"; the preposition "in"
# never stands right before a verb
CLUSTER_VERBS = (
    "(?:kunnen|kan|kunt|moeten|moet|mogen|mag|willen|wil|wilt|laten|laat|gaan|gaat|ga|"
    "blijven|blijft|zullen|zal|zult)"
)
SEPARABLE_REACH = 15  # words between "koopt" and its particle "in"
# Words of a clause, and what ends one: punctuation or a blank line (a single line break
# is only wrapping: "koopt de zorg bij drie\naanbieders in."; a parenthesis stays inside
# the clause: "kopen ondersteuning (Wmo) in").
CLAUSE_WORDS = re.compile(r"[\w'’-]+|[.!?;:]|\n[ \t]*\r?\n")
CLAUSE_ENDS = frozenset(".!?;:\n")


def particle_of(text: str, lower: str, token: Token, particle: str) -> Span | None:
    """The particle of a separated verb: 'koopt de zorg ... in.', 'in te (kunnen) kopen',
    'in gaan kopen'.

    'in' counts as the particle when it ends the clause or comes before a conjunction or a
    preposition ('koopt zorg in bij aanbieders'), or before a relative clause ('koopt u
    alle hulp in die u nodig heeft', 'in waarvoor u'); 'koopt zorg in Utrecht' has the
    preposition 'in' and no particle, and the particle may still follow it ('kopen de
    begeleiding in overleg met de regio in').
    """
    lo = max(0, token.start - 30)
    m = re.search(
        rf"(?<!\w){re.escape(particle)}\s+(?:te\s+(?:{TE_VERBS}\s+)?|{CLUSTER_VERBS}\s+)$",
        lower[lo : token.start],
    )
    if m:
        return Span(lo + m.start(), lo + m.start() + len(particle))
    matches = CLAUSE_WORDS.finditer(lower, token.end, min(len(lower), token.end + 200))
    for words, m in enumerate(matches, start=1):
        w = m.group()
        if w[0] in CLAUSE_ENDS:
            return None  # the clause ended without the particle ("-traject" goes on)
        if words > SEPARABLE_REACH:
            return None
        if w == particle:
            after = CLAUSE_WORDS.search(lower, m.end(), min(len(lower), m.end() + 40))
            nxt = after.group() if after else "."
            if (
                not nxt[0].isalnum()
                or nxt in PARTICLE_FOLLOWERS
                or lower[m.end() : m.end() + 1] == ","
                or _relative_clause(lower, nxt, after)
            ):
                return Span(m.start(), m.end())
    return None


def _relative_clause(lower: str, word: str, at: re.Match[str] | None) -> bool:
    """Whether ``word`` (after a possible particle) opens a relative clause: "waarvoor",
    "waarmee" always; "die", "dat" and "welke" when no noun follows them ("in die
    u nodig heeft", not "in die regio"). In the labelled pool every "koopt ... in die"
    opened a clause; in the regulation corpus "in die Lid-Staat" is a place."""
    if at is None:
        return False
    if word.startswith("waar") and len(word) > 4:
        return True
    if word not in RELATIVES:
        return False
    then = CLAUSE_WORDS.search(lower, at.end(), min(len(lower), at.end() + 40))
    return then is not None and then.group() in CLAUSE_OPENERS
