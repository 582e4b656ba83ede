"""The per-document map: Document → cleaned segments → spaCy Doc → DocResult.

No spaCy object leaves this module: what comes out is plain data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg import clean, lexicon
from kg.config import BuildConfig
from kg.mentions import extract_mentions
from kg.nlp import ENTITY_PATTERNS, build_pipeline, data_path, model_fingerprint, rules_fingerprint
from kg.relations import RELATION_PATTERNS, RelationMatcher
from kg.schema import DocResult, Document

# Documents longer than this are cut at paragraph or line breaks into segments of at most
# this many characters, so memory stays bounded whatever the file size.
MAX_SEGMENT = 20_000  # per-piece cost grows faster than linearly (Span.sent lookups), so keep pieces small
# Where a text with no line break is cut: after a sentence end, else at a space, else at any whitespace.
_SENTENCE_ENDS = (". ", "! ", "? ", '." ', "。", "！", "？")
_LAST_SPACE = re.compile(r"(?s:.*)(\s)")


class Extractor:
    """Holds the spaCy pipeline and the relation rules; turns Documents into DocResults."""

    def __init__(self, config: BuildConfig):
        self.config = config
        self.nlp: Language = build_pipeline(config.model, config.patterns)
        self.rule_files = [data_path(RELATION_PATTERNS), *config.relation_patterns]
        self.relations = RelationMatcher(self.nlp.vocab, self.rule_files)

    @property
    def fingerprint(self) -> str:
        """Model and rule files: what a cached DocResult depends on besides the text."""
        rules = rules_fingerprint([data_path(ENTITY_PATTERNS), *self.config.patterns, *self.rule_files,
                                   *lexicon.map_data_files()])
        return f"{model_fingerprint(self.nlp)}:{rules}"

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """DocResults in input order, streaming: no Doc outlives its segment."""
        pending: dict[str, list[DocResult]] = {}
        expected: dict[str, int] = {}

        def tasks():
            for document in documents:
                segs = segments(document, self.config.segment_chars)
                expected[document.name] = len(segs)
                pending[document.name] = []
                if not segs:
                    yield "", (document, 0)
                for offset, text in segs:
                    yield text, (document, offset)

        for doc, (document, offset) in self.nlp.pipe(tasks(), as_tuples=True, batch_size=self.config.batch_size):
            parts = pending[document.name]
            if expected[document.name]:
                parts.append(extract(doc, document.name, offset, self.relations))
            if len(parts) >= expected[document.name]:
                del pending[document.name]
                yield merge(document, parts)


def segments(document: Document, limit: int = MAX_SEGMENT) -> list[tuple[int, str]]:
    """(offset, masked text) pieces of the document's body, each at most `limit` characters long.

    Cuts after a paragraph or line break; a piece with no line break (a one-line dump) is cut
    after its last sentence end or else its last whitespace, and one with no whitespace at exactly `limit`.
    """
    spans = document.body or clean.body_spans(document.text)
    masked = clean.mask(document.text, spans)
    if not masked.strip():
        return []
    out = []
    pos = 0
    while pos < len(masked):
        end = min(len(masked), pos + limit)
        if end < len(masked):
            cut = max(masked.rfind("\n\n", pos, end), masked.rfind("\n", pos, end))
            if cut <= pos:
                cut = _last_break(masked, pos, end)
            end = cut + 1 if cut > pos else end
        piece = masked[pos:end]
        if piece.strip():
            out.append((pos, piece))
        pos = end
    return out


def _last_break(text: str, start: int, end: int) -> int:
    """Index of the whitespace after the last sentence end in text[start:end], else of its last whitespace, or -1."""
    found = (text.rfind(mark, start, end) for mark in _SENTENCE_ENDS)
    cut = max((at + len(mark) - 1 for at, mark in zip(found, _SENTENCE_ENDS, strict=True) if at >= 0), default=-1)
    if cut <= start:
        cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
    if cut <= start:
        match = _LAST_SPACE.match(text, start, end)
        cut = match.start(1) if match else -1
    return cut


def extract(doc: Doc, name: str, offset: int, relations: RelationMatcher) -> DocResult:
    """Mentions and relation evidence of one segment, offsets shifted into the document."""
    sent_index: dict[int, int] = {}
    sentences = []
    for sent in doc.sents:
        sent_index[sent.start] = len(sentences)
        text = sent.text.strip()
        lead = len(sent.text) - len(sent.text.lstrip())
        start = sent.start_char + lead + offset
        sentences.append((start, start + len(text), text))
    mentions = extract_mentions(doc, sent_index)
    token_mention = {}
    for i, m in enumerate(mentions):
        for tok in doc.char_span(m.start, m.end, alignment_mode="expand") or ():
            token_mention[tok.i] = i
    evidence = relations(doc, mentions, token_mention, sent_index)
    for m in mentions:
        m.start += offset
        m.end += offset
    words = sum(1 for t in doc if not (t.is_space or t.is_punct))
    return DocResult(doc=name, sentences=sentences, mentions=mentions, evidence=evidence, words=words)


def merge(document: Document, parts: list[DocResult]) -> DocResult:
    """One DocResult from a document's segments; keeps only sentences that hold a mention."""
    result = DocResult(doc=document.name, sentences=[], title=document.title)
    for part in parts:
        used = sorted({m.sent for m in part.mentions} | {e.sent for e in part.evidence})
        remap = {}
        for old in used:
            remap[old] = len(result.sentences)
            start, end, _masked = part.sentences[old]
            # Evidence quotes the document as read, so `text == document.text[start:end]` holds.
            result.sentences.append((start, end, document.text[start:end]))
        base = len(result.mentions)
        for m in part.mentions:
            m.sent = remap[m.sent]
            result.mentions.append(m)
        for e in part.evidence:
            e.source += base
            e.target += base
            e.sent = remap[e.sent]
            result.evidence.append(e)
        result.words += part.words
    return result


def default_rule_files() -> list[Path]:
    return [data_path(ENTITY_PATTERNS), data_path(RELATION_PATTERNS)]
