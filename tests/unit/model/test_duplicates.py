"""A new article that repeats one of the project's: refused, or let through with --force."""

from __future__ import annotations

from dataclasses import replace

from builders import make_article

from generator.model.articles import Article
from generator.model.duplicates import NEAR_DUPLICATE, Seen, check_duplicates
from generator.problems import Location, Problems

TEXT = (
    "The delegations of Northland and Southland met in Geneva on Monday.",
    "Both sides agreed to meet again next month to discuss a ceasefire.",
)
PROJECT = make_article("talks", *TEXT, title="Talks resume")
WHERE = Location("new/copy.txt")


def seen(*articles: Article) -> Seen:
    found = Seen({}, {})
    for article in articles:
        found.add(article)
    return found


def check(article: Article, force: bool = False) -> tuple[bool, float | None, list[str]]:
    """Whether the article may be added, how similar the near duplicate let through is, and the
    problems reported."""
    problems = Problems()
    accepted, similar = check_duplicates(WHERE, article, seen(PROJECT), force, problems)
    return accepted, similar and similar.percent, [str(p) for p in problems.items]


def test_a_new_text_is_accepted() -> None:
    other = make_article("other", "Southland's parliament voted on the budget today.")
    assert check(other) == (True, None, [])


def test_the_same_text_under_another_title_is_refused_even_with_force() -> None:
    copy = make_article("copy", *TEXT, title="Another headline")
    assert check(copy, force=True) == (
        False,
        None,
        [
            "new/copy.txt:1:1: same text as article 'talks'\n"
            "  hint: it is already in the project as seeds/talks.md"
        ],
    )


def test_a_near_copy_is_refused_unless_forced() -> None:
    near = make_article("near", TEXT[0], TEXT[1].replace("next month", "next week"), "Reuters")
    accepted, percent, problems = check(near)
    assert not accepted and percent is None
    assert problems[0].startswith("new/copy.txt:1:1: near duplicate of article 'talks' (9")
    assert "add it with --force to keep both" in problems[0]
    accepted, percent, problems = check(near, force=True)
    assert accepted and problems == []
    assert percent is not None and NEAR_DUPLICATE <= percent < 100


def test_articles_accepted_in_one_run_are_compared_with_each_other() -> None:
    problems = Problems()
    found = seen(PROJECT)
    first = make_article("first", "An entirely new report on the northern border crossings.")
    assert check_duplicates(WHERE, first, found, False, problems) == (True, None)
    found.add(first)
    again = replace(first, id="again")
    assert check_duplicates(WHERE, again, found, False, problems) == (False, None)
    assert "same text as article 'first'" in problems.items[0].message
