"""Marking the quoted words of a paragraph: cut on the model's offsets, then escape each piece."""

from __future__ import annotations

import markdown

from generator.model.quotes import Span
from generator.render.markdown import CitedBy, Mark, escape_markdown, highlight

OPEN, CLOSE = '<mark class="quoted">', "</mark>"


def spans_of(text: str, *words: str) -> list[Span]:
    """The span of the first occurrence of each of `words` in `text`."""
    return [Span(text.index(word), text.index(word) + len(word)) for word in words]


def test_without_spans_it_is_the_md_filter() -> None:
    text = "  # A *bold* <b>claim</b> &\n more  "
    assert highlight(text, []) == escape_markdown(text)


def test_one_span_is_marked_and_every_piece_escaped() -> None:
    text = "He said <b>no</b> to *all* of it."
    marked = highlight(text, spans_of(text, "<b>no</b> to *all*"))
    assert marked == f"He said {OPEN}&lt;b&gt;no&lt;/b&gt; to \\*all\\*{CLOSE} of it."


def test_overlapping_touching_and_space_parted_spans_merge() -> None:
    text = "one two three four five six"
    assert highlight(text, spans_of(text, "one two", "two three")) == (
        f"{OPEN}one two three{CLOSE} four five six"
    )
    assert (
        highlight(text, spans_of(text, "one", " two"))
        == f"{OPEN}one two{CLOSE} three four five six"
    )
    assert highlight(text, spans_of(text, "three", "four")) == (
        f"one two {OPEN}three four{CLOSE} five six"
    )
    assert highlight(text, spans_of(text, "two", "four", "two three")) == (
        f"one {OPEN}two three four{CLOSE} five six"
    )


def test_spans_parted_by_words_stay_apart() -> None:
    text = "one two three"
    assert highlight(text, spans_of(text, "three", "one")) == (
        f"{OPEN}one{CLOSE} two {OPEN}three{CLOSE}"
    )


def test_whitespace_is_folded_across_pieces() -> None:
    text = "\n  one\n\n two   three  \n"
    assert highlight(text, spans_of(text, "two")) == f"one {OPEN}two{CLOSE} three"


def test_a_line_start_is_escaped_only_outside_a_mark() -> None:
    text = "1. First point"
    assert highlight(text, spans_of(text, "First")) == f"1\\. {OPEN}First{CLOSE} point"
    assert highlight(text, spans_of(text, "1. First")).startswith(OPEN)


def test_spans_beyond_the_text_are_clipped() -> None:
    assert highlight("short", [Span(2, 99), Span(50, 60)]) == f"sh{OPEN}ort{CLOSE}"


def test_markdown_renders_marks_and_nothing_else() -> None:
    text = 'A <script>alert("x")</script> [link](javascript:x) *quoted* part.'
    source = highlight(text, spans_of(text, "<script>alert", "*quoted* part")) + "\n{: #p1 }"
    html = markdown.markdown(source, extensions=["attr_list"])
    assert html == (
        '<p id="p1">A <mark class="quoted">&lt;script&gt;alert</mark>("x")&lt;/script&gt; '
        '[link](javascript:x) <mark class="quoted">*quoted* part</mark>.</p>'
    )


def test_marks_carry_their_quotes_anchors_and_links_to_their_citers() -> None:
    text = "one two three four five"
    cited = (CitedBy(1, "actors/a.md#x", 'A "B" [c] (d) on `x` & <y>'), CitedBy(2, "b.md#y", "Z"))
    mark = Mark(Span(4, 18), ((4, "p1-4"), (8, "p1-8")), cited)
    source = highlight(text, [mark], "../") + "\n{: #p1 }"
    assert source.startswith('one <mark class="quoted" id="p1-4">two <span id="p1-8"></span>three')
    html = markdown.markdown(source, extensions=["attr_list"])
    assert (
        '</mark><sup class="cited-by"><a href="../actors/a.md#x"'
        ' title="A &quot;B&quot; &#91;c&#93; &#40;d&#41; on &#96;x&#96; &amp; &lt;y&gt;">1</a>,'
        ' <a href="../b.md#y"'
        ' title="Z">2</a></sup> five</p>'
    ) in html
