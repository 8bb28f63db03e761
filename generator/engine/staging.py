"""The docs folder a publish builds from, made without writing a page twice, and folders put
away without deleting them file by file while the build waits.

`stage_pages` makes the stage's docs folder: a page whose bytes generated/ already holds is a
hard link to that file (nothing is written), any other page is written there once. When the
site has been built, `promote` moves those written pages into generated/ by renaming them
(each atomically, in place of the old file) and deletes the stale ones; the linked pages are
the files generated/ already has, so they keep their mtimes.

`discard` renames a folder into `.build/trash/`, which takes no time whatever it holds, and
leaves the deleting to a process of its own that the command does not wait for; the next build
clears what an interrupted one left there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.engine.write import WriteReport, holds, write_if_changed
from generator.load.files import walk_files

TRASH_DIR = Path(".build") / "trash"


@dataclass(frozen=True, slots=True)
class Staged:
    """A stage's docs folder: where it is, and which of its pages differ from generated/'s."""

    folder: Path
    written: tuple[str, ...]
    names: frozenset[str]


def stage_pages(pages: Mapping[str, str | bytes], current: Path, folder: Path) -> Staged:
    """Make `folder` hold exactly `pages`, linking those that `current` holds unchanged."""
    made: set[Path] = set()
    written = []
    for name, content in sorted(pages.items()):
        path = folder / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if not (holds(current / name, data) and linked(current / name, path)):
            write_if_changed(path, data)
            written.append(name)
    return Staged(folder, tuple(written), frozenset(pages))


def linked(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def promote(staged: Staged, current: Path) -> WriteReport:
    """Bring `current` to the staged pages: written pages renamed in, stale ones deleted."""
    for name in staged.written:
        (current / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.folder / name, current / name)
    stale = sorted(name for name in walk_files(current) if name not in staged.names)
    for name in stale:
        (current / name).unlink()
    for folder, _, _ in os.walk(current, topdown=False):
        if folder != os.fspath(current) and not os.listdir(folder):
            os.rmdir(folder)
    unchanged = len(staged.names) - len(staged.written)
    return WriteReport(staged.written, tuple(stale), unchanged)


def discard(folder: Path, root: Path) -> None:
    """Take `folder` (inside project `root`) away at once; it is deleted in the background."""
    trash = root / TRASH_DIR
    if folder.exists() or folder.is_symlink():
        trash.mkdir(parents=True, exist_ok=True)
        folder.rename(trash / uuid.uuid4().hex)
    if trash.is_dir() and any(trash.iterdir()):
        empty_in_background(trash)


def empty_in_background(trash: Path) -> None:
    """Delete what `trash` holds in a process that outlives this one: the child started here
    forks the one that deletes and exits at once, so there is nothing left to wait for."""
    script = (
        "import os, pathlib, shutil, sys\n"
        "if os.fork():\n"
        "    os._exit(0)\n"
        "for entry in pathlib.Path(sys.argv[1]).iterdir():\n"
        "    shutil.rmtree(entry, ignore_errors=True)\n"
    )
    subprocess.run(
        [sys.executable, "-S", "-c", script, os.fspath(trash)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        check=False,
    )
