"""A saved page's date, in three steps, each only when the one before finds none:

1. the page's metadata and markup, as htmldate reads them without searching the text (meta
   tags, JSON-LD, `<time>` elements);
2. the date line printed near the headline, read by the rules of scraped text (see `dates`):
   the best-ranked of the few text nodes around the first one that holds the headline;
3. htmldate's search of the whole page (its URL, its text, a copyright year).

The third step is a guess: a copyright line gives a year and htmldate makes it the 1st of
January. No step reads the clock: the latest date accepted is fixed.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from generator.load.extract.dates import iso_date, read_date_line
from generator.load.extract.lines import collapse

LATEST = "2099-12-31"  # dates after this are refused: a fixed bound, not today
METADATA_ONLY: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "max_date": LATEST,
}
BEFORE_HEADLINE = 3
AFTER_HEADLINE = 8
TEXT_NODES = "//body//text()[not(ancestor::script) and not(ancestor::style)]"


def page_texts(tree: Any) -> tuple[str, ...]:
    """The page's visible text nodes, whitespace-collapsed, in document order."""
    texts = (collapse(str(text)) for text in tree.xpath(TEXT_NODES))
    return tuple(text for text in texts if text)


def headline_date(texts: Sequence[str], headline: str | None) -> datetime.date | None:
    """The best-ranked date line among the text nodes around the headline's, or None."""
    if not headline:
        return None
    at = next((i for i, text in enumerate(texts) if holds_headline(text, headline)), None)
    if at is None:
        return None
    ranked = []
    for index in range(max(0, at - BEFORE_HEADLINE), min(len(texts), at + AFTER_HEADLINE + 1)):
        dated = read_date_line(texts[index])
        if dated is not None:
            ranked.append((dated.rank, abs(index - at), dated.date))
    return min(ranked)[2] if ranked else None


def holds_headline(text: str, headline: str) -> bool:
    """Whether a text node is the headline, or the larger part of it (a headline split by an
    inline element)."""
    return text == headline or (2 * len(text) >= len(headline) and text in headline)


def searched_date(html: str) -> datetime.date | None:
    """htmldate's date for the page, searched everywhere in it (step 3), or None."""
    from htmldate import find_date

    return iso_date(find_date(html, extensive_search=True, original_date=True, max_date=LATEST))


def page_date(
    metadata: str | None, texts: Sequence[str], headline: str | None, html: str
) -> datetime.date | None:
    """The page's date by the three steps of the module doc."""
    return iso_date(metadata) or headline_date(texts, headline) or searched_date(html)
