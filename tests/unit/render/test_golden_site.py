"""The whole demo site's Markdown, byte for byte; refresh with `pytest --update-goldens`.

The files the site takes as they are from the tool (its hand-written pages and assets, the
schemas) are compared with their packaged sources, not with second copies kept here."""

from __future__ import annotations

import shutil
from pathlib import Path

from builders import DEMO, TESTS

from generator import defaults
from generator.engine.build import generate
from generator.load.schema import SCHEMA_DIR
from generator.render.urls import POSITIONS_SCHEMA

REPO = DEMO
GOLDEN = TESTS / "golden" / "site"


def packaged_source(path: str) -> Path | None:
    """The tool's file that the site's `path` is a copy of, if it is one."""
    if path == POSITIONS_SCHEMA or path.startswith("schemas/"):
        return SCHEMA_DIR / Path(path).name
    source = defaults.PAGES / path
    return source if source.is_file() else None


def golden_files() -> dict[str, bytes]:
    return {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()
    }


def as_bytes(content: str | bytes) -> bytes:
    """A page as written: text in UTF-8; a hand-written file that is not Markdown as it is."""
    return content if isinstance(content, bytes) else content.encode("utf-8")


def test_demo_site_markdown_matches_golden(update_goldens: bool) -> None:
    pages = {path: as_bytes(content) for path, content in generate(REPO).pages.items()}
    for path in sorted(pages):
        if (source := packaged_source(path)) is not None:
            assert pages.pop(path) == source.read_bytes(), f"{path} is not its source {source}"
    if update_goldens:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, data in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(data)
    expected = golden_files()
    assert sorted(pages) == sorted(expected)
    for path, data in sorted(pages.items()):
        assert data == expected[path], f"{path} differs from its golden file"


def test_generation_is_deterministic() -> None:
    assert generate(REPO).pages == generate(REPO).pages


def test_every_page_ends_with_one_newline() -> None:
    for path, content in generate(REPO).pages.items():
        text = as_bytes(content)
        assert text.endswith(b"\n") and not text.endswith(b"\n\n"), path
        assert b"\r" not in text, path
