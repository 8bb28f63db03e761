"""`briefing init`: a new project that checks strictly and builds at once.

It holds the examples and settings of generator/defaults/project/, the schemas of the
installed tool in `schemas/` (where its files' schema comments and the editor settings point),
`briefings/briefing.yaml` with the title given, and a `mkdocs.yml` holding only what the
project sets: its address. Everything else (templates, pages, theme, MkDocs settings) is the
tool's default until the project overrides it. Nothing is written over an existing file.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from string import Template

import yaml

from generator import defaults
from generator.load.schema import SCHEMA_DIR
from generator.problems import Failure
from generator.project.write import write_new_files

SCHEMAS = "schemas"
TEMPLATED = (".github/workflows/briefing.yml", "README.md")
"""Skeleton files with `$title` and `$version` to fill in."""


class ProjectExists(Failure):
    """The folder already holds a project, or files init would write."""


def init_project(folder: Path, title: str, description: str, url: str | None) -> list[str]:
    """Write a new project into `folder` (made if missing); the paths written, sorted.

    ProjectExists, with nothing written, when the folder holds a project or any file to write.
    """
    files = project_files(title, description, url)
    taken = sorted(name for name in files if (folder / name).exists())
    if (folder / "briefings").exists() or (folder / "mkdocs.yml").exists() or taken:
        shown = ", ".join(taken[:5]) or "briefings/ or mkdocs.yml"
        raise ProjectExists(
            f"'{folder}' already holds a briefing project ({shown}); nothing was written. "
            "Choose an empty folder, or work on that project"
        )
    write_new_files(folder, dict(sorted(files.items())), "the project was not made")
    return sorted(files)


def project_files(title: str, description: str, url: str | None) -> dict[str, bytes]:
    """Every file of a new project, by its path in the project."""
    fill = {"title": title, "version": tool_version()}
    files = {}
    for path in sorted(defaults.PROJECT.rglob("*")):
        if path.is_file():
            name = path.relative_to(defaults.PROJECT).as_posix()
            text = path.read_text(encoding="utf-8")
            if name in TEMPLATED:
                text = Template(text).safe_substitute(fill)
            files[name] = text.encode("utf-8")
    files.update(schema_files())
    files["briefings/briefing.yaml"] = briefing_file(title, description)
    files["mkdocs.yml"] = site_config(url)
    return files


def schema_files() -> dict[str, bytes]:
    """The installed tool's schemas, as `schemas/<name>.schema.json` of the project."""
    return {
        f"{SCHEMAS}/{path.name}": path.read_bytes()
        for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
    }


def briefing_file(title: str, description: str) -> bytes:
    lines = [
        "# yaml-language-server: $schema=../schemas/briefing.schema.json",
        "# What the briefing covers: its title names the site, its feed and every page.",
        yaml_line("title", title),
        yaml_line("description", description),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def yaml_line(key: str, value: str) -> str:
    """`key: value`, quoted as YAML needs it."""
    return yaml.safe_dump({key: value}, allow_unicode=True, width=1000).rstrip("\n")


def site_config(url: str | None) -> bytes:
    """The project's mkdocs.yml: its address, and a word on what else may go there."""
    lines = [
        "# This site's settings, merged over the tool's base MkDocs configuration (theme, search,",
        "# navigation, link checks): set here only what this site changes. Its name and",
        "# description come from briefings/briefing.yaml.",
        "#",
        "# site_url is the address the site is published at: the feed's ids and links, the",
        "# sitemap and instant navigation (which loads pages through the sitemap) need it;",
        "# without it every click loads a whole page. For GitHub Pages it is",
        "# https://<owner>.github.io/<repository>/.",
    ]
    lines.append(yaml_line("site_url", url) if url else "# site_url: https://example.org/briefing/")
    return ("\n".join(lines) + "\n").encode("utf-8")


def tool_version() -> str:
    try:
        return metadata.version("briefing-site")
    except metadata.PackageNotFoundError:
        return "0"
