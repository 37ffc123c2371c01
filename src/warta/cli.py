"""The ``warta`` command. Each command parses options, calls one library function and
prints the result; ``WartaError`` is caught once (in ``main``) and printed as one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from warta.errors import WartaError

app = typer.Typer(
    name="warta",
    help="Indonesian news into structured, evidence-linked records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure warta against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    Optional[Path], typer.Option("--db", help="Store file (default: the per-user warta store).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a summary.")]


def _store(db: Path | None):  # noqa: ANN202
    from warta.store import open_store

    return open_store(db)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _sample_path() -> str:
    from importlib import resources

    return str(resources.files("warta.samples").joinpath("contoh-artikel.txt"))


@app.command()
def analyze(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories or - for stdin.")] = None,
    json_: JsonOption = False,
    sample: Annotated[bool, typer.Option("--sample", help="Analyse the bundled sample article.")] = False,
) -> None:
    """Analyse documents and print what warta found (nothing is stored)."""
    from warta.pipeline import analyze_documents
    from warta.render import render_analysis
    from warta.sources import iter_documents

    targets = list(paths or []) + ([_sample_path()] if sample else [])
    if not targets:
        raise typer.BadParameter("give at least one file, directory or -, or --sample")
    failed = 0
    results = analyze_documents(iter_documents(targets))
    for result in results:
        if isinstance(result, WartaError):
            failed += 1
            err.print(f"[red]error[/red] {result}", markup=True, soft_wrap=True)
            continue
        if json_:
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            render_analysis(result, out)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories or - for stdin.")] = None,
    db: DbOption = None,
    sample: Annotated[bool, typer.Option("--sample", help="Ingest the bundled sample article.")] = False,
    show: Annotated[bool, typer.Option("--show/--no-show", help="Print a summary of a single ingested article.")] = True,
) -> None:
    """Analyse documents and store them (re-ingesting an article updates it)."""
    from warta.ingest import ingest_paths
    from warta.render import render_analysis

    targets = list(paths or []) + ([_sample_path()] if sample else [])
    if not targets:
        raise typer.BadParameter("give at least one file, directory or -, or --sample")
    with _store(db) as store:
        report = ingest_paths(store, targets, on_error=lambda e: err.print(f"[red]error[/red] {e}", soft_wrap=True))
        if show and report.stored == 1 and report.last is not None:
            render_analysis(report.last, out)
        out.print(
            f"{report.stored} stored ({report.created} new, {report.updated} updated), "
            f"{report.failed} failed, {report.seconds:.1f} s -> {store.path}",
            soft_wrap=True,
        )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[Optional[str], typer.Argument(help="FTS5 query, e.g. 'sanksi AND Rusia'.")] = None,
    theme: Annotated[Optional[str], typer.Option(help="Only articles with this theme id.")] = None,
    entity: Annotated[Optional[str], typer.Option(help="Only articles mentioning this entity (name, KB id or CAMEO code).")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only articles from this outlet.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (ISO date).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published before (ISO date).")] = None,
    limit: int = 20,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Search stored articles."""
    with _store(db) as store:
        hits = store.search(query, theme=theme, entity=entity, outlet=outlet, since=since, until=until, limit=limit)
    if json_:
        _print_json([h.to_dict() for h in hits])
        return
    if not hits:
        out.print("no match")
    for h in hits:
        out.print(f"[bold]{h.id}[/bold]  {h.published or '?':<19}  {h.outlet or '':<10} {h.title or ''}")
        out.print(f"    {h.snippet}", markup=False)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Show one stored article's analysis."""
    from warta.render import render_analysis

    with _store(db) as store:
        analysis = store.get(doc_id)
    if analysis is None:
        raise WartaError(f"no stored article with id {doc_id!r}")
    if json_:
        _print_json(analysis.to_dict())
    else:
        render_analysis(analysis, out)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option(help="Speaker name (part of it) or KB id.")] = None,
    entity: Annotated[Optional[str], typer.Option(help="Only quotes that mention this text.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (ISO date).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published before (ISO date).")] = None,
    limit: int = 50,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """List stored quotations with their speakers."""
    with _store(db) as store:
        rows = store.quotes(speaker=speaker, mentioning=entity, since=since, until=until, limit=limit)
    if json_:
        _print_json(rows)
        return
    for r in rows:
        who = r["speaker"] or "(speaker unknown)"
        via = f" via {r['via']}" if r["via"] else ""
        out.print(f"[bold]{who}[/bold]{via}  [dim]{(r['published'] or '')[:10]} {r['doc_id']}[/dim]")
        out.print(f"    “{r['text']}”", markup=False)


@app.command()
def tone(
    entity: Annotated[str, typer.Argument(help="Entity name, KB id or CAMEO code.")],
    by: Annotated[str, typer.Option(help="day, month or year.")] = "day",
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Average tone toward an entity over time."""
    if by not in ("day", "month", "year"):
        raise typer.BadParameter("--by must be day, month or year")
    with _store(db) as store:
        rows = store.tone_over_time(entity, by=by)
    if json_:
        _print_json(rows)
        return
    for r in rows:
        out.print(f"{r['period']}  {r['tone'] if r['tone'] is not None else float('nan'):+.3f}  ({r['articles']} articles)")


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="Output file.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, parquet, gdelt-events, gdelt-mentions or gdelt-gkg.")] = "jsonl",
    since: Annotated[Optional[str], typer.Option(help="Published on or after (ISO date).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published before (ISO date).")] = None,
    db: DbOption = None,
) -> None:
    """Export stored analyses (JSONL, Parquet, GDELT 2.0 events / mentions / GKG)."""
    from warta.export import export_store

    with _store(db) as store:
        n = export_store(store, output, format=format, since=since, until=until)
    out.print(f"{n} rows -> {output}")


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, WARC archives, JSONL dumps.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output directory (Parquet datasets + manifest).")],
    engine: Annotated[str, typer.Option(help="local (worker processes) or ray.")] = "local",
    workers: Annotated[Optional[int], typer.Option(help="Workers (default: one per core).")] = None,
    address: Annotated[Optional[str], typer.Option(help="Ray cluster address (default: start a local Ray).")] = None,
    shard_size: Annotated[int, typer.Option(min=1, help="Documents per shard (the unit of resumption).")] = 64,
    lang: Annotated[Optional[str], typer.Option(help="Keep only documents in this language (e.g. id).")] = None,
    site: Annotated[Optional[list[str]], typer.Option(help="Keep only documents from this domain (repeatable).")] = None,
) -> None:
    """Analyse many documents in parallel into Parquet datasets; a rerun resumes."""
    from rich.progress import Progress

    from warta.batch import run_batch

    with Progress(transient=True, console=err) as bar:
        task = bar.add_task("batch", total=None)
        report = run_batch(inputs, out_dir, engine=engine, workers=workers, address=address, shard_size=shard_size,
                           lang=lang, sites=site, on_shard=lambda c: bar.advance(task, c["articles"] + c["errors"]))
    for sample in report.error_samples:
        err.print(f"[red]error[/red] {sample}", soft_wrap=True)
    out.print(f"{report.articles} articles in {report.shards} shards ({report.resumed} resumed), {report.errors} failed, "
              f"{report.skipped} skipped by language, {report.duplicates} near-duplicates, {report.seconds:.1f} s -> {out_dir}")
    if report.errors:
        raise typer.Exit(1)


@app.command("load")
def load_cmd(
    directory: Annotated[Path, typer.Argument(help="A warta batch output directory.")],
    db: DbOption = None,
) -> None:
    """Merge a batch output into the store (idempotent)."""
    from rich.markup import escape

    from warta.batch import load_batch

    with _store(db) as store:
        report = load_batch(directory, store, on_error=lambda e: err.print(f"[red]error[/red] {escape(str(e))}", soft_wrap=True))
        out.print(f"{report.loaded} articles loaded, {report.failed} failed -> {store.path} ({store.count()} in the store)")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    token: Annotated[Optional[str], typer.Option(envvar="WARTA_TOKEN", help="Enable POST /api/articles with this bearer token.")] = None,
) -> None:
    """Start the dashboard and HTTP API over the store."""
    try:
        import uvicorn

        from warta.web import create_app
    except ImportError as exc:
        raise WartaError(f"the dashboard needs the web extra: pip install 'warta[web]' ({exc.name} is missing)") from exc
    application = create_app(db)
    application.state.ingest_token = token
    out.print(f"warta dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs; store {application.state.store.path})")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@eval_app.command("ner")
def eval_ner(files: Annotated[list[Path], typer.Argument(help="BIO files (token<TAB>label or columns).")], json_: JsonOption = False) -> None:
    """Entity-level precision, recall, micro F1 and type-macro F1 of the shipped NER."""
    from warta.evaluation.ner import evaluate_ner

    report = evaluate_ner(files)
    _print_json(report.to_dict()) if json_ else out.print(report.format(), markup=False)


@eval_app.command("ud")
def eval_ud(file: Annotated[Path, typer.Argument(help="A CoNLL-U file.")], json_: JsonOption = False) -> None:
    """UPOS accuracy, UAS, LAS and sentence-boundary F1 of the shipped parser."""
    from warta.evaluation.ud import evaluate_ud

    report = evaluate_ud(file)
    _print_json(report.to_dict()) if json_ else out.print(report.format(), markup=False)


@eval_app.command("events")
def eval_events(files: Annotated[list[Path], typer.Argument(help="Gold JSONL in the events_dev.jsonl format.")], json_: JsonOption = False) -> None:
    """Event detection, root, code and actor precision/recall/F1, with a confusion table."""
    from warta.evaluation.events import evaluate_events

    report = evaluate_events(files)
    _print_json(report.to_dict()) if json_ else out.print(report.format(), markup=False)


def main() -> None:
    """Entry point: run the app, turning warta's errors into one line and exit code 2."""
    try:
        app()
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc}", soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
