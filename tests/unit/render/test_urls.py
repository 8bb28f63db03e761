"""The URL scheme: one docs path per page, anchors per section, and links that lead there."""

from __future__ import annotations

import posixpath
import re

import pytest
from builders import make_actor, make_article, make_evidence, make_issue, make_position
from hypothesis import given
from hypothesis import strategies as st

from generator.model.relations import Month
from generator.render.urls import (
    NAMED,
    anchor,
    docs_path,
    named_page,
    page_link,
    relative,
    root_of,
    site_url,
)

ARTICLE = make_article("talks-2026", "Northland met Southland.", "They spoke of a truce.")
EVIDENCE = make_evidence(ARTICLE, "spoke of a truce")
POSITION = make_position("northland", "ceasefire", EVIDENCE)
ACTOR = make_actor("northland", POSITION)
ISSUE = make_issue("ceasefire")


@pytest.mark.parametrize(
    ("target", "path"),
    [
        (ACTOR, "actors/northland.md"),
        (ISSUE, "issues/ceasefire.md"),
        (ARTICLE, "articles/talks-2026.md"),
        (Month("2026-02", "February 2026", ()), "articles/months/2026-02.md"),
        (Month("undated", "Undated", ()), "articles/months/undated.md"),
        (POSITION, "actors/northland.md#ceasefire"),
        (EVIDENCE, f"articles/talks-2026.md#p2-{EVIDENCE.spans[0].start}"),
        ("methodology", "methodology.md"),
        ("feed", "feed.xml"),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, str) else value,
)
def test_every_kind_of_page_has_its_docs_path(target: object, path: str) -> None:
    assert docs_path(target) == path
    assert page_link(target, "../../") == "../../" + path


def test_a_position_and_a_quote_lead_to_their_sections() -> None:
    page, _, section = docs_path(POSITION).partition("#")
    assert (page, section) == (docs_path(ACTOR), anchor(ISSUE))
    page, _, section = docs_path(EVIDENCE).partition("#")
    paragraph = anchor(ARTICLE.paragraphs[1])
    assert (page, section) == (docs_path(ARTICLE), f"{paragraph}-{EVIDENCE.spans[0].start}")
    assert anchor(EVIDENCE) == section, "a quote has an anchor of its own in its paragraph"
    assert anchor(ACTOR) == "northland", "an issue's page has a section per actor"


def test_every_named_page_is_a_distinct_file_of_the_docs_folder() -> None:
    paths = [named_page(name) for name in NAMED]
    assert len(set(paths)) == len(paths)
    assert all(not p.startswith(("/", ".")) and "#" not in p for p in paths)


def test_an_unknown_page_name_is_refused_with_the_closest_name() -> None:
    with pytest.raises(
        ValueError,
        match=re.escape("knows no page named 'methodolgy' (did you mean 'methodology'?)"),
    ):
        named_page("methodolgy")


def test_anchor_refuses_what_has_no_section() -> None:
    with pytest.raises(ValueError, match="not a value of type Article"):
        anchor(ARTICLE)


FOLDER = st.sampled_from(["", "actors/", "articles/", "articles/months/", "issues/"])
NAME = st.sampled_from(["index.md", "a.md", "2026-02.md", "russia.md"])


@given(path=st.tuples(FOLDER, NAME).map("".join), start=st.tuples(FOLDER, NAME).map("".join))
def test_a_relative_link_from_any_page_leads_to_its_target(path: str, start: str) -> None:
    def followed(link: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(start), link))

    link = relative(path, start)
    assert followed(link) == path
    assert followed(root_of(start) + path) == path, "root leads up to the docs folder"
    assert len(link) <= len(root_of(start) + path), "never longer than the way through the root"


@pytest.mark.parametrize(
    ("path", "folders", "files"),
    [
        ("index.md", "", "index.html"),
        ("actors/index.md", "actors/", "actors/index.html"),
        ("articles/months/2026-02.md", "articles/months/2026-02/", "articles/months/2026-02.html"),
        ("articles/a.md#p3", "articles/a/#p3", "articles/a.html#p3"),
        ("feed.md", "feed/", "feed.html"),
    ],
)
def test_a_docs_path_is_addressed_as_the_site_engine_builds_it(
    path: str, folders: str, files: str
) -> None:
    assert site_url(path, directory_urls=True) == folders
    assert site_url(path, directory_urls=False) == files
