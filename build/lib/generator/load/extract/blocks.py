"""What extraction makes of an article: its body blocks and the facts its text states."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from generator.load.extract.lines import ends_sentence

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


NOTHING = Extracted(None, None, None, None, None, None, False, ())
"""An article whose text yields nothing at all."""


def looks_truncated(blocks: Sequence[Block]) -> bool:
    """Tell whether the last paragraph stops mid-sentence, as a cut-off page does."""
    paragraphs = [block.text for block in blocks if block.kind == "paragraph"]
    return bool(paragraphs) and not ends_sentence(paragraphs[-1])
