"""How long the live preview takes from a saved change to the reloaded page, in a real browser.

    python -m bench.serve_latency [--rounds 5]

A copy of the demo project is served with `briefing serve`; Chromium opens a page; the script
then saves a change to an input and times how long it takes until the open page shows it
(watchdog's quiet period, regeneration, MkDocs' rebuild and the live-reload round trip). Two
kinds of change: a position's summary edited in briefings/, and a new article dropped into
seeds/ (watched on the articles index).
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
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.search_probe import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
INPUTS = ("mkdocs.yml", "seeds", "briefings", "templates", "pages")
SUMMARY = "Regards Western security guarantees for Ukraine"
NEW_ARTICLE = REPO / "tests" / "fixtures" / "new-article"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """`briefing serve` on a free port of 127.0.0.1 until the block ends; yields its URL."""
    address = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
    # A session of its own, so that stopping it stops the `mkdocs serve` it starts too.
    child = subprocess.Popen(
        [*command, "--dev-addr", address],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://{address}/"
    try:
        wait_until(lambda: responds(url), 120)
        yield url
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


def time_change(page: Page, change: Callable[[], object], shown: str) -> float:
    """Seconds from making `change` until the open page holds the text `shown`."""
    start = time.perf_counter()
    change()
    page.wait_for_function(
        "text => document.body.innerText.includes(text)", arg=shown, timeout=60_000
    )
    return time.perf_counter() - start


def edit_summary(root: Path, page: Page, base: str, rounds: int) -> list[float]:
    """Edit Russia's summary on security guarantees `rounds` times, watching its page."""
    page.goto(base + "actors/russia/")
    actor = root / "briefings" / "actors" / "russia.yaml"
    timings = []
    for number in range(rounds):
        text = actor.read_text(encoding="utf-8")
        marker = f"Edit number {number} of the summary."
        new = text.replace(SUMMARY, f"{marker} {SUMMARY}", 1)
        save = functools.partial(actor.write_text, new, encoding="utf-8")
        timings.append(time_change(page, save, marker))
        time.sleep(1)  # let the preview settle before the next change
    return timings


def add_article(root: Path, page: Page, base: str) -> float:
    """Drop the test suite's new article into seeds/, watching the articles index."""
    page.goto(base + "articles/")

    def drop() -> None:
        for path in sorted(NEW_ARTICLE.iterdir(), reverse=True):  # sidecar first, then text
            shutil.copy(path, root / "seeds" / path.name)

    return time_change(page, drop, "Lavrov Dismisses Truce Offer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as folder:
        root = Path(folder)
        for name in INPUTS:
            source = REPO / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, root / name)
        with serving(root) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                edits = edit_summary(root, page, base, rounds)
                added = add_article(root, page, base)
            finally:
                browser.close()
    shown = ", ".join(f"{t:.2f}" for t in edits)
    print(f"summary edited → page reloaded: median {statistics.median(edits):.2f} s ({shown})")
    print(f"article added → index reloaded: {added:.2f} s")


if __name__ == "__main__":
    main()
