"""Every export format parses back into the same graph, with its named graphs where it has them."""
from __future__ import annotations

import hashlib
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


# The streamed export (sorting on disk) writes the bytes of the in-memory one (export_lines).


def _in_memory(store: pyoxigraph.Store) -> dict[str, bytes]:
    from kg.export import export_lines, store_lines

    return export_lines(store_lines(store), sorted(FORMATS))


def _streamed(store: pyoxigraph.Store, folder: Path, chunk_lines: int) -> dict[str, bytes]:
    from kg.export import export_store_files

    folder.mkdir()
    targets = {name: folder / f"stancegraph{fmt.extension}" for name, fmt in FORMATS.items()}
    export_store_files(store, targets, chunk_lines=chunk_lines)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in targets.values())  # no scratch left
    return {name: path.read_bytes() for name, path in targets.items()}


@pytest.mark.parametrize("chunk_lines", [500_000, 7])
def test_streamed_export_equals_the_in_memory_export_on_the_seeds(curated_build, tmp_path: Path, chunk_lines: int) -> None:
    from kg.store import open_store

    _, out = curated_build
    store = open_store(out)
    expected = _in_memory(store)
    got = _streamed(store, tmp_path / "streamed", chunk_lines)
    for name in sorted(FORMATS):
        assert got[name] == expected[name], name
    assert expected["nq"].count(b"\n") == len(store)


def _awkward_store() -> pyoxigraph.Store:
    """Quads that stress the ordering and escaping: non-ASCII and astral characters, control and
    line-separator characters, blank nodes outside the ontology, a triple in two graphs, the default graph."""
    ex = "https://example.org/"
    store = pyoxigraph.Store()
    g1, g2, g12 = (pyoxigraph.NamedNode(ex + name) for name in ("g/1", "g/2", "g/1/2"))
    s = pyoxigraph.NamedNode(ex + "s")
    p = pyoxigraph.NamedNode(ex + "p")
    texts = ["z", "é", "\ufffd", "\U0001d11e", "line\u2028sep", "c1\x85", "ctl\x01\x1f", "tab\tnl\n", 'q"b\\', ""]
    for i, text in enumerate(texts):
        store.add(pyoxigraph.Quad(s, p, pyoxigraph.Literal(text), g1 if i % 2 else g2))
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(ex + f"s{text.encode().hex()}"), p, pyoxigraph.Literal(text, language="en"), g12))
    store.add(pyoxigraph.Quad(s, p, pyoxigraph.Literal("both"), g1))
    store.add(pyoxigraph.Quad(s, p, pyoxigraph.Literal("both"), g2))
    first, second = pyoxigraph.BlankNode("zz"), pyoxigraph.BlankNode("aa")
    store.add(pyoxigraph.Quad(s, p, first, g2))
    store.add(pyoxigraph.Quad(first, p, second, g2))
    store.add(pyoxigraph.Quad(second, p, pyoxigraph.Literal("_: not a blank node"), g2))
    store.add(pyoxigraph.Quad(s, p, pyoxigraph.Literal("default graph")))
    return store


@pytest.mark.parametrize("chunk_lines", [500_000, 3, 1])
def test_streamed_export_equals_the_in_memory_export_on_awkward_quads(tmp_path: Path, chunk_lines: int) -> None:
    store = _awkward_store()
    expected = _in_memory(store)
    got = _streamed(store, tmp_path / "streamed", chunk_lines)
    for name in sorted(FORMATS):
        assert got[name] == expected[name], name
    assert b"default graph" not in got["nq"] and got["nt"].count(b'"both"') == 1
    assert b"\\u2028" in got["ttl"] and "\u2028".encode() not in got["ttl"]
    parsed = pyoxigraph.Dataset(pyoxigraph.parse(got["trig"], format=pyoxigraph.RdfFormat.TRIG))
    assert len(parsed) == len(store) - 1


def test_graphs_handed_on_a_few_lines_at_a_time_give_the_same_bytes(curated_build, tmp_path: Path, monkeypatch) -> None:
    import kg.export
    from kg.store import open_store

    # Graphs without blank nodes (the aggregates, each source) go on in groups of 2 lines; the
    # graphs with blank nodes (the ontology, g/2 of the awkward quads) stay whole for their labels.
    monkeypatch.setattr(kg.export, "GROUP_LINES", 2)
    for number, store in enumerate((open_store(curated_build[1]), _awkward_store())):
        expected = _in_memory(store)
        got = _streamed(store, tmp_path / f"streamed{number}", 5)
        for name in sorted(FORMATS):
            assert got[name] == expected[name], (number, name)


def test_line_sorter_merges_runs_written_to_disk(tmp_path: Path) -> None:
    import random

    from kg.extsort import MERGE_WIDTH, LineSorter

    rng = random.Random(3)
    lines = [f"{rng.randrange(400):05d} {'é' * rng.randrange(3)}\n".encode() for _ in range(1000)]
    sorter = LineSorter(tmp_path, chunk_lines=7)
    sorter.extend(lines)
    assert len(sorter.runs) > MERGE_WIDTH  # merged in more than one round
    assert list(sorter) == sorted(set(lines))
    assert list(tmp_path.iterdir()) == []


def test_line_sorter_without_runs_sorts_in_memory(tmp_path: Path) -> None:
    from kg.extsort import LineSorter

    sorter = LineSorter(tmp_path, chunk_lines=10)
    sorter.extend([b"b\n", b"a\n", b"b\n"])
    assert sorter.runs == [] and list(sorter) == [b"a\n", b"b\n"]


def test_build_exports_equal_the_in_memory_export(curated_build, tmp_path: Path) -> None:
    from kg.build import write_build
    from kg.store import open_store

    result, _ = curated_build
    write_build(result, tmp_path, formats=sorted(FORMATS))
    expected = _in_memory(open_store(tmp_path))
    for name, fmt in FORMATS.items():
        assert (tmp_path / f"stancegraph{fmt.extension}").read_bytes() == expected[name], name


def test_exports_of_a_store_built_earlier_equal_a_fresh_build(seeds_dir: Path, tmp_path: Path) -> None:
    from kg.build import build_graph, write_build
    from kg.store import open_store

    formats = sorted(FORMATS)
    fresh = tmp_path / "fresh"
    write_build(build_graph(seeds_dir, extract=False), fresh, formats=formats)
    later = tmp_path / "later"
    write_build(build_graph(seeds_dir, extract=False), later, formats=[])  # the store only
    written = write_build(build_graph(seeds_dir, extract=False), later, formats=formats)
    assert [p.name for p in written] == sorted(f"stancegraph{FORMATS[n].extension}" for n in formats)
    for name, fmt in FORMATS.items():
        assert (later / f"stancegraph{fmt.extension}").read_bytes() == (fresh / f"stancegraph{fmt.extension}").read_bytes(), name
    # One article changed: its graph is made again, the others' text is read from the build, not the store.
    article = sorted(seeds_dir.glob("*.txt"))[0]
    old_digest = hashlib.sha256(article.read_bytes()).hexdigest().encode()
    article.write_text(article.read_text(encoding="utf-8") + "\nA closing paragraph written for this test.\n", encoding="utf-8")
    again = build_graph(seeds_dir, extract=False)
    write_build(again, later, formats=formats)
    assert again.store_update is not None and again.store_update.written >= 1 and again.store_update.unchanged >= 1
    expected = _in_memory(open_store(later))
    assert old_digest in (fresh / "stancegraph.nt").read_bytes() and old_digest not in expected["nt"]
    for name, fmt in FORMATS.items():
        assert (later / f"stancegraph{fmt.extension}").read_bytes() == expected[name], name
    assert not [p for p in later.iterdir() if p.name.startswith(".stancegraph-")]


def test_a_build_removes_scratch_folders_a_killed_build_left(curated_build, tmp_path: Path) -> None:
    import os
    import time

    from kg.build import write_build

    result, _ = curated_build
    old, recent = tmp_path / ".stancegraph-build-old", tmp_path / ".stancegraph-sort-recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "graphs.nq").write_text("left over\n")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    write_build(result, tmp_path, formats=["nt"])
    assert not old.exists() and recent.exists()  # a recent one may be another build's, still at work
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".stancegraph-")) == [recent.name]


@pytest.mark.parametrize(
    "order",
    ["blocks", "graph twice", "unsorted in a graph", "repeated line"],
)
def test_graph_blocks_and_anything_else_give_the_same_bytes(tmp_path: Path, order: str) -> None:
    from kg.export import export_lines, export_nquads, group_lines

    ex = "https://example.org/"
    lines = {
        g: sorted(f'<{ex}s{i}> <{ex}p> "{g}{i}" <{ex}g/{g}> .' for i in range(4)) + [f"<{ex}s> <{ex}p> _:b{g} <{ex}g/{g}> ."]
        for g in ("b", "a", "c")
    }
    blocks = [line for g in ("b", "a", "c") for line in sorted(lines[g])]
    text = {
        "blocks": blocks,  # as a build writes them: each graph's lines together, sorted
        "graph twice": blocks[:3] + blocks[5:8] + blocks[3:5] + blocks[8:],
        "unsorted in a graph": blocks[1::-1] + blocks[2:],
        "repeated line": blocks[:6] + blocks[5:],
    }[order]
    source = tmp_path / "in.nq"
    source.write_text("\n".join(text) + "\n", encoding="utf-8")
    targets = {name: tmp_path / f"out{fmt.extension}" for name, fmt in FORMATS.items()}
    export_nquads(source, targets, chunk_lines=2)
    expected = export_lines(group_lines(text), sorted(FORMATS))
    for name, path in targets.items():
        assert path.read_bytes() == expected[name], name
    assert targets["nq"].read_bytes().count(b"\n") == 15
