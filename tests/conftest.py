"""Shared fixtures: a copy of the project's inputs, the small `mini` project with edits, golden
files, the demo site built from it, an HTTP server for that site, and a real Chromium driven by
Playwright.

The costly fixtures (the site build, the server, the browser) are session-scoped: they are made
once and shared by every test that asks for them, so tests must not change what they return.
A test that needs to change the inputs asks for `project_copy` or `mini_project`, which give a
fresh copy each time.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import pytest
from click.testing import Result
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, sync_playwright

from generator import defaults

# Property-based tests: no deadline (a site build takes seconds), each test bounds its own
# number of examples. CI explores the same examples on every run, so that a failure there is
# reproducible and never a fluke of the draw; a local run explores new ones each time.
settings.register_profile(
    "local", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("local"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")

DEMO = Path(__file__).resolve().parent / "fixtures" / "demo"
"""A real-world project (eight articles, thirteen actors, nine issues): the inputs of the
Russia–Ukraine briefing this tool was first built for, kept here as they were, so that the
tool's tests do not depend on the project at the top of the repository."""

PROJECT_INPUTS = ("mkdocs.yml", "seeds", "briefings", "templates", "pages", "overrides")
"""What a project copy holds: the inputs of a build, never its outputs (generated/, site/)."""

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
"""A small project's seeds/ and briefings/: three actors, one issue, one article."""


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium; the tests drive it rather than a browser Playwright downloads."""

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def copy_project(destination: Path) -> Path:
    """Copy the demo project's inputs (PROJECT_INPUTS that exist) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_INPUTS:
        source = DEMO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the project's inputs in a temporary folder, for one test to change freely.

    It holds the demo's mkdocs.yml, seeds/ and briefings/, but no generated/ or site/ (the
    templates, pages and theme are the tool's defaults): pass it as `--root` to build it.
    """
    return copy_project(tmp_path_factory.mktemp("project"))


Edit = tuple[str, str] | str | bytes | Path | None
"""A change to one file of a project: (old, new) replaces the first `old` in its text; a str or
bytes is the whole new file (its folders are made); a Path makes it a symbolic link to that path;
None deletes it."""


PACKAGED = {
    "templates": defaults.TEMPLATES,
    "pages": defaults.PAGES,
    "overrides": defaults.OVERRIDES,
}
"""The project folders whose files override the tool's defaults of the same name."""


def override_default(root: Path, path: str) -> None:
    """Give the project its own copy of the tool's default file `path` (e.g.
    'templates/home.md.j2'), as a user does to change one, unless it has one already."""
    folder, _, name = path.partition("/")
    default = PACKAGED[folder] / name if folder in PACKAGED else None
    target = root / path
    if default is not None and default.is_file() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(default, target)


def apply_edit(target: Path, edit: Edit) -> None:
    """Change the file `target` as `edit` says (see Edit)."""
    if edit is None:
        target.unlink()
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(edit, Path):
        target.symlink_to(edit)
    elif isinstance(edit, bytes):
        target.write_bytes(edit)
    elif isinstance(edit, str):
        target.write_text(edit, encoding="utf-8")
    else:
        old, new = edit
        text = target.read_text(encoding="utf-8")
        assert old in text, f"edit does not apply to {target.name}: {old!r}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_mini_project(root: Path, edits: Mapping[str, Edit] | None = None) -> Path:
    """The mini project at `root` (which must not exist), with `edits` applied by path
    relative to `root`."""
    shutil.copytree(MINI, root)
    for path, edit in (edits or {}).items():
        override_default(root, path)
        apply_edit(root / path, edit)
    return root


class MiniProject(Protocol):
    def __call__(
        self, edits: Mapping[str, Edit] | None = None, root: Path | None = None
    ) -> Path: ...


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> MiniProject:
    """Makes an edited copy of the mini project: `mini_project(edits)` returns its root.

    Each call makes a fresh copy in a new temporary folder, or at `root` when given (a folder
    that does not exist yet). Session-scoped, so that module fixtures and property-based tests
    may use it too.
    """

    def make(edits: Mapping[str, Edit] | None = None, root: Path | None = None) -> Path:
        return copy_mini_project(root or tmp_path_factory.mktemp("mini") / "project", edits)

    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy on which the real CLI ran `briefing build`; its Path (site/ is inside).

    Built once per session from its own copy of the inputs; treat it as read-only.
    """
    root = copy_project(tmp_path_factory.mktemp("built"))
    subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root)], check=True)
    return root


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like SimpleHTTPRequestHandler, without logging each request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 (a free port) while the block runs; yield its URL.

    The URL ends with a slash, e.g. "http://127.0.0.1:40123/"; join page paths to it.
    """
    handler = partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Serve the built site over HTTP on 127.0.0.1 (a free port); yield its base URL.

    The URL ends with a slash, e.g. "http://127.0.0.1:40123/"; join page paths to it.
    """
    with serving(built_site / "site") as url:
        yield url


@pytest.fixture(scope="session")
def serve_folder() -> Iterator[Callable[[Path], str]]:
    """A function that serves a folder (a built site/) until the session ends; it returns the
    base URL, as `site_server` does."""
    with ExitStack() as servers:
        yield lambda folder: servers.enter_context(serving(folder))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright's sync API.

    Give each test its own context (`browser.new_context()`) and close it at the end of the
    test; the browser itself is shared by the session.
    """
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Chromium at {CHROMIUM}, which does not exist: "
            "install Debian's chromium: apt-get install chromium",
            pytrace=False,
        )
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the golden files from the current output instead of comparing with them",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to refresh golden files (review their diff before committing)."""
    return bool(request.config.getoption("--update-goldens"))


class Goldens:
    """Compares output with golden files, or rewrites them when the run was asked to."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, golden: Path, text: str) -> None:
        """`text` is the content of the file `golden` (which is rewritten under an update)."""
        if self.update:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8")

    def check_failed_build(self, result: Result, root: Path, golden: Path) -> None:
        """The command failed as a user's mistake should: exit status 1, no traceback, nothing
        written to generated/ or site/, and the report on stderr as in `golden`."""
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert not (root / "generated").exists(), "a failed build must write nothing"
        assert not (root / "site").exists(), "a failed build must write nothing"
        self.check(golden, result.stderr)


@pytest.fixture
def goldens(update_goldens: bool) -> Goldens:
    """Golden-file assertions; `pytest --update-goldens` rewrites the files instead."""
    return Goldens(update_goldens)
