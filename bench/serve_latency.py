"""How long the live preview takes from a saved change to the reloaded page, in a real browser.

    python -m bench.serve_latency [--rounds 5] [--articles N | --bulk FOLDER]

A copy of the demo project (or a synthetic project of N articles, bench/corpus.py, or the demo
with every `.txt` article of FOLDER added to its seeds/) is served with `briefing serve`;
Chromium opens a page; the script
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
import re
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

from bench.corpus import Size, make_project
from bench.search_probe import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "tests" / "fixtures" / "demo"
INPUTS = ("mkdocs.yml", "seeds", "briefings")
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
        deadline = time.monotonic() + 600
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
        wait_until(lambda: responds(url), 1800)
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
        "text => document.body.innerText.includes(text)", arg=shown, timeout=600_000
    )
    reloaded = time.perf_counter() - start
    return preview.printed_after(start, "regenerated:"), reloaded


def edit_summary(preview: Preview, root: Path, page: Page, rounds: int) -> list[Timing]:
    """Edit the first actor's first summary `rounds` times, watching its page."""
    actor = next(
        p
        for p in sorted((root / "briefings" / "actors").glob("*.yaml"))
        if SUMMARY_LINE.search(p.read_text(encoding="utf-8"))
    )
    page.goto(preview.url + f"actors/{actor.stem}/", timeout=600_000)
    timings = []
    for number in range(rounds):
        text = actor.read_text(encoding="utf-8")
        marker = f"Edit number {number} of the summary."
        save = functools.partial(actor.write_text, with_marker(text, marker), encoding="utf-8")
        timings.append(time_change(preview, page, save, marker))
        time.sleep(1)  # let the preview settle before the next change
    return timings


SUMMARY_LINE = re.compile(r"^( *)summary: *(.*)$", re.MULTILINE)


def with_marker(text: str, marker: str) -> str:
    """The YAML with `marker` put at the start of its first summary (plain, quoted or folded)."""
    found = SUMMARY_LINE.search(text)
    assert found is not None
    value = found.group(2)
    if value.startswith((">", "|")):  # a block: its first line follows, indented
        line_end = found.end()
        rest = text[line_end + 1 :]
        indent = len(rest) - len(rest.lstrip(" "))
        at = line_end + 1 + indent
    else:
        at = found.start(2) + (1 if value[:1] in "\"'" else 0)
    return text[:at] + marker + " " + text[at:]


def add_article(preview: Preview, root: Path, page: Page) -> Timing:
    """Drop the test suite's new article into seeds/, watching the articles index."""
    page.goto(preview.url + "articles/", timeout=600_000)

    def drop() -> None:
        for path in sorted(NEW_ARTICLE.iterdir(), reverse=True):  # sidecar first, then text
            shutil.copy(path, root / "seeds" / path.name)

    return time_change(preview, page, drop, "Lavrov Dismisses Truce Offer")


def make_copy(root: Path, articles: int | None, bulk: Path | None) -> None:
    """The project served: the demo, a synthetic one, or the demo with a folder's articles."""
    if articles:
        make_project(root, Size(articles, 40, 25, 800))
        return
    for name in INPUTS:
        source = DEMO / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, root / name)
    for path in sorted(bulk.glob("*.txt")) if bulk else ():
        shutil.copy(path, root / "seeds" / path.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, help="a synthetic project of this many articles")
    parser.add_argument("--bulk", type=Path, help="add this folder's .txt articles to the demo")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as folder:
        root = Path(folder)
        make_copy(root, options.articles, options.bulk)
        started = time.perf_counter()
        with serving(root) as preview, sync_playwright() as playwright:
            print(f"preview up after {time.perf_counter() - started:.1f} s")
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                edits = edit_summary(preview, root, page, options.rounds)
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
