"""From sentences read to suggestions: which sentences, for which actors and issues, ranked.

A sentence is a candidate when a cue marks it as someone's position, it names or speaks for an
actor and it is about an issue. Its score weighs its cues (CUE_WEIGHT) and how strongly it is
about its issue (ISSUE_WEIGHT, on a log scale: the tenth mention of an issue's words adds less
than the first). Each candidate is suggested for its likeliest actor and issue, and for other
pairs of its actors and issues whose score is within MARGIN of that one, PAIRS in all at most:
a pair's score is the sentence's, less ACTOR_WEIGHT times the log of how likely the actor is
(`Sentence.trust`) and ISSUE_WEIGHT_PAIR times the log of how strongly the sentence is about the
issue against its likeliest one. A person's pair comes with that of the state it speaks for on
the same issue, whatever that one's score, as analysts file a minister's words under the state
too. So a sentence whose speaker and issue are plain is suggested for the speaker and the
speaker's state, and an uncertain one for the two or three likeliest readings.

An article gets a budget of suggestions (`Ranking.budget`), spent best first over all its
candidates' pairs (`within`): a pair the briefing already holds a position on counts a little
more (`Prior`), and each further pair of a sentence already kept SECOND less, so that the budget
covers several sentences before it doubles up on one.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.model.suggest.prior import Prior
from generator.model.suggest.reading import Sentence

CUE_WEIGHT = 1.5
ISSUE_WEIGHT = 2.0
MIN_SCORE = 3.0
"""A candidate scoring less is not suggested."""
MIN_ISSUE = 1.0
"""An issue a sentence is less about is not suggested for it."""
ISSUE_SHARE = 0.3
"""An issue less than this share as strong as a sentence's likeliest one is not suggested."""
STRONG = 3.0
"""Cues that weigh as much let a sentence rest on the issue of the sentences around it."""
MAX_ISSUES = 3
PAIRS = 3
MARGIN = 1.0
ACTOR_WEIGHT = 4.0
ISSUE_WEIGHT_PAIR = 1.0
SECOND = 0.5
"""What each suggestion of a sentence already kept takes off the worth of its next one."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence of an article suggested as evidence of an actor's position on an issue."""

    article_id: str
    paragraph: int
    start: int
    end: int
    quote: str
    actor_id: str
    issue_id: str
    speaker_id: str | None
    cues: tuple[str, ...]
    score: float

    @property
    def id(self) -> str:
        """A short id that stays the same for the same suggestion, to dismiss it by."""
        key = "\n".join((self.article_id, self.actor_id, self.issue_id, self.quote))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


Unwanted = Callable[[Suggestion], bool]
"""Whether a suggestion is already cited or dismissed."""


@dataclass(frozen=True, slots=True)
class Ranking:
    """What ranking an article's sentences needs besides them."""

    article_id: str
    unwanted: Unwanted
    prior: Prior
    budget: int
    """How many suggestions the article gets at most."""


def rank(sentences: Sequence[Sentence], ranking: Ranking) -> tuple[Suggestion, ...]:
    """The article's suggestions, best first, `ranking.budget` at most; none that
    `ranking.unwanted` rejects."""
    scored = ((score(s), s) for s in sentences if is_candidate(s))
    made = [
        suggestion
        for value, sentence in scored
        if value >= MIN_SCORE
        for suggestion in pairs_of(sentence, value, ranking)
        if not ranking.unwanted(suggestion)
    ]
    return tuple(sorted(within(made, ranking.budget, ranking.prior), key=order))


def within(made: list[Suggestion], budget: int, prior: Prior) -> list[Suggestion]:
    """The `budget` best of an article's suggestions: by score, plus what the briefing's
    positions add to a pair (`Prior.bonus`), less SECOND for each suggestion of the same
    sentence already kept, so that the budget spreads over sentences before it doubles up."""
    pool = sorted(made, key=order)
    kept: list[Suggestion] = []
    taken: Counter[tuple[int, int]] = Counter()

    def worth(s: Suggestion) -> float:
        return s.score + prior.bonus(s.actor_id, s.issue_id) - SECOND * taken[s.paragraph, s.start]

    while pool and len(kept) < budget:
        best = max(pool, key=worth)  # the first of equals: `pool` is in order
        pool.remove(best)
        kept.append(best)
        taken[best.paragraph, best.start] += 1
    return kept


def is_candidate(sentence: Sentence) -> bool:
    """A sentence with a cue and an actor, about an issue in its own words, or, when its cues
    are strong (STRONG), in those of the sentences around it ("We call on them to keep the
    promise," after a sentence on the corridor)."""
    if not sentence.cues or not sentence.actors:
        return False
    return sentence.own >= MIN_ISSUE or (sentence.weight >= STRONG and sentence.best >= 2)


def score(sentence: Sentence) -> float:
    return CUE_WEIGHT * sentence.weight + ISSUE_WEIGHT * math.log1p(sentence.best)


def issues_of(sentence: Sentence) -> list[str]:
    """The issues a sentence may be suggested for, likeliest first: those at least
    ISSUE_SHARE as strong as the strongest."""
    best = sentence.best
    strong = [i for i, v in sentence.issues.items() if v >= max(MIN_ISSUE, best * ISSUE_SHARE)]
    return sorted(strong, key=lambda i: (-sentence.issues[i], i))[:MAX_ISSUES]


def pairs_of(sentence: Sentence, value: float, ranking: Ranking) -> list[Suggestion]:
    """The sentence suggested for its likeliest readings (`readings`), best first."""
    return [
        Suggestion(
            ranking.article_id,
            sentence.paragraph,
            sentence.start,
            sentence.end,
            sentence.text,
            actor_id,
            issue_id,
            sentence.speaker,
            sentence.cues,
            pair_score,
        )
        for pair_score, _, actor_id, issue_id in readings(sentence, value)
    ]


Reading = tuple[float, int, str, str]
"""A pair's score, its actor's rank in the sentence, the actor and the issue."""


def readings(sentence: Sentence, value: float) -> list[Reading]:
    """At most PAIRS pairs of the sentence's actors and issues: its likeliest, and the others
    whose score is within MARGIN of that one, best first, each pair of a person followed by
    that of the state it speaks for on the same issue, whatever its score: a person's words
    in office are evidence of the state's position too."""
    scored = scored_pairs(sentence, value)
    by_pair = {(p[2], p[3]): p for p in scored}
    top = scored[0][0] if scored else 0.0
    chosen: dict[tuple[str, str], Reading] = {}
    for reading in scored:
        if reading[0] < top - MARGIN:
            break
        state = (sentence.states[reading[1]], reading[3])
        for pair in ((reading[2], reading[3]), state):
            if pair in by_pair:
                chosen.setdefault(pair, by_pair[pair])
    return list(chosen.values())[:PAIRS]


def scored_pairs(sentence: Sentence, value: float) -> list[Reading]:
    """Every pair of the sentence's actors and issues with its score, best first: the
    sentence's score less what its actor and issue cost (`pair_cost`)."""
    issues = issues_of(sentence)
    scored = [
        (
            round(value + pair_cost(trust, sentence.issues[issue_id] / sentence.best), 2),
            index,
            actor_id,
            issue_id,
        )
        for index, (actor_id, trust) in enumerate(zip(sentence.actors, sentence.trust, strict=True))
        for issue_id in issues
    ]
    scored.sort(key=lambda p: (-p[0], p[1], p[3]))  # best first; ties by the actor's rank
    return scored


def pair_cost(trust: float, strength: float) -> float:
    """What a pair's actor and issue take off its sentence's score: nothing for an actor that
    is surely the one (trust 1) and the sentence's likeliest issue (strength 1)."""
    return ACTOR_WEIGHT * math.log(trust) + ISSUE_WEIGHT_PAIR * math.log(strength)


def order(suggestion: Suggestion) -> tuple[float, int, int, str, str]:
    """Best first; ties in reading order, then by actor and issue."""
    return (
        -suggestion.score,
        suggestion.paragraph,
        suggestion.start,
        suggestion.actor_id,
        suggestion.issue_id,
    )
