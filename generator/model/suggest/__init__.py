"""Suggested evidence: the sentences of an article that show where an actor stands on an issue.

Pure, like the rest of the model: an article and the briefing in, ranked suggestions out.
`sentences` splits paragraphs, `quotations` pairs quotation marks, `cues` holds the
vocabularies of reported speech and stance, `lexicon` finds actors and issues, `speakers` says
who speaks, `reading` reads an article sentence by sentence (cues, speaker, actors, issues),
`prior` holds what the briefing's positions already say of who speaks to what, and `ranking`
turns that into an article's budget of suggestions. A suggestion that a position already
cites for its actor and issue, or that the editors dismissed, is not made again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.model import Briefing
from generator.model.articles import Article
from generator.model.quotes import fold
from generator.model.suggest.lexicon import Lexicon, lexicon_of
from generator.model.suggest.prior import Prior, prior_of
from generator.model.suggest.ranking import Ranking, Suggestion, rank
from generator.model.suggest.reading import read_article

__all__ = ["BUDGET", "Suggester", "Suggestion", "suggester_of"]

BUDGET = 10
"""The suggestions an article gets at most, unless told otherwise."""
Pair = tuple[str, str]
"""An actor id and an issue id."""
Place = tuple[int, int, int]
"""A paragraph number and the start and end of a span in it."""
Dismissed = tuple[str, str | None, str | None]
"""A dismissed sentence (folded) and the actor and issue it is dismissed for (None: any)."""


@dataclass(frozen=True, slots=True)
class Suggester:
    """What suggesting needs of a briefing, worked out once for all its articles."""

    lexicon: Lexicon
    cited: Mapping[str, Mapping[Pair, tuple[Place, ...]]]
    """Article → (actor, issue) → where the position of that actor on that issue quotes it."""
    dismissed: Mapping[str, frozenset[Dismissed]]
    """Article → the sentences dismissed there."""
    prior: Prior
    """The pairs of actors and issues the briefing already holds positions on."""
    budget: int
    """How many suggestions an article gets at most."""

    def suggest(self, article: Article) -> tuple[Suggestion, ...]:
        """The article's suggestions, best first, without those already cited or dismissed."""
        cited = self.cited.get(article.id, {})
        dismissed = self.dismissed.get(article.id, frozenset())

        def unwanted(s: Suggestion) -> bool:
            quote = fold(s.quote)
            keys = {(quote, s.actor_id, s.issue_id), (quote, None, None)}
            keys |= {(quote, s.actor_id, None), (quote, None, s.issue_id)}
            if keys & dismissed:
                return True
            places = cited.get((s.actor_id, s.issue_id), ())
            return any(p == s.paragraph and a < s.end and s.start < b for p, a, b in places)

        ranking = Ranking(article.id, unwanted, self.prior, self.budget)
        return rank(read_article(article, self.lexicon), ranking)

    def suggest_all(self, articles: Iterable[Article]) -> tuple[Suggestion, ...]:
        """The suggestions of several articles, article by article in the order given."""
        return tuple(s for article in articles for s in self.suggest(article))


def suggester_of(briefing: Briefing, per_article: int | None = None) -> Suggester:
    """The suggester of a briefing: its lexicon, what it cites, what it dismissed and the
    positions it holds; an article gets `per_article` suggestions at most (BUDGET if None)."""
    cited: dict[str, dict[Pair, list[Place]]] = {}
    for position in briefing.positions:
        for evidence in position.evidence:
            places = cited.setdefault(evidence.article_id, {}).setdefault(
                (position.actor_id, position.issue_id), []
            )
            places += [(evidence.paragraph, span.start, span.end) for span in evidence.spans]
    dismissed: dict[str, set[Dismissed]] = {}
    for d in briefing.dismissed:
        dismissed.setdefault(d.article_id, set()).add((fold(d.quote), d.actor_id, d.issue_id))
    return Suggester(
        lexicon_of(briefing),
        {a: {pair: tuple(p) for pair, p in by_pair.items()} for a, by_pair in cited.items()},
        {a: frozenset(entries) for a, entries in dismissed.items()},
        prior_of(briefing),
        BUDGET if per_article is None else per_article,
    )
