"""The live preview's watcher: changes only (not reads), and a file editors save by renaming."""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from generator.engine.serve import ChangeObserver


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: queue.Queue[FileSystemEvent] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.events.put(event)

    def next_path(self) -> str:
        """The path of the next event, waiting for it (a minute at most)."""
        return os.fsdecode(self.events.get(timeout=60).src_path)


@contextmanager
def watching(path: Path, recursive: bool = False) -> Iterator[Recorder]:
    recorder, observer = Recorder(), ChangeObserver()
    observer.schedule(recorder, str(path), recursive=recursive)
    observer.start()
    try:
        yield recorder
    finally:
        observer.stop()
        observer.join()


def test_reading_a_watched_file_is_not_a_change(tmp_path: Path) -> None:
    # The site build reads generated/ while it is watched: reading must not start a build.
    page, other = tmp_path / "page.md", tmp_path / "other.md"
    page.write_text("# Page\n", encoding="utf-8")
    with watching(tmp_path, recursive=True) as recorder:
        assert page.read_text(encoding="utf-8") == "# Page\n"
        other.write_text("# Other\n", encoding="utf-8")
        assert recorder.next_path() == str(other)  # events come in order: none for the read


def test_a_watched_file_saved_by_renaming_is_still_watched(tmp_path: Path) -> None:
    config, neighbour = tmp_path / "mkdocs.yml", tmp_path / "README.md"
    config.write_text("site_name: a\n", encoding="utf-8")
    with watching(config) as recorder:
        neighbour.write_text("not watched\n", encoding="utf-8")
        for name in ("b", "c"):  # an editor's save: a new file renamed into place, twice
            saved = tmp_path / f".mkdocs.yml.{name}"
            saved.write_text(f"site_name: {name}\n", encoding="utf-8")
            saved.replace(config)
            event = recorder.events.get(timeout=60)  # in order: none for the neighbour
            assert os.fsdecode(event.dest_path) == str(config), event
