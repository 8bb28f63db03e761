"""briefings/sources.yaml: outlets named by host or by a line their pages carry, their chrome
rules applied, and a bad rule reported at its line; the check's warnings about the cleaning."""

from __future__ import annotations

from pathlib import Path

from builders import MiniProject

from generator.load.inputs import load_inputs
from generator.model import Briefing, build_model
from generator.problems import Problems

SOURCES = """\
# yaml-language-server: $schema=../schemas/sources.schema.json
outlets:
  wire:
    name: Example Wire
    hosts: [wire.example.org]
    licence: CC BY 4.0
    marks: [Example Wire Service]
    chrome:
      - Wire desk
    patterns:
      - '^Follow Example Wire on '
    ends:
      - More from the wire
"""
PAGE = """\
Wire desk
Envoys meet again in Geneva on Tuesday
Follow Example Wire on every network you like

The envoys of Northland and Southland met again on Tuesday, their third meeting this month.

They agreed to meet once more before the end of the month.

More from the wire

Other news of the day, which is not this article at all.
"""


def model(root: Path) -> tuple[Briefing, Problems]:
    problems = Problems()
    return build_model(load_inputs(root, problems), problems), problems


def wire_project(mini_project: MiniProject, sources: str = SOURCES) -> Path:
    return mini_project(
        {
            "briefings/sources.yaml": sources,
            "seeds/envoys.txt": PAGE,
            "seeds/envoys.meta.yaml": "date: 2026-02-03\nurl: https://www.wire.example.org/a/1\n",
        }
    )


def test_the_outlet_is_picked_by_host_and_its_chrome_removed(mini_project: MiniProject) -> None:
    briefing, problems = model(wire_project(mini_project))
    assert problems.errors == ()
    article = briefing.article_by_id["envoys"]
    assert (article.outlet, article.licence) == ("Example Wire", "CC BY 4.0")
    assert article.title == "Envoys meet again in Geneva on Tuesday"
    assert [p.text for p in article.paragraphs] == [
        "The envoys of Northland and Southland met again on Tuesday, their third meeting this"
        " month.",
        "They agreed to meet once more before the end of the month.",
    ]
    removed = {r.text: r for r in article.removed}
    assert removed["Wire desk"].rule is not None and removed["Wire desk"].rule.line == 9
    assert removed["Follow Example Wire on every network you like"].rule is not None
    assert "Other news of the day, which is not this article at all." in removed


def test_a_line_the_pages_carry_names_the_outlet(mini_project: MiniProject) -> None:
    root = mini_project(
        {
            "briefings/sources.yaml": SOURCES,
            "seeds/notice.txt": "Example Wire Service\n\nThe talks will resume on Friday.\n",
        }
    )
    briefing, _ = model(root)
    article = briefing.article_by_id["notice"]
    assert article.outlet == "Example Wire"
    assert [p.text for p in article.paragraphs] == ["The talks will resume on Friday."]


def test_bad_rules_are_errors_at_their_line(mini_project: MiniProject) -> None:
    sources = SOURCES.replace("'^Follow Example Wire on '", "'(unclosed'\n      - '.*'")
    _, problems = model(wire_project(mini_project, sources))
    found = [(p.location.line, p.message) for p in problems.errors]
    assert (11, "invalid pattern: missing ): (unclosed") in found
    assert (12, "this pattern matches every line") in found


def test_a_rule_that_removes_every_paragraph_is_an_error(mini_project: MiniProject) -> None:
    sources = SOURCES.replace("'^Follow Example Wire on '", "'^(The|They|Other) '")
    _, problems = model(wire_project(mini_project, sources))
    [error] = problems.errors
    assert (error.location.path, error.location.line) == ("briefings/sources.yaml", 11)
    assert error.message == "this rule removes every paragraph of seeds/envoys.txt"


def test_an_unknown_key_is_a_shape_error(mini_project: MiniProject) -> None:
    sources = SOURCES.replace("    licence: CC BY 4.0\n", "    licence: CC BY 4.0\n    hue: red\n")
    _, problems = model(wire_project(mini_project, sources))
    assert [(p.location.line, p.message) for p in problems.errors] == [(7, "unknown key 'hue'")]


def test_unsure_cleaning_is_warned_about(mini_project: MiniProject) -> None:
    repeated = "Example Wire is an independent news service based in Geneva since 1990."
    edits = {
        f"seeds/wire-{n}.txt": f"Talks round {n} ends in Geneva\n\nRound {n} ended.\n\n{repeated}\n"
        for n in range(3)
    }
    edits |= {
        f"seeds/wire-{n}.meta.yaml": f"outlet: Example Wire\ndate: 2026-02-0{n + 1}\n"
        for n in range(3)
    }
    edits["seeds/undated.txt"] = "Related articles\n\nThe talks resume on Friday.\n"
    edits["seeds/shared.md"] = (
        "---\ndate: 2026-02-04\n---\n# Share this story\n\nThe talks resume.\n"
    )
    edits["seeds/untitled.md"] = "---\ndate: 2026-02-05\n---\nThe talks resume.\n"
    _, problems = model(mini_project(edits))
    warnings = [(p.location.path, p.location.line, p.message) for p in problems.warnings]
    assert ("seeds/undated.txt", 1, "no date found in the article or its metadata") in warnings
    untitled = "no title found in the article or its metadata: its file name 'untitled' stands in"
    assert ("seeds/untitled.md", 1, untitled) in warnings
    assert (
        "seeds/wire-0.txt",
        5,
        "'Example Wire is an independent news service based in Geneva…' is in 3 of the 4"
        " articles of Example Wire",
    ) in warnings
    title = "the title 'Share this story' looks like page furniture"
    assert ("seeds/shared.md", 1, title) in warnings
