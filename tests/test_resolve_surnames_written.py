"""Surnames written as more than one word, laws described in lower case, short names of aircraft."""

from __future__ import annotations

from kg.resolve import resolve
from tests.test_resolve import doc, node_of


def test_surname_after_two_particles_joins_the_full_name():
    text = "Ursula von der Leyen spoke. Von der Leyen left."
    r = doc("a.txt", text, ("Ursula von der Leyen", "PERSON"), ("Von der Leyen", "PERSON"))
    assert node_of(resolve([r]).entities, "Von der Leyen").label == "Ursula von der Leyen"


def test_hyphenated_surname_joins_the_full_name():
    text = "Netumbo Nandi-Ndaitwah won. Nandi-Ndaitwah, 72, takes office in March."
    r = doc("a.txt", text, ("Netumbo Nandi-Ndaitwah", "PERSON"), ("Nandi-Ndaitwah", "PERSON"))
    assert node_of(resolve([r]).entities, "Nandi-Ndaitwah").label == "Netumbo Nandi-Ndaitwah"


def test_two_word_name_that_is_no_surname_stays_apart():
    """'Van Dijk' is one surname; 'Lucia Gomez' is a given name and a surname, not part of 'Rafael Gomez'."""
    text = "Rafael Gomez led. Lucia Gomez followed."
    r = doc("a.txt", text, ("Rafael Gomez", "PERSON"), ("Lucia Gomez", "PERSON"))
    entities = resolve([r]).entities
    assert node_of(entities, "Lucia Gomez") is not node_of(entities, "Rafael Gomez")


def test_hyphenated_surname_shared_by_two_people_joins_neither():
    """Neither is clearly the subject: Anna is named first, Mark more often."""
    text = "Anna Smith-Jones met Mark Smith-Jones. Mark Smith-Jones smiled. Smith-Jones left."
    r = doc("a.txt", text, ("Anna Smith-Jones", "PERSON"), ("Mark Smith-Jones", "PERSON"),
            ("Mark Smith-Jones", "PERSON"), ("Smith-Jones", "PERSON"))
    assert sorted(e.label for e in resolve([r]).entities) == ["Anna Smith-Jones", "Mark Smith-Jones", "Smith-Jones"]


def test_law_described_in_lower_case_joins_the_only_law_named():
    text = "Japan enacts active cyber defence law. The Active Cyber Defense Law lets the police act."
    r = doc("a.txt", text, ("Japan", "GPE"), ("defence law", "LAW"), ("Active Cyber Defense Law", "LAW"))
    assert node_of(resolve([r]).entities, "defence law").label == "Active Cyber Defense Law"


def test_law_described_in_lower_case_with_two_laws_named_joins_neither():
    text = "A defence law passed. The Cyber Law and the Privacy Act changed."
    r = doc("a.txt", text, ("defence law", "LAW"), ("Cyber Law", "LAW"), ("Privacy Act", "LAW"))
    assert len(resolve([r]).entities) == 3


def test_surname_with_a_generation_suffix_joins_the_full_name():
    text = "Donald Trump Jr. spoke. Eric Trump agreed. Trump Jr. left."
    r = doc("a.txt", text, ("Donald Trump Jr.", "PERSON"), ("Eric Trump", "PERSON"), ("Trump Jr.", "PERSON"))
    entities = resolve([r]).entities
    assert node_of(entities, "Trump Jr.").label == "Donald Trump Jr."
    assert node_of(entities, "Eric Trump") is not node_of(entities, "Trump Jr.")


def test_surname_with_a_suffix_is_not_taken_from_another_document():
    a = doc("a.txt", "Donald Trump Jr. spoke.", ("Donald Trump Jr.", "PERSON"))
    b = doc("b.txt", "Trump Jr. left.", ("Trump Jr.", "PERSON"))
    assert len(resolve([a, b]).entities) == 2


def test_aircraft_short_name_joins_the_one_longer_name_ending_in_it():
    text = "Poland buys 96 Apache helicopters. The AH-64E Apache will be delivered from 2028."
    r = doc("a.txt", text, ("Apache", "AIRCRAFT"), ("AH-64E Apache", "AIRCRAFT"))
    assert node_of(resolve([r]).entities, "Apache").label == "AH-64E Apache"
    text = "The Apache flew. The AH-64E Apache and the AH-64D Apache landed."
    r = doc("b.txt", text, ("Apache", "AIRCRAFT"), ("AH-64E Apache", "AIRCRAFT"), ("AH-64D Apache", "AIRCRAFT"))
    assert len(resolve([r]).entities) == 3
