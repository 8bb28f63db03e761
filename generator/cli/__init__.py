"""The `briefing` command: thin shells over the pipeline, one module per group of commands.

Every command stops the same way on a user's mistake: a `generator.problems.Failure` raised
anywhere below is printed as it reports itself, and the command exits with its status.
"""

from __future__ import annotations

import os
from typing import Any

import click

from generator.problems import Failure, Fault


class Commands(click.Group):
    """A command group that turns every Failure into its report and exit status.

    An OSError that no stage turned into a located problem is reported the same way, at the
    path it names: a file the system refuses is the user's to fix, never a traceback.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            except OSError as error:
                where = os.fsdecode(error.filename) if error.filename else "."
                raise Fault(where, "the command failed", error) from None
        except Failure as failure:
            click.echo(failure.report(), err=True, nl=False)
            ctx.exit(failure.status)


@click.group(cls=Commands)
@click.version_option(package_name="briefing-site")
def main() -> None:
    """Build a searchable briefing site from articles and position summaries."""


def register() -> None:
    """Add every command to the group (imported here: each module imports `main`'s options)."""
    from generator.cli import project, review, site, suggest

    for module in (site, review, suggest, project):
        for command in module.COMMANDS:
            main.add_command(command)


register()
