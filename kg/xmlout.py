"""Streaming GraphML and GEXF writers for flat graphs (scalar attributes, one type per attribute).

They write, line by line, the same bytes as NetworkX's ``GraphMLWriter`` (with named key ids and ``int``
for counts, as OUTPUTS.md asks) and ``write_gexf(version="1.2draft")``, without building an ElementTree
of the whole graph first: that tree cost most of the export time on large graphs (tens of seconds at
10,000 nodes). Input rows come from :func:`kg.export.flatten`; edges in NetworkX's iteration order.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import IO, Any
from xml.sax.saxutils import escape

NodeRow = tuple[str, dict[str, Any]]
EdgeRow = tuple[str, str, dict[str, Any]]

GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)
GEXF_NS = 'xmlns="http://www.gexf.net/1.2draft"'
GEXF_VIZ = 'xmlns:viz="http://www.gexf.net/1.2draft/viz" '
GEXF_ROOT = (
    f'{GEXF_NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2"'
)
GEXF_CREATOR = "kg"
CHUNK = 4096  # elements per write


_ATTR_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
# Most values hold none of the characters to escape: one regex search is cheaper than escape's seven replaces.
_TEXT_SPECIAL = re.compile("[&<>]")
_ATTR_SPECIAL = re.compile('[&<>"\r\n\t]')


def text(value: str) -> str:
    """Escape element text as ElementTree does (&, <, >)."""
    return escape(value) if _TEXT_SPECIAL.search(value) else value


def attr(value: str) -> str:
    """Escape an attribute value as ElementTree does (also quotes and line breaks as character references)."""
    return escape(value, _ATTR_ENTITIES) if _ATTR_SPECIAL.search(value) else value


def _write(fh: IO[bytes], pieces: Iterable[str]) -> None:
    """Write strings to a binary file as UTF-8, a chunk at a time."""
    buf: list[str] = []
    for piece in pieces:
        buf.append(piece)
        if len(buf) >= CHUNK:
            fh.write("".join(buf).encode("utf-8"))
            buf.clear()
    if buf:
        fh.write("".join(buf).encode("utf-8"))


# ---------------------------------------------------------------- GraphML


def _graphml_keys(nodes: list[NodeRow], edges: list[EdgeRow], edge_id: str) -> list[tuple[str, str, str, str]]:
    """(scope, name, id, type) of every key in order of first use; ids are names, ``edge_<name>`` on a clash.

    Rows have one type per attribute (kg.export.flatten makes them so): the first value gives the type.
    Rows with the same attribute names in the same order are looked at once.
    """
    found: dict[tuple[str, str], type] = {}
    for scope, rows in (("node", (d for _, d in nodes)), ("edge", (d for _, _, d in edges))):
        shapes: set[tuple[str, ...]] = set()
        for d in rows:
            shape = tuple(d)
            if shape in shapes:
                continue
            shapes.add(shape)
            for k in shape:
                if (scope, k) not in found and not (scope == "edge" and k == edge_id):
                    found[(scope, k)] = type(d[k])
    keys, taken = [], set()
    for (scope, name), t in found.items():
        key_id = name if name not in taken else f"{scope}_{name}"
        taken.add(key_id)
        keys.append((scope, name, key_id, {bool: "boolean", int: "int", float: "double"}.get(t, "string")))
    return keys


def _data_tags(ids: dict[str, str], indent: str) -> dict[str, tuple[str, str]]:
    """Per attribute: the opening ``<data>`` tag and the empty element, escaped once."""
    return {k: (f'{indent}<data key="{attr(i)}">', f'{indent}<data key="{attr(i)}" />\n') for k, i in ids.items()}


def _data(out: list[str], tags: dict[str, tuple[str, str]], d: dict[str, Any], skip: str | None = None) -> None:
    for k, v in d.items():
        if k == skip:
            continue
        value = str(v)
        if value:
            out.append(f"{tags[k][0]}{text(value)}</data>\n")
        else:
            out.append(tags[k][1])


def graphml_pieces(nodes: list[NodeRow], edges: list[EdgeRow], edge_id: str = "id") -> Iterator[str]:
    """The GraphML document, piece by piece: directed graph, named keys, edge ids from the `edge_id` attribute."""
    keys = _graphml_keys(nodes, edges, edge_id)
    yield GRAPHML_HEAD + "\n"
    for scope, name, key_id, typ in reversed(keys):  # NetworkX inserts each new key first
        yield f'  <key id="{attr(key_id)}" for="{scope}" attr.name="{attr(name)}" attr.type="{typ}" />\n'
    if not nodes and not edges:
        yield '  <graph edgedefault="directed" />\n</graphml>\n'
        return
    yield '  <graph edgedefault="directed">\n'
    node_tags = _data_tags({name: key_id for scope, name, key_id, _ in keys if scope == "node"}, "      ")
    edge_tags = _data_tags({name: key_id for scope, name, key_id, _ in keys if scope == "edge"}, "      ")
    ids: dict[str, str] = {}
    out: list[str] = []
    for n, d in nodes:
        ids[n] = attr(n)
        if not d:
            out.append(f'    <node id="{ids[n]}" />\n')
        else:
            out.append(f'    <node id="{ids[n]}">\n')
            _data(out, node_tags, d)
            out.append("    </node>\n")
        if len(out) > CHUNK:
            yield "".join(out)
            out.clear()
    for u, v, d in edges:
        su = ids[u] if u in ids else attr(u)
        sv = ids[v] if v in ids else attr(v)
        head = f'    <edge source="{su}" target="{sv}" id="{attr(str(d[edge_id]))}"'
        if len(d) <= 1:
            out.append(head + " />\n")
        else:
            out.append(head + ">\n")
            _data(out, edge_tags, d, skip=edge_id)
            out.append("    </edge>\n")
        if len(out) > CHUNK:
            yield "".join(out)
            out.clear()
    out.append("  </graph>\n</graphml>\n")
    yield "".join(out)


def write_graphml(fh: IO[bytes], nodes: list[NodeRow], edges: list[EdgeRow]) -> None:
    """Write a flat graph as GraphML to a binary file."""
    _write(fh, graphml_pieces(nodes, edges))


# ---------------------------------------------------------------- GEXF

_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GEXF_FLOATS = {"inf": "INF", "nan": "NaN", "-inf": "-INF"}
_PLAIN = (int, float, bool)  # their text never holds a character to escape
NODE_VIZ = ("r", "g", "b", "size", "x", "y")
EDGE_ELEMENT_ATTRS = ("label", "weight", "type")


def _gexf_value(v: Any) -> str:
    if isinstance(v, bool):
        return str(v).lower()
    s = str(v)
    return _GEXF_FLOATS.get(s, s) if isinstance(v, float) else s


def _gexf_attributes(nodes: list[NodeRow], edges: list[EdgeRow]) -> dict[str, dict[str, tuple[str, str]]]:
    """class → attribute title → (id, type), ids numbered in order of first use, nodes first."""
    out: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    count = 0
    for cls, rows, skip in (("node", (d for _, d in nodes), {"label", *NODE_VIZ}),
                            ("edge", (d for _, _, d in edges), {"id", *EDGE_ELEMENT_ATTRS})):
        table, shapes = out[cls], set()
        for d in rows:
            shape = tuple(d)
            if shape in shapes:  # a row with names already seen in this order adds no attribute
                continue
            shapes.add(shape)
            for k, v in d.items():
                title = "networkx_key" if cls == "edge" and k == "key" else k
                if k in skip or title in table:
                    continue
                table[title] = (str(count), _GEXF_TYPES.get(type(v), "string"))
                count += 1
    return out


def _attvalue_text(v: Any) -> str:
    """The text of one ``<attvalue>``: GEXF's spelling of booleans and infinities, escaped for an attribute."""
    return _gexf_value(v) if type(v) in _PLAIN else attr(_gexf_value(v))


class _GexfShape:
    """How rows with one attribute shape are written: a %-template of the element after its head, filled by
    the row's values in template order. The template serves rows whose values have the types of the first row
    seen, no character to escape and finite attvalue floats; any other row is written value by value."""

    def __init__(self, d: dict[str, Any], tags: dict[str, str], edge: bool):
        viz = () if edge else NODE_VIZ
        elements = tuple(k for k in EDGE_ELEMENT_ATTRS if k in d) if edge else ()
        skip = {"id", *EDGE_ELEMENT_ATTRS} if edge else {"label", *NODE_VIZ}
        self.values = [k for k in d if k not in skip]  # attvalues, in row order
        self.tags = [tags["networkx_key" if edge and k == "key" else k] for k in self.values]
        self.elements = elements
        self.edge = edge
        self.close = "      </edge>\n" if edge else "      </node>\n"
        order = (*viz, *elements, *self.values)
        self.get = itemgetter(*order) if len(order) > 1 else (lambda row: (row[order[0]],)) if order else None
        self.template = self._template(viz, elements, edge)
        types = tuple(type(d[k]) for k in order)
        self.types = types if set(types[len(viz):]) <= {str, int, float, bool} else None
        first = len(viz) + len(elements)
        self.escaped = [i for i in range(len(viz), len(order)) if types[i] is str]
        self.floats = [i for i in range(first, len(order)) if types[i] is float]
        self.bools = [i for i in range(first, len(order)) if types[i] is bool]

    def _template(self, viz: tuple[str, ...], elements: tuple[str, ...], edge: bool) -> str:
        lines = "".join(f'{tag.replace("%", "%%")}%s" />\n' for tag in self.tags)
        block = f"        <attvalues>\n{lines}        </attvalues>\n" if lines else ""
        if edge:
            head = "".join(f' {k}="%s"' for k in elements)
            return f"{head}>\n{block}{self.close}" if block else f"{head} />\n"
        return ('        <viz:color r="%s" g="%s" b="%s" a="1.0" />\n        <viz:size value="%s" />\n'
                f'        <viz:position x="%s" y="%s" z="0.0" />\n{block}{self.close}')

    def fill(self, d: dict[str, Any]) -> str:
        """The element's text after its head, for row `d` (of this shape)."""
        if self.get is None:
            return self.template
        values = self.get(d)
        if tuple(map(type, values)) != self.types or (self.escaped and _ATTR_SPECIAL.search(
                "".join([values[i] for i in self.escaped]))) or (self.floats and not math.isfinite(
                sum([values[i] for i in self.floats]))):
            return self._by_value(d)
        if self.bools:
            values = list(values)
            for i in self.bools:
                values[i] = "true" if values[i] else "false"
        return self.template % tuple(values)

    def _by_value(self, d: dict[str, Any]) -> str:
        """fill for any row, one value at a time."""
        lines = "".join(f'{tag}{_attvalue_text(d[k])}" />\n' for tag, k in zip(self.tags, self.values, strict=True))
        block = f"        <attvalues>\n{lines}        </attvalues>\n" if lines else ""
        if self.edge:
            head = "".join(f' {k}="{attr(str(d[k]))}"' for k in self.elements)
            return f"{head}>\n{block}{self.close}" if block else f"{head} />\n"
        return (f'        <viz:color r="{d["r"]}" g="{d["g"]}" b="{d["b"]}" a="1.0" />\n'
                f'        <viz:size value="{d["size"]}" />\n'
                f'        <viz:position x="{d["x"]}" y="{d["y"]}" z="0.0" />\n{block}{self.close}')


def _attvalue_tags(table: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {title: f'          <attvalue for="{i}" value="' for title, (i, _) in table.items()}


def gexf_pieces(nodes: list[NodeRow], edges: list[EdgeRow], date: str | None = None) -> Iterator[str]:
    """GEXF 1.2draft, piece by piece: nodes carry ``r g b size x y`` (written as viz), edges ``id``."""
    attributes = _gexf_attributes(nodes, edges)
    viz = GEXF_VIZ if nodes else ""
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield f"<gexf {viz}{GEXF_ROOT}>\n"
    yield f'  <meta lastmodifieddate="{date or time.strftime("%Y-%m-%d")}">\n'
    yield f"    <creator>{text(GEXF_CREATOR)}</creator>\n  </meta>\n"
    yield '  <graph defaultedgetype="directed" mode="static" name="">\n'
    for cls in ("edge", "node"):  # NetworkX inserts each new <attributes> block first
        if attributes[cls]:
            yield f'    <attributes mode="static" class="{cls}">\n'
            for title, (i, typ) in attributes[cls].items():
                yield f'      <attribute id="{i}" title="{attr(title)}" type="{typ}" />\n'
            yield "    </attributes>\n"
    yield from _gexf_nodes(nodes, attributes["node"])
    yield from _gexf_edges(edges, attributes["edge"])
    yield "  </graph>\n</gexf>\n"


def _gexf_block(tag: str, pieces: Iterator[str] | None) -> Iterator[str]:
    """`<tag>` … `</tag>` around the pieces, joined CHUNK pieces at a time; `<tag />` when there are none (None)."""
    if pieces is None:
        yield f"    <{tag} />\n"
        return
    yield f"    <{tag}>\n"
    out: list[str] = []
    for piece in pieces:
        out.append(piece)
        if len(out) > CHUNK:
            yield "".join(out)
            out.clear()
    out.append(f"    </{tag}>\n")
    yield "".join(out)


def _gexf_nodes(nodes: list[NodeRow], table: dict[str, tuple[str, str]]) -> Iterator[str]:
    return _gexf_block("nodes", _gexf_node_pieces(nodes, table) if nodes else None)


def _gexf_node_pieces(nodes: list[NodeRow], table: dict[str, tuple[str, str]]) -> Iterator[str]:
    tags = _attvalue_tags(table)
    shapes: dict[tuple[str, ...], _GexfShape] = {}
    for n, d in nodes:
        shape = tuple(d)
        writer = shapes.get(shape) or shapes.setdefault(shape, _GexfShape(d, tags, edge=False))
        yield f'      <node id="{attr(n)}" label="{attr(str(d.get("label", n)))}">\n'
        yield writer.fill(d)


def _gexf_edges(edges: list[EdgeRow], table: dict[str, tuple[str, str]]) -> Iterator[str]:
    return _gexf_block("edges", _gexf_edge_pieces(edges, table) if edges else None)


def _gexf_edge_pieces(edges: list[EdgeRow], table: dict[str, tuple[str, str]]) -> Iterator[str]:
    tags = _attvalue_tags(table)
    shapes: dict[tuple[str, ...], _GexfShape] = {}
    ids: dict[str, str] = {}
    for u, v, d in edges:
        shape = tuple(d)
        writer = shapes.get(shape) or shapes.setdefault(shape, _GexfShape(d, tags, edge=True))
        su = ids[u] if u in ids else ids.setdefault(u, attr(u))
        sv = ids[v] if v in ids else ids.setdefault(v, attr(v))
        yield f'      <edge source="{su}" target="{sv}" id="{attr(str(d["id"]))}"'
        yield writer.fill(d)


def write_gexf(fh: IO[bytes], nodes: list[NodeRow], edges: list[EdgeRow], date: str | None = None) -> None:
    """Write a flat graph with drawing attributes as GEXF 1.2draft (viz namespace) to a binary file."""
    _write(fh, gexf_pieces(nodes, edges, date))
