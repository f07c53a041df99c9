"""Running SPARQL over the store and rendering results as tables, CSV, TSV, JSON or Turtle."""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, Sequence

import pyoxigraph
from rdflib.plugins.sparql.parser import parseUpdate

from .errors import QueryError
from .namespaces import PREFIXES, sparql_prologue
from .safety import read_input_text, spreadsheet_safe, terminal_safe

RESULT_FORMATS = ("table", "csv", "tsv", "json")
_PREFIX_DECL = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<[^>]*>", re.IGNORECASE | re.MULTILINE)


@dataclass
class QueryResult:
    """A query's answer: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)


def canned_query_dir() -> Path:
    """The folder of the canned `.rq` queries shipped with the package."""
    return Path(str(resources.files("kg") / "sparql"))


class UnknownQueryNameError(QueryError):
    """A canned query name that does not exist (a typo on the command line)."""

    usage = True


def canned_query_names() -> list[str]:
    """The names of the canned queries, sorted."""
    return sorted(p.stem for p in canned_query_dir().glob("*.rq"))


def _unknown_name(name: str) -> UnknownQueryNameError:
    names = canned_query_names()
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    guess = f"; did you mean {close[0]!r}?" if close else ""
    return UnknownQueryNameError(f"no canned query named {name!r}{guess}", hint=f"canned queries: {', '.join(names)}")


def canned_query(name: str) -> str:
    """The text of a canned query by name (without `.rq`)."""
    path = canned_query_dir() / f"{name}.rq"
    if not path.is_file():
        raise _unknown_name(name)
    return read_input_text(path, QueryError, what="query file")


def scan_query(name: str) -> str:
    """A canned question answered from the stances themselves, without aggregate nodes (`kg/sparql/scan/`)."""
    path = canned_query_dir() / "scan" / f"{name}.rq"
    if not path.is_file():
        raise _unknown_name(name)
    return read_input_text(path, QueryError, what="query file")


_FINAL_LIMIT = re.compile(r"\n\s*LIMIT\s+\d+\s*$", re.IGNORECASE)


_FINAL_ORDER = re.compile(r"\n\s*ORDER\s+BY\s[^\n]*\s*$", re.IGNORECASE)


def without_order(query: str) -> str:
    """The query without its final `ORDER BY` line (for callers that sort the rows themselves: the
    store's sort decodes every term it compares). A query with a final LIMIT keeps its order."""
    if _FINAL_LIMIT.search(query.rstrip()):
        return query
    return _FINAL_ORDER.sub("", query.rstrip()) + "\n"


def with_limit(query: str, limit: int | None) -> str:
    """The query with its final `LIMIT` set to `limit` rows, or removed when `limit` is None or 0."""
    body = _FINAL_LIMIT.sub("", query.rstrip())
    return body + (f"\nLIMIT {int(limit)}\n" if limit else "\n")


# A bare word (no spaces, braces or '?') cannot be a query: it is meant as a canned query name.
_BARE_NAME = re.compile(r"[A-Za-z][\w-]*")


def query_text(argument: str) -> str:
    """The query an argument means: a canned query name, `-` for standard input, a `.rq` file, or the text."""
    if argument in canned_query_names():
        return canned_query(argument)
    if _BARE_NAME.fullmatch(argument) and not Path(argument).exists():
        raise _unknown_name(argument)
    return read_query_argument(argument)


# What is not a keyword when scanning a query: comments, strings (long and short) and IRIs.
_SKIP = "|".join(
    (
        r"#[^\n]*",
        r'"{3}(?:[^"\\]|\\.|"(?!"{2}))*"{3}',
        r"'{3}(?:[^'\\]|\\.|'(?!'{2}))*'{3}",
        r'"(?:[^"\\\n]|\\.)*"',
        r"'(?:[^'\\\n]|\\.)*'",
        r'<[^<>"{}|^`\\\x00-\x20]*>',
    )
)
_SCAN = re.compile(
    rf"(?P<skip>{_SKIP})|(?P<service>(?<![\w:?$])SERVICE\b)|(?P<pname>(?<![\w?$:.-])(?:[A-Za-z][\w.-]*)?:)",
    re.IGNORECASE,
)


def _position(query: str, offset: int) -> tuple[int, int]:
    line = query.count("\n", 0, offset) + 1
    return line, offset - (query.rfind("\n", 0, offset) + 1) + 1


def refuse_service(query: str) -> None:
    """Refuse a federated query: SERVICE would make this machine send requests to any address the query names."""
    for match in _SCAN.finditer(query):
        if match.group("service"):
            line, column = _position(query, match.start())
            raise QueryError(
                f"SERVICE at line {line}, column {column} is refused: kg query does not send requests to other servers",
                hint="pass --allow-service to query remote SPARQL endpoints",
            )


def undefined_prefix(query: str) -> QueryError | None:
    """An error naming the first prefix the query uses without declaring it (and the project does not predeclare)."""
    declared = set(PREFIXES) | {m.group(1) or "" for m in _PREFIX_DECL.finditer(query)}
    for match in _SCAN.finditer(query):
        name = match.group("pname")
        if name and name[:-1] not in declared and name != "_:":
            line, column = _position(query, match.start())
            return QueryError(
                f"SPARQL syntax error at line {line}, column {column}: undefined prefix {name!r}",
                hint=f"declare it (PREFIX {name} <...>) or use a predeclared one: {', '.join(PREFIXES)}",
            )
    return None


def with_prologue(query: str) -> str:
    """Prepend the project's PREFIX lines, except those the query declares itself."""
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(query)}
    lines = [f"PREFIX {n}: <{iri}>\n" for n, iri in PREFIXES.items() if n not in declared]
    return "".join(lines) + query


def _group_start(query: str) -> int:
    """Offset just after the first `{` that is query syntax (not in a comment, string or IRI)."""
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if ch in "\"'":
            long = query.startswith(ch * 3, i)
            quote = ch * 3 if long else ch
            i += len(quote)
            while i < n and not query.startswith(quote, i):
                i += 2 if query[i] == "\\" else 1
            i += len(quote)
            continue
        if ch == "<":
            # An IRI reference cannot hold spaces or braces; a '<' followed by either is an operator.
            match = re.match(r"<[^<>\"{}|^`\\\s]*>", query[i:])
            if match:
                i += match.end()
                continue
        if ch == "{":
            return i + 1
        i += 1
    raise QueryError("the query has no graph pattern to bind values into")


def bind_values(query: str, values: Mapping[str, Sequence[Any]]) -> str:
    """The query with one VALUES block per variable at the start of its outermost graph pattern.

    Values must be pyoxigraph terms (`NamedNode`, `Literal`): they are written in their
    N-Triples form, which escapes every character that could end the term, so a value can never
    change the query around it. Variables left out, or given no values, stay unbound.
    """
    blocks = []
    for name, terms in values.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
        if not terms:
            continue
        for term in terms:
            if not isinstance(term, (pyoxigraph.NamedNode, pyoxigraph.Literal)):
                raise QueryError(f"a bound value must be an IRI or a literal, not {type(term).__name__}")
        blocks.append(f"  VALUES ?{name} {{ " + " ".join(str(t) for t in terms) + " }\n")
    if not blocks:
        return query
    at = _group_start(query)
    return query[:at] + "\n" + "".join(blocks) + query[at:]


def bind_rows(query: str, variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """The query with one VALUES block binding `variables` together, one row per tuple of terms, at
    the start of its outermost graph pattern (`bind_values` binds each variable on its own, which
    gives every combination of the values). Terms are pyoxigraph IRIs or literals, written in their
    N-Triples form as in `bind_values`; no rows leave the query unchanged."""
    for name in variables:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
    if not rows:
        return query
    lines = []
    for row in rows:
        if len(row) != len(variables):
            raise QueryError(f"a row of {len(row)} values for {len(variables)} variables")
        for term in row:
            if not isinstance(term, (pyoxigraph.NamedNode, pyoxigraph.Literal)):
                raise QueryError(f"a bound value must be an IRI or a literal, not {type(term).__name__}")
        lines.append("    (" + " ".join(str(t) for t in row) + ")\n")
    block = "  VALUES (" + " ".join(f"?{name}" for name in variables) + ") {\n" + "".join(lines) + "  }\n"
    at = _group_start(query)
    return query[:at] + "\n" + block + query[at:]


def _syntax_error(query: str, error: SyntaxError, offset_lines: int) -> QueryError:
    """A one-line message saying where the query is wrong, in the user's own line numbers."""
    message = str(error)
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if not match:
        return QueryError(f"SPARQL syntax error: {message}")
    line, column, detail = int(match.group(1)) - offset_lines, int(match.group(2)), match.group(3)
    # The parser lists every character class it expected (Unicode ranges): the first line says enough.
    detail = detail.strip().splitlines()[0] if detail.strip() else detail
    if len(detail) > 100:
        detail = detail[:99].rstrip(" ,[|'") + "…"
    lines = query.splitlines() or [""]
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    near = f" near {text[:60]!r}" if text else ""
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {detail.strip()}{near}")


def _is_update(query: str) -> bool:
    try:
        parseUpdate(query)
    except Exception:  # the parser raises pyparsing exceptions for anything that is not an update
        return False
    return True


def run_query(store: pyoxigraph.Store, query: str, allow_service: bool = False) -> QueryResult:
    """Run a read-only SPARQL query over the union of all graphs; updates (and SERVICE, unless allowed) are refused."""
    if not allow_service:
        refuse_service(query)
    full = with_prologue(query)
    prologue_lines = full.count("\n") - query.count("\n")
    try:
        answer = store.query(full, use_default_graph_as_union=True)
    except SyntaxError as error:
        if _is_update(full):
            raise QueryError(
                "updates are refused: kg query only reads the graph",
                hint="change the sources or annotations and run 'kg build' again",
            ) from None
        raise (undefined_prefix(query) or _syntax_error(query, error, prologue_lines)) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"the query failed: {error}") from None
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(answer))
    if isinstance(answer, pyoxigraph.QuerySolutions):
        variables = [v.value for v in answer.variables]
        # A solution iterates over its values in the order of the variables: much cheaper than
        # looking each one up by name.
        rows = [list(solution) for solution in answer]
        return QueryResult(kind="select", variables=variables, rows=rows)
    return QueryResult(kind="graph", triples=list(answer))


def short_term(term: Any) -> str:
    """A term as a person reads it: prefixed names for IRIs, the bare text of literals."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        for name, iri in PREFIXES.items():
            if term.value.startswith(iri) and re.fullmatch(r"[\w.-]*", term.value[len(iri):]):
                return f"{name}:{term.value[len(iri):]}"
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return term.value


def _table(result: QueryResult, max_width: int = 80) -> str:
    cells = [[terminal_safe(short_term(t).replace("\n", " ")) for t in row] for row in result.rows]
    clipped = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [len(v) for v in result.variables]
    for row in clipped:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(result.variables), line(["-" * w for w in widths])]
    out += [line(row) for row in clipped]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _tsv_term(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.Literal) and term.datatype.value == "http://www.w3.org/2001/XMLSchema#string" and not term.language:
        return json.dumps(term.value, ensure_ascii=False)
    return str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result: a readable table, CSV, TSV or SPARQL 1.1 Query Results JSON; graphs as Turtle."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}", hint=f"choose one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "graph":
        return _turtle(result.triples)
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        if fmt in ("csv", "tsv"):
            return ("_askResult\n" if fmt == "csv" else "?_askResult\n") + ("true" if result.boolean else "false") + "\n"
        return ("yes" if result.boolean else "no") + "\n"
    if fmt == "table":
        return _table(result)
    if fmt == "json":
        bindings = [
            {v: _term_json(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]
        return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else spreadsheet_safe(t.value) for t in row])
        return buffer.getvalue()
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _turtle(triples: list[Any]) -> str:
    prefixes = {name: iri for name, iri in PREFIXES.items()}
    triples = sorted(triples, key=str)
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
    return (data or b"").decode("utf-8")


def read_query_argument(argument: str) -> str:
    """A query given on the command line: `-` for standard input, a path to an `.rq` file, or the text itself."""
    if argument == "-":
        import sys

        return sys.stdin.read()
    path = Path(argument)
    if argument.endswith((".rq", ".sparql")) or (len(argument) < 4096 and "\n" not in argument and path.is_file()):
        from .safety import read_input_text

        return read_input_text(path, QueryError, what="query file")
    if not argument.strip():
        raise QueryError("empty query")
    return argument


__all__ = [
    "QueryResult",
    "run_query",
    "bind_values",
    "bind_rows",
    "format_result",
    "canned_query",
    "scan_query",
    "with_limit",
    "without_order",
    "query_text",
    "read_query_argument",
    "sparql_prologue",
]
