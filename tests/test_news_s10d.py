"""Rules found on unseen news in session 10 (helper d: espionage, drone exports, a defence budget), each tested on
sentences written for it, with cases that must not change."""

from __future__ import annotations

from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- a ship noun inside a person's apposition


def test_a_ship_noun_that_modifies_another_noun_does_not_make_a_ship(extract_text):
    found = mentions(extract_text, "Admiral Huang Shu-kuang, the former head of the submarine program, resigned.")
    assert found["Huang Shu-kuang"] == "PERSON"


def test_a_ship_noun_after_of_and_a_role_noun_does_not_make_a_ship(extract_text):
    found = mentions(extract_text, "Captain Li Wei, the commander of the destroyer, said the crew was safe.")
    assert found["Li Wei"] == "PERSON"


def test_an_apposition_headed_by_a_ship_noun_still_names_a_ship(extract_text):
    found = mentions(extract_text, "They boarded the Eventin, a tanker carrying oil, off the coast.")
    assert found["Eventin"] == "SHIP"
    found = mentions(extract_text, "The navy sent the Kaga, the largest destroyer in its fleet, to the strait.")
    assert found["Kaga"] == "SHIP"
    found = mentions(extract_text, "The Marinera, a tanker of the Russian shadow fleet, was seized.")
    assert found["Marinera"] == "SHIP"

