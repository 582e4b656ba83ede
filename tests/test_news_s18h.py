"""Rules found on unseen news in session 18 (helper h): an island's name read as a person, a place after 'the
province of' read as a person, a company ending in 'Defence', a dateline city outvoting the model's ORG, an
aircraft carrier the model and the airline noun 'carrier' read as an organisation (tests on sentences written for
each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- islands, provinces, companies


def test_a_name_ending_in_island_read_as_a_person_is_a_place(extract_text):
    found = mentions(extract_text, "The crew spoke by telephone from Phu Quoc Island, where the boat was towed.")
    assert found.get("Phu Quoc Island") == "LOC"


def test_a_person_named_beside_an_island_stays_a_person(extract_text):
    found = mentions(extract_text, "Nguyen Van Binh, a fisherman, said the storm hit Phu Quoc Island on Monday.")
    assert found.get("Nguyen Van Binh") == "PERSON"


def test_a_name_after_the_province_of_read_as_a_person_is_a_place(extract_text):
    found = mentions(extract_text, "The trawler, registered in the central province of Binh Dinh, was towed home.")
    assert found.get("Binh Dinh") == "GPE"


def test_a_person_after_the_president_of_stays_a_person(extract_text):
    found = mentions(extract_text, "The minister met the family of Pham Van Dong on Friday.")
    assert found.get("Pham Van Dong") == "PERSON"


def test_a_company_ending_in_defence_read_as_a_person_is_an_organisation(extract_text):
    found = mentions(extract_text, "Hensoldt Defence, a supplier of radar systems, also exports to Israel.")
    assert found.get("Hensoldt Defence") == "ORG"
