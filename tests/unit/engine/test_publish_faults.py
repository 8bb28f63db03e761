"""generated/ and site/ change together or not at all. A fault at any step of a commit is
undone and reported as `path: what failed`; a process killed at any step leaves a journal,
which the next command that writes undoes before anything else.

MkDocs is not run here: the stage's site is a stand-in (`stage_without_mkdocs`), so that every
step of a commit can be made to fail in turn. tests/slow/test_publish_faults.py makes real
faults happen under real builds.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from faults import Killed, Steps

from generator.cli import main
from generator.engine import publish as publishing
from generator.engine.build import UNCHANGED, SiteName, generate
from generator.engine.commit import JOURNAL, NOT_UNDONE, PREVIOUS_SITE, STAGED_DOCS, STAGED_SITE
from generator.engine.incremental import Regeneration
from generator.engine.publish import Staging, exclusive, publish
from generator.engine.staging import stage_pages
from generator.engine.workspace import STAGE_DIR, TRASH_DIR
from generator.engine.write import WriteReport
from generator.problems import Fault

if TYPE_CHECKING:
    from builders import MiniProject

Snapshot = dict[str, tuple[bytes, int]]
NAME = SiteName("Mini", "A small briefing.")
NORTHLAND = "briefings/actors/northland.yaml"


def stage_without_mkdocs(root: Path, staging: Staging) -> frozenset[str]:
    """What publish.stage_site leaves, with a stand-in for the site MkDocs would build: the
    pages generated/ holds unchanged are hard links to its files, as in a real build."""
    linked = stage_pages(staging.pages, root / "generated", root / STAGED_DOCS)
    site = root / STAGED_SITE / "pages"
    site.mkdir(parents=True)
    (site / "index.html").write_text("\n".join(sorted(staging.pages)) + "\n", encoding="utf-8")
    return linked


@pytest.fixture(autouse=True)
def no_mkdocs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publishing, "stage_site", stage_without_mkdocs)


def snapshot(root: Path) -> Snapshot:
    """Every file of the outputs with its bytes and mtime, and every folder of them."""
    found: Snapshot = {}
    for folder in ("generated", "site"):
        for path in sorted((root / folder).rglob("*")):
            shown = path.relative_to(root).as_posix()
            found[shown] = (
                (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else (b"", 0)
            )
    return found


def contents(state: Snapshot) -> dict[str, bytes]:
    return {path: data for path, (data, _) in state.items()}


def publish_all(root: Path, pages: dict[str, str | bytes]) -> WriteReport:
    with exclusive(root):
        return publish(root, pages, "0", NAME)


@pytest.fixture(scope="module")
def change(tmp_path_factory: pytest.TempPathFactory, mini_project: MiniProject) -> Any:
    """A published project, and the pages of its next build: changed pages, a new page in a
    new folder, and a page whose folder it leaves empty."""
    root = mini_project(
        {"pages/extra/notes.md": "# Notes\n"}, tmp_path_factory.mktemp("published") / "project"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(publishing, "stage_site", stage_without_mkdocs)
        publish_all(root, generate(root).pages)
    # As a later command's sweep leaves it: the deletions of a sweep's thread would otherwise
    # interleave with the steps counted of the commit.
    shutil.rmtree(root / TRASH_DIR)
    edited = mini_project(
        {
            "pages/more/news.md": "# News\n",
            NORTHLAND: ("Wants a ceasefire", "Still wants a ceasefire"),
        },
        tmp_path_factory.mktemp("edited") / "project",
    )
    return root, generate(edited).pages


def fresh_copy(root: Path, tmp_path: Path, name: str) -> Path:
    copy = tmp_path / name
    shutil.copytree(root, copy, symlinks=True)
    return copy


def commit_steps(
    root: Path, pages: dict[str, str | bytes], tmp_path: Path, cleanup: bool = True
) -> range:
    """The numbers of the steps of a commit (as faults.Steps counts them), from a dry run;
    without `cleanup`, up to the deletion of the journal only (the build's last step: a
    process killed after it leaves nothing to undo, and the lock, in this process, held)."""
    copy = fresh_copy(root, tmp_path, "dry-run")
    steps, start = Steps(copy), []
    commit: Callable[..., WriteReport] = publishing.commit

    def counting(*arguments: Any) -> WriteReport:
        start.append(steps.count)
        return commit(*arguments)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(publishing, "commit", counting)
        steps.install(patch)
        report = publish_all(copy, pages)
    assert report.written and report.deleted, "the change must replace, add and delete pages"
    assert not (copy / "generated" / "extra").exists() and (copy / "generated" / "more").is_dir()
    journal = next(n for n, step in enumerate(steps.done, 1) if step.endswith(JOURNAL.name))
    return range(start[0] + 1, (steps.count if cleanup else journal) + 1)


def test_a_fault_at_any_step_of_a_commit_changes_nothing(change: Any, tmp_path: Path) -> None:
    """A step whose fault is harmless (making a folder that exists) goes on: the commit is then
    done in full."""
    root, pages = change
    after = done(root, pages, tmp_path)
    faults = 0
    for number in commit_steps(root, pages, tmp_path):
        copy = fresh_copy(root, tmp_path, f"fault-{number}")
        before = snapshot(copy)
        try:
            with pytest.MonkeyPatch.context() as patch:
                Steps(copy, {number}).install(patch)
                publish_all(copy, pages)
        except Fault as fault:
            faults += 1
            assert fault.outcome == UNCHANGED, number
            assert "No space left on device" in fault.report()
            assert snapshot(copy) == before, f"step {number}"
            assert not (copy / STAGE_DIR).exists(), f"step {number}"
        else:  # a fault in the removal of the stage, once done, leaves only its empty folder
            assert contents(snapshot(copy)) == after, f"step {number}"
            assert not any((copy / STAGE_DIR).rglob("*")), f"step {number}"
        assert not list(copy.rglob("*.tmp")), f"step {number}"
    assert faults > 10


def done(root: Path, pages: dict[str, str | bytes], tmp_path: Path) -> dict[str, bytes]:
    """The outputs once the change is published, without a fault."""
    copy = fresh_copy(root, tmp_path, "done")
    publish_all(copy, pages)
    return contents(snapshot(copy))


def test_a_kill_at_any_step_is_undone_by_the_next_command(change: Any, tmp_path: Path) -> None:
    root, pages = change
    after = done(root, pages, tmp_path)
    half_done = 0
    for number in commit_steps(root, pages, tmp_path, cleanup=False):
        copy = fresh_copy(root, tmp_path, f"kill-{number}")
        before = snapshot(copy)
        with pytest.MonkeyPatch.context() as patch, pytest.raises(Killed):
            Steps(copy, {number}, Killed()).install(patch)
            publish_all(copy, pages)
        interrupted = (copy / JOURNAL).exists()
        with exclusive(copy):  # what every command that writes does first
            pass
        if interrupted:
            half_done += 1
            assert snapshot(copy) == before, f"step {number}"
        else:
            assert contents(snapshot(copy)) in (contents(before), after), f"step {number}"
        assert not (copy / STAGE_DIR).exists()
    assert half_done > 10


def test_a_roll_back_that_fails_is_finished_by_the_next_command(
    change: Any, tmp_path: Path
) -> None:
    root, pages = change
    swap = commit_steps(root, pages, tmp_path, cleanup=False)[-2]  # the new site renamed in
    copy = fresh_copy(root, tmp_path, "stuck")
    before = snapshot(copy)
    with pytest.MonkeyPatch.context() as patch, pytest.raises(Fault) as caught:
        Steps(copy, range(swap, swap + 10_000)).install(patch)
        publish_all(copy, pages)
    assert caught.value.outcome == NOT_UNDONE
    assert caught.value.report().startswith("site: cannot put the new site in place: ")
    assert (copy / JOURNAL).exists() and not (copy / "site").exists()
    with exclusive(copy):
        pass
    assert snapshot(copy) == before


def test_a_build_that_fails_its_check_first_undoes_a_killed_commit(
    change: Any, tmp_path: Path
) -> None:
    root, pages = change
    swap = commit_steps(root, pages, tmp_path, cleanup=False)[-2]
    copy = fresh_copy(root, tmp_path, "killed")
    before = snapshot(copy)
    with pytest.MonkeyPatch.context() as patch, pytest.raises(Killed):
        Steps(copy, {swap}, Killed()).install(patch)
        publish_all(copy, pages)
    assert not (copy / "site").exists() and (copy / PREVIOUS_SITE).is_dir()
    (copy / NORTHLAND).write_text("name: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(copy)])
    assert result.exit_code == 1
    assert "YAML syntax error" in result.stderr
    assert snapshot(copy) == before


def test_a_site_moved_aside_without_a_journal_is_put_back(change: Any, tmp_path: Path) -> None:
    """What a build killed between the two renames of its swap left, before journals."""
    root, _ = change
    copy = fresh_copy(root, tmp_path, "legacy")
    before = snapshot(copy)
    (copy / STAGE_DIR).mkdir(parents=True)
    (copy / "site").rename(copy / PREVIOUS_SITE)
    (copy / NORTHLAND).write_text("name: [\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["build", "--root", str(copy)]).exit_code == 1
    assert snapshot(copy) == before


@pytest.mark.parametrize(
    "journal",
    [
        '{"written": ["../../outside.md"], "added": [], "stale": [], "folders": [], '
        '"emptied": [], "site": false}',
        '{"written": ["/etc/passwd"], "added": [], "stale": [], "folders": [], '
        '"emptied": [], "site": false}',
        "not json",
        '{"site": true}',
    ],
)
def test_a_journal_the_build_did_not_write_is_refused(
    journal: str, change: Any, tmp_path: Path
) -> None:
    root, _ = change
    copy = fresh_copy(root, tmp_path, "strange")
    before = snapshot(copy)
    (copy / JOURNAL).parent.mkdir(parents=True)
    (copy / JOURNAL).write_text(journal, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(copy)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: .build/stage/journal.json is not the journal of an update by this tool"
    )
    assert snapshot(copy) == before


def test_a_fault_in_a_preview_regeneration_changes_nothing_and_the_next_writes_it(
    mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview commits generated/ as a build does; a page it could not put in place is
    written by the next regeneration, though no input changed meanwhile."""
    root = mini_project()
    regeneration = Regeneration(root)
    with exclusive(root):
        regeneration.run()
    before = snapshot(root)
    (root / NORTHLAND).write_text(
        (root / NORTHLAND).read_text("utf-8").replace("Wants a", "Still wants a"), "utf-8"
    )
    replace = os.replace

    def full_disk(source: Any, target: Any) -> None:
        staged, page = Path(source), Path(target)
        if (
            staged.is_relative_to(root / STAGED_DOCS)
            and page.parent == root / "generated" / "actors"
        ):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(source, target)

    with monkeypatch.context() as patch, pytest.raises(Fault) as caught, exclusive(root):
        patch.setattr(os, "replace", full_disk)
        regeneration.run()
    assert caught.value.report().startswith("generated/actors/northland.md: cannot put ")
    assert caught.value.outcome == "generated/ is unchanged"
    assert snapshot(root) == before
    with exclusive(root):
        report = regeneration.run()
    assert "actors/northland.md" in report.written
    written = root / "generated" / "actors" / "northland.md"
    assert written.read_bytes() == generate(root).pages["actors/northland.md"].encode("utf-8")
