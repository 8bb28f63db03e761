"""Read what the generated files need from mkdocs.yml: the site's name, address and URL style."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.load.schema import is_web_address
from generator.problems import Location, Problems

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The settings of mkdocs.yml that the feed and its links depend on."""

    name: str | None = None
    url: str | None = None
    """`site_url`, ending with '/', or None when it is not set."""
    author: str | None = None
    directory_urls: bool = True


class TolerantLoader(yaml.SafeLoader):
    """A safe loader reading tagged values (`!ENV`, `!!python/name:`) as null; it runs nothing."""


def ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    """Read a tagged value as null."""
    return None


TolerantLoader.add_multi_constructor("!", ignore_tag)
TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", ignore_tag)


def load_site_config(root: Path, problems: Problems) -> SiteConfig:
    """The settings from `root/mkdocs.yml`; defaults when it is missing (e.g. `briefing check`)."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return SiteConfig()
    try:
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problems.error(Location(CONFIG_FILE), f"cannot read the site configuration: {error}")
        return SiteConfig()
    if not isinstance(data, dict):
        return SiteConfig()
    return SiteConfig(
        name=text_or_none(data.get("site_name")),
        url=site_url(data.get("site_url"), problems),
        author=text_or_none(data.get("site_author")),
        directory_urls=data.get("use_directory_urls") is not False,
    )


def text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def site_url(value: Any, problems: Problems) -> str | None:
    """`site_url` as an absolute http(s) address ending with '/', or None when unset."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not is_web_address(value):
        hint = "write the address the site is published at, e.g. https://example.org/briefing/"
        problems.error(Location(CONFIG_FILE), f"site_url '{value}' is not an http(s) address", hint)
        return None
    return value if value.endswith("/") else value + "/"
