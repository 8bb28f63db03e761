"""Stage 4: put files on disk, touching only those whose bytes change, each one whole."""

from __future__ import annotations

import contextlib
import os
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
    write_atomically(path, data)
    return True


def write_atomically(path: Path, data: bytes) -> None:
    """Put `data` at `path` whole or not at all: written beside it, then renamed over it.

    The temporary file is made anew ('x': a link or a file left there by a killed run is
    removed, never written through), and removed if anything fails; the OSError raised then
    names the path (a full disk is only known at `write`, whose error names none).
    """
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.unlink(missing_ok=True)
        with open(temporary, "xb") as file:
            file.write(data)
        os.replace(temporary, path)  # atomic: a reader never sees half a page
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        error.filename = error.filename or os.fspath(path)
        raise


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
