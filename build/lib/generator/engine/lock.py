"""One build at a time in a project: an advisory lock on `.build/lock`, naming its holder."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from generator.problems import Failure

LOCK_FILE = Path(".build") / "lock"


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

    The lock is flock(2) on an open file, so the system releases it when its holder exits,
    however it exits: a lock file left behind by a killed build never blocks the next one.
    """
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o644), "r+", encoding="utf-8") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(file.read().strip() or "unknown") from None
        file.truncate(0)
        file.write(str(os.getpid()))
        file.flush()
        try:
            yield
        finally:
            file.truncate(0)
            fcntl.flock(file, fcntl.LOCK_UN)
