"""Shared fixtures: fresh copies of the demo and mini projects, and golden files.

The projects come from tests/builders.py; the slow tier (tests/slow/) adds a built site, an
HTTP server and a browser in its own conftest.py.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from builders import Edit, MiniProject, copy_mini_project, copy_project
from click.testing import Result
from hypothesis import HealthCheck, settings

# Property-based tests: no deadline (a site build takes seconds), each test bounds its own
# number of examples. CI explores the same examples on every run, so that a failure there is
# reproducible and never a fluke of the draw; a local run explores new ones each time.
settings.register_profile(
    "local", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("local"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")


@pytest.fixture(autouse=True, scope="session")
def fixed_date() -> Iterator[None]:
    """The check warns about dates after today: in-process runs see one fixed day, long after
    the fixtures' dates, so that no report depends on the day the tests run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.model.current_date", lambda: datetime.date(2100, 1, 1))
        yield


@pytest.fixture
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the project's inputs in a temporary folder, for one test to change freely.

    It holds the demo's mkdocs.yml, seeds/ and briefings/, but no generated/ or site/ (the
    templates, pages and theme are the tool's defaults): pass it as `--root` to build it.
    """
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> MiniProject:
    """Makes an edited copy of the mini project: `mini_project(edits)` returns its root.

    Each call makes a fresh copy in a new temporary folder, or at `root` when given (a folder
    that does not exist yet). Session-scoped, so that module fixtures and property-based tests
    may use it too.
    """

    def make(edits: Mapping[str, Edit] | None = None, root: Path | None = None) -> Path:
        return copy_mini_project(root or tmp_path_factory.mktemp("mini") / "project", edits)

    return make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the golden files from the current output instead of comparing with them",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to refresh golden files (review their diff before committing)."""
    return bool(request.config.getoption("--update-goldens"))


class Goldens:
    """Compares output with golden files, or rewrites them when the run was asked to."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, golden: Path, text: str) -> None:
        """`text` is the content of the file `golden` (which is rewritten under an update)."""
        if self.update:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8")

    def check_failed_build(self, result: Result, root: Path, golden: Path) -> None:
        """The command failed as a user's mistake should: exit status 1, no traceback, nothing
        written to generated/ or site/, and the report on stderr as in `golden`."""
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert not (root / "generated").exists(), "a failed build must write nothing"
        assert not (root / "site").exists(), "a failed build must write nothing"
        self.check(golden, result.stderr)


@pytest.fixture
def goldens(update_goldens: bool) -> Goldens:
    """Golden-file assertions; `pytest --update-goldens` rewrites the files instead."""
    return Goldens(update_goldens)
