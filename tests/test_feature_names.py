"""kg_feature_names: geographic feature names set as one LOC entity, never cutting a longer name the model found."""

from __future__ import annotations

import pytest

from kg.nlp import FEATURE_NAMES, FeatureNames, _load_json, data_path


def ents(extractor, text: str) -> list[tuple[str, str]]:
    """(text, label) of each entity the full pipeline finds, leading 'the' dropped for comparison."""
    return [(e.text.removeprefix("the ").removeprefix("The "), e.label_) for e in extractor.nlp(text).ents]


@pytest.mark.parametrize(("text", "name"), [
    ("The ferry crossed the English Channel on Tuesday.", "English Channel"),
    ("Tankers pass through the Persian Gulf every day.", "Persian Gulf"),
    ("Tankers pass the Strait of Hormuz every day.", "Strait of Hormuz"),
    ("China claims most of the South China Sea.", "South China Sea"),
    ("Lake Baikal is the deepest lake in the world.", "Lake Baikal"),
    ("Climbers reached the top of Mount Fuji.", "Mount Fuji"),
    ("A destroyer sailed through the Taiwan Strait.", "Taiwan Strait"),
    ("Russia's fleet in the Black Sea was attacked.", "Black Sea"),
    ("Pirates operate in the Gulf of Aden.", "Gulf of Aden"),
    ("The Sea of Japan lies between Japan and Korea.", "Sea of Japan"),
    ("Tensions on the Korean Peninsula rose.", "Korean Peninsula"),
    ("The Boso Peninsula faces the ocean.", "Boso Peninsula"),
    ("He sailed along the Iberian Peninsula coast.", "Iberian Peninsula"),
])
def test_feature_name_is_one_loc_entity(extractor, text, name):
    assert (name, "LOC") in ents(extractor, text)


def test_split_pieces_are_replaced_not_kept(extractor):
    found = ents(extractor, "The ferry crossed the English Channel on Tuesday.")
    assert ("English", "LANGUAGE") not in found and ("Channel", "ORG") not in found
    assert ("Tuesday", "DATE") in found


def test_demonym_before_a_two_word_name_is_left_out(extractor):
    found = ents(extractor, "Lampedusa is the largest island of the Italian Pelagie Islands.")
    assert ("Pelagie Islands", "LOC") in found
    assert not any(text.startswith("Italian ") for text, _ in found)


@pytest.mark.parametrize(("text", "name", "label"), [
    ("The Tampa Bay Buccaneers won the game on Sunday.", "Tampa Bay Buccaneers", "ORG"),
    ("Salt Lake City is the capital of Utah.", "Salt Lake City", "GPE"),
    ("Michael Bay directed the film.", "Michael Bay", "PERSON"),
    ("Anthony Lake advised the president.", "Anthony Lake", "PERSON"),
    ("Rhode Island passed the bill.", "Rhode Island", "GPE"),
])
def test_a_longer_or_other_name_holding_a_feature_word_is_not_cut_or_retyped(extractor, text, name, label):
    assert (name, label) in ents(extractor, text)


def test_black_sea_fleet_is_not_cut_to_the_sea(extractor):
    """A capitalised name word right after the feature name continues it: no 'Black Sea' LOC is set."""
    doc = extractor.nlp("The Black Sea Fleet sailed from Sevastopol.")
    assert not any(e.text.endswith("Black Sea") and e.label_ == "LOC" for e in doc.ents)


@pytest.mark.parametrize("text", [
    "River levels rose after the storm.",
    "Lake said the plan would work.",
    "Strong Channel currents slowed the ferry.",
    "Rough Gulf waters delayed the tanker.",
])
def test_capitalised_common_words_are_not_feature_names(extractor, text):
    assert not [e for e in extractor.nlp(text).ents if e.label_ == "LOC" and len(e) > 1]


def test_the_shapes_come_from_the_data_file(extractor):
    """Without 'Channel' among the suffix heads, the English Channel is not joined: the table drives the matcher."""
    table = _load_json(data_path(FEATURE_NAMES))
    table["suffix_heads"]["words"] = [w for w in table["suffix_heads"]["words"] if w != "Channel"]
    component = FeatureNames(extractor.nlp, table)
    doc = extractor.nlp.make_doc("The ferry crossed the English Channel on Tuesday.")
    for _, proc in extractor.nlp.pipeline:
        if proc is not extractor.nlp.get_pipe("kg_feature_names"):
            doc = proc(doc)
    assert "English Channel" not in {e.text for e in component(doc).ents}
    assert "English Channel" in {e.text for e in extractor.nlp.get_pipe("kg_feature_names")(doc).ents}


def test_feature_names_become_loc_mentions(extract_text):
    """End to end through the map stage: one LOC mention per feature name, none for its pieces."""
    result = extract_text("The ferry crossed the English Channel. Pirates operate in the Gulf of Aden.")
    found = {(m.text.removeprefix("the "), m.type) for m in result.mentions}
    assert ("English Channel", "LOC") in found and ("Gulf of Aden", "LOC") in found
    assert not any(m.text in {"English", "Channel"} for m in result.mentions)


@pytest.mark.parametrize(("text", "name", "model_label"), [
    ("Fishermen were rescued in Galway Bay yesterday.", "Galway Bay", "FAC"),
    ("Migrants crossed the English Channel in small boats.", "English Channel", "ORG"),
    ("A ferry sank in the Bristol Channel.", "Bristol Channel", "ORG"),
    ("The cable runs under the English Channel to France.", "English Channel", "ORG"),
])
def test_model_name_mistyped_as_a_structure_or_an_organisation_is_retyped_loc(extractor, text, name, model_label):
    """The model's own span, typed FAC (a bay is no building) or ORG after a word of place or passage, becomes LOC."""
    bare = extractor.nlp.make_doc(text)
    for proc_name, proc in extractor.nlp.pipeline:
        if proc_name in {"kg_feature_names", "kg_ship_names"}:
            break
        bare = proc(bare)
    assert any(e.text.endswith(name) and e.label_ == model_label for e in bare.ents)
    assert (name, "LOC") in ents(extractor, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Viewers watched the show on the Disney Channel.", "Disney Channel"),
    ("The film aired on the History Channel.", "History Channel"),
])
def test_a_channel_the_model_calls_an_organisation_stays_one_without_a_place_word(extractor, text, name):
    assert (name, "ORG") in ents(extractor, text)
