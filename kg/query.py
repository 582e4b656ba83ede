"""``KnowledgeGraph``: the object users query in Python.

Lookups accept an entity id, its label or any alias, case-insensitively; results are plain
dataclasses (:class:`Node`, :class:`Relation`, :class:`Evidence`) carrying their evidence.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx

from kg.resolve import key

# Cost of one hop in g.path(): a rule-made relation is preferred to a plain co-occurrence.
HOP_COST = {"pattern": 1.0, "qualified": 2.0, "cooccurrence": 3.0, "same_document": 4.0}
_NODE_FIELDS = ("label", "type", "aliases", "mentions", "documents", "community", "degree")


class EntityNotFound(KeyError):
    """No entity has this name; the message lists the closest names."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no entity named {name!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class PathNotFound(LookupError):
    """The two entities are not connected (with the edge kinds allowed)."""


@dataclass
class Evidence:
    """One sentence supporting a relation: the document, the sentence and its character offsets."""

    doc: str
    sentence: str
    start: int
    end: int
    rule: str = ""


@dataclass
class Relation:
    """One edge of the graph between two entities (by label), with every sentence that supports it."""

    source: str
    relation: str
    target: str
    weight: float
    count: int
    evidence: list[Evidence] = field(default_factory=list)
    date: str = ""
    negated: bool = False
    hypothetical: bool = False
    kind: str = "pattern"
    source_id: str = ""
    target_id: str = ""


@dataclass
class Node:
    """One entity: its id, name, type, aliases, counts, and every other node attribute in `attrs`."""

    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: int = 0
    community: int = -1
    degree: int = 0
    attrs: dict[str, Any] = field(default_factory=dict)


class KnowledgeGraph:
    """A built graph: entity lookup by any alias, relations with their evidence, paths, exports."""

    def __init__(self, graph: nx.MultiDiGraph, mentions: list[dict] | None = None):
        self.graph = graph
        self._mentions = mentions or []
        self._alias: dict[str, str] = {}
        ranked = sorted(graph.nodes(data=True), key=lambda nd: (-int(nd[1].get("mentions", 0) or 0), str(nd[0])))
        for n, d in ranked:  # labels win over aliases; among equals, the most mentioned entity
            self._alias.setdefault(key(str(d.get("label", n))), n)
        for n, d in ranked:
            for name in d.get("aliases", []):
                self._alias.setdefault(key(name), n)

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self.graph or key(name) in self._alias)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph: {self.graph.number_of_nodes()} entities, {self.graph.number_of_edges()} relations>"

    # ------------------------------------------------------------ lookup

    def node_id(self, name: str) -> str:
        """The node id for an id, a label or any alias (case-insensitive); EntityNotFound otherwise."""
        if name in self.graph:
            return name
        found = self._alias.get(key(name))
        if found is None:
            raise EntityNotFound(name, self.suggest(name))
        return found

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Labels of the entities whose names come closest to `name` (word containment, then spelling)."""
        k = key(name)
        words = set(k.split())
        containing = [a for a in self._alias if words and words <= set(a.split())]
        close = difflib.get_close_matches(k, list(self._alias), n=n, cutoff=0.6)
        labels: list[str] = []
        for alias in [*sorted(containing, key=len), *close]:
            label = self.graph.nodes[self._alias[alias]].get("label", self._alias[alias])
            if label not in labels:
                labels.append(label)
        return labels[:n]

    def entity(self, name: str) -> Node:
        """The entity called `name` (id, label or alias)."""
        return self._node(self.node_id(name))

    def entities(self, type: str | None = None) -> list[Node]:
        """All entities, or those of one type, most mentioned first."""
        nodes = [self._node(n) for n, d in self.graph.nodes(data=True) if type is None or d.get("type") == type]
        return sorted(nodes, key=lambda x: (-x.mentions, x.label))

    def _node(self, n: str) -> Node:
        d = self.graph.nodes[n]
        return Node(id=n, label=d.get("label", n), type=d.get("type", ""), aliases=list(d.get("aliases", [])),
                    mentions=int(d.get("mentions", 0)), documents=int(d.get("documents", 0)),
                    community=int(d.get("community", -1)), degree=int(d.get("degree", 0)),
                    attrs={k: v for k, v in d.items() if k not in _NODE_FIELDS})

    # ------------------------------------------------------------ relations

    def relations(self, source: str | None = None, relation: str | None = None, target: str | None = None,
                  kinds: Iterable[str] | None = None, entity: str | None = None) -> list[Relation]:
        """Edges matching every filter given: `source`/`target` names, `relation` label, edge `kinds`
        (``pattern``, ``cooccurrence``), `entity` at either end. Strongest (most evidence) first."""
        s = self.node_id(source) if source else None
        t = self.node_id(target) if target else None
        e = self.node_id(entity) if entity else None
        kinds = set(kinds) if kinds else None
        if s:
            edges: Iterable = self.graph.out_edges(s, keys=True, data=True)
        elif t:
            edges = self.graph.in_edges(t, keys=True, data=True)
        elif e:
            edges = [*self.graph.out_edges(e, keys=True, data=True), *self.graph.in_edges(e, keys=True, data=True)]
        else:
            edges = self.graph.edges(keys=True, data=True)
        out = [self._relation(u, v, d) for u, v, _k, d in edges
               if (not t or v == t) and (not e or e in (u, v))
               and (not relation or d.get("relation") == relation) and (not kinds or d.get("kind") in kinds)]
        return sorted(out, key=lambda r: (r.kind != "pattern", -r.count, r.source, r.relation, r.target))

    def _relation(self, u: str, v: str, d: dict) -> Relation:
        nodes = self.graph.nodes
        ev = [Evidence(x["doc"], x["sentence"], x["start"], x["end"], x.get("rule", ""))
              for x in d.get("evidence_rows", [])]
        return Relation(source=nodes[u].get("label", u), relation=d.get("relation", ""),
                        target=nodes[v].get("label", v), weight=float(d.get("weight", 0.0)),
                        count=int(d.get("count", len(ev))), evidence=ev, date=d.get("date", "") or "",
                        negated=bool(d.get("negated", False)), hypothetical=bool(d.get("hypothetical", False)),
                        kind=d.get("kind", ""), source_id=u, target_id=v)

    def relations_around(self, name: str, depth: int = 1, relation: str | None = None,
                         kinds: Iterable[str] | None = None) -> list[Relation]:
        """Relations on every walk of up to `depth` hops from `name`: its own at depth 1, then its neighbours'."""
        start = self.node_id(name)
        if depth <= 1:
            return self.relations(entity=start, relation=relation, kinds=kinds)
        dist = nx.single_source_shortest_path_length(self._undirected(kinds), start, cutoff=depth)
        kinds = set(kinds) if kinds else None
        out = [self._relation(u, v, d) for u, v, d in self.graph.subgraph(dist).edges(data=True)
               if min(dist[u], dist[v]) < depth
               and (not relation or d.get("relation") == relation) and (not kinds or d.get("kind") in kinds)]
        return sorted(out, key=lambda r: (min(dist[r.source_id], dist[r.target_id]), r.kind != "pattern", -r.count,
                                          r.source, r.relation, r.target))

    def evidence(self, a: str, b: str) -> list[Evidence]:
        """Every sentence that links `a` and `b` (either direction, any relation), in document order."""
        u, v = self.node_id(a), self.node_id(b)
        seen: dict[tuple[str, int, int], Evidence] = {}
        for r in [*self.relations(source=u, target=v), *self.relations(source=v, target=u)]:
            for ev in r.evidence:
                seen.setdefault((ev.doc, ev.start, ev.end), ev)
        return [seen[k] for k in sorted(seen)]

    # ------------------------------------------------------------ neighbourhoods and paths

    def neighbors(self, name: str, depth: int = 1, kinds: Iterable[str] | None = None) -> list[Node]:
        """Entities within `depth` hops of `name` (edges of either direction, of the given kinds), nearest first."""
        start = self.node_id(name)
        dist = nx.single_source_shortest_path_length(self._undirected(kinds), start, cutoff=depth)
        found = [self._node(n) for n in dist if n != start]
        return sorted(found, key=lambda x: (dist[x.id], -x.mentions, x.label))

    def _undirected(self, kinds: Iterable[str] | None = None) -> nx.Graph:
        """The simple undirected view used for hops: one edge per linked pair, costed by its best edge."""
        kinds = set(kinds) if kinds else None
        und = nx.Graph()
        und.add_nodes_from(self.graph.nodes)
        for u, v, d in self.graph.edges(data=True):
            if u == v or (kinds and d.get("kind") not in kinds):
                continue
            cost = _hop_cost(d)
            if not und.has_edge(u, v) or cost < und[u][v]["cost"]:
                und.add_edge(u, v, cost=cost)
        return und

    def path(self, a: str, b: str, kinds: Iterable[str] | None = None) -> list[Relation]:
        """The cheapest chain of relations from `a` to `b`, one Relation (with evidence) per hop.

        Rule-made relations cost less than co-occurrences, so a path through stated facts is preferred.
        A hop's Relation keeps its own direction: its source may be the later entity of the path.
        """
        u, v = self.node_id(a), self.node_id(b)
        try:
            nodes = nx.shortest_path(self._undirected(kinds), u, v, weight="cost")
        except nx.NetworkXNoPath:
            raise PathNotFound(f"no path between {self._label(u)!r} and {self._label(v)!r}") from None
        return [self._best_hop(x, y, kinds) for x, y in pairwise(nodes)]

    def _best_hop(self, x: str, y: str, kinds: Iterable[str] | None) -> Relation:
        kinds = set(kinds) if kinds else None
        edges = [(p, q, d) for p, q in ((x, y), (y, x)) if self.graph.has_edge(p, q)
                 for d in self.graph[p][q].values() if not kinds or d.get("kind") in kinds]
        p, q, d = min(edges, key=lambda e: (_hop_cost(e[2]), -int(e[2].get("count", 0)), e[0] != x))
        return self._relation(p, q, d)

    def _label(self, n: str) -> str:
        return str(self.graph.nodes[n].get("label", n))

    def subgraph(self, names: Iterable[str] | str, depth: int = 1, kinds: Iterable[str] | None = None
                 ) -> KnowledgeGraph:
        """The entities within `depth` hops of any of `names`, with all edges among them, as a new graph."""
        names = [names] if isinstance(names, str) else list(names)
        und = self._undirected(kinds)
        keep: set[str] = set()
        for name in names:
            keep |= set(nx.single_source_shortest_path_length(und, self.node_id(name), cutoff=depth))
        sub = self.graph.subgraph(keep).copy()
        return KnowledgeGraph(sub, mentions=[m for m in self.mention_rows() if m.get("entity") in keep])

    # ------------------------------------------------------------ summaries and exports

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts by entity type and relation, top entities by degree and by mentions, community sizes."""
        nodes = self.graph.nodes(data=True)
        und = self._undirected()
        degree = {n: d.get("degree", und.degree(n)) for n, d in nodes}
        types = Counter(d.get("type", "") for _, d in nodes)
        relations = Counter(d.get("relation", "") for _, _, d in self.graph.edges(data=True))
        kinds = Counter(d.get("kind", "") for _, _, d in self.graph.edges(data=True))
        communities: dict[int, list[str]] = {}
        for n, d in sorted(nodes, key=lambda nd: (-int(nd[1].get("mentions", 0)), str(nd[0]))):
            if "community" in d:
                communities.setdefault(int(d["community"]), []).append(self._label(n))
        by_degree = sorted(self.graph.nodes, key=lambda n: (-int(degree[n]), self._label(n)))[:top]
        by_mentions = sorted(self.graph.nodes, key=lambda n: (-int(nodes[n].get("mentions", 0)), self._label(n)))
        return {
            "entities": self.graph.number_of_nodes(),
            "relations": self.graph.number_of_edges(),
            "types": dict(types.most_common()),
            "kinds": dict(kinds.most_common()),
            "relation_labels": dict(relations.most_common()),
            "top_degree": [(self._label(n), int(degree[n])) for n in by_degree],
            "top_mentions": [(self._label(n), int(nodes[n].get("mentions", 0))) for n in by_mentions[:top]],
            "communities": [{"id": c, "size": len(m), "members": m[:top]} for c, m in sorted(communities.items())],
        }

    def mention_rows(self) -> Iterator[dict]:
        """Rows of mentions.jsonl for this graph (empty when the graph was not built from documents)."""
        return iter(self._mentions)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The underlying MultiDiGraph (lists and evidence rows kept as Python objects)."""
        return self.graph

    def to_pandas(self) -> tuple[Any, Any]:
        """(nodes, edges) DataFrames, flat like nodes.csv and edges.csv. Needs pandas (``pip install 'kg[pandas]'``)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("KnowledgeGraph.to_pandas() needs pandas: pip install 'kg[pandas]'") from None
        from kg.export import edge_table, node_table

        (ncols, nrows), (ecols, erows) = node_table(self.graph), edge_table(self.graph)
        return pd.DataFrame(nrows, columns=ncols), pd.DataFrame(erows, columns=ecols)

    def save(self, out: str | Path, formats: Iterable[str] = ("gexf", "json", "csv")) -> None:
        """Write the page, GraphML and JSON lines into the folder `out`, and the extra `formats` (by default every
        one: GEXF, node-link JSON, CSV)."""
        from kg.build import write_outputs
        from kg.export import check_formats

        write_outputs(self, Path(out), formats=check_formats(formats))


def _hop_cost(d: dict) -> float:
    if d.get("kind") != "pattern":
        return HOP_COST["same_document" if d.get("relation") == "same_document" else "cooccurrence"]
    return HOP_COST["qualified"] if d.get("negated") or d.get("hypothetical") else HOP_COST["pattern"]
