"""The licences the articles are reproduced under, grouped for the About page."""

from __future__ import annotations

from builders import make_article

from generator.model.licences import NOT_STATED, licence_groups


def test_one_group_per_licence_most_used_first_not_stated_last() -> None:
    articles = (
        make_article("a", licence="Public domain", outlet="Wire"),
        make_article("b"),
        make_article("c", licence="CC BY 4.0", outlet="wire b"),
        make_article("d", licence="CC BY 4.0", outlet="Agency"),
        make_article("e", licence="CC BY 4.0", outlet="Agency"),
        make_article("f", licence="Open Government Licence v3.0"),
    )
    groups = licence_groups(articles)
    assert [(g.licence, [a.id for a in g.articles]) for g in groups] == [
        ("CC BY 4.0", ["c", "d", "e"]),
        ("Open Government Licence v3.0", ["f"]),
        ("Public domain", ["a"]),
        (NOT_STATED, ["b"]),
    ]
    assert groups[0].outlets == ("Agency", "wire b"), "each once, in alphabetical order"
    assert groups[1].outlets == ()


def test_no_articles_no_groups() -> None:
    assert licence_groups(()) == ()
