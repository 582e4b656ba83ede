"""Errors seen in new unseen news (Indian warships commissioned at Mumbai, UN peacekeepers fired on in southern
Lebanon, Brazil's top court ruling on platform liability), with the real pipeline."""

from __future__ import annotations

from tests.news_helpers import text_types


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
