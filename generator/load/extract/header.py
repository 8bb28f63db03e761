"""The header of a scraped text: where it ends, and its title, subtitle and section label.

The header runs up to the first body paragraph (a unit of at least three words ending in
sentence punctuation, or one too long to be a headline), or up to a date line that follows a
header line: a dateline closes the header, unless it stands between a widget's short label and
the headline (the page's top bar). A line the page prints twice running is its headline, however
it ends, and so is a line printed twice around other header lines (headline, kicker, headline);
what stands above it is the top bar. A line set in capitals is never body prose. Where the text
has a timestamp (an ISO timestamp or a date with a time of day) below a line of four words or
more, across blank lines and a list of metadata or bylines, that line is the headline, whatever
its punctuation, and the short lines just below the timestamp are its place (``Moscow Region``).
Otherwise the title is the first header line of at least four words (but a later one that shares
words with the lead when the first shares none: a site's notice stood above it), else the last
header line that is no byline or place (``Sean McCormack, Spokesman``, ``Washington, DC``). The
section label is the short line just before the title, the subtitle the line just after it if it
has at least four words and is no pair of names; long lines below the title that read as text
are the lead, and every other header line is chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.load.extract.clean import Dated
from generator.load.extract.lines import ends_prose, ends_sentence, word_count

MIN_BODY_WORDS = 3
MAX_HEADLINE_WORDS = 40
MIN_TITLE_WORDS = 4
MAX_LABEL_WORDS = 5
MAX_LABEL_CHARS = 50
MAX_PLACE_WORDS = 5
MAX_TIMESTAMP_TITLE_AT = 5
MAX_TITLE_CASE_WORDS = 15
MAX_BYLINE_WORDS = 5
MAX_ROLE_WORDS = 3
TITLE_CASE_SHARE = 0.8
MIN_STANDFIRST_WORDS = 10
MAX_NAME_WORDS = 4
LIST_MARKS = ("- ", "\u2022 ", "* ", "\u2013 ")
MIN_SHARED = 3
MIN_CAPITALS = 12
STEM_CHARS = 5
# A kicker of a word or three glued to the headline by a colon with no space.
GLUED_KICKER = re.compile(r"([^\W\d_][\w-]*(?: [\w-]+){0,2}):(?! )")
WORD_MARKS = ".,;:!?()[]\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"


@dataclass(frozen=True, slots=True)
class Unit:
    """A line, or a hard-wrapped paragraph joined into one, with the lines it spans."""

    line: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Header:
    """Title, subtitle and section label picked out of the header zone, and the header
    lines that are none of them (chrome)."""

    title: Unit | None = None
    subtitle: str | None = None
    section: str | None = None
    rest: tuple[Unit, ...] = ()
    lead: tuple[Unit, ...] = ()
    """Header lines below the title that are the article's text (a standfirst)."""


def opens_body(unit: str) -> bool:
    """Tell whether a unit is body prose rather than a header line: a headline in title case
    stays one even when it ends in a full stop ("… with Israel War Min.")."""
    words = word_count(unit)
    if words > MAX_HEADLINE_WORDS:
        return True
    headline = is_title_case(unit) or is_capitals(unit)
    return words >= MIN_BODY_WORDS and ends_prose(unit) and not headline


def is_capitals(unit: str) -> bool:
    """Whether a line is set in capitals, as headlines are and paragraphs never are."""
    cased = [char for char in unit if char.isupper() or char.islower()]
    return len(cased) >= MIN_CAPITALS and all(char.isupper() for char in cased)


def is_title_case(unit: str) -> bool:
    """Whether a short line capitalises its words as a headline does: nearly every word of
    four letters or more, and at least four of them, with no comma or colon between clauses."""
    if word_count(unit) > MAX_TITLE_CASE_WORDS or ", " in unit or ": " in unit:
        return False
    long = [word for word in unit.split() if sum(char.isalpha() for char in word) >= 4]
    capitals = sum(word[:1].isupper() for word in long)
    return len(long) >= MIN_TITLE_WORDS and capitals >= TITLE_CASE_SHARE * len(long)


def split_header(
    units: Sequence[Unit],
    dates: Sequence[Dated],
    occupied: frozenset[int],
    echoed: frozenset[str] = frozenset(),
) -> tuple[Header, tuple[Unit, ...]]:
    """The header read from the units, and the body units after it (a standfirst among them);
    `occupied` holds the numbers of the text's non-blank lines, `echoed` the lines the text
    prints twice running (a page prints its headline twice more often than anything else)."""
    echoed = echoed | printed_twice(units[: MAX_TIMESTAMP_TITLE_AT + 1])
    at = timestamp_title(units, dates, occupied)
    if at is not None and units[at].text not in echoed and echoed_headline(units, echoed) >= 0:
        at = None  # the headline the page prints twice wins over a line above a timestamp
    if at is not None:
        stamp = first_stamp(dates)
        end = next((i for i, unit in enumerate(units) if unit.line > stamp), len(units))
        while end < len(units) and is_place(units[end], stamp):
            stamp, end = units[end].line, end + 1
        header = read_header(units[:end], at)
    else:
        end = header_end(units, dates, echoed)
        lead = units[end].text if end < len(units) else ""
        header = read_header(units[:end], None, echoed, lead)
    return header, (*header.lead, *units[end:])


def printed_twice(units: Sequence[Unit]) -> frozenset[str]:
    """The lines long enough to be a headline that these units print twice around other lines
    (the headline, a kicker, the headline again), no sentence; a line printed twice around
    nothing kept is a caption around its credit."""
    first: dict[str, int] = {}
    found: set[str] = set()
    for index, unit in enumerate(units):
        if first.setdefault(unit.text, index) < index - 1:
            found.add(unit.text)
    return frozenset(text for text in found if is_long(text) and not ends_sentence(text))


def echoed_headline(units: Sequence[Unit], echoed: frozenset[str]) -> int:
    """The index of the first of the first units long enough to be a headline that is printed
    twice, or -1 when there is none."""
    first = units[: MAX_TIMESTAMP_TITLE_AT + 1]
    twice = (i for i, u in enumerate(first) if u.text in echoed and is_long(u.text))
    return next(twice, -1)


def is_long(text: str) -> bool:
    """Whether a line has words enough to be a headline."""
    return word_count(text) >= MIN_TITLE_WORDS


def first_stamp(dates: Sequence[Dated]) -> int:
    """The line of the text's first timestamp (a date with a time of day), or 0."""
    stamps = [d.line for d in dates if d.date.timed]
    return min(stamps) if stamps else 0


def timestamp_title(
    units: Sequence[Unit], dates: Sequence[Dated], occupied: frozenset[int]
) -> int | None:
    """The index of the headline above the text's first timestamp: the unit above it, across
    blank lines and a list of metadata ("- Anadolu Agency") or bylines, when it can be a title
    (four words or more)."""
    stamp = first_stamp(dates)
    above = [i for i, unit in enumerate(units) if unit.end < stamp]
    while above and is_metadata(units[above[-1]].text):
        stamp = units[above.pop()].line
    if not above or above[-1] > MAX_TIMESTAMP_TITLE_AT:
        return None
    unit = units[above[-1]]
    across_blanks = not any(line in occupied for line in range(unit.end + 1, stamp))
    fits = MIN_TITLE_WORDS <= word_count(unit.text) <= MAX_HEADLINE_WORDS  # no widget's label
    return above[-1] if fits and across_blanks else None


def is_metadata(text: str) -> bool:
    """Whether a header line is an item of a list of metadata or a byline, not a headline."""
    listed = text[:2] in LIST_MARKS and word_count(text) <= MAX_LABEL_WORDS + 1
    return listed or is_byline(text)


def is_place(unit: Unit, line: int) -> bool:
    """Whether a unit right below the given line (a timestamp, or a place below it) names a
    place."""
    text = unit.text
    short = word_count(text) <= MAX_PLACE_WORDS and len(text) <= MAX_LABEL_CHARS
    return unit.line == line + 1 and short and not ends_prose(text) and not text[:1].islower()


def header_end(
    units: Sequence[Unit], dates: Sequence[Dated], echoed: frozenset[str] = frozenset()
) -> int:
    """Where the header ends: at the first body paragraph, or at a date line below a header
    line; but a date between short labels (no byline or place among them) and a line that can
    only be the headline is the page's top bar ("Content aggregator", "6 January 2017", then the
    headline). A line printed twice running is a headline, however it ends, and what stands above
    it is the page's top bar."""
    above = False  # a header line above that can be a headline, or a byline or place
    twice = max(echoed_headline(units, echoed), 0)
    for index, unit in enumerate(units):
        if index < twice:
            continue
        if opens_body(unit.text) and unit.text not in echoed:
            return index
        closing = index > 0 and any(units[index - 1].end < d.line < unit.line for d in dates)
        if closing and (above or word_count(unit.text) < MIN_TITLE_WORDS):
            return index
        above = above or word_count(unit.text) >= MIN_TITLE_WORDS or is_byline(unit.text)
    return len(units)


def read_header(
    lines: Sequence[Unit], at: int | None, echoed: frozenset[str] = frozenset(), told: str = ""
) -> Header:
    """Pick title, subtitle and section label out of the header lines; the rest is chrome, but
    for the long lines below the title that read as text: a standfirst, kept as the lead."""
    if not lines:
        return Header()
    at = title_index(lines, echoed, told) if at is None else at
    if at is None:
        return Header(rest=tuple(lines))
    before = lines[at - 1].text if at > 0 else None
    after = lines[at + 1].text if at + 1 < len(lines) else None
    subtitle = after if after and is_subtitle(after) else None
    section = before if before and is_label(before) else None
    used = {at, at + 1 if subtitle else at, at - 1 if section else at}
    rest = [(index, line) for index, line in enumerate(lines) if index not in used]
    lead = [line for index, line in rest if index > at and is_standfirst(line.text)]
    title, kicker = unglued(lines[at])
    return Header(
        title=title,
        subtitle=subtitle,
        section=section or kicker,
        rest=tuple(line for _, line in rest if line not in lead),
        lead=tuple(lead),
    )


def unglued(title: Unit) -> tuple[Unit, str | None]:
    """The headline without a kicker glued to it by a colon and no space ("Konflikte:Moskau
    und Kiew …"), and the kicker (None when there is none)."""
    found = GLUED_KICKER.match(title.text)
    rest = title.text[found.end() :] if found else ""
    if found is None or not rest[:1].isupper() or word_count(rest) < MIN_TITLE_WORDS:
        return title, None
    return Unit(title.line, title.end, rest), found[1]


def is_subtitle(line: str) -> bool:
    """Whether the line below a title can be its subtitle: four words or more, and not a pair
    of names ("India - Ministry of External Affairs", a source)."""
    return word_count(line) >= MIN_TITLE_WORDS and not is_name_pair(line)


def is_name_pair(line: str) -> bool:
    """Two short names split by a dash, every long word capitalised: a source, an office."""
    parts = line.split(" - ")
    return len(parts) == 2 and all(is_name(part) for part in parts)


def is_name(text: str) -> bool:
    """A few words, each of four letters or more capitalised: a name, not a sentence."""
    words = text.split()
    long = [word for word in words if sum(char.isalpha() for char in word) >= 4]
    return 0 < len(words) <= MAX_NAME_WORDS and all(word[:1].isupper() for word in long)


def is_standfirst(line: str) -> bool:
    """Whether a header line below the title is long enough to be a summary of the article
    rather than furniture (furniture lines are sorted out before the header is read)."""
    return word_count(line) >= MIN_STANDFIRST_WORDS and not is_title_case(line)


def title_index(
    lines: Sequence[Unit], echoed: frozenset[str] = frozenset(), lead: str = ""
) -> int | None:
    """The first line of at least four words printed twice running; else the first line of at
    least four words that is no byline or place, unless it shares no word with the lead and a
    later one shares several (a site's notice above the headline: the headline tells what the
    lead tells); else the last such line of two words or more; else the last line of two
    words or more; else None (a single word names a section)."""
    named = [index for index, line in enumerate(lines) if not is_byline(line.text)]
    long = [index for index in named if word_count(lines[index].text) >= MIN_TITLE_WORDS]
    twice = [index for index in long if lines[index].text in echoed]
    if twice:
        return twice[0]
    if long:
        return like_the_lead(lines, long, lead)
    # A single word is a section's name ("DISCOURS", "Transcripts"), not a headline.
    worded = [index for index, line in enumerate(lines) if word_count(line.text) > 1]
    named = [index for index in named if index in worded]
    found = named or worded
    return found[-1] if found else None


def like_the_lead(lines: Sequence[Unit], candidates: Sequence[int], lead: str) -> int:
    """The first candidate line, or the first later one that shares words enough with the lead
    when the first shares none."""
    told = content_words(lead)
    if not told or content_words(lines[candidates[0]].text) & told:
        return candidates[0]
    shared = (i for i in candidates[1:] if len(content_words(lines[i].text) & told) >= MIN_SHARED)
    return next(shared, candidates[0])


def content_words(text: str) -> frozenset[str]:
    """The long words of a text, folded and cut to their first letters (a rough stem: 'proroge'
    and 'proroger' are one word), the words a headline and its lead share."""
    words = (word.strip(WORD_MARKS).casefold() for word in text.split())
    return frozenset(word[:STEM_CHARS] for word in words if len(word) >= STEM_CHARS)


def is_byline(line: str) -> bool:
    """A name and a role, or a place and its region: a short line whose last comma is
    followed by a few capitalised words ("Adam Ereli, Deputy Spokesman", "Washington, DC")."""
    if ", " not in line or word_count(line) > MAX_BYLINE_WORDS or ends_sentence(line):
        return False
    role = line.rsplit(", ", 1)[1].split()
    return len(role) <= MAX_ROLE_WORDS and all(word[:1].isupper() for word in role)


def is_label(line: str) -> bool:
    """Tell whether a header line is short enough to be a section label."""
    return word_count(line) <= MAX_LABEL_WORDS and len(line) <= MAX_LABEL_CHARS
