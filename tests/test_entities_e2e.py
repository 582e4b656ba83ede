"""End to end on the three sample articles: the nodes an analyst should see, merged and typed."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nodes(sample_built):
    return dict(sample_built.graph.nodes(data=True))


def node(nodes, alias):
    hits = [(n, d) for n, d in nodes.items() if alias == d["label"] or alias in d["aliases"]]
    assert len(hits) == 1, (alias, [d["label"] for _, d in hits])
    return hits[0][1]


def test_ships(nodes):
    izumo = node(nodes, "Izumo")
    assert izumo["type"] == "SHIP" and "JS Izumo" in izumo["aliases"]
    vinson = node(nodes, "Carl Vinson")
    assert vinson["type"] == "SHIP" and "USS Carl Vinson" in vinson["aliases"]
    assert node(nodes, "Richard E. Byrd")["type"] == "SHIP"


def test_people_with_their_short_names(nodes):
    assert node(nodes, "Tomomi Inada")["type"] == "PERSON"
    abe = node(nodes, "Shinzo Abe")
    assert abe["type"] == "PERSON" and "Abe" in abe["aliases"] and "Prime Minister" in abe["titles"]
    trump = node(nodes, "Donald Trump")
    assert trump["type"] == "PERSON" and "Trump" in trump["aliases"] and trump["merges"]


def test_country_variants_one_node_and_services_apart(nodes):
    us = node(nodes, "U.S.")
    assert us is node(nodes, "US") and us["label"] == "United States" and us["type"] == "GPE"
    assert "American" not in us["aliases"]
    navy = node(nodes, "U.S. Navy")
    assert navy["type"] == "ORG" and navy is not us and "US Navy" in navy["aliases"]
    assert node(nodes, "U.S. military") is not us


def test_self_defense_forces(nodes):
    sdf = node(nodes, "SDF")
    assert sdf is node(nodes, "Japan Self-Defense Forces") and sdf["type"] == "ORG"
    msdf = node(nodes, "MSDF")
    assert msdf is not sdf and msdf is node(nodes, "Maritime Self-Defense Force")
    assert node(nodes, "ASDF") is node(nodes, "Air Self-Defense Force")


def test_places_laws_and_no_false_orgs(nodes):
    assert node(nodes, "Yokosuka")["type"] != "ORG"
    assert node(nodes, "Shikoku")["type"] in {"GPE", "LOC"}
    law = node(nodes, "security legislation")
    assert law["type"] == "LAW" and "new legislation" in law["aliases"]
    labels = {d["label"] for d in nodes.values()}
    assert not labels & {"Defense", "U.S.-Japan", "American", "Japanese"}
    assert node(nodes, "North Korea") is not node(nodes, "South Korea")
    assert all(d["type"] in {"PERSON", "ORG", "GPE", "LOC", "FACILITY", "SHIP", "AIRCRAFT", "WEAPON", "LAW", "EVENT"}
               for d in nodes.values())


def test_aircraft(nodes):
    assert node(nodes, "F-2")["type"] == "AIRCRAFT" and "F-2s" in node(nodes, "F-2")["aliases"]
    assert node(nodes, "B-1 Lancer")["type"] == "AIRCRAFT"
