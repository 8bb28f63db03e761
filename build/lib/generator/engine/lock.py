"""One build at a time in a project: a lock on `.build/lock` (filelock, which uses the
system's file locks on every platform), and a note of its holder in `.build/lock.holder`."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from generator.problems import Failure

LOCK_FILE = Path(".build") / "lock"
HOLDER_FILE = Path(".build") / "lock.holder"


class BuildLocked(Failure):
    """Another process holds the project's build lock."""

    def __init__(self, holder: str) -> None:
        super().__init__(
            f"another build is running (pid {holder}) in this project; "
            "wait for it to finish, then try again"
        )
        self.holder = holder


@contextlib.contextmanager
def build_lock(root: Path, wait: bool = False) -> Iterator[None]:
    """Hold the project's build lock; raise BuildLocked at once if it is taken, unless `wait`.

    The system releases the lock when its holder exits, however it exits: a lock file left
    behind by a killed build never blocks the next one.
    """
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise BuildLocked(holder(root)) from None
    try:
        (root / HOLDER_FILE).write_text(str(os.getpid()), encoding="utf-8")
        yield
    finally:
        (root / HOLDER_FILE).unlink(missing_ok=True)
        lock.release()


def holder(root: Path) -> str:
    """The process id the lock's holder noted, or 'unknown'."""
    try:
        return (root / HOLDER_FILE).read_text(encoding="utf-8").strip() or "unknown"
    except OSError:
        return "unknown"
