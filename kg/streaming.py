"""Running a SPARQL query under a time limit and writing its rows as they come, not all at once.

The query engine works in a background thread (pyoxigraph releases the GIL while it computes),
so the caller can stop waiting when the time limit passes or the user presses Ctrl-C, and rows
reach the output in batches through a bounded queue: memory stays flat however long the answer.
"""
from __future__ import annotations

import csv
import json
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, TextIO

import pyoxigraph

from .errors import QueryError
from .queries import (
    QueryResult,
    _is_update,
    _syntax_error,
    _term_json,
    _tsv_term,
    _turtle,
    format_result,
    refuse_service,
    undefined_prefix,
    with_prologue,
)
from .safety import spreadsheet_safe

#: Seconds a query may run by default (`kg query --timeout`).
DEFAULT_TIMEOUT = 60.0
#: Rows a table shows by default: a table is for reading; csv, tsv and json stream every row.
DEFAULT_TABLE_ROWS = 1000
_BATCH = 500
_QUEUE_BATCHES = 8


@dataclass
class StreamedAnswer:
    """What was written: how many rows, and whether the limit cut the answer short."""

    kind: str
    rows: int = 0
    capped: bool = False
    limit: int | None = None


class QueryTimeoutError(QueryError):
    """The query ran longer than its time limit and was stopped."""


class _Worker(threading.Thread):
    """Runs the query and hands its answer over in batches; stops early when told to."""

    def __init__(self, store: pyoxigraph.Store, text: str) -> None:
        super().__init__(name="sparql-query", daemon=True)
        self.store = store
        self.text = text
        self.items: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=_QUEUE_BATCHES)
        self.stop = threading.Event()

    def _put(self, item: tuple[str, Any]) -> bool:
        while not self.stop.is_set():
            try:
                self.items.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run(self) -> None:
        answer: Any = None
        solution: Any = None
        try:
            answer = self.store.query(self.text, use_default_graph_as_union=True)
            if isinstance(answer, pyoxigraph.QueryBoolean):
                self._put(("ask", bool(answer)))
            elif isinstance(answer, pyoxigraph.QuerySolutions):
                variables = [v.value for v in answer.variables]
                if not self._put(("variables", variables)):
                    return
                batch: list[list[Any]] = []
                for solution in answer:
                    batch.append([solution[v] for v in variables])
                    if len(batch) >= _BATCH:
                        if not self._put(("rows", batch)):
                            return
                        batch = []
                if batch and not self._put(("rows", batch)):
                    return
            else:
                if not self._put(("graph", None)):
                    return
                batch = []
                for triple in answer:
                    batch.append(triple)
                    if len(batch) >= _BATCH:
                        if not self._put(("triples", batch)):
                            return
                        batch = []
                if batch and not self._put(("triples", batch)):
                    return
        except BaseException as error:  # handed to the caller, who turns it into a message
            self._put(("error", error.with_traceback(None)))
            return
        finally:
            # pyoxigraph's answers may only be dropped in the thread that made them; a traceback or a
            # cycle that keeps this frame alive must not carry the answer into another thread
            answer = solution = None
        self._put(("end", None))


def _items(worker: _Worker, timeout: float | None, started: float) -> Any:
    """The worker's items as they come; raises QueryTimeoutError when the engine takes too long."""
    waited = 0.0
    while True:
        began = time.monotonic()
        try:
            item = worker.items.get(timeout=0.1)
        except queue.Empty:
            waited += time.monotonic() - began
            if timeout and waited > timeout:
                worker.stop.set()
                raise QueryTimeoutError(
                    f"the query ran longer than {timeout:g} s and was stopped",
                    hint="narrow it (a LIMIT, fewer joins, aggregates first) or allow more time with --timeout",
                ) from None
            continue
        waited += time.monotonic() - began
        if item[0] == "end":
            return
        yield item


class _RowWriter:
    """Writes SELECT rows in one format as they arrive."""

    def __init__(self, out: TextIO, fmt: str, variables: list[str]) -> None:
        self.out, self.fmt, self.variables = out, fmt, variables
        self.count = 0
        if fmt == "csv":
            self.csv = csv.writer(out, lineterminator="\r\n")
            self.csv.writerow(variables)
        elif fmt == "tsv":
            out.write("\t".join("?" + v for v in variables) + "\n")
        elif fmt == "json":
            out.write('{"head": {"vars": ' + json.dumps(variables) + '}, "results": {"bindings": [')

    def write(self, row: list[Any]) -> None:
        if self.fmt == "csv":
            self.csv.writerow(["" if t is None else spreadsheet_safe(t.value) for t in row])
        elif self.fmt == "tsv":
            self.out.write("\t".join(_tsv_term(t) for t in row) + "\n")
        else:
            binding = {v: _term_json(t) for v, t in zip(self.variables, row) if t is not None}
            self.out.write(("," if self.count else "") + "\n " + json.dumps(binding, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]}}\n")


def stream_query(
    store: pyoxigraph.Store,
    query: str,
    out: TextIO,
    fmt: str = "table",
    *,
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    allow_service: bool = False,
    on_capped: Callable[[str], None] | None = None,
) -> StreamedAnswer:
    """Run a read-only query and write its answer to `out` in `fmt` (table, csv, tsv, json).

    csv, tsv and json rows are written as they arrive; a table shows at most `limit` rows
    (DEFAULT_TABLE_ROWS when not given) and says when it was cut. With `limit`, at most that
    many rows are written and `on_capped` is told when more were there. The query is stopped
    with QueryTimeoutError after `timeout` seconds of engine time (None or 0: no limit) and on
    KeyboardInterrupt, which is re-raised.
    """
    if not allow_service:
        refuse_service(query)
    full = with_prologue(query)
    worker = _Worker(store, full)
    worker.start()
    started = time.monotonic()
    if fmt == "table" and limit is None:
        limit = DEFAULT_TABLE_ROWS
    try:
        return _write_answer(worker, query, full, out, fmt, limit, timeout, started, on_capped)
    finally:
        worker.stop.set()


def _write_answer(
    worker: _Worker,
    query: str,
    full: str,
    out: TextIO,
    fmt: str,
    limit: int | None,
    timeout: float | None,
    started: float,
    on_capped: Callable[[str], None] | None,
) -> StreamedAnswer:
    writer: _RowWriter | None = None
    table = QueryResult(kind="select")
    triples: list[Any] = []
    answer = StreamedAnswer(kind="select", limit=limit)
    for kind, value in _items(worker, timeout, started):
        if kind == "error":
            raise _engine_error(query, full, value)
        if kind == "ask":
            out.write(format_result(QueryResult(kind="ask", boolean=value), fmt))
            return StreamedAnswer(kind="ask")
        if kind == "variables":
            table.variables = value
            if fmt != "table":
                writer = _RowWriter(out, fmt, value)
            continue
        if kind == "graph":
            answer.kind = "graph"
            continue
        if kind == "triples":
            triples.extend(value)
            if limit is not None and len(triples) > limit:
                del triples[limit:]
                answer.capped = True
                break
            continue
        for row in value:
            if limit is not None and answer.rows >= limit:
                answer.capped = True
                break
            if writer is not None:
                writer.write(row)
            else:
                table.rows.append(row)
            answer.rows += 1
        if answer.capped:
            break
    if answer.kind == "graph":
        answer.rows = len(triples)
        out.write(_turtle(triples))
    elif writer is not None:
        writer.close()
    else:
        text = format_result(table, "table")
        if answer.capped:
            text = text.rstrip("\n").rsplit("\n", 1)[0] + (
                f"\n(first {limit} rows shown; more were found: use --limit N, or --format csv for every row)\n"
            )
        out.write(text)
    if answer.capped and on_capped is not None and fmt != "table":
        on_capped(f"stopped after {limit} {'triples' if answer.kind == 'graph' else 'rows'} (--limit); the answer has more")
    return answer


def _engine_error(query: str, full: str, error: BaseException) -> BaseException:
    """The error a failed query becomes: updates refused, a syntax error with its position, or the engine's message."""
    if isinstance(error, SyntaxError):
        if _is_update(full):
            return QueryError(
                "updates are refused: kg query only reads the graph",
                hint="change the sources or annotations and run 'kg build' again",
            )
        prologue_lines = full.count("\n") - query.count("\n")
        return undefined_prefix(query) or _syntax_error(query, error, prologue_lines)
    if isinstance(error, (OSError, ValueError, RuntimeError)):
        return QueryError(f"the query failed: {str(error).splitlines()[0] if str(error) else type(error).__name__}")
    return error
