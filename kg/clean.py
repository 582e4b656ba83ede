"""Mark page chrome so that NER sees only article body; offsets are kept by masking.

Text is judged line by line (a line is a paragraph in most scraped text). A line is chrome when

- it looks like widget furniture: glued icon names ("ChevronIcon FacebookIcon"), template markers
  ("{{numberArticlesLeft}}"), links or a menu of short items, or nothing but share-button words;
- it is short and carries a known boilerplate phrase or matches a boilerplate line pattern
  (kg/data/boilerplate.txt, kg/data/chrome.json) — long prose lines are never judged by phrase;
- it appears verbatim in several documents of the corpus (:func:`corpus_repeats`), unless the
  document is mostly made of repeated lines (a syndicated copy: its body must stay);
- it is a short fragment between two chrome lines (a run of chrome);
- it follows a strong end-of-article marker ("Check Also", "Related", "Leave a Reply",
  "About the Author", … — or a closing credit such as "Source: CNN", which itself stays body)
  when what follows holds no long prose and is the smaller part of the document.

Chrome lines are blanked (every character but newlines becomes a space), so the masked text has
the length of the original and every offset spaCy reports indexes the text as read. Inside a body line,
only template markers are blanked. Lines longer than ``LONG_LINE`` characters (a one-line dump) are prose:
never judged chrome by their look. Every step is one pass over the lines (linear in the text), and words
are counted, never listed, so a single 50 MB line costs no more memory than its own text.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.schema import Document

# A token that looks like an icon or widget name glued together: "ChevronIcon", "ArrowArtboardCreated".
_GLUED = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+\.?\w*$")
# Bounded lengths: an unclosed "{{" never makes the search scan the rest of a long line again and again.
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\}|\$\{\w{1,100}\}")
_LINK = re.compile(
    r"^(https?://|www\.)\S+|^\S+\.(com|org|net|io|co|info|html?|php)(/\S*)?$|^\S+@\S+\.\w+$|^[@#]\w+$", re.I
)
_MENU_SEPARATORS = re.compile(r"\s*(?:\||•|·|»|›|/|–|—)\s*")
# A dateline on a line of its own ("TOKYO --", "WASHINGTON, D.C. —"): body, however often it repeats.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}(?:, [A-Za-z.]+(?: [A-Za-z.]+){0,2})?\s*(?:--|—|–|-|:)?$"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"[\w'’-]+")
_TOKEN = re.compile(r"[\w-]+")
# Cheap tests that rule a line out before its words are matched one by one: a glued word holds a lower-case letter
# right before an upper-case one, a link word one of these marks (so a line has at least as many of these, which
# never span white space, as glued or link words), a menu one of its separators.
_GLUED_HINT = re.compile(r"[a-z][A-Z]")
_LINK_HINT = re.compile(r"://|www\.|[@#]|\.(?:com|org|net|io|co|info|htm|php)", re.I)
_MENU_HINT = re.compile(r"[|•·»›/–—]")
_SPACES = re.compile(r"\s+")
KEY_CHUNK = 65_536  # line_key folds white space this many characters at a time

# Share-bar words that alone never make a share bar ("Copy link", "Save this article" do).
_FILLER = frozenset({"this", "on", "via", "article", "line", "link", "copy", "save", "x"})
# A repeated line is trusted as chrome only while repeated lines hold at most this share of the
# document's characters; beyond it the document is a copy of another (wire story, duplicate file).
COPY_SHARE = 0.5
# A "real paragraph": this many words and a sentence end. Used to bound end-of-article markers.
PROSE_WORDS = 12
LONG_PROSE_WORDS = 30
# A line longer than this many characters is never chrome by its look or an end marker: page furniture is short.
LONG_LINE = 5_000
CREDIT_CHARS = 600  # a credit line is at most this long
_CREDIT_OPENERS = frozenset("(BbSsWwTtRrAaEeCcPpGg")  # first letters of the credit_lines patterns ('(', 'By', ...)


@dataclass(frozen=True)
class ChromeRules:
    """The data-file side of the cleaner, compiled once."""

    phrases: tuple[str, ...]
    short_line_words: int
    end_markers: tuple[re.Pattern[str], ...]
    end_credits: tuple[re.Pattern[str], ...]
    line_patterns: tuple[re.Pattern[str], ...]
    share_words: frozenset[str]
    credit_lines: tuple[re.Pattern[str], ...] = ()


@lru_cache(maxsize=1)
def rules() -> ChromeRules:
    """Boilerplate phrases (boilerplate.txt) and line rules (chrome.json) from kg/data."""
    data = resources.files("kg.data")
    text = data.joinpath("boilerplate.txt").read_text(encoding="utf-8")
    phrases = tuple(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    spec = json.loads(data.joinpath("chrome.json").read_text(encoding="utf-8"))

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(f"(?:{p})", re.I) for p in spec[key])

    return ChromeRules(
        phrases=phrases,
        short_line_words=int(spec["short_line_words"]),
        end_markers=compiled("end_markers"),
        end_credits=compiled("end_credits"),
        line_patterns=compiled("line_patterns"),
        share_words=frozenset(w.lower() for w in spec["share_words"]),
        credit_lines=tuple(re.compile(f"(?:{p})", re.I) for p in spec["credit_lines"]["patterns"]),
    )


def boilerplate_phrases() -> tuple[str, ...]:
    """The phrases of kg/data/boilerplate.txt, lower-cased."""
    return rules().phrases


def line_key(line: str) -> bytes:
    """A stable short digest of a line with white space folded (the same in every process).

    The digest is fed piece by piece (pieces cut at white space), so a 50 MB line never becomes a list of
    millions of words; the result is the digest of ``" ".join(line.split())``.
    """
    digest = hashlib.blake2b(digest_size=8)
    sep = b""
    pos = 0
    while pos < len(line):
        cut = _SPACES.search(line, pos + KEY_CHUNK) if len(line) - pos > KEY_CHUNK else None
        end = cut.start() if cut else len(line)
        words = line[pos:end].split()
        if words:
            digest.update(sep + " ".join(words).encode("utf-8", "surrogatepass"))
            sep = b" "
        pos = end
    return digest.digest()


def corpus_repeats(texts: Iterable[str], min_docs: int = 2) -> frozenset[bytes]:
    """Keys (:func:`line_key`) of the non-blank lines found in at least `min_docs` of the texts.

    A cheap first pass over a corpus: call it on every document's text before the map stage and
    give the result to :func:`body_spans`. Only digests are kept, so memory stays small.
    """
    counts: Counter[bytes] = Counter()
    for text in texts:
        counts.update({line_key(line) for line in text.splitlines() if line.strip()})
    return frozenset(key for key, n in counts.items() if n >= min_docs)


def _count_words(line: str, limit: int | None = None) -> int:
    """Words in the line, counted without building a list (but for a line of at most LONG_LINE characters, where
    the list is small and faster); stops once past `limit` (returns limit + 1)."""
    if limit is None and len(line) <= LONG_LINE:
        return len(_WORD.findall(line))
    n = 0
    for _ in _WORD.finditer(line):
        n += 1
        if limit is not None and n > limit:
            break
    return n


def _is_short(line: str) -> bool:
    short = rules().short_line_words
    return _count_words(line, short) <= short


def _ends_sentence(line: str) -> bool:
    """The line's last visible character closes a sentence (only the line's end is looked at, never copied whole)."""
    tail = line[-200:].rstrip()
    if not tail and len(line) > 200:
        tail = line.rstrip()[-200:]
    return bool(_SENTENCE_END.search(tail))


def _is_sentence(line: str) -> bool:
    """Shaped like a sentence of prose: six words or more and a sentence end."""
    return _ends_sentence(line) and _count_words(line, 6) >= 6


def _is_paragraph(line: str, words: int = PROSE_WORDS) -> bool:
    return _ends_sentence(line) and _count_words(line, words) >= words


def _icon_like(words: list[str], stripped: str) -> bool:
    if len(words) < 3 or len(_GLUED_HINT.findall(stripped)) / len(words) < 0.3:  # as the ratio below
        return False
    glued = sum(bool(_GLUED.match(w)) for w in words)
    return len(words) >= 3 and glued / len(words) >= 0.3


def _link_like(words: list[str], stripped: str) -> bool:
    hints = len(_LINK_HINT.findall(stripped))
    if not hints or (hints / len(words) < 0.5 and len(words) > 4):
        return False
    links = sum(bool(_LINK.match(w.strip("()[]<>,;"))) for w in words)
    return links > 0 and (links / len(words) >= 0.5 or len(words) <= 4)


def _menu_like(stripped: str) -> bool:
    if not _MENU_HINT.search(stripped):
        return False
    items = [item for item in _MENU_SEPARATORS.split(stripped) if item]
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items) and len(items) > len(stripped.split()) / 3


def _share_bar(stripped: str) -> bool:
    """Only share-button words, one of them not a filler; stops at the first other word."""
    share = rules().share_words
    found = real = False
    for match in _TOKEN.finditer(stripped):
        token = match.group().lower()
        if token not in share:
            return False
        found = True
        real = real or token not in _FILLER
    return found and real


def _boilerplate(stripped: str) -> bool:
    """A short line that carries a known boilerplate phrase or matches a boilerplate line pattern."""
    if not _is_short(stripped):
        return False
    low = stripped.lower()
    r = rules()
    return any(p in low for p in r.phrases) or any(p.fullmatch(stripped) for p in r.line_patterns)


def is_chrome(line: str) -> bool:
    """True for a line that is web-page furniture by its own look (no context, no corpus)."""
    if len(line) > LONG_LINE:
        return False
    stripped = line.strip()
    if not stripped:
        return False
    if _TEMPLATE.search(stripped) and _is_short(stripped):
        return True
    words = stripped.split()
    return (_icon_like(words, stripped) or _link_like(words, stripped) or _menu_like(stripped) or _share_bar(stripped)
            or _boilerplate(stripped) or _credit_line(stripped))


def _credit_line(stripped: str) -> bool:
    """A byline or a wire agency's credits ('By Jane Doe and John Roe', '(Reporting by X; Editing by Y)'): the story's
    writers, no actors of it (kg/data/chrome.json credit_lines)."""
    return len(stripped) <= CREDIT_CHARS and stripped[:1] in _CREDIT_OPENERS and any(
        p.fullmatch(stripped) for p in rules().credit_lines)


def end_marker(line: str) -> int:
    """Where the block after an article starts, relative to this line: 0 when the line opens it
    ("Check Also", "Leave a Reply"), 1 when the line is the article's last (a credit: "Source: CNN"),
    -1 when the line is no end marker."""
    stripped = line.strip() if len(line) <= LONG_LINE else ""
    if not stripped:
        return -1
    r = rules()
    if any(p.fullmatch(stripped) for p in r.end_markers):
        return 0
    return 1 if any(p.fullmatch(stripped) for p in r.end_credits) else -1


def chrome_flags(lines: list[str], repeats: frozenset[bytes] = frozenset()) -> list[bool]:
    """One flag per line: True where the line is chrome. Blank lines are never flagged."""
    flags = [is_chrome(line) for line in lines]
    _flag_repeats(lines, flags, repeats)
    _flag_tail(lines, flags)
    _flag_runs(lines, flags)
    return flags


def _flag_repeats(lines: list[str], flags: list[bool], repeats: frozenset[bytes]) -> None:
    """Flag lines seen in other documents, unless they make up most of this one (a copy)."""
    if not repeats:
        return
    repeated = [_repeated(line, repeats) for line in lines]
    total = sum(len(line.strip()) for line in lines)
    shared = sum(len(line.strip()) for line, rep in zip(lines, repeated, strict=True) if rep)
    if total and shared / total <= COPY_SHARE:
        for i, rep in enumerate(repeated):
            flags[i] = flags[i] or rep


def _repeated(line: str, repeats: frozenset[bytes]) -> bool:
    stripped = line.strip()
    return bool(stripped) and line_key(stripped) in repeats and not _DATELINE.match(stripped)


def _flag_tail(lines: list[str], flags: list[bool]) -> None:
    """Flag everything after the first end-of-article marker that closes the body.

    A marker closes the body when a real paragraph comes before it, no long paragraph comes after
    it, and what follows it is the smaller part of the document. Word counts and "a long paragraph
    follows" are computed once from the end (suffix tables), so many markers cost one pass, not one each.
    """
    n = len(lines)
    words_from = [0] * (n + 1)  # words in lines[i:]
    long_from = [False] * (n + 1)  # a long paragraph somewhere in lines[i:]
    for i in range(n - 1, -1, -1):
        words_from[i] = words_from[i + 1] + _count_words(lines[i])
        long_from[i] = long_from[i + 1] or _is_paragraph(lines[i], LONG_PROSE_WORDS)
    total = words_from[0]
    seen_paragraph = False
    for i, line in enumerate(lines):
        shift = end_marker(line) if seen_paragraph else -1
        if shift >= 0:
            start = i + shift
            if not long_from[i + 1] and words_from[start] * 2 <= total:
                for j in range(start, len(lines)):
                    flags[j] = flags[j] or bool(lines[j].strip())
                return
        seen_paragraph = seen_paragraph or (not flags[i] and _is_paragraph(line))


def _flag_runs(lines: list[str], flags: list[bool]) -> None:
    """Flag short non-sentence lines that sit between chrome lines (the end of text counts as chrome).

    Only after the first body paragraph: before it come the headline and standfirst, which are
    short fragments too and often sit between a share bar and a menu.
    """
    first = next((i for i, line in enumerate(lines) if not flags[i] and _is_paragraph(line)), len(lines))
    filled = [i for i, line in enumerate(lines) if line.strip() and i > first]
    changed = True
    while changed:
        changed = False
        for k, i in enumerate(filled):
            if flags[i] or not _is_short(lines[i]) or _is_sentence(lines[i]):
                continue
            before = k > 0 and flags[filled[k - 1]]
            after = k == len(filled) - 1 or flags[filled[k + 1]]
            if before and after:
                flags[i] = changed = True


def body_spans(text: str, repeats: frozenset[bytes] = frozenset()) -> list[tuple[int, int]]:
    """Character spans of `text` that are article body, in order.

    `repeats` is the result of :func:`corpus_repeats` over the corpus the text belongs to.
    """
    lines = text.splitlines(keepends=True)
    flags = chrome_flags(lines, repeats)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line, chrome in zip(lines, flags, strict=True):
        if not chrome:
            for start, end in _unmarked(line, pos):
                if spans and spans[-1][1] == start:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
        pos += len(line)
    return spans


def _unmarked(line: str, pos: int) -> Iterator[tuple[int, int]]:
    """Spans of a body line (starting at `pos` in the text) around its template markers ("{{...}}")."""
    start = 0
    for marker in _TEMPLATE.finditer(line):
        if marker.start() > start:
            yield pos + start, pos + marker.start()
        start = marker.end()
    if start < len(line):
        yield pos + start, pos + len(line)


def mask(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """`text[start:end]` with everything outside `spans` blanked (newlines kept), so offsets stay valid.

    Only the asked window is copied, so a huge text can be masked piece by piece.
    """
    end = len(text) if end is None else end
    out = []
    pos = start
    for lo, hi in spans[bisect.bisect_right(spans, start, key=lambda span: span[1]):]:
        if lo >= end:
            break
        lo, hi = max(lo, start), min(hi, end)
        if hi <= lo:
            continue
        out.append(_blank(text[pos:lo]))
        out.append(text[lo:hi])
        pos = hi
    out.append(_blank(text[pos:end]))
    return "".join(out)


def _blank(chunk: str) -> str:
    return re.sub(r"[^\n\r]", " ", chunk)


def with_corpus_body(document: Document, repeats: frozenset[bytes]) -> Document:
    """Set `document.body` from the corpus-level repeats when any of its lines is repeated.

    Documents with no repeated line are left alone (their body is found when they are segmented).
    A document that is all chrome gets the empty span (0, 0), which masks everything.
    """
    if document.body or not repeats:
        return document
    if any(line.strip() and line_key(line) in repeats for line in document.text.splitlines()):
        document.body = body_spans(document.text, repeats) or [(0, 0)]
    return document
