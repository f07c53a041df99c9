"""Scoring on distinct (article, holder, issue, polarity) tuples, per issue and overall."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.annotations import load_annotations
from kg.dictionary import load_dictionary
from kg.evaluation import (SWEEP_THRESHOLDS, Score, added_by, article_interval, best_at_bar_precision, difference_interval,
                           evaluate, evaluate_folder, format_added, threshold_sweep)
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


def test_scores_per_polarity_add_up_to_the_overall_and_read_support_first():
    predicted = [
        stance("a", "Israel", "disarmament", "support", 5, 15, "insists"),       # tp support
        stance("a", "US", "reconstruction", "oppose", 100, 130, "wrong polarity"),  # fp oppose; the support is missed
        stance("b", "Russia", "peace_plan", "oppose", 0, 5, "fp"),              # fp oppose
    ]
    report = evaluate(predicted, GOLD_STANCES)
    assert report.per_polarity == {"support": Score(1, 0, 2), "oppose": Score(0, 2, 0), "conditional": Score(0, 0, 1)}
    totals = [sum(getattr(s, k) for s in report.per_polarity.values()) for k in ("tp", "fp", "fn")]
    assert totals == [report.overall.tp, report.overall.fp, report.overall.fn]
    line = next(l for l in report.format_text().splitlines() if l.startswith("by polarity: "))
    assert line.index("support") < line.index("oppose") < line.index("conditional")
    assert "oppose 0.000 / 0.000 / 0.000 (tp 0, fp 2, fn 0)" in line
    assert list(report.to_dict()["per_polarity"]) == ["support", "oppose", "conditional"]


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


def _tuples(article_count: int, right: int, wrong: int, missed: int, prefix: str = "a") -> tuple[set, set]:
    """Predicted and gold tuples of `article_count` articles, each with that many right, wrong and missed."""
    predicted, gold = set(), set()
    for n in range(article_count):
        for k in range(right):
            predicted.add((f"{prefix}{n}", f"H{k}", "ceasefire", "support"))
            gold.add((f"{prefix}{n}", f"H{k}", "ceasefire", "support"))
        for k in range(wrong):
            predicted.add((f"{prefix}{n}", f"W{k}", "ceasefire", "support"))
        for k in range(missed):
            gold.add((f"{prefix}{n}", f"M{k}", "ceasefire", "support"))
    return predicted, gold


def test_the_interval_of_articles_that_all_score_alike_is_the_score_itself():
    predicted, gold = _tuples(12, right=3, wrong=1, missed=3)
    interval = article_interval(predicted, gold)
    assert interval == {"precision": (0.75, 0.75), "recall": (0.5, 0.5), "f1": (0.6, 0.6)}


def test_the_interval_widens_with_unlike_articles_and_brackets_the_score():
    good, gold_good = _tuples(10, right=4, wrong=0, missed=0, prefix="g")
    bad, gold_bad = _tuples(10, right=0, wrong=4, missed=4, prefix="b")
    predicted, gold = good | bad, gold_good | gold_bad
    point = evaluate_tuples(predicted, gold)
    interval = article_interval(predicted, gold)
    low, high = interval["precision"]
    assert low < point.precision == 0.5 < high and high - low > 0.2
    assert article_interval(predicted, gold) == interval  # a fixed seed: the same input, the same interval
    assert article_interval(predicted, gold, seed=1) != interval


def test_no_interval_from_one_article():
    predicted, gold = _tuples(1, right=2, wrong=1, missed=1)
    assert article_interval(predicted, gold) == {}


def test_the_difference_interval_is_zero_for_the_same_predictions_and_above_zero_for_a_gain_in_every_article():
    base, gold = _tuples(15, right=2, wrong=1, missed=2)
    assert difference_interval(base, base, gold) == {"precision": (0.0, 0.0), "recall": (0.0, 0.0), "f1": (0.0, 0.0)}
    better = base | {(f"a{n}", "M0", "ceasefire", "support") for n in range(15)}
    low, high = difference_interval(better, base, gold)["recall"]
    assert 0 < low <= high


def test_what_a_change_adds_has_its_interval_and_reads_on_one_line():
    base, gold = _tuples(15, right=2, wrong=1, missed=2)
    better = base | {(f"a{n}", "M0", "ceasefire", "support") for n in range(15)}
    on = evaluate([_as_stance(t) for t in better], [_as_stance(t) for t in gold])
    off = evaluate([_as_stance(t) for t in base], [_as_stance(t) for t in gold])
    added = added_by(on, off)
    assert (added["tp"], added["fp"], added["fn"]) == (15, 0, -15)
    assert added["interval"]["recall"][0] > 0
    line = format_added(added, ["some_rule"])
    assert line == ("what some_rule add(s): tp +15, fp +0, precision +0.083 (+0.083 to +0.083), recall +0.250 "
                    "(+0.250 to +0.250), f1 +0.179 (+0.179 to +0.179)  [95% bootstrap intervals over articles]")
    assert json.loads(json.dumps(added)) == added


def test_the_report_carries_its_interval_in_text_and_json():
    predicted, gold = _tuples(8, right=2, wrong=1, missed=1)
    report = evaluate([_as_stance(t) for t in predicted], [_as_stance(t) for t in gold])
    assert report.interval["precision"] == (2 / 3, 2 / 3)
    assert "95% bootstrap interval over articles (1000 draws): precision 0.667-0.667" in report.format_text()
    data = json.loads(json.dumps(report.to_dict()))["interval"]
    assert data == {"level": 0.95, "resamples": 1000, "precision": [0.6667, 0.6667], "recall": [0.6667, 0.6667],
                    "f1": [0.6667, 0.6667]}


def evaluate_tuples(predicted: set, gold: set) -> Score:
    return Score(tp=len(predicted & gold), fp=len(predicted - gold), fn=len(gold - predicted))


def _as_stance(t: tuple) -> Stance:
    return stance(t[0], t[1], t[2], t[3])


def test_pooled_folders_are_named_by_the_last_parts_that_tell_them_apart(tmp_path: Path):
    from kg.evaluation import _folder_labels

    assert _folder_labels([tmp_path / "u52", tmp_path / "u53"]) == ["u52", "u53"]
    assert _folder_labels([tmp_path / "a" / "test", tmp_path / "b" / "test"]) == ["a/test", "b/test"]


# --- agreement between two annotations ---------------------------------------------------------------

WRITTEN = REPO / "tests" / "fixtures" / "written"
SECOND = REPO / "tests" / "fixtures" / "agreement" / "second_annotator.yaml"


def test_a_second_annotation_is_scored_against_the_first_on_the_articles_both_cover():
    from kg.evaluation import evaluate_agreement

    report = evaluate_agreement([(WRITTEN, WRITTEN / "gold.yaml", SECOND)])
    # the first file covers twenty articles, the second two: only those two count
    assert report.articles == 2
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (13, 2, 3)
    assert report.misses.keys() == {("analysis_troop_contributors", "Egypt", "stabilization_force", "oppose"),
                                    ("analysis_un_vote", "PalestinianAuthority", "peace_plan", "support"),
                                    ("analysis_un_vote", "ISFPartners", "stabilization_force", "conditional")}
    assert report.errors == {"missing": 2, "spurious": 1, "wrong polarity": 1, "wrong holder": 0, "wrong issue": 0}
    # the US's stance rests only on an "Implicit:" note of the second annotator's
    assert (report.explicit.tp, report.explicit.fp, report.explicit.fn) == (13, 1, 3)
    # Azerbaijan's condition is another issue in the second file
    assert (report.conditions.tp, report.conditions.fp, report.conditions.fn) == (3, 1, 1)
    # F1 does not depend on which annotation is the reference
    swapped = evaluate_agreement([(WRITTEN, SECOND, WRITTEN / "gold.yaml")])
    assert swapped.overall.f1 == pytest.approx(report.overall.f1)
    assert (swapped.overall.fp, swapped.overall.fn) == (3, 2)


def test_kg_agree_prints_the_agreement_and_names_a_bad_spec():
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["agree", f"{WRITTEN}:{SECOND}", "--show"])
    assert result.exit_code == 0, result.output
    assert "overall              13   2   3      0.867   0.812  0.839" in result.output
    assert "differences, the second against the first: missing 2, spurious 1" in result.output
    assert "the first annotation alone: 3" in result.output and "the second annotation alone: 2" in result.output
    assert "right by confidence" not in result.output
    data = json.loads(CliRunner().invoke(cli, ["agree", f"{WRITTEN}:{WRITTEN / 'gold.yaml'}:{SECOND}", "--json"]).output)
    assert data["overall"]["tp"] == 13 and data["without_implicit"]["fp"] == 1
    for spec, message in ((str(WRITTEN), "expected FOLDER:SECOND_GOLD or FOLDER:FIRST_GOLD:SECOND_GOLD"),
                          (f"{WRITTEN}:missing.yaml", "missing.yaml: no such gold file"),
                          (f"{REPO / 'nowhere'}:{SECOND}", "nowhere: no such source folder")):
        failed = CliRunner().invoke(cli, ["agree", spec])
        assert failed.exit_code == 2 and message in failed.output


def test_agreement_pools_folders_and_keeps_each_folders_own_score(tmp_path: Path):
    import shutil

    from kg.evaluation import evaluate_agreement

    folders = []
    for name in ("first_batch", "second_batch"):
        shutil.copytree(WRITTEN, tmp_path / name)
        folders.append((tmp_path / name, tmp_path / name / "gold.yaml", SECOND))
    report = evaluate_agreement(folders)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (26, 4, 6)
    assert {label: (s.tp, s.fp, s.fn) for label, s in report.per_folder.items()} == {
        "first_batch": (13, 2, 3), "second_batch": (13, 2, 3)}
    assert "by folder:" in report.format_text()


def test_batches_of_folders_count_how_each_misses_the_bars():
    from kg.evaluation import BatchCount

    good = Score(tp=10, fp=0, fn=0)
    # a folder of misses only: any batch holding it stays precise but finds too little (F1 alone)
    missing = Score(tp=0, fp=0, fn=200)
    count = BatchCount.of([good, good, good, good, missing], size=4)
    assert (count.batches, count.meeting, count.f1_only, count.precision_only, count.both) == (5, 1, 4, 0, 0)
    # a folder of false positives only: precision falls, and F1 with it (both), or precision alone
    wrong = Score(tp=0, fp=100, fn=0)
    assert BatchCount.of([good] * 4 + [wrong], size=4).both == 4
    slightly_wrong = Score(tp=0, fp=20, fn=0)  # 30 right of 50 found, all 30 of the gold: P 0.6, F1 0.75
    count = BatchCount.of([good] * 4 + [slightly_wrong], size=4)
    assert (count.meeting, count.precision_only) == (1, 4) and not count.sampled
    assert count.format_text() == ("batches of 4 folders meeting precision >= 0.75 and F1 >= 0.55: 1 of 5; of the 4 "
                                   "that miss, 0 on F1 alone, 4 on precision alone, 0 on both")
    # as many folders as a batch, or fewer: the one batch is the pool itself, nothing to count
    assert BatchCount.of([good] * 4, size=4) is None and BatchCount.of([good] * 5, size=0) is None


def test_folder_batches_are_every_combination_or_the_seeded_sample_of_them():
    import itertools
    import random

    from kg.evaluation import MOST_BATCHES, folder_batches

    assert folder_batches(6, 4) == list(itertools.combinations(range(6), 4))
    # past MOST_BATCHES the sample drawn from the full list, found without making the list
    every = list(itertools.combinations(range(28), 4))
    assert len(every) > MOST_BATCHES
    assert folder_batches(28, 4) == random.Random(0).sample(every, MOST_BATCHES)
    assert len(set(folder_batches(91, 4))) == MOST_BATCHES and all(
        len(set(batch)) == 4 and max(batch) < 91 for batch in folder_batches(91, 4)[:100])
    assert folder_batches(3, 4) == [] and folder_batches(3, 0) == []


def test_batches_given_are_counted_as_they_are():
    from kg.evaluation import BatchCount

    good, wrong = Score(tp=10, fp=0, fn=0), Score(tp=0, fp=100, fn=0)
    # a caller that rates the same folders many times makes the batches once and hands them in
    count = BatchCount.of([good, wrong, good], batches=[(0, 2), (0, 1)])
    assert (count.batches, count.meeting, count.both) == (2, 1, 1)


def test_the_sweep_keeps_every_tuple_rated_at_least_each_threshold_and_finds_the_best_point_at_the_precision_bar():
    gold = {("a", "Israel", "disarmament", "support"), ("a", "US", "reconstruction", "support"),
            ("b", "Hamas", "ceasefire", "support"), ("b", "Qatar", "ceasefire", "support")}
    rated = {("a", "Israel", "disarmament", "support"): 0.9, ("a", "Hamas", "disarmament", "oppose"): 0.8,
             ("a", "US", "reconstruction", "support"): 0.7, ("b", "Israel", "ceasefire", "oppose"): 0.65,
             ("b", "Hamas", "ceasefire", "support"): 0.5, ("b", "Qatar", "ceasefire", "support"): 0.5,
             ("b", "Egypt", "ceasefire", "oppose"): 0.4}
    at = dict(threshold_sweep(rated, gold, (0.4, 0.5, 0.6, 0.95)))
    assert at[0.6] == Score(tp=2, fp=2, fn=2) and at[0.5] == Score(tp=4, fp=2, fn=0)
    assert at[0.4] == Score(tp=4, fp=3, fn=0) and at[0.95] == Score(tp=0, fp=0, fn=4)
    # at 0.5 both tuples of that rating come in together: precision 4/6 is under the bar, so the best
    # point at precision 0.75 or more is the first tuple alone
    best = best_at_bar_precision(rated, gold)
    assert best == (0.9, Score(tp=1, fp=0, fn=3))
    assert best_at_bar_precision({("a", "Hamas", "disarmament", "oppose"): 0.8}, gold) is None


def test_the_report_shows_the_scores_at_other_thresholds_with_the_model_s_own_among_them():
    report = evaluate_folder(REPO / "sources", GOLD)
    assert report.model_threshold is not None and report.rated
    # the sweep at the model's own threshold is exactly what the report scores
    assert dict(threshold_sweep(report.rated, report.gold, [report.model_threshold]))[report.model_threshold] == report.overall
    sweep = threshold_sweep(report.rated, report.gold)
    kept = [score.tp + score.fp for _, score in sweep]
    assert kept == sorted(kept, reverse=True) and kept[0] > kept[-1]
    line = next(line for line in report.format_text().splitlines() if line.startswith("at other thresholds"))
    assert f"{report.model_threshold:.2f}* {report.precision:.3f} / {report.recall:.3f} / {report.f1:.3f}" in line
    data = json.loads(json.dumps(report.to_dict()))["thresholds"]
    assert data["model"] == report.model_threshold and [row["threshold"] for row in data["sweep"]] == list(SWEEP_THRESHOLDS)
    # with the stance model off there is no rating to sweep
    rules_alone = evaluate_folder(REPO / "sources", GOLD, ablate=["stance_model"])
    assert not rules_alone.rated and rules_alone.to_dict()["thresholds"] is None
    assert "at other thresholds" not in rules_alone.format_text()
