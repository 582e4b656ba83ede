"""Mention typing from context on small sentences, with the real spaCy pipeline (session `extract_text`)."""

from __future__ import annotations

import pytest

from kg.schema import SAME_NAME


def by_text(result, text):
    hits = [m for m in result.mentions if m.text == text or m.name == text]
    assert hits, (text, [(m.text, m.type) for m in result.mentions])
    return hits[0]


def test_ship_noun_before_a_name_makes_it_a_ship(extract_text):
    r = extract_text("The helicopter carrier Hyuga left port on Monday with two escorts.")
    m = by_text(r, "Hyuga")
    assert m.type == "SHIP" and "ship noun" in m.cue


def test_hull_prefix_is_a_ship_and_stripped_from_the_name(extract_text):
    r = extract_text("The destroyer HMS Daring arrived in Portsmouth on Friday.")
    m = by_text(r, "HMS Daring")
    assert m.type == "SHIP" and m.name == "Daring"


def test_ship_apposition(extract_text):
    r = extract_text("Sailors boarded the Mary Sears, a U.S. Navy survey ship, in the afternoon.")
    assert by_text(r, "Mary Sears").type == "SHIP"


def test_organisation_before_a_ship_noun_is_not_a_ship(extract_text):
    r = extract_text("The Royal Navy helicopter carrier Ocean left Plymouth, joined by a Royal Navy supply ship.")
    assert all(m.type != "SHIP" for m in r.mentions if "Navy" in m.text)


def test_title_is_stripped_and_kept(extract_text):
    r = extract_text("Foreign Minister Taro Kono met reporters in Tokyo on Tuesday.")
    m = by_text(r, "Taro Kono")
    assert m.type == "PERSON" and m.name == "Taro Kono" and m.title == "Foreign Minister"
    assert not any(x.text in {"Foreign", "Foreign Minister"} for x in r.mentions)


def test_demonym_is_a_flagged_mention_of_its_country(extract_text):
    r = extract_text("German officials said the talks would continue in Berlin next week.")
    m = by_text(r, "German")
    assert m.demonym and m.type == "GPE"


def test_hyphenated_country_compound_becomes_two_country_mentions(extract_text):
    r = extract_text("The U.S.-Japan alliance was discussed at length by officials on Monday.")
    texts = {m.text for m in r.mentions}
    assert "U.S.-Japan" not in texts and {"U.S.", "Japan"} <= texts


def test_armed_service_of_a_country_is_an_org(extract_text):
    r = extract_text("Ammunition was provided to the U.S. military in the region.")
    assert by_text(r, "U.S. military").type == "ORG"


def test_designators_and_weapons(extract_text):
    r = extract_text("Two F-35s escorted B-52 bombers while a destroyer fired SM-3 and Tomahawk missiles.")
    assert by_text(r, "F-35").type == "AIRCRAFT"
    assert by_text(r, "B-52").type == "AIRCRAFT"
    assert by_text(r, "SM-3").type == "WEAPON"
    assert by_text(r, "Tomahawk").type == "WEAPON"


def test_laws_and_facilities(extract_text):
    r = extract_text("The Patriot Act was debated near Kadena Air Base after the Treaty of Paris anniversary.")
    assert by_text(r, "Patriot Act").type == "LAW"
    assert by_text(r, "Kadena Air Base").type == "FACILITY"
    assert by_text(r, "Treaty of Paris").type == "LAW"


def test_capital_as_actor_is_a_metonym_but_not_as_a_place(extract_text):
    r = extract_text("Beijing rejected the proposal. Officials met in Beijing later that day.")
    first, second = [m for m in r.mentions if m.text == "Beijing"]
    assert first.metonym and not second.metonym


def test_surname_the_model_calls_an_org_is_the_person(extract_text):
    r = extract_text("Singer Ayumi Hamasaki released a new album. The album by Hamasaki sold well.")
    short = [m for m in r.mentions if m.text == "Hamasaki"]
    assert short and all(m.type == "PERSON" for m in short)


def test_surname_after_a_place_preposition_stays_a_place(extract_text):
    r = extract_text("Margaret Smith moved to Smith in 1990.")
    assert by_text(r, "Smith").type != "PERSON"


def test_non_node_label_typed_by_the_noun_after_it(extract_text):
    r = extract_text("The company unveiled the Cessna Citation jet. Engineers fired the Kalashnikov rifle.")
    assert by_text(r, "Citation").type == "AIRCRAFT"
    assert by_text(r, "Kalashnikov").type == "WEAPON"


def test_non_node_label_typed_by_the_same_name_in_the_document(extract_text):
    r = extract_text("The chess champion Paul Morphy toured Europe. Critics praised Morphy for his speed.")
    assert by_text(r, "Morphy").type == "PERSON"


def test_work_of_art_without_type_context_is_not_a_node(extract_text):
    r = extract_text("The band performed at the Glastonbury Festival and released the album Thriller.")
    assert "Thriller" not in {m.text for m in r.mentions}


def test_event_and_law_head_words_type_a_work_title(extractor):
    from spacy.tokens import Span

    from kg.mentions import context_type

    doc = extractor.nlp("He wrote about the Siege of Leningrad, the Gleneagles Agreement and the Blue Album.")
    words = [t.text for t in doc]
    siege = Span(doc, words.index("Siege"), words.index("Leningrad") + 1, label="WORK_OF_ART")
    agreement = Span(doc, words.index("Gleneagles"), words.index("Agreement") + 1, label="WORK_OF_ART")
    album = Span(doc, words.index("Blue"), words.index("Album") + 1, label="WORK_OF_ART")
    assert context_type(siege)[0] == "EVENT"
    assert context_type(agreement)[0] == "LAW"
    assert context_type(album) == ("", "")


def test_capital_after_a_relation_noun_is_a_metonym_but_not_after_a_travel_noun(extract_text):
    talks = extract_text("Talks with Beijing resumed on Monday.")
    assert by_text(talks, "Beijing").metonym
    trip = extract_text("The airline added flights to Paris and a rail link between Paris and Brussels.")
    assert not any(m.metonym for m in trip.mentions)


def test_no_mention_crosses_a_line_break(extract_text):
    text = ("Royal Navy frigate shadows Russian warships through English Channel\n\n"
            "LONDON -- The frigate HMS Richmond escorted two corvettes on Tuesday.\n"
            "Officials in\nParis said nothing.")
    result = extract_text(text)
    assert result.mentions, "the model found no entity at all"
    for m in result.mentions:
        assert "\n" not in m.text, m
        assert text[m.start : m.end] == m.text
    assert any(m.text == "English Channel" for m in result.mentions), [m.text for m in result.mentions]


def test_religious_and_political_groups_are_org_mentions(extract_text):
    r = extract_text("Kurdish fighters and Shiite militias clashed with Sunni tribes, while Christians fled the city.")
    for text in ("Kurdish", "Shiite", "Sunni", "Christians"):
        m = by_text(r, text)
        assert m.type == "ORG" and "group of people" in m.cue and not m.demonym
    r = extract_text("Republicans and Democrats in Congress argued over the budget on Monday.")
    assert by_text(r, "Republicans").type == "ORG" and by_text(r, "Democrats").type == "ORG"


def test_country_demonym_is_not_made_a_group(extract_text):
    r = extract_text("German officials met Christian Wulff in Berlin on Monday.")
    assert by_text(r, "German").demonym and by_text(r, "German").type == "GPE"
    assert by_text(r, "Christian Wulff").type == "PERSON"
    assert not any("group of people" in m.cue for m in r.mentions)


def test_plural_proper_noun_labelled_norp_is_a_group(extract_text):
    r = extract_text("The Puritans and the Quakers settled in the colony in the seventeenth century.")
    m = by_text(r, "Puritans")
    assert m.type == "ORG" and "plural proper noun" in m.cue


def test_a_name_found_once_is_found_where_the_model_missed_it(extract_text):
    # 'Creek' is not a kg_feature_names head, so the model alone misses the first mention.
    r = extract_text("The Link Creek is a short creek connecting two lakes. Before settlers came, the Link Creek was "
                     "known to the locals by another name.")
    repeats = [m for m in r.mentions if m.source == SAME_NAME and m.name == "Link Creek"]
    assert repeats and repeats[0].type == "LOC" and repeats[0].start == 4


def test_surname_of_a_full_name_is_found_again(extract_text):
    r = extract_text("Pedro Matos arrived in Lisbon. Young people cheered as Matos spoke.")
    m = by_text(r, "Matos")
    assert m.type == "PERSON" and "same name" in m.cue
    assert not any(x.text == "Young" for x in r.mentions)


def test_repeated_name_inside_a_longer_name_is_not_taken(extract_text):
    r = extract_text("Mark Yates spoke on Monday. Yates Street is closed. Mark Young spoke. Young voters left.")
    assert not any(m.text in {"Yates", "Young"} for m in r.mentions)


@pytest.mark.parametrize(("text", "ship"), [
    ("The Russian frigate Admiral Grigorovich entered the strait.", "Admiral Grigorovich"),
    ("The aircraft carrier Admiral Kuznetsov returned to port.", "Admiral Kuznetsov"),
    ("The British submarine sank the cruiser General Belgrano in 1982.", "General Belgrano"),
    ("The Brazilian frigate Almirante Tamandaré was launched.", "Almirante Tamandaré"),
    ("The cruiser Marshal Ustinov left Severomorsk.", "Marshal Ustinov"),
])
def test_ship_noun_makes_the_whole_following_name_a_ship(extract_text, text, ship):
    """A title word opening a ship's name stays in it: one SHIP, no PERSON piece of it."""
    r = extract_text(text)
    m = by_text(r, ship)
    assert m.type == "SHIP" and m.name == ship
    words = set(ship.split())
    assert not [x for x in r.mentions if x.type == "PERSON" and set(x.name.split()) & words]


@pytest.mark.parametrize(("text", "person"), [
    ("The destroyer escorted Admiral John Smith's flagship.", "John Smith"),
    ("The destroyer Admiral John Smith commanded sank in 1942.", "John Smith"),
])
def test_a_person_after_or_near_a_ship_noun_is_not_made_a_ship(extract_text, text, person):
    r = extract_text(text)
    assert by_text(r, person).type == "PERSON"
    assert not [m for m in r.mentions if m.type == "SHIP" and person in m.name]


def test_country_after_a_ship_noun_stays_the_country(extract_text):
    r = extract_text("The navy seized the tanker Saudi Arabia chartered.")
    assert by_text(r, "Saudi Arabia").type == "GPE"


def test_country_possessive_before_an_organisation_is_its_qualifier(extract_text):
    r = extract_text("Officials at Germany's Health Ministry said the Health Ministry would act.")
    marked = [m for m in r.mentions if m.name == "Health Ministry"]
    assert [m.qualifier for m in marked] == ["Germany", ""]


def test_a_name_never_ends_in_an_amount(extractor):
    doc = extractor.nlp("The European Commission fined Apple 1.8 billion euros on Monday. Boeing 747 jets landed.")
    names = {e.text for e in doc.ents}
    assert "Apple" in names and not any("billion" in n and n != "1.8 billion euros" for n in names)
    cut = next(e for e in doc.ents if e.text == "Apple")
    assert cut.label_ == "ORG"
    untouched = extractor.nlp("Tesla lost $2 billion last year.")
    assert [(e.text, e.label_) for e in untouched.ents if e.label_ == "MONEY"] == [("$2 billion", "MONEY")]


def test_a_mention_needs_a_word_besides_a_determiner():
    from kg.mentions import has_name

    assert has_name("F-16") and has_name("على") and has_name("The Hague")
    assert not has_name("the '") and not has_name("'") and not has_name("The")


def test_a_name_stopped_at_and_is_joined_with_the_name_after_it(extractor):
    doc = extractor.nlp("New jets for the French Air and Space Force arrived.")
    assert "the French Air and Space Force" in {e.text for e in doc.ents}
    assert not any(e.text.endswith((" and", " of")) for e in doc.ents)
    whole = extractor.nlp("Ministry of Foreign Affairs and Trade officials met.")
    assert [e.text for e in whole.ents if e.label_ == "ORG"] == ["Ministry of Foreign Affairs and Trade"]


def test_an_all_lower_case_span_is_no_name(extract_text):
    from kg.mentions import has_name

    assert not has_name("width") and not has_name("the university medical clinic")
    assert has_name("bdnews24.com") and has_name("北京") and has_name("eBay")
    r = extract_text("The leaves are 3 cm in width and the plant grows near Berlin.")
    assert all(m.text != "width" for m in r.mentions)
