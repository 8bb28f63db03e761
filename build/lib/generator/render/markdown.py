"""The filters that make untrusted text inert Markdown: escaping, quote marks, links, badges.

Every text from an article or a briefing reaches a page through one of them ('md' or
'highlight' in the templates); output is Markdown, so Jinja2's HTML autoescaping is off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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


def escape_markdown(text: object) -> str:
    """Untrusted text as inert inline Markdown: one line, no markup, no HTML, no links."""
    return escape_line_start(escape_inline(str(text)).strip())


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


def highlight(text: object, spans: Sequence[Span]) -> str:
    """Untrusted text escaped as by 'md', with the quoted spans (offsets into it) marked.

    The text is cut at the spans first and each piece escaped on its own: escaping first would
    move the offsets, and marking after could cut an escape sequence in two.
    """
    text = str(text)
    if not all(isinstance(span, Span) for span in spans):
        raise TypeError("'highlight' takes a paragraph's quoted spans, from relations.quoted_spans")
    pieces, cursor = [], 0
    for span in merge_spans(text, spans):
        pieces.append(escape_inline(text[cursor : span.start]))
        pieces.append(MARK[0] + escape_inline(text[span.start : span.end]) + MARK[1])
        cursor = span.end
    pieces.append(escape_inline(text[cursor:]))
    return escape_line_start("".join(pieces).strip())


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
    return f'<span class="stance stance--{entry.id}">{entry.symbol} {entry.id}</span>'
