"""Position changes in time order, and their Atom feed (pure: no I/O, no clock).

Every change is dated by the content, the as-of date of a position or of one of its earlier
stances, never by the build, so that rebuilding the site never makes an old change look new.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from generator.load.siteconfig import SiteConfig
from generator.model import Briefing
from generator.model.positions import Position
from generator.render.urls import FEED_PATH, NAMED, position_page, site_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 100
"""The feed carries the newest changes only; the "What changed" page lists them all."""

# XML 1.0 cannot carry these characters at all, escaped or not; briefing text is untrusted.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ChangeKind = Literal["recorded", "changed", "reaffirmed"]


@dataclass(frozen=True, slots=True)
class Change:
    """One dated step of a position's timeline: its first stance, a new one, or the same again."""

    date: datetime.date
    position: Position
    stance: str
    previous: str | None
    note: str | None
    current: bool
    """The step is the position as it now stands (dated by its as-of date)."""

    @property
    def kind(self) -> ChangeKind:
        if self.previous is None:
            return "recorded"
        return "reaffirmed" if self.previous == self.stance else "changed"


def position_changes(briefing: Briefing) -> tuple[Change, ...]:
    """Every step of every position's timeline, newest first, ties in the model's order."""
    ranked = [
        (-change.date.toordinal(), index, change)
        for index, position in enumerate(briefing.positions)
        for change in timeline(position)
    ]
    return tuple(change for _, _, change in sorted(ranked, key=lambda item: item[:2]))


def timeline(position: Position) -> list[Change]:
    """The steps of one position, oldest first: its history, then its current stance."""
    steps = [(h.as_of, h.stance, h.note, False) for h in reversed(position.history)]
    steps.append((position.as_of, position.stance, None, True))
    changes, previous = [], None
    for date, stance, note, current in steps:
        changes.append(Change(date, position, stance, previous, note, current))
        previous = stance
    return changes


def change_title(change: Change, briefing: Briefing) -> str:
    """E.g. 'Northland on Ceasefire: opposes → conditional' (plain text)."""
    position = change.position
    actor = briefing.actor_by_id[position.actor_id].name
    issue = briefing.issue_by_id[position.issue_id].title
    draft = "Draft: " if position.draft else ""
    if change.kind == "changed":
        return f"{draft}{actor} on {issue}: {change.previous} → {change.stance}"
    return f"{draft}{actor} on {issue}: {change.stance} ({change.kind})"


def render_feed(briefing: Briefing, site: SiteConfig) -> str:
    """The Atom feed of the newest position changes, valid Atom 1.0 (RFC 4287)."""
    changes = position_changes(briefing)
    base = site.url or ""
    feed = ET.Element("feed", xmlns=ATOM)
    add_text(feed, "id", feed_id(changes, site))
    add_text(feed, "title", f"{site.name or briefing.title}: position changes")
    add_text(feed, "subtitle", briefing.description)
    add_text(feed, "updated", timestamp(changes[0].date if changes else None))
    author = ET.SubElement(feed, "author")
    add_text(author, "name", site.author or site.name or briefing.title)
    add_link(feed, "self", base + FEED_PATH, "application/atom+xml")
    changes_page = site_url(NAMED["changes"], site.directory_urls)
    add_link(feed, "alternate", base + changes_page, "text/html")
    add_text(feed, "generator", "briefing-site")
    for change in changes[:FEED_ENTRIES]:
        add_entry(feed, change, briefing, site)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def add_entry(feed: ET.Element, change: Change, briefing: Briefing, site: SiteConfig) -> None:
    position = change.position
    entry = ET.SubElement(feed, "entry")
    add_text(entry, "id", entry_id(change, site))
    add_text(entry, "title", change_title(change, briefing))
    add_text(entry, "updated", timestamp(change.date))
    page = site_url(position_page(position), site.directory_urls)
    add_link(entry, "alternate", (site.url or "") + page, "text/html")
    text = position.summary if change.current else change.note
    if text:
        add_text(entry, "summary", text)


def add_text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = NOT_XML.sub("", text)


def add_link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", rel=rel, type=media_type, href=href)


def timestamp(date: datetime.date | None) -> str:
    """An RFC 3339 date-time for a content date: midnight UTC of that day."""
    return f"{(date or datetime.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def tag_authority(site: SiteConfig) -> str:
    """The host of site_url; without one, a name made from the site's (not a claimed domain)."""
    if site.url:
        return urlsplit(site.url).hostname or "localhost"
    slug = re.sub(r"[^a-z0-9]+", "-", (site.name or "briefing").casefold()).strip("-")
    return f"{slug or 'briefing'}.invalid"


def feed_id(changes: tuple[Change, ...], site: SiteConfig) -> str:
    """The feed's address when site_url is set, else a tag: URI dated by the oldest change."""
    if site.url:
        return site.url + FEED_PATH
    oldest = min((c.date for c in changes), default=datetime.date(1970, 1, 1))
    return f"tag:{tag_authority(site)},{oldest.isoformat()}:{FEED_PATH}"


def entry_id(change: Change, site: SiteConfig) -> str:
    """A permanent id: the same change gets the same id in every build (RFC 4151 tag: URI)."""
    path = urlsplit(site.url).path.strip("/") + "/" if site.url else ""
    position = change.position
    specific = f"{path}{position.actor_id}/{position.issue_id}/{change.stance}"
    return f"tag:{tag_authority(site)},{change.date.isoformat()}:{specific.lstrip('/')}"
