"""Mentions of session 5 round 2 with the real pipeline: place demonyms (kg/data/places.json), places labelled NORP,
full names typed ORG."""

from __future__ import annotations

from kg import lexicon
from kg.resolve import resolve


def by_text(result, text):
    hits = [m for m in result.mentions if m.text == text]
    assert hits, (text, [(m.text, m.type) for m in result.mentions])
    return hits[0]


def entity_of(result, text):
    """The entity the first mention written `text` belongs to, after resolution of this one document."""
    res = resolve([result])
    index = next(i for i, m in enumerate(result.mentions) if m.text == text)
    return res.by_id()[res.mention_entity[result.doc][index]]


def test_state_and_city_demonyms_are_hidden_mentions_of_the_place(extract_text):
    r = extract_text("Texan oil workers and Venetian glassmakers met Sicilian farmers in Venice on Monday.")
    for text, place in (("Texan", "Texas"), ("Venetian", "Venice"), ("Sicilian", "Sicily")):
        m = by_text(r, text)
        assert m.demonym and m.type == "GPE", (text, m)
        entity = entity_of(r, text)
        assert entity.label == place and text not in entity.aliases
    assert entity_of(r, "Venetian").id == entity_of(r, "Venice").id
    assert entity_of(r, "Venice").aliases == ["Venice"]


def test_historic_state_demonym_is_its_empire(extract_text):
    r = extract_text("The Ottoman army besieged the Byzantine capital for weeks before the walls fell.")
    assert entity_of(r, "Ottoman").label == "Ottoman Empire" and entity_of(r, "Ottoman").type == "GPE"
    assert entity_of(r, "Byzantine").label == "Byzantine Empire"


def test_region_demonym_takes_the_region_type(extract_text):
    r = extract_text("Scandinavian leaders met in Oslo on Monday to discuss energy prices.")
    m = by_text(r, "Scandinavian")
    assert m.demonym and m.type == "LOC" and entity_of(r, "Scandinavian").label == "Scandinavia"


def test_ambiguous_demonyms_are_no_mentions(extract_text):
    r = extract_text("Korean and Roman traditions differ, the professor said in a lecture on Tuesday.")
    assert not any(m.text in {"Korean", "Roman"} for m in r.mentions), [(m.text, m.type) for m in r.mentions]


def test_team_named_like_a_demonym_is_not_the_state(extract_text):
    r = extract_text("The Texans beat the Colts 24-17 in Houston on Sunday.")
    assert all(not m.demonym for m in r.mentions if m.text == "Texans")
    assert not any(e.label == "Texas" for e in resolve([r]).entities)


def test_country_demonym_and_group_word_keep_their_tables(extract_text):
    r = extract_text("German officials met Tibetan monks and Bavarian farmers in Munich on Monday.")
    assert entity_of(r, "German").label == "Germany"
    assert entity_of(r, "Bavarian").label == "Bavaria"
    tibetan = by_text(r, "Tibetan")
    assert tibetan.type == "ORG" and not tibetan.demonym and entity_of(r, "Tibetan").label == "Tibetans"


def test_places_table_forms_are_not_claimed_by_other_tables():
    """Every form of places.json is read from there: none is a country's demonym or variant, or a group word."""
    table = lexicon.countries()
    for row in lexicon.load_json("places.json")["places"]:
        assert row["type"] in {"GPE", "LOC"} and row["demonyms"], row
        for form in row["demonyms"]:
            assert table.any(form) is None and lexicon.group(form) is None, form
            assert lexicon.place_demonym(form).name == row["name"]
    assert lexicon.place_demonym("Roman") is None and lexicon.place_demonym("Korean") is None


def test_place_the_model_labels_norp_is_kept_on_a_place_cue(extract_text):
    r = extract_text("Gujranwala is a city in Punjab, Pakistan. It lies in north-east Punjab province.")
    punjab = [m for m in r.mentions if m.text == "Punjab"]
    assert len(punjab) == 2 and all(m.label == "NORP" and m.type == "GPE" and not m.demonym for m in punjab)
    assert "Pakistan" in punjab[0].cue and "province" in punjab[1].cue
    r = extract_text("The farm lies a mile to the east of Pelutho, near the coast.")
    assert by_text(r, "Pelutho").type == "GPE" and "of" in by_text(r, "Pelutho").cue


def test_norp_adjective_language_or_group_is_not_made_a_place(extract_text):
    r = extract_text("The hymn was sung in Latin near Sindarin villages, and western Baroque music followed.")
    assert not r.mentions, [(m.text, m.type, m.label) for m in r.mentions]
    r = extract_text("Thranduil and his son Legolas were Sindarin Elves who ruled over a Silvan people.")
    assert not any(m.text == "Sindarin" for m in r.mentions)
    r = extract_text("Most Yazidi families near Sinjar fled to northern Kurdish towns in August.")
    assert by_text(r, "Kurdish").type == "ORG" and "group of people" in by_text(r, "Kurdish").cue


def test_full_name_typed_org_is_the_person_its_surname_names(extract_text):
    r = extract_text("Fyodor Davydovich Kulakov was a Soviet official. Kulakov was born in Kursk. In 1960 Kulakov "
                     "moved to Stavropol.")
    full = by_text(r, "Fyodor Davydovich Kulakov")
    assert full.label == "ORG" and full.type == "PERSON" and "Kulakov" in full.cue
    entity = entity_of(r, "Kulakov")
    assert entity.label == "Fyodor Davydovich Kulakov" and entity.type == "PERSON" and entity.mentions == 3


def test_org_with_an_organisation_word_or_a_person_full_name_stays_org():
    from kg.mentions import full_names_as_people
    from kg.schema import Mention

    def m(text: str, kind: str) -> Mention:
        return Mention(start=0, end=len(text), text=text, type=kind, sent=0, name=text)

    found = [m("Sachs Capital Group", "ORG"), m("Sachs", "PERSON"), m("Sachs", "PERSON"),
             m("Anna Petrova", "ORG"), m("Ivan Petrova", "PERSON"), m("Petrova", "PERSON"), m("Petrova", "PERSON"),
             m("Maria Lopez", "ORG"), m("Lopez", "PERSON"), m("Lopez", "GPE"),
             m("British Vauxhalls", "ORG"), m("Vauxhalls", "PERSON")]
    full_names_as_people(found)
    kept = {"Sachs Capital Group", "Anna Petrova", "Maria Lopez", "British Vauxhalls"}
    assert [x.type for x in found if x.text in kept] == ["ORG"] * 4
    found[9] = m("Lopez", "PERSON")  # the surname is now only ever a person's: one use is enough
    full_names_as_people(found)
    assert found[7].type == "PERSON"


def test_place_demonym_the_model_labels_gpe_or_org_is_still_the_place(extract_text):
    r = extract_text("Byzantine icons and a Florentine altarpiece complete the show, which travels to Milan in the "
                     "spring.")
    florentine = by_text(r, "Florentine")
    assert florentine.label != "NORP" and florentine.demonym and entity_of(r, "Florentine").label == "Florence"
    r = extract_text("Punjabi farmers blocked highways into New Delhi on Friday. Kashmiri traders said curfews had "
                     "closed markets in Srinagar for a third day.")
    kashmiri = by_text(r, "Kashmiri")
    assert kashmiri.label != "NORP" and kashmiri.demonym and entity_of(r, "Kashmiri").label == "Kashmir"


def test_place_written_like_its_demonym_stays_a_shown_name_unless_labelled_norp(extract_text):
    r = extract_text("Hurricane season in the Caribbean begins in June, officials in Miami said.")
    place = by_text(r, "Caribbean")
    assert place.label == "LOC" and not place.demonym and "Caribbean" in entity_of(r, "Caribbean").aliases
    r = extract_text("Caribbean leaders met in Miami on Monday.")
    assert by_text(r, "Caribbean").label == "NORP" and by_text(r, "Caribbean").demonym
