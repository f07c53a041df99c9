"""Answers on the seed build: expected rows written from the gold annotations, not from the output."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import answers
from kg.cli import cli
from kg.network import actor_actor_graph, net_position, projection, statements_from_store
from kg.queries import bind_values
from kg.store import open_store
from kg.viz import page_data

REPO = Path(__file__).resolve().parent.parent
# Dates and publishers of the seed articles (sources/manifest.yaml).
DATES = {"000_9f35d4ad34641da1": "2025-11-16", "001_e22e95d8dd461b33": "2025-11-15", "002_fde916106131c18b": "2025-11-17",
         "003_22080ab9aa80b605": "2025-06-03", "004_7e26575f6888aeed": "2025-07-25"}


@pytest.fixture(scope="module")
def out(curated_build) -> Path:
    return curated_build[1]


@pytest.fixture(scope="module")
def store(out):
    return open_store(out)


def gold_rows(gold: dict) -> list[dict]:
    return [dict(entry, source=source) for source, entries in gold["articles"].items() for entry in entries]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


# --- positions ----------------------------------------------------------------------------------


def test_positions_on_reconstruction(store):
    # Gold: Israel conditional on reconstruction 3x in 000, once in 001 and 002; the US supports
    # it 3x in 000, once in 001 and 002. 001 is Matzav.com, 000 TheInterviewTimes.com, 002 has none.
    rows = answers.positions(store, ["reconstruction"]).records()
    assert rows == [
        {"actor": "Israel", "issue": "reconstruction", "position": "conditional", "support": 0, "oppose": 0, "conditional": 5,
         "statements": 5, "sources": 3, "publishers": 2, "first": "2025-11-15", "last": "2025-11-17"},
        {"actor": "US", "issue": "reconstruction", "position": "support", "support": 5, "oppose": 0, "conditional": 0,
         "statements": 5, "sources": 3, "publishers": 2, "first": "2025-11-15", "last": "2025-11-17"},
    ]


def test_positions_agree_with_the_gold_everywhere(store, gold):
    expected: dict[tuple[str, str], dict] = {}
    for g in gold_rows(gold):
        cell = expected.setdefault((g["holder"], g["issue"]), {"support": 0, "oppose": 0, "conditional": 0, "sources": set()})
        cell[g["polarity"]] += 1
        cell["sources"].add(g["source"])
    rows = answers.positions(store).records()
    assert {(r["actor"], r["issue"]) for r in rows} == set(expected)
    for r in rows:
        cell = expected[(r["actor"], r["issue"])]
        assert (r["support"], r["oppose"], r["conditional"]) == (cell["support"], cell["oppose"], cell["conditional"])
        assert r["sources"] == len(cell["sources"])
        assert (r["first"], r["last"]) == (min(DATES[s] for s in cell["sources"]), max(DATES[s] for s in cell["sources"]))
        assert r["position"] == net_position(cell)
    # One joint statement in one article: eight states, one source and one publisher each.
    qatar = next(r for r in rows if r["actor"] == "Qatar")
    assert (qatar["issue"], qatar["sources"], qatar["publishers"]) == ("peace_plan", 1, 1)


# --- conflicts ----------------------------------------------------------------------------------


def test_israel_and_the_us_conflict_on_reconstruction_sequencing(store):
    rows = answers.conflicts(store, ["reconstruction"]).records()
    assert len(rows) == 1
    row = rows[0]
    assert (row["kind"], row["actor"], row["actor_position"], row["other"], row["other_position"], row["condition"]) == (
        "sequencing", "Israel", "conditional", "US", "support", "disarmament")
    # The strongest quotes: all curated (confidence 1), so the most recent article (002) wins.
    assert row["actor_source"] == row["other_source"] == "002_fde916106131c18b"
    assert "insists on not proceeding with reconstruction before complete disarmament" in row["actor_quote"]
    assert row["other_quote"] == "they are determined to move directly to the issue of rebuilding Gaza"


def test_conflicts_on_the_peace_plan_are_every_supporter_against_russia(store, gold):
    supporters = sorted({g["holder"] for g in gold_rows(gold) if g["issue"] == "peace_plan" and g["polarity"] == "support"})
    rows = answers.conflicts(store, ["peace_plan"]).records()
    assert [(r["kind"], r["actor"], r["other"]) for r in rows] == [("opposite", s, "Russia") for s in supporters]
    assert len(supporters) == 10


def test_conflicts_of_one_party(store):
    rows = answers.conflicts(store, actors=["Washington"]).records()
    assert rows and all("US" in (r["actor"], r["other"]) for r in rows)
    assert ("reconstruction", "Israel", "US") in {(r["issue"], r["actor"], r["other"]) for r in rows}


def test_accepting_the_condition_removes_the_sequencing_conflict(tmp_path, seeds_dir):
    from kg.build import build_graph, write_build

    annotations = seeds_dir / "annotations" / "seeds.yaml"
    text = annotations.read_text(encoding="utf-8")
    extra = ("    - {holder: US, issue: reconstruction, polarity: conditional, condition: disarmament,\n"
             "       quote: \"The US argues that reconstruction is necessary to stabilize Gaza\"}\n")
    annotations.write_text(text.replace("  001_e22e95d8dd461b33:\n", extra + "  001_e22e95d8dd461b33:\n"), encoding="utf-8")
    write_build(build_graph(seeds_dir, extract=False), tmp_path / "out")
    assert answers.conflicts(open_store(tmp_path / "out"), ["reconstruction"]).rows == []


def test_conflicts_best_attested_first_and_a_floor_on_each_side(store, out):
    whole = answers.conflicts(store).records()
    ranked = answers.conflicts(store, order="evidence").records()
    key = lambda r: (r["issue"], r["kind"], r["actor"], r["other"], r["condition"])  # noqa: E731
    assert sorted(map(key, ranked)) == sorted(map(key, whole))
    weaker = [min(r["actor_statements"], r["other_statements"]) for r in ranked]
    assert weaker == sorted(weaker, reverse=True) and weaker[0] > weaker[-1]
    assert ranked[0] != whole[0]
    floor = answers.conflicts(store, min_statements=2).records()
    assert floor and len(floor) < len(whole)
    assert {key(r) for r in floor} == {key(r) for r in whole if min(r["actor_statements"], r["other_statements"]) >= 2}
    with pytest.raises(answers.AnswerError, match="unknown order"):
        answers.conflicts(store, order="loudest")
    code, text = run("conflicts", "--out", str(out), "--order", "evidence", "--min-statements", "2",
                     "--format", "json")
    assert code == 0 and [key(r) for r in json.loads(text)] == [key(r) for r in answers.conflicts(
        store, order="evidence", min_statements=2).records()]


def test_the_command_offers_the_orders_the_library_knows():
    from kg.cli import conflicts as command

    option = next(p for p in command.params if p.name == "order")
    assert tuple(option.type.choices) == answers.CONFLICT_ORDERS


def test_conflicts_and_the_conflict_projection_agree(store):
    pairs = {tuple(sorted((r["actor"], r["other"]))) for r in answers.conflicts(store).records()}
    graph = projection(statements_from_store(store), "conflict")
    assert pairs == {tuple(sorted((graph.nodes[u]["id"], graph.nodes[v]["id"]))) for u, v in graph.edges}


# --- conditions, coalitions, timeline, stances, provenance ----------------------------------------


def test_conditions_from_the_gold(store, gold):
    expected = {}
    for g in gold_rows(gold):
        if g["polarity"] == "conditional":
            expected.setdefault((g["issue"], g["condition"], g["holder"]), []).append(g["quote"])
    rows = answers.conditions(store).records()
    assert {(r["issue"], r["requires"], r["actor"]): r["statements"] for r in rows} == {k: len(v) for k, v in expected.items()}
    assert all(r["quote"] in expected[(r["issue"], r["requires"], r["actor"])] for r in rows)
    assert ("reconstruction", "disarmament", "Israel") in expected


def test_coalitions_group_the_joint_statement(store):
    rows = answers.coalitions(store).records()
    joint = {"Qatar", "Egypt", "SaudiArabia", "UAE", "Jordan", "Turkey", "Indonesia", "Pakistan"}
    groups = [set(r["members"].split(", ")) for r in rows]
    assert any(joint <= g for g in groups)
    assert all(r["size"] == len(r["members"].split(", ")) >= 2 for r in rows)
    assert "peace_plan support" in rows[0]["binding_issues"]
    assert answers.coalitions(store) == answers.coalitions(store)


def test_timeline_flags_changes_and_lists_undated_apart(store):
    answer = answers.timeline(store, "Trump")
    rows = answer.records()
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    first = {}
    for r in rows:
        first.setdefault(r["issue"], r)
    assert all(r["change"] == "first on this issue" for r in first.values())
    # 001 (15 Nov) reports the US ready to abandon the force, then backing the resolution that sets it up.
    force = [r for r in rows if r["issue"] == "stabilization_force"]
    assert [(r["polarity"], r["change"]) for r in force[:2]] == [("oppose", "first on this issue"), ("support", "oppose -> support")]
    assert answer.apart == []


def test_timeline_new_condition_and_undated(tmp_path):
    from kg.build import build_graph, write_build

    src = tmp_path / "src"
    (src / "annotations").mkdir(parents=True)
    (src / "a.txt").write_text("---\npublished: 2025-01-01\n---\nX backs the truce. X wants aid.\n", encoding="utf-8")
    (src / "b.txt").write_text("---\npublished: 2025-02-01\n---\nNo truce before disarmament, X said.\n", encoding="utf-8")
    (src / "c.txt").write_text("X rejects the truce.\n", encoding="utf-8")
    (src / "annotations" / "x.yaml").write_text(
        "articles:\n"
        "  a:\n    - {holder: Israel, issue: ceasefire, polarity: support, quote: \"X backs the truce.\"}\n"
        "  b:\n    - {holder: Israel, issue: ceasefire, polarity: conditional, condition: disarmament, quote: \"No truce before disarmament\"}\n"
        "  c:\n    - {holder: Israel, issue: ceasefire, polarity: oppose, quote: \"X rejects the truce.\"}\n",
        encoding="utf-8",
    )
    write_build(build_graph(src, extract=False), tmp_path / "out")
    answer = answers.timeline(open_store(tmp_path / "out"), "Israel")
    assert [(r[0], r[4]) for r in answer.rows] == [
        ("2025-01-01", "first on this issue"),
        ("2025-02-01", "support -> conditional; new condition: disarmament"),
    ]
    assert [(r[0], r[2]) for r in answer.apart] == [(None, "oppose")]
    table = answers.format_answer(answer)
    assert "\nundated:\n" in table and table.index("X rejects") > table.index("undated:")


def test_stances_filters(store, gold):
    rows = answers.stances(store, actors=["Netanyahu"], issues=["rebuilding"], polarity="conditional").records()
    expected = [g["quote"] for g in gold_rows(gold) if (g["holder"], g["issue"], g["polarity"]) == ("Israel", "reconstruction", "conditional")]
    assert sorted(r["quote"] for r in rows) == sorted(expected)
    dated = answers.stances(store, since="2025-11-16", until="2025-11-16").records()
    assert dated and {r["date"] for r in dated} == {"2025-11-16"}
    assert len(dated) == len(gold["articles"]["000_9f35d4ad34641da1"])


def test_provenance_by_short_hash_with_the_sentence(store, out):
    row = next(r for r in answers.stances(store, issues=["reconstruction"]).records() if r["quote"].startswith("There can be no"))
    answer = answers.provenance(store, row["stance"][:8], REPO / "sources")
    record = dict(answer.rows)
    assert record["stance"] == "https://w3id.org/stancegraph/id/stance/" + row["stance"]
    assert (record["actor"], record["condition"], record["publisher"], record["date"]) == ("Israel", "disarmament", "Matzav.com", "2025-11-15")
    assert record["quote"] in record["sentence"] and record["sentence"] != record["quote"]
    text = (REPO / "sources" / "001_e22e95d8dd461b33.txt").read_text(encoding="utf-8")
    assert text[record["char_start"]:record["char_end"]] == record["quote"]
    assert json.loads(answers.format_answer(answer, "json"))["rule"] is None


@pytest.mark.parametrize("name", ["stances", "positions", "conflicts", "conditions", "coalitions", "timeline"])
def test_each_canned_query_gives_the_rows_of_its_scan_on_the_seeds(store, name):
    from kg.queries import canned_query, run_query, scan_query

    def rows(text):
        result = run_query(store, text)
        keep = [i for i, v in enumerate(result.variables) if v in scan_variables]
        return [tuple(str(row[i]) for i in keep) for row in result.rows]

    scanned = run_query(store, scan_query(name))
    scan_variables = set(scanned.variables)
    expected = rows(scan_query(name))
    got = rows(canned_query(name))
    assert expected and len(expected) < 1000
    # The listings order ties (one quote, several actors) alike only where their ORDER BY says so.
    assert (sorted(got) if name == "timeline" else got) == (sorted(expected) if name == "timeline" else expected)


def test_provenance_run_unbound_lists_every_stance_of_a_small_graph(store):
    from kg.queries import canned_query, run_query, scan_query

    listed = {str(r[0]) for r in run_query(store, canned_query("provenance")).rows}
    assert listed == {str(r[0]) for r in run_query(store, scan_query("stances")).rows} and len(listed) == 59


# --- the command line ---------------------------------------------------------------------------


def test_cli_unknown_actor_suggests_the_closest(out):
    code, output = run("stances", "--actor", "Israeli", "--out", str(out))
    assert code == 2
    assert output.splitlines()[-2:] == [
        "Error: unknown actor 'Israeli'; did you mean 'Israel'?",
        "Hint: known actors: Australia, Azerbaijan, Bahrain, Canada, China, EU, Egypt, France, Germany, Hamas, "
        "ISFPartners, Indonesia, Iran, Ireland, Israel, Italy, Japan, Jordan, Kuwait, Lebanon, Malaysia, Netherlands, Norway, "
        "Oman, Pakistan, PalestinianAuthority, Qatar, Russia, SaudiArabia, Spain, Turkey, UAE, UK, UN, UNIndependentExperts, US",
    ]


def test_cli_unknown_issue(out):
    code, output = run("positions", "--issue", "reconstuction", "--out", str(out))
    assert code == 2
    assert "Error: unknown issue 'reconstuction'; did you mean 'reconstruction'?" in output.splitlines()


def test_cli_aliases_mean_their_actor(out):
    by_alias = run("positions", "--actor", "Netanyahu", "--out", str(out), "--format", "json")
    by_id = run("positions", "--actor", "Israel", "--out", str(out), "--format", "json")
    assert by_alias[0] == 0 and by_alias == by_id
    assert {r["actor"] for r in json.loads(by_alias[1])} == {"Israel"}


def test_cli_formats(out):
    code, text = run("conflicts", "--issue", "reconstruction", "--out", str(out), "--format", "csv")
    assert code == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["actor"], r["other"], r["kind"]) for r in rows] == [("Israel", "US", "sequencing")]
    code, text = run("conflicts", "--issue", "reconstruction", "--out", str(out), "--format", "tsv")
    assert text.splitlines()[0].split("\t")[:3] == ["issue", "kind", "actor"]
    code, text = run("conflicts", "--issue", "reconstruction", "--out", str(out))
    assert text.splitlines()[-1] == "(1 row)"


def test_cli_listings_stop_at_their_limit_and_say_so(out):
    code, text = run("stances", "--out", str(out), "--limit", "3")
    assert code == 0
    assert text.splitlines()[-1] == "(3 of 59 stances; 56 more: --limit N shows N, --limit 0 shows all)"
    code, text = run("stances", "--out", str(out), "--limit", "0", "--format", "json")
    assert code == 0 and len(json.loads(text)) == 59
    code, text = run("stances", "--out", str(out), "--source", "003_22080ab9aa80b605", "--format", "json")
    assert code == 0 and {r["source"] for r in json.loads(text)} == {"003_22080ab9aa80b605"}
    code, text = run("timeline", "--actor", "Israel", "--out", str(out), "--limit", "2")
    assert code == 0
    total = len(answers.timeline(open_store(out), "Israel", limit=0).rows)
    assert text.splitlines()[-1] == f"(2 of {total} statements; {total - 2} more: --limit N shows N, --limit 0 shows all)"
    code, text = run("stances", "--out", str(out), "--limit", "-1")
    assert code == 2 and "Invalid value for '--limit': -1 is not in the range x>=0." in text


def test_cli_listings_show_a_page_by_default_and_every_command_says_what_it_left_out(out):
    # The seed graph has 59 stances and 26 conflicts: a page of 100 holds them all, a smaller one does not.
    code, text = run("stances", "--out", str(out))
    assert code == 0 and text.splitlines()[-1] == "(59 rows)"
    code, text = run("conflicts", "--out", str(out), "--limit", "5")
    assert code == 0 and text.splitlines()[-1] == "(5 of 26 conflicts; 21 more: --limit N shows N, --limit 0 shows all)"
    assert len(text.splitlines()) == 2 + 5 + 1
    code, text = run("conditions", "--out", str(out), "--limit", "1")
    total = len(answers.conditions(open_store(out)).rows)
    assert text.splitlines()[-1] == f"(1 of {total} conditions; {total - 1} more: --limit N shows N, --limit 0 shows all)"
    # Files stay what their format says: the note goes to standard error.
    result = CliRunner().invoke(cli, ["conflicts", "--out", str(out), "--limit", "5", "--format", "csv"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1 + 5
    assert result.stderr == "note: 5 of 26 conflicts written; 21 more: --limit N writes N, --limit 0 writes all\n"
    result = CliRunner().invoke(cli, ["stances", "--out", str(out), "--limit", "2", "--since", "2025-11-15", "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2
    assert result.stderr == "note: the first 2 stances written; more match: --limit N writes N, --limit 0 writes all\n"
    result = CliRunner().invoke(cli, ["conflicts", "--out", str(out), "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 26 and result.stderr == ""


def test_the_command_line_default_limit_is_the_librarys():
    from kg.cli import LISTING_LIMIT

    assert LISTING_LIMIT == answers.DEFAULT_LIMIT == 100


def test_conflicts_and_conditions_cut_after_ordering_and_quote_the_rows_they_show(store):
    whole = answers.conflicts(store)
    assert len(whole.rows) == 26 and whole.cut is None and all(r[9] and r[11] for r in whole.rows)
    for limit in (1, 7, 26, 27):
        part = answers.conflicts(store, limit=limit)
        assert part.rows == whole.rows[:limit] and (part.cut is not None) == (limit < 26)
    whole = answers.conditions(store)
    assert whole.rows and all(r[7] for r in whole.rows)
    assert answers.conditions(store, limit=2).rows == whole.rows[:2]
    assert answers.conditions(store, actors=["Israel"], limit=1).rows == [r for r in whole.rows if r[2] == "Israel"][:1]


def test_cli_bad_date_and_unknown_stance(out):
    code, output = run("stances", "--since", "2025-13-01", "--out", str(out))
    assert code == 2 and "Invalid value for '--since': '2025-13-01' does not match the format '%Y-%m-%d'." in output
    code, output = run("provenance", "abcdef0123", "--out", str(out))
    assert (code, output) == (1, "Error: no stance 'abcdef0123' in the built graph\nHint: list stances and their hashes with 'kg stances'\n")
    code, output = run("provenance", "x' } DROP", "--out", str(out))
    assert code == 1 and output.startswith("Error: not a stance IRI or hash: \"x' } DROP\"")


def test_cli_timeline_needs_an_actor(out):
    code, output = run("timeline", "--out", str(out))
    assert code == 2 and "Missing option '--actor'" in output


def test_cli_without_a_build(tmp_path):
    code, output = run("positions", "--out", str(tmp_path))
    assert code == 1 and output.startswith(f"Error: {tmp_path}/stancegraph.trig: no built graph here")


INJECTIONS = ["'", '"', "}", "> ; DROP ALL", "Israel\nUNION { ?s ?p ?o }", "Israel # comment", "Israel> } ; DELETE WHERE { ?s ?p ?o"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_are_errors_not_queries(out, value):
    for command, option in (("stances", "--actor"), ("stances", "--issue"), ("conflicts", "--issue"), ("timeline", "--actor")):
        code, output = run(command, option, value, "--out", str(out))
        assert code == 2, (command, option, value, output)
        assert "Error: unknown " in output and "Traceback" not in output


def test_bound_values_cannot_change_the_query():
    import pyoxigraph

    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://e/s"), pyoxigraph.NamedNode("http://e/p"), pyoxigraph.Literal("v")))
    query = "# braces { in a comment\nSELECT ?o WHERE { ?s <http://e/p> ?o FILTER (?o = ?wanted) }"
    for hostile in INJECTIONS + ["v\" ) || true || (\"", "v\"} ?s ?p ?o {"]:
        bound = bind_values(query, {"wanted": [pyoxigraph.Literal(hostile)]})
        assert list(store.query(bound)) == []
    assert len(list(store.query(bind_values(query, {"wanted": [pyoxigraph.Literal("v")]})))) == 1


# --- discourse networks ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("kind, normalize", [("congruence", "none"), ("conflict", "jaccard"), ("subtract", "cosine"), ("two-mode", "none")])
def test_network_files_load_back_with_the_same_weights(out, store, tmp_path, fmt, kind, normalize):
    path = tmp_path / f"net.{fmt}"
    code, output = run("network", "--kind", kind, "--normalize", normalize, "--format", fmt, "-o", str(path), "--out", str(out))
    assert code == 0, output
    loaded = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    expected = answers.networks(store, kind, normalize)[0][2]
    assert sorted(loaded.nodes) == sorted(expected.nodes)

    def weights(g):
        return {frozenset((u, v)): float(d["weight"]) for u, v, d in g.edges(data=True)}

    assert weights(loaded) == pytest.approx(weights(expected))
    node = "actor:Israel"
    attrs = loaded.nodes[node]
    assert attrs["label"] == "Israel" and attrs["type"] == "actor" and int(attrs["degree"]) == expected.degree(node)
    again = tmp_path / f"again.{fmt}"
    run("network", "--kind", kind, "--normalize", normalize, "--format", fmt, "-o", str(again), "--out", str(out))
    assert again.read_bytes() == path.read_bytes()


def test_network_windows_write_one_file_each(out, tmp_path):
    code, output = run("network", "--window", "30d", "-o", str(tmp_path / "net.graphml"), "--out", str(out))
    assert code == 0, output
    # Seed dates: 3 June, 25 July, 15-17 November: three 30-day windows from 3 June hold stances.
    assert sorted(p.name for p in tmp_path.glob("net.*.graphml")) == [
        "net.2025-06-03.graphml", "net.2025-07-03.graphml", "net.2025-10-31.graphml"]
    july = nx.read_graphml(tmp_path / "net.2025-07-03.graphml")
    assert {frozenset((u, v)) for u, v in july.edges} == {
        frozenset(("actor:Hamas", "actor:Israel")), frozenset(("actor:Hamas", "actor:US")), frozenset(("actor:Israel", "actor:US"))}
    code, output = run("network", "--window", "soon", "--out", str(out))
    assert (code, output) == (1, "Error: not a time window: 'soon'\nHint: write a number of days or weeks, e.g. 30d or 2w\n")


def test_network_stats_are_sorted_and_show_brokers(out):
    code, output = run("network", "--kind", "conflict", "--stats", "--format", "json", "--out", str(out))
    assert code == 0
    rows = json.loads(output)
    keys = [(-r["weighted_degree"], -r["betweenness"], r["actor"]) for r in rows]
    assert keys == sorted(keys)
    # Russia opposes what ten actors support: the hub of the conflict network.
    assert rows[0]["actor"] == "Russia" and rows[0]["neighbours"] == 11


def test_page_and_network_give_the_same_actor_actor_weights(store):
    statements = statements_from_store(store)
    data = page_data(statements)
    shown = {(frozenset((e["a"], e["b"])), e["tie"]): e["n"] for e in data["views"]["actor-actor"]["edges"]}
    for kind in ("congruence", "conflict"):
        graph = answers.networks(store, kind)[0][2]
        exported = {(frozenset((graph.nodes[u]["id"], graph.nodes[v]["id"])), kind): d["weight"] for u, v, d in graph.edges(data=True)}
        assert exported == {k: n for k, n in shown.items() if k[1] == kind}
    assert actor_actor_graph(statements).number_of_edges() == len(shown)


def test_an_id_is_read_from_its_own_catalog_entry_and_a_persons_id_means_their_actor(store, monkeypatch):
    full = answers.vocabulary_from_store(store)
    calls = []
    monkeypatch.setattr(answers, "vocabulary_from_store", lambda s: calls.append(1) or full)
    lookup = answers._VocabularyOnDemand(store)
    assert (lookup.actor("Israel"), lookup.issue("reconstruction")) == ("Israel", "reconstruction")
    assert calls == []
    assert lookup.actor("BenjaminNetanyahu") == full.actor("BenjaminNetanyahu") == "Israel"
    assert lookup.actor("the US") == "US" and calls == [1]
