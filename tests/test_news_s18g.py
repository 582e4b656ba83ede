"""Session 18 (helper g): errors found on new wire stories about Yemen, the Afghan border and a Senate hearing."""

from kg.clean import is_chrome


def test_byline_with_lowercase_particle_surname_is_chrome() -> None:
    """'al-Batati' opens with a lowercase particle, yet the line is a byline: writers are no actors of the story."""
    assert is_chrome("By Miriam Kessler and Saleh al-Batati")
    assert is_chrome("By Ahmed el-Sherif, Reuters")
    assert is_chrome("By Anna d'Ancona")


def test_body_line_opening_with_by_stays_body() -> None:
    """A sentence starting with 'By' and a particle name is prose, not a byline."""
    assert not is_chrome("By al-Qaeda's account, the attack by Saleh al-Batati's men failed on Monday.")
    assert not is_chrome("By al-Batati's count the raid killed four people and wounded dozens more in the port area.")


def _types(extract_text, text: str) -> dict[str, str]:
    """Mention name -> type for one text."""
    return {m.name: m.type for m in extract_text(text).mentions}


def test_named_amendment_typed_org_is_a_law(extract_text) -> None:
    """'<Name> Amendment' the model typed ORG is a law, like '<Name> Directive'."""
    types = _types(extract_text, "U.S. law, including the Byrnes-Tollefson Amendment, restricts foreign construction.")
    assert types["Byrnes-Tollefson Amendment"] == "LAW"
    types = _types(extract_text, "The Jackson-Vanik Amendment restricted trade with the Soviet Union.")
    assert types["Jackson-Vanik Amendment"] == "LAW"


def test_body_named_after_an_amendment_stays_org(extract_text) -> None:
    """A name going on after 'Amendment' is a body ('Second Amendment Foundation'), no law."""
    types = _types(extract_text, "The Second Amendment Foundation sued the city on Monday.")
    assert types["Second Amendment Foundation"] == "ORG"


def test_route_from_to_ends_are_places(extract_text) -> None:
    """'the road from X to Y': both ends of a route noun are places, whatever the model read ('Jalalabad' PERSON)."""
    text = "The main crossings at Torkham, on the road from Peshawar to Jalalabad, and at Chaman, were closed."
    assert _types(extract_text, text)["Jalalabad"] == "GPE"
    types = _types(extract_text, "A bus from Quetta to Chaman crashed on Monday.")
    assert types["Quetta"] == "GPE" and types["Chaman"] == "GPE"


def test_from_to_without_route_noun_or_with_a_person_unchanged(extract_text) -> None:
    """No route noun, one end only, or a person of the document: nothing is retyped."""
    assert _types(extract_text, "The road to Jalalabad was closed on Monday.")["Jalalabad"] == "PERSON"
    text = "Emmanuel Macron spoke. A flight from Paris to Macron's home town was cancelled."
    assert _types(extract_text, text)["Emmanuel Macron"] == "PERSON"
    assert all(m.type == "PERSON" for m in extract_text(text).mentions if "Macron" in m.name)


def test_name_before_power_plant_is_a_facility(extract_text) -> None:
    """'the Ras Kanatib power plant': a name the model read as a person before a modifier and 'plant' or 'station'
    is the site."""
    text = "Israeli jets have since hit the port and the Ras Kanatib power plant several times."
    assert _types(extract_text, text)["Ras Kanatib"] == "FACILITY"


def test_plant_or_station_without_modifier_unchanged(extract_text) -> None:
    """'station' or 'plant' alone is too common to make a site; a person stays a person."""
    assert _types(extract_text, "He met John Smith at the station on Monday.")["John Smith"] == "PERSON"
    types = _types(extract_text, "Ford's chief Jim Farley toured the Louisville plant with Andy Beshear.")
    assert types["Andy Beshear"] == "PERSON"
