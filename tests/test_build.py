"""End-to-end: `kg build` on the sample articles writes the four contract files, and they hold."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx

from tests.conftest import RAW

OUTPUTS = ("graph.html", "graph.graphml", "mentions.jsonl", "relations.jsonl")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_four_outputs_exist_and_parse(sample_out):
    for name in OUTPUTS:
        assert (sample_out / name).stat().st_size > 0, name
    assert read_jsonl(sample_out / "mentions.jsonl")
    assert read_jsonl(sample_out / "relations.jsonl")
    nx.read_graphml(sample_out / "graph.graphml", force_multigraph=True)


def test_mention_offsets_slice_to_their_text(sample_out):
    texts = {p.name: p.read_bytes().decode("utf-8") for p in RAW.glob("*.txt")}
    rows = read_jsonl(sample_out / "mentions.jsonl")
    assert {r["doc"] for r in rows} == set(texts)
    for r in rows:
        assert texts[r["doc"]][r["start"] : r["end"]] == r["text"], r


def test_relation_rows_carry_their_sentence(sample_out):
    texts = {p.name: p.read_text(encoding="utf-8") for p in RAW.glob("*.txt")}
    for r in read_jsonl(sample_out / "relations.jsonl"):
        assert r["kind"] in {"pattern", "cooccurrence"}
        assert texts[r["doc"]][r["start"] : r["end"]] == r["sentence"], r


def test_graph_has_the_key_entities_with_sensible_types(sample_out):
    g = nx.read_graphml(sample_out / "graph.graphml", force_multigraph=True)
    by_label = {d["label"]: d for _, d in g.nodes(data=True)}
    expected = {"Izumo": "SHIP", "Carl Vinson": "SHIP", "Tomomi Inada": "PERSON", "Yokosuka": {"GPE", "FACILITY"}}
    for label, etype in expected.items():
        assert label in by_label, f"{label} missing; labels: {sorted(by_label)}"
        allowed = {etype} if isinstance(etype, str) else etype
        assert by_label[label]["type"] in allowed, (label, by_label[label]["type"])
    laws = [d for d in by_label.values() if d["type"] == "LAW"]
    assert any("legislation" in d["label"].lower() for d in laws), laws


def test_graphml_attributes_are_scalar_and_complete(sample_out):
    g = nx.read_graphml(sample_out / "graph.graphml", force_multigraph=True)
    for _, d in g.nodes(data=True):
        assert isinstance(d["label"], str) and isinstance(d["aliases"], str)
        assert isinstance(d["mentions"], int) and isinstance(d["documents"], int)
    for _, _, d in g.edges(data=True):
        assert d["kind"] in {"pattern", "cooccurrence"}
        assert isinstance(d["weight"], float) and isinstance(d["count"], int) and d["evidence"]


def test_graphml_round_trips_node_and_edge_counts(sample_built, sample_out):
    g = nx.read_graphml(sample_out / "graph.graphml", force_multigraph=True)
    assert g.number_of_nodes() == sample_built.graph.number_of_nodes()
    assert g.number_of_edges() == sample_built.graph.number_of_edges()


def test_page_fetches_no_script_or_stylesheet_from_the_web(sample_out):
    page = (sample_out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?(?:https?:)?//", page, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?(?:https?:)?//", page, re.I)
    assert "vis.Network" in page or "new vis" in page


def test_cli_build_writes_outputs_and_a_summary(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(RAW), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert all((tmp_path / name).exists() for name in OUTPUTS)
    assert re.search(r"3 documents, \d+ entities, \d+ relations", proc.stderr), proc.stderr


def test_unknown_model_is_a_one_line_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(RAW), "--out", str(tmp_path),
                           "--model", "no_such_model_xyz"], capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "no_such_model_xyz" in lines[0], proc.stderr
    assert not (tmp_path / "graph.graphml").exists()


def test_verbose_explains_each_merge(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(RAW), "--out", str(tmp_path), "--no-cache",
                           "--verbose"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    merges = [line for line in proc.stderr.splitlines() if line.startswith("kg.resolve: merge")]
    assert any("'Abe'" in line and "shinzo abe" in line for line in merges), proc.stderr
