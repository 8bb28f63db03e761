"""Turn article text (raw scraped text, Markdown, saved HTML) into a title, metadata and blocks.

Everything here is pure: strings in, frozen values out, and any ``str`` is accepted. One module
per form of article (`text`, `markdown`, `html`); the helpers they share are named for what
they hold: `lines` (whitespace and punctuation), `chrome` (page furniture and the facts it
carries), `dates` (dates as pages print them) and `blocks` (the records made).
"""

from __future__ import annotations

from generator.load.extract.blocks import Block, BlockKind, Extracted
from generator.load.extract.html import extract_html
from generator.load.extract.markdown import extract_markdown, split_front_matter
from generator.load.extract.text import extract_text

__all__ = [
    "Block",
    "BlockKind",
    "Extracted",
    "extract_html",
    "extract_markdown",
    "extract_text",
    "split_front_matter",
]
