"""`briefing build` in this process, with the time of each of its stages.

    python -m bench.timed_build ROOT

It runs the command's own code (generator.cli.site.build) with a clock around each stage,
and prints, after what the command prints, one JSON line `{"stages": {name: seconds}}`:

- generation: load, check and render (or nothing, when no input changed since the last run);
- staging: the pages put in .build/stage/generated/ (hard links to unchanged ones);
- engine: the site engine's build (MkDocs with the page cache, its own process);
- full-text: Pagefind over the staged site, reusing the parts of unchanged pages;
- commit: generated/ and site/ put in place;
- cleanup: the stage removed;
- other: the rest (Python's start is outside it: time the process from outside for that).

The clocks wrap the functions by name, so the benchmark measures the code as it is.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import generator.cli.site
import generator.engine.publish

STAGES = {
    "generation": (generator.cli.site, "prepare"),
    "staging": (generator.engine.publish, "stage_pages"),
    "engine": (generator.engine.publish, "build_site"),
    "full-text": (generator.engine.publish, "index_full_text"),
    "commit": (generator.engine.publish, "commit"),
    "cleanup": (generator.engine.publish, "remove_stage"),
}


def timed(seconds: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, adding the time of each of its calls to `seconds[name]`."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def main(root: Path) -> None:
    seconds: dict[str, float] = {}
    for name, (module, attribute) in STAGES.items():
        setattr(module, attribute, timed(seconds, name, getattr(module, attribute)))
    start = time.perf_counter()
    try:
        generator.cli.site.build.main(["--root", str(root)], standalone_mode=False)
    finally:
        total = time.perf_counter() - start
        seconds["other"] = total - sum(seconds.values())
        print(json.dumps({"stages": seconds}), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
