"""Untrusted bytes to text: one fixed decoding rule, and the characters a page never shows.

Decoding, in this order:

1. a byte order mark names the encoding: UTF-8, UTF-16 or UTF-32 (the mark is dropped; as
   everywhere, FF FE 00 00 is read as the UTF-32 mark, not as UTF-16 text starting with NUL);
2. otherwise a NUL byte means a binary file (an image, a PDF, UTF-16 without a mark): refused;
3. otherwise valid UTF-8 is UTF-8;
4. otherwise one of LEGACY_ENCODINGS, the one charset-normalizer rates most plausible (least
   garbled, most like a known language), ties going to the earlier in the list;
5. otherwise the file is refused.

Line ends become `\\n` whatever they were (CRLF, CR).

Cleaning (`clean_text`), applied to article text and to every YAML string: control characters
(Unicode category Cc) other than tab and newline are turned into spaces, since they stand
between words in the texts they come from; invisible format characters (category Cf: bidirectional
embeddings, overrides, isolates and marks, zero-width spaces, soft hyphens, tag characters) are
removed, since they can reorder or hide text, except the zero-width joiner and non-joiner that
some scripts and emoji need; lone surrogates become U+FFFD. Nothing else is changed.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache

BYTE_ORDER_MARKS = (
    # UTF-32 first: its little-endian mark begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY_ENCODINGS = (
    "cp1252",  # Western European (Windows)
    "cp1250",  # Central European
    "cp1251",  # Cyrillic
    "koi8_u",  # Ukrainian
    "koi8_r",  # Russian
    "cp1253",  # Greek
    "cp1254",  # Turkish
    "cp1257",  # Baltic
)
JOINERS = "\u200c\u200d"
NEWLINES = re.compile(r"\r\n?")
CONTROL_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
SURROGATE_CLASS = r"\ud800-\udfff"
CONTROLS = re.compile(f"[{CONTROL_CLASS}]")
SURROGATES = re.compile(f"[{SURROGATE_CLASS}]")
# The format characters (category Cf) but the joiners, as first-last ranges, for the Unicode
# versions of the Python releases this runs on: finding them in the Unicode database takes a
# tenth of a second (every code point's category), paid by every run. Another version's table
# is computed (tests check that the table of the running version is what it computes).
FORMAT_RANGES_14 = (
    (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
    (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200B), (0x200E, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
FORMAT_RANGES_15 = tuple((0x13430, 0x1343F) if r[0] == 0x13430 else r for r in FORMAT_RANGES_14)
FORMAT_RANGES = {"14.0.0": FORMAT_RANGES_14, "15.0.0": FORMAT_RANGES_15, "15.1.0": FORMAT_RANGES_15}


@dataclass(frozen=True, slots=True)
class Refused:
    """Why bytes could not be read as text, and what to do about it."""

    message: str
    hint: str


def decode(data: bytes) -> str | Refused:
    """The text of a file by the rule in the module docstring, with `\\n` line ends."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return decode_marked(data, encoding)
    if b"\0" in data:
        hint = "articles and briefings are text files (UTF-16 text needs a byte order mark)"
        return Refused(f"binary file (NUL byte at offset {data.index(0)})", hint)
    try:
        return unify_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        return decode_legacy(data, error.start)


def decode_marked(data: bytes, encoding: str) -> str | Refused:
    """Text that starts with a byte order mark, in the encoding the mark names."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.removesuffix("-sig").upper()
        return Refused(
            f"not valid {name} text (byte {error.start}), though it starts with a {name} mark",
            "save the file again as UTF-8",
        )
    return unify_newlines(text)  # the codec has dropped the mark


def decode_legacy(data: bytes, bad_byte: int) -> str | Refused:
    """Text in the most plausible legacy 8-bit encoding, or why there is none."""
    from charset_normalizer import from_bytes  # imported here: seldom needed, slow to load

    preference = [codecs.lookup(name).name for name in LEGACY_ENCODINGS]
    matches = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))
    ranked = sorted(
        (m for m in matches if codecs.lookup(m.encoding).name in preference),
        key=lambda m: (m.chaos, -m.coherence, preference.index(codecs.lookup(m.encoding).name)),
    )
    if not ranked:
        return Refused(
            f"not UTF-8 text (byte {bad_byte}), and not plausibly in a known legacy encoding",
            "save the file as UTF-8",
        )
    return unify_newlines(data.decode(ranked[0].encoding))


def unify_newlines(text: str) -> str:
    """The text with CRLF and lone CR line ends turned into LF."""
    return NEWLINES.sub("\n", text)


@cache
def format_characters() -> re.Pattern[str]:
    """Every invisible format character (category Cf) but the joiners, as one character class."""
    return re.compile(f"[{format_class()}]")


@cache
def needs_cleaning() -> re.Pattern[str]:
    """Any character that cleaning changes: most texts have none and are returned as they are."""
    return re.compile(f"[{CONTROL_CLASS}{SURROGATE_CLASS}{format_class()}]")


@cache
def format_class() -> str:
    """The inside of a character class of the format characters but the joiners."""
    ranges = FORMAT_RANGES.get(unicodedata.unidata_version) or format_ranges()
    return "".join(
        re.escape(chr(first)) + ("" if first == last else "-" + re.escape(chr(last)))
        for first, last in ranges
    )


def format_ranges() -> tuple[tuple[int, int], ...]:
    """The format characters but the joiners as sorted first-last ranges, from the Unicode
    database of this Python (a class of ranges is searched ten times faster than a list)."""
    found = (chr(code) for code in range(sys.maxunicode + 1))
    codes = [ord(c) for c in found if unicodedata.category(c) == "Cf" and c not in JOINERS]
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return tuple(ranges)


def clean_text(text: str) -> str:
    """The text as a page shows it: controls made spaces, format characters removed."""
    # Controls, surrogates and format characters are all unprintable: a text that is printable
    # but for its tabs and line breaks, as most are, is clean. Those three passes in C are many
    # times faster than a search of the class.
    if text.isprintable() or text.replace("\n", " ").replace("\t", " ").isprintable():
        return text
    if not needs_cleaning().search(text):
        return text
    text = SURROGATES.sub("\ufffd", text)
    text = CONTROLS.sub(" ", text)
    return format_characters().sub("", text)
