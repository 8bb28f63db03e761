"""Screenshots of the built demo site for the documentation: `python -m docs.screenshots`.

Serves site/ (made by `make site`) on 127.0.0.1, opens the main pages in Debian's Chromium at a
desk's width and a phone's, and writes docs/src/screenshots/<page>-<width>.png.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

REPOSITORY = Path(__file__).resolve().parent.parent
OUTPUT = REPOSITORY / "docs" / "src" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
ARTICLE = (
    "16-kremlin-en-news-67487-telephone-conversations-with-us-president-joseph-biden-2021-12-31"
)
PAGES = {
    "home": "",
    "matrix": "matrix/",
    "actor": "actors/russia/",
    "issue": "issues/neutrality/",
    "article": f"articles/{ARTICLE}/#p2-570",
}
"""The page of each screenshot; the article one lands on a quote, as a quote link does."""
VIEWPORTS = {1280: 900, 390: 844}
"""Width: height of the window, a laptop's and a phone's."""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """The URL of `folder` served over HTTP on 127.0.0.1 while the block runs."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def take_screenshots(site: Path, output: Path) -> list[Path]:
    """Every page of PAGES at every width of VIEWPORTS; the files written."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                target = output / f"{name}-{width}.png"
                page.screenshot(path=str(target))
                written.append(target)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPOSITORY / "site")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    options = parser.parse_args()
    for path in take_screenshots(options.site, options.output):
        print(path.relative_to(REPOSITORY) if path.is_relative_to(REPOSITORY) else path)


if __name__ == "__main__":
    main()
