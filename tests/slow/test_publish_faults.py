"""Real faults under real builds: a read-only site/, a read-only folder in generated/, a disk
that fills while the stage is written and while MkDocs builds. Each build fails with one
located line and a hint, and leaves generated/ and site/ byte for byte and mtime for mtime as
they were, with no temporary file behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builders import copy_project
from click.testing import CliRunner, Result
from faults import build_on_full_disk, file_size_limit, read_only

from generator.cli import main
from generator.engine.workspace import BUILD_CONFIG, STAGE_DIR

RUSSIA = "briefings/actors/russia.yaml"
UNCHANGED = "generated/ and site/ are unchanged\n"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project, built once; each test works on a copy."""
    root = copy_project(tmp_path_factory.mktemp("published") / "project")
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(published: Path, tmp_path: Path) -> Path:
    """A copy of the built project whose next build changes pages."""
    root = tmp_path / "project"
    shutil.copytree(published, root, symlinks=True)
    path = root / RUSSIA
    path.write_text(path.read_text("utf-8").replace("Regards Western", "Sees Western"), "utf-8")
    return root


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for folder in ("generated", "site")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def build(root: Path, *options: str) -> Result:
    return CliRunner().invoke(main, ["build", "--root", str(root), *options])


def assert_unchanged(root: Path, before: dict[str, tuple[bytes, int]], result: Result) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert snapshot(root) == before
    assert not (root / STAGE_DIR).exists() and not (root / BUILD_CONFIG).exists()
    assert not [path for path in root.rglob("*.tmp")]


def test_a_read_only_site_leaves_both_outputs_as_they_were(project: Path) -> None:
    before = snapshot(project)
    with read_only(project / "site"):
        result = build(project)
    assert_unchanged(project, before, result)
    first, hint, outcome = result.stderr.splitlines()
    assert first.startswith("site: cannot move the old site aside: ")
    assert hint.startswith("  hint: check the permissions")
    assert f"{outcome}\n" == UNCHANGED


def test_a_read_only_folder_in_generated_leaves_both_as_they_were(project: Path) -> None:
    before = snapshot(project)
    with read_only(project / "generated" / "actors"):
        result = build(project)
    assert_unchanged(project, before, result)
    assert result.stderr.startswith("generated/actors/russia.md: cannot ")
    assert result.stderr.endswith(UNCHANGED)


def test_a_disk_full_while_staging_leaves_both_as_they_were(project: Path) -> None:
    before = snapshot(project)
    with file_size_limit(4096):
        result = build(project)
    assert_unchanged(project, before, result)
    first = result.stderr.splitlines()[0]
    assert first.startswith(".build/stage/generated/") and first.endswith(
        ": cannot write the stage: File too large"
    )
    assert result.stderr.endswith(UNCHANGED)


def test_a_disk_full_during_mkdocs_is_located_unless_verbose(project: Path) -> None:
    """Every page fits, but not the theme's scripts that MkDocs copies into the site."""
    largest = max(path.stat().st_size for path in (project / "generated").rglob("*.*"))
    before = snapshot(project)
    with file_size_limit(largest + 4096):
        result = build(project)
        verbose = build(project, "--verbose")
    assert_unchanged(project, before, result)
    first, hint, outcome = result.stderr.splitlines()
    assert first.startswith(".build/stage/site/") and first.endswith(
        ": cannot build the site: File too large"
    )
    assert (
        hint == "  hint: the file is larger than this system allows: free space or raise the limit"
    )
    assert f"{outcome}\n" == UNCHANGED
    assert_unchanged(project, before, verbose)
    assert "Traceback (most recent call last):" in verbose.stderr


@pytest.mark.parametrize("free_kb", [20, 200, 1000, 3000])
def test_a_full_disk_is_located_with_its_hint_however_little_is_left(
    project: Path, tmp_path: Path, free_kb: int
) -> None:
    """A real full disk: a small tmpfs, mounted in a mount namespace of the build's own."""
    result = build_on_full_disk(project, tmp_path / "disk", free_kb)
    assert result.returncode == 1, result.stdout
    lines = result.stdout.splitlines()
    assert "Traceback" not in result.stdout and len(lines) == 3, result.stdout
    assert lines[0].endswith(": No space left on device") and not lines[0].startswith("/")
    assert lines[1] == "  hint: the disk is full: free some space, then run the command again"
    assert f"{lines[2]}\n" == UNCHANGED
