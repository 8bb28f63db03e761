"""The licences the articles are reproduced under, for the About page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.model.articles import Article

NOT_STATED = "Licence not stated"


@dataclass(frozen=True, slots=True)
class LicenceGroup:
    """The articles reproduced under one licence, and the outlets that published them."""

    licence: str
    articles: tuple[Article, ...]
    outlets: tuple[str, ...]


def licence_groups(articles: tuple[Article, ...]) -> tuple[LicenceGroup, ...]:
    """One group per licence, the most used first; articles with no licence last."""
    table: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        table[article.licence or NOT_STATED].append(article)
    groups = [
        LicenceGroup(licence, tuple(found), outlets_of(found)) for licence, found in table.items()
    ]
    return tuple(
        sorted(groups, key=lambda g: (g.licence == NOT_STATED, -len(g.articles), g.licence))
    )


def outlets_of(articles: list[Article]) -> tuple[str, ...]:
    """The outlets of the articles, each once, in alphabetical order."""
    return tuple(sorted({a.outlet for a in articles if a.outlet}, key=str.casefold))
