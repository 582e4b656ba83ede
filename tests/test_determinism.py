"""Same input and options give byte-identical outputs, whatever the order files were created on disk or --jobs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import RAW
from tests.io_helpers import PROSE, check_outputs, run_kg


def fill(folder: Path, files: dict[str, bytes], order: list[str]) -> None:
    """Create `files` under `folder` in the given order, each with its own modification time."""
    for i, name in enumerate(order):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        os.utime(path, (1_000_000 + i, 1_000_000 + i))


def test_file_order_on_disk_and_jobs_do_not_change_a_byte(tmp_path):
    files = {p.name: p.read_bytes() for p in RAW.glob("*.txt")}
    files["nested/deeper/extra.txt"] = PROSE.encode()
    files["latin1.md"] = ("José Saramago wrote in Lisbon. " + PROSE).encode("latin-1")
    names = sorted(files)
    first, second = tmp_path / "first", tmp_path / "second"
    fill(first, files, names)
    fill(second, files, names[::-1])
    shutil.copytree(first / "nested", second / "zz-copy-of-nested", symlinks=True)  # content seen twice
    (second / "zz-copy-of-nested" / "deeper" / "extra.txt").unlink()
    (second / "zz-copy-of-nested" / "deeper" / "extra.txt").symlink_to(second / "nested" / "deeper" / "extra.txt")

    outs = []
    for corpus, jobs in ((first, "1"), (second, "2")):
        out = tmp_path / f"out-{corpus.name}"
        proc = run_kg("build", corpus, "--out", out, "--jobs", jobs, "--no-cache", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        outs.append(check_outputs(out))
    assert outs[0].keys() == outs[1].keys()
    for name in outs[0]:
        assert outs[0][name] == outs[1][name], f"{name} differs between the two builds"
