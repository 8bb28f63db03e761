"""The same inputs give the same bytes: two builds in two processes whose hash seeds differ (so
that any order taken from a set or a dict of strings would show) write identical trees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builders import copy_project, tree_digest


def build_with_seed(root: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "generator", "build", "--root", str(root)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_builds_under_two_hash_seeds_are_identical(tmp_path: Path) -> None:
    first, second = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    build_with_seed(first, "1")
    build_with_seed(second, "2")
    for output in ("generated", "site"):
        assert tree_digest(first / output) == tree_digest(second / output), output
