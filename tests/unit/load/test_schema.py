"""The JSON Schemas and the loader agree: one source of truth for the shape of every YAML file.

The loader checks each file's shape by validating it against its schema (generator/load/),
so the shape rules are written once, in generator/schemas/. These tests hold the two together:
the schemas are valid Draft 2020-12, their vocabularies are the model's, every demo file names
its schema and passes it, and for a set of documents the schema rejects exactly those in which
the loader finds an error. Rules that relate a file to other files or one key to another (an
unknown issue, a quote not in its article, a date before an article's) are the model's alone and
are tested in test_errors.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from builders import DEMO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.decode import clean_text
from generator.load.inputs import load_inputs
from generator.load.marked_yaml import parse_yaml
from generator.load.schema import SCHEMA_DIR, load_schema, validator
from generator.model import ACTOR_KINDS, STANCES, build_model
from generator.problems import Problems

if TYPE_CHECKING:
    from builders import MiniProject

REPO = DEMO

FILES_AND_SCHEMAS = [
    ("briefings/briefing.yaml", "briefing"),
    *((p.relative_to(REPO).as_posix(), "actor") for p in sorted(REPO.glob("briefings/actors/*"))),
    *((p.relative_to(REPO).as_posix(), "issue") for p in sorted(REPO.glob("briefings/issues/*"))),
    *((p.relative_to(REPO).as_posix(), "article") for p in sorted(REPO.glob("seeds/*.meta.yaml"))),
]


def parse(text: str) -> Any:
    """A YAML document as the loader reads it (dates stay text), for the schema to judge."""
    problems = Problems()
    data = parse_yaml("document.yaml", text, problems)
    assert not problems.items, problems.items
    return data


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_stance_and_kind_vocabularies_are_the_models() -> None:
    defs = load_schema("actor")["$defs"]
    assert defs["stance"]["enum"] == [stance.id for stance in STANCES]
    assert load_schema("actor")["properties"]["kind"]["enum"] == list(ACTOR_KINDS)


def strings(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema of type string in a schema, with where it is."""
    if isinstance(node, dict):
        if node.get("type") == "string":
            yield path, node
        for key, value in node.items():
            yield from strings(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{path}/{index}")


INPUT_SCHEMAS = ["actor", "article", "briefing", "issue"]


@pytest.mark.parametrize("name", INPUT_SCHEMAS)
def test_every_text_of_an_input_must_show_something(name: str) -> None:
    schema = load_schema(name)
    assert schema["$defs"]["text"]["x-empty"] is True
    for path, node in strings(schema):
        assert "pattern" in node, f"{name}{path}: a text without a pattern may be blank"


@pytest.mark.parametrize("name", INPUT_SCHEMAS)
def test_every_pattern_says_how_to_write_the_value(name: str) -> None:
    for path, node in strings(load_schema(name)):
        assert node.get("x-hint"), f"{name}{path}: a pattern without a hint"


def test_a_definition_in_several_schemas_is_the_same_in_each() -> None:
    definitions: dict[str, Any] = {}
    for name in INPUT_SCHEMAS:
        for key, definition in load_schema(name)["$defs"].items():
            assert definitions.setdefault(key, definition) == definition, f"{name}: {key}"


@pytest.mark.parametrize("name", INPUT_SCHEMAS)
def test_a_schema_has_an_absolute_id_and_no_reference_to_another_file(name: str) -> None:
    schema = load_schema(name)
    assert schema["$id"] == f"tag:briefing-site,2026:schemas/{name}.schema.json"
    references = re.findall(r'"\$ref": "([^"]*)"', json.dumps(schema))
    assert references and all(reference.startswith("#/$defs/") for reference in references)


@pytest.mark.parametrize(
    "text", [" ", "\u200b ", "\u202e\u200b", "\u200d", "\u200c\u00a0\u200d", "\t\u2028"]
)
def test_a_text_of_spaces_and_invisible_characters_is_empty(text: str) -> None:
    cleaned = clean_text(text)
    assert not validator("briefing").is_valid({"title": cleaned, "description": "Talks."})
    assert validator("briefing").is_valid({"title": f"{cleaned}x", "description": "Talks."})


@pytest.mark.parametrize(("path", "name"), FILES_AND_SCHEMAS)
def test_demo_file_names_its_schema_on_its_first_line(path: str, name: str) -> None:
    first_line = (REPO / path).read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix), f"{path} does not start with {prefix}…"
    target = ((REPO / path).parent / first_line.removeprefix(prefix)).resolve()
    assert target == SCHEMA_DIR / f"{name}.schema.json"


@pytest.mark.parametrize(("path", "name"), FILES_AND_SCHEMAS)
def test_demo_file_passes_its_schema(path: str, name: str) -> None:
    document = parse((REPO / path).read_text(encoding="utf-8"))
    errors = [error.message for error in validator(name).iter_errors(document)]
    assert not errors


ACTOR = """\
name: Northland
kind: state
aliases: [Northlander]
positions:
  ceasefire:
    stance: supports
    summary: Wants a ceasefire before borders are discussed.
    as_of: 2026-02-02
    evidence:
      - article: talks
        quote: "We want a ceasefire before any talk of borders"
        speaker: berg
      - article: talks
        quote: "ready to sign a ceasefire tomorrow"
"""

# Each case: replacements in ACTOR; True when the document is well formed.
ACTOR_CASES: dict[str, tuple[dict[str, str], bool]] = {
    "as-it-is": ({}, True),
    "with-history": (
        {
            "    evidence:": "    history:\n      - {as_of: 2025-01-01, stance: opposes}\n"
            "    evidence:"
        },
        True,
    ),
    "no-aliases": ({"aliases: [Northlander]\n": ""}, True),
    "one-quote-explained": (
        {
            '      - article: talks\n        quote: "ready to sign a ceasefire tomorrow"\n': "",
            "    evidence:": "    single_source: The only report.\n    evidence:",
        },
        True,
    ),
    "unknown-key": ({"kind: state": "kind: state\nflag: red"}, False),
    "missing-name": ({"name: Northland\n": ""}, False),
    "kind-typo": ({"kind: state": "kind: country"}, False),
    "stance-typo": ({"stance: supports": "stance: support"}, False),
    "date-wrong-form": ({"as_of: 2026-02-02": "as_of: 02/02/2026"}, False),
    "date-not-real": ({"as_of: 2026-02-02": "as_of: 2026-02-30"}, False),
    "date-a-number": ({"as_of: 2026-02-02": "as_of: 20260202"}, False),
    "no-evidence": ({ACTOR[ACTOR.index("    evidence:") :]: "    evidence: []\n"}, False),
    "empty-quote": ({'"ready to sign a ceasefire tomorrow"': '""'}, False),
    "invisible-single-source": (
        {
            '      - article: talks\n        quote: "ready to sign a ceasefire tomorrow"\n': "",
            "    evidence:": '    single_source: "\\u200b "\n    evidence:',
        },
        False,
    ),
    "speaker-not-an-id": ({"speaker: berg": "speaker: Ana Berg"}, False),
    "issue-not-an-id": ({"  ceasefire:": "  Cease Fire:"}, False),
    "history-without-stance": (
        {"    evidence:": "    history:\n      - {as_of: 2025-01-01}\n    evidence:"},
        False,
    ),
    "aliases-a-text": ({"aliases: [Northlander]": "aliases: Northlander"}, False),
    "name-a-number": ({"name: Northland": "name: 42"}, False),
    "positions-a-list": ({"  ceasefire:": "  - ceasefire:"}, False),
    "evidence-item-a-text": (
        {"      - article: talks\n        quote": "      - talks\n      - quote"},
        False,
    ),
    "article-id-with-slash": (
        {'article: talks\n        quote: "We': 'article: ../talks\n        quote: "We'},
        False,
    ),
}

ARTICLE = """\
title: Extra
date: 2026-02-01
outlet: Example Wire
url: https://example.org/extra
licence: CC BY 4.0
excerpt: true
"""

ARTICLE_CASES: dict[str, tuple[dict[str, str], bool]] = {
    "as-it-is": ({}, True),
    "with-author": ({"title: Extra": "title: Extra\nauthor: Ana Berg"}, True),
    "unknown-key": ({"title: Extra": "title: Extra\nsource: wire"}, False),
    "javascript-url": ({"https://example.org/extra": "javascript:alert(1)"}, False),
    "date-not-real": ({"date: 2026-02-01": "date: 2026-02-31"}, False),
    "excerpt-a-text": ({"excerpt: true": "excerpt: partly"}, False),
    "id-with-space": ({"title: Extra": "title: Extra\nid: an extra"}, False),
}


def apply(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def loader_errors(root: Path, path: str) -> list[str]:
    """The errors the loader and the model report in file `path` of the project at `root`."""
    problems = Problems()
    build_model(load_inputs(root, problems), problems)
    return [str(p) for p in problems.errors if p.location.path == path]


@pytest.mark.parametrize("case", sorted(ACTOR_CASES))
def test_schema_and_loader_agree_on_actor_documents(case: str, mini_project: MiniProject) -> None:
    replacements, well_formed = ACTOR_CASES[case]
    text = apply(ACTOR, replacements)
    root = mini_project({"briefings/actors/northland.yaml": text})
    errors = loader_errors(root, "briefings/actors/northland.yaml")
    assert validator("actor").is_valid(parse(text)) is well_formed
    assert (not errors) is well_formed, errors


@pytest.mark.parametrize("case", sorted(ARTICLE_CASES))
def test_schema_and_loader_agree_on_article_metadata(case: str, mini_project: MiniProject) -> None:
    replacements, well_formed = ARTICLE_CASES[case]
    text = apply(ARTICLE, replacements)
    root = mini_project(
        {"seeds/extra.txt": "Extra\n\nA paragraph.\n", "seeds/extra.meta.yaml": text}
    )
    errors = loader_errors(root, "seeds/extra.meta.yaml")
    assert validator("article").is_valid(parse(text)) is well_formed
    assert (not errors) is well_formed, errors


# Values that are right somewhere in a document, or nearly right.
VALUES = [None, True, False, 0, 7, "", " ", "x\n", "state", "person", "supports", "ceasefire"]
VALUES += ["talks", "Ana Berg", "../talks", "https://example.org/a", "javascript:alert(1)"]
VALUES += ["2026-02-02", "2026-02-30", "２０２６-02-02", "20260202", "2026-2-2", "0000-01-01"]
# Texts as the loader hands them to the validator: cleaned (generator.load.decode.clean_text),
# so without the control characters on which Python's '\s' and the draft's ECMA-262 '\s' differ.
TEXTS = st.text(max_size=6).map(clean_text)
LEAVES = st.sampled_from(VALUES) | TEXTS


def places(document: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in the document, the document itself first."""
    found = [path]
    if isinstance(document, dict):
        for key, value in document.items():
            found += places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += places(value, (*path, index))
    return found


def mutated(document: Any, draw: st.DrawFn) -> Any:
    """The document with one value somewhere replaced, or with a key added or removed."""
    path = draw(st.sampled_from(places(document)))
    if not path:
        return draw(LEAVES)
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "replace":
        parent[path[-1]] = draw(
            LEAVES | st.lists(LEAVES, max_size=2) | st.dictionaries(TEXTS, LEAVES)
        )
    elif action == "remove" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(TEXTS)] = draw(LEAVES)
    return document


SPACES_APART = frozenset("\x1c\x1d\x1e\x1f\x85\ufeff")
"""Characters that one of Python's '\\s' and ECMA-262's is a space and the other not; the
loader never validates them (controls become spaces, format characters go: decode.clean_text)."""


def reads_differently(document: Any) -> bool:
    """Whether a text of the document reads differently in Python's patterns (jsonschema's) and
    in the draft's, ECMA-262's: one ending with a line break, where Python's '$' matches before
    it and ECMA's does not, or one holding a character of SPACES_APART."""
    if isinstance(document, dict):
        return any(
            reads_differently(key) or reads_differently(value) for key, value in document.items()
        )
    if isinstance(document, list):
        return any(reads_differently(item) for item in document)
    return isinstance(document, str) and (
        document.endswith("\n") or not SPACES_APART.isdisjoint(document)
    )


@given(st.data())
@settings(max_examples=500)
def test_the_validator_agrees_with_the_reference_implementation(data: st.DataObject) -> None:
    name, text = data.draw(st.sampled_from([("actor", ACTOR), ("article", ARTICLE)]))
    document = mutated(json.loads(json.dumps(parse(text))), data.draw)
    checker = jsonschema.Draft202012Validator(
        load_schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    if not reads_differently(document):
        assert validator(name).is_valid(document) is checker.is_valid(document), document
