"""Publishing: the site built aside, then generated/ and site/ put in place together.

`publish` stages everything in `.build/stage/`: the pages in `generated/` (those generated/
holds unchanged as hard links to its files, generator/engine/staging.py), the site that MkDocs
and Pagefind build from them in `site/` (taking unchanged pages and parts of the full-text
index from the last site/). A failed check, MkDocs build or full disk there leaves both outputs
untouched; then generator/engine/commit.py changes both, or neither.
Every command that writes the outputs holds the project first (`exclusive`): its output and
work paths checked, the build lock taken, and what a killed build left half done undone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping, Set
from dataclasses import dataclass
from pathlib import Path

from generator.engine.build import (
    UNCHANGED,
    SiteName,
    build_site,
    index_full_text,
    write_engine_config,
)
from generator.engine.commit import (
    DOCS_UNCHANGED,
    STAGED_DOCS,
    STAGED_SITE,
    commit,
    plan,
    recover,
    remove_stage,
)
from generator.engine.lock import BuildLocked, build_lock
from generator.engine.progress import Advance
from generator.engine.staging import stage_pages
from generator.engine.trash import sweeping
from generator.engine.workspace import (
    BUILD_CONFIG,
    DOCS_DIR,
    SITE_DIR,
    STAGE_DIR,
    attempt,
    check_site,
    site_problems,
    workspace_problems,
)
from generator.engine.write import WriteReport, write_pages
from generator.load.inputs import MAX_FILE_BYTES
from generator.model import DEFAULT_ENGINE
from generator.problems import BriefingError, Fault, Problems


@contextlib.contextmanager
def exclusive(
    root: Path, wait: bool = False, inputs: Callable[[], object] | None = None, site: bool = False
) -> Iterator[None]:
    """Hold the project for a command that writes its outputs: the output and work paths
    checked (generator/engine/workspace.py; with `site`, what the last site/ holds too), the
    build lock taken (at once, or when `wait`, once free), and a commit that a killed process
    left half done undone; what earlier builds discarded is deleted meanwhile (trash.py). When
    a path is refused, `inputs` (a check that only reads) is run too, so that one report names
    every problem of the project."""
    problems = Problems()
    workspace_problems(root, problems)
    if site:
        site_problems(root, problems)
    if problems.errors and inputs is not None:
        try:
            inputs()
        except BriefingError as error:
            problems.extend(error.problems)
    problems.raise_if_errors()
    with build_lock(root, wait):
        recover(root)
        with sweeping(root):  # the last build's stage deleted while this one works
            yield


def recover_if_idle(root: Path) -> None:
    """Undo a half-done commit before a command that writes inputs, unless a build is running
    (which undid it when it started)."""
    if os.path.lexists(root / STAGE_DIR):
        with contextlib.suppress(BuildLocked), exclusive(root):
            pass


def publish(
    root: Path,
    pages: Mapping[str, str | bytes],
    epoch: str,
    name: SiteName,
    on_page: Advance | None = None,
    verbose: bool = False,
    max_file_bytes: int = MAX_FILE_BYTES,
    engine: str = DEFAULT_ENGINE,
) -> WriteReport:
    """Build the site aside with `engine`, then put generated/ and site/ in place together;
    raise SiteBuildFailed, BriefingError (the engine not installed) or Fault, both outputs
    then as they were.

    The caller holds the project (`exclusive`). `epoch` is the date stamped in the sitemap
    (build.content_epoch); `on_page` is called as MkDocs reads and then builds each page.
    """
    staging = Staging(pages, epoch, name, on_page, verbose, max_file_bytes, engine)
    try:
        linked = stage_site(root, staging)
        return commit(root, plan(root, pages, site=True, current=linked), len(pages))
    except Fault as fault:
        fault.outcome = fault.outcome or UNCHANGED
        raise
    finally:
        remove_stage(root)
        with contextlib.suppress(OSError):
            (root / BUILD_CONFIG).unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Staging:
    """What a staged site is built from (see `publish`)."""

    pages: Mapping[str, str | bytes]
    epoch: str
    name: SiteName
    on_page: Advance | None
    verbose: bool
    max_file_bytes: int
    engine: str


def stage_site(root: Path, staging: Staging) -> frozenset[str]:
    """Stage the pages and build the site from them there, full-text index included; the
    pages staged as links to generated/'s files. Raise SiteBuildFailed, BriefingError
    (mkdocs.yml unreadable, a link in the last site/) or Fault."""
    check_site(root)
    with attempt(root, "cannot write the stage"):
        linked = stage_pages(staging.pages, root / DOCS_DIR, root / STAGED_DOCS)
    name, limit = staging.name, staging.max_file_bytes
    write_engine_config(root, name, STAGED_DOCS, STAGED_SITE, BUILD_CONFIG, limit)
    build_site(root, staging.epoch, staging.on_page, staging.verbose, staging.engine)
    index_full_text(root, root / STAGED_SITE, root / SITE_DIR, staging.verbose)
    return linked


def update_docs(
    root: Path, pages: Mapping[str, str | bytes], current: Set[str] = frozenset()
) -> WriteReport:
    """Make generated/ hold exactly `pages`, all of them or none (the live preview's way: no
    site); raise Fault. The pages named in `current` are known to be what generated/ holds
    (see commit.plan). The caller holds the project (`exclusive`)."""
    change = plan(root, pages, site=False, current=current)
    try:
        with attempt(root, "cannot write the stage"):
            write_pages({name: pages[name] for name in change.written}, root / STAGED_DOCS)
        return commit(root, change, len(pages))
    except Fault as fault:
        fault.outcome = fault.outcome or DOCS_UNCHANGED
        raise
    finally:
        remove_stage(root)
