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


# --- the canned questions read the aggregates and answer as a scan of the stances would ------------


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory):
    """A random but valid build with every kind of tie the strongest-stance order must break:
    equal and unequal confidences, curated and rule stances, undated sources, missing publishers."""
    import random
    from datetime import date, timedelta

    from kg.build import BuildResult
    from kg.dictionary import load_dictionary
    from kg.model import Article, Method, Polarity, Stance

    rng = random.Random(11)
    dictionary = load_dictionary()
    holders = sorted(dictionary.holder_ids())[:7]
    issues = sorted(dictionary.issues)[:5]
    text = "Israel insists on disarmament before reconstruction, while Washington pushes for rebuilding. " * 3
    articles, stances = [], []
    for a in range(150):
        published = None if a % 9 == 0 else date(2025, 3, 1) + timedelta(days=rng.randrange(40))
        article = Article(source_id=f"v{a:04d}", text=text, published=published, title=f"Varied {a}",
                          publisher=None if a % 7 == 0 else f"Wire {a % 5}")
        articles.append(article)
        for _ in range(rng.randrange(0, 12)):
            polarity = rng.choice(list(Polarity))
            issue = rng.choice(issues)
            start = rng.randrange(0, len(text) - 60)
            length = rng.randrange(20, 60)
            curated = rng.random() < 0.2
            stances.append(Stance(
                source_id=article.source_id, holder=rng.choice(holders), issue=issue, polarity=polarity,
                condition=rng.choice([i for i in issues if i != issue][:2]) if polarity is Polarity.CONDITIONAL else None,
                quote=text[start:start + length], char_start=start, char_end=start + length,
                method=Method.CURATED if curated else Method.RULE, rule=None if curated else "test.varied",
                confidence=rng.choice([0.5, 0.65, 0.8, 0.8, 1.0]), published=published,
            ))
    unique = {s.key: s for s in stances}
    result = BuildResult(articles=articles, stances=sorted(unique.values(), key=lambda s: s.key), dictionary=dictionary)
    out = tmp_path_factory.mktemp("varied")
    write_build(result, out, formats=["trig"])
    return result, open_store(out), out


def _rows(store, text: str, values: dict | None = None) -> list[tuple]:
    from kg.queries import bind_values, with_limit

    answer = run_query(store, bind_values(with_limit(text, None), values or {}))
    return [tuple(t.value if t is not None else None for t in row) for row in answer.rows]


def _columns(store, text: str, names: list[str]) -> list[tuple]:
    answer = run_query(store, text)
    index = [answer.variables.index(n) for n in names]
    return [tuple(row[i].value if row[i] is not None else None for i in index) for row in answer.rows]


def test_a_position_is_the_polarity_of_two_statements_in_three_in_the_store_and_the_scan(tmp_path) -> None:
    # Cells with a clear majority and a few contrary statements, as a year of news gives them: one
    # stray report must not turn 5 statements of support into "mixed".
    from kg.build import BuildResult
    from kg.dictionary import load_dictionary
    from kg.model import Article, Method, Polarity, Stance
    from kg.network import net_position
    from kg.queries import scan_query

    cells = {("Israel", "ceasefire"): (5, 1, 0), ("Israel", "reconstruction"): (1, 1, 0), ("US", "ceasefire"): (0, 2, 1),
             ("US", "reconstruction"): (2, 1, 0), ("Egypt", "ceasefire"): (3, 2, 0), ("Egypt", "reconstruction"): (0, 0, 4),
             ("Qatar", "ceasefire"): (1, 0, 2)}
    expected = {("Israel", "ceasefire"): "support", ("Israel", "reconstruction"): "mixed", ("US", "ceasefire"): "oppose",
                ("US", "reconstruction"): "support", ("Egypt", "ceasefire"): "mixed",
                ("Egypt", "reconstruction"): "conditional", ("Qatar", "ceasefire"): "conditional"}
    text = "Israel insists on disarmament before reconstruction, while Washington pushes for rebuilding."
    articles, stances = [], []
    for (holder, issue), counts in cells.items():
        for polarity, count in zip((Polarity.SUPPORT, Polarity.OPPOSE, Polarity.CONDITIONAL), counts):
            for _ in range(count):
                article = Article(source_id=f"m{len(articles):03d}", text=text, title="Majority", publisher="Wire")
                articles.append(article)
                stances.append(Stance(source_id=article.source_id, holder=holder, issue=issue, polarity=polarity,
                                      condition="disarmament" if polarity is Polarity.CONDITIONAL else None,
                                      quote=text[:20], char_start=0, char_end=20, method=Method.CURATED, confidence=1.0))
    result = BuildResult(articles=articles, stances=sorted(stances, key=lambda s: s.key), dictionary=load_dictionary())
    write_build(result, tmp_path, formats=["trig"])
    store = open_store(tmp_path)
    for query in (canned_query("positions"), scan_query("positions")):
        rows = _columns(store, query, ["actor", "issue", "position", "support", "oppose", "conditional"])
        got = {(a.removeprefix(ACTOR), i.removeprefix(ISSUE)): p for a, i, p, *_ in rows}
        assert got == expected
        assert all(p == net_position({"support": int(s), "oppose": int(o), "conditional": int(c)}) for _, _, p, s, o, c in rows)


def test_coalitions_equal_the_scan_of_the_stances(varied) -> None:
    from kg.queries import scan_query

    _, store, _ = varied
    expected = _rows(store, scan_query("coalitions"))
    assert len(expected) > 30
    assert _rows(store, canned_query("coalitions")) == expected


def _dated_span(result, keep) -> dict[tuple, tuple]:
    span: dict[tuple, list] = defaultdict(list)
    for s in result.stances:
        if keep(s) and s.published:
            span[keep(s)].append(s.published.isoformat())
    return {k: (min(v), max(v)) for k, v in span.items()}


def test_positions_and_conditions_count_as_the_scan_does(varied) -> None:
    # First and last dates are compared with the dated stances apart: over a group holding an
    # undated stance, MIN and MAX in SPARQL meet an unbound value and give nothing, while the
    # aggregates keep the span of the dated ones.
    from kg.queries import scan_query

    result, store, _ = varied
    names = ["actor", "issue", "position", "support", "oppose", "conditional", "statements", "sources", "publishers"]
    assert _columns(store, canned_query("positions"), names) == _columns(store, scan_query("positions"), names)
    span = _dated_span(result, lambda s: (ACTOR + s.holder, ISSUE + s.issue))
    got = {(r[0], r[1]): (r[2], r[3]) for r in _columns(store, canned_query("positions"), ["actor", "issue", "first", "last"])}
    assert got == {k: span.get(k, (None, None)) for k in got} and len(got) > 30
    names = ["issue", "condition", "actor", "statements", "sources"]
    assert _columns(store, canned_query("conditions"), names) == _columns(store, scan_query("conditions"), names) != []
    span = _dated_span(result, lambda s: (ISSUE + s.issue, ISSUE + s.condition, ACTOR + s.holder) if s.condition else None)
    got = {r[:3]: r[3:] for r in _columns(store, canned_query("conditions"), ["issue", "condition", "actor", "first", "last"])}
    assert got == {k: span.get(k, (None, None)) for k in got}
    names = ["issue", "kind", "actor", "actorPosition", "other", "otherPosition", "condition", "actorStatements", "otherStatements"]
    got = _columns(store, canned_query("conflicts"), names)
    assert got == _columns(store, scan_query("conflicts"), names)
    assert {r[1] for r in got} == {"opposite", "sequencing"}


def _strongest_by_scan(store) -> dict[tuple, str]:
    """The strongest stance per (actor, issue, polarity, condition or None for any), ranked over every stance."""
    from kg.queries import with_limit

    answer = run_query(store, with_limit(canned_query("stances"), None))
    rows = [{v: (t.value if t is not None else None) for v, t in zip(answer.variables, row)} for row in answer.rows]

    def rank(r: dict) -> tuple:
        day = r["date"]
        return (-float(r["confidence"]), 0 if r["method"].endswith("CuratedAnnotation") else 1,
                "" if day is None else "".join(chr(0x10FFFF - ord(c)) for c in day),
                r["sourceId"], int(r["charStart"]), r["stance"])

    best: dict[tuple, str] = {}
    for r in sorted(rows, key=rank):
        polarity = r["polarity"].rsplit("#", 1)[1].lower()
        for condition in (None, r["condition"]):
            best.setdefault((r["holder"], r["issue"], polarity, condition), r["stance"])
    return best


def test_each_answer_quotes_the_strongest_stance(varied) -> None:
    from kg import answers

    _, store, _ = varied
    best = _strongest_by_scan(store)
    stance = "https://w3id.org/stancegraph/id/stance/"
    rows = answers.conflicts(store).records()
    assert rows
    for r in rows:
        condition = ISSUE + r["condition"] if r["kind"] == "sequencing" else None
        assert stance + r["actor_stance"] == best[(ACTOR + r["actor"], ISSUE + r["issue"], r["actor_position"], condition)]
        assert stance + r["other_stance"] == best[(ACTOR + r["other"], ISSUE + r["issue"], r["other_position"], None)]
    rows = answers.conditions(store).records()
    assert rows
    for r in rows:
        assert stance + r["stance"] == best[(ACTOR + r["actor"], ISSUE + r["issue"], "conditional", ISSUE + r["requires"])]


def test_timeline_reads_the_days_and_a_limit_keeps_the_flags(varied) -> None:
    import pyoxigraph

    from kg import answers
    from kg.queries import scan_query

    result, store, _ = varied
    actor = sorted(result.actors)[0]
    holder = {"holder": [pyoxigraph.NamedNode(ACTOR + actor)]}
    key = lambda row: (row[0] or "", row[6], row[11], row[1], row[2], row[5])  # noqa: E731
    assert sorted(_rows(store, canned_query("day_stances"), holder), key=key) == sorted(_rows(store, scan_query("timeline"), holder), key=key)
    whole = answers.timeline(store, actor, limit=0)
    assert len(whole.rows) > 40 and whole.apart and not whole.note
    part = answers.timeline(store, actor, limit=25)
    assert part.rows == whole.rows[:25] and part.apart == whole.apart[:25]
    shown, total = 25 + len(part.apart), len(whole.rows) + len(whole.apart)
    assert part.note == f"{shown} of {total} statements; {total - shown} more: --limit N shows N, --limit 0 shows all"
    issues = sorted({s.issue for s in result.stances if s.holder == actor})[:2]
    whole = answers.timeline(store, actor, issues, limit=0)
    assert len(whole.rows) > 10 and {r[1] for r in whole.rows} == set(issues)
    for limit in (3, 11):
        part = answers.timeline(store, actor, issues, limit=limit)
        assert part.rows == whole.rows[:limit] and part.apart == whole.apart[:limit]


def test_actor_days_count_the_position_days_they_link(varied) -> None:
    _, store, _ = varied
    rows = _rows(store, "SELECT ?day ?n (SUM(?m) AS ?parts) (COUNT(?part) AS ?k) WHERE { ?day a sg:ActorDay ; sg:stanceCount ?n ; "
                        "sg:dayPart ?part . ?part sg:stanceCount ?m } GROUP BY ?day ?n")
    assert len(rows) > 100 and all(int(n) == int(parts) for _, n, parts, _ in rows)
    assert any(int(k) > 1 for *_, k in rows)


def test_a_listing_stops_at_its_limit_and_says_so(varied) -> None:
    from kg import answers

    result, store, _ = varied
    every = answers.stances(store, limit=0)
    assert len(every.rows) == len(result.stances) and not every.note
    first = answers.stances(store, limit=10)
    assert first.rows == every.rows[:10]
    total = len(every.rows)
    assert first.note == f"10 of {total} stances; {total - 10} more: --limit N shows N, --limit 0 shows all"
    assert f"(10 of {total} stances; {total - 10} more: --limit N shows N, --limit 0 shows all)" in answers.format_answer(first)
    one = answers.stances(store, sources=["v0001"], limit=0).records()
    assert one and {r["source"] for r in one} == {"v0001"}
    assert one == [r for r in every.records() if r["source"] == "v0001"]


@pytest.mark.parametrize("name", ["positions", "conflicts", "coalitions", "conditions"])
def test_the_memory_store_gives_the_same_answers(varied, name) -> None:
    from kg import answers

    _, store, out = varied
    memory = open_store(out, "memory")
    assert getattr(answers, name)(memory).records() == getattr(answers, name)(store).records()


def test_the_new_aggregates_conform_and_a_wrong_day_count_is_caught(varied) -> None:
    from rdflib import Dataset, Literal, URIRef
    from rdflib.namespace import XSD

    _, _, out = varied
    dataset = Dataset()
    dataset.parse(out / "stancegraph.trig", format="trig")
    graph = dataset.graph(URIRef("https://w3id.org/stancegraph/id/graph/aggregates"))
    ontology = dataset.graph(URIRef("https://w3id.org/stancegraph/id/graph/ontology"))
    shapes = load_shapes()
    # The aggregates hold together without the source graphs: they name stances by IRI only.
    assert validate_graph(graph, shapes, ontology).conforms
    day = next(d for d in graph.subjects(URIRef("https://w3id.org/stancegraph/ontology#onDate"), None)
               if graph.value(d, URIRef("https://w3id.org/stancegraph/ontology#dayOf")))
    count = URIRef("https://w3id.org/stancegraph/ontology#stanceCount")
    linked = int(graph.value(day, count))
    graph.set((day, count, Literal(linked + 2, datatype=XSD.integer)))
    graph.add((day, URIRef("https://w3id.org/stancegraph/ontology#onDate"), Literal("2020-01-01", datatype=XSD.date)))
    report = validate_graph(graph, shapes, ontology)
    assert sorted(v.message for v in report.violations) == [
        "A position day has at most one sg:onDate, an xsd:date (none for undated stances).",
        f"The stance count must be the number of linked stances (it is {linked + 2}, the day links {linked}).",
    ]


def test_a_copied_quote_that_is_not_the_strongest_stances_is_caught(varied) -> None:
    from rdflib import Dataset, Literal, URIRef

    _, _, out = varied
    dataset = Dataset()
    dataset.parse(out / "stancegraph.trig", format="trig")
    graph = dataset.graph(URIRef("https://w3id.org/stancegraph/id/graph/aggregates"))
    sg = "https://w3id.org/stancegraph/ontology#"
    node = sorted(graph.subjects(URIRef(sg + "strongestQuote"), None))[0]
    assert validate_graph(dataset, load_shapes()).conforms
    graph.set((node, URIRef(sg + "strongestQuote"), Literal("words nobody said")))
    graph.set((node, URIRef(sg + "strongestSourceId"), Literal("elsewhere")))
    report = validate_graph(dataset, load_shapes())
    message = ("The quote and source id copied onto a conditional position must be those of its sg:strongestStance "
               "(the node has {}).")
    assert sorted(v.message for v in report.violations) == [message.format("elsewhere"), message.format("words nobody said")]


def test_supports_before_marks_the_supporters_of_every_sequencing_conflict(varied) -> None:
    # A supporter of an issue is marked with each condition another actor puts first on it and it never states.
    result, store, _ = varied
    stated = {(s.holder, s.issue, s.condition) for s in result.stances if s.condition}
    supporters = {(s.holder, s.issue) for s in result.stances if s.polarity.value == "support"}
    expected = sorted(
        (ACTOR + a, ISSUE + i, ISSUE + c)
        for a, i in supporters for (_, issue, c) in stated if issue == i and (a, i, c) not in stated
    )
    got = _rows(store, "SELECT ?actor ?issue ?condition WHERE { ?p sg:supportsBefore ?condition ; sg:positionOf ?actor ; "
                       "sg:positionOn ?issue } ORDER BY ?actor ?issue ?condition")
    assert got == sorted(set(expected)) != []


def _conflict_filters(result) -> list[tuple[list[str], list[str]]]:
    issues, actors = sorted({s.issue for s in result.stances}), sorted(result.actors)
    return [([], []), ([issues[0]], []), ([], [actors[1]]), (issues[1:3], actors[:2])]


def test_conflicts_paired_from_the_sides_are_the_rows_of_the_conflicts_query(varied) -> None:
    from kg import answers
    from kg.answers import _actor_terms, _ask, _issue_terms

    result, store, _ = varied
    names = ["issue", "kind", "actor", "actorPosition", "other", "otherPosition", "condition", "actorStatements",
             "otherStatements", "actorQuote", "actorSource", "otherQuote", "otherSource", "actorStance", "otherStance"]
    for issues, actors in _conflict_filters(result):
        expected = _ask(store, "conflicts", {"issue": _issue_terms(issues), "party": _actor_terms(actors)},
                        order=["issue", "kind", "actor", "other", "condition", "-actorPosition"])
        got = answers.conflicts(store, issues, actors).rows
        assert got == [tuple(r[n] for n in names) for r in expected], (issues, actors)
        assert got or actors


@pytest.fixture(scope="module")
def small_pages(varied, tmp_path_factory: pytest.TempPathFactory):
    """The varied build written with pages of 4 stances, so positions span many pages."""
    import kg.aggregates

    result, _, _ = varied
    out = tmp_path_factory.mktemp("small_pages")
    saved, kg.aggregates.PAGE_SIZE = kg.aggregates.PAGE_SIZE, 4
    try:
        write_build(result, out, formats=["trig"])
        yield result, open_store(out), out
    finally:
        kg.aggregates.PAGE_SIZE = saved


LISTINGS = [
    {}, {"polarity": "oppose"}, {"since": "2025-03-10", "until": "2025-03-12"},
    {"actors": "first"}, {"issues": "first"}, {"actors": "first", "issues": "first"},
    {"actors": "two", "polarity": "conditional"}, {"issues": "two", "since": "2025-04-01"}, {"actors": "first", "until": "2025-03-01"},
]


@pytest.mark.parametrize("filters", LISTINGS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
def test_a_listing_read_from_its_pages_is_the_head_of_the_full_listing(small_pages, filters) -> None:
    import kg.aggregates
    from kg import answers

    result, store, _ = small_pages
    actors, issues = sorted(result.actors), sorted({s.issue for s in result.stances})
    pick = {"first": lambda ids: ids[:1], "two": lambda ids: ids[1:3]}
    args = {k: (pick[v](actors if k == "actors" else issues) if v in pick else v) for k, v in filters.items()}
    saved, kg.aggregates.PAGE_SIZE = kg.aggregates.PAGE_SIZE, 4
    try:
        every = answers.stances(store, limit=0, **args)
        assert every.rows
        for limit in (1, 3, 4, 5, 17, 60, len(every.rows), len(every.rows) + 1):
            part = answers.stances(store, limit=limit, **args)
            assert part.rows == every.rows[:limit], limit
            assert bool(part.note) == (len(every.rows) > limit)
    finally:
        kg.aggregates.PAGE_SIZE = saved


DATE_RANGES = [
    {"since": "2025-03-10", "until": "2025-03-12"}, {"since": "2025-03-20", "until": "2025-03-20", "polarity": "support"},
    {"since": "2025-03-05", "until": "2025-03-25", "actors": "two"}, {"until": "2025-03-03", "issues": "first"},
    {"since": "2025-04-07"}, {"since": "2026-01-01"},
]


@pytest.mark.parametrize("path", ["days", "pages"])
@pytest.mark.parametrize("filters", DATE_RANGES, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()))
def test_a_date_range_read_from_its_days_or_its_pages_is_the_head_of_the_full_listing(small_pages, filters, path, monkeypatch) -> None:
    import kg.aggregates
    from kg import answers

    result, store, _ = small_pages
    actors, issues = sorted(result.actors), sorted({s.issue for s in result.stances})
    pick = {"first": lambda ids: ids[:1], "two": lambda ids: ids[1:3]}
    args = {k: (pick[v](actors if k == "actors" else issues) if v in pick else v) for k, v in filters.items()}
    every = answers.stances(store, limit=0, **args)
    by_day: list[str] = []
    monkeypatch.setattr(kg.aggregates, "PAGE_SIZE", 4)
    monkeypatch.setattr(answers, "_DAY_COST", 0 if path == "days" else 10**9)
    monkeypatch.setattr(answers, "_KEY_COST", 0 if path == "days" else 10**9)
    monkeypatch.setattr(answers, "_by_day", lambda *a, by_day_=answers._by_day: by_day.append("days") or by_day_(*a))
    monkeypatch.setattr(answers, "_by_source", lambda *a, by_source=answers._by_source: by_day.append("sources") or by_source(*a))
    for limit in (1, 3, 4, 9, 30, len(every.rows), len(every.rows) + 1):
        part = answers.stances(store, limit=limit, **args)
        assert part.rows == every.rows[:limit], limit
        assert (part.cut is not None) == (len(every.rows) > limit)
        if part.cut is not None and by_day and by_day[-1] == "days":
            assert part.cut.total == len(every.rows)
    # Over every actor and issue a short range walks the sources of its days; otherwise it reads the days.
    expected = ("days" if "actors" in filters or "issues" in filters else "sources") if path == "days" and every.rows else None
    assert set(by_day) == ({expected} if expected else set())


def test_the_full_listing_is_the_scan_in_reading_order_and_pages_cover_it(small_pages) -> None:
    import pyoxigraph

    from kg.queries import scan_query

    result, store, _ = small_pages
    scanned = [r[0] for r in _rows(store, scan_query("stances"))]
    assert len(scanned) == len(result.stances) > 80
    # The canned listing reads the first 20 pages: 80 stances with pages of 4 (1000 with the build's 50).
    assert [r[0] for r in run_query(store, canned_query("stances")).rows] == [pyoxigraph.NamedNode(s) for s in scanned[:80]]
    pages = run_query(store, "SELECT ?page ?number ?stance WHERE { ?page sg:pageStance ?stance ; sg:pageNumber ?number "
                             "FILTER NOT EXISTS { ?page sg:pageOf ?p } }")
    by_page: dict[int, set[str]] = defaultdict(set)
    for page, number, stance in pages.rows:
        by_page[int(number.value)].add(stance.value)
    assert [s for n in sorted(by_page) for s in sorted(by_page[n], key=scanned.index)] == scanned
    assert all(len(by_page[n]) == 4 for n in sorted(by_page)[:-1])


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_the_canned_listing_gives_the_rows_of_the_scan_field_by_field(small_pages, backend) -> None:
    from kg.queries import scan_query

    _, store, out = small_pages
    store = store if backend == "oxigraph" else open_store(out, "memory")
    scanned = _rows(store, scan_query("stances"))
    got = [tuple(t.value if t is not None else None for t in row) for row in run_query(store, canned_query("stances")).rows]
    # 20 pages of 4 stances; labels, dates, publishers and conditions filled in where the stances have them.
    assert got == scanned[:80] and len(scanned) > 80
    assert all(r[2] and r[4] for r in got) and any(r[6] for r in got) and any(r[13] is None for r in got)


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_on_the_seeds_the_canned_questions_give_the_rows_of_the_scans(curated_build, tmp_path_factory, backend) -> None:
    from kg.queries import scan_query

    result, _ = curated_build
    out = tmp_path_factory.mktemp("seeds_scan")
    write_build(result, out, formats=["trig"])
    store = open_store(out, backend)
    assert _rows(store, canned_query("stances")) == _rows(store, scan_query("stances")) != []
    names = ["issue", "kind", "actor", "actorPosition", "other", "otherPosition", "condition", "actorStatements", "otherStatements"]
    assert _columns(store, canned_query("conflicts"), names) == _columns(store, scan_query("conflicts"), names) != []
    names = ["issue", "condition", "actor", "statements", "sources"]
    assert _columns(store, canned_query("conditions"), names) == _columns(store, scan_query("conditions"), names)


def test_a_graph_without_pages_is_listed_by_reading_every_stance(small_pages, tmp_path) -> None:
    import pyoxigraph

    from kg import answers

    result, store, _ = small_pages
    actor = sorted(result.actors)[0]
    bare = pyoxigraph.Store()
    bare.extend(q for q in store.quads_for_pattern(None, None, None, None)
                if not (q.graph_name.value.endswith("/graph/aggregates") and "/page/" in q.subject.value))
    assert answers.stances(bare, limit=5).rows == answers.stances(store, limit=5).rows
    assert answers.stances(bare, [actor], limit=3).rows == answers.stances(store, [actor], limit=3).rows != []


def test_the_memory_store_reads_the_pages_and_days_alike(small_pages) -> None:
    import kg.aggregates
    from kg import answers

    result, store, out = small_pages
    memory = open_store(out, "memory")
    actor = sorted(result.actors)[0]
    saved, kg.aggregates.PAGE_SIZE = kg.aggregates.PAGE_SIZE, 4
    try:
        for args in ({}, {"actors": [actor]}, {"actors": [actor], "polarity": "support"}):
            assert answers.stances(memory, limit=9, **args).rows == answers.stances(store, limit=9, **args).rows != []
    finally:
        kg.aggregates.PAGE_SIZE = saved
    assert answers.timeline(memory, actor, limit=6).records() == answers.timeline(store, actor, limit=6).records() != []


def test_a_shortened_hash_is_found_through_the_hash_prefixes(small_pages) -> None:
    import pyoxigraph

    from kg import answers

    result, store, _ = small_pages
    ids = sorted(s.stance_id for s in result.stances)
    bare = pyoxigraph.Store()
    bare.extend(q for q in store.quads_for_pattern(None, None, None, None) if not q.predicate.value.endswith("#hashPrefix"))
    for graph in (store, bare):
        for stance_id in ids[:: max(1, len(ids) // 7)]:
            for digits in (6, 9, 20):
                answer = answers.provenance(graph, stance_id[:digits])
                assert answer.rows[0] == ("stance", "https://w3id.org/stancegraph/id/stance/" + stance_id)
        with pytest.raises(answers.AnswerError, match="no stance 'ffffff0' in the built graph"):
            answers.provenance(graph, "ffffff0")


# --- the aggregates are streamed into the store in slices --------------------------------------------


def test_the_aggregates_made_in_slices_are_the_aggregates_made_at_once(curated_build, varied) -> None:
    from kg.aggregates import aggregate_graph, aggregate_parts

    for result in (curated_build[0], varied[0]):
        whole = aggregate_graph(result.articles, result.stances).nquads.splitlines()
        assert len(whole) > 300 and len(set(whole)) == len(whole)
        slices = list(aggregate_parts(result.articles, result.stances, part_lines=7))
        assert len(slices) == -(-len(whole) // 7)
        assert all(text.endswith("\n") and len(text.splitlines()) <= 7 for text in slices)
        assert sorted(line for text in slices for line in text.splitlines()) == whole
        # However it is sliced, the text is the same, so its digest is too.
        assert "".join(slices) == "".join(aggregate_parts(result.articles, result.stances, part_lines=10**9))
    with pytest.raises(ValueError, match="part_lines must be at least 1"):
        next(aggregate_parts(result.articles, result.stances, part_lines=0))


def test_a_build_that_loads_the_aggregates_in_small_slices_writes_the_same_bytes_and_answers(varied, tmp_path, monkeypatch) -> None:
    import kg.aggregates
    import kg.store
    from kg import answers

    result, _, _ = varied
    whole, sliced = tmp_path / "whole", tmp_path / "sliced"
    write_build(result, whole, formats=["trig", "nq"])
    store = open_store(whole)
    loads: list[int] = []
    bulk_load = kg.store.OxigraphStore.replace_graphs

    def counted(self, graphs):
        loads.append(len(graphs))
        bulk_load(self, graphs)

    monkeypatch.setattr(kg.aggregates, "PART_LINES", 9)
    monkeypatch.setattr(kg.store, "_LOAD_CHUNK", 4000)
    monkeypatch.setattr(kg.store.OxigraphStore, "replace_graphs", counted)
    write_build(result, sliced, formats=["trig", "nq"])
    for name in ("stancegraph.trig", "stancegraph.nq"):
        assert (sliced / name).read_bytes() == (whole / name).read_bytes()
    assert loads.count(1) >= 1 and len(loads) > 3  # the aggregates alone, besides the batches of sources
    again = open_store(sliced)
    assert len(again) == len(store)
    actor = sorted(result.actors)[0]
    for ask in (answers.positions, answers.conflicts, answers.conditions, answers.coalitions,
                lambda s: answers.stances(s, limit=0), lambda s: answers.timeline(s, actor, limit=0),
                lambda s: answers.provenance(s, result.stances[5].stance_id[:8])):
        assert ask(again).records() == ask(store).records() != []


def test_an_aggregates_graph_of_a_new_key_but_the_same_text_is_not_loaded_again(varied, tmp_path, monkeypatch) -> None:
    from dataclasses import replace

    import kg.aggregates
    import kg.store
    from kg.aggregates import AGGREGATES_GRAPH
    from kg.build import BuildResult

    result, _, _ = varied
    write_build(result, tmp_path, formats=[])
    loaded: list[str] = []
    bulk_load = kg.store.OxigraphStore.replace_graphs

    def recorded(self, graphs):
        loaded.extend(g.iri for g in graphs)
        bulk_load(self, graphs)

    monkeypatch.setattr(kg.store.OxigraphStore, "replace_graphs", recorded)
    made: list[int] = []
    parts = kg.aggregates.aggregate_parts
    monkeypatch.setattr(kg.aggregates, "aggregate_parts", lambda *a, **k: made.append(1) or parts(*a, **k))
    # A new title changes its source's graph and so the aggregates' key, but not the aggregates:
    # they are made once, to find the same digest.
    retitled = [replace(a, title="Another title") if a.source_id == "v0003" else a for a in result.articles]
    again = BuildResult(articles=retitled, stances=result.stances, dictionary=result.dictionary)
    write_build(again, tmp_path, formats=[])
    assert again.store_update is not None and again.store_update.written == 1
    assert loaded == [kg.store.ID + "graph/source/v0003"] and made == [1]
    # A changed stance changes the aggregates: they are made once more, loaded again from that
    # one pass, and equal a fresh build's.
    fewer = BuildResult(articles=retitled, stances=result.stances[1:], dictionary=result.dictionary)
    write_build(fewer, tmp_path, formats=["nq"])
    assert AGGREGATES_GRAPH in loaded and made == [1, 1]
    write_build(fewer, tmp_path / "fresh", formats=["nq"])
    assert (tmp_path / "stancegraph.nq").read_bytes() == (tmp_path / "fresh" / "stancegraph.nq").read_bytes()


def test_a_build_without_stances_drops_the_streamed_aggregates(varied, tmp_path) -> None:
    import pyoxigraph

    from kg.aggregates import AGGREGATES_GRAPH
    from kg.build import BuildResult
    from kg.store import STORE_DIR

    result, _, _ = varied
    write_build(result, tmp_path, formats=[])
    silent = BuildResult(articles=result.articles[:3], stances=[], dictionary=result.dictionary)
    write_build(silent, tmp_path, formats=["nq"])
    assert silent.store_update is not None and silent.store_update.dropped == len(result.articles) - 3 + 1
    graphs = {g.value for g in pyoxigraph.Store.read_only(str(tmp_path / STORE_DIR)).named_graphs()}
    assert AGGREGATES_GRAPH not in graphs and len(graphs) == 4
    assert "graph/aggregates" not in (tmp_path / "stancegraph.nq").read_text(encoding="utf-8")


# --- the canned timelines run over every actor read their first pages ---------------------------


def _timeline_key(row: dict) -> tuple:
    # The canned timeline's ORDER BY, with the actor and stance (its pages' order) breaking ties.
    return (row["date"] or "", row["sourceId"], int(row["charStart"]), row["issue"], row["polarity"], row["holder"], row["stance"])


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_the_canned_timeline_is_the_head_of_every_statement_in_date_order(small_pages, backend) -> None:
    from kg.queries import scan_query

    result, store, out = small_pages
    store = store if backend == "oxigraph" else open_store(out, "memory")
    every = sorted(
        ({"date": s.published.isoformat() if s.published else None, "sourceId": s.source_id, "charStart": s.char_start,
          "issue": ISSUE + s.issue, "polarity": f"https://w3id.org/stancegraph/ontology#{s.polarity.value.capitalize()}",
          "holder": ACTOR + s.holder, "stance": "https://w3id.org/stancegraph/id/stance/" + s.stance_id} for s in result.stances),
        key=_timeline_key,
    )
    assert len(every) > 200 and every[0]["date"] is None and every[-1]["date"] is not None
    got = table(store, "timeline")
    # 20 pages of 4 stances (1000 with the build's pages of 50), in the query's order.
    assert [_timeline_key({**r, "charStart": int(r["charStart"])}) for r in got] == [_timeline_key(r) for r in every[:80]]
    # The scan gives the same statements for them, field by field.
    scanned = {r[5]: r for r in _rows(store, scan_query("timeline"))}
    names = ["date", "issue", "polarity", "condition", "quote", "stance", "sourceId", "publisher", "method", "rule", "confidence", "charStart"]
    assert all(tuple(r[n] for n in names) == scanned[r["stance"]] for r in got)


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_the_canned_timeline_days_are_the_head_of_every_position_day(small_pages, backend) -> None:
    import pyoxigraph

    result, store, out = small_pages
    store = store if backend == "oxigraph" else open_store(out, "memory")
    days: dict[tuple, int] = defaultdict(int)
    for s in result.stances:
        days[(s.holder, s.published.isoformat() if s.published else "", s.issue)] += 1
    assert len(days) > 200
    expected = [(ACTOR + a, d or None, ISSUE + i, str(days[(a, d, i)])) for a, d, i in sorted(days)[:80]]
    got = [(r["holder"], r["date"], r["issue"], r["statements"]) for r in table(store, "timeline_days")]
    assert got == expected
    # One actor's days in full: the step query `kg timeline --issue` reads.
    actor = sorted(result.actors)[0]
    mine = _rows(store, canned_query("position_days"), {"holder": [pyoxigraph.NamedNode(ACTOR + actor)]})
    assert sorted((h, d or "", i, n) for h, d, i, n, _ in mine) == [
        (ACTOR + a, d, ISSUE + i, str(n)) for (a, d, i), n in sorted(days.items()) if a == actor]
