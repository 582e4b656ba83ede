"""Errors seen in new unseen news (a U.S. arms sale notified to Congress, a Japanese ruling-party leadership race, a
NATO defence ministers' meeting), with the real pipeline."""

from __future__ import annotations

from tests.news_helpers import text_types


def test_a_portfolio_of_less_common_words_before_minister_is_no_organisation(extract_text):
    got = text_types(extract_text, "Other candidates include Foreign Minister Yoko Kamikawa, Digital Transformation "
                                   "Minister Taro Kono and former Chief Cabinet Secretary Katsunobu Kato.")
    assert "Digital Transformation" not in got, got
    assert got.get("Taro Kono") == "PERSON", got


def test_a_body_before_a_title_stays_an_organisation(extract_text):
    got = text_types(extract_text, "LDP Secretary General Toshimitsu Motegi and NATO Secretary General Jens "
                                   "Stoltenberg met in Tokyo.")
    assert got.get("LDP") == "ORG" and got.get("NATO") == "ORG", got


def test_a_portfolio_word_inside_a_body_s_name_keeps_the_name(extract_text):
    got = text_types(extract_text, "Mykhailo Fedorov said the Transformation Fund would grow next year.")
    assert got.get("the Transformation Fund") == "ORG", got
