"""The dates a reader sees: how a day is written, how fresh a position is, when the briefing
was last updated. Every date comes from the content (as-of dates, article dates), never from
the clock, so that the same inputs give the same pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator.load.extract.dates import MONTH_NAMES
from generator.model import Briefing
from generator.model.positions import Position


@dataclass(frozen=True, slots=True)
class Freshness:
    """When a position was last reviewed, the date of its newest dated evidence (None: every
    article it cites is undated), and whether that evidence is older than the briefing allows."""

    reviewed: datetime.date
    evidence: datetime.date | None
    dated: bool


def freshness(position: Position, briefing: Briefing) -> Freshness:
    """How fresh a position's evidence is, against the briefing's `dated_after_days`.

    It is measured from the position's own as-of date, so that a new article changes the
    freshness of no position it is not cited by.
    """
    days = (briefing.article_by_id[e.article_id].date for e in position.evidence)
    newest = max((day for day in days if day is not None), default=None)
    limit = datetime.timedelta(days=briefing.dated_after_days)
    dated = newest is not None and position.as_of - newest > limit
    return Freshness(position.as_of, newest, dated)


def updated(briefing: Briefing) -> datetime.date | None:
    """The newest date of the briefing's content: an as-of date or an article's date."""
    days = [p.as_of for p in briefing.positions]
    days += [a.date for a in briefing.articles if a.date is not None]
    days += [entry.as_of for p in briefing.positions for entry in p.history]
    return max(days, default=None)


def format_day(day: object) -> str:
    """The 'day' filter: a date as '31 Dec 2021', in English whatever the locale; 'undated'
    for None. TypeError (reported at the template line) for anything else."""
    if day is None:
        return "undated"
    if not isinstance(day, datetime.date):
        raise TypeError(f"'day' takes a date, not a value of type {type(day).__name__}")
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"
