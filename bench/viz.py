"""Write network pages for synthetic graphs and time them in headless Chromium; prints a table.

    python bench/viz.py [--stances 100 1000 10000] [--keep DIR]

Statements are random but deterministic. Actors and issues grow with the number of stances
(a few busy actors, a long tail of rare ones), as they would over a growing news corpus. The
page aggregates edges per (actor, issue, polarity) and keeps at most `kg.viz.MAX_TIES`
actor-actor ties. Reported per size and view: page size, Python render time, and the time in
Chromium from navigation start until vis-network has finished its stabilisation iterations and
the page has switched physics off (window.__sg.stabilizedAt).
"""
from __future__ import annotations

import argparse
import math
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kg.network import ActorInfo, Catalog, IssueInfo, Statement, actor_actor_graph, actor_issue_graph
from kg.viz import MAX_TIES, VIEWS, render_page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
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
                stance_id=f"{k:020x}",
                source_id=f"syn_{source:06d}",
                holder=holder,
                issue=issue,
                polarity=polarity,
                quote=quote,
                char_start=(k % 8) * 300,
                char_end=(k % 8) * 300 + len(quote),
                method="RuleExtraction",
                condition=condition,
                date=(date(2025, 1, 1) + timedelta(days=source % 330)).isoformat(),
                title=f"Synthetic article {source}",
                publisher="Bench Wire",
                rule="bench.rule",
                confidence="0.80",
            )
        )
    return statements, catalog


def time_in_chromium(pages: list[Path], timeout_s: float = 120.0) -> list[float | None]:
    """Milliseconds from navigation start until the layout is stabilised, per page (None if it never was)."""
    from playwright.sync_api import sync_playwright

    results: list[float | None] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
            results.append(value)
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
    header = ["stances", "view", "nodes", "edges drawn", "MB", "render s", "stabilised s"]
    table = [r + ["timeout" if t is None else f"{t / 1000:.2f}"] for r, t in zip(rows, timings)]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table)]
    for line in [header] + table:
        print("  ".join(str(x).rjust(w) for x, w in zip(line, widths)))
    print(f"pages in {folder}")


if __name__ == "__main__":
    main()
