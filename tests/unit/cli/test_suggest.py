"""`briefing suggest` as a user runs it: text, YAML to paste, JSON, and dismissing."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.engine.build import load_model
from generator.model.quotes import Found, find_quote
from generator.model.suggest import BUDGET
from generator.problems import Problems

if TYPE_CHECKING:
    from conftest import MiniProject

KEYS = ["id", "article", "actor", "issue", "speaker", "quote", "paragraph", "score", "cues"]


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["suggest", "--root", str(root), *args])


def test_text_groups_the_suggestions_by_actor_and_issue(mini_project: MiniProject) -> None:
    result = run(mini_project(), "talks")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "talks  2026-02-02  Talks resume in Geneva"
    assert lines[1] == "  Ana Berg on Ceasefire"
    assert lines[2].startswith("    [") and "speaker: Ana Berg" in lines[2]
    assert lines[3].startswith('      “"We want a ceasefire before any talk of borders,"')


def test_json_lists_objects_with_every_key(project_copy: Path) -> None:
    article = "09-president-gov-ua-address-us-delegation-plan-points-2025-11"
    result = run(project_copy, article, "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records and all(list(r) == KEYS for r in records)
    assert {r["article"] for r in records} == {article}
    assert [r["score"] for r in records] == sorted((r["score"] for r in records), reverse=True)


def test_yaml_is_evidence_to_paste_and_every_quote_verifies(project_copy: Path) -> None:
    result = run(project_copy, "--format", "yaml", "--limit", "0")
    assert result.exit_code == 0, result.output
    entries = yaml.safe_load(result.stdout)
    briefing = load_model(project_copy, Problems())[1]
    assert entries
    for entry in entries:
        assert set(entry) <= {"article", "quote", "speaker"}
        paragraphs = [p.text for p in briefing.article_by_id[entry["article"]].paragraphs]
        assert isinstance(find_quote(entry["quote"], paragraphs), Found)
    assert "# putin on security-guarantees: paste under 'positions: security-guarantees:" in (
        result.stdout
    )


def test_without_articles_the_uncited_are_suggested_newest_first(project_copy: Path) -> None:
    result = run(project_copy, "--format", "json")
    assert {r["article"] for r in json.loads(result.stdout)} == {
        "07-kremlin-en-transcript-78571-putin-answers-bishkek-2025-11-27"
    }


def test_an_article_is_named_by_its_id_or_its_file(mini_project: MiniProject) -> None:
    root = mini_project()
    assert run(root, "seeds/talks.md").stdout == run(root, "talks").stdout
    unknown = run(root, "tlaks")
    assert unknown.exit_code == 1
    assert unknown.stderr == (
        "<arguments>:1:1: unknown article 'tlaks'\n"
        "  hint: did you mean 'talks'?\n"
        "1 error in 1 file\n"
    )


def test_dismissed_suggestions_are_written_and_not_made_again(mini_project: MiniProject) -> None:
    root = mini_project()
    first = json.loads(run(root, "talks", "--format", "json").stdout)
    dismissed = run(root, "talks", "--dismiss", first[0]["id"])
    assert dismissed.exit_code == 0, dismissed.output
    assert dismissed.stdout == "dismissed 1 suggestion in briefings/dismissed.yaml\n"
    again = json.loads(run(root, "talks", "--format", "json").stdout)
    assert [r["id"] for r in again] == [r["id"] for r in first[1:]]
    data = yaml.safe_load((root / "briefings" / "dismissed.yaml").read_text(encoding="utf-8"))
    assert data == {"dismissed": [{k: first[0][k] for k in ("article", "actor", "issue", "quote")}]}
    assert CliRunner().invoke(main, ["check", "--root", str(root)]).exit_code == 0
    assert len(again) == 1
    rest = run(root, "talks", "--dismiss-all")
    assert rest.stdout == "dismissed 1 suggestion in briefings/dismissed.yaml\n"
    assert run(root, "talks", "--format", "json").stdout == "[]\n"


def test_an_unknown_id_dismisses_nothing(mini_project: MiniProject) -> None:
    root = mini_project()
    result = run(root, "talks", "--dismiss", "00000000")
    assert result.exit_code == 1
    assert result.stderr.startswith("<arguments>:1:1: no suggestion '00000000' among those listed")
    assert not (root / "briefings" / "dismissed.yaml").exists()


def test_dismissing_never_writes_through_a_link_out_of_the_project(
    mini_project: MiniProject, tmp_path: Path
) -> None:
    root = mini_project()
    outside = tmp_path / "outside.yaml"
    outside.write_text("dismissed: []\n", encoding="utf-8")
    (root / "briefings" / "dismissed.yaml").symlink_to(outside)
    result = run(root, "talks", "--dismiss-all")
    assert result.exit_code == 1
    assert "briefings/dismissed.yaml" in result.stderr and "link" in result.stderr
    assert outside.read_text(encoding="utf-8") == "dismissed: []\n"


def test_status_counts_the_suggestions_not_yet_used(project_copy: Path) -> None:
    result = CliRunner().invoke(main, ["status", "--root", str(project_copy)])
    assert result.exit_code == 0, result.output
    assert "Suggested evidence not yet used, in the 50 newest articles: " in result.stdout


def test_per_article_bounds_the_suggestions_of_each_article(project_copy: Path) -> None:
    def records(*args: str) -> list[dict[str, object]]:
        result = run(project_copy, "--format", "json", "--limit", "0", *args)
        assert result.exit_code == 0, result.output
        loaded: list[dict[str, object]] = json.loads(result.stdout)
        return loaded

    default, three = records(), records("--per-article", "3")
    assert max(Counter(r["article"] for r in default).values()) <= BUDGET
    assert max(Counter(r["article"] for r in three).values()) <= 3 < len(default)
    assert run(project_copy, "--per-article", "0").exit_code == 2  # a usage error, no traceback
