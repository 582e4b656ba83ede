"""Command line: ``kg build``, ``kg query``, ``kg path``, ``kg stats``. The only module that knows argv."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from kg.config import DEFAULT_MODEL, BuildConfig
from kg.schema import ENTITY_TYPES, DocResult, check_entity_types

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Offline entity knowledge graphs from news.")
err = Console(stderr=True, soft_wrap=True)

# Exit status of `kg build` (README, "Exit status").
EXIT_OK = 0  # every input file was processed
EXIT_ERROR = 1  # nothing written: no readable document, or a skip under --strict
EXIT_USAGE = 2  # bad arguments or options (typer's own status for usage errors)
EXIT_SKIPPED = 3  # outputs written, but some files were skipped (listed on stderr)


@app.command("build")
def build_cmd(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Files or folders to read (default: raw/)")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs")] = Path("outputs"),
    model: Annotated[str, typer.Option(help="Installed spaCy model package or path")] = DEFAULT_MODEL,
    patterns: Annotated[list[Path] | None, typer.Option("--patterns", help="Extra EntityRuler JSONL file")] = None,
    relation_patterns: Annotated[list[Path] | None, typer.Option("--relation-patterns",
                                                                  help="Extra relation rule JSON file")] = None,
    min_weight: Annotated[float, typer.Option(help="Drop co-occurrence edges with NPMI below this")] = -1.0,
    min_count: Annotated[int, typer.Option(help="Drop co-occurrence edges seen fewer times")] = 1,
    entity_types: Annotated[str, typer.Option(help="Node types to keep, comma-separated: kg's ten, and optionally "
                                                   "NORP, PRODUCT, WORK_OF_ART, LANGUAGE")] = ",".join(ENTITY_TYPES),
    document_links: Annotated[bool, typer.Option(help="Link each document's subject to everything else it names, "
                                                      "and its places to one another (same_document edges)")] = True,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Explain merges")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the NLP stage")] = 1,
    engine: Annotated[str, typer.Option(help="Where the NLP stage runs: local or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the result cache")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Result cache folder (default: .kg-cache or $KG_CACHE_DIR)")]
    = None,
    strict: Annotated[bool, typer.Option("--strict", help="Any skipped file is an error: exit 1, write nothing")]
    = False,
    open_page: Annotated[bool, typer.Option("--open", help="Open graph.html in the default browser afterwards")]
    = False,
    formats: Annotated[str, typer.Option("--formats", help="Extra files besides the page, GraphML and JSON lines: "
                                                           "gexf, json (node-link), csv, comma-separated, or all")]
    = "",
) -> None:
    """Build the graph page, GraphML and evidence files from articles."""
    from kg.build import extract_corpus, reduce_corpus, write_outputs
    from kg.cache import default_dir, output_stamp, outputs_current, record_outputs
    from kg.engine import own_process
    from kg.nlp import ModelNotFound
    from kg.read import find_files

    inputs = inputs or [Path("raw")]
    own_process()
    if verbose:
        _explain_merges()
    try:
        types = check_entity_types(entity_types.split(","))
    except ValueError as exc:
        err.print(f"kg: --entity-types: {exc}", markup=False)
        raise typer.Exit(2) from None
    extras = _formats(formats)
    config = BuildConfig(model=model, patterns=patterns or [], relation_patterns=relation_patterns or [],
                         min_weight=min_weight, min_count=min_count, document_links=document_links,
                         entity_types=types, formats=extras,
                         verbose=verbose, jobs=jobs, engine=engine,
                         scheduler=scheduler, cache_dir=None if no_cache else (cache_dir or default_dir()))
    try:
        total = len(find_files(inputs))
    except FileNotFoundError as exc:
        err.print(f"kg: {exc}")
        raise typer.Exit(2) from None
    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("docs", total=total, rate="")
        try:
            results, rep = extract_corpus(inputs, config, progress=_progress(bar, task))
        except (ModelNotFound, ValueError, RuntimeError) as exc:
            err.print(f"kg: {exc}", markup=False)
            raise typer.Exit(2) from None
    for skip in rep.skipped:
        _say(f"kg: skipped {skip.path}: {skip.reason}")
    if strict and rep.skipped:
        _say(f"kg: {len(rep.skipped)} file(s) skipped and --strict given: nothing written")
        raise typer.Exit(EXIT_ERROR)
    if not rep.documents:
        _say(f"kg: no readable document ({len(rep.skipped)} skipped): nothing written")
        raise typer.Exit(EXIT_ERROR)
    # Same documents, model, rules, kg code and options as the build that wrote `out`: nothing to redo.
    stamp = output_stamp(rep.digest, config) if config.cache_dir else ""
    if stamp and outputs_current(config.cache_dir, out, stamp):
        _say(f"kg: {out} is up to date: {rep.documents} documents, none changed since it was written")
    else:
        built = reduce_corpus(results, config, rep)
        try:
            write_outputs(built, out, jobs=config.jobs, formats=extras)
        except OSError as exc:  # --out is a file, read-only, full disk: the previous outputs stay as they were
            _say(f"kg: cannot write outputs to {out}: {exc.strerror or exc}")
            raise typer.Exit(EXIT_ERROR) from None
        if stamp:
            record_outputs(config.cache_dir, out, stamp)
        g = built.graph
        err.print(f"{rep.documents} documents, {g.number_of_nodes()} entities, {g.number_of_edges()} relations, "
                  f"{rep.seconds:.1f} s ({rep.cached} documents from cache) → {out}", markup=False)
    _say(f"kg: {rep.documents} processed, {len(rep.skipped)} skipped")
    if open_page:
        from kg.render import open_in_browser

        if not open_in_browser(out / "graph.html"):
            _say(f"kg: no browser found; open {out / 'graph.html'} yourself")
    if rep.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _formats(option: str) -> tuple[str, ...]:
    """The extra formats a --formats option names; exit 2 with a one-line error on an unknown one."""
    from kg.export import check_formats

    try:
        return check_formats(option.split(","))
    except ValueError as exc:
        err.print(f"kg: --formats: {exc}", markup=False)
        raise typer.Exit(2) from None


@app.command("export")
def export_cmd(
    folder: Annotated[Path, typer.Argument(help="A folder written by `kg build`")] = Path("outputs"),
    formats: Annotated[str, typer.Option("--formats", help="gexf, json (node-link), csv, comma-separated, or all")]
    = "all",
) -> None:
    """Write extra formats (GEXF, node-link JSON, CSV) of a graph `kg build` wrote, beside its files."""
    from kg import export
    from kg.layout import layout
    from kg.load import load

    extras = _formats(formats)
    try:
        g = load(folder).graph
    except (FileNotFoundError, ValueError) as exc:
        _say(f"kg: {exc}")
        raise typer.Exit(2) from None
    flat = export.flatten(g)
    if "csv" in extras:
        export.write_csv(g, folder, flat)
    if "json" in extras:
        export.write_node_link(g, folder / "graph.json")
    if "gexf" in extras:
        export.write_gexf(g, folder / "graph.gexf", layout(g), flat)
    _say(f"kg: wrote {', '.join(n for f in extras for n in export.EXTRA_FORMATS[f])} → {folder}")


def _explain_merges() -> None:
    """Send kg's DEBUG log (one line per alias merge and its reason, from kg.resolve) to stderr."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger = logging.getLogger("kg")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def _say(line: str) -> None:
    """One plain line on stderr: no markup, emoji codes or highlighting taken from file names."""
    err.print(line, markup=False, emoji=False, highlight=False)


def _progress(bar: Progress, task) -> Callable[[DocResult], None]:
    """Advance the bar by one document and show words per second since the first result."""
    start = time.perf_counter()
    words = 0

    def advance(result: DocResult) -> None:
        nonlocal words
        words += result.words
        elapsed = time.perf_counter() - start
        bar.update(task, advance=1, rate=f"{words / elapsed:,.0f} words/s" if elapsed > 0 else "")

    return advance


cache_app = typer.Typer(no_args_is_help=True, help="The per-document result cache.")
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear_cmd(
    cache_dir: Annotated[Path | None, typer.Option(help="Result cache folder (default: .kg-cache or $KG_CACHE_DIR)")]
    = None,
) -> None:
    """Delete every cached per-document result."""
    from kg.cache import clear, default_dir

    folder = cache_dir or default_dir()
    err.print(f"kg: removed {clear(folder)} cached results from {folder}", markup=False)


# ---------------------------------------------------------------- kg query / path / stats (reading a built graph)

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _plain(text: object) -> Text:
    """Document text as inert terminal text: no Rich markup, no escape sequences, one line."""
    return Text(_UNPRINTABLE.sub("", str(text).replace("\n", " ").replace("\t", " ")))


def _load(graph: Path):
    """The graph in a `kg build` folder or GraphML file; one line and exit 2 when it cannot be read."""
    from kg.load import load

    try:
        return load(graph)
    except (FileNotFoundError, ValueError) as exc:
        err.print(f"kg: {exc}", markup=False, emoji=False, highlight=False)
        raise typer.Exit(2) from None


def _fail(exc: Exception) -> typer.Exit:
    """Print a lookup failure (unknown entity, no path) as one line; the caller raises the returned Exit (1)."""
    err.print(f"kg: {exc}", markup=False, emoji=False, highlight=False)
    return typer.Exit(1)


def _echo_json(data: object) -> None:
    from kg.export import _json

    typer.echo(_json(data, indent=2))


def _evidence_cell(rel, limit: int) -> Text:
    """The first `limit` evidence sentences of a relation, each with its document and offsets."""
    cell = Text()
    for ev in rel.evidence[:limit]:
        if cell:
            cell.append("\n")
        cell.append_text(_plain(ev.sentence))
        cell.append(f"  [{ev.doc}:{ev.start}-{ev.end}]", style="dim")
    if len(rel.evidence) > limit:
        cell.append(f"\n(+{len(rel.evidence) - limit} more)", style="dim")
    return cell


@app.command("query")
def query_cmd(
    graph: Annotated[Path, typer.Argument(help="Output folder of `kg build`, or its graph.graphml")],
    entity: Annotated[str, typer.Argument(help="Entity name: label or any alias, any case")],
    relation: Annotated[str | None, typer.Option("--relation", "-r", help="Only this relation label")] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, help="Also relations of neighbours up to N hops")] = 1,
    kind: Annotated[str | None, typer.Option(help="Only edges of this kind: pattern or cooccurrence")] = None,
    evidence: Annotated[int, typer.Option(min=0, help="Evidence sentences shown per relation")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table")] = False,
) -> None:
    """Show an entity's relations with the sentences that support them."""
    kg = _load(graph)
    try:
        node = kg.entity(entity)
        rels = kg.relations_around(node.id, depth=depth, relation=relation, kinds={kind} if kind else None)
    except KeyError as exc:
        raise _fail(exc) from None
    if as_json:
        _echo_json({"entity": asdict(node), "relations": [asdict(r) for r in rels]})
        return
    out = Console(soft_wrap=False)
    head = _plain(f"{node.label} ({node.type}) · {node.mentions} mentions in {node.documents} documents")
    if node.aliases:
        head.append_text(_plain(f" · aliases: {', '.join(node.aliases)}"))
    out.print(head)
    table = Table("relation", "n", "evidence", show_lines=True)
    table.columns[2].overflow = "fold"
    for r in rels:
        table.add_row(_link(r), str(r.count), _evidence_cell(r, evidence))
    out.print(table)
    out.print(f"{len(rels)} relations", markup=False)


def _link(rel) -> Text:
    """``source —relation→ target`` (co-occurrences undirected, qualified relations marked)."""
    if rel.kind != "pattern":
        return _plain(f"{rel.source} — {rel.target}").append(" (same sentence)", style="dim")
    marks = [m for m, on in (("negated", rel.negated), ("hypothetical", rel.hypothetical)) if on]
    text = _plain(f"{rel.source} —{rel.relation}→ {rel.target}")
    return text.append(f" ({', '.join(marks)})", style="yellow") if marks else text


@app.command("path")
def path_cmd(
    graph: Annotated[Path, typer.Argument(help="Output folder of `kg build`, or its graph.graphml")],
    source: Annotated[str, typer.Argument(help="First entity")],
    target: Annotated[str, typer.Argument(help="Last entity")],
    kind: Annotated[str | None, typer.Option(help="Only edges of this kind: pattern or cooccurrence")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text")] = False,
) -> None:
    """The shortest explained chain of relations between two entities (stated relations preferred)."""
    from kg.query import PathNotFound

    kg = _load(graph)
    try:
        hops = kg.path(source, target, kinds={kind} if kind else None)
    except (KeyError, PathNotFound) as exc:
        raise _fail(exc) from None
    if as_json:
        _echo_json([asdict(h) for h in hops])
        return
    out = Console(soft_wrap=False)
    for i, hop in enumerate(hops, 1):
        line = Text(f"{i}. ", style="bold")
        line.append_text(_link(hop))
        line.append(f"  ({hop.count} sentence{'s' if hop.count != 1 else ''})", style="dim")
        out.print(line)
        if hop.evidence:
            ev = hop.evidence[0]
            out.print(Text("   ").append_text(_plain(ev.sentence)).append(f"  [{ev.doc}:{ev.start}-{ev.end}]", "dim"))


@app.command("stats")
def stats_cmd(
    graph: Annotated[Path, typer.Argument(help="Output folder of `kg build`, or its graph.graphml")],
    top: Annotated[int, typer.Option(min=1, help="How many entities per ranking")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables")] = False,
) -> None:
    """Counts by entity type and relation, the most connected and most mentioned entities, communities."""
    st = _load(graph).stats(top=top)
    if as_json:
        _echo_json(st)
        return
    out = Console(soft_wrap=False)
    out.print(f"{st['entities']} entities, {st['relations']} relations "
              f"({', '.join(f'{n} {k}' for k, n in st['kinds'].items())})", markup=False)
    out.print(_counts("entities by type", "type", st["types"]))
    out.print(_counts("relations by label", "relation", st["relation_labels"]))
    for title, rows, col in (("top by degree", st["top_degree"], "neighbours"),
                             ("top by mentions", st["top_mentions"], "mentions")):
        out.print(_counts(title, "entity", dict(rows), col))
    table = Table("community", "size", "largest members", title="communities")
    for c in st["communities"]:
        table.add_row(str(c["id"]), str(c["size"]), _plain(", ".join(c["members"])))
    out.print(table)


def _counts(title: str, what: str, counts: dict, column: str = "count") -> Table:
    table = Table(what, column, title=title)
    for name, n in counts.items():
        table.add_row(_plain(name), str(n))
    return table


@app.callback()
def _root() -> None:
    """kg: offline entity knowledge graphs."""


def main() -> None:
    sys.exit(app())
