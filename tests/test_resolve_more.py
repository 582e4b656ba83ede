"""Resolution rules on real sentences run through the real pipeline: what must merge, and what must stay apart."""

from __future__ import annotations

import pytest

from kg.resolve import resolve


@pytest.fixture(scope="module")
def nodes(extract_text):
    """text → {mention text: entity id} of that text resolved alone (the last mention of a text wins)."""

    def run(text: str) -> dict[str, str]:
        result = extract_text(text)
        ids = resolve([result]).mention_entity[result.doc]
        return {m.text: i for m, i in zip(result.mentions, ids, strict=True) if i is not None}

    return run


def test_town_is_not_the_county_named_after_it(nodes):
    got = nodes("Westmere is a hamlet in Albany County, New York. It lies west of Albany, the state capital.")
    assert got["Albany"] != got["Albany County"]


def test_prefecture_and_ocean_short_forms_still_join(nodes):
    got = nodes("Officials in Chiba Prefecture said the storm hit Chiba hard. Ships crossed the Pacific Ocean and the "
                "Pacific.")
    assert got["Chiba"] == got["Chiba Prefecture"]
    assert got["Pacific"] == got["the Pacific Ocean"]
