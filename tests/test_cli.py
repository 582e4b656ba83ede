"""`kg query`, `kg path` and `kg stats` on the outputs of the sample build."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "160"})


def test_query_prints_relations_with_evidence(sample_out, sample_built):
    result = _run("query", sample_out, "the izumo")
    assert result.exit_code == 0, result.output
    izumo = sample_built.entity("Izumo")
    assert result.stdout.startswith(f"{izumo.label} ({izumo.type})")
    first = sample_built.relations(entity="Izumo")[0]
    assert first.evidence[0].sentence[:40] in " ".join(result.stdout.split()).replace("│ ", "")
    assert first.evidence[0].doc in result.stdout
    assert f"{len(sample_built.relations(entity='Izumo'))} relations" in result.stdout


def test_query_json_filters_by_relation_and_depth(sample_out, sample_built):
    result = _run("query", sample_out, "Japan", "--relation", "co_occurrence", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entity"]["label"] == "Japan"
    assert data["relations"] and {r["relation"] for r in data["relations"]} == {"co_occurrence"}
    assert all(r["evidence"] and r["evidence"][0]["sentence"] for r in data["relations"])
    assert len(data["relations"]) == len(sample_built.relations(entity="Japan", relation="co_occurrence"))
    one = json.loads(_run("query", sample_out, "Izumo", "--json").stdout)["relations"]
    two = json.loads(_run("query", sample_out, "Izumo", "--json", "--depth", "2").stdout)["relations"]
    assert len(one) < len(two)


def test_query_reads_a_graphml_path_too(sample_out):
    result = _run("query", sample_out / "graph.graphml", "Japan", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["entity"]["label"] == "Japan"


def test_unknown_entity_is_one_line_with_suggestions_and_exit_1(sample_out):
    result = _run("query", sample_out, "Izumu")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: no entity named 'Izumu'; did you mean 'Izumo'")


def test_missing_graph_is_a_usage_error(tmp_path):
    result = _run("query", tmp_path / "nowhere", "Japan")
    assert result.exit_code == 2
    assert "nowhere" in result.stderr and "no such graph file" in result.stderr


def test_path_lists_numbered_hops_with_evidence(sample_out, sample_built):
    hops = sample_built.path("Tomomi Inada", "Misawa Air Base")
    result = _run("path", sample_out, "Tomomi Inada", "Misawa Air Base")
    assert result.exit_code == 0, result.output
    numbered = [line for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert len(numbered) == len(hops)
    assert hops[0].evidence[0].doc in result.stdout
    data = json.loads(_run("path", sample_out, "Tomomi Inada", "Misawa Air Base", "--json").stdout)
    assert [(h["source"], h["target"]) for h in data] == [(h.source, h.target) for h in hops]
    assert _run("path", sample_out, "Tomomi Inada", "Nobody Atall").exit_code == 1


def test_stats_show_types_top_entities_and_communities(sample_out, sample_built):
    result = _run("stats", sample_out, "--top", "3")
    assert result.exit_code == 0, result.output
    for title in ("entities by type", "top by degree", "top by mentions", "communities"):
        assert title in result.stdout
    st = sample_built.stats(top=3)
    assert st["top_mentions"][0][0] in result.stdout
    assert result.stdout.startswith(f"{st['entities']} entities, {st['relations']} relations")
    data = json.loads(_run("stats", sample_out, "--json").stdout)
    assert data["types"] == sample_built.stats()["types"]
