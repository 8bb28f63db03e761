"""Golden error messages: each broken input gives exactly the expected report and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
GOLDEN = HERE / "golden" / "errors"

NORTHLAND = "briefings/actors/northland.yaml"

# Each case: file edits applied to the mini fixture, as {path: (old, new)} replacements or
# {path: text} for a whole new file.
CASES: dict[str, dict[str, tuple[str, str] | str]] = {
    "unknown-issue": {NORTHLAND: ("  ceasefire:", "  ceasfire:")},
    "unknown-article": {NORTHLAND: ("article: talks", "article: talk")},
    "unknown-speaker": {NORTHLAND: ("speaker: berg", "speaker: bergg")},
    "speaker-not-a-person": {NORTHLAND: ("speaker: berg", "speaker: southland")},
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
}


def make_project(tmp_path: Path, edits: dict[str, tuple[str, str] | str]) -> Path:
    """A copy of the mini fixture with the repository's templates, and `edits` applied."""
    root = tmp_path / "project"
    shutil.copytree(MINI, root)
    repo = HERE.parent
    shutil.copytree(repo / "templates", root / "templates")
    shutil.copytree(repo / "pages", root / "pages")
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    for path, edit in edits.items():
        target = root / path
        if isinstance(edit, str):
            target.write_text(edit, encoding="utf-8")
            continue
        old, new = edit
        text = target.read_text(encoding="utf-8")
        assert old in text, f"case edit does not apply: {old!r}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def test_mini_fixture_is_clean(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert result.output == "ok: 3 actors, 1 issues, 2 positions, 1 articles\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_report_matches_golden(case: str, tmp_path: Path, update_goldens: bool) -> None:
    root = make_project(tmp_path, CASES[case])
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (root / "generated").exists(), "a failed build must write nothing"
    assert not (root / "site").exists(), "a failed build must write nothing"
    golden = GOLDEN / f"{case}.txt"
    if update_goldens:
        golden.write_text(result.stderr, encoding="utf-8")
    assert result.stderr == golden.read_text(encoding="utf-8")
