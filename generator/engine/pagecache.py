"""A MkDocs plugin that reuses what earlier builds computed for a page, changing no output byte.

Two caches (generator/engine/cache.py), each keyed by a digest of everything its entry was made
from:

- a page's Markdown rendered to HTML (the bulk of a build: Python-Markdown), keyed by the
  page's Markdown, its path and address, the Markdown settings and the versions of the
  libraries. How its links resolved is stored with it (each path it looked up, and the address
  found or none): an entry is used only if every one still resolves the same, so adding or
  removing a page renders again exactly the pages that link to it. A page whose rendering
  logged a warning is never stored, so the warning comes again on every build;
- a page's built HTML (the theme's templates), keyed by the page as the theme sees it (its
  HTML, table of contents, metadata, title, address and neighbours), the navigation, the whole
  configuration and the theme's files. Only the digest of the output is stored: the output
  itself is taken from the previous build's file of that page, if it still has that digest.

When a build has many pages to render, the Markdown of those not in the cache is rendered
ahead by `workers` processes (forked, so they share the loaded configuration).

The plugin also hands MkDocs the theme's environment remade as the sandbox the tool renders its
own templates in (generator/render/sandbox.py): the project's `overrides/` are theme templates,
and a pull request's. Compiled templates are never kept on disk: a cache file a commit brought
would be code the build runs.

An engine that ignores the plugin builds the same bytes, more slowly: the plugin only hands MkDocs
what MkDocs would have computed. Where it cannot tell (another plugin that changes pages or
their context, a theme template that reads every page), it steps aside.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import multiprocessing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta as front_matter

from generator.engine.cache import Store, digest
from generator.engine.pagekeys import (
    config_json,
    markdown_settings,
    nav_facts,
    page_facts,
    theme_settings,
    versions,
)
from generator.engine.themecache import ThemeCache, reads_all_pages
from generator.render.sandbox import sandboxed

PREFILL_AT = 64
"""Pages to render before forking workers is worth its cost."""
CONTEXT_KEYS = frozenset(
    ("nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version")
) | {"build_date_utc", "config", "page"}
"""What MkDocs puts in a page's template context; anything more came from a plugin."""
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
THEME_EVENTS = ("page_context", "post_page")
SEARCH_PLUGINS = ("search", "material/search")
"""Their `on_page_context` only reads the page for the search index, and takes from its HTML
the attributes that mark what the index leaves out, before the template reads it."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """What `Page.render` sets on a page, and how its links resolved."""

    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]]
    """Anchors linked to, by the path of the page they are on."""
    looked_up: tuple[tuple[str, str | None], ...]
    """Each path a link was resolved against, and the address of the page found there."""


CACHED_CLASSES = frozenset(
    (
        ("generator.engine.pagecache", "Rendered"),
        ("mkdocs.structure.toc", "TableOfContents"),
        ("mkdocs.structure.toc", "AnchorLink"),
    )
)
"""The classes of the values the page cache stores (generator/engine/cache.py builds no other)."""


class Recorder:
    """The site's files, noting each path looked up and what was found there."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.looked_up: dict[str, str | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = self.files.get_file_from_path(path)
        self.looked_up[path] = found.url if found is not None else None
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.files, name)


class Warnings(logging.Handler):
    """Counts MkDocs' warnings while a page renders."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageCache(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Hands MkDocs the pages' rendered Markdown and built HTML that earlier builds proved."""

    def __init__(
        self,
        markdown: Store,
        html: Store,
        previous: Path | None,
        workers: int,
    ) -> None:
        super().__init__()
        self.markdown, self.html, self.previous, self.workers = markdown, html, previous, workers
        self.settings = self.theme = ""
        self.nav_key: str | None = None
        self.files: Files | None = None
        self.looked_up: dict[str, tuple[tuple[str, str | None], ...]] = {}
        """How each page's links resolved when it was last rendered, by its path."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = markdown_settings(config)
        self.theme = theme_settings(config)
        self.nav_key = None
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        for name in SEARCH_PLUGINS:
            index = getattr(config.plugins.get(name), "search_index", None)
            if isinstance(getattr(index, "entries", None), list):
                settings = digest([versions(), config_json(config.plugins[name].config)])
                cache_search_entries(index, self.html, settings)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.files = files
        if self.workers > 1 and not others_handle(config, PAGE_EVENTS, self):
            self.prefill(files, config)
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if not others_handle(config, PAGE_EVENTS, self):
            setattr(page, "render", functools.partial(self.render, page))  # noqa: B010
        return page

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env = sandboxed(env)  # overrides/ are the project's: its templates are untrusted
        if others_handle(config, THEME_EVENTS, self, allowed=SEARCH_PLUGINS):
            return env
        return ThemeCache(env, self, reads_all_pages(env))  # type: ignore[return-value]

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.markdown.commit()
        self.html.commit()

    def key(self, page: Page) -> str:
        return digest([self.settings, page.file.src_uri, page.file.url, page.markdown or ""])

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """`Page.render`, or what it gave before for the same Markdown and links."""
        key = self.key(page)
        entry = self.markdown.get(key)
        if not isinstance(entry, Rendered) or not still_resolves(entry, files):
            entry = render_markdown(page, config, files)
            if entry is None:
                return
            self.markdown.put(key, entry)
        restore(page, entry, files)
        self.looked_up[page.file.src_uri] = entry.looked_up

    def prefill(self, files: Files, config: MkDocsConfig) -> None:
        """Render ahead, in worker processes, the Markdown of pages the cache does not hold."""
        missing = []
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
            page = file.page
            assert page is not None
            page.markdown, page.meta = front_matter.get_data(file.content_string)
            entry = self.markdown.get(self.key(page))
            if not isinstance(entry, Rendered) or not still_resolves(entry, files):
                missing.append(page)
        if len(missing) < PREFILL_AT:
            return
        chunks = [missing[at :: self.workers] for at in range(self.workers)]
        PREFILL.update(config=config, files=files, chunks=chunks)
        with multiprocessing.get_context("fork").Pool(self.workers) as pool:
            for results in pool.imap_unordered(prefill_chunk, range(self.workers)):
                for index, entry in results:
                    page = chunks[index[0]][index[1]]
                    self.markdown.put(self.key(page), entry)
        PREFILL.clear()

    def page_key(self, name: str, context: dict[str, Any], pages: bool) -> str | None:
        """The key of a page's built HTML, or None when the context holds what it cannot see."""
        if not CONTEXT_KEYS.issuperset(context):
            return None
        if self.nav_key is None:
            self.nav_key = digest(nav_facts(context["nav"]))
        page = context["page"]
        facts = [
            self.theme,
            name,
            self.nav_key,
            context["base_url"],
            str(context["build_date_utc"]),
        ]
        facts += [
            json.dumps([str(u) for u in context[k]]) for k in ("extra_css", "extra_javascript")
        ]
        if pages:
            facts += [f.src_uri + "\0" + f.url for f in context["pages"]]
        return digest([*facts, *page_facts(page)])

    def previous_output(self, page: Page, key: str) -> str | None:
        """The page's HTML in the previous build, if it is the output stored under `key`."""
        wanted = self.html.get(key)
        if self.previous is None or not isinstance(wanted, str):
            return None
        try:
            data = (self.previous / page.file.dest_uri).read_bytes()
        except OSError:
            return None
        return data.decode("utf-8") if hashlib.sha256(data).hexdigest() == wanted else None


def cache_search_entries(index: Any, store: Store, settings: str) -> None:
    """Make the search plugin's index take a page's entries from `store` when the page is the
    same as the theme sees it: parsing the HTML of the briefing pages is most of what is left of
    a build whose pages are all cached."""
    original = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        key = digest(["search", settings, *page_facts(page)])
        entries = store.get(key)
        if isinstance(entries, list):
            index.entries.extend(entries)
            return
        start = len(index.entries)
        original(page)
        store.put(key, index.entries[start:])

    index.add_entry_from_context = add_entry_from_context


PREFILL: dict[str, Any] = {}
"""What the forked workers render: set just before the fork, read in the children."""


def prefill_chunk(number: int) -> list[tuple[tuple[int, int], Rendered]]:
    """Render one worker's share of the pages; those that logged a warning are left out."""
    logger = logging.getLogger("mkdocs")
    logger.handlers, logger.propagate = [], False  # the parent renders them again, and says
    results = []
    for at, page in enumerate(PREFILL["chunks"][number]):
        entry = render_markdown(page, PREFILL["config"], PREFILL["files"])
        if entry is not None:
            results.append(((number, at), entry))
    return results


def render_markdown(page: Page, config: MkDocsConfig, files: Files) -> Rendered | None:
    """Render the page as MkDocs does; its entry, or None if it logged a warning."""
    recorder, warnings = Recorder(files), Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        Page.render(page, config, recorder)  # type: ignore[arg-type]
    finally:
        logger.removeHandler(warnings)
    if warnings.count:
        return None
    assert page.content is not None
    links = {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()}
    return Rendered(
        page.content,
        page.toc,
        page._title_from_render,
        frozenset(page.present_anchor_ids or ()),
        links,
        tuple(sorted(recorder.looked_up.items())),
    )


def still_resolves(entry: Rendered, files: Files) -> bool:
    """Whether every path the entry's links looked up resolves as it did."""
    for path, url in entry.looked_up:
        found = files.get_file_from_path(path)
        if (found.url if found is not None else None) != url:
            return False
    return True


def restore(page: Page, entry: Rendered, files: Files) -> None:
    """Set on the page what `Page.render` would have set."""
    page.content, page.toc = entry.content, entry.toc
    page._title_from_render = entry.title
    page.present_anchor_ids = set(entry.anchors)
    targets = {uri: files.get_file_from_path(uri) for uri in entry.links_to_anchors}
    page.links_to_anchors = {
        target: dict(entry.links_to_anchors[uri])
        for uri, target in targets.items()
        if target is not None
    }


def others_handle(
    config: MkDocsConfig, events: tuple[str, ...], own: object, allowed: tuple[str, ...] = ()
) -> bool:
    """Whether a plugin other than `own` (and those `allowed`, by name) handles an event."""
    plugins = config.plugins
    mine = {id(own), *(id(plugins[name]) for name in allowed if name in plugins)}
    for event in events:
        for method in plugins.events.get(event, []):
            if id(getattr(method, "__self__", None)) not in mine:
                return True
    return False
