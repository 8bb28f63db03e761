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
import io
import logging
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import yaml

from generator import defaults
from generator.engine.workspace import BUILD_CONFIG
from generator.load.files import MAX_FILE_BYTES, is_inside, list_inputs, read_bytes
from generator.load.inputs import tree_files
from generator.load.siteconfig import SiteConfig, Tagged
from generator.problems import Problems

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


def theme_files(
    root: Path, site: SiteConfig, problems: Problems, max_bytes: int = MAX_FILE_BYTES
) -> dict[str, bytes]:
    """The theme folder's files: the tool's overrides, the project's over them, read as every
    input is (a folder of them outside the project is one of the `problems`)."""
    files = {name: path.read_bytes() for name, path in tree_files(defaults.OVERRIDES)}
    folder = project_overrides(root, site)
    if not is_inside(root, folder):
        hint = f"keep the theme's overrides in a folder of the project, e.g. {PROJECT_OVERRIDES}/"
        problems.error(site.location("theme"), "theme.custom_dir is outside the project", hint)
        return files
    for name in list_inputs(root, folder, problems).files:
        data = read_bytes(root, folder / name, problems, max_bytes)
        if data is not None:
            files[name] = data
    return files


def check_engine_config(
    root: Path, site: SiteConfig, title: str, description: str, problems: Problems
) -> None:
    """Report what MkDocs would refuse in the configuration of a build (a theme, plugin or
    Markdown extension that is not installed, a value of the wrong kind), at the setting of
    mkdocs.yml it comes from; nothing is written to the project."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    files = theme_files(root, site, problems)
    with tempfile.TemporaryDirectory(prefix="briefing-check-") as folder:
        theme = Path(folder) / "theme"
        for name, data in files.items():
            (theme / name).parent.mkdir(parents=True, exist_ok=True)
            (theme / name).write_bytes(data)
        docs, built = str(defaults.PAGES), str(Path(folder) / "site")
        stream = io.StringIO(
            config_text(engine_settings(site, title, description, docs, built, str(theme)))
        )
        stream.name = str(root / BUILD_CONFIG)  # relative paths mean what they mean there
        # Its messages say why it refuses: they are logged, and collected here.
        with logged("mkdocs") as records, suppress(Abort, ConfigurationError):
            load_config(config_file=stream)
    for record in records:
        report_config_message(record.getMessage(), site, problems)


CONFIG_VALUE = re.compile(r"Config value '([^'.]+)[^']*': ")
ENGINE_HINT = "check this setting of mkdocs.yml, and that what it names is installed"


def report_config_message(message: str, site: SiteConfig, problems: Problems) -> None:
    """One warning or error of MkDocs' configuration check, located at its setting."""
    found = CONFIG_VALUE.match(message)
    key = found[1] if found else ""
    text = message[found.end() :] if found else message
    first = text.strip().splitlines()[0] if text.strip() else message
    problems.error(
        site.location(key), f"site engine: {key + ': ' if key else ''}{first}", ENGINE_HINT
    )


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def logged(name: str) -> Iterator[list[logging.LogRecord]]:
    """The warnings and errors logged under `name` while the block runs, kept from the screen."""
    logger, handler = logging.getLogger(name), Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
