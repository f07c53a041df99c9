"""The parsed, rule-by-rule extractor: the shipped pipeline, each named rule on sentences written
for these tests (and what switching it off takes away), provenance, the data files, and scores.

Every sentence here was written for the tests; the real-news figures come from the corpus test at
the end, which reads the corpus from its own folder and is skipped where that folder is absent.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.errors import DictionaryError
from kg.evaluation import evaluate, evaluate_folder
from kg.annotations import load_annotations
from kg.extract import (
    EXTRACTOR_VERSION,
    explain_stances,
    extract_stances,
    extraction_fingerprint,
    format_explanation,
    load_lexicon,
    load_pipeline,
    load_rule_book,
)
from kg.extract.lemmatize import lemma_candidates
from kg.model import SUGGEST_FROM, Article, Method
from kg.sources import load_articles
from kg.text import title_case

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_GOLD = FIXTURES / "gold" / "seeds.yaml"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def rules():
    return load_rule_book(ONTOLOGY)


def rules_only(rules=None):
    """The rule book with the stance model off: these tests are about what the rules find, not how it is rated."""
    return (rules or load_rule_book()).without(["stance_model"])


def found(text: str, dictionary, rules=None) -> set[tuple]:
    """(holder, issue, polarity[, condition]) of what the rules find in a text."""
    return {
        (s.holder, s.issue, s.polarity.value) + ((s.condition,) if s.condition else ())
        for s in extract_stances(Article("t", text), dictionary, rules=rules_only(rules))
    }


def rules_of(text: str, dictionary, rules=None) -> dict[tuple, set[str]]:
    return {(s.holder, s.issue, s.polarity.value): set((s.rule or "").split("+"))
            for s in extract_stances(Article("t", text), dictionary, rules=rules_only(rules))}


# --- the pipeline -------------------------------------------------------------------------------


def test_shipped_pipeline_tags_lemmatizes_and_parses_offline():
    nlp = load_pipeline()
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser"]
    doc = nlp("Israel rejected the plan.")
    assert [t.tag_ for t in doc] == ["NNP", "VBD", "DT", "NN", "."]
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "det", "obj", "punct"]  # Universal Dependencies labels
    meta = json.loads((REPO / "kg" / "models" / "en_stancegraph_parse" / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0" and "EWT" in meta["sources"][0]["name"]


def test_the_pipeline_multiplies_with_numpys_blas_on_one_thread():
    from threadpoolctl import threadpool_info

    from kg.extract.parse import parse_sentences

    nlp = load_pipeline()
    assert all(not getattr(nlp.get_pipe(name).model.ops, "use_blis", True) for name in nlp.pipe_names)
    before = [(lib["user_api"], lib["num_threads"]) for lib in threadpool_info()]
    doc, = parse_sentences(["Egypt and Qatar backed the truce."], nlp)
    assert [t.dep_ for t in doc][:4] == ["nsubj", "cc", "conj", "ROOT"]
    assert [(lib["user_api"], lib["num_threads"]) for lib in threadpool_info()] == before  # the limit is lifted after


def test_a_run_of_spaces_inside_a_sentence_leaves_the_words_their_parse():
    from kg.extract.parse import parse_words

    text = "The  United States   backs the stabilization force."
    (single, same), (spaced, offsets) = parse_words(["The United States backs the stabilization force.", text])
    assert same is None  # no run of spaces: the doc's own offsets are the text's
    assert [(t.text, t.tag_, t.dep_, t.head.i) for t in spaced] == [(t.text, t.tag_, t.dep_, t.head.i) for t in single]
    assert [text[k:k + len(t.text)] for k, t in zip(offsets, spaced)] == [t.text for t in spaced]


# Written for this test, no real outlet's: a Markdown article and the same words without the marks.
MARKDOWN_ARTICLE = """# Talks stall over weapons

*Cairo, Nov. 20* — **Hamas** rejected any plan to disarm, a senior official said on Thursday.

- Israel insists on full demilitarization before reconstruction.
- The _United States_ backs the [stabilization force](https://example.org/isf_plan).
"""
PLAIN_ARTICLE = """Talks stall over weapons

Cairo, Nov. 20 — Hamas rejected any plan to disarm, a senior official said on Thursday.

- Israel insists on full demilitarization before reconstruction.
- The United States backs the stabilization force.
"""


@pytest.mark.parametrize("rated", [False, True])
def test_a_markdown_article_is_read_past_its_marks_and_quoted_as_written(dictionary, rated):
    rules = load_rule_book() if rated else rules_only()
    markdown = extract_stances(Article("t", MARKDOWN_ARTICLE, path="t.md"), dictionary, rules=rules)
    plain = extract_stances(Article("t", PLAIN_ARTICLE, path="t.txt"), dictionary, rules=rules)
    expected = {("Hamas", "disarmament", "oppose", None), ("Israel", "disarmament", "support", None),
                ("Israel", "reconstruction", "conditional", "disarmament"), ("US", "stabilization_force", "support", None)}
    assert {(s.holder, s.issue, s.polarity.value, s.condition) for s in plain} == expected
    assert {(s.holder, s.issue, s.polarity.value, s.condition) for s in markdown} == expected  # no Egypt from "*Cairo*"
    assert all(MARKDOWN_ARTICLE[s.char_start:s.char_end] == s.quote for s in markdown)
    assert any("_United States_" in s.quote for s in markdown)
    explained = explain_stances(Article("t", MARKDOWN_ARTICLE, path="t.md"), dictionary, rules=rules)
    assert {why.sentence for _, why in explained if why is not None and why.path} == {
        "**Hamas** rejected any plan to disarm, a senior official said on Thursday.",
        "Israel insists on full demilitarization before reconstruction.",
        "The _United States_ backs the [stabilization force](https://example.org/isf_plan)."}
    # the same body in a .txt file is plain text: its marks are read as written
    as_text = extract_stances(Article("t", MARKDOWN_ARTICLE, path="t.txt"), dictionary, rules=rules)
    assert {(s.holder, s.issue, s.polarity.value, s.condition) for s in as_text} != expected


def _marked_up(text: str, seed: str) -> str:
    """The text with one word in seven, at random, made Markdown: bold, italic, a link or code."""
    rng = random.Random(seed)
    pieces = re.split(r"(\s+)", text)
    for k, piece in enumerate(pieces):
        if re.fullmatch(r"[A-Za-z]+", piece) and rng.random() < 0.15:
            pieces[k] = rng.choice(["**%s**", "*%s*", "_%s_", "[%s](https://example.org/a_b)", "`%s`"]) % piece
    return "".join(pieces)


@pytest.mark.parametrize("folder", ["phrasings", "written"])
def test_texts_marked_up_as_markdown_give_the_stances_of_the_plain_texts(folder, dictionary):
    rules = rules_only()
    for article in load_articles(FIXTURES / folder).articles:
        plain = {(s.holder, s.issue, s.polarity.value, s.condition)
                 for s in extract_stances(Article("t", article.text, path="t.txt", published=article.published), dictionary, rules=rules)}
        marked = _marked_up(article.text, article.source_id)
        assert marked != article.text
        found = extract_stances(Article("t", marked, path="t.md", published=article.published), dictionary, rules=rules)
        assert {(s.holder, s.issue, s.polarity.value, s.condition) for s in found} == plain, article.source_id
        assert all(marked[s.char_start:s.char_end] == s.quote for s in found)


def test_characters_that_show_nothing_do_not_hide_a_word(dictionary):
    written = "Israel insists on full demil\u00adita\u00adrization before recon\u200bstruction, its \u200eminister said."
    found = extract_stances(Article("t", written), dictionary, rules=rules_only())
    assert {(s.holder, s.issue, s.polarity.value, s.condition) for s in found} == {
        ("Israel", "disarmament", "support", None), ("Israel", "reconstruction", "conditional", "disarmament")}
    assert all(written[s.char_start:s.char_end] == s.quote for s in found)
    assert all("\u00ad" in s.quote for s in found)


def test_html_character_references_in_copied_text_read_as_their_characters(dictionary):
    written = "Israel&#8217;s cabinet insists on full demilitari&shy;zation before reconstruction, a minister said."
    found = extract_stances(Article("t", written), dictionary, rules=rules_only())
    assert {(s.holder, s.issue, s.polarity.value, s.condition) for s in found} == {
        ("Israel", "disarmament", "support", None), ("Israel", "reconstruction", "conditional", "disarmament")}
    assert all(written[s.char_start:s.char_end] == s.quote and s.quote.startswith("Israel&#8217;s") for s in found)


def test_a_post_in_capitals_is_read_and_quoted_as_written(dictionary):
    written = 'Trump wrote on Truth Social: "HAMAS MUST RELEASE ALL THE HOSTAGES NOW, OR THERE WILL BE HELL TO PAY!"'
    found = extract_stances(Article("t", written), dictionary, rules=rules_only())
    assert ("US", "ceasefire", "conditional", "hostage_prisoner_exchange") in {
        (s.holder, s.issue, s.polarity.value, s.condition) for s in found}
    assert all(written[s.char_start:s.char_end] == s.quote and "HAMAS MUST" in s.quote for s in found)


def test_a_headline_in_capitals_is_still_a_headline(dictionary):
    written = "NETANYAHU SUPPORTS TRUMP'S PLAN\n\nThe talks resumed in Cairo on Monday.\n"
    assert extract_stances(Article("t", written), dictionary, rules=rules_only()) == []
    said = "The talks resumed.\n\nHe wrote: \"NETANYAHU SUPPORTS TRUMP'S PLAN, AND SO DO WE.\"\n"
    assert extract_stances(Article("t", said), dictionary, rules=rules_only()) != []


@pytest.mark.parametrize("word,tag,lemma", [
    ("rejected", "VBD", "reject"), ("stopped", "VBD", "stop"), ("called", "VBN", "call"), ("created", "VBN", "create"),
    ("sought", "VBD", "seek"), ("withdrew", "VBD", "withdraw"), ("insists", "VBZ", "insist"), ("pushes", "VBZ", "push"),
    ("countries", "NNS", "country"), ("ministers", "NNS", "minister"), ("pushing", "VBG", "push"),
    ("States", "NNPS", "States"), ("was", "VBD", "be"),
])
def test_rule_lemmatizer(word, tag, lemma, rules):
    from kg.extract.lemmatize import lemma_of

    assert lemma_of(word, tag, rules.irregular) == lemma


def test_lemmas_take_the_base_form_the_lists_know(rules):
    from kg.extract.lemmatize import assign_lemmas
    from kg.extract.parse import parse_sentences

    doc = parse_sentences(["The envoy declined and the talks continued."])[0]
    assign_lemmas(doc, rules.irregular)
    assert doc[2].lemma_ == "declin"  # the suffix rule alone
    assign_lemmas(doc, rules.irregular, rules.known_lemmas)
    assert [doc[2].lemma_, doc[6].lemma_] == ["decline", "continue"]
    assert "decline" in rules.known_lemmas and "telling_verbs" not in rules.known_lemmas


def test_lemma_candidates_recover_news_verbs_the_lemmatizer_misses():
    assert "rule" in lemma_candidates("rul", "ruled")
    assert "stop" in lemma_candidates("stopp", "stopped")
    assert "rely" in lemma_candidates("relie", "relies")


# --- each named rule, and what switching it off takes away --------------------------------------

RULE_CASES = [
    ("subject_of_cue", "Hamas rejected the disarmament plan.", ("Hamas", "disarmament", "oppose")),
    ("agent_of_passive", "The stabilization force was endorsed by the Security Council.",
     ("UN", "stabilization_force", "support")),
    ("owner_of_proposal", "Trump's peace plan was discussed at length.", ("US", "peace_plan", "support")),
    ("backing_received", "The ceasefire proposal received the support of Egypt and Qatar.", ("Qatar", "ceasefire", "support")),
    ("backing_received", "The ceasefire proposal had received Israeli approval.", ("Israel", "ceasefire", "support")),
    ("backing_received", "The peace plan faces strong resistance from Russia.", ("Russia", "peace_plan", "oppose")),
    ("backing_received", "The peace plan has won backing from Egypt.", ("Egypt", "peace_plan", "support")),
    ("backing_received", "The peace plan was met with opposition from Hamas.", ("Hamas", "peace_plan", "oppose")),
    ("mediator_of_deal", "Hamas studied the plan, which reached it through Egyptian and Qatari mediators.",
     ("Qatar", "peace_plan", "support")),
    ("aside_on_clause", "The plan calls for a stabilization force, something Egypt has not accepted.",
     ("Egypt", "stabilization_force", "oppose")),
    ("actor_of_issue_verb", "Israel will withdraw its troops from Gaza.", ("Israel", "withdrawal", "support")),
    ("speaker_of_report", "Reconstruction is a priority, Qatar said.", ("Qatar", "reconstruction", "support")),
    ("speaker_of_quotation", 'Fidan said the force was welcome. "Reconstruction must start at once."',
     ("Turkey", "reconstruction", "support")),
    ("relative_antecedent", "Hamas, which rejects disarmament, met the mediators.", ("Hamas", "disarmament", "oppose")),
    ("relative_antecedent", "The nations backing the peace plan are Qatar, Egypt and Jordan.", ("Egypt", "peace_plan", "support")),
    ("target_of_accusation", "Qatar commended Egypt for brokering the truce.", ("Egypt", "ceasefire", "support")),
    ("accuser_of_charge", "Hamas accused Israel of blocking humanitarian aid.", ("Hamas", "humanitarian_aid", "support")),
    ("pronoun", "Netanyahu spoke on Monday. He rejected any withdrawal from Gaza.", ("Israel", "withdrawal", "oppose")),
    ("group_noun", "Egypt, Qatar and Turkey met in Cairo. The ministers called for a permanent ceasefire.",
     ("Qatar", "ceasefire", "support")),
    ("coordination", "Egypt and Jordan backed the reconstruction plan.", ("Jordan", "reconstruction", "support")),
    ("cue_polarity", "Israel opposes the deployment of a multinational force.", ("Israel", "stabilization_force", "oppose")),
    ("negation", "Hamas will not disarm.", ("Hamas", "disarmament", "oppose")),
    ("inverse_issue", "Israel will keep its troops in Gaza.", ("Israel", "withdrawal", "oppose")),
    ("condition_clause", "Israel will not allow reconstruction before Hamas disarms.",
     ("Israel", "reconstruction", "conditional")),
    ("condition_requirement", "Israel will not allow reconstruction before Hamas disarms.",
     ("Israel", "disarmament", "support")),
    ("terms_by_contrast", "Indonesia wants the force to do peacekeeping rather than peace enforcement.",
     ("Indonesia", "stabilization_force", "conditional")),
    ("terms_required", "Qatar supports an international force in Gaza, which must have a clear mandate from the Security Council.",
     ("Qatar", "stabilization_force", "conditional")),
    ("terms_by_selection", "Israel will decide which foreign troops are acceptable in the stabilization force.",
     ("Israel", "stabilization_force", "conditional")),
    ("condition_by_grievance", "Hamas suspended the release of the hostages, citing Israeli violations of the ceasefire.",
     ("Hamas", "hostage_prisoner_exchange", "conditional")),
    ("sponsor_of_terms", "Under the U.S.-mediated agreement, Hamas freed every remaining hostage.",
     ("US", "hostage_prisoner_exchange", "support")),
]


@pytest.mark.parametrize("rule,text,expected", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_each_rule_finds_its_stance_and_names_itself(rule, text, expected, dictionary, rules):
    book = rules if rules.enabled(rule) else rules.including([rule])  # a rule shipped off is tested switched on
    named = rules_of(text, dictionary, book)
    assert expected in named, named
    assert rule in named[expected]
    without = book.without([rule])
    assert expected not in {t[:3] for t in found(text, dictionary, without)} or rule in (
        "coordination", "cue_polarity", "negation", "inverse_issue") and found(text, dictionary, without) != found(
            text, dictionary, book)


def test_polarity_rules_switched_off_leave_the_unflipped_reading(dictionary, rules):
    assert found("Hamas will not disarm.", dictionary, rules.without(["negation"])) == {("Hamas", "disarmament", "support")}
    assert found("Israel opposes the deployment of a multinational force.", dictionary,
                 rules.without(["cue_polarity"])) == {("Israel", "stabilization_force", "support")}


def test_insisting_on_one_thing_before_another_makes_the_other_wait(dictionary):
    assert found("Hamas is insisting on a complete Israeli withdrawal before any exchange of prisoners.", dictionary) == {
        ("Hamas", "withdrawal", "support"),
        ("Hamas", "hostage_prisoner_exchange", "conditional", "withdrawal"),
    }


def test_force_taken_up_again_is_the_truce_opposite_whatever_qualifies_it(dictionary):
    # no fixed phrase of the lexicon lists these adjectives: the pattern of inverse_issue_patterns does
    assert found("Israel resumed massive strikes on Gaza on Tuesday.", dictionary) == {("Israel", "ceasefire", "oppose")}
    assert ("Israel", "ceasefire", "conditional", "peace_plan") in found(
        "Netanyahu said that if the talks on the second phase fail, Israel will return to intensive fighting.", dictionary)
    # going on with something is no stance on the truce, and operations of a mission are no fighting
    assert found("The EU mission at the Rafah crossing will resume operations next week.", dictionary) == set()


def test_inverse_issue_patterns_must_compile(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "cues.yaml").write_text("inverse_issue_patterns:\n  ceasefire: ['(resume']\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="inverse_issue_patterns for ceasefire is not a valid regular expression"):
        load_lexicon(tmp_path)


def test_the_body_that_adopts_a_text_makes_its_terms_its_own(dictionary):
    text = ("The UN Security Council on Monday adopted a US-drafted resolution on Gaza. "
            "The resolution endorses the peace plan.")
    terms = {(s.holder, s.rule) for s in extract_stances(Article("t", text), dictionary, rules=rules_only(None))
             if s.quote.startswith("The resolution endorses")}
    assert {("UN", "sponsor_of_terms+plan_reference"), ("US", "sponsor_of_terms+plan_reference")} <= terms
    # a draft merely put to the Council is its drafter's, not the Council's
    drafted = "The US submitted a draft resolution to the Security Council. The resolution calls for a stabilization force."
    assert not any(h == "UN" for h, *_ in found(drafted, dictionary))


def test_media_is_reported_via_never_a_holder(dictionary):
    (stance,) = extract_stances(Article("t", "Channel 13 reported that Israel rejects a full withdrawal from Gaza."),
                                dictionary)
    assert (stance.holder, stance.issue, stance.polarity.value, stance.reported_via) == (
        "Israel", "withdrawal", "oppose", "Channel 13")


def test_demand_made_of_an_actor_is_held_by_who_makes_it(dictionary):
    assert found("Hamas must disarm, the EU said.", dictionary) == {("EU", "disarmament", "support")}


NO_STANCE = [
    "Israel and Hamas discussed the reconstruction of Gaza on Tuesday.",
    "Reconstruction costs are estimated at $70 billion by the World Bank.",
    "Israel launched strikes despite the ceasefire.",  # circumstance, not an object
    "Families of the hostages held a rally in Tel Aviv on Thursday.",
    "It rained in Gaza City on Tuesday, and the markets were quiet.",
    # a negated verb of telling withholds words, like "declined to comment"
    "The White House did not respond to a request for comment on the ceasefire.",
    "Israeli officials have not commented on the reported pause in the fighting.",
]


@pytest.mark.parametrize("text", NO_STANCE, ids=[t[:40] for t in NO_STANCE])
def test_sentences_with_actor_and_issue_but_no_stance(text, dictionary):
    assert found(text, dictionary) == set()


def test_the_speaker_after_a_quotation_is_who_a_later_pronoun_means(dictionary, rules):
    # the parser sometimes makes the quoted clause the root and hangs "said" beside it (parataxis):
    # the speaker is still the sentence's subject for "she" in the next sentence
    from spacy.tokens import Doc

    from kg.extract import _extractor
    from kg.extract.parse import load_pipeline
    from kg.extract.tree import ParsedSentence

    text = '"The move must be rethought," the EU chief said.'
    words = ['"', "The", "move", "must", "be", "rethought", ",", '"', "the", "EU", "chief", "said", "."]
    heads = [5, 2, 5, 5, 5, 5, 5, 5, 10, 10, 11, 5, 5]
    deps = ["punct", "det", "nsubj:pass", "aux", "aux:pass", "ROOT", "punct", "punct", "det", "compound", "nsubj",
            "parataxis", "punct"]
    tags = ["``", "DT", "NN", "MD", "VB", "VBN", ",", "''", "DT", "NNP", "NN", "VBD", "."]
    spaces = [False, True, True, True, True, False, False, True, True, True, True, False, False]
    doc = Doc(load_pipeline().vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
    assert doc.text == text
    for token in doc:
        token.lemma_ = "say" if token.text == "said" else token.lower_
    extractor = _extractor(Article(source_id="t", text=text), dictionary, None, rules)
    extractor._remember_subject(ParsedSentence(doc), 0, {9: "EU", 10: "EU"}, {9, 10}, set())
    people = [(holders, person) for _, holders, person, _ in extractor.discourse.subjects if holders or person]
    assert people == [(["EU"], True)]


def test_he_after_a_person_no_actor_stands_for_is_that_person(dictionary):
    text = 'President Koroma also thanked President Trump for his leadership.\n"This truce is a triumph of diplomacy," he said.'
    assert found(text, dictionary) == set()
    assert found(text.replace("President Koroma", "Egypt's president"), dictionary) == {("Egypt", "ceasefire", "support")}


def test_a_quotation_after_a_sentence_about_a_person_is_that_persons(dictionary):
    text = ('The group added a word of thanks: "We value the efforts of everyone," a Hamas official said.\n'
            'Reacting on Friday, President Trump pressed Israel to halt the strikes. "I think they want peace. '
            'Israel must stop the bombing now so we can bring the hostages home!"')
    assert found(text, dictionary) == {("US", "ceasefire", "support"), ("US", "hostage_prisoner_exchange", "support")}


def test_a_chance_given_to_an_actor_is_not_its_stance(dictionary):
    assert found("Rubio said it was Hamas's last opportunity to free the hostages.", dictionary) == {
        ("US", "hostage_prisoner_exchange", "support")}
    assert ("Hamas", "hostage_prisoner_exchange", "support") in found("Hamas's decision to free the hostages was welcomed.",
                                                                      dictionary)


def test_the_owner_of_a_stance_noun_named_by_a_pronoun_holds_what_it_brought_about(dictionary):
    assert found("Egypt, Qatar and Turkey were thanked. Their patient mediation helped secure the ceasefire.",
                 dictionary) == {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support"),
                                 ("Turkey", "ceasefire", "support")}
    assert found("Egypt was thanked. Its reply made the truce harder to reach.", dictionary) == set()


@pytest.mark.parametrize("text,expected", [
    ("Israel halted the entry of food and fuel into Gaza on Sunday.", ("Israel", "humanitarian_aid", "oppose")),
    ("Cairo pressed for more food and medicine to reach the north of the Strip.", ("Egypt", "humanitarian_aid", "support")),
    ("Vance, who flew to Israel to shore up the fragile ceasefire, met Netanyahu.", ("US", "ceasefire", "support")),
    ("Qatar worked to bolster the truce.", ("Qatar", "ceasefire", "support")),
    ("Israel signaled openness to a phased withdrawal.", ("Israel", "withdrawal", "support")),
    # texts written for this test: staying in zones, a pledge of soldiers, another state's military forces, civilian control
    ("Israel said its soldiers would remain in the security zones for years.", ("Israel", "withdrawal", "oppose")),
    ("Azerbaijan has pledged 2,000 soldiers.", ("Azerbaijan", "stabilization_force", "support")),
    ("Israel voiced strong objections to Ankara's participation.", ("Israel", "stabilization_force", "oppose")),
    ("Netanyahu rejects the entry of Turkish military forces into Gaza.", ("Israel", "stabilization_force", "oppose")),
    ("Hamas said it is ready to give up civilian control of the enclave.", ("Hamas", "governance", "support")),
    ("Netanyahu has ruled out any role in postwar Gaza for the Western-backed Palestinian Authority.",
     ("Israel", "governance", "oppose")),
])
def test_news_wording_for_aid_and_for_holding_a_truce(text, expected, dictionary):
    assert expected in found(text, dictionary)


def test_a_truce_acknowledged_or_described_is_a_topic_not_a_stance(dictionary):
    assert found("Moscow's draft acknowledged the truce but left out any force.", dictionary) == set()
    assert found("Hamas described the ceasefire as fragile.", dictionary) == set()
    assert found("Russia acknowledged that the ceasefire must hold.", dictionary) == {("Russia", "ceasefire", "support")}


def test_removing_what_stands_in_the_way_of_aid_backs_aid(dictionary):
    assert ("UN", "humanitarian_aid", "support") in found(
        "The UN said the truce must remove the obstacles to delivering aid.", dictionary)
    assert ("UN", "humanitarian_aid", "support") in found(
        "The UN said the truce has to remove the security and political barriers to delivering aid.", dictionary)


@pytest.mark.parametrize("text,expected", [
    ("Jordan said the Palestinian Authority should take over the Gaza Strip.", ("Jordan", "governance", "support")),
    ("Trump wants an alternative administration in the Gaza Strip.", ("US", "governance", "support")),
    ("Israel wants Hamas removed from power.", ("Israel", "governance", "support")),
    ("Netanyahu said Hamas can't be left in power.", ("Israel", "governance", "support")),
    ("Egypt opposes an IDF presence in Gaza.", ("Egypt", "withdrawal", "support")),
    ("Israel plans to occupy the entire Gaza Strip.", ("Israel", "withdrawal", "oppose")),
    ("Egypt said Israeli forces would withdraw in stages under the deal.", ("Egypt", "withdrawal", "support")),
    ("Turkey pledged to support Gaza's recovery.", ("Turkey", "reconstruction", "support")),
    ("Qatar urged Israel to end the Israeli onslaught.", ("Qatar", "ceasefire", "support")),
    ("The Palestinian Authority wants a non-militarized state.", ("PalestinianAuthority", "disarmament", "support")),
])
def test_news_phrasings_of_the_issues(text, expected, dictionary):
    assert found(text, dictionary) == {expected}


# texts written for this test: who is left to rule Gaza, its police, the war coming back, and the US leader's peace effort
@pytest.mark.parametrize("text,expected", [
    ("Qatar said it would fund reform efforts within the Palestinian Authority.", {("Qatar", "governance", "support")}),
    ("Netanyahu's office ruled out a Hamas presence in the enclave after the war.", {("Israel", "governance", "support")}),
    ("Doha opposes any attempt to sideline Hamas.", {("Qatar", "governance", "oppose")}),
    ("Cairo wants a Palestinian-led administration for the Strip.", {("Egypt", "governance", "support")}),
    ("Jordan asked Washington to avoid foreign hegemony over the Strip.", {("Jordan", "governance", "oppose")}),
    ("Trump proposed an American takeover of the enclave.", {("US", "governance", "support")}),
    ("The EU will train 3,000 Palestinian police officers next year.", {("EU", "governance", "support")}),
    ("Jordan wants the Strip to come under the control of the Palestinian Authority.", {("Jordan", "governance", "support")}),
    ("Trump wants to redevelop the strip.", {("US", "reconstruction", "support")}),
    ("Israel said it would honour the humanitarian protocol.", {("Israel", "humanitarian_aid", "support")}),
    ("Turkey called for steps to prevent a relapse into violence.", {("Turkey", "ceasefire", "support")}),
    ("Qatar demanded that Israel curb its aggression.", {("Qatar", "ceasefire", "support")}),
    ("Abbas praised Trump's tireless efforts.", {("PalestinianAuthority", "peace_plan", "support")}),
    # his efforts "to end the war" name the truce itself, not his plan, and are his
    ("Cairo hailed Trump's personal efforts to end the war.", {("Egypt", "ceasefire", "support"), ("US", "ceasefire", "support")}),
    ("Saudi Arabia and Qatar said they back the American proposal.",
     {(a, "peace_plan", "support") for a in ("SaudiArabia", "Qatar")}),
    ("Egypt, Jordan and Turkey have been courted by Washington. The trio endorsed the peace plan last month.",
     {(a, "peace_plan", "support") for a in ("Egypt", "Jordan", "Turkey")}),
    ("Israel halted the supply of all kinds of goods to the enclave on Sunday.", {("Israel", "humanitarian_aid", "oppose")}),
    ("Turkey called for an end to Israel's unlawful occupation.", {("Turkey", "withdrawal", "support")}),
    ("Israel will retain security responsibility for the enclave.", {("Israel", "withdrawal", "oppose")}),
    ("Abbas called on Hamas to abandon power in the enclave.", {("PalestinianAuthority", "governance", "support")}),
    ("Smotrich is opposed to empowering the Palestinian Authority.", {("Israel", "governance", "oppose")}),
    ("Qatar demanded an end to Israel's military operations in the Strip.", {("Qatar", "ceasefire", "support")}),
    ("The EU offered to lead police training.", {("EU", "governance", "support")}),
    # who means to stop ruling: the owner of the noun of intent
    ("Hamas signalled a willingness to stop governing the enclave.", {("Hamas", "governance", "support")}),
    ("Israel told the mediators: \u201cWe do not wish to hamper aid deliveries.\u201d", {("Israel", "humanitarian_aid", "support")}),
    ("Egypt rejects Israeli security control over the Strip.", {("Egypt", "withdrawal", "support")}),
    ("Trump wants to turn the enclave into the Riviera of the Middle East.", {("US", "reconstruction", "support")}),
    # the force named again by what states would do in it
    ("The US is forming an international stabilization force. Jordan refused to join the mission.",
     {("Jordan", "stabilization_force", "oppose")}),
])
def test_news_phrasings_of_who_rules_gaza_and_of_the_war_coming_back(text, expected, dictionary):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hamas is unwilling to disarm.", ("Hamas", "disarmament", "oppose")),  # "unwilling" tagged as a verb
    ("Hamas no longer opposes the deployment of the stabilization force.", ("Hamas", "stabilization_force", "support")),
    ("Israel lifted its ban on aid.", ("Israel", "humanitarian_aid", "support")),
    ("Egypt warned against any delay in reconstruction.", ("Egypt", "reconstruction", "support")),
    ("Qatar criticized the suspension of aid.", ("Qatar", "humanitarian_aid", "support")),
    ("Israel refused to lift the blockade.", ("Israel", "humanitarian_aid", "oppose")),
    ("The United States sidelined the reconstruction plan drafted in Cairo.", ("US", "reconstruction", "oppose")),
    # "opposes" tagged a plural noun, the subject of the gerund after it
    ("Saudi Arabia opposes sending troops to Gaza.", ("SaudiArabia", "stabilization_force", "oppose")),
])
def test_polarity_through_rejections_of_rejections(text, expected, dictionary):
    assert found(text, dictionary) == {expected}


def test_not_without_makes_a_condition(dictionary):
    assert found("The UAE said it would not take part in the force without a UN mandate.", dictionary) == {
        ("UAE", "stabilization_force", "conditional", "peace_plan")}
    assert found("Israel will not allow reconstruction without disarmament.", dictionary) == {
        ("Israel", "reconstruction", "conditional", "disarmament")}


@pytest.mark.parametrize("text,expected", [
    ("Israel, backed by the US, insists that Hamas must be disarmed.", {("Israel", "disarmament", "support")}),
    ("Hamas, encouraged by Qatar, rejects any disarmament.", {("Hamas", "disarmament", "oppose")}),
])
def test_a_participle_aside_after_the_subject_does_not_take_its_place(text, expected, dictionary):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text,expected", [
    ("Countries such as Indonesia and Egypt want a stabilization force.",
     {("Indonesia", "stabilization_force", "support"), ("Egypt", "stabilization_force", "support")}),
    ("Several nations, including Egypt and Turkey, backed the stabilization force.",
     {("Turkey", "stabilization_force", "support"), ("Egypt", "stabilization_force", "support")}),
])
def test_a_group_subject_named_by_example_gives_its_examples(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_a_clause_hung_on_a_coordinated_noun_does_not_negate_the_object(dictionary):
    text = "Egypt wants the force to answer to the Security Council, even though it will not be a peacekeeping force."
    assert found(text, dictionary) == {("Egypt", "stabilization_force", "support")}


def test_a_pronoun_subject_of_a_reported_clause_is_the_reporter(dictionary):
    text = "Azerbaijan has informed Israel and US officials that it will not send troops to the stabilization force."
    assert found(text, dictionary) == {("Azerbaijan", "stabilization_force", "oppose")}
    text = "A Hamas official said that it had approved the ceasefire draft from the mediators in Doha."
    assert found(text, dictionary) == {("Hamas", "ceasefire", "support")}


def test_a_quotation_of_a_named_speaker_no_actor_stands_for_is_nobody_s(dictionary):
    text = 'Trump spoke on Monday. "Israel must open the crossings for aid," said Fletcher.'
    assert found(text, dictionary) == set()
    # also in the second sentence of a quotation
    text = 'Trump spoke on Monday. "We are tired. These prisoners must be released," said Farraj, a professor.'
    assert found(text, dictionary) == set()


@pytest.mark.parametrize("text,expected", [
    ("Russia demanded the removal of the Board of Peace from the draft.", {("Russia", "governance", "oppose")}),
    ("Israel cut off aid to Gaza.", {("Israel", "humanitarian_aid", "oppose")}),
])
def test_removing_or_cutting_off_rejects(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_a_person_named_with_an_actor_s_title_is_that_actor_by_surname_later(dictionary):
    text = ("Hamas political bureau member Karim Zaydan spoke on Monday. "
            "Zaydan rejected disarmament.")
    assert found(text, dictionary) == {("Hamas", "disarmament", "oppose")}
    # a surname the article never tied to an actor stays unknown
    assert found("Zaydan rejected disarmament.", dictionary) == set()


@pytest.mark.parametrize("text", [
    "Israel says 40 of the hostages are still being held by Hamas.",
    "The crossing is the only one that is not controlled by Israel.",
])
def test_holding_or_controlling_something_is_no_stance_on_it(text, dictionary):
    assert found(text, dictionary) == set()


@pytest.mark.parametrize("text", [
    # texts written for this test: how sure a speaker is that a thing will happen is a forecast, not a wish
    "Trump said he was not sure the truce would hold.",
    "Qatar said it was not confident that Israel would pull its troops out.",
    # ... and so is what one believes will happen
    "Netanyahu said he does not believe Hamas would hand back the last hostage.",
])
def test_how_sure_one_is_of_a_forecast_is_no_stance(text, dictionary):
    assert found(text, dictionary) == set()


@pytest.mark.parametrize("text,expected", [
    ("Israel's defence ministry said the crossing would likely reopen on Sunday.", set()),
    ("A spokesman for Turkey declined to respond to questions on whether it might contribute peacekeepers.", set()),
    ("Soldiers opened fire on men crossing the yellow line.", set()),
    ("Trump pressed Israel to halt its strikes so that all hostages are out safely.",
     {("US", "hostage_prisoner_exchange", "support")}),
])
def test_forecasts_refusals_to_comment_idioms_and_purposes(text, expected, dictionary):
    assert {t for t in found(text, dictionary) if t[1] != "ceasefire"} == expected


@pytest.mark.parametrize("text,expected", [
    # a charge of acting against an issue: the accuser backs the issue, the accused is only charged
    ("Hamas accused Israel of blocking aid.", {("Hamas", "humanitarian_aid", "support")}),
    ("Israel accused Hamas of delaying the return of the hostages.", {("Israel", "hostage_prisoner_exchange", "support")}),
    # what the accused is said to seek is its own
    ("Hamas accused Israel of seeking the disarmament of the factions.", {("Israel", "disarmament", "support")}),
])
def test_an_accusation(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_a_phase_of_a_truce_that_dates_an_act_is_no_stance_on_the_truce(dictionary):
    text = "Hamas handed over the names of the prisoners it wants freed in the first phase of the truce."
    assert found(text, dictionary) == {("Hamas", "hostage_prisoner_exchange", "support")}


def test_a_dateline_before_the_speaker_does_not_take_the_speaker_s_place(dictionary):
    text = ("ANKARA/JAKARTA — Turkish Foreign Minister Hakan Fidan told reporters on Wednesday that Türkiye was ready "
            "to participate in the International Stabilization Force, but would not take part in disarming Hamas.")
    assert ("Turkey", "disarmament", "oppose") in found(text, dictionary)


@pytest.mark.parametrize("text,expected", [
    ("Moscow has prepared an alternative draft Security Council resolution on Gaza.", {("Russia", "peace_plan", "oppose")}),
    ("Egypt has been a driving force behind the talks.", set()),
    ("Hamas has redeployed thousands of fighters across the Strip.", set()),
])
def test_rival_drafts_and_other_senses_of_force_and_redeploy(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_what_a_force_must_be_made_of_is_a_condition_on_its_terms(dictionary):
    text = "Rubio said the international force must be made up of countries that Israel is comfortable with."
    assert found(text, dictionary) == {("US", "stabilization_force", "conditional", "peace_plan")}
    assert found("The force will include troops from Indonesia.", dictionary) == set()


@pytest.mark.parametrize("text,expected", [
    ("Egypt and Qatar called for halting the fighting, rebuilding Gaza and releasing the hostages.",
     {("Egypt", "reconstruction", "support"), ("Qatar", "reconstruction", "support")}),
    ("Egypt wants to stop the war and rebuild Gaza.", {("Egypt", "reconstruction", "support")}),
    # a rejecting verb above both acts still rejects both
    ("Israel refused to withdraw its troops and rebuild Gaza.", {("Israel", "reconstruction", "oppose")}),
])
def test_a_halting_verb_does_not_reject_the_acts_listed_after_it(text, expected, dictionary):
    assert expected <= found(text, dictionary)
    assert not {(h, i, "oppose" if p == "support" else "support") for h, i, p in expected} & found(text, dictionary)


@pytest.mark.parametrize("text,expected", [
    ("Egypt wants not only a ceasefire but also reconstruction.",
     {("Egypt", "ceasefire", "support"), ("Egypt", "reconstruction", "support")}),
    ("Jordan will send troops to the stabilization force on the condition that it has a UN mandate.",
     {("Jordan", "stabilization_force", "conditional", "peace_plan")}),
    ("Qatar said the plan falls short of a real ceasefire.",
     {("Qatar", "ceasefire", "support"), ("Qatar", "peace_plan", "oppose")}),
    ("Hamas said the UN resolution does not meet the demands of the Palestinians.", {("Hamas", "peace_plan", "oppose")}),
])
def test_not_only_on_the_condition_that_and_falling_short(text, expected, dictionary):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text", [
    "Hamas announced it is reviewing the proposal on a ceasefire and a prisoner swap.",
    "Hamas is studying the proposal for a ceasefire.",
])
def test_a_proposal_under_review_is_a_topic(text, dictionary):
    assert found(text, dictionary) == set()


def test_it_after_a_sentence_about_a_thing_is_that_thing(dictionary):
    text = "The agreement between Israel and Hamas takes effect on Sunday. It would also launch the release of the hostages."
    assert found(text, dictionary) == set()
    text = "Israel's cabinet approved the deal on Friday. It will release the prisoners."
    assert found(text, dictionary) == {("Israel", "hostage_prisoner_exchange", "support")}


def test_issue_phrases_match_in_either_number(dictionary):
    from kg.extract.mentions import number_variants

    assert number_variants("foreign forces") == ["foreign forces", "foreign force"]
    assert number_variants("aid truck") == ["aid truck", "aid trucks"]
    assert number_variants("GHF") == ["GHF"] and number_variants("access") == ["access"]
    assert found("Hamas said it would not accept any foreign force in Gaza.", dictionary) == {
        ("Hamas", "stabilization_force", "oppose")}


def test_when_opens_a_condition_of_what_will_be_but_not_a_time_past(dictionary):
    assert found("Hamas will disarm when a Palestinian state is established.", dictionary) == {
        ("Hamas", "disarmament", "conditional", "governance")}
    assert found("When the truce collapsed, Israel resumed strikes.", dictionary) == {("Israel", "ceasefire", "oppose")}


@pytest.mark.parametrize("text", [
    "Pakistan would send troops to the stabilization force, should the Security Council give it a mandate.",
    "Should the Security Council give it a mandate, Pakistan would send troops to the stabilization force.",
])
def test_an_auxiliary_before_its_subject_opens_a_condition(text, dictionary):
    assert found(text, dictionary) == {("Pakistan", "stabilization_force", "conditional", "peace_plan")}


def test_a_modal_after_its_subject_opens_no_condition(dictionary, rules):
    text = "Pakistan would send troops to the stabilization force, and the Security Council should give it a mandate."
    # no clause condition; what the sentence says the mandate should be is the terms, which terms_required reads
    assert found(text, dictionary, rules.without(["terms_required"])) == {("Pakistan", "stabilization_force", "support")}
    assert found(text, dictionary) == {("Pakistan", "stabilization_force", "conditional", "peace_plan")}


def test_a_state_that_only_says_where_someone_is_based_holds_nothing(dictionary):
    assert found("Hamas told the Qatar-based broadcaster Al Araby that it rejects the Board of Peace.", dictionary) == {
        ("Hamas", "governance", "oppose")}
    assert found("A US-based charity urged Israel to allow aid into Gaza.", dictionary) == set()


def test_leaving_talks_is_no_withdrawal(dictionary):
    assert found("The US pulled out of Gaza ceasefire talks in Doha on Thursday.", dictionary) == set()
    assert found("Israel pulled its troops out of Gaza in 2005.", dictionary) == {("Israel", "withdrawal", "support")}


def test_deploring_the_breakdown_of_a_truce_is_not_opposing_it(dictionary):
    assert ("EU", "ceasefire", "oppose") not in found("The EU deplored the breakdown of the ceasefire in Gaza.", dictionary)


@pytest.mark.parametrize("text, expected", [
    ("Israel renewed attacks on Gaza on Tuesday.", {("Israel", "ceasefire", "oppose")}),
    ("Israel vowed to continue its assault on the Strip.", {("Israel", "ceasefire", "oppose")}),
    ("Qatar condemned the resumption of military operations in Gaza.", {("Qatar", "ceasefire", "support")}),
])
def test_renewed_attacks_are_the_opposite_of_a_truce(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_demonyms_listed_before_one_noun_each_name_their_actor(dictionary):
    from kg.extract import get_scanner, load_lexicon

    text = "Egyptian, Qatari and Turkish officials met. Israeli and US media said so. The Israeli and Egyptian plans differ."
    found_mentions = {(text[m.start:m.end], m.kind, m.holder) for m in get_scanner(dictionary, load_lexicon()).scan(text)
                      if m.kind in ("actor", "media")}
    assert found_mentions == {("Egyptian", "actor", "Egypt"), ("Qatari", "actor", "Qatar"),
                              ("Turkish officials", "actor", "Turkey"), ("Israeli", "media", None), ("US media", "media", None)}
    # with no holder noun after the list ("The Israeli and Egyptian plans"), the adjectives name no one


@pytest.mark.parametrize("text, expected", [
    ("Israel has stopped the flow of all food and fuel into Gaza.", {("Israel", "humanitarian_aid", "oppose")}),
    ("Hamas committed to releasing the remaining 20 living and dead captives.",
     {("Hamas", "hostage_prisoner_exchange", "support")}),
])
def test_issues_named_by_what_they_are_made_of(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_until_further_notice_sets_no_condition(dictionary):
    assert found("Israel said the Rafah crossing would remain shut until further notice under the ceasefire.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}


def test_what_an_act_directly_contradicts_is_the_writers_charge(dictionary):
    assert found("Israel said the crossing would remain shut, directly contradicting the ceasefire terms.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}


def test_thanks_on_a_light_verb_judge_like_thanking(dictionary):
    assert found("The EU extended its gratitude to Egypt and Qatar for their efforts in negotiating the ceasefire.",
                 dictionary) >= {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}


def test_who_presented_a_plan_backs_it(dictionary):
    assert found("Hamas rejected the plan presented by Trump.", dictionary) == {
        ("Hamas", "peace_plan", "oppose"), ("US", "peace_plan", "support")}
    assert found("The deal is based on a 20-point plan presented by US President Donald Trump.", dictionary) == {
        ("US", "peace_plan", "support")}


def test_who_resumes_an_act_does_it(dictionary):
    assert found("Qatar condemned Israel's resumption of military operations in Gaza.", dictionary) == {
        ("Qatar", "ceasefire", "support"), ("Israel", "ceasefire", "oppose")}


def test_the_countries_are_the_last_list_of_states(dictionary):
    text = ("Qatar and Egypt renewed their mediation between Hamas and Israel on Monday. In a joint statement, the two "
            "countries said they back a lasting ceasefire. The statement stressed the goal of reaching a comprehensive truce.")
    assert found(text, dictionary) == {("Qatar", "ceasefire", "support"), ("Egypt", "ceasefire", "support")}


def test_what_another_says_an_actor_will_not_be_able_to_do_is_the_speakers_stance(dictionary):
    assert found("The Israeli government said that Turkey would not be able to send troops to the Gaza Strip.",
                 dictionary) == {("Israel", "stabilization_force", "oppose")}


def test_without_under_a_verb_that_a_negated_one_governs_is_a_condition(dictionary):
    assert found("The UAE said it will not invest in rebuilding Gaza without a credible path to a Palestinian state.",
                 dictionary) == {("UAE", "reconstruction", "conditional", "governance")}


@pytest.mark.parametrize("text, expected", [
    ("Vance said U.S. troops will not be deployed in Gaza.", {("US", "stabilization_force", "oppose")}),
    ("Israel will not accept the presence of Turkish armed forces in Gaza.", {("Israel", "stabilization_force", "oppose")}),
    ("Katz said the army would not withdraw from areas it has seized.", {("Israel", "withdrawal", "oppose")}),
    ("Israel has stepped up its offensive in Gaza.", {("Israel", "ceasefire", "oppose")}),
    ("Netanyahu confirmed Israel's rejection of any Turkish presence in the Gaza Strip.",
     {("Israel", "stabilization_force", "oppose")}),
    ("Hamas rejected the Trump administration's plan.", {("Hamas", "peace_plan", "oppose"), ("US", "peace_plan", "support")}),
    ("Abbas urged international pressure on Israel to end its assault on Gaza.",
     {("PalestinianAuthority", "ceasefire", "support")}),
])
def test_troops_areas_and_offensives_in_the_words_of_news(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_conditioning_one_thing_on_another(dictionary):
    # who sets the condition wants it met
    assert found("Israel conditioned any withdrawal on the return of all hostages.", dictionary) == {
        ("Israel", "withdrawal", "conditional", "hostage_prisoner_exchange"),
        ("Israel", "hostage_prisoner_exchange", "support")}
    # the parser hangs the "on" phrase on the object's own phrase ("for the rebuilding of Gaza"): it is the verb's
    assert found("Saudi Arabia and the UAE conditioned their funding for the rebuilding of Gaza on the complete "
                 "disarmament of Hamas.", dictionary) == {
        ("SaudiArabia", "reconstruction", "conditional", "disarmament"), ("SaudiArabia", "disarmament", "support"),
        ("UAE", "reconstruction", "conditional", "disarmament"), ("UAE", "disarmament", "support")}
    # what waits for what, said by no one who sets it, is no demand
    assert ("Hamas", "ceasefire", "support") not in found(
        "Hamas said a lasting truce was dependent on the release of all Palestinian prisoners.", dictionary)


def test_only_upon_makes_a_condition(dictionary):
    assert found("Hamas said it would lay down its weapons only upon the establishment of a Palestinian state.",
                 dictionary) == {("Hamas", "disarmament", "conditional", "governance")}


def test_what_demanded_a_rejected_thing_is_not_rejected_with_it(dictionary, rules):
    text = "Hamas firmly rejected the full disarmament demanded by the ceasefire framework."
    assert found(text, dictionary, rules) == {("Hamas", "disarmament", "oppose")}
    assert ("Hamas", "ceasefire", "oppose") in found(text, dictionary, rules.without(["source_of_object"]))


def test_a_position_on_an_issue_has_no_side_of_its_own(dictionary):
    assert found("Hamas's stance on disarmament remains the same, officials said.", dictionary) == set()
    assert found("Hamas restated its support for the release of the hostages.", dictionary) == {
        ("Hamas", "hostage_prisoner_exchange", "support")}


def test_a_resolution_that_imposes_is_one_the_speaker_rejects(dictionary):
    text = 'Hamas said: "The UN resolution imposes a foreign trusteeship on Gaza, which our people and our factions reject."'
    assert ("Hamas", "peace_plan", "oppose") in found(text, dictionary)
    assert ("Hamas", "peace_plan", "support") not in found(text, dictionary)


def test_a_gerund_clause_before_a_harm_verb_is_what_it_warns_against(dictionary):
    text = 'Hamas said: "Giving the international force a role inside Gaza, including disarming the fighters, strips it of its neutrality."'
    assert found(text, dictionary) == {("Hamas", "disarmament", "oppose"), ("Hamas", "stabilization_force", "oppose")}


@pytest.mark.parametrize("text, mediators", [
    ("The truce, unveiled on Friday by mediators Egypt, the United States and Qatar, starts on Sunday.", {"Egypt", "US", "Qatar"}),
    ("Talks on the truce went on in Cairo with Egyptian and Qatari mediators.", {"Egypt", "Qatar"}),
    ("Qatar, Egypt and the US, the guarantors of the accord, met in Cairo as the truce began.", {"Egypt", "US", "Qatar"}),
    # a sentence that names no issue: the talks mediated are the truce's
    ("The talks in Cairo were mediated by Egypt and Qatar.", {"Egypt", "Qatar"}),
    ("Turkey has been mediating between the two sides for weeks.", {"Turkey"}),
    ("Qatar's mediation went on through the night.", {"Qatar"}),
    ("Hamas met the mediating countries, Egypt and Qatar, in Doha on Monday.", {"Egypt", "Qatar"}),
    ("The two sides resumed the Qatar-mediated talks on Monday.", {"Qatar"}),
    # brokering is mediating, by the verb as by the noun
    ("The truce came after weeks of indirect talks brokered by Egypt, the US and Qatar.", {"Egypt", "US", "Qatar"}),
    ("Hamas went over the truce text the mediators (Turkey, Egypt and Qatar) had written.", {"Egypt", "Turkey", "Qatar"}),
])
def test_the_mediators_a_sentence_names_back_what_it_is_about(text, mediators, dictionary, rules):
    expected = {(actor, "ceasefire", "support") for actor in mediators}
    by_rule = rules_of(text, dictionary, rules)
    assert all("mediator_of_deal" in by_rule.get(stance, ()) for stance in expected), by_rule
    assert not expected & found(text, dictionary, rules.without(["mediator_of_deal"]))


@pytest.mark.parametrize("text", [
    "Hamas told the Egyptian and Qatari mediators that it accepts the truce.",
    "Hamas has informed Egyptian and Qatari mediators that it backs the new truce plan.",
    "Hamas told the Qatari mediators that it needed more time.",
])
def test_mediators_who_are_told_something_back_nothing_for_it(text, dictionary, rules):
    by_rule = rules_of(text, dictionary, rules)
    assert not any("mediator_of_deal" in named for named in by_rule.values()), by_rule


def test_mediators_of_nothing_named_or_not_mediating_back_nothing(dictionary, rules):
    assert found("The mediators said Israel had blocked aid.", dictionary) == {("Israel", "humanitarian_aid", "oppose")}
    assert found("Israel sent its answer to the mediators on Sunday.", dictionary) == set()
    text = "Hamas studied the plan, which reached it through Egyptian and Qatari mediators."
    assert found(text, dictionary, rules.without(["mediator_of_deal"])) == set()


@pytest.mark.parametrize("text, expected", [
    ("Hamas has never considered giving up its weapons.", ("Hamas", "disarmament", "oppose")),
    ("The group does not believe in the truce, Hamas said.", ("Hamas", "ceasefire", "oppose")),
])
def test_a_negated_verb_of_holding_in_mind_refuses_what_it_takes(text, expected, dictionary, rules):
    assert expected in found(text, dictionary)
    holder, issue, _ = expected
    assert (holder, issue, "support") in found(text, dictionary, rules.without(["negation"]))


def test_what_is_not_yet_considered_is_not_refused(dictionary):
    assert ("Israel", "ceasefire", "oppose") not in found("Israel has not yet considered the truce proposal.", dictionary)


@pytest.mark.parametrize("text", [
    "Israel is working to derail the truce deal.",
    "Israel is seeking to sabotage the truce.",
])
def test_an_actor_that_sets_out_to_harm_a_deal_rejects_it(text, dictionary):
    assert found(text, dictionary) == {("Israel", "ceasefire", "oppose")}


def test_a_participle_set_beside_the_clause_undoes_the_deal_for_the_clause_subject(dictionary):
    assert found("Israel resumed hostilities, thus cutting short the truce.", dictionary) == {("Israel", "ceasefire", "oppose")}


@pytest.mark.parametrize("text, expected", [
    ("Hamas turned down the offer to disarm.", {("Hamas", "disarmament", "oppose")}),
    ("Israel refused to pull its troops back from the corridor.", {("Israel", "withdrawal", "oppose")}),
])
def test_a_rejection_by_a_verb_with_a_particle(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_what_an_actor_ties_to_a_condition_it_backs_on_that_condition(dictionary, rules):
    text = "Saudi Arabia tied its funding for reconstruction to the disarmament of Hamas."
    assert ("SaudiArabia", "reconstruction", "conditional", "disarmament") in found(text, dictionary)
    # what the condition rule adds is the condition: without it, plain support
    assert ("SaudiArabia", "reconstruction", "support") in found(text, dictionary, rules.without(["condition_clause"]))


@pytest.mark.parametrize("text", ["Jordan will not join any force in Gaza.", "Jordan will not be part of any force in Gaza."])
def test_a_force_named_with_any_is_the_force(text, dictionary):
    assert found(text, dictionary) == {("Jordan", "stabilization_force", "oppose")}


def test_a_dateline_is_not_read_as_a_subject(dictionary):
    text = "CAIRO -- Egypt and Qatar called for a permanent ceasefire on Sunday."
    assert found(text, dictionary) == {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}
    # text written for this test: a place and a date, no dash
    assert not any(stance[0] == "Jordan" for stance in found(
        "Amman, May 4 Israel demands that Hamas disarm before any truce, sources said.", dictionary))


# --- provenance ---------------------------------------------------------------------------------


def test_seed_stances_carry_exact_quotes_rules_and_confidences(dictionary):
    folder = load_articles(REPO / "sources")
    total = 0
    for article in folder.articles:
        for stance in extract_stances(article, dictionary):
            total += 1
            assert article.text[stance.char_start:stance.char_end] == stance.quote
            assert stance.method is Method.RULE and stance.rule
            assert all(part in load_rule_book(ONTOLOGY).rules for part in stance.rule.split("+"))
            assert 0 < stance.confidence <= 1
            assert stance.published == article.published
    assert total > 20


def test_non_ascii_text_keeps_code_point_offsets(dictionary):
    text = "Ankara — “Türkiye backs the international stabilization force,” Erdoğan said."
    stances = extract_stances(Article("t", text), dictionary)
    assert {(s.holder, s.issue, s.polarity.value) for s in stances} == {("Turkey", "stabilization_force", "support")}
    assert all(text[s.char_start:s.char_end] == s.quote for s in stances)


def test_extraction_is_deterministic(dictionary):
    article = load_articles(REPO / "sources").articles[0]
    assert extract_stances(article, dictionary) == extract_stances(article, dictionary)


def test_explain_shows_sentence_path_parse_and_rules(dictionary):
    explained = explain_stances(Article("t", "Hamas rejected the disarmament plan."), dictionary)
    text = format_explanation(explained)
    assert "rules:    subject_of_cue+cue_polarity" in text
    assert "sentence: Hamas rejected the disarmament plan." in text
    assert "cue:      reject" in text
    assert "path:     disarmament/NN/compound > plan/NN/obj > rejected/VBD/ROOT" in text
    record = json.loads(format_explanation(explained, "jsonl").splitlines()[0])
    assert record["rules"] == ["subject_of_cue", "cue_polarity"] and record["parse"][1]["lemma"] == "reject"
    assert record["parse"][1]["tag"] == "VBD"


def test_explain_shows_each_stance_its_own_sentence_when_two_begin_alike(dictionary):
    text = "Egypt said on Sunday that it backs the truce. Egypt said on Sunday that the ceasefire must hold firm."
    explained = [(s, why) for s, why in explain_stances(Article("t", text), dictionary)
                 if (s.holder, s.issue) == ("Egypt", "ceasefire")]
    assert len(explained) == 2
    for stance, why in explained:
        assert why is not None and why.sentence.strip() == stance.quote


def test_empty_and_stanceless_articles(dictionary):
    assert extract_stances(Article("t", ""), dictionary) == []
    assert extract_stances(Article("t", "Nothing about the talks here."), dictionary) == []


# --- data files ---------------------------------------------------------------------------------


def test_a_cue_added_to_the_lemma_file_extends_the_rules_without_python(ontology_copy, dictionary):
    text = "Jordan canvassed for a multinational force."
    assert found(text, dictionary, load_rule_book(ontology_copy)) == set()
    lemmas = ontology_copy / "rules" / "lemmas.yaml"
    lemmas.write_text(lemmas.read_text(encoding="utf-8").replace("support:\n  verbs: [", "support:\n  verbs: [canvass for, "),
                      encoding="utf-8")
    after = load_rule_book(ontology_copy)
    assert found(text, dictionary, after) == {("Jordan", "stabilization_force", "support")}
    lexicon = load_lexicon(ontology_copy)
    assert extraction_fingerprint(dictionary, lexicon, after) != extraction_fingerprint(
        dictionary, lexicon, load_rule_book(ONTOLOGY))


def test_a_rule_switched_off_in_the_data_file_stays_off(ontology_copy, dictionary):
    path = ontology_copy / "rules" / "rules.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  negation:\n    confidence: 0.95", "  negation:\n    enabled: false\n    confidence: 0.95"), encoding="utf-8")
    assert found("Hamas will not disarm.", dictionary, load_rule_book(ontology_copy)) == {
        ("Hamas", "disarmament", "support")}


def test_rule_file_errors_name_the_file_and_the_rule(ontology_copy):
    path = ontology_copy / "rules" / "rules.yaml"
    path.write_text("holder:\n  subject_of_cue:\n    confidence: high\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="rules.yaml: rule 'subject_of_cue' needs a numeric confidence"):
        load_rule_book(ontology_copy)
    path.write_text("holder: [unclosed\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="rules.yaml: not valid YAML"):
        load_rule_book(ontology_copy)
    (ontology_copy / "rules" / "lemmas.yaml").unlink()
    with pytest.raises(DictionaryError, match="lemmas.yaml: rule file not found"):
        load_rule_book(ontology_copy)


@pytest.mark.parametrize("rule_id,text,expected", [
    ("indirect_question", "It is unclear whether Hamas will accept the ceasefire.", {("Hamas", "ceasefire", "support")}),
    ("prediction", "Israel's ministers are due to back the truce on Sunday.", {("Israel", "ceasefire", "support")}),
    ("schedule_of_issue", "The US refused to set a timetable for reconstruction.", {("US", "reconstruction", "oppose")}),
    ("withheld_comment", "The envoy Witkoff declined to say how long the truce would last.", {("US", "ceasefire", "oppose")}),
    ("withheld_comment", "The envoys were withholding details about phase two of the deal, Qatar said.",
     {("Qatar", "peace_plan", "oppose")}),
    ("outcome_without", "Israel's negotiators returned home without a ceasefire deal.", {("Israel", "ceasefire", "oppose")}),
    ("role_of_party", "Hamas will have no role in governing the Strip, Abbas said.", {("Hamas", "governance", "support")}),
    ("pending_act", "Hamas has yet to accept the ceasefire proposal.", {("Hamas", "ceasefire", "support")}),
    ("agenda_of_talks", "Egypt said the discussions with the Israeli team addressed a plan for running Gaza in the next phase, "
                        "as well as resuming the flow of aid.",
     {("Egypt", "peace_plan", "support"), ("Egypt", "humanitarian_aid", "support"), ("Egypt", "governance", "support")}),
    # the parse makes "covered" a modifier of "questions"
    ("agenda_of_talks", "The Qatari ministry said discussions covered questions of reconstruction and aid.",
     {("Qatar", "reconstruction", "support"), ("Qatar", "humanitarian_aid", "support")}),
    ("charged_participle", "The Israeli army resumed raids overnight, ending the truce.", {("Israel", "ceasefire", "oppose")}),
    ("writer_inference", "This suggests Egypt wants to address urgent humanitarian needs first.",
     {("Egypt", "humanitarian_aid", "support")}),
])
def test_each_context_pattern_is_what_keeps_its_context_from_giving_a_stance(rule_id, text, expected, dictionary, rules):
    assert found(text, dictionary, rules) == set()
    assert found(text, dictionary, rules.without([rule_id])) == expected


def test_a_context_pattern_added_to_the_rule_file_applies_without_python(ontology_copy, dictionary):
    text = "Egypt reportedly backs the reconstruction plan."
    assert found(text, dictionary, load_rule_book(ontology_copy)) == {("Egypt", "reconstruction", "support")}
    path = ontology_copy / "rules" / "rules.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "  hearsay:\n"
        "    description: a stance only reported as hearsay\n"
        "    stop_at: verb\n"
        "    patterns:\n"
        "      - - {RIGHT_ID: verb, RIGHT_ATTRS: {TAG: {REGEX: \"^VB\"}}}\n"
        "        - {LEFT_ID: verb, REL_OP: \">\", RIGHT_ID: hedge, RIGHT_ATTRS: {LOWER: {IN: $hearsay}}}\n"), encoding="utf-8")
    lemmas = ontology_copy / "rules" / "lemmas.yaml"
    lemmas.write_text(lemmas.read_text(encoding="utf-8") + "hearsay: [reportedly, allegedly]\n", encoding="utf-8")
    assert found(text, dictionary, load_rule_book(ontology_copy)) == set()


@pytest.mark.parametrize("pattern,message", [
    ("      - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: {IN: $no_such_list}}}\n", r"\$no_such_list is no word list"),
    ("      - - {RIGHT_ID: verb, RIGHT_ATTRS: {TAG: {REGX: VB}}}\n", "invalid pattern"),
    ("      - - {RIGHT_ID: other, RIGHT_ATTRS: {TAG: VB}}\n", "stop_at names 'verb', which no pattern node is"),
])
def test_context_pattern_errors_name_the_file_and_the_rule(pattern, message, ontology_copy):
    path = ontology_copy / "rules" / "rules.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  broken:\n    stop_at: verb\n    patterns:\n" + pattern,
                    encoding="utf-8")
    with pytest.raises(DictionaryError, match="rules.yaml: rule 'broken': " + message):
        load_rule_book(ontology_copy)


def test_ablating_an_unknown_rule_lists_the_known_ones(rules):
    with pytest.raises(DictionaryError, match="unknown rule 'negatoin'") as error:
        rules.without(["negatoin"])
    assert "negation" in error.value.hint


def test_fingerprint_changes_with_the_rules(dictionary, rules):
    lexicon = load_lexicon(ONTOLOGY)
    assert EXTRACTOR_VERSION and len(extraction_fingerprint(dictionary, lexicon, rules)) == 64
    assert extraction_fingerprint(dictionary, lexicon, rules) != extraction_fingerprint(
        dictionary, lexicon, rules.without(["negation"]))


def test_fingerprint_changes_with_the_extraction_code(dictionary, rules, monkeypatch, tmp_path):
    import kg.extract as extract_package
    from kg.extract import source_digest

    lexicon = load_lexicon(ONTOLOGY)
    before = extraction_fingerprint(dictionary, lexicon, rules)
    monkeypatch.setattr(extract_package, "_extraction_code_digest", lambda: "edited")
    assert extraction_fingerprint(dictionary, lexicon, rules) != before
    # the digest follows the bytes of each file, not the order the files are given in
    module, other = tmp_path / "rules.py", tmp_path / "repairs.py"
    module.write_text("SIGN = 1\n")
    other.write_text("")
    first = source_digest([module, other])
    assert source_digest([other, module]) == first
    module.write_text("SIGN = -1\n")
    assert source_digest([module, other]) != first


# --- scores -------------------------------------------------------------------------------------


def _score(folder: Path, gold: Path):
    return evaluate_folder(folder, gold, ontology_dir=ONTOLOGY)


def test_seed_scores_stay_above_their_floor():
    report = _score(REPO / "sources", SEED_GOLD)
    # the stance model, learnt on real news, rates some of the seeds' right oppose stances under its
    # threshold ("unacceptable to Israel") and keeps a few sponsor stances the seeds' gold leaves out; a
    # model learnt again moves one or two of them across it (0.733 to 0.778 over version 24's and 25's).
    # Its operating point, raised to 0.60 for precision on unseen news, left 31 of the 45 (0.689); version 33's
    # model, rated by the words around each holder's name too (F1 +0.014 on 1,789 real articles it never
    # learnt from), leaves 28 (0.622); version 36's point, 0.55 (chosen on 639 newer real articles), 31 (0.689);
    # version 53's, 0.60 again (chosen on 1,227 real articles, for the share of batches meeting both bars), 29 (0.644);
    # version 76's, 0.65 (chosen the same way on 1,024 newer real articles), 27 (0.600)
    assert report.precision >= 0.90 and report.recall >= 0.60, report.format_text()
    rules_alone = evaluate_folder(REPO / "sources", SEED_GOLD, ontology_dir=ONTOLOGY, ablate=["stance_model"])
    assert rules_alone.recall >= 0.87, rules_alone.format_text()


def test_eval_says_which_misses_the_stance_model_dropped(dictionary):
    from kg.extract import dropped_stances, extract_stances, extract_with_dropped

    report = _score(REPO / "sources", SEED_GOLD)
    # "interim solutions, which are currently unacceptable to Israel": the rules find it, the model rates it low
    key = ("001_e22e95d8dd461b33", "Israel", "governance", "oppose")
    assert key in report.misses and report.dropped_misses[key][0] < report.dropped_misses[key][1]
    assert set(report.dropped_misses) <= set(report.misses)
    assert "missed tuples found and dropped by the stance model: " in report.format_text()
    assert "Israel  governance  oppose  (found, rated 0." in report.format_text(show=True)
    assert {tuple(d.values())[:4] for d in report.to_dict()["dropped_misses"]} == set(report.dropped_misses)
    # what `kg review` would offer: every dropped tuple rated SUGGEST_FROM or more; the right ones are misses
    # rated that high, and accepting them adds exactly those to the found tuples
    offered, right = report.suggestions
    assert right == sum(1 for rating, _ in report.dropped_misses.values() if rating >= SUGGEST_FROM) >= 1
    assert offered > right and report.to_dict()["suggestions"] == {"from": SUGGEST_FROM, "offered": offered, "right": right}
    o = report.overall
    assert (f"{offered}, {right} of them right ({right / offered:.2f}); accepting those takes recall from "
            f"{o.recall:.3f} to {(o.tp + right) / (o.tp + o.fn):.3f}") in report.format_text()
    rules_alone = evaluate_folder(REPO / "sources", SEED_GOLD, ontology_dir=ONTOLOGY, ablate=["stance_model"])
    assert rules_alone.dropped_misses == {} and "dropped by the stance model" not in rules_alone.format_text()
    assert rules_alone.suggestions == (0, 0) and "review suggestions" not in rules_alone.format_text()
    article = next(a for a in load_articles(REPO / "sources").articles if a.source_id == key[0])
    assert extract_with_dropped(article, dictionary) == (extract_stances(article, dictionary),
                                                         dropped_stances(article, dictionary))


def test_written_fixtures_stay_above_their_floor():
    # texts written for these tests and used to tune the rules: a regression floor, not a quality claim
    # (version 23's model, relearnt on 676 real articles, rates a few of their withdrawal stances lower;
    # version 76's operating point, 0.65, keeps 0.823 / 0.738)
    report = _score(FIXTURES / "written", FIXTURES / "written" / "gold.yaml")
    assert report.precision >= 0.75 and report.recall >= 0.73, report.format_text()


def test_texts_in_other_phrasings_stay_above_their_floor():
    # 32 texts by writers who saw neither the extractor nor the seeds, in eight styles; scored once before
    # any rule was written with them in view (0.699 / 0.428), developed on since: a regression floor
    # (0.792 / 0.475 at the stance model's old operating point, 0.811 / 0.428 at 0.60, 0.812 / 0.419 with
    # version 33's model, 0.788 / 0.466 at version 36's point, 0.807 / 0.431 at version 76's, 0.65)
    report = _score(FIXTURES / "phrasings", FIXTURES / "phrasings" / "gold.yaml")
    assert report.precision >= 0.75 and report.recall >= 0.43, report.format_text()


@pytest.mark.skipif(not (CORPUS / "gold.yaml").is_file(), reason="the real-news development corpus is not beside this checkout")
def test_real_news_corpus_stays_above_its_floor():
    report = _score(CORPUS, CORPUS / "gold.yaml")
    # 0.944 / 0.768 at the operating point of 0.60, 0.955 / 0.745 at version 76's, 0.65
    assert report.precision >= 0.90 and report.recall >= 0.74, report.format_text()


def test_ablation_reports_what_a_rule_adds():
    full = _score(REPO / "sources", SEED_GOLD)
    without = evaluate_folder(REPO / "sources", SEED_GOLD, ontology_dir=ONTOLOGY, ablate=["condition_clause"])
    assert without.overall.tp < full.overall.tp
    assert full.conditions.tp > 0 and without.conditions.tp == 0


def test_evaluation_splits_errors_and_reports_implicit_and_macro(dictionary):
    articles = {a.source_id: a for a in load_articles(FIXTURES / "written").articles}
    gold = load_annotations(FIXTURES / "written" / "gold.yaml", articles, dictionary)
    first = gold[0]
    wrong_polarity = first.__class__(**{**first.__dict__, "polarity": type(first.polarity)("oppose" if first.polarity.value != "oppose" else "support")})
    report = evaluate([wrong_polarity], gold)
    assert report.errors["wrong polarity"] == 1 and report.errors["spurious"] == 0
    assert report.errors["missing"] == report.overall.fn - 1
    assert 0 <= report.macro[2] <= 1 and report.articles == len({g.source_id for g in gold})
    assert report.explicit is not None and report.conditions is not None


def test_extraction_imports_neither_rdflib_nor_the_store():
    import subprocess
    import sys

    code = ("import sys; from kg.dictionary import load_dictionary; from kg.extract import extract_stances; "
            "from kg.model import Article; "
            "assert extract_stances(Article('t', 'Hamas will not disarm.'), load_dictionary()); "
            "print(sorted(m for m in sys.modules if m == 'rdflib' or m in ('kg.store', 'kg.rdf', 'pyoxigraph.store')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_catalogue_read_without_rdflib_matches_the_rdf_graph(dictionary):
    from rdflib.namespace import RDF, SKOS

    graph = dictionary.graph
    concepts = {str(s).rsplit("/", 1)[-1] for s in graph.subjects(RDF.type, SKOS.Concept) if "/id/issue/" in str(s)}
    assert concepts == set(dictionary.issues)
    labels = {str(o) for o in graph.objects(None, SKOS.altLabel)}
    assert {a for actor in dictionary.actors.values() for a in actor.aliases} <= labels


# --- sentences in the phrasings of wire copy, written for these tests ----------------------------

PHRASINGS = [
    ("Qatar and Egypt, which mediated the truce, called on both sides to respect it.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    ("Indonesia said it was ready to send up to 20,000 troops to Gaza.", {("Indonesia", "stabilization_force", "support")}),
    ("Hamas rejected calls to disarm.", {("Hamas", "disarmament", "oppose")}),
    ("Israel said it would not withdraw its troops from the Rafah area.", {("Israel", "withdrawal", "oppose")}),
    ("Saudi Arabia welcomed the ceasefire and called for the entry of aid.",
     {("SaudiArabia", "ceasefire", "support"), ("SaudiArabia", "humanitarian_aid", "support")}),
    ("The European Union pledged 1.6 billion euros for reconstruction.", {("EU", "reconstruction", "support")}),
    ("Pakistan will not send troops to disarm Hamas, its foreign minister said.",
     {("Pakistan", "disarmament", "oppose"), ("Pakistan", "stabilization_force", "oppose")}),
    ("Abbas called for the Palestinian Authority to take charge of Gaza.",
     {("PalestinianAuthority", "governance", "support")}),
    # (a draft named by the truce it demands is that truce, not the plan: version 109)
    ("The US vetoed a draft resolution that demanded an immediate ceasefire.", {("US", "ceasefire", "oppose")}),
    ("Witkoff said the US wants Hamas to hand over its weapons before reconstruction begins.",
     {("US", "disarmament", "support"), ("US", "reconstruction", "conditional", "disarmament")}),
    ("Egypt opposes any Israeli presence in the Rafah crossing.", {("Egypt", "withdrawal", "support")}),
    ("Israel will not allow the Palestinian Authority to govern Gaza, Netanyahu said.", {("Israel", "governance", "oppose")}),
    ("Israel insists that Hamas must disarm before any reconstruction begins.",
     {("Israel", "disarmament", "support"), ("Israel", "reconstruction", "conditional", "disarmament")}),
    ("Azerbaijan has ruled out sending its soldiers to Gaza.", {("Azerbaijan", "stabilization_force", "oppose")}),
    ("Israeli officials have refused any withdrawal beyond the yellow line.", {("Israel", "withdrawal", "oppose")}),
    ("The reconstruction plan was welcomed by Egypt and Jordan.",
     {("Egypt", "reconstruction", "support"), ("Jordan", "reconstruction", "support")}),
    ("Russia voiced opposition to the stabilization force.", {("Russia", "stabilization_force", "oppose")}),
    ("Hamas is against any disarmament.", {("Hamas", "disarmament", "oppose")}),
    ("Israel dismissed the Arab reconstruction plan.", {("Israel", "reconstruction", "oppose")}),
    ("Saudi Arabia will fund reconstruction only if the Palestinian Authority governs Gaza.",
     {("SaudiArabia", "reconstruction", "conditional", "governance")}),
    ("Israel refuses to allow aid into Gaza until the hostages are freed.",
     {("Israel", "hostage_prisoner_exchange", "support"), ("Israel", "humanitarian_aid", "conditional", "hostage_prisoner_exchange")}),
    ('"We will never give up our weapons," a Hamas spokesman said.', {("Hamas", "disarmament", "oppose")}),
    ("Trump has threatened that Hamas will be disarmed by force if it refuses to lay down its weapons.",
     {("US", "disarmament", "support")}),
    ("The Egyptian-mediated truce took effect on Sunday.", {("Egypt", "ceasefire", "support")}),
    ("Hamas freed the remaining 12 living hostages on Wednesday.", {("Hamas", "hostage_prisoner_exchange", "support")}),
    ('King Abdullah said: "We oppose every attempt to push Gazans out and we back the plan for rebuilding Gaza in full."',
     {("Jordan", "reconstruction", "support"), ("Jordan", "peace_plan", "support")}),
    ("Arab ministers adopted an Egyptian reconstruction plan at their Thursday meeting.", {("Egypt", "reconstruction", "support")}),
    ("Israel's decision to block humanitarian aid drew wide condemnation.", {("Israel", "humanitarian_aid", "oppose")}),
    ("Egypt wants a political solution instead of disarmament by force.", {("Egypt", "disarmament", "oppose")}),
    ("Katz said the Kerem Shalom crossing would remain closed until Hamas hands back the remains of the dead hostages.",
     {("Israel", "humanitarian_aid", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}),
    ("Katz said the army would continue fighting until all hostages are released.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}),
    ("Negotiations over the next stage of the truce had stalled since late April, according to Egyptian officials.", set()),
    ("Israel's ministers are due to back the truce in a vote on Sunday, according to press reports.", set()),
    ("Turkey is not likely to have a role in the stabilization force for Gaza.", set()),
    ("Doha welcomed Trump's remarks urging an immediate truce.",
     {("Qatar", "ceasefire", "support"), ("US", "ceasefire", "support")}),
    ("Guterres called for calm, adding that the ceasefire must hold.", {("UN", "ceasefire", "support")}),
    ("Guterres warmly backed Egypt's plan.", {("UN", "reconstruction", "support")}),
    ("Sidelining Turkey would be divisive, as it is a guarantor of the truce agreement.",
     {("Turkey", "ceasefire", "support")}),
    ("The force is meant to avoid a gap during reconstruction. Turkey had offered to lend it some officers, but Israel "
     "refused to do so.", set()),
    ("Azerbaijan does not intend to deploy peacekeepers unless a lasting truce is in place first.",
     {("Azerbaijan", "stabilization_force", "conditional", "ceasefire")}),
    ("Washington has made plain that no American soldiers would go into Gaza.", {("US", "stabilization_force", "oppose")}),
    ("Pakistan would commit soldiers to Gaza only if the UN Security Council approves the mission.",
     {("Pakistan", "stabilization_force", "conditional", "peace_plan")}),
    ('Netanyahu stated: "We are working to achieve another deal to release our hostages."',
     {("Israel", "hostage_prisoner_exchange", "support")}),
    ("Egypt is pressing donors to fund rebuilding without waiting for a disarmament deal.",
     {("Egypt", "reconstruction", "support")}),
    ("For the ceasefire to hold, Israel has demanded the disarmament of Hamas.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    ("States that have voiced willingness to join the ISF include Egypt, Turkey and Indonesia.",
     {("Egypt", "stabilization_force", "support"), ("Turkey", "stabilization_force", "support"),
      ("Indonesia", "stabilization_force", "support")}),
    # the parse hangs the relative clause's verb on its object, so the cue walk meets the group noun
    # first: the states the sentence lists for it hold the stance, not the group's unnamed members
    ("Countries that have expressed willingness to participate in the ISF include Egypt and Pakistan.",
     {("Egypt", "stabilization_force", "support"), ("Pakistan", "stabilization_force", "support")}),
    ("Countries that have expressed willingness to take part in the ISF include Egypt, Turkey, Indonesia and Pakistan,"
     " but no firm commitments have been made.",
     {("Egypt", "stabilization_force", "support"), ("Turkey", "stabilization_force", "support"),
      ("Indonesia", "stabilization_force", "support"), ("Pakistan", "stabilization_force", "support")}),
    # training Palestinian security forces is the police of a post-war Gaza, not the international force
    ("Jordan is ready to train Palestinian security forces, the king said.", {("Jordan", "governance", "support")}),
    ("Egypt has offered to train Palestinian security forces for the Strip.", {("Egypt", "governance", "support")}),
    ("Israel has signalled that it will not accept Turkish soldiers in the force.", {("Israel", "stabilization_force", "oppose")}),
    ("Israel says it will stop fighting only once every hostage is released and Hamas is beaten.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")}),
    ("JAKARTA, Indonesia (Newsroom) – – Indonesia offered on Friday to send troops to Gaza.",
     {("Indonesia", "stabilization_force", "support")}),
    ("AMMAN: Jordan said on Sunday that the planned international force should have a UN mandate.",
     {("Jordan", "stabilization_force", "conditional", "peace_plan"), ("Jordan", "peace_plan", "support")}),
    ("Vance met Netanyahu in Jerusalem to discuss the release of the hostages.", set()),
    ('The Turkish foreign ministry said Hamas\'s reply "may open the door to a lasting ceasefire."',
     {("Turkey", "ceasefire", "support")}),
    ("Netanyahu's ministers voted in favour of the truce deal early Saturday.", {("Israel", "ceasefire", "support")}),
    ('The Security Council resolution was adopted. "The resolution does not authorize the council to keep the peace '
     'and runs counter to international law," Lavrov said.',
     {("Russia", "peace_plan", "oppose")}),
    ("Meanwhile, Hamas and other armed factions rejected the deployment of a foreign force.",
     {("Hamas", "stabilization_force", "oppose")}),
    ("Hamas attended the talks. Under the plan Hamas must disarm and fighters who hand in their rifles may go "
     "abroad — a step the group has always refused.",
     {("Hamas", "disarmament", "oppose")}),
    ("Abdelatty said Israel is imposing restrictions on the running of the Gaza side of the Rafah crossing.", set()),
    ("Saudi Arabia on Wednesday demanded that Israel lift all restrictions on humanitarian aid.",
     {("SaudiArabia", "humanitarian_aid", "support")}),
    ("The ministers met on Monday.\nNEW YORK, United States (Newsroom) - - Egypt on Tuesday offered to send troops to Gaza.",
     {("Egypt", "stabilization_force", "support")}),
    ("Reports suggesting that Turkey might contribute troops to the force have caused unease.", set()),
    ("Jordan condemned Israel's refusal to allow relief supplies into the Strip.",
     {("Israel", "humanitarian_aid", "oppose"), ("Jordan", "humanitarian_aid", "support")}),
    ("Israeli officials said Hamas's refusal to disarm had stalled the talks.", {("Hamas", "disarmament", "oppose")}),
    ('Qatar\'s foreign ministry says talks continue.\nIsraeli PM Netanyahu: "We will not allow a withdrawal from the corridor."',
     {("Israel", "withdrawal", "oppose")}),
    ("A Hamas official warned that immediate disarmament would trigger chaos across the territory.",
     {("Hamas", "disarmament", "oppose")}),
    ("Azerbaijan will not send troops to Gaza unless the fighting comes to a complete halt, its ministry said.",
     {("Azerbaijan", "stabilization_force", "conditional", "ceasefire")}),
    ("Israel has voiced firm objections to Turkish participation in the stabilization force.",
     {("Israel", "stabilization_force", "oppose")}),
    ("Pakistan is weighing sending troops to Gaza. Its leaders said they would only do so with a UN mandate.",
     {("Pakistan", "stabilization_force", "conditional", "peace_plan")}),
    # "no" on a noun of intent refuses what follows it
    ("Qatar said it has no plan to pay for rebuilding Gaza.", {("Qatar", "reconstruction", "oppose")}),
    ("Saudi Arabia has no intention of financing the reconstruction of Gaza, its minister said.",
     {("SaudiArabia", "reconstruction", "oppose")}),
    # "in exchange for" with the noun parsed as an oblique: the offer waits for its price
    # a place before a comma is no list with the subject after it
    ("Following talks in Amman, Israel rejected the reconstruction plan.", {("Israel", "reconstruction", "oppose")}),
    # "he" after a person who is the subject earlier in the same sentence is that person
    ("Witkoff spoke to reporters on Friday. The White House said that Netanyahu had agreed to the terms, "
     "though he has long refused to halt the fighting.", {("Israel", "ceasefire", "oppose")}),
    # the sponsor fused to a participle inside the plan's own name, "U.S." with its final period
    ("Jordan called on Hamas to approve the U.S.-backed plan.",
     {("Jordan", "peace_plan", "support"), ("US", "peace_plan", "support")}),
    # a participle of proposing between the possessor and the issue: the possessor sponsors it
    ("Abbas endorsed the White House's proposed board of peace.",
     {("PalestinianAuthority", "governance", "support"), ("US", "governance", "support")}),
    ("After a meeting in Doha, the Israeli cabinet rejected the reconstruction plan.", {("Israel", "reconstruction", "oppose")}),
    # what a sponsored deal proposes in a relative clause, its sponsor backs
    ("Pakistan backs the US-brokered peace deal, which proposes setting up an International Stabilization Force.",
     {("Pakistan", "peace_plan", "support"), ("US", "peace_plan", "support"), ("US", "stabilization_force", "support")}),
    # "only under" on a phrase the parser labelled an object; a state's part in the force that depends on something
    ("Pakistan will deploy its army only under the explicit instructions of the UN Security Council.",
     {("Pakistan", "stabilization_force", "conditional", "peace_plan")}),
    ("Indonesia's participation in the force will depend on a UN Security Council mandate.",
     {("Indonesia", "stabilization_force", "conditional", "peace_plan")}),
    # words that name an issue only as a condition (statehood: governance in the annotation guideline)
    ("Putin said Russia would back the plan if it leads to a two-state solution.",
     {("Russia", "peace_plan", "conditional", "governance")}),
    # "after" on what is wanted is a condition; after a past event it is only a time
    ("Jordan called for the dispatch of foreign troops to keep order in the Strip after the end of hostilities.",
     {("Jordan", "stabilization_force", "conditional", "ceasefire")}),
    ("Hamas said it will accept the truce a day after Israel withdrew from the Netzarim corridor.",
     {("Hamas", "ceasefire", "support"), ("Israel", "withdrawal", "support")}),
    # hoping for something backs it; a condition read off the words names its issue only as a condition
    ("Saudi Arabia expressed hope that the agreement would lead to the entry of aid.",
     {("SaudiArabia", "humanitarian_aid", "support")}),
    ("The UAE said it was ready to take part in the reconstruction, provided a credible path to Palestinian statehood is in place.",
     {("UAE", "reconstruction", "conditional", "governance")}),
    # the UN's independent experts speak in their own name, its secretary-general in the UN's
    ("The UN special rapporteur on the right to food welcomed the truce.",
     {("UNIndependentExperts", "ceasefire", "support")}),
    ("Independent UN experts called for more humanitarian aid to reach Gaza, while the UN chief urged a ceasefire.",
     {("UNIndependentExperts", "humanitarian_aid", "support"), ("UN", "ceasefire", "support")}),
    # "providing that" split by the parser into a verb and its clause's mark is the same condition; "providing"
    # with an object is a verb of giving
    ("Qatar said it would pay for rebuilding homes, providing that the truce holds.",
     {("Qatar", "reconstruction", "conditional", "ceasefire")}),
    ("Egypt backed the truce, providing aid to families in the Strip.",
     {("Egypt", "ceasefire", "support"), ("Egypt", "humanitarian_aid", "support")}),
    # staying on a line is the opposite of withdrawing from it
    ("Defence Minister Israel Katz said troops would remain along the yellow line until Hamas hands over its weapons.",
     {("Israel", "withdrawal", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    # what is asked in exchange is wanted too
    ("Hamas says it is ready to free the remaining captives in exchange for a lasting truce.",
     {("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire"), ("Hamas", "ceasefire", "support")}),
    ('Israel\'s foreign ministry said the Arab plan for rebuilding Gaza "failed to address" the facts on the ground.',
     {("Israel", "reconstruction", "oppose")}),
    ("Egypt urged ending the fighting in Rafah.", {("Egypt", "ceasefire", "support")}),
    # the issue doing what a rejecting verb says is no rejection of it
    ("The Jordanian minister said the truce removes the last barriers to a lasting peace.",
     {("Jordan", "ceasefire", "support")}),
]


@pytest.mark.parametrize("text,expected", PHRASINGS, ids=[p[0][:40] for p in PHRASINGS])
def test_wire_phrasings(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_sponsor_backs_the_terms_of_its_own_plan_only(dictionary):
    # the sponsor's name inside the plan's own name still makes it the sponsor
    assert ("US", "ceasefire", "support") in found("Trump's initiative to stop the war was welcomed by Egypt.", dictionary)
    assert ("US", "governance", "support") in found(
        "The US-drafted resolution would establish a Board of Peace for Gaza.", dictionary)
    # a plan without a named sponsor, or one that leaves the issue out, backs nothing
    assert found("Analysts said the plan calls for the disarmament of Hamas.", dictionary) == set()
    assert found("The Qatari draft does not mention a withdrawal of Israeli troops.", dictionary) == set()


def test_transcript_speaker_is_who_the_introducing_line_names(dictionary):
    text = ("Below are remarks to the press by Kaja Kallas following her talks with Foreign Minister Fidan:\n"
            '"Thanks for having me.\nWe went over the situation in detail.\n'
            "Hamas must free every hostage. Israel must allow humanitarian aid to enter Gaza.\n")
    assert found(text, dictionary) == {("EU", "hostage_prisoner_exchange", "support"), ("EU", "humanitarian_aid", "support")}


def test_the_plan_refers_to_the_plan_the_article_is_about(dictionary):
    assert found("Arab leaders met in Cairo to discuss an Arab reconstruction plan. Israel rejected the plan on Sunday.",
                 dictionary) >= {("Israel", "reconstruction", "oppose")}
    text = ("Trump's plan was signed at the summit. Trump's plan has twenty points. Egypt has its own reconstruction "
            "plan. Israel said it remained committed to the plan.")
    assert ("Israel", "peace_plan", "support") in found(text, dictionary)
    assert ("Israel", "reconstruction", "support") not in found(text, dictionary)
    # with no plan named before, "the plan" is the peace plan, as before
    assert found("Qatar welcomed the plan.", dictionary) == {("Qatar", "peace_plan", "support")}


def test_welcoming_an_owned_proposal_is_a_stance_of_both(dictionary):
    assert found("Egypt and Qatar welcomed President Trump's proposal on Monday.", dictionary) == {
        ("Egypt", "peace_plan", "support"), ("Qatar", "peace_plan", "support"), ("US", "peace_plan", "support")}


def test_no_stance_on_a_deal_from_one_of_its_demands_or_from_a_fear(dictionary):
    assert ("Hamas", "ceasefire", "oppose") not in found(
        "A Hamas official spoke on Thursday, rejecting a key demand of the U.S.-brokered deal.", dictionary)
    assert ("Israel", "ceasefire", "oppose") not in found(
        "Washington is increasingly concerned that Netanyahu may abandon the ceasefire.", dictionary)
    assert not {s for s in found("Israel fears that Trump will push to move to the next phase without disarming Hamas.",
                                 dictionary) if s[0] == "US"}
    # while agreeing to some aspects of a plan still backs it
    assert ("Hamas", "peace_plan", "support") in found("Hamas said it would agree to certain elements of Trump's plan.", dictionary)


def test_items_of_a_list_take_the_stance_of_the_sentence_that_introduces_it(dictionary):
    text = ("Egypt, Jordan and Qatar met in Amman on Monday.\n"
            "The ministers restated their support for a broad agreement that would:\n"
            "Bring about the release of hostages\n"
            "- Guarantee unhindered entry of humanitarian aid.\n"
            "No reconstruction before a political horizon\n"
            "The talks will resume next week.\n")
    stances = found(text, dictionary)
    for state in ("Egypt", "Jordan", "Qatar"):
        assert (state, "hostage_prisoner_exchange", "support") in stances
        assert (state, "humanitarian_aid", "support") in stances
        assert (state, "reconstruction", "support") not in stances  # a negated item is not copied
    rejected = found("Israel rejected the following demands:\n- A full withdrawal from Gaza\n", dictionary)
    assert rejected == {("Israel", "withdrawal", "oppose")}
    # a colon inside running text introduces no list
    assert found("Hamas said one thing on Monday: the talks had stalled. Reconstruction is slow.", dictionary) == set()


def test_a_stance_on_an_answer_or_on_a_wider_thing_is_none_on_the_issue(dictionary):
    assert ("US", "ceasefire", "oppose") not in found(
        "Witkoff dismissed Hamas's response to the newest truce offer as unacceptable.", dictionary)
    assert ("Israel", "humanitarian_aid", "oppose") not in found(
        "Hamas seeks to restore the previous model of aid delivery, which Israel has criticized.", dictionary)
    # while a relative clause on the aid convoys is about the aid
    assert ("Israel", "humanitarian_aid", "oppose") in found(
        "The UN called for more aid convoys, which Israel has blocked for weeks.", dictionary)


def test_a_speech_in_the_first_person_is_its_speakers_throughout(dictionary):
    text = "We are very worried by what is happening in Gaza.\nAll hostages must be released. Aid must reach Gaza.\n"
    speech = Article("t", text, title="Speech by Foreign Minister Hakan Fidan at the summit")
    assert {(s.holder, s.issue, s.polarity.value) for s in extract_stances(speech, dictionary)} == {
        ("Turkey", "hostage_prisoner_exchange", "support"), ("Turkey", "humanitarian_aid", "support")}
    # a news story with the same lines and an ordinary title has no speaker for them
    news = Article("t", text, title="Talks resume in Cairo")
    assert extract_stances(news, dictionary) == []


def test_the_possessor_of_an_exclusion_is_the_one_excluded(dictionary):
    stances = found("Egypt called for the disarmament of Hamas and its exclusion from Palestinian governance.", dictionary)
    assert ("Egypt", "disarmament", "support") in stances
    assert not any(holder == "Hamas" for holder, *_ in stances)


JOINT_STATEMENT_REPORT = """Eight states back Gaza framework

In a joint statement on Sunday, the foreign ministers of Saudi Arabia, Jordan, the UAE, Indonesia, Pakistan, Turkey, Qatar and Egypt said they welcomed the US president's efforts to end the war.

The statement also urged unhindered humanitarian access and the freeing of every hostage.

The eight countries stressed that the Palestinian Authority must play a role in governing Gaza, and said they were ready to contribute to reconstruction.

The signatories also urged Israel's complete withdrawal from the enclave.
"""


def test_a_joint_statement_gives_each_signatory_its_stances(dictionary):
    # "they" after the list, "the statement", "the eight countries" and "the signatories" all stand
    # for the eight states that signed (a text written for this test)
    states = {"SaudiArabia", "Jordan", "UAE", "Indonesia", "Pakistan", "Turkey", "Qatar", "Egypt"}
    got = found(JOINT_STATEMENT_REPORT, dictionary)
    for issue in ("ceasefire", "humanitarian_aid", "hostage_prisoner_exchange", "governance", "reconstruction", "withdrawal"):
        assert {h for h, i, p, *_ in got if i == issue and p == "support"} >= states, issue
    assert not any(h == "PalestinianAuthority" and i == "reconstruction" for h, i, *_ in got)


@pytest.mark.parametrize("second", [
    "Countries such as Indonesia and Pakistan want the force to be authorised by the Security Council.",
    "Arab and Muslim states have been reluctant to join the stabilization force.",
    "Those states that may be willing to contribute soldiers want the force to have a UN mandate.",
])
def test_a_group_noun_with_its_own_members_refers_to_no_earlier_group(second, dictionary):
    text = "The foreign ministers of Egypt, Jordan and Qatar met in Cairo. " + second
    assert not any(h in ("Egypt", "Jordan", "Qatar") for h, *_ in found(text, dictionary))


@pytest.mark.parametrize("text", [
    "Under the agreement, Israel would withdraw its troops to the yellow line.",
    "As part of the deal, Israel will withdraw from Gaza.",
    "According to the plan, Hamas would disarm within six months.",
])
def test_what_a_plan_says_a_party_will_do_is_not_that_partys_stance(text, dictionary):
    assert not {s for s in found(text, dictionary) if s[0] in ("Israel", "Hamas")}


def test_a_plan_of_ones_own_or_an_act_done_under_a_deal_still_tells_a_stance(dictionary):
    assert ("Israel", "withdrawal", "support") in found(
        "Under Israel's plan, Israel would withdraw its troops to the yellow line.", dictionary)
    assert ("Hamas", "hostage_prisoner_exchange", "support") in found(
        "Under the deal, Hamas agreed to release all hostages.", dictionary)


def test_an_agent_that_is_a_thing_an_actor_owns_holds_nothing(dictionary):
    assert found("The plan was welcomed by Israel's critics.", dictionary) == set()
    assert found("Reconstruction was endorsed by Qatar's media.", dictionary) == set()
    # a share of a body still acts for it
    assert ("UN", "ceasefire", "support") in found(
        "A resolution backed by a large majority of the General Assembly demanded a truce.", dictionary)


def test_a_conditional_stance_is_not_also_plain_support_in_the_same_sentence(dictionary):
    assert found("Indonesia has said it could deploy troops to the stabilization force only with a UN mandate.",
                 dictionary) == {("Indonesia", "stabilization_force", "conditional", "peace_plan")}


def test_a_stance_adjective_after_a_noun_describes_that_noun(dictionary):
    assert found("The White House has struggled to recruit nations willing to take part in the disarmament "
                 "of Hamas.", dictionary) == set()


@pytest.mark.parametrize("text,expected", [
    ("Hamas said the resolution turns the force into a tool of the occupation.", set()),
    ("An Egyptian official said the proposal included a pause in the fighting for sixty days.", set()),
    # a modal, a stance word or an actor as subject still makes it the speaker's stance
    ("Qatar said the ceasefire must hold.", {("Qatar", "ceasefire", "support")}),
    ("Jordan said the stabilization force is essential.", {("Jordan", "stabilization_force", "support")}),
])
def test_a_reported_description_of_a_thing_is_the_speakers_claim_not_a_stance(text, expected, dictionary):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text", [
    "It is unclear whether Hamas will accept the ceasefire.",
    "The ministers discussed whether to send troops to the force.",
])
def test_an_indirect_question_states_no_stance(text, dictionary):
    assert found(text, dictionary) == set()


def test_picking_the_members_of_the_force_is_no_indirect_question_without_a_stance(dictionary):
    # the guideline reads who picks the troops as taking the force on its terms, whatever the clause asks
    assert found("Israel will decide which foreign troops can join the stabilization force.", dictionary) == {
        ("Israel", "stabilization_force", "conditional", "peace_plan")}


def test_any_future_deal_is_no_deal_in_particular(dictionary):
    assert ("Jordan", "peace_plan", "support") not in found("Jordan offered to send troops to protect any future peace deal.",
                                                            dictionary)
    assert ("Jordan", "peace_plan", "support") in found("Jordan offered to send troops to protect the peace deal.", dictionary)


def test_what_has_not_happened_is_no_stance_but_what_will_not_is(dictionary):
    assert found("Despite the truce, Hamas has not disarmed, officials noted.", dictionary) == set()
    assert found("Hamas did not disarm last year.", dictionary) == set()
    assert found("Hamas will not disarm.", dictionary) == {("Hamas", "disarmament", "oppose")}


def test_not_yet_agreeing_is_no_refusal(dictionary):
    assert found("Trump called the plan final, though Hamas leaders had not yet accepted the ceasefire deal.", dictionary) == {
        ("US", "peace_plan", "support")}
    assert found("Hamas has not yet accepted the ceasefire proposal.", dictionary) == set()
    assert found("Hamas has not accepted the ceasefire proposal.", dictionary) == {("Hamas", "ceasefire", "oppose")}


def test_what_a_stage_of_the_plan_has_a_party_do_is_no_stance_of_the_party(dictionary):
    assert found("In the second stage, Israel would withdraw its troops from the city.", dictionary) == set()
    assert found("Under that phase, Israeli units would pull back and Hamas would hand over its arms.", dictionary) == set()
    assert found("Under that phase, Israeli units would pull back, while Hamas would hand over its arms.", dictionary) == set()
    assert found("In part, Israel would withdraw its troops from the city.", dictionary) == {("Israel", "withdrawal", "support")}


def test_what_a_halt_is_for_is_wanted(dictionary):
    assert found("Washington asked Israel to suspend the air raids to allow a safe release of the hostages.",
                 dictionary) == {("US", "hostage_prisoner_exchange", "support")}
    assert ("Hamas", "disarmament", "oppose") in found("Hamas vowed to reject any effort to disarm the group.", dictionary)


def test_refusing_a_deadline_for_an_issue_is_no_stance_on_the_issue(dictionary):
    assert found("Witkoff declined to give a deadline for the disarmament of Hamas.", dictionary) == set()
    assert found("The US refused to set a timetable for reconstruction.", dictionary) == set()


def test_a_place_before_a_relative_clause_is_not_its_antecedent(dictionary):
    assert found("The envoy opened a coordination centre in southern Israel, which will monitor the ceasefire.",
                 dictionary) == set()
    assert ("Qatar", "ceasefire", "support") in found("Qatar, which mediated the truce, welcomed the deal.", dictionary)


def test_praise_for_an_effort_in_doing_something_is_the_praised_actors_stance(dictionary):
    assert found("The UN envoy thanked Qatar and Egypt for their efforts in mediating the truce.", dictionary) == {
        ("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}


def test_an_infinitive_the_parser_hangs_on_the_verb_completes_the_noun_before_it(dictionary):
    # the parse makes "to halt" an adverbial clause of "condemned"; it is the decision's content
    assert found("Egypt deplored Israel's new decision to halt the supply of aid to the enclave.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose"), ("Egypt", "humanitarian_aid", "support")}


def test_a_reported_claim_about_a_thing_is_no_stance_of_the_speaker(dictionary):
    # what a speaker says a text does to something: a description, not a wish for it
    assert found('Hamas also said that "turning the international stabilization force into a security apparatus '
                 'coordinated with the occupation… transforms the force into an occupying power."', dictionary) == set()
    plan = "The UN Security Council resolution backing the peace plan passed on Monday. "
    assert ("Hamas", "peace_plan", "oppose") in found(
        plan + 'Hamas said that the resolution "falls short of the basic demands of our people."', dictionary)


def test_a_small_clause_the_parse_splits_keeps_its_predicate(dictionary):
    assert found('Senior Hamas figure Khaled Meshaal stated the idea of complete disarmament is "unacceptable" and '
                 'that arms would only be given up once a Palestinian state exists.', dictionary) == {
        ("Hamas", "disarmament", "oppose")}


def test_what_was_never_put_forward_is_no_refusal(dictionary):
    assert found("A Hamas official told reporters that the mediators had never proposed disarmament in the talks.",
                 dictionary) == set()
    assert ("US", "disarmament", "oppose") not in found(
        "Hamdan claimed that the U.S. had never proposed disarmament during the talks.", dictionary)


def test_an_issue_that_will_cease_is_stopped_by_who_decides_it(dictionary):
    assert ("Israel", "humanitarian_aid", "oppose") in found(
        "Netanyahu decided that from noon all entry of humanitarian aid into the Gaza Strip will cease.", dictionary)
    assert ("Israel", "humanitarian_aid", "support") not in found(
        "Netanyahu decided that from noon all entry of humanitarian aid into the Gaza Strip will cease.", dictionary)


def test_a_backdrop_clause_and_a_proviso_are_not_what_is_said(dictionary):
    text = ("Egypt said on Monday it is ready to join a potential international force, provided it is backed by a UN "
            "Security Council resolution, as ceasefire efforts continue in Cairo.")
    assert not {("Egypt", "ceasefire", "support"), ("Egypt", "peace_plan", "support")} & found(text, dictionary)


def test_a_past_that_did_not_happen_is_no_stance(dictionary):
    assert found('"The truce would not have happened without Qatar," the US envoy said.', dictionary) == set()


def test_a_quotation_is_spoken_by_the_name_after_it(dictionary):
    text = ('Both leaders answered within the hour.\n"Going by what Hamas has just said, I think they want a lasting '
            'peace. Israel must halt the bombing right away so that we can get the hostages out! It is too risky '
            'now," Trump wrote online.')
    assert ("Hamas", "ceasefire", "support") not in found(text, dictionary)
    assert ("US", "ceasefire", "support") in found(text, dictionary)


def test_a_quotation_is_spoken_by_the_name_after_the_verb_that_follows_it(dictionary):
    text = ("The meeting was called by Egypt's president.\n\u201cA long road starts tomorrow. We hope for the "
            "release of all hostages. Together, we will help rebuild Gaza. We will not forget October,\u201d said "
            "Kaja Kallas, the EU foreign policy chief, in a statement.")
    assert found(text, dictionary) == {("EU", "hostage_prisoner_exchange", "support"), ("EU", "reconstruction", "support")}
    # the verb after a subject of its own: whoever it names after the verb is told, not speaking
    told = ("Egypt's president called the meeting.\n\u201cWe will help rebuild Gaza. It must happen soon,\u201d "
            "he told Kaja Kallas on Monday.")
    assert ("EU", "reconstruction", "support") not in found(told, dictionary)


def test_a_quotation_going_on_after_a_speaker_no_actor_stands_for_is_still_theirs(dictionary):
    text = ('Trump said on Monday that Washington would keep pressing for the deal. "The draft leaves out too much," '
            'Fu said at the Council. "We believe a UN role is needed in the reconstruction of Gaza."')
    assert found(text, dictionary) == set()
    named = text.replace("Fu said", "Rubio said")
    assert found(named, dictionary) == {("US", "reconstruction", "support")}


def test_a_quotation_closed_by_he_said_is_the_persons_the_text_was_about(dictionary):
    text = ('Hamas said it accepted parts of the plan. European Council President Antonio Costa also hailed the '
            'response, calling it "a step forward." "Peace may finally be within reach. The release of hostages and a '
            'ceasefire must now follow. I call on all parties to act with urgency," he said on X.')
    stances = found(text, dictionary)
    assert {("EU", "ceasefire", "support"), ("EU", "hostage_prisoner_exchange", "support")} <= stances
    assert ("Hamas", "ceasefire", "support") not in stances


def test_the_ministry_is_the_actor_whose_ministry_the_text_named_last(dictionary):
    said = ' "For the sake of peace, Hamas can\'t be left in power," the ministry said.'
    israeli = "The Israeli Foreign Ministry criticized the Arab ministers on Monday. Trump has also promoted new ideas."
    assert found(israeli + said, dictionary) == {("Israel", "governance", "support")}
    # the last ministry named is no actor's: nobody we know speaks
    health = "Israel's Foreign Ministry spoke of progress, while Gaza's Health Ministry counted more dead."
    assert found(health + said, dictionary) == set()


def test_a_quotation_handed_over_by_a_colon_is_the_subject_of_the_verb_before_it(dictionary):
    text = ("Netanyahu announced an award for the US president. Asked if he and Mr Netanyahu had discussed Israel "
            "pulling back troops, Mr Trump told reporters: \u201cIf they don\u2019t disarm, there\u2019ll be hell to pay. "
            "But they have to disarm within a short period of time.\u201d")
    # the threat is Trump's too: his truce, conditional on what he demands
    assert found(text, dictionary) == {("US", "disarmament", "support"), ("US", "ceasefire", "conditional", "disarmament")}


@pytest.mark.parametrize("attribution", ["Lapid said on Sunday", "said opposition leader Yair Lapid"])
def test_a_quotation_a_person_no_actor_stands_for_closes_is_nobody_s(attribution, dictionary):
    text = ('Trump said Washington backs the plan. "We want the hostages home. The release of the hostages cannot '
            f'wait," {attribution}.')
    assert found(text, dictionary) == {("US", "peace_plan", "support")}


def test_a_name_with_a_title_for_an_actor_is_who_she_is_next(dictionary):
    text = ("Netanyahu spoke on Monday. Olga Cherevko, spokesperson for the UN aid office OCHA, said the agency would "
            "keep urging both sides to respect the deal. \u201cWe very much hope that the ceasefire continues to be "
            "implemented,\u201d she said.")
    assert found(text, dictionary) == {("UN", "ceasefire", "support")}


def test_the_resistance_movement_is_the_armed_group_named_before(dictionary):
    text = ("Egypt and the United States received the response from Hamas on Friday. In it, the Resistance movement "
            "say they are ready to release all Israeli captives held in the enclave.")
    assert found(text, dictionary) == {("Hamas", "hostage_prisoner_exchange", "support")}


def test_it_after_an_actor_that_is_no_subject_and_a_thing_nearer_is_the_thing(dictionary):
    text = ("Egypt urged the world to pressure Israel into accepting the latest ceasefire proposal, affirming that it "
            "would help alleviate the humanitarian crisis in Gaza.")
    assert ("Israel", "humanitarian_aid", "support") not in found(text, dictionary)
    assert ("Israel", "humanitarian_aid", "support") in found("Israel accepted the truce, saying it would allow aid "
                                                              "into Gaza.", dictionary)


EIGHT = {("Turkey", "peace_plan", "support"), ("Jordan", "peace_plan", "support"), ("UAE", "peace_plan", "support"),
         ("Indonesia", "peace_plan", "support"), ("Pakistan", "peace_plan", "support"),
         ("SaudiArabia", "peace_plan", "support"), ("Qatar", "peace_plan", "support"), ("Egypt", "peace_plan", "support")}
MINISTERS = (" The foreign ministers of Turkey, Jordan, the United Arab Emirates, Indonesia, Pakistan, Saudi Arabia, "
             "Qatar and Egypt met in New York.")


@pytest.mark.parametrize("lead,expected", [
    ("Eight countries backed the peace plan on Monday.", EIGHT),
    ("Eight countries, including Turkey, issued a joint statement on Monday praising the peace plan.", EIGHT),
    # a count the tagger read as an adjective ("Eight/amod Arab and Muslim nations")
    ("Eight Arab and Muslim nations on Tuesday issued a joint statement welcoming the peace plan.", EIGHT),
    # an "-ing" verb the parser read as a preposition ("welcoming/case the plan")
    ("Eight countries on Tuesday issued a joint statement welcoming the peace plan.", EIGHT),
    # ... or as an adjective whose object it made the main verb's second one
    ("Eight countries issued a joint statement welcoming US President Donald Trump's proposals.", EIGHT | {
        ("US", "peace_plan", "support")}),
    # a count the list after does not match names no one
    ("Three countries backed the peace plan on Monday.", set()),
])
def test_states_a_lead_counts_are_the_ones_the_next_sentences_list(lead, expected, dictionary):
    assert found(lead + MINISTERS, dictionary) == expected


def test_multiple_countries_of_a_statement_are_its_supporters_listed_after(dictionary):
    text = ("In a joint statement, multiple countries voiced backing for the resolution to establish an International "
            "Stabilization Force. The statement, supported by Qatar, Egypt, Saudi Arabia and Jordan, was welcomed.")
    assert found(text, dictionary) == {(a, "stabilization_force", "support") for a in ("Qatar", "Egypt", "SaudiArabia", "Jordan")}


def test_what_an_actor_cannot_do_in_anothers_words_is_the_speakers_demand(dictionary):
    assert found("Washington argued that Hamas must not stay in control of the Strip.", dictionary) == {
        ("US", "governance", "support")}
    assert found('"The president has been firm that Hamas cannot continue to govern Gaza," a White House '
                 'official said.', dictionary) == {("US", "governance", "support")}


def test_members_of_a_group_a_relative_clause_speaks_of_hold_its_stance(dictionary):
    assert found("The countries that backed the peace plan, including Qatar, Egypt and Jordan, met on Monday.",
                 dictionary) == {("Qatar", "peace_plan", "support"), ("Egypt", "peace_plan", "support"),
                                 ("Jordan", "peace_plan", "support")}
    assert found("Indonesia is among the nations that have offered troops for the stabilization force.", dictionary) == {
        ("Indonesia", "stabilization_force", "support")}


def test_an_answer_judged_positive_or_negative_is_a_stance(dictionary):
    assert found("Hamas delivered a positive response to the peace plan.", dictionary) == {("Hamas", "peace_plan", "support")}
    assert found("Hamas gave a negative response to the peace plan.", dictionary) == {("Hamas", "peace_plan", "oppose")}
    assert found("Israel dismissed the group response to the peace plan.", dictionary) == set()


def test_unhappy_with_rejects_and_outlining_a_plan_backs_it(dictionary):
    assert found("Israel is reportedly unhappy with the terms of the ceasefire.", dictionary) == {
        ("Israel", "ceasefire", "oppose")}
    assert found("Trump outlined a 20-point peace plan on Monday.", dictionary) == {("US", "peace_plan", "support")}


def test_mediators_asked_for_guarantees_are_not_backers(dictionary):
    text = ("The group said it would not agree to extend the first phase of the ceasefire without guarantees from "
            "Qatari and Egyptian mediators that the second phase would follow.")
    assert not {s[0] for s in found(text, dictionary)} & {"Qatar", "Egypt"}


def test_another_conflicts_issues_are_not_gazas(dictionary):
    assert found("Egypt also called for a lasting ceasefire in Sudan and the withdrawal of foreign fighters from Libya.",
                 dictionary) == set()
    assert found("Egypt called for a ceasefire in Gaza, as it did in Sudan.", dictionary) == {("Egypt", "ceasefire", "support")}
    # a text written for this test: Azerbaijan's own war with Armenia is another conflict
    assert found("Azerbaijan and Armenia swapped prisoners of war in January, Baku said.", dictionary) == set()


def test_who_drafted_a_body_s_resolution_sponsors_its_terms(dictionary):
    text = ('A draft UN Security Council resolution, crafted by the U.S., authorizes this force to use "all necessary '
            'measures" to ensure the demilitarization of Gaza.')
    assert {s[0] for s in found(text, dictionary)} == {"US"}


def test_a_relative_clause_after_the_place_of_a_vote_speaks_of_what_is_voted(dictionary):
    text = ("The factions warned of the dangers of the US draft resolution submitted for a vote at the Security "
            "Council, which calls for the establishment of an international force in the Gaza Strip.")
    assert ("UN", "stabilization_force", "support") not in found(text, dictionary)


def test_holding_territory_is_against_withdrawal(dictionary):
    assert found("Netanyahu said Israel's military will continue to hold territories it controls in Gaza.", dictionary) == {
        ("Israel", "withdrawal", "oppose")}


def test_what_an_actor_is_said_to_use_as_a_pretext_is_a_charge_not_its_stance(dictionary):
    text = ("Hamas wants the fighters to leave safely, saying that Israel is using the dispute as a pretext to refuse to "
            "move on to the next phase of the truce deal.")
    assert not {s for s in found(text, dictionary) if s[0] == "Israel"}


def test_where_and_under_whom_a_force_must_serve_are_its_terms(dictionary):
    assert found("Egypt said the stabilization force should operate under a UN mandate.", dictionary) == {
        ("Egypt", "stabilization_force", "conditional", "peace_plan")}
    assert ("Hamas", "stabilization_force", "conditional", "peace_plan") in found(
        'Hamas said that any international force "must be deployed only at the borders and must be fully under UN '
        'supervision."', dictionary)


def test_it_after_a_statement_is_the_statement_of_its_authors(dictionary):
    text = ("The foreign ministers of Egypt, Jordan, Qatar and Turkey issued a joint statement on Sunday. "
            "It called for the deployment of an international force to help stabilise Gaza.")
    assert found(text, dictionary) == {(actor, "stabilization_force", "support")
                                       for actor in ("Egypt", "Jordan", "Qatar", "Turkey")}
    # with no statement before it, "it" is still the last actor named
    assert found("Talks were held with Egypt and Qatar on Sunday. It called for more aid to enter Gaza.",
                 dictionary) == {("Qatar", "humanitarian_aid", "support")}


def test_a_condition_the_parser_hung_on_a_span_of_time_is_the_predicate_s(dictionary):
    text = "Israel has said it is open to extending the truce for a few weeks in exchange for the release of more hostages."
    assert ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange") in found(text, dictionary)


def test_the_board_named_again_is_the_board_of_peace(dictionary):
    text = ("The resolution sets up a Board of Peace for Gaza's transition. "
            "Trump would chair the board, the White House said.")
    assert ("US", "governance", "support") in found(text, dictionary)
    # with no Board of Peace in the article, "the board" names no issue
    assert found("Trump would chair the board, the White House said.", dictionary) == set()


def test_the_governments_named_before_speak_as_a_group(dictionary):
    text = ("Egypt, Qatar and Turkey met in Cairo on Sunday. "
            "The three governments said reconstruction should start without delay.")
    assert found(text, dictionary) == {(actor, "reconstruction", "support") for actor in ("Egypt", "Qatar", "Turkey")}


def test_asking_others_to_throw_out_a_text_rejects_it(dictionary):
    text = ("The Security Council voted on the US resolution backing Trump's peace plan. "
            "Hamas urged council members to throw out the draft.")
    assert ("Hamas", "peace_plan", "oppose") in found(text, dictionary)
    assert ("Hamas", "peace_plan", "support") not in found(text, dictionary)


@pytest.mark.parametrize("text,expected", [
    ("Smotrich said that ending the war now would be a mistake.", {("Israel", "ceasefire", "oppose")}),
    ("Smotrich said the release of prisoners would be a reward for terror.", {("Israel", "hostage_prisoner_exchange", "oppose")}),
    ('Ben-Gvir said: "The aid now entering Gaza is an absolute disgrace."', {("Israel", "humanitarian_aid", "oppose")}),
    ("Smotrich said that ending the war would weaken Israel.", {("Israel", "ceasefire", "oppose")}),
])
def test_what_is_called_a_mistake_is_rejected(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_a_gerund_subject_keeps_its_object(dictionary):
    # the parser reads "the aid" as a second subject of "advance"
    assert found('"Stopping the aid will quickly bring us victory," Smotrich said.', dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}


def test_a_numbered_communique_speaks_for_the_meeting_s_participants(dictionary):
    text = ("Arab ministers meet in Cairo\n\n"
            "A meeting was held in Cairo on Saturday with the participation of Jordan, the UAE and Egypt. "
            "The parties participating in the meeting agreed on the following:\n"
            "1- Welcoming the agreement to cease fire in Gaza.\n"
            "2- Calling for the entry of humanitarian aid into the Strip without restrictions, and for the "
            "international community to support the relief work of the United Nations agencies on the ground, "
            "whose role no other body can fill, including in the north of the Strip and in Rafah.\n")
    assert found(text, dictionary) == {(actor, issue, "support") for actor in ("Jordan", "UAE", "Egypt")
                                       for issue in ("ceasefire", "humanitarian_aid")}


def test_the_countries_taking_part_are_the_ones_named_before(dictionary):
    text = ("Egypt, Qatar and Turkey met in Istanbul on Monday. "
            "The countries attending the meeting called for the reconstruction of Gaza.")
    assert found(text, dictionary) == {(actor, "reconstruction", "support") for actor in ("Egypt", "Qatar", "Turkey")}


def test_a_quotation_mark_glued_to_the_word_before_still_opens_a_quotation(dictionary):
    text = "Egypt and Jordan demanded\u201can immediate halt to the fighting\u201d in Gaza."
    assert found(text, dictionary) == {("Egypt", "ceasefire", "support"), ("Jordan", "ceasefire", "support")}


def test_a_closing_attribution_ends_with_its_line(dictionary):
    # the quotation's line ends without one; the next line's speaker did not say it
    text = 'Talks in Doha\n\n"We will never accept a ceasefire on these terms."\nQatar said on Monday that talks would go on.\n'
    assert found(text, dictionary) == set()


def test_these_elements_are_the_issues_the_sentence_before_lists(dictionary):
    text = ("The foreign ministers of Egypt, Jordan and Qatar backed the plan in a joint statement. "
            "The plan covers aid deliveries to Gaza and the reconstruction of the Strip. "
            "These elements are vital for the region, the statement added.")
    stances = found(text, dictionary)
    assert {(actor, issue, "support") for actor in ("Egypt", "Jordan", "Qatar")
            for issue in ("humanitarian_aid", "reconstruction")} <= stances
    # after a sentence that names one issue, "these steps" is no list of issues
    assert found("Egypt welcomed the ceasefire. These steps are vital, the statement added.", dictionary) == {
        ("Egypt", "ceasefire", "support")}


@pytest.mark.parametrize("text,expected", [
    ("Israel has called on Hamas to give up its weapons. The group turned down those demands on Sunday.",
     {("Israel", "disarmament", "support"), ("Hamas", "disarmament", "oppose")}),
    ("Egypt urged Israel to allow more aid into Gaza. Israel rejected the request.",
     {("Egypt", "humanitarian_aid", "support"), ("Israel", "humanitarian_aid", "oppose")}),
    ("The new draft asks the movement to hand over its rifles. Hamas rejected it outright.",
     {("Hamas", "disarmament", "oppose")}),
])
def test_a_demand_rejected_in_the_next_sentence_is_the_one_it_names(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text,expected", [
    # the nearer name in the same sentence is what "it" stands for
    ("Turkey called for more aid to Gaza. Hamas rejects the plan, while the Palestinian Authority welcomed it.",
     {("Turkey", "humanitarian_aid", "support"), ("Hamas", "peace_plan", "oppose")}),
    # "them" is most often people, not what was asked
    ("Israel demanded the release of the hostages. Egypt said it would accept them in Cairo.",
     {("Israel", "hostage_prisoner_exchange", "support")}),
    # "it" as the subject of a clause is no object of "accepted"
    ("Mediators proposed a two-month truce. Israel accepted it would need more time.", set()),
    # an offer is a package described earlier; the sentence before names only part of it
    ("Hamas also said it backs a committee of technocrats. Netanyahu rejected the offer.",
     {("Hamas", "governance", "support")}),
])
def test_what_a_rejection_refers_back_to_is_read_with_care(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text,expected", [
    ("Israeli officials say the only way to end the war in Gaza is through disarming Hamas.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    ("The only path to a lasting truce is the return of every hostage, Washington said.",
     {("US", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("US", "hostage_prisoner_exchange", "support")}),
])
def test_what_the_only_way_to_an_issue_is_comes_first(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hamas said any foreign force's role must be limited to monitoring the truce.",
     {("Hamas", "ceasefire", "support"), ("Hamas", "stabilization_force", "conditional", "ceasefire")}),
    ("The mission of the stabilization force should be confined to monitoring the ceasefire, Hamas said.",
     {("Hamas", "ceasefire", "support"), ("Hamas", "stabilization_force", "conditional", "ceasefire")}),
])
def test_a_force_whose_role_is_limited_is_accepted_on_that_limit(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_capitalised_foreign_ministers_are_the_ones_named_before(dictionary):
    text = ("The Foreign Ministers of Egypt, Jordan and Qatar today welcomed the steps taken by Hamas. "
            "The Foreign Ministers also welcomed Hamas's readiness to hand over the administration of Gaza "
            "to a committee of technocrats.")
    assert {(actor, "governance", "support") for actor in ("Egypt", "Jordan", "Qatar")} <= found(text, dictionary)


@pytest.mark.parametrize("text,expected", [
    ("The UAE has said it will not pay for rebuilding while Hamas remains in charge of Gaza.",
     {("UAE", "reconstruction", "conditional", "governance")}),
    ("Hamas said it would not give up its weapons while the occupation continues.",
     {("Hamas", "disarmament", "conditional", "withdrawal")}),
    ("Hamas said it would keep its weapons as long as the occupation continues.",
     {("Hamas", "disarmament", "conditional", "withdrawal")}),
])
def test_a_refusal_while_something_goes_on_waits_for_its_end(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_while_between_two_sides_sets_no_condition(dictionary):
    # a "while" clause on a predicate no one negates says what goes on meanwhile, not what must end first
    stances = found("The UAE will fund rebuilding while Hamas remains in power.", dictionary)
    assert ("UAE", "reconstruction", "support") in stances
    assert not any(len(t) == 4 for t in stances)


def test_a_perfect_with_a_phrase_before_its_participle_is_still_the_verb(dictionary):
    # the tagger reads "have" as a base form, and the parser hangs "called" on "time"
    text = "Arab nations, including Saudi Arabia, Qatar and Egypt, have for the first time jointly called for Hamas to disarm."
    assert found(text, dictionary) >= {(actor, "disarmament", "support") for actor in ("SaudiArabia", "Qatar", "Egypt")}


@pytest.mark.parametrize("text,expected", [
    ("Hamas called for a comprehensive agreement that ends the ongoing Israeli aggression on the Gaza Strip.",
     {("Hamas", "ceasefire", "support")}),
    ("Abbas called for ending the genocide in Gaza.", {("PalestinianAuthority", "ceasefire", "support")}),
    ("Netanyahu said the war in Gaza would only end if all hostages were released.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")}),
    ("Egypt urged Israel to allow the entry of humanitarian and relief aid.", {("Egypt", "humanitarian_aid", "support")}),
    ("Netanyahu said Israel plans on taking control of all of Gaza.", {("Israel", "withdrawal", "oppose")}),
])
def test_more_names_of_the_issues(dictionary, text, expected):
    assert expected <= found(text, dictionary)


def test_a_second_verb_shares_the_first_one_s_must(dictionary):
    text = "Danon said Hamas must be disarmed and all hostages freed before any peace agreement can take hold."
    stances = found(text, dictionary)
    assert ("Israel", "peace_plan", "conditional", "hostage_prisoner_exchange") in stances
    assert not any(s[:3] == ("Israel", "hostage_prisoner_exchange", "conditional") for s in stances)


def test_financial_aid_to_a_government_is_no_humanitarian_aid(dictionary):
    assert found("Saudi Arabia has conditioned the resumption of financial aid on reforms.", dictionary) == set()
    assert ("SaudiArabia", "humanitarian_aid", "support") in found(
        "Saudi Arabia called for more humanitarian aid to Gaza.", dictionary)


def test_a_force_accepted_under_an_authority_is_accepted_on_its_mandate(dictionary):
    assert found("Jordan said it was open to the deployment of foreign troops in Gaza under a Security Council "
                 "resolution.", dictionary) == {("Jordan", "stabilization_force", "conditional", "peace_plan")}
    assert found("The EU backs a stabilization mission under the aegis of the United Nations.", dictionary) == {
        ("EU", "stabilization_force", "conditional", "peace_plan")}
    # "with" a mandate that names who gives it, the same
    assert found("Indonesia said it was ready to send troops to the stabilization force with a UN Security "
                 "Council mandate.", dictionary) == {("Indonesia", "stabilization_force", "conditional", "peace_plan")}
    # "with a broad mandate" only describes the force
    assert ("US", "stabilization_force", "support") in found(
        "The US draft would authorize a stabilization force in Gaza with a broad mandate.", dictionary)
    # "under" a resolution that only says where a rule is written sets no condition
    assert found("Israel rejected any governing role for the Palestinian Authority under the resolution.",
                 dictionary) == {("Israel", "governance", "oppose")}


def test_a_participle_with_its_own_stance_word_is_not_governed_by_the_verb_above(dictionary):
    text = ("King Abdullah II says Jordan will train Palestinian police but will not join armed missions in Gaza, "
            "rejecting Trump's peace plan as peace-enforcing.")
    assert ("Jordan", "peace_plan", "support") not in found(text, dictionary)
    assert ("Jordan", "peace_plan", "oppose") in found(text, dictionary)


def test_mediators_a_message_goes_through_are_no_backers(dictionary):
    text = ("Israel told Hamas via Egyptian and Qatari mediators that it would keep to the ceasefire provided the "
            "group frees three more hostages.")
    assert not {s[0] for s in found(text, dictionary)} & {"Egypt", "Qatar"}


def test_a_demand_coordinated_with_another_predicate_is_the_speakers(dictionary):
    text = '"Hamas will no longer rule Gaza, and must hand over its weapons to the security forces," Abbas wrote.'
    assert ("Hamas", "disarmament", "oppose") not in found(text, dictionary)


def test_reluctance_to_do_something_rejects_it(dictionary):
    assert found("Israel has expressed reluctance to see Turkish troops in the stabilization force.", dictionary) == {
        ("Israel", "stabilization_force", "oppose")}


def test_a_sentence_opening_frame_is_no_ones_stance(dictionary):
    # the parse makes "Amid" a noun subject; the frame's reluctance is still not Pakistan's
    text = ("Amid reports that the stabilization force for Gaza is slow to take shape because governments are wary of "
            "committing soldiers, Pakistan said on Friday it was ready to send personnel.")
    assert found(text, dictionary) == {("Pakistan", "stabilization_force", "support")}


def test_a_stance_of_people_no_actor_stands_for_is_not_passed_up(dictionary):
    text = ("Netanyahu has ruled out any role for the Palestinian Authority in governing Gaza, although Palestinian "
            "factions have agreed to an independent technocratic committee.")
    assert ("PalestinianAuthority", "governance", "support") not in found(text, dictionary)


def test_who_warns_of_harm_to_an_issue_wants_it(dictionary):
    assert found("U.S. representatives warned that delaying approval could jeopardize the fragile ceasefire.",
                 dictionary) == {("US", "ceasefire", "support")}
    assert found("Egypt said Hamas's refusal would jeopardize the ceasefire.", dictionary) == {
        ("Egypt", "ceasefire", "support")}


def test_what_a_thing_is_named_as_working_against_the_namer_wants(dictionary):
    assert found("Hamas called the decision a coup against the ceasefire.", dictionary) == {("Hamas", "ceasefire", "support")}
    assert found("Hamas denounced the move as an attack on the ceasefire.", dictionary) == {("Hamas", "ceasefire", "support")}
    assert found("Hamas denounced the proposal as a trap.", dictionary) == set()
    assert found("Hamas rejected the US plan as biased.", dictionary) == {("Hamas", "peace_plan", "oppose")}


def test_an_agreement_not_reached_is_no_refusal(dictionary):
    assert found("The talks ended and no agreement was reached on the ceasefire, Qatar said.", dictionary) == set()


def test_both_actors_coordinated_before_a_holder_noun_hold_the_stance(dictionary):
    assert found("Egyptian and Qatari mediators pressed Hamas to accept the disarmament plan.", dictionary) == {
        ("Egypt", "disarmament", "support"), ("Qatar", "disarmament", "support")}


def test_a_possessive_in_what_someone_is_urged_to_do_is_the_one_urged(dictionary):
    text = "UN Secretary-General Antonio Guterres urged the Israeli government to cease its suspension of aid to Gaza."
    assert ("Israel", "humanitarian_aid", "oppose") in found(text, dictionary)
    assert ("UN", "humanitarian_aid", "oppose") not in found(text, dictionary)
    assert found("The Secretary-General urged all parties to avert a resumption of hostilities in Gaza.", dictionary) == {
        ("UN", "ceasefire", "support")}


def test_who_charges_a_breach_of_a_deal_wants_the_deal(dictionary):
    cases = {
        "Hamas accused Israel of violating the truce.": {("Hamas", "ceasefire", "support")},
        "Erdogan criticized Israel for violating the truce.": {("Turkey", "ceasefire", "support")},
        "The Qatari foreign ministry said it violated the ceasefire and international law.": {("Qatar", "ceasefire", "support")},
        "Egypt and Qatar decried the move as violating the ceasefire agreement.": {
            ("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")},
        "Egypt affirms that these measures constitute a flagrant violation of the ceasefire agreement.": {
            ("Egypt", "ceasefire", "support")},
        "Washington warned that an attack on civilians would be a grave violation of the truce.": {("US", "ceasefire", "support")},
        "Israel violated the ceasefire on Tuesday.": set(),
    }
    for text, expected in cases.items():
        assert found(text, dictionary) == expected, text


def test_an_actor_that_undoes_a_deal_rejects_it(dictionary):
    cases = {
        "The truce was broken by Israel on Tuesday, when its jets struck the south of the Strip.": {
            ("Israel", "ceasefire", "oppose")},
        "Israel is trying to destroy the truce deal, a spokesman for the movement said.": {
            ("Israel", "ceasefire", "oppose")},
        "Israel resumed its air campaign on Wednesday, cutting short the truce that began in January.": {
            ("Israel", "ceasefire", "oppose")},
        # an undoing denied with a modal is an intent: the deal is kept
        "Israel will not break the ceasefire, the prime minister said.": {("Israel", "ceasefire", "support")},
    }
    for text, expected in cases.items():
        assert found(text, dictionary) == expected, text
    # a charge of undoing is the charger's; undoing what is no deal rejects no deal
    assert found("Hamas accused Israel of breaking the ceasefire.", dictionary) == {("Hamas", "ceasefire", "support")}
    assert ("Israel", "disarmament", "oppose") not in found(
        "The army pressed on with its campaign to destroy the military capabilities of Hamas, Netanyahu said.", dictionary)
    # the turn is the rule cue_polarity's: without it the undoing reads as doing
    assert found("The truce was broken by Israel on Tuesday.", dictionary, load_rule_book().without(["cue_polarity"])) == {
        ("Israel", "ceasefire", "support")}


def test_pulling_out_of_talks_is_not_a_troop_withdrawal(dictionary):
    assert found("Israel pulled out of the talks in Doha on Thursday.", dictionary) == set()
    assert found("Israel withdrew from the negotiations in Doha.", dictionary) == set()
    assert found("Israel will withdraw from Gaza.", dictionary) == {("Israel", "withdrawal", "support")}


def test_the_withdrawal_of_another_party_is_not_the_issue(dictionary):
    assert ("Israel", "withdrawal", "support") not in found(
        "The plan calls for the withdrawal of Hamas fighters from Gaza, Israel said.", dictionary)
    # people who stay in Gaza name no army staying, as a condition either
    assert found("Israel said it would not free the prisoners until the hostages who remain in Gaza come home.",
                 dictionary) == {("Israel", "hostage_prisoner_exchange", "conditional", "hostage_prisoner_exchange")}
    assert ("Israel", "withdrawal", "support") not in found(
        "Netanyahu said the truce will hold only until the captives remaining in the Strip are freed.", dictionary)
    # ... nor do the people a crossing lets out, however the parse hangs them
    assert found("Egypt said the crossing will let patients leave Gaza.", dictionary) == {
        ("Egypt", "humanitarian_aid", "support")}
    assert ("EU", "withdrawal", "support") not in found(
        "The EU said the reopening will allow hundreds of patients to leave Gaza.", dictionary)
    assert ("EU", "withdrawal", "support") not in found(
        "The EU said the reopening will allow a number of sick children to leave Gaza for treatment.", dictionary)
    assert found("Hamas demanded a full Israeli withdrawal.", dictionary) == {("Hamas", "withdrawal", "support")}


def test_rejecting_one_channel_of_aid_is_not_rejecting_aid(dictionary):
    assert found("The UN rejected the GHF aid mechanism.", dictionary) == set()
    assert found("Israel backs the Gaza Humanitarian Foundation.", dictionary) == {("Israel", "humanitarian_aid", "support")}


def test_rejecting_maps_of_an_issue_is_no_stance_on_it(dictionary):
    text = ("A Palestinian source said that Hamas has rejected Israeli withdrawal maps that would leave large parts of "
            "Gaza under Israeli military presence.")
    assert ("Hamas", "withdrawal", "oppose") not in found(text, dictionary)


def test_anonymous_sources_after_according_to_hold_nothing(dictionary):
    text = ("Negotiations on a ceasefire in Gaza have stalled over how far the troops would pull back, according to "
            "Israeli and Palestinian officials briefed on the negotiations.")
    assert not {s for s in found(text, dictionary) if s[0] in ("Israel", "PalestinianAuthority")}
    assert found("Talks aimed at securing a ceasefire resumed, according to Egypt's foreign ministry.", dictionary) == {
        ("Egypt", "ceasefire", "support")}


@pytest.mark.parametrize("text,holder", [
    ("Russia's UN mission said its proposal would strengthen the ceasefire.", "Russia"),
    ("Egypt's U.N. envoy said the ceasefire must hold.", "Egypt"),
    ("The UN envoy said the ceasefire must hold.", "UN"),
])
def test_a_states_un_mission_speaks_for_the_state(text, holder, dictionary):
    assert found(text, dictionary) == {(holder, "ceasefire", "support")}


def test_once_the_issue_itself_is_judged_the_verbs_above_do_not_turn_it(dictionary):
    assert found("Despite international support, Hamas has rejected the initiative, saying the plan does not meet "
                 "Palestinian rights and demands.", dictionary) == {("Hamas", "peace_plan", "oppose")}


def test_a_show_of_force_and_a_relief_agency_are_not_what_they_seem(dictionary):
    assert found("Israeli tanks pushed into the neighborhood in a show of force.", dictionary) == set()
    assert found("The Egyptian Red Crescent said some 250 aid trucks were on their way to Gaza.", dictionary) == set()


def test_a_that_clause_hung_on_the_object_of_a_reporting_verb_is_still_reported(dictionary):
    assert found("Hamas has informed Egyptian and Qatari mediators that it has accepted a new ceasefire plan for Gaza.",
                 dictionary) == {("Hamas", "peace_plan", "support")}


def test_as_soon_as_is_a_condition_and_reducing_aid_rejects_it(dictionary):
    assert found("The UN is ready to resume large-scale humanitarian aid operations as soon as Israel allows the "
                 "passage of trucks.", dictionary) == {("UN", "humanitarian_aid", "support")}
    assert found("Israel said it would reduce by half the number of aid trucks it lets into Gaza.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}


def test_what_an_act_is_done_in_an_effort_to_achieve_its_doer_wants(dictionary):
    text = ("Tensions escalated when Israel cut off all aid, food, and medical supplies in an effort to pressure Hamas "
            "into accepting a new ceasefire deal.")
    assert found(text, dictionary) == {("Israel", "humanitarian_aid", "oppose"), ("Israel", "ceasefire", "support")}


def test_a_claim_about_what_an_actors_strikes_did_is_no_wish(dictionary):
    text = ('In a statement, Hamas warned that the Israeli strikes "exposed the remaining hostages to an unknown fate" '
            'and called on mediators to intervene.')
    assert found(text, dictionary) == set()
    assert found("The US has signalled that it is open to hearing an Arab reconstruction plan.", dictionary) == set()


def test_issue_agents_in_the_lemma_file_must_be_lists_of_actor_ids(ontology_copy):
    path = ontology_copy / "rules" / "lemmas.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  withdrawal: [Israel]", "  withdrawal: Israel"),
                    encoding="utf-8")
    with pytest.raises(DictionaryError, match="'issue_agents' must map an issue id to a list of actor ids"):
        load_rule_book(ontology_copy)


def test_unnamed_groups_in_the_lemma_file_must_map_an_actor_to_words(ontology_copy):
    path = ontology_copy / "rules" / "lemmas.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  ISFPartners: [troop," in text
    path.write_text(text.replace("  ISFPartners: [troop,", "  ISFPartners: troop\n  Other: [troop,"), encoding="utf-8")
    with pytest.raises(DictionaryError, match="'unnamed_groups' must map an actor id to a list of words"):
        load_rule_book(ontology_copy)


def test_number_words_in_the_lemma_file_must_be_whole_numbers(ontology_copy):
    path = ontology_copy / "rules" / "lemmas.yaml"
    text = path.read_text(encoding="utf-8")
    assert "eight: 8," in text
    path.write_text(text.replace("eight: 8,", "eight: many,"), encoding="utf-8")
    with pytest.raises(DictionaryError, match="'number_words' must map words to whole numbers"):
        load_rule_book(ontology_copy)


def test_purpose_clause_that_undoes_the_issue_outweighs_the_means(dictionary, rules):
    # written here: a truce asked for in order to fight again is no support for a truce
    text = "The Israeli cabinet wants only a temporary truce to resume military operations afterwards."
    assert found(text, dictionary, rules) == {("Israel", "ceasefire", "oppose")}
    assert ("Israel", "ceasefire", "support") in found(text, dictionary, rules.without(["purpose_over_means"]))
    # a purpose on another issue leaves the support alone
    assert ("Israel", "ceasefire", "support") in found(
        "Israel wants a ceasefire to resume hostage talks.", dictionary, rules)


# --- acts listed, caused, disputed; speakers and subjects the parse hides (texts written here) ---------


def test_listed_acts_after_a_ceasing_verb_keep_their_own_polarity(dictionary):
    # the parser hangs the second verb as an adverbial clause of "stop", or as a compound of its object
    text = ("Blinken spoke on Monday. He said that the agreement would stop the fighting, provide vital "
            "humanitarian aid to Gazans, and reunite hostages with their families.")
    assert {("US", "ceasefire", "support"), ("US", "humanitarian_aid", "support"),
            ("US", "hostage_prisoner_exchange", "support")} <= found(text, dictionary)
    assert ("Qatar", "humanitarian_aid", "support") in found(
        "Qatar said the truce would halt the fighting, deliver aid to Gaza and free the hostages.", dictionary)


def test_residents_leaving_gaza_is_no_withdrawal(dictionary):
    assert found("Hamas said residents will not be forced to leave Gaza.", dictionary) == set()
    assert found("Egypt urged Israel to leave Gaza.", dictionary) == {("Egypt", "withdrawal", "support")}


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: who leaves is the subject of the verb "to leave" completes, or those its
    # participle describes; no one, or anyone, is no army
    ("Israel drew up a plan for Gazans wishing to leave the Strip.", set()),
    ("Trump said that nobody will be forced to leave Gaza under the plan.", set()),
    # guard: the state that wants to leave is the army leaving
    ("Israel wants to withdraw from the corridor.", {("Israel", "withdrawal", "support")}),
])
def test_people_wishing_or_forced_to_leave_are_no_army(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_what_is_done_instead_is_outside_the_negation(dictionary):
    text = ("Netanyahu said Israel did not want Gazans to leave the Strip, offering instead to let aid in "
            "through new crossings.")
    assert found(text, dictionary) == {("Israel", "humanitarian_aid", "support")}


def test_an_act_one_move_prompts_is_the_other_actors(dictionary, rules):
    text = "Hamas rejected the plan, prompting Israel to seal the crossings."
    assert found(text, dictionary, rules) == {("Hamas", "peace_plan", "oppose")}
    assert ("Hamas", "humanitarian_aid", "oppose") in found(text, dictionary, rules.without(["caused_act"]))


def test_what_tensions_are_over_is_a_topic(dictionary, rules):
    text = "Israel halted aid into Gaza, escalating tensions over the truce."
    assert found(text, dictionary, rules) == {("Israel", "humanitarian_aid", "oppose")}
    assert ("Israel", "ceasefire", "oppose") in found(text, dictionary, rules.without(["topic_of_dispute"]))


def test_effect_participle_is_the_writers_account(dictionary, rules):
    text = "Hamas repeated that it will not disarm, potentially pitting the group against the stabilization force."
    assert found(text, dictionary, rules) == {("Hamas", "disarmament", "oppose")}
    assert ("Hamas", "stabilization_force", "support") in found(text, dictionary, rules.without(["effect_participle"]))


def test_condemning_aid_used_as_a_weapon_backs_aid(dictionary):
    assert found("Turkey denounced the use of aid as a bargaining chip.", dictionary) == {
        ("Turkey", "humanitarian_aid", "support")}


def test_a_quotation_a_named_outsider_speaks_is_not_the_last_speakers(dictionary):
    text = ('"We back the plan fully," Netanyahu said. "Reconstruction must start at once, and the crossings '
            'must open," Norway\'s foreign minister, Jonas Lie, told reporters.')
    assert found(text, dictionary) == {("Israel", "peace_plan", "support"), ("Norway", "reconstruction", "support"),
                                       ("Norway", "humanitarian_aid", "support")}


def test_who_was_told_is_no_speaker(dictionary):
    assert found("Israel cut aid. US and Egyptian officials were informed of the aid cuts on Sunday.", dictionary) == set()


def test_in_light_of_a_refusal_is_the_refusal(dictionary):
    text = ('"In light of Hamas\'s refusal to accept the Witkoff outline for continuing talks, all aid will stop," '
            'the office said.')
    assert ("Hamas", "ceasefire", "oppose") in found(text, dictionary)
    assert ("Hamas", "ceasefire", "support") not in found(text, dictionary)


def test_it_after_a_sentence_about_a_plan_is_the_plan(dictionary):
    text = ("The plan, which was drafted in Washington, calls for a truce once both sides agree, along with the "
            "release of hostages held by Hamas. It also outlines the creation of a transitional authority.")
    assert not {s for s in found(text, dictionary) if s[0] == "Hamas" and s[1] == "governance"}


def test_a_perfects_participle_is_the_verb_whatever_the_parse_made_of_have():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from kg.extract.repairs import rehang_perfect_auxiliaries

    words = ["While", "Hamas", "has", "often", "broken", "the", "deal", ",", "Israel", "kept", "it", "."]
    heads = [2, 2, 9, 4, 2, 6, 4, 2, 9, 9, 9, 9]  # "has" taken for the verb, "broken" its xcomp
    deps = ["mark", "nsubj", "advcl", "advmod", "xcomp", "det", "obj", "punct", "nsubj", "ROOT", "obj", "punct"]
    tags = ["IN", "NNP", "VBZ", "RB", "VBN", "DT", "NN", ",", "NNP", "VBD", "PRP", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, lemmas=[w.lower() if w != "has" else "have" for w in words])
    rehang_perfect_auxiliaries(doc)
    broken = doc[4]
    assert (broken.dep_, broken.head.i) == ("advcl", 9)
    assert {(c.text, c.dep_) for c in broken.children} >= {("While", "mark"), ("Hamas", "nsubj"), ("has", "aux"), ("deal", "obj")}


def test_a_verb_inside_the_issues_own_name_does_not_turn_it(dictionary):
    text = "The United States is preparing to submit a new truce proposal to both sides aimed at halting hostilities in Gaza."
    assert found(text, dictionary) == {("US", "ceasefire", "support")}


def test_a_particle_the_parser_hung_elsewhere_still_makes_rule_out(dictionary):
    assert found("Israel has already ruled out Turkey joining the force.", dictionary) == {
        ("Israel", "stabilization_force", "oppose")}


def test_what_an_actor_does_not_see_it_does_not_back(dictionary, rules):
    text = "The UAE does not see a clear framework for the force and under such conditions will not take part."
    assert found(text, dictionary, rules) == set()
    assert ("UAE", "stabilization_force", "support") in found(text, dictionary, rules.without(["unseen_thing"]))


def test_only_allowing_a_number_is_a_cap(dictionary):
    assert found("Israel will only allow 300 aid trucks a day into Gaza.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}
    assert found("Israel will allow 600 aid trucks a day into Gaza.", dictionary) == {
        ("Israel", "humanitarian_aid", "support")}


def test_an_issue_in_the_description_of_a_speaker_is_not_what_is_said(dictionary):
    text = "COGAT, the Israeli military body that oversees aid flows into Gaza, said the limits would stay."
    assert found(text, dictionary) == set()


def test_who_makes_a_rejected_demand_wants_what_it_asks(dictionary):
    assert found("Hamas rejects demands from the US and Israel to give up its arms.", dictionary) == {
        ("Hamas", "disarmament", "oppose"), ("US", "disarmament", "support"), ("Israel", "disarmament", "support")}
    # the parser makes "rejected" an adjective of "calls": it still answers the call
    assert found("Hamas rejected calls from Egypt and Qatar to lay down its weapons.", dictionary) == {
        ("Hamas", "disarmament", "oppose"), ("Egypt", "disarmament", "support"), ("Qatar", "disarmament", "support")}


def test_a_consequence_promised_for_a_refusal_is_a_threat(dictionary):
    text = "Israel said it would resume the war if Hamas did not free the hostages."
    assert ("Israel", "hostage_prisoner_exchange", "support") in found(text, dictionary)
    assert ("Israel", "disarmament", "support") in found(
        "Katz said the army would stay in Gaza if Hamas does not disarm.", dictionary)
    assert found("Egypt said the talks would resume if Israel agrees to the plan.", dictionary) == set()


def test_force_threatened_for_a_refusal_is_the_threatener_s_truce_on_condition(dictionary, rules):
    # texts written for this test: a threat of force names no issue; what it demands is the truce's condition
    text = "Trump warned that Hamas would face obliteration if it fails to release the hostages."
    assert found(text, dictionary) == {("US", "ceasefire", "conditional", "hostage_prisoner_exchange"),
                                       ("US", "hostage_prisoner_exchange", "support")}
    assert found(text, dictionary, rules.without(["force_by_threat"])) == {("US", "hostage_prisoner_exchange", "support")}
    assert found("Netanyahu threatened that Israel would finish the job if Hamas rejects the plan.", dictionary) == {
        ("Israel", "ceasefire", "conditional", "peace_plan"), ("Israel", "peace_plan", "support")}
    # a threat that names its issue is read at that issue; one of quitting a government is no state's
    assert found("Israel will resume the war if Hamas does not free the hostages.", dictionary) == {
        ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")}
    assert found("Ben-Gvir threatened to quit the government if Hamas refuses to disarm.", dictionary) == set()


def test_an_end_to_the_aggression_is_a_ceasefire(dictionary):
    assert found("Riyadh urged an end to the Israeli aggression on Gaza.", dictionary) == {
        ("SaudiArabia", "ceasefire", "support")}
    # ... and so is an end to a party's campaign or offensive
    assert found("Egypt called for an immediate end to Israel's military campaign in Gaza.", dictionary) == {
        ("Egypt", "ceasefire", "support")}
    assert found("Qatar demanded a halt to the Israeli military offensive.", dictionary) == {("Qatar", "ceasefire", "support")}


def test_backing_a_plan_has_belongs_to_who_gives_it(dictionary):
    # texts written for this test
    assert found("The plan has the support of Jordan and Qatar.", dictionary) == {
        ("Jordan", "peace_plan", "support"), ("Qatar", "peace_plan", "support")}
    assert found("The plan enjoys broad support from Egypt and Qatar.", dictionary) == {
        ("Egypt", "peace_plan", "support"), ("Qatar", "peace_plan", "support")}
    # backing not won, or none had, is none
    assert ("Egypt", "peace_plan", "support") not in found("The plan did not win the backing of Egypt.", dictionary)
    assert ("Egypt", "peace_plan", "support") not in found("The plan has no support from Egypt.", dictionary)


def test_what_an_act_is_done_ahead_of_dates_it(dictionary, rules):
    text = "In anticipation of the approval of the peace plan, Israel has begun groundwork to host foreign soldiers."
    assert ("Israel", "peace_plan", "support") not in found(text, dictionary, rules)
    assert ("Israel", "peace_plan", "support") in found(text, dictionary, rules.without(["time_frame"]))
    assert found("The army began operations ahead of a major new offensive.", dictionary, rules) == set()


def test_a_threat_to_quit_the_government_is_no_states_demand(dictionary):
    assert found("Smotrich says he will leave the coalition if Israel does not resume fighting once "
                 "the first phase ends.", dictionary) == set()
    assert found("Katz threatened to expand the operation if Hamas did not free the hostages.", dictionary) == {
        ("Israel", "hostage_prisoner_exchange", "support")}


@pytest.mark.parametrize("text,expected", [
    ("Ben-Gvir threatened to resign from the cabinet if the ceasefire deal is approved.",
     {("Israel", "ceasefire", "oppose")}),
    ("Ben-Gvir said he would quit the coalition if Israel agreed to end the war.",
     {("Israel", "ceasefire", "oppose")}),
])
def test_a_threat_to_quit_over_a_step_opposes_it(dictionary, rules, text, expected):
    assert found(text, dictionary) == expected
    assert rules_of(text, dictionary)[expected.pop()] >= {"oppose_by_threat"}
    assert found(text, dictionary, rules.without(["oppose_by_threat"])) == set()


@pytest.mark.parametrize("text", [
    "US Senator Lindsey Graham said Hamas must disarm.",
    '"Hamas must disarm," US Senator Lindsey Graham said.',
    "Five U.S. senators urged more aid to Gaza.",
    "A Republican congressman called for aid to Gaza.",
])
def test_members_of_a_legislature_speak_for_no_state(dictionary, text):
    assert found(text, dictionary) == set()


@pytest.mark.parametrize("text,expected", [
    ("Palestinian factions met in Cairo with mediators from Egypt and Qatar. They agreed to hand the "
     "administration of Gaza to a committee of technocrats.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    ("Five U.S. senators wrote to Rubio on Monday. They demanded the reopening of all crossings for aid.", set()),
    # a group of an actor's own people still points back to the actor
    ("Hamas militants met in Cairo on Friday. They agreed to hand the administration of Gaza to a committee "
     "of technocrats.", {("Hamas", "governance", "support")}),
])
def test_they_after_people_no_actor_stands_for_are_those_people(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_a_states_envoy_speaks_for_it_where_a_senator_does_not(dictionary):
    assert found("US envoy Steve Witkoff said Hamas must disarm.", dictionary) == {("US", "disarmament", "support")}
    assert found("Five U.S. envoys urged more aid to Gaza.", dictionary) == {("US", "humanitarian_aid", "support")}


def test_an_apposition_parsed_as_a_conjunct_keeps_its_relative_clause(dictionary):
    text = "The draft includes the peace framework, a plan that Netanyahu publicly endorsed in September."
    assert found(text, dictionary) == {("Israel", "peace_plan", "support")}


def test_the_plan_refers_back_to_the_plan_the_text_gave_an_owner(dictionary, rules):
    text = ("Trump unveiled his 20-point plan on Monday. The plan calls for an immediate ceasefire and the "
            "release of all hostages.")
    terms = {("US", "ceasefire", "support"), ("US", "hostage_prisoner_exchange", "support")}
    assert rules.enabled("plan_reference")
    assert terms <= found(text, dictionary, rules)
    assert not terms & found(text, dictionary, rules.without(["plan_reference"]))
    # a plan of another name is another plan
    assert ("US", "ceasefire", "support") not in found(
        "Trump unveiled his 20-point plan on Monday. The proposal calls for an immediate ceasefire.", dictionary, rules)


def test_the_plan_as_an_opponent_describes_it_is_not_the_owners_stance(dictionary):
    text = ('The US unveiled its draft resolution on Monday. "The resolution imposes a foreign trusteeship on Gaza, '
            'which our people reject," Hamas said.')
    assert ("US", "governance", "support") not in found(text, dictionary)


def test_what_a_plan_lets_another_actor_do_is_no_stance_of_its_owner(dictionary):
    text = ("Witkoff presented his new proposal on Monday. The proposal sets a 60-day truce during which Israel "
            "may resume fighting if talks fail.")
    assert ("US", "ceasefire", "oppose") not in found(text, dictionary)


def test_a_statement_refers_back_to_its_issuers_past_a_sentence_about_a_thing(dictionary):
    text = ("The foreign ministers of Egypt and Jordan welcomed the plan on Monday. The plan also sets up a board. "
            "The joint statement stressed the need to secure the release of the hostages.")
    assert {("Egypt", "hostage_prisoner_exchange", "support"), ("Jordan", "hostage_prisoner_exchange", "support")} <= found(
        text, dictionary)


def test_a_second_verb_the_parser_made_an_adjective_keeps_its_own_object(dictionary):
    text = ("The foreign ministers of Egypt and Jordan met on Monday. The ministers reaffirmed their rejection of "
            "forced displacement and emphasized adherence to the peace plan, which calls for the crossing to stay open.")
    assert {("Egypt", "peace_plan", "support"), ("Jordan", "peace_plan", "support")} <= found(text, dictionary)
    assert not {s for s in found(text, dictionary) if s[2] == "oppose"}


def test_aid_to_a_state_is_not_aid_into_gaza(dictionary):
    assert found("Trump dropped an earlier threat to suspend US aid to Jordan and Egypt if they did not take in "
                 "Palestinians.", dictionary) == set()
    assert found("Israel blocked aid to Gaza.", dictionary) == {("Israel", "humanitarian_aid", "oppose")}


def test_a_rejecting_verb_the_tagger_made_a_noun_after_to(dictionary):
    assert found("Egypt condemned Israel's decision to block aid.", dictionary) == {("Egypt", "humanitarian_aid", "support")}


def test_an_infinitive_the_parser_made_a_modifier_of_its_object_acts_on_it(dictionary):
    # "to/case halt/compound aid/obl": the base-form verb is the infinitive, and it turns the stance
    assert found("Jordan condemned Israel's decision to halt aid.", dictionary) == {
        ("Jordan", "humanitarian_aid", "support"), ("Israel", "humanitarian_aid", "oppose")}


def test_a_participle_after_has_the_tagger_made_a_noun_is_the_verb(dictionary):
    # "has vetoed/NN several draft texts": the participle is the act, and a veto rejects what the texts call for
    assert found("The United States has vetoed several draft texts calling for a truce.", dictionary) == {
        ("US", "ceasefire", "oppose")}


@pytest.mark.parametrize("participle", ["ending", "breaking"])
def test_an_act_that_ends_a_truce_backs_no_truce(participle, dictionary):
    # the writer's account of what the strikes did to the truce: no stance on it, least of all support
    assert found(f"The Israeli army resumed raids overnight, {participle} the truce.", dictionary) == set()


def test_a_reported_offer_is_not_what_the_subject_rejects(dictionary):
    text = "Hamas has rejected an extension, stating it is ready to free all hostages in the second phase."
    assert ("Hamas", "hostage_prisoner_exchange", "support") in found(text, dictionary)
    # what is said of the thing rejected is still rejected
    assert found("Hamas rejected the resolution, saying it imposes a form of international guardianship on Gaza.",
                 dictionary) == {("Hamas", "governance", "oppose")}


def test_a_reason_given_is_not_what_the_act_opposes(dictionary):
    text = "Israel says it has blocked the entry of all aid into Gaza because the first phase of the truce has expired."
    assert found(text, dictionary) == {("Israel", "humanitarian_aid", "oppose")}


def test_a_participle_of_a_charge_is_the_writers(dictionary, rules):
    text = "Israel has decided against reopening the Rafah crossing, defying a key clause of the ceasefire agreement."
    assert ("Israel", "ceasefire", "oppose") not in found(text, dictionary, rules)
    assert ("Israel", "ceasefire", "oppose") in found(text, dictionary, rules.without(["charged_participle"]))


def test_an_aside_in_reported_speech_is_the_speakers(dictionary):
    text = ("Hamas spoke on Monday. The movement said the US proposal includes an international trusteeship over "
            "Gaza, an idea it rejects completely.")
    assert ("Hamas", "governance", "oppose") in found(text, dictionary)
    assert not {s for s in found(text, dictionary) if s[0] == "Hamas" and s[2] == "support"}


def test_after_an_event_that_ended_is_a_time_not_a_condition(dictionary):
    text = "Israel has blocked the entry of humanitarian aid into Gaza after the first phase of the ceasefire deal ended."
    assert found(text, dictionary) == {("Israel", "humanitarian_aid", "oppose")}
    assert found("Israel will allow the entry of aid after the release of the hostages.", dictionary) == {
        ("Israel", "humanitarian_aid", "conditional", "hostage_prisoner_exchange")}


def test_weeks_after_an_event_is_a_date(dictionary):
    text = "Washington was still writing the rules for an international stabilization force in Gaza two weeks after the ceasefire."
    assert found(text, dictionary) == {("US", "stabilization_force", "support")}


def test_a_main_clause_with_its_own_subject_is_not_the_first_subjects(dictionary):
    text = ("Israel and Hamas accepted the first phase of the plan in October, but the UN resolution is regarded as "
            "key to legitimizing a transitional governance body.")
    assert not {s for s in found(text, dictionary) if s[1] == "governance"}


def test_the_content_of_a_denied_claim_is_no_stance(dictionary, rules):
    text = "Egyptian sources denied Israeli media claims that Cairo proposed taking custody of Hamas's weapons."
    assert found(text, dictionary, rules) == set()
    assert ("Egypt", "disarmament", "support") in found(text, dictionary, rules.without(["claimed_content"]))


def test_it_after_a_fronted_clause_is_that_clauses_subject(dictionary):
    text = ("An official said that while Israel insisted that Hamas lay down its arms, it gave no promise to end the "
            "war or pull its troops out of Gaza.")
    assert not {s for s in found(text, dictionary) if s[0] == "Hamas"}


def test_a_later_stage_of_a_truce_is_the_plans_stage(dictionary, rules):
    text = "Trump is determined to move to the second phase of the truce."
    assert found(text, dictionary, rules) == {("US", "peace_plan", "support")}
    assert ("US", "ceasefire", "support") in found(text, dictionary, rules.without(["stage_of_deal"]))
    assert found("Israel wants to extend the first phase of the truce.", dictionary, rules) == {
        ("Israel", "ceasefire", "support")}


def test_a_proposal_to_do_something_else_is_not_the_peace_plan(dictionary):
    text = "Abdullah rejected Trump's proposal to move Palestinians out of Gaza and turn its coast into a resort."
    assert found(text, dictionary) == set()


def test_what_the_mediators_do_is_theirs_unless_a_mediator_says_it(dictionary):
    assert found("A Hamas official told reporters on Monday that the mediators were redoubling their work towards "
                 "a new truce.", dictionary) == set()
    assert ("Qatar", "peace_plan", "support") in found(
        "Qatar's foreign ministry says mediators are pushing to move to phase two of the deal.", dictionary)


def test_a_harm_charged_to_another_is_the_accusers_backing(dictionary):
    assert found("Hamas accused Israel of derailing the truce.", dictionary) == {("Hamas", "ceasefire", "support")}
    assert found("Hamas warned that the strikes would derail the truce.", dictionary) == {("Hamas", "ceasefire", "support")}
    assert found("Israel derailed the truce.", dictionary) == {("Israel", "ceasefire", "oppose")}


def test_the_subject_of_a_passive_small_clause_is_no_agent(dictionary):
    assert found("Israel has said it does not want Turkish troops deployed to Gaza.", dictionary) == {
        ("Israel", "stabilization_force", "oppose")}


def test_a_joint_statement_is_the_last_groups(dictionary):
    text = ("The foreign ministers of Egypt, Jordan and Qatar met in Cairo on Monday. Saudi Arabia's foreign "
            "ministry praised the talks. The joint communiqué stressed the need to secure the release of the hostages.")
    assert found(text, dictionary) == {("Egypt", "hostage_prisoner_exchange", "support"),
                                       ("Jordan", "hostage_prisoner_exchange", "support"),
                                       ("Qatar", "hostage_prisoner_exchange", "support")}


@pytest.mark.parametrize("members", [
    "Egypt, Kuwait, Qatar, Bahrain, Oman and Jordan",
    "Egypt, Kuwait, Bahrain and Oman, Qatar, the Sultanate of Brunei and Jordan",
])
def test_a_list_goes_on_past_states_no_actor_names(members, dictionary):
    # a text written for this test: states outside the scored list, and one no actor names (Brunei), sit
    # between the listed ones
    text = (f"The joint statement was issued by the foreign ministries of {members}. "
            "The countries demanded the immediate entry of humanitarian aid into Gaza.")
    assert {h for h, i, p, *_ in found(text, dictionary) if i == "humanitarian_aid" and p == "support"} == {
        "Egypt", "Qatar", "Jordan", "Kuwait", "Bahrain", "Oman"}


@pytest.mark.parametrize("members, listed", [
    ("Jordan, the United Arab Emirates (UAE), Indonesia and Egypt", {"Jordan", "UAE", "Indonesia", "Egypt"}),
    ("Egypt, Qatar, the Palestinian Authority (PA), Jordan and Türkiye", {"Egypt", "Qatar", "PalestinianAuthority",
                                                                         "Jordan", "Turkey"}),
])
def test_a_list_goes_on_past_an_abbreviation_in_brackets(members, listed, dictionary):
    # a text written for this test; the bracket used to end the list, leaving out the states before it
    text = f"The foreign ministers of {members} called for the reconstruction of Gaza."
    assert {h for h, i, p, *_ in found(text, dictionary) if i == "reconstruction" and p == "support"} == listed


@pytest.mark.parametrize("judgement", ["inadequate", "unworkable", "absurd", "lopsided", "premature"])
def test_a_plan_judged_wanting_is_opposed(judgement, dictionary):
    assert found(f"Israel said the reconstruction plan is {judgement}.", dictionary) == {
        ("Israel", "reconstruction", "oppose")}


def test_a_by_phrase_after_the_object_of_an_active_verb_names_the_objects_author(dictionary):
    # the parser makes "by Witkoff" the agent of "rejected"; the offers are his, the rejection is Hamas's
    got = found("Hamas rejected the offers by US envoy Witkoff to extend the ceasefire.", dictionary)
    assert ("US", "ceasefire", "oppose") not in got
    assert ("Hamas", "ceasefire", "oppose") in got


def test_the_agent_of_a_passive_verb_stays_its_agent(dictionary):
    from kg.extract.repairs import rehang_active_agents

    doc = load_pipeline()("The ceasefire was brokered by Egypt.")
    before = [(t.head.i, t.dep_) for t in doc]
    rehang_active_agents(doc)
    assert [(t.head.i, t.dep_) for t in doc] == before
    assert ("Egypt", "ceasefire", "support") in found("The ceasefire was brokered by Egypt.", dictionary)


def test_one_cited_as_saying_something_holds_what_is_said(dictionary):
    # text written for this test: the parser makes Hamas the object of "cited" and leaves "saying" without a
    # subject, so "ready to disarm" went up to the one who cites it
    got = found("Witkoff cited Hamas as saying it was ready to disarm.", dictionary)
    assert ("Hamas", "disarmament", "support") in got
    assert ("US", "disarmament", "support") not in got


def test_one_who_cites_a_source_on_a_topic_keeps_its_object(dictionary):
    from kg.extract.repairs import rehang_cited_speakers

    # text written for this test: no "as saying", nothing to rehang
    doc = load_pipeline()("Egypt cited the ceasefire as a reason for hope.")
    before = [(t.head.i, t.dep_) for t in doc]
    rehang_cited_speakers(doc, frozenset({"cite", "quote"}))
    assert [(t.head.i, t.dep_) for t in doc] == before


@pytest.mark.parametrize("text,accepting", [
    ("Israel has accepted a new U.S. proposal for a temporary ceasefire.", "Israel"),
    ("Hamas accepted an Egyptian proposal for a ceasefire.", "Hamas"),
])
def test_who_accepts_a_proposal_owned_by_another_backs_it_too(text, accepting, dictionary):
    # the parser hangs "for a ceasefire" on the verb; the proposal's owner and the one accepting it both back it
    got = found(text, dictionary)
    assert (accepting, "ceasefire", "support") in got
    assert {h for h, i, p, *_ in got if i == "ceasefire" and p == "support"} == {accepting, "US" if accepting == "Israel" else "Egypt"}


@pytest.mark.parametrize("text,expected", [
    ("Israel renewed attacks in Gaza on Tuesday.", {("Israel", "ceasefire", "oppose")}),
    ("Israel returned to combat in Gaza.", {("Israel", "ceasefire", "oppose")}),
    ("Egypt rejected Israel's plan to impose full military control over Gaza.",
     {("Egypt", "withdrawal", "support"), ("Israel", "withdrawal", "oppose")}),
    ("Israel will keep a permanent presence in some areas of Gaza until the hostages are released.",
     {("Israel", "withdrawal", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}),
])
def test_renewed_attacks_and_military_control_are_the_issues_turned_around(text, expected, dictionary):
    assert found(text, dictionary) == expected


def test_running_the_territory_is_governance(dictionary):
    assert found("Blinken said it should be the Palestinian Authority that runs the coastal territory.", dictionary) == {
        ("US", "governance", "support")}


def test_the_plan_is_the_plan_named_before_it_by_the_issue_word_in_front(dictionary):
    text = "The ministers discussed the Gaza reconstruction plan on Monday. Jordan backed this plan."
    assert found(text, dictionary) == {("Jordan", "reconstruction", "support")}


def test_what_others_believe_of_an_actor_is_not_its_stance(dictionary):
    assert found("Hamas is thought to hold about 20 living captives, Israeli officials say.", dictionary) == set()
    # a stance verb under the passive report is still the subject's
    assert found("Hamas is said to have accepted the truce.", dictionary) == {("Hamas", "ceasefire", "support")}


@pytest.mark.parametrize("text", [
    "Several countries are reluctant to send troops to the stabilization force.",
    "Several Muslim-majority states are still hesitant to join the ISF.",
])
def test_unnamed_states_weighing_troops_are_the_prospective_contributors(text, dictionary):
    assert found(text, dictionary) == {("ISFPartners", "stabilization_force", "oppose")}


@pytest.mark.parametrize("text", [
    "The countries are reluctant to send troops to the stabilization force.",  # the ones named before, if any
    "Several countries condemned the Israeli strikes and called for a ceasefire.",  # nothing about troops
])
def test_other_groups_of_states_are_no_prospective_contributors(text, dictionary):
    assert not any(h == "ISFPartners" for h, *_ in found(text, dictionary))


def test_a_participle_tagged_as_a_noun_keeps_the_subject_of_its_verb(dictionary):
    # the tagger reads "warning" as a noun; the repair makes it the participle it is
    assert found("Russia has voiced concern too, warning that the move could undermine the push for a ceasefire.",
                 dictionary) == {("Russia", "ceasefire", "support")}


def test_calling_the_prevention_of_aid_unacceptable_backs_aid(dictionary):
    assert ("Turkey", "humanitarian_aid", "support") in found(
        "Turkey said the prevention of the delivery of humanitarian aid by Israel is unacceptable.", dictionary)


@pytest.mark.parametrize("text,expected", [
    ("Pakistan's Deputy Prime Minister Ishaq Dar met his Egyptian counterpart on Sunday. The deputy prime minister "
     "stressed a full withdrawal of Israeli forces from Gaza.", ("Pakistan", "withdrawal", "support")),
    # the last actor given the title, not the last actor named
    ("Egyptian Foreign Minister Badr Abdelatty met Rubio on Monday. The minister called for a permanent ceasefire.",
     ("Egypt", "ceasefire", "support")),
    ("Egypt's foreign minister met Rubio. The minister called for a permanent ceasefire.", ("Egypt", "ceasefire", "support")),
    ("President Trump met Netanyahu. The president called for a permanent ceasefire.", ("US", "ceasefire", "support")),
])
def test_a_title_with_no_name_speaks_for_the_actor_last_given_it(text, expected, dictionary):
    assert found(text, dictionary) == {expected}


def test_a_title_no_one_was_given_refers_to_no_one(dictionary):
    assert found("Trump spoke on Monday. The minister called for a permanent ceasefire.", dictionary) == set()


def test_what_is_demanded_as_a_condition_comes_first_for_those_who_demand_it(dictionary):
    got = found("The group refuses the complete disarmament demanded by Washington and Israel as a condition for "
                "ending the war.", dictionary)
    assert {("US", "ceasefire", "conditional", "disarmament"), ("Israel", "ceasefire", "conditional", "disarmament")} <= got
    assert not {("US", "ceasefire", "support"), ("Israel", "ceasefire", "support")} & got


def test_names_between_two_actors_without_commas_make_no_list(dictionary):
    text = "Egypt hosted talks in Cairo. Qatar Airways resumed flights, Israel said, as Hamas accepted the ceasefire."
    assert not any(h in ("Egypt", "Qatar") for h, *_ in found(text, dictionary))


def test_leaders_of_named_states_coordinated_with_a_holder_hold_it_too(dictionary):
    assert found("Trump and the leaders of Egypt and Qatar signed the ceasefire declaration.", dictionary) == {
        ("US", "ceasefire", "support"), ("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}
    assert ("Turkey", "ceasefire", "support") in found(
        "Trump said he and the leaders of Egypt, Turkey and Qatar signed the ceasefire declaration.", dictionary)


def test_a_clause_hours_after_an_act_dates_it(dictionary, rules):
    text = ("Trump and the leaders of Egypt and Qatar signed a declaration backing the Gaza ceasefire, hours after "
            "Hamas freed the last living hostages.")
    assert not {s for s in found(text, dictionary, rules) if s[1] == "hostage_prisoner_exchange" and s[0] != "Hamas"}
    assert {s for s in found(text, dictionary, rules.without(["time_frame"])) if s[1] == "hostage_prisoner_exchange" and s[0] != "Hamas"}


def test_taking_part_with_nothing_named_is_taking_part_in_the_force_named_before(dictionary):
    text = ("A central part of the plan is an international security mission. Several nations, including Egypt, "
            "Turkey and Pakistan, have signalled willingness to participate.")
    assert {("Egypt", "stabilization_force", "support"), ("Turkey", "stabilization_force", "support"),
            ("Pakistan", "stabilization_force", "support")} <= found(text, dictionary)
    # what is taken part in, when named, is that
    assert ("Turkey", "disarmament", "oppose") in found(
        "Fidan said that Turkey was ready to participate in the International Stabilization Force, but would not "
        "take part in disarming Hamas.", dictionary)
    assert ("Turkey", "stabilization_force", "oppose") not in found(
        "Fidan said that Turkey was ready to participate in the International Stabilization Force, but would not "
        "take part in disarming Hamas.", dictionary)


def test_what_a_report_is_said_to_claim_is_no_stance(dictionary, rules):
    text = "A Hamas source denied the report claiming Hamas is willing to give up its weapons."
    assert found(text, dictionary, rules) == set()
    assert ("Hamas", "disarmament", "support") in found(text, dictionary, rules.without(["claimed_content"]))


def test_a_with_clause_has_its_own_subject(dictionary):
    # ", with coalition partners voicing opposition to the deal": the partners', not the main subject's
    assert not {s for s in found("Netanyahu is under pressure at home, with several cabinet ministers voicing "
                                 "opposition to the truce.", dictionary) if s[0] == "Israel"}
    assert ("Egypt", "ceasefire", "support") in found("The talks resumed in Cairo, with Egypt pushing for a longer "
                                                      "truce.", dictionary)
    # a pronoun inside the clause is its subject
    text = ("Israel and Hamas signed the truce. Reaction was warm, with leaders around the world voicing their "
            "readiness to help with the delivery of aid to Gaza.")
    assert not {s for s in found(text, dictionary) if s[1] == "humanitarian_aid"}
    assert {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")} <= found(
        "Talks resumed, with Egypt and Qatar voicing their support for a longer truce.", dictionary)


def test_it_in_what_a_subject_said_skips_the_actors_of_its_relative_clause(dictionary):
    text = ("Hamas, which is listed as a terrorist organization by the EU and Canada, said that it would not give up "
            "its weapons.")
    assert found(text, dictionary) == {("Hamas", "disarmament", "oppose")}
    # nor those of a participle hung as the main verb, with the reporting verb its conjunct
    text = ("Hamas, designated as a terrorist group in the US, UK, and EU, emphasized in its statement that it could "
            "not give up its weapons unless an independent Palestinian state was established.")
    assert {s[0] for s in found(text, dictionary)} == {"Hamas"}


def test_an_impersonal_report_has_no_speaker(dictionary):
    text = "Israel said it will stay in the corridor. Currently, it is believed that 59 hostages remain in Gaza."
    assert not {s for s in found(text, dictionary) if s[1] == "hostage_prisoner_exchange"}


def test_hostages_staying_in_gaza_is_no_army_staying(dictionary):
    assert ("Hamas", "withdrawal", "oppose") not in found("Hamas vowed that the captives would stay in Gaza.", dictionary)
    assert ("Israel", "withdrawal", "oppose") in found("Israel said its troops will remain in Gaza.", dictionary)


def test_committed_backs_only_what_follows_to(dictionary):
    assert found("Israel committed the attack in the middle of ceasefire talks.", dictionary) == set()
    assert found("The Israeli attack was committed as talks on a ceasefire went on.", dictionary) == set()
    assert ("Israel", "ceasefire", "support") in found("Israel remains committed to the ceasefire deal.", dictionary)
    assert ("Hamas", "ceasefire", "support") in found("Hamas committed itself to the ceasefire.", dictionary)


def test_a_condition_after_on_keeps_its_gerund(dictionary):
    # the parse splits "on Hamas/obl accepting/advcl the plan"; the condition is the whole
    text = "Israel has now conditioned any further truce extension on Hamas releasing the hostages."
    assert ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange") in found(text, dictionary)
    assert ("Israel", "ceasefire", "support") not in found(text, dictionary)


def test_what_one_hopes_another_does_is_the_hopers_wish(dictionary):
    for text in ("Trump hopes that Hamas will accept the truce.", "Trump said he hoped Hamas would accept the truce."):
        assert found(text, dictionary) == {("US", "ceasefire", "support")}
    assert found("Hamas hopes the truce will hold.", dictionary) == {("Hamas", "ceasefire", "support")}


def test_a_hostage_named_as_a_person_is_no_exchange(dictionary):
    assert found("The family of hostage Evyatar David accused Hamas of starving him.", dictionary) == set()
    assert found("The mother of hostage Omer accused Hamas of abusing her son.", dictionary) == set()
    assert ("Hamas", "hostage_prisoner_exchange", "support") in found(
        "Hamas agreed to release hostage Edan Alexander.", dictionary)


def test_a_plan_named_by_what_it_is_for_gives_the_plan_its_issue(dictionary):
    text = "Egypt presented its plan for the reconstruction of Gaza. Abbas welcomed the initiative."
    assert ("PalestinianAuthority", "reconstruction", "support") in found(text, dictionary)
    assert ("PalestinianAuthority", "peace_plan", "support") not in found(text, dictionary)
    # a plan whose own name says what it is keeps it
    assert ("Egypt", "peace_plan", "support") in found(
        "Trump's plan to end the war was unveiled. Egypt backed the plan.", dictionary)


def test_a_call_for_someone_to_act_is_the_callers(dictionary):
    # the parse hangs "for Hamas" and "to disarm" on "issued"; the repair hangs them on the call
    assert found("Egypt issued a call for Hamas to disarm.", dictionary) == {("Egypt", "disarmament", "support")}
    # and a perfect split by an adverbial phrase ("have for the first time issued") keeps its subject
    assert found("Turkey and Jordan have this week issued a call for Hamas to disarm.", dictionary) == {
        ("Turkey", "disarmament", "support"), ("Jordan", "disarmament", "support")}


def test_taking_responsibility_in_gaza_and_giving_up_power_name_governance(dictionary):
    assert ("PalestinianAuthority", "governance", "support") in found(
        "The PA said it stood ready to assume its full responsibilities in the Gaza Strip.", dictionary)
    assert ("Egypt", "governance", "support") in found(
        "Egypt called for Hamas to relinquish power in the Gaza Strip.", dictionary)


def test_what_is_a_condition_for_an_issue_comes_first(dictionary, rules):
    for text in ("Israel said the disarmament of Hamas is a condition for ending the war.",
                 "Israel sees the disarmament of Hamas as a key condition for ending the war."):
        assert ("Israel", "ceasefire", "conditional", "disarmament") in found(text, dictionary, rules)
        assert ("Israel", "ceasefire", "support") in found(text, dictionary, rules.without(["condition_clause"]))


def test_pending_and_a_condition_to_act_or_in_a_phase_make_conditions(dictionary):
    assert ("US", "reconstruction", "conditional", "disarmament") in found(
        "Reconstruction could begin soon, pending an agreement on disarmament, Trump said.", dictionary)
    assert ("Hamas", "hostage_prisoner_exchange", "conditional", "withdrawal") in found(
        "Hamas insists on a full withdrawal as a condition to release all the hostages.", dictionary)
    assert ("Israel", "peace_plan", "conditional", "disarmament") in found(
        "Israel insists on the disarmament of Hamas as a key condition in the second phase of the ceasefire "
        "agreement.", dictionary)


def test_a_stance_verb_tagged_as_a_plural_noun_gets_its_subject_back(dictionary):
    text = ("Hamas released three hostages. Israel said it will stay in the corridor, as the terror group insists "
            "on a full withdrawal.")
    assert ("Hamas", "withdrawal", "support") in found(text, dictionary)
    assert ("Israel", "withdrawal", "support") not in found(text, dictionary)
    # a claim in a noun phrase stays a noun: no one claims it
    assert ("Egypt", "disarmament", "support") not in found(
        "Egyptian officials denied Israeli media claims that Cairo offered to hold Hamas's weapons.", dictionary)


def test_an_issue_after_post_is_a_time(dictionary):
    text = "Hamas said it was ready to hand over administration of Gaza post-ceasefire."
    assert found(text, dictionary) == {("Hamas", "governance", "support")}


def test_after_talks_that_broke_down_is_a_time_not_a_condition(dictionary):
    text = ("Israel announced plans to reoccupy Gaza City and other areas after the ceasefire talks appeared to have "
            "broken down last month.")
    assert ("Israel", "withdrawal", "oppose") in found(text, dictionary)
    assert not {s for s in found(text, dictionary) if s[2] == "conditional"}


def test_a_deadline_or_a_chance_given_to_an_actor_is_not_its_stance(dictionary):
    assert found('Trump said on Monday that Hamas had a "very short time" to fully disarm.', dictionary) == {
        ("US", "disarmament", "support")}
    assert found("Hamas has a chance to accept the truce, Trump said.", dictionary) == {("US", "ceasefire", "support")}


def test_what_an_actor_remains_is_its_stance(dictionary):
    # the parse makes "remained" and "committed" two clauses of "said", or hangs "to the plan" on "remained"
    assert found("Sheikh Tamim said Qatar remained committed to working with Egypt to reach a ceasefire.",
                 dictionary) == {("Qatar", "ceasefire", "support")}
    assert found("Israel said Hamas remained opposed to the plan.", dictionary) == {("Hamas", "peace_plan", "oppose")}


def test_what_an_issue_is_described_as_judges_it(dictionary):
    assert found("Fidan described the ceasefire as crucial for regional stability.", dictionary) == {
        ("Turkey", "ceasefire", "support")}
    assert found("Hamas described the plan as unacceptable.", dictionary) == {("Hamas", "peace_plan", "oppose")}
    # a word that judges nothing leaves no stance
    assert found("Egypt described the truce as fragile.", dictionary) == set()


def test_what_someone_sets_out_to_gauge_is_no_ones_stance(dictionary, rules):
    text = ("The US has been talking with several nations, such as Indonesia, Egypt and Turkey, to gauge their "
            "willingness to contribute to the stabilization force.")
    assert found(text, dictionary, rules) == set()
    assert found(text, dictionary, rules.without(["probed_stance"]))
    assert found("Indonesia expressed its willingness to contribute to the stabilization force.", dictionary) == {
        ("Indonesia", "stabilization_force", "support")}


def test_what_an_actor_is_pressed_to_do_is_not_its_stance(dictionary, rules):
    for text in ("Netanyahu faces mounting pressure to secure a truce and free the hostages.",
                 "Netanyahu is under pressure to accept the truce."):
        assert found(text, dictionary, rules) == set()
        assert found(text, dictionary, rules.without(["pressure_faced"]))
    assert ("Egypt", "ceasefire", "support") in found("Egypt increased pressure on Hamas to accept the truce.", dictionary)


def test_a_role_for_the_party_governance_removes_is_its_opposite(dictionary, rules):
    for text in ("Egypt rejected any role for Hamas in the governance of Gaza.",
                 "Israel rejects Hamas's role in governance."):
        assert {s[:3] for s in found(text, dictionary, rules)} == {(text.split()[0], "governance", "support")}
    # without the rule, the issue's name after the role reads plainly; a role phrase that ends with the name
    # is one name of the opposite, which the rule alone reads
    assert {s[:3] for s in found("Egypt rejected any role for Hamas in the governance of Gaza.", dictionary,
                                 rules.without(["inverse_issue"]))} == {("Egypt", "governance", "oppose")}
    assert found("Israel rejects Hamas's role in governance.", dictionary, rules.without(["inverse_issue"])) == set()
    assert ("Egypt", "governance", "support") in found(
        "Egypt backs a role for the PA in the governance of Gaza.", dictionary)


def test_the_party_governance_removes_let_or_denied_a_part_in_it(dictionary, rules):
    cases = {
        "Israel will not allow Hamas to rule Gaza again.": "Israel",  # the one allowed: an indirect object
        "Israel will demand that Hamas be denied any chance to run Gaza.": "Israel",  # a chance given or denied
        "The United States says Hamas cannot be involved in governing Gaza.": "US",  # what it is involved in
    }
    for text, holder in cases.items():
        assert {s[:3] for s in found(text, dictionary, rules)} == {(holder, "governance", "support")}, text
        assert (holder, "governance", "support") not in found(text, dictionary, rules.without(["inverse_issue"])), text
    # another party let in is no removal
    assert found("Israel will not allow the Palestinian Authority to run Gaza.", dictionary) == {
        ("Israel", "governance", "oppose")}


def test_a_gerund_is_listed_with_the_gerund_above_the_infinitive(dictionary):
    text = ("Egypt, Jordan and Qatar agreed on several points, rejecting any bid to split Gaza and "
            "underlining the part of the Palestinian Authority in governing the Strip.")
    assert {s for s in found(text, dictionary) if s[1] == "governance"} == {
        ("Egypt", "governance", "support"), ("Jordan", "governance", "support"), ("Qatar", "governance", "support")}


def test_neither_nor_negates_what_its_subjects_do(dictionary, rules):
    text = "Neither Israel nor Washington seems ready to back the Arab plan for reconstruction."
    assert found(text, dictionary) == {("Israel", "reconstruction", "oppose"), ("US", "reconstruction", "oppose")}
    assert found(text, dictionary, rules.without(["negation"])) == {
        ("Israel", "reconstruction", "support"), ("US", "reconstruction", "support")}


def test_an_item_set_against_the_others_with_not_is_refused(dictionary):
    text = "Qatar will go on sending food aid, not reconstruction money, the minister said."
    assert found(text, dictionary) == {("Qatar", "humanitarian_aid", "support"), ("Qatar", "reconstruction", "oppose")}
    assert ("Qatar", "reconstruction", "support") in found(
        "Qatar will go on sending food aid, not only reconstruction money.", dictionary)
    # a "not" on the issue's own word is read once
    assert found("Turkey said policing Gaza was a job for the Palestinians, not for a foreign contingent.", dictionary) == {
        ("Turkey", "stabilization_force", "oppose")}


def test_a_stance_noun_of_a_negated_light_verb_is_negated(dictionary, rules):
    assert found("Qatar never showed any support for the disarmament of Hamas.", dictionary) == {
        ("Qatar", "disarmament", "oppose")}
    # the phrase the parse hangs on the verb ("give approval / for the entry of aid") is still the noun's
    assert found("Israel did not give approval for the passage of aid into the Strip.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}
    assert found("Israel did not give approval for the passage of aid into the Strip.", dictionary,
                 rules.without(["negation"])) == {("Israel", "humanitarian_aid", "support")}
    assert found("Egypt gave its backing to the reconstruction plan.", dictionary) == {("Egypt", "reconstruction", "support")}


def test_used_is_read_as_use_not_as_the_pronoun():
    from kg.extract.lemmatize import assign_lemmas
    from kg.extract.parse import parse_words
    book = load_rule_book()
    doc, _ = parse_words(["The United States used its veto to block a call for a ceasefire in Gaza."])[0]
    assign_lemmas(doc, book.irregular, book.known_lemmas)
    assert [t.lemma_ for t in doc if t.lower_ == "used"] == ["use"]


def test_blocking_a_call_for_an_issue_refuses_the_issue(dictionary):
    # "call" is also a talk noun ("delayed the call with the mediators"); a call *for* something is a stance word
    assert found("The United States blocked a call for a truce in Gaza.", dictionary) == {("US", "ceasefire", "oppose")}
    assert found("Netanyahu delayed the cabinet vote on the Gaza ceasefire.", dictionary) == set()


def test_breaking_or_reneging_on_a_truce_is_a_breach_charged(dictionary):
    for verb in ("breaking", "reneging on"):
        assert found(f"Hamas accused Israel of {verb} the ceasefire agreement.", dictionary) == {
            ("Hamas", "ceasefire", "support")}


def test_hostilities_that_cease_name_the_ceasefire_as_a_condition(dictionary):
    assert found("Azerbaijan will not send peacekeepers to Gaza unless the hostilities between Israel and Hamas "
                 "cease entirely.", dictionary) == {("Azerbaijan", "stabilization_force", "conditional", "ceasefire")}
    # a past event is none
    assert found("Egypt said the fighting stopped on Sunday.", dictionary) == set()


def test_no_deal_without_something_makes_it_a_condition(dictionary):
    assert found("Egypt said there will be no agreement to stop the war without the disarmament of Hamas.",
                 dictionary) == {("Egypt", "ceasefire", "conditional", "disarmament")}


def test_judging_a_delay_of_an_issue_backs_the_issue(dictionary):
    assert found("Guterres said any delays in the ceasefire would be problematic.", dictionary) == {
        ("UN", "ceasefire", "support")}
    assert found("Israel said the truce must be halted.", dictionary) == {("Israel", "ceasefire", "oppose")}


def test_putting_off_a_vote_on_an_issue_is_no_rejection_of_it(dictionary):
    assert found("Netanyahu delayed the cabinet vote on the Gaza ceasefire.", dictionary) == set()
    assert ("Israel", "humanitarian_aid", "oppose") in found("Israel suspended aid deliveries.", dictionary)


def test_a_refusal_that_complicates_something_is_the_refusals_stance_only(dictionary):
    assert found("The deployment of foreign troops is complicated by Hamas's refusal to disarm.", dictionary) == {
        ("Hamas", "disarmament", "oppose")}


def test_an_actor_named_in_an_aside_of_the_speaker_does_not_speak(dictionary):
    assert found("French President Macron, following his conversation with Palestinian President Mahmoud Abbas, "
                 "said that France is fully mobilised for a durable ceasefire.", dictionary) == {("France", "ceasefire", "support")}


def test_an_aid_database_is_no_aid_and_the_occupation_ending_is_withdrawal(dictionary):
    assert found("The UN removed the groups from the shared aid database.", dictionary) == set()
    assert found("Hamas said it is willing to place its weapons under the authority of a Palestinian state if the "
                 "occupation ends.", dictionary) == {("Hamas", "disarmament", "conditional", "withdrawal")}


def test_stances_of_an_actor_the_gold_files_outside_the_contract_are_not_scored(tmp_path, ontology_copy):
    # ANNOTATION.md puts an actor with no contract id under other_statements as other:<id>, unscored;
    # the extractor's stances of that actor are then neither right nor wrong, and so are those of any
    # actor the dictionary marks as outside the scored list (China, the UK ...), annotated or not
    (tmp_path / "china_note.txt").write_text(
        "China called for an immediate ceasefire in Gaza. Hamas said it would not disarm.\n", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "schema_version: 1\narticles:\n  china_note:\n"
        "    - {holder: Hamas, issue: disarmament, polarity: oppose, quote: \"Hamas said it would not disarm\"}\n",
        encoding="utf-8")
    report = evaluate_folder(tmp_path, gold, ontology_dir=ONTOLOGY)
    assert (report.overall.fp, report.unscored) == (0, {"China": 1})
    assert "not scored" in report.format_text() and report.to_dict()["unscored"] == {"China": 1}
    # an `other:` holder in the gold file changes nothing: China stays unscored, and an actor the dictionary
    # lists as scored is scored, annotated or not, even where the gold file has "other:<its id>" (annotators
    # write that for a listed actor's stance on an issue with no contract id)
    gold.write_text(gold.read_text(encoding="utf-8") + (
        "other_statements:\n  china_note:\n"
        "    - {holder: \"other:China\", issue: ceasefire, polarity: support, quote: \"China called for an immediate ceasefire\"}\n"
        "    - {holder: \"other:Hamas\", issue: \"other:elections\", polarity: support, quote: \"Hamas said\"}\n"),
        encoding="utf-8")
    report = evaluate_folder(tmp_path, gold, ontology_dir=ONTOLOGY)
    assert (report.overall.tp, report.overall.fp, report.overall.fn, report.unscored) == (1, 0, 0, {"China": 1})
    actors = ontology_copy / "actors.ttl"
    actors.write_text(actors.read_text(encoding="utf-8").replace("actor:China a sg:State, sg:OutsideActor ;",
                                                                 "actor:China a sg:State ;"), encoding="utf-8")
    report = evaluate_folder(tmp_path, gold, ontology_dir=ontology_copy)
    assert (report.overall.tp, report.overall.fp, report.unscored) == (1, 1, {})


@pytest.mark.parametrize("text", [
    "The resolution, first reported by wire services, endorses President Donald Trump’s peace framework — a plan that "
    "Prime Minister Benjamin Netanyahu accepted in the autumn.",
    "The draft, seen by reporters, adopts every clause of President Donald Trump’s peace framework — a plan that Prime "
    "Minister Benjamin Netanyahu backed alongside Trump in September.",
])
def test_an_issue_named_with_its_owner_is_walked_from_its_head_noun(dictionary, text):
    # the parser hangs "Trump" on a "Donald" outside the mention "Trump's peace framework": the walk
    # starts from "framework", which the plan Netanyahu accepted is in apposition to
    assert found(text, dictionary) == {("US", "peace_plan", "support"), ("Israel", "peace_plan", "support")}


def _misparsed(words, heads, deps, tags):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=[w.lower() for w in words])


def test_alongside_read_as_the_object_gives_the_object_back():
    from kg.extract.repairs import restore_prepositions

    # "endorsed the plan alongside Trump" parsed as endorsed > alongside/obj > plan/compound, Trump/flat
    doc = _misparsed(["Netanyahu", "endorsed", "the", "plan", "alongside", "Trump", "in", "September", "."],
                     [1, 1, 3, 4, 1, 4, 7, 1, 1],
                     ["nsubj", "ROOT", "det", "compound", "obj", "flat", "case", "obl", "punct"],
                     ["NNP", "VBD", "DT", "NN", "NN", "NNP", "IN", "NNP", "."])
    restore_prepositions(doc)
    assert [(t.text, t.dep_, t.head.text) for t in doc[2:6]] == [
        ("the", "det", "plan"), ("plan", "obj", "endorsed"), ("alongside", "case", "Trump"), ("Trump", "obl", "endorsed")]
    assert doc[4].tag_ == "IN"


def test_alongside_read_as_a_verb_becomes_the_case_of_its_object():
    from kg.extract.repairs import restore_prepositions

    # "deploy troops alongside Indonesia" parsed as deploy > alongside/xcomp > Indonesia/obj
    doc = _misparsed(["Turkey", "will", "deploy", "troops", "alongside", "Indonesia", "."],
                     [2, 2, 2, 2, 2, 4, 2],
                     ["nsubj", "aux", "ROOT", "obj", "xcomp", "obj", "punct"],
                     ["NNP", "MD", "VB", "NNS", "VB", "NNP", "."])
    restore_prepositions(doc)
    assert [(t.text, t.dep_, t.head.text) for t in doc[3:6]] == [
        ("troops", "obj", "deploy"), ("alongside", "case", "Indonesia"), ("Indonesia", "obl", "deploy")]


def test_a_preposition_the_parser_read_right_is_left_alone():
    from kg.extract.repairs import restore_prepositions

    doc = _misparsed(["Qatar", "worked", "alongside", "Egypt", "."], [1, 1, 3, 1, 1],
                     ["nsubj", "ROOT", "case", "obl", "punct"], ["NNP", "VBD", "IN", "NNP", "."])
    restore_prepositions(doc)
    assert [(t.dep_, t.head.i) for t in doc] == [("nsubj", 1), ("ROOT", 1), ("case", 3), ("obl", 1), ("punct", 1)]


def test_a_that_clause_read_as_a_relative_clause_of_an_adjective_is_its_complement(dictionary):
    from kg.extract.repairs import relabel_adjective_clauses

    # "made clear [that disarmament is essential]" with the clause hung on "clear" as a relative clause
    doc = _misparsed(["Netanyahu", "made", "clear", "that", "disarmament", "is", "essential", "."],
                     [1, 1, 1, 6, 6, 6, 2, 1],
                     ["nsubj", "ROOT", "xcomp", "mark", "nsubj", "cop", "acl:relcl", "punct"],
                     ["NNP", "VBD", "JJ", "IN", "NN", "VBZ", "JJ", "."])
    relabel_adjective_clauses(doc)
    assert (doc[6].dep_, doc[6].head.i) == ("ccomp", 2)
    # a noun's relative clause stays one
    doc = _misparsed(["the", "plan", "that", "Hamas", "rejected"], [1, 1, 4, 4, 1],
                     ["det", "ROOT", "mark", "nsubj", "acl:relcl"], ["DT", "NN", "IN", "NNP", "VBD"])
    relabel_adjective_clauses(doc)
    assert doc[4].dep_ == "acl:relcl"
    assert found("Netanyahu made clear that disarmament is essential.", dictionary) == {("Israel", "disarmament", "support")}


def test_a_verb_that_is_never_a_noun_heads_its_clause_again():
    from kg.extract.repairs import restore_clause_verbs

    # "allow the reconstruction after Hamas disarms" with "disarms" read as a plural noun and "after" hung on "Hamas"
    doc = _misparsed(["Israel", "will", "allow", "reconstruction", "after", "Hamas", "disarms", "."],
                     [2, 2, 2, 2, 5, 6, 3, 2],
                     ["nsubj", "aux", "ROOT", "obj", "case", "nmod:unmarked", "nmod", "punct"],
                     ["NNP", "MD", "VB", "NN", "IN", "NNP", "NNS", "."])
    restore_clause_verbs(doc, frozenset({"disarms"}))
    assert [(t.tag_, t.dep_, t.head.i) for t in doc[4:7]] == [("IN", "mark", 6), ("NNP", "nsubj", 6), ("VBZ", "advcl", 3)]
    # a plural noun with no subordinator before it stays a noun: "the Hamas disarms" is no clause
    doc = _misparsed(["the", "Hamas", "disarms"], [2, 2, 2], ["det", "compound", "ROOT"], ["DT", "NNP", "NNS"])
    restore_clause_verbs(doc, frozenset({"disarms"}))
    assert (doc[2].tag_, doc[1].dep_) == ("NNS", "compound")


@pytest.mark.parametrize("text,expected", [
    # texts written for this test
    ("Israel will allow the reconstruction of Gaza after Hamas disarms, Netanyahu said.",
     {("Israel", "reconstruction", "conditional", "disarmament")}),
    # "once" takes what it waits for to come: the holder wants it
    ("Aid deliveries will resume once Israel withdraws from the corridor, Hamas said.",
     {("Hamas", "humanitarian_aid", "conditional", "withdrawal"), ("Hamas", "withdrawal", "support")}),
])
def test_a_clause_of_a_verb_the_tagger_took_for_a_noun_is_a_condition(text, expected, dictionary):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text,expected", [
    # texts written for this test
    ("Netanyahu said the war would end when all the hostages are freed.",
     ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    ("Netanyahu told reporters that this war could end once Hamas disarms.", ("Israel", "ceasefire", "conditional", "disarmament")),
])
def test_a_war_that_will_end_on_a_condition_is_a_conditional_ceasefire(text, expected, dictionary):
    assert expected in found(text, dictionary)


@pytest.mark.parametrize("text,expected", [
    # texts written for this test
    ("Indonesia said whether it sends soldiers to the stabilization force will depend on a Security Council resolution.",
     ("Indonesia", "stabilization_force", "conditional", "peace_plan")),
    ("Netanyahu said reopening the crossing for aid will depend on the return of the hostages.",
     ("Israel", "humanitarian_aid", "conditional", "hostage_prisoner_exchange")),
])
def test_what_a_stance_depends_on_is_its_condition(text, expected, dictionary):
    assert expected in found(text, dictionary)


@pytest.mark.parametrize("text", [
    # texts written for this test
    "Egypt denied on Monday that it had signed on to the truce deal.",
    "Qatar denied that it supports the deployment of foreign troops in Gaza.",
])
def test_what_an_actor_denies_of_itself_is_no_stance(text, dictionary):
    assert found(text, dictionary) == set()
    # the rule switched off, the clause under the denial is read as the actor's own
    assert found(text, dictionary, rules=load_rule_book(ONTOLOGY).without(["denied_claim"])) != set()


def test_what_an_actor_is_given_time_to_do_is_not_its_stance(dictionary):
    text = "Hamas has four days to respond to the peace plan, the president said."  # written for this test
    assert not {h for h, *_ in found(text, dictionary)} & {"Hamas"}
    # the rule switched off, the deadline reads as Hamas's own answer
    assert ("Hamas", "peace_plan", "support") in found(text, dictionary, rules=load_rule_book(ONTOLOGY).without(["deadline_given"]))


def test_what_an_actor_has_agreed_to_do_is_still_its_stance(dictionary):
    assert ("Hamas", "peace_plan", "support") in found("Hamas has agreed to accept the plan.", dictionary)


def test_a_release_withheld_until_troops_leave_waits_for_the_withdrawal(dictionary):
    # texts written for this test: the troops are named, the place they leave is not
    for text in ("Hamas said it would not release the remaining hostages until Israel withdraws its troops.",
                 "A Hamas spokesman says the group won't free any more captives until Israel removes all troops from the enclave."):
        got = found(text, dictionary)
        assert ("Hamas", "hostage_prisoner_exchange", "conditional", "withdrawal") in got, text
        assert ("Hamas", "hostage_prisoner_exchange", "support") not in got


@pytest.mark.parametrize("text", ["The nurse was taken hostage by Hamas gunmen at the festival.",
                                  "A reservist was taken captive by Hamas militants in 2023."])
def test_who_took_someone_hostage_takes_no_side_on_the_exchange(text, dictionary):
    assert found(text, dictionary) == set()
    # the rule switched off, the captor is read as the agent of a stance on the exchange
    assert ("Hamas", "hostage_prisoner_exchange", "support") in found(
        text, dictionary, rules=load_rule_book(ONTOLOGY).without(["capture_of_hostage"]))


def test_who_receives_a_proposal_takes_no_side_on_it(dictionary):
    # a text written for this test: the proposal's owner backs it, the one handed it says nothing yet
    text = "Hamas confirmed on Sunday that it has received an Egyptian truce proposal."
    got = found(text, dictionary)
    assert not {h for h, *_ in got} & {"Hamas"}
    assert ("Egypt", "ceasefire", "support") in got
    # the rule switched off, the one who confirms receiving it is read as backing it
    assert ("Hamas", "ceasefire", "support") in found(text, dictionary, rules=load_rule_book(ONTOLOGY).without(["received_proposal"]))


def test_a_past_tense_read_as_a_participle_of_its_subject_heads_the_sentence_again():
    from kg.extract.repairs import restore_main_verbs

    # "The joint statement called for a ceasefire" parsed as statement/ROOT > called/VBN/acl
    doc = _misparsed(["The", "joint", "statement", "called", "for", "a", "ceasefire", "."],
                     [2, 2, 2, 2, 6, 6, 3, 2],
                     ["det", "amod", "ROOT", "acl", "case", "det", "obl", "punct"],
                     ["DT", "JJ", "NN", "VBN", "IN", "DT", "NN", "."])
    restore_main_verbs(doc, frozenset({"called"}))  # the test parses' lemmas are the words
    assert [(t.tag_, t.dep_, t.head.i) for t in doc[2:4]] == [("NN", "nsubj", 3), ("VBD", "ROOT", 3)]
    assert doc[7].head.i == 3
    # "The countries called for an end to the war and delivery of aid" with "delivery" made the head
    doc = _misparsed(["The", "countries", "called", "for", "an", "end", "to", "war", "and", "delivery", "of", "aid"],
                     [1, 9, 1, 5, 5, 2, 7, 2, 9, 9, 11, 9],
                     ["det", "nsubj", "acl", "case", "det", "obl", "case", "obl", "cc", "ROOT", "case", "nmod"],
                     ["DT", "NNS", "VBN", "IN", "DT", "NN", "IN", "NN", "CC", "NN", "IN", "NN"])
    restore_main_verbs(doc, frozenset({"called"}))
    assert [(t.dep_, t.head.i) for t in (doc[1], doc[2], doc[9])] == [("nsubj", 2), ("ROOT", 2), ("conj", 7)]


def test_a_participle_with_its_agent_or_a_finite_verb_beside_it_stays_one():
    from kg.extract.repairs import restore_main_verbs

    # "The proposal rejected by Hamas": a headline's participle, not a past tense
    doc = _misparsed(["The", "proposal", "rejected", "by", "Hamas"], [1, 1, 1, 4, 2],
                     ["det", "ROOT", "acl", "case", "obl:agent"], ["DT", "NN", "VBN", "IN", "NNP"])
    restore_main_verbs(doc, frozenset({"rejected"}))
    assert (doc[2].tag_, doc[2].dep_) == ("VBN", "acl")
    # "the plan called Riviera" under a verb of its own: the repair looks only at sentences with no finite verb
    doc = _misparsed(["Egypt", "rejected", "the", "plan", "called", "Riviera"], [1, 1, 3, 1, 3, 4],
                     ["nsubj", "ROOT", "det", "obj", "acl", "xcomp"], ["NNP", "VBD", "DT", "NN", "VBN", "NNP"])
    from kg.extract.repairs import RepairLists, repair_parse

    repair_parse(doc, RepairLists(statement_verbs=frozenset({"called"})))
    assert (doc[4].tag_, doc[4].dep_) == ("VBN", "acl")


@pytest.mark.parametrize("second, issue", [
    # texts written for this test: the group is named, then a noun that counts or calls it points back
    ("The leaders called for an immediate ceasefire.", "ceasefire"),
    ("The four parties stressed that effective governance is essential.", "governance"),
    ("The participants backed the reconstruction of Gaza.", "reconstruction"),
    ("The joint statement called for an immediate ceasefire.", "ceasefire"),
    ("The joint statement concluded by supporting the reconstruction of the enclave.", "reconstruction"),
    ("Welcoming the plan, the four countries called for the unhindered delivery of humanitarian aid.", "humanitarian_aid"),
])
def test_a_group_noun_points_back_to_the_states_met(second, issue, dictionary):
    text = "The foreign ministers of Egypt, Jordan, Qatar and Turkey met in Ankara on Monday. " + second
    assert {h for h, i, p, *_ in found(text, dictionary) if i == issue and p == "support"} == {
        "Egypt", "Jordan", "Qatar", "Turkey"}


def test_states_a_text_moves_people_to_are_no_group_a_noun_points_back_to(dictionary):
    # a text written for this test: the leaders are the two presidents, not the places named last
    text = ("President Sisi and President Trump spoke by phone. There was no word on the idea of moving people "
            "to Jordan and Saudi Arabia. Both leaders agreed on the importance of the ceasefire.")
    assert not {h for h, *_ in found(text, dictionary)} & {"Jordan", "SaudiArabia"}


def test_a_list_of_leaders_with_the_states_they_lead_is_a_list_of_those_states(dictionary):
    # a text written for this test: titles and names lead each state, one leader's state has no actor
    text = ("The summit brought together King Abdullah II of Jordan, President Recep Tayyip Erdogan of Turkey, "
            "President Joko Widodo of Indonesia, Dr. Hassan Rami of Palestine, and Prime Minister Shehbaz Sharif "
            "of Pakistan. The leaders called for an immediate ceasefire.")
    assert {h for h, i, p, *_ in found(text, dictionary) if i == "ceasefire" and p == "support"} == {
        "Jordan", "Turkey", "Indonesia", "Pakistan"}


def test_a_list_title_lead_stays_within_a_list():
    lead = load_rule_book(ONTOLOGY).list_title_lead
    assert lead.match(", His Majesty King ") and lead.match(", President Joko Widodo of ")
    assert lead.match(", Dr. Hassan Rami of Palestine, and Prime Minister ")
    assert not lead.match(" said on Monday, ") and not lead.match(", which President ")


def test_a_meeting_says_what_the_group_that_met_said(dictionary):
    # texts written for this test
    met = "The foreign ministers of Egypt, Jordan and Qatar met in Amman on Monday. "
    assert {h for h, i, p, *_ in found(met + "The meeting welcomed the agreement on a ceasefire.", dictionary)
            if i == "ceasefire" and p == "support"} == {"Egypt", "Jordan", "Qatar"}
    # with no group named, a meeting speaks for none of those who met
    assert found("Netanyahu met Trump at the White House on Monday. The meeting welcomed the ceasefire.",
                 dictionary) == set()
    # what a meeting centres on is its topic, not its position
    assert found(met + "The meeting centred on a plan aimed at establishing a lasting ceasefire.", dictionary) == set()


def test_a_participle_of_purpose_belongs_to_the_proposal_not_to_who_rejects_it(dictionary):
    # a text written for this test: the parse hangs "aimed" on the verb, as if Israel aimed at the end of the war
    got = found("Israel rejected a proposal put forward by Egypt aimed at ending the war.", dictionary)
    assert ("Israel", "ceasefire", "support") not in got
    assert ("Egypt", "ceasefire", "support") in got


def test_a_participle_after_a_comma_that_reports_a_clause_is_the_subjects_not_the_objects():
    from kg.extract.repairs import rehang_comma_participles

    # "Hamas rejected the plan, insisting it would not disarm" with "insisting" hung on "plan"
    doc = _misparsed(["Hamas", "rejected", "the", "plan", ",", "insisting", "it", "would", "not", "disarm"],
                     [1, 1, 3, 1, 5, 3, 9, 9, 9, 5],
                     ["nsubj", "ROOT", "det", "obj", "punct", "acl", "nsubj", "aux", "advmod", "ccomp"],
                     ["NNP", "VBD", "DT", "NN", ",", "VBG", "PRP", "MD", "RB", "VB"])
    rehang_comma_participles(doc)
    assert (doc[5].dep_, doc[5].head.i) == ("advcl", 1)
    # a participle that only describes the object ("the plan, covering aid") stays the object's
    doc = _misparsed(["Egypt", "backed", "the", "plan", ",", "covering", "aid"], [1, 1, 3, 1, 5, 3, 5],
                     ["nsubj", "ROOT", "det", "obj", "punct", "acl", "obj"], ["NNP", "VBD", "DT", "NN", ",", "VBG", "NN"])
    rehang_comma_participles(doc)
    assert (doc[5].dep_, doc[5].head.i) == ("acl", 3)


@pytest.mark.parametrize("lead", [
    # texts written for this test: a lead names a group of states, the next sentences its members
    "Arab and Muslim countries welcomed the ceasefire on Sunday.",
    "Leaders from the key Arab nations pressed for an immediate ceasefire on Sunday.",
])
def test_a_leads_group_of_states_is_the_list_that_follows(lead, dictionary):
    text = (lead + " The summit was held in New York. It was attended by Jordan's King Abdullah II, "
            "Indonesian President Prabowo Subianto, Pakistani Prime Minister Shehbaz Sharif and Egyptian "
            "Prime Minister Mostafa Madbouly.")
    assert {h for h, i, p, *_ in found(text, dictionary) if i == "ceasefire" and p == "support"} == {
        "Jordan", "Indonesia", "Pakistan", "Egypt"}


def test_reservations_about_a_force_oppose_it_and_a_mission_envisioned_is_backed(dictionary):
    # texts written for this test
    assert found("Azerbaijan has voiced serious reservations about joining the stabilization force.", dictionary) == {
        ("Azerbaijan", "stabilization_force", "oppose")}
    assert found("Egypt envisions a peacekeeping mission in Gaza.", dictionary) == {
        ("Egypt", "stabilization_force", "support")}


# texts written for this test
@pytest.mark.parametrize("text, expected", [
    # distancing oneself from a role, announcing a reduction: rejections
    ("Pakistan distanced itself from any role in disarming Hamas.", {("Pakistan", "disarmament", "oppose")}),
    ("The minister said Pakistan was ready to send troops but distanced the country from disarming Hamas.",
     {("Pakistan", "stabilization_force", "support"), ("Pakistan", "disarmament", "oppose")}),
    ("Israel announced a reduction in aid to Gaza.", {("Israel", "humanitarian_aid", "oppose")}),
    # "ruled out sending/advcl": a gerund right after a verb with no object is what it governs; after a
    # comma and an object, a participle is the subject's own second act
    ("The Pentagon has ruled out sending US troops to Gaza.", {("US", "stabilization_force", "oppose")}),
    ("Jordan rejected the extension, saying it is ready to back a truce.", {("Jordan", "ceasefire", "support")}),
    # the names a plural subject's "from" phrase lists, which the parse splits into an oblique and a second subject
    ("Foreign ministers from Egypt, Jordan and Qatar backed the plan.",
     {("Egypt", "peace_plan", "support"), ("Jordan", "peace_plan", "support"), ("Qatar", "peace_plan", "support")}),
    # "have/parataxis, however, voiced/ROOT": one verb, the subject the participle's
    ("Qatar hosted the talks. Netanyahu and his ministers have, however, voiced their backing for the truce.",
     {("Israel", "ceasefire", "support")}),
    # Hamas involved in (any) future governance, or leaving or staying in Gaza: governance, turned
    ("Rubio ruled out Hamas's involvement in the future governance of the enclave.", {("US", "governance", "support")}),
    ("The US envoy rejected the idea of Hamas being involved in any future governance of Gaza.",
     {("US", "governance", "support")}),
    ("Egypt wants the Palestinian Authority to be involved in the governance of Gaza.", {("Egypt", "governance", "support")}),
    ("The US called for Hamas to disarm and leave Gaza.", {("US", "disarmament", "support"), ("US", "governance", "support")}),
    ("Netanyahu said Hamas cannot stay in Gaza.", {("Israel", "governance", "support")}),
    ("Egypt called for Israel to withdraw from Gaza.", {("Egypt", "withdrawal", "support")}),
    ("Egypt said Israel cannot stay in Gaza.", {("Egypt", "withdrawal", "support")}),
    # "the Kingdom" is the last state named: Morocco and Jordan are kingdoms too
    ("Morocco's king said the Kingdom backs the ceasefire in Gaza.", set()),
    ("Saudi Arabia hosted the meeting on Sunday. The Kingdom welcomed the truce.", {("SaudiArabia", "ceasefire", "support")}),
])
def test_holders_and_polarity_the_parse_and_the_word_lists_give(text, expected, dictionary):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, stance", [
    # texts written for this test
    ("The Palestinian Authority would reassume control over the Gaza Strip, Abbas said.",
     ("PalestinianAuthority", "governance", "support")),
    ("Jordan called for removing all obstacles to recovery efforts in Gaza.", ("Jordan", "reconstruction", "support")),
    ("Egypt called for the rapid deployment of monitors along the demarcation line.", ("Egypt", "stabilization_force", "support")),
    ("Egypt said an international ceasefire monitoring force should be deployed soon.", ("Egypt", "stabilization_force", "support")),
    ("Hamas demanded that Israel end its brutal war on the Strip.", ("Hamas", "ceasefire", "support")),
    ("Israel has opposed any PA role.", ("Israel", "governance", "oppose")),
    ("Netanyahu wants to escalate the ground invasion of Gaza.", ("Israel", "ceasefire", "oppose")),
])
def test_issue_words_for_control_recovery_monitors_and_the_war(text, stance, dictionary):
    assert stance in found(text, dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: a war that goes on until something happens waits for it
    ("Israel said the war will continue until Hamas is disarmed.", ("Israel", "ceasefire", "conditional", "disarmament")),
    ("Netanyahu said the fighting will continue until all the hostages are freed.",
     ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    ("Israel will keep fighting until Hamas surrenders its weapons.", ("Israel", "ceasefire", "conditional", "disarmament")),
    # "as long as" the opposite holds: the same wait
    ("Egypt will not send troops to Gaza as long as Hamas keeps its weapons.",
     ("Egypt", "stabilization_force", "conditional", "disarmament")),
])
def test_a_war_that_goes_on_until_or_a_refusal_as_long_as_is_a_condition(text, stance, dictionary):
    assert stance in found(text, dictionary)


@pytest.mark.parametrize("text, issue", [
    # "called" read as a participle of "statement", and "must" further on made the sentence look finite
    ("Egypt, Jordan and Qatar issued a joint statement on Monday. The statement called for full adherence to "
     "the peace plan, emphasising that the crossing must remain open.", "peace_plan"),
    # a package is a plan: its backers back its terms
    ("The foreign ministers of Egypt, Jordan and Qatar met on Tuesday. They reaffirmed their commitment to work with "
     "the U.S. on a comprehensive package that includes the full withdrawal of Israeli forces.", "withdrawal"),
])
def test_every_member_of_a_group_holds_what_its_statement_or_its_package_says(text, issue, dictionary):
    assert {(state, issue, "support") for state in ("Egypt", "Jordan", "Qatar")} <= found(text, dictionary)


def test_it_after_a_sentence_about_the_statement_is_the_statement_and_its_issuers_hold_it(dictionary):
    text = ("The foreign ministers of Egypt, Jordan and Pakistan issued a joint statement on Monday. "
            "The statement called for full adherence to the peace plan. It also urged a permanent ceasefire.")
    assert {("Egypt", "ceasefire", "support"), ("Jordan", "ceasefire", "support"),
            ("Pakistan", "ceasefire", "support")} <= found(text, dictionary)
    # a thing that is no statement leaves "it" to no actor
    assert not any(issue == "ceasefire" for _, issue, *_ in found(
        "Egypt and Jordan met in Cairo on Monday. The agreement took effect at noon. It also urged a permanent ceasefire.",
        dictionary))


@pytest.mark.parametrize("text", [
    "UNICEF welcomes the announcement today of a ceasefire deal.",  # "UNICEF/JJ/amod welcomes/NNS"
    "The Secretary-General urges all parties to agree to a permanent ceasefire.",  # "General/amod urges/NNS"
])
def test_a_stance_verb_read_as_a_plural_noun_after_a_name_is_the_names_verb(text, dictionary):
    assert rules_of(text, dictionary)[("UN", "ceasefire", "support")] == {"subject_of_cue"}


def test_the_council_is_the_last_organisation_named(dictionary):
    text = ("The UN Security Council met on Monday. Last week the Council adopted a resolution authorizing the creation "
            "of an international stabilization force.")
    assert ("UN", "stabilization_force", "support") in found(text, dictionary)


def test_taking_control_of_the_territory_is_governance_but_of_gaza_city_is_not(dictionary):
    assert ("US", "governance", "support") in found("Trump proposed that the US take control of the enclave.", dictionary)
    assert not any(issue == "governance" for _, issue, *_ in found(
        "Netanyahu said Israel planned to take control of Gaza City.", dictionary))


def test_a_condition_the_parser_hung_on_a_copula_is_the_predicates(dictionary):
    # "release/advcl" and "would/aux" hung on "be/cop": the threat still reads as one
    assert found("Trump said that if Hamas did not release all the hostages, there would be all hell to pay.", dictionary) == {
        ("US", "hostage_prisoner_exchange", "support"), ("US", "ceasefire", "conditional", "hostage_prisoner_exchange")}


def test_as_long_as_hung_on_a_noun_conditions_the_verb_whose_phrase_the_noun_ends(dictionary):
    # the parser hangs "long" on "deal": the clause is still the condition of going on to the next phase
    text = "Israel was ready to proceed to the next phase of the deal, as long as Hamas was ready to release more hostages."
    assert ("Israel", "peace_plan", "conditional", "hostage_prisoner_exchange") in found(text, dictionary)


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: February's takeover idea is about who rules Gaza, not September's plan
    ("Abbas rejected Trump's proposal to take over the Gaza Strip.",
     {("PalestinianAuthority", "governance", "oppose"), ("US", "governance", "support")}),
    ("Egypt condemned Trump's plan for the United States to take over Gaza.",
     {("Egypt", "governance", "oppose"), ("US", "governance", "support")}),
    # moving Gaza's people out is no contract issue
    ("Ankara is totally against Trump's proposal to expel Palestinians from Gaza.", set()),
    # the plan of September is still the peace plan
    ("Egypt welcomed Trump's plan to end the war.", {("Egypt", "peace_plan", "support"), ("Egypt", "ceasefire", "support"),
                                                     ("US", "ceasefire", "support")}),
    # text written for this test: the normalisation deals of 2020 are no plan for Gaza
    ("The UAE warned that annexing the West Bank would endanger the Abraham Accords peace agreement.", set()),
])
def test_an_override_phrase_names_another_issue_or_none(text, expected, dictionary):
    assert {t[:3] for t in found(text, dictionary)} == expected


@pytest.mark.parametrize("published, text, expected", [
    # texts written for this test: "Trump's plan" names what it named on the day of the article
    (date(2025, 2, 12), "Jordan rejected Trump's Gaza plan on Tuesday.",
     {("Jordan", "governance", "oppose"), ("US", "governance", "support")}),
    (date(2025, 3, 6), "Netanyahu again said he backs Trump's proposal.", {("Israel", "governance", "support")}),
    (date(2025, 10, 8), "Jordan rejected Trump's Gaza plan on Tuesday.",
     {("Jordan", "peace_plan", "oppose"), ("US", "peace_plan", "support")}),
    # from 23 September his plan was the 21 points he put to Arab and Muslim leaders at the UN
    (date(2025, 9, 25), "Jordan rejected Trump's Gaza plan on Tuesday.",
     {("Jordan", "peace_plan", "oppose"), ("US", "peace_plan", "support")}),
    (date(2025, 1, 20), "Jordan rejected Trump's Gaza plan on Tuesday.", set()),
    # an article with no date reads the names as today's
    (None, "Jordan rejected Trump's Gaza plan on Tuesday.", {("Jordan", "peace_plan", "oppose"), ("US", "peace_plan", "support")}),
    # the 20-point plan's own name is no period name
    (date(2025, 3, 6), "Jordan backed the 20-point plan.", {("Jordan", "peace_plan", "support")}),
    # that spring, his proposal "for a truce" named the truce, not who rules Gaza
    (date(2025, 5, 29), "Israel accepted Trump's proposal for a new Gaza truce.", {("Israel", "ceasefire", "support")}),
    (date(2025, 5, 29), "Israel accepted Trump's proposal to end the war.", {("Israel", "ceasefire", "support")}),
    # "the plan" with no plan named before it was no plan of the 20 points before they existed
    (date(2025, 2, 20), "Asked about it at the White House, the king said Jordan backs the plan.", set()),
    (date(2025, 11, 20), "Asked about it at the White House, the king said Jordan backs the plan.",
     {("Jordan", "peace_plan", "support")}),
    # guard: a reference to a plan the article names keeps that plan's issue
    (date(2025, 3, 6), "Egypt drafted a reconstruction plan for Gaza. Jordan said it backs the plan.",
     {("Egypt", "reconstruction", "support"), ("Jordan", "reconstruction", "support")}),
])
def test_a_plan_name_means_what_it_meant_when_the_article_was_published(published, text, expected, dictionary):
    stances = extract_stances(Article("t", text, published=published), dictionary, rules=rules_only())
    assert {(s.holder, s.issue, s.polarity.value) for s in stances} == expected


@pytest.mark.parametrize("published, expected", [
    # text written for this test: January's truce had phases before the 20-point plan had any
    (date(2025, 2, 10), {("Israel", "ceasefire", "support")}),
    (date(2025, 11, 10), {("Israel", "peace_plan", "support")}),
])
def test_the_second_phase_is_the_truce_s_before_the_plan_existed(published, expected, dictionary):
    for text in ("Israel agreed to begin talks on the second phase on Monday.", "Phase two must begin soon, Israel said."):
        stances = extract_stances(Article("t", text, published=published), dictionary, rules=rules_only())
        assert {(s.holder, s.issue, s.polarity.value) for s in stances} == expected


@pytest.mark.parametrize("published, expected", [
    # text written for this test: before the 20-point plan, a draft resolution was a demand for a truce; after it, a
    # draft named by the truce it demands is still that demand, not the plan (version 109; version 108 read it as the
    # plan too in November)
    (date(2025, 6, 5), {("US", "ceasefire", "oppose")}),
    (date(2025, 11, 20), {("US", "ceasefire", "oppose")}),
])
def test_a_vetoed_draft_named_by_the_truce_is_the_truce(published, expected, dictionary):
    text = "The United States vetoed a draft resolution demanding an immediate ceasefire in Gaza."
    stances = extract_stances(Article("t", text, published=published), dictionary, rules=rules_only())
    assert {(s.holder, s.issue, s.polarity.value) for s in stances} == expected


def test_a_dateline_of_two_places_joined_by_a_slash_names_no_holder(dictionary):
    # text written for this test: "NATIONS" of the dateline is no group of states
    text = "UNITED NATIONS/GAZA – The Security Council on Friday voted to back the creation of an international stabilization force (ISF)."
    assert {t[:3] for t in found(text, dictionary)} == {("UN", "stabilization_force", "support")}


def test_a_wire_dateline_whose_dash_touches_the_first_word_is_no_part_of_the_sentence(dictionary):
    # text written for this test, in a wire service's layout (no real agency named)
    text = "DHAKA (Wire) -Indonesia praised the vote for the 20-point plan on Tuesday."
    assert ("Indonesia", "peace_plan", "support") in {t[:3] for t in found(text, dictionary)}


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: a threat after "or" waits on what the clause before it demands
    ("Hamas must free the hostages by Saturday or Israel will return to war, Katz said.",
     ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    ("Trump said Hamas must release the hostages or face hell.", ("US", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    ("A statement from the cabinet demanded that Hamas hand over four hostages by Friday, "
     "or Israel will resume the war.", ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    # force, or the truce's end, threatened as the alternative
    ("Trump told Hamas to free every hostage at once \"or it is over for you.\"",
     ("US", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    ("Trump said Hamas should hand back all the hostages or \"let hell break out.\"",
     ("US", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    ("Israel told Hamas to disarm or be destroyed.", ("Israel", "ceasefire", "conditional", "disarmament")),
])
def test_a_threat_after_or_is_a_condition_on_the_demand_before_it(text, stance, dictionary):
    stances = found(text, dictionary)
    assert stance in stances
    assert (stance[0], "ceasefire", "oppose") not in stances


def test_a_truce_threatened_after_or_is_no_plain_backing(dictionary):
    # text written for this test: the truce whose end is threatened waits on the demand
    stances = found("Trump warned Hamas to release all hostages by Saturday or risk an end to the ceasefire.", dictionary)
    assert ("US", "ceasefire", "conditional", "hostage_prisoner_exchange") in stances
    assert ("US", "ceasefire", "support") not in stances
    # an "or" inside a span of time is no alternative
    assert not any(s[1] == "ceasefire" for s in found(
        "Trump said Hamas had three or four days to accept the peace plan.", dictionary))


def test_an_alternative_that_is_no_threat_stays_what_it_says(dictionary):
    # text written for this test: "or" between two acts of the same actor is no demand on anyone
    assert ("Israel", "ceasefire", "oppose") in found("Israel will resume the war or withdraw its troops, Katz said.", dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: what an issue is tied to, or what a deal must include, it waits for
    ("Hamas insisted that every hostage release be tied to a complete Israeli withdrawal.",
     ("Hamas", "hostage_prisoner_exchange", "conditional", "withdrawal")),
    ("Hamas said the release of the hostages is linked to an end of the war.",
     ("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")),
    ("Talks on a ceasefire resumed in Cairo. Katz said that every deal must include the return of the "
     "remaining hostages.", ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    # what a deal must lead to or result in
    ("Hamas demanded that a truce deal must lead to a full Israeli withdrawal.",
     ("Hamas", "ceasefire", "conditional", "withdrawal")),
    ("Netanyahu insisted that any truce must result in Hamas being disarmed.",
     ("Israel", "ceasefire", "conditional", "disarmament")),
])
def test_what_an_issue_is_tied_to_or_a_deal_must_include_is_its_condition(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_an_exchange_a_mediator_proposes_is_backed_whole_and_one_a_party_offers_is_its_price(dictionary):
    # texts written for this test: the proposer of a trade between the two sides backs both of its terms; a
    # side offering its own act in exchange for the other's makes it wait for that
    mediator = found("Witkoff proposed the release of ten hostages in exchange for a 50-day ceasefire.", dictionary)
    assert {t for t in mediator if t[0] == "US"} == {("US", "hostage_prisoner_exchange", "support"),
                                                   ("US", "ceasefire", "support")}
    party = found("Israel offered a 45-day ceasefire in exchange for the release of eleven hostages.", dictionary)
    assert ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange") in party


def test_what_the_force_must_not_do_is_its_terms_not_a_refusal_of_it(dictionary):
    # text written for this test: the force's terms are peace_plan in the annotation guideline
    got = found("Qatar's prime minister said a stabilization force in Gaza should not protect one side over another.",
                dictionary)
    assert ("Qatar", "stabilization_force", "conditional", "peace_plan") in got
    assert ("Qatar", "stabilization_force", "oppose") not in got


def test_a_relative_clause_that_calls_its_noun_a_prerequisite_makes_the_issue_wait_for_it(dictionary):
    # text written for this test: "which" stands for the disarmament of Hamas, on which rebuilding waits
    got = found("Talks stalled over the disarmament of Hamas, which Israel says is a prerequisite for the "
                "reconstruction of Gaza.", dictionary)
    assert ("Israel", "reconstruction", "conditional", "disarmament") in got
    assert ("Israel", "reconstruction", "support") not in got


def test_not_retreating_beyond_a_line_is_refusing_withdrawal(dictionary):
    # text written for this test
    assert ("Israel", "withdrawal", "oppose") in found(
        "Israel signaled on Sunday that it would not retreat beyond the yellow line.", dictionary)


@pytest.mark.parametrize("text, holder", [
    # texts written for this test: conditions not named are the force's terms (peace_plan in the guideline)
    ("Turkey has indicated readiness to participate in the force under certain conditions.", "Turkey"),
    ("Pakistan is ready to send troops to the stabilization force under conditions it will set out later.", "Pakistan"),
])
def test_joining_the_force_under_unnamed_conditions_waits_for_its_terms(text, holder, dictionary):
    got = found(text, dictionary)
    assert (holder, "stabilization_force", "conditional", "peace_plan") in got
    assert (holder, "stabilization_force", "support") not in got


def test_on_the_condition_that_hung_apart_by_the_parser_still_makes_the_force_wait(dictionary):
    # text written for this test: the parser makes the "on the condition that" clause a second main clause
    got = found("Egypt has said it will consider the deployment of an international force in the Gaza Strip, but on "
                "the condition that it is part of a political framework leading to a Palestinian state.", dictionary)
    assert {t[:3] for t in got if t[1] == "stabilization_force"} == {("Egypt", "stabilization_force", "conditional")}


def test_a_state_prepared_to_act_if_and_when_the_council_decides_waits_for_it(dictionary):
    # text written for this test: the tagger reads "decides" as a noun and the parser makes Indonesia a
    # passive subject of "prepared"; it is who is prepared
    got = found("If and when the UN Security Council decides, Indonesia is prepared to deploy troops to Gaza.", dictionary)
    assert ("Indonesia", "stabilization_force", "conditional", "peace_plan") in got


def test_aid_said_not_to_depend_on_a_truce_is_backed_without_condition(dictionary):
    # text written for this test: a denied condition is no condition, and no refusal of the aid either
    got = found('"The aid is not dependent on any ceasefire or negotiation," Huckabee said.', dictionary)
    assert {t[:3] for t in got if t[1] == "humanitarian_aid"} == {("US", "humanitarian_aid", "support")}


def test_a_second_verb_the_parser_hangs_on_the_first_ones_object_keeps_its_own_sign(dictionary):
    # text written for this test: "allow" hangs on "bloodshed", the object of "stop"; the aid is not stopped
    got = found("Mansour urged the council to act, saying a ceasefire is the only way to stop the bloodshed and allow "
                "humanitarian aid to flow.", dictionary)
    assert ("PalestinianAuthority", "humanitarian_aid", "support") in got
    assert ("PalestinianAuthority", "humanitarian_aid", "oppose") not in got


def test_refusing_to_disarm_while_the_occupation_lasts_waits_for_its_end(dictionary):
    # text written for this test: the tagger reads "occupies" as a noun
    got = found("Hamas vowed not to surrender its weapons while Israel occupies Palestinian land.", dictionary)
    assert ("Hamas", "disarmament", "conditional", "withdrawal") in got
    assert ("Hamas", "disarmament", "oppose") not in got


@pytest.mark.parametrize("text, holder", [
    # texts written for this test: what one keeps another from, one works against
    ("Qatar and Turkey are pushing to shield Hamas from disarmament.", "Qatar"),
    ("Egypt sought to exempt Hamas from disarmament.", "Egypt"),
    ("Turkey is working to extract Hamas from the requirement to disarm.", "Turkey"),
])
def test_shielding_someone_from_an_issue_opposes_it(text, holder, dictionary):
    got = found(text, dictionary)
    assert (holder, "disarmament", "oppose") in got
    assert (holder, "disarmament", "support") not in got


def test_heavy_machinery_for_gaza_is_aid(dictionary):
    # text written for this test: the deal's aid terms name the machinery for clearing rubble
    assert ("Hamas", "humanitarian_aid", "support") in found(
        "Hamas demanded the entry of heavy machinery to clear the rubble.", dictionary)


def test_what_a_deal_merely_led_to_is_no_condition(dictionary):
    # text written for this test: a past outcome, with no "must", is history, not a condition
    assert not any(t[2] == "conditional" for t in found("Egypt said the truce deal led to a partial Israeli withdrawal.",
                                                          dictionary))


def test_no_issue_without_another_is_the_issue_only_with_it(dictionary):
    # text written for this test: "no X without Y" is X, conditional on Y, not a refusal of X
    stances = found("Egypt said there would be no ceasefire agreement without talks on disarmament.", dictionary)
    assert ("Egypt", "ceasefire", "conditional", "disarmament") in stances
    assert ("Egypt", "ceasefire", "oppose") not in stances


@pytest.mark.parametrize("text", [
    # texts written for this test: what begins once, or as soon as, something else happens waits for it
    "Jordan wants the rebuilding of Gaza to start as soon as the truce takes hold.",
])
def test_an_issue_to_begin_once_another_is_reached_is_conditional_on_it(text, dictionary):
    assert {t[1:] for t in found(text, dictionary) if t[1] == "reconstruction"} == {("reconstruction", "conditional", "ceasefire")}


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a party leaving government, or a delegation leaving talks, is no troop withdrawal
    ("The UAE called on Hamas to withdraw from Gaza's governance.", {("UAE", "governance", "support")}),
    ("Al-Hayya criticised the withdrawal of the Israeli delegation from the talks in Doha.", set()),
])
def test_withdrawing_from_governing_or_from_talks_is_no_withdrawal(text, expected, dictionary):
    assert {t[:3] for t in found(text, dictionary)} == expected


def test_a_verb_with_a_modal_that_the_parser_hung_on_its_object_acts_on_it(dictionary):
    # text written for this test: parsed together, the first "fund" was hung on "reconstruction" as a modifier
    text = ("The Emirati minister Anwar Gargash said Monday that the UAE will not fund reconstruction of Gaza. "
            "Jordanian Foreign Minister Ayman Safadi announced Tuesday that Jordan would not finance reconstruction "
            "of the strip. Saudi officials insist that Riyadh will not pay for rebuilding the strip.")
    assert {t[:3] for t in found(text, dictionary)} == {
        ("UAE", "reconstruction", "oppose"), ("Jordan", "reconstruction", "oppose"), ("SaudiArabia", "reconstruction", "oppose")}


def test_a_bulleted_list_of_attendees_is_the_group_the_ministers_point_back_to(dictionary):
    # text written for this test
    text = ("The meeting in Amman was attended by:\n"
            "- Egyptian Foreign Minister Badr Abdelatty\n"
            "- Jordanian Foreign Minister Ayman Safadi\n"
            "- Saudi Foreign Minister Faisal bin Farhan\n"
            "The ministers called for an immediate ceasefire in Gaza.")
    assert {t[:3] for t in found(text, dictionary)} == {
        ("Egypt", "ceasefire", "support"), ("Jordan", "ceasefire", "support"), ("SaudiArabia", "ceasefire", "support")}


def test_it_backed_by_states_is_the_plan_the_sentence_before_named(dictionary):
    # texts written for this test
    text = "The Security Council will vote on the 20-point plan on Monday. It is backed by Egypt, Qatar and Jordan, among others."
    assert {("Egypt", "peace_plan", "support"), ("Qatar", "peace_plan", "support"), ("Jordan", "peace_plan", "support")} <= {
        t[:3] for t in found(text, dictionary)}
    # with no plan named before it, "it" names nothing
    assert not found("The talks resumed on Monday. It is backed by Egypt, Qatar and Jordan.", dictionary)


def test_an_infinitive_right_after_a_verb_completes_it(dictionary):
    # text written for this test: the parser hung "to cement" on "comes", above "seeks"
    text = "Moscow's draft comes as the US seeks to cement support for a stabilization force."
    holders = {t[0] for t in found(text, dictionary)}
    assert "US" in holders and "Russia" not in holders


def test_who_is_intent_on_harming_the_issue_is_charged_not_backing_it(dictionary):
    # text written for this test: "undermining" has no subject of its own; Israel, intent on it, is the one charged
    text = "Hamas official Osama Hamdan said Israel was intent on undermining the truce from the first day."
    assert {t[:3] for t in found(text, dictionary)} == {("Hamas", "ceasefire", "support")}


def test_the_measure_is_the_resolution_an_article_names(dictionary):
    # text written for this test
    text = ("The Security Council passed the US-drafted resolution on Tuesday. "
            "Hamas denounced the measure within the hour.")
    assert ("Hamas", "peace_plan", "oppose") in {t[:3] for t in found(text, dictionary)}


def test_a_period_without_a_date_is_a_one_line_error(ontology_copy):
    from kg.errors import DictionaryError
    from kg.extract import load_lexicon

    (ontology_copy / "lexicon" / "extra.yaml").write_text(
        "issue_periods:\n  peace_plan:\n    - {phrases: ['Trump plan'], until: 'last spring', meant: none}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="until 'last spring' is no YYYY-MM-DD date"):
        load_lexicon(ontology_copy)


def test_an_override_that_is_no_regular_expression_is_a_one_line_error(ontology_copy):
    from kg.errors import DictionaryError
    from kg.extract import load_lexicon

    (ontology_copy / "lexicon" / "extra.yaml").write_text("issue_overrides:\n  governance:\n    - 'Trump(s'\n",
                                                          encoding="utf-8")
    with pytest.raises(DictionaryError, match="issue_overrides for governance is not a valid regular expression"):
        load_lexicon(ontology_copy)


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: what lets an armed group regain strength is warned against
    ("Netanyahu said halting military operations now would allow Hamas to rebuild.", {("Israel", "ceasefire", "oppose")}),
    ("Netanyahu warned that a withdrawal would let Hamas regroup.", {("Israel", "withdrawal", "oppose")}),
    # Gaza rebuilding is no enemy's gain
    ("Egypt said the plan would allow Gaza to rebuild.", {("Egypt", "peace_plan", "support"), ("Egypt", "reconstruction", "support")}),
])
def test_what_lets_an_armed_group_rebuild_is_warned_against(text, expected, dictionary):
    assert {t[:3] for t in found(text, dictionary)} == expected


def test_aid_as_a_verb_names_no_humanitarian_aid(dictionary):
    # texts written for this test
    assert found("Qatar urged global efforts to aid Palestinian reconstruction.", dictionary) == {
        ("Qatar", "reconstruction", "support")}
    assert ("Qatar", "humanitarian_aid", "support") in found("Qatar called for more aid to Gaza.", dictionary)


def test_two_apostrophes_close_a_quotation_and_its_speaker_follows(dictionary):
    from kg.extract.extractor import quotation_spans

    # a text written for this test, in copy that closes quotations with two apostrophes
    text = ("The European Council's president met the President of the United States on Monday.\n\n"
            "\u201cThere is real hope. Hope for the release of all hostages and for a ceasefire,'' said Antonio Costa, "
            "President of the European Council.")
    opening = text.index("\u201c")
    assert quotation_spans(text) == [(opening, text.index("''") + 2)]
    assert {h for h, *_ in found(text, dictionary)} == {"EU"}


def test_agents_coordinated_before_a_backing_participle_all_back_it(dictionary):
    # a text written for this test
    assert found("Aid is now distributed by the US and Israeli-backed Gaza Humanitarian Foundation.", dictionary) == {
        ("US", "humanitarian_aid", "support"), ("Israel", "humanitarian_aid", "support")}


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: the Palestinian Authority's part in ruling Gaza is governance
    ("Egypt called for the return of the Palestinian Authority to Gaza.", ("Egypt", "governance", "support")),
    ("Jordan called for the PA to return to Gaza.", ("Jordan", "governance", "support")),
    ("Egypt backed a role for the Palestinian Authority in Gaza.", ("Egypt", "governance", "support")),
    ("Netanyahu has ruled out any role for the Palestinian Authority in post-war Gaza.", ("Israel", "governance", "oppose")),
    ("Egypt called for the restoration of the Palestinian Authority's control over Gaza.", ("Egypt", "governance", "support")),
    ('"We back the Palestinian Authority and its return to Gaza," Kallas said.', ("EU", "governance", "support")),
])
def test_the_palestinian_authoritys_part_in_ruling_gaza_is_governance(text, stance, dictionary):
    assert stance in found(text, dictionary)


@pytest.mark.parametrize("text", [
    # texts written for this test: the bodies of hostages who died are part of the exchange
    "Hamas handed over the remains of two hostages on Tuesday.",
    "Hamas released the bodies of four Israelis.",
    "Earlier, Hamas said it was handing over Goldin's body.",
])
def test_returning_the_bodies_of_hostages_is_the_exchange(text, dictionary):
    assert ("Hamas", "hostage_prisoner_exchange", "support") in found(text, dictionary)


def test_it_read_as_an_expletive_of_an_action_verb_is_its_subject():
    from kg.extract.repairs import restore_pronoun_subjects

    # "said it was handing over the hostages" with "it" parsed as an expletive
    doc = _misparsed(["Hamas", "said", "it", "was", "handing", "over", "the", "hostages"], [1, 1, 4, 4, 1, 7, 7, 4],
                     ["nsubj", "ROOT", "expl", "aux", "ccomp", "case", "det", "obl"],
                     ["NNP", "VBD", "PRP", "VBD", "VBG", "IN", "DT", "NNS"])
    restore_pronoun_subjects(doc)
    assert doc[2].dep_ == "nsubj"
    # "it is clear that ...": an expletive stays one
    doc = _misparsed(["it", "is", "clear", "that", "Hamas", "must", "disarm"], [2, 2, 2, 6, 6, 6, 2],
                     ["expl", "cop", "ROOT", "mark", "nsubj", "aux", "ccomp"], ["PRP", "VBZ", "JJ", "IN", "NNP", "MD", "VB"])
    restore_pronoun_subjects(doc)
    assert doc[0].dep_ == "expl"


@pytest.mark.parametrize("text, stance", [
    # texts written for this test
    ("Israeli troops would also withdraw from some areas inside Gaza, Trump said.", ("Israel", "withdrawal", "support")),
    ("The Israeli army will withdraw to the agreed line on Friday, Netanyahu said.", ("Israel", "withdrawal", "support")),
    ("Egypt will not participate in stabilization operations inside the Gaza Strip.", ("Egypt", "stabilization_force", "oppose")),
    ("Trump announced that an international military contingent will be deployed in Gaza.",
     ("US", "stabilization_force", "support")),
])
def test_issue_words_for_lines_withdrawn_to_and_contingents(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_they_takes_a_plural_subject_of_its_sentence_before_the_nearest_name(dictionary):
    # a text written for this test: "they" are the officials, not the state they came to
    assert found("Israeli officials came to Qatar with a map of the withdrawal they envision.", dictionary) == {
        ("Israel", "withdrawal", "support")}


def test_being_unable_to_send_troops_opposes_the_force(dictionary):
    # a text written for this test
    assert found("Jordan and Egypt have said that they will be unable to send troops to Gaza.", dictionary) == {
        ("Jordan", "stabilization_force", "oppose"), ("Egypt", "stabilization_force", "oppose")}


def test_the_verb_after_a_subjects_relative_clause_is_the_main_verb():
    from kg.extract.repairs import restore_verbs_after_relative_clauses

    # "Abdelatty, who spoke in Cairo, stressed the need" with "stressed" hung on the relative clause
    doc = _misparsed(["Abdelatty", ",", "who", "spoke", "in", "Cairo", ",", "stressed", "the", "need", "."],
                     [0, 3, 3, 0, 5, 3, 3, 3, 9, 7, 0],
                     ["ROOT", "punct", "nsubj", "acl:relcl", "case", "obl", "punct", "advcl", "det", "obj", "punct"],
                     ["NNP", ",", "WP", "VBD", "IN", "NNP", ",", "VBD", "DT", "NN", "."])
    restore_verbs_after_relative_clauses(doc)
    assert [(t.dep_, t.head.i) for t in (doc[0], doc[7], doc[10])] == [("nsubj", 7), ("ROOT", 7), ("punct", 7)]


def test_sheikh_abdullah_is_the_emirati_minister(dictionary):
    # a text written for this test
    assert found("Sheikh Abdullah, who also serves as deputy prime minister, underscored the importance of halting "
                 "hostilities.", dictionary) == {("UAE", "ceasefire", "support")}


def test_a_number_of_states_including_a_list_is_that_list(dictionary):
    # a text written for this test
    assert found("A number of Arab countries, including Egypt, Jordan and Qatar, have welcomed the peace plan.",
                 dictionary) == {("Egypt", "peace_plan", "support"), ("Jordan", "peace_plan", "support"),
                                 ("Qatar", "peace_plan", "support")}


def test_an_actor_opposed_to_something_holds_the_stance_not_the_actor_in_its_object(dictionary):
    # texts written for this test: the "to" phrase of "opposed" is what is opposed; of "unacceptable", who judges
    assert found("Israel is firmly opposed to any involvement of Turkish troops.", dictionary) == {
        ("Israel", "stabilization_force", "oppose")}
    assert ("Israel", "governance", "oppose") in found(
        "The Americans are seeking temporary solutions, which are currently unacceptable to Israel.", dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test
    ("Israel rejects any role for both Hamas and the PA.", ("Israel", "governance", "oppose")),
    ("Israel will resume full-scale fighting in the Gaza Strip, Katz said.", ("Israel", "ceasefire", "oppose")),
])
def test_a_role_for_both_hamas_and_the_pa_and_full_scale_fighting(text, stance, dictionary):
    assert stance in found(text, dictionary)


# texts written for these tests
@pytest.mark.parametrize("text, expected", [
    ("A Hamas spokesman said no one in Gaza would ever accept disarmament.", ("Hamas", "disarmament", "oppose")),
    ("Egypt's foreign minister said nobody will send troops into Gaza.", ("Egypt", "stabilization_force", "oppose")),
])
def test_a_subject_that_is_no_one_negates_its_verb(dictionary, rules, text, expected):
    assert found(text, dictionary, rules) == {expected}
    assert rules_of(text, dictionary, rules)[expected] >= {"negation"}


def test_no_before_the_issue_itself_is_not_counted_twice(dictionary):
    assert found("Israel said no rebuilding can start before Hamas is disarmed.", dictionary) == {
        ("Israel", "reconstruction", "conditional", "disarmament"), ("Israel", "disarmament", "support")}


def test_a_stance_verb_read_as_a_plural_noun_with_an_object_is_a_verb(dictionary):
    # a text written for this test: "draft/compound opposes/NNS the creation/obj", a noun with an object
    assert found("Moscow said its draft opposes the creation of a peacekeeping force.", dictionary) == {
        ("Russia", "stabilization_force", "oppose")}
    assert found("The Russian draft sidesteps the deployment of an international force.", dictionary) == {
        ("Russia", "stabilization_force", "oppose")}


# texts written for these tests
@pytest.mark.parametrize("text, expected", [
    # what another is asked to do is the holder's price; what the holder gives in return waits for it
    ("Israel wants Hamas to release half of the hostages in return for a longer truce.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}),
    ("Hamas demanded that Israel pull its troops out of Gaza in exchange for the hostages.",
     {("Hamas", "hostage_prisoner_exchange", "conditional", "withdrawal"), ("Hamas", "withdrawal", "support")}),
    # what the holder does itself is what waits
    ("Israel said it was ready to extend the truce in return for the release of more hostages.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}),
    # "in exchange for Israel/nsubj ending/acl the war": the preposition hung on the gerund's subject
    ("Hamas said it is prepared to release all hostages in exchange for Israel ending the war.",
     {("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire"), ("Hamas", "ceasefire", "support")}),
    # the war going on is the opposite of a truce, until what it waits for
    ("Israel said the attacks would continue until Hamas is disarmed.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    ("Israel vowed to escalate the war until every hostage is returned.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}),
    # a bare "withdraw" is Israel's withdrawal when its subject is Israel's; a war that will not end until ... waits too
    ("Israel's defence minister said the troops would not withdraw until Hamas lays down its arms.",
     {("Israel", "withdrawal", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    ("Jordan insisted that Israeli soldiers should withdraw fully.", {("Jordan", "withdrawal", "support")}),
    ("The US delegation withdrew.", set()),
    ("The Israeli prime minister said the war would not end until Hamas was stripped of its weapons.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    # one side's part of the exchange waits "until" the other's; "in exchange for" is the exchange itself
    ("Israel delayed the release of the Palestinian prisoners until the next hostages are handed over.",
     {("Israel", "hostage_prisoner_exchange", "conditional", "hostage_prisoner_exchange")}),
    ("Hamas will free the hostages in exchange for Palestinian prisoners.", {("Hamas", "hostage_prisoner_exchange", "support")}),
    # what a text demands is backed or blocked by who backs or blocks the text
    ("Russia backed a text that calls for the release of all hostages.", {("Russia", "hostage_prisoner_exchange", "support")}),
    ("Israel and the US voted against the resolution, which demands an immediate ceasefire.",
     {("Israel", "ceasefire", "oppose"), ("US", "ceasefire", "oppose")}),
    # "must be/aux:pass conditional on": the parse's passive auxiliary is the adjective's copula
    ("The UAE said any aid must be conditional on a new governing body in Gaza.",
     {("UAE", "humanitarian_aid", "conditional", "governance"), ("UAE", "governance", "support")}),
    # "only ... under the terms of": the party's own condition, not a plan's content
    ("Hamas will only release the hostages under the terms of the truce agreement.",
     {("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")}),
    ("Under the deal, Hamas would release the hostages.", set()),
    # weapons handed to a recipient only a condition names wait for it; to a named actor they do not
    ("A Hamas leader said the group's weapons would be handed over to a future Palestinian state.",
     {("Hamas", "disarmament", "conditional", "governance")}),
    # "..., contingent on": read off the words, whatever the parse made of the adjective
    ("Egypt backs a truce, contingent on a full withdrawal of Israeli forces.",
     {("Egypt", "ceasefire", "conditional", "withdrawal")}),
    # what a comma's relative clause says the welcomed plan contains is the writer's description of it
    ("Hamas welcomed the Arab plan, which includes the deployment of international peacekeepers.",
     {("Hamas", "reconstruction", "support")}),
    ("Hamas rejected a Security Council resolution that establishes an international stabilization force.",
     {("Hamas", "peace_plan", "oppose"), ("Hamas", "stabilization_force", "oppose")}),
])
def test_what_waits_for_what_and_what_a_text_demands(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_what_an_issue_requires_is_its_condition_but_not_what_a_plan_requires(dictionary):
    # texts written for this test
    assert found("Qatar's prime minister said a lasting truce requires the full withdrawal of Israeli troops.",
                 dictionary) == {("Qatar", "ceasefire", "conditional", "withdrawal"), ("Qatar", "withdrawal", "support")}
    assert found("Israel said the plan requires Hamas to release every hostage.", dictionary) == set()


def test_once_makes_the_stance_wait_for_what_the_holder_expects_to_come(dictionary):
    # texts written for this test: "once" parsed as an adverb of the clause, and "as soon as possible", which waits for nothing
    assert found("Egypt will host a donor conference for rebuilding Gaza once the aggression stops.", dictionary) == {
        ("Egypt", "reconstruction", "conditional", "ceasefire"), ("Egypt", "ceasefire", "support")}
    assert found("Egypt called for deploying an international force as soon as possible to monitor the truce.",
                 dictionary) == {("Egypt", "stabilization_force", "support")}
    assert found("Jordan once again called for a ceasefire in Gaza.", dictionary) == {("Jordan", "ceasefire", "support")}
    # "at least once" counts the times, and waits for nothing
    assert found("The UN said Israel has blocked aid convoys at least once since the truce took hold.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}


def test_a_group_subject_s_examples_after_including_hold_its_stance(dictionary):
    # a text written for this test: the parse hangs "including" on the verb and the examples as a second subject
    assert found("Several countries, including Pakistan and Indonesia, would be willing to contribute troops to the force.",
                 dictionary) == {("Pakistan", "stabilization_force", "support"), ("Indonesia", "stabilization_force", "support")}


def test_failing_to_make_something_is_no_refusal_of_it(dictionary):
    # texts written for this test: unable to form a force wants one; unable to send troops declines to
    assert found("Officials said the Americans are unable to form a foreign force.", dictionary) == set()
    assert found("Pakistan said it would be unable to send troops to Gaza.", dictionary) == {
        ("Pakistan", "stabilization_force", "oppose")}


def test_a_security_council_resolution_is_the_plan_only_once_the_plan_was_published(dictionary):
    # a text written for this test, dated before and after 29 September 2025
    text = "The United States vetoed a Security Council resolution that demanded an immediate ceasefire in Gaza."

    def dated(published):
        return {(s.holder, s.issue, s.polarity.value) for s in extract_stances(
            Article("t", text, published=published), dictionary, rules=rules_only())}

    assert dated(date(2025, 6, 5)) == {("US", "ceasefire", "oppose")}
    assert dated(date(2025, 11, 20)) == {("US", "ceasefire", "oppose"), ("US", "peace_plan", "oppose")}
    # as a condition, a resolution is still what the guideline files a mandate under
    assert {(s.holder, s.issue, s.polarity.value, s.condition) for s in extract_stances(Article(
        "t", "Egypt said it would join the force only if it is backed by a Security Council resolution.",
        published=date(2025, 8, 18)), dictionary, rules=rules_only())} == {
        ("Egypt", "stabilization_force", "conditional", "peace_plan")}


def test_a_mediator_backs_the_truce_it_mediates_not_each_of_its_terms(dictionary):
    # a text written for this test
    stances = found("Officials from mediators Egypt and the US said a truce and the release of hostages had been agreed.",
                    dictionary)
    assert {("Egypt", "ceasefire", "support"), ("US", "ceasefire", "support")} <= stances
    assert ("Egypt", "hostage_prisoner_exchange", "support") not in stances


# texts written for these tests
@pytest.mark.parametrize("text, expected", [
    # a gathering counted by who met ("the six-party meeting") is still the last group's
    ("Ministers from Egypt, Jordan and Qatar met in Cairo. The six-party ministerial meeting welcomed the ceasefire.",
     {("Egypt", "ceasefire", "support"), ("Jordan", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    # the two sides of a war are no group that "the ministers" are
    ("Ministers from Egypt and Jordan met after the war between Israel and Hamas. The ministers called for the "
     "withdrawal of Israeli forces.", {("Egypt", "withdrawal", "support"), ("Jordan", "withdrawal", "support")}),
    # but "the parties" may be them
    ("Egypt hosted talks between Israel and Hamas. The parties agreed to extend the ceasefire.",
     {("Israel", "ceasefire", "support"), ("Hamas", "ceasefire", "support")}),
    # a pronoun after a colon is the subject of the clause before it, not the last actor named
    ("Jordan and Egypt sent a clear message to Washington: they will not fund reconstruction unless Hamas disarms.",
     {("Jordan", "reconstruction", "conditional", "disarmament"), ("Egypt", "reconstruction", "conditional", "disarmament")}),
    ("Saudi Arabia delivered a warning to the US: it will not pay for reconstruction unless Hamas disarms.",
     {("SaudiArabia", "reconstruction", "conditional", "disarmament")}),
    # an issue named inside the stance's own words ("the next phase of the truce") is no other issue the
    # condition after it could be about
    ("Israel is ready to move to the next phase of the truce, contingent on the release of more hostages.",
     {("Israel", "peace_plan", "conditional", "hostage_prisoner_exchange")}),
    # "As part of the agreement," is no second subject of the verb (the parse's reading)
    ("As part of the agreement, Israel agreed to allow more aid into Gaza.", {("Israel", "humanitarian_aid", "support")}),
    # a hostage freed by name is the exchange ("released/VBN" with a subject and no auxiliary is a past
    # tense); a hostage named only to say who someone is, is not
    ("Hamas released Israeli hostage Dan Levi on Monday.", {("Hamas", "hostage_prisoner_exchange", "support")}),
    ("Hamas said it will free American hostage Dan Levi.", {("Hamas", "hostage_prisoner_exchange", "support")}),
    ("The mother of hostage Dan Levi spoke at the rally.", set()),
    # who walks away from the ceasefire talks takes no side on the ceasefire by it
    ("Trump said the US walked away from the ceasefire talks.", set()),
    ("Israel joined the ceasefire talks in Doha.", {("Israel", "ceasefire", "support")}),
    # going back to war if the other side breaks the deal: the truce waits for the deal's terms
    ("Israel's defence minister said that if Hamas refuses to comply with the agreement, Israel will return to fighting.",
     {("Israel", "ceasefire", "conditional", "peace_plan")}),
    ("Netanyahu said that if Hamas fails to meet the terms, Israel will resume fighting.",
     {("Israel", "ceasefire", "conditional", "peace_plan")}),
    # what a draft says is what its author holds, whoever the author put it forward as
    ("Russia presented a draft that rejects the creation of an international force.",
     {("Russia", "stabilization_force", "oppose")}),
    ("Russia circulated a rival proposal that would strip out references to the Board of Peace.",
     {("Russia", "governance", "oppose")}),
    ("Netanyahu said Israeli troops would remain in most of the Gaza Strip.", {("Israel", "withdrawal", "oppose")}),
    # a participle with a cue of its own after the main verb says its own stance
    ("Egypt refused plans to displace Palestinians, lobbying for a reconstruction plan.", {("Egypt", "reconstruction", "support")}),
    # "and other countries including ..." goes on with the list "they" points back to
    ("In a joint statement, Egypt, Jordan and other Muslim countries including Indonesia and Turkey welcomed the "
     "plan. They called for reconstruction.",
     {(a, i, "support") for a in ("Egypt", "Jordan", "Indonesia", "Turkey") for i in ("peace_plan", "reconstruction")}),
    ("Egypt is wary of sending troops to the international force.", {("Egypt", "stabilization_force", "oppose")}),
    # a plural noun with an object after "unless" is the condition's verb ("Hamas surrenders/NNS its weapons")
    ("Israel, however, refuses to end the conflict unless Hamas surrenders its weapons.",
     {("Israel", "ceasefire", "conditional", "disarmament")}),
    # ending "the conflict" (or "the two-year conflict") is the truce; the Israeli-Palestinian conflict is not
    ("Hamas said it was willing to end the two-year conflict.", {("Hamas", "ceasefire", "support")}),
    ("The king called for an end to the Israeli-Palestinian conflict.", set()),
    # a withdrawal "from the negotiations" takes no troops out, wherever the parse hung "from"
    ("The United States and Israel announced their withdrawal from ongoing peace negotiations in Doha.", set()),
    # a text of one's own put to the same vote is a rival to the plan's resolution
    ("The Security Council will vote on the resolution drafted by Washington on Monday. Russia submitted its own "
     "resolution on Thursday.",
     {("Russia", "peace_plan", "oppose"), ("UN", "peace_plan", "support"), ("US", "peace_plan", "support")}),
    ("Russia has circulated a competing UN resolution that does not mention the force.", {("Russia", "peace_plan", "oppose")}),
    # a state's forces bound for Gaza are its part in the force; the same forces at home are not
    ("Jordan said no Jordanian forces will be deployed in Gaza.", {("Jordan", "stabilization_force", "oppose")}),
    ("Katz said Israel would not accept Turkish security forces in Gaza.", {("Israel", "stabilization_force", "oppose")}),
    # troops counted loosely are still troops sent
    ("Indonesia said it was prepared to deploy 20,000 or more troops in Gaza.", {("Indonesia", "stabilization_force", "support")}),
    ("Pakistan is ready to send as many as 5,000 troops.", {("Pakistan", "stabilization_force", "support")}),
    ("Egyptian forces in Sinai were put on alert.", set()),
    # "until the ceasefire holds" read as an aside (parataxis) whose subject carries the subordinator is the
    # condition, read off the words when it comes long after the issue
    ("Egypt will not fund reconstruction projects, housing schemes, roads or power lines in Gaza until the ceasefire holds.",
     {("Egypt", "reconstruction", "conditional", "ceasefire"), ("Egypt", "ceasefire", "support")}),
    # the armed and governing capabilities of Hamas name its arms and its rule
    ("Israel wants to destroy Hamas's military and governing capabilities.",
     {("Israel", "disarmament", "support"), ("Israel", "governance", "support")}),
    ("Israel said it will not withdraw until the military and political capabilities of Hamas are destroyed.",
     {("Israel", "disarmament", "support"), ("Israel", "withdrawal", "conditional", "disarmament")}),
    # aggression and bombing taken up again are the opposite of the truce
    ("Jordan denounced the renewed bombing of the Strip.", {("Jordan", "ceasefire", "support")}),
    # handing Gaza, its civil affairs or control of it to someone is who governs it
    ("Hamas said it is prepared to hand Gaza to a Palestinian body.", {("Hamas", "governance", "support")}),
    ("Hamas is ready to hand over the enclave's civil affairs to an independent body.", {("Hamas", "governance", "support")}),
    ("Hamas officials said they could return control of the enclave to the Palestinian Authority.",
     {("Hamas", "governance", "support")}),
    ("Israel will hand the bodies over to the Red Cross.", set()),
    # land taken for good is the opposite of withdrawal; a threat to take it waits for what it demands
    ("Katz warned that Israel would seize more territory unless Hamas frees the captives.",
     {("Israel", "hostage_prisoner_exchange", "support"), ("Israel", "withdrawal", "conditional", "hostage_prisoner_exchange")}),
    ("Israel vowed to annex parts of the Gaza Strip if the hostages are not freed.",
     {("Israel", "hostage_prisoner_exchange", "support"), ("Israel", "withdrawal", "conditional", "hostage_prisoner_exchange")}),
    # a state's troop involvement in Gaza is its part in the force; its involvement in the talks is not
    ("Israel rejects any Turkish troop involvement in Gaza.", {("Israel", "stabilization_force", "oppose")}),
    ("Turkish involvement in the talks was welcomed by Hamas.", set()),
    # "his proposal" is the plan its owner was said to put forward
    ("Trump unveiled a 20-point plan for Gaza on Monday. Egypt and Qatar welcomed his proposal.",
     {("US", "peace_plan", "support"), ("Egypt", "peace_plan", "support"), ("Qatar", "peace_plan", "support")}),
    # mediation from a list of states is theirs
    ("The ceasefire was reached with mediation from Turkey, Egypt and Qatar.",
     {("Turkey", "ceasefire", "support"), ("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    ("Mediators from Egypt and Qatar said the ceasefire would hold.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    # a subject the parse made the root because an aside between commas follows it
    ("Qatar, alongside the United States and Egypt, secured the truce.",
     {("Qatar", "ceasefire", "support"), ("US", "ceasefire", "support"), ("Egypt", "ceasefire", "support")}),
    # what a verb of needing asks for is the condition of the infinitive it is needed for
    ("Pakistan would require a Security Council mandate to send troops to the force.",
     {("Pakistan", "peace_plan", "support"), ("Pakistan", "stabilization_force", "conditional", "peace_plan")}),
    # "there must be A before B" demands A first, as "insists on A before B" does
    ("Pakistan said there must be a Security Council mandate before it sends troops.",
     {("Pakistan", "peace_plan", "support"), ("Pakistan", "stabilization_force", "conditional", "peace_plan")}),
    # who a predicate noun is "for" judges it, fronted or not
    ("For Egypt, the reconstruction of Gaza is a priority.", {("Egypt", "reconstruction", "support")}),
    # a will that is missing negates what it is a will to; a missing thing is no refusal of it
    ("Hamas showed a lack of desire to reach a ceasefire.", {("Hamas", "ceasefire", "oppose")}),
    ("Hamas complained about the lack of aid in Gaza.", set()),
    # an aside after a comma or dash sums up the clause before it for the one it names to take a side on
    ("Hamas has not said whether it will agree to disarm, something it has previously rejected.",
     {("Hamas", "disarmament", "oppose")}),
    ("The plan calls for a stabilization force, something Egypt has not accepted.", {("Egypt", "stabilization_force", "oppose")}),
    ("Hamas released the hostages, a step that the United States praised.",
     {("Hamas", "hostage_prisoner_exchange", "support"), ("US", "hostage_prisoner_exchange", "support")}),
    ("The UAE wants a reformed Palestinian Authority to govern Gaza - something that Israel has publicly opposed.",
     {("UAE", "governance", "support"), ("Israel", "governance", "oppose")}),
    ("Israel agreed to open the Rafah crossing for aid, a move welcomed by Egypt.",
     {("Israel", "humanitarian_aid", "support"), ("Egypt", "humanitarian_aid", "support")}),
    ("Egypt called for the crossing to open for aid, something UN agencies and other humanitarian groups have long "
     "called for.", {("Egypt", "humanitarian_aid", "support"), ("UN", "humanitarian_aid", "support")}),
    # an aside that is someone's demand or proposal: theirs
    ("The plan requires Hamas to disarm, a key demand of Israel and the United States.",
     {("Israel", "disarmament", "support"), ("US", "disarmament", "support")}),
    ("The plan requires Hamas to disarm, a long-standing Israeli demand.", {("Israel", "disarmament", "support")}),
    ("Israel demanded that Hamas disarm, a condition the group has rejected.",
     {("Israel", "disarmament", "support"), ("Hamas", "disarmament", "oppose")}),
    # an aside naming no one takes no side
    ("Israel agreed to open the Rafah crossing for aid, a move that came after weeks of talks.",
     {("Israel", "humanitarian_aid", "support")}),
    # the party whose leaving power is governance ruling, negated: governance without it
    ("The Palestinian Authority said Hamas will no longer govern the Strip.", {("PalestinianAuthority", "governance", "support")}),
    ("“Hamas will no longer rule Gaza and must hand over its weapons,” Abbas wrote in the letter.",
     {("PalestinianAuthority", "governance", "support"), ("PalestinianAuthority", "disarmament", "support")}),
    # keeping the deal, or not, is the condition: the deal's terms
    ("Katz threatened to resume the war if Hamas did not abide by the agreement.",
     {("Israel", "ceasefire", "conditional", "peace_plan")}),
    ("Israel will return to fighting unless Hamas honours the agreement.", {("Israel", "ceasefire", "conditional", "peace_plan")}),
    # a list between dashes after a group subject names its members
    ("Four countries — Egypt, Jordan, Qatar and Turkey — backed the reconstruction plan.",
     {("Egypt", "reconstruction", "support"), ("Jordan", "reconstruction", "support"), ("Qatar", "reconstruction", "support"),
      ("Turkey", "reconstruction", "support")}),
    # ... also when the group's own words name another group, or after a name coordinated with it
    ("The participating countries — Egypt, Qatar and Jordan — welcomed the reconstruction plan.",
     {("Egypt", "reconstruction", "support"), ("Qatar", "reconstruction", "support"), ("Jordan", "reconstruction", "support")}),
    ("The United States and four nations involved in the talks — Egypt, Qatar, Turkey and Jordan — backed the Security "
     "Council resolution.", {("US", "peace_plan", "support"), ("Egypt", "peace_plan", "support"), ("Qatar", "peace_plan", "support"),
                             ("Turkey", "peace_plan", "support"), ("Jordan", "peace_plan", "support")}),
    # what a comma's relative clause says a plan contains is a description: who welcomes the plan backs the
    # plan, its sponsor the terms; a restrictive clause picks the plan by its terms, which the welcomer backs
    ("Jordan welcomed the plan, which includes a stabilization force and the rebuilding of Gaza.", {("Jordan", "peace_plan", "support")}),
    ("The Egyptian proposal, which calls for a transitional administration, has been backed by Jordan and Qatar.",
     {("Egypt", "governance", "support")}),
    ("Jordan welcomed the plan that calls for a stabilization force.",
     {("Jordan", "peace_plan", "support"), ("Jordan", "stabilization_force", "support")}),
    # wording: disbanding an armed wing and dismantling Hamas are its disarmament; who governs Gaza, in the passive
    ("Hamas has refused to disband its armed wing.", {("Hamas", "disarmament", "oppose")}),
    ("Israel called for the dismantling of Hamas.", {("Israel", "disarmament", "support")}),
    ("Egypt said the Strip should be run by Palestinians.", {("Egypt", "governance", "support")}),
    # "we" is who a statement says "we" are, for the rest of what its speaker says
    ("The Egyptian foreign minister posted the statement on Sunday. “We, the foreign ministers of Egypt, Jordan and "
     "Qatar, met in Cairo to review the ceasefire. We reaffirm our support for the reconstruction of Gaza.”",
     {("Egypt", "reconstruction", "support"), ("Jordan", "reconstruction", "support"), ("Qatar", "reconstruction", "support")}),
    # one kind of force set against another states its terms, which the backing depends on; one kind alone does not
    ("Pakistan said the international force should do peace monitoring, not peace enforcement.",
     {("Pakistan", "stabilization_force", "conditional", "peace_plan")}),
    ("Pakistan supports the deployment of a peacekeeping force.", {("Pakistan", "stabilization_force", "support")}),
    # backing the force while saying what mandate it must have backs it on those terms; a sponsor's terms are its own
    ("Jordan backs the stabilization force, but it has to have a Security Council mandate.",
     {("Jordan", "peace_plan", "support"), ("Jordan", "stabilization_force", "conditional", "peace_plan")}),
    ("Under the US plan, the force would have a Security Council mandate.",
     {("US", "peace_plan", "support"), ("US", "stabilization_force", "support")}),
    # what a holder calls a condition for an issue comes first, whatever the parse made of the phrase; making
    # "the conditions for" something is no requirement
    ("Netanyahu considers the return of every hostage one of the main conditions for ending the war.",
     {("Israel", "hostage_prisoner_exchange", "support"), ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")}),
    ("Jordan said the Israeli withdrawal was one of two conditions for any reconstruction effort.",
     {("Jordan", "withdrawal", "support"), ("Jordan", "reconstruction", "conditional", "withdrawal")}),
    ("The US will create the conditions for the next phase of reconstruction, Witkoff said.", {("US", "peace_plan", "support")}),
    # a list of examples a few words after a passive's agent names it
    ("The plan has been backed by major players in the region — including Egypt, Jordan and Qatar.",
     {("Egypt", "peace_plan", "support"), ("Jordan", "peace_plan", "support"), ("Qatar", "peace_plan", "support")}),
    # a halt over the other side's breach or refusal of a deal: the halted part waits for the deal, which is wanted
    ("Hamas announced it was halting the hostage handovers until further notice, citing Israeli breaches of the truce.",
     {("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire"), ("Hamas", "ceasefire", "support")}),
    ("Officials said Israel was halting the entry of aid into Gaza due to ceasefire violations.",
     {("Israel", "humanitarian_aid", "conditional", "ceasefire"), ("Israel", "ceasefire", "support")}),
    ("Hamas postponed the planned release of captives over what it called Israeli violations of the ceasefire.",
     {("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire"), ("Hamas", "ceasefire", "support")}),
    ("Israel has suspended all aid deliveries into Gaza, citing the refusal of Hamas to agree to a ceasefire extension.",
     {("Israel", "humanitarian_aid", "conditional", "ceasefire"), ("Israel", "ceasefire", "support"), ("Hamas", "ceasefire", "oppose")}),
    # ... while a halt for a purpose or with no reason rejects what it halts
    ("Israel halted aid deliveries to Gaza on Sunday.", {("Israel", "humanitarian_aid", "oppose")}),
    # rounds of an act are the act: suspending them halts it
    ("Hamas said it would suspend the planned rounds of hostage releases.", {("Hamas", "hostage_prisoner_exchange", "oppose")}),
    # a refusal "without" something waits for it (what a refusing verb refuses without it, it wants); an act
    # done without something does not
    ("Hamas has refused to free more hostages without a permanent ceasefire.",
     {("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire"), ("Hamas", "ceasefire", "support")}),
    ("Israel will not withdraw from Gaza without the return of all the hostages.",
     {("Israel", "withdrawal", "conditional", "hostage_prisoner_exchange")}),
    ("Israel agreed to the truce without a full withdrawal.", {("Israel", "ceasefire", "support"), ("Israel", "withdrawal", "oppose")}),
    # a relative clause reporting its subject's stance on the noun, with the conditions of what is reported
    ("Hamas wants a permanent ceasefire, which Israel says it will only agree to if Hamas disarms.",
     {("Hamas", "ceasefire", "support"), ("Israel", "ceasefire", "conditional", "disarmament")}),
    # a group noun points back to the group a sentence was about before one it only named on the way
    ("In a joint statement on Monday, Egypt and Qatar reiterated their support for the reconstruction plan, despite calls "
     "by the United States and Israel to move Gazans out. The two countries also called for the delivery of urgent "
     "humanitarian aid.", {("Egypt", "reconstruction", "support"), ("Qatar", "reconstruction", "support"),
                           ("Egypt", "humanitarian_aid", "support"), ("Qatar", "humanitarian_aid", "support")}),
    # appealing for something backs it; a hostage freed by name is the exchange (a place after the verb is not)
    ("Abbas appealed to world leaders to pressure Israel to end its military operations and withdraw its forces.",
     {("PalestinianAuthority", "ceasefire", "support"), ("PalestinianAuthority", "withdrawal", "support")}),
    ("Hamas said it would release Dana Cohen, a soldier held in Gaza.", {("Hamas", "hostage_prisoner_exchange", "support")}),
    ("Israel demanded that Hamas free Gaza City residents.", set()),
    # fighting taken up again with the force it is taken up with
    ("Netanyahu said Israel would resume intense fighting in Gaza if Hamas failed to free the hostages.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}),
    # a perfect's participle read as a modifier of its object is the verb again
    ("Israel has opposed Turkish participation, officials said.", {("Israel", "stabilization_force", "oppose")}),
    # who says it will pick the members of the force takes it on those terms, when no walk reaches the force too
    ("Israel will decide which foreign contingents can join the stabilization force, Netanyahu told his cabinet.",
     {("Israel", "stabilization_force", "conditional", "peace_plan")}),
    ("Netanyahu said Israel will control which international forces operate in the Strip.",
     {("Israel", "stabilization_force", "conditional", "peace_plan")}),
    # actors outside the scored list hold their own stances, which are not another actor's
    ("Britain and France welcomed the ceasefire.", {("UK", "ceasefire", "support"), ("France", "ceasefire", "support")}),
    ("Egypt and Qatar brokered the truce. Keir Starmer said he would support the reconstruction of Gaza.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support"), ("UK", "reconstruction", "support")}),
    # a state by its official name
    ("The State of Qatar welcomed the ceasefire agreement.", {("Qatar", "ceasefire", "support")}),
    ("The State of Palestine welcomed the ceasefire agreement.", {("PalestinianAuthority", "ceasefire", "support")}),
    # a place that opens the text as a dateline is where the story was filed, not a speaker
    ("Doha: Senior Hamas official Ahmad Karim has said that the group cannot yet commit to disarming.",
     {("Hamas", "disarmament", "oppose")}),
    ('Netanyahu: "We will not allow reconstruction before Hamas disarms."',
     {("Israel", "disarmament", "support"), ("Israel", "reconstruction", "conditional", "disarmament")}),
    # what the force has to be made of is its terms, "have to" as much as "must"
    ("Rubio said the international force would have to be made up of countries that Israel is comfortable with.",
     {("US", "stabilization_force", "conditional", "peace_plan")}),
    # a condition on the force that names no issue sets its terms
    ("Egypt will only participate in an international stabilization force for Gaza if it is led by the United States.",
     {("Egypt", "stabilization_force", "conditional", "peace_plan")}),
    # "I" in a statement is who the line introducing it names as its author
    ("The following statement by the UN Secretary-General was issued today:\n\nI welcome the agreement to secure a truce "
     "and the release of the hostages in Gaza.",
     {("UN", "ceasefire", "support"), ("UN", "hostage_prisoner_exchange", "support")}),
])
def test_holders_and_conditions_in_news_wording(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_a_verb_led_inverse_phrase_matches_in_every_form(dictionary):
    from kg.extract.mentions import verb_variants

    verbs = frozenset({"resume", "remain", "renew"})
    assert verb_variants("resume its offensive", verbs)[:3] == ["resume its offensive", "resume their offensive",
                                                               "resume the offensive"]
    assert {"resumes the offensive", "resumed their offensive", "resuming its offensive"} <= set(
        verb_variants("resume its offensive", verbs))
    # a listed past tense gives the base and the other forms too
    assert {"remain in power", "remaining in power"} <= set(verb_variants("remains in power", verbs))
    assert {"renew bombing", "renewing bombing"} <= set(verb_variants("renewed bombing", verbs))
    # a phrase led by no listed verb, or of one word, is matched as written
    assert verb_variants("ceasefire deal", verbs) == ["ceasefire deal"]
    assert verb_variants("resume", verbs) == ["resume"]
    # the lexicon lists "resumed airstrikes" and "resume its bombardment"
    assert found("Israel resumes airstrikes over Gaza.", dictionary) == {("Israel", "ceasefire", "oppose")}
    assert found("Israel resumed its bombardment of Gaza after a two-month truce.", dictionary) == {
        ("Israel", "ceasefire", "oppose")}
    assert found("The Israeli army resumed shelling overnight.", dictionary) == {("Israel", "ceasefire", "oppose")}


def test_a_word_the_parser_misreads_is_parsed_through_a_stand_in(rules):
    from kg.extract.parse import parse_sentences

    text = "The US vetoed the resolution."
    plain, = parse_sentences([text])
    assert plain[2].tag_ == "NN"  # the treebank has no "vetoed": the sentence loses its verb
    doc, = parse_sentences([text], stand_ins=rules.stand_ins)
    assert [t.text for t in doc] == [t.text for t in plain] and doc.text == text  # its own words and offsets
    assert (doc[2].tag_, doc[2].dep_, doc[1].dep_, doc[4].dep_) == ("VBD", "ROOT", "nsubj", "obj")
    assert rules.stand_ins["vetoed"] == "rejected"
    # a capital stays a capital, and a sentence without such a word is parsed as it is
    first, other = parse_sentences(["Vetoed by the US, the draft failed.", "Egypt backed the truce."],
                                   stand_ins=rules.stand_ins)
    assert first[0].text == "Vetoed" and first[0].tag_.startswith("VB")
    assert [t.dep_ for t in other] == [t.dep_ for t in parse_sentences(["Egypt backed the truce."])[0]]


@pytest.mark.parametrize("text, reading", [
    # texts written for this test: a crossing after a place's name or "border" is a place, elsewhere a verb
    ("Aid trucks waited at the Kerem Shalom crossing for hours.", ("NN", "obl")),
    ("Aid trucks waited at the border crossing for hours.", ("NN", "obl")),
    ("Gunmen were seen crossing the yellow line.", ("VBG", "xcomp")),
])
def test_a_stand_in_can_hang_on_the_word_before(text, reading, rules):
    from kg.extract.parse import parse_sentences

    doc, = parse_sentences([text], stand_ins=rules.stand_ins)
    crossing, = [t for t in doc if t.lower_ == "crossing"]
    assert (crossing.tag_, crossing.dep_) == reading and doc.text == text


def test_a_veto_of_a_ceasefire_resolution_opposes_the_ceasefire(dictionary):
    text = ("The United States on Wednesday vetoed a Security Council resolution that called for an immediate "
            "ceasefire in Gaza.")
    stances = found(text, dictionary)
    assert ("US", "ceasefire", "oppose") in stances and ("US", "ceasefire", "support") not in stances


def test_a_refusal_until_the_war_has_ended_is_conditional_on_the_ceasefire(dictionary):
    assert ("SaudiArabia", "reconstruction", "conditional", "ceasefire") in found(
        "Saudi Arabia will not fund reconstruction until the war has ended.", dictionary)
    assert ("UAE", "reconstruction", "conditional", "ceasefire") in found(
        "The UAE has refused to commit to Gaza's reconstruction until Israel confirms the war has ended.", dictionary)


def test_a_warning_that_the_war_could_resume_is_a_truce_conditional_on_the_demand(dictionary):
    assert ("US", "ceasefire", "conditional", "hostage_prisoner_exchange") in found(
        "Trump warned that the war could resume if Hamas fails to deliver every hostage soon.", dictionary)
    assert ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange") in found(
        "The gates of hell will open in Gaza if the hostages are not released, Katz said.", dictionary)


def test_a_demand_made_for_an_issue_to_happen_is_its_condition(dictionary):
    # "for the war to end": the parser reads a "for" phrase and a noun; repaired, it is the demand's purpose
    assert ("Israel", "ceasefire", "conditional", "disarmament") in found(
        "Israel said Hamas must disarm for the war to end.", dictionary)
    stances = found("Israel has repeatedly said Hamas must disarm and return all the remaining hostages for the war to end.",
                    dictionary)
    assert {("Israel", "ceasefire", "conditional", "disarmament"),
            ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")} <= stances
    assert ("Israel", "ceasefire", "support") not in stances
    # without a demand there is no condition
    assert found("Qatar called for the ceasefire to hold.", dictionary) == {("Qatar", "ceasefire", "support")}


def test_a_for_to_clause_read_as_two_phrases_is_one_clause_again():
    from kg.extract.parse import parse_sentences
    from kg.extract.repairs import restore_for_to_clauses

    doc, = parse_sentences(["Hamas must disarm for the war to end."])
    restore_for_to_clauses(doc)
    war, end = doc[5], doc[7]
    assert (end.tag_, end.dep_, end.head.text) == ("VB", "advcl", "disarm")
    assert (war.dep_, war.head.i) == ("nsubj", end.i) and (doc[3].dep_, doc[3].head.i) == ("mark", end.i)


def test_what_would_fail_without_something_waits_for_it(dictionary):
    assert ("US", "ceasefire", "conditional", "disarmament") in found(
        "Rubio warned that the ceasefire would collapse without the disarmament of Hamas.", dictionary)
    assert found("The truce will fail without a full withdrawal, Hamas said.", dictionary) == {
        ("Hamas", "ceasefire", "conditional", "withdrawal")}
    # what the process cannot do without, the one who warns wants
    assert found("Rubio warned that the process would unravel without disarming Hamas.", dictionary) == {
        ("US", "disarmament", "support")}


def test_a_framework_in_a_condition_is_the_plan(dictionary):
    assert found("Guterres said rebuilding cannot start without a political and security framework.", dictionary) == {
        ("UN", "reconstruction", "conditional", "peace_plan")}


def test_the_only_way_to_an_issue_is_its_condition(dictionary):
    stances = found("Stopping the war is the only way to secure the release of hostages, Egypt said.", dictionary)
    assert ("Egypt", "hostage_prisoner_exchange", "conditional", "ceasefire") in stances
    assert ("Egypt", "hostage_prisoner_exchange", "support") not in stances
    # one way among others is no condition
    assert found("Dialogue is one way to secure the release of hostages, Egypt said.", dictionary) == {
        ("Egypt", "hostage_prisoner_exchange", "support")}


def test_what_a_demand_is_made_to_enable_waits_for_it(dictionary):
    assert ("UN", "reconstruction", "conditional", "ceasefire") in found(
        "The ceasefire must be consolidated to enable recovery and reconstruction in Gaza, Guterres said.", dictionary)
    assert ("Israel", "reconstruction", "conditional", "disarmament") in found(
        "Hamas must be disarmed to allow reconstruction to begin, Netanyahu said.", dictionary)
    # text written for this test: made "to ensure" it
    assert ("US", "ceasefire", "conditional", "disarmament") in found(
        "Rubio said the group must be disarmed to ensure that the truce holds.", dictionary)
    # what is done, not demanded, sets no condition
    assert found("Egypt opened the crossing to allow aid into Gaza.", dictionary) == {("Egypt", "humanitarian_aid", "support")}


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: what an actor decided to do, it backs
    ("Israel decided to withdraw its troops from the Gaza Strip.", ("Israel", "withdrawal", "support")),
    ("The Israeli cabinet decided to halt aid deliveries to Gaza.", ("Israel", "humanitarian_aid", "oppose")),
    ("Israel has decided to take military control of the whole Gaza Strip.", ("Israel", "withdrawal", "oppose")),
    ("Israel chose to halt aid deliveries.", ("Israel", "humanitarian_aid", "oppose")),
    # ... or has begun doing
    ("Egypt has begun training Palestinian police officers to deploy in Gaza.", ("Egypt", "governance", "support")),
])
def test_what_an_actor_decided_to_do_it_backs(text, stance, dictionary):
    assert stance in found(text, dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: an effort's owner does what the effort is for, whoever judges the effort
    ("Kenya praised Trump's efforts to stop the war.", ("US", "ceasefire", "support")),
    ("Turkey praised Qatar's role in brokering the ceasefire.", ("Qatar", "ceasefire", "support")),
    # guards: the judge of the effort keeps its stance, and an owner already read stays
    ("Turkey praised Qatar's role in brokering the ceasefire.", ("Turkey", "ceasefire", "support")),
    ("Hamas rejected Israel's attempts to expand the war.", ("Israel", "ceasefire", "oppose")),
])
def test_the_owner_of_an_effort_does_what_it_is_for(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_has_to_is_a_demand_of_the_speaker(dictionary):
    assert found('"Hamas has to immediately release all hostages and captives," Abbas added.', dictionary) == {
        ("PalestinianAuthority", "hostage_prisoner_exchange", "support")}
    assert found("Israel has to withdraw from Gaza, Qatar said.", dictionary) == {("Qatar", "withdrawal", "support")}
    # a perfect is no demand: the subject did it
    assert found("Israel has withdrawn from Gaza, Qatar said.", dictionary) == {("Israel", "withdrawal", "support")}


def test_his_country_is_the_country_of_the_person_named_before_it(dictionary):
    text = "Sisi met Trump at the White House on Monday. Sisi said his country will host a conference to rebuild Gaza."
    assert found(text, dictionary) == {("Egypt", "reconstruction", "support")}
    text = ("Sisi met Trump at the White House on Monday. "
            "The Egyptian President also announced that his country will host a conference to rebuild Gaza.")
    assert found(text, dictionary) == {("Egypt", "reconstruction", "support")}


def test_a_title_and_the_name_after_it_are_one_item_of_no_list(dictionary):
    text = ("Speaking at a joint press conference with Israeli Prime Minister Benjamin Netanyahu, Trump outlined "
            "the main points of his plan, including the disarmament of Hamas.")
    assert found(text, dictionary) == {("US", "peace_plan", "support"), ("US", "disarmament", "support")}
    # three states with commas alone are still a list
    assert found("Egypt, Qatar, Turkey welcomed the ceasefire.", dictionary) == {
        (actor, "ceasefire", "support") for actor in ("Egypt", "Qatar", "Turkey")}


def test_a_repair_that_closes_a_loop_in_the_tree_is_undone(monkeypatch):
    from kg.extract import repairs
    from kg.extract.parse import parse_sentences

    text = "Qatar will deploy troops alongside Indonesia."
    plain, = parse_sentences([text])
    heads = [t.head.i for t in plain]

    def looping(doc):  # a repair gone wrong: two words each other's head
        doc[0].head = doc[3]
        doc[3].head = doc[0]

    monkeypatch.setattr(repairs, "restore_prepositions", looping)
    doc, = parse_sentences([text])
    repairs.repair_parse(doc)
    assert not repairs._has_loop(doc)
    assert [t.head.i for t in doc] == heads  # this sentence's other repairs change nothing
    looping(doc)
    assert repairs._has_loop(doc)


def test_the_extraction_benchmark_runs_and_parses_what_the_extractor_parses():
    # a benchmark prints numbers and asserts none: this only keeps it runnable as the library changes
    result = subprocess.run([sys.executable, str(REPO / "bench" / "extract.py"), "--folder", str(REPO / "sources"),
                             "--repeat", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "articles/s" in result.stdout and "parser alone, same sentences" in result.stdout
    parts = next(line for line in result.stdout.splitlines() if line.startswith("parser alone, by part"))
    assert [part.split()[0] for part in parts.split(": ", 1)[1].split(", ")] == ["tokens", "tok2vec", "tagger", "parser"]


def test_a_vetoed_resolution_says_what_the_veto_rejects_whoever_wrote_it(dictionary):
    # dated before the 20-point plan, "Security Council resolution" names no plan: the resolution is the
    # council's, and what it demands is the object of the veto, not the council's stance alone
    text = ("The United States vetoed a U.N. Security Council resolution Thursday that demanded an immediate "
            "and permanent ceasefire in Gaza.")
    stances = {(s.holder, s.issue, s.polarity.value)
               for s in extract_stances(Article("t", text, published=date(2025, 6, 5)), dictionary,
                                        rules=rules_only(None))}
    assert ("US", "ceasefire", "oppose") in stances and ("UN", "ceasefire", "support") not in stances
    # the draft's author still holds what a draft it presents says
    assert found("Russia presented a draft that rejects the force.", dictionary) == {
        ("Russia", "stabilization_force", "oppose")}


def test_issue_phrases_led_by_a_verb_match_in_every_form(dictionary):
    # the issue file lists "hand over weapons"; news writes every tense
    assert found("Hamas said it handed over the weapons.", dictionary) == {("Hamas", "disarmament", "support")}
    assert found("Hamas is not willing to lay down its weaponry, its leaders said.", dictionary) == {
        ("Hamas", "disarmament", "oppose")}


def test_a_past_tense_read_as_the_modifier_of_its_object_is_the_verb_again(dictionary):
    from kg.extract.parse import parse_sentences
    from kg.extract.repairs import restore_verbs_read_as_modifiers

    doc, = parse_sentences(["Hamas previously rejected demands to lay down weapons."])
    restore_verbs_read_as_modifiers(doc)
    assert (doc[2].dep_, doc[2].tag_, doc[0].head.i, doc[3].dep_, doc[3].head.i) == ("ROOT", "VBD", 2, "obj", 2)
    text = "Hamas previously rejected demands to lay down weapons, but now appears willing to negotiate on prisoner swaps."
    assert found(text, dictionary) == {("Hamas", "disarmament", "oppose"), ("Hamas", "hostage_prisoner_exchange", "support")}


@pytest.mark.parametrize("text, phrase, issue", [
    ('The president said the US would "take over" the Gaza Strip.', 'take over" the Gaza Strip', "governance"),
    ("The Authority is ready to assume “full responsibility” in Gaza.", "assume “full responsibility” in Gaza", "governance"),
])
def test_a_phrase_quoted_in_part_still_names_its_issue(text, phrase, issue, dictionary):
    from kg.extract import get_scanner, load_lexicon
    from kg.extract.extractor import article_mentions

    named = {(text[m.start:m.end], m.value) for m in article_mentions(get_scanner(dictionary, load_lexicon()), text)
             if m.kind == "issue"}
    assert (phrase, issue) in named


def test_a_stance_on_a_phrase_quoted_in_part(dictionary):
    text = 'The US would "take over" the Gaza Strip, Washington said.'
    assert ("US", "governance", "support") in found(text, dictionary)


@pytest.mark.parametrize("text, body", [
    ("Washington DC: Eight countries backed the plan.", "Eight countries backed the plan."),
    ("Jerusalem: Hamas said it would not disarm.", "Hamas said it would not disarm."),
    ("CAIRO: Talks resumed.", "Talks resumed."),
    # ... or a place and a date, with or without an agency's credit
    ("Amman, May 4 Israel demands that Hamas disarm.", "Israel demands that Hamas disarm."),
    ("Tel Aviv, Oct. 19 (ANI): Netanyahu spoke.", "Netanyahu spoke."),
    # the country in brackets after the place, a space before the colon
    ("Doha [Qatar], May 2 : The mediators met.", "The mediators met."),
    ("Ramallah [Palestine], October 2 : The Authority urged the factions to give up their arms.",
     "The Authority urged the factions to give up their arms."),
    # a speaker's line is no dateline, nor is a place named in the sentence
    ('Netanyahu: "We will not stop."', 'Netanyahu: "We will not stop."'),
    ("Cairo, the Egyptian capital, hosted the talks.", "Cairo, the Egyptian capital, hosted the talks."),
])
def test_a_place_opening_a_text_with_a_colon_or_a_date_is_its_dateline(text, body):
    from kg.extract.extractor import _without_dateline
    from kg.text import Sentence

    kept = _without_dateline(text, Sentence(0, len(text)))
    assert text[kept.start:kept.end] == body


def test_ending_the_gaza_conflict_is_the_truce(dictionary):
    assert ("Egypt", "ceasefire", "support") in found("Egypt urged both sides to end the Gaza conflict.", dictionary)


@pytest.mark.parametrize("text, expected", [
    # a past tense the parser hung on the noun heading the sentence ("ministers/ROOT ... issued/acl")
    ("Foreign ministers from four countries—Saudi Arabia, Jordan, Qatar, and Egypt—issued a joint statement on "
     "Monday welcoming the peace plan.", {(a, "peace_plan", "support") for a in ("SaudiArabia", "Jordan", "Qatar", "Egypt")}),
    # the subject the parse joined to a fronted phrase, and a participle that judges another's stance
    ("In a hopeful turn for the talks, foreign ministers from four countries—Saudi Arabia, Jordan, Qatar, and "
     "Egypt—issued a joint statement Monday, hailing the efforts of President Donald Trump to end the war in Gaza.",
     {(a, "ceasefire", "support") for a in ("SaudiArabia", "Jordan", "Qatar", "Egypt", "US")}),
    # the members a clause on a group noun lists
    ("The committee, comprising Egypt, Qatar and Jordan, called for a ceasefire.",
     {(a, "ceasefire", "support") for a in ("Egypt", "Qatar", "Jordan")}),
    ("The committee — comprising Egypt, Qatar and Jordan — called for a ceasefire.",
     {(a, "ceasefire", "support") for a in ("Egypt", "Qatar", "Jordan")}),
    ("The committee, which includes Egypt, Qatar and Jordan, called for a ceasefire.",
     {(a, "ceasefire", "support") for a in ("Egypt", "Qatar", "Jordan")}),
])
def test_groups_whose_members_the_sentence_lists_hold_its_stance(text, expected, dictionary):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text,expected", [
    # texts written for this test: what a plan "would see" is what it brings about, backed or refused with it
    ("Israel's cabinet will not back a plan that would see the administration of Gaza handed to the Palestinian "
     "Authority.", ("Israel", "governance", "oppose")),
    ("Egypt backs a plan that would see Israel withdraw from Gaza.", ("Egypt", "withdrawal", "support")),
    # "few" subjects: hardly any (and "a few" are some)
    ("Few nations have shown any willingness to commit soldiers.", ("ISFPartners", "stabilization_force", "oppose")),
    ("A few nations have shown some willingness to commit soldiers.", ("ISFPartners", "stabilization_force", "support")),
    # the speaker's own people, in its words
    ("Hamas said the draft creates a trusteeship over the Strip, which our movement and our allies reject.",
     ("Hamas", "governance", "oppose")),
])
def test_what_a_plan_would_see_and_what_few_show(text, expected, dictionary):
    assert {s[:3] for s in found(text, dictionary)} == {expected}


def test_european_states_together_are_not_the_eu(dictionary):
    # texts written for this test: "European" leaders or countries are several governments, the EU is one body
    assert found("European leaders welcomed the ceasefire.", dictionary) == set()
    assert found("Several European countries backed the force.", dictionary) == set()
    assert found("EU leaders welcomed the ceasefire.", dictionary) == {("EU", "ceasefire", "support")}
    assert found("The European side welcomed the ceasefire.", dictionary) == {("EU", "ceasefire", "support")}


@pytest.mark.parametrize("text", [
    # texts written for this test: people out of office speak for no state
    "Former Israeli defense minister Yoav Gallant backed the hostage deal.",
    "Former Israeli prime minister Naftali Bennett opposed the ceasefire.",
    "Israel's former defense minister backed the hostage deal.",
])
def test_a_former_office_holder_speaks_for_no_state(text, dictionary):
    assert found(text, dictionary) == set()


def test_the_members_of_a_body_are_the_states_listed_with_it(dictionary):
    # texts written for this test: the members named after the stances, then before them
    later = ("An Arab ministerial committee on Gaza met in Cairo on Sunday. The members of the committee rejected the "
             "renewed hostilities in Gaza. They also backed the Arab plan for reconstruction. The meeting brought "
             "together the foreign ministers of Egypt, Qatar, Jordan and Turkey.")
    states = ("Egypt", "Qatar", "Jordan", "Turkey")
    assert found(later, dictionary) == {(a, i, "support") for a in states for i in ("ceasefire", "reconstruction")}
    before = ("The foreign ministers of Egypt, Qatar, Jordan and Turkey met in Cairo as a committee on Gaza. "
              "The members of the committee backed the Arab plan for reconstruction.")
    assert found(before, dictionary) == {(a, "reconstruction", "support") for a in states}
    # the council's members are no list the text gave
    assert found("Egypt, Qatar, Jordan and Turkey met in Cairo. The members of the council backed the Arab plan "
                 "for reconstruction.", dictionary) == set()


def test_who_faces_a_threatened_war_does_not_want_it(dictionary, rules):
    # text written for this test: the threatener's truce waits on the demand
    text = "Katz said Hamas would face the gates of hell if it refuses to release the remaining hostages."
    stances = found(text, dictionary, rules)
    assert ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange") in stances
    assert not any(s[0] == "Hamas" for s in stances)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: a refusal for as long as a state of things lasts waits for its end
    ("The UAE refuses to fund reconstruction while Hamas remains in power.",
     ("UAE", "reconstruction", "conditional", "governance")),
    ("Israel refuses to end its military campaign as long as Hamas remains in control.",
     ("Israel", "ceasefire", "conditional", "governance")),
    ("The UAE is unwilling to fund reconstruction if Hamas retains authority in Gaza.",
     ("UAE", "reconstruction", "conditional", "governance")),
])
def test_a_refusal_while_a_state_lasts_is_conditional_on_its_end(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_what_went_on_while_a_refusal_held_is_no_condition(dictionary):
    # text written for this test: a past "while" clause tells what else happened
    stances = found("Israel blocked all aid to Gaza for weeks while it continued its military operations.", dictionary)
    assert ("Israel", "humanitarian_aid", "oppose") in stances
    assert not any(s[2] == "conditional" for s in stances)


def test_people_of_a_state_who_do_not_speak_for_it_hold_no_state_stance(dictionary):
    # texts written for this test: an opposition leader is no state's voice
    assert found("Lapid, Israeli opposition leader, proposed that Egypt take control of Gaza for 15 years.",
                 dictionary) == set()
    assert found("Israel's opposition leader rejected the ceasefire deal.", dictionary) == set()
    assert found("Israel's prime minister rejected the ceasefire deal.", dictionary) == {("Israel", "ceasefire", "oppose")}


def test_who_an_idea_names_as_acting_holds_no_stance(dictionary):
    # texts written for this test: the stance is the one taken on the idea
    assert found("Israel has opposed the idea of Turkish troops joining the international stabilization force.",
                 dictionary) == {("Israel", "stabilization_force", "oppose")}
    assert found("Indonesia welcomed the prospect of its troops joining the force.", dictionary) == {
        ("Indonesia", "stabilization_force", "support")}


def test_a_role_a_party_must_not_have_is_the_speakers_demand(dictionary):
    # texts written for this test: Hamas out of Gaza's government is governance, wanted by who says it
    assert found("The EU said Hamas can have no role in governing Gaza.", dictionary) == {("EU", "governance", "support")}
    assert found("Rubio said Hamas cannot have any role in governing Gaza.", dictionary) == {("US", "governance", "support")}
    # what a plan leaves a party is told, not demanded
    assert found("Under the plan, Hamas would have no role in governing Gaza, the report said.", dictionary) == set()


def test_control_over_gaza_names_its_government(dictionary):
    # text written for this test
    assert found("The Palestinian Authority said Hamas must end its control over Gaza.", dictionary) == {
        ("PalestinianAuthority", "governance", "support")}


def test_a_rejecting_phrase_keeps_its_own_negation(dictionary):
    # texts written for this test: the "not" of "not acceptable" is the phrase's, not a second turn
    assert found("Qatar's prime minister said disarmament is not acceptable.", dictionary) == {
        ("Qatar", "disarmament", "oppose")}
    # what is "not negotiable" is insisted on
    assert found("Netanyahu said the demilitarization of Gaza is not negotiable.", dictionary) == {
        ("Israel", "disarmament", "support")}


def test_a_parenthetical_report_leaves_the_predicate_its_subject(dictionary):
    # texts written for this test: "X, he said, V ..." is X V, said by him
    text = "Qatar's prime minister spoke on Monday. A ceasefire, he said, requires a full withdrawal of Israeli forces."
    assert ("Qatar", "ceasefire", "conditional", "withdrawal") in found(text, dictionary)
    assert found("Qatar's prime minister spoke on Monday. Disarmament, he said, is not acceptable.", dictionary) == {
        ("Qatar", "disarmament", "oppose")}


def test_a_plan_named_with_its_owner_is_backed_by_its_owner(dictionary):
    # texts written for this test: "Egypt's reconstruction plan" is Egypt's, whoever else takes it up
    assert found("The Arab League adopted Egypt's reconstruction plan.", dictionary) == {
        ("Egypt", "reconstruction", "support")}
    assert {("Egypt", "reconstruction", "support"), ("Hamas", "reconstruction", "support")} <= found(
        "Hamas welcomed Egypt's reconstruction plan.", dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: the parser reads "tied" as the modifier of the noun after it, and hangs
    # the "to" phrase on the object; the tie is the subject's all the same
    ("Israel tied reconstruction to the full disarmament of Hamas.",
     ("Israel", "reconstruction", "conditional", "disarmament")),
    ("Israel linked the reopening of the crossing to the return of the bodies.",
     ("Israel", "humanitarian_aid", "conditional", "hostage_prisoner_exchange")),
])
def test_what_a_tying_verb_ties_waits_for_what_it_is_tied_to(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_a_mandate_an_issue_is_still_to_be_given_is_its_condition(dictionary):
    # texts written for this test: a force "to be authorised by" a resolution waits for one
    assert ("Indonesia", "stabilization_force", "conditional", "peace_plan") in found(
        "Jakarta wants any multinational force to be approved by a Security Council resolution.", dictionary)
    assert ("Egypt", "stabilization_force", "conditional", "peace_plan") in found(
        "Egypt wants the force to be backed by a UN mandate.", dictionary)
    # one that was authorised has its mandate: no condition
    assert ("Egypt", "stabilization_force", "support") in found(
        "Egypt welcomed the force, which was authorized by a Security Council resolution.", dictionary)


@pytest.mark.parametrize("text", [
    # texts written for this test: the owner of what is condemned is judged, not the one who condemns
    "Jordan voiced sharp condemnation of Israel's decision to suspend aid shipments.",
    # the parser makes "Jordan" the root and the condemnation its apposition
    "Jordan expressed condemnation of Israel's decision to suspend aid shipments.",
    # and reads "to halt" as a preposition and a modifier of "aid deliveries"
    "Jordan voiced strong condemnation of Israel's decision to halt aid deliveries.",
])
def test_condemning_an_actors_decision_is_the_condemners_stance(text, dictionary):
    stances = found(text, dictionary)
    assert ("Jordan", "humanitarian_aid", "support") in stances
    assert ("Israel", "humanitarian_aid", "support") not in stances


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: the parser takes the "it" before "ready to" for an expletive; it is the
    # one who is ready
    ("A Hamas spokesman said it is ready to stop governing the Strip.", ("Hamas", "governance", "support")),
    ("Pakistan said it is willing to send troops to the stabilization force.", ("Pakistan", "stabilization_force", "support")),
    # Hamas no longer ruling Gaza is the governance the guideline reads, also where the verb of ruling
    # completes another verb
    ("Hamas said it did not intend to govern the territory by itself.", ("Hamas", "governance", "support")),
])
def test_it_before_an_adjective_of_readiness_is_the_one_who_is_ready(text, stance, dictionary):
    stances = found(text, dictionary)
    assert stance in stances
    assert (stance[0], stance[1], "oppose") not in stances


def test_an_expletive_it_stays_an_expletive(rules):
    from kg.extract.lemmatize import assign_lemmas
    from kg.extract.parse import parse_words
    from kg.extract.repairs import RepairLists, repair_parse

    # text written for this test: "it is necessary to" has no doer in "it"
    (doc, _), = parse_words(["Egypt said it is necessary to rebuild Gaza."], stand_ins=rules.stand_ins)
    assign_lemmas(doc, rules.irregular, rules.known_lemmas)
    repair_parse(doc, RepairLists(infinitive_nouns=rules.infinitive_nouns, control_adjectives=rules.control_adjectives))
    assert doc[2].lower_ == "it" and doc[2].dep_ != "nsubj"


def test_a_war_drawn_out_is_the_truce_refused(dictionary):
    # texts written for this test
    assert found("Netanyahu wants to prolong the war.", dictionary) == {("Israel", "ceasefire", "oppose")}
    assert ("Israel", "ceasefire", "oppose") in found("Israel is prolonging the war, Hamas said.", dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: what a thing is called judges it
    ("Israel called the Egyptian plan a non-starter.", ("Israel", "reconstruction", "oppose")),
    ("Egypt called the plan a good basis for talks.", ("Egypt", "peace_plan", "support")),
    # the name's own words judge: a recipe for calm backs the plan, one for disaster rejects it
    ("Egypt called the plan a recipe for lasting calm.", ("Egypt", "peace_plan", "support")),
    ("Israel called the Egyptian plan a recipe for disaster.", ("Israel", "reconstruction", "oppose")),
    ("Hamas called the draft a recipe for foreign guardianship that Palestinians reject.",
     ("Hamas", "governance", "oppose")),
    # a name that is the issue's opposite is not turned once more
    ("Hamas called the Board of Peace a form of foreign trusteeship.", ("Hamas", "governance", "oppose")),
    # the name the parser took for the object, and the thing named for its complement
    ("Smotrich called the prisoner exchange a terrible mistake.", ("Israel", "hostage_prisoner_exchange", "oppose")),
    # a name given with "as" that rejects
    ("Smotrich described the prisoner release as a grave mistake.", ("Israel", "hostage_prisoner_exchange", "oppose")),
    ("Ben-Gvir described the prisoner swap as an unbearable price for the deal.", ("Israel", "hostage_prisoner_exchange", "oppose")),
])
def test_a_thing_named_is_judged_by_its_name(text, stance, dictionary):
    stances = found(text, dictionary)
    assert stance in stances
    assert (stance[0], stance[1], "support" if stance[2] == "oppose" else "oppose") not in stances


def test_a_group_asked_about_is_no_holder(dictionary):
    # text written for this test: "which countries" names no one
    assert found("Nobody knows yet which nations are willing to join the stabilization force.", dictionary) == set()


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: a force qualified by a mandate it has yet to be given waits for it
    ("Jordan called for a UN-mandated stabilization force in Gaza.",
     ("Jordan", "stabilization_force", "conditional", "peace_plan")),
    ("Egypt backs a U.N.-mandated international force.", ("Egypt", "stabilization_force", "conditional", "peace_plan")),
    ("The Palestinian Authority is ready to welcome international forces deployed with a Security Council mandate.",
     ("PalestinianAuthority", "stabilization_force", "conditional", "peace_plan")),
    ("Jordan is willing to help an international force established by a Security Council resolution.",
     ("Jordan", "stabilization_force", "conditional", "peace_plan")),
])
def test_a_mandate_that_qualifies_an_issue_is_its_condition(text, stance, dictionary):
    stances = found(text, dictionary)
    assert stance in stances
    assert stance[:2] + ("support",) not in stances


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: a force with a particular mandate has it, backing is no mandate, and
    # what a truce agrees with is no condition of it
    ("Jordan is willing to help the international force established by Resolution 2803.",
     ("Jordan", "stabilization_force", "support")),
    ("Turkey supports a UN-backed force in Gaza.", ("Turkey", "stabilization_force", "support")),
    ("The ministers of Qatar called for a permanent ceasefire aligned with UN resolutions.", ("Qatar", "ceasefire", "support")),
])
def test_a_mandate_an_issue_has_or_agrees_with_is_no_condition(text, stance, dictionary):
    stances = found(text, dictionary)
    assert stance in stances
    assert stance[:2] + ("conditional", "peace_plan") not in stances


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: the parser hangs "in exchange for" on a participle of the object ("remaining",
    # "held" read as a past tense); what is given in exchange is the price of the verb's act
    ("Hamas has offered to release all the captives remaining in the Strip in exchange for a lasting truce.",
     ("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")),
    ("Hamas said it would free the captives held in Gaza in return for an end to the war.",
     ("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")),
])
def test_an_exchange_hung_on_a_participle_of_the_object_is_the_verbs(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_articles_parsed_together_give_what_each_gives_alone(dictionary, rules):
    from kg.extract import extract_many, extract_with_dropped

    lexicon = load_lexicon(ONTOLOGY)

    articles = list(load_articles(REPO / "sources").articles) + [
        # texts written for this test: one with no sentence to parse, one with a run of spaces and a word
        # the parser reads in another's place
        Article(source_id="written_none", text="Markets were calm on Monday."),
        Article(source_id="written_spaces", text="The  United States  vetoed the draft resolution for a ceasefire.\n\n"
                                                 "Hamas welcomed the  Egyptian proposal."),
    ]
    alone = [extract_with_dropped(article, dictionary, lexicon, rules) for article in articles]
    assert any(stances for stances, _ in alone) and any(dropped for _, dropped in alone)
    for size in (1, 5, 1000):
        together = list(extract_many(articles, dictionary, lexicon, rules, with_dropped=True, sentences_per_batch=size))
        assert together == alone
    assert [stances for stances, _ in extract_many(articles, dictionary, lexicon, rules)] == [s for s, _ in alone]


@pytest.mark.parametrize("text", [
    # texts written for this test: every way the tokenizer makes a token of whitespace
    " Hamas said", "Hamas  said", "Hamas\nsaid", "Hamas\tsaid", "Hamas\u00a0said", "Hamas said\n", "Hamas said  ",
])
def test_the_whitespace_check_sees_every_token_of_whitespace(text, rules):
    from kg.extract.parse import _WHITESPACE_TOKEN, load_pipeline

    doc = load_pipeline().make_doc(text)
    assert any(token.is_space for token in doc)
    assert _WHITESPACE_TOKEN.search(text)


def test_texts_without_a_run_of_spaces_or_a_stand_in_are_parsed_as_given(rules):
    from kg.extract.parse import _WHITESPACE_TOKEN, parse_words

    # texts written for this test
    plain = "Hamas said it would accept the proposal."
    assert not _WHITESPACE_TOKEN.search(plain)
    (doc, offsets), = parse_words([plain], stand_ins=rules.stand_ins)
    assert offsets is None and doc.text == plain
    # a stand-in word in another case is still parsed in its stand-in's place: the same tree as the stand-in's
    (vetoed, _), (rejected, _) = parse_words(["The US VETOED the draft.", "The US rejected the draft."],
                                              stand_ins=rules.stand_ins)
    assert [(t.tag_, t.dep_, t.head.i) for t in vetoed] == [(t.tag_, t.dep_, t.head.i) for t in rejected]


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: the parser hangs the negator on the adverb between it and the verb
    ("Hamas said it would not fully disarm.", ("Hamas", "disarmament", "oppose")),
    ("Hamas will not completely give up its weapons.", ("Hamas", "disarmament", "oppose")),
    # a Palestinian government in place is governance, as a condition
    ("Hamas said it would not fully disarm until a Palestinian government was in place in Gaza.",
     ("Hamas", "disarmament", "conditional", "governance")),
])
def test_a_negator_hung_on_an_adverb_negates_the_verb(text, stance, dictionary):
    stances = found(text, dictionary)
    assert stance in stances
    assert ("Hamas", "disarmament", "support") not in stances


def test_not_only_still_adds(dictionary):
    # text written for this test
    assert found("Egypt not only backed the truce but also pledged aid.", dictionary) == {
        ("Egypt", "ceasefire", "support"), ("Egypt", "humanitarian_aid", "support")}


def test_what_an_owners_conditions_include_the_issue_waits_for(dictionary):
    # text written for this test: the conditions' owner is found at the conditions, before what they include
    assert {("Israel", "ceasefire", "conditional", "disarmament"),
            ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")} <= found(
        "Israel's conditions for ending the war include the disarmament of Hamas and the return of all hostages.", dictionary)


def test_a_leader_named_before_the_title_of_the_state_stays_in_the_list(dictionary):
    # text written for this test: the last leader is named before the title of the state, and the item before
    # it ends in its leader's title
    text = ("The meeting in Rome brought together King Abdullah II of Jordan, President Erdogan of Turkey, Sheikh "
            "Abdullah bin Zayed, UAE Minister of Foreign Affairs and Deputy Prime Minister, and His Highness Prince "
            "Faisal bin Farhan, Minister of Foreign Affairs of Saudi Arabia. The leaders called for an immediate ceasefire.")
    assert {(state, "ceasefire", "support") for state in ("Jordan", "Turkey", "UAE", "SaudiArabia")} <= found(text, dictionary)


def test_it_after_a_meeting_is_the_meeting_that_speaks_for_its_participants(dictionary):
    # text written for this test: "it" is the meeting, whose participants are the group the text was about,
    # not the mediators it named on the way
    stances = found("Ministers from Jordan, Turkey and Pakistan met in Rome on Monday. They backed the truce brokered "
                    "by Egypt, Qatar and the United States. The meeting urged more humanitarian aid for Gaza. It also "
                    "called for the full withdrawal of Israeli forces.", dictionary)
    assert {(state, "withdrawal", "support") for state in ("Jordan", "Turkey", "Pakistan")} <= stances
    assert not {(state, "withdrawal", "support") for state in ("Egypt", "Qatar", "US")} & stances


def test_their_in_an_aside_on_a_group_noun_is_the_group(dictionary):
    # text written for this test: ", who ... their" says something of the signatories named before, not of
    # the actor named last in the sentence
    stances = found("Egypt, Turkey and Qatar signed a declaration in Cairo on Monday. The document, later published by "
                    "the White House, sets out commitments among the signatories, who voiced their support for the "
                    "peace plan.", dictionary)
    assert {(state, "peace_plan", "support") for state in ("Egypt", "Turkey", "Qatar")} <= stances


def test_a_body_named_with_its_members_is_its_members_later(dictionary):
    # text written for this test: "the committee" and "it" after a sentence that lists the committee's members;
    # a committee of another name is not that one
    stances = found("A ministerial committee met in Amman on Sunday. The committee, comprising Egypt, Jordan and Qatar, "
                    "warned against any escalation. The committee called for an immediate end to the war and the delivery "
                    "of humanitarian aid. It also voiced support for the reconstruction of Gaza. A human rights committee "
                    "called for an end to the blockade.", dictionary)
    for state in ("Egypt", "Jordan", "Qatar"):
        assert {(state, "ceasefire", "support"), (state, "humanitarian_aid", "support"),
                (state, "reconstruction", "support")} <= stances
    assert not any(s[1] == "humanitarian_aid" and s[0] not in ("Egypt", "Jordan", "Qatar") for s in stances)


def test_the_leaders_a_text_names_only_later_are_that_later_list(dictionary):
    # texts written for this test: "the leaders" and "they" come before the only list of states in the text
    stances = found("Arab and Muslim leaders met the US president in New York on Tuesday. The leaders called for an "
                    "immediate ceasefire. They also backed the reconstruction of Gaza. The meeting was attended by "
                    "Egyptian President Sisi, Jordan's King Abdullah, Turkish President Erdogan and Pakistani Prime "
                    "Minister Sharif.", dictionary)
    for state in ("Egypt", "Jordan", "Turkey", "Pakistan"):
        assert {(state, "ceasefire", "support"), (state, "reconstruction", "support")} <= stances
    # a counted group with words of its own is no forward reference
    assert found("Two far-right ministers voted against the truce deal. The deal was mediated by Egypt, Qatar and "
                 "Turkey.", dictionary) == {(state, "ceasefire", "support") for state in ("Egypt", "Qatar", "Turkey")}


@pytest.mark.parametrize("text, stance", [
    # texts written for this test
    ("Hamas said it is ready to talk about storing or freezing its guns while the truce lasts.",
     ("Hamas", "disarmament", "conditional", "ceasefire")),
    ("A Hamas official said the movement would be open to storing its arsenal under a long truce.",
     ("Hamas", "disarmament", "conditional", "ceasefire")),
    ("Israel turned down a Hamas offer to freeze its arsenal.", ("Israel", "disarmament", "support")),
])
def test_doing_an_issue_in_part_backs_it_only_with_its_condition(text, stance, dictionary):
    stances = found(text, dictionary)
    assert stance in stances
    assert not any(s[:2] == stance[:2] and s != stance for s in stances)


def test_a_partial_issue_can_be_switched_off(dictionary, rules):
    text = "Hamas said it is ready to talk about storing or freezing its guns while the truce lasts."
    assert ("Hamas", "disarmament", "conditional", "ceasefire") not in found(text, dictionary, rules.without(["partial_issue"]))


def test_stored_weapons_alone_are_no_stance(dictionary):
    # text written for this test: an act described, not a proposal taken up
    assert not any(s[1] == "disarmament" for s in found("The army said Hamas stores weapons in tunnels under the city.", dictionary))


def test_willing_to_discuss_is_a_stance_and_a_meetings_topic_is_none(dictionary):
    # texts written for this test
    assert ("Hamas", "governance", "support") in found(
        "Hamas is willing to discuss handing over the administration of Gaza.", dictionary)
    assert found("The ministers met in Cairo to discuss the reconstruction of Gaza.", dictionary) == set()


@pytest.mark.parametrize("text", [
    # texts written for this test
    "Egypt said it was doing everything to halt the humanitarian suffering of Gazans.",
    "Turkey called for easing the humanitarian disaster in the Strip.",
])
def test_ending_the_hardship_aid_relieves_backs_aid(text, dictionary):
    stances = found(text, dictionary)
    assert any(s[1:] == ("humanitarian_aid", "support") for s in stances)
    assert not any(s[1:] == ("humanitarian_aid", "oppose") for s in stances)


def test_a_gerund_after_a_tying_verb_is_what_the_issue_waits_for(dictionary):
    # text written for this test
    assert ("Hamas", "disarmament", "conditional", "withdrawal") in found(
        "A Hamas spokesman said its weapons are tied to ending the Israeli occupation.", dictionary)


def test_an_issue_named_as_a_title_is_the_issue(dictionary):
    # texts written for this test: a name written in title case, and a plan of another time with a title of its own
    assert ("Pakistan", "peace_plan", "support") in found("Pakistan backed the US-brokered Gaza Peace Agreement.", dictionary)
    assert ("Egypt", "ceasefire", "support") in found("Egypt called for an end to the Gaza War.", dictionary)
    assert not any(s[1] == "peace_plan" for s in found(
        "Saudi Arabia reaffirmed its commitment to the Arab Peace Initiative.", dictionary))
    assert title_case("end to the war") == "End to the War"


def test_a_people_named_with_the_article_is_its_government(dictionary):
    # text written for this test: "the Qataris" speak for Qatar; "Israelis and Palestinians" are people
    stances = found("The Qataris and the Egyptians pressed Hamas to accept the ceasefire.", dictionary)
    assert {("Qatar", "ceasefire", "support"), ("Egypt", "ceasefire", "support")} <= stances
    assert not any(s[0] == "Israel" for s in found(
        "The force should keep Israelis and Palestinians apart along the border, Turkey said.", dictionary))


@pytest.mark.parametrize("text, stance", [
    # texts written for this test
    ("Israel had imposed a near-total blockade on the enclave in March.", ("Israel", "humanitarian_aid", "oppose")),
    ("Israel said it would not accept a PA role in the Strip.", ("Israel", "governance", "oppose")),
    ("Hamas wants a long truce rather than disarmament.", ("Hamas", "disarmament", "oppose")),
])
def test_a_siege_laid_a_role_named_and_a_thing_set_aside(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_a_lesser_form_wanted_instead_of_an_issue_is_no_support_for_it(dictionary, rules):
    # text written for this test: a pullback inside the Strip is named as withdrawal, but it is wanted in place of one
    text = "Israel insists on a pullback inside Gaza instead of a complete withdrawal."
    assert found(text, dictionary) == {("Israel", "withdrawal", "oppose")}
    assert ("Israel", "withdrawal", "support") in found(text, dictionary, rules.without(["alternative_set_against"]))


def test_it_before_a_verb_whose_infinitive_is_its_own_act_is_its_subject(rules):
    # text written for this test; the parser reads such an "it" as an expletive in some longer sentences
    from kg.extract import repairs
    doc = load_pipeline()("Netanyahu said that it will continue to fight until the hostages are freed.")
    it = next(t for t in doc if t.lower_ == "it")
    it.dep_ = "expl"
    repairs.restore_pronoun_subjects(doc, rules.control_adjectives, rules.subject_control_verbs)
    assert it.dep_ == "nsubj"
    doc = load_pipeline()("He said it is important to keep talking.")
    it = next(t for t in doc if t.lower_ == "it")
    it.dep_ = "expl"
    repairs.restore_pronoun_subjects(doc, rules.control_adjectives, rules.subject_control_verbs)
    assert it.dep_ == "expl"


def test_a_war_kept_on_until_a_condition_is_the_truce_waiting_for_it(dictionary):
    # text written for this test: with "until", going on with the war is a stance; without it, an event
    assert ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange") in found(
        "Israel said it will keep up its offensive until every hostage is freed.", dictionary)
    assert not any(s[1] == "ceasefire" for s in found("Israel said its offensive continued on Monday.", dictionary))


@pytest.mark.parametrize("text", [
    # texts written for this test
    "A Hamas spokesman said the group will maintain its arms until a state is founded.",
    "A Hamas official said the group is committed to its arms.",
])
def test_arms_kept_by_other_verbs_are_the_opposite_of_disarmament(text, dictionary):
    assert ("Hamas", "disarmament", "oppose") in found(text, dictionary)
    assert ("Hamas", "disarmament", "support") not in found(text, dictionary)


def test_refusing_every_talk_of_an_issue_refuses_the_issue(dictionary):
    # texts written for this test: all talk of a thing refused, actively or in the passive under a report
    assert found("Hamas rejects any discussion about its weapons.", dictionary) == {("Hamas", "disarmament", "oppose")}
    assert found("Hamas said that any negotiation over its weapons is refused.", dictionary) == {("Hamas", "disarmament", "oppose")}
    # talks put off are a step, not a refusal of what they are about
    assert found("The cabinet postponed any discussion of the ceasefire.", dictionary) == set()
    assert found("Any negotiations on the truce were postponed, Egypt said.", dictionary) == set()


@pytest.mark.parametrize("text, kinds", [
    # texts written for this test: control an army takes or keeps is withdrawal's opposite, and no other issue
    # is read inside it; control a Palestinian body assumes is governance
    ("The army plans to seize complete control of the Gaza Strip.", {("inverse", "withdrawal")}),
    ("Ministers backed a move to impose full military control over the enclave.", {("inverse", "withdrawal")}),
    ("The Authority is ready to assume control of Gaza.", {("issue", "governance")}),
    # a share of the Strip held, with the verb of keeping it ("retain control" is then no one's rule of Gaza)
    ("Israel insisted on keeping control over roughly 40 percent of the Gaza Strip.", {("inverse", "withdrawal")}),
    ("Officials want to retain control of about a third of Gaza.", {("inverse", "withdrawal")}),
    ("The army would take control of large areas in Gaza.", {("inverse", "withdrawal")}),
    # guard: the verb "controls" tells who holds the ground, a fact and no one's will
    ("Hamas still controls about half of Gaza.", set()),
])
def test_control_an_army_takes_is_the_opposite_of_withdrawal(text, kinds, dictionary):
    from kg.extract import get_scanner, load_lexicon
    from kg.extract.extractor import article_mentions

    named = {(m.kind, m.value) for m in article_mentions(get_scanner(dictionary, load_lexicon()), text)
             if m.kind in ("issue", "inverse")}
    assert named == kinds


def test_a_state_seizing_control_of_the_strip_opposes_withdrawal(dictionary):
    # text written for this test
    assert found("Israel intends to establish total control over the Gaza Strip.", dictionary) == {
        ("Israel", "withdrawal", "oppose")}


def test_a_force_refused_is_refused_whatever_mandate_its_name_gives_it(dictionary):
    # texts written for this test: a force called for "UN-mandated" waits for its mandate; one refused does not
    assert found("Egypt said it would not take part in a UN-mandated force sent to disarm Hamas.", dictionary) >= {
        ("Egypt", "stabilization_force", "oppose")}
    assert not any(s[2] == "conditional" for s in found(
        "Egypt said it would not take part in a UN-mandated force sent to disarm Hamas.", dictionary))
    assert ("Indonesia", "stabilization_force", "conditional", "peace_plan") in found(
        "Indonesia called for a UN-mandated force in Gaza.", dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test; the parser reads the second verb as a modifier of the noun after it
    ("Hamas backed several points of the outline, such as an interim committee, but rejected disarmament outright.",
     ("Hamas", "disarmament", "oppose")),
    ("Israel welcomed the release of the hostages but opposed reconstruction in areas Hamas holds.",
     ("Israel", "reconstruction", "oppose")),
])
def test_a_stance_verb_after_but_is_the_verb_of_the_noun_after_it(text, stance, dictionary):
    assert stance in found(text, dictionary)
    assert (*stance[:2], "support") not in found(text, dictionary)


def test_a_stance_participle_after_a_comma_is_the_subjects_act(rules):
    # text written for this test; the parser sometimes makes such a participle a modifier of the object
    from kg.extract import repairs
    doc = load_pipeline()("Hamas dismissed the draft, objecting to foreign troops on Gaza soil.")
    draft = next(t for t in doc if t.lower_ == "draft")
    objecting = next(t for t in doc if t.lower_ == "objecting")
    objecting.head, objecting.dep_ = draft, "amod"
    repairs.rehang_comma_participles(doc, rules.noun_tagged_verbs)
    assert (objecting.dep_, objecting.head.lower_) == ("advcl", "dismissed")


def test_an_infinitive_after_an_adjective_of_will_is_what_its_subject_is_willing_to_do(dictionary, rules):
    # text written for this test; the parser makes the infinitive a clause of purpose in some sentences
    from kg.extract import repairs
    doc = load_pipeline()("The group is ready to debate ways of keeping its rifles.")
    ready = next(t for t in doc if t.lower_ == "ready")
    debate = next(t for t in doc if t.lower_ == "debate")
    debate.head, debate.dep_ = ready, "advcl"
    repairs.relabel_adjective_infinitives(doc, rules.control_adjectives)
    assert debate.dep_ == "xcomp"
    # text written for this test: a verb of discussing that completes another is no topic of talks
    assert ("Hamas", "disarmament", "conditional", "ceasefire") in found(
        "A Hamas negotiator said the movement is willing to discuss proposals for storing or freezing its arsenal.",
        dictionary)


@pytest.mark.parametrize("text, stance", [
    # texts written for this test: the party whose leaving is the issue kept from it is the issue itself
    ("Israel wants Hamas excluded from governance.", ("Israel", "governance", "support")),
    ("Netanyahu said Hamas must be disarmed and excluded from governance.", ("Israel", "governance", "support")),
    ("Hamas refused to be excluded from governance.", ("Hamas", "governance", "oppose")),
    # another party kept from it is no such thing
    ("The PA must not be excluded from the governance of Gaza, Egypt said.", ("Egypt", "governance", "support")),
])
def test_a_party_kept_from_the_issue_its_leaving_is(text, stance, dictionary):
    got = found(text, dictionary)
    assert stance in got
    assert (*stance[:2], "oppose" if stance[2] == "support" else "support") not in got


def test_what_a_demand_is_made_to_advance_waits_for_it(dictionary):
    # text written for this test
    assert ("Israel", "peace_plan", "conditional", "disarmament") in found(
        "Israel's defence minister said the group has to be disarmed to advance the second phase of the plan.", dictionary)


def test_a_number_written_as_a_ceiling_caps_what_is_allowed(dictionary):
    # texts written for this test
    assert found("Israel is permitting no more than 150 aid trucks into the Strip each day.", dictionary) == {
        ("Israel", "humanitarian_aid", "oppose")}
    assert found("Israel is permitting 600 aid trucks into the Strip each day.", dictionary) == {
        ("Israel", "humanitarian_aid", "support")}


def test_the_rule_files_name_only_contract_issues_and_actors(dictionary, rules):
    # a misspelt id in these maps would put a condition or an issue outside the contract into the graph
    issues, actors = set(dictionary.issues), set(dictionary.actors)
    assert rules.mediated_issues | rules.recipient_issues | rules.self_conditioning_issues <= issues
    for name in ("terms_conditions", "breach_conditions", "partial_conditions"):
        mapping = getattr(rules, name)
        assert set(mapping) | set(mapping.values()) <= issues, name
    assert set(rules.condition_actors) <= actors and set(rules.condition_actors.values()) <= issues
    for name in ("issue_agents", "excluded_parties"):
        mapping = getattr(rules, name)
        assert set(mapping) <= issues and {a for ids in mapping.values() for a in ids} <= actors, name
    assert set(rules.agent_issues) <= issues and all(
        set(by_actor) <= actors and set(by_actor.values()) <= issues for by_actor in rules.agent_issues.values())


def test_a_counterpart_in_the_speakers_phrase_is_not_the_speaker(dictionary):
    # texts written for this test: who the speakers met is named inside their phrase, not who speaks
    assert found("Heads of government from Muslim-majority states, during talks with US President Donald Trump, "
                 "stressed the hunger in the Strip and urged a lasting truce.", dictionary) == set()
    assert found("Officials in Washington said they backed the truce.", dictionary) == {("US", "ceasefire", "support")}


@pytest.mark.parametrize("text, stance", [
    # texts written for this test
    ("Israel warned that hostilities would resume if the captives were not freed.",
     ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    ("Hamas said it disagrees with the demand to disarm.", ("Hamas", "disarmament", "oppose")),
    ("Israel remains skeptical of the stabilization force.", ("Israel", "stabilization_force", "oppose")),
    ("Qatar rebuffed US requests to send troops to the stabilization force.", ("Qatar", "stabilization_force", "oppose")),
    ("Qatar rebuffed US requests to send troops to the stabilization force.", ("US", "stabilization_force", "support")),
    ("Hamas refuses to drop arms.", ("Hamas", "disarmament", "oppose")),
    ("Israel called for weapons collection across the Strip.", ("Israel", "disarmament", "support")),
    ("Jordan urged a truce that would secure the release of the hostages.", ("Jordan", "hostage_prisoner_exchange", "support")),
    # a threat's idiom for the war taken up again
    ("Israel will finish the job if the group rejects the plan, the prime minister said.",
     ("Israel", "ceasefire", "conditional", "peace_plan")),
    # irregular past tenses the lemmatizer did not know, and one the tagger reads as a noun
    ("Israel froze aid deliveries to the north of the Strip.", ("Israel", "humanitarian_aid", "oppose")),
    ("Israel withheld aid from the Strip for a week.", ("Israel", "humanitarian_aid", "oppose")),
    ("Egypt upheld the truce despite the strikes.", ("Egypt", "ceasefire", "support")),
    # the bare verb of withdrawing: a few words of any kind before the place, or a clause of condition after it
    ("Israel said its troops would not withdraw from the strategic border corridor.", ("Israel", "withdrawal", "oppose")),
    ("Hamas demanded that the army withdraw to an agreed line inside the Strip.", ("Hamas", "withdrawal", "support")),
    ("Israel says it will not withdraw as long as Hamas refuses to disarm.",
     ("Israel", "withdrawal", "conditional", "disarmament")),
    # an adjective of resisting the tagger reads as a verb, a phrase that takes the issue off the table, and the
    # army's staying named by the responsibility it keeps
    ("Hamas remains resistant to the disarmament proposal.", ("Hamas", "disarmament", "oppose")),
    ("Hamas said its weapons are not subject to negotiation.", ("Hamas", "disarmament", "oppose")),
    ("Israel says it will retain responsibility for security in the Strip.", ("Israel", "withdrawal", "oppose")),
    # the army staying where it is, and leaving "the Strip"
    ("Netanyahu insists Israeli forces must remain in most parts of the Strip.", ("Israel", "withdrawal", "oppose")),
    ("Israel's cabinet decided that the IDF will stay in the border corridor until the last hostage is freed.",
     ("Israel", "withdrawal", "conditional", "hostage_prisoner_exchange")),
    ("Hamas demanded that Israeli forces leave the Strip.", ("Hamas", "withdrawal", "support")),
    ("Hamas said the IDF remains deep in the Strip.", ("Israel", "withdrawal", "oppose")),
    # a verb of backing with the particle that turns it round, whatever the parser made of the particle
    ("Azerbaijan backed out of the stabilization force.", ("Azerbaijan", "stabilization_force", "oppose")),
    # a green light is an answer that backs what it is given to
    ("Hamas has given a preliminary green light to the plan.", ("Hamas", "peace_plan", "support")),
    ("Israel gave the green light to the ceasefire deal.", ("Israel", "ceasefire", "support")),
    # a crossing after a name is a noun, so what it is tied to stays a condition of opening it
    ("Israel tied the reopening of the Kerem Shalom crossing to the return of the captives' remains.",
     ("Israel", "humanitarian_aid", "conditional", "hostage_prisoner_exchange")),
    # the state a thing is kept or left in
    ("The minister said Israel would keep the crossings for aid closed.", ("Israel", "humanitarian_aid", "oppose")),
    ("Washington said it could skip the disarmament stage altogether.", ("US", "disarmament", "oppose")),
    ("Israel has resumed its blockage of aid convoys.", ("Israel", "humanitarian_aid", "oppose")),
    # a judging phrase with an adjective inside it, or a verb of breaking the law
    ("Egypt said the force as proposed would be a blatant violation of Palestinian sovereignty.",
     ("Egypt", "stabilization_force", "oppose")),
    ("Turkey said that the proposed force violated international law.", ("Turkey", "stabilization_force", "oppose")),
    # a negated rejection backs what it is about
    ("Qatar said the truce deal was not a mistake.", ("Qatar", "ceasefire", "support")),
    # each participle joined to the first has its own agent
    ("The plan, brokered by Trump and backed by Qatar, Turkey and Egypt, is faltering.", ("Turkey", "peace_plan", "support")),
    ("The reconstruction plan, drafted by Egypt and endorsed by the European Union, goes to donors next week.",
     ("EU", "reconstruction", "support")),
    # the states a group noun in apposition stands for hold what its relative clause says
    ("Qatar, Saudi Arabia and Egypt, three Arab states that have demanded that Hamas lay down its arms, met in Riyadh.",
     ("SaudiArabia", "disarmament", "support")),
    # backing received "from" a group the parse hung on the verb
    ("The plan has drawn support from several Muslim countries, including Egypt, Turkey and Indonesia.",
     ("Indonesia", "peace_plan", "support")),
    # who acts "together with" or "along with" the subject acts with it
    ("Qatar worked together with Egypt to secure the truce.", ("Egypt", "ceasefire", "support")),
    ("Qatar brokered the truce along with Egypt.", ("Egypt", "ceasefire", "support")),
    # refusing aid handed to other ends is for aid
    ("The EU said it would not endorse any privatisation of aid distribution.", ("EU", "humanitarian_aid", "support")),
    # the whole list of what is asked in exchange, wherever the parse hung its later items
    ("Hamas said it would free all the captives in exchange for Palestinian prisoners, a permanent ceasefire and a full "
     "Israeli withdrawal.", ("Hamas", "hostage_prisoner_exchange", "conditional", "withdrawal")),
    # a crossing named again by its opening
    ("Israel said the Rafah crossing would stay shut for now, and that its reopening would depend on Hamas returning "
     "the bodies of the hostages.", ("Israel", "humanitarian_aid", "conditional", "hostage_prisoner_exchange")),
    # a condition whose subject the parser hung on the main clause as a noun of its own
    ("Israel will not end the war before Hamas is disarmed.", ("Israel", "ceasefire", "conditional", "disarmament")),
    ("Israel will not agree to a ceasefire before Hamas is disarmed.", ("Israel", "disarmament", "support")),
    # ... and a second subject joined to it, which the parser made the subject of the clause alone
    ("Israel said the group must give up its weapons before reconstruction and the deployment of the international "
     "force can start.", ("Israel", "stabilization_force", "conditional", "disarmament")),
    # what a joint statement says, "according to" it
    ("Qatar, Egypt and Jordan issued a joint statement on Monday. According to the statement, aid must reach Gaza "
     "without delay.", ("Jordan", "humanitarian_aid", "support")),
    # "both" and "the two ministers" after a meeting of two
    ("Jordan's king received the Egyptian president in Amman on Tuesday. Both stressed the need for a lasting truce.",
     ("Egypt", "ceasefire", "support")),
    ("Egypt's foreign minister spoke by phone with his Qatari counterpart. The two ministers called for more aid to "
     "reach Gaza.", ("Qatar", "humanitarian_aid", "support")),
    # the Palestinian Authority's part, and Hamas's, in ruling Gaza
    ("Israel rejects any involvement by the Palestinian Authority in Gaza.", ("Israel", "governance", "oppose")),
    ("Israel opposes restoring PA authority in Gaza.", ("Israel", "governance", "oppose")),
    ("The US says there can be no role for Hamas in Gaza after the war.", ("US", "governance", "support")),
    # the group taken apart as the condition, the army's leaving and its staying in other words
    ("Israel has insisted it will not halt the war until Hamas is dismantled.",
     ("Israel", "ceasefire", "conditional", "disarmament")),
    ("Hamas insists on a full Israeli military exit from the Strip.", ("Hamas", "withdrawal", "support")),
    ("Israel insisted that it will maintain control of security inside Gaza.", ("Israel", "withdrawal", "oppose")),
    # what any deal must bring with it
    ("Talks on a ceasefire resumed in Doha. Netanyahu's office insisted that any deal must involve the release of all "
     "hostages in a single phase.", ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")),
    # the army kept where it is, in other words
    ("The army chief said Israel intends to maintain its current military deployments in Gaza.",
     ("Israel", "withdrawal", "oppose")),
    ("Israel said it would keep operational control of most of the Strip.", ("Israel", "withdrawal", "oppose")),
    # "it" after a sentence that spoke "in a joint statement" is that statement, which its issuers hold
    ("In a joint statement, Qatar, Egypt and Jordan called for a ceasefire. It also urged the release of all hostages.",
     ("Qatar", "hostage_prisoner_exchange", "support")),
    # the third item of a list of demands, each with its article and "of" phrase
    ("Egypt called for a truce, the delivery of aid and the reconstruction of Gaza.", ("Egypt", "reconstruction", "support")),
    ("Qatar urged an end to the war, the release of the hostages and the withdrawal of Israeli troops.",
     ("Qatar", "withdrawal", "support")),
    ("The UN called for a ceasefire and for the release of the hostages.", ("UN", "hostage_prisoner_exchange", "support")),
    ("Qatar urged both sides to respect the truce, release the hostages and allow aid.",
     ("Qatar", "hostage_prisoner_exchange", "support")),
    ("Qatar urged both sides to respect the truce, release the hostages and allow aid.", ("Qatar", "humanitarian_aid", "support")),
    # who issues a statement says what it says
    ("A joint statement by Egypt and Qatar called for a ceasefire.", ("Qatar", "ceasefire", "support")),
    ("The statement issued by Jordan urged a ceasefire.", ("Jordan", "ceasefire", "support")),
    # the backing a plan received, told in a relative clause; a party leaving power
    ("The peace plan, which received the endorsement of Netanyahu, includes a withdrawal.", ("Israel", "peace_plan", "support")),
    ("Hamas said it was prepared to leave power.", ("Hamas", "governance", "support")),
    # the partners named with a mediator's role share it
    ("Qatar is playing a central role as a mediator, along with Egypt and the US, in pushing both parties toward a ceasefire.",
     ("Egypt", "ceasefire", "support")),
    ("Qatar will keep acting as a mediator alongside Egypt to reach a ceasefire.", ("Egypt", "ceasefire", "support")),
    # interest shown in sending troops
    ("Indonesia and Azerbaijan have shown interest in sending troops to Gaza.", ("Azerbaijan", "stabilization_force", "support")),
    # each of the conditions "on the condition that" joins with "and"
    ("Netanyahu said he would end the war on the condition that Hamas is removed from power and Gaza is demilitarized.",
     ("Israel", "ceasefire", "conditional", "disarmament")),
    # the later verbs of a list in a reported clause, which the parser hung on the reporting verb
    ("Hamas said it was willing to exchange hostages for Palestinian prisoners, end the fighting, withdraw Israeli forces "
     "from Gaza, reopen crossings, and begin reconstruction.", ("Hamas", "reconstruction", "support")),
    ("Hamas said it was willing to exchange hostages for Palestinian prisoners, end the fighting, withdraw Israeli forces "
     "from Gaza, reopen crossings, and begin reconstruction.", ("Hamas", "withdrawal", "support")),
    # a list whose first item is the object of a verb below the one the parser hung the rest on
    ("The UN General Assembly voted to adopt a resolution demanding an immediate ceasefire, the release of all hostages "
     "and prisoners, and unhindered humanitarian access.", ("UN", "humanitarian_aid", "support")),
    # Hamas kept from ruling Gaza, in more words
    ("Egypt urged Hamas to relinquish its hold over Gaza.", ("Egypt", "governance", "support")),
    ("Israel vowed to prevent Hamas from returning to power in Gaza.", ("Israel", "governance", "support")),
    ("The UAE said Hamas must step down as Gaza's leadership.", ("UAE", "governance", "support")),
    ("Katz called it the last chance to remove Hamas from Gaza.", ("Israel", "governance", "support")),
    # a perfect's participle the tagger read as an adjective
    ("Hamas sent a delegation to Cairo for talks on a ceasefire, which Egypt has actively championed.",
     ("Egypt", "ceasefire", "support")),
    # a group's examples are its holders, wherever the parse hung the list, and a named group keeps its rest
    ("Nations able to send peacekeepers, including Indonesia and Azerbaijan, want a UN mandate before joining the force.",
     ("Azerbaijan", "stabilization_force", "conditional", "peace_plan")),
    ("Nations able to send peacekeepers, including Indonesia and Azerbaijan, want a UN mandate before joining the force.",
     ("ISFPartners", "stabilization_force", "conditional", "peace_plan")),
    ("Nations thinking about sending troops, among them Pakistan and Indonesia, want a Security Council mandate "
     "before they join the force.", ("Pakistan", "stabilization_force", "conditional", "peace_plan")),
    ("Governments backing the effort, including Egypt and Jordan, called for a ceasefire.", ("Jordan", "ceasefire", "support")),
    # the plan by the resolution's number written with "No.", and as the US's initiative
    ("Doha wants Resolution No. 2803 carried out in full.", ("Qatar", "peace_plan", "support")),
    ("Egypt and Jordan said they back the U.S. initiative.", ("Jordan", "peace_plan", "support")),
    # the declaration the guarantors signed at Sharm el-Sheikh carries the plan
    ("Egypt's president signed the Trump Declaration for Enduring Peace and Prosperity on Monday.",
     ("Egypt", "peace_plan", "support")),
    # those an actor joins in a stance hold it too
    ("Jordan joined Egypt and Qatar in calling for a ceasefire.", ("Qatar", "ceasefire", "support")),
    ("Israel joined the US in rejecting the Arab reconstruction plan.", ("US", "reconstruction", "oppose")),
    # Gaza and the West Bank in one state: one government for both
    ("Egypt and Jordan want Gaza and the West Bank to form part of a sovereign Palestinian state.",
     ("Jordan", "governance", "support")),
    # what is insisted on is the insistence's, whoever judges it, and a predicate noun's owner holds it
    ("Fidan criticised Israel's insistence on Hamas's disarmament.", ("Israel", "disarmament", "support")),
    ("The main sticking point is Israel's insistence on disarmament.", ("Israel", "disarmament", "support")),
    ("The problem is Hamas's refusal to disarm.", ("Hamas", "disarmament", "oppose")),
    # ... and what doubts are about is what the doubter rejects
    ("Russia expressed skepticism about the stabilization force.", ("Russia", "stabilization_force", "oppose")),
    ("Russia expressed unease about a new board that would run Gaza for a time.", ("Russia", "governance", "oppose")),
    ("Lavrov expressed doubts over the board that would administer Gaza.", ("Russia", "governance", "oppose")),
    # a gathering's participants, named before, with "the" or not
    ("Leaders of Egypt, Jordan, Qatar and Turkey met Trump in New York on Tuesday. Participants stressed the urgent "
     "need to end the war and called for the release of hostages.", ("Jordan", "hostage_prisoner_exchange", "support")),
])
def test_wordings_of_stances_found_in_news(text, stance, dictionary):
    assert stance in found(text, dictionary)


def test_leaving_the_gaza_administration_is_no_withdrawal(dictionary):
    # text written for this test: a party giving up power leaves no ground
    got = found("Hamas said it was willing to leave the Gaza administration to a committee of technocrats.", dictionary)
    assert not any(stance[1] == "withdrawal" for stance in got)


def test_both_sides_of_the_war_speak_as_no_pair(dictionary):
    # text written for this test: "both sides" after the war's two parties are its parties, not two that met
    assert found("Israel and Hamas sent delegations to Cairo on Monday. Both sides called for an end to the war.",
                 dictionary) == set()


def test_what_a_plan_must_ensure_is_what_it_does_not_a_condition(dictionary):
    # text written for this test: a deal waits for what it "must involve"; a plan "must ensure" what it is to do
    got = found("The Palestinian Authority said the Trump plan must ensure a full Israeli withdrawal from Gaza.", dictionary)
    assert ("PalestinianAuthority", "withdrawal", "support") in got
    assert not any(stance[2] == "conditional" for stance in got)


def test_a_clause_dated_shortly_before_sets_no_condition(dictionary):
    # text written for this test: "shortly before" dates the agreement, it does not wait for the release
    assert found("Israel agreed to the ceasefire shortly before Hamas freed the first hostages.", dictionary) == {
        ("Israel", "ceasefire", "support")}


def test_what_is_done_in_light_of_a_truce_takes_no_side_on_it(dictionary):
    # text written for this test: "light" is an answer only with its colour; "in light of" names a circumstance
    assert found("Egypt urged restraint in light of the ceasefire.", dictionary) == set()


def test_a_truce_upended_by_a_resumed_war_is_not_backed(dictionary):
    # text written for this test: the war taken up again undoes the truce, whatever verb takes it up
    got = found("Israel resumed shelling the Strip on Monday, upending the truce.", dictionary)
    assert ("Israel", "ceasefire", "oppose") in got and ("Israel", "ceasefire", "support") not in got


def test_every_item_of_a_list_of_demands_is_the_verbs_object(rules):
    # text written for this test: the parser splits the list after its first item into a second sentence and
    # hangs the last item on the "of" phrase before it
    from kg.extract.lemmatize import assign_lemmas
    from kg.extract.parse import parse_words
    from kg.extract.repairs import RepairLists, repair_parse
    (doc, _), = parse_words(["Jordan demanded a truce, the release of the hostages and the return of the displaced."],
                            stand_ins=rules.stand_ins)
    assign_lemmas(doc, rules.irregular, rules.known_lemmas)
    repair_parse(doc, RepairLists(infinitive_nouns=rules.infinitive_nouns))
    words = {token.text: token for token in doc}
    assert (words["release"].dep_, words["release"].head.text) == ("conj", "truce")
    assert (words["return"].dep_, words["return"].head.text) == ("conj", "release")
    # "the release of the hostages and the prisoners": a second noun with no "of" phrase of its own stays where it is
    (doc, _), = parse_words(["Hamas wants the release of the hostages and the prisoners."], stand_ins=rules.stand_ins)
    repair_parse(doc, RepairLists(infinitive_nouns=rules.infinitive_nouns))
    assert next(t for t in doc if t.text == "prisoners").head.text != "release"


def test_an_end_to_the_blockade_backs_the_aid_it_held_back(dictionary):
    # text written for this test: the blockade is aid withheld, and ending it lets aid in
    for text in ("Turkey demanded an end to the blockade of Gaza.", "Turkey called on Israel to end its blockade."):
        assert found(text, dictionary) == {("Turkey", "humanitarian_aid", "support")}, text


def test_an_item_listed_after_a_halt_is_asked_for_not_halted(dictionary):
    # text written for this test: "the release" is the call's second item, joined to the halt before it
    assert found("The UN chief called for an immediate halt to the fighting and the release of all hostages.", dictionary) == {
        ("UN", "ceasefire", "support"), ("UN", "hostage_prisoner_exchange", "support")}


def test_a_second_passive_verb_with_its_own_agent_shares_the_issue(dictionary, rules):
    # text written for this test: "rejected by Israel" has no subject of its own; the plan is the one rejected
    text = "The reconstruction plan was welcomed by Hamas but rejected by Israel."
    assert found(text, dictionary) == {("Hamas", "reconstruction", "support"), ("Israel", "reconstruction", "oppose")}
    assert ("Israel", "reconstruction", "oppose") not in found(text, dictionary, rules.without(["agent_of_passive"]))
    # what a plan must be is wished for, not done by the ones named
    assert ("Egypt", "reconstruction", "support") not in found(
        "The Palestinian Authority said reconstruction must be Palestinian-led and supported by Egypt.", dictionary)


def test_destruction_threatened_for_a_refusal_is_no_disarmament_stance(dictionary):
    # text written for this test: "would be destroyed if" threatens force for the release; the group's
    # dismantling is not what the threatener waits for
    got = found("Rubio warned that Hamas would be destroyed if it did not release all the hostages.", dictionary)
    assert ("US", "hostage_prisoner_exchange", "support") in got
    assert not any(stance[1] == "disarmament" for stance in got)


def test_a_refusal_covers_every_infinitive_it_lists(dictionary):
    # text written for this test: "refused to A or B" refuses both
    assert found("Hamas refused to release the hostages or accept a ceasefire deal.", dictionary) == {
        ("Hamas", "hostage_prisoner_exchange", "oppose"), ("Hamas", "ceasefire", "oppose")}


def test_a_task_called_not_ones_job_is_refused(dictionary):
    # text written for this test
    assert found("Disarming Hamas is not our job, the Pakistani minister said.", dictionary) == {
        ("Pakistan", "disarmament", "oppose")}


def test_the_verb_deal_with_names_no_deal(dictionary):
    # text written for this test: "the deal" names the truce in an article about it; "deal with" handles a matter
    lead = "Talks on the Gaza ceasefire resumed in Cairo on Monday. "
    assert found(lead + "Hamas said it hoped Israel would deal with the matter responsibly.", dictionary) == set()
    assert ("Israel", "ceasefire", "support") in found(lead + "Israel reached a deal with Hamas on Friday.", dictionary)


def test_the_us_initiative_is_the_plan_only_once_the_plan_was_published(dictionary):
    # text written for this test
    text = "Egypt and Jordan said they back the U.S. initiative."
    found_then = {(s.holder, s.issue) for s in extract_stances(
        Article("t", text, published=date(2025, 6, 1)), dictionary, rules=rules_only(None))}
    assert ("Jordan", "peace_plan") not in found_then


@pytest.mark.parametrize("text,expected", [
    # food, care or access brought to the people held are relief, not their release
    ("Netanyahu said he had asked the Red Cross to bring food and medicine to the hostages.",
     {("Israel", "humanitarian_aid", "support")}),
    ("Herzog urged the Red Cross to give medical assistance to the hostages.", {("Israel", "humanitarian_aid", "support")}),
    ("Hamas said it would allow medical care for the captives only if aid corridors are opened.",
     {("Hamas", "humanitarian_aid", "support")}),
    # how they fare is no issue of the list
    ("The Security Council will meet on the grave situation of the hostages, Israel's envoy said.", set()),
    ("Herzog pressed the Red Cross over the hostages' health.", set()),
    ("Israel's envoy demanded that the Council address the hostages' plight.", set()),
    # their release, named plainly, is still the exchange
    ("Netanyahu demanded the release of the hostages.", {("Israel", "hostage_prisoner_exchange", "support")}),
])
def test_relief_for_the_hostages_and_how_they_fare_are_not_their_release(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # what one vows to do "before" another thing comes first: the other thing waits for it
    ("Katz vowed to dismantle Hamas before ending the war.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    ("Israel pledged to disarm Hamas before it pulls its troops out.",
     {("Israel", "withdrawal", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    # a truce refused "before" something: the parser makes the clause a relative one on the truce
    ("Israeli ministers opposed any truce before Hamas is dismantled.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    # guards: a refusal of the thing that comes first, and a plain demand, read as before
    ("Israel will not stop the war until Hamas is disarmed.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
    ("Hamas demanded a full Israeli pullout before any exchange of prisoners.",
     {("Hamas", "withdrawal", "support"), ("Hamas", "hostage_prisoner_exchange", "conditional", "withdrawal")}),
])
def test_what_is_vowed_or_refused_before_another_thing_decides_which_one_waits(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # people of a state who hold no office in it speak for no actor, whatever the parser makes of their title
    # ("opposition" a noun before the title, not an adjective)
    ("Israeli opposition leader Dov Levy called on Monday for an immediate end to the Gaza war.", set()),
    # guards: an office holder named the same way still speaks for the state
    ("Israeli Prime Minister Benjamin Netanyahu called for the disarmament of Hamas.", {("Israel", "disarmament", "support")}),
    ("Israeli Defense Minister Israel Katz rejected any halt to the fighting.", {("Israel", "ceasefire", "oppose")}),
])
def test_opposition_leaders_speak_for_no_state(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_asking_someone_to_do_a_thing_backs_it(dictionary):
    assert found("The US president asked Netanyahu to end the war in Gaza.", dictionary) == {("US", "ceasefire", "support")}


def test_declining_to_comment_when_asked_about_an_issue_is_no_stance_on_it(dictionary):
    assert found("When asked about disarmament, the Hamas official declined to comment.", dictionary) == set()
    # guard: a refusal of the issue itself is still a refusal
    assert found("Asked about the talks, the Hamas official refused to disarm.", dictionary) == {("Hamas", "disarmament", "oppose")}


@pytest.mark.parametrize("text, expected", [
    # a text, a claim or an envoy withdrawn is no pull-back of troops
    ("Israel asked that the report be withdrawn.", set()),
    ("Hamas called for the withdrawal of the resolution.", set()),
    # ... nor are sanctions or measures taken back
    ("Rubio demanded a withdrawal of the sanctions on the two ministers.", set()),
    # guards: forces withdrawn, by a passive or a noun, are the withdrawal
    ("Hamas demanded that Israeli forces be withdrawn from Gaza.", {("Hamas", "withdrawal", "support")}),
    ("Hamas called for the withdrawal of Israeli forces.", {("Hamas", "withdrawal", "support")}),
])
def test_a_text_withdrawn_is_no_withdrawal_of_troops(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # whose allies they are is not who they are: the states listed with them hold the stance
    ("US allies including Saudi Arabia and Jordan rejected the plan to take over Gaza.",
     {("SaudiArabia", "governance", "oppose"), ("Jordan", "governance", "oppose"),
      ("SaudiArabia", "peace_plan", "oppose"), ("Jordan", "peace_plan", "oppose")}),
    ("Key US allies such as Egypt urged a ceasefire.", {("Egypt", "ceasefire", "support")}),
    ("US allies urged a ceasefire.", set()),
    # guard: the actor itself coordinated with its allies still holds it
    ("The US and its allies backed the truce.", {("US", "ceasefire", "support")}),
])
def test_an_actors_allies_are_not_the_actor(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: what is demanded "in exchange for" another thing is the price; the other
    # thing, the holder's own part of the trade, waits for it
    ("Hamas is demanding a permanent end to the war in exchange for freeing the remaining hostages.",
     {("Hamas", "ceasefire", "support"), ("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")}),
    ("Israel demanded the return of all hostages in exchange for a temporary truce.",
     {("Israel", "hostage_prisoner_exchange", "support"), ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange")}),
    # guards: what the holder offers, or wants to do itself, waits for what it gets
    ("Hamas offered to free all the hostages in exchange for a declared end to the war.",
     {("Hamas", "ceasefire", "support"), ("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")}),
    ("Hamas wants to free the hostages in exchange for an end to the war.",
     {("Hamas", "ceasefire", "support"), ("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")}),
    # the parser hung the price on the clause that says who holds the captives
    ("Hamas said it will release the hostages it holds in exchange for a lasting ceasefire.",
     {("Hamas", "ceasefire", "support"), ("Hamas", "hostage_prisoner_exchange", "conditional", "ceasefire")}),
    # guard: a relative clause of holding with no condition leaves the release unconditional
    ("Hamas said it will release the hostages it captured in October.", {("Hamas", "hostage_prisoner_exchange", "support")}),
])
def test_what_is_demanded_in_exchange_is_the_price(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a thing said not to help the issue is charged with failing what the
    # speaker wants
    ("The State Department said the sanctions would not help efforts to secure a ceasefire.", {("US", "ceasefire", "support")}),
    ("Egypt said the strikes do not advance the truce.", {("Egypt", "ceasefire", "support")}),
    ("Egypt said the vote would not help the hostages.", {("Egypt", "hostage_prisoner_exchange", "support")}),
    # every act listed after the infinitive, where the parser joined the later ones to the helping verb
    ("Rubio said the sanctions do not advance efforts to achieve a ceasefire, bring all the hostages home, and end "
     "the war.", {("US", "ceasefire", "support"), ("US", "hostage_prisoner_exchange", "support")}),
    # guards: said to help it, the same; an actor that will not advance it still refuses it
    ("The State Department said the sanctions would advance efforts to secure a ceasefire.", {("US", "ceasefire", "support")}),
    ("Hamas said it would not advance the ceasefire talks.", {("Hamas", "ceasefire", "oppose")}),
])
def test_a_thing_that_does_not_help_the_issue_is_charged_with_failing_it(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: what a text "aims" or "seeks" to demand or set up is what those who block it
    # refuse, as what it demands or sets up outright is
    ("The United States vetoed a resolution that aimed to demand an immediate ceasefire in Gaza.", {("US", "ceasefire", "oppose")}),
    ("Russia blocked a draft that aimed to authorize an international force.", {("Russia", "stabilization_force", "oppose")}),
    # guard: the outright demand, read as before
    ("The United States vetoed a resolution that demanded an immediate ceasefire in Gaza.", {("US", "ceasefire", "oppose")}),
])
def test_what_a_text_aims_to_demand_is_what_blocking_it_refuses(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: "international partners" are any state's partners, not the force's
    # prospective contributors
    ("The EU and twenty international partners called for an immediate end to the war.", {("EU", "ceasefire", "support")}),
    # guard: the force's partner countries are still named so
    ("Partner countries said they were ready to send troops to the force.", {("ISFPartners", "stabilization_force", "support")}),
])
def test_international_partners_are_not_the_forces_contributors(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: dissolving the armed wing is disarmament, and pressing on with or continuing
    # the military operation is the war going on, in any form of the leading verb
    ("Hamas has firmly rejected dissolving its military wing.", {("Hamas", "disarmament", "oppose")}),
    ("Hamas rejected the dissolution of its armed wing.", {("Hamas", "disarmament", "oppose")}),
    ("Saar said Israel would continue the military operation in the coming days.", {("Israel", "ceasefire", "oppose")}),
    ("Israel said it was pressing on with its offensive.", {("Israel", "ceasefire", "oppose")}),
    # guard: the forms listed before still read so
    ("Hamas rejected disbanding its armed wing.", {("Hamas", "disarmament", "oppose")}),
])
def test_more_words_for_the_armed_wing_dissolved_and_the_war_pressed_on(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a condition opening with "should" before a parenthetical report conditions
    # the clause after the report; its subject's refusal is not what the speaker reports
    ("Should Hamas reject the plan, Netanyahu said, Israel would resume the war.",
     {("Israel", "ceasefire", "conditional", "peace_plan")}),
    ("Should Hamas turn down the peace proposal, Katz said, Israel will finish the job by itself.",
     {("Israel", "ceasefire", "conditional", "peace_plan")}),
    # guard: a reported refusal, with no "should" before its subject, is still the subject's
    ("Hamas rejected the plan, Netanyahu said, and Israel will resume the war.",
     {("Hamas", "peace_plan", "oppose"), ("Israel", "ceasefire", "oppose")}),
])
def test_a_condition_opening_with_should_before_a_report(dictionary, text, expected):
    assert found(text, dictionary) == expected



@pytest.mark.parametrize("text, expected", [
    # texts written for this test: forces kept in a share of the Strip, its territory never left, and Hamas's
    # military capacities dismantled
    ("Hamas rejected new Israeli demands to retain forces in over 40 percent of Gaza.",
     {("Hamas", "withdrawal", "support"), ("Israel", "withdrawal", "oppose")}),
    ("Israel wants to keep troops in half of the Strip.", {("Israel", "withdrawal", "oppose")}),
    ("Katz said Israel will never leave the territory of Gaza.", {("Israel", "withdrawal", "oppose")}),
    ("Netanyahu said Israel will dismantle the military capacities of Hamas.", {("Israel", "disarmament", "support")}),
    # guard: the Strip left outright reads as before
    ("Katz said Israel will never leave Gaza.", {("Israel", "withdrawal", "oppose")}),
])
def test_forces_kept_in_a_share_of_the_strip_and_hamass_capacities(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: aid cut or stopped is aid's opposite however the parser reads the verb, so
    # condemning the decision backs aid and the one who decided it refuses it
    ("Jordan strongly condemned Israel's decision to halt aid deliveries to the Gaza Strip.",
     {("Israel", "humanitarian_aid", "oppose"), ("Jordan", "humanitarian_aid", "support")}),
    ("Jordan condemned Israel's decision to stop aid deliveries to Gaza.",
     {("Israel", "humanitarian_aid", "oppose"), ("Jordan", "humanitarian_aid", "support")}),
    ("Jordan condemned Israel's move to cut aid deliveries to Gaza.",
     {("Israel", "humanitarian_aid", "oppose"), ("Jordan", "humanitarian_aid", "support")}),
    # guards: the short form reads as before, and a deal cut is no aid cut
    ("Jordan condemned Israel's decision to halt aid.",
     {("Israel", "humanitarian_aid", "oppose"), ("Jordan", "humanitarian_aid", "support")}),
    ("Hamas and Israel cut a deal on the hostages.", set()),
])
def test_aid_cut_or_stopped_is_aids_opposite_however_parsed(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a list of states the parser split into two subjects is one list of holders;
    # a group between dashes is spelled out even when tagged as part of a name; a name after a closed list
    # and a comma is not one more item
    ("Egypt, Jordan and Qatar said they welcomed the ceasefire.",
     {("Egypt", "ceasefire", "support"), ("Jordan", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    ("Turkey, the United Arab Emirates and Egypt said they would back an Arab plan for reconstruction.",
     {("Turkey", "reconstruction", "support"), ("UAE", "reconstruction", "support"), ("Egypt", "reconstruction", "support")}),
    ("Eight Arab and Muslim states — Egypt, Jordan, Qatar and Turkey — welcomed the peace plan.",
     {("Egypt", "peace_plan", "support"), ("Jordan", "peace_plan", "support"), ("Qatar", "peace_plan", "support"),
      ("Turkey", "peace_plan", "support")}),
    ("In Qatar, Saudi Arabia and the UAE, Trump demanded a ceasefire.", {("US", "ceasefire", "support")}),
    # guards: a list closed by "and" goes on with "along with"; a list read as one subject reads as before
    ("Egypt, Qatar and the US, along with Turkey, welcomed the ceasefire.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support"), ("US", "ceasefire", "support"),
      ("Turkey", "ceasefire", "support")}),
    ("Egypt, Jordan and Qatar welcomed the ceasefire.",
     {("Egypt", "ceasefire", "support"), ("Jordan", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    # the mediators' efforts name the mediators, not the parties to the deal (nor do the parties join their list)
    ("The minister said that thanks to mediation efforts by Cairo, Doha and Washington, Hamas and Israel reached "
     "a ceasefire.", {("US", "ceasefire", "support"), ("Qatar", "ceasefire", "support"), ("Egypt", "ceasefire", "support")}),
    ("Qatar, alongside the United States, Turkey and Egypt, secured a truce in Gaza.",
     {("Qatar", "ceasefire", "support"), ("US", "ceasefire", "support"), ("Turkey", "ceasefire", "support"),
      ("Egypt", "ceasefire", "support")}),
])
def test_lists_of_states_split_by_the_parse_or_closed_by_and(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a person no actor stands for, named in a sentence of no stance, speaks what
    # follows; "she" and "I" are hers, not the actor a person named before spoke for
    ("The US president said on Monday the parties had accepted the first stage. On Tuesday, Fiona Reid "
     "called for a two-state solution. “I welcome the news,” she said. “I urge both parties to free the hostages "
     "and to let humanitarian aid into Gaza.”", set()),
    # guards: a title is no name, and an actor's person speaks as before
    ("The US president said on Monday the parties had accepted the first stage. On Tuesday, the Prime "
     "Minister said more was needed. “I urge both parties to free the hostages,” he said.",
     {("US", "hostage_prisoner_exchange", "support")}),
    ("Trump said on Monday the parties had accepted the first stage. “I urge both parties to free the "
     "hostages,” he said.", {("US", "hostage_prisoner_exchange", "support")}),
])
def test_a_person_no_actor_stands_for_speaks_for_no_actor(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the partners a verb of acting together names with plain "with" share what
    # the act is for
    ("Egypt is coordinating closely with Qatar and the US to advance the truce plan.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support"), ("US", "ceasefire", "support")}),
    ("Egypt is cooperating with Qatar to secure a ceasefire.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
    # guard: another verb's plain "with" names the other side
    ("Egypt met with Israel to discuss the ceasefire.", set()),
])
def test_partners_of_acting_together(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a reporter's direct question states no stance, the asker's or the one asked
    ("Trump spoke to reporters on Monday. “Can you really keep the truce in place?” a reporter asked.", set()),
    ("“Will Israel accept the ceasefire?” the interviewer asked.", set()),
    # guards: an actor's own question is read (often rhetorical), and so is a plain statement
    ("“Why are the hostages still not released?” the US envoy asked.", {("US", "hostage_prisoner_exchange", "support")}),
    ("Israel accepted the ceasefire.", {("Israel", "ceasefire", "support")}),
])
def test_a_reporters_question_states_no_stance(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the war continued with its owner named, and military activity halted
    ("Israel insists on continuing its war on Gaza.", {("Israel", "ceasefire", "oppose")}),
    ("Israel will continue its military campaign.", {("Israel", "ceasefire", "oppose")}),
    ("Hamas has agreed to halt all military activity.", {("Hamas", "ceasefire", "support")}),
    # the truce declared over by its own name
    ("Israel has now declared the Gaza truce over.", {("Israel", "ceasefire", "oppose")}),
    ("Israel declared the truce over on Tuesday.", {("Israel", "ceasefire", "oppose")}),
    # guard: with a condition, the war continued until it is met is the condition's, as before
    ("Netanyahu said Israel would continue its war until Hamas is disarmed.",
     {("Israel", "ceasefire", "conditional", "disarmament"), ("Israel", "disarmament", "support")}),
])
def test_the_war_continued_by_its_owner_the_truce_declared_over_and_military_activity_halted(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: "no way" before a clause negates it, wherever the parser hangs it
    ("Katz said there is no way Israel would halt this war.", {("Israel", "ceasefire", "oppose")}),
    ("Katz said there would be no way we would end the fighting.", {("Israel", "ceasefire", "oppose")}),
    ("Hamas said there is no way it will disarm.", {("Hamas", "disarmament", "oppose")}),
    # guard: a way found is no negation
    ("Israel will find a way to halt the war.", {("Israel", "ceasefire", "support")}),
    # a part in ruling that Hamas wants is its rule (its not wanting one backs governance without it); a role it
    # is told it may not have reads as before
    ("Hamas is not seeking a role in governing Gaza.", {("Hamas", "governance", "support")}),
    ("Hamas said it does not want a role in governing Gaza.", {("Hamas", "governance", "support")}),
    ("Hamas wants a role in running Gaza.", {("Hamas", "governance", "oppose")}),
    ("Hamas must have no role in governing Gaza, Israel said.", {("Israel", "governance", "support")}),
])
def test_no_way_and_a_part_in_ruling_sought(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: who condemns a breach of a deal wants the deal; the one charged is only charged
    ("Pakistan condemned the violation of the ceasefire by Israel.", {("Pakistan", "ceasefire", "support")}),
    ("Qatar denounced Israel's breach of the truce.", {("Qatar", "ceasefire", "support")}),
    # guards: a breach told, or praised, names no stance
    ("Israel said Hamas had committed a breach of the truce.", set()),
    ("Egypt praised the violation of the ceasefire.", set()),
])
def test_a_condemned_breach_backs_the_deal(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: aid announced to stop is aid refused by whoever announces it
    ("Netanyahu's office said that aid would stop entering Gaza from Sunday.", {("Israel", "humanitarian_aid", "oppose")}),
    ("Israel said aid will stop entering Gaza.", {("Israel", "humanitarian_aid", "oppose")}),
    # guard: aid wanted to flow reads as before
    ("Egypt called for aid to reach Gaza.", {("Egypt", "humanitarian_aid", "support")}),
])
def test_aid_announced_to_stop(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: aid's stop named with where it goes before the stop, or by a noun before it
    ("Israel's defence minister said aid entering the Strip would stop at midnight.", {("Israel", "humanitarian_aid", "oppose")}),
    ("Israel announced the cessation of aid shipments to the enclave.", {("Israel", "humanitarian_aid", "oppose")}),
    ("Jordan condemned the cessation of humanitarian aid.", {("Jordan", "humanitarian_aid", "support")}),
    # guard: the truce's own name that begins with the noun reads as before
    ("Hamas agreed to a cessation of hostilities.", {("Hamas", "ceasefire", "support")}),
])
def test_aid_stopped_by_a_phrase_around_its_name(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_fighting_on_until_a_condition_is_the_war_kept_on_only_until_then(dictionary):
    # a text written for this test: "fight" as the verb of the war itself
    assert found("The Israeli premier vowed to fight on until every captive is back.", dictionary) == {
        ("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "hostage_prisoner_exchange", "support")}


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a party whose leaving power is the issue, said by another not to rule, is the
    # other's arrangement; said by the party itself, still its own
    ("Netanyahu said Hamas will not rule Gaza.", {("Israel", "governance", "support")}),
    ("Hamas won't rule the Strip, Katz said.", {("Israel", "governance", "support")}),
    ("Hamas said it will no longer rule Gaza.", {("Hamas", "governance", "support")}),
    # Hamas's chiefs sent out of Gaza, and the capabilities by which it governs taken away
    ("Israel demanded the exile of Hamas's leadership.", {("Israel", "governance", "support")}),
    ("Israel wants the group's top commanders to go into exile.", {("Israel", "governance", "support")}),
    ("Hamas rejected any exile of its leaders.", {("Hamas", "governance", "oppose")}),
    ("Israel vowed to destroy Hamas's governmental capabilities.", {("Israel", "governance", "support")}),
])
def test_an_excluded_party_kept_from_ruling(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the Palestinian Authority's own part in ruling Gaza, said by another, is the other's
    # stance on it ("no" before the part denies it); said by the PA itself, still its own; handing over responsibility
    # for the Strip is a handover of its rule
    ("The Israeli premier said that the Palestinian Authority would have no role in the Strip.",
     {("Israel", "governance", "oppose")}),
    ("Katz said the PA will not take over the Strip.", {("Israel", "governance", "oppose")}),
    ("The PA will not take over Gaza, an Abbas aide said.", {("PalestinianAuthority", "governance", "oppose")}),  # guard
    ("Abbas urged Hamas to cede responsibility for the Strip.", {("PalestinianAuthority", "governance", "support")}),
])
def test_the_pa_part_in_ruling_said_by_another(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the conditions a colon lists after an issue and its condition noun are each a
    # condition of the issue, held by who backs the issue itself
    ("Katz said Israel could end the war according to two conditions: the return of every hostage and the "
     "disarmament of Hamas.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "ceasefire", "conditional", "disarmament"),
      ("Israel", "hostage_prisoner_exchange", "support"), ("Israel", "disarmament", "support")}),
    ("Israel's cabinet adopted three principles for ending the war: the return of every hostage and the "
     "demilitarization of Gaza.",
     {("Israel", "ceasefire", "conditional", "hostage_prisoner_exchange"), ("Israel", "ceasefire", "conditional", "disarmament"),
      ("Israel", "hostage_prisoner_exchange", "support"), ("Israel", "disarmament", "support")}),
    # guards: "in principle" names no condition; an issue after a colon is among the conditions, not what waits
    ("Hamas agreed in principle to a truce of sixty days and the release of every hostage.",
     {("Hamas", "ceasefire", "support"), ("Hamas", "hostage_prisoner_exchange", "support")}),
    ("Israel's cabinet adopted four principles for concluding the fighting: disarming Hamas; demilitarizing Gaza.",
     {("Israel", "disarmament", "support")}),
    # guard: a colon after a condition noun with no issue before it waits for nothing
    ("Egypt set out its conditions: the return of every hostage and the demilitarization of Gaza.",
     {("Egypt", "hostage_prisoner_exchange", "support"), ("Egypt", "disarmament", "support")}),
])
def test_conditions_listed_after_a_colon(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the mediators back what their side of a word of contrast names, not what the
    # clause past it says another demands
    ("Hamas accepted a truce drawn up by mediators Egypt and Qatar, but Netanyahu demanded that Hamas disarm.",
     {("Hamas", "ceasefire", "support"), ("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support"),
      ("Israel", "disarmament", "support")}),
    # guard: with no contrast, everything the sentence names is theirs
    ("Mediators Egypt and Qatar urged a truce and a release of all hostages.",
     {("Egypt", "ceasefire", "support"), ("Egypt", "hostage_prisoner_exchange", "support"),
      ("Qatar", "ceasefire", "support"), ("Qatar", "hostage_prisoner_exchange", "support")}),
])
def test_mediators_back_their_side_of_a_contrast(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: "it" after an aside set off by dashes is not a name inside the aside
    ("Hamas named 30 captives — including three U.S. nationals — it is willing to free in a truce deal.",
     {("Hamas", "ceasefire", "support")}),
    # guard: the names of an aside that spells out the subject stay the subject's
    ("The mediators — Egypt and Qatar — said they back a truce.",
     {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}),
])
def test_a_pronoun_after_a_dashed_aside(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: "won't" is "will not" (the tokenizer leaves "wo" before "n't")
    ("Katz said the cabinet won't convene to ratify the truce.", {("Israel", "ceasefire", "oppose")}),
    ("Katz said the cabinet will not convene to ratify the truce.", {("Israel", "ceasefire", "oppose")}),
])
def test_wont_is_will_not(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: Hamas as a ruling force, ended or going on, is governance; a "governing force"
    # is no stabilization force
    ("Katz said Israel would keep working at eliminating Hamas as a governing force.", {("Israel", "governance", "support")}),
    ("Vance said Hamas can't go on existing, and cannot continue as a governing force.", {("US", "governance", "support")}),
    # a noun of displeasure the parser parted from its "with" phrase still judges it
    ("Ben-Gvir voiced his displeasure with the ceasefire agreement.", {("Israel", "ceasefire", "oppose")}),
    # guards: a force to be sent reads as before; a "with" phrase after a noun of backing is the verb's own
    ("Indonesia said it would join any force in Gaza.", {("Indonesia", "stabilization_force", "support")}),
    ("Hamas said it was still weighing Witkoff's offer, with the aim of an exchange of prisoners.",
     {("Hamas", "hostage_prisoner_exchange", "support")}),
])
def test_a_ruling_force_and_displeasure(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: "the only possible way" is a sole means as "the only way" is
    ("Jordan said the only realistic way to rebuild Gaza is the founding of a Palestinian state.",
     {("Jordan", "reconstruction", "conditional", "governance")}),
    # Hamas's removal named by its possessive
    ("Israel insisted on Hamas's removal from the Strip.", {("Israel", "governance", "support")}),
])
def test_sole_means_and_removal(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, named", [
    # texts written for this test: the verb "force" names no stabilization force; the noun after a determiner does
    ("The UN opposed any attempt to force Gazans out of the Strip.", False),
    ("Pakistan weighed joining any force in Gaza.", True),
    # nor a part played in an effort
    ("Egypt, seen as a leading force in the effort, stayed away.", False),
])
def test_the_verb_force_names_no_force(text, named, dictionary):
    from kg.extract import get_scanner, load_lexicon
    from kg.extract.extractor import article_mentions

    issues = {m.value for m in article_mentions(get_scanner(dictionary, load_lexicon()), text) if m.kind == "issue"}
    assert ("stabilization_force" in issues) is named


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: ruling "in" Gaza is who governs it, as ruling Gaza is
    ("The minister said Israel would not allow Hamas to rule in Gaza again.", {("Israel", "governance", "support")}),
    # limiting aid refuses it, as restricting it does
    ("Israel has limited the aid that enters Gaza.", {("Israel", "humanitarian_aid", "oppose")}),
    # a negated verb that takes a part refuses the part its object names
    ("The EU said Hamas must not have any role in governing the Strip.", {("EU", "governance", "support")}),
    # guard: a part refused with "not play" reads as before
    ("Egypt said it would not play a role in rebuilding Gaza.", {("Egypt", "reconstruction", "oppose")}),
    # "they" after a group of its own that names no actor is that group, not the actor named the sentence before
    ("Israel wants the force to disarm Hamas. Several nations have said that they would refuse any role in disarming Hamas.",
     {("Israel", "disarmament", "support"), ("Israel", "stabilization_force", "support")}),
])
def test_rule_in_gaza_limits_and_parts_refused(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: "they" after speakers the sentence leaves unnamed is those speakers, whom no actor
    # stands for, not the actor named nearest before
    ("Egypt urged calm. Medical sources said Israeli troops shot two men near Rafah, an attack they described as a "
     "breach of the ceasefire.", {("Egypt", "ceasefire", "support")}),
])
def test_they_after_unnamed_speakers_or_states(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, actors", [
    # texts written for this test: a state's name inside an outlet's name, or its demonym before "channel", is the
    # outlet's, not the state's
    ("The Jordan Times reported that Egypt backed the truce.", {"Egypt"}),
    ("Pakistan Point News carried the statement.", set()),
    # guard: a demonym before "channel" names no actor
    ("A Fatah official told the Saudi channel Al Arabiya that Hamas must leave power.", {"Hamas"}),
])
def test_outlets_named_for_a_state(text, actors, dictionary):
    from kg.extract import get_scanner, load_lexicon
    from kg.extract.extractor import article_mentions

    mentions = article_mentions(get_scanner(dictionary, load_lexicon()), text)
    assert {m.value for m in mentions if m.kind == "actor"} == actors


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: Hamas's part in governing, named either way round, is the opposite of a post-war
    # arrangement, and rejecting it backs one
    ("The cabinet said Israel opposes the participation of Hamas in the next government.", {("Israel", "governance", "support")}),
    ("Israel rejects Hamas's involvement in governing the enclave.", {("Israel", "governance", "support")}),
    # the summit declaration of October, with either spelling of the resort, is the plan's
    ("Ankara reaffirmed its commitment to the Sharm El-Sheikh summit declaration.", {("Turkey", "peace_plan", "support")}),
    # guard: a part in something else is no part in ruling Gaza
    ("Israel said Hamas's role in the attack was clear.", set()),
])
def test_hamas_part_in_governing_and_the_summit_declaration(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the infinitive a noun of refusal takes, hung by the parser on the verb before it as
    # its complement, is the refusal's ("criticized Israel's refusal/obj [to agree/xcomp to the truce]")
    ("Hamas criticized Israel's refusal to agree to the truce.",
     {("Hamas", "ceasefire", "support"), ("Israel", "ceasefire", "oppose")}),
    # guard: an actor urged to do a thing keeps its parse (the urging is the stance)
    ("Egypt urged Hamas to agree to the truce.", {("Egypt", "ceasefire", "support")}),
])
def test_a_refusal_s_infinitive_read_as_the_verb_s_complement(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the place a withdrawal is made from is no opposite of it, though its name alone is
    ("Cairo demands a complete Israeli withdrawal from the buffer zone.", {("Egypt", "withdrawal", "support")}),
    # guard: the same place held on to is the opposite
    ("Israel will keep a buffer zone inside Gaza, Katz said.", {("Israel", "withdrawal", "oppose")}),
])
def test_the_place_withdrawn_from_is_no_opposite(dictionary, text, expected):
    assert found(text, dictionary) == expected


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: a remit confined to a task ("limit their role to peacekeeping") refuses no task,
    # though limiting aid refuses aid
    ("Israel wants the force to disarm Hamas, but the partner countries want to limit their role to "
     "peacekeeping instead of disarmament.",
     {("ISFPartners", "disarmament", "oppose"), ("ISFPartners", "stabilization_force", "support"),
      ("Israel", "disarmament", "support"), ("Israel", "stabilization_force", "support")}),
    ("The partner countries will restrict their mission to monitoring the truce.", {("ISFPartners", "ceasefire", "support")}),
    # guard: aid limited or restricted to one crossing is still aid held back
    ("Israel restricted aid to a single crossing.", {("Israel", "humanitarian_aid", "oppose")}),
])
def test_a_remit_confined_to_a_task(dictionary, text, expected):
    assert found(text, dictionary) == expected


def test_a_draft_named_by_the_truce_it_demands_is_the_truce(dictionary):
    # text written for this test: a council's draft named by what it demands is that demand, not the plan
    assert found("Russia backed a draft resolution demanding an immediate truce.", dictionary) == {
        ("Russia", "ceasefire", "support")}


@pytest.mark.parametrize("text, expected", [
    # texts written for this test: the Palestinian Authority's involvement or participation, "by" or "of" it, is its part
    # in ruling Gaza, as a role for it is
    ("Israel opposes any involvement by the Ramallah-based Palestinian Authority.", {("Israel", "governance", "oppose")}),
    # guard: its participation, named with "of", reads as before
    ("Egypt backed the participation of the Palestinian Authority.", {("Egypt", "governance", "support")}),
])
def test_the_authority_s_involvement_is_governance(dictionary, text, expected):
    assert found(text, dictionary) == expected
