"""Page chrome: which lines are furniture, and the facts some of them carry."""

from __future__ import annotations

import datetime

import pytest

from generator.load.extract.chrome import (
    MAX_CHROME_CHARS,
    Facts,
    chrome_facts,
    strip_chrome,
    web_address,
)

DAY = datetime.date(2025, 9, 4)


@pytest.mark.parametrize(
    ("line", "facts"),
    [
        ("date 2025-09-04 10 Downing Street", Facts(date=DAY)),
        ("date 2025-09-31", Facts()),
        ("4 September 2025", Facts(date=DAY)),
        ("Events / Transcripts /", Facts(section="Transcripts")),
        ("News/", Facts(section="News")),
        ("Original article link: https://example.org/a", Facts(url="https://example.org/a")),
        ("Source: javascript:alert(1)", Facts()),
        ("Public domain.", Facts(licence="Public domain")),
        ("Licence: CC BY 4.0", Facts(licence="CC BY 4.0")),
        ("Creative Commons Attribution 4.0 International", Facts(licence="CC BY 4.0")),
        ("CC0", Facts(licence="CC0 1.0")),
        ("Open Government Licence", Facts(licence="Open Government Licence")),
        (
            "Open Government Licence for public sector information v3.0",
            Facts(licence="Open Government Licence v3.0"),
        ),
        (
            "All content is licensed under the Open Government Licence v3.0, except where stated.",
            Facts(licence="Open Government Licence v3.0"),
        ),
        ("SCROLL FOR NEXT", Facts()),
        ("NA", Facts()),
        ("Select font Arial Verdana Times", Facts()),
    ],
)
def test_a_chrome_line_and_what_it_says(line: str, facts: Facts) -> None:
    assert chrome_facts(line) == facts


@pytest.mark.parametrize(
    "line",
    [
        "The talks resumed in Geneva.",
        "Select font sizes with care, the designers said.",
        "Transcripts / Events",
        "On 4 September 2025 they met.",
        "A public domain of shared interest",
        "Events / " + "x" * MAX_CHROME_CHARS + " /",
    ],
)
def test_a_line_of_the_article_is_no_chrome(line: str) -> None:
    assert chrome_facts(line) is None


def test_chrome_is_removed_from_every_group_the_first_fact_of_each_kind_winning() -> None:
    groups = (
        ("News /", "Talks resume in Geneva"),
        ("4 September 2025", "Public domain"),
        ("1 May 2024", "Opinion /", "The talks went on.", "SCROLL FOR NEXT"),
    )
    facts, kept = strip_chrome(groups)
    assert facts == Facts(section="News", licence="Public domain", date=DAY)
    assert kept == (("Talks resume in Geneva",), ("The talks went on.",)), "empty groups go"


def test_facts_fill_their_gaps_from_later_ones() -> None:
    first = Facts(section="News", date=DAY)
    later = Facts(section="Opinion", licence="CC0 1.0", url="https://example.org/")
    assert first.merge(later) == Facts("News", "CC0 1.0", DAY, "https://example.org/")


@pytest.mark.parametrize(
    ("candidate", "address"),
    [("https://example.org/a", "https://example.org/a"), ("ftp://x.org", None), (None, None)],
)
def test_only_a_web_address_is_an_address(candidate: str | None, address: str | None) -> None:
    assert web_address(candidate) == address
