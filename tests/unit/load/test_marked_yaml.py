"""The libyaml fast path of the YAML loader builds exactly what the pure-Python loader builds."""

from __future__ import annotations

from typing import Any

import yaml
from builders import DEMO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.marked_yaml import (
    MAX_NODES,
    NODES_HINT,
    FastMarkedLoader,
    MarkedDict,
    MarkedList,
    MarkedLoader,
    RefusedYaml,
    is_plain_tree,
    parse_yaml,
)
from generator.problems import Problem, Problems

REPO = DEMO


def marks(value: Any) -> Any:
    """The value with every location it carries, for comparison."""
    if isinstance(value, MarkedDict):
        items = {key: marks(item) for key, item in value.items()}
        return (items, value.location, value.key_locations, value.value_locations)
    if isinstance(value, MarkedList):
        return ([marks(item) for item in value], value.location, value.item_locations)
    return value


def pure(path: str, text: str) -> Any:
    loader = MarkedLoader(text, path, 1, Problems())
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def test_every_yaml_file_of_the_demo_parses_the_same() -> None:
    files = [*REPO.glob("briefings/**/*.yaml"), *REPO.glob("seeds/*.meta.yaml")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        problems = Problems()
        assert marks(parse_yaml(path.name, text, problems)) == marks(pure(path.name, text))
        assert not problems.items


def test_what_the_fast_path_leaves_to_the_pure_loader_is_still_reported() -> None:
    cases = {
        "a: &x [1]\nb: *x\n": "YAML aliases are not allowed",
        "a: [1, 2\n": "YAML syntax error",
        "a:" + " [" * 60 + " ]" * 60 + "\n": "nested deeper than",
        "a: 1\na: 2\n": "duplicate key 'a'",
        "# only a comment\n": "no YAML data",
        "~\n": "no YAML data",
        # PyYAML reads a directive's version with int(), which refuses thousands of digits.
        "%YAML 1." + "9" * 5000 + "\n--- a: 1\n": "a number too long to read",
    }
    for text, message in cases.items():
        problems = Problems()
        parse_yaml("x.yaml", text, problems)
        assert [p for p in problems.items if message in p.message], (text, problems.items)


YAML_PIECES = (
    *("a", "b", "key", "2026-01-02", "12", "-3", "0x1F", "1.5", "true", "null", "~", "'q'"),
    *('"d\\u200b"', ": ", ":", "- ", "\n", "\n  ", "\n    ", "[", "]", "{", "}", ", ", "? ", "|"),
    *("#", " ", "\t", "<<: ", '"', "'", "\u202e", "\x85", "\u2028", "\ufeff", ">\n  x", "..."),
)


def built(loader_class: type[MarkedLoader], text: str) -> tuple[Any, list[Problem]] | None:
    """What a libyaml loader builds of a plain text, with the problems found; None otherwise."""
    problems = Problems()
    loader = loader_class(text, "x.yaml", 1, problems)
    try:
        node = loader.get_single_node()
        if node is None or not is_plain_tree(node, MarkedLoader.MAX_DEPTH):
            return None
        return marks(loader.construct_document(node)), problems.items
    except (yaml.YAMLError, RefusedYaml):
        return None
    finally:
        loader.dispose()


@given(st.lists(st.sampled_from(YAML_PIECES), max_size=25).map("".join))
@settings(max_examples=400)
def test_the_fast_constructor_builds_what_pyyamls_builds(text: str) -> None:
    assert FastMarkedLoader is not None
    reference = type(
        "Reference",
        (FastMarkedLoader,),
        {"construct_object": yaml.constructor.BaseConstructor.construct_object},
    )
    assert built(FastMarkedLoader, text) == built(reference, text), text


def test_a_file_of_too_many_values_is_refused_where_the_limit_is_passed() -> None:
    aliases = ", ".join(['""'] * (MAX_NODES + 5))
    for text in (f"name: x\naliases: [{aliases}]\n", f"# !\nname: x\naliases: [{aliases}]\n"):
        problems = Problems()
        assert parse_yaml("many.yaml", text, problems) is None  # the fast path and the pure
        (problem,) = problems.items
        assert problem.message == f"more than {MAX_NODES:,} YAML values in one file"
        assert problem.location.line == text.count("\n") and problem.hint == NODES_HINT


def test_a_file_within_the_limit_is_read() -> None:
    aliases = ", ".join(['""'] * (MAX_NODES - 10))
    problems = Problems()
    assert len(parse_yaml("many.yaml", f"name: x\naliases: [{aliases}]\n", problems)["aliases"])
    assert not problems.items


@given(st.lists(st.sampled_from(YAML_PIECES), max_size=25).map("".join))
@settings(max_examples=300)
def test_a_text_holds_at_most_one_value_per_character_and_one(text: str) -> None:
    """What lets a text shorter than MAX_NODES skip the count (too_many_nodes)."""
    loader = MarkedLoader(text, "x.yaml", 1, Problems())
    try:
        loader.get_single_node()
    except (yaml.YAMLError, RefusedYaml):
        return
    finally:
        loader.dispose()
    assert loader.nodes <= len(text) + 1
