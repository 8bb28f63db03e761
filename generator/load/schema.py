"""The JSON Schemas shipped in generator/schemas/, and the one validator that applies them.

The schemas are the one source of truth for keys, types, vocabularies and formats, and for
the rules of single values that other code applies too (ids, dates, web addresses): editors use
them through yaml-language-server, the loader validates every file against them, and Python
reads each rule from its `$defs` entry rather than spelling it again. What to tell an editor
lives beside the rule as well: `x-hint` (how to write the value) and `x-empty` (a text that
fails the pattern shows nothing).

One validator implements the schemas' draft, 2020-12: jsonschema-rs, compiled once per schema.
Its errors are read from their structure (keyword, places in the document and the schema, the
keys concerned) into ShapeError records, never from its English messages.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema_rs import ValidationErrorKind

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# Names a page may not take: the index page of its folder, and the device names that
# Windows refuses as file names whatever their extension.
RESERVED_IDS = frozenset(
    ["index", "con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
)


@dataclass(frozen=True, slots=True)
class ShapeError:
    """One way a document breaks its schema: `keyword` of `rule` (the subschema holding it)
    fails on the value at `path`; `keys` are the keys it is about (missing, unknown, or of the
    wrong form), `message` the validator's own words."""

    keyword: str
    path: tuple[str | int, ...]
    rule: Mapping[str, Any]
    keys: tuple[str, ...] = ()
    message: str = ""


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema `generator/schemas/<name>.schema.json`."""
    text = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def validator(name: str) -> jsonschema_rs.Validator:
    """A validator of schema `name` that asserts formats too (a date must exist)."""
    return compile_schema(load_schema(name))


@cache
def definition_validator(name: str, definition: str) -> jsonschema_rs.Validator:
    """A validator of the value rule `$defs/<definition>` of schema `name`."""
    return compile_schema(load_schema(name)["$defs"][definition])


def compile_schema(schema: dict[str, Any]) -> jsonschema_rs.Validator:
    """A Draft 2020-12 validator of `schema` whose 'date' format is `is_date`."""
    return jsonschema_rs.Draft202012Validator(
        schema, formats={"date": is_date}, validate_formats=True
    )


def is_date(text: str) -> bool:
    """The 'date' format: YYYY-MM-DD, a day that exists (and that Python can hold: year 1 on)."""
    try:
        return ISO_DATE.fullmatch(text) is not None and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def is_web_address(text: str) -> bool:
    """Whether `text` is an absolute http:// or https:// address with a host."""
    return definition_validator("article", "web_address").is_valid(text)


MAX_ID_BYTES = 200
"""The longest id, in bytes: a page and its temporary file are named after it
(`.{id}.md.tmp`), and most file systems allow a name of 255 bytes at most."""


def is_id(text: str) -> bool:
    """Whether `text` is a safe id for an actor or issue (it names a page)."""
    valid = definition_validator("actor", "id").is_valid(text)
    return valid and not is_reserved(text) and not is_too_long(text)


def is_article_id(text: str) -> bool:
    """Whether `text` is a safe id for an article (it names a page)."""
    valid = definition_validator("article", "article_id").is_valid(text)
    return valid and not is_reserved(text) and not is_too_long(text)


def is_too_long(text: str) -> bool:
    """Whether an id is longer than MAX_ID_BYTES, in UTF-8."""
    return len(text.encode("utf-8", "surrogatepass")) > MAX_ID_BYTES


def too_long_reason(text: str) -> str:
    """Why an id too long cannot name a page."""
    size = len(text.encode("utf-8", "surrogatepass"))
    return f"id of {size:,} bytes is too long: pages are named after it (at most {MAX_ID_BYTES})"


def is_reserved(text: str) -> bool:
    """Whether `text`, in any case, is a name no page may take."""
    return text.casefold() in RESERVED_IDS


def reserved_reason(text: str) -> str:
    """Why a reserved id cannot name a page."""
    if text.casefold() == "index":
        return f"'{text}' is the name of its folder's index page"
    return f"'{text}' is a device name on Windows, where no file may be called so"


def shape_errors(data: Any, name: str) -> list[ShapeError]:
    """The errors of `data` against schema `name`, sorted by place; a date of the wrong form
    is reported once (by its pattern, not by its format too)."""
    schema = load_schema(name)
    errors = [shape_error(error, schema) for error in validator(name).iter_errors(data)]
    patterns = {error.path for error in errors if error.keyword == "pattern"}
    errors = [e for e in errors if e.keyword != "format" or e.path not in patterns]
    return sorted(errors, key=lambda error: [str(part) for part in error.path])


def shape_error(error: jsonschema_rs.ValidationError, schema: Mapping[str, Any]) -> ShapeError:
    """What one of the validator's errors says, read from its structure."""
    kind = error.kind
    if isinstance(kind, ValidationErrorKind.PropertyNames):  # a key of the wrong form
        inner = shape_error(kind.error, schema)
        return replace(inner, path=tuple(error.instance_path), keys=(str(kind.error.instance),))
    keys: tuple[str, ...] = ()
    if isinstance(kind, ValidationErrorKind.Required):
        keys = (kind.property,)
    elif isinstance(kind, ValidationErrorKind.AdditionalProperties):
        keys = tuple(kind.unexpected)
    *place, keyword = error.schema_path
    rule = subschema_at(schema, place)
    return ShapeError(str(keyword), tuple(error.instance_path), rule, keys, error.message)


def subschema_at(schema: Mapping[str, Any], place: list[str | int]) -> Mapping[str, Any]:
    """The subschema at `place`, a path of keys and indexes into the schema document."""
    node: Any = schema
    for part in place:
        node = node[part]
    return node if isinstance(node, Mapping) else {}
