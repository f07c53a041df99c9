"""Writing the graph to files: one registry of RDF formats, byte-stable output, atomic writes."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from rdflib import BNode, Dataset, Graph
from rdflib.compare import to_canonical_graph

from .errors import ExportError
from .rdf import bind_prefixes, union_graph

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


def _sorted_lines(text: str) -> str:
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + "\n" if lines else ""


def _trig(dataset: Dataset) -> bytes:
    """TriG with the named graphs in IRI order (rdflib's own order follows Python's hash seed)."""
    header = "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(bind_prefixes(Graph()).namespaces()))
    blocks = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        single = bind_prefixes(Dataset())
        target = single.graph(context.identifier)
        for triple in context:
            target.add(triple)
        text = single.serialize(format="trig")
        blocks.append("\n".join(line for line in text.splitlines() if not line.startswith("@prefix ")).strip())
    return (header + "\n" + "\n\n".join(blocks) + "\n").encode("utf-8")


def _sort_json(node: Any) -> Any:
    """Order every list of JSON-LD nodes by @id, so the document does not depend on set order."""
    if isinstance(node, dict):
        # An @list is an RDF collection: its order is data, not serialisation noise.
        return {key: value if key == "@list" else _sort_json(value) for key, value in node.items()}
    if isinstance(node, list):
        items = [_sort_json(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def _has_blank_nodes(graph: Graph) -> bool:
    return any(isinstance(term, BNode) for triple in graph for term in triple)


def canonical_blank_nodes(dataset: Dataset) -> Dataset:
    """The same dataset with blank nodes relabelled canonically (parsers give them random labels).

    Only graphs that hold blank nodes (the ontology's OWL lists) pay for canonicalisation.
    """
    if not any(_has_blank_nodes(g) for g in dataset.graphs()):
        return dataset
    result = bind_prefixes(Dataset())
    for context in dataset.graphs():
        target = result.graph(context.identifier)
        for triple in to_canonical_graph(context) if _has_blank_nodes(context) else context:
            target.add(triple)
    return result


def serialize(dataset: Dataset, fmt: RdfFormat | str) -> bytes:
    """The dataset in one format, identical bytes for identical content."""
    fmt = rdf_format(fmt) if isinstance(fmt, str) else fmt
    dataset = canonical_blank_nodes(dataset)
    if fmt.name == "trig":
        return _trig(dataset)
    if fmt.name == "jsonld":
        context = dict(bind_prefixes(Graph()).namespaces())
        document = json.loads(dataset.serialize(format="json-ld", context={k: str(v) for k, v in context.items()}))
        return (json.dumps(_sort_json(document), sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    source: Graph = dataset if fmt.quads else union_graph(dataset)
    if fmt.name in ("nt", "nq"):
        return _sorted_lines(source.serialize(format=fmt.rdflib_name)).encode("utf-8")
    return source.serialize(format=fmt.rdflib_name, encoding="utf-8")


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
