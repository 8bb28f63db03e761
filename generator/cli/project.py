"""`briefing add`: commands that make or change a project's inputs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from generator.cli.options import ROOT_OPTION
from generator.model import Briefing
from generator.model.review import Touches, position_name, touches
from generator.problems import BriefingError, Problems
from generator.project.add import (
    Ingested,
    Metadata,
    check_metadata,
    ingest,
    load_project,
    read_sources,
    taken_ids,
    write_seeds,
)


@click.command()
@ROOT_OPTION
@click.argument("paths", nargs=-1, required=True)
@click.option("--title", help="The article's title, when its text has none or a wrong one.")
@click.option("--date", help="Its date, YYYY-MM-DD.")
@click.option("--outlet", help="Who published it.")
@click.option("--url", help="Where it was published (http or https).")
@click.option("--licence", help="The licence it is reproduced under, e.g. 'CC BY 4.0'.")
@click.option("--attribution", help="The credit its licence requires.")
@click.option("--excerpt", is_flag=True, default=None, help="It holds only the beginning.")
@click.option(
    "--format",
    "form",
    type=click.Choice(["text", "markdown", "html"]),
    help="Read the inputs as this form whatever their names (standard input is sniffed).",
)
@click.option("--force", is_flag=True, help="Keep an article that nearly duplicates another.")
def add(root: Path, paths: tuple[str, ...], form: str | None, force: bool, **given: Any) -> None:
    """Add articles to seeds/: PATHS are text, Markdown or HTML files, or '-' for standard input.

    Nothing is written unless every input is good and none duplicates an article.
    """
    problems = Problems()
    metadata = Metadata(**given)
    if not check_metadata(metadata, problems):
        metadata = Metadata()  # reported; the inputs are still checked, without it
    stdin: bytes | None = None
    if "-" in paths:
        stdin = sys.stdin.buffer.read()
    sources = read_sources(paths, stdin, form, problems)
    briefing = load_project(root)
    taken = taken_ids(root, briefing)
    ready = ingest(sources, metadata, briefing.articles, taken, force, problems)
    if problems.errors:
        raise BriefingError(problems.errors)
    write_seeds(root, ready)
    for item in ready:
        click.echo("\n".join(added_lines(item, touches(item.article, briefing), briefing)))
    click.echo("run 'briefing build' to put them on the site")


def added_lines(item: Ingested, touched: Touches, briefing: Briefing) -> list[str]:
    """What `briefing add` says about one new article."""
    article = item.article
    files = ", ".join(f"seeds/{name}" for name, _ in item.files)
    lines = [f"added {article.id}: {files}", f"  title: {article.title}"]
    lines.append(f"  date: {article.date or 'not stated (give --date)'}")
    lines.append(f"  mentions: {', '.join(a.name for a in touched.actors) or 'no actor'}")
    lines.append(f"  issues: {', '.join(i.title for i in touched.issues) or 'none'}")
    lines += [f"  may make stale: {position_name(p, briefing)}" for p in touched.stale]
    if item.similar is not None:
        close = item.similar
        lines.append(f"  kept with --force: {close.percent:.0f}% similar to {close.article.id}")
    return lines


COMMANDS = (add,)
