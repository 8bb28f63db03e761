"""Saved HTML pages: the article found by trafilatura, its navigation and boilerplate left out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from generator.load.extract.blocks import NOTHING, Block, BlockKind, Extracted, looks_truncated
from generator.load.extract.chrome import web_address
from generator.load.extract.dates import iso_date
from generator.load.extract.lines import collapse, normalise

if TYPE_CHECKING:
    from trafilatura.settings import Document


class XmlNode(Protocol):
    """The slice of lxml's element interface used to walk trafilatura's output tree."""

    tag: object
    tail: str | None

    def iterchildren(self) -> Iterator[XmlNode]: ...
    def iter(self, tag: str) -> Iterator[XmlNode]: ...
    def itertext(self) -> Iterator[str]: ...


# Elements of trafilatura's XML output that carry one block of text each.
XML_KINDS: dict[str, BlockKind] = {
    "head": "heading",
    "p": "paragraph",
    "item": "paragraph",
    "quote": "paragraph",
    "code": "paragraph",
}


def extract_html(html: str) -> Extracted:
    """Extract a saved HTML page's article via trafilatura; navigation and boilerplate drop out."""
    document = html_document(html)
    if document is None or document.body is None:
        return NOTHING
    space_line_breaks(document.body)
    title = collapse(document.title or "") or None
    blocks = drop_title_heading(tuple(xml_blocks(document.body)), title)
    return Extracted(
        title=title,
        subtitle=None,
        section=next(iter(document.categories or ()), None),
        licence=document.license,
        date=iso_date(document.date),
        url=web_address(document.url),
        truncated=looks_truncated(blocks),
        blocks=blocks,
    )


def html_document(html: str) -> Document | None:
    """Run trafilatura on a page: main content as an XML tree, plus metadata."""
    # Imported here: loading trafilatura takes a tenth of a second, and most projects hold
    # text and Markdown articles only.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        normalise(html),
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    return document if isinstance(document, Document) else None


def space_line_breaks(body: XmlNode) -> None:
    """Put a space after every <lb/> and every text element, which would otherwise glue the
    lines around it together (a quote's paragraphs are one block: their texts must not touch)."""
    for tag in ("lb", *XML_KINDS):
        for element in body.iter(tag):
            element.tail = " " + (element.tail or "")


def xml_blocks(node: XmlNode) -> Iterator[Block]:
    """Yield one block per outermost text element of trafilatura's XML body, in order."""
    for child in node.iterchildren():
        kind = XML_KINDS.get(child.tag) if isinstance(child.tag, str) else None
        if kind is None:
            yield from xml_blocks(child)
            continue
        text = collapse("".join(child.itertext()))
        if text:
            yield Block(kind, text)


def drop_title_heading(blocks: tuple[Block, ...], title: str | None) -> tuple[Block, ...]:
    """Drop a leading heading that repeats the page title."""
    if blocks and title and blocks[0].kind == "heading" and blocks[0].text == title:
        return blocks[1:]
    return blocks
