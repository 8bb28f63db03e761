"""A file's schema errors worded for its editor, each at the key or value it is about."""

from __future__ import annotations

import pytest
from builders import make_yaml_file

from generator.load.schema import load_schema
from generator.load.shape import check_shape, field_name
from generator.problems import Problems

PATH = "briefings/actors/northland.yaml"
POSITION = """\
positions:
  ceasefire:
    stance: supports
    summary: Wants a truce.
    as_of: 2026-02-02
    evidence:
      - {article: talks, quote: a truce}
"""


def shape(text: str, schema: str = "actor") -> tuple[bool, list[str]]:
    """Whether the actor file `text` can be used, and its problems, one line each with its hint."""
    problems = Problems()
    usable = check_shape(make_yaml_file(PATH, text), schema, problems)
    found = sorted(problems.items)
    return usable, [f"{p.location.line}:{p.location.column}: {p.message} | {p.hint}" for p in found]


def test_a_file_of_the_right_shape_passes() -> None:
    assert shape("name: Northland\nkind: state\n" + POSITION) == (True, [])


ID_HINT = load_schema("actor")["$defs"]["id"]["x-hint"]
KINDS = ", ".join(load_schema("actor")["properties"]["kind"]["enum"])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "name: N\nkind: state\naliasses: [N]\n",
            "3:1: unknown key 'aliasses' | did you mean 'aliases'?",
        ),
        ("name: N\n", "1:1: missing key 'kind' | add 'kind: …'"),
        (
            "name: N\nkind: stat\n",
            f"2:7: kind 'stat' is not one of: {KINDS} | did you mean 'state'?",
        ),
        (
            "name: N\nkind: planet\n",
            f"2:7: kind 'planet' is not one of: {KINDS} | use one of the values listed",
        ),
        (
            "name: ' '\nkind: state\n",
            "1:7: name is empty | write something here, or remove the key",
        ),
        (
            "name: N\nkind: state\nspeaks_for: The North\n",
            f"3:13: speaks_for 'The North' is not valid | {ID_HINT}",
        ),
        (
            "name: N\nkind: state\naliases: North\n",
            "3:10: aliases must be a list | e.g. [Paris, Élysée], or one '- item' per line",
        ),
        (
            "name: N\nkind: state\n" + POSITION.replace("  ceasefire:", "  Ceasefire:"),
            f"4:3: 'Ceasefire' is not a valid id | {ID_HINT}",
        ),
        (
            "name: [N]\nkind: state\n",
            "1:7: name must be a text | put it in quotes if YAML reads it as something else,"
            ' e.g. "2026"',
        ),
    ],
    ids=[
        "unknown key",
        "missing key",
        "close word",
        "far word",
        "empty",
        "pattern",
        "type",
        "id key",
        "text",
    ],
)
def test_each_kind_of_mistake_is_worded_and_located(text: str, problem: str) -> None:
    assert shape(text) == (False, [problem])


def test_mistakes_deep_in_a_position_are_named_by_their_place() -> None:
    text = "name: N\nkind: state\n" + POSITION.replace("2026-02-02", "2026-02-30").replace(
        "      - {article: talks, quote: a truce}\n", "      []\n"
    )
    usable, problems = shape(text)
    assert not usable
    assert problems == [
        "7:12: '2026-02-30' is not a real date | check the month and day, e.g. 2026-01-20",
        "9:7: positions.ceasefire.evidence is empty | add at least one item, e.g. '- article: …'",
    ]


def test_a_schema_comment_naming_another_schema_is_an_error_but_the_data_is_checked() -> None:
    text = "# yaml-language-server: $schema=../../schemas/issue.schema.json\nname: N\n"
    usable, problems = shape(text)
    assert not usable
    assert problems == [
        "1:33: the schema comment names '../../schemas/issue.schema.json', not actor.schema.json"
        " | this is an actor file: # yaml-language-server: $schema=../../generator/schemas/"
        "actor.schema.json",
        "2:1: missing key 'kind' | add 'kind: …'",
    ]
    elsewhere = "# yaml-language-server: $schema=https://example.org/actor.schema.json\n"
    assert shape(elsewhere + "name: N\nkind: state\n") == (True, []), "only its file name counts"


def test_a_place_in_a_document_reads_as_a_dotted_name() -> None:
    assert field_name(["positions", "ceasefire", "evidence", 0, "quote"]) == (
        "positions.ceasefire.evidence[1].quote"
    )
    assert field_name([]) == "the file"
