"""Rules found on unseen news in session 10 (helper d: espionage, drone exports, a defence budget), each tested on
sentences written for it, with cases that must not change."""

from __future__ import annotations

from tests.news_helpers import relation_texts
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- a ship noun inside a person's apposition


def test_a_ship_noun_that_modifies_another_noun_does_not_make_a_ship(extract_text):
    found = mentions(extract_text, "Admiral Huang Shu-kuang, the former head of the submarine program, resigned.")
    assert found["Huang Shu-kuang"] == "PERSON"


def test_a_ship_noun_after_of_and_a_role_noun_does_not_make_a_ship(extract_text):
    found = mentions(extract_text, "Captain Li Wei, the commander of the destroyer, said the crew was safe.")
    assert found["Li Wei"] == "PERSON"


def test_an_apposition_headed_by_a_ship_noun_still_names_a_ship(extract_text):
    found = mentions(extract_text, "They boarded the Eventin, a tanker carrying oil, off the coast.")
    assert found["Eventin"] == "SHIP"
    found = mentions(extract_text, "The navy sent the Kaga, the largest destroyer in its fleet, to the strait.")
    assert found["Kaga"] == "SHIP"
    found = mentions(extract_text, "The Marinera, a tanker of the Russian shadow fleet, was seized.")
    assert found["Marinera"] == "SHIP"


# ---------------------------------------------------------------- names security companies give hacking groups


def test_threat_actor_codes_and_vendor_names_are_organisations(extract_text):
    found = mentions(extract_text, "Mandiant calls the group APT29, while Microsoft tracks it as Midnight Blizzard and "
                                   "CrowdStrike refers to it as Cozy Bear. Storm-0558 and UNC3886 were also active.")
    for name in ("APT29", "Midnight Blizzard", "Cozy Bear", "Storm-0558", "UNC3886"):
        assert found[name] == "ORG", name


def test_a_group_code_after_blamed_on_is_an_organisation(extract_text):
    found = mentions(extract_text, "The intrusion is the latest in a string of attacks blamed on APT28, which has "
                                   "been accused of hacking the German Bundestag.")
    assert found["APT28"] == "ORG"


def test_storms_and_fighters_named_like_hacking_groups_keep_their_types(extract_text):
    found = mentions(extract_text, "Super Typhoon Haiyan hit the Philippines. Eurofighter Typhoon jets flew over.")
    assert found["Super Typhoon Haiyan"] == "EVENT"
    assert found["Eurofighter Typhoon"] == "AIRCRAFT"


# ---------------------------------------------------------------- a ship named after a possessive noun phrase


def test_a_name_after_a_possessive_ship_noun_phrase_is_a_ship(extract_text):
    found = mentions(extract_text, "Lawmakers cut funds for the island's first domestically built submarine, the Hai "
                                   "Kun, which has fallen behind schedule.")
    assert found["the Hai Kun"] == "SHIP"
    found = mentions(extract_text, "China sent its newest aircraft carrier, the Fujian, through the strait.")
    assert found["Fujian"] == "SHIP"


def test_a_possessive_ship_noun_phrase_before_a_said_clause_names_no_ship(extract_text):
    found = mentions(extract_text, "The company's tanker, Tokyo said, was hit by a drone.")
    assert found["Tokyo"] == "GPE"


# ---------------------------------------------------------------- a name the model left out before a role apposition


ROLE_TEXT = ("Turkish drone maker Baykar has signed export deals with more than 30 countries, its chief technology "
             "officer said on Tuesday, as armies in Africa and Asia buy the armed aircraft that made the company "
             "famous on the battlefields of Libya, Syria and Ukraine.\n\n"
             "Selcuk Bayraktar, Baykar's chief technology officer and the son-in-law of President Tayyip Erdogan, "
             "told reporters at the company's plant near Istanbul that orders had risen sharply this year.")


def test_unlabelled_words_before_a_possessive_role_apposition_are_a_person(extract_text):
    assert mentions(extract_text, ROLE_TEXT)["Selcuk Bayraktar"] == "PERSON"


def test_words_before_a_said_clause_or_a_plain_noun_apposition_are_no_person(extract_text):
    found = mentions(extract_text, "In Grand Rapids, the president said the plant would stay open.")
    assert "Grand Rapids" not in found or found["Grand Rapids"] != "PERSON"
    found = mentions(extract_text, "Rheinmetall Waffe Munition, the group's weapons unit, said output rose.")
    assert found.get("Rheinmetall Waffe Munition") != "PERSON"


# ---------------------------------------------------------------- a Brussels dateline names no country for a title


def test_a_bare_president_in_a_brussels_story_is_not_belgian(extract_text):
    text = ("BRUSSELS, March 12 (Reuters) - A group tied to Russia's military intelligence hacked the European "
            "Parliament, Belgium's cyber agency said. Dmitry Peskov, the spokesman for President Vladimir Putin, told "
            "reporters in Moscow the claims were false.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if s == "Vladimir Putin" and r == "president"}


def test_a_bare_president_in_a_story_from_another_capital_keeps_its_country(extract_text):
    text = ("PARIS, March 12 (Reuters) - France's cyber agency said hackers broke into two ministries. "
            "President Emmanuel Macron said the attack would not go unanswered.")
    assert ("Emmanuel Macron", "president", "France") in relation_texts(extract_text, text)


# ---------------------------------------------------------------- an agency or ministry 'for' a field is one name


def test_an_agency_for_a_field_is_one_organisation(extract_text):
    found = mentions(extract_text, "The European Union Agency for Cybersecurity, known as ENISA, issued guidance.")
    assert found["European Union Agency for Cybersecurity"] == "ORG"
    assert "Cybersecurity" not in found
    found = mentions(extract_text, "The US Agency for International Development cut staff.")
    assert found["US Agency for International Development"] == "ORG"


def test_a_ministry_for_a_field_after_a_country_keeps_the_country_apart(extract_text):
    found = mentions(extract_text, "Italy's Ministry for Foreign Affairs said the envoy had left.")
    assert found["Italy"] == "GPE"
    assert found["Ministry for Foreign Affairs"] == "ORG"


# ---------------------------------------------------------------- 'Presidency of ...' is one body's name


def test_a_presidency_of_a_named_body_is_one_organisation(extract_text):
    found = mentions(extract_text, "Haluk Gorgun, the head of the Presidency of Defence Industries (SSB), said "
                                   "drones were the flagship of Turkish technology.")
    assert found["Presidency of Defence Industries"] == "ORG"
    assert "Defence Industries" not in found


def test_a_presidency_of_a_person_stays_apart(extract_text):
    found = mentions(extract_text, "Under the Presidency of Donald Trump, tariffs rose.")
    assert found["Donald Trump"] == "PERSON"


def test_a_presidency_of_a_country_leaves_the_country_a_place(extract_text):
    found = mentions(extract_text, "He served in the Presidency of Equatorial Guinea until 2010.")
    assert found["Equatorial Guinea"] == "GPE"


# ---------------------------------------------------------------- a vulnerability's number is no organisation


def test_a_cve_number_is_no_node(extract_text):
    found = mentions(extract_text, "The intruders exploited a flaw in Microsoft Exchange Server, tracked as "
                                   "CVE-2025-21298, to gain access.")
    assert not [text for text in found if text.startswith("CVE")]
    assert found["Microsoft Exchange Server"] == "ORG"


# ---------------------------------------------------------------- 'made by' a name that is no country


def test_a_place_typed_name_after_made_by_is_a_company(extract_text):
    found = mentions(extract_text, "Analysts said the group used compromised routers made by Ubiquiti to hide "
                                   "its traffic.")
    assert found["Ubiquiti"] == "ORG"


def test_a_country_after_made_by_stays_a_place(extract_text):
    assert mentions(extract_text, "Cheap goods made by China flooded the market.")["China"] == "GPE"


# ---------------------------------------------------------------- a conjunct that opens the next clause


def test_a_conjunct_followed_by_its_own_verb_is_no_second_object(extract_text):
    text = ("China's Ministry of Foreign Affairs said it \"firmly opposes\" the sale, and the People's Liberation "
            "Army (PLA) sent 32 aircraft around Taiwan the next day.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if r == "oppose"}


def test_a_plain_conjunct_object_still_counts(extract_text):
    found = relation_texts(extract_text, "Iran supplied drones to Russia and Hezbollah.")
    assert {("Iran", "supply_to", "Russia"), ("Iran", "supply_to", "Hezbollah")} <= found


def test_conjoined_subjects_both_keep_the_relation(extract_text):
    found = relation_texts(extract_text, "Emmanuel Macron and Friedrich Merz agreed on Tuesday to build a fighter.")
    assert ("Friedrich Merz", "agree_with", "Emmanuel Macron") in found
