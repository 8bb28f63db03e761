"""Writing the inputs that `add`, `new` and `init` make or change, inside the project only.

New files are made with 'x' (never over a file, nor through a link, that appeared meanwhile),
in folders that must lie inside the project once their links are followed; a changed file is
written whole beside its target and renamed over it. The system's refusals are Faults at the
path refused, and a command writing several files removes those it wrote when one fails.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Mapping
from pathlib import Path

from generator.engine.workspace import attempt
from generator.engine.write import write_atomically
from generator.load.files import relative, resolves_inside
from generator.problems import Fault


def write_new_files(root: Path, files: Mapping[str, bytes], outcome: str) -> None:
    """Make each new file (by its path relative to `root`), or none of them: raise Fault,
    saying `outcome`, when one cannot be made."""
    written: list[Path] = []
    try:
        for name, data in files.items():
            path = root / name
            with attempt(root, "cannot write the new file", path):
                check_inside(root, path.parent)
                path.parent.mkdir(parents=True, exist_ok=True)
                with open(path, "xb") as file:
                    written.append(path)
                    file.write(data)
    except Fault as fault:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        fault.outcome = outcome
        raise


def replace_file(root: Path, path: Path, data: bytes) -> None:
    """Write `data` over the project file `path` whole (a link to it inside the project is
    followed, one out of it refused); raise Fault."""
    with attempt(root, "cannot write the file", path):
        check_inside(root, path)
        write_atomically(path.resolve(), data)


def check_inside(root: Path, path: Path) -> None:
    """Raise Fault unless `path`, its links followed, lies inside the project."""
    if not resolves_inside(root, path):
        hint = "replace the link by a folder of the project: a command writes nothing outside it"
        error = OSError(errno.EXDEV, "a link leads out of the project")
        raise Fault(relative(root, path), "will not write there", error, hint=hint)
