"""Quotation marks paired by what surrounds them, and the words that say whose a quotation is."""

from __future__ import annotations

from generator.model.suggest.quotations import attribution, quotations
from generator.model.suggest.sentences import sentence_spans


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quotations(text)]


def test_straight_and_typographic_marks_pair() -> None:
    text = 'He said: "We are ready to talk." She replied: “Not before the troops leave.”'
    assert quoted(text) == ["We are ready to talk.", "Not before the troops leave."]


def test_a_term_in_quotation_marks_is_no_quotation() -> None:
    assert quoted('a "prosperity package" and "legitimate targets" were named') == []


def test_a_stray_mark_does_not_turn_later_quotations_inside_out() -> None:
    text = 'It was 5" long, they said. Then: "We will not sign this treaty," he said.'
    assert quoted(text) == ["We will not sign this treaty,"]


def test_marks_glued_to_words_are_read_by_their_side() -> None:
    text = 'He wrote:"I will come back to the talks" and left.'
    assert quoted(text) == ["I will come back to the talks"]


def test_attribution_after_a_quotation_of_several_sentences() -> None:
    text = '"We insist on a treaty. We want guarantees for everyone," he said. Talks go on.'
    spans = sentence_spans(text)
    (quotation,) = quotations(text)
    assert attribution(text, quotation, spans) == "he said."


def test_attribution_before_a_quotation() -> None:
    text = 'Mykhailo Podolyak said: "We have agreed to continue working."'
    (quotation,) = quotations(text)
    assert attribution(text, quotation, sentence_spans(text)) == "Mykhailo Podolyak said: "
