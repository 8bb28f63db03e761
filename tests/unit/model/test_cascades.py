"""One problem per cause: a file that fails its own checks is reported there, and what refers
to it is not reported again; one mistake repeated in one file is printed a few times, then
counted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.problems import MAX_OF_A_KIND

if TYPE_CHECKING:
    from builders import MiniProject

FOUNDING = "seeds/000_1d2e21283015eb8c.txt"


def check(root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--root", str(root), *options])
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        (b"Talks\x00 resumed", (), "binary file (NUL byte at offset 5)"),
        (bytes(range(128, 256)) * 8, (), "not UTF-8 text (byte 0)"),
        (b"Talks resumed. " * 150_000, (), "file too big: 2,250,000 bytes"),
    ],
)
def test_an_unreadable_founding_article_is_one_error(
    content: bytes, options: tuple[str, ...], message: str, project_copy: Path
) -> None:
    """The demo's founding article is quoted 47 times in 9 files: none of them is reported."""
    (project_copy / FOUNDING).write_bytes(content)
    status, report = check(project_copy, *options)
    assert status == 1
    lines = report.splitlines()
    assert lines[0].startswith(f"{FOUNDING}:1:1: {message}")
    assert lines[1].startswith("  hint: ")
    assert lines[2:] == ["1 error in 1 file"]


def test_an_article_of_an_unknown_format_is_not_cited_as_unknown(
    mini_project: MiniProject,
) -> None:
    root = mini_project()
    (root / "seeds" / "talks.md").rename(root / "seeds" / "talks.pdf")
    status, report = check(root)
    assert status == 1
    assert report.splitlines()[0] == "seeds/talks.pdf:1:1: unknown article format '.pdf'"
    assert report.endswith("1 error in 1 file\n")


def test_an_unlisted_folder_of_issues_hides_no_unknown_issue(mini_project: MiniProject) -> None:
    from faults import unreadable

    root = mini_project()
    with unreadable(root / "briefings" / "issues"):
        status, report = check(root)
    assert status == 1
    assert "unknown issue" not in report
    assert report.endswith("1 error in 1 file\n")


def test_a_flood_of_one_mistake_in_one_file_is_counted(mini_project: MiniProject) -> None:
    keys = "".join(f"key{number:06d}: x\n" for number in range(2_000))
    root = mini_project({"seeds/talks.md": ("date: 2026-02-02\n", f"date: 2026-02-02\n{keys}")})
    status, report = check(root)
    assert status == 1
    lines = report.splitlines()
    problems = [line for line in lines if not line.startswith("  hint:")]
    assert problems[:MAX_OF_A_KIND] == [
        f"seeds/talks.md:{line}:1: unknown key 'key{line - 4:06d}'"
        for line in range(4, 4 + MAX_OF_A_KIND)
    ]
    assert problems[MAX_OF_A_KIND:] == [
        "seeds/talks.md: … and 1,990 more errors like these",
        "2,000 errors in 1 file",
    ]
    assert len(lines) == 2 * MAX_OF_A_KIND + 2


def test_a_few_of_a_kind_are_all_printed_and_other_kinds_apart(
    mini_project: MiniProject,
) -> None:
    keys = "".join(f"key{number}: x\n" for number in range(MAX_OF_A_KIND))
    root = mini_project(
        {
            "seeds/talks.md": ("date: 2026-02-02\n", f"date: 2026-02-02\n{keys}"),
            "briefings/issues/ceasefire.yaml": ("title:", "colour: red\ntitle:"),
        }
    )
    status, report = check(root)
    assert status == 1
    assert "more errors like these" not in report
    assert "briefings/issues/ceasefire.yaml:" in report
    assert report.endswith(f"{MAX_OF_A_KIND + 1} errors in 2 files\n")
