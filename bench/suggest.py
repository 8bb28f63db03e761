"""How well `briefing suggest` finds the evidence analysts chose, and how fast it runs.

    python -m bench.suggest                       # recall on the demo and the bulk set
    python -m bench.suggest --details             # ... and every quote missed
    python -m bench.suggest --tuning --details    # only the sets tuned on
    python -m bench.suggest --speed 1000          # suggestions over a synthetic project
    python -m bench.suggest --speed 1000 --texts DIR   # ... over DIR's first 1,000 .txt files

Recall: every position's evidence is hidden (the briefing is rebuilt without positions, so no
sentence is held back as cited), the suggester runs on each article the evidence cites, and a
hidden quote counts as found when it lies inside a suggestion for the same actor and issue. Of
the quotes found whose evidence names a speaker, the share whose suggestion names the same one
is the speaker figure. Suggestions per article count suggested sentences (one sentence may be
suggested for several actors and issues) and, apart, the (sentence, actor, issue) entries.

The sets: the demo's own positions (tests/fixtures/demo); fifteen real press releases in
bench/suggest-data/bulk with 55 evidence items chosen by hand (its evidence.yaml), five of
whose articles were set aside before any tuning (HELD_OUT) and are reported apart; and five
more (unseen.yaml, 20 items) whose evidence was chosen after the suggester was written and
before it ever ran on them; and five more (unseen-2.yaml, 29 items) chosen the same way before
the second round of tuning. Only the demo and the tuning part are listed with --details.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

import yaml

from generator.engine.build import load_model
from generator.model import Briefing
from generator.model.quotes import Found, find_quote
from generator.model.suggest import Suggestion, suggester_of
from generator.problems import Problems

HERE = Path(__file__).resolve().parent
DEMO = HERE.parent / "tests" / "fixtures" / "demo"
BULK = HERE / "suggest-data" / "bulk"
HELD_OUT = (
    "kremlin-en-67907",
    "kremlin-en-68486",
    "president-gov-ua-73149",
    "president-gov-ua-73861",
    "president-gov-ua-75845",
)
"""Every third article of the bulk set in sorted order, set aside before tuning began."""


@dataclass(frozen=True, slots=True)
class Gold:
    """One piece of evidence an analyst chose."""

    article: str
    actor: str
    issue: str
    quote: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Figures:
    """What one set's run measured."""

    name: str
    articles: int
    items: int
    found: int
    in_any: int
    named: int
    right: int
    sentences: int
    entries: int
    missed: tuple[str, ...]

    def lines(self) -> list[str]:
        return [
            f"{self.name}: {self.items} quotes in {self.articles} articles",
            f"  inside a suggestion for its actor and issue: {share(self.found, self.items)}",
            f"  inside any suggestion: {share(self.in_any, self.items)}",
            f"  speaker right, of those found that name one: {share(self.right, self.named)}",
            f"  suggested sentences per article: {self.sentences / self.articles:.1f}",
            f"  (sentence, actor, issue) entries per article: {self.entries / self.articles:.1f}",
        ]


def share(part: int, whole: int) -> str:
    """'7/10 (70%)'."""
    return f"{part}/{whole} ({100 * part / max(whole, 1):.0f}%)"


def demo_gold(briefing: Briefing) -> list[Gold]:
    """The evidence of every position of a briefing."""
    return [
        Gold(e.article_id, p.actor_id, p.issue_id, e.quote, e.speaker_id)
        for p in briefing.positions
        for e in p.evidence
    ]


def file_gold(path: Path) -> list[Gold]:
    """The evidence listed in an evidence.yaml file."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Gold(i["article"], i["actor"], i["issue"], i["quote"], i["speaker"]) for i in items]


def hidden(briefing: Briefing) -> Briefing:
    """The briefing with no positions: nothing cited, so nothing held back."""
    actors = tuple(replace(a, positions=()) for a in briefing.actors)
    return replace(briefing, actors=actors, actor_by_id=MappingProxyType({a.id: a for a in actors}))


def measure(name: str, briefing: Briefing, gold: Sequence[Gold]) -> Figures:
    """Recall, speakers and suggestions per article of one set."""
    bare = hidden(briefing)
    suggester = suggester_of(bare)
    ids = sorted({g.article for g in gold})
    made = {a: suggester.suggest(bare.article_by_id[a]) for a in ids}
    found = in_any = named = right = 0
    missed = []
    for item in gold:
        hits = covering(item, briefing, made[item.article])
        pair = [s for s in hits if (s.actor_id, s.issue_id) == (item.actor, item.issue)]
        in_any += bool(hits)
        found += bool(pair)
        if pair and item.speaker:
            named += 1
            right += pair[0].speaker_id == item.speaker
        if not pair:
            missed.append(describe_miss(item, hits))
    sentences = sum(len({(s.paragraph, s.start) for s in made[a]}) for a in ids)
    entries = sum(len(made[a]) for a in ids)
    return Figures(
        name, len(ids), len(gold), found, in_any, named, right, sentences, entries, tuple(missed)
    )


def covering(item: Gold, briefing: Briefing, made: Iterable[Suggestion]) -> list[Suggestion]:
    """The suggestions whose sentence holds the quote of `item`, best first."""
    article = briefing.article_by_id[item.article]
    where = find_quote(item.quote, tuple(p.text for p in article.paragraphs))
    if not isinstance(where, Found):
        return []
    number = article.paragraphs[where.index].number
    first, last = where.spans[0].start, where.spans[-1].end
    return [s for s in made if s.paragraph == number and s.start <= first and last <= s.end]


def describe_miss(item: Gold, hits: list[Suggestion]) -> str:
    pairs = ", ".join(sorted({f"{s.actor_id}/{s.issue_id}" for s in hits})) or "no suggestion"
    return f"{item.article[:28]} {item.actor}/{item.issue} [{pairs}]: {item.quote[:70]}"


def recall_sets(tuning: bool = False) -> list[Figures]:
    """The figures of the demo and the bulk set's tuning part, and unless `tuning` those of
    the sets kept aside."""
    problems = Problems()
    _, demo = load_model(DEMO, problems)
    _, bulk = load_model(BULK, problems)
    gold = file_gold(BULK / "evidence.yaml")
    tuned = [
        measure("demo", demo, demo_gold(demo)),
        measure("bulk, tuning part", bulk, [g for g in gold if g.article not in HELD_OUT]),
    ]
    if tuning:
        return tuned
    return [
        *tuned,
        measure("bulk, held out", bulk, [g for g in gold if g.article in HELD_OUT]),
        measure("bulk, unseen", bulk, file_gold(BULK / "unseen.yaml")),
        measure("bulk, unseen 2", bulk, file_gold(BULK / "unseen-2.yaml")),
    ]


def speed(articles: int, texts: Path | None = None) -> list[str]:
    """Time the suggestions of every article of a project of `articles` articles: synthetic
    ones (bench/corpus.py), or the first of the text files in folder `texts`."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        if texts is None:
            from bench.corpus import Size, make_project

            make_project(root, Size(articles, 40, 25, 800))
        else:
            text_project(root, texts, articles)
        _, briefing = load_model(root, Problems())
    times = []
    for _ in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        made = suggester_of(briefing).suggest_all(briefing.articles)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    wall, used = min(times)
    return [
        f"{len(briefing.articles)} articles ({'synthetic' if texts is None else texts.name}): "
        f"suggestions in {wall:.2f} s (best of 3; {used:.2f} s of processor time; median "
        f"{statistics.median(t[0] for t in times):.2f} s), {len(made)} suggestions"
    ]


def text_project(root: Path, texts: Path, articles: int) -> None:
    """A project of the first `articles` text files of `texts`, with the actors and issues of
    the bulk set (bench/suggest-data/bulk)."""
    (root / "seeds").mkdir(parents=True)
    shutil.copytree(BULK / "briefings", root / "briefings")
    for path in sorted(texts.glob("*.txt"))[:articles]:
        shutil.copyfile(path, root / "seeds" / path.name)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="list every quote missed")
    parser.add_argument(
        "--tuning", action="store_true", help="only the sets tuned on (the demo, the tuning part)"
    )
    parser.add_argument("--all", action="store_true", help="with --details: every set's misses")
    parser.add_argument("--speed", type=int, metavar="N", help="time N articles")
    parser.add_argument(
        "--texts", type=Path, metavar="DIR", help="with --speed: text files to time, not synthetic"
    )
    args = parser.parse_args(argv)
    if args.speed:
        print("\n".join(speed(args.speed, args.texts)))
        return
    for figures in recall_sets(args.tuning):
        print("\n".join(figures.lines()))
        if args.details and ("tuning" in figures.name or figures.name == "demo" or args.all):
            print("\n".join(f"    missed: {m}" for m in figures.missed))


if __name__ == "__main__":
    main()
