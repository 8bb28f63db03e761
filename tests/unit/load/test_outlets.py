"""The outlet development set (tests/fixtures/outlets/): real pages of many outlets, read by the
general rules alone, against the expectations of its table (expectations.yaml).

The first set (01-55) and the even half of the second (56-102) must meet the targets: titles
and dates right on 95% of the pages, chrome left on at most a tenth, no body sentence lost. The
other parts (the second set's odd half, the third set's halves, 103-136) miss some target
(BENCHMARKS.md gives their figures); what each reaches is kept from going back, by itself.
`python -m bench.extraction --misses` lists what each page missed.
"""

from __future__ import annotations

import pytest

from bench.extraction import PARTS, Verdict, cases, extract_case, judge, part

CASES = cases()
TARGETS = {"title": 0.95, "date": 0.95, "body": 1.0, "chrome": 0.9}
# What the other parts reached at the end of the work on them (BENCHMARKS.md): the second
# set's odd half 20, 20, 22 and 18 pages of 23; the third set's development half 17, 16, 17
# and 16 of 17 (one date short of the target); its held-out half, first measured at 13, 16, 17
# and 13 of 17, now 16, 17, 17 and 15.
FLOORS = {
    "held-out": {"title": 20 / 23, "date": 20 / 23, "body": 22 / 23, "chrome": 18 / 23},
    "third-development": {"title": 1.0, "date": 16 / 17, "body": 1.0, "chrome": 16 / 17},
    "third-held-out": {"title": 16 / 17, "date": 1.0, "body": 1.0, "chrome": 15 / 17},
}


@pytest.fixture(scope="module")
def verdicts() -> dict[str, list[Verdict]]:
    found: dict[str, list[Verdict]] = {key: [] for key in PARTS}
    for case in CASES:
        found[part(case)].append(judge(case, extract_case(case)))
    return found


def share(verdicts: list[Verdict], passed: str) -> float:
    found = {
        "title": [v.title for v in verdicts],
        "date": [v.date for v in verdicts],
        "body": [not v.lost for v in verdicts],
        "chrome": [not v.chrome for v in verdicts],
    }[passed]
    return sum(found) / len(found)


def test_the_set_is_many_outlets_of_every_kind() -> None:
    assert len(CASES) >= 100
    assert len({case["outlet"] for case in CASES}) >= 60
    assert {str(case["file"]).rsplit(".", 1)[1] for case in CASES} == {"txt", "html"}


@pytest.mark.parametrize("collected", ["", "third-"])
def test_each_later_set_is_split_by_the_rule_fixed_in_advance(collected: str) -> None:
    later = [case for case in CASES if part(case).startswith(collected or ("development", "held"))]
    assert len(later) >= 30
    for case in later:
        odd = int(str(case["file"]).split("-", 1)[0]) % 2
        assert part(case) == collected + ("held-out" if odd else "development")


@pytest.mark.parametrize("passed", sorted(TARGETS))
@pytest.mark.parametrize("tuned_on", ["first", "development"])
def test_the_pages_the_rules_were_written_on_meet_the_targets(
    verdicts: dict[str, list[Verdict]], tuned_on: str, passed: str
) -> None:
    assert share(verdicts[tuned_on], passed) >= TARGETS[passed]


@pytest.mark.parametrize("passed", sorted(TARGETS))
@pytest.mark.parametrize("reached", sorted(FLOORS))
def test_the_other_parts_keep_what_they_reached(
    verdicts: dict[str, list[Verdict]], reached: str, passed: str
) -> None:
    assert share(verdicts[reached], passed) >= FLOORS[reached][passed]


def test_no_body_sentence_is_lost_where_the_rules_were_written(
    verdicts: dict[str, list[Verdict]],
) -> None:
    tuned = verdicts["first"] + verdicts["development"] + verdicts["third-development"]
    assert [(v.file, v.lost) for v in tuned if v.lost] == []
