"""What a published build costs: from scratch, with nothing changed, after one edited summary
and after one added article, on a synthetic project or the demo with a folder of articles.

    python -m bench.publish --articles 1000
    python -m bench.publish --bulk ../shared/corpus-bulk

Each `briefing build` runs in a child process, timed from outside (wall clock, Python's start
included), with its peak memory (wait4's maximum resident set size of it and of the processes
it waited for: MkDocs' and Pagefind's runs), and the time of each of its stages as the child
measured them (bench/timed_build.py).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bench.corpus import Size, make_project, next_article
from bench.run import REPO, run_measured
from bench.serve_latency import make_copy, with_marker

SUMMARY_LINE = re.compile(r"^ *summary:", re.MULTILINE)


def build(root: Path) -> str:
    """One `briefing build`: its time, peak memory and stages, as a line."""
    measured = run_measured([sys.executable, "-m", "bench.timed_build", str(root)], REPO)
    last = measured.stdout.strip().splitlines()[-1]
    stages = ", ".join(f"{name} {t:.1f}" for name, t in json.loads(last)["stages"].items())
    return f"{measured.seconds:.1f} s ({measured.peak_mib:.0f} MiB; {stages})"


def edit_summary(root: Path) -> None:
    for actor in sorted((root / "briefings" / "actors").glob("*.yaml")):
        text = actor.read_text(encoding="utf-8")
        if SUMMARY_LINE.search(text):
            actor.write_text(with_marker(text, "Edited."), encoding="utf-8")
            return


def add_article(root: Path, articles: int) -> None:
    for name, text in next_article(Size(articles, 40, 25, 800)).files.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int)
    parser.add_argument("--bulk", type=Path)
    options = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="briefing-publish-"))
    try:
        if options.articles:
            make_project(root, Size(options.articles, 40, 25, 800))
        else:
            make_copy(root, None, options.bulk)
        print(f"from scratch: {build(root)}")
        print(f"nothing changed: {build(root)}")
        edit_summary(root)
        print(f"one summary edited: {build(root)}")
        add_article(root, options.articles or 1000)
        print(f"one article added: {build(root)}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
