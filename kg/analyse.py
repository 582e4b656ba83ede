"""Communities and centrality, stored as node attributes so Gephi, the page and ``kg stats`` can use them.

Everything runs on the undirected projection of the MultiDiGraph, where the weight of a pair is the
number of sentences that link the two entities (always positive, unlike NPMI, which Louvain cannot use).
"""

from __future__ import annotations

import random
from collections.abc import Hashable

import igraph as ig
import networkx as nx

SEED = 42
# Exact betweenness is O(n·m): above this many nodes it is estimated from a seeded sample of sources.
BETWEENNESS_EXACT_MAX = 2000
BETWEENNESS_SAMPLES = 64  # igraph (C): well under a second at 100,000 nodes / 500,000 edges
BETWEENNESS_MAX = 50_000  # above this, no betweenness at all (kept as the documented limit)
# Pattern (rule-made) links count more than plain co-occurrence when grouping entities.
PATTERN_FACTOR = 2.0
NODE_ATTRIBUTES = ("community", "degree", "pagerank", "betweenness")


class Projection:
    """The undirected weighted simple graph under a MultiDiGraph, as node list + adjacency + igraph.

    Edge order is NetworkX's own for an ``nx.Graph`` built edge by edge, so sums and PageRank come out
    exactly as they did when this was an ``nx.Graph``; igraph does the computing in C.
    """

    def __init__(self, g: nx.MultiDiGraph):
        self.nodes: list[Hashable] = list(g.nodes)
        self.adj: dict[Hashable, dict[Hashable, float]] = {n: {} for n in self.nodes}
        adj = self.adj
        for u, v, d in g.edges(data=True):
            if u == v:
                continue
            w = float(d.get("count", 1)) * (PATTERN_FACTOR if d.get("kind") == "pattern" else 1.0)
            total = adj[u].get(v, 0.0) + w
            adj[u][v] = adj[v][u] = total
        index = {n: i for i, n in enumerate(self.nodes)}
        edges, self.weights = [], []
        for n in self.nodes:  # each pair once, from its endpoint that comes first (nx.Graph.edges order)
            i = index[n]
            for m, w in adj[n].items():
                j = index[m]
                if j < i:
                    continue
                edges.append((i, j))
                self.weights.append(w)
        self.igraph = ig.Graph(n=len(self.nodes), edges=edges, directed=False)

    def degree(self, n: Hashable) -> int:
        """Number of distinct neighbours (loops left out)."""
        return len(self.adj[n])

    def to_networkx(self) -> nx.Graph:
        und = nx.Graph()
        und.add_nodes_from(self.nodes)
        und.add_weighted_edges_from((self.nodes[a], self.nodes[b], w)
                                    for (a, b), w in zip(self.igraph.get_edgelist(), self.weights, strict=True))
        return und


def projection(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph whose edge weights add up the evidence counts of all edges of a pair."""
    return Projection(g).to_networkx()


def _seeded(run):
    """Run `run()` with igraph drawing its random numbers from a generator seeded with SEED."""
    ig.set_random_number_generator(random.Random(SEED))
    try:
        return run()
    finally:
        ig.set_random_number_generator(random)


def communities(p: Projection) -> dict[Hashable, int]:
    """Louvain communities (igraph's multilevel, seeded), numbered 0, 1, … from the largest."""
    h = p.igraph
    if h.ecount() == 0:
        groups = [[n] for n in p.nodes]
    else:
        clustering = _seeded(lambda: h.community_multilevel(weights=p.weights))
        groups = [[p.nodes[i] for i in members] for members in clustering]
    ordered = sorted(groups, key=lambda c: (-len(c), min(c)))
    return {n: i for i, group in enumerate(ordered) for n in group}


def pagerank(p: Projection) -> dict[Hashable, float]:
    """Weighted PageRank computed by igraph (C; NetworkX's own needs SciPy).

    ARPACK rather than igraph's default PRPACK: PRPACK runs OpenMP threads that spin against busy cores
    (0.2–0.7 s instead of 0.01 s on a 10k-node graph while spaCy workers run); ARPACK is single-threaded
    and gives the same values to the six decimals kept."""
    weights = p.weights if p.weights else None
    return dict(zip(p.nodes, p.igraph.pagerank(weights=weights, implementation="arpack"), strict=True))


def betweenness(p: Projection) -> dict[Hashable, float]:
    """Normalised (unweighted) betweenness, as NetworkX defines it, computed by igraph.

    Above BETWEENNESS_EXACT_MAX nodes it is estimated from BETWEENNESS_SAMPLES source nodes drawn as
    NetworkX draws them (``random.Random(SEED).sample``) and rescaled the same way, so the values equal
    ``nx.betweenness_centrality(und, k, seed=SEED)``.
    """
    n = len(p.nodes)
    if n < 3:
        return dict.fromkeys(p.nodes, 0.0)
    h = p.igraph
    if n <= BETWEENNESS_EXACT_MAX:  # igraph counts each unordered pair once, NetworkX each ordered pair
        return {v: 2.0 * b / ((n - 1) * (n - 2)) for v, b in zip(p.nodes, h.betweenness(directed=False), strict=True)}
    k = BETWEENNESS_SAMPLES
    sources = random.Random(SEED).sample(p.nodes, k)
    index = {v: i for i, v in enumerate(p.nodes)}
    raw = h.betweenness(directed=False, sources=[index[s] for s in sources])
    chosen = set(sources)
    return {v: 2.0 * b / ((k - 1 if v in chosen else k) * (n - 2)) for v, b in zip(p.nodes, raw, strict=True)}


def annotate(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Set ``community``, ``degree``, ``pagerank`` and ``betweenness`` on every node of `g` (in place).

    Betweenness is left out above BETWEENNESS_MAX nodes.
    """
    if g.number_of_nodes() == 0:
        return g
    p = Projection(g)
    comm = communities(p)
    rank = pagerank(p)
    between = betweenness(p) if len(p.nodes) <= BETWEENNESS_MAX else {}
    for n, d in g.nodes(data=True):
        d["community"] = comm[n]
        d["degree"] = p.degree(n)
        d["pagerank"] = round(float(rank[n]), 6)
        if between:
            d["betweenness"] = round(float(between[n]), 6)
    return g
