"""The model's articles: metadata merged with the cleaned text, and where names occur in them."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from generator.load.extract.blocks import Block, Removed
from generator.load.inputs import RawArticle
from generator.load.reuse import Reuse
from generator.load.schema import (
    is_article_id,
    is_reserved,
    is_too_long,
    reserved_reason,
    too_long_reason,
)
from generator.load.shape import check_shape
from generator.problems import Location, Problems


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of an article's cleaned text. Paragraphs are numbered from 1 in reading order,
    and headings apart from them, so that ¶5 is the fifth paragraph a reader counts."""

    number: int
    kind: Literal["paragraph", "heading"]
    text: str
    line: int = 1
    """Where the block starts in its file (1 for a form that keeps no lines)."""

    @property
    def anchor(self) -> str:
        """The block's id on its article's page: 'p5' for ¶5, 'h2' for the second heading."""
        return block_anchor(self.kind, self.number)

    @property
    def label(self) -> str:
        """How a reader finds it: '¶5', or 'heading 2'."""
        return f"heading {self.number}" if self.kind == "heading" else f"¶{self.number}"


def block_anchor(kind: str, number: int) -> str:
    return f"{'h' if kind == 'heading' else 'p'}{number}"


@dataclass(frozen=True, slots=True)
class Article:
    """A source article: its metadata and cleaned text."""

    id: str
    location: Location
    title: str
    subtitle: str | None
    section: str | None
    date: datetime.date | None
    date_note: str | None
    author: str | None
    outlet: str | None
    url: str | None
    licence: str | None
    attribution: str | None
    excerpt: bool
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...] = ()
    """The lines of its text left out as page chrome, in reading order."""
    title_line: int | None = None
    """The line of its text the title was read from; None when its metadata gives the title."""
    untitled: bool = False
    """Neither its text nor its metadata gives a title: its file's name stands in."""


def build_articles(
    raws: tuple[RawArticle, ...], problems: Problems, reuse: Reuse | None = None
) -> list[Article]:
    """Articles with their metadata merged in; two articles with one id are an error, and so
    are two whose ids differ only in case: their pages would be one file on the file systems
    of macOS and Windows, which ignore case. With `reuse`, an article whose raw record is the
    one of the previous run is not built again."""
    articles: dict[str, Article] = {}
    for raw in raws:
        if reuse is None:
            article = build_article(raw, problems)
        else:
            build = functools.partial(build_article, raw)
            article = reuse.take(("article", raw.path), raw, build, problems)
        if article is None:
            continue
        first = articles.get(article.id.casefold())
        if first is not None:
            hint = "rename one of the files, or give one an 'id:' in its metadata"
            other = "" if first.id == article.id else f" (as '{first.id}', in another case)"
            message = f"article id '{article.id}' is also used by {first.location.path}{other}"
            problems.error(article.location, message, hint)
            continue
        articles[article.id.casefold()] = article
    return list(articles.values())


def build_article(raw: RawArticle, problems: Problems) -> Article | None:
    """One article; metadata given beside or above the text wins over what the text says."""
    meta: Mapping[str, Any] = {}
    if raw.metadata is not None:
        if raw.metadata.data is None or not check_shape(raw.metadata, "article", problems):
            return None
        meta = raw.metadata.data
    article_id = check_article_id(raw, meta, problems)
    if article_id is None:
        return None
    extracted = raw.extracted
    rule = raw.outlet
    return Article(
        id=article_id,
        location=Location(raw.path),
        title=str(meta.get("title") or extracted.title or raw.stem),
        subtitle=extracted.subtitle,
        section=extracted.section,
        date=datetime.date.fromisoformat(meta["date"]) if "date" in meta else extracted.date,
        date_note=meta.get("date_note"),
        author=meta.get("author"),
        outlet=meta.get("outlet") or (rule.name if rule else None) or extracted.outlet,
        url=meta.get("url", extracted.url),
        licence=meta.get("licence") or extracted.licence or (rule.licence if rule else None),
        attribution=meta.get("attribution"),
        excerpt=bool(meta.get("excerpt", extracted.truncated)),
        paragraphs=number_blocks(extracted.blocks),
        removed=extracted.removed,
        title_line=None if meta.get("title") or not extracted.title else extracted.title_line,
        untitled=not (meta.get("title") or extracted.title),
    )


def number_blocks(blocks: Iterable[Block]) -> tuple[Paragraph, ...]:
    """The blocks as numbered paragraphs and headings, each kind counted on its own."""
    counts = {"paragraph": 0, "heading": 0}
    numbered = []
    for block in blocks:
        counts[block.kind] += 1
        numbered.append(Paragraph(counts[block.kind], block.kind, block.text, block.line))
    return tuple(numbered)


def check_article_id(raw: RawArticle, meta: Mapping[str, Any], problems: Problems) -> str | None:
    """The article's id (its 'id:', else its file name), or None when it cannot name a page."""
    if "id" in meta:
        given = str(meta["id"])
        refused = id_refusal(given)
        if refused is None:
            return given  # the schema checked its form
        assert raw.metadata is not None
        problems.error(raw.metadata.data.where("id"), refused, "choose another id")
        return None
    if is_article_id(raw.stem):
        return raw.stem
    refused = id_refusal(raw.stem)
    if refused is not None:
        hint = "rename the file, or give it another 'id:' in its metadata"
        problems.error(Location(raw.path), refused, hint)
        return None
    hint = (
        "rename the file to letters and digits joined by '-' or '_' (e.g. 'talks-2026-02.txt'), "
        "or give it a valid 'id:' in its metadata"
    )
    problems.error(Location(raw.path), f"{raw.stem!r} is not a valid article id", hint)
    return None


def id_refusal(text: str) -> str | None:
    """Why an id of the right form cannot name a page, if it cannot."""
    if is_reserved(text):
        return reserved_reason(text)
    return too_long_reason(text) if is_too_long(text) else None


def article_order(article: Article) -> tuple[str, str]:
    """Newest first; articles without a date last."""
    day = article.date.toordinal() if article.date else 0
    return (f"{10**7 - day:08d}", article.id)


def article_texts(article: Article) -> Iterable[str]:
    """The texts in which an article names actors and issues: title, author, paragraphs."""
    yield article.title
    if article.author:
        yield article.author
    for paragraph in article.paragraphs:
        yield paragraph.text
