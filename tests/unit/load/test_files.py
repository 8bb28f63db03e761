"""Finding project files: one walk for the loader, the regeneration note and the writer."""

from __future__ import annotations

from pathlib import Path

from generator.load.files import walk_files


def test_walk_lists_files_by_relative_path_links_but_not_linked_folders(tmp_path: Path) -> None:
    """A link that leads nowhere is listed too, so that reading it says so."""
    top, outside = tmp_path / "top", tmp_path / "outside"
    (top / "b" / "c").mkdir(parents=True)
    (top / ".hidden").mkdir()
    outside.mkdir()
    for name in ("a.md", "b/c/d.md", "b-e.md", ".x.swp", ".hidden/f.md"):
        (top / name).write_text(name, encoding="utf-8")
    (outside / "g.md").write_text("g", encoding="utf-8")
    (top / "link.md").symlink_to(top / "a.md")
    (top / "nothing.md").symlink_to(top / "missing.md")
    (top / "folder").symlink_to(outside)
    everything = [".hidden/f.md", ".x.swp", "a.md", "b-e.md", "b/c/d.md", "link.md", "nothing.md"]
    assert walk_files(top) == everything
    assert walk_files(top, hidden=False) == [n for n in everything if n != ".x.swp"]
    assert walk_files(tmp_path / "absent") == []
    assert walk_files(top / "a.md") == []
