"""kg.nlp.build_pipeline: the model's components stay as the model set them, and phrase patterns still match."""

from __future__ import annotations

import json

import spacy

from kg.config import BuildConfig
from kg.nlp import build_pipeline


def test_pattern_loading_leaves_the_models_components_as_they_were(tmp_path):
    model = BuildConfig().model
    bare = spacy.load(model)
    rules = tmp_path / "extra.jsonl"
    rules.write_text(json.dumps({"label": "ORG", "pattern": "Quillfeather Shipping Lines"}) + "\n", encoding="utf-8")
    nlp = build_pipeline(model, [rules])
    assert nlp.disabled == bare.disabled  # patterns are tokenised with the other components off, then restored
    assert [n for n in nlp.pipe_names if not n.startswith("kg_")] == bare.pipe_names
    doc = nlp("Quillfeather Shipping Lines said on Monday that its freighter left Rotterdam.")
    assert ("Quillfeather Shipping Lines", "ORG") in {(e.text, e.label_) for e in doc.ents}
    # spelling-exact, as the ruler's phrase patterns are: the lower-case phrase is no name
    assert "quillfeather shipping lines" not in {e.text for e in nlp("the quillfeather shipping lines were busy.").ents}
    assert doc[0].tag_ and doc[0].dep_  # tagger and parser still run on real text
