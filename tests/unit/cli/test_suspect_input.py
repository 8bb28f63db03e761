"""Input that is accepted by its form but almost surely wrong, and options that make no
sense: each is a located warning or error with a hint, said before anything is done."""

from __future__ import annotations

import datetime
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.cli.options import host_and_port
from generator.engine.commit import JOURNAL

if TYPE_CHECKING:
    from builders import MiniProject

NORTHLAND = "briefings/actors/northland.yaml"


def run(root: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, [*arguments[:1], "--root", str(root), *arguments[1:]])


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    day = datetime.date(2026, 2, 10)
    monkeypatch.setattr("generator.model.current_date", lambda: day)
    return day


def test_an_as_of_date_in_the_future_is_a_warning(
    mini_project: MiniProject, today: datetime.date
) -> None:
    history = "    history:\n      - {as_of: 2026-03-01, stance: opposes}\n"
    edit = ("as_of: 2026-02-02\n", f"as_of: 2026-03-02\n{history}")
    root = mini_project({NORTHLAND: edit})
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{NORTHLAND}:8:12: warning: as-of date 2026-03-02 is in the future\n"
        "  hint: an as-of date says when a stance held: use that day, today or earlier\n"
        f"{NORTHLAND}:10:17: warning: history date 2026-03-01 is in the future\n"
        "  hint: an as-of date says when a stance held: use that day, today or earlier\n"
        "2 warnings in 1 file\n"
    )
    assert run(root, "check", "--strict").exit_code == 1


def test_today_is_not_in_the_future(mini_project: MiniProject, today: datetime.date) -> None:
    root = mini_project({NORTHLAND: ("as_of: 2026-02-02", f"as_of: {today}")})
    result = run(root, "check")
    assert result.exit_code == 0 and "future" not in result.stderr


def test_article_ids_that_differ_only_in_case_are_an_error(mini_project: MiniProject) -> None:
    root = mini_project()
    (root / "seeds" / "Talks.md").write_bytes((root / "seeds" / "talks.md").read_bytes())
    result = run(root, "check")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "seeds/talks.md:1:1: article id 'talks' is also used by seeds/Talks.md (as 'Talks', in "
        "another case)\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["status", "--limit", "-1"], "Invalid value for '--limit': -1 is not in the range 0<="),
        (["suggest", "--limit", "-5"], "Invalid value for '--limit': -5 is not in the range 0<="),
        (["status", "--limit", "9" * 30], "Invalid value for '--limit'"),
        (["check", "--max-file-bytes", "9" * 23], "Invalid value for '--max-file-bytes'"),
        (["build", "--max-file-bytes", "0"], "Invalid value for '--max-file-bytes'"),
        (["serve", "--dev-addr", "nonsense"], "Invalid value for '--dev-addr': 'nonsense' is not"),
        (["serve", "--dev-addr", "127.0.0.1:0"], "Invalid value for '--dev-addr'"),
        (["serve", "--dev-addr", "example.org:80"], "Invalid value for '--dev-addr'"),
    ],
)
def test_a_meaningless_option_is_refused_before_anything_is_done(
    arguments: list[str], message: str, mini_project: MiniProject
) -> None:
    root = mini_project()
    result = run(root, *arguments)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert not (root / "generated").exists() and not (root / ".build").exists()


@pytest.mark.parametrize("address", ["127.0.0.1:8000", "localhost:1", "[::1]:65535", "::1:80"])
def test_an_address_mkdocs_takes_is_taken(address: str) -> None:
    assert host_and_port(click.Context(click.Command("serve")), click.Option(["-x"]), address)


@pytest.mark.parametrize(
    ("name", "message", "hint"),
    [
        ("missing.txt", "cannot read the file: No such file or directory", "check that it exists"),
        ("folder", "a folder, not a file", "name a file, or the files in the folder"),
    ],
)
def test_add_says_what_is_wrong_with_a_path(
    name: str, message: str, hint: str, mini_project: MiniProject, tmp_path: Path
) -> None:
    (tmp_path / "folder").mkdir()
    result = run(mini_project(), "add", str(tmp_path / name))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / name}: {message}\n  hint: {hint}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("site_url: [oops\n", "mkdocs.yml:2:1: YAML syntax error: expected ',' or ']'"),
        ("site_url: 'a\x01'\n", "mkdocs.yml:1:13: character U+0001 is not allowed in YAML"),
        ("extra: !!int x\n", "mkdocs.yml:1:8: YAML syntax error: the value is not a valid '!!int'"),
        ("extra: " + "[" * 200 + "\n", "mkdocs.yml:1:57: YAML syntax error: nested deeper than 50"),
    ],
)
def test_a_broken_site_configuration_is_one_located_line(
    text: str, expected: str, mini_project: MiniProject
) -> None:
    root = mini_project({"mkdocs.yml": text})
    result = run(root, "check")
    assert result.exit_code == 1
    first, hint, count = result.stderr.splitlines()
    assert first.startswith(expected)
    assert hint.startswith("  hint: ") and count == "1 error in 1 file"


def test_an_address_in_use_is_refused_before_anything_is_built(mini_project: MiniProject) -> None:
    root = mini_project()
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = run(root, "serve", "--dev-addr", f"127.0.0.1:{port}")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot serve on 127.0.0.1:{port}: Address already in use\n"
        "  hint: choose another address with --dev-addr, e.g. 127.0.0.1:8001\n"
    )
    assert result.stdout == "" and not (root / "generated").exists()


LONG = "a" * 230


@pytest.mark.parametrize(
    ("rename", "edit", "expected"),
    [
        (("seeds/talks.md", f"seeds/{LONG}.md"), None, f"seeds/{LONG}.md:1:1: id of 230 bytes"),
        (
            ("briefings/issues/ceasefire.yaml", f"briefings/issues/{LONG}.yaml"),
            None,
            f"briefings/issues/{LONG}.yaml:1:1: id of 230 bytes",
        ),
        (None, ("seeds/talks.md", ("---\n", f"---\nid: {LONG}\n")), "seeds/talks.md:2:5: id of"),
    ],
)
def test_an_id_too_long_to_name_a_file_is_refused_where_it_is_given(
    rename: tuple[str, str] | None,
    edit: tuple[str, tuple[str, str]] | None,
    expected: str,
    mini_project: MiniProject,
) -> None:
    root = mini_project(dict([edit]) if edit else None)
    if rename:
        (root / rename[0]).rename(root / rename[1])
    result = run(root, "check")
    assert result.exit_code == 1
    line = next(line for line in result.stderr.splitlines() if "too long" in line)
    assert line.startswith(expected)
    assert line.endswith("bytes is too long: pages are named after it (at most 200)")
    if edit:  # the article that failed its check is not reported again where it is cited
        assert "unknown article" not in result.stderr


def test_new_names_a_link_that_leads_nowhere(mini_project: MiniProject) -> None:
    root = mini_project()
    (root / "briefings" / "actors" / "eastland.yaml").symlink_to("gone.yaml")
    result = CliRunner().invoke(main, ["new", "actor", "--root", str(root), "eastland"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "briefings/actors/eastland.yaml: a link to 'gone.yaml', which does not exist\n"
        "  hint: delete the link (or restore the file it leads to), or choose another id\n"
    )
    result = CliRunner().invoke(main, ["new", "actor", "--root", str(root), LONG])
    assert result.stderr.startswith("<options>:1:1: id of 230 bytes is too long")


def test_add_refuses_a_project_whose_seeds_hold_a_link_that_leads_nowhere(
    mini_project: MiniProject, tmp_path: Path
) -> None:
    root = mini_project()
    (root / "seeds" / "story.txt").symlink_to("gone.txt")
    (tmp_path / "story.txt").write_text("Talks\n\nThe envoys of Northland met again.\n")
    result = run(root, "add", str(tmp_path / "story.txt"))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "seeds/story.txt:1:1: a link to 'gone.txt', which does not exist\n"
    )
    assert sorted(os.listdir(root / "seeds")) == ["story.txt", "talks.md"]


def test_check_warns_of_a_build_interrupted_while_it_replaced_the_outputs(
    mini_project: MiniProject,
) -> None:
    root = mini_project()
    (root / JOURNAL).parent.mkdir(parents=True)
    (root / JOURNAL).write_text(
        '{"written": [], "added": [], "stale": [], "folders": [], "emptied": [], "site": true}\n'
    )
    result = run(root, "check")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        ".build/stage/journal.json: warning: an interrupted build left generated/ and site/ "
        "half updated\n  hint: the next build or preview puts them back"
    )
