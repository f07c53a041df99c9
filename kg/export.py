"""Writing the graph to files: one registry of RDF formats, byte-stable output, atomic writes."""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Collection, Iterable, Iterator, Mapping

import pyoxigraph

from .errors import ExportError
from .extsort import DEFAULT_CHUNK_LINES, LineSorter
from .namespaces import PREFIXES
from .safety import STALE_AFTER_SECONDS, check_output_target, clean_temp_files, escape_rdf_controls

if TYPE_CHECKING:
    from rdflib import Dataset

    from .store import GraphStore

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


def _compact_item(item: dict) -> dict:
    if "@graph" in item:
        return {"@id": _compact_iri(item["@id"]), "@graph": [_compact_node(n) for n in item["@graph"]]}
    return _compact_node(item)  # a triple of the default graph


def compact_jsonld(expanded: bytes) -> bytes:
    """Expanded JSON-LD (as Oxigraph writes it, graph by graph) made readable: one `@context` with the
    project's prefixes, compact IRIs, plain strings, single values unwrapped; same order, same bytes every run."""
    graphs = [_compact_item(item) for item in json.loads(expanded)]
    document = {"@context": dict(sorted(PREFIXES.items())), "@graph": graphs}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Streamed export: the same bytes as export_lines, for datasets larger than memory. The quads go
# to disk as N-Quads, are sorted there in chunks (kg.extsort) and reach the serialisers as files.


class _EscapingWriter:
    """A binary output that writes complete lines through escape_rdf_controls, as export_lines does to its result."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self._tail = b""

    def write(self, data: bytes) -> int:
        data = bytes(data)
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            self._tail += data
        else:
            self.handle.write(escape_rdf_controls(self._tail + data[:cut]))
            self._tail = data[cut:]
        return len(data)

    def writelines(self, lines: Iterable[bytes]) -> None:
        block: list[bytes] = []
        size = 0
        for line in lines:
            block.append(line)
            size += len(line)
            if size >= 1 << 20:
                self.write(b"".join(block))
                block, size = [], 0
        self.write(b"".join(block))

    def flush(self) -> None:
        self.handle.flush()

    def finish(self) -> None:
        """Write what is left after the last line end."""
        if self._tail:
            self.handle.write(escape_rdf_controls(self._tail))
            self._tail = b""


def _escaped_output(path: Path, write: Callable[[_EscapingWriter], None]) -> None:
    with open(path, "wb", buffering=1 << 20) as handle:
        writer = _EscapingWriter(handle)
        write(writer)
        writer.finish()


def _canonical_lines(graph: bytes, lines: list[bytes]) -> list[bytes]:
    """`_canonical` on byte lines: one graph's lines sorted, its blank nodes labelled canonically."""
    text = [line[:-1].decode("utf-8") for line in lines]
    return [line.encode("utf-8") + b"\n" for line in sorted(_canonical(graph.decode("utf-8"), text))]


def export_nquads(
    source: Path | str,
    targets: Mapping[RdfFormat | str, Path | str],
    *,
    skip: Collection[bytes] = (),
    chunk_lines: int = DEFAULT_CHUNK_LINES,
    tmp_dir: Path | str | None = None,
) -> None:
    """Write the named-graph quads of an N-Quads file into each target file in its format: the bytes
    `export_lines` gives for the same quads, with a few chunks of `chunk_lines` lines in memory at a time.

    `source` holds lines as Oxigraph writes them, in any order, repeats allowed, every quad in a
    named graph except the lines listed in `skip`. Sorting happens on disk in `tmp_dir`. Turtle,
    TriG, N-Triples and N-Quads are streamed end to end; JSON-LD is written graph by graph, so
    it holds the largest graph (the aggregates) in memory.
    """
    chosen = {(rdf_format(f) if isinstance(f, str) else f).name: Path(path) for f, path in targets.items()}
    if not chosen:
        return
    with scratch_dir(tmp_dir or _beside_first(chosen), "sort") as scratch:
        work = Path(scratch)
        by_graph_needed = bool(chosen.keys() & {"trig", "jsonld"})
        # Lines keyed `graph term + space + line` sort graph by graph, each graph's lines in order:
        # no term holds a space, so the key orders as (graph, line) does.
        by_graph = LineSorter(work, chunk_lines)
        quads = LineSorter(work, chunk_lines) if "nq" in chosen else None
        triples = LineSorter(work, chunk_lines) if chosen.keys() & {"nt", "ttl"} else None
        blank_graphs: set[bytes] = set()
        with open(source, "rb", buffering=1 << 20) as handle:
            for line in handle:
                if not line.endswith(b"\n"):
                    line += b"\n"
                if len(line) < 4 or (skip and line in skip):
                    continue
                cut = line.rindex(b" ", 0, len(line) - 3)
                graph = line[cut + 1 : -3]
                # Lines that may hold blank nodes wait for their graph's canonical labels.
                if b"_:" in line:
                    blank_graphs.add(graph)
                    by_graph.add(graph + b" " + line)
                    continue
                if by_graph_needed:
                    by_graph.add(graph + b" " + line)
                if quads is not None:
                    quads.add(line)
                if triples is not None:
                    triples.add(line[:cut] + b" .\n")
        graph_file = work / "by-graph.nq"
        with open(graph_file, "wb", buffering=1 << 20) as out:
            for graph, lines in _graph_groups(by_graph, whole=blank_graphs):
                if graph in blank_graphs:
                    lines = _canonical_lines(graph, lines)
                    for line in lines:
                        if b"_:" in line:
                            if quads is not None:
                                quads.add(line)
                            if triples is not None:
                                cut = line.rindex(b" ", 0, len(line) - 3)
                                triples.add(line[:cut] + b" .\n")
                if by_graph_needed:
                    out.writelines(lines)
        if quads is not None:
            _escaped_output(chosen["nq"], lambda writer: writer.writelines(quads))
        if triples is not None:
            triple_file = work / "triples.nt"
            with open(triple_file, "wb", buffering=1 << 20) as out:
                out.writelines(triples)
            if "nt" in chosen:
                with open(triple_file, "rb", buffering=1 << 20) as lines:
                    _escaped_output(chosen["nt"], lambda writer: writer.writelines(lines))
            if "ttl" in chosen:
                parsed = (q.triple for q in pyoxigraph.parse(path=str(triple_file), format=pyoxigraph.RdfFormat.N_TRIPLES))
                _escaped_output(
                    chosen["ttl"],
                    lambda writer: pyoxigraph.serialize(parsed, writer, pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES),
                )
        if "trig" in chosen:
            parsed_quads = pyoxigraph.parse(path=str(graph_file), format=pyoxigraph.RdfFormat.N_QUADS)
            _escaped_output(
                chosen["trig"],
                lambda writer: pyoxigraph.serialize(parsed_quads, writer, pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES),
            )
        if "jsonld" in chosen:
            _write_jsonld(graph_file, chosen["jsonld"])


#: Lines of one graph handed on at a time, unless the graph is needed whole (its blank nodes).
GROUP_LINES = 10_000


def _graph_groups(by_graph: Iterable[bytes], whole: Collection[bytes] = ()) -> Iterator[tuple[bytes, list[bytes]]]:
    """Keyed lines (`graph line`) in graph order -> a graph's term and its lines: every line of a
    graph in `whole` at once, those of other graphs GROUP_LINES at a time (the aggregates graph
    holds about four lines per stance, too many to hold)."""
    current: bytes | None = None
    lines: list[bytes] = []
    for keyed in by_graph:
        graph, _, line = keyed.partition(b" ")
        if graph != current or (len(lines) >= GROUP_LINES and graph not in whole):
            if lines:
                yield current, lines  # type: ignore[misc]
            current, lines = graph, []
        lines.append(line)
    if lines:
        yield current, lines  # type: ignore[misc]


def _file_graph_groups(path: Path) -> Iterator[list[bytes]]:
    """The lines of an N-Quads file sorted graph by graph, one graph at a time."""
    current: bytes | None = None
    lines: list[bytes] = []
    with open(path, "rb", buffering=1 << 20) as handle:
        for line in handle:
            graph = line[line.rindex(b" ", 0, len(line) - 3) + 1 : -3]
            if graph != current:
                if lines:
                    yield lines
                current, lines = graph, []
            lines.append(line)
    if lines:
        yield lines


def _write_jsonld(graph_file: Path, target: Path) -> None:
    """compact_jsonld's document written one graph at a time (same bytes)."""
    context = dict(sorted(PREFIXES.items()))
    with open(target, "wb", buffering=1 << 20) as out:
        items = 0
        for lines in _file_graph_groups(graph_file):
            quads = pyoxigraph.parse(b"".join(lines), format=pyoxigraph.RdfFormat.N_QUADS)
            expanded = json.loads(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.JSON_LD) or b"[]")
            for item in expanded:
                if not items:
                    head = json.dumps({"@context": context, "@graph": [None]}, ensure_ascii=False, indent=1)
                    out.write(head[: head.rindex("null")].rstrip(" ").encode("utf-8"))
                else:
                    out.write(b",\n")
                node = _compact_item(item)
                text = json.dumps(node, ensure_ascii=False, indent=1)
                out.write(("  " + text.replace("\n", "\n  ")).encode("utf-8"))
                items += 1
        if items:
            out.write(b"\n ]\n}\n")
        else:
            out.write((json.dumps({"@context": context, "@graph": []}, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


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


#: Scratch folders of a streamed export (dump, sort runs) are named so; a killed run leaves one behind.
SCRATCH_PREFIX = ".stancegraph-"


def scratch_dir(folder: Path | str, kind: str) -> tempfile.TemporaryDirectory:
    """A scratch folder for sorting in `folder` (`kind`: what it is for), removed when done; scratch
    folders a killed run left there more than an hour ago are removed first."""
    import shutil
    import time

    folder = Path(folder)
    try:
        names = [n for n in os.listdir(folder) if n.startswith(SCRATCH_PREFIX)]
    except OSError:
        names = []
    for name in names:
        path = folder / name
        try:
            if path.is_dir() and not path.is_symlink() and time.time() - path.stat().st_mtime >= STALE_AFTER_SECONDS:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue
    return tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{kind}-", dir=folder)


def _default_graph_lines(store: pyoxigraph.Store) -> set[bytes]:
    """The default graph's lines as the N-Quads dump writes them (nothing the build writes goes there)."""
    if next(iter(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is None:
        return set()
    default = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()) or b""
    return {line + b"\n" for line in default.split(b"\n") if line}


def _beside_first(targets: Mapping[RdfFormat | str, Path | str]) -> Path:
    """Sort files go beside the first output (a disk with room for it), not to a RAM-backed /tmp."""
    return Path(next(iter(targets.values()))).parent


def export_store_files(
    store: pyoxigraph.Store,
    targets: Mapping[RdfFormat | str, Path | str],
    *,
    chunk_lines: int = DEFAULT_CHUNK_LINES,
    tmp_dir: Path | str | None = None,
) -> None:
    """A pyoxigraph store's named graphs written into each target file in its format (see export_nquads),
    from a dump on disk: memory stays flat whatever the store's size. The default graph is not exported."""
    if not targets:
        return
    with scratch_dir(tmp_dir or _beside_first(targets), "dump") as scratch:
        dump = Path(scratch) / "store.nq"
        store.dump(output=str(dump), format=pyoxigraph.RdfFormat.N_QUADS)
        export_nquads(dump, targets, skip=_default_graph_lines(store), chunk_lines=chunk_lines, tmp_dir=scratch)


def export_texts(
    texts: Iterable[str],
    targets: Mapping[RdfFormat | str, Path | str],
    *,
    chunk_lines: int = DEFAULT_CHUNK_LINES,
    tmp_dir: Path | str | None = None,
) -> None:
    """N-Quads texts (graphs' lines as Oxigraph writes them) written into each target file in its format,
    one text at a time through a file on disk (see export_nquads)."""
    if not targets:
        return
    with scratch_dir(tmp_dir or _beside_first(targets), "dump") as scratch:
        dump = Path(scratch) / "graphs.nq"
        with open(dump, "w", encoding="utf-8", newline="\n") as handle:
            for text in texts:
                handle.write(text)
                if text and not text.endswith("\n"):
                    handle.write("\n")
        export_nquads(dump, targets, chunk_lines=chunk_lines, tmp_dir=scratch)


def export_backend(
    backend: GraphStore, targets: Mapping[RdfFormat | str, Path | str], *, chunk_lines: int = DEFAULT_CHUNK_LINES
) -> None:
    """What a store backend holds, written into each target file in its format."""
    from .store import OxigraphStore

    if isinstance(backend, OxigraphStore):
        export_store_files(backend.store, targets, chunk_lines=chunk_lines)
    else:
        export_store_files(normalized_store(backend.dump_nquads()), targets, chunk_lines=chunk_lines)


def export_store(out_dir: Path | str, targets: Mapping[RdfFormat | str, Path], store: str | None = None) -> None:
    """The built graph, read from its store (`store`: a `--store` value), written into each target file
    in its format; every file is replaced whole or not at all."""
    from .store import connect

    with connect(store, out_dir) as backend, staged_files(targets.values()) as staged:
        export_backend(backend, {fmt: staged[Path(path)] for fmt, path in targets.items()})


def store_export_to(out_dir: Path | str, fmt: RdfFormat | str, output: BinaryIO, store: str | None = None) -> None:
    """The built graph, read from its store, in one format, copied into an open binary output (standard output)."""
    import shutil

    from .store import connect

    fmt = rdf_format(fmt) if isinstance(fmt, str) else fmt
    with tempfile.TemporaryDirectory(prefix="stancegraph-export-") as scratch:
        path = Path(scratch) / (BASENAME + fmt.extension)
        with connect(store, out_dir) as backend:
            export_backend(backend, {fmt: path})
        with open(path, "rb") as handle:
            shutil.copyfileobj(handle, output, 1 << 20)


def store_export(out_dir: Path | str, fmt: RdfFormat | str, store: str | None = None) -> bytes:
    """The built graph, read from its store (`store`: a `--store` value), in one format, as bytes."""
    import io

    output = io.BytesIO()
    store_export_to(out_dir, fmt, output, store)
    return output.getvalue()


def serialize(dataset: Dataset, fmt: RdfFormat | str) -> bytes:
    """An rdflib dataset in one format: the same bytes the store's export writes for the same content."""
    fmt = rdf_format(fmt) if isinstance(fmt, str) else fmt
    store = normalized_store(dataset.serialize(format="nquads", encoding="utf-8"))
    return export_lines(store_lines(store), [fmt])[fmt.name]


@contextmanager
def staged_files(paths: Iterable[Path]) -> Iterator[dict[Path, Path]]:
    """Temporary files beside each path, to write in the block; when it ends without error they all
    replace their targets (each file is the old one or the complete new one), otherwise they are removed."""
    targets = [Path(p) for p in paths]
    staged: dict[Path, Path] = {}
    for path in targets:
        check_output_target(path)
    try:
        for path in targets:
            path.parent.mkdir(parents=True, exist_ok=True)
            clean_temp_files(path.parent, [path.name], older_than=STALE_AFTER_SECONDS)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            staged[path] = Path(tmp)
        yield staged
        for tmp in staged.values():
            # mkstemp creates 0600 files; exports are meant to be shared like any other file.
            os.chmod(tmp, 0o666 & ~_UMASK)
        for path, tmp in staged.items():
            os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"{exc.filename or 'export'}: cannot write ({exc.strerror})") from None
    finally:
        for tmp in staged.values():
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_files(contents: Mapping[Path, bytes]) -> None:
    """Write several files so that each is either the old one or the complete new one, never half of one."""
    with staged_files(contents) as staged:
        for path, data in contents.items():
            with open(staged[path], "wb") as handle:
                handle.write(data)


def export_dataset(dataset: Dataset, path: Path, fmt: RdfFormat | str | None = None) -> Path:
    """Write the dataset to one file; the format comes from the name when not given."""
    path = Path(path)
    chosen = format_for_path(path) if fmt is None else (rdf_format(fmt) if isinstance(fmt, str) else fmt)
    write_files({path: serialize(dataset, chosen)})
    return path
