"""Reports name files and quote what they hold, and both may be hostile: a file name with a
line break must not split its location, nor one with terminal escapes or bidirectional
overrides repaint or reorder a terminal or a CI log. Every such character is printed as an
escape."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.problems import Location, Problem, printable

if TYPE_CHECKING:
    from builders import MiniProject

PLAIN = "The delegations met in Geneva on Monday and agreed to meet again.\n"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("bad\nname.txt", "bad\\nname.txt"),
        ("red\x1b[31mtext.txt", "red\\x1b[31mtext.txt"),
        ("evil\u202etxt.exe.txt", "evil\\u202etxt.exe.txt"),
        ("tab\there.txt", "tab\\there.txt"),
        ("line\u2028break.txt", "line\\u2028break.txt"),
    ],
)
def test_a_hostile_file_name_is_printed_escaped_on_its_line(
    name: str, shown: str, mini_project: MiniProject
) -> None:
    root = mini_project({f"seeds/{name}": PLAIN})
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 1
    first, hint, count = result.stderr.splitlines()
    assert first == f"seeds/{shown}:1:1: {first.split(': ', 1)[1]}"
    assert hint.startswith("  hint: ")
    assert count == "1 error in 1 file"


def test_an_undecodable_file_name_shows_its_bytes(mini_project: MiniProject) -> None:
    root = mini_project()
    with open(os.path.join(os.fsencode(root / "seeds"), b"caf\xe9.txt"), "wb") as file:
        file.write(PLAIN.encode())
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert result.stderr.startswith("seeds/caf\\xe9.txt:1:1: file name is not UTF-8\n")


def test_a_hostile_yaml_key_reaches_no_terminal(mini_project: MiniProject) -> None:
    """YAML strings are cleaned as pages show them: the escape is a space, the override gone."""
    edit = ("kind: state", 'kind: state\n"k\\e[2J\\u202e": 1')
    root = mini_project({"briefings/actors/northland.yaml": edit})
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "unknown key 'k [2J'" in result.stderr


def test_add_prints_a_web_address_as_given(mini_project: MiniProject) -> None:
    root = mini_project()
    result = CliRunner().invoke(main, ["add", "--root", str(root), "https://example.org/a//b"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "https://example.org/a//b: a web address, not a file: 'add' reads files\n"
        "  hint: save the page first"
    )


@given(st.text())
def test_a_printed_text_is_one_line_with_no_control_or_format_character(text: str) -> None:
    shown = str(Problem(Location(text), text, text))
    first, _, hint = shown.partition("\n  hint: ")
    for part in (first, hint):
        assert part.isprintable() or all(c.isprintable() or c.isspace() for c in part)
        assert "\n" not in part and "\r" not in part and "\x1b" not in part
    assert printable(text) == text or any(not c.isprintable() for c in text)
