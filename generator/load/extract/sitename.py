"""A saved page's name for its own site, and its title without that name.

The site's name comes from the page's own metadata: `og:site_name`, `application-name`, a
publisher given by name (not by address), else the part of its `<title>` beside the headline
("… | Ars Technica", "Python Insider: …", "… · Global Voices"). A name that is only the host
(trafilatura's fallback) is no name; a `<title>` of three words or fewer that is not the
headline is the site's name. A name spelled without its spaces ("HeraldSun") takes the spelling
the title gives it ("Herald Sun").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from generator.load.extract.lines import collapse

META_NAMES = ("og:site_name", "application-name", "publisher", "article:publisher", "dc.publisher")
SEPARATORS = re.compile(r" (?:\||-|\u2013|\u2014|\u00b7|\u2022|::|\u00bb|/) |: ")
HOST_LIKE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", re.I)
MAX_NAME_WORDS = 8
MAX_SITE_TITLE_WORDS = 3


class HtmlTree(Protocol):
    """The slice of lxml's HTML element interface used to read a page's metadata."""

    def iter(self, tag: str) -> Iterator[HtmlTree]: ...
    def get(self, key: str) -> str | None: ...
    def findtext(self, path: str) -> str | None: ...


def meta_site_name(tree: HtmlTree) -> str | None:
    """The site's name as the page's metadata gives it, or None."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").casefold()
        value = collapse(meta.get("content") or "")
        if key in META_NAMES and value and key not in found:
            found[key] = value
    names = (found.get(key) for key in META_NAMES)
    return next((name for name in names if name and is_name(name)), None)


def is_name(value: str) -> bool:
    """Whether a metadata value names a site (not an address, not just its host)."""
    return "://" not in value and not HOST_LIKE.fullmatch(value) and len(value.split()) <= 8


def split_title(title: str, site: str | None) -> tuple[str, str | None]:
    """The headline of a page title and the site's name beside it, when the title has one:
    the part matching `site`, else (without a known site) no split at all."""
    parts = SEPARATORS.split(title)
    if len(parts) < 2:
        return title, None
    key = squash(site) if site else None
    for index in (len(parts) - 1, 0):
        named = parts[index]
        if key is not None and squash(named) == key:
            rest = parts[:index] + parts[index + 1 :]
            return collapse(title_joined(title, rest)), named
    return title, None


def title_joined(title: str, parts: list[str]) -> str:
    """The title with only the given parts, joined as the title joins them."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end]


def squash(name: str) -> str:
    """A name reduced to its letters and digits, in one case: 'Herald Sun' is 'heraldsun'."""
    return "".join(char for char in name.casefold() if char.isalnum())


def page_site_name(tree: HtmlTree, title: str | None) -> tuple[str | None, str | None]:
    """(the site's name, the headline) of a page whose extracted title is `title`; a page
    whose `<title>` is only its host name is named by it."""
    site = meta_site_name(tree)
    raw = collapse(tree.findtext(".//title") or "")
    if site is None and (HOST_LIKE.fullmatch(raw) or only_a_name(raw, title)):
        return raw, title
    headline = title
    if title and site:
        headline, _ = split_title(title, site)
    if raw and headline:
        inner, beside = title_parts(raw, headline)
        site = spelled(site, beside) if beside else site
        headline = inner if inner else headline
    return site, headline


def only_a_name(raw: str, headline: str | None) -> bool:
    """Whether a page's `<title>` is a short name with no headline in it (the site's name,
    printed on every page of a site whose headlines are only in the text)."""
    short = 0 < len(raw.split()) <= MAX_SITE_TITLE_WORDS and not SEPARATORS.search(raw)
    return bool(short and headline and raw not in headline and headline not in raw)


def title_parts(raw: str, headline: str) -> tuple[str | None, str | None]:
    """Read a `<title>` holding the headline and one other part: (the headline, that part)."""
    parts = SEPARATORS.split(raw)
    if len(parts) != 2 or headline not in parts:
        return None, None
    other = parts[1] if parts[0] == headline else parts[0]
    named = len(other.split()) <= MAX_NAME_WORDS and not any(char.isdigit() for char in other)
    return headline, other if named else None


def spelled(site: str | None, beside: str) -> str:
    """The site's name as the title spells it, when it is the same name or there is none."""
    return beside if site is None or squash(site) == squash(beside) else site
