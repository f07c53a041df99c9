"""stancegraph: an actor-position knowledge graph built from news articles about a negotiation."""
from __future__ import annotations

__version__ = "0.1.0"

from .build import BuildResult, build_graph, write_build  # noqa: E402
from .dictionary import Dictionary, load_dictionary  # noqa: E402
from .errors import (  # noqa: E402
    AnnotationError,
    DictionaryError,
    ExportError,
    GraphNotBuiltError,
    QueryError,
    SourceError,
    StanceGraphError,
    ValidationError,
)
from .model import Article, Method, Polarity, Stance  # noqa: E402
from .queries import QueryResult, format_result, run_query  # noqa: E402
from .sources import load_articles, read_article  # noqa: E402
from .store import open_store  # noqa: E402

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
