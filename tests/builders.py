"""Shared builders of the tests: fixture projects, edits of their files, digests of folders.

The fixtures in conftest.py (and tests/slow/conftest.py) hand these out; tests that need more
control (property-based tests make many projects) call them directly.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from generator import defaults

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
DEMO = FIXTURES / "demo"
"""A real-world project (eight articles, thirteen actors, nine issues): the inputs of the
Russia–Ukraine briefing this tool was first built for, kept here as they were, so that the
tool's tests do not depend on the project at the top of the repository."""

MINI = FIXTURES / "mini"
"""A small project's seeds/ and briefings/: three actors, one issue, one article."""

PROJECT_INPUTS = ("mkdocs.yml", "seeds", "briefings", "schemas", "templates", "pages", "overrides")
"""What a project copy holds: the inputs of a build, never its outputs (generated/, site/)."""


Edit = tuple[str, str] | str | bytes | Path | None
"""A change to one file of a project: (old, new) replaces the first `old` in its text; a str or
bytes is the whole new file (its folders are made); a Path makes it a symbolic link to that path;
None deletes it."""


PACKAGED = {
    "templates": defaults.TEMPLATES,
    "pages": defaults.PAGES,
    "overrides": defaults.OVERRIDES,
}
"""The project folders whose files override the tool's defaults of the same name."""


def override_default(root: Path, path: str) -> None:
    """Give the project its own copy of the tool's default file `path` (e.g.
    'templates/home.md.j2'), as a user does to change one, unless it has one already."""
    folder, _, name = path.partition("/")
    default = PACKAGED[folder] / name if folder in PACKAGED else None
    target = root / path
    if default is not None and default.is_file() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(default, target)


def apply_edit(target: Path, edit: Edit) -> None:
    """Change the file `target` as `edit` says (see Edit)."""
    if edit is None:
        target.unlink()
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(edit, Path):
        target.symlink_to(edit)
    elif isinstance(edit, bytes):
        target.write_bytes(edit)
    elif isinstance(edit, str):
        target.write_text(edit, encoding="utf-8")
    else:
        old, new = edit
        text = target.read_text(encoding="utf-8")
        assert old in text, f"edit does not apply to {target.name}: {old!r}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_project(destination: Path) -> Path:
    """Copy the demo project's inputs (PROJECT_INPUTS that exist) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_INPUTS:
        source = DEMO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def copy_mini_project(root: Path, edits: Mapping[str, Edit] | None = None) -> Path:
    """The mini project at `root` (which must not exist), with `edits` applied by path
    relative to `root`."""
    shutil.copytree(MINI, root)
    for path, edit in (edits or {}).items():
        override_default(root, path)
        apply_edit(root / path, edit)
    return root


class MiniProject(Protocol):
    def __call__(
        self, edits: Mapping[str, Edit] | None = None, root: Path | None = None
    ) -> Path: ...


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` by its path, with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@contextmanager
def temporary(mini_project: MiniProject) -> Iterator[Path]:
    """A fresh mini project, deleted afterwards: examples are many, and each needs its own."""
    with tempfile.TemporaryDirectory() as folder:
        yield mini_project(root=Path(folder) / "project")
