"""The page-chrome stripper (kg.clean) on synthetic pages, and on the sample articles end to end."""

from __future__ import annotations

import json
import unicodedata

import pytest

from kg import clean
from kg.schema import Document

from .conftest import RAW, SHARED

GOLD = SHARED / "bench" / "gold" / "seeds"

BODY = (
    "WELLINGTON -- New Zealand's central bank raised its official cash rate on Wednesday, the third increase "
    "this year, as Governor Adrian Orr warned that inflation would stay high into next year.\n"
    "\n"
    "The Reserve Bank of New Zealand said the rise to 5.5% was needed because prices were climbing faster "
    "than wages, and it signalled that further moves would depend on the housing market in Auckland.\n"
    "\n"
    "Finance Minister Nicola Willis said the government would publish its own forecasts in May, after "
    "talks with the Treasury and with economists at the International Monetary Fund in Washington.\n"
)
HEADLINE = "Central bank lifts rates again as inflation bites\n"


def kept(text: str, repeats: frozenset[bytes] = frozenset()) -> str:
    """The text spaCy would see: chrome blanked."""
    return clean.mask(text, clean.body_spans(text, repeats))


def assert_masked_well(text: str, masked: str) -> None:
    """Same length; every character is either kept as is or blanked (newlines always kept)."""
    assert len(masked) == len(text)
    for original, seen in zip(text, masked, strict=True):
        assert seen == original or (seen == " " and original not in "\n\r")


def test_share_bar_and_icon_lines_are_masked_headline_and_dateline_stay():
    page = (
        "ArrowIcon ChevronLeft FacebookIcon TwitterIcon MailIcon PrintIcon\n\n"
        + HEADLINE
        + "\nShare on Facebook\nTwitter LinkedIn WhatsApp Email Print\n\n"
        + BODY
    )
    masked = kept(page)
    assert_masked_well(page, masked)
    assert "FacebookIcon" not in masked and "LinkedIn" not in masked and "Share on" not in masked
    assert HEADLINE in masked
    assert BODY in masked
    assert "WELLINGTON --" in masked


def test_paywall_block_is_masked():
    page = HEADLINE + "\n" + BODY + (
        "\nYou have {{articlesRemaining}} free articles left this month\n"
        "Subscribe now for unlimited access to award-winning journalism\n"
        "  • Read every story on any device\n"
        "  • Download our app for offline reading\n"
        "Already a subscriber? Sign in\n"
        "Try 1 month for $1\n"
    )
    masked = kept(page)
    assert_masked_well(page, masked)
    assert BODY in masked
    for chrome in ("articlesRemaining", "unlimited access", "every story", "offline reading", "Already", "$1"):
        assert chrome not in masked


def test_check_also_teasers_comment_form_and_credit_line():
    page = HEADLINE + "\n" + BODY + (
        "Source: Reuters\n"
        "\n"
        "About Harbour Times Author\n"
        "Check Also\n"
        "Fishermen in Dunedin rescue stranded orca after six-hour effort\n"
        "Police in Christchurch ask drivers to avoid the city centre on Saturday …\n"
        "Leave a Reply\n"
        "Your email address will not be published. Required fields are marked *\n"
        "Name *\n"
        "Email *\n"
        "Website\n"
        "Post Comment\n"
    )
    masked = kept(page)
    assert_masked_well(page, masked)
    assert BODY in masked
    assert "Source: Reuters" in masked  # the credit names the article's source: it is body
    for chrome in ("Harbour Times", "Check Also", "Dunedin", "Christchurch", "Leave a Reply", "Name *", "Website"):
        assert chrome not in masked


def test_related_teasers_and_sponsored_block_after_the_article():
    page = HEADLINE + "\n" + BODY + (
        "\nRelated Articles\n"
        "Australia's jobless rate falls to a 48-year low\n"
        "Japan's yen slides after Bank of Japan holds policy\n"
        "\nSponsored Content\n"
        "Discover the beaches of Fiji with Pacific Dream Holidays\n"
    )
    masked = kept(page)
    assert BODY in masked
    for chrome in ("Related", "Australia", "Bank of Japan", "Sponsored", "Fiji"):
        assert chrome not in masked


def test_related_menu_before_a_long_article_does_not_mask_the_article():
    page = "Related\n" + HEADLINE + "\n" + BODY + "\n" + BODY
    masked = kept(page)
    assert HEADLINE in masked and masked.count(BODY) == 2


def test_short_paragraph_between_advertisement_lines_stays():
    short = "Mr Orr declined to comment on the exchange rate.\n"
    page = BODY + "\nAdvertisement\n\n" + short + "\nADVERTISEMENT\n\n" + BODY
    masked = kept(page)
    assert short in masked
    assert "Advertisement" not in masked and "ADVERTISEMENT" not in masked


def test_menu_and_link_lines_are_masked():
    page = "Home | World | Business | Sport | Weather\n" + HEADLINE + BODY + "Follow us at www.example-news.com\n"
    masked = kept(page)
    assert "Weather" not in masked and "example-news" not in masked
    assert HEADLINE in masked and BODY in masked


def test_account_links_section_label_and_listen_bar_are_masked():
    page = ("Log in | Register\nPolitics\n\n" + HEADLINE + "Updated 3 hours ago\nListen to this article 4 min\n\n"
            + BODY)
    masked = kept(page)
    for chrome in ("Log in", "Register", "Politics", "Listen to this article", "Updated 3 hours"):
        assert chrome not in masked
    assert HEADLINE in masked and BODY in masked
    assert_masked_well(page, masked)


@pytest.mark.parametrize("word", ["subscribe", "cookie", "newsletter", "sign up for", "read more"])
def test_long_prose_line_with_a_boilerplate_word_is_never_masked(word):
    line = (
        f"The Royal Society, which asked its members to {word} to a declaration on open data in 1995, later "
        "became one of the first learned societies to publish its journals online, a move that its president "
        "at the time, Sir Aaron Klug, described as overdue."
    )
    assert kept(line) == line
    assert kept(line + "\n") == line + "\n"


def test_lines_repeated_across_a_corpus_are_masked():
    footer = "Harbour Times is an independent newspaper founded in 1921 by the Wharf Workers Union.\n"
    banner = "Celebrate our next chapter\n"
    bodies = [
        BODY,
        "MANILA -- Typhoon Koinu crossed the northern Philippines on Thursday, forcing the evacuation of "
        "thousands of residents in Cagayan province, officials said.\n",
        "LIMA -- Peru's Congress voted on Friday to censure Interior Minister Vicente Romero over a rise in "
        "violent crime in the capital, the second such vote this year.\n",
    ]
    headlines = [HEADLINE, "Typhoon forces thousands from their homes\n", "Congress censures interior minister\n"]
    docs = [head + "\n" + body + "\n" + footer + banner for head, body in zip(headlines, bodies, strict=True)]
    repeats = clean.corpus_repeats(docs)
    assert clean.line_key(footer) in repeats and clean.line_key(banner) in repeats
    assert clean.line_key(bodies[1]) not in repeats
    for doc, body in zip(docs, bodies, strict=True):
        masked = kept(doc, repeats)
        assert_masked_well(doc, masked)
        assert body in masked
        assert "Wharf Workers" not in masked and "Celebrate" not in masked
    # Without the corpus pass the footer sentence is ordinary prose and stays.
    assert "Wharf Workers" in kept(docs[0])


def test_a_repeated_dateline_line_stays():
    other = "Lawmakers in Congress on Monday passed a bill to fund the government until March, averting a shutdown.\n"
    docs = [f"WASHINGTON --\n{body}\nCelebrate our next chapter\n" for body in (BODY, other)]
    repeats = clean.corpus_repeats(docs)
    masked = kept(docs[0], repeats)
    assert masked.startswith("WASHINGTON --\n") and "Celebrate" not in masked


def test_a_copy_of_another_document_keeps_its_body():
    copies = [HEADLINE + BODY, HEADLINE + BODY, "Something else entirely about the weather in Oslo today.\n"]
    repeats = clean.corpus_repeats(copies)
    assert kept(copies[0], repeats) == copies[0]


def test_with_corpus_body_sets_spans_only_for_documents_with_repeated_lines():
    footer = "Celebrate our next chapter\n"
    texts = [BODY + footer, "MANILA -- A typhoon crossed the Philippines.\n" + footer, "Nothing in common.\n"]
    repeats = clean.corpus_repeats(texts)
    first = clean.with_corpus_body(Document(name="a.txt", text=texts[0]), repeats)
    assert first.body == [(0, len(BODY))]
    third = clean.with_corpus_body(Document(name="c.txt", text=texts[2]), repeats)
    assert third.body == []
    chrome_only = "Share on Facebook\nTwitter LinkedIn Email\n" + footer
    all_chrome = clean.with_corpus_body(Document(name="d.txt", text=chrome_only), repeats)
    assert all_chrome.body == [(0, 0)] and not clean.mask(chrome_only, all_chrome.body).strip()


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace(".", "")
    return " ".join(text.removeprefix("the ").split())


def _gold() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLD.glob("*.json"))]


def test_sample_articles_cleaning_keeps_every_gold_entity():
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))}
    repeats = clean.corpus_repeats(texts.values())
    for gold in _gold():
        text = texts[gold["doc"]]
        masked = kept(text, repeats)
        assert_masked_well(text, masked)
        for entity in gold["entities"]:
            present = [a for a in entity["aliases"] if a in text]
            assert not present or any(a in masked for a in present), entity["name"]
        for chrome in gold["forbidden"]:
            assert chrome not in masked, chrome


def test_sample_build_has_no_forbidden_mention_or_node(sample_built):
    forbidden = {_norm(s) for gold in _gold() for s in gold["forbidden"]}
    mentions = {_norm(m.text) for result in sample_built.results for m in result.mentions}
    assert not forbidden & mentions
    names = set()
    for _, data in sample_built.graph.nodes(data=True):
        names.add(_norm(str(data.get("label", ""))))
        aliases = data.get("aliases", [])
        names.update(_norm(a) for a in (aliases.split("|") if isinstance(aliases, str) else aliases))
    assert not forbidden & names
