"""Write network pages for synthetic graphs and time them in headless Chromium; prints a table.

    python bench/viz.py [--stances 100 1000 10000] [--keep DIR]

Statements are random but deterministic. Actors and issues grow with the number of stances
(a few busy actors, a long tail of rare ones), as they would over a growing news corpus. The
page aggregates edges per (actor, issue, polarity) and keeps at most `kg.viz.MAX_TIES`
actor-actor ties. Reported per size and view: page size, Python render time, the time in
Chromium from navigation start until vis-network has finished its stabilisation iterations and
the page has switched physics off (window.__sg.stabilizedAt), and the time one filter click
takes until the next frame is painted (median and slowest of the clicks in `FILTER_CLICKS`).
"""
from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from chromium import launch_chromium  # noqa: E402  (the browser setup the browser tests use)
from kg.model import Method, Polarity, Stance  # noqa: E402
from kg.network import ActorInfo, Catalog, IssueInfo, Statement, actor_actor_graph, actor_issue_graph  # noqa: E402
from kg.viz import MAX_TIES, VIEWS, render_page  # noqa: E402

WORDS = (
    "officials insist demilitarization before any rebuilding while mediators push for phase two "
    "of the plan & warn that <the> truce remains fragile amid \"talks\" in Cairo and Doha"
).split()


def synthetic(n: int, seed: int = 11) -> tuple[list[Statement], Catalog]:
    """`n` statements over about 3·sqrt(n) actors and up to 40 issues, Zipf-distributed."""
    rng = random.Random(seed)
    n_actors = max(12, int(3 * math.sqrt(n)))
    n_issues = min(40, max(9, n // 250))
    actors = [f"A{k:04d}" for k in range(n_actors)]
    issues = [f"issue_{k:02d}" for k in range(n_issues)]
    actor_weights = [1 / (k + 1) ** 0.9 for k in range(n_actors)]
    issue_weights = [1 / (k + 1) ** 0.6 for k in range(n_issues)]
    catalog = Catalog(
        {a: ActorInfo(a, f"Actor {a[1:]}", ("State",), (f"{a} alias",)) for a in actors},
        {i: IssueInfo(i, i.replace("_", " ")) for i in issues},
    )
    statements = []
    for k in range(n):
        holder = rng.choices(actors, actor_weights)[0]
        issue = rng.choices(issues, issue_weights)[0]
        polarity = rng.choices(("support", "oppose", "conditional"), (0.55, 0.3, 0.15))[0]
        condition = rng.choice([i for i in issues if i != issue]) if polarity == "conditional" else None
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 28)))
        source = k // 8
        statements.append(
            Statement(
                Stance(
                    source_id=f"syn_{source:06d}",
                    holder=holder,
                    issue=issue,
                    polarity=Polarity(polarity),
                    quote=quote,
                    char_start=(k % 8) * 300,
                    char_end=(k % 8) * 300 + len(quote),
                    method=Method.RULE,
                    condition=condition,
                    published=date(2025, 1, 1) + timedelta(days=source % 330),
                    rule="bench.rule",
                    confidence=0.8,
                ),
                title=f"Synthetic article {source}",
                publisher="Bench Wire",
            )
        )
    return statements, catalog


#: Filter clicks timed on every page, in this order: each takes the page from one filter state to the next.
FILTER_CLICKS = (
    "uncheck support",
    "check support",
    "set a from-date",
    "reset",
    "uncheck oppose",
    "reset",
    "tick an issue",
    "tick a second issue",
    "all issues",
    "tick an actor",
    "untick include undated",
    "reset",
)
#: One filter click, timed in the page from the click until two animation frames later (the network redrawn).
_CLICK_JS = """async (step) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    await frame();
    const t0 = performance.now();
    if (step === "uncheck support" || step === "check support") document.getElementById("sg-pol-support").click();
    else if (step === "uncheck oppose") document.getElementById("sg-pol-oppose").click();
    else if (step === "reset") document.getElementById("sg-reset").click();
    else if (step === "tick an issue") document.querySelectorAll("#sg-filter-issue input[type=checkbox]")[0].click();
    else if (step === "tick a second issue") document.querySelectorAll("#sg-filter-issue input[type=checkbox]")[1].click();
    else if (step === "all issues") document.querySelector("#sg-filter-issue .sg-multi-all").click();
    else if (step === "tick an actor") document.querySelectorAll("#sg-filter-actor input[type=checkbox]")[0].click();
    else if (step === "untick include undated") document.getElementById("sg-filter-undated").click();
    else if (step === "set a from-date") {
        const input = document.getElementById("sg-filter-from");
        input.value = "2025-06-01";
        input.dispatchEvent(new Event("change", {bubbles: true}));
    }
    await frame();
    await frame();
    return performance.now() - t0;
}"""


def time_in_chromium(pages: list[Path], timeout_s: float = 120.0) -> list[tuple[float | None, list[float]]]:
    """Per page: milliseconds from navigation start until the layout is stabilised (None if it never
    was), and the milliseconds of each click in `FILTER_CLICKS` after that."""
    from playwright.sync_api import sync_playwright

    results: list[tuple[float | None, list[float]]] = []
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for path in pages:
            context = browser.new_context(viewport={"width": 1500, "height": 900})
            page = context.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
            page.goto(path.resolve().as_uri(), timeout=timeout_s * 1000)
            deadline = time.monotonic() + timeout_s
            value = None
            while time.monotonic() < deadline:
                value = page.evaluate("window.__sg && window.__sg.stabilizedAt")
                if value is not None:
                    break
                page.wait_for_timeout(50)
            clicks = [page.evaluate(_CLICK_JS, step) for step in FILTER_CLICKS] if value is not None else []
            results.append((value, clicks))
            context.close()
        browser.close()
    return results


def main() -> None:
    """Run the benchmark and print one row per size and view."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--keep", type=Path, default=None, help="Folder to keep the pages in.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sg-viz-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    pages = []
    for n in args.stances:
        statements, catalog = synthetic(n)
        ai = actor_issue_graph(statements)
        all_ties = actor_actor_graph(statements).number_of_edges()
        for view in VIEWS:
            start = time.perf_counter()
            html = render_page(statements, catalog, view=view)
            render_s = time.perf_counter() - start
            path = folder / f"bench_{n}_{view}.html"
            path.write_text(html, encoding="utf-8")
            pages.append(path)
            shown = min(all_ties, MAX_TIES) if view == "actor-actor" else ai.number_of_edges()
            nodes = ai.number_of_nodes() if view == "actor-issue" else len({s.holder for s in statements})
            total = all_ties if view == "actor-actor" else n
            rows.append([n, view, nodes, f"{shown} (of {total})", f"{path.stat().st_size / 1e6:.2f}", f"{render_s:.2f}"])
    timings = time_in_chromium(pages)
    header = ["stances", "view", "nodes", "edges drawn", "MB", "render s", "stabilised s", "filter s", "filter max s"]
    table = []
    for row, (stabilised, clicks) in zip(rows, timings):
        if stabilised is None:
            table.append(row + ["timeout", "-", "-"])
        else:
            table.append(row + [f"{stabilised / 1000:.2f}", f"{statistics.median(clicks) / 1000:.3f}", f"{max(clicks) / 1000:.3f}"])
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table)]
    for line in [header] + table:
        print("  ".join(str(x).rjust(w) for x, w in zip(line, widths)))
    print(f"pages in {folder}")


if __name__ == "__main__":
    main()
