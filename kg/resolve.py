"""Mentions → entities: one node per real-world thing, across documents.

Works on plain DocResults only (never spaCy), so it is fast, deterministic and
testable on hand-made data. Every merge records why it happened.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.schema import DocResult, Entity


@dataclass
class Resolution:
    entities: list[Entity]
    # mention_entity[doc][i] = entity id of DocResult.mentions[i] (None = not a node)
    mention_entity: dict[str, list[str | None]] = field(default_factory=dict)

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}


@lru_cache(maxsize=1)
def country_table() -> tuple[dict[str, str], dict[str, str]]:
    """(variant key → country, demonym key → country)."""
    data = json.loads(resources.files("kg.data").joinpath("countries.json").read_text(encoding="utf-8"))
    variants, demonyms = {}, {}
    for c in data["countries"]:
        for v in [c["name"], *c["variants"]]:
            variants[key(v)] = c["name"]
        for d in c["demonyms"]:
            demonyms[key(d)] = c["name"]
    return variants, demonyms


def key(name: str) -> str:
    """Comparison key: NFKC, lower case, no leading 'the', no possessive, no dots, folded spaces."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").lower().strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"('s|')$", "", s)
    s = s.replace(".", "")
    return re.sub(r"[\s\-_]+", " ", s).strip()


def slug(label: str) -> str:
    s = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "entity"


def resolve(results: list[DocResult]) -> Resolution:
    """Group mentions by normalised name (countries by their variant table)."""
    variants, demonyms = country_table()
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r in results:
        for i, m in enumerate(r.mentions):
            k = key(m.name or m.text)
            if m.demonym:
                country = demonyms.get(k)
                if country is None:
                    continue
                k = key(country)
            else:
                k = key(variants.get(k, m.name or m.text))
            groups[k].append((r.doc, i))

    by_doc = {r.doc: r for r in results}
    entities: list[Entity] = []
    mention_entity: dict[str, list[str | None]] = {r.doc: [None] * len(r.mentions) for r in results}
    used_ids: set[str] = set()
    for k in sorted(groups):
        refs = groups[k]
        ms = [by_doc[d].mentions[i] for d, i in refs]
        shown = [m for m in ms if not m.demonym]
        if not shown:
            continue  # only demonyms: no node of its own
        types = Counter(m.type for m in shown)
        etype = max(types, key=lambda t: (types[t], t))
        names = Counter(m.name or m.text for m in shown)
        label = (variants.get(k) and country_label(k)) or max(names, key=lambda n: (len(n), names[n], n))
        eid = slug(label)
        while eid in used_ids:
            eid += "-x"
        used_ids.add(eid)
        aliases = sorted({m.text for m in shown} | {m.name for m in shown if m.name})
        entities.append(
            Entity(
                id=eid,
                label=label,
                type=etype,
                aliases=aliases,
                mentions=len(ms),
                documents=sorted({d for d, _ in refs}),
                titles=sorted({m.title for m in shown if m.title}),
                merges=[f"same normalised name {k!r}"] if len(names) > 1 else [],
            )
        )
        for d, i in refs:
            mention_entity[d][i] = eid
    return Resolution(entities=entities, mention_entity=mention_entity)


def country_label(k: str) -> str:
    variants, _ = country_table()
    return variants[k]
