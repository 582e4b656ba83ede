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
KAMADA_KAWAI_MAX = 400  # small components: Kamada–Kawai spreads hub-and-spoke clusters more evenly
FR_ITERATIONS = 500
# Larger components get fewer iterations: each costs O(n + m) (~4 ms at 9.6k nodes, 16 ms at 20k). On the 1,003-doc
# corpus's 9.6k-node component 104 iterations instead of 260 cost 0.4 s instead of 1.0 s for the same picture:
# mean edge length / mean distance of random pairs 0.257 vs 0.250, nearest-neighbour distance / mean edge 0.052 both.
FR_FULL_MAX = 2_000
FR_MIN_ITERATIONS = 100
SPACING = 110.0  # screen pixels per node, roughly: the drawing spans SPACING * sqrt(n) across at zoom 1


def layout(g: nx.Graph, seed: int = SEED, spacing: float = SPACING) -> dict[Hashable, tuple[float, float]]:
    """Deterministic (x, y) for every node of ``g``, centred on 0 and scaled to screen pixels.

    Each connected component is laid out on its own and the components are packed in rows, largest
    first, so small islands do not drift far away and squeeze the main cluster into a corner.
    """
    nodes = list(g.nodes)
    if not nodes:
        return {}
    h = _simple_igraph(g, nodes)
    boxes = []
    for members in sorted(h.connected_components(), key=lambda c: (-len(c), c[0])):
        coords = [(0.0, 0.0)] if len(members) == 1 else _force_directed(h.induced_subgraph(members), seed)
        boxes.append((members, _scaled(coords, spacing * math.sqrt(len(members)))))
    placed = _pack(boxes, spacing)
    return {nodes[i]: placed[i] for i in range(len(nodes))}


def _pack(boxes: list[tuple[list[int], list[tuple[float, float]]]], gap: float) -> dict[int, tuple[float, float]]:
    """Shelf-pack laid-out components (largest first) into rows about as wide as the whole is tall."""
    sizes = [(max(x for x, _ in c) - min(x for x, _ in c) + gap, max(y for _, y in c) - min(y for _, y in c) + gap)
             for _, c in boxes]
    row_width = max(max(w for w, _ in sizes), math.sqrt(sum(w * h for w, h in sizes)) * 1.2)
    out: dict[int, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for (members, coords), (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        min_x, min_y = min(c[0] for c in coords), min(c[1] for c in coords)
        for i, (cx, cy) in zip(members, coords, strict=True):
            out[i] = (cx - min_x + x, cy - min_y + y)
        x, row_h = x + w, max(row_h, h)
    xs, ys = [p[0] for p in out.values()], [p[1] for p in out.values()]
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {i: (round(px - mx, 1) + 0.0, round(py - my, 1) + 0.0) for i, (px, py) in out.items()}


def _simple_igraph(g: nx.Graph, nodes: list[Hashable]) -> ig.Graph:
    """The undirected simple graph under ``g`` (parallel edges and loops collapsed) as igraph."""
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in g.edges() if u != v}
    return ig.Graph(n=len(nodes), edges=sorted(pairs), directed=False)


def _force_directed(h: ig.Graph, seed: int) -> list[tuple[float, float]]:
    """Kamada–Kawai (small) or Fruchterman–Reingold (large) from a seeded start with a seeded generator."""
    rng = random.Random(seed)
    side = math.sqrt(h.vcount())
    start = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(h.vcount())]
    ig.set_random_number_generator(random.Random(seed))
    try:
        if h.vcount() <= KAMADA_KAWAI_MAX:
            coords = h.layout_kamada_kawai(seed=start)
        else:
            coords = h.layout_fruchterman_reingold(seed=start, niter=iterations(h.vcount()))
    finally:
        ig.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in coords.coords]


def iterations(n: int) -> int:
    """Fruchterman–Reingold iterations for a component of n nodes: full up to FR_FULL_MAX, then fewer,
    so that the layout of a 100,000-node graph takes seconds rather than a minute."""
    if n <= FR_FULL_MAX:
        return FR_ITERATIONS
    return max(FR_MIN_ITERATIONS, FR_ITERATIONS * FR_FULL_MAX // n)


def _scaled(coords: list[tuple[float, float]], extent: float) -> list[tuple[float, float]]:
    """Centre the coordinates on 0 and scale the larger side to ``extent`` pixels."""
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    k = extent / span
    return [(round((x - cx) * k, 1) + 0.0, round((y - cy) * k, 1) + 0.0) for x, y in coords]
