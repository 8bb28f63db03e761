"""Fixtures of the slow tier: a site built by the real CLI, an HTTP server for built sites, and
Debian's Chromium driven by Playwright. They are session-scoped: made once and shared, so tests
must not change what they return."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from builders import copy_project
from playwright.sync_api import Browser, sync_playwright

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
