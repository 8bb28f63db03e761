"""Reading one text or HTML article with the rules of its outlet (see generator.load.sources).

The outlet is the one whose host is the host of the address the article's metadata gives, else
the one a line of its text marks as its own, else (for a saved page) the one whose host is the
page's own address. An outlet rule may not remove every paragraph of an article that has some
without the outlet's rules: such a rule is too wide, and is reported at its line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.load.extract import Extracted, extract_html, extract_text
from generator.load.extract.outlets import OutletRule
from generator.load.marked_yaml import MarkedDict
from generator.load.sources import Sources
from generator.problems import Problems

if TYPE_CHECKING:
    from generator.load.inputs import YamlFile


def read_article(
    shown: str, form: str, text: str, url: str | None, sources: Sources, problems: Problems
) -> tuple[OutletRule | None, Extracted]:
    """The article's outlet and its text extracted with that outlet's rules."""
    outlet = sources.for_host(url) or sources.for_text(text)
    extracted = extract(form, text, outlet)
    if outlet is None and extracted.url is not None and sources.outlets:
        outlet = sources.for_host(extracted.url)  # a saved page names its own address
        extracted = extract(form, text, outlet) if outlet else extracted
    if outlet is not None and not has_paragraphs(extracted):
        check_outlet_rules(shown, extract(form, text, None), extracted, problems)
    return outlet, extracted


def extract(form: str, text: str, outlet: OutletRule | None) -> Extracted:
    """A text or HTML article's text extracted, with its outlet's rules."""
    return extract_html(text, outlet) if form == "html" else extract_text(text, outlet)


def given_url(metadata: YamlFile | None) -> str | None:
    """The address an article's metadata gives, if it gives one as text."""
    data = metadata.data if metadata is not None else None
    url = data.get("url") if isinstance(data, MarkedDict) else None
    return url if isinstance(url, str) else None


def check_outlet_rules(
    shown: str, plain: Extracted, extracted: Extracted, problems: Problems
) -> None:
    """Report the rules that removed the paragraphs the text has without the outlet's rules."""
    paragraphs = {block.text for block in plain.blocks if block.kind == "paragraph"}
    culprits = {r.rule for r in extracted.removed if r.rule is not None and r.text in paragraphs}
    hint = "make it match only the chrome lines, e.g. anchor a pattern with ^ and $"
    for where in sorted(culprits):
        problems.error(where, f"this rule removes every paragraph of {shown}", hint)


def has_paragraphs(extracted: Extracted) -> bool:
    return any(block.kind == "paragraph" for block in extracted.blocks)
