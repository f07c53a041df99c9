"""Network projections of the stances: actor-issue graph, actor-actor congruence and conflict, position matrix."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Protocol, Sequence

import networkx as nx
import numpy as np

from .errors import StanceGraphError
from .model import Method, Polarity, Stance
from .namespaces import ACTOR, ISSUE, SG, STANCE

if TYPE_CHECKING:  # imported for annotations only: keeps this module cheap to import
    import pyoxigraph

    from .dictionary import Dictionary
    from .model import Article

#: The polarities in the order every array and legend uses.
POLARITIES = ("support", "oppose", "conditional")
#: Net positions a matrix cell can take: one polarity, or "mixed" when none holds the majority.
POSITIONS = POLARITIES + ("mixed",)
#: The share of an actor's statements on an issue (numerator, denominator) that one polarity needs
#: to be its net position. Not "every statement": over a year of news, one contrary report among
#: hundreds of statements (or one extraction error) would make nearly every busy cell "mixed".
#: The canned queries positions.rq and scan/positions.rq and the page script apply the same share.
MAJORITY = (2, 3)


@dataclass(frozen=True)
class Statement:
    """One stance as a reader sees it: the `kg.model.Stance` itself, and the source it was read in.

    The stance is the one record from extraction to the page; the properties give its fields as
    the page and the projections print them (plain text ids, ISO dates, two-decimal confidence)."""

    stance: Stance
    title: str | None = None
    publisher: str | None = None
    url: str | None = None

    @property
    def stance_id(self) -> str:
        """The stance's stable id (the local name of its IRI)."""
        return self.stance.stance_id

    @property
    def source_id(self) -> str:
        """The article the stance was read in."""
        return self.stance.source_id

    @property
    def holder(self) -> str:
        """The actor id that holds the stance."""
        return self.stance.holder

    @property
    def issue(self) -> str:
        """The issue id the stance is on."""
        return self.stance.issue

    @property
    def polarity(self) -> str:
        """"support", "oppose" or "conditional"."""
        return self.stance.polarity.value

    @property
    def condition(self) -> str | None:
        """The issue a conditional stance waits for."""
        return self.stance.condition

    @property
    def quote(self) -> str:
        """The exact passage, as it stands in the article at the offsets."""
        return self.stance.quote

    @property
    def char_start(self) -> int:
        """Where the quote starts in the article's text."""
        return self.stance.char_start

    @property
    def char_end(self) -> int:
        """Where the quote ends in the article's text."""
        return self.stance.char_end

    @property
    def method(self) -> str:
        """How the stance was obtained ("RuleExtraction", "CuratedAnnotation")."""
        return self.stance.method.value

    @property
    def date(self) -> str | None:
        """The stance's date in ISO form, None when undated."""
        return self.stance.published.isoformat() if self.stance.published else None

    @property
    def rule(self) -> str | None:
        """The rules that found it, joined with "+"."""
        return self.stance.rule

    @property
    def confidence(self) -> str | None:
        """The confidence with two decimals, as the page prints it."""
        return _confidence(self.stance.confidence)

    @property
    def reported_via(self) -> str | None:
        """The outlet or source the stance was reported through."""
        return self.stance.reported_via

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


def iter_statements(stances: Iterable[Stance], articles: Iterable[Article]) -> Iterator[Statement]:
    """Statements of an in-memory build one by one, in the stances' order (nothing held but the articles' index)."""
    by_id = {a.source_id: a for a in articles}
    for s in stances:
        article = by_id.get(s.source_id)
        if article is None:
            yield Statement(s)
        else:
            yield Statement(s, article.title, article.publisher, article.url)


def statements_from_stances(
    stances: Iterable[Stance], articles: Iterable[Article], dictionary: Dictionary | None = None
) -> list[Statement]:
    """Statements of an in-memory build (the same records `statements_from_store` reads back)."""
    return sorted(iter_statements(stances, articles), key=lambda st: st.sort_key)


def iter_statements_from_store(store: pyoxigraph.Store, values: Mapping[str, Sequence[Any]] | None = None) -> Iterator[Statement]:
    """Every stance of the built graph as a statement, one by one in the store's order, read with the
    scanning `stances` query (kg/sparql/scan/) without its sort: nothing is held but the current row.

    `values` binds the query's variables (`holder`, `issue`, `polarity`, `since`, `until`) to
    pyoxigraph terms, e.g. to read one issue's statements only.
    """
    from .queries import QueryError, bind_values, scan_query, with_limit, with_prologue, without_order

    text = with_prologue(bind_values(without_order(with_limit(scan_query("stances"), None)), values or {}))
    try:
        solutions = store.query(text, use_default_graph_as_union=True)
        variables = [v.value for v in solutions.variables]
        for row in solutions:
            yield _statement_row(dict(zip(variables, (term.value if term is not None else None for term in row))))
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"reading the stances failed: {error}") from None


def _statement_row(r: Mapping[str, Any]) -> Statement:
    stance = Stance(
        source_id=r["sourceId"],
        holder=_local(r["holder"], str(ACTOR)),
        issue=_local(r["issue"], str(ISSUE)),
        polarity=Polarity(_local(r["polarity"], str(SG)).lower()),
        quote=r["quote"],
        char_start=int(r["charStart"]),
        char_end=int(r["charEnd"]),
        method=Method(_local(r["method"], str(SG))),
        confidence=float(r["confidence"]),
        condition=_local(r["condition"], str(ISSUE)) if r["condition"] else None,
        rule=r["rule"],
        reported_via=r["reportedVia"],
        published=date.fromisoformat(r["date"]) if r["date"] else None,
    )
    if stance.stance_id != _local(r["stance"], str(STANCE)):
        raise StanceGraphError(f"stance {r['stance']} does not match its own fields", hint="rebuild the graph")
    return Statement(stance, r["title"], r["publisher"], r["url"])


def statements_from_store(store: pyoxigraph.Store, values: Mapping[str, Sequence[Any]] | None = None) -> list[Statement]:
    """Every stance of the built graph as a statement, in reading order (`iter_statements_from_store`, held and sorted)."""
    return sorted(iter_statements_from_store(store, values), key=lambda st: st.sort_key)


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


class StanceLike(Protocol):
    """What the projections read from a stance: `kg.model.Stance`, `Statement` and position rows all fit.

    `polarity` may be a `kg.model.Polarity` or its value; a `count` attribute (aggregated rows)
    weighs the record as that many statements, and `date` (ISO text) or `published` (a date)
    places it in time.
    """

    holder: str
    issue: str
    condition: str | None

    @property
    def polarity(self) -> Any: ...


def polarity_of(record: StanceLike) -> str:
    """The polarity of a record as text ("support", "oppose", "conditional")."""
    value = record.polarity
    return str(getattr(value, "value", value))


def date_of(record: StanceLike) -> str | None:
    """The ISO date of a record (its `date`, or its `published` date), None when undated."""
    value = getattr(record, "date", None)
    if value is None:
        published = getattr(record, "published", None)
        return published.isoformat() if published is not None else None
    return value if isinstance(value, str) else value.isoformat()


def _weight(record: StanceLike) -> int:
    return int(getattr(record, "count", 1) or 1)


def actor_issue_graph(statements: Sequence[StanceLike]) -> nx.MultiDiGraph:
    """Actor -> issue edges, one per (actor, issue, polarity), with count, statement indices, conditions and dates."""
    graph = nx.MultiDiGraph()
    actor_counts: dict[str, int] = {}
    issue_counts: dict[str, int] = {}
    groups: dict[tuple[str, str, str], list[int]] = {}
    for index, st in enumerate(statements):
        actor_counts[st.holder] = actor_counts.get(st.holder, 0) + _weight(st)
        issue_counts[st.issue] = issue_counts.get(st.issue, 0) + _weight(st)
        groups.setdefault((st.holder, st.issue, polarity_of(st)), []).append(index)
    for actor_id in _ranked(actor_counts):
        graph.add_node(actor_node(actor_id), kind="actor", id=actor_id, count=actor_counts[actor_id])
    for issue_id in _ranked(issue_counts):
        graph.add_node(issue_node(issue_id), kind="issue", id=issue_id, count=issue_counts[issue_id])
    for (holder, issue, polarity), indices in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], POLARITIES.index(kv[0][2]))):
        dates = sorted(d for d in (date_of(statements[i]) for i in indices) if d)
        graph.add_edge(
            actor_node(holder),
            issue_node(issue),
            key=polarity,
            polarity=polarity,
            count=sum(_weight(statements[i]) for i in indices),
            statements=tuple(indices),
            conditions=tuple(sorted({c for c in (statements[i].condition for i in indices) if c})),
            first=dates[0] if dates else None,
            last=dates[-1] if dates else None,
        )
    return graph


def two_mode_graph(statements: Sequence[StanceLike]) -> nx.Graph:
    """The actor-issue two-mode network: one edge per actor and issue, weight = statements.

    Edges carry the count of each polarity, the net position and the conditions put first;
    nodes carry `type` ("actor" or "issue"), `bipartite` (0 or 1) and their statement count.
    It is `actor_issue_graph` with the polarities of an actor and issue folded into one edge.
    """
    multi = actor_issue_graph(statements)
    graph = nx.Graph()
    for node, attrs in sorted(multi.nodes(data=True), key=lambda n: (n[1]["kind"] != "actor", n[1]["id"])):
        graph.add_node(node, id=attrs["id"], type=attrs["kind"], bipartite=0 if attrs["kind"] == "actor" else 1, count=attrs["count"])
    folded: dict[tuple[str, str], dict[str, Any]] = {}
    for actor, issue, attrs in multi.edges(data=True):
        edge = folded.setdefault((actor, issue), {p: 0 for p in POLARITIES} | {"conditions": set()})
        edge[attrs["polarity"]] += attrs["count"]
        edge["conditions"].update(attrs["conditions"])
    for (actor, issue), edge in sorted(folded.items()):
        counts = {p: edge[p] for p in POLARITIES}
        graph.add_edge(
            actor,
            issue,
            weight=sum(counts.values()),
            **counts,
            position=net_position(counts) or "",
            conditions=", ".join(sorted(edge["conditions"])),
        )
    return graph


# --- discourse network projections --------------------------------------------------------------

#: Actor-actor projections of the two-mode network, as discourse network analysis names them.
PROJECTIONS = ("congruence", "conflict", "subtract")
#: Every network `network` can draw: the two-mode network and its projections.
KINDS = ("two-mode",) + PROJECTIONS
#: How tie weights are normalised (see `normalize`).
NORMALIZATIONS = ("none", "average", "jaccard", "cosine")
#: Kinds of actor-actor ties (discourse network analysis).
TIES = ("congruence", "conflict")
#: On one issue, the (first actor's, second actor's) polarities that make each kind of tie. A
#: conditional pair agrees only when both put the same condition first; (conditional, support)
#: conflicts only when the supporter never states that condition itself ("sequencing").
TIE_PAIRS = {
    "congruence": (("support", "support"), ("oppose", "oppose"), ("conditional", "conditional")),
    "conflict": (
        ("support", "oppose"),
        ("oppose", "support"),
        ("conditional", "oppose"),
        ("oppose", "conditional"),
        ("conditional", "support"),
        ("support", "conditional"),
    ),
}


class NetworkError(StanceGraphError):
    """A network cannot be drawn as asked (unknown kind or normalisation, bad window, unknown format)."""


@dataclass(frozen=True)
class Profiles:
    """Who holds what: boolean actor x issue matrices per polarity, and per issue the conditions put first."""

    actors: list[str]
    issues: list[str]
    support: np.ndarray
    oppose: np.ndarray
    conditional: np.ndarray
    conditions: dict[str, tuple[list[str], np.ndarray]]

    @property
    def addressed(self) -> np.ndarray:
        """Actor x issue: True where the actor holds any stance on the issue."""
        return self.support | self.oppose | self.conditional


def profiles(statements: Sequence[StanceLike], actors: Sequence[str] | None = None) -> Profiles:
    """The profiles of the statements' actors (or of `actors`, in that order), issues sorted by id."""
    actor_ids = list(actors) if actors is not None else sorted({st.holder for st in statements})
    issue_ids = sorted({st.issue for st in statements})
    row = {a: k for k, a in enumerate(actor_ids)}
    col = {i: k for k, i in enumerate(issue_ids)}
    shape = (len(actor_ids), len(issue_ids))
    matrices = {p: np.zeros(shape, dtype=bool) for p in POLARITIES}
    by_issue: dict[str, set[tuple[int, str]]] = {}
    for st in statements:
        if st.holder not in row:
            continue
        polarity = polarity_of(st)
        matrices[polarity][row[st.holder], col[st.issue]] = True
        if polarity == "conditional" and st.condition:
            by_issue.setdefault(st.issue, set()).add((row[st.holder], st.condition))
    conditions = {}
    for issue, pairs in sorted(by_issue.items()):
        names = sorted({c for _, c in pairs})
        index = {c: k for k, c in enumerate(names)}
        matrix = np.zeros((len(actor_ids), len(names)), dtype=bool)
        for a, c in pairs:
            matrix[a, index[c]] = True
        conditions[issue] = (names, matrix)
    return Profiles(actor_ids, issue_ids, matrices["support"], matrices["oppose"], matrices["conditional"], conditions)


def pair_relations(prof: Profiles, issue: str) -> dict[tuple[str, str], np.ndarray]:
    """On one issue, for each polarity pair of `TIE_PAIRS`, the actor x actor matrix where it holds.

    This is the one definition of agreement and conflict: `tie_weights`, the projections, the
    evidence of each tie on the page and the `conflicts` query all follow it.
    """
    i = prof.issues.index(issue)
    p, n, c = prof.support[:, i], prof.oppose[:, i], prof.conditional[:, i]
    names, x = prof.conditions.get(issue, ([], np.zeros((len(prof.actors), 0), dtype=bool)))
    xi = x.astype(np.int64)
    shared = (xi @ xi.T) > 0
    # sequencing[a, b]: a puts a condition first that b never states, and b supports the issue outright.
    sequencing = ((xi @ (~x).astype(np.int64).T) > 0) & p[None, :]
    relations = {
        ("support", "support"): np.outer(p, p),
        ("oppose", "oppose"): np.outer(n, n),
        ("conditional", "conditional"): shared,
        ("support", "oppose"): np.outer(p, n),
        ("oppose", "support"): np.outer(n, p),
        ("conditional", "oppose"): np.outer(c, n),
        ("oppose", "conditional"): np.outer(n, c),
        ("conditional", "support"): sequencing,
        ("support", "conditional"): sequencing.T,
    }
    for matrix in relations.values():
        np.fill_diagonal(matrix, False)
    return relations


def issue_ties(prof: Profiles, issue: str) -> dict[str, np.ndarray]:
    """On one issue, actor x actor booleans: do two actors agree ("congruence"), do they clash ("conflict")?"""
    relations = pair_relations(prof, issue)
    out = {}
    for kind in TIES:
        matrix = np.zeros((len(prof.actors), len(prof.actors)), dtype=bool)
        for pair in TIE_PAIRS[kind]:
            matrix |= relations[pair]
        out[kind] = matrix
    return out


def tie_weights(prof: Profiles) -> dict[str, np.ndarray]:
    """Actor x actor counts of the issues two actors agree on ("congruence") and clash on ("conflict")."""
    size = len(prof.actors)
    out = {kind: np.zeros((size, size), dtype=np.int64) for kind in TIES}
    for issue in prof.issues:
        for kind, matrix in issue_ties(prof, issue).items():
            out[kind] += matrix
    return out


def normalize(weights: np.ndarray, prof: Profiles, method: str = "none") -> np.ndarray:
    """Tie weights scaled by how many issues each actor addresses (d_a, d_b; shared s_ab).

    none: the count itself; average: w / ((d_a + d_b) / 2); jaccard: w / (d_a + d_b - s_ab),
    the issues either addresses; cosine: w / sqrt(d_a * d_b). Normalised weights lie in [0, 1].
    """
    if method not in NORMALIZATIONS:
        raise NetworkError(f"unknown normalisation {method!r}", hint=f"choose one of {', '.join(NORMALIZATIONS)}")
    if method == "none":
        return weights
    addressed = prof.addressed.astype(np.int64)
    d = addressed.sum(axis=1).astype(float)
    if method == "average":
        denominator = (d[:, None] + d[None, :]) / 2
    elif method == "jaccard":
        denominator = d[:, None] + d[None, :] - (addressed @ addressed.T)
    else:
        denominator = np.sqrt(d[:, None] * d[None, :])
    out = np.zeros(weights.shape, dtype=float)
    np.divide(weights, denominator, out=out, where=denominator > 0)
    return out


def _actor_counts(statements: Sequence[StanceLike]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for st in statements:
        counts[st.holder] = counts.get(st.holder, 0) + _weight(st)
    return counts


def projection(statements: Sequence[StanceLike], kind: str = "congruence", normalization: str = "none") -> nx.Graph:
    """An actor-actor projection ("congruence", "conflict" or "subtract") as a weighted networkx graph.

    Every actor of the statements is a node (isolated ones too), with `id`, `type` and `count`
    (statements). An edge joins two actors with a non-zero weight: the number of issues they
    agree (congruence) or clash (conflict) on, normalised as asked; subtract is normalised
    congruence minus normalised conflict. Edges name the issues behind them (`agree`, `disagree`).
    """
    if kind not in PROJECTIONS:
        raise NetworkError(f"unknown projection {kind!r}", hint=f"choose one of {', '.join(PROJECTIONS)}")
    prof = profiles(statements)
    raw = tie_weights(prof)
    weights = {k: normalize(raw[k], prof, normalization) for k in TIES}
    combined = weights["congruence"] - weights["conflict"] if kind == "subtract" else weights[kind]
    per_issue = {issue: issue_ties(prof, issue) for issue in prof.issues}
    graph = nx.Graph()
    counts = _actor_counts(statements)
    for actor in prof.actors:
        graph.add_node(actor_node(actor), id=actor, type="actor", count=counts[actor])
    rows, cols = np.nonzero(np.triu(combined != 0, k=1))
    for a, b in sorted(zip(rows.tolist(), cols.tolist()), key=lambda ab: (prof.actors[ab[0]], prof.actors[ab[1]])):
        weight = combined[a, b]
        attrs: dict[str, Any] = {"weight": int(weight) if normalization == "none" else round(float(weight), 6)}
        for tie, name in (("congruence", "agree"), ("conflict", "disagree")):
            if kind in (tie, "subtract"):
                attrs[name] = ", ".join(i for i in prof.issues if per_issue[i][tie][a, b])
        graph.add_edge(actor_node(prof.actors[a]), actor_node(prof.actors[b]), **attrs)
    return graph


def actor_actor_graph(
    statements: Sequence[StanceLike], min_weight: int = 1, max_edges: int | None = None
) -> nx.MultiGraph:
    """Congruence and conflict ties between actors (edge keys "congruence"/"conflict"), weight = issues agreed or split on.

    The weights are those of `projection(statements, kind)` without normalisation. Ties below
    `min_weight` are dropped; `max_edges` keeps only the heaviest ties (ties broken by actor
    ids), so that a graph of thousands of actors stays drawable. Each edge names its actors in
    id order (`first`, `second`) and carries its evidence: per issue, the indices of the
    statements of `first` and of `second` behind the tie, and the (first's, second's) polarity
    pairs that make it.
    """
    prof = profiles(statements, _ranked(_actor_counts(statements)))
    weights = tie_weights(prof)
    graph = nx.MultiGraph()
    counts = _actor_counts(statements)
    for actor_id in prof.actors:
        graph.add_node(actor_node(actor_id), kind="actor", id=actor_id, count=counts[actor_id])
    candidates: list[tuple[int, str, int, int, str, str]] = []
    for kind in TIES:
        rows, cols = np.nonzero(np.triu(weights[kind], k=1) >= max(min_weight, 1))
        for a, b in zip(rows.tolist(), cols.tolist()):
            first, second = sorted((prof.actors[a], prof.actors[b]))
            candidates.append((int(weights[kind][a, b]), kind, a, b, first, second))
    candidates.sort(key=lambda c: (-c[0], c[4], c[5], TIES.index(c[1])))
    if max_edges is not None:
        candidates = candidates[:max_edges]
    candidates.sort(key=lambda c: (c[4], c[5], TIES.index(c[1])))
    index: dict[tuple[str, str, str], list[int]] = {}
    for i, st in enumerate(statements):
        index.setdefault((st.holder, st.issue, polarity_of(st)), []).append(i)
    relations = {issue: pair_relations(prof, issue) for issue in prof.issues} if candidates else {}
    row = {a: k for k, a in enumerate(prof.actors)}
    for weight, kind, _, _, first, second in candidates:
        a, b = row[first], row[second]
        evidence = []
        for issue in prof.issues:
            pairs = tuple(pair for pair in TIE_PAIRS[kind] if relations[issue][pair][a, b])
            if not pairs:
                continue
            left = sorted({k for pa, _ in pairs for k in index.get((first, issue, pa), ())})
            right = sorted({k for _, pb in pairs for k in index.get((second, issue, pb), ())})
            evidence.append((issue, tuple(left), tuple(right), pairs))
        graph.add_edge(
            actor_node(first), actor_node(second), key=kind, kind=kind, weight=weight, first=first, second=second, evidence=tuple(evidence)
        )
    return graph


def time_windows(statements: Sequence[StanceLike], days: int) -> list[tuple[str, str, list[StanceLike]]]:
    """Dated statements cut into consecutive windows of `days` days from the earliest date.

    Returns (first day, last day, statements) for each window that holds any statement;
    undated statements belong to no window.
    """
    if days < 1:
        raise NetworkError(f"a time window must be at least one day, not {days}")
    dated = [(date.fromisoformat(d), st) for st in statements if (d := date_of(st))]
    if not dated:
        return []
    start = min(d for d, _ in dated)
    buckets: dict[int, list[StanceLike]] = {}
    for d, st in dated:
        buckets.setdefault((d - start).days // days, []).append(st)
    out = []
    for k in sorted(buckets):
        first = start + timedelta(days=k * days)
        out.append((first.isoformat(), (first + timedelta(days=days - 1)).isoformat(), buckets[k]))
    return out


def parse_window(text: str) -> int:
    """A window length in days from "30d", "2w" or "30"."""
    match = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text or "")
    if not match or int(match.group(1)) < 1:
        raise NetworkError(f"not a time window: {text!r}", hint="write a number of days or weeks, e.g. 30d or 2w")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


def network(
    statements: Sequence[StanceLike], kind: str = "congruence", normalization: str = "none"
) -> nx.Graph:
    """The two-mode network or one of its projections, by name (see `KINDS`)."""
    if kind not in KINDS:
        raise NetworkError(f"unknown network kind {kind!r}", hint=f"choose one of {', '.join(KINDS)}")
    if kind == "two-mode":
        if normalization != "none":
            raise NetworkError("the two-mode network is not normalised", hint="use --normalize none, or a projection")
        return two_mode_graph(statements)
    return projection(statements, kind, normalization)


def label_nodes(graph: nx.Graph, catalog: Catalog | Dictionary | None = None) -> nx.Graph:
    """Give every node a readable `label` (from the catalog) and its `degree` (number of neighbours)."""
    names = as_catalog(catalog)
    for node, attrs in graph.nodes(data=True):
        info = names.actor(attrs["id"]) if attrs.get("type") == "actor" else names.issue(attrs["id"])
        attrs["label"] = info.label
        attrs["degree"] = graph.degree(node)
    return graph


def window_networks(
    statements: Sequence[StanceLike], kind: str, normalization: str, days: int
) -> list[tuple[str, str, nx.Graph]]:
    """One network per time window of `days` days (see `time_windows`): (first day, last day, graph)."""
    return [(first, last, network(part, kind, normalization)) for first, last, part in time_windows(statements, days)]


NETWORK_FORMATS = ("graphml", "gexf", "csv")


def network_bytes(graph: nx.Graph, fmt: str) -> bytes:
    """The graph as GraphML, GEXF 1.2 (both open in Gephi and load back with networkx) or a CSV edge list."""
    if fmt == "graphml":
        return ("\n".join(nx.generate_graphml(graph, prettyprint=True)) + "\n").encode("utf-8")
    if fmt == "gexf":
        from networkx.readwrite.gexf import GEXFWriter

        writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
        # The writer stamps today's date into <meta>: drop it so the same graph gives the same bytes.
        for meta in writer.xml.iter("meta"):
            meta.attrib.pop("lastmodifieddate", None)
        # networkx's GEXF writer takes a node attribute named "id" as the node's GEXF id, which
        # would turn "actor:Israel" into "Israel" (and let an actor and an issue collide).
        renamed = graph.copy()
        for _, attrs in renamed.nodes(data=True):
            if "id" in attrs:
                attrs["ref"] = attrs.pop("id")
        writer.add_graph(renamed)
        return (str(writer).rstrip("\n") + "\n").encode("utf-8")
    if fmt == "csv":
        import csv
        import io

        extra = sorted({k for *_, d in graph.edges(data=True) for k in d} - {"weight"})
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\r\n")
        out.writerow(["source", "target", "weight", *extra])
        for u, v, d in graph.edges(data=True):
            out.writerow([graph.nodes[u]["id"], graph.nodes[v]["id"], d.get("weight", ""), *(d.get(k, "") for k in extra)])
        return buffer.getvalue().encode("utf-8")
    raise NetworkError(f"unknown network format {fmt!r}", hint=f"choose one of {', '.join(NETWORK_FORMATS)}")


def _eigenvector(graph: nx.Graph) -> dict[Any, float]:
    """Eigenvector centrality from the leading eigenvector of the symmetric weight matrix (numpy, no iteration)."""
    nodes = list(graph.nodes)
    matrix = nx.to_numpy_array(graph, nodelist=nodes, weight="magnitude")
    values, vectors = np.linalg.eigh(matrix)
    leading = vectors[:, int(np.argmax(values))]
    leading = leading * (1 if leading.sum() >= 0 else -1)
    norm = np.linalg.norm(leading)
    return {node: float(v / norm) if norm else 0.0 for node, v in zip(nodes, leading)}


def centrality(graph: nx.Graph) -> list[dict[str, Any]]:
    """Per actor: neighbours, weighted degree, betweenness and eigenvector centrality; sorted, deterministic.

    Betweenness treats a heavier tie as a shorter path (distance 1/|weight|); eigenvector
    centrality uses |weight|, so on a subtract network a strong conflict still links two actors.
    Rows are sorted by weighted degree, then betweenness, then id; values rounded to 6 places.
    """
    actors = [n for n, d in graph.nodes(data=True) if d.get("type", "actor") == "actor"]
    strength = nx.Graph()
    strength.add_nodes_from(graph.nodes)
    for u, v, d in graph.edges(data=True):
        magnitude = abs(float(d.get("weight", 1)))
        if magnitude > 0:
            strength.add_edge(u, v, magnitude=magnitude, distance=1.0 / magnitude)
    betweenness = nx.betweenness_centrality(strength, weight="distance", normalized=True) if strength.number_of_edges() else {}
    eigenvector = _eigenvector(strength) if strength.number_of_edges() else {}
    rows = []
    for node in actors:
        weighted = sum(float(d.get("weight", 1)) for _, _, d in graph.edges(node, data=True))
        rows.append(
            {
                "actor": graph.nodes[node].get("id", node),
                "neighbours": graph.degree(node),
                "weighted_degree": round(weighted, 6),
                "betweenness": round(betweenness.get(node, 0.0), 6),
                "eigenvector": round(abs(eigenvector.get(node, 0.0)), 6),
            }
        )
    rows.sort(key=lambda r: (-r["weighted_degree"], -r["betweenness"], r["actor"]))
    return rows


@dataclass(frozen=True)
class Cell:
    """One actor's net position on one issue, with the count of each polarity."""

    position: str | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def net_position(counts: Mapping[str, int]) -> str | None:
    """The net position of a cell: the polarity of at least two in three of its statements
    (`MAJORITY`), "mixed" when none has that many, None for no statement."""
    total = sum(counts.get(p, 0) for p in POLARITIES)
    if not total:
        return None
    numerator, denominator = MAJORITY
    return next((p for p in POLARITIES if counts.get(p, 0) * denominator >= total * numerator), "mixed")


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


def position_matrix(statements: Sequence[StanceLike]) -> PositionMatrix:
    """Who stands where: counts of support, oppose and conditional per actor and issue, busiest first.

    A record with a `count` (an aggregated row) counts as that many statements.
    """
    actor_counts: dict[str, int] = {}
    issue_counts: dict[str, int] = {}
    for st in statements:
        actor_counts[st.holder] = actor_counts.get(st.holder, 0) + _weight(st)
        issue_counts[st.issue] = issue_counts.get(st.issue, 0) + _weight(st)
    actors, issues = _ranked(actor_counts), _ranked(issue_counts)
    row = {a: i for i, a in enumerate(actors)}
    col = {a: i for i, a in enumerate(issues)}
    counts = np.zeros((len(actors), len(issues), len(POLARITIES)), dtype=np.int64)
    for st in statements:
        counts[row[st.holder], col[st.issue], POLARITIES.index(polarity_of(st))] += _weight(st)
    return PositionMatrix(actors, issues, counts)


__all__ = [
    "POLARITIES",
    "MAJORITY",
    "POSITIONS",
    "TIES",
    "TIE_PAIRS",
    "PROJECTIONS",
    "KINDS",
    "NORMALIZATIONS",
    "NETWORK_FORMATS",
    "NetworkError",
    "StanceLike",
    "Statement",
    "ActorInfo",
    "IssueInfo",
    "Catalog",
    "polarity_of",
    "date_of",
    "iter_statements",
    "statements_from_stances",
    "iter_statements_from_store",
    "statements_from_store",
    "catalog_from_dictionary",
    "catalog_from_store",
    "as_catalog",
    "actor_node",
    "issue_node",
    "actor_issue_graph",
    "two_mode_graph",
    "Profiles",
    "profiles",
    "pair_relations",
    "issue_ties",
    "tie_weights",
    "normalize",
    "projection",
    "actor_actor_graph",
    "time_windows",
    "parse_window",
    "network",
    "window_networks",
    "label_nodes",
    "network_bytes",
    "centrality",
    "Cell",
    "net_position",
    "PositionMatrix",
    "position_matrix",
]
