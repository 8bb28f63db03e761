"""A build takes again the articles an earlier build read, from `.build/cache/articles.sqlite`,
while their files keep their stamps, and generates what a build from scratch generates."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from builders import copy_project

from generator.engine.articlecache import ARTICLE_CACHE, ArticleCache
from generator.engine.cache import CACHE_DIR
from generator.engine.incremental import generator_fingerprint, regenerate
from generator.load import inputs, lasting
from generator.load.lasting import packed, unpacked
from generator.load.reuse import Reuse
from generator.problems import Problems

NEW_ARTICLE = Path(__file__).parents[2] / "fixtures" / "new-article"
SOURCES = """\
outlets:
  wire:
    name: Example Wire
    hosts: [wire.example.org]
    chrome:
      - Wire desk
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def add_article(root: Path) -> None:
    for path in NEW_ARTICLE.iterdir():
        shutil.copy(path, root / "seeds" / path.name)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles read from their files (not taken from a store), by name; every file
    settled at once (the tests' files are all made a moment before they are built)."""
    monkeypatch.setattr(lasting, "SETTLED", 0)
    read: list[str] = []
    load_article: Callable[..., Any] = inputs.load_article

    def counted(root: Path, path: Path, *rest: Any, **options: Any) -> Any:
        read.append(path.name)
        return load_article(root, path, *rest, **options)

    monkeypatch.setattr(inputs, "load_article", counted)
    return read


def test_a_build_after_an_added_article_reads_it_alone_and_writes_what_a_cold_one_does(
    reads: list[str], tmp_path: Path
) -> None:
    warm = copy_project(tmp_path / "warm")
    regenerate(warm)
    assert len(reads) > 1 and (warm / CACHE_DIR / ARTICLE_CACHE).is_file()
    add_article(warm)
    reads.clear()
    regenerate(warm)
    assert reads == ["wire-2026-02-12-lavrov-truce.txt"]
    cold = copy_project(tmp_path / "cold")
    add_article(cold)
    regenerate(cold)
    assert tree(warm / "generated") == tree(cold / "generated")


def test_an_article_changed_is_read_again(reads: list[str], project_copy: Path) -> None:
    regenerate(project_copy)
    article = sorted((project_copy / "seeds").glob("*.txt"))[0]
    article.write_bytes(article.read_bytes() + b"\nOne more paragraph, added later.\n")
    reads.clear()
    regenerate(project_copy)
    assert reads == [article.name]


def test_an_article_reached_through_a_link_is_read_again(
    reads: list[str], project_copy: Path
) -> None:
    """The link's stamp stays when the file it leads to changes."""
    target = project_copy / "briefings" / "linked.txt"
    target.write_text("Linked\n\nAn article kept beside the briefings.\n", encoding="utf-8")
    (project_copy / "seeds" / "linked.txt").symlink_to(target)
    regenerate(project_copy)
    target.write_text("Linked\n\nThe same article, changed.\n", encoding="utf-8")
    reads.clear()
    regenerate(project_copy)
    assert reads == ["linked.txt"]


def test_a_file_just_changed_is_not_kept(project_copy: Path) -> None:
    """Within a tick of the file system's clock a second write could keep the stamp."""
    kept = ArticleCache(project_copy, generator_fingerprint())
    raw = inputs.load_inputs(project_copy, Problems(), reuse=Reuse(kept))
    assert raw.articles and not kept.store.fresh


def test_an_outlet_is_kept_by_its_place(mini_project: Any) -> None:
    root = mini_project(
        {
            "briefings/sources.yaml": SOURCES,
            "seeds/envoys.txt": "Wire desk\nEnvoys meet\n\nThey met on Tuesday.\n",
            "seeds/envoys.meta.yaml": "date: 2026-02-03\nurl: https://wire.example.org/a/1\n",
        }
    )
    problems = Problems()
    sources = inputs.load_sources(root, problems)
    article = inputs.load_article(root, root / "seeds" / "envoys.txt", problems, sources=sources)
    assert article is not None and article.outlet is sources.outlets[0]
    assert unpacked(packed(article, (), sources), sources) == (article, ())
    assert unpacked(("not", "an", "article"), sources) is None
    assert unpacked(packed(article, (), sources)[:2], sources) is None


def test_another_tool_reads_every_article_again(tmp_path: Path) -> None:
    ArticleCache(tmp_path, "one tool").put("key", "value")
    first = ArticleCache(tmp_path, "one tool")
    first.put("key", "value")
    first.save()
    assert ArticleCache(tmp_path, "one tool").get("key") == "value"
    assert ArticleCache(tmp_path, "another tool").get("key") is None
