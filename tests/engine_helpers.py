"""Small real corpora and output comparison shared by the engine, cache and Dask tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import RAW

SHORT_DOCS = {
    "a.txt": "Angela Merkel met Emmanuel Macron in Paris on Monday. The European Union welcomed the talks.",
    "b.txt": "Toyota opened a factory in Kentucky. Akio Toyoda said the plant would hire 2,000 workers.",
    "c.txt": "The United Nations sent observers to Sudan after fighting near Khartoum.",
    "d.txt": "Microsoft bought Activision Blizzard. Satya Nadella praised the deal in Seattle.",
    "e.txt": "NASA launched the Artemis rocket from Florida, and Bill Nelson watched from Cape Canaveral.",
    "f.txt": "Brazil and Argentina signed a trade pact in Buenos Aires, said Luiz Inácio Lula da Silva.",
}


def short_corpus(folder: Path) -> Path:
    """Six one- or two-sentence news items written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in SHORT_DOCS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


def sample_corpus(folder: Path) -> Path:
    """The three sample articles plus the six short items, in one folder."""
    short_corpus(folder)
    for path in RAW.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def output_bytes(out: Path) -> dict[str, bytes]:
    """Every output file's bytes, by name (hidden files excluded)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}
