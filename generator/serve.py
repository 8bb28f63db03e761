"""Live preview: regenerate on every input change while `mkdocs serve` reloads the page."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import click
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.build import DOCS_DIR
from generator.incremental import regenerate
from generator.lock import build_lock
from generator.problems import BriefingError, summary

WATCHED = ("seeds", "briefings", "templates", "pages")
QUIET_PERIOD = 0.2  # seconds: editors save in bursts (temporary file, rename, chmod)


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
            with build_lock(self.root, wait=True):
                report = regenerate(self.root, self.max_file_bytes)
        except BriefingError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            click.echo(
                f"{summary(error.problems)}; the preview keeps the last good pages", err=True
            )
            return
        click.echo(f"regenerated: {len(report.written)} written, {len(report.deleted)} deleted")


def serve_forever(root: Path, dev_addr: str, max_file_bytes: int) -> None:
    """Serve the site until interrupted, regenerating on changes to the inputs."""
    observer = Observer()
    handler = Regenerator(root, max_file_bytes)
    for name in WATCHED:
        if (root / name).is_dir():
            observer.schedule(handler, str(root / name), recursive=True)
    observer.start()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", dev_addr, "--livereload"]
    click.echo(f"serving {DOCS_DIR}/ on http://{dev_addr}/ (Ctrl+C to stop)")
    try:
        subprocess.run(command, cwd=root, check=False)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        observer.join()
