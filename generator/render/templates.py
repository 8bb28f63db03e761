"""The one Jinja2 environment: templates held in memory, compiled once, rendered in the sandbox
(generator/render/sandbox.py), errors located in them."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from types import CodeType
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
from jinja2.exceptions import SecurityError

from generator.model import STANCES
from generator.model.evidence import EVIDENCE_TYPES
from generator.problems import Location, Problems, did_you_mean
from generator.render.context import NAMES, RENDER_HINT, Page, SiteContext, arguments
from generator.render.dates import format_day
from generator.render.markdown import (
    escape_html,
    escape_markdown,
    escape_title,
    escape_url,
    highlight,
    stance_badge,
)
from generator.render.sandbox import RenderTimeout, Sandbox
from generator.render.urls import anchor, page_link

TEMPLATES = "templates"
FILTER_HINT = "check the values this line uses and passes to filters ('md', 'badge', 'url', …)"
SYNTAX_HINT = "check the {% … %} and {{ … }} tags on this line and the blocks they open"
SANDBOX_HINT = (
    "templates are sandboxed: they may not reach Python's internals, change values, or make "
    "values too large to show; use the values and filters the templates document"
)
TIMEOUT_HINT = "look for a loop that never ends, or one over far more items than the page shows"
RECURSION_HINT = "a template that extends, includes or calls itself never ends: break the cycle"


class TemplateLoader(jinja2.BaseLoader):
    """Templates held in memory, named by their path so that errors point into templates/."""

    def __init__(self, templates: dict[str, str]) -> None:
        self.templates = templates

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template not in self.templates:
            raise jinja2.TemplateNotFound(template)
        return self.templates[template], f"{TEMPLATES}/{template}", lambda: True

    def list_templates(self) -> list[str]:
        return sorted(self.templates)


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja2's compiled templates kept in memory, each under its name with its text's
    checksum: a template is compiled again only when its text changes. Compiling is a tenth
    of a second of each regeneration of the live preview (and of each of its site builds,
    for the theme's templates)."""

    def __init__(self) -> None:
        self.compiled: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.compiled.get(bucket.key, ("", None))
        if code is not None and checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.compiled[bucket.key] = (bucket.checksum, bucket.code)


COMPILED = CompiledTemplates()


def make_environment(
    templates: dict[str, str], filters: Mapping[str, Callable[..., Any]] | None = None
) -> jinja2.Environment:
    """The one Jinja2 environment, sandboxed: strict about undefined names, with the Markdown
    and link filters, and `filters` bound to one render (the views of its briefing)."""
    environment = Sandbox(
        loader=TemplateLoader(templates),
        bytecode_cache=COMPILED,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown: untrusted text goes through the 'md' filter
    )
    environment.filters.update(
        md=escape_markdown,
        html=escape_html,
        highlight=highlight,
        url=escape_url,
        badge=stance_badge,
        day=format_day,
        title=escape_title,
        page=page_link,
        anchor=anchor,
        **(filters or {}),
    )
    environment.globals.update(stances=STANCES, evidence_types=EVIDENCE_TYPES)
    return environment


SITE_NAMES = frozenset(NAMES[SiteContext])
SITE_FILTERS = frozenset(("latest",))
"""The filters bound to one render's views: their results depend on the whole briefing."""


def reads_site(environment: jinja2.Environment, template: str) -> bool:
    """Whether a page of `template` may show more than its own context: whether the template,
    or one it imports, includes or extends, names the model, its relations or the review queue,
    uses a filter bound to the whole briefing, or names a template only known when it runs."""
    seen: set[str] = set()
    pending = [template]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source = environment.loader.get_source(environment, name)[0]  # type: ignore[union-attr]
            tree = environment.parse(source)
        except jinja2.TemplateError:
            return True  # rendering reports it; nothing is taken again meanwhile
        if jinja2.meta.find_undeclared_variables(tree) & SITE_NAMES:
            return True
        if any(node.name in SITE_FILTERS for node in tree.find_all(jinja2.nodes.Filter)):
            return True
        for referenced in jinja2.meta.find_referenced_templates(tree):
            if referenced is None:
                return True
            pending.append(referenced)
    return False


def render_page(
    environment: jinja2.Environment,
    template: str,
    site: SiteContext,
    page: Page,
    problems: Problems,
) -> str | None:
    """One page; None when its template fails, with the problem located in the template (one
    that runs too long, recurses without end or reaches out of the sandbox too)."""
    if isinstance(environment, Sandbox) and template in environment.timed_out:
        return None  # reported once: each of its pages would take as long again
    try:
        return environment.get_template(template).render(**arguments(site, page))
    except jinja2.TemplateSyntaxError as error:
        where = Location(f"{TEMPLATES}/{error.name or template}", error.lineno)
        problems.error(where, f"template syntax error: {error.message}", SYNTAX_HINT)
    except jinja2.TemplateNotFound as error:
        hint = did_you_mean(str(error.name), environment.list_templates())
        where = template_location(error, template)
        problems.error(where, f"template '{error.name}' not found", hint)
    except RenderTimeout as error:
        if isinstance(environment, Sandbox):
            environment.timed_out.add(template)
        problems.error(template_location(error, template), str(error), TIMEOUT_HINT)
    except SecurityError as error:
        where = template_location(error, template)
        problems.error(where, f"template refused: {error.message}", SANDBOX_HINT)
    except jinja2.TemplateError as error:
        where = template_location(error, template)
        problems.error(where, f"template error: {error.message}", RENDER_HINT)
    except RecursionError as error:
        message = "template recursion without end (it extends, includes or calls itself)"
        problems.error(template_location(error, template), message, RECURSION_HINT)
    except (MemoryError, OverflowError) as error:
        message = f"template error: {str(error) or 'out of memory'}"
        problems.error(template_location(error, template), message, SANDBOX_HINT)
    except (TypeError, ValueError) as error:
        # A filter given a value it cannot take ('badge' an actor), or an operation on values
        # of the wrong type. Raised anywhere but under a template line, it is a bug of the
        # generator, and so is any other exception: those are not the template's to report.
        if not template_frames(error):
            raise
        where = template_location(error, template)
        message = str(error).strip().split("\n")[0] or type(error).__name__
        problems.error(where, f"template error: {message}", FILTER_HINT)
    return None


def template_location(error: Exception, template: str) -> Location:
    """The template line an error was raised on: Jinja2 rewrites tracebacks to template lines."""
    inside = template_frames(error)
    if not inside:
        return Location(f"{TEMPLATES}/{template}")
    return Location(inside[-1].filename, inside[-1].lineno or 1)


def template_frames(error: Exception) -> list[traceback.FrameSummary]:
    """The frames of the error's traceback that are template lines."""
    frames = traceback.extract_tb(error.__traceback__)
    return [f for f in frames if f.filename.startswith(f"{TEMPLATES}/")]
