"""The briefing model at a git revision, read without touching the working tree.

The inputs of a revision (`seeds/`, `briefings/`) are taken from `git archive` into a temporary
folder and go through the same `load_model` as a build.
"""

from __future__ import annotations

import functools
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.engine.build import load_model
from generator.model import Briefing
from generator.problems import (
    BriefingError,
    Failure,
    Problem,
    Problems,
    counted,
    report_text,
    whole,
)

INPUT_FOLDERS = ("seeds", "briefings")
MAIN_BRANCHES = ("main", "origin/main", "master", "origin/master")


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a comparison: where the briefing was read from, and the briefing."""

    label: str
    """E.g. 'main (1a2b3c4)' or 'the working tree'."""
    commit: str | None
    briefing: Briefing


class RevisionError(Exception):
    """A side of the comparison cannot be read: a bad revision, no repository, broken inputs."""

    def __init__(self, message: str, hint: str = "", problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message, self.hint, self.problems = message, hint, problems


def git(root: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in `root`; the caller checks the return code."""
    try:
        return subprocess.run(["git", *arguments], cwd=root, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise RevisionError("git is not installed", "install git to compare revisions") from error


def resolve(root: Path, revision: str, side: str) -> str:
    """The full commit id that `revision` names, or RevisionError saying which side is wrong."""
    hint = "name a branch, a tag or a commit, e.g. main, HEAD~1 or 1a2b3c4"
    if revision.startswith("-"):  # it would be read as an option of git
        raise RevisionError(f"{side}: '{revision}' is not a revision", hint)
    found = git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if found.returncode != 0:
        check_repository(root)
        raise RevisionError(f"{side}: '{revision}' is not a commit of this repository", hint)
    return found.stdout.decode().strip()


def check_repository(root: Path) -> None:
    if git(root, "rev-parse", "--git-dir").returncode != 0:
        hint = "run the command inside a git repository, or pass --root"
        raise RevisionError(f"{root} is not in a git repository", hint)


class RevisionErrors(Failure):
    """Neither, or only one, side of a comparison could be read: every reason, for each side."""

    status = 2

    def __init__(self, errors: tuple[RevisionError, ...]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors

    def report(self) -> str:
        """Each side's reason, the problems found there, and what to do."""
        text = ""
        for error in self.errors:
            text += f"{error.message}\n{report_text(error.problems)}"
            text += f"  hint: {error.hint}\n" if error.hint else ""
        return text


def read_sides(root: Path, base: str | None, head: str | None) -> tuple[Side, Side]:
    """The briefing at `base` (default: the merge base with main) and at `head` (default: the
    working tree); RevisionErrors with the problems of both sides when either cannot be read."""
    sides: list[Side] = []
    errors: list[RevisionError] = []
    for read, revision in ((read_base, base), (read_head, head)):
        try:
            sides.append(read(root, revision))
        except RevisionError as error:
            errors.append(error)
    if errors:
        raise RevisionErrors(tuple(errors))
    return sides[0], sides[1]


def read_base(root: Path, revision: str | None) -> Side:
    if revision is not None:
        return read_revision(root, revision, "base")
    branch, commit = default_base(root)
    return read_revision(root, commit, "base", f"merge base with {branch} ({commit[:7]})")


def read_head(root: Path, revision: str | None) -> Side:
    return read_working_tree(root) if revision is None else read_revision(root, revision, "head")


def default_base(root: Path) -> tuple[str, str]:
    """The main branch and its merge base with HEAD: what a pull request is compared with."""
    check_repository(root)
    for branch in MAIN_BRANCHES:
        base = git(root, "merge-base", "HEAD", branch)
        if base.returncode == 0:
            return branch, base.stdout.decode().strip()
    hint = "name the revision to compare with, e.g. 'briefing diff origin/main'"
    raise RevisionError("base: found no main branch to compare with", hint)


def read_revision(root: Path, revision: str, side: str, label: str = "") -> Side:
    """The briefing as committed at `revision`; RevisionError if it cannot be read or checked."""
    commit = resolve(root, revision, side)
    label = label or f"{revision} ({commit[:7]})"
    # From the top of the repository, so that paths are the tree's whatever folder `root` is.
    top = Path(git(root, "rev-parse", "--show-toplevel").stdout.decode().strip())
    prefix = git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    tree = f"{commit}:{prefix}"
    listed = git(top, "ls-tree", "--name-only", tree).stdout.decode().split("\n")
    folders = [name for name in INPUT_FOLDERS if name in listed]
    with tempfile.TemporaryDirectory(prefix="briefing-diff-") as folder:
        if folders:
            extract(git(top, "archive", "--format=tar", tree, *folders), Path(folder), side)
        return Side(label, commit, check(Path(folder), f"{side}, {label}"))


def extract(archive: subprocess.CompletedProcess[bytes], folder: Path, side: str) -> None:
    """Unpack the inputs of a revision into `folder`; RevisionError naming every committed
    file that may not be unpacked (a link out of the repository, say), not the first only."""
    if archive.returncode != 0:
        raise RevisionError(f"{side}: git archive failed: {archive.stderr.decode().strip()}")
    refused = Problems()
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(folder, filter=functools.partial(checked_member, refused))
            else:  # Python before 3.11.4
                tar.extractall(folder)
    except tarfile.TarError as error:
        raise RevisionError(f"{side}: cannot unpack the inputs: {error}", LINK_HINT) from error
    if refused.errors:
        message = f"{side}: {counted(len(refused.errors), 'committed file')} cannot be unpacked"
        raise RevisionError(message, LINK_HINT, refused.errors)


LINK_HINT = "a committed link must lead to a file of the repository: commit the file instead"


def checked_member(
    refused: Problems, member: tarfile.TarInfo, folder: str
) -> tarfile.TarInfo | None:
    """The member as tarfile's 'data' filter lets it be unpacked (no link out of the folder, no
    device), or None with the reason noted in `refused`."""
    try:
        return tarfile.data_filter(member, folder)
    except tarfile.FilterError:
        linked = member.issym() or member.islnk()
        why = f"a link out of the repository (to '{member.linkname}')" if linked else "not a file"
        refused.error(whole(member.name), why)
        return None


def read_working_tree(root: Path) -> Side:
    """The briefing as it is on disk, committed or not."""
    return Side("the working tree", None, check(root, "head, the working tree"))


def check(root: Path, side: str) -> Briefing:
    """Load and validate the inputs below `root` as a build does; RevisionError listing every
    problem."""
    try:
        return load_model(root, Problems())[1]
    except BriefingError as error:
        hint = "fix the briefing at that revision, or compare other revisions"
        raise RevisionError(f"{side}: the briefing has errors", hint, error.problems) from None
