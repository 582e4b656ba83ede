"""Naval and air-force news outside Japan with the real pipeline: hull prefixes of many navies, ship names with
particles ('Prince of Wales', 'Charles de Gaulle'), and the cases that must not change."""

from __future__ import annotations

from kg.resolve import resolve


def types_of(result) -> dict[str, str]:
    """Each mention's text → its type (the first mention of that text)."""
    found: dict[str, str] = {}
    for m in result.mentions:
        found.setdefault(m.text, m.type)
    return found


# 1. Hull prefixes and ship names with particles


def test_german_and_polish_hull_prefixes_mark_ships(extract_text):
    found = types_of(extract_text("Germany sent FGS Hessen to the drills, and Poland's ORP Slazak joined them."))
    assert found.get("FGS Hessen") == "SHIP" and found.get("ORP Slazak") == "SHIP", found


def test_ship_name_with_a_particle_is_one_ship(extract_text):
    for text, name in (("Jets flew from HMS Prince of Wales on Monday.", "HMS Prince of Wales"),
                       ("The carrier FS Charles de Gaulle left Toulon on Tuesday.", "FS Charles de Gaulle"),
                       ("The frigate BRP Gregorio del Pilar ran aground.", "BRP Gregorio del Pilar"),
                       ("Canada's HMCS Ville de Québec joined the task group.", "HMCS Ville de Québec")):
        found = types_of(extract_text(text))
        assert found.get(name) == "SHIP", (text, found)


def test_balinese_honorific_and_regnal_number_stay_in_the_ship_name(extract_text):
    found = types_of(extract_text("The frigate KRI I Gusti Ngurah Rai sailed with HMS Queen Elizabeth II."))
    assert found.get("KRI I Gusti Ngurah Rai") == "SHIP" and found.get("HMS Queen Elizabeth II") == "SHIP", found
    assert "Gusti Ngurah Rai" not in found, found


def test_of_followed_by_a_lower_case_word_is_no_part_of_the_ship(extract_text):
    found = types_of(extract_text("USS Carl Vinson of the Pacific Fleet sailed from San Diego on Monday."))
    assert found.get("USS Carl Vinson") == "SHIP" and "USS Carl Vinson of the Pacific Fleet" not in found, found


def entities(result) -> dict[str, tuple[str, set[str]]]:
    """Node label → (type, aliases) of a one-document resolution."""
    return {e.label: (e.type, set(e.aliases)) for e in resolve([result]).entities}


def test_bare_name_of_a_prefixed_ship_joins_it(extract_text):
    text = ("Germany sent the frigate FGS Sachsen to the Baltic. Sachsen can see further than any other ship, "
            "the admiral said. British jets flew from HMS Prince of Wales. Prince of Wales sailed on to Darwin.")
    nodes = entities(extract_text(text))
    assert nodes["Sachsen"][0] == "SHIP" and "FGS Sachsen" in nodes["Sachsen"][1], nodes
    assert nodes["Prince of Wales"][0] == "SHIP" and "HMS Prince of Wales" in nodes["Prince of Wales"][1], nodes
