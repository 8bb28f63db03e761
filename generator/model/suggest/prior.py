"""What the briefing already knows of who holds a position on what, as odds for a new article.

An actor with a recorded position on an issue is likelier to speak to it again, and a person's
position is filed under the state they speak for too (and the other way round), so a pair of an
actor and an issue is likelier when the briefing holds it, or holds it for the actor's state or
for a person of that state. In a new project, with no positions, the prior is empty and
changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Briefing

Pair = tuple[str, str]
"""An actor id and an issue id."""
HELD = 0.5
"""What a pair the briefing holds a position on adds to a suggestion's worth in the budget
(a state's and its people's counted alike: on the sets tuned on, apart they did no better)."""


@dataclass(frozen=True, slots=True)
class Prior:
    """The pairs the briefing holds positions on, directly or through a person's state."""

    held: frozenset[Pair]

    def bonus(self, actor_id: str, issue_id: str) -> float:
        """What the briefing's positions add to the worth of a pair."""
        return HELD if (actor_id, issue_id) in self.held else 0.0


NO_PRIOR = Prior(frozenset())


def prior_of(briefing: Briefing) -> Prior:
    """The prior of a briefing's positions: their pairs, those of the states their people
    speak for and those of the people of their states."""
    held = {(p.actor_id, p.issue_id) for p in briefing.positions}
    states = {a.id: a.speaks_for for a in briefing.actors if a.speaks_for}
    people: dict[str, list[str]] = {}
    for person, state in states.items():
        people.setdefault(state, []).append(person)
    kin = {(states[a], i) for a, i in held if a in states}
    kin |= {(person, i) for a, i in held for person in people.get(a, ())}
    return Prior(frozenset(held | kin))
