"""A build killed at any moment (SIGKILL) leaves the previous outputs intact and valid, and the cache usable."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import RAW
from tests.io_helpers import KG, check_outputs

KILLS = 8
SEED = 8


def build_cmd(corpus: Path, out: Path, cache: Path) -> list[str]:
    return [*KG, "build", str(corpus), "--out", str(out), "--cache-dir", str(cache)]


def timed_build(corpus: Path, out: Path, cache: Path) -> float:
    """Run one complete build; its duration in seconds."""
    t0 = time.perf_counter()
    proc = subprocess.run(build_cmd(corpus, out, cache), capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    return time.perf_counter() - t0


def cache_is_sound(cache: Path) -> None:
    """The SQLite result cache passes SQLite's own integrity check (when the killed build got to create it)."""
    from kg.cache import DB_NAME

    if (cache / DB_NAME).exists():
        with sqlite3.connect(cache / DB_NAME) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def wait_for_temp_file(out: Path, child: subprocess.Popen, timeout: float) -> bool:
    """Poll until a new hidden temporary file shows up in `out` (the build is writing); False if it never does."""
    before = {p.name for p in out.iterdir()}
    end = time.monotonic() + timeout
    while time.monotonic() < end and child.poll() is None:
        if any(p.name.startswith(".") and p.name not in before for p in out.iterdir()):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_previous_outputs_intact(tmp_path):
    """Two corpora (A, and A plus one article) built alternately into one folder and killed at seeded random times.

    After every kill each output file must be byte-identical to A's or B's complete version (never a
    truncated or mixed file), every file must parse, and the cache must pass SQLite's integrity check.
    """
    corpus_a, corpus_b = tmp_path / "a", tmp_path / "b"
    articles = sorted(RAW.glob("*.txt"))
    corpus_a.mkdir()
    for path in articles[:-1]:
        shutil.copy(path, corpus_a / path.name)
    shutil.copytree(corpus_a, corpus_b)
    shutil.copy(articles[-1], corpus_b / articles[-1].name)
    out, cache = tmp_path / "out", tmp_path / "cache"

    seconds = timed_build(corpus_b, tmp_path / "ref_b", tmp_path / "cache_ref")
    timed_build(corpus_a, out, cache)
    versions = {name: {data} for name, data in check_outputs(out).items()}
    for name, data in check_outputs(tmp_path / "ref_b").items():
        versions.setdefault(name, set()).add(data)

    rng = random.Random(SEED)
    in_writes = 0
    for i in range(KILLS):
        corpus = corpus_b if i % 2 == 0 else corpus_a
        if i % 3 == 0:
            shutil.rmtree(cache, ignore_errors=True)  # a cold cache: the killed build is writing to it
        child = subprocess.Popen(build_cmd(corpus, out, cache), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        if i % 2:  # anywhere in the run
            time.sleep(rng.uniform(0.2, seconds))
        else:  # while the outputs are being written: a temporary file has appeared beside them
            in_writes += wait_for_temp_file(out, child, timeout=3 * seconds)
            time.sleep(rng.uniform(0.0, 0.2))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        for name, data in check_outputs(out).items():
            assert data in versions[name], f"kill {i}: {name} is neither A's nor B's complete version"
        cache_is_sound(cache)
    assert in_writes >= KILLS // 4, "the kills never landed while outputs were being written"

    timed_build(corpus_b, out, cache)  # the cache left by the kills still serves a correct build
    assert check_outputs(out) == check_outputs(tmp_path / "ref_b")
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert all(name.endswith(".tmp") for name in leftovers), leftovers
    assert os.listdir(out)
