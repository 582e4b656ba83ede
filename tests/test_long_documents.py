"""Long documents: sentence lookups, linear cleaning, bounded batches, cache keys, stale temp files, JSONL lines."""

from __future__ import annotations

import json

from kg import clean, export
from kg.build import write_outputs
from kg.cache import map_fingerprint
from kg.config import BuildConfig
from kg.engine import batches, run_map
from kg.extract import char_batches, index_sentences, iter_segments
from kg.schema import Document

from .conftest import RAW

PROSE = ("The regional council approved a new budget for schools and hospitals on Tuesday after a long debate "
         "about taxes, roads and the future of the old harbour district.")
TEASERS = "Check Also\nTen ways to save money\nWeather for the weekend\nLocal team wins again\n"


def test_sentence_index_gives_the_sentence_spacy_gives(extractor):
    text = (RAW / sorted(p.name for p in RAW.glob("*.txt"))[0]).read_text(encoding="utf-8")
    doc = extractor.nlp(text)
    spans = [*doc.ents, *(doc[i : i + 3] for i in range(0, len(doc) - 3, 7))]
    plain_tokens = [(t.sent.start, t.sent.end) for t in doc]
    plain_spans = [(s.sent.start, s.sent.end) for s in spans]
    sents = index_sentences(doc)
    assert "sent" in doc.user_token_hooks and len(sents) > 5
    assert [(t.sent.start, t.sent.end) for t in doc] == plain_tokens
    assert [(s.sent.start, s.sent.end) for s in spans] == plain_spans


def test_cleaning_a_long_document_with_many_end_markers():
    """'Related' lines followed by long prose never close the body; the last 'Check Also' block does."""
    body = "".join(f"{PROSE}\nRelated\n{PROSE} Paragraph {i}.\n" for i in range(3_000))
    text = body + TEASERS
    masked = clean.mask(text, clean.body_spans(text))
    assert len(masked) == len(text)
    assert masked.count(PROSE) == 6_000
    assert "Paragraph 2999." in masked
    assert "Weather for the weekend" not in masked and "Check Also" not in masked


def test_one_line_document_with_a_template_marker_keeps_its_prose():
    line = " ".join([PROSE] * 40)
    text = line[:3_000] + " {{numberArticlesLeft}} " + line[3_000:]
    masked = clean.mask(text, clean.body_spans(text))
    assert "{{" not in masked and "numberArticlesLeft" not in masked
    assert masked.replace(" ", "") == text.replace("{{numberArticlesLeft}}", "").replace(" ", "")
    short = "You have {{numberArticlesLeft}} free articles left\n" + PROSE + "\n"
    assert clean.mask(short, clean.body_spans(short)).strip() == PROSE


def test_a_huge_line_is_cut_into_pieces_masked_one_at_a_time():
    text = " ".join([PROSE] * 2_000)  # ~330,000 characters, no line break
    pieces = list(iter_segments(Document(name="dump.txt", text=text), 20_000))
    assert all(len(p) <= 20_000 for _, p in pieces) and len(pieces) >= 16
    assert "".join(p for _, p in pieces) == text
    assert all(text[offset : offset + len(p)] == p for offset, p in pieces)


def test_batches_are_bounded_by_characters():
    docs = [Document(name=f"{i}.txt", text="x" * size) for i, size in enumerate([10, 900, 50, 3_000, 20, 20])]
    assert [[d.name for d in b] for b in batches(docs, 64, max_chars=1_000)] == [
        ["0.txt", "1.txt", "2.txt"], ["3.txt"], ["4.txt", "5.txt"]]
    assert [len(b) for b in batches(docs, 2, max_chars=1_000)] == [2, 1, 1, 2]
    tasks = [(text, (None, 0, True)) for text in ["a" * 60_000, "b" * 50_000, "c" * 10, "d" * 10]]
    assert [len(g) for g in char_batches(tasks, 64, max_chars=100_000)] == [1, 3]
    assert [len(g) for g in char_batches(tasks, 2, max_chars=100_000)] == [1, 2, 1]


def test_the_cache_misses_when_segment_chars_changes(tmp_path):
    assert map_fingerprint(BuildConfig(segment_chars=20_000)) != map_fingerprint(BuildConfig(segment_chars=5_000))
    docs = [Document(name="a.txt", text=f"{PROSE}\n\n{PROSE}\n")]
    counts = []
    for chars in (20_000, 20_000, 5_000):
        stats: dict = {}
        list(run_map(docs, BuildConfig(cache_dir=tmp_path, segment_chars=chars), stats=stats))
        counts.append((stats["cached"], stats["computed"]))
    assert counts == [(0, 1), (1, 0), (0, 1)]


def test_stale_temp_files_are_removed_and_other_files_left_alone(sample_built, tmp_path):
    stale = [".graph.graphml.k2j_x9ab.tmp", ".mentions.jsonl.abc12345.tmp", ".graph.html.q1w2e3r4.tmp"]
    kept = [".notes.txt.abc12345.tmp", "graph.graphml.abc.tmp", ".graph.graphml.tmp", "mine.tmp", ".hidden"]
    for name in stale + kept:
        (tmp_path / name).write_text("left over")
    write_outputs(sample_built, tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert not names & set(stale)
    assert set(kept) <= names
    assert {"graph.graphml", "mentions.jsonl", "graph.html"} <= names


def test_jsonl_rows_with_line_separators_stay_one_line_each(tmp_path):
    rows = [{"text": "before\u2028after"}, {"text": "para\u2029graph", "n": 2}, {"text": "next\x85line"}]
    path = tmp_path / "rows.jsonl"
    export.write_jsonl(rows, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(rows)
    assert [json.loads(line) for line in lines] == rows


def test_line_key_folds_white_space_the_same_way_when_fed_in_pieces(monkeypatch):
    lines = ["", "   ", " a  b\tc ", "Lorem\u00a0ipsum  dolor sit\u2028amet  ", "x" * 40, "word " * 30 + " end"]
    whole = [clean.line_key(line) for line in lines]
    monkeypatch.setattr(clean, "KEY_CHUNK", 3)
    assert [clean.line_key(line) for line in lines] == whole
    assert clean.line_key(" a  b\tc ") == clean.line_key("a b c") != clean.line_key("a bc")
