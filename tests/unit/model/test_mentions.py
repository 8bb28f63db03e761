"""Finding the actors and issues an article mentions, by name and alias, as whole words."""

from __future__ import annotations

from dataclasses import replace

from builders import make_article

from generator.model.articles import Article
from generator.model.mentions import find_mentions, names_in

NAMES = {
    ("actor", "russia"): ("Russia", "Kremlin", "Moscow"),
    ("actor", "ukraine"): ("Ukraine", "Kyiv"),
    ("actor", "us"): ("United States", "U.S."),
    ("issue", "guarantees"): ("Security guarantees for Ukraine", "security guarantees"),
    ("issue", "recovery"): ("Ukraine Recovery Conference",),
}


def article(title: str, *paragraphs: str) -> Article:
    return make_article("a", *paragraphs, title=title)


def mentions(title: str, *paragraphs: str) -> set[tuple[str, str]]:
    return set(find_mentions([article(title, *paragraphs)], NAMES)["a"])


def test_aliases_in_any_case_count() -> None:
    assert mentions("Talks", "The KREMLIN said no.") == {("actor", "russia")}
    assert mentions("Kyiv answers", "Nothing else.") == {("actor", "ukraine")}
    found = mentions("", "They discussed Security Guarantees at length.")
    assert found == {("issue", "guarantees")}


def test_only_whole_words_count() -> None:
    assert mentions("Russian envoys", "Muscovites and Kyivans; Ukrainehub.") == set()
    assert mentions("", "US officials", "the U.S. delegation", "") == {("actor", "us")}
    assert mentions("", "a U.S.-led plan") == {("actor", "us")}
    assert mentions("", "U.S.A") == set()


def test_a_name_does_not_span_paragraphs() -> None:
    assert mentions("", "It was about security", "guarantees for all") == set()


def test_overlapping_names_all_count() -> None:
    found = mentions("", "Delegates came to the Ukraine Recovery Conference.")
    assert found == {("issue", "recovery"), ("actor", "ukraine")}


def test_no_names_no_mentions() -> None:
    assert find_mentions([article("Kremlin", "Kyiv")], {}) == {}


def test_a_speaker_is_named_in_an_article_by_the_rule_of_mentions() -> None:
    names = ("Sergei Lavrov", "Lavrov")
    said = article("Talks", "The minister LAVROV said no.")
    assert names_in(said, names)
    assert names_in(article("Lavrov on the talks", "No comment."), names)
    assert names_in(replace(article("Talks", "No comment."), author="Sergei Lavrov"), names)
    assert not names_in(article("Talks", "Lavrovsky said no; so did the Lavrov_team."), names)
    assert not names_in(article("Talks", "Sergei", "Lavrov"[:3]), names)
    for text in ("lavrov", "Lavrov's words", "x-Lavrov", "Lavrovs", "by Sergei  Lavrov"):
        found = bool(find_mentions([article("", text)], {("actor", "lavrov"): names})["a"])
        assert names_in(article("", text), names) is found, text
