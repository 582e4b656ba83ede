"""Resolution rules on real sentences run through the real pipeline: what must merge, and what must stay apart."""

from __future__ import annotations

import pytest

from kg.resolve import resolve


@pytest.fixture(scope="module")
def nodes(extract_text):
    """text → {mention text: entity id} of that text resolved alone (the last mention of a text wins)."""

    def run(text: str) -> dict[str, str]:
        result = extract_text(text)
        ids = resolve([result]).mention_entity[result.doc]
        return {m.text: i for m, i in zip(result.mentions, ids, strict=True) if i is not None}

    return run


def test_town_is_not_the_county_named_after_it(nodes):
    got = nodes("Westmere is a hamlet in Albany County, New York. It lies west of Albany, the state capital.")
    assert got["Albany"] != got["Albany County"]


def test_prefecture_and_ocean_short_forms_still_join(nodes):
    got = nodes("Officials in Chiba Prefecture said the storm hit Chiba hard. Ships crossed the Pacific Ocean and the "
                "Pacific.")
    assert got["Chiba"] == got["Chiba Prefecture"]
    assert got["Pacific"] == got["the Pacific Ocean"]


def test_surname_of_several_people_goes_to_the_one_named_first(nodes):
    got = nodes("WASHINGTON - President Donald Trump arrived in Florida on Friday with his wife Melania Trump. Trump "
                "told reporters the trip was a success.")
    assert got["Trump"] == got["Donald Trump"] != got["Melania Trump"]


def test_surname_of_several_people_stays_apart_when_another_is_named_more_often(nodes):
    got = nodes("Police said Mark Kelly was arrested on Tuesday. His brother Scott Kelly denied the charges. "
                "Scott Kelly told reporters he would appeal. Kelly declined to comment.")
    assert got["Kelly"] not in {got["Mark Kelly"], got["Scott Kelly"]}


def test_surname_used_before_any_full_name_stays_apart(nodes):
    got = nodes("Trump arrived in Florida on Friday. President Donald Trump and his wife Melania Trump waved.")
    assert got["Trump"] not in {got["Donald Trump"], got["Melania Trump"]}


def test_surname_stays_apart_when_the_first_named_is_called_by_first_name(nodes):
    got = nodes("Jane Smith, the chief executive, resigned. John Smith, her deputy, will take over. Jane said the "
                "decision was hers. Smith thanked the staff.")
    assert got["Smith"] not in {got["Jane Smith"], got["John Smith"]}


def test_the_games_join_the_only_games_of_the_document_as_an_event(nodes, extract_text):
    text = "The Asian Games opened in Jakarta on Saturday. Officials said the Games would cost $3 billion."
    got = nodes(text)
    assert got["Games"] == got["The Asian Games"]
    result = extract_text(text)
    games = [e for e in resolve([result]).entities if e.id == got["Games"]]
    assert games[0].type == "EVENT"


def test_the_games_join_the_games_the_document_is_about(nodes):
    got = nodes("The Asian Games opened in Jakarta on Saturday. The Asian Games are held every four years, and the "
                "1951 Asian Games took place in New Delhi. Officials said the Games would cost $3 billion.")
    assert got["Games"] == got["The Asian Games"] != got["1951 Asian Games"]


def test_the_games_stay_apart_when_no_games_is_clearly_the_subject(nodes):
    got = nodes("The Tokyo Olympic Games were held in 2021. The Paris Olympic Games opened in 2024, and the Paris "
                "Olympic Games drew record crowds. Officials said the Games were a success.")
    assert got["Games"] not in {got["The Tokyo Olympic Games"], got["The Paris Olympic Games"]}


def test_formal_name_of_a_country_is_the_country(nodes):
    got = nodes("The Kingdom of Thailand signed the deal on Monday. Thailand will buy ten ships.")
    assert got["The Kingdom of Thailand"] == got["Thailand"] == "thailand"


def test_formal_names_claimed_by_another_row_or_of_a_state_stay_apart(nodes):
    got = nodes("The Republic of China and the People's Republic of China both claim the island.")
    assert got["The Republic of China"] == "taiwan" and got["the People's Republic of China"] == "china"
    got = nodes("The State of Georgia sued the company in Atlanta. Georgia, the country, was not involved.")
    assert got["The State of Georgia"] != got["Georgia"]


def test_organisation_of_a_country_is_the_country_qualified_organisation(nodes):
    got = nodes("The Supreme Court of Pakistan heard the case on Monday. Lawyers said the Supreme Court would rule "
                "soon. A Pakistani Supreme Court judge declined to comment.")
    assert got["The Supreme Court of Pakistan"] == got["the Supreme Court"] == got["Pakistani Supreme Court"]
    got = nodes("The Communist Party of China met in Beijing. The Chinese Communist Party named new leaders.")
    assert got["The Communist Party of China"] == got["The Chinese Communist Party"]


def test_one_word_head_before_of_a_country_keeps_its_name(nodes):
    got = nodes("Bank of America and U.S. Bank both raised rates. Bank of America said demand was strong.")
    assert got["Bank of America"] != got["U.S. Bank"]


def test_longer_name_first_written_in_a_later_sentence_is_another_person(nodes):
    got = nodes("Luis Roche was a Venezuelan urbanist. He had four children, among them Luis Armando Roche.")
    assert got["Luis Roche"] != got["Luis Armando Roche"]
    got = nodes("Christine Harijaona Razanamahasoa is a Malagasy politician. Christine Razanamahasoa was elected in "
                "2018.")
    assert got["Christine Razanamahasoa"] == got["Christine Harijaona Razanamahasoa"]
