"""`briefing init` and `briefing new`: a project of one's own, from the installed tool alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from builders import FIXTURES
from click.testing import CliRunner, Result

from generator.cli import main

DEMO_WORDS = re.compile(r"russia|ukrain|kremlin|moscow|kyiv|putin|zelensk|lavrov", re.I)
MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")
CORPUS_ARTICLE = FIXTURES / "new-article" / "wire-2026-02-12-lavrov-truce.txt"


def run(*arguments: str) -> Result:
    return CliRunner().invoke(main, list(arguments))


def init(tmp_path: Path, title: str = "Armenia–Azerbaijan peace talks") -> Path:
    root = tmp_path / "brief"
    result = run("init", str(root), "--title", title)
    assert result.exit_code == 0, result.output
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_new_project_passes_the_strict_check(tmp_path: Path) -> None:
    root = init(tmp_path)
    result = run("check", "--strict", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 1 actors, 1 issues, 1 positions, 1 articles\n"


def test_a_new_project_is_named_by_its_title_and_holds_no_demo_word(tmp_path: Path) -> None:
    from generator.engine.build import generate

    root = init(tmp_path)
    briefing = yaml.safe_load((root / "briefings" / "briefing.yaml").read_text(encoding="utf-8"))
    assert briefing["title"] == "Armenia–Azerbaijan peace talks"
    pages = generate(root).pages
    assert "<title>Armenia–Azerbaijan peace talks: position changes</title>" in str(
        pages["feed.xml"]
    )
    for path, content in [*pages.items(), *snapshot(root).items()]:
        text = content if isinstance(content, str) else content.decode("utf-8", "replace")
        assert not DEMO_WORDS.search(text), f"{path}: {DEMO_WORDS.search(text)}"


def test_every_schema_link_of_a_new_project_resolves(tmp_path: Path) -> None:
    root = init(tmp_path)
    assert (
        run("add", "--root", str(root), str(CORPUS_ARTICLE), "--date", "2026-02-12").exit_code == 0
    )
    assert run("new", "actor", "armenia", "--root", str(root)).exit_code == 0
    assert run("new", "issue", "borders", "--question", "Q?", "--root", str(root)).exit_code == 0
    lines = 0
    for path in sorted(root.rglob("*")):
        if path.suffix in (".yaml", ".md") and path.is_file():
            for found in MODELINE.finditer(path.read_text(encoding="utf-8")):
                target = (path.parent / found[1]).resolve()
                assert target.is_file(), f"{path.relative_to(root)} names {found[1]}"
                json.loads(target.read_text(encoding="utf-8"))
                lines += 1
    assert lines >= 6  # briefing, two actors, two issues, an article's front matter, a sidecar
    settings = json.loads((root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema in settings["yaml.schemas"]:
        assert (root / schema).is_file(), schema


def test_init_refuses_a_folder_holding_a_project_and_writes_nothing(tmp_path: Path) -> None:
    root = init(tmp_path)
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(root)
    result = run("init", str(root), "--title", "Again")
    assert result.exit_code == 1
    assert "already holds a briefing project" in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(root) == before


def test_new_actor_and_issue_write_valid_skeletons(tmp_path: Path) -> None:
    root = init(tmp_path)
    assert run("new", "actor", "armenia", "--root", str(root)).exit_code == 0
    person = ("new", "actor", "pashinyan", "--kind", "person", "--speaks-for", "armenia")
    assert run(*person, "--root", str(root)).exit_code == 0
    issue = ("new", "issue", "border-delimitation", "--question", "Delimit the border first?")
    assert run(*issue, "--root", str(root)).exit_code == 0
    result = run("check", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: 3 actors, 2 issues")


def test_new_refuses_ids_that_exist_or_are_not_valid(tmp_path: Path) -> None:
    root = init(tmp_path)
    before = snapshot(root)
    for bad in ("example-state", "Example", "index", "con"):
        result = run("new", "actor", bad, "--root", str(root))
        assert result.exit_code == 1 and "<options>" in result.stderr, (bad, result.output)
    assert (
        run("new", "issue", "example-issue", "--question", "Q?", "--root", str(root)).exit_code == 1
    )
    assert snapshot(root) == before


def test_new_position_is_checked_then_added_as_a_draft(tmp_path: Path) -> None:
    root = init(tmp_path)
    assert run("new", "actor", "armenia", "--root", str(root)).exit_code == 0
    position = ("new", "position", "armenia", "example-issue", "--stance", "supports")
    position += ("--summary", "Ready to talk.", "--article", "example-article")
    quotes = ("--quote", "Both sides agreed to meet again", "--quote", "next month")
    result = run(*position, *quotes, "--root", str(root))
    assert result.exit_code == 0, result.output
    check = run("check", "--strict", "--root", str(root))
    assert check.exit_code == 0, check.output
    assert "3 positions" not in check.stdout and "2 positions" in check.stdout
    again = run(*position, *quotes, "--root", str(root))
    assert again.exit_code == 1 and "already has a position" in again.stderr


def test_new_position_with_a_quote_not_in_the_article_writes_nothing(tmp_path: Path) -> None:
    root = init(tmp_path)
    before = snapshot(root)
    position = ("new", "position", "example-state", "nowhere", "--stance", "supports")
    position += ("--summary", "x", "--article", "example-article", "--quote", "words never said")
    result = run(*position, "--root", str(root))
    assert result.exit_code == 1
    assert "unknown issue 'nowhere'" in result.stderr
    assert "quote not found in article 'example-article'" in result.stderr
    assert snapshot(root) == before
