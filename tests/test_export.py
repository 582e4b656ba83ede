"""Every export format round-trips; GraphML is valid and Gephi-ready even with hostile text; kg.load is lossless."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pytest

import kg
from kg import analyse, export
from kg.graph import build_graph
from kg.layout import layout
from kg.query import KnowledgeGraph
from kg.resolve import resolve

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
HOSTILE = "\x00\x0b\x1b[31m U+FFFE:\ufffe lone:\ud800 ]]> <b>&amp;"
CLEAN = "[31m U+FFFE: lone: ]]> <b>&amp;"


def _same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    """Same nodes, edges (with keys), attributes and evidence rows."""
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    for u, v, k, d in a.edges(keys=True, data=True):
        assert b.edges[u, v, k] == d, (u, v, k)


# ---------------------------------------------------------------- GraphML


def test_graphml_has_named_keys_one_type_each_and_unique_edge_ids(sample_out):
    root = ET.parse(sample_out / "graph.graphml").getroot()
    keys = root.findall(f"{GRAPHML_NS}key")
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    assert not [i for i in ids if i[0] == "d" and i[1:].isdigit()], "numbered key ids (Gephi reads d3/d7 as labels)"
    per_attr = Counter((k.get("for"), k.get("attr.name")) for k in keys)
    assert max(per_attr.values()) == 1, "an attribute declared with two types"
    declared = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert declared[("node", "label")] == "string"
    assert declared[("node", "mentions")] == "int"
    assert declared[("edge", "weight")] == "double"
    assert declared[("edge", "count")] == "int"
    assert {declared[("node", c)] for c in "rgb"} == {"int"}
    assert {declared[("node", c)] for c in "xy"} == {"double"}
    edge_ids = [e.get("id") for e in root.iter(f"{GRAPHML_NS}edge")]
    assert len(edge_ids) == len(set(edge_ids)) > 0


def test_graphml_round_trips_with_types_colours_and_positions(sample_out, sample_built):
    g = nx.read_graphml(sample_out / "graph.graphml", force_multigraph=True)
    src = sample_built.graph
    assert g.number_of_nodes() == src.number_of_nodes()
    assert g.number_of_edges() == src.number_of_edges()
    pos = layout(src)
    for n, d in g.nodes(data=True):
        assert d["label"] == src.nodes[n]["label"]
        assert d["aliases"] == " | ".join(src.nodes[n]["aliases"])
        assert type(d["mentions"]) is int and d["mentions"] == src.nodes[n]["mentions"]
        assert (d["r"], d["g"], d["b"]) == export.rgb(src.nodes[n]["type"])
        assert all(0 <= d[c] <= 255 for c in "rgb")
        assert (d["x"], d["y"]) == pytest.approx(pos[n])
        assert type(d["community"]) is int and type(d["pagerank"]) is float
    for _u, _v, d in g.edges(data=True):
        assert type(d["weight"]) is float and type(d["count"]) is int and type(d["negated"]) is bool
        assert d["kind"] in {"pattern", "cooccurrence"} and d["evidence"]


@pytest.fixture(scope="session")
def hostile_graph(extract_text):
    """A graph built by the real pipeline from text full of characters XML cannot carry.

    spaCy itself refuses lone surrogates, so that one is added to labels and evidence afterwards.
    """
    noise = HOSTILE.replace(chr(0xD800), "")
    text = (f"Shinzo Abe met Donald Trump in Tokyo on Monday.{noise} Abe said Japan would help. "
            f"Trump thanked Abe in Tokyo.\x0b ]]> Trump left for Washington.")
    result = extract_text(text, name="hostile.txt")
    g = analyse.annotate(build_graph([result], resolve([result])))
    first = next(iter(g.nodes))
    g.nodes[first]["label"] = f"Label{HOSTILE}"
    g.nodes[first]["aliases"] = [*g.nodes[first]["aliases"], f"Alias{HOSTILE}"]
    for _u, _v, d in g.edges(data=True):
        d["evidence"] = f"Evidence{HOSTILE}"
        d["evidence_rows"][0]["sentence"] += HOSTILE
    return KnowledgeGraph(g), first


def test_graphml_with_hostile_characters_is_valid_xml_and_reads_back(hostile_graph, tmp_path):
    kgraph, first = hostile_graph
    assert kgraph.graph.number_of_edges() > 0
    path = tmp_path / "graph.graphml"
    export.write_graphml(kgraph.graph, path)
    ET.parse(path)  # a strict XML 1.0 parser: raises on any illegal character
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.nodes[first]["label"] == f"Label{CLEAN}"
    assert g.nodes[first]["aliases"].endswith(f"Alias{CLEAN}")
    assert {d["evidence"] for _, _, d in g.edges(data=True)} == {f"Evidence{CLEAN}"}


def test_every_format_survives_hostile_text(hostile_graph, tmp_path):
    kgraph, first = hostile_graph
    export.write_all(kgraph.graph, [], tmp_path)
    ET.parse(tmp_path / "graph.gexf")
    assert nx.read_gexf(tmp_path / "graph.gexf").nodes[first]["label"] == f"Label{CLEAN}"
    with (tmp_path / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        assert f"Label{CLEAN}" in {row["label"] for row in csv.DictReader(fh)}
    # JSON keeps the text exactly: the lone surrogate is escaped, so the file is still valid UTF-8.
    rows = [json.loads(line) for line in (tmp_path / "relations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(r["sentence"].endswith(HOSTILE) for r in rows)
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert f"Label{HOSTILE}" in {n["label"] for n in data["nodes"]}
    again = kg.load(tmp_path)
    assert again.graph.nodes[first]["label"] == f"Label{CLEAN}"  # GraphML carries XML-safe text only
    assert any(e.sentence.endswith(HOSTILE) for r in again.relations() for e in r.evidence)


# ---------------------------------------------------------------- kg.load


@pytest.mark.parametrize("target", ["dir", "graphml"])
def test_load_gives_back_an_equal_graph(sample_out, sample_built, target):
    loaded = kg.load(sample_out if target == "dir" else sample_out / "graph.graphml")
    _same_graph(sample_built.graph, loaded.graph)
    assert list(loaded.mention_rows()) == list(sample_built.mention_rows())


def test_saving_a_loaded_graph_writes_the_same_data(sample_out, tmp_path):
    kg.load(sample_out).save(tmp_path)
    for name in ("graph.graphml", "relations.jsonl", "mentions.jsonl", "nodes.csv", "edges.csv"):
        assert (tmp_path / name).read_bytes() == (sample_out / name).read_bytes(), name
    as_graph = [nx.node_link_graph(json.loads((d / "graph.json").read_text(encoding="utf-8")), edges="edges")
                for d in (tmp_path, sample_out)]
    _same_graph(*as_graph)
    assert (tmp_path / "graph.html").stat().st_size > 0


def test_load_errors_name_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such graph file"):
        kg.load(tmp_path)
    bad = tmp_path / "graph.graphml"
    bad.write_text("<graphml><node", encoding="utf-8")
    with pytest.raises(ValueError, match=r"graph\.graphml: not a readable GraphML"):
        kg.load(bad)


# ---------------------------------------------------------------- GEXF, node-link JSON, CSV


def test_gexf_round_trip_with_viz(sample_out, sample_built):
    src = sample_built.graph
    g = nx.read_gexf(sample_out / "graph.gexf")
    assert g.number_of_nodes() == src.number_of_nodes() and g.number_of_edges() == src.number_of_edges()
    assert "http://www.gexf.net/1.2draft/viz" in (sample_out / "graph.gexf").read_text(encoding="utf-8")
    pos = layout(src)
    for n, d in g.nodes(data=True):
        viz = d["viz"]
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == export.rgb(src.nodes[n]["type"])
        assert (viz["position"]["x"], viz["position"]["y"]) == pytest.approx(pos[n])
        assert viz["size"] == export.node_size(src.nodes[n]["mentions"])
        assert d["label"] == src.nodes[n]["label"]
    assert Counter(d["relation"] for *_, d in g.edges(data=True)) == \
        Counter(d["relation"] for *_, d in src.edges(data=True))


def test_node_link_json_round_trip(sample_out, sample_built):
    data = json.loads((sample_out / "graph.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="edges", directed=True, multigraph=True)
    _same_graph(sample_built.graph, g)


def test_csv_round_trip_rfc4180(sample_out, sample_built):
    src = sample_built.graph
    raw = (sample_out / "edges.csv").read_bytes()
    raw.decode("utf-8")
    assert raw.count(b"\r\n") >= src.number_of_edges() + 1
    with (sample_out / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = {row["id"]: row for row in csv.DictReader(fh)}
    assert set(nodes) == set(src.nodes)
    for n, d in src.nodes(data=True):
        assert nodes[n]["label"] == d["label"] and nodes[n]["aliases"].split(" | ") == d["aliases"]
        assert int(nodes[n]["mentions"]) == d["mentions"] and int(nodes[n]["community"]) == d["community"]
    with (sample_out / "edges.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(edges) == src.number_of_edges() == len({e["id"] for e in edges})
    for e in edges:
        d = src.edges[e["source"], e["target"], e["key"]]
        assert e["evidence"] == d["evidence"] and float(e["weight"]) == pytest.approx(d["weight"])


def test_pandas_frames_match_the_csv_files(sample_out, sample_built):
    import pandas as pd

    nodes, edges = sample_built.to_pandas()
    assert nodes.shape == pd.read_csv(sample_out / "nodes.csv").shape
    assert edges.shape == pd.read_csv(sample_out / "edges.csv").shape
    assert set(nodes["id"]) == set(sample_built.graph.nodes)


def test_outputs_contract_fields(sample_out):
    for line in (sample_out / "relations.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert {"doc", "source", "target", "relation", "kind", "sentence", "start", "end"} <= row.keys()
    for line in (sample_out / "mentions.jsonl").read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) == {"doc", "start", "end", "text", "entity", "type"}


# ---------------------------------------------------------------- communities and centrality


def test_communities_and_centrality_are_node_attributes(sample_built):
    nodes = sample_built.graph.nodes(data=True)
    assert {type(d["community"]) for _, d in nodes} == {int}
    assert sum(d["pagerank"] for _, d in nodes) == pytest.approx(1.0, abs=1e-3)
    assert all(0.0 <= d["betweenness"] <= 1.0 for _, d in nodes)
    und = analyse.projection(sample_built.graph)
    assert all(d["degree"] == und.degree(n) for n, d in nodes)
    sizes = Counter(d["community"] for _, d in nodes)
    assert [sizes[c] for c in sorted(sizes)] == sorted(sizes.values(), reverse=True)  # numbered from the largest


def test_large_graphs_sample_betweenness_deterministically(monkeypatch):
    monkeypatch.setattr(analyse, "BETWEENNESS_EXACT_MAX", 100)
    monkeypatch.setattr(analyse, "BETWEENNESS_SAMPLES", 20)
    base = nx.barabasi_albert_graph(300, 2, seed=1)
    g = nx.MultiDiGraph()
    g.add_nodes_from(str(n) for n in base)
    g.add_edges_from((str(u), str(v), {"kind": "cooccurrence", "count": 1}) for u, v in base.edges)
    first = {n: d["betweenness"] for n, d in analyse.annotate(g.copy()).nodes(data=True)}
    second = {n: d["betweenness"] for n, d in analyse.annotate(g.copy()).nodes(data=True)}
    exact = nx.betweenness_centrality(base)
    assert first == second
    assert first != {str(n): round(v, 6) for n, v in exact.items()}  # sampled, not the exact O(nm) values


def test_json_bytes_writes_what_json_dumps_writes_where_orjson_would_not():
    values = [{"w": float("nan"), "x": float("inf")}, {"text": "lone \ud800 surrogate"}, {"n": 2**70},
              {1: "int key"}, {"text": "annulled: null, [null]"}, {"none": None, "ok": 1.5}]
    for value in values:
        data = export.json_bytes(value)
        data.decode("utf-8")  # always valid UTF-8
        assert json.dumps(json.loads(data)) == json.dumps(value)  # NaN compares unequal: compared as text
    assert b"NaN" in export.json_bytes(values[0]) and b"Infinity" in export.json_bytes(values[0])
    assert json.loads(export.json_bytes(values[1]))["text"] == "lone \ud800 surrogate"


def test_pagerank_matches_igraphs_default_solver_to_the_digits_kept(sample_built):
    """kg uses ARPACK (single-threaded); its values must be PRPACK's (igraph's default) to six decimals."""
    p = analyse.Projection(sample_built.graph)
    ours = analyse.pagerank(p)
    default = p.igraph.pagerank(weights=p.weights or None)
    assert [round(ours[n], 6) for n in p.nodes] == [round(x, 6) for x in default]


HOSTILE_VALUES = ["", "plain", "a&b", "<x>", 'q"uote', "line\nbreak", "tab\there", "100%", "{0}", '"></data>', 1, -2,
                  0.5, float("inf"), float("nan"), -float("inf"), True, False]


def _hostile_rows(n: int, seed: int = 3) -> list[dict]:
    """Rows of one attribute shape whose values change type and hold characters to escape."""
    import random

    pick = random.Random(seed).choice
    return [{"label": pick(HOSTILE_VALUES), "weight": pick(HOSTILE_VALUES), "key": pick(HOSTILE_VALUES), "id": f"e{i}",
             "a%": pick(HOSTILE_VALUES), "b": pick(HOSTILE_VALUES)} for i in range(n)]


def test_gexf_row_templates_write_what_value_by_value_writes():
    """The per-shape template and the general path give the same text for every row, clean or hostile."""
    from kg import xmlout

    rows = [{"label": "x", "weight": 1.5, "key": "k", "id": "e0", "a%": 2, "b": True}, *_hostile_rows(300)]
    tags = xmlout._attvalue_tags({"networkx_key": ("0", "string"), "a%": ("1", "long"), "b": ("2", "boolean")})
    shape = xmlout._GexfShape(rows[0], tags, edge=True)
    assert shape.types is not None  # the template serves rows typed as the first one
    filled = [shape.fill(d) for d in rows]
    assert filled == [shape._by_value(d) for d in rows]
    assert 'value="INF"' in "".join(filled) and 'value="true"' in "".join(filled) and "&lt;x&gt;" in "".join(filled)


def test_graphml_rows_escape_and_shorten_like_elementtree():
    """Every hostile row of one shape reads back with its text; empty values are written as empty elements."""
    from kg import xmlout

    rows = [{"label": "x", "weight": "1.5", "key": "k", "id": "e0", "a%": "2", "b": "True"},
            *({k: str(v) for k, v in d.items()} for d in _hostile_rows(300))]
    data = "".join(xmlout.graphml_pieces([("n", {})], [("n", "n", d) for d in rows]))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    read = [{x.get("key"): x.text or "" for x in e.iter(f"{ns}data")} for e in ET.fromstring(data).iter(f"{ns}edge")]
    assert read == [{k: v for k, v in d.items() if k != "id"} for d in rows]
    assert '<data key="label" />' in data and "&lt;x&gt;" in data
