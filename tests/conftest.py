"""Shared fixtures: the real spaCy model, loaded once; the sample articles, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import BuildConfig

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    """kg's map stage with the default model and rules (one model load per test session)."""
    from kg.extract import Extractor

    return Extractor(BuildConfig())


@pytest.fixture(scope="session")
def extract_text(extractor):
    """Run the real pipeline on a small text: returns its DocResult."""
    from kg.schema import Document

    def run(text: str, name: str = "t.txt"):
        return next(extractor.pipe([Document(name=name, text=text)]))

    return run


@pytest.fixture(scope="session")
def sample_built():
    """kg.build on the three sample articles in raw/."""
    import kg

    return kg.build([RAW])


@pytest.fixture(scope="session")
def sample_out(sample_built, tmp_path_factory):
    """The four output files of the sample build, written once."""
    from kg.build import write_outputs

    out = tmp_path_factory.mktemp("sample_out")
    write_outputs(sample_built, out)
    return out
