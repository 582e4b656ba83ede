"""Soft line breaks of hard-wrapped text become spaces, so that NER and the parser read names and sentences whole.

Wire copy, e-mail and text taken from PDFs often break every line at a fixed width ("the Superior" / "Electoral
Court"). A name cut by such a break is read as two names, or the model runs a line into the next. A text is taken
as hard-wrapped when most lines inside its paragraphs end close to one width (between MIN_WIDTH and MAX_WIDTH
characters) and many of the lines after them go on in lower case. A break inside a paragraph is then soft when
the next line's first word would not have fit on the line (as any greedy wrapper decides) and the next line is no
list item. Each soft break becomes one space per character ("\\r\\n" → two), so every offset stays as read.
Text with one paragraph per line (scraped pages) and short lines (headlines, bylines, lists) keep their breaks.
"""

from __future__ import annotations

import re
from itertools import pairwise

MIN_WIDTH = 30
MAX_WIDTH = 200  # wider lines are paragraphs, not wrapped lines
MIN_LINES = 3  # lines inside paragraphs needed to judge a width
FULL_BAND = 20  # a line within this many characters of the width (or a quarter of it, if less) is full
FULL_SHARE = 0.6  # share of full lines a wrapped text has
LOWER_SHARE = 0.3  # share of lines inside paragraphs whose next line opens in lower case
_LIST_ITEM = re.compile(r"\s|[-*•·–—>]|\d{1,3}[.)]\s|\(?[a-z]\)\s")


def unwrap(text: str) -> str:
    """`text` with soft line breaks made spaces when it is hard-wrapped; else `text` itself."""
    if text.count("\n") < MIN_LINES:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    for line, nxt in pairwise(lines):
        if _soft(line, nxt, width):
            out.append(line[:-1] + "  " if line.endswith("\r") else line + " ")
        else:
            out.append(line + "\n")
    out.append(lines[-1])
    return "".join(out)


def wrap_width(lines: list[str]) -> int | None:
    """The width the lines were wrapped at (the longest line inside a paragraph), or None if they were not."""
    inner = [(len(line.rstrip()), nxt) for line, nxt in pairwise(lines) if line.strip() and nxt.strip()]
    if len(inner) < MIN_LINES:
        return None
    width = max(n for n, _ in inner)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = sum(n >= width - min(FULL_BAND, width // 4) for n, _ in inner)
    lower = sum(nxt.lstrip()[:1].islower() for _, nxt in inner)
    return width if full >= FULL_SHARE * len(inner) and lower >= LOWER_SHARE * len(inner) else None


def _soft(line: str, nxt: str, width: int) -> bool:
    """A wrap inside a paragraph: both lines hold text, the next one is no list item or indented line, and its first
    word would have made this line longer than the width."""
    words = nxt.split(None, 1)
    if not words or not line.strip() or _LIST_ITEM.match(nxt):
        return False
    return len(line.rstrip()) + 1 + len(words[0]) > width
