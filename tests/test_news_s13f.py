"""Rules found on unseen news in session 13 (helper f: the Sahel, a carrier group in the Indo-Pacific, strikes in the
Caribbean): tests on sentences written for each rule, with cases that must not change."""

from __future__ import annotations

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
