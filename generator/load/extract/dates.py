"""Dates as pages print them: located by their shape, parsed by a library, ranked by their kind.

A date is first *located* in a line by one of three shapes (an ISO date; day, month and year in
figures; a month written as a word next to a day and a four-digit year), then *parsed*: ISO
dates by the standard library, every other form by dateparser, in a fixed set of languages,
refusing relative dates ("yesterday", "3 days ago") and any date missing its day, month or year,
so that no parse ever depends on the clock. What else the line holds says what kind of date it
is, and so how much it is to be trusted (`DateRank`).
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from generator.load.extract.lines import collapse

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


class DateRank(IntEnum):
    """How far a date line is to be trusted as the article's date; the lowest wins."""

    LABELLED = 0  # "Published: 12 March 2025", "PublishDate: …", "Date: …"
    TIMESTAMP = 1  # "2021-10-25T09:00:00Z", a republisher's "date 2025-01-22" stamp
    DATELINE = 2  # "Washington DC, February 18, 2025": a place and a date
    UPDATED = 3  # "Updated: 22-01-2025 19:30 IST"
    BARE = 4  # "September 23, 2024", "11/10/2020 08:15 PM EST"
    MASTHEAD = 5  # "Wednesday, April 24, 2024": a weekday date, often the site's own clock


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that holds a date and nothing else but labels, a place, a clock time."""

    date: datetime.date
    rank: DateRank
    timed: bool  # it gives a time of day too: a timestamp


# A month or weekday as a word: three letters or more, or two outside ASCII (Arabic "آب").
WORD = r"(?:[^\W\d_]{3,12}|[^\W\d_a-zA-Z]{2})\.?"
ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?\.?"
YEAR = r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)"
ISO = re.compile(
    r"(?<!\d)(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
)
# Day, month and year in figures; a time printed right before it may be glued to it
# ("19:5924.08.2023" is 19:59 on 24.08.2023).
NUMERIC = re.compile(r"(?:(?<!\d)|(?<=:\d\d))\d{1,2}([./-])\d{1,2}\1" + YEAR)
WRITTEN = re.compile(
    rf"(?:{WORD},? )?(?:{ORDINAL},? {WORD}(?: ?/ ?{WORD})?,? |{WORD} {ORDINAL},? ){YEAR}",
    re.IGNORECASE,
)
# The month twice, in two forms ("20 August / Aug 2017", Arabic "04 آب/اغسطس 2013"): either
# may be the one the parser knows.
REPEATED_MONTH = re.compile(rf" ?/ ?{WORD}")
# The written form without a leading word, tried when that word is no weekday ("dated 3 May").
WRITTEN_ALONE = re.compile(
    rf"(?:{ORDINAL},? {WORD}(?: ?/ ?{WORD})?,? |{WORD} {ORDINAL},? ){YEAR}", re.IGNORECASE
)
FIRST_MONTH = re.compile(rf"{WORD} ?/ ?(?={WORD})")
# A year with the time glued after it ("6 janvier 201718:52"): a space is put between them.
GLUED_CLOCK = re.compile(r"(?<!\d)((?:1[89]|20)\d{2})(?=\d{1,2}:\d{2}(?!\d))")
CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?(?: ?[ap]\.? ?m\.?)?(?![\d])", re.I)
ZONE = re.compile(r"\b(?:[A-Z]{2,4}T|UTC|GMT|Z|IST|[+-]\d{2}:?\d{2})\b")
FILLER = re.compile(r"[\s|,;:()\[\]\u2022\u00b7/\u2013\u2014\u060c-]+|\bat\b|\bon\b", re.I)
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(DAYS) | {day[:3] for day in DAYS} | {"tues", "thur", "thurs"}
# Labels of the date of publication and of the last update, in the languages read.
PUBLISHED = (
    *("published", "publishdate", "posted", "date", "created", "released", "veröffentlicht"),
    *("publié", "publicado", "pubblicato", "опубликовано", "yayınlanma", "نشر"),
)
UPDATED = (
    *("updated", "modified", "last updated", "aktualisiert", "mis à jour", "actualizado"),
    *("aggiornato", "atualizado", "обновлено", "güncellendi", "güncelleme", "تحديث"),
)
# Kinds of document a page names beside its date ("27.08.2014 - Press release").
DOCUMENT_KINDS = frozenset(
    {
        *("press release", "news release", "press statement", "statement", "news", "speech"),
        *("interview", "readout", "transcript", "joint statement", "communiqué", "discours"),
        *("communiqué de presse", "pressemitteilung", "pressemeldung", "rede", "meldung"),
        *("comunicado", "comunicado de prensa", "nota de prensa", "discurso", "comunicato"),
        *("comunicato stampa", "nota à imprensa", "пресс-релиз", "заявление", "новости"),
    }
)
# A date closing a credit: "Meldung der dts Nachrichtenagentur vom 27.08.2014".
DATE_PREPOSITIONS = frozenset({"vom", "du", "del", "of", "dated"})
MAX_CREDIT_WORDS = 6
MAX_DATE_LINE_WORDS = 12
MAX_LABEL_WORDS = 4  # "Mis à jour le", "Last updated on"
MAX_PLACE_WORDS = 4

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "ru", "uk", "tr", "ar")
"""The languages whose month names are read; fixed, so a date reads the same on every machine."""
SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],  # never relative to the clock
    "RELATIVE_BASE": datetime.datetime(2000, 1, 1),  # and never read from it either
}


def iso_date(value: str | None) -> datetime.date | None:
    """Parse a YYYY-MM-DD date (as trafilatura gives it), or None."""
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def parse_written(span: str) -> datetime.date | None:
    """Parse a located date that is not ISO; None when it names no real day."""
    # Imported here: dateparser takes a few hundredths of a second to load, and many corpora
    # hold ISO dates only.
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=list(LANGUAGES), settings=SETTINGS)
    for form in dict.fromkeys((REPEATED_MONTH.sub("", span), FIRST_MONTH.sub("", span))):
        found: datetime.datetime | None = parser.get_date_data(form).date_obj
        if found is not None:
            return found.date()
    return None


def locate(text: str) -> tuple[re.Match[str], datetime.date] | None:
    """The first date in text with where it is, or None."""
    for shape in (ISO, NUMERIC, WRITTEN, WRITTEN_ALONE):
        for found in shape.finditer(text):
            date = iso_date(found[1]) if shape is ISO else parse_written(found[0])
            if date is not None:
                return found, date
    return None


def find_date(text: str) -> datetime.date | None:
    """The first date written in text, anywhere in it."""
    located = locate(text)
    return None if located is None else located[1]


def read_date_line(line: str) -> DateLine | None:
    """Read a line that holds only a date (with labels, a weekday, a time, a place), or None."""
    if len(line.split()) > MAX_DATE_LINE_WORDS:
        return None
    line = GLUED_CLOCK.sub(r"\1 ", line) if ":" in line else line
    located = locate(line)
    if located is None:
        return None
    found, date = located
    rest = line[: found.start()] + " " + line[found.end() :]
    timed = CLOCK.search(rest) is not None or "T" in found[0] or ":" in found[0]
    rank = line_rank(found, rest, placed=bool(remainder(line[: found.start()])))
    rank = credit_rank(line, found) if rank is None else rank  # LABELLED is 0: no `or`
    return None if rank is None else DateLine(date, rank, timed)


# Day, month and a two-digit year in figures ("08/29/16"): read only as the value of a field
# labelled as a date, where nothing else can be meant.
SHORT_NUMERIC = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{2}")


def field_date(value: str) -> DateLine | None:
    """The date a field labelled as one gives ("Date: 08/29/16"), as a labelled date; None when
    its value is no date line."""
    dated = read_date_line(value)
    if dated is not None:
        return DateLine(dated.date, DateRank.LABELLED, dated.timed)
    date = parse_written(value) if SHORT_NUMERIC.fullmatch(value) else None
    return None if date is None else DateLine(date, DateRank.LABELLED, timed=False)


def credit_rank(line: str, found: re.Match[str]) -> DateRank | None:
    """A date closing a short credit after a preposition ("… Nachrichtenagentur vom DATE") is
    a bare date; None for any other line."""
    words = remainder(line[: found.start()])
    closing = not remainder(line[found.end() :])
    credit = 0 < len(words) <= MAX_CREDIT_WORDS and words[-1].casefold() in DATE_PREPOSITIONS
    return DateRank.BARE if closing and credit else None


def line_rank(found: re.Match[str], rest: str, placed: bool = True) -> DateRank | None:
    """The kind of a date line from the date's form and what surrounds it; None if the rest
    of the line is more than labels, a clock time or a place. A dateline names its place
    before the date (`placed`); capitalised words after it are the page's furniture
    ("Sunday, December 29, 2024 Search"), which makes the date no more than a bare one."""
    words = remainder(rest)
    folded = " ".join(words).casefold()
    if not words:
        if found.re is ISO:
            return DateRank.TIMESTAMP
        return DateRank.MASTHEAD if is_weekday(found[0]) else DateRank.BARE
    if len(words) <= MAX_LABEL_WORDS and any(label in folded for label in UPDATED):
        return DateRank.UPDATED
    if len(words) <= MAX_LABEL_WORDS and any(label in folded for label in PUBLISHED):
        return DateRank.LABELLED
    if folded in DOCUMENT_KINDS:
        return DateRank.DATELINE  # the date the document was issued, as a dateline gives it
    if len(words) <= MAX_PLACE_WORDS and all(word[:1].isupper() for word in words):
        if placed:
            return DateRank.DATELINE
        return DateRank.MASTHEAD if is_weekday(found[0]) else DateRank.BARE
    return None


def remainder(rest: str) -> list[str]:
    """The words of a line around its date, without clock times, time zones and separators."""
    rest = ZONE.sub(" ", CLOCK.sub(" ", rest))
    return [word for word in FILLER.split(rest) if word and any(c.isalnum() for c in word)]


def is_time_of_day(line: str) -> bool:
    """Whether a line holds only a time of day ("11:00 a.m. EDT")."""
    return CLOCK.search(line) is not None and not remainder(line)


def is_weekday(span: str) -> bool:
    """Whether a located date starts with a weekday's name ("Sun. Apr 20th, 2025")."""
    first = span.split(maxsplit=1)[0].strip(".,").casefold()
    return first in WEEKDAYS


# A wire dateline opening a lead: "MOSCOW/MINSK (UrduPoint News / Sputnik - 11th June, 2020)",
# "WASHINGTON, Sept. 23 --": a place in capitals, then a comma, a bracket or a dash.
LEAD_DATELINE = re.compile(r"[A-Z][A-Z/ .'\u2019-]{2,40}(?:,| ?\(| ?[-\u2013\u2014])")
LEAD_CHARS = 80


# A headline that ends with its date: "PM call to President Putin: 4 March 2016", "Transcript of
# the weekly briefing (May 29, 2025)".
HEADLINE_DATE_OPENERS = (": ", "(", " - ", "\u2013 ", "\u2014 ")


def headline_date(headline: str) -> datetime.date | None:
    """The date a headline ends with, after a colon, a dash or in brackets, or None."""
    if not headline[-4:].strip(" )").isdigit():  # most headlines do not end with a year
        return None
    located = locate(headline)
    if located is None:
        return None
    found, date = located
    before = headline[: found.start()].rstrip(" ")
    closing = not headline[found.end() :].strip(" )")
    opened = (before + " ").endswith(HEADLINE_DATE_OPENERS) or before.endswith("(")
    return date if closing and opened else None


def lead_date(paragraph: str) -> datetime.date | None:
    """The date of a wire dateline that opens a paragraph, when it gives a year."""
    if LEAD_DATELINE.match(paragraph) is None:
        return None
    return find_date(collapse(paragraph[:LEAD_CHARS]))
