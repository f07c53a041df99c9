"""Stance identity and the merge rule: curated statements win over rule statements on the same passage."""
from __future__ import annotations

from datetime import date

from kg.model import Method, Polarity, Stance, merge_stances, stance_from_dict, stance_to_dict


def stance(holder: str, issue: str, polarity: Polarity, start: int, end: int, method: Method, **extra) -> Stance:
    return Stance(
        source_id="a", holder=holder, issue=issue, polarity=polarity, quote="x" * (end - start),
        char_start=start, char_end=end, method=method, confidence=1.0 if method is Method.CURATED else 0.7, **extra,
    )


def test_the_same_statement_hashes_the_same_whatever_found_it() -> None:
    rule = stance("Israel", "disarmament", Polarity.SUPPORT, 10, 40, Method.RULE, rule="cue.support")
    curated = stance("Israel", "disarmament", Polarity.SUPPORT, 10, 40, Method.CURATED)
    assert rule.stance_id == curated.stance_id
    assert rule.stance_id != stance("Israel", "disarmament", Polarity.OPPOSE, 10, 40, Method.RULE).stance_id
    assert rule.stance_id != stance("Israel", "disarmament", Polarity.SUPPORT, 11, 40, Method.RULE).stance_id


def test_curated_wins_on_an_overlapping_passage_for_the_same_holder_and_issue() -> None:
    curated = stance("Israel", "reconstruction", Polarity.CONDITIONAL, 100, 160, Method.CURATED, condition="disarmament")
    wrong_polarity = stance("Israel", "reconstruction", Polarity.SUPPORT, 120, 150, Method.RULE, rule="r1")
    same_key = stance("Israel", "reconstruction", Polarity.CONDITIONAL, 100, 160, Method.RULE, rule="r2", condition="disarmament")
    other_issue = stance("Israel", "disarmament", Polarity.SUPPORT, 120, 150, Method.RULE, rule="r3")
    elsewhere = stance("Israel", "reconstruction", Polarity.SUPPORT, 300, 340, Method.RULE, rule="r4")
    merged = merge_stances([curated], [wrong_polarity, same_key, other_issue, elsewhere])
    assert [(s.method, s.rule) for s in merged] == [
        (Method.RULE, "r3"),
        (Method.CURATED, None),
        (Method.RULE, "r4"),
    ]


def test_merge_output_is_sorted_and_free_of_duplicates() -> None:
    a = stance("US", "ceasefire", Polarity.SUPPORT, 50, 60, Method.RULE, rule="r")
    b = stance("Hamas", "ceasefire", Polarity.SUPPORT, 5, 20, Method.RULE, rule="r")
    assert merge_stances([], [a, b, a]) == [b, a]


def test_dict_round_trip() -> None:
    original = stance("Egypt", "peace_plan", Polarity.CONDITIONAL, 3, 9, Method.RULE, rule="conditional.unless",
                      condition="disarmament", reported_via="Channel 13", published=date(2025, 11, 15))
    assert stance_from_dict(stance_to_dict(original)) == original
