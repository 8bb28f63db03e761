"""Which actors and issues each article mentions, found by name and alias in one pass.

A name is mentioned when it occurs as a whole word (or words), in any case, in the article's
title, its author or one of its paragraphs. All the names of all actors and issues go into one
Aho–Corasick automaton (pyahocorasick), so each article is read once whatever the number of
names: at 10,000 articles and 60 names this is about ten times faster than one regular
expression per name (see BENCHMARKS.md). Overlapping names all count: an article that says
"Northland Recovery Conference" mentions both that conference and Northland.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import ahocorasick

from generator.model.articles import Article, article_texts

Key = tuple[str, str]
"""What a name stands for: ("actor", id) or ("issue", id)."""
NAMED: Key = ("names", "")
"""What the names of `names_in` stand for: those names, whoever goes by them."""


def find_mentions(
    articles: Iterable[Article], names: Mapping[Key, tuple[str, ...]]
) -> dict[str, frozenset[Key]]:
    """Article id → the keys whose names occur in it as whole words, in any case."""
    automaton = build_automaton(names)
    if automaton is None:
        return {}
    return {article.id: mentioned(automaton, article_text(article)) for article in articles}


def mentioned_in(automaton: Any, article: Article) -> frozenset[Key] | None:
    """The keys whose names occur in the article, as `find_mentions` finds them; None when
    there is no name at all (and so no automaton)."""
    return None if automaton is None else mentioned(automaton, article_text(article))


def names_in(article: Article, names: tuple[str, ...]) -> bool:
    """Whether one of `names` occurs in the article as a whole word, in any case (its title,
    author and text count)."""
    automaton = names_automaton(names)
    return automaton is not None and bool(mentioned(automaton, article_text(article)))


@lru_cache(maxsize=1024)
def names_automaton(names: tuple[str, ...]) -> Any:
    """The automaton of one list of names (a speaker's, who may be quoted many times)."""
    return build_automaton({NAMED: names})


def build_automaton(names: Mapping[Key, tuple[str, ...]]) -> Any:
    """One automaton over every lower-cased name; each name stores the keys it stands for."""
    owners: dict[str, set[Key]] = {}
    for key, words in names.items():
        for word in words:
            if word.strip():
                owners.setdefault(word.lower(), set()).add(key)
    if not owners:
        return None
    automaton = ahocorasick.Automaton()
    for word, keys in owners.items():
        automaton.add_word(word, (len(word), frozenset(keys)))
    automaton.make_automaton()
    return automaton


def article_text(article: Article) -> str:
    """The title, author and paragraphs, one per line, lower-cased; a name never spans two
    lines."""
    return "\n".join(article_texts(article)).lower()


def mentioned(automaton: Any, text: str) -> frozenset[Key]:
    """The keys of the names found in `text` with a word boundary on both sides."""
    found: set[Key] = set()
    for end, (length, keys) in automaton.iter(text):
        start = end - length + 1
        if not keys <= found and is_boundary(text, start - 1) and is_boundary(text, end + 1):
            found |= keys
    return frozenset(found)


def is_boundary(text: str, index: int) -> bool:
    """True when `index` is outside the text or on a character that is not part of a word."""
    if index < 0 or index >= len(text):
        return True
    character = text[index]
    return not (character.isalnum() or character == "_")
