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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

import networkx as nx
import orjson

from kg import xmlout
from kg.resolve import Resolution
from kg.schema import DocResult

# Characters XML 1.0 cannot carry (controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Every file kg writes into --out; a killed build may leave ".<name>.<random>.tmp" beside them (atomic_open).
OUTPUT_NAMES = ("graph.graphml", "relations.jsonl", "mentions.jsonl", "graph.gexf", "graph.json", "nodes.csv",
                "edges.csv", "graph.html")
# Formats written only when asked for (`kg build --formats`, `kg export`), by name, and the files each one is.
EXTRA_FORMATS = {"gexf": ("graph.gexf",), "json": ("graph.json",), "csv": ("nodes.csv", "edges.csv")}
ALL_FORMATS = tuple(EXTRA_FORMATS)
ALIAS_SEP = " | "
# List-valued attributes of the in-memory graph, joined by ALIAS_SEP in every flat format.
LIST_ATTRS = frozenset({"aliases", "docs", "titles", "merges", "rules"})
# Attributes that only exist in the exported files (drawing hints), dropped again by kg.load.
DRAWING_ATTRS = frozenset({"r", "g", "b", "x", "y", "size"})
# Fields of relations.jsonl that describe the edge, not the evidence row (see relation_rows).
EDGE_FIELDS = ("source", "target", "kind", "key")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (they would make the whole file unreadable)."""
    if text.isascii() and text.isprintable():  # printable ASCII holds none of them: skip the regex (most values)
        return text
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


def remove_stale_temps(out: Path, names: Iterable[str] = OUTPUT_NAMES) -> list[Path]:
    """Delete the temporary files a killed build left in `out` (only ".<output name>.<random>.tmp"); returns them."""
    pattern = re.compile(rf"\.(?:{'|'.join(re.escape(n) for n in names)})\.[A-Za-z0-9_]+\.tmp")
    stale = [p for p in Path(out).glob(".*.tmp") if pattern.fullmatch(p.name) and p.is_file() and not p.is_symlink()]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------- flattening


def _scalar(value: Any) -> Any:
    """One attribute value as a GraphML/CSV scalar: lists joined, dicts as JSON, strings XML-safe."""
    kind = type(value)
    if kind is str:
        return xml_safe(value)
    if kind is int or kind is float or kind is bool:
        return value
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
    by_shape: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:  # rows with the same attribute names are looked at column by column
        by_shape.setdefault(tuple(row), []).append(row)
    kinds: dict[str, set[type]] = {}
    for shape, group in by_shape.items():
        for k, column in zip(shape, zip(*(row.values() for row in group), strict=True), strict=True):
            kinds.setdefault(k, set()).update(map(type, column))
    cast: dict[str, Callable[[Any], Any]] = {}
    for k, ts in kinds.items():
        if len(ts) == 1:
            continue
        cast[k] = float if ts <= {int, float} else str
    if not cast:
        return
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


@dataclass
class Flat:
    """A graph's attributes as scalar, XML-safe rows of one type per attribute (see :func:`flatten`).

    ``nodes``: (id, attrs) in the graph's node order. ``edges``: (source, target, attrs) with ``key`` and a
    unique ``id``, in NetworkX's iteration order of the flat MultiDiGraph (by source node, then sorted).
    """

    nodes: list[tuple[str, dict]]
    edges: list[tuple[str, str, dict]]
    labels: list[str]  # per edge: the relation, the edge's drawing label
    ordered: list[tuple] | None = None  # sorted_edges of the graph (relations.jsonl's order)

    def drawing(self, g: nx.MultiDiGraph, pos: dict) -> tuple[list[tuple[str, dict]], list[tuple[str, str, dict]]]:
        """Rows with drawing hints: nodes get ``r g b size x y``, edges a ``label`` before ``key`` and ``id``."""
        nodes = []
        colours: dict[str, tuple[int, int, int]] = {}
        for (n, d), (fn, attrs) in zip(g.nodes(data=True), self.nodes, strict=True):
            row = attrs.copy()
            etype = d.get("type", "")
            row["r"], row["g"], row["b"] = colours[etype] if etype in colours else colours.setdefault(etype, rgb(etype))
            row["size"] = node_size(int(d.get("mentions", 1) or 0))
            x, y = pos.get(n, (0.0, 0.0))
            row["x"], row["y"] = float(x), float(y)
            nodes.append((fn, row))
        edges = []
        for (u, v, attrs), label in zip(self.edges, self.labels, strict=True):
            row = attrs.copy()  # the same order as without key and id, then label, key and id
            key, edge_id = row.pop("key"), row.pop("id")
            row["label"] = label
            row["key"], row["id"] = key, edge_id
            edges.append((u, v, row))
        return nodes, edges


def _flat_attrs(d: dict, skip: str = "") -> dict:
    """Scalar attributes of one node or edge (`skip` left out); plain numbers and printable ASCII text as they are."""
    out = {}
    for k, v in d.items():
        kind = type(v)
        if kind is int or kind is float or kind is bool or (kind is str and v.isascii() and v.isprintable()):
            out[k] = v
        elif k != skip:
            out[k] = _scalar(v)
    out.pop(skip, None)
    return out


def sorted_edges(g: nx.MultiDiGraph) -> list[tuple[Any, Any, Any, dict]]:
    """Every edge as (source, target, key, data), sorted by the text of source, target and key."""
    edges = [(u, v, k, d) for u, nbrs in g.adjacency() for v, keyed in nbrs.items() for k, d in keyed.items()]
    if all(type(n) is str for n in g) and all(type(e[2]) is str for e in edges):
        edges.sort(key=itemgetter(0, 1, 2))  # the same order, without a str() per field
    else:
        edges.sort(key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    return edges


def flatten(g: nx.MultiDiGraph, ordered: list[tuple] | None = None) -> Flat:
    """Scalar rows of every node and edge: lists joined, dicts as JSON, text XML-safe, one type per attribute.

    `ordered`: :func:`sorted_edges` of `g` when the caller already has them."""
    nodes = [(xml_safe(str(n)), _flat_attrs(d)) for n, d in g.nodes(data=True)]
    ordered = sorted_edges(g) if ordered is None else ordered
    edges, labels = [], []
    for i, (u, v, k, d) in enumerate(ordered):
        attrs = _flat_attrs(d, skip="evidence_rows")
        attrs["key"] = xml_safe(str(k))
        attrs["id"] = f"e{i}"
        edges.append((xml_safe(str(u)), xml_safe(str(v)), attrs))
        labels.append(xml_safe(str(d.get("relation", ""))))
    _unify(a for _, a in nodes)
    _unify(a for _, _, a in edges)
    # A MultiDiGraph built from these rows lists edges by source node (in node order), each group as sorted.
    by_source: dict[str, list[int]] = {}
    for i, (u, _, _) in enumerate(edges):
        by_source.setdefault(u, []).append(i)
    seen = dict.fromkeys([n for n, _ in nodes] + [x for u, v, _ in edges for x in (u, v)])
    order = [i for n in seen for i in by_source.get(n, [])]
    return Flat(nodes, [edges[i] for i in order], [labels[i] for i in order], ordered)


def scalar_graph(g: nx.MultiDiGraph, drawing: bool = True, pos: dict | None = None) -> nx.MultiDiGraph:
    """A copy with only scalar, XML-safe attributes of one type each, as GraphML, GEXF and Gephi need.

    With `drawing`, nodes also get colour (``r``, ``g``, ``b``), ``size`` and a position (``x``, ``y``) and
    edges a ``label`` (the relation). Every edge gets a unique ``id`` and keeps its key as ``key``.
    Positions come from `pos` or, when not given, from :func:`kg.layout.layout`.
    """
    from kg.layout import layout

    flat = flatten(g)
    nodes, edges = flat.drawing(g, pos if pos is not None else layout(g)) if drawing else (flat.nodes, flat.edges)
    out = nx.MultiDiGraph()
    out.add_nodes_from(nodes)
    out.add_edges_from((u, v, attrs["key"], attrs) for u, v, attrs in edges)
    return out


# ---------------------------------------------------------------- GraphML


def write_graphml(g: nx.MultiDiGraph, path: Path, pos: dict | None = None, flat: Flat | None = None,
                  drawn: tuple[list, list] | None = None) -> None:
    """GraphML for Gephi: scalar typed attributes, named key ids, unique edge ids, colours and positions.

    Key ids are the attribute names (``edge_<name>`` when a node key has that name): NetworkX numbers keys
    ``d0, d1, …`` and Gephi reads ``d3``/``d7`` as labels by the yEd convention. Counts are GraphML ``int``.
    """
    from kg.layout import layout

    if drawn is None:
        drawn = (flat or flatten(g)).drawing(g, pos if pos is not None else layout(g))
    nodes, edges = drawn
    with atomic_open(path, "wb") as fh:
        xmlout.write_graphml(fh, nodes, edges)


# ---------------------------------------------------------------- GEXF, node-link JSON, CSV


def write_gexf(g: nx.MultiDiGraph, path: Path, pos: dict | None = None, flat: Flat | None = None,
               drawn: tuple[list, list] | None = None) -> None:
    """GEXF 1.2 with the ``viz`` namespace (colour, size, position) that Gephi draws directly.

    `drawn`: the rows of ``flat.drawing(g, pos)`` when the caller already made them (GraphML uses the same)."""
    from kg.layout import layout

    if drawn is None:
        drawn = (flat or flatten(g)).drawing(g, pos if pos is not None else layout(g))
    nodes, edges = drawn
    with atomic_open(path, "wb") as fh:
        xmlout.write_gexf(fh, nodes, edges)


def node_link(g: nx.MultiDiGraph) -> dict:
    """The whole graph as node-link data, lists and evidence rows included (the lossless format)."""
    return nx.node_link_data(g, edges="edges")


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    """Node-link JSON (``nodes``/``edges``), as d3, sigma.js and ``networkx.node_link_graph`` read it."""
    with atomic_open(path, "wb") as fh:
        fh.write(json_bytes(node_link(g)))
        fh.write(b"\n")


def node_table(g: nx.MultiDiGraph, flat: Flat | None = None) -> tuple[list[str], list[dict]]:
    """Column names and one flat row per node (what nodes.csv and ``to_pandas`` hold)."""
    flat = flat or flatten(g)
    rows = [{"id": n, **d} for n, d in flat.nodes]
    return _columns(rows, ("id", "label", "type", "aliases", "mentions", "documents")), rows


def edge_table(g: nx.MultiDiGraph, flat: Flat | None = None) -> tuple[list[str], list[dict]]:
    """Column names and one flat row per edge (what edges.csv and ``to_pandas`` hold)."""
    flat = flat or flatten(g)
    labels = {n: d.get("label", n) for n, d in flat.nodes}
    rows = [{"source": u, "target": v, "source_label": labels[u], "target_label": labels[v], **d}
            for u, v, d in flat.edges]
    first = ("id", "source", "target", "source_label", "target_label", "relation", "kind", "weight", "count",
             "evidence")
    return _columns(rows, first), rows


def _columns(rows: list[dict], first: tuple[str, ...]) -> list[str]:
    seen = {k for row in rows for k in row}
    return [c for c in first if c in seen] + sorted(seen - set(first))


def write_csv(g: nx.MultiDiGraph, out: Path, flat: Flat | None = None) -> None:
    """``nodes.csv`` and ``edges.csv`` in `out`: UTF-8, RFC 4180 (quoted as needed, CRLF rows)."""
    flat = flat or flatten(g)
    for name, (columns, rows) in (("nodes.csv", node_table(g, flat)), ("edges.csv", edge_table(g, flat))):
        with atomic_open(out / name) as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(columns)
            writer.writerows(_cells(rows, columns))


def _cells(rows: list[dict], columns: list[str]) -> Iterable[Iterable[Any]]:
    """Each row's values in column order, "" where it lacks a column (what csv.DictWriter writes)."""
    if len(columns) > 1 and all(len(row) == len(columns) for row in rows):  # every row has every column
        return map(itemgetter(*columns), rows)
    return ([row.get(c, "") for c in columns] for row in rows)


# ---------------------------------------------------------------- JSON lines


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # made once: json.dumps with options builds one per call
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # orjson's layout, for the rows it refuses
JSONL_CHUNK = 4096  # rows per write
# Characters str.splitlines breaks at that JSON leaves raw (U+0085, U+2028, U+2029 in UTF-8): escaped in JSONL.
_LINE_BREAKS_UTF8 = re.compile(b"\xe2\x80[\xa8\xa9]|\xc2\x85")


def _escape_code(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def _escape_utf8(m: re.Match) -> bytes:
    return f"\\u{ord(m.group().decode('utf-8')):04x}".encode()


def _json(obj: Any, indent: int | None = None) -> str:
    """JSON that keeps non-ASCII text readable; lone surrogates (not encodable as UTF-8) become escapes."""
    text = _ENCODER.encode(obj) if indent is None else json.dumps(obj, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(_escape_code, text)


def json_bytes(obj: Any) -> bytes:
    """Compact UTF-8 JSON of `obj`, by orjson (fast); by the stdlib encoder for what orjson cannot write the
    same way (lone surrogates, integers beyond 64 bits, non-string keys, NaN/infinity), so the content is
    always what ``json.dumps`` gives."""
    try:
        data = orjson.dumps(obj)
    except (orjson.JSONEncodeError, TypeError):
        data = None
    if data is None or has_null_value(data):
        return _SURROGATE.sub(_escape_code, _COMPACT.encode(obj)).encode("utf-8")
    return data


def has_null_value(data: bytes) -> bool:
    """Whether compact JSON holds a null value (orjson writes NaN and infinities as null), not only the word."""
    i = data.find(b"null")
    while i >= 0:
        if i > 0 and data[i - 1] in b"[:," and data[i + 4:i + 5] in (b",", b"]", b"}"):
            return True
        i = data.find(b"null", i + 4)
    return False


def write_jsonl(rows: Iterable[dict], path: Path) -> None:
    """One JSON object per line (U+0085, U+2028, U+2029 escaped: every line splitter sees one row per line)."""
    with atomic_open(path, "wb") as fh:
        lines: list[bytes] = []
        for row in rows:
            lines.append(json_bytes(row))
            if len(lines) >= JSONL_CHUNK:
                fh.write(_jsonl_bytes(lines))
                lines.clear()
        if lines:
            fh.write(_jsonl_bytes(lines))


def _jsonl_bytes(lines: list[bytes]) -> bytes:
    """Encoded rows joined into lines, Unicode line breaks escaped (one pass per chunk)."""
    data = b"\n".join(lines) + b"\n"
    return _LINE_BREAKS_UTF8.sub(_escape_utf8, data) if b"\xe2\x80" in data or b"\xc2\x85" in data else data


def mention_rows(results: Iterable[DocResult], resolution: Resolution) -> Iterator[dict]:
    """Rows of mentions.jsonl: every mention that belongs to an entity."""
    for r in results:
        ids = resolution.mention_entity.get(r.doc, [])
        for i, m in enumerate(r.mentions):
            if ids[i] is None:
                continue
            yield {"doc": r.doc, "start": m.start, "end": m.end, "text": m.text, "entity": ids[i], "type": m.type}


def relation_rows(g: nx.MultiDiGraph, ordered: list[tuple] | None = None) -> Iterator[dict]:
    """Rows of relations.jsonl: one per evidence row of every edge.

    The OUTPUTS.md fields come first; then the edge's key (to rebuild the MultiDiGraph) and the evidence
    row's own fields (rule, negation, date, …), so kg.load gives back the same evidence.
    `ordered`: :func:`sorted_edges` of `g` when the caller already has them.
    """
    for u, v, k, d in sorted_edges(g) if ordered is None else ordered:
        for row in d.get("evidence_rows", []):
            yield {"doc": row["doc"], "source": u, "target": v, "relation": row.get("relation", d["relation"]),
                   "kind": d["kind"], "sentence": row["sentence"], "start": row["start"], "end": row["end"],
                   "key": k, **{f: x for f, x in row.items() if f not in _ROW_FIRST}}


_ROW_FIRST = frozenset({"doc", "relation", "sentence", "start", "end", *EDGE_FIELDS})


def check_formats(names: Iterable[str]) -> tuple[str, ...]:
    """The extra formats named (blanks ignored, 'all' = every one) in EXTRA_FORMATS order; ValueError on another."""
    wanted = {n.strip().lower() for n in names} - {""}
    if "all" in wanted:
        return ALL_FORMATS
    unknown = sorted(wanted - set(EXTRA_FORMATS))
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}: use {', '.join(EXTRA_FORMATS)} or all")
    return tuple(f for f in EXTRA_FORMATS if f in wanted)


def write_all(g: nx.MultiDiGraph, mentions: Iterable[dict], out: Path, pos: dict | None = None,
              formats: Iterable[str] = ALL_FORMATS) -> None:
    """The OUTPUTS.md data files into `out` (GraphML, relations.jsonl, mentions.jsonl) plus the extra formats
    asked for (GEXF, node-link JSON, CSV; see EXTRA_FORMATS); the files of formats not asked for are removed.

    One layout (`pos`, else :func:`kg.layout.layout`) and one flattening serve every file.
    """
    from kg.layout import layout

    formats = tuple(formats)
    remove_stale_temps(out)
    pos = pos if pos is not None else layout(g)
    flat = flatten(g)
    drawn = flat.drawing(g, pos)
    write_graphml(g, out / "graph.graphml", drawn=drawn)
    write_undrawn(g, mentions, out, flat, formats)
    if "gexf" in formats:
        write_gexf(g, out / "graph.gexf", drawn=drawn)
    remove_unasked(out, formats)


def write_undrawn(g: nx.MultiDiGraph, mentions: Iterable[dict], out: Path, flat: Flat | None = None,
                  formats: Iterable[str] = ALL_FORMATS) -> None:
    """The data files that need no layout: relations.jsonl, mentions.jsonl, and graph.json, nodes.csv and
    edges.csv when `formats` holds "json" / "csv"."""
    write_jsonl(relation_rows(g, flat.ordered if flat else None), out / "relations.jsonl")
    write_jsonl(mentions, out / "mentions.jsonl")
    if "json" in formats:
        write_node_link(g, out / "graph.json")
    if "csv" in formats:
        write_csv(g, out, flat)


def remove_unasked(out: Path, formats: Iterable[str]) -> None:
    """Delete kg's files of the extra formats not in `formats`, so that `out` never holds a GEXF or CSV of an
    earlier graph beside the GraphML of this one."""
    for name, files in EXTRA_FORMATS.items():
        if name not in formats:
            for file in files:
                (Path(out) / file).unlink(missing_ok=True)
