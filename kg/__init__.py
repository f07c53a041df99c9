"""stancegraph: an actor-position knowledge graph built from news articles about a negotiation."""
from __future__ import annotations

__version__ = "0.1.0"

from importlib import import_module
from typing import Any

# Names are imported on first use, so that `import kg.extract` (and a worker process that only
# extracts) loads neither rdflib nor the store.
_EXPORTS = {
    "BuildResult": "build", "build_graph": "build", "write_build": "build",
    "Dictionary": "dictionary", "load_dictionary": "dictionary",
    "AnnotationError": "errors", "DictionaryError": "errors", "ExportError": "errors",
    "GraphNotBuiltError": "errors", "QueryError": "errors", "SourceError": "errors",
    "StanceGraphError": "errors", "ValidationError": "errors",
    "Article": "model", "Method": "model", "Polarity": "model", "Stance": "model",
    "QueryResult": "queries", "format_result": "queries", "run_query": "queries",
    "load_articles": "sources", "read_article": "sources",
    "open_store": "store",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


__all__ = [
    "AnnotationError",
    "Article",
    "BuildResult",
    "Dictionary",
    "DictionaryError",
    "ExportError",
    "GraphNotBuiltError",
    "Method",
    "Polarity",
    "QueryError",
    "QueryResult",
    "SourceError",
    "Stance",
    "StanceGraphError",
    "ValidationError",
    "build_graph",
    "format_result",
    "load_articles",
    "load_dictionary",
    "open_store",
    "read_article",
    "run_query",
    "write_build",
]
