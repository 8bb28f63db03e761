"""Problems found in the inputs: where they are, what is wrong, and how to fix it."""

from __future__ import annotations

import difflib
import errno
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
MAX_OF_A_KIND = 10
"""How many problems of one kind in one file a report prints before it counts the rest."""


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in an input file: a path relative to the project root, 1-based line and column;
    line 0 stands for the file (or folder) as a whole, printed as its path alone."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        shown = printable(self.path)
        return f"{shown}:{self.line}:{self.column}" if self.line else shown


def whole(path: str) -> Location:
    """The location of a file or folder as a whole, not of a place in its text."""
    return Location(path, 0, 0)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One mistake in the inputs, printed as `path:line:column: message` and an indented hint."""

    location: Location
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        text = f"{self.location}: {label}{printable(self.message)}"
        return f"{text}\n  hint: {printable(self.hint)}" if self.hint else text


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
        return in_order(p for p in self.items if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return in_order(p for p in self.items if p.severity == "warning")

    def raise_if_errors(self, strict: bool = False) -> None:
        """Stop with every problem found so far on an error (or, when strict, on a warning)."""
        if any(p.severity == "error" for p in self.items) or (strict and self.warnings):
            raise BriefingError(in_order(self.items), strict)


def in_order(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """The problems, each once, sorted by place (then message, hint and severity)."""
    return tuple(sorted(set(problems), key=order))


def order(problem: Problem) -> tuple[str, int, int, str, str, str]:
    """The dataclass order of a problem as one tuple, which sorts many times faster."""
    where = problem.location
    return (where.path, where.line, where.column, problem.message, problem.hint, problem.severity)


class Failure(Exception):
    """Why a command stopped, for a reason its user can act on: every command prints
    `report()` on standard error and exits with `status`, never with a traceback."""

    status = 1

    def report(self) -> str:
        """What to print, ending with a newline."""
        return f"Error: {printable(str(self))}\n"


class Fault(Failure):
    """The system refused an operation on a file or folder (`path`, relative to the project):
    reported as `path: what failed: why`, a hint, and what became of the outputs."""

    def __init__(
        self, path: str, doing: str, error: OSError, outcome: str = "", hint: str = ""
    ) -> None:
        self.path, self.doing, self.error, self.outcome = path, doing, error, outcome
        self.hint = hint or os_hint(error)
        super().__init__(f"{path}: {doing}: {reason(error)}")

    def report(self) -> str:
        problem = Problem(whole(self.path), f"{self.doing}: {reason(self.error)}", self.hint)
        return f"{problem}\n" + (f"{printable(self.outcome)}\n" if self.outcome else "")


def reason(error: OSError) -> str:
    """Why the system refused, in its words ('Permission denied')."""
    return error.strerror or str(error)


OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space, then run the command again",
    errno.EDQUOT: "the disk quota is used up: free some space, then run the command again",
    errno.EFBIG: "the file is larger than this system allows: free space or raise the limit",
    errno.EROFS: "the file system is read-only: work in a copy of the project on a writable disk",
    errno.EACCES: "check the permissions of the file and of the folders it is in",
    errno.EPERM: "check the permissions of the file and of the folders it is in",
    errno.ENOENT: "check that it exists, and the spelling of its path",
    errno.EISDIR: "it is a folder: name a file",
    errno.ENOTDIR: "a part of its path is a file, not a folder",
    errno.ELOOP: "a loop of links: replace the link by the file it should lead to",
}


def os_hint(error: OSError) -> str:
    """What to do about a refusal of the system, by its kind."""
    return OS_HINTS.get(
        error.errno or 0, "check the file and its folder, then run the command again"
    )


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
    return "".join(f"{line}\n" for line in capped(problems)) + summary(problems, strict) + "\n"


VARIABLE = re.compile(r"'[^']*'|\d[\d,.]*")
"""The parts of a message that name a value: quoted texts and numbers."""


def capped(problems: tuple[Problem, ...]) -> list[str]:
    """The problems as printed, at most MAX_OF_A_KIND of one kind in one file, then a line
    counting the rest: one mistake repeated 100,000 times is read once, not scrolled past."""
    totals = Counter(kind(problem) for problem in problems)
    printed: Counter[tuple[str, str, str]] = Counter()
    lines = []
    for problem in problems:
        which = kind(problem)
        printed[which] += 1
        if printed[which] <= MAX_OF_A_KIND:
            lines.append(str(problem))
        if printed[which] == MAX_OF_A_KIND and totals[which] > MAX_OF_A_KIND:
            more = counted(totals[which] - MAX_OF_A_KIND, f"more {problem.severity}")
            lines.append(f"{whole(problem.location.path)}: … and {more} like these")
    return lines


def kind(problem: Problem) -> tuple[str, str, str]:
    """What makes problems of one kind: their file, severity and message but for its values."""
    return (problem.location.path, problem.severity, VARIABLE.sub("…", problem.message))


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
    """The number and the noun, e.g. '1 error', '2 errors', '119,990 errors' (`nouns` is the
    plural when it is not the noun with an 's')."""
    return f"{number:,} {noun if number == 1 else nouns or noun + 's'}"


UNSHOWN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
"""Categories of characters a report never prints as they are: controls (terminal escapes,
line breaks), format characters (bidirectional overrides), surrogates, private and unassigned
code points, line and paragraph separators."""
NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` safe to print on a terminal or in a CI log, on one line: every character that
    could move the cursor, start a line, reorder or hide text is written as an escape
    (`\\n`, `\\x1b`, `\\u202e`); a byte that a file name could not be decoded with, as `\\xff`."""
    if text.isprintable():
        return text
    return "".join(escaped(c) if unicodedata.category(c) in UNSHOWN else c for c in text)


def escaped(character: str) -> str:
    code = ord(character)
    if character in NAMED_ESCAPES:
        return NAMED_ESCAPES[character]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


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
