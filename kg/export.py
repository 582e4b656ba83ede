"""Writers for kg's output files; every write is atomic (temporary file, then rename).

The in-memory graph keeps lists (aliases, documents, evidence rows); every file format here
flattens them to scalars the same way (lists joined by ``" | "``), so GraphML, GEXF, CSV and
pandas agree, and :mod:`kg.load` can split them back.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from kg.resolve import Resolution
from kg.schema import DocResult

# Characters XML 1.0 cannot carry (controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
ALIAS_SEP = " | "
# List-valued attributes of the in-memory graph, joined by ALIAS_SEP in every flat format.
LIST_ATTRS = frozenset({"aliases", "docs", "titles", "merges", "rules"})
# Attributes that only exist in the exported files (drawing hints), dropped again by kg.load.
DRAWING_ATTRS = frozenset({"r", "g", "b", "x", "y", "size"})
# Fields of relations.jsonl that describe the edge, not the evidence row (see relation_rows).
EDGE_FIELDS = ("source", "target", "kind", "key")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (they would make the whole file unreadable)."""
    return _XML_ILLEGAL.sub("", text)


@contextmanager
def atomic_open(path: Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside `path`; on success it replaces `path` in one rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8", newline=None if "b" in mode else "") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------- flattening


def _scalar(value: Any) -> Any:
    """One attribute value as a GraphML/CSV scalar: lists joined, dicts as JSON, strings XML-safe."""
    if isinstance(value, (list, tuple, set)):
        return xml_safe(ALIAS_SEP.join(str(x) for x in value))
    if isinstance(value, dict):
        return xml_safe(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, str):
        return xml_safe(value)
    if value is None:
        return ""
    return value


def _unify(rows: Iterable[dict]) -> None:
    """Give each attribute one type across all rows (GraphML allows one type per key): bool, int, float or str."""
    rows = list(rows)
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            kinds.setdefault(k, set()).add(type(v))
    cast: dict[str, Callable[[Any], Any]] = {}
    for k, ts in kinds.items():
        if len(ts) == 1:
            continue
        cast[k] = float if ts <= {int, float} else str
    for row in rows:
        for k, f in cast.items():
            if k in row:
                row[k] = f(row[k])


@lru_cache(maxsize=1)
def _colours() -> dict:
    return json.loads(resources.files("kg.data").joinpath("colours.json").read_text(encoding="utf-8"))


def rgb(etype: str) -> tuple[int, int, int]:
    """The (r, g, b) colour of an entity type, 0–255, from kg/data/colours.json."""
    c = _colours()
    hexcode = c["types"].get(etype, c["default"]).lstrip("#")
    return int(hexcode[0:2], 16), int(hexcode[2:4], 16), int(hexcode[4:6], 16)


def node_size(mentions: int) -> float:
    """Drawing size of a node: grows with the square root of its mentions."""
    return round(10.0 + 4.0 * max(mentions, 0) ** 0.5, 2)


def scalar_graph(g: nx.MultiDiGraph, drawing: bool = True, pos: dict | None = None) -> nx.MultiDiGraph:
    """A copy with only scalar, XML-safe attributes of one type each, as GraphML, GEXF and Gephi need.

    With `drawing`, nodes also get colour (``r``, ``g``, ``b``), ``size`` and a position (``x``, ``y``) and
    edges a ``label`` (the relation). Every edge gets a unique ``id`` and keeps its key as ``key``.
    Positions come from `pos` or, when not given, from :func:`kg.layout.layout`.
    """
    from kg.layout import layout

    if drawing and pos is None:
        pos = layout(g)
    pos = pos or {}
    out = nx.MultiDiGraph()
    nodes = []
    for n, d in g.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in d.items()}
        if drawing:
            attrs["r"], attrs["g"], attrs["b"] = rgb(d.get("type", ""))
            attrs["size"] = node_size(int(d.get("mentions", 1) or 0))
            attrs["x"], attrs["y"] = (float(c) for c in pos.get(n, (0.0, 0.0)))
        nodes.append((xml_safe(str(n)), attrs))
    edges = []
    for i, (u, v, k, d) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: tuple(map(str, e[:3])))):
        attrs = {a: _scalar(x) for a, x in d.items() if a != "evidence_rows"}
        if drawing:
            attrs["label"] = xml_safe(str(d.get("relation", "")))
        attrs["key"] = xml_safe(str(k))
        attrs["id"] = f"e{i}"
        edges.append((xml_safe(str(u)), xml_safe(str(v)), attrs))
    _unify(a for _, a in nodes)
    _unify(a for _, _, a in edges)
    out.add_nodes_from(nodes)
    out.add_edges_from((u, v, attrs["key"], attrs) for u, v, attrs in edges)
    return out


# ---------------------------------------------------------------- GraphML


class NamedKeyGraphMLWriter(GraphMLWriter):
    """NetworkX's GraphML writer with readable key ids and no duplicate edge-id data.

    NetworkX numbers keys ``d0, d1, …``; Gephi reads keys ``d3`` (node) and ``d7`` (edge) as labels by the
    yEd convention, so ids here are the attribute names (``edge_<name>`` when a node key has that name).
    Python ints are declared GraphML ``int`` (NetworkX says ``long``), as OUTPUTS.md specifies.
    """

    def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
        """The id of the key for (name, type, scope), declaring it on first use."""
        attr_type = "int" if attr_type == "long" else attr_type  # OUTPUTS.md: counts are GraphML `int`
        found = self.keys.get((name, attr_type, scope))
        if found is not None:
            return found
        taken = set(self.keys.values())
        new_id = name if name not in taken else f"{scope}_{name}"
        self.keys[(name, attr_type, scope)] = new_id
        element = self.myElement("key", **{"id": new_id, "for": scope, "attr.name": name, "attr.type": attr_type})
        if default is not None:
            default_element = self.myElement("default")
            default_element.text = str(default)
            element.append(default_element)
        self.xml.insert(0, element)
        return new_id

    def add_attributes(self, scope: str, xml_obj: Any, data: dict, default: dict) -> None:
        """As NetworkX, minus the edge attribute already written as the edge's ``id``."""
        if scope == "edge" and self.edge_id_from_attribute:
            data = {k: v for k, v in data.items() if k != self.edge_id_from_attribute}
        super().add_attributes(scope, xml_obj, data, default)


def write_graphml(g: nx.MultiDiGraph, path: Path, pos: dict | None = None) -> None:
    """GraphML for Gephi: scalar typed attributes, named key ids, unique edge ids, colours and positions."""
    flat = scalar_graph(g, pos=pos)
    writer = NamedKeyGraphMLWriter(graph=flat, infer_numeric_types=True, edge_id_from_attribute="id")
    with atomic_open(path, "wb") as fh:
        writer.dump(fh)


# ---------------------------------------------------------------- GEXF, node-link JSON, CSV


def write_gexf(g: nx.MultiDiGraph, path: Path, pos: dict | None = None) -> None:
    """GEXF 1.2 with the ``viz`` namespace (colour, size, position) that Gephi draws directly."""
    flat = scalar_graph(g, pos=pos)
    for _, d in flat.nodes(data=True):
        d["viz"] = {"color": {"r": d.pop("r"), "g": d.pop("g"), "b": d.pop("b"), "a": 1.0},
                    "size": d.pop("size"), "position": {"x": d.pop("x"), "y": d.pop("y"), "z": 0.0}}
    with atomic_open(path, "wb") as fh:
        nx.write_gexf(flat, fh, version="1.2draft")


def node_link(g: nx.MultiDiGraph) -> dict:
    """The whole graph as node-link data, lists and evidence rows included (the lossless format)."""
    return nx.node_link_data(g, edges="edges")


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    """Node-link JSON (``nodes``/``edges``), as d3, sigma.js and ``networkx.node_link_graph`` read it."""
    with atomic_open(path) as fh:
        fh.write(_json(node_link(g), indent=None))
        fh.write("\n")


def node_table(g: nx.MultiDiGraph) -> tuple[list[str], list[dict]]:
    """Column names and one flat row per node (what nodes.csv and ``to_pandas`` hold)."""
    flat = scalar_graph(g, drawing=False)
    rows = [{"id": n, **d} for n, d in flat.nodes(data=True)]
    return _columns(rows, ("id", "label", "type", "aliases", "mentions", "documents")), rows


def edge_table(g: nx.MultiDiGraph) -> tuple[list[str], list[dict]]:
    """Column names and one flat row per edge (what edges.csv and ``to_pandas`` hold)."""
    flat = scalar_graph(g, drawing=False)
    labels = {n: d.get("label", n) for n, d in flat.nodes(data=True)}
    rows = [{"source": u, "target": v, "source_label": labels[u], "target_label": labels[v], **d}
            for u, v, d in flat.edges(data=True)]
    first = ("id", "source", "target", "source_label", "target_label", "relation", "kind", "weight", "count",
             "evidence")
    return _columns(rows, first), rows


def _columns(rows: list[dict], first: tuple[str, ...]) -> list[str]:
    seen = {k for row in rows for k in row}
    return [c for c in first if c in seen] + sorted(seen - set(first))


def write_csv(g: nx.MultiDiGraph, out: Path) -> None:
    """``nodes.csv`` and ``edges.csv`` in `out`: UTF-8, RFC 4180 (quoted as needed, CRLF rows)."""
    for name, (columns, rows) in (("nodes.csv", node_table(g)), ("edges.csv", edge_table(g))):
        with atomic_open(out / name) as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)


# ---------------------------------------------------------------- JSON lines


def _json(obj: Any, indent: int | None = None) -> str:
    """JSON that keeps non-ASCII text readable; lone surrogates (not encodable as UTF-8) become escapes."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_jsonl(rows: Iterable[dict], path: Path) -> None:
    """One JSON object per line."""
    with atomic_open(path) as fh:
        for row in rows:
            fh.write(_json(row) + "\n")


def mention_rows(results: Iterable[DocResult], resolution: Resolution) -> Iterator[dict]:
    """Rows of mentions.jsonl: every mention that belongs to an entity."""
    for r in results:
        ids = resolution.mention_entity.get(r.doc, [])
        for i, m in enumerate(r.mentions):
            if ids[i] is None:
                continue
            yield {"doc": r.doc, "start": m.start, "end": m.end, "text": m.text, "entity": ids[i], "type": m.type}


def relation_rows(g: nx.MultiDiGraph) -> Iterator[dict]:
    """Rows of relations.jsonl: one per evidence row of every edge.

    The OUTPUTS.md fields come first; then the edge's key (to rebuild the MultiDiGraph) and the evidence
    row's own fields (rule, negation, date, …), so kg.load gives back the same evidence.
    """
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: tuple(map(str, e[:3]))):
        for row in d.get("evidence_rows", []):
            yield {"doc": row["doc"], "source": u, "target": v, "relation": row.get("relation", d["relation"]),
                   "kind": d["kind"], "sentence": row["sentence"], "start": row["start"], "end": row["end"],
                   "key": k, **{f: x for f, x in row.items() if f not in _ROW_FIRST}}


_ROW_FIRST = frozenset({"doc", "relation", "sentence", "start", "end", *EDGE_FIELDS})


def write_all(g: nx.MultiDiGraph, mentions: Iterable[dict], out: Path) -> None:
    """Every data file into `out`: the OUTPUTS.md files plus GEXF, node-link JSON and CSV (one layout for all)."""
    from kg.layout import layout

    pos = layout(g)
    write_graphml(g, out / "graph.graphml", pos)
    write_jsonl(relation_rows(g), out / "relations.jsonl")
    write_jsonl(mentions, out / "mentions.jsonl")
    write_gexf(g, out / "graph.gexf", pos)
    write_node_link(g, out / "graph.json")
    write_csv(g, out)
