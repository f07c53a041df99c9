"""`kg validate` reads the store one named graph at a time and reports what a validation of the whole graph reports."""
from __future__ import annotations

import contextlib

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


def _break(built: Path, update: str) -> None:
    """Apply a SPARQL update to the build's store (closed again before anything reads it)."""
    store = pyoxigraph.Store(str(built / "stancegraph.oxigraph"))
    store.update("PREFIX sg: <https://w3id.org/stancegraph/ontology#> " + update)
    del store


def test_broken_graphs_are_reported_as_a_whole_validation_reports_them(built: Path) -> None:
    _break(built,
           # a stance with a confidence out of range, in its source's graph
           "DELETE { GRAPH ?g { ?s sg:confidence ?c } } INSERT { GRAPH ?g { ?s sg:confidence 1.5 } } "
           "WHERE { { SELECT ?s WHERE { GRAPH ?h { ?s sg:confidence ?x } } ORDER BY ?s LIMIT 1 } GRAPH ?g { ?s sg:confidence ?c } } ;"
           # a position whose counts do not add up, in the aggregates graph
           "INSERT DATA { GRAPH <https://w3id.org/stancegraph/id/graph/aggregates> {"
           " <https://w3id.org/stancegraph/id/position/Israel/reconstruction> sg:opposeCount 3 } }")
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


def test_each_sparql_constraint_is_parsed_once_and_the_report_is_the_same(built: Path) -> None:
    from rdflib.plugins.sparql import processor

    from kg import validation

    _break(built,
           # two stances whose offsets run backwards: a SPARQL-based constraint, run once per stance
           "DELETE { GRAPH ?g { ?s sg:charEnd ?e } } INSERT { GRAPH ?g { ?s sg:charEnd 0 } } "
           "WHERE { { SELECT ?s WHERE { GRAPH ?h { ?s sg:charEnd ?x } } ORDER BY ?s LIMIT 2 } GRAPH ?g { ?s sg:charEnd ?e } }")
    dataset, shapes = load_dataset(built), load_shapes()
    parsed: list[str] = []
    original_parse = processor.parseQuery

    def counting_parse(text, *args, **kwargs):
        parsed.append(text)
        return original_parse(text, *args, **kwargs)

    original_query = processor.SPARQLProcessor.query
    processor.parseQuery = counting_parse
    try:
        cached = validate_graph(dataset, shapes)
        assert processor.SPARQLProcessor.query is original_query  # put back once the validation is done
        assert len(parsed) == len(set(parsed))
        # the same validation with rdflib parsing each text for every node, as it does on its own
        validation._sparql_parsed_once, kept = contextlib.nullcontext, validation._sparql_parsed_once
        try:
            uncached = validate_graph(dataset, shapes)
        finally:
            validation._sparql_parsed_once = kept
    finally:
        processor.parseQuery = original_parse
    assert len(parsed) > len(set(parsed))  # the plain run parsed some text twice or more
    assert not cached.conforms and cached == uncached
    offsets = [v for v in cached.violations if v.message.startswith("The end offset must be greater than the start offset")]
    assert len(offsets) == 2 and {v.path for v in offsets} == {"https://w3id.org/stancegraph/ontology#charEnd"}


def test_rounds_in_several_processes_give_the_same_report(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    _break(built,
           "DELETE { GRAPH ?g { ?s sg:confidence ?c } } INSERT { GRAPH ?g { ?s sg:confidence 1.5 } } "
           "WHERE { { SELECT ?s WHERE { GRAPH ?h { ?s sg:confidence ?x } } ORDER BY ?s LIMIT 3 } GRAPH ?g { ?s sg:confidence ?c } }")
    shapes = load_shapes()
    with reader(built) as backend:
        alone = validate_store(backend, shapes, batch_triples=60)
        side_by_side = validate_store(backend, shapes, batch_triples=60, jobs=2)

        def no_pool(*args: object, **kwargs: object) -> None:
            raise AssertionError("a build of one round started processes")

        # the seeds fit one round of the parallel size: it is validated here, no process is started
        monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
        one_round = validate_store(backend, shapes, jobs=2)
        with pytest.raises(AssertionError, match="started processes"):
            validate_store(backend, shapes, batch_triples=60, jobs=2)
    assert not alone.conforms and len(alone.violations) == 3
    assert side_by_side == alone == one_round


def test_kg_validate_takes_jobs(built: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["validate", "--out", str(built), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "The graph conforms to the shapes." in result.output


def test_the_validation_benchmark_runs(built: Path) -> None:
    # a benchmark prints numbers and asserts none: this only keeps it runnable as the library changes
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(REPO / "bench" / "store.py"), "--validate", str(built)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert f"Validation of {built}" in result.stdout and "--jobs 1 " in result.stdout
