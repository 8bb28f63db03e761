"""A build changes generated/ and site/ only when all of it succeeds; one build runs at a time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from builders import override_default
from click.testing import CliRunner

from generator.cli import main
from generator.engine.lock import build_lock

if TYPE_CHECKING:
    from builders import MiniProject

OUTPUTS = ("generated", "site")


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the outputs with its bytes and mtime, keyed by path."""
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for folder in OUTPUTS
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def build(root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *options, "--root", str(root)])
    return result.exit_code, result.output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_a_link(root: Path) -> None:
    """A template change that every check accepts but MkDocs' strict link validation refuses."""
    override_default(root, "templates/home.md.j2")
    home = root / "templates" / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + "\n[gone](nowhere.md)\n", encoding="utf-8")


def test_failed_site_build_changes_nothing(project_copy: Path) -> None:
    root = project_copy
    assert build(root)[0] == 0
    before = snapshot(root)
    # New content for the pages (so a half-done build would show), and a broken link.
    edit(root / "briefings" / "actors" / "russia.yaml", "Regards Western", "Sees Western")
    break_a_link(root)
    status, output = build(root)
    assert status == 1, output
    assert "nowhere.md" in output
    assert "the MkDocs build failed (see above); generated/ and site/ are unchanged" in output
    assert snapshot(root) == before
    assert not (root / ".build" / "stage").exists()
    assert not (root / ".build.mkdocs.yml").exists()


def test_first_build_that_fails_creates_no_outputs(project_copy: Path) -> None:
    break_a_link(project_copy)
    assert build(project_copy)[0] == 1
    assert not any((project_copy / folder).exists() for folder in OUTPUTS)


def test_rebuild_rewrites_only_changed_pages(project_copy: Path) -> None:
    root = project_copy
    assert build(root)[0] == 0
    before = snapshot(root)
    edit(root / "briefings" / "actors" / "russia.yaml", "Regards Western", "Sees Western")
    status, output = build(root)
    assert status == 0, output
    after = snapshot(root)
    docs = [path for path in after if path.startswith("generated/")]
    assert sorted(docs) == sorted(path for path in before if path.startswith("generated/"))
    changed = [path for path in docs if after[path][0] != before[path][0]]
    touched = [path for path in docs if after[path][1] != before[path][1]]
    assert "generated/actors/russia.md" in changed
    assert touched == changed, "a file whose bytes did not change got a new mtime"
    assert len(changed) < len(docs) / 4
    assert f"generated/: {len(changed)} written, 0 deleted" in output


def test_killed_swap_is_recovered(project_copy: Path) -> None:
    """A build killed between the two renames of the site swap left the old site aside."""
    root = project_copy
    assert build(root)[0] == 0
    before = snapshot(root)
    (root / ".build" / "stage").mkdir(parents=True)
    (root / "site").rename(root / ".build" / "stage" / "previous-site")
    break_a_link(root)
    assert build(root)[0] == 1
    assert snapshot(root) == before


def test_second_build_fails_while_one_holds_the_lock(project_copy: Path) -> None:
    with build_lock(project_copy):
        status, output = build(project_copy)
    assert status == 1
    assert f"another build is running (pid {os.getpid()}) in this project" in output
    assert "Traceback" not in output
    assert not any((project_copy / folder).exists() for folder in OUTPUTS)
    assert build(project_copy)[0] == 0, "the lock is released with its holder"


def test_strict_build_fails_on_a_warning_and_writes_nothing(project_copy: Path) -> None:
    article = "13-govuk-via-wiredgov-pm-virtual-meeting-coalition-of-willing-2025-09-04"
    quote = '"Discussing the latest military planning for the Coalition of the Willing"'
    edit(
        project_copy / "briefings" / "actors" / "united-kingdom.yaml",
        f"      - article: {article}\n        quote: {quote}\n        type: readout\n",
        "",
    )
    assert build(project_copy)[0] == 0
    before = snapshot(project_copy)
    status, output = build(project_copy, "--strict")
    assert status == 1
    assert "warning: the position rests on a single quote" in output
    assert "1 warning in 1 file (--strict: warnings fail the run)" in output
    assert snapshot(project_copy) == before


IMAGE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\r\n\r"
FONT = bytes(range(256)) * 4


def test_pages_may_hold_images_and_fonts(mini_project: MiniProject) -> None:
    root = mini_project(
        {
            "pages/assets/logo.png": IMAGE,
            "pages/assets/fonts/serif.woff2": FONT,
            "pages/logo.md": "# Logo\n\n![Logo](assets/logo.png)\n",
        }
    )
    assert build(root)[0] == 0
    for folder in ("generated", "site"):
        assert (root / folder / "assets" / "logo.png").read_bytes() == IMAGE
        assert (root / folder / "assets" / "fonts" / "serif.woff2").read_bytes() == FONT
    assert '<img alt="Logo" src="../assets/logo.png"' in (
        (root / "site" / "logo" / "index.html").read_text(encoding="utf-8")
    )
    assert build(root)[0] == 0, "a build with nothing to generate republishes them as they are"
    assert (root / "site" / "assets" / "logo.png").read_bytes() == IMAGE
