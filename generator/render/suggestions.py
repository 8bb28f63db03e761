"""Suggested evidence as `briefing suggest` prints it: readable text, YAML to paste, JSON.

The text and the YAML group each article's suggestions by actor and issue, the group with the
best suggestion first. The YAML is one list of evidence entries (`article`, `quote`,
`speaker`), each group headed by a comment naming the actor's file and the issue to paste it
under, so that the whole output also parses as YAML. The JSON is a list of objects, best first
within each article, with every key present.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import yaml

from generator.model import Actor, Briefing, Issue
from generator.model.articles import Article
from generator.model.suggest import Suggestion

Group = tuple[tuple[str, str], tuple[Suggestion, ...]]
"""The suggestions of one article for one actor on one issue, best first."""


def grouped(suggestions: Iterable[Suggestion]) -> list[Group]:
    """One article's suggestions by actor and issue; the group with the best first."""
    table: dict[tuple[str, str], list[Suggestion]] = {}
    for s in suggestions:
        table.setdefault((s.actor_id, s.issue_id), []).append(s)
    groups = [(pair, tuple(items)) for pair, items in table.items()]
    return sorted(groups, key=lambda g: (-g[1][0].score, g[0]))


def by_article(
    articles: Sequence[Article], suggestions: Iterable[Suggestion]
) -> list[tuple[Article, tuple[Suggestion, ...]]]:
    """Each article with its suggestions, in the order of `articles`."""
    found = {key: tuple(items) for key, items in groupby(suggestions, lambda s: s.article_id)}
    return [(article, found.get(article.id, ())) for article in articles]


@dataclass(frozen=True, slots=True)
class Layout:
    """How a listing of suggestions writes an article's line, what it says of one without
    suggestions, the lines that head a group (actor and issue) and those of one suggestion."""

    article: Callable[[Article], str]
    empty: str
    group: Callable[[Actor, Issue], list[str]]
    entry: Callable[[Suggestion], list[str]]


def listing(
    articles: Sequence[Article],
    suggestions: Iterable[Suggestion],
    briefing: Briefing,
    layout: Layout,
) -> list[str]:
    """The lines of a listing: per article, per actor and issue, best first."""
    lines: list[str] = []
    for article, made in by_article(articles, suggestions):
        lines.append(layout.article(article))
        lines += [] if made else [layout.empty]
        for (actor_id, issue_id), items in grouped(made):
            lines += layout.group(briefing.actor_by_id[actor_id], briefing.issue_by_id[issue_id])
            lines += [line for s in items for line in layout.entry(s)]
    return lines


def suggestions_text(
    articles: Sequence[Article], suggestions: Iterable[Suggestion], briefing: Briefing
) -> str:
    """The suggestions for reading in a terminal: per article, per actor and issue."""

    def entry(s: Suggestion) -> list[str]:
        speaker = briefing.actor_by_id[s.speaker_id].name if s.speaker_id else "none"
        cues = ", ".join(s.cues)
        head = f"    [{s.id}] {s.score:.1f}  ¶{s.paragraph}  speaker: {speaker}  cues: {cues}"
        return [head, f"      “{one_line(s.quote)}”"]

    layout = Layout(
        article=lambda a: f"\n{a.id}  {a.date or 'undated'}  {one_line(a.title)}",
        empty="  no suggestions",
        group=lambda actor, issue: [f"  {actor.name} on {issue.title}"],
        entry=entry,
    )
    return "\n".join(listing(articles, suggestions, briefing, layout)).lstrip("\n") + "\n"


def suggestions_yaml(
    articles: Sequence[Article], suggestions: Iterable[Suggestion], briefing: Briefing
) -> str:
    """The suggestions as evidence entries to paste under `positions: <issue>: evidence:`."""

    def group(actor: Actor, issue: Issue) -> list[str]:
        paste = f"paste under 'positions: {issue.id}:\n#   evidence:' in {actor.location.path}"
        return [f"# {actor.id} on {issue.id}: {paste}"]

    def entry(s: Suggestion) -> list[str]:
        head = f"# [{s.id}] score {s.score:.1f}, ¶{s.paragraph}, {', '.join(s.cues)}"
        return [head, evidence_yaml(s).rstrip("\n")]

    layout = Layout(
        article=lambda a: f"# {a.id}: {one_line(a.title)}",
        empty="#   no suggestions",
        group=group,
        entry=entry,
    )
    return "\n".join(listing(articles, suggestions, briefing, layout)) + "\n"


def evidence_yaml(suggestion: Suggestion) -> str:
    """One evidence entry as a YAML list item."""
    entry: dict[str, Any] = {"article": suggestion.article_id, "quote": suggestion.quote}
    if suggestion.speaker_id:
        entry["speaker"] = suggestion.speaker_id
    return yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10_000)


def one_line(text: str) -> str:
    """A text on one line, so that it stays inside a YAML comment."""
    return " ".join(text.split())


def suggestions_json(suggestions: Iterable[Suggestion]) -> str:
    """The suggestions as a JSON list of objects, in the order given."""
    records = [suggestion_record(s) for s in suggestions]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def suggestion_record(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "id": suggestion.id,
        "article": suggestion.article_id,
        "actor": suggestion.actor_id,
        "issue": suggestion.issue_id,
        "speaker": suggestion.speaker_id,
        "quote": suggestion.quote,
        "paragraph": suggestion.paragraph,
        "score": suggestion.score,
        "cues": list(suggestion.cues),
    }
