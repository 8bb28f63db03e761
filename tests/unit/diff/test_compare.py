"""The semantic diff of two briefings: positions matched by actor and issue, quotes by what they
say, names shown but never compared."""

from __future__ import annotations

import dataclasses

from builders import (
    make_actor,
    make_article,
    make_briefing,
    make_evidence,
    make_history,
    make_issue,
    make_position,
)

from generator.diff.compare import Named, diff_briefings
from generator.model import Briefing
from generator.model.articles import Article
from generator.model.positions import Position

TALKS = make_article(
    "talks", "Northland wants a “truce” now.", "Southland  said no.", title="Talks resume"
)
ISSUES = (make_issue("ceasefire"), make_issue("borders"))
NORTH = make_position("northland", "ceasefire", make_evidence(TALKS, "wants a “truce”"))
SOUTH = make_position("southland", "ceasefire", make_evidence(TALKS, "said no"), stance="opposes")


def briefing(
    *positions: Position, articles: tuple[Article, ...] = (TALKS,), **names: str
) -> Briefing:
    """Northland and Southland holding `positions`; `names` renames actors by id."""
    actors = [
        make_actor(actor_id, *(p for p in positions if p.actor_id == actor_id))
        for actor_id in ("northland", "southland")
    ]
    actors = [dataclasses.replace(a, name=names.get(a.id, a.name)) for a in actors]
    return make_briefing(actors, ISSUES, articles)


BEFORE = briefing(NORTH, SOUTH)


def test_the_same_briefing_has_no_change() -> None:
    diff = diff_briefings(BEFORE, briefing(NORTH, SOUTH))
    assert not diff.changed and diff.positions == ()


def test_a_changed_stance_is_one_position_diff_with_both_sides() -> None:
    after = briefing(NORTH, dataclasses.replace(SOUTH, stance="conditional", summary="Maybe."))
    [position] = diff_briefings(BEFORE, after).positions
    assert (position.actor, position.issue) == (
        Named("southland", "Southland"),
        Named("ceasefire", "Ceasefire"),
    )
    assert position.status == "changed"
    assert position.stance == ("opposes", "conditional")
    assert position.summary == (SOUTH.summary, "Maybe.")
    assert position.as_of == (SOUTH.as_of, SOUTH.as_of)
    assert (position.quotes_added, position.quotes_removed) == ((), ())


def test_a_quote_is_the_same_whatever_its_spaces_and_quote_marks() -> None:
    respaced = make_evidence(TALKS, 'wants  a "truce"')
    after = briefing(dataclasses.replace(NORTH, evidence=(respaced,)), SOUTH)
    assert not diff_briefings(BEFORE, after).changed


def test_a_quote_added_removed_or_said_by_another_is_listed() -> None:
    other = make_evidence(TALKS, "Southland said no")
    by_berg = dataclasses.replace(NORTH.evidence[0], speaker_id="berg")
    berg = make_actor("berg", kind="person", name="Ana Berg")
    after = make_briefing(
        [*briefing(dataclasses.replace(NORTH, evidence=(by_berg, other)), SOUTH).actors, berg],
        ISSUES,
        (TALKS,),
    )
    [position] = diff_briefings(BEFORE, after).positions
    assert [(q.quote, q.speaker, q.paragraph) for q in position.quotes_added] == [
        ("wants a “truce”", "Ana Berg", 1),
        ("Southland said no", None, 2),
    ]
    assert [q.quote for q in position.quotes_removed] == ["wants a “truce”"]
    assert position.quotes_added[0].article_title == "Talks resume"


def test_positions_added_and_removed_and_the_history_they_gained() -> None:
    border = make_position("northland", "borders", make_evidence(TALKS, "now"), draft=True)
    earlier = make_history("2026-01-01", "opposes", "Before the talks.")
    after = briefing(NORTH, dataclasses.replace(SOUTH, history=(earlier,)), border)
    diff = diff_briefings(briefing(NORTH, SOUTH), after)
    added, changed = diff.positions
    assert (added.issue.id, added.status, added.draft) == ("borders", "added", (False, True))
    assert [q.quote for q in added.quotes_added] == ["now"]
    assert (changed.actor.id, changed.history_added) == ("southland", (earlier,))
    removed = diff_briefings(after, BEFORE).positions[0]
    assert (removed.status, removed.stance, removed.quotes_removed) == (
        "removed",
        ("supports", None),
        (),
    )


def test_positions_are_ordered_by_actor_then_issue_name() -> None:
    after = briefing(
        dataclasses.replace(NORTH, stance="opposes"),
        dataclasses.replace(SOUTH, stance="supports"),
        make_position("northland", "borders", make_evidence(TALKS, "now")),
        northland="Zeeland",
    )
    names = [(p.actor.name, p.issue.name) for p in diff_briefings(BEFORE, after).positions]
    assert names == [("Southland", "Ceasefire"), ("Zeeland", "Borders"), ("Zeeland", "Ceasefire")]


def test_renaming_changes_nothing_but_the_names_shown() -> None:
    retitled = dataclasses.replace(TALKS, title="Another title")
    after = briefing(NORTH, SOUTH, articles=(retitled,), northland="North Land")
    assert not diff_briefings(BEFORE, after).changed


def test_actors_issues_and_articles_added_or_removed_by_name() -> None:
    later = make_article("later", "More.", title="A later report")
    after = make_briefing(
        [*BEFORE.actors, make_actor("westland"), make_actor("eastland", name="Aland")],
        ISSUES[:1],
        (TALKS, later),
    )
    diff = diff_briefings(briefing(NORTH, SOUTH), after)
    assert diff.actors_added == (Named("eastland", "Aland"), Named("westland", "Westland"))
    assert diff.issues_removed == (Named("borders", "Borders"),)
    assert diff.articles_added == (Named("later", "A later report"),)
    assert diff.actors_removed == diff.issues_added == diff.articles_removed == ()
    assert diff.changed
