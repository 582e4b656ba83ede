"""Rules found on unseen news in session 14 (helper g): a ship named for a place is a node of its own, a name the
model read as a people at one end of a route from one place to another is a place (tests on sentences written for
each rule, with cases that must not change); a given name spelt like a preposition opens the name; a bare
body under a dateline is no other country's; a name read as a place between a possessive pronoun and drones
names them."""

from __future__ import annotations

from kg.resolve import resolve
from tests.news_helpers import text_types as mentions


def kinds_of(extract_text, name: str, *texts: str) -> list[str]:
    """The types of the nodes that have this alias, sorted, for small texts resolved as one corpus."""
    results = [extract_text(t, name=f"d{i}.txt") for i, t in enumerate(texts)]
    return sorted(e.type for e in resolve(results).entities if name in e.aliases)

# ---------------------------------------------------------------- ships named for places


def test_a_ship_named_for_a_city_is_no_mention_of_the_city(extract_text):
    text = ("The frigates will be built at the yards in Glasgow. The first of class, HMS Glasgow, is due to enter "
            "service later this decade.")
    assert kinds_of(extract_text, "Glasgow", text) == ["GPE", "SHIP"]
    assert kinds_of(extract_text, "HMS Glasgow", text) == ["SHIP"]


def test_a_ship_named_for_a_capital_in_another_document_stays_apart(extract_text):
    assert kinds_of(extract_text, "Ottawa", "The frigate HMCS Ottawa sailed through the strait on Sunday.",
                    "Heavy snow closed schools across Ottawa on Monday.") == ["GPE", "SHIP"]


def test_a_ship_no_table_knows_as_a_place_keeps_its_mistyped_mentions(extract_text):
    text = ("The tanker was hit by the container ship Solong, owned by a German company. One member of the Solong's "
            "crew was missing.")  # the model reads "the Solong's" as a GPE: it is the ship
    assert kinds_of(extract_text, "Solong", text) == ["SHIP"]


def test_a_ship_named_once_keeps_its_one_node(extract_text):
    text = "The destroyer HMS Dauntless sailed from Portsmouth. HMS Dauntless returned on Friday."
    assert kinds_of(extract_text, "HMS Dauntless", text) == ["SHIP"]
    assert kinds_of(extract_text, "Portsmouth", text) == ["GPE"]


def test_a_place_name_after_the_goes_with_the_ship_of_that_name(extract_text):
    text = ("The submarine USS Minnesota arrived in Perth on Monday. A commander said the Minnesota's visit showed "
            "the alliance's reach. Farmers in Minnesota are worried about tariffs.")
    result = extract_text(text, name="d0.txt")
    ids = resolve([result]).mention_entity["d0.txt"]
    named = [(m.text, m.type, ids[i]) for i, m in enumerate(result.mentions) if "Minnesota" in m.text]
    assert [t for _, t, _ in named] == ["SHIP", "GPE", "GPE"]  # the model reads "the Minnesota's" as the state
    assert named[0][2] == named[1][2] != named[2][2]


# ---------------------------------------------------------------- places at the ends of a route


def test_a_name_read_as_a_people_at_one_end_of_a_route_is_a_place(extract_text):
    found = mentions(extract_text, "The Black Sea Fleet moved most of its warships from Sevastopol to Novorossiysk "
                                   "after Ukrainian missiles sank several vessels.")  # the model: 'Sevastopol' NORP
    assert found.get("Sevastopol") == "GPE" and found.get("Novorossiysk") == "GPE"


def test_the_other_end_of_a_route_may_be_a_capital_the_model_left_unlabelled(extract_text):
    assert mentions(extract_text, "Flights from Kyiv to Sevastopol were halted.").get("Sevastopol") == "GPE"


def test_groups_of_people_between_from_and_to_stay_groups(extract_text):
    found = mentions(extract_text, "Support from Kurds to Iraqis grew over the year.")
    assert found.get("Kurds") == "ORG"


# ---------------------------------------------------------------- given names spelt like a function word


def test_a_given_name_spelt_like_a_preposition_opens_the_persons_name(extract_text):
    found = mentions(extract_text, "Opposition lawmakers questioned the cost. Per Olaf Lundteigen, a member of the "
                                   "defence committee, said parliament must be told.")
    assert found.get("Per Olaf Lundteigen") == "PERSON" and "Olaf Lundteigen" not in found


def test_the_preposition_per_before_a_possessive_name_stays_outside(extract_text):
    found = mentions(extract_text, "Per Joe Biden's order, the agency halted the program.")
    assert not any(text.startswith("Per ") for text in found)


def test_per_in_a_title_case_headline_stays_outside(extract_text):
    found = mentions(extract_text, "Deal Reached Per Michael Smith Plan\n\nThe deal was signed on Monday.")
    assert not any(text.startswith("Per ") for text in found)


# ---------------------------------------------------------------- bare bodies of a dateline's country


def test_a_bare_ministry_under_a_dateline_is_no_qualified_ministry_of_another_text(extract_text):
    one = "KYIV, Nov 14 (Wire) - Russia's Defence Ministry said air defence units destroyed 46 drones overnight."
    two = ("LONDON, Aug 31 (Wire) - Britain will build frigates for Norway to hunt Russian submarines. The Ministry "
           "of Defence said the two countries would sign an agreement.")
    results = [extract_text(t, name=f"d{i}.txt") for i, t in enumerate((one, two))]
    found = {e.label: set(e.documents) for e in resolve(results).entities if "Ministry" in e.label}
    assert all(len(docs) == 1 for docs in found.values()) and len(found) == 2


def test_a_bare_ministry_without_a_dateline_still_joins_the_qualified_one(extract_text):
    one = "Russia's Defence Ministry said air defence units destroyed 46 drones overnight."
    two = "Russian forces pressed their attack. The Defence Ministry said 20 villages had been taken."
    results = [extract_text(t, name=f"d{i}.txt") for i, t in enumerate((one, two))]
    found = {e.label: set(e.documents) for e in resolve(results).entities if "Ministry" in e.label}
    assert list(found.values()) == [{"d0.txt", "d1.txt"}]


def test_a_bare_body_under_a_dateline_joins_the_body_of_a_country_named_by_name(extract_text):
    one = "WASHINGTON, March 3 (Wire) - The U.S. State Department approved the sale of missiles to Poland."
    two = ("SEOUL, March 4 (Wire) - North Korea has sent more troops to Russia, officials said. The United States "
           "condemned the move, and the State Department said it was watching closely.")
    results = [extract_text(t, name=f"d{i}.txt") for i, t in enumerate((one, two))]
    found = {e.label: set(e.documents) for e in resolve(results).entities if "State Department" in e.label}
    assert list(found.values()) == [{"d0.txt", "d1.txt"}]


# ---------------------------------------------------------------- arms named like places


def test_a_name_read_as_a_place_before_its_drones_is_their_model(extract_text):
    found = mentions(extract_text, "Ukrainian officials said the Sea Baby can carry explosives. The SBU said its "
                                   "Sea Baby surface drones hit the submarine.")  # the model: 'Sea Baby' LOC
    assert found.get("Sea Baby") == "AIRCRAFT"
    assert mentions(extract_text, "Ukraine used its Magura naval drones against the ship.").get("Magura") == \
        "AIRCRAFT"


def test_a_place_before_owned_arms_stays_a_place(extract_text):
    assert mentions(extract_text, "The navy fired its Black Sea drones at dawn.").get("Black Sea") == "LOC"
    assert mentions(extract_text, "Its Magura drone attack failed on Monday.").get("Magura") != "AIRCRAFT"
