"""Kinds of page chrome, headers and dates that pages of every outlet share, each shown on a
small made-up page: furniture in the languages read, captions, lines in another script,
metadata lists, teasers, dates glued to times or closing a credit, a saved page's date."""

from __future__ import annotations

import datetime

import pytest
from pages import LEAD, MORE, page, shown

from generator.load.extract import extract_html, extract_text
from generator.load.extract.dates import headline_date, read_date_line
from generator.load.extract.furniture import furniture_kind
from generator.load.extract.scripts import Scripts


@pytest.mark.parametrize(
    "line",
    [
        "Lesen Sie auch",
        "À lire aussi",
        "Leggi anche:",
        "Suivez-nous sur Twitter",
        "Síguenos en Instagram",
        "Connectez-vous pour commenter",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
        "Zur Startseite",
        "\u25ba Register",
        "\u2022 Share",
        "Contact usRead also",
        "Want to advertise with us?",
        "fr-FR en-GB de-DE",
        "Read the full article at The Example Times",
    ],
)
def test_furniture_of_every_language_and_shape(line: str) -> None:
    assert furniture_kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers get a discount on the fare.",
        "iPhone users say the update helped",
        "The foreign minister followed the talks closely",
        LEAD,
    ],
)
def test_text_that_merely_mentions_such_words_is_no_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_a_short_line_in_another_script_is_chrome() -> None:
    text = page("Talks Resume in Geneva After Long Pause", "Читать на русском", LEAD, MORE)
    assert "Читать на русском" not in shown(text)
    assert Scripts.of([LEAD, MORE] * 3).main == "latin"


def test_a_page_in_one_script_keeps_its_lines() -> None:
    lines = [
        "Переговоры возобновятся в Женеве",
        "Министры встретились в понедельник и договорились.",
    ]
    assert Scripts.of(lines * 10).other_script(lines[0]) is False


def test_captions_by_credit_by_site_name_and_the_headline_below_them() -> None:
    text = page(
        "Ministers Agree to Resume Talks in Geneva",
        "\u00a9 AGENCY / Jane Doe. The ministers meet in Geneva, Switzerland, on Monday",
        "The ministers meet in Geneva, Switzerland, on Monday - Example News",
        LEAD,
        "The envoy at a news conference - Example News",
        "Envoy Says Next Round Will Open in March",
        MORE,
    )
    blocks = shown(text)[2:]
    assert blocks == [LEAD, MORE]


def test_a_caption_ending_in_a_photo_credit() -> None:
    caption = "The envoy speaks to reporters in Geneva on Monday. Photo: Agency"
    assert caption not in shown(page("Envoy Briefs Reporters in Geneva", caption, LEAD, MORE))


def test_the_headline_above_a_timestamp_across_a_blank_line_and_a_metadata_list() -> None:
    text = page(
        "Ministers Agree to Resume Talks in Geneva",
        "- World\n- Example Agency\n- Published: 10:15 | 3 March 2025",
        LEAD,
    )
    extracted = extract_text(text)
    assert extracted.title == "Ministers Agree to Resume Talks in Geneva"
    assert extracted.date == datetime.date(2025, 3, 3)


def test_a_date_below_a_widget_label_is_the_top_bar_not_the_end_of_the_header() -> None:
    text = page("Content viewer", "3 March 2025 10:15", "Ministers Agree to Resume Talks", LEAD)
    assert extract_text(text).title == "Ministers Agree to Resume Talks"


def test_a_standfirst_below_the_title_is_kept() -> None:
    standfirst = "- The talks had stalled for a year over the order of the agenda items"
    text = page("Ministers Agree to Resume Talks", "- A first round opens in March", standfirst)
    assert standfirst in shown(text)


def test_the_headline_printed_again_and_a_teaser_are_removed() -> None:
    title = "Ministers Agree to Resume Talks in Geneva"
    teaser = LEAD[:50].rsplit(" ", 1)[0] + "..."
    blocks = shown(page(title, title + ".", teaser, LEAD, MORE))[2:]
    assert blocks == [LEAD, MORE]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("6 janvier 201718:52", datetime.date(2017, 1, 6)),
        ("Meldung der Agentur vom 27.08.2014", datetime.date(2014, 8, 27)),
        ("Report of the news agency dated 3 May 2021", datetime.date(2021, 5, 3)),
        ("الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21", datetime.date(2013, 8, 4)),
        ("Mis à jour le 12 mars 2024", datetime.date(2024, 3, 12)),
    ],
)
def test_dates_glued_to_times_closing_credits_and_in_other_languages(
    line: str, date: datetime.date
) -> None:
    dated = read_date_line(line)
    assert dated is not None and dated.date == date


@pytest.mark.parametrize(
    ("headline", "date"),
    [
        ("PM call with the President: 4 March 2016", datetime.date(2016, 3, 4)),
        ("Transcript of the weekly briefing (May 29, 2025)", datetime.date(2025, 5, 29)),
        ("Talks on the 2025 budget", None),
        ("Why 4 March 2016 still matters for the talks", None),
    ],
)
def test_a_date_closing_the_headline(headline: str, date: datetime.date | None) -> None:
    assert headline_date(headline) == date


def test_a_date_in_the_headline_is_the_date_when_the_text_gives_no_other() -> None:
    assert extract_text(page("Readout: call with the minister, 4 March 2016", LEAD)).date is None
    text = page("Readout: call with the minister: 4 March 2016", LEAD)
    assert extract_text(text).date == datetime.date(2016, 3, 4)


HTML = """<html><head><title>Ministers agree to resume talks - Example Daily</title>
<meta property="og:site_name" content="Example Daily"></head><body>
<div class="nav"><a href="/">Home</a></div>
<h1>Ministers agree to resume talks</h1>
<div class="meta">Sunday, 4 August 2013, updated 02:21</div>
<div class="story"><p>{lead}</p><p>{more}</p><p>{lead2}</p><p>{more2}</p>
<div><p>We welcome a lively debate in the comments below; please read our rules first.</p></div>
<div class="comments-box"></div></div>
<div class="footer">&copy; 2013 Example Daily</div></body></html>"""


def test_a_saved_page_s_date_is_the_one_printed_below_its_headline() -> None:
    html = HTML.format(lead=LEAD, more=MORE, lead2=LEAD.upper(), more2=MORE.upper())
    extracted = extract_html(html)
    assert extracted.date == datetime.date(2013, 8, 4)
    assert extracted.outlet == "Example Daily"
    assert all("lively debate" not in block.text for block in extracted.blocks)


def test_the_headline_printed_twice_wins_over_a_notice_above_a_timestamp() -> None:
    headline = "Envoy Optimistic About the Ceasefire?"
    text = page(
        "This site has moved to a new address.",
        "Tuesday, 1 March 2016 12:46",
        headline,
        headline,
        LEAD,
    )
    assert extract_text(text).title == headline


@pytest.mark.parametrize(
    "line",
    [
        "\u00ab Older post | Main | Newer post \u00bb",
        "Get short URL",
        "No comments:",
        "Post a Comment",
    ],
)
def test_pagers_link_tools_and_comment_footers(line: str) -> None:
    assert furniture_kind(line) is not None


def test_a_title_element_holding_only_a_short_name_names_the_site() -> None:
    html = (
        "<html><head><title>Jane Doe</title></head><body><h1>Hydrogen as a key technology</h1>"
        f"<p>{LEAD}</p><p>{MORE}</p><p>{LEAD.upper()}</p></body></html>"
    )
    assert extract_html(html).outlet == "Jane Doe"
