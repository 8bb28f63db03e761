"""The one Jinja2 environment: strict, Markdown-minded, compiled once, its errors located in the
template line that caused them."""

from __future__ import annotations

import jinja2
import pytest
from rendering import render

from generator.render.context import RENDER_HINT
from generator.render.templates import (
    FILTER_HINT,
    SYNTAX_HINT,
    CompiledTemplates,
    make_environment,
)


def test_a_page_sees_the_briefing_and_its_way_up() -> None:
    assert render({"page.md.j2": "# {{ briefing.title | md }}\n[Home]({{ root }}index.md)\n"}) == (
        "# Northland–Southland talks\n[Home](../index.md)\n",
        [],
    )


def test_blocks_leave_no_blank_lines_and_the_last_newline_is_kept() -> None:
    template = (
        "{% for s in stances %}\n"
        "  {% if s.id == 'supports' %}\n"
        "{{ s.symbol }}\n"
        "  {% endif %}\n"
        "{% endfor %}\n"
    )
    assert render({"page.md.j2": template}) == ("✔\n", [])


def test_text_is_not_escaped_as_html_but_by_the_md_filter() -> None:
    text, _ = render({"page.md.j2": "{{ '<b>*x*</b>' }} {{ '<b>*x*</b>' | md }}"})
    assert text == "<b>*x*</b> &lt;b&gt;\\*x\\*&lt;/b&gt;"


def test_filters_of_one_render_are_bound_beside_the_shared_ones() -> None:
    environment = make_environment({"p.md.j2": "{{ 3 | twice }}"}, {"twice": lambda n: 2 * n})
    assert environment.get_template("p.md.j2").render() == "6"
    assert {"md", "highlight", "url", "badge", "page", "anchor"} <= set(environment.filters)


def test_an_undefined_name_is_an_error_at_its_line_naming_what_templates_see() -> None:
    text, problems = render({"page.md.j2": "# Title\n\n{{ actor.name }}\n"})
    assert text is None
    assert problems == [
        f"templates/page.md.j2:3:1: template error: 'actor' is undefined\n  hint: {RENDER_HINT}"
    ]


def test_a_syntax_error_is_located_in_the_template_that_has_it() -> None:
    templates = {"page.md.j2": "{% include 'part.md.j2' %}", "part.md.j2": "a\n{% if x %}\n"}
    _, problems = render(templates)
    assert len(problems) == 1
    assert problems[0].startswith("templates/part.md.j2:2:1: template syntax error: ")
    assert problems[0].endswith(f"hint: {SYNTAX_HINT}")


def test_a_missing_template_is_named_with_the_closest_one() -> None:
    templates = {"page.md.j2": "x\n{% include 'prat.md.j2' %}", "part.md.j2": ""}
    _, problems = render(templates)
    assert problems == [
        "templates/page.md.j2:2:1: template 'prat.md.j2' not found\n"
        "  hint: did you mean 'part.md.j2'?"
    ]


def test_a_filter_given_what_it_cannot_take_is_an_error_at_the_line() -> None:
    _, problems = render({"page.md.j2": "a\nb\n{{ briefing | badge }}\n"})
    assert len(problems) == 1
    assert problems[0].startswith("templates/page.md.j2:3:1: template error: ")
    assert problems[0].endswith(f"hint: {FILTER_HINT}")


class Broken(dict[str, str]):
    """Templates whose reading fails in the generator's own code, under no template line."""

    def __getitem__(self, name: str) -> str:
        raise TypeError("a bug")


def test_an_error_outside_any_template_line_is_a_bug_and_not_reported_as_the_templates() -> None:
    with pytest.raises(TypeError, match="a bug"):
        render(Broken({"page.md.j2": ""}))


def test_a_template_is_compiled_again_only_when_its_text_changes() -> None:
    cache = CompiledTemplates()

    def compiled(text: str) -> str:
        environment = jinja2.Environment(
            loader=jinja2.DictLoader({"t.j2": text}), bytecode_cache=cache
        )
        return environment.get_template("t.j2").render()

    assert compiled("one") == "one"
    [(checksum, code)] = cache.compiled.values()
    assert compiled("one") == "one"
    assert list(cache.compiled.values()) == [(checksum, code)], "loaded, not compiled again"
    assert compiled("two") == "two"
    assert [c for c, _ in cache.compiled.values()] != [checksum]
