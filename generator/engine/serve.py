"""Live preview: regenerate on every input change, rebuild the site, reload the open page.

Our watcher regenerates generated/ QUIET_PERIOD after the last change to the inputs it sees.
The site is served by MkDocs' development server, run in this process from the pieces
`mkdocs serve` is made of (its configuration loader, its build and its LiveReloadServer), so
that three of its delays can be shortened; each rebuild is still the full, strict build that
`mkdocs serve` makes, of the whole of generated/:

- MkDocs looks for changes every half second (a polling watcher, which works on any file
  system); here the system tells it (watchdog's native observer, as for our own inputs);
- it waits for 0.1 s without a change before it builds; here BUILD_DELAY, since generated/ is
  written in one burst;
- each build compiles the theme's templates anew; here they are compiled once, as long as
  their text stays the same (generator.render.templates.CompiledTemplates).
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
import jinja2
import watchdog.observers
from mkdocs.commands.build import build
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
from generator.engine.incremental import read_state, regenerate
from generator.engine.publish import exclusive
from generator.engine.workspace import DOCS_DIR, PREVIEW_CONFIG
from generator.problems import BriefingError, Failure, report_text
from generator.render.templates import CompiledTemplates

WATCHED = ("seeds", "briefings", "templates", "pages", "overrides")
QUIET_PERIOD = 0.05  # seconds: editors save in bursts (temporary file, rename, chmod)
BUILD_DELAY = 0.05  # seconds without a change in generated/ before the site is rebuilt


class Regenerator(FileSystemEventHandler):
    """Regenerates once a burst of changes has settled; a broken input keeps the last good pages."""

    def __init__(self, root: Path, max_file_bytes: int) -> None:
        self.root, self.max_file_bytes = root, max_file_bytes
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(QUIET_PERIOD, self.regenerate)
            self.timer.start()

    def regenerate(self) -> None:
        """Write the new pages in place, if anything changed; a `briefing build` running
        meanwhile is waited for."""
        try:
            with exclusive(self.root, wait=True):
                report = regenerate(self.root, self.max_file_bytes)
        except BriefingError as error:
            text = report_text(error.problems).removesuffix("\n")
            click.echo(f"{text}; the preview keeps the last good pages", err=True)
            return
        except Failure as failure:
            click.echo(f"{failure.report()}the preview keeps the last good pages", err=True)
            return
        click.echo(f"regenerated: {len(report.written)} written, {len(report.deleted)} deleted")


def serve_forever(root: Path, dev_addr: str, max_file_bytes: int) -> None:
    """Serve the site until interrupted, regenerating on changes to the inputs."""
    observer = ChangeObserver()
    handler = Regenerator(root, max_file_bytes)
    for name in WATCHED:
        if (root / name).is_dir():
            observer.schedule(handler, str(root / name), recursive=True)
    observer.start()
    signal.signal(signal.SIGTERM, interrupt)  # stopped like Ctrl+C: the temporary site goes
    try:
        preview_site(root, dev_addr, max_file_bytes)
    finally:
        observer.stop()
        observer.join()


def interrupt(signal_number: int, frame: object) -> None:
    raise KeyboardInterrupt


def preview_site(root: Path, dev_addr: str, max_file_bytes: int) -> None:
    """What `mkdocs serve --livereload` does, with the delays of the module docstring."""
    show_mkdocs_log()
    site_dir = tempfile.mkdtemp(prefix="briefing-preview-")
    templates = KeepCompiledTemplates()

    def configure() -> MkDocsConfig:
        config_file = preview_config(root, Path(site_dir), max_file_bytes)
        config = load_config(config_file=str(config_file), dev_addr=dev_addr)
        config.plugins["briefing-preview"] = templates
        return config

    config = configure()
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        serve_site(config, configure, site_dir)
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def serve_site(config: MkDocsConfig, configure: Callable[[], MkDocsConfig], site_dir: str) -> None:
    """Build the site once, then serve it, rebuilding it whenever generated/ or mkdocs.yml
    change, until interrupted."""
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    mount_path = ("/" + mount_path.lstrip("/")).rstrip("/") + "/"
    serve_url = f"http://{host}:{port}{mount_path}"

    def builder(built: MkDocsConfig | None = None) -> None:
        logging.getLogger("mkdocs").info("Building documentation...")
        built = built or configure()
        built.site_url = serve_url
        build(built, serve_url=serve_url, dirty=False)

    server = LiveReloadServer(builder, host, port, site_dir, mount_path=mount_path)
    server.observer = ChangeObserver()  # type: ignore[assignment]  # it has what the server uses
    server.build_delay = BUILD_DELAY
    server.error_handler = lambda code: error_page(site_dir, code)
    builder(config)
    check_address(host, port)  # the server listens only once it serves
    click.echo(f"serving {DOCS_DIR}/ on {serve_url} (Ctrl+C to stop)")
    server.watch(config.docs_dir)
    if config.config_file_path:
        server.watch(config.config_file_path)
        project = Path(config.config_file_path).parent
        for watched in (project / "mkdocs.yml", project / "overrides"):
            if watched.exists():
                server.watch(str(watched))
    server = config.plugins.on_serve(server, config=config, builder=builder)
    for path in config.watch:
        server.watch(path)
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        logging.getLogger("mkdocs").info("Shutting down...")
    except OSError as error:  # taken since it was checked
        raise CannotServe(host, port, error) from None
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


def preview_config(root: Path, site_dir: Path, max_file_bytes: int) -> Path:
    """Write the engine's configuration of the preview: generated/ built into `site_dir`,
    named as the last regeneration found the briefing named."""
    state = read_state(root)
    name = state.name if state is not None else SiteName("", "")
    return write_engine_config(root, name, Path(DOCS_DIR), site_dir, PREVIEW_CONFIG, max_file_bytes)


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
