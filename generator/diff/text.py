"""The semantic diff as text: Markdown for a reader or a pull-request comment, JSON for tools."""

from __future__ import annotations

import html
import json
from typing import Any

from generator.diff.compare import BriefingDiff, Named, PositionDiff, Quote, word_diff
from generator.diff.revision import Side
from generator.model.positions import HistoryEntry
from generator.problems import counted
from generator.render.markdown import escape_markdown

LONG_DETAILS = 12
"""A position's details longer than this many lines fold into a <details> element."""


def inline(text: object) -> str:
    """Untrusted text as inert Markdown that mentions nobody."""
    return unmention(escape_markdown(text))


def unmention(text: str) -> str:
    """`text` with each '@' followed by a zero-width space: a pull-request comment would notify
    '@name', and a team or user by that name may exist."""
    return text.replace("@", "@\u200b")


def headline(diff: PositionDiff) -> str:
    """What happened to a position, e.g. 'Northland on Ceasefire: opposes → conditional'."""
    subject = f"{diff.actor.name} on {diff.issue.name}"
    old, new = diff.stance
    if diff.status == "added":
        return f"{subject}: new position, {new}" + (" (draft)" if diff.draft[1] else "")
    if diff.status == "removed":
        return f"{subject}: position removed (was {old})"
    return f"{subject}: {old} → {new}" if old != new else f"{subject}: {new}"


def tags(diff: PositionDiff) -> list[str]:
    """The other changes of a position, briefly: as-of date, summary, draft, quotes, history."""
    if diff.status == "removed":
        return []
    if diff.status == "added":
        return [f"as of {diff.as_of[1]}", counted(len(diff.quotes_added), "quote")]
    found = []
    if diff.as_of[0] != diff.as_of[1]:
        found.append(f"as of {diff.as_of[0]} → {diff.as_of[1]}")
    if diff.summary[0] != diff.summary[1]:
        found.append("summary edited")
    if diff.draft[0] != diff.draft[1]:
        found.append("marked as a draft" if diff.draft[1] else "no longer a draft")
    counts = (
        (diff.quotes_added, "quote", "quotes", "added"),
        (diff.quotes_removed, "quote", "quotes", "removed"),
        (diff.history_added, "history entry", "history entries", "added"),
        (diff.history_removed, "history entry", "history entries", "removed"),
    )
    for items, noun, nouns, verb in counts:
        if items:
            found.append(f"{counted(len(items), noun, nouns)} {verb}")
    return found


def diff_markdown(diff: BriefingDiff, base: Side, head: Side) -> str:
    """The diff as Markdown: one line per change first, then the details of each position."""
    lines = [f"## Briefing changes: {inline(base.label)} → {inline(head.label)}", ""]
    if not diff.changed:
        return "\n".join([*lines, "No change to the briefing.", ""])
    for position in diff.positions:
        lines.append(
            f"- **{inline(headline(position))}**"
            + "".join(f" · {inline(tag)}" for tag in tags(position))
        )
    lines.extend(named_lines(diff))
    for position in diff.positions:
        lines.extend(details(position))
    return "\n".join([*lines, ""])


def named_lines(diff: BriefingDiff) -> list[str]:
    """One line for each kind of thing added or removed: actors, issues, articles."""
    groups = (
        ("Actors added", diff.actors_added),
        ("Actors removed", diff.actors_removed),
        ("Issues added", diff.issues_added),
        ("Issues removed", diff.issues_removed),
        ("Articles added", diff.articles_added),
        ("Articles removed", diff.articles_removed),
    )
    return [
        f"- {title}: " + ", ".join(f"{inline(n.name)} (`{n.id}`)" for n in items)
        for title, items in groups
        if items
    ]


def details(diff: PositionDiff) -> list[str]:
    """A position's summary edit, quotes and history; folded when long; none when not needed."""
    body = summary_lines(diff)
    body += quote_lines("Quotes added", diff.quotes_added)
    body += quote_lines("Quotes removed", diff.quotes_removed)
    body += history_lines("History added", diff.history_added)
    body += history_lines("History removed", diff.history_removed)
    if not body:
        return []
    title = f"{diff.actor.name} on {diff.issue.name}"
    if len(body) <= LONG_DETAILS:
        return ["", f"### {inline(title)}", *body]
    label = unmention(html.escape(f"{title}: " + ", ".join(tags(diff) or ["details"])))
    return ["", f"<details><summary>{label}</summary>", *body, "", "</details>"]


def summary_lines(diff: PositionDiff) -> list[str]:
    old, new = diff.summary
    if new is None or old == new:
        return []
    if old is None:
        return ["", f"Summary: {inline(new)}"]
    marked = word_diff(
        old, new, lambda w: f"[-{inline(w)}-]", lambda w: f"{{+{inline(w)}+}}", inline
    )
    return ["", f"Summary: {marked}"]


def quote_lines(title: str, quotes: tuple[Quote, ...]) -> list[str]:
    if not quotes:
        return []
    lines = ["", f"{title}:", ""]
    for quote in quotes:
        speaker = f"{inline(quote.speaker)}, " if quote.speaker else ""
        source = f"*{inline(quote.article_title)}*, ¶{quote.paragraph} (`{quote.article_id}`)"
        lines.append(f"- “{inline(quote.quote)}” — {speaker}{source}")
    return lines


def history_lines(title: str, entries: tuple[HistoryEntry, ...]) -> list[str]:
    if not entries:
        return []
    lines = ["", f"{title}:", ""]
    for entry in entries:
        note = f": {inline(entry.note)}" if entry.note else ""
        lines.append(f"- {entry.as_of}, {entry.stance}{note}")
    return lines


def diff_json(diff: BriefingDiff, base: Side, head: Side) -> str:
    """The diff as JSON: every key always present, in a fixed order."""
    document = {
        "base": {"label": base.label, "commit": base.commit},
        "head": {"label": head.label, "commit": head.commit},
        "changed": diff.changed,
        "positions": [position_json(p) for p in diff.positions],
        "actors": named_json(diff.actors_added, diff.actors_removed),
        "issues": named_json(diff.issues_added, diff.issues_removed),
        "articles": named_json(diff.articles_added, diff.articles_removed),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def named_json(added: tuple[Named, ...], removed: tuple[Named, ...]) -> dict[str, Any]:
    return {
        "added": [{"id": n.id, "name": n.name} for n in added],
        "removed": [{"id": n.id, "name": n.name} for n in removed],
    }


def pair(values: tuple[Any, Any]) -> dict[str, Any]:
    return {"old": text(values[0]), "new": text(values[1])}


def text(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def position_json(diff: PositionDiff) -> dict[str, Any]:
    return {
        "actor": {"id": diff.actor.id, "name": diff.actor.name},
        "issue": {"id": diff.issue.id, "name": diff.issue.name},
        "status": diff.status,
        "headline": headline(diff),
        "stance": pair(diff.stance),
        "as_of": pair(diff.as_of),
        "summary": pair(diff.summary),
        "draft": pair(diff.draft),
        "quotes_added": [quote_json(q) for q in diff.quotes_added],
        "quotes_removed": [quote_json(q) for q in diff.quotes_removed],
        "history_added": [history_json(h) for h in diff.history_added],
        "history_removed": [history_json(h) for h in diff.history_removed],
    }


def quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "article": quote.article_id,
        "article_title": quote.article_title,
        "paragraph": quote.paragraph,
        "quote": quote.quote,
        "speaker": quote.speaker,
    }


def history_json(entry: HistoryEntry) -> dict[str, Any]:
    return {"as_of": entry.as_of.isoformat(), "stance": entry.stance, "note": entry.note}
