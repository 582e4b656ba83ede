"""Command line: ``kg build``. The only module that knows argv."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
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

from kg.config import DEFAULT_MODEL, BuildConfig
from kg.schema import DocResult

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
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the NLP stage")] = 1,
    engine: Annotated[str, typer.Option(help="Where the NLP stage runs: local or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the result cache")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Result cache folder (default: .kg-cache or $KG_CACHE_DIR)")]
    = None,
) -> None:
    """Build the graph page, GraphML and evidence files from articles."""
    from kg.build import build, write_outputs
    from kg.cache import default_dir
    from kg.nlp import ModelNotFound
    from kg.read import find_files

    inputs = inputs or [Path("raw")]
    config = BuildConfig(model=model, patterns=patterns or [], relation_patterns=relation_patterns or [],
                         min_weight=min_weight, min_count=min_count, verbose=verbose, jobs=jobs, engine=engine,
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
            built = build(inputs, config, progress=_progress(bar, task))
        except (ModelNotFound, ValueError, RuntimeError) as exc:
            err.print(f"kg: {exc}", markup=False)
            raise typer.Exit(2) from None
    for skip in built.report.skipped:
        err.print(f"kg: skipped {skip.path}: {skip.reason}", markup=False)
    write_outputs(built, out)
    g = built.graph
    rep = built.report
    err.print(f"{rep.documents} documents, {g.number_of_nodes()} entities, {g.number_of_edges()} relations, "
              f"{rep.seconds:.1f} s → {out}", markup=False)


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


@app.callback()
def _root() -> None:
    """kg: offline entity knowledge graphs."""


def main() -> None:
    sys.exit(app())
