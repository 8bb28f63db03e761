"""`briefing add`: bring new articles into seeds/, with their metadata, refusing duplicates.

Each input is read exactly as the build will read it: it is staged in a temporary folder, with
the sidecar made from the command's options, and goes through the loader and the model. Only
when every input is good (readable, with some text, not a duplicate) are the files written to
seeds/: the article's bytes as given, and for text and HTML a sidecar `<id>.meta.yaml`.

Duplicates, exact or near, are refused as generator/duplicates.py says.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from slugify import slugify

from generator.load.decode import Refused, clean_text
from generator.load.files import check_links, check_stat, is_inside, list_folder, read_limited
from generator.load.inputs import (
    ARTICLE_SUFFIXES,
    MAX_FILE_BYTES,
    SIDECAR_SUFFIX,
    load_article,
    load_inputs,
    load_sources,
)
from generator.load.schema import ShapeError, shape_errors
from generator.load.sources import NO_SOURCES, Sources
from generator.model import Briefing, build_model
from generator.model.articles import Article, build_article
from generator.model.duplicates import Seen, Similar, check_duplicates, text_of
from generator.problems import Location, Problem, Problems, whole
from generator.project.write import write_new_files

SUFFIX_BY_FORM = {"text": ".txt", "markdown": ".md", "html": ".html"}
MAX_ID_LENGTH = 80
HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body)\b", re.I | re.S)


@dataclass(frozen=True, slots=True)
class Source:
    """One input as given: how to name it in messages, its bytes and its form's suffix."""

    shown: str
    data: bytes
    suffix: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the options say about the articles; None where they say nothing."""

    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    licence: str | None = None
    attribution: str | None = None
    excerpt: bool | None = None

    def sidecar(self) -> dict[str, str | bool]:
        """The sidecar's keys, in the order the README shows them."""
        fields = ("title", "date", "outlet", "url", "licence", "attribution", "excerpt")
        values = {name: getattr(self, name) for name in fields}
        return {name: value for name, value in values.items() if value is not None}


@dataclass(frozen=True, slots=True)
class Ingested:
    """A new article ready to be written: the model's view of it and its files in seeds/."""

    article: Article
    files: tuple[tuple[str, bytes], ...]
    similar: Similar | None


def read_sources(
    paths: Iterable[str], stdin: bytes | None, form: str | None, problems: Problems
) -> list[Source]:
    """The inputs named on the command line ('-' is standard input, read into `stdin`)."""
    sources = []
    for name in paths:
        data = stdin if name == "-" else read_file(name, problems)
        if data is None:
            continue
        shown = "<stdin>" if name == "-" else name
        suffix = input_suffix(shown, data, form, is_stdin=name == "-")
        if suffix is None:
            hint = "articles are .txt, .md or .html; or say which with --format"
            problems.error(Location(shown), f"unknown article format '{Path(name).suffix}'", hint)
            continue
        sources.append(Source(shown, data, suffix))
    return sources


WEB_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def read_file(name: str, problems: Problems) -> bytes | None:
    """The bytes of the file named on the command line (as the loader reads a project file:
    its size and kind checked first), or None with a problem located at the name as given."""
    if WEB_ADDRESS.match(name):
        hint = "save the page first (as .html, or its text as .txt), then add that file"
        problems.error(whole(name), "a web address, not a file: 'add' reads files", hint)
        return None
    data = check_stat(Path(name), MAX_FILE_BYTES) or read_limited(Path(name), MAX_FILE_BYTES)
    if isinstance(data, Refused):
        problems.error(whole(name), data.message, data.hint)
        return None
    return data


def input_suffix(shown: str, data: bytes, form: str | None, *, is_stdin: bool) -> str | None:
    """The seed file suffix: from --format, else the file's own suffix, else (stdin) a sniff."""
    if form is not None:
        return SUFFIX_BY_FORM[form]
    if not is_stdin:
        suffix = Path(shown).suffix.lower()
        return suffix if suffix in ARTICLE_SUFFIXES else None
    if data.lstrip().startswith(b"---"):
        return ".md"
    return ".html" if HTML_START.match(data[:4096]) else ".txt"


def check_metadata(metadata: Metadata, problems: Problems) -> bool:
    """Whether the options make a sidecar the article schema accepts (checked as the sidecar
    file would be, its texts cleaned as the loader cleans them); problems say what is wrong."""
    sidecar = {
        key: clean_text(value) if isinstance(value, str) else value
        for key, value in metadata.sidecar().items()
    }
    errors = shape_errors(sidecar, "article")
    for error in errors:
        problems.error(Location("<options>"), *option_problem(error, sidecar))
    return not errors


OPTION_FORMS = {
    "date": ("a date", "write it as 2026-01-20"),
    "url": ("a web address", "links must be absolute http:// or https:// addresses"),
}
"""What a refused option's value should be, and how to write it, by option."""


def option_problem(error: ShapeError, sidecar: Mapping[str, str | bool]) -> tuple[str, str]:
    """The message and hint for an option whose value the article schema refuses."""
    name = str(error.path[0])
    if error.rule.get("x-empty"):
        return f"--{name} is empty", "leave the option out instead"
    form, hint = OPTION_FORMS.get(name, ("valid", str(error.rule.get("x-hint", ""))))
    return f"--{name} '{sidecar[name]}' is not {form}", hint


def ingest(
    sources: list[Source],
    metadata: Metadata,
    existing: tuple[Article, ...],
    taken: set[str],
    force: bool,
    problems: Problems,
    outlets: Sources = NO_SOURCES,
) -> list[Ingested]:
    """Read, check and name every source against the project's articles, with the outlets of
    its briefings/sources.yaml (picked by the address's host); write nothing."""
    seen = Seen({text_of(a): a for a in existing}, {a.id: a for a in existing})
    ready = []
    for source in sources:
        article = stage(source, metadata, problems, outlets)
        if article is None:
            continue
        where = Location(source.shown)
        accepted, similar = check_duplicates(where, article, seen, force, problems)
        if not accepted:
            continue
        article_id = choose_id(article, source, taken)
        if article_id is None:
            hint = "change the 'id:' of its front matter, or remove it"
            problems.error(Location(source.shown), f"article id '{article.id}' is taken", hint)
            continue
        seed = Location(f"seeds/{article_id}{source.suffix}")
        article = replace(article, id=article_id, location=seed)
        taken.add(article.id)
        seen.add(article)
        ready.append(Ingested(article, seed_files(article.id, source, metadata), similar))
    return ready


def stage(
    source: Source, metadata: Metadata, problems: Problems, outlets: Sources = NO_SOURCES
) -> Article | None:
    """The article as the build will see it, read from a temporary copy of its seed files."""
    if source.suffix == ".md" and metadata.sidecar():
        hint = "put title, date, outlet, url and licence in the Markdown front matter"
        problems.error(Location(source.shown), "metadata options are for text and HTML", hint)
        return None
    local = Problems()
    with tempfile.TemporaryDirectory(prefix="briefing-add-") as folder:
        stem = staging_stem(source)
        staged = Path(folder) / f"{stem}{source.suffix}"
        for name, data in seed_files(stem, source, metadata):
            (Path(folder) / name).write_bytes(data)
        raw = load_article(Path(folder), staged, local, MAX_FILE_BYTES, sources=outlets)
        article = build_article(raw, local) if raw is not None else None
    problems.extend(shown_at(problem, source.shown) for problem in local.items)
    if article is not None and not article.paragraphs:
        hint = "check that it is the article itself and not an empty or script-only page"
        problems.error(Location(source.shown), "no article text found", hint)
        return None
    return article if not local.errors else None


def staging_stem(source: Source) -> str:
    """The stem an input is read under: its file name made safe, which the loader uses as the
    id and title of an article that names neither."""
    if source.shown == "<stdin>":
        return "article"
    return slugify(Path(source.shown).stem, max_length=MAX_ID_LENGTH) or "article"


def shown_at(problem: Problem, shown: str) -> Problem:
    """A problem of a staged file, placed in the input the user named."""
    path = problem.location.path
    place = "<options>" if path.endswith(SIDECAR_SUFFIX) else shown
    return replace(problem, location=replace(problem.location, path=place))


def seed_files(
    article_id: str, source: Source, metadata: Metadata
) -> tuple[tuple[str, bytes], ...]:
    """The files of the article in seeds/: its bytes as given, and the sidecar if any."""
    files = [(f"{article_id}{source.suffix}", source.data)]
    sidecar = metadata.sidecar()
    if sidecar and source.suffix != ".md":
        lines = ["# yaml-language-server: $schema=../schemas/article.schema.json"]
        lines += [sidecar_line(key, value) for key, value in sidecar.items()]
        files.append((f"{article_id}{SIDECAR_SUFFIX}", "\n".join([*lines, ""]).encode("utf-8")))
    return tuple(files)


def sidecar_line(key: str, value: str | bool) -> str:
    """One `key: value` line; dates plain as the README writes them, other text as YAML quotes
    it when it must."""
    if key == "date":
        return f"date: {value}"
    return yaml.safe_dump({key: value}, allow_unicode=True, width=1000).rstrip("\n")


def choose_id(article: Article, source: Source, taken: set[str]) -> str | None:
    """A stable, safe id: the front matter's id (None if taken), else the title's slug and
    date, made unique."""
    if article.id != staging_stem(source):
        return article.id if article.id not in taken else None
    replacements = [["'", ""], ["\u2019", ""]]
    base = slugify(
        article.title, max_length=MAX_ID_LENGTH, word_boundary=True, replacements=replacements
    )
    if not base and source.shown != "<stdin>":
        base = slugify(Path(source.shown).stem, max_length=MAX_ID_LENGTH)
    base = base or "article"
    if article.date is not None:
        base = f"{base}-{article.date.isoformat()}"
    return unique(base, taken)


def unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def load_project(root: Path) -> Briefing:
    """The project's model as far as it can be built: a broken briefing file does not stop an
    article from being added, so problems are not reported here (`briefing check` does)."""
    problems = Problems()
    return build_model(load_inputs(root, problems), problems)


def project_outlets(root: Path) -> Sources:
    """The project's outlets, as far as briefings/sources.yaml can be read (`briefing check`
    reports its problems)."""
    return load_sources(root, Problems())


def taken_ids(root: Path, briefing: Briefing) -> set[str]:
    """Ids a new article may not use: those of the articles and of every file in seeds/."""
    folder = root / "seeds"
    stems = set()
    if folder.is_dir():
        for path in folder.iterdir():
            stems.add(path.name.removesuffix(SIDECAR_SUFFIX).split(".")[0])
            stems.add(path.stem)
    return stems | set(briefing.article_by_id)


def check_seeds(root: Path, problems: Problems) -> None:
    """An error for each file of seeds/ that is a link leading nowhere, in a loop or out of the
    project: an article is not added beside one, whose id it might take (`check` names them
    too). A seeds/ that itself leads out of the project is the writer's to refuse."""
    folder = root / "seeds"
    if not is_inside(root, folder):
        return
    for name in list_folder(folder).files:
        refused = check_links(root, folder / name)
        if refused is not None:
            problems.error(Location(f"seeds/{name}"), refused.message, refused.hint)


def write_seeds(root: Path, ready: list[Ingested]) -> None:
    """Write the new files into seeds/ (no file of it replaced, no link out of the project
    followed); on failure remove those already written and raise Fault."""
    files = {f"seeds/{name}": data for item in ready for name, data in item.files}
    write_new_files(root, files, "nothing was added")
