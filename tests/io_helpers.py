"""Helpers for the bad-input, kill, fuzz and determinism tests: run the real CLI, check every output parses."""

from __future__ import annotations

import csv
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from io import BytesIO, StringIO
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx

KG = [sys.executable, "-m", "kg"]
SENTENCE = "Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the European Union budget.\n"
PROSE = SENTENCE + "Barack Obama visited Berlin and spoke with Olaf Scholz about NATO.\n"


def run_kg(*args: str | Path, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m kg ARGS` in a child process (no shell), stderr and stdout captured as text."""
    env = {**os.environ, "KG_CACHE_DIR": str(Path(cwd or ".").resolve() / ".kg-cache-test")}
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env=env, check=False)


def read_jsonl(path: Path) -> list[dict]:
    """Every line of a JSONL file parsed (fails on a broken line or a file that is not UTF-8)."""
    return [json.loads(line) for line in jsonl_lines(path.read_bytes())]


def jsonl_lines(data: bytes) -> list[str]:
    """The records of a JSON Lines file: split at "\n" only (U+2028 and friends may sit inside a string)."""
    text = data.decode("utf-8")
    assert not text or text.endswith("\n"), "last JSONL record is unterminated"
    return text.split("\n")[:-1]


def check_outputs(out: Path) -> dict[str, bytes]:
    """Assert that every output file under `out` is complete and parses; return their bytes by name."""
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}
    assert {"graph.graphml", "mentions.jsonl", "relations.jsonl", "graph.html"} <= set(files), sorted(files)
    for name, data in files.items():
        if name.endswith((".graphml", ".gexf", ".xml")):
            ElementTree.fromstring(data)
        elif name.endswith(".jsonl"):
            for line in jsonl_lines(data):
                json.loads(line)
        elif name.endswith(".json"):
            json.loads(data.decode("utf-8"))
        elif name.endswith(".csv"):
            rows = list(csv.reader(StringIO(data.decode("utf-8"), newline="")))
            assert rows and all(len(row) == len(rows[0]) for row in rows), name
        elif name.endswith(".html"):
            assert data.rstrip().endswith(b"</html>"), name
    nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    return files


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0")) + \
        chunk(b"IEND", b"")


def pdf_bytes() -> bytes:
    """A small, uncompressed PDF: mostly ASCII, which is why kg checks the magic bytes too."""
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            b"trailer << /Root 1 0 R >>\n%%EOF\n")


def zip_bytes() -> bytes:
    """A ZIP archive holding one text file."""
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("story.txt", SENTENCE * 20)
    return buf.getvalue()
