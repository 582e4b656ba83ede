"""Errors seen in new unseen news (a Canada-U.S. tariff dispute, wildfires in Greece and Turkey, a court-martial of a
U.S. Marine on Okinawa), with the real pipeline."""

from __future__ import annotations

from tests.news_helpers import resolved, text_types


def test_portfolio_words_international_and_forestry_make_no_organisation(extract_text):
    got = text_types(extract_text, "Rivera, speaking beside International Trade Minister Anna Kowal, said Agriculture "
                                   "and Forestry Minister Omer Tas would attend.")
    assert "International" not in got and "Agriculture and Forestry" not in got, got
    assert got.get("Anna Kowal") == "PERSON" and got.get("Omer Tas") == "PERSON", got


def test_a_body_named_with_international_or_forestry_keeps_its_name(extract_text):
    got = text_types(extract_text, "The International Criminal Court issued a statement. Forestry England said "
                                   "so.")
    assert got.get("The International Criminal Court") == "ORG", got
    assert got.get("Forestry England") == "ORG", got


def test_an_abbreviated_rank_split_at_a_sentence_start_is_no_person(extract_text):
    got = text_types(extract_text, "Lance Cpl. Marcus Bell, 21, was charged on Monday. Gunnery Sgt. Jamel "
                                   "Clayton, 22, was found guilty.")
    assert "Lance Cpl" not in got and "Gunnery Sgt" not in got, got
    assert got.get("Marcus Bell") == "PERSON" and got.get("Jamel Clayton") == "PERSON", got


def test_a_given_name_that_opens_a_rank_still_opens_a_person(extract_text):
    got = text_types(extract_text, "Canadian driver Lance Stroll finished fourth on Sunday.")
    assert got.get("Lance Stroll") == "PERSON", got


def test_a_code_or_charter_takes_its_of_words(extract_text):
    got = text_types(extract_text, "Under the Uniform Code of Military Justice, appeals are automatic. The Canadian "
                                   "Charter of Rights and Freedoms protects speech.")
    assert got.get("Uniform Code of Military Justice") == "LAW", got
    assert got.get("Canadian Charter of Rights and Freedoms") == "LAW", got


def test_a_treaty_of_two_joined_words_is_one_law(extract_text):
    got = text_types(extract_text, "The pact was signed alongside the Treaty of Mutual Cooperation and Security in "
                                   "1960.")
    assert got.get("Treaty of Mutual Cooperation and Security") == "LAW", got


def test_a_treaty_followed_by_and_and_a_country_stays_apart(extract_text):
    got = text_types(extract_text, "France signed the Treaty of Versailles and Germany lost land.")
    assert got.get("Treaty of Versailles") == "LAW" and got.get("Germany") == "GPE", got


def test_a_court_word_joined_after_a_name_takes_its_of_words(extract_text):
    got = text_types(extract_text, "Her lawyer said she would appeal to the Navy-Marine Corps Court of Criminal "
                                   "Appeals.")
    assert got.get("Navy-Marine Corps Court of Criminal Appeals") == "ORG", got


def test_a_known_place_the_model_reads_as_a_person_is_the_place(extract_text):
    found = resolved(extract_text, "Marines on Okinawa protest\n\nA military court on Okinawa on Thursday convicted "
                                   "a Marine, a verdict that Okinawa Governor Denny Tamaki criticised. Many Okinawans "
                                   "want the troops to leave. Two more Marines were charged on Okinawa.")
    assert found["Okinawa"][0] == "GPE", found


def test_a_person_named_like_a_place_with_no_place_mention_stays_a_person(extract_text):
    found = resolved(extract_text, "Victoria Beckham opened a shop in London. Victoria said it would sell dresses.")
    assert found["Victoria Beckham"][0] == "PERSON", found


def test_a_unit_numbered_in_roman_numerals_keeps_its_number(extract_text):
    got = text_types(extract_text, "The III Marine Expeditionary Force said in a statement. Troops of the XVIII "
                                   "Airborne Corps arrived.")
    assert got.get("III Marine Expeditionary Force") == "ORG", got
    assert got.get("XVIII Airborne Corps") == "ORG", got
    assert "The III" not in got, got


def test_the_pronoun_i_before_a_unit_is_no_number(extract_text):
    got = text_types(extract_text, "Then I Marine Expeditionary Force veterans spoke.")
    assert not any(t.startswith("I ") for t in got), got


def test_a_numbered_acronym_in_brackets_joins_the_numbered_unit(extract_text):
    found = resolved(extract_text, "The III Marine Expeditionary Force (III MEF) said in a statement that III MEF "
                                   "had extended the curfew.")
    assert "III MEF" in found["III Marine Expeditionary Force"][1], found
    assert "III MEF" not in found, found


def test_a_temperature_unit_after_a_number_is_no_person(extract_text):
    got = text_types(extract_text, "Temperatures above 44 degrees Celsius (111 Fahrenheit) fanned the flames.")
    assert "Fahrenheit" not in got and "Celsius" not in got, got


def test_a_person_named_like_a_unit_stays_a_person(extract_text):
    got = text_types(extract_text, "The scale was devised by Daniel Gabriel Fahrenheit in 1724.")
    assert got.get("Daniel Gabriel Fahrenheit") == "PERSON", got


def test_a_marine_corps_base_takes_its_name(extract_text):
    got = text_types(extract_text, "The relocation of Marine Corps Air Station Futenma was delayed. He trained at "
                                   "Marine Corps Base Quantico in Virginia.")
    assert got.get("Marine Corps Air Station Futenma") == "FACILITY", got
    assert got.get("Marine Corps Base Quantico") == "FACILITY", got


def test_an_agreement_named_by_hyphenated_countries_is_one_law(extract_text):
    got = text_types(extract_text, "Canadians call the deal CUSMA, the Canada-United States-Mexico Agreement. Talks "
                                   "on a Japan-Philippines Reciprocal Access Agreement ended.")
    assert got.get("the Canada-United States-Mexico Agreement") == "LAW", got
    assert got.get("Japan-Philippines Reciprocal Access Agreement") == "LAW", got


def test_a_lower_case_agreement_after_hyphenated_countries_is_no_law(extract_text):
    got = text_types(extract_text, "The Israel-Hamas ceasefire agreement held on Sunday.")
    assert not any(t == "LAW" for t in got.values()), got
