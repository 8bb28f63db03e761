"""What a reader sees in the built demo site, at a desk's width (1280 px) and a phone's (390 px).

The matrix shows every column (scrolling inside its own frame if need be, with the actor
column in view) and never makes the page scroll sideways; a quote link lands on the quoted
words, which stand out from the other highlights; the full-text page opened with `?text=`
shows its results with nothing over them; and axe-core, loaded from the copy that `make test`
installs from npm, finds no serious or critical violation on the main pages, light and dark.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page, expect

AXE = Path(__file__).parent / "node" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1280, 390)
ARTICLE = (
    "articles/16-kremlin-en-news-67487-telephone-conversations-with-us-president-joseph-biden"
    "-2021-12-31/"
)
PAGES = {
    "home": "",
    "matrix": "matrix/",
    "actor": "actors/russia/",
    "issue": "issues/neutrality/",
    "article": ARTICLE,
    "articles": "articles/",
    "changes": "changes/",
    "full-text": "full-text-search/?text=Kyrgyzstan",
}
SERIOUS = ("serious", "critical")


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def reader(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context as wide as the parameter, light scheme."""
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_the_matrix_shows_every_column_with_the_actor_column_in_view(
    reader: Page, site_server: str
) -> None:
    reader.goto(urljoin(site_server, "matrix/"))
    no_sideways_scroll(reader)
    headers = reader.locator(".matrix__table thead th[data-issue]")
    count = headers.count()
    assert count == 9
    if reader.viewport_size and reader.viewport_size["width"] >= 1280:
        # The whole demo matrix fits: no scrolling, inside the frame or out.
        frame = reader.locator(".matrix__scroll")
        assert frame.evaluate("frame => frame.scrollWidth <= frame.clientWidth")
    actor = reader.locator(".matrix__table tbody th").first
    for index in range(count):
        header = headers.nth(index)
        if header.is_visible():
            header.scroll_into_view_if_needed()
            expect(header).to_be_in_viewport()
            expect(actor).to_be_in_viewport()
    if not headers.first.is_visible():
        # A phone gets one card per actor: each position with its issue's name.
        cards = reader.locator(".matrix__table tbody tr")
        expect(cards.first.locator(".matrix__label").first).to_be_visible()
        positions = reader.locator(".matrix__cell:not(.matrix__cell--empty)")
        for index in range(positions.count()):
            expect(positions.nth(index)).to_be_visible()


def test_the_matrix_filters_work_in_the_page(reader: Page, site_server: str) -> None:
    reader.goto(urljoin(site_server, "matrix/"))
    reader.locator(".matrix__filters > summary").click()
    rows = reader.locator(".matrix__table tbody tr:visible")
    everyone = rows.count()
    reader.get_by_label("person", exact=True).uncheck()
    assert 0 < rows.count() < everyone
    assert reader.locator("tr.matrix__person:visible").count() == 0
    reader.get_by_label("person", exact=True).check()
    issues = reader.locator(".matrix__filters fieldset").last.get_by_role("checkbox")
    for index in range(1, issues.count()):
        issues.nth(index).uncheck()
    held = ".matrix__cell[data-issue='{}']:not(.matrix__cell--empty)"
    expect(reader.locator(held.format("ceasefire")).first).to_be_visible()
    expect(reader.locator(held.format("territory")).first).to_be_hidden()
    reader.get_by_label("hide rows without a position").check()
    assert 0 < rows.count() < everyone


def test_a_quote_link_lands_on_the_quoted_words(reader: Page, site_server: str) -> None:
    reader.goto(urljoin(site_server, "actors/putin/#neutrality"))
    link = reader.locator("#neutrality ~ .admonition.quote a[href*='#p']").first
    quote = link.locator("xpath=ancestor::div[contains(@class, 'quote')]//p[1]").inner_text()
    link.click()
    reader.wait_for_url(f"**/{ARTICLE}#p*")
    target = reader.locator("mark.quoted:target, mark.quoted:has(span:target)")
    expect(target).to_have_count(1)
    expect(target).to_be_in_viewport()
    assert target.inner_text() in quote, "the passage landed on is not the quote"
    others = reader.locator("mark.quoted:not(:target):not(:has(span:target))")
    assert others.count() > 0
    style = "mark => getComputedStyle(mark).backgroundColor"
    assert target.evaluate(style) != others.first.evaluate(style), "the cited passage blends in"
    back = target.locator("xpath=following-sibling::sup[1]")
    expect(back.locator("a[href='../../actors/putin/#neutrality']")).to_have_count(1)


def test_the_full_text_page_shows_results_with_nothing_over_them(
    reader: Page, site_server: str
) -> None:
    reader.goto(urljoin(site_server, "full-text-search/?text=Kyrgyzstan"))
    result = reader.locator(".pagefind-ui__result-link").first
    expect(result).to_be_visible()
    assert not reader.locator("[data-md-toggle='search']").is_checked(), "the header search opened"
    result.scroll_into_view_if_needed()
    on_top = result.evaluate(
        """link => {
          const box = link.getClientRects()[0];
          const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
          return link.contains(hit);
        }"""
    )
    assert on_top, "something covers the first result"


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of impact serious or critical on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    results: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in SERIOUS]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
        for v in violations
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violation(
    browser: Browser, site_server: str, name: str, scheme: str
) -> None:
    assert AXE.is_file(), f"{AXE} is missing: `make test` installs it (npm ci)"
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        color_scheme="dark" if scheme == "dark" else "light",
    )
    try:
        page = context.new_page()
        page.goto(urljoin(site_server, PAGES[name]))
        if name == "full-text":
            expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
        violations = serious_violations(page)
        assert not violations, f"{name} ({scheme}):\n{describe(violations)}"
    finally:
        context.close()


def test_the_quick_search_finds_a_word_wrapped_in_punctuation(
    browser: Browser, site_server: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_server)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("Novorossiya")
        territory = page.locator("a.md-search-result__link[href*='issues/territory/']")
        expect(territory.first).to_be_visible()
    finally:
        context.close()


def test_the_editors_queue_is_in_no_menu_and_no_full_text_result(
    reader: Page, site_server: str
) -> None:
    reader.goto(urljoin(site_server, "full-text-search/?text=stale"))
    expect(reader.locator(".pagefind-ui__message")).to_be_visible()
    links = reader.locator(".pagefind-ui__result-link")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    assert not [href for href in hrefs if href and "/review/" in href], hrefs
    assert reader.locator("nav a[href$='review/']").count() == 0
