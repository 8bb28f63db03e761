"""What a page's cache entries are keyed by (generator/engine/pagecache.py): the settings the
rendering of its Markdown and its theme depend on, the navigation and the page as the theme
sees it, each written out as text to be digested."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.engine.cache import digest

LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments")
"""The libraries whose versions every key holds: a new version may render otherwise."""


def markdown_settings(config: MkDocsConfig) -> str:
    """What the rendering of any page's Markdown depends on besides the page."""
    shown = [versions(), config_json(config.get("markdown_extensions"))]
    shown += [config_json(config.get(key)) for key in ("mdx_configs", "validation")]
    shown.append(str(config.get("use_directory_urls")))
    return digest(shown)


def theme_settings(config: MkDocsConfig) -> str:
    """What the theme's rendering of any page depends on besides the page and the nav."""
    settings = {k: v for k, v in config.items() if k not in ("plugins", "theme")}
    plugins = {name: config_json(plugin.config) for name, plugin in config.plugins.items()}
    theme = config.theme
    parts = [versions(), config_json(settings), config_json(plugins), theme.name or ""]
    parts.append(config_json(dict(theme.items())))
    for folder in theme.dirs:
        parts += file_stamps(Path(folder))
    return digest(parts)


def file_stamps(folder: Path) -> list[str]:
    """Every file below `folder` with its size and modification time: the theme's thousands of
    icons are not read (a package's files change with its version, which is in the key too)."""
    stamps = []
    for path in sorted(folder.rglob("*")):
        status = path.stat()
        stamps.append(f"{path}\0{status.st_size}\0{status.st_mtime_ns}")
    return stamps


def config_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


@functools.cache
def versions() -> str:
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=absent")
    return " ".join(found)


def nav_facts(nav: Navigation) -> list[str]:
    """The navigation as every page shows it: its items' kinds, titles and addresses."""

    def walk(items: list[Any], depth: int) -> Iterator[str]:
        for item in items:
            url = getattr(item, "url", None)
            yield f"{depth}\0{type(item).__name__}\0{item.title}\0{url}"
            yield from walk(getattr(item, "children", None) or [], depth + 1)

    homepage = nav.homepage.url if nav.homepage is not None else ""
    return [homepage, *walk(nav.items, 0)]


def page_facts(page: Page) -> list[str]:
    """A page as the theme sees it."""
    neighbours = [
        f"{other.title}\0{other.url}" if other is not None else ""
        for other in (page.previous_page, page.next_page)
    ]
    ancestors = [f"{a.title}\0{getattr(a, 'url', '')}" for a in page.ancestors]
    return [
        page.content or "",
        toc_json(page.toc),
        json.dumps(page.meta, sort_keys=True, default=str),
        str(page.title),
        page.url,
        page.file.src_uri,
        page.file.dest_uri,
        str(page.canonical_url),
        str(page.abs_url),
        str(page.edit_url),
        str(page.is_homepage),
        *neighbours,
        json.dumps(ancestors),
    ]


def toc_json(toc: Any) -> str:
    def item(link: Any) -> list[Any]:
        return [link.title, link.id, link.level, [item(child) for child in link.children]]

    return json.dumps([item(link) for link in toc])
