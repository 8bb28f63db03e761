"""What a project's mkdocs.yml may not do: run code, read files outside the project, or set what
the tool sets.

The site engine reads the configuration the build writes from this file with a loader that runs
what a tag names, imports the Markdown extensions and plugins it names and runs its `hooks:`; a
project may be a pull request's, built by CI. So:

- a tag is kept only if it is MkDocs' own (`!ENV`, `!relative`), or `!!python/name:` of a
  function or class of the installed theme's and extensions' packages (TRUSTED_PACKAGES), such
  as `!!python/name:material.extensions.emoji.twemoji`; `!!python/object…`, `!!python/module…`
  and the rest would run or import code as the file is read;
- `hooks:` (the project's Python, run by MkDocs) is refused: the tool runs no code of a project;
- an option of a Markdown extension or plugin that names a file or folder (its name holds
  'path', 'dir', 'file', 'base', …) must lie inside the project; one that fetches from the
  network at build time (snippets' `url_download`), or lifts a restriction to a base path, is
  refused: pymdownx.snippets could otherwise publish /etc/passwd;
- the settings the tool sets itself (`docs_dir`, `site_dir`, `site_description`, `INHERIT`) are
  refused rather than dropped in silence.

The engine itself runs with the project off Python's path (`python -P`): an extension or plugin
is an installed package, never a file of the project.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.load.files import is_inside
from generator.load.marked_yaml import short_tag
from generator.problems import Location, Problems

CONFIG_FILE = "mkdocs.yml"
TRUSTED_PACKAGES = ("material", "pymdownx")
"""The packages whose functions and classes `!!python/name:` may name."""
ENGINE_TAGS = frozenset(("!ENV", "!relative"))
PYTHON_TAG = "tag:yaml.org,2002:python/"
NAME_TAG = PYTHON_TAG + "name:"
CODE_HINT = (
    "the tool runs no code a project names: remove the tag, or name a function of Material or "
    "PyMdown Extensions, e.g. !!python/name:material.extensions.emoji.twemoji"
)
TOOL_SETTINGS = {
    "INHERIT": (
        "INHERIT is not read: mkdocs.yml is merged over the tool's own base configuration",
        "copy the settings you need from the parent file into mkdocs.yml, and remove INHERIT",
    ),
    "docs_dir": (
        "docs_dir is set by the tool: the pages are generated into generated/",
        "remove it; hand-written pages go in pages/",
    ),
    "site_dir": (
        "site_dir is set by the tool: the site is built into site/",
        "remove it; publish site/ from there",
    ),
    "site_description": (
        "site_description is set by the tool, from the briefing's description",
        "remove it, and write the description in briefings/briefing.yaml",
    ),
    "hooks": (
        "hooks are the project's Python code, and the tool runs no code of a project",
        "remove hooks; what a hook would change belongs in templates/, pages/ or overrides/",
    ),
}
PATH_OPTION = re.compile(r"path|dir|file|base|root|append|prepend|include", re.IGNORECASE)
"""Option names that say their value is a file or folder to read."""
FETCH_OPTION = re.compile(r"download|fetch", re.IGNORECASE)
RESTRICT_OPTION = re.compile(r"restrict", re.IGNORECASE)
OUTSIDE_HINT = "name a file or folder inside the project, relative to it, e.g. pages/snippets"
FETCH_HINT = "remove it: a build reads only the project's files; put what it fetched in pages/"
RESTRICT_HINT = "remove it: files are read from the base path only, which lies in the project"
ENV_PATH_HINT = "write the path out: one read from the environment cannot be checked"


def at(mark: Any) -> Location:
    """The place in mkdocs.yml of a YAML mark."""
    return Location(CONFIG_FILE, mark.line + 1, mark.column + 1)


def refused_tag(tag: str) -> tuple[str, str] | None:
    """Why a tag may not be kept (a message and a hint), or None when it runs no project code."""
    if tag in ENGINE_TAGS:
        return None
    shown = short_tag(tag)
    if tag.startswith(NAME_TAG):
        if names_trusted_code(tag.removeprefix(NAME_TAG)):
            return None
        trusted = " or ".join(TRUSTED_PACKAGES)
        return f"'{shown}' names no function or class of {trusted}", CODE_HINT
    if tag.startswith(PYTHON_TAG):
        return f"'{shown}' would run code when the file is read", CODE_HINT
    hint = "MkDocs reads '!ENV' and '!relative'; put a text that starts with '!' in quotes"
    return f"unknown YAML tag '{shown}'", hint


def names_trusted_code(name: str) -> bool:
    """Whether `name` is a function or class defined in an installed trusted package."""
    parts = name.split(".")
    if len(parts) < 2 or parts[0] not in TRUSTED_PACKAGES:
        return False
    if not all(part.isidentifier() and not part.startswith("_") for part in parts):
        return False
    if not is_installed(parts[0]):
        return False
    try:
        module = importlib.import_module(".".join(parts[:-1]))
    except Exception:  # a module that fails to import names nothing usable
        return False
    value = getattr(module, parts[-1], None)
    defined = str(getattr(value, "__module__", None) or "").split(".")[0]
    return (inspect.isfunction(value) or inspect.isclass(value)) and defined in TRUSTED_PACKAGES


def is_installed(package: str) -> bool:
    """Whether a top-level package is found among the installed ones (not in a project folder
    that happens to be on Python's path); found without importing it."""
    spec = importlib.util.find_spec(package)
    origin = spec.origin if spec is not None else None
    if origin is None:
        return False
    folders = {sysconfig.get_paths()[kind] for kind in ("purelib", "platlib")}
    return any(Path(origin).resolve().is_relative_to(Path(f).resolve()) for f in folders)


def check_settings(root: Path, node: yaml.MappingNode, problems: Problems) -> None:
    """Report each setting of mkdocs.yml that the tool refuses (see the module docstring)."""
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name in TOOL_SETTINGS:
            problems.error(at(key.start_mark), *TOOL_SETTINGS[name])
        elif name in ("markdown_extensions", "plugins"):
            for option, given in options(value):
                check_option(root, option, given, problems)


def options(node: yaml.Node) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    """Each option of each entry of a list (or mapping) of extensions or plugins: its name
    and its value."""
    entries = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for entry in entries:
        if not isinstance(entry, yaml.MappingNode):
            continue
        for _, settings in entry.value:
            if isinstance(settings, yaml.MappingNode):
                for option, given in settings.value:
                    if isinstance(option, yaml.ScalarNode):
                        yield option, given


def check_option(root: Path, option: yaml.ScalarNode, node: yaml.Node, problems: Problems) -> None:
    """Report an option that names a file outside the project, fetches, or lifts a restriction."""
    name, where = str(option.value), at(node.start_mark)
    value = str(node.value).lower() if isinstance(node, yaml.ScalarNode) else "true"
    if FETCH_OPTION.search(name) and value not in OFF | {"", "null", "~"}:
        problems.error(where, f"{name} fetches files while the site builds", FETCH_HINT)
    elif RESTRICT_OPTION.search(name) and value in OFF:
        problems.error(where, f"{name}: {node.value} lets files be read anywhere", RESTRICT_HINT)
    elif PATH_OPTION.search(name) and node.tag == "!ENV":
        problems.error(where, f"{name} is read from the environment", ENV_PATH_HINT)
    elif PATH_OPTION.search(name):
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for item in items:
            check_path(root, name, item, problems)


OFF = frozenset(("false", "no", "off", "0"))


def check_path(root: Path, name: str, node: yaml.Node, problems: Problems) -> None:
    """Report a file or folder named by option `name` that lies outside the project."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == "!ENV":
        return
    path = relative_tag_path(str(node.value)) if node.tag == "!relative" else str(node.value)
    if path and not is_inside(root, root / path):
        where = at(node.start_mark)
        problems.error(where, f"{name} '{path}' is outside the project", OUTSIDE_HINT)


def relative_tag_path(value: str) -> str:
    """The folder `!relative` stands for, as a path relative to the project."""
    prefix, _, suffix = value.partition("/")
    if prefix == "$config_dir":
        return suffix or "."
    if prefix == "$docs_dir":
        return f"generated/{suffix}"
    return "."  # the folder of the page being rendered, inside the docs folder
