"""A store of build results that can be proved still valid, kept between builds in `.build/cache/`.

Each entry is found by a key that is a digest of everything its value was computed from, so an
entry is either exactly right or never looked up: nothing is ever invalidated by hand. The store
is one SQLite file per kind of entry (a page's rendered Markdown, a page's built HTML). Every
build marks the entries it used; once it has succeeded, entries it did not use are dropped, so
the store holds what the current site is made of and not its history.

A value is pickled and compressed. The store only saves time: deleting `.build/cache/` (or a
cache that cannot be opened) gives the same site, built from scratch.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".build") / "cache"


def digest(parts: Iterable[str | bytes]) -> str:
    """A key made of `parts`, each length-prefixed so that no two sequences share one."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(b"%d\0" % len(data))
        hashed.update(data)
    return hashed.hexdigest()


class Store:
    """Values by key in one SQLite file; `None` as the path keeps them in memory only."""

    def __init__(self, path: Path | None, prune: bool = True) -> None:
        self.prune = prune
        """Whether a commit drops the entries not used since the last one."""
        self.used: set[str] = set()
        self.fresh: dict[str, bytes] = {}
        self.connection: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.connection = sqlite3.connect(path)
                self.connection.execute(
                    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB)"
                )
            except sqlite3.Error:  # an unreadable cache only costs time
                self.connection = None

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
            value = pickle.loads(zlib.decompress(data))
        except Exception:  # a damaged entry is a miss: it is computed again
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
