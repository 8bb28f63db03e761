"""Options shared by the commands, and printing what a successful run found."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.load.files import LARGEST_LIMIT, MAX_FILE_BYTES
from generator.problems import Problem, printable, report_text

F = TypeVar("F", bound=Callable[..., Any])


def project_folder(context: click.Context, parameter: click.Parameter, root: Path) -> Path:
    """The --root folder, once it is seen to be a project: a mistyped one is not created."""
    if (root / "mkdocs.yml").is_file() or (root / "briefings").is_dir():
        return root
    raise click.BadParameter(
        f"'{printable(str(root))}' holds neither mkdocs.yml nor a briefings/ folder: it is not "
        "a briefing project (pass the project's folder, or run the command inside it)"
    )


def host_and_port(context: click.Context, parameter: click.Parameter, address: str) -> str:
    """An address to listen on as MkDocs takes it, 'localhost' or an IP address, then ':' and
    a port; checked before anything is built or printed."""
    host, _, port = address.rpartition(":")
    if is_host(host) and port.isdigit() and 0 < int(port) < 65536:
        return address
    raise click.BadParameter(
        f"'{printable(address)}' is not an address to serve on: write 'localhost' or an IP "
        "address, ':' and a port from 1 to 65535, e.g. 127.0.0.1:8000"
    )


def is_host(host: str) -> bool:
    """'localhost', or an IP address (IPv6 in brackets or not)."""
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host[1:-1] if host.startswith("[") and host.endswith("]") else host)
    except ValueError:
        return False
    return True


ROOT_OPTION = click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    callback=project_folder,
    help="The project folder holding mkdocs.yml, seeds/, briefings/ and templates/.",
)
STRICT_OPTION = click.option(
    "--strict", is_flag=True, help="Treat warnings as errors: exit 1 and write nothing."
)
MAX_FILE_BYTES_OPTION = click.option(
    "--max-file-bytes",
    type=click.IntRange(min=1, max=LARGEST_LIMIT),
    default=MAX_FILE_BYTES,
    show_default=True,
    envvar="BRIEFING_MAX_FILE_BYTES",
    help="Refuse an article or YAML file larger than this (also BRIEFING_MAX_FILE_BYTES).",
)

LARGEST_COUNT = 1_000_000_000
"""The highest count an option takes: more than any list holds, less than overflows."""


def limit_option(default: int, help: str) -> Callable[[F], F]:
    """A `--limit` of how many items to print, 0 for all: every command bounds it alike."""
    return click.option(
        "--limit",
        type=click.IntRange(min=0, max=LARGEST_COUNT),
        default=default,
        show_default=True,
        help=help,
    )


def report_warnings(warnings: tuple[Problem, ...]) -> None:
    """Print the warnings of a run that succeeded, sorted by place, then how many there are."""
    click.echo(report_text(warnings), err=True, nl=False)
