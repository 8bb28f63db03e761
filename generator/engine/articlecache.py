"""The articles a build read, kept in `.build/cache/articles.sqlite` for the next process.

The loader names each article by the stamps of the files it was read from
(generator/load/lasting.py); this store adds the tool's fingerprint to the key, so that a
changed generator or library reads every article again, and builds, when it unpickles, the
loader's records and nothing else (generator/engine/cache.py). Like every store of
`.build/cache/`, a file of it that is a hard link is made anew, and it only saves time: delete
it and the build reads every article, with the same output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.engine.cache import CACHE_DIR, Store, digest

ARTICLE_CACHE = "articles.sqlite"
ARTICLE_CLASSES = frozenset(
    (
        ("datetime", "date"),
        ("generator.load.extract.blocks", "Block"),
        ("generator.load.extract.blocks", "Extracted"),
        ("generator.load.extract.blocks", "Removed"),
        ("generator.load.inputs", "RawArticle"),
        ("generator.load.inputs", "YamlFile"),
        ("generator.load.marked_yaml", "MarkedDict"),
        ("generator.load.marked_yaml", "MarkedList"),
        ("generator.problems", "Location"),
        ("generator.problems", "Problem"),
    )
)
"""The classes of what an article's reading gives (its outlet is kept by its place)."""


class ArticleCache:
    """The loader's lasting store of articles (generator/load/reuse.py `Lasting`) below `root`,
    for the tool whose fingerprint is `tool` (incremental.generator_fingerprint)."""

    def __init__(self, root: Path, tool: str) -> None:
        self.store = Store(root / CACHE_DIR / ARTICLE_CACHE, allowed=ARTICLE_CLASSES)
        self.tool = tool

    def get(self, key: str) -> Any:
        return self.store.get(digest((self.tool, key)))

    def put(self, key: str, value: Any) -> None:
        self.store.put(digest((self.tool, key)), value)

    def save(self) -> None:
        """Keep what this build read, and only that (the articles of removed files go)."""
        self.store.commit()
        self.store.close()
