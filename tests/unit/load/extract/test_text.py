"""Raw scraped text, step by step: groups of lines, units, the header zone and its title, the
body's subheadings."""

from __future__ import annotations

import pytest

from generator.load.extract.blocks import Block
from generator.load.extract.text import (
    Header,
    body_blocks,
    is_wrapped,
    line_groups,
    read_header,
    split_header,
    units,
)

WRAPPED = (
    "Negotiators from both delegations met for a third",
    "day on Thursday but failed to agree on the order",
    "of a ceasefire and guarantees.",
)


def test_blank_lines_separate_groups_of_collapsed_lines() -> None:
    assert line_groups("  a   b \n c\n\n\n\td \n") == (("a b", "c"), ("d",))
    assert line_groups("\n \n") == ()


def test_a_group_wrapped_at_a_fixed_width_is_one_paragraph() -> None:
    assert is_wrapped(WRAPPED)
    assert units([WRAPPED]) == (" ".join(WRAPPED),)


@pytest.mark.parametrize(
    "lines",
    [
        ("Ceasefire Talks Stall Over Guarantees", "Europe Seeks a Seat at the Table Today"),
        ("One short line of a text here.", "x"),
        ("A single line of a wrapped paragraph here.",),
        ("First sentence of many words ends.", "Second sentence of more words ends.", "Third."),
        ("a" * 200, "b" * 200),
    ],
    ids=["headlines", "short inner line", "one line", "a sentence a line", "too wide"],
)
def test_other_groups_are_a_unit_a_line(lines: tuple[str, ...]) -> None:
    assert not is_wrapped(lines)
    assert units([lines]) == lines


def test_the_header_ends_at_the_first_line_of_prose() -> None:
    found = ("News", "Talks resume", "They met on Monday.", "Then left")
    assert split_header(found) == (("News", "Talks resume"), ("They met on Monday.", "Then left"))
    assert split_header(("Two words.",)) == (("Two words.",), ()), "prose has three words or more"
    assert split_header(("word " * 41,)) == ((), ("word " * 41,)), "a very long line is prose"


@pytest.mark.parametrize(
    ("lines", "header"),
    [
        (
            ("Menu", "World", "Talks resume in Geneva", "Both sides return to the table", "x"),
            Header("Talks resume in Geneva", "Both sides return to the table", "World"),
        ),
        (("Home", "Short title"), Header("Short title", None, "Home")),
        (("Talks resume in Geneva", "Later"), Header("Talks resume in Geneva", None, None)),
        (
            ("A label far too long to be one here", "Talks resume in Geneva"),
            Header("A label far too long to be one here", "Talks resume in Geneva", None),
        ),
        ((), Header()),
    ],
    ids=["all parts", "no long line", "short line after", "long line first", "empty"],
)
def test_the_title_is_the_first_line_of_four_words(lines: tuple[str, ...], header: Header) -> None:
    assert read_header(lines) == header


def test_a_short_unpunctuated_line_followed_by_text_is_a_subheading() -> None:
    body = ("Text.", "What was said", "Text.", "too quiet to be a heading", "As they said,", "End")
    assert body_blocks(body) == (
        Block("paragraph", "Text."),
        Block("heading", "What was said"),
        Block("paragraph", "Text."),
        Block("paragraph", "too quiet to be a heading"),
        Block("paragraph", "As they said,"),
        Block("paragraph", "End"),
    )
