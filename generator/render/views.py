"""The model as the templates show it, computed once per render (pure).

Each view carries the objects a template shows beside it: a position its actor and issue, a
quote its article and speaker, a matrix row its cells. Templates then only lay out; no template
looks an id up, groups or filters.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from generator.model import STANCES, Actor, Briefing, Issue, Stance
from generator.model.articles import Article, Paragraph, block_anchor
from generator.model.evidence import Evidence
from generator.model.positions import Position
from generator.model.quotes import Span
from generator.model.relations import Month, Relations
from generator.model.review import ReviewQueue
from generator.model.suggest import Suggestion
from generator.render.charts import Divide, divides
from generator.render.dates import Freshness, freshness, updated
from generator.render.feed import Change, position_changes
from generator.render.markdown import CitedBy, Mark, merge_spans
from generator.render.matrix import Matrix, build_matrix
from generator.render.urls import position_page, quote_anchor

LATEST_POSITIONS = 10
MOVED_DAYS = 90
"""The front page's "what moved" covers the changes of this many days up to the newest one."""


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """A quote with the article it is from and the person who said it (None: not named)."""

    evidence: Evidence
    article: Article
    speaker: Actor | None


@dataclass(frozen=True, slots=True)
class PositionView:
    """A position with its actor, its issue and its quotes."""

    position: Position
    actor: Actor
    issue: Issue
    evidence: tuple[EvidenceView, ...]
    freshness: Freshness


@dataclass(frozen=True, slots=True)
class StanceGroup:
    """The actors that take one stance on an issue, through their positions."""

    stance: Stance
    positions: tuple[PositionView, ...]


@dataclass(frozen=True, slots=True)
class Citation:
    """A quote of an article, seen from the article: the position it supports."""

    position: PositionView
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class ChangeView:
    change: Change
    position: PositionView


@dataclass(frozen=True, slots=True)
class ChangeDay:
    """The changes of position dated one day, in the order of the "What changed" page."""

    date: datetime.date
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True, slots=True)
class Moved:
    """The changes of the latest period (MOVED_DAYS up to the newest change), by kind: stances
    that changed, stances reaffirmed, and positions recorded for the first time."""

    since: datetime.date
    until: datetime.date
    changed: tuple[ChangeView, ...]
    reaffirmed: tuple[ChangeView, ...]
    recorded: tuple[ChangeView, ...]


@dataclass(frozen=True, slots=True)
class StaleView:
    """A position that may be stale, and the newer articles on its actor and issue."""

    position: PositionView
    newer: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A line of a table of articles: the link from the listing page, the number of citations."""

    article: Article
    href: str
    cited: int


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: Month
    href: str
    """The link to the month's page from the listing page."""


@dataclass(frozen=True, slots=True)
class ActorRow:
    actor: Actor
    speaks_for: Actor | None


@dataclass(frozen=True, slots=True)
class IssueRow:
    issue: Issue
    positions: tuple[PositionView, ...]


@dataclass(frozen=True, slots=True)
class QuotedParagraph:
    """A paragraph of an article and the passages of it that positions quote."""

    paragraph: Paragraph
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class SuggestedPair:
    """An actor and an issue a suggested sentence may be evidence for."""

    actor: Actor
    issue: Issue


@dataclass(frozen=True, slots=True)
class SuggestedSentence:
    """A suggested sentence with its speaker, the anchor of its paragraph on the article's
    page, and every actor and issue it is suggested for, the likeliest first."""

    suggestion: Suggestion
    speaker: Actor | None
    anchor: str
    pairs: tuple[SuggestedPair, ...]


@dataclass(frozen=True, slots=True)
class SuggestedArticle:
    """An article of the review queue and its suggested sentences, best first."""

    article: Article
    sentences: tuple[SuggestedSentence, ...]
    count: int
    """How many suggestions (sentence, actor and issue) the sentences make."""


@dataclass(frozen=True, slots=True)
class Views:
    """The views of one briefing computed for all pages at once; the rows of a page's tables
    are made with its context (generator.render.site)."""

    positions: Mapping[tuple[str, str], PositionView]
    """By (actor id, issue id): an actor holds one position per issue."""
    matrix: Matrix
    by_issue: Mapping[str, tuple[PositionView, ...]]
    citations: Mapping[str, tuple[Citation, ...]]
    """By article id, in the order of relations.citations_by_article."""
    changes: tuple[Change, ...]
    days: tuple[ChangeDay, ...]
    moved: Moved | None
    stale: tuple[StaleView, ...]
    single_quote: tuple[PositionView, ...]
    divides: tuple[Divide, ...]
    updated: datetime.date | None
    """The newest date of the content (see generator.render.dates.updated)."""
    suggested: tuple[SuggestedArticle, ...] | None
    """None when suggestions are left out (a published build)."""


def build_views(briefing: Briefing, relations: Relations, review: ReviewQueue) -> Views:
    """The views of a briefing, from its relations and its review queue."""
    positions = {position_key(p): position_view(p, briefing) for p in briefing.positions}

    def view(position: Position) -> PositionView:
        return positions[position_key(position)]

    changes = position_changes(briefing)
    # Changes come newest first, so the changes of a day are next to each other.
    days = tuple(
        ChangeDay(date, tuple(ChangeView(c, view(c.position)) for c in dated))
        for date, dated in itertools.groupby(changes, key=lambda change: change.date)
    )
    return Views(
        positions=positions,
        matrix=build_matrix(briefing),
        by_issue={i: tuple(map(view, held)) for i, held in relations.positions_by_issue.items()},
        citations={
            article_id: tuple(Citation(view(c.position), c.evidence) for c in cited)
            for article_id, cited in relations.citations_by_article.items()
        },
        changes=changes,
        days=days,
        moved=moved(days),
        stale=tuple(StaleView(view(s.position), s.newer) for s in review.stale),
        single_quote=tuple(map(view, review.single_quote)),
        divides=divides(briefing, dict(relations.positions_by_issue)),
        updated=updated(briefing),
        suggested=suggested_views(review, briefing),
    )


def suggested_views(review: ReviewQueue, briefing: Briefing) -> tuple[SuggestedArticle, ...] | None:
    """The review queue's suggestions, a sentence once with all the pairs it is suggested for."""
    if review.suggested is None:
        return None
    return tuple(
        SuggestedArticle(
            entry.article, sentence_views(entry.suggestions, briefing), len(entry.suggestions)
        )
        for entry in review.suggested
    )


def sentence_views(
    suggestions: tuple[Suggestion, ...], briefing: Briefing
) -> tuple[SuggestedSentence, ...]:
    """The suggested sentences, in the order of their best suggestion."""
    table: dict[tuple[int, int], list[Suggestion]] = {}
    for s in suggestions:
        table.setdefault((s.paragraph, s.start), []).append(s)
    actor, issue = briefing.actor_by_id, briefing.issue_by_id
    return tuple(
        SuggestedSentence(
            same[0],
            actor[same[0].speaker_id] if same[0].speaker_id else None,
            block_anchor("paragraph", same[0].paragraph),
            tuple(SuggestedPair(actor[s.actor_id], issue[s.issue_id]) for s in same),
        )
        for same in table.values()
    )


def moved(days: tuple[ChangeDay, ...]) -> Moved | None:
    """The changes of the MOVED_DAYS up to the newest one; None without any change."""
    if not days:
        return None
    until = days[0].date
    since = until - datetime.timedelta(days=MOVED_DAYS - 1)  # both days included
    recent = [entry for day in days if day.date >= since for entry in day.changes]

    def of_kind(kind: str) -> tuple[ChangeView, ...]:
        return tuple(entry for entry in recent if entry.change.kind == kind)

    return Moved(since, until, of_kind("changed"), of_kind("reaffirmed"), of_kind("recorded"))


def position_key(position: Position) -> tuple[str, str]:
    """What Views.positions are keyed by."""
    return (position.actor_id, position.issue_id)


def position_view(position: Position, briefing: Briefing) -> PositionView:
    """A position of `briefing` with the actor, issue, articles and speakers it names."""
    evidence = tuple(
        EvidenceView(
            e,
            briefing.article_by_id[e.article_id],
            briefing.actor_by_id[e.speaker_id] if e.speaker_id else None,
        )
        for e in position.evidence
    )
    actor = briefing.actor_by_id[position.actor_id]
    issue = briefing.issue_by_id[position.issue_id]
    return PositionView(position, actor, issue, evidence, freshness(position, briefing))


def quoted_paragraphs(
    article: Article, relations: Relations, citations: tuple[Citation, ...]
) -> tuple[QuotedParagraph, ...]:
    """The paragraphs of an article with the passages positions quote, each mark carrying
    the anchors of its quotes and the numbers of its citations (as `citations` lists them)."""
    quoted = relations.quoted_spans.get(article.id, {})
    numbered = tuple(enumerate(citations, start=1))
    return tuple(
        QuotedParagraph(p, paragraph_marks(p, quoted.get(p.anchor, ()), numbered))
        for p in article.paragraphs
    )


def paragraph_marks(
    paragraph: Paragraph, spans: tuple[Span, ...], citations: tuple[tuple[int, Citation], ...]
) -> tuple[Mark, ...]:
    """The merged quoted spans of one paragraph as marks."""
    if not spans:
        return ()
    here = [(n, c) for n, c in citations if c.evidence.block == paragraph.anchor]
    return tuple(
        Mark(
            span,
            tuple(
                (c.evidence.spans[0].start, quote_anchor(c.evidence))
                for _, c in here
                if span.start <= c.evidence.spans[0].start < span.end
            ),
            tuple(cited_by(n, c) for n, c in here if overlaps(span, c.evidence)),
        )
        for span in merge_spans(paragraph.text, spans)
    )


def overlaps(span: Span, evidence: Evidence) -> bool:
    return any(s.start < span.end and span.start < s.end for s in evidence.spans)


def cited_by(number: int, citation: Citation) -> CitedBy:
    held = citation.position
    name = f"{held.actor.name} on {held.issue.title}"
    return CitedBy(number, position_page(held.position), name)


def stance_groups(positions: tuple[PositionView, ...]) -> tuple[StanceGroup, ...]:
    """The positions grouped by stance, in the order of the vocabulary; no empty group."""
    groups = (
        StanceGroup(stance, tuple(p for p in positions if p.position.stance == stance.id))
        for stance in STANCES
    )
    return tuple(group for group in groups if group.positions)


def latest_positions(
    views: Views, positions: tuple[Position, ...], count: int = LATEST_POSITIONS
) -> list[PositionView]:
    """The 'latest' filter: the most recent positions by as-of date, ties in a stable order,
    as views.

    TypeError (reported at the template line) when given anything but positions.
    """
    if not all(isinstance(position, Position) for position in positions):
        raise TypeError("'latest' takes positions, e.g. briefing.positions")
    ranked = sorted(positions, key=lambda p: (-p.as_of.toordinal(), p.actor_id, p.issue_id))
    return [views.positions[position_key(p)] for p in ranked[:count]]
