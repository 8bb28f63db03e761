"""Saved HTML pages: the article found by trafilatura, its navigation and boilerplate left out.

Before trafilatura reads the page, text that stands loose between blocks (a line after a
`<div>`, as some blog editors write paragraphs) is put in paragraphs of its own, since
trafilatura would drop it. Its output then goes through the same furniture rules as scraped
text, and ends where the page starts listing other articles. The site's name comes from the
page's metadata and is taken off the title (see `sitename`); its date from its metadata, else
from the date line printed near its headline (see `htmldates`). A page that lists several
entries under a heading of its own (a blog's or a party's front page) is read as its first
entry. The box of text right above a comment box (a comments policy) is left out. The article
counts as an excerpt only when its text is visibly cut: it ends in an ellipsis, or the page
offers to continue reading elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from generator.load.extract.blocks import (
    NOTHING,
    Block,
    BlockKind,
    Extracted,
    Removed,
    without_repeats,
)
from generator.load.extract.chrome import web_address
from generator.load.extract.dates import read_date_line
from generator.load.extract.furniture import MAX_PROMPT_WORDS, ends_article, furniture_kind
from generator.load.extract.htmldates import METADATA_ONLY, page_date, page_texts
from generator.load.extract.lines import collapse, normalise, word_count
from generator.load.extract.outlets import OutletRule
from generator.load.extract.sitename import meta_site_name, page_site_name

if TYPE_CHECKING:
    from trafilatura.settings import Document


class XmlNode(Protocol):
    """The slice of lxml's element interface used to walk trafilatura's output tree."""

    tag: object
    tail: str | None

    def iterchildren(self) -> Iterator[XmlNode]: ...
    def iter(self, tag: str) -> Iterator[XmlNode]: ...
    def iterdescendants(self, *tags: str) -> Iterator[XmlNode]: ...
    def itertext(self) -> Iterator[str]: ...
    def get(self, key: str) -> str | None: ...


# Elements of trafilatura's XML output that carry one block of text each.
XML_KINDS: dict[str, BlockKind] = {
    "head": "heading",
    "p": "paragraph",
    "item": "paragraph",
    "quote": "paragraph",
    "code": "paragraph",
}
BLOCK_TAG_NAMES = (
    "address article aside blockquote dd div dl dt figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table ul"
)
BLOCK_TAGS = frozenset(BLOCK_TAG_NAMES.split())
MIN_LOOSE_CHARS = 20
COMMENT_BOX = re.compile(r"comment|disqus", re.I)
MAX_NOTE_WORDS = 80
MIN_REPEATED_WORDS = 12
CUT_OFF = ("continue reading", "read more", "read the rest", "to read the full story")


@dataclass(frozen=True, slots=True)
class Piece:
    """A block of trafilatura's output with its heading level (0 for a paragraph)."""

    kind: BlockKind
    text: str
    level: int


def extract_html(html: str, outlet: OutletRule | None = None) -> Extracted:
    """Extract a saved HTML page's article, by the rules in the module doc; `outlet` holds the
    rules of the outlet the page comes from, when it is known."""
    tree = html_tree(html)
    texts = page_texts(tree) if tree is not None else ()  # before trafilatura prunes the tree
    document = html_document(tree) if tree is not None else None
    if tree is None or document is None or document.body is None:
        return NOTHING
    site, title = page_site_name(tree, collapse(document.title or "") or None)
    pieces = list(xml_pieces(document.body))
    section, entry, pieces, removed = read_listing(pieces, title)
    if entry != title:  # a page of entries: its own title names the site
        site, title = meta_site_name(tree) or title, entry
    elif title and is_archive(tree, title):  # a blog's page of a year, a month: its first post
        site, title = site or title, first_heading(tree, title, pieces) or title
    cleaned, dropped = clean_blocks(drop_title_heading(pieces, title), outlet)
    blocks, copies = without_repeats(cleaned, MIN_REPEATED_WORDS)
    removed += dropped + [Removed(0, copy.text, "a repeated paragraph") for copy in copies]
    return Extracted(
        title=title,
        subtitle=None,
        section=section or next(iter(document.categories or ()), None),
        licence=document.license or (outlet.licence if outlet else None),
        date=page_date(document.date, texts, title, html),
        url=web_address(document.url),
        truncated=is_cut_off(blocks, dropped),
        blocks=blocks,
        outlet=(outlet.name if outlet else None) or site,
        removed=tuple(removed),
    )


def html_tree(html: str) -> Any:
    """The page parsed by lxml, as trafilatura parses it, with loose text put in paragraphs."""
    # Imported here: loading trafilatura takes a tenth of a second, and most projects hold
    # text and Markdown articles only.
    from trafilatura.utils import load_html

    tree = load_html(normalise(html))
    if tree is not None:
        wrap_loose_text(tree)
        drop_comment_notes(tree)
    return tree


def drop_comment_notes(tree: Any) -> None:
    """Remove the box of text right above a comment box (a comments policy, a prompt to
    comment): a `<div>` of a few lines, the sibling before an element named for comments."""
    boxes = [
        element.getprevious()
        for element in tree.iter()
        if isinstance(element.tag, str) and COMMENT_BOX.search(element_names(element))
    ]
    for box in boxes:
        words = len(" ".join(box.itertext()).split()) if box is not None else 0
        if box is not None and box.tag == "div" and 0 < words <= MAX_NOTE_WORDS:
            box.drop_tree()


def element_names(element: Any) -> str:
    """An element's class and id, as one string."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def wrap_loose_text(tree: Any) -> None:
    """Put the text that follows a block inside its parent (and the inline elements after it,
    up to the next block) in a paragraph of its own."""
    from lxml.html import Element  # type: ignore[import-untyped]

    for parent in list(tree.iter()):
        children = [child for child in parent if isinstance(child.tag, str)]
        for child in children:
            if child.tag not in BLOCK_TAGS or len((child.tail or "").strip()) < MIN_LOOSE_CHARS:
                continue
            paragraph = Element("p")
            paragraph.text, child.tail = child.tail, None
            following = child.getnext()
            child.addnext(paragraph)
            while following is not None and following.tag not in BLOCK_TAGS:
                after = following.getnext()
                paragraph.append(following)
                following = after


def html_document(tree: Any) -> Document | None:
    """Run trafilatura on a parsed page: main content as an XML tree, plus metadata."""
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        tree,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params=METADATA_ONLY,  # the text's own dates are read by htmldates
    )
    return document if isinstance(document, Document) else None


def xml_pieces(node: XmlNode) -> Iterator[Piece]:
    """Yield one piece per outermost text element of trafilatura's XML body, in order; a line
    break (<lb/>) and the end of an inner text element (a quote's paragraphs) count as a
    space, so that the texts on either side do not run together."""
    for child in node.iterchildren():
        kind = XML_KINDS.get(child.tag) if isinstance(child.tag, str) else None
        if kind is None:
            yield from xml_pieces(child)
            continue
        for inner in child.iterdescendants("lb", *XML_KINDS):
            inner.tail = " " + (inner.tail or "")
        text = collapse("".join(child.itertext()))
        level = int((child.get("rend") or "h2")[1:2] or 2) if kind == "heading" else 0
        if text:
            yield Piece(kind, text, level)


def read_listing(
    pieces: list[Piece], title: str | None
) -> tuple[str | None, str | None, list[Piece], list[Removed]]:
    """A page of entries under a heading of its own (a heading, then a lower one, which
    recurs) is read as its first entry: (section, title, the entry's pieces, the rest)."""
    heads = [index for index, piece in enumerate(pieces) if piece.kind == "heading"]
    if len(heads) < 3 or heads[:2] != [0, 1] or pieces[0].level >= pieces[1].level:
        return None, title, pieces, []
    level = pieces[1].level
    following = [i for i in heads[2:] if pieces[i].level <= level]
    if not following:
        return None, title, pieces, []
    end = following[0]
    rest = [Removed(0, p.text, "another entry of the page") for p in pieces[end:]]
    return pieces[0].text, pieces[1].text, pieces[2:end], rest


def is_archive(tree: Any, title: str) -> bool:
    """Whether the page's `<title>` is the extracted title and a period ("Old Blog: 2011"):
    the title is then the site's, and the page its archive of that period."""
    raw = collapse(tree.findtext(".//title") or "")
    rest = raw.removeprefix(title).lstrip(" :|-\u2013\u2014")
    return raw != title and raw.startswith(title) and any(char.isdigit() for char in rest)


def first_heading(tree: Any, title: str, pieces: list[Piece]) -> str | None:
    """The first heading of the page, other than the site's title and dates, whose words are
    in the extracted text: the first entry's headline."""
    text = " ".join(piece.text for piece in pieces)
    for level in ("h1", "h2", "h3"):
        for heading in tree.iter(level):
            words = collapse(heading.text_content())
            if words and words != title and words in text and read_date_line(words) is None:
                return words
    return None


def drop_title_heading(pieces: list[Piece], title: str | None) -> list[Piece]:
    """Drop a leading heading that repeats the page title."""
    if pieces and title and pieces[0].kind == "heading" and pieces[0].text == title:
        return pieces[1:]
    return pieces


def clean_blocks(
    pieces: list[Piece], outlet: OutletRule | None
) -> tuple[list[Block], list[Removed]]:
    """The pieces as blocks, without furniture, outlet chrome and what follows the article."""
    blocks: list[Block] = []
    removed: list[Removed] = []
    for index, piece in enumerate(pieces):
        rule = outlet.chrome_rule(piece.text) if outlet else None
        ending = ends_article(piece.text) or (rule is not None and rule.kind == "end")
        if ending and any(block.kind == "paragraph" for block in blocks):
            removed += [Removed(0, p.text, "after the end of the article") for p in pieces[index:]]
            break
        reason = "an outlet rule" if rule else piece_furniture(piece.text)
        if reason is None:
            blocks.append(Block(piece.kind, piece.text))
        else:
            removed.append(Removed(0, piece.text, reason, rule.location if rule else None))
    return blocks, removed


def piece_furniture(text: str) -> str | None:
    """The kind of furniture a short block is, or None."""
    return furniture_kind(text) if word_count(text) <= MAX_PROMPT_WORDS else None


def is_cut_off(blocks: Sequence[Block], removed: Sequence[Removed]) -> bool:
    """Whether the article's text is visibly cut: it ends in an ellipsis, or the page offers
    to continue reading elsewhere."""
    paragraphs = [block.text for block in blocks if block.kind == "paragraph"]
    ellipsis = bool(paragraphs) and paragraphs[-1].rstrip().endswith(("…", "..."))
    offered = any(r.text.casefold().startswith(CUT_OFF) for r in removed)
    return ellipsis or offered
