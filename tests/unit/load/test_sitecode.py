"""What mkdocs.yml may not do: run code (a tag, hooks, an alias bomb), name a file outside the
project for an extension to read, fetch at build time, or set what the tool sets. Each is a
located problem with a hint, all of them in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import write_files

from generator.load.siteconfig import load_site_config
from generator.problems import Problems


def problems_of(root: Path, text: str) -> list[str]:
    """The problems (message lines, hint lines) of a mkdocs.yml holding `text`."""
    write_files(root, {"mkdocs.yml": text})
    problems = Problems()
    load_site_config(root, problems)
    return [str(problem) for problem in problems.items]


def messages(root: Path, text: str) -> list[str]:
    return [problem.split("\n")[0] for problem in problems_of(root, text)]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('!!python/object/apply:os.system ["true"]', "'!!python/object/apply:os.system' would run"),
        ("!!python/object/new:os.system [x]", "'!!python/object/new:os.system' would run"),
        ("!!python/object:os.Foo {}", "'!!python/object:os.Foo' would run code"),
        ("!!python/module:os", "'!!python/module:os' would run code"),
        ("!!python/name:os.system", "'!!python/name:os.system' names no function or class"),
        ("!!python/name:material.extensions.emoji.os", "names no function or class"),
        ("!!python/name:material.nothere.x", "names no function or class"),
        ("!!python/name:pymdownx._version.x", "names no function or class"),
        ("!custom x", "unknown YAML tag '!custom'"),
    ],
)
def test_a_tag_that_could_run_code_is_refused_where_it_stands(
    tmp_path: Path, value: str, message: str
) -> None:
    found = problems_of(tmp_path, f"site_name: T\nextra:\n  x: {value}\n")
    assert len(found) == 1 and found[0].startswith("mkdocs.yml:3:6: "), found
    assert message in found[0]
    assert "\n  hint: the tool runs no code a project names" in found[0] or "!ENV" in found[0]


@pytest.mark.parametrize(
    "value",
    [
        "!ENV [SITE_URL, '']",
        "!relative $config_dir/pages",
        "!!python/name:material.extensions.emoji.twemoji",
        "!!python/name:material.extensions.emoji.to_svg",
        "!!python/name:pymdownx.superfences.fence_code_format",
        "!!str 12",
    ],
)
def test_the_engines_own_tags_and_names_of_material_and_pymdownx_are_kept(
    tmp_path: Path, value: str
) -> None:
    assert messages(tmp_path, f"extra:\n  x: {value}\n") == []


def test_every_refused_tag_and_alias_is_reported_in_one_run(tmp_path: Path) -> None:
    text = "a: !!python/module:os\nb: &x [1]\nc: *x\nd:\n  - *x\n  - !!python/name:os.getcwd\n"
    assert sorted(messages(tmp_path, text)) == [
        "mkdocs.yml:1:4: '!!python/module:os' would run code when the file is read",
        "mkdocs.yml:3:4: YAML aliases are not allowed in mkdocs.yml",
        "mkdocs.yml:5:5: YAML aliases are not allowed in mkdocs.yml",
        "mkdocs.yml:6:5: '!!python/name:os.getcwd' names no function or class of material or "
        "pymdownx",
    ]


def test_an_alias_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    lines = ["extra:", "  l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    found = messages(tmp_path, "\n".join(lines) + "\n")
    assert len(found) == 81
    assert set(m.split(": ", 1)[1] for m in found) == {"YAML aliases are not allowed in mkdocs.yml"}


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("hooks: [hook.py]", "hooks are the project's Python code, and the tool runs no code"),
        ("INHERIT: /etc/passwd", "INHERIT is not read: mkdocs.yml is merged over the tool's"),
        ("docs_dir: /etc", "docs_dir is set by the tool: the pages are generated into"),
        ("site_dir: /tmp/elsewhere", "site_dir is set by the tool: the site is built into"),
        ("site_description: Another", "site_description is set by the tool, from the"),
    ],
)
def test_hooks_and_the_settings_the_tool_sets_are_refused_not_dropped(
    tmp_path: Path, key: str, message: str
) -> None:
    found = problems_of(tmp_path, f"site_name: T\n{key}\n")
    assert len(found) == 1 and found[0].startswith(f"mkdocs.yml:2:1: {message}")
    assert "\n  hint: " in found[0]


SNIPPETS = "markdown_extensions:\n  - admonition\n  - pymdownx.snippets:\n"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("base_path: [/etc]", "mkdocs.yml:4:19: base_path '/etc' is outside the project"),
        ("base_path: ../..", "mkdocs.yml:4:18: base_path '../..' is outside the project"),
        ("auto_append: [/etc/passwd]", "mkdocs.yml:4:21: auto_append '/etc/passwd' is outside"),
        ("base_path: !relative $config_dir/..", "base_path '..' is outside the project"),
        ("base_path: !ENV HOME", "mkdocs.yml:4:18: base_path is read from the environment"),
        ("url_download: true", "mkdocs.yml:4:21: url_download fetches files while the site"),
        ("restrict_base_path: false", "restrict_base_path: false lets files be read anywhere"),
    ],
)
def test_an_extension_may_read_only_the_projects_files(
    tmp_path: Path, options: str, message: str
) -> None:
    root = tmp_path / "project"
    found = problems_of(root, f"{SNIPPETS}      {options}\n")
    assert len(found) == 1 and message in found[0], found
    assert "\n  hint: " in found[0]


def test_paths_inside_the_project_are_taken_in_a_list_or_mapping_of_extensions(
    tmp_path: Path,
) -> None:
    options = "base_path: [pages, ., !relative '']\n      url_download: false\n"
    assert messages(tmp_path, f"{SNIPPETS}      {options}") == []
    mapping = "markdown_extensions:\n  pymdownx.snippets:\n    base_path: /etc\n"
    assert messages(tmp_path, mapping) == [
        "mkdocs.yml:3:16: base_path '/etc' is outside the project"
    ]


def test_a_plugins_folder_outside_the_project_is_refused_too(tmp_path: Path) -> None:
    text = "plugins:\n  - search\n  - material/blog:\n      blog_dir: /var/blog\n"
    assert messages(tmp_path, text) == [
        "mkdocs.yml:4:17: blog_dir '/var/blog' is outside the project"
    ]
