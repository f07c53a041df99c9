"""The IRIs and prefixes of the vocabulary, declared once for the whole package."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

SG = Namespace("https://w3id.org/stancegraph/ontology#")
ID = "https://w3id.org/stancegraph/id/"
ACTOR = Namespace(ID + "actor/")
ISSUE = Namespace(ID + "issue/")
SOURCE = Namespace(ID + "source/")
STANCE = Namespace(ID + "stance/")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")

#: The named graph that holds the actor dictionary, the issue scheme and the vocabulary.
ONTOLOGY_GRAPH = URIRef(ID + "graph/ontology")

PREFIXES: dict[str, str] = {
    "sg": str(SG),
    "actor": str(ACTOR),
    "issue": str(ISSUE),
    "source": str(SOURCE),
    "stance": str(STANCE),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
}


def iri_segment(text: str) -> str:
    """A file stem or id made safe as one IRI path segment (unchanged for ordinary names); see `kg.safety.iri_segment`."""
    from .safety import iri_segment as safe_segment

    return safe_segment(text)


def source_graph_iri(source_id: str) -> URIRef:
    """The named graph that holds the stances of one source."""
    return URIRef(ID + "graph/source/" + iri_segment(source_id))


def sparql_prologue() -> str:
    """PREFIX lines for every prefix above, so queries can use them without declaring."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
