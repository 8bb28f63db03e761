"""The review queue: stale positions, uncited articles, empty cells of the matrix, lone quotes."""

from __future__ import annotations

from builders import (
    make_actor,
    make_article,
    make_briefing,
    make_evidence,
    make_issue,
    make_position,
)

from generator.model.relations import relate
from generator.model.review import queue_lines, review_queue, touches

TALKS = make_article("talks", "Northland and Southland discussed a truce.", date="2026-02-01")
MARCH = make_article("march", "Northland now rejects a truce.", date="2026-03-01")
APRIL = make_article("april", "Southland and Northland spoke of a truce again.", date="2026-04-01")
OFF_TOPIC = make_article("off-topic", "Northland held elections.", date="2026-05-01")
UNDATED = make_article("undated", "Southland on the truce.")

NORTH = make_position(
    "northland",
    "ceasefire",
    make_evidence(TALKS, "discussed a truce"),
    make_evidence(TALKS, "Northland and Southland"),
    as_of="2026-02-01",
)
SOUTH = make_position(
    "southland", "ceasefire", make_evidence(TALKS, "Southland"), as_of="2026-03-15"
)
BRIEFING = make_briefing(
    actors=[
        make_actor("northland", NORTH),
        make_actor("southland", SOUTH),
        make_actor("westland"),
    ],
    issues=[make_issue("ceasefire", "truce"), make_issue("borders")],
    articles=[TALKS, MARCH, APRIL, OFF_TOPIC, UNDATED],
)
QUEUE = review_queue(BRIEFING, relate(BRIEFING))


def test_a_position_is_stale_when_a_newer_article_names_its_actor_and_issue() -> None:
    stale = [(s.position.actor_id, [a.id for a in s.newer]) for s in QUEUE.stale]
    # Both were overtaken by the April article; Northland's matrix row comes first.
    assert stale == [("northland", ["april", "march"]), ("southland", ["april"])]


def test_the_position_with_the_newest_article_about_it_comes_first() -> None:
    may = make_article("may", "Southland's truce plan.", date="2026-05-02")
    briefing = make_briefing(BRIEFING.actors, BRIEFING.issues, (*BRIEFING.articles, may))
    stale = review_queue(briefing, relate(briefing)).stale
    assert [s.position.actor_id for s in stale] == ["southland", "northland"]


def test_articles_no_position_cites_are_listed_in_the_briefings_order() -> None:
    assert [a.id for a in QUEUE.uncited] == ["off-topic", "april", "march", "undated"]


def test_empty_cells_are_listed_for_actors_in_the_matrix_only() -> None:
    assert [(row.actor.id, [i.id for i in row.issues]) for row in QUEUE.empty] == [
        ("northland", ["borders"]),
        ("southland", ["borders"]),
    ]
    assert QUEUE.empty_cells == 2


def test_positions_resting_on_one_quote() -> None:
    assert QUEUE.single_quote == (SOUTH,)


def test_a_new_article_touches_what_it_names_and_the_older_positions_on_both() -> None:
    new = make_article("new", "Northland spoke of a truce.", date="2026-03-01")
    touched = touches(new, BRIEFING)
    assert [a.id for a in touched.actors] == ["northland"]
    assert [i.id for i in touched.issues] == ["ceasefire"]
    assert touched.stale == (NORTH,)
    undated = touches(make_article("x", "Southland spoke of a truce."), BRIEFING)
    assert undated.stale == (), "an undated article makes nothing stale"


def test_queue_lines_cut_each_list_at_the_limit() -> None:
    lines = queue_lines(QUEUE, BRIEFING, limit=1)
    assert lines[:4] == [
        "Positions that may be stale: 2",
        "  Northland on Ceasefire (supports, as of 2026-02-01): 2 newer",
        "    2026-04-01  april  Article april",
        "    … and 1 more (--limit 0 lists all)",
    ]
    assert "Articles cited by no position: 4" in lines
    assert "Matrix cells with no position: 2" in lines
    single = lines.index("Positions resting on a single quote: 1")
    assert lines[single + 1] == "  Southland on Ceasefire (supports, as of 2026-03-15): talks ¶1"
    every = queue_lines(QUEUE, BRIEFING, limit=0)
    assert not any("more (--limit 0" in line for line in every)
    assert "  undated  undated  Article undated" in every
