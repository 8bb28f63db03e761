"""The semantic diff as Markdown for reviewers (inert, mentioning nobody) and as JSON for tools."""

from __future__ import annotations

import dataclasses
import datetime
import json

from builders import make_briefing, make_history

from generator.diff.compare import BriefingDiff, Named, PositionDiff, Quote
from generator.diff.revision import Side
from generator.diff.text import LONG_DETAILS, diff_json, diff_markdown, headline, inline, tags
from generator.render.markdown import escape_markdown

DAY, LATER = datetime.date(2026, 2, 2), datetime.date(2026, 3, 1)
QUOTE = Quote("talks", "a truce", None, "a truce", "Talks *resume*", 2, "Ana Berg")
CHANGED = PositionDiff(
    actor=Named("northland", "Northland"),
    issue=Named("ceasefire", "Ceasefire"),
    status="changed",
    stance=("opposes", "conditional"),
    as_of=(DAY, LATER),
    summary=("Rejects a truce.", "Accepts a truce."),
    draft=(False, False),
    quotes_added=(QUOTE,),
    quotes_removed=(),
    history_added=(make_history("2026-02-02", "opposes", "Before."),),
    history_removed=(),
)
NOTHING = BriefingDiff((), (), (), (), (), (), ())
BASE = Side("main (1a2b3c4)", "1a2b3c4" + "0" * 33, make_briefing())
HEAD = Side("the working tree", None, make_briefing())


def test_a_headline_says_what_happened_to_the_position() -> None:
    assert headline(CHANGED) == "Northland on Ceasefire: opposes → conditional"
    same = dataclasses.replace(CHANGED, stance=("opposes", "opposes"))
    assert headline(same) == "Northland on Ceasefire: opposes"
    added = dataclasses.replace(
        CHANGED, status="added", stance=(None, "supports"), draft=(False, True)
    )
    assert headline(added) == "Northland on Ceasefire: new position, supports (draft)"
    removed = dataclasses.replace(CHANGED, status="removed", stance=("opposes", None))
    assert headline(removed) == "Northland on Ceasefire: position removed (was opposes)"


def test_tags_name_every_other_change_briefly() -> None:
    assert tags(CHANGED) == [
        "as of 2026-02-02 → 2026-03-01",
        "summary edited",
        "1 quote added",
        "1 history entry added",
    ]
    drafted = dataclasses.replace(
        CHANGED, as_of=(DAY, DAY), summary=("a", "a"), draft=(False, True)
    )
    assert tags(dataclasses.replace(drafted, quotes_added=(), history_added=())) == [
        "marked as a draft"
    ]
    added = dataclasses.replace(CHANGED, status="added", as_of=(None, DAY))
    assert tags(added) == ["as of 2026-02-02", "1 quote"]
    assert tags(dataclasses.replace(CHANGED, status="removed")) == []


def test_no_change_says_so() -> None:
    assert diff_markdown(NOTHING, BASE, HEAD) == (
        "## Briefing changes: main (1a2b3c4) → the working tree\n\nNo change to the briefing.\n"
    )


def test_a_change_is_one_line_then_its_details() -> None:
    diff = dataclasses.replace(NOTHING, positions=(CHANGED,), actors_added=(Named("x", "X"),))
    text = diff_markdown(diff, BASE, HEAD)
    assert text.splitlines()[2:5] == [
        "- **Northland on Ceasefire: opposes → conditional** · as of 2026-02-02 → 2026-03-01"
        " · summary edited · 1 quote added · 1 history entry added",
        "- Actors added: X (`x`)",
        "",
    ]
    assert "### Northland on Ceasefire" in text
    assert "Summary: [-Rejects-] {+Accepts+} a truce." in text
    assert "- “a truce” — Ana Berg, *Talks \\*resume\\**, ¶2 (`talks`)" in text
    assert "- 2026-02-02, opposes: Before." in text
    assert text.endswith("\n") and "<details>" not in text


def test_long_details_fold_away() -> None:
    many = tuple(dataclasses.replace(QUOTE, article_id=f"a{n}") for n in range(LONG_DETAILS))
    text = diff_markdown(
        dataclasses.replace(NOTHING, positions=(dataclasses.replace(CHANGED, quotes_added=many),)),
        BASE,
        HEAD,
    )
    assert "<details><summary>Northland on Ceasefire: as of 2026-02-02 → 2026-03-01," in text
    assert text.endswith("</details>\n") and "### " not in text


def test_untrusted_text_is_inert_and_mentions_nobody() -> None:
    assert inline("@everyone and @team/x") == "@\u200beveryone and @\u200bteam/x"
    assert inline("<img src=x>") == escape_markdown("<img src=x>"), "escaped as on the site"


def test_json_holds_every_key_whatever_changed() -> None:
    empty = json.loads(diff_json(NOTHING, BASE, HEAD))
    assert list(empty) == ["base", "head", "changed", "positions", "actors", "issues", "articles"]
    assert empty["head"] == {"label": "the working tree", "commit": None}
    assert empty["actors"] == {"added": [], "removed": []}
    document = json.loads(diff_json(dataclasses.replace(NOTHING, positions=(CHANGED,)), BASE, HEAD))
    [position] = document["positions"]
    assert position["headline"] == headline(CHANGED)
    assert position["as_of"] == {"old": "2026-02-02", "new": "2026-03-01"}
    assert position["quotes_added"] == [
        {
            "article": "talks",
            "article_title": "Talks *resume*",
            "paragraph": 2,
            "quote": "a truce",
            "speaker": "Ana Berg",
        }
    ]
    assert position["history_added"] == [
        {"as_of": "2026-02-02", "stance": "opposes", "note": "Before."}
    ]
    assert document["changed"] is True
