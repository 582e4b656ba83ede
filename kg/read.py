"""Find input files and decode them into :class:`~kg.schema.Document` objects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.html import HTML_SUFFIXES, html_text
from kg.schema import Document

TEXT_SUFFIXES = {".txt", ".md", *HTML_SUFFIXES}


@dataclass
class Skipped:
    """A file that was not read, with a one-line reason for stderr."""

    path: str
    reason: str


def find_files(inputs: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(path, name) for every readable input, sorted by name; name is relative to its input folder."""
    found: dict[str, Path] = {}
    for item in inputs:
        root = Path(item)
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                rel = path.relative_to(root)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
                    found.setdefault(rel.as_posix(), path)
        elif root.is_file():
            found.setdefault(root.name, root)
        else:
            raise FileNotFoundError(f"{root}: no such file or folder")
    return [(found[name], name) for name in sorted(found)]


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name; UTF-8 first (BOM stripped), else the best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ValueError("not text in any known encoding") from None
        return str(best), best.encoding


def read_document(path: Path, name: str) -> Document:
    text, encoding = decode(path.read_bytes())
    title = ""
    if path.suffix.lower() in HTML_SUFFIXES:
        title, text = html_text(text)  # kg.html: title and article body; offsets index this text
    if not text.strip():
        raise ValueError("empty file")
    return Document(name=name, text=text, path=str(path), encoding=encoding, title=title)


def read_documents(inputs: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Documents in name order; unreadable files come out as :class:`Skipped`."""
    for path, name in find_files(inputs):
        try:
            yield read_document(path, name)
        except (OSError, ValueError) as exc:
            yield Skipped(str(path), str(exc))
