"""Speed paths of the map and the writers give what the plain paths gave: cache encoding, no reference cycles."""

from __future__ import annotations

import gc
import json
import math

from kg.cache import decode, encode
from kg.schema import DocResult, Document, Evidence, Mention

CYCLE_TEXT = ("Japan's Defense Minister Tomomi Inada said on Monday the carrier Izumo would sail to Manila.\n\n"
              "The ship left Yokosuka, where the U.S. Navy's Seventh Fleet is based. Officials in Manila welcomed it.")


def test_cache_encoding_reads_back_what_json_dumps_wrote(extract_text):
    """A real result through orjson reads back equal to itself and to the asdict + json.dumps encoding."""
    result = extract_text(CYCLE_TEXT + " Café Zoë’s owner met them.")
    assert result.mentions and result.evidence
    data = encode(result)
    assert json.loads(data) == json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert DocResult.from_dict(decode(data)) == result


def test_cache_encoding_falls_back_where_orjson_differs():
    """NaN (orjson writes null) and a non-string key (orjson refuses) take json.dumps, and read back the same."""
    nan = DocResult(doc="a", sentences=[(0, 5, "Zoë x")], mentions=[Mention(0, 3, "Zoë", "PERSON", 0)],
                    evidence=[Evidence(0, 0, "met", 0, attrs={"w": float("nan"), "n": None})])
    data = encode(nan)
    assert b"NaN" in data
    attrs = DocResult.from_dict(decode(data)).evidence[0].attrs
    assert math.isnan(attrs["w"]) and attrs["n"] is None
    odd = DocResult(doc="b", sentences=[], evidence=[Evidence(0, 0, "met", 0, attrs={1: "x"})])
    assert DocResult.from_dict(decode(encode(odd))).evidence[0].attrs == {"1": "x"}
    plain = DocResult(doc="c", sentences=[(0, 4, "null")], mentions=[Mention(0, 4, "null", "ORG", 0)])
    assert DocResult.from_dict(decode(encode(plain))) == plain


def test_the_map_leaves_no_reference_cycle_of_its_own(extractor):
    """Extracting documents leaves nothing for the cyclic collector but spaCy's own few objects: no Doc, no
    closure of kg's (a self-calling closure or the sentence hooks each kept a Doc's worth of objects alive)."""
    documents = [Document(name=f"d{i}.txt", text=CYCLE_TEXT) for i in range(4)]
    list(extractor.pipe(documents[:1]))
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        results = list(extractor.pipe(documents))
        gc.collect()
        garbage = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert len(results) == 4 and all(r.evidence for r in results)
    kinds = {type(o).__name__ for o in garbage}
    ours = [o for o in garbage if getattr(o, "__module__", "") and str(getattr(o, "__module__", "")).startswith("kg")]
    assert "Doc" not in kinds and "Span" not in kinds and not ours, (kinds, ours[:3])
    assert len(garbage) < 100


def test_extract_takes_its_sentence_hooks_off_the_doc(extractor):
    """extract() answers from its own sentence table but leaves the Doc without hooks (no cycle through them)."""
    from kg.extract import extract

    doc = extractor.nlp(CYCLE_TEXT)
    result = extract(doc, "t.txt", 0, extractor.relations)
    assert result.mentions and "sent" not in doc.user_span_hooks and "sent" not in doc.user_token_hooks
    assert next(s.text for s in doc.sents).startswith("Japan's Defense Minister")


def test_drawing_rows_keep_the_attribute_order_of_the_plain_copy():
    """Edge rows: attributes in order without key and id, then label, key, id (also when the edge has its own
    ``label``, ``key`` or ``id`` data); node rows: attributes then r g b size x y, colours per type."""
    import networkx as nx

    from kg.export import flatten, rgb

    g = nx.MultiDiGraph()
    g.add_node("a", label="A", type="PERSON", mentions=4)
    g.add_node("b", label="B", type="ORG", mentions=1)
    g.add_edge("a", "b", key="met", relation="met", id="own", label="own label", weight=1.0, key_note="k")
    g.add_edge("b", "a", key="co", relation="co", kind="cooccurrence", count=2)
    flat = flatten(g)
    nodes, edges = flat.drawing(g, {"a": (1, 2.5)})
    for (u, v, attrs), label, (du, dv, row) in zip(flat.edges, flat.labels, edges, strict=True):
        expected = {k: x for k, x in attrs.items() if k not in ("key", "id")}
        expected.update(label=label, key=attrs["key"], id=attrs["id"])
        assert (du, dv) == (u, v) and list(row.items()) == list(expected.items())
    assert list(nodes[0][1])[-6:] == ["r", "g", "b", "size", "x", "y"]
    assert (nodes[0][1]["x"], nodes[0][1]["y"], nodes[1][1]["x"]) == (1.0, 2.5, 0.0)
    assert type(nodes[0][1]["x"]) is float and (nodes[1][1]["r"], nodes[1][1]["g"], nodes[1][1]["b"]) == rgb("ORG")


def _plain_icon_like(words: list[str]) -> bool:
    from kg import clean

    glued = sum(bool(clean._GLUED.match(w)) for w in words)
    return len(words) >= 3 and glued / len(words) >= 0.3


def _plain_link_like(words: list[str]) -> bool:
    from kg import clean

    links = sum(bool(clean._LINK.match(w.strip("()[]<>,;"))) for w in words)
    return links > 0 and (links / len(words) >= 0.5 or len(words) <= 4)


def _plain_menu_like(stripped: str) -> bool:
    from kg import clean

    items = [item for item in clean._MENU_SEPARATORS.split(stripped) if item]
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items) and len(items) > len(stripped.split()) / 3


def test_chrome_line_hints_rule_out_only_lines_the_word_tests_rule_out():
    """The cheap whole-line tests before the word-by-word ones change no verdict, at the ratio limits too."""
    import random

    from kg import clean

    rng = random.Random(7)
    marks = ["ChevronIcon", "FacebookIcon", "McDonald", "iPhone", "http://x.com", "www.a.b", "a@b.co", "#tag", "@who",
             "(site.COM/x)", "Site.Info", "|", "•", "/", "–", "»", "Share", "Tweet", "Copy", "link", "this", "x",
             "Email", "word", "The", "news", "and", "Zoë", "{{x}}", "end."]
    lines = [" ".join(rng.choice(marks) for _ in range(rng.choice([1, 2, 3, 4, 5, 6, 7, 10, 20, 40])))
             for _ in range(5000)]
    lines += ["ChevronIcon FacebookIcon a b c d e f g h", "ChevronIcon FacebookIcon TwitterIcon a b c d e f g",
              "x.com a b c d e", "x.com y.org a", "Home | World | Business | Sport", "Share Tweet Email",
              "Share this", "this x", ""]
    verdicts = set()
    for line in lines:
        words = line.split()
        icon, link = clean._icon_like(words, line), clean._link_like(words, line)
        assert icon == _plain_icon_like(words) and link == _plain_link_like(words), line
        assert clean._menu_like(line) == _plain_menu_like(line), line
        verdicts |= {("icon", icon), ("link", link), ("menu", clean._menu_like(line))}
    assert len(verdicts) == 6  # every test said yes and no somewhere
    assert clean._share_bar("Share Tweet Email") and clean._share_bar("Share this")
    assert not clean._share_bar("this x") and not clean._share_bar("Share the news") and not clean._share_bar("")
    assert clean._count_words("Zoë’s owner-to-be met 2 people.") == 5


def test_a_corpus_read_once_gives_what_a_corpus_read_twice_gives(tmp_path, monkeypatch):
    """Under KEEP_CHARS the first pass keeps the documents for the map; above it the files are read again. Both
    give the same results, skipped files, word count, digest and chrome masking (a line shared by documents)."""
    import importlib

    from kg.config import BuildConfig
    from tests.engine_helpers import short_corpus

    kb = importlib.import_module("kg.build")
    corpus = short_corpus(tmp_path / "in")
    for name in ("a.txt", "b.txt"):
        path = corpus / name
        path.write_text(path.read_text(encoding="utf-8") + "Subscribe to our newsletter for Kenya news today\n",
                        encoding="utf-8")
    (corpus / "noise.txt").write_bytes(bytes(range(128, 256)) * 8)

    def run() -> tuple:
        results, report = kb.extract_corpus([corpus], BuildConfig())
        return ([r.to_dict() for r in results], [(s.path, s.reason) for s in report.skipped], report.words,
                report.digest, report.documents)

    once = run()
    monkeypatch.setattr(kb, "KEEP_CHARS", 0)
    assert run() == once
    assert once[1] and once[4] == 6 and not any("newsletter" in m["text"] for r in once[0] for m in r["mentions"])
