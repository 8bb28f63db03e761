"""The feed as the built site ships it."""

from __future__ import annotations

from pathlib import Path

from builders import DEMO

REPO = DEMO
A = "{http://www.w3.org/2005/Atom}"


def test_built_site_ships_and_advertises_the_feed(built_site: Path) -> None:
    site = built_site / "site"
    assert (site / "feed.xml").read_bytes() == (built_site / "generated" / "feed.xml").read_bytes()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home
    assert 'href="./feed.xml"' in home
    changes = (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert 'href="../feed.xml"' in changes
    methodology = (site / "methodology" / "index.html").read_text(encoding="utf-8")
    for data in ("positions.json", "positions.schema.json", "positions.csv", "matrix.csv"):
        assert f'href="../{data}"' in methodology, data
        assert (site / data).is_file(), data
