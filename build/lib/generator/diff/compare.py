"""The semantic diff: what changed between two briefing models, in the briefing's own terms."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from generator.model import Briefing
from generator.model.positions import HistoryEntry, Position
from generator.model.quotes import fold

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Named:
    """An actor, issue or article added or removed: its id and the name a reader knows it by."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote of a position, with its article.

    Two quotes are the same when their article, their words (folded as quote matching folds
    them) and their speaker's id are; what is only shown (the article's title, the paragraph,
    the speaker's name) takes no part, so that retitling an article changes no quote.
    """

    article_id: str
    words: str
    speaker_id: str | None
    quote: str = field(compare=False)
    """The words as written, one space between them."""
    article_title: str = field(compare=False)
    paragraph: int = field(compare=False)
    speaker: str | None = field(compare=False)
    """The name of the person quoted, if the position says who."""


@dataclass(frozen=True, slots=True)
class PositionDiff:
    """How one actor's position on one issue differs; `old`/`new` pairs are equal if unchanged."""

    actor: Named
    issue: Named
    status: Literal["added", "removed", "changed"]
    stance: tuple[str | None, str | None]
    as_of: tuple[datetime.date | None, datetime.date | None]
    summary: tuple[str | None, str | None]
    draft: tuple[bool, bool]
    quotes_added: tuple[Quote, ...]
    quotes_removed: tuple[Quote, ...]
    history_added: tuple[HistoryEntry, ...]
    history_removed: tuple[HistoryEntry, ...]


@dataclass(frozen=True, slots=True)
class BriefingDiff:
    """Everything that differs between two briefings, each part in a stable order."""

    actors_added: tuple[Named, ...]
    actors_removed: tuple[Named, ...]
    issues_added: tuple[Named, ...]
    issues_removed: tuple[Named, ...]
    articles_added: tuple[Named, ...]
    articles_removed: tuple[Named, ...]
    positions: tuple[PositionDiff, ...]

    @property
    def changed(self) -> bool:
        parts = (self.actors_added, self.actors_removed, self.issues_added, self.issues_removed)
        return any(parts) or bool(self.articles_added or self.articles_removed or self.positions)


def diff_briefings(old: Briefing, new: Briefing) -> BriefingDiff:
    """Compare two briefings; positions are matched by actor and issue id."""
    actors = display_names(old.actor_by_id, new.actor_by_id, lambda a: a.name)
    issues = display_names(old.issue_by_id, new.issue_by_id, lambda i: i.title)
    articles = display_names(old.article_by_id, new.article_by_id, lambda a: a.title)
    before = {(p.actor_id, p.issue_id): p for p in old.positions}
    after = {(p.actor_id, p.issue_id): p for p in new.positions}
    diffs = (
        diff_position(before.get(key), after.get(key), old, new)
        for key in sorted(before.keys() | after.keys())
    )
    positions = sorted(
        (d for d in diffs if d is not None),
        key=lambda d: (d.actor.name.casefold(), d.issue.name.casefold(), d.actor.id, d.issue.id),
    )
    return BriefingDiff(
        actors_added=added(actors, old.actor_by_id, new.actor_by_id),
        actors_removed=added(actors, new.actor_by_id, old.actor_by_id),
        issues_added=added(issues, old.issue_by_id, new.issue_by_id),
        issues_removed=added(issues, new.issue_by_id, old.issue_by_id),
        articles_added=added(articles, old.article_by_id, new.article_by_id),
        articles_removed=added(articles, new.article_by_id, old.article_by_id),
        positions=tuple(positions),
    )


def display_names(
    old: Mapping[str, T], new: Mapping[str, T], name: Callable[[T], str]
) -> dict[str, str]:
    """Id → the name a reader knows it by, over both sides, the new side's name winning."""
    return {key: name(value) for table in (old, new) for key, value in table.items()}


def added(shown: dict[str, str], old: Iterable[str], new: Iterable[str]) -> tuple[Named, ...]:
    """What `new` has and `old` has not, with the names in `shown`, sorted by name."""
    ids = set(new) - set(old)
    return tuple(sorted((Named(i, shown[i]) for i in ids), key=lambda n: (n.name.casefold(), n.id)))


def diff_position(
    old: Position | None, new: Position | None, before: Briefing, after: Briefing
) -> PositionDiff | None:
    """How a position differs, or None when it is the same on both sides."""
    some = new or old
    assert some is not None
    side = after if new else before
    actor = Named(some.actor_id, side.actor_by_id[some.actor_id].name)
    issue = Named(some.issue_id, side.issue_by_id[some.issue_id].title)
    old_quotes, new_quotes = quotes(old, before), quotes(new, after)
    old_history = old.history if old else ()
    new_history = new.history if new else ()
    result = PositionDiff(
        actor=actor,
        issue=issue,
        status="added" if old is None else "removed" if new is None else "changed",
        stance=(old.stance if old else None, new.stance if new else None),
        as_of=(old.as_of if old else None, new.as_of if new else None),
        summary=(old.summary if old else None, new.summary if new else None),
        draft=(bool(old and old.draft), bool(new and new.draft)),
        quotes_added=tuple(q for q in new_quotes if q not in old_quotes),
        quotes_removed=tuple(q for q in old_quotes if q not in new_quotes) if new else (),
        history_added=tuple(h for h in new_history if h not in old_history),
        history_removed=tuple(h for h in old_history if h not in new_history) if new else (),
    )
    return None if result.status == "changed" and not differs(result) else result


def differs(diff: PositionDiff) -> bool:
    pairs = (diff.stance, diff.as_of, diff.summary, diff.draft)
    lists = (diff.quotes_added, diff.quotes_removed, diff.history_added, diff.history_removed)
    return any(a != b for a, b in pairs) or any(lists)


def quotes(position: Position | None, briefing: Briefing) -> tuple[Quote, ...]:
    """A position's quotes (see Quote for when two are the same)."""
    if position is None:
        return ()
    return tuple(
        Quote(
            article_id=e.article_id,
            words=fold(e.quote),
            speaker_id=e.speaker_id,
            quote=" ".join(e.quote.split()),
            article_title=briefing.article_by_id[e.article_id].title,
            paragraph=e.paragraph,
            speaker=briefing.actor_by_id[e.speaker_id].name if e.speaker_id else None,
        )
        for e in position.evidence
    )


WORDS = re.compile(r"\S+")

Mark = Callable[[str], str]


def word_diff(old: str, new: str, mark_old: Mark, mark_new: Mark, plain: Mark) -> str:
    """`new` with the words that changed from `old` marked, e.g. 'a [-b-]{+c+} d'.

    The marks are functions so that each output format escapes and wraps words its own way.
    """
    before, after = WORDS.findall(old), WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(plain(" ".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(mark_old(" ".join(before[a1:a2])))
        if b2 > b1:
            parts.append(mark_new(" ".join(after[b1:b2])))
    return " ".join(parts)
