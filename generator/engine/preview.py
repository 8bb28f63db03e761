"""The live preview's site: built whole once, then page by page as regenerations change pages.

A full build is MkDocs' own (mkdocs.commands.build.build), into a new folder that the server
switches to once it is complete, so the last good site is served meanwhile. It keeps what
MkDocs built the site from (its files, navigation, theme environment and pages), and `update`
then hands MkDocs only the docs files a regeneration wrote or deleted: each changed page is read,
rendered and written again (its file replaced by a rename, never half written), and so is any
page whose links resolved to a file added or removed; every page's anchor links are checked
again, against the anchors of the pages as they now are; the sitemap is written again when the
set of pages changes. Every page shows the navigation: when a change alters it (a title of a
page it names), and when mkdocs.yml or the theme change, the site is built whole.

What an update leaves as it was: the quick search's index, which MkDocs writes at the end of a
full build, and the full-text index, which the preview never builds (the server says so on
every page, see serve.py). MkDocs' warnings of an update (a broken link) are returned, and
shown as problems; strict mode, which would stop a full build, does not stop an update.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_theme_template, _populate_page, build, get_context
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.engine.cache import Store, digest
from generator.engine.pagecache import CACHED_CLASSES, PageCache, Warnings
from generator.engine.pagekeys import nav_facts
from generator.engine.sitebuild import MARKDOWN_CACHE


class Kept(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Keeps what a full build built the site from, for the updates after it."""

    files: Files
    nav: Navigation
    env: Any

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.files, self.nav = files, nav
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.env = env
        return env


class PreviewSite:
    """The preview's built site: `folder` is what the server serves."""

    def __init__(
        self, configure: Callable[[], MkDocsConfig], serve_url: str, cache: Path | None = None
    ) -> None:
        self.configure, self.serve_url = configure, serve_url
        # The pages' rendered Markdown is shared with `briefing build` (in folder `cache`); a
        # single worker: the preview runs threads, which do not mix with forking.
        markdown = Store(
            cache / MARKDOWN_CACHE if cache else None, prune=False, allowed=CACHED_CLASSES
        )
        self.cache = PageCache(markdown, Store(None), None, 1)
        self.folder = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
        self.config: MkDocsConfig | None = None
        self.kept = Kept()
        self.nav = ""
        """The navigation as every page shows it (its titles and addresses), as a digest."""

    def full_build(self) -> None:
        """Build the whole site into a new folder, then make it the one served."""
        config = self.configure()
        folder = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
        config.site_dir, config.site_url = str(folder), self.serve_url
        self.cache.previous = self.folder  # unchanged pages' HTML is taken from the last build
        kept = Kept()
        config.plugins["briefing-page-cache"] = self.cache
        config.plugins["briefing-preview-kept"] = kept
        build(config, serve_url=self.serve_url, dirty=False)
        old, self.folder, self.config, self.kept = self.folder, folder, config, kept
        self.nav = digest(nav_facts(kept.nav))
        shutil.rmtree(old, ignore_errors=True)

    def update(self, written: Iterable[str], deleted: Iterable[str]) -> list[str]:
        """Rebuild the pages of these docs paths, and those linking to added or removed ones;
        MkDocs' warnings, as its messages."""
        written, deleted = sorted(written), sorted(deleted)
        if self.config is None:
            self.full_build()
            return []
        warnings = Collected()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            self.apply(self.config, written, deleted)
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)
        if digest(nav_facts(self.kept.nav)) != self.nav:  # a title every page shows changed
            self.full_build()
            return []
        return warnings.messages

    def apply(self, config: MkDocsConfig, written: list[str], deleted: list[str]) -> None:
        files, kept = self.kept.files, self.kept
        added = [path for path in written if files.get_file_from_path(path) is None]
        for path in deleted:
            removed = files.get_file_from_path(path)
            if removed is not None:
                files.remove(removed)
                remove_output(Path(removed.abs_dest_path))
        for path in added:
            files.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls))
        set_exclusions(files, config)
        changed = set(written)
        if added or deleted:
            changed |= self.linking_to_changes(files)
        pages = [files.get_file_from_path(path) for path in sorted(changed)]
        for file in pages:
            if file is not None:
                self.rebuild(file, config, files, kept)
        if added or deleted:
            _build_theme_template("sitemap.xml", kept.env, files, config, kept.nav)
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.validate_anchor_links(files=files, log_level=logging.WARNING)

    def linking_to_changes(self, files: Files) -> set[str]:
        """The pages whose links no longer resolve as they did when they were rendered."""
        found = set()
        for uri, looked_up in self.cache.looked_up.items():
            if files.get_file_from_path(uri) is None:
                continue
            for path, url in looked_up:
                target = files.get_file_from_path(path)
                if (target.url if target is not None else None) != url:
                    found.add(uri)
                    break
        return found

    def rebuild(self, file: File, config: MkDocsConfig, files: Files, kept: Kept) -> None:
        """Read, render and write one file of the docs again, as a full build would."""
        if not file.is_documentation_page():
            file.copy_file()
            return
        if file.page is None:
            Page(None, file, config)
        assert file.page is not None
        _populate_page(file.page, config, files)
        write_page(file.page, config, files, kept)


def write_page(page: Page, config: MkDocsConfig, files: Files, kept: Kept) -> None:
    """What MkDocs' `_build_page` does, but the output replaces the file by a rename."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    page.active = True
    try:
        context = get_context(kept.nav, doc_files, config, page)
        template = kept.env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=kept.nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False
    path = Path(page.file.abs_dest_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(output.encode("utf-8", errors="xmlcharrefreplace"))
    os.replace(temporary, path)


def remove_output(path: Path) -> None:
    path.unlink(missing_ok=True)


class Collected(Warnings):
    """MkDocs' warnings of an update, as it words them."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
