"""The `briefing` command as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def test_check_reports_counts_and_writes_nothing(project_copy: Path) -> None:
    root = project_copy
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")
    assert not (root / "generated").exists() and not (root / "site").exists()


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("build", "check", "diff", "serve"):
        assert command in result.stdout


def test_errors_exit_1_without_traceback(project_copy: Path) -> None:
    root = project_copy
    (root / "briefings" / "actors" / "russia.yaml").write_text("name: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("briefings/actors/russia.yaml:2:1: YAML syntax error")


def test_a_mistyped_root_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "nothere"
    result = CliRunner().invoke(main, ["build", "--root", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: Invalid value for '--root': Directory '{missing}' does not exist.\n"
    )
    assert not missing.exists()


def test_a_root_that_is_no_project_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    for command in (["check"], ["build"], ["serve"], ["diff"], ["add", "-"], ["status"]):
        result = CliRunner().invoke(main, [*command, "--root", str(tmp_path / "notes")])
        assert result.exit_code == 2, command
        assert result.stderr.endswith(
            f"Error: Invalid value for '--root': '{tmp_path / 'notes'}' holds neither mkdocs.yml"
            " nor a briefings/ folder: it is not a briefing project (pass the project's folder,"
            " or run the command inside it)\n"
        ), result.stderr
        assert list((tmp_path / "notes").iterdir()) == []
