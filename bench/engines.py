"""The same generated pages built by each site engine, side by side: time and peak memory.

    python -m bench.engines --articles 1000 [--rounds 2]

A synthetic project (bench/corpus.py) is generated once, and its configuration written as
`briefing build` writes it (`.build.mkdocs.yml`); then each engine builds those pages into
site/, strict, each run in a child process timed from outside (wall clock, Python's start
included) with its peak memory (wait4's maximum resident set size):

- MkDocs: `mkdocs build --strict --clean`, MkDocs alone;
- MkDocs with the page cache: the build `briefing build` runs (generator/engine/sitebuild.py),
  first with an empty cache, then again with nothing changed;
- ProperDocs: `properdocs build --strict --clean`;
- Zensical: `zensical build --strict --clean` (its cache emptied), then `zensical build
  --strict` again with its cache.

With --rounds N, the whole sequence runs N times and each line shows every round's figure
(the machine's other work varies them). Pagefind, which runs after any engine, is not part of
these figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import Size, make_project
from bench.run import REPO, Run, run_measured
from generator.engine.cache import CACHE_DIR
from generator.engine.engines import ENGINES
from generator.engine.workspace import BUILD_CONFIG

ENVIRONMENT = {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
PYTHON = [sys.executable, "-m"]


@dataclass(frozen=True, slots=True)
class Build:
    """One engine's build: what it runs, and whether it starts from the last one's site/ and
    page cache (else from neither)."""

    label: str
    command: list[str]
    warm: bool = False


BUILDS = (
    Build("MkDocs", [*PYTHON, "mkdocs", "build", "--strict", "--clean", "-q", "-f", BUILD_CONFIG]),
    Build("MkDocs, page cache empty", ENGINES["mkdocs"].command(BUILD_CONFIG)),
    Build("MkDocs, page cache, nothing changed", ENGINES["mkdocs"].command(BUILD_CONFIG), True),
    Build("ProperDocs", ENGINES["properdocs"].command(BUILD_CONFIG)),
    Build("Zensical, cache emptied", ENGINES["zensical"].command(BUILD_CONFIG)),
    Build(
        "Zensical, with its cache",
        [*PYTHON, "zensical", "build", "--strict", "-f", BUILD_CONFIG],
        True,
    ),
)


def run_build(root: Path, build: Build) -> Run:
    """`build` of the generated pages, timed."""
    if not build.warm:
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
        shutil.rmtree(root / "site", ignore_errors=True)
    return run_measured(build.command, root, {**os.environ, **ENVIRONMENT})


def line(label: str, runs: list[Run]) -> str:
    times = ", ".join(f"{run.seconds:.1f}" for run in runs)
    memory = ", ".join(f"{run.peak_mib:.0f}" for run in runs)
    return f"{label:40} {times} s ({memory} MiB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    options = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="briefing-engines-"))
    try:
        make_project(root, Size(options.articles, 40, 25, 800))
        generated = run_measured([*PYTHON, "bench.stage", str(root)], REPO)
        print(line("generation (load, check, render, write)", [generated]), flush=True)
        run_measured([*PYTHON, "bench.stage", "--configure", str(root)], REPO)
        runs: dict[str, list[Run]] = {build.label: [] for build in BUILDS}
        for _ in range(options.rounds):
            for build in BUILDS:
                runs[build.label].append(run_build(root, build))
        for label, measured in runs.items():
            print(line(label, measured))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
