"""Execution of the map stage: Documents → DocResults, in this process, a process pool or Dask.

Every engine takes batches of Documents and returns their DocResults in input order, whatever
order the work finishes in, so outputs do not depend on the engine or the number of jobs.
Workers load the spaCy pipeline once (a per-process global) and send back plain DocResults.
At most a few batches are in flight at once: documents are streamed, never all held.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from kg.config import BuildConfig
from kg.schema import DocResult, Document

ENGINES = ("local", "dask")
Progress = Callable[[DocResult], None]

# A batch sent to a worker holds at most this many characters of documents (at least one document), so the
# text in flight stays bounded when documents are long (a batch of 16 dumps of 50 MB would hold 800 MB).
MAX_BATCH_CHARS = 2_000_000

# One Extractor per (worker) process and configuration: loading spaCy is the expensive part.
_EXTRACTORS: dict[str, Any] = {}
_OWN_PROCESS = False  # set in processes kg runs itself (the CLI, pool workers): see own_process


def own_process() -> None:
    """Mark this process as kg's own (the CLI, a pool worker): a pipeline it loads is then gc.freeze()d, so the
    collector's full passes during the map skip the model's objects (about 0.5 CPU-s on 1,000 documents).
    Not done by default: freezing is process-wide, and a library call should not change its caller's collector."""
    global _OWN_PROCESS
    _OWN_PROCESS = True


def extractor_for(config: BuildConfig):
    """The process-wide Extractor for this configuration, loaded on first use."""
    from kg.extract import Extractor

    files = [*config.patterns, *config.relation_patterns]
    key = repr((config.model, config.batch_size, config.segment_chars,
                [(str(p), hashlib.sha256(Path(p).read_bytes()).hexdigest()) for p in files]))
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(config)
        if _OWN_PROCESS:
            gc.collect()
            gc.freeze()
    return _EXTRACTORS[key]


def extract_batch(config: BuildConfig, documents: list[Document]) -> list[DocResult]:
    """The map stage on one batch, in whatever process runs it."""
    return list(extractor_for(config).pipe(documents))


def batches(documents: Iterable[Document], size: int, max_chars: int = MAX_BATCH_CHARS) -> Iterator[list[Document]]:
    """Consecutive lists of at most `size` documents and at most `max_chars` characters (at least one document)."""
    batch: list[Document] = []
    chars = 0
    for document in documents:
        if batch and (len(batch) >= size or chars + len(document.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(document)
        chars += len(document.text)
    if batch:
        yield batch


class Engine(AbstractContextManager):
    """Runs extract_batch on batches; subclasses decide where. Results come back in order."""

    window = 1  # batches submitted ahead of the one being waited for

    def submit(self, batch: list[Document]) -> Future | list[DocResult]:
        raise NotImplementedError

    def fingerprint(self) -> str:
        """The map stage's model + rules fingerprint, for cache keys."""
        raise NotImplementedError

    def map(self, batches: Iterable[list[Document]]) -> Iterator[tuple[list[Document], list[DocResult]]]:
        """(batch, results) pairs in input order, with at most `window` batches in flight."""
        pending: deque[tuple[list[Document], Future | list[DocResult]]] = deque()
        for batch in batches:
            pending.append((batch, self.submit(batch) if batch else []))
            while len(pending) > self.window:
                yield _done(pending.popleft())
        while pending:
            yield _done(pending.popleft())

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release workers."""


def _done(item: tuple[list[Document], Future | list[DocResult]]) -> tuple[list[Document], list[DocResult]]:
    batch, work = item
    return batch, (work if isinstance(work, list) else work.result())


class LocalEngine(Engine):
    """This process, one batch at a time."""

    window = 0

    def __init__(self, config: BuildConfig):
        self.config = config

    def submit(self, batch: list[Document]) -> list[DocResult]:
        return extract_batch(self.config, batch)

    def fingerprint(self) -> str:
        return extractor_for(self.config).fingerprint


class PoolEngine(Engine):
    """`jobs` worker processes, each with its own pipeline; the parent only reads and merges."""

    def __init__(self, config: BuildConfig, jobs: int):
        self.config = config
        self.window = 2 * jobs
        ctx = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                          else "spawn")
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm_up, initargs=(config,))

    def submit(self, batch: list[Document]) -> Future:
        return self.pool.submit(extract_batch, self.config, batch)

    def fingerprint(self) -> str:
        return self.pool.submit(worker_fingerprint, self.config).result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _warm_up(config: BuildConfig) -> None:
    """Load the pipeline as a worker starts; a failure is left for the first batch to report, as a clear error."""
    own_process()
    with contextlib.suppress(Exception):  # extract_batch raises it again, picklable, in the same worker
        extractor_for(config)


def worker_fingerprint(config: BuildConfig) -> str:
    """The fingerprint as a worker computes it (so the parent never loads spaCy)."""
    return extractor_for(config).fingerprint


class DaskEngine(Engine):
    """A Dask distributed cluster: the one at `scheduler`, or a LocalCluster of `jobs` worker processes."""

    def __init__(self, config: BuildConfig, jobs: int, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("the dask engine needs Dask: pip install 'kg[dask]'") from None
        self.config = config
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=30)
            except (OSError, TimeoutError) as exc:
                raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = 2 * max(workers, jobs)

    def submit(self, batch: list[Document]) -> Future:
        return self.client.submit(extract_batch, self.config, batch, pure=False)

    def fingerprint(self) -> str:
        return self.client.submit(worker_fingerprint, self.config, pure=False).result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(config: BuildConfig) -> Engine:
    """The engine the configuration asks for."""
    if config.engine == "dask":
        return DaskEngine(config, max(1, config.jobs), config.scheduler)
    if config.engine != "local":
        raise ValueError(f"unknown engine {config.engine!r}: use one of {', '.join(ENGINES)}")
    return PoolEngine(config, config.jobs) if config.jobs > 1 else LocalEngine(config)


def run_map(documents: Iterable[Document], config: BuildConfig, progress: Progress | None = None,
            stats: dict[str, Any] | None = None) -> Iterator[DocResult]:
    """DocResults of the documents, in input order, using the cache when config.cache_dir is set.

    `progress` is called once per document as its result arrives; `stats` receives the counts
    of cached and computed documents and a digest of every document's name and content.
    """
    digest = hashlib.sha256()
    from kg.cache import ResultCache, map_fingerprint

    # Workers get half-size batches: two in flight per worker keep them all busy and the last batch short, while
    # spaCy still batches well (on 1,003 documents, --jobs 2 with 32-document batches: map 19.8 s; 16: 20.6-21.0 s).
    size = config.batch_size if config.jobs <= 1 and config.engine == "local" else max(1, config.batch_size // 2)
    with make_engine(config) as engine:
        cache = None
        if config.cache_dir:
            cache = ResultCache(config.cache_dir, map_fingerprint(config) or engine.fingerprint())
        try:
            yield from _run(engine, cache, batches(documents, size), progress, digest)
        finally:
            if stats is not None:
                stats.update(cached=cache.hits if cache else 0, computed=cache.misses if cache else 0,
                             digest=digest.hexdigest())
            if cache is not None:
                cache.close()


def _run(engine: Engine, cache, stream: Iterable[list[Document]], progress: Progress | None,
         digest: Any = None) -> Iterator[DocResult]:
    """Look each batch up in the cache, send only the misses to the engine, merge back in order.

    `digest` (a hashlib object), when given, is updated with every document's name and content hash.
    """
    from kg.cache import document_hash

    found: dict[int, list[DocResult | None]] = {}

    def misses() -> Iterator[list[Document]]:
        for n, batch in enumerate(stream):
            if digest is not None:
                for d in batch:
                    digest.update(f"{d.name}\0{document_hash(d)}\n".encode())
            hits = cache.get_many(batch) if cache is not None else [None] * len(batch)
            found[n] = hits
            yield [d for d, h in zip(batch, hits, strict=True) if h is None]

    for n, (todo, computed) in enumerate(engine.map(misses())):
        hits = found.pop(n)
        if cache is not None:
            cache.put_many(zip(todo, computed, strict=True))
        fresh = iter(computed)
        for hit in hits:
            result = hit if hit is not None else next(fresh)
            if progress:
                progress(result)
            yield result
