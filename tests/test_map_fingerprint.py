"""The map-stage fingerprint covers kg's data tables, so editing one invalidates cached DocResults."""

from __future__ import annotations

from kg import lexicon


def test_map_data_files_exist_and_include_the_typing_tables():
    names = {p.name for p in lexicon.map_data_files()}
    assert {"countries.json", "titles.json", "ships.json", "types.json", "resolution.json"} <= names
    assert all(p.is_file() for p in lexicon.map_data_files())


def test_editing_a_map_data_file_changes_the_fingerprint(extractor, tmp_path, monkeypatch):
    table = tmp_path / "types.json"
    table.write_text('{"map": {}}', encoding="utf-8")
    monkeypatch.setattr(lexicon, "map_data_files", lambda: [table])
    before = extractor.fingerprint
    table.write_text('{"map": {"PERSON": "PERSON"}}', encoding="utf-8")
    assert extractor.fingerprint != before
