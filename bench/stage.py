"""One generation of a project, as its own process so that its time and memory are its own.

`python -m bench.stage ROOT` runs what `briefing build` runs before MkDocs (load, check,
render, write generated/) and prints one JSON line: seconds, pages, written and deleted paths.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from generator.build import generate, write_docs


def main(root: Path) -> None:
    """Generate `root` once and print what it cost and wrote."""
    start = time.perf_counter()
    generated = generate(root)
    report = write_docs(root, generated)
    seconds = time.perf_counter() - start
    result = {
        "seconds": seconds,
        "pages": len(generated.pages),
        "written": list(report.written),
        "deleted": list(report.deleted),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
