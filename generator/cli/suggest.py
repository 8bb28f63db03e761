"""`briefing suggest`: the sentences of new articles that may be evidence, ready to confirm."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import ROOT_OPTION, limit_option, report_warnings
from generator.engine.build import load_model
from generator.model import Briefing
from generator.model.articles import Article
from generator.model.dismissals import DISMISSED_PATH
from generator.model.suggest import BUDGET, Suggestion, suggester_of
from generator.problems import Location, Problems, counted, did_you_mean
from generator.project.dismiss import dismiss
from generator.render.suggestions import suggestions_json, suggestions_text, suggestions_yaml

ARGUMENTS = Location("<arguments>")


@click.command()
@ROOT_OPTION
@click.argument("articles", nargs=-1, metavar="[ARTICLE]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "yaml", "json"]),
    default="text",
    show_default=True,
    help="Text to read, YAML evidence entries to paste, or JSON for tools.",
)
@limit_option(10, "Without ARTICLE: how many of the articles cited by no position; 0 for all.")
@click.option(
    "--per-article",
    default=BUDGET,
    show_default=True,
    type=click.IntRange(min=1),
    help="At most this many suggestions per article, the best.",
)
@click.option(
    "--dismiss",
    "dismissed",
    multiple=True,
    metavar="ID",
    help="Set aside the "
    "suggestion with this id (shown in brackets) so that it is not made again; "
    "repeatable.",
)
@click.option("--dismiss-all", is_flag=True, help="Set aside every suggestion listed.")
def suggest(
    root: Path,
    articles: tuple[str, ...],
    output_format: str,
    limit: int,
    per_article: int,
    dismissed: tuple[str, ...],
    dismiss_all: bool,
) -> None:
    """Suggest the sentences of ARTICLEs (ids or files of seeds/) that may be evidence of an
    actor's position on an issue, ranked, with the speaker.

    Without ARTICLE: the articles cited by no position, newest first. A sentence a position
    already cites for the same actor and issue, or one dismissed, is not suggested again.
    """
    problems = Problems()
    _, briefing = load_model(root, problems)
    report_warnings(problems.warnings)
    chosen = chosen_articles(briefing, articles, limit)
    made = suggester_of(briefing, per_article).suggest_all(chosen)
    if dismissed or dismiss_all:
        wanted = made if dismiss_all else picked(made, dismissed)
        added = dismiss(root, wanted)
        click.echo(f"dismissed {counted(added, 'suggestion')} in {DISMISSED_PATH}")
        return
    if output_format == "json":
        click.echo(suggestions_json(made), nl=False)
    elif output_format == "yaml":
        click.echo(suggestions_yaml(chosen, made, briefing), nl=False)
    else:
        click.echo(suggestions_text(chosen, made, briefing), nl=False)


def chosen_articles(briefing: Briefing, names: tuple[str, ...], limit: int) -> list[Article]:
    """The articles named (by id, or by a file name in seeds/), else the uncited ones."""
    if not names:
        cited = {e.article_id for p in briefing.positions for e in p.evidence}
        uncited = [a for a in briefing.articles if a.id not in cited]  # newest first
        return uncited if limit <= 0 else uncited[:limit]
    problems = Problems()
    found = []
    for name in names:
        article_id = Path(name).name.split(".")[0] if "/" in name or "." in name else name
        article = briefing.article_by_id.get(article_id)
        if article is None:
            hint = did_you_mean(article_id, briefing.article_by_id)
            problems.error(ARGUMENTS, f"unknown article '{name}'", hint)
        elif article not in found:
            found.append(article)
    problems.raise_if_errors()
    return found


def picked(made: tuple[Suggestion, ...], ids: tuple[str, ...]) -> list[Suggestion]:
    """The suggestions with the ids given; an id among none of them is an error."""
    by_id = {s.id: s for s in made}
    problems = Problems()
    for wanted in ids:
        if wanted not in by_id:
            hint = "run the same command without --dismiss to see the ids of its suggestions"
            problems.error(ARGUMENTS, f"no suggestion '{wanted}' among those listed", hint)
    problems.raise_if_errors()
    return [by_id[wanted] for wanted in dict.fromkeys(ids)]


COMMANDS = (suggest,)
