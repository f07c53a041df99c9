"""The generated page in a real headless Chromium: offline, complete, interactive, and inert to hostile text."""
from __future__ import annotations

import datetime as dt
import re
import textwrap
import time
from pathlib import Path
from typing import Callable

import pytest
from chromium import CHROMIUM, launch_chromium

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} not found (install the Debian package 'chromium')", allow_module_level=True)

from kg.build import build_graph, write_build  # noqa: E402
from kg.network import (  # noqa: E402
    Statement,
    actor_actor_graph,
    actor_issue_graph,
    position_matrix,
    statements_from_store,
)
from kg.model import Method, Polarity, Stance  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.viz import build_page, edge_width, page_path, render_page, store_page  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


class OfflinePage:
    """A browser page that may read file:// URLs only; it records every other request and console error."""

    def __init__(self, browser, width: int = 1500, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.wait_until_stable()

    def wait_until_stable(self, timeout: float = 15.0) -> None:
        """Poll until the layout has settled (the page's CSP forbids the eval behind wait_for_function)."""
        deadline = time.monotonic() + timeout
        while not self.js("!!(window.__sg && window.__sg.stabilized)"):
            assert time.monotonic() < deadline, "the network did not stabilise in time"
            self.page.wait_for_timeout(50)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def hover_edge(self, edge_id: str) -> None:
        """Move the real mouse onto the middle of an edge, so vis-network's own hover handling runs."""
        point = self.js(
            f"""(() => {{
                const n = window.__sg.network, e = window.__sg.edges.get({edge_id!r});
                const pos = n.getPositions([e.from, e.to]);
                const box = document.getElementById('mynetwork').getBoundingClientRect();
                // A point of the edge that no node and no other edge covers.
                for (let k = 1; k < 40; k++) {{
                    const t = 0.5 + (k % 2 ? 1 : -1) * Math.floor(k / 2) / 50;
                    const dom = n.canvasToDOM({{x: pos[e.from].x + t * (pos[e.to].x - pos[e.from].x),
                                               y: pos[e.from].y + t * (pos[e.to].y - pos[e.from].y)}});
                    if (n.getNodeAt(dom) === undefined && n.getEdgeAt(dom) === e.id)
                        return {{x: dom.x + box.left, y: dom.y + box.top}};
                }}
                return null;
            }})()"""
        )
        assert point is not None, f"edge {edge_id} is nowhere free to hover"
        self.page.mouse.move(point["x"], point["y"])
        self.page.wait_for_timeout(150)

    def pick(self, which: str, *ids: str) -> None:
        """Tick entries of the issue or actor list with real clicks (opening the list first), then close it."""
        root = self.page.locator(f"#sg-filter-{which}")
        if not root.evaluate("d => d.open"):
            root.locator("summary").click()
        for ref in ids:
            root.locator(f"input[type=checkbox][value='{ref}']").check()
        self.page.keyboard.press("Escape")

    def shown_edges(self) -> dict[tuple[str, str, str], tuple[int, float]]:
        """What vis-network draws: edges neither hidden nor touching a hidden node, with the count
        their label states and their width, keyed (actor, issue, polarity) or (actor, actor, tie)."""
        rows = self.js(
            """(() => {
                const sg = window.__sg;
                return sg.edges.get().filter(e => !e.hidden && !sg.nodes.get(e.from).hidden && !sg.nodes.get(e.to).hidden)
                    .map(e => e.kind === 'tie' ? [[e.a, e.b].sort(), e.tie, e.label || '', e.width]
                                               : [[e.h, e.i], e.pol, e.label || '', e.width]);
            })()"""
        )
        shown = {}
        for (left, right), kind, label, width in rows:
            number = re.match(r"\u00d7?(\d+)", label)
            shown[(left, right, kind)] = (int(number.group(1)) if number else 1, width)
        return shown

    def matrix_cells(self) -> dict[tuple[str, str], tuple[str, int]]:
        """Every filled matrix cell (position, count), after checking each is on screen, in a shown row and column."""
        cells = self.js(
            "Array.from(document.querySelectorAll('#sg-matrix td.sg-cell'))"
            ".map(td => [td.dataset.actor, td.dataset.issue, td.dataset.position, Number(td.textContent),"
            " td.getClientRects().length > 0])"
        )
        assert all(rendered for *_, rendered in cells), "a filled cell sits in a hidden row or column"
        return {(a, i): (p, n) for a, i, p, n, _ in cells}

    def shown_matrix_headers(self) -> tuple[list[str], int]:
        """Row headers shown, and how many column headers are shown."""
        return (
            self.js("Array.from(document.querySelectorAll('#sg-matrix tbody th')).filter(th => th.getClientRects().length).map(th => th.textContent)"),
            self.js("Array.from(document.querySelectorAll('#sg-matrix th.sg-col')).filter(th => th.getClientRects().length).length"),
        )

    def widths(self, view: str) -> list[int]:
        return self.js(f"JSON.parse(document.getElementById('sg-data').textContent).views[{view!r}].widths")

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def page(browser):
    """A fresh offline page for one test, closed afterwards."""
    offline = OfflinePage(browser)
    yield offline
    offline.close()


def expected_stance_edges(statements, keep: Callable[[Statement], bool]) -> dict[tuple[str, str, str], int]:
    """The actor-issue edges of the statements the filters keep, with their statement counts."""
    graph = actor_issue_graph([s for s in statements if keep(s)])
    return {(graph.nodes[u]["id"], graph.nodes[v]["id"], k): d["count"] for u, v, k, d in graph.edges(keys=True, data=True)}


def expected_ties(statements, keep: Callable[[Statement], bool], actors: set[str] | None = None) -> dict[tuple[str, str, str], int]:
    """The actor-actor ties of the statements the filters keep (ties touching `actors` only, if given)."""
    graph = actor_actor_graph([s for s in statements if keep(s)])
    out = {}
    for u, v, k, d in graph.edges(keys=True, data=True):
        a, b = sorted((graph.nodes[u]["id"], graph.nodes[v]["id"]))
        if actors is None or a in actors or b in actors:
            out[(a, b, k)] = d["weight"]
    return out


def expected_cells(statements, keep: Callable[[Statement], bool]) -> dict[tuple[str, str], tuple[str, int]]:
    matrix = position_matrix([s for s in statements if keep(s)])
    return {(a, i): (p, matrix.cell(a, i).total) for (a, i), p in matrix.positions().items()}


def assert_page_shows(page: OfflinePage, statements, keep: Callable[[Statement], bool], actors: set[str] | None = None) -> None:
    """Network, widths, status and matrix all agree with the Python projections of the kept statements."""
    view = page.js("window.__sg.state.view")
    low, high = page.widths(view)
    if view == "actor-issue":
        expected = expected_stance_edges(statements, lambda s: keep(s) and (actors is None or s.holder in actors))
    else:
        expected = expected_ties(statements, keep, actors)
    shown = page.shown_edges()
    assert {key: n for key, (n, _) in shown.items()} == expected
    assert all(width == edge_width(n, low, high) for n, width in shown.values())
    assert page.js("window.__sg.visibleEdges") == len(expected)
    kept = [s for s in statements if keep(s) and (actors is None or s.holder in actors)]
    assert page.js("window.__sg.visibleStatements") == len(kept)
    assert page.matrix_cells() == expected_cells(kept, lambda s: True)
    rows, columns = page.shown_matrix_headers()
    assert len(rows) == len({s.holder for s in kept}) and columns == len({s.issue for s in kept})


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    """The seed articles built into a fresh folder, the page written the way `kg viz` writes it."""
    out = tmp_path_factory.mktemp("seeds")
    result = build_graph(REPO / "sources", extract=False)
    write_build(result, out)
    store = open_store(out)
    path = page_path(out)
    path.write_bytes(store_page(store))
    return path, statements_from_store(store), build_page(result)


def test_store_and_memory_paths_give_the_same_page(seeds_page):
    path, _, in_memory = seeds_page
    assert path.read_bytes() == in_memory


def test_page_loads_offline_complete_and_quiet(page, seeds_page, tmp_path):
    path, statements, _ = seeds_page
    page.open(path)
    graph = actor_issue_graph(statements)
    assert page.js("window.__sg.nodes.length") == graph.number_of_nodes()
    assert page.js("window.__sg.edges.length") == graph.number_of_edges()
    assert page.js("window.__sg.visibleEdges") == graph.number_of_edges()
    # The layout settled and the simulation stopped.
    assert page.js("window.__sg.network.physics.physicsEnabled") is False
    # Legend and matrix are on screen, the matrix beside the network.
    legend = page.page.locator("#sg-legend")
    assert legend.is_visible() and "supports" in legend.inner_text()
    net_box = page.page.locator("#sg-net-wrap").bounding_box()
    matrix_box = page.page.locator("#sg-matrix").bounding_box()
    assert matrix_box["x"] >= net_box["x"] + net_box["width"] - 1
    matrix = position_matrix(statements)
    assert page.js("document.querySelectorAll('#sg-matrix tbody tr').length") == len(matrix.actors)
    cells = page.js(
        "Array.from(document.querySelectorAll('#sg-matrix td.sg-cell'))"
        ".map(td => [td.dataset.actor, td.dataset.issue, td.dataset.position, Number(td.textContent)])"
    )
    assert {(a, i): p for a, i, p, _ in cells} == matrix.positions()
    assert all(n == matrix.cell(a, i).total for a, i, _, n in cells)
    page.page.screenshot(path=str(tmp_path / "seeds.png"))
    assert (tmp_path / "seeds.png").stat().st_size > 10_000
    assert page.blocked == []
    assert page.errors == []


def test_filters_change_what_is_visible(page, seeds_page):
    path, statements, _ = seeds_page
    page.open(path)
    total = page.js("window.__sg.visibleEdges")
    page.page.locator("#sg-pol-support").click()
    without_support = page.js("window.__sg.visibleEdges")
    expected = sum(1 for *_, d in actor_issue_graph(statements).edges(data=True) if d["polarity"] != "support")
    assert without_support == expected < total
    assert page.js("document.querySelectorAll('#sg-matrix td.pos-support').length") == 0
    page.page.locator("#sg-reset").click()
    assert page.js("window.__sg.visibleEdges") == total

    page.pick("issue", "reconstruction")
    assert page.js("window.__sg.visibleStatements") == sum(1 for s in statements if s.issue == "reconstruction")
    assert 0 < page.js("window.__sg.visibleEdges") < total
    page.page.locator("#sg-reset").click()

    page.pick("actor", "Israel")
    assert page.js("window.__sg.visibleStatements") == sum(1 for s in statements if s.holder == "Israel")
    page.page.locator("#sg-reset").click()

    page.page.fill("#sg-filter-from", "2025-11-01")
    assert page.js("window.__sg.visibleStatements") == sum(1 for s in statements if s.date and s.date >= "2025-11-01")
    assert page.js("window.__sg.visibleEdges") < total
    page.page.locator("#sg-reset").click()
    assert page.errors == [] and page.blocked == []


def test_matrix_cell_and_edge_list_their_statements(page, seeds_page):
    path, statements, _ = seeds_page
    page.open(path)
    page.page.locator("#sg-matrix td[data-actor='Israel'][data-issue='reconstruction']").click()
    expected = [s for s in statements if s.holder == "Israel" and s.issue == "reconstruction"]
    cards = page.page.locator("#sg-details .sg-stmt")
    assert cards.count() == len(expected)
    text = page.page.locator("#sg-details").inner_text()
    for st in expected:
        assert st.quote in text
    assert "curated annotation" in text and "2025-" in text
    assert "(conditional)" in page.page.locator("#sg-details-title").inner_text()

    # Unpin, then hover an edge with the real mouse: the panel lists the statements behind it.
    page.page.mouse.click(5, 5)
    page.js("window.__sg.state.pinned = false")
    edge = page.js(
        "window.__sg.edges.get().find(e => e.h === 'US' && e.i === 'reconstruction' && e.pol === 'support').id"
    )
    page.hover_edge(edge)
    expected = [s for s in statements if s.holder == "US" and s.issue == "reconstruction" and s.polarity == "support"]
    assert page.page.locator("#sg-details .sg-stmt").count() == len(expected)
    assert page.page.locator("#sg-tip").is_visible()
    assert "TheInterviewTimes.com" in page.page.locator("#sg-details").inner_text()
    assert page.errors == [] and page.blocked == []


def test_actor_actor_view(page, seeds_page, tmp_path):
    path, statements, _ = seeds_page
    page.open(path)
    page.page.locator("#sg-view-actor-actor").click()
    page.wait_until_stable()
    graph = actor_actor_graph(statements)
    assert page.js("window.__sg.nodes.length") == graph.number_of_nodes()
    assert page.js("window.__sg.edges.length") == graph.number_of_edges()
    weights = page.js("window.__sg.edges.get().filter(e => e.a === 'Israel' && e.b === 'US' || e.a === 'US' && e.b === 'Israel')"
                      ".map(e => [e.tie, Number(e.label)])")
    expected = sorted(
        (k, d["weight"]) for u, v, k, d in graph.edges(keys=True, data=True) if {u, v} == {"actor:Israel", "actor:US"}
    )
    assert sorted(map(tuple, weights)) == expected
    assert "conflict" in page.page.locator("#sg-legend").inner_text()
    page.page.screenshot(path=str(tmp_path / "actors.png"))
    assert page.errors == [] and page.blocked == []


def test_issue_and_actor_filters_take_several_choices(page, seeds_page):
    path, statements, _ = seeds_page
    page.open(path)
    total = page.js("window.__sg.visibleStatements")
    assert page.page.locator("#sg-filter-issue summary").inner_text().endswith("all issues")

    page.pick("issue", "reconstruction", "disarmament")
    chosen = {"reconstruction", "disarmament"}
    assert page.page.locator("#sg-filter-issue summary").inner_text().endswith("2 issues")
    assert_page_shows(page, statements, lambda s: s.issue in chosen)
    # A third choice widens the selection; unticking one narrows it again.
    page.pick("issue", "peace_plan")
    assert_page_shows(page, statements, lambda s: s.issue in chosen | {"peace_plan"})
    page.page.locator("#sg-filter-issue summary").click()
    page.page.locator("#sg-filter-issue input[value='disarmament']").uncheck()
    page.page.keyboard.press("Escape")
    assert_page_shows(page, statements, lambda s: s.issue in {"reconstruction", "peace_plan"})

    # Two actors on top of the issues, with one polarity off.
    page.pick("actor", "Israel", "US")
    page.page.locator("#sg-pol-oppose").click()
    keep = lambda s: s.issue in {"reconstruction", "peace_plan"} and s.polarity != "oppose"  # noqa: E731
    assert_page_shows(page, statements, keep, actors={"Israel", "US"})
    # The same filters in the actor-actor view: ties touching either chosen actor, recounted.
    page.page.locator("#sg-view-actor-actor").click()
    page.wait_until_stable()
    assert_page_shows(page, statements, keep, actors={"Israel", "US"})
    page.page.locator("#sg-view-actor-issue").click()
    page.wait_until_stable()
    positions = page.js("window.__sg.network.getPositions(window.__sg.nodes.getIds())")

    # "All issues" drops the issue choice only.
    page.page.locator("#sg-filter-issue summary").click()
    page.page.locator("#sg-filter-issue .sg-multi-all").click()
    page.page.keyboard.press("Escape")
    assert page.js("window.__sg.state.issues") == []
    assert_page_shows(page, statements, lambda s: s.polarity != "oppose", actors={"Israel", "US"})

    # The search box narrows the list by name or alias.
    page.page.locator("#sg-filter-actor summary").click()
    page.page.locator("#sg-filter-actor .sg-multi-find").fill("washington")
    visible = page.js("Array.from(document.querySelectorAll('#sg-filter-actor .sg-multi-item')).filter(r => !r.hidden).map(r => r.querySelector('input').value)")
    assert visible == ["US"]
    page.page.keyboard.press("Escape")

    page.page.locator("#sg-reset").click()
    assert page.js("window.__sg.visibleStatements") == total
    assert page.js("window.__sg.state.actors") == [] and page.js("document.querySelectorAll('#sg-filter-actor input:checked').length") == 0
    assert_page_shows(page, statements, lambda s: True)
    # Filtering never set the layout moving again: every node is where it settled.
    page.page.wait_for_timeout(300)
    assert page.js("window.__sg.network.physics.physicsEnabled") is False
    assert page.js("window.__sg.network.getPositions(window.__sg.nodes.getIds())") == positions
    assert page.errors == [] and page.blocked == []


def dated(holder: str, issue: str, polarity: str, n: int, date: str | None) -> Statement:
    return Statement(Stance(
        source_id=f"src{n % 4}", holder=holder, issue=issue, polarity=Polarity(polarity),
        quote=f"{holder} {polarity} {issue} #{n}", char_start=n * 10, char_end=n * 10 + 5,
        method=Method.CURATED, confidence=1.0, published=dt.date.fromisoformat(date) if date else None,
    ))


UNDATED_MIX = [
    dated("A", "x", "support", 0, "2025-10-01"),
    dated("A", "x", "support", 1, None),
    dated("B", "x", "support", 2, "2025-11-05"),
    dated("B", "y", "oppose", 3, None),
    dated("C", "y", "support", 4, "2025-09-15"),
    dated("C", "x", "oppose", 5, None),
    dated("A", "y", "oppose", 6, "2025-11-20"),
    dated("D", "z", "support", 7, None),
]


def test_undated_statements_stay_unless_excluded(page, tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(render_page(UNDATED_MIX, None), encoding="utf-8")
    page.open(path)
    box = page.page.locator("#sg-filter-undated")
    assert box.is_checked() and "(4)" in page.page.locator("#sg-undated-n").inner_text()
    assert_page_shows(page, UNDATED_MIX, lambda s: True)

    # A date bound keeps the undated statements while the box is ticked...
    page.page.fill("#sg-filter-from", "2025-10-01")
    assert_page_shows(page, UNDATED_MIX, lambda s: s.date is None or s.date >= "2025-10-01")
    page.page.fill("#sg-filter-to", "2025-11-10")
    in_range = lambda s: s.date is not None and "2025-10-01" <= s.date <= "2025-11-10"  # noqa: E731
    assert_page_shows(page, UNDATED_MIX, lambda s: s.date is None or in_range(s))
    # ...and drops them once it is unticked.
    box.uncheck()
    assert_page_shows(page, UNDATED_MIX, in_range)
    # Without bounds, unticked still means: no undated statements (D, only undated, goes entirely).
    page.page.fill("#sg-filter-from", "")
    page.page.fill("#sg-filter-to", "")
    assert_page_shows(page, UNDATED_MIX, lambda s: s.date is not None)
    assert page.js("window.__sg.nodes.get('actor:D').hidden") is True
    # Both views agree, and Reset ticks the box again.
    page.page.locator("#sg-view-actor-actor").click()
    page.wait_until_stable()
    assert_page_shows(page, UNDATED_MIX, lambda s: s.date is not None)
    page.page.locator("#sg-reset").click()
    assert box.is_checked()
    assert_page_shows(page, UNDATED_MIX, lambda s: True)
    assert page.errors == [] and page.blocked == []


HOSTILE_ARTICLE = textwrap.dedent(
    """\
    ---
    title: "Hostile <b>title</b> & <img src=x onerror=\\"window.__pwned=3\\">"
    publisher: "Evil & Sons <script>window.__pwned=4</script>"
    published: 2025-11-20
    url: "javascript:window.__pwned=5"
    ---
    Israel said <img src=x onerror="window.__pwned=1"> is how it wants disarmament to go.
    The United States backed reconstruction <script>window.__pwned=2</script> right away.
    Hamas rejected "disarmament" & said </script><svg onload="window.__pwned=6"> never.
    """
)

HOSTILE_ANNOTATIONS = textwrap.dedent(
    """\
    schema_version: 1
    articles:
      hostile:
        - {holder: Israel, issue: disarmament, polarity: support,
           quote: 'Israel said <img src=x onerror="window.__pwned=1"> is how it wants disarmament'}
        - {holder: US, issue: reconstruction, polarity: support,
           quote: 'The United States backed reconstruction <script>window.__pwned=2</script>'}
        - {holder: Hamas, issue: disarmament, polarity: oppose,
           quote: 'Hamas rejected "disarmament" & said </script><svg onload="window.__pwned=6"> never.'}
    """
)


MAJORITY_MIX = [
    dated("A", "x", "support", 0, "2025-10-01"),
    dated("A", "x", "support", 1, "2025-10-02"),
    dated("A", "x", "support", 2, "2025-11-03"),
    dated("A", "x", "oppose", 3, "2025-11-04"),
    dated("B", "x", "support", 4, "2025-10-05"),
    dated("B", "x", "oppose", 5, "2025-11-06"),
]


def test_a_matrix_cell_takes_the_polarity_of_two_statements_in_three(page, tmp_path):
    path = tmp_path / "majority.html"
    path.write_text(render_page(MAJORITY_MIX, None), encoding="utf-8")
    page.open(path)
    assert page.matrix_cells() == {("A", "x"): ("support", 4), ("B", "x"): ("mixed", 2)}
    assert "2 in 3" in page.page.locator("#sg-matrix-legend").inner_text()
    # The filters recount the cell: from November on, A has one statement of each side.
    page.page.fill("#sg-filter-from", "2025-11-01")
    assert_page_shows(page, MAJORITY_MIX, lambda s: s.date >= "2025-11-01")
    assert page.matrix_cells()[("A", "x")] == ("mixed", 2)
    page.page.locator("#sg-reset").click()
    page.page.locator("#sg-pol-support").click()
    assert page.matrix_cells() == {("A", "x"): ("oppose", 1), ("B", "x"): ("oppose", 1)}
    assert page.errors == []


def test_hostile_text_is_shown_literally_and_runs_nothing(page, tmp_path):
    sources = tmp_path / "sources"
    (sources / "annotations").mkdir(parents=True)
    (sources / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (sources / "annotations" / "x.yaml").write_text(HOSTILE_ANNOTATIONS, encoding="utf-8")
    result = build_graph(sources, extract=False)
    assert len(result.stances) == 3
    out = tmp_path / "out"
    write_build(result, out)
    path = page_path(out)
    path.write_bytes(store_page(open_store(out)))
    html = path.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<svg onload" not in html and "window.__pwned=2</script>" not in html

    page.open(path)
    # Hover and click every edge and node, click every matrix cell.
    for edge in page.js("window.__sg.edges.getIds()"):
        page.hover_edge(edge)
    for node in page.js("window.__sg.nodes.getIds()"):
        page.js(f"window.__sg.network.selectNodes([{node!r}])")
        point = page.js(
            f"(() => {{ const p = window.__sg.network.canvasToDOM(window.__sg.network.getPositions([{node!r}])[{node!r}]);"
            " const b = document.getElementById('mynetwork').getBoundingClientRect(); return {x: p.x + b.left, y: p.y + b.top}; })()"
        )
        page.page.mouse.move(point["x"], point["y"])
        page.page.mouse.click(point["x"], point["y"])
        page.page.wait_for_timeout(100)
    seen = ""
    cells = page.page.locator("#sg-matrix td.sg-cell")
    for k in range(cells.count()):
        cells.nth(k).click()
        seen += page.page.locator("#sg-details").inner_text()
        assert page.page.locator("#sg-details img, #sg-details script, #sg-details svg, #sg-details b").count() == 0
    page.page.wait_for_timeout(300)
    assert page.js("typeof window.__pwned") == "undefined"
    assert 'Israel said <img src=x onerror="window.__pwned=1"> is how it wants disarmament' in seen
    assert "The United States backed reconstruction <script>window.__pwned=2</script>" in seen
    assert 'Hamas rejected "disarmament" & said </script><svg onload="window.__pwned=6"> never.' in seen
    assert 'Hostile <b>title</b> & <img src=x onerror="window.__pwned=3">' in seen
    assert "Evil & Sons <script>window.__pwned=4</script>" in seen
    # A javascript: URL never becomes a link.
    assert page.js("document.querySelectorAll('#sg-details a').length") == 0
    assert page.errors == [] and page.blocked == []


def test_empty_graph_gives_a_working_page(page, tmp_path):
    from kg.viz import render_page

    path = tmp_path / "empty.html"
    path.write_text(render_page([], None), encoding="utf-8")
    page.open(path)
    assert page.js("window.__sg.nodes.length") == 0
    assert "0 of 0 statements" in page.page.locator("#sg-status").inner_text()
    assert page.errors == [] and page.blocked == []


ISRAEL_LINE = "Israel rejected any reconstruction of Gaza in statement {n}."
US_LINE = "The United States backed the peace plan in remarks {n}."


@pytest.fixture(scope="module")
def crowded_build(tmp_path_factory):
    """A generated corpus of 48 dated and 3 undated articles, curated: 51 statements on one link
    (Israel opposes reconstruction) and 7 on another, built and drawn with the default cap."""
    root = tmp_path_factory.mktemp("crowded")
    sources = root / "sources"
    (sources / "annotations").mkdir(parents=True)
    entries = []
    first = dt.date(2025, 10, 1)
    for n in range(51):
        stem = f"gen_{n:03d}"
        front = f"---\ntitle: Generated report {n}\npublisher: Wire {n % 3}\n"
        front += f"published: {(first + dt.timedelta(days=n)).isoformat()}\n---\n" if n < 48 else "---\n"
        lines = [ISRAEL_LINE.format(n=n)] + ([US_LINE.format(n=n)] if n % 8 == 0 else [])
        (sources / f"{stem}.txt").write_text(front + " ".join(lines) + "\n", encoding="utf-8")
        entries.append(f"  {stem}:\n    - {{holder: Israel, issue: reconstruction, polarity: oppose, quote: '{ISRAEL_LINE.format(n=n)}'}}")
        if n % 8 == 0:
            entries.append(f"    - {{holder: US, issue: peace_plan, polarity: support, quote: '{US_LINE.format(n=n)}'}}")
    (sources / "annotations" / "generated.yaml").write_text("schema_version: 1\narticles:\n" + "\n".join(entries) + "\n", encoding="utf-8")
    result = build_graph(sources, extract=False)
    out = root / "out"
    write_build(result, out)
    store = open_store(out)
    path = page_path(out)
    path.write_bytes(store_page(store))
    return path, statements_from_store(store), build_page(result)


def details_quotes(page: OfflinePage) -> list[str]:
    return page.js("Array.from(document.querySelectorAll('#sg-details .sg-stmt .sg-quote')).map(q => q.textContent)")


def test_a_crowded_link_lists_its_most_recent_statements_and_counts_the_rest(page, crowded_build):
    from kg.viz import QUOTES_PER_LINK

    path, statements, in_memory = crowded_build
    assert path.read_bytes() == in_memory
    israel = [s for s in statements if s.holder == "Israel"]
    assert len(israel) == 51 and len(statements) == 58 and QUOTES_PER_LINK == 20
    newest = sorted((s for s in israel if s.date), key=lambda s: s.date, reverse=True)[:QUOTES_PER_LINK]
    page.open(path)
    # The page carries 20 + 7 statements and counts all 58.
    assert page.js("JSON.parse(document.getElementById('sg-data').textContent).statements.length") == 27
    assert "Showing 58 of 58 statements" in page.page.locator("#sg-status").inner_text()
    assert_page_shows(page, statements, lambda s: True)

    edge = page.js("window.__sg.edges.get().find(e => e.h === 'Israel' && e.i === 'reconstruction').id")
    assert page.js(f"window.__sg.edges.get({edge!r}).label") == "\u00d751"
    page.hover_edge(edge)
    assert page.page.locator("#sg-details-title").inner_text().endswith("51 statements")
    assert sorted(details_quotes(page)) == sorted(f"\u201c{s.quote}\u201d" for s in newest)
    more = page.page.locator("#sg-details .sg-more").inner_text()
    assert "and 31 more" in more and "kg stances --actor Israel --issue reconstruction --polarity oppose" in more
    assert "51 statements" in page.page.locator("#sg-tip").inner_text()

    # From a date: the count follows every statement, the list the carried ones in range.
    since = (dt.date(2025, 10, 1) + dt.timedelta(days=18)).isoformat()
    page.page.fill("#sg-filter-from", since)
    in_range = [s for s in israel if s.date is None or s.date >= since]
    assert len(in_range) == 30 + 3
    assert_page_shows(page, statements, lambda s: s.date is None or s.date >= since)
    page.page.locator("#sg-matrix td[data-actor='Israel'][data-issue='reconstruction']").click()
    assert page.page.locator("#sg-details-title").inner_text().endswith("33 statements")
    assert len(details_quotes(page)) == 20
    more = page.page.locator("#sg-details .sg-more").inner_text()
    assert "and 13 more" in more and f"kg stances --actor Israel --issue reconstruction --since {since}" in more

    # Up to a date that none of the carried statements reach: nothing to list, every one counted.
    page.page.fill("#sg-filter-from", "")
    page.page.fill("#sg-filter-to", "2025-10-10")
    page.page.locator("#sg-filter-undated").uncheck()
    assert_page_shows(page, statements, lambda s: s.date is not None and s.date <= "2025-10-10")
    page.page.locator("#sg-matrix td[data-actor='Israel'][data-issue='reconstruction']").click()
    assert page.page.locator("#sg-details-title").inner_text().endswith("10 statements")
    assert details_quotes(page) == []
    assert "and 10 more" in page.page.locator("#sg-details .sg-more").inner_text()

    # A link under the cap lists every statement and says nothing more.
    page.page.locator("#sg-reset").click()
    page.page.locator("#sg-matrix td[data-actor='US'][data-issue='peace_plan']").click()
    assert len(details_quotes(page)) == 7 and page.page.locator("#sg-details .sg-more").count() == 0
    # The actor node counts all of its statements in its summary.
    page.page.mouse.click(5, 5)
    page.js("window.__sg.state.pinned = false")
    page.js("window.__sg.network.selectNodes(['actor:Israel'])")
    assert page.js("window.__sg.nodes.get('actor:Israel').value") == 51
    assert page.errors == [] and page.blocked == []


DENSE_ACTORS = ["US", "Israel", "Hamas", "Egypt", "Qatar", "Turkey", "Jordan", "UAE", "SaudiArabia", "Indonesia"]
DENSE_ISSUES = ["ceasefire", "disarmament", "governance", "hostage_prisoner_exchange", "humanitarian_aid",
                "peace_plan", "reconstruction", "stabilization_force", "withdrawal"]


@pytest.fixture(scope="module")
def dense_page(tmp_path_factory):
    """Ten actors each backing nine issues, twice: 90 links, each labelled "×2" (curated, generated here)."""
    from kg.viz import LABELLED_LINKS_MAX

    root = tmp_path_factory.mktemp("dense")
    sources = root / "sources"
    (sources / "annotations").mkdir(parents=True)
    entries = []
    for a, actor in enumerate(DENSE_ACTORS):
        stem = f"dense_{a:02d}"
        lines = [f"Statement {n} of {actor} on {issue}." for issue in DENSE_ISSUES for n in (1, 2)]
        (sources / f"{stem}.txt").write_text(f"---\ntitle: Generated {a}\npublished: 2025-11-{a + 1:02d}\n---\n"
                                             + " ".join(lines) + "\n", encoding="utf-8")
        entries.append(f"  {stem}:")
        entries += [f"    - {{holder: {actor}, issue: {issue}, polarity: support, quote: 'Statement {n} of {actor} on {issue}.'}}"
                    for issue in DENSE_ISSUES for n in (1, 2)]
    (sources / "annotations" / "dense.yaml").write_text("schema_version: 1\narticles:\n" + "\n".join(entries) + "\n",
                                                        encoding="utf-8")
    result = build_graph(sources, extract=False)
    out = root / "out"
    write_build(result, out)
    path = page_path(out)
    path.write_bytes(build_page(result))
    assert len(DENSE_ACTORS) * len(DENSE_ISSUES) > LABELLED_LINKS_MAX >= len(DENSE_ACTORS)
    return path


def test_a_crowded_graph_shows_link_labels_on_demand(page, dense_page):
    from kg.viz import LABELLED_LINKS_MAX

    font = "window.__sg.network.edgesHandler.options.font.color"
    hint = page.page.locator("#sg-label-hint")
    page.open(dense_page)
    assert page.js("window.__sg.visibleEdges") == 90
    # 90 links: the labels are kept but drawn transparent, and the legend says how to see them
    assert page.js("window.__sg.labelsOnDemand") is True
    assert page.js(font) == "rgba(0,0,0,0)" and hint.is_visible()
    labels = page.js("window.__sg.edges.get().map(e => e.label)")
    assert len(labels) == 90 and set(labels) == {"\u00d72"}
    # a link vis-network chooses (hovered or selected, or one of a chosen node's) is drawn in full
    edge = page.js("window.__sg.edges.get()[0].id")
    assert page.js(f"""(() => {{ const v = {{color: 'rgba(0,0,0,0)', strokeColor: 'rgba(255,255,255,0)'}};
        window.__sg.network.body.edges[{edge!r}].options.chosen.label(v, {edge!r}, true, false);
        return v.color; }})()""") == "#343434"
    # one issue: 10 links, every label drawn
    page.pick("issue", "ceasefire")
    assert page.js("window.__sg.visibleEdges") == 10
    assert page.js("window.__sg.labelsOnDemand") is False
    assert page.js(font) == "#343434" and not hint.is_visible()
    page.page.locator("#sg-reset").click()
    assert page.js("window.__sg.labelsOnDemand") is True and page.js(font) == "rgba(0,0,0,0)"
    # the other view starts over from its own options and takes the same rule
    page.page.locator(".sg-views button[data-view='actor-actor']").click()
    ties = page.js("window.__sg.visibleEdges")
    assert page.js("window.__sg.labelsOnDemand") is (ties > LABELLED_LINKS_MAX)
    assert page.errors == [] and page.blocked == []
