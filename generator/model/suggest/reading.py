"""An article read sentence by sentence: each sentence's cues, speaker, actors and issues.

Reading goes in order and remembers what a reader remembers: the last person named (for "he
stressed", "According to him"), the speaker of a transcript's current turn (from its label),
the quotation a sentence sits in and the attribution that closes it, and the sentence before
(a sentence that goes on with "These include …" keeps its speaker, one that names nobody its
actors, and what it is about counts a little).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.articles import Article, Paragraph
from generator.model.suggest import cues
from generator.model.suggest.lexicon import Lexicon, Mention, issue_scores, mentions_in
from generator.model.suggest.quotations import Quotation, quotations
from generator.model.suggest.sentences import Span, sentence_spans
from generator.model.suggest.speakers import (
    Heard,
    Seen,
    Voice,
    is_person,
    speaker_of,
    state_of,
    turn_speaker,
    voice_of,
)

CONTEXT = 0.3
"""How much the sentence before, and the heading above, count towards a sentence's issues."""
TRUST = {
    "speaker": 1.0,
    "named state": 0.85,
    "outlet": 0.9,
    "subject": 0.8,
    "speaker's state": 0.6,
    "subject's state": 0.5,
    "before": 0.7,
    "object": 0.3,
}
"""How likely an actor is the one whose position a sentence shows, by how the sentence
involves it (the speaker, the state the speaker speaks for, a subject, an object …)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article as the suggester reads it."""

    paragraph: int
    start: int
    end: int
    text: str
    cues: tuple[str, ...]
    weight: float
    """How strongly the sentence's cues mark it as someone's position."""
    speaker: str | None
    actors: tuple[str, ...]
    """The actors it may be evidence for, the likeliest first."""
    trust: tuple[float, ...]
    """How likely each of `actors` is the one whose position the sentence shows (0 to 1)."""
    states: tuple[str, ...]
    """The actor each of `actors` speaks for (a person's state; a state itself)."""
    issues: dict[str, float]
    """Issue → how strongly the sentence is about it, the sentences around counting a little."""
    own: float
    """How strongly the sentence itself is about its likeliest issue, without the context."""
    best: float
    """How strongly it is about its likeliest issue, with the context."""


@dataclass(slots=True)
class Memory:
    """What reading remembers from one sentence to the next."""

    last_person: str | None = None
    turn: str | None = None
    """The speaker of the transcript turn under way (speakers.UNKNOWN: one the briefing lacks)."""
    previous: Sentence | None = None
    heading: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph being read: its text, its sentences and its quotations."""

    paragraph: Paragraph
    spans: tuple[Span, ...]
    marks: tuple[Quotation, ...]


def read_article(article: Article, lexicon: Lexicon) -> tuple[Sentence, ...]:
    """Every sentence of the article's paragraphs, in order; headings are context."""
    voice = voice_of(article, lexicon)
    memory = Memory()
    read: list[Sentence] = []
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading":
            heading = cues.Words.of(paragraph.text)
            memory.heading = issue_scores(lexicon, heading.low, heading.common())
            continue
        text = paragraph.text
        passage = Passage(paragraph, sentence_spans(text), quotations(text))
        for span in passage.spans:
            sentence = read_sentence(passage, span, lexicon, voice, memory)
            read.append(sentence)
            memory.previous = sentence
    return tuple(read)


def read_sentence(
    passage: Passage, span: Span, lexicon: Lexicon, voice: Voice, memory: Memory
) -> Sentence:
    """One sentence, read with what came before it."""
    text = passage.paragraph.text
    start, end = span
    label = cues.label_of(text[start:end])
    if label is not None:
        memory.turn = turn_speaker(lexicon, label.group(1))
        start += label.end()
    quote = next((q for q in passage.marks if q.holds((start, end))), None)
    words = cues.Words.of(text[start:end])
    inside = [q for q in passage.marks if q.start < end and start < q.end]
    outside = cues.Words.of(blanked(text, start, end, inside)) if inside else words
    mentions = mentions_in(lexicon, outside.low) if outside.lower else ()
    seen = Seen(text, (start, end), passage.spans, quote, outside, mentions)
    heard = speaker_of(seen, lexicon, voice, memory)
    persons = [m.actor_id for m in mentions if m.subject and is_person(lexicon, m)]
    if heard.speaker or persons:
        memory.last_person = persons[-1] if persons else heard.speaker
    found, weight = other_cues(words, outside, bool(mentions))
    own = issue_scores(lexicon, words.low, words.common())
    issues = with_context(own, memory)
    quoted = mentions_in(lexicon, words.low) if inside and words.lower else mentions
    named = frozenset(m.actor_id for m in quoted if m.subject)
    actors = actors_of(lexicon, seen, heard, named, voice, memory)
    return Sentence(
        passage.paragraph.number,
        start,
        end,
        words.text,
        tuple(dict.fromkeys((*heard.cues, *found))),
        heard.weight + weight,
        heard.speaker,
        tuple(actors),
        tuple(actors.values()),
        tuple(state_of(lexicon.actors[a]) for a in actors),
        issues,
        max(own.values(), default=0.0),
        max(issues.values(), default=0.0),
    )


def blanked(text: str, start: int, end: int, marks: list[Quotation]) -> str:
    """The sentence with the words inside quotation marks blanked out, offsets kept."""
    chars = list(text[start:end])
    for q in marks:
        for i in range(max(q.start, start), min(q.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def other_cues(words: cues.Words, outside: cues.Words, names: bool) -> tuple[list[str], float]:
    """The cues a sentence has besides who says it (stance words, framing a named actor's
    position), and what they, a question and shortness add to its weight."""
    found: list[str] = []
    weight = 0.0
    stance = cues.stance_count(words)
    if stance:
        found.append("stance")
        weight += min(2.0, 0.75 * stance)
    if names and cues.has_framing(outside):
        found.append("framing")
        weight += 1.0
    if cues.is_commitment(words):
        found.append("commitment")
        weight += 1.0
    if cues.is_question(words.text):
        weight -= 1.5
    if len(words.lower) < 6:
        weight -= 1.5
    return found, weight


def actors_of(
    lexicon: Lexicon,
    seen: Seen,
    heard: Heard,
    named: frozenset[str],
    voice: Voice,
    memory: Memory,
) -> dict[str, float]:
    """The actors a sentence may be evidence for, each with how likely it is (TRUST), likeliest
    first: its speaker, and the actor they speak for (likelier when the sentence names it as a
    subject, in quotation marks or not, `named`: "Zelensky said that Ukraine is ready", '"The
    Ukrainian side is ready," Vereshchuk said'); the outlet's actor when the readout speaks
    in its own voice; the actors it names as subjects; the actors of the sentence before when
    it names none; then the actors it names after a preposition."""
    found: dict[str, float] = {}

    def add(actor_id: str, trust: float) -> None:
        found[actor_id] = max(trust, found.get(actor_id, 0.0))

    speaker, mentions = heard.speaker, seen.mentions
    subjects = [m.actor_id for m in framing_first(mentions, seen.outside) if m.subject]
    if speaker:
        add(speaker, TRUST["speaker"])
        state = state_of(lexicon.actors[speaker])
        add(state, TRUST["named state" if state in named else "speaker's state"])
    if heard.outlet_voice and voice.outlet:
        add(voice.outlet, TRUST["outlet"])
    for rank, actor_id in enumerate(subjects):
        add(actor_id, TRUST["subject"] - 0.1 * min(rank, 2))
        add(state_of(lexicon.actors[actor_id]), TRUST["subject's state"])
    if not speaker and not subjects and memory.previous is not None:
        before = memory.previous
        for actor_id, trust in zip(before.actors[:2], before.trust, strict=False):
            add(actor_id, TRUST["before"] * trust)
    for m in mentions:
        add(m.actor_id, TRUST["object"])
        add(state_of(lexicon.actors[m.actor_id]), TRUST["object"] / 2)
    return dict(sorted(found.items(), key=lambda item: -item[1]))


def framing_first(mentions: tuple[Mention, ...], outside: cues.Words) -> list[Mention]:
    """The mentions, those whose possessive frames a position first ("in the Kremlin's view",
    "Russia's demands")."""
    framed = [m for m in mentions if cues.frames(outside, m.end)]
    return [*framed, *(m for m in mentions if m not in framed)]


def with_context(own: dict[str, float], memory: Memory) -> dict[str, float]:
    """How strongly a sentence is about each issue, given how strongly it is itself: the
    sentence before and the heading above count a little (CONTEXT)."""
    issues = dict(own)
    before = memory.previous.issues if memory.previous else {}
    for context in (before, memory.heading):
        for issue_id, score in context.items():
            issues[issue_id] = issues.get(issue_id, 0.0) + CONTEXT * score
    return issues
