"""What a long-lived process (the live preview) computed in its previous regeneration, taken
again where it was computed from the same things.

Each stage names a result by a key (an article's path, a page's path) and says what it is
computed from, its basis: a file's size, modification time and inode for what the loader reads,
the very objects a previous stage returned for what the model and the render compute. A result
is taken again only when its basis is the same (`is`, else `==`), with the problems found when
it was computed; otherwise it is computed anew. So a regeneration after one edit reads the one
file edited, builds the one object it changes and renders the pages whose inputs it changes,
and its output is that of a regeneration from scratch: every result is a function of its basis
alone (each stage keeps that true where it calls `take`).

A published build is a process of its own: it takes again, from the `Lasting` store the
previous build left, the one result that costs most, the articles read (generator/load/lasting.py).

`intern` makes equal results the very same object from one regeneration to the next, so that
the bases made of them compare by identity, in no time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from generator.problems import Problem, Problems

T = TypeVar("T")
MEMO_SIZE = 1 << 18
"""Results kept of each memoised pure function (the Markdown filters): a large corpus's
paragraphs."""


@dataclass(frozen=True, slots=True)
class Entry:
    basis: Any
    value: Any
    problems: tuple[Problem, ...]


class Lasting(Protocol):
    """Values by key kept from one process to the next (generator/engine/articlecache.py)."""

    def get(self, key: str) -> Any:
        """The value kept under `key`, or None."""

    def put(self, key: str, value: Any) -> None:
        """Keep `value` (plain data and the loader's records) under `key`."""


def same(old: Any, new: Any) -> bool:
    return old is new or bool(old == new)


class Reuse:
    """The results of the previous regeneration, and those of the current one; the articles
    read by an earlier process too, with `lasting`."""

    def __init__(self, lasting: Lasting | None = None) -> None:
        self.lasting = lasting
        self.previous: dict[Hashable, Entry] = {}
        self.current: dict[Hashable, Entry] = {}
        self.memos: dict[Callable[..., Any], Callable[..., Any]] = {}
        self.computed = 0

    def take(
        self, key: Hashable, basis: Any, compute: Callable[[Problems], T], problems: Problems
    ) -> T:
        """The result named `key`: the previous one if its basis is the same, else computed
        (its problems recorded in a Problems of its own); its problems go to `problems`."""
        entry = self.current.get(key) or self.previous.get(key)
        if entry is None or not same(entry.basis, basis):
            local = Problems()
            entry = Entry(basis, compute(local), tuple(local.items))
            self.computed += 1
        self.current[key] = entry
        problems.extend(entry.problems)
        return entry.value  # type: ignore[no-any-return]

    def intern(self, key: Hashable, value: T) -> T:
        """`value`, or the equal value the previous regeneration gave under `key`."""
        entry = self.current.get(key) or self.previous.get(key)
        if entry is not None and same(entry.value, value):
            value = entry.value
        self.current[key] = Entry(None, value, ())
        return value

    def memoised(self, function: Callable[..., T]) -> Callable[..., T]:
        """`function` (pure, of hashable arguments) remembering its results across runs."""
        if function not in self.memos:
            self.memos[function] = functools.lru_cache(maxsize=MEMO_SIZE)(function)
        return self.memos[function]

    def finish(self, complete: bool) -> None:
        """End a regeneration. After a complete one only its results are kept (those of
        removed files go); after one stopped by errors, the earlier results stay too."""
        self.previous = self.current if complete else {**self.previous, **self.current}
        self.current = {}
        self.computed = 0
