"""Stage 3: the model as the pages of the site, through the Jinja2 templates (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.model import Briefing
from generator.model.relations import Relations, relate
from generator.model.review import review_queue
from generator.problems import Location, Problems
from generator.render.feed import position_changes
from generator.render.templates import make_environment, render_page


def render_site(
    briefing: Briefing,
    templates: dict[str, str],
    pages: Mapping[str, str | bytes],
    problems: Problems,
    files: Mapping[str, str] | None = None,
) -> dict[str, str | bytes]:
    """Every page of the site, the generated `files` (data, feed) and the hand-written `pages`
    (text, or bytes to copy), keyed by docs path."""
    environment = make_environment(templates)
    relations = relate(briefing)
    review = review_queue(briefing, relations)
    output: dict[str, str | bytes] = {}
    for path, template, context in page_plan(briefing, relations):
        context.update(
            briefing=briefing, relations=relations, review=review, root="../" * path.count("/")
        )
        page = render_page(environment, template, context, problems)
        if page is not None:
            output[path] = page
    output.update(files or {})
    for path, content in sorted(pages.items()):
        if path in output:
            hint = "rename the hand-written page; this path is generated"
            problems.error(
                Location(f"pages/{path}"), f"'{path}' would overwrite a generated page", hint
            )
        output[path] = content
    return output


def page_plan(
    briefing: Briefing, relations: Relations
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, template, context) for every generated page."""
    yield "index.md", "home.md.j2", {}
    yield "matrix.md", "matrix.md.j2", {}
    yield "methodology.md", "methodology.md.j2", {}
    yield "changes.md", "changes.md.j2", {"changes": position_changes(briefing)}
    yield "review.md", "review.md.j2", {}
    yield "actors/index.md", "actors.md.j2", {}
    yield "issues/index.md", "issues.md.j2", {}
    yield "articles/index.md", "articles.md.j2", {}
    for month in relations.months:
        yield f"articles/months/{month.key}.md", "month.md.j2", {"month": month}
    for actor in briefing.actors:
        yield f"actors/{actor.id}.md", "actor.md.j2", {"actor": actor}
    for issue in briefing.issues:
        yield f"issues/{issue.id}.md", "issue.md.j2", {"issue": issue}
    for article in briefing.articles:
        yield f"articles/{article.id}.md", "article.md.j2", {"article": article}
