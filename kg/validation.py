"""SHACL validation of a built graph against ontology/shapes.ttl, with readable results."""
from __future__ import annotations

import itertools
import threading
from collections import deque
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .dictionary import default_ontology_dir
from .errors import ValidationError
from .namespaces import ONTOLOGY_GRAPH, PREFIXES, SH

if TYPE_CHECKING:
    from .store import GraphStore

SHAPES_FILE = "shapes.ttl"

# Longer prefixes first, so that e.g. "stance:" wins over a shorter namespace it extends.
_PREFIXES_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
_VALUE_WIDTH = 80
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def shorten(iri: str) -> str:
    """A prefixed name for an IRI under one of the package's prefixes, else the IRI in <>."""
    for name, namespace in _PREFIXES_BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace):]}"
    return f"<{iri}>"


def load_shapes(ontology_dir: Path | None = None) -> Graph:
    """Parse the SHACL shapes of an ontology folder (the default one when None)."""
    directory = Path(ontology_dir) if ontology_dir is not None else default_ontology_dir()
    path = directory / SHAPES_FILE
    if not path.is_file():
        raise ValidationError(f"{path}: shapes file not found")
    shapes = Graph()
    try:
        shapes.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated parser exception types
        raise ValidationError(f"{path}: not valid Turtle: {_one_line(str(exc))}") from exc
    return shapes


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result: which node broke which constraint, and how.

    `focus`, `path` and `shape` are full IRIs (a blank node as `_:id`, a complex path in
    SPARQL syntax); `value` is an IRI or a literal's lexical form, and `value_datatype`
    is the literal's datatype IRI (None when the value is not a literal).
    """

    focus: str
    path: str | None
    message: str
    severity: str
    value: str | None
    shape: str | None
    value_datatype: str | None = None

    def __str__(self) -> str:
        """One line: focus, path, message and the offending value, IRIs shortened."""
        parts = [_display_node(self.focus)]
        if self.path:
            parts.append(_display_node(self.path))
        line = ": ".join(parts + [self.message])
        if self.severity != "Violation":
            line = f"[{self.severity}] {line}"
        if self.value is not None:
            line += f" (value: {_display_value(self.value, self.value_datatype)})"
        return line


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, and every result that says why not."""

    conforms: bool
    violations: tuple[Violation, ...]

    def format_text(self) -> str:
        """A human-readable report: a summary line, then one line per result."""
        if not self.violations:
            return "The graph conforms to the shapes."
        counts: dict[str, int] = {}
        for violation in self.violations:
            counts[violation.severity] = counts.get(violation.severity, 0) + 1
        summary = ", ".join(
            f"{n} {severity.lower()}{'' if n == 1 else 's'}"
            for severity, n in sorted(counts.items(), key=lambda item: _SEVERITY_ORDER.get(item[0], 9))
        )
        head = "The graph conforms to the shapes" if self.conforms else "The graph does not conform to the shapes"
        return "\n".join([f"{head} ({summary}):"] + [f"  {v}" for v in self.violations])


def _display_node(text: str) -> str:
    # Blank nodes and SPARQL-syntax paths ("^sg:holder") are already readable.
    if text.startswith(("_:", "^")):
        return text
    return shorten(text)


def _display_value(value: str, datatype: str | None) -> str:
    """An IRI shortened, a literal quoted and clipped, with its datatype unless it is a string."""
    if datatype is None:
        return _display_node(value)
    text = _one_line(value)
    if len(text) > _VALUE_WIDTH:
        text = text[: _VALUE_WIDTH - 1] + "…"
    shown = '"' + text.replace('"', '\\"') + '"'
    if datatype in (str(XSD.string), str(RDF.langString)):
        return shown
    return f"{shown}^^{shorten(datatype)}"


def _term_text(term: Node | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _path_text(results: Graph, path: Node | None) -> str | None:
    # A complex path (inverse, sequence, ...) is a blank node structure: show it in SPARQL syntax.
    if path is None or isinstance(path, URIRef):
        return _term_text(path)
    inverse = results.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^{shorten(str(inverse))}"
    return _term_text(path)


def _message(results: Graph, result: Node) -> str:
    messages = [m for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)]
    if not messages:
        return "constraint violated"
    # Prefer English, then untagged, so a shape with several languages reads the same every run.
    messages.sort(key=lambda m: (m.language not in ("en", None), m.language is not None, str(m)))
    return _one_line(str(messages[0]))


def _datatype(term: Node | None) -> str | None:
    if not isinstance(term, Literal):
        return None
    if term.language is not None:
        return str(RDF.langString)
    return str(term.datatype or XSD.string)


def _violations(results: Graph) -> tuple[Violation, ...]:
    violations = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        value = results.value(result, SH.value)
        source_shape = results.value(result, SH.sourceShape)
        violations.add(
            Violation(
                focus=_term_text(results.value(result, SH.focusNode)) or "",
                path=_path_text(results, results.value(result, SH.resultPath)),
                message=_message(results, result),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=_term_text(value),
                # Anonymous shapes get fresh blank node ids each run: keep only named ones.
                shape=str(source_shape) if isinstance(source_shape, URIRef) else None,
                value_datatype=_datatype(value),
            )
        )
    return tuple(
        sorted(
            violations,
            key=lambda v: (
                _SEVERITY_ORDER.get(v.severity, 9),
                v.focus,
                v.path or "",
                v.message,
                v.value or "",
                v.value_datatype or "",
                v.shape or "",
            ),
        )
    )


def _union(data: Graph, ontology: Graph | None) -> Graph:
    """One plain graph holding every triple to validate.

    pyshacl releases differ in what they validate when handed a Dataset (the default
    graph, each named graph alone, or the union); a stance in a source graph must see
    the actor types in the ontology graph, so the union is made explicit here.
    """
    if not isinstance(data, ConjunctiveGraph) and ontology is None:
        return data
    merged = Graph()
    for prefix, namespace in data.namespaces():
        merged.bind(prefix, namespace, override=False)
    if isinstance(data, ConjunctiveGraph):
        for s, p, o, _ in data.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        for triple in data:
            merged.add(triple)
    if ontology is not None:
        for triple in ontology:
            merged.add(triple)
    return merged


def validate_graph(
    data: Graph | Dataset,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
) -> ValidationReport:
    """Validate a graph, or the union of a dataset's graphs, against the SHACL shapes.

    `ontology` is merged into the data first when the data does not carry the vocabulary,
    actors and issues itself (sh:class checks need their rdf:type and rdfs:subClassOf).
    """
    import pyshacl  # slow to import: only pay for it when validating

    shapes_graph = shapes if shapes is not None else load_shapes()
    data_graph = _union(data, ontology)
    try:
        with _sparql_parsed_once():
            conforms, results, _ = pyshacl.validate(
                data_graph,
                shacl_graph=shapes_graph,
                inference="none",
                abort_on_first=False,
                allow_warnings=True,
                allow_infos=True,
                # SHACL-AF, so shapes may use SPARQL targets and rules; it makes pyshacl copy
                # the data graph unless inplace, which is safe only on a copy of our own.
                advanced=True,
                inplace=data_graph is not data,
            )
    except Exception as exc:  # pyshacl signals bad shapes with several exception types
        raise ValidationError(f"SHACL validation could not run: {_one_line(str(exc))}") from exc
    if not isinstance(results, Graph):
        raise ValidationError("SHACL validation returned no results graph")
    return ValidationReport(conforms=bool(conforms), violations=_violations(results))


# re-entrant: a validation inside a validation (same thread) keeps the outer one's processor to put back
_PARSED_ONCE_LOCK = threading.RLock()


@contextmanager
def _sparql_parsed_once() -> Iterator[None]:
    """Parse each SPARQL text once while pyshacl validates.

    pyshacl runs a SPARQL-based constraint once per focus node, with the same text and new bindings,
    and rdflib parses the text each time: about 60 ms a node, most of a validation's time. Here rdflib's
    processor keeps each text it translates, keyed by text, base and prefixes, and runs the kept query
    with the node's bindings, as a query made with rdflib's prepareQuery is run."""
    from rdflib.plugins.sparql import processor

    with _PARSED_ONCE_LOCK:
        original = processor.SPARQLProcessor.query
        prepared: dict[tuple[Any, ...], Any] = {}

        def query(self: Any, strOrQuery: Any, initBindings: Any = None, initNs: Any = None, base: Any = None,
                  DEBUG: bool = False) -> Any:
            if isinstance(strOrQuery, str):
                key = (strOrQuery, base, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
                if key not in prepared:
                    prepared[key] = processor.prepareQuery(strOrQuery, initNs=initNs, base=base)
                strOrQuery = prepared[key]
            return original(self, strOrQuery, initBindings=initBindings, initNs=initNs, base=base, DEBUG=DEBUG)

        processor.SPARQLProcessor.query = query
        try:
            yield
        finally:
            processor.SPARQLProcessor.query = original


#: How many triples (besides the ontology) one validation round holds at most, unless one graph alone is larger.
BATCH_TRIPLES = 200_000


def _subject(line: str) -> str:
    return line[: line.index(" ")]


def _batches(store: GraphStore, iris: Iterable[str], limit: int) -> Iterator[list[str]]:
    """N-Triples lines in rounds of about `limit`: whole source graphs together (a stance's source
    is in its own graph), the aggregates graph cut between subjects (each aggregate node stands
    alone)."""
    from .aggregates import AGGREGATES_GRAPH

    batch: list[str] = []
    for iri in iris:
        if iri != AGGREGATES_GRAPH:
            batch.extend(store.graph_lines(iri))
            if len(batch) >= limit:
                yield batch
                batch = []
            continue
        previous = None
        for line in store.graph_lines(iri):
            subject = _subject(line)
            if len(batch) >= limit and subject != previous:
                yield batch
                batch = []
            batch.append(line)
            previous = subject
    if batch:
        yield batch


#: The triples of one round when rounds run in several processes: small enough that a build of a few
#: hundred articles gives each process work, large enough that a round's start-up stays a small part.
PARALLEL_BATCH_TRIPLES = 20_000


def validate_store(store: GraphStore, shapes: Graph | None = None, batch_triples: int = BATCH_TRIPLES,
                   jobs: int = 1) -> ValidationReport:
    """Validate a built store named graph by named graph, so memory follows the batch, not the store.

    The ontology graph is validated on its own, then the source graphs and the aggregates graph in
    rounds of about `batch_triples` triples, each with the ontology beside it (for sh:class); the
    results are merged. A build's shapes only look at a node's own graph and the ontology, so the
    report is the one a validation of the whole union would give. With `jobs` above 1 the rounds,
    of at most PARALLEL_BATCH_TRIPLES triples, run in that many processes; the report is the same.
    """
    from .store import MANAGED_GRAPHS

    shapes_graph = shapes if shapes is not None else load_shapes()
    ontology_lines = list(store.graph_lines(str(ONTOLOGY_GRAPH)))
    ontology = _graph_of(ontology_lines)
    reports = [validate_graph(ontology, shapes_graph)]
    others = sorted(iri for iri in store.graph_names() if iri.startswith(MANAGED_GRAPHS) and iri != str(ONTOLOGY_GRAPH))
    rounds = _batches(store, others, min(batch_triples, PARALLEL_BATCH_TRIPLES) if jobs > 1 else batch_triples)
    ahead = list(itertools.islice(rounds, 2)) if jobs > 1 else []
    rounds = itertools.chain(ahead, rounds)
    if len(ahead) == 2:  # one round is validated here: starting processes would cost more than it saves
        reports.extend(_reports_in_processes(rounds, jobs, shapes_graph, ontology_lines))
    else:
        reports.extend(validate_graph(_graph_of(lines), shapes_graph, ontology) for lines in rounds)
    return _merged(reports)


def _reports_in_processes(rounds: Iterable[list[str]], jobs: int, shapes: Graph,
                          ontology_lines: list[str]) -> list[ValidationReport]:
    """The rounds validated in `jobs` processes, at most two per process waiting their turn, so that
    memory still follows the rounds."""
    from concurrent.futures import ProcessPoolExecutor

    reports: list[ValidationReport] = []
    pending: deque[Future[ValidationReport]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_round_worker_init,
                             initargs=(shapes.serialize(format="nt"), ontology_lines)) as pool:
        for lines in rounds:
            pending.append(pool.submit(_validate_round, lines))
            if len(pending) >= 2 * jobs:
                reports.append(pending.popleft().result())
        reports.extend(future.result() for future in pending)
    return reports


def _graph_of(lines: list[str]) -> Graph:
    graph = Graph()
    graph.parse(data="\n".join(lines) + "\n", format="nt")
    return graph


def _merged(reports: list[ValidationReport]) -> ValidationReport:
    """One report from the rounds': every violation once, in a stable order."""
    violations = {v for report in reports for v in report.violations}
    ordered = sorted(
        violations,
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 9), v.focus, v.path or "", v.message, v.value or "",
                       v.value_datatype or "", v.shape or ""),
    )
    return ValidationReport(conforms=all(r.conforms for r in reports), violations=tuple(ordered))


# what each validating process reads once: the shapes and the ontology every round is checked with
_ROUND_CONTEXT: dict[str, Graph] = {}


def _round_worker_init(shapes_nt: str, ontology_lines: list[str]) -> None:
    shapes = Graph()
    shapes.parse(data=shapes_nt, format="nt")
    _ROUND_CONTEXT["shapes"], _ROUND_CONTEXT["ontology"] = shapes, _graph_of(ontology_lines)


def _validate_round(lines: list[str]) -> ValidationReport:
    return validate_graph(_graph_of(lines), _ROUND_CONTEXT["shapes"], _ROUND_CONTEXT["ontology"])
