"""Stage 1: read every input file into raw records that remember where they came from."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import defaults
from generator.load.extract import Extracted, extract_markdown, split_front_matter
from generator.load.extract.outlets import OutletRule
from generator.load.files import (
    MAX_FILE_BYTES,
    Listing,
    list_folder,
    list_inputs,
    read_bytes,
    read_text,
    relative,
)
from generator.load.lasting import article_key, kept
from generator.load.marked_yaml import parse_yaml
from generator.load.reading import given_url, read_article
from generator.load.reuse import Reuse
from generator.load.sources import NO_SOURCES, SOURCES_FILE, Sources, build_sources
from generator.problems import Location, Problems

__all__ = ["MAX_FILE_BYTES", "RawArticle", "RawInputs", "YamlFile", "load_inputs"]
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
    unread: frozenset[str] = frozenset()
    """The stems of the files of seeds/ that could not be read as articles (the problems say
    why): a quote citing one is not reported again as citing an unknown article."""
    unlisted: frozenset[str] = frozenset()
    """The input folders (e.g. 'briefings/issues') that could not all be listed: what they
    may hold is not reported again as unknown wherever it is named."""
    dismissed: YamlFile | None = None
    """briefings/dismissed.yaml, the suggestions set aside, when there is one."""


def load_inputs(
    root: Path, problems: Problems, max_bytes: int = MAX_FILE_BYTES, reuse: Reuse | None = None
) -> RawInputs:
    """Read seeds/, briefings/, templates/ and pages/ below `root`, recording problems; the
    tool's default templates and pages are there too, where the project has no file of the
    same name.

    A file larger than `max_bytes` is refused. With `reuse`, a YAML file or article whose
    files have the stamp they had in the previous run is not read again
    (generator/load/reuse.py).
    """
    folders = Folders(root, problems, max_bytes, reuse)
    listed = folders.listing("briefings", recursive=False).files
    articles, unread = load_articles(folders, load_sources(root, problems, max_bytes))

    def optional(name: str) -> YamlFile | None:
        return folders.yaml(root / "briefings" / name) if name in listed else None

    return RawInputs(
        briefing=optional("briefing.yaml"),
        actors=tuple(map(folders.yaml, folders.yaml_files("briefings/actors"))),
        issues=tuple(map(folders.yaml, folders.yaml_files("briefings/issues"))),
        articles=articles,
        templates={**packaged(defaults.TEMPLATES), **read_tree(folders, "templates")},
        pages={**packaged(defaults.PAGES), **read_pages(folders, "pages")},
        unread=unread,
        unlisted=frozenset(folders.unlisted),
        dismissed=optional("dismissed.yaml"),
    )


@dataclass(frozen=True, slots=True)
class Folders:
    """The project's input folders, listed and read by one rule: a folder that cannot be
    listed and a file that cannot be read are problems; no file over `max_bytes` is read.
    With `reuse`, YAML files and articles are taken again while their files' stamps stay."""

    root: Path
    problems: Problems
    max_bytes: int
    reuse: Reuse | None = None
    unlisted: set[str] = field(default_factory=set)
    """The folders listed so far that could not all be listed."""
    plain: set[str] = field(default_factory=set)
    """The folders seen to be no link (files.is_plainly_below)."""

    def listing(self, folder: str, recursive: bool = True, hidden: bool = True) -> Listing:
        """What the folder holds; an error for each of its folders that cannot be listed."""
        found = list_inputs(self.root, self.root / folder, self.problems, recursive, hidden)
        if found.unlisted:
            self.unlisted.add(folder)
        return found

    def yaml_files(self, folder: str) -> list[Path]:
        """The YAML files of a folder, sorted by name."""
        names = self.listing(folder, recursive=False).files
        return [self.root / folder / n for n in names if n.endswith((".yaml", ".yml"))]

    def yaml(self, path: Path) -> YamlFile:
        read = functools.partial(load_yaml, self.root, path, max_bytes=self.max_bytes)
        if self.reuse is None:
            return read(self.problems)
        return self.reuse.take(path, (stamp(path), self.max_bytes), read, self.problems)

    def article(self, path: Path, sources: Sources, beside: tuple[str, ...]) -> RawArticle | None:
        """One article of seeds/ (see `load_article`), taken again while its file, its sidecar
        and briefings/sources.yaml keep their stamps (from the lasting store too, if there is
        one: generator/load/lasting.py)."""
        root, max_bytes = self.root, self.max_bytes
        read: Callable[[Problems], RawArticle | None] = functools.partial(
            load_article, root, path, max_bytes=max_bytes, beside=beside, sources=sources
        )
        if self.reuse is None:
            return read(self.problems)
        sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
        listed = sidecar if sidecar.name in beside else None
        files = (path, listed, root / SOURCES_FILE)
        basis = (*(stamp(file) if file else None for file in files), max_bytes)
        if self.reuse.lasting is not None:
            key = article_key(root, files, max_bytes, self.plain)
            read = kept(self.reuse.lasting, key, sources, read)
        return self.reuse.take(path, basis, read, self.problems)

    def text(self, path: Path) -> str | None:
        return read_text(self.root, path, self.problems, self.max_bytes)


def packaged(folder: Path) -> dict[str, Any]:
    """The tool's own files below `folder` (trusted: they ship with it), keyed by their path
    relative to it: Markdown and templates as text, anything else as bytes."""
    return {
        name: path.read_text(encoding="utf-8")
        if path.suffix.lower() in (*MARKDOWN_SUFFIXES, ".j2")
        else path.read_bytes()
        for name, path in tree_files(folder)
    }


def read_tree(folders: Folders, folder: str) -> dict[str, str]:
    """The text of every file below `folder` but hidden ones, keyed by its path relative to it."""
    names = folders.listing(folder, hidden=False).files
    texts = {name: folders.text(folders.root / folder / name) for name in names}
    return {name: text for name, text in texts.items() if text is not None}


def read_pages(folders: Folders, folder: str) -> dict[str, str | bytes]:
    """Every file below `folder` but hidden ones: Markdown as text, read as every input is,
    and any other file (a stylesheet, an image, a font) as bytes, to be copied as it is, as
    MkDocs copies it."""
    root, problems = folders.root, folders.problems
    contents = {
        name: folders.text(path)
        if path.suffix.lower() in MARKDOWN_SUFFIXES
        else read_bytes(root, path, problems, folders.max_bytes)
        for name in folders.listing(folder, hidden=False).files
        for path in [root / folder / name]
    }
    return {name: content for name, content in contents.items() if content is not None}


def tree_files(folder: Path) -> list[tuple[str, Path]]:
    """The files below `folder` but hidden ones, with their paths relative to it, sorted."""
    return [(name, folder / name) for name in list_folder(folder, hidden=False).files]


def load_sources(root: Path, problems: Problems, max_bytes: int | None = MAX_FILE_BYTES) -> Sources:
    """The outlets of briefings/sources.yaml, checked; none when there is no such file (a link
    or a folder by that name is read, and refused, as any input is)."""
    path = root / SOURCES_FILE
    source = load_yaml(root, path, problems, max_bytes) if os.path.lexists(path) else None
    return build_sources(source, problems)


def stamp(path: Path) -> tuple[int, int, int, int] | None:
    """What tells a file changed without reading it: size, modification time, inode and mode
    (a file made readable again is read again)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino, status.st_mode)


def load_articles(
    folders: Folders, sources: Sources = NO_SOURCES
) -> tuple[tuple[RawArticle, ...], frozenset[str]]:
    """Every article of seeds/, with its sidecar metadata or front matter and its outlet; and
    the stems of the files that could not be read as articles."""
    root, problems = folders.root, folders.problems
    listing = folders.listing("seeds", recursive=False)
    for name in listing.folders:
        if not name.startswith("."):
            warn_subfolder(root, root / "seeds" / name, problems)
    articles, unread = [], set()
    for name in listing.files:
        path = root / "seeds" / name
        if is_ignored(path) or name.endswith(SIDECAR_SUFFIX):
            continue
        article = folders.article(path, sources, listing.files)
        if article is None:
            unread.add(path.stem)
        else:
            articles.append(article)
    check_sidecars(listing.files, problems)
    return tuple(articles), frozenset(unread)


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
    max_bytes: int | None = MAX_FILE_BYTES,
    beside: tuple[str, ...] | None = None,
    sources: Sources = NO_SOURCES,
) -> RawArticle | None:
    """One article file, or None (with a problem) when it cannot be read; the outlet's rules
    are applied to its text. `beside` names the files of its folder, when they are listed
    already (its sidecar is one of them)."""
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
    listed = sidecar.name in beside if beside is not None else os.path.lexists(sidecar)
    metadata = load_yaml(root, sidecar, problems, max_bytes) if listed else None
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


def check_sidecars(names: tuple[str, ...], problems: Problems) -> None:
    """A metadata file belongs beside a text or HTML article, which reads it.

    With no article beside it, it is most likely a renamed article's; beside a Markdown article
    it would never be read, since such an article keeps its metadata in its front matter.
    `names` are those of the files of seeds/, sorted.
    """
    forms = [(Path(name).stem, ARTICLE_SUFFIXES.get(Path(name).suffix.lower())) for name in names]
    read = {stem for stem, form in forms if form in ("text", "html")}
    markdown = {stem for stem, form in forms if form == "markdown"}
    for name in names:
        if not name.endswith(SIDECAR_SUFFIX):
            continue
        stem = name.removesuffix(SIDECAR_SUFFIX)
        where = Location(f"seeds/{name}")
        if stem in markdown and stem not in read:
            hint = (
                "a Markdown article keeps its metadata in its front matter: move these keys "
                f"between the '---' lines at the top of seeds/{stem}.md, then delete this file"
            )
            problems.error(where, "metadata beside a Markdown article is not read", hint)
        elif stem not in read:
            hint = f"rename it after its article, or add seeds/{stem}.txt"
            problems.error(where, "metadata for no article", hint)


def load_yaml(
    root: Path, path: Path, problems: Problems, max_bytes: int | None = MAX_FILE_BYTES
) -> YamlFile:
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
