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
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
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
from generator.render.sandbox import sandboxed

LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments")
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


class ThemeCache:
    """The theme's environment, whose templates reuse a page's previous HTML when its key
    matches; everything else is the environment's own."""

    def __init__(self, env: jinja2.Environment, cache: PageCache, pages: bool) -> None:
        object.__setattr__(self, "env", env)
        object.__setattr__(self, "cache", cache)
        object.__setattr__(self, "pages", pages)

    def get_template(self, name: str, *args: Any, **kwargs: Any) -> CachedTemplate:
        return CachedTemplate(self.env.get_template(name, *args, **kwargs), name, self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.env, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.env, name, value)


class CachedTemplate:
    """A theme template whose `render` of a page is skipped when its output is proved."""

    def __init__(self, template: jinja2.Template, name: str, theme: ThemeCache) -> None:
        self.template, self.name, self.theme = template, name, theme

    def render(self, context: Any) -> str:
        page = context.get("page") if hasattr(context, "get") else None
        if not isinstance(page, Page):
            return str(self.template.render(context))
        cache = self.theme.cache
        key = cache.page_key(self.name, dict(context), self.theme.pages)
        if key is not None and (reused := cache.previous_output(page, key)) is not None:
            return str(reused)
        output = self.template.render(context)
        if key is not None:
            written = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
            cache.html.put(key, hashlib.sha256(written).hexdigest())
        return output

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)


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


def reads_all_pages(env: jinja2.Environment) -> bool:
    """Whether a theme template reads `pages` (every page of the site), so that a page's HTML
    depends on the others."""
    assert env.loader is not None
    for name in env.loader.list_templates():
        if not name.endswith(".html"):
            continue
        source = env.loader.get_source(env, name)[0]
        if "pages" in source and "pages" in jinja2.meta.find_undeclared_variables(
            env.parse(source)
        ):
            return True
    return False


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
