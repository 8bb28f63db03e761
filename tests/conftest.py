"""Shared fixtures: a copy of the project's inputs, the demo site built from it, an HTTP server
for that site, and a real Chromium driven by Playwright.

The costly fixtures (the site build, the server, the browser) are session-scoped: they are made
once and shared by every test that asks for them, so tests must not change what they return.
A test that needs to change the inputs asks for `project_copy`, which is fresh for each test.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, sync_playwright

# Property-based tests: no deadline (a site build takes seconds), each test bounds its own
# number of examples. CI explores the same examples on every run, so that a failure there is
# reproducible and never a fluke of the draw; a local run explores new ones each time.
settings.register_profile(
    "local", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("local"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository: the project whose inputs the fixtures copy."""

PROJECT_INPUTS = ("mkdocs.yml", "seeds", "briefings", "templates", "pages", "overrides")
"""What a project copy holds: the inputs of a build, never its outputs (generated/, site/)."""

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
    """Copy the repository's inputs (PROJECT_INPUTS that exist) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_INPUTS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the project's inputs in a temporary folder, for one test to change freely.

    It holds mkdocs.yml, seeds/, briefings/, templates/, pages/ and overrides/, but no
    generated/ or site/: pass it as `--root` to the CLI to build it.
    """
    return copy_project(tmp_path_factory.mktemp("project"))


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
