"""The paths a build writes, moves and deletes, and the check that each is what it makes.

A build writes only at these paths of the project: its outputs `generated/` and `site/`, its
work folder `.build/` (the lock, the note of the last regeneration, the stage, the theme, the
page cache) and the site engine's configurations beside mkdocs.yml. Git ignores
them, but a repository can still hold any of them, committed by mistake or by a hostile pull
request that CI then builds: `generated` committed as a link to a folder elsewhere would have
the build write and delete files there, a linked `.build/lock` would be emptied. So before a
command writes anything, each path must be absent or what the build makes, with no link on the
way: a folder where it makes a folder, a file where it makes a file, and below `generated/` and
`.build/` nothing but folders and regular files. Anything else is refused, every such path
named, nothing written. The trash, `.build/trash/`, must be a folder too, but what it holds is
not looked at: it is only ever deleted, and deleting never goes through a link
(generator/engine/trash.py), so a link there leads nowhere, and walking the old sites it holds
would cost the time that moving them there saved.

The files of `.build/` that are changed in place rather than replaced by a rename (the lock,
the page cache's databases) must be this project's own: one that is a hard link, a name of a
file elsewhere too (which git cannot commit, but a local `ln` can make), is removed and made
anew before it is opened (`discard_shared`).

Nor may the repository hold any of them (`committed_problems`): a `.build/cache` or a `site/`
brought by a commit could hand the build pages, index parts or cache entries it did not make,
whose keys anyone can compute. In a git work tree, every output or work path git tracks is
refused, with the command that stops tracking it.

`briefing build` also reads the last `site/`: the page cache takes unchanged pages from it and
the full-text index its unchanged parts (hard links to them). So before it builds, everything
below `site/` must be a folder or a regular file too (`check_site`): a link there could lead
the new site to a file outside the project.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.load.files import relative
from generator.problems import Fault, Problems, whole

DOCS_DIR = "generated"
SITE_DIR = "site"
WORK_DIR = Path(".build")
STAGE_DIR = WORK_DIR / "stage"
THEME_DIR = WORK_DIR / "theme"
TRASH_DIR = WORK_DIR / "trash"
"""Folders a build is done with, waiting to be deleted (generator/engine/trash.py)."""
BUILD_CONFIG = ".build.mkdocs.yml"
"""The engine's configuration of a build, beside mkdocs.yml (Zensical wants the folders it
reads and writes inside the configuration's folder)."""
PREVIEW_CONFIG = ".preview.mkdocs.yml"

FOLDERS = (DOCS_DIR, SITE_DIR, WORK_DIR.as_posix())
FILES = (BUILD_CONFIG, PREVIEW_CONFIG)
TREES = (DOCS_DIR, WORK_DIR.as_posix())
"""The folders whose every entry the build made, and checks."""
REMEDY = (
    "delete it: the build makes what it needs there (these paths are git-ignored; if a commit "
    "holds one, remove it with 'git rm -r --cached')"
)


def check_workspace(root: Path) -> None:
    """Raise BriefingError naming every output or work path that is a link or not what the
    build makes (see the module docstring); nothing is written."""
    problems = Problems()
    workspace_problems(root, problems)
    problems.raise_if_errors()


def workspace_problems(root: Path, problems: Problems) -> None:
    """An error for every output or work path that is a link or not what the build makes."""
    for name in FOLDERS:
        check_path(root, name, stat.S_ISDIR, "a folder", problems)
    for name in FILES:
        check_path(root, name, stat.S_ISREG, "a file", problems)
    check_path(root, TRASH_DIR.as_posix(), stat.S_ISDIR, "a folder", problems)
    for name in TREES:
        check_tree(root, name, problems)
    committed_problems(root, problems)


def committed_problems(root: Path, problems: Problems) -> None:
    """An error for every output or work path that git tracks, when the project is in a git
    work tree (without git, or outside one, there is nothing to ask)."""
    for name in sorted({path.split("/")[0] for path in tracked(root, (*FOLDERS, *FILES))}):
        hint = f"remove it from the commit with 'git rm -r --cached {name}' (it is git-ignored)"
        message = "committed to the repository: the build makes it, and takes nothing it did not"
        problems.error(whole(name), message, hint)


def tracked(root: Path, names: tuple[str, ...]) -> list[str]:
    """The paths below `names` (relative to `root`) that git tracks; none when git cannot say."""
    command = ["git", "-C", str(root), "ls-files", "-z", "--cached", "--", *names]
    try:
        result = subprocess.run(command, capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):  # no git, or one that hangs
        return []
    if result.returncode != 0:  # not a work tree
        return []
    return [os.fsdecode(path) for path in result.stdout.split(b"\0") if path]


def check_site(root: Path) -> None:
    """Raise BriefingError naming every entry below site/ that is not a folder or a regular
    file (see the module docstring); nothing is written."""
    problems = Problems()
    site_problems(root, problems)
    problems.raise_if_errors()


def site_problems(root: Path, problems: Problems) -> None:
    """An error for every entry below site/ that is not a folder or a regular file."""
    check_tree(root, SITE_DIR, problems)


def check_path(
    root: Path, name: str, kind: Callable[[int], bool], noun: str, problems: Problems
) -> None:
    """The path must be absent, or (no link) of the kind the build makes."""
    try:
        mode = os.lstat(root / name).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        problems.error(whole(name), f"cannot look at it: {error.strerror}", REMEDY)
        return
    refused = refusal(root / name, mode)
    if refused is None and not kind(mode):
        refused = f"{describe(mode)}, not {noun} as the build makes"
    if refused is not None:
        problems.error(whole(name), refused, REMEDY)


def check_tree(root: Path, name: str, problems: Problems) -> None:
    """Every entry below the folder `name` (when it is one, no link) must be a folder or a
    regular file. An entry gone meanwhile is no threat (a running preview's page cache makes
    and deletes its journal files, see generator/engine/cache.py)."""
    if not (root / name).is_dir() or (root / name).is_symlink():
        return
    pending = [name]
    while pending:
        folder = pending.pop()
        for entry in listed(root, folder, problems):
            shown = f"{folder}/{entry.name}"
            if shown == TRASH_DIR.as_posix():  # checked as a folder, only ever deleted
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(shown)
            elif not entry.is_file(follow_symlinks=False):
                check_entry(root, shown, entry, problems)


def listed(root: Path, folder: str, problems: Problems) -> list[os.DirEntry[str]]:
    """The entries of a folder being checked: none when it is gone meanwhile (there is nothing
    left to write through), none and an error when it cannot be listed."""
    try:
        with os.scandir(root / folder) as listing:
            return list(listing)
    except FileNotFoundError:
        return []
    except OSError as error:
        problems.error(whole(folder), f"cannot list the folder: {error.strerror}", REMEDY)
        return []


def check_entry(root: Path, shown: str, entry: os.DirEntry[str], problems: Problems) -> None:
    """Refuse an entry that is neither a folder nor a regular file, unless it is gone."""
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except FileNotFoundError:
        return
    refused = refusal(root / shown, mode) or f"{describe(mode)}, which the build never makes"
    problems.error(whole(shown), refused, REMEDY)


def refusal(path: Path, mode: int) -> str | None:
    """Why a path the build writes must not be written through: it is a link."""
    if not stat.S_ISLNK(mode):
        return None
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return f"a link (to '{target}'): the build never writes through a link"


def describe(mode: int) -> str:
    """What kind of thing a path is, from its mode."""
    for test, noun in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISREG, "a file"),
        (stat.S_ISFIFO, "a pipe"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return noun
    return "a device"


def discard_shared(path: Path) -> None:
    """Remove the file at `path` if it is a hard link or not a regular file: a file opened to
    be changed in place must be this project's own, never a name of a file elsewhere."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    if status.st_nlink > 1 or not stat.S_ISREG(status.st_mode):
        path.unlink()


@contextlib.contextmanager
def attempt(root: Path, doing: str, path: Path | None = None) -> Iterator[None]:
    """Raise the OSError of the block as a Fault: `doing` failed at `path`, or at the path the
    error names (relative to the project)."""
    try:
        yield
    except OSError as error:
        failed = path or (Path(os.fsdecode(error.filename)) if error.filename else root)
        raise Fault(relative(root, failed), doing, error) from None
