"""The words that mark a sentence as evidence of a position, as English vocabularies.

Most evidence in news and readouts is reported speech ("Podolyak stressed that …") or the
journalist's framing ("From Moscow's perspective, …"), less often words in quotation marks.
The cues: verbs of saying, words of stance, nouns of a framed position, the readout's passive
voice ("It was emphasised that …"), the first person of an address, transcript speaker labels
("Vladimir Putin: …"), role titles standing for a name ("the Prime Minister said") and words
that carry a sentence on from the one before ("These include …"). A sentence is read as words
once (`Words`); the vocabularies are sets of words and of two-word phrases, in lower case.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass


def forms(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


REPORTING = forms(
    """say says said saying state states stated stating statement note notes noted noting
    stress stresses stressed stressing emphasise emphasises emphasised emphasising emphasize
    emphasizes emphasized emphasizing underline underlines underlined underscore underscores
    underscored added adds announce announces announced declare declares declared told tells
    remind reminds reminded explain explains explained assert asserts asserted asserting insist
    insists insisted insisting reiterate reiterates reiterated reaffirm reaffirms reaffirmed
    affirm affirmed remarked indicated indicates referenced expressed expresses expressing
    voiced urged urges urging warned warns claimed claims confirmed confirms outlined described
    informed recalled appealed believes believed convinced spoke speaking proposed proposes
    suggested suggests argued argues wrote replied answered commented mentioned highlighted
    acknowledged assured reiterating"""
)
"""Verbs of saying: someone's words are being reported."""
REPORTING_PHRASES = frozenset(
    {
        ("according", "to"),
        ("pointed", "out"),
        ("points", "out"),
        ("referred", "to"),
        ("called", "on"),
        ("called", "for"),
        ("calls", "on"),
        ("calls", "for"),
        ("summed", "up"),
        ("his", "opinion"),
        ("her", "opinion"),
        ("his", "view"),
        ("her", "view"),
        ("his", "assessment"),
    }
)
STANCE = forms(
    """reject rejects rejected rejecting dismiss dismisses dismissed welcome welcomes welcomed
    welcoming support supports supported supporting oppose opposes opposed opposing back backs
    backed condemn condemns condemned demand demands demanded seek seeks seeking sought refuse
    refuses refused refusing accept accepts accepted unacceptable agree agrees agreed agreement
    want wants wanted need needs needed must ready willing readiness impossible inviolable
    pressing pressure criticised criticized criticises criticizes thank thanks thanked
    conditioned committed determined cannot never intention threat threaten threatens hope
    hopes hoped expect expects expected favour favor concern concerned priority insist insists
    insisted call urge"""
)
"""Words that say what someone holds, wants or refuses."""
STANCE_PHRASES = frozenset({("rule", "out"), ("ruled", "out"), ("rules", "out"), ("open", "to")})
FRAMING = forms(
    """perspective view viewing views stance position eyes opinion approach requirement
    demands objectives interest interests goal"""
)
"""Nouns of a framed position ("from Moscow's perspective", "Russia's demands")."""
PASSIVE_AUXILIARIES = forms("was were been is are")
PASSIVE_VERBS = forms(
    """emphasised emphasized stressed noted expressed underlined underscored confirmed
    reaffirmed drawn voiced stated reiterated agreed discussed welcomed"""
)
"""The readout's own voice: "It was emphasised that …", "Hope was expressed …"."""
FIRST_PERSON = forms("I we our ours us my me I'm we're we've I've We Our Us My Me We're We've")
"""The first person of an address or of a transcript's speaker (in the case it is written:
'US' is a state)."""
COMMITMENT = forms(
    """will would shall should must need want ready willing insist demand propose call urge
    agree agreed expect hope favor favour not never cannot can't won't don't do interested
    against support oppose reject guarantee offer believe consider count"""
)
"""Words that, close after 'I' or 'we', make a sentence a commitment or a demand ("We will
guarantee …", "We are not afraid …", "I am in favor of …")."""
FIRST_SUBJECTS = forms("i we")
GOES_ON = forms(
    """these this that those they it such however but and also moreover furthermore therefore
    thus meanwhile otherwise besides nevertheless instead accordingly consequently first second
    third finally"""
)
"""First words of a sentence that goes on from the one before rather than naming a new subject."""

WORD = re.compile(r"[^\W\d_][\w'-]*")
LABEL = re.compile(r"^([A-Z][\w'.-]*(?: (?:of|the|to|[A-Z][\w'.-]*)){0,10}):\s+(?=\S)")
"""A transcript speaker label opening a sentence: "President of Russia Vladimir Putin: "."""
OFFICES = (
    r"[Pp]rime [Mm]inister|[Dd]eputy [Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|[Mm]inister"
    r"|[Ss]ecretary(?: of [Ss]tate)?|[Pp]resident|[Aa]dviser|[Cc]hancellor"
    r"|[Ss]pokes(?:person|man|woman)|[Hh]ead of [Ss]tate"
)
ROLE_TITLE = re.compile(
    rf"\b[Tt]he (?:(?!Prime |Deputy |Foreign )([A-Z][a-z]+) )?({OFFICES})"
    r"(?: of (?:the )?([A-Z][\w'-]*(?: [A-Z][\w'-]*)*))?"
    r"|\b[Tt]he ([Hh]ead) of the ([A-Z]\w+) state\b"
)
"""A role title standing for a person's name: "the Prime Minister", "The Russian president",
"the President of France", "the Head of the Ukrainian state"."""
SYNONYMS = {"head of state": "president", "head": "president"}
"""Offices that name another office: the head of state of the briefing's states is their
president."""


@dataclass(frozen=True, slots=True)
class Title:
    """A role title: its office ("prime minister", lower case) and the state it names, if any,
    as written ("France", "Russian")."""

    office: str
    of: str


QUESTION = re.compile(r"\?[\"'\u201d\u2019)]*$")


def lowered(text: str) -> str:
    """`text` in lower case, character for character, so that offsets stay the same."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True, slots=True)
class Words:
    """A sentence (or the part of it outside quotation marks) as its words: in lower case, and
    as written; where each starts is worked out only when asked (`offset`)."""

    text: str
    low: str
    """The text in lower case, character for character."""
    lower: tuple[str, ...]
    written: tuple[str, ...]

    @staticmethod
    def of(text: str) -> Words:
        low = lowered(text)
        return Words(text, low, tuple(WORD.findall(low)), tuple(WORD.findall(text)))

    def offset(self, index: int) -> int:
        """Where the word at `index` starts."""
        return next(itertools.islice(WORD.finditer(self.low), index, None)).start()

    def after(self, offset: int) -> list[str]:
        """The words (lower case) that start after `offset`."""
        return WORD.findall(self.low, offset + 1)

    def common(self) -> list[tuple[int, str]]:
        """(offset, word in lower case) of each word but those written with a capital inside
        the sentence ("the UN Security Council"): they are parts of names."""
        found = WORD.finditer(self.text)
        low = self.low
        return [
            (m.start(), low[m.start() : m.end()])
            for index, m in enumerate(found)
            if index == 0 or not m.group()[:1].isupper() or m.group().isupper()
        ]


def reporting_at(words: Words) -> int | None:
    """The offset of the first verb (or phrase) of saying, if any."""
    low = words.lower
    for index, word in enumerate(low):
        if word in REPORTING or low[index : index + 2] in REPORTING_PHRASES:
            return words.offset(index)
        if word == "in" and low[index + 1 : index + 3] in REPORTING_PHRASES:
            return words.offset(index)
    return None


def stance_count(words: Words) -> int:
    """How many words (and phrases) of stance the sentence has."""
    low = words.lower
    pairs = sum(pair in STANCE_PHRASES for pair in itertools.pairwise(low))
    return pairs + sum(word in STANCE for word in low)


def has_framing(words: Words) -> bool:
    return any(word in FRAMING for word in words.lower)


def frames(words: Words, end: int) -> bool:
    """Whether the name ending at offset `end` is a possessive followed, within two words, by
    a noun of a framed position ("Moscow's perspective", "Russia's security demands")."""
    if not words.text.startswith(("'s", "\u2019s"), end):
        return False
    following = words.after(end)[:3]
    return bool(FRAMING.intersection(following[1:] if following[:1] == ["s"] else following))


def is_passive(words: Words) -> bool:
    """Whether the sentence reports in the readout's passive voice: 'was' or 'were' (or 'is',
    'has been' …) and, at most two words on, a verb of saying ("it was also emphasised")."""
    low = words.lower
    return any(
        word in PASSIVE_AUXILIARIES and PASSIVE_VERBS.intersection(low[index + 1 : index + 4])
        for index, word in enumerate(low)
    )


def is_first_person(words: Words) -> bool:
    return any(word in FIRST_PERSON for word in words.written)


def is_commitment(words: Words) -> bool:
    """Whether 'I' or 'we' is followed within three words by a word of commitment."""
    low = words.lower
    return any(
        word in FIRST_SUBJECTS and COMMITMENT.intersection(low[index + 1 : index + 4])
        for index, word in enumerate(low)
    )


def has_pronoun_subject(words: Words) -> bool:
    """Whether the speaker of the sentence is a pronoun: it opens with 'he' or 'she' (after a
    word or two: 'At the same time, he …'), or says 'according to him', 'in his opinion'."""
    low = words.lower
    if any(word in ("he", "she") for word in low[:5]):
        return True
    return any(
        low[i : i + 2] in {("to", "him"), ("to", "her"), ("his", "opinion"), ("her", "opinion")}
        for i in range(len(low) - 1)
    )


def goes_on(words: Words) -> bool:
    """Whether the sentence continues the one before ("These include …", "However, …")."""
    return bool(words.lower) and words.lower[0] in GOES_ON


def is_question(text: str) -> bool:
    return QUESTION.search(text.rstrip()) is not None


def label_of(text: str) -> re.Match[str] | None:
    """The speaker label opening `text`, if any."""
    return LABEL.match(text)


def role_title(text: str) -> Title | None:
    """The first role title `text` uses for a person, if any."""
    found = ROLE_TITLE.search(text)
    if found is None:
        return None
    adjective, office, qualifier, head, state = found.groups()
    office = (office or head).casefold()
    return Title(SYNONYMS.get(office, office), qualifier or adjective or state or "")
