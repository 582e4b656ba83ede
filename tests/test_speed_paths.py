"""Speed paths give the same results as the plain ones: kg's DependencyMatcher (distinct node patterns run
once, tree roots from the head array) finds what spaCy's finds, in the same order, on real text; the output
files written by two processes are byte-identical to those written by one."""

import sys
from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher

from kg import mentions
from kg.extract import extract
from kg.relations import SharedNodeMatcher, head_indices, load_rules, tree_roots
from kg.schema import SAME_NAME

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


def test_head_array_lists_what_spacy_tokens_list(extractor):
    """The matcher's '>' operator reads children from the head array: a token's head there is Token.head, and
    the tokens it heads (itself excluded) are Token.children."""
    texts = [WORDS_TEXT, (RAW / sorted(p.name for p in RAW.glob("*.txt"))[0]).read_text()[:8000]]
    for doc in extractor.nlp.pipe(texts):
        heads = head_indices(doc).tolist()
        assert heads == [t.head.i for t in doc]
        assert [[i for i, h in enumerate(heads) if h == t.i != i] for t in doc] == [[c.i for c in t.children]
                                                                                     for t in doc]
        assert sum(h == i for i, h in enumerate(heads)) == len(list(doc.sents))


def test_tree_roots_follow_heads(extractor):
    doc = extractor.nlp("Ships sailed north. The navy said so on Monday.")
    roots = tree_roots(doc)
    assert [int(r) for r in roots] == [list(t.ancestors)[-1].i if t.head.i != t.i else t.i for t in doc]
    assert len(set(int(r) for r in roots)) == 2


@pytest.mark.parametrize("formats", [("gexf", "json", "csv"), ("csv",), ()])
def test_forked_writer_writes_the_same_bytes(sample_built, tmp_path, capfd, formats):
    kb = sys.modules["kg.build"]  # the module (the package's `kg.build` attribute is the function)
    kb.write_outputs(sample_built, tmp_path / "one", formats=formats)
    kb._write_forked(sample_built, tmp_path / "two", formats)
    assert "second writer process failed" not in capfd.readouterr().err  # the child wrote its files
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert {"graph.graphml", "graph.html", "relations.jsonl", "mentions.jsonl"} <= set(names)
    assert ("graph.gexf" in names, "graph.json" in names, "nodes.csv" in names) == \
        ("gexf" in formats, "json" in formats, "csv" in formats)
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


WORDS_TEXT = ("WASHINGTON  (AP) --  U.S. President Donald Trump met Japan's Prime Minister Shinzo Abe.\n\n"
              "The destroyer  Sazanami\tsailed; the helicopter carrier Izumo , a warship, followed. Café Zoë’s owner!")


def test_doc_words_match_spacy_tokens(extractor):
    """DocWords (kg.mentions) holds what spaCy's Token objects say: texts (spaces, tabs and line breaks kept),
    offsets, sentence ends and proper-noun tags."""
    doc = extractor.nlp(WORDS_TEXT)
    table = mentions.doc_words(doc)
    assert table.text == doc.text
    assert table.words == [t.text for t in doc]
    assert table.starts == [t.idx for t in doc] + [len(doc.text)]
    assert table.sent_end == [bool(t.is_sent_end) for t in doc]
    assert table.proper == [t.pos_ == "PROPN" for t in doc]
    assert sum(table.sent_end) >= 3 and any(w.isspace() for w in table.words)


def test_context_reads_agree_with_token_by_token_reads(extractor):
    """near_text, text_after and title_before read the DocWords tables; each gives what reading spaCy's Tokens
    gives, for every entity and every window size (near_text within the span's paragraph)."""
    doc = extractor.nlp(WORDS_TEXT)
    spans = list(doc.ents) + [doc[i : i + 2] for i in range(len(doc) - 1)]
    paragraphs = mentions.PARAGRAPH_BREAK
    for span in spans:
        for n in range(1, 6):
            start = max(0, span.start - n)
            assert mentions.near_text(span, before=n) == paragraphs.split(
                doc[start : span.start].text_with_ws)[-1].lower().strip()
            end = min(len(doc), span.end + n)
            assert mentions.near_text(span, after=n) == (paragraphs.split(doc[span.end : end].text)[0].lower().strip()
                                                         if end > span.end else "")
        for chars in (1, 5, 80, 10_000):
            slow = "".join([span[-1].whitespace_, *(t.text_with_ws for t in doc[span.end :])])[:chars]
            assert mentions.text_after(span, chars) == slow
    titles = {mentions.title_before(ent) for ent in doc.ents}
    assert {"President", "Prime Minister"} <= titles


def test_unlabelled_ships_and_repeated_names_on_real_text(extractor, extract_text):
    """The table-driven scans still find proper-noun runs after a ship noun that no entity covers, as a token by
    token walk does, and a name repeated where the model missed it."""
    doc = extractor.nlp("The Navy said the destroyer Kirisame escorted the oiler Tokiwa near Hawaii on Monday.")
    doc.ents = [ent for ent in doc.ents if ent.text == "Hawaii"]  # as if the model had missed both ships
    slow, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and not doc[j].ent_type_ and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        if j > i and mentions.ship_cue(doc[i:j]).startswith("ship noun before"):
            slow.append((i, j))
        i = max(j, i + 1)
    found = [(span.start, span.end) for span in mentions.unlabelled_ships(doc)]
    assert found == slow
    assert [doc[a:b].text for a, b in found] == ["Kirisame", "Tokiwa"]
    result = extract_text("The Japanese navy sent the helicopter carrier Kaga Maru to the region on Monday. "
                          "Officials said Dolly Parton would sing. Later, Parton and the Kaga Maru crew met.")
    repeated = [m for m in result.mentions if m.source == SAME_NAME and m.cue.startswith("same name as a SHIP")]
    assert [m.text for m in repeated] == ["Kaga Maru"]


def test_the_cli_freezes_the_loaded_pipeline_but_the_library_does_not(tmp_path):
    """gc.freeze() is process-wide: `kg build` (a process kg owns) uses it, kg.build() in a user's process must not."""
    import subprocess

    (tmp_path / "a.txt").write_text("Prime Minister Shinzo Abe met officials in Tokyo on Monday.\n", encoding="utf-8")
    probe = "import gc; {call}; print(gc.get_freeze_count())"
    library = probe.format(call=f"import kg; kg.build([{str(tmp_path / 'a.txt')!r}])")
    cli = probe.format(call="from kg.cli import app; from typer.testing import CliRunner; "
                            f"r = CliRunner().invoke(app, ['build', {str(tmp_path)!r}, '--out', "
                            f"{str(tmp_path / 'out')!r}, '--no-cache']); assert r.exit_code == 0, r.output")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            for code in (library, cli)]
    counts = [run.stdout.split()[-1] for run in runs]
    assert counts[0] == "0"
    assert int(counts[1]) > 10_000
