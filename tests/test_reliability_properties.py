"""Generated hostile input: every export parses back identically in rdflib and pyoxigraph, every quote sits at its offsets."""
from __future__ import annotations

import shutil
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.export import serialize, write_files
from kg.dictionary import load_dictionary
try:
    from kg.extract import extract_stances, load_lexicon
except ImportError:  # the rules before they moved into a package
    from kg.extraction import extract_stances, load_lexicon
from kg.model import Article, Method, Polarity, Stance
from kg.rdf import build_dataset
from kg.sources import load_articles

# plain IRIs, not rdflib's XSD namespace: pytest probes a module's names while collecting, and the
# closed namespace warns at every name it does not hold
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

DICTIONARY = load_dictionary(None)

# Names a file system accepts: anything but '/' and NUL, not hidden, not a README.
stems = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=24).filter(
    lambda s: not s.startswith((".", "_")) and not s.upper().startswith("README") and len(s.encode("utf-8")) < 200
)
# Article bodies: any text with something to quote, no NUL (that is refused as binary).
bodies = st.text(st.characters(blacklist_characters="\x00\ufeff", blacklist_categories=("Cs",)), min_size=1, max_size=300).filter(
    lambda s: s.strip() != ""
)
dates = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


def _to_rdflib(term):
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _norm(term):
    """One spelling per value: plain strings without xsd:string, decimals in canonical form."""
    if isinstance(term, Literal):
        if term.language:
            return Literal(str(term), lang=term.language)
        if term.datatype in (None, XSD_STRING):
            return Literal(str(term))
        if term.datatype == XSD_DECIMAL:
            return Literal(format(Decimal(str(term)).normalize(), "f"), datatype=XSD_DECIMAL)
    return term


def _union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, _norm(o)))
    return graph


def _assert_same(expected: Graph, actual: Graph, what: str) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(expected, actual)
        pytest.fail(
            f"{what} differs:\n- " + "\n- ".join(sorted(map(str, only_expected))[:5])
            + "\n+ " + "\n+ ".join(sorted(map(str, only_actual))[:5])
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(stems, bodies, dates), min_size=1, max_size=3, unique_by=lambda t: t[0]), st.data())
def test_hostile_names_dates_and_texts_round_trip_in_both_engines(articles, data) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        for stem, body, published in articles:
            front = f"published: {published.isoformat()}\n" if published else "title: x\n"
            with open(folder / (stem + ".txt"), "w", encoding="utf-8", newline="") as handle:
                handle.write(f"---\n{front}---\n{body}")
        read = load_articles(folder)
        assert not read.problems, [str(p) for p in read.problems]
        by_stem = read.by_id()
        stances = []
        for stem, body, published in articles:
            article = by_stem[stem]
            assert article.text == body and article.published == published
            start = data.draw(st.integers(0, len(body) - 1))
            end = data.draw(st.integers(start + 1, len(body)))
            stances.append(
                Stance(stem, "Israel", "disarmament", Polarity.SUPPORT, body[start:end], start, end, Method.CURATED, 1.0,
                       published=published)
            )
        dataset = build_dataset(read.articles, stances, Graph())  # the ontology is not what is tested here
        out = folder / "out"
        write_files({out / f"stancegraph.{name}": serialize(dataset, name) for name in ("ttl", "trig", "nt", "nq")})
        expected = _union(dataset)
        for name, rdflib_format, ox_format in (
            ("stancegraph.trig", "trig", pyoxigraph.RdfFormat.TRIG),
            ("stancegraph.nq", "nquads", pyoxigraph.RdfFormat.N_QUADS),
            ("stancegraph.ttl", "turtle", pyoxigraph.RdfFormat.TURTLE),
            ("stancegraph.nt", "nt", pyoxigraph.RdfFormat.N_TRIPLES),
        ):
            parsed = Dataset()
            parsed.parse(out / name, format=rdflib_format)
            _assert_same(expected, _union(parsed), f"{name} through rdflib")
            store = pyoxigraph.Store()
            store.load(path=str(out / name), format=ox_format)
            oxi = Graph()
            for quad in store:
                oxi.add((_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _norm(_to_rdflib(quad.object))))
            _assert_same(expected, oxi, f"{name} through pyoxigraph")
        # Every quote read back from the graph is the text between its offsets.
        sg = "https://w3id.org/stancegraph/ontology#"
        rows = pyoxigraph.Store()
        rows.load(path=str(out / "stancegraph.trig"), format=pyoxigraph.RdfFormat.TRIG)
        answers = rows.query(
            f"SELECT ?id ?q ?s ?e {{ ?st <{sg}quote> ?q ; <{sg}charStart> ?s ; <{sg}charEnd> ?e ;"
            " <http://www.w3.org/ns/prov#wasDerivedFrom> ?src . ?src <http://purl.org/dc/terms/identifier> ?id }",
            use_default_graph_as_union=True,
        )
        found = 0
        for row in answers:
            text = by_stem[row["id"].value].text
            assert text[int(row["s"].value):int(row["e"].value)] == row["q"].value
            found += 1
        assert found == len(stances)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# Text that stresses the rules: actor names and cue words mixed with markup, escapes and odd characters.
_WORDS = [
    "Israel", "Hamas", "the US", "Netanyahu", "Qatar", "insists", "rejects", "disarmament", "reconstruction",
    "ceasefire", "before", "unless", "only if", "no", "not", "withdrawal", "said", "\"", "'", "(", ")", ".", ",",
    "\n", "\r\n", "\t", "\x1b[31m", "\u202e", "\u200b", "—", "…", "🙂", "e\u0301", "Ｉｓｒａｅｌ", "ISRAEL",
]
fuzz_text = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), max_size=80).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(fuzz_text, st.text(max_size=400)))
def test_the_extractor_survives_random_and_adversarial_text(text: str) -> None:
    if not text.strip():
        return
    article = Article(source_id="fuzz", text=text)
    stances = extract_stances(article, DICTIONARY, LEXICON)
    for stance in stances:
        assert 0 <= stance.char_start < stance.char_end <= len(text)
        assert text[stance.char_start:stance.char_end] == stance.quote


LEXICON = load_lexicon(None)
