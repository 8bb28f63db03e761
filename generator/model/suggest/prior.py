"""What the briefing already knows of who holds a position on what, as odds for a new article.

An actor with a recorded position on an issue is likelier to speak to it again, and a person's
position is filed under the state they speak for too (and the other way round), so a pair of an
actor and an issue is likelier when the briefing holds it, or its state's or person's pair. In a
new project, with no positions, the prior is empty and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Briefing

Pair = tuple[str, str]
"""An actor id and an issue id."""
HELD = 0.5
"""What a pair the briefing holds a position on adds to its score."""
KIN = 0.5
"""What a pair adds when the briefing holds it only for the state or a person of that state."""


@dataclass(frozen=True, slots=True)
class Prior:
    """The pairs the briefing holds positions on, directly and through a person's state."""

    held: frozenset[Pair]
    kin: frozenset[Pair]
    """(state, issue) for a person's position and (person, issue) for their state's."""

    def bonus(self, actor_id: str, issue_id: str) -> float:
        """What the briefing's positions add to the score of a pair."""
        pair = (actor_id, issue_id)
        return HELD if pair in self.held else KIN if pair in self.kin else 0.0


NO_PRIOR = Prior(frozenset(), frozenset())


def prior_of(briefing: Briefing) -> Prior:
    """The prior of a briefing's positions."""
    held = frozenset((p.actor_id, p.issue_id) for p in briefing.positions)
    states = {a.id: a.speaks_for for a in briefing.actors if a.speaks_for}
    people: dict[str, list[str]] = {}
    for person, state in states.items():
        people.setdefault(state, []).append(person)
    kin = {(states[a], i) for a, i in held if a in states}
    kin |= {(person, i) for a, i in held for person in people.get(a, ())}
    return Prior(held, frozenset(kin - held))
