"""Project files: found below a folder, and read safely (inside the project, not too big).

Every input is read here: text by the rule of generator.load.decode, other files as bytes.
Before a byte is read, `check_file` decides from the file's links and its `stat` alone whether
it may be: a link that leads nowhere, loops or leads out of the project, anything but a regular
file (a pipe would block, a device never end), a file over the size limit and one the user may
not read are refused, each with its reason. The loader and the digest of the inputs
(generator.engine.incremental) both ask it, so a stray 3 GB dump costs one `stat`, not a read.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from generator.load.decode import Refused, decode
from generator.problems import Location, Problems, counted, os_hint, reason, whole

MAX_FILE_BYTES = 2_000_000
"""The default size limit of an input file: far above any real one, far below harm."""
LARGEST_LIMIT = 1_000_000_000
"""The highest size limit a user may set: no article or YAML file comes near a gigabyte."""
LIST_HINT = "check that you may read and enter the folder (chmod u+rx)"


@dataclass(frozen=True, slots=True)
class Listing:
    """What a folder holds, by paths relative to it with '/', each tuple sorted."""

    files: tuple[str, ...] = ()
    """Everything but folders and links to folders: files, links that lead nowhere or loop,
    pipes and devices (reading one says why it cannot be read)."""
    folders: tuple[str, ...] = ()
    """Folders not entered: links to folders, and every folder of a listing that is not
    recursive."""
    unlisted: tuple[tuple[str, str], ...] = ()
    """Folders that could not be listed ('' for the folder itself), each with the reason."""


def list_folder(folder: Path, recursive: bool = True, hidden: bool = True) -> Listing:
    """What `folder` holds, folders entered when `recursive` (links to folders never are);
    without `hidden`, no file whose name starts with a dot. Nothing when `folder` is not a
    folder."""
    files: list[str] = []
    folders: list[str] = []
    unlisted: list[tuple[str, str]] = []
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, path = pending.pop()
        for entry in entries(path, prefix, unlisted):
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                (pending.append((f"{name}/", entry.path)) if recursive else folders.append(name))
            elif is_folder(entry):
                folders.append(name)
            elif hidden or not entry.name.startswith("."):
                files.append(name)
    return Listing(tuple(sorted(files)), tuple(sorted(folders)), tuple(sorted(unlisted)))


def walk_files(folder: Path, hidden: bool = True) -> list[str]:
    """The files below `folder` (see `list_folder`), sorted."""
    return list(list_folder(folder, hidden=hidden).files)


def entries(path: str, prefix: str, unlisted: list[tuple[str, str]]) -> list[os.DirEntry[str]]:
    """The entries of a folder; none, noted in `unlisted`, when it exists but cannot be listed."""
    try:
        with os.scandir(path) as listing:
            return list(listing)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        unlisted.append((prefix.rstrip("/"), reason(error)))
        return []


def is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a link to a folder."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def list_inputs(
    root: Path, folder: Path, problems: Problems, recursive: bool = True, hidden: bool = True
) -> Listing:
    """What an input folder holds (see `list_folder`), with an error for each of its folders
    that cannot be listed and for each file name that is not UTF-8 (which is left out)."""
    found = list_folder(folder, recursive, hidden)
    for inside, why in found.unlisted:
        path = relative(root, folder / inside if inside else folder)
        problems.error(whole(path), f"cannot list the folder: {why}", LIST_HINT)
    undecodable = [name for name in found.files if not is_utf8(name)]
    for name in undecodable:
        hint = "rename it: names of inputs are UTF-8 text (ids are made of them)"
        problems.error(Location(relative(root, folder / name)), "file name is not UTF-8", hint)
    return replace(found, files=tuple(name for name in found.files if name not in undecodable))


def is_utf8(name: str) -> bool:
    """Whether a file name (as the system decoded it) was valid UTF-8: undecodable bytes
    stand in it as lone surrogates."""
    return name.isprintable() or not SURROGATE.search(name)


SURROGATE = re.compile("[\ud800-\udfff]")


def relative(root: Path, path: Path) -> str:
    """The path as shown in messages: relative to the project root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # one of them absolute (a path an OSError names), the other not
        top, full = os.path.abspath(root), os.path.abspath(path)
        inside = full.startswith(top + os.sep)
        return Path(os.path.relpath(full, top) if inside else path).as_posix()


def read_text(
    root: Path, path: Path, problems: Problems, max_bytes: int | None = MAX_FILE_BYTES
) -> str | None:
    """The file's text, or None with a problem; `max_bytes` bounds untrusted files."""
    data = read_checked(root, path, max_bytes)
    text = data if isinstance(data, Refused) else decode(data)
    if isinstance(text, Refused):
        problems.error(Location(relative(root, path)), text.message, text.hint)
        return None
    warn_if_hard_linked(root, path, problems)
    return text


def read_bytes(
    root: Path, path: Path, problems: Problems, max_bytes: int | None = MAX_FILE_BYTES
) -> bytes | None:
    """The file's bytes, or None with a problem."""
    data = read_checked(root, path, max_bytes)
    if isinstance(data, Refused):
        problems.error(Location(relative(root, path)), data.message, data.hint)
        return None
    warn_if_hard_linked(root, path, problems)
    return data


def warn_if_hard_linked(root: Path, path: Path, problems: Problems) -> None:
    """A warning for a file read that has other names (a hard link, inside the project or out
    of it): git cannot commit one, so a project that holds one differs from its repository,
    and the file may be changed through a name the project does not show."""
    try:
        names = os.stat(path).st_nlink
    except OSError:
        return
    if names > 1:
        message = f"a hard link: the same file has {counted(names - 1, 'other name')}"
        hint = "copy the file into the project instead (git commits the copy, never the link)"
        problems.warning(Location(relative(root, path)), message, hint)


def read_checked(root: Path, path: Path, max_bytes: int | None) -> bytes | Refused:
    """The bytes of a project file that `check_file` lets be read, or why not."""
    return check_file(root, path, max_bytes) or read_limited(path, max_bytes)


def read_limited(path: Path, max_bytes: int | None) -> bytes | Refused:
    """The file's bytes, never more than `max_bytes` of them (a file may grow once checked)."""
    try:
        with open(path, "rb") as file:
            data = file.read() if max_bytes is None else read_at_most(file, max_bytes + 1)
    except OSError as error:
        return Refused(f"cannot read the file: {reason(error)}", os_hint(error))
    if max_bytes is not None and len(data) > max_bytes:
        return too_big(len(data), max_bytes)
    return data


def read_at_most(file: BinaryIO, count: int) -> bytes:
    """At most `count` bytes of an open file, in a buffer the size of the file and not of
    `count`: a read of N bytes reserves N bytes of memory before it reads one."""
    size = os.fstat(file.fileno()).st_size
    data = file.read(min(count, size + 1))
    if len(data) > size:  # it grew since its size was taken: read on, up to the limit
        data += file.read(count - len(data))
    return data


def check_file(
    root: Path, path: Path, max_bytes: int | None, plain: set[str] | None = None
) -> Refused | None:
    """Why the project file must not be read, from its links and `stat` alone: see the module
    docstring. `plain` (see is_plainly_below) saves looking at its folders again."""
    return check_links(root, path, plain) or check_stat(path, max_bytes)


def check_stat(path: Path, max_bytes: int | None) -> Refused | None:
    """Why the file must not be read, from its `stat` alone: it cannot be reached, is not a
    regular file, is bigger than `max_bytes`, or may not be read."""
    try:
        status = os.stat(path)
    except OSError as error:
        return Refused(f"cannot read the file: {reason(error)}", os_hint(error))
    if stat.S_ISDIR(status.st_mode):
        return Refused("a folder, not a file", "name a file, or the files in the folder")
    if not stat.S_ISREG(status.st_mode):
        hint = "inputs are files: remove it, or put the file it stands for in its place"
        return Refused("not a regular file (a pipe, a socket or a device)", hint)
    if max_bytes is not None and status.st_size > max_bytes:
        return too_big(status.st_size, max_bytes)
    if not is_readable(path, status):
        return Refused("cannot read the file: permission denied", "give yourself read permission")
    return None


def is_readable(path: Path, status: os.stat_result) -> bool:
    """Whether this process may read the file: its owner may, by its mode, or the system says
    so (groups, access lists, root); asking the system costs a call, for most files saved."""
    own = status.st_uid == os.geteuid() and status.st_mode & stat.S_IRUSR
    return bool(own) or os.access(path, os.R_OK)


def too_big(size: int, max_bytes: int) -> Refused:
    hint = "split it, or raise the limit with --max-file-bytes"
    return Refused(f"file too big: {size:,} bytes, the limit is {max_bytes:,}", hint)


def check_links(root: Path, path: Path, plain: set[str] | None = None) -> Refused | None:
    """Why the links on the way to `path` forbid reading it: one leads nowhere, a loop, or the
    file they lead to lies outside the project."""
    if is_plainly_below(root, path, plain):
        return None
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        if not os.path.islink(path):
            return None  # no link: reading it says that it is missing
        hint = "restore the file it leads to, or delete the link"
        return Refused(f"a link to '{os.readlink(path)}', which does not exist", hint)
    except (OSError, RuntimeError):  # Python 3.11 and 3.12 raise RuntimeError for a loop
        return Refused("a loop of links", "replace the link by the file it should lead to")
    if not resolved.is_relative_to(root.resolve()):
        hint = "copy the file into the project instead of linking to it"
        return Refused("a link to a file outside the project", hint)
    return None


def is_inside(root: Path, path: Path) -> bool:
    """Whether the file, links followed, lies inside the project.

    Resolving both paths decides it, but walks every part of each: 0.5 s for the 18,000 files
    of 10,000 articles. A path written below the root, without '..', with no link on its way
    down from the root, lies inside whatever the root is; that check costs a quarter as much,
    and resolving decides every other path.
    """
    return is_plainly_below(root, path) or resolves_inside(root, path)


def is_plainly_below(root: Path, path: Path, plain: set[str] | None = None) -> bool:
    """Whether `path` is written below `root`, without '..', and no part of it below the root
    is a link. Folders found to be no link are added to `plain`, when given, and not looked
    at again: one pass over thousands of files in a few folders asks once per folder."""
    top, full = os.fspath(root), os.fspath(path)
    if not full.startswith(top + os.sep):
        return False
    parts = full[len(top) + 1 :].split(os.sep)
    if ".." in parts:
        return False
    step = top
    for part in parts:
        step = f"{step}{os.sep}{part}"
        if plain is not None and step in plain:
            continue
        if os.path.islink(step):
            return False
        if plain is not None and step != full:
            plain.add(step)
    return True


def resolves_inside(root: Path, path: Path) -> bool:
    """Whether `path`, every link followed, leads inside the resolved `root`; False when a loop
    of links stops either from resolving."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # Python 3.11 and 3.12 raise RuntimeError for a loop
        return False
