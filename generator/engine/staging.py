"""The docs folder a publish builds from, made without writing a page twice.

`stage_pages` makes the stage's docs folder: a page whose bytes generated/ already holds is a
hard link to that file (nothing is written), any other page is written there once. Once the
site is built, generator/engine/commit.py renames only the written pages into generated/: the
linked ones are the files generated/ already has, so they keep their mtimes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from generator.engine.write import holds, write_if_changed


def stage_pages(pages: Mapping[str, str | bytes], current: Path, folder: Path) -> frozenset[str]:
    """Make `folder` hold exactly `pages`, linking those that `current` holds unchanged; the
    names of the pages linked."""
    made: set[Path] = set()
    linked = []
    for name, content in sorted(pages.items()):
        path = folder / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if holds(current / name, data) and link(current / name, path):
            linked.append(name)
        else:
            write_if_changed(path, data)
    return frozenset(linked)


def link(source: Path, target: Path) -> bool:
    """Whether `target` could be made a hard link to `source` (not on every file system)."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        return False
    return True
