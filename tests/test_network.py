"""Network projections: actor-issue aggregation, congruence and conflict weights, the position matrix, the page data."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from kg.build import build_graph, write_build
from kg.network import (
    Catalog,
    IssueInfo,
    Statement,
    actor_actor_graph,
    actor_issue_graph,
    catalog_from_dictionary,
    catalog_from_store,
    net_position,
    position_matrix,
    stance_matrices,
    statements_from_stances,
    statements_from_store,
    tie_matrices,
)
from kg.store import open_store
from kg.viz import VizError, page_data, render_page, script_json

REPO = Path(__file__).resolve().parent.parent


def st(holder: str, issue: str, polarity: str, n: int = 0, condition: str | None = None, date: str | None = "2025-11-01") -> Statement:
    """A hand-made statement; `n` keeps quotes and offsets distinct."""
    return Statement(
        stance_id=f"{holder}-{issue}-{polarity}-{n}",
        source_id=f"src{n}",
        holder=holder,
        issue=issue,
        polarity=polarity,
        quote=f"{holder} {polarity} {issue} #{n}",
        char_start=n * 10,
        char_end=n * 10 + 5,
        method="CuratedAnnotation",
        condition=condition,
        date=date,
        confidence="1.00",
    )


SMALL = [
    st("A", "x", "support", 0),
    st("A", "x", "support", 1, date="2025-10-01"),
    st("B", "x", "support", 2),
    st("C", "x", "oppose", 3),
    st("A", "y", "oppose", 4),
    st("B", "y", "support", 5),
    st("C", "y", "support", 6),
    st("A", "z", "conditional", 7, condition="x"),
    st("B", "z", "conditional", 8, condition="x"),
    st("C", "z", "support", 9),
    st("C", "z", "oppose", 10),
]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    result = build_graph(REPO / "sources", extract=False)
    write_build(result, out)
    return result, open_store(out)


def test_actor_issue_graph_aggregates_per_actor_issue_polarity():
    graph = actor_issue_graph(SMALL)
    assert graph.number_of_nodes() == 6
    assert graph.number_of_edges() == 10  # eleven statements, A-x-support twice
    edge = graph.edges["actor:A", "issue:x", "support"]
    assert edge["count"] == 2 and edge["statements"] == (0, 1)
    assert (edge["first"], edge["last"]) == ("2025-10-01", "2025-11-01")
    assert graph.edges["actor:A", "issue:z", "conditional"]["conditions"] == ("x",)
    assert graph.nodes["actor:A"]["count"] == 4 and graph.nodes["issue:z"]["kind"] == "issue"
    assert {k for _, _, k in graph.out_edges("actor:C", keys=True)} == {"oppose", "support"}


def test_congruence_and_conflict_are_matrix_products():
    matrices = stance_matrices(SMALL)
    assert matrices.actors == ["A", "C", "B"]  # by number of stances (A 4, C 4, B 3), then id
    congruence, conflict = tie_matrices(matrices)
    a, c, b = 0, 1, 2
    # A and B both support x and are both conditional on z; they split on y.
    assert congruence[a, b] == 2 and conflict[a, b] == 1
    # A and C: split on x (support vs oppose) and y (oppose vs support); agree nowhere.
    assert congruence[a, c] == 0 and conflict[a, c] == 2
    # B and C: agree on y (support); split on x; C is mixed on z, B conditional: neither.
    assert congruence[b, c] == 1 and conflict[b, c] == 1
    assert np.all(np.diag(congruence) == 0) and np.array_equal(congruence, congruence.T)
    assert np.array_equal(conflict, conflict.T)


def test_actor_actor_graph_weights_and_evidence():
    graph = actor_actor_graph(SMALL)
    weights = {(tuple(sorted((u, v))), k): d["weight"] for u, v, k, d in graph.edges(keys=True, data=True)}
    assert weights == {
        (("actor:A", "actor:B"), "congruence"): 2,
        (("actor:A", "actor:B"), "conflict"): 1,
        (("actor:A", "actor:C"), "conflict"): 2,
        (("actor:B", "actor:C"), "congruence"): 1,
        (("actor:B", "actor:C"), "conflict"): 1,
    }
    evidence = graph.edges["actor:A", "actor:B", "congruence"]["evidence"]
    assert evidence == (("x", (0, 1), (2,)), ("z", (7,), (8,)))
    assert actor_actor_graph(SMALL, min_weight=2).number_of_edges() == 2
    heaviest = actor_actor_graph(SMALL, max_edges=1)
    assert heaviest.number_of_edges() == 1 and heaviest.number_of_nodes() == 3


def test_position_matrix_net_positions_and_counts():
    matrix = position_matrix(SMALL)
    assert matrix.actors == ["A", "C", "B"] and matrix.issues == ["x", "z", "y"]
    assert matrix.cell("A", "x").position == "support" and matrix.cell("A", "x").total == 2
    assert matrix.cell("C", "z").position == "mixed"
    assert matrix.cell("C", "z").counts == {"support": 1, "oppose": 1, "conditional": 0}
    assert matrix.cell("B", "z").position == "conditional"
    assert matrix.positions()[("A", "y")] == "oppose"
    assert int(matrix.counts.sum()) == len(SMALL)
    assert net_position({}) is None and net_position({"oppose": 3}) == "oppose"


def test_seeds_from_store_match_the_in_memory_build(seeds):
    result, store = seeds
    from_store = statements_from_store(store)
    assert from_store == statements_from_stances(result.stances, result.articles)
    assert len(from_store) == len(result.stances)
    assert catalog_from_store(store) == catalog_from_dictionary(result.dictionary)


def test_seed_projections(seeds):
    result, store = seeds
    statements = statements_from_store(store)
    graph = actor_issue_graph(statements)
    distinct = {(s.holder, s.issue, s.polarity.value) for s in result.stances}
    assert graph.number_of_edges() == len(distinct)
    assert sum(d["count"] for *_, d in graph.edges(data=True)) == len(statements)
    matrix = position_matrix(statements)
    # Israel puts disarmament before reconstruction; the US wants reconstruction.
    assert matrix.cell("Israel", "reconstruction").position == "conditional"
    assert matrix.cell("US", "reconstruction").position == "support"
    assert matrix.cell("Russia", "peace_plan").position == "oppose"
    ties = actor_actor_graph(statements)
    assert ties.edges["actor:Russia", "actor:US", "conflict"]["weight"] >= 1
    catalog = catalog_from_store(store)
    assert "Washington" in catalog.actors["US"].aliases
    assert "Donald Trump" in catalog.actors["US"].spokespersons
    assert "DonaldTrump" not in catalog.actors


def test_page_is_self_contained_and_deterministic(seeds):
    result, store = seeds
    statements = statements_from_store(store)
    catalog = catalog_from_store(store)
    html = render_page(statements, catalog)
    assert html == render_page(list(reversed(statements)), catalog)
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=""", html, re.IGNORECASE)
    assert "cdn." not in html and "bootstrap" not in html.lower()
    assert "sourceMappingURL" not in html
    data = json.loads(re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', html, re.DOTALL).group(1))
    assert len(data["statements"]) == len(statements)
    assert len(data["views"]["actor-issue"]["edges"]) == actor_issue_graph(statements).number_of_edges()
    assert data["views"]["actor-issue"]["options"]["layout"]["randomSeed"]


def test_script_json_cannot_close_its_element():
    text = script_json({"q": "</script><script>alert(1)</script> & <!-- x"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"q": "</script><script>alert(1)</script> & <!-- x"}


def test_unknown_view_is_refused():
    with pytest.raises(VizError, match="unknown view"):
        page_data(SMALL, Catalog({}, {"x": IssueInfo("x", "X")}), view="sideways")


def test_page_data_indexes_edges_by_statement_group():
    data = page_data(SMALL)
    groups = data["groups"]
    assert sorted(k for members in groups for k in members) == list(range(len(SMALL)))
    statements = data["statements"]
    for edge in data["views"]["actor-issue"]["edges"]:
        members = groups[edge["g"]]
        assert {(statements[k]["h"], statements[k]["i"], statements[k]["p"]) for k in members} == {(edge["h"], edge["i"], edge["pol"])}
        assert edge["n"] == len(members) and edge["label"].startswith(f"\u00d7{len(members)}" if len(members) > 1 else "")
    low, high = data["views"]["actor-issue"]["widths"]
    assert (low, high) == (1, 2)
    # Every tie's group pairs add up to its weight: the page recounts ties from the same pairs.
    for edge in data["views"]["actor-actor"]["edges"]:
        pairs = [pair for _, flat in edge["ev"] for pair in zip(flat[::2], flat[1::2])]
        assert len(pairs) == edge["n"]
        for left, right in pairs:
            assert {statements[k]["h"] for k in groups[left]} | {statements[k]["h"] for k in groups[right]} == {edge["a"], edge["b"]}
    assert [e["label"] for e in data["views"]["actor-actor"]["edges"] if e["a"] == "A" and e["b"] == "B"] == ["2", ""]
