"""The generated page in a real headless Chromium: offline, complete, interactive, and inert to hostile text."""
from __future__ import annotations

import shutil
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parent.parent

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} not found (install the Debian package 'chromium')", allow_module_level=True)

from kg.build import build_graph, write_build  # noqa: E402
from kg.network import actor_actor_graph, actor_issue_graph, position_matrix, statements_from_store  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.viz import build_page, page_path, store_page  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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

    def close(self) -> None:
        self.context.close()


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


def test_page_loads_offline_complete_and_quiet(browser, seeds_page, tmp_path):
    path, statements, _ = seeds_page
    page = OfflinePage(browser)
    try:
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
    finally:
        page.close()


def test_filters_change_what_is_visible(browser, seeds_page):
    path, statements, _ = seeds_page
    page = OfflinePage(browser)
    try:
        page.open(path)
        total = page.js("window.__sg.visibleEdges")
        page.page.locator("#sg-pol-support").click()
        without_support = page.js("window.__sg.visibleEdges")
        expected = sum(1 for *_, d in actor_issue_graph(statements).edges(data=True) if d["polarity"] != "support")
        assert without_support == expected < total
        assert page.js("document.querySelectorAll('#sg-matrix td.pos-support').length") == 0
        page.page.locator("#sg-reset").click()
        assert page.js("window.__sg.visibleEdges") == total

        page.page.select_option("#sg-filter-issue", "reconstruction")
        assert page.js("window.__sg.visibleStatements") == sum(1 for s in statements if s.issue == "reconstruction")
        assert 0 < page.js("window.__sg.visibleEdges") < total
        page.page.locator("#sg-reset").click()

        page.page.select_option("#sg-filter-actor", "Israel")
        assert page.js("window.__sg.visibleStatements") == sum(1 for s in statements if s.holder == "Israel")
        page.page.locator("#sg-reset").click()

        page.page.fill("#sg-filter-from", "2025-11-01")
        assert page.js("window.__sg.visibleStatements") == sum(1 for s in statements if s.date and s.date >= "2025-11-01")
        assert page.js("window.__sg.visibleEdges") < total
        page.page.locator("#sg-reset").click()
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_matrix_cell_and_edge_list_their_statements(browser, seeds_page):
    path, statements, _ = seeds_page
    page = OfflinePage(browser)
    try:
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
    finally:
        page.close()


def test_actor_actor_view(browser, seeds_page, tmp_path):
    path, statements, _ = seeds_page
    page = OfflinePage(browser)
    try:
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
    finally:
        page.close()


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


def test_hostile_text_is_shown_literally_and_runs_nothing(browser, tmp_path):
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

    page = OfflinePage(browser)
    try:
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
    finally:
        page.close()


def test_empty_graph_gives_a_working_page(browser, tmp_path):
    from kg.viz import render_page

    path = tmp_path / "empty.html"
    path.write_text(render_page([], None), encoding="utf-8")
    page = OfflinePage(browser)
    try:
        page.open(path)
        assert page.js("window.__sg.nodes.length") == 0
        assert "0 of 0 statements" in page.page.locator("#sg-status").inner_text()
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()
