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
from .safety import STALE_AFTER_SECONDS, check_output_target, clean_temp_files, escape_rdf_controls

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


def _split(line: str) -> tuple[str, str]:
    """An N-Quads line of a named graph -> (its triple as an N-Triples line, its graph term)."""
    # The graph term is the last one and holds no space (an IRI or a blank node label).
    cut = line.rindex(" ", 0, len(line) - 2)
    return line[:cut] + " .", line[cut + 1 : -2]


def group_lines(lines: Iterable[str]) -> dict[str, list[str]]:
    """N-Quads lines of named graphs grouped by graph term (`<iri>` or `_:label`)."""
    groups: dict[str, list[str]] = {}
    for line in lines:
        if line:
            groups.setdefault(_split(line)[1], []).append(line)
    return groups


def _canonical(graph: str, lines: list[str]) -> list[str]:
    """One graph's lines with its blank nodes relabelled canonically (RDFC-1.0), or as they are when it has none.

    Stores and parsers give blank nodes arbitrary labels; only graphs that hold some (the
    ontology's OWL lists) pay for canonicalisation.
    """
    suspects = [line for line in lines if "_:" in line]
    if not suspects and not graph.startswith("_:"):
        return lines
    quads = list(pyoxigraph.parse("\n".join(lines), format=pyoxigraph.RdfFormat.N_QUADS))
    if not any(isinstance(t, pyoxigraph.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
        return lines
    dataset = pyoxigraph.Dataset(quads)
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return [f"{quad} ." for quad in dataset]


def export_lines(graphs: Mapping[str, Iterable[str]], formats: Iterable[RdfFormat | str]) -> dict[str, bytes]:
    """Serialise a dataset given as N-Quads lines grouped by graph term (terms written as Oxigraph
    writes them) into each format, byte-identically every run.

    N-Triples and N-Quads are sorted lines; Turtle takes the triples in that order, so each
    subject's statements are together; TriG and JSON-LD take the quads graph by graph, in IRI
    order. Blank nodes are labelled canonically, prefixes are the project's, and nothing depends
    on hash seeds, insertion order or the store's internal order.
    """
    chosen = [rdf_format(f) if isinstance(f, str) else f for f in formats]
    names = {f.name for f in chosen}
    groups: dict[str, list[str]] = {}
    for graph in sorted(graphs):
        lines = sorted({line for line in graphs[graph] if line})
        if lines:
            groups[graph] = sorted(_canonical(graph, lines))
    out: dict[str, bytes] = {}
    if "nq" in names:
        ordered = sorted(line for lines in groups.values() for line in lines)
        out["nq"] = ("\n".join(ordered) + "\n" if ordered else "").encode("utf-8")
    if names & {"nt", "ttl"}:
        unique: set[str] = set()
        for graph, lines in groups.items():
            cut = len(graph) + 3
            unique.update(line[:-cut] + " ." for line in lines)
        triples = sorted(unique)
        text = ("\n".join(triples) + "\n" if triples else "").encode("utf-8")
        if "nt" in names:
            out["nt"] = text
        if "ttl" in names:
            parsed = (q.triple for q in pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_TRIPLES))
            out["ttl"] = pyoxigraph.serialize(parsed, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    if names & {"trig", "jsonld"}:
        text = "".join("\n".join(lines) + "\n" for lines in groups.values()).encode("utf-8")
        if "trig" in names:
            quads = pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS)
            out["trig"] = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES) or b""
        if "jsonld" in names:
            quads = pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS)
            out["jsonld"] = compact_jsonld(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.JSON_LD) or b"[]")
    # Article text may hold control or line-separator characters that some parsers (rdflib) take for line ends.
    return {f.name: out[f.name] if f.name == "jsonld" else escape_rdf_controls(out[f.name]) for f in chosen}


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Longest namespace first, so an IRI takes the most specific prefix ("stance:" before a shorter one).
_NAMESPACES = sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0]))


def _compact_iri(iri: str) -> str:
    for name, namespace in _NAMESPACES:
        if iri.startswith(namespace) and not iri[len(namespace):].startswith("//"):
            return f"{name}:{iri[len(namespace):]}"
    return iri


def _compact_value(value: dict) -> object:
    if "@id" in value:
        return {"@id": _compact_iri(value["@id"])}
    if "@language" in value:
        return {"@value": value["@value"], "@language": value["@language"]}
    if "@type" in value and value["@type"] != PREFIXES["xsd"] + "string":
        return {"@value": value["@value"], "@type": _compact_iri(value["@type"])}
    return value["@value"]


def _one_or_many(values: list) -> object:
    return values[0] if len(values) == 1 else values


def _compact_node(node: dict) -> dict:
    out: dict = {"@id": _compact_iri(node["@id"])}
    types = node.get(_RDF_TYPE, [])
    if types and all("@id" in t and not t["@id"].startswith("_:") for t in types):
        out["@type"] = _one_or_many([_compact_iri(t["@id"]) for t in types])
    properties = {}
    for key, values in node.items():
        if key == "@id" or (key == _RDF_TYPE and "@type" in out):
            continue
        properties[_compact_iri(key)] = _one_or_many([_compact_value(v) for v in values])
    out.update(sorted(properties.items()))
    return out


def compact_jsonld(expanded: bytes) -> bytes:
    """Expanded JSON-LD (as Oxigraph writes it, graph by graph) made readable: one `@context` with the
    project's prefixes, compact IRIs, plain strings, single values unwrapped; same order, same bytes every run."""
    import json

    graphs = []
    for item in json.loads(expanded):
        if "@graph" in item:
            graphs.append({"@id": _compact_iri(item["@id"]), "@graph": [_compact_node(n) for n in item["@graph"]]})
        else:  # a triple of the default graph
            graphs.append(_compact_node(item))
    document = {"@context": dict(sorted(PREFIXES.items())), "@graph": graphs}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def store_lines(store: pyoxigraph.Store) -> dict[str, list[str]]:
    """The N-Quads lines of every named graph of a pyoxigraph store, by graph (the default graph is not exported)."""
    data = (store.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b"").decode("utf-8").split("\n")
    default = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()) or b""
    if default.strip():
        skip = set(default.decode("utf-8").split("\n"))
        return group_lines(line for line in data if line not in skip)
    return group_lines(data)


def normalized_store(data: bytes) -> pyoxigraph.Store:
    """N-Quads from any writer (rdflib, a SPARQL server) in an in-memory Oxigraph store, so every path writes the same bytes."""
    store = pyoxigraph.Store()
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def store_export(out_dir: Path | str, fmt: RdfFormat | str, store: str | None = None) -> bytes:
    """The built graph, read from its store (`store`: a `--store` value), in one format."""
    from .store import OxigraphStore, connect

    fmt = rdf_format(fmt) if isinstance(fmt, str) else fmt
    with connect(store, out_dir) as backend:
        source = backend.store if isinstance(backend, OxigraphStore) else normalized_store(backend.dump_nquads())
        return export_lines(store_lines(source), [fmt])[fmt.name]


def serialize(dataset: Dataset, fmt: RdfFormat | str) -> bytes:
    """An rdflib dataset in one format: the same bytes the store's export writes for the same content."""
    fmt = rdf_format(fmt) if isinstance(fmt, str) else fmt
    store = normalized_store(dataset.serialize(format="nquads", encoding="utf-8"))
    return export_lines(store_lines(store), [fmt])[fmt.name]


def write_files(contents: Mapping[Path, bytes]) -> None:
    """Write several files so that each is either the old one or the complete new one, never half of one."""
    staged: list[tuple[str, Path]] = []
    for path in contents:
        check_output_target(Path(path))
    try:
        for path, data in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            clean_temp_files(path.parent, [path.name], older_than=STALE_AFTER_SECONDS)
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
