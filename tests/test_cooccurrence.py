"""Co-occurrence candidates: an actor and an issue named in one sentence that no rule links, rated
by the stance model. Texts here were written for the tests."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.errors import DictionaryError
from kg.extract import explain_stances, extract_stances, format_explanation, load_rule_book, stance_evidence
from kg.extract.scoring import RelationWords
from kg.model import Article

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology"
MODEL_FILE = Path("rules") / "stance_model.yaml"

TEXT = ("The truce between Israel and Hamas held on Sunday after talks mediated by Qatar. "
        "Egypt welcomed the ceasefire. "
        "Talks on the ceasefire resumed in Doha.")


def book_of(ontology: Path):
    """The rule book without the mediators' rule, which would link Qatar ("talks mediated by Qatar") and
    leave the pair no co-occurrence: these tests read the co-occurrence."""
    return load_rule_book(ontology).without(["mediator_of_deal"])


def write_model(ontology: Path, weights: dict[str, float], threshold: float = 0.5, margin: float = 0.0) -> None:
    shipped = yaml.safe_load((ONTOLOGY / MODEL_FILE).read_text(encoding="utf-8"))
    data = {"intercept": 0.0, "threshold": threshold, "cooccurrence_margin": margin, "report_words": ["said"],
            "cooccurrence": shipped["cooccurrence"], "weights": weights}
    (ontology / MODEL_FILE).write_text(yaml.safe_dump(data), encoding="utf-8")


def candidates(dictionary, book) -> dict[tuple[str, str], list]:
    found: dict[tuple[str, str], list] = {}
    for item in stance_evidence(Article("t", TEXT), dictionary, rules=book):
        if item.stance.rule == "cooccurrence" and item.stance.polarity.value == "support":
            found.setdefault((item.stance.holder, item.stance.issue), []).append(item)
    return found


def test_every_actor_and_issue_named_together_that_no_rule_links_is_a_candidate(dictionary):
    found = candidates(dictionary, book_of(ONTOLOGY))
    # Egypt's stance is the rules' (subject of "welcomed"): no candidate repeats it
    assert set(found) == {("Israel", "ceasefire"), ("Hamas", "ceasefire"), ("Qatar", "ceasefire")}
    # one candidate per sentence, each quoting its sentence
    mediated, talks = found[("Qatar", "ceasefire")]
    for item in (mediated, talks):
        assert item.stance.polarity.value == "support" and item.stance.quote == TEXT[item.stance.char_start:item.stance.char_end]
    assert mediated.stance.quote.startswith("The truce between Israel and Hamas") and talks.stance.quote.startswith("Talks on")
    context = dict(mediated.context)
    assert context["co_agent"] == 1.0 and context["co_w=between"] == 1.0 and context["co_w=deal"] == 1.0
    assert context["co_w=mediation"] == 1.0 and "co_holder_first" not in context  # "truce" comes before Qatar
    # "Doha" is Qatar, named after "in": a place more than a party; the words around the two names
    # ("in" is too short to count) are the relation words
    assert dict(talks.context) == {"co_after_preposition": 1.0, "co_near": 1.0, "between=resumed": 1.0,
                                   "before_holder=ceasefire": 1.0, "before_holder=resumed": 1.0}
    israel = dict(found[("Israel", "ceasefire")][0].context)
    assert "co_agent" not in israel and israel["co_near"] == 1.0


def test_a_rule_stance_is_rated_by_the_words_around_its_holder_too(dictionary):
    (welcomed,) = [item for item in stance_evidence(Article("t", TEXT), dictionary, rules=book_of(ONTOLOGY))
                   if item.stance.holder == "Egypt"]
    # "Egypt welcomed the ceasefire.": "the" is a stop word, and the words of the sentence before
    # ("mediated by Qatar.") are not this sentence's
    assert welcomed.stance.rule == "subject_of_cue"
    assert dict(welcomed.context) == {"between=welcomed": 1.0, "after_holder=welcomed": 1.0, "after_holder=ceasefire": 1.0}


def test_relation_words_read_the_closest_pair_of_names_in_the_sentence():
    words = RelationWords(window=2, between_max=20, stop=frozenset({"the"}))
    text = "Hamas said on Monday that it rejects the ceasefire terms. Hamas also spoke."
    sentence = (0, text.index(".") + 1)
    hamas, ceasefire = (0, 5), (text.index("ceasefire"), text.index("ceasefire") + 9)
    # more than 20 characters apart: no words between them, only the window after "Hamas" (2 words)
    far = words.features(text, [hamas], [ceasefire], sentence)
    assert far == {"holder_far": 1.0, "after_holder=said": 1.0, "after_holder=monday": 1.0}
    near = RelationWords(window=2, between_max=200, stop=frozenset({"the"})).features(text, [hamas], [ceasefire], sentence)
    assert {k for k in near if k.startswith("between=")} == {f"between={w}" for w in ("said", "monday", "that", "rejects")}
    # of two names of the holder, the one closest to the issue's
    second = (text.index("Hamas also"), text.index("Hamas also") + 5)
    assert words.features(text, [second, hamas], [ceasefire], (0, len(text)))["before_holder=terms"] == 1.0
    assert words.features(text, [], [ceasefire], sentence) == {"holder_unnamed": 1.0}
    assert words.features(text, [hamas], [], sentence) == {}


@pytest.mark.parametrize("relation_words", [["the"], {"window": 0}, {"window": "three"}, {"stop": "the"}, {"between_max": True}])
def test_a_malformed_relation_words_entry_is_refused(ontology_copy, relation_words):
    data = yaml.safe_load((ONTOLOGY / MODEL_FILE).read_text(encoding="utf-8"))
    data["relation_words"] = relation_words
    (ontology_copy / MODEL_FILE).write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DictionaryError, match="relation_words"):
        load_rule_book(ontology_copy)


def test_the_model_decides_which_candidates_are_kept(ontology_copy, dictionary):
    write_model(ontology_copy, {"co_agent": 2.0, "rule=cooccurrence": -1.0})
    book = book_of(ontology_copy)
    kept = [s for s in extract_stances(Article("t", TEXT), dictionary, rules=book) if s.rule == "cooccurrence"]
    # both of Qatar's sentences carry the rating of its pair: 1 / (1 + e^-(2 - 1))
    assert {(s.holder, s.issue, s.confidence) for s in kept} == {("Qatar", "ceasefire", 0.73)} and len(kept) == 2


@pytest.mark.parametrize("margin,kept", [(0.2, True), (0.25, False)])
def test_a_candidate_must_clear_the_threshold_by_the_margin(ontology_copy, dictionary, margin, kept):
    # Qatar's pair rates 0.73 and Egypt's rule stance 0.5: only the co-occurrence needs the margin
    write_model(ontology_copy, {"co_agent": 2.0, "rule=cooccurrence": -1.0}, threshold=0.5, margin=margin)
    stances = extract_stances(Article("t", TEXT), dictionary, rules=book_of(ontology_copy))
    assert any(s.rule == "cooccurrence" for s in stances) is kept
    assert ("Egypt", "ceasefire") in {(s.holder, s.issue) for s in stances}


def test_without_the_model_no_candidate_is_kept(dictionary):
    book = book_of(ONTOLOGY)
    for off in (["stance_model"], ["cooccurrence"]):
        stances = extract_stances(Article("t", TEXT), dictionary, rules=book.without(off))
        assert stances and all(s.rule != "cooccurrence" for s in stances)
    assert not candidates(dictionary, book.without(["cooccurrence"]))


def test_explain_shows_the_sentence_and_what_rated_a_candidate(ontology_copy, dictionary):
    write_model(ontology_copy, {"co_agent": 2.0, "rule=cooccurrence": -1.0})
    explained = [(s, why) for s, why in explain_stances(Article("t", TEXT), dictionary, rules=book_of(ontology_copy))
                 if s.rule == "cooccurrence"]
    stance, why = explained[0]
    assert why.sentence == stance.quote and why.path == () and why.reasons[0] == ("co_agent", 2.0)
    shown = format_explanation(explained)
    assert "  rules:    cooccurrence" in shown and "  rated by: co_agent +2.00, rule=cooccurrence -1.00" in shown
    assert "  sentence: The truce between Israel and Hamas" in shown and "path:" not in shown


@pytest.mark.parametrize("block,message", [
    ("cooccurrence_margin: 0.6\n", "the stance model's cooccurrence_margin must be a number in \\[0, 1 - threshold\\)"),
    ("cooccurrence_margin: wide\n", "the stance model's cooccurrence_margin must be a number"),
    ("cooccurrence: [mediator]\n", "'cooccurrence' must map 'cues'"),
    ("cooccurrence:\n  cues: {mediation: mediator}\n", "cooccurrence cue 'mediation' must be a list of words"),
    ("cooccurrence:\n  cues: {}\n  agents: ['']\n", "cooccurrence agents must be a list of words"),
    ("cooccurrence:\n  rejection: [refused]\n", "'cooccurrence' must map 'cues' and 'rejection'"),
    ("cooccurrence:\n  rejection: {reject: [no]}\n", "cooccurrence rejection 'reject' must be a list of words"),
])
def test_broken_cooccurrence_words_are_named_in_the_error(ontology_copy, block, message):
    (ontology_copy / MODEL_FILE).write_text("intercept: 0\nthreshold: 0.5\n" + block, encoding="utf-8")
    with pytest.raises(DictionaryError, match="stance_model.yaml: " + message):
        load_rule_book(ontology_copy)


@pytest.mark.parametrize("part,change", [("cooccurrence", lambda d: d["agents"].append("sponsored by")),
                                         ("relation_words", lambda d: d["stop"].append("also"))])
def test_the_feature_words_are_part_of_the_rule_book_digest(ontology_copy, part, change):
    data = yaml.safe_load((ontology_copy / MODEL_FILE).read_text(encoding="utf-8"))
    (ontology_copy / MODEL_FILE).write_text(yaml.safe_dump(data), encoding="utf-8")  # the same file, rewritten
    before = load_rule_book(ontology_copy).digest
    change(data[part])
    (ontology_copy / MODEL_FILE).write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_rule_book(ontology_copy).digest != before


def test_what_the_rules_read_as_a_holders_condition_is_no_candidate_of_that_holder(dictionary):
    text = "Indonesia will send troops to the stabilization force if the ceasefire between Israel and Hamas holds."
    evidence = stance_evidence(Article("t", text), dictionary, rules=load_rule_book(ONTOLOGY))
    ruled = {(e.stance.holder, e.stance.issue, e.stance.polarity.value, e.stance.condition)
             for e in evidence if e.stance.rule != "cooccurrence"}
    assert ("Indonesia", "stabilization_force", "conditional", "ceasefire") in ruled
    paired = {(e.stance.holder, e.stance.issue) for e in evidence if e.stance.rule == "cooccurrence"}
    # the parties to the truce are still candidates; the state whose condition it is is not
    assert ("Indonesia", "ceasefire") not in paired and {("Israel", "ceasefire"), ("Hamas", "ceasefire")} <= paired


def test_a_holder_the_rules_found_in_a_sentence_is_a_candidate_for_its_other_issues(dictionary):
    # a text written for this test: "they" are the two states; the rules link them to the ceasefire only
    text = "Egypt and Jordan met in Amman on Monday. They welcomed the ceasefire, which came as aid trucks entered Gaza."
    found = {(item.stance.holder, item.stance.issue): dict(item.context)
             for item in stance_evidence(Article("t", text), dictionary, rules=load_rule_book(ONTOLOGY))
             if item.stance.rule == "cooccurrence"}
    assert {("Egypt", "humanitarian_aid"), ("Jordan", "humanitarian_aid")} <= set(found)
    # named nowhere in the sentence: not near the issue, and the rules' own stance of the holder is there
    assert found[("Egypt", "humanitarian_aid")]["co_same_holder_other_issue"] == 1.0
    assert "co_near" not in found[("Egypt", "humanitarian_aid")]


REJECTING = ("The truce terms were rejected, and Egypt's negotiators left the talks. "
             "Qatar hosted talks on the ceasefire.")


def test_a_sentence_with_a_word_of_rejection_gives_each_pair_an_oppose_candidate_too(dictionary):
    book = load_rule_book(ONTOLOGY)
    found = [item for item in stance_evidence(Article("t", REJECTING), dictionary, rules=book)
             if item.stance.rule == "cooccurrence"]
    sides = {(item.stance.holder, item.stance.issue, item.stance.polarity.value): dict(item.context) for item in found}
    # Egypt, named in the rejecting sentence, may be either side; Qatar's sentence rejects nothing
    assert ("Egypt", "ceasefire", "support") in sides and ("Egypt", "ceasefire", "oppose") in sides
    assert not any(key[0] == "Qatar" and key[2] == "oppose" for key in sides)
    egypt = sides[("Egypt", "ceasefire", "oppose")]
    assert egypt["co_oppose"] == 1.0 and egypt["co_r=reject"] == 1.0
    assert "co_r_after_holder" not in egypt  # "rejected" comes before Egypt, not after it
    assert "co_oppose" not in sides[("Egypt", "ceasefire", "support")]


def test_the_two_sides_of_a_cooccurrence_are_not_a_conflict(dictionary):
    from kg.extract import article_features
    book = load_rule_book(ONTOLOGY)
    evidence = stance_evidence(Article("t", REJECTING), dictionary, rules=book)
    features = article_features(evidence, book.stance_model.report_pattern, len(REJECTING), book.stance_model.sentence_words)
    assert features[("Egypt", "ceasefire", "oppose")]["conflict"] == 0.0
    assert features[("Egypt", "ceasefire", "support")]["conflict"] == 0.0


def test_without_rejection_words_no_oppose_candidate_is_made(ontology_copy, dictionary):
    data = yaml.safe_load((ontology_copy / MODEL_FILE).read_text(encoding="utf-8"))
    del data["cooccurrence"]["rejection"]
    (ontology_copy / MODEL_FILE).write_text(yaml.safe_dump(data), encoding="utf-8")
    found = [item for item in stance_evidence(Article("t", REJECTING), dictionary, rules=load_rule_book(ontology_copy))
             if item.stance.rule == "cooccurrence"]
    assert found and all(item.stance.polarity.value == "support" for item in found)
