"""Answers to an analyst's questions (stances, positions, conflicts, coalitions, conditions,
timelines, provenance), each computed from a canned `.rq` query with the user's values bound.

Every function takes an open store (see `kg.store.open_store`) and returns an `Answer`: named
columns and typed rows, printable as a table, CSV, TSV or JSON (`format_answer`), or usable
directly from a notebook (`Answer.records()`). Actor and issue names go through `Vocabulary`,
which knows ids, labels and aliases from the built graph; values reach SPARQL only through
`kg.queries.bind_values`, never as query text.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

import pyoxigraph

from .errors import StanceGraphError, UnknownValueError
from .namespaces import ACTOR, ISSUE, SG, STANCE, XSD
from .queries import bind_values, canned_query, run_query, scan_query, with_limit, without_order

ANSWER_FORMATS = ("table", "csv", "tsv", "json")
#: How many rows a listing (`stances`, `timeline`, `conflicts`, `conditions`) shows unless asked
#: for another number (0: all): a page a person reads, whatever the size of the graph.
DEFAULT_LIMIT = 100
POLARITY_NAMES = ("support", "oppose", "conditional")
#: A stance given by hash may be shortened to this many hex digits, as long as it stays unique.
MIN_HASH_PREFIX = 6  # kg.aggregates.HASH_PREFIX_LENGTH: the index of shortened hashes holds this many


class AnswerError(StanceGraphError):
    """A question cannot be answered as asked (a bad date, an unknown or ambiguous stance)."""


class UnknownNameError(AnswerError, UnknownValueError):
    """An actor or issue name matches nothing the graph knows."""


# --- answers and their formats ------------------------------------------------------------------


@dataclass(frozen=True)
class Cut:
    """A listing stopped at its limit: the rows it shows, how many match in all (None when the
    graph cannot say without reading them all), and what the rows are (\"stances\")."""

    shown: int
    total: int | None
    noun: str

    def message(self, written: bool = False) -> str:
        """One line saying how many rows are left out and how to get them (`written`: for a file, not the screen)."""
        verb = "writes" if written else "shows"
        how = f"--limit N {verb} N, --limit 0 {verb} all"
        if self.total is None:
            return f"the first {self.shown:,} {self.noun}{' written' if written else ''}; more match: {how}"
        more = self.total - self.shown
        return f"{self.shown:,} of {self.total:,} {self.noun}{' written' if written else ''}; {more:,} more: {how}"


@dataclass
class Answer:
    """Named columns and rows of plain values (str, int, float or None), ready to print or use.

    `apart` holds rows the table shows under their own heading (a timeline's undated
    statements); CSV, TSV and JSON put them after the others. A `record` answer (provenance)
    has the columns `field` and `value` and prints as one JSON object. `cut` says that a
    limit left rows out (and how many, when known).
    """

    columns: list[str]
    rows: list[tuple[Any, ...]]
    apart: list[tuple[Any, ...]] = field(default_factory=list)
    apart_title: str = ""
    record: bool = False
    empty_message: str = "no rows"
    cut: Cut | None = None

    @property
    def note(self) -> str:
        """What the table says under its rows when a limit left some out ("" when none were)."""
        return self.cut.message() if self.cut else ""

    def records(self) -> list[dict[str, Any]]:
        """Every row (then the rows apart) as a dict keyed by column name."""
        return [dict(zip(self.columns, row)) for row in [*self.rows, *self.apart]]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _visible(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as escapes, never interpreted."""
    return _CONTROL.sub(lambda m: {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def _plain(value: Any) -> str:
    """A value in CSV or TSV: full precision, empty for missing."""
    return "" if value is None else str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if value != int(value) or abs(value) < 1 else f"{value:g}"
    return str(value)


def _text_table(columns: Sequence[str], rows: Sequence[tuple[Any, ...]], max_width: int) -> list[str]:
    cells = [[_visible(_cell(v)) for v in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "\u2026" for c in row] for row in cells]
    widths = [len(c) for c in columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    return [line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]


def format_answer(answer: Answer, fmt: str = "table", max_width: int = 60) -> str:
    """The answer as an aligned table, CSV (RFC 4180), TSV (tabs and newlines escaped) or JSON."""
    if fmt not in ANSWER_FORMATS:
        raise AnswerError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(ANSWER_FORMATS)}")
    rows = [*answer.rows, *answer.apart]
    if fmt == "json":
        if answer.record:
            return json.dumps({r[0]: r[1] for r in answer.rows}, ensure_ascii=False, indent=1) + "\n"
        return json.dumps(answer.records(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(answer.columns)
        writer.writerows([_plain(v) for v in row] for row in rows)
        return buffer.getvalue()
    if fmt == "tsv":
        def escape(value: Any) -> str:
            return _plain(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")

        lines = ["\t".join(answer.columns), *("\t".join(escape(v) for v in row) for row in rows)]
        return "\n".join(lines) + "\n"
    if answer.record:
        width = max(len(r[0]) for r in answer.rows)
        return "".join(f"{r[0].ljust(width)}  {_visible(_cell(r[1]))}\n" for r in answer.rows)
    if not rows:
        return answer.empty_message + "\n"
    out = _text_table(answer.columns, answer.rows, max_width) if answer.rows else []
    if answer.apart:
        out += (["", f"{answer.apart_title}:"] if out else [f"{answer.apart_title}:"])
        out += _text_table(answer.columns, answer.apart, max_width)
    count = len(rows)
    out.append(f"({answer.note})" if answer.cut else f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(out) + "\n"


# --- names the user types -> ids ----------------------------------------------------------------


def _key(name: str) -> str:
    """How names are compared: case, spacing, curly apostrophes and a leading "the" do not matter."""
    text = re.sub(r"\s+", " ", name.strip().replace("\u2019", "'")).casefold()
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class Vocabulary:
    """The actor and issue ids of the built graph, with every name (label, alias, spokesperson) that points to one."""

    actors: Mapping[str, str]
    issues: Mapping[str, str]
    actor_names: Mapping[str, frozenset[str]]
    issue_names: Mapping[str, frozenset[str]]

    def actor(self, name: str) -> str:
        """The actor id a name means: an id, label or alias, or a person who speaks for the actor."""
        return self._resolve("actor", name, self.actors, self.actor_names)

    def issue(self, name: str) -> str:
        """The issue id a name means: an id, label or alias of the issue."""
        return self._resolve("issue", name, self.issues, self.issue_names)

    @staticmethod
    def _resolve(kind: str, name: str, ids: Mapping[str, str], names: Mapping[str, frozenset[str]]) -> str:
        if name in ids:
            return name
        found = names.get(_key(name), frozenset())
        if len(found) == 1:
            return next(iter(found))
        known = ", ".join(sorted(ids))
        if len(found) > 1:
            raise UnknownNameError(
                f"{kind} name {name!r} is ambiguous: it names {', '.join(sorted(found))}",
                hint=f"use an id: {known}",
            )
        close = difflib.get_close_matches(_key(name), list(names), n=1, cutoff=0.6)
        suggestion = sorted(names[close[0]])[0] if close else None
        message = f"unknown {kind} {name!r}" + (f"; did you mean {suggestion!r}?" if suggestion else "")
        raise UnknownNameError(message, hint=f"known {kind}s: {known}")


def _local(value: str, namespace: str) -> str:
    return value[len(namespace):] if value.startswith(namespace) else value


def vocabulary_from_store(store: pyoxigraph.Store) -> Vocabulary:
    """The vocabulary of a built graph, read with the canned `catalog` query (ontology graph)."""
    result = run_query(store, canned_query("catalog"))
    actors: dict[str, str] = {}
    issues: dict[str, str] = {}
    represents: dict[str, str] = {}
    actor_names: dict[str, set[str]] = {}
    issue_names: dict[str, set[str]] = {}
    persons: dict[str, set[str]] = {}
    for row in result.rows:
        r = {name: (t.value if t is not None else None) for name, t in zip(result.variables, row)}
        if r["kind"] == "actor":
            thing = _local(r["thing"], str(ACTOR))
            if r["represents"]:
                represents[thing] = _local(r["represents"], str(ACTOR))
            names = persons.setdefault(thing, {thing})
            if r["label"]:
                actors.setdefault(thing, r["label"]) if not r["represents"] else None
                names.add(r["label"])
            if r["alias"]:
                names.add(r["alias"])
            actors.setdefault(thing, thing) if not r["represents"] else None
        else:
            thing = _local(r["thing"], str(ISSUE))
            issues.setdefault(thing, r["label"] or thing)
            for name in (thing, r["label"], r["alias"]):
                if name:
                    issue_names.setdefault(_key(name), set()).add(thing)
    for thing in list(actors):
        if thing in represents:
            del actors[thing]
    for thing, names in persons.items():
        target = represents.get(thing, thing)
        if target not in actors:
            continue
        for name in names:
            actor_names.setdefault(_key(name), set()).add(target)
    return Vocabulary(
        actors=dict(sorted(actors.items())),
        issues=dict(sorted(issues.items())),
        actor_names={k: frozenset(v) for k, v in actor_names.items()},
        issue_names={k: frozenset(v) for k, v in issue_names.items()},
    )


# --- running the canned queries -----------------------------------------------------------------


_ID_NAMESPACES = (str(ACTOR), str(ISSUE), str(STANCE))
_SG_NAMESPACE = str(SG)
_INTEGER = str(XSD.integer)
_NUMBERS = frozenset((str(XSD.decimal), str(XSD.double), str(XSD.float)))
_POLARITY_CLASSES = frozenset(("Support", "Oppose", "Conditional"))


def _value(term: Any) -> Any:
    """A query term as a plain value: ids for our IRIs, ints and floats for numbers, text otherwise."""
    if term is None:
        return None
    kind = type(term)
    if kind is pyoxigraph.NamedNode:
        return _iri_value(term.value)
    if kind is pyoxigraph.Literal:
        datatype = term.datatype.value
        if datatype == _INTEGER:
            return int(term.value)
        if datatype in _NUMBERS:
            return float(term.value)
        return term.value
    return str(term)


@lru_cache(maxsize=8192)
def _iri_value(iri: str) -> str:
    """An IRI as a plain value (the same few actor, issue and class IRIs come back in every row)."""
    for namespace in _ID_NAMESPACES:
        if iri.startswith(namespace):
            return iri[len(namespace):]
    if iri.startswith(_SG_NAMESPACE):
        name = iri[len(_SG_NAMESPACE):]
        return name.lower() if name in _POLARITY_CLASSES else name
    return iri


@lru_cache(maxsize=None)
def _query(name: str) -> str:
    """A canned query's text, read once per process."""
    return canned_query(name)


def _ask(
    store: pyoxigraph.Store,
    name: str,
    values: Mapping[str, Sequence[Any]] | None = None,
    limit: int | None = None,
    order: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Rows of a canned query with values bound, as dicts of plain values (at most `limit` rows when it is given).

    With `order` (the query's ORDER BY variables, `-name` for DESC), the rows are sorted here
    instead of in the store, the same way: unbound values first, then by value.
    """
    text = _query(name)
    if limit is not None:
        text = with_limit(text, limit)
    if order is not None:
        text = without_order(text)
    result = run_query(store, bind_values(text, values or {}))
    rows = [{v: _value(t) for v, t in zip(result.variables, row)} for row in result.rows]
    return _sorted(rows, order or ())


def _sorted(rows: list[dict[str, Any]], order: Sequence[str]) -> list[dict[str, Any]]:
    """Rows sorted as SPARQL's ORDER BY sorts them on `order` (`-name` for DESC): unbound values first, then by value."""
    runs: list[tuple[bool, list[str]]] = []  # neighbouring keys of one direction sort in one pass
    for variable in order:
        descending = variable.startswith("-")
        if runs and runs[-1][0] == descending:
            runs[-1][1].append(variable.lstrip("-"))
        else:
            runs.append((descending, [variable.lstrip("-")]))
    for descending, names in reversed(runs):
        rows.sort(key=lambda r: tuple((r[n] is not None, r[n] if r[n] is not None else "") for n in names), reverse=descending)
    return rows


def _actor_terms(ids: Iterable[str]) -> list[pyoxigraph.NamedNode]:
    return [pyoxigraph.NamedNode(str(ACTOR) + i) for i in sorted(set(ids))]


def _issue_terms(ids: Iterable[str]) -> list[pyoxigraph.NamedNode]:
    return [pyoxigraph.NamedNode(str(ISSUE) + i) for i in sorted(set(ids))]


def _date_term(value: date | str | None, what: str) -> list[pyoxigraph.Literal]:
    if value is None:
        return []
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise AnswerError(f"{what} {value!r} is not a date", hint="write dates as YYYY-MM-DD") from None
    return [pyoxigraph.Literal(value.isoformat(), datatype=pyoxigraph.NamedNode(str(XSD.date)))]


def _polarity_terms(polarities: Iterable[str]) -> list[pyoxigraph.NamedNode]:
    out = []
    for polarity in polarities:
        if polarity not in POLARITY_NAMES:
            raise AnswerError(f"unknown polarity {polarity!r}", hint=f"choose one of {', '.join(POLARITY_NAMES)}")
        out.append(pyoxigraph.NamedNode(str(SG) + polarity.capitalize()))
    return out


class _VocabularyOnDemand:
    """The store's vocabulary, read the first time a name must be resolved: a question asked
    without names (`kg positions`) never reads the catalog."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self._store = store
        self._vocabulary: Vocabulary | None = None

    def _loaded(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = vocabulary_from_store(self._store)
        return self._vocabulary

    def _known_id(self, kind: str, namespace: str, name: str) -> str | None:
        """`name` when it is the id of an actor (who speaks for nobody else) or an issue, read
        from that one entry of the vocabulary; None when the whole vocabulary must decide."""
        if self._vocabulary is not None or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
            return None
        rows = _ask(self._store, "vocabulary_entry", {"thing": [pyoxigraph.NamedNode(namespace + name)]})
        if rows and all(r["kind"] == kind and r["represents"] is None for r in rows):
            return name
        return None

    def actor(self, name: str) -> str:
        return self._known_id("actor", str(ACTOR), name) or self._loaded().actor(name)

    def issue(self, name: str) -> str:
        return self._known_id("issue", str(ISSUE), name) or self._loaded().issue(name)


def _resolved(vocabulary: Vocabulary | None, store: pyoxigraph.Store) -> Vocabulary | _VocabularyOnDemand:
    return vocabulary if vocabulary is not None else _VocabularyOnDemand(store)


def _method(row: Mapping[str, Any]) -> str:
    """How a stance was found, in one cell: the rule's id, or "curated"."""
    if row.get("method") == "CuratedAnnotation":
        return "curated"
    return row.get("rule") or "rule"


# --- the questions ------------------------------------------------------------------------------


def _checked_limit(limit: int | None) -> int:
    if limit is None:
        return 0
    if limit < 0:
        raise AnswerError(f"limit {limit} is negative", hint="give a number of rows, or 0 for all")
    return limit


def _source_terms(ids: Iterable[str]) -> list[pyoxigraph.NamedNode]:
    from .quads import source_iri

    return [pyoxigraph.NamedNode(source_iri(i)) for i in sorted(set(ids))]


def stances(
    store: pyoxigraph.Store,
    actors: Sequence[str] = (),
    issues: Sequence[str] = (),
    polarity: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    vocabulary: Vocabulary | None = None,
    sources: Sequence[str] = (),
    limit: int | None = DEFAULT_LIMIT,
) -> Answer:
    """The stances matching the filters, with their evidence, in reading order (source id, offset, actor, issue, polarity).

    At most `limit` rows (None or 0: all); `sources` are source ids (file stems). A limited
    listing without sources reads the first pages of the stances in reading order (sg:StancePage:
    of the positions asked for, or of the whole graph), or the days of a short date range
    (sg:PositionDay), rather than every stance that matches; the aggregates say how many match.
    The stances of some sources, and every stance (`limit` 0), are read with the scanning query
    (`kg/sparql/scan/stances.rq`).
    """
    limit = _checked_limit(limit)
    vocab = _resolved(vocabulary, store)
    values = {
        "holder": _actor_terms(vocab.actor(a) for a in actors),
        "issue": _issue_terms(vocab.issue(i) for i in issues),
        "polarity": _polarity_terms([polarity] if polarity else []),
        "source": _source_terms(sources),
        "since": _date_term(since, "since"),
        "until": _date_term(until, "until"),
    }
    listed = _listing(store, values, limit + 1) if limit and not sources else None
    if listed is None:
        rows, total = _scanned_stances(store, values, 0 if sources else limit), None
        if sources or len(rows) <= limit:
            total = len(rows)
    else:
        rows, total = listed
    if limit:
        rows = rows[:limit]
    columns = ["actor", "issue", "polarity", "condition", "quote", "source", "publisher", "date", "method", "stance"]
    out = [
        (r["holder"], r["issue"], r["polarity"], r["condition"], r["quote"], r["sourceId"], r["publisher"], r["date"], _method(r), r["stance"])
        for r in rows
    ]
    if listed is not None and total is None and len(listed[0]) <= limit:
        total = len(out)
    return Answer(columns, out, empty_message="no stances match", cut=_cut(len(out), total, limit, "stances"))


def _scanned_stances(store: pyoxigraph.Store, values: Mapping[str, list[Any]], limit: int) -> list[dict[str, Any]]:
    """The stances matching `values` read by the scanning query, sorted by the store (the first `limit` + 1; 0: all)."""
    text = with_limit(scan_query("stances"), limit + 1 if limit else None)
    result = run_query(store, bind_values(text, values))
    return [{v: _value(t) for v, t in zip(result.variables, row)} for row in result.rows]


def _reading_order(row: Mapping[str, Any]) -> tuple:
    from .aggregates import reading_key

    return reading_key(row["sourceId"], row["charStart"], row["holder"], row["issue"], row["polarity"], row["stance"])


# How many store lookups one stance costs, read as a key from a page or day (listing_keys), as a
# row, or merely checked against a filter on the way; and one day node (listing_days).
_KEY_COST, _ROW_COST, _LINK_COST, _DAY_COST = 5, 12, 3, 5


def _listing(
    store: pyoxigraph.Store, values: Mapping[str, list[Any]], wanted: int
) -> tuple[list[dict[str, Any]], int | None] | None:
    """The first `wanted` stances matching `values` in reading order, and how many match in all
    (None when the aggregates cannot say), read from the pages or days the build wrote (None when
    the graph has none, as one written by another tool)."""
    if values["since"] or values["until"]:
        counts = _ask(store, "positions", {"actor": values["holder"], "issue": values["issue"]}, order=[])
    else:
        counts = _ask(store, "listing_counts", {"holder": values["holder"], "issue": values["issue"]}, order=[])
    if not counts:
        return ([], 0) if _has_pages(store) else None
    polarity = _value(values["polarity"][0]) if values["polarity"] else None
    in_scope = sum(c["statements"] for c in counts)
    matching = sum(c[polarity] for c in counts) if polarity else in_scope
    since = date.fromisoformat(values["since"][0].value) if values["since"] else None
    until = date.fromisoformat(values["until"][0].value) if values["until"] else None
    if not matching:
        return [], 0
    if since is None and until is None:
        paged = _paged(store, values, wanted, counts, matching / in_scope)
        return None if paged is None else (paged, matching)
    dated = [c for c in counts if c["first"] is not None]
    if not dated:
        return [], 0
    first = max(since or date.min, min(date.fromisoformat(c["first"]) for c in dated))
    last = min(until or date.max, max(date.fromisoformat(c["last"]) for c in dated))
    if first > last:
        return [], 0
    # The stances dated in the range, supposing each position's spread evenly over its dates.
    expected = 0.0
    for c in dated:
        start, end = date.fromisoformat(c["first"]), date.fromisoformat(c["last"])
        overlap = (min(end, last) - max(start, first)).days + 1
        if overlap > 0:
            expected += (c[polarity] if polarity else c["statements"]) * overlap / ((end - start).days + 1)
    fraction = max(expected, 1.0) / in_scope
    days = (last - first).days + 1
    by_day = days * len(counts) * _DAY_COST + expected * _KEY_COST
    by_page = min(wanted / fraction, in_scope) * _LINK_COST
    if days <= 366 and by_day < by_page:
        dates = [first + timedelta(days=n) for n in range(days)]
        if values["holder"] or values["issue"]:
            return _by_day(store, values, wanted, dates)
        return _by_source(store, values, wanted, dates), None
    paged = _paged(store, values, wanted, counts, fraction)
    return None if paged is None else (paged, None)


def _has_pages(store: pyoxigraph.Store) -> bool:
    result = run_query(store, "ASK { ?page a sg:StancePage }")
    return bool(result.boolean)


def _passes(values: Mapping[str, list[Any]]) -> Callable[[Mapping[str, Any]], bool]:
    """Whether a row read from pages or days passes the polarity and date filters (checked here: bound
    in the query, values that no triple pattern uses make some engines read far more)."""
    polarities = {_value(t) for t in values["polarity"]}
    since = values["since"][0].value if values["since"] else None
    until = values["until"][0].value if values["until"] else None

    def passes(row: Mapping[str, Any]) -> bool:
        if polarities and row["polarity"] not in polarities:
            return False
        day = row["date"]
        if (since or until) and day is None:
            return False
        return (since is None or day >= since) and (until is None or day <= until)

    return passes


def _paged(
    store: pyoxigraph.Store, values: Mapping[str, list[Any]], wanted: int, counts: Sequence[Mapping[str, Any]], fraction: float
) -> list[dict[str, Any]] | None:
    """The first `wanted` matching stances in reading order, read from the stance pages; `fraction`
    is the share of the stances of `counts` (the positions asked for) expected to pass the filters.

    One stream of pages (the whole graph, or one position) is read page after page with its
    rows. Several positions' pages merge by the rank of their last stance: taking pages in that
    order until they hold enough stances, every stance that ranks before the last page taken is
    in a page taken or in the next page of its own position, so those pages hold the first rows;
    only the reading keys of their stances are read, then the rows of the first ones. When the
    filters keep fewer stances than expected, more pages are read (each page once). None when
    the graph has no pages.
    """
    from .aggregates import PAGE_SIZE, page_iri

    by_position = bool(values["holder"] or values["issue"])
    # One stream is read row by row; several positions' streams, or one position's with a date range
    # (whose stances a row would be read for only to be dropped), are read by their keys first.
    single = not by_position or (len(counts) == 1 and not (values["since"] or values["until"]))
    passes = _passes(values)
    # Filters keep about `fraction` of the stances: read a little more than that many pages' worth.
    need = wanted if fraction >= 1 else min(int(wanted / max(fraction, 1e-9) * 1.2) + 1, sum(c["statements"] for c in counts))
    read: dict[str, list[dict[str, Any]]] = {}
    while True:
        numbers = range(-(-need // PAGE_SIZE) + 1)
        if by_position:
            number_terms = [pyoxigraph.Literal(str(n), datatype=pyoxigraph.NamedNode(str(XSD.integer))) for n in numbers]
            pages = _ask(store, "stance_pages", {"holder": values["holder"], "issue": values["issue"], "number": number_terms}, limit=0, order=[])
        else:
            pages = _ask(store, "listing_pages", {"page": [pyoxigraph.NamedNode(page_iri(n)) for n in numbers]}, limit=0, order=[])
            for page in pages:
                page["position"] = page["holder"] = page["issue"] = None
        if not pages and not read:
            return None if not _has_pages(store) else []
        pages.sort(key=lambda p: p["lastRank"])
        taken, held, last_taken = set(), 0, {}
        for page in pages:
            if held >= need:
                break
            taken.add(page["page"])
            held += page["statements"]
            last_taken[page["position"]] = page["number"]
        wanted_pages = set(taken)
        if not single:
            following = {(p["position"], p["number"]): p["page"] for p in pages}
            for position in {p["position"] for p in pages}:
                nxt = following.get((position, last_taken.get(position, -1) + 1))
                if nxt:
                    wanted_pages.add(nxt)
        new = sorted(wanted_pages - read.keys())
        if new:
            bound = {"page": [pyoxigraph.NamedNode(p) for p in new]}
            found = [r for r in _ask(store, "page_stances" if single else "listing_keys", bound, limit=0) if passes(r)]
            if not single:
                meta = {p["page"]: p for p in pages}
                for row in found:
                    row["holder"], row["issue"] = meta[row["page"]]["holder"], meta[row["page"]]["issue"]
            read.update((p, []) for p in new)
            for row in found:
                read[row["page"]].append(row)
        kept = sum(len(read[p]) for p in taken)
        if held < need or kept >= wanted:
            break
        # Read on: enough pages for what the filters kept of these (at least twice as many).
        need = max(2 * need, -(-wanted * held // max(kept, 1)) * 5 // 4)
    rows = sorted((row for p in wanted_pages for row in read[p]), key=_reading_order)[:wanted]
    return rows if single else _rows_of(store, rows)


def _by_day(store: pyoxigraph.Store, values: Mapping[str, list[Any]], wanted: int, days: Sequence[date]) -> tuple[list[dict[str, Any]], int]:
    """The first `wanted` matching stances in reading order, and how many match, read from the
    stances of the position days (sg:PositionDay) of `days`: for a short range of a long record."""
    day_terms = [pyoxigraph.Literal(d.isoformat(), datatype=pyoxigraph.NamedNode(str(XSD.date))) for d in days]
    found = _ask(store, "listing_days", {"date": day_terms, "holder": values["holder"], "issue": values["issue"]}, limit=0)
    if not found:
        return [], 0
    passes = _passes(values)
    keys = [r for r in _ask(store, "listing_keys", {"page": [pyoxigraph.NamedNode(d["day"]) for d in found]}, limit=0) if passes(r)]
    meta = {d["day"]: d for d in found}
    for row in keys:
        row["holder"], row["issue"] = meta[row["page"]]["holder"], meta[row["page"]]["issue"]
    keys.sort(key=_reading_order)
    return _rows_of(store, keys[:wanted]), len(keys)


def _by_source(store: pyoxigraph.Store, values: Mapping[str, list[Any]], wanted: int, days: Sequence[date]) -> list[dict[str, Any]]:
    """The first `wanted` matching stances in reading order, read from the sources published on
    `days` (canned query `dated_sources`) in id order, a few sources at a time, until the stances
    that pass the filters are enough: for a short range of a long record over every actor."""
    day_terms = [pyoxigraph.Literal(d.isoformat(), datatype=pyoxigraph.NamedNode(str(XSD.date))) for d in days]
    sources = sorted(_ask(store, "dated_sources", {"date": day_terms}, limit=0), key=lambda r: r["sourceId"])
    passes = _passes(values)
    kept: list[dict[str, Any]] = []
    step, done = 8, 0
    while done < len(sources) and len(kept) < wanted:
        chunk = sources[done:done + step]
        done += len(chunk)
        ids = {r["source"]: r["sourceId"] for r in chunk}
        for row in _ask(store, "source_keys", {"source": [pyoxigraph.NamedNode(i) for i in ids]}, limit=0):
            row["sourceId"] = ids[row["source"]]
            if passes(row):
                kept.append(row)
        # Read whole sources: every stance of a later source comes after these in reading order.
        step = min(2 * step, 512)
    kept.sort(key=_reading_order)
    return _rows_of(store, kept[:wanted])


def _rows_of(store: pyoxigraph.Store, keys: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows `kg stances` shows of some stances (canned query `stance_rows`), in the order of `keys`."""
    if not keys:
        return []
    rows = {r["stance"]: r for r in _ask(store, "stance_rows", {"stance": [pyoxigraph.NamedNode(str(STANCE) + k["stance"]) for k in keys]}, limit=0)}
    return [rows[k["stance"]] for k in keys if k["stance"] in rows]


def positions(
    store: pyoxigraph.Store,
    issues: Sequence[str] = (),
    actors: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> Answer:
    """One row per actor and issue: net position, counts per polarity, distinct sources and publishers, first and last date."""
    vocab = _resolved(vocabulary, store)
    rows = _ask(
        store,
        "positions",
        {"actor": _actor_terms(vocab.actor(a) for a in actors), "issue": _issue_terms(vocab.issue(i) for i in issues)},
        order=["actor", "issue"],
    )
    columns = ["actor", "issue", "position", "support", "oppose", "conditional", "statements", "sources", "publishers", "first", "last"]
    return Answer(columns, [tuple(r[c] for c in columns) for r in rows], empty_message="no positions match")


#: How `conflicts` can order its rows: as the canned query does, or the best attested first.
CONFLICT_ORDERS = ("issue", "evidence")


def conflicts(
    store: pyoxigraph.Store,
    issues: Sequence[str] = (),
    actors: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
    limit: int | None = None,
    order: str = "issue",
    min_statements: int = 1,
) -> Answer:
    """Actor pairs on opposite sides of an issue (the rows of canned query `conflicts`), with the strongest quote on each side.

    `opposite`: one supports the issue (with or without a condition), the other opposes it.
    `sequencing`: one accepts it only after a condition, the other supports it without one and
    never states that condition itself.
    The pairs are made here from each actor's sides (canned query `sides`: a few rows per actor
    and issue), so the store never writes out a side's quote once per actor it meets; at most
    `limit` rows are kept (None or 0: all), and only their quotes are read.
    `order` "issue" sorts as the canned query does (issue, kind, actor, other); "evidence" puts
    first the pairs whose weaker side has the most statements (a conflict is only as well attested
    as its weaker side), so over many articles a stray statement on one side does not fill the
    first page. `min_statements` keeps the pairs with at least that many statements on each side.
    """
    limit = _checked_limit(limit)
    if order not in CONFLICT_ORDERS:
        raise AnswerError(f"unknown order {order!r}; one of: " + ", ".join(CONFLICT_ORDERS))
    if min_statements < 1:
        raise AnswerError(f"the fewest statements a side may have must be at least 1, got {min_statements}")
    vocab = _resolved(vocabulary, store)
    parties = set(vocab.actor(a) for a in actors)
    sides = _ask(store, "sides", {"issue": _issue_terms(vocab.issue(i) for i in issues)}, order=[])
    rows = [r for r in _pairs(sides, parties) if min(r[7], r[8]) >= min_statements]
    # As conflicts.rq orders them: ORDER BY ?issue ?kind ?actor ?other ?condition DESC(?actorPosition).
    rows.sort(key=lambda r: r[3], reverse=True)
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[4], r[6] is not None, r[6] or ""))
    if order == "evidence":
        rows.sort(key=lambda r: (-min(r[7], r[8]), -max(r[7], r[8])))
    total = len(rows)
    if limit:
        rows = rows[:limit]
    evidence = _evidence(store, {r[i] for r in rows for i in (13, 14)})
    rows = [(*r[:9], *evidence[r[13]], *evidence[r[14]], r[13], r[14]) for r in rows]
    columns = [
        "issue", "kind", "actor", "actor_position", "other", "other_position", "condition",
        "actor_statements", "other_statements", "actor_quote", "actor_source", "other_quote", "other_source",
        "actor_stance", "other_stance",
    ]
    return Answer(columns, rows, empty_message="no conflicts found", cut=_cut(len(rows), total, limit, "conflicts"))


def _evidence(store: pyoxigraph.Store, stances: Iterable[str]) -> dict[str, tuple[Any, Any]]:
    """The quote and source id of each stance (by hash), read in one query (canned query `stance_evidence`)."""
    wanted = sorted(set(stances))
    if not wanted:
        return {}
    rows = _ask(store, "stance_evidence", {"stance": [pyoxigraph.NamedNode(str(STANCE) + h) for h in wanted]}, limit=0)
    found = {r["stance"]: (r["quote"], r["sourceId"]) for r in rows}
    return {h: found.get(h, (None, None)) for h in wanted}


def _cut(shown: int, total: int | None, limit: int, noun: str) -> Cut | None:
    """The cut a limit made, or None when every row is shown."""
    if not limit or (total is not None and total <= shown):
        return None
    return Cut(shown, total, noun)


def _pairs(sides: Sequence[Mapping[str, Any]], parties: set[str]) -> list[tuple[Any, ...]]:
    """The conflicts among the sides (canned query `sides`), as `conflicts.rq` defines them, keeping
    the pairs where one of `parties` is on either side (all when empty): rows in the columns of
    `conflicts`, quotes and sources left empty (None)."""
    by_issue: dict[str, dict[str, list[Mapping[str, Any]]]] = {}
    for side in sides:
        kind = "conditioned" if side["condition"] is not None else side["polarity"]
        by_issue.setdefault(side["issue"], {}).setdefault(kind, []).append(side)
    rows: list[tuple[Any, ...]] = []

    def add(kind: str, first: Mapping[str, Any], second: Mapping[str, Any], condition: str | None) -> None:
        if first["actor"] == second["actor"] or (parties and first["actor"] not in parties and second["actor"] not in parties):
            return
        rows.append((
            first["issue"], kind, first["actor"], first["polarity"], second["actor"], second["polarity"], condition,
            first["statements"], second["statements"], None, None, None, None, first["stance"], second["stance"],
        ))

    for kinds in by_issue.values():
        for first in kinds.get("support", []) + kinds.get("conditional", []):
            for second in kinds.get("oppose", []):
                add("opposite", first, second, None)
        stated = {(side["actor"], side["condition"]) for side in kinds.get("conditioned", [])}
        for first in kinds.get("conditioned", []):
            for second in kinds.get("support", []):
                if (second["actor"], first["condition"]) not in stated:
                    add("sequencing", first, second, first["condition"])
    return rows


def conditions(
    store: pyoxigraph.Store,
    actors: Sequence[str] = (),
    issues: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
    limit: int | None = None,
) -> Answer:
    """The sequencing graph: for whom must what come first (canned query `conditions`), with the strongest statement.

    The conditional positions are listed and ordered first (canned query `condition_keys`), and
    only the first `limit` of them (None or 0: all) are read with their counts and quote.
    """
    limit = _checked_limit(limit)
    vocab = _resolved(vocabulary, store)
    values = {"actor": _actor_terms(vocab.actor(a) for a in actors), "issue": _issue_terms(vocab.issue(i) for i in issues)}
    order = ["issue", "condition", "actor"]
    keys = _ask(store, "condition_keys", values, order=order)
    total = len(keys)
    shown = keys[:limit] if limit else keys
    rows = _ask(store, "conditions", {"node": [pyoxigraph.NamedNode(k["node"]) for k in shown]}, order=order) if shown else []
    columns = ["issue", "requires", "actor", "statements", "sources", "first", "last", "quote", "source", "stance"]
    names = ["issue", "condition", "actor", "statements", "sources", "first", "last", "quote", "sourceId", "stance"]
    return Answer(
        columns, [tuple(r[n] for n in names) for r in rows], empty_message="no conditional stances found",
        cut=_cut(len(rows), total, limit, "conditions"),
    )


class PositionRecord(NamedTuple):
    """An actor's polarity (and condition) on an issue, as the network projections read it."""

    holder: str
    issue: str
    polarity: str
    condition: str | None = None
    count: int = 1


def coalitions(
    store: pyoxigraph.Store,
    issues: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> Answer:
    """Groups of actors that share positions: communities of the congruence network (canned query `coalitions`).

    Communities maximise modularity (networkx's greedy algorithm, deterministic) on congruence
    ties weighted by the number of issues two actors agree on; actors who agree with nobody
    form no coalition. Each group lists the issues that bind it: positions held by at least two
    of its members.
    """
    from networkx.algorithms.community import greedy_modularity_communities

    from .network import projection

    vocab = _resolved(vocabulary, store)
    rows = _ask(store, "coalitions", {"issue": _issue_terms(vocab.issue(i) for i in issues)}, order=["actor", "issue", "polarity", "condition"])
    records = [PositionRecord(r["actor"], r["issue"], r["polarity"], r["condition"], r["statements"]) for r in rows]
    graph = projection(records, "congruence")
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    groups: list[list[str]] = []
    if graph.number_of_edges():
        found = greedy_modularity_communities(graph, weight="weight")
        groups = [sorted(graph.nodes[n]["id"] for n in group) for group in found if len(group) > 1]
    groups.sort(key=lambda g: (-len(g), g))
    held: dict[tuple[str, str], set[str]] = {}
    for r in records:
        position = r.polarity if r.polarity != "conditional" else f"conditional after {r.condition}"
        held.setdefault((r.issue, position), set()).add(r.holder)
    columns = ["coalition", "size", "members", "binding_issues"]
    out = []
    for number, members in enumerate(groups, start=1):
        binding = []
        for (issue, position), holders in held.items():
            shared = holders & set(members)
            if len(shared) >= 2:
                binding.append((-len(shared), issue, position, len(shared)))
        text = "; ".join(f"{issue} {position} ({n})" for _, issue, position, n in sorted(binding))
        out.append((number, len(members), ", ".join(members), text))
    return Answer(columns, out, empty_message="no coalitions: no two actors share a position")


def _first_days(days: Sequence[Mapping[str, Any]], limit: int) -> tuple[list[str], int]:
    """The day nodes that hold the first `limit` statements (whole dates, so their order is complete), and how many statements all days hold."""
    chosen: list[str] = []
    total = taken = 0
    last_date: Any = object()
    for day in sorted(days, key=lambda d: (d["date"] or "", d.get("issue") or "", d["day"])):
        total += day["statements"]
        if taken >= limit and day["date"] != last_date:
            continue
        chosen.append(day["day"])
        taken += day["statements"]
        last_date = day["date"]
    return chosen, total


def timeline(
    store: pyoxigraph.Store,
    actor: str,
    issues: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> Answer:
    """One actor's statements by date, with changes of position flagged; undated statements apart.

    On each issue, a statement is flagged when its polarity differs from the actor's previous
    statement on that issue ("support -> oppose", "conditional -> support"), or when it puts a
    condition first that the actor had not stated on that issue before ("new condition: X").
    At most the first `limit` dated statements (and `limit` undated ones) are shown (None or 0:
    all); since the flags only look back, those shown are flagged as in the whole record. The
    actor's days are read first (canned query `actor_days`, one node per day; `position_days`, one
    per issue and day, when issues are given), then the statements of the first days only, so
    the cost follows `limit`, not the length of the record.
    """
    limit = _checked_limit(limit)
    vocab = _resolved(vocabulary, store)
    actor_id = vocab.actor(actor)
    values: dict[str, list[Any]] = {"holder": _actor_terms([actor_id]), "issue": _issue_terms(vocab.issue(i) for i in issues)}
    total = 0
    if limit:
        # Without issues, one node per day of the actor (sg:ActorDay) says how many statements
        # it holds; with issues, one per issue and day (sg:PositionDay).
        per_actor = not values["issue"]
        days = _ask(store, "actor_days" if per_actor else "position_days", values, limit=0, order=[])
        if per_actor and not days:
            days, per_actor = _ask(store, "position_days", values, limit=0, order=[]), False
        dated, total_dated = _first_days([d for d in days if d["date"] is not None], limit)
        undated, total_undated = _first_days([d for d in days if d["date"] is None], limit)
        total = total_dated + total_undated
        chosen = sorted(dated + undated)
        if per_actor and chosen:
            parts = _ask(store, "day_parts", {"day": [pyoxigraph.NamedNode(d) for d in chosen]}, limit=0)
            chosen = sorted(p["part"] for p in parts)
        # The days chosen belong to the actor (and issues) asked for: binding them alone lets the
        # store start from them rather than from every stance of the actor.
        values = {"day": [pyoxigraph.NamedNode(d) for d in chosen]}
        if not values["day"]:
            return Answer(
                ["date", "issue", "polarity", "condition", "change", "quote", "source", "publisher", "method", "stance"],
                [], apart_title="undated", empty_message=f"no statements by {actor_id}",
            )
    rows = _ask(store, "day_stances", values, limit=0, order=[])
    columns = ["date", "issue", "polarity", "condition", "change", "quote", "source", "publisher", "method", "stance"]
    order = sorted(rows, key=lambda r: (r["date"] or "", r["sourceId"], r["charStart"], r["issue"], r["polarity"], r["stance"]))
    last: dict[str, str] = {}
    seen_conditions: dict[str, set[str]] = {}
    dated, undated = [], []
    for r in order:
        change = ""
        if r["date"] is not None:
            issue = r["issue"]
            previous = last.get(issue)
            changes = []
            if previous is None:
                changes.append("first on this issue")
            elif previous != r["polarity"]:
                changes.append(f"{previous} -> {r['polarity']}")
            known = seen_conditions.setdefault(issue, set())
            if r["condition"] and r["condition"] not in known:
                if previous is not None:
                    changes.append(f"new condition: {r['condition']}")
                known.add(r["condition"])
            last[issue] = r["polarity"]
            change = "; ".join(changes)
        row = (r["date"], r["issue"], r["polarity"], r["condition"], change, r["quote"], r["sourceId"], r["publisher"], _method(r), r["stance"])
        (dated if r["date"] is not None else undated).append(row)
    cut = None
    if limit:
        dated, undated = dated[:limit], undated[:limit]
        cut = _cut(len(dated) + len(undated), total, limit, "statements")
    return Answer(columns, dated, apart=undated, apart_title="undated", empty_message=f"no statements by {actor_id}", cut=cut)


_BOUNDARY = re.compile(r"[.!?\u2026]+[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) that hold text[start:end], cut at sentence ends and line breaks."""
    left, right = 0, len(text)
    for match in _BOUNDARY.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.end() > end:
            right = match.start() + len(match.group().rstrip())
            break
    return text[left:right].strip()


def _stance_binding(stance: str) -> dict[str, list[Any]]:
    """The stance IRI (full hash) or IRI prefix (short hash) to bind for an IRI, `stance:HASH` or HASH."""
    text = stance.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    for prefix in (str(STANCE), "stance:"):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    if not re.fullmatch(r"[0-9a-f]+", text):
        raise AnswerError(f"not a stance IRI or hash: {stance!r}", hint="give the IRI, stance:HASH or the hex hash (see 'kg stances')")
    if len(text) < MIN_HASH_PREFIX:
        raise AnswerError(f"stance hash {text!r} is too short", hint=f"give at least {MIN_HASH_PREFIX} hex digits")
    if len(text) >= 20:
        return {"stance": [pyoxigraph.NamedNode(str(STANCE) + text)]}
    return {"prefix": [pyoxigraph.Literal(str(STANCE) + text)]}


def _prefix_candidates(store: pyoxigraph.Store, binding: dict[str, list[Any]]) -> dict[str, list[Any]] | None:
    """The stances a shortened hash may name, looked up by the first digits of their hash (canned
    query `hash_prefix`): None when there are none, the binding as given when the graph has no
    such index (every stance IRI is then compared)."""
    from .aggregates import HASH_PREFIX_LENGTH

    prefix = binding["prefix"][0].value
    key = prefix[len(str(STANCE)):][:HASH_PREFIX_LENGTH]
    found = _ask(store, "hash_prefix", {"key": [pyoxigraph.Literal(key)], "prefix": binding["prefix"]}, limit=6)
    if found:
        return {"stance": [pyoxigraph.NamedNode(str(STANCE) + r["stance"]) for r in found]}
    return None if run_query(store, "ASK { ?stance sg:hashPrefix ?key }").boolean else binding


def provenance(
    store: pyoxigraph.Store, stance: str, sources_dir: Path | str | None = None
) -> Answer:
    """Everything about one stance (canned query `provenance`); with the source folder, also the sentence around the quote.

    The sentence is read from the article file only when its SHA-256 matches the one recorded
    at build time, so a changed article never shows a wrong context.
    """
    binding: dict[str, list[Any]] | None = _stance_binding(stance)
    if binding and "prefix" in binding:
        binding = _prefix_candidates(store, binding)
    rows = _ask(store, "provenance", binding) if binding else []
    found = sorted({r["stance"] for r in rows})
    if not found:
        raise AnswerError(f"no stance {stance!r} in the built graph", hint="list stances and their hashes with 'kg stances'")
    if len(found) > 1:
        shown = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
        raise AnswerError(f"stance hash {stance!r} is ambiguous: {shown}", hint="give more hex digits")
    r = rows[0]
    fields: list[tuple[str, Any]] = [
        ("stance", str(STANCE) + r["stance"]),
        ("actor", r["holder"]),
        ("issue", r["issue"]),
        ("polarity", r["polarity"]),
        ("condition", r["condition"]),
        ("quote", r["quote"]),
        ("char_start", r["charStart"]),
        ("char_end", r["charEnd"]),
        ("date", r["date"]),
        ("method", r["method"]),
        ("rule", r["rule"]),
        ("confidence", r["confidence"]),
        ("reported_via", r["reportedVia"]),
        ("source", r["sourceId"]),
        ("source_iri", r["source"]),
        ("title", r["title"]),
        ("publisher", r["publisher"]),
        ("issued", r["issued"]),
        ("date_basis", r["dateBasis"]),
        ("url", r["url"]),
        ("sha256", r["sha256"]),
        ("named_graph", r["graph"]),
    ]
    context, note = None, None
    if sources_dir is not None:
        context, note = _context(Path(sources_dir), r)
    fields.append(("sentence", context))
    if note:
        fields.append(("note", note))
    return Answer(["field", "value"], fields, record=True)


def _context(sources_dir: Path, r: Mapping[str, Any]) -> tuple[str | None, str | None]:
    from .sources import read_article

    candidates = [sources_dir / f"{r['sourceId']}{ext}" for ext in (".txt", ".md")]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        return None, f"article {r['sourceId']} not found in {sources_dir}"
    try:
        article = read_article(path)
    except StanceGraphError as error:
        return None, str(error)
    if r["sha256"] and article.sha256 != r["sha256"]:
        return None, f"{path} has changed since the build; run 'kg build' again"
    start, end = r["charStart"], r["charEnd"]
    if article.text[start:end] != r["quote"]:
        return None, f"{path}: the quote is not at its offsets; run 'kg build' again"
    return sentence_around(article.text, start, end), None


# --- discourse networks -------------------------------------------------------------------------


def networks(
    store: pyoxigraph.Store,
    kind: str = "congruence",
    normalization: str = "none",
    window: str | int | None = None,
    issues: Sequence[str] = (),
    actors: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> list[tuple[str | None, str | None, Any]]:
    """The discourse network of the built graph (optionally of some issues and actors), whole or per time window.

    Returns (first day, last day, networkx graph) triples: one with days None without a window,
    else one per window of `window` days ("30d", "2w" or an int) that holds a dated stance.
    """
    from .network import network, parse_window, statements_from_store, window_networks

    vocab = _resolved(vocabulary, store)
    values = {"holder": _actor_terms(vocab.actor(a) for a in actors), "issue": _issue_terms(vocab.issue(i) for i in issues)}
    statements = statements_from_store(store, values)
    if window is None:
        return [(None, None, network(statements, kind, normalization))]
    days = window if isinstance(window, int) else parse_window(window)
    return list(window_networks(statements, kind, normalization, days))


def network_stats(
    store: pyoxigraph.Store,
    kind: str = "congruence",
    normalization: str = "none",
    window: str | int | None = None,
    issues: Sequence[str] = (),
    actors: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> Answer:
    """Per actor (and window): neighbours, weighted degree, betweenness and eigenvector centrality."""
    from .network import centrality

    columns = ["actor", "neighbours", "weighted_degree", "betweenness", "eigenvector"]
    rows = []
    windowed = window is not None
    for first, last, graph in networks(store, kind, normalization, window, issues, actors, vocabulary):
        for r in centrality(graph):
            rows.append(((first, last) if windowed else ()) + tuple(r[c] for c in columns))
    if windowed:
        columns = ["window_start", "window_end", *columns]
    return Answer(columns, rows, empty_message="no actors")


def windowed_csv(graphs: Sequence[tuple[str | None, str | None, Any]]) -> bytes:
    """Edge lists of windowed networks in one CSV, each row prefixed with its window's first and last day."""
    columns = sorted({k for *_, g in graphs for *__, d in g.edges(data=True) for k in d} - {"weight"})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["window_start", "window_end", "source", "target", "weight", *columns])
    for first, last, graph in graphs:
        for u, v, d in graph.edges(data=True):
            writer.writerow([first, last, graph.nodes[u]["id"], graph.nodes[v]["id"], d.get("weight", ""), *(d.get(k, "") for k in columns)])
    return buffer.getvalue().encode("utf-8")


__all__ = [
    "ANSWER_FORMATS",
    "Answer",
    "AnswerError",
    "UnknownNameError",
    "Vocabulary",
    "vocabulary_from_store",
    "format_answer",
    "stances",
    "positions",
    "conflicts",
    "CONFLICT_ORDERS",
    "conditions",
    "coalitions",
    "timeline",
    "provenance",
    "sentence_around",
    "PositionRecord",
    "networks",
    "network_stats",
    "windowed_csv",
]
