"""The briefing on each side of a comparison, and why a side cannot be read, for each side."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

import pytest
from builders import MiniProject, write_files

from generator.diff.revision import (
    RevisionError,
    RevisionErrors,
    check,
    extract,
    read_sides,
    read_working_tree,
    resolve,
)
from generator.problems import Failure, Location, Problem


def archive(
    tar: bytes, returncode: int = 0, stderr: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    """What `git archive` gave, made by hand."""
    return subprocess.CompletedProcess(["git", "archive"], returncode, tar, stderr)


def test_the_working_tree_is_read_as_a_build_reads_it(mini_project: MiniProject) -> None:
    side = read_working_tree(mini_project())
    assert (side.label, side.commit) == ("the working tree", None)
    assert [a.id for a in side.briefing.actors] == ["northland", "southland", "berg"]


def test_a_broken_briefing_is_an_error_of_its_side_with_every_problem(
    mini_project: MiniProject,
) -> None:
    root = mini_project({"briefings/actors/northland.yaml": ("  ceasefire:", "  ceasfire:")})
    with pytest.raises(RevisionError) as error:
        check(root, "base, main (1a2b3c4)")
    assert error.value.message == "base, main (1a2b3c4): the briefing has errors"
    assert [str(p.location) for p in error.value.problems] == [
        "briefings/actors/northland.yaml:5:3"
    ]


def test_an_option_is_never_taken_for_a_revision(tmp_path: Path) -> None:
    with pytest.raises(RevisionError, match="head: '--output=x' is not a revision"):
        resolve(tmp_path, "--output=x", "head")


def test_both_sides_are_reported_with_exit_status_2(tmp_path: Path) -> None:
    write_files(tmp_path, {"briefings/briefing.yaml": "title: T\n"})
    with pytest.raises(RevisionErrors) as stopped:
        read_sides(tmp_path, "-x", "HEAD")
    errors = stopped.value
    assert isinstance(errors, Failure) and errors.status == 2
    assert [e.message for e in errors.errors] == [
        "base: '-x' is not a revision",
        f"{tmp_path} is not in a git repository",
    ]


def test_the_report_gives_each_sides_reason_problems_and_hint() -> None:
    problem = Problem(Location("briefings/actors/a.yaml", 2, 1), "unknown issue 'x'")
    errors = RevisionErrors(
        (RevisionError("base: broken", "fix it", (problem,)), RevisionError("head: gone"))
    )
    assert errors.report() == (
        "base: broken\n"
        "briefings/actors/a.yaml:2:1: unknown issue 'x'\n"
        "1 error in 1 file\n"
        "  hint: fix it\n"
        "head: gone\n"
    )


def tar_with_link(target: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        link = tarfile.TarInfo("seeds/a.txt")
        link.type, link.linkname = tarfile.SYMTYPE, target
        tar.addfile(link)
    return buffer.getvalue()


def test_a_committed_link_out_of_the_tree_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RevisionError, match="base: 1 committed file cannot be unpacked") as error:
        extract(archive(tar_with_link("/etc/passwd")), tmp_path, "base")
    assert "a committed link must lead to a file of the repository" in error.value.hint
    (problem,) = error.value.problems
    assert problem.message == "a link out of the repository (to '/etc/passwd')"
    assert not (tmp_path / "seeds" / "a.txt").exists()


def test_a_failed_archive_names_gits_reason(tmp_path: Path) -> None:
    with pytest.raises(RevisionError, match="head: git archive failed: fatal: not a tree"):
        extract(archive(b"", 128, b"fatal: not a tree\n"), tmp_path, "head")
