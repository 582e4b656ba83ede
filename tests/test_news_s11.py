"""Rules found on unseen news in session 11: a bare title's guessed country must have that office, a person whose
country is written once keeps it; ships named after a plural ship noun or a ship's part, armed forces named before
'drills', designators before a ship noun, hull symbols, possessive aliases (tests on sentences written for each
rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import relation_texts
from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- the guessed country must have the office


def test_a_bare_president_is_not_a_monarchys(extract_text):
    text = ("TOKYO (Reuters) - Japan's prime minister said on Monday that talks with Russia had stalled. "
            "President Vladimir Putin said last week that Moscow would not return the islands.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if s == "Vladimir Putin" and r == "president"}


def test_a_bare_prime_minister_is_not_a_presidential_republics(extract_text):
    text = ("WASHINGTON (Reuters) - The United States and Britain signed a deal on Monday. Prime Minister Keir "
            "Starmer said the deal would create jobs.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if s == "Keir Starmer"}


def test_bare_titles_the_country_has_keep_their_guess(extract_text):
    cases = [("LONDON (Reuters) - Britain said on Monday it would expand its navy. Prime Minister Keir Starmer said "
              "the plan would cost billions.", ("Keir Starmer", "prime_minister", "Britain")),
             ("WASHINGTON (Reuters) - The United States said on Monday it would expand its navy. President Donald "
              "Trump said the plan would cost billions.", ("Donald Trump", "president", "The United States")),
             ("LONDON (Reuters) - Britain's government said on Monday that a French minister would visit. King "
              "Charles will host him.", ("Charles", "king", "Britain")),
             ("PARIS (Reuters) - France said on Monday that a history of its monarchy would be published. King "
              "Louis XIV built Versailles.", ("Louis XIV", "king", "France")),
             ("BERLIN (Reuters) - Germany said on Monday it would buy more tanks. President Frank-Walter Steinmeier "
              "signed the law.", ("Frank-Walter Steinmeier", "president", "Germany"))]
    for text, expected in cases:
        assert expected in relation_texts(extract_text, text), text


# ---------------------------------------------------------------- a person whose country is written keeps it


def test_a_bare_title_on_a_second_mention_keeps_the_written_country(extract_text):
    text = ("TOKYO (Reuters) - Japan's prime minister met Chinese Foreign Minister Wang Yi on Monday. Foreign "
            "Minister Wang said the talks were frank.")
    found = relation_texts(extract_text, text)
    assert ("Wang Yi", "foreign_minister", "Chinese") in found
    assert not {t for s, r, t in found if s.startswith("Wang") and t == "Japan"}


def test_another_holder_of_the_same_title_still_gets_the_guess(extract_text):
    text = ("TOKYO (Reuters) - Japan hosted talks on Monday with Chinese Foreign Minister Wang Yi. Foreign "
            "Minister Takeshi Iwaya said the talks were frank.")
    found = relation_texts(extract_text, text)
    assert ("Takeshi Iwaya", "foreign_minister", "Japan") in found


# ---------------------------------------------------------------- ships named in apposition or by a ship's part


def test_ships_named_after_a_plural_ship_noun_are_ships(extract_text):
    found = mentions(extract_text, "The ministry said the carrier was escorted by two Type 052D destroyers, the Jinan "
                                   "and the Guilin. Taiwan's first indigenous submarines, the Hai Kun, began trials.")
    assert (found["Jinan"], found["Guilin"]) == ("SHIP", "SHIP")
    assert found.get("the Hai Kun", found.get("Hai Kun")) == "SHIP"


def test_a_plural_ship_noun_then_no_the_names_no_ship(extract_text):
    found = mentions(extract_text, "The navy sent two frigates, Kyodo reported on Monday. He toured two cities, the "
                                   "capital and Osaka.")
    assert found["Kyodo"] == "ORG"
    assert found["Osaka"] == "GPE"


def test_the_deck_of_a_named_thing_is_a_ship(extract_text):
    found = mentions(extract_text, "Fighters cannot take off from the ski-jump decks of the Liaoning and the Shandong.")
    assert (found["Liaoning"], found["Shandong"]) == ("SHIP", "SHIP")
    assert mentions(extract_text, "Ships were seen off the coast of Shandong on Friday.")["Shandong"] == "GPE"


# ---------------------------------------------------------------- weapons, aircraft and hull symbols


def test_a_name_before_a_hyphened_launch_word_is_what_the_noun_after_says(extract_text):
    assert mentions(extract_text, "It carries the K-4 submarine-launched ballistic missile.")["K-4"] == "WEAPON"
    assert mentions(extract_text, "The F-35 carrier-based jets took off at dawn.")["F-35"] == "AIRCRAFT"


def test_a_name_owned_by_a_pronoun_before_a_weapon_noun_is_the_weapon(extract_text):
    assert mentions(extract_text, "Pakistan tested its Ababeel missile in 2017.")["Ababeel"] == "WEAPON"
    assert mentions(extract_text, "The city was hit by a Raytheon missile on Friday.")["Raytheon"] == "ORG"


def test_a_designator_before_a_ship_noun_is_a_ship_design(extract_text):
    assert mentions(extract_text, "The German firm had offered its MEKO A-200 frigate.")["A-200"] == "SHIP"
    found = mentions(extract_text, "India expects a KC-135 tanker on lease, and China flew a KJ-600 radar plane.")
    assert (found["KC-135"], found["KJ-600"]) == ("AIRCRAFT", "AIRCRAFT")  # a tanker may be an aircraft


def test_a_hull_symbol_is_no_organisation(extract_text):
    found = mentions(extract_text, "Australia will build its own SSN-AUKUS boats in Adelaide.")
    assert "SSN" not in found and found["Adelaide"] == "GPE"


# ---------------------------------------------------------------- junk names and aliases


def test_a_lone_initial_before_a_title_is_no_name(extract_text):
    found = mentions(extract_text, "Modi wrote on X. Defence Minister Rajnath Singh congratulated the scientists. The "
                                   "law was signed by John F. Kennedy.")
    assert set(found) == {"Rajnath Singh", "John F. Kennedy"}


def test_an_armed_force_named_before_drills_stays_an_organisation(extract_text):
    found = entities(extract_text, "Canadian frigate shadows PLA drills\n\nTAIPEI (Reuters) - The threat from the "
                                   "People's Liberation Army is growing, Taiwan said. The PLA sent ten ships.")
    assert found["People's Liberation Army"][0] == "ORG"
    found = entities(extract_text, "Navies join Malabar drills\n\nTOKYO (Reuters) - India and Japan joined the "
                                   "Malabar naval exercise on Monday.")
    assert found["Malabar"][0] == "EVENT"


def test_aliases_carry_no_possessive_ending(extract_text):
    found = entities(extract_text, "Prime Minister Shigeru Ishiba's government had lobbied hard. The European Union's "
                                   "envoy agreed, and Shigeru Ishiba thanked the European Union.")
    assert found["Shigeru Ishiba"][1] == {"Shigeru Ishiba"}
    assert "the European Union's" not in found["European Union"][1]


def test_a_codename_takes_the_type_of_what_it_names(extract_text):
    found = mentions(extract_text, "The test, codenamed Mission Divyastra, was a success. India launched an operation "
                                   "code-named Sindoor. A new drone dubbed Lancet hit the tank.")
    assert (found["Mission Divyastra"], found["Sindoor"], found["Lancet"]) == ("EVENT", "EVENT", "AIRCRAFT")
    found = mentions(extract_text, "Her son, nicknamed Junior Smith, spoke to Reuters. The firm was dubbed Acme Corp "
                                   "by traders.")
    assert found.get("Junior Smith", "PERSON") == "PERSON" and found.get("Acme Corp", "ORG") == "ORG"


def test_a_class_named_description_stands_for_a_ship_of_that_class_only(extract_text):
    text = ("The German firm had offered its MEKO A-200 frigate. \"The upgraded Mogami-class frigate is the best "
            "frigate for Australia,\" Marles said.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if s == "A-200"}
    text = ("The destroyer USS Dewey, an Arleigh Burke-class destroyer, sailed from Guam. The Arleigh Burke-class "
            "destroyer then entered the South China Sea.")
    assert ("USS Dewey", "enter", "the South China Sea") in relation_texts(extract_text, text)


def test_a_spacecraft_named_before_its_noun_is_no_node(extract_text):
    found = mentions(extract_text, "The Starliner capsule docked with the International Space Station. China's "
                                   "Chang'e 6 probe landed, and Boeing said the capsule was safe.")
    assert "Starliner" not in found and not any(t.startswith("Chang") for t in found)
    assert found["Boeing"] == "ORG" and found["International Space Station"] == "FACILITY"


# ---------------------------------------------------------------- places named with their kind


def test_names_after_a_kind_of_place_and_of_are_places(extract_text):
    found = mentions(extract_text, "People fled their homes in the Thai provinces of Ubon Ratchathani, Sisaket and "
                                   "Surin. Debris hit a house in the village of Wyryki.")
    assert {found[n] for n in ("Ubon Ratchathani", "Sisaket", "Surin", "Wyryki")} == {"GPE"}
    assert mentions(extract_text, "Shares fell south of Goldman Sachs on Monday.")["Goldman Sachs"] == "ORG"


def test_names_joined_before_a_plural_kind_of_place_are_places(extract_text):
    found = mentions(extract_text, "Cambodian troops fired rockets into Sisaket and Surin provinces.")
    assert (found["Sisaket"], found["Surin"]) == ("GPE", "GPE")
    found = mentions(extract_text, "Senator Smith and Mayor Jones met the regions' leaders.")
    assert "GPE" not in {found.get("Smith"), found.get("Jones")}


def test_a_nato_command_title_is_no_organisation(extract_text):
    found = mentions(extract_text, "The mission will be led by Supreme Allied Commander Europe General Alexus "
                                   "Grynkewich.")
    assert set(found) == {"Alexus Grynkewich"}


# ---------------------------------------------------------------- relations: denials and appositions of place


def negated_of(extract_text, text: str) -> dict[tuple[str, str, str], bool]:
    res = extract_text(text)
    return {(res.mentions[e.source].text, e.relation, res.mentions[e.target].text): e.negated
            for e in res.evidence if e.kind == "pattern"}


def test_a_denied_statement_is_kept_negated(extract_text):
    assert negated_of(extract_text, "The Kremlin denied that it had targeted Poland.") == {
        ("Kremlin", "target", "Poland"): True}
    assert negated_of(extract_text, "Russia said that it had targeted Kyiv.") == {("Russia", "target", "Kyiv"): False}
    found = negated_of(extract_text, "Sudan's government accused the United Arab Emirates of arming the RSF, a "
                                     "charge Abu Dhabi denies.")
    assert not any(found.values())  # the accusation was made; what is denied comes after it


def test_a_possessive_apposition_places_a_name_only_with_a_place_noun(extract_text):
    found = relation_texts(extract_text, "China, a close ally of Cambodia, and the United States, Thailand's oldest "
                                         "treaty ally in Asia, called for restraint.")
    assert not {t for s, r, t in found if r == "located_in"}
    found = relation_texts(extract_text, "The ship docked at Kaohsiung, Taiwan's second-largest city, on Monday. "
                                         "Climbers reached Mount Elbert, Colorado's highest peak.")
    assert {("Kaohsiung", "located_in", "Taiwan"), ("Mount Elbert", "located_in", "Colorado")} <= found


def test_a_name_before_a_building_of_worship_is_that_building(extract_text):
    found = mentions(extract_text, "The court awarded the Preah Vihear temple to Cambodia. Kishida sent an offering "
                                   "to the Yasukuni shrine.")
    assert (found["Preah Vihear"], found["Yasukuni"]) == ("FACILITY", "FACILITY")
    assert mentions(extract_text, "He joined the Unification Church in 1990.")["the Unification Church"] == "ORG"


def test_a_name_before_an_air_defence_system_is_a_weapon(extract_text):
    assert mentions(extract_text, "It supplies shells for the Skyranger air defence system.")["Skyranger"] == "WEAPON"
    found = mentions(extract_text, "Moscow was likely to provide Pyongyang with air defence systems.")
    assert found["Pyongyang"] == "GPE"


def test_a_comma_and_in_inside_a_list_of_places_places_nothing(extract_text):
    found = relation_texts(extract_text, "It is also building plants in Unterluess in Germany, in Romania and in "
                                         "Ukraine.")
    assert ("Unterluess", "located_in", "Germany") in found
    assert not {(s, t) for s, r, t in found if r == "located_in" and t == "Romania"}
    found = relation_texts(extract_text, "The plant is in Nagoya, in central Japan.")
    assert ("Nagoya", "located_in", "Japan") in found
