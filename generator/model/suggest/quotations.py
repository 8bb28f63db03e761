"""Quotations in a paragraph: where quotation marks open and close, and who the words are by.

A quotation may run over several sentences ("We insist that … . We want …," he said), and its
attribution may sit after its closing mark or before its opening one (Podolyak said: "…").
Marks are paired by what surrounds them, not by counting, so that one stray mark (a source
that lost its partner) cannot turn every later quotation inside out: a straight mark opens
after a space, a bracket, a colon or a dash and before a letter; typographic marks say which
they are. An opening mark with no closing mark pairs with nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]

OPENING = "\u201c\u00ab\u201e"
CLOSING = "\u201d\u00bb"
STRAIGHT = '"'
OPENS_AFTER = " \t\n([{:\u2013\u2014-/"
MARKS = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
MIN_WORDS = 3
"""A quotation of fewer words is a term ("prosperity package"), not someone's words."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """Characters [start, end) inside a pair of quotation marks."""

    start: int
    end: int

    def holds(self, span: Span) -> bool:
        """Whether most of `span` lies inside the quotation."""
        inside = min(self.end, span[1]) - max(self.start, span[0])
        return inside * 2 > span[1] - span[0]


def quotations(text: str) -> tuple[Quotation, ...]:
    """The quotations of `text` of at least MIN_WORDS words, in order."""
    found: list[Quotation] = []
    opened: int | None = None
    for mark in MARKS.finditer(text):
        index = mark.start()
        if opens(text, index):
            opened = index + 1
        elif opened is not None:
            if len(text[opened:index].split()) >= MIN_WORDS:
                found.append(Quotation(opened, index))
            opened = None
    return tuple(found)


def opens(text: str, index: int) -> bool:
    """Whether the mark at `index` opens a quotation."""
    mark = text[index]
    if mark in OPENING:
        return True
    if mark in CLOSING:
        return False
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before in OPENS_AFTER and not after.isspace()


def attribution(text: str, quotation: Quotation, sentences: tuple[Span, ...]) -> str:
    """The words that say whose a quotation is: the rest of the sentence after its closing
    mark (', he said.'), else the start of the sentence before its opening mark ('Podolyak
    said: "')."""
    after = next((s for s in sentences if s[0] <= quotation.end < s[1]), None)
    if after is not None:
        tail = text[quotation.end + 1 : after[1]].strip()
        if len(tail.split()) >= 2:
            return tail
    before = next((s for s in sentences if s[0] < quotation.start <= s[1]), None)
    if before is not None:
        return text[before[0] : quotation.start - 1]
    return ""
