"""Finding an evidence quote in the paragraphs of the article it cites.

Matching forgives only what a human would not notice: runs of whitespace, straight against
typographic quotes and apostrophes, and dash variants.
"""

from __future__ import annotations

import re

FOLDED = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """The text with whitespace runs made one space and quote and dash variants made plain."""
    return WHITESPACE.sub(" ", text.translate(FOLDED)).strip()


def find_quote(quote: str, paragraphs: tuple[str, ...]) -> int | None:
    """The index of the first paragraph that contains `quote`, or None."""
    wanted = fold(quote)
    if not wanted:
        return None
    for index, paragraph in enumerate(paragraphs):
        if wanted in fold(paragraph):
            return index
    return None
