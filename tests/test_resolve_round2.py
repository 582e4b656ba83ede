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
