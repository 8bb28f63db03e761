"""Stage 1: read every input file into raw records that remember where they came from."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import defaults
from generator.load.extract import Extracted, extract_markdown, split_front_matter
from generator.load.extract.outlets import OutletRule
from generator.load.files import read_bytes, read_text, relative, walk_files
from generator.load.marked_yaml import parse_yaml
from generator.load.reading import given_url, read_article
from generator.load.reuse import Reuse
from generator.load.sources import NO_SOURCES, SOURCES_FILE, Sources, build_sources
from generator.problems import Location, Problems

MAX_FILE_BYTES = 2_000_000
"""The default size limit of an article or YAML file: far above any real one, far below harm."""
ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".meta.yaml"
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""The files MkDocs reads as Markdown pages; it copies every other file of its docs as it is."""


@dataclass(frozen=True, slots=True)
class YamlFile:
    """A parsed YAML file; `data` is None when the file could not be parsed.

    `schema_ref` is where the file's `# yaml-language-server: $schema=…` comment is, and the
    schema it names, when it has one.
    """

    path: str
    data: Any
    schema_ref: tuple[Location, str] | None = None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article file as read: its extracted structure, the metadata given beside it, and
    the outlet of briefings/sources.yaml it comes from, when one is known."""

    stem: str
    path: str
    form: str
    extracted: Extracted
    metadata: YamlFile | None
    outlet: OutletRule | None = None


@dataclass(frozen=True, slots=True)
class RawInputs:
    """Everything the generator reads, before validation."""

    briefing: YamlFile | None
    actors: tuple[YamlFile, ...]
    issues: tuple[YamlFile, ...]
    articles: tuple[RawArticle, ...]
    templates: dict[str, str]
    pages: dict[str, str | bytes]
    """Hand-written Markdown pages as text, every other file of pages/ as bytes."""
    dismissed: YamlFile | None = None
    """briefings/dismissed.yaml, the suggestions set aside, when there is one."""


def load_inputs(
    root: Path, problems: Problems, max_bytes: int = MAX_FILE_BYTES, reuse: Reuse | None = None
) -> RawInputs:
    """Read seeds/, briefings/, templates/ and pages/ below `root`, recording problems; the
    tool's default templates and pages are there too, where the project has no file of the
    same name.

    A file of seeds/ or briefings/ larger than `max_bytes` is refused. With `reuse`, a YAML
    file or article whose files have the size, time and inode they had in the previous run is
    not read again (generator/load/reuse.py).
    """
    briefing_path = root / "briefings" / "briefing.yaml"
    dismissed_path = root / "briefings" / "dismissed.yaml"

    def load_one(path: Path) -> YamlFile:
        if reuse is None:
            return load_yaml(root, path, problems, max_bytes)
        basis = (stamp(path), max_bytes)
        return reuse.take(
            path, basis, lambda found: load_yaml(root, path, found, max_bytes), problems
        )

    def load_all(folder: str) -> tuple[YamlFile, ...]:
        return tuple(load_one(p) for p in yaml_files(root / folder))

    return RawInputs(
        briefing=load_one(briefing_path) if briefing_path.exists() else None,
        actors=load_all("briefings/actors"),
        issues=load_all("briefings/issues"),
        articles=load_articles(
            root, problems, max_bytes, load_sources(root, problems, max_bytes), reuse
        ),
        templates={**packaged(defaults.TEMPLATES), **read_tree(root / "templates", root, problems)},
        pages={**packaged(defaults.PAGES), **read_pages(root / "pages", root, problems)},
        dismissed=(
            load_yaml(root, dismissed_path, problems, max_bytes)
            if dismissed_path.exists()
            else None
        ),
    )


def packaged(folder: Path) -> dict[str, Any]:
    """The tool's own files below `folder` (trusted: they ship with it), keyed by their path
    relative to it: Markdown and templates as text, anything else as bytes."""
    return {
        name: path.read_text(encoding="utf-8")
        if path.suffix.lower() in (*MARKDOWN_SUFFIXES, ".j2")
        else path.read_bytes()
        for name, path in tree_files(folder)
    }


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def read_tree(folder: Path, root: Path, problems: Problems) -> dict[str, str]:
    """The text of every file below `folder`, keyed by its path relative to it."""
    texts = {name: read_text(root, path, problems) for name, path in tree_files(folder)}
    return {name: text for name, text in texts.items() if text is not None}


def read_pages(folder: Path, root: Path, problems: Problems) -> dict[str, str | bytes]:
    """Every file below `folder`: Markdown as text, read as every input is, and any other file
    (a stylesheet, an image, a font) as bytes, to be copied as it is, as MkDocs copies it."""
    contents = {
        name: read_text(root, path, problems)
        if path.suffix.lower() in MARKDOWN_SUFFIXES
        else read_bytes(root, path, problems)
        for name, path in tree_files(folder)
    }
    return {name: content for name, content in contents.items() if content is not None}


def tree_files(folder: Path) -> list[tuple[str, Path]]:
    """The files below `folder` but hidden ones, with their paths relative to it, sorted."""
    return [(name, folder / name) for name in walk_files(folder, hidden=False)]


def load_sources(root: Path, problems: Problems, max_bytes: int | None = None) -> Sources:
    """The outlets of briefings/sources.yaml, checked; none when the file does not exist."""
    path = root / SOURCES_FILE
    source = load_yaml(root, path, problems, max_bytes) if path.is_file() else None
    return build_sources(source, problems)


def stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells a file changed without reading it: size, modification time, inode."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino)


def load_articles(
    root: Path,
    problems: Problems,
    max_bytes: int | None = None,
    sources: Sources = NO_SOURCES,
    reuse: Reuse | None = None,
) -> tuple[RawArticle, ...]:
    """Every article of seeds/, with its sidecar metadata or front matter and its outlet (with
    `reuse`, those whose files, and the outlet rules, have not changed since they were read)."""
    folder = root / "seeds"
    if not folder.is_dir():
        return ()
    listing = seed_entries(folder)
    names = {entry.name for entry in listing}
    articles = []
    for entry in listing:
        path = folder / entry.name
        if entry.is_dir() and not is_ignored(path):
            warn_subfolder(root, path, problems)
            continue
        if is_ignored(path) or not entry.is_file() or entry.name.endswith(SIDECAR_SUFFIX):
            continue
        if reuse is None:
            article = load_article(root, path, problems, max_bytes, sources)
        else:
            sidecar = path.stem + SIDECAR_SUFFIX
            sidecar_stamp = stamp(folder / sidecar) if sidecar in names else None
            basis = (stamp(path), sidecar_stamp, stamp(root / SOURCES_FILE), max_bytes)
            read = functools.partial(load_article, root, path, max_bytes=max_bytes, sources=sources)
            article = reuse.take(path, basis, read, problems)
        if article is not None:
            articles.append(article)
    check_sidecars(root, folder, problems, sorted(names))
    return tuple(articles)


def seed_entries(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of seeds/, sorted by name (as sorting their paths would)."""
    with os.scandir(folder) as listing:
        return sorted(listing, key=lambda entry: entry.name)


def warn_subfolder(root: Path, folder: Path, problems: Problems) -> None:
    """Articles are read from seeds/ itself: a folder in it is not read, which may be a mistake."""
    hint = (
        "articles sit directly in seeds/: move the ones in this folder up into it, or move the "
        "folder out of seeds/ (or name it with a leading dot to keep it there unread)"
    )
    problems.warning(Location(relative(root, folder)), "a folder in seeds/ is not read", hint)


def is_ignored(path: Path) -> bool:
    """Hidden files (editor backups, system files) are not articles, unless named like one.

    A hidden '.txt', '.md' or '.html' file is read, so that a name such as '..draft.txt' is
    reported as an invalid article id rather than skipped without a word.
    """
    return path.name.startswith(".") and path.suffix.lower() not in ARTICLE_SUFFIXES


def load_article(
    root: Path,
    path: Path,
    problems: Problems,
    max_bytes: int | None = None,
    sources: Sources = NO_SOURCES,
) -> RawArticle | None:
    """One article file, or None (with a problem) when it cannot be read; the outlet's rules
    are applied to its text."""
    form = ARTICLE_SUFFIXES.get(path.suffix.lower())
    if form is None:
        hint = "articles are .txt (scraped text), .md (Markdown with front matter) or .html"
        problems.error(
            Location(relative(root, path)), f"unknown article format '{path.suffix}'", hint
        )
        return None
    text = read_text(root, path, problems, max_bytes)
    if text is None:
        return None
    if form == "markdown":
        return load_markdown_article(root, path, text, problems, sources)
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    metadata = load_yaml(root, sidecar, problems, max_bytes) if sidecar.exists() else None
    shown = relative(root, path)
    outlet, extracted = read_article(shown, form, text, given_url(metadata), sources, problems)
    return RawArticle(path.stem, shown, form, extracted, metadata, outlet)


def load_markdown_article(
    root: Path, path: Path, text: str, problems: Problems, sources: Sources = NO_SOURCES
) -> RawArticle:
    """A Markdown article whose metadata is its YAML front matter; its text is the author's,
    so no outlet rule applies to it, but its address names its outlet."""
    front_matter, body = split_front_matter(text)
    shown = relative(root, path)
    metadata = None
    if front_matter is not None:
        # The front matter starts on line 2, after the opening '---'. Editors do not read a
        # schema comment there, but one that names another kind of file's schema is still a
        # mistake (a copied sidecar, say), reported as in any YAML file.
        data = parse_yaml(shown, front_matter, problems, first_line=2)
        metadata = YamlFile(shown, data, schema_modeline(shown, front_matter, first_line=2))
    outlet = sources.for_host(given_url(metadata))
    return RawArticle(path.stem, shown, "markdown", extract_markdown(body), metadata, outlet)


def check_sidecars(root: Path, folder: Path, problems: Problems, names: list[str]) -> None:
    """A metadata file belongs beside a text or HTML article, which reads it.

    With no article beside it, it is most likely a renamed article's; beside a Markdown article
    it would never be read, since such an article keeps its metadata in its front matter.
    `names` are those of the folder's entries, sorted.
    """
    forms = [(Path(name).stem, ARTICLE_SUFFIXES.get(Path(name).suffix.lower())) for name in names]
    read = {stem for stem, form in forms if form in ("text", "html")}
    markdown = {stem for stem, form in forms if form == "markdown"}
    for name in names:
        if not name.endswith(SIDECAR_SUFFIX):
            continue
        stem = name.removesuffix(SIDECAR_SUFFIX)
        if stem in markdown and stem not in read:
            hint = (
                "a Markdown article keeps its metadata in its front matter: move these keys "
                f"between the '---' lines at the top of seeds/{stem}.md, then delete this file"
            )
            where = Location(relative(root, folder / name))
            problems.error(where, "metadata beside a Markdown article is not read", hint)
        elif stem not in read:
            hint = f"rename it after its article, or add seeds/{stem}.txt"
            problems.error(Location(relative(root, folder / name)), "metadata for no article", hint)


def load_yaml(root: Path, path: Path, problems: Problems, max_bytes: int | None = None) -> YamlFile:
    """Parse one YAML file; on a syntax error the data is None and the error is recorded."""
    shown = relative(root, path)
    text = read_text(root, path, problems, max_bytes)
    if text is None:
        return YamlFile(shown, None)
    return YamlFile(shown, parse_yaml(shown, text, problems), schema_modeline(shown, text))


MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=(\S*)", re.MULTILINE)


def schema_modeline(path: str, text: str, first_line: int = 1) -> tuple[Location, str] | None:
    """Where the comment telling editors which JSON Schema applies is, and what it names;
    `text` starts on line `first_line` of the file."""
    found = MODELINE.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + first_line
    column = found.start(1) - (text.rfind("\n", 0, found.start(1)) + 1) + 1
    return Location(path, line, column), found.group(1)
