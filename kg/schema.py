"""Plain data passed between pipeline stages.

The map stage (read → clean → nlp → extract) ends in a :class:`DocResult`: only
strings, numbers and lists, so it can be cached, sent between processes and built
by hand in tests. The reduce stage (resolve → graph → outputs) reads nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Entity types a node may carry (OUTPUTS.md). Everything else spaCy emits is either
# mapped onto one of these or dropped (dates, numbers, money, percentages).
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FACILITY", "SHIP", "AIRCRAFT", "WEAPON", "LAW", "EVENT")
# spaCy labels a user may add as node types of their own (`kg build --entity-types`); never dates or numbers.
EXTRA_ENTITY_TYPES = ("NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE")
USER_PATTERN = "user:"  # id prefix of the EntityRuler patterns of `kg build --patterns` files: their labels stand


def check_entity_types(types: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The chosen node types, upper-cased and checked; a ValueError names an unknown one."""
    chosen = tuple(dict.fromkeys(t.strip().upper() for t in types if t.strip()))
    known = ENTITY_TYPES + EXTRA_ENTITY_TYPES
    unknown = [t for t in chosen if t not in known]
    if unknown or not chosen:
        raise ValueError(f"unknown entity type {unknown[0] if unknown else '(none given)'}; "
                         f"choose from {', '.join(known)}")
    return chosen


@dataclass
class Document:
    """One input document: its name relative to the input folder and its decoded text."""

    name: str
    text: str
    path: str = ""
    title: str = ""
    encoding: str = "utf-8"
    # Character spans of `text` that hold article body (set by kg.clean); empty = all.
    body: list[tuple[int, int]] = field(default_factory=list)

EXERCISE_AFTER = "exercise noun after the name"  # Mention.cue of 'the Malabar naval exercise' (kg.mentions, kg.resolve)
# Mention.source of a span typed only because another mention of its name has that type: it echoes that mention,
# so it votes no more than the model's own reading when the node's type is chosen (kg.mentions, kg.resolve)
SAME_NAME = "context:same-name"


@dataclass
class Mention:
    """One entity mention: offsets index the document text exactly as read."""

    start: int
    end: int
    text: str
    type: str
    sent: int  # index into DocResult.sentences
    # The name with determiners, possessives, titles and hull prefixes removed.
    name: str = ""
    title: str = ""  # a title or role written beside the name ("Defense Minister")
    label: str = ""  # spaCy's own label before kg's corrections, for explanations
    demonym: bool = False  # "Japanese" kept as a mention of Japan, never shown as an alias
    source: str = "ner"  # "ner", "ruler:<pattern id>", "description", ...
    cue: str = ""  # why kg changed spaCy's type or split the span ("ship noun before: 'destroyer'")
    metonym: bool = False  # a capital standing for its country ("talks with Washington"): a mention, not an alias
    qualifier: str = ""  # a country written just before the name, outside it ("Russia's Defence Ministry" → "Russia")
    dateline: bool = False  # part of a dateline ("TOKYO --", "MANILA (Reuters) -"): where the story was filed


@dataclass
class Evidence:
    """One relation assertion found in one sentence (a row of relations.jsonl)."""

    source: int  # index into DocResult.mentions
    target: int
    relation: str
    sent: int
    rule: str = ""
    kind: str = "pattern"
    negated: bool = False
    hypothetical: bool = False
    date: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocResult:
    """Everything the reduce stage needs from one document."""

    doc: str
    sentences: list[tuple[int, int, str]]  # (start, end, text) of every sentence with a mention
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    words: int = 0
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocResult:
        return cls(
            doc=data["doc"],
            sentences=[tuple(s) for s in data["sentences"]],
            mentions=[Mention(**m) for m in data["mentions"]],
            evidence=[Evidence(**e) for e in data["evidence"]],
            words=data.get("words", 0),
            title=data.get("title", ""),
        )


@dataclass
class Entity:
    """A resolved real-world thing: one graph node."""

    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)  # why surface forms were merged
