"""The CI workflows and the commit hooks: valid against their schemas, and doing their job.

Each workflow is read as GitHub runs it for an event (tests/workflows.py), and the commands its
steps run are checked: they are the `briefing` commands and `make` targets the README and the
Makefile name, the CLI accepts them, and the check they run passes on a project. The builds
they run are left to the slow tier (tests/slow/test_workflows.py).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from builders import TESTS, MiniProject
from check_jsonschema.cli.main_command import main as check_jsonschema
from click.testing import CliRunner
from pre_commit.clientlib import load_config, load_manifest
from workflows import (
    PULL_REQUEST_EVENT,
    PUSH_TO_MAIN,
    Event,
    Step,
    actions,
    briefing_commands,
    commands,
    evaluate,
    expand,
    jobs_of,
    load,
    run_steps,
    skeleton_workflow,
)

from generator.cli import main

REPO = TESTS.parent
WORKFLOWS = REPO / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"


@pytest.fixture(scope="module")
def skeleton(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by `briefing init`: its workflow as a user gets it, version filled in."""
    root = tmp_path_factory.mktemp("init") / "brief"
    result = CliRunner().invoke(main, ["init", str(root), "--title", "Border talks"])
    assert result.exit_code == 0, result.output
    return root


def test_expressions_are_worked_out_as_github_does() -> None:
    main_branch, fork = PUSH_TO_MAIN.context(), Event("pull_request", fork=True).context()
    publish = "github.ref == 'refs/heads/main' && '--publish' || ''"
    assert (evaluate(publish, main_branch), evaluate(publish, fork)) == ("--publish", "")
    same_repository = "github.event.pull_request.head.repo.full_name == github.repository"
    assert evaluate(same_repository, main_branch) and not evaluate(same_repository, fork)
    assert evaluate("!(github.base_ref != 'main')", fork) is True
    assert expand("a ${{ github.ref }} b", main_branch) == "a refs/heads/main b"


# --- valid for GitHub and for pre-commit -----------------------------------------------------


def test_every_workflow_is_valid_for_github(skeleton: Path) -> None:
    paths = [*sorted(WORKFLOWS.glob("*.yml")), skeleton_workflow(skeleton)]
    # check-jsonschema carries GitHub's workflow schema: no network needed.
    arguments = ["--builtin-schema", "vendor.github-workflows", *map(str, paths)]
    result = CliRunner().invoke(check_jsonschema, arguments)
    assert result.exit_code == 0, result.output


def test_the_hooks_and_the_hook_manifest_are_valid_for_pre_commit(skeleton: Path) -> None:
    load_config(str(REPO / ".pre-commit-config.yaml"))
    load_config(str(skeleton / ".pre-commit-config.yaml"))
    load_manifest(str(REPO / ".pre-commit-hooks.yaml"))


# --- the commands are the CLI's and the Makefile's -------------------------------------------


def parse(line: str) -> click.Context:
    """The `briefing` command line parsed by the CLI, as it would run it (UsageError if not)."""
    words = shlex.split(line)[1:]
    with main.make_context("briefing", list(words), resilient_parsing=False) as context:
        command = main.get_command(context, words[0])
        assert command is not None, f"'briefing {words[0]}' is no command"
        return command.make_context(words[0], words[1:], parent=context)


def every_run(skeleton: Path) -> Iterator[list[Step]]:
    """The steps of each workflow for each event that triggers it."""
    events = [PULL_REQUEST_EVENT, PUSH_TO_MAIN, Event("workflow_dispatch", "feature")]
    for path in (PULL_REQUEST, PUBLISH, skeleton_workflow(skeleton)):
        for event in events:
            yield run_steps(load(path), event)


def test_each_briefing_command_of_a_workflow_is_one_the_cli_and_readme_know(
    skeleton: Path,
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`briefing (\w+)", readme))
    lines = {line for steps in every_run(skeleton) for line in briefing_commands(steps)}
    assert {shlex.split(line)[1] for line in lines} == {"check", "build", "diff"}
    for line in lines:
        parse(line)
        assert shlex.split(line)[1] in named, f"the README names no '{line}'"


def makefile_recipes() -> dict[str, list[str]]:
    """Each target of the Makefile and its recipe lines, `$(BIN)/` dropped."""
    recipes: dict[str, list[str]] = {}
    target = None
    for line in (REPO / "Makefile").read_text(encoding="utf-8").splitlines():
        if found := re.match(r"^([\w-]+):", line):
            target = found[1]
            recipes[target] = []
        elif line.startswith("\t") and target is not None:
            recipes[target].append(line.strip().replace("$(BIN)/", ""))
    return recipes


def test_the_tests_job_runs_the_make_targets_the_readme_names() -> None:
    steps = run_steps(load(PULL_REQUEST), PULL_REQUEST_EVENT)
    assert [s.run for s in steps if s.job == "tests" and s.run] == ["bash .ci/run"]
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    targets = re.findall(r"^make ([\w-]+)$", script, re.MULTILINE)
    assert {"check-strict", "test", "lint"} <= set(targets)
    assert set(targets) <= set(makefile_recipes())
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert all(f"`make {target}`" in readme for target in targets)


def test_ci_checks_the_briefing_as_make_check_strict_does() -> None:
    steps = run_steps(load(PULL_REQUEST), PULL_REQUEST_EVENT)
    review = [line for line in briefing_commands(steps) if "check" in line]
    assert review == makefile_recipes()["check-strict"] == ["briefing check --strict"]


def test_the_check_a_workflow_runs_passes_on_a_project(
    mini_project: MiniProject, skeleton: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for root, path in ((mini_project(), PUBLISH), (skeleton, skeleton_workflow(skeleton))):
        monkeypatch.chdir(root)  # a step runs in the checked-out project
        for line in briefing_commands(run_steps(load(path), PUSH_TO_MAIN)):
            if shlex.split(line)[1] == "check":
                result = CliRunner().invoke(main, shlex.split(line)[1:])
                assert result.exit_code == 0, (path.name, result.output)


# --- what each workflow does for each event --------------------------------------------------


def test_a_pull_request_is_checked_built_with_its_drafts_and_compared() -> None:
    steps = run_steps(load(PULL_REQUEST), PULL_REQUEST_EVENT)
    review = [s for s in steps if s.job == "review"]
    assert briefing_commands(review)[:2] == ["briefing check --strict", "briefing build"]
    assert parse('briefing diff "origin/$BASE_REF" HEAD').params["base"] == "origin/$BASE_REF"
    assert any(
        line.startswith('briefing diff "origin/$BASE_REF" HEAD') for line in commands(review)
    )
    assert {"actions/github-script", "actions/upload-artifact"} <= set(actions(review))
    checkout = next(s for s in review if s.step.get("uses", "").startswith("actions/checkout"))
    assert checkout.step["with"]["fetch-depth"] == 0, "the diff reads the base branch's commits"
    diff_step = next(s for s in review if "briefing diff" in s.run)
    assert diff_step.step["env"]["BASE_REF"] == "${{ github.base_ref }}"


def test_a_pull_request_from_a_fork_gets_no_comment_but_the_summary() -> None:
    workflow = load(PULL_REQUEST)
    own = actions(run_steps(workflow, PULL_REQUEST_EVENT))
    fork = actions(run_steps(workflow, Event("pull_request", "feature", fork=True)))
    assert "actions/github-script" in own and "actions/github-script" not in fork
    assert set(own) - set(fork) == {"actions/github-script"}


def test_the_main_branch_is_published_without_drafts_and_nothing_else_is() -> None:
    workflow = load(PUBLISH)
    steps = run_steps(workflow, PUSH_TO_MAIN)
    assert briefing_commands(steps) == ["briefing check --strict", "briefing build --publish"]
    assert parse("briefing build --publish").params["no_drafts"] is True
    assert actions(steps)[-2:] == ["actions/upload-pages-artifact", "actions/deploy-pages"]
    assert run_steps(workflow, Event("push", "feature")) == []
    assert run_steps(workflow, PULL_REQUEST_EVENT) == []


def permissions(workflow: dict[str, Any], job: str) -> dict[str, str]:
    """A job's permissions: its own, else the workflow's."""
    return workflow["jobs"][job].get("permissions", workflow.get("permissions", {}))


@pytest.mark.parametrize("path", [PUBLISH, "skeleton"], ids=["publish", "skeleton"])
def test_the_deploying_job_may_deploy_and_no_job_may_push(path: Path | str, skeleton: Path) -> None:
    workflow = load(skeleton_workflow(skeleton) if path == "skeleton" else Path(path))
    steps = run_steps(workflow, PUSH_TO_MAIN)
    [deploying] = {s.job for s in steps if s.step.get("uses", "").startswith("actions/deploy-")}
    granted = permissions(workflow, deploying)
    assert (granted.get("pages"), granted.get("id-token")) == ("write", "write")
    assert all(permissions(workflow, job).get("contents") != "write" for job in workflow["jobs"])


def test_a_new_projects_workflow_checks_builds_and_deploys_only_from_main(skeleton: Path) -> None:
    workflow = load(skeleton_workflow(skeleton))
    pull_request = run_steps(workflow, PULL_REQUEST_EVENT)
    assert briefing_commands(pull_request) == ["briefing check --strict", "briefing build"]
    assert jobs_of(pull_request) == ["build"] and "actions/upload-pages-artifact" not in actions(
        pull_request
    )
    main_branch = run_steps(workflow, PUSH_TO_MAIN)
    assert briefing_commands(main_branch) == ["briefing check --strict", "briefing build --publish"]
    assert jobs_of(main_branch) == ["build", "deploy"]
    assert "actions/deploy-pages" in actions(main_branch)
    by_hand = run_steps(workflow, Event("workflow_dispatch", "feature"))
    assert jobs_of(by_hand) == ["build"] and "--publish" not in " ".join(commands(by_hand))
    assert run_steps(workflow, Event("push", "feature")) == []


def test_a_new_projects_workflow_installs_the_tool_it_was_made_with(skeleton: Path) -> None:
    from importlib import metadata

    steps = run_steps(load(skeleton_workflow(skeleton)), PUSH_TO_MAIN)
    assert f'pip install "briefing-site=={metadata.version("briefing-site")}"' in commands(steps)


# --- the diff step, run as GitHub runs it ----------------------------------------------------

DIFF_SCRIPT_STEP = "Semantic diff"


def run_diff_step(tmp_path: Path, fake: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the workflow's diff step as GitHub runs it (bash -eo pipefail), with `fake` as the
    body of the `briefing` command; the result and the job summary written."""
    steps = run_steps(load(PULL_REQUEST), PULL_REQUEST_EVENT)
    step = next(s for s in steps if s.step.get("name") == DIFF_SCRIPT_STEP)
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
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.run],
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


# --- the commit hooks ------------------------------------------------------------------------


def hooks(path: Path) -> dict[str, dict[str, Any]]:
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


INPUTS = ["seeds/a.txt", "briefings/actors/x.yaml", "templates/home.md.j2", "mkdocs.yml"]
NOT_INPUTS = ["generator/cli/site.py", "README.md", "site/index.html", "docs/mkdocs.yml"]


@pytest.mark.parametrize("where", ["repository", "skeleton", "manifest"])
def test_the_briefing_hook_checks_the_project_when_an_input_changes(
    where: str, skeleton: Path
) -> None:
    path = {
        "repository": REPO / ".pre-commit-config.yaml",
        "skeleton": skeleton / ".pre-commit-config.yaml",
    }.get(where)
    hook = (
        hooks(path)["briefing-check"]
        if path
        else yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    )
    parse(hook["entry"])
    assert hook["entry"] == "briefing check" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in INPUTS)
    assert not any(files.search(name) for name in NOT_INPUTS)


def test_the_fast_tests_hook_runs_what_make_test_fast_runs() -> None:
    hook = hooks(REPO / ".pre-commit-config.yaml")["tests-fast"]
    [recipe] = makefile_recipes()["test-fast"]
    words = shlex.split(hook["entry"])
    assert Path(words[0]).name == "pytest" and Path(shlex.split(recipe)[0]).name == "pytest"
    assert set(words[1:]) - {"-q"} == set(shlex.split(recipe)[1:]) - {"-q"}
    assert {"ruff-check", "ruff-format"} <= set(hooks(REPO / ".pre-commit-config.yaml"))
