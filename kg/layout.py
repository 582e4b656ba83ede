"""Node positions computed once in Python (igraph), so the page draws at once with physics off.

igraph's Fruchterman–Reingold runs in C: about a second at 10,000 nodes, where NetworkX's
spring or ForceAtlas2 layouts take minutes. The random generator is seeded, so the same graph
always gets the same picture (and the same x/y in GraphML/GEXF).
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable

import igraph as ig
import networkx as nx

SEED = 42
SPACING = 60.0  # screen pixels per node, roughly: the drawing spans SPACING * sqrt(n) across


def layout(g: nx.Graph, seed: int = SEED, spacing: float = SPACING) -> dict[Hashable, tuple[float, float]]:
    """Deterministic (x, y) for every node of ``g``, centred on 0 and scaled to screen pixels."""
    nodes = list(g.nodes)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    coords = _fruchterman_reingold(_simple_igraph(g, nodes), seed)
    return dict(zip(nodes, _scaled(coords, spacing * math.sqrt(len(nodes))), strict=True))


def _simple_igraph(g: nx.Graph, nodes: list[Hashable]) -> ig.Graph:
    """The undirected simple graph under ``g`` (parallel edges and loops collapsed) as igraph."""
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in g.edges() if u != v}
    return ig.Graph(n=len(nodes), edges=sorted(pairs), directed=False)


def _fruchterman_reingold(h: ig.Graph, seed: int) -> list[tuple[float, float]]:
    """igraph's FR layout with a seeded start and a seeded generator (igraph's RNG is global)."""
    rng = random.Random(seed)
    side = math.sqrt(h.vcount())
    start = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(h.vcount())]
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = h.layout_fruchterman_reingold(seed=start, niter=500)
    finally:
        ig.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in coords.coords]


def _scaled(coords: list[tuple[float, float]], extent: float) -> list[tuple[float, float]]:
    """Centre the coordinates on 0 and scale the larger side to ``extent`` pixels."""
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    k = extent / span
    return [(round((x - cx) * k, 1) + 0.0, round((y - cy) * k, 1) + 0.0) for x, y in coords]
