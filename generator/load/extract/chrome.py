"""Page chrome: the lines a scraped page puts around its article, and the facts some carry.

Chrome lines are removed wherever they appear, keeping what they say: dates (ranked by their
kind, see `dates`), breadcrumbs such as ``Transcripts /`` (the last crumb is the section label),
``Original article link: URL`` lines, licence marks such as ``Public domain``, fields of
metadata (``Date: 08/29/16``, ``Speaker: …``; a date field dates the article), and page
furniture of every kind `furniture` names. A republisher's ``date YYYY-MM-DD`` stamp opening a
line is removed from it, and what follows it on that line is read as a line of its own.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.load.extract.dates import (
    DateLine,
    DateRank,
    field_date,
    iso_date,
    read_date_line,
)
from generator.load.extract.furniture import MENU_SEPARATORS, furniture_kind
from generator.load.extract.lines import ends_sentence, word_count
from generator.load.extract.phrases import DATE_FIELDS, OTHER_FIELDS
from generator.load.schema import is_web_address


@dataclass(frozen=True, slots=True)
class Facts:
    """Metadata carried by chrome lines; the first value found for each field wins, but for
    the date, where the better kind of date line wins (see `DateRank`)."""

    section: str | None = None
    licence: str | None = None
    date: datetime.date | None = None
    rank: DateRank = DateRank.MASTHEAD
    url: str | None = None

    def merge(self, later: Facts) -> Facts:
        """Return these facts with their gaps filled from ``later``."""
        better = later.date is not None and (self.date is None or later.rank < self.rank)
        return Facts(
            section=self.section or later.section,
            licence=self.licence or later.licence,
            date=later.date if better else self.date,
            rank=later.rank if better else self.rank,
            url=self.url or later.url,
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a line is chrome, and the facts it carries; `dated` is its date line, if it is one."""

    reason: str
    facts: Facts
    dated: DateLine | None = None


ChromeReader = Callable[[str], Verdict | None]
"""Reads one line: its verdict when it is chrome, else None."""

# Chrome lines are short (a long source URL is the longest, a government banner the wordiest);
# longer lines are never chrome, which also bounds the regex work spent on huge untrusted lines.
MAX_CHROME_CHARS = 300

COPYRIGHT_MARKS = ("\u00a9", "(c) ", "(C) ")
# A month-only stamp ("date 2017-02") is chrome too, but gives no day to date the article by.
STAMP = re.compile(r"date (\d{4}-\d{2})(-\d{2})?(?= |$) ?")
BREADCRUMB = re.compile(r"(?:[^/]{1,40}/ ?)+")
SOURCE_LINK = re.compile(r"(?:original (?:article )?(?:link|url)|source) ?: ?(\S+)", re.IGNORECASE)
LICENCE_NAME = (
    r"(?P<pd>public domain)"
    r"|(?:cc by|creative commons attribution) (?P<ccby>\d\.\d)(?: international)?"
    r"|(?P<ogl>open government licen[cs]e)"
    r"(?: (?:for public sector information )?v(?P<oglv>\d\.\d))?"
    r"|(?P<cc0>cc0|creative commons zero)"
)
LICENCE_LINE = re.compile(r"(?:licen[cs]e:? )?(?:" + LICENCE_NAME + r")\.?", re.IGNORECASE)
LICENCE_CLAUSE = re.compile(r"licen[cs]ed under (?:an? |the )?(?:" + LICENCE_NAME + ")", re.I)


def web_address(candidate: str | None) -> str | None:
    """Return candidate if it is an absolute http(s) address with a host, else None."""
    return candidate if candidate and is_web_address(candidate) else None


def split_stamp(line: str) -> tuple[Verdict | None, str]:
    """Split a republisher's ``date YYYY-MM-DD`` stamp off the start of a line: (its verdict,
    or None when there is none; the rest of the line)."""
    found = STAMP.match(line)
    if found is None:
        return None, line
    if found[2] is None:
        return Verdict("a republisher's date stamp", Facts()), line[found.end() :]
    date = iso_date(found[1] + found[2])
    if date is None:
        return None, line
    facts = Facts(date=date, rank=DateRank.TIMESTAMP)
    # Not a timestamp of the page's own: what stands above it is no headline.
    dated = DateLine(date, DateRank.TIMESTAMP, timed=False)
    return Verdict("a republisher's date stamp", facts, dated), line[found.end() :]


def read_dated(line: str) -> Verdict | None:
    """Read a line that holds only a date (see generator.load.extract.dates)."""
    dated = read_date_line(line)
    if dated is None:
        return None
    return Verdict("a date line", Facts(date=dated.date, rank=dated.rank), dated)


def read_breadcrumb(line: str) -> Verdict | None:
    """Read a breadcrumb such as ``Events / Transcripts /``; its last crumb is the section."""
    if not line.endswith("/") or BREADCRUMB.fullmatch(line) is None:
        return None
    crumbs = [crumb.strip() for crumb in line.split("/") if crumb.strip()]
    return Verdict("a breadcrumb", Facts(section=crumbs[-1])) if crumbs else None


def read_source_link(line: str) -> Verdict | None:
    """Read an ``Original article link: URL`` line."""
    found = SOURCE_LINK.fullmatch(line)
    return None if found is None else Verdict("a source link", Facts(url=web_address(found[1])))


def licence_label(found: re.Match[str]) -> str:
    """Name the licence a licence-pattern match found, in its usual short form."""
    if found["pd"]:
        return "Public domain"
    if found["ccby"]:
        return f"CC BY {found['ccby']}"
    if found["ogl"]:
        return "Open Government Licence" + (f" v{found['oglv']}" if found["oglv"] else "")
    return "CC0 1.0"


def read_licence(line: str) -> Verdict | None:
    """Read a licence mark: a line naming only a licence, or a 'licensed under' notice."""
    found = LICENCE_LINE.fullmatch(line) or LICENCE_CLAUSE.search(line)
    return None if found is None else Verdict("a licence mark", Facts(licence=licence_label(found)))


def read_furniture(line: str) -> Verdict | None:
    """Recognise page furniture; a menu may carry dates among its items."""
    kind = furniture_kind(line)
    if kind is None:
        return None
    if kind != "a menu":
        return Verdict(kind, Facts())
    items = (read_date_line(item) for item in MENU_SEPARATORS.split(line))
    dated = min((d for d in items if d is not None), key=lambda d: d.rank, default=None)
    if dated is None:
        return Verdict(kind, Facts())
    return Verdict(kind, Facts(date=dated.date, rank=dated.rank), dated)


# A field of metadata: a label of a few words, a colon, its value ("Lieu : Bucarest").
FIELD = re.compile(r"([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}) ?: ?(.*)")
MAX_FIELD_WORDS = 12


def field_label(line: str) -> tuple[str, str] | None:
    """A field's label (folded) and value when the line is one with a known label, else None."""
    found = FIELD.fullmatch(line)
    if found is None:
        return None
    label = found[1].casefold()
    return (label, found[2]) if label in DATE_FIELDS or label in OTHER_FIELDS else None


def read_field(line: str) -> Verdict | None:
    """Read a field of metadata ("Date: 08/29/16", "Speaker: …"): a date field gives the date;
    a field of another kind is chrome while its value is short and no sentence."""
    field = field_label(line)
    if field is None:
        return None
    label, value = field
    if not value:
        return Verdict("a field of metadata", Facts())
    if label in DATE_FIELDS:
        # "Data: …" may open a sentence too: a date field is one only when it holds a date.
        dated = field_date(value)
        if dated is None:
            return None
        return Verdict("a field of metadata", Facts(date=dated.date, rank=dated.rank), dated)
    if word_count(value) > MAX_FIELD_WORDS or ends_sentence(value):
        return None
    return Verdict("a field of metadata", Facts())


def joined_field(label: str, value: str) -> str | None:
    """A field whose label and value a page prints on two lines, as one line; None when the
    first line is no label alone or the second no short value."""
    field = field_label(label)
    if field is None or field[1] or word_count(value) > MAX_FIELD_WORDS:
        return None
    return f"{label.rstrip(' :')}: {value}"


CHROME_READERS: tuple[ChromeReader, ...] = (
    read_dated,
    read_field,
    read_breadcrumb,
    read_source_link,
    read_licence,
    read_furniture,
)


def chrome_verdict(line: str) -> Verdict | None:
    """Why a line is chrome, with the facts it carries; None when the line is not chrome."""
    if line.startswith(COPYRIGHT_MARKS):
        # A copyright notice or a photo credit, with its caption however long: no article
        # text opens with the copyright sign.
        return Verdict("a copyright notice or photo credit", Facts())
    if len(line) > MAX_CHROME_CHARS:
        return None
    for reader in CHROME_READERS:
        verdict = reader(line)
        if verdict is not None:
            return verdict
    return None
