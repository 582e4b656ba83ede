"""Errors seen in new unseen news (Indian warships commissioned at Mumbai, UN peacekeepers fired on in southern
Lebanon, Brazil's top court ruling on platform liability), with the real pipeline."""

from __future__ import annotations

from tests.news_helpers import holding, resolved, text_types


def test_a_person_s_possessive_before_a_party_is_cut_off(extract_text):
    got = text_types(extract_text, "Former President Jair Bolsonaro was silent. Leaders of Bolsonaro's Liberal Party "
                                   "(PL) called the ruling censorship.")
    assert got.get("Liberal Party") == "ORG" and got.get("Bolsonaro") == "PERSON", got
    assert "Bolsonaro's Liberal Party" not in got, got


def test_a_one_word_person_owns_a_party_after_its_possessive(extract_text):
    got = text_types(extract_text, "President Luiz Inacio Lula da Silva spoke. Lula said it was fair, and members of "
                                   "Lula's Workers' Party (PT) praised the court.")
    assert got.get("Workers' Party") == "ORG", got


def test_a_possessive_name_with_no_person_of_that_name_stays_whole(extract_text):
    got = text_types(extract_text, "Ronald McDonald and Professor Anne Hall said students at Queen's University and "
                                   "staff of McDonald's Corp marched.")
    assert "Queen" not in got and "McDonald's Corp" in got, got


def test_a_numbered_bill_is_a_law_not_a_person(extract_text):
    got = text_types(extract_text, "The government backed Bill 2630 in Brasilia, while Quebec's Bill 21 and Canada's "
                                   "Bill C-11 drew protests.")
    assert got.get("Bill 2630") == "LAW" and got.get("Bill 21") == "LAW" and got.get("Bill C-11") == "LAW", got


def test_a_person_named_bill_stays_a_person(extract_text):
    got = text_types(extract_text, "Bill Gates gave $50 million and Bill Clinton thanked him in 2021.")
    assert got.get("Bill Gates") == "PERSON" and got.get("Bill Clinton") == "PERSON", got


def test_deputy_alone_before_a_name_is_a_title(extract_text):
    got = text_types(extract_text, "Deputy Nikolas Ferreira said his party would seek to overturn the decision.")
    assert got.get("Nikolas Ferreira") == "PERSON", got


def test_deputy_before_a_longer_title_keeps_the_whole_title(extract_text):
    res = extract_text("Deputy Foreign Minister Sergei Ryabkov met reporters in Moscow.")
    got = {m.text: (m.type, m.title) for m in res.mentions}
    assert got.get("Sergei Ryabkov") == ("PERSON", "Deputy Foreign Minister"), got


def test_names_listed_after_a_plural_kind_of_place_are_places(extract_text):
    got = text_types(extract_text, "Peacekeepers refused to leave posts near the villages of Ramyeh, Marwahin and "
                                   "Dhayra, and residents fled the towns of Aita al-Shaab and Bint Jbeil.")
    for name in ("Ramyeh", "Marwahin", "Dhayra", "Aita al-Shaab", "Bint Jbeil"):
        assert got.get(name) == "GPE", (name, got)
    assert "Ramyeh, Marwahin" not in got, got


def test_a_continent_after_regions_of_stays_a_location_and_people_stay_people(extract_text):
    got = text_types(extract_text, "The tree grows in tropical regions of Africa, and the mayors of cities such as "
                                   "Houston met John Smith and Maria Lopez.")
    assert got.get("Africa") == "LOC", got
    assert got.get("John Smith") == "PERSON" and got.get("Maria Lopez") == "PERSON", got


def test_a_ship_named_for_a_city_the_text_calls_a_city_is_two_nodes(extract_text):
    found = resolved(extract_text, "The navy commissioned the destroyer INS Surat in Mumbai. The ship is named after "
                                   "the port city of Surat in Gujarat.")
    assert holding(found, "INS Surat") != holding(found, "Surat"), found
    assert any(kind == "GPE" and "Surat" in aliases for kind, aliases in found.values()), found


def test_a_ship_named_for_a_city_with_no_place_cue_stays_one_node(extract_text):
    found = resolved(extract_text, "The navy commissioned the destroyer INS Vaghsheer in Mumbai. Vaghsheer will join "
                                   "the Western Fleet.")
    assert holding(found, "INS Vaghsheer") == holding(found, "Vaghsheer"), found
