"""The actor dictionary and issue scheme: one catalogue of actors and issues read from the Turtle
files in ontology/. Reading it needs no rdflib (pyoxigraph's Turtle parser), so extraction never
imports it; the rdflib graph of the same files is parsed only when the RDF build asks for it."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .errors import DictionaryError

if TYPE_CHECKING:
    from rdflib import Graph

_SG = "https://w3id.org/stancegraph/ontology#"
_ID = "https://w3id.org/stancegraph/id/"
_ACTOR = _ID + "actor/"
_ISSUE = _ID + "issue/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
_ACTOR_CLASSES = {_SG + name for name in ("Actor", "State", "ArmedGroup", "Organization", "Coalition", "Person")}

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

    @property
    def outside(self) -> bool:
        """Whether the actor is outside the scored list (sg:OutsideActor): its stances are kept, not scored."""
        return "OutsideActor" in self.types


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
    directory: Path | None = field(default=None, repr=False, compare=False)

    @property
    def graph(self) -> "Graph":
        """The ontology files as one rdflib graph (parsed on first use, for the RDF build)."""
        if self.directory is None:
            raise DictionaryError("this dictionary was not read from an ontology folder")
        return _cached_graph(str(self.directory), _stamp(self.directory))

    def holder_ids(self) -> set[str]:
        """Ids that can hold a stance (persons resolve to the actor they represent)."""
        return {a.id for a in self.actors.values() if not a.is_person}

    def resolve_holder(self, actor_id: str) -> str:
        """The id of the actor whose stance this is: a person's words count for whom they represent."""
        actor = self.actors[actor_id]
        return actor.represents or actor.id


def _local(iri: str, namespace: str) -> str:
    if not iri.startswith(namespace):
        raise DictionaryError(f"{iri} is not under {namespace}")
    return iri[len(namespace):]


def _triples(directory: Path) -> list[tuple[str, str, object]]:
    """(subject IRI, predicate IRI, object) of the ontology files; objects are IRIs (str) or literals."""
    import pyoxigraph

    found: list[tuple[str, str, object]] = []
    for name in ONTOLOGY_FILES:
        path = directory / name
        if not path.is_file():
            raise DictionaryError(f"{path}: ontology file not found")
        try:
            for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
                subject, obj = quad.subject, quad.object
                if not isinstance(subject, pyoxigraph.NamedNode):
                    continue
                value: object = obj.value if isinstance(obj, pyoxigraph.NamedNode) else (
                    _Text(obj.value) if isinstance(obj, pyoxigraph.Literal) else None)
                if value is not None:
                    found.append((subject.value, quad.predicate.value, value))
        except SyntaxError as exc:
            raise DictionaryError(f"{path}: not valid Turtle: {exc}") from exc
    return found


class _Text(str):
    """A literal's lexical form (kept apart from IRIs, which are plain str)."""


def _dictionary_from_triples(triples: Iterable[tuple[str, str, object]], directory: Path | None) -> Dictionary:
    by_subject: dict[str, dict[str, list[object]]] = {}
    subclass_of: dict[str, set[str]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
        if p == _RDFS + "subClassOf" and not isinstance(o, _Text):
            subclass_of.setdefault(str(o), set()).add(s)
    actor_classes = set(_ACTOR_CLASSES)
    frontier = [_SG + "Actor"]
    while frontier:  # every class declared below sg:Actor counts too
        for sub in subclass_of.get(frontier.pop(), ()):
            if sub not in actor_classes:
                actor_classes.add(sub)
                frontier.append(sub)

    def texts(props: dict[str, list[object]], predicate: str) -> tuple[str, ...]:
        return tuple(sorted({str(o) for o in props.get(predicate, ()) if isinstance(o, _Text)}))

    def first(props: dict[str, list[object]], predicate: str, literal: bool) -> str | None:
        values = sorted(str(o) for o in props.get(predicate, ()) if isinstance(o, _Text) == literal)
        return values[0] if values else None

    actors: dict[str, Actor] = {}
    issues: dict[str, Issue] = {}
    for subject in sorted(by_subject):
        props = by_subject[subject]
        types = {str(t) for t in props.get(_RDF_TYPE, ()) if not isinstance(t, _Text)}
        if subject.startswith(_ACTOR) and types & actor_classes:
            actor_id = _local(subject, _ACTOR)
            represents = first(props, _SG + "represents", literal=False)
            same_as = sorted(str(o) for o in props.get(_OWL_SAME_AS, ()) if "wikidata.org" in str(o))
            actors[actor_id] = Actor(
                id=actor_id,
                label=first(props, _RDFS + "label", literal=True) or actor_id,
                types=tuple(sorted(t.rsplit("#", 1)[-1] for t in types & actor_classes)),
                aliases=texts(props, _SKOS + "altLabel"),
                demonyms=texts(props, _SG + "demonym"),
                wikidata=same_as[0].rsplit("/", 1)[-1] if same_as else None,
                represents=_local(represents, _ACTOR) if represents else None,
            )
        elif subject.startswith(_ISSUE) and _SKOS + "Concept" in types:
            issue_id = _local(subject, _ISSUE)
            broader = first(props, _SKOS + "broader", literal=False)
            issues[issue_id] = Issue(
                id=issue_id,
                label=first(props, _SKOS + "prefLabel", literal=True) or issue_id,
                aliases=texts(props, _SKOS + "altLabel"),
                cues=texts(props, _SKOS + "hiddenLabel"),
                broader=_local(broader, _ISSUE) if broader and broader.startswith(_ISSUE) else None,
            )
    for actor in actors.values():
        if actor.represents and actor.represents not in actors:
            raise DictionaryError(f"actor {actor.id} represents unknown actor {actor.represents}")
    if not actors:
        raise DictionaryError("the ontology defines no actors (expected sg:Actor resources under .../id/actor/)")
    if not issues:
        raise DictionaryError("the ontology defines no issues (expected skos:Concept resources under .../id/issue/)")
    return Dictionary(actors=actors, issues=issues, directory=directory)


def load_ontology_graph(ontology_dir: Path | None = None) -> "Graph":
    """Parse the vocabulary, issue scheme and actor dictionary into one rdflib graph."""
    from rdflib import Graph

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


def _stamp(directory: Path) -> tuple[float, ...]:
    return tuple((directory / n).stat().st_mtime if (directory / n).exists() else 0.0 for n in ONTOLOGY_FILES)


@lru_cache(maxsize=4)
def _cached_graph(directory: str, stamp: tuple[float, ...]) -> "Graph":
    return load_ontology_graph(Path(directory))


@lru_cache(maxsize=8)
def _cached_dictionary(directory: str, stamp: tuple[float, ...]) -> Dictionary:
    return _dictionary_from_triples(_triples(Path(directory)), Path(directory))


def load_dictionary(ontology_dir: Path | None = None) -> Dictionary:
    """The actor dictionary and issue scheme of an ontology folder (cached while the files are unchanged)."""
    directory = Path(ontology_dir) if ontology_dir else default_ontology_dir()
    return _cached_dictionary(str(directory.resolve()), _stamp(directory))
