"""The actor dictionary and issue scheme, read from the Turtle files in ontology/."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .errors import DictionaryError
from .namespaces import ACTOR, ISSUE, SG

ONTOLOGY_FILES = ("stancegraph.ttl", "issues.ttl", "actors.ttl")


def default_ontology_dir() -> Path:
    """Where the ontology lives: $STANCEGRAPH_ONTOLOGY, ./ontology, the repo's, or the installed copy."""
    env = os.environ.get("STANCEGRAPH_ONTOLOGY")
    if env:
        return Path(env)
    local = Path.cwd() / "ontology"
    if (local / "actors.ttl").is_file():
        return local
    repo = Path(__file__).resolve().parent.parent / "ontology"
    if (repo / "actors.ttl").is_file():
        return repo
    return Path(__file__).resolve().parent / "ontology"


@dataclass(frozen=True)
class Actor:
    """An actor that can hold stances, or a person who speaks for one (`represents`)."""

    id: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    wikidata: str | None = None
    represents: str | None = None

    @property
    def is_person(self) -> bool:
        return self.represents is not None


@dataclass(frozen=True)
class Issue:
    """A concept of the issue scheme with the labels that name it in text."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    broader: str | None = None


@dataclass(frozen=True)
class Dictionary:
    """Everything extraction and curation need to resolve names to ids."""

    actors: dict[str, Actor]
    issues: dict[str, Issue]
    graph: Graph = field(repr=False, compare=False)

    def holder_ids(self) -> set[str]:
        """Ids that can hold a stance (persons resolve to the actor they represent)."""
        return {a.id for a in self.actors.values() if not a.is_person}

    def resolve_holder(self, actor_id: str) -> str:
        """The id of the actor whose stance this is: a person's words count for whom they represent."""
        actor = self.actors[actor_id]
        return actor.represents or actor.id


def _local(iri: URIRef, namespace: str) -> str:
    text = str(iri)
    if not text.startswith(namespace):
        raise DictionaryError(f"{text} is not under {namespace}")
    return text[len(namespace):]


def _strings(graph: Graph, subject: URIRef, predicate: URIRef) -> tuple[str, ...]:
    return tuple(sorted({str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)}))


def _actor_types(graph: Graph) -> set[URIRef]:
    """sg:Actor and every class declared below it in the vocabulary, or the known subclasses."""
    types = {SG.Actor, SG.State, SG.ArmedGroup, SG.Organization, SG.Coalition, SG.Person}
    types |= {t for t in graph.transitive_subjects(RDFS.subClassOf, SG.Actor) if isinstance(t, URIRef)}
    return types


def dictionary_from_graph(graph: Graph) -> Dictionary:
    """Build the lookup tables from an already parsed ontology graph."""
    actors: dict[str, Actor] = {}
    actor_types = _actor_types(graph)
    for subject in sorted({s for t in actor_types for s in graph.subjects(RDF.type, t)}, key=str):
        if not isinstance(subject, URIRef) or not str(subject).startswith(str(ACTOR)):
            continue
        actor_id = _local(subject, str(ACTOR))
        label = graph.value(subject, RDFS.label)
        represents = graph.value(subject, SG.represents)
        same_as = [str(o) for o in graph.objects(subject, OWL.sameAs) if "wikidata.org" in str(o)]
        actors[actor_id] = Actor(
            id=actor_id,
            label=str(label) if label is not None else actor_id,
            types=tuple(sorted(str(t).rsplit("#", 1)[-1] for t in graph.objects(subject, RDF.type) if t in actor_types)),
            aliases=_strings(graph, subject, SKOS.altLabel),
            demonyms=_strings(graph, subject, SG.demonym),
            wikidata=sorted(same_as)[0].rsplit("/", 1)[-1] if same_as else None,
            represents=_local(URIRef(str(represents)), str(ACTOR)) if represents is not None else None,
        )
    for actor in actors.values():
        if actor.represents and actor.represents not in actors:
            raise DictionaryError(f"actor {actor.id} represents unknown actor {actor.represents}")
    issues: dict[str, Issue] = {}
    for subject in sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str):
        if not isinstance(subject, URIRef) or not str(subject).startswith(str(ISSUE)):
            continue
        issue_id = _local(subject, str(ISSUE))
        label = graph.value(subject, SKOS.prefLabel)
        broader = graph.value(subject, SKOS.broader)
        issues[issue_id] = Issue(
            id=issue_id,
            label=str(label) if label is not None else issue_id,
            aliases=_strings(graph, subject, SKOS.altLabel),
            cues=_strings(graph, subject, SKOS.hiddenLabel),
            broader=_local(broader, str(ISSUE)) if isinstance(broader, URIRef) else None,
        )
    if not actors:
        raise DictionaryError("the ontology defines no actors (expected sg:Actor resources under .../id/actor/)")
    if not issues:
        raise DictionaryError("the ontology defines no issues (expected skos:Concept resources under .../id/issue/)")
    return Dictionary(actors=actors, issues=issues, graph=graph)


def load_ontology_graph(ontology_dir: Path | None = None) -> Graph:
    """Parse the vocabulary, issue scheme and actor dictionary into one graph."""
    directory = Path(ontology_dir) if ontology_dir else default_ontology_dir()
    graph = Graph()
    for name in ONTOLOGY_FILES:
        path = directory / name
        if not path.is_file():
            raise DictionaryError(f"{path}: ontology file not found")
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several unrelated parser exception types
            raise DictionaryError(f"{path}: not valid Turtle: {exc}") from exc
    return graph


@lru_cache(maxsize=8)
def _cached_dictionary(directory: str, stamp: tuple[float, ...]) -> Dictionary:
    return dictionary_from_graph(load_ontology_graph(Path(directory)))


def load_dictionary(ontology_dir: Path | None = None) -> Dictionary:
    """The actor dictionary and issue scheme of an ontology folder (cached while the files are unchanged)."""
    directory = Path(ontology_dir) if ontology_dir else default_ontology_dir()
    stamp = tuple((directory / n).stat().st_mtime if (directory / n).exists() else 0.0 for n in ONTOLOGY_FILES)
    return _cached_dictionary(str(directory.resolve()), stamp)
