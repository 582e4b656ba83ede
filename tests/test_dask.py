"""The Dask engine on a 2-worker LocalCluster builds the same graph, byte for byte, as the local engine."""

from __future__ import annotations

from pathlib import Path

from kg.build import build, write_outputs
from kg.config import BuildConfig
from tests.engine_helpers import output_bytes, short_corpus


def test_dask_local_cluster_matches_local_engine(tmp_path: Path):
    corpus = short_corpus(tmp_path / "in")
    local = build([corpus], BuildConfig())
    seen: list[str] = []
    dask = build([corpus], BuildConfig(engine="dask", jobs=2, batch_size=4), progress=lambda r: seen.append(r.doc))
    assert seen == sorted(seen) and len(seen) == 6
    assert [r.to_dict() for r in dask.results] == [r.to_dict() for r in local.results]
    assert dask.report.documents == 6 and dask.report.words == local.report.words
    write_outputs(local, tmp_path / "local")
    write_outputs(dask, tmp_path / "dask")
    assert output_bytes(tmp_path / "local") == output_bytes(tmp_path / "dask")
    assert local.graph.number_of_nodes() >= 10
