"""Folders a build is done with, moved aside at once and deleted off the critical path.

Deleting the stage after a commit (the old site/, the backups, the staged pages: tens of
thousands of files at desk scale) takes seconds that no reader waits for. So `discard`
renames a folder into `.build/trash/` (one rename, on the file system of the project), and
`sweeping`, held by the next command that writes the outputs, deletes what the trash holds in
a thread of its own while that command generates and builds, waiting for it before it lets the
build lock go.

Deleting never goes through a link: `shutil.rmtree` removes a link itself, never what it names
(`rmtree.avoids_symlink_attacks` on this platform), and removing one name of a hard-linked
file leaves its other names whole. A kill at any moment leaves either the folder or its
renamed self, or part of it in the trash, which the next sweep deletes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from generator.engine.workspace import TRASH_DIR


def discard(root: Path, folder: Path) -> None:
    """Move `folder` (below `root`) into the trash; delete it at once where it cannot be moved."""
    if not os.path.lexists(folder):
        return
    try:
        (root / TRASH_DIR).mkdir(parents=True, exist_ok=True)
        aside = Path(tempfile.mkdtemp(dir=root / TRASH_DIR))  # a name of its own, even if killed
        os.rename(folder, aside / folder.name)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def empty(root: Path) -> None:
    """Delete what the trash holds (what cannot be deleted stays, for a later sweep)."""
    try:
        with os.scandir(root / TRASH_DIR) as listing:
            names = [entry.name for entry in listing]
    except OSError:
        return
    for name in names:
        shutil.rmtree(root / TRASH_DIR / name, ignore_errors=True)


@contextlib.contextmanager
def sweeping(root: Path) -> Iterator[None]:
    """Delete what the trash holds now, in a thread, while the block runs; then wait for it.
    The caller holds the build lock, so no other command moves folders into the trash meanwhile
    (what the block itself discards waits for the next sweep)."""
    if not os.path.isdir(root / TRASH_DIR):
        yield
        return
    sweeper = threading.Thread(target=empty, args=(root,), name="trash", daemon=True)
    sweeper.start()
    try:
        yield
    finally:
        sweeper.join()
