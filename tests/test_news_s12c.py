"""Rules found on unseen news in session 12 (helper c): a word ending a country's name is no company's short form
(tests on sentences written for each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import holding, relation_texts
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


# ---------------------------------------------------------------- a one-word facility named as one elsewhere


def test_a_name_the_document_calls_a_facility_is_one_everywhere(extract_text):
    text = ("Much of the production takes place at the Fordow Fuel Enrichment Plant and at the larger underground "
            "site at Natanz. Inspectors said Iran had installed more centrifuges at Fordow since March. Israel has "
            "warned it could strike the Fordow and Natanz facilities.")
    assert {m.text: m.type for m in extract_text(text).mentions if m.text in {"Fordow", "Natanz"}} == \
        {"Fordow": "FACILITY", "Natanz": "FACILITY"}
    assert {m.type for m in extract_text(text).mentions if m.text == "Fordow"} == {"FACILITY"}


def test_a_person_named_in_full_keeps_the_word(extract_text):
    text = ("Inspectors visited Fordow on Monday. Ali Fordow, an engineer, said Fordow had no problems. Israel "
            "could strike the Fordow and Natanz facilities.")
    found = extract_text(text).mentions
    assert [m.type for m in found if m.text == "Fordow"][:2] == ["PERSON", "PERSON"]
    assert {m.type for m in found if m.text == "Natanz"} == {"FACILITY"}


# ---------------------------------------------------------------- an owner's named vehicle is the object


def test_the_named_aircraft_not_its_makers_possessive_is_the_object(extract_text):
    text = "Poland, which already operates KAI's FA-50 light combat aircraft, is a potential buyer."
    found = relation_texts(extract_text, text)
    assert ("Poland", "operate", "FA-50") in found
    assert ("Poland", "operate", "KAI") not in found


def test_an_owners_vehicle_as_subject_keeps_its_owner(extract_text):
    assert ("Su-34", "operated_by", "Russia") in relation_texts(extract_text,
                                                                "Russia's Su-34 bombers struck Kharkiv on Monday.")


# ---------------------------------------------------------------- an Arabic article inside a feature name


def test_a_feature_name_holds_its_arabic_article(extract_text):
    cases = [("They attacked shipping in the Red Sea and the Bab al-Mandab Strait.", "Bab al-Mandab Strait"),
             ("Tankers sailed through the Bab el-Mandeb Strait on Monday.", "Bab el-Mandeb Strait")]
    for text, name in cases:
        found = mentions(extract_text, text)
        assert "LOC" in {found.get(name), found.get(f"the {name}")}, text
        assert "Mandab Strait" not in found and "Mandeb Strait" not in found, text


def test_a_feature_name_without_an_article_is_unchanged(extract_text):
    found = mentions(extract_text, "Tankers sailed through the Taiwan Strait and the Red Sea on Monday.")
    assert found.get("the Taiwan Strait") == "LOC" or found.get("Taiwan Strait") == "LOC"
    assert "the Red Sea" in found


# ---------------------------------------------------------------- a demonym the model left before an armed service


def test_a_demonym_before_a_bracketed_service_joins_it(extract_text):
    found = entities(extract_text, "Some 20 Israeli Air Force (IAF) jets hit targets. The IAF said all aircraft "
                                   "returned safely.")
    assert found["Israeli Air Force"] == ("ORG", {"Israeli Air Force", "IAF"})
    assert "Air Force" not in found


def test_a_service_without_a_demonym_is_unchanged(extract_text):
    assert entities(extract_text, "The Air Force said on Monday that it would buy jets.") == \
        {"Air Force": ("ORG", {"Air Force"})}


# ---------------------------------------------------------------- a name joined by 'and' to a weapon before a noun


def test_a_name_joined_to_a_weapon_before_their_noun_is_a_weapon(extract_text):
    text = ("The military said several attempts by the Arrow and U.S.-supplied THAAD air defence systems to "
            "intercept the missile had failed.")
    found = mentions(extract_text, text)
    assert found["Arrow"] == "WEAPON"
    assert found["THAAD"] == "WEAPON"


def test_a_maker_joined_to_a_model_stays_a_maker(extract_text):
    cases = [("Veltro and F-35 maker Lockheed Martin rose on Monday.", "Veltro"),
             ("Raytheon and Lockheed's F-35 jets were shown at the fair.", "Raytheon")]
    for text, name in cases:
        assert mentions(extract_text, text)[name] not in {"WEAPON", "AIRCRAFT"}, text


# ---------------------------------------------------------------- acronyms of common nouns


def test_device_acronyms_are_no_names(extract_text):
    cases = [("Engineers were accused of trying to leave with USB drives containing data on the KF-21.", "USB"),
             ("Users in Russia turned to VPN services after the ban.", "VPN")]
    for text, acronym in cases:
        assert acronym not in mentions(extract_text, text), text


def test_a_name_holding_a_device_acronym_stays(extract_text):
    assert mentions(extract_text, "Stocks of USB Group rose on Monday, said Reuters.").get("USB Group") == "ORG"


# ---------------------------------------------------------------- a numbered trainer aircraft


def test_a_numbered_model_before_trainer_is_an_aircraft(extract_text):
    cases = [("The company also builds the T-50 Golden Eagle trainer and the KUH-1 Surion helicopter.",
              "T-50 Golden Eagle"),
             ("KAI also builds the T-50 Golden Eagle jet trainer in Sacheon.", "T-50 Golden Eagle")]
    for text, name in cases:
        assert mentions(extract_text, text).get(name) == "AIRCRAFT", text


def test_a_brand_before_trainers_is_no_aircraft(extract_text):
    assert mentions(extract_text, "She wore Nike trainers to the gym on Monday.").get("Nike") == "ORG"


# ---------------------------------------------------------------- places listed after a vehicle noun


def test_places_listed_after_a_vehicle_noun_are_no_objects(extract_text):
    text = ("Poland, which already operates KAI's FA-50 light combat aircraft, the Philippines, the United Arab "
            "Emirates (UAE) and Peru have been named as potential buyers.")
    found = relation_texts(extract_text, text)
    assert ("Poland", "operate", "FA-50") in found
    assert not {t for s, r, t in found if s == "Poland" and r == "operate"} - {"FA-50"}


def test_listed_places_after_a_place_stay_objects(extract_text):
    found = relation_texts(extract_text, "Russia deployed troops to Syria and Libya last year.")
    assert {("Russia", "deploy_to", "Syria"), ("Russia", "deploy_to", "Libya")} <= found
    found = relation_texts(extract_text, "Poland already operates KAI's FA-50 light combat aircraft and Hyundai's K2 "
                                         "tanks.")
    assert ("Poland", "operate", "FA-50") in found
