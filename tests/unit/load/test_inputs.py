"""Reading a project's inputs into raw records that remember where they came from."""

from __future__ import annotations

from pathlib import Path

from builders import write_files

from generator import defaults
from generator.load.inputs import (
    MAX_FILE_BYTES,
    Folders,
    load_articles,
    load_inputs,
    schema_modeline,
)
from generator.problems import Location, Problems

ARTICLE = "---\ntitle: Talks\n---\n# Talks\n\nThe delegations met in Geneva on Monday.\n"
ACTOR = "name: Northland\nkind: state\n"


def read_articles(root: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(stem, path, form) of each article of seeds/, and the problems, as text."""
    problems = Problems()
    found, _ = load_articles(Folders(root, problems, MAX_FILE_BYTES))
    return [(a.stem, a.path, a.form) for a in found], [str(p) for p in sorted(problems.items)]


def test_a_project_is_read_folder_by_folder_in_name_order(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "briefings/briefing.yaml": "title: T\ndescription: D\n",
            "briefings/actors/southland.yml": ACTOR,
            "briefings/actors/northland.yaml": ACTOR,
            "briefings/actors/notes.txt": "not an actor",
            "briefings/issues/ceasefire.yaml": "title: Ceasefire\n",
            "seeds/talks.md": ARTICLE,
        },
    )
    problems = Problems()
    raw = load_inputs(root, problems)
    assert problems.items == []
    assert raw.briefing is not None and raw.briefing.data == {"title": "T", "description": "D"}
    assert [a.path for a in raw.actors] == [
        "briefings/actors/northland.yaml",
        "briefings/actors/southland.yml",
    ]
    assert [i.path for i in raw.issues] == ["briefings/issues/ceasefire.yaml"]
    assert [a.stem for a in raw.articles] == ["talks"]


def test_an_empty_folder_is_an_empty_project_with_the_tools_templates(tmp_path: Path) -> None:
    problems = Problems()
    raw = load_inputs(tmp_path, problems)
    assert (raw.briefing, raw.actors, raw.issues, raw.articles) == (None, (), (), ())
    assert problems.items == []
    assert set(raw.templates) == {p.name for p in defaults.TEMPLATES.glob("*.j2")}


def test_a_projects_templates_and_pages_replace_the_tools_file_by_file(tmp_path: Path) -> None:
    image = bytes(range(256))
    root = write_files(
        tmp_path,
        {
            "templates/home.md.j2": "# Mine\n",
            "pages/notes.md": "# Notes\n",
            "pages/assets/logo.png": image,
            "pages/.hidden.md": "# Not read\n",
        },
    )
    raw = load_inputs(root, Problems())
    assert raw.templates["home.md.j2"] == "# Mine\n"
    assert raw.templates["actor.md.j2"] == (defaults.TEMPLATES / "actor.md.j2").read_text()
    assert (raw.pages["notes.md"], raw.pages["assets/logo.png"]) == ("# Notes\n", image)
    assert ".hidden.md" not in raw.pages
    assert isinstance(raw.pages["full-text-search.md"], str), "the tool's page, as text"


def test_a_yaml_syntax_error_leaves_the_file_without_data_and_is_located(tmp_path: Path) -> None:
    root = write_files(tmp_path, {"briefings/actors/northland.yaml": "name: [Northland\n"})
    problems = Problems()
    [actor] = load_inputs(root, problems).actors
    assert actor.data is None
    assert [p.location.path for p in problems.errors] == ["briefings/actors/northland.yaml"]


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    root = write_files(tmp_path, {"seeds/big.txt": "word " * 100, "seeds/small.txt": "A word."})
    problems = Problems()
    raw = load_inputs(root, problems, max_bytes=100)
    assert [a.stem for a in raw.articles] == ["small"]
    [refused] = problems.errors
    assert refused.location == Location("seeds/big.txt")
    assert refused.message.startswith("file too big: 500 bytes, the limit is 100")


def test_an_article_is_read_by_its_form_with_its_metadata(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "seeds/a.md": ARTICLE,
            "seeds/b.txt": "Scraped text of the article.\n",
            "seeds/b.meta.yaml": "title: B\n",
            "seeds/c.TXT": "Upper-case suffix.\n",
        },
    )
    problems = Problems()
    found, _ = load_articles(Folders(root, problems, MAX_FILE_BYTES))
    articles = {a.stem: a for a in found}
    assert problems.items == []
    assert {stem: a.form for stem, a in articles.items()} == {
        "a": "markdown",
        "b": "text",
        "c": "text",
    }
    markdown, text = articles["a"], articles["b"]
    assert markdown.metadata is not None and markdown.metadata.data == {"title": "Talks"}
    assert markdown.metadata.data.location.line == 2, "front matter starts on the second line"
    assert markdown.extracted.title == "Talks"
    assert text.metadata is not None and text.metadata.path == "seeds/b.meta.yaml"
    assert articles["c"].metadata is None


def test_what_seeds_holds_besides_articles_is_reported(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "seeds/talks.md": ARTICLE,
            "seeds/talks.meta.yaml": "title: X\n",
            "seeds/orphan.meta.yaml": "title: Y\n",
            "seeds/scan.pdf": b"%PDF-1.7",
            "seeds/old/a.txt": "In a folder.",
            "seeds/.DS_Store": b"\x00",
            "seeds/.hidden/a.txt": "In a hidden folder.",
            "seeds/.draft.txt": "A hidden article.",
        },
    )
    articles, problems = read_articles(root)
    assert articles == [
        (".draft", "seeds/.draft.txt", "text"),
        ("talks", "seeds/talks.md", "markdown"),
    ]
    assert [p.split("\n")[0] for p in problems] == [
        "seeds/old:1:1: warning: a folder in seeds/ is not read",
        "seeds/orphan.meta.yaml:1:1: metadata for no article",
        "seeds/scan.pdf:1:1: unknown article format '.pdf'",
        "seeds/talks.meta.yaml:1:1: metadata beside a Markdown article is not read",
    ]


def test_no_seeds_folder_no_articles(tmp_path: Path) -> None:
    assert read_articles(tmp_path) == ([], [])


def test_a_schema_comment_is_found_where_it_is_written() -> None:
    text = "name: X\n  # yaml-language-server: $schema=../../schemas/actor.schema.json\n"
    assert schema_modeline("a.yaml", text) == (
        Location("a.yaml", 2, 35),
        "../../schemas/actor.schema.json",
    )
    assert schema_modeline("a.md", "# yaml-language-server: $schema=x.json\n", first_line=2) == (
        Location("a.md", 2, 33),
        "x.json",
    )
    assert schema_modeline("a.yaml", "# schema=actor.schema.json\n") is None
