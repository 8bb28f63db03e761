"""One build at a time in a project: a lock on `.build/lock` (filelock, which uses the
system's file locks on every platform), and a note of its holder in `.build/lock.holder`.

The caller checks first that neither is a link (generator/engine/workspace.py): filelock
opens the lock file to write, truncating it, wherever a link leads; a lock file that is a hard
link (a name of a file elsewhere too) is removed first, to be made anew."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from generator.engine.workspace import WORK_DIR, attempt, discard_shared
from generator.engine.write import write_atomically
from generator.problems import Failure

LOCK_FILE = WORK_DIR / "lock"
HOLDER_FILE = WORK_DIR / "lock.holder"


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
    lock = FileLock(path)
    with attempt(root, "cannot take the build lock", path):
        path.parent.mkdir(parents=True, exist_ok=True)
        discard_shared(path)  # a lock file in use is never a hard link: nothing to break
        try:
            lock.acquire(timeout=-1 if wait else 0)
        except Timeout:  # an OSError: it must not pass for a refusal of the system
            raise BuildLocked(holder(root)) from None
    try:
        with attempt(root, "cannot note the build lock's holder"):
            write_atomically(root / HOLDER_FILE, str(os.getpid()).encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            (root / HOLDER_FILE).unlink(missing_ok=True)
        lock.release()


def holder(root: Path) -> str:
    """The process id the lock's holder noted, or 'unknown' (the note is read as little as a
    number needs: a repository may hold anything there)."""
    try:
        with open(root / HOLDER_FILE, "rb") as note:
            noted = note.read(20).strip()
    except OSError:
        return "unknown"
    return noted.decode() if noted.isdigit() else "unknown"
