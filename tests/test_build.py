"""The seeds built end to end: counts against the gold, provenance, SHACL, determinism."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF

from kg.build import build_graph, write_build
from kg.errors import AnnotationError
from kg.namespaces import ACTOR, ISSUE, SG, SOURCE
from kg.rdf import union_graph
from kg.sources import load_articles
from kg.validation import validate_graph


def gold_tuples(gold: dict) -> set[tuple[str, str, str, str]]:
    return {(a, e["holder"], e["issue"], e["polarity"]) for a, entries in gold["articles"].items() for e in entries}


def test_curated_build_holds_exactly_the_gold_statements(curated_build, gold) -> None:
    result, _ = curated_build
    distinct_entries = {
        (a, e["holder"], e["issue"], e["polarity"], e.get("condition"), e["quote"])
        for a, entries in gold["articles"].items()
        for e in entries
    }
    assert len(result.stances) == len(distinct_entries) == 59
    assert {(s.source_id, s.holder, s.issue, s.polarity.value) for s in result.stances} == gold_tuples(gold)
    assert len(result.articles) == 5
    assert result.problems == []


def test_the_graph_answers_with_the_gold_tuples(curated_build, gold) -> None:
    result, _ = curated_build
    graph = union_graph(result.dataset)
    found = set()
    for stance in graph.subjects(RDF.type, SG.Stance):
        source = graph.value(stance, PROV.wasDerivedFrom)
        found.add(
            (
                str(graph.value(source, DCTERMS.identifier)),
                str(graph.value(stance, SG.holder)).removeprefix(str(ACTOR)),
                str(graph.value(stance, SG.issue)).removeprefix(str(ISSUE)),
                str(graph.value(stance, SG.polarity)).removeprefix(str(SG)).lower(),
            )
        )
    assert found == gold_tuples(gold)


def test_every_quote_is_the_text_between_its_offsets(curated_build) -> None:
    result, _ = curated_build
    texts = {a.source_id: a.text for a in result.articles}
    graph = union_graph(result.dataset)
    stances = list(graph.subjects(RDF.type, SG.Stance))
    assert len(stances) == 59
    for stance in stances:
        source_id = str(graph.value(graph.value(stance, PROV.wasDerivedFrom), DCTERMS.identifier))
        start = graph.value(stance, SG.charStart).toPython()
        end = graph.value(stance, SG.charEnd).toPython()
        assert texts[source_id][start:end] == str(graph.value(stance, SG.quote))


def test_stances_carry_their_source_date_and_conditions(curated_build) -> None:
    result, _ = curated_build
    graph = union_graph(result.dataset)
    conditional = [s for s in graph.subjects(SG.polarity, SG.Conditional)]
    assert conditional
    for stance in conditional:
        assert graph.value(stance, SG.condition) is not None
    source = SOURCE["004_7e26575f6888aeed"]
    assert graph.value(source, DCTERMS.issued) == Literal(date(2025, 7, 25))
    assert (source, DCTERMS.publisher, None) not in graph
    for stance in graph.subjects(PROV.wasDerivedFrom, source):
        assert str(graph.value(stance, DCTERMS.date)) == "2025-07-25"
        assert graph.value(stance, SG.method) == SG.CuratedAnnotation


def test_the_build_conforms_to_the_shapes(curated_build) -> None:
    result, _ = curated_build
    report = validate_graph(result.dataset)
    assert report.conforms, report.format_text()


def test_two_builds_write_identical_bytes(tmp_path: Path, seeds_dir: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_build(build_graph(seeds_dir, extract=False), first)
    write_build(build_graph(seeds_dir, extract=False), second)
    for name in ("stancegraph.ttl", "stancegraph.trig"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_stance_iris_do_not_depend_on_the_order_of_annotations(tmp_path: Path, seeds_dir: Path) -> None:
    annotations = seeds_dir / "annotations" / "seeds.yaml"
    lines = annotations.read_text(encoding="utf-8")
    before = {s.stance_id for s in build_graph(seeds_dir, extract=False).stances}
    # Move the last article's block to the top of the articles mapping.
    head, tail = lines.split("  004_7e26575f6888aeed:\n")
    start = head.index("articles:\n") + len("articles:\n")
    annotations.write_text(head[:start] + "  004_7e26575f6888aeed:\n" + tail + head[start:], encoding="utf-8")
    after = {s.stance_id for s in build_graph(seeds_dir, extract=False).stances}
    assert before == after


def test_a_folder_without_annotations_builds_with_zero_stances(tmp_path: Path, seeds_dir: Path) -> None:
    (seeds_dir / "annotations" / "seeds.yaml").unlink()
    result = build_graph(seeds_dir, extract=False)
    assert result.stances == [] and len(result.articles) == 5


def test_annotations_of_an_unreadable_article_are_skipped_not_fatal(seeds_dir: Path) -> None:
    (seeds_dir / "003_22080ab9aa80b605.txt").write_bytes(b"\x00\x01binary")
    result = build_graph(seeds_dir, extract=False)
    assert len(result.articles) == 4
    assert {s.source_id for s in result.stances} == {
        "000_9f35d4ad34641da1",
        "001_e22e95d8dd461b33",
        "002_fde916106131c18b",
        "004_7e26575f6888aeed",
    }
    assert "003_22080ab9aa80b605.txt: not a text file" in str(result.problems[0])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("holder: Russia, issue: peace_plan", "holder: Kremlinia, issue: peace_plan", "article 000_9f35d4ad34641da1, entry 11: unknown actor id 'Kremlinia'"),
        ("Israel insists on full demilitarization", "Israel insists on partial demilitarization", "article 000_9f35d4ad34641da1, entry 1: quote not found in the article text"),
        ("issue: humanitarian_aid, polarity: oppose", "issue: food, polarity: oppose", "article 004_7e26575f6888aeed, entry 4: unknown issue id 'food'"),
        ("polarity: conditional, condition: disarmament,\n       quote: \"Israeli officials insist", "polarity: conditional,\n       quote: \"Israeli officials insist", "article 000_9f35d4ad34641da1, entry 2: a conditional stance needs a 'condition'"),
        ("polarity: support,\n       quote: \"Israel insists", "polarity: maybe,\n       quote: \"Israel insists", "entry 1: polarity must be support, oppose or conditional"),
    ],
)
def test_bad_annotations_name_the_file_and_entry(seeds_dir: Path, old: str, new: str, message: str) -> None:
    path = seeds_dir / "annotations" / "seeds.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(AnnotationError) as caught:
        build_graph(seeds_dir, extract=False)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_annotation_for_an_article_that_is_not_there(seeds_dir: Path) -> None:
    path = seeds_dir / "annotations" / "extra.yaml"
    path.write_text("articles:\n  999_missing:\n    - {holder: US, issue: ceasefire, polarity: support, quote: x}\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="article 999_missing: no such source"):
        build_graph(seeds_dir, extract=False)


def test_annotation_file_that_is_not_yaml(seeds_dir: Path) -> None:
    path = seeds_dir / "annotations" / "seeds.yaml"
    path.write_text("articles:\n  - [unclosed\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"seeds\.yaml: not valid YAML at line"):
        build_graph(seeds_dir, extract=False)


def test_person_holder_counts_for_the_actor_they_represent(seeds_dir: Path) -> None:
    path = seeds_dir / "annotations" / "seeds.yaml"
    path.write_text(
        "articles:\n  003_22080ab9aa80b605:\n"
        "    - {holder: BenjaminNetanyahu, issue: ceasefire, polarity: oppose, quote: \"Netanyahu called Hamas’s demands unacceptable\"}\n",
        encoding="utf-8",
    )
    (stance,) = build_graph(seeds_dir, extract=False).stances
    assert stance.holder == "Israel"
    article = load_articles(seeds_dir).by_id()["003_22080ab9aa80b605"]
    assert article.text[stance.char_start:stance.char_end] == "Netanyahu called Hamas’s demands unacceptable"
