"""Suggested evidence as `briefing suggest` prints it: readable text, YAML to paste, JSON.

The text and the YAML group each article's suggestions by actor and issue, the group with the
best suggestion first. The YAML is one list of evidence entries (`article`, `quote`,
`speaker`), each group headed by a comment naming the actor's file and the issue to paste it
under, so that the whole output also parses as YAML. The JSON is a list of objects, best first
within each article, with every key present.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any

import yaml

from generator.model import Briefing
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


def suggestions_text(
    articles: Sequence[Article], suggestions: Iterable[Suggestion], briefing: Briefing
) -> str:
    """The suggestions for reading in a terminal: per article, per actor and issue."""
    lines: list[str] = []
    for article, made in by_article(articles, suggestions):
        lines.append(f"{article.id}  {article.date or 'undated'}  {article.title}")
        if not made:
            lines.append("  no suggestions")
        for (actor_id, issue_id), items in grouped(made):
            actor = briefing.actor_by_id[actor_id].name
            lines.append(f"  {actor} on {briefing.issue_by_id[issue_id].title}")
            lines += [line for s in items for line in entry_lines(s, briefing)]
        lines.append("")
    return "\n".join(lines)


def entry_lines(suggestion: Suggestion, briefing: Briefing) -> list[str]:
    """One suggestion: its id, score, paragraph, speaker and cues, then the sentence."""
    speaker = briefing.actor_by_id[suggestion.speaker_id].name if suggestion.speaker_id else "none"
    head = (
        f"    [{suggestion.id}] {suggestion.score:.1f}  ¶{suggestion.paragraph}  "
        f"speaker: {speaker}  cues: {', '.join(suggestion.cues)}"
    )
    return [head, f"      “{' '.join(suggestion.quote.split())}”"]


def suggestions_yaml(
    articles: Sequence[Article], suggestions: Iterable[Suggestion], briefing: Briefing
) -> str:
    """The suggestions as evidence entries to paste under `positions: <issue>: evidence:`."""
    lines: list[str] = []
    for article, made in by_article(articles, suggestions):
        lines.append(f"# {article.id}: {one_line(article.title)}")
        if not made:
            lines.append("#   no suggestions")
        for (actor_id, issue_id), items in grouped(made):
            path = briefing.actor_by_id[actor_id].location.path
            lines.append(f"# {actor_id} on {issue_id}: paste under 'positions: {issue_id}:")
            lines.append(f"#   evidence:' in {path}")
            for s in items:
                lines.append(f"# [{s.id}] score {s.score:.1f}, ¶{s.paragraph}, {', '.join(s.cues)}")
                lines.append(evidence_yaml(s).rstrip("\n"))
    return "\n".join(lines) + "\n"


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
