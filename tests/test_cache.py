"""The per-document result cache: hits, misses, exact invalidation, `kg cache clear`, `--no-cache`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from kg.build import build
from kg.cache import DB_NAME, ResultCache, _map_modules, code_fingerprint
from kg.cli import app
from kg.config import BuildConfig
from kg.schema import DocResult, Document, Mention
from tests.engine_helpers import short_corpus


def test_rebuild_hits_and_a_document_edit_misses_only_that_document(tmp_path: Path):
    corpus = short_corpus(tmp_path / "in")
    config = BuildConfig(cache_dir=tmp_path / "cache")
    cold = build([corpus], config)
    warm = build([corpus], config)
    assert (cold.report.cached, warm.report.cached) == (0, 6)
    assert [r.to_dict() for r in warm.results] == [r.to_dict() for r in cold.results]
    (corpus / "c.txt").write_text("Kenya and Ethiopia held talks in Nairobi.\n", encoding="utf-8")
    edited = build([corpus], config)
    assert edited.report.cached == 5
    assert "Nairobi" in {m.text for m in edited.results[2].mentions}


def test_renamed_document_keeps_its_result_under_the_new_name(tmp_path: Path):
    corpus = short_corpus(tmp_path / "in")
    config = BuildConfig(cache_dir=tmp_path / "cache")
    build([corpus], config)
    (corpus / "a.txt").rename(corpus / "z.txt")
    again = build([corpus], config)
    assert again.report.cached == 6
    assert again.results[-1].doc == "z.txt"


def test_a_rule_file_edit_invalidates_every_document(tmp_path: Path):
    corpus = short_corpus(tmp_path / "in")
    rules = tmp_path / "extra.jsonl"
    rules.write_text(json.dumps({"label": "ORG", "pattern": "Kentucky"}) + "\n", encoding="utf-8")
    config = BuildConfig(cache_dir=tmp_path / "cache", patterns=[rules])
    first = build([corpus], config)
    assert build([corpus], config).report.cached == 6
    rules.write_text(json.dumps({"label": "GPE", "pattern": "Kentucky"}) + "\n", encoding="utf-8")
    second = build([corpus], config)
    assert second.report.cached == 0
    kinds = [{m.type for m in b.results[1].mentions if m.text == "Kentucky"} for b in (first, second)]
    assert kinds == [{"ORG"}, {"GPE"}]


def test_the_fingerprint_covers_the_map_stage_modules():
    from importlib import resources

    modules = _map_modules(Path(str(resources.files("kg"))))
    assert {"extract", "nlp", "mentions", "relations", "clean", "schema"} <= modules
    assert "render" not in modules and "graph" not in modules
    assert len(code_fingerprint()) == 16


def _result(name: str) -> DocResult:
    return DocResult(doc=name, sentences=[(0, 5, "Paris")], mentions=[Mention(0, 5, "Paris", "GPE", 0)], words=1)


def test_a_killed_writer_leaves_a_valid_cache(tmp_path: Path):
    script = (
        "import sys, itertools\n"
        "from kg.cache import ResultCache\n"
        "from kg.schema import DocResult, Document, Mention\n"
        "c = ResultCache(sys.argv[1], 'f')\n"
        "for i in itertools.count():\n"
        "    docs = [Document(name=f'{i}-{j}', text=f'Paris {i} {j}') for j in range(50)]\n"
        "    r = DocResult(doc='x', sentences=[(0, 5, 'Paris')], mentions=[Mention(0, 5, 'Paris', 'GPE', 0)])\n"
        "    c.put_many((d, r) for d in docs)\n"
        "    print(i, flush=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "0"
    time.sleep(0.3)
    proc.kill()
    proc.wait()
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    db.close()
    assert count >= 50 and count % 50 == 0
    cache = ResultCache(tmp_path, "f")
    [hit] = cache.get_many([Document(name="new.txt", text="Paris 0 7")])
    assert hit is not None and hit.doc == "new.txt" and hit.mentions[0].text == "Paris"


def test_cache_clear_and_no_cache_from_the_command_line(tmp_path: Path, monkeypatch):
    corpus = short_corpus(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    res = runner.invoke(app, ["build", str(corpus), "--out", "out1", "--no-cache"])
    assert res.exit_code == 0, res.output
    assert not (tmp_path / ".kg-cache").exists()
    res = runner.invoke(app, ["build", str(corpus), "--out", "out2"])
    assert res.exit_code == 0, res.output
    assert len(ResultCache(tmp_path / ".kg-cache", "unused")) == 6
    res = runner.invoke(app, ["cache", "clear"])
    assert res.exit_code == 0 and "removed 6 cached results" in res.output
    assert not (tmp_path / ".kg-cache" / DB_NAME).exists()


def test_unchanged_outputs_are_not_rewritten_and_a_touched_output_is(tmp_path: Path):
    corpus = short_corpus(tmp_path / "in")
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = ["build", str(corpus), "--out", str(out), "--cache-dir", str(cache)]
    runner = CliRunner()
    assert runner.invoke(app, args).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "is up to date" in res.output
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    (out / "mentions.jsonl").write_text("", encoding="utf-8")
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "is up to date" not in res.output
    assert (out / "mentions.jsonl").stat().st_size > 0
    res = runner.invoke(app, [*args, "--min-count", "2"])
    assert "is up to date" not in res.output
    (corpus / "a.txt").write_text("Kenya and Ethiopia held talks in Nairobi.\n", encoding="utf-8")
    res = runner.invoke(app, [*args, "--min-count", "2"])
    assert res.exit_code == 0 and "is up to date" not in res.output
    assert "Nairobi" in (out / "mentions.jsonl").read_text(encoding="utf-8")
