"""Reading input files: the encodings accepted, and the characters a page never shows."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.engine.build import generate
from generator.load.decode import FORMAT_RANGES, Refused, clean_text, decode, format_ranges
from generator.load.extract import extract_text
from generator.load.marked_yaml import parse_yaml
from generator.problems import Problems

if TYPE_CHECKING:
    from builders import MiniProject

FRENCH = (
    "Le président a déclaré : « Nous voulons un cessez-le-feu » à Genève.\n"
    "Les délégations se sont réunies lundi — pour la première fois depuis 2022.\n"
)
RUSSIAN = "Президент заявил, что переговоры о прекращении огня продолжатся в Женеве.\n"
UKRAINIAN = "Президент України заявив, що переговори щодо припинення вогню триватимуть.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_supported_encodings_and_line_ends_read_the_same(encoding: str, newline: str) -> None:
    assert decode(FRENCH.replace("\n", newline).encode(encoding)) == FRENCH


@pytest.mark.parametrize(("text", "encoding"), [(RUSSIAN, "cp1251"), (UKRAINIAN, "koi8_u")])
def test_cyrillic_legacy_encodings_are_recognised(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a\x01\x00\x01\x00\x00\xff\x00,",  # an image
        "UTF-16 without its mark".encode("utf-16-le"),
        b"\xfe\xff\xd8\x00",  # a UTF-16 mark, then a lone surrogate
        bytes(range(128, 256)) * 4,  # no text in any encoding
    ],
)
def test_binary_and_undecodable_bytes_are_refused(data: bytes) -> None:
    assert isinstance(decode(data), Refused)


def test_a_project_in_other_encodings_gives_the_same_pages(mini_project: MiniProject) -> None:
    original = mini_project()
    recoded = mini_project()
    recode(recoded / "seeds/talks.md", "utf-16", "\r\n")
    recode(recoded / "briefings/briefing.yaml", "cp1252", "\n")  # 'Northland–Southland'
    recode(recoded / "briefings/actors/northland.yaml", "utf-32", "\r\n")
    recode(recoded / "briefings/actors/berg.yaml", "utf-8-sig", "\r")
    assert generate(recoded).pages == generate(original).pages


def recode(path: Path, encoding: str, newline: str) -> None:
    text = path.read_text(encoding="utf-8").replace("\n", newline)
    path.write_bytes(text.encode(encoding))


def test_clean_text_removes_exactly_the_format_characters() -> None:
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    cleaned = clean_text(every)
    for character in set(every) - set(cleaned):
        assert unicodedata.category(character) in ("Cc", "Cf"), hex(ord(character))
    for character in ("\u200c", "\u200d", "\t", "\n"):
        assert character in cleaned
    assert not [c for c in cleaned if unicodedata.category(c) == "Cf" and c not in "\u200c\u200d"]


def test_the_format_character_table_is_this_pythons_unicode_database() -> None:
    known = FORMAT_RANGES.get(unicodedata.unidata_version)
    assert known is None or known == format_ranges(), unicodedata.unidata_version


def test_controls_become_spaces_and_format_characters_go() -> None:
    text = "a\x00b\x1b[2Jc\x7fd\x85e\u202eright-to-left\u202c \u2066f\u2069 zero\u200bwidth"
    assert clean_text(text) == "a b [2Jc d eright-to-left f zerowidth"
    assert clean_text("lone \ud800 surrogate") == "lone \ufffd surrogate"


def test_yaml_strings_and_article_text_are_cleaned_alike() -> None:
    problems = Problems()
    data = parse_yaml("x.yaml", 'name: "Rus\\u202esia\\x01talks"\n"ke\\u200by": v\n', problems)
    assert not problems.items
    assert data == {"name": "Russia talks", "key": "v"}
    extracted = extract_text("Rus\u202esia\x01talks went on for three hours on Monday.\n")
    assert extracted.blocks[0].text == "Russia talks went on for three hours on Monday."
