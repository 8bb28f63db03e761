"""Image captions a page prints as lines of its own, found by what the page says around them.

A caption is credited (it opens with the copyright sign, or ends with a photo credit: see
`furniture`), or it ends with the site's name, as pages that put their name in every image's
alternative text print it ("… Lausanne - Sputnik International"): a " - Name" ending shared by
two lines or more. Another copy of a credited caption (without the credit, perhaps with the
site's name) is a caption too, and so is a headline right below a caption with the site's name:
the picture and title of a link to another story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.load.extract.chrome import COPYRIGHT_MARKS
from generator.load.extract.furniture import MAX_CREDIT_CHARS, is_caption
from generator.load.extract.lines import ends_prose, word_count

MIN_COPY_WORDS = 8
MAX_SITE_WORDS = 4
MIN_SITE_REPEATS = 2
MAX_LINK_WORDS = 20


@dataclass(frozen=True, slots=True)
class Captions:
    """The captions of one page: the credited ones, and those that end with the site's name."""

    credited: tuple[str, ...]
    named: frozenset[str]

    @classmethod
    def of(cls, lines: Sequence[str]) -> Captions:
        """The captions among a page's lines."""
        credited = tuple(text for text in lines if is_credited(text))
        endings = Counter(site_ending(text) for text in lines if " - " in text)
        shared = {name for name, count in endings.items() if name and count >= MIN_SITE_REPEATS}
        return cls(credited, frozenset(text for text in lines if site_ending(text) in shared))

    def verdict(self, text: str, previous: str) -> str | None:
        """Why a line is a caption or the headline under one, or None."""
        if text in self.named or self.copies(text):
            return "an image caption"
        if previous in self.named and is_link(text):
            return "the headline of another story, below its picture"
        return None

    def copies(self, text: str) -> bool:
        """Whether a long line is another copy of a credited caption."""
        if not self.credited or word_count(text) < MIN_COPY_WORDS:
            return False
        core = text.rsplit(" - ", 1)[0] if " - " in text else text
        return any(core in caption and core != caption for caption in self.credited)


def is_credited(text: str) -> bool:
    """Whether a line is an image caption by its credit (a copyright sign, a photo credit)."""
    if text.startswith(COPYRIGHT_MARKS):
        return True
    # A credit ends the line, in brackets or after a colon or a slash: the expression is tried
    # only on lines that can hold one.
    tail = text[-MAX_CREDIT_CHARS:]
    return (tail.endswith(")") or ":" in tail or "/" in tail) and is_caption(text)


def site_ending(text: str) -> str | None:
    """The " - Name" a line ends with, when Name is a few capitalised words, else None."""
    if " - " not in text:
        return None
    name = text.rsplit(" - ", 1)[1]
    words = name.split()
    fits = 0 < len(words) <= MAX_SITE_WORDS and all(word[:1].isupper() for word in words)
    return name if fits and not ends_prose(name) else None


def is_link(text: str) -> bool:
    """Whether a line reads as a headline: not too long, not closed as a sentence."""
    return word_count(text) <= MAX_LINK_WORDS and not ends_prose(text)
