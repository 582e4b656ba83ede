"""Speed paths give the same results as the plain ones: kg's DependencyMatcher (distinct node patterns run
once, tree roots from the head array) finds what spaCy's finds, in the same order, on real text; the output
files written by two processes are byte-identical to those written by one."""

import sys
from pathlib import Path

from spacy.matcher import DependencyMatcher

from kg.extract import extract
from kg.relations import SharedNodeMatcher, load_rules, tree_roots

RAW = Path(__file__).resolve().parent.parent / "raw"


def test_same_matches_as_spacy(extractor):
    rules, _ = load_rules(extractor.rule_files)
    reference = DependencyMatcher(extractor.nlp.vocab)
    for rule, pattern in rules:
        reference.add(rule.name, [pattern])
    texts = [p.read_text(encoding="utf-8")[:20_000] for p in sorted(RAW.glob("*.txt"))]
    texts.append("The minister of Portugal met the mayor of Lisbon. He praised her, and she thanked him.")
    found = 0
    for doc in extractor.nlp.pipe(texts):
        ours = extractor.relations.matcher(doc)
        assert isinstance(extractor.relations.matcher, SharedNodeMatcher)
        assert ours == reference(doc)
        found += len(ours)
    assert found > 50


def test_tree_roots_follow_heads(extractor):
    doc = extractor.nlp("Ships sailed north. The navy said so on Monday.")
    roots = tree_roots(doc)
    assert [int(r) for r in roots] == [list(t.ancestors)[-1].i if t.head.i != t.i else t.i for t in doc]
    assert len(set(int(r) for r in roots)) == 2


def test_forked_writer_writes_the_same_bytes(sample_built, tmp_path, capfd):
    kb = sys.modules["kg.build"]  # the module (the package's `kg.build` attribute is the function)
    kb.write_outputs(sample_built, tmp_path / "one")
    kb._write_forked(sample_built, tmp_path / "two")
    assert "second writer process failed" not in capfd.readouterr().err  # the child wrote its files
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert {"graph.graphml", "graph.gexf", "graph.html", "relations.jsonl"} <= set(names)
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_node_patterns_the_columns_cannot_express_go_through_spacy(extractor):
    pattern = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "IS_ALPHA": True}},
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject",
                "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"REGEX": "^[a-m]"}}},
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": {"IN": ["dobj"]}}}]
    ours, reference = SharedNodeMatcher(extractor.nlp.vocab), DependencyMatcher(extractor.nlp.vocab)
    for matcher in (ours, reference):
        matcher.add("svo", [pattern])
    docs = list(extractor.nlp.pipe(["", "Maria bought bread. Zoe sold fish, and mayors signed deals.",
                                     (RAW / sorted(p.name for p in RAW.glob("*.txt"))[0]).read_text()[:5000]]))
    found = [ours(doc) for doc in docs]
    assert found == [reference(doc) for doc in docs]
    assert found[0] == [] and len(found[1]) == 2  # Maria bought bread; mayors signed deals (not Zoe)


def test_tree_matching_agrees_with_spacy_on_every_operator(extractor):
    """Node-by-node combination with early pruning lists what spaCy's full product lists, in the same order,
    whatever the operators, for nodes with many candidates, tests that exclude (NOT_IN) and a node with no test."""
    patterns = {
        "chain": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}},
                  {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "PROPN"]}}},
                  {"LEFT_ID": "n", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {}},
                  {"LEFT_ID": "n", "REL_OP": ";", "RIGHT_ID": "p", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["punct"]}}}],
        "siblings": [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "dobj", "prep"]}}},
                     {"LEFT_ID": "a", "REL_OP": "$+", "RIGHT_ID": "b", "RIGHT_ATTRS": {"LOWER": {"NOT_IN": ["and"]}}},
                     {"LEFT_ID": "a", "REL_OP": "$-", "RIGHT_ID": "c", "RIGHT_ATTRS": {}}],
        "order": [{"RIGHT_ID": "x", "RIGHT_ATTRS": {"TAG": "NNP"}},
                  {"LEFT_ID": "x", "REL_OP": ".", "RIGHT_ID": "y", "RIGHT_ATTRS": {"IS_PUNCT": False}},
                  {"LEFT_ID": "x", "REL_OP": ">+", "RIGHT_ID": "z", "RIGHT_ATTRS": {}},
                  {"LEFT_ID": "x", "REL_OP": "<<", "RIGHT_ID": "w", "RIGHT_ATTRS": {"POS": "VERB"}}],
    }
    ours, reference = SharedNodeMatcher(extractor.nlp.vocab), DependencyMatcher(extractor.nlp.vocab)
    for matcher in (ours, reference):
        for name, pattern in patterns.items():
            matcher.add(name, [pattern])
    texts = ["The Japanese destroyer Sazanami and the carrier Izumo left Yokosuka on Monday and sailed to Guam.",
             "Prime Minister Shinzo Abe met President Donald Trump in Washington, and they discussed trade.",
             (RAW / sorted(p.name for p in RAW.glob("*.txt"))[1]).read_text()[:6000]]
    found = 0
    for doc in extractor.nlp.pipe(texts):
        assert ours(doc) == reference(doc)
        assert ours(doc[2:12]) == reference(doc[2:12])
        found += len(ours(doc))
    assert found > 100


def test_extract_with_the_segment_text_equals_extract_without(extractor):
    """extract() given the segment's text (sentences and datelines read from it) gives what it gives when it
    reads doc.text itself."""
    text = ("TOKYO (Reuters) -- Japan's Defense Minister Tomomi Inada said on Monday the carrier Izumo would sail.\n\n"
            "  The ship left Yokosuka.  It will visit Manila and Singapore.\nMANILA -- Officials welcomed it.")
    doc = extractor.nlp(text)
    given = extract(doc, "t.txt", 7, extractor.relations, text=text)
    doc = extractor.nlp(text)
    read = extract(doc, "t.txt", 7, extractor.relations)
    assert given == read
    assert [s[2] for s in given.sentences][:2] == [text[s[0] - 7 : s[1] - 7] for s in given.sentences][:2]
    assert any(m.dateline for m in given.mentions) and len(given.mentions) >= 6
