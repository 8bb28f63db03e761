"""What templates are given: the URL scheme, the views of the model and the typed page contexts."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from builders import DEMO, MiniProject

from generator import defaults
from generator.engine.build import load_model
from generator.model import ACTOR_KINDS, STANCES, Briefing
from generator.model.relations import relate
from generator.model.review import review_queue
from generator.problems import Problems
from generator.render.context import NAMES, PAGE_KINDS, RENDER_HINT, SiteContext
from generator.render.templates import make_environment
from generator.render.urls import anchor, page_link, relative, root_of, site_url
from generator.render.views import (
    Views,
    build_views,
    latest_positions,
    quoted_paragraphs,
    stance_groups,
)

REPO = DEMO


@pytest.fixture(scope="module")
def demo() -> tuple[Briefing, Views]:
    """The demo briefing and its views."""
    _, briefing = load_model(REPO, Problems())
    relations = relate(briefing)
    return briefing, build_views(briefing, relations, review_queue(briefing, relations))


def test_each_page_kind_has_one_path_and_links_lead_up_through_root(
    demo: tuple[Briefing, Views],
) -> None:
    briefing, _ = demo
    actor, issue, article = briefing.actors[0], briefing.issues[0], briefing.articles[0]
    assert page_link(actor, "../") == f"../actors/{actor.id}.md"
    assert page_link(issue) == f"issues/{issue.id}.md"
    assert page_link(article) == f"articles/{article.id}.md"
    position = actor.positions[0]
    assert (
        page_link(position)
        == f"actors/{actor.id}.md#{anchor(briefing.issue_by_id[position.issue_id])}"
    )
    evidence = position.evidence[0]
    start = evidence.spans[0].start
    assert page_link(evidence).endswith(f".md#p{evidence.paragraph}-{start}")
    assert page_link("methodology", "../../") == "../../methodology.md"
    assert root_of("articles/months/2026-02.md") == "../../"


@pytest.mark.parametrize(
    ("path", "start", "link"),
    [
        ("articles/a.md", "articles/index.md", "a.md"),
        ("articles/a.md", "articles/months/2026-02.md", "../a.md"),
        ("articles/index.md", "articles/months/2026-02.md", "../index.md"),
        ("articles/months/2026-02.md", "articles/index.md", "months/2026-02.md"),
        ("articles/a.md", "review.md", "articles/a.md"),
        ("index.md", "actors/russia.md", "../index.md"),
    ],
)
def test_relative_links_are_the_shortest(path: str, start: str, link: str) -> None:
    assert relative(path, start) == link


def test_site_addresses_follow_the_directory_urls_setting() -> None:
    assert site_url("actors/russia.md#ceasefire", True) == "actors/russia/#ceasefire"
    assert site_url("actors/russia.md#ceasefire", False) == "actors/russia.html#ceasefire"
    assert site_url("actors/index.md", True) == "actors/"
    assert site_url("index.md", False) == "index.html"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ 3 | page }}", "'page' takes an actor, issue, article, month, position, quote"),
        ("{{ 'nowhere' | page }}", "'page' knows no page named 'nowhere' \\(known: 'about'"),
        ("{{ 'x' | anchor }}", "'anchor' takes an issue, actor, paragraph or quote"),
    ],
)
def test_link_filters_refuse_what_has_no_page(template: str, message: str) -> None:
    environment = make_environment({"page.md.j2": template})
    with pytest.raises(ValueError, match=message):
        environment.get_template("page.md.j2").render()


def test_matrix_has_a_row_per_actor_with_positions_and_a_cell_per_issue(
    demo: tuple[Briefing, Views],
) -> None:
    briefing, views = demo
    matrix = views.matrix
    assert {row.actor for row in matrix.rows} == {a for a in briefing.actors if a.positions}
    for row in matrix.rows:
        assert [cell.issue for cell in row.cells] == list(briefing.issues)
        # An actor's positions are in the order of the issues, as the columns are.
        held = [cell.position for cell in row.cells if cell.position is not None]
        assert held == list(row.actor.positions)
    assert matrix.has_drafts == any(p.draft for p in briefing.positions)


def test_matrix_lists_persons_under_the_actor_they_speak_for(
    demo: tuple[Briefing, Views],
) -> None:
    _, views = demo
    rows = views.matrix.rows
    for index, row in enumerate(rows):
        if row.speaks_for is not None:
            above = [r.actor for r in rows[:index] if r.speaks_for is None]
            assert above[-1] == row.speaks_for, f"{row.actor.id} is not under {row.speaks_for.id}"
            assert row.actor.speaks_for == row.speaks_for.id
    groups = [row.actor.kind for row in rows if row.speaks_for is None]
    assert groups == sorted(groups, key=ACTOR_KINDS.index), "actors are not grouped by kind"


def test_a_quoted_paragraph_marks_each_passage_with_its_quotes_and_citers(
    demo: tuple[Briefing, Views],
) -> None:
    briefing, views = demo
    relations = relate(briefing)
    for article in briefing.articles:
        citations = views.citations.get(article.id, ())
        quoted = quoted_paragraphs(article, relations, citations)
        anchors = {a for p in quoted for mark in p.marks for _, a in mark.anchors}
        assert anchors == {anchor(c.evidence) for c in citations}
        numbers = sorted({c.number for p in quoted for m in p.marks for c in m.cited_by})
        assert numbers == list(range(1, len(citations) + 1))


def test_a_dated_position_rests_on_evidence_older_than_the_threshold(
    demo: tuple[Briefing, Views],
) -> None:
    briefing, views = demo
    for view in views.positions.values():
        fresh = view.freshness
        days = [q.article.date for q in view.evidence if q.article.date]
        assert fresh.evidence == max(days, default=None)
        old = fresh.evidence is not None and (fresh.reviewed - fresh.evidence).days
        assert fresh.dated == (old is not False and old > briefing.dated_after_days)
    assert any(v.freshness.dated for v in views.positions.values()), "the demo shows none"


def test_position_views_carry_their_actor_issue_articles_and_speakers(
    demo: tuple[Briefing, Views],
) -> None:
    briefing, views = demo
    for (actor_id, issue_id), view in views.positions.items():
        assert (view.actor.id, view.issue.id) == (actor_id, issue_id)
        for quote, evidence in zip(view.evidence, view.position.evidence, strict=True):
            assert quote.article is briefing.article_by_id[evidence.article_id]
            assert (quote.speaker.id if quote.speaker else None) == evidence.speaker_id


def test_stance_groups_follow_the_vocabulary_and_leave_out_empty_stances(
    demo: tuple[Briefing, Views],
) -> None:
    _, views = demo
    for positions in views.by_issue.values():
        groups = stance_groups(positions)
        taken = {p.position.stance for p in positions}
        assert [g.stance.id for g in groups] == [s.id for s in STANCES if s.id in taken]
        assert sum(len(g.positions) for g in groups) == len(positions)
        assert all(p.position.stance == g.stance.id for g in groups for p in g.positions)


def test_changes_by_day_keep_every_change_newest_day_first(demo: tuple[Briefing, Views]) -> None:
    _, views = demo
    assert [entry.change for day in views.days for entry in day.changes] == list(views.changes)
    dates = [day.date for day in views.days]
    assert dates == sorted(set(dates), reverse=True)


def test_latest_gives_the_newest_positions_as_views(demo: tuple[Briefing, Views]) -> None:
    briefing, views = demo
    latest = latest_positions(views, briefing.positions, 3)
    assert [v.position.as_of for v in latest] == sorted(
        (p.as_of for p in briefing.positions), reverse=True
    )[:3]
    with pytest.raises(TypeError, match="'latest' takes positions"):
        latest_positions(views, briefing.actors)  # type: ignore[arg-type]


def test_the_hint_names_what_every_page_sees_and_each_page_subject() -> None:
    shared = [*NAMES[SiteContext], "root"]
    subjects = [
        f.name for kind in PAGE_KINDS for f in dataclasses.fields(kind) if f.metadata.get("subject")
    ]
    assert subjects == ["actor", "issue", "article", "month"]
    assert all(f"'{name}'" in RENDER_HINT for name in shared + subjects)


@pytest.mark.parametrize("template", sorted(defaults.TEMPLATES.glob("*.j2")), ids=lambda p: p.name)
def test_templates_spell_no_paths_and_look_nothing_up(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    for spelled in (".md)", ".md#", "_by_id[", ".get(", "selectattr", "groupby", ".update("):
        assert spelled not in text, f"{template.name} has {spelled!r}: a view or 'page' does it"


def test_what_moved_puts_real_changes_first_and_first_recordings_apart(
    mini_project: MiniProject,
) -> None:
    history = (
        '        quote: "will not sign a ceasefire without guarantees"\n',
        '        quote: "will not sign a ceasefire without guarantees"\n'
        "    history:\n"
        "      - {as_of: 2026-01-10, stance: opposes}\n"
        "      - {as_of: 2024-01-10, stance: opposes}\n",
    )
    root = mini_project({"briefings/actors/southland.yaml": history})
    _, briefing = load_model(root, Problems())
    relations = relate(briefing)
    moved = build_views(briefing, relations, review_queue(briefing, relations)).moved
    assert moved is not None
    assert (moved.since, moved.until) == (datetime.date(2025, 11, 5), datetime.date(2026, 2, 2))
    assert [(e.change.previous, e.change.stance) for e in moved.changed] == [
        ("opposes", "conditional")
    ]
    assert [e.position.actor.id for e in moved.recorded] == ["northland"]
    # A step older than the period is not news: the reaffirmation of 2026-01-10 is in it,
    # the first recording of 2024 is not.
    assert [e.change.date for e in moved.reaffirmed] == [datetime.date(2026, 1, 10)]
