"""A repository may hold what the build writes (generated/, site/, .build/, its engine
configurations), even as links to places outside the project: the build writes through none
of them. Each is refused before anything is written, named, with a hint."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from builders import tree_digest
from click.testing import CliRunner

from generator.cli import main

if TYPE_CHECKING:
    from builders import MiniProject

OUTSIDE_FILE = "a file outside the project\n"


def outside(tmp_path: Path) -> Path:
    """A folder beside the project with a file in it, which no build may change."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "keep.txt").write_text(OUTSIDE_FILE, encoding="utf-8")
    (folder / "index.md").write_text("# not the build's\n", encoding="utf-8")
    return folder


LINKS = {
    # path in the project: where its link leads ('' the outside folder, else a file of it)
    "generated": "",
    "site": "",
    ".build": "",
    ".build/lock": "keep.txt",
    ".build/lock.holder": "keep.txt",
    ".build/generated.json": "keep.txt",
    ".build/stage": "",
    ".build/theme/main.html": "keep.txt",
    ".build.mkdocs.yml": "keep.txt",
    ".preview.mkdocs.yml": "keep.txt",
    "generated/actors": "",
    "generated/index.md": "index.md",
    "generated/.index.md.tmp": "keep.txt",
}


@pytest.mark.parametrize("path", sorted(LINKS))
def test_a_link_among_the_outputs_is_refused_and_nothing_is_written(
    path: str, mini_project: MiniProject, tmp_path: Path
) -> None:
    folder = outside(tmp_path)
    root = mini_project()
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).symlink_to(folder / LINKS[path])
    before = tree_digest(folder)
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{path}: a link (to '{folder / LINKS[path]}')" in result.stderr
    assert "  hint: delete it" in result.stderr
    assert tree_digest(folder) == before
    assert sorted(os.listdir(folder)) == ["index.md", "keep.txt"]
    assert not (root / "site").exists() or (root / "site").is_symlink()


def test_every_refused_path_is_named_at_once(mini_project: MiniProject, tmp_path: Path) -> None:
    folder = outside(tmp_path)
    root = mini_project()
    (root / "generated").symlink_to(folder)
    (root / ".build.mkdocs.yml").symlink_to(folder / "keep.txt")
    (root / "site").write_text("not a folder\n", encoding="utf-8")
    (root / ".build").mkdir()
    os.mkfifo(root / ".build" / "fifo")
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("  hint:")]
    assert lines == [
        f".build.mkdocs.yml: a link (to '{folder / 'keep.txt'}'): the build never writes "
        "through a link",
        ".build/fifo: a pipe, which the build never makes",
        f"generated: a link (to '{folder}'): the build never writes through a link",
        "site: a file, not a folder as the build makes",
        "4 errors in 4 files",
    ]


def test_the_last_site_and_the_inputs_are_named_in_the_same_run(
    mini_project: MiniProject, tmp_path: Path
) -> None:
    folder = outside(tmp_path)
    root = mini_project()
    (root / "generated").mkdir()
    (root / "generated" / "actors").symlink_to(folder)
    (root / "site" / "pagefind").mkdir(parents=True)
    (root / "site" / "assets").symlink_to(folder)
    os.mkfifo(root / "site" / "pagefind" / "parts.json")
    (root / "seeds" / "zero.md").symlink_to("/dev/zero")
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("  hint:")]
    assert lines == [
        f"generated/actors: a link (to '{folder}'): the build never writes through a link",
        "seeds/zero.md:1:1: a link to a file outside the project",
        f"site/assets: a link (to '{folder}'): the build never writes through a link",
        "site/pagefind/parts.json: a pipe, which the build never makes",
        "4 errors in 4 files",
    ]
    assert sorted(os.listdir(folder)) == ["index.md", "keep.txt"]


def test_the_live_preview_refuses_them_too(mini_project: MiniProject, tmp_path: Path) -> None:
    folder = outside(tmp_path)
    root = mini_project()
    (root / "generated").symlink_to(folder)
    result = CliRunner().invoke(main, ["serve", "--root", str(root)])
    assert result.exit_code == 1
    assert f"generated: a link (to '{folder}')" in result.stderr
    assert "serving" not in result.output
    assert sorted(os.listdir(folder)) == ["index.md", "keep.txt"]


def test_add_writes_no_article_through_a_link_out_of_the_project(
    mini_project: MiniProject, tmp_path: Path
) -> None:
    folder = outside(tmp_path)
    root = mini_project()
    new = tmp_path / "new.txt"
    new.write_text("Talks\n\nThe delegations of the two sides met again today.\n", "utf-8")
    (root / "seeds" / "talks.md").rename(folder / "talks.md")
    (root / "seeds").rmdir()
    (root / "seeds").symlink_to(folder)
    result = CliRunner().invoke(main, ["add", "--root", str(root), str(new), "--force"])
    assert result.exit_code == 1, result.output
    assert "seeds: will not write there: a link leads out of the project" in result.stderr
    assert "nothing was added" in result.stderr
    assert sorted(os.listdir(folder)) == ["index.md", "keep.txt", "talks.md"]


def test_new_writes_no_file_through_a_link_out_of_the_project(
    mini_project: MiniProject, tmp_path: Path
) -> None:
    folder = outside(tmp_path)
    root = mini_project()
    (root / "briefings" / "issues" / "ceasefire.yaml").rename(folder / "ceasefire.yaml")
    (root / "briefings" / "issues").rmdir()
    (root / "briefings" / "issues").symlink_to(folder)
    arguments = ["new", "issue", "truce", "--question", "Will they agree a truce?"]
    result = CliRunner().invoke(main, [*arguments, "--root", str(root)])
    assert result.exit_code == 1, result.output
    assert "briefings/issues: will not write there" in result.stderr
    assert sorted(os.listdir(folder)) == ["ceasefire.yaml", "index.md", "keep.txt"]


def test_a_theme_folder_outside_the_project_is_not_read(mini_project: MiniProject) -> None:
    root = mini_project({"mkdocs.yml": "theme:\n  custom_dir: /etc\n"})
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1
    assert "mkdocs.yml:1:1: theme.custom_dir is outside the project" in result.stderr
    assert not (root / ".build" / "theme" / "passwd").exists()


def test_a_link_in_the_last_site_is_refused_by_a_build(
    mini_project: MiniProject, tmp_path: Path
) -> None:
    """A build takes unchanged pages and full-text parts from the last site/: a link there
    could bring a file from outside the project into the new site."""
    folder = outside(tmp_path)
    root = mini_project()
    (root / "site" / "pagefind").mkdir(parents=True)
    (root / "site" / "pagefind" / "pagefind.js").symlink_to(folder / "keep.txt")
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1, result.output
    assert f"site/pagefind/pagefind.js: a link (to '{folder / 'keep.txt'}')" in result.stderr
    assert not (root / "generated").exists()
    assert sorted(os.listdir(root / "site" / "pagefind")) == ["pagefind.js"]


def test_outputs_a_commit_brings_are_refused(mini_project: MiniProject) -> None:
    root = mini_project()
    cache = root / ".build" / "cache"
    cache.mkdir(parents=True)
    (cache / "html.sqlite").write_bytes(b"entries the build did not make")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<p>not the build's</p>\n", encoding="utf-8")
    git = ["git", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", ".build", "site", "briefings"], check=True)
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1, result.output
    for name in (".build", "site"):
        assert f"{name}: committed to the repository" in result.stderr
        assert f"git rm -r --cached {name}" in result.stderr
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "<p>not the build's</p>\n"
    assert not (root / "generated").exists()
