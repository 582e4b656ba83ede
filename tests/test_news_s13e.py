"""Rules found on unseen news in session 13 (helper e): a rank the model labelled alone opens the name after it; a
plural ship noun opens a list of ships (tests on sentences written for each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import relation_texts
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


# ---------------------------------------------------------------- a plural ship noun opens a list of ships


def test_a_plural_ship_noun_names_the_ships_after_it(extract_text):
    text = ("The navy dispatched the frigates Spetsai and Themistoklis to shadow a survey vessel south of Crete on "
            "Tuesday.")
    found = mentions(extract_text, text)
    assert found["Spetsai"] == "SHIP"
    assert found["Themistoklis"] == "SHIP"


def test_a_list_of_ships_needs_no_the_before_each(extract_text):
    text = "Moscow operates more than 40 icebreakers, including nuclear-powered ships such as the Taimyr and Vaygach."
    found = mentions(extract_text, text)
    assert found["Taimyr"] == "SHIP"
    assert found["Vaygach"] == "SHIP"


def test_a_plural_ship_noun_before_no_list_names_no_ship(extract_text):
    text = ("The frigates Greece bought from France arrived in Piraeus, and the destroyers Washington sent stayed "
            "in port while John Miller watched.")
    found = mentions(extract_text, text)
    assert found["Greece"] == "GPE"
    assert found["John Miller"] == "PERSON"
    assert "SHIP" not in found.values()


# ---------------------------------------------------------------- a corporation named after its kind, a yard's trade


def test_corporation_before_a_name_makes_it_a_company(extract_text):
    text = "The nuclear icebreaker Taimyr is run by state corporation Rosatom from Murmansk."
    assert mentions(extract_text, text)["Rosatom"] == "ORG"


def test_a_name_ending_in_shipyards_is_a_company(extract_text):
    text = "The order went to Tanaka Shipyards and Larsen Shipbuilding, while Helsinki Shipyard lost out."
    found = mentions(extract_text, text)
    assert found["Tanaka Shipyards"] == "ORG"
    assert found["Larsen Shipbuilding"] == "ORG"
    assert found["Helsinki Shipyard"] != "ORG"


def test_the_word_corporation_alone_names_nothing(extract_text):
    text = "Maria Lindqvist joined the corporation in 1990 and later led its board."
    assert mentions(extract_text, text) == {"Maria Lindqvist": "PERSON"}


# ---------------------------------------------------------------- an office the model cut before a name


def test_an_office_cut_before_a_name_is_no_organisation(extract_text):
    text = "Finland's Minister of Economic Affairs Sakari Tikkanen said the deal would secure thousands of jobs."
    found = mentions(extract_text, text)
    assert found["Sakari Tikkanen"] == "PERSON"
    assert "Minister of Economic" not in found


def test_a_ministry_before_a_name_stays_an_organisation(extract_text):
    text = "The Ministry of Economic Affairs said Sakari Tikkanen would lead the talks."
    found = mentions(extract_text, text)
    assert found["The Ministry of Economic Affairs"] == "ORG"
    assert found["Sakari Tikkanen"] == "PERSON"


# ---------------------------------------------------------------- a comma before 'such as' after a plural ship noun


def test_ships_comma_such_as_opens_a_list_of_ships(extract_text):
    text = "Moscow's icebreakers, such as the Lenin and Sibir, keep the northern route open in winter."
    found = mentions(extract_text, text)
    assert found["Lenin"] == "SHIP"
    assert found["Sibir"] == "SHIP"


def test_a_comma_such_as_after_no_ship_noun_names_no_ship(extract_text):
    text = "Some leaders, such as the Lenin scholar Ivan Petrov, objected."
    assert "SHIP" not in mentions(extract_text, text).values()


# ---------------------------------------------------------------- the first words of a law's name the model cut off


def test_capitalised_words_after_the_open_the_law(extract_text):
    text = "The funding comes from the One Big Beautiful Bill Act, which Congress passed in July."
    found = mentions(extract_text, text)
    assert found["One Big Beautiful Bill Act"] == "LAW"
    assert "the One Big" not in found


def test_a_law_after_the_keeps_a_body_name_of_its_own(extract_text):
    text = "The Senate passed the Great American Outdoors Act, and Biden signed the Inflation Reduction Act in 2022."
    found = mentions(extract_text, text)
    assert found["Great American Outdoors Act"] == "LAW"
    assert found["Inflation Reduction Act"] == "LAW"
    assert found["Biden"] == "PERSON"
    assert found["Senate"] == "ORG"


# ---------------------------------------------------------------- a vehicle noun read as a verb between two names


def test_a_ship_noun_between_an_owner_and_a_ship_is_no_verb(extract_text):
    text = ("The survey ship Oruc Reis sailed from the port of Antalya on Monday escorted by the Turkish Navy frigate "
            "TCG Kemalreis.")
    found = relation_texts(extract_text, text)
    assert not any(rel == "frigate" for _, rel, _ in found)
    assert ("Oruc Reis", "sail_from", "Antalya") in found


# ---------------------------------------------------------------- a shipbuilder's short name


def test_a_shipbuilder_short_name_is_the_company(extract_text):
    text = ("Helsinki Shipyard, owned by Canada's Davie Shipbuilding, will build the first hull. The rest will be "
            "built at Davie's planned yard in Texas.")
    found = entities(extract_text, text)
    assert found["Davie Shipbuilding"] == ("ORG", {"Davie Shipbuilding", "Davie"})
    assert "Davie" not in found


def test_a_person_named_like_a_shipyard_keeps_his_name(extract_text):
    text = "Admiral John Bollinger praised Bollinger Shipyards. Bollinger said the yard was busy."
    found = entities(extract_text, text)
    assert found["John Bollinger"][0] == "PERSON"
    assert "Bollinger" in found["John Bollinger"][1]
    assert found["Bollinger Shipyards"][1] == {"Bollinger Shipyards"}


# ---------------------------------------------------------------- 'the first ship, the X,'


def test_the_first_ship_then_a_name_in_apposition_is_that_ship(extract_text):
    text = "The GAO said delivery of the first ship, the Polar Sentinel, had slipped to 2029 or later."
    assert mentions(extract_text, text)["the Polar Sentinel"] == "SHIP"


def test_the_ship_then_a_speaker_names_no_ship(extract_text):
    text = "Sailors boarded the first ship, the Philippine Coast Guard said, and Manila protested."
    found = mentions(extract_text, text)
    assert "SHIP" not in found.values()


# ---------------------------------------------------------------- the ends of a road


def test_names_a_road_runs_between_are_places(extract_text):
    text = "The main crossings at Torkham, on the road between Peshawar and Jalalabad, have been closed since Oct. 12."
    found = mentions(extract_text, text)
    assert found["Jalalabad"] == "GPE"


def test_sides_of_talks_between_keep_their_types(extract_text):
    text = "Talks between Kyiv and Zelensky's aides stalled, while the ceasefire between Israel and Hamas held."
    found = mentions(extract_text, text)
    assert found["Zelensky"] == "PERSON"
    assert found["Hamas"] == "ORG"
