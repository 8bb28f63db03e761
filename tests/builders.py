"""Shared builders of the tests: fixture projects, edits of their files, digests of folders, and
records of the model made in memory.

The fixtures in conftest.py (and tests/slow/conftest.py) hand these out; tests that need more
control (property-based tests make many projects) call them directly.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from generator import defaults
from generator.load.inputs import YamlFile, schema_modeline
from generator.load.marked_yaml import parse_yaml
from generator.model import (
    DATED_AFTER_DAYS,
    Actor,
    Briefing,
    Issue,
    actor_order,
    issue_order,
    short_title,
)
from generator.model.articles import Article, Paragraph, article_order
from generator.model.evidence import Evidence
from generator.model.positions import HistoryEntry, Position
from generator.model.quotes import Found, find_quote
from generator.problems import Location, Problems

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
DEMO = FIXTURES / "demo"
"""A real-world project (eight articles, thirteen actors, nine issues): the inputs of the
Russia–Ukraine briefing this tool was first built for, kept here as they were, so that the
tool's tests do not depend on the project at the top of the repository."""

MINI = FIXTURES / "mini"
"""A small project's seeds/ and briefings/: three actors, one issue, one article."""

PROJECT_INPUTS = ("mkdocs.yml", "seeds", "briefings", "schemas", "templates", "pages", "overrides")
"""What a project copy holds: the inputs of a build, never its outputs (generated/, site/)."""


Edit = tuple[str, str] | str | bytes | Path | None
"""A change to one file of a project: (old, new) replaces the first `old` in its text; a str or
bytes is the whole new file (its folders are made); a Path makes it a symbolic link to that path;
None deletes it."""


PACKAGED = {
    "templates": defaults.TEMPLATES,
    "pages": defaults.PAGES,
    "overrides": defaults.OVERRIDES,
}
"""The project folders whose files override the tool's defaults of the same name."""


def override_default(root: Path, path: str) -> None:
    """Give the project its own copy of the tool's default file `path` (e.g.
    'templates/home.md.j2'), as a user does to change one, unless it has one already."""
    folder, _, name = path.partition("/")
    default = PACKAGED[folder] / name if folder in PACKAGED else None
    target = root / path
    if default is not None and default.is_file() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(default, target)


def apply_edit(target: Path, edit: Edit) -> None:
    """Change the file `target` as `edit` says (see Edit)."""
    if edit is None:
        target.unlink()
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(edit, Path):
        target.symlink_to(edit)
    elif isinstance(edit, bytes):
        target.write_bytes(edit)
    elif isinstance(edit, str):
        target.write_text(edit, encoding="utf-8")
    else:
        old, new = edit
        text = target.read_text(encoding="utf-8")
        assert old in text, f"edit does not apply to {target.name}: {old!r}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_project(destination: Path) -> Path:
    """Copy the demo project's inputs (PROJECT_INPUTS that exist) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_INPUTS:
        source = DEMO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def copy_mini_project(root: Path, edits: Mapping[str, Edit] | None = None) -> Path:
    """The mini project at `root` (which must not exist), with `edits` applied by path
    relative to `root`."""
    shutil.copytree(MINI, root)
    for path, edit in (edits or {}).items():
        override_default(root, path)
        apply_edit(root / path, edit)
    return root


class MiniProject(Protocol):
    def __call__(
        self, edits: Mapping[str, Edit] | None = None, root: Path | None = None
    ) -> Path: ...


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` by its path, with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@contextmanager
def temporary(mini_project: MiniProject) -> Iterator[Path]:
    """A fresh mini project, deleted afterwards: examples are many, and each needs its own."""
    with tempfile.TemporaryDirectory() as folder:
        yield mini_project(root=Path(folder) / "project")


# In-memory records of the model, for tests of one module: each builder fills in what a test
# does not care about, and the records are linked as the model links them (an evidence's
# paragraph and spans are where its quote is; a briefing's collections are in the model's order).


def make_article(article_id: str = "a", *paragraphs: str, **fields: Any) -> Article:
    """An article with these paragraphs (numbered from 1); `fields` set any other field, and
    `date` may be given as 'YYYY-MM-DD'."""
    if isinstance(fields.get("date"), str):
        fields["date"] = datetime.date.fromisoformat(fields["date"])
    article = Article(
        id=article_id,
        location=Location(f"seeds/{article_id}.md"),
        title=f"Article {article_id}",
        subtitle=None,
        section=None,
        date=None,
        date_note=None,
        author=None,
        outlet=None,
        url=None,
        licence=None,
        attribution=None,
        excerpt=False,
        paragraphs=tuple(
            Paragraph(number, "paragraph", text) for number, text in enumerate(paragraphs, 1)
        ),
    )
    return dataclasses.replace(article, **fields)


def make_evidence(article: Article, quote: str, speaker_id: str | None = None) -> Evidence:
    """A quote of `article`, placed where quote matching finds it (which it must)."""
    found = find_quote(quote, tuple(p.text for p in article.paragraphs))
    assert isinstance(found, Found), f"{quote!r} is not in article {article.id}"
    number = article.paragraphs[found.index].number
    where = Location("briefings/actors/x.yaml")
    return Evidence(where, article.id, quote, speaker_id, number, found.spans)


def make_position(
    actor_id: str,
    issue_id: str,
    *evidence: Evidence,
    stance: str = "supports",
    as_of: str = "2026-02-02",
    history: tuple[HistoryEntry, ...] = (),
    draft: bool = False,
    summary: str = "",
) -> Position:
    """A position of `actor_id` on `issue_id` resting on `evidence`."""
    return Position(
        location=Location(f"briefings/actors/{actor_id}.yaml"),
        actor_id=actor_id,
        issue_id=issue_id,
        stance=stance,
        summary=summary or f"{actor_id} on {issue_id}.",
        as_of=datetime.date.fromisoformat(as_of),
        evidence=evidence,
        history=history,
        draft=draft,
    )


def make_history(as_of: str, stance: str, note: str | None = None) -> HistoryEntry:
    return HistoryEntry(datetime.date.fromisoformat(as_of), stance, note)


def make_actor(actor_id: str, *positions: Position, **fields: Any) -> Actor:
    """A state named after its id (unless `fields` say otherwise) holding `positions`."""
    actor = Actor(
        id=actor_id,
        location=Location(f"briefings/actors/{actor_id}.yaml"),
        name=actor_id.replace("-", " ").title(),
        kind="state",
        role=None,
        speaks_for=None,
        aliases=(),
        positions=positions,
    )
    return dataclasses.replace(actor, **fields)


def make_issue(issue_id: str, *aliases: str, title: str = "") -> Issue:
    title = title or issue_id.replace("-", " ").capitalize()
    question = f"What of {title.lower()}?"
    where = Location(f"briefings/issues/{issue_id}.yaml")
    return Issue(issue_id, where, title, question, aliases, short_title(title))


def make_briefing(
    actors: Iterable[Actor] = (),
    issues: Iterable[Issue] = (),
    articles: Iterable[Article] = (),
    title: str = "Northland–Southland talks",
) -> Briefing:
    """A briefing of these records, ordered and indexed as build_model orders and indexes them."""
    issue_list = sorted(issues, key=issue_order)
    columns = {issue.id: order for order, issue in enumerate(issue_list)}
    actor_list = sorted(
        (
            dataclasses.replace(
                a, positions=tuple(sorted(a.positions, key=lambda p: columns[p.issue_id]))
            )
            for a in actors
        ),
        key=actor_order,
    )
    article_list = sorted(articles, key=article_order)
    return Briefing(
        title=title,
        description=f"Positions in the {title}.",
        dated_after_days=DATED_AFTER_DAYS,
        actors=tuple(actor_list),
        issues=tuple(issue_list),
        articles=tuple(article_list),
        actor_by_id=MappingProxyType({a.id: a for a in actor_list}),
        issue_by_id=MappingProxyType({i.id: i for i in issue_list}),
        article_by_id=MappingProxyType({a.id: a for a in article_list}),
    )


def make_yaml_file(path: str, text: str) -> YamlFile:
    """A YAML input as the loader reads it (values located), from text that must parse."""
    problems = Problems()
    data = parse_yaml(path, text, problems)
    assert not problems.items, problems.items
    return YamlFile(path, data, schema_modeline(path, text))


def write_files(root: Path, files: Mapping[str, Edit]) -> Path:
    """Make the files `files` names by path relative to `root` (see Edit); `root`."""
    for path, content in files.items():
        apply_edit(root / path, content)
    return root
