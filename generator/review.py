"""The review queue: what the editors should look at after new material arrives.

It lists articles cited by no position, positions that may be stale (an article dated after the
position's as-of date mentions both its actor and its issue), cells of the stance matrix with no
position, and positions resting on a single quote. Every list is sorted by explicit keys, so the
page and `briefing status` say the same thing in the same order on every run.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from generator.articles import Article
from generator.model import Actor, Briefing, Issue
from generator.positions import Position
from generator.relations import Relations


@dataclass(frozen=True, slots=True)
class StalePosition:
    """A position and the articles, newest first, that mention its actor and issue after it."""

    position: Position
    newer: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class EmptyRow:
    """An actor of the stance matrix and the issues on which it has no position."""

    actor: Actor
    issues: tuple[Issue, ...]


@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """Everything the review page and `briefing status` list."""

    stale: tuple[StalePosition, ...]
    uncited: tuple[Article, ...]
    empty: tuple[EmptyRow, ...]
    single_quote: tuple[Position, ...]

    @property
    def empty_cells(self) -> int:
        return sum(len(row.issues) for row in self.empty)


def review_queue(briefing: Briefing, relations: Relations) -> ReviewQueue:
    """The review queue of a briefing whose relations are computed."""
    return ReviewQueue(
        stale=stale_positions(briefing, relations),
        uncited=tuple(a for a in briefing.articles if a.id not in relations.citations_by_article),
        empty=empty_rows(briefing),
        single_quote=tuple(p for p in briefing.positions if len(p.evidence) == 1),
    )


def stale_positions(briefing: Briefing, relations: Relations) -> tuple[StalePosition, ...]:
    """Positions with newer articles mentioning both their actor and issue; those with the
    newest such article first, then in the order of the stance matrix."""
    about = {key: {a.id for a in found} for key, found in relations.articles_by_issue.items()}
    found = []
    for order, position in enumerate(briefing.positions):
        newer = newer_mentions(position, relations, about.get(position.issue_id, set()))
        if newer:
            found.append((-newest_day(newer), order, StalePosition(position, newer)))
    return tuple(stale for *_, stale in sorted(found, key=lambda item: item[:2]))


def newer_mentions(
    position: Position, relations: Relations, about_issue: set[str]
) -> tuple[Article, ...]:
    """Articles dated after the position's as-of date that mention its actor and its issue."""
    mentioning = relations.articles_by_actor.get(position.actor_id, ())
    # Newest first, undated last: stop at the first article that is not newer.
    newer = itertools.takewhile(
        lambda a: a.date is not None and a.date > position.as_of, mentioning
    )
    return tuple(article for article in newer if article.id in about_issue)


def newest_day(articles: tuple[Article, ...]) -> int:
    return max(a.date.toordinal() for a in articles if a.date is not None)


def empty_rows(briefing: Briefing) -> tuple[EmptyRow, ...]:
    """For each actor shown in the matrix (those with a position), the issues it leaves empty."""
    rows = []
    for actor in briefing.actors:
        held = {p.issue_id for p in actor.positions}
        missing = tuple(i for i in briefing.issues if i.id not in held)
        if held and missing:
            rows.append(EmptyRow(actor, missing))
    return tuple(rows)
