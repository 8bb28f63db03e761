"""Suggested evidence through the suggester: sentences, actors, issues and speakers, what is
left out, and what every suggestion promises (a verbatim quote, a stable id, a bounded list)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from builders import DEMO

from generator.engine.build import load_model
from generator.model import Briefing
from generator.model.dismissals import Dismissal
from generator.model.quotes import Found, find_quote
from generator.model.suggest import BUDGET, Suggestion, suggester_of
from generator.model.suggest.lexicon import lexicon_of
from generator.model.suggest.prior import NO_PRIOR, prior_of
from generator.model.suggest.ranking import PAIRS
from generator.model.suggest.speakers import persons_in
from generator.problems import Location, Problems

if TYPE_CHECKING:
    from conftest import Edit, MiniProject

NORTHLAND = "briefings/actors/northland.yaml"
SOUTHLAND = "briefings/actors/southland.yaml"
NO_POSITIONS: dict[str, Edit] = {
    NORTHLAND: "name: Northland\nkind: state\naliases: [Northlander]\n",
    SOUTHLAND: "name: Southland\nkind: state\n",
}


def briefing_of(root: Path) -> Briefing:
    return load_model(root, Problems())[1]


def suggested(briefing: Briefing, article_id: str) -> tuple[Suggestion, ...]:
    return suggester_of(briefing).suggest(briefing.article_by_id[article_id])


def pairs(made: tuple[Suggestion, ...]) -> set[tuple[str, str, str | None, str]]:
    """(actor, issue, speaker, first words of the sentence) of each suggestion."""
    return {(s.actor_id, s.issue_id, s.speaker_id, " ".join(s.quote.split()[:3])) for s in made}


def project(mini_project: MiniProject, edits: Mapping[str, Edit]) -> Briefing:
    return briefing_of(mini_project({**NO_POSITIONS, **edits}))


def test_reported_speech_and_quotations_are_suggested_with_their_speakers(
    mini_project: MiniProject,
) -> None:
    # Each pair of a person comes with that of the state it speaks for, on the same issue: a
    # plain quotation of the Northland minister Berg is Northland's evidence too.
    made = suggested(project(mini_project, {}), "talks")
    assert pairs(made) == {
        ("berg", "ceasefire", "berg", '"We want a'),
        ("northland", "ceasefire", "berg", '"We want a'),
        ("berg", "ceasefire", "berg", "Berg later told"),
        ("northland", "ceasefire", "berg", "Berg later told"),
        ("southland", "ceasefire", None, "Southland's envoy replied"),
        ("southland", "ceasefire", None, "A Southland spokesman"),
    }


def test_a_sentence_cited_for_an_actor_and_issue_is_not_suggested_for_them_again(
    mini_project: MiniProject,
) -> None:
    made = suggested(briefing_of(mini_project()), "talks")
    assert {(s.actor_id, s.issue_id) for s in made} == {("berg", "ceasefire")}


def test_dismissed_suggestions_are_not_made_again(mini_project: MiniProject) -> None:
    briefing = project(mini_project, {})
    first = suggested(briefing, "talks")
    envoy = next(s for s in first if s.quote.startswith("Southland's envoy"))
    told = next(s for s in first if s.quote.startswith("Berg later"))
    dismissed = (
        Dismissal(Location("x"), "talks", "  ".join(envoy.quote.split()), None, None),
        Dismissal(Location("x"), "talks", told.quote, "berg", "ceasefire"),
    )
    again = suggested(replace(briefing, dismissed=dismissed), "talks")
    assert envoy.quote not in {s.quote for s in again}
    assert {(s.actor_id, s.quote) for s in again if s.quote == told.quote} == {
        ("northland", told.quote)
    }


ADDRESS = """---
title: Evening address
date: 2026-02-03
author: Ana Berg
---
We will not sign a truce that leaves our people behind.

The weather in Geneva was mild.
"""
READOUT = """---
title: Telephone conversation
date: 2026-02-04
outlet: Government of Northland (northland.example)
---
The Foreign Minister of Northland spoke with the envoy of Southland.

It was emphasised that a ceasefire must come first.

The Foreign Minister stressed that Northland would never accept a truce without guarantees.
"""
TRANSCRIPT = """---
title: Press conference
date: 2026-02-05
---
Question: Will there be a ceasefire this month?

Ana Berg: We are ready to agree on a ceasefire tomorrow.

He added that the truce was still possible.
"""


def test_the_author_of_an_address_speaks_its_first_person(mini_project: MiniProject) -> None:
    made = suggested(project(mini_project, {"seeds/address.md": ADDRESS}), "address")
    assert {(s.actor_id, s.speaker_id) for s in made} == {("berg", "berg"), ("northland", "berg")}
    assert all(s.quote.startswith("We will not sign") for s in made)


def test_a_readouts_passive_voice_and_role_titles(mini_project: MiniProject) -> None:
    made = suggested(project(mini_project, {"seeds/readout.md": READOUT}), "readout")
    best: dict[str, Suggestion] = {}
    for s in made:  # best first: the first suggestion of each sentence is its likeliest
        best.setdefault(" ".join(s.quote.split()[:3]), s)
    assert best["It was emphasised"].speaker_id is None
    assert best["It was emphasised"].actor_id == "northland"  # the outlet's actor
    assert best["The Foreign Minister"].speaker_id == "berg"  # the Foreign Minister of Northland


def test_a_transcript_label_gives_its_turn_a_speaker(mini_project: MiniProject) -> None:
    made = suggested(project(mini_project, {"seeds/press.md": TRANSCRIPT}), "press")
    quotes = {s.quote: s.speaker_id for s in made}
    assert quotes["We are ready to agree on a ceasefire tomorrow."] == "berg"  # label left out
    assert not any(q.startswith(("Question", "Will there")) for q in quotes)
    assert quotes.get("He added that the truce was still possible.") == "berg"


def test_every_demo_suggestion_is_a_verbatim_sentence_with_a_stable_id() -> None:
    briefing = briefing_of(DEMO)
    suggester = suggester_of(briefing)
    for article in briefing.articles:
        made = suggester.suggest(article)
        assert made == suggester.suggest(article)
        assert len({s.id for s in made}) == len(made)
        assert len(made) <= BUDGET
        texts = [p.text for p in article.paragraphs]
        for s in made:
            text = next(
                p.text
                for p in article.paragraphs
                if (p.kind, p.number) == ("paragraph", s.paragraph)
            )
            assert text[s.start : s.end] == s.quote
            found = find_quote(s.quote, texts)
            assert isinstance(found, Found), s.quote
            assert s.actor_id in briefing.actor_by_id and s.issue_id in briefing.issue_by_id
            assert s.speaker_id is None or briefing.actor_by_id[s.speaker_id].kind == "person"
        assert [s.score for s in made] == sorted((s.score for s in made), reverse=True)


REPORTED_THEN_OWN = """---
title: Interview
date: 2026-02-06
---
According to Berg, a ceasefire must come before borders. We will not sign a truce without it.
"""
BRIEFED = """---
title: Briefing by an aide
date: 2026-02-07
---
Aide to the Minister John Smith: Good evening.

The Foreign Minister stressed that Northland would accept a ceasefire.

In our view, a truce would be welcome.
"""


def test_the_first_person_after_reported_words_is_the_reporteds(
    mini_project: MiniProject,
) -> None:
    made = suggested(project(mini_project, {"seeds/reported.md": REPORTED_THEN_OWN}), "reported")
    speakers = {" ".join(s.quote.split()[:3]): s.speaker_id for s in made}
    assert speakers["We will not"] == "berg"


def test_a_surname_spelled_a_little_otherwise_names_its_person() -> None:
    lexicon = lexicon_of(briefing_of(DEMO))
    assert persons_in(lexicon, "said Mykhailo Podoliak") == ["podolyak"]
    assert persons_in(lexicon, "said the Podium") == []


def test_an_unknown_speakers_turn_keeps_the_speakers_it_reports(
    mini_project: MiniProject,
) -> None:
    made = suggested(project(mini_project, {"seeds/briefed.md": BRIEFED}), "briefed")
    assert {s.speaker_id for s in made} == {"berg"}  # the aide's own words are no one's
    assert not any(s.quote.startswith("In our view") for s in made)


def test_a_sentence_is_suggested_for_few_readings_best_first() -> None:
    briefing = briefing_of(DEMO)
    suggester = suggester_of(briefing)
    for article in briefing.articles:
        made = suggester.suggest(article)
        per_sentence = Counter((s.paragraph, s.start) for s in made)
        assert max(per_sentence.values(), default=0) <= PAIRS


def test_an_article_gets_its_budget_of_suggestions_at_most_the_best_of_them() -> None:
    briefing = briefing_of(DEMO)
    every = suggester_of(briefing, 1000)
    for article in briefing.articles:
        made = suggester_of(briefing).suggest(article)
        assert len(made) <= BUDGET
        few = suggester_of(briefing, 3).suggest(article)
        assert len(few) <= 3 and set(few) <= set(every.suggest(article))


def test_the_prior_holds_the_briefings_pairs_and_those_of_states_and_their_people(
    mini_project: MiniProject,
) -> None:
    prior = prior_of(briefing_of(mini_project()))
    # Northland's position gives its minister Berg the odds too
    assert prior.held == {
        ("northland", "ceasefire"),
        ("southland", "ceasefire"),
        ("berg", "ceasefire"),
    }
    assert prior.bonus("berg", "ceasefire") > prior.bonus("berg", "borders") == 0
    assert prior_of(project(mini_project, {})) == NO_PRIOR  # a new project: no odds at all


def test_the_words_an_issues_positions_share_are_words_of_the_issue(
    mini_project: MiniProject,
) -> None:
    # "guarantees" is in neither the issue's title, question nor aliases, but in two of
    # Southland's quotes on it
    assert "guarante" not in lexicon_of(project(mini_project, {})).words
    assert set(lexicon_of(briefing_of(mini_project())).words["guarante"]) == {"ceasefire"}
