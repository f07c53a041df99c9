"""The interactive HTML page: network views, position matrix, filters and evidence, drawn with pyvis.

This is the only module that imports pyvis (unmaintained since 2023), so it can be replaced here
alone. pyvis supplies the vis-network library, its node and edge records and the Jinja rendering;
the page itself is our own template (`kg/templates/`): everything inline, no CDN, and every
article string travels as JSON and reaches the page through `textContent` only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence, Union

from .errors import StanceGraphError
from .export import BASENAME, write_files
from .network import (
    MAJORITY,
    POLARITIES,
    Catalog,
    StanceLike,
    Statement,
    actor_actor_graph,
    actor_issue_graph,
    as_catalog,
    iter_statements,
    polarity_of,
    position_matrix,
)

if TYPE_CHECKING:
    import pyoxigraph

    from .build import BuildResult
    from .dictionary import Dictionary

VIEWS = ("actor-issue", "actor-actor")
DEFAULT_VIEW = "actor-issue"
PAGE_NAME = BASENAME + ".html"
#: Above this many actor-actor ties only the heaviest are drawn (the page says how many were left out).
MAX_TIES = 1500
#: The layout is random only through this seed: the same graph always settles the same way.
RANDOM_SEED = 20251116
#: How many statements a page carries per (actor, issue, polarity) link, the most recent first: the
#: page counts every statement, and lists beyond these how many more a command would show.
QUOTES_PER_LINK = 20
#: At most this many statements on a page in all: a graph of very many links carries fewer per
#: link (one at least), so that the page stays a size a browser opens quickly.
QUOTES_PER_PAGE = 20_000
#: Edge labels are drawn only where they come out at least this many pixels tall (vis-network's
#: `drawThreshold`): thousands of unreadable labels on a zoomed-out graph cost most of a redraw.
EDGE_LABEL_MIN_PX = 8
#: Up to this many links on screen, every link shows its label (how many statements, what a
#: condition waits for); above it, a link shows it while it or one of its ends is hovered or
#: selected: on a graph of a few hundred links the labels overlap into a grey mass over the links.
LABELLED_LINKS_MAX = 60
#: Thinnest and thickest edge, in pixels at zoom 1.
EDGE_WIDTH = (1.0, 8.0)

COLORS = {
    "support": "#2e7d32",
    "oppose": "#c62828",
    "conditional": "#ef6c00",
    "mixed": "#6a1b9a",
    "congruence": "#2e7d32",
    "conflict": "#c62828",
    "actor": "#4e79a7",
    "issue": "#f2b701",
}


class VizError(StanceGraphError):
    """The page cannot be drawn (unknown view, missing template or library file)."""


def page_path(out_dir: Path | str) -> Path:
    """Where a build's page goes: `OUT_DIR/stancegraph.html`."""
    return Path(out_dir) / PAGE_NAME


def _template_dir() -> Path:
    return Path(str(resources.files("kg") / "templates"))


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside pyvis, ready to inline."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise VizError(f"{lib}: vis-network files missing from the pyvis install ({exc.strerror})") from None
    # The source-map comment would make developer tools fetch a file that is not there.
    # split("\n"), not splitlines(): the minified code holds other line-break characters inside strings.
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL="))
    if "</script" in js.lower() or "</style" in css.lower():
        raise VizError("the vis-network files cannot be inlined (they contain a closing tag)")
    return js, css


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survives unescaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _statement_record(st: Statement) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": st.stance_id,
        "s": st.source_id,
        "h": st.holder,
        "i": st.issue,
        "p": st.polarity,
        "q": st.quote,
        "cs": st.char_start,
        "ce": st.char_end,
        "m": st.method,
    }
    for key, value in (("c", st.condition), ("d", st.date), ("r", st.rule), ("cf", st.confidence), ("v", st.reported_via)):
        if value is not None:
            record[key] = value
    return record


def _scaled_iterations(edges: int) -> int:
    # Enough iterations to settle small graphs well; fewer on big ones so the page is usable in seconds.
    return 300 if edges <= 500 else 200 if edges <= 3000 else 120


def _options(nodes: int, edges: int, directed: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"randomSeed": RANDOM_SEED, "improvedLayout": nodes <= 100},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": edges > 2000, "multiselect": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 10, "max": 42, "label": {"enabled": True, "min": 12, "max": 22}},
        },
        "edges": {
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
            "font": {"size": 11, "align": "horizontal", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"enabled": False, "drawThreshold": EDGE_LABEL_MIN_PX}},
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.015,
                "springLength": 140,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0.5,
            },
            "maxVelocity": 60,
            "minVelocity": 1,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": _scaled_iterations(edges), "updateInterval": 50, "fit": True},
        },
    }


def _short(label: str, limit: int = 30) -> str:
    """A node label short enough to draw; the full one is in the tooltip and the details panel."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def _node(net: Any, node_id: str, **options: Any) -> None:
    from pyvis.node import Node

    # Filling pyvis's lists directly: its add_node/add_edge scan lists and from_nx is quadratic.
    record = Node(node_id, options.pop("shape"), label=options.pop("label"), **options).options
    net.nodes.append(record)
    net.node_ids.append(node_id)
    net.node_map[node_id] = record


def _edge(net: Any, source: str, target: str, **options: Any) -> None:
    from pyvis.edge import Edge

    net.edges.append(Edge(source, target, net.directed, **options).options)


def _actor_node(net: Any, node_id: str, ref: str, count: int, catalog: Catalog) -> None:
    _node(
        net,
        node_id,
        shape="dot",
        label=_short(catalog.actor(ref).label),
        kind="actor",
        ref=ref,
        value=count,
        color={"background": COLORS["actor"], "border": "#2f4b6e", "highlight": {"background": "#76a1d4", "border": "#1f3350"}},
    )


def _network(directed: bool) -> Any:
    from pyvis.network import Network

    return Network(height="100%", width="100%", directed=directed, cdn_resources="in_line")


Group = tuple[str, str, str]


def statement_groups(statements: Sequence[StanceLike]) -> dict[Group, list[int]]:
    """Statement indices per (actor, issue, polarity), ordered by actor, issue and polarity.

    Each group is one edge of the actor-issue view and one side of an actor-actor tie on an
    issue, so the page filters by counting statements per group once and reads every edge from
    those counts.
    """
    groups: dict[Group, list[int]] = {}
    for index, st in enumerate(statements):
        groups.setdefault((st.holder, st.issue, polarity_of(st)), []).append(index)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], POLARITIES.index(kv[0][2]))))


def _group_index(statements: Sequence[StanceLike]) -> dict[Group, int]:
    return {key: number for number, key in enumerate(statement_groups(statements))}


def edge_width(count: int, low: int, high: int) -> float:
    """An edge's width for `count` statements (or issues) on the view's fixed scale `low`..`high`.

    The same linear scale vis-network applies to `value`, computed once here and by the page
    (which reads `low` and `high` from the view) so that filtering, which lowers counts, does not
    make vis-network rescale every edge, and widths stay comparable from one filter to the next.
    """
    lo, hi = EDGE_WIDTH
    share = 0.5 if high == low else (count - low) / (high - low)
    return round(max(lo, min(hi, lo + share * (hi - lo))), 3)


def _width_scale(counts: Sequence[int]) -> list[int]:
    return [min(counts), max(counts)] if counts else [1, 1]


def _stance_label(count: int, polarity: str, conditions: Sequence[str], catalog: Catalog) -> str:
    """The label of an actor-issue edge: "×n" for several statements, and what a condition waits for."""
    text = f"\u00d7{count}" if count > 1 else ""
    if polarity == "conditional" and conditions:
        text += (" " if text else "") + "after " + ", ".join(catalog.issue(c).label for c in conditions)
    return text


def actor_issue_network(statements: Sequence[StanceLike], catalog: Catalog) -> Any:
    """The pyvis network of the actor-issue view: one edge per (actor, issue, polarity).

    `statements` may be statements or records weighed by a `count` (as `page_data` gives it).
    """
    graph = actor_issue_graph(statements)
    group_of = _group_index(statements)
    net = _network(directed=True)
    for node_id, attrs in graph.nodes(data=True):
        if attrs["kind"] == "actor":
            _actor_node(net, node_id, attrs["id"], attrs["count"], catalog)
        else:
            _node(
                net,
                node_id,
                shape="diamond",
                label=_short(catalog.issue(attrs["id"]).label),
                kind="issue",
                ref=attrs["id"],
                value=attrs["count"],
                color={"background": COLORS["issue"], "border": "#a67c00", "highlight": {"background": "#ffd75e", "border": "#7a5b00"}},
            )
    scale = _width_scale([attrs["count"] for *_, attrs in graph.edges(data=True)])
    polarity_count: dict[tuple[str, str], int] = {}
    for source, target in graph.edges():
        polarity_count[(source, target)] = polarity_count.get((source, target), 0) + 1
    bend = {"support": None, "oppose": ("curvedCW", 0.25), "conditional": ("curvedCCW", 0.25)}
    for number, (source, target, attrs) in enumerate(graph.edges(data=True)):
        polarity = attrs["polarity"]
        options: dict[str, Any] = {}
        curve = bend[polarity]
        if polarity_count[(source, target)] > 1 and curve is not None:
            # Several polarities between one actor and one issue: bend them apart so each stays visible.
            options["smooth"] = {"enabled": True, "type": curve[0], "roundness": curve[1]}
        _edge(
            net,
            source,
            target,
            id=f"s{number}",
            kind="stance",
            pol=polarity,
            h=graph.nodes[source]["id"],
            i=graph.nodes[target]["id"],
            g=group_of[(graph.nodes[source]["id"], graph.nodes[target]["id"], polarity)],
            cond=list(attrs["conditions"]),
            n=attrs["count"],
            width=edge_width(attrs["count"], *scale),
            label=_stance_label(attrs["count"], polarity, attrs["conditions"], catalog),
            dashes=polarity == "conditional",
            color={"color": COLORS[polarity], "highlight": COLORS[polarity], "hover": COLORS[polarity], "opacity": 0.85},
            **options,
        )
    net.options = _options(graph.number_of_nodes(), graph.number_of_edges(), directed=True)
    net.width_scale = scale
    return net


def actor_actor_network(statements: Sequence[StanceLike], catalog: Catalog, max_ties: int | None = MAX_TIES) -> Any:
    """The pyvis network of the actor-actor view: congruence and conflict ties weighted by issues.

    The ties and weights are `kg.network.actor_actor_graph`'s (the projections `kg network`
    exports); the page only re-counts them under its filters from the evidence pairs.
    """
    graph = actor_actor_graph(statements, min_weight=1, max_edges=max_ties)
    group_of = _group_index(statements)
    scale = _width_scale([attrs["weight"] for *_, attrs in graph.edges(data=True)])
    net = _network(directed=False)
    for node_id, attrs in graph.nodes(data=True):
        _actor_node(net, node_id, attrs["id"], attrs["count"], catalog)
    for number, (source, target, attrs) in enumerate(graph.edges(data=True)):
        kind = attrs["kind"]
        curve = ("curvedCCW", 0.15) if kind == "congruence" else ("curvedCW", 0.15)
        first, second = attrs["first"], attrs["second"]
        # Per issue, the statement groups of both actors that make the tie, as flat pairs
        # [a0, b0, a1, b1, ...]: the tie holds on the issue while both groups of a pair keep a statement.
        evidence = []
        for issue, _, _, pairs in attrs["evidence"]:
            flat = []
            for pa, pb in pairs:
                flat += [group_of[(first, issue, pa)], group_of[(second, issue, pb)]]
            evidence.append([issue, flat])
        _edge(
            net,
            source,
            target,
            id=f"t{number}",
            kind="tie",
            tie=kind,
            a=first,
            b=second,
            ev=evidence,
            n=attrs["weight"],
            width=edge_width(attrs["weight"], *scale),
            label=str(attrs["weight"]) if attrs["weight"] > 1 else "",
            smooth={"enabled": True, "type": curve[0], "roundness": curve[1]},
            color={"color": COLORS[kind], "highlight": COLORS[kind], "hover": COLORS[kind], "opacity": 0.7},
        )
    net.options = _options(graph.number_of_nodes(), graph.number_of_edges(), directed=False)
    net.width_scale = scale
    return net


class LinkSums:
    """What a page needs of a stream of statements, holding only sums and a few quotes per link.

    Per (actor, issue, polarity) link: its statements per date (every filter of the page recounts
    links from these), its conditions, and at most `quotes_per_link` statements to show, the most
    recent first (a page of a large graph cannot carry every quote; it says how many it leaves out).
    """

    def __init__(self, quotes_per_link: int | None) -> None:
        if quotes_per_link is not None and quotes_per_link < 1:
            raise VizError("a page shows at least one quote per link", hint="give --quotes 1 or more")
        self.limit = quotes_per_link
        self.days: dict[Group, dict[str | None, int]] = {}
        self.conditions: dict[tuple[str, str, str, str | None], int] = {}
        self.quotes: dict[Group, list[tuple[tuple, Statement]]] = {}
        self.total = 0

    def add(self, st: Statement) -> None:
        """Count one statement and keep it if it is among the most recent of its link so far."""
        self.count((st.holder, st.issue, st.polarity), st.date, 1)
        self.count_condition((st.holder, st.issue, st.polarity, st.condition), 1)
        self.keep(st)

    def count(self, group: Group, day: str | None, statements: int) -> None:
        """Count `statements` statements of one link on one day (None: undated) without reading them."""
        per_day = self.days.get(group)
        if per_day is None:
            per_day = self.days[group] = {}
            self.quotes[group] = []
        per_day[day] = per_day.get(day, 0) + statements
        self.total += statements

    def count_condition(self, key: tuple[str, str, str, str | None], statements: int) -> None:
        """Count `statements` statements of one (actor, issue, polarity, condition) without reading them."""
        self.conditions[key] = self.conditions.get(key, 0) + statements

    def keep(self, st: Statement) -> None:
        """Offer a statement of a counted link to be shown: it is kept if among the most recent."""
        kept = self.quotes[(st.holder, st.issue, st.polarity)]
        kept.append((_recency_key(st), st))
        if self.limit is not None and len(kept) >= 2 * self.limit:
            self._trim(kept)

    def _trim(self, kept: list[tuple[tuple, Statement]]) -> None:
        if self.limit is not None and len(kept) > self.limit:
            kept.sort(key=lambda pair: pair[0])
            del kept[self.limit:]

    def per_link(self, budget: int | None) -> int | None:
        """How many statements each link carries: the limit, lowered (to one at least) until the
        page carries at most `budget` statements in all (None: no limit)."""
        if self.limit is None:
            return None
        # From the counts alone (not from the statements kept), so that a reader of the store
        # knows how many to fetch before it fetches any.
        sizes = [min(sum(per_day.values()), self.limit) for per_day in self.days.values()]
        count = self.limit
        while budget is not None and count > 1 and sum(min(size, count) for size in sizes) > budget:
            count -= 1
        return count

    def shown(self, per_link: int | None) -> list[Statement]:
        """The statements the page carries (the `per_link` most recent of each link), in reading order."""
        out = []
        for kept in self.quotes.values():
            if per_link is not None:
                kept.sort(key=lambda pair: pair[0])
                del kept[per_link:]
            out += [st for _, st in kept]
        return sorted(out, key=lambda st: (st.sort_key, st.stance_id))

    def records(self) -> list[_LinkRecord]:
        """One weighted record per (actor, issue, polarity, condition): what the projections read."""
        return [_LinkRecord(h, i, p, c, n) for (h, i, p, c), n in self.conditions.items()]


def _recency_key(st: Statement) -> tuple:
    """Most recent first (undated last), then reading order: the quotes a capped link keeps."""
    day = st.stance.published
    return (-(day.toordinal() if day else 0), st.sort_key, st.stance_id)


@dataclass(frozen=True)
class _LinkRecord:
    """Statements of one actor on one issue with one polarity and condition, weighed by their count."""

    holder: str
    issue: str
    polarity: str
    condition: str | None
    count: int


Statements = Union[Iterable[Statement], LinkSums]


def link_sums(statements: Iterable[Statement], quotes_per_link: int | None = QUOTES_PER_LINK) -> LinkSums:
    """What a page needs of a stream of statements, read once (see `LinkSums`)."""
    links = LinkSums(quotes_per_link)
    for st in statements:
        links.add(st)
    return links


def page_data(
    statements: Statements,
    catalog: Catalog | Dictionary | None = None,
    view: str = DEFAULT_VIEW,
    quotes_per_link: int | None = QUOTES_PER_LINK,
) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data (both views, counts, quotes, sources, labels).

    The statements are read once, as a stream: the page holds their counts per link and date and
    at most `quotes_per_link` statements per link (None: every one), fewer when the links are so
    many that the page would carry over `QUOTES_PER_PAGE`, so its size follows the number of
    actors, issues and days, not the number of statements. `statements` may also be those sums
    already made (`store_link_sums` reads them from a store's aggregates); they hold their own
    limit, and `quotes_per_link` is then not used.
    """
    if view not in VIEWS:
        raise VizError(f"unknown view {view!r}", hint=f"choose one of {', '.join(VIEWS)}")
    catalog = as_catalog(catalog)
    links = statements if isinstance(statements, LinkSums) else link_sums(statements, quotes_per_link)
    records = links.records()
    per_link = links.per_link(QUOTES_PER_PAGE)
    shown = links.shown(per_link)
    matrix = position_matrix(records)
    sources: dict[str, dict[str, str]] = {}
    for st in shown:
        if st.source_id not in sources:
            entry = {"t": st.title, "pub": st.publisher, "u": st.url}
            sources[st.source_id] = {k: v for k, v in entry.items() if v is not None}
    actor_ids = sorted({r.holder for r in records})
    issue_ids = sorted({r.issue for r in records} | {r.condition for r in records if r.condition})
    actors = {}
    for actor_id in actor_ids:
        info = catalog.actor(actor_id)
        actors[actor_id] = {
            "label": info.label,
            "types": list(info.types),
            "aliases": list(info.aliases),
            "speakers": list(info.spokespersons),
        }
    issues = {i: {"label": catalog.issue(i).label, "aliases": list(catalog.issue(i).aliases)} for i in issue_ids}
    days = sorted({day for per_day in links.days.values() for day in per_day if day})
    day_at = {day: number for number, day in enumerate(days)}
    group_keys = sorted(links.days, key=lambda g: (g[0], g[1], POLARITIES.index(g[2])))
    group_of = {key: number for number, key in enumerate(group_keys)}
    members: list[list[int]] = [[] for _ in group_keys]
    for index, st in enumerate(shown):
        members[group_of[(st.holder, st.issue, st.polarity)]].append(index)
    # Per link and date, how many statements: [link, day (-1: undated), count, ...] in link and date order.
    cells: list[int] = []
    for number, key in enumerate(group_keys):
        per_day = links.days[key]
        for day in sorted(per_day, key=lambda d: -1 if d is None else day_at[d]):
            cells += [number, -1 if day is None else day_at[day], per_day[day]]
    views = {}
    for name, net in (
        ("actor-issue", actor_issue_network(records, catalog)),
        ("actor-actor", actor_actor_network(records, catalog)),
    ):
        views[name] = {"nodes": net.nodes, "edges": net.edges, "options": net.options, "widths": net.width_scale}
    return {
        "view": view,
        "colors": COLORS,
        "polarities": list(POLARITIES),
        "total": links.total,
        "quotesPerLink": per_link,
        "labelledLinksMax": LABELLED_LINKS_MAX,
        "statements": [_statement_record(st) for st in shown],
        "groups": members,
        "groupKeys": [list(key) for key in group_keys],
        "days": days,
        "cells": cells,
        "sources": dict(sorted(sources.items())),
        "actors": actors,
        "issues": issues,
        "matrix": {"actors": matrix.actors, "issues": matrix.issues},
        "majority": list(MAJORITY),
        "dates": {"min": days[0] if days else None, "max": days[-1] if days else None},
        "views": views,
    }


def render_page(
    statements: Statements,
    catalog: Catalog | Dictionary | None = None,
    view: str = DEFAULT_VIEW,
    title: str = "stancegraph",
    quotes_per_link: int | None = QUOTES_PER_LINK,
) -> str:
    """The whole self-contained HTML page; the same statements (in any order) always give the same bytes."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    data = page_data(statements, catalog, view, quotes_per_link)
    vis_js, vis_css = _vis_assets()
    net = _network(directed=True)
    net.nodes = data["views"][view]["nodes"]
    net.edges = data["views"][view]["edges"]
    net.options = data["views"][view]["options"]
    template_dir = _template_dir()
    if not (template_dir / "page.html").is_file():
        raise VizError(f"{template_dir}: page template missing (kg/templates/page.html)")
    # Our own template, rendered by pyvis: its stock templates link Bootstrap from a CDN.
    env = Environment(loader=FileSystemLoader(str(template_dir)), autoescape=True, undefined=StrictUndefined)
    env.globals.update(
        page_title=title,
        page_json=_Raw(script_json(data)),
        vis_js=_Raw(vis_js),
        vis_css=_Raw(vis_css),
        page_css=_Raw((template_dir / "page.css").read_text(encoding="utf-8")),
        page_js=_Raw((template_dir / "page.js").read_text(encoding="utf-8")),
    )
    net.templateEnv = env
    net.path = "page.html"
    return net.generate_html(name=PAGE_NAME)


class _Raw(str):
    """A string Jinja must not escape: already safe for the place it goes (see `script_json`)."""

    def __html__(self) -> str:
        return str(self)


def page_bytes(
    statements: Statements,
    catalog: Catalog | Dictionary | None = None,
    view: str = DEFAULT_VIEW,
    quotes_per_link: int | None = QUOTES_PER_LINK,
) -> bytes:
    """The page as UTF-8 bytes, e.g. for `kg.build.write_build(result, out, extra={path: bytes})`."""
    return render_page(statements, catalog, view, quotes_per_link=quotes_per_link).encode("utf-8")


def write_page(
    statements: Statements,
    catalog: Catalog | Dictionary | None,
    path: Path | str,
    view: str = DEFAULT_VIEW,
    quotes_per_link: int | None = QUOTES_PER_LINK,
) -> Path:
    """Write the page atomically (the old file or the complete new one, never half of one)."""
    path = Path(path)
    write_files({path: page_bytes(statements, catalog, view, quotes_per_link)})
    return path


def build_page(result: BuildResult, view: str = DEFAULT_VIEW, quotes_per_link: int | None = QUOTES_PER_LINK) -> bytes:
    """The page of an in-memory build: identical to the one `store_page` draws from its written graph.

    The build's stances are read one by one (never copied into statements all at once).
    """
    return page_bytes(iter_statements(result.stances, result.articles), result.dictionary, view, quotes_per_link)


def store_page(store: pyoxigraph.Store, view: str = DEFAULT_VIEW, quotes_per_link: int | None = QUOTES_PER_LINK) -> bytes:
    """The page of a built graph opened as a store: the same bytes as `scan_store_page`, read from
    the build's aggregate nodes (`store_link_sums`): per link and day how many statements, and only
    the statements the page shows. A store without aggregate nodes, or a page of every statement
    (`quotes_per_link` None), is read statement by statement."""
    from .network import catalog_from_store

    links = store_link_sums(store, quotes_per_link) if quotes_per_link is not None else None
    if links is None:
        return scan_store_page(store, view, quotes_per_link)
    return page_bytes(links, catalog_from_store(store), view, quotes_per_link)


def scan_store_page(store: pyoxigraph.Store, view: str = DEFAULT_VIEW, quotes_per_link: int | None = QUOTES_PER_LINK) -> bytes:
    """The page of a built graph from every statement read one by one with SPARQL (the scanning
    `stances` query), and the labels: needs no aggregate nodes; its cost follows the statements."""
    from .network import catalog_from_store, iter_statements_from_store

    return page_bytes(iter_statements_from_store(store), catalog_from_store(store), view, quotes_per_link)


#: How many (day, polarity) pairs one `link_statements` query binds.
_DAYS_PER_QUERY = 500


def store_link_sums(store: pyoxigraph.Store, quotes_per_link: int | None = QUOTES_PER_LINK) -> LinkSums | None:
    """What a page needs, asked of the store's aggregate nodes instead of read from every statement.

    The build's sg:PositionDay nodes link each actor's stances on each issue per day; counting
    their stances of each polarity (`link_day_polarities`, one polarity at a time) gives each
    link's statements per day, and the sg:ConditionalPosition nodes its conditions. From the
    counts alone the page knows how many statements each link shows (`LinkSums.per_link`) and on
    which of its most recent days they are, and reads only the statements of those days
    (`link_statements`); among them the same ones are kept as from a full read, so the page is
    the same (the conditions are those of conditional stances: `kg build` gives no other stance
    a condition). None when the store holds no sg:PositionDay nodes (a graph written by another
    tool, or one without stances): the caller reads the statements instead.
    """
    import pyoxigraph

    from .namespaces import ACTOR, ISSUE, SG
    from .network import _local, _statement_row
    from .queries import QueryError, bind_rows, bind_values, canned_query, with_limit, with_prologue

    def solutions(text: str, named: bool = False) -> Iterator[Any]:
        """The rows of a query as tuples of terms (as dicts of plain values by name when `named`)."""
        try:
            answer = store.query(with_prologue(text), use_default_graph_as_union=True)
            if not named:
                yield from answer
                return
            variables = [v.value for v in answer.variables]
            for row in answer:
                yield {name: (term.value if term is not None else None) for name, term in zip(variables, row)}
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(f"reading the page's counts failed: {error}") from None

    actor, issue_ns = str(ACTOR), str(ISSUE)
    # Day node -> (actor, issue, ISO date or None).
    days: dict[str, tuple[str, str, str | None]] = {}
    for day, holder, issue, on in solutions(with_limit(canned_query("link_days"), None)):
        days[day.value] = (_local(holder.value, actor), _local(issue.value, issue_ns), on.value if on is not None else None)
    if not days:
        return None
    links = LinkSums(quotes_per_link)
    polarity_terms = {p: pyoxigraph.NamedNode(f"{SG}{p.capitalize()}") for p in POLARITIES}
    # Per link, its day nodes by date.
    day_nodes: dict[Group, dict[str | None, Any]] = {}
    for polarity, term in polarity_terms.items():
        text = bind_values(with_limit(canned_query("link_day_polarities"), None), {"polarity": [term]})
        for day, _, statements in solutions(text):
            known = days.get(day.value)
            if known is None:
                raise QueryError(f"the aggregate node {day} has no position", hint="rebuild the graph")
            group = (known[0], known[1], polarity)
            links.count(group, known[2], int(statements.value))
            day_nodes.setdefault(group, {})[known[2]] = day
    conditioned: dict[Group, int] = {}
    for holder, issue, condition, statements in solutions(canned_query("link_conditions")):
        group = (_local(holder.value, actor), _local(issue.value, issue_ns), "conditional")
        links.count_condition((*group, _local(condition.value, issue_ns) if condition is not None else None), int(statements.value))
        conditioned[group] = conditioned.get(group, 0) + int(statements.value)
    for group in sorted(links.days.keys() | conditioned.keys()):
        # The statements of a link without a condition: those no sg:ConditionalPosition counts.
        rest = sum(links.days.get(group, {}).values()) - conditioned.get(group, 0)
        if rest < 0:
            raise QueryError(f"the conditions of {' '.join(group)} count more stances than its days", hint="rebuild the graph")
        if rest:
            links.count_condition((*group, None), rest)
    shown = links.per_link(QUOTES_PER_PAGE)
    # Per link, its most recent days (undated last) until they hold the statements it shows: the
    # statements of the last of those days are read whole and `LinkSums.keep` picks among them.
    wanted: list[tuple[Any, Any]] = []
    for group, per_day in links.days.items():
        need = shown if shown is not None else sum(per_day.values())
        for day in sorted((d for d in per_day if d), reverse=True) + ([None] if None in per_day else []):
            wanted.append((day_nodes[group][day], polarity_terms[group[2]]))
            need -= per_day[day]
            if need <= 0:
                break
    query = with_limit(canned_query("link_statements"), None)
    for start in range(0, len(wanted), _DAYS_PER_QUERY):
        for row in solutions(bind_rows(query, ("day", "polarity"), wanted[start:start + _DAYS_PER_QUERY]), named=True):
            links.keep(_statement_row(row))
    return links


__all__ = [
    "VIEWS",
    "PAGE_NAME",
    "QUOTES_PER_LINK",
    "VizError",
    "page_path",
    "script_json",
    "statement_groups",
    "edge_width",
    "page_data",
    "render_page",
    "page_bytes",
    "write_page",
    "build_page",
    "store_page",
    "actor_issue_network",
    "actor_actor_network",
]
