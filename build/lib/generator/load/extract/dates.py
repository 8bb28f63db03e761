"""Dates as pages print them: ISO dates and written-out dates, with an optional time."""

from __future__ import annotations

import datetime
import re

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The English month names, in calendar order (the locale's names would vary by machine)."""
MONTHS = (
    {name.casefold(): number for number, name in enumerate(MONTH_NAMES, 1)}
    | {name[:3].casefold(): number for number, name in enumerate(MONTH_NAMES, 1)}
    | {"sept": 9}
)

ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
)
DATE_LABEL = r"(?:(?:published|updated|posted|date)(?: on)?:? )?"
WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,? )?"
# An optional time after a written date: "- 20:02", "12:17 gmt", "at 3.15 p.m.".
CLOCK = (
    r"(?: ?(?:[-\u2013\u2014,|]|at)? ?\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?: ?[ap]\.?m\.?)?(?: ?[a-z]{2,4})?)?"
)
WRITTEN_DATES = (
    re.compile(
        DATE_LABEL + WEEKDAY + r"(?P<d>\d{1,2}) (?P<m>[a-z]{3,9})\.?,? (?P<y>\d{4})" + CLOCK
    ),
    re.compile(
        DATE_LABEL + WEEKDAY + r"(?P<m>[a-z]{3,9})\.? (?P<d>\d{1,2}),? (?P<y>\d{4})" + CLOCK
    ),
)


def make_date(year: str, month: int | None, day: str) -> datetime.date | None:
    """Build a date from parsed parts, or None when they name no real day."""
    if month is None:
        return None
    try:
        return datetime.date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date(line: str) -> datetime.date | None:
    """Parse a line holding nothing but a date (ISO or written out, time optional)."""
    iso = ISO_DATE.fullmatch(line)
    if iso is not None:
        return make_date(iso[1], int(iso[2]), iso[3])
    for pattern in WRITTEN_DATES:
        written = pattern.fullmatch(line.casefold())
        if written is not None:
            return make_date(written["y"], MONTHS.get(written["m"]), written["d"])
    return None


def iso_date(value: str | None) -> datetime.date | None:
    """Parse a YYYY-MM-DD date (as trafilatura gives it), or None."""
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
