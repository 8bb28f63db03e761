"""A YAML file's schema errors, worded as located problems that a briefing editor understands."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from generator.load.marked_yaml import MarkedDict, MarkedList
from generator.load.schema import ShapeError, shape_errors
from generator.problems import Location, Problems, did_you_mean

if TYPE_CHECKING:
    from generator.load.inputs import YamlFile

Described = Iterator[tuple[Location, str, str]]
"""Located messages, each with its hint."""
Place = Sequence[str | int]
"""Where a value is in a document: the keys and indexes that lead to it."""

MODELINE_HINT = "# yaml-language-server: $schema={}"
TYPES = {
    "object": ("a mapping of 'key: value' lines", "e.g. 'name: France', one key per line"),
    "array": ("a list", "e.g. [Paris, Élysée], or one '- item' per line"),
    "string": ("a text", 'put it in quotes if YAML reads it as something else, e.g. "2026"'),
    "boolean": ("true or false", "write true or false, without quotes"),
}
FORMATS = {"date": ("is not a real date", "check the month and day, e.g. 2026-01-20")}


def check_shape(source: YamlFile, name: str, problems: Problems) -> bool:
    """Report every way `source` breaks schema `name`; True when its data can be used.

    A schema comment naming the wrong schema is reported, but the data is still checked and
    used, so that the run reports everything else too.
    """
    check_modeline(source, name, problems)
    found = False
    for error in shape_errors(source.data, name):
        for location, message, hint in describe(source, error):
            problems.error(location, message, hint)
            found = True
    return not found


def check_modeline(source: YamlFile, name: str, problems: Problems) -> None:
    """A schema modeline, when the file has one, must name the schema the file is checked with.

    Only the schema's file name is compared: the relative path depends on where the project
    keeps its schemas, and editors report a path that leads nowhere themselves.
    """
    if source.schema_ref is None:
        return
    where, reference = source.schema_ref
    wanted = f"{name}.schema.json"
    if reference.rsplit("/", 1)[-1] == wanted:
        return
    depth = source.path.count("/")
    expected = MODELINE_HINT.format("../" * depth + f"generator/schemas/{wanted}")
    hint = f"this is {indefinite(name)} {name} file: {expected}"
    problems.error(where, f"the schema comment names '{reference}', not {wanted}", hint)


def indefinite(noun: str) -> str:
    """The indefinite article that goes before `noun`."""
    return "an" if noun[0] in "aeiou" else "a"


def describe(source: YamlFile, error: ShapeError) -> Described:
    """Turn one schema error into located messages a briefing editor understands."""
    wording = WORDINGS.get(error.keyword, describe_other)
    yield from wording(source, error)


def describe_unknown_keys(source: YamlFile, error: ShapeError) -> Described:
    """Keys the mapping may not have, in the order they stand, each with the closest allowed
    key; past the first HINTED (more than a report prints of one kind), with no hint: a
    flood of keys costs no search for the closest."""
    allowed = error.rule.get("properties", {})
    placed = sorted((locate(source, [*error.path, key], key=True), key) for key in error.keys)
    for number, (where, key) in enumerate(placed):
        hint = did_you_mean(key, allowed) if number < HINTED else ""
        yield where, f"unknown key '{key}'", hint


HINTED = 100


def describe_missing_keys(source: YamlFile, error: ShapeError) -> Described:
    """Keys the mapping must have."""
    inside = f" in {field_name(error.path)}" if error.path else ""
    for key in error.keys:
        yield locate(source, error.path), f"missing key '{key}'{inside}", f"add '{key}: …'"


def describe_enum(source: YamlFile, error: ShapeError) -> Described:
    """A value outside its vocabulary, with the closest word of it."""
    value = value_at(source.data, error.path)
    choices = [str(choice) for choice in error.rule["enum"]]
    message = f"{field_name(error.path)} '{value}' is not one of: {', '.join(choices)}"
    close = did_you_mean(str(value), choices)
    hint = close if close.startswith("did you") else "use one of the values listed"
    yield locate(source, error.path), message, hint


def describe_pattern(source: YamlFile, error: ShapeError) -> Described:
    """A text of the wrong form (or one that shows nothing); for keys that must be ids, point
    at the key itself."""
    hint = str(error.rule.get("x-hint", ""))
    for key in error.keys:
        yield locate(source, [*error.path, key], key=True), f"'{key}' is not a valid id", hint
    if error.keys:
        return
    field = field_name(error.path)
    value = value_at(source.data, error.path)
    message = (
        f"{field} is empty" if error.rule.get("x-empty") else f"{field} '{value}' is not valid"
    )
    yield locate(source, error.path), message, hint


def describe_format(source: YamlFile, error: ShapeError) -> Described:
    """A value of the right form that its format refuses (a day that does not exist)."""
    form = str(error.rule["format"])
    verdict, hint = FORMATS.get(form, (f"is not a valid {form}", "see the README for the form"))
    yield locate(source, error.path), f"'{value_at(source.data, error.path)}' {verdict}", hint


def describe_min_items(source: YamlFile, error: ShapeError) -> Described:
    """A list that needs items."""
    hint = "add at least one item, e.g. '- article: …'"
    yield locate(source, error.path), f"{field_name(error.path)} is empty", hint


def describe_type(source: YamlFile, error: ShapeError) -> Described:
    """A value of the wrong type, with an example of the right one."""
    rule = str(error.rule["type"])
    kind, example = TYPES.get(rule, (rule, "see the README for the form"))
    yield locate(source, error.path), f"{field_name(error.path)} must be {kind}", example


def describe_other(source: YamlFile, error: ShapeError) -> Described:
    """Any other error, in the validator's words."""
    hint = "see the README for the form this key takes"
    yield locate(source, error.path), f"{field_name(error.path)}: {error.message}", hint


WORDINGS: Mapping[str, Callable[[YamlFile, ShapeError], Described]] = {
    "additionalProperties": describe_unknown_keys,
    "required": describe_missing_keys,
    "enum": describe_enum,
    "pattern": describe_pattern,
    "format": describe_format,
    "minItems": describe_min_items,
    "type": describe_type,
}


def field_name(path: Place) -> str:
    """A readable name for the place an error is at, e.g. 'positions.ceasefire.stance'."""
    names = [str(part) if isinstance(part, str) else f"[{part + 1}]" for part in path]
    return ".".join(names).replace(".[", "[") or "the file"


def value_at(data: Any, path: Place) -> Any:
    """The value at `path` in a document."""
    for part in path:
        data = data[part]
    return data


def locate(source: YamlFile, path: Place, key: bool = False) -> Location:
    """The location of the value (or key) at `path` in a marked YAML document."""
    node: Any = source.data
    where = getattr(node, "location", Location(source.path))
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(node, MarkedDict) and isinstance(part, str) and part in node:
            table = node.key_locations if key and last else node.value_locations
            where, node = table[part], node[part]
        elif isinstance(node, MarkedList) and isinstance(part, int) and part < len(node):
            where, node = node.item_locations[part], node[part]
        else:
            break
    return where
