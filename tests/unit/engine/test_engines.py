"""The site engine a project picks in briefings/briefing.yaml, and what a missing one does."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.engine.engines import ENGINES, engine_problem
from generator.engine.incremental import prepare
from generator.load.schema import SCHEMA_DIR

if TYPE_CHECKING:
    from builders import MiniProject

ENGINE_ZENSICAL = ("title:", "engine: zensical\ntitle:")


def run(command: str, root: Path) -> Result:
    return CliRunner().invoke(main, [command, "--root", str(root)])


def without(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `module` look not installed."""
    find_spec = importlib.util.find_spec

    def find(name: str, *args: Any) -> Any:
        return None if name == module else find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find)


def test_the_schema_lists_the_engines_the_build_knows() -> None:
    schema = json.loads((SCHEMA_DIR / "briefing.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["engine"]["enum"] == sorted(ENGINES)


def test_an_engine_other_than_mkdocs_is_its_own_strict_build_of_the_written_configuration() -> None:
    command = ENGINES["zensical"].command(".build.mkdocs.yml")
    assert command[1:] == [
        "-m",
        "zensical",
        "build",
        "--strict",
        "--clean",
        "--config-file",
        ".build.mkdocs.yml",
    ]
    assert "generator.engine.sitebuild" in ENGINES["mkdocs"].command(".build.mkdocs.yml")


def test_the_engine_is_read_and_kept_for_a_build_with_nothing_changed(
    mini_project: MiniProject,
) -> None:
    root = mini_project({"briefings/briefing.yaml": ENGINE_ZENSICAL})
    assert prepare(root).engine == "zensical"
    assert prepare(mini_project()).engine == "mkdocs"


def test_an_unknown_engine_is_located_with_the_names_it_may_be(mini_project: MiniProject) -> None:
    root = mini_project({"briefings/briefing.yaml": ("title:", "engine: hugo\ntitle:")})
    result = run("check", root)
    assert result.exit_code == 1
    assert result.stderr.startswith("briefings/briefing.yaml:1:9: ")
    assert "mkdocs" in result.stderr and "zensical" in result.stderr


def test_a_missing_engine_is_reported_with_how_to_install_it(
    mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    without("zensical", monkeypatch)
    problem = engine_problem("zensical")
    assert problem is not None
    assert str(problem) == (
        "briefings/briefing.yaml: the site engine 'zensical' is not installed\n"
        "  hint: install it in the Python that runs briefing ('pip install zensical'), "
        "or remove 'engine:' to build with MkDocs"
    )
    root = mini_project({"briefings/briefing.yaml": ENGINE_ZENSICAL})
    result = run("build", root)
    assert result.exit_code == 1
    assert result.stderr.startswith(str(problem))
    assert "Traceback" not in result.output
    assert not (root / "generated").exists() and not (root / "site").exists()
