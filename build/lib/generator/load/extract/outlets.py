"""Per-outlet rules, as extraction applies them: the lines an outlet's pages carry as chrome.

The rules are written by an analyst in briefings/sources.yaml and read by generator.load.sources;
here they are plain values, so extraction stays pure. A rule matches a whole line (compared
without regard to case or runs of whitespace) or, for a pattern, any line in which the pattern
is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from generator.problems import Location


class Pattern(Protocol):
    """The slice of a compiled regular expression that a rule uses."""

    def search(self, text: str) -> object | None: ...


RuleKind = Literal["line", "pattern", "end"]


@dataclass(frozen=True, slots=True)
class LineRule:
    """One chrome rule of an outlet: a line, a pattern, or a line that ends the article."""

    location: Location
    kind: RuleKind
    text: str
    pattern: Pattern | None = None

    def matches(self, line: str) -> bool:
        """Whether the rule finds this line to be chrome."""
        if self.pattern is not None:
            return self.pattern.search(line) is not None
        return line.casefold() == self.text


@dataclass(frozen=True, slots=True)
class OutletRule:
    """An outlet as briefings/sources.yaml describes it."""

    key: str
    location: Location
    name: str
    licence: str | None
    hosts: tuple[str, ...]
    marks: frozenset[str]
    """Folded lines whose presence in a text names the outlet."""
    chrome: tuple[LineRule, ...]

    def chrome_rule(self, line: str) -> LineRule | None:
        """The rule that makes a line chrome (an ending included), or None."""
        return next((rule for rule in self.chrome if rule.matches(line)), None)

    def is_name(self, line: str) -> bool:
        """Whether a line is only the outlet's name or one of its marks."""
        folded = line.casefold()
        return folded == self.name.casefold() or folded in self.marks
