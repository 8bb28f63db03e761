"""What a reader's first search downloads, measured in a real Chromium.

The built site is served over HTTP on 127.0.0.1; a fresh browser context opens the full-text
search page, types a sentence from the body of an article and waits for the results. Every
response's body is counted: the Pagefind files (its UI, its WebAssembly, the index pieces and
the result fragments) are what the search cost; Material's search index and worker are what
every page load fetches for the quick search in the header.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Response, sync_playwright

from bench.corpus import ADJECTIVES, FUNCTION, NOUNS, VERBS, SynthArticle

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 (a free port) while the block runs; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def first_search_bytes(site: Path, article: SynthArticle) -> dict[str, object]:
    """Bytes fetched by a first full-text search, in a fresh browser, for a short phrase and
    for a whole sentence of `article`'s body (each quoted: Pagefind then matches it exactly)."""
    sentence = article.body_sentence.rstrip(".").split()
    common = {w.lower() for w in (*FUNCTION, *NOUNS, *VERBS, *ADJECTIVES, "a", "the")}
    rare = next(
        (at for at, w in enumerate(sentence) if w.isalpha() and w.lower() not in common),
        0,
    )
    start = max(0, min(rare - 1, len(sentence) - 4))
    short = " ".join(sentence[start : start + 4])  # four words around an uncommon one
    figures: dict[str, object] = {}
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, words in (("short", short), ("sentence", " ".join(sentence))):
                found, sizes = search_once(browser, base, f'"{words}"', article.id)
                figures[f"search_{name}_phrase"] = words
                figures[f"search_{name}_found_first"] = found
                figures[f"search_{name}_bytes"] = sum(
                    size for url, size in sizes.items() if "/pagefind/" in url
                )
        finally:
            browser.close()
    figures["quick_search_bytes"] = sum(
        size for url, size in sizes.items() if "/search/" in url or "workers/search" in url
    )
    return figures


def search_once(
    browser: Browser, base: str, query: str, article_id: str
) -> tuple[bool, dict[str, int]]:
    """Search `query` on the full-text page of a fresh context; whether the first result is
    the article, and the size of every response."""
    sizes: dict[str, int] = {}

    def record(response: Response) -> None:
        sizes[response.url] = len(response.body())

    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("response", record)
        page.goto(base + "full-text-search/")
        page.locator(".pagefind-ui__search-input").fill(query)
        first = page.locator(".pagefind-ui__result-link").first
        first.wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")
        found = first.get_attribute("href") == f"/articles/{article_id}/"
    finally:
        context.close()
    return found, sizes
