"""A position checked against its issue, its articles, its speakers and its dates, every mistake
reported in one run at the place it is written."""

from __future__ import annotations

import datetime
import textwrap
from types import MappingProxyType

from builders import make_article, make_issue, make_yaml_file

from generator.model.evidence import Context
from generator.model.positions import SINGLE_QUOTE, Position, build_position
from generator.problems import Problems

PATH = "briefings/actors/northland.yaml"
TALKS = make_article(
    "talks",
    "The delegations met in Geneva on Monday.",
    '"We want a ceasefire before any talk of borders," said Ana Berg.',
    date="2026-02-02",
)
LATER = make_article("later", "Northland said it would wait.", date="2026-03-01")
TWO_QUOTES = """\
evidence:
  - {article: talks, quote: "We want a ceasefire", speaker: berg}
  - {article: talks, quote: "met in  Geneva"}
"""


def check(
    fields: str, issue: str = "ceasefire", broken: frozenset[tuple[str, str]] = frozenset()
) -> tuple[Position | None, list[str]]:
    """The position on `issue` written as `fields` (stance, summary and as_of given unless
    written), and the problems it has, as 'line:column: message'."""
    defaults = {"stance": "supports", "summary": "Wants a truce.", "as_of": "2026-02-02"}
    written = textwrap.dedent(fields)
    given = "".join(f"{k}: {v}\n" for k, v in defaults.items() if f"\n{k}:" not in f"\n{written}")
    body = textwrap.indent(given + written, "    ")
    data = make_yaml_file(PATH, f"name: Northland\npositions:\n  {issue}:\n{body}").data
    problems = Problems()
    context = Context(
        problems,
        articles=MappingProxyType({a.id: a for a in (TALKS, LATER)}),
        issues=MappingProxyType({"ceasefire": make_issue("ceasefire")}),
        actor_ids=frozenset({"northland", "southland", "berg"}),
        people=MappingProxyType({"berg": ("Ana Berg", "Berg")}),
        broken=broken,
        today=datetime.date(2027, 1, 1),  # after every date written here
    )
    position = build_position(data["positions"], issue, "northland", context)
    found = sorted(problems.items)
    return position, [f"{p.location.line}: {p.message}" for p in found]


def test_a_position_links_each_quote_to_its_paragraph() -> None:
    position, problems = check(TWO_QUOTES)
    assert problems == []
    assert position is not None
    assert (position.actor_id, position.issue_id, position.stance) == (
        "northland",
        "ceasefire",
        "supports",
    )
    assert position.as_of == datetime.date(2026, 2, 2)
    assert str(position.location) == f"{PATH}:4:5"
    first, second = position.evidence
    assert (first.article_id, first.paragraph, first.speaker_id) == ("talks", 2, "berg")
    assert [TALKS.paragraphs[1].text[s.start : s.end] for s in first.spans] == [
        "We want a ceasefire"
    ]
    assert (second.paragraph, second.speaker_id, second.location.line) == (1, None, 9)
    assert not position.draft and position.single_source is None


def test_a_lone_quote_is_a_warning_until_the_editor_says_why() -> None:
    lone = "evidence:\n  - {article: talks, quote: met in Geneva}\n"
    position, problems = check(lone)
    assert position is not None and problems == [f"7: {SINGLE_QUOTE}"]
    explained, problems = check(lone + "single_source: The only statement so far.\n")
    assert explained is not None and problems == []
    assert explained.single_source == "The only statement so far."


def test_an_explanation_of_a_lone_quote_beside_two_quotes_is_a_warning_and_not_kept() -> None:
    position, problems = check(TWO_QUOTES + "single_source: Only one.\n")
    assert problems == ["10: 'single_source' on a position with 2 quotes"]
    assert position is not None and position.single_source is None


def test_a_draft_is_marked() -> None:
    position, _ = check(TWO_QUOTES + "draft: true\n")
    assert position is not None and position.draft


def test_every_mistake_of_a_position_is_reported_at_once() -> None:
    fields = """\
    evidence:
      - {article: talk, quote: anything}
      - {article: talks, quote: "We want a truce"}
      - {article: talks, quote: met in Geneva, speaker: bergg}
      - {article: talks, quote: met in Geneva, speaker: southland}
      - {article: later, quote: would wait}
      - {article: talks, quote: " … "}
    """
    position, problems = check(fields, issue="ceasfire")
    assert position is None
    assert problems == [
        "3: unknown issue 'ceasfire'",
        "8: unknown article 'talk'",
        "9: quote not found in article 'talks'",
        "10: unknown speaker 'bergg'",
        "11: speaker 'southland' is not a person",
        "12: as-of date 2026-02-02 is before the date of article 'later' (2026-03-01)",
        "13: quote has no words",
    ]


def test_a_reference_to_a_broken_file_is_not_reported_again() -> None:
    fields = """\
    evidence:
      - {article: gone, quote: x, speaker: lost}
      - {article: talks, quote: met}
    """
    broken = frozenset({("issue", "ceasefire-broken"), ("article", "gone"), ("actor", "lost")})
    position, problems = check(fields, issue="ceasefire-broken", broken=broken)
    assert position is None and problems == []


def test_a_speaker_the_article_never_names_is_a_warning() -> None:
    fields = "evidence:\n  - {article: later, quote: would wait, speaker: berg}\n"
    position, problems = check(fields + "as_of: 2026-03-01\nsingle_source: Only one.\n")
    assert position is not None
    assert problems == ["7: speaker 'berg' is not named in article 'later'"]


def test_history_is_of_earlier_stances_newest_first_one_a_day() -> None:
    history = """\
    history:
      - {as_of: 2026-01-01, stance: opposes}
      - {as_of: 2026-01-10, stance: conditional, note: Softened.}
      - {as_of: 2026-01-10, stance: opposes}
      - {as_of: 2026-02-02, stance: opposes}
    """
    position, problems = check(TWO_QUOTES + textwrap.dedent(history))
    assert problems == [
        "11: history is not newest first",
        "13: two history entries dated 2026-01-10",
        "14: history date 2026-02-02 is not earlier",
    ]
    assert position is not None
    assert [(h.as_of.day, h.stance, h.note) for h in position.history[:2]] == [
        (1, "opposes", None),
        (10, "conditional", "Softened."),
    ]
