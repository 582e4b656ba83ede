"""Defence and business news (session 7, helper N): weapon names, armed services, law names with 'of', companies
read as people, all-caps subheadings and hyphenated name pairs. Real spaCy model on sentences written for these
tests."""

from __future__ import annotations

from tests.news_helpers import resolved as nodes
from tests.news_helpers import text_types as typed

# ---------------------------------------------------------------- 1. weapon names


def test_a_name_ending_in_missile_is_one_weapon_and_its_acronym_an_alias(extract_text):
    found = nodes(extract_text, "Finnish jets will practise strikes with the Coastal Strike Missile (CSM) this week. "
                                "Brodvik Defence, which builds the CSM, said two more navies had ordered it.")
    assert found["Coastal Strike Missile"] == ("WEAPON", {"Coastal Strike Missile", "CSM"})


def test_a_missile_name_needs_no_acronym(extract_text):
    assert typed(extract_text, "The first live firing of the Long Reach Missile took place over the range.")[
        "Long Reach Missile"] == "WEAPON"


def test_missile_inside_a_longer_name_is_no_weapon(extract_text):
    found = typed(extract_text, "The Missile Defense Agency said the Ballistic Missile Defense Review was late.")
    assert "WEAPON" not in found.values()


def test_a_numbered_model_before_a_drone_or_missile_noun_is_an_aircraft_or_weapon(extract_text):
    found = typed(extract_text, "The militia said it had launched Karrar-4 drones and Tondar-2 ballistic missiles, "
                                "while the army flew Yildiz TK3 drones over the port.")
    assert found["Karrar-4"] == "AIRCRAFT"
    assert found["Tondar-2"] == "WEAPON"
    assert found["Yildiz TK3"] == "AIRCRAFT"


def test_a_country_before_a_code_stays_the_country(extract_text):
    found = typed(extract_text, "Poland ordered Korean K9 howitzers and Turkish Karrar-4 drones.")
    assert found["K9"] == "WEAPON" and "Korean K9" not in found
    assert found["Turkish"] == "GPE"
    assert found["Karrar-4"] == "AIRCRAFT"


def test_numbered_names_before_other_nouns_are_left_alone(extract_text):
    found = typed(extract_text, "Leaders of the G-7 countries met as Covid-19 cases rose and Model-3 cars sold well.")
    assert "AIRCRAFT" not in found.values() and "WEAPON" not in found.values()


def test_a_code_after_a_name_read_apart_is_the_code_alone(extract_text):
    found = typed(extract_text, "He flew the Navy R5D aircraft that carried the admiral to the pole.")
    assert found["R5D"] == "AIRCRAFT"
    assert found["Navy"] == "ORG"


# ---------------------------------------------------------------- 2. crowned armed services


def test_a_royal_service_of_a_country_is_one_org(extract_text):
    found = typed(extract_text, "The Royal Norwegian Navy and the Royal New Zealand Air Force joined the Royal "
                                "Malaysian Navy in the drill.")
    assert found["Royal Norwegian Navy"] == "ORG"
    assert found["Royal New Zealand Air Force"] == "ORG"
    assert found["Royal Malaysian Navy"] == "ORG"
    assert "Royal" not in found and "the Royal" not in found


def test_royal_before_other_names_is_left_to_the_model(extract_text):
    found = typed(extract_text, "Royal Dutch Shell said the Royal Canadian Mounted Police had called.")
    assert "Royal Dutch Shell" in found and "the Royal Canadian Mounted Police" in found


# ---------------------------------------------------------------- 3. law names with 'of'


def test_a_law_name_with_of_inside_is_one_law(extract_text):
    found = typed(extract_text, "The two navies train under a Status of Visiting Troops Agreement, and parliament "
                                "passed the Protection of Coastal Waters Act in May.")
    assert found["Status of Visiting Troops Agreement"] == "LAW"
    assert found["Protection of Coastal Waters Act"] == "LAW"
    assert "Status" not in found and "Protection" not in found


def test_a_school_named_with_of_and_law_is_no_law(extract_text):
    found = typed(extract_text, "She teaches at the University of Oregon Law School in Eugene.")
    assert "LAW" not in found.values()


def test_a_chair_or_a_clause_of_a_law_is_no_law_name(extract_text):
    found = typed(extract_text, "He became Linklaters Professor of Maritime Law, and wrote on the Supremacy Clause "
                                "of the United States Constitution.")
    assert "Linklaters Professor of Maritime Law" not in found
    assert not any(text.endswith("Clause of the United States Constitution") for text in found)


# ---------------------------------------------------------------- 4. companies read as people


def test_an_apposition_naming_an_organisation_makes_the_name_one(extract_text):
    found = typed(extract_text, "Medra, the Malaria Alliance, said it had 200,000 nets ready for Chad.")
    assert found["Medra"] == "ORG"


def test_an_apposition_with_a_company_noun_makes_a_demonym_name_one_company(extract_text):
    found = typed(extract_text, "Bavarian Volkert, the German maker of the Tessa vaccine, said it could supply "
                                "5 million doses.")
    assert found["Bavarian Volkert"] == "ORG"
    assert "Bavarian" not in found


def test_a_possessive_before_shares_or_systems_makes_a_company(extract_text):
    found = typed(extract_text, "Hackers crippled J.K. Lindqvist-Berg's systems worldwide last year.")
    assert found["J.K. Lindqvist-Berg's"] == "ORG"


def test_a_capital_inside_one_word_is_a_brand(extract_text):
    found = typed(extract_text, "The agency turned to RocketZ, and Senator McCain asked why.")
    assert found["RocketZ"] == "ORG"
    assert found["McCain"] == "PERSON"


def test_people_with_appositions_stay_people(extract_text):
    found = typed(extract_text, "Jane Roe, the head of the group, said Tom Hale, the bank's founder, and Ann Kay, "
                                "the company chief, had left.")
    assert found["Jane Roe"] == found["Tom Hale"] == found["Ann Kay"] == "PERSON"


def test_a_producer_in_apposition_stays_a_person(extract_text):
    found = typed(extract_text, "The studio was founded in 1985 by Margaret Hale, the television producer, who named "
                                "it after herself.")
    assert found["Margaret Hale"] == "PERSON"


# ---------------------------------------------------------------- 5. subheadings in capitals


def test_a_subheading_in_capitals_names_only_what_the_document_names(extract_text):
    found = typed(extract_text, "The Federal Reserve held rates.\n\nFED IN FOCUS\n\nBank executives spoke of "
                                "tariffs, and Harbin Bank said loans grew.\n\nHARBIN BANK UNDER PRESSURE\n\nIts "
                                "shares fell.")
    assert "FOCUS" not in found
    assert found["FED"] == "ORG"


def test_a_dateline_in_capitals_keeps_its_place(extract_text):
    found = typed(extract_text, "STAVANGER, Norway, June 3 (Reuters) - Equinor said output rose.")
    assert "STAVANGER" in found


# ---------------------------------------------------------------- 6. two names joined by a hyphen


def test_two_surnames_joined_before_administration_are_two_people(extract_text):
    found = typed(extract_text, "Officials said the Biden-Harris administration's approach would hold, and the "
                                "Rutte-Kaag coalition agreed.")
    assert found["Biden"] == found["Harris"] == "PERSON"
    assert "the Biden-Harris" not in found and "Biden-Harris" not in found


def test_hyphenated_countries_and_companies_are_no_pair_of_people(extract_text):
    found = typed(extract_text, "The Franco-German summit ended, and Hewlett-Packard shares fell.")
    assert "PERSON" not in found.values()
    assert found["Hewlett-Packard"] == "ORG"


def test_a_name_the_model_left_out_before_a_company_apposition_is_one(extract_text):
    found = typed(extract_text, "Orbivance, the French launch company, plans ten flights this year.")
    assert found["Orbivance"] == "ORG"


def test_a_code_after_a_lower_case_word_before_a_weapon_noun_is_the_weapon(extract_text):
    found = typed(extract_text, "Hanwha Aerospace, the maker of the K9 howitzer, will build a plant.")
    assert found["K9"] == "WEAPON"


def test_a_list_of_titles_is_no_apposition(extract_text):
    found = typed(extract_text, "He starred in Graceland, The Crew, The Hot Chick, and Battleship.")
    assert "Crew" not in found


def test_a_numbered_space_rocket_is_no_weapon(extract_text):
    found = typed(extract_text, "Japan's H3 rocket reached orbit on its second attempt.")
    assert "WEAPON" not in found.values()


def test_a_demonym_shared_by_two_countries_is_no_weapon_before_a_weapon_noun(extract_text):
    found = typed(extract_text, "Poland signed a deal for Korean rocket launchers on Thursday.")
    assert "Korean" not in found
