"""Sentence splitting: spans that are verbatim, and the corpus's traps (some excerpts are from
press releases of kremlin.ru and president.gov.ua, CC BY 4.0)."""

from __future__ import annotations

import pytest

from generator.model.suggest.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The President briefed U.S. lawmakers on the talks. They agreed to meet again.",
            ["The President briefed U.S. lawmakers on the talks.", "They agreed to meet again."],
        ),
        (
            "Mr. Putin spoke with Dr. Smith in St. Petersburg. No. 5 was signed.",
            ["Mr. Putin spoke with Dr. Smith in St. Petersburg.", "No. 5 was signed."],
        ),
        (
            '"We want peace. We are ready," he said. Then he left.',
            ['"We want peace.', 'We are ready," he said.', "Then he left."],
        ),
        (
            '"Is it possible?" the Head of State asked. Nobody answered.',
            ['"Is it possible?" the Head of State asked.', "Nobody answered."],
        ),
        (
            "They came to an agreement <…> Vladimir Putin: Good afternoon.",
            ["They came to an agreement <…>", "Vladimir Putin: Good afternoon."],
        ),
        (
            "We waited for decades.They still did not come. It ended.",
            ["We waited for decades.", "They still did not come.", "It ended."],
        ),
        (
            "It is a matter of principle... Nobody can decide for us.",
            ["It is a matter of principle...", "Nobody can decide for us."],
        ),
        (
            "Prices rose by 2.5 percent, V. Ivanov said. Trade grew.",
            ["Prices rose by 2.5 percent, V. Ivanov said.", "Trade grew."],
        ),
    ],
)
def test_sentences_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_verbatim_and_cover_the_words() -> None:
    text = "  First line\nruns on.\n\nSecond  one?  ‘Third’ — with a dash…  Fourth.  "
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == [
        "First line\nruns on.",
        "Second  one?",
        "‘Third’ — with a dash…",
        "Fourth.",
    ]
    covered = " ".join(text[start:end] for start, end in spans)
    assert covered.split() == text.split()


def test_an_empty_text_has_no_sentences() -> None:
    assert sentence_spans("") == ()
    assert sentence_spans(" \n\t ") == ()
