"""Raw scraped text (``extract_text``), read in four steps:

1. Lines are whitespace-collapsed and grouped at blank lines.  Page chrome lines are removed
   wherever they appear, keeping the facts some of them carry (see `chrome`).
2. A group of several lines is one paragraph when it is prose hard-wrapped at a fixed width;
   otherwise every line is its own unit (some scrapers put one paragraph per line).
3. The header zone runs up to the first body paragraph: a unit of at least three words ending
   in sentence punctuation (``. ! ? … : ;``), or one too long to be a headline.  In the header
   the title is the first line of at least four words (else the last header line), the section
   label the short line just before it, the subtitle the line just after it if it has at least
   four words; every other header line is chrome.  A line ending in a full stop is therefore
   never a title: a page that opens with a lead sentence instead of a headline (kremlin.ru
   transcripts do) has no title in its text, and that lead stays the first paragraph.
4. In the body, a short line without closing punctuation that is followed by more text is a
   subheading; everything else is a paragraph.  ``truncated`` is set when the last paragraph
   does not end a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.load.extract.blocks import Block, Extracted, looks_truncated
from generator.load.extract.chrome import strip_chrome
from generator.load.extract.lines import (
    HEADING_STOPS,
    collapse,
    ends_prose,
    ends_sentence,
    final_char,
    normalise,
    word_count,
)

# Hard wrapping happens at a fixed width of a few dozen columns; every wrapped line but the last
# fills most of it.  Lines outside this range are unwrapped paragraphs or short labels.
MIN_WRAP_WIDTH = 30
MAX_WRAP_WIDTH = 150
WRAP_FILL = 0.6

MIN_BODY_WORDS = 3
MAX_HEADLINE_WORDS = 40
MIN_TITLE_WORDS = 4
MAX_LABEL_WORDS = 5
MAX_LABEL_CHARS = 50
MAX_HEADING_WORDS = 15
MAX_HEADING_CHARS = 120


@dataclass(frozen=True, slots=True)
class Header:
    """Title, subtitle and section label picked out of the header zone."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None


def extract_text(text: str) -> Extracted:
    """Recover metadata and body blocks from raw scraped text, by the rules in the module doc."""
    facts, groups = strip_chrome(line_groups(normalise(text)))
    header_lines, body = split_header(units(groups))
    header = read_header(header_lines)
    blocks = body_blocks(body)
    return Extracted(
        title=header.title,
        subtitle=header.subtitle,
        section=facts.section or header.section,
        licence=facts.licence,
        date=facts.date,
        url=facts.url,
        truncated=looks_truncated(blocks),
        blocks=blocks,
    )


def line_groups(text: str) -> tuple[tuple[str, ...], ...]:
    """Split text into blank-line separated groups of whitespace-collapsed lines."""
    groups: list[tuple[str, ...]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = collapse(raw)
        if line:
            current.append(line)
        elif current:
            groups.append(tuple(current))
            current = []
    if current:
        groups.append(tuple(current))
    return tuple(groups)


def reads_on(lines: Sequence[str]) -> bool:
    """Tell whether lines read as one running text rather than a stack of headlines."""
    return ends_prose(lines[-1]) or any(line[:1].islower() for line in lines[1:])


def is_wrapped(lines: Sequence[str]) -> bool:
    """Tell whether a multi-line group is one paragraph hard-wrapped at a fixed width."""
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines)
    inner = lines[:-1]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return False
    if any(len(line) < width * WRAP_FILL for line in inner):
        return False
    # A wrapped line may end a sentence by chance, but not most of them.
    stops = sum(ends_sentence(line) for line in inner)
    return stops * 2 <= len(inner) and reads_on(lines)


def units(groups: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Turn groups into units: a wrapped group is one unit, otherwise each line is one."""
    found: list[str] = []
    for group in groups:
        found.extend([" ".join(group)] if is_wrapped(group) else group)
    return tuple(found)


def opens_body(unit: str) -> bool:
    """Tell whether a unit is body prose rather than a header line."""
    words = word_count(unit)
    return words > MAX_HEADLINE_WORDS or (words >= MIN_BODY_WORDS and ends_prose(unit))


def split_header(found: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split units at the first body paragraph into (header lines, body units)."""
    for index, unit in enumerate(found):
        if opens_body(unit):
            return tuple(found[:index]), tuple(found[index:])
    return tuple(found), ()


def is_label(line: str) -> bool:
    """Tell whether a header line is short enough to be a section label."""
    return word_count(line) <= MAX_LABEL_WORDS and len(line) <= MAX_LABEL_CHARS


def read_header(lines: Sequence[str]) -> Header:
    """Pick title, subtitle and section label out of the header lines; the rest is chrome."""
    if not lines:
        return Header()
    long_enough = (i for i, line in enumerate(lines) if word_count(line) >= MIN_TITLE_WORDS)
    at = next(long_enough, len(lines) - 1)
    before = lines[at - 1] if at > 0 else None
    after = lines[at + 1] if at + 1 < len(lines) else None
    return Header(
        title=lines[at],
        subtitle=after if after and word_count(after) >= MIN_TITLE_WORDS else None,
        section=before if before and is_label(before) else None,
    )


def is_subheading(unit: str) -> bool:
    """Tell whether a body unit looks like a subheading: short, capitalised, unpunctuated."""
    return (
        word_count(unit) <= MAX_HEADING_WORDS
        and len(unit) <= MAX_HEADING_CHARS
        and final_char(unit) not in HEADING_STOPS
        and not unit[:1].islower()
    )


def body_blocks(body: Sequence[str]) -> tuple[Block, ...]:
    """Classify body units; a subheading needs text after it, so the last unit is a paragraph."""
    last = len(body) - 1
    return tuple(
        Block("heading" if index < last and is_subheading(unit) else "paragraph", unit)
        for index, unit in enumerate(body)
    )
