"""Rules that several stages apply, each written once and read by all of them from its home."""

from __future__ import annotations

import datetime

import pytest

from generator.load.extract import extract_text
from generator.load.extract.dates import MONTH_NAMES, find_date
from generator.load.schema import is_date, is_web_address, load_schema, shape_errors
from generator.load.siteconfig import SiteConfig, site_url
from generator.model.relations import month_label
from generator.problems import Problems
from generator.project.add import Metadata, check_metadata
from generator.render.markdown import escape_url

WEB_ADDRESSES = {
    "https://example.org/a": True,
    "http://example.org": True,
    "https://example.org?q=1": True,
    "https://[::1]/": True,
    "ftp://example.org/x": False,
    "javascript:alert(1)": False,
    "https:///no-host": False,
    "https://?q=1": False,
    "https://exa mple.org/": False,
    "example.org/a": False,
    "https://example.org/a\n": False,
}


@pytest.mark.parametrize(("text", "verdict"), sorted(WEB_ADDRESSES.items()))
def test_one_web_address_rule_for_metadata_options_site_url_and_scraped_links(
    text: str, verdict: bool
) -> None:
    assert load_schema("article")["properties"]["url"] == {"$ref": "#/$defs/web_address"}
    assert is_web_address(text) is verdict
    assert (not shape_errors({"url": text}, "article")) is verdict
    assert (site_url(text, SiteConfig(), Problems()) is not None) is verdict
    assert (escape_url(text) != "#") is verdict
    assert check_metadata(Metadata(url=text), Problems()) is verdict
    if "\n" not in text:
        scraped = extract_text(f"A Title Of Four Words\n\nSource: {text}\n\nThe talks went on.\n")
        assert (scraped.url == text) is verdict


DATES = {
    "2026-01-20": True,
    "2024-02-29": True,
    "0001-01-01": True,
    "2023-02-29": False,
    "2026-13-01": False,
    "0000-01-01": False,
    "2026-1-20": False,
    "20260120": False,
    "２０２６-01-20": False,
    "2026-01-20\n": False,
}


@pytest.mark.parametrize(("text", "verdict"), sorted(DATES.items()))
def test_one_date_rule_for_metadata_positions_and_options(text: str, verdict: bool) -> None:
    assert load_schema("article")["$defs"]["date"] == load_schema("actor")["$defs"]["date"]
    assert is_date(text) is verdict
    assert (not shape_errors({"date": text}, "article")) is verdict
    assert check_metadata(Metadata(date=text), Problems()) is verdict


def test_month_pages_name_months_as_scraped_dates_are_read() -> None:
    for number, name in enumerate(MONTH_NAMES, 1):
        assert find_date(f"3 {name} 2025") == datetime.date(2025, number, 3)
        assert find_date(f"{name[:3]} 3, 2025") == datetime.date(2025, number, 3)
        assert month_label(f"2025-{number:02d}") == f"{name} 2025"
