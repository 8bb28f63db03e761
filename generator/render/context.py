"""What each template sees: the context shared by every page, and one context per page kind.

A page kind's fields are the names its template sees, beside those of SiteContext and `root`;
the field marked SUBJECT is the object the page is about, the others are the views it shows.
`arguments` is the one place a context becomes Jinja2's keyword arguments. RENDER_HINT, the
hint of an undefined-name error, is derived from these types: the names every page sees and
each page kind's subject.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields
from typing import Any

from generator.model import Actor, Briefing, Issue
from generator.model.articles import Article
from generator.model.licences import LicenceGroup
from generator.model.relations import Month, Relations
from generator.model.review import ReviewQueue
from generator.render.charts import Divide, Timeline
from generator.render.feed import Change
from generator.render.matrix import Matrix
from generator.render.views import (
    ActorRow,
    ArticleRow,
    ChangeDay,
    Citation,
    IssueRow,
    MonthRow,
    Moved,
    PositionView,
    QuotedParagraph,
    StaleView,
    StanceGroup,
    SuggestedArticle,
)

SUBJECT = {"subject": True}


@dataclass(frozen=True, slots=True)
class SiteContext:
    """What every template sees, the same for every page of one render."""

    briefing: Briefing
    relations: Relations
    review: ReviewQueue


@dataclass(frozen=True, slots=True)
class Page:
    """A page's own context; `root` leads from the page up to the docs folder ('../' a folder)."""

    root: str


@dataclass(frozen=True, slots=True)
class MatrixPage(Page):
    """A page that shows the stance matrix: the matrix page (and the home page, when it fits)."""

    matrix: Matrix


@dataclass(frozen=True, slots=True)
class HomePage(MatrixPage):
    """The front page: when the briefing was updated, what moved, the divides, the matrix."""

    updated: datetime.date | None
    moved: Moved | None
    divides: tuple[Divide, ...]


@dataclass(frozen=True, slots=True)
class AboutPage(Page):
    """The About page: the licences the articles are reproduced under."""

    licences: tuple[LicenceGroup, ...]


@dataclass(frozen=True, slots=True)
class ChangesPage(Page):
    changes: tuple[Change, ...]
    """Newest first; `days` holds the same grouped by date, with their positions' views."""
    days: tuple[ChangeDay, ...]


@dataclass(frozen=True, slots=True)
class ReviewPage(Page):
    stale: tuple[StaleView, ...]
    uncited: tuple[ArticleRow, ...]
    single_quote: tuple[PositionView, ...]
    suggested: tuple[SuggestedArticle, ...] | None
    """None in a published build, which leaves suggestions out."""


@dataclass(frozen=True, slots=True)
class ActorsPage(Page):
    actors: tuple[ActorRow, ...]


@dataclass(frozen=True, slots=True)
class IssuesPage(Page):
    issues: tuple[IssueRow, ...]


@dataclass(frozen=True, slots=True)
class ArticlesPage(Page):
    articles: tuple[ArticleRow, ...]
    months: tuple[MonthRow, ...]


@dataclass(frozen=True, slots=True)
class ActorPage(Page):
    actor: Actor = field(metadata=SUBJECT)
    speaks_for: Actor | None
    positions: tuple[PositionView, ...]
    people: tuple[Actor, ...]
    """The persons who speak for the actor."""
    articles: tuple[Article, ...]
    """The articles that mention the actor or that its positions cite, newest first."""


@dataclass(frozen=True, slots=True)
class IssuePage(Page):
    issue: Issue = field(metadata=SUBJECT)
    positions: tuple[PositionView, ...]
    by_stance: tuple[StanceGroup, ...]
    divide: Divide | None
    """How its actors split, as a bar; None without a position."""
    timeline: Timeline | None
    """The stances of its actors over time; None without a position."""
    articles: tuple[Article, ...]
    """The articles that mention the issue or that its positions cite, newest first."""


@dataclass(frozen=True, slots=True)
class ArticlePage(Page):
    article: Article = field(metadata=SUBJECT)
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    """The actors and issues the article mentions."""
    paragraphs: tuple[QuotedParagraph, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class MonthPage(Page):
    month: Month = field(metadata=SUBJECT)
    articles: tuple[ArticleRow, ...]
    index: str
    """The link to the list of all articles and months."""


PAGE_KINDS: tuple[type[Page], ...] = (
    Page,
    AboutPage,
    MatrixPage,
    HomePage,
    ChangesPage,
    ReviewPage,
    ActorsPage,
    IssuesPage,
    ArticlesPage,
    ActorPage,
    IssuePage,
    ArticlePage,
    MonthPage,
)


# `arguments` knows only the kinds listed, so no page kind can miss from RENDER_HINT.
CONTEXT_KINDS: tuple[type[SiteContext] | type[Page], ...] = (SiteContext, *PAGE_KINDS)
NAMES = {kind: tuple(f.name for f in fields(kind)) for kind in CONTEXT_KINDS}


def arguments(site: SiteContext, page: Page) -> dict[str, Any]:
    """The keyword arguments a page's template is rendered with."""
    return {
        **{name: getattr(site, name) for name in NAMES[SiteContext]},
        **{name: getattr(page, name) for name in NAMES[type(page)]},
    }


def render_hint() -> str:
    """The names every template sees, then the subject of each page kind that has one."""
    shared = ", ".join(f"'{name}'" for name in (*NAMES[SiteContext], *NAMES[Page]))
    subjects = [
        f"'{f.name}'" for kind in PAGE_KINDS for f in fields(kind) if f.metadata.get("subject")
    ]
    return f"templates see {shared} and the page's {', '.join(subjects[:-1])} or {subjects[-1]}"


RENDER_HINT = render_hint()
