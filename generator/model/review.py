"""The review queue: what the editors should look at after new material arrives.

It lists articles cited by no position, positions that may be stale (an article dated after the
position's as-of date mentions both its actor and its issue), cells of the stance matrix with no
position, positions resting on a single quote, and the suggested evidence of the newest
SUGGESTED_ARTICLES articles that no position cites for its actor and issue and no editor has
dismissed (left out of a published build). Every list is sorted by explicit keys, so the page
and `briefing status` say the same thing in the same order on every run.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from generator.model import Actor, Briefing, Issue
from generator.model.articles import Article
from generator.model.mentions import find_mentions
from generator.model.positions import Position
from generator.model.relations import Relations, names_of
from generator.model.suggest import Suggestion, suggester_of

SUGGESTED_ARTICLES = 50
"""How many of the newest articles the review queue suggests evidence from."""


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
class Suggested:
    """An article and the suggestions it still has, best first."""

    article: Article
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """Everything the review page and `briefing status` list; `suggested` is None when
    suggestions are left out (a published build)."""

    stale: tuple[StalePosition, ...]
    uncited: tuple[Article, ...]
    empty: tuple[EmptyRow, ...]
    single_quote: tuple[Position, ...]
    suggested: tuple[Suggested, ...] | None = None

    @property
    def empty_cells(self) -> int:
        return sum(len(row.issues) for row in self.empty)

    @property
    def unused(self) -> int:
        """How many suggestions are neither cited nor dismissed."""
        return sum(len(s.suggestions) for s in self.suggested or ())


def review_queue(briefing: Briefing, relations: Relations, suggest: bool = True) -> ReviewQueue:
    """The review queue of a briefing whose relations are computed; with `suggest`, the
    suggested evidence of its newest articles too."""
    return ReviewQueue(
        stale=stale_positions(briefing, relations),
        uncited=tuple(a for a in briefing.articles if a.id not in relations.citations_by_article),
        empty=empty_rows(briefing),
        single_quote=tuple(p for p in briefing.positions if len(p.evidence) == 1),
        suggested=suggested(briefing) if suggest else None,
    )


def suggested(briefing: Briefing) -> tuple[Suggested, ...]:
    """The newest articles that still have suggestions, with them."""
    suggester = suggester_of(briefing)
    newest = briefing.articles[:SUGGESTED_ARTICLES]
    found = (Suggested(article, suggester.suggest(article)) for article in newest)
    return tuple(entry for entry in found if entry.suggestions)


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


@dataclass(frozen=True, slots=True)
class Touches:
    """What a new article touches in the briefing."""

    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    stale: tuple[Position, ...]


def touches(article: Article, briefing: Briefing) -> Touches:
    """The actors and issues the article mentions, and the positions on both that are older."""
    found = find_mentions((article,), names_of(briefing)).get(article.id, frozenset())
    stale = tuple(
        p
        for p in briefing.positions
        if {("actor", p.actor_id), ("issue", p.issue_id)} <= found
        and article.date is not None
        and article.date > p.as_of
    )
    return Touches(
        actors=tuple(a for a in briefing.actors if ("actor", a.id) in found),
        issues=tuple(i for i in briefing.issues if ("issue", i.id) in found),
        stale=stale,
    )


def queue_lines(queue: ReviewQueue, briefing: Briefing, limit: int) -> list[str]:
    """The review queue as terminal lines; each list cut at `limit` items (0: no limit)."""
    stale = [
        [
            f"{position_name(s.position, briefing)}: {len(s.newer)} newer",
            *listed([[article_line(a)] for a in s.newer], limit),
        ]
        for s in queue.stale
    ]
    empty = [[f"{row.actor.name}: {', '.join(i.title for i in row.issues)}"] for row in queue.empty]
    single = [
        [f"{position_name(p, briefing)}: {p.evidence[0].article_id} ¶{p.evidence[0].paragraph}"]
        for p in queue.single_quote
    ]
    return [
        f"Positions that may be stale: {len(queue.stale)}",
        *listed(stale, limit),
        f"Articles cited by no position: {len(queue.uncited)}",
        *listed([[article_line(a)] for a in queue.uncited], limit),
        f"Matrix cells with no position: {queue.empty_cells}",
        *listed(empty, limit),
        f"Positions resting on a single quote: {len(queue.single_quote)}",
        *listed(single, limit),
        *suggested_lines(queue, limit),
    ]


def suggested_lines(queue: ReviewQueue, limit: int) -> list[str]:
    """The suggestions not yet used, counted per article."""
    if queue.suggested is None:
        return []
    blocks = [[f"{article_line(s.article)}: {len(s.suggestions)}"] for s in queue.suggested]
    head = f"Suggested evidence not yet used, in the {SUGGESTED_ARTICLES} newest articles:"
    hint = ["  (briefing suggest ARTICLE lists them)"] if blocks else []
    return [f"{head} {queue.unused}", *listed(blocks, limit), *hint]


def listed(blocks: list[list[str]], limit: int) -> list[str]:
    """The first `limit` blocks of lines (all when 0), indented, and a note of how many more."""
    shown = blocks if limit <= 0 else blocks[:limit]
    lines = [f"  {line}" for block in shown for line in block]
    if len(blocks) > len(shown):
        lines.append(f"  … and {len(blocks) - len(shown)} more (--limit 0 lists all)")
    return lines


def position_name(position: Position, briefing: Briefing) -> str:
    actor = briefing.actor_by_id[position.actor_id].name
    issue = briefing.issue_by_id[position.issue_id].title
    return f"{actor} on {issue} ({position.stance}, as of {position.as_of})"


def article_line(article: Article) -> str:
    return f"{article.date or 'undated'}  {article.id}  {article.title}"
