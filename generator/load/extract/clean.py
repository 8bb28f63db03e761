"""Sorting the lines of a scraped text into the article's and the page's (its chrome).

Each line is read once, in order: a field's label alone on its line is joined to the value below
it ("Date:", "08/29/16"); a republisher's date stamp, glued openings ("Headline:", an image's
alternative text) and a counter glued to its end are split off it; then it is chrome when an
outlet rule says so, when it is a chrome line (see `chrome`), when it names the outlet, when it
repeats (a line printed three times or more: a banner, a caption; a line that holds such a line
glued to others; a copy of the line just before it), when it is an image caption (see
`captions`), or when it is a short line in a script other than the page's (see `scripts`). The
lines that end an article ("Related articles", an outlet's own ending) are noted for the body to
be cut there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, takewhile

from generator.load.extract.blocks import Removed
from generator.load.extract.captions import Captions
from generator.load.extract.chrome import (
    Facts,
    Verdict,
    chrome_verdict,
    joined_field,
    split_stamp,
)
from generator.load.extract.dates import DateLine, read_date_line
from generator.load.extract.furniture import (
    ends_article,
    is_word_run,
    strip_closing,
    strip_counter,
    strip_opening,
)
from generator.load.extract.lines import Line, ends_sentence, word_count
from generator.load.extract.outlets import OutletRule
from generator.load.extract.scripts import Scripts

MAX_STAMP_CHROME_WORDS = 3
MAX_GLUED_REPEAT_WORDS = 12
MIN_REPEATS = 3
MIN_HEADLINE_WORDS = 4
REPEATED_LINE = "a repeated line"


@dataclass(frozen=True, slots=True)
class Dated:
    """A date line of the text: where it is and what it says."""

    line: int
    date: DateLine


@dataclass(slots=True)
class Cleaned:
    """The lines kept, grouped as in the text, and what the chrome said and was."""

    groups: list[tuple[Line, ...]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    dates: list[Dated] = field(default_factory=list)
    endings: list[int] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)
    occupied: frozenset[int] = frozenset()
    """The numbers of the text's non-blank lines."""

    def drop(self, line: Line, text: str, verdict: Verdict) -> None:
        """Record a chrome line (or the part of one) and what it carries."""
        self.removed.append(Removed(line.number, text, verdict.reason))
        self.facts = self.facts.merge(undated(verdict.facts))
        if verdict.dated is not None:
            self.dates.append(Dated(line.number, verdict.dated))


def undated(facts: Facts) -> Facts:
    """The facts without their date: dates are chosen once the title is known."""
    return Facts(section=facts.section, licence=facts.licence, url=facts.url)


@dataclass(frozen=True, slots=True)
class Page:
    """What the whole text says about its lines: those it repeats, its image captions, the
    script it is written in, and the rules of its outlet."""

    repeated: frozenset[str]
    captions: Captions
    scripts: Scripts
    outlet: OutletRule | None

    @classmethod
    def of(cls, groups: Sequence[Sequence[Line]], outlet: OutletRule | None) -> Page:
        """The page of these lines."""
        lines = [line.text for group in groups for line in group]
        captions = Captions.of(lines)
        repeated = repeated_lines(lines) - {headline_printed_again(lines)}
        return cls(repeated, captions, Scripts.of(lines), outlet)


def clean_lines(groups: Sequence[Sequence[Line]], outlet: OutletRule | None) -> Cleaned:
    """Sort every line into the article's and the chrome, by the rules in the module doc."""
    cleaned = Cleaned(occupied=frozenset(line.number for group in groups for line in group))
    page = Page.of(groups, outlet)
    lines = [line for group in groups for line in group]
    following = {line.number: after.text for line, after in pairwise(lines)}
    previous = ""
    for group in groups:
        kept: list[Line] = []
        for line in split_lines(group, cleaned):
            if keep_line(line, (previous, following.get(line.number, "")), page, cleaned):
                kept.append(line)
            previous = line.text
        if kept:
            cleaned.groups.append(tuple(kept))
    return cleaned


def joined_fields(group: Sequence[Line]) -> Iterator[Line]:
    """The lines of a group, a field's label alone on its line joined to the value below it
    ("Date:", then "08/29/16")."""
    index = 0
    while index < len(group):
        line = group[index]
        value = group[index + 1].text if index + 1 < len(group) else ""
        joined = joined_field(line.text, value) if value else None
        yield line if joined is None else Line(line.number, joined)
        index += 1 if joined is None else 2


def split_lines(group: Sequence[Line], cleaned: Cleaned) -> Iterator[Line]:
    """The lines of a group with fields joined, stamps and glued openings split off (and
    recorded)."""
    for line in joined_fields(group):
        stamp, rest = split_stamp(line.text)
        if stamp is not None:
            cleaned.drop(line, line.text[: len(line.text) - len(rest)].strip(), stamp)
            if rest and beside_stamp(rest):
                cleaned.removed.append(Removed(line.number, rest, "the page's top bar"))
                continue
        opening, rest = strip_opening(rest)
        if opening:
            cleaned.removed.append(Removed(line.number, opening, "a label or image text"))
        rest, closing = strip_closing(rest)
        if closing:
            cleaned.removed.append(Removed(line.number, closing, "a link to other articles"))
        rest, counter = strip_counter(rest)
        if counter:
            cleaned.removed.append(Removed(line.number, counter, "a counter"))
        if rest:
            yield Line(line.number, rest)


def beside_stamp(rest: str) -> bool:
    """Whether what follows a stamp on its line is the page's top bar (a site name, a logo, a
    menu button, a time) rather than a headline, a sentence or a date line of its own."""
    return word_count(rest) <= MAX_STAMP_CHROME_WORDS


def keep_line(line: Line, around: tuple[str, str], page: Page, cleaned: Cleaned) -> bool:
    """Whether a line is the article's, given the lines `around` it (before, after); a chrome
    line is recorded in `cleaned` instead."""
    outlet = page.outlet
    rule = outlet.chrome_rule(line.text) if outlet else None
    if ends_article(line.text) or (rule is not None and rule.kind == "end"):
        cleaned.endings.append(line.number)
    if rule is not None:
        cleaned.removed.append(Removed(line.number, line.text, "an outlet rule", rule.location))
        return False
    previous, after = around
    verdict = chrome_verdict(line.text) or page_verdict(line.text, previous, page)
    if verdict is not None and verdict.reason == "a menu" and headline_above_date(line.text, after):
        verdict = None
    if verdict is None and outlet is not None and outlet.is_name(line.text):
        verdict = Verdict("the outlet's name", Facts())
    if verdict is None:
        return True
    cleaned.drop(line, line.text, verdict)
    return False


def headline_above_date(text: str, after: str) -> bool:
    """Whether a run of capitalised words stands right above a date line: a headline in title
    case with no small word ("Foreign Minister Welcomes Potential Ukraine Ceasefire"), not a
    list of tags."""
    return is_word_run(text) and read_date_line(after) is not None


def page_verdict(text: str, previous: str, page: Page) -> Verdict | None:
    """Why a line is chrome given the rest of the page: it repeats, it is an image caption (or
    the headline below one, see `captions`), or it is a short line in a script other than the
    page's."""
    verdict = repeat_verdict(text, previous, page.repeated)
    caption = page.captions.verdict(text, previous) if verdict is None else None
    if caption is not None:
        verdict = Verdict(caption, Facts())
    if verdict is None and page.scripts.other_script(text):
        verdict = Verdict("a line in another script", Facts())
    return verdict


def repeat_verdict(text: str, previous: str, repeated: frozenset[str]) -> Verdict | None:
    """A line is chrome when the page prints it three times or more, when it holds such a
    line glued to others, or when it copies the line before it."""
    if text in repeated or text == previous:
        return Verdict(REPEATED_LINE, Facts())
    short = word_count(text) <= MAX_GLUED_REPEAT_WORDS
    if short and any(copy in text for copy in repeated):
        return Verdict(REPEATED_LINE, Facts())
    return None


def headline_printed_again(lines: Sequence[str]) -> str:
    """The headline when the page opens by printing it three times or more running (a title,
    an image's text, a heading), else ''; the copies after the first are the ones dropped."""
    first = lines[0] if lines else ""
    copies = len(list(takewhile(lambda text: text == first, lines)))
    headline = copies >= MIN_REPEATS and first not in lines[copies:]
    headline = headline and word_count(first) >= MIN_HEADLINE_WORDS
    return first if headline and not ends_sentence(first) else ""


def repeated_lines(lines: Sequence[str]) -> frozenset[str]:
    """Lines printed three times or more, two of them one after the other: a site's banner,
    a caption printed twice over, never a speaker's label in a transcript."""
    counts = Counter(lines)
    twice_running = {a for a, b in pairwise(lines) if a == b}
    return frozenset(text for text in twice_running if counts[text] >= MIN_REPEATS)
