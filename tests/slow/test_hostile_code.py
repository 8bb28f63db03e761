"""A pull request's code never runs in a real build: a theme override reaching for Python's
internals, and a Markdown extension that is a file of the project. The build fails at the
override's line (or at the missing extension), and generated/ and site/ are as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builders import copy_mini_project, tree_digest
from click.testing import CliRunner, Result

from generator.cli import main


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project, built once; each test works on a copy."""
    root = copy_mini_project(tmp_path_factory.mktemp("published") / "project")
    result = build(root)
    assert result.exit_code == 0, result.output
    return root


def build(root: Path) -> Result:
    return CliRunner().invoke(main, ["build", "--root", str(root)])


@pytest.fixture
def project(published: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(published, root, symlinks=True)
    return root


def test_a_theme_override_runs_no_code(project: Path, tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    before = tree_digest(project / "site"), tree_digest(project / "generated")
    call = f"cycler.__init__.__globals__.os.system('touch {canary}')"
    override = f'{{% extends "base.html" %}}\n{{% block extrahead %}}\n{{{{ {call} }}}}\n'
    (project / "overrides").mkdir()
    (project / "overrides/main.html").write_text(override + "{% endblock %}\n", "utf-8")
    result = build(project)
    assert result.exit_code == 1
    assert "overrides/main.html:3:1: theme template error: access to attribute '__init__'" in (
        result.stderr
    )
    assert "\n  hint: theme templates are sandboxed" in result.stderr
    assert "Traceback" not in result.output and not canary.exists()
    assert (tree_digest(project / "site"), tree_digest(project / "generated")) == before


def test_a_markdown_extension_is_never_a_file_of_the_project(project: Path, tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    (project / "evil.py").write_text(f"open({str(canary)!r}, 'w')\n", "utf-8")
    (project / "mkdocs.yml").write_text("markdown_extensions: [evil]\n", "utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(project)])
    assert result.exit_code == 1 and "mkdocs.yml:1:1: site engine: markdown_extensions" in (
        result.stderr
    )
    assert build(project).exit_code == 1
    assert not canary.exists()
