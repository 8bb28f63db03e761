"""Lines of article text: whitespace collapsed, words counted, final punctuation read."""

from __future__ import annotations

import re
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


# Items a page sets apart by runs of spaces, not by words ("Home page     Newsletter    Feedback").
SPACE_RUN = re.compile(r" {2,}|\t")
MIN_SPACED_ITEMS = 3
MAX_SPACED_ITEM_WORDS = 4


def collapse_line(raw: str) -> str:
    """A raw line collapsed; a row of short items set apart by runs of spaces (a menu as a
    browser copies it) keeps them apart, as `' | '`, for the menu rule to see them."""
    if "  " not in raw.strip() and "\t" not in raw:
        return collapse(raw)
    items = [item for item in SPACE_RUN.split(raw.strip()) if item]
    spaced = len(items) >= MIN_SPACED_ITEMS and all(
        len(item.split()) <= MAX_SPACED_ITEM_WORDS
        and not ends_prose(item)
        and any(char.isalnum() for char in item)  # no separator of its own ("By AFP  |  …")
        for item in items
    )
    return " | ".join(collapse(item) for item in items) if spaced else collapse(raw)


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
        line = collapse_line(raw)
        if line:
            current.append(Line(number, line))
        elif current:
            groups.append(tuple(current))
            current = []
    if current:
        groups.append(tuple(current))
    return tuple(groups)
