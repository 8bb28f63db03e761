"""Full-text search of the built demo site: a phrase from deep in an article finds it.

The quick search in the header indexes the briefing pages only; article texts are searched by
the Pagefind index that `briefing build` writes into site/pagefind/, fetched in pieces as the
reader types, from the site's own host.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, Page, expect

ARTICLE = "articles/07-kremlin-en-transcript-78571-putin-answers-bishkek-2025-11-27/"
PHRASE = "achieved the desired result"
"""From paragraph 7 of that article: quoted by no position, so only the article holds it."""


def search(page: Page, phrase: str) -> None:
    box = page.locator(".pagefind-ui__search-input")
    expect(box).to_be_visible()
    box.fill(phrase)


def test_a_phrase_from_an_article_body_finds_the_article(
    browser: Browser, site_server: str
) -> None:
    requests: list[str] = []
    errors: list[str] = []
    context = browser.new_context()
    try:
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(error.message))
        page.goto(site_server)
        page.locator("nav a", has_text="Full-text search").first.click()
        search(page, PHRASE)
        first = page.locator(".pagefind-ui__result-link").first
        expect(first).to_have_attribute("href", f"/{ARTICLE}")
        first.click()
        page.wait_for_url(urljoin(site_server, ARTICLE))
        expect(page.locator("article.md-content__inner")).to_contain_text(PHRASE)
    finally:
        context.close()
    host = urlsplit(site_server).hostname
    elsewhere = [url for url in requests if urlsplit(url).hostname not in (host, None)]
    assert not elsewhere and not errors, [*elsewhere, *errors]
    assert any("/pagefind/index/" in url for url in requests), "no index piece was fetched"


def test_the_search_page_runs_the_query_in_its_address(browser: Browser, site_server: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(urljoin(site_server, "full-text-search/?text=Kyrgyzstan"))
        results = page.locator(".pagefind-ui__result-link")
        expect(results.first).to_be_visible()
        expect(page.locator(f".pagefind-ui__result-link[href='/{ARTICLE}']")).to_have_count(1)
    finally:
        context.close()
