"""Rules found on unseen news in session 12 (helper c): a word ending a country's name is no company's short form
(tests on sentences written for each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import holding
from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- a country's last word opens no company


def test_a_country_word_is_no_company_short_form(extract_text):
    text = ('Korea Aerospace Industries (KAI) began production in Sacheon on Friday. "Korea has shown it can build '
            'a jet on time," said Yang Uk, an analyst.')
    found = entities(extract_text, text)
    assert holding(found, "Korea") != ["Korea Aerospace Industries"]
    assert found["Korea Aerospace Industries"][1] == {"Korea Aerospace Industries", "KAI"}
    assert mentions(extract_text, text)["Korea"] != "ORG"


def test_a_company_opener_still_joins_its_company(extract_text):
    text = ("Veltro Semiconductors NV said on Monday that sales rose. Veltro said it would hire 200 engineers in "
            "Eindhoven next year.")
    assert mentions(extract_text, text)["Veltro"] == "ORG"


# ---------------------------------------------------------------- a model name before an arms noun made by another


def test_a_name_before_a_missile_made_by_another_is_the_weapon(extract_text):
    text = ("The first jets will carry the Meteor beyond-visual-range missile made by European group MBDA and the "
            "IRIS-T short-range missile built by Germany's Diehl Defence.")
    found = mentions(extract_text, text)
    assert found["Meteor"] == "WEAPON"
    assert found["IRIS-T"] == "WEAPON"
    assert found["MBDA"] == "ORG"
    assert found["Diehl Defence"] == "ORG"


def test_a_maker_before_its_own_missile_stays_the_maker(extract_text):
    cases = [("The army bought a Raytheon missile made by its own engineers.", "Raytheon"),
             ("Analysts said Lockheed fighter jets built by the company in Texas cost more.", "Lockheed")]
    for text, name in cases:
        assert mentions(extract_text, text).get(name) == "ORG", text
