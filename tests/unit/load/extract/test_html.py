"""Reading a saved HTML page: trafilatura's main content, as blocks whose texts keep apart."""

from __future__ import annotations

from generator.load.extract import extract_html

LEAD = "The talks went on for a long time and the parties met again the next day to continue."
TAIL = "The ministers said they would meet again next month to go on with the talks."


def page(body: str) -> str:
    return (
        "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
        f"<p>{LEAD}</p>{body}<p>{TAIL}</p></article></body></html>"
    )


def test_the_paragraphs_of_a_quote_are_one_block_their_texts_apart() -> None:
    quote = "<blockquote><p>We hold the borders.</p><p>And we keep them.</p></blockquote>"
    texts = [block.text for block in extract_html(page(quote)).blocks]
    assert texts == [LEAD, "We hold the borders. And we keep them.", TAIL]


def test_a_line_break_is_a_space() -> None:
    texts = [block.text for block in extract_html(page("<p>One line<br>and the next.</p>")).blocks]
    assert "One line and the next." in texts


def test_the_heading_that_repeats_the_title_is_not_a_block() -> None:
    extracted = extract_html(page(""))
    assert extracted.title == "Talks resume"
    assert [block.text for block in extracted.blocks] == [LEAD, TAIL]
