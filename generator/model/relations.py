"""Derived views of the model for the pages: who cites, speaks for and mentions what."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.load.extract.dates import MONTH_NAMES
from generator.load.reuse import Reuse
from generator.model import Actor, Briefing, Issue, names
from generator.model.articles import Article
from generator.model.evidence import Evidence
from generator.model.mentions import Key, build_automaton, find_mentions, mentioned_in
from generator.model.positions import Position
from generator.model.quotes import Span
from generator.problems import Problems


@dataclass(frozen=True, slots=True)
class Citation:
    """A quote of an article used as evidence for a position."""

    position: Position
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Month:
    """The articles of one calendar month (key 'YYYY-MM'), or the undated ones (key 'undated')."""

    key: str
    label: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Relations:
    """Read-only indexes computed once from the model; every tuple is sorted."""

    positions_by_issue: Mapping[str, tuple[Position, ...]]
    citations_by_article: Mapping[str, tuple[Citation, ...]]
    people_by_actor: Mapping[str, tuple[Actor, ...]]
    articles_by_actor: Mapping[str, tuple[Article, ...]]
    articles_by_issue: Mapping[str, tuple[Article, ...]]
    actors_by_article: Mapping[str, tuple[Actor, ...]]
    issues_by_article: Mapping[str, tuple[Issue, ...]]
    quoted_spans: Mapping[str, Mapping[str, tuple[Span, ...]]]
    """Article id → paragraph (or heading) anchor → the spans any position quotes there."""
    months: tuple[Month, ...]


def relate(briefing: Briefing, reuse: Reuse | None = None) -> Relations:
    """Compute every derived index of the briefing; with `reuse`, the names found in an
    article are not looked for again while the article and every name are the same."""
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
    mentions = find_all_mentions(briefing, reuse)
    mentioning = invert_mentions(mentions, briefing)
    return Relations(
        positions_by_issue=freeze(by_issue),
        citations_by_article=freeze(citations),
        people_by_actor=freeze(people),
        articles_by_actor={a.id: mentioning.get(("actor", a.id), ()) for a in briefing.actors},
        articles_by_issue={i.id: mentioning.get(("issue", i.id), ()) for i in briefing.issues},
        actors_by_article={
            key: tuple(a for a in briefing.actors if ("actor", a.id) in found)
            for key, found in mentions.items()
        },
        issues_by_article={
            key: tuple(i for i in briefing.issues if ("issue", i.id) in found)
            for key, found in mentions.items()
        },
        quoted_spans=quoted_spans(briefing),
        months=group_by_month(briefing.articles),
    )


def group_by_month(articles: tuple[Article, ...]) -> tuple[Month, ...]:
    """The articles grouped by month, newest month first, undated articles last."""
    table: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        table[f"{article.date:%Y-%m}" if article.date else "undated"].append(article)
    keys = sorted((k for k in table if k != "undated"), reverse=True)
    keys += ["undated"] if "undated" in table else []
    return tuple(Month(key, month_label(key), tuple(table[key])) for key in keys)


def month_label(key: str) -> str:
    """'2025-11' → 'November 2025', in English whatever the locale, so output is stable."""
    if key == "undated":
        return "Undated"
    year, month = key.split("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


def freeze(table: Mapping[str, Iterable[object]]) -> dict[str, tuple]:  # type: ignore[type-arg]
    return {key: tuple(values) for key, values in table.items()}


def names_of(briefing: Briefing) -> dict[Key, tuple[str, ...]]:
    """Every name an article may use for an actor or an issue."""
    table: dict[Key, tuple[str, ...]] = {
        ("actor", a.id): names(a.name, a.aliases) for a in briefing.actors
    }
    table.update({("issue", i.id): names(i.title, i.aliases) for i in briefing.issues})
    return table


def quoted_spans(briefing: Briefing) -> dict[str, dict[str, tuple[Span, ...]]]:
    """Article id → paragraph (or heading) anchor → the spans any position quotes there, sorted."""
    table: dict[str, dict[str, set[Span]]] = defaultdict(lambda: defaultdict(set))
    for position in briefing.positions:
        for evidence in position.evidence:
            table[evidence.article_id][evidence.block].update(evidence.spans)
    return {
        article: {number: tuple(sorted(spans)) for number, spans in paragraphs.items()}
        for article, paragraphs in table.items()
    }


def find_all_mentions(briefing: Briefing, reuse: Reuse | None) -> dict[str, frozenset[Key]]:
    """Article id → the actors and issues it mentions (those of articles that mention none
    are left out)."""
    table = names_of(briefing)
    if reuse is None:
        return find_mentions(briefing.articles, table)
    table = reuse.intern("names", table)
    automaton = functools.cache(lambda: build_automaton(table))
    found = {}
    for article in briefing.articles:
        keys = reuse.take(
            ("mentions", article.id),
            (article, table),
            lambda _, article=article: mentioned_in(automaton(), article),  # type: ignore[misc]
            Problems(),
        )
        if keys is not None:
            found[article.id] = keys
    return found


def invert_mentions(
    mentions: Mapping[str, frozenset[Key]], briefing: Briefing
) -> dict[Key, tuple[Article, ...]]:
    """Actor or issue → the articles that mention it, newest first (the model's article order)."""
    table: dict[Key, list[Article]] = defaultdict(list)
    for article in briefing.articles:
        for key in mentions.get(article.id, ()):
            table[key].append(article)
    return {key: tuple(articles) for key, articles in table.items()}
