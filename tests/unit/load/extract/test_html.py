"""Saved HTML pages after trafilatura: its XML tree read as blocks, in reading order."""

from __future__ import annotations

from typing import cast

from lxml import etree

from generator.load.extract.blocks import Block
from generator.load.extract.html import (
    XmlNode,
    drop_title_heading,
    space_line_breaks,
    xml_blocks,
)

BODY = """<body>
<head rend="h1">Talks resume</head>
<div><p>They met<lb/>on Monday.</p><p>   </p></div>
<list rend="ul"><item>First point</item><item>Second <hi>point</hi></item></list>
<quote>We want a truce.</quote>
<!-- a comment --><code>x = 1</code>
</body>"""


def blocks(xml: str) -> tuple[Block, ...]:
    """The blocks of trafilatura's XML body `xml`, line breaks spaced as extraction spaces them."""
    body = cast(XmlNode, etree.fromstring(xml))
    space_line_breaks(body)
    return tuple(xml_blocks(body))


def test_each_outermost_text_element_is_a_block_in_order() -> None:
    assert blocks(BODY) == (
        Block("heading", "Talks resume"),
        Block("paragraph", "They met on Monday."),
        Block("paragraph", "First point"),
        Block("paragraph", "Second point"),
        Block("paragraph", "We want a truce."),
        Block("paragraph", "x = 1"),
    )


def test_the_paragraphs_of_a_quote_are_one_block_their_texts_apart() -> None:
    quote = "<body><quote><p>We want a truce.</p><p>Now.</p></quote></body>"
    assert blocks(quote) == (Block("paragraph", "We want a truce. Now."),)


def test_a_heading_that_repeats_the_title_is_dropped_once() -> None:
    title, body = Block("heading", "Talks"), Block("paragraph", "Text.")
    assert drop_title_heading((title, title, body), "Talks") == (title, body)
    assert drop_title_heading((Block("paragraph", "Talks"), body), "Talks")[0].text == "Talks"
    assert drop_title_heading((title, body), None) == (title, body)
    assert drop_title_heading((), "Talks") == ()
