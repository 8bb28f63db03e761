"""The `briefing` command: a thin shell over the pipeline in generator.engine.build."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from generator.engine import progress
from generator.engine.build import DOCS_DIR, SITE_DIR, Generated, SiteBuildFailed, generate, publish
from generator.engine.incremental import Prepared, prepare, read_docs, regenerate, remember
from generator.engine.lock import BuildLocked, build_lock
from generator.load.inputs import MAX_FILE_BYTES
from generator.model import Briefing
from generator.model.relations import relate
from generator.model.review import Touches, position_name, queue_lines, review_queue, touches
from generator.problems import BriefingError, Problem, Problems, summary
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


def project_folder(context: click.Context, parameter: click.Parameter, root: Path) -> Path:
    """The --root folder, once it is seen to be a project: a mistyped one is not created."""
    if (root / "mkdocs.yml").is_file() or (root / "briefings").is_dir():
        return root
    raise click.BadParameter(
        f"'{root}' holds neither mkdocs.yml nor a briefings/ folder: it is not a briefing "
        "project (pass the project's folder, or run the command inside it)"
    )


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
    type=click.IntRange(min=1),
    default=MAX_FILE_BYTES,
    show_default=True,
    envvar="BRIEFING_MAX_FILE_BYTES",
    help="Refuse an article or YAML file larger than this (also BRIEFING_MAX_FILE_BYTES).",
)


@click.group()
@click.version_option(package_name="briefing-site")
def main() -> None:
    """Build a searchable briefing site from articles and position summaries."""


@main.command()
@ROOT_OPTION
@STRICT_OPTION
@MAX_FILE_BYTES_OPTION
def check(root: Path, strict: bool, max_file_bytes: int) -> None:
    """Load and validate everything; write nothing."""
    generated = generate_or_exit(root, strict=strict, max_file_bytes=max_file_bytes)
    briefing = generated.briefing
    click.echo(
        f"ok: {len(briefing.actors)} actors, {len(briefing.issues)} issues, "
        f"{len(briefing.positions)} positions, {len(briefing.articles)} articles"
    )


@main.command()
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
def build(root: Path, no_drafts: bool, strict: bool, max_file_bytes: int) -> None:
    """Generate the Markdown, then build site/ with MkDocs; on any failure change nothing."""
    try:
        with build_lock(root):
            with progress.step("Generating the Markdown"):
                prepared = prepare_or_exit(root, not no_drafts, strict, max_file_bytes)
            pages = read_docs(root) if prepared.pages is None else prepared.pages
            count = 2 * sum(path.endswith(".md") for path in pages)
            with progress.step("Building the site", total=count) as advance:
                report = publish(root, pages, prepared.epoch, advance if progress.shown() else None)
            remember(root, prepared)
    except BuildLocked as locked:
        raise click.ClickException(str(locked)) from None
    except SiteBuildFailed as failure:
        click.echo(failure.output, err=True, nl=False)
        unchanged = f"{DOCS_DIR}/ and {SITE_DIR}/ are unchanged"
        raise click.ClickException(f"the MkDocs build failed (see above); {unchanged}") from None
    written, deleted = len(report.written), len(report.deleted)
    click.echo(f"{DOCS_DIR}/: {written} written, {deleted} deleted, {report.unchanged} unchanged")
    index = (root / SITE_DIR / "index.html").resolve()
    click.echo(f"site built: open {index}, or run 'briefing serve' for a live preview")


@main.command()
@ROOT_OPTION
@MAX_FILE_BYTES_OPTION
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
def serve(root: Path, dev_addr: str, max_file_bytes: int) -> None:
    """Live preview that regenerates when seeds/, briefings/, templates/ or pages/ change."""
    from generator.engine.serve import serve_forever

    with build_lock(root, wait=True):
        regenerate_or_exit(root, max_file_bytes)
    serve_forever(root, dev_addr, max_file_bytes)


@main.command()
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
    from generator.diff.revision import RevisionErrors, read_sides
    from generator.diff.text import diff_json, diff_markdown

    try:
        old, new = read_sides(root, base, head)
    except RevisionErrors as failure:
        for error in failure.errors:
            click.echo(error.message, err=True)
            report_problems(error.problems)
            if error.hint:
                click.echo(f"  hint: {error.hint}", err=True)
        sys.exit(2)
    changes = diff_briefings(old.briefing, new.briefing)
    text = diff_json if output_format == "json" else diff_markdown
    click.echo(text(changes, old, new), nl=False)
    sys.exit(1 if exit_code and changes.changed else 0)


@main.command()
@ROOT_OPTION
@click.option(
    "--limit",
    default=20,
    show_default=True,
    help="How many items of each list to print; 0 prints them all.",
)
def status(root: Path, limit: int) -> None:
    """Print the review queue: stale positions, uncited articles, gaps, single quotes."""
    briefing = generate_or_exit(root).briefing
    queue = review_queue(briefing, relate(briefing))
    click.echo("\n".join(queue_lines(queue, briefing, limit)))


@main.command()
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
        report_problems(problems.errors)
        sys.exit(1)
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


class HasWarnings(Protocol):
    @property
    def warnings(self) -> tuple[Problem, ...]: ...


Result = TypeVar("Result", bound=HasWarnings)


def or_exit(step: Callable[[], Result]) -> Result:
    """Run a checking step and print its warnings, or print every problem and exit with status 1."""
    try:
        result = step()
    except BriefingError as error:
        report_problems(error.problems, error.strict)
        sys.exit(1)
    report_problems(result.warnings)
    return result


def regenerate_or_exit(root: Path, max_file_bytes: int) -> None:
    """Bring generated/ up to date in place, or print every problem and exit with status 1."""
    or_exit(lambda: regenerate(root, max_file_bytes))


def prepare_or_exit(root: Path, drafts: bool, strict: bool, max_file_bytes: int) -> Prepared:
    """The pages to build (None: those in generated/ are current), or print every problem and
    exit with status 1."""
    return or_exit(lambda: prepare(root, drafts, strict, max_file_bytes))


def generate_or_exit(
    root: Path, drafts: bool = True, strict: bool = False, max_file_bytes: int = MAX_FILE_BYTES
) -> Generated:
    """Generate the pages, or print every problem and exit with status 1."""
    return or_exit(lambda: generate(root, drafts, strict, max_file_bytes))


def report_problems(problems: tuple[Problem, ...], strict: bool = False) -> None:
    """Print problems sorted by place, then how many there are."""
    if not problems:
        return
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(summary(problems, strict), err=True)
