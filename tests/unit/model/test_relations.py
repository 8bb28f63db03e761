"""The derived indexes of a briefing: who cites, speaks for and mentions what; months."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from builders import (
    make_actor,
    make_article,
    make_briefing,
    make_evidence,
    make_issue,
    make_position,
)

from generator.model.quotes import Span
from generator.model.relations import group_by_month, month_label, relate

TALKS = make_article(
    "talks",
    "Northland and Southland met to discuss a ceasefire.",
    "Berg said Northland wants a truce.",
    date="2026-02-02",
)
LATER = make_article("later", "Southland rejected any truce.", date="2026-03-05")
OLDER = make_article("older", "Nothing of note.", date="2026-02-20")
UNDATED = make_article("undated", "A note on Northland.")

CEASEFIRE = make_issue("ceasefire", "truce")
BORDERS = make_issue("borders")
NORTH_CEASEFIRE = make_position(
    "northland",
    "ceasefire",
    make_evidence(TALKS, "wants a truce"),
    make_evidence(TALKS, "Northland wants"),
)
SOUTH_CEASEFIRE = make_position(
    "southland", "ceasefire", make_evidence(TALKS, "met to discuss"), stance="opposes"
)
NORTH_BORDERS = make_position("northland", "borders", make_evidence(TALKS, "wants a truce"))
BRIEFING = make_briefing(
    actors=[
        make_actor("northland", NORTH_CEASEFIRE, NORTH_BORDERS),
        make_actor("southland", SOUTH_CEASEFIRE),
        make_actor(
            "berg", kind="person", name="Ana Berg", aliases=("Berg",), speaks_for="northland"
        ),
    ],
    issues=[CEASEFIRE, BORDERS],
    articles=[TALKS, LATER, OLDER, UNDATED],
)
RELATIONS = relate(BRIEFING)


def ids(records: Iterable[Any]) -> list[str]:
    return [record.id for record in records]


def test_positions_by_issue_are_in_the_order_of_the_matrix() -> None:
    assert RELATIONS.positions_by_issue == {
        "borders": (NORTH_BORDERS,),
        "ceasefire": (NORTH_CEASEFIRE, SOUTH_CEASEFIRE),
    }


def test_each_quote_of_an_article_is_a_citation_of_it() -> None:
    citations = RELATIONS.citations_by_article["talks"]
    assert [(c.position.actor_id, c.position.issue_id) for c in citations] == [
        ("northland", "borders"),
        ("northland", "ceasefire"),
        ("northland", "ceasefire"),
        ("southland", "ceasefire"),
    ]
    assert all(c.evidence in c.position.evidence for c in citations)
    assert "later" not in RELATIONS.citations_by_article


def test_persons_are_listed_under_the_actor_they_speak_for() -> None:
    assert {k: ids(v) for k, v in RELATIONS.people_by_actor.items()} == {"northland": ["berg"]}


def test_mentions_by_name_or_alias_newest_article_first() -> None:
    assert ids(RELATIONS.articles_by_actor["northland"]) == ["talks", "undated"]
    assert ids(RELATIONS.articles_by_actor["southland"]) == ["later", "talks"]
    assert ids(RELATIONS.articles_by_actor["berg"]) == ["talks"]
    assert ids(RELATIONS.articles_by_issue["ceasefire"]) == ["later", "talks"]
    assert RELATIONS.articles_by_issue["borders"] == ()
    assert ids(RELATIONS.actors_by_article["talks"]) == ["northland", "southland", "berg"]
    assert ids(RELATIONS.issues_by_article["talks"]) == ["ceasefire"]
    assert RELATIONS.issues_by_article.get("older", ()) == ()


def test_quoted_spans_are_gathered_per_paragraph_each_once_in_order() -> None:
    def span(number: int, words: str) -> Span:
        start = TALKS.paragraphs[number - 1].text.index(words)
        return Span(start, start + len(words))

    assert RELATIONS.quoted_spans == {
        "talks": {
            "p1": (span(1, "met to discuss"),),
            "p2": (span(2, "Northland wants"), span(2, "wants a truce")),
        }
    }


def test_articles_by_month_newest_month_first_undated_last() -> None:
    months = group_by_month(BRIEFING.articles)
    assert [(m.key, m.label, ids(m.articles)) for m in months] == [
        ("2026-03", "March 2026", ["later"]),
        ("2026-02", "February 2026", ["older", "talks"]),
        ("undated", "Undated", ["undated"]),
    ]
    assert RELATIONS.months == months
    assert group_by_month(()) == ()
    assert month_label("2025-11") == "November 2025"
