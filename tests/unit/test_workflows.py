"""The CI workflows and the pre-commit hooks: valid against their schemas, and doing their job."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import TESTS

REPO = TESTS.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict[str, Any], job: str | None = None) -> list[dict[str, Any]]:
    """The steps of one job of the workflow, or of all its jobs."""
    jobs = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    return [step for each in jobs for step in each.get("steps", [])]


def commands(workflow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_for_github(path: Path) -> None:
    # check-jsonschema carries the GitHub workflow schema: no network needed.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_there_are_two_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_pull_request_checks_builds_and_diffs() -> None:
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    assert "pull_request" in workflow["on"]
    run = commands(workflow)
    assert "briefing check" in run
    assert "briefing build" in run and "--publish" not in run
    assert 'briefing diff "origin/$BASE_REF" HEAD' in run
    assert '>> "$GITHUB_STEP_SUMMARY"' in run
    assert "actions/github-script" in uses(workflow)
    assert "actions/upload-artifact" in uses(workflow)
    review = steps(workflow, "review")
    comment = next(s for s in review if s.get("uses", "").startswith("actions/github"))
    assert comment["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
    checkout = next(s for s in review if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0


def test_pull_request_runs_the_tests_and_linters() -> None:
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    assert [s["run"] for s in steps(workflow, "tests") if "run" in s] == ["bash .ci/run"]
    assert workflow["jobs"]["tests"]["timeout-minutes"] >= 60


DIFF_SCRIPT_STEP = "Semantic diff"


def run_diff_step(tmp_path: Path, fake: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the workflow's diff step as GitHub runs it (bash -eo pipefail), with `fake` as the
    body of the `briefing` command; the result and the job summary written."""
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    step = next(s for s in steps(workflow, "review") if s.get("name") == DIFF_SCRIPT_STEP)
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "briefing").write_text(f"#!/bin/bash\n{fake}\n", encoding="utf-8")
    (bin_folder / "briefing").chmod(0o755)
    summary = tmp_path / "summary.md"
    environment = {
        "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}",
        "BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
    )
    return done, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_diff_step_puts_the_diff_in_the_summary(tmp_path: Path) -> None:
    done, summary = run_diff_step(tmp_path, 'echo "## Briefing changes"')
    assert done.returncode == 0, done.stderr
    assert summary == "## Briefing changes\n"
    assert (tmp_path / "briefing-diff.md").read_text(encoding="utf-8") == summary


def test_diff_step_reports_a_broken_base_without_failing(tmp_path: Path) -> None:
    problems = "base, main (1a2b3c4): the briefing has errors\nx.yaml:1:1: ```@nobody``` ````\n"
    done, summary = run_diff_step(tmp_path, f"printf '%s' '{problems}' >&2; exit 2")
    assert done.returncode == 0, done.stderr
    assert f"\n`````\n{problems}`````\n" in summary, summary
    comment = (tmp_path / "briefing-diff.md").read_text(encoding="utf-8")
    assert "see the job summary" in comment and "@" not in comment


def test_diff_step_fails_on_any_other_failure(tmp_path: Path) -> None:
    done, _ = run_diff_step(tmp_path, "echo 'Traceback: a bug' >&2; exit 1")
    assert done.returncode == 1
    assert "Traceback: a bug" in done.stderr


def test_main_branch_publishes_to_pages_without_drafts() -> None:
    workflow = load(REPO / ".github" / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "briefing build --publish" in commands(workflow)
    assert "actions/upload-pages-artifact" in uses(workflow)
    assert "actions/deploy-pages" in uses(workflow)
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_pre_commit_config_is_valid() -> None:
    path = REPO / ".pre-commit-config.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    hooks = {hook["id"]: (repo["repo"], hook) for repo in config["repos"] for hook in repo["hooks"]}
    repo, check = hooks["briefing-check"]
    assert repo == "local" and check["entry"] == "briefing check"
    assert check["pass_filenames"] is False
    assert {"ruff-check", "ruff-format"} <= set(hooks)
