"""Sentences of a paragraph, as character spans, so that every sentence is a verbatim quote.

The splitter is nltk's Punkt (`PunktSentenceTokenizer.span_tokenize`), untrained, with a list
of abbreviations in its parameters: no model is downloaded, and its offsets are exact. Untrained
Punkt splits after every "U.S." and "Mr."; with the list it is as careful as the best of the
splitters measured on the corpus (see docs/src/design/suggestions.md), and pure Python. A
post-pass adds what Punkt does not do with news and transcripts:

- it splits after an ellipsis ("…", "...") or a transcript's cut mark ("<…>") before a capital,
  where a new sentence or a speaker label starts;
- it splits sentences that scraping glued together ("for decades.They", "it.(Laughter.)");
- it joins a piece that starts in lower case to the sentence before ('?" the President
  asked'), since a sentence never does.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import Any

from generator.model.suggest.cues import forms

Span = tuple[int, int]

ABBREVIATIONS = forms(
    """mr mrs ms dr st prof gen lt col sen rep gov jr sr mt ft vs cf inc co corp ltd ave art no
    nos vol pp fig para u.s u.k u.n e.u i.e e.g a.m p.m"""
)
"""Words after which a full stop does not end a sentence (lower case, without the last dot)."""
# Where Punkt leaves a sentence whole but a new one starts: after an ellipsis or a cut mark,
# and at a full stop glued to the next sentence's capital.
EXTRA_BOUNDARY = re.compile(
    r"(?:\u2026|\.\.\.|<\u2026>|<\.\.\.>)[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z<])"
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\s|\([A-Z]|\*)"
)


@cache
def punkt() -> Any:
    """The tokenizer, made once: nltk is imported only when sentences are first needed."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(parameters)


def sentence_spans(text: str) -> tuple[Span, ...]:
    """The sentences of `text`, in order, without surrounding whitespace."""
    spans = [piece for span in punkt().span_tokenize(text) for piece in split_more(text, span)]
    return tuple(joined(text, spans))


def split_more(text: str, span: Span) -> list[Span]:
    """`span` cut where EXTRA_BOUNDARY finds a sentence end that Punkt missed."""
    start, end = span
    cuts = [m.end() for m in EXTRA_BOUNDARY.finditer(text, start, end) if m.end() < end]
    pieces = (trimmed(text, piece) for piece in itertools.pairwise([start, *cuts, end]))
    return [piece for piece in pieces if piece[1] > piece[0]]


def trimmed(text: str, span: Span) -> Span:
    """`span` without the whitespace at its ends."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def joined(text: str, spans: list[Span]) -> list[Span]:
    """The spans with each one that starts in lower case joined to the one before."""
    out: list[Span] = []
    for start, end in spans:
        if out and text[start].islower():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
