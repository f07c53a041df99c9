"""Exceptions raised by the stancegraph library, one per condition a user can fix."""
from __future__ import annotations


class StanceGraphError(Exception):
    """Base class: every error the library raises on bad input or bad state."""

    hint: str | None = None
    #: The command line was wrong (exit status 2), not the input or the graph (exit status 1).
    usage: bool = False

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class SourceError(StanceGraphError):
    """An article or the source folder cannot be read (missing, binary, not UTF-8, empty, bad metadata)."""


class AnnotationError(StanceGraphError):
    """A curated annotation file is malformed or disagrees with its article."""


class DictionaryError(StanceGraphError):
    """The actor dictionary, issue scheme or a lexicon in ontology/ is malformed."""


class QueryError(StanceGraphError):
    """A SPARQL query is malformed, is an update, or cannot run."""


class GraphNotBuiltError(StanceGraphError):
    """A command needs the built graph, and there is none yet."""


class ExportError(StanceGraphError):
    """An export format is unknown or the file cannot be written."""


class ValidationError(StanceGraphError):
    """The SHACL validation itself could not run (bad shapes file); not a non-conforming graph."""


class UnknownValueError(StanceGraphError):
    """A value the user gave (an actor, an issue, a stance) names nothing the graph knows."""

    usage = True


class ArgumentError(StanceGraphError):
    """The arguments name no usable input: a folder that is not there, a folder without its gold file."""

    usage = True


class StoreError(StanceGraphError):
    """The store cannot be opened, written or reached (in use, damaged, server down or refusing)."""


class StanceGraphWarning(UserWarning):
    """Something the user should know that did not stop the work (a date-time cut to its date, a cache discarded)."""
