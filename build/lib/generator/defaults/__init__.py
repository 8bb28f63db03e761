"""What every briefing site starts from, shipped with the tool: the page templates, the
hand-written pages and assets, the theme overrides, the base MkDocs configuration and the
files `briefing init` writes. A project overrides any of them file by file (see the README)."""

from __future__ import annotations

from pathlib import Path

DEFAULTS = Path(__file__).resolve().parent
TEMPLATES = DEFAULTS / "templates"
PAGES = DEFAULTS / "pages"
OVERRIDES = DEFAULTS / "overrides"
BASE_CONFIG = DEFAULTS / "mkdocs.yml"
PROJECT = DEFAULTS / "project"
"""The skeleton `briefing init` copies into a new project."""
