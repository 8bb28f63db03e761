"""The project's mkdocs.yml: merged over the tool's base, checked as the build would check it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from click.testing import CliRunner, Result

from generator.cli import main
from generator.engine.config import engine_settings, merge
from generator.load.siteconfig import SiteConfig, Tagged, load_site_config
from generator.problems import Problems

if TYPE_CHECKING:
    from builders import MiniProject


def check(root: Path) -> Result:
    return CliRunner().invoke(main, ["check", "--root", str(root)])


def test_merge_joins_mappings_and_replaces_other_values() -> None:
    base = {"theme": {"name": "material", "font": False}, "plugins": ["search"]}
    over = {"theme": {"font": True}, "plugins": ["blog"]}
    assert merge(base, over) == {"theme": {"name": "material", "font": True}, "plugins": ["blog"]}


def test_the_site_is_named_and_instant_navigation_needs_a_site_url() -> None:
    settings = engine_settings(SiteConfig(), "Talks <&>", "About", "g", "s", "t")
    assert settings["site_name"] == "Talks &lt;&amp;&gt;"  # the theme prints it as HTML
    assert "navigation.instant" not in settings["theme"]["features"]
    with_url = SiteConfig(url="https://example.org/", settings={"site_url": "https://example.org/"})
    assert (
        "navigation.instant"
        in engine_settings(with_url, "T", "D", "g", "s", "t")["theme"]["features"]
    )


def test_tagged_values_are_kept_for_the_engine(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_url: !ENV [SITE_URL, '']\n", encoding="utf-8")
    site = load_site_config(tmp_path, Problems())
    assert site.settings["site_url"] == Tagged("!ENV", ["SITE_URL", ""])


def test_a_site_name_other_than_the_title_is_refused(mini_project: MiniProject) -> None:
    root = mini_project({"mkdocs.yml": "# settings\nsite_name: Another name\n"})
    result = check(root)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "mkdocs.yml:2:1: site_name 'Another name' is not the briefing's"
    )


def test_a_syntax_error_in_mkdocs_yml_is_located(mini_project: MiniProject) -> None:
    root = mini_project({"mkdocs.yml": "theme:\n  name: material\n features: []\n"})
    result = check(root)
    assert result.exit_code == 1
    assert result.stderr.startswith("mkdocs.yml:3:2: YAML syntax error")


def test_check_fails_on_what_the_engine_refuses(mini_project: MiniProject) -> None:
    root = mini_project(
        {"mkdocs.yml": "markdown_extensions: [admonition]\n\ntheme:\n  name: nothere\n"}
    )
    result = check(root)
    assert result.exit_code == 1
    assert result.stderr.startswith("mkdocs.yml:3:1: site engine: theme: Unrecognised theme name")
