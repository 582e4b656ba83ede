"""The graph page: layout, safe data embedding, and the explorer itself in headless Chromium."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import networkx as nx
import pytest

from kg import render
from kg.graph import SAME_DOCUMENT
from kg.layout import layout
from tests.browser import launch, offline_page, wait_ready

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_ARTICLE = """\
Security researchers warn about hostile web text

LONDON — John Miller met Sarah O'Connor in London on Tuesday to discuss a report on malware.
John Miller told Reuters the page had <script>window.__pwned = 1; alert(1)</script> and a stray </script> tag.
Sarah O'Connor told the BBC that <img src=x onerror="window.__pwned = 2"> was found on a Microsoft server.
John Miller and Sarah O'Connor shared a link <a href="javascript:window.__pwned=3">click here</a> with Microsoft.
Microsoft said "the href attribute & 'quotes' are handled" and thanked John Miller.
"""
HOSTILE_NAME = "<img src=x onerror=window.__pwned=4>.txt"


# ---- without a browser -------------------------------------------------------------------------

def test_layout_is_deterministic_and_covers_every_node():
    g = nx.MultiDiGraph()
    nx.add_path(g, ["a", "b", "c", "d"])
    g.add_edge("a", "b")  # a parallel edge
    g.add_edge("x", "y")  # a second component
    g.add_node("lonely")
    first, second = layout(g), layout(g)
    assert first == second
    assert set(first) == set(g.nodes)
    assert all(math.isfinite(c) for xy in first.values() for c in xy)
    assert len(set(first.values())) == g.number_of_nodes()


def test_layout_of_empty_and_single_node_graphs():
    assert layout(nx.MultiDiGraph()) == {}
    assert layout(nx.path_graph(1)) == {0: (0.0, 0.0)}


def test_json_block_cannot_be_closed_by_text():
    hostile = {"s": "</script><script>alert(1)</script> & <!-- -->"}
    text = str(render.json_for_script(hostile))
    assert not re.search(r"[<>&]", text)
    assert json.loads(text) == hostile


def test_json_block_is_what_json_dumps_writes():
    """orjson writes it when it spells every value as json.dumps does; small, huge and non-finite floats too."""
    data = {"x": [0.5, -3.25, 2.5e-05, 1e-07, 1e16, 0.0], "t": ["route-66 late-2003 1e-3 km", "é \u2028"], "n": None,
            "i": [1, 2**70]}
    expected = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("&", "\\u0026")
    assert str(render.json_for_script(data)) == expected
    for plain in ({"x": [0.5, 1.25], "t": "route-66"}, [0.0001, 123.0]):
        assert str(render.json_for_script(plain)) == json.dumps(plain, ensure_ascii=False, separators=(",", ":"))
    for bad in (math.nan, math.inf):
        with pytest.raises(ValueError):
            render.json_for_script({"x": [1.0, bad]})


def test_page_loads_nothing_from_outside(sample_built):
    page = render.page_html(sample_built.graph)
    assert not re.search(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=", page, re.IGNORECASE)
    assert "default-src 'none'" in page
    assert page.count("</script>") == 3  # the data block, vis-network, the page's own script


def test_page_data_keeps_parallel_edges_and_evidence(sample_built):
    g = sample_built.graph
    data = render.page_data(g)
    assert len(data["nodes"]["id"]) == g.number_of_nodes()
    assert len(data["edges"]["from"]) == g.number_of_edges()
    u, v, d = next((u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "pattern")
    i = next(k for k, (a, b) in enumerate(zip(data["edges"]["from"], data["edges"]["to"], strict=True))
             if data["nodes"]["id"][a] == u and data["nodes"]["id"][b] == v
             and data["relations"][data["edges"]["rel"][k]] == d["relation"])
    assert data["sents"][data["edges"]["ev"][i][1]] == d["evidence_rows"][0]["sentence"]


def test_show_outside_a_notebook_writes_the_page(sample_built, tmp_path):
    path = render.show(sample_built, path=tmp_path / "g.html", open_browser=False)
    assert path == tmp_path / "g.html"
    assert "window.network = network" in path.read_text(encoding="utf-8")


def test_notebook_iframe_escapes_the_page():
    frame = render.notebook_iframe('<p title="x">a & b</p>')
    assert frame.startswith("<iframe srcdoc=")
    assert "&lt;p title=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;" in frame


# ---- in headless Chromium ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for every browser test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sample_page_path(sample_built, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "graph.html"
    render.write_html(sample_built.graph, path)
    return path


def open_page(chromium, path: Path, requests: list[str] | None = None, errors: list[str] | None = None):
    """The page loaded offline and ready; requests other than the file itself and script errors recorded."""
    requests = [] if requests is None else requests
    errors = [] if errors is None else errors
    page = offline_page(chromium, requests)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.goto(path.as_uri())
    wait_ready(page)
    return page


def node_index(page, node_id: str) -> int:
    return page.evaluate("(id) => window.kg.indexOf.get(id)", node_id)


def node_screen_xy(page, index: int) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    return tuple(page.evaluate("""(i) => {
        const p = network.canvasToDOM(network.getPosition(i));
        const r = document.getElementById("network").getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", index))


def focus(page, index: int) -> tuple[float, float]:
    """Centre a node on screen (as search does) and return its screen position."""
    page.evaluate("(i) => network.focus(i, {scale: 1.5, animation: false})", index)
    page.wait_for_timeout(50)
    return node_screen_xy(page, index)


@pytest.mark.browser
def test_offline_load_makes_no_request(chromium, sample_page_path, sample_built):
    requests: list[str] = []
    errors: list[str] = []
    page = open_page(chromium, sample_page_path, requests, errors)
    try:
        assert requests == []
        assert errors == []
        assert page.evaluate("network.body.data.nodes.length") == sample_built.graph.number_of_nodes()
        shown = sum(1 for *_e, k in sample_built.graph.edges(keys=True) if k != SAME_DOCUMENT)
        assert page.evaluate("network.body.data.edges.length") == shown  # same-document links start hidden
    finally:
        page.context.close()


@pytest.mark.browser
def test_search_finds_a_node_by_alias(chromium, sample_page_path, sample_built):
    g = sample_built.graph
    labels = {d["label"].lower() for _, d in g.nodes(data=True)}
    node, alias = next((n, a) for n, d in g.nodes(data=True) for a in d["aliases"]
                       if a != d["label"] and a.lower() not in labels)
    page = open_page(chromium, sample_page_path)
    try:
        page.fill("#search", alias)
        assert page.locator("#matches li").first.text_content().startswith(g.nodes[node]["label"])
        page.press("#search", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == [node_index(page, node)]
        assert page.locator("#panel-body h3").text_content() == g.nodes[node]["label"]
    finally:
        page.context.close()


@pytest.mark.browser
def test_type_filter_hides_nodes(chromium, sample_page_path, sample_built):
    g = sample_built.graph
    people = sum(1 for _, d in g.nodes(data=True) if d["type"] == "PERSON")
    assert people > 0
    page = open_page(chromium, sample_page_path)
    try:
        page.uncheck('#types label[data-type="PERSON"] input')
        shown = page.evaluate("network.body.data.nodes.get().map(n => kg.data.types[kg.data.nodes.type[n.id]][0])")
        assert len(shown) == g.number_of_nodes() - people
        assert "PERSON" not in shown
        page.check('#types label[data-type="PERSON"] input')
        assert page.evaluate("network.body.data.nodes.length") == g.number_of_nodes()
    finally:
        page.context.close()


@pytest.mark.browser
def test_cooccurrence_toggle_relation_filter_and_neighbourhood(chromium, sample_page_path, sample_built):
    g = sample_built.graph
    patterns = [d["relation"] for _, _, d in g.edges(data=True) if d["kind"] == "pattern"]
    same_doc = [(u, v) for u, v, k in g.edges(keys=True) if k == SAME_DOCUMENT]
    page = open_page(chromium, sample_page_path)
    try:
        assert same_doc  # hidden until asked for
        assert page.evaluate("network.body.data.edges.length") == g.number_of_edges() - len(same_doc)
        page.check("#show-codoc")
        assert page.evaluate("network.body.data.edges.length") == g.number_of_edges()
        page.uncheck("#show-codoc")
        page.uncheck("#show-cooc")
        assert page.evaluate("network.body.data.edges.length") == len(patterns)
        page.uncheck(f'#relations label[data-relation="{patterns[0]}"] input')
        assert page.evaluate("network.body.data.edges.length") == len(patterns) - patterns.count(patterns[0])
        page.check(f'#relations label[data-relation="{patterns[0]}"] input')
        page.check("#show-cooc")
        hub = max(g.nodes, key=g.degree)
        page.evaluate("(i) => network.selectNodes([i])", node_index(page, hub))
        page.fill("#depth", "1")
        page.click("#hood")
        shown = set(page.evaluate("network.body.data.nodes.getIds().map(i => kg.data.nodes.id[i])"))
        visible = nx.subgraph_view(g, filter_edge=lambda u, v, k: k != SAME_DOCUMENT)
        assert shown == {hub, *nx.all_neighbors(visible, hub)}
        assert len(shown) < g.number_of_nodes()
        page.click("#show-all")
        assert page.evaluate("network.body.data.nodes.length") == g.number_of_nodes()
    finally:
        page.context.close()


@pytest.mark.browser
def test_clicking_a_node_shows_its_evidence(chromium, sample_page_path, sample_built):
    g = sample_built.graph
    u, d = next((u, d) for u, _v, d in g.edges(data=True) if d["kind"] == "pattern")
    page = open_page(chromium, sample_page_path)
    try:
        page.mouse.click(*focus(page, node_index(page, u)))
        body = page.locator("#panel-body")
        assert body.locator("h3").text_content() == g.nodes[u]["label"]
        sentences = body.locator(".sentence").all_text_contents()
        assert d["evidence_rows"][0]["sentence"] in sentences
        assert d["evidence_rows"][0]["doc"] in body.locator(".doc").all_text_contents()
    finally:
        page.context.close()


@pytest.mark.browser
def test_clicking_an_edge_shows_all_its_evidence(chromium, sample_page_path, sample_built):
    g = sample_built.graph
    page = open_page(chromium, sample_page_path)
    try:
        page.evaluate("network.fit({animation: false})")
        hit = page.evaluate("""() => {  // the midpoint of a straight edge that no node covers
            const r = document.getElementById("network").getBoundingClientRect();
            for (const e of network.body.data.edges.get()) {
                if (e.smooth) continue;
                const a = network.getPosition(e.from), b = network.getPosition(e.to);
                const m = network.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
                if (network.getNodeAt(m) === undefined && network.getEdgeAt(m) === e.id)
                    return [e.id, r.left + m.x, r.top + m.y];
            }
            return null; }""")
        assert hit is not None
        edge, x, y = hit
        page.mouse.click(x, y)
        assert page.locator("#panel-body").get_attribute("data-edge") == str(edge)
        source = page.evaluate("(i) => kg.data.nodes.id[kg.data.edges.from[i]]", edge)
        target = page.evaluate("(i) => kg.data.nodes.id[kg.data.edges.to[i]]", edge)
        rows = next(d["evidence_rows"] for d in g.get_edge_data(source, target).values() if d["kind"] == "cooccurrence")
        assert page.locator("#panel-body .sentence").all_text_contents() == [r["sentence"] for r in rows]
    finally:
        page.context.close()


@pytest.fixture(scope="session")
def hostile_page(tmp_path_factory) -> tuple[Path, nx.MultiDiGraph]:
    """A real kg.build of an article full of markup, plus a node label that is itself markup."""
    import kg

    raw = tmp_path_factory.mktemp("hostile_raw")
    (raw / HOSTILE_NAME).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    g = kg.build([raw]).graph
    # A label can be markup too (e.g. from a user's pattern file); take the busiest node.
    busiest = max(g.nodes, key=g.degree)
    g.nodes[busiest]["aliases"] = [*g.nodes[busiest]["aliases"], '<b onmouseover="window.__pwned=5">"Bold"</b>']
    path = tmp_path_factory.mktemp("hostile_page") / "graph.html"
    render.write_html(g, path, title='<script>window.__pwned = 6</script> "Report"')
    return path, g


@pytest.mark.browser
def test_hostile_text_is_shown_as_text_and_never_runs(chromium, hostile_page):
    path, g = hostile_page
    assert g.number_of_edges() > 0
    errors: list[str] = []
    page = open_page(chromium, path, errors=errors)
    try:
        assert page.locator("h1").text_content() == '<script>window.__pwned = 6</script> "Report"'
        hostile = {r["sentence"] for _, _, d in g.edges(data=True) for r in d["evidence_rows"]
                   if re.search(r"<script>|</script>|onerror|javascript:|href", r["sentence"])}
        assert len(hostile) >= 3, hostile
        seen: set[str] = set()
        for node in g.nodes:
            x, y = focus(page, node_index(page, node))
            page.mouse.move(x, y)
            page.wait_for_selector("#tip", state="visible")
            assert page.locator("#tip").text_content().startswith(g.nodes[node]["label"])
            assert page.evaluate("document.getElementById('tip').children.length") == 0
            page.mouse.click(x, y)
            assert page.locator("#panel-body h3").text_content() == g.nodes[node]["label"]
            seen.update(page.locator("#panel-body .sentence").all_text_contents())
            page.mouse.move(0, 0)
        assert hostile <= seen
        assert HOSTILE_NAME in page.locator("#panel-body .doc").all_text_contents()
        busiest = max(g.nodes, key=g.degree)
        page.mouse.click(*focus(page, node_index(page, busiest)))
        assert '<b onmouseover="window.__pwned=5">"Bold"</b>' in page.locator("#panel-body .aliases").text_content()
        assert page.evaluate("document.querySelectorAll('#panel-body img, #panel-body script, #panel-body a,"
                             " #panel-body b, #tip *').length") == 0
        assert page.evaluate("window.__pwned") is None
        assert errors == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_screenshot_of_the_sample_graph(chromium, sample_page_path, tmp_path):
    """The page draws the sample graph. `make screenshot` runs this test with KG_SCREENSHOT set to refresh the
    README's picture; otherwise the picture goes to a temporary folder and the tree stays clean."""
    import os

    out = Path(os.environ.get("KG_SCREENSHOT") or tmp_path / "screenshot.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    page = open_page(chromium, sample_page_path)
    try:
        page.screenshot(path=str(out))
    finally:
        page.context.close()
    assert out.stat().st_size > 20_000


def test_build_open_hands_the_page_to_the_browser(tmp_path):
    """`kg build --open` opens graph.html with the user's browser ($BROWSER here: a script noting its argument)."""
    import os
    import subprocess
    import sys

    opener = tmp_path / "opener.sh"
    opener.write_text(f'#!/bin/sh\necho "$1" > {tmp_path / "opened.txt"}\n', encoding="utf-8")
    opener.chmod(0o755)
    env = {**os.environ, "BROWSER": f"{opener} %s"}
    out = tmp_path / "out"
    subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(ROOT / "raw"), "--out", str(out), "--open"],
                   check=True, env=env, capture_output=True, timeout=300)
    assert (tmp_path / "opened.txt").read_text(encoding="utf-8").strip() == (out / "graph.html").resolve().as_uri()
