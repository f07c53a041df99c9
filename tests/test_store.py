"""The build writes an on-disk Oxigraph store; graphs change one source at a time; exports come from the store."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.build import build_graph, write_build
from kg.cli import cli
from kg.errors import GraphNotBuiltError, StoreError
from kg.namespaces import ID, ONTOLOGY_GRAPH
from kg.queries import canned_query, run_query
from kg.store import STORE_DIR, connect, open_store, parse_store_spec

REPO = Path(__file__).resolve().parent.parent
SOURCE_GRAPH = ID + "graph/source/"


def rows(store, name: str) -> list[tuple[str, ...]]:
    result = run_query(store, canned_query(name))
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result.rows)


def stored_graphs(out: Path) -> set[str]:
    store = pyoxigraph.Store.read_only(str(out / STORE_DIR))
    return {g.value for g in store.named_graphs()}


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lost = "\n".join(sorted(only_expected.serialize(format="nt").splitlines())[:10])
        gained = "\n".join(sorted(only_actual.serialize(format="nt").splitlines())[:10])
        pytest.fail(f"graphs differ\nonly in rdflib's graph:\n{lost}\nonly in the export:\n{gained}")


def test_the_build_writes_a_store_that_answers_like_the_rdflib_graph(seeds_dir: Path, tmp_path: Path) -> None:
    result = build_graph(seeds_dir, extract=False)
    write_build(result, tmp_path)
    assert (tmp_path / STORE_DIR / "CURRENT").is_file()
    store = open_store(tmp_path)
    assert isinstance(store, pyoxigraph.Store)
    assert len(store) == sum(len(g) for g in result.dataset.graphs())
    assert stored_graphs(tmp_path) == {str(g.identifier) for g in result.dataset.graphs() if len(g)}
    memory = connect("memory", tmp_path)
    for name in ("positions", "conflicts", "stances"):
        assert rows(store, name) == rows(memory, name)
        assert rows(store, name)


@pytest.mark.parametrize("name", ["ttl", "nt"])
def test_triple_exports_are_isomorphic_to_rdflib_graph(curated_build, tmp_path: Path, name: str) -> None:
    result, _ = curated_build
    write_build(result, tmp_path, formats=[name])
    expected = Graph()
    for s, p, o, _ in result.dataset.quads((None, None, None, None)):
        expected.add((s, p, o))
    exported = Graph().parse(tmp_path / f"stancegraph.{name}", format={"ttl": "turtle", "nt": "nt"}[name])
    assert_isomorphic(expected, exported)


@pytest.mark.parametrize("name", ["trig", "nq", "jsonld"])
def test_dataset_exports_keep_every_named_graph(curated_build, tmp_path: Path, name: str) -> None:
    result, _ = curated_build
    write_build(result, tmp_path, formats=[name])
    parsed = Dataset().parse(tmp_path / f"stancegraph.{name}", format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[name])
    expected = {str(g.identifier): g for g in result.dataset.graphs() if len(g)}
    got = {str(g.identifier): g for g in parsed.graphs() if len(g)}
    assert sorted(got) == sorted(expected)
    assert str(ONTOLOGY_GRAPH) in got
    for iri, graph in expected.items():
        assert_isomorphic(graph, got[iri])


def _build_in_fresh_process(out: Path, seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    code = (
        "import sys; from kg.build import build_graph, write_build; "
        "write_build(build_graph(sys.argv[1], extract=False), sys.argv[2], formats=['ttl','trig','nt','nq','jsonld'])"
    )
    subprocess.run([sys.executable, "-c", code, str(REPO / "sources"), str(out)], check=True, env=env, cwd=REPO)


def test_exports_are_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    _build_in_fresh_process(tmp_path / "a", "1")
    _build_in_fresh_process(tmp_path / "b", "4242")
    for ext in ("ttl", "trig", "nt", "nq", "jsonld"):
        assert (tmp_path / "a" / f"stancegraph.{ext}").read_bytes() == (tmp_path / "b" / f"stancegraph.{ext}").read_bytes(), ext


def test_memory_and_oxigraph_builds_write_the_same_bytes(curated_build, tmp_path: Path) -> None:
    result, _ = curated_build
    formats = ["ttl", "trig", "nt", "nq", "jsonld"]
    write_build(result, tmp_path / "ox", formats=formats)
    write_build(result, tmp_path / "mem", formats=formats, store="memory")
    assert not (tmp_path / "mem" / STORE_DIR).exists()
    for ext in formats:
        assert (tmp_path / "ox" / f"stancegraph.{ext}").read_bytes() == (tmp_path / "mem" / f"stancegraph.{ext}").read_bytes(), ext


def test_an_unchanged_rebuild_writes_no_graph(seeds_dir: Path, tmp_path: Path) -> None:
    first = build_graph(seeds_dir, extract=False)
    write_build(first, tmp_path)
    before = (tmp_path / "stancegraph.trig").read_bytes()
    second = build_graph(seeds_dir, extract=False)
    write_build(second, tmp_path)
    assert second.store_update is not None
    assert (second.store_update.written, second.store_update.unchanged, second.store_update.dropped) == (0, 7, 0)
    assert (tmp_path / "stancegraph.trig").read_bytes() == before


def test_a_changed_article_replaces_only_its_graph_and_a_removed_one_is_dropped(seeds_dir: Path, tmp_path: Path) -> None:
    write_build(build_graph(seeds_dir, annotations=[], extract=False), tmp_path)
    changed = seeds_dir / "003_22080ab9aa80b605.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    (seeds_dir / "004_7e26575f6888aeed.txt").unlink()
    result = build_graph(seeds_dir, annotations=[], extract=False)
    write_build(result, tmp_path)
    assert result.store_update is not None
    assert (result.store_update.written, result.store_update.unchanged, result.store_update.dropped) == (1, 4, 1)
    assert SOURCE_GRAPH + "004_7e26575f6888aeed" not in stored_graphs(tmp_path)
    assert "004_7e26575f6888aeed" not in (tmp_path / "stancegraph.trig").read_text(encoding="utf-8")
    # The store now holds exactly what a fresh build of the same folder holds.
    write_build(build_graph(seeds_dir, annotations=[], extract=False), tmp_path / "fresh")
    assert (tmp_path / "stancegraph.trig").read_bytes() == (tmp_path / "fresh" / "stancegraph.trig").read_bytes()


def test_an_interrupted_update_is_redone(seeds_dir: Path, tmp_path: Path) -> None:
    write_build(build_graph(seeds_dir, extract=False), tmp_path)
    # Damage the store behind the build's back, as a crash half-way through a load would.
    store = pyoxigraph.Store(str(tmp_path / STORE_DIR))
    store.remove_graph(pyoxigraph.NamedNode(SOURCE_GRAPH + "001_e22e95d8dd461b33"))
    del store
    result = build_graph(seeds_dir, extract=False)
    write_build(result, tmp_path)
    assert result.store_update is not None and result.store_update.written == 1
    assert SOURCE_GRAPH + "001_e22e95d8dd461b33" in stored_graphs(tmp_path)


def test_reading_before_any_build_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(GraphNotBuiltError, match="no built graph here"):
        connect(None, tmp_path)


def test_a_store_in_use_is_refused_with_a_hint(curated_build, tmp_path: Path) -> None:
    result, _ = curated_build
    write_build(result, tmp_path)
    holder = pyoxigraph.Store(str(tmp_path / STORE_DIR))
    try:
        with pytest.raises(StoreError, match="the store is in use by another process"):
            write_build(result, tmp_path)
    finally:
        del holder


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("postgres:x", "unknown store 'postgres:x'"),
        ("sparql:localhost:7878", "sparql needs an http(s) URL"),
        ("memory:/tmp/x", "memory takes no location"),
    ],
)
def test_store_specs_are_checked(spec: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=re.escape(message)):
        parse_store_spec(spec, tmp_path)


def test_store_spec_defaults_to_the_out_folder(tmp_path: Path) -> None:
    assert parse_store_spec(None, tmp_path).location == str(tmp_path / STORE_DIR)
    assert parse_store_spec("oxigraph:/data/kg", tmp_path).location == "/data/kg"
    assert parse_store_spec("sparql:http://127.0.0.1:7878/", tmp_path).location == "http://127.0.0.1:7878"


def test_cli_build_export_choice_and_no_export(seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(out), "--no-extract", "--export", "nt,nq"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("stancegraph.*")) == [
        "stancegraph.html", "stancegraph.nq", "stancegraph.nt", "stancegraph.oxigraph"
    ]
    assert "store: 7 graph(s) written, 0 unchanged, 0 dropped" in result.output
    bare = tmp_path / "bare"
    result = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(bare), "--no-extract", "--no-export"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in bare.glob("stancegraph.*")) == ["stancegraph.oxigraph"]
    query = runner.invoke(cli, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a sg:Stance }", "--out", str(bare), "--format", "csv"])
    assert query.output.split() == ["n", "59"]


def test_cli_refuses_an_unknown_export_format_and_store(seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(tmp_path), "--export", "ttl,rdfxml"])
    assert result.exit_code == 2
    assert "Invalid value for '--export': unknown RDF format 'rdfxml' (choose one of ttl, trig, nt, nq, jsonld)" in result.output
    result = runner.invoke(cli, ["query", "positions", "--out", str(tmp_path), "--store", "mongo:x"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: unknown store 'mongo:x'\n"
        "Hint: use oxigraph:PATH, memory or sparql:URL (e.g. sparql:http://127.0.0.1:7878)\n"
    )


def test_query_with_the_memory_store_reads_the_trig_export(seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(tmp_path), "--no-extract"]).exit_code == 0
    embedded = runner.invoke(cli, ["query", "positions", "--out", str(tmp_path), "--format", "json"])
    memory = runner.invoke(cli, ["query", "positions", "--out", str(tmp_path), "--format", "json", "--store", "memory"])
    assert embedded.exit_code == memory.exit_code == 0
    assert memory.output == embedded.output
    bad = runner.invoke(cli, ["query", "SELECT ?s WHERE { ?s ?p }", "--out", str(tmp_path), "--store", "memory"])
    assert bad.exit_code == 1 and bad.output.startswith("Error: SPARQL syntax error")


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_a_query_answer_is_dropped_in_the_thread_that_made_it(seeds_dir: Path, tmp_path: Path) -> None:
    # pyoxigraph's answers may only be freed by the thread that made them: the query thread must not
    # leave its answer for the garbage collector of another thread
    import gc

    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(tmp_path), "--no-extract"]).exit_code == 0
    for store in ("memory", "oxigraph"):
        result = runner.invoke(cli, ["query", "positions", "--out", str(tmp_path), "--format", "json", "--store", store])
        assert result.exit_code == 0, result.output
    gc.collect()


@pytest.mark.parametrize("name", ["ttl", "trig", "nt", "nq", "jsonld"])
def test_kg_export_reads_the_store_back_into_the_same_bytes_the_build_wrote(curated_build, tmp_path: Path, name: str) -> None:
    result, _ = curated_build
    write_build(result, tmp_path, formats=[name])
    written = (tmp_path / f"stancegraph.{name}").read_bytes()
    exported = CliRunner().invoke(cli, ["export", "--format", name, "--out", str(tmp_path), "-o", str(tmp_path / "again")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "again").read_bytes() == written


def test_odd_text_survives_the_direct_n_quads(tmp_path: Path) -> None:
    from kg.dictionary import load_dictionary
    from kg.build import BuildResult
    from kg.model import Article, Method, Polarity, Stance

    text = 'Tab\there, "quotes", back\\slash, bell\x07, é, \u2028 line separator: Egypt backs the truce.'
    article = Article(source_id="odd name %1", text=text, title="A \"title\"\nwith a newline", url="https://example.org/a b")
    stance = Stance(source_id=article.source_id, holder="Egypt", issue="ceasefire", polarity=Polarity.SUPPORT,
                    quote=text, char_start=0, char_end=len(text), method=Method.CURATED, confidence=1.0)
    result = BuildResult(articles=[article], stances=[stance], dictionary=load_dictionary())
    write_build(result, tmp_path, formats=["nq"])
    exported = CliRunner().invoke(cli, ["export", "--format", "nq", "--out", str(tmp_path), "-o", "-"])
    assert exported.output.encode("utf-8") == (tmp_path / "stancegraph.nq").read_bytes()
    store = open_store(tmp_path)
    answer = run_query(store, "SELECT ?q ?id ?url WHERE { ?s sg:quote ?q ; prov:wasDerivedFrom ?src . ?src dcterms:identifier ?id ; schema:url ?url }")
    assert [[t.value for t in row] for row in answer.rows] == [[text, "odd name %1", "https://example.org/a%20b"]]
    assert stored_graphs(tmp_path) >= {SOURCE_GRAPH + "odd%20name%20%251"}


def test_an_unchanged_cli_rebuild_leaves_exports_and_page_alone(seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    build = ["build", str(seeds_dir), "--out", str(tmp_path), "--no-extract"]
    assert runner.invoke(cli, build).exit_code == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("stancegraph.*") if p.is_file()}
    again = runner.invoke(cli, build)
    assert again.exit_code == 0
    assert "store: 0 graph(s) written, 7 unchanged, 0 dropped" in again.output
    assert f"exports in {tmp_path} are up to date" in again.output
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("stancegraph.*") if p.is_file()} == stamps
    (tmp_path / "stancegraph.ttl").unlink()
    third = runner.invoke(cli, build)
    assert f"wrote: {tmp_path / 'stancegraph.ttl'}\n" in third.output
    # --no-cache rewrites everything.
    fourth = runner.invoke(cli, build + ["--no-cache"])
    assert "store: 7 graph(s) written, 0 unchanged, 0 dropped" in fourth.output
    assert "stancegraph.html" in fourth.output and "stancegraph.trig" in fourth.output


def test_an_unchanged_rebuild_does_not_even_write_the_n_quads(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.quads

    write_build(build_graph(seeds_dir, extract=False), tmp_path)
    second = build_graph(seeds_dir, extract=False)

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged source's N-Quads were written again")

    monkeypatch.setattr(kg.quads, "source_lines", refuse)
    assert write_build(second, tmp_path) == []
    assert second.store_update is not None and second.store_update.written == 0


def test_the_cluster_unit_of_work_finds_what_a_serial_build_finds(seeds_dir: Path) -> None:
    from kg.build import extract_batch
    from kg.model import merge_stances

    serial = build_graph(seeds_dir, annotations=[])
    articles = serial.articles
    batches = [articles[:2], articles[2:]]
    mapped = [s for batch in batches for per_article in extract_batch(batch) for s in per_article]
    assert merge_stances([], mapped) == serial.stances
    assert serial.stances
