"""One generation of a project, as its own process so that its time and memory are its own.

`python -m bench.stage ROOT` runs what `briefing build` runs before MkDocs (load, check,
render, write generated/, or nothing when no input changed since the last run) and prints one
JSON line: seconds, whether it was skipped, pages, written and deleted paths.
`python -m bench.stage --full-text ROOT` builds the full-text index of ROOT/site.
`python -m bench.stage --configure ROOT` writes the site engine's configuration for building
ROOT/generated into ROOT/site (`.build.mkdocs.yml`), as `briefing build` writes it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from generator.engine.build import write_engine_config
from generator.engine.fulltext import index_site
from generator.engine.incremental import read_state, regenerate
from generator.engine.workspace import BUILD_CONFIG, DOCS_DIR, SITE_DIR


def configure(root: Path) -> None:
    """Write the engine's configuration of the last regeneration's pages."""
    state = read_state(root)
    if state is None:
        sys.exit(f"{root} has not been generated yet")
    write_engine_config(root, state.name, Path(DOCS_DIR), Path(SITE_DIR), BUILD_CONFIG)


def index(root: Path) -> None:
    """Index the built site as `briefing build` does, one Pagefind run per part."""
    result = index_site(root / "site")
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)


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
    if sys.argv[1] == "--full-text":
        index(Path(sys.argv[2]))
    elif sys.argv[1] == "--configure":
        configure(Path(sys.argv[2]))
    else:
        main(Path(sys.argv[1]))
