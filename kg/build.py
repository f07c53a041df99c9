"""The main job: sources -> stances (extracted and curated) -> RDF dataset -> export files."""
from __future__ import annotations

import functools
import hashlib
import json
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Sequence

from .annotations import annotation_files, load_annotations
from .cache import ExtractionCache, RatedStanceCache, article_key, rated_dropped
from .dictionary import Dictionary, load_dictionary
from .errors import StanceGraphError
from .export import BASENAME, rdf_format, scratch_dir, staged_files, write_files
from .model import Article, Method, Stance, merge_stances
from .quads import GraphContent, ontology_graph, source_graphs
from .review import drop_rejected, load_negatives
from .safety import DEFAULT_MAX_BYTES
from .sources import load_articles

if TYPE_CHECKING:
    from rdflib import Dataset

    from .store import GraphStore, StoreUpdate

DEFAULT_FORMATS = ("ttl", "trig")


@dataclass
class BuildResult:
    """What a build produced, and the problems it met on the way (files it had to leave out)."""

    articles: list[Article]
    stances: list[Stance]
    dictionary: Dictionary
    problems: list[StanceGraphError] = field(default_factory=list)
    annotation_files: list[Path] = field(default_factory=list)
    cached_articles: int = 0
    store_update: StoreUpdate | None = None
    # with `with_dropped`: what the stance model dropped, each with its rating and the rating it needed
    dropped: list[tuple[Stance, float, float]] = field(default_factory=list)
    _dataset: Dataset | None = field(default=None, repr=False, compare=False)

    @property
    def dataset(self) -> Dataset:
        """The build as an rdflib Dataset, made on first use (the store path never needs it)."""
        if self._dataset is None:
            from rdflib import URIRef

            from .aggregates import AGGREGATES_GRAPH, aggregate_graph
            from .rdf import build_dataset

            dataset = build_dataset(self.articles, self.stances, self.dictionary.graph)
            dataset.graph(URIRef(AGGREGATES_GRAPH)).parse(
                data=aggregate_graph(self.articles, self.stances).nquads, format="nquads"
            )
            self._dataset = dataset
        return self._dataset

    def graphs(self) -> list[GraphContent]:
        """Every named graph of the build as N-Quads: the ontology, the aggregates, then one per source."""
        return list(self.iter_graphs())

    def iter_graphs(self) -> Iterator[GraphContent]:
        """The same graphs made one at a time (a build that writes no exports never holds them all).

        Each comes with a key of what its text is made from, and the text is made only when asked
        for: a store that holds a graph of the same key is not even sent its text. The aggregates
        graph is streamed: made and loaded in slices, never held whole.
        """
        from .aggregates import AGGREGATES_GRAPH, aggregate_parts
        from .namespaces import ONTOLOGY_GRAPH

        directory = self.dictionary.directory
        yield GraphContent(str(ONTOLOGY_GRAPH), key=_ontology_key(directory), make=lambda: ontology_graph(directory).nquads)
        sources = list(source_graphs(self.articles, self.stances))
        yield GraphContent(
            AGGREGATES_GRAPH,
            key=_aggregates_key(sources, self.stances),
            parts=lambda: aggregate_parts(self.articles, self.stances),
        )
        yield from sources

    @property
    def actors(self) -> set[str]:
        return {s.holder for s in self.stances}

    @property
    def issues(self) -> set[str]:
        return {s.issue for s in self.stances} | {s.condition for s in self.stances if s.condition}

    def summary(self) -> str:
        """A short account: articles read, stances by method, actors and issues, problems."""
        curated = sum(1 for s in self.stances if s.method is Method.CURATED)
        lines = [
            f"articles read: {len(self.articles)}"
            + (f" ({len(self.problems)} file(s) left out)" if self.problems else "")
            + (f" ({self.cached_articles} unchanged, taken from the cache)" if self.cached_articles else ""),
            f"stances: {len(self.stances)} ({len(self.stances) - curated} extracted, {curated} curated)",
            f"actors: {len(self.actors)}",
            f"issues: {len(self.issues)}",
        ]
        if self.store_update is not None:
            u = self.store_update
            lines.append(f"store: {u.written} graph(s) written, {u.unchanged} unchanged, {u.dropped} dropped")
        return "\n".join(lines)


def _code_digest(*modules: str) -> hashlib._Hash:
    """A digest started with the package version, pyoxigraph's and the source of the modules named."""
    import importlib

    import pyoxigraph

    from . import __version__

    digest = hashlib.sha256(f"{__version__}\x1f{pyoxigraph.__version__}".encode("utf-8"))
    for name in modules:
        digest.update(Path(importlib.import_module(name).__file__ or "").read_bytes())
    return digest


def _ontology_key(directory: Path | None) -> str:
    """What the ontology graph is made from: the ontology files and the code that reads them ("" when one is missing)."""
    from .dictionary import ONTOLOGY_FILES, default_ontology_dir

    folder = Path(directory) if directory else default_ontology_dir()
    digest = _code_digest("kg.quads", "kg.namespaces")
    try:
        for name in ONTOLOGY_FILES:
            digest.update(name.encode("utf-8") + b"\x00" + (folder / name).read_bytes())
    except OSError:
        return ""  # made, and its error reported, as usual
    return digest.hexdigest()


def _aggregates_key(sources: Sequence[GraphContent], stances: Sequence[Stance]) -> str:
    """What the aggregates graph is made from: every source's key (its metadata and stances), the order of
    the stances, and the code that sums them up."""
    digest = _code_digest("kg.aggregates", "kg.network", "kg.model", "kg.quads", "kg.namespaces")
    for graph in sources:
        digest.update(f"{graph.iri}\x1f{graph.key}\n".encode("utf-8"))
    digest.update("\x1f".join(s.source_id for s in stances).encode("utf-8"))
    return digest.hexdigest()


def build_graph(
    sources_dir: Path | str,
    *,
    annotations: Sequence[Path] | None = None,
    extract: bool = True,
    ontology_dir: Path | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cache_dir: Path | None = None,
    jobs: int = 1,
    follow_links: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    with_dropped: bool = False,
) -> BuildResult:
    """Read a source folder and build the dataset in memory.

    `on_progress(done, total)` is called after each article is extracted. With `cache_dir`,
    articles extracted by an earlier build with the same dictionaries are taken from the cache;
    `jobs` > 1 extracts the rest in that many processes. `with_dropped` caches what the stance model
    dropped too (what `kg review` suggests), from the same extraction.
    `follow_links` and `max_bytes` say which article files are read (see `load_articles`).
    `annotations` None means the folder's own `annotations/*.yaml`; an empty list means none.
    Unreadable articles become problems and the rest still builds; a bad annotation raises,
    because a graph that silently drops an analyst's corrections cannot be trusted.
    """
    dictionary = load_dictionary(ontology_dir)
    folder = load_articles(sources_dir, follow_links=follow_links, max_bytes=max_bytes, record_dir=cache_dir)
    files = annotation_files(Path(sources_dir)) if annotations is None else [Path(p) for p in annotations]
    by_id = folder.by_id()
    refused = {path.stem for path in folder.refused}
    curated: list[Stance] = []
    for path in files:
        curated.extend(load_annotations(path, by_id, dictionary, skip=refused))
    extracted: list[Stance] = []
    dropped: list[tuple[Stance, float, float]] = []
    cached = 0
    if extract:
        extracted, dropped, cached = _extract(folder.articles, dictionary, ontology_dir, cache_dir, jobs, on_progress,
                                              with_dropped)
    # Rule proposals an analyst rejected in review stay out wherever the same rule proposes them again.
    extracted = drop_rejected(extracted, load_negatives(files, dictionary))
    stances = merge_stances(curated, extracted)
    return BuildResult(
        articles=folder.articles,
        stances=stances,
        dictionary=dictionary,
        problems=list(folder.problems),
        annotation_files=files,
        cached_articles=cached,
        dropped=dropped,
    )


def _worker_init(ontology_dir: Path | None) -> None:
    global _WORKER_TABLES
    from .extract import load_lexicon, load_rule_book

    _WORKER_TABLES = (load_dictionary(ontology_dir), load_lexicon(ontology_dir), load_rule_book(ontology_dir))


_WORKER_TABLES: tuple | None = None


def _extract_articles(articles: Sequence[Article], tables: tuple,
                      with_dropped: bool) -> Iterator[tuple[list[Stance], list[tuple[Stance, float, float]]]]:
    """Each article's stances, and with `with_dropped` what the stance model dropped (as `rated_dropped`),
    in order; the sentences of several articles are parsed together."""
    from .extract import extract_many

    for stances, dropped in extract_many(articles, *tables, with_dropped=with_dropped):
        yield stances, rated_dropped(dropped) if with_dropped else []


def _worker_extract(articles: Sequence[Article], with_dropped: bool = False) -> list[tuple[list[Stance], list[tuple[Stance, float, float]]]]:
    assert _WORKER_TABLES is not None
    return list(_extract_articles(articles, _WORKER_TABLES, with_dropped))


def extract_batch(articles: Sequence[Article], ontology_dir: Path | None = None) -> list[list[Stance]]:
    """The rule stances of each article of a batch: the unit of work to map over a cluster engine.

    A pure function of the articles and the ontology folder (dictionaries loaded once per
    batch), so Dask, Ray or Spark can run batches anywhere and the results equal `--jobs 1`.
    """
    from .extract import load_lexicon, load_rule_book

    tables = (load_dictionary(ontology_dir), load_lexicon(ontology_dir), load_rule_book(ontology_dir))
    return [stances for stances, _ in _extract_articles(articles, tables, False)]


def extract_all(
    articles: Sequence[Article],
    dictionary: Dictionary,
    ontology_dir: Path | None = None,
    cache_dir: Path | None = None,
    jobs: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Stance], int]:
    """Rule stances of every article, and how many articles came from the cache.

    Cached articles are reused; the others are extracted, in `jobs` processes when jobs > 1.
    """
    stances, _, cached = _extract(articles, dictionary, ontology_dir, cache_dir, jobs, on_progress, False)
    return stances, cached


def _extract(
    articles: Sequence[Article],
    dictionary: Dictionary,
    ontology_dir: Path | None,
    cache_dir: Path | None,
    jobs: int,
    on_progress: Callable[[int, int], None] | None,
    with_dropped: bool,
) -> tuple[list[Stance], list[tuple[Stance, float, float]], int]:
    """`extract_all`, and with `with_dropped` what the stance model dropped too, from the same extraction
    and cached beside it (`RatedStanceCache`; an article whose dropped stances are not cached yet is
    extracted again)."""
    from .extract import extraction_fingerprint, load_lexicon, load_rule_book

    lexicon = load_lexicon(ontology_dir)
    rules = load_rule_book(ontology_dir)
    cache = ExtractionCache(cache_dir)
    dropped_cache = RatedStanceCache(cache_dir) if with_dropped else None
    fingerprint = extraction_fingerprint(dictionary, lexicon, rules)
    keys = [article_key(a, fingerprint) for a in articles]
    results: dict[int, list[Stance]] = {}
    dropped: dict[int, list[tuple[Stance, float, float]]] = {}
    todo: list[int] = []
    for index, key in enumerate(keys):
        cached = cache.get(key)
        rated = dropped_cache.get(key) if dropped_cache is not None and cached is not None else None
        if cached is None or (dropped_cache is not None and rated is None):
            todo.append(index)
        else:
            results[index], dropped[index] = cached, rated or []
    done = len(results)
    if on_progress is not None and done:
        on_progress(done, len(articles))

    def extracted(index: int, stances: list[Stance], rated: list[tuple[Stance, float, float]]) -> None:
        nonlocal done
        results[index], dropped[index] = stances, rated
        done += 1
        if on_progress is not None:
            on_progress(done, len(articles))

    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(ontology_dir,)) as pool:
            size = max(1, len(todo) // (jobs * 8))
            chunks = [todo[start:start + size] for start in range(0, len(todo), size)]
            work = functools.partial(_worker_extract, with_dropped=with_dropped)
            for chunk, outputs in zip(chunks, pool.map(work, [[articles[i] for i in chunk] for chunk in chunks])):
                for index, output in zip(chunk, outputs):
                    extracted(index, *output)
    else:
        outputs = _extract_articles([articles[i] for i in todo], (dictionary, lexicon, rules), with_dropped)
        for index, output in zip(todo, outputs):
            extracted(index, *output)
    for index in todo:
        cache.put(keys[index], results[index])
        if dropped_cache is not None:
            dropped_cache.put(keys[index], dropped[index])
    cache.save()
    if dropped_cache is not None:
        dropped_cache.save()
    return ([stance for index in range(len(articles)) for stance in results[index]],
            [item for index in range(len(articles)) for item in dropped[index]], len(articles) - len(todo))


def export_paths(out_dir: Path | str, formats: Iterable[str] = DEFAULT_FORMATS) -> dict[str, Path]:
    """Where each export of a build goes: `OUT_DIR/stancegraph.<ext>`."""
    out = Path(out_dir)
    return {name: out / (BASENAME + rdf_format(name).extension) for name in formats}


def store_graphs(
    graphs: Iterable[GraphContent], store: GraphStore, state_file: Path | None = None, fresh: bool = False
) -> StoreUpdate:
    """Bring the store in step with a build's graphs: changed sources replaced, removed ones dropped (all rewritten when `fresh`)."""
    from .store import OxigraphStore, update_store

    update = update_store(store, graphs, state_file, fresh=fresh)
    if update.written and isinstance(store, OxigraphStore):
        store.optimize()
    return update


class GraphTexts:
    """The N-Quads text of each graph a store update makes, copied to a file as it is made, so that the
    exports read the very lines the store was loaded with and no graph's text is made twice."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = open(path, "w", encoding="utf-8", newline="\n")
        self._made: set[str] = set()
        self._seen = 0

    def watch(self, graphs: Iterable[GraphContent]) -> Iterator[GraphContent]:
        """The same graphs, each copied to the file when (and if) its text is made."""
        for graph in graphs:
            self._seen += 1
            if graph.streamed:
                yield GraphContent(graph.iri, key=graph.key, parts=lambda graph=graph: self._keep_parts(graph))
            else:
                yield GraphContent(graph.iri, key=graph.key, make=lambda graph=graph: self._keep(graph))

    def _keep(self, graph: GraphContent) -> str:
        text = graph.nquads
        graph.release()
        self._handle.write(text)  # made twice (after a release) -> repeated lines, which the export drops
        self._made.add(graph.iri)
        return text

    def _keep_parts(self, graph: GraphContent) -> Iterator[str]:
        # Copied on the first full pass only (a later pass would repeat the lines).
        copy = graph.iri not in self._made
        for part in graph.iter_parts():
            if copy:
                self._handle.write(part)
            yield part
        self._made.add(graph.iri)

    def complete(self, graphs: Iterable[GraphContent]) -> Path:
        """Add the text of every graph the update did not make (unchanged in the store); returns the file."""
        if len(self._made) < self._seen:
            for graph in graphs:
                if graph.iri not in self._made:
                    self._handle.writelines(graph.iter_parts())
                    graph.release()
        self.close()
        return self.path

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()


def write_exports(graph_texts: Path, targets: Mapping[str, Path], scratch: Path | None = None) -> None:
    """Write a build's export files (`targets`: format name -> file) from its graphs' N-Quads (a file of
    GraphTexts): sorted on disk in `scratch`, so memory stays flat, and the bytes equal what `kg export`
    later reads back from the store."""
    from .export import export_nquads

    export_nquads(graph_texts, targets, tmp_dir=scratch)


EXPORTS_RECORD = "exports.json"


def _record_key(dataset_digest: str, name: str) -> str:
    from . import __version__

    return hashlib.sha256(f"{__version__}\x1f{name}\x1f{dataset_digest}".encode("utf-8")).hexdigest()


def _read_record(path: Path) -> dict[str, list]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _up_to_date(record: dict[str, list], path: Path, key: str) -> bool:
    """Whether the file is the one an earlier build wrote from the same dataset (and nobody changed its size)."""
    entry = record.get(path.name)
    return bool(entry) and entry[0] == key and path.is_file() and path.stat().st_size == entry[1]


def write_build(
    result: BuildResult,
    out_dir: Path | str,
    formats: Iterable[str] = DEFAULT_FORMATS,
    extra: Mapping[Path, bytes | Callable[[], bytes]] | None = None,
    store: str | None = None,
    incremental: bool = True,
    timings: dict[str, float] | None = None,
) -> list[Path]:
    """Write a build into its store (`store`: a `--store` value; the out folder's Oxigraph store by default),
    then the export files; every file is replaced whole or not at all. Returns the files written.

    With `incremental`, only graphs that changed since the last build are written to the store,
    and export files (and `extra` files given as callables, which then are not even made) are
    left alone when the dataset they came from has not changed. `timings`, when given, receives
    the seconds each phase took: `store` (graphs made and loaded), `exports`, `extra`.
    """
    from .store import connect, parse_store_spec, state_path

    out = Path(out_dir)
    spec = parse_store_spec(store, out)
    state = None if spec.kind == "memory" else state_path(out / ".cache", spec)
    formats = list(formats)
    record_path = out / ".cache" / EXPORTS_RECORD
    record = _read_record(record_path) if incremental else {}
    written: dict[Path, int] = {}
    with ExitStack() as stack:
        backend = stack.enter_context(connect(spec, out, writable=True))
        texts = None
        if formats:
            out.mkdir(parents=True, exist_ok=True)
            scratch = Path(stack.enter_context(scratch_dir(out, "build")))
            texts = GraphTexts(scratch / "graphs.nq")
            stack.callback(texts.close)
        started = time.perf_counter()
        # The graphs are made and loaded in slices, never all held; their text goes on to the exports on disk.
        graphs = result.iter_graphs() if texts is None else texts.watch(result.iter_graphs())
        result.store_update = update = store_graphs(graphs, backend, state, fresh=not incremental)
        phases = {"store": time.perf_counter() - started}
        paths = export_paths(out, formats)
        keys = {path: _record_key(update.dataset_digest, path.name) for path in [*paths.values(), *(extra or {})]}
        stale = {name: path for name, path in paths.items() if not _up_to_date(record, path, keys[path])}
        if stale and texts is not None:
            with staged_files(stale.values()) as staged:
                write_exports(texts.complete(result.iter_graphs()), {n: staged[p] for n, p in stale.items()}, scratch)
                written = {path: staged[path].stat().st_size for path in stale.values()}
        phases["exports"] = time.perf_counter() - started - phases["store"]
    extras: dict[Path, bytes] = {}
    for path, data in (extra or {}).items():
        if callable(data):
            if _up_to_date(record, path, keys[path]):
                continue
            data = data()
        extras[path] = data
    if extras:
        write_files(extras)
        written.update((path, len(data)) for path, data in extras.items())
    if written:
        for path, size in written.items():
            record[path.name] = [keys[path], size]
        if spec.kind != "memory":
            write_files({record_path: json.dumps(dict(sorted(record.items())), indent=0).encode("utf-8")})
    phases["extra"] = time.perf_counter() - started - phases["store"] - phases["exports"]
    if timings is not None:
        timings.update(phases)
    return sorted(written)
