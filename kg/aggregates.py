"""Aggregate nodes computed at build time, so common questions read a few hundred nodes instead of every stance.

One `sg:Position` per actor and issue (stances by polarity, distinct sources and publishers, first
and last date) and one `sg:ActorPair` per pair of actors that agree or clash on some issue, with
the weights of `kg.network.tie_weights` (the one definition of agreement and conflict).
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from .model import Article, Polarity, Stance
from .namespaces import ID, PREFIXES, iri_segment
from .quads import GraphContent

#: The named graph that holds the aggregate nodes.
AGGREGATES_GRAPH = ID + "graph/aggregates"

_SG = PREFIXES["sg"]
_XSD = PREFIXES["xsd"]
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def position_iri(actor: str, issue: str) -> str:
    """The aggregate node of one actor's position on one issue."""
    return f"{ID}position/{iri_segment(actor)}/{iri_segment(issue)}"


def pair_iri(first: str, second: str) -> str:
    """The aggregate node of two actors (in id order)."""
    a, b = sorted((first, second))
    return f"{ID}pair/{iri_segment(a)}/{iri_segment(b)}"


def _int(value: int) -> str:
    return f'"{value}"^^<{_XSD}integer>'


def _date(value: str) -> str:
    return f'"{value}"^^<{_XSD}date>'


def aggregate_graph(articles: Iterable[Article], stances: Sequence[Stance]) -> GraphContent:
    """The aggregates graph of a build, as sorted N-Quads."""
    publisher = {a.source_id: a.publisher for a in articles}
    positions: dict[tuple[str, str], dict] = {}
    for s in stances:
        entry = positions.setdefault(
            (s.holder, s.issue), {"count": {p: 0 for p in Polarity}, "sources": set(), "publishers": set(), "dates": []}
        )
        entry["count"][s.polarity] += 1
        entry["sources"].add(s.source_id)
        if publisher.get(s.source_id):
            entry["publishers"].add(publisher[s.source_id])
        if s.published:
            entry["dates"].append(s.published.isoformat())
    end = f" <{AGGREGATES_GRAPH}> ."
    lines: list[str] = []
    for (actor, issue), entry in positions.items():
        node = f"<{position_iri(actor, issue)}>"
        counts = entry["count"]
        lines += [
            f"{node} {_TYPE} <{_SG}Position>{end}",
            f"{node} <{_SG}positionOf> <{ID}actor/{actor}>{end}",
            f"{node} <{_SG}positionOn> <{ID}issue/{issue}>{end}",
            f"{node} <{_SG}stanceCount> {_int(sum(counts.values()))}{end}",
            f"{node} <{_SG}supportCount> {_int(counts[Polarity.SUPPORT])}{end}",
            f"{node} <{_SG}opposeCount> {_int(counts[Polarity.OPPOSE])}{end}",
            f"{node} <{_SG}conditionalCount> {_int(counts[Polarity.CONDITIONAL])}{end}",
            f"{node} <{_SG}sourceCount> {_int(len(entry['sources']))}{end}",
            f"{node} <{_SG}publisherCount> {_int(len(entry['publishers']))}{end}",
        ]
        if entry["dates"]:
            lines.append(f"{node} <{_SG}firstDate> {_date(min(entry['dates']))}{end}")
            lines.append(f"{node} <{_SG}lastDate> {_date(max(entry['dates']))}{end}")
    lines += _pair_lines(stances, end)
    lines.sort()
    return GraphContent(AGGREGATES_GRAPH, "\n".join(lines) + "\n" if lines else "")


def _pair_lines(stances: Sequence[Stance], end: str) -> list[str]:
    """Pairs of actors with their agreement (congruence) and conflict weights: issues they agree or clash on."""
    from .network import profiles, tie_weights

    prof = profiles(stances)
    weights = tie_weights(prof)
    agreement, conflict = weights["congruence"], weights["conflict"]
    rows, cols = np.nonzero(np.triu(agreement + conflict, k=1))
    lines: list[str] = []
    for i, j in zip(rows.tolist(), cols.tolist()):
        a, b = prof.actors[i], prof.actors[j]
        node = f"<{pair_iri(a, b)}>"
        lines += [
            f"{node} {_TYPE} <{_SG}ActorPair>{end}",
            f"{node} <{_SG}pairMember> <{ID}actor/{a}>{end}",
            f"{node} <{_SG}pairMember> <{ID}actor/{b}>{end}",
            f"{node} <{_SG}agreementWeight> {_int(int(agreement[i, j]))}{end}",
            f"{node} <{_SG}conflictWeight> {_int(int(conflict[i, j]))}{end}",
        ]
    return lines
