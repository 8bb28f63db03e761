"""Tests for generator.load.extract: the seed corpus plus small hand-made cases."""

import datetime
import hashlib
from pathlib import Path

import pytest
from builders import DEMO
from hypothesis import given
from hypothesis import strategies as st

from generator.load.decode import decode
from generator.load.extract import (
    Block,
    Extracted,
    extract_html,
    extract_markdown,
    extract_text,
    split_front_matter,
)
from generator.load.extract.lines import collapse, word_count

SEEDS = DEMO / "seeds"
FOUNDING = "000_1d2e21283015eb8c.txt"
FOUNDING_SHA256 = "095875cc5b163f9d3cccb2dc455356bceb690ef8f27dcd5c4432f9be65bff971"

# Expected (title, date, headings) per seed, keyed by the file name's leading number.
EXPECTED: dict[str, tuple[str | None, datetime.date | None, tuple[str, ...]]] = {
    "000": (
        "Ukraine Seeks US Security Guarantees Amid Tense Talks",
        None,
        (
            "Divergent Views",
            "The Russian Position",
            "The Insurmountable Obstacle of Western Security Guarantees",
        ),
    ),
    # The page opens with a lead sentence, not a headline: no title in the text.
    "07": (None, None, ()),
    "09": (None, None, ()),
    "13": (
        "PM virtual meeting with the Coalition of the Willing: 4 September 2025",
        datetime.date(2025, 9, 4),
        (),
    ),
    "16": (
        "Telephone conversations with US President Joseph Biden",
        datetime.date(2021, 12, 31),
        (),
    ),
    "21": (
        "During the negotiations with Russia, the Ukrainian delegation officially outlined its"
        " proposals for a new system of security guarantees for our country",
        datetime.date(2022, 3, 29),
        (),
    ),
    "22": (
        "Mykhailo Podolyak: International multilateral treaty on security guarantees will give"
        " Ukraine reliable protection against possible new aggression",
        datetime.date(2022, 3, 30),
        (),
    ),
    "27": (
        "Secretary Rubio's Phone Call With Russia Foreign Minister Lavrov",
        datetime.date(2025, 5, 17),
        (),
    ),
}

# Page chrome seen in the seeds; none of it may reach a block.
CHROME = (
    "SCROLL FOR NEXT",
    "Jummah",
    "Public domain",
    "Russia Ukraine War",
    "Select font",
    "Character spacing",
    "Kerning",
    "Transcripts /",
    "10 Downing Street",
    "Original article link",
    "Tuesday, 02 January 2024",
    "2025-05-17 02:00:40",
    "2021-12-31T02:20:00Z",
    "2022-03-29T17:20:00Z",
    "2022-03-30T18:50:00Z",
    "date 2025-",
)


def seed_number(path: Path) -> str:
    """Return the number a seed file name starts with ("000_..." or "07-...")."""
    return path.name.split("-")[0].split("_")[0]


SEED_FILES = {seed_number(path): path for path in SEEDS.glob("*.txt")}


def seed(number: str) -> Extracted:
    """Extract the seed article with the given number."""
    return extract_text(SEED_FILES[number].read_text(encoding="utf-8"))


def headings(extracted: Extracted) -> tuple[str, ...]:
    """Return the texts of the heading blocks."""
    return tuple(block.text for block in extracted.blocks if block.kind == "heading")


def paragraphs(extracted: Extracted) -> tuple[str, ...]:
    """Return the texts of the paragraph blocks."""
    return tuple(block.text for block in extracted.blocks if block.kind == "paragraph")


# --- the seed corpus -------------------------------------------------------------------------


def test_every_seed_article_has_expectations() -> None:
    assert len(SEED_FILES) == len(list(SEEDS.glob("*.txt")))
    assert set(SEED_FILES) == set(EXPECTED)


def test_founding_article_is_unchanged() -> None:
    assert hashlib.sha256((SEEDS / FOUNDING).read_bytes()).hexdigest() == FOUNDING_SHA256


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_seed_title_date_and_headings(number: str) -> None:
    title, date, expected_headings = EXPECTED[number]
    extracted = seed(number)
    assert (extracted.title, extracted.date, headings(extracted)) == (
        title,
        date,
        expected_headings,
    )


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_seed_blocks_hold_no_chrome(number: str) -> None:
    extracted = seed(number)
    assert extracted.blocks
    for block in extracted.blocks:
        assert block.text == " ".join(block.text.split())
        assert block.text != "NA"
        assert not any(chrome in block.text for chrome in CHROME), block.text


def test_founding_article() -> None:
    extracted = seed("000")
    assert extracted.subtitle == "Zelensky Aims for Security Deal at Davos Forum"
    assert extracted.section == "Russia Ukraine War"
    assert extracted.licence == "Public domain"
    assert extracted.url is None
    assert not extracted.truncated
    assert len(paragraphs(extracted)) == 4
    assert [block.kind for block in extracted.blocks] == ["paragraph", "heading"] * 3 + [
        "paragraph"
    ]


@pytest.mark.parametrize(
    ("number", "quote"),
    [
        (
            "000",
            '"respect for national interests and consideration of legitimate security concerns"',
        ),
        ("000", '"ultimatums are not... a workable model for democratic relations"'),
        ("16", '"large-scale" sanctions'),
        ("21", '"this should be discussed separately."'),
        ("27", "Secretary of State Marco Rubio spoke with Russian Foreign Minister Sergey Lavrov"),
    ],
)
def test_quotes_stay_findable(number: str, quote: str) -> None:
    assert any(quote in text for text in paragraphs(seed(number)))


def test_transcript_excerpt() -> None:
    extracted = seed("07")
    assert extracted.section == "Transcripts"
    assert extracted.truncated
    assert paragraphs(extracted)[0].startswith("Following the state visit to Kyrgyzstan")
    assert paragraphs(extracted)[-1] == "The question"


def test_address_excerpt_without_title() -> None:
    extracted = seed("09")
    assert extracted.truncated
    assert paragraphs(extracted)[0] == "I wish you health!"
    assert paragraphs(extracted)[-1].endswith("we are the ones sup")


def test_republished_gov_uk_page() -> None:
    extracted = seed("13")
    assert extracted.url == (
        "https://www.gov.uk/government/news/"
        "pm-virtual-meeting-with-the-coalition-of-the-willing-4-september-2025"
    )
    assert not extracted.truncated
    assert len(paragraphs(extracted)) == 8


@pytest.mark.parametrize(("number", "count"), [("16", 2), ("21", 1), ("22", 1)])
def test_press_release_dataset_records(number: str, count: int) -> None:
    extracted = seed(number)
    assert (extracted.subtitle, extracted.section, extracted.truncated) == (None, None, False)
    assert len(paragraphs(extracted)) == count


def test_readout_with_stale_republisher_date() -> None:
    extracted = seed("27")
    assert paragraphs(extracted)[0] == "The below is attributable to Spokesperson Tammy Bruce:"
    assert "today. Secretary Rubio welcomed" in paragraphs(extracted)[1]


# --- raw text: dates ----------------------------------------------------------------------------

BODY = "\n\nThe delegations met again on Tuesday to continue their talks.\n"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2021-12-31T02:20:00Z", datetime.date(2021, 12, 31)),
        ("2025-05-17 02:00:40", datetime.date(2025, 5, 17)),
        ("2025-05-17", datetime.date(2025, 5, 17)),
        ("February 28, 2022", datetime.date(2022, 2, 28)),
        ("Sept. 3, 2024", datetime.date(2024, 9, 3)),
        ("1 May 2024 - 20:02", datetime.date(2024, 5, 1)),
        ("4 September 2025", datetime.date(2025, 9, 4)),
        ("Tuesday, 02 January 2024 12:17 GMT", datetime.date(2024, 1, 2)),
        ("Published: 12 March 2025", datetime.date(2025, 3, 12)),
        (" date 2025-09-04 10 Downing Street", datetime.date(2025, 9, 4)),
    ],
)
def test_date_forms(line: str, date: datetime.date) -> None:
    extracted = extract_text(f"Talks resume in Geneva this week\n{line}{BODY}")
    assert extracted.date == date
    assert extracted.title == "Talks resume in Geneva this week"
    assert [block.text for block in extracted.blocks] == [BODY.strip()]


def test_first_date_wins_and_later_date_lines_are_dropped() -> None:
    text = " date 2025-05-17 Tuesday, 02 January 2024 12:17 GMT\nA headline of some words\n"
    extracted = extract_text(text + "\n2024-01-02\n" + BODY + "\n1 May 2024\n\nMore text here.")
    assert extracted.date == datetime.date(2025, 5, 17)
    assert [block.text for block in extracted.blocks][-1] == "More text here."
    assert len(extracted.blocks) == 2


@pytest.mark.parametrize("line", ["2025-02-30", "February 30, 2022", "31 Smarch 2024"])
def test_impossible_dates_are_not_dates(line: str) -> None:
    assert extract_text(f"{line}{BODY}").date is None


def test_date_inside_a_sentence_is_not_the_date() -> None:
    extracted = extract_text("On 4 September 2025 the leaders met in a virtual call.")
    assert extracted.date is None
    assert len(extracted.blocks) == 1


# --- raw text: structure ----------------------------------------------------------------------

WRAPPED = """Ceasefire Talks Stall Over Guarantees

Negotiators from both delegations met for a third day
on Thursday but failed to agree on the sequencing of a
ceasefire and the security guarantees that would
follow it, officials said.

Next steps

A further round is expected in the coming weeks, with
mediators shuttling between the two capitals before
any new meeting of the delegations.
"""


def test_hard_wrapped_paragraphs_are_joined() -> None:
    extracted = extract_text(WRAPPED)
    assert extracted.title == "Ceasefire Talks Stall Over Guarantees"
    assert extracted.blocks == (
        Block(
            "paragraph",
            "Negotiators from both delegations met for a third day on Thursday but failed to"
            " agree on the sequencing of a ceasefire and the security guarantees that would"
            " follow it, officials said.",
        ),
        Block("heading", "Next steps"),
        Block(
            "paragraph",
            "A further round is expected in the coming weeks, with mediators shuttling between"
            " the two capitals before any new meeting of the delegations.",
        ),
    )
    assert not extracted.truncated


def test_wrapped_paragraph_cut_mid_word_is_truncated() -> None:
    extracted = extract_text(WRAPPED.rstrip().removesuffix(" delegations.") + " delega")
    assert extracted.truncated
    assert extracted.blocks[-1].text.endswith("meeting of the delega")


def test_one_paragraph_per_line() -> None:
    text = "First paragraph says one thing.\nSecond paragraph says another.\nThird one ends.\n"
    assert [block.text for block in extract_text(text).blocks] == [
        "First paragraph says one thing.",
        "Second paragraph says another.",
        "Third one ends.",
    ]


def test_headline_and_subtitle_without_blank_line_stay_apart() -> None:
    text = "Security Guarantees Dominate Talks\nEurope Seeks a Seat at the Table\n" + BODY
    extracted = extract_text(text)
    assert extracted.title == "Security Guarantees Dominate Talks"
    assert extracted.subtitle == "Europe Seeks a Seat at the Table"


def test_header_labels_and_links() -> None:
    text = (
        "Licensed under Creative Commons Attribution 4.0 International\n"
        "Events / News /\n"
        "Talks resume in Geneva this week\n"
        "Original article link: https://example.org/news/1\n" + BODY
    )
    extracted = extract_text(text)
    assert (extracted.licence, extracted.section, extracted.url) == (
        "CC BY 4.0",
        "News",
        "https://example.org/news/1",
    )
    assert len(extracted.blocks) == 1


def test_open_government_licence_notice() -> None:
    notice = "Contains public sector information licensed under the Open Government Licence v3.0."
    extracted = extract_text(BODY + "\n" + notice)
    assert extracted.licence == "Open Government Licence v3.0"
    assert [block.text for block in extracted.blocks] == [BODY.strip()]


def test_source_link_must_be_http() -> None:
    extracted = extract_text(BODY + "\nOriginal article link: javascript:alert(1)")
    assert extracted.url is None
    assert [block.text for block in extracted.blocks] == [BODY.strip()]


def test_trailing_short_line_is_a_paragraph_not_a_heading() -> None:
    extracted = extract_text(BODY + "\nThe question")
    assert extracted.blocks[-1] == Block("paragraph", "The question")
    assert extracted.truncated


# --- raw text: hostile input ------------------------------------------------------------------


def test_crlf_reads_like_lf() -> None:
    assert extract_text(WRAPPED.replace("\n", "\r\n")) == extract_text(WRAPPED)


def test_leading_bom_is_removed() -> None:
    assert extract_text("\ufeff" + WRAPPED) == extract_text(WRAPPED)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\ufeff", "\r\n\r\n"])
def test_empty_input(text: str) -> None:
    assert extract_text(text) == Extracted(None, None, None, None, None, None, False, ())


def test_control_characters_and_surrogates_are_cleaned() -> None:
    extracted = extract_text("A line\x00with\x07controls and a \ud800 surrogate.\x0c")
    assert extracted.blocks == (Block("paragraph", "A line with controls and a \ufffd surrogate."),)


def test_huge_line() -> None:
    extracted = extract_text("word " * 200_000)
    assert len(extracted.blocks) == 1
    assert extracted.truncated


# --- Markdown ---------------------------------------------------------------------------------

MARKDOWN_DOCUMENT = """---
title: Russia
kind: actor
---
# Russia

Moscow rejects Western security guarantees
for Kyiv as a threat.

## Red lines

No European troops in Ukraine. ##

### Sources ###
See the readouts.
"""


def test_split_front_matter() -> None:
    front, body = split_front_matter(MARKDOWN_DOCUMENT)
    assert front == "title: Russia\nkind: actor\n"
    assert body.startswith("# Russia\n")
    assert MARKDOWN_DOCUMENT.endswith(body)


def test_split_front_matter_of_a_file_with_crlf_and_bom() -> None:
    data = ("\ufeff" + MARKDOWN_DOCUMENT.replace("\n", "\r\n")).encode("utf-8")
    text = decode(data)
    assert isinstance(text, str)
    assert split_front_matter(text) == split_front_matter(MARKDOWN_DOCUMENT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (None, "")),
        ("# Title\n", (None, "# Title\n")),
        ("---\nunclosed: true\n", (None, "---\nunclosed: true\n")),
        ("---\n---\nbody", ("", "body")),
        ("text\n---\nmore", (None, "text\n---\nmore")),
    ],
)
def test_split_front_matter_edges(text: str, expected: tuple[str | None, str]) -> None:
    assert split_front_matter(text) == expected


def test_extract_markdown() -> None:
    extracted = extract_markdown(split_front_matter(MARKDOWN_DOCUMENT)[1])
    assert extracted.title == "Russia"
    assert extracted.blocks == (
        Block("paragraph", "Moscow rejects Western security guarantees for Kyiv as a threat."),
        Block("heading", "Red lines"),
        Block("paragraph", "No European troops in Ukraine. ##"),
        Block("heading", "Sources"),
        Block("paragraph", "See the readouts."),
    )
    assert (extracted.date, extracted.section, extracted.truncated) == (None, None, False)


def test_markdown_without_title() -> None:
    extracted = extract_markdown("## Only a section\n\n#hashtag is text\n")
    assert extracted.title is None
    assert extracted.blocks == (
        Block("heading", "Only a section"),
        Block("paragraph", "#hashtag is text"),
    )


# --- HTML -------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Talks resume in Geneva | Example News</title>
<meta property="og:title" content="Talks resume in Geneva">
<meta name="date" content="2025-11-23">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<header><p>Subscribe to our newsletter today</p></header>
<article>
<h1>Talks resume in Geneva</h1>
<p>Delegations from both sides met on Sunday in Geneva to discuss a revised framework
for ending the war, officials said.</p>
<h2>Security guarantees</h2>
<p>The revised text keeps a commitment to security guarantees but drops several contested
points, according to people familiar with the talks.<br>Further rounds are expected.</p>
</article>
<footer><p>Copyright 2025 Example News. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


def test_extract_html() -> None:
    extracted = extract_html(HTML_PAGE)
    assert extracted.title == "Talks resume in Geneva"
    assert extracted.date == datetime.date(2025, 11, 23)
    assert extracted.blocks == (
        Block(
            "paragraph",
            "Delegations from both sides met on Sunday in Geneva to discuss a revised framework"
            " for ending the war, officials said.",
        ),
        Block("heading", "Security guarantees"),
        Block(
            "paragraph",
            "The revised text keeps a commitment to security guarantees but drops several"
            " contested points, according to people familiar with the talks. Further rounds"
            " are expected.",
        ),
    )
    text = " ".join(block.text for block in extracted.blocks)
    for boilerplate in ("World news menu", "Subscribe", "Copyright", "Privacy policy"):
        assert boilerplate not in text


@pytest.mark.parametrize("html", ["", "not html at all", "<p>x</p>", "\x00<html>\ud800"])
def test_extract_html_without_article(html: str) -> None:
    assert extract_html(html).blocks == ()


@given(st.text(alphabet=" ab.\t\n\u00a0\u2028\u3000\x1c\u200b\u2019", max_size=20))
def test_collapsing_and_counting_words_follow_str_split(text: str) -> None:
    # Both skip the split when the text is already collapsed; the result must not tell.
    assert collapse(text) == " ".join(text.split())
    assert word_count(text) == len(text.split())


# --- page chrome of any outlet, by kind ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Washington DC, February 18, 2025", datetime.date(2025, 2, 18)),
        ("Updated: 22-01-2025 19:30 IST", datetime.date(2025, 1, 22)),
        ("11/10/2020 08:15 PM EST", datetime.date(2020, 11, 10)),
        ("PublishDate: Saturday, March 13, 2021 14:37", datetime.date(2021, 3, 13)),
        ("Sun. Apr 20th, 2025", datetime.date(2025, 4, 20)),
        ("19:5924.08.2023", datetime.date(2023, 8, 24)),
    ],
)
def test_datelines_give_the_date_and_are_no_title(line: str, date: datetime.date) -> None:
    extracted = extract_text(f"{line}\nTalks resume in Geneva this week{BODY}")
    assert (extracted.title, extracted.date) == ("Talks resume in Geneva this week", date)


@pytest.mark.parametrize("line", ["yesterday", "3 days ago", "May 2024", "today at 10:00"])
def test_relative_and_partial_dates_are_never_read(line: str) -> None:
    assert extract_text(f"Talks resume in Geneva this week\n{line}{BODY}").date is None


def test_dates_rank_by_kind() -> None:
    text = "Wednesday, April 23, 2025\nTalks resume in Geneva this week\nUpdated: 25 April 2025\n"
    assert extract_text(text + "Published: 24 April 2025" + BODY).date == datetime.date(2025, 4, 24)
    assert extract_text(text + BODY).date == datetime.date(2025, 4, 25)


def test_a_weekday_date_away_from_the_title_is_the_site_s_clock() -> None:
    text = "Wednesday, April 24, 2024\nHome » World\n\nTalks resume in Geneva this week" + BODY
    assert extract_text(text).date is None


@pytest.mark.parametrize(
    "chrome",
    [
        "An official website of the United States Government Here's how you know",
        "About | HeinOnline Law Journal Library | Subscribe | Contact",
        "ISSN 1234-5678",
        "Get the Mirror in your inbox:",
        "Read also: Talks stall again in Vienna",
        "We use cookies to improve your experience",
        "Lost Password?",
        "* * *",
        "Source – US State Department",
        "By Office of the Spokesperson",
        "3 days ago",
    ],
)
def test_page_chrome_is_removed_and_never_the_title(chrome: str) -> None:
    extracted = extract_text(f"{chrome}\nTalks resume in Geneva this week\n{chrome}{BODY}")
    assert extracted.title == "Talks resume in Geneva this week"
    assert [block.text for block in extracted.blocks] == [BODY.strip()]
    assert chrome in {removed.text for removed in extracted.removed}


def test_the_headline_is_the_line_above_a_timestamp() -> None:
    text = "Russian-Indian talks\n2021-12-06T17:00:00Z\nNew Delhi\n" + BODY
    assert extract_text(text).title == "Russian-Indian talks"
    text = "As of today, the service is open to all citizens.\n2022-02-08T12:48:00Z\n" + BODY
    assert extract_text(text).title == "As of today, the service is open to all citizens."


def test_a_republisher_stamp_glued_to_the_lead_keeps_the_lead() -> None:
    extracted = extract_text(" date 2021-05-05 MOSCOW, May 5. /TASS/. Moscow is ready to help.")
    assert extracted.date == datetime.date(2021, 5, 5)
    assert [block.text for block in extracted.blocks] == [
        "MOSCOW, May 5. /TASS/. Moscow is ready to help."
    ]


def test_the_article_ends_where_the_page_lists_other_articles() -> None:
    extracted = extract_text(BODY + "\nRelated articles\n\nAnother story of the day, not ours.\n")
    assert [block.text for block in extracted.blocks] == [BODY.strip()]
