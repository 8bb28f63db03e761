"""Raw scraped text (``extract_text``), read in five steps:

1. Lines are whitespace-collapsed and grouped at blank lines; page chrome lines are sorted out
   wherever they appear, keeping the facts some of them carry (see `clean`).
2. A group of several lines is one paragraph when it is prose hard-wrapped at a fixed width;
   otherwise every line is its own unit (some scrapers put one paragraph per line).
3. The header gives the title, subtitle and section label (see `header`).  A line ending in a
   full stop is therefore no title unless a timestamp stands below it: a page that opens with
   a lead sentence instead of a headline (kremlin.ru transcripts do) has no title in its text,
   and that lead stays the first paragraph.
4. The body ends at a line after which a page lists other articles or comments ("Related
   articles"), and before its tail: a closing run of two or more headline-like lines after a
   sentence, across copies of its text (a list of other stories, see `footer_length`).  A later
   copy of a long paragraph is dropped, and so are the headline printed again and a teaser (a
   paragraph cut with an ellipsis that the next one gives whole).  A short line without closing
   punctuation that is followed by more text is a subheading; everything else is a paragraph.
   ``truncated`` is set when the last paragraph does not end a sentence.
5. The date is the best-ranked date line (see `dates.DateRank`), a wire dateline opening the
   first paragraph when there is none; a date closing the headline counts as a bare date; a
   weekday date counts only right beside the title, since elsewhere it is most often the site's
   own clock.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from generator.load.extract.blocks import (
    Block,
    Extracted,
    Removed,
    looks_truncated,
    without_repeats,
)
from generator.load.extract.clean import REPEATED_LINE, Cleaned, Dated, clean_lines
from generator.load.extract.dates import DateRank, headline_date, lead_date
from generator.load.extract.header import Header, Unit, split_header
from generator.load.extract.lines import (
    HEADING_STOPS,
    Line,
    ends_prose,
    ends_sentence,
    final_char,
    normalise,
    numbered_groups,
    word_count,
)
from generator.load.extract.outlets import OutletRule

# Hard wrapping happens at a fixed width of a few dozen columns; every wrapped line but the last
# fills most of it.  Lines outside this range are unwrapped paragraphs or short labels.
MIN_WRAP_WIDTH = 30
MAX_WRAP_WIDTH = 150
WRAP_FILL = 0.6

MAX_HEADING_WORDS = 15
MAX_HEADING_CHARS = 120
MAX_FOOTER_WORDS = 20
MAX_FOOTER_LABEL_WORDS = 3
MIN_TEASER_QUESTION_WORDS = 4
MIN_FOOTER_LINES = 2
MIN_REPEATED_WORDS = 12
MIN_TEASER_WORDS = 8


def extract_text(text: str, outlet: OutletRule | None = None) -> Extracted:
    """Recover metadata and body blocks from raw scraped text, by the rules in the module doc;
    `outlet` holds the rules of the outlet the text comes from, when it is known."""
    cleaned = clean_lines(numbered_groups(normalise(text)), outlet)
    twice = frozenset(r.text for r in cleaned.removed if r.reason == REPEATED_LINE)
    header, body = split_header(units(cleaned.groups), cleaned.dates, cleaned.occupied, twice)
    body, echoed = without_echoes(body, header.title)
    body, cut = cut_body(body, cleaned.endings)
    blocks, copies = without_repeats(body_blocks(body), MIN_REPEATED_WORDS)
    title = header.title
    removed = [*cleaned.removed, *header_removed(header), *echoed, *cut]
    removed += [Removed(copy.line, copy.text, "a repeated paragraph") for copy in copies]
    return Extracted(
        title=title.text if title else None,
        subtitle=header.subtitle,
        section=cleaned.facts.section or header.section,
        licence=cleaned.facts.licence,
        date=best_date(cleaned, title, blocks),
        url=cleaned.facts.url,
        truncated=looks_truncated(blocks),
        blocks=blocks,
        outlet=outlet.name if outlet else None,
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        title_line=title.line if title else 1,
    )


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


def units(groups: Sequence[Sequence[Line]]) -> tuple[Unit, ...]:
    """Turn groups into units: a wrapped group is one unit, otherwise each line is one."""
    found: list[Unit] = []
    for group in groups:
        texts = [line.text for line in group]
        if is_wrapped(texts):
            found.append(Unit(group[0].number, group[-1].number, " ".join(texts)))
        else:
            found.extend(Unit(line.number, line.number, line.text) for line in group)
    return tuple(found)


def header_removed(header: Header) -> list[Removed]:
    """The header lines that are no title, subtitle or section label."""
    return [Removed(unit.line, unit.text, "a header line") for unit in header.rest]


def without_echoes(
    body: Sequence[Unit], title: Unit | None
) -> tuple[tuple[Unit, ...], list[Removed]]:
    """The body without the headline printed again and without teasers: a paragraph cut short
    with an ellipsis that the next paragraph gives whole."""
    headline = folded_line(title.text) if title else None
    kept: list[Unit] = []
    removed: list[Removed] = []
    for index, unit in enumerate(body):
        following = body[index + 1].text if index + 1 < len(body) else ""
        if folded_line(unit.text) == headline:
            removed.append(Removed(unit.line, unit.text, "the headline printed again"))
        elif is_teaser(unit.text, following):
            removed.append(Removed(unit.line, unit.text, "a teaser of the next paragraph"))
        else:
            kept.append(unit)
    return tuple(kept), removed


def folded_line(text: str) -> str:
    """A line compared without regard to case or its closing punctuation."""
    return text.casefold().rstrip(".!?\u2026 ")


def is_teaser(text: str, following: str) -> bool:
    """Whether a paragraph is the start of the next one, cut short with an ellipsis."""
    stem = text.removesuffix("...").removesuffix("\u2026").rstrip()
    cut = stem != text
    return cut and word_count(stem) >= MIN_TEASER_WORDS and following.startswith(stem)


def cut_body(
    body: Sequence[Unit], endings: Sequence[int]
) -> tuple[tuple[Unit, ...], list[Removed]]:
    """The body without what follows its end (links, comments, a closing run of headlines)."""
    first = next((unit.line for unit in body if not is_subheading(unit.text)), None)
    end = next((line for line in endings if first is not None and line > first), None)
    kept = [unit for unit in body if end is None or unit.line < end]
    cut = [Removed(u.line, u.text, "after the end of the article") for u in body[len(kept) :]]
    footer = footer_length(kept)
    cut += [Removed(u.line, u.text, "a link after the article") for u in kept[len(kept) - footer :]]
    return tuple(kept[: len(kept) - footer]), cut


def footer_length(body: Sequence[Unit]) -> int:
    """How many units close the body as its tail: a run of two or more headline-like lines
    after its prose (links to other stories), across later copies of its paragraphs."""
    first: dict[str, int] = {}
    for index, unit in enumerate(body):
        first.setdefault(unit.text, index)
    run = headlines = 0
    for index in range(len(body) - 1, -1, -1):
        text = body[index].text
        copy = first[text] < index and word_count(text) >= MIN_REPEATED_WORDS
        if not copy and not is_footer_line(text, last=headlines == 0):
            break
        run, headlines = run + 1, headlines + (not copy)
    ends_prose_before = run < len(body) and ends_sentence(body[len(body) - run - 1].text)
    return run if headlines >= MIN_FOOTER_LINES and ends_prose_before else 0


def is_footer_line(text: str, last: bool = False) -> bool:
    """A line as the links closing a page are, in any language: a headline (capitalised, up to
    twenty words, with no full stop, or a question or exclamation of four words or more), or,
    closing the page, a short label ("Tags:")."""
    words = word_count(text)
    if words > MAX_FOOTER_WORDS or text[:1].islower():
        return False
    end = final_char(text)
    if end in "?!":
        return words >= MIN_TEASER_QUESTION_WORDS
    if end == ":":
        return last and words <= MAX_FOOTER_LABEL_WORDS
    return not ends_prose(text)


def is_subheading(unit: str) -> bool:
    """Tell whether a body unit looks like a subheading: short, capitalised, unpunctuated."""
    return (
        word_count(unit) <= MAX_HEADING_WORDS
        and len(unit) <= MAX_HEADING_CHARS
        and final_char(unit) not in HEADING_STOPS
        and not unit[:1].islower()
    )


def body_blocks(body: Sequence[Unit]) -> tuple[Block, ...]:
    """Classify body units; a subheading needs text after it, so the last unit is a paragraph."""
    last = len(body) - 1
    return tuple(
        Block(
            "heading" if index < last and is_subheading(unit.text) else "paragraph",
            unit.text,
            unit.line,
        )
        for index, unit in enumerate(body)
    )


def best_date(
    cleaned: Cleaned, title: Unit | None, blocks: Sequence[Block]
) -> datetime.date | None:
    """The best-ranked date of the text, by the rule in the module doc."""
    dated = [
        d for d in cleaned.dates if d.date.rank != DateRank.MASTHEAD or beside(d, title, cleaned)
    ]
    ranked = [(d.date.rank, d.line, d.date.date) for d in dated]
    lead = next((block for block in blocks if block.kind == "paragraph"), None)
    found = lead_date(lead.text) if lead else None
    if found is not None and lead is not None:
        ranked.append((DateRank.DATELINE, lead.line, found))
    found = headline_date(title.text) if title else None
    if found is not None and title is not None:
        ranked.append((DateRank.BARE, title.line, found))
    return min(ranked)[2] if ranked else None


def beside(dated: Dated, title: Unit | None, cleaned: Cleaned) -> bool:
    """Whether a date line stands right above or below the title, with only other date lines
    (or blank lines) between them."""
    if title is None:
        return False
    low, high = sorted((dated.line, title.line))
    dates = {d.line for d in cleaned.dates}
    between = {line for line in range(low + 1, high) if line not in dates}
    return not between & cleaned.occupied
