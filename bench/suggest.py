"""How well `briefing suggest` finds the evidence analysts chose, and how fast it runs.

    python -m bench.suggest                       # recall on the demo and the bulk sets
    python -m bench.suggest --details             # ... and every quote missed
    python -m bench.suggest --tuning --details    # only the sets tuned on
    python -m bench.suggest --per-article 14      # ... with another budget of suggestions
    python -m bench.suggest --curve               # recall against budgets, one article out
    python -m bench.suggest --speed 1000          # suggestions over a synthetic project
    python -m bench.suggest --speed 1000 --texts DIR   # ... over DIR's first 1,000 .txt files

Two evaluations. One article left out (the headline): for each article, the evidence that
cites it is hidden and the rest of the briefing kept (a position left with none is dropped),
and the suggester runs on that article as `briefing suggest ARTICLE --format json` does, the
briefing's other positions in place. Every position hidden: the briefing is rebuilt without
positions and the suggester runs on every article the evidence cites, as in a new project.
A hidden quote counts as found when it lies inside a suggestion for the same actor and issue.
Of the quotes found whose evidence names a speaker, the share whose suggestion names the same
one is the speaker figure. Per article: the suggested sentences (one sentence may be
suggested for several actors and issues) and the suggestions, one JSON object each.

The sets: the demo's own positions (tests/fixtures/demo); fifteen real press releases in
bench/suggest-data/bulk with 55 evidence items chosen by hand (its evidence.yaml), five of
whose articles were set aside before any tuning (HELD_OUT) and are reported apart; and five
more (unseen.yaml, 20 items) whose evidence was chosen after the suggester was written and
before it ever ran on them; and five more (unseen-2.yaml, 29 items) chosen the same way before
the second round of tuning. With one article left out, the bulk briefing's positions are the
items of every other article of the sets measured (with --tuning, of the tuning part alone).
Only the demo and the tuning part are listed with --details.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.suggest_sets import Gold, demo_gold, file_gold, hidden, positioned, without
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
BULK_SETS = ("evidence.yaml", "unseen.yaml", "unseen-2.yaml")

Run = Callable[[str], tuple[Suggestion, ...]]
"""The suggestions of an article, by its id."""


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
    objects: int
    missed: tuple[str, ...]

    def lines(self) -> list[str]:
        return [
            f"{self.name}: {self.items} quotes in {self.articles} articles",
            f"  inside a suggestion for its actor and issue: {share(self.found, self.items)}",
            f"  inside any suggestion: {share(self.in_any, self.items)}",
            f"  speaker right, of those found that name one: {share(self.right, self.named)}",
            f"  suggested sentences per article: {self.sentences / self.articles:.1f}",
            f"  suggestions (JSON objects) per article: {self.objects / self.articles:.1f}",
        ]


def share(part: int, whole: int) -> str:
    """'7/10 (70%)'."""
    return f"{part}/{whole} ({100 * part / max(whole, 1):.0f}%)"


def all_hidden(briefing: Briefing, per_article: int | None) -> Run:
    """Suggestions with every position of the briefing hidden."""
    bare = hidden(briefing)
    suggester = suggester_of(bare, per_article)
    return lambda article_id: suggester.suggest(bare.article_by_id[article_id])


def one_out(briefing: Briefing, per_article: int | None) -> Run:
    """Suggestions with the evidence citing the article hidden, the rest of the briefing kept."""

    def run(article_id: str) -> tuple[Suggestion, ...]:
        kept = without(briefing, article_id)
        return suggester_of(kept, per_article).suggest(kept.article_by_id[article_id])

    return run


def measure(name: str, briefing: Briefing, gold: Sequence[Gold], run: Run) -> Figures:
    """Recall, speakers and suggestions per article of one set."""
    ids = sorted({g.article for g in gold})
    made = {a: run(a) for a in ids}
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
    objects = sum(len(made[a]) for a in ids)
    return Figures(
        name, len(ids), len(gold), found, in_any, named, right, sentences, objects, tuple(missed)
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


Evaluation = Callable[[Briefing, int | None], Run]


def recall_sets(
    evaluation: Evaluation, tuning: bool = False, per_article: int | None = None
) -> list[Figures]:
    """The figures of the demo and the bulk set's tuning part, and unless `tuning` those of
    the sets kept aside; the bulk briefing's positions are the items of the sets measured."""
    problems = Problems()
    _, demo = load_model(DEMO, problems)
    _, bulk = load_model(BULK, problems)
    gold = file_gold(BULK / "evidence.yaml")
    tuned = [g for g in gold if g.article not in HELD_OUT]
    sets = {"bulk, tuning part": tuned}
    if not tuning:
        sets["bulk, held out"] = [g for g in gold if g.article in HELD_OUT]
        sets["bulk, unseen"] = file_gold(BULK / "unseen.yaml")
        sets["bulk, unseen 2"] = file_gold(BULK / "unseen-2.yaml")
    pool = [g for items in sets.values() for g in items]
    filed = positioned(bulk, pool, BULK / "evidence.yaml")
    figures = [measure("demo", demo, demo_gold(demo), evaluation(demo, per_article))]
    run = evaluation(filed, per_article)
    return [*figures, *(measure(name, bulk, items, run) for name, items in sets.items())]


CURVE = (5, 8, 10, 12, 15, 20, 1000)
"""The budgets of suggestions per article the curve is drawn at (1000: as many as made)."""


def curve(tuning: bool) -> list[str]:
    """Recall for the right actor and issue against suggestions per article, one article
    left out, at each budget of CURVE."""
    rows = []
    for budget in CURVE:
        cells = (
            f"{f.name}: {share(f.found, f.items)} at {f.objects / f.articles:.1f}"
            for f in recall_sets(one_out, tuning, budget)
        )
        rows.append(f"budget {budget}: " + "; ".join(cells))
    return rows


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
    parser.add_argument(
        "--per-article", type=int, metavar="N", help="suggestions per article (default: the tool's)"
    )
    parser.add_argument("--curve", action="store_true", help="recall against budgets (CURVE)")
    args = parser.parse_args(argv)
    if args.curve:
        print("\n".join(curve(args.tuning)))
        return
    if args.speed:
        print("\n".join(speed(args.speed, args.texts)))
        return
    evaluations = (("one article left out", one_out), ("every position hidden", all_hidden))
    for title, evaluation in evaluations:
        print(f"== {title} ==")
        for figures in recall_sets(evaluation, args.tuning, args.per_article):
            print("\n".join(figures.lines()))
            if args.details and ("tuning" in figures.name or figures.name == "demo" or args.all):
                print("\n".join(f"    missed: {m}" for m in figures.missed))


if __name__ == "__main__":
    main()
