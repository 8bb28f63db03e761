"""How long finding mentions takes, three ways, on synthetic articles.

    python -m bench.mentions --articles 10000 --actors 40 --issues 25

- per name: one regular expression per actor or issue (its name and aliases, whole words, any
  case) searched in the title and every paragraph of every article, as the first version did;
- one pattern: a single alternation of every name, one pass per article;
- automaton: every name in one Aho–Corasick automaton (generator/mentions.py), one pass per
  article.

All three must find the same mentions; the script says so, then prints the seconds each took.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Mapping

from bench.corpus import Vocabulary, make_actors, make_article, make_issues
from generator.model.articles import Article, Paragraph
from generator.model.mentions import Key, find_mentions
from generator.problems import Location

Found = dict[str, frozenset[Key]]


def synthetic_articles(
    count: int, actors: int, issues: int
) -> tuple[list[Article], dict[Key, tuple[str, ...]]]:
    """`count` synthetic articles as the model holds them, and the names of actors and issues."""
    people, topics = make_actors(actors), make_issues(issues)
    words = Vocabulary()
    articles = []
    for number in range(count):
        made = make_article(number, people, topics, words)
        text = next(t for name, t in made.files.items() if not name.endswith(".meta.yaml"))
        blocks = [b for b in text.split("\n\n") if b and not b.startswith("---")]
        articles.append(model_article(made.id, blocks[0], blocks[1:]))
    names: dict[Key, tuple[str, ...]] = {("actor", a.id): (a.name, *a.aliases) for a in people}
    names.update({("issue", i.id): (i.name, *i.aliases) for i in topics})
    return articles, names


def model_article(article_id: str, title: str, blocks: list[str]) -> Article:
    paragraphs = tuple(Paragraph(n, "paragraph", b) for n, b in enumerate(blocks, start=1))
    return Article(
        id=article_id,
        location=Location(f"seeds/{article_id}.txt"),
        title=title,
        subtitle=None,
        section=None,
        date=None,
        date_note=None,
        author=None,
        outlet=None,
        url=None,
        licence=None,
        attribution=None,
        excerpt=False,
        paragraphs=paragraphs,
    )


def whole_words(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def per_name(articles: list[Article], names: Mapping[Key, tuple[str, ...]]) -> Found:
    patterns = {key: whole_words(words) for key, words in names.items()}
    return {
        a.id: frozenset(
            key
            for key, pattern in patterns.items()
            if any(pattern.search(t) for t in (a.title, *(p.text for p in a.paragraphs)))
        )
        for a in articles
    }


def one_pattern(articles: list[Article], names: Mapping[Key, tuple[str, ...]]) -> Found:
    owners: dict[str, set[Key]] = {}
    for key, words in names.items():
        for word in words:
            owners.setdefault(word.lower(), set()).add(key)
    pattern = whole_words(tuple(owners))
    found = {}
    for article in articles:
        text = "\n".join([article.title, *(p.text for p in article.paragraphs)])
        found[article.id] = frozenset(
            key for match in pattern.finditer(text) for key in owners[match.group().lower()]
        )
    return found


def timed(method: Callable[[], Found]) -> tuple[float, Found]:
    start = time.perf_counter()
    found = method()
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--actors", type=int, default=40)
    parser.add_argument("--issues", type=int, default=25)
    options = parser.parse_args()
    articles, names = synthetic_articles(options.articles, options.actors, options.issues)
    count = sum(len(words) for words in names.values())
    print(f"{len(articles):,} articles, {len(names)} actors and issues, {count} names")
    results = {
        "automaton": timed(lambda: find_mentions(articles, names)),
        "one pattern": timed(lambda: one_pattern(articles, names)),
        "per name": timed(lambda: per_name(articles, names)),
    }
    reference = results["per name"][1]
    for label, (seconds, found) in results.items():
        same = "same mentions" if found == reference else "DIFFERENT mentions"
        print(f"{label:12} {seconds:7.2f} s  {same}")


if __name__ == "__main__":
    main()
