"""`kg validate` reads the store one named graph at a time and reports what a validation of the whole graph reports."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.build import build_graph, write_build
from kg.store import load_dataset, reader
from kg.validation import load_shapes, validate_graph, validate_store

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_build(build_graph(REPO / "sources", extract=False), out)
    return out


def test_a_clean_build_conforms_graph_by_graph(built: Path) -> None:
    with reader(built) as store:
        report = validate_store(store, load_shapes(), batch_triples=100)
    assert report.conforms and report.violations == ()


def test_broken_graphs_are_reported_as_a_whole_validation_reports_them(built: Path) -> None:
    store = pyoxigraph.Store(str(built / "stancegraph.oxigraph"))
    store.update(
        "PREFIX sg: <https://w3id.org/stancegraph/ontology#> "
        # a stance with a confidence out of range, in its source's graph
        "DELETE { GRAPH ?g { ?s sg:confidence ?c } } INSERT { GRAPH ?g { ?s sg:confidence 1.5 } } "
        "WHERE { { SELECT ?s WHERE { GRAPH ?h { ?s sg:confidence ?x } } ORDER BY ?s LIMIT 1 } GRAPH ?g { ?s sg:confidence ?c } } ;"
        # a position whose counts do not add up, in the aggregates graph
        "INSERT DATA { GRAPH <https://w3id.org/stancegraph/id/graph/aggregates> {"
        " <https://w3id.org/stancegraph/id/position/Israel/reconstruction> sg:opposeCount 3 } }"
    )
    del store
    shapes = load_shapes()
    whole = validate_graph(load_dataset(built), shapes)
    with reader(built) as backend:
        rounds = validate_store(backend, shapes, batch_triples=60)
        assert validate_store(backend, shapes) == rounds
    assert not rounds.conforms
    assert rounds == whole
    assert {v.path for v in rounds.violations} >= {
        "https://w3id.org/stancegraph/ontology#confidence", "https://w3id.org/stancegraph/ontology#opposeCount"}


def test_the_memory_store_validates_alike(built: Path) -> None:
    with reader(built, "memory") as store:
        assert validate_store(store, load_shapes(), batch_triples=100).conforms
