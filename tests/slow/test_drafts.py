"""Draft positions: unmistakable on a working site, absent from a published one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from click.testing import CliRunner

from generator.cli import main
from generator.engine.build import generate

if TYPE_CHECKING:
    from builders import MiniProject

SOUTHLAND = "briefings/actors/southland.yaml"
DRAFT_SUMMARY = "Accepts a ceasefire only after guarantees."
TEXT_SUFFIXES = (".md", ".html", ".json", ".csv", ".xml")


def set_draft(root: Path, value: str = "true") -> None:
    """Give Southland's ceasefire position a `draft:` line before its stance."""
    path = root / SOUTHLAND
    text = path.read_text(encoding="utf-8")
    stance = "    stance: conditional"
    path.write_text(text.replace(stance, f"    draft: {value}\n{stance}"), encoding="utf-8")


def test_a_draft_carries_a_banner_and_marks(mini_project: MiniProject) -> None:
    root = mini_project()
    set_draft(root)
    pages = generate(root).pages
    assert '!!! danger "Draft"' in pages["actors/southland.md"]
    assert '!!! danger "Draft"' in pages["issues/ceasefire.md"]
    draft_cell = '(actors/southland.md#ceasefire) <span class="draft-mark">draft</span>'
    assert draft_cell in pages["matrix.md"]
    assert "marks a position that awaits review" in pages["matrix.md"]
    assert '<span class="draft-mark">draft</span>' in pages["articles/talks.md"]
    assert (
        "southland,Southland,ceasefire,Ceasefire,conditional,2026-02-02,true,"
        in (pages["positions.csv"])
    )
    assert "conditional (draft)" in pages["matrix.csv"]
    assert "<title>Draft: Southland on Ceasefire" in pages["feed.xml"]


def test_a_reviewed_position_has_no_draft_mark(mini_project: MiniProject) -> None:
    pages = generate(mini_project()).pages
    texts = {path: c if isinstance(c, str) else c.decode() for path, c in pages.items()}
    marked = sorted(path for path, text in texts.items() if "draft-mark" in text)
    assert marked == ["assets/briefing.css", "methodology.md"]  # the style and its explanation
    assert "Draft" not in pages["actors/southland.md"]


def test_a_published_build_leaves_drafts_out_entirely(mini_project: MiniProject) -> None:
    root = mini_project()
    set_draft(root)
    result = CliRunner().invoke(main, ["build", "--no-drafts", "--root", str(root)])
    assert result.exit_code == 0, result.output
    outputs = [p for folder in ("generated", "site") for p in (root / folder).rglob("*")]
    texts = {p: p.read_text(encoding="utf-8") for p in outputs if p.suffix in TEXT_SUFFIXES}
    assert (root / "site" / "search" / "search_index.json") in texts
    for path, text in texts.items():
        assert DRAFT_SUMMARY not in text, path
        assert 'danger "Draft"' not in text, path
    matrix = (root / "generated" / "matrix.md").read_text(encoding="utf-8")
    assert "actors/southland.md#ceasefire" not in matrix
    assert "southland" not in (root / "generated" / "positions.csv").read_text(encoding="utf-8")


def test_publish_is_another_name_for_no_drafts(mini_project: MiniProject) -> None:
    root = mini_project()
    set_draft(root)
    result = CliRunner().invoke(main, ["build", "--publish", "--root", str(root)])
    assert result.exit_code == 0, result.output
    actor_page = (root / "generated" / "actors" / "southland.md").read_text(encoding="utf-8")
    assert "No position recorded yet." in actor_page


def test_draft_must_be_true_or_false(mini_project: MiniProject) -> None:
    root = mini_project()
    set_draft(root, "maybe")
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert (
        "briefings/actors/southland.yaml:5:12: positions.ceasefire.draft must be true or false"
        in (result.stderr)
    )
