"""Hard-wrapped text (wire copy, e-mail, PDF text): soft line breaks become spaces, offsets are kept, and names that
run across a wrap are found whole by the real pipeline."""

from __future__ import annotations

from kg.unwrap import unwrap, wrap_width

WRAPPED = (
    "Brazil heads for a runoff\n"
    "\n"
    "SAO PAULO, Oct 5 (AP) - Brazil's presidential election will go to a runoff on Oct. 26 between the finance\n"
    "minister and the governor, official results showed on Sunday night after a long count in the Superior\n"
    "Electoral Court, which said turnout was high across the northeast and in the big cities of the south.\n"
    "Analysts said the result would weigh on markets until the second round, when both candidates would need\n"
    "the votes of the centre.\n"
    "\n"
    "By Ana Souza\n"
)


def test_soft_breaks_become_spaces_and_offsets_stay():
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "the Superior Electoral Court" in out
    assert "between the finance minister" in out
    assert "Brazil heads for a runoff\n\nSAO PAULO" in out  # a headline and its blank line keep their breaks
    assert out.endswith("the centre.\n\nBy Ana Souza\n")  # a paragraph's last line keeps its break


def test_carriage_returns_are_blanked_with_their_line_feeds():
    text = WRAPPED.replace("\n", "\r\n")
    out = unwrap(text)
    assert len(out) == len(text) and "the Superior  Electoral Court" in out


def test_one_paragraph_per_line_is_left_alone():
    text = ("The ministry said on Monday that the ship had left port.\n"
            "It will join an exercise with the navies of Australia and India later this month, officials said.\n"
            "A spokesman declined to give details.\n"
            "The exercise is held every year.\n")
    assert unwrap(text) == text


def test_lists_and_short_lines_keep_their_breaks():
    text = ("Read more about the election and the candidates who are running for the presidency this year in\n"
            "- Haddad's plans for the fiscal framework and what they would mean for the markets and the real\n"
            "- Tarcisio's record as governor of the country's richest state and his links to the former president\n"
            "- what the centre parties want in return for their support in the second round of the election\n")
    assert unwrap(text) == text  # every next line is a list item


def test_titles_in_a_row_are_not_taken_for_wrapped_prose():
    lines = ["Navy Ships Leave Port For Joint Exercise With Allies In The Pacific Ocean",
             "Finance Ministry Says Growth Will Slow In The Second Half Of The Year",
             "Court Rules Against Government In Dispute Over Fishing Rights Near Islands",
             "Election Commission Sets Date For Runoff Between The Two Leading Candidates"]
    assert wrap_width([*lines, ""]) is None  # no line goes on in lower case


def test_a_name_across_a_wrap_is_one_mention(extract_text):
    result = extract_text(WRAPPED)
    names = {m.name for m in result.mentions}
    assert "Superior Electoral Court" in names and "Superior" not in names, names
    for m in result.mentions:
        assert WRAPPED[m.start:m.end] == m.text  # offsets index the text as read
