"""The build's fast path: sources and stances written as N-Quads lines, one named graph per source, no rdflib graph."""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pyoxigraph

from .model import Article, Stance
from .namespaces import ID, ONTOLOGY_GRAPH, PREFIXES, iri_segment

_SG = PREFIXES["sg"]
_XSD = PREFIXES["xsd"]
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_DCT = PREFIXES["dcterms"]
_PROV = PREFIXES["prov"]
_SCHEMA = PREFIXES["schema"]

# String escapes exactly as Oxigraph writes N-Quads, so lines written here equal the store's dump.
_LITERAL_ESCAPES = str.maketrans(
    {
        **{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F]},
        "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
        "\\": "\\\\", '"': '\\"',
    }
)
def source_graph_iri(source_id: str) -> str:
    """The named graph that holds one source's description and stances."""
    return ID + "graph/source/" + iri_segment(source_id)


def source_iri(source_id: str) -> str:
    """The IRI of a source (`.../id/source/<file stem>`)."""
    return ID + "source/" + iri_segment(source_id)


def checked_url(url: str | None) -> str | None:
    """A metadata URL usable as an IRI (spaces and the like percent-encoded), or None when it cannot be one."""
    if not url:
        return None
    fixed = "".join(
        "".join(f"%{b:02X}" for b in ch.encode("utf-8")) if (ch in ' <>"{}|\\^`' or ord(ch) < 0x21) else ch
        for ch in url.strip()
    )
    try:
        pyoxigraph.NamedNode(fixed)
    except ValueError:
        return None
    return fixed


def confidence_lexical(value: float) -> str:
    """A confidence as the canonical xsd:decimal the stores print (two decimals at most: 0.8, 0.65, 1)."""
    return format(Decimal(f"{value:.2f}").normalize(), "f")


def literal(text: str) -> str:
    """A plain string literal in N-Quads, escaped exactly as Oxigraph writes it."""
    return '"' + text.translate(_LITERAL_ESCAPES) + '"'


def _typed(text: str, datatype: str) -> str:
    return f'"{text}"^^<{_XSD}{datatype}>'


def source_lines(article: Article, stances: Iterable[Stance]) -> list[str]:
    """The N-Quads lines of one source's named graph: its description and every stance, sorted."""
    graph = f"<{source_graph_iri(article.source_id)}>"
    subject = f"<{source_iri(article.source_id)}>"
    end = f" {graph} ."
    lines = [
        f"{subject} {_RDF_TYPE} <{_SG}Source>{end}",
        f"{subject} {_RDF_TYPE} <{_SCHEMA}NewsArticle>{end}",
        f"{subject} <{_DCT}identifier> {literal(article.source_id)}{end}",
        f"{subject} <{_SG}sha256> {literal(article.sha256)}{end}",
    ]
    if article.title:
        lines.append(f"{subject} <{_DCT}title> {literal(article.title)}{end}")
    if article.publisher:
        lines.append(f"{subject} <{_DCT}publisher> {literal(article.publisher)}{end}")
    if article.published:
        lines.append(f"{subject} <{_DCT}issued> {_typed(article.published.isoformat(), 'date')}{end}")
    url = checked_url(article.url)
    if url:
        lines.append(f"{subject} <{_SCHEMA}url> <{url}>{end}")
    if article.date_basis:
        lines.append(f"{subject} <{_SG}dateBasis> {literal(article.date_basis)}{end}")
    for stance in stances:
        lines.extend(stance_lines(stance, subject, end))
    lines.sort()
    return lines


def stance_lines(stance: Stance, source: str, end: str) -> list[str]:
    """The N-Quads lines of one stance node (`end` closes each line with the graph)."""
    s = f"<{ID}stance/{stance.stance_id}>"
    lines = [
        f"{s} {_RDF_TYPE} <{_SG}Stance>{end}",
        f"{s} <{_SG}holder> <{ID}actor/{stance.holder}>{end}",
        f"{s} <{_SG}issue> <{ID}issue/{stance.issue}>{end}",
        f"{s} <{_SG}polarity> <{_SG}{stance.polarity.term}>{end}",
        f"{s} <{_PROV}wasDerivedFrom> {source}{end}",
        f"{s} <{_SG}quote> {literal(stance.quote)}{end}",
        f"{s} <{_SG}charStart> {_typed(str(stance.char_start), 'integer')}{end}",
        f"{s} <{_SG}charEnd> {_typed(str(stance.char_end), 'integer')}{end}",
        f"{s} <{_SG}method> <{_SG}{stance.method.value}>{end}",
        f"{s} <{_SG}confidence> {_typed(confidence_lexical(stance.confidence), 'decimal')}{end}",
    ]
    if stance.condition:
        lines.append(f"{s} <{_SG}condition> <{ID}issue/{stance.condition}>{end}")
    if stance.published:
        lines.append(f"{s} <{_DCT}date> {_typed(stance.published.isoformat(), 'date')}{end}")
    if stance.rule:
        lines.append(f"{s} <{_SG}rule> {literal(stance.rule)}{end}")
    if stance.reported_via:
        lines.append(f"{s} <{_SG}reportedVia> {literal(stance.reported_via)}{end}")
    return lines


class GraphContent:
    """One named graph as the build writes it: its IRI, its N-Quads text (made on first use) and a digest of that text.

    `key` identifies what the text is made from (the article, its stances, this module's code):
    a store that recorded the same key for the graph holds it already, and the text is never made.
    A graph given by `parts` (a function that makes its text slice by slice) is streamed: stores
    load it slice by slice and its digest is taken over the slices, so its whole text is never held.
    """

    def __init__(
        self,
        iri: str,
        nquads: str | None = None,
        key: str = "",
        make: Callable[[], str] | None = None,
        parts: Callable[[], Iterable[str]] | None = None,
        digest: str | None = None,
    ) -> None:
        self.iri = iri
        self.key = key
        self._nquads = nquads
        self._make = make
        self._parts = parts
        # Given when the text was already digested (e.g. slices read back from a copy on disk).
        self._digest: str | None = digest

    @property
    def streamed(self) -> bool:
        """Whether the text comes in slices that are never joined (see `iter_parts`)."""
        return self._parts is not None and self._nquads is None

    @property
    def nquads(self) -> str:
        """The graph as N-Quads lines (sorted, unless the graph is streamed): held whole, so not for a streamed graph at scale."""
        if self._nquads is None:
            if self._parts is not None:
                return "".join(self.iter_parts())
            assert self._make is not None
            self._nquads = self._make()
        return self._nquads

    def iter_parts(self) -> Iterator[str]:
        """The text in slices, as they are made (one slice for a graph that is not streamed); a full
        pass over a streamed graph's slices also takes its digest."""
        if not self.streamed:
            yield self.nquads
            return
        assert self._parts is not None
        digest = hashlib.sha256() if self._digest is None else None
        for part in self._parts():
            if digest is not None:
                digest.update(part.encode("utf-8"))
            yield part
        if digest is not None:
            self._digest = digest.hexdigest()

    @property
    def digest(self) -> str:
        """SHA-256 of the graph's N-Quads text (of its slices in order, when streamed): equal digests
        mean the stored graph need not change."""
        if self._digest is None:
            if self.streamed:
                for _ in self.iter_parts():
                    pass
            else:
                self._digest = hashlib.sha256(self.nquads.encode("utf-8")).hexdigest()
        assert self._digest is not None
        return self._digest

    def release(self) -> None:
        """Forget the text (it is made again if asked for), once it is in the store."""
        if self._make is not None:
            self._nquads = None


def _content(iri: str, lines: Sequence[str]) -> GraphContent:
    return GraphContent(iri, "\n".join(lines) + "\n" if lines else "")


def _code_fingerprint() -> str:
    # The lines depend on this module's code too: a changed writer must not trust old keys.
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


_CODE = _code_fingerprint()


def source_key(article: Article, stances: Sequence[Stance]) -> str:
    """What a source's graph is made from: its metadata, text hash, stances and the writer's code."""
    parts = [
        _CODE, article.source_id, article.sha256, article.title, article.publisher, article.published,
        article.url, article.date_basis,
    ]
    parts += [
        (s.key, s.method.value, s.confidence, s.quote, s.rule, s.reported_via, s.published) for s in stances
    ]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def source_graphs(articles: Iterable[Article], stances: Iterable[Stance]) -> Iterator[GraphContent]:
    """Every source's named graph, in source order; the text of each is made only when asked for."""
    by_source: dict[str, list[Stance]] = {}
    for stance in stances:
        by_source.setdefault(stance.source_id, []).append(stance)
    for article in articles:
        own = by_source.get(article.source_id, [])
        yield GraphContent(
            source_graph_iri(article.source_id),
            key=source_key(article, own),
            make=lambda article=article, own=own: "\n".join(source_lines(article, own)) + "\n",
        )


def ontology_graph(ontology_dir: Path | None = None) -> GraphContent:
    """The actor dictionary, issue scheme and vocabulary as a named graph, read with pyoxigraph's
    Turtle parser (no rdflib on the build's path), blank nodes labelled canonically (RDFC-1.0) so
    the same files always give the same text."""
    from .dictionary import ONTOLOGY_FILES, default_ontology_dir
    from .errors import DictionaryError

    directory = Path(ontology_dir) if ontology_dir else default_ontology_dir()
    graph = pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH))
    dataset = pyoxigraph.Dataset()
    for name in ONTOLOGY_FILES:
        path = directory / name
        try:
            for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
                dataset.add(pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, graph))
        except OSError:
            raise DictionaryError(f"{path}: ontology file not found") from None
        except SyntaxError as exc:
            raise DictionaryError(f"{path}: not valid Turtle: {exc}") from None
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return _content(str(ONTOLOGY_GRAPH), sorted({f"{quad} ." for quad in dataset}))
