"""The model's positions: each checked against its issue, its evidence (generator/model/
evidence.py), its dates and its history."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import NotRequired, TypedDict, cast

from generator.load.marked_yaml import MarkedDict
from generator.model.evidence import Context, Evidence, build_evidence
from generator.problems import Location, Problems, did_you_mean


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """An earlier stance of a position."""

    as_of: datetime.date
    stance: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Position:
    """What one actor holds on one issue, and the evidence for it."""

    location: Location
    actor_id: str
    issue_id: str
    stance: str
    summary: str
    as_of: datetime.date
    evidence: tuple[Evidence, ...]
    history: tuple[HistoryEntry, ...]
    single_source: str | None = None
    draft: bool = False
    """Awaiting review: marked as such on the site, left out of a published build."""


class PositionFields(TypedDict):
    """A position's fields as its shape check leaves them (evidence and history located)."""

    stance: str
    summary: str
    as_of: str
    evidence: list[MarkedDict]
    history: NotRequired[list[MarkedDict]]
    draft: NotRequired[bool]
    single_source: NotRequired[str]


class HistoryFields(TypedDict):
    """A history entry's fields as its shape check leaves them."""

    as_of: str
    stance: str
    note: NotRequired[str]


def build_position(
    positions: MarkedDict, issue_id: str, actor_id: str, context: Context
) -> Position | None:
    """The position on `issue_id` of an actor's `positions`; None when it cannot be linked (the
    problems say why).

    Everything in it is checked even when one part fails, so that one run reports every mistake.
    """
    located = positions[issue_id]
    fields = cast(PositionFields, located)
    known_issue = check_issue(positions, issue_id, context)
    as_of = datetime.date.fromisoformat(fields["as_of"])
    check_not_future(located, as_of, context)
    built = [build_evidence(item, as_of, context) for item in fields["evidence"]]
    evidence = tuple(item for item in built if item is not None)
    history = build_history(located, as_of, context)
    check_sources(located, context.problems)
    if not known_issue or len(evidence) < len(built):
        return None
    return Position(
        located.location,
        actor_id,
        issue_id,
        fields["stance"],
        fields["summary"],
        as_of,
        evidence,
        history,
        # A note that the sources hold one quote is stale once there are more: never shown then.
        single_source=fields.get("single_source") if len(evidence) == 1 else None,
        draft=fields.get("draft", False),
    )


def check_issue(positions: MarkedDict, issue_id: str, context: Context) -> bool:
    """Whether the issue a position is keyed by exists; reported unless its file is broken."""
    if issue_id in context.issues:
        return True
    if not context.is_broken("issue", issue_id):
        hint = did_you_mean(issue_id, context.issues)
        context.problems.error(positions.where_key(issue_id), f"unknown issue '{issue_id}'", hint)
    return False


def check_sources(position: MarkedDict, problems: Problems) -> None:
    """Warn about a lone quote the editor has not explained, and about a stale explanation."""
    count = len(cast(PositionFields, position)["evidence"])
    if count == 1 and "single_source" not in position:
        hint = (
            "add a second quote (another passage or article); if the sources hold no other, "
            "say why with 'single_source: …', which readers see"
        )
        problems.warning(position.where_key("evidence"), SINGLE_QUOTE, hint)
    elif count > 1 and "single_source" in position:
        hint = "remove 'single_source': it is only for a position with one quote (not shown)"
        where = position.where_key("single_source")
        problems.warning(where, f"'single_source' on a position with {count} quotes", hint)


SINGLE_QUOTE = "the position rests on a single quote"


def check_not_future(
    item: MarkedDict, day: datetime.date, context: Context, what: str = "as-of date"
) -> None:
    """Warn about the `as_of` of `item` when it is after today: almost surely a typo, and the
    feed and the sitemap, dated by the content, would follow it into the future."""
    if day <= context.today:
        return
    hint = "an as-of date says when a stance held: use that day, today or earlier"
    context.problems.warning(item.where("as_of"), f"{what} {day} is in the future", hint)


def build_history(
    position: MarkedDict, as_of: datetime.date, context: Context
) -> tuple[HistoryEntry, ...]:
    """Earlier stances, newest first, each dated before the position's as-of date and each on
    a date of its own (a change of position is known by its date: feed entries are named by it).
    """
    problems = context.problems
    entries: list[HistoryEntry] = []
    for item in cast(PositionFields, position).get("history", []):
        entries.append(build_history_entry(item, as_of, entries, problems))
        check_not_future(item, entries[-1].as_of, context, "history date")
    if [e.as_of for e in entries] != sorted((e.as_of for e in entries), reverse=True):
        hint = "order the entries by date, newest first"
        problems.error(position.where("history"), "history is not newest first", hint)
    return tuple(entries)


def build_history_entry(
    item: MarkedDict, as_of: datetime.date, earlier: list[HistoryEntry], problems: Problems
) -> HistoryEntry:
    """One earlier stance, dated before `as_of` and on no date of the entries before it."""
    fields = cast(HistoryFields, item)
    day = datetime.date.fromisoformat(fields["as_of"])
    where = item.where("as_of")
    if day >= as_of:
        hint = f"history lists earlier stances: use a date before the as-of date {as_of}"
        problems.error(where, f"history date {day} is not earlier", hint)
    if any(entry.as_of == day for entry in earlier):
        hint = "a position has one stance on a date: keep one entry, or correct its date"
        problems.error(where, f"two history entries dated {day}", hint)
    return HistoryEntry(day, fields["stance"], fields.get("note"))
