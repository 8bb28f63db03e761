"""What extraction makes of an article: its body blocks, the facts its text states, and the
lines it removed as page chrome."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from generator.load.extract.lines import ends_sentence
from generator.problems import Location

BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True, slots=True)
class Block:
    """One body block: a paragraph or a subheading, as a single whitespace-collapsed line;
    `line` is where it starts in the file (1 when the form keeps no lines, as HTML), which
    is no part of what the block is."""

    kind: BlockKind
    text: str
    line: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class Removed:
    """A line left out of the article as page chrome, and why; `line` is 0 for a form that
    keeps no lines (HTML), `rule` the outlet rule of briefings/sources.yaml that removed it."""

    line: int
    text: str
    reason: str
    rule: Location | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an article's own text says about it; None wherever the text does not say.

    `outlet` is the name the page gives its site; `title_line` the line the title is on.
    """

    title: str | None
    subtitle: str | None
    section: str | None
    licence: str | None
    date: datetime.date | None
    url: str | None
    truncated: bool
    blocks: tuple[Block, ...]
    outlet: str | None = None
    removed: tuple[Removed, ...] = ()
    title_line: int = 1


NOTHING = Extracted(None, None, None, None, None, None, False, ())
"""An article whose text yields nothing at all."""


def looks_truncated(blocks: Sequence[Block]) -> bool:
    """Tell whether the last paragraph stops mid-sentence, as a cut-off page does."""
    paragraphs = [block.text for block in blocks if block.kind == "paragraph"]
    return bool(paragraphs) and not ends_sentence(paragraphs[-1])


def without_repeats(
    blocks: Sequence[Block], min_words: int
) -> tuple[tuple[Block, ...], list[Block]]:
    """The blocks without later copies of a paragraph of `min_words` words or more (a page
    that prints a passage twice): (the blocks kept, the copies)."""
    seen: set[str] = set()
    kept: list[Block] = []
    copies: list[Block] = []
    for block in blocks:
        long = block.text.count(" ") + 1 >= min_words
        if long and block.text in seen:
            copies.append(block)
            continue
        seen.add(block.text)
        kept.append(block)
    return tuple(kept), copies
