"""The outlet development set (tests/fixtures/outlets/): real pages of many outlets, read by the
general rules alone, against the expectations of its table (expectations.yaml).

The figures required here are the targets: titles and dates right on 95% of the pages, no body
sentence lost on any. Page chrome is left on a few pages no general rule can tell (a teaser of
another story above a page with no headline of its own); `python -m bench.extraction --misses`
lists them, and BENCHMARKS.md records the figures.
"""

from __future__ import annotations

import pytest

from bench.extraction import Verdict, cases, extract_case, judge

CASES = cases()
REQUIRED = {"title": 0.95, "date": 0.95, "body": 1.0, "chrome": 0.9}


@pytest.fixture(scope="module")
def verdicts() -> list[Verdict]:
    return [judge(case, extract_case(case)) for case in CASES]


def share(verdicts: list[Verdict], passed: str) -> float:
    found = {
        "title": [v.title for v in verdicts],
        "date": [v.date for v in verdicts],
        "body": [not v.lost for v in verdicts],
        "chrome": [not v.chrome for v in verdicts],
    }[passed]
    return sum(found) / len(found)


def test_the_set_is_many_outlets_of_every_kind() -> None:
    assert len(CASES) >= 40
    assert len({case["outlet"] for case in CASES}) >= 20
    assert {str(case["file"]).rsplit(".", 1)[1] for case in CASES} == {"txt", "html"}


@pytest.mark.parametrize("passed", sorted(REQUIRED))
def test_the_required_share_of_pages_comes_out_right(verdicts: list[Verdict], passed: str) -> None:
    assert share(verdicts, passed) >= REQUIRED[passed]


def test_no_body_sentence_is_lost(verdicts: list[Verdict]) -> None:
    assert [(v.file, v.lost) for v in verdicts if v.lost] == []
