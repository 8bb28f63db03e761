"""Articles as read by an earlier process, taken again while their files keep their stamps.

Reading an article (decoding it, extracting its text, applying its outlet's rules) is the
costliest part of loading, and a function of its file, its sidecar, briefings/sources.yaml, the
file size limit and the tool alone. So a published build keeps each article it read in a store
that outlives the process (`Lasting`, generator/engine/articlecache.py's in `.build/cache/`),
under a key made of those files' stamps, and the next build takes it from there.

A stamp is what `lstat` says of a file: size, modification and change times (nanoseconds),
inode, device and mode. The change time is set by the system on every write, rename or change
of mode and cannot be set back (unlike the modification time that `touch` or `cp -p` sets),
and a file reached through a link is not kept (the link's stamp stays when its target
changes), so a file changed in any way has a new stamp. One case remains, as for git's index:
a file written twice within one tick of the file system's clock, with the same size, the first
version read in between. So a file changed less than `SETTLED` ago gets no key: it is read
again by every build until it has settled.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.load.files import is_plainly_below
from generator.load.reuse import Lasting
from generator.load.sources import Sources
from generator.problems import Problem, Problems

if TYPE_CHECKING:
    from generator.load.inputs import RawArticle

SETTLED = 2_000_000_000
"""Nanoseconds since its last change after which a file's stamp is trusted (see above)."""

Stamp = tuple[int, int, int, int, int, int]


def settled_stamp(path: Path, now: int) -> Stamp | None:
    """The file's stamp, or None when it cannot be read or changed less than SETTLED ago."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if now - status.st_ctime_ns < SETTLED:
        return None
    return (
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
        status.st_dev,
        status.st_mode,
    )


def article_key(
    root: Path, files: tuple[Path | None, ...], max_bytes: int, plain: set[str]
) -> str | None:
    """The key of an article read from `files` (its own, its sidecar, the outlets' file; None
    for one that is not there): None when one of them has not settled, or is reached through a
    link (whose target may change while the link's stamp stays; `plain` as
    files.is_plainly_below keeps it)."""
    now = time.time_ns()
    stamps: list[Stamp | None] = []
    for path in files:
        if path is None or not os.path.lexists(path):
            stamps.append(None)
            continue
        if not is_plainly_below(root, path, plain):
            return None
        stamp = settled_stamp(path, now)
        if stamp is None:
            return None
        stamps.append(stamp)
    shown = files[0].relative_to(root).as_posix() if files[0] else ""
    reader = os.geteuid()  # whether a file may be read depends on who reads it too
    return repr(("article", shown, tuple(stamps), max_bytes, reader))


def kept(
    lasting: Lasting,
    key: str | None,
    sources: Sources,
    read: Callable[[Problems], RawArticle | None],
) -> Callable[[Problems], RawArticle | None]:
    """`read`, taking the article from `lasting` when it holds it under `key`, and leaving it
    there when it reads it."""

    def taken(problems: Problems) -> RawArticle | None:
        found = unpacked(lasting.get(key), sources) if key is not None else None
        if found is not None:
            problems.extend(found[1])
            return found[0]
        local = Problems()
        article = read(local)
        if key is not None:
            lasting.put(key, packed(article, tuple(local.items), sources))
        problems.extend(local.items)
        return article

    return taken


def packed(article: RawArticle | None, problems: tuple[Problem, ...], sources: Sources) -> Any:
    """What is kept of an article: its outlet by its place in `sources` (an outlet holds
    compiled patterns, which are not plain values)."""
    if article is None or article.outlet is None:
        return (article, None, problems)
    place = next(n for n, outlet in enumerate(sources.outlets) if outlet is article.outlet)
    return (replace(article, outlet=None), place, problems)


def unpacked(value: Any, sources: Sources) -> tuple[RawArticle | None, tuple[Problem, ...]] | None:
    """The article and the problems of its reading from what `packed` kept; None for anything
    else (the store only saves time: what it does not hold as expected is read again)."""
    from generator.load.inputs import RawArticle

    if not isinstance(value, tuple) or len(value) != 3:
        return None
    article, place, problems = value
    if not isinstance(problems, tuple) or not all(isinstance(p, Problem) for p in problems):
        return None
    if article is None and place is None:
        return None, problems
    if not isinstance(article, RawArticle):
        return None
    if place is None:
        return article, problems
    if not isinstance(place, int) or not 0 <= place < len(sources.outlets):
        return None
    return replace(article, outlet=sources.outlets[place]), problems
