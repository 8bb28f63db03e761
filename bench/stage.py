"""One generation of a project, as its own process so that its time and memory are its own.

`python -m bench.stage ROOT` runs what `briefing build` runs before MkDocs (load, check,
render, write generated/, or nothing when no input changed since the last run) and prints one
JSON line: seconds, whether it was skipped, pages, written and deleted paths.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from generator.incremental import regenerate


def main(root: Path) -> None:
    """Regenerate `root` once, as `briefing build` does, and print what it cost and wrote."""
    start = time.perf_counter()
    report = regenerate(root)
    seconds = time.perf_counter() - start
    result = {
        "seconds": seconds,
        "skipped": report.skipped,
        "pages": len(report.written) + report.unchanged,
        "written": list(report.written),
        "deleted": list(report.deleted),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
