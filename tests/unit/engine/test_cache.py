"""The page cache's store is disposable and holds values only: a file that is not the project's
own is made anew, never written through, and an entry that would call a function is a miss."""

from __future__ import annotations

import os
import pickle
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

from faults import read_only

from generator.engine.cache import CACHE_DIR, Store, cache_warnings


@dataclass(frozen=True, slots=True)
class Point:
    """A class of values, as the page cache stores its rendered pages."""

    x: int
    names: frozenset[str]


ALLOWED = frozenset({(__name__, "Point")})


def stored(path: Path, key: str, value: object) -> None:
    store = Store(path)
    store.put(key, value)
    store.commit()
    store.close()


def test_a_cache_file_hard_linked_to_a_file_elsewhere_is_made_anew(tmp_path: Path) -> None:
    outside, cache = tmp_path / "outside.sqlite", tmp_path / "project" / ".build" / "cache"
    stored(outside, "kept", "a value of the file elsewhere")
    before = outside.read_bytes()
    cache.mkdir(parents=True)
    os.link(outside, cache / "html.sqlite")
    os.link(outside, cache / "html.sqlite-journal")  # SQLite would roll it back into the file
    stored(cache / "html.sqlite", "new", "a value of this project")
    assert outside.read_bytes() == before and os.stat(outside).st_nlink == 1
    store = Store(cache / "html.sqlite")
    assert store.get("new") == "a value of this project" and store.get("kept") is None


def test_a_cache_entry_that_would_call_a_function_is_a_miss(tmp_path: Path) -> None:
    class Calls:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("called",))

    path = tmp_path / "markdown.sqlite"
    stored(path, "plain", {"a": [1, "b", frozenset({"c"})]})
    with sqlite3.connect(path) as connection:
        data = zlib.compress(pickle.dumps(Calls()))
        connection.execute("INSERT INTO entries VALUES (?, ?)", ("hostile", data))
    store = Store(path, allowed=ALLOWED)
    assert store.get("hostile") is None
    assert store.get("plain") == {"a": [1, "b", frozenset({"c"})]}


def test_the_classes_a_store_is_made_to_hold_are_values(tmp_path: Path) -> None:
    point = Point(3, frozenset({"x"}))
    stored(tmp_path / "markdown.sqlite", "page", point)
    assert Store(tmp_path / "markdown.sqlite").get("page") is None  # not allowed there
    assert Store(tmp_path / "markdown.sqlite", allowed=ALLOWED).get("page") == point


def test_a_cache_that_cannot_be_written_is_a_warning(tmp_path: Path) -> None:
    assert cache_warnings(tmp_path) == ()  # no cache yet
    stored(tmp_path / CACHE_DIR / "html.sqlite", "key", "value")
    assert cache_warnings(tmp_path) == ()
    with read_only(tmp_path / CACHE_DIR):
        (warning,) = cache_warnings(tmp_path)
    assert str(warning).startswith(".build/cache: warning: the cache cannot be written: ")
    assert "a build works without it, more slowly" in warning.hint
