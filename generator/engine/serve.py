"""Live preview: regenerate on every input change, update the site, reload the open page.

Our watcher regenerates generated/ QUIET_PERIOD after the last change to the inputs it sees,
incrementally (incremental.Regeneration: only the files edited are read, only the pages whose
inputs changed are rendered and written). When it has finished writing, it hands the site the
docs paths it wrote and deleted, and the site is updated once (preview.PreviewSite: those pages,
and the pages linking to pages added or removed, are built again; a change to mkdocs.yml, the
theme or a page the navigation names builds it whole, into a new folder). Meanwhile the server
goes on serving the last good pages; when the update is done, the open pages reload. So one
change makes one build, and never a blank page.

The server is MkDocs' development server (its LiveReloadServer), with our build loop in place
of its own watcher of generated/, and with a banner on every page it serves while the inputs
have problems (`path:line:column: message`, as the terminal prints them), cleared by the next
good regeneration, and a note that the search indexes may lag behind edits. The theme's
templates are compiled once, as long as their text stays the same
(generator.render.templates.CompiledTemplates).
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
import jinja2
import watchdog.observers
from mkdocs.config import load_config
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch

from generator.engine.build import SiteName, write_engine_config
from generator.engine.cache import CACHE_DIR
from generator.engine.incremental import Regeneration
from generator.engine.preview import PreviewSite
from generator.engine.publish import exclusive
from generator.engine.workspace import DOCS_DIR, PREVIEW_CONFIG
from generator.problems import BriefingError, Failure, capped, report_text
from generator.render.templates import CompiledTemplates

WATCHED = ("seeds", "briefings", "templates", "pages", "overrides")
QUIET_PERIOD = 0.05  # seconds: editors save in bursts (temporary file, rename, chmod)


class Regenerator(FileSystemEventHandler):
    """Regenerates once a burst of changes has settled; a broken input keeps the last good pages
    and is shown on them."""

    def __init__(self, root: Path, regeneration: Regeneration, server: PreviewServer) -> None:
        self.root, self.regeneration, self.server = root, regeneration, server
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.whole = False

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            self.whole = self.whole or changes_every_page(self.root, event)
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(QUIET_PERIOD, self.regenerate)
            self.timer.start()

    def regenerate(self) -> None:
        """Write the new pages in place, then update the site once; a `briefing build` running
        meanwhile is waited for."""
        with self.lock:
            whole, self.whole = self.whole, False
        try:
            with exclusive(self.root, wait=True):
                report = self.regeneration.run()
        except BriefingError as error:
            text = report_text(error.problems).removesuffix("\n")
            click.echo(f"{text}; the preview keeps the last good pages", err=True)
            self.server.show_problems(capped(error.problems))
            return
        except Failure as failure:
            click.echo(f"{failure.report()}the preview keeps the last good pages", err=True)
            self.server.show_problems(failure.report().splitlines())
            return
        click.echo(f"regenerated: {len(report.written)} written, {len(report.deleted)} deleted")
        self.server.request_update(report.written, report.deleted, whole)


def changes_every_page(root: Path, event: FileSystemEvent) -> bool:
    """Whether a change is to what every page is built with: mkdocs.yml or the theme."""
    paths = [event.src_path, getattr(event, "dest_path", "")]
    for path in (os.fsdecode(p) for p in paths if p):
        if Path(path).name == "mkdocs.yml" and Path(path).parent == root:
            return True
        if Path(path).is_relative_to(root / "overrides"):
            return True
    return False


def serve_forever(root: Path, dev_addr: str, regeneration: Regeneration) -> None:
    """Serve the site until interrupted, regenerating on changes to the inputs."""
    show_mkdocs_log()
    signal.signal(signal.SIGTERM, interrupt)  # stopped like Ctrl+C: the temporary site goes
    templates = KeepCompiledTemplates()

    def configure() -> MkDocsConfig:
        config_file = preview_config(root, regeneration.name, regeneration.max_file_bytes)
        config = load_config(config_file=str(config_file), dev_addr=dev_addr)
        config.plugins["briefing-preview"] = templates
        return config

    config = configure()
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    mount_path = ("/" + mount_path.lstrip("/")).rstrip("/") + "/"
    site = PreviewSite(configure, f"http://{host}:{port}{mount_path}", root / CACHE_DIR)
    site.full_build()
    server = PreviewServer(site, host, port, mount_path)
    observer = ChangeObserver()
    handler = Regenerator(root, regeneration, server)
    for name in WATCHED:
        if (root / name).is_dir():
            observer.schedule(handler, str(root / name), recursive=True)
    observer.schedule(handler, str(root), recursive=False)  # mkdocs.yml
    check_address(host, port)  # the server listens only once it serves
    observer.start()
    click.echo(f"serving {DOCS_DIR}/ on {site.serve_url} (Ctrl+C to stop)")
    try:
        serve_site(server)
    finally:
        observer.stop()
        observer.join()
        shutil.rmtree(site.folder, ignore_errors=True)


def interrupt(signal_number: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve_site(server: PreviewServer) -> None:
    """Serve until interrupted."""
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        logging.getLogger("mkdocs").info("Shutting down...")
    except OSError as error:  # taken since it was checked
        host, port = server.server_address[:2]
        raise CannotServe(str(host), int(port), error) from None
    finally:
        server.shutdown()


def check_address(host: str, port: int) -> None:
    """Raise CannotServe unless this process can listen on the address now."""
    bare = host.strip("[]")
    family = socket.AF_INET6 if ":" in bare else socket.AF_INET
    try:
        socket.create_server((bare, port), family=family).close()
    except OSError as error:
        raise CannotServe(host, port, error) from None


class CannotServe(Failure):
    """The preview's address cannot be listened on (taken, not this machine's, forbidden)."""

    def __init__(self, host: str, port: int, error: OSError) -> None:
        why = os.strerror(error.errno) if error.errno else str(error)
        super().__init__(f"cannot serve on {host}:{port}: {why}")

    def report(self) -> str:
        hint = "choose another address with --dev-addr, e.g. 127.0.0.1:8001"
        return f"{super().report()}  hint: {hint}\n"


def preview_config(root: Path, name: SiteName, max_file_bytes: int) -> Path:
    """Write the engine's configuration of the preview: generated/ built (into a folder the
    preview sets), named as the last regeneration found the briefing named."""
    site_dir = Path(tempfile.gettempdir()) / "briefing-preview"
    return write_engine_config(root, name, Path(DOCS_DIR), site_dir, PREVIEW_CONFIG, max_file_bytes)


class PreviewServer(LiveReloadServer):
    """MkDocs' development server, updated by our regenerations instead of its own watcher."""

    def __init__(self, site: PreviewSite, host: str, port: int, mount_path: str) -> None:
        super().__init__(lambda: None, host, port, str(site.folder), mount_path=mount_path)
        self.site = site
        self.error_handler = lambda code: error_page(str(self.site.folder), code)
        self.pending: tuple[set[str], set[str], bool] = (set(), set(), False)
        self.problems: list[str] = []
        self.lagging = False
        self._watched_paths = {str(site.folder): 1}  # the server injects its script only then

    def request_update(self, written: Iterable[str], deleted: Iterable[str], whole: bool) -> None:
        """Ask for one update with these docs paths (thread-safe); the problems shown go."""
        with self._rebuild_cond:
            wrote, gone, full = self.pending
            self.pending = (wrote | set(written), gone | set(deleted), full or whole)
            self.problems = []
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def show_problems(self, problems: list[str]) -> None:
        """Show these problems on every page, and reload the open ones to show them."""
        with self._rebuild_cond:
            self.problems = problems
        self.reload_browsers()

    def reload_browsers(self) -> None:
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch = max(
                round(time.monotonic() * 1000), self._visible_epoch + 1
            )
            self._epoch_cond.notify_all()

    def _build_loop(self) -> None:
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(
                    lambda: self._want_rebuild or self._shutdown, timeout=self.shutdown_delay
                ):
                    pass  # woken now and then, so that Ctrl+C is seen
                if self._shutdown:
                    break
                (written, deleted, whole), self.pending = self.pending, (set(), set(), False)
                self._want_rebuild = False
            self.update(written, deleted, whole)

    def update(self, written: set[str], deleted: set[str], whole: bool) -> None:
        """Update the site, switch to it, reload the open pages; a failure keeps the last site."""
        try:
            if whole:
                self.site.full_build()
                warnings = []
            else:
                warnings = self.site.update(written, deleted)
        except Exception as error:  # MkDocs' own failures (strict mode): the last site stays
            warnings = [f"the site could not be built: {error}"]
        self.root = str(self.site.folder)
        self.lagging = not whole and bool(written or deleted)
        if warnings:
            self.problems = [f"site engine: {message}" for message in warnings]
        self.reload_browsers()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        page: bytes = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        shown = banner(self.problems, self.lagging).encode("utf-8")
        at = page.rfind(b"</body>")
        return page[:at] + shown + page[at:] if at >= 0 else page + shown


def banner(problems: list[str], lagging: bool) -> str:
    """The preview's notice at the top of a page: the problems of the inputs, if any, and a
    word that the search indexes may lag behind the edits."""
    style = (
        "position:fixed;top:0;left:0;right:0;z-index:1000;margin:0;padding:.6em 1em;"
        "font:13px/1.4 monospace;white-space:pre-wrap;max-height:50vh;overflow:auto;"
    )
    shown = ""
    if problems:
        lines = html.escape("\n".join(problems))
        shown += (
            f'<pre id="briefing-preview-problems" style="{style}background:#b71c1c;color:#fff">'
            f"The preview shows the last good pages: the inputs have problems.\n{lines}</pre>"
        )
    if lagging:
        note = "preview: the search indexes may lag behind edits until the next full build"
        shown += (
            '<div id="briefing-preview-note" style="position:fixed;bottom:0;right:0;'
            'z-index:1000;padding:.2em .6em;font:11px sans-serif;background:#fff8;color:#555">'
            f"{note}</div>"
        )
    return shown


class ChangeObserver:
    """The system's file events of what changes files (not of reading them, which the MkDocs
    build itself does), with the methods of a watchdog observer that the server uses."""

    def __init__(self) -> None:
        self.observer = watchdog.observers.Observer()

    def schedule(
        self, handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> ObservedWatch:
        return self.observer.schedule(handler, path, recursive=recursive, event_filter=CHANGES)

    def unschedule(self, watch: ObservedWatch) -> None:
        self.observer.unschedule(watch)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()

    def join(self, timeout: float | None = None) -> None:
        self.observer.join(timeout)


CHANGES: list[type[FileSystemEvent]] = [
    *(FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileDeletedEvent, FileClosedEvent),
    *(DirCreatedEvent, DirModifiedEvent, DirMovedEvent, DirDeletedEvent),
]


class KeepCompiledTemplates(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Hands every build's theme environment one cache of compiled templates."""

    def __init__(self) -> None:
        super().__init__()
        self.compiled = CompiledTemplates()

    def on_env(self, env: jinja2.Environment, **_: Any) -> jinja2.Environment:
        env.bytecode_cache = self.compiled
        return env


def error_page(site_dir: str, code: int) -> bytes | None:
    """The site's own page for a missing page or a server error, as `mkdocs serve` sends."""
    page = Path(site_dir) / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def show_mkdocs_log() -> None:
    """MkDocs' messages on standard error, as `mkdocs serve` prints them."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
