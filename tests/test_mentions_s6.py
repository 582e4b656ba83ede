"""Mentions of session 6 with the real pipeline: people named like a law ('Jude Law'), football clubs typed as
places, an owner's possessive inside an organisation's name ("Alphabet's Google"), unlabelled dateline places."""

from __future__ import annotations


def types_of(result) -> dict[str, str]:
    """Each mention's text → its type (the first mention of that text)."""
    found: dict[str, str] = {}
    for m in result.mentions:
        found.setdefault(m.text, m.type)
    return found


# 1. A person named like a law


def test_given_name_and_law_word_is_a_person(extract_text):
    for text, name in (("Jude Law stars in the new film, the studio said on Monday.", "Jude Law"),
                       ("The novelist Vera Law said the book took ten years to write.", "Vera Law"),
                       ("John Act, a local farmer, said the storm destroyed his barn.", "John Act"),
                       ("Kevin Law told reporters the deal was done.", "Kevin Law")):
        found = types_of(extract_text(text))
        assert found.get(name) == "PERSON", (text, found)


def test_title_before_a_given_name_and_law_word_stays_outside_the_person(extract_text):
    found = types_of(extract_text("Actor Jude Law said he was delighted with the role."))
    assert found.get("Jude Law") == "PERSON" and "Actor Jude Law" not in found, found


def test_names_and_law_word_with_a_saying_verb_are_a_person_when_ner_says_so(extract_text):
    found = types_of(extract_text("The novelist Ann Marie Law said the book took ten years to write."))
    assert found.get("Ann Marie Law") == "PERSON", found


def test_person_cue_without_a_person_reading_keeps_the_law(extract_text):
    found = types_of(extract_text("Officials declared Martial Law, the ministry said."))
    assert found.get("Martial Law") == "LAW", found


def test_laws_stay_laws(extract_text):
    cases = (("Congress passed the Clean Air Act in 1970.", "Clean Air Act", "LAW"),
             ("The Patriot Act was renewed by the Senate.", "Patriot Act", "LAW"),
             ("The army declared Martial Law across the province.", "Martial Law", "LAW"),
             ("He was charged under the Logan Act last year.", "Logan Act", "LAW"),
             ("Critics said the Sherman Act was too weak.", "Sherman Act", "LAW"),
             ("Lawmakers debated the Online Safety Bill on Tuesday.", "Online Safety Bill", "LAW"),
             ("Harvard Law School admitted more students this year.", "Harvard Law School", "ORG"))
    for text, name, kind in cases:
        found = types_of(extract_text(text))
        assert found.get(name) == kind, (text, found)


def test_a_given_name_inside_a_longer_law_name_is_no_person(extract_text):
    found = types_of(extract_text("Regulators eased the Dodd-Frank Act rules on Friday."))
    assert found.get("Frank Act") != "PERSON" and "PERSON" not in found.values(), found
    found = types_of(extract_text("Megan's Law requires the registration of offenders."))
    assert "Megan's Law" not in found and found.get("Megan") == "PERSON", found
