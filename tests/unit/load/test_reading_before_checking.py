"""Every input is checked from its links and `stat` before a byte of it is read: by the
loader (`check`, `build`, `serve`) and by the digest that decides whether to regenerate. A huge
file, a device, a pipe, an unreadable file or folder and a link that leads nowhere are each one
located error, never a traceback, a hang or a read of gigabytes."""

from __future__ import annotations

import builtins
import io
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from faults import unreadable

from generator.cli import main
from generator.engine.incremental import inputs_digest
from generator.load.files import read_at_most

if TYPE_CHECKING:
    from builders import MiniProject

HUGE = 3 * 1024**3


@contextmanager
def opened_paths(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The paths `open` is called with while the block runs."""
    seen: list[str] = []
    real = builtins.open

    def recording(file: Any, *arguments: Any, **options: Any) -> Any:
        if isinstance(file, (str, os.PathLike)):
            seen.append(os.path.abspath(file))
        return real(file, *arguments, **options)

    with monkeypatch.context() as patch:
        patch.setattr(builtins, "open", recording)
        yield seen


@contextmanager
def no_hang(seconds: int = 20) -> Iterator[None]:
    """Fail instead of hanging, should something open a pipe that nobody writes to."""

    def stop(signal_number: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: something read a pipe")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check(root: Path, *options: str) -> Any:
    return CliRunner().invoke(main, ["check", "--root", str(root), *options])


def test_a_huge_stray_file_is_refused_without_being_read(
    mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = mini_project()
    dump = root / "seeds" / "dump.txt"
    with open(dump, "wb") as file:
        file.truncate(HUGE)  # sparse: three gigabytes that take no room
    with opened_paths(monkeypatch) as seen:
        inputs_digest(root, "options")
        result = check(root)
    assert str(dump) not in seen
    assert result.exit_code == 1
    assert (
        "seeds/dump.txt:1:1: file too big: 3,221,225,472 bytes, the limit is 2,000,000"
        in result.stderr
    )
    assert result.stderr.endswith("1 error in 1 file\n")


def test_a_pipe_or_a_device_is_refused_without_being_opened(
    mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = mini_project()
    os.mkfifo(root / "seeds" / "pipe.txt")
    (root / "seeds" / "zero.txt").symlink_to("/dev/zero")
    (root / "seeds" / "memory.txt").symlink_to("/proc/self/mem")
    with no_hang(), opened_paths(monkeypatch) as seen:
        inputs_digest(root, "options")
        for command in ("check", "build"):
            result = CliRunner().invoke(main, [command, "--root", str(root)])
            assert result.exit_code == 1, result.output
            assert "seeds/pipe.txt:1:1: not a regular file" in result.stderr
            assert "seeds/zero.txt:1:1: a link to a file outside the project" in result.stderr
            assert "seeds/memory.txt:1:1: a link to a file outside the project" in result.stderr
    assert not {str(root / "seeds" / name) for name in ("pipe.txt", "zero.txt")} & set(seen)


@pytest.mark.parametrize(
    ("path", "report"),
    [
        (
            "seeds/talks.md",
            "seeds/talks.md:1:1: cannot read the file: permission denied\n"
            "  hint: give yourself read permission\n",
        ),
        (
            "briefings/issues",
            "briefings/issues: cannot list the folder: Permission denied\n"
            "  hint: check that you may read and enter the folder (chmod u+rx)\n",
        ),
    ],
)
def test_an_unreadable_file_or_folder_is_one_error(
    path: str, report: str, mini_project: MiniProject
) -> None:
    root = mini_project()
    with unreadable(root / path):
        for command in ("check", "build"):
            result = CliRunner().invoke(main, [command, "--root", str(root)])
            assert result.exit_code == 1, result.output
            assert result.exception is None or isinstance(result.exception, SystemExit)
            assert result.stderr == f"{report}1 error in 1 file\n"


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        (
            {"gone.txt": "nowhere.txt"},
            ["seeds/gone.txt:1:1: a link to 'nowhere.txt', which does not exist"],
        ),
        ({"self.txt": "self.txt"}, ["seeds/self.txt:1:1: a loop of links"]),
        (
            {"ping.txt": "pong.txt", "pong.txt": "ping.txt"},
            ["seeds/ping.txt:1:1: a loop of links", "seeds/pong.txt:1:1: a loop of links"],
        ),
        ({"notes.meta.yaml": "gone.yaml"}, ["seeds/notes.meta.yaml:1:1: a link to 'gone.yaml'"]),
    ],
)
def test_a_link_that_leads_nowhere_is_named(
    links: dict[str, str], expected: list[str], mini_project: MiniProject
) -> None:
    root = mini_project({"seeds/notes.txt": "Notes\n\nThe envoys met again on Tuesday.\n"})
    for name, target in links.items():
        (root / "seeds" / name).symlink_to(target)
    result = check(root)
    assert result.exit_code == 1
    for line in expected:
        assert line in result.stderr


def test_a_dead_link_that_a_position_cites_is_named_and_not_called_unknown(
    mini_project: MiniProject,
) -> None:
    root = mini_project()
    (root / "seeds" / "talks.md").unlink()
    (root / "seeds" / "talks.md").symlink_to("talks-moved.md")
    result = check(root)
    assert result.exit_code == 1
    assert result.stderr == (
        "seeds/talks.md:1:1: a link to 'talks-moved.md', which does not exist\n"
        "  hint: restore the file it leads to, or delete the link\n"
        "1 error in 1 file\n"
    )


def test_the_size_limit_applies_to_every_input(mini_project: MiniProject) -> None:
    big = "x" * 3000
    root = mini_project(
        {
            "templates/home.md.j2": ("{% import", "{# " + big + " #}\n{% import"),
            "pages/assets/logo.svg": f"<svg>{big}</svg>",
            "mkdocs.yml": f"# {big}\n",
        }
    )
    result = check(root, "--max-file-bytes", "2500")
    assert result.exit_code == 1
    for path in ("mkdocs.yml", "templates/home.md.j2", "pages/assets/logo.svg"):
        assert f"{path}:1:1: file too big" in result.stderr


def test_a_high_size_limit_reserves_no_memory_beyond_the_file(tmp_path: Path) -> None:
    (tmp_path / "small.md").write_bytes(b"x" * 100)
    asked: list[int] = []

    class Recording(io.FileIO):
        def read(self, size: int = -1) -> bytes:
            asked.append(size)
            return super().read(size)

    with open(tmp_path / "small.md", "rb", buffering=0) as plain:
        data = read_at_most(Recording(plain.fileno(), closefd=False), 10**9)  # type: ignore[arg-type]
    assert data == b"x" * 100 and max(asked) == 101


def test_a_hard_linked_input_is_a_warning(mini_project: MiniProject, tmp_path: Path) -> None:
    root = mini_project()
    outside = tmp_path / "elsewhere.md"
    os.link(root / "seeds" / "talks.md", outside)
    result = check(root)
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "seeds/talks.md:1:1: warning: a hard link: the same file has 1 other name\n"
        "  hint: copy the file into the project instead (git commits the copy, never the link)\n"
        "1 warning in 1 file\n"
    )
    assert check(root, "--strict").exit_code == 1
