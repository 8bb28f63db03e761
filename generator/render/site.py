"""Stage 3: the model as the pages of the site, through the Jinja2 templates (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial

from generator.model import Actor, Briefing, Issue
from generator.model.articles import Article
from generator.model.licences import licence_groups
from generator.model.relations import Month, relate
from generator.model.review import review_queue
from generator.problems import Location, Problems
from generator.render.context import (
    AboutPage,
    ActorPage,
    ActorsPage,
    ArticlePage,
    ArticlesPage,
    ChangesPage,
    IssuePage,
    IssuesPage,
    MatrixPage,
    MonthPage,
    Page,
    ReviewPage,
    SiteContext,
)
from generator.render.templates import make_environment, render_page
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
    QuotedParagraph,
    Views,
    build_views,
    latest_positions,
    position_key,
    stance_groups,
)


def render_site(
    briefing: Briefing,
    templates: dict[str, str],
    pages: Mapping[str, str | bytes],
    problems: Problems,
    files: Mapping[str, str] | None = None,
    suggest: bool = True,
) -> dict[str, str | bytes]:
    """Every page of the site, the generated `files` (data, feed) and the hand-written `pages`
    (text, or bytes to copy), keyed by docs path; without `suggest` (a published build) the
    review queue has no suggested evidence."""
    relations = relate(briefing)
    site = SiteContext(briefing, relations, review_queue(briefing, relations, suggest))
    views = build_views(briefing, relations, site.review)
    environment = make_environment(templates, {"latest": partial(latest_positions, views)})
    output: dict[str, str | bytes] = {}
    for path, template, page in page_plan(site, views):
        text = render_page(environment, template, site, page, problems)
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


def page_plan(site: SiteContext, views: Views) -> Iterator[tuple[str, str, Page]]:
    """(docs path, template, context) for every generated page."""
    yield NAMED["home"], "home.md.j2", MatrixPage(root_of(NAMED["home"]), views.matrix)
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
    for article in site.briefing.articles:
        yield article_page(article.id), "article.md.j2", article_context(article, site, views)


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


def actor_context(actor: Actor, site: SiteContext, views: Views) -> ActorPage:
    relations = site.relations
    return ActorPage(
        root_of(actor_page(actor.id)),
        actor,
        speaks_for(actor, site),
        tuple(views.positions[position_key(p)] for p in actor.positions),
        relations.people_by_actor.get(actor.id, ()),
        relations.articles_by_actor[actor.id],
    )


def issue_context(issue: Issue, site: SiteContext, views: Views) -> IssuePage:
    positions = views.by_issue.get(issue.id, ())
    articles = site.relations.articles_by_issue[issue.id]
    return IssuePage(
        root_of(issue_page(issue.id)), issue, positions, stance_groups(positions), articles
    )


def article_context(article: Article, site: SiteContext, views: Views) -> ArticlePage:
    relations = site.relations
    quoted = relations.quoted_spans.get(article.id, {})
    return ArticlePage(
        root_of(article_page(article.id)),
        article,
        relations.actors_by_article.get(article.id, ()),
        relations.issues_by_article.get(article.id, ()),
        tuple(QuotedParagraph(p, quoted.get(p.number, ())) for p in article.paragraphs),
        views.citations.get(article.id, ()),
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
