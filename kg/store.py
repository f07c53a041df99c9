"""Where the built graph lives: an on-disk Oxigraph store by default, rdflib in memory, or a SPARQL 1.1 server.

Backends are chosen by name through one registry (`--store oxigraph:PATH | memory | sparql:URL`).
Each holds one named graph per source plus the ontology graph, answers SPARQL with pyoxigraph's
result types (so `kg.queries.run_query` works on any of them), replaces or drops whole named
graphs, and dumps its quads for the exporters.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import pyoxigraph

from .errors import GraphNotBuiltError, StanceGraphError, StoreError
from .export import BASENAME
from .namespaces import ID
from .quads import GraphContent

#: The folder of the default store inside an export folder.
STORE_DIR = BASENAME + ".oxigraph"
#: The file a store loads when asked to open a single RDF file, or the memory backend reads.
GRAPH_FILE = BASENAME + ".trig"
#: Named graphs the build manages (sources, ontology, aggregates); others in a shared store are left alone.
MANAGED_GRAPHS = ID + "graph/"

_OX_FORMATS = {
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
}
# Bulk loads are fed in slices of about this many characters, so a build never holds a second
# copy of the whole dataset as one string.
_LOAD_CHUNK = 32 * 1024 * 1024


@dataclass(frozen=True)
class StoreSpec:
    """A parsed `--store` value: the backend name and where it is (a folder, a URL, or nothing)."""

    kind: str
    location: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.location}" if self.location else self.kind


def parse_store_spec(spec: str | None, out_dir: Path | str) -> StoreSpec:
    """Read `oxigraph[:PATH]`, `memory` or `sparql:URL`; None means the Oxigraph store in the out folder."""
    if spec is None or spec.strip() in ("", "oxigraph"):
        return StoreSpec("oxigraph", str(Path(out_dir) / STORE_DIR))
    kind, _, location = spec.strip().partition(":")
    kind = kind.lower()
    if kind not in BACKENDS:
        raise StoreError(
            f"unknown store {spec!r}",
            hint="use oxigraph:PATH, memory or sparql:URL (e.g. sparql:http://127.0.0.1:7878)",
        )
    if kind == "oxigraph":
        return StoreSpec("oxigraph", location or str(Path(out_dir) / STORE_DIR))
    if kind == "sparql":
        if not location.startswith(("http://", "https://")):
            raise StoreError(f"store {spec!r}: sparql needs an http(s) URL", hint="e.g. sparql:http://127.0.0.1:7878")
        return StoreSpec("sparql", location.rstrip("/"))
    if location:
        raise StoreError(f"store {spec!r}: memory takes no location", hint="use --store memory")
    return StoreSpec("memory", str(Path(out_dir)))


class GraphStore:
    """What every backend offers: SPARQL reads, named-graph writes, and a dump of all quads."""

    spec: StoreSpec

    def query(self, query: str, use_default_graph_as_union: bool = True) -> Any:
        """Run a SPARQL query; answers are pyoxigraph QuerySolutions, QueryBoolean or triples."""
        raise NotImplementedError

    def graph_names(self) -> set[str]:
        """IRIs of the named graphs in the store."""
        raise NotImplementedError

    def drop_graphs(self, iris: Iterable[str]) -> None:
        """Remove these named graphs and all their quads."""
        raise NotImplementedError

    def replace_graphs(self, graphs: Sequence[GraphContent]) -> None:
        """Put each graph in the store in place of any earlier graph of the same name."""
        raise NotImplementedError

    def dump_nquads(self) -> bytes:
        """Every quad of the store as N-Quads, in no particular order."""
        raise NotImplementedError

    def graph_lines(self, iri: str) -> Iterator[str]:
        """The triples of one named graph as N-Triples lines, those of one subject next to each other."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store (flushes writes)."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chunks(graphs: Sequence[GraphContent]) -> Iterator[str]:
    """The graphs' text in slices of about `_LOAD_CHUNK` characters (a streamed graph's slices as they are made)."""
    batch: list[str] = []
    size = 0
    for graph in graphs:
        for part in graph.iter_parts():
            batch.append(part)
            size += len(part)
            if size >= _LOAD_CHUNK:
                yield "".join(batch)
                batch, size = [], 0
    if batch:
        yield "".join(batch)


class OxigraphStore(GraphStore):
    """The embedded default: a pyoxigraph store on disk, opened read-only by readers."""

    store: Any

    def __init__(self, spec: StoreSpec, writable: bool = False) -> None:
        self.spec = spec
        self.writable = writable
        path = Path(spec.location)
        if writable:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.store = pyoxigraph.Store(str(path))
            except OSError as exc:
                if "lock" in str(exc).lower():
                    raise StoreError(
                        f"{path}: the store is in use by another process",
                        hint="stop the 'kg serve' or build that holds it, then build again",
                    ) from None
                raise StoreError(f"{path}: cannot open the store: {exc}") from None
        else:
            if not (path / "CURRENT").is_file():
                raise GraphNotBuiltError(
                    f"{path}: no built graph here", hint="run 'kg build' first, or name the folder with --out"
                )
            try:
                self.store = pyoxigraph.Store.read_only(str(path))
            except OSError as exc:
                raise StoreError(f"{path}: cannot open the store: {exc}") from None

    def query(self, query: str, use_default_graph_as_union: bool = True) -> Any:
        return self.store.query(query, use_default_graph_as_union=use_default_graph_as_union)

    def graph_names(self) -> set[str]:
        return {g.value for g in self.store.named_graphs() if isinstance(g, pyoxigraph.NamedNode)}

    def drop_graphs(self, iris: Iterable[str]) -> None:
        for iri in iris:
            self.store.remove_graph(pyoxigraph.NamedNode(iri))

    def replace_graphs(self, graphs: Sequence[GraphContent]) -> None:
        present = self.graph_names()
        self.drop_graphs(g.iri for g in graphs if g.iri in present)
        for chunk in _chunks(graphs):
            # The build wrote and checked every term itself: skip the loader's IRI validation.
            self.store.bulk_load(chunk.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)

    def dump_nquads(self) -> bytes:
        return self.store.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b""

    def graph_lines(self, iri: str) -> Iterator[str]:
        # Streamed from the graph-subject index: a subject's triples come together, nothing is held.
        for quad in self.store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(iri)):
            yield f"{quad.subject} {quad.predicate} {quad.object} ."

    def optimize(self) -> None:
        """Compact the files after a bulk load, so that later reads open and run fast."""
        self.store.optimize()

    def close(self) -> None:
        if self.store is not None:
            if self.writable:
                self.store.flush()
            # Dropping the last reference closes the database and releases its lock.
            self.store = None

    def __len__(self) -> int:
        return len(self.store)


def _rdflib_to_pyoxigraph(answer: Any) -> Any:
    """An rdflib query result in pyoxigraph's types, so every backend answers alike."""
    if answer.type == "CONSTRUCT" or answer.type == "DESCRIBE":
        data = answer.graph.serialize(format="nt11", encoding="utf-8")
        return [q.triple for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)]
    data = answer.serialize(format="json")
    return pyoxigraph.parse_query_results(data, format=pyoxigraph.QueryResultsFormat.JSON)


class MemoryStore(GraphStore):
    """rdflib's in-memory dataset: for small graphs and notebooks; readers load the TriG export."""

    def __init__(self, spec: StoreSpec, writable: bool = False) -> None:
        from rdflib import Dataset

        from .rdf import bind_prefixes

        self.spec = spec
        self.dataset = bind_prefixes(Dataset(default_union=True))
        if not writable:
            path = Path(spec.location)
            path = path / GRAPH_FILE if path.is_dir() or not path.suffix else path
            if not path.is_file():
                raise GraphNotBuiltError(
                    f"{path}: no TriG export to load into memory",
                    hint="run 'kg build' with the TriG export (the default), or use the Oxigraph store",
                )
            try:
                self.dataset.parse(path, format="trig")
            except Exception as exc:  # rdflib's parsers raise assorted exception types
                raise StoreError(f"{path}: cannot parse the graph: {exc}".splitlines()[0]) from None

    def query(self, query: str, use_default_graph_as_union: bool = True) -> Any:
        from pyparsing import ParseException

        try:
            answer = self.dataset.query(query)
        except ParseException as exc:
            raise SyntaxError(f"error at {exc.lineno}:{exc.col}: {exc.msg}") from None
        except Exception as exc:  # rdflib evaluation raises assorted types
            raise RuntimeError(str(exc)) from None
        return _rdflib_to_pyoxigraph(answer)

    def graph_names(self) -> set[str]:
        return {str(g.identifier) for g in self.dataset.graphs() if len(g) and str(g.identifier) != "urn:x-rdflib:default"}

    def drop_graphs(self, iris: Iterable[str]) -> None:
        from rdflib import URIRef

        for iri in iris:
            self.dataset.remove_graph(URIRef(iri))

    def replace_graphs(self, graphs: Sequence[GraphContent]) -> None:
        self.drop_graphs(g.iri for g in graphs)
        for chunk in _chunks(graphs):
            self.dataset.parse(data=chunk, format="nquads")

    def dump_nquads(self) -> bytes:
        return self.dataset.serialize(format="nquads", encoding="utf-8")

    def graph_lines(self, iri: str) -> Iterator[str]:
        from rdflib import URIRef

        data = self.dataset.graph(URIRef(iri)).serialize(format="nt11", encoding="utf-8").decode("utf-8")
        yield from sorted(line for line in data.split("\n") if line.strip())

    def __len__(self) -> int:
        return sum(len(g) for g in self.dataset.graphs())


class SparqlStore(GraphStore):
    """Any SPARQL 1.1 server: Query for reads, Update to drop graphs, the Graph Store Protocol to load them.

    `sparql:BASE` follows the Oxigraph server's layout (BASE/query, BASE/update, BASE/store); a URL
    ending in `/sparql` (Virtuoso, QLever) is used for queries and updates alike, with Virtuoso's
    `/sparql-graph-crud` beside it for the Graph Store Protocol. Queries see the union of the
    named graphs: Oxigraph is asked for it per request, other servers must serve it as their
    default graph (Virtuoso does; Fuseki with `unionDefaultGraph`).
    """

    def __init__(self, spec: StoreSpec, writable: bool = False, timeout: float = 300.0) -> None:
        self.spec = spec
        base = spec.location
        # Oxigraph takes a whole N-Quads document on its store endpoint; other servers get one
        # HTTP PUT of N-Triples per graph, which every Graph Store Protocol server understands.
        self.quads_upload = not base.endswith("/sparql")
        if base.endswith("/sparql"):
            self.query_url = self.update_url = base
            self.store_url = base[: -len("sparql")] + "sparql-graph-crud"
        else:
            self.query_url, self.update_url, self.store_url = base + "/query", base + "/update", base + "/store"
        self.timeout = timeout

    def _request(self, url: str, data: bytes | None, headers: Mapping[str, str], method: str = "POST") -> tuple[str, bytes]:
        request = urllib.request.Request(url, data=data, headers=dict(headers), method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise _HttpError(exc.code, detail[0] if detail else exc.reason) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(
                f"cannot reach the SPARQL server at {self.spec.location}: {reason}",
                hint="start it (e.g. 'kg serve --writable') or check the URL",
            ) from None

    def query(self, query: str, use_default_graph_as_union: bool = True) -> Any:
        url = self.query_url + ("?union-default-graph" if use_default_graph_as_union and not self.query_url.endswith("/sparql") else "")
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        }
        try:
            content_type, body = self._request(url, urllib.parse.urlencode({"query": query}).encode(), headers)
        except _HttpError as exc:
            if exc.status == 400:
                raise SyntaxError(exc.detail) from None
            raise StoreError(f"the SPARQL server refused the query ({exc.status}): {exc.detail}") from None
        try:
            if "n-triples" in content_type or "turtle" in content_type:
                fmt = pyoxigraph.RdfFormat.N_TRIPLES if "n-triples" in content_type else pyoxigraph.RdfFormat.TURTLE
                return [q.triple for q in pyoxigraph.parse(body, format=fmt)]
            return pyoxigraph.parse_query_results(_plain_blank_nodes(body), format=pyoxigraph.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the SPARQL server at {self.spec.location} sent an answer that cannot be read: {exc}") from None

    def update(self, update: str) -> None:
        """Run a SPARQL update on the server."""
        try:
            self._request(self.update_url, urllib.parse.urlencode({"update": update}).encode(),
                          {"Content-Type": "application/x-www-form-urlencoded"})
        except _HttpError as exc:
            raise StoreError(f"the SPARQL server refused an update ({exc.status}): {exc.detail}") from None

    def graph_names(self) -> set[str]:
        names: set[str] = set()
        # An empty pattern lists graphs without reading them; Virtuoso answers it with nothing, so
        # fall back to graphs that hold a triple.
        for pattern in ("{ }", "{ ?s ?p ?o }"):
            answer = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {pattern} }}", use_default_graph_as_union=False)
            names = {row["g"].value for row in answer if isinstance(row["g"], pyoxigraph.NamedNode)}
            if names:
                break
        return names

    def drop_graphs(self, iris: Iterable[str]) -> None:
        batch: list[str] = []
        for iri in iris:
            batch.append(f"DROP SILENT GRAPH <{iri}>")
            if len(batch) == 500:
                self.update(" ;\n".join(batch))
                batch = []
        if batch:
            self.update(" ;\n".join(batch))

    def replace_graphs(self, graphs: Sequence[GraphContent]) -> None:
        if not self.quads_upload:
            self._put_graphs(graphs)
            return
        try:
            self.drop_graphs(g.iri for g in graphs)
            for chunk in _chunks(graphs):
                self._request(self.store_url, chunk.encode("utf-8"), {"Content-Type": "application/n-quads"})
        except _HttpError as exc:
            if exc.status not in (400, 405, 415):
                raise StoreError(f"the SPARQL server refused the data ({exc.status}): {exc.detail}") from None
            self._put_graphs(graphs)

    def _put_graphs(self, graphs: Sequence[GraphContent]) -> None:
        """Graph by graph (HTTP PUT of N-Triples): for servers whose Graph Store endpoint takes no quads."""
        for graph in graphs:
            suffix = f" <{graph.iri}> .\n"
            url = self.store_url + "?" + urllib.parse.urlencode({"graph": graph.iri})
            # A streamed graph's first slice replaces the graph, the next ones are added to it.
            for number, part in enumerate(graph.iter_parts()):
                triples = "".join(line[: -len(suffix)] + " .\n" for line in part.splitlines(keepends=True))
                try:
                    self._request(url, triples.encode("utf-8"), {"Content-Type": "application/n-triples"},
                                  method="PUT" if number == 0 else "POST")
                except _HttpError as exc:
                    raise StoreError(f"the SPARQL server refused graph <{graph.iri}> ({exc.status}): {exc.detail}") from None

    def dump_nquads(self) -> bytes:
        # Only the build's graphs: a shared server holds others (Virtuoso its own system graphs).
        answer = self.query(
            f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), \"{MANAGED_GRAPHS}\") }}",
            use_default_graph_as_union=False,
        )
        return "".join(f"{r['s']} {r['p']} {r['o']} {r['g']} .\n" for r in answer).encode("utf-8")

    def graph_lines(self, iri: str) -> Iterator[str]:
        answer = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}", use_default_graph_as_union=False)
        yield from sorted(f"{r['s']} {r['p']} {r['o']} ." for r in answer)

    def __len__(self) -> int:
        answer = self.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), \"{MANAGED_GRAPHS}\") }}",
            use_default_graph_as_union=False,
        )
        return int(next(iter(answer))["n"].value)


def _plain_blank_nodes(body: bytes) -> bytes:
    """SPARQL JSON results with blank node labels that RDF syntax allows (Virtuoso writes `nodeID://b1`)."""
    if b'"bnode"' not in body:
        return body
    data = json.loads(body)
    for binding in data.get("results", {}).get("bindings", []):
        for term in binding.values():
            if term.get("type") == "bnode":
                term["value"] = "b" + hashlib.sha1(term["value"].encode("utf-8")).hexdigest()
    return json.dumps(data).encode("utf-8")


class _HttpError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status} {detail}")
        self.status = status
        self.detail = detail


#: Backend name -> class; `--store NAME:LOCATION` picks one.
BACKENDS: dict[str, Callable[..., GraphStore]] = {
    "oxigraph": OxigraphStore,
    "memory": MemoryStore,
    "sparql": SparqlStore,
}


def connect(spec: str | StoreSpec | None, out_dir: Path | str, writable: bool = False) -> GraphStore:
    """Open the store a `--store` value names (the out folder's Oxigraph store when None)."""
    parsed = spec if isinstance(spec, StoreSpec) else parse_store_spec(spec, out_dir)
    return BACKENDS[parsed.kind](parsed, writable=writable)


def graph_file(location: Path | str) -> Path:
    """The RDF file behind a location: the file itself, or the TriG export inside an export folder."""
    location = Path(location)
    path = location / GRAPH_FILE if location.is_dir() else location
    if not path.is_file():
        raise GraphNotBuiltError(
            f"{path}: no built graph here", hint="run 'kg build' first, or name the folder with --out"
        )
    return path


def _load_file(path: Path) -> pyoxigraph.Store:
    fmt = _OX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StanceGraphError(f"{path}: cannot load {path.suffix} files; use .trig, .ttl, .nt or .nq")
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StanceGraphError(f"{path}: cannot load the graph: {exc}") from None
    return store


def open_oxigraph(location: Path | str) -> pyoxigraph.Store:
    """The built graph as a pyoxigraph store: the out folder's store opened read-only, or an RDF file loaded in memory."""
    path = Path(location)
    if path.is_file():
        return _load_file(path)
    if (path / "CURRENT").is_file():
        return OxigraphStore(StoreSpec("oxigraph", str(path))).store
    if (path / STORE_DIR).is_dir():
        return OxigraphStore(StoreSpec("oxigraph", str(path / STORE_DIR))).store
    return _load_file(graph_file(path))


def open_store(location: Path | str, backend: str | None = "oxigraph") -> Any:
    """Open the built graph for queries.

    `backend` is `oxigraph` (the out folder's store, or an RDF file loaded in memory), `memory`
    (rdflib over the TriG export) or a full `--store` value such as `oxigraph:PATH` or `sparql:URL`.
    The answer has pyoxigraph's `query` method, so `kg.queries.run_query` takes any of them.
    """
    if backend in (None, "oxigraph"):
        return open_oxigraph(location)
    if backend not in BACKENDS and ":" not in backend:
        raise StoreError(f"unknown store backend {backend!r}", hint=f"choose one of {', '.join(BACKENDS)}")
    spec = parse_store_spec(backend, location)
    if spec.kind == "oxigraph":
        return open_oxigraph(spec.location)
    return connect(spec, location)


def load_dataset(location: Path | str, backend: str | None = None):
    """The built graph as an rdflib Dataset (for SHACL validation and rdflib scripts)."""
    from rdflib import Dataset

    from .rdf import bind_prefixes

    dataset = bind_prefixes(Dataset())
    path = Path(location)
    if backend is None and path.is_file():
        try:
            dataset.parse(path, format="trig" if path.suffix == ".trig" else None)
        except Exception as exc:  # rdflib's parsers raise assorted exception types
            raise StanceGraphError(f"{path}: cannot parse the graph: {exc}".splitlines()[0]) from None
        return dataset
    store = connect(backend, location) if backend else _default_reader(path)
    dataset.parse(data=store.dump_nquads(), format="nquads")
    return dataset


def reader(location: Path | str, store: str | None = None) -> GraphStore:
    """The built graph's store opened for reading: the one `store` names, else the out folder's
    Oxigraph store, else its TriG export in memory."""
    return connect(store, location) if store else _default_reader(Path(location))


def _default_reader(path: Path) -> GraphStore:
    if (path / "CURRENT").is_file():
        return OxigraphStore(StoreSpec("oxigraph", str(path)))
    if (path / STORE_DIR).is_dir():
        return OxigraphStore(StoreSpec("oxigraph", str(path / STORE_DIR)))
    graph_file(path)  # raises the "not built" error when there is not even an export
    return MemoryStore(StoreSpec("memory", str(path)))


# --- keeping a store in step with a build ---------------------------------------------------------

STATE_FORMAT = 2
_EMPTY_DIGEST = hashlib.sha256(b"").hexdigest()


@dataclass(frozen=True)
class StoreUpdate:
    """What a build changed in the store: graphs written, dropped, and left as they were."""

    written: int
    dropped: int
    unchanged: int
    dataset_digest: str


def state_path(cache_dir: Path, spec: StoreSpec) -> Path:
    """The file that remembers which graph contents a store holds (one per store)."""
    where = str(Path(spec.location).resolve()) if spec.kind == "oxigraph" else spec.location
    key = hashlib.sha256(f"{spec.kind}:{where}".encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / f"store-{key}.json"


def _read_state(path: Path | None) -> dict[str, list[str]]:
    """Graph IRI -> [content digest, input key] of what the store holds."""
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged state only costs a full rewrite
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT or not isinstance(data.get("graphs"), dict):
        return {}
    return data["graphs"]


def _write_state(path: Path | None, graphs: Mapping[str, list[str]]) -> None:
    if path is None:
        return
    from .export import write_files

    data = {"format": STATE_FORMAT, "graphs": dict(sorted(graphs.items()))}
    write_files({path: json.dumps(data, indent=0, sort_keys=True).encode("utf-8")})


def dataset_digest(digests: Mapping[str, str]) -> str:
    """One digest for the whole dataset, from the digests of its graphs."""
    text = "".join(f"{iri}\x1f{digest}\n" for iri, digest in sorted(digests.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: Lines per slice when a streamed graph is read back from its copy on disk.
_SPOOL_LINES = 100_000


@contextmanager
def _spooled(graph: GraphContent, directory: Path | None) -> Iterator[GraphContent]:
    """The streamed graph made once: its slices copied to a temporary file as its digest is taken,
    and given back as a graph read from that file in slices (the file goes at the end)."""
    directory = directory if directory is not None and directory.is_dir() else None
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=directory) as copy:
        copy.writelines(graph.iter_parts())
        digest = graph.digest

        def parts() -> Iterator[str]:
            copy.seek(0)
            batch: list[str] = []
            for line in copy:
                batch.append(line)
                if len(batch) >= _SPOOL_LINES:
                    yield "".join(batch)
                    batch = []
            if batch:
                yield "".join(batch)

        yield GraphContent(graph.iri, key=graph.key, parts=parts, digest=digest)


def update_store(
    store: GraphStore, graphs: Iterable[GraphContent], state_file: Path | None = None, fresh: bool = False
) -> StoreUpdate:
    """Make the store hold exactly these graphs: write changed ones, drop the ones no longer built.

    A graph whose input key (or else content digest) matches the state file is left alone, and
    its text is not even made. `graphs` may be a generator: changed graphs are loaded in slices
    as they come, and a streamed graph (the aggregates) slice by slice as its text is made, so a
    large build never holds the whole dataset's text, nor one large graph's. The state file is
    emptied before the store is first touched, so an interrupted update is redone in full by the
    next build rather than trusted. `fresh` rewrites every graph whatever the state says.
    """
    old = {} if fresh else _read_state(state_file)
    present = {iri for iri in store.graph_names() if iri.startswith(MANAGED_GRAPHS)}
    current: dict[str, list[str]] = {}
    batch: list[GraphContent] = []
    size = written = 0
    touched = False

    def load(batch: list[GraphContent]) -> None:
        nonlocal touched
        if not touched:
            _write_state(state_file, {})
            touched = True
        store.replace_graphs(batch)
        for graph in batch:
            graph.release()

    for graph in graphs:
        known = old.get(graph.iri) if graph.iri in present else None
        if known and graph.key and known[1] == graph.key:
            current[graph.iri] = known
            continue
        if graph.streamed:
            # Loaded on its own, slice by slice; its digest is taken on the way. When the store
            # holds an earlier version it may equal, the slices are made once, copied to disk as
            # their digest is taken, and loaded from that copy only if the digest differs.
            if batch:
                load(batch)
                batch, size = [], 0
            with ExitStack() as cleanup:
                if known:
                    graph = cleanup.enter_context(_spooled(graph, state_file.parent if state_file else None))
                    if known[0] == graph.digest:
                        current[graph.iri] = [graph.digest, graph.key]
                        continue
                load([graph])
            if graph.digest != _EMPTY_DIGEST:
                current[graph.iri] = [graph.digest, graph.key]
                written += 1
            continue
        # An empty graph does not exist in a quad store: a graph with nothing to say is dropped.
        if not graph.nquads:
            continue
        current[graph.iri] = [graph.digest, graph.key]
        if known and known[0] == graph.digest:
            continue
        batch.append(graph)
        size += len(graph.nquads)
        written += 1
        if size >= _LOAD_CHUNK:
            load(batch)
            batch, size = [], 0
    if batch:
        load(batch)
    dropped = sorted(present - current.keys())
    if dropped:
        if not touched:
            _write_state(state_file, {})
        store.drop_graphs(dropped)
    _write_state(state_file, current)
    digests = {iri: entry[0] for iri, entry in current.items()}
    return StoreUpdate(
        written=written, dropped=len(dropped), unchanged=len(current) - written, dataset_digest=dataset_digest(digests)
    )
