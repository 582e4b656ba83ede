"""``KnowledgeGraph``: the object users query in Python."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.resolve import key


@dataclass
class Evidence:
    doc: str
    sentence: str
    start: int
    end: int
    rule: str = ""


@dataclass
class Relation:
    source: str
    relation: str
    target: str
    kind: str
    weight: float
    count: int
    evidence: list[Evidence] = field(default_factory=list)
    date: str = ""
    negated: bool = False
    hypothetical: bool = False


class KnowledgeGraph:
    """A built graph: entity lookup by any alias, relations with their evidence."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph
        self._alias: dict[str, str] = {}
        for n, d in graph.nodes(data=True):
            for name in [d.get("label", n), *d.get("aliases", [])]:
                self._alias.setdefault(key(name), n)

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def node_id(self, name: str) -> str:
        """The node id for an id, a label or any alias (case-insensitive)."""
        if name in self.graph:
            return name
        found = self._alias.get(key(name))
        if found is None:
            import difflib

            close = difflib.get_close_matches(key(name), list(self._alias), n=3)
            hint = f"; did you mean {', '.join(repr(self.graph.nodes[self._alias[c]]['label']) for c in close)}?"
            raise KeyError(f"no entity named {name!r}{hint if close else ''}")
        return found

    def entity(self, name: str) -> dict:
        nid = self.node_id(name)
        return {"id": nid, **self.graph.nodes[nid]}

    def relations(self, source: str | None = None, relation: str | None = None, target: str | None = None,
                  kinds: set[str] | None = None) -> list[Relation]:
        s = self.node_id(source) if source else None
        t = self.node_id(target) if target else None
        edges = self.graph.out_edges(s, keys=True, data=True) if s else self.graph.edges(keys=True, data=True)
        out = []
        for u, v, _k, d in edges:
            if t and v != t:
                continue
            if relation and d["relation"] != relation:
                continue
            if kinds and d["kind"] not in kinds:
                continue
            out.append(self._relation(u, v, d))
        return out

    def _relation(self, u: str, v: str, d: dict) -> Relation:
        label = self.graph.nodes
        ev = [Evidence(x["doc"], x["sentence"], x["start"], x["end"], x.get("rule", ""))
              for x in d.get("evidence_rows", [])]
        return Relation(label[u]["label"], d["relation"], label[v]["label"], d["kind"], d["weight"], d["count"],
                        ev, d.get("date", ""), d.get("negated", False), d.get("hypothetical", False))

    def to_networkx(self) -> nx.MultiDiGraph:
        return self.graph

    def save(self, out: str | Path) -> None:
        from kg.build import write_outputs

        write_outputs(self, Path(out))
