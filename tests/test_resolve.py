"""Resolution rules on small hand-made DocResults (no spaCy): each rule merges, and refuses to merge when unsure."""

from __future__ import annotations

from kg.resolve import resolve
from kg.schema import DocResult, Entity, Mention


def doc(name: str, text: str, *spans: tuple[str, str] | tuple[str, str, dict]) -> DocResult:
    """A one-sentence DocResult whose mentions are the given (surface, type[, fields]) found in order in text."""
    mentions, pos = [], 0
    for span in spans:
        surface, kind = span[0], span[1]
        extra = span[2] if len(span) > 2 else {}
        start = text.index(surface, pos)
        pos = start + len(surface)
        fields = {"name": surface, **extra}
        mentions.append(Mention(start=start, end=pos, text=surface, type=kind, sent=0, **fields))
    return DocResult(doc=name, sentences=[(0, len(text), text)], mentions=mentions)


def node_of(entities: list[Entity], alias: str) -> Entity:
    hits = [e for e in entities if alias in e.aliases or e.label == alias]
    assert len(hits) == 1, (alias, [(e.label, e.aliases) for e in hits])
    return hits[0]


def test_surname_joins_the_only_full_name_in_the_document():
    r = doc("a.txt", "Shinzo Abe spoke. Abe left.", ("Shinzo Abe", "PERSON"), ("Abe", "PERSON"))
    res = resolve([r])
    assert [e.label for e in res.entities] == ["Shinzo Abe"]
    assert "Abe" in res.entities[0].aliases and res.entities[0].merges


def test_surname_shared_by_two_people_in_one_document_stays_apart():
    """Neither is clearly the subject: Shinzo Abe is named first, Akie Abe more often."""
    text = "Shinzo Abe met Akie Abe. Akie Abe smiled. Abe left."
    r = doc("a.txt", text, ("Shinzo Abe", "PERSON"), ("Akie Abe", "PERSON"), ("Akie Abe", "PERSON"), ("Abe", "PERSON"))
    labels = sorted(e.label for e in resolve([r]).entities)
    assert labels == ["Abe", "Akie Abe", "Shinzo Abe"]


def test_surname_uses_the_corpus_when_the_document_has_no_full_name():
    a = doc("a.txt", "Donald Trump spoke.", ("Donald Trump", "PERSON"))
    b = doc("b.txt", "Trump left.", ("Trump", "PERSON"))
    res = resolve([a, b])
    assert len(res.entities) == 1 and res.mention_entity["b.txt"] == res.mention_entity["a.txt"]


def test_country_variants_are_one_node_and_the_navy_is_not_the_country():
    r = doc("a.txt", "The US and the U.S. Navy and the United States military and U.S. forces.",
            ("US", "GPE"), ("U.S. Navy", "ORG"), ("United States military", "ORG"), ("U.S. forces", "ORG"))
    res = resolve([r])
    us = node_of(res.entities, "US")
    assert us.label == "United States" and us.type == "GPE"
    navy = node_of(res.entities, "U.S. Navy")
    military = node_of(res.entities, "U.S. forces")
    assert navy.id != us.id and military.id not in {us.id, navy.id}
    assert "United States military" in military.aliases


def test_north_and_south_korea_stay_apart():
    r = doc("a.txt", "North Korea and South Korea and Korea.", ("North Korea", "GPE"), ("South Korea", "GPE"))
    assert len(resolve([r]).entities) == 2


def test_demonym_is_a_mention_of_its_country_but_not_an_alias():
    r = doc("a.txt", "Japan said Japanese ships sailed.", ("Japan", "GPE"), ("Japanese", "GPE", {"demonym": True}))
    res = resolve([r])
    assert len(res.entities) == 1
    japan = res.entities[0]
    assert "Japanese" not in japan.aliases and japan.mentions == 2
    assert res.mention_entity["a.txt"] == [japan.id, japan.id]


def test_acronym_spelt_out_in_parentheses():
    text = "The National Graduate Institute for Policy Studies (GRIPS) said GRIPS agreed."
    long = "National Graduate Institute for Policy Studies"
    r = doc("a.txt", text, (long, "ORG"), ("GRIPS", "ORG"), ("GRIPS", "ORG"))
    res = resolve([r])
    assert len(res.entities) == 1 and res.entities[0].label == "National Graduate Institute for Policy Studies"


def test_acronym_by_initials_keeps_sdf_and_msdf_apart():
    a = doc("a.txt", "The Japan Self-Defense Forces and the Maritime Self-Defense Force.",
            ("Japan Self-Defense Forces", "ORG"), ("Maritime Self-Defense Force", "ORG"))
    b = doc("b.txt", "In Japan, the SDF and the MSDF and the Self-Defense Forces.",
            ("Japan", "GPE"), ("SDF", "ORG"), ("MSDF", "ORG"), ("Self-Defense Forces", "ORG"))
    res = resolve([a, b])
    sdf = node_of(res.entities, "SDF")
    msdf = node_of(res.entities, "MSDF")
    assert sdf.id != msdf.id
    assert {"Japan Self-Defense Forces", "Self-Defense Forces"} <= set(sdf.aliases)
    assert "Maritime Self-Defense Force" in msdf.aliases


def test_ambiguous_initials_do_not_merge():
    r = doc("a.txt", "The Central Bank and the Civil Board met the CB.",
            ("Central Bank", "ORG"), ("Civil Board", "ORG"), ("CB", "ORG"))
    assert len(resolve([r]).entities) == 3


def test_common_acronym_from_the_data_table():
    a = doc("a.txt", "The United Nations met.", ("United Nations", "ORG"))
    b = doc("b.txt", "The UN met.", ("UN", "ORG"))
    assert len(resolve([a, b]).entities) == 1


def test_ship_prefix_variants_are_one_ship():
    a = doc("a.txt", "JS Izumo sailed.", ("JS Izumo", "SHIP", {"name": "Izumo"}))
    b = doc("b.txt", "The Izumo left.", ("Izumo", "ORG"), )
    res = resolve([a, b])
    assert len(res.entities) == 1 and res.entities[0].type == "SHIP"
    assert {"Izumo", "JS Izumo"} <= set(res.entities[0].aliases)


def test_generic_law_reference_joins_the_law_named_before_it():
    text = "Japan enacted security legislation. The new legislation allows it."
    r = doc("a.txt", text, ("security legislation", "LAW"), ("new legislation", "LAW"))
    res = resolve([r])
    assert [e.label for e in res.entities] == ["security legislation"]


def test_country_qualified_organisation_and_its_short_form():
    r = doc("a.txt", "Japan's Ministry of Defense said the Defense Ministry agreed.",
            ("Japan's Ministry of Defense", "ORG"), ("Defense Ministry", "ORG"))
    assert len(resolve([r]).entities) == 1


def test_two_countries_qualifying_one_word_keep_both_apart():
    r = doc("a.txt", "The U.S. Navy and the Chinese Navy and the Navy.",
            ("U.S. Navy", "ORG"), ("Chinese Navy", "ORG"), ("Navy", "ORG"))
    assert len(resolve([r]).entities) == 3


def test_short_form_does_not_join_a_country_qualified_name_of_a_country_its_document_never_names():
    a = doc("a.txt", "The Malagasy National Assembly voted.", ("Malagasy National Assembly", "ORG"))
    b = doc("b.txt", "In Paris, the National Assembly voted.", ("Paris", "GPE"), ("National Assembly", "ORG"))
    res = resolve([a, b])
    assert node_of(res.entities, "National Assembly").id != node_of(res.entities, "Malagasy National Assembly").id


def test_short_form_joins_a_country_qualified_name_of_a_country_its_document_names():
    a = doc("a.txt", "The Malagasy National Assembly voted.", ("Malagasy National Assembly", "ORG"))
    b = doc("b.txt", "In Madagascar, the National Assembly voted.", ("Madagascar", "GPE"), ("National Assembly", "ORG"))
    c = doc("c.txt", "Malagasy lawmakers said the National Assembly voted.",
            ("Malagasy", "GPE", {"demonym": True}), ("National Assembly", "ORG"))
    res = resolve([a, b, c])
    node = node_of(res.entities, "Malagasy National Assembly")
    assert "National Assembly" in node.aliases and node.merges
    assert res.mention_entity["b.txt"][1] == res.mention_entity["c.txt"][1] == node.id


def test_short_form_with_no_country_named_joins_its_unqualified_namesake_not_the_qualified_one():
    a = doc("a.txt", "The Malagasy National Assembly voted.", ("Malagasy National Assembly", "ORG"))
    b = doc("b.txt", "The National Assembly voted.", ("National Assembly", "ORG"))
    c = doc("c.txt", "The National Assembly met.", ("National Assembly", "ORG"))
    res = resolve([a, b, c])
    assert len(res.entities) == 2
    assert res.mention_entity["b.txt"] == res.mention_entity["c.txt"] != res.mention_entity["a.txt"]


def test_place_short_form_joins_its_long_form_of_the_same_type():
    r = doc("a.txt", "Chiba Prefecture is near Chiba. The Mississippi River and Mississippi.",
            ("Chiba Prefecture", "GPE"), ("Chiba", "GPE"), ("Mississippi River", "LOC"), ("Mississippi", "GPE"))
    labels = sorted(e.label for e in resolve([r]).entities)
    assert labels == ["Chiba Prefecture", "Mississippi", "Mississippi River"]


def test_majority_type_with_context_outweighing_the_model():
    text = "Trump spoke. Trump left. Trump won."
    r = doc("a.txt", text, ("Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "PERSON"))
    assert resolve([r]).entities[0].type == "PERSON"


def test_ids_are_stable_and_distinct():
    a = doc("a.txt", "Georgia and Georgia.", ("Georgia", "PERSON"))
    first = [e.id for e in resolve([a]).entities]
    assert first == [e.id for e in resolve([a]).entities] == ["georgia"]


def test_forms_of_a_group_are_one_node_named_by_the_group():
    text = "Shiite militias fought. The Shias prayed. A Shia cleric spoke. Sunni tribes watched."
    r = doc("a.txt", text, ("Shiite", "ORG"), ("Shias", "ORG"), ("Shia", "ORG"), ("Sunni", "ORG"))
    res = resolve([r])
    shia = node_of(res.entities, "Shiite")
    assert shia.label == "Shias" and {"Shiite", "Shia"} <= set(shia.aliases) and shia.mentions == 3
    assert node_of(res.entities, "Sunni").id != shia.id


def test_group_word_as_a_person_name_is_not_the_group():
    r = doc("a.txt", "Christian met Christians.", ("Christian", "PERSON"), ("Christians", "ORG"))
    res = resolve([r])
    assert len(res.entities) == 2 and node_of(res.entities, "Christian").type == "PERSON"


def test_short_form_of_an_organisation_joins_its_full_name():
    text = "Harvard University admitted her. Harvard said so. Toyota Motor Corp. grew, and Toyota hired."
    r = doc("a.txt", text, ("Harvard University", "ORG"), ("Harvard", "ORG"), ("Toyota Motor Corp.", "ORG"),
            ("Toyota", "ORG"))
    res = resolve([r])
    assert node_of(res.entities, "Harvard").label == "Harvard University"
    assert node_of(res.entities, "Toyota").label == "Toyota Motor Corp."
    assert len(res.entities) == 2


def test_city_named_like_a_university_stays_the_city():
    text = "Syracuse University is in Syracuse. Apple Records and Apple Corp. both sued Apple."
    r = doc("a.txt", text, ("Syracuse University", "ORG"), ("Syracuse", "GPE"), ("Apple Records", "ORG"),
            ("Apple Corp.", "ORG"), ("Apple", "ORG"))
    res = resolve([r])
    assert node_of(res.entities, "Syracuse").type == "GPE" and node_of(res.entities, "Syracuse").label == "Syracuse"
    assert node_of(res.entities, "Apple").label == "Apple"  # two longer names: ambiguous, no merge


def test_inner_surname_joins_the_only_full_name_in_the_document():
    text = "Guillermo David Endara Galimany won. Endara ruled. Carlos Duque lost."
    r = doc("a.txt", text, ("Guillermo David Endara Galimany", "PERSON"), ("Endara", "PERSON"),
            ("Carlos Duque", "PERSON"))
    res = resolve([r])
    assert node_of(res.entities, "Endara").label == "Guillermo David Endara Galimany" and len(res.entities) == 2


def test_inner_word_shared_by_two_full_names_does_not_merge():
    text = "Ana Maria Lopez Cruz met Juan Carlos Lopez Vega. Lopez smiled."
    r = doc("a.txt", text, ("Ana Maria Lopez Cruz", "PERSON"), ("Juan Carlos Lopez Vega", "PERSON"),
            ("Lopez", "PERSON"))
    assert node_of(resolve([r]).entities, "Lopez").label == "Lopez"


def test_short_form_written_before_the_qualified_form_stays_apart():
    """A Berlin report's 'the Health Ministry' is not 'France's Health Ministry' named only later."""
    text = "BERLIN - The Health Ministry said cases rose. France's Health Ministry disagreed."
    r = doc("a.txt", text, ("Health Ministry", "ORG"), ("France", "GPE"),
            ("Health Ministry", "ORG", {"qualifier": "France"}))
    res = resolve([r])
    assert res.mention_entity["a.txt"][0] != res.mention_entity["a.txt"][2]


def test_short_form_written_after_the_qualified_form_joins_it():
    text = "France's Health Ministry said cases rose. The Ministry of Health later added details."
    r = doc("a.txt", text, ("France", "GPE"), ("Health Ministry", "ORG", {"qualifier": "France"}),
            ("Ministry of Health", "ORG"))
    res = resolve([r])
    assert res.mention_entity["a.txt"][1] == res.mention_entity["a.txt"][2]
    assert any("written before it" in why for why in node_of(res.entities, "Ministry of Health").merges)


def test_short_forms_before_a_later_qualified_form_still_join_each_other():
    text = "The Health Ministry said so. The Ministry of Health agreed. Italy's Health Ministry did not."
    r = doc("a.txt", text, ("Health Ministry", "ORG"), ("Ministry of Health", "ORG"), ("Italy", "GPE"),
            ("Health Ministry", "ORG", {"qualifier": "Italy"}))
    ids = resolve([r]).mention_entity["a.txt"]
    assert ids[0] == ids[1] != ids[3]


def test_organisation_written_like_a_place_joins_it_with_the_majority_type():
    """'Irish Sea' read as an ORG would be keyed as Ireland's 'Sea': it joins the LOC of the same name."""
    text = "Ferries crossed the Irish Sea. Storms hit the Irish Sea. The Irish Sea calmed."
    r = doc("a.txt", text, ("Irish Sea", "LOC", {"source": "ruler:feature-name"}), ("Irish Sea", "ORG"),
            ("Irish Sea", "LOC"))
    res = resolve([r])
    assert len(res.entities) == 1 and res.entities[0].type == "LOC" and res.entities[0].merges


def test_organisation_written_like_a_ship_or_person_does_not_join_it():
    text = "The English Rose sailed. English Rose, the band, played. Irish Murphy sued the Irish Murphy pub chain."
    r = doc("a.txt", text, ("English Rose", "SHIP"), ("English Rose", "ORG"), ("Irish Murphy", "PERSON"),
            ("Irish Murphy", "ORG"))
    ids = resolve([r]).mention_entity["a.txt"]
    assert ids[0] != ids[1] and ids[2] != ids[3]


def test_full_name_without_its_middle_name_joins_the_longer_one():
    text = "Christine Harijaona Razanamahasoa spoke. Christine Razanamahasoa left. Razanamahasoa smiled."
    r = doc("a.txt", text, ("Christine Harijaona Razanamahasoa", "PERSON"), ("Christine Razanamahasoa", "PERSON"),
            ("Razanamahasoa", "PERSON"))
    res = resolve([r])
    assert [e.label for e in res.entities] == ["Christine Harijaona Razanamahasoa"]


def test_full_name_matching_two_longer_names_stays_apart():
    text = "George Herbert Walker Bush met George Walker Bush. George Bush smiled."
    r = doc("a.txt", text, ("George Herbert Walker Bush", "PERSON"), ("George Walker Bush", "PERSON"),
            ("George Bush", "PERSON"))
    res = resolve([r])
    assert node_of(res.entities, "George Bush").label == "George Bush"
    assert node_of(res.entities, "George Walker Bush").label == "George Walker Bush"


def test_surname_with_a_particle_joins_the_only_full_name():
    text = "Francesco De Masi wrote scores. De Masi died in Rome. Ennio Morricone lived on."
    r = doc("a.txt", text, ("Francesco De Masi", "PERSON"), ("De Masi", "PERSON"), ("Ennio Morricone", "PERSON"))
    assert node_of(resolve([r]).entities, "De Masi").label == "Francesco De Masi"


def test_last_word_of_the_only_longer_organisation_joins_it():
    text = "Allen joined the Minnesota Vikings in 2008. The Vikings won."
    r = doc("a.txt", text, ("Minnesota Vikings", "ORG"), ("Vikings", "ORG"))
    assert node_of(resolve([r]).entities, "Vikings").label == "Minnesota Vikings"


def test_place_after_of_is_no_short_form_of_the_organisation():
    text = "He taught at the University of Tartu. Tartu is a city."
    r = doc("a.txt", text, ("University of Tartu", "ORG"), ("Tartu", "ORG"))
    assert node_of(resolve([r]).entities, "Tartu").label == "Tartu"


def test_the_act_joins_the_only_act_not_the_law_named_last():
    text = "Congress passed the Clean Air Act, then joined the Paris Agreement. Critics said the Act was weak."
    r = doc("a.txt", text, ("Clean Air Act", "LAW"), ("Paris Agreement", "LAW"), ("Act", "LAW"))
    assert node_of(resolve([r]).entities, "Act").label == "Clean Air Act"


def test_the_agreement_read_as_an_organisation_joins_the_law_and_keeps_its_type():
    text = "They signed the Chile Free Trade Agreement. The Agreement cut tariffs. The Agreement took effect."
    r = doc("a.txt", text, ("Chile Free Trade Agreement", "LAW"), ("Agreement", "ORG"), ("Agreement", "ORG"))
    law = node_of(resolve([r]).entities, "Agreement")
    assert law.label == "Chile Free Trade Agreement" and law.type == "LAW" and law.mentions == 3


def test_a_head_without_the_or_after_of_does_not_join():
    text = "Both signed the Treaty of Versailles. Versailles hosted it. Airport staff met at Heathrow Airport."
    r = doc("a.txt", text, ("Treaty of Versailles", "LAW"), ("Versailles", "GPE"), ("Airport", "ORG"),
            ("Heathrow Airport", "FACILITY"))
    ids = resolve([r]).mention_entity["a.txt"]
    assert ids[0] != ids[1] and ids[2] != ids[3]
