"""Mentions of session 6 with the real pipeline: people named like a law ('Jude Law'), football clubs typed as
places, an owner's possessive inside an organisation's name ("Alphabet's Google"), unlabelled dateline places."""

from __future__ import annotations

from kg.mentions import owner_possessives
from kg.schema import Mention
from tests.news_helpers import types_of

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


# 2. Football clubs typed as places


def test_clubs_in_football_sentences_are_organisations(extract_text):
    cases = (("Manchester City beat Arsenal 2-1 on Saturday.", "Manchester City"),
             ("Leeds United and Newcastle United meet in the league next month.", "Leeds United"),
             ("Premier League side Brentford have appointed a new goalkeeper coach.", "Brentford"),
             ("Tottenham Hotspur striker Harry Kane scored twice.", "Tottenham Hotspur"),
             ("Barcelona fans celebrated in the streets after the match against Sevilla.", "Barcelona"))
    for text, name in cases:
        found = types_of(extract_text(text))
        assert found.get(name) == "ORG", (text, found)


def test_a_club_word_before_a_place_joins_it(extract_text):
    r = extract_text("Real Madrid's coach said the team was tired.")
    club = next(m for m in r.mentions if m.name == "Real Madrid")
    assert club.type == "ORG" and club.text.startswith("Real Madrid") and club.start == 0
    assert "Madrid" not in types_of(r)


def test_cities_in_ordinary_sentences_stay_places(extract_text):
    cases = (("The mayor of Milan opened a new metro line.", "Milan"),
             ("The company moved its headquarters from London to Manchester last year.", "Manchester"),
             ("Protesters marched through Madrid on Sunday.", "Madrid"),
             ("The Supreme Court ruled 5-4 that Texas could not enforce the law.", "Texas"),
             ("Chelsea drew with Everton 1-1 at Stamford Bridge.", "Stamford Bridge"))
    for text, name in cases:
        found = types_of(extract_text(text))
        assert found.get(name) in {"GPE", "FACILITY"}, (text, found)


def test_national_teams_stay_their_country(extract_text):
    found = types_of(extract_text("England beat Germany 2-1 and England captain Harry Kane scored the winning goal."))
    assert found.get("England") == "GPE" and found.get("Germany") == "GPE", found


def test_players_who_beat_each_other_stay_people(extract_text):
    found = types_of(extract_text("Serena Williams beat Maria Sharapova 6-2 6-1 in the semi-final."))
    assert found.get("Serena Williams") == "PERSON" and found.get("Maria Sharapova") == "PERSON", found
    found = types_of(extract_text("Taylor Swift fans queued for hours outside the stadium."))
    assert found.get("Taylor Swift") == "PERSON", found


def test_a_clubs_short_name_is_the_club(extract_text):
    r = extract_text("Manchester United striker Marcus Rashford scored twice as United beat Chelsea at Old Trafford.")
    found = types_of(r)
    assert found.get("Manchester United") == "ORG" and found.get("United") == "ORG", found
    assert found.get("Marcus Rashford") == "PERSON", found


# 3. An owner's possessive inside an organisation's name


def test_owner_named_alone_elsewhere_is_cut_from_what_it_owns(extract_text):
    r = extract_text("Alphabet's Google said on Tuesday it would cut 200 jobs. Alphabet shares fell 2 percent.")
    texts = [(m.text, m.type) for m in r.mentions]
    assert texts[:2] == [("Alphabet", "ORG"), ("Google", "ORG")], texts
    assert r.mentions[0].end + 3 == r.mentions[1].start  # "'s " between them
    assert "Alphabet's Google" not in [m.text for m in r.mentions]


def test_possessive_names_without_a_known_owner_stay_whole(extract_text):
    cases = (("Alphabet's Google said on Tuesday it would cut 200 jobs.", "Alphabet's Google"),
             ("McDonald's said sales rose in the third quarter.", "McDonald's"),
             ("The People's Party won the most seats in the election.", "The People's Party"),
             ("Ghana's Convention People's Party held a rally in Accra.", "Convention People's Party"))
    for text, name in cases:
        found = types_of(extract_text(text))
        assert found.get(name) == "ORG", (text, found)


def test_a_name_that_keeps_its_possessive_is_not_an_owner(extract_text):
    found = types_of(extract_text("McDonald's Corp said sales rose. McDonald's shares fell on Friday."))
    assert "Corp" not in found, found


def test_a_singers_fans_and_a_clubs_home_town_stay_as_they_were(extract_text):
    r = extract_text("Singer Dolly Parton released the song in 1977. Parton's fans loved the new version.")
    assert [m.type for m in r.mentions] == ["PERSON", "PERSON"], [(m.text, m.type) for m in r.mentions]
    r = extract_text("He played for FC U Craiova and Dinamo. He spent the first years of his career at Craiova.")
    assert [m.type for m in r.mentions if m.text == "Craiova"] == ["GPE"], [(m.text, m.type) for m in r.mentions]


# 4. An all-caps dateline place the model left unlabelled

HEAD = "Share this story Email Print\n\n{}\n\n{} -- {}"


def dateline_mentions(result, text):
    return [m for m in result.mentions if m.text == text]


def test_unlabelled_dateline_capital_becomes_a_place(extract_text):
    cases = (("Frigate shadows tankers through Channel", "LONDON",
              "The frigate escorted two tankers through the Channel on Tuesday, the ministry said.", "London"),
             ("Court rules on data case", "BERLIN", "A federal court ruled on Tuesday that the data rules were lawful.",
              "Berlin"))
    for title, place, body, name in cases:
        found = dateline_mentions(extract_text(HEAD.format(title, place, body)), place)
        assert len(found) == 1 and found[0].type == "GPE" and found[0].dateline and found[0].name == name, found


def test_unlabelled_dateline_place_named_again_in_the_document_becomes_a_place(extract_text):
    text = "Storm hits coast\n\nGREENVALE -- A storm hit the coast of Greenvale on Monday, officials in Greenvale said."
    found = dateline_mentions(extract_text(text), "GREENVALE")
    assert len(found) == 1 and found[0].type == "GPE" and found[0].name == "Greenvale", found


def test_unknown_dateline_words_stay_unlabelled(extract_text):
    r = extract_text("Storm hits coast\n\nGREENVALE -- A storm hit the coast on Monday, officials said.")
    assert not [m for m in r.mentions if m.text.isupper()], [(m.text, m.type) for m in r.mentions]


def test_a_dateline_with_a_date_gives_its_place_though_no_table_knows_it(extract_text):
    r = extract_text("Council approves budget\n\nMUNICH, May 2 (Wire) - The city council approved a new budget on "
                     "Friday.")
    assert [(m.name, m.type) for m in r.mentions if m.text.isupper()] == [("Munich", "GPE")], r.mentions


def test_one_institution_word_after_a_known_name_stays_one_name(extractor):
    text = "Queen sold millions of records. Queen's Hospital gave Alphabet's Google a prize."
    doc = extractor.nlp(text)

    def org(name: str) -> Mention:
        start = text.index(name)
        return Mention(start=start, end=start + len(name), text=name, type="ORG", sent=0, name=name)

    found = [org("Queen"), org("Queen's Hospital"), org("Alphabet's Google"), org("Alphabet")]
    found[3].start = found[3].end = len(text)  # 'Alphabet' written alone elsewhere
    owners = owner_possessives(doc, found)
    assert [m.text for m in owners] == ["Alphabet"] and found[2].text == "Google"
    assert found[1].text == "Queen's Hospital"


# A match score the model ran a name on into


def test_a_score_after_a_name_is_no_part_of_it(extract_text):
    r = extract_text("Rafael Nadal beat Roger Federer 6-4 6-3 in the final.")
    assert [m.text for m in r.mentions] == ["Rafael Nadal", "Roger Federer"], [(m.text, m.type) for m in r.mentions]
    r = extract_text("Chelsea drew with Everton 1-1 at Stamford Bridge.")
    assert "Everton" in [m.text for m in r.mentions], [(m.text, m.type) for m in r.mentions]


def test_the_club_a_player_scored_for_is_an_organisation(extract_text):
    found = types_of(extract_text("Striker Erling Haaland scored for Manchester City against the Wolverhampton side."))
    assert found.get("Manchester City") == "ORG", found
    found = types_of(extract_text("The Tokyo team scored a deal with Manchester investors on Monday."))
    assert found.get("Tokyo") == "GPE", found


def test_numbers_written_with_dashes_inside_a_name_stay(extract_text):
    r = extract_text("Michael Imperioli starred in the police drama Detroit 1-8-7 on ABC.")
    assert not [m for m in r.mentions if m.text.endswith("-")], [(m.text, m.type) for m in r.mentions]
