"""Stage 3: turn the model into Markdown pages through the Jinja2 templates (pure: no I/O)."""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import CodeType
from typing import Any
from urllib.parse import quote

import jinja2

from generator.load.decode import clean_text
from generator.model import STANCE_BY_ID, STANCES, Briefing
from generator.model.licences import licence_groups
from generator.model.positions import Position
from generator.model.quotes import Span
from generator.model.relations import Relations, relate
from generator.model.review import review_queue
from generator.problems import Location, Problems, did_you_mean
from generator.render.feed import position_changes

LATEST_POSITIONS = 10


def render_site(
    briefing: Briefing,
    templates: dict[str, str],
    pages: Mapping[str, str | bytes],
    problems: Problems,
    files: Mapping[str, str] | None = None,
) -> dict[str, str | bytes]:
    """Every page of the site, the generated `files` (data, feed) and the hand-written `pages`
    (text, or bytes to copy), keyed by docs path."""
    environment = make_environment(templates)
    relations = relate(briefing)
    review = review_queue(briefing, relations)
    output: dict[str, str | bytes] = {}
    for path, template, context in page_plan(briefing, relations):
        context.update(
            briefing=briefing, relations=relations, review=review, root="../" * path.count("/")
        )
        page = render_page(environment, template, context, problems)
        if page is not None:
            output[path] = page
    output.update(files or {})
    for path, content in sorted(pages.items()):
        if path in output:
            hint = "rename the hand-written page; this path is generated"
            problems.error(
                Location(f"pages/{path}"), f"'{path}' would overwrite a generated page", hint
            )
        output[path] = content
    return output


def render_page(
    environment: jinja2.Environment, template: str, context: dict[str, Any], problems: Problems
) -> str | None:
    """One page; None when its template fails, with the problem located in the template."""
    try:
        return environment.get_template(template).render(**context)
    except jinja2.TemplateSyntaxError as error:
        where = Location(f"{TEMPLATES}/{error.name or template}", error.lineno)
        problems.error(where, f"template syntax error: {error.message}", SYNTAX_HINT)
    except jinja2.TemplateNotFound as error:
        hint = did_you_mean(str(error.name), environment.list_templates())
        where = template_location(error, template)
        problems.error(where, f"template '{error.name}' not found", hint)
    except jinja2.TemplateError as error:
        where = template_location(error, template)
        problems.error(where, f"template error: {error.message}", RENDER_HINT)
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


TEMPLATES = "templates"
FILTER_HINT = "check the values this line uses and passes to filters ('md', 'badge', 'url', …)"
SYNTAX_HINT = "check the {% … %} and {{ … }} tags on this line and the blocks they open"
RENDER_HINT = (
    "templates see 'briefing', 'relations', 'review', 'root' and the page's 'actor', 'issue',"
    " 'article' or 'month'"
)


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


def page_plan(
    briefing: Briefing, relations: Relations
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, template, context) for every generated page."""
    yield "index.md", "home.md.j2", {}
    yield "matrix.md", "matrix.md.j2", {}
    yield "methodology.md", "methodology.md.j2", {}
    yield "about.md", "about.md.j2", {"licences": licence_groups(briefing.articles)}
    yield "changes.md", "changes.md.j2", {"changes": position_changes(briefing)}
    yield "review.md", "review.md.j2", {}
    yield "actors/index.md", "actors.md.j2", {}
    yield "issues/index.md", "issues.md.j2", {}
    yield "articles/index.md", "articles.md.j2", {}
    for month in relations.months:
        yield f"articles/months/{month.key}.md", "month.md.j2", {"month": month}
    for actor in briefing.actors:
        yield f"actors/{actor.id}.md", "actor.md.j2", {"actor": actor}
    for issue in briefing.issues:
        yield f"issues/{issue.id}.md", "issue.md.j2", {"issue": issue}
    for article in briefing.articles:
        yield f"articles/{article.id}.md", "article.md.j2", {"article": article}


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


def make_environment(templates: dict[str, str]) -> jinja2.Environment:
    """The one Jinja2 environment: strict about undefined names, with the Markdown filters."""
    environment = jinja2.Environment(
        loader=TemplateLoader(templates),
        bytecode_cache=COMPILED,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown: untrusted text goes through the 'md' filter
    )
    filters: dict[str, Callable[..., Any]] = {
        "md": escape_markdown,
        "highlight": highlight,
        "url": escape_url,
        "badge": stance_badge,
        "latest": latest_positions,
    }
    environment.filters.update(filters)
    environment.globals["stances"] = STANCES
    return environment


# Characters that start Markdown inline syntax anywhere in a line; Python-Markdown honours a
# backslash before each of them ('|' through the tables extension). Other punctuation only
# means something after one of these, or at the start of a line. '<' and '&' (raw HTML and
# entities) become entities, so that nothing in the text is ever read as HTML. Replaced in this
# order, no replacement is seen by a later one: '&' before the entities that add one, the
# backslash before the escapes that add one (a str.replace per character present is ten times
# faster than a regular expression over every string of every page).
INLINE_ESCAPES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ("\\", "\\\\"),
    *((special, "\\" + special) for special in "`*_{}[]|"),
)
# At the start of a line: a heading, a list item, an ordered list ('1.'), an admonition
# ('!!!'), or a code fence ('~~~'; Python-Markdown has no backslash escape for '~').
BLOCK_START = re.compile(r"^(?:([-+#!])|(\d+)\.|(~))")
BLOCK_MARKERS = frozenset("-+#!~")  # and the decimal digits ('\d' is str.isdecimal)
WHITESPACE = re.compile(r"\s+")
HTTP_URL = re.compile(r"https?://[^\s/?#]")


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


def escape_markdown(text: object) -> str:
    """Untrusted text as inert inline Markdown: one line, no markup, no HTML, no links."""
    return escape_line_start(escape_inline(str(text)).strip())


def escape_inline(text: str) -> str:
    """A piece of untrusted text made inert inside a line; whitespace runs become one space.

    The text is cleaned first (generator.load.decode.clean_text): no control or format characters.
    """
    flat = clean_text(text)
    # A printable text holds no whitespace but the plain space (tabs, line breaks and other
    # spaces are not printable), so only a double space needs collapsing.
    if not flat.isprintable() or "  " in flat:
        flat = WHITESPACE.sub(" ", flat)
    for special, escaped in INLINE_ESCAPES:
        if special in flat:
            flat = flat.replace(special, escaped)
    return flat


def escape_line_start(text: str) -> str:
    """Escape what would start a heading or a list at the start of a line."""
    first = text[:1]
    if first not in BLOCK_MARKERS and not first.isdecimal():  # most lines: nothing to escape
        return text
    return BLOCK_START.sub(escape_block_start, text)


def escape_block_start(start: re.Match[str]) -> str:
    marker, number, tilde = start.groups()
    if tilde:
        return "&#126;"
    return f"\\{marker}" if marker else f"{number}\\."


MARK = ('<mark class="quoted">', "</mark>")


def highlight(text: object, spans: Sequence[Span]) -> str:
    """Untrusted text escaped as by 'md', with the quoted spans (offsets into it) marked.

    The text is cut at the spans first and each piece escaped on its own: escaping first would
    move the offsets, and marking after could cut an escape sequence in two.
    """
    text = str(text)
    if not all(isinstance(span, Span) for span in spans):
        raise TypeError("'highlight' takes a paragraph's quoted spans, from relations.quoted_spans")
    pieces, cursor = [], 0
    for span in merge_spans(text, spans):
        pieces.append(escape_inline(text[cursor : span.start]))
        pieces.append(MARK[0] + escape_inline(text[span.start : span.end]) + MARK[1])
        cursor = span.end
    pieces.append(escape_inline(text[cursor:]))
    return escape_line_start("".join(pieces).strip())


def merge_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans in order and inside the text, no two overlapping or parted only by whitespace.

    Such spans are joined, so that the quotes of several positions make one mark.
    """
    merged: list[Span] = []
    for span in sorted(spans):
        start, end = max(span.start, 0), min(span.end, len(text))
        if start >= end:
            continue
        if merged and text[merged[-1].end : start].strip() == "":
            previous = merged.pop()
            start, end = previous.start, max(previous.end, end)
        merged.append(Span(start, end))
    return merged


def escape_url(url: object) -> str:
    """An http(s) address with a host, made safe as a Markdown link target; else '#'."""
    text = str(url)
    if not HTTP_URL.match(text):
        return "#"
    return quote(text, safe=":/?#@!$&'*+,;=%-._~[]")


def stance_badge(stance: object) -> str:
    """A stance label readable without colour: a symbol and the word, coloured by CSS class.

    ValueError (reported at the template line) when `stance` is not a stance id.
    """
    entry = STANCE_BY_ID.get(stance) if isinstance(stance, str) else None
    if entry is None:
        given = (
            f"'{stance}'" if isinstance(stance, str) else f"a value of type {type(stance).__name__}"
        )
        raise ValueError(f"'badge' takes a stance id such as 'supports', not {given}")
    return f'<span class="stance stance--{entry.id}">{entry.symbol} {entry.id}</span>'


def latest_positions(
    positions: tuple[Position, ...], count: int = LATEST_POSITIONS
) -> list[Position]:
    """The most recent positions by as-of date, ties in a stable order.

    TypeError (reported at the template line) when given anything but positions.
    """
    if not all(isinstance(position, Position) for position in positions):
        raise TypeError("'latest' takes positions, e.g. briefing.positions")
    ranked = sorted(positions, key=lambda p: (-p.as_of.toordinal(), p.actor_id, p.issue_id))
    return ranked[:count]
