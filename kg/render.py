"""The interactive page: a pyvis network written as one self-contained HTML file."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.export import atomic_open


@lru_cache(maxsize=1)
def colours() -> dict:
    return json.loads(resources.files("kg.data").joinpath("colours.json").read_text(encoding="utf-8"))


def colour(etype: str) -> str:
    c = colours()
    return c["types"].get(etype, c["default"])


def to_pyvis(g: nx.MultiDiGraph) -> Network:
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for n, d in g.nodes(data=True):
        net.add_node(n, label=d["label"], color=colour(d["type"]), value=d.get("mentions", 1),
                     title=f"{d['label']} ({d['type']}), {d.get('mentions', 0)} mentions")
    for u, v, _k, d in g.edges(keys=True, data=True):
        pattern = d["kind"] == "pattern"
        net.add_edge(u, v, label=d["relation"] if pattern else "", title=d["relation"],
                     value=d["weight"] if pattern else max(d["weight"], 0.05),
                     dashes=not pattern, arrows="to" if pattern else "")
    return net


def page_html(g: nx.MultiDiGraph) -> str:
    page = to_pyvis(g).generate_html()
    # pyvis's in-line template still points at node_modules and a CDN: drop those tags.
    page = re.sub(r'<link[^>]+href="(?:https?:|\.\./node_modules)[^"]*"[^>]*>', "", page)
    page = re.sub(r'<script[^>]+src="(?:https?:|\.\./node_modules)[^"]*"[^>]*>\s*</script>', "", page)
    legend = "".join(
        f'<span style="margin-right:1em"><span style="display:inline-block;width:.8em;height:.8em;'
        f'background:{c}"></span> {html.escape(t)}</span>'
        for t, c in colours()["types"].items()
    )
    return page.replace("<body>", f'<body><div id="legend" style="font:13px sans-serif">{legend}</div>', 1)


def write_html(g: nx.MultiDiGraph, path: Path) -> None:
    with atomic_open(path) as fh:
        fh.write(page_html(g))
