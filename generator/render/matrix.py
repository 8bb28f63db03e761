"""The stance matrix: actors (rows) against issues (columns), persons grouped under the actor
they speak for, each cell a position with its freshness (pure)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model import ACTOR_KINDS, Actor, Briefing, Issue
from generator.model.positions import Position
from generator.render.dates import Freshness, freshness

HOME_COLUMNS = 6
"""The most issues of a matrix the home page shows; a wider one is linked to instead."""
HOME_ROWS = 16
"""The most rows of a matrix the home page shows."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of the stance matrix: an issue, and the row's actor's position on it if any."""

    issue: Issue
    position: Position | None
    freshness: Freshness | None
    """None with the position."""


@dataclass(frozen=True, slots=True)
class MatrixRow:
    actor: Actor
    cells: tuple[Cell, ...]
    """One per issue, in the order of the matrix's columns."""
    speaks_for: Actor | None
    """For a person listed under the actor they speak for: that actor."""

    @property
    def empty(self) -> bool:
        return all(cell.position is None for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Matrix:
    """The actors that hold a position, or whose people do (rows), against every issue."""

    issues: tuple[Issue, ...]
    rows: tuple[MatrixRow, ...]
    has_drafts: bool
    """Some position in it awaits review (the legend then explains the draft mark)."""
    has_dated: bool
    """Some position in it rests on dated evidence (the legend then explains the mark)."""
    kinds: tuple[str, ...]
    """The kinds of actor its rows hold, in the vocabulary's order (for the filters)."""

    @property
    def fits_home(self) -> bool:
        """Small enough for the home page, beside the rest of the front page."""
        return len(self.issues) <= HOME_COLUMNS and len(self.rows) <= HOME_ROWS


def build_matrix(briefing: Briefing) -> Matrix:
    """The stance matrix: a row per actor with a position (each person after the actor they
    speak for, under it), a cell per issue."""
    rows = tuple(
        MatrixRow(actor, cells(actor, briefing), parent) for actor, parent in row_order(briefing)
    )
    positions = [cell.position for row in rows for cell in row.cells if cell.position]
    return Matrix(
        briefing.issues,
        rows,
        has_drafts=any(p.draft for p in positions),
        has_dated=any(cell.freshness.dated for row in rows for cell in row.cells if cell.freshness),
        kinds=tuple(kind for kind in ACTOR_KINDS if any(r.actor.kind == kind for r in rows)),
    )


def cells(actor: Actor, briefing: Briefing) -> tuple[Cell, ...]:
    held = {p.issue_id: p for p in actor.positions}
    return tuple(
        Cell(issue, held.get(issue.id), fresh(held.get(issue.id), briefing))
        for issue in briefing.issues
    )


def fresh(position: Position | None, briefing: Briefing) -> Freshness | None:
    return freshness(position, briefing) if position else None


def row_order(briefing: Briefing) -> Iterator[tuple[Actor, Actor | None]]:
    """(actor, the actor it is listed under) in the matrix's order: each actor that is not a
    person speaking for another, in the model's order, then the persons who speak for it; an
    actor is left out when neither it nor its people hold a position."""
    people: dict[str, list[Actor]] = {}
    for actor in briefing.actors:
        if actor.speaks_for and actor.speaks_for in briefing.actor_by_id:
            people.setdefault(actor.speaks_for, []).append(actor)
    for actor in briefing.actors:
        if actor.speaks_for and actor.speaks_for in briefing.actor_by_id:
            continue
        speaking = [person for person in people.get(actor.id, ()) if person.positions]
        if actor.positions or speaking:
            yield actor, None
        yield from ((person, actor) for person in speaking)
