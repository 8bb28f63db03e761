"""Turn article text (raw scraped text, Markdown, saved HTML) into a title, metadata and blocks.

Everything here is pure: strings in, frozen values out, and any ``str`` is accepted.

Raw text (``extract_text``) is read in four steps:

1. Lines are whitespace-collapsed and grouped at blank lines.  Page chrome lines are removed
   wherever they appear, keeping the facts some of them carry: a ``date YYYY-MM-DD ...`` marker
   line (its date is the article date, the rest of the line is chrome), date-only lines (the
   first date wins), breadcrumbs such as ``Transcripts /`` (the last crumb is the section label),
   ``Original article link: URL`` lines, licence marks such as ``Public domain``, and a small
   set of well-known furniture (``SCROLL FOR NEXT``, font pickers, R's ``NA`` placeholder).
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

import datetime
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol
from urllib.parse import urlsplit

from generator.load.decode import clean_text, unify_newlines

if TYPE_CHECKING:
    from trafilatura.settings import Document

BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True, slots=True)
class Block:
    """One body block: a paragraph or a subheading, as a single whitespace-collapsed line."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an article's own text says about it; None wherever the text does not say."""

    title: str | None
    subtitle: str | None
    section: str | None
    licence: str | None
    date: datetime.date | None
    url: str | None
    truncated: bool
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class _Facts:
    """Metadata carried by chrome lines; the first value found for each field wins."""

    section: str | None = None
    licence: str | None = None
    date: datetime.date | None = None
    url: str | None = None

    def merge(self, later: "_Facts") -> "_Facts":
        """Return these facts with their gaps filled from ``later``."""
        return _Facts(
            section=self.section or later.section,
            licence=self.licence or later.licence,
            date=self.date or later.date,
            url=self.url or later.url,
        )


@dataclass(frozen=True, slots=True)
class _Header:
    """Title, subtitle and section label picked out of the header zone."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None


class _XmlNode(Protocol):
    """The slice of lxml's element interface used to walk trafilatura's output tree."""

    tag: object
    tail: str | None

    def iterchildren(self) -> Iterator["_XmlNode"]: ...
    def iter(self, tag: str) -> Iterator["_XmlNode"]: ...
    def itertext(self) -> Iterator[str]: ...


_ChromeReader = Callable[[str], _Facts | None]

_NOTHING = Extracted(None, None, None, None, None, None, False, ())


# Chrome lines are short (a long source URL is the longest); longer lines are never chrome,
# which also bounds the regex work spent on huge untrusted lines.
_MAX_CHROME_CHARS = 300
_SENTENCE_END = frozenset(".!?…")
_PROSE_END = _SENTENCE_END | frozenset(":;")
_HEADING_STOPS = _PROSE_END | frozenset(",-\u2013\u2014")  # comma, hyphen, en and em dash
# Closing quotes and brackets may follow the punctuation that really ends a line.
_CLOSERS = "\"'\u201d\u2019\u00bb)]*"

# Hard wrapping happens at a fixed width of a few dozen columns; every wrapped line but the last
# fills most of it.  Lines outside this range are unwrapped paragraphs or short labels.
_MIN_WRAP_WIDTH = 30
_MAX_WRAP_WIDTH = 150
_WRAP_FILL = 0.6

_MIN_BODY_WORDS = 3
_MAX_HEADLINE_WORDS = 40
_MIN_TITLE_WORDS = 4
_MAX_LABEL_WORDS = 5
_MAX_LABEL_CHARS = 50
_MAX_HEADING_WORDS = 15
_MAX_HEADING_CHARS = 120

# Whole-line page furniture, matched case-insensitively.
_FURNITURE = frozenset(
    {
        "scroll for next",  # "next story" pager
        "na",  # R's missing value, left by scrapers that export data frames
        "advertisement",
        "skip to main content",
        "back to top",
    }
)
# Accessibility toolbars: "Select font Arial ...", "Character spacing (Kerning): ...".
_FURNITURE_PREFIXES = ("select font", "character spacing", "font size", "line spacing")

_DATE_MARKER = re.compile(r"date (\d{4}-\d{2}-\d{2})(?: .*)?")
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
)
_DATE_LABEL = r"(?:(?:published|updated|posted|date)(?: on)?:? )?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,? )?"
# An optional time after a written date: "- 20:02", "12:17 gmt", "at 3.15 p.m.".
_CLOCK = (
    r"(?: ?(?:[-\u2013\u2014,|]|at)? ?\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?: ?[ap]\.?m\.?)?(?: ?[a-z]{2,4})?)?"
)
_WRITTEN_DATES = (
    re.compile(
        _DATE_LABEL + _WEEKDAY + r"(?P<d>\d{1,2}) (?P<m>[a-z]{3,9})\.?,? (?P<y>\d{4})" + _CLOCK
    ),
    re.compile(
        _DATE_LABEL + _WEEKDAY + r"(?P<m>[a-z]{3,9})\.? (?P<d>\d{1,2}),? (?P<y>\d{4})" + _CLOCK
    ),
)
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = (
    {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
    | {name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)}
    | {"sept": 9}
)

_BREADCRUMB = re.compile(r"(?:[^/]{1,40}/ ?)+")
_SOURCE_LINK = re.compile(r"(?:original (?:article )?(?:link|url)|source) ?: ?(\S+)", re.IGNORECASE)
_LICENCE_NAME = (
    r"(?P<pd>public domain)"
    r"|(?:cc by|creative commons attribution) (?P<ccby>\d\.\d)(?: international)?"
    r"|(?P<ogl>open government licen[cs]e)"
    r"(?: (?:for public sector information )?v(?P<oglv>\d\.\d))?"
    r"|(?P<cc0>cc0|creative commons zero)"
)
_LICENCE_LINE = re.compile(r"(?:licen[cs]e:? )?(?:" + _LICENCE_NAME + r")\.?", re.IGNORECASE)
_LICENCE_CLAUSE = re.compile(r"licen[cs]ed under (?:an? |the )?(?:" + _LICENCE_NAME + ")", re.I)

_MARKDOWN_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?")
_CLOSING_HASHES = re.compile(r"(?:^| )#+$")

# Elements of trafilatura's XML output that carry one block of text each.
_XML_KINDS: dict[str, BlockKind] = {
    "head": "heading",
    "p": "paragraph",
    "item": "paragraph",
    "quote": "paragraph",
    "code": "paragraph",
}


# --- shared text helpers -------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Return text with unified newlines, cleaned as a page shows it (see generator.load.decode).

    Text read by the loader is already so; other callers may pass any text.
    """
    return clean_text(unify_newlines(text))


def _collapse(text: str) -> str:
    """Collapse whitespace runs to one space and strip the ends."""
    return text if _is_collapsed(text) else " ".join(text.split())


def _word_count(text: str) -> int:
    """Count whitespace-separated words."""
    if _is_collapsed(text):
        return text.count(" ") + 1 if text else 0
    return len(text.split())


def _is_collapsed(text: str) -> bool:
    """Tell, without splitting it into words, that text has single spaces between words and
    none at the ends: a printable text has no whitespace but the plain space."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _final_char(text: str) -> str:
    """Return the last character before any closing quotes or brackets ('' if none)."""
    return text.rstrip(_CLOSERS)[-1:]


def _ends_sentence(text: str) -> bool:
    """Tell whether text ends with sentence-final punctuation."""
    return _final_char(text) in _SENTENCE_END


def _ends_prose(text: str) -> bool:
    """Tell whether text ends like a line of prose (sentence end, colon or semicolon)."""
    return _final_char(text) in _PROSE_END


def _looks_truncated(blocks: Sequence[Block]) -> bool:
    """Tell whether the last paragraph stops mid-sentence, as a cut-off page does."""
    paragraphs = [block.text for block in blocks if block.kind == "paragraph"]
    return bool(paragraphs) and not _ends_sentence(paragraphs[-1])


def _http_url(candidate: str | None) -> str | None:
    """Return candidate if it is an absolute http(s) URL, else None."""
    if not candidate:
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:  # e.g. an unclosed '[' in the host
        return None
    return candidate if parts.scheme in ("http", "https") and parts.netloc else None


def _make_date(year: str, month: int | None, day: str) -> datetime.date | None:
    """Build a date from parsed parts, or None when they name no real day."""
    if month is None:
        return None
    try:
        return datetime.date(int(year), month, int(day))
    except ValueError:
        return None


# --- chrome readers: each returns the facts a chrome line carries, or None if not chrome -----


def _read_marker(line: str) -> _Facts | None:
    """Read a ``date YYYY-MM-DD ...`` marker line; the rest of the line is chrome."""
    found = _DATE_MARKER.fullmatch(line)
    if found is None:
        return None
    year, month, day = found[1].split("-")
    return _Facts(date=_make_date(year, int(month), day))


def _parse_date(line: str) -> datetime.date | None:
    """Parse a line holding nothing but a date (ISO or written out, time optional)."""
    iso = _ISO_DATE.fullmatch(line)
    if iso is not None:
        return _make_date(iso[1], int(iso[2]), iso[3])
    for pattern in _WRITTEN_DATES:
        written = pattern.fullmatch(line.casefold())
        if written is not None:
            return _make_date(written["y"], _MONTHS.get(written["m"]), written["d"])
    return None


def _read_date_line(line: str) -> _Facts | None:
    """Read a stray date-only line."""
    found = _parse_date(line)
    return None if found is None else _Facts(date=found)


def _read_breadcrumb(line: str) -> _Facts | None:
    """Read a breadcrumb such as ``Events / Transcripts /``; its last crumb is the section."""
    if not line.endswith("/") or _BREADCRUMB.fullmatch(line) is None:
        return None
    crumbs = [crumb.strip() for crumb in line.split("/") if crumb.strip()]
    return _Facts(section=crumbs[-1]) if crumbs else None


def _read_source_link(line: str) -> _Facts | None:
    """Read an ``Original article link: URL`` line."""
    found = _SOURCE_LINK.fullmatch(line)
    return None if found is None else _Facts(url=_http_url(found[1]))


def _licence_label(found: re.Match[str]) -> str:
    """Name the licence a licence-pattern match found, in its usual short form."""
    if found["pd"]:
        return "Public domain"
    if found["ccby"]:
        return f"CC BY {found['ccby']}"
    if found["ogl"]:
        return "Open Government Licence" + (f" v{found['oglv']}" if found["oglv"] else "")
    return "CC0 1.0"


def _read_licence(line: str) -> _Facts | None:
    """Read a licence mark: a line naming only a licence, or a 'licensed under' notice."""
    found = _LICENCE_LINE.fullmatch(line) or _LICENCE_CLAUSE.search(line)
    return None if found is None else _Facts(licence=_licence_label(found))


def _read_furniture(line: str) -> _Facts | None:
    """Recognise well-known page furniture, which carries no facts."""
    folded = line.casefold()
    if folded in _FURNITURE:
        return _Facts()
    tool = folded.startswith(_FURNITURE_PREFIXES) and not _ends_sentence(line)
    return _Facts() if tool else None


_CHROME_READERS: tuple[_ChromeReader, ...] = (
    _read_marker,
    _read_date_line,
    _read_breadcrumb,
    _read_source_link,
    _read_licence,
    _read_furniture,
)


def _chrome_facts(line: str) -> _Facts | None:
    """Return the facts a chrome line carries, or None when the line is not chrome."""
    if len(line) > _MAX_CHROME_CHARS:
        return None
    for reader in _CHROME_READERS:
        facts = reader(line)
        if facts is not None:
            return facts
    return None


# --- raw text --------------------------------------------------------------------------------


def _line_groups(text: str) -> tuple[tuple[str, ...], ...]:
    """Split text into blank-line separated groups of whitespace-collapsed lines."""
    groups: list[tuple[str, ...]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = _collapse(raw)
        if line:
            current.append(line)
        elif current:
            groups.append(tuple(current))
            current = []
    if current:
        groups.append(tuple(current))
    return tuple(groups)


def _strip_chrome(
    groups: Sequence[Sequence[str]],
) -> tuple[_Facts, tuple[tuple[str, ...], ...]]:
    """Remove chrome lines from every group, collecting the facts they carry."""
    facts = _Facts()
    kept_groups: list[tuple[str, ...]] = []
    for group in groups:
        kept: list[str] = []
        for line in group:
            found = _chrome_facts(line)
            if found is None:
                kept.append(line)
            else:
                facts = facts.merge(found)
        if kept:
            kept_groups.append(tuple(kept))
    return facts, tuple(kept_groups)


def _reads_on(lines: Sequence[str]) -> bool:
    """Tell whether lines read as one running text rather than a stack of headlines."""
    return _ends_prose(lines[-1]) or any(line[:1].islower() for line in lines[1:])


def _is_wrapped(lines: Sequence[str]) -> bool:
    """Tell whether a multi-line group is one paragraph hard-wrapped at a fixed width."""
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines)
    inner = lines[:-1]
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return False
    if any(len(line) < width * _WRAP_FILL for line in inner):
        return False
    # A wrapped line may end a sentence by chance, but not most of them.
    stops = sum(_ends_sentence(line) for line in inner)
    return stops * 2 <= len(inner) and _reads_on(lines)


def _units(groups: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Turn groups into units: a wrapped group is one unit, otherwise each line is one."""
    units: list[str] = []
    for group in groups:
        units.extend([" ".join(group)] if _is_wrapped(group) else group)
    return tuple(units)


def _opens_body(unit: str) -> bool:
    """Tell whether a unit is body prose rather than a header line."""
    words = _word_count(unit)
    return words > _MAX_HEADLINE_WORDS or (words >= _MIN_BODY_WORDS and _ends_prose(unit))


def _split_header(units: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split units at the first body paragraph into (header lines, body units)."""
    for index, unit in enumerate(units):
        if _opens_body(unit):
            return tuple(units[:index]), tuple(units[index:])
    return tuple(units), ()


def _is_label(line: str) -> bool:
    """Tell whether a header line is short enough to be a section label."""
    return _word_count(line) <= _MAX_LABEL_WORDS and len(line) <= _MAX_LABEL_CHARS


def _read_header(lines: Sequence[str]) -> _Header:
    """Pick title, subtitle and section label out of the header lines; the rest is chrome."""
    if not lines:
        return _Header()
    long_enough = (i for i, line in enumerate(lines) if _word_count(line) >= _MIN_TITLE_WORDS)
    at = next(long_enough, len(lines) - 1)
    before = lines[at - 1] if at > 0 else None
    after = lines[at + 1] if at + 1 < len(lines) else None
    return _Header(
        title=lines[at],
        subtitle=after if after and _word_count(after) >= _MIN_TITLE_WORDS else None,
        section=before if before and _is_label(before) else None,
    )


def _is_subheading(unit: str) -> bool:
    """Tell whether a body unit looks like a subheading: short, capitalised, unpunctuated."""
    return (
        _word_count(unit) <= _MAX_HEADING_WORDS
        and len(unit) <= _MAX_HEADING_CHARS
        and _final_char(unit) not in _HEADING_STOPS
        and not unit[:1].islower()
    )


def _body_blocks(units: Sequence[str]) -> tuple[Block, ...]:
    """Classify body units; a subheading needs text after it, so the last unit is a paragraph."""
    last = len(units) - 1
    return tuple(
        Block("heading" if index < last and _is_subheading(unit) else "paragraph", unit)
        for index, unit in enumerate(units)
    )


def extract_text(text: str) -> Extracted:
    """Recover metadata and body blocks from raw scraped text, by the rules in the module doc."""
    facts, groups = _strip_chrome(_line_groups(_normalise(text)))
    header_lines, body = _split_header(_units(groups))
    header = _read_header(header_lines)
    blocks = _body_blocks(body)
    return Extracted(
        title=header.title,
        subtitle=header.subtitle,
        section=facts.section or header.section,
        licence=facts.licence,
        date=facts.date,
        url=facts.url,
        truncated=_looks_truncated(blocks),
        blocks=blocks,
    )


# --- Markdown --------------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Split '---'-fenced YAML front matter off the top of decoded text (see generator.load.decode:
    '\\n' line ends, no byte order mark): (the YAML, or None when there is none; the body)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, text
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            front = "".join(line + "\n" for line in lines[1:index])
            return front, "\n".join(lines[index + 1 :])
    return None, text


def _markdown_heading(line: str) -> tuple[int, str] | None:
    """Return (level, text) for an ATX heading line, or None for any other line."""
    found = _MARKDOWN_HEADING.fullmatch(line)
    if found is None:
        return None
    return len(found[1]), _collapse(_CLOSING_HASHES.sub("", (found[2] or "").strip()))


def _markdown_items(text: str) -> Iterator[tuple[int, str]]:
    """Yield (heading level, text) per block of a Markdown body; level 0 marks a paragraph."""
    lines: list[str] = []
    for raw in text.split("\n"):
        heading = _markdown_heading(raw)
        line = _collapse(raw)
        if line and heading is None:
            lines.append(line)
            continue
        if lines:
            yield 0, " ".join(lines)
            lines = []
        if heading is not None and heading[1]:
            yield heading
    if lines:
        yield 0, " ".join(lines)


def extract_markdown(body: str) -> Extracted:
    """Read a Markdown body: '#' headings and blank-line paragraphs; the first '# ' is the title."""
    items = tuple(_markdown_items(_normalise(body)))
    title_at = next((i for i, (level, _) in enumerate(items) if level == 1), None)
    blocks = tuple(
        Block("heading" if level else "paragraph", text)
        for index, (level, text) in enumerate(items)
        if index != title_at
    )
    return Extracted(
        title=None if title_at is None else items[title_at][1],
        subtitle=None,
        section=None,
        licence=None,
        date=None,
        url=None,
        truncated=_looks_truncated(blocks),
        blocks=blocks,
    )


# --- HTML ------------------------------------------------------------------------------------


def _space_line_breaks(body: _XmlNode) -> None:
    """Put a space after every <lb/>, which would otherwise glue the lines around it together."""
    for line_break in body.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")


def _xml_blocks(node: _XmlNode) -> Iterator[Block]:
    """Yield one block per outermost text element of trafilatura's XML body, in order."""
    for child in node.iterchildren():
        kind = _XML_KINDS.get(child.tag) if isinstance(child.tag, str) else None
        if kind is None:
            yield from _xml_blocks(child)
            continue
        text = _collapse("".join(child.itertext()))
        if text:
            yield Block(kind, text)


def _drop_title_heading(blocks: tuple[Block, ...], title: str | None) -> tuple[Block, ...]:
    """Drop a leading heading that repeats the page title."""
    if blocks and title and blocks[0].kind == "heading" and blocks[0].text == title:
        return blocks[1:]
    return blocks


def _iso_date(value: str | None) -> datetime.date | None:
    """Parse trafilatura's YYYY-MM-DD date, or None."""
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _html_document(html: str) -> "Document | None":
    """Run trafilatura on a page: main content as an XML tree, plus metadata."""
    # Imported here: loading trafilatura takes a tenth of a second, and most projects hold
    # text and Markdown articles only.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        _normalise(html),
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    return document if isinstance(document, Document) else None


def extract_html(html: str) -> Extracted:
    """Extract a saved HTML page's article via trafilatura; navigation and boilerplate drop out."""
    document = _html_document(html)
    if document is None or document.body is None:
        return _NOTHING
    _space_line_breaks(document.body)
    title = _collapse(document.title or "") or None
    blocks = _drop_title_heading(tuple(_xml_blocks(document.body)), title)
    return Extracted(
        title=title,
        subtitle=None,
        section=next(iter(document.categories or ()), None),
        licence=document.license,
        date=_iso_date(document.date),
        url=_http_url(document.url),
        truncated=_looks_truncated(blocks),
        blocks=blocks,
    )
