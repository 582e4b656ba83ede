"""`--entity-types`: kg's ten node types by default; extra spaCy labels only when the user asks."""

from __future__ import annotations

import pytest

from kg.cache import map_fingerprint
from kg.config import BuildConfig
from kg.mentions import extract_mentions
from kg.schema import ENTITY_TYPES, check_entity_types
from tests.test_cli import _run as kg

TEXT = "The novel War and Peace was written in Moscow. He speaks Spanish. Many Buddhists live in Thailand."


def mentions(extractor, types):
    doc = extractor.nlp(TEXT)
    return {m.text: m.type for m in extract_mentions(doc, {s.start: i for i, s in enumerate(doc.sents)}, types)}


def test_default_types_leave_works_languages_and_groups_out(extractor):
    found = mentions(extractor, ENTITY_TYPES)
    assert found.get("Moscow") == "GPE" and found.get("Thailand") == "GPE"
    assert "War and Peace" not in found and "Spanish" not in found


def test_extra_labels_become_types_of_their_own(extractor):
    found = mentions(extractor, (*ENTITY_TYPES, "WORK_OF_ART", "LANGUAGE"))
    assert found["War and Peace"] == "WORK_OF_ART" and found["Spanish"] == "LANGUAGE"
    assert found["Moscow"] == "GPE"


def test_fewer_types_keep_only_those(extractor):
    assert set(mentions(extractor, ("PERSON", "GPE")).values()) == {"GPE"}


def test_types_are_checked_and_part_of_the_cache_key():
    assert check_entity_types(["person", " org "]) == ("PERSON", "ORG")
    with pytest.raises(ValueError, match="unknown entity type DATE"):
        check_entity_types(["PERSON", "DATE"])
    assert map_fingerprint(BuildConfig()) != map_fingerprint(BuildConfig(entity_types=(*ENTITY_TYPES, "PRODUCT")))


def test_cli_rejects_an_unknown_type_in_one_line(tmp_path):
    result = kg("build", tmp_path, "--out", tmp_path / "out", "--entity-types", "PERSON,MONEY")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "kg: --entity-types: unknown entity type MONEY; choose from "
        + ", ".join((*ENTITY_TYPES, "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE"))]
    assert not (tmp_path / "out").exists()
