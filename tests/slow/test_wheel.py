"""The tool as a new user gets it: the wheel installed in a fresh virtual environment, a project
made by `briefing init` in an empty folder, an article added, a position written, a strict
build, and the site opened in a real browser. Nothing is copied from this repository but the
one article added."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from builders import DEMO, TESTS
from playwright.sync_api import Browser

REPO = TESTS.parent
ARTICLE = DEMO / "seeds"
UK_READOUT = "13-govuk-via-wiredgov-pm-virtual-meeting-coalition-of-willing-2025-09-04"
DEMO_WORDS = re.compile(r"russia|ukrain|kremlin|moscow|kyiv|putin|zelensk|lavrov", re.I)


def run(command: list[str], cwd: Path) -> str:
    """Run a command of the installed tool; its standard output (it must succeed)."""
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return result.stdout


def install_wheel(tmp_path: Path) -> Path:
    """Build the wheel and install it in a new virtual environment; its `briefing` command."""
    wheels = tmp_path / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels)]
    run([*build, str(REPO)], tmp_path)
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    (wheel,) = wheels.glob("briefing_site-*.whl")
    install = [str(venv / "bin" / "pip"), "install", "--quiet"]
    run([*install, "--constraint", str(REPO / "constraints.txt"), str(wheel)], tmp_path)
    return venv / "bin" / "briefing"


def built_text(site: Path) -> str:
    pages = (
        sorted(site.rglob("*.html")) + sorted(site.rglob("*.xml")) + sorted(site.rglob("*.json"))
    )
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def test_a_new_briefing_from_the_wheel(
    tmp_path: Path, browser: Browser, serve_folder: Callable[[Path], str]
) -> None:
    briefing = str(install_wheel(tmp_path))
    run([briefing, "init", "brief", "--title", "Armenia–Azerbaijan peace talks"], tmp_path)
    root = tmp_path / "brief"
    run([briefing, "build", "--strict"], root)
    found = DEMO_WORDS.search(built_text(root / "site"))
    assert found is None, f"the new site speaks of the demo: {found}"

    seed = ARTICLE / f"{UK_READOUT}.txt"
    added = run([briefing, "add", str(seed), "--date", "2025-09-04", "--licence", "OGL v3.0"], root)
    article_id = re.search(r"^added (\S+):", added, re.M)
    assert article_id is not None, added
    run([briefing, "new", "issue", "security", "--question", "Guarantees first?"], root)
    position = [briefing, "new", "position", "example-state", "security", "--stance", "supports"]
    position += ["--summary", "Backs the pledge.", "--article", article_id[1]]
    position += ["--quote", "unbreakable pledge", "--quote", "long range missiles"]
    run(position, root)
    run([briefing, "build", "--strict"], root)

    page = browser.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(serve_folder(root / "site") + "actors/example-state/")
    assert page.title() == "Example State - Armenia–Azerbaijan peace talks"
    assert page.get_by_text("Backs the pledge.").is_visible()
    assert not errors
    page.close()
