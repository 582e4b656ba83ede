"""Rules found on unseen news in session 18 (helper h): an island's name read as a person, a place after 'the
province of' read as a person, a company ending in 'Defence', a dateline city outvoting the model's ORG, an
aircraft carrier the model and the airline noun 'carrier' read as an organisation (tests on sentences written for
each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import resolved as entities
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

# ---------------------------------------------------------------- entity types: dateline, carrier


def test_a_dateline_city_outvotes_the_models_org_on_its_court_metonyms(extract_text):
    found = entities(extract_text, "KARLSRUHE, Germany, Oct 9 (dpa) - Germany's Federal Court of Justice on Wednesday "
                                   "rejected an appeal by the bank. The court in Karlsruhe said the contract was void. "
                                   "Lawyers welcomed the Karlsruhe decision.")
    assert found["Karlsruhe"][0] == "GPE"


def test_an_org_never_written_in_a_dateline_keeps_its_type(extract_text):
    found = entities(extract_text, "BERLIN, May 2 (Reuters) - Siemens said on Thursday its profit rose. Siemens "
                                   "shares gained.")
    assert found["Siemens"][0] == "ORG" and found["Berlin"][0] == "GPE"


def test_a_carrier_written_after_a_ship_noun_is_a_ship_where_carrier_read_as_an_airline(extract_text):
    found = entities(extract_text, "French carrier Charles de Gaulle sails to Djibouti\n\nDJIBOUTI, May 3 (AFP) - The "
                                   "French aircraft carrier Charles de Gaulle docked in Djibouti on Monday after "
                                   "drills in the Red Sea. Sailors of the Charles de Gaulle were given shore leave. "
                                   "The Charles de Gaulle is due in Toulon in June.")
    assert found["Charles de Gaulle"][0] == "SHIP"


def test_an_airline_called_a_carrier_stays_an_organisation(extract_text):
    found = entities(extract_text, "Budget carrier Wizz Air cut flights to Tel Aviv on Monday. Wizz Air said demand "
                                   "fell.")
    assert found["Wizz Air"][0] == "ORG"

# ---------------------------------------------------------------- cuts: UN conventions, ministries of two portfolios


def test_a_un_convention_is_one_law_with_its_bracketed_acronym(extract_text):
    found = entities(extract_text, "Manila says the claims break the United Nations Convention on the Law of the Sea "
                                   "(UNCLOS). UNCLOS sets the limits of each zone.")
    assert found["United Nations Convention on the Law of the Sea"] == (
        "LAW", {"United Nations Convention on the Law of the Sea", "UNCLOS"})
    assert "Convention on the Law of the Sea" not in found


def test_a_un_convention_written_un_is_one_law(extract_text):
    found = mentions(extract_text, "Both states ratified the UN Convention on the Rights of the Child in 1990.")
    assert found.get("UN Convention on the Rights of the Child") == "LAW"


def test_the_united_nations_before_another_name_stays_an_organisation(extract_text):
    found = mentions(extract_text, "The United Nations and the Convention on Human Rights were cited by the court.")
    assert found.get("The United Nations") == "ORG"


def test_a_ministry_of_two_portfolios_is_one_name(extract_text):
    found = mentions(extract_text, "The Federal Ministry for Economic Affairs and Climate Action, which issues export "
                                   "licences, welcomed the ruling.")
    assert found.get("Federal Ministry for Economic Affairs and Climate Action") == "ORG"
    assert "Climate Action" not in found


def test_a_ministry_and_a_company_stay_two_names(extract_text):
    found = mentions(extract_text, "The Federal Ministry for Digital Affairs and Siemens signed a deal on Monday.")
    assert "Siemens" in found and not any("Siemens" in t and "Ministry" in t for t in found)

# ---------------------------------------------------------------- exercises the model read as places


def test_an_exercise_of_two_words_read_as_a_place_is_an_event(extract_text):
    found = mentions(extract_text, "Marines took part in the Northern Edge exercise with the U.S. Navy on Monday.")
    assert found.get("the Northern Edge") == "EVENT"


def test_a_sea_or_region_before_an_exercise_noun_stays_a_place(extract_text):
    found = mentions(extract_text, "Ships held the South China Sea exercise and the Western Pacific exercise.")
    assert found.get("South China Sea") == "LOC" and found.get("Western Pacific") == "LOC"
