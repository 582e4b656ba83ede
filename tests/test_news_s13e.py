"""Rules found on unseen news in session 13 (helper e): a rank the model labelled alone opens the name after it
(tests on sentences written for each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- a rank labelled alone, then the name


def test_a_rank_labelled_alone_opens_the_name_after_it(extract_text):
    text = ("He thanked Egypt's Prime Minister Adel Fahmy and army chief Field Marshal Karim Nasser. Nasser later flew "
            "to Riyadh.")
    found = entities(extract_text, text)
    assert found["Karim Nasser"][0] == "PERSON"
    assert "Nasser" in found["Karim Nasser"][1]
    assert "Field Marshal" not in found


def test_a_rank_before_a_lower_case_word_stays_as_it_was(extract_text):
    text = "The Air Marshal said the jets were ready, and the Field Marshal agreed."
    found = mentions(extract_text, text)
    assert not any(t == "PERSON" for t in found.values())
