"""Errors seen in new unseen news (a Canada-U.S. tariff dispute, wildfires in Greece and Turkey, a court-martial of a
U.S. Marine on Okinawa), with the real pipeline."""

from __future__ import annotations

from tests.news_helpers import text_types


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

