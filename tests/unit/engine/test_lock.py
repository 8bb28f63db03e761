"""One build at a time: a second holder is refused at once, naming the first, or waits."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from generator.engine.lock import HOLDER_FILE, LOCK_FILE, BuildLocked, build_lock


def test_a_second_holder_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    with build_lock(tmp_path):
        assert (tmp_path / HOLDER_FILE).read_text() == str(os.getpid())
        with pytest.raises(BuildLocked) as refused, build_lock(tmp_path):
            pytest.fail("two holders at once")
    assert refused.value.holder == str(os.getpid())
    report = refused.value.report()
    assert report.startswith("Error: another build is running") and report.endswith("\n")
    assert f"(pid {os.getpid()})" in report and refused.value.status == 1


def test_the_lock_is_released_with_its_holder_however_it_ends(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), build_lock(tmp_path):
        raise RuntimeError("the build failed")
    assert not (tmp_path / HOLDER_FILE).exists()
    with build_lock(tmp_path):
        pass


def test_a_holder_that_noted_nothing_is_unknown(tmp_path: Path) -> None:
    with build_lock(tmp_path):
        (tmp_path / HOLDER_FILE).unlink()
        with pytest.raises(BuildLocked) as refused, build_lock(tmp_path):
            pass
    assert refused.value.holder == "unknown"


def test_a_waiting_holder_gets_the_lock_when_the_first_lets_go(tmp_path: Path) -> None:
    taken, release, events = threading.Event(), threading.Event(), []

    def first() -> None:
        with build_lock(tmp_path):
            events.append("first")
            taken.set()
            release.wait(timeout=10)
            events.append("first lets go")

    thread = threading.Thread(target=first)
    thread.start()
    taken.wait(timeout=10)
    threading.Timer(0.05, release.set).start()
    with build_lock(tmp_path, wait=True):
        events.append("second")
    thread.join(timeout=10)
    assert events == ["first", "first lets go", "second"]


def test_a_lock_file_hard_linked_to_a_file_elsewhere_is_not_written_through(
    tmp_path: Path,
) -> None:
    outside, root = tmp_path / "outside.txt", tmp_path / "project"
    outside.write_text("kept\n")
    (root / LOCK_FILE).parent.mkdir(parents=True)
    os.link(outside, root / LOCK_FILE)
    with build_lock(root):
        pass
    assert outside.read_text() == "kept\n" and os.stat(outside).st_nlink == 1
