"""Changing generated/ and site/ together, or not at all, whatever fails or stops midway.

The new pages and site wait in the stage, `.build/stage/` (inside the project, so on the file
system of its outputs), made by generator/engine/publish.py; there, a page whose bytes
generated/ already holds is a hard link to its file, which the commit leaves alone. `commit`
then changes the outputs in steps that each keep a way back:

1. the plan (the pages whose bytes change, new ones among them; the stale pages; the folders
   to make and those left empty) is written to the journal, `.build/stage/journal.json`;
2. each file of generated/ to be replaced or deleted is hard-linked into
   `.build/stage/backup/` (no bytes copied);
3. the changed pages are renamed from the stage into generated/ and the stale ones deleted;
4. site/ is renamed aside to `.build/stage/previous-site`, and the new site renamed in;
5. the journal is deleted: from then on, the build has happened.

The two outputs are replaced differently on purpose. `site/` is a product read as a whole: it
is swapped by renaming folders, so a reader never sees half of it. `generated/` is what the
live preview (MkDocs' development server) watches: swapping that folder would leave the
preview's watches on a deleted folder and give every page a new mtime, so each changed file is
renamed into it (atomically) and unchanged files are not touched.

When a step fails, `roll_back` undoes every step done, by the plan, and the failure is a Fault
at the path that failed. When the process dies in steps 2 to 4 (kill -9, a power cut), the
journal remains, and the next command that writes undoes the commit before anything else
(`recover`, under the build lock), so generated/ and site/ are never left from two builds.
The live preview's regenerations commit the same way, without a site.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Mapping, Set
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from generator.engine.build import UNCHANGED
from generator.engine.trash import discard
from generator.engine.workspace import DOCS_DIR, SITE_DIR, STAGE_DIR, attempt
from generator.engine.write import WriteReport, holds, write_atomically
from generator.load.files import relative, walk_files
from generator.problems import Failure, Fault, Problem, whole

JOURNAL = STAGE_DIR / "journal.json"
BACKUP = STAGE_DIR / "backup"
PREVIOUS_SITE = STAGE_DIR / "previous-site"
STAGED_DOCS = STAGE_DIR / DOCS_DIR
STAGED_SITE = STAGE_DIR / SITE_DIR
DOCS_UNCHANGED = f"{DOCS_DIR}/ is unchanged"
NOT_UNDONE = (
    f"{DOCS_DIR}/ and {SITE_DIR}/ could not all be put back; the next build or preview puts "
    "them back before anything else"
)


@dataclass(frozen=True, slots=True)
class Plan:
    """What a commit changes in generated/, by paths relative to it ('' is the folder)."""

    written: tuple[str, ...]
    """Pages whose bytes change, new ones included."""
    added: tuple[str, ...]
    """Those of `written` that did not exist."""
    stale: tuple[str, ...]
    folders: tuple[str, ...]
    """Folders to make, parents first."""
    emptied: tuple[str, ...]
    """Folders the deletions leave empty, to remove, deepest first."""
    site: bool
    """Whether a new site/ is swapped in too."""


def plan(
    root: Path, pages: Mapping[str, str | bytes], site: bool, current: Set[str] = frozenset()
) -> Plan:
    """What committing `pages` changes in generated/ (see Plan). The pages named in `current`
    are known to be what generated/ holds (hard links to its files, or what this process wrote
    there last) and are not read again."""
    docs = root / DOCS_DIR
    written = tuple(
        name
        for name in sorted(pages)
        if name not in current and not holds(docs / name, encoded(pages[name]))
    )
    added = tuple(name for name in written if not os.path.lexists(docs / name))
    stale = tuple(name for name in walk_files(docs) if name not in pages)
    needed = {folder for name in added for folder in ancestors(name)}
    folders = sorted((f for f in needed if not (docs / f).is_dir()), key=depth)
    kept = {folder for name in pages for folder in ancestors(name)}
    emptied = {folder for name in stale for folder in ancestors(name)} - kept
    return Plan(
        written, added, stale, tuple(folders), tuple(sorted(emptied, key=depth)[::-1]), site
    )


def encoded(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def ancestors(name: str) -> list[str]:
    """The folders a path is in, from the top ('') down: 'a/b/c.md' is in '', 'a', 'a/b'."""
    parts = name.split("/")[:-1]
    return [""] + ["/".join(parts[: n + 1]) for n in range(len(parts))]


def depth(folder: str) -> int:
    return folder.count("/") + 1 if folder else 0


def commit(root: Path, change: Plan, pages: int) -> WriteReport:
    """Carry out the plan, as the module docstring says; on a failure undo it and raise Fault."""
    try:
        save_journal(root, change)
        back_up(root, change)
        apply(root, change)
        if change.site:
            swap_site(root)
        with attempt(root, "cannot finish the update", root / JOURNAL):
            (root / JOURNAL).unlink()
    except Fault as fault:
        undone = UNCHANGED if change.site else DOCS_UNCHANGED
        fault.outcome = undone if roll_back(root, change) is None else NOT_UNDONE
        raise
    return WriteReport(change.written, change.stale, pages - len(change.written))


def save_journal(root: Path, change: Plan) -> None:
    with attempt(root, "cannot write the journal of the update"):
        (root / JOURNAL).parent.mkdir(parents=True, exist_ok=True)
        write_atomically(root / JOURNAL, json.dumps(asdict(change)).encode("utf-8"))


def back_up(root: Path, change: Plan) -> None:
    """Keep every file to be replaced or deleted in the backup folder: a hard link to it, or a
    copy where links cannot be made."""
    for name in replaced(change):
        source, backup = root / DOCS_DIR / name, root / BACKUP / name
        with attempt(root, "cannot keep a copy of the page before replacing it", source):
            backup.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, backup)
            except OSError:
                shutil.copy2(source, backup)


def apply(root: Path, change: Plan) -> None:
    """Make the new folders, rename the changed pages in, delete the stale ones."""
    docs = root / DOCS_DIR
    for folder in change.folders:
        with attempt(root, "cannot make the folder", docs / folder):
            os.mkdir(docs / folder)
    for name in change.written:
        with attempt(root, "cannot put the new page in place", docs / name):
            os.replace(root / STAGED_DOCS / name, docs / name)
    for name in change.stale:
        with attempt(root, "cannot delete the page of something removed", docs / name):
            os.unlink(docs / name)
    for folder in change.emptied:
        with attempt(root, "cannot delete the emptied folder", docs / folder):
            os.rmdir(docs / folder)


def swap_site(root: Path) -> None:
    """Rename site/ aside and the new site in; all three are on one file system."""
    if os.path.lexists(root / SITE_DIR):
        with attempt(root, "cannot move the old site aside", root / SITE_DIR):
            os.rename(root / SITE_DIR, root / PREVIOUS_SITE)
    with attempt(root, "cannot put the new site in place", root / SITE_DIR):
        os.rename(root / STAGED_SITE, root / SITE_DIR)


def roll_back(root: Path, change: Plan) -> OSError | None:
    """Undo whatever part of `change` was done (each step may have been, or not); the first
    error met once every step was tried, or None when all is undone and the journal gone."""
    docs, errors = root / DOCS_DIR, list[OSError]()
    if change.site:
        tried(errors, undo_site, root)
    for name in change.added:
        tried(errors, remove_file, docs / name)
    for name in replaced(change):
        tried(errors, restore, root / BACKUP / name, docs / name)
    for folder in change.folders[::-1]:
        tried(errors, remove_if_empty, docs / folder)
    if not errors:  # else the journal stays, for the next command to try again
        tried(errors, remove_file, root / JOURNAL)
    return errors[0] if errors else None


def tried(errors: list[OSError], step: Callable[..., None], *paths: Path) -> None:
    """Run one step of a roll-back, noting its error: the next steps are still tried."""
    try:
        step(*paths)
    except OSError as error:
        errors.append(error)


def replaced(change: Plan) -> list[str]:
    """The files of generated/ that the commit replaces or deletes: those it backs up."""
    return sorted({*change.written, *change.stale} - set(change.added))


def remove_file(path: Path) -> None:
    path.unlink(missing_ok=True)


def undo_site(root: Path) -> None:
    """Put the old site/ back, the new one (if it was renamed in) back in the stage."""
    site, previous, staged = root / SITE_DIR, root / PREVIOUS_SITE, root / STAGED_SITE
    if not os.path.lexists(staged) and os.path.lexists(site):
        os.rename(site, staged)
    if os.path.lexists(previous) and not os.path.lexists(site):
        os.rename(previous, site)


def restore(backup: Path, target: Path) -> None:
    if os.path.lexists(backup):
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(backup, target)


def remove_if_empty(folder: Path) -> None:
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def recover(root: Path) -> None:
    """Undo a commit that a killed process left half done, then remove its stage; the caller
    holds the build lock. Raise Fault when it cannot be undone."""
    if os.path.lexists(root / JOURNAL):
        error = roll_back(root, read_journal(root))
        if error is not None:
            where = Path(os.fsdecode(error.filename)) if error.filename else root / JOURNAL
            doing = "cannot undo the update that an interrupted build left half done"
            raise Fault(relative(root, where), doing, error)
    previous = root / PREVIOUS_SITE  # left by a build killed before journals were kept
    if previous.is_dir() and not os.path.lexists(root / SITE_DIR):
        with attempt(root, "cannot put back the site that an interrupted build moved aside"):
            previous.rename(root / SITE_DIR)
    remove_stage(root)


def pending_warnings(root: Path) -> tuple[Problem, ...]:
    """A warning when a killed build left its commit half done (for `check`, which writes
    nothing and so does not undo it)."""
    if not os.path.lexists(root / JOURNAL):
        return ()
    message = f"an interrupted build left {DOCS_DIR}/ and {SITE_DIR}/ half updated"
    hint = "the next build or preview puts them back as they were first; run 'briefing build'"
    return (Problem(whole(JOURNAL.as_posix()), message, hint, "warning"),)


class StrangeJournal(Failure):
    """The journal of an update is not one a build wrote."""


LISTS = ("written", "added", "stale", "folders", "emptied")


def read_journal(root: Path) -> Plan:
    """The plan of the interrupted commit. Its paths must lie below generated/: the stage is
    in the project, and a repository may hold anything."""
    try:
        data: Any = json.loads((root / JOURNAL).read_text(encoding="utf-8"))
        lists = [data[key] for key in LISTS]
        site = data["site"]
    except (OSError, ValueError, TypeError, KeyError):
        lists, site = [], None
    paths = [path for listed in lists if isinstance(listed, list) for path in listed]
    if (
        not isinstance(site, bool)
        or not all(isinstance(p, list) for p in lists)
        or not all(isinstance(path, str) and is_plain_path(path) for path in paths)
    ):
        raise StrangeJournal(
            f"{JOURNAL.as_posix()} is not the journal of an update by this tool; delete "
            f"{STAGE_DIR.as_posix()}/ and look at {DOCS_DIR}/ and {SITE_DIR}/ (or delete them: "
            "the next build makes them again)"
        )
    written, added, stale, folders, emptied = (tuple(listed) for listed in lists)
    return Plan(written, added, stale, folders, emptied, site)


def is_plain_path(name: str) -> bool:
    """A relative path of parts without '.', '..', '\\' or NUL ('' is the folder itself)."""
    return name == "" or all(
        part not in ("", ".", "..") and "\\" not in part and "\0" not in part
        for part in name.split("/")
    )


def remove_stage(root: Path) -> None:
    """Move the stage into the trash (deleted by the next command that writes, trash.py), unless
    a journal says it is needed to undo a commit."""
    if not os.path.lexists(root / JOURNAL):
        discard(root, root / STAGE_DIR)
