"""The check and build commands the workflows run, run as their steps run them: each succeeds."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from builders import TESTS
from click.testing import CliRunner
from workflows import PULL_REQUEST_EVENT, PUSH_TO_MAIN, briefing_commands, load, run_steps

from generator.cli import main

WORKFLOWS = TESTS.parent / ".github" / "workflows"


def test_every_check_and_build_of_the_workflows_succeeds_on_a_new_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "brief"
    assert CliRunner().invoke(main, ["init", str(root), "--title", "Border talks"]).exit_code == 0
    workflows = [*sorted(WORKFLOWS.glob("*.yml")), root / ".github" / "workflows" / "briefing.yml"]
    lines = [
        line
        for path in workflows
        for event in (PULL_REQUEST_EVENT, PUSH_TO_MAIN)
        for line in briefing_commands(run_steps(load(path), event))
        if shlex.split(line)[1] in ("check", "build")
    ]
    # The repository's workflows and a new project's run the same commands: each once.
    ran = list(dict.fromkeys(lines))
    assert set(ran) == {"briefing check --strict", "briefing build", "briefing build --publish"}
    monkeypatch.chdir(root)  # a step runs in the checked-out project
    for line in ran:
        result = CliRunner().invoke(main, shlex.split(line)[1:])
        assert result.exit_code == 0, (line, result.output)
        assert "Traceback" not in result.output
    assert (root / "site" / "index.html").is_file()
