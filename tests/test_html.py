"""HTML input (kg.html through kg.read): title kept, article body found, scripts, styles and chrome gone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.html import html_text
from kg.read import Skipped, read_documents

PAGE = Path(__file__).resolve().parent / "data" / "page.html"
TITLE = "Harbour authority approves new ferry terminal"
NOT_TEXT = (
    "trackingPixelOwner", "AdvertCorp", "font-family",  # <script> and <style> in <head>
    "Nordic Widgets",  # a <script> inside the article
    "Blue Lagoon", "Cruise ships", "Geiranger", "All rights reserved", "Cookie settings",  # ad, aside, footer
)


@pytest.fixture(scope="module")
def page_document(tmp_path_factory):
    """The fixture page read from a folder as `kg build` reads it."""
    folder = tmp_path_factory.mktemp("html")
    shutil.copy(PAGE, folder / "page.html")
    (folder / "notes.htm").write_text("<html><body><p>Short note from Paris.</p></body></html>", encoding="utf-8")
    return {d.name: d for d in read_documents([folder])}


def test_html_files_are_read_with_title_and_body(page_document):
    assert set(page_document) == {"notes.htm", "page.html"}
    doc = page_document["page.html"]
    assert doc.title == TITLE
    assert doc.text.startswith(TITLE + "\n\n")
    assert "OSLO -- The Oslo Port Authority on Tuesday approved plans" in doc.text
    assert "promised to appeal the decision to the courts." in doc.text
    assert doc.text.count(TITLE) == 1  # the <h1> repeating the title is not a second line


def test_script_style_navigation_and_ads_are_not_text(page_document):
    text = page_document["page.html"].text
    for chrome in NOT_TEXT:
        assert chrome not in text, chrome
    assert "Home" not in text.split("\n")  # the navigation menu


def test_short_page_keeps_its_text_without_menu_or_script(page_document):
    assert page_document["notes.htm"].text == "Short note from Paris.\n"
    title, text = html_text(
        "<?xml version='1.0' encoding='utf-8'?><html><head><title>Brief</title><style>p {}</style></head>"
        "<body><nav>Home World</nav><p>Rain in\nBergen.</p><script>var hidden = 1;</script><p>Snow in Tromsø.</p>"
        "</body></html>"
    )
    assert title == "Brief"
    assert text == "Brief\n\nRain in Bergen.\nSnow in Tromsø.\n"


def test_fallback_body_when_the_extractor_finds_none():
    # trafilatura discards a block it takes for a comment section; with nothing else on the page,
    # the text of <body> (minus script, style and menus) is used rather than losing the file.
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='comments'><p>Ferry services from Oslo "
        "resumed on Monday.</p><script>var x = 'Hidden Script Text';</script></div></body></html>"
    )
    title, text = html_text(page)
    assert title == ""
    assert text == "Ferry services from Oslo resumed on Monday.\n"


def test_page_without_text_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><script>x = 1</script></head><body></body></html>")
    (item,) = read_documents([tmp_path])
    assert isinstance(item, Skipped) and "no text" in item.reason


def test_mentions_index_the_extracted_text(page_document, extractor):
    doc = page_document["page.html"]
    (result,) = extractor.pipe([doc])
    assert result.title == TITLE
    assert result.mentions
    for m in result.mentions:
        assert doc.text[m.start:m.end] == m.text
    texts = {m.text for m in result.mentions}
    assert "Ingrid Solberg" in texts or "Solberg" in texts
    assert not any("AdvertCorp" in t or "Nordic Widgets" in t for t in texts)
