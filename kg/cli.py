"""Command line: ``kg build``. The only module that knows argv."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.config import DEFAULT_MODEL, BuildConfig

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Offline entity knowledge graphs from news.")
err = Console(stderr=True, soft_wrap=True)


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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Explain merges")] = False,
) -> None:
    """Build the graph page, GraphML and evidence files from articles."""
    from kg.build import build, write_outputs
    from kg.nlp import ModelNotFound
    from kg.read import find_files

    inputs = inputs or [Path("raw")]
    config = BuildConfig(model=model, patterns=patterns or [], relation_patterns=relation_patterns or [],
                         min_weight=min_weight, min_count=min_count, verbose=verbose)
    try:
        total = len(find_files(inputs))
    except FileNotFoundError as exc:
        err.print(f"kg: {exc}")
        raise typer.Exit(2) from None
    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("docs", total=total)
        try:
            built = build(inputs, config, progress=lambda _r: bar.advance(task))
        except (ModelNotFound, ValueError) as exc:
            err.print(f"kg: {exc}", markup=False)
            raise typer.Exit(2) from None
    for skip in built.report.skipped:
        err.print(f"kg: skipped {skip.path}: {skip.reason}", markup=False)
    write_outputs(built, out)
    g = built.graph
    rep = built.report
    err.print(f"{rep.documents} documents, {g.number_of_nodes()} entities, {g.number_of_edges()} relations, "
              f"{rep.seconds:.1f} s → {out}", markup=False)


@app.callback()
def _root() -> None:
    """kg: offline entity knowledge graphs."""


def main() -> None:
    sys.exit(app())
