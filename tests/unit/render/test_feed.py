"""The Atom feed and the What changed page: valid Atom, dated by the content, never by the build."""

from __future__ import annotations

import dataclasses
import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from builders import DEMO

from generator.engine.build import generate
from generator.load.siteconfig import SiteConfig
from generator.render.feed import position_changes, render_feed

REPO = DEMO
A = "{http://www.w3.org/2005/Atom}"


def demo_feed() -> str:
    return generate(REPO).pages["feed.xml"]


def test_feed_is_well_formed_atom() -> None:
    parsed = feedparser.parse(demo_feed())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.entries


def test_feed_has_every_element_atom_requires() -> None:
    feed = ET.fromstring(demo_feed())
    assert feed.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert feed.find(f"{A}{tag}") is not None, tag
    assert feed.find(f"{A}author/{A}name") is not None
    ids = []
    for entry in feed.iter(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{A}{tag}") or "").strip(), tag
        assert entry.find(f"{A}link[@rel='alternate']") is not None
        ids.append(entry.findtext(f"{A}id"))
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    assert all(i and i.startswith("tag:") for i in ids)


def test_feed_dates_are_content_dates() -> None:
    generated = generate(REPO)
    feed = ET.fromstring(generated.pages["feed.xml"])
    newest = max(p.as_of for p in generated.briefing.positions)
    assert feed.findtext(f"{A}updated") == f"{newest.isoformat()}T00:00:00Z"
    history = "2022-03-29T00:00:00Z"
    titles = [
        e.findtext(f"{A}title")
        for e in feed.iter(f"{A}entry")
        if e.findtext(f"{A}updated") == history
    ]
    assert "Ukraine on Security guarantees for Ukraine: supports (recorded)" in titles


def test_feed_does_not_move_when_the_build_time_does(monkeypatch: pytest.MonkeyPatch) -> None:
    first = demo_feed()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")
    assert demo_feed() == first


def test_a_site_url_makes_links_and_ids_absolute() -> None:
    briefing = generate(REPO).briefing
    site = SiteConfig(name="Talks", url="https://example.org/briefing/")
    feed = ET.fromstring(render_feed(briefing, site))
    assert feed.findtext(f"{A}id") == "https://example.org/briefing/feed.xml"
    self_link = feed.find(f"{A}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href") == "https://example.org/briefing/feed.xml"
    entry = feed.find(f"{A}entry")
    assert entry is not None
    link = entry.find(f"{A}link")
    assert link is not None
    assert link.get("href") == "https://example.org/briefing/actors/russia/#ceasefire"
    assert (
        entry.findtext(f"{A}id") == "tag:example.org,2026-01-20:briefing/russia/ceasefire/opposes"
    )


def test_changes_follow_each_position_timeline() -> None:
    briefing = generate(REPO).briefing
    changes = [
        c
        for c in position_changes(briefing)
        if (c.position.actor_id, c.position.issue_id) == ("ukraine", "security-guarantees")
    ]
    assert [(c.date, c.kind) for c in changes] == [
        (datetime.date(2026, 1, 20), "reaffirmed"),
        (datetime.date(2022, 3, 29), "recorded"),
    ]


def test_control_characters_cannot_break_the_feed() -> None:
    briefing = generate(REPO).briefing
    broken = dataclasses.replace(briefing, description="bell\x07 and nul\x00")
    parsed = feedparser.parse(render_feed(broken, SiteConfig()))
    assert not parsed.bozo
    assert parsed.feed.subtitle == "bell and nul"
