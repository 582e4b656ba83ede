"""Unseen-news fixes, session 8 round 4: reef and shoal names, a drill's name after 'named', lists of ships each
with a nationality. Real spaCy model on sentences written for these tests; each rule has a case that must not
change."""

from __future__ import annotations

from tests.news_helpers import relation_texts
from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- reefs, shoals, atolls, 'Bajo de'


def test_a_shoal_in_a_list_is_a_place(extract_text):
    found = mentions(extract_text, "Vietnam claims the Paracel Islands and Mischief Reef, which lies near Bajo de "
                                   "Masinloc.")
    assert found.get("Mischief Reef") == "LOC"
    assert found.get("Bajo de Masinloc") == "LOC"


def test_reefs_the_model_read_as_people_are_places(extract_text):
    found = mentions(extract_text, "Divers surveyed Hardy Reef and Osborn Reef last week after the storm.")
    assert found.get("Hardy Reef") == found.get("Osborn Reef") == "LOC"


def test_a_company_or_group_holding_reef_in_a_longer_name_stays(extract_text):
    found = mentions(extract_text, "Reef Capital Partners and the Coral Reef Alliance sued the agency on Tuesday.")
    assert found.get("the Coral Reef Alliance") == "ORG"
    assert "Coral Reef" not in found


# ---------------------------------------------------------------- a drill named in apposition


def test_a_drill_named_in_apposition_is_an_event(extract_text):
    found = mentions(extract_text, "The drill, named Pacific Shield, involved three navies near the islands.")
    assert found.get("Pacific Shield") == "EVENT"


def test_a_company_named_after_an_other_noun_stays(extract_text):
    found = mentions(extract_text, "The buyer, named Pacific Holdings, paid cash for the port.")
    assert found.get("Pacific Holdings") != "EVENT"


# ---------------------------------------------------------------- lists of ships with nationalities


def test_a_list_of_ships_gives_each_ship_its_own_country_only(extract_text):
    found = relation_texts(extract_text, "The drill involved the Australian frigate HMAS Toowoomba, the Japanese "
                                         "destroyer JS Takanami and the Philippine frigate BRP Antonio Luna, officials "
                                         "said.")
    assert ("HMAS Toowoomba", "operated_by", "Australian") in found
    assert not {(s, t) for s, _, t in found if s == "HMAS Toowoomba"} - {("HMAS Toowoomba", "Australian")}


def test_an_apposed_nationality_without_a_name_of_its_own_stays(extract_text):
    found = relation_texts(extract_text, "The USS Ford, an American aircraft carrier, sailed into the port.")
    assert ("USS Ford", "operated_by", "American") in found


def test_a_kind_noun_naming_no_other_thing_keeps_a_relation_noun_link(extract_text):
    found = relation_texts(extract_text, "The founders were singer Ruben Grundy, his brother Joe Grundy, and a "
                                         "drummer.")
    assert ("Joe Grundy", "brother_of", "Ruben Grundy") in found


# ---------------------------------------------------------------- companies: kind words, Swedish legal form


def test_a_company_kind_word_after_a_company_joins_its_name(extract_text):
    found = mentions(extract_text, "The firm supplies cells to Volvo Cars and Polestar, and to Toyota Motor in Japan.")
    assert found.get("Volvo Cars") == found.get("Toyota Motor") == "ORG"
    assert "Volvo" not in found


def test_a_kind_word_opening_a_longer_name_is_not_taken(extract_text):
    found = mentions(extract_text, "Analysts at Citigroup said Energy Transfer Partners would cut jobs.")
    assert "Citigroup Energy" not in found


def test_a_swedish_company_its_short_forms_and_its_bare_name_are_one_entity(extract_text):
    found = entities(extract_text, "Norrvik Battery to build plant in Ohio\n\nSTOCKHOLM, May 2 - Norrvik Battery AB "
                                   "said on Tuesday it would build a cell plant in Ohio. Shares of Norrvik rose 2%. "
                                   "Tariffs would not hurt Norrvik, analysts said.")
    holders = {label for label, (_, aliases) in found.items() if aliases & {"Norrvik", "Norrvik Battery AB",
                                                                             "Norrvik Battery"}}
    assert len(holders) == 1


# ---------------------------------------------------------------- Korean given names


def test_a_korean_hyphenated_given_name_and_its_surname_are_a_person(extract_text):
    found = mentions(extract_text, "The company's chief executive, Ji-woo Han, told reporters the plant was on time. "
                                   "\"We are close to our customers,\" Han said.")
    assert found.get("Ji-woo Han") == found.get("Han") == "PERSON"


def test_an_english_hyphenated_word_before_a_name_is_no_given_name(extract_text):
    found = mentions(extract_text, "The Kremlin-run agency quoted the Korean-born Park on Monday.")
    assert "Kremlin-run" not in " ".join(found) and "Korean-born Park" not in found


# ---------------------------------------------------------------- a region with a possessive


def test_a_region_with_a_possessive_is_no_address(extract_text):
    found = relation_texts(extract_text, "The firm will build a plant near Dalton, Georgia, its first outside Europe, "
                                         "officials said.")
    assert ("Dalton", "located_in", "Georgia") in found
    assert ("Dalton", "located_in", "Europe") not in found


# ---------------------------------------------------------------- a group known as, elliptic possessives, acronyms


def test_a_name_after_a_group_known_as_is_an_organisation_everywhere(extract_text):
    found = [(m.text, m.type) for m in extract_text(
        "Officials said the group known as Cozy Wolf carried out the attack. Analysts at two firms, which both "
        "track Cozy Wolf, agreed.").mentions if m.text == "Cozy Wolf"]
    assert found == [("Cozy Wolf", "ORG"), ("Cozy Wolf", "ORG")]


def test_a_man_known_as_stays_a_person(extract_text):
    assert mentions(extract_text, "Police arrested a man known as John Barrow in Leeds.").get("John Barrow") == "PERSON"


def test_possessive_names_joined_to_a_hospital_are_no_people(extract_text):
    text = "The attack forced King's College Hospital and Guy's and St Thomas' to cancel operations."
    found = mentions(extract_text, text)
    assert "PERSON" not in found.values()
    assert not relation_texts(extract_text, text)


def test_a_possessive_after_a_common_noun_stays_a_person(extract_text):
    assert mentions(extract_text, "She preferred the old car and John's.").get("John") == "PERSON"


def test_an_acronym_before_an_agency_noun_is_an_organisation(extract_text):
    found = mentions(extract_text, "The centre, part of the GCHQ signals agency, said the attack was serious.")
    assert found.get("GCHQ") == "ORG"


def test_a_common_acronym_before_an_agency_noun_is_no_name(extract_text):
    found = mentions(extract_text, "Officials at the new AI agency and the LNG agency met on Monday.")
    assert "AI" not in found and "LNG" not in found


# ---------------------------------------------------------------- a dateline in a mediator's capital


def test_a_bare_title_held_by_another_for_the_dateline_country_is_not_given_it(extract_text):
    text = ("DOHA, Jan 10 (AP) - Israel and Hamas resumed talks in Doha, hosted by Qatar. Israel sent a team. Qatari "
            "Prime Minister Mohammed Al Thani hosted them. The plan was backed by Prime Minister Benjamin Netanyahu.")
    found = relation_texts(extract_text, text)
    assert ("Mohammed Al Thani", "prime_minister", "Qatari") in found
    assert not {t for s, r, t in found if s == "Benjamin Netanyahu" and r == "prime_minister" and t != "Israel"}


def test_a_bare_title_takes_the_dateline_country_the_story_is_about(extract_text):
    text = ("LONDON, Jan 10 (Reuters) - Britain will raise taxes, Prime Minister Keir Starmer said on Friday. "
            "France and Germany made similar plans, Britain's finance ministry said.")
    assert ("Keir Starmer", "prime_minister", "Britain") in relation_texts(extract_text, text)


def test_a_coordinated_possessive_before_a_noun_is_left_alone(extract_text):
    found = mentions(extract_text, "More games are expected from Nexon and Krafton's 2015 mobile partnership.")
    assert "Krafton's" not in found


def test_a_finnish_legal_form_after_a_name_makes_it_a_company(extract_text):
    found = mentions(extract_text, "HELSINKI, Nov 3 (Reuters) - Saarivesi Shipping Oy said on Monday that hackers "
                                   "had stolen the personal data of about 200,000 passengers. TURKU, May 5 - Merilinja "
                                   "Oy said it would buy two ferries.")
    assert found.get("Saarivesi Shipping Oy") == found.get("Merilinja Oy") == "ORG"
