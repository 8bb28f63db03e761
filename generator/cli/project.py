"""`briefing init`, `new` and `add`: commands that make or change a project's inputs."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

import click

from generator.cli.options import ROOT_OPTION
from generator.engine.publish import recover_if_idle
from generator.load.siteconfig import SiteConfig, site_url
from generator.model import ACTOR_KINDS, STANCES, Briefing
from generator.model.review import Touches, position_name, touches
from generator.problems import BriefingError, Location, Problems
from generator.project.add import (
    Ingested,
    Metadata,
    check_metadata,
    check_seeds,
    ingest,
    load_project,
    project_outlets,
    read_sources,
    taken_ids,
    write_seeds,
)
from generator.project.init import init_project
from generator.project.new import NewPosition, new_actor, new_issue, new_position


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", required=True, help="What the briefing is about; it names the site.")
@click.option("--description", help="One sentence on what it covers (default: from the title).")
@click.option("--url", help="The address the site will be published at (its site_url).")
def init(folder: Path, title: str, description: str | None, url: str | None) -> None:
    """Start a new briefing project in FOLDER (made if missing), ready to check and build."""
    problems = Problems()
    url = site_url(url, SiteConfig(), problems) if url else None
    if not title.strip():
        problems.error(Location("<options>"), "--title is empty", "name what the briefing is about")
    problems.raise_if_errors()
    description = description or f"Who holds what position on {title}, with the evidence."
    written = init_project(folder, title.strip(), description, url)
    click.echo(f"new briefing project in {folder}: {len(written)} files")
    for name in written:
        click.echo(f"  {name}")
    click.echo(f"next: cd {folder} && briefing build, then replace the examples with your own")


@click.group()
def new() -> None:
    """Write the skeleton of a new actor, issue or position."""


@new.command("actor")
@ROOT_OPTION
@click.argument("actor_id", metavar="ID")
@click.option("--name", help="The name readers see (default: from the id).")
@click.option("--kind", type=click.Choice(ACTOR_KINDS), default="state", show_default=True)
@click.option("--speaks-for", help="For a person: the id of the actor they speak for.")
def new_actor_command(
    root: Path, actor_id: str, name: str | None, kind: str, speaks_for: str | None
) -> None:
    """Write briefings/actors/ID.yaml."""
    recover_if_idle(root)
    path = new_actor(root, actor_id, name or title_of(actor_id), kind, speaks_for)
    click.echo(f"wrote {path.as_posix()}: add its aliases, then its positions")


@new.command("issue")
@ROOT_OPTION
@click.argument("issue_id", metavar="ID")
@click.option("--title", help="A short name, shown in the stance matrix (default: from the id).")
@click.option("--question", required=True, help="The question at stake, answerable yes or no.")
def new_issue_command(root: Path, issue_id: str, title: str | None, question: str) -> None:
    """Write briefings/issues/ID.yaml."""
    recover_if_idle(root)
    path = new_issue(root, issue_id, title or title_of(issue_id), question)
    click.echo(f"wrote {path.as_posix()}: add the words that mark an article as about it")


@new.command("position")
@ROOT_OPTION
@click.argument("actor_id", metavar="ACTOR")
@click.argument("issue_id", metavar="ISSUE")
@click.option("--stance", type=click.Choice([s.id for s in STANCES]), required=True)
@click.option("--summary", required=True, help="One or two sentences on what the actor holds.")
@click.option("--article", "article_id", required=True, help="The id of the article quoted.")
@click.option(
    "--quote", "quotes", multiple=True, required=True, help="Its exact words; repeatable."
)
@click.option("--speaker", help="The id of the person quoted, if the quote is theirs.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Default: the article's date.")
def new_position_command(
    root: Path,
    actor_id: str,
    issue_id: str,
    stance: str,
    summary: str,
    article_id: str,
    quotes: tuple[str, ...],
    speaker: str | None,
    as_of: datetime.datetime | None,
) -> None:
    """Add ACTOR's position on ISSUE to the actor's file, as a draft, once its quotes are
    found in the article."""
    recover_if_idle(root)
    day = as_of.date() if as_of else None
    wanted = NewPosition(actor_id, issue_id, stance, summary, article_id, quotes, speaker, day)
    path = new_position(root, load_project(root), wanted)
    click.echo(f"added {actor_id} on {issue_id} to {path.as_posix()}, as a draft")


def title_of(new_id: str) -> str:
    """A name made from an id: 'united-states' is 'United States'."""
    return " ".join(word.capitalize() for word in new_id.split("-"))


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
    outlets = project_outlets(root)
    ready = ingest(sources, metadata, briefing.articles, taken, force, problems, outlets)
    check_seeds(root, problems)
    if problems.errors:
        raise BriefingError(problems.errors)
    recover_if_idle(root)
    write_seeds(root, ready)
    for item in ready:
        click.echo("\n".join(added_lines(item, touches(item.article, briefing), briefing)))
    click.echo("run 'briefing build' to put them on the site")


def added_lines(item: Ingested, touched: Touches, briefing: Briefing) -> list[str]:
    """What `briefing add` says about one new article."""
    article = item.article
    files = ", ".join(f"seeds/{name}" for name, _ in item.files)
    untitled = " (none found: the file's name; give --title)" if article.untitled else ""
    lines = [f"added {article.id}: {files}", f"  title: {article.title}{untitled}"]
    lines.append(f"  date: {article.date or 'not stated (give --date)'}")
    lines.append(
        f"  outlet: {article.outlet or 'unknown (give --outlet, or --url of a known host)'}"
    )
    lines.append(f"  mentions: {', '.join(a.name for a in touched.actors) or 'no actor'}")
    lines.append(f"  issues: {', '.join(i.title for i in touched.issues) or 'none'}")
    lines += [f"  may make stale: {position_name(p, briefing)}" for p in touched.stale]
    if item.similar is not None:
        close = item.similar
        lines.append(f"  kept with --force: {close.percent:.0f}% similar to {close.article.id}")
    return lines


COMMANDS = (init, new, add)
