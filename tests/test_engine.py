"""The map-stage engines: --jobs 2 gives byte-identical outputs to --jobs 1, in input order."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.config import BuildConfig
from kg.engine import batches, make_engine, run_map
from kg.schema import Document
from tests.engine_helpers import SHORT_DOCS, output_bytes, sample_corpus


def test_jobs_2_writes_the_same_bytes_as_jobs_1(tmp_path: Path):
    corpus = sample_corpus(tmp_path / "in")
    runner = CliRunner()
    for jobs in (1, 2):
        res = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / f"out{jobs}"), "--jobs", str(jobs),
                                  "--no-cache"])
        assert res.exit_code == 0, res.output
    one, two = output_bytes(tmp_path / "out1"), output_bytes(tmp_path / "out2")
    assert {"graph.graphml", "mentions.jsonl", "relations.jsonl", "graph.html"} <= set(one)
    assert one == two


def test_pool_returns_results_in_input_order_and_reports_progress():
    docs = [Document(name=name, text=text) for name, text in reversed(SHORT_DOCS.items())]
    seen: list[str] = []
    results = list(run_map(docs, BuildConfig(jobs=2, batch_size=8), progress=lambda r: seen.append(r.doc)))
    assert [r.doc for r in results] == [d.name for d in docs] == seen
    assert all(r.mentions for r in results)
    assert sum(r.words for r in results) > 60


def test_batches_cover_the_stream_in_order():
    docs = [Document(name=str(i), text="x") for i in range(10)]
    got = list(batches(iter(docs), 4))
    assert [len(b) for b in got] == [4, 4, 2]
    assert [d.name for b in got for d in b] == [str(i) for i in range(10)]


def test_unknown_engine_is_a_clear_error():
    try:
        make_engine(BuildConfig(engine="spark"))
    except ValueError as exc:
        assert "unknown engine 'spark'" in str(exc)
    else:
        raise AssertionError("no error for an unknown engine")
