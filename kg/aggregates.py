"""Aggregate nodes computed at build time, so common questions read a few hundred nodes instead of every stance.

- one `sg:Position` per actor and issue: stances by polarity, distinct sources and publishers,
  first and last date, and the strongest stance of each polarity;
- one `sg:ConditionalPosition` per actor, issue and condition ("no reconstruction before
  disarmament"): its stances, sources, dates and strongest stance;
- one `sg:PositionDay` per actor, issue and date of the sources (one more for undated
  stances), linked to its `sg:Position`: how many stances, and a link to each, so a timeline
  reads one actor's days in order and fetches only the statements it shows;
- one `sg:ActorDay` per actor and date (one more for undated stances): how many stances the
  actor made that day on every issue, linked to its `sg:PositionDay` nodes, so a timeline of
  every issue reads one node per day;
- one `sg:ActorPair` per pair of actors that agree or clash on some issue, with the weights of
  `kg.network.tie_weights` (the one definition of agreement and conflict);
- `sg:StancePage` nodes: the stances in reading order (source id, offset, actor, issue,
  polarity, stance IRI: the order `kg stances` lists them in) cut into pages of `PAGE_SIZE`,
  once over the whole graph and once per `sg:Position`, each page with its number and the
  reading rank of its last stance, so a listing reads its first pages and stops;
- the first `HASH_PREFIX_LENGTH` hex digits of every stance's hash (`sg:hashPrefix`), so a
  stance given by a shortened hash is found by one index lookup.

"Strongest" is the order the answers show evidence in: highest confidence, curated before
rules, the most recent source (undated first), then reading order (`strength_key`).
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

import numpy as np

from .model import Article, Method, Polarity, Stance
from .namespaces import ID, PREFIXES, iri_segment
from .quads import GraphContent, confidence_lexical

#: The named graph that holds the aggregate nodes.
AGGREGATES_GRAPH = ID + "graph/aggregates"
#: How many stances an sg:StancePage links.
PAGE_SIZE = 50
#: How many hex digits of a stance's hash sg:hashPrefix holds (the shortest hash a user may give).
HASH_PREFIX_LENGTH = 6

_SG = PREFIXES["sg"]
_XSD = PREFIXES["xsd"]
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_STRONGEST = {
    Polarity.SUPPORT: "strongestSupport",
    Polarity.OPPOSE: "strongestOppose",
    Polarity.CONDITIONAL: "strongestConditional",
}


def position_iri(actor: str, issue: str) -> str:
    """The aggregate node of one actor's position on one issue."""
    return f"{ID}position/{iri_segment(actor)}/{iri_segment(issue)}"


def conditional_position_iri(actor: str, issue: str, condition: str | None) -> str:
    """The aggregate node of one actor accepting one issue only after one condition."""
    return f"{position_iri(actor, issue)}/after/{iri_segment(condition or '')}"


def position_day_iri(actor: str, issue: str, day: date | None) -> str:
    """The aggregate node of one actor's stances on one issue in the sources of one day (or undated)."""
    return f"{position_iri(actor, issue)}/day/{day.isoformat() if day else 'undated'}"


def page_iri(number: int, actor: str | None = None, issue: str | None = None) -> str:
    """A page of the stances in reading order: of the whole graph, or of one actor's position on one issue."""
    base = position_iri(actor, issue) + "/" if actor is not None and issue is not None else ID
    return f"{base}page/{number}"


def reading_key(source_id: str, char_start: int, holder: str, issue: str, polarity: str, stance_id: str) -> tuple:
    """Sort key of a stance in a listing (`kg stances`): source id, offset, actor, issue, polarity, then the stance's hash."""
    return (source_id, char_start, holder, issue, polarity, stance_id)


def actor_day_iri(actor: str, day: date | None) -> str:
    """The aggregate node of one actor's stances on every issue in the sources of one day (or undated)."""
    return f"{ID}actorday/{iri_segment(actor)}/{day.isoformat() if day else 'undated'}"


def pair_iri(first: str, second: str) -> str:
    """The aggregate node of two actors (in id order)."""
    a, b = sorted((first, second))
    return f"{ID}pair/{iri_segment(a)}/{iri_segment(b)}"


def _int(value: int) -> str:
    return f'"{value}"^^<{_XSD}integer>'


def _date(value: str) -> str:
    return f'"{value}"^^<{_XSD}date>'


def strength_key(
    confidence: float | None, method: str | None, day: str | None, source_id: str, char_start: int, stance_id: str
) -> tuple:
    """Sort key of a stance as evidence, strongest first: confidence, curated before rules, most recent
    source (undated first), then reading order."""
    return (
        -(confidence or 0.0),
        0 if method == Method.CURATED.value else 1,
        "" if day is None else "".join(chr(0x10FFFF - ord(c)) for c in day),
        source_id,
        char_start,
        stance_id,
    )


def _stance_strength(stance: Stance) -> tuple:
    # The confidence as the store holds it (two decimals), so the build and the store rank alike.
    return strength_key(
        float(confidence_lexical(stance.confidence)),
        stance.method.value,
        stance.published.isoformat() if stance.published else None,
        stance.source_id,
        stance.char_start,
        stance.stance_id,
    )


class _Tally:
    """Running sums over one group of stances."""

    __slots__ = ("count", "sources", "publishers", "first", "last", "strongest")

    def __init__(self) -> None:
        self.count = 0
        self.sources: set[str] = set()
        self.publishers: set[str] = set()
        self.first: str | None = None
        self.last: str | None = None
        self.strongest: dict[Polarity | None, tuple[tuple, str]] = {}

    def add(self, stance: Stance, publisher: str | None, strength: tuple, polarity: Polarity | None = None) -> None:
        self.count += 1
        self.sources.add(stance.source_id)
        if publisher:
            self.publishers.add(publisher)
        if stance.published:
            day = stance.published.isoformat()
            self.first = day if self.first is None or day < self.first else self.first
            self.last = day if self.last is None or day > self.last else self.last
        best = self.strongest.get(polarity)
        if best is None or strength < best[0]:
            self.strongest[polarity] = (strength, stance.stance_id)

    def dates(self, node: str, end: str) -> list[str]:
        if self.first is None:
            return []
        return [f"{node} <{_SG}firstDate> {_date(self.first)}{end}", f"{node} <{_SG}lastDate> {_date(str(self.last))}{end}"]


def _stance(stance_id: str) -> str:
    return f"<{ID}stance/{stance_id}>"


def _position_head(node: str, kind: str, actor: str, issue: str, tally: _Tally, end: str) -> list[str]:
    """The lines every position node starts with: its class, actor, issue, stance and source counts."""
    return [
        f"{node} {_TYPE} <{_SG}{kind}>{end}",
        f"{node} <{_SG}positionOf> <{ID}actor/{actor}>{end}",
        f"{node} <{_SG}positionOn> <{ID}issue/{issue}>{end}",
        f"{node} <{_SG}stanceCount> {_int(tally.count)}{end}",
        f"{node} <{_SG}sourceCount> {_int(len(tally.sources))}{end}",
    ]


def aggregate_graph(articles: Iterable[Article], stances: Sequence[Stance]) -> GraphContent:
    """The aggregates graph of a build, as sorted N-Quads."""
    publisher = {a.source_id: a.publisher for a in articles}
    positions: dict[tuple[str, str], tuple[dict[Polarity, int], _Tally]] = {}
    conditionals: dict[tuple[str, str, str | None], _Tally] = {}
    days: dict[tuple[str, str, date | None], list[str]] = {}
    for s in stances:
        strength = _stance_strength(s)
        source_publisher = publisher.get(s.source_id)
        counts, tally = positions.setdefault((s.holder, s.issue), ({p: 0 for p in Polarity}, _Tally()))
        counts[s.polarity] += 1
        tally.add(s, source_publisher, strength, s.polarity)
        if s.polarity is Polarity.CONDITIONAL:
            conditionals.setdefault((s.holder, s.issue, s.condition), _Tally()).add(s, source_publisher, strength)
        days.setdefault((s.holder, s.issue, s.published), []).append(s.stance_id)
    end = f" <{AGGREGATES_GRAPH}> ."
    lines: list[str] = []
    for (actor, issue), (counts, tally) in positions.items():
        node = f"<{position_iri(actor, issue)}>"
        lines += [
            *_position_head(node, "Position", actor, issue, tally, end),
            f"{node} <{_SG}supportCount> {_int(counts[Polarity.SUPPORT])}{end}",
            f"{node} <{_SG}opposeCount> {_int(counts[Polarity.OPPOSE])}{end}",
            f"{node} <{_SG}conditionalCount> {_int(counts[Polarity.CONDITIONAL])}{end}",
            f"{node} <{_SG}publisherCount> {_int(len(tally.publishers))}{end}",
            *tally.dates(node, end),
            *(f"{node} <{_SG}{_STRONGEST[p]}> {_stance(best[1])}{end}" for p, best in tally.strongest.items() if p),
        ]
    for (actor, issue, condition), tally in conditionals.items():
        node = f"<{conditional_position_iri(actor, issue, condition)}>"
        lines += [
            *_position_head(node, "ConditionalPosition", actor, issue, tally, end),
            f"{node} <{_SG}strongestStance> {_stance(tally.strongest[None][1])}{end}",
            *tally.dates(node, end),
        ]
        if condition:
            lines.append(f"{node} <{_SG}positionCondition> <{ID}issue/{condition}>{end}")
    for (actor, issue, day), members in days.items():
        node = f"<{position_day_iri(actor, issue, day)}>"
        lines += [
            f"{node} {_TYPE} <{_SG}PositionDay>{end}",
            f"{node} <{_SG}dayOf> <{position_iri(actor, issue)}>{end}",
            f"{node} <{_SG}stanceCount> {_int(len(members))}{end}",
            *(f"{node} <{_SG}dayStance> {_stance(m)}{end}" for m in members),
        ]
        if day:
            lines.append(f"{node} <{_SG}onDate> {_date(day.isoformat())}{end}")
    actor_days: dict[tuple[str, date | None], list[tuple[str, int]]] = {}
    for (actor, issue, day), members in days.items():
        actor_days.setdefault((actor, day), []).append((issue, len(members)))
    for (actor, day), parts in actor_days.items():
        node = f"<{actor_day_iri(actor, day)}>"
        lines += [
            f"{node} {_TYPE} <{_SG}ActorDay>{end}",
            f"{node} <{_SG}positionOf> <{ID}actor/{actor}>{end}",
            f"{node} <{_SG}stanceCount> {_int(sum(n for _, n in parts))}{end}",
            *(f"{node} <{_SG}dayPart> <{position_day_iri(actor, issue, day)}>{end}" for issue, _ in parts),
        ]
        if day:
            lines.append(f"{node} <{_SG}onDate> {_date(day.isoformat())}{end}")
    lines += _pair_lines(stances, end)
    lines += _page_lines(stances, end)
    lines += [f'{_stance(s.stance_id)} <{_SG}hashPrefix> "{s.stance_id[:HASH_PREFIX_LENGTH]}"{end}' for s in stances]
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


def _page_lines(stances: Sequence[Stance], end: str) -> list[str]:
    """The stances in reading order, cut into pages of PAGE_SIZE: over the whole graph and per position."""
    order = sorted(stances, key=lambda s: reading_key(s.source_id, s.char_start, s.holder, s.issue, s.polarity.value, s.stance_id))
    lines: list[str] = []

    def page(node: str, number: int, members: list[tuple[int, Stance]], position: str | None) -> None:
        lines.extend((
            f"{node} {_TYPE} <{_SG}StancePage>{end}",
            f"{node} <{_SG}pageNumber> {_int(number)}{end}",
            f"{node} <{_SG}stanceCount> {_int(len(members))}{end}",
            f"{node} <{_SG}lastRank> {_int(members[-1][0])}{end}",
        ))
        if position:
            lines.append(f"{node} <{_SG}pageOf> <{position}>{end}")
        lines.extend(f"{node} <{_SG}pageStance> {_stance(s.stance_id)}{end}" for _, s in members)

    by_position: dict[tuple[str, str], list[tuple[int, Stance]]] = {}
    ranked = list(enumerate(order))
    for rank, s in ranked:
        by_position.setdefault((s.holder, s.issue), []).append((rank, s))
    for start in range(0, len(ranked), PAGE_SIZE):
        page(f"<{page_iri(start // PAGE_SIZE)}>", start // PAGE_SIZE, ranked[start:start + PAGE_SIZE], None)
    for (actor, issue), members in by_position.items():
        for start in range(0, len(members), PAGE_SIZE):
            number = start // PAGE_SIZE
            page(f"<{page_iri(number, actor, issue)}>", number, members[start:start + PAGE_SIZE], position_iri(actor, issue))
    return lines
