"""Stage 3: the model as the pages of the site, through the Jinja2 templates (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial

from jinja2 import Environment

from generator.load.reuse import Reuse
from generator.model import Actor, Briefing, Issue
from generator.model.articles import Article, article_order
from generator.model.licences import licence_groups
from generator.model.relations import Month, relate
from generator.model.review import review_queue
from generator.problems import Location, Problems
from generator.render.charts import timeline
from generator.render.context import (
    AboutPage,
    ActorPage,
    ActorsPage,
    ArticlePage,
    ArticlesPage,
    ChangesPage,
    HomePage,
    IssuePage,
    IssuesPage,
    MatrixPage,
    MonthPage,
    Page,
    ReviewPage,
    SiteContext,
)
from generator.render.markdown import escape_markdown, highlight
from generator.render.templates import make_environment, reads_site, render_page
from generator.render.urls import (
    NAMED,
    actor_page,
    article_page,
    issue_page,
    month_page,
    relative,
    root_of,
)
from generator.render.views import (
    ActorRow,
    ArticleRow,
    IssueRow,
    MonthRow,
    PositionView,
    Views,
    build_views,
    latest_positions,
    position_key,
    quoted_paragraphs,
    stance_groups,
)


def render_site(
    briefing: Briefing,
    templates: dict[str, str],
    pages: Mapping[str, str | bytes],
    problems: Problems,
    files: Mapping[str, str] | None = None,
    reuse: Reuse | None = None,
    suggest: bool = True,
) -> dict[str, str | bytes]:
    """Every page of the site, the generated `files` (data, feed) and the hand-written `pages`
    (text, or bytes to copy), keyed by docs path; without `suggest` (a published build) the
    review queue has no suggested evidence.

    With `reuse`, a page whose template reads nothing but its own context (reads_site says)
    and whose inputs are those of the previous run is not rendered again: its text is a
    function of the templates and of its plan entry's basis, from which its context is made."""
    relations = relate(briefing, reuse)
    site = SiteContext(briefing, relations, review_queue(briefing, relations, suggest))
    views = build_views(briefing, relations, site.review)
    environment = make_environment(templates, {"latest": partial(latest_positions, views)})
    if reuse is not None:
        environment.filters.update(md=reuse.memoised(escape_markdown))
        environment.filters.update(highlight=reuse.memoised(highlight))
        sources = reuse.intern("templates", dict(templates))
    output: dict[str, str | bytes] = {}
    wide: dict[str, bool] = {}
    for path, template, basis, make in page_plan(site, views):
        if reuse is not None and template not in wide:
            reads = partial(reads_site_of, environment, template)
            wide[template] = reuse.take(("reads_site", template), sources, reads, problems)
        if reuse is None or wide[template]:
            text = render_page(environment, template, site, make(), problems)
        else:
            render = partial(render_made, environment, template, site, make)
            text = reuse.take(("page", path), (sources, template, basis), render, problems)
        if text is not None:
            output[path] = text
    output.update(files or {})
    for path, content in sorted(pages.items()):
        if path in output:
            hint = "rename the hand-written page; this path is generated"
            problems.error(
                Location(f"pages/{path}"), f"'{path}' would overwrite a generated page", hint
            )
        output[path] = content
    return output


def reads_site_of(environment: Environment, template: str, _: Problems) -> bool:
    return reads_site(environment, template)


def render_made(
    environment: Environment,
    template: str,
    site: SiteContext,
    make: Callable[[], Page],
    problems: Problems,
) -> str | None:
    return render_page(environment, template, site, make(), problems)


Planned = tuple[str, str, object, Callable[[], Page]]
"""A page of the plan: its docs path, its template, what its context is made from (its
basis), and the function that makes the context from it."""


def page_plan(site: SiteContext, views: Views) -> Iterator[Planned]:
    """Every generated page. The context of most pages is made at once and is its own basis;
    an article's (the bulk of a large site) is made only when its page is rendered."""
    for path, template, page in index_pages(site, views):
        yield path, template, page, partial(same_page, page)
    for article in site.briefing.articles:
        relations, key = site.relations, article.id
        basis = (
            article,
            relations.actors_by_article.get(key, ()),
            relations.issues_by_article.get(key, ()),
            relations.quoted_spans.get(key, {}),
            views.citations.get(key, ()),
        )
        made = partial(article_context, article, site, views)
        yield article_page(article.id), "article.md.j2", basis, made


def same_page(page: Page) -> Page:
    return page


def index_pages(site: SiteContext, views: Views) -> Iterator[tuple[str, str, Page]]:
    """(docs path, template, context) for every generated page but the articles'."""
    yield NAMED["home"], "home.md.j2", home_context(views)
    yield NAMED["matrix"], "matrix.md.j2", MatrixPage(root_of(NAMED["matrix"]), views.matrix)
    yield NAMED["methodology"], "methodology.md.j2", Page(root_of(NAMED["methodology"]))
    licences = licence_groups(site.briefing.articles)
    yield NAMED["about"], "about.md.j2", AboutPage(root_of(NAMED["about"]), licences)
    yield NAMED["changes"], "changes.md.j2", changes_context(views)
    yield NAMED["review"], "review.md.j2", review_context(site, views)
    yield NAMED["actors"], "actors.md.j2", actors_context(site)
    yield NAMED["issues"], "issues.md.j2", issues_context(site, views)
    yield NAMED["articles"], "articles.md.j2", articles_context(site)
    for month in site.relations.months:
        yield month_page(month.key), "month.md.j2", month_context(month, site)
    for actor in site.briefing.actors:
        yield actor_page(actor.id), "actor.md.j2", actor_context(actor, site, views)
    for issue in site.briefing.issues:
        yield issue_page(issue.id), "issue.md.j2", issue_context(issue, site, views)


def changes_context(views: Views) -> ChangesPage:
    return ChangesPage(root_of(NAMED["changes"]), views.changes, views.days)


def review_context(site: SiteContext, views: Views) -> ReviewPage:
    uncited = article_rows(site.review.uncited, NAMED["review"], site)
    return ReviewPage(
        root_of(NAMED["review"]), views.stale, uncited, views.single_quote, views.suggested
    )


def actors_context(site: SiteContext) -> ActorsPage:
    rows = tuple(ActorRow(actor, speaks_for(actor, site)) for actor in site.briefing.actors)
    return ActorsPage(root_of(NAMED["actors"]), rows)


def issues_context(site: SiteContext, views: Views) -> IssuesPage:
    rows = tuple(IssueRow(i, views.by_issue.get(i.id, ())) for i in site.briefing.issues)
    return IssuesPage(root_of(NAMED["issues"]), rows)


def articles_context(site: SiteContext) -> ArticlesPage:
    path = NAMED["articles"]
    months = tuple(
        MonthRow(month, relative(month_page(month.key), path)) for month in site.relations.months
    )
    return ArticlesPage(root_of(path), article_rows(site.briefing.articles, path, site), months)


def month_context(month: Month, site: SiteContext) -> MonthPage:
    path = month_page(month.key)
    rows = article_rows(month.articles, path, site)
    return MonthPage(root_of(path), month, rows, relative(NAMED["articles"], path))


def home_context(views: Views) -> HomePage:
    root = root_of(NAMED["home"])
    return HomePage(root, views.matrix, views.updated, views.moved, views.divides)


def actor_context(actor: Actor, site: SiteContext, views: Views) -> ActorPage:
    relations = site.relations
    positions = tuple(views.positions[position_key(p)] for p in actor.positions)
    return ActorPage(
        root_of(actor_page(actor.id)),
        actor,
        speaks_for(actor, site),
        positions,
        relations.people_by_actor.get(actor.id, ()),
        with_sources(relations.articles_by_actor[actor.id], positions),
    )


def issue_context(issue: Issue, site: SiteContext, views: Views) -> IssuePage:
    positions = views.by_issue.get(issue.id, ())
    articles = with_sources(site.relations.articles_by_issue[issue.id], positions)
    held = tuple((p.actor, p.position) for p in positions)
    divide = next((d for d in views.divides if d.issue.id == issue.id), None)
    return IssuePage(
        root_of(issue_page(issue.id)),
        issue,
        positions,
        stance_groups(positions),
        divide,
        timeline(held, site.briefing),
        articles,
    )


def with_sources(
    mentioning: tuple[Article, ...], positions: tuple[PositionView, ...]
) -> tuple[Article, ...]:
    """The articles that mention a page's subject and those its positions cite, newest first
    (the model's order), each once."""
    cited = {quote.article.id: quote.article for p in positions for quote in p.evidence}
    articles = {article.id: article for article in mentioning} | cited
    return tuple(sorted(articles.values(), key=article_order))


def article_context(article: Article, site: SiteContext, views: Views) -> ArticlePage:
    relations = site.relations
    citations = views.citations.get(article.id, ())
    return ArticlePage(
        root_of(article_page(article.id)),
        article,
        relations.actors_by_article.get(article.id, ()),
        relations.issues_by_article.get(article.id, ()),
        quoted_paragraphs(article, relations, citations),
        citations,
    )


def speaks_for(actor: Actor, site: SiteContext) -> Actor | None:
    """The actor a person speaks for, if any."""
    return site.briefing.actor_by_id[actor.speaks_for] if actor.speaks_for else None


def article_rows(
    articles: tuple[Article, ...], listing: str, site: SiteContext
) -> tuple[ArticleRow, ...]:
    """A table of articles on the page at docs path `listing`, which links to them from its own
    folder ('x.md' from articles/index.md)."""
    cited = site.relations.citations_by_article
    return tuple(
        ArticleRow(a, relative(article_page(a.id), listing), len(cited.get(a.id, ())))
        for a in articles
    )
