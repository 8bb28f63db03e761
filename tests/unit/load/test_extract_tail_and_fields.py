"""The tail of an article (a list of other stories after its last paragraph), fields of
metadata in its header, and headlines set in capitals or glued to a kicker, each shown on a
small made-up page."""

from __future__ import annotations

import datetime

import pytest
from pages import LEAD, MORE, page

from generator.load.extract import extract_text
from generator.load.extract.furniture import furniture_kind

HEADLINE = "Ministers agree to resume the talks in Geneva"


def body(text: str) -> list[str]:
    """The body blocks extraction keeps of a text."""
    return [block.text for block in extract_text(text).blocks]


def test_a_list_of_other_stories_after_the_last_paragraph_is_cut_in_any_language() -> None:
    stories = (
        "Más historias",
        "Argentina: a nueve días de las elecciones el partido del presidente lleva cinco puntos",
        "¿Quién ganará las elecciones de Bolivia, según las últimas encuestas?",
        "Crisis en la frontera: «no existe una guerra híbrida»",
    )
    assert body(page(HEADLINE, LEAD, MORE, *stories)) == [LEAD, MORE]


def test_the_tail_runs_across_a_copy_of_the_text_and_closes_with_a_label() -> None:
    long = f"{LEAD} {MORE}"
    tail = ("Direkt aus dem Newskanal", long, "Zur Übersicht der Themen", "Gutscheine:")
    assert body(page(HEADLINE, long, *tail)) == [long]


def test_short_lines_after_a_colon_are_the_article_s_own_list() -> None:
    items = ("A ceasefire along the whole line", "An exchange of all prisoners")
    said = "The statement named two steps:"
    assert body(page(HEADLINE, LEAD, said, *items)) == [LEAD, said, *items]


def test_a_single_short_line_at_the_end_stays() -> None:
    assert body(page(HEADLINE, LEAD, MORE, "What comes next for the talks?")) == [
        LEAD,
        MORE,
        "What comes next for the talks?",
    ]


def test_fields_of_metadata_on_two_lines_give_the_date_and_no_headline() -> None:
    fields = "Speaker:\nJane Doe, Minister of Foreign Affairs\nDate:\n08/29/16\nLocation:\nGeneva"
    extracted = extract_text(page("SPEECH", fields, LEAD))
    assert extracted.title is None
    assert extracted.date == datetime.date(2016, 8, 29)
    assert [block.text for block in extracted.blocks] == [LEAD]
    assert {r.reason for r in extracted.removed} >= {"a field of metadata"}


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Datum: 3. März 2021", datetime.date(2021, 3, 3)),
        ("Fecha: 25/05/2019", datetime.date(2019, 5, 25)),
        ("Lieu : Genève, Palais des Nations", None),
        ("Autor: Max Mustermann", None),
    ],
)
def test_a_field_on_one_line_is_chrome(line: str, date: datetime.date | None) -> None:
    extracted = extract_text(page(HEADLINE, line, LEAD))
    assert extracted.title == HEADLINE
    assert extracted.date == date
    assert [block.text for block in extracted.blocks] == [LEAD]


def test_a_label_that_opens_a_sentence_is_no_field() -> None:
    data = "Data: the figures published on Monday show a rise in the number of refugees."
    assert body(page(HEADLINE, LEAD, data)) == [LEAD, data]


def test_a_headline_in_capitals_stays_one_however_it_ends() -> None:
    title = "SECURITY GUARANTEES: A PREREQUISITE FOR PEACE OR AN OBSTACLE TO ENDING THE WAR?"
    extracted = extract_text(page(title, LEAD, MORE))
    assert extracted.title == title
    assert [block.text for block in extracted.blocks] == [LEAD, MORE]


def test_a_kicker_glued_to_the_headline_by_a_colon_is_its_section() -> None:
    extracted = extract_text(page(f"Konflikte:{HEADLINE}", LEAD))
    assert (extracted.title, extracted.section) == (HEADLINE, "Konflikte")


def test_a_counter_glued_to_a_paragraph_s_end_is_cut_off() -> None:
    assert body(page(HEADLINE, f"{LEAD}2982", MORE)) == [LEAD, MORE]


@pytest.mark.parametrize(
    "line",
    [
        "Print this document",
        "Return to this article at:",
        "Ce contenu n'est pas ouvert aux commentaires.",
        "This was published under the 2010 to 2015 coalition government",
        "This page has been archived and is no longer updated.",
        "Still want to read the full version? Full article",
        "Weitere Nachrichten",
    ],
)
def test_notices_and_links_in_words_pages_share(line: str) -> None:
    assert furniture_kind(line) is not None


def test_a_press_release_s_contact_block_ends_the_article() -> None:
    contact = (
        "Further information\nFollow the Foreign Office on twitter @example\n"
        "Media enquiries\nEmail\nnewsdesk@example.org\nNews Desk\n020 7008 3100"
    )
    assert body(page(HEADLINE, LEAD, MORE, contact)) == [LEAD, MORE]


def test_a_date_beside_the_kind_of_document_dates_the_article() -> None:
    extracted = extract_text(page(HEADLINE, "27.08.2014 - Press release", LEAD))
    assert (extracted.title, extracted.subtitle) == (HEADLINE, None)
    assert extracted.date == datetime.date(2014, 8, 27)


def test_a_headline_printed_around_its_kicker_wins_over_the_issuer_above_a_dated_menu() -> None:
    issuer = "Embassy of Example in the United States"
    menu = "15/08/2024 | Press release | Distributed by Example"
    extracted = extract_text(page(issuer, menu, HEADLINE, "Government response", HEADLINE, LEAD))
    assert extracted.title == HEADLINE
    assert extracted.date == datetime.date(2024, 8, 15)
    assert [block.text for block in extracted.blocks] == [LEAD]


def test_a_title_case_headline_with_no_small_word_above_its_timestamp_stays() -> None:
    title = "Foreign Minister Welcomes Potential Ukraine Ceasefire"
    extracted = extract_text(
        page("Example has an ethical paywall", title, "Wednesday, 12 March 2025, 2:13 pm", LEAD)
    )
    assert extracted.title == title
    assert extracted.date == datetime.date(2025, 3, 12)


def test_a_run_of_capitalised_words_elsewhere_is_a_list_of_tags() -> None:
    tags = "Africa Conflict Humanity News North Africa Sudan"
    assert tags not in body(page(tags, HEADLINE, LEAD))
