"""Every kind of input a scraper leaves behind: each is processed with valid offsets or skipped with a reason."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from kg.extract import segments
from kg.read import decode, discover, read_document, read_documents, safe_name
from kg.schema import Document
from tests.io_helpers import PROSE, SENTENCE, check_outputs, pdf_bytes, png_bytes, read_jsonl, run_kg, zip_bytes


def read(tmp_path: Path, name: str, data: bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path, name)


def skip_reason(tmp_path: Path, name: str, data: bytes) -> str:
    with pytest.raises(ValueError) as info:
        read(tmp_path, name, data)
    return str(info.value)


def assert_offsets_valid(document: Document, result) -> None:
    """Every mention and sentence slices out of the decoded text exactly."""
    assert result.mentions, f"no mentions in {document.name}"
    for m in result.mentions:
        assert document.text[m.start : m.end] == m.text, (m.start, m.end, m.text)
    for start, end, text in result.sentences:
        assert document.text[start:end] == text


def test_empty_and_whitespace_only_files_are_skipped(tmp_path):
    assert skip_reason(tmp_path, "empty.txt", b"") == "empty file"
    assert skip_reason(tmp_path, "blank.txt", b" \n\t\r\n  \x0c\n") == "only whitespace"
    assert skip_reason(tmp_path, "blank16.txt", " \n \n".encode("utf-16")) == "only whitespace"


@pytest.mark.parametrize(("make", "kind"), [(png_bytes, "PNG image"), (pdf_bytes, "PDF document"),
                                            (zip_bytes, "ZIP archive")])
def test_binary_files_with_a_text_suffix_are_skipped(tmp_path, make, kind):
    assert skip_reason(tmp_path, "looks-like-text.txt", make()) == f"binary file ({kind})"


def test_unknown_binary_is_told_apart_from_text_with_a_few_nul_bytes(tmp_path):
    blob = bytes(range(256)) * 64
    assert skip_reason(tmp_path, "blob.md", blob).startswith("binary file (binary data")
    doc = read(tmp_path, "nul.txt", PROSE.encode().replace(b" met ", b" met\x00\x00 "))
    assert "\x00\x00" in doc.text and doc.encoding == "utf-8"


def test_invalid_utf8(tmp_path, extractor):
    """Damaged UTF-8 keeps its good characters (bad bytes become U+FFFD); bytes that are no text are skipped."""
    damaged = ("Zürich, München und Köln. " + PROSE).encode() + b"\xff\xfe\xc3 end\n"
    doc = read(tmp_path, "damaged.txt", damaged)
    assert doc.text.startswith("Zürich, München und Köln.") and doc.text.count("\ufffd") == 3
    assert_offsets_valid(doc, next(extractor.pipe([doc])))
    assert skip_reason(tmp_path, "noise.txt", bytes(range(128, 256)) * 8) == "not text in any known encoding"


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_windows_1252_and_latin_1(tmp_path, extractor, codec):
    text = "François Hollande a rencontré Angela Merkel à Zürich. Le café coûte cher.\n" + PROSE
    if codec == "cp1252":
        text += "Les « guillemets » — et l’apostrophe.\n"
    doc = read(tmp_path, f"{codec}.txt", text.encode(codec))
    assert doc.text == text
    assert_offsets_valid(doc, next(extractor.pipe([doc])))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(tmp_path, extractor, codec):
    """With a BOM (utf-16, utf-32) or without one (-le/-be: detected by the NUL in every other byte)."""
    text = "Señor Pedro Sánchez and " + PROSE
    doc = read(tmp_path, "wide.txt", text.encode(codec))
    assert doc.text == text
    assert_offsets_valid(doc, next(extractor.pipe([doc])))


def test_utf8_bom_is_not_part_of_the_text(tmp_path, extractor):
    """Offsets index the decoded text after the BOM: character 0 is the first letter."""
    doc = read(tmp_path, "bom.txt", b"\xef\xbb\xbf" + PROSE.encode())
    assert doc.text == PROSE and doc.encoding == "utf-8-sig"
    result = next(extractor.pipe([doc]))
    assert_offsets_valid(doc, result)
    assert min(m.start for m in result.mentions) == 0  # "Angela Merkel" starts the text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_are_kept(tmp_path, extractor, newline):
    text = PROSE.replace("\n", newline) * 3
    doc = read(tmp_path, "lines.txt", text.encode())
    assert doc.text == text  # no newline translation: offsets index the text as decoded
    result = next(extractor.pipe([doc]))
    assert_offsets_valid(doc, result)
    assert len({m.start for m in result.mentions if m.text == "Angela Merkel"}) == 3


def test_nul_and_control_characters_are_processed(tmp_path, extractor):
    text = "Angela\x00 Merkel met \x07Emmanuel Macron\x1b[0m in Paris\x7f on \x0bTuesday.\x0c\u200b\ufeff\n" + PROSE
    doc = read(tmp_path, "controls.txt", text.encode())
    assert doc.text == text
    assert_offsets_valid(doc, next(extractor.pipe([doc])))


def test_text_in_other_languages_is_processed(tmp_path, extractor):
    text = ("Владимир Путин встретился с Си Цзиньпином в Москве.\n東京で岸田文雄首相が記者会見を行った。\n"
            "رئيس الوزراء في بغداد.\nDer Bundeskanzler Olaf Scholz sprach in Berlin.\n" + PROSE)
    doc = read(tmp_path, "world.txt", text.encode())
    assert_offsets_valid(doc, next(extractor.pipe([doc])))


def test_one_long_line_is_cut_at_whitespace_into_bounded_segments():
    """A 2 MB line with no line break: pieces of at most the limit, cut after a space, covering all the text."""
    line = (SENTENCE.strip() + " ") * (2_000_000 // len(SENTENCE))
    limit = 100_000
    pieces = segments(Document(name="line.txt", text=line), limit)
    assert len(pieces) >= len(line) // limit
    pos = 0
    for offset, piece in pieces:
        assert offset == pos and len(piece) <= limit and line[offset : offset + len(piece)] == piece
        assert piece.endswith(". ") or offset + len(piece) == len(line)  # cut at a sentence end
        pos = offset + len(piece)
    assert pos == len(line)
    token = "x" * 250_000  # no whitespace at all: cut at exactly the limit
    assert [len(p) for _, p in segments(Document(name="tok.txt", text=token), limit)] == [limit, limit, 50_000]


def test_long_documents_go_through_spacy_in_bounded_chunks(tmp_path, extractor, monkeypatch):
    """The real reader and pipeline with a small segment limit: offsets stay valid across chunk boundaries.

    Stands in for the 50 MB line and the 200 MB file (hours of spaCy time): the chunking code is the same,
    only `segment_chars` is smaller.
    """
    monkeypatch.setattr(extractor, "config", replace(extractor.config, segment_chars=2_000))
    assert extractor.config.segment_chars < extractor.nlp.max_length
    line = PROSE.replace("\n", " ") * 120  # ~20 kB, one line
    doc = read(tmp_path, "oneline.txt", line.encode())
    assert len(segments(doc, 2_000)) > 9
    result = next(extractor.pipe([doc]))
    assert_offsets_valid(doc, result)
    assert sum(m.text == "Angela Merkel" for m in result.mentions) == 120
    lines = read(tmp_path, "lines.txt", (PROSE * 120).encode())
    assert sum(m.text == "Barack Obama" for m in next(extractor.pipe([lines])).mentions) == 120


def test_ten_thousand_small_files(tmp_path):
    for i in range(10_000):
        folder = tmp_path / f"d{i % 10}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:05d}.txt").write_bytes(f"Story {i}: ".encode() + SENTENCE.encode())
    items = list(read_documents([tmp_path]))
    assert len(items) == 10_000 and all(isinstance(d, Document) for d in items)
    names = [d.name for d in items]
    assert names == sorted(names) and names[0] == "d0/00000.txt"


def make_tree(root: Path) -> None:
    """Nested folders, hidden entries, links (duplicate, loop, broken), a FIFO and a file that fails to read."""
    (root / "a" / "b" / "c").mkdir(parents=True)
    (root / "top.txt").write_text(PROSE)
    (root / "a" / "b" / "c" / "deep.md").write_text(PROSE)
    (root / "a" / "image.jpg").write_bytes(png_bytes())  # not a text suffix: not an input
    (root / ".hidden.txt").write_text(PROSE)
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text(PROSE)
    (root / "a" / "same-as-top.txt").symlink_to(root / "top.txt")
    (root / "a" / "b" / "loop").symlink_to(root / "a")
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "proc-mem.txt").symlink_to("/proc/self/mem")  # EIO on read, even for root


def test_nested_hidden_symlinked_and_unreadable_entries(tmp_path):
    make_tree(tmp_path)
    files, listing_skips = discover([tmp_path])
    assert [name for _, name in files] == ["a/b/c/deep.md", "dangling.txt", "pipe.txt", "proc-mem.txt", "top.txt"]
    assert listing_skips == []
    reasons = {Path(s.path).name: s.reason for s in read_documents([tmp_path]) if not isinstance(s, Document)}
    assert reasons == {"dangling.txt": "broken symbolic link",
                       "pipe.txt": "not a regular file (pipe, socket or device)",
                       "proc-mem.txt": "cannot read (Input/output error)"}


def test_odd_file_names_are_names_not_commands(tmp_path):
    """Spaces, Unicode, shell metacharacters, a newline and bytes that are not UTF-8: read, escaped, run nothing."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    names = ["with space.txt", "Zürich – 東京.txt", "$(touch pwned).txt", "`touch pwned2`;rm -rf x.txt",
             "a'b\"c&|<>*?.txt", "new\nline.txt"]
    for name in names:
        (corpus / name).write_text(PROSE)
    (corpus / os.fsdecode(b"latin-\xe9.txt")).write_text(PROSE)
    out = tmp_path / "out"
    proc = run_kg("build", corpus, "--out", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    check_outputs(out)
    docs = {r["doc"] for r in read_jsonl(out / "mentions.jsonl")}
    assert docs == {"with space.txt", "Zürich – 東京.txt", "$(touch pwned).txt", "`touch pwned2`;rm -rf x.txt",
                    "a'b\"c&|<>*?.txt", "new\\nline.txt", "latin-\\xe9.txt"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg-cache-test", "in", "out"]
    # kg's own file names only (none taken from a document): the core files a build writes without --formats
    assert {p.name for p in out.iterdir()} == {"graph.graphml", "graph.html", "mentions.jsonl", "relations.jsonl"}
    assert safe_name(os.fsdecode(b"\xff\n")) == "\\xff\\n"


def test_html_with_script_and_style_keeps_only_the_article(tmp_path, extractor):
    page = ("<html><head><title>Summit in Paris</title><style>body { color: red } /* STYLE_MARKER */</style>"
            "<script>var s = 'SCRIPT_MARKER'; document.write('<p>Vladimir Putin</p>');</script></head><body>"
            f"<nav>Home | World | Sport</nav><article><p>{SENTENCE}</p><p>{PROSE}</p>"
            "<script type='application/ld+json'>{\"name\": \"LDJSON_MARKER\"}</script></article></body></html>")
    doc = read(tmp_path, "page.html", page.encode("utf-8"))
    assert "Angela Merkel" in doc.text and doc.title == "Summit in Paris"
    for marker in ("SCRIPT_MARKER", "STYLE_MARKER", "LDJSON_MARKER", "Vladimir Putin", "color: red", "<p>"):
        assert marker not in doc.text
    assert_offsets_valid(doc, next(extractor.pipe([doc])))
    empty = "<html><head><script>alert('x')</script></head><body><style>p {}</style></body></html>"
    assert skip_reason(tmp_path, "empty.html", empty.encode()) == "no text in the HTML page"


def test_decode_never_returns_lone_surrogates(tmp_path):
    doc = read(tmp_path, "sur.txt", "Zürich \ud800 and \udfff Köln".encode("utf-8", "surrogatepass"))
    assert doc.text.startswith("Zürich \ufffd") and doc.text.endswith(" Köln")
    doc.text.encode("utf-8")
    text, codec = decode("Angela Merkel \ud800 in Paris.".encode("utf-16-le", "surrogatepass"))
    assert codec == "utf-16-le" and text == "Angela Merkel \ufffd in Paris."


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    """Good articles next to one of each kind of bad file."""
    root = tmp_path_factory.mktemp("mixed")
    (root / "good.txt").write_text(PROSE * 2)
    (root / "latin.txt").write_bytes(("José Saramago lived in Lisbon. " + PROSE).encode("latin-1"))
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_bytes(b"\n \n")
    (root / "photo.txt").write_bytes(png_bytes())
    (root / "paper.txt").write_bytes(pdf_bytes())
    (root / "bundle.txt").write_bytes(zip_bytes())
    return root


def test_cli_skips_bad_files_with_one_line_each_and_exit_status_3(mixed_corpus, tmp_path):
    out = tmp_path / "out"
    proc = run_kg("build", mixed_corpus, "--out", out, cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    skips = sorted(line for line in proc.stderr.splitlines() if line.startswith("kg: skipped "))
    assert skips == [f"kg: skipped {mixed_corpus / name}: {reason}" for name, reason in [
        ("blank.md", "only whitespace"), ("bundle.txt", "binary file (ZIP archive)"), ("empty.txt", "empty file"),
        ("paper.txt", "binary file (PDF document)"), ("photo.txt", "binary file (PNG image)")]]
    assert "kg: 2 processed, 5 skipped" in proc.stderr
    assert {r["doc"] for r in read_jsonl(out / "mentions.jsonl")} == {"good.txt", "latin.txt"}
    check_outputs(out)


def test_cli_strict_refuses_before_writing_anything(mixed_corpus, tmp_path):
    out = tmp_path / "out"
    proc = run_kg("build", mixed_corpus, "--out", out, "--strict", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "--strict" in proc.stderr.splitlines()[-1] and not out.exists()


def test_cli_exit_status_0_2_and_1(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(PROSE)
    proc = run_kg("build", good, "--out", tmp_path / "out", "--strict", cwd=tmp_path)
    assert proc.returncode == 0 and "kg: 1 processed, 0 skipped" in proc.stderr, proc.stderr
    assert run_kg("build", good, "--no-such-option", cwd=tmp_path).returncode == 2
    missing = run_kg("build", tmp_path / "missing", "--out", tmp_path / "o2", cwd=tmp_path)
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    nothing = run_kg("build", bad, "--out", tmp_path / "o3", cwd=tmp_path)
    assert nothing.returncode == 1 and "no readable document" in nothing.stderr and not (tmp_path / "o3").exists()
    (tmp_path / "a-file").write_text("not a folder")
    blocked = run_kg("build", good, "--out", tmp_path / "a-file", cwd=tmp_path)
    assert blocked.returncode == 1 and "kg: cannot write outputs to" in blocked.stderr.splitlines()[-1]
    assert (tmp_path / "a-file").read_text() == "not a folder"
