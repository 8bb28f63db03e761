"""A reader's journey through the built demo site, in a real browser.

The reader searches for a person, follows a result to a page that quotes them, then goes from a
cell of the stance matrix to the position it stands for, and from that position's first quote
to the quoted words in the article, highlighted in their paragraph. On the way the site
must log no error and must ask no host other than the one serving it for anything (no web fonts,
no CDN).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Error, Locator, Page, expect

SEARCH_TERM = "Lavrov"
MATRIX_CELL = "actors/russia/#security-guarantees"
"""The matrix cell the reader clicks: Russia's position on security guarantees."""

LOCAL_SCHEMES = ("data:", "blob:")

FOLDED = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def loose(text: str) -> str:
    """The text with whitespace runs made one space and typographic quotes and dashes plain."""
    return " ".join(text.translate(FOLDED).split())


def first_quoted(box_text: str) -> str:
    """The quote of a quote box: “quote” — speaker, article ¶N."""
    found = re.search(r"“(.*?)”\s*—", box_text, re.DOTALL)
    assert found, f"no “quote” — source in the quote box: {box_text!r}"
    return found.group(1)


def href_of(link: Locator) -> str:
    """The absolute URL a link leads to, as the browser resolves it."""
    url: str = link.evaluate("link => link.href")
    return url


def search_and_follow(page: Page, base_url: str) -> None:
    """Search for SEARCH_TERM from the home page and follow a result to a page quoting them."""
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(SEARCH_TERM)
    # Results show while the reader types; those for the whole term link with `?h=<term>` (the
    # search.highlight feature), so wait for these rather than for the first results shown.
    result = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(result).to_be_visible()
    expect(result).to_have_attribute("href", re.compile(rf"[?&]h={SEARCH_TERM}\b", re.IGNORECASE))
    target = href_of(result)
    result.click()
    page.wait_for_url(target)
    content = page.locator("article.md-content__inner")
    expect(content).to_contain_text(SEARCH_TERM)
    quoting = content.locator(".admonition.quote").filter(has_text=SEARCH_TERM).first
    expect(quoting, f"{page.url} quotes nothing about {SEARCH_TERM}").to_be_visible()


def matrix_to_position_to_paragraph(page: Page, base_url: str) -> None:
    """From a stance matrix cell to the position, then to the paragraph its first quote cites."""
    page.goto(urljoin(base_url, "matrix/"))
    cell = page.locator(f"article table a[href$='{MATRIX_CELL}']")
    expect(cell, f"no matrix cell links to {MATRIX_CELL}").to_have_count(1)
    position_url = href_of(cell)
    cell.click()
    page.wait_for_url(position_url)
    anchor = urlsplit(position_url).fragment
    assert urlsplit(page.url).fragment == anchor, f"landed on {page.url}, not #{anchor}"
    heading = page.locator(f"[id='{anchor}']")
    expect(heading, f"the matrix cell lands nowhere: no #{anchor} on {page.url}").to_have_count(1)
    expect(heading, f"#{anchor} is not scrolled into view").to_be_in_viewport()

    # The position's quotes: the first quote box after its heading and before the next heading
    # (each box holds a “quote” then a — source line).
    in_section = (
        "following-sibling::div[contains(concat(' ', @class, ' '), ' quote ')]"
        f"[preceding-sibling::*[self::h2 or self::h3][1][@id='{anchor}']]"
    )
    quotes = heading.locator(f"xpath={in_section}").first
    expect(quotes, f"the position #{anchor} quotes no evidence").to_be_visible()
    quote_link = quotes.locator("a[href*='articles/'][href*='#p']").first
    no_link = f"the first quote of #{anchor} links to no article paragraph"
    expect(quote_link, no_link).to_be_visible()
    quote_words = loose(first_quoted(quotes.inner_text()))
    paragraph_url = href_of(quote_link)
    quote_link.click()
    page.wait_for_url(paragraph_url)

    target = urlsplit(paragraph_url).fragment
    landed = page.locator(f"[id='{target}']")
    expect(landed, f"the quote link lands nowhere: no #{target} on {page.url}").to_have_count(1)
    expect(landed, f"#{target} is not scrolled into view").to_be_in_viewport()
    # The anchor is the quote's own mark, or a point inside the mark it shares with others.
    mark = landed.locator("xpath=ancestor-or-self::mark[contains(@class, 'quoted')]")
    expect(mark, f"#{target} is in no highlighted passage").to_have_count(1)
    paragraph = mark.locator("xpath=ancestor::p[1]")
    assert quote_words in loose(paragraph.inner_text()), (
        f"{paragraph_url} does not hold the quote {quote_words!r}"
    )
    marked = loose(mark.inner_text())
    assert quote_words in marked, (
        f"the quote {quote_words!r} is not highlighted at #{target}; marked: {marked!r}"
    )


def test_reader_journey(browser: Browser, site_server: str) -> None:
    requests: list[str] = []
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location
            errors.append(f"console error at {where['url']}:{where['lineNumber']}: {message.text}")

    def on_page_error(error: Error) -> None:
        errors.append(f"page error at {page.url}: {error.name}: {error.message}")

    # Requests are recorded for the whole context, so those of the search worker count too.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.on("console", on_console)
        page.on("pageerror", on_page_error)
        try:
            search_and_follow(page, site_server)
            matrix_to_position_to_paragraph(page, site_server)
        except (AssertionError, Error) as failure:
            failure.add_note(f"on {page.url}; errors logged so far: {errors or 'none'}")
            raise
    finally:
        context.close()

    served_from = urlsplit(site_server).hostname
    elsewhere = [
        url
        for url in requests
        if not url.startswith(LOCAL_SCHEMES) and urlsplit(url).hostname != served_from
    ]
    assert requests, "the browser made no request at all"
    assert not errors and not elsewhere, "\n".join(
        [*errors, *(f"request to another host than {served_from}: {url}" for url in elsewhere)]
    )
