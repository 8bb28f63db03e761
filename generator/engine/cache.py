"""A store of build results that can be proved still valid, kept between builds in `.build/cache/`.

Each entry is found by a key that is a digest of everything its value was computed from, so an
entry is either exactly right or never looked up: nothing is ever invalidated by hand. The store
is one SQLite file per kind of entry (a page's rendered Markdown, a page's built HTML). Every
build marks the entries it used; once it has succeeded, entries it did not use are dropped, so
the store holds what the current site is made of and not its history.

A value is pickled and compressed. The store only saves time: deleting `.build/cache/` (or a
cache that cannot be opened) gives the same site, built from scratch. So a cache that is not
the project's own is discarded, not refused: a cache file that is a hard link (a name of a file
elsewhere too, which SQLite would write through) or not a regular file is removed and made
anew, and one that cannot be written is used as it is, with a warning. And since a repository
can hold anything in `.build/`, unpickling builds only plain values and the classes a store is
made to hold (`allowed`): a value can never call a function.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sqlite3
import sys
import tempfile
import zlib
from collections.abc import Iterable, Set
from pathlib import Path
from typing import Any

from generator.engine.workspace import discard_shared
from generator.problems import Problem, reason, whole

CACHE_DIR = Path(".build") / "cache"
COMPANIONS = ("", "-journal", "-wal", "-shm")
"""The files SQLite keeps for a database, by the suffix of its name."""


def cache_warnings(root: Path) -> tuple[Problem, ...]:
    """A warning when the cache folder, or a file in it, cannot be written: a build still
    works, but from scratch every time."""
    folder = root / CACHE_DIR
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except FileNotFoundError:
        return ()
    except OSError as error:
        return (unwritable(CACHE_DIR.as_posix(), reason(error)),)
    files = sorted(folder.glob("*.sqlite"))
    return tuple(
        unwritable(f"{CACHE_DIR.as_posix()}/{path.name}", "permission denied")
        for path in files
        if not os.access(path, os.W_OK)
    )


def unwritable(path: str, why: str) -> Problem:
    hint = "a build works without it, more slowly: give yourself write permission, or delete it"
    return Problem(whole(path), f"the cache cannot be written: {why}", hint, "warning")


def digest(parts: Iterable[str | bytes]) -> str:
    """A key made of `parts`, each length-prefixed so that no two sequences share one."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(b"%d\0" % len(data))
        hashed.update(data)
    return hashed.hexdigest()


class Values(pickle.Unpickler):
    """An unpickler that builds plain values and instances of the `allowed` classes only,
    named by module and name: no other class or function of any module."""

    def __init__(self, data: bytes, allowed: Set[tuple[str, str]]) -> None:
        super().__init__(io.BytesIO(data))
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not a value of this cache")
        return getattr(sys.modules[module], name)


class Store:
    """Values by key in one SQLite file; `None` as the path keeps them in memory only. Values
    are plain data and instances of the `allowed` classes (by module and name), whose modules
    are imported."""

    def __init__(
        self, path: Path | None, prune: bool = True, allowed: Set[tuple[str, str]] = frozenset()
    ) -> None:
        self.prune = prune
        """Whether a commit drops the entries not used since the last one."""
        self.allowed = allowed
        self.used: set[str] = set()
        self.fresh: dict[str, bytes] = {}
        self.connection: sqlite3.Connection | None = None
        if path is not None:
            self.connection = self.connect(path)

    @staticmethod
    def connect(path: Path) -> sqlite3.Connection | None:
        """The cache's database, made anew where it is not the project's own; None when it
        cannot be opened (an unreadable cache only costs time)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for suffix in COMPANIONS:
                discard_shared(path.with_name(path.name + suffix))
            connection = sqlite3.connect(path)
            connection.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB)"
            )
        except (OSError, sqlite3.Error):
            return None
        return connection

    def get(self, key: str) -> Any:
        """The value stored under `key`, or None."""
        data = self.fresh.get(key)
        if data is None and self.connection is not None:
            try:
                row = self.connection.execute(
                    "SELECT value FROM entries WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error:
                row = None
            data = row[0] if row else None
        if data is None:
            return None
        try:
            value = Values(zlib.decompress(data), self.allowed).load()
        except Exception:  # a damaged or foreign entry is a miss: it is computed again
            return None
        self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.fresh[key] = zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)
        self.used.add(key)

    def commit(self) -> None:
        """Save the new entries and drop the ones this build did not use."""
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?)", self.fresh.items()
                )
                if self.prune:
                    self.drop_unused(self.connection)
        except sqlite3.Error:
            return
        self.fresh.clear()

    def drop_unused(self, connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key TEXT)")
        connection.execute("DELETE FROM kept")
        connection.executemany("INSERT INTO kept VALUES (?)", ((key,) for key in self.used))
        connection.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM kept)")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
