"""Unseen news of session 9 (helper a: Red Sea shipping, an arms sale, a NATO summit) with the real pipeline:
the general errors found there and the cases that must not change."""

from __future__ import annotations

from tests.news_helpers import holding, resolved, types_of

# 1. Hull prefixes written with a slash ('M/T', 'M/V') stay one token and mark the ship


def test_slash_hull_prefix_marks_the_whole_ship_name(extract_text):
    found = types_of(extract_text("The Panama-flagged M/T Nordic Breeze was hit, and the M/V Sea Falcon turned back."))
    assert found.get("M/T Nordic Breeze") == "SHIP" and found.get("M/V Sea Falcon") == "SHIP", found
    assert "M" not in found, found


def test_slash_prefixed_ship_joins_its_later_bare_name(extract_text):
    found = resolved(extract_text, "The M/T Nordic Breeze was struck on Monday. The crew of the Nordic Breeze "
                                   "put out the fire.")
    assert holding(found, "M/T Nordic Breeze") == holding(found, "Nordic Breeze") == ["Nordic Breeze"], found
    assert found["Nordic Breeze"][0] == "SHIP", found


def test_slash_words_that_are_no_ship_prefix_stay_apart(extract_text):
    doc = extract_text("Sales of A/B testing tools rose, and the M/T ratio fell in Ohio.")
    assert not [m for m in doc.mentions if m.type == "SHIP"], doc.mentions

