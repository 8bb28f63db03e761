"""Derived views of the model for the pages: who cites, speaks for and mentions what."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.articles import Article, mentions, names_pattern
from generator.model import Actor, Briefing
from generator.positions import Evidence, Position
from generator.quotes import Span


@dataclass(frozen=True, slots=True)
class Citation:
    """A quote of an article used as evidence for a position."""

    position: Position
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Relations:
    """Read-only indexes computed once from the model; every tuple is sorted."""

    positions_by_issue: Mapping[str, tuple[Position, ...]]
    citations_by_article: Mapping[str, tuple[Citation, ...]]
    people_by_actor: Mapping[str, tuple[Actor, ...]]
    articles_by_actor: Mapping[str, tuple[Article, ...]]
    articles_by_issue: Mapping[str, tuple[Article, ...]]
    actors_by_article: Mapping[str, tuple[Actor, ...]]
    quoted_spans: Mapping[str, Mapping[int, tuple[Span, ...]]]


def relate(briefing: Briefing) -> Relations:
    """Compute every derived index of the briefing."""
    by_issue: dict[str, list[Position]] = defaultdict(list)
    citations: dict[str, list[Citation]] = defaultdict(list)
    for position in briefing.positions:
        by_issue[position.issue_id].append(position)
        for evidence in position.evidence:
            citations[evidence.article_id].append(Citation(position, evidence))
    people: dict[str, list[Actor]] = defaultdict(list)
    for actor in briefing.actors:
        if actor.speaks_for:
            people[actor.speaks_for].append(actor)
    actor_mentions = {
        a.id: mentioned_in(names(a.name, a.aliases), briefing.articles) for a in briefing.actors
    }
    issue_mentions = {
        i.id: mentioned_in(names(i.title, i.aliases), briefing.articles) for i in briefing.issues
    }
    return Relations(
        positions_by_issue=freeze(by_issue),
        citations_by_article=freeze(citations),
        people_by_actor=freeze(people),
        articles_by_actor=actor_mentions,
        articles_by_issue=issue_mentions,
        actors_by_article=invert(actor_mentions, briefing),
        quoted_spans=quoted_spans(briefing),
    )


def freeze(table: Mapping[str, Iterable[object]]) -> dict[str, tuple]:  # type: ignore[type-arg]
    return {key: tuple(values) for key, values in table.items()}


def names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return (name, *aliases)


def mentioned_in(words: tuple[str, ...], articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """The articles whose title or text contains one of `words` as a whole word, any case."""
    pattern = names_pattern(words)
    return tuple(article for article in articles if mentions(article, pattern))


def quoted_spans(briefing: Briefing) -> dict[str, dict[int, tuple[Span, ...]]]:
    """Article id → paragraph number → the spans any position quotes there, sorted."""
    table: dict[str, dict[int, set[Span]]] = defaultdict(lambda: defaultdict(set))
    for position in briefing.positions:
        for evidence in position.evidence:
            table[evidence.article_id][evidence.paragraph].update(evidence.spans)
    return {
        article: {number: tuple(sorted(spans)) for number, spans in paragraphs.items()}
        for article, paragraphs in table.items()
    }


def invert(
    mentions: Mapping[str, tuple[Article, ...]], briefing: Briefing
) -> dict[str, tuple[Actor, ...]]:
    """Article id → the actors it mentions, in the model's actor order."""
    table: dict[str, list[Actor]] = defaultdict(list)
    for actor in briefing.actors:
        for article in mentions[actor.id]:
            table[article.id].append(actor)
    return {key: tuple(actors) for key, actors in table.items()}
