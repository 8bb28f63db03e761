"""The writing system a text's letters are in, told by their code points.

A page in one script that carries a short line in another is showing furniture: a link to the
story in another language ("إقرأ هذا الخبر بالعربية" on an English page), a widget left in the
site's own language ("Үнэлгээ өгөх" on an English page of a Mongolian ministry). `other_script`
finds such lines; it says nothing about a text that mixes scripts throughout, such as a
transcript quoting in two languages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# The letters of each script, by their Unicode blocks (counted by regular expressions, in C:
# a page is tens of thousands of characters).
SCRIPTS = {
    "latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "greek": "\u0370-\u03ff\u1f00-\u1fff",
    "cyrillic": "\u0400-\u052f",
    "armenian": "\u0530-\u058f",
    "hebrew": "\u0590-\u05ff",
    "arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "indic": "\u0900-\u0dff",
    "georgian": "\u10a0-\u10ff",
    "cjk": "\u3040-\u9fff\uac00-\ud7af",
}
LETTERS = {name: re.compile(f"[{ranges}]") for name, ranges in SCRIPTS.items()}
ANY_LETTER = re.compile(r"[^\W\d_]")
NOT_LATIN = re.compile("[" + "".join(list(SCRIPTS.values())[1:]) + "]")
MIN_SHARE = 0.9  # the text's own script: at least this share of its letters
MIN_LETTERS = 200  # fewer letters than this say too little about the text's script
MAX_LINE_WORDS = 12


def main_script(text: str, min_letters: int) -> str | None:
    """The script of at least MIN_SHARE of the letters of text, if there are min_letters."""
    total = len(ANY_LETTER.findall(text))
    if total < min_letters or not total:
        return None
    for name, letters in LETTERS.items():
        if len(letters.findall(text)) >= MIN_SHARE * total:
            return name
    return None


@dataclass(frozen=True, slots=True)
class Scripts:
    """The script a text is written in, if one script clearly dominates it."""

    main: str | None

    @classmethod
    def of(cls, lines: Sequence[str]) -> Scripts:
        """The dominant script of a text's lines, or none when no script has MIN_SHARE of its
        letters."""
        if not any(NOT_LATIN.search(line) for line in lines):  # most texts: no lists of letters
            return cls("latin")
        return cls(main_script(" ".join(lines), MIN_LETTERS))

    def other_script(self, line: str) -> bool:
        """Whether a short line is written in a script other than the text's own."""
        if self.main is None or line.count(" ") >= MAX_LINE_WORDS:
            return False
        if self.main == "latin" and NOT_LATIN.search(line) is None:
            return False
        script = main_script(line, 1)
        return script is not None and script != self.main
