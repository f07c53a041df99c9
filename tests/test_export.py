"""Every export format parses back into the same graph, with its named graphs where it has them."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import ExportError
from kg.export import FORMATS, export_dataset, rdf_format, serialize
from kg.rdf import union_graph


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lost = "\n".join(sorted(only_expected.serialize(format="nt").splitlines())[:10])
        gained = "\n".join(sorted(only_actual.serialize(format="nt").splitlines())[:10])
        pytest.fail(f"graphs differ\nonly in the build:\n{lost}\nonly after the round trip:\n{gained}")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_round_trip_through_rdflib(curated_build, tmp_path: Path, name: str) -> None:
    result, _ = curated_build
    fmt = FORMATS[name]
    path = export_dataset(result.dataset, tmp_path / f"graph{fmt.extension}")
    if fmt.quads:
        parsed = Dataset()
        parsed.parse(path, format=fmt.rdflib_name)
        expected_graphs = {str(g.identifier): g for g in result.dataset.graphs() if len(g)}
        parsed_graphs = {str(g.identifier): g for g in parsed.graphs() if len(g)}
        assert sorted(parsed_graphs) == sorted(expected_graphs)
        assert len(expected_graphs) == 7  # five sources, the ontology and the aggregates
        for iri, graph in expected_graphs.items():
            assert_isomorphic(graph, parsed_graphs[iri])
    else:
        parsed = Graph().parse(path, format=fmt.rdflib_name)
        assert_isomorphic(union_graph(result.dataset), parsed)


@pytest.mark.parametrize("name", ["ttl", "trig", "nt", "nq"])
def test_exports_load_in_oxigraph_too(curated_build, name: str) -> None:
    result, _ = curated_build
    formats = {"ttl": pyoxigraph.RdfFormat.TURTLE, "trig": pyoxigraph.RdfFormat.TRIG,
               "nt": pyoxigraph.RdfFormat.N_TRIPLES, "nq": pyoxigraph.RdfFormat.N_QUADS}
    store = pyoxigraph.Store()
    store.load(serialize(result.dataset, name), format=formats[name])
    assert len(store) == len(union_graph(result.dataset)) or len(store) == sum(len(g) for g in result.dataset.graphs())


def test_format_lookup_by_name_extension_or_rdflib_name() -> None:
    assert rdf_format("TTL").name == "ttl"
    assert rdf_format(".jsonld").name == "jsonld"
    assert rdf_format("nquads").name == "nq"
    with pytest.raises(ExportError, match="unknown RDF format 'rdfxml'"):
        rdf_format("rdfxml")


def test_jsonld_is_compacted_with_the_project_prefixes(curated_build) -> None:
    import json

    from kg.namespaces import PREFIXES

    result, _ = curated_build
    data = serialize(result.dataset, "jsonld")
    assert data == serialize(result.dataset, "jsonld")
    document = json.loads(data)
    assert document["@context"] == dict(sorted(PREFIXES.items()))
    graphs = {g["@id"]: g["@graph"] for g in document["@graph"]}
    source = graphs["https://w3id.org/stancegraph/id/graph/source/001_e22e95d8dd461b33"]
    stance = next(n for n in source if n.get("@type") == "sg:Stance" and n["sg:quote"].startswith("There can be no"))
    assert stance["sg:holder"] == {"@id": "actor:Israel"} and stance["sg:polarity"] == {"@id": "sg:Conditional"}
    assert stance["@id"].startswith("stance:") and stance["dcterms:date"] == {"@value": "2025-11-15", "@type": "xsd:date"}
    assert "https://w3id.org/stancegraph/ontology#quote" not in data.decode("utf-8")
    parsed = Dataset()
    parsed.parse(data=data, format="json-ld")
    for graph in result.dataset.graphs():
        if len(graph):
            assert_isomorphic(graph, parsed.graph(graph.identifier))
