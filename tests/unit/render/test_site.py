"""The site's pages: one per actor, issue, article and month beside the fixed ones, each link
leading to one of them, hand-written pages kept, and nothing rendered twice to one path."""

from __future__ import annotations

import posixpath
import re

from builders import (
    make_actor,
    make_article,
    make_briefing,
    make_evidence,
    make_history,
    make_issue,
    make_position,
)

from generator import defaults
from generator.load.inputs import packaged
from generator.problems import Problems
from generator.render.site import render_site
from generator.render.urls import NAMED

TEMPLATES = packaged(defaults.TEMPLATES)
TALKS = make_article(
    "talks",
    "Northland and Southland met in Geneva.",
    '"We want a truce," said Ana Berg.',
    date="2026-02-02",
    licence="CC BY 4.0",
)
LATER = make_article("later", "Southland rejected a truce.")
BRIEFING = make_briefing(
    actors=[
        make_actor(
            "northland",
            make_position(
                "northland",
                "ceasefire",
                make_evidence(TALKS, "We want a truce", "berg"),
                make_evidence(TALKS, "met in Geneva"),
                history=(make_history("2026-01-01", "opposes"),),
            ),
        ),
        make_actor(
            "southland",
            make_position("southland", "ceasefire", make_evidence(TALKS, "Southland"), draft=True),
        ),
        make_actor("berg", kind="person", name="Ana Berg", speaks_for="northland"),
    ],
    issues=[make_issue("ceasefire", "truce"), make_issue("borders")],
    articles=[TALKS, LATER],
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def render(
    pages: dict[str, str | bytes] | None = None,
    templates: dict[str, str] = TEMPLATES,
    files: dict[str, str] | None = None,
) -> tuple[dict[str, str | bytes], list[str]]:
    problems = Problems()
    output = render_site(BRIEFING, templates, pages or {}, problems, files)
    return output, [str(p) for p in problems.errors]


def test_every_actor_issue_article_and_month_has_its_page_beside_the_fixed_ones() -> None:
    output, problems = render()
    assert problems == []
    generated = {
        *NAMED.values(),
        "actors/northland.md",
        "actors/southland.md",
        "actors/berg.md",
        "issues/ceasefire.md",
        "issues/borders.md",
        "articles/talks.md",
        "articles/later.md",
        "articles/months/2026-02.md",
        "articles/months/undated.md",
    }
    data = {"feed.xml", "positions.json", "positions.schema.json", "positions.csv", "matrix.csv"}
    assert set(output) == generated - data - {NAMED["search"]}
    assert all(isinstance(text, str) and text.endswith("\n") for text in output.values())


def test_every_link_of_every_page_leads_to_a_page_or_file_of_the_site() -> None:
    files = {name: "data\n" for name in ("feed.xml", "positions.json", "positions.csv")}
    files |= {name: "data\n" for name in ("positions.schema.json", "matrix.csv")}
    pages: dict[str, str | bytes] = {NAMED["search"]: "# Search\n"}
    output, _ = render(pages, files=files)
    for path, text in output.items():
        for link in LINK.findall(str(text)):
            if link.startswith(("http://", "https://", "#", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), link))
            assert target.partition("#")[0] in output, f"{path} links to {link}"


def test_rendering_is_pure_same_briefing_same_pages() -> None:
    assert render()[0] == render()[0]


def test_generated_files_and_hand_written_pages_are_kept_as_given() -> None:
    image = b"\x89PNG\r\n\x1a\n"
    pages: dict[str, str | bytes] = {"notes.md": "# Notes\n", "assets/logo.png": image}
    output, problems = render(pages, files={"feed.xml": "<feed/>\n"})
    assert problems == []
    assert (output["notes.md"], output["assets/logo.png"]) == ("# Notes\n", image)
    assert output["feed.xml"] == "<feed/>\n"


def test_a_hand_written_page_may_not_take_a_generated_path() -> None:
    _, problems = render({"actors/northland.md": "# Mine\n", "matrix.md": "# Mine\n"})
    assert [p.split("\n")[0] for p in problems] == [
        "pages/actors/northland.md:1:1: 'actors/northland.md' would overwrite a generated page",
        "pages/matrix.md:1:1: 'matrix.md' would overwrite a generated page",
    ]


def test_a_broken_template_is_reported_and_the_other_pages_are_still_made() -> None:
    output, problems = render(templates={**TEMPLATES, "issue.md.j2": "{{ nothing }}\n"})
    assert not any(path.startswith("issues/") and path != NAMED["issues"] for path in output)
    assert "actors/northland.md" in output
    assert len(problems) == 1, "reported once, not once per page"
    assert problems[0].startswith(
        "templates/issue.md.j2:1:1: template error: 'nothing' is undefined"
    )
