"""kg's DependencyMatcher (distinct node patterns run once, tree roots from the head array) finds exactly
what spaCy's DependencyMatcher finds, in the same order, on real text."""

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
