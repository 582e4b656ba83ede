"""The Python API on the sample articles: lookups by alias, relations with evidence, paths, subgraphs."""

from __future__ import annotations

import sys
from itertools import pairwise

import networkx as nx
import pytest

import kg
from kg.query import EntityNotFound, KnowledgeGraph, PathNotFound, Relation
from tests.conftest import RAW


def _text(doc: str) -> str:
    return (RAW / doc).read_text(encoding="utf-8")


def _alias_sets(g: KnowledgeGraph) -> list[tuple[str, list[str]]]:
    """(node id, aliases that differ from its label) for every entity that has such aliases."""
    return [(n, [a for a in d["aliases"] if a.lower() != d["label"].lower()])
            for n, d in g.graph.nodes(data=True) if any(a.lower() != d["label"].lower() for a in d["aliases"])]


def test_lookup_by_any_alias_and_any_case(sample_built):
    sets = _alias_sets(sample_built)
    assert sets, "the sample build has no entity with several names"
    for n, aliases in sets:
        for alias in aliases:
            assert sample_built.entity(alias).id == n
            assert sample_built.entity(alias.upper()).id == n
    izumo = sample_built.entity("the izumo")
    assert izumo.label.endswith("Izumo") and izumo.type in {"SHIP", "ORG"}


def test_unknown_name_raises_a_key_error_with_suggestions(sample_built):
    with pytest.raises(KeyError) as info:
        sample_built.entity("Izumu")
    assert isinstance(info.value, EntityNotFound)
    assert "no entity named 'Izumu'" in str(info.value) and "Izumo" in str(info.value)
    assert any("Izumo" in s for s in info.value.suggestions)
    for part in ("Inada", "tomomi"):  # a word of a longer name suggests the full name first
        with pytest.raises(EntityNotFound) as info:
            sample_built.entity(part)
        assert info.value.suggestions[0] == "Tomomi Inada"


def test_entities_by_type(sample_built):
    people = sample_built.entities(type="PERSON")
    assert people and {p.type for p in people} == {"PERSON"}
    assert [p.mentions for p in people] == sorted((p.mentions for p in people), reverse=True)
    assert len(sample_built.entities()) == len(sample_built)


def test_relations_carry_their_evidence_quoting_the_documents(sample_built):
    japan = sample_built.entity("Japan")
    rels = sample_built.relations(source="Japan")
    assert rels and all(isinstance(r, Relation) and r.source == japan.label for r in rels)
    for r in rels:
        assert r.count == len(r.evidence) > 0
        for ev in r.evidence:
            assert _text(ev.doc)[ev.start:ev.end] == ev.sentence
    into = sample_built.relations(target="Japan", kinds={"cooccurrence"})
    assert into and all(r.target == japan.label and r.kind == "cooccurrence" for r in into)
    labelled = sample_built.relations(relation="co_occurrence", source="Japan")
    assert labelled and {r.relation for r in labelled} == {"co_occurrence"}
    assert sample_built.relations(relation="no-such-relation") == []


def test_evidence_between_two_entities(sample_built):
    ev = sample_built.evidence("Izumo", "Yokosuka")
    assert ev
    for e in ev:
        assert "Izumo" in e.sentence and "Yokosuka" in e.sentence
    assert ev == sample_built.evidence("Yokosuka", "the Izumo")


def test_neighbors_grow_with_depth_and_respect_kinds(sample_built):
    one = {n.id for n in sample_built.neighbors("Izumo")}
    two = {n.id for n in sample_built.neighbors("Izumo", depth=2)}
    assert one and one < two
    assert sample_built.entity("Izumo").id not in two
    patterns = {n.id for n in sample_built.neighbors("Japan", depth=2, kinds={"pattern"})}
    assert patterns < {n.id for n in sample_built.neighbors("Japan", depth=2)}


def test_path_hops_are_explained_and_connected(sample_built):
    hops = sample_built.path("Tomomi Inada", "Misawa Air Base")
    assert hops
    ends = [{h.source_id, h.target_id} for h in hops]
    assert sample_built.entity("Tomomi Inada").id in ends[0]
    assert sample_built.entity("Misawa Air Base").id in ends[-1]
    for a, b in pairwise(ends):
        assert a & b, "consecutive hops share an entity"
    assert all(h.evidence for h in hops)


def test_path_prefers_stated_relations_over_co_occurrence():
    g = nx.MultiDiGraph()
    for n in "ABCD":
        g.add_node(n, label=f"Entity {n}", type="ORG", aliases=[], mentions=1)
    ev = [{"doc": "d.txt", "sentence": "s", "start": 0, "end": 1}]

    def edge(u, v, kind):
        relation = "co_occurrence" if kind == "cooccurrence" else "supply"
        g.add_edge(u, v, key=relation, relation=relation, kind=kind, weight=1.0, count=1, evidence_rows=ev)

    edge("A", "C", "cooccurrence")  # one hop, but only a shared sentence
    edge("A", "D", "pattern")
    edge("D", "C", "pattern")
    edge("A", "B", "cooccurrence")
    edge("A", "B", "pattern")  # same pair: the hop uses the stated relation
    graph = KnowledgeGraph(g)
    assert [(h.source_id, h.target_id, h.kind) for h in graph.path("Entity A", "entity c")] == \
        [("A", "D", "pattern"), ("D", "C", "pattern")]
    assert [h.kind for h in graph.path("A", "B")] == ["pattern"]
    assert [h.kind for h in graph.path("A", "C", kinds={"cooccurrence"})] == ["cooccurrence"]
    g.add_node("E", label="Entity E", type="ORG", aliases=[], mentions=1)
    with pytest.raises(PathNotFound, match="no path between 'Entity A' and 'Entity E'"):
        graph.path("A", "E")


def test_subgraph_is_a_smaller_graph_that_saves_and_loads(sample_built, tmp_path):
    sub = sample_built.subgraph(["Izumo"], depth=1)
    izumo = sample_built.entity("Izumo").id
    assert set(sub.graph.nodes) == {izumo} | {n.id for n in sample_built.neighbors("Izumo")}
    assert 0 < len(sub) < len(sample_built)
    assert {m["entity"] for m in sub.mention_rows()} <= set(sub.graph.nodes)
    sub.save(tmp_path)
    for name in ("graph.html", "graph.graphml", "relations.jsonl", "mentions.jsonl", "graph.gexf", "graph.json",
                 "nodes.csv", "edges.csv"):
        assert (tmp_path / name).stat().st_size > 0, name
    back = kg.load(tmp_path)
    assert set(back.graph.nodes) == set(sub.graph.nodes)
    assert back.relations(source="Izumo") == sub.relations(source="Izumo")


def test_to_networkx_and_to_pandas(sample_built, monkeypatch):
    assert sample_built.to_networkx() is sample_built.graph
    nodes, edges = sample_built.to_pandas()
    assert len(nodes) == len(sample_built) and len(edges) == sample_built.graph.number_of_edges()
    assert {"id", "label", "type", "aliases", "mentions", "community"} <= set(nodes.columns)
    assert {"source", "target", "relation", "kind", "weight", "count", "evidence"} <= set(edges.columns)
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(ImportError, match=r"needs pandas: pip install 'kg\[pandas\]'"):
        sample_built.to_pandas()


def test_stats_summarise_the_graph(sample_built):
    st = sample_built.stats(top=5)
    assert sum(st["types"].values()) == st["entities"] == len(sample_built)
    assert sum(st["kinds"].values()) == st["relations"]
    assert len(st["top_degree"]) == 5 and st["top_degree"][0][1] >= st["top_degree"][-1][1]
    assert st["top_mentions"][0] == (sample_built.entities()[0].label, sample_built.entities()[0].mentions)
    assert sum(c["size"] for c in st["communities"]) == len(sample_built)
