"""Regeneration does nothing when nothing changed, and everything needed when anything did."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from builders import override_default

from generator.engine import incremental
from generator.engine.incremental import STATE_FILE, regenerate
from generator.engine.write import write_pages

ARTICLE = "seeds/27-state-dept-readout-via-menafn-rubio-call-lavrov-2025-05-17.txt"


def test_a_second_regeneration_reads_and_writes_nothing(project_copy: Path) -> None:
    first = regenerate(project_copy)
    assert not first.skipped and first.written
    second = regenerate(project_copy)
    assert second.skipped
    assert (second.written, second.deleted) == ((), ())
    assert second.unchanged == len(first.written)
    assert second.epoch == first.epoch


def test_a_changed_input_regenerates(project_copy: Path) -> None:
    regenerate(project_copy)
    path = project_copy / ARTICLE
    path.write_bytes(path.read_bytes().replace(b"prisoner exchange", b"prisoner swap"))
    again = regenerate(project_copy)
    assert not again.skipped
    assert "articles/27-state-dept-readout-via-menafn-rubio-call-lavrov-2025-05-17.md" in (
        again.written
    )


def test_a_touched_output_is_put_back(project_copy: Path) -> None:
    first = regenerate(project_copy)
    page = project_copy / "generated" / "matrix.md"
    original = page.read_bytes()
    page.write_bytes(b"# edited by hand\n")
    (project_copy / "generated" / "stray.md").write_text("# stray\n", encoding="utf-8")
    (project_copy / "generated" / "review.md").unlink()
    again = regenerate(project_copy)
    assert not again.skipped
    assert set(again.written) == {"matrix.md", "review.md"}
    assert again.deleted == ("stray.md",)
    assert page.read_bytes() == original
    assert again.unchanged == len(first.written) - 2


def test_an_output_with_a_new_time_but_the_same_bytes_is_not_rewritten(
    project_copy: Path,
) -> None:
    regenerate(project_copy)
    page = project_copy / "generated" / "matrix.md"
    os.utime(page, ns=(0, 0))
    again = regenerate(project_copy)
    assert not again.skipped and again.written == ()


def test_a_broken_note_is_ignored(project_copy: Path) -> None:
    regenerate(project_copy)
    (project_copy / STATE_FILE).write_text("{not json", encoding="utf-8")
    again = regenerate(project_copy)
    assert not again.skipped and again.written == ()
    assert regenerate(project_copy).skipped


def test_stale_files_go_and_so_do_the_folders_they_leave_empty(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages({"a.md": "a\n", "old/deep/b.md": "b\n", "keep/c.md": "c\n"}, docs)
    (docs / "keep" / "stray.md").write_text("stray\n", encoding="utf-8")
    report = write_pages({"a.md": "a\n", "keep/c.md": "c\n"}, docs)
    assert report.deleted == ("keep/stray.md", "old/deep/b.md")
    assert (report.written, report.unchanged) == ((), 2)
    found = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*"))
    assert found == ["a.md", "keep", "keep/c.md"]


def test_a_template_edited_between_regenerations_is_compiled_again(project_copy: Path) -> None:
    # Compiled templates are kept in memory (the live preview regenerates in one process).
    override_default(project_copy, "templates/home.md.j2")
    template = project_copy / "templates" / "home.md.j2"
    original = template.read_text(encoding="utf-8")
    regenerate(project_copy)
    home = (project_copy / "generated" / "index.md").read_text(encoding="utf-8")
    template.write_text(original + "Edited by hand.\n", encoding="utf-8")
    regenerate(project_copy)
    edited = (project_copy / "generated" / "index.md").read_text(encoding="utf-8")
    assert edited == home + "Edited by hand.\n"
    template.write_text(original, encoding="utf-8")
    regenerate(project_copy)
    assert (project_copy / "generated" / "index.md").read_text(encoding="utf-8") == home


def test_the_tool_s_default_templates_are_part_of_its_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The defaults are in the package (the templates by a link): an edited default template
    # must make the next regeneration render again, as an edited project template does.
    package = tmp_path / "generator"
    shutil.copytree(incremental.GENERATOR, package)  # the templates' link copied as a folder
    monkeypatch.setattr(incremental, "GENERATOR", package)
    assert "defaults/templates/home.md.j2" in incremental.tool_files()
    before = incremental.generator_fingerprint()
    (package / "defaults" / "templates" / "home.md.j2").write_text("# Home\n", encoding="utf-8")
    assert incremental.generator_fingerprint() != before
