"""Finding an evidence quote in the paragraphs of the article it cites.

Matching forgives only what a careful human copying by hand would change:

- runs of whitespace and line breaks count as one space;
- straight and typographic quotes and apostrophes are the same, and so are dash variants;
- an elision, written `…` or `...`, stands for a gap: the parts around it must appear in that
  order in one paragraph, each gap at most MAX_GAP characters long (a sentence or two).

A quote that copies an article's own "..." matches literally before it is read as an elision.
Everything else (a changed, added or dropped word, other capitals) is a miss, and the miss says
which passage of the article comes closest and how close, found with rapidfuzz.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

MAX_GAP = 300
"""The most characters (after folding whitespace) an elision may stand for."""

FOLDED = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}
ELISION = re.compile(r" ?\.{3,} ?")
# What folding changes: whitespace other than one plain space, and the characters of FOLDED.
FOLD_POINTS = re.compile(r" \s+|[^\S ]\s*|[" + re.escape("".join(FOLDED)) + "]")
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Characters [start, end) of a paragraph's original text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Found:
    """Where a quote is: the paragraph's index and the spans its words cover, in order."""

    index: int
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Missed:
    """A quote not in the article, with the closest passage (index None: the article is empty).

    `gap` is set when every part around an elision was found in order in that paragraph, but
    further apart than MAX_GAP: the longest gap, in characters.
    """

    index: int | None
    passage: str
    similarity: int
    gap: int | None = None


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded for matching, and the text it was folded from (`source`)."""

    text: str
    source: str

    def origin(self, index: int) -> int:
        """The original index of folded character `index`."""
        runs = fold_runs(self.source)
        folded_start, start, linear = runs[bisect.bisect_right(runs, (index, 1 << 62)) - 1]
        return start + (index - folded_start if linear else 0)

    def span(self, start: int, end: int) -> Span:
        """The original span of folded characters [start, end)."""
        return Span(self.origin(start), self.origin(end - 1) + 1)


def fold(text: str) -> str:
    """The text as matching sees it: one space per whitespace run, plain quotes and dashes."""
    return folded(text).text


@lru_cache(maxsize=4096)
def folded(text: str) -> Folded:
    """Fold `text`; where its characters come from is worked out only when asked (fold_runs).

    Quotes are sought in every paragraph of their articles, but found in one: folding is a
    str.replace per folded character present and a whitespace pass only where there are
    other spaces than single plain ones (a printable text has no other whitespace).
    """
    core = text.strip()
    for character, replacement in FOLDED.items():
        if character in core:
            core = core.replace(character, replacement)
    if not core.isprintable() or "  " in core:
        core = WHITESPACE.sub(" ", core)
    return Folded(core, text)


@lru_cache(maxsize=1024)
def fold_runs(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Where the characters of `folded(text).text` come from, as runs: `runs[k]` is (folded
    start, original start, whether the run follows the original one for one); in a run that
    does not (a whitespace run made one space, '…' made '...'), every folded character comes
    from the run's original start."""
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    runs: list[tuple[int, int, bool]] = []
    size = position = 0
    for match in FOLD_POINTS.finditer(core):
        start, end = match.span()
        if start > position:
            runs.append((size, lead + position, True))
            size += start - position
        found = match.group()
        runs.append((size, lead + start, False))
        size += 1 if found[0].isspace() else len(FOLDED[found])
        position = end
    if position < len(core):
        runs.append((size, lead + position, True))
    return tuple(runs)


def is_blank(quote: str) -> bool:
    """Whether a quote has no words at all (only spaces and elisions)."""
    return not any(elided_parts(fold(quote)))


def find_quote(quote: str, paragraphs: Sequence[str]) -> Found | Missed:
    """The first paragraph holding `quote` as written, else with its elisions as gaps."""
    return find_in(quote, tuple(paragraphs))


@lru_cache(maxsize=4096)  # a live preview checks the same quotes on every change
def find_in(quote: str, paragraphs: tuple[str, ...]) -> Found | Missed:
    """The first paragraph holding `quote` as written, else with its elisions as gaps
    (`paragraphs` a tuple: the results are kept)."""
    wanted = fold(quote)
    texts = [folded(paragraph) for paragraph in paragraphs]
    for index, text in enumerate(texts):
        at = text.text.find(wanted)
        if at >= 0 and wanted:
            return Found(index, (text.span(at, at + len(wanted)),))
    parts = elided_parts(wanted)
    if len(parts) > 1:
        for index, text in enumerate(texts):
            found = find_parts(parts, text.text, MAX_GAP)
            if found is not None:
                return Found(index, tuple(text.span(start, end) for start, end in found))
    return closest(parts, paragraphs, texts)


def elided_parts(wanted: str) -> list[str]:
    """The parts of a folded quote between its elisions, without empty ones."""
    return [part for part in ELISION.split(wanted) if part]


def find_parts(parts: list[str], text: str, max_gap: int) -> list[tuple[int, int]] | None:
    """The first placement of `parts`, in order, each starting at most `max_gap` after the last.

    Dynamic programming over the occurrences of each part, so that a quote with many short
    parts costs time linear in the occurrences rather than exponential.
    """
    reached = [(start, start + len(parts[0]), -1) for start in occurrences(parts[0], text)]
    chains = [reached]
    for part in parts[1:]:
        ends = [end for _, end, _ in reached]
        reached = []
        for start in occurrences(part, text):
            before = bisect.bisect_right(ends, start) - 1
            if before >= 0 and start - ends[before] <= max_gap:
                reached.append((start, start + len(part), before))
        if not reached:
            return None
        chains.append(reached)
    return walk_back(chains)


def walk_back(chains: list[list[tuple[int, int, int]]]) -> list[tuple[int, int]] | None:
    """The spans of the first complete chain, following each part back to its predecessor."""
    if not chains[-1]:
        return None
    spans = []
    link = 0
    for level in reversed(chains):
        start, end, link_before = level[link]
        spans.append((start, end))
        link = link_before
    return spans[::-1]


def occurrences(part: str, text: str) -> list[int]:
    """Every start of `part` in `text`, overlapping ones included, in order."""
    found = []
    at = text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def closest(parts: list[str], paragraphs: Sequence[str], texts: list[Folded]) -> Missed:
    """Why a quote is not in the article: its parts too far apart, or the most alike passage."""
    if len(parts) > 1:
        for index, text in enumerate(texts):
            found = find_parts(parts, text.text, len(text.text))
            if found is not None:
                gaps = [start - end for (_, end), (start, _) in itertools.pairwise(found)]
                return Missed(index, "", 100, max(gaps))
    return most_alike(" ".join(parts), paragraphs, texts)


def most_alike(needle: str, paragraphs: Sequence[str], texts: list[Folded]) -> Missed:
    """The passage of the article most like `needle`, about as long, with its similarity."""
    from rapidfuzz import fuzz  # imported here: only a quote that is not found needs it

    best: tuple[float, int, int, int] | None = None
    for index, text in enumerate(texts):
        alignment = fuzz.partial_ratio_alignment(needle, text.text) if text.text else None
        if alignment is not None and (best is None or alignment.score > best[0]):
            best = (alignment.score, index, alignment.dest_start, alignment.dest_end)
    if best is None:
        return Missed(None, "", 0)
    score, index, start, end = best
    span = texts[index].span(start, max(end, start + 1))
    return Missed(index, passage_around(paragraphs[index], span), int(score))


def passage_around(text: str, span: Span) -> str:
    """The span of `text` widened to whole words, on one line, with '…' where the text goes on."""
    start, end = span.start, span.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    before = "…" if text[:start].strip() else ""
    after = "…" if text[end:].strip() else ""
    return f"{before}{' '.join(text[start:end].split())}{after}"
