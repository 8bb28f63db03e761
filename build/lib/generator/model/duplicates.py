"""Whether a new article duplicates one of the project's, exactly or nearly.

An exact duplicate has the same cleaned text (paragraphs after page chrome is removed) as an
article of the project. A near duplicate, such as a syndicated copy whose chrome the cleaner
did not catch, is one whose cleaned text is at least NEAR_DUPLICATE percent similar by
rapidfuzz's `fuzz.ratio`: the Indel similarity of the two texts, computed exactly and in C, with
a cut-off that skips texts whose lengths differ too much. It is exact and needs no index to
keep; a scan of 10,000 articles is measured in BENCHMARKS.md. An approximate index (MinHash
with locality-sensitive hashing, datasketch) would only pay off for far larger corpora.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from generator.model.articles import Article
from generator.problems import Location, Problems

NEAR_DUPLICATE = 85.0
"""Percent similarity of cleaned texts from which an article is a near duplicate."""


@dataclass(frozen=True, slots=True)
class Similar:
    """An article of the project whose cleaned text is close to a new one."""

    article: Article
    percent: float


@dataclass(frozen=True, slots=True)
class Seen:
    """The articles new ones are compared with: the project's, then those already accepted."""

    by_text: dict[str, Article]
    by_id: dict[str, Article]

    def add(self, article: Article) -> None:
        self.by_text[text_of(article)] = article
        self.by_id[article.id] = article

    def texts(self) -> dict[str, str]:
        return {key: text_of(article) for key, article in self.by_id.items()}


def text_of(article: Article) -> str:
    """The cleaned text duplicates are judged on: the paragraphs, without the title."""
    return "\n".join(paragraph.text for paragraph in article.paragraphs)


def check_duplicates(
    where: Location, article: Article, seen: Seen, force: bool, problems: Problems
) -> tuple[bool, Similar | None]:
    """Whether the article (read from `where`) may be added, and the near duplicate that
    --force lets through; a refusal is reported in `problems`."""
    text = text_of(article)
    if text in seen.by_text:
        same = seen.by_text[text]
        hint = f"it is already in the project as {same.location.path}"
        problems.error(where, f"same text as article '{same.id}'", hint)
        return False, None
    found = process.extractOne(text, seen.texts(), scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE)
    if found is None:
        return True, None
    similar = Similar(seen.by_id[found[2]], round(found[1], 1))
    if not force:
        message = (
            f"near duplicate of article '{similar.article.id}' ({similar.percent:.0f}% similar)"
        )
        hint = f"compare it with {similar.article.location.path}; add it with --force to keep both"
        problems.error(where, message, hint)
        return False, None
    return True, similar
