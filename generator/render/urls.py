"""The URL scheme of the site: the docs path of every page and data file, and the anchors in pages.

A docs path ('actors/northland.md') names a file of the docs folder. Templates link to a page
through the `page` filter (`{{ actor | page(root) }}`: `root` leads from the current page up to
the docs folder) and to a section of a page through `anchor`; Python code uses the functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.model import Actor, Issue
from generator.model.articles import Article, Paragraph
from generator.model.evidence import Evidence
from generator.model.positions import Position
from generator.model.relations import Month
from generator.problems import did_you_mean

FEED_PATH = "feed.xml"
POSITIONS_JSON = "positions.json"
POSITIONS_SCHEMA = "positions.schema.json"
POSITIONS_CSV = "positions.csv"
MATRIX_CSV = "matrix.csv"

NAMED = {
    "home": "index.md",
    "matrix": "matrix.md",
    "methodology": "methodology.md",
    "about": "about.md",
    "changes": "changes.md",
    "review": "review.md",
    "actors": "actors/index.md",
    "issues": "issues/index.md",
    "articles": "articles/index.md",
    "search": "full-text-search.md",  # hand-written (pages/), with the full-text search box
    "feed": FEED_PATH,
    **{name: name for name in (POSITIONS_JSON, POSITIONS_SCHEMA, POSITIONS_CSV, MATRIX_CSV)},
}
"""The pages and files with a fixed path, by the name templates give the `page` filter."""


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def issue_page(issue_id: str) -> str:
    return f"issues/{issue_id}.md"


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.md"


def month_page(key: str) -> str:
    """The list of the articles of a month ('2025-11', or 'undated')."""
    return f"articles/months/{key}.md"


def position_page(position: Position) -> str:
    """A position's section on its actor's page (an actor page has one section per issue)."""
    return f"{actor_page(position.actor_id)}#{position.issue_id}"


def quote_page(evidence: Evidence) -> str:
    """The quoted words themselves, highlighted in their paragraph on the article's page."""
    return f"{article_page(evidence.article_id)}#{quote_anchor(evidence)}"


def quote_anchor(evidence: Evidence) -> str:
    """The id of the place a quote starts: its paragraph's anchor and the offset of its first
    word there ('p5-120'), so that two quotes of one paragraph have two anchors."""
    return f"{evidence.block}-{evidence.spans[0].start}"


def named_page(name: str) -> str:
    """The docs path of a page or file with a fixed path; ValueError for an unknown name."""
    if name not in NAMED:
        raise ValueError(f"'page' knows no page named '{name}' ({did_you_mean(name, NAMED)})")
    return NAMED[name]


# Keyed by exact type: a dictionary lookup, since links are the most frequent filter calls.
DOCS_PATHS: dict[type, Callable[[Any], str]] = {
    Actor: lambda actor: actor_page(actor.id),
    Issue: lambda issue: issue_page(issue.id),
    Article: lambda article: article_page(article.id),
    Month: lambda month: month_page(month.key),
    Position: position_page,
    Evidence: quote_page,
    str: named_page,
}


def docs_path(target: object) -> str:
    """The docs path (with its anchor, if any) of the page of an actor, issue, article, month,
    position or quote, or of a named page; ValueError (reported at the template line) else."""
    path = DOCS_PATHS.get(type(target))
    if path is None:
        raise ValueError(
            "'page' takes an actor, issue, article, month, position, quote or the name of a page"
            f" such as 'methodology', not a value of type {type(target).__name__}"
        )
    return path(target)


def page_link(target: object, root: str = "") -> str:
    """The 'page' filter: the link to `target`'s page from a page whose way up is `root`."""
    return root + docs_path(target)


# Section anchors: an actor's page has a section per issue, an issue's page one per actor, an
# article's page one per paragraph (and heading), and one per quote inside its paragraph.
ANCHORS: dict[type, Callable[[Any], str]] = {
    Issue: lambda issue: issue.id,
    Actor: lambda actor: actor.id,
    Paragraph: lambda paragraph: paragraph.anchor,
    Evidence: quote_anchor,
}


def anchor(target: object) -> str:
    """The 'anchor' filter: the id of the section about `target` (an issue on an actor's page,
    an actor on an issue's page, a paragraph or a quote on an article's page)."""
    section = ANCHORS.get(type(target))
    if section is None:
        raise ValueError(
            "'anchor' takes an issue, actor, paragraph or quote,"
            f" not a value of type {type(target).__name__}"
        )
    return section(target)


def root_of(path: str) -> str:
    """The way up from the page at docs path `path` to the docs folder: '../' per folder."""
    return "../" * path.count("/")


def relative(path: str, start: str) -> str:
    """The shortest link from the page at docs path `start` to docs path `path`."""
    # Docs paths are plain ('a/b.md': no '.', '..' or leading '/'), so no posixpath.relpath,
    # whose calls to abspath were a tenth of the time of rendering.
    folders, parts = start.split("/")[:-1], path.split("/")
    common = 0
    while common < min(len(folders), len(parts) - 1) and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:])


def site_url(path: str, directory_urls: bool) -> str:
    """The address of a docs path relative to the site root, as MkDocs and Zensical build it."""
    page, hash_, section = path.partition("#")
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        url = stem.removesuffix("index") if directory_urls else f"{stem}.html"
    else:
        url = f"{stem}/" if directory_urls else f"{stem}.html"
    return url + hash_ + section
