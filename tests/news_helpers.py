"""Small views of kg's results shared by the tests of unseen-news fixes: mention types and resolved nodes."""

from __future__ import annotations

from kg.resolve import resolve


def text_types(extract_text, text: str) -> dict[str, str]:
    """Mention text → the type kg gives it, for one small text (a later mention of the same text wins)."""
    return {m.text: m.type for m in extract_text(text).mentions}


def types_of(result) -> dict[str, str]:
    """Each mention's text → its type (the first mention of that text)."""
    found: dict[str, str] = {}
    for m in result.mentions:
        found.setdefault(m.text, m.type)
    return found


def resolved(extract_text, *texts: str) -> dict[str, tuple[str, set[str]]]:
    """Entity label → (type, aliases), for small texts (one document each) resolved together as one corpus."""
    results = [extract_text(t, name=f"d{i}.txt") for i, t in enumerate(texts)]
    return {e.label: (e.type, set(e.aliases)) for e in resolve(results).entities}


def holding(found: dict[str, tuple[str, set[str]]], alias: str) -> list[str]:
    """Labels of the entities of resolved() that have this alias."""
    return [label for label, (_, aliases) in found.items() if alias in aliases]


def relation_texts(extract_text, text: str, every_kind: bool = False) -> set[tuple[str, str, str]]:
    """(source text, relation, target text) of the pattern relations kg finds in a small text (every piece of
    evidence, co-reference rows too, with `every_kind`)."""
    res = extract_text(text)
    return {(res.mentions[e.source].text, e.relation, res.mentions[e.target].text)
            for e in res.evidence if every_kind or e.kind == "pattern"}
