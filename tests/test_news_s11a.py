"""Errors seen in new unseen news (a US submarine's visit to an Australian base, a Japan-Philippines troop pact
with drills off Luzon, a damaged Baltic power cable), with the real pipeline."""

from __future__ import annotations

from tests.news_helpers import resolved, text_types


def test_a_name_coordinated_before_an_exercise_name_shares_its_exercise_noun(extract_text):
    got = text_types(extract_text, "Moscow staged the Zapad and Vostok drills last year.")
    assert got.get("Zapad") == "EVENT", got
    assert got.get("Vostok") == "EVENT", got


def test_a_country_before_an_exercise_noun_stays_a_country(extract_text):
    got = text_types(extract_text, "Ships made dangerous moves during US-Japan exercises, and Canada exercises "
                                   "restraint. Troops joined the Poland and Lithuania drills.")
    assert got.get("Japan") == "GPE", got
    assert got.get("Lithuania") == "GPE", got
    assert got.get("Poland") == "GPE", got


def test_an_alliance_or_armed_service_holding_drills_is_no_exercise(extract_text):
    got = text_types(extract_text, "Russia criticised NATO exercises in the Baltic Sea. The Philippine Navy drills "
                                   "near Luzon ended on Friday.")
    assert got.get("NATO") == "ORG", got
    assert got.get("The Philippine Navy") == "ORG", got


def test_named_exercises_are_still_events(extract_text):
    got = text_types(extract_text, "India hosted the Malabar naval exercise. Ships joined the RIMPAC exercises off "
                                   "Hawaii in July.")
    assert got.get("Malabar") == "EVENT", got
    assert got.get("RIMPAC") == "EVENT", got


def test_a_region_before_a_cable_word_is_where_the_line_runs(extract_text):
    found = resolved(extract_text, "Finland seizes ship after Baltic power cable damaged; Estonia boosts patrols")
    assert found.get("Baltic Sea", ("",))[0] == "LOC", found
    assert not any(t == "FACILITY" for t, _ in found.values()), found


def test_a_line_s_own_name_before_a_cable_word_is_still_a_facility(extract_text):
    got = text_types(extract_text, "Engineers said the Estlink 2 power cable and the Balticconnector gas pipeline "
                                   "were damaged.")
    assert got.get("Estlink 2") == "FACILITY", got
    assert got.get("Balticconnector") == "FACILITY", got


def test_a_number_hung_on_a_ship_s_name_is_its_last_word(extract_text):
    got = text_types(extract_text, "Officials focused on the Chinese bulk carrier Ming Yang 5 on Monday.")
    assert got.get("Ming Yang 5") == "SHIP", got


def test_a_number_of_a_distance_after_a_ship_s_name_is_not_its_name(extract_text):
    got = text_types(extract_text, "The frigate Hamburg 12 nautical miles off the coast tracked the convoy.")
    assert got.get("Hamburg") == "SHIP", got


def test_an_unlabelled_name_before_a_cable_word_is_the_line_and_its_repeats_too(extract_text):
    res = extract_text("Divers inspected the Fennolink 3 undersea power cable on Monday. Repairs to Fennolink 3 will "
                       "take weeks, the grid operator said.")
    got = [(m.text, m.type) for m in res.mentions]
    assert got.count(("Fennolink 3", "FACILITY")) == 2, got


def test_no_line_name_after_an_article(extract_text):
    got = text_types(extract_text, "Divers found damage to a Fennolink 3 undersea power cable.")
    assert "Fennolink 3" not in got, got


def _relations(result) -> set[tuple[str, str, str]]:
    """(source, relation, target) of each pattern evidence, by mention text."""
    return {(result.mentions[e.source].text, e.relation, result.mentions[e.target].text)
            for e in result.evidence if e.kind == "pattern"}


def test_plural_counterparts_of_two_offices_take_them_in_order(extract_text):
    got = _relations(extract_text("The deal was signed by French Foreign Minister Anne Martin, Defence Minister Paul "
                                  "Durand and their German counterparts Hans Weber and Klaus Schmidt."))
    assert ("Hans Weber", "foreign_minister", "German") in got, got
    assert ("Hans Weber", "defence_minister", "German") not in got, got


def test_a_single_counterpart_takes_the_office_before(extract_text):
    got = _relations(extract_text("Finnish Defence Minister Antti Hakkanen met his Swedish counterpart Pal Jonson "
                                  "in Stockholm."))
    assert ("Pal Jonson", "defence_minister", "Swedish") in got, got


def test_a_demonym_and_an_unlabelled_service_are_one_armed_service(extract_text):
    res = extract_text("The drills went well, said Indian Navy spokesman Vivek Madhwal.")
    assert ("Indian Navy", "ORG") in [(m.text, m.type) for m in res.mentions], res.mentions
    assert ("Vivek Madhwal", "spokesman", "Indian Navy") in _relations(res)


def test_a_demonym_before_a_lower_case_service_stays_the_country(extract_text):
    got = text_types(extract_text, "The drills went well, said an Indian navy spokesman on Monday.")
    assert got.get("Indian") == "GPE", got


def test_a_place_phrase_hung_on_the_last_of_two_names_is_that_name_s_alone(extract_text):
    got = _relations(extract_text("Fishermen were chased near Sandy Cay and the Whitsun Reef in the Spratly Islands "
                                  "on Monday."))
    assert ("the Whitsun Reef", "located_in", "the Spratly Islands") in got, got
    assert ("Sandy Cay", "located_in", "the Spratly Islands") not in got, got


def test_a_place_phrase_of_a_single_name_is_still_its_place(extract_text):
    got = _relations(extract_text("The boats will be built by Hanwha Ocean in Geoje, officials said."))
    assert ("Hanwha Ocean", "located_in", "Geoje") in got, got


def test_a_hyphenated_compass_point_is_one_direction(extract_text):
    got = _relations(extract_text("Police escorted the ship to Porvoo, north-east of Helsinki, on Friday."))
    assert ("Porvoo", "north_east_of", "Helsinki") in got, got
    assert ("Porvoo", "east_of", "Helsinki") not in got, got


def test_a_plain_compass_point_is_unchanged(extract_text):
    got = _relations(extract_text("Police escorted the ship to Porvoo, east of Helsinki, on Friday."))
    assert ("Porvoo", "east_of", "Helsinki") in got, got


def test_a_hyphenated_one_word_name_after_port_of_is_a_place(extract_text):
    got = text_types(extract_text, "The tanker was loaded at the Russian port of Ust-Luga, police said.")
    assert got.get("Ust-Luga") == "GPE", got


def test_a_hyphenated_company_keeps_its_type(extract_text):
    got = text_types(extract_text, "The engines were made by Rolls-Royce in Derby.")
    assert got.get("Rolls-Royce") == "ORG", got


def test_an_operation_called_a_name_is_an_event_without_a_comma(extract_text):
    got = text_types(extract_text, "The navy later launched an operation called Nordic Shield, sending frigates.")
    assert got.get("Nordic Shield") == "EVENT", got


def test_a_company_called_a_name_stays_a_company(extract_text):
    got = text_types(extract_text, "He joined a company called Blue Ocean Systems, officials said.")
    assert got.get("Blue Ocean Systems") == "ORG", got


def test_a_number_standing_for_a_thing_passes_no_relation_to_its_conjunct(extract_text):
    got = _relations(extract_text("Three cables, including two belonging to Elisa and one owned by Cinia, were also "
                                  "damaged."))
    assert not any("Elisa" in (s, t) for s, _, t in got), got


def test_a_pronoun_and_a_name_still_share_their_verb(extract_text):
    got = _relations(extract_text("She and Anna Berg founded Nordic Cable Systems in Oslo."))
    assert ("Anna Berg", "found", "Nordic Cable Systems") in got, got
