"""briefings/sources.yaml: the outlets, how their pages are recognised, and their page chrome.

An analyst names an outlet once, with the hosts of its pages' addresses and the lines its pages
carry, and lists the lines of its pages that are chrome: whole lines, patterns, and lines after
which a page holds no more of its article. The file is checked against its schema; a pattern is
compiled with RE2, whose matching takes time in proportion to the line whatever the pattern
(a pattern from a pull request cannot stall a build), and one that does not compile, or that
would match every line, is an error at its line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from generator.load.extract.lines import collapse
from generator.load.extract.outlets import LineRule, OutletRule, Pattern, RuleKind
from generator.load.marked_yaml import MarkedDict
from generator.load.shape import check_shape
from generator.problems import Location, Problems

if TYPE_CHECKING:
    from generator.load.inputs import YamlFile

SOURCES_FILE = "briefings/sources.yaml"


@dataclass(frozen=True, slots=True)
class Sources:
    """The outlets of briefings/sources.yaml, found by host and by the lines they carry."""

    outlets: tuple[OutletRule, ...] = ()
    by_host: Mapping[str, OutletRule] = field(default_factory=lambda: MappingProxyType({}))
    by_mark: Mapping[str, OutletRule] = field(default_factory=lambda: MappingProxyType({}))

    def for_host(self, url: str | None) -> OutletRule | None:
        """The outlet whose host (or a parent of it) is the host of `url`."""
        host = host_of(url)
        while host:
            if host in self.by_host:
                return self.by_host[host]
            host = host.partition(".")[2] if "." in host else ""
        return None

    def for_text(self, text: str) -> OutletRule | None:
        """The outlet one of whose marks is a whole line of `text`."""
        if not self.by_mark:
            return None
        lines = (collapse(line).casefold() for line in text.split("\n"))
        return next((self.by_mark[line] for line in lines if line in self.by_mark), None)


NO_SOURCES = Sources()


def host_of(url: str | None) -> str:
    """The host of a web address, in lowercase ('' when there is none)."""
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""


def build_sources(source: YamlFile | None, problems: Problems) -> Sources:
    """The outlets of briefings/sources.yaml (none without the file); its shape and its
    patterns are checked, and what is wrong reported."""
    if source is None or source.data is None or not check_shape(source, "sources", problems):
        return NO_SOURCES
    outlets = source.data["outlets"]
    rules = tuple(
        build_outlet(key, outlets[key], outlets.where_key(key), problems) for key in outlets
    )
    return Sources(
        outlets=rules,
        by_host=MappingProxyType({host.casefold(): rule for rule in rules for host in rule.hosts}),
        by_mark=MappingProxyType({mark: rule for rule in rules for mark in rule.marks}),
    )


def build_outlet(key: str, data: MarkedDict, where: Location, problems: Problems) -> OutletRule:
    """One outlet; its patterns are compiled, and reported when they cannot be."""
    chrome = [
        *line_rules(data, "chrome", "line"),
        *line_rules(data, "ends", "end"),
        *pattern_rules(data, problems),
    ]
    return OutletRule(
        key=key,
        location=where,
        name=data["name"],
        licence=data.get("licence"),
        hosts=tuple(host.casefold() for host in data.get("hosts", ())),
        marks=frozenset(collapse(mark).casefold() for mark in data.get("marks", ())),
        chrome=tuple(chrome),
    )


def listed(data: MarkedDict, key: str) -> Iterator[tuple[Location, str]]:
    """The texts of a list of an outlet, with where each is."""
    items = data.get(key, ())
    for index, text in enumerate(items):
        yield items.item_locations[index], text


def line_rules(data: MarkedDict, key: str, kind: RuleKind) -> Iterator[LineRule]:
    """Rules that match whole lines."""
    for where, text in listed(data, key):
        yield LineRule(where, kind, collapse(text).casefold())


def pattern_rules(data: MarkedDict, problems: Problems) -> Iterator[LineRule]:
    """Rules that match a pattern; one that cannot be compiled, or matches an empty line (and
    so every line), is reported instead."""
    for where, text in listed(data, "patterns"):
        pattern = compile_pattern(text, where, problems)
        if pattern is not None:
            yield LineRule(where, "pattern", text, pattern)


def compile_pattern(text: str, where: Location, problems: Problems) -> Pattern | None:
    """The pattern compiled with RE2, or None with the error reported."""
    import re2  # Imported here: only a project with patterns needs it.

    options = re2.Options()
    options.log_errors = False  # the error is reported here, at the pattern's line
    try:
        pattern: Pattern = re2.compile(text, options)
    except re2.error as error:
        reason = error.args[0].decode() if isinstance(error.args[0], bytes) else str(error)
        hint = "patterns are RE2 regular expressions, e.g. '^Read more on .*$'"
        problems.error(where, f"invalid pattern: {reason}", hint)
        return None
    if pattern.search("") is not None:
        hint = "anchor it to the words of the chrome line, e.g. '^Follow us on'"
        problems.error(where, "this pattern matches every line", hint)
        return None
    return pattern
