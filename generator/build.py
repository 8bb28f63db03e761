"""The pipeline, start to end: load → model → render → write, then the site engine."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.drafts import without_drafts
from generator.exports import render_exports
from generator.feed import FEED_PATH, render_feed
from generator.load import load_inputs
from generator.model import Briefing, build_model
from generator.problems import Problem, Problems
from generator.render import render_site
from generator.siteconfig import load_site_config
from generator.write import WriteReport, write_pages

DOCS_DIR = "generated"
SITE_DIR = "site"


@dataclass(frozen=True, slots=True)
class Generated:
    """The pages of a briefing that passed every check, and the warnings found on the way."""

    briefing: Briefing
    pages: dict[str, str]
    warnings: tuple[Problem, ...]


def generate(root: Path, drafts: bool = True) -> Generated:
    """Load, check and render everything; raise BriefingError listing every problem.

    With `drafts` false (a published build) draft positions are left out of every output.
    """
    problems = Problems()
    raw = load_inputs(root, problems)
    site = load_site_config(root, problems)
    briefing = build_model(raw, problems)
    problems.raise_if_errors()
    if not drafts:
        briefing = without_drafts(briefing)
    files = {**render_exports(briefing), FEED_PATH: render_feed(briefing, site)}
    pages = render_site(briefing, raw.templates, raw.pages, problems, files)
    problems.raise_if_errors()
    return Generated(briefing, pages, problems.warnings)


def write_docs(root: Path, generated: Generated) -> WriteReport:
    """Write the generated Markdown into the docs folder that mkdocs.yml builds from."""
    return write_pages(generated.pages, root / DOCS_DIR)


def build_site(root: Path, briefing: Briefing) -> subprocess.CompletedProcess[str]:
    """Run a full, strict MkDocs build of the docs folder into site/ (never --dirty)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet"]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(briefing)}
    return subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True)


def source_date_epoch(briefing: Briefing) -> str:
    """The date MkDocs stamps in the sitemap: the newest content date, so rebuilds are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    dates = [p.as_of for p in briefing.positions] + [a.date for a in briefing.articles if a.date]
    newest = max(dates, default=datetime.date(1970, 1, 1))
    moment = datetime.datetime.combine(newest, datetime.time(), tzinfo=datetime.UTC)
    return str(int(moment.timestamp()))
