"""Rules found on unseen news in session 13 (helper f: the Sahel, a carrier group in the Indo-Pacific, strikes in the
Caribbean): tests on sentences written for each rule, with cases that must not change."""

from __future__ import annotations

from tests.news_helpers import relation_texts
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- a possessive after a ship is no ship of a list


def test_a_possessive_in_apposition_to_a_ship_is_no_ship(extract_text):
    found = mentions(extract_text, "The destroyer USS Mason docked in Norfolk. The Mason, the Navy's oldest "
                                   "destroyer, sailed on Friday.")
    assert found["Navy"] == "ORG"
    assert found["Mason"] == "SHIP"


def test_ships_in_a_list_after_a_ship_stay_ships(extract_text):
    found = mentions(extract_text, "Fighters cannot take off from the ski-jump decks of the Liaoning and the Shandong.")
    assert (found["Liaoning"], found["Shandong"]) == ("SHIP", "SHIP")


# ---------------------------------------------------------------- a country with secretaries has no bare minister


def test_a_bare_minister_is_not_the_washington_datelines(extract_text):
    text = ("WASHINGTON (Reuters) - The United States sent more warships on Monday. Defense Minister Vladimir Padrino "
            "said Venezuela had moved fighters to the coast.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if s == "Vladimir Padrino"}


def test_bare_titles_a_country_has_keep_their_guess_s13f(extract_text):
    washington = ("WASHINGTON (Reuters) - The United States sent more warships on Monday. Defense Secretary Pete "
                  "Hegseth said the strikes would go on.")
    found = relation_texts(extract_text, washington)
    assert {t for s, r, t in found if s == "Pete Hegseth" and r == "defense_secretary"} == {"The United States"}
    rome = ("ROME (Reuters) - Italy said on Monday it would send a frigate. Defence Minister Guido Crosetto said the "
            "ship would sail next week.")
    assert ("Guido Crosetto", "defence_minister", "Italy") in relation_texts(extract_text, rome)


# ---------------------------------------------------------------- a country's name written with 'and'


def test_a_country_named_with_and_is_one_place(extract_text):
    found = mentions(extract_text, "Trinidad and Tobago Prime Minister Kamla Persad-Bissessar backed the campaign.")
    assert found["Trinidad and Tobago"] == "GPE"
    assert "Tobago" not in found


def test_two_places_joined_by_and_stay_two(extract_text):
    found = mentions(extract_text, "He visited Trinidad and Jamaica last week, then Bosnia and Serbia.")
    assert {"Trinidad", "Jamaica", "Bosnia", "Serbia"} <= set(found)


# ---------------------------------------------------------------- a unit's number written before its name


def test_a_number_before_a_unit_name_is_part_of_it(extract_text):
    assert "809 Naval Air Squadron" in mentions(extract_text, "Pilots from the RAF's 809 Naval Air Squadron flew.")
    assert "3 Commando Brigade" in mentions(extract_text, "Soldiers of 3 Commando Brigade landed near the port.")


def test_a_count_before_a_unit_name_stays_out(extract_text):
    assert "Wagner Group" in mentions(extract_text, "Some 300 Wagner Group fighters died in the ambush.")
    assert "Wagner Group" in mentions(extract_text, "The strike killed 12 Wagner Group.")


# ---------------------------------------------------------------- a name ending in a line of business is a company


def test_a_name_ending_in_a_line_of_business_is_a_company(extract_text):
    found = mentions(extract_text, "Mali's gold mines, including Barrick Mining's Loulo-Gounkoto complex, were hit.")
    assert found["Barrick Mining's"] == "ORG"


def test_a_person_named_before_a_business_word_stays_a_person(extract_text):
    found = mentions(extract_text, "Energy Minister Chris Wright met mining executives in Denver.")
    assert found["Chris Wright"] == "PERSON"


# ---------------------------------------------------------------- a people's name before a plural noun is a group


def test_a_peoples_name_before_a_plural_noun_is_a_group(extract_text):
    found = mentions(extract_text, "Tuareg separatists and JNIM fighters ambushed a column of Malian soldiers.")
    assert found["Tuareg"] == "ORG"
    found = mentions(extract_text, "Kurdish separatists and Berber activists marched in the capital.")
    assert found["Berber"] == "ORG"


def test_a_full_name_opening_with_a_peoples_name_stays_a_person(extract_text):
    found = mentions(extract_text, "Christian Eriksen scored twice as Denmark beat Norway in friendly matches.")
    assert found["Christian Eriksen"] == "PERSON"


# ---------------------------------------------------------------- a demonym before 'acronym' names a language


def test_a_demonym_before_an_acronym_noun_is_no_owner(extract_text):
    text = ("Mali, Burkina Faso and Niger formed the Alliance of Sahel States, known by its French acronym AES. "
            "The French company Thales built the radar.")
    found = relation_texts(extract_text, text)
    assert not {(s, r, t) for s, r, t in found if s == "AES" and t == "French"}
    assert ("Thales", "company", "French") in found


# ---------------------------------------------------------------- an acronym after a kind of organisation


def test_an_acronym_after_a_kind_noun_is_an_org(extract_text):
    text = "Heni Nsaibia, a senior analyst at the conflict-monitoring group ACLED, said the strategy was clear."
    assert mentions(extract_text, text)["ACLED"] == "ORG"
    assert ("Heni Nsaibia", "senior_analyst_at", "ACLED") in relation_texts(extract_text, text)


def test_an_acronym_opening_a_longer_name_or_a_country_stays_out(extract_text):
    found = mentions(extract_text, "The broadcaster said ABC News was wrong. The group US officials named was small.")
    assert "ABC" not in found
    assert found.get("US") != "ORG"


# ---------------------------------------------------------------- an apposition's conjunct with its own owner


def test_a_conjunct_with_its_own_owner_holds_no_title_of_the_apposition(extract_text):
    text = ("Burkina Faso's leader, Captain Ibrahim Traore, and Niger's General Abdourahamane Tiani have pledged "
            "solidarity with Goita.")
    found = relation_texts(extract_text, text)
    assert ("Ibrahim Traore", "leader_of", "Burkina Faso's") in found
    assert not {(s, r, t) for s, r, t in found if s == "Abdourahamane Tiani" and t.startswith("Burkina")}
