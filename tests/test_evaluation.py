"""Scoring on distinct (article, holder, issue, polarity) tuples, per issue and overall."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.annotations import load_annotations
from kg.dictionary import load_dictionary
from kg.evaluation import Score, evaluate
from kg.model import Method, Polarity, Stance
from kg.sources import load_articles

REPO = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "seeds.yaml"


def stance(source, holder, issue, polarity, start=0, end=10, quote="q", condition=None, method=Method.RULE):
    return Stance(source_id=source, holder=holder, issue=issue, polarity=Polarity(polarity), quote=quote,
                  char_start=start, char_end=end, method=method, confidence=0.8,
                  condition=condition or ("disarmament" if polarity == "conditional" else None))


GOLD_STANCES = [
    stance("a", "Israel", "disarmament", "support", 0, 20, "Israel insists on it"),
    stance("a", "Israel", "disarmament", "support", 50, 70, "again, elsewhere"),  # same tuple twice
    stance("a", "US", "reconstruction", "support", 100, 130, "US pushes for rebuilding"),
    stance("b", "Hamas", "ceasefire", "support", 0, 30, "Hamas seeks a permanent truce"),
    stance("b", "Israel", "ceasefire", "conditional", 40, 80, "truce if Hamas disarms"),
]


def test_scores_distinct_tuples_overall_and_per_issue():
    predicted = [
        stance("a", "Israel", "disarmament", "support", 5, 15, "insists"),       # tp (overlaps gold span)
        stance("a", "Israel", "disarmament", "support", 200, 210, "dup"),        # same tuple: counted once
        stance("a", "US", "reconstruction", "oppose", 100, 130, "wrong polarity"),  # fp
        stance("b", "Hamas", "ceasefire", "support", 300, 320, "elsewhere"),     # tp, no overlap
        stance("b", "Russia", "peace_plan", "oppose", 0, 5, "fp"),              # fp
    ]
    report = evaluate(predicted, GOLD_STANCES)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 2, 2)
    assert report.precision == pytest.approx(0.5)
    assert report.recall == pytest.approx(0.5)
    assert report.f1 == pytest.approx(0.5)
    assert report.overlapping == 1
    assert report.per_issue["disarmament"] == Score(1, 0, 0)
    assert report.per_issue["reconstruction"] == Score(0, 1, 1)
    assert report.per_issue["ceasefire"] == Score(1, 0, 1)
    assert report.per_issue["peace_plan"] == Score(0, 1, 0)
    assert set(report.misses) == {("a", "US", "reconstruction", "support"), ("b", "Israel", "ceasefire", "conditional")}
    assert set(report.false_positives) == {("a", "US", "reconstruction", "oppose"), ("b", "Russia", "peace_plan", "oppose")}


def test_condition_is_not_part_of_the_scored_tuple():
    predicted = [stance("b", "Israel", "ceasefire", "conditional", 40, 80, condition="withdrawal")]
    gold = [stance("b", "Israel", "ceasefire", "conditional", 40, 80, condition="disarmament")]
    report = evaluate(predicted, gold)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)


def test_perfect_and_empty_predictions():
    perfect = evaluate(GOLD_STANCES, GOLD_STANCES)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    assert perfect.overlapping == perfect.overall.tp == 4
    empty = evaluate([], GOLD_STANCES)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert empty.overall.fn == 4
    nothing = evaluate([], [])
    assert (nothing.overall.tp, nothing.overall.fp, nothing.overall.fn) == (0, 0, 0)
    assert nothing.per_issue == {}


def test_format_text_table_and_show_lists_misses_and_false_positives():
    predicted = [stance("a", "Israel", "disarmament", "support", 5, 15, "insists"),
                 stance("b", "Russia", "peace_plan", "oppose", 0, 5, "Moscow sidesteps the plan")]
    report = evaluate(predicted, GOLD_STANCES)
    table = report.format_text()
    lines = table.splitlines()
    assert lines[0].split() == ["issue", "tp", "fp", "fn", "precision", "recall", "f1"]
    assert any(line.split()[:4] == ["disarmament", "1", "0", "0"] for line in lines)
    assert any(line.split() == ["overall", "1", "1", "3", "0.500", "0.250", "0.333"] for line in lines)
    assert "missed" not in table
    shown = report.format_text(show=True)
    assert "missed (in gold, not found): 3" in shown
    assert "false positives (found, not in gold): 1" in shown
    assert "b  Russia  peace_plan  oppose" in shown
    assert '"Moscow sidesteps the plan"' in shown
    assert '"US pushes for rebuilding"' in shown


def test_to_dict_is_json_ready():
    report = evaluate([stance("a", "Israel", "disarmament", "support", 5, 15)], GOLD_STANCES)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"] == {"tp": 1, "fp": 0, "fn": 3, "precision": 1.0, "recall": 0.25, "f1": 0.4}
    assert data["quote_overlap"] == {"matched": 1, "overlapping": 1}
    assert {m["holder"] for m in data["misses"]} == {"US", "Hamas", "Israel"}
    assert data["false_positives"] == []
    assert set(data["per_issue"]) == {"disarmament", "reconstruction", "ceasefire"}


def test_gold_against_itself_from_the_annotation_file():
    folder = load_articles(REPO / "sources")
    dictionary = load_dictionary(REPO / "ontology")
    gold = load_annotations(GOLD, folder.by_id(), dictionary)
    report = evaluate(gold, gold)
    assert report.overall.tp == len({(s.source_id, s.holder, s.issue, s.polarity.value) for s in gold}) == 45
    assert report.overall.fp == report.overall.fn == 0


def test_precision_by_confidence_counts_a_tuple_at_its_most_confident_stance():
    def rated(source, holder, issue, polarity, confidence):
        return Stance(**{**stance(source, holder, issue, polarity).__dict__, "confidence": confidence})

    predicted = [
        rated("a", "Israel", "disarmament", "support", 0.3),   # right, and rated 0.9 below: counted at 0.9
        rated("a", "Israel", "disarmament", "support", 0.9),
        rated("a", "US", "reconstruction", "support", 0.85),   # right
        rated("b", "Russia", "peace_plan", "oppose", 0.95),    # wrong
        rated("b", "Hamas", "ceasefire", "support", 0.65),     # right
        rated("b", "Qatar", "ceasefire", "support", 0.2),      # wrong
    ]
    report = evaluate(predicted, GOLD_STANCES)
    assert report.by_confidence == {"0.8-1.0": (2, 3), "0.6-0.8": (1, 1), "under 0.4": (0, 1)}
    assert "right by confidence: 0.8-1.0: 2 of 3 (0.67); 0.6-0.8: 1 of 1 (1.00); under 0.4: 0 of 1 (0.00)" in report.format_text()
    assert json.loads(json.dumps(report.to_dict()))["by_confidence"]["0.8-1.0"] == {"right": 2, "found": 3}
