"""Faults of the file system, made for a test: folders that refuse changes, files and folders
that refuse reading, a disk that fills, and an operation that fails (or the process that dies)
at the Nth step.

Where the test runs as root, who reads and writes whatever the permissions say, a folder is
made immutable (`chattr +i`, which binds root too) and unreadable paths are simulated where the
checks look (`os.access`, `os.scandir`); elsewhere the permissions do it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = os.geteuid() == 0


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """While the block runs, nothing in `folder` can be made, renamed or deleted, nor the
    folder itself renamed."""
    if not ROOT:
        mode = folder.stat().st_mode
        folder.chmod(mode & ~0o222)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@contextmanager
def unreadable(path: Path) -> Iterator[None]:
    """While the block runs, `path` (a file or a folder) cannot be read or listed: its mode
    says so, and under root the checks are told so too."""
    mode = path.stat().st_mode
    path.chmod(0)
    try:
        with pretend_unreadable(path) if ROOT else contextlib.nullcontext():
            yield
    finally:
        path.chmod(mode)


@contextmanager
def pretend_unreadable(path: Path) -> Iterator[None]:
    """Make `os.access` and `os.scandir` refuse `path`, as they do anyone but root."""
    denied = os.path.abspath(path)
    access, scandir = os.access, os.scandir

    def refused(given: Any) -> bool:
        return isinstance(given, (str, os.PathLike)) and os.path.abspath(given) == denied

    def fake_access(given: Any, mode: int, **options: Any) -> bool:
        return False if refused(given) and mode & os.R_OK else access(given, mode, **options)

    def fake_scandir(given: Any = ".") -> Any:
        if refused(given):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(given))
        return scandir(given)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "access", fake_access)
        patch.setattr(os, "scandir", fake_scandir)
        yield


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """While the block runs, a write that makes a file larger than `limit` bytes fails with
    EFBIG ('File too large'), in this process and in those it starts, as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the signal kills
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


class Killed(BaseException):
    """The process dying where it stands: nothing after it runs, no handler catches it."""


OPERATIONS = ("replace", "rename", "link", "unlink", "mkdir", "rmdir")
"""The calls of the os module that change folders: every step of a commit is one of them."""


class Steps:
    """Counts the calls of OPERATIONS on paths below `root`, and makes the calls numbered in
    `fail_at` raise `error` instead."""

    def __init__(
        self, root: Path, fail_at: Collection[int] = (), error: BaseException | None = None
    ) -> None:
        self.root, self.fail_at, self.count = os.path.abspath(root), set(fail_at), 0
        self.error = error or OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.done: list[str] = []
        """The calls counted, each as its function's name and its first path."""

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for name in OPERATIONS:
            monkeypatch.setattr(os, name, self.wrap(getattr(os, name)))

    def wrap(self, operation: Callable[..., Any]) -> Callable[..., Any]:
        def counted(path: Any, *rest: Any, **options: Any) -> Any:
            if os.path.abspath(os.fspath(path)).startswith(self.root + os.sep):
                self.count += 1
                self.done.append(f"{operation.__name__} {os.fspath(path)}")
                if self.count in self.fail_at:
                    raise self.error
            return operation(path, *rest, **options)

        return counted


FULL_DISK = """
mount -t tmpfs -o size=64m tmpfs "$1" || exit 77
cp -a "$2" "$1/project" && cd "$1/project" || exit 78
free=$(df -k --output=avail . | tail -1)
dd if=/dev/zero of="$1/fill" bs=1k count=$((free - $3)) status=none 2>/dev/null
"$4" -m generator build 2>&1
"""


def build_on_full_disk(root: Path, mount: Path, free_kb: int) -> subprocess.CompletedProcess[str]:
    """`briefing build` of a copy of `root` on a tmpfs with `free_kb` kilobytes left, in a
    private mount namespace (`unshare -m`, as root); the test is skipped where none can be
    made. Its output is in `stdout`."""
    if not ROOT or shutil.which("unshare") is None:
        pytest.skip("a tmpfs needs root and unshare(1)")
    mount.mkdir()
    command = ["unshare", "-m", "sh", "-c", FULL_DISK, "sh", str(mount), str(root)]
    result = subprocess.run(
        [*command, str(free_kb), sys.executable], capture_output=True, text=True
    )
    if result.returncode in (77, 78):
        pytest.skip(f"no tmpfs could be mounted here: {result.stdout}{result.stderr}")
    return result
