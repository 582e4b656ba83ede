"""Read a written graph back: ``kg.load("outputs/")`` or ``kg.load("outputs/graph.graphml")``.

GraphML holds the nodes and edges with flat attributes; the evidence of every edge comes from
``relations.jsonl`` beside it and the mentions from ``mentions.jsonl``. Lists flattened by
:mod:`kg.export` are split again and drawing-only attributes dropped, so the loaded graph equals
the one that was written.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from xml.etree.ElementTree import ParseError

import networkx as nx

from kg.export import ALIAS_SEP, DRAWING_ATTRS, EDGE_FIELDS, LIST_ATTRS
from kg.query import KnowledgeGraph

GRAPHML = "graph.graphml"
RELATIONS = "relations.jsonl"
MENTIONS = "mentions.jsonl"


def graphml_path(path: str | Path) -> Path:
    """The GraphML file meant by `path` (a folder written by ``kg build`` or the file itself)."""
    p = Path(path)
    if p.is_dir():
        p = p / GRAPHML
    if not p.is_file():
        raise FileNotFoundError(f"{p}: no such graph file (give a folder written by `kg build` or its graph.graphml)")
    return p


def load(path: str | Path) -> KnowledgeGraph:
    """The KnowledgeGraph written to `path` by ``kg build`` or ``KnowledgeGraph.save``."""
    gml = graphml_path(path)
    graph = read_graph(gml)
    attach_evidence(graph, read_jsonl(gml.parent / RELATIONS))
    return KnowledgeGraph(graph, mentions=read_jsonl(gml.parent / MENTIONS))


def read_graph(path: Path) -> nx.MultiDiGraph:
    """Nodes and edges of a kg GraphML file, with list attributes split and edge keys restored."""
    try:
        raw = nx.read_graphml(path, force_multigraph=True)
    except (ParseError, nx.NetworkXError, ValueError) as exc:
        raise ValueError(f"{path}: not a readable GraphML file ({exc})") from None
    g = nx.MultiDiGraph()
    for n, d in raw.nodes(data=True):
        g.add_node(n, **_unflatten({k: v for k, v in d.items() if k not in DRAWING_ATTRS}))
    for u, v, k, d in raw.edges(keys=True, data=True):
        attrs = _unflatten({a: x for a, x in d.items() if a not in {"label", "id"}})
        g.add_edge(u, v, key=attrs.pop("key", k), **attrs, evidence_rows=[])
    return g


def _unflatten(attrs: dict) -> dict:
    """Split the list attributes that the writers joined with ``" | "``."""
    for k in LIST_ATTRS & attrs.keys():
        value = attrs[k]
        attrs[k] = value.split(ALIAS_SEP) if isinstance(value, str) and value else []
    return attrs


def read_jsonl(path: Path) -> list[dict]:
    """All rows of a JSON-lines file; an absent file has none."""
    if not path.is_file():
        return []
    rows = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{i}: not a JSON line ({exc.msg})") from None
    return rows


def attach_evidence(g: nx.MultiDiGraph, rows: list[dict]) -> None:
    """Put every relations.jsonl row back on its edge as an evidence row, in file order."""
    by_edge: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in rows:
        key = row.get("key", row.get("relation"))
        by_edge[(row["source"], row["target"], key)].append({f: x for f, x in row.items() if f not in EDGE_FIELDS})
    for (u, v, k), evidence in by_edge.items():
        if g.has_edge(u, v, key=k):
            g.edges[u, v, k]["evidence_rows"] = evidence
