"""Network projections of the stances: actor-issue graph, actor-actor congruence and conflict, position matrix."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np

from .namespaces import ACTOR, ISSUE, SG, STANCE

if TYPE_CHECKING:  # imported for annotations only: keeps this module cheap to import
    import pyoxigraph

    from .dictionary import Dictionary
    from .model import Article, Stance

#: The polarities in the order every array and legend uses.
POLARITIES = ("support", "oppose", "conditional")
#: Net positions a matrix cell can take: one polarity, or "mixed" when an actor holds several.
POSITIONS = POLARITIES + ("mixed",)
#: Kinds of actor-actor ties (discourse network analysis).
TIES = ("congruence", "conflict")
#: The polarity pairs (one actor's, the other's) that make each kind of tie on an issue.
TIE_PAIRS = {
    "congruence": (("support", "support"), ("oppose", "oppose"), ("conditional", "conditional")),
    "conflict": (("support", "oppose"), ("oppose", "support")),
}


@dataclass(frozen=True)
class Statement:
    """One stance with the evidence a reader needs: the plain record the views are drawn from."""

    stance_id: str
    source_id: str
    holder: str
    issue: str
    polarity: str
    quote: str
    char_start: int
    char_end: int
    method: str
    condition: str | None = None
    date: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    rule: str | None = None
    confidence: str | None = None
    reported_via: str | None = None

    @property
    def sort_key(self) -> tuple:
        """Reading order: source, position in the text, then the statement's own terms."""
        return (self.source_id, self.char_start, self.char_end, self.holder, self.issue, self.polarity, self.condition or "")


@dataclass(frozen=True)
class ActorInfo:
    """What the page says about an actor: label, classes, aliases, and persons who speak for it."""

    id: str
    label: str
    types: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    spokespersons: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssueInfo:
    """What the page says about an issue: label and aliases."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """Labels and aliases of the actors and issues, from the dictionary or from the built graph."""

    actors: Mapping[str, ActorInfo]
    issues: Mapping[str, IssueInfo]

    def actor(self, actor_id: str) -> ActorInfo:
        """The actor's entry, or a bare one named by its id when the catalog does not know it."""
        return self.actors.get(actor_id) or ActorInfo(actor_id, actor_id)

    def issue(self, issue_id: str) -> IssueInfo:
        """The issue's entry, or a bare one named by its id when the catalog does not know it."""
        return self.issues.get(issue_id) or IssueInfo(issue_id, issue_id)


def _local(value: str, namespace: str) -> str:
    return value[len(namespace):] if value.startswith(namespace) else value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _confidence(value: float | str | None) -> str | None:
    # The graph stores two decimals; formatting both paths the same keeps their pages identical.
    return None if value is None else f"{float(value):.2f}"


def statements_from_stances(
    stances: Iterable[Stance], articles: Iterable[Article], dictionary: Dictionary | None = None
) -> list[Statement]:
    """Statements of an in-memory build (the same records `statements_from_store` reads back)."""
    by_id = {a.source_id: a for a in articles}
    out = []
    for s in stances:
        article = by_id.get(s.source_id)
        out.append(
            Statement(
                stance_id=s.stance_id,
                source_id=s.source_id,
                holder=s.holder,
                issue=s.issue,
                polarity=s.polarity.value,
                quote=s.quote,
                char_start=s.char_start,
                char_end=s.char_end,
                method=s.method.value,
                condition=s.condition,
                date=s.published.isoformat() if s.published else None,
                title=article.title if article else None,
                publisher=article.publisher if article else None,
                url=article.url if article else None,
                rule=s.rule,
                confidence=_confidence(s.confidence),
                reported_via=s.reported_via,
            )
        )
    return sorted(out, key=lambda st: st.sort_key)


def statements_from_store(store: pyoxigraph.Store) -> list[Statement]:
    """Every stance of the built graph as a statement, read with the canned `stances` query."""
    from .queries import canned_query, run_query

    result = run_query(store, canned_query("stances"))
    out = []
    for row in result.rows:
        r = {name: (term.value if term is not None else None) for name, term in zip(result.variables, row)}
        out.append(
            Statement(
                stance_id=_local(r["stance"], str(STANCE)),
                source_id=r["sourceId"],
                holder=_local(r["holder"], str(ACTOR)),
                issue=_local(r["issue"], str(ISSUE)),
                polarity=_local(r["polarity"], str(SG)).lower(),
                quote=r["quote"],
                char_start=int(r["charStart"]),
                char_end=int(r["charEnd"]),
                method=_local(r["method"], str(SG)),
                condition=_local(r["condition"], str(ISSUE)) if r["condition"] else None,
                date=r["date"],
                title=r["title"],
                publisher=r["publisher"],
                url=r["url"],
                rule=r["rule"],
                confidence=_confidence(r["confidence"]),
                reported_via=r["reportedVia"],
            )
        )
    return sorted(out, key=lambda st: st.sort_key)


def catalog_from_dictionary(dictionary: Dictionary) -> Catalog:
    """Labels, classes, aliases and spokespersons from the loaded actor dictionary and issue scheme."""
    speakers: dict[str, list[str]] = {}
    for actor in dictionary.actors.values():
        if actor.represents:
            speakers.setdefault(actor.represents, []).append(actor.label)
    actors = {
        a.id: ActorInfo(a.id, a.label, tuple(a.types), tuple(a.aliases), tuple(sorted(speakers.get(a.id, ()))))
        for a in dictionary.actors.values()
        if not a.is_person
    }
    issues = {i.id: IssueInfo(i.id, i.label, tuple(i.aliases)) for i in dictionary.issues.values()}
    return Catalog(actors, issues)


def catalog_from_store(store: pyoxigraph.Store) -> Catalog:
    """The same catalog read from the ontology graph inside the built graph (canned `catalog` query)."""
    from .queries import canned_query, run_query

    result = run_query(store, canned_query("catalog"))
    rows = [{n: (t.value if t is not None else None) for n, t in zip(result.variables, row)} for row in result.rows]
    actor_rows: dict[str, dict[str, set[str]]] = {}
    issue_rows: dict[str, dict[str, set[str]]] = {}
    for r in rows:
        if r["kind"] == "actor":
            entry = actor_rows.setdefault(_local(r["thing"], str(ACTOR)), {"label": set(), "type": set(), "alias": set(), "represents": set()})
            if r["type"]:
                entry["type"].add(_local(r["type"], str(SG)))
            if r["represents"]:
                entry["represents"].add(_local(r["represents"], str(ACTOR)))
        else:
            entry = issue_rows.setdefault(_local(r["thing"], str(ISSUE)), {"label": set(), "alias": set()})
        if r["label"]:
            entry["label"].add(r["label"])
        if r["alias"]:
            entry["alias"].add(r["alias"])
    labels = {k: min(v["label"]) if v["label"] else k for k, v in actor_rows.items()}
    speakers: dict[str, list[str]] = {}
    for actor_id, entry in actor_rows.items():
        for target in entry["represents"]:
            speakers.setdefault(target, []).append(labels[actor_id])
    actors = {
        k: ActorInfo(k, labels[k], tuple(sorted(v["type"])), tuple(sorted(v["alias"])), tuple(sorted(speakers.get(k, ()))))
        for k, v in sorted(actor_rows.items())
        if not v["represents"]
    }
    issues = {
        k: IssueInfo(k, min(v["label"]) if v["label"] else k, tuple(sorted(v["alias"]))) for k, v in sorted(issue_rows.items())
    }
    return Catalog(actors, issues)


def as_catalog(source: Catalog | Dictionary | None) -> Catalog:
    """A catalog from either a catalog or a dictionary; None gives an empty one (ids as labels)."""
    if source is None:
        return Catalog({}, {})
    if isinstance(source, Catalog):
        return source
    return catalog_from_dictionary(source)


def _ranked(counts: Mapping[str, int]) -> list[str]:
    """Ids by descending count, then by id: the order rows, columns and legends use."""
    return sorted(counts, key=lambda k: (-counts[k], k))


def actor_node(actor_id: str) -> str:
    """The graph node of an actor (prefixed, so an actor and an issue may share an id)."""
    return "actor:" + actor_id


def issue_node(issue_id: str) -> str:
    """The graph node of an issue."""
    return "issue:" + issue_id


def actor_issue_graph(statements: Sequence[Statement]) -> nx.MultiDiGraph:
    """Actor -> issue edges, one per (actor, issue, polarity), with count, statement indices, conditions and dates."""
    graph = nx.MultiDiGraph()
    actor_counts: dict[str, int] = {}
    issue_counts: dict[str, int] = {}
    groups: dict[tuple[str, str, str], list[int]] = {}
    for index, st in enumerate(statements):
        actor_counts[st.holder] = actor_counts.get(st.holder, 0) + 1
        issue_counts[st.issue] = issue_counts.get(st.issue, 0) + 1
        groups.setdefault((st.holder, st.issue, st.polarity), []).append(index)
    for actor_id in _ranked(actor_counts):
        graph.add_node(actor_node(actor_id), kind="actor", id=actor_id, count=actor_counts[actor_id])
    for issue_id in _ranked(issue_counts):
        graph.add_node(issue_node(issue_id), kind="issue", id=issue_id, count=issue_counts[issue_id])
    for (holder, issue, polarity), indices in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], POLARITIES.index(kv[0][2]))):
        dates = sorted(statements[i].date for i in indices if statements[i].date)
        graph.add_edge(
            actor_node(holder),
            issue_node(issue),
            key=polarity,
            polarity=polarity,
            count=len(indices),
            statements=tuple(indices),
            conditions=tuple(sorted({statements[i].condition for i in indices if statements[i].condition})),
            first=dates[0] if dates else None,
            last=dates[-1] if dates else None,
        )
    return graph


@dataclass(frozen=True)
class StanceMatrices:
    """Binary actor x issue matrices, one per polarity (rows `actors`, columns `issues`)."""

    actors: list[str]
    issues: list[str]
    support: np.ndarray
    oppose: np.ndarray
    conditional: np.ndarray


def stance_matrices(statements: Sequence[Statement]) -> StanceMatrices:
    """P, N and C: 1 where an actor holds at least one support / oppose / conditional stance on an issue."""
    positions = position_matrix(statements)
    present = (positions.counts > 0).astype(np.int32)
    by_polarity = {polarity: present[:, :, k] for k, polarity in enumerate(POLARITIES)}
    return StanceMatrices(
        positions.actors, positions.issues, by_polarity["support"], by_polarity["oppose"], by_polarity["conditional"]
    )


def tie_matrices(matrices: StanceMatrices) -> tuple[np.ndarray, np.ndarray]:
    """Actor x actor congruence (P·Pᵀ + N·Nᵀ + C·Cᵀ) and conflict (P·Nᵀ + N·Pᵀ), diagonal zeroed.

    Weights count the issues two actors share or split on. A conditional stance agrees only with
    another conditional stance on the same issue; against plain support or opposition it is
    neither agreement nor conflict (the position matrix shows that nuance instead).
    """
    p, n, c = matrices.support, matrices.oppose, matrices.conditional
    congruence = p @ p.T + n @ n.T + c @ c.T
    conflict = p @ n.T + n @ p.T
    np.fill_diagonal(congruence, 0)
    np.fill_diagonal(conflict, 0)
    return congruence, conflict


def actor_actor_graph(
    statements: Sequence[Statement], min_weight: int = 1, max_edges: int | None = None
) -> nx.MultiGraph:
    """Congruence and conflict ties between actors (edge keys "congruence"/"conflict"), weight = issues shared or split on.

    Ties below `min_weight` are dropped; `max_edges` keeps only the heaviest ties (ties broken by
    actor ids), so that a graph of thousands of actors stays drawable. Each edge carries its
    evidence: per issue, the indices of the statements of either actor behind the tie.
    """
    matrices = stance_matrices(statements)
    congruence, conflict = tie_matrices(matrices)
    graph = nx.MultiGraph()
    counts: dict[str, int] = {}
    for st in statements:
        counts[st.holder] = counts.get(st.holder, 0) + 1
    for actor_id in matrices.actors:
        graph.add_node(actor_node(actor_id), kind="actor", id=actor_id, count=counts[actor_id])
    candidates: list[tuple[int, str, int, int, str, str]] = []
    for kind, weights in (("congruence", congruence), ("conflict", conflict)):
        rows, cols = np.nonzero(np.triu(weights, k=1) >= max(min_weight, 1))
        for a, b in zip(rows.tolist(), cols.tolist()):
            first, second = sorted((matrices.actors[a], matrices.actors[b]))
            candidates.append((int(weights[a, b]), kind, a, b, first, second))
    candidates.sort(key=lambda c: (-c[0], c[4], c[5], TIES.index(c[1])))
    if max_edges is not None:
        candidates = candidates[:max_edges]
    candidates.sort(key=lambda c: (c[4], c[5], TIES.index(c[1])))
    index: dict[tuple[str, str, str], list[int]] = {}
    for i, st in enumerate(statements):
        index.setdefault((st.holder, st.issue, st.polarity), []).append(i)
    for weight, kind, _, _, first, second in candidates:
        evidence = []
        for issue in matrices.issues:
            left: list[int] = []
            right: list[int] = []
            for pa, pb in TIE_PAIRS[kind]:
                a_side, b_side = index.get((first, issue, pa)), index.get((second, issue, pb))
                if a_side and b_side:
                    left += a_side
                    right += b_side
            if left:
                evidence.append((issue, tuple(sorted(set(left))), tuple(sorted(set(right)))))
        graph.add_edge(actor_node(first), actor_node(second), key=kind, kind=kind, weight=weight, evidence=tuple(evidence))
    return graph


@dataclass(frozen=True)
class Cell:
    """One actor's net position on one issue, with the count of each polarity."""

    position: str | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def net_position(counts: Mapping[str, int]) -> str | None:
    """The net position of a cell: the only polarity present, "mixed" for several, None for none."""
    present = [p for p in POLARITIES if counts.get(p, 0) > 0]
    if not present:
        return None
    return present[0] if len(present) == 1 else "mixed"


@dataclass(frozen=True)
class PositionMatrix:
    """Actors down, issues across: stance counts per polarity (`counts[actor, issue, polarity]`)."""

    actors: list[str]
    issues: list[str]
    counts: np.ndarray

    def cell(self, actor: str, issue: str) -> Cell:
        """The net position and counts of one actor on one issue."""
        values = self.counts[self.actors.index(actor), self.issues.index(issue)]
        counts = {p: int(v) for p, v in zip(POLARITIES, values)}
        return Cell(net_position(counts), counts)

    def positions(self) -> dict[tuple[str, str], str]:
        """Every non-empty cell's net position, keyed by (actor, issue)."""
        out = {}
        for a, actor in enumerate(self.actors):
            for i, issue in enumerate(self.issues):
                position = net_position(dict(zip(POLARITIES, self.counts[a, i].tolist())))
                if position:
                    out[(actor, issue)] = position
        return out


def position_matrix(statements: Sequence[Statement]) -> PositionMatrix:
    """Who stands where: counts of support, oppose and conditional per actor and issue, busiest first."""
    actor_counts: dict[str, int] = {}
    issue_counts: dict[str, int] = {}
    for st in statements:
        actor_counts[st.holder] = actor_counts.get(st.holder, 0) + 1
        issue_counts[st.issue] = issue_counts.get(st.issue, 0) + 1
    actors, issues = _ranked(actor_counts), _ranked(issue_counts)
    row = {a: i for i, a in enumerate(actors)}
    col = {a: i for i, a in enumerate(issues)}
    counts = np.zeros((len(actors), len(issues), len(POLARITIES)), dtype=np.int64)
    for st in statements:
        counts[row[st.holder], col[st.issue], POLARITIES.index(st.polarity)] += 1
    return PositionMatrix(actors, issues, counts)


__all__ = [
    "POLARITIES",
    "POSITIONS",
    "TIES",
    "TIE_PAIRS",
    "Statement",
    "ActorInfo",
    "IssueInfo",
    "Catalog",
    "statements_from_stances",
    "statements_from_store",
    "catalog_from_dictionary",
    "catalog_from_store",
    "as_catalog",
    "actor_issue_graph",
    "stance_matrices",
    "tie_matrices",
    "actor_actor_graph",
    "Cell",
    "net_position",
    "PositionMatrix",
    "position_matrix",
]
