"""Opening the built graph as a SPARQL-queryable store; backends are chosen by name."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pyoxigraph

from .errors import GraphNotBuiltError, StanceGraphError
from .export import BASENAME

#: The file a store loads: TriG keeps the named graph of every source.
GRAPH_FILE = BASENAME + ".trig"

_OX_FORMATS = {
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
}


def graph_file(location: Path | str) -> Path:
    """The RDF file behind a location: the file itself, or the TriG export inside an export folder."""
    location = Path(location)
    path = location / GRAPH_FILE if location.is_dir() else location
    if not path.is_file():
        raise GraphNotBuiltError(
            f"{path}: no built graph here", hint="run 'kg build' first, or name the folder with --out"
        )
    return path


def open_oxigraph(location: Path | str) -> pyoxigraph.Store:
    """An in-memory Oxigraph store loaded with the built graph (fast to load and to query)."""
    path = graph_file(location)
    fmt = _OX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StanceGraphError(f"{path}: cannot load {path.suffix} files; use .trig, .ttl, .nt or .nq")
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StanceGraphError(f"{path}: cannot load the graph: {exc}") from None
    return store


BACKENDS: dict[str, Callable[[Path | str], pyoxigraph.Store]] = {"oxigraph": open_oxigraph}


def open_store(location: Path | str, backend: str = "oxigraph") -> pyoxigraph.Store:
    """Open the built graph with a named backend (embedded Oxigraph by default)."""
    try:
        opener = BACKENDS[backend]
    except KeyError:
        raise StanceGraphError(f"unknown store backend {backend!r}", hint=f"choose one of {', '.join(BACKENDS)}") from None
    return opener(location)


def load_dataset(location: Path | str):
    """The built graph as an rdflib Dataset (for validation and re-serialisation)."""
    from rdflib import Dataset

    from .rdf import bind_prefixes

    path = graph_file(location)
    dataset = bind_prefixes(Dataset())
    try:
        dataset.parse(path, format="trig" if path.suffix == ".trig" else None)
    except Exception as exc:  # rdflib's parsers raise assorted exception types
        raise StanceGraphError(f"{path}: cannot parse the graph: {exc}".splitlines()[0]) from None
    return dataset
