"""Per-document result cache: one SQLite file of DocResults keyed by what they depend on.

A key is the hash of (the map stage's fingerprint, the document's content). The fingerprint
covers the model name/version, every rule and data file the map reads, and the source of
the map-stage modules, so editing a rule file changes every key while editing one document
changes only its own. Writes happen in the parent process only, one transaction per batch,
in WAL mode: a build killed at any point leaves a valid cache holding the batches it finished.

The same database records, per output folder, a stamp of what its files were built from, so that
`kg build` can leave unchanged outputs alone instead of redoing the whole reduce.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import zlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from kg.schema import ENTITY_TYPES, DocResult, Document

DB_NAME = "results.sqlite"
DEFAULT_DIR = Path(".kg-cache")  # relative to the working directory; KG_CACHE_DIR overrides
FORMAT = "1"  # bump when the stored encoding of a DocResult changes

# A JSON null as a value in compact JSON: orjson writes NaN and infinities so, where json.dumps writes NaN.
_NULL_VALUE = re.compile(rb"[\[:,]null[,\]}]")
_IMPORT = re.compile(r"^\s*(?:from\s+kg(?:\.(\w+))?\s+import\s+([\w, ()]+)|import\s+kg\.(\w+))", re.M)


def default_dir() -> Path:
    """Where `kg build` keeps its cache when no --cache-dir is given."""
    return Path(os.environ.get("KG_CACHE_DIR") or DEFAULT_DIR)


def document_hash(document: Document) -> str:
    """Hash of everything in a Document that the map stage reads (not its name or path)."""
    digest = hashlib.sha256()
    digest.update(document.text.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + document.title.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + json.dumps(document.body).encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of kg's data files and of the map-stage modules (kg.extract and what it imports from kg)."""
    package = Path(str(resources.files("kg")))
    digest = hashlib.sha256()
    for name in sorted(_map_modules(package)):
        digest.update(name.encode() + (package / f"{name}.py").read_bytes())
    data = package / "data"
    for path in sorted(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(data).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _map_modules(package: Path, start: str = "extract") -> set[str]:
    """Names of the kg modules reachable by imports from `start`, found by reading their source."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        path = package / f"{name}.py"
        if name in seen or not path.is_file():
            continue
        seen.add(name)
        for sub, names, plain in _IMPORT.findall(path.read_text(encoding="utf-8")):
            if plain or sub:
                todo.append(plain or sub)
            else:  # from kg import a, b
                todo.extend(n.strip() for n in names.strip("()").split(",") if n.strip())
    return seen


def model_meta(model: str) -> dict:
    """The meta.json of an installed model package or model folder, read without importing spaCy."""
    import importlib.util

    folder = Path(model)
    if not (folder / "meta.json").is_file():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or not spec.submodule_search_locations:
            return {}
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        return json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def map_fingerprint(config) -> str | None:
    """Model name/version + the user's rule files + segment size + kg's own rules and map code; None if the
    model is unknown. Computed without loading spaCy, so that a fully cached rebuild never loads the model.

    The segment size is in it because where a long document is cut changes what spaCy finds.
    """
    meta = model_meta(config.model)
    if not meta.get("version"):
        return None
    digest = hashlib.sha256(f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}".encode())
    digest.update(f"\0segment_chars\0{config.segment_chars}".encode())
    if tuple(config.entity_types) != ENTITY_TYPES:  # extra or fewer node types change what the map keeps
        digest.update(f"\0types\0{','.join(config.entity_types)}".encode())
    for kind, paths in (("patterns", config.patterns), ("relations", config.relation_patterns)):
        for path in paths:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise ValueError(f"{path}: cannot read rule file ({exc.strerror})") from None
            digest.update(f"\0{kind}\0{Path(path).name}\0".encode() + data)
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}:{digest.hexdigest()[:16]}"


def _connect(directory: Path) -> sqlite3.Connection:
    """The cache database in `directory` (created if missing), in WAL mode with its tables."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(Path(directory) / DB_NAME, timeout=60, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS outputs (folder TEXT PRIMARY KEY, stamp TEXT NOT NULL, files TEXT NOT NULL)")
    return db


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """Hash of every file of the kg package (code, data, templates): what the reduce and the writers depend on."""
    package = Path(str(resources.files("kg")))
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def output_stamp(map_digest: str, config) -> str:
    """What a build's output files depend on: every document's name and content, the model and rule files,
    kg's own code and data, and the options of the reduce (not jobs, engine or cache)."""
    options = {k: str(v) for k, v in sorted(vars(config).items())
               if k not in {"jobs", "engine", "scheduler", "cache_dir", "batch_size"}}
    parts = [map_digest, map_fingerprint(config) or config.model, package_fingerprint(), json.dumps(options)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _listing(folder: Path) -> dict[str, list[int]]:
    """Size and modification time of every file directly in `folder`."""
    if not folder.is_dir():
        return {}
    return {p.name: [p.stat().st_size, p.stat().st_mtime_ns] for p in sorted(folder.iterdir()) if p.is_file()}


def outputs_current(directory: Path, out: Path, stamp: str) -> bool:
    """True when `out` holds exactly the files the build with this stamp wrote there, untouched since."""
    if not (Path(directory) / DB_NAME).exists():
        return False
    db = _connect(directory)
    try:
        row = db.execute("SELECT stamp, files FROM outputs WHERE folder = ?", [str(Path(out).resolve())]).fetchone()
    finally:
        db.close()
    return bool(row) and row[0] == stamp and json.loads(row[1]) == _listing(Path(out))


def record_outputs(directory: Path, out: Path, stamp: str) -> None:
    """Remember that the files now in `out` were written by the build with this stamp."""
    db = _connect(directory)
    try:
        db.execute("INSERT OR REPLACE INTO outputs (folder, stamp, files) VALUES (?, ?, ?)",
                   [str(Path(out).resolve()), stamp, json.dumps(_listing(Path(out)))])
    finally:
        db.close()


def encode(result: DocResult) -> bytes:
    """A DocResult as UTF-8 JSON: by orjson straight from the dataclasses (a tenth of the time of asdict plus
    json.dumps); by json.dumps where orjson would differ or fails (NaN, lone surrogates, huge ints, odd keys)."""
    try:
        data = orjson.dumps(result)
    except (orjson.JSONEncodeError, TypeError):
        data = None
    if data is None or _NULL_VALUE.search(data):
        return json.dumps(result.to_dict(), ensure_ascii=False).encode()
    return data


def decode(data: bytes) -> Any:
    """Parsed JSON of a stored result: by orjson, or by json.loads for what orjson refuses (NaN, lone surrogates)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


class ResultCache:
    """DocResults stored in SQLite under `directory`, keyed by fingerprint + document content."""

    def __init__(self, directory: Path, fingerprint: str):
        self.directory = Path(directory)
        self.fingerprint = f"{FORMAT}:{fingerprint}:{code_fingerprint()}"
        self.db = _connect(self.directory)
        self.hits = 0
        self.misses = 0

    def key(self, document: Document) -> str:
        """The cache key of one document under this cache's fingerprint."""
        return hashlib.sha256(f"{self.fingerprint}\0{document_hash(document)}".encode()).hexdigest()

    def get_many(self, documents: list[Document]) -> list[DocResult | None]:
        """Cached results for the documents (None where missing), renamed to each document."""
        keys = [self.key(d) for d in documents]
        marks = ",".join("?" * len(keys))
        rows = dict(self.db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", keys)) if keys else {}
        out: list[DocResult | None] = []
        for document, k in zip(documents, keys, strict=True):
            blob = rows.get(k)
            if blob is None:
                self.misses += 1
                out.append(None)
                continue
            self.hits += 1
            result = DocResult.from_dict(decode(zlib.decompress(blob)))
            result.doc = document.name
            out.append(result)
        return out

    def put_many(self, pairs: Iterable[tuple[Document, DocResult]]) -> None:
        """Store results in one transaction: all of them or (if killed) none."""
        rows = [(self.key(d), zlib.compress(encode(r), 1)) for d, r in pairs]
        if not rows:
            return
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows)

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def close(self) -> None:
        self.db.close()


def clear(directory: Path) -> int:
    """Delete the cache in `directory`; returns how many results it held (0 when there was none)."""
    path = Path(directory) / DB_NAME
    if not path.exists():
        return 0
    db = sqlite3.connect(path, timeout=60)
    try:
        count = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    except sqlite3.DatabaseError:
        count = 0
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return count
