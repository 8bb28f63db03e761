"""Problems found in the inputs: where they are, what is wrong, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in an input file: a path relative to the project root, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One mistake in the inputs, printed as `path:line:column: message` and an indented hint."""

    location: Location
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        text = f"{self.location}: {label}{self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


@dataclass(slots=True)
class Problems:
    """Collects every problem of a run so that all of them are reported at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, location: Location, message: str, hint: str = "") -> None:
        self.items.append(Problem(location, message, hint, "error"))

    def warning(self, location: Location, message: str, hint: str = "") -> None:
        self.items.append(Problem(location, message, hint, "warning"))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(sorted({p for p in self.items if p.severity == "error"}))

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(sorted({p for p in self.items if p.severity == "warning"}))

    def raise_if_errors(self, strict: bool = False) -> None:
        """Stop with every problem found so far on an error (or, when strict, on a warning)."""
        if self.errors or (strict and self.warnings):
            raise BriefingError(tuple(sorted(set(self.items))), strict)


class Failure(Exception):
    """Why a command stopped, for a reason its user can act on: every command prints
    `report()` on standard error and exits with `status`, never with a traceback."""

    status = 1

    def report(self) -> str:
        """What to print, ending with a newline."""
        return f"Error: {self}\n"


class BriefingError(Failure):
    """The inputs have mistakes; nothing may be written. `problems` holds the warnings too."""

    def __init__(self, problems: tuple[Problem, ...], strict: bool = False) -> None:
        super().__init__(summary(problems, strict))
        self.problems = problems
        self.strict = strict

    def report(self) -> str:
        return report_text(self.problems, self.strict)


def report_text(problems: tuple[Problem, ...], strict: bool = False) -> str:
    """Problems one per line (a hint indented below), sorted by place, then how many there are;
    empty when there are none."""
    if not problems:
        return ""
    return "".join(f"{problem}\n" for problem in problems) + summary(problems, strict) + "\n"


def summary(problems: tuple[Problem, ...], strict: bool = False) -> str:
    """How many problems there are and in how many files, e.g. '3 errors and 1 warning in 2 files'.

    Under `strict`, a run with warnings says that they fail it.
    """
    files = len({p.location.path for p in problems})
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts = [counted(errors, "error")] if errors or not warnings else []
    counts += [counted(warnings, "warning")] if warnings else []
    line = f"{' and '.join(counts)} in {counted(files, 'file')}"
    return f"{line} (--strict: warnings fail the run)" if strict and warnings else line


def counted(number: int, noun: str, nouns: str = "") -> str:
    """The number and the noun, e.g. '1 error', '2 errors', '2 history entries' (`nouns` is the
    plural when it is not the noun with an 's')."""
    return f"{number} {noun if number == 1 else nouns or noun + 's'}"


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known choice, or listing the choices when none is close."""
    known = sorted(choices)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not known:
        return "none is defined yet"
    shown = ", ".join(f"'{c}'" for c in known[:12])
    more = ", …" if len(known) > 12 else ""
    return f"known: {shown}{more}"
