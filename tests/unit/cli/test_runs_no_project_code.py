"""`briefing check` runs no code of the project, whatever its mkdocs.yml or templates say, and
reads no file outside it: each attempt is exit 1, a located message with a hint, no traceback,
and the canary outside the project is never made."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from generator.cli import main

if TYPE_CHECKING:
    from builders import MiniProject


def touch(canary: Path) -> str:
    return f"touch {canary}"


ATTEMPTS = {
    # name: (file, its text with {command}, the start of the message)
    "tag": (
        "mkdocs.yml",
        'extra:\n  x: !!python/object/apply:os.system ["{command}"]\n',
        "mkdocs.yml:2:6: '!!python/object/apply:os.system' would run code",
    ),
    "hook": (
        "mkdocs.yml",
        "hooks: [hook.py]\n",
        "mkdocs.yml:1:1: hooks are the project's Python code",
    ),
    "template": (
        "templates/about.md.j2",
        "{{{{ cycler.__init__.__globals__.os.system('{command}') }}}}\n",
        "templates/about.md.j2:1:1: template refused: access to attribute '__init__'",
    ),
    "snippets": (
        "mkdocs.yml",
        "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [/etc]\n",
        "mkdocs.yml:3:19: base_path '/etc' is outside the project",
    ),
}


@pytest.mark.parametrize("name", sorted(ATTEMPTS))
def test_check_refuses_at_the_line_and_runs_nothing(
    mini_project: MiniProject, tmp_path: Path, name: str
) -> None:
    canary = tmp_path / "canary"
    path, text, message = ATTEMPTS[name]
    root = mini_project(
        {path: text.format(command=touch(canary)), "hook.py": f"open({str(canary)!r}, 'w')\n"}
    )
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert "\n  hint: " in result.stderr and "Traceback" not in result.output
    assert not canary.exists()
