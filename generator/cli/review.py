"""`briefing diff` and `status`: what changed in the briefing, and what awaits the editors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import ROOT_OPTION, limit_option, report_warnings
from generator.engine.build import generate
from generator.model.relations import relate
from generator.model.review import queue_lines, review_queue


@click.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@ROOT_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown (fit for a pull-request comment) or JSON.",
)
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when anything changed.")
def diff(
    base: str | None, head: str | None, root: Path, output_format: str, exit_code: bool
) -> None:
    """Compare the briefing at git revisions BASE and HEAD, position by position.

    BASE defaults to the merge base with the main branch, HEAD to the working tree. Exits
    with status 2 when a side cannot be read.
    """
    from generator.diff.compare import diff_briefings
    from generator.diff.revision import read_sides
    from generator.diff.text import diff_json, diff_markdown

    old, new = read_sides(root, base, head)
    changes = diff_briefings(old.briefing, new.briefing)
    text = diff_json if output_format == "json" else diff_markdown
    click.echo(text(changes, old, new), nl=False)
    sys.exit(1 if exit_code and changes.changed else 0)


@click.command()
@ROOT_OPTION
@limit_option(20, "How many items of each list to print; 0 prints them all.")
def status(root: Path, limit: int) -> None:
    """Print the review queue: stale positions, uncited articles, gaps, single quotes."""
    generated = generate(root)
    report_warnings(generated.warnings)
    briefing = generated.briefing
    queue = review_queue(briefing, relate(briefing))
    click.echo("\n".join(queue_lines(queue, briefing, limit)))


COMMANDS = (diff, status)
