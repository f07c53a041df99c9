"""The ontology files parse, agree with each other and with DESIGN.md, and the shapes catch broken stances."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.errors import ValidationError
from kg.namespaces import ACTOR, ISSUE, SG, SOURCE, STANCE
from kg.validation import ValidationReport, Violation, load_shapes, validate_graph

# A plain Namespace: pytest probes module attributes, and rdflib's XSD warns on unknown ones.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
FILES = ("stancegraph.ttl", "issues.ttl", "actors.ttl", "shapes.ttl")

# Contract ids from DESIGN.md: renaming one breaks queries and annotations elsewhere.
ACTOR_IDS = (
    "US Israel Hamas Russia Qatar Egypt Turkey SaudiArabia UAE Jordan Indonesia Pakistan "
    "Azerbaijan PalestinianAuthority UN EU ISFPartners"
).split()
ISSUE_IDS = (
    "disarmament reconstruction ceasefire withdrawal stabilization_force "
    "hostage_prisoner_exchange governance humanitarian_aid peace_plan"
).split()
ACTOR_CLASSES = {SG.Actor, SG.State, SG.ArmedGroup, SG.Organization, SG.Coalition, SG.Person}
DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
}
# Terms OWL tools know without a declaration.
BUILT_IN = (str(RDF), str(RDFS), str(OWL))


def parse(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return parse("stancegraph.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for name in ("stancegraph.ttl", "issues.ttl", "actors.ttl"):
        graph += parse(name)
    return graph


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ONTOLOGY_DIR)


# ---------------------------------------------------------------- parsing and declarations


@pytest.mark.parametrize("name", FILES)
def test_file_parses(name: str) -> None:
    assert len(parse(name)) > 20


def test_ontology_header(vocabulary: Graph) -> None:
    header = URIRef("https://w3id.org/stancegraph/ontology")
    assert (header, RDF.type, OWL.Ontology) in vocabulary
    assert vocabulary.value(header, OWL.versionInfo) == Literal("0.1.0")
    license_ = URIRef("http://creativecommons.org/licenses/by/4.0/")
    assert (header, URIRef("http://purl.org/dc/terms/license"), license_) in vocabulary
    assert not list(vocabulary.objects(header, OWL.imports)), "no remote imports: the ontology must load offline"


def _sg_terms_used(name: str) -> set[URIRef]:
    """sg: terms in the graph, plus those written in literal SPARQL, messages and comments."""
    terms = {t for triple in parse(name) for t in triple if isinstance(t, URIRef) and t.startswith(str(SG))}
    text = (ONTOLOGY_DIR / name).read_text(encoding="utf-8")
    terms |= {SG[local] for local in re.findall(r"\bsg:([A-Za-z_][A-Za-z0-9_]*)", text)}
    return terms


def _assert_declared(vocabulary: Graph, term: URIRef) -> None:
    types = set(vocabulary.objects(term, RDF.type))
    assert types & DECLARATION_TYPES, f"{term} is used but not declared in stancegraph.ttl"
    for predicate in (RDFS.label, RDFS.comment):
        values = [v for v in vocabulary.objects(term, predicate) if isinstance(v, Literal) and v.language == "en"]
        assert values, f"{term} has no {predicate} in English"


@pytest.mark.parametrize(
    ("name", "some_used"),
    [("shapes.ttl", SG.confidence), ("actors.ttl", SG.represents), ("issues.ttl", None)],
)
def test_every_sg_term_used_is_declared(vocabulary: Graph, name: str, some_used: URIRef | None) -> None:
    used = _sg_terms_used(name)
    if some_used is not None:
        assert some_used in used, f"expected {name} to use {some_used}"
    for term in sorted(used):
        _assert_declared(vocabulary, term)


def test_every_vocabulary_term_has_label_and_comment(vocabulary: Graph) -> None:
    declared = {s for s in vocabulary.subjects() if isinstance(s, URIRef) and s.startswith(str(SG))}
    assert SG.Stance in declared and SG.demonym in declared
    for term in sorted(declared):
        _assert_declared(vocabulary, term)


@pytest.mark.parametrize("name", ["actors.ttl", "issues.ttl"])
def test_external_properties_are_declared(vocabulary: Graph, name: str) -> None:
    # Protégé reports every undeclared property as noise; the vocabulary declares them once.
    for predicate in sorted(set(parse(name).predicates())):
        if str(predicate).startswith(BUILT_IN):
            continue
        assert set(vocabulary.objects(predicate, RDF.type)) & DECLARATION_TYPES, f"{predicate} undeclared"


def test_class_hierarchy_and_individuals(vocabulary: Graph) -> None:
    prov = "http://www.w3.org/ns/prov#"
    assert (SG.Stance, RDFS.subClassOf, URIRef(prov + "Entity")) in vocabulary
    assert (SG.Source, RDFS.subClassOf, URIRef(prov + "Entity")) in vocabulary
    assert (SG.Actor, RDFS.subClassOf, URIRef(prov + "Agent")) in vocabulary
    for cls in ACTOR_CLASSES - {SG.Actor}:
        assert (cls, RDFS.subClassOf, SG.Actor) in vocabulary
    for individual, cls in [
        (SG.Support, SG.Polarity),
        (SG.Oppose, SG.Polarity),
        (SG.Conditional, SG.Polarity),
        (SG.RuleExtraction, SG.ExtractionMethod),
        (SG.CuratedAnnotation, SG.ExtractionMethod),
    ]:
        assert (individual, RDF.type, cls) in vocabulary
        assert (individual, RDF.type, OWL.NamedIndividual) in vocabulary
    for prop, domain, range_ in [
        (SG.holder, SG.Stance, SG.Actor),
        (SG.issue, SG.Stance, SKOS.Concept),
        (SG.condition, SG.Stance, SKOS.Concept),
        (SG.represents, SG.Person, SG.Actor),
    ]:
        assert vocabulary.value(prop, RDFS.domain) == domain
        assert vocabulary.value(prop, RDFS.range) == range_


@pytest.mark.parametrize("actor_id", ACTOR_IDS)
def test_contract_actor_exists(ontology: Graph, actor_id: str) -> None:
    actor = ACTOR[actor_id]
    assert set(ontology.objects(actor, RDF.type)) & ACTOR_CLASSES, f"actor:{actor_id} missing"
    assert ontology.value(actor, RDFS.label) is not None


@pytest.mark.parametrize("issue_id", ISSUE_IDS)
def test_contract_issue_exists(ontology: Graph, issue_id: str) -> None:
    issue = ISSUE[issue_id]
    assert (issue, RDF.type, SKOS.Concept) in ontology, f"issue:{issue_id} missing"
    assert ontology.value(issue, SKOS.inScheme) is not None


def test_shipped_ontology_conforms(ontology: Graph, shapes: Graph) -> None:
    report = validate_graph(ontology, shapes)
    assert report.conforms, report.format_text()


# ---------------------------------------------------------------- SHACL on a hand-built graph

# Body: "Officials said Israel insists on disarmament. There will be no reconstruction
# before disarmament, a minister said." The offsets below index into it.
VALID = """
@prefix sg:      <https://w3id.org/stancegraph/ontology#> .
@prefix actor:   <https://w3id.org/stancegraph/id/actor/> .
@prefix issue:   <https://w3id.org/stancegraph/id/issue/> .
@prefix source:  <https://w3id.org/stancegraph/id/source/> .
@prefix stance:  <https://w3id.org/stancegraph/id/stance/> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <https://schema.org/> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

source:t1 a sg:Source, schema:NewsArticle ;
    dcterms:identifier "t1" ;
    dcterms:title "Talks resume" ;
    dcterms:publisher "Example News" ;
    dcterms:issued "2025-11-20"^^xsd:date ;
    schema:url <https://news.example/talks-resume> ;
    sg:dateBasis "stated" ;
    sg:sha256 "9f35d4ad34641da19f35d4ad34641da19f35d4ad34641da19f35d4ad34641da1" .

stance:s1 a sg:Stance ;
    sg:holder actor:Israel ;
    sg:issue issue:disarmament ;
    sg:polarity sg:Support ;
    prov:wasDerivedFrom source:t1 ;
    sg:quote "Israel insists on disarmament" ;
    sg:charStart 15 ;
    sg:charEnd 44 ;
    dcterms:date "2025-11-20"^^xsd:date ;
    sg:method sg:RuleExtraction ;
    sg:rule "support.insist" ;
    sg:confidence 0.8 ;
    sg:reportedVia "Channel 13" .

stance:s2 a sg:Stance ;
    sg:holder actor:Israel ;
    sg:issue issue:reconstruction ;
    sg:polarity sg:Conditional ;
    sg:condition issue:disarmament ;
    prov:wasDerivedFrom source:t1 ;
    sg:quote "no reconstruction before disarmament" ;
    sg:charStart 60 ;
    sg:charEnd 96 ;
    sg:method sg:CuratedAnnotation ;
    sg:confidence 1.0 .
"""


def check(ttl: str, shapes: Graph, ontology: Graph) -> ValidationReport:
    return validate_graph(Graph().parse(data=ttl, format="turtle"), shapes, ontology)


def broken(old: str, new: str) -> str:
    """The valid graph with one edit; fails loudly if the edit does not apply."""
    assert VALID.count(old) == 1, f"fixture edit {old!r} is ambiguous or missing"
    return VALID.replace(old, new)


def matching(report: ValidationReport, focus: str, path: str | None, fragment: str) -> list[Violation]:
    return [
        v
        for v in report.violations
        if v.focus == str(STANCE[focus]) or v.focus.endswith("/" + focus)
        if v.path == path and fragment in v.message
    ]


def test_valid_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    report = check(VALID, shapes, ontology)
    assert report.conforms, report.format_text()
    assert report.violations == ()
    assert report.format_text() == "The graph conforms to the shapes."


def test_without_ontology_class_checks_fail(shapes: Graph) -> None:
    # Actor and issue types live in the ontology graph: the stance graph alone cannot conform.
    report = validate_graph(Graph().parse(data=VALID, format="turtle"), shapes)
    assert not report.conforms
    assert {v.path for v in report.violations} >= {str(SG.holder), str(SG.issue)}


@pytest.mark.parametrize(
    ("old", "new", "focus", "path", "fragment"),
    [
        pytest.param(
            "sg:condition issue:disarmament ;", "", "s2", None, "conditional stance needs an sg:condition",
            id="conditional-without-condition",
        ),
        pytest.param(
            "sg:charEnd 44 ;", "sg:charEnd 45 ;", "s1", str(SG.quote), "it has 29 characters, the offsets span 30",
            id="quote-length-mismatch",
        ),
        pytest.param(
            "sg:charStart 60 ;", "sg:charStart 96 ;", "s2", str(SG.charEnd), "greater than the start offset",
            id="end-not-after-start",
        ),
        pytest.param(
            "sg:confidence 0.8 ;", "sg:confidence 1.5 ;", "s1", str(SG.confidence), "between 0 and 1",
            id="confidence-above-one",
        ),
        pytest.param(
            "sg:confidence 0.8 ;", 'sg:confidence "0.8"^^xsd:double ;', "s1", str(SG.confidence), "xsd:decimal",
            id="confidence-double",
        ),
        pytest.param(
            "sg:holder actor:Israel ;\n    sg:issue issue:disarmament ;", "sg:issue issue:disarmament ;",
            "s1", str(SG.holder), "exactly one holder",
            id="missing-holder",
        ),
        pytest.param(
            "sg:holder actor:Israel ;\n    sg:issue issue:disarmament ;",
            "sg:holder source:t1 ;\n    sg:issue issue:disarmament ;",
            "s1", str(SG.holder), "an actor of the dictionary",
            id="holder-not-an-actor",
        ),
        pytest.param(
            "sg:polarity sg:Support ;", "sg:polarity sg:Neutral ;", "s1", str(SG.polarity), "exactly one polarity",
            id="unknown-polarity",
        ),
        pytest.param(
            'sg:rule "support.insist" ;', "", "s1", None, "needs an sg:rule",
            id="rule-stance-without-rule",
        ),
        pytest.param(
            'sg:quote "Israel insists on disarmament" ;', "", "s1", str(SG.quote), "exactly one quote",
            id="missing-quote",
        ),
        pytest.param(
            "sg:charStart 15 ;", "sg:charStart -1 ;", "s1", str(SG.charStart), "at least 0",
            id="negative-start",
        ),
        pytest.param(
            'dcterms:date "2025-11-20"^^xsd:date ;', 'dcterms:date "20 Nov 2025" ;',
            "s1", "http://purl.org/dc/terms/date", "an xsd:date",
            id="date-not-xsd-date",
        ),
        pytest.param(
            "sg:method sg:CuratedAnnotation ;", "sg:method sg:Guess ;", "s2", str(SG.method), "exactly one method",
            id="unknown-method",
        ),
        pytest.param(
            'sg:sha256 "9f35d4ad34641da19f35d4ad34641da19f35d4ad34641da19f35d4ad34641da1"',
            'sg:sha256 "9F35D4AD34641DA1"',
            "t1", str(SG.sha256), "64 lowercase hex digits",
            id="bad-sha256",
        ),
        pytest.param(
            'dcterms:identifier "t1" ;', "", "t1", "http://purl.org/dc/terms/identifier", "exactly one identifier",
            id="source-without-identifier",
        ),
        pytest.param(
            "schema:url <https://news.example/talks-resume> ;", 'schema:url "https://news.example/talks-resume" ;',
            "t1", "https://schema.org/url", "an IRI",
            id="url-as-string",
        ),
        pytest.param(
            'sg:dateBasis "stated" ;', 'sg:dateBasis "guessed" ;', "t1", str(SG.dateBasis), '"stated" or "inferred"',
            id="unknown-date-basis",
        ),
    ],
)
def test_broken_graph_is_reported(
    shapes: Graph, ontology: Graph, old: str, new: str, focus: str, path: str | None, fragment: str
) -> None:
    report = check(broken(old, new), shapes, ontology)
    assert not report.conforms
    found = matching(report, focus, path, fragment)
    assert found, f"no violation on {focus} {path} containing {fragment!r}:\n{report.format_text()}"
    assert all(v.severity == "Violation" for v in found)


def test_violation_reads_as_one_line(shapes: Graph, ontology: Graph) -> None:
    report = check(broken("sg:confidence 0.8 ;", "sg:confidence 1.5 ;"), shapes, ontology)
    (violation,) = report.violations
    assert violation.focus == str(STANCE.s1)
    assert violation.path == str(SG.confidence)
    assert violation.value == "1.5"
    assert violation.value_datatype == str(XSD.decimal)
    assert violation.shape == "https://w3id.org/stancegraph/shapes#StanceConfidence"
    assert str(violation) == (
        "stance:s1: sg:confidence: Every stance needs exactly one confidence, "
        'an xsd:decimal between 0 and 1. (value: "1.5"^^xsd:decimal)'
    )
    text = report.format_text()
    assert text.splitlines()[0] == "The graph does not conform to the shapes (1 violation):"
    assert text.splitlines()[1] == "  " + str(violation)


def test_violation_tells_string_from_iri(shapes: Graph, ontology: Graph) -> None:
    url = "https://news.example/talks-resume"
    report = check(broken(f"schema:url <{url}> ;", f'schema:url "{url}" ;'), shapes, ontology)
    (violation,) = report.violations
    assert str(violation).endswith(f'(value: "{url}")')
    report = check(broken("sg:holder actor:Israel ;\n    sg:issue issue:disarmament ;",
                          "sg:holder source:t1 ;\n    sg:issue issue:disarmament ;"), shapes, ontology)
    (violation,) = report.violations
    assert str(violation).endswith("(value: source:t1)")


@pytest.mark.parametrize(
    ("predicate", "value", "conforms"),
    [
        # RDF 1.1 says "stated" and "stated"^^xsd:string are one literal; rdflib keeps them apart.
        (SG.dateBasis, Literal("stated", datatype=XSD.string), True),
        (SG.dateBasis, Literal("inferred"), True),
        (SG.quote, Literal("Israel insists on disarmament", datatype=XSD.string), True),
        (SG.confidence, Literal(Decimal("0.75")), True),
        # sh:datatype is exact: writers must use Decimal, not float (xsd:double) or int.
        (SG.confidence, Literal(0.75), False),
        (SG.confidence, Literal(1), False),
        (SG.quote, Literal("Israel insists on disarmament", lang="en"), False),
    ],
)
def test_literal_forms(shapes: Graph, ontology: Graph, predicate: URIRef, value: Literal, conforms: bool) -> None:
    graph = Graph().parse(data=VALID, format="turtle")
    subject = SOURCE.t1 if predicate == SG.dateBasis else STANCE.s1
    graph.set((subject, predicate, value))
    report = validate_graph(graph, shapes, ontology)
    assert report.conforms is conforms, report.format_text()


def test_violations_are_sorted_and_stable(shapes: Graph, ontology: Graph) -> None:
    ttl = broken("sg:confidence 0.8 ;", "sg:confidence 1.5 ;").replace("sg:charEnd 96 ;", "sg:charEnd 97 ;")
    first = check(ttl, shapes, ontology).violations
    assert len(first) == 2
    assert [v.focus for v in first] == [str(STANCE.s1), str(STANCE.s2)]
    assert check(ttl, shapes, ontology).violations == first


def test_dataset_is_validated_as_one_union(shapes: Graph, ontology: Graph) -> None:
    # The build keeps stances and the ontology in different named graphs.
    dataset = Dataset()
    dataset.graph(URIRef("https://w3id.org/stancegraph/id/graph/source/t1")).parse(data=VALID, format="turtle")
    onto = dataset.graph(URIRef("https://w3id.org/stancegraph/id/graph/ontology"))
    for triple in ontology:
        onto.add(triple)
    report = validate_graph(dataset, shapes)
    assert report.conforms, report.format_text()

    dataset.remove((STANCE.s1, SG.confidence, Literal(Decimal("0.8"))))
    report = validate_graph(dataset, shapes)
    assert not report.conforms
    assert [str(v) for v in report.violations] == [
        "stance:s1: sg:confidence: Every stance needs exactly one confidence, an xsd:decimal between 0 and 1."
    ]


def test_actor_shapes(shapes: Graph, ontology: Graph) -> None:
    extra = """
    @prefix sg: <https://w3id.org/stancegraph/ontology#> .
    @prefix actor: <https://w3id.org/stancegraph/id/actor/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    actor:Nobody a sg:Person ; rdfs:label "Nobody" .
    actor:Bigmouth a sg:State ; rdfs:label "Bigmouth", "Big Mouth" ; sg:represents actor:Israel .
    """
    report = validate_graph(Graph().parse(data=extra, format="turtle"), shapes, ontology)
    lines = [str(v) for v in report.violations]
    assert not report.conforms
    assert (
        "actor:Nobody: sg:represents: Every person needs exactly one sg:represents: the actor they speak for."
        in lines
    )
    assert any(line.startswith("actor:Bigmouth: rdfs:label: Every actor needs exactly one") for line in lines)
    assert any(line.startswith("actor:Bigmouth: Only an sg:Person can have sg:represents") for line in lines)


def test_issue_shape(shapes: Graph, ontology: Graph) -> None:
    extra = """
    @prefix issue: <https://w3id.org/stancegraph/id/issue/> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    issue:elections a skos:Concept ; skos:prefLabel "elections"@en, "votes"@en .
    """
    report = validate_graph(Graph().parse(data=extra, format="turtle"), shapes, ontology)
    paths = {v.path for v in report.violations if v.focus == str(ISSUE.elections)}
    assert paths == {str(SKOS.prefLabel), str(SKOS.inScheme)}


def test_load_shapes_names_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=re.escape(str(tmp_path / "shapes.ttl")) + ": shapes file not found"):
        load_shapes(tmp_path)


def test_load_shapes_names_unparseable_file(tmp_path: Path) -> None:
    (tmp_path / "shapes.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nthis is not turtle\n")
    with pytest.raises(ValidationError) as info:
        load_shapes(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'shapes.ttl'}: not valid Turtle")
    assert "\n" not in message
