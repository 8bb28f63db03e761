"""The pictures of the site, as numbers the templates lay out in HTML and CSS (pure): the main
divides of each issue (how many actors take each stance) and each actor's stances on an issue
over time. Every picture also says what it shows in words, so it reads without colour."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator.model import STANCE_BY_ID, STANCES, Actor, Briefing, Issue, Stance
from generator.model.positions import Position


@dataclass(frozen=True, slots=True)
class Share:
    """The actors taking one stance on an issue: how many, and their share of the bar (%)."""

    stance: Stance
    count: int
    percent: str


@dataclass(frozen=True, slots=True)
class Divide:
    """How the actors split on an issue, in the order of the vocabulary; no empty share."""

    issue: Issue
    shares: tuple[Share, ...]
    total: int


def divides(briefing: Briefing, by_issue: dict[str, tuple[Position, ...]]) -> tuple[Divide, ...]:
    """The divide of every issue with a position, in the order of the issues."""
    found = []
    for issue in briefing.issues:
        held = by_issue.get(issue.id, ())
        if held:
            counts = [(s, sum(p.stance == s.id for p in held)) for s in STANCES]
            shares = tuple(Share(s, n, percent(n, len(held))) for s, n in counts if n)
            found.append(Divide(issue, shares, len(held)))
    return tuple(found)


def percent(part: float, whole: float) -> str:
    """A share as CSS writes it, rounded so that output is the same on every machine."""
    return f"{100 * part / whole:.2f}%" if whole else "0%"


END_ROOM = 16
"""A timeline's axis runs a sixteenth of its span past its newest date."""


@dataclass(frozen=True, slots=True)
class Step:
    """A stance held from one date to the next step (or to the end of the axis)."""

    stance: Stance
    start: datetime.date
    left: str
    width: str


@dataclass(frozen=True, slots=True)
class Point:
    """The date of a piece of evidence, on the axis."""

    date: datetime.date
    left: str


@dataclass(frozen=True, slots=True)
class Track:
    """One actor's stances on an issue over time, and the dates of its evidence."""

    actor: Actor
    position: Position
    steps: tuple[Step, ...]
    points: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """The tracks of every actor with a position on an issue, on one axis of dates."""

    start: datetime.date
    end: datetime.date
    ticks: tuple[Point, ...]
    """The first day of each year after the start of the axis."""
    tracks: tuple[Track, ...]


def timeline(positions: tuple[tuple[Actor, Position], ...], briefing: Briefing) -> Timeline | None:
    """The stances over time of the actors holding `positions`; None without a dated step."""
    if not positions:
        return None
    steps = {actor.id: stance_steps(position, briefing) for actor, position in positions}
    days = [day for held in steps.values() for day, _ in held]
    days += [day for _, p in positions for day in (p.as_of, *evidence_days(p, briefing))]
    start, end = min(days), max(days)
    # Room after the newest date, so that a stance recorded on it still shows.
    room = datetime.timedelta(days=max(1, (end - start).days // END_ROOM))
    axis = Axis(start, end + room)
    tracks = tuple(
        Track(actor, position, axis.steps(steps[actor.id]), axis.points(position, briefing))
        for actor, position in positions
    )
    return Timeline(start, end, axis.ticks(), tracks)


def stance_steps(position: Position, briefing: Briefing) -> list[tuple[datetime.date, str]]:
    """(date, stance) oldest first: the history, then the current stance. Without history the
    stance is taken to hold from its earliest dated evidence, which shows it."""
    steps = [(entry.as_of, entry.stance) for entry in reversed(position.history)]
    steps.append((position.as_of, position.stance))
    if not position.history:
        first = min(evidence_days(position, briefing), default=position.as_of)
        steps = [(min(first, position.as_of), position.stance)]
    return steps


def evidence_days(position: Position, briefing: Briefing) -> list[datetime.date]:
    days = {briefing.article_by_id[e.article_id].date for e in position.evidence}
    return sorted(day for day in days if day is not None)


@dataclass(frozen=True, slots=True)
class Axis:
    """Dates from `start` to `end` laid along 100% of a width."""

    start: datetime.date
    end: datetime.date

    def at(self, day: datetime.date) -> float:
        return (day - self.start).days / (self.end - self.start).days

    def steps(self, dated: list[tuple[datetime.date, str]]) -> tuple[Step, ...]:
        bounds = [*(day for day, _ in dated[1:]), self.end]
        return tuple(
            Step(
                STANCE_BY_ID[stance],
                day,
                percent(self.at(day), 1),
                percent(self.at(until) - self.at(day), 1),
            )
            for (day, stance), until in zip(dated, bounds, strict=True)
        )

    def points(self, position: Position, briefing: Briefing) -> tuple[Point, ...]:
        days = evidence_days(position, briefing)
        return tuple(Point(day, percent(self.at(day), 1)) for day in days)

    def ticks(self) -> tuple[Point, ...]:
        years = range(self.start.year + 1, self.end.year + 1)
        return tuple(Point(day, percent(self.at(day), 1)) for day in map(first_of_year, years))


def first_of_year(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)
