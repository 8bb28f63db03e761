"""Rendering a template against a small briefing, for the template and sandbox tests."""

from __future__ import annotations

from builders import make_briefing

from generator.model.relations import relate
from generator.model.review import review_queue
from generator.problems import Problems
from generator.render.context import Page, SiteContext
from generator.render.templates import make_environment, render_page

BRIEFING = make_briefing()
SITE = SiteContext(BRIEFING, relate(BRIEFING), review_queue(BRIEFING, relate(BRIEFING)))


def render(templates: dict[str, str], name: str = "page.md.j2") -> tuple[str | None, list[str]]:
    """A page rendered from `templates`, and the problems, as text."""
    problems = Problems()
    text = render_page(make_environment(templates), name, SITE, Page("../"), problems)
    return text, [str(p) for p in problems.items]
