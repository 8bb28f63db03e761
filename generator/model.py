"""Stage 2: validate the raw records and link them into one immutable briefing model."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from generator.extract import Extracted
from generator.load import MarkedDict, RawArticle, RawInputs, YamlFile
from generator.problems import Location, Problems, did_you_mean
from generator.quotes import find_quote
from generator.schema import check_shape, is_id, locate


@dataclass(frozen=True, slots=True)
class Stance:
    """One label of the stance vocabulary, with the definition shown on the methodology page."""

    id: str
    symbol: str
    definition: str


STANCES = (
    Stance(
        "supports", "✔", "Backs the outcome the issue's question asks about, without conditions."
    ),
    Stance("conditional", "◐", "Would accept it only on conditions the actor has stated."),
    Stance("ambiguous", "?", "Sends mixed or unclear signals; the evidence points both ways."),
    Stance("opposes", "✖", "Rejects the outcome the issue's question asks about."),
    Stance(
        "no-public-position",
        "–",
        "Has addressed the issue in public without taking a side.",
    ),
)
STANCE_BY_ID = {stance.id: stance for stance in STANCES}
ACTOR_KINDS = ("state", "bloc", "organisation", "person")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of an article's cleaned text, numbered from 1 in reading order."""

    number: int
    kind: Literal["paragraph", "heading"]
    text: str

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True, slots=True)
class Article:
    """A source article: its metadata and cleaned text."""

    id: str
    location: Location
    title: str
    subtitle: str | None
    section: str | None
    date: datetime.date | None
    date_note: str | None
    outlet: str | None
    url: str | None
    licence: str | None
    attribution: str | None
    excerpt: bool
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    """A question at stake in the negotiation."""

    id: str
    location: Location
    title: str
    question: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from an article that supports a position."""

    location: Location
    article_id: str
    quote: str
    speaker_id: str | None
    paragraph: int


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
    draft: bool = False
    """Awaiting review: marked as such on the site, left out of a published build."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, bloc, organisation or person, with its positions sorted by issue id."""

    id: str
    location: Location
    name: str
    kind: str
    role: str | None
    speaks_for: str | None
    aliases: tuple[str, ...]
    positions: tuple[Position, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """The whole validated model; collections are sorted, lookups are read-only."""

    title: str
    description: str
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    articles: tuple[Article, ...]
    actor_by_id: Mapping[str, Actor]
    issue_by_id: Mapping[str, Issue]
    article_by_id: Mapping[str, Article]

    @property
    def positions(self) -> tuple[Position, ...]:
        return tuple(p for actor in self.actors for p in actor.positions)


def build_model(raw: RawInputs, problems: Problems) -> Briefing:
    """Check and link everything; the caller checks `problems` before using the result."""
    articles = build_articles(raw.articles, problems)
    issues = build_issues(raw.issues, problems)
    article_by_id = {a.id: a for a in articles}
    issue_by_id = {i.id: i for i in issues}
    shaped = [f for f in raw.actors if f.data is not None and check_shape(f, "actor", problems)]
    people = {stem(f): f.data for f in shaped if f.data.get("kind") == "person"}
    actor_ids = {stem(f) for f in raw.actors}
    # Ids of files that exist but failed their own checks: references to them are not
    # reported again, since the file's own errors say what is wrong.
    broken = {stem(f) for f in raw.issues if stem(f) not in issue_by_id}
    broken |= {a.stem for a in raw.articles if a.stem not in article_by_id}
    context = Context(
        problems, article_by_id, issue_by_id, actor_ids, frozenset(people), frozenset(broken)
    )
    actors = sorted((build_actor(f, context) for f in shaped), key=actor_order)
    title, description = build_header(raw.briefing, problems)
    return Briefing(
        title=title,
        description=description,
        actors=tuple(actors),
        issues=tuple(sorted(issues, key=issue_order)),
        articles=tuple(sorted(articles, key=article_order)),
        actor_by_id=MappingProxyType({a.id: a for a in actors}),
        issue_by_id=MappingProxyType(issue_by_id),
        article_by_id=MappingProxyType(article_by_id),
    )


@dataclass(frozen=True, slots=True)
class Context:
    """What an actor's positions are checked against."""

    problems: Problems
    articles: Mapping[str, Article]
    issues: Mapping[str, Issue]
    actor_ids: set[str]
    people: frozenset[str]
    broken: frozenset[str]


def stem(source: YamlFile) -> str:
    """An actor's or issue's id: its file name without the extension."""
    return source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def actor_order(actor: Actor) -> tuple[int, str, str]:
    return (ACTOR_KINDS.index(actor.kind), actor.name.casefold(), actor.id)


def issue_order(issue: Issue) -> tuple[str, str]:
    return (issue.title.casefold(), issue.id)


def article_order(article: Article) -> tuple[str, str]:
    """Newest first; articles without a date last."""
    day = article.date.toordinal() if article.date else 0
    return (f"{10**7 - day:08d}", article.id)


def build_header(source: YamlFile | None, problems: Problems) -> tuple[str, str]:
    """The briefing's title and description from briefings/briefing.yaml."""
    if source is None:
        hint = "create it with 'title:' and 'description:' keys"
        problems.error(Location("briefings/briefing.yaml"), "missing file", hint)
        return "", ""
    if source.data is None or not check_shape(source, "briefing", problems):
        return "", ""
    return str(source.data["title"]), str(source.data["description"])


def build_issues(sources: tuple[YamlFile, ...], problems: Problems) -> list[Issue]:
    """The issues whose files have the right shape."""
    issues = []
    for source in sources:
        if source.data is None or not check_ids(source, problems):
            continue
        if check_shape(source, "issue", problems):
            data = source.data
            issue = Issue(
                stem(source), data.location, data["title"], data["question"], aliases(data)
            )
            issues.append(issue)
    return issues


def check_ids(source: YamlFile, problems: Problems) -> bool:
    """An actor or issue file name must be a safe id, since pages are named after it."""
    if is_id(stem(source)):
        return True
    hint = "name the file with lowercase letters, digits and hyphens, e.g. 'united-states.yaml'"
    problems.error(Location(source.path), f"'{stem(source)}' is not a valid id", hint)
    return False


def aliases(data: MarkedDict) -> tuple[str, ...]:
    return tuple(data.get("aliases", ()))


def build_articles(raws: tuple[RawArticle, ...], problems: Problems) -> list[Article]:
    """Articles with their metadata merged in; two articles with one id are an error."""
    articles: dict[str, Article] = {}
    for raw in raws:
        article = build_article(raw, problems)
        if article is None:
            continue
        if article.id in articles:
            first = articles[article.id].location.path
            hint = "rename one of the files, or give one an 'id:' in its metadata"
            problems.error(
                article.location, f"article id '{article.id}' is also used by {first}", hint
            )
            continue
        articles[article.id] = article
    return list(articles.values())


def build_article(raw: RawArticle, problems: Problems) -> Article | None:
    """One article; metadata given beside or above the text wins over what the text says."""
    meta: Mapping[str, Any] = {}
    if raw.metadata is not None:
        if raw.metadata.data is None or not check_shape(raw.metadata, "article", problems):
            return None
        meta = raw.metadata.data
    extracted: Extracted = raw.extracted
    location = Location(raw.path)
    date = parse_date(raw.metadata, ["date"], problems) if "date" in meta else extracted.date
    return Article(
        id=str(meta.get("id", raw.stem)),
        location=location,
        title=str(meta.get("title") or extracted.title or raw.stem),
        subtitle=extracted.subtitle,
        section=extracted.section,
        date=date,
        date_note=meta.get("date_note"),
        outlet=meta.get("outlet"),
        url=meta.get("url", extracted.url),
        licence=meta.get("licence", extracted.licence),
        attribution=meta.get("attribution"),
        excerpt=bool(meta.get("excerpt", extracted.truncated)),
        paragraphs=tuple(
            Paragraph(number, block.kind, block.text)
            for number, block in enumerate(extracted.blocks, start=1)
        ),
    )


def parse_date(
    source: YamlFile | None, path: list[Any], problems: Problems
) -> datetime.date | None:
    """The calendar date at `path` (already shaped YYYY-MM-DD), or None if there is no such day."""
    assert source is not None
    node: Any = source.data
    for part in path:
        node = node[part]
    try:
        return datetime.date.fromisoformat(str(node))
    except ValueError:
        hint = "check the month and day, e.g. 2026-01-20"
        problems.error(locate(source, path), f"'{node}' is not a real date", hint)
        return None


def build_actor(source: YamlFile, context: Context) -> Actor:
    """One actor whose file has the right shape, with its positions checked and linked."""
    data = source.data
    actor_id = stem(source)
    check_ids(source, context.problems)
    check_person_keys(source, context)
    built = (
        build_position(source, actor_id, issue_id, context)
        for issue_id in data.get("positions", {})
    )
    positions = tuple(
        sorted(
            (p for p in built if p is not None),
            key=lambda p: issue_order(context.issues[p.issue_id]),
        )
    )
    return Actor(
        id=actor_id,
        location=data.location,
        name=data["name"],
        kind=data["kind"],
        role=data.get("role"),
        speaks_for=data.get("speaks_for"),
        aliases=aliases(data),
        positions=positions,
    )


def check_person_keys(source: YamlFile, context: Context) -> None:
    """Only persons have a role and speak for another actor, and that actor must exist."""
    data = source.data
    for key in ("role", "speaks_for"):
        if key in data and data["kind"] != "person":
            hint = "only actors of kind 'person' have it; remove it or change 'kind'"
            context.problems.error(data.key_locations[key], f"'{key}' is for persons", hint)
    target = data.get("speaks_for")
    if target is not None and target not in context.actor_ids:
        hint = did_you_mean(target, context.actor_ids)
        context.problems.error(
            data.value_locations["speaks_for"], f"unknown actor '{target}'", hint
        )


def build_position(
    source: YamlFile, actor_id: str, issue_id: str, context: Context
) -> Position | None:
    """One position; None when it cannot be linked (the problems say why).

    Everything in it is checked even when one part fails, so that one run reports every mistake.
    """
    problems = context.problems
    data = source.data["positions"][issue_id]
    path = ["positions", issue_id]
    known_issue = issue_id in context.issues
    if not known_issue and issue_id not in context.broken:
        where = locate(source, path, key=True)
        problems.error(where, f"unknown issue '{issue_id}'", did_you_mean(issue_id, context.issues))
    as_of = parse_date(source, [*path, "as_of"], problems)
    built = [
        build_evidence(source, [*path, "evidence", index], context)
        for index in range(len(data["evidence"]))
    ]
    evidence = tuple(item for item in built if item is not None)
    history = build_history(source, [*path, "history"], as_of, problems)
    if not known_issue or as_of is None or history is None or len(evidence) < len(built):
        return None
    return Position(
        data.location,
        actor_id,
        issue_id,
        data["stance"],
        data["summary"],
        as_of,
        evidence,
        history,
        draft=bool(data.get("draft", False)),
    )


def build_evidence(source: YamlFile, path: list[Any], context: Context) -> Evidence | None:
    """One quote, found in the article it cites and said by a known person."""
    problems = context.problems
    data = source.data["positions"][path[1]]["evidence"][path[3]]
    article = context.articles.get(data["article"])
    if data["article"] in context.broken:
        return None
    if article is None:
        hint = did_you_mean(data["article"], context.articles)
        problems.error(
            locate(source, [*path, "article"]), f"unknown article '{data['article']}'", hint
        )
        return None
    speaker = data.get("speaker")
    if speaker is not None and speaker not in context.people:
        problems.error(locate(source, [*path, "speaker"]), *unknown_speaker(speaker, context))
        return None
    index = find_quote(data["quote"], tuple(p.text for p in article.paragraphs))
    if index is None:
        hint = "copy the words exactly as the article has them"
        problems.error(
            locate(source, [*path, "quote"]), f"quote not found in article '{article.id}'", hint
        )
        return None
    return Evidence(
        data.location, article.id, data["quote"], speaker, article.paragraphs[index].number
    )


def unknown_speaker(speaker: str, context: Context) -> tuple[str, str]:
    if speaker in context.actor_ids:
        return f"speaker '{speaker}' is not a person", "a speaker must be an actor of kind 'person'"
    return f"unknown speaker '{speaker}'", did_you_mean(speaker, context.people)


def build_history(
    source: YamlFile, path: list[Any], as_of: datetime.date | None, problems: Problems
) -> tuple[HistoryEntry, ...] | None:
    """Earlier stances, newest first, each dated before the position's as-of date."""
    data = source.data["positions"][path[1]]
    entries = []
    for index, item in enumerate(data.get("history", ())):
        day = parse_date(source, [*path, index, "as_of"], problems)
        if day is None:
            return None
        if as_of is not None and day >= as_of:
            hint = f"history lists earlier stances: use a date before the as-of date {as_of}"
            problems.error(
                locate(source, [*path, index, "as_of"]), f"history date {day} is not earlier", hint
            )
        entries.append(HistoryEntry(day, item["stance"], item.get("note")))
    if [e.as_of for e in entries] != sorted((e.as_of for e in entries), reverse=True):
        problems.error(
            locate(source, path),
            "history is not newest first",
            "order the entries by date, newest first",
        )
    return tuple(entries)
