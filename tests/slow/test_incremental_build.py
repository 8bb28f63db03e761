"""A build that reuses the previous one (page cache, full-text parts, staged docs) gives, byte
for byte, the site/ and generated/ of a build from scratch of the same inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

NEW_ARTICLE = Path(__file__).parents[1] / "fixtures" / "new-article"
INPUTS = ("mkdocs.yml", "seeds", "briefings", "schemas")


def build(root: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output


def tree(root: Path, folder: str) -> dict[str, bytes]:
    top = root / folder
    return {p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*") if p.is_file()}


def fresh_copy(source: Path, target: Path) -> Path:
    target.mkdir()
    for name in INPUTS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        elif (source / name).exists():
            shutil.copy(source / name, target / name)
    return target


def test_an_incremental_build_is_a_build_from_scratch(project_copy: Path, tmp_path: Path) -> None:
    build(project_copy)
    russia = project_copy / "briefings" / "actors" / "russia.yaml"
    russia.write_text(
        russia.read_text(encoding="utf-8").replace("summary: ", "summary: Edited. ", 1),
        encoding="utf-8",
    )
    for path in NEW_ARTICLE.iterdir():
        shutil.copy(path, project_copy / "seeds" / path.name)
    build(project_copy)  # reuses the first build's pages, parts and cache
    scratch = fresh_copy(project_copy, tmp_path / "scratch")
    build(scratch)
    for folder in ("site", "generated"):
        assert tree(project_copy, folder) == tree(scratch, folder), folder
