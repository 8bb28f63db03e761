"""Read the project's mkdocs.yml: the settings the generated files need, and the whole mapping
that the site engine's configuration is merged from.

The file is read with a safe loader that keeps tagged values (`!ENV [SITE_URL, ""]`,
`!!python/name:…`) as `Tagged` records, so that they can be written back as they were for the
engine to read; nothing tagged is run here. The engine reads that file with a loader that runs
what a tag names, so a tag is kept only if it runs no code of the project's choosing (see
generator/load/sitecode.py); aliases, which can make a few lines a document of gigabytes, are
refused as in briefings/. What else the file may not set is checked there too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.files import MAX_FILE_BYTES, read_text
from generator.load.marked_yaml import NUMBER_TOO_LONG, YAML_HINT, short_tag, syntax_error
from generator.load.schema import is_web_address
from generator.load.sitecode import CONFIG_FILE, at, check_settings, refused_tag
from generator.problems import Location, Problems


@dataclass(frozen=True, slots=True)
class Tagged:
    """A YAML value written with an explicit tag, kept as written."""

    tag: str
    value: Any


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The settings of mkdocs.yml that the pages and the feed depend on, and the whole file."""

    name: str | None = None
    url: str | None = None
    """`site_url`, ending with '/', or None when it is not set."""
    author: str | None = None
    directory_urls: bool = True
    settings: dict[str, Any] = field(default_factory=dict)
    """Every top-level key of the file, tagged values kept (see the module docstring)."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each top-level key."""

    def location(self, key: str) -> Location:
        return Location(CONFIG_FILE, self.lines.get(key, 1))


class TaggedLoader(yaml.SafeLoader):
    """A safe loader reading each tagged value into a Tagged record; it runs nothing.

    Every way it can fail is a located YAML error: a value its tag cannot take (`!!int x`)
    and nesting deeper than MAX_DEPTH (which would exhaust Python's stack) too. An alias, and
    a tag that could run code, are `problems` each, read as null so that all are reported.
    """

    MAX_DEPTH = 50

    def __init__(self, text: str, problems: Problems) -> None:
        super().__init__(text)
        self.depth, self.problems = 0, problems

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            self.problems.error(at(event.start_mark), ALIAS, ALIAS_HINT)
            return yaml.ScalarNode(NULL_TAG, "", event.start_mark, event.end_mark)
        self.depth += 1
        try:
            if self.depth > self.MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                problem = f"nested deeper than {self.MAX_DEPTH} levels"
                raise yaml.composer.ComposerError(None, None, problem, mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError):
            problem = f"the value is not a valid '{short_tag(node.tag)}'"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None


ALIAS = "YAML aliases are not allowed in mkdocs.yml"
ALIAS_HINT = "write the value out in full; aliases ('*name') can hide huge documents"
NULL_TAG = "tag:yaml.org,2002:null"


def construct_tagged(loader: TaggedLoader, suffix: str, node: yaml.Node) -> Tagged | None:
    """The tagged value kept as written, or None (a problem) if its tag could run code."""
    refusal = refused_tag(node.tag)
    if refusal is not None:
        loader.problems.error(at(node.start_mark), *refusal)
        return None
    value: Any
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


TaggedLoader.add_multi_constructor("!", construct_tagged)
TaggedLoader.add_multi_constructor("tag:yaml.org,2002:python/", construct_tagged)


def load_site_config(
    root: Path, problems: Problems, max_bytes: int | None = MAX_FILE_BYTES
) -> SiteConfig:
    """The settings of `root/mkdocs.yml`; the defaults when there is no such file (a project
    may leave every setting to the tool's base configuration)."""
    path = root / CONFIG_FILE
    if not os.path.lexists(path):
        return SiteConfig()
    text = read_text(root, path, problems, max_bytes)
    if text is None:
        return SiteConfig()
    try:
        node, data = parse_config(text, problems)
    except yaml.YAMLError as error:
        problems.error(*syntax_error(CONFIG_FILE, text, error))
        return SiteConfig()
    except ValueError:
        # PyYAML reads a '%YAML' directive's version with int(), which refuses a number of
        # thousands of digits.
        problems.error(Location(CONFIG_FILE), NUMBER_TOO_LONG, YAML_HINT)
        return SiteConfig()
    if data is None:
        return SiteConfig()
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        hint = "write one 'key: value' setting per line, e.g. 'site_url: https://example.org/'"
        problems.error(Location(CONFIG_FILE), "the site configuration is not a mapping", hint)
        return SiteConfig()
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    check_settings(root, node, problems)
    config = SiteConfig(settings=data, lines=lines)
    return SiteConfig(
        name=text_or_none(data.get("site_name")),
        url=site_url(data.get("site_url"), config, problems),
        author=text_or_none(data.get("site_author")),
        directory_urls=data.get("use_directory_urls") is not False,
        settings=data,
        lines=lines,
    )


def parse_config(text: str, problems: Problems) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (whose marks locate the keys) and its data; an alias or a tag
    that could run code is one of the `problems`."""
    loader = TaggedLoader(text, problems)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def site_url(value: Any, config: SiteConfig, problems: Problems) -> str | None:
    """`site_url` as an absolute http(s) address ending with '/', or None when unset."""
    if value is None or value == "" or isinstance(value, Tagged):
        return None
    if not isinstance(value, str) or not is_web_address(value):
        hint = "write the address the site is published at, e.g. https://example.org/briefing/"
        problems.error(
            config.location("site_url"), f"site_url '{value}' is not an http(s) address", hint
        )
        return None
    return value if value.endswith("/") else value + "/"
