"""`briefing new`: skeletons of an actor, an issue or a position, valid as written.

Each refuses an id that is taken or not valid, and names what it writes. A new position is
checked before it is written: its issue, article, speaker and quotes must exist, as the build
would check them; it is added to the actor's file as a draft, after the positions already
there, leaving the rest of the file as it was.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.load.files import read_text
from generator.load.schema import is_id, is_reserved, is_too_long, reserved_reason, too_long_reason
from generator.model import ACTOR_KINDS, STANCE_BY_ID, Briefing
from generator.model.quotes import Found, find_quote
from generator.problems import BriefingError, Location, Problem, Problems, did_you_mean, whole
from generator.project.write import replace_file, write_new_files

ACTORS, ISSUES = Path("briefings") / "actors", Path("briefings") / "issues"
OPTIONS = Location("<options>")


def check_new_id(root: Path, folder: Path, kind: str, new_id: str, problems: Problems) -> None:
    """A new actor's or issue's id must be valid and not yet used by a file of its folder."""
    if is_reserved(new_id):
        problems.error(OPTIONS, reserved_reason(new_id), "choose another id")
    elif is_too_long(new_id):
        problems.error(OPTIONS, too_long_reason(new_id), "choose a shorter id")
    elif not is_id(new_id):
        hint = "ids are lowercase words joined by hyphens, e.g. 'united-states'"
        problems.error(OPTIONS, f"'{new_id}' is not a valid id", hint)
    for suffix in (".yaml", ".yml"):
        path = folder / f"{new_id}{suffix}"
        if (root / path).exists():
            hint = f"edit {path.as_posix()}, or choose another id"
            problems.error(OPTIONS, f"{kind} '{new_id}' exists", hint)
        elif os.path.lexists(root / path):  # a link that leads nowhere: not written through
            hint = "delete the link (or restore the file it leads to), or choose another id"
            message = f"a link to '{os.readlink(root / path)}', which does not exist"
            problems.error(whole(path.as_posix()), message, hint)


def new_actor(root: Path, actor_id: str, name: str, kind: str, speaks_for: str | None) -> Path:
    """Write briefings/actors/<id>.yaml; its path relative to the root."""
    problems = Problems()
    check_new_id(root, ACTORS, "actor", actor_id, problems)
    if speaks_for is not None and kind != "person":
        problems.error(OPTIONS, "--speaks-for is for persons", "add --kind person, or leave it out")
    problems.raise_if_errors()
    lines = [
        "# yaml-language-server: $schema=../../schemas/actor.schema.json",
        yaml_line("name", name) + " # the name readers see",
        f"kind: {kind} # {' | '.join(ACTOR_KINDS)}",
    ]
    if kind == "person":
        lines += ["# role: the person's office, e.g. Foreign Minister"]
        lines += [f"speaks_for: {speaks_for}" if speaks_for else "# speaks_for: the actor's id"]
    lines += [
        "aliases: [] # other names articles use for it: they find its mentions",
        f"positions: {{}} # add one with: briefing new position {actor_id} ISSUE …",
    ]
    return write_new(root, ACTORS / f"{actor_id}.yaml", lines)


def new_issue(root: Path, issue_id: str, title: str, question: str) -> Path:
    """Write briefings/issues/<id>.yaml; its path relative to the root."""
    problems = Problems()
    check_new_id(root, ISSUES, "issue", issue_id, problems)
    problems.raise_if_errors()
    lines = [
        "# yaml-language-server: $schema=../../schemas/issue.schema.json",
        yaml_line("title", title) + " # a short name, shown in the stance matrix",
        yaml_line("question", question),
        "aliases: [] # words that mark an article as about this issue",
    ]
    return write_new(root, ISSUES / f"{issue_id}.yaml", lines)


def write_new(root: Path, path: Path, lines: list[str]) -> Path:
    """Write the new file (never over one made meanwhile); its path."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    write_new_files(root, {path.as_posix(): data}, "nothing was written")
    return path


def yaml_line(key: str, value: str) -> str:
    """`key: value`, quoted as YAML needs it."""
    return yaml.safe_dump({key: value}, allow_unicode=True, width=1000).rstrip("\n")


@dataclass(frozen=True, slots=True)
class NewPosition:
    """What `briefing new position` was asked to write."""

    actor_id: str
    issue_id: str
    stance: str
    summary: str
    article_id: str
    quotes: tuple[str, ...]
    speaker_id: str | None
    as_of: datetime.date | None


def new_position(root: Path, briefing: Briefing, new: NewPosition) -> Path:
    """Add the position to its actor's file, checked against `briefing`; its path."""
    problems = Problems()
    actor_file = find_actor_file(root, new.actor_id, briefing, problems)
    check_position(briefing, new, problems)
    problems.raise_if_errors()
    assert actor_file is not None
    as_of = new.as_of or briefing.article_by_id[new.article_id].date or datetime.date.today()
    shown = actor_file.as_posix()
    text = read_text(root, root / actor_file, problems)
    problems.raise_if_errors()
    assert text is not None
    updated = with_position(text, shown, new.issue_id, position_mapping(new, as_of))
    replace_file(root, root / actor_file, updated.encode("utf-8"))
    return actor_file


def find_actor_file(
    root: Path, actor_id: str, briefing: Briefing, problems: Problems
) -> Path | None:
    for suffix in (".yaml", ".yml"):
        if (root / ACTORS / f"{actor_id}{suffix}").is_file():
            return ACTORS / f"{actor_id}{suffix}"
    hint = did_you_mean(actor_id, briefing.actor_by_id)
    problems.error(OPTIONS, f"unknown actor '{actor_id}'", hint)
    return None


def check_position(briefing: Briefing, new: NewPosition, problems: Problems) -> None:
    """What the build would refuse in the new position, reported before anything is written."""
    actor = briefing.actor_by_id.get(new.actor_id)
    if new.issue_id not in briefing.issue_by_id:
        problems.error(
            OPTIONS,
            f"unknown issue '{new.issue_id}'",
            did_you_mean(new.issue_id, briefing.issue_by_id),
        )
    if actor is not None and any(p.issue_id == new.issue_id for p in actor.positions):
        hint = f"edit it in the actor's file, under positions: {new.issue_id}:"
        problems.error(OPTIONS, f"{actor.name} already has a position on '{new.issue_id}'", hint)
    if new.stance not in STANCE_BY_ID:
        problems.error(
            OPTIONS, f"unknown stance '{new.stance}'", did_you_mean(new.stance, STANCE_BY_ID)
        )
    speaker = briefing.actor_by_id.get(new.speaker_id or "")
    if new.speaker_id is not None and (speaker is None or speaker.kind != "person"):
        hint = did_you_mean(new.speaker_id, [a.id for a in briefing.actors if a.kind == "person"])
        problems.error(OPTIONS, f"speaker '{new.speaker_id}' is not a person actor", hint)
    check_quotes(briefing, new.article_id, new.quotes, problems)


def check_quotes(
    briefing: Briefing, article_id: str, quotes: Sequence[str], problems: Problems
) -> None:
    article = briefing.article_by_id.get(article_id)
    if article is None:
        problems.error(
            OPTIONS,
            f"unknown article '{article_id}'",
            did_you_mean(article_id, briefing.article_by_id),
        )
        return
    paragraphs = tuple(p.text for p in article.paragraphs)
    for quote in quotes:
        if not isinstance(find_quote(quote, paragraphs), Found):
            hint = "copy the words exactly as the article has them (see its page, or its file)"
            problems.error(OPTIONS, f"quote not found in article '{article_id}': “{quote}”", hint)


def position_mapping(new: NewPosition, as_of: datetime.date) -> dict[str, Any]:
    evidence = [
        {
            "article": new.article_id,
            "quote": quote,
            **({"speaker": new.speaker_id} if new.speaker_id else {}),
        }
        for quote in new.quotes
    ]
    return {
        "stance": new.stance,
        "summary": new.summary,
        "as_of": as_of,
        "draft": True,
        "evidence": evidence,
    }


class BlockDumper(yaml.SafeDumper):
    """Indents lists under their key, as the briefings are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def with_position(text: str, shown: str, issue_id: str, position: dict[str, Any]) -> str:
    """The text of actor file `shown` with the position added after the positions it has."""
    entry = yaml.dump(
        {issue_id: position}, Dumper=BlockDumper, sort_keys=False, allow_unicode=True, width=88
    )
    document = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(document, yaml.MappingNode)  # the file passed its shape check
    found = [value for key, value in document.value if key.value == "positions"]
    text = text if text.endswith("\n") else text + "\n"
    if not found:
        return text + "positions:\n" + indented(entry, "  ")
    positions = found[0]
    assert isinstance(positions, yaml.MappingNode)
    if not positions.flow_style:
        indent = " " * positions.value[0][0].start_mark.column
        return insert_after_line(text, positions.value[-1][1].end_mark.index - 1, entry, indent)
    if positions.value:
        hint = "write the positions one per line (a block mapping), then run the command again"
        where = Location(shown, positions.start_mark.line + 1, positions.start_mark.column + 1)
        problems = (Problem(where, "positions are written on one line", hint),)
        raise BriefingError(problems)
    start = positions.start_mark.index  # '{}' and the rest of its line (a comment) go
    line_end = text.find("\n", start)
    return insert_after_line(text[:start].rstrip(" ") + text[line_end:], start - 1, entry, "  ")


def insert_after_line(text: str, index: int, entry: str, indent: str) -> str:
    """`text` with `entry`, indented, inserted after the line holding character `index`."""
    line_end = text.find("\n", index) + 1
    return text[:line_end] + indented(entry, indent) + text[line_end:]


def indented(text: str, indent: str) -> str:
    return "".join(indent + line for line in text.splitlines(keepends=True))
