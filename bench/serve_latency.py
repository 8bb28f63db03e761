"""How long the live preview takes from a saved change to the reloaded page, in a real browser.

    python -m bench.serve_latency [--rounds 5]

A copy of the demo project is served with `briefing serve`; Chromium opens a page; the script
then saves a change to an input and times two things: until the preview has regenerated
generated/ (it prints `regenerated: …`; our watcher's quiet period and the regeneration), and
until the open page shows the change (then also MkDocs' polling watcher, its rebuild of the
site and the live-reload round trip). Two kinds of change: a position's summary edited in
briefings/, and a new article dropped into seeds/ (watched on the articles index).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.search_probe import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "tests" / "fixtures" / "demo"
INPUTS = ("mkdocs.yml", "seeds", "briefings")
SUMMARY = "Regards Western security guarantees for Ukraine"
NEW_ARTICLE = REPO / "tests" / "fixtures" / "new-article"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Preview:
    """A running `briefing serve`: its URL and the lines it printed, with when they came."""

    def __init__(self, child: subprocess.Popen[str], url: str) -> None:
        self.child, self.url = child, url
        self.lines: list[tuple[float, str]] = []
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self) -> None:
        assert self.child.stdout is not None
        for line in self.child.stdout:
            self.lines.append((time.perf_counter(), line))

    def printed_after(self, start: float, prefix: str) -> float:
        """Seconds from `start` to the first line starting with `prefix` printed after it."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for moment, line in list(self.lines):
                if moment > start and line.startswith(prefix):
                    return moment - start
            time.sleep(0.01)
        raise SystemExit(f"the live preview never printed {prefix!r}")


@contextmanager
def serving(root: Path) -> Iterator[Preview]:
    """`briefing serve` on a free port of 127.0.0.1 until the block ends."""
    address = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
    # A session of its own, so that stopping it stops the `mkdocs serve` it starts too.
    child = subprocess.Popen(
        [*command, "--dev-addr", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        start_new_session=True,
    )
    url = f"http://{address}/"
    try:
        wait_until(lambda: responds(url), 120)
        yield Preview(child, url)
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(30)


def responds(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def wait_until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the live preview did not come up")
        time.sleep(0.05)


Timing = tuple[float, float]
"""Seconds from a change to the preview's regeneration, and to the page showing it."""


def time_change(preview: Preview, page: Page, change: Callable[[], object], shown: str) -> Timing:
    """How long after `change` the preview regenerated and the open page held `shown`."""
    start = time.perf_counter()
    change()
    page.wait_for_function(
        "text => document.body.innerText.includes(text)", arg=shown, timeout=60_000
    )
    reloaded = time.perf_counter() - start
    return preview.printed_after(start, "regenerated:"), reloaded


def edit_summary(preview: Preview, root: Path, page: Page, rounds: int) -> list[Timing]:
    """Edit Russia's summary on security guarantees `rounds` times, watching its page."""
    page.goto(preview.url + "actors/russia/")
    actor = root / "briefings" / "actors" / "russia.yaml"
    timings = []
    for number in range(rounds):
        text = actor.read_text(encoding="utf-8")
        marker = f"Edit number {number} of the summary."
        new = text.replace(SUMMARY, f"{marker} {SUMMARY}", 1)
        save = functools.partial(actor.write_text, new, encoding="utf-8")
        timings.append(time_change(preview, page, save, marker))
        time.sleep(1)  # let the preview settle before the next change
    return timings


def add_article(preview: Preview, root: Path, page: Page) -> Timing:
    """Drop the test suite's new article into seeds/, watching the articles index."""
    page.goto(preview.url + "articles/")

    def drop() -> None:
        for path in sorted(NEW_ARTICLE.iterdir(), reverse=True):  # sidecar first, then text
            shutil.copy(path, root / "seeds" / path.name)

    return time_change(preview, page, drop, "Lavrov Dismisses Truce Offer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as folder:
        root = Path(folder)
        for name in INPUTS:
            source = DEMO / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, root / name)
        with serving(root) as preview, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                edits = edit_summary(preview, root, page, rounds)
                added = add_article(preview, root, page)
            finally:
                browser.close()
    for label, index in (("regenerated", 0), ("page reloaded", 1)):
        times = [timing[index] for timing in edits]
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(f"summary edited → {label}: median {statistics.median(times):.2f} s ({shown})")
    print(f"article added → regenerated: {added[0]:.2f} s, index reloaded: {added[1]:.2f} s")


if __name__ == "__main__":
    main()
