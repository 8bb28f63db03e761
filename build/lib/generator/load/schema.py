"""Shape checks of the YAML inputs against the JSON Schemas shipped in generator/schemas/.

The schemas are the one source of truth for keys, types, vocabularies and formats: editors use
them through yaml-language-server, and this module turns their verdicts into located problems.

Each document is first checked by a validator that fastjsonschema compiles from the schema,
ten times faster than jsonschema, which describes the errors of the documents it refuses.
The compiled validator is never more lenient (its '$' does not match before a final line break,
its dates follow jsonschema's rule), so a document it accepts has no error to describe.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.load.inputs import YamlFile
from generator.load.marked_yaml import MarkedDict, MarkedList
from generator.problems import Location, Problems, did_you_mean

if TYPE_CHECKING:
    import jsonschema

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"

VISIBLE = r"[^\s\u200c\u200d]"
"""The pattern of a text that must show something (`$defs/text` in the schemas): a character
that is neither a space nor invisible. The loader removes the other invisible characters (see
generator.load.decode); the zero-width joiner and non-joiner it keeps show nothing on their own."""
PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "ids are lowercase words joined by hyphens, e.g. 'united-states'",
    "^[A-Za-z0-9]+([_-][A-Za-z0-9]+)*$": "article ids are letters and digits joined by '-' or '_'",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "write dates as YYYY-MM-DD, e.g. 2026-01-20",
    "^https?://[^\\s/?#]+([/?#][^\\s]*)?$": (
        "links are absolute http:// or https:// addresses with a host, e.g. https://example.org/a"
    ),
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema `generator/schemas/<name>.schema.json`."""
    text = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator of schema `name` that also asserts formats (a date must exist)."""
    import jsonschema  # imported here: most runs meet no error to describe

    schema = load_schema(name)
    return jsonschema.Draft202012Validator(
        inline_references(schema, schema.get("$defs", {})),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


@cache
def compiled_validator(name: str) -> Callable[[Any], Any]:
    """Schema `name` compiled to a function that raises on the first error it finds."""
    import fastjsonschema

    schema = load_schema(name)
    return fastjsonschema.compile(
        inline_references(schema, schema.get("$defs", {})), formats={"date": is_date}
    )


def passes(data: Any, name: str) -> bool:
    """Whether `data` has the shape of schema `name`, by the compiled validator."""
    import fastjsonschema

    try:
        compiled_validator(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def is_date(text: str) -> bool:
    """The 'date' format as jsonschema asserts it: YYYY-MM-DD, a day that exists."""
    try:
        return ISO_DATE.fullmatch(text) is not None and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def inline_references(node: Any, definitions: Mapping[str, Any]) -> Any:
    """The schema with each '#/$defs/…' reference replaced by the keywords of its definition.

    The same checks, in the same order, as the reference, but the validator no longer looks
    each one up: validating 800 positions takes a third of the time. Where the reference has a
    description of its own, it is kept; a definition with another keyword of the reference's
    neighbours is left a reference.
    """
    if isinstance(node, list):
        return [inline_references(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    inlined: dict[str, Any] = {}
    for key, value in node.items():
        target = LOCAL_DEFINITION.fullmatch(value) if key == "$ref" else None
        definition = definitions[target[1]] if target else {}
        if target is not None and not (set(definition) & set(node)) - ANNOTATIONS:
            keywords = inline_references(definition, definitions).items()
            inlined.update((k, v) for k, v in keywords if k not in ANNOTATIONS or k not in node)
        else:
            inlined[key] = inline_references(value, definitions)
    return inlined


ANNOTATIONS = frozenset(["title", "description", "$comment", "examples"])
"""Keywords that say what a value is for and check nothing."""
LOCAL_DEFINITION = re.compile(r"#/\$defs/([\w-]+)")


def check_shape(source: YamlFile, name: str, problems: Problems) -> bool:
    """Report every way `source` breaks schema `name`; True when its data can be used.

    A schema comment naming the wrong schema is reported, but the data is still checked and
    used, so that the run reports everything else too.
    """
    check_modeline(source, name, problems)
    found = False
    for error in shape_errors(source, name):
        for location, message, hint in describe(source, error):
            problems.error(location, message, hint)
            found = True
    return not found


def shape_errors(source: YamlFile, name: str) -> list[jsonschema.ValidationError]:
    """The schema's errors, sorted by place; a date of the wrong form is reported once."""
    if passes(source.data, name):
        return []
    errors = list(validator(name).iter_errors(source.data))
    patterns = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    errors = [
        e for e in errors if e.validator != "format" or tuple(e.absolute_path) not in patterns
    ]
    return sorted(errors, key=lambda e: [str(part) for part in e.absolute_path])


MODELINE_HINT = "# yaml-language-server: $schema={}"


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
    return "an" if noun[0] in "aeiou" else "a"


def date_at(data: Mapping[str, Any], path: list[Any]) -> datetime.date:
    """The date at `path` of a document that passed its shape check (so it is a real date)."""
    node: Any = data
    for part in path:
        node = node[part]
    return datetime.date.fromisoformat(str(node))


def describe(
    source: YamlFile, error: jsonschema.ValidationError
) -> Iterator[tuple[Location, str, str]]:
    """Turn one schema error into located messages a briefing editor understands."""
    path = list(error.absolute_path)
    where, field = locate(source, path), field_name(path)
    instance: Any = error.instance
    rule: Any = error.validator_value
    if error.validator == "additionalProperties":
        allowed = dict(error.schema).get("properties", {}) if isinstance(error.schema, dict) else {}
        for key in sorted(set(instance) - set(allowed)):
            yield (
                locate(source, [*path, key], key=True),
                f"unknown key '{key}'",
                did_you_mean(key, allowed),
            )
    elif error.validator == "required":
        missing = str(error.message).split("'")[1]
        inside = f" in {field}" if path else ""
        yield where, f"missing key '{missing}'{inside}", f"add '{missing}: …'"
    elif error.validator == "enum":
        choices = [str(choice) for choice in rule]
        message = f"{field} '{instance}' is not one of: {', '.join(choices)}"
        close = did_you_mean(str(instance), choices)
        yield (
            where,
            message,
            close if close.startswith("did you") else "use one of the values listed",
        )
    elif error.validator == "pattern" and rule == VISIBLE:
        yield where, f"{field} is empty", "write something here, or remove the key"
    elif error.validator == "pattern":
        yield describe_pattern(source, path, error)
    elif error.validator == "format":
        yield where, f"'{instance}' is not a real date", "check the month and day, e.g. 2026-01-20"
    elif error.validator == "minItems":
        yield where, f"{field} is empty", "add at least one item, e.g. '- article: …'"
    elif error.validator == "type":
        kind, example = TYPES.get(str(rule), (str(rule), "see the README for the form"))
        yield where, f"{field} must be {kind}", example
    else:
        yield where, f"{field}: {error.message}", "see the README for the form this key takes"


TYPES = {
    "object": ("a mapping of 'key: value' lines", "e.g. 'name: France', one key per line"),
    "array": ("a list", "e.g. [Paris, Élysée], or one '- item' per line"),
    "string": ("a text", 'put it in quotes if YAML reads it as something else, e.g. "2026"'),
    "boolean": ("true or false", "write true or false, without quotes"),
}


def describe_pattern(
    source: YamlFile, path: list[Any], error: jsonschema.ValidationError
) -> tuple[Location, str, str]:
    """A text of the wrong form; for keys that must be ids, point at the key itself."""
    hint = PATTERN_HINTS.get(str(error.validator_value), "")
    if "propertyNames" in error.schema_path:
        where = locate(source, [*path, error.instance], key=True)
        return where, f"'{error.instance}' is not a valid id", hint
    return locate(source, path), f"{field_name(path)} '{error.instance}' is not valid", hint


# Names a page may not take: the index page of its folder, and the device names that
# Windows refuses as file names whatever their extension.
RESERVED_IDS = frozenset(
    ["index", "con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
)


def is_id(text: str) -> bool:
    """Whether `text` is a safe id for an actor or issue (it names a page)."""
    pattern = load_schema("actor")["$defs"]["id"]["pattern"]
    return re.fullmatch(pattern, text) is not None and not is_reserved(text)


def is_article_id(text: str) -> bool:
    """Whether `text` is a safe id for an article (it names a page)."""
    pattern = load_schema("article")["properties"]["id"]["pattern"]
    return re.fullmatch(pattern, text) is not None and not is_reserved(text)


def is_reserved(text: str) -> bool:
    return text.casefold() in RESERVED_IDS


def reserved_reason(text: str) -> str:
    """Why a reserved id cannot name a page."""
    if text.casefold() == "index":
        return f"'{text}' is the name of its folder's index page"
    return f"'{text}' is a device name on Windows, where no file may be called so"


def field_name(path: list[Any]) -> str:
    """A readable name for the place an error is at, e.g. 'positions.ceasefire.stance'."""
    names = [str(part) if isinstance(part, str) else f"[{part + 1}]" for part in path]
    return ".".join(names).replace(".[", "[") or "the file"


def locate(source: YamlFile, path: list[Any], key: bool = False) -> Location:
    """The location of the value (or key) at `path` in a marked YAML document."""
    node: Any = source.data
    where = getattr(node, "location", Location(source.path))
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(node, MarkedDict) and part in node:
            table = node.key_locations if key and last else node.value_locations
            where, node = table[part], node[part]
        elif isinstance(node, MarkedList) and isinstance(part, int) and part < len(node):
            where, node = node.item_locations[part], node[part]
        else:
            break
    return where
