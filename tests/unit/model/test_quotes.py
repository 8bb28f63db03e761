"""Finding quotes in articles: what matching forgives, what it does not, and what a miss says."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.model.quotes import (
    FOLDED,
    MAX_GAP,
    Found,
    Missed,
    Span,
    find_quote,
    folded,
    is_blank,
)

PARAGRAPHS = (
    "The delegations met in Geneva on Monday.",
    'Zelensky said that "ultimatums are not... a workable model for democratic relations".',
    "Berg said: “We want a ceasefire before any talk of borders” – and left the room.",
)


def found_text(quote: str, paragraphs: tuple[str, ...] = PARAGRAPHS) -> list[str]:
    """The original words each span of a found quote covers."""
    found = find_quote(quote, paragraphs)
    assert isinstance(found, Found), found
    return [paragraphs[found.index][span.start : span.end] for span in found.spans]


def test_exact_quote_gives_its_span() -> None:
    found = find_quote("met in Geneva", PARAGRAPHS)
    assert found == Found(0, (Span(16, 29),))
    assert found_text("Geneva", ("  \n Geneva  ",)) == ["Geneva"]


def test_whitespace_runs_and_line_breaks_are_forgiven() -> None:
    assert found_text("met  in\n   Geneva") == ["met in Geneva"]
    assert found_text("met in Geneva", ("The delegations met\nin   Geneva.",)) == [
        "met\nin   Geneva"
    ]


def test_typographic_and_straight_quotes_and_dashes_are_the_same() -> None:
    assert found_text('"We want a ceasefire before any talk of borders" - and') == [
        "“We want a ceasefire before any talk of borders” – and"
    ]
    assert found_text("Berg said: «We want") == ["Berg said: “We want"]
    assert found_text("it’s all", ("to ensure it's all genuine",)) == ["it's all"]
    assert found_text("a—b", ("a-b",)) == ["a-b"]


def test_an_articles_own_dots_match_literally() -> None:
    assert found_text("ultimatums are not... a workable model") == [
        "ultimatums are not... a workable model"
    ]
    assert found_text("ultimatums are not… a workable model") == [
        "ultimatums are not... a workable model"
    ]


def test_an_elision_stands_for_a_gap_in_one_paragraph() -> None:
    assert found_text("The delegations ... on Monday") == ["The delegations", "on Monday"]
    assert found_text("ultimatums … democratic relations") == [
        "ultimatums",
        "democratic relations",
    ]
    assert found_text("We want a ceasefire...borders...the room") == [
        "We want a ceasefire",
        "borders",
        "the room",
    ]


def test_elided_parts_must_keep_their_order_and_paragraph() -> None:
    assert isinstance(find_quote("on Monday ... The delegations", PARAGRAPHS), Missed)
    assert isinstance(find_quote("on Monday ... Zelensky said", PARAGRAPHS), Missed)


def test_an_elision_stands_for_at_most_max_gap_characters() -> None:
    filler = "x " * (MAX_GAP // 2)
    near = (f"start {filler[: MAX_GAP - 2]} end",)
    far = (f"start {filler}{filler} end",)
    assert isinstance(find_quote("start ... end", near), Found)
    missed = find_quote("start ... end", far)
    assert isinstance(missed, Missed)
    assert missed.index == 0 and missed.gap is not None and missed.gap > MAX_GAP


def test_a_later_occurrence_is_tried_when_the_first_is_too_far() -> None:
    text = ("alpha " + "y" * (MAX_GAP + 10) + " alpha beta",)
    assert found_text("alpha ... beta", text) == ["alpha", "beta"]


def test_many_short_parts_are_matched_without_blowing_up() -> None:
    text = ("a " * 5000,)
    assert len(found_text(" ... ".join(["a"] * 40), text)) == 40
    assert isinstance(find_quote(" ... ".join(["a"] * 40 + ["b"]), text), Missed)


def test_one_word_changed_is_a_miss_naming_the_intended_passage() -> None:
    missed = find_quote("We want a ceasefire before all talk of borders", PARAGRAPHS)
    assert isinstance(missed, Missed)
    assert missed.index == 2
    assert missed.passage == "…“We want a ceasefire before any talk of borders”…"
    assert 90 <= missed.similarity < 100


def test_capitals_are_not_forgiven() -> None:
    missed = find_quote("the delegations met in Geneva", PARAGRAPHS)
    assert isinstance(missed, Missed) and missed.index == 0


def test_a_miss_in_an_empty_article_has_no_passage() -> None:
    assert find_quote("anything", ()) == Missed(None, "", 0)


def test_blank_quotes() -> None:
    assert is_blank("   ") and is_blank(" … ... ") and not is_blank("a ... b")


@given(st.text(alphabet=" ab\t\n\u00a0\u2028\u3000\x1c\u2019\u201c\u2014\u2026.", max_size=20))
def test_folding_keeps_where_each_character_comes_from(text: str) -> None:
    folded_text = folded(text)
    plain = "".join(FOLDED.get(c, c) for c in text)
    assert folded_text.text == " ".join(plain.split())
    for index, character in enumerate(folded_text.text):
        origin = text[folded_text.origin(index)]
        assert origin.isspace() if character == " " else character in FOLDED.get(origin, origin)
