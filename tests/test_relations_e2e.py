"""Relations on the three sample articles, through the whole build (session fixtures)."""

from __future__ import annotations

import json

from tests.conftest import RAW


def node(g, label: str) -> str:
    """The id of the node whose label or an alias is `label`."""
    for n, d in g.nodes(data=True):
        if d.get("label") == label or label in d.get("aliases", []):
            return n
    raise AssertionError(f"no node labelled {label!r}")


def edges(g, source: str, target: str, prefixes: tuple[str, ...]) -> list[dict]:
    """Pattern edges source → target whose relation starts with one of the prefixes."""
    u, v = node(g, source), node(g, target)
    return [d for _k, d in g.get_edge_data(u, v, default={}).items()
            if d["kind"] == "pattern" and d["relation"].startswith(prefixes)]


def test_izumo_sails_with_the_supply_ship(sample_built):
    found = edges(sample_built.graph, "Izumo", "Richard E. Byrd", ("escort", "sail"))
    assert found and "parallel" in found[0]["evidence"]


def test_izumo_leaves_yokosuka(sample_built):
    found = edges(sample_built.graph, "Izumo", "Yokosuka", ("leave",))
    assert found and found[0]["date"] == "May 1"
    assert not edges(sample_built.graph, "Yokosuka", "Izumo", ("leave",))


def test_carl_vinson_enters_the_sea_of_japan(sample_built):
    found = edges(sample_built.graph, "Carl Vinson", "Sea of Japan", ("enter",))
    assert found and found[0]["date"] == "April 29" and not found[0]["hypothetical"]


def test_inada_role_from_the_documents_country(sample_built):
    found = edges(sample_built.graph, "Tomomi Inada", "Japan", ("defense_minister",))
    assert found
    row = found[0]["evidence_rows"][0]
    assert row["rule"] == "title-role" and row["country_from"] == "document" and row["title"] == "defense minister"


def test_abe_role_from_demonym(sample_built):
    assert edges(sample_built.graph, "Shinzo Abe", "Japan", ("prime_minister",))


def test_ship_operators_point_from_ship_to_operator(sample_built):
    assert edges(sample_built.graph, "Izumo", "Maritime Self-Defense Force", ("operated_by",))
    assert not edges(sample_built.graph, "Maritime Self-Defense Force", "Izumo", ("operated_by",))


def test_modal_statement_is_marked_hypothetical(sample_built):
    g = sample_built.graph
    flagged = [d for *_e, d in g.edges(data=True) if d["kind"] == "pattern" and d["hypothetical"]]
    assert flagged and all(":hypothetical" in k for *_e, k, d in g.edges(keys=True, data=True)
                           if d["kind"] == "pattern" and d["hypothetical"])


def test_cooccurrence_weights_are_npmi_and_hubs_do_not_dominate(sample_built):
    g = sample_built.graph
    cooc = [(u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "cooccurrence"]
    assert cooc and all(-1.0 <= d["weight"] <= 1.0 and d["count"] >= 1 for *_e, d in cooc)
    japan = node(g, "Japan")
    hub = [d["weight"] for u, v, d in cooc if japan in (u, v)]
    rest = [d["weight"] for u, v, d in cooc if japan not in (u, v)]
    assert sum(hub) / len(hub) < sum(rest) / len(rest)


def test_relation_rows_are_evidence_with_offsets(sample_out):
    rows = [json.loads(line) for line in (sample_out / "relations.jsonl").read_text(encoding="utf-8").splitlines()]
    pattern = [r for r in rows if r["kind"] == "pattern"]
    assert pattern and any(r["kind"] == "cooccurrence" for r in rows)
    texts = {p.name: p.read_text(encoding="utf-8") for p in RAW.iterdir()}
    for r in pattern:
        assert {"rule", "negated", "hypothetical", "date"} <= r.keys() and r["rule"]
        assert texts[r["doc"]][r["start"]:r["end"]] == r["sentence"]
