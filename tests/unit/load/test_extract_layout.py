"""How a page lays its chrome out, each shown on a small made-up page: menus set apart by runs
of spaces, stamps with a month only, widgets and icon buttons, captions glued to the lead or
closed by a credit of names split by slashes, "read also" lists, the headline printed three
times, the headline that tells what the lead tells, and a weekday date with furniture after it."""

from __future__ import annotations

import datetime

import pytest
from pages import LEAD, MORE, page, shown

from generator.load.extract import extract_text
from generator.load.extract.dates import DateRank, read_date_line
from generator.load.extract.furniture import furniture_kind
from generator.load.extract.lines import collapse_line


def test_a_row_of_items_set_apart_by_spaces_is_a_menu_and_prose_keeps_its_spaces() -> None:
    assert collapse_line("Home page     Newsletter    Feedback   Weblinks") == (
        "Home page | Newsletter | Feedback | Weblinks"
    )
    assert furniture_kind(collapse_line("Home page     Newsletter    Feedback")) == "a menu"
    assert (
        collapse_line("It ended.  Talks resume.  Next week.")
        == "It ended. Talks resume. Next week."
    )
    assert collapse_line("By AFP   |   22 January 2015   |   2:55 am") == (
        "By AFP | 22 January 2015 | 2:55 am"
    )


@pytest.mark.parametrize("line", ["+ \u21ba \u2212 16 px", "+ posts", "\u25ba more"])
def test_widgets_and_icon_buttons_are_furniture(line: str) -> None:
    assert furniture_kind(line) == "a widget's buttons"


def test_a_month_only_stamp_is_chrome_and_dates_nothing() -> None:
    extracted = extract_text(page(" date 2017-02 Talks on a ceasefire to open on Monday", LEAD))
    assert extracted.title == "Talks on a ceasefire to open on Monday"
    assert extracted.date is None


def test_captions_glued_to_the_lead_or_closed_by_a_slashed_credit_are_chrome() -> None:
    text = page(
        "Ministers agree to resume the talks",
        "The minister in Munich (picture alliance / dpa / Jane Doe)",
        "At the meeting (Photo: VNA)Hanoi (VNA) - " + LEAD,
        MORE,
    )
    found = shown(text)
    assert not any("Jane Doe" in line or "Photo: VNA" in line for line in found)
    assert "Hanoi (VNA) - " + LEAD in found


def test_a_read_also_list_in_russian_ends_the_article() -> None:
    text = page(LEAD, MORE, "Читайте также\n- Лавров обсудил с коллегами минские договоренности")
    assert shown(text)[2:] == [LEAD, MORE]


def test_a_headline_printed_three_times_running_is_the_title() -> None:
    headline = "Ministers agree to resume the talks"
    extracted = extract_text(page(headline, headline, headline, LEAD, MORE))
    assert extracted.title == headline
    assert [block.text for block in extracted.blocks] == [LEAD, MORE]


def test_the_headline_is_the_header_line_that_tells_what_the_lead_tells() -> None:
    headline = "The two ministers agree to resume the Geneva talks next month"
    text = page("Live now at the headquarters", "S/2018/123", headline, LEAD)
    assert extract_text(text).title == headline
    assert "Live now at the headquarters" not in shown(text)


def test_a_weekday_date_with_furniture_after_it_is_a_masthead_not_a_dateline() -> None:
    masthead = read_date_line("Sunday, December 29, 2024 Search")
    dateline = read_date_line("(Hanoi, July 31st, 2014)")
    assert masthead is not None and masthead.rank is DateRank.MASTHEAD
    assert dateline is not None and dateline.rank is DateRank.DATELINE
    text = page(
        "Sunday, December 29, 2024 Search",
        "The 10th press briefing",
        "(Hanoi, July 31st, 2014)",
        LEAD,
    )
    assert extract_text(text).date == datetime.date(2014, 7, 31)
