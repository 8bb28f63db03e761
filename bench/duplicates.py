"""How long `briefing add` takes to compare a new article with every article of the project.

    python -m bench.duplicates --articles 10000

The project's articles are synthetic (bench.corpus); the new article is one of them with a
paragraph of page chrome added at each end, like a syndicated copy. The script times the
exact-duplicate look-up and the near-duplicate scan (generator/duplicates.py) and prints the
similarity found.
"""

from __future__ import annotations

import argparse
import dataclasses
import time

from bench.mentions import synthetic_articles
from generator.model.articles import Paragraph
from generator.model.duplicates import Seen, check_duplicates, text_of
from generator.problems import Location, Problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    options = parser.parse_args()
    articles, _ = synthetic_articles(options.articles, 40, 25)
    seen = Seen({text_of(a): a for a in articles}, {a.id: a for a in articles})
    original = articles[len(articles) // 2]
    chrome = (Paragraph(0, "paragraph", "Share this story with friends and colleagues today."),)
    paragraphs = chrome + original.paragraphs + chrome
    copy = dataclasses.replace(original, id="copy", paragraphs=paragraphs)
    problems = Problems()
    start = time.perf_counter()
    accepted, similar = check_duplicates(Location("copy.txt"), copy, seen, True, problems)
    seconds = time.perf_counter() - start
    assert accepted and similar is not None and similar.article.id == original.id
    print(f"{len(articles):,} articles: near duplicate found in {seconds:.2f} s")
    print(f"similarity to {original.id}: {similar.percent:.1f}%")


if __name__ == "__main__":
    main()
