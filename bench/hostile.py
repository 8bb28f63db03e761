"""What the defences against hostile repositories and faults cost, and what they save.

`python -m bench.hostile PROJECT` takes a project that bench/corpus.py wrote and that was
generated once (`python -m bench.stage PROJECT`), and prints one JSON line:

- `workspace_seconds`: the check, before a build writes, that no output or work path is a
  link or other than what the build makes (generated/ and .build/ walked to the last file);
- `digest_seconds`: the digest of every input, each file checked by `stat` first;
- `check_seconds`, `check_peak_mb`: `briefing check` of the project, in a child process (its
  wall time and its peak resident memory);
- `stray_check_seconds`, `stray_check_peak_mb`: the same with a sparse 3 GB file in seeds/,
  which is refused by its size without being read.

The stray file is removed afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.engine.incremental import generator_fingerprint, inputs_digest
from generator.engine.workspace import check_workspace

STRAY = 3 * 1024**3


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def check(root: Path) -> tuple[float, float]:
    """The wall seconds and peak megabytes of `briefing check` of `root`, in a child."""
    command = [sys.executable, "-m", "generator", "check", "--root", str(root)]
    with open(os.devnull, "wb") as nowhere:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=nowhere, stderr=nowhere)
        _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def check_with_stray_file(root: Path) -> tuple[float, float]:
    """`check` with a 3 GB file in seeds/."""
    stray = root / "seeds" / "stray-dump.txt"
    with open(stray, "wb") as file:
        file.truncate(STRAY)  # sparse: it takes no room on disk
    try:
        return check(root)
    finally:
        os.unlink(stray)


def main(root: Path) -> None:
    generator_fingerprint()  # computed once per process, as in any command
    workspace = timed(lambda: check_workspace(root))
    digest = timed(lambda: inputs_digest(root, "options"))
    seconds, peak = check(root)
    stray_seconds, stray_peak = check_with_stray_file(root)
    figures = {
        "workspace_seconds": round(workspace, 3),
        "digest_seconds": round(digest, 3),
        "check_seconds": round(seconds, 2),
        "check_peak_mb": round(peak),
        "stray_check_seconds": round(stray_seconds, 2),
        "stray_check_peak_mb": round(stray_peak),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
