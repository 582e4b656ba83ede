"""The per-document map: Document → cleaned segments → spaCy Doc → DocResult.

No spaCy object leaves this module: what comes out is plain data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg import clean, lexicon
from kg.config import BuildConfig
from kg.mentions import extract_mentions, mention_span
from kg.nlp import ENTITY_PATTERNS, build_pipeline, data_path, model_fingerprint, rules_fingerprint
from kg.relations import RELATION_PATTERNS, RelationMatcher
from kg.schema import ENTITY_TYPES, DocResult, Document
from kg.unwrap import unwrap

# Documents longer than this are cut at paragraph or line breaks into segments of at most
# this many characters, so memory stays bounded whatever the file size.
MAX_SEGMENT = 20_000  # a piece costs slightly more than linear time (dependency matcher, coreference windows)
# At most this many characters go through spaCy in one nlp.pipe batch (besides the batch_size cap): 64
# pieces of 20,000 characters in one batch held >1 MB of text and ~3 GB of parser state at once.
MAX_BATCH_CHARS = 100_000
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
        """Model, rule files and segment size: what a cached DocResult depends on besides the text."""
        rules = rules_fingerprint([data_path(ENTITY_PATTERNS), *self.config.patterns, *self.rule_files,
                                   *lexicon.map_data_files()])
        chosen = tuple(self.config.entity_types)
        types = "" if chosen == ENTITY_TYPES else f":types={','.join(chosen)}"
        return f"{model_fingerprint(self.nlp)}:{rules}:segment_chars={self.config.segment_chars}{types}"

    def pipe(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """DocResults in input order, streaming: no Doc outlives its segment, and the pieces of a long
        document are cut and masked only as spaCy asks for them (see :func:`char_batches`)."""
        parts: list[DocResult] = []
        for group in char_batches(_tasks(documents, self.config.segment_chars), self.config.batch_size):
            docs = self.nlp.pipe(group, as_tuples=True, batch_size=len(group))
            for (text, _), (doc, (document, offset, last)) in zip(group, docs, strict=True):
                if offset >= 0:
                    parts.append(extract(doc, document.name, offset, self.relations,
                                         self.config.entity_types, text))
                if last:
                    yield merge(document, parts)
                    parts = []


Task = tuple[str, tuple[Document, int, bool]]


def _tasks(documents: Iterable[Document], limit: int) -> Iterator[Task]:
    """(text, (document, offset, is its last piece)) per piece; a document with no body gives one empty
    task with offset -1, so that every document yields exactly one result."""
    for document in documents:
        pieces = iter_segments(document, limit)
        previous = next(pieces, None)
        if previous is None:
            yield "", (document, -1, True)
            continue
        for piece in pieces:
            yield previous[1], (document, previous[0], False)
            previous = piece
        yield previous[1], (document, previous[0], True)


def char_batches(tasks: Iterable[Task], size: int, max_chars: int = MAX_BATCH_CHARS) -> Iterator[list[Task]]:
    """Consecutive lists of at most `size` tasks holding at most `max_chars` characters (at least one task),
    so the text and parser state in flight stay bounded whatever the pieces' length."""
    group: list[Task] = []
    chars = 0
    for task in tasks:
        if group and (len(group) >= size or chars + len(task[0]) > max_chars):
            yield group
            group, chars = [], 0
        group.append(task)
        chars += len(task[0])
    if group:
        yield group


def segments(document: Document, limit: int = MAX_SEGMENT) -> list[tuple[int, str]]:
    """(offset, masked text) pieces of the document's body, each at most `limit` characters long (a list)."""
    return list(iter_segments(document, limit))


def iter_segments(document: Document, limit: int = MAX_SEGMENT) -> Iterator[tuple[int, str]]:
    """(offset, masked text) pieces of the document's body, each at most `limit` characters long, one at a time.

    Cuts after a paragraph or line break; a piece with no line break (a one-line dump) is cut
    after its last sentence end or else its last whitespace, and one with no whitespace at exactly `limit`.
    Each window is masked on its own, so the whole masked text is never built.
    """
    text = document.text
    spans = document.body or clean.body_spans(text)
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + limit)
        window = clean.mask(text, spans, pos, end)
        if end < len(text):
            cut = window.rfind("\n")
            if cut <= 0:
                cut = _last_break(window, 0, len(window))
            if cut > 0:
                window = window[: cut + 1]
        if window.strip():
            yield pos, unwrap(window)
        pos += len(window)


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


def extract(doc: Doc, name: str, offset: int, relations: RelationMatcher,
            types: tuple[str, ...] = ENTITY_TYPES, text: str | None = None) -> DocResult:
    """Mentions and relation evidence of one segment, offsets shifted into the document.

    `text` is the segment's text when the caller has it (it equals doc.text, which spaCy rebuilds from every
    token on each access): sentence texts are then slices of it, not joins of their tokens.
    The sentence hooks (:func:`index_sentences`) are taken off the Doc again: they make it a reference cycle,
    which only the cyclic collector would free.
    """
    try:
        return _extract(doc, name, offset, relations, types, doc.text if text is None else text)
    finally:
        doc.user_span_hooks.pop("sent", None)
        doc.user_token_hooks.pop("sent", None)


def _extract(doc: Doc, name: str, offset: int, relations: RelationMatcher, types: tuple[str, ...],
             text: str) -> DocResult:
    """extract() with the segment's text."""
    sent_index: dict[int, int] = {}
    sentences = []
    for sent in index_sentences(doc):
        sent_index[sent.start] = len(sentences)
        whole = text[sent.start_char : sent.end_char]
        stripped = whole.strip()
        start = sent.start_char + len(whole) - len(whole.lstrip()) + offset
        sentences.append((start, start + len(stripped), stripped))
    mentions = extract_mentions(doc, sent_index, types, text)
    token_mention = {}
    for i, m in enumerate(mentions):
        for tok in mention_span(doc, m):
            token_mention[tok.i] = i
    evidence = relations(doc, mentions, token_mention, sent_index)
    for m in mentions:
        m.start += offset
        m.end += offset
    words = len(doc) - int(numpy.count_nonzero(doc.to_array([IS_SPACE, IS_PUNCT]).any(axis=1))) if len(doc) else 0
    return DocResult(doc=name, sentences=sentences, mentions=mentions, evidence=evidence, words=words)


def index_sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, and hooks so that `token.sent` and `span.sent` look them up in a per-token table.

    Without the hooks spaCy walks the tokens to the sentence's edges on every call; kg's rules ask for
    sentences of tokens and spans thousands of times per piece.
    """
    sents = list(doc.sents)
    of_token = [0] * len(doc)
    for n, sent in enumerate(sents):
        of_token[sent.start : sent.end] = [n] * len(sent)

    def span_sent(span: Span) -> Span:
        return sents[of_token[min(span.start, len(doc) - 1)]]

    def token_sent(token: Token) -> Span:
        return sents[of_token[token.i]]

    doc.user_span_hooks["sent"] = span_sent
    doc.user_token_hooks["sent"] = token_sent
    return sents


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
            m.text = document.text[m.start : m.end]  # as read: a soft line break (kg.unwrap) is a space in the Doc
            result.mentions.append(m)
        for e in part.evidence:
            e.source += base
            e.target += base
            e.sent = remap[e.sent]
            result.evidence.append(e)
        result.words += part.words
    return result

