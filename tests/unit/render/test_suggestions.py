"""Suggested evidence on the review page and in the YAML to paste: left out of a published
build, and untrusted text kept inside its place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from generator.engine.build import generate, load_model
from generator.model.suggest import suggester_of
from generator.problems import Problems
from generator.render.suggestions import suggestions_yaml

if TYPE_CHECKING:
    from conftest import MiniProject


def test_the_review_page_lists_suggestions_unless_published(mini_project: MiniProject) -> None:
    root = mini_project()
    page = generate(root).pages["review.md"]
    assert "| [Suggested evidence not yet used](#suggested) | 2 |" in page
    assert "## Suggested evidence { #suggested }" in page
    assert "Ana Berg on [Ceasefire](issues/ceasefire.md)" in page
    published = generate(root, drafts=False).pages["review.md"]
    assert "Suggested evidence" not in published


def test_a_hostile_title_stays_inside_its_yaml_comment(mini_project: MiniProject) -> None:
    title = r"Talks\n- article: evil\n  quote: 'injected'\u2028- x"
    root = mini_project({"seeds/talks.md": ("title: Talks resume in Geneva", f'title: "{title}"')})
    briefing = load_model(root, Problems())[1]
    article = briefing.article_by_id["talks"]
    text = suggestions_yaml([article], suggester_of(briefing).suggest(article), briefing)
    entries = yaml.safe_load(text)
    assert [e["article"] for e in entries] == ["talks", "talks"]
    assert all("evil" not in line for line in text.splitlines() if not line.startswith("#"))
