"""Lines of article text: how they end, whatever quotes or brackets close them."""

from __future__ import annotations

import pytest

from generator.load.extract.lines import (
    HEADING_STOPS,
    collapse,
    ends_prose,
    ends_sentence,
    final_char,
    normalise,
    word_count,
)


@pytest.mark.parametrize(
    ("line", "last", "sentence", "prose"),
    [
        ("They met.", ".", True, True),
        ('He said: "No."', ".", True, True),
        ("She asked (why?)", "?", True, True),
        ("It was “final”.»", ".", True, True),
        ("The terms:", ":", False, True),
        ("First; then", "n", False, False),
        ("Talks resume", "e", False, False),
        ('"', "", False, False),
        ("", "", False, False),
    ],
)
def test_a_line_ends_with_its_last_character_before_closing_quotes_and_brackets(
    line: str, last: str, sentence: bool, prose: bool
) -> None:
    assert final_char(line) == last
    assert ends_sentence(line) is sentence
    assert ends_prose(line) is prose


def test_a_heading_never_ends_with_prose_punctuation_a_comma_or_a_dash() -> None:
    assert set(".!?…:;,-–—") <= HEADING_STOPS


def test_whitespace_of_any_kind_is_one_space_between_words() -> None:
    assert collapse(" Talks\tresume \u00a0in\u2003Geneva ") == "Talks resume in Geneva"
    assert word_count(" Talks\tresume \u00a0in\u2003Geneva ") == 4
    assert (collapse(""), word_count(""), word_count("one")) == ("", 0, 1)


def test_any_text_is_read_as_the_loader_reads_a_file() -> None:
    # One kind of line break; controls become spaces, format characters go.
    assert normalise("a\r\nb\rc\x00d\u200be") == "a\nb\nc de"
