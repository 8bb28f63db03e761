"""The model's articles: metadata merged with the cleaned text, and where names occur in them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from generator.load.inputs import RawArticle
from generator.load.schema import is_article_id, is_reserved, reserved_reason
from generator.load.shape import check_shape
from generator.problems import Location, Problems


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of an article's cleaned text, numbered from 1 in reading order."""

    number: int
    kind: Literal["paragraph", "heading"]
    text: str

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


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


def build_articles(raws: tuple[RawArticle, ...], problems: Problems) -> list[Article]:
    """Articles with their metadata merged in; two articles with one id are an error."""
    articles: dict[str, Article] = {}
    for raw in raws:
        article = build_article(raw, problems)
        if article is None:
            continue
        if article.id in articles:
            first = articles[article.id].location.path
            hint = "rename one of the files, or give one an 'id:' in its metadata"
            problems.error(
                article.location, f"article id '{article.id}' is also used by {first}", hint
            )
            continue
        articles[article.id] = article
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
    return Article(
        id=article_id,
        location=Location(raw.path),
        title=str(meta.get("title") or extracted.title or raw.stem),
        subtitle=extracted.subtitle,
        section=extracted.section,
        date=datetime.date.fromisoformat(meta["date"]) if "date" in meta else extracted.date,
        date_note=meta.get("date_note"),
        author=meta.get("author"),
        outlet=meta.get("outlet"),
        url=meta.get("url", extracted.url),
        licence=meta.get("licence", extracted.licence),
        attribution=meta.get("attribution"),
        excerpt=bool(meta.get("excerpt", extracted.truncated)),
        paragraphs=tuple(
            Paragraph(number, block.kind, block.text)
            for number, block in enumerate(extracted.blocks, start=1)
        ),
    )


def check_article_id(raw: RawArticle, meta: Mapping[str, Any], problems: Problems) -> str | None:
    """The article's id (its 'id:', else its file name), or None when it cannot name a page."""
    if "id" in meta:
        given = str(meta["id"])
        if not is_reserved(given):
            return given  # the schema checked its form
        assert raw.metadata is not None
        problems.error(raw.metadata.data.where("id"), reserved_reason(given), "choose another id")
        return None
    if is_article_id(raw.stem):
        return raw.stem
    if is_reserved(raw.stem):
        hint = "rename the file, or give it another 'id:' in its metadata"
        problems.error(Location(raw.path), reserved_reason(raw.stem), hint)
        return None
    hint = (
        "rename the file to letters and digits joined by '-' or '_' (e.g. 'talks-2026-02.txt'), "
        "or give it a valid 'id:' in its metadata"
    )
    problems.error(Location(raw.path), f"{raw.stem!r} is not a valid article id", hint)
    return None


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
