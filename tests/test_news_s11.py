"""Rules found on unseen news in session 11: a bare title's guessed country must have that office, and a person
whose country is written once keeps it (tests on sentences written for each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import relation_texts

# ---------------------------------------------------------------- the guessed country must have the office


def test_a_bare_president_is_not_a_monarchys(extract_text):
    text = ("TOKYO (Reuters) - Japan's prime minister said on Monday that talks with Russia had stalled. "
            "President Vladimir Putin said last week that Moscow would not return the islands.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if s == "Vladimir Putin" and r == "president"}


def test_a_bare_prime_minister_is_not_a_presidential_republics(extract_text):
    text = ("WASHINGTON (Reuters) - The United States and Britain signed a deal on Monday. Prime Minister Keir "
            "Starmer said the deal would create jobs.")
    assert not {t for s, r, t in relation_texts(extract_text, text) if s == "Keir Starmer"}


def test_bare_titles_the_country_has_keep_their_guess(extract_text):
    cases = [("LONDON (Reuters) - Britain said on Monday it would expand its navy. Prime Minister Keir Starmer said "
              "the plan would cost billions.", ("Keir Starmer", "prime_minister", "Britain")),
             ("WASHINGTON (Reuters) - The United States said on Monday it would expand its navy. President Donald "
              "Trump said the plan would cost billions.", ("Donald Trump", "president", "The United States")),
             ("LONDON (Reuters) - Britain's government said on Monday that a French minister would visit. King "
              "Charles will host him.", ("Charles", "king", "Britain")),
             ("PARIS (Reuters) - France said on Monday that a history of its monarchy would be published. King "
              "Louis XIV built Versailles.", ("Louis XIV", "king", "France")),
             ("BERLIN (Reuters) - Germany said on Monday it would buy more tanks. President Frank-Walter Steinmeier "
              "signed the law.", ("Frank-Walter Steinmeier", "president", "Germany"))]
    for text, expected in cases:
        assert expected in relation_texts(extract_text, text), text


# ---------------------------------------------------------------- a person whose country is written keeps it


def test_a_bare_title_on_a_second_mention_keeps_the_written_country(extract_text):
    text = ("TOKYO (Reuters) - Japan's prime minister met Chinese Foreign Minister Wang Yi on Monday. Foreign "
            "Minister Wang said the talks were frank.")
    found = relation_texts(extract_text, text)
    assert ("Wang Yi", "foreign_minister", "Chinese") in found
    assert not {t for s, r, t in found if s.startswith("Wang") and t == "Japan"}


def test_another_holder_of_the_same_title_still_gets_the_guess(extract_text):
    text = ("TOKYO (Reuters) - Japan hosted talks on Monday with Chinese Foreign Minister Wang Yi. Foreign "
            "Minister Takeshi Iwaya said the talks were frank.")
    found = relation_texts(extract_text, text)
    assert ("Takeshi Iwaya", "foreign_minister", "Japan") in found
