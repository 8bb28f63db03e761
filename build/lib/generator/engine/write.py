"""Stage 4: put the pages on disk, touching only files whose bytes change."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.load.files import walk_files


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What a write changed, as paths relative to the docs folder."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int


def write_pages(pages: Mapping[str, str | bytes], docs_dir: Path) -> WriteReport:
    """Make `docs_dir` hold exactly `pages` (text as UTF-8, bytes as they are); unchanged files
    keep their mtime."""
    folders: set[Path] = set()  # made once each, not once per page
    written = []
    for name, content in sorted(pages.items()):
        path = docs_dir / name
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        if write_if_changed(path, content):
            written.append(name)
    deleted = delete_others(docs_dir, set(pages))
    return WriteReport(tuple(written), deleted, len(pages) - len(written))


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` to `path`, whose folder exists, unless it already holds those bytes;
    True when written."""
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if holds(path, data):
        return False
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)  # atomic: a reader never sees half a page
    return True


def holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a file with exactly these bytes (its size is compared first)."""
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
        return False
    with open(path, "rb") as file:
        return file.read() == data


def delete_others(docs_dir: Path, keep: set[str]) -> tuple[str, ...]:
    """Remove files (and then empty folders) that are no longer generated."""
    stale = [name for name in walk_files(docs_dir) if name not in keep]
    for name in sorted(stale):
        (docs_dir / name).unlink()
    for folder, _, _ in os.walk(docs_dir, topdown=False):
        if folder != os.fspath(docs_dir) and not os.listdir(folder):
            os.rmdir(folder)
    return tuple(sorted(stale))


def replace_folder(new: Path, target: Path, previous: Path) -> None:
    """Put folder `new` in the place of `target`; the old `target` goes to `previous`, then away.

    All three are on one filesystem, so each rename is atomic; if the second fails, the old
    folder is put back.
    """
    if target.exists():
        target.rename(previous)
    try:
        new.rename(target)
    except OSError:
        if previous.exists():
            previous.rename(target)
        raise
    shutil.rmtree(previous, ignore_errors=True)
