"""The site engine's build, as its own process: `mkdocs build --strict`, with the page cache.

    python -m generator.engine.sitebuild --config-file .build.mkdocs.yml \
        [--previous site] [--cache .build/cache] [--workers 2] [--verbose]

It is MkDocs' own build (mkdocs.commands.build), run on the configuration `briefing build`
wrote, with one plugin added here and not in the configuration: the page cache
(generator/engine/pagecache.py), which takes the pages' rendered Markdown and built HTML from
earlier builds where it can prove them unchanged, and renders the others' Markdown on
`--workers` cores. Everything else is MkDocs': strict mode, link and anchor checks, the search
index, the sitemap. It prints what `mkdocs build` prints, and exits with 1 when MkDocs aborts.
When the system refuses a file (a full disk), it ends what it prints with one line: FAULT_MARK
and the error as JSON, which `briefing build` reports at the path (`fault_in`) instead of the
traceback before it, unless `--verbose`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateError

from generator.engine.cache import CACHE_DIR, Store
from generator.engine.workspace import THEME_DIR

if TYPE_CHECKING:
    from generator.engine.pagecache import PageCache

MARKDOWN_CACHE = "markdown.sqlite"
HTML_CACHE = "html.sqlite"
FAULT_MARK = "briefing-site-build-fault: "


def fault_line(error: OSError) -> str:
    """The line that says which file the system refused, and why (see the module docstring):
    of a copy, the file written."""
    where = error.filename2 or error.filename
    shown = os.fsdecode(where) if where is not None else None
    return FAULT_MARK + json.dumps(
        {"errno": error.errno, "strerror": error.strerror, "path": shown}
    )


def fault_in(output: str) -> OSError | None:
    """The error a fault line of `output` reports, or None."""
    for line in output.splitlines():
        if line.startswith(FAULT_MARK):
            with contextlib.suppress(ValueError, TypeError, KeyError):
                fault = json.loads(line[len(FAULT_MARK) :])
                return OSError(int(fault["errno"] or 0), str(fault["strerror"]), fault["path"])
    return None


def site_build_command(config_file: str) -> list[str]:
    """The command that builds the site of `config_file` (relative to the project, where it
    runs), reusing the published site/ and the cache of earlier builds."""
    # -P: the project is not on Python's path, so an extension or plugin named in mkdocs.yml is an
    # installed package, never a file of the project.
    command = [
        sys.executable,
        "-P",
        "-m",
        "generator.engine.sitebuild",
        "--config-file",
        config_file,
    ]
    return [*command, "--previous", "site", "--cache", CACHE_DIR.as_posix()]


def page_cache(cache: Path | None, previous: Path | None, workers: int) -> PageCache:
    """The page cache kept in folder `cache` (in memory only when None)."""
    from generator.engine.pagecache import CACHED_CLASSES, PageCache

    markdown = Store(cache / MARKDOWN_CACHE if cache else None, allowed=CACHED_CLASSES)
    html = Store(cache / HTML_CACHE if cache else None)
    return PageCache(markdown, html, previous, workers)


def show_log(verbose: bool) -> None:
    """MkDocs' messages on standard error, formatted as `mkdocs build` formats them."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


THEME_HINT = (
    "theme templates are sandboxed and bounded in time: they may not reach Python's internals, "
    "change values or loop without end; fix this line of the override"
)


def theme_error(error: BaseException) -> str:
    """A theme template's failure, located at the line of the override it was raised on."""
    theme = Path(THEME_DIR).resolve()
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if Path(frame.filename).is_relative_to(theme)
    ]
    where = "overrides"
    if frames:
        name = Path(frames[-1].filename).relative_to(theme).as_posix()
        where = f"overrides/{name}:{frames[-1].lineno or 1}:1"
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    if isinstance(error, RecursionError):
        message = "template recursion without end (it extends, includes or calls itself)"
    return f"{where}: theme template error: {message}\n  hint: {THEME_HINT}"


def main(argv: list[str] | None = None) -> int:
    # Imported here: `briefing check` and the rest of the tool never load the site engine.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config-file", required=True)
    parser.add_argument("--previous", type=Path, help="the last build's site, to reuse from")
    parser.add_argument("--cache", type=Path, help="the folder of the page cache")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args(argv)
    show_log(options.verbose)
    cache = page_cache(options.cache, options.previous, max(1, options.workers))
    try:
        config = load_config(config_file=options.config_file)
        config.plugins["briefing-page-cache"] = cache
        build(config)
    except (Abort, ConfigurationError) as error:
        print(
            f"Aborted! {error}" if isinstance(error, ConfigurationError) else error, file=sys.stderr
        )
        return 1
    except (TemplateError, RecursionError, MemoryError) as error:
        print(theme_error(error), file=sys.stderr)
        return 1
    except OSError as error:  # the system refused a file: located by the parent, never a traceback
        traceback.print_exc()  # shown by `briefing build --verbose` only
        print(fault_line(error), file=sys.stderr)
        return 1
    finally:
        cache.markdown.close()
        cache.html.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
