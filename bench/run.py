"""The scale benchmark: build a synthetic project of a given size and print what it costs.

    python -m bench.run --articles 1000 --actors 40 --issues 25 --positions 800 --search

Every stage runs in a child process of its own, timed from outside (wall clock), and its peak
memory is the child's maximum resident set size as the kernel reports it (`os.wait4`, which
counts the child and the processes it waited for). The figures:

- generation: load, check, render and write generated/ from scratch (`bench.stage`);
- no-op regeneration: the same again with nothing changed, and how many files it wrote;
- one added article: `briefing add` of a new article dated after all others (its time and
  memory: it loads the whole project to find duplicates), then the files the regeneration
  rewrote;
- MkDocs build: `mkdocs build --strict --clean`, as `briefing build` runs it (never --dirty);
- full-text index: Pagefind over site/, as `briefing build` runs it;
- site bytes per page: HTML bytes of the built pages divided by their number, and all of site/
  but the search indexes divided by the number of pages;
- search indexes: Material's search_index.json (which the quick search downloads whole) and
  Pagefind's index; with --search, a real Chromium opens the full-text search page, searches a
  sentence of an article body and counts the bytes it fetched.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import Size, make_project, next_article
from generator.engine.workspace import BUILD_CONFIG

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Run:
    """A child process's wall time, peak memory (MiB) and standard output."""

    seconds: float
    peak_mib: float
    stdout: str


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` to its end and reap it with wait4, so that its own peak memory is known;
    stop the benchmark if it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stdout}\n{stderr}")
    return Run(seconds, usage.ru_maxrss / 1024, stdout)


def generate(root: Path) -> tuple[Run, dict[str, object]]:
    measured = run_measured([sys.executable, "-m", "bench.stage", str(root)], REPO)
    return measured, json.loads(measured.stdout)


def add_command(root: Path, size: Size) -> Run:
    """`briefing add` of the corpus's next article, with its metadata as options."""
    article = next_article(size)
    with tempfile.TemporaryDirectory() as folder:
        options = []
        for name, text in article.files.items():
            if name.endswith(".meta.yaml"):
                pairs = (line.split(": ", 1) for line in text.splitlines())
                options += [part for key, value in pairs for part in (f"--{key}", value)]
            else:
                (Path(folder) / name).write_text(text, encoding="utf-8")
                path = Path(folder) / name
        command = [sys.executable, "-m", "generator", "add", "--root", str(root), str(path)]
        return run_measured([*command, *options], REPO)


def mkdocs_build(root: Path) -> Run:
    configure = [sys.executable, "-m", "bench.stage", "--configure", str(root)]
    subprocess.run(configure, cwd=REPO, check=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet"]
    command += ["--config-file", BUILD_CONFIG]
    return run_measured(command, root, env)


def pagefind(root: Path) -> Run:
    return run_measured([sys.executable, "-m", "bench.stage", "--full-text", str(root)], REPO)


def site_sizes(site: Path) -> dict[str, float]:
    """Bytes per built page, and the sizes of the search indexes (Pagefind's in all its parts)."""
    pagefind = [folder for folder in site.iterdir() if folder.name.startswith("pagefind")]
    indexes = [*pagefind, site / "search"]
    pages = [p for p in site.rglob("index.html") if not any(p.is_relative_to(i) for i in indexes)]
    html = sum(p.stat().st_size for p in pages)
    rest = sum(
        p.stat().st_size
        for p in site.rglob("*")
        if p.is_file() and not any(p.is_relative_to(i) for i in indexes)
    )
    pagefind_bytes = sum(p.stat().st_size for f in pagefind for p in f.rglob("*") if p.is_file())
    return {
        "pages": len(pages),
        "html_bytes_per_page": html / len(pages),
        "site_bytes_per_page": rest / len(pages),
        "material_index_bytes": (site / "search" / "search_index.json").stat().st_size,
        "pagefind_parts": len(pagefind),
        "pagefind_index_bytes": pagefind_bytes,
    }


def measure(size: Size, root: Path, search: bool) -> dict[str, object]:
    """Every figure of the benchmark for one project size, built in `root`."""
    articles = make_project(root, size)
    cold, cold_report = generate(root)
    noop, noop_report = generate(root)
    built = mkdocs_build(root)
    indexed = pagefind(root)
    figures: dict[str, object] = {
        "articles": size.articles,
        "actors": size.actors,
        "issues": size.issues,
        "positions": size.positions,
        "generated_pages": cold_report["pages"],
        "generation_s": cold.seconds,
        "generation_in_process_s": cold_report["seconds"],
        "generation_peak_mib": cold.peak_mib,
        "noop_regeneration_s": noop.seconds,
        "noop_regeneration_in_process_s": noop_report["seconds"],
        "noop_files_written": len(noop_report["written"]),  # type: ignore[arg-type]
        "mkdocs_build_s": built.seconds,
        "mkdocs_peak_mib": built.peak_mib,
        "pagefind_s": indexed.seconds,
        "pagefind_peak_mib": indexed.peak_mib,
        **site_sizes(root / "site"),
    }
    if search:
        from bench.search_probe import first_search_bytes

        figures.update(first_search_bytes(root / "site", articles[len(articles) // 2]))
    adding = add_command(root, size)
    figures["add_command_s"] = adding.seconds
    figures["add_command_peak_mib"] = adding.peak_mib
    added, added_report = generate(root)
    figures["added_article_files_written"] = added_report["written"]
    figures["added_article_regeneration_s"] = added.seconds
    figures["generation_share_of_mkdocs"] = cold.seconds / built.seconds
    return figures


def show(figures: dict[str, object]) -> str:
    """The figures as aligned 'name: value' lines."""
    lines = []
    for name, value in figures.items():
        if isinstance(value, bool):
            value = "yes" if value else "no"
        elif isinstance(value, float):
            value = f"{value:.3f}" if value < 100 else f"{value:,.0f}"
        elif isinstance(value, int):
            value = f"{value:,}"
        elif isinstance(value, list):
            value = f"{len(value)}: {', '.join(value)}"
        lines.append(f"{name:34} {value}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--actors", type=int, default=40)
    parser.add_argument("--issues", type=int, default=25)
    parser.add_argument("--positions", type=int, default=800)
    parser.add_argument("--search", action="store_true", help="measure a first search (Chromium)")
    parser.add_argument("--workdir", type=Path, help="build here (kept) instead of a temp folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    options = parser.parse_args()
    size = Size(options.articles, options.actors, options.issues, options.positions)
    root = options.workdir or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        if root.exists() and any(root.iterdir()):
            raise SystemExit(f"{root} is not empty")
        figures = measure(size, root, options.search)
    finally:
        if options.workdir is None:
            shutil.rmtree(root, ignore_errors=True)
    print(show(figures))
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
