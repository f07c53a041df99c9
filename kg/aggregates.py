"""Aggregate nodes computed at build time, so common questions read a few hundred nodes instead of every stance.

- one `sg:Position` per actor and issue: stances by polarity, distinct sources and publishers,
  first and last date, and the strongest stance of each polarity;
- one `sg:ConditionalPosition` per actor, issue and condition ("no reconstruction before
  disarmament"): its stances, sources, dates and strongest stance, with that stance's quote and
  source id copied onto the node (a listing reads them with the node instead of looking up a
  stance stored far away);
- on each `sg:Position` whose actor supports its issue, `sg:supportsBefore` every condition
  some actor puts before that issue which this actor never puts first itself: the supporter's
  side of a sequencing conflict, so the conflicts query pairs a few sides instead of checking
  every supporter against every condition;
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
- `sg:TimelinePage` nodes: the stances in timeline order (date of the source, undated first,
  then source id, offset, issue, polarity, actor, stance IRI) cut into pages of `PAGE_SIZE`, so
  the canned `timeline` query run over every actor reads its first pages instead of sorting
  every stance;
- `sg:DayPage` nodes: the `sg:PositionDay` nodes in the order of the canned `timeline_days`
  query (actor id, date with undated first, issue id) cut into pages of `PAGE_SIZE`, likewise;
- the first `HASH_PREFIX_LENGTH` hex digits of every stance's hash (`sg:hashPrefix`), so a
  stance given by a shortened hash is found by one index lookup.

"Strongest" is the order the answers show evidence in: highest confidence, curated before
rules, the most recent source (undated first), then reading order (`strength_key`).

A build streams the graph (`aggregate_parts`): the sums are held, the lines that name single
stances (a day's stances, the pages, the hash prefixes: most of the graph) are made slice by
slice as the store loads them, so the graph's text is never held whole.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np

from .model import Article, Method, Polarity, Stance
from .namespaces import ID, PREFIXES, iri_segment
from .quads import GraphContent, confidence_lexical, literal

#: The named graph that holds the aggregate nodes.
AGGREGATES_GRAPH = ID + "graph/aggregates"
#: How many stances an sg:StancePage links.
PAGE_SIZE = 50
#: How many hex digits of a stance's hash sg:hashPrefix holds (the shortest hash a user may give).
HASH_PREFIX_LENGTH = 6
#: How many N-Quads lines one slice of the aggregates graph holds when a build streams it (about 15 MB).
PART_LINES = 100_000

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


def timeline_page_iri(number: int) -> str:
    """A page of the stances of the whole graph in timeline order."""
    return f"{ID}timeline/page/{number}"


def day_page_iri(number: int) -> str:
    """A page of the sg:PositionDay nodes in (actor, date, issue) order."""
    return f"{ID}days/page/{number}"


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


def _stance_strength(stance: Stance, stance_id: str) -> tuple:
    # The confidence as the store holds it (two decimals), so the build and the store rank alike.
    return strength_key(
        float(confidence_lexical(stance.confidence)),
        stance.method.value,
        stance.published.isoformat() if stance.published else None,
        stance.source_id,
        stance.char_start,
        stance_id,
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
        self.strongest: dict[Polarity | None, tuple[tuple, str, Stance]] = {}

    def add(self, stance: Stance, stance_id: str, publisher: str | None, strength: tuple, polarity: Polarity | None = None) -> None:
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
            self.strongest[polarity] = (strength, stance_id, stance)

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
    """The aggregates graph of a build as sorted N-Quads held whole (small graphs; a build streams `aggregate_parts`)."""
    lines = sorted(aggregate_lines(articles, stances))
    return GraphContent(AGGREGATES_GRAPH, "\n".join(lines) + "\n" if lines else "")


def aggregate_parts(articles: Iterable[Article], stances: Sequence[Stance], part_lines: int | None = None) -> Iterator[str]:
    """The aggregates graph as N-Quads text in slices of at most `part_lines` (default `PART_LINES`) lines,
    each made when asked for.

    The slices hold the lines of `aggregate_lines` in its order, so the same build always gives
    the same text however it is sliced; only the sums over every stance are held, never the
    graph's text.
    """
    part_lines = PART_LINES if part_lines is None else part_lines
    if part_lines < 1:
        raise ValueError("part_lines must be at least 1")
    batch: list[str] = []
    for line in aggregate_lines(articles, stances):
        batch.append(line)
        if len(batch) >= part_lines:
            yield "\n".join(batch) + "\n"
            batch = []
    if batch:
        yield "\n".join(batch) + "\n"


def aggregate_lines(articles: Iterable[Article], stances: Sequence[Stance]) -> Iterator[str]:
    """Every N-Quads line of the aggregates graph (without its newline), in a fixed order, made one by one.

    The positions, conditional positions, actor days and actor pairs are summed up first (a few
    nodes per actor, issue and day); the lines that name single stances (a day's stances, the
    pages, the hash prefixes) are written as they are asked for.
    """
    publisher = {a.source_id: a.publisher for a in articles}
    # Each stance's hash once (the property hashes the stance's key on every call).
    ids = [s.stance_id for s in stances]
    positions: dict[tuple[str, str], tuple[dict[Polarity, int], _Tally]] = {}
    conditionals: dict[tuple[str, str, str | None], _Tally] = {}
    days: dict[tuple[str, str, date | None], list[str]] = {}
    for s, stance_id in zip(stances, ids):
        strength = _stance_strength(s, stance_id)
        source_publisher = publisher.get(s.source_id)
        counts, tally = positions.setdefault((s.holder, s.issue), ({p: 0 for p in Polarity}, _Tally()))
        counts[s.polarity] += 1
        tally.add(s, stance_id, source_publisher, strength, s.polarity)
        if s.polarity is Polarity.CONDITIONAL:
            conditionals.setdefault((s.holder, s.issue, s.condition), _Tally()).add(s, stance_id, source_publisher, strength)
        days.setdefault((s.holder, s.issue, s.published), []).append(stance_id)
    del publisher
    # The conditions some actor puts before each issue.
    put_first: dict[str, set[str]] = {}
    for _, issue, condition in conditionals:
        if condition:
            put_first.setdefault(issue, set()).add(condition)
    end = f" <{AGGREGATES_GRAPH}> ."
    for (actor, issue), (counts, tally) in positions.items():
        node = f"<{position_iri(actor, issue)}>"
        yield from _position_head(node, "Position", actor, issue, tally, end)
        yield f"{node} <{_SG}supportCount> {_int(counts[Polarity.SUPPORT])}{end}"
        yield f"{node} <{_SG}opposeCount> {_int(counts[Polarity.OPPOSE])}{end}"
        yield f"{node} <{_SG}conditionalCount> {_int(counts[Polarity.CONDITIONAL])}{end}"
        yield f"{node} <{_SG}publisherCount> {_int(len(tally.publishers))}{end}"
        yield from tally.dates(node, end)
        yield from (f"{node} <{_SG}{_STRONGEST[p]}> {_stance(best[1])}{end}" for p, best in tally.strongest.items() if p)
        if counts[Polarity.SUPPORT]:
            yield from (
                f"{node} <{_SG}supportsBefore> <{ID}issue/{condition}>{end}"
                for condition in sorted(put_first.get(issue, ()))
                if (actor, issue, condition) not in conditionals
            )
    del positions
    for (actor, issue, condition), tally in conditionals.items():
        node = f"<{conditional_position_iri(actor, issue, condition)}>"
        yield from _position_head(node, "ConditionalPosition", actor, issue, tally, end)
        _, best, stance = tally.strongest[None]
        yield f"{node} <{_SG}strongestStance> {_stance(best)}{end}"
        yield f"{node} <{_SG}strongestQuote> {literal(stance.quote)}{end}"
        yield f"{node} <{_SG}strongestSourceId> {literal(stance.source_id)}{end}"
        yield from tally.dates(node, end)
        if condition:
            yield f"{node} <{_SG}positionCondition> <{ID}issue/{condition}>{end}"
    del conditionals
    actor_days: dict[tuple[str, date | None], list[tuple[str, int]]] = {}
    for (actor, issue, day), members in days.items():
        actor_days.setdefault((actor, day), []).append((issue, len(members)))
        node = f"<{position_day_iri(actor, issue, day)}>"
        yield f"{node} {_TYPE} <{_SG}PositionDay>{end}"
        yield f"{node} <{_SG}dayOf> <{position_iri(actor, issue)}>{end}"
        yield f"{node} <{_SG}stanceCount> {_int(len(members))}{end}"
        yield from (f"{node} <{_SG}dayStance> {_stance(m)}{end}" for m in members)
        if day:
            yield f"{node} <{_SG}onDate> {_date(day.isoformat())}{end}"
    yield from _day_page_lines(days, end)
    del days
    for (actor, day), parts in actor_days.items():
        node = f"<{actor_day_iri(actor, day)}>"
        yield f"{node} {_TYPE} <{_SG}ActorDay>{end}"
        yield f"{node} <{_SG}positionOf> <{ID}actor/{actor}>{end}"
        yield f"{node} <{_SG}stanceCount> {_int(sum(n for _, n in parts))}{end}"
        yield from (f"{node} <{_SG}dayPart> <{position_day_iri(actor, issue, day)}>{end}" for issue, _ in parts)
        if day:
            yield f"{node} <{_SG}onDate> {_date(day.isoformat())}{end}"
    del actor_days
    yield from _pair_lines(stances, end)
    yield from _page_lines(stances, ids, end)
    yield from _timeline_page_lines(stances, ids, end)
    for stance_id in ids:
        yield f'{_stance(stance_id)} <{_SG}hashPrefix> "{stance_id[:HASH_PREFIX_LENGTH]}"{end}'


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


def _page_head(node: str, kind: str, number: int, count: int, end: str) -> Iterator[str]:
    """The lines every page node starts with: its class, its number and how many stances it holds."""
    yield f"{node} {_TYPE} <{_SG}{kind}>{end}"
    yield f"{node} <{_SG}pageNumber> {_int(number)}{end}"
    yield f"{node} <{_SG}stanceCount> {_int(count)}{end}"


def _page_lines(stances: Sequence[Stance], ids: Sequence[str], end: str) -> Iterator[str]:
    """The stances in reading order, cut into pages of PAGE_SIZE: over the whole graph and per position.

    Only the reading order is held (one index per stance), and each position's list of ranks.
    """
    order = sorted(
        range(len(stances)),
        key=lambda k: reading_key(
            stances[k].source_id, stances[k].char_start, stances[k].holder, stances[k].issue,
            stances[k].polarity.value, ids[k],
        ),
    )

    def page(node: str, number: int, ranks: Sequence[int], position: str | None) -> Iterator[str]:
        yield from _page_head(node, "StancePage", number, len(ranks), end)
        yield f"{node} <{_SG}lastRank> {_int(ranks[-1])}{end}"
        if position:
            yield f"{node} <{_SG}pageOf> <{position}>{end}"
        for rank in ranks:
            yield f"{node} <{_SG}pageStance> {_stance(ids[order[rank]])}{end}"

    by_position: dict[tuple[str, str], list[int]] = {}
    for rank, k in enumerate(order):
        by_position.setdefault((stances[k].holder, stances[k].issue), []).append(rank)
    for start in range(0, len(order), PAGE_SIZE):
        yield from page(f"<{page_iri(start // PAGE_SIZE)}>", start // PAGE_SIZE, range(start, min(start + PAGE_SIZE, len(order))), None)
    for (actor, issue), ranks in by_position.items():
        for start in range(0, len(ranks), PAGE_SIZE):
            number = start // PAGE_SIZE
            yield from page(f"<{page_iri(number, actor, issue)}>", number, ranks[start:start + PAGE_SIZE], position_iri(actor, issue))


def _timeline_page_lines(stances: Sequence[Stance], ids: Sequence[str], end: str) -> Iterator[str]:
    """The stances in timeline order (date, undated first; source id, offset, issue, polarity, actor,
    stance IRI), cut into pages of PAGE_SIZE. Only the order is held (one index per stance)."""
    order = sorted(
        range(len(stances)),
        key=lambda k: (
            stances[k].published.isoformat() if stances[k].published else "", stances[k].source_id,
            stances[k].char_start, stances[k].issue, stances[k].polarity.value, stances[k].holder, ids[k],
        ),
    )
    for start in range(0, len(order), PAGE_SIZE):
        node = f"<{timeline_page_iri(start // PAGE_SIZE)}>"
        members = order[start:start + PAGE_SIZE]
        yield from _page_head(node, "TimelinePage", start // PAGE_SIZE, len(members), end)
        for k in members:
            yield f"{node} <{_SG}timelineStance> {_stance(ids[k])}{end}"


def _day_page_lines(days: Mapping[tuple[str, str, date | None], Sequence[str]], end: str) -> Iterator[str]:
    """The sg:PositionDay nodes in (actor, date, issue) order, undated first, cut into pages of PAGE_SIZE;
    each page counts the stances of its days."""
    order = sorted(days, key=lambda key: (key[0], key[2].isoformat() if key[2] else "", key[1]))
    for start in range(0, len(order), PAGE_SIZE):
        node = f"<{day_page_iri(start // PAGE_SIZE)}>"
        members = order[start:start + PAGE_SIZE]
        yield from _page_head(node, "DayPage", start // PAGE_SIZE, sum(len(days[key]) for key in members), end)
        for actor, issue, day in members:
            yield f"{node} <{_SG}pageDay> <{position_day_iri(actor, issue, day)}>{end}"
