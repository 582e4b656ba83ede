"""Entity mentions from a spaCy ``Doc``: kg types and a normalised name for each."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from kg.schema import Mention


@lru_cache(maxsize=1)
def type_map() -> dict[str, str | None]:
    data = json.loads(resources.files("kg.data").joinpath("types.json").read_text(encoding="utf-8"))
    return data["map"]


def kg_type(label: str) -> str | None:
    """The node type for a spaCy label, or None when such spans are not nodes."""
    return type_map().get(label)


def normalise(span: Span) -> str:
    """The span's name without a leading determiner or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def extract_mentions(doc: Doc, sent_index: dict[int, int]) -> list[Mention]:
    """One Mention per entity span whose label maps to a node type (demonyms flagged)."""
    found = []
    for ent in doc.ents:
        kind = kg_type(ent.label_)
        if kind is None or not ent.text.strip():
            continue
        found.append(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                type=kind,
                sent=sent_index[ent.sent.start],
                name=normalise(ent),
                label=ent.label_,
                demonym=kind == "NORP",
                source=f"ruler:{ent.ent_id_}" if ent.ent_id_ else "ner",
            )
        )
    return found
