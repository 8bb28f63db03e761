"""Stage 1: read every input file into raw records that remember where they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.extract import (
    Extracted,
    extract_html,
    extract_markdown,
    extract_text,
    split_front_matter,
)
from generator.problems import Location, Problems

ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".meta.yaml"


class MarkedDict(dict[str, Any]):
    """A YAML mapping that remembers where it, each key and each value stand in its file."""

    location: Location
    key_locations: dict[str, Location]
    value_locations: dict[str, Location]


class MarkedList(list[Any]):
    """A YAML sequence that remembers where it and each item stand in its file."""

    location: Location
    item_locations: list[Location]


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
    """An article file as read: its extracted structure and the metadata given beside it."""

    stem: str
    path: str
    form: str
    extracted: Extracted
    metadata: YamlFile | None


@dataclass(frozen=True, slots=True)
class RawInputs:
    """Everything the generator reads, before validation."""

    briefing: YamlFile | None
    actors: tuple[YamlFile, ...]
    issues: tuple[YamlFile, ...]
    articles: tuple[RawArticle, ...]
    templates: dict[str, str]
    pages: dict[str, str]


def load_inputs(root: Path, problems: Problems) -> RawInputs:
    """Read seeds/, briefings/, templates/ and pages/ below `root`, recording problems."""
    briefing_path = root / "briefings" / "briefing.yaml"
    return RawInputs(
        briefing=load_yaml(root, briefing_path, problems) if briefing_path.exists() else None,
        actors=tuple(load_yaml(root, p, problems) for p in yaml_files(root / "briefings/actors")),
        issues=tuple(load_yaml(root, p, problems) for p in yaml_files(root / "briefings/issues")),
        articles=load_articles(root, problems),
        templates=read_tree(root / "templates", root, problems),
        pages=read_tree(root / "pages", root, problems),
    )


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def read_tree(folder: Path, root: Path, problems: Problems) -> dict[str, str]:
    """Every file below `folder`, keyed by its path relative to it."""
    if not folder.is_dir():
        return {}
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    texts = {p.relative_to(folder).as_posix(): read_text(root, p, problems) for p in files}
    return {name: text for name, text in texts.items() if text is not None}


def relative(root: Path, path: Path) -> str:
    """The path as shown in messages: relative to the project root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(root: Path, path: Path, problems: Problems) -> str | None:
    """The file's text (UTF-8, BOM dropped, line ends made `\\n`), or None with a problem."""
    where = Location(relative(root, path))
    try:
        data = path.read_bytes()
    except OSError as error:
        hint = "check that the file exists and that you may read it"
        problems.error(where, f"cannot read the file: {error.strerror}", hint)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.error(where, f"not UTF-8 text (byte {error.start})", "save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_articles(root: Path, problems: Problems) -> tuple[RawArticle, ...]:
    """Every article of seeds/, with its sidecar metadata or front matter."""
    folder = root / "seeds"
    if not folder.is_dir():
        return ()
    articles = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file() or path.name.endswith(SIDECAR_SUFFIX):
            continue
        article = load_article(root, path, problems)
        if article is not None:
            articles.append(article)
    check_orphan_sidecars(root, folder, problems)
    return tuple(articles)


def load_article(root: Path, path: Path, problems: Problems) -> RawArticle | None:
    """One article file, or None (with a problem) when it cannot be read."""
    form = ARTICLE_SUFFIXES.get(path.suffix.lower())
    if form is None:
        hint = "articles are .txt (scraped text), .md (Markdown with front matter) or .html"
        problems.error(
            Location(relative(root, path)), f"unknown article format '{path.suffix}'", hint
        )
        return None
    text = read_text(root, path, problems)
    if text is None:
        return None
    if form == "markdown":
        return load_markdown_article(root, path, text, problems)
    extracted = extract_html(text) if form == "html" else extract_text(text)
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    metadata = load_yaml(root, sidecar, problems) if sidecar.exists() else None
    return RawArticle(path.stem, relative(root, path), form, extracted, metadata)


def load_markdown_article(root: Path, path: Path, text: str, problems: Problems) -> RawArticle:
    """A Markdown article whose metadata is its YAML front matter."""
    front_matter, body, _ = split_front_matter(text)
    shown = relative(root, path)
    metadata = None
    if front_matter is not None:
        # The front matter starts on line 2, after the opening '---'.
        metadata = YamlFile(shown, parse_yaml(shown, front_matter, problems, first_line=2))
    return RawArticle(path.stem, shown, "markdown", extract_markdown(body), metadata)


def check_orphan_sidecars(root: Path, folder: Path, problems: Problems) -> None:
    """A metadata file with no article beside it is most likely a renamed article."""
    stems = {p.stem for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES}
    for sidecar in sorted(folder.glob("*" + SIDECAR_SUFFIX)):
        stem = sidecar.name.removesuffix(SIDECAR_SUFFIX)
        if stem not in stems:
            hint = f"rename it after its article, or add seeds/{stem}.txt"
            problems.error(Location(relative(root, sidecar)), "metadata for no article", hint)


def load_yaml(root: Path, path: Path, problems: Problems) -> YamlFile:
    """Parse one YAML file; on a syntax error the data is None and the error is recorded."""
    shown = relative(root, path)
    text = read_text(root, path, problems)
    if text is None:
        return YamlFile(shown, None)
    return YamlFile(shown, parse_yaml(shown, text, problems), schema_modeline(shown, text))


MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=(\S*)", re.MULTILINE)


def schema_modeline(path: str, text: str) -> tuple[Location, str] | None:
    """Where the comment telling editors which JSON Schema applies is, and what it names."""
    found = MODELINE.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start(1) - (text.rfind("\n", 0, found.start(1)) + 1) + 1
    return Location(path, line, column), found.group(1)


def parse_yaml(path: str, text: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML text into marked dicts and lists; None (with a problem) when it is not valid."""
    loader = MarkedLoader(text, path, first_line, problems)
    try:
        data = loader.get_single_data()
        if data is None:
            problems.error(Location(path, first_line), "no YAML data", EMPTY_HINT)
        return data
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = loader.location(mark) if mark else Location(path, first_line)
        problems.error(where, f"YAML syntax error: {error.problem or error.context}", YAML_HINT)
        return None
    except RefusedYaml as refused:
        problems.error(refused.location, refused.message, refused.hint)
        return None
    finally:
        loader.dispose()


EMPTY_HINT = "write the keys this file needs (see the README), or delete it"
YAML_HINT = "check indentation and quoting; a text containing ': ' or '#' needs quotes"


class RefusedYaml(Exception):
    """YAML that parses but that we refuse to build, such as anchors and aliases."""

    def __init__(self, location: Location, message: str, hint: str) -> None:
        super().__init__(message)
        self.location, self.message, self.hint = location, message, hint


def _resolvers_without_timestamps() -> dict[Any, list[tuple[str, Any]]]:
    # Dates stay strings so that the model can report a bad date with a useful message
    # instead of PyYAML raising on '2026-02-30'.
    return {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


class MarkedLoader(yaml.SafeLoader):
    """A safe loader whose mappings and sequences carry their source locations."""

    yaml_implicit_resolvers = _resolvers_without_timestamps()
    MAX_DEPTH = 50

    def __init__(self, text: str, path: str, first_line: int, problems: Problems) -> None:
        super().__init__(text)
        self.path, self.first_line, self.problems = path, first_line, problems
        self.depth = 0

    def location(self, mark: Any) -> Location:
        return Location(self.path, mark.line + self.first_line, mark.column + 1)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise RefusedYaml(
                self.location(event.start_mark),
                "YAML aliases are not allowed in briefings",
                "write the value out in full; aliases ('*name') can hide huge documents",
            )
        self.depth += 1
        if self.depth > self.MAX_DEPTH:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise RefusedYaml(
                self.location(event.start_mark),
                f"YAML nested deeper than {self.MAX_DEPTH} levels",
                "briefing files need only a few levels of nesting",
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_marked_mapping(self, node: yaml.MappingNode) -> MarkedDict:
        mapping = MarkedDict()
        mapping.location = self.location(node.start_mark)
        mapping.key_locations, mapping.value_locations = {}, {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            where = self.location(key_node.start_mark)
            if key in mapping:
                first = mapping.key_locations[key]
                hint = f"it is first set on line {first.line}; keep one of them"
                self.problems.error(where, f"duplicate key '{key}'", hint)
                continue
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_locations[key] = where
            mapping.value_locations[key] = self.location(value_node.start_mark)
        return mapping

    def construct_marked_sequence(self, node: yaml.SequenceNode) -> MarkedList:
        sequence = MarkedList(self.construct_object(item, deep=True) for item in node.value)
        sequence.location = self.location(node.start_mark)
        sequence.item_locations = [self.location(item.start_mark) for item in node.value]
        return sequence


MarkedLoader.add_constructor("tag:yaml.org,2002:map", MarkedLoader.construct_marked_mapping)
MarkedLoader.add_constructor("tag:yaml.org,2002:seq", MarkedLoader.construct_marked_sequence)
