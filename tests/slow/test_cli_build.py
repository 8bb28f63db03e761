"""The `briefing build` command as a user runs it."""

from __future__ import annotations

from pathlib import Path

from builders import tree_digest
from click.testing import CliRunner

from generator.cli import main


def test_build_twice_gives_identical_bytes(project_copy: Path) -> None:
    root = project_copy
    first = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert first.exit_code == 0, first.output
    site_before = tree_digest(root / "site")
    assert "index.html" in site_before and "search/search_index.json" in site_before
    second = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert second.exit_code == 0, second.output
    assert "0 written, 0 deleted" in second.stdout
    assert tree_digest(root / "site") == site_before


def test_build_removes_pages_of_removed_things(project_copy: Path) -> None:
    root = project_copy
    assert CliRunner().invoke(main, ["build", "--root", str(root)]).exit_code == 0
    (
        root / "seeds" / "07-kremlin-en-transcript-78571-putin-answers-bishkek-2025-11-27.txt"
    ).unlink()
    (
        root / "seeds" / "07-kremlin-en-transcript-78571-putin-answers-bishkek-2025-11-27.meta.yaml"
    ).unlink()
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    stale = "articles/07-kremlin-en-transcript-78571-putin-answers-bishkek-2025-11-27.md"
    assert not (root / "generated" / stale).exists()
