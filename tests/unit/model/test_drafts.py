"""A published build's briefing: no draft position anywhere in it."""

from __future__ import annotations

from builders import (
    make_actor,
    make_article,
    make_briefing,
    make_evidence,
    make_issue,
    make_position,
)

from generator.model.drafts import without_drafts

TALKS = make_article("talks", "Northland and Southland met.")
REVIEWED = make_position("northland", "ceasefire", make_evidence(TALKS, "Northland"))
DRAFT = make_position("northland", "borders", make_evidence(TALKS, "met"), draft=True)
BRIEFING = make_briefing(
    actors=[make_actor("northland", REVIEWED, DRAFT), make_actor("southland")],
    issues=[make_issue("ceasefire"), make_issue("borders")],
    articles=[TALKS],
)


def test_draft_positions_are_left_out_of_actors_and_lookups() -> None:
    published = without_drafts(BRIEFING)
    assert published.positions == (REVIEWED,)
    assert published.actor_by_id["northland"].positions == (REVIEWED,)
    assert published.actor_by_id["northland"] is published.actors[0]


def test_everything_else_is_kept() -> None:
    published = without_drafts(BRIEFING)
    assert [a.id for a in published.actors] == [a.id for a in BRIEFING.actors]
    assert (published.issues, published.articles) == (BRIEFING.issues, BRIEFING.articles)
    assert published.title == BRIEFING.title
    assert BRIEFING.actor_by_id["northland"].positions == (DRAFT, REVIEWED), (
        "no change to its input"
    )
