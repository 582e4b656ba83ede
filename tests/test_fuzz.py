"""Property tests (Hypothesis): arbitrary bytes and Unicode through read → extract → graph → every output file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.read import decode, read_document
from tests.io_helpers import check_outputs, read_jsonl

NAMES = ["Angela Merkel", "Paris", "NATO", "the United Nations", "Joe Biden", "Beijing", "Royal Navy", "Xi Jinping"]
VERBS = [" met ", " visited ", " said ", " and ", " in ", ". ", ", "]
BREAKS = ["\n", "\r\n", "\r", "\n\n", " ", "\t", "\x0c", "\u2028", "\x85"]
NASTY = ["\x00", "\x07", "\x1b", "\x7f", "\ud800", "\udfff", "]]>", "<![CDATA[", "</script>", "&amp;", '"', "\\",
         "\ufeff", "\u200b", "\ufffe", "\uffff", "\U0001f600", "e\u0301", "$(rm -rf /)", "../../etc/passwd"]

pieces = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(BREAKS), st.sampled_from(NASTY),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=40),  # any code point, surrogates too
    st.text(st.sampled_from("abcXYZ-_.éß"), min_size=300, max_size=3000),  # a very long token
)
texts = st.lists(pieces, min_size=1, max_size=60).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_any_text_gives_valid_offsets_and_parseable_outputs(extractor, text):
    """No exception; mention and sentence offsets slice the decoded text; GraphML, JSONL, CSV and HTML parse."""
    from kg.build import BuildReport, Built, write_outputs
    from kg.resolve import resolve

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            document = read_document(path, "doc.txt")
        except ValueError as exc:  # skipped: only for empty, whitespace-only, binary-looking or undecodable input
            reason = str(exc)
            assert (reason == ("empty file" if not text else "only whitespace") or reason.startswith("binary file")
                    or reason == "not text in any known encoding")
            return
        document.text.encode("utf-8")  # no lone surrogate got in
        result = next(extractor.pipe([document]))
        for m in result.mentions:
            assert document.text[m.start : m.end] == m.text
        for start, end, sentence in result.sentences:
            assert document.text[start:end] == sentence
        built = Built([result], resolve([result]), extractor.config, BuildReport(documents=1))
        out = Path(tmp) / "out"
        write_outputs(built, out)
        check_outputs(out)
        for row in read_jsonl(out / "mentions.jsonl"):
            assert document.text[row["start"] : row["end"]] == row["text"]


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000))
def test_any_bytes_decode_to_text_or_a_reason(data):
    """decode() either returns UTF-8-encodable text or raises ValueError with a one-line reason."""
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert encoding
    text.encode("utf-8")
