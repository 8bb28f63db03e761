"""The model's articles: metadata over what the text says, a stable id, and one article per id."""

from __future__ import annotations

import datetime

import pytest
from builders import make_article, make_yaml_file

from generator.load.extract import extract_markdown, extract_text
from generator.load.inputs import RawArticle
from generator.model.articles import article_order, article_texts, build_articles
from generator.problems import Problems

TEXT = "# Talks resume\n\nThe delegations met in Geneva on Monday.\n\n## Later\n\nThey left.\n"


def raw(stem: str, metadata: str | None = None, text: str = TEXT) -> RawArticle:
    """A Markdown article `seeds/<stem>.md` with `metadata` as its front matter."""
    path = f"seeds/{stem}.md"
    meta = None if metadata is None else make_yaml_file(path, metadata)
    return RawArticle(stem, path, "markdown", extract_markdown(text), meta)


def built(*raws: RawArticle) -> tuple[list[str], list[str]]:
    """The ids of the articles built, and the problems reported, as text."""
    problems = Problems()
    articles = build_articles(raws, problems)
    return [a.id for a in articles], [str(p) for p in problems.items]


def test_the_text_gives_title_and_paragraphs_numbered_in_reading_order() -> None:
    problems = Problems()
    [article] = build_articles((raw("talks"),), problems)
    assert not problems.items
    assert (article.id, article.title, str(article.location)) == (
        "talks",
        "Talks resume",
        "seeds/talks.md:1:1",
    )
    assert [(p.number, p.kind, p.anchor) for p in article.paragraphs] == [
        (1, "paragraph", "p1"),
        (1, "heading", "h1"),
        (2, "paragraph", "p2"),
    ]
    assert article.date is None and not article.excerpt


def test_metadata_wins_over_what_the_text_says() -> None:
    scraped = (
        "date 2025-01-01\n\nTitle from the text here\n\n"
        "The delegations met in Geneva on Monday.\n\nThen they went on to talk about the"
    )
    metadata = "title: Given title\ndate: 2026-02-02\nexcerpt: false\nurl: https://example.org/a\n"
    path = "seeds/wire.txt"
    source = RawArticle("wire", path, "text", extract_text(scraped), make_yaml_file(path, metadata))
    [article] = build_articles((source,), Problems())
    assert article.title == "Given title"
    assert article.date == datetime.date(2026, 2, 2)
    assert article.url == "https://example.org/a"
    assert article.excerpt is False, "the text looks cut off, the metadata says it is not"
    [bare] = build_articles(
        (RawArticle("wire", path, "text", extract_text(scraped), None),), Problems()
    )
    assert (bare.date, bare.excerpt) == (datetime.date(2025, 1, 1), True)


def test_without_any_title_the_file_stem_is_the_title() -> None:
    [article] = build_articles((raw("no-title", text="Just a line.\n"),), Problems())
    assert article.title == "no-title"


def test_an_id_in_the_metadata_names_the_article() -> None:
    assert built(raw("file-name", "id: given-id\n")) == (["given-id"], [])


@pytest.mark.parametrize(
    ("stem", "metadata", "message"),
    [
        ("bad name", None, "seeds/bad name.md:1:1: 'bad name' is not a valid article id"),
        ("index", None, "seeds/index.md:1:1: 'index' is the name of its folder's index page"),
        ("x", "title: X\nid: CON\n", "seeds/x.md:2:5: 'CON' is a device name on Windows"),
    ],
)
def test_an_id_that_cannot_name_a_page_is_refused_where_it_is_written(
    stem: str, metadata: str | None, message: str
) -> None:
    ids, problems = built(raw(stem, metadata))
    assert ids == []
    assert [p.split("\n")[0][: len(message)] for p in problems] == [message]


def test_metadata_of_the_wrong_shape_leaves_the_article_out() -> None:
    ids, problems = built(raw("talks", "titel: Talks\n"))
    assert ids == []
    assert problems[0].startswith("seeds/talks.md:1:1: unknown key 'titel'")


def test_a_second_article_with_an_id_is_refused_naming_the_first() -> None:
    ids, problems = built(raw("first"), raw("second", "id: first\n"))
    assert ids == ["first"]
    assert problems[0].startswith(
        "seeds/second.md:1:1: article id 'first' is also used by seeds/first.md"
    )


def test_articles_are_ordered_newest_first_then_by_id_undated_last() -> None:
    articles = [
        make_article("undated"),
        make_article("b-old", date="2025-01-01"),
        make_article("b-new", date="2026-01-01"),
        make_article("a-new", date="2026-01-01"),
    ]
    ordered = sorted(articles, key=article_order)
    assert [a.id for a in ordered] == ["a-new", "b-new", "b-old", "undated"]


def test_an_article_names_things_in_its_title_author_and_paragraphs() -> None:
    article = make_article("a", "One.", "Two.", title="Title")
    assert list(article_texts(article)) == ["Title", "One.", "Two."]
    signed = make_article("a", "One.", title="Title", author="A. Writer")
    assert list(article_texts(signed)) == ["Title", "A. Writer", "One."]
