"""Mark page chrome so that NER sees only article body; offsets are kept by masking."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# A token that looks like an icon or widget name glued together: "ChevronIcon", "ArrowArtboardCreated".
_GLUED = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+\.?\w*$")
_TEMPLATE = re.compile(r"\{\{.*?\}\}")


@lru_cache(maxsize=1)
def boilerplate_phrases() -> tuple[str, ...]:
    text = resources.files("kg.data").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    return tuple(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_chrome(line: str) -> bool:
    """True for a line that is web-page furniture rather than prose."""
    stripped = line.strip()
    if not stripped:
        return False
    low = stripped.lower()
    if any(p in low for p in boilerplate_phrases()) or _TEMPLATE.search(stripped):
        return True
    words = stripped.split()
    glued = sum(bool(_GLUED.match(w)) for w in words)
    return len(words) >= 3 and glued / len(words) >= 0.3


def body_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are article body, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if not is_chrome(line):
            if spans and spans[-1][1] == pos:
                spans[-1] = (spans[-1][0], pos + len(line))
            else:
                spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with everything outside `spans` blanked (newlines kept), so offsets stay valid."""
    out = []
    pos = 0
    for start, end in spans:
        out.append(_blank(text[pos:start]))
        out.append(text[start:end])
        pos = end
    out.append(_blank(text[pos:]))
    return "".join(out)


def _blank(chunk: str) -> str:
    return re.sub(r"[^\n]", " ", chunk)
