"""Naval and air-force news outside Japan with the real pipeline: hull prefixes of many navies, ship names with
particles ('Prince of Wales', 'Charles de Gaulle'), and the cases that must not change."""

from __future__ import annotations

from kg.resolve import resolve
from tests.news_helpers import types_of

# 1. Hull prefixes and ship names with particles


def test_german_and_polish_hull_prefixes_mark_ships(extract_text):
    found = types_of(extract_text("Germany sent FGS Hessen to the drills, and Poland's ORP Slazak joined them."))
    assert found.get("FGS Hessen") == "SHIP" and found.get("ORP Slazak") == "SHIP", found


def test_ship_name_with_a_particle_is_one_ship(extract_text):
    for text, name in (("Jets flew from HMS Prince of Wales on Monday.", "HMS Prince of Wales"),
                       ("The carrier FS Charles de Gaulle left Toulon on Tuesday.", "FS Charles de Gaulle"),
                       ("The frigate BRP Gregorio del Pilar ran aground.", "BRP Gregorio del Pilar"),
                       ("Canada's HMCS Ville de Québec joined the task group.", "HMCS Ville de Québec")):
        found = types_of(extract_text(text))
        assert found.get(name) == "SHIP", (text, found)


def test_balinese_honorific_and_regnal_number_stay_in_the_ship_name(extract_text):
    found = types_of(extract_text("The frigate KRI I Gusti Ngurah Rai sailed with HMS Queen Elizabeth II."))
    assert found.get("KRI I Gusti Ngurah Rai") == "SHIP" and found.get("HMS Queen Elizabeth II") == "SHIP", found
    assert "Gusti Ngurah Rai" not in found, found


def test_of_followed_by_a_lower_case_word_is_no_part_of_the_ship(extract_text):
    found = types_of(extract_text("USS Carl Vinson of the Pacific Fleet sailed from San Diego on Monday."))
    assert found.get("USS Carl Vinson") == "SHIP" and "USS Carl Vinson of the Pacific Fleet" not in found, found


def entities(result) -> dict[str, tuple[str, set[str]]]:
    """Node label → (type, aliases) of a one-document resolution."""
    return {e.label: (e.type, set(e.aliases)) for e in resolve([result]).entities}


def test_bare_name_of_a_prefixed_ship_joins_it(extract_text):
    text = ("Germany sent the frigate FGS Sachsen to the Baltic. Sachsen can see further than any other ship, "
            "the admiral said. British jets flew from HMS Prince of Wales. Prince of Wales sailed on to Darwin.")
    nodes = entities(extract_text(text))
    assert nodes["Sachsen"][0] == "SHIP" and "FGS Sachsen" in nodes["Sachsen"][1], nodes
    assert nodes["Prince of Wales"][0] == "SHIP" and "HMS Prince of Wales" in nodes["Prince of Wales"][1], nodes


# 2. Aircraft designators, makers' model names and plurals


def names_of(result) -> dict[str, tuple[str, str]]:
    """Each mention's text → (name kept, type)."""
    return {m.text: (m.name, m.type) for m in result.mentions}


def test_slash_designator_and_letter_suffixes_are_aircraft(extract_text):
    found = names_of(extract_text("Finnish F/A-18 Hornets flew with Su-30SM and Su-30MKI fighters and F-15EX jets."))
    for name in ("F/A-18 Hornets", "Su-30SM", "Su-30MKI", "F-15EX"):
        assert found.get(name, ("", ""))[1] == "AIRCRAFT", (name, found)


def test_plural_aircraft_are_named_in_the_singular(extract_text):
    found = names_of(extract_text("The RAAF flies F-35As and F-22 Raptors; Germany sent Eurofighter Typhoons and the "
                                  "Rafales landed."))
    assert found["F-35As"] == ("F-35A", "AIRCRAFT") and found["F-22 Raptors"] == ("F-22 Raptor", "AIRCRAFT"), found
    assert found["Eurofighter Typhoons"][0] == "Eurofighter Typhoon" and found["Rafales"][0] == "Rafale", found


def test_aircraft_names_ending_in_a_singular_s_are_kept(extract_text):
    found = names_of(extract_text("A C-130 Hercules and a KC-46A Pegasus tanker landed at the base on Monday."))
    assert found["C-130 Hercules"][0] == "C-130 Hercules" and found["KC-46A Pegasus"][0] == "KC-46A Pegasus", found


def test_maker_and_model_is_an_aircraft_but_maker_companies_and_storms_are_not(extract_text):
    found = names_of(extract_text("Indonesia flew Dassault Rafale jets. Typhoon Haiyan hit the Philippines. Bosses at "
                                  "Dassault Aviation and Saab AB met in Paris."))
    assert found["Dassault Rafale"][1] == "AIRCRAFT", found
    assert found.get("Typhoon Haiyan", ("", ""))[1] == "EVENT", found
    assert found.get("Dassault Aviation", ("", ""))[1] == "ORG" and found.get("Saab AB", ("", ""))[1] == "ORG", found


def test_visa_and_road_codes_do_not_become_aircraft_by_the_new_suffixes(extract_text):
    found = names_of(extract_text("Her H-1B visa was approved after she filed Form I-9 in Lisbon."))
    assert not [t for t, (_, kind) in found.items() if kind == "AIRCRAFT"], found


# 3. Ship classes, hull numbers, exercises and bases


def test_ship_class_names_are_no_nodes(extract_text):
    found = names_of(extract_text("The Kolkata-class destroyer INS Chennai sailed with the Arleigh Burke-class "
                                  "destroyer USS Ralph Johnson and a Gotland class submarine."))
    assert not [t for t in found if "Kolkata" in t or "Arleigh" in t or "Gotland" in t], found
    assert found["INS Chennai"][1] == "SHIP" and found["USS Ralph Johnson"][1] == "SHIP", found


def test_city_named_without_class_stays_a_place(extract_text):
    found = names_of(extract_text("The destroyer docked in Kolkata on Monday before it sailed for the class reunion."))
    assert found["Kolkata"][1] == "GPE", found


def test_hull_number_in_brackets_after_a_ship_is_no_node(extract_text):
    found = names_of(extract_text("France sent the frigate FS Normandie (D651) to the Baltic on Monday."))
    assert found["FS Normandie"][1] == "SHIP" and "D651" not in found, found


def test_code_in_brackets_after_other_names_is_kept(extract_text):
    found = names_of(extract_text("The Atomic Energy Agency (IAEA) inspected the site, and Airbus (AIR) shares rose."))
    assert "IAEA" in found, found


def test_exercise_names_are_events(extract_text):
    found = names_of(extract_text("British jets joined Exercise Pitch Black on Monday. India hosted the Malabar "
                                  "naval exercise, and Operation Horizon continued."))
    assert found["Exercise Pitch Black"] == ("Pitch Black", "EVENT"), found
    assert found["Malabar"][1] == "EVENT" and found["Operation Horizon"][1] == "EVENT", found


def test_places_and_possessives_before_an_exercise_noun_stay_places(extract_text):
    found = names_of(extract_text("Russia's naval drills began as ships gathered for the South China Sea exercise."))
    assert found["Russia"][1] == "GPE" and found["South China Sea"][1] == "LOC", found


def test_base_names_after_the_base_word(extract_text):
    found = names_of(extract_text("Jets flew from RAAF Base Tindal, Joint Base Elmendorf-Richardson and Air Force "
                                  "Station Pune."))
    for name in ("RAAF Base Tindal", "Joint Base Elmendorf-Richardson", "Air Force Station Pune"):
        assert found.get(name, ("", ""))[1] == "FACILITY", (name, found)


def test_operation_inside_an_office_name_is_no_event(extract_text):
    found = names_of(extract_text("The Central Emergency Operation Center said 12 people died in the floods."))
    assert found.get("The Central Emergency Operation Center", ("", ""))[1] == "ORG", found
    assert not [t for t, (_, kind) in found.items() if kind == "EVENT"], found


# 4. Typing from the name itself or the words before it; table acronyms


def test_country_name_of_several_words_read_as_a_person_is_the_country(extract_text):
    found = names_of(extract_text("Papua New Guinea, Fiji and Brunei sent observers to the exercise."))
    assert found["Papua New Guinea"][1] == "GPE", found


def test_one_word_country_names_that_are_surnames_stay_people(extract_text):
    found = names_of(extract_text("Michael Jordan scored 30 points. Jordan said he was tired."))
    assert found["Jordan"][1] == "PERSON", found


def test_port_of_before_a_one_word_name_makes_it_a_place(extract_text):
    found = names_of(extract_text("More than 40 warships sailed from the German port of Kiel on Thursday."))
    assert found["Kiel"][1] == "GPE", found


def test_battle_of_a_place_is_an_event_but_its_memorial_is_not(extract_text):
    found = names_of(extract_text("The admiral defeated the Swedish fleet at the Battle of Køge Bay. She later "
                                  "visited the Battle of Britain Memorial."))
    assert found["the Battle of Køge Bay"][1] == "EVENT", found
    assert found["Battle of Britain Memorial"][1] != "EVENT", found


def test_table_acronym_does_not_join_another_documents_initials(extract_text):
    a = extract_text("MANILA, March 12 (AP) - Ships met near the shoal on Wednesday.", name="a.txt")
    b = extract_text("AIR POWER\n\nJets flew over Darwin on Monday.", name="b.txt")
    entities = resolve([a, b]).entities
    ap = next(e for e in entities if "AP" in e.aliases)
    assert not any("AIR POWER" in alias for alias in ap.aliases), ap
