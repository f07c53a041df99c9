"""Aggregate nodes written by the build agree with the stances they sum up, and conform to the shapes."""
from __future__ import annotations

from collections import defaultdict

import pytest

from kg.build import write_build
from kg.network import profiles, tie_weights
from kg.queries import canned_query, run_query
from kg.store import open_store
from kg.validation import load_shapes, validate_graph

ACTOR = "https://w3id.org/stancegraph/id/actor/"
ISSUE = "https://w3id.org/stancegraph/id/issue/"


@pytest.fixture(scope="module")
def store(curated_build, tmp_path_factory: pytest.TempPathFactory):
    result, _ = curated_build
    out = tmp_path_factory.mktemp("aggregates")
    write_build(result, out)
    return open_store(out)


def table(store, name: str) -> list[dict[str, str]]:
    answer = run_query(store, canned_query(name))
    return [{v: (t.value if t is not None else None) for v, t in zip(answer.variables, row)} for row in answer.rows]


def test_positions_sum_up_the_stances(curated_build, store) -> None:
    result, _ = curated_build
    publishers = {a.source_id: a.publisher for a in result.articles}
    expected: dict[tuple[str, str], dict] = defaultdict(lambda: {"support": 0, "oppose": 0, "conditional": 0,
                                                                 "sources": set(), "publishers": set(), "dates": []})
    for s in result.stances:
        entry = expected[(s.holder, s.issue)]
        entry[s.polarity.value] += 1
        entry["sources"].add(s.source_id)
        if publishers[s.source_id]:
            entry["publishers"].add(publishers[s.source_id])
        if s.published:
            entry["dates"].append(s.published.isoformat())
    rows = table(store, "position_summary")
    assert len(rows) == len(expected) > 10
    for row in rows:
        entry = expected[(row["actor"].removeprefix(ACTOR), row["issue"].removeprefix(ISSUE))]
        assert (int(row["support"]), int(row["oppose"]), int(row["conditional"])) == (
            entry["support"], entry["oppose"], entry["conditional"])
        assert int(row["stances"]) == entry["support"] + entry["oppose"] + entry["conditional"]
        assert int(row["sources"]) == len(entry["sources"])
        assert int(row["publishers"]) == len(entry["publishers"])
        assert (row["first"], row["last"]) == ((min(entry["dates"]), max(entry["dates"])) if entry["dates"] else (None, None))


def test_positions_agree_with_the_query_over_raw_stances(store) -> None:
    fields = ("support", "oppose", "conditional", "sources", "publishers", "first", "last")
    raw = {(r["actor"], r["issue"]): tuple(r[f] for f in fields) + (r["statements"],) for r in table(store, "positions")}
    summary = {(r["actor"], r["issue"]): tuple(r[f] for f in fields) + (r["stances"],) for r in table(store, "position_summary")}
    assert summary == raw


def test_actor_pairs_carry_the_network_tie_weights(curated_build, store) -> None:
    result, _ = curated_build
    prof = profiles(result.stances)
    weights = tie_weights(prof)
    congruence, conflict = weights["congruence"], weights["conflict"]
    expected = {}
    for i, a in enumerate(prof.actors):
        for j, b in enumerate(prof.actors):
            if a < b and (congruence[i, j] or conflict[i, j]):
                expected[(a, b)] = (int(congruence[i, j]), int(conflict[i, j]))
    rows = table(store, "actor_pairs")
    got = {(r["actor"].removeprefix(ACTOR), r["other"].removeprefix(ACTOR)): (int(r["agreement"]), int(r["conflict"])) for r in rows}
    assert got == expected
    assert any(c for _, c in got.values())
    assert rows[0]["conflict"] == str(max(c for _, c in got.values()))


def test_the_aggregates_conform_to_the_shapes_and_a_wrong_count_is_caught(curated_build) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    result, _ = curated_build
    shapes = load_shapes()
    assert validate_graph(result.dataset, shapes).conforms
    broken = result.dataset
    graph = broken.graph(URIRef("https://w3id.org/stancegraph/id/graph/aggregates"))
    node = URIRef("https://w3id.org/stancegraph/id/position/Israel/reconstruction")
    count = graph.value(node, URIRef("https://w3id.org/stancegraph/ontology#stanceCount"))
    graph.set((node, URIRef("https://w3id.org/stancegraph/ontology#stanceCount"), Literal(int(count) + 1, datatype=XSD.integer)))
    try:
        report = validate_graph(broken, shapes)
        assert not report.conforms
        assert [str(v) for v in report.violations] == [
            f"<https://w3id.org/stancegraph/id/position/Israel/reconstruction>: sg:stanceCount: The stance count must be the "
            f"sum of the support, oppose and conditional counts (it is {int(count) + 1}, they sum to {int(count)}). "
            f"(value: \"{int(count) + 1}\"^^xsd:integer)"
        ]
    finally:
        graph.set((node, URIRef("https://w3id.org/stancegraph/ontology#stanceCount"), count))
