"""What the suggester knows of the briefing: the names of its actors and the words of its issues.

An actor is found by its name, its aliases and, for a person, the last word of the name; a
person stands for the actor it speaks for too. An issue is found by its aliases (strong) and
by the words of its title and question (weaker, each weighed by how few issues share it:
"guarantees" points at one issue, "peace" at several). All names go into one Aho–Corasick
automaton, as for mentions, so a sentence is read once whatever the size of the briefing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.model import Actor, Briefing, Issue
from generator.model.mentions import build_automaton, is_boundary
from generator.model.suggest.cues import WORD, forms

STOP_WORDS = forms(
    """a about after against all also an and any are as at be been before being between both but
    by can could did do does for from had has have how if in into is it its itself made main
    mainly more most much must not now of on only or other our out over own rather should so
    some such than that the their them then there these they this those through to under up
    upon very was were what when where whether which while who whom why will with within would
    agree agreed accepted adopt give given part basis allowed terms whose"""
)
"""Words of a question that say nothing of what it is about."""


ALIAS = 4.0
"""What an alias of an issue found in a sentence counts, against its words' weights (0.3 to 2.6)."""
PREFIX = 3
POSSESSIVE = ("'s", "\u2019s")
OBJECT_WORDS = forms(
    """in into to for on at against with from toward towards of over about within across inside
    near beyond upon onto among between around through under without"""
)
"""Words after which a name is the object of a sentence, not who holds a position."""


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named at characters [start, end) of a text; `subject` unless a preposition
    comes before it ("in Ukraine", "for Kyiv"), but a possessive is ("from Moscow's view")."""

    start: int
    end: int
    actor_id: str
    subject: bool = True


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The briefing's actors and issues, ready to be found in sentences."""

    actors: Mapping[str, Actor]
    names: Any
    """The automaton of every actor name: lower-cased name → (length, actor ids)."""
    aliases: Any
    """The automaton of every issue alias: lower-cased alias → (length, issue ids)."""
    words: Mapping[str, Mapping[str, float]]
    """Stem of a question word → issue id → its weight."""
    starts: frozenset[str]
    """The first PREFIX letters of those stems: a word that starts otherwise has none of them,
    and is not stemmed (a stem keeps its word's first letters)."""


def lexicon_of(briefing: Briefing) -> Lexicon:
    """The lexicon of a briefing, built once for all its articles."""
    actor_names = {("actor", a.id): actor_names_of(a) for a in briefing.actors}
    issue_aliases = {("issue", i.id): (*i.aliases,) for i in briefing.issues}
    words = question_words(briefing.issues, briefing.actors)
    add_position_words(words, briefing)
    return Lexicon(
        actors=briefing.actor_by_id,
        names=build_automaton(actor_names),
        aliases=build_automaton(issue_aliases),
        words=words,
        starts=frozenset(s[:PREFIX] for s in words),
    )


def actor_names_of(actor: Actor) -> tuple[str, ...]:
    """An actor's name and aliases, a person's surname and a state's adjective."""
    extra = actor.name.split()[-1] if actor.kind == "person" else demonym(actor)
    names = (actor.name, *actor.aliases)
    return (*names, extra) if len(extra) > 2 else names


def demonym(actor: Actor) -> str:
    """A state's adjective of the commonest English forms: Russia → Russian, Ukraine →
    Ukrainian ("the Russian side", "the Ukrainian delegation"); '' for other names."""
    name = actor.name
    if actor.kind != "state" or " " in name:
        return ""
    if name.endswith("a"):
        return name + "n"
    return name[:-1] + "ian" if name.endswith("e") else ""


def question_words(issues: Iterable[Issue], actors: Iterable[Actor]) -> dict[str, dict[str, float]]:
    """Stem → issue → weight: the words of each issue's aliases, title and question, weighed by
    the inverse of how many issues use them, and halved but for key words: a one-word alias,
    or a word of two of its aliases ('guarantees' of "security guarantees" and "guarantees of
    security"). A question's other words, and those of a longer alias alone, are more often
    general ones ('side', 'process', 'military'). Actors' names and stop words are left out."""
    issues = tuple(issues)
    named = {stem(w) for a in actors for name in actor_names_of(a) for w in WORD.findall(name)}
    keys = {i.id: key_stems(i.aliases) - named for i in issues}
    used = {
        i.id: content_stems(" ".join((i.title, i.question, *i.aliases))) - named for i in issues
    }
    shared = Counter(s for stems in used.values() for s in stems)
    table: dict[str, dict[str, float]] = {}
    for issue_id, stems in used.items():
        for s in stems:
            weight = math.log(1 + len(used) / shared[s])
            table.setdefault(s, {})[issue_id] = weight if s in keys[issue_id] else weight / 2
    return table


KNOWN = 0.25
"""What a word of an issue's positions counts, against the same word of its question."""
RECURRING = 2
"""A word of an issue's positions counts when this many of its summaries and quotes use it."""
FEW_ISSUES = 0.34
"""A word of the positions of more than this share of the issues (a third) is left out."""


def add_position_words(table: dict[str, dict[str, float]], briefing: Briefing) -> None:
    """Add to `table` the words the briefing's positions on each issue share (their summaries
    and quotes, RECURRING at least), weighed as question words are and by KNOWN: words of an
    issue's evidence are words of that issue."""
    named = {stem(w) for a in briefing.actors for n in actor_names_of(a) for w in WORD.findall(n)}
    texts: dict[str, list[str]] = {}
    for p in briefing.positions:
        texts.setdefault(p.issue_id, []).extend((p.summary, *(e.quote for e in p.evidence)))
    counted = {
        issue: Counter(s for text in written for s in content_stems(text) - named)
        for issue, written in texts.items()
    }
    used = {i: {s for s, n in c.items() if n >= RECURRING} for i, c in counted.items()}
    shared = Counter(s for stems in used.values() for s in stems)
    issues = len(briefing.issues)
    for issue_id, stems in used.items():
        for s in stems:
            if shared[s] > max(1, issues * FEW_ISSUES):
                continue  # a word of many issues' positions says little of any one
            weight = KNOWN * math.log(1 + issues / shared[s])
            by_issue = table.setdefault(s, {})
            by_issue[issue_id] = max(by_issue.get(issue_id, 0.0), weight)


def key_stems(aliases: Iterable[str]) -> set[str]:
    """The stems of one-word aliases, and those shared by two aliases or more."""
    counted = Counter(s for alias in aliases for s in content_stems(alias))
    single = {s for alias in aliases if len(WORD.findall(alias)) == 1 for s in content_stems(alias)}
    return single | {s for s, n in counted.items() if n > 1}


def content_stems(text: str) -> set[str]:
    """The stems of the words of `text` that carry meaning."""
    words = (w.casefold() for w in WORD.findall(text))
    return {stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS}


@cache
def stem(word: str) -> str:
    """The English Snowball stem of a word: 'neutral' and 'neutrality', 'territory' and
    'territories' are one."""
    stemmed: str = stemmer().stem(word.casefold().removesuffix("'s"))
    return stemmed


@cache
def stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def found(automaton: Any, low: str) -> Iterable[tuple[int, int, frozenset[tuple[str, str]]]]:
    """(start, end, keys) of every whole-word name of `automaton` in lower-cased `low`."""
    if automaton is None:
        return
    for last, (length, keys) in automaton.iter(low):
        start = last - length + 1
        if is_boundary(low, start - 1) and is_boundary(low, last + 1):
            yield start, last + 1, keys


def mentions_in(lexicon: Lexicon, low: str) -> tuple[Mention, ...]:
    """The actors named in lower-cased `low`, in order; a name inside a longer one is dropped."""
    spans = sorted(
        ((start, -end, key[1]) for start, end, keys in found(lexicon.names, low) for key in keys)
    )
    kept: list[Mention] = []
    for start, negative_end, actor_id in spans:
        if kept and start < kept[-1].end and actor_id != kept[-1].actor_id:
            continue  # "Russian Federation" holds no second name
        if not kept or start >= kept[-1].end:
            end = -negative_end
            subject = low.startswith(POSSESSIVE, end) or not after_object_word(low, start)
            kept.append(Mention(start, end, actor_id, subject))
    return tuple(kept)


def parts(word: str) -> list[str]:
    """A word, and the parts of a hyphenated one ("non-expansion": "expansion" too)."""
    return [word, *word.split("-")] if "-" in word else [word]


def after_object_word(low: str, start: int) -> bool:
    """Whether the word before `start` (skipping 'the') is a preposition."""
    words = WORD.findall(low[max(0, start - 24) : start])
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and words[-1] in OBJECT_WORDS


def issue_scores(lexicon: Lexicon, low: str, words: Iterable[tuple[int, str]]) -> dict[str, float]:
    """Issue → how strongly lower-cased `low` is about it: ALIAS per alias, plus the weights of
    its question words among `words` ((offset, word) pairs, those that are not part of a
    name), but the words of the aliases found, which count once, as aliases."""
    scores: dict[str, float] = {}
    covered: list[tuple[int, int]] = []
    for start, end, keys in found(lexicon.aliases, low):
        covered.append((start, end))
        for _, issue_id in keys:
            scores[issue_id] = scores.get(issue_id, 0.0) + ALIAS
    table, starts = lexicon.words, lexicon.starts
    likely = (
        stem(part)
        for at, word in words
        for part in parts(word)
        if part[:PREFIX] in starts and not any(a <= at < b for a, b in covered)
    )
    for s in dict.fromkeys(likely):  # in order: the sums are the same every run
        for issue_id, weight in table.get(s, {}).items():
            scores[issue_id] = scores.get(issue_id, 0.0) + weight
    return scores
