"""The `kg` command line: parses arguments, calls the library, turns its errors into messages."""
from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any, Callable

import click

from . import __version__
from .dictionary import load_dictionary
from .errors import StanceGraphError, StanceGraphWarning
from .model import SUGGEST_FROM, Stance, stance_to_dict
from .safety import DEFAULT_MAX_BYTES, one_line, terminal_safe

DEFAULT_SOURCES = "sources"
DEFAULT_OUT = "exports"
CACHE_DIR = ".cache"


def _fail(error: StanceGraphError) -> click.ClickException:
    message = one_line(str(error))
    if error.hint:
        message += f"\nHint: {one_line(error.hint)}"
    return click.UsageError(message) if error.usage else click.ClickException(message)


def _show_warning(message: Any, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    if issubclass(category, StanceGraphWarning):
        click.echo(f"warning: {one_line(str(message))}", err=True)
    else:
        _default_showwarning(message, category, *args, **kwargs)


_default_showwarning = warnings.showwarning


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's errors into one-line messages (exit status 1, 2 for usage), never a traceback.

    The library's warnings (a date-time cut to its date, a cache discarded) print as one
    `warning:` line each on standard error.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("always", StanceGraphWarning)
            warnings.showwarning = _show_warning
            try:
                return command(*args, **kwargs)
            except StanceGraphError as error:
                raise _fail(error) from None

    return wrapper


def out_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The export folder option shared by every command that reads or writes the built graph."""
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=DEFAULT_OUT,
        show_default=True,
        help="Folder of the built graph and its exports.",
    )(command)


def store_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Which store holds the built graph: the embedded Oxigraph store, rdflib in memory, or a SPARQL server."""
    return click.option(
        "--store",
        "store",
        metavar="SPEC",
        default=None,
        help="oxigraph[:PATH] (default: OUT/stancegraph.oxigraph), memory (rdflib; reads OUT/stancegraph.trig) "
        "or sparql:URL (a SPARQL 1.1 server, e.g. sparql:http://127.0.0.1:7878).",
    )(command)


def parse_export_formats(value: str) -> list[str]:
    """`ttl,trig` -> the format names, each checked against the export registry."""
    from .export import rdf_format

    names = [part.strip() for part in value.split(",") if part.strip()]
    try:
        return list(dict.fromkeys(rdf_format(name).name for name in names))
    except StanceGraphError as error:
        raise click.BadParameter(str(error) + (f" ({error.hint})" if error.hint else ""), param_hint="'--export'") from None


def sources_argument(command: Callable[..., Any]) -> Callable[..., Any]:
    """The source folder argument, `sources/` when not given."""
    return click.argument(
        "sources_dir",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=DEFAULT_SOURCES,
        required=False,
    )(command)


def ontology_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Where the vocabulary, actor dictionary, issue scheme and shapes come from."""
    return click.option(
        "--ontology",
        "ontology_dir",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help="Ontology folder (default: ./ontology, else the copy installed with the package).",
    )(command)


def format_stances(stances: list[Stance], fmt: str) -> str:
    """Stances as an aligned table or as JSON lines."""
    if fmt == "jsonl":
        return "".join(json.dumps({"id": s.stance_id, **stance_to_dict(s)}, ensure_ascii=False) + "\n" for s in stances)
    if not stances:
        return "no stances found\n"
    rows = [
        (
            s.holder,
            s.issue,
            s.polarity.value + (f" (on {s.condition})" if s.condition else ""),
            s.rule or s.method.value,
            f"{s.confidence:.2f}",
            f"{s.char_start}-{s.char_end}",
            s.quote if len(s.quote) <= 70 else s.quote[:69] + "…",
        )
        for s in stances
    ]
    # Article text may carry terminal escape sequences: show them, never send them raw.
    rows = [tuple(terminal_safe(cell.replace("\n", " ")) for cell in row) for row in rows]
    header = ("holder", "issue", "polarity", "rule", "conf", "span", "quote")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, tuple("-" * w for w in widths), *rows]]
    return "\n".join(lines) + f"\n({len(stances)} stance{'s' if len(stances) != 1 else ''})\n"


class ProgressBar:
    """A progress bar on standard error for builds long enough to need one, silent otherwise."""

    MIN_ARTICLES = 50
    #: An article this large takes the rules long enough that the user should hear about it.
    LARGE_ARTICLE_BYTES = 1_000_000

    def __init__(self, always: bool = False) -> None:
        self._bar: Any = None
        self._always = always

    @classmethod
    def for_folder(cls, sources_dir: Path) -> "ProgressBar":
        """A bar that also shows for few articles when some are large, after saying which."""
        large = []
        try:
            for entry in sorted(Path(sources_dir).iterdir()):
                if entry.suffix.lower() in (".txt", ".md") and entry.is_file():
                    size = entry.stat().st_size
                    if size >= cls.LARGE_ARTICLE_BYTES:
                        large.append((entry.name, size))
        except OSError:
            pass
        if large:
            from .safety import size_text

            names = ", ".join(f"{terminal_safe(name)} ({size_text(size)})" for name, size in large[:3])
            more = f" and {len(large) - 3} more" if len(large) > 3 else ""
            click.echo(f"note: large article(s): {names}{more}; the build may take minutes", err=True)
        return cls(always=bool(large))

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if (total < self.MIN_ARTICLES and not self._always) or not sys.stderr.isatty():
                return
            self._bar = click.progressbar(length=total, label="extracting", file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(1)
        if done == total:
            self._bar.__exit__(None, None, None)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stancegraph")
def cli() -> None:
    """stancegraph: turn news articles into an actor-position knowledge graph."""


@cli.command()
@sources_argument
@out_option
@ontology_option
@click.option(
    "--annotations",
    "annotation_paths",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Curated annotation file (repeatable). Default: SOURCES_DIR/annotations/*.yaml.",
)
@click.option("--no-annotations", is_flag=True, help="Leave curated annotations out.")
@click.option("--extract/--no-extract", default=True, show_default=True, help="Run automatic stance extraction.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Processes for extraction.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Extract every article again and rewrite every graph of the store, ignoring OUT_DIR/.cache.",
)
@store_option
@click.option(
    "--export",
    "export_formats",
    default="ttl,trig",
    show_default=True,
    metavar="FORMATS",
    help="Comma-separated RDF exports written from the store: ttl, trig, nt, nq, jsonld.",
)
@click.option("--no-export", is_flag=True, help="Write only the store: no RDF exports and no HTML page (large builds).")
@click.option("--strict", is_flag=True, help="Any file left out fails the build: nothing is written (exit status 1).")
@click.option("--follow-links", is_flag=True, help="Read symbolic links that lead outside SOURCES_DIR (refused by default).")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse article files larger than this many bytes.",
)
@reports_errors
def build(
    sources_dir: Path,
    out_dir: Path,
    ontology_dir: Path | None,
    annotation_paths: tuple[Path, ...],
    no_annotations: bool,
    extract: bool,
    jobs: int,
    no_cache: bool,
    store: str | None,
    export_formats: str,
    no_export: bool,
    strict: bool,
    follow_links: bool,
    max_bytes: int,
) -> None:
    """Build the graph from SOURCES_DIR into the store, then write Turtle, TriG and HTML into --out.

    Exit status: 0 when every file was read, 1 when some were left out (named on standard
    error; the graph holds the others) or the build failed, 2 for a wrong command line.
    """
    from .build import build_graph, write_build
    from .cache import BuildMemo, unchanged_summary
    from .safety import output_folder
    from .store import parse_store_spec
    from .viz import build_page, page_path

    formats = [] if no_export else parse_export_formats(export_formats)
    parse_store_spec(store, out_dir)  # a wrong --store fails before the articles are read
    annotations = [] if no_annotations else (list(annotation_paths) or None)
    memo = None if no_cache else BuildMemo(out_dir / CACHE_DIR, out_dir, store)
    inputs = {"annotations": annotations, "extract": extract, "ontology_dir": ontology_dir, "follow_links": follow_links,
              "max_bytes": max_bytes, "formats": formats, "store": store}
    with output_folder(out_dir, on_wait=lambda message: click.echo(f"note: {message}", err=True)):
        unchanged = memo.unchanged(sources_dir, inputs) if memo else None
        if unchanged is not None:
            # Nothing the build reads or wrote has changed: say what an unchanged build says, read nothing.
            for message in unchanged.warnings:
                warnings.warn(StanceGraphWarning(message))
            click.echo(unchanged.summary)
            if not no_export:
                click.echo(f"exports in {one_line(str(out_dir))} are up to date")
            return
        if memo:
            memo.forget()
        result = build_graph(
            sources_dir,
            annotations=annotations,
            extract=extract,
            ontology_dir=ontology_dir,
            on_progress=ProgressBar.for_folder(sources_dir) if extract else None,
            cache_dir=None if no_cache else out_dir / CACHE_DIR,
            jobs=jobs,
            follow_links=follow_links,
            max_bytes=max_bytes,
        )
        for problem in result.problems:
            click.echo(f"error: {one_line(str(problem))}", err=True)
        if strict and result.problems:
            raise click.ClickException(f"{len(result.problems)} file(s) could not be read; nothing written (--strict)")
        extra = {} if no_export else {page_path(out_dir): lambda: build_page(result)}
        written = write_build(result, out_dir, formats, extra=extra, store=store, incremental=not no_cache)
        if memo and not result.problems:
            memo.remember(sources_dir, inputs, unchanged_summary(result, extract))
    click.echo(result.summary())
    if written:
        click.echo("wrote: " + ", ".join(one_line(str(p)) for p in written))
    elif not no_export:
        click.echo(f"exports in {one_line(str(out_dir))} are up to date")
    if result.problems:
        raise click.ClickException(
            f"{len(result.problems)} file(s) could not be read; the graph holds the other {len(result.articles)}"
        )


@cli.command()
@click.argument("query")
@out_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Result format (json = SPARQL 1.1 Query Results JSON). CONSTRUCT always prints Turtle.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Write at most this many rows (a table shows 1000 unless told; csv, tsv and json stream every row).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    help="Stop the query after this many seconds (0: no limit).",
)
@click.option("--allow-service", is_flag=True, help="Let SERVICE clauses send requests to other SPARQL endpoints.")
@store_option
@reports_errors
def query(
    query: str, out_dir: Path, fmt: str, limit: int | None, timeout: float, allow_service: bool, store: str | None
) -> None:
    """Run a SPARQL QUERY (text, a .rq file, - for standard input, or a canned query name) over the built graph.

    Exit status: 0 when the query ran, 1 when it failed or was stopped, 2 for a wrong command
    line (an unknown canned query name included), 130 when interrupted with Ctrl-C.
    """
    from .queries import query_text
    from .store import open_store
    from .streaming import stream_query

    text = query_text(query)
    graph = open_store(out_dir, store)
    out = sys.stdout
    try:
        stream_query(
            graph,
            text,
            out,
            fmt,
            limit=limit,
            timeout=timeout or None,
            allow_service=allow_service,
            on_capped=lambda message: click.echo(f"note: {message}", err=True),
        )
        out.flush()
    except KeyboardInterrupt:
        click.echo("Error: query interrupted", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        # the engine's thread cannot be cancelled, and the interpreter would wait for it to give
        # the GIL back while shutting down: leave at once
        os._exit(130)
    except BrokenPipeError:
        # The reader went away (`kg query ... | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "trig", "nt", "nq", "jsonld"]),
    default="ttl",
    show_default=True,
    help="RDF serialisation to write.",
)
@out_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="File to write ('-' for standard output). Default: OUT/stancegraph.<ext>.",
)
@store_option
@reports_errors
def export(fmt: str, out_dir: Path, output: Path | None, store: str | None) -> None:
    """Write the built graph in another RDF format (from the store, byte-identical every run)."""
    from .export import BASENAME, export_store, rdf_format, store_export_to

    if output is not None and str(output) == "-":
        store_export_to(out_dir, fmt, sys.stdout.buffer, store)
        return
    target = output or out_dir / (BASENAME + rdf_format(fmt).extension)
    export_store(out_dir, {fmt: target}, store)
    click.echo(f"wrote: {target}")


@cli.command()
@out_option
@ontology_option
@store_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that validate rounds of named graphs side by side (the report is the same).")
@reports_errors
def validate(out_dir: Path, ontology_dir: Path | None, store: str | None, jobs: int) -> None:
    """Check the built graph against the SHACL shapes in the ontology folder."""
    from .store import reader
    from .validation import load_shapes, validate_store

    with reader(out_dir, store) as backend:
        report = validate_store(backend, load_shapes(ontology_dir), jobs=jobs)
    click.echo(report.format_text())
    if not report.conforms:
        raise click.ClickException(f"the graph does not conform to the shapes ({len(report.violations)} violation(s))")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@ontology_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="A readable table, or one JSON object per stance.",
)
@click.option("--explain", is_flag=True,
              help="Show, for each stance, its sentence, the parse around the cue and the rules that fired.")
@click.option("--dropped", is_flag=True,
              help="Then list what the stance model dropped: each stance rated under its threshold, with its "
                   "rating and the features that moved it.")
@reports_errors
def extract(file: Path, ontology_dir: Path | None, fmt: str, explain: bool, dropped: bool) -> None:
    """Show the stances the rules find in one article FILE, with the rule behind each."""
    from .extract import (dropped_stances, explain_stances, extract_with_dropped, format_dropped, format_explanation,
                          load_lexicon, load_rule_book)
    from .sources import read_article, read_manifest

    metadata = read_manifest(file.parent).get(file.name) if file.parent.is_dir() else None
    article = read_article(file, metadata)
    dictionary, lexicon, rules = load_dictionary(ontology_dir), load_lexicon(ontology_dir), load_rule_book(ontology_dir)
    if explain:
        click.echo(format_explanation(explain_stances(article, dictionary, lexicon, rules), fmt), nl=False)
        rated_low = dropped_stances(article, dictionary, lexicon, rules) if dropped else []
    else:
        stances, rated_low = extract_with_dropped(article, dictionary, lexicon, rules)
        click.echo(format_stances(stances, fmt), nl=False)
    if dropped:
        if fmt == "table":
            click.echo("")
        click.echo(format_dropped(rated_low, fmt), nl=False)


@cli.command(name="eval")
@click.argument("sources", nargs=-1, metavar="[SOURCES_DIR[:GOLD]]...")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Gold annotations (the curated annotation format) of the one folder scored; several folders "
         "each take their own, as FOLDER:GOLD or a gold.yaml inside them.",
)
@ontology_option
@click.option("--show", is_flag=True, help="List the misses and false positives with their quotes.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--ablate", "ablate", multiple=True, metavar="RULE",
              help="Switch a rule off (repeatable) and show what the scores lose or gain without it.")
@click.option("--enable", "enable", multiple=True, metavar="RULE",
              help="Switch a rule on (repeatable; also one the rule file ships off) and show what it would add.")
@click.option("--against", "against_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              metavar="DIRECTORY",
              help="Score with another ontology folder too (another stance model or rule file) and show what "
                   "this one gains over it, both scored on the same draws of articles.")
@click.option("--batch", "batch_size", type=click.IntRange(min=0), default=4, show_default=True, metavar="N",
              help="With more than N folders, count the batches of N (each pooled) that meet precision 0.75 and "
                   "F1 0.55, the bars for unseen news; 0 leaves the count out.")
@reports_errors
def evaluate_command(sources: tuple[str, ...], gold_path: Path | None, ontology_dir: Path | None, show: bool,
                     as_json: bool, ablate: tuple[str, ...], enable: tuple[str, ...], against_dir: Path | None,
                     batch_size: int) -> None:
    """Score automatic extraction on source folders against gold annotations (curated input left out);
    several folders are scored as one, their articles pooled (default folder: sources/)."""
    from .evaluation import added_by, evaluate_folders, format_added, gold_folders

    if against_dir is not None and (ablate or enable):
        raise click.UsageError("--against compares two ontology folders as they are; leave out --ablate and --enable")
    folders = gold_folders(sources or (str(DEFAULT_SOURCES),), gold_path)
    report = evaluate_folders(folders, ontology_dir=ontology_dir)
    report.batch_size = batch_size
    if against_dir is not None:
        other = evaluate_folders(folders, ontology_dir=against_dir)
        other.batch_size = batch_size
        gained = added_by(report, other)
        if as_json:
            click.echo(json.dumps({"this": report.to_dict(), "against": other.to_dict(), "against_dir": str(against_dir),
                                   "gained": gained}, indent=1, sort_keys=True))
            return
        click.echo(report.format_text(show=show))
        click.echo(f"\nagainst {against_dir}:")
        click.echo(other.format_text(show=show))
        click.echo(format_added(gained, (), label=f"what this ontology adds over {against_dir}"))
        return
    if ablate or enable:
        other = evaluate_folders(folders, ontology_dir=ontology_dir, ablate=ablate, enable=enable)
        other.batch_size = batch_size
        changed = sorted(ablate) + sorted(enable)
        # what the changed rules add: the scores with them on, less the scores with them off
        added = added_by(report, other) if ablate else added_by(other, report)
        if as_json:
            click.echo(json.dumps({"all_rules": report.to_dict(), "without": other.to_dict(), "ablated": sorted(ablate),
                                   "enabled": sorted(enable), "added": added}, indent=1, sort_keys=True))
            return
        click.echo(("without " if ablate else "with ") + ", ".join(changed) + (" on:" if not ablate else ":"))
        click.echo(other.format_text(show=show))
        click.echo(format_added(added, changed))
        return
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1, sort_keys=True))
    else:
        click.echo(report.format_text(show=show))


@cli.command()
@click.argument("specs", nargs=-1, required=True, metavar="FOLDER:[FIRST:]SECOND...")
@ontology_option
@click.option("--show", is_flag=True, help="List the tuples only one of the two wrote, with their quotes.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reports_errors
def agree(specs: tuple[str, ...], ontology_dir: Path | None, show: bool, as_json: bool) -> None:
    """How far two annotators agree: a second gold file of a folder's articles scored against the
    first (FOLDER/gold.yaml unless FIRST is given), on distinct (article, holder, issue, polarity)
    tuples, as `kg eval` scores extraction; several folders are pooled."""
    from .evaluation import agreement_folders, evaluate_agreement

    report = evaluate_agreement(agreement_folders(specs), ontology_dir=ontology_dir)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1, sort_keys=True))
        return
    click.echo("the second annotation against the first (tp: both wrote it; fp: the second alone; fn: the first alone)")
    click.echo(report.format_text(show=show))


@cli.command()
@sources_argument
@out_option
@ontology_option
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--reviewer", default=None, help="Name written with each decision (default: your user name).")
@click.option("--open", "open_page", is_flag=True, help="Open the review page in the default web browser.")
@click.option("--stats", is_flag=True, help="Print how the decisions came out per rule (the rules to fix first) and exit.")
@click.option("--suggest-from", "suggest_from", type=click.FloatRange(0.0, 1.0), default=SUGGEST_FROM, show_default=True,
              metavar="RATING", help="Also offer the stances the stance model dropped that it rated this high or "
                                     "higher; accepting one puts it in the next build.")
@click.option("--no-suggestions", is_flag=True, help="Offer only the stances the build keeps.")
@reports_errors
def review(
    sources_dir: Path, out_dir: Path, ontology_dir: Path | None, port: int, reviewer: str | None, open_page: bool, stats: bool,
    suggest_from: float, no_suggestions: bool,
) -> None:
    """Review the machine stances of SOURCES_DIR in the browser; decisions go to SOURCES_DIR/annotations/review.yaml."""
    from .review import ReviewSession, format_stats, read_review, review_stats

    session = ReviewSession(sources_dir, reviewer=reviewer, ontology_dir=ontology_dir, cache_dir=out_dir / CACHE_DIR,
                            suggest_from=None if no_suggestions or stats else suggest_from)
    if stats:
        log = read_review(session.path)
        click.echo(format_stats(review_stats(log, session.machine.stances), log))
        return
    import webbrowser

    from .reviewserver import serve_review

    server = serve_review(session, port)
    progress = session.progress()
    click.echo(f"reviewing {progress['total']} machine stance(s) of {len(session.machine.articles)} article(s), "
               f"{progress['reviewed']} decided; decisions go to {session.path}")
    if progress["suggested"]:
        click.echo(f"and {progress['suggested']} suggestion(s): stances the stance model dropped, rated "
                   f"{suggest_from:.2f} or more ({progress['suggested_reviewed']} decided)")
    click.echo(f"review page: {server.url}  (Ctrl+C to stop)")
    if open_page:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    click.echo(f"stopped. Run `kg build {sources_dir}` to build the graph with the decisions.")


@cli.command()
@out_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="HTML file to write ('-' for standard output). Default: OUT/stancegraph.html.",
)
@click.option(
    "--view",
    type=click.Choice(["actor-issue", "actor-actor"]),
    default="actor-issue",
    show_default=True,
    help="The view the page opens with (the page can switch to the other).",
)
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default web browser.")
@click.option(
    "--quotes",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Statements the page carries per link, the most recent (0: every one); it counts all of them.",
)
@store_option
@reports_errors
def viz(out_dir: Path, output: Path | None, view: str, open_page: bool, quotes: int, store: str | None) -> None:
    """Write the interactive network page (works offline) for the built graph."""
    import webbrowser

    from .export import write_files
    from .store import open_store
    from .viz import page_path, store_page

    page = store_page(open_store(out_dir, store), view, quotes_per_link=quotes or None)
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(page)
        return
    target = output or page_path(out_dir)
    write_files({target: page})
    click.echo(f"wrote: {target}")
    if open_page:
        webbrowser.open(target.resolve().as_uri())


# --- answers: questions analysts ask, each backed by a canned query in kg/sparql/ -----------------


def answer_format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The output format shared by every answer command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "tsv", "json"]),
        default="table",
        show_default=True,
        help="A readable table, CSV, TSV, or JSON (a list of objects).",
    )(command)


def actors_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Repeatable --actor: an id, label or alias (a person counts for the actor they speak for)."""
    return click.option(
        "--actor",
        "actors",
        multiple=True,
        metavar="ACTOR",
        help="Actor id, name or alias, e.g. Israel, Netanyahu, Washington (repeatable).",
    )(command)


def issues_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Repeatable --issue: an issue id or one of its names."""
    return click.option(
        "--issue",
        "issues",
        multiple=True,
        metavar="ISSUE",
        help="Issue id or name, e.g. reconstruction, truce (repeatable).",
    )(command)


def _print_answer(answer: Any, fmt: str) -> None:
    from .answers import format_answer

    click.echo(format_answer(answer, fmt), nl=False)
    if answer.cut is not None and fmt != "table":
        # A table says it under its rows; a file must stay parseable, so the note goes to standard error.
        click.echo(f"note: {answer.cut.message(written=True)}", err=True)


_DATE = click.DateTime(formats=["%Y-%m-%d"])
#: kg.answers.DEFAULT_LIMIT, written here so that the command line starts without loading the answers.
LISTING_LIMIT = 100


def limit_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--limit for listings: they grow with the corpus, so they stop after a page a person reads."""
    return click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=LISTING_LIMIT,
        show_default=True,
        help="Show at most this many rows (0: all); any format, with a note when rows are left out.",
    )(command)


@cli.command()
@actors_option
@issues_option
@click.option("--polarity", type=click.Choice(["support", "oppose", "conditional"]), default=None, help="Keep one polarity.")
@click.option("--since", type=_DATE, default=None, metavar="YYYY-MM-DD", help="Keep stances dated on or after this day.")
@click.option("--until", type=_DATE, default=None, metavar="YYYY-MM-DD", help="Keep stances dated on or before this day.")
@click.option("--source", "sources", multiple=True, metavar="SOURCE", help="Keep the stances of one source, by id (file stem; repeatable).")
@limit_option
@answer_format_option
@out_option
@store_option
@reports_errors
def stances(actors: tuple[str, ...], issues: tuple[str, ...], polarity: str | None, since: Any, until: Any, sources: tuple[str, ...],
            limit: int, fmt: str, out_dir: Path, store: str | None) -> None:
    """List stances with their quote, source, publisher, date and the rule or curation behind each."""
    from . import answers
    from .store import open_store

    answer = answers.stances(
        open_store(out_dir, store), actors, issues, polarity, since.date() if since else None, until.date() if until else None,
        sources=sources, limit=limit,
    )
    _print_answer(answer, fmt)


@cli.command()
@issues_option
@actors_option
@answer_format_option
@out_option
@store_option
@reports_errors
def positions(issues: tuple[str, ...], actors: tuple[str, ...], fmt: str, out_dir: Path, store: str | None) -> None:
    """Net position of each actor on each issue, with counts, distinct sources and publishers, first and last date."""
    from . import answers
    from .store import open_store

    _print_answer(answers.positions(open_store(out_dir, store), issues, actors), fmt)


@cli.command()
@issues_option
@actors_option
@limit_option
@answer_format_option
@out_option
@store_option
@reports_errors
@click.option("--order", type=click.Choice(["issue", "evidence"]), default="issue", show_default=True,
              help="issue: by issue, kind and actors; evidence: the pairs whose weaker side has the most statements first.")
@click.option("--min-statements", type=click.IntRange(min=1), default=1, show_default=True,
              help="Keep the pairs with at least this many statements on each side.")
def conflicts(issues: tuple[str, ...], actors: tuple[str, ...], limit: int, fmt: str, out_dir: Path, store: str | None,
              order: str, min_statements: int) -> None:
    """Actor pairs on opposite sides of an issue, with the strongest quote on each side."""
    from . import answers
    from .store import open_store

    _print_answer(answers.conflicts(open_store(out_dir, store), issues, actors, limit=limit, order=order,
                                    min_statements=min_statements), fmt)


@cli.command()
@issues_option
@answer_format_option
@out_option
@store_option
@reports_errors
def coalitions(issues: tuple[str, ...], fmt: str, out_dir: Path, store: str | None) -> None:
    """Groups of actors that share positions, with the issues that bind each group."""
    from . import answers
    from .store import open_store

    _print_answer(answers.coalitions(open_store(out_dir, store), issues), fmt)


@cli.command()
@actors_option
@issues_option
@limit_option
@answer_format_option
@out_option
@store_option
@reports_errors
def conditions(actors: tuple[str, ...], issues: tuple[str, ...], limit: int, fmt: str, out_dir: Path, store: str | None) -> None:
    """The sequencing graph: for whom must what come first, with the strongest quote."""
    from . import answers
    from .store import open_store

    _print_answer(answers.conditions(open_store(out_dir, store), actors, issues, limit=limit), fmt)


@cli.command()
@click.option("--actor", "actor", required=True, metavar="ACTOR", help="Actor id, name or alias, e.g. Israel or Netanyahu.")
@issues_option
@limit_option
@answer_format_option
@out_option
@store_option
@reports_errors
def timeline(actor: str, issues: tuple[str, ...], limit: int, fmt: str, out_dir: Path, store: str | None) -> None:
    """One actor's statements by date (the first ones, up to --limit), changes of position flagged, undated ones listed apart."""
    from . import answers
    from .store import open_store

    _print_answer(answers.timeline(open_store(out_dir, store), actor, issues, limit=limit), fmt)


@cli.command()
@click.argument("stance")
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_SOURCES,
    show_default=True,
    help="Source folder, to show the sentence around the quote.",
)
@answer_format_option
@out_option
@store_option
@reports_errors
def provenance(stance: str, sources_dir: Path, fmt: str, out_dir: Path, store: str | None) -> None:
    """Everything about one STANCE (its IRI, stance:HASH, or the hash, at least 6 hex digits)."""
    from . import answers
    from .store import open_store

    folder = sources_dir if sources_dir.is_dir() else None
    _print_answer(answers.provenance(open_store(out_dir, store), stance, folder), fmt)


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["two-mode", "congruence", "conflict", "subtract"]),
    default="congruence",
    show_default=True,
    help="The actor-issue network, or an actor-actor projection.",
)
@click.option(
    "--normalize",
    "normalization",
    type=click.Choice(["none", "average", "jaccard", "cosine"]),
    default="none",
    show_default=True,
    help="Scale tie weights by the number of issues each actor addresses.",
)
@click.option("--window", default=None, metavar="DAYS", help="One network per time window, e.g. 30d or 2w (undated stances left out).")
@issues_option
@actors_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "csv", "table", "json"]),
    default=None,
    help="graphml (default), gexf or csv (edge list); with --stats: table (default), csv or json.",
)
@click.option("--stats", is_flag=True, help="Print weighted degree, betweenness and eigenvector centrality per actor.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (with --window, one file per window: FILE's stem + first day). Default: standard output.",
)
@out_option
@store_option
@reports_errors
def network(
    kind: str,
    normalization: str,
    window: str | None,
    issues: tuple[str, ...],
    actors: tuple[str, ...],
    fmt: str | None,
    stats: bool,
    output: Path | None,
    out_dir: Path,
    store: str | None,
) -> None:
    """Discourse networks for Gephi and networkx: two-mode, congruence, conflict or subtract."""
    from . import answers
    from .export import write_files
    from .network import label_nodes, network_bytes
    from .store import open_store

    store = open_store(out_dir, store)
    fmt = fmt or ("table" if stats else "graphml")
    if stats:
        if fmt not in ("table", "csv", "json"):
            raise click.UsageError(f"--stats prints a table: use --format table, csv or json, not {fmt}")
        answer = answers.network_stats(store, kind, normalization, window, issues, actors)
        text = answers.format_answer(answer, fmt)
        if output:
            write_files({output: text.encode("utf-8")})
            click.echo(f"wrote: {output}", err=True)
        else:
            click.echo(text, nl=False)
        return
    if fmt not in ("graphml", "gexf", "csv"):
        raise click.UsageError(f"a network is written as graphml, gexf or csv, not {fmt} (tables are for --stats)")
    vocabulary = answers.vocabulary_from_store(store)
    graphs = answers.networks(store, kind, normalization, window, issues, actors, vocabulary=vocabulary)
    from .network import catalog_from_store

    catalog = catalog_from_store(store)
    if window is None:
        data = network_bytes(label_nodes(graphs[0][2], catalog), fmt)
        if output is None:
            sys.stdout.buffer.write(data)
            return
        write_files({output: data})
        click.echo(f"wrote: {output}", err=True)
        return
    if output is None:
        if fmt != "csv":
            raise click.UsageError("with --window, name a file with -o (one file per window), or use --format csv")
        sys.stdout.buffer.write(answers.windowed_csv(graphs))
        return
    files = {
        output.with_name(f"{output.stem}.{first}{output.suffix or '.' + fmt}"): network_bytes(label_nodes(graph, catalog), fmt)
        for first, _, graph in graphs
    }
    write_files(files)
    for path in files:
        click.echo(f"wrote: {path}", err=True)
    if not files:
        click.echo("no dated stances: no windows to write", err=True)


@cli.command()
@out_option
@click.option(
    "--store",
    "store",
    metavar="SPEC",
    default=None,
    help="oxigraph[:PATH] store to serve (default: OUT/stancegraph.oxigraph), or 'memory' for an empty "
    "writable server to build into with --store sparql:URL.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True, help="TCP port.")
@click.option("--writable", is_flag=True, help="Also accept SPARQL updates and Graph Store writes (default: read-only).")
@reports_errors
def serve(out_dir: Path, store: str | None, host: str, port: int, writable: bool) -> None:
    """Serve the built graph over the SPARQL 1.1 Protocol (YASGUI, Protégé, other tools) until Ctrl-C."""
    from .server import check_store_dir, server_command
    from .store import parse_store_spec

    spec = parse_store_spec(store, out_dir)
    if spec.kind == "sparql":
        raise click.UsageError("--store sparql:URL is already a server; serve an oxigraph store or memory")
    store_dir = None if spec.kind == "memory" else check_store_dir(spec.location)
    command = server_command(store_dir, host, port, writable)
    mode = "read-write" if writable or store_dir is None else "read-only"
    click.echo(f"SPARQL endpoint: http://{host}:{port}/query ({mode}; queries see the union of all graphs)")
    if mode == "read-write":
        click.echo(f"updates: http://{host}:{port}/update, graph store: http://{host}:{port}/store;"
                   f" build into it with --store sparql:http://{host}:{port}")
    click.echo("Ctrl-C stops the server.")
    sys.stdout.flush()
    # The server takes this process's place, so Ctrl-C and kill reach it directly.
    try:
        os.execv(command[0], command)
    except OSError as exc:
        raise click.ClickException(f"cannot start the Oxigraph server: {exc.strerror}") from None


def main() -> None:
    """Entry point of the `kg` console script."""
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
