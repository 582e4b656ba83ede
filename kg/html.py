"""Article text of an HTML page: title and body, without navigation, scripts, styles or adverts.

The body comes from trafilatura (a maintained main-content extractor: it scores the page's
blocks and drops menus, sidebars, comment sections and boilerplate), run on the bytes read from
disk, never on the network. When it finds no body (a short page, an odd layout) the text of the
page's ``<body>`` is taken instead, minus ``<script>``, ``<style>`` and the HTML5 chrome elements
(``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ``<form>``).

Offsets for HTML input: the Document's text is the extracted text, the title on the first line,
a blank line, then the body with one paragraph per line. Mentions index that text, not the HTML
source; ``Document.title`` holds the title alone.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

HTML_SUFFIXES = {".html", ".htm"}

# Never text: code, styling, embedded media and templates.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "head")
# Page furniture by HTML5 semantics, dropped in the fallback only (trafilatura judges them itself).
_FURNITURE = ("nav", "header", "footer", "aside", "form", "button", "select", "menu", "dialog")
# Never article body, whichever of trafilatura's extractors runs (its last-resort one keeps menus).
_PRUNE = ["//nav", "//footer", "//aside", "//form", "//menu", "//dialog"]
# Elements that end a line of text.
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "article", "section", "main", "table", "tr", "td", "th", "figcaption", "figure", "hr", "address",
})
_BREAK = "\ue000"  # a private-use character marking block boundaries while the text is gathered
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_text(data: bytes | str) -> tuple[str, str]:
    """(title, text) of an HTML page; text is the title, a blank line, then the body paragraphs.

    Raises ValueError when the page holds no text at all.
    """
    if isinstance(data, str):
        data = _XML_DECLARATION.sub("", data, count=1)  # lxml refuses str input that declares an encoding
    tree = _parse(data)
    title = _title(tree)
    body = _trafilatura_body(data) or _fallback_body(tree)
    body = _drop_leading_title(body, title)
    if not (title or body):
        raise ValueError("no text in the HTML page")
    text = f"{title}\n\n{body}" if title and body else title or body
    return title, text + "\n"


def _parse(data: bytes | str) -> etree._Element:
    try:
        tree = lxml.html.fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"not an HTML page ({exc})") from None
    return tree


def _title(tree: etree._Element) -> str:
    """The article's title: trafilatura's reading of the metadata, else the first <h1>, else <title>."""
    import trafilatura  # imported on first use: it is slow to import and only HTML input needs it

    try:
        title = trafilatura.extract_metadata(tree).title or ""
    except Exception:  # metadata is optional: a failure in it must not lose the page
        title = ""
    if not title:
        for path in ("//h1", "//title"):
            found = tree.xpath(path)
            if found:
                title = found[0].text_content()
                break
    return _fold(title)


def _trafilatura_body(data: bytes | str) -> str:
    import trafilatura

    text = trafilatura.extract(data, include_comments=False, include_images=False, include_links=False,
                               output_format="txt", with_metadata=False, prune_xpath=_PRUNE)
    return _paragraphs(text or "")


def _fallback_body(tree: etree._Element) -> str:
    """Text of <body> without invisible elements and HTML5 furniture, one block per line."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for element in root.xpath(" | ".join(f"//{tag}" for tag in _INVISIBLE + _FURNITURE)):
        _remove(element)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = _BREAK + (element.tail or "")
            element.text = _BREAK + (element.text or "")
    # Line breaks in the source are only spaces; the block boundaries marked above are the lines.
    return _paragraphs(root.text_content().replace("\n", " ").replace(_BREAK, "\n"))


def _remove(element: etree._Element) -> None:
    """Remove an element with its text but keep its tail (the text after it belongs to its parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _paragraphs(text: str) -> str:
    """One paragraph per line, spaces folded, empty lines dropped."""
    lines = (_fold(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _drop_leading_title(body: str, title: str) -> str:
    """The body without a first line that repeats the title (it is already the text's first line)."""
    first, _, rest = body.partition("\n")
    return rest if title and first.strip() == title else body
