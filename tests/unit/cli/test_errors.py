"""Golden error messages: each broken input gives exactly the expected report and writes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from builders import TESTS
from click.testing import CliRunner

from generator.cli import main
from generator.engine.build import generate
from generator.render import templates

if TYPE_CHECKING:
    from conftest import Edit, Goldens, MiniProject

GOLDEN = TESTS / "golden" / "errors"

NORTHLAND = "briefings/actors/northland.yaml"
HOME = "templates/home.md.j2"
DISMISSED = "briefings/dismissed.yaml"

LONG_ARTICLE = f"""---
title: A long day in Geneva
date: 2026-02-02
---
The talks opened at nine, Ana Berg said. {"The delegations read statements. " * 12}In the end,
borders were not discussed.
"""

# Each case: file edits applied to the mini project (see conftest.Edit).
CASES: dict[str, dict[str, Edit]] = {
    "unknown-issue": {NORTHLAND: ("  ceasefire:", "  ceasfire:")},
    "unknown-article": {NORTHLAND: ("article: talks", "article: talk")},
    "unknown-speaker": {NORTHLAND: ("speaker: berg", "speaker: bergg")},
    "speaker-not-a-person": {NORTHLAND: ("speaker: berg", "speaker: southland")},
    # The speaker's own file is wrong: its error is reported, not one at each of their quotes.
    "speaker-file-broken": {
        "briefings/actors/berg.yaml": ("role: Foreign Minister", "rol: Foreign Minister")
    },
    "speaker-file-unreadable": {"briefings/actors/berg.yaml": ("kind: person", "kind: [person")},
    "bad-stance": {NORTHLAND: ("stance: supports", "stance: support")},
    "bad-date": {NORTHLAND: ("as_of: 2026-02-02", "as_of: 2026-02-30")},
    "date-wrong-form": {NORTHLAND: ("as_of: 2026-02-02", "as_of: 2 February 2026")},
    "unknown-key": {NORTHLAND: ("    summary:", "    sumary:")},
    "missing-key": {
        NORTHLAND: ("    summary: Wants a ceasefire before borders are discussed.\n", "")
    },
    "yaml-syntax": {NORTHLAND: ("kind: state", "kind: [state")},
    "duplicate-key": {NORTHLAND: ("kind: state", "kind: state\nkind: bloc")},
    "quote-not-in-article": {NORTHLAND: ("before any talk", "before all talk")},
    "unknown-speaks-for": {
        "briefings/actors/berg.yaml": ("speaks_for: northland", "speaks_for: nortland")
    },
    "yaml-alias": {
        "briefings/issues/ceasefire.yaml": (
            "aliases: [ceasefire, truce]",
            "aliases: &a [ceasefire]\nmore: *a",
        )
    },
    "bad-actor-file-name": {"briefings/actors/North Land.yaml": "name: North Land\nkind: state\n"},
    "many-errors": {
        NORTHLAND: ("stance: supports", "stance: maybe"),
        "briefings/actors/southland.yaml": ("article: talks", "article: nowhere"),
        "briefings/issues/ceasefire.yaml": ("question:", "questoin:"),
    },
    "duplicate-actor-id": {"briefings/actors/northland.yml": "name: Northland\nkind: bloc\n"},
    "duplicate-issue-id": {"briefings/issues/ceasefire.yml": "title: Truce\nquestion: Now?\n"},
    "as-of-before-article": {NORTHLAND: ("as_of: 2026-02-02", "as_of: 2026-01-31")},
    "history-same-date": {
        NORTHLAND: (
            "    evidence:",
            "    history:\n"
            "      - {as_of: 2025-12-01, stance: conditional}\n"
            "      - {as_of: 2025-12-01, stance: opposes}\n"
            "    evidence:",
        )
    },
    "quote-elision-out-of-order": {
        NORTHLAND: (
            "We want a ceasefire before any talk of borders",
            "any talk of borders … We want",
        )
    },
    "quote-elision-too-far": {
        "seeds/long.md": LONG_ARTICLE,
        NORTHLAND: (
            'article: talks\n        quote: "We want a ceasefire before any talk of borders"',
            'article: long\n        quote: "The talks opened ... borders were not discussed"',
        ),
    },
    "quote-no-words": {NORTHLAND: ("We want a ceasefire before any talk of borders", " ... ")},
    "speaks-for-self": {
        "briefings/actors/berg.yaml": ("speaks_for: northland", "speaks_for: berg")
    },
    "empty-file": {"briefings/issues/ceasefire.yaml": "# nothing yet\n"},
    "not-a-mapping": {NORTHLAND: "- Northland\n- state\n"},
    "aliases-not-a-list": {NORTHLAND: ("aliases: [Northlander]", "aliases: Northlander")},
    "wrong-schema-comment": {
        NORTHLAND: (
            "name: Northland",
            "# yaml-language-server: $schema=../../generator/schemas/issue.schema.json\n"
            "name: Northland",
        )
    },
    "bad-metadata-date": {"seeds/talks.md": ("date: 2026-02-02", "date: 2026-13-02")},
    "wrong-schema-comment-in-front-matter": {
        "seeds/talks.md": (
            "date: 2026-02-02",
            "date: 2026-02-02\n"
            "# yaml-language-server: $schema=../generator/schemas/actor.schema.json",
        )
    },
    "template-syntax": {HOME: ("{{ briefing.description | md }}", "{% if briefing %}")},
    "template-undefined": {HOME: ("{{ briefing.description | md }}", "{{ briefing.summary }}")},
    "template-not-found": {HOME: ('{% import "_macros.md.j2"', '{% import "_macro.md.j2"')},
    "template-bad-filter-value": {
        "templates/actor.md.j2": ("{% import", "{{ actor | badge }}\n{% import")
    },
    "template-bad-latest": {HOME: ("See also:", "{{ briefing.actors | latest }} See also:")},
    "template-unknown-page": {HOME: ('{{ "actors" | page(root) }}', '{{ "actor" | page(root) }}')},
    "template-type-error": {HOME: ("{{ briefing.description | md }}", "{{ briefing.title + 1 }}")},
    "dismissed-bad-shape": {
        DISMISSED: "dismissed:\n  - article: talks\n    qoute: We want a ceasefire\n  - talks\n"
    },
}

# Warnings: `check` passes and prints them; `check --strict` fails on them.
WARNING_CASES: dict[str, dict[str, Edit]] = {
    "seeds-subfolder": {"seeds/archive/old-talks.txt": "Old talks\n\nThey met.\n"},
    "single-source-with-two-quotes": {
        NORTHLAND: ("    evidence:", "    single_source: Only one report.\n    evidence:")
    },
    "single-quote": {
        "briefings/actors/southland.yaml": (
            "      - article: talks\n"
            '        quote: "will not sign a ceasefire without guarantees"\n',
            "",
        )
    },
    "dismissed-unknown-ids": {
        DISMISSED: (
            "dismissed:\n"
            "  - {article: tlaks, quote: We want a ceasefire}\n"
            "  - {article: talks, quote: We want a ceasefire, actor: nortland, issue: truce}\n"
        )
    },
    "speaker-not-named": {
        "briefings/actors/dahl.yaml": (
            "name: Carl Dahl\nkind: person\nspeaks_for: northland\naliases: [Dahl]\n"
        ),
        NORTHLAND: (
            "        speaker: berg\n      - article",
            "        speaker: dahl\n      - article",
        ),
    },
}


def test_mini_fixture_is_clean(mini_project: MiniProject) -> None:
    root = mini_project()
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert result.output == "ok: 3 actors, 1 issues, 2 positions, 1 articles\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_report_matches_golden(
    case: str, mini_project: MiniProject, goldens: Goldens
) -> None:
    root = mini_project(CASES[case])
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    goldens.check_failed_build(result, root, GOLDEN / f"{case}.txt")


@pytest.mark.parametrize("case", sorted(WARNING_CASES))
def test_warnings_pass_unless_strict(
    case: str, mini_project: MiniProject, goldens: Goldens
) -> None:
    root = mini_project(WARNING_CASES[case])
    lenient = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert lenient.exit_code == 0, lenient.output
    strict = CliRunner().invoke(main, ["build", "--strict", "--root", str(root)])
    assert strict.exit_code == 1, strict.output
    assert not (root / "generated").exists() and not (root / "site").exists()
    report = f"$ briefing check\n{lenient.stderr}$ briefing build --strict\n{strict.stderr}"
    goldens.check(GOLDEN / f"warning-{case}.txt", report)


def test_a_bug_of_the_generator_is_not_a_template_error(
    mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_filter(url: object) -> str:
        raise KeyError("a bug")

    monkeypatch.setattr(templates, "escape_url", broken_filter)
    with pytest.raises(KeyError, match="a bug"):
        generate(mini_project())
