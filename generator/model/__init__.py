"""Stage 2: validate the raw records and link them into one immutable briefing model."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator.load.inputs import RawInputs, YamlFile
from generator.load.marked_yaml import MarkedDict
from generator.load.reuse import Reuse
from generator.load.schema import is_id, is_reserved, is_too_long, reserved_reason, too_long_reason
from generator.load.shape import check_shape
from generator.model.articles import Article, article_order, build_articles
from generator.model.cleaning import check_cleaning
from generator.model.dismissals import Dismissal, Known, build_dismissals
from generator.model.evidence import ANY, Context
from generator.model.positions import Position, build_position
from generator.problems import Location, Problems, did_you_mean


@dataclass(frozen=True, slots=True)
class Stance:
    """One label of the stance vocabulary, with the definition shown on the methodology page."""

    id: str
    symbol: str
    definition: str
    counted: str
    """How a count of actors taking it reads: '6 support'."""

    @property
    def label(self) -> str:
        """The stance as the site writes it: 'no public position'."""
        return self.id.replace("-", " ")


STANCES = (
    Stance(
        "supports",
        "✔",
        "Backs the outcome the issue's question asks about, without conditions.",
        "support",
    ),
    Stance(
        "conditional",
        "◐",
        "Would accept it only on conditions the actor has stated.",
        "conditional",
    ),
    Stance(
        "ambiguous",
        "?",
        "Sends mixed or unclear signals; the evidence points both ways.",
        "ambiguous",
    ),
    Stance("opposes", "✖", "Rejects the outcome the issue's question asks about.", "oppose"),
    Stance(
        "no-public-position",
        "–",
        "Has addressed the issue in public without taking a side.",
        "no public position",
    ),
)
STANCE_BY_ID = {stance.id: stance for stance in STANCES}
ACTOR_KINDS = ("state", "bloc", "organisation", "person")
FOLDER_KINDS = {"seeds": "article", "briefings/actors": "actor", "briefings/issues": "issue"}


@dataclass(frozen=True, slots=True)
class Issue:
    """A question at stake in the negotiation."""

    id: str
    location: Location
    title: str
    question: str
    aliases: tuple[str, ...]
    label: str
    """The short name of the issue's column in the stance matrix."""


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


DATED_AFTER_DAYS = 365
"""The default of briefing.yaml's `dated_after_days`."""
DEFAULT_ENGINE = "mkdocs"
"""The default of briefing.yaml's `engine`."""


@dataclass(frozen=True, slots=True)
class Briefing:
    """The whole validated model; collections are sorted, lookups are read-only."""

    title: str
    description: str
    dated_after_days: int
    """A position whose newest evidence is more days older than its as-of date looks dated."""
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    articles: tuple[Article, ...]
    actor_by_id: Mapping[str, Actor]
    issue_by_id: Mapping[str, Issue]
    article_by_id: Mapping[str, Article]
    dismissed: tuple[Dismissal, ...] = ()
    """Suggested evidence the editors have set aside."""
    engine: str = DEFAULT_ENGINE
    """The site engine that builds the pages (briefing.yaml's `engine`; the schema's enum)."""

    @property
    def positions(self) -> tuple[Position, ...]:
        return tuple(p for actor in self.actors for p in actor.positions)


def build_model(
    raw: RawInputs,
    problems: Problems,
    reuse: Reuse | None = None,
    today: datetime.date | None = None,
) -> Briefing:
    """Check and link everything; the caller checks `problems` before using the result.

    With `reuse`, an article read from the same raw record is not built again, and actors and
    issues equal to those of the previous run are those very objects. A date after `today`
    (by default the system's date: the check judges the inputs, and reads the clock for
    nothing else) gets a warning.
    """
    articles = build_articles(raw.articles, problems, reuse)
    check_cleaning(articles, problems, reuse)
    issue_files = unique_files(raw.issues, "issue", problems)
    actor_files = unique_files(raw.actors, "actor", problems)
    issues = build_issues(issue_files, problems)
    article_by_id = {a.id: a for a in articles}
    issue_by_id = {i.id: i for i in issues}
    shaped = [f for f in actor_files if f.data is not None and check_shape(f, "actor", problems)]
    # Files that exist but failed their own checks: references to them are not reported
    # again, since the file's own errors say what is wrong.
    broken = {("issue", stem(f)) for f in issue_files if stem(f) not in issue_by_id}
    broken |= {("article", a.stem) for a in raw.articles if a.stem not in article_by_id}
    broken |= {("article", unread) for unread in raw.unread}
    broken |= {("actor", stem(f)) for f in actor_files} - {("actor", stem(f)) for f in shaped}
    # A folder that could not be listed may hold any id of its kind.
    broken |= {(kind, ANY) for folder, kind in FOLDER_KINDS.items() if folder in raw.unlisted}
    context = Context(
        problems,
        article_by_id,
        issue_by_id,
        frozenset(stem(f) for f in actor_files),
        MappingProxyType(
            {stem(f): names(f.data["name"], aliases(f.data)) for f in shaped if is_person(f)}
        ),
        frozenset(broken),
        today or current_date(),
    )
    actors = sorted((build_actor(f, context, issue_by_id) for f in shaped), key=actor_order)
    if reuse is not None:
        actors = [reuse.intern(("actor", a.id), a) for a in actors]
        issues = [reuse.intern(("issue", i.id), i) for i in issues]
        issue_by_id = {i.id: i for i in issues}
    title, description, dated_after_days, engine = build_header(raw.briefing, problems)
    known = Known(article_by_id, frozenset(stem(f) for f in actor_files), issue_by_id)
    return Briefing(
        title=title,
        description=description,
        dated_after_days=dated_after_days,
        actors=tuple(actors),
        issues=tuple(sorted(issues, key=issue_order)),
        articles=tuple(sorted(articles, key=article_order)),
        actor_by_id=MappingProxyType({a.id: a for a in actors}),
        issue_by_id=MappingProxyType(issue_by_id),
        article_by_id=MappingProxyType(article_by_id),
        dismissed=build_dismissals(raw.dismissed, known, problems),
        engine=engine,
    )


def current_date() -> datetime.date:
    """The system's date, which the check of future dates reads (and nothing else)."""
    return datetime.date.today()


def unique_files(
    sources: tuple[YamlFile, ...], kind: str, problems: Problems
) -> tuple[YamlFile, ...]:
    """The files with distinct ids; a later file with the id of an earlier one is an error."""
    first: dict[str, YamlFile] = {}
    for source in sources:
        if stem(source) in first:
            other = first[stem(source)].path
            hint = f"one {kind} per file: merge the two files, or rename one"
            problems.error(
                Location(source.path), f"{kind} id '{stem(source)}' is also used by {other}", hint
            )
            continue
        first[stem(source)] = source
    return tuple(first.values())


def stem(source: YamlFile) -> str:
    """An actor's or issue's id: its file name without the extension."""
    return source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def actor_order(actor: Actor) -> tuple[int, str, str]:
    return (ACTOR_KINDS.index(actor.kind), actor.name.casefold(), actor.id)


def issue_order(issue: Issue) -> tuple[str, str]:
    return (issue.title.casefold(), issue.id)


def build_header(source: YamlFile | None, problems: Problems) -> tuple[str, str, int, str]:
    """The briefing's title, description, freshness threshold and site engine from
    briefings/briefing.yaml."""
    if source is None:
        hint = (
            "create it with 'title:' and 'description:' keys, or start a new project with "
            "'briefing init DIR --title …'"
        )
        problems.error(Location("briefings/briefing.yaml"), "missing file", hint)
        return "", "", DATED_AFTER_DAYS, DEFAULT_ENGINE
    if source.data is None or not check_shape(source, "briefing", problems):
        return "", "", DATED_AFTER_DAYS, DEFAULT_ENGINE
    data = source.data
    days = int(data.get("dated_after_days", DATED_AFTER_DAYS))
    engine = str(data.get("engine", DEFAULT_ENGINE))
    return str(data["title"]), str(data["description"]), days, engine


def build_issues(sources: tuple[YamlFile, ...], problems: Problems) -> list[Issue]:
    """The issues whose files have the right shape."""
    issues = []
    for source in sources:
        if source.data is None or not check_ids(source, problems):
            continue
        if check_shape(source, "issue", problems):
            data = source.data
            label = data.get("label") or short_title(data["title"])
            issue = Issue(
                stem(source), data.location, data["title"], data["question"], aliases(data), label
            )
            issues.append(issue)
    return issues


def short_title(title: str) -> str:
    """A title without the parenthesis that ends it: 'Territory ("Karabakh")' → 'Territory'."""
    if title.endswith(")") and " (" in title:
        return title[: title.rindex(" (")].strip() or title
    return title


def check_ids(source: YamlFile, problems: Problems) -> bool:
    """An actor or issue file name must be a safe id, since pages are named after it."""
    name = stem(source)
    if is_id(name):
        return True
    if is_reserved(name):
        problems.error(Location(source.path), reserved_reason(name), "rename the file")
        return False
    if is_too_long(name):
        problems.error(Location(source.path), too_long_reason(name), "rename the file, shorter")
        return False
    hint = "name the file with lowercase letters, digits and hyphens, e.g. 'united-states.yaml'"
    problems.error(Location(source.path), f"'{name}' is not a valid id", hint)
    return False


def aliases(data: MarkedDict) -> tuple[str, ...]:
    return tuple(data.get("aliases", ()))


def names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The words an actor or issue goes by: its name (or title), then its aliases."""
    return (name, *aliases)


def is_person(source: YamlFile) -> bool:
    return bool(source.data["kind"] == "person")


def build_actor(source: YamlFile, context: Context, issues: Mapping[str, Issue]) -> Actor:
    """One actor whose file has the right shape, with its positions checked and linked."""
    data = source.data
    actor_id = stem(source)
    check_ids(source, context.problems)
    check_person_keys(source, context)
    positions = build_positions(data, actor_id, context, issues)
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


def build_positions(
    data: MarkedDict, actor_id: str, context: Context, issues: Mapping[str, Issue]
) -> tuple[Position, ...]:
    """The actor's positions that can be linked, in the order of their issues."""
    listed = data.get("positions")
    if listed is None:
        return ()
    built = (build_position(listed, issue_id, actor_id, context) for issue_id in listed)
    found = (position for position in built if position is not None)
    return tuple(sorted(found, key=lambda p: issue_order(issues[p.issue_id])))


def check_person_keys(source: YamlFile, context: Context) -> None:
    """Only persons have a role and speak for another actor, and that actor must exist."""
    data = source.data
    for key in ("role", "speaks_for"):
        if key in data and data["kind"] != "person":
            hint = "only actors of kind 'person' have it; remove it or change 'kind'"
            context.problems.error(data.where_key(key), f"'{key}' is for persons", hint)
    target = data.get("speaks_for")
    if target is not None and target == stem(source):
        hint = "name the state, bloc or organisation the person speaks for"
        context.problems.error(
            data.where("speaks_for"), "a person cannot speak for themselves", hint
        )
    elif target is not None and target not in context.actor_ids:
        hint = did_you_mean(target, context.actor_ids)
        context.problems.error(data.where("speaks_for"), f"unknown actor '{target}'", hint)
