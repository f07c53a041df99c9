"""`kg viz` on a store: the page drawn from the aggregate nodes is the page drawn from every statement.

`kg.viz.store_page` asks the store for each link's statements per day and reads only the
statements the page shows; `kg.viz.scan_store_page` reads every statement one by one (what
`kg viz` did before). Both must give the same bytes, on the seeds and on a synthetic store whose
links hold more statements than a page shows, undated ones, conditions, and days whose
statements straddle the cut.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph
import pytest

import kg.network
import kg.viz
from kg.aggregates import AGGREGATES_GRAPH
from kg.build import BuildResult, build_graph, write_build
from kg.dictionary import load_dictionary
from kg.model import Article, Method, Polarity, Stance
from kg.queries import QueryError, bind_rows
from kg.store import connect, open_store
from kg.viz import QUOTES_PER_LINK, VIEWS, build_page, scan_store_page, store_link_sums, store_page

REPO = Path(__file__).resolve().parent.parent

TEXT = "Israel insists on disarmament before reconstruction, while Washington pushes for rebuilding. " * 6


def _data(page: bytes) -> dict:
    html = page.decode("utf-8")
    return json.loads(re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', html, re.DOTALL).group(1))


def _stance(article: Article, holder: str, issue: str, polarity: Polarity, start: int, condition: str | None = None) -> Stance:
    return Stance(
        source_id=article.source_id, holder=holder, issue=issue, polarity=polarity, condition=condition,
        quote=TEXT[start:start + 40], char_start=start, char_end=start + 40, method=Method.RULE,
        rule="test.synthetic", confidence=0.8, published=article.published,
    )


def synthetic_build() -> BuildResult:
    """Links of up to a few hundred statements over 40 days, some undated, some conditional.

    - Israel opposes reconstruction in every source, 4 a day, and in 40 undated ones;
    - Hamas supports reconstruction in undated sources only, 30 times;
    - the United States puts reconstruction after disarmament, or after the peace plan, 25 times
      in all, and once with no condition;
    - Egypt supports the peace plan exactly 20 times, Qatar 21 times, each on one day: the
      statements Qatar's link shows end inside a day (as Israel's do with 3 per link), so that
      day's statements are read whole and the page picks among them;
    - a few links of one or two statements.
    """
    dictionary = load_dictionary()
    first = date(2025, 10, 1)
    articles = [
        Article(source_id=f"syn_{k:03d}", text=TEXT, published=first + timedelta(days=k // 4) if k < 160 else None,
                title=f"Synthetic {k}", publisher=f"Wire {k % 3}", url=f"https://example.org/{k}" if k % 2 else None)
        for k in range(200)
    ]
    stances: list[Stance] = []
    for k, article in enumerate(articles):
        stances.append(_stance(article, "Israel", "reconstruction", Polarity.OPPOSE, (k * 7) % 300))
        if k >= 170:
            stances.append(_stance(article, "Hamas", "reconstruction", Polarity.SUPPORT, 10 + k % 50))
        if k % 7 == 0 and k < 175:
            condition = "disarmament" if k % 2 else "peace_plan"
            stances.append(_stance(article, "US", "reconstruction", Polarity.CONDITIONAL, 20 + k % 40, condition))
        if k == 100:
            stances.append(_stance(article, "US", "reconstruction", Polarity.CONDITIONAL, 400))
            stances.append(_stance(article, "US", "reconstruction", Polarity.SUPPORT, 401))
            stances.append(_stance(article, "Hamas", "disarmament", Polarity.OPPOSE, 402))
    for k in range(20):
        stances.append(_stance(articles[60], "Egypt", "peace_plan", Polarity.SUPPORT, 100 + k))
    for k in range(21):
        stances.append(_stance(articles[64 + k % 4], "Qatar", "peace_plan", Polarity.SUPPORT, 130 + k))
    stances.append(_stance(articles[190], "Qatar", "peace_plan", Polarity.OPPOSE, 300))
    return BuildResult(articles=articles, stances=stances, dictionary=dictionary)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic")
    result = synthetic_build()
    write_build(result, out, [])
    return result, open_store(out)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The seed articles built as `kg build sources` builds them (extraction and curated annotations)."""
    out = tmp_path_factory.mktemp("seeds")
    result = build_graph(REPO / "sources", cache_dir=out / ".cache")
    write_build(result, out, [])
    return result, open_store(out)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("quotes", [QUOTES_PER_LINK, 3, 1, None])
def test_the_synthetic_store_gives_the_page_of_every_statement(synthetic, view, quotes):
    result, store = synthetic
    page = store_page(store, view, quotes)
    assert page == scan_store_page(store, view, quotes)
    assert page == kg.viz.page_bytes(kg.network.iter_statements(result.stances, result.articles), result.dictionary, view, quotes)


def test_the_synthetic_store_holds_what_the_test_means_to_cover(synthetic):
    _, store = synthetic
    data = _data(store_page(store))
    keys = [tuple(k) for k in data["groupKeys"]]
    per_group: dict[int, int] = {}
    undated: dict[int, int] = {}
    for group, day, count in zip(data["cells"][::3], data["cells"][1::3], data["cells"][2::3]):
        per_group[group] = per_group.get(group, 0) + count
        if day == -1:
            undated[group] = count
    counts = {keys[g]: n for g, n in per_group.items()}
    assert counts[("Israel", "reconstruction", "oppose")] == 200 and counts[("Hamas", "reconstruction", "support")] == 30
    assert (counts[("Egypt", "peace_plan", "support")], counts[("Qatar", "peace_plan", "support")]) == (20, 21)
    assert undated[keys.index(("Israel", "reconstruction", "oppose"))] == 40
    assert undated[keys.index(("Hamas", "reconstruction", "support"))] == 30
    # Conditional links and their conditions, a condition-less conditional statement among them.
    edges = [e for e in data["views"]["actor-issue"]["edges"] if e["pol"] == "conditional"]
    assert [(e["h"], e["i"], e["cond"], e["n"]) for e in edges] == [("US", "reconstruction", ["disarmament", "peace_plan"], 26)]
    shown = [s for s in data["statements"] if (s["h"], s["i"], s["p"]) == ("Israel", "reconstruction", "oppose")]
    assert len(shown) == QUOTES_PER_LINK and {s["d"] for s in shown} == {"2025-11-09", "2025-11-08", "2025-11-07", "2025-11-06", "2025-11-05"}
    assert all("d" not in s for s in data["statements"] if s["h"] == "Hamas" and s["i"] == "reconstruction")
    assert data["total"] == 200 + 30 + 26 + 2 + 20 + 21 + 1


def test_a_page_budget_that_lowers_the_statements_per_link_gives_the_same_page(synthetic, monkeypatch):
    _, store = synthetic
    monkeypatch.setattr(kg.viz, "QUOTES_PER_PAGE", 30)
    page = store_page(store)
    assert page == scan_store_page(store)
    assert 1 < _data(page)["quotesPerLink"] < QUOTES_PER_LINK


def test_only_the_statements_the_page_shows_are_read(synthetic, monkeypatch):
    result, store = synthetic
    read = []
    row = kg.network._statement_row
    monkeypatch.setattr(kg.network, "_statement_row", lambda r: read.append(r) or row(r))
    links = store_link_sums(store)
    shown = sum(min(n, QUOTES_PER_LINK) for n in (sum(d.values()) for d in links.days.values()))
    # The most recent days of each link until they hold its 20: one day's statements over at most.
    assert shown <= len(read) < shown + 3 * 4 < len(result.stances)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("quotes", [QUOTES_PER_LINK, 2, 1])
def test_the_seeds_store_gives_the_page_of_every_statement(seeds, view, quotes):
    result, store = seeds
    page = store_page(store, view, quotes)
    assert page == scan_store_page(store, view, quotes)
    if quotes == QUOTES_PER_LINK:
        assert page == build_page(result, view)


def test_the_curated_seeds_store_gives_the_page_of_every_statement(curated_build):
    result, out = curated_build
    store = open_store(out)
    assert store_page(store) == scan_store_page(store) == build_page(result)
    # rdflib's in-memory store over the TriG export answers the same queries alike.
    assert store_page(connect("memory", out)) == build_page(result)


def test_a_store_without_aggregates_is_read_statement_by_statement(synthetic):
    _, store = synthetic
    bare = pyoxigraph.Store()
    bare.bulk_load(store.dump(format=pyoxigraph.RdfFormat.N_QUADS), format=pyoxigraph.RdfFormat.N_QUADS)
    bare.remove_graph(pyoxigraph.NamedNode(AGGREGATES_GRAPH))
    assert store_link_sums(bare) is None
    assert store_page(bare) == scan_store_page(store)


def test_bind_rows_binds_variables_together():
    a, b = pyoxigraph.NamedNode("http://example.org/a"), pyoxigraph.Literal("x")
    text = bind_rows("SELECT ?s ?o WHERE { ?s ?p ?o }", ("s", "o"), [(a, b), (a, a)])
    assert "VALUES (?s ?o) {\n    (<http://example.org/a> \"x\")\n    (<http://example.org/a> <http://example.org/a>)\n  }" in text
    assert bind_rows("SELECT * WHERE { ?s ?p ?o }", ("s",), []) == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(QueryError):
        bind_rows("SELECT * WHERE { ?s ?p ?o }", ("s", "o"), [(a,)])
    with pytest.raises(QueryError):
        bind_rows("SELECT * WHERE { ?s ?p ?o }", ("s o",), [(a,)])
