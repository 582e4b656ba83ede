"""Page benchmark: kg's graph page vs plain pyvis defaults on Barabási–Albert graphs, in headless Chromium.

For each size it builds both pages, loads each from disk with every network request aborted, and measures
(ms from navigation start) the first complete drawing (vis-network's first ``afterDrawing``) and the moment
the page is interactive (kg: ``window.kgReady``, set once controls are wired; pyvis: its first drawing, as
it has nothing more to set up), plus the file size. A load slower than the cap is reported as ">cap".
Prints a Markdown table and replaces the "Page" section of bench/RESULTS.md.

    .venv/bin/python bench/page_bench.py [--sizes 1000 5000 20000] [--cap 60]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import render  # noqa: E402
from tests.browser import launch, offline_page  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
TYPES = ["PERSON", "ORG", "GPE", "LOC", "FACILITY", "SHIP", "AIRCRAFT", "WEAPON", "LAW", "EVENT"]
RELATIONS = ["meet", "visit", "located_in", "member_of", "escort", "sign", "criticise", "lead"]
EDGES_PER_NODE = 4

# Records vis-network's first drawing on any page: the kg page and pyvis's template both assign the
# Network to the global `network`, so a setter hooks it the moment it is created.
HOOK = """
Object.defineProperty(window, "network", { configurable: true,
  get() { return this.__kgNet; },
  set(v) { this.__kgNet = v; v.once("afterDrawing", () => { window.__drawn = performance.now(); }); } });
"""


@dataclass
class Row:
    """One measured page."""

    page: str
    nodes: int
    edges: int
    build_s: float
    mb: float
    drawn: str
    ready: str


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A BA graph dressed as a kg graph: typed, aliased entities; co-occurrence and pattern edges with evidence."""
    rng = random.Random(seed)
    ba = nx.barabasi_albert_graph(n, EDGES_PER_NODE, seed=seed)
    g = nx.MultiDiGraph()
    for i in ba.nodes:
        doc = f"doc_{i % 997:03d}.txt"
        g.add_node(f"e{i}", label=f"Entity {i}", type=rng.choice(TYPES), aliases=[f"Entity {i}", f"E-{i}"],
                   mentions=rng.randint(1, 40), documents=1, docs=[doc])
    for u, v in ba.edges:
        doc = f"doc_{u % 997:03d}.txt"
        sentence = f"Entity {u} and Entity {v} were both named in a report on day {rng.randint(1, 365)}."
        rows = [{"doc": doc, "sentence": sentence}]
        if rng.random() < 0.1:
            rel = rng.choice(RELATIONS)
            g.add_edge(f"e{u}", f"e{v}", key=rel, relation=rel, kind="pattern", weight=1.0, count=1,
                       evidence=sentence, evidence_rows=rows)
        else:
            g.add_edge(f"e{u}", f"e{v}", key="co_occurrence", relation="co_occurrence", kind="cooccurrence",
                       weight=round(rng.uniform(-0.2, 1.0), 4), count=rng.randint(1, 5), evidence=sentence,
                       evidence_rows=rows)
    return g


def pyvis_default_page(g: nx.MultiDiGraph) -> str:
    """pyvis's default page (physics on, its own template), vis-network inlined so it can load offline.

    Node and edge dicts go straight into the Network's lists: pyvis's add_edge scans every existing
    edge for duplicates, which alone would take minutes at these sizes.
    """
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for n, d in g.nodes(data=True):
        net.nodes.append({"id": n, "label": d["label"], "shape": "dot", "color": render.colour(d["type"]),
                          "title": d["label"], "value": d["mentions"]})
        net.node_ids.append(n)
        net.node_map[n] = net.nodes[-1]
    for u, v, d in g.edges(data=True):
        net.edges.append({"from": u, "to": v, "title": d["relation"], "width": 1, "arrows": "to"})
    return net.generate_html()


def measure(browser, path: Path, cap_s: float, kg_page: bool) -> tuple[str, str]:
    """Load a page offline; ms to first drawing and to interactivity, or '>cap' when it did not finish."""
    requests: list[str] = []
    page = offline_page(browser, requests)
    page.add_init_script(HOOK)
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=cap_s * 1000)
        page.wait_for_function("window.__drawn !== undefined", timeout=cap_s * 1000, polling=100)
        drawn = page.evaluate("window.__drawn")
        if kg_page:
            page.wait_for_function("window.kgReady === true", timeout=cap_s * 1000, polling=100)
            ready = page.evaluate("window.kgTimings.ready")
        else:
            ready = drawn
        return f"{drawn / 1000:.2f} s", f"{ready / 1000:.2f} s"
    except Exception as exc:  # a Playwright timeout: the page did not draw within the cap
        if "Timeout" not in type(exc).__name__ and "imeout" not in str(exc):
            raise
        return f">{cap_s:.0f} s", f">{cap_s:.0f} s"
    finally:
        page.context.close()


def run(sizes: list[int], cap_s: float) -> list[Row]:
    """Build and measure both pages at every size (pyvis is skipped above the first size that hit the cap)."""
    from playwright.sync_api import sync_playwright

    rows: list[Row] = []
    pyvis_over_cap = False
    tmp = Path(tempfile.mkdtemp(prefix="kg-page-bench-"))
    with sync_playwright() as p:
        browser = launch(p)
        for n in sizes:
            g = synthetic(n)
            t0 = time.perf_counter()
            kg_path = tmp / f"kg_{n}.html"
            render.write_html(g, kg_path)
            build = time.perf_counter() - t0
            drawn, ready = measure(browser, kg_path, cap_s, kg_page=True)
            rows.append(Row("kg", n, g.number_of_edges(), build, kg_path.stat().st_size / 1e6, drawn, ready))
            print(rows[-1], flush=True)
            if pyvis_over_cap:
                rows.append(Row("pyvis defaults", n, g.number_of_edges(), float("nan"), float("nan"),
                                f">{cap_s:.0f} s (not run)", f">{cap_s:.0f} s (not run)"))
                continue
            t0 = time.perf_counter()
            pv_path = tmp / f"pyvis_{n}.html"
            pv_path.write_text(pyvis_default_page(g), encoding="utf-8")
            build = time.perf_counter() - t0
            drawn, ready = measure(browser, pv_path, cap_s, kg_page=False)
            pyvis_over_cap = drawn.startswith(">")
            rows.append(Row("pyvis defaults", n, g.number_of_edges(), build, pv_path.stat().st_size / 1e6,
                            drawn, ready))
            print(rows[-1], flush=True)
        browser.close()
    return rows


def table(rows: list[Row], cap_s: float) -> str:
    """The Markdown table of the results."""
    lines = ["| page | nodes | edges | build (Python) | file | first drawing | interactive |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        build = "–" if r.build_s != r.build_s else f"{r.build_s:.1f} s"
        size = "–" if r.mb != r.mb else f"{r.mb:.1f} MB"
        lines.append(f"| {r.page} | {r.nodes:,} | {r.edges:,} | {build} | {size} | {r.drawn} | {r.ready} |")
    return "\n".join(lines)


def write_section(body: str) -> None:
    """Replace (or append) the '## Page' section of bench/RESULTS.md, leaving other sections alone."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    section = f"## Page\n\n{body.strip()}\n"
    pattern = re.compile(r"^## Page\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text, count=1).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--cap", type=float, default=60.0, help="seconds a page may take before '>cap'")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args()
    rows = run(args.sizes, args.cap)
    body = (f"`.venv/bin/python bench/page_bench.py` — Barabási–Albert graphs, {EDGES_PER_NODE} edges per new node, "
            f"10% pattern edges; headless Debian Chromium, every request aborted; times from navigation start; "
            f"cap {args.cap:.0f} s. Run {time.strftime('%Y-%m-%d')}.\n\n{table(rows, args.cap)}\n")
    print(body)
    if not args.no_write:
        write_section(body)


if __name__ == "__main__":
    main()
