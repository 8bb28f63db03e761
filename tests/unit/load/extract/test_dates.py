"""Dates as pages print them: a line that is a date and nothing else, or no date at all."""

from __future__ import annotations

import datetime

import pytest

from generator.load.extract.dates import iso_date, make_date, parse_date

DAY = datetime.date(2024, 9, 3)


@pytest.mark.parametrize(
    "line",
    [
        "2024-09-03",
        "2024-09-03T10:15:00+03:00",
        "2024-09-03 10:15 UTC",
        "3 September 2024",
        "3 SEPT. 2024",
        "Sep 3, 2024",
        "september 3 2024",
        "Tue, 3 Sep 2024",
        "Updated on: 3 September 2024",
        "3 September 2024, 10.15 a.m.",
        "September 3, 2024 at 3.15 pm EST",
        "3 Sep 2024 | 10:15",
    ],
)
def test_a_line_holding_only_a_date_is_that_date(line: str) -> None:
    assert parse_date(line) == DAY


@pytest.mark.parametrize(
    "line",
    [
        "On 3 September 2024",
        "3 September 2024 in Geneva",
        "3 Septober 2024",
        "2024-09-31",
        "31 June 2024",
        "2024/09/03",
        "",
    ],
)
def test_anything_more_or_less_than_a_real_day_is_no_date(line: str) -> None:
    assert parse_date(line) is None


def test_parts_that_name_no_day_make_no_date() -> None:
    assert make_date("2024", 9, "03") == DAY
    assert make_date("2024", None, "3") is None
    assert make_date("2024", 13, "1") is None
    assert make_date("2023", 2, "29") is None


@pytest.mark.parametrize(
    ("value", "date"),
    [("2024-09-03", DAY), ("2024-09", None), ("2024-02-30", None), ("", None), (None, None)],
)
def test_a_date_given_as_yyyy_mm_dd_or_none(value: str | None, date: datetime.date | None) -> None:
    assert iso_date(value) == date
