"""The stage a build is done with goes into the trash at once, and the next command that writes
deletes it while it works, never through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.engine.commit import remove_stage
from generator.engine.publish import exclusive
from generator.engine.trash import discard, sweeping
from generator.engine.workspace import STAGE_DIR, TRASH_DIR, check_workspace
from generator.problems import BriefingError


def staged(root: Path) -> Path:
    page = root / STAGE_DIR / "site" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("old site\n", encoding="utf-8")
    return page


def test_the_stage_is_moved_aside_then_deleted_by_the_next_command(tmp_path: Path) -> None:
    staged(tmp_path)
    remove_stage(tmp_path)
    assert not os.path.lexists(tmp_path / STAGE_DIR)
    assert [p.name for p in (tmp_path / TRASH_DIR).glob("*/*")] == ["stage"]
    with exclusive(tmp_path):
        pass
    assert list((tmp_path / TRASH_DIR).iterdir()) == []


def test_each_discarded_folder_keeps_a_name_of_its_own(tmp_path: Path) -> None:
    for _ in range(2):
        staged(tmp_path)
        discard(tmp_path, tmp_path / STAGE_DIR)
    assert len(list((tmp_path / TRASH_DIR).iterdir())) == 2


def test_a_sweep_deletes_links_not_what_they_name(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine\n", encoding="utf-8")
    root = tmp_path / "project"
    trashed = root / TRASH_DIR / "old"
    trashed.mkdir(parents=True)
    (trashed / "folder").symlink_to(outside, target_is_directory=True)
    os.link(outside / "keep.txt", trashed / "linked.txt")
    check_workspace(root)  # what the trash holds is only deleted: not refused
    with sweeping(root):
        pass
    assert not trashed.exists()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "mine\n"


def test_a_trash_that_is_a_link_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "project"
    (root / ".build").mkdir(parents=True)
    (root / TRASH_DIR).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(BriefingError) as refused:
        check_workspace(root)
    [problem] = refused.value.problems
    assert problem.location.path == ".build/trash"
    assert problem.message.startswith("a link (to ")
