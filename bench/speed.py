"""Speed benchmarks of kg, one sub-command per measurement; each prints one JSON line.

    python bench/speed.py overhead  CORPUS [--cache DIR]   kg build vs bare nlp.pipe, one process; with a
                                                           cache: then warm rebuild, +1 document, rule edit
    python bench/speed.py parallel  CORPUS --ref OUT1       kg build --jobs 2 (outputs compared to OUT1)
    python bench/speed.py memory    CORPUS [--copies N]     peak RSS of one build (run in a fresh process)
    python bench/speed.py graph     [--nodes N --edges M]   reduce stages on a synthetic graph

bench/run_all.py runs them all on the same corpus and model and writes bench/RESULTS.md.
Not tests: nothing here is timed by pytest.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg import render
from kg.build import build, write_outputs
from kg.config import BuildConfig
from kg.schema import DocResult, Document, Evidence, Mention


def texts_of(corpus: Path) -> list[str]:
    """The corpus's texts as kg reads them, in name order."""
    from kg.read import Skipped, read_documents

    return [d.text for d in read_documents([corpus]) if not isinstance(d, Skipped)]


def timed_build(corpus: Path, config: BuildConfig, out: Path | None = None) -> dict:
    """Seconds of build() (map + reduce) and of write_outputs, words and documents."""
    last = {"t": 0.0}
    t0 = time.perf_counter()
    built = build([corpus], config, progress=lambda _r: last.update(t=time.perf_counter()))
    t1 = time.perf_counter()
    if out is not None:
        write_outputs(built, out)
    t2 = time.perf_counter()
    rep = built.report
    return {"map_s": max(0.0, last["t"] - t0), "build_s": t1 - t0, "outputs_s": t2 - t1, "total_s": t2 - t0,
            "words": rep.words, "documents": rep.documents, "cached": rep.cached}


def bare_pipe_seconds(texts: list[str], config: BuildConfig) -> float:
    """Seconds for bare nlp.pipe over the texts: the same pipeline and batch size kg uses, Docs discarded."""
    from kg.nlp import build_pipeline

    nlp = build_pipeline(config.model, config.patterns)
    list(nlp.pipe(texts[:20], batch_size=config.batch_size))  # warm-up, as kg's run is warmed up too
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=config.batch_size):
        pass
    return time.perf_counter() - t0


def overhead(args) -> dict:
    """Bare spaCy and kg build (cold cache, one process, model already loaded) on the same texts."""
    from kg.engine import extractor_for

    config = BuildConfig(cache_dir=Path(args.cache) if args.cache else None)
    bare = bare_pipe_seconds(texts_of(args.corpus), config)
    extractor_for(config)  # load the model outside the timed region, as bare does
    from kg import engine

    seen: list[Document] = []
    original, engine.run_map = recording_run_map(seen)
    try:
        kg = timed_build(args.corpus, config, Path(args.out) if args.out else None)
    finally:
        engine.run_map = original
    row = {"bench": "overhead", "bare_s": bare, **kg, "bare_wps": kg["words"] / bare,
           "kg_wps": kg["words"] / kg["total_s"], "ratio": bare / kg["total_s"],
           "ratio_build_only": bare / kg["build_s"]}
    if args.cache:
        row["incremental"] = incremental(args.corpus, Path(args.cache), seen)
    return row


def parallel(args) -> dict:
    """kg build --jobs 2 from a cold start (workers load the model), outputs compared to a --jobs 1 run."""
    out = Path(tempfile.mkdtemp(prefix="kg-par-"))
    kg = timed_build(args.corpus, BuildConfig(jobs=args.jobs), out)
    ref = Path(args.ref)
    names = sorted(p.name for p in ref.iterdir() if p.is_file() and not p.name.startswith("."))
    same = all((ref / n).read_bytes() == (out / n).read_bytes() for n in names)
    shutil.rmtree(out)
    return {"bench": "parallel", "jobs": args.jobs, **kg, "identical": same, "files": names}


def incremental(corpus: Path, cache: Path, documents: list[Document]) -> dict:
    """Warm rebuild, rebuild with one new document, and cache hits after a rule or a document edit.

    Runs in the process that did the cold build, so the code fingerprint is the same; `documents`
    are the Documents the cold build sent to the map stage (after the corpus-level cleaning pass).
    """
    from kg.cache import ResultCache, map_fingerprint

    work = Path(tempfile.mkdtemp(prefix="kg-inc-"))
    warm = timed_build(corpus, BuildConfig(cache_dir=cache), work / "warm")
    shutil.copytree(corpus, work / "c")
    (work / "c" / "zz_new.txt").write_text(
        "The mayor of Lisbon met officials from Iberia Airlines on Tuesday to discuss new routes to Brazil.\n",
        encoding="utf-8")
    plus_one = timed_build(work / "c", BuildConfig(cache_dir=cache), work / "plus")
    rules = work / "extra.jsonl"
    rules.write_text(json.dumps({"label": "ORG", "pattern": "Iberia Airlines"}) + "\n", encoding="utf-8")
    before = ResultCache(cache, map_fingerprint(BuildConfig()))
    after = ResultCache(cache, map_fingerprint(BuildConfig(patterns=[rules])))
    edited = [Document(name=d.name, text=d.text + (" Edited." if i == 0 else ""), title=d.title, body=d.body)
              for i, d in enumerate(documents)]
    shutil.rmtree(work)
    return {"warm_s": warm["total_s"], "warm_map_s": warm["map_s"], "warm_outputs_s": warm["outputs_s"],
            "warm_cached": warm["cached"], "plus_one_s": plus_one["total_s"], "plus_one_map_s": plus_one["map_s"],
            "plus_one_cached": plus_one["cached"], "plus_one_documents": plus_one["documents"],
            "hits_same_rules": sum(r is not None for r in before.get_many(documents)),
            "hits_after_rule_edit": sum(r is not None for r in after.get_many(documents)),
            "hits_after_one_doc_edit": sum(r is not None for r in before.get_many(edited))}


def recording_run_map(seen: list[Document]):
    """kg.engine.run_map, also keeping the Documents it is given (their text and body spans)."""
    from kg import engine

    original = engine.run_map

    def run_map(documents, *a, **k):
        def keep():
            for d in documents:
                seen.append(Document(name=d.name, text=d.text, title=d.title, body=list(d.body)))
                yield d
        return original(keep(), *a, **k)

    return original, run_map


def memory(args) -> dict:
    """Peak RSS of this process building `copies` renamed copies of the corpus."""
    corpus = Path(args.corpus)
    if args.copies > 1:
        tmp = Path(tempfile.mkdtemp(prefix="kg-mem-"))
        for i in range(args.copies):
            shutil.copytree(corpus, tmp / f"copy{i:02d}")
        corpus = tmp
    config = BuildConfig(cache_dir=Path(args.cache) if args.cache else None, jobs=args.jobs)
    kg = timed_build(corpus, config)
    if args.copies > 1:
        shutil.rmtree(corpus)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"bench": "memory", "copies": args.copies, "cache": bool(args.cache), "jobs": args.jobs, **kg,
            "peak_rss_mb": round(peak, 1)}


def synthetic_results(nodes: int, edges: int, per_doc: int = 50, seed: int = 7) -> list[DocResult]:
    """Hand-made DocResults: `edges` sentences each naming two of `nodes` entities; every 10th also a pattern."""
    rng = random.Random(seed)
    types = ("PERSON", "ORG", "GPE", "LOC")
    results = []
    for d in range(0, edges, per_doc):
        r = DocResult(doc=f"doc{d // per_doc:06d}.txt", sentences=[], words=per_doc * 12)
        for s in range(min(per_doc, edges - d)):
            n = d + s
            a, b = (n % nodes), rng.randrange(nodes)
            text = f"Entity {a} met Entity {b}."
            start = s * 40
            r.sentences.append((start, start + len(text), text))
            for e, off in ((a, 0), (b, text.index(" met ") + 5)):
                name = f"Entity {e}"
                r.mentions.append(Mention(start + off, start + off + len(name), name, types[e % 4], s, name=name))
            if n % 10 == 0:
                r.evidence.append(Evidence(len(r.mentions) - 2, len(r.mentions) - 1, "met", s, rule="synthetic"))
        results.append(r)
    return results


def graph_stages(args) -> dict:
    """Seconds of resolution, graph assembly, exports and the page for a synthetic graph."""
    from kg.build import BuildReport, Built
    from kg.resolve import resolve

    t0 = time.perf_counter()
    results = synthetic_results(args.nodes, args.edges)
    t1 = time.perf_counter()
    resolution = resolve(results)
    t2 = time.perf_counter()
    built = Built(results, resolution, BuildConfig(), BuildReport())
    t3 = time.perf_counter()
    page = {"s": 0.0}
    original = render.write_html

    def timed_page(*a, **k):
        p0 = time.perf_counter()
        original(*a, **k)
        page["s"] = time.perf_counter() - p0

    render.write_html = timed_page
    out = Path(tempfile.mkdtemp(prefix="kg-graph-"))
    try:
        write_outputs(built, out)
    finally:
        render.write_html = original
    t4 = time.perf_counter()
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
    shutil.rmtree(out)
    g = built.graph
    return {"bench": "graph", "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "mentions": sum(len(r.mentions) for r in results), "make_results_s": t1 - t0, "resolve_s": t2 - t1,
            "graph_s": t3 - t2, "exports_s": t4 - t3 - page["s"], "page_s": page["s"], "file_bytes": sizes,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("overhead", "parallel", "memory"):
        p = sub.add_parser(name)
        p.add_argument("corpus", type=Path)
        p.add_argument("--cache")
        p.add_argument("--out")
        p.add_argument("--ref")
        p.add_argument("--jobs", type=int, default=2 if name == "parallel" else 1)
        p.add_argument("--copies", type=int, default=1)
    g = sub.add_parser("graph")
    g.add_argument("--nodes", type=int, default=100_000)
    g.add_argument("--edges", type=int, default=500_000)
    args = ap.parse_args(argv)
    run = {"overhead": overhead, "parallel": parallel, "memory": memory,
           "graph": graph_stages}[args.cmd]
    print(json.dumps(run(args)), flush=True)


if __name__ == "__main__":
    sys.exit(main())
