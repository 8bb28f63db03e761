"""Templates are untrusted (a pull request can change templates/ and overrides/): each renders in
Jinja2's sandbox, and what would run code, hang or exhaust memory is a located template error."""

from __future__ import annotations

import threading
from pathlib import Path

import jinja2
import pytest
from rendering import SITE, render

from generator.problems import Problems
from generator.render import sandbox
from generator.render.context import Page
from generator.render.sandbox import RenderTimeout, Sandbox, sandboxed
from generator.render.templates import make_environment, render_page


def test_python_internals_are_out_of_reach(tmp_path: Path) -> None:
    canary = tmp_path / "pwned"
    command = f"cycler.__init__.__globals__.os.system('touch {canary}')"
    text, problems = render({"page.md.j2": f"line\n{{{{ {command} }}}}\n"})
    assert text is None and not canary.exists()
    assert problems[0].startswith(
        "templates/page.md.j2:2:1: template refused: access to attribute '__init__'"
    )
    assert "\n  hint: templates are sandboxed" in problems[0]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ 'x' * 10**10 }}", "template refused: '*' gives a value of more than 10,000,000"),
        ("{{ [1] * 10**8 }}", "template refused: '*' gives a value of more than 10,000,000"),
        ("{{ 7 ** 1000000 }}", "template refused: '**' gives a number of more than 100,000 bits"),
        ("{% for i in range(10**9) %}x{% endfor %}", "range of more than 100,000 numbers"),
        ("{% set l = [1] %}{{ l.append(2) }}", "template refused: access to attribute 'append'"),
        ("{% extends 'page.md.j2' %}", "template recursion without end"),
        ("{% include 'page.md.j2' %}", "template recursion without end"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "template recursion without end"),
    ],
)
def test_what_would_exhaust_memory_or_recurse_is_a_located_error(
    template: str, message: str
) -> None:
    text, problems = render({"page.md.j2": template})
    assert text is None and len(problems) == 1
    assert problems[0].startswith("templates/page.md.j2:1:1: "), problems
    assert message in problems[0]


def test_small_operations_give_what_jinja_gives() -> None:
    text = "{{ 'ab' * 3 }} {{ 2 ** 10 }} {{ 1 + 2 }} {{ '%03d' % 7 }} {{ range(3) | list }}\n"
    assert render({"page.md.j2": text}) == ("ababab 1024 3 007 [0, 1, 2]\n", [])


def test_a_loop_that_never_ends_stops_at_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.2)
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    text, problems = render({"page.md.j2": "a\n" + loop})
    assert text is None
    assert problems[0].startswith("templates/page.md.j2:2:1: the template ran for more than 0.2 s")


def test_outside_the_main_thread_range_loops_stop_at_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.2)
    template = Sandbox().from_string(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    raised: list[BaseException] = []

    def run() -> None:
        try:
            template.render()
        except RenderTimeout as error:
            raised.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert [type(error) for error in raised] == [RenderTimeout]


def test_a_template_that_timed_out_is_not_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.2)
    environment = make_environment(
        {"page.md.j2": "{% for i in range(99999) %}{{ range(99999) | list | length }}{% endfor %}"}
    )
    problems = Problems()
    for _ in range(3):
        assert render_page(environment, "page.md.j2", SITE, Page("../"), problems) is None
    assert len(problems.items) == 1


def test_a_theme_environment_is_remade_as_a_sandbox_with_all_it_holds() -> None:
    loader = jinja2.DictLoader({"main.html": "{{ 'a' | shout }}{{ _('b') }}{{ x }}"})
    theme = jinja2.Environment(loader=loader, auto_reload=False, extensions=["jinja2.ext.i18n"])
    theme.filters["shout"] = str.upper
    theme.globals["x"] = "!"
    theme.install_null_translations()  # type: ignore[attr-defined]
    box = sandboxed(theme)
    assert isinstance(box, Sandbox) and box.loader is loader and not box.auto_reload
    assert set(box.extensions) == set(theme.extensions)
    assert box.get_template("main.html").render() == "Ab!"
    with pytest.raises(jinja2.exceptions.SecurityError):
        box.from_string("{{ cycler.__init__() }}").render()
