"""Extra output formats on request: `kg build` writes the page, GraphML and JSON lines; `--formats` adds GEXF,
node-link JSON and CSV, and `kg export` writes them later from a built folder, the same as a build would."""

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export import check_formats

RAW = Path(__file__).resolve().parent.parent / "raw"
CORE = ["graph.graphml", "graph.html", "mentions.jsonl", "relations.jsonl"]
runner = CliRunner()


def build(out: Path, cache: Path, *options: str):
    return runner.invoke(app, ["build", str(RAW), "--out", str(out), "--cache-dir", str(cache), *options])


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_check_formats_reads_lists_and_all():
    assert check_formats(["csv", " GEXF ", ""]) == ("gexf", "csv")  # kg's order, any case, blanks ignored
    assert check_formats(["all"]) == ("gexf", "json", "csv")
    assert check_formats([""]) == ()
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        check_formats(["gexf", "pdf"])


def test_build_writes_the_core_files_and_the_formats_asked_for(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build(out, cache).exit_code == 0
    assert files(out) == CORE
    assert build(out, cache, "--formats", "csv,gexf").exit_code == 0  # same documents: the option alone changed
    assert files(out) == sorted([*CORE, "graph.gexf", "nodes.csv", "edges.csv"])
    assert build(out, cache, "--formats", "json").exit_code == 0
    assert files(out) == sorted([*CORE, "graph.json"])  # no GEXF or CSV of an earlier build is left behind


def test_unknown_format_is_a_one_line_error_and_writes_nothing(tmp_path):
    result = build(tmp_path / "out", tmp_path / "cache", "--formats", "gexf,pdf")
    assert result.exit_code == 2
    assert result.output.strip() == "kg: --formats: unknown format 'pdf': use gexf, json, csv or all"
    assert not (tmp_path / "out").exists()


def test_export_writes_what_the_build_would_have(tmp_path):
    asked, later, cache = tmp_path / "asked", tmp_path / "later", tmp_path / "cache"
    assert build(asked, cache, "--formats", "all").exit_code == 0
    assert build(later, cache).exit_code == 0
    result = runner.invoke(app, ["export", str(later)])
    assert result.exit_code == 0, result.output
    assert files(later) == files(asked)
    for name in ("graph.gexf", "nodes.csv", "edges.csv"):  # same layout, same rows: the same bytes
        assert (later / name).read_bytes() == (asked / name).read_bytes(), name
    graphs = [nx.node_link_graph(json.loads((d / "graph.json").read_text(encoding="utf-8")), edges="edges")
              for d in (asked, later)]
    assert nx.utils.graphs_equal(*graphs)


def test_export_of_a_folder_with_no_graph_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path), "--formats", "csv"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "no such graph file" in result.output
    assert files(tmp_path) == []
