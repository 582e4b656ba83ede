"""Rules found on unseen news in session 15 (helper b): a known missile family written as one token with its
number ('Hwasong-16B') is a weapon; a person-shaped name followed by ', <office> of' is a person; 'Passage' ends a
sea area's name; a company listed after 'shipyards' stays a company; 'Patriot' is a weapon unless a name goes on;
'X, the commander of Y, who is known as Z' makes Z another name of the person X (tests on sentences written for
each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import holding, relation_texts, resolved
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- missile families with their number in one token


def test_a_missile_family_with_a_number_and_letter_is_a_weapon(extract_text):
    found = mentions(extract_text, "Officials said the rocket appeared to be a Hwasong-17A, launched near the coast.")
    assert found.get("Hwasong-17A") == "WEAPON"


def test_a_missile_family_with_a_number_and_no_weapon_noun_is_a_weapon(extract_text):
    found = mentions(extract_text, "Pyongyang showed off the Hwasong-19 and the Pukguksong-6 at a parade on Monday.")
    assert found.get("Hwasong-19") == "WEAPON"
    assert found.get("Pukguksong-6") == "WEAPON"


def test_a_numbered_word_of_no_missile_family_is_left_alone(extract_text):
    found = mentions(extract_text, "Engineers tested the Apollo-11 replica at the museum in Houston on Friday.")
    assert found.get("Apollo-11") != "WEAPON"
    assert found.get("Houston") == "GPE"

# ---------------------------------------------------------------- ', <office> of <Body>' after a person's name


def test_a_name_before_an_office_of_a_body_is_a_person(extract_text):
    found = mentions(extract_text, "The envoy met Moussa Faki Mahamat, chairperson of the AU Commission, on Monday.")
    assert found.get("Moussa Faki Mahamat") == "PERSON"
    assert found.get("the AU Commission") == "ORG"


def test_a_chairperson_of_a_body_holds_that_office(extract_text):
    found = relation_texts(extract_text, "The envoy met Moussa Faki Mahamat, chairperson of the AU Commission, on "
                                         "Monday.")
    assert ("Moussa Faki Mahamat", "chairperson_of", "the AU Commission") in found
    found = relation_texts(extract_text, "The envoy met Moussa Faki, chairman of the AU Commission, on Monday.")
    assert ("Moussa Faki", "chairman_of", "the AU Commission") in found


def test_a_body_with_an_article_before_an_office_stays_a_body(extract_text):
    found = mentions(extract_text, "The Sovereign Council, spokesman of which resigned on Monday, met again.")
    assert found.get("The Sovereign Council") == "ORG"


def test_a_country_before_an_office_of_a_body_stays_a_place(extract_text):
    found = mentions(extract_text, "The bloc is led by Costa Rica, president of the Central American Council.")
    assert found.get("Costa Rica") == "GPE"

# ---------------------------------------------------------------- sea passages


def test_a_named_sea_passage_is_an_area(extract_text):
    found = mentions(extract_text, "Russia and Canada ship oil near the Drake Passage and the Northwest Passage.")
    assert found.get("the Northwest Passage") == "LOC"
    assert found.get("the Drake Passage") == "LOC"


def test_a_book_title_with_passage_makes_no_area(extract_text):
    found = mentions(extract_text, "She read A Passage to India at school in Delhi.")
    assert "LOC" not in {t for n, t in found.items() if "Passage" in n}
    assert found.get("Delhi") == "GPE"

# ---------------------------------------------------------------- companies listed after a site noun


def test_a_company_listed_after_shipyards_stays_a_company(extract_text):
    found = mentions(extract_text, "Officials said both firms would use Canadian shipyards, including Irving "
                                   "Shipbuilding in Halifax and Davie in Levis.")
    assert found.get("Irving Shipbuilding") == "ORG"


def test_sites_listed_after_their_noun_are_still_facilities(extract_text):
    found = mentions(extract_text, "Officials visited ancient temples, including Ta Muen Thom and Preah Vihear.")
    assert found.get("Ta Muen Thom") == "FACILITY"
    assert found.get("Preah Vihear") == "FACILITY"

# ---------------------------------------------------------------- 'Patriot', a weapon unless a name goes on


def test_patriot_before_a_lower_case_word_is_a_weapon(extract_text):
    found = mentions(extract_text, "The THAAD battery was placed on heightened readiness, along with Patriot units "
                                   "at Osan Air Base.")
    assert found.get("Patriot") == "WEAPON"
    assert found.get("Osan Air Base") == "FACILITY"


def test_patriot_opening_a_longer_name_is_that_name(extract_text):
    found = mentions(extract_text, "Members of Patriot Front marched in Boston on Saturday.")
    assert found.get("Patriot Front") == "ORG"
    assert mentions(extract_text, "The Patriot Act was renewed.").get("Patriot Act") == "LAW"
    assert mentions(extract_text, "The New England Patriots beat the Jets.").get("The New England Patriots") == "ORG"

# ---------------------------------------------------------------- ', who is known as <Alias>' after a person's title


def test_an_alias_after_who_is_the_person_named_before(extract_text):
    text = ("Delegates represented Mohamed Hamdan Dagalo, the commander of the paramilitary Rapid Support Forces "
            "(RSF), who is widely known as Hemedti. Hemedti did not attend.")
    found = resolved(extract_text, text)
    assert holding(found, "Hemedti") == ["Mohamed Hamdan Dagalo"]
    assert found["Mohamed Hamdan Dagalo"][0] == "PERSON"
    assert found["Rapid Support Forces"] == ("ORG", {"Rapid Support Forces", "RSF"})
    assert ("Mohamed Hamdan Dagalo", "known_as", "Hemedti") in relation_texts(extract_text, text)
    assert ("Rapid Support Forces", "known_as", "Hemedti") not in relation_texts(extract_text, text)


def test_who_without_known_as_joins_nothing(extract_text):
    found = resolved(extract_text, "Officials met Omar Bashir, the head of the Kordofan Council, who is based in "
                                   "Khartoum.")
    assert holding(found, "Khartoum") == ["Khartoum"]
    assert found["Khartoum"][0] == "GPE"


def test_a_person_alias_written_right_after_who_joins_the_person(extract_text):
    found = resolved(extract_text, "Rebels loyal to Mohamed Hamdan Dagalo, who is widely known as Hemedti, arrived "
                                   "in Khartoum on Monday.")
    assert holding(found, "Hemedti") == ["Mohamed Hamdan Dagalo"]
    assert found["Khartoum"][0] == "GPE"

# ---------------------------------------------------------------- an adjective the parser made the object of 'of'


def test_a_role_of_a_body_after_an_adjective_is_found(extract_text):
    found = relation_texts(extract_text, "Delegates represented Mohamed Hamdan Dagalo, the commander of the "
                                         "paramilitary Rapid Support Forces (RSF).")
    assert ("Mohamed Hamdan Dagalo", "commander_of", "Rapid Support Forces") in found


def test_a_role_of_a_body_with_no_adjective_is_found_as_before(extract_text):
    found = relation_texts(extract_text, "Delegates represented Mohamed Hamdan Dagalo, the commander of the Rapid "
                                         "Support Forces (RSF).")
    assert ("Mohamed Hamdan Dagalo", "commander_of", "Rapid Support Forces") in found

# ---------------------------------------------------------------- 'Type <number>' designations read as bodies


def test_a_type_designation_read_as_a_body_is_no_node(extract_text):
    found = mentions(extract_text, "Norway said it would welcome Canada joining the Type 212CD programme.")
    assert "the Type 212CD" not in found and "Type 212CD" not in found
    assert found.get("Norway") == "GPE"


def test_a_type_designation_read_as_a_weapon_and_a_body_named_type_stay(extract_text):
    assert mentions(extract_text, "Japan deployed Type 12 missiles on Ishigaki.").get("Type 12") == "WEAPON"
    assert mentions(extract_text, "The Type Foundry Group sued Adobe.").get("The Type Foundry Group") == "ORG"

# ---------------------------------------------------------------- two companies joined by 'and' in one span


def test_a_company_with_a_trade_word_and_another_name_are_two_companies(extract_text):
    found = mentions(extract_text, "Officials said the work could be done at Irving Shipbuilding in Halifax, "
                                   "Seaspan's Vancouver Shipyards and Davie in Levis, Quebec.")
    assert found.get("Vancouver Shipyards") == "ORG"
    assert found.get("Davie") == "ORG"
    assert "Vancouver Shipyards and Davie" not in found


def test_a_company_name_holding_and_stays_whole(extract_text):
    assert mentions(extract_text, "Procter and Gamble shares rallied on Monday.").get("Procter and Gamble") == "ORG"
