"""Network projections: actor-issue aggregation, congruence and conflict weights, the position matrix, the page data."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pytest

from kg.build import build_graph, write_build
from kg.network import (
    POLARITIES,
    TIES,
    NetworkError,
    parse_window,
    profiles,
    projection,
    tie_weights,
    time_windows,
    Catalog,
    IssueInfo,
    Statement,
    actor_actor_graph,
    actor_issue_graph,
    catalog_from_dictionary,
    catalog_from_store,
    net_position,
    position_matrix,
    statements_from_stances,
    statements_from_store,
)
from kg.model import Method, Polarity, Stance
from kg.store import open_store
from kg.viz import VizError, page_data, render_page, script_json

REPO = Path(__file__).resolve().parent.parent


def st(holder: str, issue: str, polarity: str, n: int = 0, condition: str | None = None, date: str | None = "2025-11-01") -> Statement:
    """A hand-made statement; `n` keeps quotes and offsets distinct."""
    return Statement(Stance(
        source_id=f"src{n}",
        holder=holder,
        issue=issue,
        polarity=Polarity(polarity),
        quote=f"{holder} {polarity} {issue} #{n}",
        char_start=n * 10,
        char_end=n * 10 + 5,
        method=Method.CURATED,
        confidence=1.0,
        condition=condition,
        published=dt.date.fromisoformat(date) if date else None,
    ))


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


def test_congruence_and_conflict_per_issue():
    prof = profiles(SMALL)
    assert prof.actors == ["A", "B", "C"] and prof.issues == ["x", "y", "z"]
    weights = tie_weights(prof)
    a, b, c = 0, 1, 2
    # A and B both support x and both accept z only after x; they split on y.
    assert weights["congruence"][a, b] == 2 and weights["conflict"][a, b] == 1
    # A and C split on x and y; on z A waits for x, C opposes z and also supports it outright
    # without ever putting x first: one conflict on z, however many pairs make it.
    assert weights["congruence"][a, c] == 0 and weights["conflict"][a, c] == 3
    # B and C agree on y, split on x, and split on z (conditional against oppose, and sequencing).
    assert weights["congruence"][b, c] == 1 and weights["conflict"][b, c] == 2
    for kind in TIES:
        assert np.all(np.diag(weights[kind]) == 0) and np.array_equal(weights[kind], weights[kind].T)


def test_sequencing_conflict_needs_the_supporter_not_to_state_the_condition():
    first = [st("Israel", "reconstruction", "conditional", 0, condition="disarmament"), st("US", "reconstruction", "support", 1)]
    assert tie_weights(profiles(first))["conflict"][0, 1] == 1
    accepted = first + [st("US", "reconstruction", "conditional", 2, condition="disarmament")]
    weights = tie_weights(profiles(accepted))
    assert weights["conflict"][0, 1] == 0 and weights["congruence"][0, 1] == 1
    # Supporting the condition itself is not accepting the order.
    supports_it = first + [st("US", "disarmament", "support", 3)]
    assert tie_weights(profiles(supports_it))["conflict"][0, 1] == 1
    other_condition = [st("A", "z", "conditional", 0, condition="x"), st("B", "z", "conditional", 1, condition="y")]
    weights = tie_weights(profiles(other_condition))
    assert weights["congruence"][0, 1] == 0 and weights["conflict"][0, 1] == 0


#: Actors addressing different numbers of issues, so that each normalisation gives its own weights.
#: A: x+, y+, z- (3 issues); B: x+ (1 issue); C: x-, y+, v+, w+ (4 issues).
UNEVEN = [
    st("A", "x", "support", 0), st("A", "y", "support", 1), st("A", "z", "oppose", 2),
    st("B", "x", "support", 3),
    st("C", "x", "oppose", 4), st("C", "y", "support", 5), st("C", "v", "support", 6), st("C", "w", "support", 7),
]


def weights_of(graph) -> dict[tuple[str, str], float]:
    return {tuple(sorted((graph.nodes[u]["id"], graph.nodes[v]["id"]))): d["weight"] for u, v, d in graph.edges(data=True)}


@pytest.mark.parametrize(
    "normalization, congruence, conflict",
    [
        # A-B agree on x (shared issues 1); A-C agree on y, clash on x (shared 2); B-C clash on x (shared 1).
        ("none", {("A", "B"): 1, ("A", "C"): 1}, {("A", "C"): 1, ("B", "C"): 1}),
        # w / ((d_a + d_b) / 2): A-B 1/2, A-C 1/3.5, B-C 1/2.5
        ("average", {("A", "B"): 0.5, ("A", "C"): 0.285714}, {("A", "C"): 0.285714, ("B", "C"): 0.4}),
        # w / (d_a + d_b - shared): A-B 1/3, A-C 1/5, B-C 1/4
        ("jaccard", {("A", "B"): 0.333333, ("A", "C"): 0.2}, {("A", "C"): 0.2, ("B", "C"): 0.25}),
        # w / sqrt(d_a * d_b): A-B 1/sqrt(3), A-C 1/sqrt(12), B-C 1/sqrt(4)
        ("cosine", {("A", "B"): 0.57735, ("A", "C"): 0.288675}, {("A", "C"): 0.288675, ("B", "C"): 0.5}),
    ],
)
def test_projection_weights_for_each_normalisation(normalization, congruence, conflict):
    assert weights_of(projection(UNEVEN, "congruence", normalization)) == pytest.approx(congruence)
    assert weights_of(projection(UNEVEN, "conflict", normalization)) == pytest.approx(conflict)
    subtract = weights_of(projection(UNEVEN, "subtract", normalization))
    # A-C agree and clash once each: the difference is zero and the tie is left out.
    assert subtract == pytest.approx({("A", "B"): congruence[("A", "B")], ("B", "C"): -conflict[("B", "C")]})
    graph = projection(UNEVEN, "conflict", normalization)
    assert sorted(graph.nodes) == ["actor:A", "actor:B", "actor:C"]
    assert graph.edges["actor:A", "actor:C"]["disagree"] == "x"


def test_unknown_kind_and_normalisation_are_refused():
    with pytest.raises(NetworkError, match="unknown projection 'agreement'"):
        projection(UNEVEN, "agreement")
    with pytest.raises(NetworkError, match="unknown normalisation 'max'"):
        projection(UNEVEN, "conflict", "max")


def test_time_windows_cut_dated_statements_from_the_first_date():
    dated = [st("A", "x", "support", 0, date="2025-01-01"), st("B", "x", "oppose", 1, date="2025-01-30"),
             st("A", "x", "oppose", 2, date="2025-01-31"), st("C", "x", "support", 3, date=None)]
    windows = time_windows(dated, 30)
    assert [(first, last, [s.holder for s in sts]) for first, last, sts in windows] == [
        ("2025-01-01", "2025-01-30", ["A", "B"]),
        ("2025-01-31", "2025-03-01", ["A"]),
    ]
    assert parse_window("30d") == 30 and parse_window("2w") == 14 and parse_window("7") == 7
    with pytest.raises(NetworkError, match="not a time window: 'soon'"):
        parse_window("soon")


def test_actor_actor_graph_weights_and_evidence():
    graph = actor_actor_graph(SMALL)
    weights = {(tuple(sorted((u, v))), k): d["weight"] for u, v, k, d in graph.edges(keys=True, data=True)}
    assert weights == {
        (("actor:A", "actor:B"), "congruence"): 2,
        (("actor:A", "actor:B"), "conflict"): 1,
        (("actor:A", "actor:C"), "conflict"): 3,
        (("actor:B", "actor:C"), "congruence"): 1,
        (("actor:B", "actor:C"), "conflict"): 2,
    }
    for kind in TIES:
        assert weights_of(projection(SMALL, kind)) == {
            (k[0][0][6:], k[0][1][6:]): w for k, w in weights.items() if k[1] == kind
        }
    evidence = graph.edges["actor:A", "actor:B", "congruence"]["evidence"]
    assert evidence == (
        ("x", (0, 1), (2,), (("support", "support"),)),
        ("z", (7,), (8,), (("conditional", "conditional"),)),
    )
    on_z = dict((e[0], e[3]) for e in graph.edges["actor:A", "actor:C", "conflict"]["evidence"])["z"]
    assert on_z == (("conditional", "oppose"), ("conditional", "support"))
    assert actor_actor_graph(SMALL, min_weight=2).number_of_edges() == 3
    heaviest = actor_actor_graph(SMALL, max_edges=1)
    assert heaviest.number_of_edges() == 1 and heaviest.number_of_nodes() == 3


def test_projections_read_model_stances_too():
    from kg.model import Method, Polarity, Stance

    def stance(holder: str, issue: str, polarity: Polarity, condition: str | None = None) -> Stance:
        return Stance("s", holder, issue, polarity, "q", 0, 1, Method.CURATED, 1.0, condition=condition)

    stances = [stance("Israel", "reconstruction", Polarity.CONDITIONAL, "disarmament"), stance("US", "reconstruction", Polarity.SUPPORT)]
    assert weights_of(projection(stances, "conflict")) == {("Israel", "US"): 1}


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


def test_a_net_position_needs_two_statements_in_three():
    assert net_position({"support": 275, "conditional": 2}) == "support"
    assert net_position({"support": 2, "oppose": 1}) == "support"
    assert net_position({"support": 3, "oppose": 2}) == "mixed"
    assert net_position({"support": 1, "oppose": 1, "conditional": 1}) == "mixed"
    assert net_position({"oppose": 4, "conditional": 2}) == "oppose"
    assert net_position({"support": 0, "oppose": 0, "conditional": 0}) is None


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


def generated_statements(count: int) -> list[Statement]:
    """`count` statements over three actors, two issues and 90 days (every tenth undated), with conditions."""
    out = []
    for n in range(count):
        polarity = ("support", "oppose", "conditional")[n % 3]
        day = None if n % 10 == 0 else (dt.date(2025, 1, 1) + dt.timedelta(days=n % 90)).isoformat()
        out.append(st("ABC"[n // 3 % 3], "xy"[n % 2], polarity, n, condition="z" if polarity == "conditional" else None, date=day))
    return out


def test_page_data_carries_the_most_recent_statements_of_each_link_and_counts_every_one():
    statements = generated_statements(3000)
    data = page_data(iter(statements), quotes_per_link=5)
    groups = {}
    for s in statements:
        groups.setdefault((s.holder, s.issue, s.polarity), []).append(s)
    assert data["total"] == 3000 and data["groupKeys"] == [list(k) for k in sorted(groups, key=lambda k: (k[0], k[1], POLARITIES.index(k[2])))]
    assert len(data["statements"]) == 5 * len(groups) and data["quotesPerLink"] == 5
    cells = data["cells"]
    for g, key in enumerate(map(tuple, data["groupKeys"])):
        members = groups[key]
        # Every statement is counted, per day, in the link's cells.
        per_day = {}
        for s in members:
            per_day[s.date] = per_day.get(s.date, 0) + 1
        counted = {(None if d < 0 else data["days"][d]): n for c, d, n in zip(cells[::3], cells[1::3], cells[2::3]) if c == g}
        assert counted == per_day
        # The carried ones are the five most recent (reading order among equal dates).
        newest = sorted(members, key=lambda s: (-(dt.date.fromisoformat(s.date).toordinal()) if s.date else 0, s.sort_key))[:5]
        carried = [data["statements"][k] for k in data["groups"][g]]
        assert sorted(r["id"] for r in carried) == sorted(s.stance_id for s in newest)
        assert all((r["h"], r["i"], r["p"]) == key for r in carried)
    # Edges and the matrix count every statement; only the carried statements' sources are listed.
    edges = {(e["h"], e["i"], e["pol"]): e["n"] for e in data["views"]["actor-issue"]["edges"]}
    assert edges == {k: len(v) for k, v in groups.items()}
    assert set(data["sources"]) == {r["s"] for r in data["statements"]}
    assert data["matrix"]["actors"] == position_matrix(statements).actors
    assert data["dates"] == {"min": "2025-01-02", "max": "2025-03-31"}
    full = page_data(statements, quotes_per_link=None)
    assert len(full["statements"]) == 3000 and full["views"] == data["views"]
    # The same statements in any order give the same page.
    assert page_data(list(reversed(statements)), quotes_per_link=5) == data


def test_a_page_of_very_many_links_carries_fewer_statements_per_link(monkeypatch):
    import kg.viz

    statements = generated_statements(3000)
    links = {(s.holder, s.issue, s.polarity) for s in statements}
    assert len(links) == 18
    whole = page_data(statements, quotes_per_link=5)
    monkeypatch.setattr(kg.viz, "QUOTES_PER_PAGE", 40)
    data = page_data(statements, quotes_per_link=5)
    # 18 links of 5 would be 90 statements: 2 each (36) is the most that stays under 40.
    assert data["quotesPerLink"] == 2 and len(data["statements"]) == 36
    for g, members in enumerate(data["groups"]):
        newest = [whole["statements"][k]["id"] for k in whole["groups"][g]]
        carried = [data["statements"][k]["id"] for k in members]
        assert len(carried) == 2 and set(carried) <= set(newest)
    # Counts, edges and the matrix still cover every statement.
    assert (data["total"], data["cells"], data["views"], data["matrix"]) == (3000, whole["cells"], whole["views"], whole["matrix"])
    monkeypatch.setattr(kg.viz, "QUOTES_PER_PAGE", 1)
    assert len(page_data(statements, quotes_per_link=5)["statements"]) == 18


def test_a_page_carries_at_least_one_quote_per_link():
    with pytest.raises(VizError, match="at least one quote"):
        page_data(SMALL, quotes_per_link=0)


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
    # A tie's weight is the number of issues it holds on (each with at least one group pair):
    # the page recounts ties from the same pairs, one per issue.
    for edge in data["views"]["actor-actor"]["edges"]:
        assert len(edge["ev"]) == edge["n"] and all(flat for _, flat in edge["ev"])
        for _, flat in edge["ev"]:
            for left, right in zip(flat[::2], flat[1::2]):
                assert {statements[k]["h"] for k in groups[left]} == {edge["a"]}
                assert {statements[k]["h"] for k in groups[right]} == {edge["b"]}
    assert [e["label"] for e in data["views"]["actor-actor"]["edges"] if e["a"] == "A" and e["b"] == "B"] == ["2", ""]
