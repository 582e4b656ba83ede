"""Find input files and decode them into :class:`~kg.schema.Document` objects.

Files are always read as bytes and decoded in one step, never in universal-newline text
mode: CRLF and CR line ends stay in the text, so every offset kg writes indexes the
decoded string exactly as decoded. A byte-order mark is not part of the decoded string
(offsets count from the first character after it).

Discovery rules (see README, "Inputs"): folders are walked recursively in name order;
names starting with "." (hidden files and folders) are not inputs; only files whose suffix
is in ``TEXT_SUFFIXES`` are read from folders (a file named on the command line is read
whatever its suffix); symbolic links are followed, each folder and each file is read once
(loops end, two links to one file give one document). Everything else that cannot be read
comes out as a :class:`Skipped` with a one-line reason.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.html import HTML_SUFFIXES, html_text
from kg.schema import Document

TEXT_SUFFIXES = {".txt", ".md", *HTML_SUFFIXES}

# Leading bytes of common binary formats that a scraper may save under a text name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "executable"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
SNIFF_BYTES = 65536  # how much of a file the binary test looks at
BINARY_CONTROL_RATIO = 0.10  # more NUL/control bytes than this (no BOM, not UTF-16) = binary
_CONTROL_BYTES = bytes([*range(0, 8), 11, *range(14, 27), *range(28, 32)])
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
WESTERN_CODECS = {"cp1252", "latin_1", "iso8859_15"}
CHAOS_TIE = 0.01  # charset-normalizer matches this close in "chaos" are equally good
MOSTLY_ASCII = 0.75  # undetectable bytes that are this much ASCII are read as damaged UTF-8
_ASCII = bytes(range(128))
_REPLACEMENT_RUN = re.compile("\ufffd+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAME_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass
class Skipped:
    """A file that was not read, with a one-line reason for stderr."""

    path: str
    reason: str


def safe_text(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD (same length, so offsets hold).

    spaCy, UTF-8 output files and XML all reject lone surrogates; no decoder kg uses
    should produce one, this is the last guard before text enters the pipeline.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def safe_name(name: str) -> str:
    """A file name as printable text: undecodable bytes and control characters as backslash escapes.

    Names go into every output and into one-line messages, so a name holding a newline or
    bytes that are not UTF-8 must neither break a line nor an output file.
    """
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _NAME_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def discover(inputs: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """(path, name) for every input file, sorted by name, and the entries that cannot be listed.

    The name is relative to the input folder (or the bare file name for a file argument).
    Raises FileNotFoundError for an input that does not exist: that is a usage error.
    """
    found: dict[str, Path] = {}
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()
    for item in inputs:
        root = Path(item)
        if root.is_dir():
            entries = _walk(root, seen_dirs, skipped)
        elif root.exists() or root.is_symlink():
            entries = iter([(root, root.name)])
        else:
            raise FileNotFoundError(f"{safe_name(str(root))}: no such file or folder")
        for path, name in entries:
            name = safe_name(name)
            if name in found:
                if _same_file(found[name], path):
                    continue
                skipped.append(Skipped(safe_name(str(path)), f"another input has the same name {name!r}"))
                continue
            found[name] = path
    # Two names for one file (a symlink beside its target): keep the real file's name, else the smallest.
    keep: dict[tuple[int, int] | str, str] = {}
    for name in sorted(found, key=lambda n: (found[n].is_symlink(), n)):
        keep.setdefault(_file_key(found[name]) or name, name)  # a broken link is its own file
    return [(found[n], n) for n in sorted(keep.values())], skipped


def find_files(inputs: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(path, name) for every input file, sorted by name; see :func:`discover`."""
    return discover(inputs)[0]


def _walk(root: Path, seen_dirs: set[tuple[int, int]], skipped: list[Skipped]) -> Iterator[tuple[Path, str]]:
    """Files with a text suffix under `root`, depth first in name order, each folder entered once."""
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen_dirs:
                continue  # a symlink loop or a second link to a folder already walked
            seen_dirs.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(safe_name(str(folder)), f"cannot list folder ({exc.strerror or exc})"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = prefix + entry.name
            if _is_dir(entry):
                subfolders.append((Path(entry.path), name + "/"))
            elif Path(entry.name).suffix.lower() in TEXT_SUFFIXES:
                yield Path(entry.path), name
        stack.extend(reversed(subfolders))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows symlinks; a broken link is not a folder
    except OSError:
        return False


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _same_file(a: Path, b: Path) -> bool:
    key = _file_key(a)
    return key is not None and key == _file_key(b)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a clear error for links to nowhere, pipes, devices and unreadable files."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ValueError("broken symbolic link") from None
        raise ValueError("file vanished before it could be read") from None
    except OSError as exc:
        raise ValueError(f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ValueError("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file (pipe, socket or device)")  # reading a FIFO would block forever
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ValueError(f"cannot read ({exc.strerror or exc})") from None


def binary_kind(data: bytes) -> str | None:
    """What binary format `data` looks like, or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    sample = data[:SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > BINARY_CONTROL_RATIO * len(sample) and _utf16_without_bom(data) is None:
        return f"binary data ({100 * controls // len(sample)}% control bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec name when `data` looks like BOM-less UTF-16 (NUL in every other byte of ASCII text)."""
    sample = data[: SNIFF_BYTES & ~1]
    if len(sample) < 4:
        return None
    for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            return codec
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: BOM if any, else UTF-8, else mostly-UTF-8, else charset-normalizer's guess.

    Raises ValueError with the reason when the bytes are not text.
    """
    kind = binary_kind(data)
    if kind:
        raise ValueError(f"binary file ({kind})")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec
    codec16 = _utf16_without_bom(data)
    if codec16:
        return data.decode(codec16, errors="replace"), codec16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    return _guess_legacy(data)


def _guess_legacy(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess, preferring Windows-1252 whenever it is among the equally good ones.

    On short Western text the detector often ties Windows-1252 with Central-European or
    Baltic code pages and picks one of those; Windows-1252 (a superset of Latin-1's printable
    range) is by far the most common of them in scraped news.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        ascii_bytes = len(data) - len(data.translate(None, _ASCII))
        if ascii_bytes >= MOSTLY_ASCII * len(data):  # text with a few stray bytes: keep the text
            return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
        raise ValueError("not text in any known encoding")
    best = min(m.chaos for m in matches)
    for match in matches:
        names = {match.encoding, *match.could_be_from_charset}
        if match.chaos <= best + CHAOS_TIE and names & WESTERN_CODECS:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                return data.decode("latin_1"), "latin_1"
    return str(matches[0]), matches[0].encoding


def _mostly_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 sequences outnumber runs of invalid bytes: UTF-8 with some damage.

    A legacy 8-bit file (Windows-1252, Latin-1) has no valid multi-byte sequences at all.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if not valid:
        return False
    runs = _REPLACEMENT_RUN.findall(data.decode("utf-8", errors="replace"))
    invalid = len(runs) - len(_REPLACEMENT_RUN.findall(data.decode("utf-8", errors="ignore")))
    return valid >= invalid


def read_document(path: Path, name: str) -> Document:
    """Read and decode one file; ValueError with a one-line reason when it is not usable text."""
    data = read_bytes(path)
    if not data:
        raise ValueError("empty file")
    text, encoding = decode(data)
    del data
    title = ""
    if path.suffix.lower() in HTML_SUFFIXES:
        title, text = html_text(text)  # kg.html: title and article body; offsets index this text
    if not text or text.isspace():  # not text.strip(): that copies a 200 MB text just to test it
        raise ValueError("only whitespace")
    return Document(name=name, text=safe_text(text), path=str(path), encoding=encoding, title=safe_text(title))


def read_documents(inputs: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Documents in name order; files that cannot be listed or read come out as :class:`Skipped`."""
    files, skipped = discover(inputs)
    yield from skipped
    for path, name in files:
        try:
            yield read_document(path, name)
        except (OSError, ValueError) as exc:
            yield Skipped(safe_name(str(path)), str(exc))
