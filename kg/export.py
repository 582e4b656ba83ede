"""Writers for kg's output files; every write is atomic (temporary file, then rename)."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import networkx as nx

from kg.resolve import Resolution
from kg.schema import DocResult

# Characters XML 1.0 cannot carry (controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ALIAS_SEP = " | "


def xml_safe(text: str) -> str:
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


def scalar_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar, XML-safe attributes, as GraphML and Gephi need."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in d.items() if k not in {"docs", "merges"}})
    for i, (u, v, k, d) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: e[:3])):
        attrs = {a: _scalar(x) for a, x in d.items() if a != "evidence_rows"}
        out.add_edge(u, v, key=k, id=f"e{i}", **attrs)
    return out


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return xml_safe(ALIAS_SEP.join(str(x) for x in value))
    if isinstance(value, str):
        return xml_safe(value)
    if value is None:
        return ""
    return value


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    flat = scalar_graph(g)
    with atomic_open(path, "wb") as fh:
        nx.write_graphml(flat, fh, edge_id_from_attribute="id")


def write_jsonl(rows: Iterable[dict], path: Path) -> None:
    with atomic_open(path) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


def mention_rows(results: Iterable[DocResult], resolution: Resolution) -> Iterator[dict]:
    for r in results:
        ids = resolution.mention_entity.get(r.doc, [])
        for i, m in enumerate(r.mentions):
            if ids[i] is None:
                continue
            yield {"doc": r.doc, "start": m.start, "end": m.end, "text": m.text, "entity": ids[i], "type": m.type}


def relation_rows(g: nx.MultiDiGraph) -> Iterator[dict]:
    for u, v, _k, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        for row in d.get("evidence_rows", []):
            yield {"doc": row["doc"], "source": u, "target": v, "relation": d["relation"], "kind": d["kind"],
                   "sentence": row["sentence"], "start": row["start"], "end": row["end"],
                   "rule": row.get("rule", ""), "negated": d.get("negated", False),
                   "hypothetical": d.get("hypothetical", False), "date": row.get("date", "")}
