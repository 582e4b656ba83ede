"""One build: read → map (extract per document) → reduce (resolve, graph) → outputs."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg import analyse, clean, export, render
from kg.config import BuildConfig
from kg.graph import build_graph
from kg.layout import layout
from kg.query import KnowledgeGraph
from kg.read import Skipped, read_documents
from kg.resolve import Resolution, resolve
from kg.schema import DocResult, Document

# A corpus of at most this many characters is read once (the first pass keeps its documents for the map);
# a larger one is read again, so that its texts are never all held at once.
KEEP_CHARS = 20_000_000
# Graphs with at least this many nodes have their output files written by two processes at once.
PARALLEL_MIN_NODES = 2_000


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    cached: int = 0  # documents whose result came from the cache
    digest: str = ""  # hash of every document's name and content, in order (kg.engine.run_map)


class Built(KnowledgeGraph):
    """A KnowledgeGraph that also keeps the per-document results it came from."""

    def __init__(self, results: list[DocResult], resolution: Resolution, config: BuildConfig, report: BuildReport):
        super().__init__(analyse.annotate(build_graph(results, resolution, config.min_weight, config.min_count,
                                                     config.document_links)))
        self.results = results
        self.resolution = resolution
        self.report = report

    def mention_rows(self) -> Iterator[dict]:
        """Rows of mentions.jsonl, made from the per-document results."""
        return export.mention_rows(self.results, self.resolution)


def build(inputs: Iterable[str | Path], config: BuildConfig | None = None,
          progress: Callable[[DocResult], None] | None = None) -> Built:
    """Build a knowledge graph from files and folders."""
    config = config or BuildConfig()
    results, report = extract_corpus(inputs, config, progress)
    return reduce_corpus(results, config, report)


def extract_corpus(inputs: Iterable[str | Path], config: BuildConfig,
                   progress: Callable[[DocResult], None] | None = None) -> tuple[list[DocResult], BuildReport]:
    """The map stage over every input file: per-document results, in name order, and the report so far."""
    from kg.engine import run_map

    report = BuildReport()
    t0 = time.perf_counter()
    inputs = list(inputs)
    kept, repeats = _first_pass(inputs)

    def documents():
        for item in _drain(kept) if kept is not None else read_documents(inputs):
            if isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                yield clean.with_corpus_body(item, repeats)

    results = []
    stats: dict = {}
    for result in run_map(documents(), config, stats=stats):
        results.append(result)
        report.documents += 1
        report.words += result.words
        if progress:
            progress(result)
    report.cached = stats.get("cached", 0)
    report.digest = stats.get("digest", "")
    report.seconds = time.perf_counter() - t0
    return results, report


def _first_pass(inputs: list[str | Path]) -> tuple[deque[Document | Skipped] | None, frozenset[bytes]]:
    """Lines repeated across the corpus's documents (page chrome, :func:`kg.clean.corpus_repeats`), and what
    read_documents gave while the texts hold at most KEEP_CHARS characters (else None: the map reads them again)."""
    kept: deque[Document | Skipped] | None = deque()
    chars = 0

    def texts() -> Iterator[str]:
        nonlocal kept, chars
        for item in read_documents(inputs):
            if kept is not None:
                kept.append(item)
            if not isinstance(item, Skipped):
                chars += len(item.text)
                if chars > KEEP_CHARS:
                    kept = None
                yield item.text

    repeats = clean.corpus_repeats(texts())
    return kept, repeats


def _drain(items: deque) -> Iterator:
    """The items, each let go as it is given."""
    while items:
        yield items.popleft()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the reduce and the writers allocate millions of objects but leave
    little cyclic garbage, and every full collection walks all objects of the graph (a second of 5 on 1,003 docs)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def reduce_corpus(results: list[DocResult], config: BuildConfig, report: BuildReport) -> Built:
    """The reduce stage: entities across documents, then the graph."""
    t0 = time.perf_counter()
    with gc_paused():
        built = Built(results, resolve(results), config, report)
    report.seconds += time.perf_counter() - t0
    return built


def write_outputs(kg: KnowledgeGraph, out: Path, jobs: int = 1, formats: Iterable[str] = export.ALL_FORMATS) -> None:
    """The page, GraphML and JSON lines, plus the extra `formats` (export.EXTRA_FORMATS: GEXF, node-link JSON,
    CSV); the layout is computed once and shared by GraphML, GEXF and the page.

    With `jobs` > 1 and a graph of PARALLEL_MIN_NODES nodes or more (on Linux), two processes write at
    once (see :func:`_write_forked`); the files are the same either way.
    """
    out.mkdir(parents=True, exist_ok=True)
    with gc_paused():
        _write_outputs(kg, out, jobs, tuple(formats))


def _write_outputs(kg: KnowledgeGraph, out: Path, jobs: int, formats: tuple[str, ...]) -> None:
    """write_outputs without the collector: in two processes when asked and worth it, else in this one."""
    g = kg.graph
    if jobs > 1 and g.number_of_nodes() >= PARALLEL_MIN_NODES and sys.platform == "linux" and hasattr(os, "fork"):
        _write_forked(kg, out, formats)
        return
    pos = layout(g)
    export.write_all(g, kg.mention_rows(), out, pos, formats)
    render.write_html(g, out / "graph.html", positions=pos)


def _write_forked(kg: KnowledgeGraph, out: Path, formats: tuple[str, ...]) -> None:
    """A forked child computes the layout, sends it back and writes GEXF and graph.json (those of them asked for),
    while this process writes the other files that need no layout and then GraphML and the page; if the child
    fails, its files are written here."""
    drawn_there = tuple(f for f in formats if f in ("gexf", "json"))
    g = kg.graph
    export.remove_stale_temps(out)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _drawn_in_child(g, out, write_end, drawn_there)
    os.close(write_end)
    status = None
    try:
        received: list[bytes] = []
        with os.fdopen(read_end, "rb") as pipe:  # a thread drains the pipe so the child never waits on it
            reader = threading.Thread(target=lambda: received.append(pipe.read()), daemon=True)
            reader.start()
            flat = export.flatten(g)
            export.write_undrawn(g, kg.mention_rows(), out, flat, tuple(f for f in formats if f not in drawn_there))
            reader.join()
        pos = pickle.loads(received[0]) if received and received[0] else layout(g)
        export.write_graphml(g, out / "graph.graphml", pos, flat)
        render.write_html(g, out / "graph.html", positions=pos)
    finally:
        status = os.waitpid(pid, 0)[1]
    if os.waitstatus_to_exitcode(status) != 0:
        _write_drawn(g, out, pos, drawn_there, flat)
    export.remove_unasked(out, formats)


def _write_drawn(g, out: Path, pos: dict, formats: tuple[str, ...], flat: export.Flat | None = None) -> None:
    """graph.gexf and graph.json, those of them `formats` holds."""
    if "gexf" in formats:
        export.write_gexf(g, out / "graph.gexf", pos, flat)
    if "json" in formats:
        export.write_node_link(g, out / "graph.json")


def _drawn_in_child(g, out: Path, write_end: int, formats: tuple[str, ...]) -> None:
    """In the forked child: layout → pipe, then graph.gexf and graph.json (those asked for); leaves with os._exit
    (no cleanup of the parent's state runs twice)."""
    code = 1
    try:
        pos = layout(g)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(pickle.dumps(pos, protocol=pickle.HIGHEST_PROTOCOL))
        _write_drawn(g, out, pos, formats)
        code = 0
    except BaseException as exc:  # reported; the parent then writes the files itself
        with contextlib.suppress(Exception):
            os.write(2, f"kg: second writer process failed ({exc!r}); writing its files in one process\n".encode())
    finally:
        os._exit(code)
