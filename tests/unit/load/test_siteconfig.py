"""mkdocs.yml as the generator reads it: the few settings pages depend on, each key's line, and
located refusals; tagged values kept as written, never run."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import write_files

from generator.load.siteconfig import SiteConfig, Tagged, load_site_config
from generator.problems import Location, Problems


def load(tmp_path: Path, text: str | None) -> tuple[SiteConfig, list[str]]:
    """The settings of a mkdocs.yml holding `text` (no file when None), and the problems."""
    if text is not None:
        write_files(tmp_path, {"mkdocs.yml": text})
    problems = Problems()
    site = load_site_config(tmp_path, problems)
    return site, [str(p).split("\n")[0] for p in problems.items]


@pytest.mark.parametrize("text", [None, "", "# only a comment\n"])
def test_no_settings_are_the_defaults(tmp_path: Path, text: str | None) -> None:
    assert load(tmp_path, text) == (SiteConfig(), [])


def test_the_settings_pages_depend_on_are_read_and_each_keys_line_kept(tmp_path: Path) -> None:
    text = (
        "site_name: Talks\n\nsite_url: https://example.org/brief\n"
        "site_author: Desk\nuse_directory_urls: false\n"
    )
    site, problems = load(tmp_path, text)
    assert problems == []
    assert (site.name, site.url, site.author, site.directory_urls) == (
        "Talks",
        "https://example.org/brief/",
        "Desk",
        False,
    )
    assert site.settings["site_url"] == "https://example.org/brief", "the file as written"
    assert site.location("site_url") == Location("mkdocs.yml", 3)
    assert site.location("theme") == Location("mkdocs.yml", 1), "a key it lacks: the file"


def test_blank_texts_are_unset_and_directory_urls_are_on_unless_turned_off(tmp_path: Path) -> None:
    site, _ = load(tmp_path, "site_name: '  '\nsite_author: 3\nuse_directory_urls: 0\n")
    assert (site.name, site.author, site.directory_urls) == (None, None, True)


def test_a_site_url_that_is_no_web_address_is_refused_at_its_line(tmp_path: Path) -> None:
    site, problems = load(tmp_path, "site_name: T\nsite_url: example.org\n")
    assert site.url is None
    assert problems == ["mkdocs.yml:2:1: site_url 'example.org' is not an http(s) address"]


def test_a_tagged_value_is_kept_and_nothing_is_run(tmp_path: Path) -> None:
    text = (
        "site_url: !ENV [SITE_URL, 'https://example.org/']\n"
        "emoji: !!python/name:material.extensions.emoji.twemoji\n"
    )
    site, problems = load(tmp_path, text)
    assert problems == []
    assert site.url is None, "the engine reads it, from the environment"
    tag = "tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji"
    assert site.settings["emoji"] == Tagged(tag, "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- a\n- b\n", "mkdocs.yml:1:1: the site configuration is not a mapping"),
        (
            "%YAML 1." + "9" * 5000 + "\n---\nsite_name: T\n",
            "mkdocs.yml:1:1: YAML syntax error: a number too long",
        ),
        (
            "site_name: [T\n",
            "mkdocs.yml:2:1: YAML syntax error: ",
        ),
    ],
)
def test_a_file_that_is_no_mapping_of_settings_is_refused(
    tmp_path: Path, text: str, problem: str
) -> None:
    site, problems = load(tmp_path, text)
    assert site == SiteConfig()
    assert len(problems) == 1 and problems[0].startswith(problem)


def test_a_link_out_of_the_project_is_refused(tmp_path: Path) -> None:
    outside = write_files(tmp_path / "outside", {"mkdocs.yml": "site_name: T\n"}) / "mkdocs.yml"
    root = write_files(tmp_path / "project", {"mkdocs.yml": outside})
    problems = Problems()
    assert load_site_config(root, problems) == SiteConfig()
    assert [p.message for p in problems.items] == ["a link to a file outside the project"]
