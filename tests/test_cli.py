"""The kg command line: what users type, what they read, and the exit status they get."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import cli


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def built(runner: CliRunner, seeds_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "exports"
    result = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(out), "--no-extract"])
    assert result.exit_code == 0, result.output
    return out


def test_every_command_has_help_text(runner: CliRunner) -> None:
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"{name} has no help"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert command.help.split("\n")[0][:30] in result.output
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts} has no help"


def test_build_prints_a_summary_and_writes_turtle_and_trig(runner: CliRunner, seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(out), "--no-extract"])
    assert result.exit_code == 0, result.output
    assert "articles read: 5\n" in result.output
    assert "stances: 59 (0 extracted, 59 curated)" in result.output
    assert "actors: 13" in result.output and "issues: 9" in result.output
    assert (out / "stancegraph.ttl").stat().st_size > 0
    assert (out / "stancegraph.trig").stat().st_size > 0


def test_query_finds_who_opposes_the_stabilization_force_with_quotes(runner: CliRunner, built: Path) -> None:
    query = """SELECT ?actor ?quote WHERE {
        ?s sg:holder ?actor ; sg:issue issue:stabilization_force ; sg:polarity sg:Oppose ; sg:quote ?quote .
    } ORDER BY ?actor ?quote"""
    result = runner.invoke(cli, ["query", query, "--out", str(built), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    actors = sorted({r["actor"]["value"].rsplit("/", 1)[-1] for r in rows})
    assert actors == ["ISFPartners", "Russia", "US"]
    quotes = {r["quote"]["value"] for r in rows}
    assert "Moscow, however, is advancing an alternative draft that sidesteps the creation of a peacekeeping body altogether" in quotes


def test_query_table_csv_and_tsv(runner: CliRunner, built: Path) -> None:
    query = "SELECT ?issue (COUNT(?s) AS ?n) WHERE { ?s sg:holder actor:Hamas ; sg:issue ?issue } GROUP BY ?issue ORDER BY ?issue"
    table = runner.invoke(cli, ["query", query, "--out", str(built)])
    assert table.exit_code == 0
    assert table.output.splitlines()[2].split() == ["issue:ceasefire", "4"]
    assert table.output.rstrip().endswith("(3 rows)")
    csv = runner.invoke(cli, ["query", query, "--out", str(built), "--format", "csv"])
    assert csv.output.splitlines()[:2] == ["issue,n", "https://w3id.org/stancegraph/id/issue/ceasefire,4"]
    tsv = runner.invoke(cli, ["query", query, "--out", str(built), "--format", "tsv"])
    assert tsv.output.splitlines()[1].startswith("<https://w3id.org/stancegraph/id/issue/ceasefire>\t")


def test_query_from_a_file_ask_and_construct(runner: CliRunner, built: Path, tmp_path: Path) -> None:
    rq = tmp_path / "russia.rq"
    rq.write_text("ASK { ?s sg:holder actor:Russia ; sg:polarity sg:Oppose }\n", encoding="utf-8")
    ask = runner.invoke(cli, ["query", str(rq), "--out", str(built)])
    assert (ask.exit_code, ask.output) == (0, "yes\n")
    construct = runner.invoke(
        cli,
        ["query", "CONSTRUCT { ?a sg:opposes ?i } WHERE { ?s sg:holder ?a ; sg:issue ?i ; sg:polarity sg:Oppose } ", "--out", str(built)],
    )
    assert construct.exit_code == 0
    assert "actor:Russia sg:opposes issue:peace_plan" in construct.output.replace(",", "").replace("\n", " ") or (
        "actor:Russia sg:opposes" in construct.output
    )


def test_query_from_standard_input(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(cli, ["query", "-", "--out", str(built), "--format", "csv"],
                           input="SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Stance }\n")
    assert (result.exit_code, result.output.splitlines()) == (0, ["n", "59"])


def test_canned_queries_run(runner: CliRunner, built: Path) -> None:
    for name in ("stances", "positions", "conflicts", "conditions"):
        result = runner.invoke(cli, ["query", name, "--out", str(built), "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert len(result.output.splitlines()) > 1, name
    conflicts = runner.invoke(cli, ["query", "conflicts", "--out", str(built), "--format", "csv"]).output
    assert (
        "https://w3id.org/stancegraph/id/issue/stabilization_force,opposite,"
        "https://w3id.org/stancegraph/id/actor/US,support,https://w3id.org/stancegraph/id/actor/Russia,oppose,"
    ) in conflicts


def test_query_syntax_error_says_where(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(cli, ["query", "SELECT ?s WHERE {\n  ?s sg:holder actor:US\n  FILTR(?s)\n}", "--out", str(built)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL syntax error at line 3, column")
    assert "FILTR" in result.output
    assert "Traceback" not in result.output


def test_updates_are_refused(runner: CliRunner, built: Path) -> None:
    before = (built / "stancegraph.trig").read_bytes()
    result = runner.invoke(cli, ["query", "DELETE WHERE { ?s ?p ?o }", "--out", str(built)])
    assert result.exit_code == 1
    assert "Error: updates are refused: kg query only reads the graph" in result.output
    assert (built / "stancegraph.trig").read_bytes() == before


def test_query_before_build_tells_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["query", "positions", "--out", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no built graph here" in result.output and "run 'kg build' first" in result.output


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nt", "nq", "jsonld"])
def test_export_writes_each_format(runner: CliRunner, built: Path, fmt: str) -> None:
    result = runner.invoke(cli, ["export", "--format", fmt, "--out", str(built)])
    assert result.exit_code == 0, result.output
    assert (built / f"stancegraph.{fmt}").stat().st_size > 1000


def test_export_to_stdout(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(cli, ["export", "--format", "nt", "--out", str(built), "-o", "-"])
    assert result.exit_code == 0
    assert result.output.count("rdf-syntax-ns#type> <https://w3id.org/stancegraph/ontology#Stance> .") == 59


def test_validate_a_clean_build_conforms(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(cli, ["validate", "--out", str(built)])
    assert result.exit_code == 0, result.output


def test_validate_reports_a_broken_graph(runner: CliRunner, built: Path) -> None:
    store = pyoxigraph.Store(str(built / "stancegraph.oxigraph"))
    store.update(
        "PREFIX sg: <https://w3id.org/stancegraph/ontology#> "
        "DELETE { GRAPH ?g { ?s sg:confidence ?c } } INSERT { GRAPH ?g { ?s sg:confidence 1.5 } } "
        "WHERE { { SELECT ?s WHERE { GRAPH ?h { ?s sg:confidence ?x } } ORDER BY ?s LIMIT 1 } GRAPH ?g { ?s sg:confidence ?c } }"
    )
    del store
    result = runner.invoke(cli, ["validate", "--out", str(built)])
    assert result.exit_code == 1
    assert "sg:confidence" in result.output
    assert "does not conform to the shapes (1 violation(s))" in result.output


def test_bad_annotation_fails_the_build_and_keeps_the_old_exports(runner: CliRunner, built: Path, seeds_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    stored = runner.invoke(cli, ["export", "--format", "nq", "--out", str(built), "-o", "-"]).output
    path = seeds_dir / "annotations" / "seeds.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("holder: Russia,", "holder: Muscovy,", 1), encoding="utf-8")
    result = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(built), "--no-extract"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}: article 000_9f35d4ad34641da1, entry 10: unknown actor id 'Muscovy'")
    assert {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()} == before
    assert runner.invoke(cli, ["export", "--format", "nq", "--out", str(built), "-o", "-"]).output == stored


def test_unreadable_article_is_named_and_the_rest_is_built(runner: CliRunner, seeds_dir: Path, tmp_path: Path) -> None:
    (seeds_dir / "zz_latin1.txt").write_bytes("Le Caire soutient la trêve.".encode("latin-1"))
    (seeds_dir / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(out), "--no-extract"])
    assert result.exit_code == 1
    assert f"error: {seeds_dir / 'zz_empty.txt'}: empty article (no text)" in result.output
    assert f"error: {seeds_dir / 'zz_latin1.txt'}: not UTF-8 (byte 0xea at offset 23)" in result.output
    assert "Error: 2 file(s) could not be read; the graph holds the other 5" in result.output
    assert "stances: 59" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        ".cache", "stancegraph.html", "stancegraph.oxigraph", "stancegraph.trig", "stancegraph.ttl"
    ]


def test_missing_source_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"Directory '{tmp_path / 'nope'}' does not exist" in result.output
    assert not (tmp_path / "o").exists()


def test_no_temporary_files_are_left_behind(runner: CliRunner, built: Path) -> None:
    assert not [p for p in built.rglob("*") if p.name.endswith(".tmp")]
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".")) == [".cache"]


def _page_data(html: str) -> dict:
    import re

    return json.loads(re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', html, re.DOTALL).group(1))


def test_viz_quotes_sets_how_many_statements_a_link_carries(runner: CliRunner, built: Path) -> None:
    from kg.viz import QUOTES_PER_LINK

    default = _page_data(runner.invoke(cli, ["viz", "-o", "-", "--out", str(built)]).output)
    assert default["quotesPerLink"] == QUOTES_PER_LINK and len(default["statements"]) == default["total"] == 59
    two = _page_data(runner.invoke(cli, ["viz", "-o", "-", "--quotes", "2", "--out", str(built)]).output)
    assert two["total"] == 59 and two["quotesPerLink"] == 2
    assert max(len(members) for members in two["groups"]) == 2 < max(len(members) for members in default["groups"])
    assert two["cells"] == default["cells"] and two["views"] == default["views"]
    every = _page_data(runner.invoke(cli, ["viz", "-o", "-", "--quotes", "0", "--out", str(built)]).output)
    assert every["quotesPerLink"] is None and len(every["statements"]) == 59
    wrong = runner.invoke(cli, ["viz", "-o", "-", "--quotes", "-1", "--out", str(built)])
    assert wrong.exit_code == 2 and "Invalid value for '--quotes': -1 is not in the range x>=0." in wrong.output
