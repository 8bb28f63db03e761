"""How well articles come out of their pages: titles, dates, outlets, chrome, body text.

`python -m bench.extraction` prints the figures for three sets:

- the outlet development set (tests/fixtures/outlets/: real pages of many outlets, with the
  expectations of expectations.yaml), in parts: the first set (01-55), the second set (56-102,
  by halves: even and odd numbers), all of them tuned on, and the third set (103-136) split into
  a development half (even numbers) and a held-out half (odd numbers), whose figures are
  printed only with `--held-out`, and whose misses are never listed unless asked for with
  `--held-out --misses`;
- the demo corpus (tests/fixtures/demo/): its model builds with no error, every quote found;
- a folder of real press releases (`--bulk DIR`, default ../shared/corpus-bulk beside the
  repository when it is there): headline on the first line, ISO timestamp on the second.

Each page of the development set is read as the loader reads an article whose sidecar gives
its address (https://<host>/), without any outlet rule: the general rules alone.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.load.decode import Refused, decode
from generator.load.extract import Extracted, extract_text
from generator.load.inputs import load_inputs
from generator.load.reading import read_article
from generator.load.sources import NO_SOURCES
from generator.model import build_model
from generator.problems import Problems

REPO = Path(__file__).resolve().parent.parent
OUTLETS = REPO / "tests" / "fixtures" / "outlets"
DEMO = REPO / "tests" / "fixtures" / "demo"
BULK = REPO.parent / "shared" / "corpus-bulk"
PARTS = {
    "first": "first set (01-55)",
    "development": "second set (56-102), even half",
    "held-out": "second set (56-102), odd half",
    "third-development": "third set (103-136), development half",
    "third-held-out": "third set (103-136), held-out half",
}
HELD_OUT = "third-held-out"


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one page of the development set came out against its expectations."""

    file: str
    title: bool
    date: bool
    chrome: tuple[str, ...]
    """The chrome fragments still shown (in the title, subtitle or text)."""
    lost: tuple[str, ...]
    """The body sentences no longer in the text."""
    outlet: bool | None
    """Whether the page's own name for its site is the expected outlet (HTML only)."""


def read(path: Path) -> str:
    """A file's text, decoded as the loader decodes it."""
    text = decode(path.read_bytes())
    if isinstance(text, Refused):
        sys.exit(f"{path}: {text.message}")
    return text


def cases() -> list[dict[str, Any]]:
    """The expectations of the development set, one mapping per file."""
    text = (OUTLETS / "expectations.yaml").read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = yaml.safe_load(text)
    return entries


def part(case: dict[str, Any]) -> str:
    """The part of the development set a page belongs to (a key of PARTS)."""
    return str(case.get("part", "first"))


def extract_case(case: dict[str, Any]) -> Extracted:
    """A page of the development set, read as the loader reads it."""
    name = str(case["file"])
    text = read(OUTLETS / name)
    form = "html" if name.endswith((".html", ".htm")) else "text"
    url = f"https://{case['host']}/"
    return read_article(name, form, text, url, NO_SOURCES, Problems())[1]


def judge(case: dict[str, Any], extracted: Extracted) -> Verdict:
    """Compare what came out of a page with what its expectations say."""
    shown = [extracted.title or "", extracted.subtitle or ""]
    shown += [block.text for block in extracted.blocks]
    body = " ".join(block.text for block in extracted.blocks)
    chrome = [" ".join(str(c).split()) for c in case.get("chrome") or ()]
    wanted = [" ".join(str(s).split()) for s in case.get("body") or ()]
    outlet = None
    if str(case["file"]).endswith(".html"):
        outlet = same_name(extracted.outlet, str(case["outlet"]))
    return Verdict(
        file=str(case["file"]),
        title=extracted.title == case["title"],
        date=extracted.date == case["date"],
        chrome=tuple(c for c in chrome if any(c in text for text in shown)),
        lost=tuple(s for s in wanted if s not in body),
        outlet=outlet,
    )


def same_name(found: str | None, expected: str) -> bool:
    """Whether two names of an outlet are one ('carta.info' and 'CARTA', 'Herald Sun')."""
    if not found:
        return False
    a, b = ("".join(c for c in name.casefold() if c.isalnum()) for name in (found, expected))
    return a in b or b in a or a.split("info")[0] == b


def figures(verdicts: Sequence[Verdict]) -> str:
    """One line of figures for a part of the development set."""
    count = len(verdicts)

    def share(n: int) -> str:
        return f"{n}/{count} ({100 * n / count:.0f}%)" if count else "0/0"

    outlets = [v.outlet for v in verdicts if v.outlet is not None]
    return (
        f"titles right {share(sum(v.title for v in verdicts))}, "
        f"dates right {share(sum(v.date for v in verdicts))}, "
        f"chrome-free {share(sum(not v.chrome for v in verdicts))}, "
        f"body kept {share(sum(not v.lost for v in verdicts))}, "
        f"HTML outlets named {sum(outlets)}/{len(outlets)}"
    )


def misses(verdicts: Iterable[Verdict]) -> Iterable[str]:
    """A line per page that missed something."""
    for v in verdicts:
        wrong = [name for name, ok in (("title", v.title), ("date", v.date)) if not ok]
        wrong += [f"chrome {c[:50]!r}" for c in v.chrome] + [f"lost {s[:50]!r}" for s in v.lost]
        if v.outlet is False:
            wrong.append("outlet")
        if wrong:
            yield f"  {v.file}: {'; '.join(wrong)}"


def development_set(show_misses: bool, held_out: bool) -> None:
    """Print the figures of the development set, by part; the held-out half only if asked."""
    shown = [key for key in PARTS if held_out or key != HELD_OUT]
    verdicts: dict[str, list[Verdict]] = {key: [] for key in shown}
    for case in cases():
        if part(case) in verdicts:
            verdicts[part(case)].append(judge(case, extract_case(case)))
    for key in shown:
        print(f"{PARTS[key]} ({len(verdicts[key])} pages): {figures(verdicts[key])}")
    every = [verdict for key in shown for verdict in verdicts[key]]
    print(f"all shown ({len(every)} pages): {figures(every)}")
    if show_misses:
        print("\n".join(misses(every)))


def demo_corpus() -> None:
    """Print whether the demo corpus builds, with every quote found."""
    problems = Problems()
    briefing = build_model(load_inputs(DEMO, problems), problems)
    quotes = sum(len(position.evidence) for position in briefing.positions)
    print(
        f"demo corpus: {len(briefing.articles)} articles, {quotes} quotes, "
        f"{len(problems.errors)} errors, {len(problems.warnings)} warnings"
    )


def bulk_corpus(folder: Path, passes: int) -> None:
    """Print how many headlines and dates of the press releases come out right, and how long
    extraction takes per file (the best of `passes` passes over all of them)."""
    texts = [read(path) for path in sorted(folder.glob("*.txt"))]
    titles = dates = 0
    for text in texts:
        first, second = [*text.split("\n"), "", ""][:2]
        extracted = extract_text(text)
        titles += extracted.title == (" ".join(first.split()) or None)
        dates += extracted.date == datetime.date.fromisoformat(second[:10])
    per_file = min(timed_pass(texts) for _ in range(passes)) * 1000 / max(len(texts), 1)
    files = texts
    print(
        f"press releases ({len(files)} files): headlines right {titles}, dates right {dates}, "
        f"extraction {per_file:.2f} ms per file"
    )


def timed_pass(texts: Sequence[str]) -> float:
    """The seconds one extraction of every text takes."""
    start = time.perf_counter()
    for text in texts:
        extract_text(text)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    """Print every set's figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bulk", type=Path, default=BULK, help="a folder of press releases")
    parser.add_argument("--misses", action="store_true", help="list what each page missed")
    parser.add_argument("--held-out", action="store_true", help="include the held-out half")
    parser.add_argument("--passes", type=int, default=1, help="timed passes over the releases")
    options = parser.parse_args(argv)
    development_set(options.misses, options.held_out)
    demo_corpus()
    if options.bulk.is_dir():
        bulk_corpus(options.bulk, max(options.passes, 1))
    else:
        print(f"press releases: {options.bulk} is not a folder, skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
