"""Small made-up scraped pages for the extraction's tests: a lead and a second paragraph that
read as an article's body, and what extraction shows of a page."""

from __future__ import annotations

from generator.load.extract import extract_text

LEAD = "The two ministers met in Geneva on Monday and agreed to resume the talks next month."
MORE = "Officials said a first round of technical meetings would open in the spring."


def page(*lines: str) -> str:
    """A scraped text of the given lines, one paragraph each."""
    return "\n\n".join(lines) + "\n"


def shown(text: str) -> list[str]:
    """Everything extraction shows of a text: title, subtitle and body."""
    extracted = extract_text(text)
    return [extracted.title or "", extracted.subtitle or ""] + [b.text for b in extracted.blocks]
