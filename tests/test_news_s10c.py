"""Errors seen in new unseen news (a siege in Darfur, India-China border talks, an expiring arms treaty), with
the real pipeline: a bare government title in a sentence opened by another country's capital."""

from __future__ import annotations


def roles(result) -> set[tuple[str, str, str]]:
    """(holder, relation, country) of each title-role evidence, by mention name."""
    names = {i: m.name or m.text for i, m in enumerate(result.mentions)}
    out = set()
    for ev in result.evidence:
        if ev.rule == "title-role":
            out.add((names.get(ev.source, ev.source), ev.relation, names.get(ev.target, ev.target)))
    return out


STORY = ("KHARTOUM, May 3 (Reuters) - Sudan's army said it retook a bridge. Sudan's government said the fighting "
         "went on. Chad and the United States urged calm. In Washington, Secretary of State Jane Miller spoke to "
         "reporters. Prime Minister Omar Hassan said Sudan would talk.")


def test_a_sentence_opened_by_a_foreign_capital_gives_its_bare_titles_that_capital_s_country(extract_text):
    got = roles(extract_text(STORY))
    assert any(h == "Jane Miller" and c == "United States" for h, _, c in got), got
    assert not any(h == "Jane Miller" and c == "Sudan" for h, _, c in got), got


def test_other_sentences_keep_the_dateline_country(extract_text):
    got = roles(extract_text(STORY))
    assert any(h == "Omar Hassan" and r == "prime_minister" and c == "Sudan" for h, r, c in got), got


def test_a_capital_never_named_as_a_country_gives_no_guess(extract_text):
    text = ("KHARTOUM, May 3 (Reuters) - Sudan's army said it retook a bridge. Sudan's government said the fighting "
            "went on. In Paris, Foreign Minister Jean Dupont said talks would resume.")
    got = roles(extract_text(text))
    assert not any(h == "Jean Dupont" for h, _, _ in got), got
