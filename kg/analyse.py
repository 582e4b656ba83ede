"""Communities and centrality, stored as node attributes so Gephi, the page and ``kg stats`` can use them.

Everything runs on the undirected projection of the MultiDiGraph, where the weight of a pair is the
number of sentences that link the two entities (always positive, unlike NPMI, which Louvain cannot use).
"""

from __future__ import annotations

import igraph as ig
import networkx as nx

SEED = 42
# Exact betweenness is O(n·m): above this many nodes it is estimated from a seeded sample of sources.
BETWEENNESS_EXACT_MAX = 2000
BETWEENNESS_SAMPLES = 64  # ~3 s at 10,000 nodes / 20,000 edges on one core
BETWEENNESS_MAX = 50_000  # above this, no betweenness at all (even sampled it would dominate the build)
# Pattern (rule-made) links count more than plain co-occurrence when grouping entities.
PATTERN_FACTOR = 2.0
NODE_ATTRIBUTES = ("community", "degree", "pagerank", "betweenness")


def projection(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph whose edge weights add up the evidence counts of all edges of a pair."""
    und = nx.Graph()
    und.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        w = float(d.get("count", 1)) * (PATTERN_FACTOR if d.get("kind") == "pattern" else 1.0)
        if und.has_edge(u, v):
            und[u][v]["weight"] += w
        else:
            und.add_edge(u, v, weight=w)
    return und


def communities(und: nx.Graph) -> dict[str, int]:
    """Louvain communities (fixed seed), numbered 0, 1, … from the largest; isolated nodes get their own."""
    if und.number_of_edges() == 0:
        groups = [{n} for n in und.nodes]
    else:
        groups = nx.community.louvain_communities(und, weight="weight", seed=SEED)
    ordered = sorted(groups, key=lambda c: (-len(c), min(c)))
    return {n: i for i, group in enumerate(ordered) for n in group}


def pagerank(und: nx.Graph) -> dict[str, float]:
    """Weighted PageRank computed by igraph (C; NetworkX's own needs SciPy)."""
    nodes = list(und.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in und.edges]
    h = ig.Graph(n=len(nodes), edges=edges, directed=False)
    weights = [float(d["weight"]) for _, _, d in und.edges(data=True)] if edges else None
    return dict(zip(nodes, h.pagerank(weights=weights), strict=True))


def betweenness(und: nx.Graph) -> dict[str, float]:
    """Normalised betweenness; estimated from a seeded sample of sources on large graphs to bound the cost."""
    n = und.number_of_nodes()
    k = None if n <= BETWEENNESS_EXACT_MAX else BETWEENNESS_SAMPLES
    return nx.betweenness_centrality(und, k=k, seed=SEED if k else None, normalized=True)


def annotate(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Set ``community``, ``degree``, ``pagerank`` and ``betweenness`` on every node of `g` (in place).

    Betweenness is left out above BETWEENNESS_MAX nodes.
    """
    if g.number_of_nodes() == 0:
        return g
    und = projection(g)
    comm = communities(und)
    rank = pagerank(und)
    between = betweenness(und) if len(und) <= BETWEENNESS_MAX else {}
    for n, d in g.nodes(data=True):
        d["community"] = comm[n]
        d["degree"] = und.degree(n)
        d["pagerank"] = round(float(rank[n]), 6)
        if between:
            d["betweenness"] = round(float(between[n]), 6)
    return g
