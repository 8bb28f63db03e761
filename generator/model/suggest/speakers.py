"""Who says a sentence: the person whose words or position it reports, if the briefing has them.

In order: the attribution of the quotation the sentence sits in (", he said", "said the
Adviser"); the subject of its verb of saying (a person named before the verb, "he" for the
last person named, or a role title such as "the Prime Minister" for the person whose `role`
has it); the speaker of a transcript's turn; the author of an address; the speaker of the
sentence before, when this one goes on without naming anyone. A readout's passive voice ("It
was emphasised that …") and a role title that fits no person speak for the outlet's actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.model import Actor
from generator.model.articles import Article
from generator.model.suggest import cues
from generator.model.suggest.cues import lowered
from generator.model.suggest.lexicon import Lexicon, Mention, mentions_in
from generator.model.suggest.quotations import Quotation, attribution
from generator.model.suggest.sentences import Span

if TYPE_CHECKING:
    from generator.model.suggest.reading import Memory

UNKNOWN = ""
"""The speaker of a transcript turn whose label names no person of the briefing."""
REPORTED = ("reporting verb", "quotation", "continues")
"""The cues through which a speaker carries on to the next sentence."""
SPELLING = 85
"""How alike (rapidfuzz's ratio, 0 to 100) a word and a surname are to be the same name."""
MIN_SURNAME = 6
"""Shorter words are compared with no surname: a letter apart, they are other words."""


@dataclass(frozen=True, slots=True)
class Voice:
    """Who an article speaks for: its author (a person actor), its outlet's actor and the
    person whose role the outlet names ("President of Russia (kremlin.ru)")."""

    author: str | None
    outlet: str | None
    outlet_person: str | None


@dataclass(frozen=True, slots=True)
class Seen:
    """What a sentence shows of who says it: where it is in its paragraph, the quotation it
    sits in, its words outside quotation marks and the actors it names there."""

    text: str
    span: Span
    spans: tuple[Span, ...]
    quote: Quotation | None
    outside: cues.Words
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Heard:
    """Who says a sentence, the cue that says so and its weight; `outlet_voice` when the
    outlet's actor speaks (a passive readout, a role title of no known person)."""

    speaker: str | None
    cues: tuple[str, ...] = ()
    weight: float = 0.0
    outlet_voice: bool = False


def voice_of(article: Article, lexicon: Lexicon) -> Voice:
    """The person who wrote or delivered the article, and the actor and person its outlet is."""
    author = persons_in(lexicon, article.author or "")
    outlet = article.outlet or ""
    states = [
        m.actor_id for m in mentions_in(lexicon, lowered(outlet)) if not is_person(lexicon, m)
    ]
    titled = [
        a.id for a in lexicon.actors.values() if a.role and a.role.casefold() in outlet.casefold()
    ]
    return Voice(
        author[0] if author else None,
        states[0] if states else None,
        titled[0] if len(titled) == 1 else None,
    )


def is_person(lexicon: Lexicon, mention: Mention) -> bool:
    return lexicon.actors[mention.actor_id].kind == "person"


def persons_in(lexicon: Lexicon, text: str) -> list[str]:
    """The person actors named in `text`, in order; failing that, one whose surname a word of
    `text` spells a little otherwise ("Podoliak" for Podolyak: transliterations differ)."""
    named = [m.actor_id for m in mentions_in(lexicon, lowered(text)) if is_person(lexicon, m)]
    return named or spelled_otherwise(lexicon, text)


def spelled_otherwise(lexicon: Lexicon, text: str) -> list[str]:
    """The persons whose surname is within SPELLING of a capitalised word of `text`."""
    from rapidfuzz import fuzz  # imported here: only an attribution naming no one needs it

    words = [w for w in cues.WORD.findall(text) if w[:1].isupper() and len(w) >= MIN_SURNAME]
    persons = [a for a in lexicon.actors.values() if a.kind == "person"]
    return [
        a.id
        for w in words
        for a in persons
        if fuzz.ratio(w.casefold(), a.name.split()[-1].casefold()) >= SPELLING
    ][:1]


def state_of(actor: Actor) -> str:
    """The actor a person speaks for, or the actor itself."""
    return actor.speaks_for or actor.id


def turn_speaker(lexicon: Lexicon, label: str) -> str:
    """The person a transcript label names, or UNKNOWN."""
    named = persons_in(lexicon, label)
    return named[-1] if named else UNKNOWN


def speaker_of(seen: Seen, lexicon: Lexicon, voice: Voice, memory: Memory) -> Heard:
    """Who says a sentence, and how that shows."""
    if seen.quote is not None:
        said_by = attribution(seen.text, seen.quote, seen.spans)
        speaker = quoted_speaker(lexicon, said_by, voice, memory)
        return Heard(speaker, ("quotation",), 2.0 if speaker else 1.0)
    reported = reported_speaker(seen, lexicon, voice, memory)
    if memory.turn == UNKNOWN:  # an interviewer's question, an aide's briefing
        return reported if reported and reported.speaker else Heard(None, weight=-3.0)
    if reported is not None:
        return reported
    if memory.turn:
        return Heard(memory.turn, ("own voice",), 1.5)
    if voice.author and not any(m.subject and is_person(lexicon, m) for m in seen.mentions):
        first = cues.is_first_person(seen.outside)
        return Heard(voice.author, ("own voice",), 1.5 if first else 0.75)
    return continued(seen, lexicon, memory)


def reported_speaker(seen: Seen, lexicon: Lexicon, voice: Voice, memory: Memory) -> Heard | None:
    """The speaker of a sentence with a verb of saying; None when it has none, or one with no
    one to say it."""
    verb_at = cues.reporting_at(seen.outside)
    if verb_at is None:
        return None
    mentions = seen.mentions
    persons = [m for m in mentions if is_person(lexicon, m)]
    before = [m.actor_id for m in persons if m.start < verb_at]
    passive = cues.is_passive(seen.outside)
    speaker = before[0] if before else None
    if speaker is None and cues.has_pronoun_subject(seen.outside):
        speaker = memory.last_person
    title = cues.role_title(seen.outside.text)
    if speaker is None and title:
        speaker = by_title(lexicon, title, voice, memory)
    if speaker is None and not passive and not title and persons:
        speaker = persons[0].actor_id
    if speaker is None and not (mentions or passive or title):
        return None
    outlet_voice = speaker is None and (
        passive or (title is not None and not foreign(lexicon, title))
    )
    return Heard(speaker, ("reporting verb",), 3.0 if passive else 2.0, outlet_voice)


def continued(seen: Seen, lexicon: Lexicon, memory: Memory) -> Heard:
    """The speaker of the sentence before, when that one reported someone's words and this one
    goes on from it ("These include …", "However, …") or speaks in the first person, without
    naming a new subject."""
    previous = memory.previous
    if previous is None or previous.speaker is None or not set(previous.cues) & set(REPORTED):
        return Heard(None)
    named = any(m.subject and is_person(lexicon, m) for m in seen.mentions)
    # A sentence in the first person after someone's reported words is theirs: a source
    # that lost its quotation marks ("According to him, … . We do not discuss …").
    first = cues.is_first_person(seen.outside)
    if named or not (cues.goes_on(seen.outside) or first):
        return Heard(None)
    return Heard(previous.speaker, ("continues",), 1.5 if first else 1.0)


def quoted_speaker(lexicon: Lexicon, said_by: str, voice: Voice, memory: Memory) -> str | None:
    """Whose words a quotation is, from its attribution."""
    named = persons_in(lexicon, said_by)
    if named:
        return named[0]
    words = cues.Words.of(said_by)
    if cues.has_pronoun_subject(words) or {"he", "she"} & set(words.lower):
        return memory.last_person
    title = cues.role_title(said_by)
    if title:
        return by_title(lexicon, title, voice, memory)
    return memory.turn or voice.author


def by_title(lexicon: Lexicon, title: cues.Title, voice: Voice, memory: Memory) -> str | None:
    """The person a role title stands for: the one whose role has its office (of the state it
    names, if it names one); of several, the outlet's own person, the one of the outlet's
    actor, or the last person named."""
    holders = holding(lexicon, f"{title.office} of {title.of}" if title.of else title.office)
    if not holders and title.of:  # "the President of the Russian Federation": Russia's president
        state = named_state(lexicon, title.of)
        holders = [a for a in holding(lexicon, title.office) if state_of(a) == state]
    ids = [a.id for a in holders]
    if len(ids) <= 1:
        return ids[0] if ids else None
    if voice.outlet_person in ids:
        return voice.outlet_person
    of_outlet = [a.id for a in holders if state_of(a) == voice.outlet]
    if len(of_outlet) == 1:
        return of_outlet[0]
    return memory.last_person if memory.last_person in ids else None


def holding(lexicon: Lexicon, office: str) -> list[Actor]:
    """The persons whose role has `office` (lower case) in it."""
    return [a for a in lexicon.actors.values() if a.role and office in a.role.casefold()]


def named_state(lexicon: Lexicon, name: str) -> str | None:
    """The actor (not a person) that `name` names ("France", "Russian"), if the briefing has it."""
    found = [m.actor_id for m in mentions_in(lexicon, lowered(name)) if not is_person(lexicon, m)]
    return found[0] if found else None


def foreign(lexicon: Lexicon, title: cues.Title | None) -> bool:
    """Whether a role title names a state the briefing does not have ("the President of
    France", in a briefing without France): its holder speaks for no actor of it."""
    if title is None or not title.of:
        return False
    return named_state(lexicon, title.of) is None and not holding(lexicon, title.of.casefold())
