"""A regeneration that takes again what the previous one computed writes what one from scratch
would: after an edit, a new article, a removed one, and a broken input that is then repaired."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.engine.build import DOCS_DIR, generate
from generator.engine.fulltext import split_parts
from generator.engine.incremental import Regeneration
from generator.problems import BriefingError

RUSSIA = "briefings/actors/russia.yaml"
NEW_ARTICLE = Path(__file__).parents[2] / "fixtures" / "new-article"
REMOVED = "seeds/07-kremlin-en-transcript-78571-putin-answers-bishkek-2025-11-27"


def on_disk(root: Path) -> dict[str, bytes]:
    folder = root / DOCS_DIR
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def from_scratch(root: Path) -> dict[str, bytes]:
    pages = generate(root).pages
    return {k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in pages.items()}


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_regeneration_writes_what_one_from_scratch_writes(project_copy: Path) -> None:
    regeneration = Regeneration(project_copy)
    regeneration.run()
    edit(project_copy, RUSSIA, "summary: ", "summary: Now edited. ")
    report = regeneration.run()
    assert "actors/russia.md" in report.written
    assert not any(name.startswith("articles/") for name in report.written)
    assert on_disk(project_copy) == from_scratch(project_copy)
    for path in NEW_ARTICLE.iterdir():
        shutil.copy(path, project_copy / "seeds" / path.name)
    for path in (project_copy / "seeds").glob(Path(REMOVED).name + ".*"):
        path.unlink()
    report = regeneration.run()
    assert report.deleted
    assert on_disk(project_copy) == from_scratch(project_copy)


def test_a_broken_input_writes_nothing_and_its_repair_everything(project_copy: Path) -> None:
    regeneration = Regeneration(project_copy)
    regeneration.run()
    before = on_disk(project_copy)
    edit(project_copy, RUSSIA, "summary: ", "summary: [unclosed ")
    with pytest.raises(BriefingError):
        regeneration.run()
    assert on_disk(project_copy) == before
    edit(project_copy, RUSSIA, "summary: [unclosed ", "summary: Repaired. ")
    regeneration.run()
    assert on_disk(project_copy) == from_scratch(project_copy)


def test_full_text_parts_depend_on_the_pages_alone() -> None:
    pages = sorted(
        [f"articles/a{n:05}/index.html" for n in range(6000)]
        + [f"actors/x{n}/index.html" for n in range(40)]
        + ["index.html", "articles/index.html"]
    )
    parts = split_parts(pages)
    assert sorted(page for part in parts for page in part) == pages
    assert all(len(part) <= 2500 for part in parts)
    assert "articles/index.html" in parts[0] and "actors/x0/index.html" in parts[0]
    more = split_parts(sorted([*pages, "articles/new/index.html"]))
    changed = [number for number, (a, b) in enumerate(zip(parts, more, strict=True)) if a != b]
    assert len(changed) == 1  # the new article's part only
