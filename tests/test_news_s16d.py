"""Rules found on unseen news in session 16 (helper d: a hurricane rescue, a Line of Control clash, military
satellite launches): an office before a rank and a name, an acronym typed a place after an organisation's name,
a year alone, a storm's short name, an armed force's possessive, a launch pad's number and numbered satellites
(tests on sentences written for each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- offices


def test_an_office_before_a_rank_and_a_name_is_no_person(extract_text):
    found = mentions(extract_text, "Director General of Military Operations Lt. Gen. Rajiv Ghai called him.")
    assert found.get("Rajiv Ghai") == "PERSON"
    assert not any("Military Operations" in t for t in found)


def test_an_organisation_before_a_person_without_a_title_between_stays(extract_text):
    found = mentions(extract_text, "The Ministry of Defence said on Monday that Rajiv Ghai had called.")
    assert found.get("the Ministry of Defence", found.get("The Ministry of Defence")) == "ORG"
    assert found.get("Rajiv Ghai") == "PERSON"


# ---------------------------------------------------------------- acronyms


def test_an_acronym_the_model_made_a_place_takes_its_organisation_s_type(extract_text):
    found = entities(extract_text, "Islamabad asked Guterres to send the United Nations Military Observer Group in "
                                   "India and Pakistan (UNMOGIP) to the villages. UNMOGIP noted the reports.")
    name = next(k for k, (_, aliases) in found.items() if "UNMOGIP" in aliases)
    assert found[name][0] == "ORG"
    assert "United Nations Military Observer Group" in name


def test_a_country_s_acronym_in_brackets_stays_a_place(extract_text):
    found = mentions(extract_text, "Officials of the United Arab Emirates (UAE) met in Abu Dhabi.")
    assert found.get("UAE") == "GPE"


# ---------------------------------------------------------------- years


def test_a_year_before_a_treaty_is_no_entity(extract_text):
    found = mentions(extract_text, "Such a weapon would violate the 1967 Outer Space Treaty, U.S. officials said.")
    assert found.get("Outer Space Treaty") == "LAW"
    assert not any("1967" in t for t in found)


def test_a_name_with_a_number_stays(extract_text):
    found = mentions(extract_text, "The Boeing 747 landed at Gate 2014 after the Vision 2030 plan was announced.")
    assert any(t.startswith("Boeing") for t in found)


# ---------------------------------------------------------------- storms


def test_a_storm_s_short_name_is_the_storm(extract_text):
    found = entities(extract_text, "Hurricane Delphine hit Gulfport on Thursday. Delphine weakened over Mississippi. "
                                   "It was the worst since Hurricane Katrina, and Katrina was worse, officials said.")
    assert found["Hurricane Delphine"] == ("EVENT", {"Hurricane Delphine", "Delphine"})
    assert found["Hurricane Katrina"] == ("EVENT", {"Hurricane Katrina", "Katrina"})
    assert "Delphine" not in found and "Katrina" not in found


def test_a_person_sharing_a_storm_s_name_stays_a_person(extract_text):
    found = entities(extract_text, "Hurricane Harvey flooded Houston. Harvey Weinstein was in court. Harvey said "
                                   "nothing. Gov. Ida Brown spoke after Hurricane Ida.")
    assert found["Hurricane Harvey"] == ("EVENT", {"Hurricane Harvey"})
    assert found["Harvey Weinstein"][0] == "PERSON"
    assert found["Hurricane Ida"] == ("EVENT", {"Hurricane Ida"})


# ---------------------------------------------------------------- possessives


def test_an_armed_force_owning_a_district_stays_an_organisation(extract_text):
    found = entities(extract_text, "The U.S. Coast Guard rescued 1,400 people. The Coast Guard's Eighth District "
                                   "in New Orleans said crews flew all night.")
    assert found["U.S. Coast Guard"][0] == "ORG"
    assert "Coast Guard" in found["U.S. Coast Guard"][1]


def test_a_place_owning_its_islands_is_still_a_place(extract_text):
    found = mentions(extract_text, "Okinawa's Ishigaki and Miyako islands were hit by the storm.")
    assert found.get("Okinawa's", found.get("Okinawa")) == "GPE"


# ---------------------------------------------------------------- numbered names


def test_a_launch_complex_takes_its_number(extract_text):
    found = entities(extract_text, "A Falcon 9 lifted off from Space Launch Complex 40 at Cape Canaveral, hours after "
                                   "a Vulcan rocket flew from Space Launch Complex 41.")
    assert found["Space Launch Complex 40"][0] == "FACILITY"
    assert found["Space Launch Complex 41"][0] == "FACILITY"
    assert "Space Launch Complex" not in found


def test_a_number_after_a_launch_complex_in_another_phrase_stays_apart(extract_text):
    found = mentions(extract_text, "The rocket left Space Launch Complex on Monday, 40 minutes late.")
    assert not any(t.endswith("40") for t in found)


# ---------------------------------------------------------------- spacecraft


def test_a_numbered_satellite_is_no_node(extract_text):
    found = mentions(extract_text, "An Ariane 6 rocket will launch France's CSO-3 military observation satellite, and "
                                   "ULA launched the GPS III SV-09 navigation satellite.")
    assert found.get("France's", found.get("France")) == "GPE"
    assert not any("CSO-3" in t or "SV-09" in t for t in found)


def test_a_satellite_name_without_a_digit_and_a_verb_between_stay(extract_text):
    found = mentions(extract_text, "SpaceX launched 22 Starlink satellites. Troops of the 10 Corps had downed a "
                                   "drone, and satellite images showed it.")
    assert found.get("Starlink") == "ORG"
    assert found.get("the 10 Corps") == "ORG"
