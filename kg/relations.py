"""Relation evidence from a spaCy ``Doc``: dependency rules between entity mentions.

Rules live in ``kg/data/relation_patterns.json`` (and files the user adds); each is
a spaCy DependencyMatcher pattern whose named anchors give source, target and verb.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.schema import Evidence, Mention

RELATION_PATTERNS = "relation_patterns.json"
MODALS = {"could", "would", "might", "may", "should", "can", "must"}


@dataclass
class Rule:
    name: str
    source: str
    target: str
    verb: str
    label: str = ""


def load_rules(paths: Iterable[Path]) -> list[tuple[Rule, list[dict]]]:
    rules = []
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for spec in data["rules"]:
            rule = Rule(spec["name"], spec["source"], spec["target"], spec["verb"], spec.get("label", ""))
            rules.append((rule, spec["pattern"]))
    return rules


class RelationMatcher:
    """Applies dependency rules to a Doc and returns Evidence between known mentions."""

    def __init__(self, vocab: Vocab, paths: Iterable[Path]):
        self.matcher = DependencyMatcher(vocab)
        self.rules: dict[str, Rule] = {}
        self.anchors: dict[str, list[str]] = {}
        for rule, pattern in load_rules(paths):
            self.matcher.add(rule.name, [pattern])
            self.rules[rule.name] = rule
            self.anchors[rule.name] = [p["RIGHT_ID"] for p in pattern]

    def __call__(self, doc: Doc, mentions: list[Mention], token_mention: dict[int, int]) -> list[Evidence]:
        found: dict[tuple, Evidence] = {}
        for match_id, token_ids in self.matcher(doc):
            name = doc.vocab.strings[match_id]
            rule = self.rules[name]
            slot = dict(zip(self.anchors[name], token_ids, strict=True))
            src = token_mention.get(slot[rule.source])
            tgt = token_mention.get(slot[rule.target])
            if src is None or tgt is None or src == tgt:
                continue
            if mentions[src].demonym or mentions[tgt].demonym:
                continue
            verb = doc[slot[rule.verb]]
            label = rule.label or verb_label(verb)
            key = (src, tgt, label)
            if key in found:
                continue
            found[key] = Evidence(
                source=src,
                target=tgt,
                relation=label,
                sent=mentions[src].sent,
                rule=name,
                negated=is_negated(verb),
                hypothetical=is_hypothetical(verb),
            )
        return list(found.values())


def verb_label(verb: Token) -> str:
    """The verb's lemma joined with its particle ("ramp_up")."""
    parts = [verb.lemma_.lower()]
    parts += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return "_".join(parts)


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def is_hypothetical(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in verb.children)
