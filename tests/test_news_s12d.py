"""Rules found on unseen news in session 12 (d): an acronym defined in capitals stays a name though a sentence-case
headline spells it in lower case, an organisation cut before a capitalised word runs on to the acronym in brackets
that spells the whole (tests on sentences written for each rule, with cases that must not change)."""

from __future__ import annotations

from tests.news_helpers import resolved as entities
from tests.news_helpers import text_types as mentions

# ---------------------------------------------------------------- acronyms defined in capitals


def test_an_acronym_defined_in_capitals_stays_a_name_beside_a_lower_case_headline(extract_text):
    text = ("Brazil sets up maritime rescue agency after floods\n\n"
            "BRASILIA (Reuters) - Brazil on Friday created a Maritime Rescue Agency (MRA) to coordinate searches at "
            "sea. The MRA will report to the navy, officials said.")
    found = mentions(extract_text, text)
    assert found.get("MRA") == "ORG"
    assert "MRA" in entities(extract_text, text)["Maritime Rescue Agency"][1]


def test_an_acronym_spelt_only_in_lower_case_is_still_a_common_noun(extract_text):
    text = ("Sales of liquefied natural gas rose in March. Exporters said LNG demand from Asia was strong, and "
            "LNG prices were stable.")
    assert "LNG" not in mentions(extract_text, text)


# ---------------------------------------------------------------- an organisation runs on to its acronym


def test_an_organisation_cut_before_a_place_runs_on_to_its_acronym(extract_text):
    text = ("The United States will turn U.S. Forces Japan (USFJ) into a joint headquarters. USFJ now reports to "
            "a command in Hawaii.")
    found = mentions(extract_text, text)
    assert found.get("U.S. Forces Japan") == "ORG" and found.get("USFJ") == "ORG"
    assert "Japan" not in found


def test_an_acronym_that_does_not_spell_both_names_leaves_them_apart(extract_text):
    text = "Officials from NATO Allied Command Transformation (ACT) met in Norfolk on Monday."
    found = mentions(extract_text, text)
    assert "NATO Allied Command Transformation" not in found and found.get("NATO") == "ORG"


def test_a_law_after_an_organisation_keeps_its_own_acronym(extract_text):
    text = "Manila cited the United Nations Convention on the Law of the Sea (UNCLOS) on Monday."
    found = mentions(extract_text, text)
    assert found.get("UNCLOS") == "LAW" and found.get("Convention on the Law of the Sea") == "LAW"
