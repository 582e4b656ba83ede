"""Speed paths give the same results as the plain ones: kg's DependencyMatcher (distinct node patterns run
once, tree roots from the head array) finds what spaCy's finds, in the same order, on real text; the output
files written by two processes are byte-identical to those written by one."""

import sys
from pathlib import Path

from spacy.matcher import DependencyMatcher

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
