"""Project files: found below a folder, and read safely (inside the project, not too big).

Every input is read here: text by the rule of generator.load.decode, other files as bytes; a
file that a link leads out of the project to is refused, and so is one over the size limit.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.load.decode import Refused, decode
from generator.problems import Location, Problems

READ_HINT = "check that the file exists and that you may read it"


def walk_files(folder: Path, hidden: bool = True) -> list[str]:
    """The files below `folder` by their paths relative to it with '/', sorted: links to files
    included, folders linked to not entered; without `hidden`, no file whose name starts with
    a dot. Nothing when `folder` is not a folder."""
    found: list[str] = []
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, path = pending.pop()
        for entry in entries(path):
            if entry.is_dir(follow_symlinks=False):
                pending.append((f"{prefix}{entry.name}/", entry.path))
            elif is_file(entry) and (hidden or not entry.name.startswith(".")):
                found.append(prefix + entry.name)
    return sorted(found)


def entries(path: str) -> list[os.DirEntry[str]]:
    """The entries of a folder; none when it cannot be listed (as os.walk skips it)."""
    try:
        with os.scandir(path) as listing:
            return list(listing)
    except OSError:
        return []


def is_file(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a file or a link to one (a link to nothing, or a loop, is not)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def relative(root: Path, path: Path) -> str:
    """The path as shown in messages: relative to the project root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(
    root: Path, path: Path, problems: Problems, max_bytes: int | None = None
) -> str | None:
    """The file's text, or None with a problem; `max_bytes` bounds untrusted files."""
    text = read_untrusted(root, path, max_bytes)
    if isinstance(text, Refused):
        problems.error(Location(relative(root, path)), text.message, text.hint)
        return None
    return text


def read_bytes(root: Path, path: Path, problems: Problems) -> bytes | None:
    """The file's bytes, or None with a problem: a link out of the project is refused too."""
    try:
        refused = check_file(root, path, None)
        if refused is None:
            return path.read_bytes()
    except OSError as error:
        refused = Refused(f"cannot read the file: {error.strerror}", READ_HINT)
    problems.error(Location(relative(root, path)), refused.message, refused.hint)
    return None


def read_untrusted(root: Path, path: Path, max_bytes: int | None) -> str | Refused:
    """The file's text by the rule of generator.load.decode, or why it cannot be had."""
    try:
        return check_file(root, path, max_bytes) or decode(path.read_bytes())
    except OSError as error:
        return Refused(f"cannot read the file: {error.strerror}", READ_HINT)


def check_file(root: Path, path: Path, max_bytes: int | None) -> Refused | None:
    """Why the file must not be read: it lies outside the project, or it is too big."""
    if not is_inside(root, path):
        hint = "copy the file into the project instead of linking to it"
        return Refused("a link to a file outside the project", hint)
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        hint = "split it, or raise the limit with --max-file-bytes"
        return Refused(f"file too big: {size:,} bytes, the limit is {max_bytes:,}", hint)
    return None


def is_inside(root: Path, path: Path) -> bool:
    """Whether the file, links followed, lies inside the project.

    Resolving both paths decides it, but walks every part of each: 0.5 s for the 18,000 files
    of 10,000 articles. A path written below the root, without '..', with no link on its way
    down from the root, lies inside whatever the root is; that check costs a quarter as much,
    and resolving decides every other path.
    """
    return is_plainly_below(root, path) or resolves_inside(root, path)


def is_plainly_below(root: Path, path: Path) -> bool:
    """Whether `path` is written below `root`, without '..', and no part of it below the root
    is a link."""
    top, full = os.fspath(root), os.fspath(path)
    if not full.startswith(top + os.sep):
        return False
    parts = full[len(top) + 1 :].split(os.sep)
    steps = (os.path.join(top, *parts[: n + 1]) for n in range(len(parts)))
    return ".." not in parts and not any(os.path.islink(step) for step in steps)


def resolves_inside(root: Path, path: Path) -> bool:
    """Whether `path`, every link followed, leads inside the resolved `root`; False when a loop
    of links stops either from resolving."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # Python 3.11 and 3.12 raise RuntimeError for a loop
        return False
