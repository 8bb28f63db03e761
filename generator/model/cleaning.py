"""Warnings about what extraction may have got wrong, so that an editor checks the cleaning.

Three things deserve a second look: a title read from the text that looks like page chrome (a
date, a menu, a banner or prompt, the outlet's own name), or no title at all; an article with no
date and no note saying why; and a paragraph found in many articles of one outlet, which is most
likely that outlet's chrome and can be made a rule of briefings/sources.yaml.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from generator.load.extract.dates import read_date_line
from generator.load.extract.furniture import furniture_kind
from generator.load.extract.sitename import squash
from generator.load.reuse import Reuse
from generator.load.sources import SOURCES_FILE, host_of
from generator.model.articles import Article, Paragraph
from generator.problems import Location, Problems

MIN_OUTLET_ARTICLES = 3
"""A paragraph is suspected of being chrome when it is in at least this many articles of one
outlet, and in at least half of them."""
SHOWN_CHARS = 60


def check_cleaning(
    articles: Sequence[Article], problems: Problems, reuse: Reuse | None = None
) -> None:
    """Warn about chrome-like titles, missing dates and paragraphs an outlet repeats; with
    `reuse` (the live preview's), a title judged in an earlier run is not judged again."""
    kind_of = chrome_kind if reuse is None else reuse.memoised(chrome_kind)
    for article in articles:
        check_title(article, problems, kind_of)
        check_date(article, problems)
    for outlet, group in outlet_groups(articles).items():
        check_repeats(outlet, group, problems)


def check_title(
    article: Article, problems: Problems, kind_of: Callable[[str, str | None], str | None]
) -> None:
    """A title read from the text that looks like chrome (`kind_of` says: chrome_kind), or none
    found."""
    if article.untitled:
        hint = "give it 'title:' in its metadata ('briefing add --title' does)"
        found = f"no title found in the article or its metadata: its file name '{article.title}'"
        problems.warning(article.location, f"{found} stands in", hint)
        return
    if article.title_line is None:
        return
    kind = kind_of(article.title, article.outlet)
    if kind is None:
        return
    where = Location(article.location.path, article.title_line)
    hint = "give the right one as 'title:' in its metadata, or an outlet rule that drops this line"
    problems.warning(where, f"the title '{shown(article.title)}' looks like {kind}", hint)


def chrome_kind(title: str, outlet: str | None) -> str | None:
    """What kind of chrome a title looks like, or None."""
    if read_date_line(title) is not None:
        return "a date"
    if outlet and squash(title) == squash(outlet):
        return "the outlet's name"
    return furniture_kind(title)


def check_date(article: Article, problems: Problems) -> None:
    """An article with no date, and no note saying why."""
    if article.date is not None or article.date_note:
        return
    hint = (
        "give it 'date: YYYY-MM-DD' in its metadata, or 'date_note:' saying what is known; "
        "its page and the review queue need a date"
    )
    problems.warning(article.location, "no date found in the article or its metadata", hint)


def outlet_groups(articles: Iterable[Article]) -> dict[str, list[Article]]:
    """The articles by outlet (its name, else the host of its address), each group by path."""
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        key = article.outlet or host_of(article.url)
        if key:
            groups[key].append(article)
    return {key: sorted(group, key=lambda a: a.location.path) for key, group in groups.items()}


def check_repeats(outlet: str, group: Sequence[Article], problems: Problems) -> None:
    """Paragraphs found in many of an outlet's articles, reported at their first article."""
    if len(group) < MIN_OUTLET_ARTICLES:
        return
    first: dict[str, tuple[Article, Paragraph]] = {}
    counts: dict[str, int] = defaultdict(int)
    for article in group:
        for paragraph in {p.text: p for p in reversed(article.paragraphs)}.values():
            first.setdefault(paragraph.text, (article, paragraph))
            counts[paragraph.text] += 1
    for text, count in counts.items():
        if count >= MIN_OUTLET_ARTICLES and 2 * count >= len(group):
            article, paragraph = first[text]
            where = Location(article.location.path, paragraph.line)
            message = f"'{shown(text)}' is in {count} of the {len(group)} articles of {outlet}"
            hint = f"if it is page chrome, list it under the outlet's 'chrome:' in {SOURCES_FILE}"
            problems.warning(where, message, hint)


def shown(text: str) -> str:
    """A text short enough for a message."""
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
