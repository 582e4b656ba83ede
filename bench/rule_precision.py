#!/usr/bin/env python3
"""Per-rule precision of kg's relation rows on Re-DocRED (made with make_raw.py).

    python bench/rule_precision.py GOLD.jsonl OUT_DIR [--score PATH/score.py] [--min-rows N]

Maps every relation row to a pair of gold entities exactly as the Re-DocRED scorer does
(system entity → the gold entity it shares most aligned mentions with; the scorer's own
functions are imported, not copied) and counts, per rule, the distinct (document, pair)s
it asserts and how many of them are gold pairs. Rows with an unmapped end count as wrong.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "bench" / "redocred" / "score.py"


def load_scorer(path: Path):
    """Import the Re-DocRED scorer module from its file."""
    spec = importlib.util.spec_from_file_location("redocred_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entity_maps(sc, gold_docs: list[dict], mention_rows: list[dict]) -> tuple[dict, dict]:
    """Per document: system entity → gold entity, and the set of gold pairs (as the scorer builds them)."""
    resolve = sc.DocResolver([g["doc"] for g in gold_docs])
    sys_ment: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for row in mention_rows:
        doc = resolve(row.get("doc"))
        if doc is None or sc.map_type(row.get("type")) is None or (doc, row["start"], row["end"]) in seen:
            continue
        seen.add((doc, row["start"], row["end"]))
        sys_ment[doc].append({"start": row["start"], "end": row["end"], "text": row.get("text"),
                              "entity": str(row.get("entity"))})
    emaps, gold_pairs = {}, {}
    for g in gold_docs:
        gm, owner, canon = [], {}, {}
        for e in g["entities"]:
            first = None
            for m in e["mentions"]:
                if m["type"] not in sc.NAMED:
                    continue
                key = (m["start"], m["end"])
                if key in owner:
                    first = owner[key] if first is None else first
                    continue
                owner[key] = e["id"]
                first = e["id"]
                gm.append({**m, "entity": e["id"]})
            if first is not None:
                canon[e["id"]] = first
        sm = sys_ment.get(g["doc"], [])
        share: dict[str, Counter] = defaultdict(Counter)
        for i, j, _tier in sc.align(gm, sm):
            share[sm[j]["entity"]][gm[i]["entity"]] += 1
        emaps[g["doc"]] = {se: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for se, c in share.items()}
        gold_pairs[g["doc"]] = {frozenset((canon[r["h"]], canon[r["t"]])) for r in g.get("relations", [])
                                if r["h"] in canon and r["t"] in canon and canon[r["h"]] != canon[r["t"]]}
    return emaps, gold_pairs


def rule_table(sc, gold_docs: list[dict], mention_rows: list[dict], relation_rows: list[dict]) -> dict[str, list]:
    """rule → [distinct pairs asserted, of which gold, examples of wrong rows]."""
    emaps, gold_pairs = entity_maps(sc, gold_docs, mention_rows)
    resolve = sc.DocResolver([g["doc"] for g in gold_docs])
    asserted: dict[str, set] = defaultdict(set)
    correct: dict[str, set] = defaultdict(set)
    wrong: dict[str, list] = defaultdict(list)
    for row in relation_rows:
        doc = resolve(row.get("doc"))
        if doc is None:
            continue
        rule = row.get("rule") or row.get("kind", "?")
        emap = emaps.get(doc, {})
        a, b = emap.get(str(row["source"])), emap.get(str(row["target"]))
        if a is not None and a == b:
            continue
        pair = (doc, frozenset((a, b))) if a is not None and b is not None else (doc, row["source"], row["target"])
        if pair in asserted[rule]:
            continue
        asserted[rule].add(pair)
        if len(pair) == 2 and pair[1] in gold_pairs.get(doc, set()):
            correct[rule].add(pair)
        elif len(wrong[rule]) < 5:
            wrong[rule].append(f"{row['source']} -{row['relation']}-> {row['target']}")
    return {r: [len(asserted[r]), len(correct[r]), wrong[r]] for r in asserted}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORER, help="path of the Re-DocRED score.py")
    ap.add_argument("--examples", action="store_true", help="print a few wrong rows per rule")
    args = ap.parse_args(argv)
    sc = load_scorer(args.score)
    messages: list[str] = []
    gold_docs = sc.load_gold(args.gold, 0)
    mentions = sc.read_jsonl(args.out / "mentions.jsonl", messages)
    relations = sc.read_jsonl(args.out / "relations.jsonl", messages)
    table = rule_table(sc, gold_docs, mentions, relations)
    print(f"{'rule':32} {'pairs':>7} {'gold':>6} {'precision':>9}")
    for rule, (n, ok, bad) in sorted(table.items(), key=lambda kv: -kv[1][0]):
        print(f"{rule:32} {n:7d} {ok:6d} {ok / n if n else 0:9.3f}")
        if args.examples:
            for b in bad:
                print(f"    wrong: {b}")
    for m in messages:
        print(m, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
