"""Markdown articles: YAML front matter, '#' headings and blank-line separated paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.load.extract.blocks import Block, Extracted, looks_truncated
from generator.load.extract.lines import collapse, normalise

MARKDOWN_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?")
CLOSING_HASHES = re.compile(r"(?:^| )#+$")


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Split '---'-fenced YAML front matter off the top of decoded text (see generator.load.decode:
    '\\n' line ends, no byte order mark): (the YAML, or None when there is none; the body)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, text
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            front = "".join(line + "\n" for line in lines[1:index])
            return front, "\n".join(lines[index + 1 :])
    return None, text


def extract_markdown(body: str) -> Extracted:
    """Read a Markdown body: '#' headings and blank-line paragraphs; the first '# ' is the title."""
    items = tuple(markdown_items(normalise(body)))
    title_at = next((i for i, (level, _) in enumerate(items) if level == 1), None)
    blocks = tuple(
        Block("heading" if level else "paragraph", text)
        for index, (level, text) in enumerate(items)
        if index != title_at
    )
    return Extracted(
        title=None if title_at is None else items[title_at][1],
        subtitle=None,
        section=None,
        licence=None,
        date=None,
        url=None,
        truncated=looks_truncated(blocks),
        blocks=blocks,
    )


def markdown_heading(line: str) -> tuple[int, str] | None:
    """Return (level, text) for an ATX heading line, or None for any other line."""
    found = MARKDOWN_HEADING.fullmatch(line)
    if found is None:
        return None
    return len(found[1]), collapse(CLOSING_HASHES.sub("", (found[2] or "").strip()))


def markdown_items(text: str) -> Iterator[tuple[int, str]]:
    """Yield (heading level, text) per block of a Markdown body; level 0 marks a paragraph."""
    lines: list[str] = []
    for raw in text.split("\n"):
        heading = markdown_heading(raw)
        line = collapse(raw)
        if line and heading is None:
            lines.append(line)
            continue
        if lines:
            yield 0, " ".join(lines)
            lines = []
        if heading is not None and heading[1]:
            yield heading
    if lines:
        yield 0, " ".join(lines)
