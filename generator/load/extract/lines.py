"""Lines of article text: whitespace collapsed, words counted, final punctuation read."""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.decode import clean_text, unify_newlines

SENTENCE_END = frozenset(".!?…")
PROSE_END = SENTENCE_END | frozenset(":;")
HEADING_STOPS = PROSE_END | frozenset(",-\u2013\u2014")  # comma, hyphen, en and em dash
# Closing quotes and brackets may follow the punctuation that really ends a line.
CLOSERS = "\"'\u201d\u2019\u00bb)]*"


def normalise(text: str) -> str:
    """Return text with unified newlines, cleaned as a page shows it (see generator.load.decode).

    Text read by the loader is already so; other callers may pass any text.
    """
    return clean_text(unify_newlines(text))


def collapse(text: str) -> str:
    """Collapse whitespace runs to one space and strip the ends."""
    return text if is_collapsed(text) else " ".join(text.split())


def word_count(text: str) -> int:
    """Count whitespace-separated words."""
    if is_collapsed(text):
        return text.count(" ") + 1 if text else 0
    return len(text.split())


def is_collapsed(text: str) -> bool:
    """Tell, without splitting it into words, that text has single spaces between words and
    none at the ends: a printable text has no whitespace but the plain space."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def final_char(text: str) -> str:
    """Return the last character before any closing quotes or brackets ('' if none)."""
    return text.rstrip(CLOSERS)[-1:]


def ends_sentence(text: str) -> bool:
    """Tell whether text ends with sentence-final punctuation."""
    return final_char(text) in SENTENCE_END


def ends_prose(text: str) -> bool:
    """Tell whether text ends like a line of prose (sentence end, colon or semicolon)."""
    return final_char(text) in PROSE_END


@dataclass(frozen=True, slots=True)
class Line:
    """A whitespace-collapsed, non-blank line of a text, with its 1-based line number."""

    number: int
    text: str


def numbered_groups(text: str) -> tuple[tuple[Line, ...], ...]:
    """Split text into blank-line separated groups of whitespace-collapsed, numbered lines."""
    groups: list[tuple[Line, ...]] = []
    current: list[Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = collapse(raw)
        if line:
            current.append(Line(number, line))
        elif current:
            groups.append(tuple(current))
            current = []
    if current:
        groups.append(tuple(current))
    return tuple(groups)
