"""Names in security and diplomacy news: acronyms in brackets the model leaves out, hyphenated place names,
hyphenated titles, numbered units and bases, squares named in French or Spanish, companies in an apposition with
'a', and a country's conventional short name. Real spaCy model on sentences written for these tests; each rule has
a case that must not change."""

from __future__ import annotations

from tests.news_helpers import holding, relation_texts
from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- acronyms in brackets


def test_an_acronym_in_brackets_after_an_organisation_is_a_mention_of_it(extract_text):
    text = ("Niger, Mali and Burkina Faso left the Economic Community of West African States (ECOWAS) in January. "
            "ECOWAS said the exit would take a year.")
    assert mentions(extract_text, text).get("ECOWAS") == "ORG"
    found = entities(extract_text, text)
    assert holding(found, "ECOWAS") == holding(found, "Economic Community of West African States") != []


def test_an_acronym_that_spells_other_initials_is_still_kept(extract_text):
    text = "The bureau worked with the Dutch General Intelligence and Security Service (AIVD) on the case."
    assert mentions(extract_text, text).get("AIVD") == "ORG"


def test_a_dateline_agency_in_brackets_never_becomes_a_place(extract_text):
    found = mentions(extract_text, "PORTO ALEGRE, Brazil (AP) — Floods killed 12 people on Monday, officials said.")
    assert found.get("AP") != "GPE"


def test_a_place_acronym_in_brackets_needs_its_initials(extract_text):
    found = mentions(extract_text, "Troops from the Democratic Republic of Congo (DRC) crossed the border.")
    assert found.get("DRC") == "GPE"


def test_lower_case_or_long_words_in_brackets_are_no_acronyms(extract_text):
    found = mentions(extract_text, "The International Centre for Settlement of Investment Disputes (known as "
                                   "the centre) will hear the case.")
    assert "known" not in found and "centre" not in found


# ---------------------------------------------------------------- hyphenated places


def test_a_place_with_a_hyphenated_particle_is_one_place(extract_text):
    found = mentions(extract_text, "Investigators traced the servers to a data centre in Rostov-on-Don last week.")
    assert found.get("Rostov-on-Don") == "GPE" and "Rostov" not in found


def test_a_hyphenated_given_name_is_no_place(extract_text):
    found = mentions(extract_text, "Jean-Pierre Mbeki told reporters the talks would resume on Monday.")
    assert found.get("Jean-Pierre Mbeki") == "PERSON"


# ---------------------------------------------------------------- titles, units, bases, squares


def title_of(extract_text, text: str, name: str) -> str:
    return next(m.title for m in extract_text(text).mentions if m.text == name)


def test_a_hyphenated_title_is_kept_whole(extract_text):
    text = "NATO Secretary-General Mark Rutte said the alliance would discuss the attack."
    assert title_of(extract_text, text, "Mark Rutte") == "Secretary-General"
    text = "Governor-General Sam Mostyn opened parliament on Tuesday."
    assert title_of(extract_text, text, "Sam Mostyn") == "Governor-General"


def test_a_one_word_military_title_stays(extract_text):
    text = "The junta is led by General Abdourahamane Tiani, who seized power in July."
    assert title_of(extract_text, text, "Abdourahamane Tiani") == "General"


def test_a_numbered_military_unit_is_an_organisation(extract_text):
    found = mentions(extract_text, "Officials said Unit 29155 of the GRU planned the sabotage in 2014.")
    assert found.get("Unit 29155") == "ORG"


def test_a_reactor_unit_with_one_digit_is_no_organisation(extract_text):
    found = mentions(extract_text, "Engineers restarted Unit 3 at the plant on Friday.")
    assert "Unit 3" not in found


def test_a_numbered_air_base_keeps_its_number(extract_text):
    found = mentions(extract_text, "The last troops left Air Base 201 in August under an agreement with the junta.")
    assert found.get("Air Base 201") == "FACILITY" and "Air Base" not in found


def test_a_square_named_in_french_or_spanish_is_a_facility(extract_text):
    found = mentions(extract_text, "Police fired tear gas near the Place de la Concertation in Niamey on Sunday.")
    assert found.get("the Place de la Concertation") == "FACILITY"
    found = mentions(extract_text, "Mothers marched again on the Plaza de Mayo in Buenos Aires.")
    assert found.get("the Plaza de Mayo") == "FACILITY"


def test_a_person_named_with_a_street_word_stays_a_person(extract_text):
    found = mentions(extract_text, "Minister Rosa Place de Leon told reporters the budget would pass.")
    assert "FACILITY" not in found.values()


# ---------------------------------------------------------------- companies and countries


def test_a_company_in_an_apposition_with_a(extract_text):
    found = mentions(extract_text, "Hackers attacked Synnovis, a pathology firm that processes blood tests for "
                                   "hospitals, last month.")
    assert found.get("Synnovis") == "ORG"


def test_a_person_described_with_a_is_no_company(extract_text):
    found = mentions(extract_text, "The plan was drawn up by Lena Okafor, a firm believer in open markets.")
    assert found.get("Lena Okafor") == "PERSON"


def test_the_islamic_republic_is_iran(extract_text):
    found = entities(extract_text, "Iran rejected the demand on Friday. The Islamic Republic ended most extra "
                                   "inspections in 2021.")
    assert holding(found, "The Islamic Republic") == holding(found, "Iran") == ["Iran"]


# ---------------------------------------------------------------- agreements and sites


def test_a_name_in_apposition_to_a_deal_is_a_law(extract_text):
    found = mentions(extract_text, "The E3 will trigger the snapback mechanism of the 2015 nuclear deal, the Joint "
                                   "Comprehensive Plan of Action, unless Iran complies.")
    assert found.get("Joint Comprehensive Plan of Action") == "LAW"
    found = mentions(extract_text, "Russia quit the grain deal, the Black Sea Grain Initiative, in July.")
    assert found.get("the Black Sea Grain Initiative") == "LAW"


def test_an_organisation_that_speaks_after_a_deal_stays_an_organisation(extract_text):
    found = mentions(extract_text, "They signed the deal, the European Commission said on Monday.")
    assert found.get("the European Commission") == "ORG"
    found = mentions(extract_text, "Both sides praised the agreement, the United Nations and the African Union "
                                   "among them.")
    assert "LAW" not in found.values()


def test_two_names_before_plural_sites_are_two_facilities(extract_text):
    found = mentions(extract_text, "Grossi pressed Iran to restore access to its Fordow and Natanz enrichment "
                                   "sites.")
    assert found.get("Fordow") == found.get("Natanz") == "FACILITY"
    assert "Fordow and Natanz" not in found


def test_two_people_before_a_plural_noun_stay_people(extract_text):
    found = mentions(extract_text, "Inspectors led by Anna Smith and Karl Jones visited the plants on Monday.")
    assert found.get("Anna Smith") == "PERSON" and found.get("Karl Jones") == "PERSON"


# ---------------------------------------------------------------- navies and their makers


def test_a_ship_named_with_an_epithet_keeps_it(extract_text):
    found = mentions(extract_text, "The South Korean navy will send the destroyer ROKS Sejong the Great to the "
                                   "drills next week.")
    assert found.get("ROKS Sejong the Great") == "SHIP"


def test_a_military_unit_keeps_its_number(extract_text):
    found = mentions(extract_text, "Rear Adm. Michael Wosje, commander of Carrier Strike Group 5, said the "
                                   "deployment was routine.")
    assert found.get("Carrier Strike Group 5") == "ORG"


def test_a_number_before_a_noun_is_no_part_of_a_unit(extract_text):
    found = mentions(extract_text, "The Carrier Strike Group 5 miles off the coast turned back on Friday.")
    assert not any(text.endswith("5") for text in found)


def test_a_name_coded_with_its_year_is_an_event(extract_text):
    found = mentions(extract_text, "The army has held two drills this year, code-named Strait Thunder-2025A and "
                                   "Joint Sword-2024B.")
    assert found.get("Strait Thunder-2025A") == "EVENT"
    found = mentions(extract_text, "The MiG-29 and the Su-30 flew over Minsk on Monday.")
    assert found.get("MiG-29") == "AIRCRAFT"


def test_defence_makers_are_organisations(extract_text):
    found = mentions(extract_text, "Taiwan is buying 66 F-16V fighters from Lockheed Martin, and Turkey's drones "
                                   "are made by Baykar.")
    assert found.get("Lockheed Martin") == found.get("Baykar") == "ORG"


def test_an_acronym_the_parser_reads_as_a_verb_labels_no_relation(extract_text):
    result = extract_text("The South Korean navy will send the destroyer ROKS Sejong the Great, and Japan's "
                          "Maritime Self-Defense Force the destroyer JS Kongo.")
    assert all(ev.relation != "rok" for ev in result.evidence)


def test_pacific_regions_are_places(extract_text):
    found = entities(extract_text, "The frigate is deployed under Canada's Indo-Pacific mission after a Pacific "
                                   "tour.")
    assert found.get("Indo-Pacific", ("",))[0] == "LOC"


def test_a_known_maker_inside_a_longer_name_is_read_whole(extract_text):
    found = mentions(extract_text, "The satellite was built by Thales Alenia Space in Cannes.")
    assert found.get("Thales Alenia Space") == "ORG" and "Thales" not in found


def test_a_person_of_one_letter_is_no_node(extract_text):
    found = mentions(extract_text, "Foreign Minister Abbas Araghchi said in a post on X. He said any resolution "
                                   "would be met with a response.")
    assert "X." not in found and "X" not in found and found.get("Abbas Araghchi") == "PERSON"


# ---------------------------------------------------------------- infrastructure, operations, agencies


def test_a_pipeline_or_cable_named_before_its_noun_is_a_facility(extract_text):
    found = mentions(extract_text, "Police suspect the ship damaged the Estlink 2 power cable between Finland and "
                                   "Estonia. In 2023, the Balticconnector gas pipeline was damaged too.")
    assert found.get("Estlink 2") == found.get("Balticconnector") == "FACILITY"


def test_a_place_before_a_cable_word_further_on_stays_a_place(extract_text):
    found = mentions(extract_text, "Ships near Finland laid a new cable last year.")
    assert found.get("Finland") == "GPE"


def test_a_corridor_is_a_place(extract_text):
    found = mentions(extract_text, "Israeli forces would pull back from the Netzarim corridor in the first phase.")
    assert found.get("Netzarim") == "LOC"


def test_an_operation_named_in_apposition_is_an_event(extract_text):
    found = mentions(extract_text, "NATO said it would send more ships to the Baltic under a new mission, Baltic "
                                   "Sentry.")
    assert found.get("Baltic Sentry") == "EVENT"


def test_an_organisation_after_a_deal_noun_stays_an_organisation(extract_text):
    found = mentions(extract_text, "They signed the deal, the European Commission, and Japan on Monday.")
    assert found.get("the European Commission") == "ORG"


def test_a_name_before_chief_and_a_person_is_an_organisation(extract_text):
    found = mentions(extract_text, "Israel's delegation includes Shin Bet chief Ronen Bar, an official said.")
    assert found.get("Shin Bet") == "ORG" and found.get("Ronen Bar") == "PERSON"


def test_a_person_before_an_adviser_stays_a_person(extract_text):
    found = mentions(extract_text, "President Trump's chief of staff Susie Wiles met him on Monday.")
    assert found.get("Trump") == "PERSON"


def test_gaza_is_the_gaza_strip_and_gaza_city_is_apart(extract_text):
    found = entities(extract_text, "Mediators pushed for a ceasefire in Gaza. The corridor cuts the Gaza Strip in "
                                   "two. Many fled to Gaza City.")
    assert holding(found, "Gaza") == holding(found, "Gaza Strip") == ["Gaza Strip"]
    assert "Gaza City" in found


def test_the_owner_of_a_pipeline_stays_an_organisation(extract_text):
    found = mentions(extract_text, "The plans include the modification of a Pacific Gas and Electric pipeline that "
                                   "has blocked fish migration.")
    assert found.get("Pacific Gas and Electric") == "ORG"


def test_a_sea_before_a_cable_word_stays_a_place(extract_text):
    found = mentions(extract_text, "Finland seized a tanker after the Baltic Sea power cable was damaged.")
    assert found.get("the Baltic Sea") == "LOC" or found.get("Baltic Sea") == "LOC"


# ---------------------------------------------------------------- South Asia and the Arctic


def test_a_title_and_name_read_as_one_organisation_is_a_titled_person(extract_text):
    found = mentions(extract_text, "Rubio spoke by phone with Indian National Security Adviser Ajit Doval on "
                                   "Friday.")
    assert found.get("Ajit Doval") == "PERSON" and found.get("Indian") == "GPE"
    found = mentions(extract_text, "General Electric Vernova said on Monday that profits rose.")
    assert "PERSON" not in found.values()


def test_two_surnames_of_a_full_name_are_that_person(extract_text):
    found = entities(extract_text, "Defence Minister Troels Lund Poulsen said the package was agreed. Lund Poulsen "
                                   "told a news conference in Copenhagen that it was needed.")
    assert holding(found, "Lund Poulsen") == ["Troels Lund Poulsen"]


def test_a_first_and_last_name_is_no_double_surname_of_someone_else(extract_text):
    found = entities(extract_text, "Maria Lopez met Andres Manuel Lopez Obrador in Mexico City on Monday.")
    assert holding(found, "Maria Lopez") == ["Maria Lopez"]


def test_a_name_in_apposition_to_a_city_is_a_place(extract_text):
    found = mentions(extract_text, "Drones struck targets in Lahore and Rawalpindi, the garrison city that houses "
                                   "the army's headquarters.")
    assert found.get("Rawalpindi") == "GPE"


def test_a_person_whose_apposition_names_a_town_job_stays_a_person(extract_text):
    found = mentions(extract_text, "They met Alan Smith, a town planner, and Jane Jones, the city council's lawyer.")
    assert found.get("Alan Smith") == found.get("Jane Jones") == "PERSON"


def test_a_fleet_is_an_organisation(extract_text):
    found = mentions(extract_text, "Russia's Northern Fleet, based on the Kola Peninsula, has expanded its presence.")
    assert found.get("Northern Fleet") == "ORG"


def test_a_law_name_goes_on_past_a_closed_hyphen(extract_text):
    found = mentions(extract_text, "Greenland can declare independence under the Act on Greenland Self-Government.")
    assert found.get("Act on Greenland Self-Government") == "LAW"


def test_a_list_of_places_the_model_joined_is_split(extract_text):
    found = mentions(extract_text, "Pakistani attacks on military stations at Jammu, Pathankot and Udhampur failed.")
    assert found.get("Jammu") == found.get("Pathankot") == "GPE" and "Jammu, Pathankot" not in found


def test_two_names_joined_by_a_hyphen_stay_two(extract_text):
    found = mentions(extract_text, "The NATO-Finland agreement was signed in Helsinki on Monday.")
    assert "NATO-Finland" not in found and found.get("NATO") == "ORG"


# ---------------------------------------------------------------- disasters and tech regulation


def test_a_named_earthquake_is_an_event(extract_text):
    found = mentions(extract_text, "The 2011 Great East Japan Earthquake triggered a tsunami that killed thousands.")
    assert found.get("Great East Japan Earthquake") == "EVENT"


def test_a_common_noun_acronym_is_no_node(extract_text):
    found = mentions(extract_text, "Europe will not let the risks of AI go unchecked, she said of the AI Act.")
    assert "AI" not in found and found.get("the AI Act") == "LAW"


def test_a_parent_named_after_its_noun_is_an_organisation(extract_text):
    found = mentions(extract_text, "The Commission asked Google's parent Alphabet to explain its chatbot.")
    assert found.get("Alphabet") == "ORG"


def test_a_port_of_a_one_word_name_is_a_place(extract_text):
    found = mentions(extract_text, "Waves of more than 1 metre hit the port of Wajima in Ishikawa prefecture.")
    assert found.get("Wajima") == "GPE"


def test_a_name_opened_by_an_acronym_joins_its_spelt_out_form(extract_text):
    found = entities(extract_text, "The probes came under the Artificial Intelligence Act. The AI Act was approved "
                                   "in March.")
    assert holding(found, "AI Act") == holding(found, "Artificial Intelligence Act") == ["Artificial Intelligence Act"]


def test_an_acronym_opener_of_other_initials_stays_apart(extract_text):
    found = entities(extract_text, "The Digital Services Act took effect. The DMA Act, they said, came later.")
    assert holding(found, "Digital Services Act") != holding(found, "DMA Act")


# ---------------------------------------------------------------- oil and the PLA


def test_a_country_and_title_words_read_as_an_organisation_leave_the_country(extract_text):
    found = mentions(extract_text, "U.S. Energy Secretary Chris Wright said on Friday that the administration "
                                   "welcomed more supply.")
    assert "U.S. Energy" not in found and found.get("U.S.") == "GPE" and found.get("Chris Wright") == "PERSON"


def test_a_company_named_after_a_country_stays_whole(extract_text):
    found = mentions(extract_text, "British Foreign Secretary David Lammy met U.S. Steel executives in London.")
    assert found.get("U.S. Steel") == "ORG"


def test_a_code_at_a_sentence_end_has_no_full_stop_in_its_name(extract_text):
    result = extract_text("The drills around the island were code-named Strait Thunder-2025A.")
    names = {m.name: m.type for m in result.mentions}
    assert names.get("Strait Thunder-2025A") == "EVENT"


def test_an_oil_field_is_a_place_and_a_compound_is_not(extract_text):
    found = mentions(extract_text, "Chevron ramped up production at the Tengiz field. Smith field-tested the rifle.")
    assert found.get("Tengiz") == "LOC" and found.get("Smith") == "PERSON"


# ---------------------------------------------------------------- air war over Ukraine


def test_a_name_after_a_post_on_x_keeps_no_letter(extract_text):
    found = mentions(extract_text, "\"Russia chooses ballistics instead of the negotiating table,\" he wrote on X. "
                                   "European Commission President Ursula von der Leyen said the bloc would not bow.")
    assert found.get("European Commission") == "ORG" and not any(t.startswith("X.") for t in found)


def test_an_initial_after_on_is_kept(extract_text):
    found = mentions(extract_text, "The report was based on J. Edgar Hoover Building records.")
    assert any(t.startswith("J. Edgar") for t in found)


def test_a_refinery_named_like_a_person_is_a_facility(extract_text):
    found = mentions(extract_text, "On Wednesday, drones hit the Afipsky refinery in Russia's Krasnodar region.")
    assert found.get("Afipsky") == "FACILITY"


def test_a_law_opened_by_a_title_word_stays_a_law(extract_text):
    found = mentions(extract_text, "The fines were imposed under the European Union's General Data Protection "
                                   "Regulation.")
    assert found.get("General Data Protection Regulation") == "LAW"
    assert "PERSON" not in found.values()


def test_the_destination_of_a_voyage_is_a_place(extract_text):
    found = mentions(extract_text, "The ships sailed to Kota Kinabalu in Sabah on Monday.")
    assert found.get("Kota Kinabalu") == "GPE"


def test_a_person_written_to_or_a_house_flown_to_stays_a_person(extract_text):
    found = mentions(extract_text, "She wrote to John Smith and flew to Jane Doe's house.")
    assert found.get("John Smith") == "PERSON" and found.get("Jane Doe's") == "PERSON"


def test_an_institute_the_model_read_as_a_building_is_an_organisation(extract_text):
    found = mentions(extract_text, "Analysts at the ISEAS-Yusof Ishak Institute in Singapore said the patrol was "
                                   "small but symbolic.")
    assert found.get("the ISEAS-Yusof Ishak Institute") == "ORG"


def test_a_plural_noun_opening_a_sentence_is_no_person(extract_text):
    found = mentions(extract_text, "Missiles struck near the Kyiv Museum of History on Thursday.")
    assert "Missiles" not in found and found.get("the Kyiv Museum of History") == "ORG"


def test_a_group_opening_a_sentence_and_named_again_stays(extract_text):
    found = mentions(extract_text, "Democrats won the vote in Ohio. Officials said Democrats would keep the seat.")
    assert "Democrats" in found


def test_a_name_ending_in_s_before_a_noun_stays(extract_text):
    found = mentions(extract_text, "The front won seats in Mashhad. Rajanews website is its online mouthpiece.")
    assert "Rajanews" in found


def test_a_company_qualified_by_a_demonym_does_not_stand_for_the_country(extract_text):
    found = relation_texts(extract_text, "The Finnish company, which runs ferries between Helsinki, Tallinn and "
                                         "Stockholm, said the attackers had entered its booking system.",
                           every_kind=True)
    assert not any(source in {"Finnish", "Finland"} for source, _, _ in found)


def test_a_navy_qualified_by_a_demonym_still_stands_for_the_country(extract_text):
    found = relation_texts(extract_text, "The Finnish navy sent two ships to Porvoo on Monday.", every_kind=True)
    assert any(source == "Finnish" for source, _, _ in found)


# ---------------------------------------------------------------- AUKUS


def test_an_acronym_before_a_pact_noun_is_a_law(extract_text):
    found = mentions(extract_text, "Canberra will buy submarines under the AUKUS security pact, officials said.")
    assert found.get("AUKUS") == "LAW"
    found = mentions(extract_text, "The NATO summit opened in The Hague on Tuesday.")
    assert found.get("NATO") == "ORG"


def test_a_shore_base_named_like_a_ship_is_a_facility(extract_text):
    found = mentions(extract_text, "The USS Minnesota arrived at HMAS Stirling naval base near Perth on Wednesday.")
    assert found.get("HMAS Stirling") == "FACILITY" and found.get("USS Minnesota") == "SHIP"


def test_barrow_in_furness_is_one_place(extract_text):
    found = mentions(extract_text, "The first British boat is due at the yard in Barrow-in-Furness in the 2030s.")
    assert found.get("Barrow-in-Furness") == "GPE"


def test_a_makers_short_name_joins_its_full_name(extract_text):
    found = entities(extract_text, "BAE Systems designed the boat. The first British boat is due at BAE's yard in "
                                   "Barrow-in-Furness.", "Lockheed Martin won the order. Lockheed said deliveries "
                                                         "would start in 2027.")
    assert holding(found, "BAE") == ["BAE Systems"] and holding(found, "Lockheed") == ["Lockheed Martin"]


def test_a_makers_short_name_alone_stays_itself(extract_text):
    found = entities(extract_text, "Lockheed said deliveries would start in 2027.")
    assert holding(found, "Lockheed") == ["Lockheed"]
