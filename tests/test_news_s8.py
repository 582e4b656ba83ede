"""Unseen-news fixes of session 8: relation rules see kg's mention types, lawyers and multi-word military ranks
are titles. Real spaCy model on sentences written for these tests; each rule has a case that must not change."""

from __future__ import annotations

from tests.news_helpers import relation_texts, resolved, text_types

# ---------------------------------------------------------------- rules test kg's types, not the model's


def test_a_person_the_model_read_as_an_organisation_still_holds_the_role(extract_text):
    # The model labels 'Paul Girard' ORG here; kg retypes it PERSON, and the role rule asks for a PERSON.
    text = "Batiroc's chief executive, Paul Girard, said the strike would end."
    assert text_types(extract_text, text)["Paul Girard"] == "PERSON"
    assert ("Paul Girard", "chief_executive_of", "Batiroc") in relation_texts(extract_text, text)


def test_roles_the_model_typed_rightly_are_unchanged(extract_text):
    found = relation_texts(extract_text, "Helga Brandt of Kestrel Analytics said the deal was off. Sarkis Adamyan, the "
                                         "spokesman for Orvanta Mining, declined to comment.")
    assert ("Helga Brandt", "of", "Kestrel Analytics") in found
    assert ("Sarkis Adamyan", "spokesman_for", "Orvanta Mining") in found


def test_a_demonym_still_gives_the_nationality(extract_text):
    found = relation_texts(extract_text, "Lena Marsh, an American actress, arrived in Rome.")
    assert ("Lena Marsh", "actress", "American") in found


# ---------------------------------------------------------------- a lawyer is a title


def test_a_lawyer_before_a_name_is_a_title(extract_text):
    r = extract_text("Lawyer Jane Roe filed the appeal on Monday. Barrister Ruth Okoye said the court erred.")
    found = {m.text: (m.name, m.title, m.type) for m in r.mentions}
    assert found["Jane Roe"] == ("Jane Roe", "Lawyer", "PERSON")
    assert found["Ruth Okoye"] == ("Ruth Okoye", "Barrister", "PERSON")


def test_a_lawyer_for_an_organisation_holds_a_role(extract_text):
    found = relation_texts(extract_text, "Jane Roe, a lawyer for Greenpeace, said the ruling was unfair. Orvanta's "
                                         "lawyer, Dmitri Volkov, appealed.")
    assert ("Jane Roe", "lawyer_for", "Greenpeace") in found
    assert ("Dmitri Volkov", "lawyer_of", "Orvanta") in found


def test_the_attorney_general_keeps_the_longer_title(extract_text):
    r = extract_text("Attorney General Pam Bondi said the department would appeal.")
    assert [(m.name, m.title) for m in r.mentions] == [("Pam Bondi", "Attorney General")]


# ---------------------------------------------------------------- a military rank of two words opens a person


def test_a_rank_the_model_took_into_an_organisation_is_a_persons_title(extract_text):
    r = extract_text("Pakistan's army chief, Field Marshal Asim Munir, visited troops in Peshawar on Saturday. "
                     "Rear Admiral Tomas Keller of the Baltic fleet spoke.")
    found = {m.name: (m.title, m.type) for m in r.mentions}
    assert found["Asim Munir"] == ("Field Marshal", "PERSON")
    assert found["Tomas Keller"] == ("Rear Admiral", "PERSON")


def test_an_organisation_opening_with_a_one_word_rank_is_unchanged(extract_text):
    types = text_types(extract_text, "General Dynamics won the contract. General Motors cut jobs.")
    assert types["General Dynamics"] == "ORG" and types["General Motors"] == "ORG"


# ---------------------------------------------------------------- a national chapter is one organisation


def test_an_organisations_national_chapter_is_one_name(extract_text):
    r = extract_text("The court fined the mayor.\n\nTransparency International France welcomed the verdict. "
                     "Amnesty International Germany criticised the law.")
    types = {m.text: m.type for m in r.mentions}
    assert types.get("Transparency International France") == "ORG"
    assert types.get("Amnesty International Germany") == "ORG"
    assert "France" not in types and "International France" not in types


def test_an_international_firm_in_a_country_stays_apart(extract_text):
    types = text_types(extract_text, "The firm hired Ernst International in France.")
    assert types.get("France") == "GPE" and "Ernst International in France" not in types


# ---------------------------------------------------------------- a law school is no law


def test_a_law_school_before_a_graduate_or_professor_is_an_organisation(extract_text):
    types = text_types(extract_text, "She is a Harvard Law graduate who clerked for the court. Stanford Law "
                                     "professor Mark Lemley said the ruling was narrow.")
    assert types["Harvard Law"] == "ORG" and types["Stanford Law"] == "ORG"


def test_a_law_opened_by_the_stays_a_law(extract_text):
    types = text_types(extract_text, "Under the Labour Law students may strike. The Online Safety Law school "
                                     "guidance was issued.")
    assert types["Labour Law"] == "LAW" and types["Online Safety Law"] == "LAW"


# ---------------------------------------------------------------- a company's web name


def test_a_company_joins_its_web_name_with_a_legal_form(extract_text):
    found = resolved(extract_text, "Regulators said Amazon held market power. They recommended that Microsoft and "
                                   "Amazon.com Inc. be investigated, as Amazon Web Services and Google struggle.")
    assert found["Amazon.com Inc."][1] == {"Amazon", "Amazon.com Inc."}
    assert found["Amazon Web Services"][1] == {"Amazon Web Services"}
