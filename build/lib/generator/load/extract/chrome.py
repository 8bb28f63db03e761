"""Page chrome: the lines a scraped page puts around its article, and the facts some carry.

Chrome lines are removed wherever they appear, keeping what they say: a ``date YYYY-MM-DD
...`` marker line (its date is the article date, the rest of the line is chrome), date-only
lines (the first date wins), breadcrumbs such as ``Transcripts /`` (the last crumb is the
section label), ``Original article link: URL`` lines, licence marks such as ``Public domain``,
and a small set of well-known furniture (``SCROLL FOR NEXT``, font pickers, R's ``NA``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.load.extract.dates import make_date, parse_date
from generator.load.extract.lines import ends_sentence
from generator.load.schema import is_web_address


@dataclass(frozen=True, slots=True)
class Facts:
    """Metadata carried by chrome lines; the first value found for each field wins."""

    section: str | None = None
    licence: str | None = None
    date: datetime.date | None = None
    url: str | None = None

    def merge(self, later: Facts) -> Facts:
        """Return these facts with their gaps filled from ``later``."""
        return Facts(
            section=self.section or later.section,
            licence=self.licence or later.licence,
            date=self.date or later.date,
            url=self.url or later.url,
        )


ChromeReader = Callable[[str], Facts | None]
"""Reads one line: the facts it carries when it is chrome (maybe none), else None."""

# Chrome lines are short (a long source URL is the longest); longer lines are never chrome,
# which also bounds the regex work spent on huge untrusted lines.
MAX_CHROME_CHARS = 300

# Whole-line page furniture, matched case-insensitively.
FURNITURE = frozenset(
    {
        "scroll for next",  # "next story" pager
        "na",  # R's missing value, left by scrapers that export data frames
        "advertisement",
        "skip to main content",
        "back to top",
    }
)
# Accessibility toolbars: "Select font Arial ...", "Character spacing (Kerning): ...".
FURNITURE_PREFIXES = ("select font", "character spacing", "font size", "line spacing")

DATE_MARKER = re.compile(r"date (\d{4}-\d{2}-\d{2})(?: .*)?")
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


def read_marker(line: str) -> Facts | None:
    """Read a ``date YYYY-MM-DD ...`` marker line; the rest of the line is chrome."""
    found = DATE_MARKER.fullmatch(line)
    if found is None:
        return None
    year, month, day = found[1].split("-")
    return Facts(date=make_date(year, int(month), day))


def read_date_line(line: str) -> Facts | None:
    """Read a stray date-only line."""
    found = parse_date(line)
    return None if found is None else Facts(date=found)


def read_breadcrumb(line: str) -> Facts | None:
    """Read a breadcrumb such as ``Events / Transcripts /``; its last crumb is the section."""
    if not line.endswith("/") or BREADCRUMB.fullmatch(line) is None:
        return None
    crumbs = [crumb.strip() for crumb in line.split("/") if crumb.strip()]
    return Facts(section=crumbs[-1]) if crumbs else None


def read_source_link(line: str) -> Facts | None:
    """Read an ``Original article link: URL`` line."""
    found = SOURCE_LINK.fullmatch(line)
    return None if found is None else Facts(url=web_address(found[1]))


def licence_label(found: re.Match[str]) -> str:
    """Name the licence a licence-pattern match found, in its usual short form."""
    if found["pd"]:
        return "Public domain"
    if found["ccby"]:
        return f"CC BY {found['ccby']}"
    if found["ogl"]:
        return "Open Government Licence" + (f" v{found['oglv']}" if found["oglv"] else "")
    return "CC0 1.0"


def read_licence(line: str) -> Facts | None:
    """Read a licence mark: a line naming only a licence, or a 'licensed under' notice."""
    found = LICENCE_LINE.fullmatch(line) or LICENCE_CLAUSE.search(line)
    return None if found is None else Facts(licence=licence_label(found))


def read_furniture(line: str) -> Facts | None:
    """Recognise well-known page furniture, which carries no facts."""
    folded = line.casefold()
    if folded in FURNITURE:
        return Facts()
    tool = folded.startswith(FURNITURE_PREFIXES) and not ends_sentence(line)
    return Facts() if tool else None


CHROME_READERS: tuple[ChromeReader, ...] = (
    read_marker,
    read_date_line,
    read_breadcrumb,
    read_source_link,
    read_licence,
    read_furniture,
)


def chrome_facts(line: str) -> Facts | None:
    """Return the facts a chrome line carries, or None when the line is not chrome."""
    if len(line) > MAX_CHROME_CHARS:
        return None
    for reader in CHROME_READERS:
        facts = reader(line)
        if facts is not None:
            return facts
    return None


def strip_chrome(groups: Sequence[Sequence[str]]) -> tuple[Facts, tuple[tuple[str, ...], ...]]:
    """Remove chrome lines from every group, collecting the facts they carry."""
    facts = Facts()
    kept_groups: list[tuple[str, ...]] = []
    for group in groups:
        found, kept = strip_group(group)
        facts = facts.merge(found)
        if kept:
            kept_groups.append(kept)
    return facts, tuple(kept_groups)


def strip_group(lines: Sequence[str]) -> tuple[Facts, tuple[str, ...]]:
    """Remove the chrome lines of one group: (the facts they carry, the lines kept)."""
    facts = Facts()
    kept: list[str] = []
    for line in lines:
        found = chrome_facts(line)
        if found is None:
            kept.append(line)
        else:
            facts = facts.merge(found)
    return facts, tuple(kept)
