"""The interactive page: one self-contained HTML file on pyvis's vis-network, safe with hostile text.

pyvis's own template loads assets from CDNs and has HTML-injection paths, so the page is written from
kg's template (Jinja with autoescape) instead: vis-network's JavaScript from the installed pyvis package
inlined, the graph as JSON in a non-executable ``<script type="application/json">`` block, positions
precomputed by :mod:`kg.layout` with physics off. The page's script writes every document string with
``textContent``; see kg/templates/page.js.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import tempfile
import webbrowser
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import orjson
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from kg.export import atomic_open, has_null_value
from kg.graph import COOCCURRENCE, SAME_DOCUMENT
from kg.layout import layout

VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")  # vis-network as bundled by pyvis 0.3.2


@lru_cache(maxsize=1)
def colours() -> dict:
    """The colour table of kg/data/colours.json (node types, default, edge kinds)."""
    return json.loads(resources.files("kg.data").joinpath("colours.json").read_text(encoding="utf-8"))


def colour(etype: str) -> str:
    """The legend colour of an entity type."""
    c = colours()
    return c["types"].get(etype, c["default"])


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("kg", "templates"), autoescape=select_autoescape(["html"]))


@lru_cache(maxsize=1)
def vis_js() -> str:
    """vis-network's standalone build from the installed pyvis package (no CDN, no node_modules)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("kg: pyvis is not installed; it provides vis-network for the graph page")
    return Path(spec.submodule_search_locations[0], *VIS_JS).read_text(encoding="utf-8")


def _inline_script(source: str) -> Markup:
    """JavaScript made safe to sit inside <script>: no closing tag or comment opener can end it early."""
    return Markup(re.sub(r"<(?=/script|!--)", r"\\x3C", source, flags=re.IGNORECASE))


def json_for_script(data: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block: <, > and & escaped so no text can end it."""
    raw = _orjson_bytes(data)
    if raw is not None:  # replaced in the UTF-8 bytes: faster than in text that holds non-ASCII characters
        raw = raw.replace(b"&", b"\\u0026").replace(b"<", b"\\u003c").replace(b">", b"\\u003e")
        return Markup(raw.decode("utf-8"))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


# Floats orjson may spell unlike json.dumps: with an exponent (orjson 1e-7, 1e+16; json.dumps 1e-07, 1e+16) and
# below 1e-4 (orjson 0.000025, json.dumps 2.5e-05). Each pattern starts with a literal: a fast scan; a match
# in text only costs the stdlib encoder.
_ORJSON_EXPONENT = re.compile(rb"e[-+]\d")
_ORJSON_SMALL = b"0.0000"


def _has_exponent(raw: bytes) -> bool:
    """Whether JSON bytes hold a digit followed by an exponent ("e-" or "e+" and a digit)."""
    return any(m.start() and raw[m.start() - 1] in b"0123456789" for m in _ORJSON_EXPONENT.finditer(raw))


def _orjson_bytes(data: Any) -> bytes | None:
    """Compact JSON of `data` by orjson (several times faster) when it is what json.dumps writes, else None:
    for NaN/infinity (orjson writes null; json.dumps refuses), what orjson refuses, or an exponent-range float."""
    try:
        raw = orjson.dumps(data)
    except (orjson.JSONEncodeError, TypeError):
        return None
    if _ORJSON_SMALL in raw or _has_exponent(raw) or has_null_value(raw):
        return None
    return raw


class _Table:
    """Strings stored once and referred to by index (sentences and document names repeat a lot)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        return self.index.setdefault(value, len(self.index))

    def values(self) -> list[str]:
        return list(self.index)


def _node_columns(g: nx.MultiDiGraph, pos: dict, types: _Table, docs: _Table) -> dict[str, list]:
    """Node attributes as parallel lists (compact JSON): id, label, type, mentions, aliases, docs, x, y."""
    cols: dict[str, list] = {k: [] for k in ("id", "label", "type", "mentions", "aliases", "docs", "x", "y")}
    for n, d in g.nodes(data=True):
        label = str(d.get("label", n))
        cols["id"].append(str(n))
        cols["label"].append(label)
        cols["type"].append(types(str(d.get("type", "")) or "UNKNOWN"))
        cols["mentions"].append(int(d.get("mentions", 1)))
        cols["aliases"].append([str(a) for a in d.get("aliases", []) if str(a) != label])
        cols["docs"].append(sorted({docs(str(x)) for x in d.get("docs", [])}))
        cols["x"].append(pos[n][0])
        cols["y"].append(pos[n][1])
    return cols


def _edge_columns(g: nx.MultiDiGraph, index: dict, relations: _Table, docs: _Table, sents: _Table) -> dict[str, list]:
    """Edge attributes as parallel lists; evidence as flat [doc, sentence, doc, sentence, ...] indexes."""
    cols: dict[str, list] = {k: [] for k in ("from", "to", "rel", "kind", "flag", "weight", "count", "ev")}
    sources, targets, rels, kinds, flags, weights, counts, evidence = cols.values()
    doc_ids, sent_ids = docs.index, sents.index
    for u, nbrs in g.adjacency():
        for v, keyed in nbrs.items():
            for d in keyed.values():
                relation = str(d.get("relation", COOCCURRENCE))
                pattern = d.get("kind", "pattern" if relation != COOCCURRENCE else "cooccurrence") == "pattern"
                rows = d.get("evidence_rows") or ([{"doc": "", "sentence": d["evidence"]}] if d.get("evidence") else [])
                sources.append(index[u])
                targets.append(index[v])
                rels.append(relations(relation))
                kinds.append(1 if pattern else 0)
                flags.append((1 if d.get("negated") else 0) | (2 if d.get("hypothetical") else 0))
                weights.append(round(float(d.get("weight", 1.0)), 4))
                counts.append(int(d.get("count", len(rows) or 1)))
                evidence.append([i for r in rows for i in (doc_ids.setdefault(str(r.get("doc", "")), len(doc_ids)),
                                                           sent_ids.setdefault(str(r.get("sentence", "")),
                                                                               len(sent_ids)))])
    return cols


def page_data(g: nx.Graph, positions: dict | None = None) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-able data (positions from :func:`kg.layout.layout`)."""
    g = g if isinstance(g, nx.MultiDiGraph) else nx.MultiDiGraph(g)
    pos = positions if positions is not None else layout(g)
    types, relations, docs, sents = _Table(), _Table(), _Table(), _Table()
    for t in colours()["types"]:
        types(t)
    nodes = _node_columns(g, pos, types, docs)
    edges = _edge_columns(g, {n: i for i, n in enumerate(g.nodes)}, relations, docs, sents)
    c = colours()
    return {
        "nodes": nodes,
        "edges": edges,
        "types": [[t, colour(t)] for t in types.values()],
        "relations": relations.values(),
        "docs": docs.values(),
        "sents": sents.values(),
        "edgeColours": c.get("edges", {"pattern": "#444444", "cooccurrence": "#b4b4b4"}),
        "documentRelation": SAME_DOCUMENT,  # hidden until the user asks: a star per document otherwise
    }


def page_html(g: nx.Graph, title: str = "kg — entity graph", positions: dict | None = None) -> str:
    """The whole page as one string: no external resource, document text only ever as text."""
    env = _environment()
    css = resources.files("kg").joinpath("templates", "page.css").read_text(encoding="utf-8")
    app = resources.files("kg").joinpath("templates", "page.js").read_text(encoding="utf-8")
    return env.get_template("page.html").render(
        title=title,
        css=Markup(css.replace("</", "<\\/")),
        vis_js=_inline_script(vis_js()),
        app_js=_inline_script(app),
        data_json=json_for_script(page_data(g, positions)),
    )


def _as_graph(graph: Any) -> nx.Graph:
    """Accept a networkx graph or anything with a ``.graph`` attribute (KnowledgeGraph, Built)."""
    return graph if isinstance(graph, nx.Graph) else graph.graph


def write_html(g: nx.Graph, path: Path, title: str = "kg — entity graph", positions: dict | None = None) -> None:
    """Write the page atomically (`positions` from :func:`kg.layout.layout`, computed when not given)."""
    with atomic_open(path) as fh:
        fh.write(page_html(_as_graph(g), title=title, positions=positions))


def open_in_browser(path: Path) -> bool:
    """Open a written page in the default browser; False when there is none (e.g. a server)."""
    try:
        return webbrowser.open(Path(path).resolve().as_uri())
    except webbrowser.Error:
        return False


def _in_notebook() -> bool:
    """True inside a Jupyter kernel (IPython shell with a kernel), False in a terminal or script."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def notebook_iframe(page: str, height: str = "720px") -> str:
    """An iframe that holds the page through ``srcdoc`` (escaped), so it runs isolated from the notebook."""
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{html.escape(height)};'
            f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>')


def show(graph: Any, height: str = "720px", path: Path | None = None, title: str = "kg — entity graph",
         open_browser: bool = True) -> Any:
    """Show a graph: an ``IPython.display.HTML`` iframe in Jupyter, else write the page and open a browser.

    Outside a notebook it returns the path of the written page (a temporary file unless ``path`` is given).
    """
    page = page_html(_as_graph(graph), title=title)
    if _in_notebook():
        from IPython.display import HTML

        return HTML(notebook_iframe(page, height))
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="kg-")) / "graph.html"
    with atomic_open(Path(path)) as fh:
        fh.write(page)
    if open_browser:
        open_in_browser(Path(path))
    return Path(path)
