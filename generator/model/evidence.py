"""The evidence of positions: quotes found in the articles they cite, said by known persons.

Each quote is checked against a `Context`: what the briefing's positions are checked against
(its articles, issues, actors and persons, the files that failed their own checks, and today).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NotRequired, TypedDict, cast

from generator.load.marked_yaml import MarkedDict
from generator.model.articles import Article, block_anchor
from generator.model.mentions import names_in
from generator.model.quotes import MAX_GAP, Found, Missed, Span, find_quote, is_blank
from generator.problems import Location, Problems, did_you_mean


@dataclass(frozen=True, slots=True)
class EvidenceType:
    """A kind of evidence, with the label the site shows and its methodology definition."""

    id: str
    label: str
    definition: str


EVIDENCE_TYPES = (
    EvidenceType(
        "own-words",
        "own words",
        "The actor's own words: a speech, interview, post or "
        "statement by the actor or a person speaking for it, quoted as said.",
    ),
    EvidenceType(
        "readout",
        "official readout",
        "An official account of a meeting or call, "
        "published by a government or organisation taking part in it.",
    ),
    EvidenceType(
        "reported",
        "reported speech",
        "A reporter's account of what the actor said or did, paraphrased or quoted at second hand.",
    ),
    EvidenceType(
        "third-party",
        "third-party claim",
        "What someone else (another government, "
        "an analyst, an official of another side) says the actor holds.",
    ),
)
EVIDENCE_TYPE_BY_ID = {kind.id: kind for kind in EVIDENCE_TYPES}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from an article that supports a position, and where it stands there:
    ¶`paragraph` (or the heading of that number, when `in_heading`), at `spans` of its text."""

    location: Location
    article_id: str
    quote: str
    speaker_id: str | None
    paragraph: int
    spans: tuple[Span, ...]
    type: EvidenceType | None = None
    """What kind of evidence it is, when the briefing says."""
    in_heading: bool = False

    @property
    def block(self) -> str:
        """The anchor of the paragraph (or heading) the quote is in: 'p5'."""
        return block_anchor("heading" if self.in_heading else "paragraph", self.paragraph)


@dataclass(frozen=True, slots=True)
class Context:
    """What an actor's positions are checked against.

    `people` maps each person actor's id to the names they go by; `broken` holds the kind
    ('issue', 'article' or 'actor') and id of files that exist but failed their own checks (ANY
    for every id of a kind whose folder could not be listed), so that references to them are
    not reported again; a date after `today` is suspect.
    """

    problems: Problems
    articles: Mapping[str, Article]
    issues: Mapping[str, object]
    actor_ids: frozenset[str]
    people: Mapping[str, tuple[str, ...]]
    broken: frozenset[tuple[str, str]]
    today: datetime.date

    def is_broken(self, kind: str, name: str) -> bool:
        """Whether the file of that id exists but failed its own checks (or may: see ANY)."""
        return (kind, name) in self.broken or (kind, ANY) in self.broken


ANY = "*"
"""The id of `Context.broken` that stands for every id of its kind (no id holds a '*')."""


class EvidenceFields(TypedDict):
    """An evidence item's fields as its shape check leaves them."""

    article: str
    quote: str
    speaker: NotRequired[str]
    type: NotRequired[str]


def build_evidence(item: MarkedDict, as_of: datetime.date, context: Context) -> Evidence | None:
    """One quote, found in the article it cites, said by a known person, no newer than as_of."""
    fields = cast(EvidenceFields, item)
    article = cited_article(item, context)
    speaker = fields.get("speaker")
    if speaker is not None and not check_speaker(item, article, context):
        return None
    if article is None:
        return None
    check_date(item, as_of, article, context.problems)
    found = locate_quote(item, article, context.problems)
    if found is None:
        return None
    block = article.paragraphs[found.index]
    kind = EVIDENCE_TYPE_BY_ID.get(fields.get("type", ""))
    return Evidence(
        item.location,
        article.id,
        fields["quote"],
        speaker,
        block.number,
        found.spans,
        type=kind,
        in_heading=block.kind == "heading",
    )


def cited_article(item: MarkedDict, context: Context) -> Article | None:
    """The article an evidence item cites; None (reported unless its file is broken) if unknown."""
    article_id = cast(EvidenceFields, item)["article"]
    article = context.articles.get(article_id)
    if article is None and not context.is_broken("article", article_id):
        hint = did_you_mean(article_id, context.articles)
        context.problems.error(item.where("article"), f"unknown article '{article_id}'", hint)
    return article


def check_speaker(item: MarkedDict, article: Article | None, context: Context) -> bool:
    """The speaker must be a person actor; warn when the article never names them.

    A speaker whose own file is broken is not reported again: its file's errors say why.
    """
    speaker = cast(EvidenceFields, item)["speaker"]
    where = item.where("speaker")
    if speaker not in context.people:
        if not context.is_broken("actor", speaker):
            context.problems.error(where, *unknown_speaker(speaker, context))
        return False
    names = context.people[speaker]
    if article is not None and not names_in(article, names):
        shown = ", ".join(f"'{name}'" for name in names)
        hint = f"check the speaker, or add the name the article uses to their aliases ({shown})"
        message = f"speaker '{speaker}' is not named in article '{article.id}'"
        context.problems.warning(where, message, hint)
    return True


def unknown_speaker(speaker: str, context: Context) -> tuple[str, str]:
    """What is wrong with a speaker who is no person actor, and the hint."""
    if speaker in context.actor_ids:
        return f"speaker '{speaker}' is not a person", "a speaker must be an actor of kind 'person'"
    return f"unknown speaker '{speaker}'", did_you_mean(speaker, context.people)


def check_date(
    item: MarkedDict, as_of: datetime.date, article: Article, problems: Problems
) -> None:
    """A position checked on its as-of date cannot rest on an article published after it."""
    if article.date is None or article.date <= as_of:
        return
    message = f"as-of date {as_of} is before the date of article '{article.id}' ({article.date})"
    hint = f"set 'as_of' to {article.date} or later, or cite an article from before {as_of}"
    problems.error(item.where("article"), message, hint)


def locate_quote(item: MarkedDict, article: Article, problems: Problems) -> Found | None:
    """Find the quote in its article; report a miss with the closest passage."""
    quote = cast(EvidenceFields, item)["quote"]
    where = item.where("quote")
    if is_blank(quote):
        problems.error(where, "quote has no words", "copy the quoted words from the article")
        return None
    found = find_quote(quote, tuple(p.text for p in article.paragraphs))
    if isinstance(found, Found):
        return found
    problems.error(where, f"quote not found in article '{article.id}'", miss_hint(found, article))
    return None


def miss_hint(missed: Missed, article: Article) -> str:
    """What comes closest to a quote that is not in the article, and how close."""
    if missed.index is None:
        return "the article has no text to quote"
    place = article.paragraphs[missed.index].label
    if missed.gap is not None:
        return (
            f"its parts are in {place}, but {missed.gap} characters apart where '…' stands for"
            f" at most {MAX_GAP}: quote less, or cite the parts separately"
        )
    return f"the closest passage is in {place}, {missed.similarity}% alike: “{missed.passage}”"
