"""The benchmark scripts, run small: they work and their counts are right (no timings checked)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from builders import TESTS

REPO = TESTS.parent


def test_the_scale_benchmark_runs_on_a_small_corpus(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    command = [sys.executable, "-m", "bench.run", "--articles", "20", "--actors", "6"]
    command += ["--issues", "5", "--positions", "12", "--search", "--json", str(figures_file)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True)
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["generated_pages"] > 20
    assert figures["noop_files_written"] == 0
    assert figures["search_short_found_first"] and figures["search_sentence_found_first"]
    written = figures["added_article_files_written"]
    assert "articles/index.md" in written and "review.md" in written
    assert any(path.startswith("articles/months/") for path in written)
    assert len(written) <= 12


def test_the_live_preview_benchmark_sees_its_changes() -> None:
    command = [sys.executable, "-m", "bench.serve_latency", "--rounds", "1"]
    result = subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True)
    assert "summary edited → regenerated: median " in result.stdout
    assert "summary edited → page reloaded: median " in result.stdout
    assert "article added → regenerated: " in result.stdout


def test_the_mention_and_duplicate_benchmarks_run() -> None:
    command = [sys.executable, "-m", "bench.mentions", "--articles", "20"]
    result = subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True)
    assert result.stdout.count("same mentions") == 3
    command = [sys.executable, "-m", "bench.duplicates", "--articles", "20"]
    result = subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True)
    assert "near duplicate found in" in result.stdout


def test_the_hostile_input_benchmark_runs_and_leaves_no_stray_file(tmp_path: Path) -> None:
    root = tmp_path / "project"
    make = (
        "from pathlib import Path; from bench.corpus import Size, make_project; "
        f"make_project(Path({str(root)!r}), Size(20, 6, 5, 12))"
    )
    subprocess.run([sys.executable, "-c", make], cwd=REPO, check=True)
    subprocess.run([sys.executable, "-m", "bench.stage", str(root)], cwd=REPO, check=True)
    command = [sys.executable, "-m", "bench.hostile", str(root)]
    result = subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True)
    figures = json.loads(result.stdout)
    assert set(figures) == {
        "workspace_seconds",
        "digest_seconds",
        "check_seconds",
        "check_peak_mb",
        "stray_check_seconds",
        "stray_check_peak_mb",
    }
    assert not (root / "seeds" / "stray-dump.txt").exists()


def run_bench(*arguments: str) -> str:
    command = [sys.executable, "-m", *arguments]
    return subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True).stdout


def test_the_publish_benchmark_times_each_stage_of_each_build() -> None:
    lines = run_bench("bench.publish", "--articles", "10").splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "from scratch",
        "nothing changed",
        "one summary edited",
        "one article added",
    ]
    for line in lines:
        assert "generation " in line and "engine " in line and "full-text " in line


def test_the_engine_and_regeneration_benchmarks_run() -> None:
    engines = run_bench("bench.engines", "--articles", "10")
    for engine in ("MkDocs", "ProperDocs", "Zensical, with its cache"):
        assert f"\n{engine} " in engines
    regeneration = run_bench("bench.regeneration", "--articles", "10", "--rounds", "1")
    assert "nothing changed: " in regeneration and ", 0 files written" in regeneration
    assert "summary edited: median " in regeneration
