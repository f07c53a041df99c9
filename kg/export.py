"""Writing the graph to files: one registry of RDF formats, byte-stable output, atomic writes."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

import pyoxigraph

from .errors import ExportError
from .namespaces import PREFIXES

if TYPE_CHECKING:
    from rdflib import Dataset

BASENAME = "stancegraph"
_UMASK = os.umask(0)
os.umask(_UMASK)


@dataclass(frozen=True)
class RdfFormat:
    """One serialisation: the name users type, its file extension, rdflib's plugin name and media type."""

    name: str
    extension: str
    rdflib_name: str
    media_type: str
    quads: bool


FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("ttl", ".ttl", "turtle", "text/turtle", quads=False),
        RdfFormat("trig", ".trig", "trig", "application/trig", quads=True),
        RdfFormat("nt", ".nt", "nt11", "application/n-triples", quads=False),
        RdfFormat("nq", ".nq", "nquads", "application/n-quads", quads=True),
        RdfFormat("jsonld", ".jsonld", "json-ld", "application/ld+json", quads=True),
    )
}


def rdf_format(name: str) -> RdfFormat:
    """Look a format up by name or file extension (`ttl`, `.ttl`, `turtle`)."""
    key = name.lower().lstrip(".")
    for fmt in FORMATS.values():
        if key in (fmt.name, fmt.extension.lstrip("."), fmt.rdflib_name):
            return fmt
    raise ExportError(f"unknown RDF format {name!r}", hint=f"choose one of {', '.join(FORMATS)}")


def format_for_path(path: Path) -> RdfFormat:
    """The format a file name implies by its extension."""
    return rdf_format(Path(path).suffix or path.name)


_OX_FORMATS = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}


def _graph_of(quad: pyoxigraph.Quad) -> str:
    return "" if isinstance(quad.graph_name, pyoxigraph.DefaultGraph) else str(quad.graph_name)


def _canonical_lines(lines: list[str]) -> list[str]:
    """The lines with the blank nodes of each graph that has any relabelled canonically (RDFC-1.0).

    Stores and parsers give blank nodes arbitrary labels; only graphs that hold some (the
    ontology's OWL lists) pay for canonicalisation.
    """
    suspects = [line for line in lines if "_:" in line]
    if not suspects:
        return lines
    graphs: set[str] = set()
    for quad in pyoxigraph.parse("\n".join(suspects), format=pyoxigraph.RdfFormat.N_QUADS):
        terms = (quad.subject, quad.object, quad.graph_name)
        if any(isinstance(t, pyoxigraph.BlankNode) for t in terms):
            graphs.add(_graph_of(quad))
    if not graphs:
        return lines
    parsed = list(zip(pyoxigraph.parse("\n".join(lines), format=pyoxigraph.RdfFormat.N_QUADS), lines))
    keep = [line for quad, line in parsed if _graph_of(quad) not in graphs]
    for graph in sorted(graphs):
        dataset = pyoxigraph.Dataset([quad for quad, _ in parsed if _graph_of(quad) == graph])
        dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
        keep.extend(f"{quad} ." for quad in dataset)
    return keep


def normalized_nquads(data: bytes) -> bytes:
    """N-Quads from any writer (rdflib, a SPARQL server) in the form Oxigraph writes it, so every path gives the same bytes."""
    store = pyoxigraph.Store()
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    return store.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b""


def export_nquads(data: bytes, formats: Iterable[RdfFormat | str]) -> dict[str, bytes]:
    """Serialise a dataset given as N-Quads (as Oxigraph dumps it) into each format, byte-identically every run.

    Lines are sorted (N-Triples, N-Quads); Turtle takes the triples in that order, grouped by
    subject; TriG and JSON-LD take the quads graph by graph. Blank nodes are labelled
    canonically, prefixes are the project's, and nothing depends on hash seeds or insertion order.
    """
    chosen = [rdf_format(f) if isinstance(f, str) else f for f in formats]
    lines = sorted({line for line in data.decode("utf-8").split("\n") if line.strip()})
    lines = sorted(_canonical_lines(lines))
    out: dict[str, bytes] = {}
    nquads = ("\n".join(lines) + "\n" if lines else "").encode("utf-8")
    names = {f.name for f in chosen}
    quads: list[pyoxigraph.Quad] = []
    if names - {"nq"}:
        quads = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    triples: list[pyoxigraph.Triple] = []
    if names & {"nt", "ttl"}:
        unique = {str(q.triple): q.triple for q in quads}
        triples = [unique[key] for key in sorted(unique)]
    by_graph: list[pyoxigraph.Quad] = []
    if names & {"trig", "jsonld"}:
        order = sorted(range(len(quads)), key=lambda i: (_graph_of(quads[i]), lines[i]))
        by_graph = [quads[i] for i in order]
    for fmt in chosen:
        if fmt.name == "nq":
            out[fmt.name] = nquads
        elif fmt.name == "nt":
            out[fmt.name] = "".join(f"{t} .\n" for t in triples).encode("utf-8")
        elif fmt.name == "ttl":
            out[fmt.name] = pyoxigraph.serialize(triples, format=_OX_FORMATS["ttl"], prefixes=PREFIXES) or b""
        elif fmt.name == "trig":
            out[fmt.name] = pyoxigraph.serialize(by_graph, format=_OX_FORMATS["trig"], prefixes=PREFIXES) or b""
        else:
            out[fmt.name] = (pyoxigraph.serialize(by_graph, format=_OX_FORMATS[fmt.name]) or b"") + b"\n"
    return out


def store_export(out_dir: Path | str, fmt: RdfFormat | str, store: str | None = None) -> bytes:
    """The built graph, read from its store (`store`: a `--store` value), in one format."""
    from .store import OxigraphStore, connect

    fmt = rdf_format(fmt) if isinstance(fmt, str) else fmt
    with connect(store, out_dir) as backend:
        data = backend.dump_nquads()
        if not isinstance(backend, OxigraphStore):
            data = normalized_nquads(data)
    return export_nquads(data, [fmt])[fmt.name]


def serialize(dataset: Dataset, fmt: RdfFormat | str) -> bytes:
    """An rdflib dataset in one format: the same bytes the store's export writes for the same content."""
    fmt = rdf_format(fmt) if isinstance(fmt, str) else fmt
    data = normalized_nquads(dataset.serialize(format="nquads", encoding="utf-8"))
    return export_nquads(data, [fmt])[fmt.name]


def write_files(contents: Mapping[Path, bytes]) -> None:
    """Write several files so that each is either the old one or the complete new one, never half of one."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            # mkstemp creates 0600 files; exports are meant to be shared like any other file.
            os.chmod(tmp, 0o666 & ~_UMASK)
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"{exc.filename or 'export'}: cannot write ({exc.strerror})") from None
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def export_dataset(dataset: Dataset, path: Path, fmt: RdfFormat | str | None = None) -> Path:
    """Write the dataset to one file; the format comes from the name when not given."""
    path = Path(path)
    chosen = format_for_path(path) if fmt is None else (rdf_format(fmt) if isinstance(fmt, str) else fmt)
    write_files({path: serialize(dataset, chosen)})
    return path
