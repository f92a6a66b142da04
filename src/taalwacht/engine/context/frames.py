"""Writing about the word: frames such as 'het woord klant', 'klanten noemen', 'als klant
benaderen', a glossary headword, 'ze zijn geen klant'."""

from __future__ import annotations

import itertools
import re
from functools import cache

from taalwacht.dutch.agreement import is_adjective, reads_plural
from taalwacht.engine.context.cues import cues
from taalwacht.engine.context.verdict import Verdict, verdict
from taalwacht.engine.context.window import WORD, Rare, Window

# what may stand before a headword on its line: markup, a number ("1.1.", "a."), an article,
# a synonym before a slash ("g. de cliënt/klant: een inwoner die ...")
LINE_LEAD = re.compile(
    r"[ \t*#•|·▪◦○●■□>–—-]*(?:(?:\d+\.)+\d*\s+|[a-z][.)]\s+)?(?:(?:de|het|een|De|Het|Een)\s+)?"
    r"(?:[^\W\d_]+\s?/\s?)?"
)
# "Klant: iemand die ...", "**Klantcontact**: Klantcontacten zijn ...", "Casusregisseur: Een
# betrokken hulpverlener die ...", "| Casusoverleg | Een periodiek beraad ...": a glossary
# defines the word; "Product: Parkeerkaart" names a value
HEADWORD_SEPARATOR = re.compile(r"(?:\*\*|\*|__|_)?\s?[:|]\s+")
# "**Casus** — de complexe problematiek die ...", "Casusregie – de regie op ...": a dash
# separates a headword too, but a heading's dash also opens a remark ("Klanttevredenheid –
# na de uitslag van ..."), so only a definition's start or a bold headword counts after it
HEADWORD_DASH = re.compile(r"(?:\*\*|__)?[ \t]+[—–-][ \t]+")
DEFINITION_START = ("een ", "de ", "het ")
# a regulation's numbered list of definitions, its layout flattened to spaces: "6.26  Overig
# zorgproduct (OZP)  Een prestatie binnen ...", "3.4  * DBC-zorgproduct*  Een Diagnose ...",
# "aa.  Klant  De persoon die ..."; without the number, "Nieuwe klanten  De gemeente helpt
# ..." is a heading and the text after it
NUMBERED_LEAD = re.compile(
    r"(?:^|\s\s|\n)[ \t]*(?:(?:\d+\.)+\d*|[a-z]{1,2}[.)])\s+\**\s?(?:[A-Z][a-z]+\s)?$"
)
SPACED_LEAD = re.compile(r"(?:^|\n|\s\s)[ \t]*\**$")  # an item's start in such a layout
SPACED_SEPARATOR = re.compile(r"\**(?:\s\([A-Z][\w’'-]{0,9}\))?\**(?: {2,}|\t)")
NAME_FRAME = re.compile(
    r"(?:[Dd]e term|[Hh]et woord|[Hh]et begrip|[Dd]e naam)\s+(?:[A-Z][\w-]*\s+){1,2}$"
)

NAME_FRAME_HINT = re.compile("term|woord|begrip|naam")  # cheap to look for first


@cache
def _frames_by_last_word() -> dict[str, list[str]]:
    frames: dict[str, list[str]] = {}
    for frame, _, _ in cues("mention").entries:
        frames.setdefault(frame.rpartition(" ")[2], []).append(frame)
    return frames


def _frames_ending_in(word: str) -> list[str]:
    """The mention frames whose last word is ``word``: only those can end right here."""
    return _frames_by_last_word().get(word, [])


NAMING_VERBS = frozenset(
    "benaderen benaderd benadert zien gezien ziet behandelen behandeld behandelt beschouwen "
    "beschouwd beschouwt aanspreken aangesproken spreekt bestempelen bestempeld aanduiden "
    "aangeduid noemen genoemd noemt bejegenen bejegend bejegent typeren getypeerd typeert "
    "betitelen betiteld betitelt definiëren gedefinieerd definieert aanmerken aangemerkt "
    "beschrijven beschreven voorstellen voorgesteld voelen voelt gedragen opstellen "
    # the first person and the past: "Ik zie mijzelf niet als klant van de gemeente"
    "zie zag zagen beschouw beschouwde beschouwden behandel behandelde behandelden benader "
    "benaderde benaderden bejegen bejegende bejegenden voel voelde voelden".split()
)


# "Toch behandelt DUO de burger nadrukkelijk als klant", "We benaderen de inwoner niet als
# klant": the naming verb earlier in the clause, its object and adverbs between (not "Wij
# zien dat u als klant ...": a conjunction starts another clause)
NAMED_REACH = 6  # words between the naming verb and "als"
# what may stand between "als klant" and its naming verb: "te", or an auxiliary
BEFORE_VERB = frozenset(
    "te gaat gaan ging gingen wil willen wilde wilden moet moeten moest moesten kan kunnen "
    "kon konden zal zullen zou zouden wordt worden werd werden".split()
)
CLAUSE_WORDS = frozenset("dat die wat omdat als wanneer of en maar zodat want terwijl".split())


def _naming_verb_earlier(before: list[str]) -> str:
    """The naming verb that ``before`` (the words up to "als") ends the clause of, if any."""
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word in NAMING_VERBS:
            return word
        if word in CLAUSE_WORDS:
            return ""
    return ""


def _of_another_noun(w: Window) -> bool:
    """Whether the word stands in a "van" phrase of another noun ("Afnemers van deze
    gemeentelijke producten worden betiteld als klanten"): the naming verb after it names
    that noun (the afnemers), not the word."""
    before = w.words_before(4)
    if "van" not in before:
        return False
    at = len(before) - 1 - before[::-1].index("van")
    between = before[at + 1 :]
    return at > 0 and all(x in DETERMINERS or x == "een" or x.endswith("e") for x in between)


DETERMINERS = frozenset(
    "de het uw je jouw zijn haar hun ons onze mijn dit dat deze die".split()  # not "een"
)
# "de burger als klant", "inwoners als klanten": a role compared, not a person named
# "de student als klant", "de huurder als klant": labelled mention in 5 of 5 (4 sources)
ROLES = frozenset(
    "burger burgers inwoner inwoners bewoner bewoners cliënt cliënten patiënt patiënten "
    "student studenten huurder huurders mensen mens overheid gemeente".split()
)
# "de burger als kiezer, klant, onderdaan en partner", "de burger als kiezer, als klant, als
# onderdaan": the word is one of the roles listed
ROLE_LIST = re.compile(rf"\b({'|'.join(sorted(ROLES))})\s+als\s+(?:[^\W\d_]+\s*,\s*(?:als\s+)?)+$")
LISTED_LAST = re.compile(r",\s*(?:als\s+)?$")  # what a list's next item has before it
PEOPLE = ROLES - {"overheid", "gemeente"}  # "is de burger wel klant?": people, not bodies
# "Zijn wij klanten van de gemeente?": a group asked whether it is what the word says
ASKING_COPULAS = frozenset({"is", "zijn", "waren", "worden"})
GROUPS = frozenset("wij we inwoners burgers bewoners mensen burger inwoner".split())
# the particles a question may hold between the group and the word ("Zijn wij dan
# eigenlijk klanten van de gemeente?"); an article may close them ("Is de burger nu een klant?")
QUESTION_PARTICLES = frozenset("wel nu echt dan eigenlijk nog ook dus nou werkelijk soms".split())


def _particles(words: list[str]) -> bool:
    """Up to two particles, then perhaps "een" or "onze": nothing that makes the word a thing
    asked for ("Zijn inwoners eigenlijk onze klanten?")."""
    if words[-1:] in (["een"], ["onze"]):
        words = words[:-1]
    return len(words) <= 2 and all(x in QUESTION_PARTICLES for x in words)


# "het klantdenken", "de klantgedachte", "het concernbegrip": a compound that names the
# idea or the word, not a person
CONCEPTS = frozenset(
    "denken gedachte concept concepten paradigma filosofie ideologie metafoor begrip "
    "begrippen benaming benamingen".split()
)
WORD_LIST_SHARE = 0.5  # a sentence at least this much made of watched words lists them


def concept(right: str) -> Verdict | None:
    """'klantdenken', 'klant-denken', 'productgedachte': the idea of the word is discussed."""
    return verdict("mention.concept") if right.lstrip("-") in CONCEPTS else None


# "die woorden", "zulke termen", "...: woorden die": the sentence points at words, not at
# what they name
THOSE_WORDS = Rare(
    re.compile(
        r"\b(?:die|deze|dat|dit|zulke|zulk|dergelijke|zo'n)\s+"
        r"(?:woorden|woord|termen|term|begrippen|begrip|benamingen|benaming)\b"
        r"|:\s*(?:woorden|termen|begrippen|benamingen)\s+(?:die|uit|van|met|waar\w*)\b"
    ),
    ("woord", "term", "begrip", "benaming"),
)


def questioned(w: Window) -> Verdict | None:
    """'Klanten? Wij hebben geen klanten.', 'En accountmanager?': the word alone, asked, is
    the word disputed (a compound alone, "Klantnummer?", asks a reader's question and is
    judged as usual)."""
    lead = w.lower[w.sent[0] : w.start].strip(" \t\n*#'\"‘“")
    alone = lead in ("", "en", "of", "maar")  # "En accountmanager?": the next word asked
    return (
        verdict("mention.questioned")
        if alone and w.lower[w.end : w.sent[1]].rstrip() == "?"
        else None
    )


def word_list(w: Window, watched: int) -> Verdict | None:
    """'Klantcontacten, klantkanalen, klantgerechtigheid en klantverkeer.': a sentence that is
    little more than the watched words themselves lists words, it does not use them; so does
    one that lists two or more and points at them as words ("Klantreis, klantbeeld: die
    woorden schrappen we")."""
    if watched >= 2 and THOSE_WORDS.search(w.lower, w.sent):
        return verdict("mention.word-list", count=str(watched))
    if watched < 3:
        return None
    if watched >= WORD_LIST_SHARE * len(WORD.findall(w.lower, *w.sent)):
        return verdict("mention.word-list", count=str(watched))
    return None


IS = r"\s+(?:is|zijn)(?:\s*,[^,.\n]{1,25},)?\s+"  # "is, kort gezegd, de afnemer van"
DEFINITION = re.compile(
    rf"{IS}(?:iemand|degene|diegene|een persoon|personen|mensen)\b"
    r"|\s+(?:is|wordt|worden)\s+gedefinieerd\b"
    rf"|{IS}(?:de|het)\s+(?:wijze|manier|geheel)\s+(?:waarop|van)\b"
    # "Een klantencharter is een document waarin ...": a class and what sets it apart
    rf"|{IS}(?:een|de|het)\s+[^\W\d_]+\s+(?:waarin|waarbij|waarmee|die|dat)\b"
)
# "Klanten zijn natuurlijke personen of organisaties die een verzoek doen", "De klant is een
# inwoner of ondernemer die contact heeft met de gemeente", "Klanten in deze context zijn
# ...": a definition names the kinds of party the word covers, a plural one too; a pair of
# people ("Onze klanten zijn jongeren en ouderen die hulp nodig hebben") says who they are
PARTY = (
    r"(?:natuurlijke?\s+)?(?:personen|persoon|organisaties?|rechtspersonen|rechtspersoon|"
    r"instellingen|instelling|partij(?:en)?|ondernemers?|bedrijven|bedrijf)"
)
PARTIES = rf"(?:{PARTY}\s+(?:of|en|en/of)\s+[^\W\d_]+|[^\W\d_]+\s+(?:of|en|en/of)\s+{PARTY})"
PARTIES_DEFINED = re.compile(
    rf"(?:\s+(?:hier|in\s+(?:deze|dit)\s+[^\W\d_]+))?{IS}(?:(?:een|de|het)\s+)?{PARTIES}"
    r"\s*,?\s+(?:die|dat|waarin|waarmee|waarbij)\b"
)
# a bare concept at the start of its sentence, said to be one thing with what sets it apart:
# "Klantgerichtheid is de vaardigheid van een organisatie om", "Klanttevredenheid is de
# meting van": the word's meaning, given (rounds 2-113: 18 such uses, with these words or
# DEFINITION's "die" and "dat", none labelled flag)
BARE_DEFINITION = re.compile(rf"{IS}(?:de|het)\s+[^\W\d_]+\s+(?:van|om|waarop)\b")
# "Klantencontact verwijst naar de interacties ...", of a bare word only: "de klantmanager
# verwijst naar de schuldhulp" sends someone on
REFERS = re.compile(r"\s+verwijst\s+naar\s+(?:de|het|een)\b")
# "Een klant is de afnemer van een product", "Een casus is een set van meldingen", "Een
# klantreis is een visuele weergave van ...": a word defined by a general class ("een"),
# an adjective allowed before it; a municipal thing defined by what it is ("Een
# casusoverleg is een overleg van ...", "Een klantmanager is een medewerker van ...") is
# judged as any other sentence
CLASS_OF = re.compile(
    rf"{IS}(?:een|de)\s+(?:[^\W\d_]+e\s+)?(?:afnemer|groep|set|verzameling|weergave|bundeling|"
    r"vorm|soort|type|reeks|combinatie|samenstelling|beschrijving|overzicht)\s+van\b"
)
# "Het Klantcontactcentrum wordt ook wel KCC genoemd": the word's own abbreviation (not
# "Het product wordt ook wel een 'Configureerbare Webservice' genoemd": the thing's name)
ALSO_CALLED = re.compile(
    r"\s+(?:wordt|worden)\s+ook\s+wel\s+(?:het\s+|de\s+)?([A-Z]{2,6})\s+genoemd\b"
)
# "Onder een klant wordt verstaan", "Onder producten verstaan we", "Met het klantenperspectief
# wordt hier bedoeld": the word is defined
UNDERSTOOD = re.compile(r"\s+(?:(?:wordt|worden)\s+(?:hier\s+)?verstaan|verstaan\s+(?:we|wij))\b")
# the definiens may stand before the verb: "wordt onder de klant de indiener van het beroep
# verstaan", "Onder een klant wordt in deze regeling verstaan"
UNDERSTOOD_LATER = re.compile(r"\bverstaan\b")
DEFINITION_REACH = 160  # characters after the word in which its "verstaan" may follow
UNDERSTANDING = frozenset({"verstaan", "verstaat", "verstond", "verstonden"})
MEANT = re.compile(r"\s+(?:(?:wordt|worden)\s+(?:hier\s+)?bedoeld|bedoelen\s+(?:we|wij))\b")
ARTICLES = frozenset({"de", "het", "een"})
# what may follow "burgers (geen) klanten zijn": the clause ends or the role's complement
PREDICATE_ENDS = frozenset("van voor en of maar die dat want omdat".split())
HAVE = frozenset("is zijn heeft hebben".split())  # "heeft de gemeente klanten?"
COPULAS = frozenset("is zijn ben bent was waren wordt worden werd werden blijft blijven".split())
READER = frozenset({"u", "je", "jij"})  # the one a letter or a form speaks to


# "dat noemen we klantdenken", "zo heet dat productgericht": the word that follows is a name
NAMED_AS = {
    f"{verb} {who}": verb
    for verb in ("noemen", "noemt", "noemden", "noem", "heet", "heten")
    # the one who names, or the one named: "dat noemen we klantdenken", "ze noemen mij klant"
    for who in "we wij ze men ik dat dit die mij me ons hem haar hen jou jullie".split()
}
# ... with the article and an adjective of the name between: "dit noemen wij een klantreis",
# "deze dynamiek noemen we de democratische klantreis" (labelled so in rounds 2-89: mention
# 4, other 3, flag never)
NAMED_AS_NOUN = re.compile(
    rf"\b(?:{'|'.join(sorted({k.split()[0] for k in NAMED_AS}))})"
    rf"\s+(?:{'|'.join(sorted({k.split()[1] for k in NAMED_AS}))})"
    r"\s+(?:een|de|het)\s+(?:\w+\s+)?$"
)
# "een bedrijfsproces (ook wel genoemd klant-tot-klantproces)", "ook wel bekend als
# klantenservicemedewerkers": another name for what the sentence is about (labelled after
# these: mention 2, other 1, flag never)
ALSO_NAMED = re.compile(r"\book\s+(?:wel\s+)?(?:genoemd|bekend\s+als|aangeduid\s+als)\s*$")
# "Bij de sociale dienst heette je vroeger klant", "Deze afdeling heet Klantenservice": what
# something is called, up to three words before the word and no article right before it
# ("het resultaat heet het product" is the product; labelled 3 mention, 1 unsure, no flag)
CALLED = re.compile(r"\b(heet|heette|heten|heetten)\s+(?:[^\W\d_]+\s+){0,3}$")


def _called(w: Window) -> str:
    """The form of "heten" that names the word, or "": a substring test first, since most
    sentences have none (this runs for nearly every word)."""
    lo = max(w.sent[0], w.start - 40)
    if w.lower.find("heet", lo, w.start) < 0 and w.lower.find("heten", lo, w.start) < 0:
        return ""
    called = CALLED.search(w.lower, lo, w.start)
    return called.group(1) if called else ""


# "De klant bestaat niet", "Klanten bestaan eigenlijk niet bij de overheid": the word's
# thing denied; not "bestaat niet meer" (a service ended), nor "Dat product bestaat niet in
# onze gemeente" (this one, after a demonstrative or a possessive)
EXISTS_NOT = re.compile(
    r"\s+(?:bestaat|bestaan)\s+(?:(?:dus|eigenlijk|helemaal|echt|ook)\s+)?niet\b(?!\s+meer\b)"
)
# "Klantmanager is een lelijk woord", "Casus is de juiste term", "Vraaggericht werken is een
# modewoord": called a word, with what kind of word between (not "begrip", which also says
# that something is well known)
A_WORD = re.compile(
    r"(?:\s+werken)?\s+(?:is|was)\s+(?:een|het|de)\s+(?:[^\W\d_]+\s+){0,2}?"
    r"(?:mode|tover|stop|scheld|sleutel|kern|hype|container|vak|verzamel)?"
    r"(?:woord|term|benaming)\b"
)
SPELLED_OUT = re.compile(r"\s+staat\s+voor\s+(\w)")  # the first letter of the spelled-out name
PASSIVE_NAMING = frozenset({"aangeduid", "betiteld", "getypeerd", "bestempeld"})
# "Wat is een klantreis?", "Wat is klantcontact?": a question that asks what the word means
WHAT_IS = re.compile(r"\W*wat\s+(?:is|zijn|betekent)\s+(?:een\s+|de\s+|het\s+)?")
ASKED = re.compile(r"\s*\?")
NAME_NOUNS = frozenset(
    f"met {x}" for x in ("de term", "het woord", "de naam", "de benaming", "het begrip", "de titel")
)


def _preceded_by(w: Window, word: str) -> bool:
    return w.words_before(1) == [word]


def _closes_clause(w: Window) -> bool:
    """The word ends its clause ('ze zijn geen klant.') or only 'meer' follows."""
    rest = w.lower[w.end : w.end + 12].lstrip()
    return not rest or rest[0] in ".,;:!?)" or re.match(r"meer\b", rest) is not None


# "Vroeger spraken we van klanten", "Kun je wel spreken van een klant?": speaking of the
# word, with a pronoun between or the verb inflected (the phrase list holds "spreken van"
# itself); with an article the talk is about the people ("praten over de klant"). In the
# labelled data 4 mention, 2 unsure, no flag. The word may be the second name the sentence
# speaks of: "niet meer spreken over cliënten, maar over klanten", "spreekt van een groep in
# plaats van een concern" (rounds 2-90: mention 3, no flag).
SPEAKING_OF = re.compile(
    r"\b(?:spreken|spraken|spreekt|sprak|gesproken|praten|praatten|praat|praatte|gepraat)"
    r"\s+(?:[^\W\d_]+\s+)?(?:(?:niet|meer|nog|liever|bewust|graag|steeds|voortaan|ook|"
    r"eigenlijk|dan|nu)\s+){0,2}(?:van|over)\s+"
    r"(?:(?:een\s+|de\s+)?[^\W\d_]+,?\s+(?:maar|en|of|dan|in\s+plaats\s+van)\s+"
    r"(?:ook\s+|niet\s+)?(?:(?:van|over)\s+)?)?(?:een\s+)?$"
)
# the same with the verb after the word, as a subordinate clause has it ("waarom de nota over
# klanten spreekt"); not the idiom "het over ... hebben", which names a topic as often as a
# word ("In deze podcast hebben we het over klantbeleving": labelled a use)
SPOKEN_AFTER = frozenset(
    "spreekt spreken sprak spraken praat praten praatte praatten gesproken gepraat".split()
)
# the words a title's "Van klant naar ..." renames the word to
RENAMED_TO = ROLES | frozenset(
    "voorziening voorzieningen dienst diensten consulent consulenten aanvrager aanvragers".split()
)
FROM_OPENS = re.compile(r"(?:^|[:\n])[\s*#]*van\s+$")  # a title's "Van klant naar inwoner"
# a title within a line capitalises its "Van": "Initiatiefvoorstel Van klant naar burger"
TITLE_FROM = re.compile(r"(?<=\s)Van\s+$")
# "een burger is meer dan een klant", "meer dan alleen een klant": a role weighed
MORE_THAN = Rare(
    re.compile(
        r"\bmeer\s+(?:is\s+|zijn\s+)?dan\s+(?:alleen\s+|slechts\s+|enkel\s+)?(?:een\s+|de\s+)?$"
    ),
    ("meer",),
)
# "Anders dan een klant kan een inwoner niet naar de concurrent": a role set against another
# (only with "een", the role in general: "anders dan klanten verwachten" are people)
UNLIKE = Rare(
    re.compile(r"\b(?:anders\s+dan|in\s+tegenstelling\s+tot)\s+een\s+$"),
    ("anders", "tegenstelling"),
)
# "liever spreken over inwoners dan over klanten", "beter te spreken van X, of digitaal Y"
NAMING_SENTENCE = Rare(
    re.compile(r"\b(?:beter|liever)\s+(?:te\s+)?(?:spreken|praten)\s+(?:van|over)\b"),
    ("beter", "liever"),
)


def _headword(w: Window, text: str) -> bool:
    """The word heads a definition: a separator, then a lower-case start, an article, or
    the word again ("Klantcontact: Klantcontacten zijn ..."); after a dash only the last two,
    or a bold headword."""
    separator = HEADWORD_SEPARATOR.match(text, w.end)
    if separator is not None:
        # a term in bold before the colon is a glossary's headword, whatever the definition
        # opens with ("* **Product**: Gecodeerde omschrijving ..."; labelled a use 0 of 13)
        bold = (
            w.start >= 2
            and text.startswith("**", w.start - 2)
            and separator.group().startswith("**")
        )
        lower_start = text[separator.end() : separator.end() + 1].islower()
    else:
        separator = HEADWORD_DASH.match(text, w.end)
        if separator is None:
            return False
        # the headword's bold ends before the dash
        bold, lower_start = separator.group().startswith(("**", "__")), False
    rest = w.lower[separator.end() : separator.end() + 40]
    return (
        bold
        or lower_start
        or rest.startswith(DEFINITION_START)
        or rest.startswith(w.lower[w.start : min(w.end, w.start + 5)])
    )


def _spoken_of(two_before: list[str], after: list[str]) -> str:
    """The frame that speaks of the word with its verb after it: "waarom de nota steeds over
    klanten spreekt"; "" otherwise, and for people a relative clause describes ("over
    klanten spreekt die lang wachten")."""
    if not two_before or two_before[-1] != "over" or after[1:2] in (["die"], ["dat"], ["welke"]):
        return ""
    if after[:1] and after[0] in SPOKEN_AFTER:
        return f"over … {after[0]}"
    return ""


def _renamed(two_before: list[str], after: list[str]) -> str:
    """The verb that gives the word a new name: "het klantcontactcentrum heet voortaan
    Publiekscontact", "Vanaf deze maand heten de klantmanagers consulenten"; "" otherwise
    (not "mijn klantmanager heet Jan", nor "het resultaat heet het product")."""
    if after[:2] in (["heet", "voortaan"], ["heten", "voortaan"], ["heet", "vanaf"]):
        return after[0]
    renaming = two_before[:1] in (["heet"], ["heten"]) and two_before[1:] in (["de"], ["het"])
    named = after[:1] and after[0] not in DETERMINERS and after[0] != "een"
    if renaming and named and (len(after) == 1 or after[1] in ("en", "of")):
        return two_before[0]
    return ""


REPLACING = Rare(re.compile(r"\bvervang(?:en|t)?\b"), ("vervang",))
REPLACED_REACH = 4  # words after the word in which "door" names its replacement


def _replaced_by(w: Window) -> str:
    """The word a sentence replaces the word by ("klant vervangen door inwoner", "Vervang
    klant overal door inwoner"): a bare noun after "door"; "" where none is named (not
    "de meter vervangen door een nieuwe")."""
    if not REPLACING.search(w.lower, w.sent):
        return ""
    later = w.words_after(REPLACED_REACH + 1)
    if "door" not in later[:-1]:
        return ""
    by = later[later.index("door") + 1]
    return "" if by in DETERMINERS or by in ("een", "hun", "onze") else by


def _spaced_headword(w: Window, text: str) -> bool:
    """The word heads a definition whose layout became spaces: a numbered one
    (NUMBERED_LEAD), or without a number one that defines a person ("... van een Jobcoach.
    Klant  Een persoon met ...", DEFINITION_OPENERS)."""
    separator = SPACED_SEPARATOR.match(text, w.end)
    if separator is None or not w.lower.startswith(DEFINITION_START, separator.end()):
        return False
    if NUMBERED_LEAD.search(text[max(0, w.start - 40) : w.start]) is not None:
        return True
    return SPACED_LEAD.search(text, max(0, w.start - 4), w.start) is not None and (
        w.lower.startswith(DEFINITION_OPENERS, separator.end())
    )


# "Klant\n\nEen persoon die ...": a heading that the next paragraph defines (terms and
# conditions, regulations); "Klantcontact\n\nEen inwoner kan ..." is an ordinary heading
DEFINITION_OPENERS = (
    "een persoon",
    "de persoon",
    "degene ",
    "diegene ",
    "een natuurlijk",
    "een rechtspersoon",
    "iedere ",
    "elke ",
    "een ieder",
)


def _heading_defined(w: Window, text: str) -> bool:
    """The word is a line of its own and the next line opens a definition of a person."""
    line_end = text.find("\n", w.end, w.end + 40)
    if line_end < 0 or text[w.end : line_end].strip(" \t*#:_"):
        return False
    return text[line_end : line_end + 80].lstrip().lower().startswith(DEFINITION_OPENERS)


# "géén klanten" stresses the denial; "nooit een klant", "in geen enkel opzicht een klant":
# the words between the negation and the word say how much it is denied, not what
NEGATIONS = frozenset({"geen", "niet", "nooit", "géén", "níet", "nóóit"})
DENIAL_FILLERS = frozenset(
    {"een", "enkel", "enkele", "opzicht", "echte", "werkelijke", "heuse", "gewone", "normale"}
)


# "ben je geen klant", "Ik ben toch geen klant", "ik voel me geen klant": the copula (or
# "voelen" with its reflexive) before the negation, with its subject or particles between;
# not "nog" ("Bent u nog geen klant?" asks the reader to become one), nor "er" ("is er geen
# klant die ..." says that none exists), nor the letter's reader ("Bent u geen klant bij de
# voedselbank, maar ...")
DENIAL_BETWEEN = frozenset(
    "ik je jij hij zij ze we wij men toch echt helemaal eigenlijk ook dus nu zeker "
    "natuurlijk gewoon immers heus absoluut".split()
)
REFLEXIVES = frozenset("me mij mezelf mijzelf zich zichzelf je jezelf ons onszelf".split())
FEELING = frozenset("voel voelt voelen voelde voelden".split())


def _denied_by_copula(w: Window) -> bool:
    """A copula, or "voelen" with a reflexive, denies the word with its subject or particles
    between: "In de bijstand ben je geen klant", "Ik voel me geen klant"."""
    before = w.words_before(8)
    i = _negation_at(before)
    if i < 1:
        return False
    j = i - 1
    while j >= 0 and (before[j] in DENIAL_BETWEEN or before[j] in REFLEXIVES):
        j -= 1
    if j < 0 or j == i - 1:  # nothing between: the plain "is geen klant" is read elsewhere
        return False
    between = before[j + 1 : i]
    return before[j] in COPULAS or (before[j] in FEELING and not REFLEXIVES.isdisjoint(between))


# a list of single words before the word: "klant, product en " of "Vermijd woorden als
# klant, product en casus"
LIST_BEFORE = re.compile(r"(?:[^\W\d_][\w'-]*(?:\s*,\s*|\s+(?:en|of)\s+)){1,6}$")
LIST_REACH = 120  # characters before the word in which a list and its frame may stand
# the frames that name words, not examples of things ("zoals" lists them too)
WORD_FRAME_NOUNS = ("woord", "term", "begrip", "benaming", "vermijd", "schrap")


def _listed_after_frame(w: Window) -> str:
    """The frame a list of words that ends with the word follows ("Vermijd woorden als
    klant, product en casus"), or "": the frame covers every word in the list."""
    if w.words_before(1) not in (["en"], ["of"]):
        right_before = w.lower[max(0, w.start - 8) : w.start].rstrip()
        if not right_before.endswith(","):
            return ""  # most words follow no list: a look at what stands right before them
    lo = max(w.sent[0], w.start - LIST_REACH)
    listed = LIST_BEFORE.search(w.lower, lo, w.start)
    if listed is None:
        return ""
    lead = WORD.findall(w.lower, lo, listed.start())[-4:]
    before = " ".join(lead)
    for frame in _frames_ending_in(lead[-1]) if lead else ():
        if any(noun in frame for noun in WORD_FRAME_NOUNS) and (
            before == frame or before.endswith(" " + frame)
        ):
            return frame
    return ""


def _negation_at(before: list[str]) -> int:
    """Where in ``before`` (the words up to the word) the negation stands that denies the
    word, with only fillers after it ("geen", "nooit een"), or -1."""
    i = len(before) - 1
    while i >= 0 and before[i] in DENIAL_FILLERS:
        i -= 1
    return i if i >= 0 and before[i] in NEGATIONS else -1


def _negated(w: Window) -> str | None:
    """The word before the negation that denies the word ("is" of "is geen klant", "" at the
    sentence start), or None when no negation stands before it with only fillers between."""
    before = w.words_before(6)
    i = _negation_at(before)
    if i < 0:
        return None
    return before[i - 1] if i else ""


# a new clause starts: "geen klanten gesproken die ontevreden waren" ends at "die"
CLAUSE_OPENERS = frozenset(
    "die dat wat welke waar wie omdat als wanneer zodat doordat en of maar want terwijl".split()
)


# "waarom de gemeente geen klanten heeft", "dat de overheid geen klanten kent": the denial
# of having the word, in the order of a subordinate clause
HAVING = frozenset("heeft hebben had hadden kent kennen kende kenden".split())


def _copula_closes(w: Window) -> bool:
    """A copula, or a verb of having, ends the clause: "in geen enkel opzicht een klant is",
    "geen klant van je eigen dienst zijn", "geen klanten heeft". The role is denied, as in
    "is geen klant"."""
    clause = re.split(r"[,;:.!?()]", w.lower[w.end : w.sent[1]], maxsplit=1)[0]
    words = list(itertools.takewhile(lambda x: x not in CLAUSE_OPENERS, WORD.findall(clause)))
    # "als u nog geen klantmanager heeft": the reader lacks one yet, no word is denied
    having = len(words) == 1 and words[0] in HAVING and READER.isdisjoint(w.words_before(6))
    closes = bool(words) and (words[-1] in COPULAS or having)
    # only "van ..." may stand between: "geen product bij het ABP beschikbaar is" says that
    # something is missing, not what to call it
    return 0 < len(words) <= 6 and closes and (len(words) == 1 or words[0] == "van")


ITEM_BREAKS = ("\n", "; ", ". ", ": ")


def _item_start(text: str, start: int) -> int:
    """Where the line or list item that holds ``start`` begins. A glossary flattened to one
    line ("verstaan onder: a. aanvrager: ...; b. klant: de persoon ...") starts its items
    after a semicolon, full stop or colon; a word deep in a long line ("communiceren met een
    klant: snel en direct") starts none: the 200 characters before it are no lead."""
    lo = max(0, start - 200)
    ends = [i + len(mark) for mark in ITEM_BREAKS if (i := text.rfind(mark, lo, start)) >= 0]
    return max(ends) if ends else lo


def _understood(w: Window) -> bool:
    """'Onder (een) klant ... verstaan': the word is defined, whatever stands between."""
    if UNDERSTOOD.match(w.lower, w.end):
        return True
    hi = min(w.sent[1], w.end + DEFINITION_REACH)
    return UNDERSTOOD_LATER.search(w.lower, w.end, hi) is not None


def metalinguistic(
    w: Window, text: str, *, deny: bool = True, role: bool = True, person: bool = True
) -> Verdict | None:
    """Frames that talk about the word: 'het woord klant', 'klanten noemen', 'als klant zien'.
    ``deny``: whether "geen …"/"niet …" can deny the word as a name (not for an adjective);
    ``role``: whether the word can be a role compared ("de burger als klant"): not a verb's
    agent, whose role is real ("de gemeente als inkoper binnen het sociaal domein");
    ``person``: whether the word names the people served, so that "klant of burger" weighs
    two names for them, where "klantmanagers en cliënten" are the two sides of a talk."""
    # what follows the word is the cheaper test, and it rarely holds: look at it first
    if (_headword(w, text) or _heading_defined(w, text)) and LINE_LEAD.fullmatch(
        text, _item_start(text, w.start), w.start
    ):
        return verdict("mention.headword")
    if _spaced_headword(w, text):
        return verdict("mention.headword")
    # the words before it that the frames read, each taken once (the last few of six)
    coordinated = w.words_before(6)
    prev, two_before = coordinated[-1:], coordinated[-2:]
    three, four = coordinated[-3:], coordinated[-4:]
    frames = _frames_ending_in(prev[0]) if prev else []
    if frames:
        before = " ".join(four)
        for frame in frames:
            if before == frame or before.endswith(" " + frame):
                return verdict("mention.frame", frame=frame)
    if len(coordinated) >= 3 and coordinated[-1] in ("en", "of"):
        # "de woorden klant en product", "Vermijd vraaggericht en klantgericht": the frame
        # covers both words
        before = " ".join(coordinated[:-2])
        for frame in _frames_ending_in(coordinated[-3]):
            if before == frame or before.endswith(" " + frame):
                return verdict("mention.frame-coordinated", frame=frame)
    if listed_by := _listed_after_frame(w):
        return verdict("mention.frame-coordinated", frame=listed_by)
    lead = max(w.sent[0], w.start - 60)
    far_lead = max(w.sent[0], w.start - 90)  # for a frame that names another word first
    if NAME_FRAME_HINT.search(w.lower, lead, w.start):
        name = NAME_FRAME.search(text[lead : w.start])
        if name:
            return verdict("mention.name-frame", frame=name.group().strip())
    if naming := NAMING_SENTENCE.search(w.lower, (w.sent[0], w.start)):
        return verdict("mention.naming-sentence", phrase=naming.group())
    if prev and prev[0] in ("van", "over", "een"):
        speaking = SPEAKING_OF.search(w.lower, far_lead, w.start)
        # "sprak over klanten die lang wachtten": a relative clause makes them people
        if speaking and w.words_after(1) not in (["die"], ["dat"], ["welke"]):
            return verdict("mention.frame", frame=speaking.group().strip())
    after = w.words_after(3)
    if spoken := _spoken_of(two_before, after):
        return verdict("mention.frame", frame=spoken)
    if (
        prev == ["van"]
        and after[:1] == ["naar"]
        and after[1:2]
        and after[1] in RENAMED_TO
        and (
            FROM_OPENS.search(w.lower[w.sent[0] : w.start])
            or TITLE_FROM.search(text, w.sent[0], w.start)
        )
    ):
        # "Column: Van klant naar inwoner"; not a person's way ("Van klant naar werknemer met
        # loondispensatie", labelled a use)
        return verdict("mention.comparison")
    if MORE_THAN.search(w.lower, (lead, w.start)):
        return verdict("mention.as-role", who="meer dan")  # "een burger is meer dan een klant"
    if role and UNLIKE.search(w.lower, (lead, w.start)):
        return verdict("mention.comparison")
    if renamed := _renamed(two_before, after):
        return verdict("mention.naming-verb", verb=renamed)
    if (
        role
        and prev in (["eerst"], ["vroeger"], ["nog"])
        and "waar" in w.words_before(3)
        and after[:1] in (["stond"], ["staat"], ["stonden"], ["staan"])
    ):
        return verdict("mention.naming-verb", verb=after[0])  # "waar eerst klant stond"
    before_negation = _negated(w)
    negated = before_negation is not None
    contrast = after[:1] == ["maar"]
    # "de burger is geen klant en ...", not "er is geen klant die ...": that one exists;
    # nor "Heeft u nog geen klantbegeleider, dan ...": a reader asked, not a word denied
    if (
        deny
        and negated
        and (
            (_closes_clause(w) and READER.isdisjoint(four))
            or contrast
            or (before_negation in COPULAS and "er" not in four)
            or (_copula_closes(w) and "er" not in w.words_before(6))
            or _denied_by_copula(w)
        )
    ):
        return verdict("mention.denial")
    if (
        two_before[:1] == ["niet"]
        and two_before[1:] in (["als"], ["om"], ["over"])
        and "maar" in w.words_after(4)
    ):
        # "ziet inwoners niet als klanten, maar als burgers", "het gaat niet om
        # klanttevredenheid maar om burgerschap": the word is set against the right one
        return verdict("mention.denial")
    if " ".join(after[:3]) in (
        "is de term",
        "is een term",
        "is het woord",
        "is een woord",
        "is de benaming",
        "is de afkorting",
        "is een afkorting",
    ):
        return verdict("mention.is-term", phrase=" ".join(after[:3]))
    pointed = bool(prev) and prev[-1] in DETERMINERS and prev[-1] not in ARTICLES
    if deny and not pointed and EXISTS_NOT.match(w.lower, w.end):
        return verdict("mention.denial")  # "Klanten bestaan niet bij de overheid"
    if called_a_word := A_WORD.match(w.lower, w.end):
        return verdict("mention.is-term", phrase=called_a_word.group().strip())
    if WHAT_IS.fullmatch(w.lower, w.sent[0], w.start) and ASKED.match(w.lower, w.end):
        return verdict("mention.definition")
    acronym = text[w.start : w.end]
    if after[:2] == ["staat", "voor"] and acronym.isupper():
        # "KCC staat voor Klant Contact Centrum" spells it out; "het KCC staat voor u klaar"
        spelled = SPELLED_OUT.match(text, w.end)
        if spelled and spelled.group(1) == acronym[0]:
            return verdict("mention.is-term", phrase="staat voor")
    determined = bool(prev) and prev[-1] in DETERMINERS
    if two_words := NAMED_AS.get(" ".join(two_before)):
        return verdict("mention.naming-verb", verb=two_words)  # "dat noemen we klantdenken"
    name_given = NAMED_AS_NOUN.search(w.lower, max(w.sent[0], w.start - 50), w.start)
    if name_given and "bij" not in after[:3]:  # "noemen we de klant bij zijn naam": addressed
        return verdict("mention.naming-verb", verb=name_given.group().split()[0])
    if also_named := ALSO_NAMED.search(w.lower, max(w.sent[0], w.start - 30), w.start):
        return verdict("mention.naming-verb", verb=also_named.group().split()[-1])
    if not determined and (called := _called(w)):
        return verdict("mention.naming-verb", verb=called)  # "heette je vroeger klant"
    if (
        PASSIVE_NAMING & set(after)
        and not COPULAS.isdisjoint(three + after[:1])
        and not _of_another_noun(w)
    ):
        # "wordt de klant ook wel aangeduid met de term reiziger", not "met een nummer"
        later = w.words_after(7)
        at = next(i for i, x in enumerate(later) if x in PASSIVE_NAMING)
        if later[at + 1 : at + 2] == ["als"] or " ".join(later[at + 1 : at + 4]) in NAME_NOUNS:
            return verdict("mention.naming-verb", verb=later[at])
    if not determined and (replaced := _replaced_by(w)):
        return verdict("mention.replaced", by=replaced)  # "klant vervangen door inwoner"
    if (
        role
        and not determined
        and after[:1] in (["zeggen"], ["schrijven"])
        and len(w.words_after(2)) == 1
        and not reads_plural(w.lower[w.start : w.end])
    ):
        return verdict("mention.naming-verb", verb=after[0])  # "Mag ik nog klant zeggen?"
    if (
        after
        and after[0] in ("noemen", "noemt", "noemde", "genoemd", "heten", "heet")
        and not _of_another_noun(w)
        and not (
            # "uw klantnummer noemen": say it; "mijn klantmanager heet Jan": a person's name;
            # "wordt het accountantsproduct genoemd": mentioned, as regulations refer
            determined and after[0].startswith(("noem", "he", "genoemd"))
        )
        # "de klantgroep, genoemd in artikel 6": referred to, not named so
        and not (after[0] == "genoemd" and after[1:2] in (["in"], ["onder"], ["bij"], ["op"]))
    ):
        return verdict("mention.naming-verb", verb=after[0])
    if person and after[:2] in (
        ["of", "burger"],
        ["of", "cliënt"],
        ["of", "inwoner"],
        ["en", "cliënten"],
        ["of", "cliënten"],
    ):
        return verdict("mention.comparison")
    if role and two_before[-1:] == ["als"] and len(two_before) == 2 and two_before[0] in ROLES:
        return verdict("mention.as-role", who=two_before[0])  # "de burger als klant"
    lead = max(w.sent[0], w.start - 80)
    if LISTED_LAST.search(w.lower, lead, w.start) and (
        listed := ROLE_LIST.search(w.lower, lead, w.start)
    ):  # "als kiezer, (als) klant, ...": a comma before the word first, as a list has
        return verdict("mention.as-role", who=listed.group(1))
    who = next((x for x in three if x in PEOPLE), "") if not PEOPLE.isdisjoint(three) else ""
    # "is de burger wel klant?", "dat burgers eigenlijk klanten zijn": a copula before the
    # word, or one that closes its clause after it ("hoeveel casussen zijn risicovol" makes
    # the word the subject); an adjective describes how they are helped ("mensen zo
    # klantvriendelijk mogelijk helpen")
    copula = not COPULAS.isdisjoint(three) or (
        after[:1] != []
        and after[0] in COPULAS
        and (len(after) == 1 or after[1] in PREDICATE_ENDS or _copula_closes(w))
    )
    # "inwoners zijn onze klanten": the writer claims them as its own, a use, not a role
    # weighed; but "Zijn inwoners onze klanten?" asks whether they are
    owned = prev[-1:] in (["onze"], ["ons"], ["hun"], ["mijn"])
    if owned and w.lower[w.end : w.sent[1]].rstrip().endswith("?"):
        owned = False
    if who and copula and deny and not owned:
        return verdict("mention.as-role", who=who)
    opening = three
    # "Een klant is iemand die betaalt"; without an article only a singular concept defines
    # ("Klantbenadering is de wijze waarop"), not "Klantmanagers zijn de mensen die u helpen"
    bare = opening == [] and after[:1] == ["is"]
    if (bare or opening in (["een"], ["de"])) and DEFINITION.match(w.lower, w.end):
        return verdict("mention.definition")
    if bare and BARE_DEFINITION.match(w.lower, w.end):
        return verdict("mention.definition")
    if opening in ([], ["een"], ["de"]) and PARTIES_DEFINED.match(w.lower, w.end):
        return verdict("mention.definition")
    if opening == [] and REFERS.match(w.lower, w.end):
        return verdict("mention.definition")
    if opening == ["een"] and CLASS_OF.match(w.lower, w.end):
        return verdict("mention.definition")
    also = ALSO_CALLED.match(text, w.end)
    if also and also.group(1)[0] == text[w.start].upper():
        return verdict("mention.naming-verb", verb="genoemd")
    lead_in = [x for x in three if x not in ARTICLES]
    preposition = lead_in[-1:]
    if (preposition == ["onder"] and _understood(w)) or (
        preposition == ["met"] and MEANT.match(w.lower, w.end)
    ):
        return verdict("mention.definition")
    if lead_in[-2:-1] and lead_in[-2] in UNDERSTANDING and preposition == ["onder"]:
        return verdict("mention.definition")  # "wordt verstaan onder product: elke roerende zaak"
    # "heeft de gemeente nou klanten, of niet?", "is de burger wel klant?": a question whether
    # a body or a person has or is the word, closing the sentence (not "heeft de gemeente
    # de klanten gebeld?": a determiner makes them people)
    rest = w.lower[w.end : w.sent[1]].rstrip()
    question = rest.endswith("?")
    # the question up to the word, read only for a question (sentences of law run long)
    asking = WORD.findall(w.lower, w.sent[0], w.start) if role and question else []
    if (
        role
        and question
        and 2 <= len(asking) <= 5
        and asking[0] in ASKING_COPULAS
        and asking[1] in GROUPS
        and _particles(asking[2:])
    ):
        # "Zijn wij klanten van de gemeente?": whether a group is what the word says (not
        # "Bent u klant bij ons?", which asks the reader)
        return verdict("mention.as-role", who=asking[1])
    bodies = next((x for x in four if x in ROLES), "") if not ROLES.isdisjoint(four) else ""
    if (
        question
        and len(WORD.findall(rest)) <= 3
        and bodies
        and not determined
        and any(x in HAVE for x in four)
    ):
        return verdict("mention.as-role", who=bodies)
    if two_before[-1:] == ["als"] or (two_before[:1] == ["als"] and is_adjective(two_before[1])):
        # "als klanten gedefinieerd"; "als klant te bejegenen", "als klant gaat benaderen":
        # the verb after "te" or an auxiliary; "als winkelende klant gezien": an adjective
        # between says what kind of customer the role is
        named = after[1:2] if after[:1] and after[0] in BEFORE_VERB else after[:1]
        verb = named[0] if named and named[0] in NAMING_VERBS else ""
        if not verb and len(two_before) == 2 and two_before[0] in NAMING_VERBS:
            verb = two_before[0]
        if not verb:
            verb = _naming_verb_earlier(w.words_before(NAMED_REACH + 1)[:-1])
        if verb:  # "als klant benaderen", "aangesproken als klant"
            return verdict("mention.as-naming", verb=verb)
    return None
