"""Conflict and diplomacy news (Middle East, Africa, South Asia): armed groups, honorifics, accords and
resolutions, operations, border crossings and warships named again by their short form. Real spaCy model on
sentences written for these tests; each rule has a case that must not change."""

from __future__ import annotations

from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as types

# ---------------------------------------------------------------- armed groups are no surnames


def test_a_movement_is_not_its_leaders_surname(extract_text):
    found = entities(extract_text, "The Houthis fired missiles at a tanker on Friday. Houthi spokesman Yahya Saree "
                                   "said the attack would continue. Abdulmalik al-Houthi, the group's leader, said "
                                   "in a speech that the Houthis would keep up the campaign.")
    person = [label for label, (kind, _) in found.items() if "Abdulmalik" in label]
    assert person == ["Abdulmalik al-Houthi"]
    assert found[person[0]][0] == "PERSON"
    assert "Houthis" not in found[person[0]][1]
    assert found.get("Houthis", ("", set()))[0] == "ORG"


def test_a_surname_that_is_no_group_still_joins_the_full_name(extract_text):
    found = entities(extract_text, "Foreign Minister Ishaq Dar said Pakistan had lodged a protest. Dar told a news "
                                   "conference that Kabul must act.")
    assert "Dar" in found["Ishaq Dar"][1]


def test_a_plural_group_typed_person_is_an_organisation(extract_text):
    found = types(extract_text, "Residents said the Houthis had seized the port. Sunnis and Shias prayed together.")
    assert found["Houthis"] == "ORG"


def test_a_given_name_that_is_a_group_form_stays_a_person(extract_text):
    found = types(extract_text, "Christian Lindner, the finance minister, said Christian would not resign.")
    assert found["Christian Lindner"] == "PERSON"


# ---------------------------------------------------------------- accords and resolutions


def test_a_declaration_or_accords_is_a_law_whatever_the_model_read(extract_text):
    found = types(extract_text, "The visit follows the Ankara Declaration, brokered by Turkey in December. Israel "
                                "and the United Arab Emirates signed the Abraham Accords in 2020.")
    assert found["the Ankara Declaration"] == "LAW"
    assert found["the Abraham Accords"] == "LAW"


def test_a_numbered_resolution_is_a_law(extract_text):
    found = types(extract_text, "The Security Council adopted Resolution 2736 in June, a year after resolution "
                                "2722 on the Red Sea.")
    assert found["Resolution 2736"] == "LAW"
    assert found["resolution 2722"] == "LAW"


def test_a_declaration_named_in_full_stays_whole(extract_text):
    found = types(extract_text, "The Universal Declaration of Human Rights was adopted in 1948.")
    assert found == {"The Universal Declaration of Human Rights": "LAW"}


def test_a_one_word_place_and_a_resolution_word_in_lower_case_are_no_law(extract_text):
    found = types(extract_text, "Diplomats in Ankara said the resolution was weak. The Jeddah talks resume in May.")
    assert found.get("Ankara") == "GPE"
    assert "LAW" not in found.values()


# ---------------------------------------------------------------- honorifics


def test_a_religious_honorific_is_a_title_not_part_of_the_name(extract_text):
    r = extract_text("Pakistan says TTP chief Mufti Noor Wali Mehsud hides in Afghanistan. Mullah Hibatullah "
                     "Akhundzada, the Taliban's supreme leader, has rarely commented.")
    people = {m.name: m.title for m in r.mentions if m.type == "PERSON"}
    assert people.get("Noor Wali Mehsud") == "Mufti"
    assert people.get("Hibatullah Akhundzada") == "Mullah"


def test_an_honorific_before_an_organisation_word_stays_an_organisation(extract_text):
    found = types(extract_text, "The Imam Khomeini Relief Foundation sent food to the camps.")
    assert found == {"The Imam Khomeini Relief Foundation": "ORG"}


# ---------------------------------------------------------------- ships


def test_a_flag_state_or_a_merchant_ship_noun_before_a_name_makes_it_a_ship(extract_text):
    found = types(extract_text, "In March, the Houthis sank the Belize-flagged Rubymar, and in June they sank the "
                                "Greek-owned bulk carrier Tutor. In 2023 they seized the car carrier Galaxy Leader.")
    assert found["Rubymar"] == "SHIP"
    assert found["Tutor"] == "SHIP"
    assert found["Galaxy Leader"] == "SHIP"
    assert found["Belize"] == "GPE"


def test_a_greek_hull_prefix_is_no_part_of_the_name(extract_text):
    r = extract_text("The Greek navy frigate HS Hydra escorted two bulk carriers through the strait.")
    assert [(m.name, m.type) for m in r.mentions if m.type == "SHIP"] == [("Hydra", "SHIP")]


def test_the_last_word_of_a_warship_after_the_is_that_ship(extract_text):
    found = entities(extract_text, "CENTCOM said the aircraft carrier USS Dwight D. Eisenhower was in the area. "
                                   "F/A-18 jets from the Eisenhower hit radar sites near Sanaa.")
    assert found["Dwight D. Eisenhower"] == ("SHIP", {"Dwight D. Eisenhower", "USS Dwight D. Eisenhower",
                                                     "Eisenhower"})


def test_the_surname_written_for_a_person_elsewhere_stays_a_person(extract_text):
    found = entities(extract_text, "CENTCOM said the aircraft carrier USS Dwight D. Eisenhower was in the area. "
                                   "Jets from the Eisenhower hit radar sites. President Eisenhower warned of this.")
    assert found["Eisenhower"][0] == "PERSON"
    assert "Eisenhower" not in found["Dwight D. Eisenhower"][1]


# ---------------------------------------------------------------- operations


def test_a_named_military_operation_is_an_event(extract_text):
    found = types(extract_text, "The frigate is part of the European Union's Operation Aspides. U.S. warplanes "
                                "struck Yemen under Operation Poseidon Archer.")
    assert found["Operation Aspides"] == "EVENT"
    assert found["Operation Poseidon Archer"] == "EVENT"


# ---------------------------------------------------------------- border crossings


def test_a_name_before_the_noun_crossing_is_a_place_but_not_before_the_verb(extract_text):
    found = types(extract_text, "Aid groups say the Adre crossing on the border is the only route. Trucks waited "
                                "at the Rafah crossing. Officers saw Smith crossing the road.")
    assert found["Adre"] == "GPE"
    assert found["Rafah"] == "GPE"
    assert found["Smith"] == "PERSON"


# ---------------------------------------------------------------- envoys


def test_a_countrys_envoy_to_an_organisation_does_not_make_it_that_countrys(extract_text):
    r = extract_text("Britain's U.N. ambassador Barbara Woodward said the U.N. must act. Russia's Defence Ministry "
                     "said it struck targets.")
    qualifiers = [(m.text, m.qualifier) for m in r.mentions if m.type == "ORG"]
    assert qualifiers == [("U.N.", ""), ("U.N.", ""), ("Defence Ministry", "Russia")]


# ---------------------------------------------------------------- laws repeated


def test_a_law_named_in_the_text_is_found_again_in_the_headline(extract_text):
    r = extract_text("Somalia and Ethiopia mend ties under Ankara Declaration as threat grows\n\nThe visit follows "
                     "the Ankara Declaration, brokered by Turkey in December.")
    assert [m.text for m in r.mentions if m.type == "LAW"] == ["Ankara Declaration", "the Ankara Declaration"]


# ---------------------------------------------------------------- countries read as people


def test_a_country_or_capital_typed_person_is_the_place(extract_text):
    found = types(extract_text, "Aid groups say the Adre crossing on the border with Chad is the only reliable "
                                "route. Jets hit radar sites near Sanaa overnight.")
    assert found["Chad"] == "GPE"
    assert found["Sanaa"] == "GPE"


def test_a_given_name_that_is_a_country_stays_a_person_when_the_person_is_named(extract_text):
    found = types(extract_text, "Chad Smith played drums for the band. Chad said the tour would go on.")
    assert found["Chad"] == "PERSON"


# ---------------------------------------------------------------- datelines


def test_a_capitals_dateline_before_an_em_dash_is_a_place(extract_text):
    found = types(extract_text, "MOGADISHU \u2014 Somali President Hassan Sheikh Mohamud flew to Addis Ababa on "
                                "Saturday.")
    assert found["MOGADISHU"] == "GPE"


def test_a_name_before_an_em_dash_in_prose_keeps_its_type(extract_text):
    found = types(extract_text, "Obama \u2014 the former president \u2014 said he would fly to Paris.")
    assert found["Obama"] == "PERSON"


# ---------------------------------------------------------------- designators


def test_a_slashed_aircraft_designator_is_one_aircraft(extract_text):
    r = extract_text("The Pentagon said F/A-18 Super Hornet jets from the carrier hit radar sites.")
    assert [(m.name, m.type) for m in r.mentions if m.type != "ORG"] == [("F/A-18 Super Hornet", "AIRCRAFT")]
