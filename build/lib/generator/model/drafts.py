"""Published builds: the briefing with every draft position left out."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from generator.model import Briefing


def without_drafts(briefing: Briefing) -> Briefing:
    """The same briefing minus draft positions, so that no page, export or feed can show them."""
    actors = tuple(
        replace(actor, positions=tuple(p for p in actor.positions if not p.draft))
        for actor in briefing.actors
    )
    return replace(briefing, actors=actors, actor_by_id=MappingProxyType({a.id: a for a in actors}))
