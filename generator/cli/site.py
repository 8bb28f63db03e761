"""`briefing check`, `build` and `serve`: the pipeline run to check, to publish, to preview."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from generator.cli.options import (
    MAX_FILE_BYTES_OPTION,
    ROOT_OPTION,
    STRICT_OPTION,
    host_and_port,
    report_warnings,
)
from generator.engine import progress
from generator.engine.build import generate
from generator.engine.cache import cache_warnings
from generator.engine.commit import pending_warnings
from generator.engine.config import check_engine_config
from generator.engine.engines import engine_problem
from generator.engine.incremental import Regeneration, prepare, read_docs, remember
from generator.engine.publish import exclusive, publish
from generator.engine.workspace import DOCS_DIR, SITE_DIR
from generator.problems import Problems


@click.command()
@ROOT_OPTION
@STRICT_OPTION
@MAX_FILE_BYTES_OPTION
def check(root: Path, strict: bool, max_file_bytes: int) -> None:
    """Load and validate everything, the site engine's settings too; write nothing."""
    generated = generate(root, strict=strict, max_file_bytes=max_file_bytes)
    briefing = generated.briefing
    problems = Problems()
    check_engine_config(root, generated.site, briefing.title, briefing.description, problems)
    problems.extend(filter(None, [engine_problem(briefing.engine)]))
    problems.raise_if_errors()
    report_warnings(generated.warnings + pending_warnings(root))
    click.echo(
        f"ok: {len(briefing.actors)} actors, {len(briefing.issues)} issues, "
        f"{len(briefing.positions)} positions, {len(briefing.articles)} articles"
    )


@click.command()
@ROOT_OPTION
@click.option(
    "--no-drafts",
    "--publish",
    "no_drafts",
    is_flag=True,
    help="Leave draft positions out of every page, export and feed entry (a published site).",
)
@STRICT_OPTION
@MAX_FILE_BYTES_OPTION
@click.option("--verbose", is_flag=True, help="On a failure, print all MkDocs printed.")
def build(root: Path, no_drafts: bool, strict: bool, max_file_bytes: int, verbose: bool) -> None:
    """Generate the Markdown, then build site/ with MkDocs; on any failure change nothing."""

    inputs = functools.partial(generate, root, not no_drafts, strict, max_file_bytes)
    with exclusive(root, inputs=inputs, site=True):
        with progress.step("Generating the Markdown"):
            prepared = prepare(root, not no_drafts, strict, max_file_bytes)
        report_warnings(prepared.warnings + cache_warnings(root))
        pages = read_docs(root) if prepared.pages is None else prepared.pages
        count = 2 * sum(path.endswith(".md") for path in pages)
        with progress.step("Building the site", total=count) as advance:
            on_page = advance if progress.shown() else None
            name, epoch = prepared.name, prepared.epoch
            limit, engine = max_file_bytes, prepared.engine
            report = publish(root, pages, epoch, name, on_page, verbose, limit, engine)
        remember(root, prepared)
    written, deleted = len(report.written), len(report.deleted)
    click.echo(f"{DOCS_DIR}/: {written} written, {deleted} deleted, {report.unchanged} unchanged")
    index = (root / SITE_DIR / "index.html").resolve()
    click.echo(f"site built: open {index}, or run 'briefing serve' for a live preview")


@click.command()
@ROOT_OPTION
@MAX_FILE_BYTES_OPTION
@click.option(
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    callback=host_and_port,
    help="Address to serve on, HOST:PORT.",
)
def serve(root: Path, dev_addr: str, max_file_bytes: int) -> None:
    """Live preview that regenerates when seeds/, briefings/, templates/ or pages/ change."""
    from generator.engine.serve import check_address, serve_forever

    host, _, port = dev_addr.rpartition(":")
    check_address(host, int(port))  # before anything is built or printed
    regeneration = Regeneration(root, max_file_bytes)
    inputs = functools.partial(generate, root, max_file_bytes=max_file_bytes)
    with exclusive(root, wait=True, inputs=inputs):
        report_warnings(regeneration.run().warnings)
    serve_forever(root, dev_addr, regeneration)


COMMANDS = (check, build, serve)
