"""Turn article text (raw scraped text, Markdown, saved HTML) into a title, metadata and blocks.

Everything here is pure: strings in, frozen values out, and any ``str`` is accepted. One module
per form of article (`text`, `markdown`, `html`); the helpers they share are named for what
they hold: `lines` (whitespace and punctuation), `dates` (dates as pages print them, ranked by
kind), `furniture` (the kinds of page furniture) and `phrases` (their words, in the languages
read), `captions` (image captions told by the page around them), `scripts` (a text's writing
system), `chrome` (chrome lines and the facts they carry), `clean` (a text's lines sorted into
the article's and the chrome), `header` (title, subtitle, section), `sitename` (a saved page's
name for its site), `htmldates` (a saved page's date), `outlets` (an outlet's rules, as
briefings/sources.yaml gives them) and `blocks` (the records made).
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
