"""The theme's environment as the page cache hands it to MkDocs (generator/engine/pagecache.py):
a template's render of a page is skipped when the page's previous HTML is proved to be what it
would render."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.meta
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from generator.engine.pagecache import PageCache


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
