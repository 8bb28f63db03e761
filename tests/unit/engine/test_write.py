"""Putting pages on disk: only changed bytes are written, stale files go."""

from __future__ import annotations

import os
from pathlib import Path

from builders import tree_digest, write_files

from generator.engine.write import delete_others, write_if_changed, write_pages


def mtime(path: Path) -> int:
    return path.stat().st_mtime_ns


def age(path: Path) -> None:
    """Give the file an old mtime, so that a rewrite shows."""
    os.utime(path, ns=(10**9, 10**9))


def test_a_file_is_written_only_when_its_bytes_change(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    assert write_if_changed(page, "# Talks\n")
    age(page)
    assert not write_if_changed(page, "# Talks\n")
    assert not write_if_changed(page, b"# Talks\n")
    assert mtime(page) == 10**9
    assert write_if_changed(page, "# Talks, again\n")
    assert page.read_text(encoding="utf-8") == "# Talks, again\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"], "no temporary file left"


def test_text_is_written_as_utf8_and_bytes_as_they_are(tmp_path: Path) -> None:
    write_if_changed(tmp_path / "a.md", "Kyiv – Київ\n")
    write_if_changed(tmp_path / "b.png", b"\x89PNG\r\n")
    assert (tmp_path / "a.md").read_bytes() == "Kyiv – Київ\n".encode()
    assert (tmp_path / "b.png").read_bytes() == b"\x89PNG\r\n"


def test_the_docs_folder_holds_exactly_the_pages(tmp_path: Path) -> None:
    docs = write_files(
        tmp_path / "docs",
        {"index.md": "# Home\n", "old/gone.md": "# Gone\n", "actors/a.md": "# A\n"},
    )
    age(docs / "index.md")
    report = write_pages({"index.md": "# Home\n", "actors/a.md": "# A!\n", "new/b.md": "B\n"}, docs)
    assert (report.written, report.deleted, report.unchanged) == (
        ("actors/a.md", "new/b.md"),
        ("old/gone.md",),
        1,
    )
    assert set(tree_digest(docs)) == {"index.md", "actors/a.md", "new/b.md"}
    assert not (docs / "old").exists(), "a folder left empty goes too"
    assert mtime(docs / "index.md") == 10**9


def test_delete_others_keeps_what_is_listed_and_the_folder_itself(tmp_path: Path) -> None:
    docs = write_files(tmp_path / "docs", {"a/b/c.md": "c", "a/d.md": "d", ".hidden": "h"})
    assert delete_others(docs, {"a/d.md"}) == (".hidden", "a/b/c.md")
    assert set(tree_digest(docs)) == {"a/d.md"}
    assert delete_others(docs, set()) == ("a/d.md",)
    assert docs.is_dir() and not any(docs.iterdir())
