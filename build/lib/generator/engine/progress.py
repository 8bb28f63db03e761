"""Progress of long builds on a terminal (rich); nothing at all in CI, pipes and log files.

A build of 10,000 articles spends minutes in MkDocs, which says nothing while it works unless
asked to log every page; on a terminal the build asks, and turns those lines into a bar.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[], None]


def shown() -> bool:
    """True when both output streams are a terminal and no CI system is running us."""
    return sys.stdout.isatty() and sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def step(label: str, total: int | None = None) -> Iterator[Advance]:
    """A progress line on standard error while the block runs, gone when it ends; yields a
    function that counts one unit of `total` (with no total, a spinner and the time taken)."""
    if not shown():
        yield lambda: None
        return
    # Imported here: rich takes a twentieth of a second to load, for nothing off a terminal.
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn()]
    if total is not None:
        columns.append(MofNCompleteColumn())
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def follow(
    command: list[str], cwd: os.PathLike[str], env: dict[str, str], on_line: Callable[[str], None]
) -> subprocess.CompletedProcess[str]:
    """Run `command`, passing each line it prints to `on_line`; the output kept is every line
    but the DEBUG ones, for a report if it fails."""
    kept = []
    with subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            on_line(line)
            if not line.startswith("DEBUG"):
                kept.append(line)
    return subprocess.CompletedProcess(command, child.returncode, "".join(kept), "")
