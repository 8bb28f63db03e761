"""The pipeline, start to end: load → model → render → write, then the site engine.

`generate` loads, checks and renders everything; `build_site` runs a full, strict MkDocs build
of pages written aside and `index_full_text` Pagefind over its result. generator/engine/publish.py
stages them and then puts generated/ and site/ in place, together or not at all.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.engine.config import config_text, engine_settings, theme_files
from generator.engine.engines import ENGINES, require_engine
from generator.engine.fulltext import index_site
from generator.engine.progress import Advance, follow
from generator.engine.sitebuild import fault_in
from generator.engine.workspace import (
    BUILD_CONFIG,
    DOCS_DIR,
    SITE_DIR,
    STAGE_DIR,
    THEME_DIR,
    attempt,
)
from generator.engine.write import WriteReport, write_if_changed, write_pages
from generator.load.files import relative
from generator.load.inputs import MAX_FILE_BYTES, RawInputs, load_inputs
from generator.load.reuse import Lasting, Reuse
from generator.load.siteconfig import SiteConfig, load_site_config
from generator.model import DEFAULT_ENGINE, Briefing, build_model
from generator.model.drafts import without_drafts
from generator.problems import Failure, Fault, Problem, Problems, printable
from generator.render.exports import render_exports
from generator.render.feed import render_feed
from generator.render.site import render_site
from generator.render.urls import FEED_PATH

UNCHANGED = f"{DOCS_DIR}/ and {SITE_DIR}/ are unchanged"


@dataclass(frozen=True, slots=True)
class SiteName:
    """What the site is called and says it is about: the briefing's title and description."""

    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Generated:
    """The pages of a briefing that passed every check, and the warnings found on the way."""

    briefing: Briefing
    site: SiteConfig
    pages: dict[str, str | bytes]
    """Text (Markdown, data, the feed) by docs path; bytes for hand-written files to copy."""
    warnings: tuple[Problem, ...]


class SiteBuildFailed(Failure):
    """The site engine (or Pagefind) refused the generated pages; `output` is what it printed,
    a Python traceback in it folded into its last line unless `verbose`."""

    def __init__(self, output: str, verbose: bool = False, engine: str = DEFAULT_ENGINE) -> None:
        self.what = f"the {ENGINES[engine].title} build failed"
        super().__init__(self.what)
        self.output = output if verbose else fold_tracebacks(output)

    def report(self) -> str:
        shown = "".join(f"{printable(line)}\n" for line in self.output.splitlines())
        return f"{shown}Error: {self.what} (see above); {UNCHANGED}\n"


TRACEBACK = "Traceback (most recent call last):"
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")


def fold_tracebacks(output: str) -> str:
    """`output` with each Python traceback (a chain of them too) reduced to its last line,
    the exception, marked as folded: forty lines of MkDocs' internals say less than that one."""
    kept: list[str] = []
    state = "out"
    for line in output.splitlines():
        if line.startswith(TRACEBACK):
            if state == "after":  # a chained traceback: its exception replaces the one before
                kept.pop()
            state = "in"
        elif state == "in":
            if line and not line[:1].isspace():  # the exception, after the indented frames
                kept.append(f"{line} (its traceback is folded: --verbose shows it)")
                state = "after"
        elif state != "after" or (line.strip() and not line.startswith(CHAINED)):
            kept.append(line)
            state = "out"
    return "".join(f"{line}\n" for line in kept)


def generate(
    root: Path,
    drafts: bool = True,
    strict: bool = False,
    max_file_bytes: int = MAX_FILE_BYTES,
    reuse: Reuse | None = None,
    lasting: Lasting | None = None,
) -> Generated:
    """Load, check and render everything; raise BriefingError listing every problem.

    With `drafts` false (a published build) draft positions are left out of every output, and
    suggested evidence out of the review queue.
    With `strict`, a warning fails the run like an error. An article or YAML file larger than
    `max_file_bytes` is one of the problems. With `reuse` (the live preview's), what the
    previous run computed from the same inputs is taken again (generator/load/reuse.py); with
    `lasting` (a build's), the articles an earlier process read are (generator/load/lasting.py).
    """
    problems = Problems()
    site = load_site_config(root, problems, max_file_bytes)
    loading = reuse or (Reuse(lasting) if lasting is not None else None)
    raw, briefing = load_model(root, problems, max_file_bytes, loading, model=reuse)
    check_site_name(site, briefing, problems)
    site = replace(site, name=briefing.title)  # the one name of the site, its feed's too
    if not drafts:
        briefing = without_drafts(briefing)
    files = render_files(briefing, site, reuse)
    pages = render_site(briefing, raw.templates, raw.pages, problems, files, reuse, suggest=drafts)
    problems.raise_if_errors(strict)
    return Generated(briefing, site, pages, problems.warnings)


def render_files(briefing: Briefing, site: SiteConfig, reuse: Reuse | None) -> dict[str, str]:
    """The data exports and the feed, which are made from the briefing and the site settings."""

    def render(_: Problems) -> dict[str, str]:
        return {**render_exports(briefing), FEED_PATH: render_feed(briefing, site)}

    if reuse is None:
        return render(Problems())
    basis = (briefing.title, briefing.description, briefing.actors, briefing.issues)
    return reuse.take("files", (*basis, briefing.articles, site), render, Problems())


def check_site_name(site: SiteConfig, briefing: Briefing, problems: Problems) -> None:
    """The site is named by briefings/briefing.yaml: mkdocs.yml may repeat its title, not differ."""
    if site.name is not None and site.name != briefing.title:
        hint = (
            "remove site_name from mkdocs.yml: the site takes the title of briefings/briefing.yaml"
        )
        message = f"site_name '{site.name}' is not the briefing's title '{briefing.title}'"
        problems.error(site.location("site_name"), message, hint)


def load_model(
    root: Path,
    problems: Problems,
    max_file_bytes: int = MAX_FILE_BYTES,
    reuse: Reuse | None = None,
    model: Reuse | None = None,
) -> tuple[RawInputs, Briefing]:
    """The inputs below `root` (read with `reuse`) and the model checked from them (built with
    `model`); BriefingError listing every problem (those already in `problems` too) when there
    is an error."""
    raw = load_inputs(root, problems, max_file_bytes, reuse)
    briefing = build_model(raw, problems, model)
    problems.raise_if_errors()
    return raw, briefing


def write_docs(root: Path, generated: Generated) -> WriteReport:
    """Write the generated Markdown into the docs folder in place (the live preview's way)."""
    return write_pages(generated.pages, root / DOCS_DIR)


def write_engine_config(
    root: Path,
    name: SiteName,
    docs_dir: Path,
    site_dir: Path,
    config_name: str,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Path:
    """Write the engine's configuration `config_name` (beside mkdocs.yml) for building
    `docs_dir` into `site_dir`, and the theme folder it names; its path. The paths are given
    relative to the project or absolute; in the file they are relative to it. Raise
    BriefingError when mkdocs.yml or a theme override cannot be read, Fault when a file
    cannot be written."""
    problems = Problems()
    site = load_site_config(root, problems, max_file_bytes)
    theme = theme_files(root, site, problems, max_file_bytes)
    problems.raise_if_errors()
    with attempt(root, "cannot write the theme folder"):
        write_pages(theme, root / THEME_DIR)
    paths = [root / path for path in (docs_dir, site_dir, THEME_DIR)]  # absolute ones stay
    shown = [os.path.relpath(path, root).replace(os.sep, "/") for path in paths]
    settings = engine_settings(site, name.title, name.description, *shown)
    config = root / config_name
    with attempt(root, "cannot write the site engine's configuration"):
        write_if_changed(config, config_text(settings))  # a watcher of it sees real changes only
    return config


def build_site(
    root: Path,
    epoch: str,
    on_page: Advance | None = None,
    verbose: bool = False,
    engine: str = DEFAULT_ENGINE,
) -> None:
    """Run a full, strict build by `engine` (generator/engine/engines.py) with the
    configuration written for it (never --dirty); raise BriefingError when the engine is not
    installed, SiteBuildFailed with what it printed (every line of it when `verbose`)."""
    config = (root / BUILD_CONFIG).relative_to(root).as_posix()
    command = require_engine(engine).command(config)
    environment = {
        # SOURCE_DATE_EPOCH, when set, wins over the content's date (reproducible-builds.org).
        "SOURCE_DATE_EPOCH": epoch,
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",  # a banner about MkDocs 2.0 would bury the build's own output
    }
    if on_page is None or engine != DEFAULT_ENGINE:
        result = subprocess.run(
            command,
            cwd=root,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    else:  # MkDocs' --verbose log names each page it reads and builds
        result = follow([*command, "--verbose"], root, environment, page_counter(on_page))
    if result.returncode != 0:
        fault = fault_in(result.stdout)
        if fault is not None and not verbose:  # else all it printed, its traceback too
            failed = Path(fault.filename) if fault.filename else root / STAGE_DIR
            raise Fault(relative(root, root / failed), "cannot build the site", fault)
        raise SiteBuildFailed(without_info(result.stdout), verbose, engine)


def page_counter(on_page: Advance) -> Callable[[str], None]:
    """Call `on_page` for each page MkDocs says it reads or builds in its --verbose log."""

    def on_line(line: str) -> None:
        if " Reading: " in line or " Building page " in line:
            on_page()

    return on_line


def index_full_text(root: Path, site: Path, previous: Path | None, verbose: bool = False) -> None:
    """Write the full-text search index of a built site (Pagefind), reusing the parts of the
    `previous` site made from the same pages; raise SiteBuildFailed, or Fault when a part or
    its list cannot be written."""
    with attempt(root, "cannot write the full-text index"):
        result = index_site(site, previous)
    if result.returncode != 0:
        raise SiteBuildFailed(result.stdout + result.stderr, verbose)


def without_info(output: str) -> str:
    """MkDocs' output without its INFO messages, unless nothing else is left.

    The warnings and errors that failed the build are what the reader needs; INFO lines (and
    their indented continuations, such as the list of pages outside the nav) bury them.
    """
    kept, info = [], False
    for line in output.splitlines(keepends=True):
        if not line[:1].isspace():
            info = line.startswith("INFO")
        if not info:
            kept.append(line)
    return "".join(kept) or output


def content_epoch(briefing: Briefing) -> str:
    """The date MkDocs stamps in the sitemap: the newest content date, so rebuilds are identical."""
    dates = [p.as_of for p in briefing.positions] + [a.date for a in briefing.articles if a.date]
    newest = max(dates, default=datetime.date(1970, 1, 1))
    moment = datetime.datetime.combine(newest, datetime.time(), tzinfo=datetime.UTC)
    return str(int(moment.timestamp()))
