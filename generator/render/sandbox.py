"""The Jinja2 sandbox every template of a site is rendered in: the project's, the tool's and the
theme's (a pull request can change any of them, and CI renders them).

Jinja2's immutable sandbox (jinja2.sandbox, made for untrusted templates) refuses attributes that
lead out of the template (`cycler.__init__.__globals__`) and methods that change values. Over it:

- `*` and `**` are intercepted (Jinja2's "operator intercepting") and refuse a result larger
  than MAX_SIZE items or MAX_BITS bits before computing it (`'x' * 10**10`), other operators a
  result larger than MAX_SIZE after;
- `range` yields at most MAX_RANGE numbers, as the sandbox's own does, and stops once the
  render has run longer than its budget;
- every render is bounded in wall-clock time (`budget`): in the main thread a timer signal
  raises RenderTimeout inside the template, so a loop that never ends is an error at its line.
"""

from __future__ import annotations

import operator
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2.exceptions import SecurityError

MAX_SIZE = 10_000_000
"""Characters or items of any value a template computes (a page is far smaller)."""
MAX_BITS = 100_000
"""Bits of a number a template computes with `**`."""
MAX_RANGE = jinja2.sandbox.MAX_RANGE
RENDER_SECONDS = 20.0
"""The longest one page may take to render (the largest index page of 10,000 articles takes
well under a second)."""


class RenderTimeout(SecurityError):
    """A render ran past its budget."""


class BoundedTemplate(jinja2.Template):
    """A template whose every render is bounded in time (see `budget`)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with budget():
            return super().render(*args, **kwargs)


class Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with bounded operators, `range` and time."""

    intercepted_binops = frozenset(("*", "**", "+", "%"))
    template_class = BoundedTemplate

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = bounded_range
        self.timed_out: set[str] = set()
        """The templates whose render ran past its budget: their other pages are not tried."""

    def call_binop(self, context: jinja2.runtime.Context, op: str, left: Any, right: Any) -> Any:
        refuse_large_operands(op, left, right)
        result = OPERATORS[op](left, right)
        if is_large(result):
            raise SecurityError(f"'{op}' gives a value of more than {MAX_SIZE:,} items")
        return result


OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul,
    "**": operator.pow,
    "+": operator.add,
    "%": operator.mod,
}


def refuse_large_operands(op: str, left: Any, right: Any) -> None:
    """Raise SecurityError when `left op right` would be too large to compute."""
    if op == "*" and isinstance(right, int) and hasattr(left, "__len__"):
        left, right = right, left
    repeated = op == "*" and isinstance(left, int) and hasattr(right, "__len__")
    if repeated and abs(left) * len(right) > MAX_SIZE:
        raise SecurityError(f"'*' gives a value of more than {MAX_SIZE:,} items")
    powered = op == "**" and isinstance(left, int) and isinstance(right, int) and right > 0
    if powered and max(abs(left).bit_length(), 1) * right > MAX_BITS:
        raise SecurityError(f"'**' gives a number of more than {MAX_BITS:,} bits")


def is_large(value: Any) -> bool:
    return isinstance(value, (str, bytes, list, tuple)) and len(value) > MAX_SIZE


DEADLINE = threading.local()
"""The monotonic time by which the current thread's render must end (none: no budget)."""


def bounded_range(*args: int) -> Iterator[int]:
    """`range`, of at most MAX_RANGE numbers, that stops with RenderTimeout past the deadline."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise OverflowError(f"range of more than {MAX_RANGE:,} numbers")
    return deadline_checked(numbers)


def deadline_checked(numbers: range) -> Iterator[int]:
    deadline = getattr(DEADLINE, "at", None)
    for count, number in enumerate(numbers):
        if deadline is not None and count % 1000 == 999 and time.monotonic() > deadline:
            raise RenderTimeout(timeout_message())
        yield number


def timeout_message() -> str:
    return f"the template ran for more than {RENDER_SECONDS:g} s"


@contextmanager
def budget(seconds: float | None = None) -> Iterator[None]:
    """Bound the renders of the block to `seconds`: in the main thread a timer interrupts any
    code; in another, `range` loops stop at the deadline. Within a budget, the block has no
    budget of its own."""
    if getattr(DEADLINE, "at", None) is not None:
        yield
        return
    seconds = RENDER_SECONDS if seconds is None else seconds
    DEADLINE.at = time.monotonic() + seconds
    timed = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous = signal.signal(signal.SIGALRM, time_out) if timed else None
    if timed:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        DEADLINE.at = None
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def time_out(signal_number: int, frame: object) -> None:
    raise RenderTimeout(timeout_message())


def sandboxed(environment: jinja2.Environment) -> Sandbox:
    """A sandbox with the settings, loader, extensions, filters, tests and globals of
    `environment` (the theme's, as MkDocs and its plugins made it)."""
    box = Sandbox(
        **{name: getattr(environment, name) for name in SETTINGS},
        extensions=[type(extension) for extension in environment.extensions.values()],
        cache_size=getattr(environment.cache, "capacity", 400),
        enable_async=environment.is_async,
    )
    box.filters.update(environment.filters)
    box.tests.update(environment.tests)
    box.globals.update({**environment.globals, "range": bounded_range})
    box.policies.update(environment.policies)
    return box


SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "undefined",
    "finalize",
    "autoescape",
    "loader",
    "auto_reload",
    "bytecode_cache",
)
