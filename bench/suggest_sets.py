"""The evidence sets of bench/suggest.py, and the briefings each evaluation runs the suggester on.

Two evaluations: every position hidden at once (`hidden`), and one article at a time
(`without`): the evidence that cites the article is hidden, the rest of the briefing kept, as
when a new article arrives in a briefing whose other positions are in place.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

import yaml

from generator.model import Actor, Briefing
from generator.model.evidence import Evidence
from generator.model.positions import Position
from generator.model.quotes import Found, find_quote
from generator.problems import Location


@dataclass(frozen=True, slots=True)
class Gold:
    """One piece of evidence an analyst chose."""

    article: str
    actor: str
    issue: str
    quote: str
    speaker: str | None


def demo_gold(briefing: Briefing) -> list[Gold]:
    """The evidence of every position of a briefing."""
    return [
        Gold(e.article_id, p.actor_id, p.issue_id, e.quote, e.speaker_id)
        for p in briefing.positions
        for e in p.evidence
    ]


def file_gold(path: Path) -> list[Gold]:
    """The evidence listed in an evidence.yaml file."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Gold(i["article"], i["actor"], i["issue"], i["quote"], i["speaker"]) for i in items]


def with_actors(briefing: Briefing, actors: Iterable[Actor]) -> Briefing:
    """The briefing with its actors replaced."""
    kept = tuple(actors)
    return replace(briefing, actors=kept, actor_by_id=MappingProxyType({a.id: a for a in kept}))


def hidden(briefing: Briefing) -> Briefing:
    """The briefing with no positions: nothing cited, so nothing held back."""
    return with_actors(briefing, (replace(a, positions=()) for a in briefing.actors))


def without(briefing: Briefing, article_id: str) -> Briefing:
    """The briefing without the evidence that cites one article; a position left with none
    is dropped."""

    def kept(actor: Actor) -> Actor:
        positions = (
            replace(p, evidence=tuple(e for e in p.evidence if e.article_id != article_id))
            for p in actor.positions
        )
        return replace(actor, positions=tuple(p for p in positions if p.evidence))

    return with_actors(briefing, (kept(a) for a in briefing.actors))


def positioned(briefing: Briefing, gold: Iterable[Gold], source: Path) -> Briefing:
    """The briefing with the positions `gold` makes: one per actor and issue, its evidence
    the items filed under them (no stance or summary: the sets choose evidence alone)."""
    by_pair: dict[tuple[str, str], list[Evidence]] = {}
    where = Location(source.name)
    for item in gold:
        article = briefing.article_by_id[item.article]
        found = find_quote(item.quote, tuple(p.text for p in article.paragraphs))
        if not isinstance(found, Found):
            continue
        paragraph = article.paragraphs[found.index]
        heading = paragraph.kind == "heading"
        evidence = Evidence(
            where,
            item.article,
            item.quote,
            item.speaker,
            paragraph.number,
            found.spans,
            in_heading=heading,
        )
        by_pair.setdefault((item.actor, item.issue), []).append(evidence)
    day = datetime.date(2000, 1, 1)

    def filed(actor: Actor) -> Actor:
        positions = tuple(
            Position(where, actor.id, issue, "", "", day, tuple(evidence), ())
            for (actor_id, issue), evidence in sorted(by_pair.items())
            if actor_id == actor.id
        )
        return replace(actor, positions=positions)

    return with_actors(briefing, (filed(a) for a in briefing.actors))
