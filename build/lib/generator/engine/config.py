"""The configuration the site engine builds from, and the theme folder it names.

The tool's base configuration (generator/defaults/mkdocs.yml) comes first; the project's
mkdocs.yml is merged over it key by key (mappings merged, any other value replaced, as MkDocs
merges an `INHERIT`ed file); then the build sets what it owns: the site's name and description
from briefings/briefing.yaml, the folders to read and write, and the theme folder. Without a
`site_url`, instant navigation is turned off: Material loads pages through the sitemap, which
is empty without one, so every click would be a full reload anyway.

The theme folder (`custom_dir`) holds the tool's theme overrides with the project's own over
them, file by file: those in `overrides/`, or in the folder its mkdocs.yml names as
`theme.custom_dir`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator import defaults
from generator.load.siteconfig import SiteConfig, Tagged

INSTANT = "navigation.instant"
PROJECT_OVERRIDES = "overrides"


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` merged into `base`: mappings key by key, any other value replaced."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def engine_settings(
    site: SiteConfig, title: str, description: str, docs_dir: str, site_dir: str, theme_dir: str
) -> dict[str, Any]:
    """The whole configuration of one build; the paths are relative to the project."""
    base = yaml.safe_load(defaults.BASE_CONFIG.read_text(encoding="utf-8"))
    settings = merge(base, site.settings)
    settings.pop("INHERIT", None)  # merged here: a parent of its own is not supported
    # The theme prints both as they are, as HTML: they come from the briefing, untrusted text.
    settings.update(site_name=html.escape(title), site_description=html.escape(description))
    settings.update(docs_dir=docs_dir, site_dir=site_dir)
    theme = dict(settings.get("theme") or {})
    theme["custom_dir"] = theme_dir
    if site.url is None:
        theme["features"] = [f for f in theme.get("features", ()) if f != INSTANT]
    settings["theme"] = theme
    return settings


class ConfigDumper(yaml.SafeDumper):
    """Writes Tagged values back with their tags."""


def represent_tagged(dumper: yaml.SafeDumper, tagged: Tagged) -> yaml.Node:
    if isinstance(tagged.value, Mapping):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, str(tagged.value))


ConfigDumper.add_representer(Tagged, represent_tagged)


def config_text(settings: Mapping[str, Any]) -> str:
    """The configuration as the YAML file the engine reads."""
    header = "# Written by `briefing build` for the site engine; edit mkdocs.yml instead.\n"
    body = yaml.dump(dict(settings), Dumper=ConfigDumper, sort_keys=False, allow_unicode=True)
    return header + body


def project_overrides(root: Path, site: SiteConfig) -> Path:
    """The project's theme overrides: the folder its mkdocs.yml names, else overrides/."""
    theme = site.settings.get("theme")
    named = theme.get("custom_dir") if isinstance(theme, Mapping) else None
    return root / (named if isinstance(named, str) else PROJECT_OVERRIDES)


def theme_files(root: Path, site: SiteConfig) -> dict[str, bytes]:
    """The theme folder's files: the tool's overrides, the project's over them."""
    files = tree_bytes(defaults.OVERRIDES)
    files.update(tree_bytes(project_overrides(root, site)))
    return files


def tree_bytes(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
