"""YAML read safely, into dicts and lists that remember where each value stands in its file.

Anchors and aliases (which can hide a "billion laughs"), merge keys ('<<'), explicit tags,
nesting deeper than MarkedLoader.MAX_DEPTH, more values than MAX_NODES and raw control
characters are refused with a located problem; every string is cleaned as a page shows it
(generator.load.decode.clean_text); dates stay strings.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.load.decode import clean_text
from generator.problems import Location, Problems


class MarkedDict(dict[str, Any]):
    """A YAML mapping that remembers where it, each key and each value stand in its file."""

    location: Location
    key_locations: dict[str, Location]
    value_locations: dict[str, Location]

    def where(self, key: str) -> Location:
        """Where the value of `key` stands (where the mapping does, when it has no such key)."""
        return self.value_locations.get(key, self.location)

    def where_key(self, key: str) -> Location:
        """Where `key` itself stands (where the mapping does, when it has no such key)."""
        return self.key_locations.get(key, self.location)


class MarkedList(list[Any]):
    """A YAML sequence that remembers where it and each item stand in its file."""

    location: Location
    item_locations: list[Location]


def parse_yaml(path: str, text: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML text into marked dicts and lists; None (with a problem) when it is not valid."""
    parsed = parse_plain_yaml_fast(path, text, problems, first_line)
    if parsed is not NOT_PLAIN:
        return parsed
    try:
        loader = MarkedLoader(text, path, first_line, problems)
    except yaml.reader.ReaderError as error:
        problems.error(*syntax_error(path, text, error, first_line))
        return None
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        problems.error(*syntax_error(path, text, error, first_line))
        return None
    except RefusedYaml as refused:
        problems.error(refused.location, refused.message, refused.hint)
        return None
    except ValueError:
        # PyYAML reads the version of a '%YAML' directive with int(), which refuses a number
        # of thousands of digits.
        problems.error(loader.location(loader.get_mark()), NUMBER_TOO_LONG, YAML_HINT)
        return None
    finally:
        loader.dispose()
    if data is None:
        problems.error(Location(path, first_line), "no YAML data", EMPTY_HINT)
    return data


def syntax_error(
    path: str, text: str, error: yaml.YAMLError, first_line: int = 1
) -> tuple[Location, str, str]:
    """Where PyYAML's error is in `text` (which starts on line `first_line` of the file), its
    message on one line, and a hint."""
    if isinstance(error, yaml.reader.ReaderError):
        where = offset_location(path, text, error.position, first_line)
        return where, f"character U+{error.character:04X} is not allowed in YAML", CHARACTER_HINT
    message = f"YAML syntax error: {str(error).splitlines()[0]}"
    where = Location(path, first_line)
    if isinstance(error, yaml.MarkedYAMLError):
        message = f"YAML syntax error: {error.problem or error.context}"
        mark = error.problem_mark or error.context_mark
        where = Location(path, mark.line + first_line, mark.column + 1) if mark else where
    return where, message, YAML_HINT


def offset_location(path: str, text: str, offset: int, first_line: int) -> Location:
    """The line and column of a character offset in `text`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(path, text.count("\n", 0, offset) + first_line, offset - line_start + 1)


EMPTY_HINT = "write the keys this file needs (see the README), or delete it"
NUMBER_TOO_LONG = "YAML syntax error: a number too long to read"
CHARACTER_HINT = "remove it: YAML files cannot hold control characters or non-characters"
YAML_HINT = "check indentation and quoting; a text containing ': ' or '#' needs quotes"


class RefusedYaml(Exception):
    """YAML that parses but that we refuse to build, such as anchors and aliases."""

    def __init__(self, location: Location, message: str, hint: str) -> None:
        super().__init__(message)
        self.location, self.message, self.hint = location, message, hint


def resolvers_without_timestamps() -> dict[Any, list[tuple[str, Any]]]:
    """SafeLoader's implicit resolvers but the one of timestamps."""
    # Dates stay strings so that the model can report a bad date with a useful message
    # instead of PyYAML raising on '2026-02-30'.
    return {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def short_tag(tag: str) -> str:
    """A tag as it is written: 'tag:yaml.org,2002:int' is '!!int'."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


MAX_NODES = 20_000
"""The most values (keys, texts, lists and mappings) one YAML file may hold: an actor's file
of a long negotiation holds a few thousand (about 30 bytes each); 450,000 empty texts, which
fit under the size limit, would cost a minute and a gigabyte to check."""
NODES_HINT = "split it into several files: one per actor or issue needs far fewer"


class MarkedLoader(yaml.SafeLoader):
    """A safe loader whose mappings and sequences carry their source locations."""

    yaml_implicit_resolvers = resolvers_without_timestamps()
    MAX_DEPTH = 50

    def __init__(self, text: str, path: str, first_line: int, problems: Problems) -> None:
        super().__init__(text)
        self.path, self.first_line, self.problems = path, first_line, problems
        self.depth = self.nodes = 0

    def location(self, mark: Any) -> Location:
        return Location(self.path, mark.line + self.first_line, mark.column + 1)

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise RefusedYaml(
                self.location(event.start_mark),
                "YAML aliases are not allowed in briefings",
                "write the value out in full; aliases ('*name') can hide huge documents",
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise RefusedYaml(
                self.location(event.start_mark),
                f"YAML tags such as '{short_tag(tag)}' are not allowed in briefings",
                "write plain values; put a text that starts with '!' in quotes",
            )
        self.nodes += 1
        if self.nodes > MAX_NODES:  # refused as it is read: the rest is never parsed
            raise RefusedYaml(
                self.location(event.start_mark),
                f"more than {MAX_NODES:,} YAML values in one file",
                NODES_HINT,
            )
        self.depth += 1
        if self.depth > self.MAX_DEPTH:
            raise RefusedYaml(
                self.location(event.start_mark),
                f"YAML nested deeper than {self.MAX_DEPTH} levels",
                "briefing files need only a few levels of nesting",
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_clean_str(self, node: yaml.ScalarNode) -> str:
        """Every string, key or value, as a page may show it (see generator.load.decode)."""
        return clean_text(self.construct_scalar(node))

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            raise RefusedYaml(
                self.location(node.start_mark),
                "number too long to read",
                "put it in quotes if it is meant as a text",
            ) from None

    def construct_marked_mapping(self, node: yaml.MappingNode) -> MarkedDict:
        mapping = MarkedDict()
        mapping.location = self.location(node.start_mark)
        mapping.key_locations, mapping.value_locations = {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise RefusedYaml(
                    self.location(key_node.start_mark),
                    "YAML merge keys ('<<') are not allowed in briefings",
                    "write the keys out in full; put '<<' in quotes if it is meant as a key",
                )
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


STR_TAG, MAP_TAG, SEQ_TAG = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "map", "seq"))
MarkedLoader.add_constructor(STR_TAG, MarkedLoader.construct_clean_str)
MarkedLoader.add_constructor("tag:yaml.org,2002:int", MarkedLoader.construct_yaml_int)
MarkedLoader.add_constructor(MAP_TAG, MarkedLoader.construct_marked_mapping)
MarkedLoader.add_constructor(SEQ_TAG, MarkedLoader.construct_marked_sequence)


NOT_PLAIN = object()
"""What the fast parser returns for text that the pure-Python loader must read and report on."""
# Characters that could start an anchor, an alias or a tag: text holding any of them is left
# to MarkedLoader, which refuses aliases and tags where they stand.
NOT_PLAIN_CHARACTERS = re.compile(r"[&*!]")


def parse_plain_yaml_fast(path: str, text: str, problems: Problems, first_line: int) -> Any:
    """Parse with libyaml (about six times faster), or return NOT_PLAIN for text that is not
    plain valid YAML: syntax errors, characters YAML refuses, anchors, aliases, tags, deep
    nesting and empty documents are left to MarkedLoader, whose messages and locations are the
    reference. Both build the same marked dicts and lists with the same constructors."""
    if FastMarkedLoader is None or NOT_PLAIN_CHARACTERS.search(text):
        return NOT_PLAIN
    if yaml.reader.Reader.NON_PRINTABLE.search(text) or too_many_nodes(text):
        return NOT_PLAIN
    local = Problems()  # kept only if the fast path succeeds, so nothing is reported twice
    loader = FastMarkedLoader(text, path, first_line, local)
    try:
        node = loader.get_single_node()
        if node is None or not is_plain_tree(node, MarkedLoader.MAX_DEPTH):
            return NOT_PLAIN
        data = loader.construct_document(node)
    except (yaml.YAMLError, RefusedYaml):
        return NOT_PLAIN
    finally:
        loader.dispose()
    if data is None:
        return NOT_PLAIN
    problems.extend(local.items)
    return data


NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def too_many_nodes(text: str) -> bool:
    """Whether the text holds more than MAX_NODES values, counted by libyaml's parser before
    any is built (a tenth of the cost of building them). A text shorter than MAX_NODES
    characters is not parsed twice: each value but an empty document's takes one at least."""
    if len(text) < MAX_NODES:
        return False
    from yaml._yaml import CParser

    parser, count = CParser(text), 0
    try:
        while count <= MAX_NODES and parser.check_event():
            count += isinstance(parser.get_event(), NODE_EVENTS)
    except yaml.YAMLError:
        return True  # left to MarkedLoader, which reports the error where it stands
    return count > MAX_NODES


def is_plain_tree(root: yaml.Node, max_depth: int) -> bool:
    """No node reached twice (an alias) and no nesting deeper than `max_depth`."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > max_depth:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            stack += [(part, depth + 1) for pair in node.value for part in pair]
    return True


def fast_loader() -> type[MarkedLoader] | None:
    """MarkedLoader's constructors on libyaml's parser, when PyYAML was built with it."""
    if not yaml.__with_libyaml__:
        return None
    from yaml._yaml import CParser

    class FastLoader(CParser, MarkedLoader):
        """MarkedLoader on libyaml's parser."""

        def __init__(self, text: str, path: str, first_line: int, problems: Problems) -> None:
            CParser.__init__(self, text)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.path, self.first_line, self.problems = path, first_line, problems
            self.depth = 0

    return FastLoader


FastMarkedLoader = fast_loader()
