"""A synthetic briefing project of any size, for the benchmarks.

`make_project(root, size)` writes a project that `briefing build` accepts: the repository's
mkdocs.yml (the templates, pages and theme are the tool's defaults), then `size.articles`
scraped-text articles (with sidecar metadata) and Markdown articles, `size.actors` actors,
`size.issues` issues and `size.positions` positions whose quotes are sentences copied
verbatim from the articles, so that the model's quote check passes.

Articles look like the demo's scraped pages: a licence mark and section label, a title and a
subtitle, a leading `date …` line, 6 to 12 paragraphs of 2 to 5 sentences with two or three
subheadings, and page chrome at the end; about 650 words each. The words are drawn from a news
vocabulary plus a long tail of made-up words with a Zipf-like frequency, so that the vocabulary
grows with the corpus as real text does (which is what search indexes are sensitive to), with
typographic quotes, apostrophes and dashes as in real news prose (which quote matching and
text cleaning treat apart from plain ASCII). Each
article mentions 2 to 4 actors and 1 to 3 issues by name or alias.

Every article is generated from its own seeded random stream, so a corpus of 4,000 articles
starts with the same 1,000 articles as a corpus of 1,000, and `next_article` makes the next
one, dated after every other, like a new article of the day.
"""

from __future__ import annotations

import datetime
import itertools
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG_INPUTS = ("mkdocs.yml",)
"""What a benchmark project takes from the repository's project; the templates, pages and
theme are the tool's defaults."""
FIRST_DAY = datetime.date(2022, 1, 3)
DAYS = 1460  # four years of articles
MARKDOWN_SHARE = 5  # one article in five is Markdown with front matter


@dataclass(frozen=True, slots=True)
class Size:
    """How big a synthetic project is."""

    articles: int
    actors: int
    issues: int
    positions: int


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor or an issue as the corpus knows it: id, display name and the words for it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    speaks_for: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article and the ids of the actors and issues it names."""

    text: str
    actors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SynthArticle:
    """A generated article: its id, date, file text and the sentences naming actors."""

    id: str
    date: datetime.date
    files: dict[str, str]
    naming: tuple[Sentence, ...]
    body_sentence: str


def word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def phrase_list(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


FUNCTION = word_list("the of and to in a that for on with as by at from its their this which")
NOUNS = word_list(
    "talks delegation ministry proposal agreement envoy summit statement officials border "
    "negotiators framework plan treaty government parliament region capital forces troops "
    "sanctions exports pipeline harbour villages refugees convoy monitors inspectors "
    "observers memorandum draft clause guarantees commitments timetable deadline meeting "
    "round session readout interview briefing spokesperson minister adviser council "
    "committee coalition allies partners donors lenders fund budget economy prices energy "
    "grid power station railway bridge airport port corridor shipments grain fuel gas "
    "electricity winter offensive counteroffensive shelling drones missiles air defence "
    "front line positions withdrawal buffer zone verification mechanism reporters diplomats"
    " channel backchannel"
)
VERBS = word_list(
    "said announced rejected welcomed proposed insisted warned confirmed denied stressed "
    "argued demanded signalled suggested outlined reviewed discussed postponed resumed "
    "accepted questioned criticised endorsed reaffirmed clarified dismissed promised"
)
ADJECTIVES = word_list(
    "senior new regional direct formal informal lasting temporary permanent comprehensive "
    "limited broad firm cautious public private joint bilateral multilateral written verbal"
    " economic military humanitarian political legal technical final preliminary renewed "
    "fragile binding unconditional"
)
TIMES = phrase_list(
    "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|at the weekend|late on Sunday|"
    "earlier this week|last month|after the meeting|before the vote|during the call"
)
SYLLABLES = word_list(
    "ka ri to ve lan dor mi sa bel tor qui ne ra vo sel mar ten gri pal zu ho fen lis rok "
    "tam ur ba ci de no va"
)
ISSUES = (
    ("ceasefire", "Ceasefire", ("ceasefire", "truce")),
    ("security-guarantees", "Security guarantees", ("security guarantees",)),
    ("territory", "Territorial questions", ("territorial concessions", "occupied territory")),
    ("prisoners", "Prisoner exchanges", ("prisoner exchange", "prisoner swap")),
    ("sanctions", "Sanctions relief", ("sanctions relief",)),
    ("grain", "Grain exports", ("grain corridor", "grain exports")),
    ("nuclear-plant", "Nuclear plant safety", ("nuclear plant",)),
    ("reconstruction", "Reconstruction money", ("reconstruction fund", "reconstruction money")),
    ("peacekeepers", "Peacekeeping force", ("peacekeeping force", "peacekeepers")),
    ("neutrality", "Neutral status", ("neutral status", "neutrality")),
    ("energy-strikes", "Strikes on energy", ("energy infrastructure",)),
    ("elections", "Elections", ("elections", "election date")),
    ("frozen-assets", "Frozen assets", ("frozen assets",)),
    ("tribunal", "Special tribunal", ("special tribunal", "war crimes tribunal")),
    ("buffer-zone", "Demilitarised zone", ("demilitarised zone", "buffer zone")),
    ("humanitarian", "Humanitarian access", ("humanitarian corridor", "humanitarian access")),
    ("minorities", "Minority rights", ("minority rights",)),
    ("language", "Language law", ("language law",)),
    ("black-sea", "Black Sea shipping", ("Black Sea shipping",)),
    ("children", "Return of deported children", ("deported children",)),
    ("missing", "Missing persons", ("missing persons",)),
    ("demining", "Demining", ("demining", "mine clearance")),
    ("reparations", "Reparations", ("reparations",)),
    ("arms-supplies", "Arms supplies", ("arms supplies", "weapons deliveries")),
    ("membership", "Alliance membership", ("alliance membership", "membership bid")),
    ("visa-regime", "Visa regime", ("visa regime",)),
    ("monitoring", "Ceasefire monitoring", ("monitoring mission",)),
    ("debt", "Debt restructuring", ("debt restructuring",)),
    ("dam", "Dam and water supply", ("water supply",)),
    ("referendum", "Referendum", ("referendum",)),
)
KINDS_CYCLE = ("state", "state", "person", "state", "bloc", "person", "organisation", "person")
STANCES = ("supports", "conditional", "ambiguous", "opposes", "no-public-position")
OUTLETS = ("Example Wire", "Foreign Ministry readouts", "The Daily Record", "Regional Monitor")


def word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def make_actors(count: int) -> tuple[Entity, ...]:
    """Actors with invented names (states, blocs, organisations, persons speaking for states)."""
    rng = random.Random(1)
    used: set[str] = set()
    actors: list[Entity] = []
    states: list[str] = []
    for index in range(count):
        kind = KINDS_CYCLE[index % len(KINDS_CYCLE)]
        if kind == "person" and not states:
            kind = "state"
        base = unique_word(rng, used, 3)
        entity = make_actor(rng, used, kind, base, states)
        if kind == "state":
            states.append(entity.id)
        actors.append(entity)
    return tuple(actors)


def unique_word(rng: random.Random, used: set[str], syllables: int) -> str:
    while True:
        candidate = word(rng, syllables).capitalize()
        if candidate not in used:
            used.add(candidate)
            return candidate


def make_actor(
    rng: random.Random, used: set[str], kind: str, base: str, states: list[str]
) -> Entity:
    if kind == "person":
        given = unique_word(rng, used, 2)
        return Entity(
            f"{given}-{base}".lower(), f"{given} {base}", (base,), kind, rng.choice(states)
        )
    if kind == "state":
        capital = unique_word(rng, used, 3)
        return Entity(base.lower(), base, (capital, f"Republic of {base}"), kind)
    name = f"{base} {'Union' if kind == 'bloc' else 'Agency'}"
    return Entity(base.lower() + ("-union" if kind == "bloc" else "-agency"), name, (), kind)


def make_issues(count: int) -> tuple[Entity, ...]:
    """Issues with realistic titles and aliases; past the list, invented ones."""
    issues = [Entity(id, title, aliases, "issue") for id, title, aliases in ISSUES[:count]]
    rng = random.Random(2)
    used: set[str] = set()
    while len(issues) < count:
        name = unique_word(rng, used, 3)
        issues.append(Entity(f"{name.lower()}-question", f"{name} question", (name,), "issue"))
    return tuple(issues)


class Vocabulary:
    """News words plus a Zipf-like tail of invented words, drawn with a seeded stream."""

    TAIL = 20000

    def __init__(self) -> None:
        rng = random.Random(3)
        self.tail = [word(rng, rng.randint(2, 4)) for _ in range(self.TAIL)]
        self.cumulative = list(itertools.accumulate(1 / (rank + 10) for rank in range(self.TAIL)))

    def rare(self, rng: random.Random) -> str:
        return rng.choices(self.tail, cum_weights=self.cumulative)[0]


def mention(rng: random.Random, entity: Entity) -> str:
    return rng.choice((entity.name, *entity.aliases))


def sentence(rng: random.Random, words: Vocabulary, subject: str | None = None) -> str:
    """One sentence of news prose; `subject` (an actor's name) opens it when given."""
    if subject is None:
        subject = f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    parts = [
        subject,
        rng.choice(VERBS),
        rng.choice([*FUNCTION[:1], "a", "its"]),
        rng.choice(ADJECTIVES),
        rng.choice(NOUNS),
        rng.choice(("on", "for", "about", "over")),
        "the",
        words.rare(rng),
        rng.choice(NOUNS),
    ]
    for _ in range(rng.randint(0, 3)):
        parts += [rng.choice(FUNCTION), rng.choice((words.rare(rng), rng.choice(NOUNS)))]
    parts.append(rng.choice(TIMES))
    typography = rng.random()  # news prose quotes people and sets asides between dashes
    if typography < 0.25:
        parts[3], parts[4] = f"\u201c{parts[3]}", f"{parts[4]}\u201d"
    elif typography < 0.4:
        parts.insert(5, "\u2014 in the officials\u2019 words \u2014")
    return " ".join(parts) + "."


def make_article(
    number: int, actors: tuple[Entity, ...], issues: tuple[Entity, ...], words: Vocabulary
) -> SynthArticle:
    """Article `number`: about 650 words in 6 to 12 paragraphs, naming a few actors and issues."""
    rng = random.Random(1000 + number)
    day = FIRST_DAY + datetime.timedelta(days=(number * 7919) % DAYS)
    named = rng.sample(actors, min(len(actors), rng.randint(2, 4)))
    topics = rng.sample(issues, min(len(issues), rng.randint(1, 3)))
    paragraphs: list[list[Sentence]] = []
    for _ in range(rng.randint(6, 12)):
        paragraphs.append([Sentence(sentence(rng, words), ()) for _ in range(rng.randint(2, 5))])
    naming = place_mentions(rng, paragraphs, named, topics, words)
    title = (
        f"{mention(rng, named[0])} and {mention(rng, named[1])} meet on {topics[0].name.lower()}"
    )
    subtitle = sentence(rng, words)[:-1]
    article_id = f"{day.isoformat()}-{number:05d}-wire"
    body_sentence = paragraphs[-1][-1].text
    files = render_files(article_id, number, day, title, subtitle, paragraphs, rng)
    return SynthArticle(article_id, day, files, naming, body_sentence)


def place_mentions(
    rng: random.Random,
    paragraphs: list[list[Sentence]],
    named: list[Entity],
    topics: list[Entity],
    words: Vocabulary,
) -> tuple[Sentence, ...]:
    """Put sentences naming the actors and issues into the paragraphs; return those sentences."""
    naming = []
    for actor in named:
        topic = rng.choice(topics)
        text = sentence(rng, words, subject=mention(rng, actor))
        text = text[:-1] + f", in the dispute over the {rng.choice(topic.aliases)}."
        placed = Sentence(text, (actor.id,))
        rng.choice(paragraphs).insert(0, placed)
        naming.append(placed)
    return tuple(naming)


def render_files(
    article_id: str,
    number: int,
    day: datetime.date,
    title: str,
    subtitle: str,
    paragraphs: list[list[Sentence]],
    rng: random.Random,
) -> dict[str, str]:
    """The seed files of an article: scraped text with a sidecar, or Markdown."""
    outlet = OUTLETS[number % len(OUTLETS)]
    url = f"https://example.org/news/{article_id}"
    blocks = [" ".join(s.text for s in p) for p in paragraphs]
    for at in sorted(rng.sample(range(2, len(blocks)), 2), reverse=True):
        blocks.insert(at, f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} ahead")
    if number % MARKDOWN_SHARE == 0:
        front = (
            f"---\ntitle: {title}\ndate: {day}\noutlet: {outlet}\nurl: {url}\n"
            "licence: CC BY 4.0\n---\n"
        )
        body = "\n\n".join(f"## {b}" if not b.endswith(".") else b for b in blocks)
        return {f"{article_id}.md": front + body + "\n"}
    text = "\n\n".join(
        ["Public domain\nWorld / Diplomacy", title, subtitle, f"date {day} 09:00 GMT", *blocks]
    )
    meta = f"date: {day}\noutlet: {outlet}\nurl: {url}\n"
    return {f"{article_id}.txt": text + "\n\nSCROLL FOR NEXT\n", f"{article_id}.meta.yaml": meta}


def make_project(root: Path, size: Size) -> tuple[SynthArticle, ...]:
    """Write a whole synthetic project into `root` (created); return its articles."""
    copy_config(root)
    actors, issues = make_actors(size.actors), make_issues(size.issues)
    words = Vocabulary()
    articles = tuple(make_article(n, actors, issues, words) for n in range(size.articles))
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for article in articles:
        for name, text in article.files.items():
            (seeds / name).write_text(text, encoding="utf-8")
    write_briefings(root, size, actors, issues, articles)
    return articles


def next_article(size: Size) -> SynthArticle:
    """The corpus's next article, dated after every other one, like a new article of the day."""
    actors, issues = make_actors(size.actors), make_issues(size.issues)
    article = make_article(size.articles, actors, issues, Vocabulary())
    newest = FIRST_DAY + datetime.timedelta(days=DAYS + 1)
    files = {
        name.replace(article.id, f"{newest}-new-wire"): text.replace(str(article.date), str(newest))
        for name, text in article.files.items()
    }
    return SynthArticle(f"{newest}-new-wire", newest, files, article.naming, article.body_sentence)


def copy_config(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name in CONFIG_INPUTS:
        source = REPO / name
        shutil.copy(source, root / name)


def write_briefings(
    root: Path,
    size: Size,
    actors: tuple[Entity, ...],
    issues: tuple[Entity, ...],
    articles: tuple[SynthArticle, ...],
) -> None:
    """briefing.yaml, the issue files and the actor files with their positions."""
    folder = root / "briefings"
    (folder / "actors").mkdir(parents=True, exist_ok=True)
    (folder / "issues").mkdir(parents=True, exist_ok=True)
    (folder / "briefing.yaml").write_text(
        "title: Synthetic negotiation briefing\n"
        f"description: A generated corpus of {size.articles} articles for benchmarks.\n",
        encoding="utf-8",
    )
    for issue in issues:
        aliases = ", ".join(f'"{a}"' for a in issue.aliases)
        question = f"Should the parties agree on {issue.name.lower()}?"
        text = f"title: {issue.name}\nquestion: {question}\naliases: [{aliases}]\n"
        (folder / "issues" / f"{issue.id}.yaml").write_text(text, encoding="utf-8")
    positions = plan_positions(size, actors, issues)
    for actor in actors:
        text = actor_yaml(actor, positions.get(actor.id, ()), articles)
        (folder / "actors" / f"{actor.id}.yaml").write_text(text, encoding="utf-8")


def plan_positions(
    size: Size, actors: tuple[Entity, ...], issues: tuple[Entity, ...]
) -> dict[str, tuple[str, ...]]:
    """Which issues each actor has a position on: `size.positions` distinct cells."""
    rng = random.Random(4)
    cells = [(a.id, i.id) for a in actors for i in issues]
    chosen = sorted(rng.sample(cells, min(size.positions, len(cells))))
    table: dict[str, list[str]] = {}
    for actor_id, issue_id in chosen:
        table.setdefault(actor_id, []).append(issue_id)
    return {key: tuple(value) for key, value in table.items()}


def actor_yaml(
    actor: Entity, issue_ids: tuple[str, ...], articles: tuple[SynthArticle, ...]
) -> str:
    """An actor file; each position quotes one to three sentences that name the actor."""
    rng = random.Random(actor.id)
    lines = [f"name: {actor.name}", f"kind: {actor.kind}"]
    if actor.speaks_for:
        lines += [
            f"role: Foreign minister of {actor.speaks_for}",
            f"speaks_for: {actor.speaks_for}",
        ]
    if actor.aliases:
        lines.append("aliases: [" + ", ".join(actor.aliases) + "]")
    naming = [(a, s) for a in articles for s in a.naming if actor.id in s.actors]
    if issue_ids and articles:
        lines.append("positions:")
    for issue_id in issue_ids if articles else ():
        lines += position_yaml(rng, issue_id, naming or fallback(articles))
    return "\n".join(lines) + "\n"


def fallback(articles: tuple[SynthArticle, ...]) -> list[tuple[SynthArticle, Sentence]]:
    return [(articles[0], articles[0].naming[0])]


def position_yaml(
    rng: random.Random, issue_id: str, naming: list[tuple[SynthArticle, Sentence]]
) -> list[str]:
    picked = rng.sample(naming, min(len(naming), rng.randint(1, 3)))
    newest = max(article.date for article, _ in picked)
    as_of = newest + datetime.timedelta(days=rng.randint(0, 60))
    lines = [
        f"  {issue_id}:",
        f"    stance: {rng.choice(STANCES)}",
        "    summary: A generated summary of the position, for benchmarks.",
        f"    as_of: {as_of}",
        "    evidence:",
    ]
    for article, said in sorted(picked, key=lambda pair: pair[0].id):
        quote = said.text.replace('"', '\\"')
        lines += [f"      - article: {article.id}", f'        quote: "{quote}"']
    return lines
