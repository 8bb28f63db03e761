"""Problems: located, sorted, counted, with a hint; and how a command's stop reports itself."""

from __future__ import annotations

import pytest

from generator.problems import (
    BriefingError,
    Failure,
    Location,
    Problem,
    Problems,
    counted,
    did_you_mean,
    report_text,
    summary,
)

A = Location("briefings/actors/a.yaml", 3, 5)
B = Location("briefings/actors/b.yaml", 1, 1)


def test_a_problem_reads_path_line_column_message_then_its_hint() -> None:
    assert str(Location("seeds/x.txt")) == "seeds/x.txt:1:1"
    assert str(Problem(A, "unknown issue 'x'")) == "briefings/actors/a.yaml:3:5: unknown issue 'x'"
    warned = Problem(A, "a lone quote", "add another", "warning")
    assert str(warned) == "briefings/actors/a.yaml:3:5: warning: a lone quote\n  hint: add another"


def test_problems_come_out_sorted_by_place_each_once() -> None:
    problems = Problems()
    problems.error(B, "second")
    problems.error(Location(A.path, 3, 1), "first")
    problems.error(B, "second")
    problems.warning(A, "a warning")
    assert [p.message for p in problems.errors] == ["first", "second"]
    assert [p.message for p in problems.warnings] == ["a warning"]


def test_only_an_error_stops_the_run_unless_it_is_strict() -> None:
    problems = Problems()
    problems.warning(A, "a warning")
    problems.raise_if_errors()
    with pytest.raises(BriefingError) as stopped:
        problems.raise_if_errors(strict=True)
    assert stopped.value.problems == problems.warnings
    problems.error(B, "an error")
    with pytest.raises(BriefingError) as stopped:
        problems.raise_if_errors()
    assert [p.severity for p in stopped.value.problems] == ["warning", "error"], "by place"


@pytest.mark.parametrize(
    ("problems", "strict", "line"),
    [
        ((Problem(A, "x"),), False, "1 error in 1 file"),
        ((Problem(A, "x"), Problem(B, "y"), Problem(B, "z")), False, "3 errors in 2 files"),
        (
            (Problem(A, "x"), Problem(A, "y", severity="warning")),
            False,
            "1 error and 1 warning in 1 file",
        ),
        ((Problem(A, "y", severity="warning"),), False, "1 warning in 1 file"),
        (
            (Problem(A, "y", severity="warning"),),
            True,
            "1 warning in 1 file (--strict: warnings fail the run)",
        ),
        ((Problem(A, "x"),), True, "1 error in 1 file"),
        ((), False, "0 errors in 0 files"),
    ],
)
def test_the_summary_counts_errors_warnings_and_files(
    problems: tuple[Problem, ...], strict: bool, line: str
) -> None:
    assert summary(problems, strict) == line


def test_a_report_lists_every_problem_then_the_summary() -> None:
    problems = (Problem(A, "x", "do this"), Problem(B, "y"))
    assert report_text(problems) == (
        "briefings/actors/a.yaml:3:5: x\n  hint: do this\n"
        "briefings/actors/b.yaml:1:1: y\n"
        "2 errors in 2 files\n"
    )
    assert report_text(()) == ""


def test_counted_says_one_or_many() -> None:
    assert counted(1, "error") == "1 error"
    assert counted(0, "error") == "0 errors"
    assert counted(2, "history entry", "history entries") == "2 history entries"
    assert counted(1, "history entry", "history entries") == "1 history entry"


def test_did_you_mean_names_the_closest_choice_or_lists_them() -> None:
    assert did_you_mean("ceasfire", ["territory", "ceasefire"]) == "did you mean 'ceasefire'?"
    assert did_you_mean("x", []) == "none is defined yet"
    assert did_you_mean("zzz", ["b", "a"]) == "known: 'a', 'b'"
    many = [f"issue-{n:02}" for n in range(20)]
    listed = did_you_mean("quite other", many)
    assert listed.startswith("known: 'issue-00', 'issue-01'") and listed.endswith("'issue-11', …")


def test_a_failure_reports_itself_and_its_exit_status() -> None:
    failure = Failure("the lock is taken")
    assert (failure.report(), failure.status) == ("Error: the lock is taken\n", 1)
    problems = (Problem(A, "x"), Problem(B, "y", severity="warning"))
    error = BriefingError(problems, strict=True)
    assert isinstance(error, Failure) and error.status == 1
    assert error.report() == report_text(problems, strict=True)
    assert str(error) == summary(problems, strict=True)
