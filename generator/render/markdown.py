"""The filters that make untrusted text inert Markdown: escaping, quote marks, links, badges.

Every text from an article or a briefing reaches a page through one of them ('md' or
'highlight' in the templates, 'html' inside a raw HTML block); output is Markdown, so Jinja2's
HTML autoescaping is off.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from generator.load.decode import clean_text
from generator.load.schema import is_web_address
from generator.model import STANCE_BY_ID
from generator.model.quotes import Span

# Characters that start Markdown inline syntax anywhere in a line; Python-Markdown honours a
# backslash before each of them ('|' through the tables extension). Other punctuation only
# means something after one of these, or at the start of a line. '<' and '&' (raw HTML and
# entities) become entities, so that nothing in the text is ever read as HTML. Replaced in this
# order, no replacement is seen by a later one: '&' before the entities that add one, the
# backslash before the escapes that add one (a str.replace per character present is ten times
# faster than a regular expression over every string of every page).
INLINE_ESCAPES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ("\\", "\\\\"),
    *((special, "\\" + special) for special in "`*_{}[]|"),
)
# At the start of a line: a heading, a list item, an ordered list ('1.'), an admonition
# ('!!!'), or a code fence ('~~~'; Python-Markdown has no backslash escape for '~').
BLOCK_START = re.compile(r"^(?:([-+#!])|(\d+)\.|(~))")
BLOCK_MARKERS = frozenset("-+#!~")  # and the decimal digits ('\d' is str.isdecimal)
WHITESPACE = re.compile(r"\s+")
MARK = ('<mark class="quoted">', "</mark>")
# A link title is an attribute: HTML-escaped, and with the characters that Python-Markdown
# reads before it parses a link (escapes, code spans, brackets) written as numeric entities.
TITLE_ESCAPES = {ord(c): f"&#{ord(c)};" for c in "\\`[]()"}


@dataclass(frozen=True, slots=True)
class CitedBy:
    """A position that quotes a highlighted passage: its number in the article's "Cited by"
    list, the docs path of its section and its name ('Northland on Ceasefire', untrusted)."""

    number: int
    path: str
    name: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted passage of a paragraph, made of the overlapping or touching quotes there:
    where in it each quote starts (offset, anchor id), and the positions that quote it."""

    span: Span
    anchors: tuple[tuple[int, str], ...]
    cited_by: tuple[CitedBy, ...]


def escape_markdown(text: object) -> str:
    """Untrusted text as inert inline Markdown: one line, no markup, no HTML, no links."""
    return escape_line_start(escape_inline(str(text)).strip())


def escape_html(text: object) -> str:
    """Untrusted text as inert text of a raw HTML block, where Markdown is not read: one line,
    cleaned as `escape_inline` cleans it, with entities for '&', '<' and '>'."""
    flat = WHITESPACE.sub(" ", clean_text(str(text))).strip()
    return html.escape(flat, quote=False)


def escape_inline(text: str) -> str:
    """A piece of untrusted text made inert inside a line; whitespace runs become one space.

    The text is cleaned first (generator.load.decode.clean_text): no control or format characters.
    """
    flat = clean_text(text)
    # A printable text holds no whitespace but the plain space (tabs, line breaks and other
    # spaces are not printable), so only a double space needs collapsing.
    if not flat.isprintable() or "  " in flat:
        flat = WHITESPACE.sub(" ", flat)
    for special, escaped in INLINE_ESCAPES:
        if special in flat:
            flat = flat.replace(special, escaped)
    return flat


def escape_line_start(text: str) -> str:
    """Escape what would start a heading or a list at the start of a line."""
    first = text[:1]
    if first not in BLOCK_MARKERS and not first.isdecimal():  # most lines: nothing to escape
        return text
    return BLOCK_START.sub(escape_block_start, text)


def escape_block_start(start: re.Match[str]) -> str:
    marker, number, tilde = start.groups()
    if tilde:
        return "&#126;"
    return f"\\{marker}" if marker else f"{number}\\."


def highlight(text: object, spans: Sequence[Span | Mark], root: str = "") -> str:
    """Untrusted text escaped as by 'md', with the quoted spans (offsets into it) marked.

    Given marks (a quoted paragraph's, from its page's view), each mark also carries the
    anchors of the quotes in it and is followed by links to the positions citing it, from a
    page whose way up is `root`. The text is cut at the spans first and each piece escaped on
    its own: escaping first would move the offsets, and marking after could cut an escape
    sequence in two.
    """
    text = str(text)
    pieces, cursor = [], 0
    for mark in as_marks(text, spans):
        pieces.append(escape_inline(text[cursor : mark.span.start]))
        pieces.append(marked(text, mark, root))
        cursor = mark.span.end
    pieces.append(escape_inline(text[cursor:]))
    return escape_line_start("".join(pieces).strip())


def as_marks(text: str, spans: Sequence[Span | Mark]) -> Sequence[Mark]:
    """Marks as given, or made of spans merged as merge_spans does (without anchors or links)."""
    if all(isinstance(span, Mark) for span in spans):
        return spans  # type: ignore[return-value]
    if all(isinstance(span, Span) for span in spans):
        return [Mark(span, (), ()) for span in merge_spans(text, spans)]  # type: ignore[arg-type]
    raise TypeError("'highlight' takes a paragraph's quoted spans or marks")


def marked(text: str, mark: Mark, root: str) -> str:
    """One mark: the anchors of the quotes starting in it, its text, the links to its citers."""
    start, end = mark.span.start, mark.span.end
    ids = dict(sorted(mark.anchors, reverse=True))  # one anchor per offset
    opening = f'<mark class="quoted" id="{ids.pop(start)}">' if start in ids else MARK[0]
    pieces, cursor = [opening], start
    for offset, anchor in sorted(ids.items()):
        pieces.append(escape_inline(text[cursor:offset]) + f'<span id="{anchor}"></span>')
        cursor = offset
    pieces.append(escape_inline(text[cursor:end]) + MARK[1])
    if mark.cited_by:
        links = (f'[{c.number}]({root}{c.path} "{escape_title(c.name)}")' for c in mark.cited_by)
        pieces.append(f'<sup class="cited-by">{", ".join(links)}</sup>')
    return "".join(pieces)


def escape_title(text: object) -> str:
    """Untrusted text as the title of a Markdown link: one line, inert."""
    flat = " ".join(clean_text(str(text)).split())
    return html.escape(flat, quote=True).translate(TITLE_ESCAPES)


def merge_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans in order and inside the text, no two overlapping or parted only by whitespace.

    Such spans are joined, so that the quotes of several positions make one mark.
    """
    merged: list[Span] = []
    for span in sorted(spans):
        start, end = max(span.start, 0), min(span.end, len(text))
        if start >= end:
            continue
        if merged and text[merged[-1].end : start].strip() == "":
            previous = merged.pop()
            start, end = previous.start, max(previous.end, end)
        merged.append(Span(start, end))
    return merged


def escape_url(url: object) -> str:
    """An http(s) address with a host, made safe as a Markdown link target; else '#'."""
    text = str(url)
    if not is_web_address(text):
        return "#"
    return quote(text, safe=":/?#@!$&'*+,;=%-._~[]")


def stance_badge(stance: object) -> str:
    """A stance label readable without colour: a symbol and the word, coloured by CSS class.

    ValueError (reported at the template line) when `stance` is not a stance id.
    """
    entry = STANCE_BY_ID.get(stance) if isinstance(stance, str) else None
    if entry is None:
        given = (
            f"'{stance}'" if isinstance(stance, str) else f"a value of type {type(stance).__name__}"
        )
        raise ValueError(f"'badge' takes a stance id such as 'supports', not {given}")
    return f'<span class="stance stance--{entry.id}">{entry.symbol} {entry.label}</span>'
