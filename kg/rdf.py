"""Turning articles and stances into an RDF dataset: one named graph per source, one for the ontology."""
from __future__ import annotations

from typing import Iterable, TypeVar

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from . import quads
from .model import Article, Stance
from .namespaces import (
    ACTOR,
    ISSUE,
    ONTOLOGY_GRAPH,
    PREFIXES,
    SCHEMA,
    SG,
    STANCE,
)

GraphT = TypeVar("GraphT", bound=Graph)


def bind_prefixes(graph: GraphT) -> GraphT:
    """Bind the project's prefixes (and only those) so serialisations read the same everywhere."""
    for name, iri in PREFIXES.items():
        graph.bind(name, iri, override=True, replace=True)
    return graph


def source_iri(source_id: str) -> URIRef:
    """The IRI of a source; a file stem with characters an IRI cannot hold is percent-encoded."""
    return URIRef(quads.source_iri(source_id))


def stance_iri(stance: Stance) -> URIRef:
    return STANCE[stance.stance_id]


def _confidence(value: float) -> Literal:
    # Two decimals are what the rules can justify; the canonical form (0.8, 1) is what the stores
    # print, so the rdflib graph and the store hold the very same literal.
    return Literal(quads.confidence_lexical(value), datatype=XSD.decimal)


def add_source(graph: Graph, article: Article) -> URIRef:
    """Describe one article as an sg:Source (missing metadata stays missing)."""
    subject = source_iri(article.source_id)
    graph.add((subject, RDF.type, SG.Source))
    graph.add((subject, RDF.type, SCHEMA.NewsArticle))
    graph.add((subject, DCTERMS.identifier, Literal(article.source_id)))
    graph.add((subject, SG.sha256, Literal(article.sha256)))
    if article.title:
        graph.add((subject, DCTERMS.title, Literal(article.title)))
    if article.publisher:
        graph.add((subject, DCTERMS.publisher, Literal(article.publisher)))
    if article.published:
        graph.add((subject, DCTERMS.issued, Literal(article.published)))
    url = quads.checked_url(article.url)
    if url:
        graph.add((subject, SCHEMA.url, URIRef(url)))
    if article.date_basis:
        graph.add((subject, SG.dateBasis, Literal(article.date_basis)))
    return subject


def add_stance(graph: Graph, stance: Stance) -> URIRef:
    """Write one stance as an n-ary node with its provenance."""
    subject = stance_iri(stance)
    graph.add((subject, RDF.type, SG.Stance))
    graph.add((subject, SG.holder, ACTOR[stance.holder]))
    graph.add((subject, SG.issue, ISSUE[stance.issue]))
    graph.add((subject, SG.polarity, SG[stance.polarity.term]))
    if stance.condition:
        graph.add((subject, SG.condition, ISSUE[stance.condition]))
    graph.add((subject, PROV.wasDerivedFrom, source_iri(stance.source_id)))
    graph.add((subject, SG.quote, Literal(stance.quote)))
    graph.add((subject, SG.charStart, Literal(stance.char_start)))
    graph.add((subject, SG.charEnd, Literal(stance.char_end)))
    if stance.published:
        graph.add((subject, DCTERMS.date, Literal(stance.published)))
    graph.add((subject, SG.method, SG[stance.method.value]))
    if stance.rule:
        graph.add((subject, SG.rule, Literal(stance.rule)))
    graph.add((subject, SG.confidence, _confidence(stance.confidence)))
    if stance.reported_via:
        graph.add((subject, SG.reportedVia, Literal(stance.reported_via)))
    return subject


def build_dataset(articles: Iterable[Article], stances: Iterable[Stance], ontology: Graph) -> Dataset:
    """The whole graph as a dataset: each source's description and stances in its own named graph."""
    dataset = bind_prefixes(Dataset())
    ontology_graph = dataset.graph(ONTOLOGY_GRAPH)
    # Canonical blank-node labels (e.g. of owl:oneOf lists) keep exports byte-identical across runs.
    for triple in to_canonical_graph(ontology):
        ontology_graph.add(triple)
    graphs: dict[str, Graph] = {}
    for article in articles:
        graphs[article.source_id] = dataset.graph(URIRef(quads.source_graph_iri(article.source_id)))
        add_source(graphs[article.source_id], article)
    for stance in stances:
        add_stance(graphs[stance.source_id], stance)
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """Every triple of every named graph in one graph (what the Turtle export holds)."""
    graph = bind_prefixes(Graph())
    for quad in dataset.quads((None, None, None, None)):
        graph.add(quad[:3])
    return graph
