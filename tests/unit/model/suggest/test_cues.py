"""The vocabularies of reported speech, stance and commitment, and role titles."""

from __future__ import annotations

import pytest

from generator.model.suggest import cues
from generator.model.suggest.cues import Title, Words


def test_the_first_verb_of_saying_and_where_it_is() -> None:
    words = Words.of("Vladimir Putin stressed that the talks must go on.")
    assert words.text[cues.reporting_at(words) or 0 :].startswith("stressed")
    according = Words.of("According to him, the treaty is ready.")
    assert cues.reporting_at(according) == 0
    assert cues.reporting_at(Words.of("The delegations met in Geneva.")) is None


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("It was emphasised that the talks would go on.", True),
        ("Hope was expressed that serious talks would be organised.", True),
        ("Attention was also drawn to the fact that the talks stalled.", True),
        ("He emphasised that the talks would go on.", False),
    ],
)
def test_the_readouts_passive_voice(text: str, passive: bool) -> None:
    assert cues.is_passive(Words.of(text)) is passive


def test_the_first_person_is_read_in_the_case_it_is_written() -> None:
    assert cues.is_first_person(Words.of("We will not give up our land."))
    assert not cues.is_first_person(Words.of("The US will not give up."))


@pytest.mark.parametrize(
    ("text", "commitment"),
    [
        ("We will guarantee their passage.", True),
        ("I am in favor of a faster meeting.", True),
        ("We are not afraid to talk about it.", True),
        ("We met in Geneva on Monday.", False),
        ("They will guarantee nothing.", False),
    ],
)
def test_commitments_in_the_first_person(text: str, commitment: bool) -> None:
    assert cues.is_commitment(Words.of(text)) is commitment


def test_stance_words_and_framing() -> None:
    assert cues.stance_count(Words.of("Russia rejected the plan and ruled out a truce.")) == 2
    words = Words.of("From Moscow's perspective, such guarantees are unacceptable.")
    assert cues.frames(words, words.text.index("'s"))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("the Prime Minister said", Title("prime minister", "")),
        ("The Russian president urged", Title("president", "Russian")),
        ("The President of France stated", Title("president", "France")),
        ("The Head of State noted", Title("president", "")),
        ("the Head of the Ukrainian state emphasized", Title("president", "Ukrainian")),
        ("said the Adviser to the Head of the Office", Title("adviser", "")),
        ("The delegations met.", None),
    ],
)
def test_role_titles(text: str, title: Title | None) -> None:
    assert cues.role_title(text) == title


def test_transcript_labels_and_sentences_that_go_on() -> None:
    label = cues.label_of("President of Russia Vladimir Putin: Good afternoon.")
    assert label is not None and label.group(1) == "President of Russia Vladimir Putin"
    assert cues.label_of("As for the talks: they go on.") is None
    assert cues.goes_on(Words.of("These include a neutral status."))
    assert not cues.goes_on(Words.of("Kyiv proposed a treaty."))
