"""Resolution rules of session 5 round 2, on small hand-made DocResults (no spaCy): merges and refusals."""

from __future__ import annotations

from kg.resolve import resolve
from tests.test_resolve import doc, node_of


def test_law_named_with_a_country_variant_is_one_node():
    text = "The United States Constitution was signed in 1787. The U.S. Constitution and the US Constitution endure."
    r = doc("a.txt", text, ("United States Constitution", "LAW"), ("U.S. Constitution", "LAW"),
            ("US Constitution", "LAW"))
    law = node_of(resolve([r]).entities, "U.S. Constitution")
    assert law.label == "United States Constitution" and law.mentions == 3 and law.type == "LAW"


def test_country_variant_key_keeps_other_countries_and_demonyms_apart():
    text = ("The U.S. Constitution differs from the Mexico Constitution. The American Revolution and "
            "the U.S. Revolution; the British Museum and the UK Museum; America's Cup in the United States.")
    r = doc("a.txt", text, ("U.S. Constitution", "LAW"), ("Mexico Constitution", "LAW"),
            ("American Revolution", "EVENT"), ("U.S. Revolution", "EVENT"), ("British Museum", "FACILITY"),
            ("UK Museum", "FACILITY"), ("America's Cup", "EVENT"), ("United States", "GPE"))
    entities = resolve([r]).entities
    assert node_of(entities, "U.S. Constitution") is not node_of(entities, "Mexico Constitution")
    assert node_of(entities, "American Revolution") is not node_of(entities, "U.S. Revolution")
    assert node_of(entities, "British Museum") is not node_of(entities, "UK Museum")
    assert node_of(entities, "America's Cup") is not node_of(entities, "United States")
    assert node_of(entities, "America's Cup").type == "EVENT"


def test_name_with_initials_joins_the_full_name_spelling_them_out():
    text = "John Henry Dearle designed it. J. H. Dearle later ran the firm, and William H. Armstrong met William " \
           "Hepburn Armstrong's heirs."
    r = doc("a.txt", text, ("John Henry Dearle", "PERSON"), ("J. H. Dearle", "PERSON"),
            ("William H. Armstrong", "PERSON"), ("William Hepburn Armstrong", "PERSON"))
    entities = resolve([r]).entities
    assert node_of(entities, "J. H. Dearle").label == "John Henry Dearle"
    assert node_of(entities, "William H. Armstrong").label == "William Hepburn Armstrong"
    assert any("initials" in why for why in node_of(entities, "J. H. Dearle").merges)


def test_initials_matching_two_full_names_or_another_surname_join_none():
    text = "John Smith and Jane Smith arrived. J. Smith spoke. J. H. Brown met John Henry Black."
    r = doc("a.txt", text, ("John Smith", "PERSON"), ("Jane Smith", "PERSON"), ("J. Smith", "PERSON"),
            ("J. H. Brown", "PERSON"), ("John Henry Black", "PERSON"))
    labels = sorted(e.label for e in resolve([r]).entities)
    assert labels == ["J. H. Brown", "J. Smith", "Jane Smith", "John Henry Black", "John Smith"]


def test_acronym_in_brackets_counts_a_leading_the():
    text = "TMF (The Music Factory) was a channel. TMF closed in 2009."
    r = doc("a.txt", text, ("TMF", "ORG"), ("The Music Factory", "ORG", {"name": "Music Factory"}), ("TMF", "ORG"))
    entities = resolve([r]).entities
    assert len(entities) == 1 and entities[0].label == "Music Factory" and entities[0].mentions == 3


def test_acronym_of_the_name_after_of_is_not_the_whole_name():
    text = "He played for the Kansas City Chiefs of the National Football League (NFL) until 2007."
    a = doc("a.txt", text, ("Kansas City Chiefs of the National Football League", "ORG"), ("NFL", "ORG"))
    b = doc("b.txt", "The NFL fined the club.", ("NFL", "ORG"))
    entities = resolve([a, b]).entities
    assert node_of(entities, "NFL") is not node_of(entities, "Kansas City Chiefs of the National Football League")
    text = "The Cy Becker Neighbourhood Structure Plan (NSP) was approved. The NSP sets out roads."
    c = doc("c.txt", text, ("Cy Becker Neighbourhood Structure Plan", "LAW"), ("NSP", "ORG"), ("NSP", "ORG"))
    assert node_of(resolve([c]).entities, "NSP").label == "Cy Becker Neighbourhood Structure Plan"


def test_surname_before_a_person_things_are_named_after_stays_apart():
    text = "Brigden is a community in Ontario. Brigden has 500 people. It is named after William Wharton Brigden."
    r = doc("a.txt", text, ("Brigden", "PERSON"), ("Ontario", "GPE"), ("Brigden", "PERSON"),
            ("William Wharton Brigden", "PERSON"))
    entities = resolve([r]).entities
    assert node_of(entities, "Brigden") is not node_of(entities, "William Wharton Brigden")
    assert node_of(entities, "Brigden").mentions == 2


def test_surname_still_joins_without_a_naming_cue_or_after_the_full_name():
    text = "Abe visits Washington. Prime Minister Shinzo Abe met the president."
    r = doc("a.txt", text, ("Abe", "PERSON"), ("Washington", "GPE"), ("Shinzo Abe", "PERSON"))
    assert node_of(resolve([r]).entities, "Abe").label == "Shinzo Abe"
    text = "The prize is named after Alfred Nobel. Nobel was a chemist."
    r = doc("b.txt", text, ("Alfred Nobel", "PERSON"), ("Nobel", "PERSON"))
    assert node_of(resolve([r]).entities, "Nobel").label == "Alfred Nobel"


def test_short_org_name_joins_once_the_longer_forms_are_one_group():
    text = ("US Airways Group Inc. is based in Tempe. US Airways Group owns US Airways. Later US Airways Group merged "
            "and US Airways flew on.")
    r = doc("a.txt", text, ("US Airways Group Inc.", "ORG"), ("US Airways Group", "ORG"), ("US Airways", "ORG"),
            ("US Airways Group", "ORG"), ("US Airways", "ORG"))
    entities = resolve([r]).entities
    assert len(entities) == 1 and entities[0].mentions == 5


def test_short_org_name_with_two_longer_organisations_joins_neither():
    text = "Harvard University and Harvard College differ, Harvard said."
    r = doc("a.txt", text, ("Harvard University", "ORG"), ("Harvard College", "ORG"), ("Harvard", "ORG"))
    assert sorted(e.label for e in resolve([r]).entities) == ["Harvard", "Harvard College", "Harvard University"]
