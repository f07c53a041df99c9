"""Repairs of the parse the rules read: places where the compact parser errs in a way the tagger's
tags or the words themselves show, mended before any rule walks the tree. Each repair changes only
heads and labels, never tokens, so offsets and quotes are untouched."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .lemmatize import lemma_candidates


# "-ing" words that are prepositions, not verbs, before a noun
_ING_PREPOSITIONS = frozenset({"including", "following", "regarding", "concerning", "according", "excluding", "considering",
                               "pending", "during", "barring", "notwithstanding", "respecting", "touching", "involving",
                               "surrounding", "facing", "entering", "starting", "beginning", "preceding", "succeeding"})


@dataclass(frozen=True)
class RepairLists:
    """The word lists the repairs read, as lowercase lemmas (the rule book's `repair_lists`, from
    ontology/rules/lemmas.yaml); a list left empty switches off the repairs that need it."""
    infinitive_nouns: frozenset[str] = frozenset()  # nouns an infinitive completes ("the decision to halt aid")
    stance_verbs: frozenset[str] = frozenset()  # stance verbs the tagger may read as plural nouns
    verb_forms: frozenset[str] = frozenset()  # words that are only ever verbs
    statement_verbs: frozenset[str] = frozenset()  # verbs that state or report a stance
    purpose_participles: frozenset[str] = frozenset()
    member_verbs: frozenset[str] = frozenset()  # participles that list a group's members
    conditioning_verbs: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    tying_verbs: frozenset[str] = frozenset()
    control_adjectives: frozenset[str] = frozenset()
    subject_control_verbs: frozenset[str] = frozenset()
    insistence_nouns: frozenset[str] = frozenset()  # nouns whose "on" phrase is what is insisted on
    doubt_nouns: frozenset[str] = frozenset()  # nouns whose "about" or "over" phrase is what is doubted
    inverting_auxiliaries: frozenset[str] = frozenset()  # "should" opening a condition without "if"


def repair_parse(doc: Any, lists: RepairLists = RepairLists()) -> None:
    """Apply every repair to one parsed sentence, in this order:
    - words hung on a copula, hung on its predicate;
    - clause verbs tagged as plural nouns (`verb_forms`: words that are only ever verbs);
    - conditions read as complements ("until Hamas/nsubj is disarmed/ccomp") or their subject as a noun of
      the main clause ("before Hamas/obl is disarmed/parataxis");
    - stance verbs tagged as plural nouns (`stance_verbs`: their lemmas);
    - main verbs read as participles of their subject (`statement_verbs`: the verbs that say or report
      a stance), participles that head a sentence with a subject and no auxiliary, past tenses hung
      on the noun heading the sentence, stance verbs after "but" or "and" read as a modifier of the
      noun after them, participles that list a group's members read as a modifier
      of the first member (`member_verbs`), subjects joined to a fronted phrase, predicates a
      parenthetical report cut off from their subject ("Disarmament, he said, is not acceptable"), a
      condition opening with "should" that the parser made a second complement of a parenthetical report
      ("Should Hamas reject the plan, he said, Israel will finish the job"; `inverting_auxiliaries`), main
      verbs hung on a subject's relative clause, and main verbs hung on a subject's participle phrase;
    - participles of purpose hung on a verb instead of their noun (`purpose_participles`);
    - participles tagged as nouns, participles read as prepositions or adjectives, participles after
      a comma hung on the verb's object (reporting a clause, or a stance verb with an object of its
      own), and the object of a gerund subject read as a second subject;
    - prepositions read as nouns or verbs, "that" clauses of adjectives, "as long as", the names a plural
      subject's "from" phrase lists, a fronted "as" phrase read as a second subject;
    - the "on" phrase of a conditioning verb hung on its object (`conditioning_verbs`), the phrase a verb
      took from its object of insistence or doubt (`insistence_nouns`, `doubt_nouns`), the "to"
      phrase of a tying verb (`tying_verbs`), an "in exchange for" phrase hung on a participle of
      the verb's object, and the later items of that phrase's list joined to the verb;
    - "by" phrases of active verbs, the one "cited as saying" something left without the saying (`citing_verbs`), "it"
      read as the expletive of an action verb, a subject read as the root because an aside between
      commas follows it;
    - the passive subject of an adjective with a copula and no passive auxiliary ("Indonesia is prepared"),
      and an infinitive after an adjective of will read as a clause of purpose (`control_adjectives`);
    - what follows "remained", listed verbs, the items of a list split off its first one (`statement_verbs`
      again: a reported clause's list hung on the reporting verb), participles of a perfect read as modifiers of its
      object, perfect auxiliaries, verbs with a modal read as a modifier of their object,
      infinitives read as a noun's modifier, "for X to end" read as two phrases of the verb, then
      infinitives that complete a noun (`infinitive_nouns`: the nouns that take one).
    The names in backticks are the lists of `lists` each repair reads."""
    # every repair walks the sentence word by word: the views of its words are made once
    doc = _Words(doc)
    # a repair whose words the sentence lacks would change nothing: it is skipped (repairs change
    # heads, labels and tags, never words or lemmas, so the words read here hold throughout)
    words: set[str] = set()
    lemmas: set[str] = set()
    tags: set[str] = set()
    nominal_root = False
    for token in doc:
        words.add(token.lower_)
        lemmas.add((token.lemma_ or token.lower_).lower())
        tags.add(token.tag_)
        if token.head.i == token.i:
            nominal_root = nominal_root or token.tag_.startswith("NN")
    steps: list[Callable[[], None]] = []
    if "be" in lemmas:
        steps.append(lambda: rehang_copula_dependents(doc))
    if (not words.isdisjoint(lists.verb_forms) or "NNS" in tags) and not words.isdisjoint(_SUBORDINATORS):
        steps.append(lambda: restore_clause_verbs(doc, lists.verb_forms))
    if not words.isdisjoint(_CONDITION_SUBORDINATORS):
        steps.append(lambda: relabel_subordinated_complements(doc))
        steps.append(lambda: restore_subordinated_subjects(doc))
    if not lemmas.isdisjoint(lists.stance_verbs) and "NNS" in tags:
        steps.append(lambda: restore_noun_verbs(doc, lists.stance_verbs))
    # a finite verb of a clause under the noun heading the sentence leaves it no main verb all the same
    if "VBN" in tags and (not tags & _FINITE_TAGS or nominal_root) and not lemmas.isdisjoint(lists.statement_verbs):
        steps.append(lambda: restore_main_verbs(doc, lists.statement_verbs))
    if "VBN" in tags:
        steps.append(lambda: restore_past_tenses(doc))
    if "VBN" in tags or "VBD" in tags:
        steps.append(lambda: restore_verbs_read_as_modifiers(doc))
        if not words.isdisjoint(("but", "and")) and not lemmas.isdisjoint(lists.stance_verbs):
            steps.append(lambda: restore_coordinated_verbs_read_as_modifiers(doc, lists.stance_verbs))
    if "VBD" in tags:
        steps.append(lambda: restore_finite_verbs_under_nouns(doc))
    if "VBG" in tags and not lemmas.isdisjoint(lists.member_verbs):
        steps.append(lambda: rehang_member_participles(doc, lists.member_verbs))
    if "," in words and tags & _FINITE_TAGS:
        steps.append(lambda: join_split_subject_lists(doc))
        steps.append(lambda: restore_subjects_after_fronted_phrases(doc))
        if not lemmas.isdisjoint(lists.statement_verbs):
            steps.append(lambda: rehang_parenthetical_reports(doc, lists.statement_verbs))
            if not words.isdisjoint(lists.inverting_auxiliaries):
                steps.append(lambda: rehang_inverted_conditions_of_reports(doc, lists.statement_verbs, lists.inverting_auxiliaries))
    if "VBG" in tags and tags & {"VBD", "VBN"}:
        steps.append(lambda: restore_verbs_after_participle_phrases(doc))
    if not words.isdisjoint(_RELATIVE_WORDS):
        steps.append(lambda: restore_verbs_after_relative_clauses(doc))
    if not words.isdisjoint(lists.purpose_participles):
        steps.append(lambda: rehang_purpose_participles(doc, lists.purpose_participles))
    if any(word.endswith("ing") for word in words):
        steps.append(lambda: restore_participles(doc))
        steps.append(lambda: restore_participles_read_as_prepositions(doc))
        steps.append(lambda: rehang_comma_participles(doc, lists.stance_verbs))
        steps.append(lambda: restore_gerund_objects(doc))
    if not words.isdisjoint(_RARE_PREPOSITIONS):
        steps.append(lambda: restore_prepositions(doc))
    if "that" in words:
        steps.append(lambda: relabel_adjective_clauses(doc))
    if "long" in words:
        steps.append(lambda: rehang_as_long_as(doc))
    if "from" in words and "NNP" in tags:
        steps.append(lambda: rehang_from_lists(doc))
    if not words.isdisjoint(_DASHES) and tags & {"NNS", "NNPS"}:
        steps.append(lambda: rehang_dashed_lists(doc))
    if "as" in words:
        steps.append(lambda: rehang_fronted_as_phrases(doc))
    if not words.isdisjoint(("on", "upon")) and not lemmas.isdisjoint(lists.conditioning_verbs):
        steps.append(lambda: rehang_conditions_on_objects(doc, lists.conditioning_verbs))
    if not words.isdisjoint(("on", "upon")) and not lemmas.isdisjoint(lists.insistence_nouns):
        steps.append(lambda: rehang_phrases_of_object_nouns(doc, lists.insistence_nouns, ("on", "upon")))
    if not words.isdisjoint(_TOPIC_PREPOSITIONS) and not lemmas.isdisjoint(lists.doubt_nouns):
        steps.append(lambda: rehang_phrases_of_object_nouns(doc, lists.doubt_nouns, _TOPIC_PREPOSITIONS))
    if "to" in words and not lemmas.isdisjoint(lists.tying_verbs):
        steps.append(lambda: rehang_conditions_on_objects(doc, lists.tying_verbs, ("to",)))
    if "for" in words and not words.isdisjoint(_EXCHANGE_NOUNS):
        steps.append(lambda: rehang_exchange_phrases(doc))
        steps.append(lambda: rehang_exchange_lists(doc))
    steps.append(lambda: rehang_active_agents(doc))
    if "saying" in words and not lemmas.isdisjoint(lists.citing_verbs):
        steps.append(lambda: rehang_cited_speakers(doc, lists.citing_verbs))
    if "," in words:
        steps.append(lambda: restore_subjects_before_asides(doc))
    if "it" in words:
        steps.append(lambda: restore_pronoun_subjects(doc, lists.control_adjectives, lists.subject_control_verbs))
    if "to" in words and not lemmas.isdisjoint(lists.control_adjectives):
        steps.append(lambda: relabel_adjective_infinitives(doc, lists.control_adjectives))
    if not lemmas.isdisjoint(_COPULAR_VERBS):
        steps.append(lambda: rehang_copular_complements(doc))
    steps.append(lambda: rehang_listed_verbs(doc, lists.statement_verbs))
    if "," in words or "and" in words:
        steps.append(lambda: rehang_listed_nominals(doc))
    if "be" in lemmas:
        steps.append(lambda: relabel_copular_subjects(doc))
    if "have" in lemmas:
        steps.append(lambda: restore_perfect_participles(doc))
        steps.append(lambda: rehang_perfect_auxiliaries(doc))
    if "MD" in tags:
        steps.append(lambda: restore_compound_verbs(doc))
    if "to" in words and "for" in words:
        steps.append(lambda: restore_for_to_clauses(doc))
    if "to" in words:
        steps.append(lambda: rehang_verb_infinitives(doc))
        steps.append(lambda: restore_infinitive_verbs(doc))
        steps.append(lambda: rehang_infinitives(doc, lists.infinitive_nouns))

    # a repair's head changes may close a loop the rules would walk for ever (a rare parse two repairs
    # both touch): the sentence then keeps the parse it had, with every repair that leaves no loop
    before = _tree_of(doc)
    for step in steps:
        step()
    if _has_loop(doc):
        _restore_tree(doc, before)
        for step in steps:
            kept = _tree_of(doc)
            step()
            if _has_loop(doc):
                _restore_tree(doc, kept)


# the parse as spaCy stores it, copied in one call rather than read view by view: for each token the
# offset of its head (unsigned: cast to signed before use), its label and its tag
_TREE_COLUMNS = ["HEAD", "DEP", "TAG"]


def _tree_of(doc: Any) -> Any:
    return doc.to_array(_TREE_COLUMNS)


def _restore_tree(doc: Any, tree: Any) -> None:
    offsets = tree[:, 0].astype("int64").tolist()
    for token, offset, (_, dep, tag) in zip(doc, offsets, tree.tolist()):
        token.head = doc[token.i + offset]
        token.dep = dep
        token.tag = tag


def _has_loop(doc: Any) -> bool:
    """Whether following heads up from some token comes back to it instead of reaching the root."""
    heads = [i + offset for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist())]
    done: set[int] = set()
    for i in range(len(heads)):
        path: set[int] = set()
        node = i
        while node not in done and heads[node] != node:
            if node in path:
                return True
            path.add(node)
            node = heads[node]
        done |= path
    return False

class _Words:
    """The tokens of a parsed sentence, iterable, indexable and sliceable like its `Doc`, each spaCy view
    made once: a `Token` reads the parse it views, so a view made before a repair sees what the repair
    changed."""

    __slots__ = ("doc", "tokens")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.tokens = list(doc)

    def __iter__(self) -> Any:
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, key: int | slice) -> Any:
        return self.tokens[key]

    def to_array(self, columns: Any) -> Any:
        return self.doc.to_array(columns)


def _lemma_among(token: Any, lemmas: frozenset[str]) -> bool:
    """Whether any base form the token's lemma or ending suggests is among `lemmas` (as the rules' `_lemma_in`)."""
    return any(lemma in lemmas for lemma in lemma_candidates((token.lemma_ or "").lower(), token.text))


def _ancestors(token: Any) -> list:
    """The heads above a token, nearest first (bounded, in case a repair left a cycle)."""
    found = []
    while token.head.i != token.i and len(found) < 64:
        token = token.head
        found.append(token)
    return found


# prepositions the treebank the parser learnt from hardly holds, which it reads as nouns or verbs
_RARE_PREPOSITIONS = frozenset({"alongside"})
_PHRASE_TAGS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "CD", "PRP$", "POS", "NN", "NNS", "NNP", "NNPS", "HYPH", "PRP"})


def restore_prepositions(doc: Any) -> None:
    """Make a rare preposition the case marker of the noun phrase after it again, when the parser read
    it as a noun or a verb ("a plan that Netanyahu endorsed alongside/NN Trump/obj": Trump is not what
    was endorsed; "deploy troops alongside/VB Indonesia/obj"): the phrase hangs on the word the
    preposition hung from, and what the preposition had taken from it goes back."""
    for word in doc:
        if word.lower_ not in _RARE_PREPOSITIONS or word.dep_ == "case":
            continue
        phrase = []
        for token in doc[word.i + 1:]:
            if token.tag_ not in _PHRASE_TAGS:
                break
            phrase.append(token)
        nouns = [t for t in phrase if t.tag_.startswith("NN") or t.tag_ == "PRP"]
        if not nouns:
            continue
        noun = nouns[-1]
        span = range(word.i, noun.i + 1)
        anchor = word.head
        while anchor.i in span and anchor.head.i != anchor.i:
            anchor = anchor.head
        root = anchor.i in span  # the preposition's phrase was the whole tree
        # "endorsed the plan/compound alongside/obj": what the preposition took its place from gets it back
        taken = [c for c in word.children if c.i < word.i and c.tag_ not in (",", ".", ":", "HYPH")]
        if taken and root:  # "Talks alongside the summit": the word before is the root again
            taken[-1].head = taken[-1]
            taken[-1].dep_ = "ROOT"
            anchor, root = taken[-1], False
        elif taken and word.head.i not in span:
            taken[-1].head = word.head
            taken[-1].dep_ = word.dep_
        for token in doc:
            if token.i != noun.i and token.head.i == word.i and token.i not in (t.i for t in taken[-1:]):
                token.head = noun if token.i in span else (anchor if not root else noun)
        if root:
            noun.head = noun
            noun.dep_ = "ROOT"
        else:
            noun.head = anchor
            noun.dep_ = "obl" if anchor.tag_.startswith("VB") or anchor.tag_ == "MD" else "nmod"
        for token in phrase:
            if token.i != noun.i and token.head.i not in span:
                token.head = noun
        word.head = noun
        word.dep_ = "case"
        word.tag_ = "IN"
        word.pos_ = "ADP"


def relabel_adjective_clauses(doc: Any) -> None:
    """Make a "that" clause on an adjective its complement when the parser read it as a relative
    clause ("made clear/JJ [that disarmament is essential]/acl:relcl"): an adjective has no
    relative clause, and the rules read what is said through a complement."""
    for clause in doc:
        if (clause.dep_ == "acl:relcl" and clause.head.tag_ in ("JJ", "JJR") and clause.head.i < clause.i
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)):
            clause.dep_ = "ccomp"


def rehang_active_agents(doc: Any) -> None:
    """Hang a "by" phrase the parser made the agent of an active verb on the verb's object ("Hamas
    rejected the offers/obj by Witkoff/obl:agent"): a verb with a subject of its own and no passive
    auxiliary has no agent, and the offers are Witkoff's, not the rejection."""
    for agent in doc:
        if agent.dep_ != "obl:agent":
            continue
        verb = agent.head
        if verb.i == agent.i or not verb.tag_.startswith("VB") or verb.tag_ == "VBN" and not any(
                c.dep_ == "nsubj" for c in verb.children):
            continue
        children = list(verb.children)
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in children) or not any(c.dep_ == "nsubj" for c in children):
            continue
        objects = [c for c in children if c.dep_ == "obj" and c.i < agent.i and c.tag_.startswith("NN")]
        if objects:
            agent.head = objects[-1]
            agent.dep_ = "nmod"


def rehang_cited_speakers(doc: Any, verbs: frozenset[str]) -> None:
    """Make the one quoted the subject of "saying" ("Witkoff cited Hamas/obj as saying/advcl it was ready
    to disarm"): what follows is Hamas's word, which the parse left without a speaker of its own, so
    that the walk went on up to the one who cites it."""
    for saying in doc:
        if (saying.lower_ != "saying" or saying.dep_ != "advcl"
                or (saying.head.lemma_ or saying.head.lower_).lower() not in verbs
                or not any(c.dep_ == "mark" and c.lower_ == "as" for c in saying.children)
                or any(c.dep_ == "nsubj" for c in saying.children)):
            continue
        quoted = next((c for c in saying.head.children if c.dep_ == "obj" and c.i < saying.i), None)
        if quoted is not None:
            quoted.head = saying
            quoted.dep_ = "nsubj"


def relabel_copular_subjects(doc: Any) -> None:
    """Make the passive subject of an adjective with a copula its subject ("If and when the Council
    decides/NNS, Indonesia/nsubj:pass is/cop prepared/JJ to deploy troops"): a word with "is" before it
    and no passive auxiliary is no passive, and its subject is who is prepared."""
    for subject in doc:
        if subject.dep_ != "nsubj:pass":
            continue
        head = subject.head
        children = list(head.children)
        if (head.tag_.startswith("JJ") and any(c.dep_ == "cop" for c in children)
                and not any(c.dep_ == "aux:pass" for c in children)):
            subject.dep_ = "nsubj"


_COPULAR_VERBS = frozenset({"remain", "stay", "become", "seem", "appear", "look", "prove"})


def rehang_copular_complements(doc: Any) -> None:
    """Hang the adjective after "remained" on it when the parser made both clauses of the verb above
    ("said Qatar remained/ccomp committed/ccomp to working ..."): the adjective is what the subject remains."""
    for verb in doc:
        if (verb.lemma_ or verb.lower_).lower() not in _COPULAR_VERBS or not verb.tag_.startswith("VB") or verb.i + 1 >= len(doc):
            continue
        adjective = doc[verb.i + 1]
        if (adjective.tag_ in ("JJ", "VBN") and verb.head.i != verb.i and adjective.head.i == verb.head.i
                and adjective.dep_ == verb.dep_ and not any(c.dep_ in ("nsubj", "nsubj:pass") for c in adjective.children)
                and not any(c.dep_ in ("xcomp", "obj") for c in verb.children)):
            adjective.head = verb
            adjective.dep_ = "xcomp"
        if adjective.head.i == verb.i and adjective.dep_ == "xcomp" and adjective.tag_ in ("JJ", "VBN"):
            # "Hamas remained opposed/xcomp to the plan/obl": the phrase completes the adjective, not the verb
            for phrase in list(verb.children):
                if (phrase.dep_ == "obl" and phrase.i > adjective.i and phrase.left_edge.i == adjective.right_edge.i + 1
                        and phrase.left_edge.lower_ in ("to", "on", "for", "with", "about")):
                    phrase.head = adjective


_SUBORDINATORS = frozenset({"after", "before", "until", "till", "unless", "if", "once", "when", "as", "because"})
_SUBJECT_DEPS = frozenset({"compound", "nmod:unmarked", "nsubj", "nmod:poss"})


def restore_clause_verbs(doc: Any, verb_forms: frozenset[str]) -> None:
    """Make a clause again of a subordinator, a noun phrase and a verb that is never a noun, which the
    tagger read as a plural noun ("after Hamas/compound disarms/NNS", the subordinator hung on
    "Hamas"), or a plural noun with an object ("unless Hamas surrenders/NNS its weapons"): the verb
    heads an adverbial clause, the noun before it is its subject, the subordinator its marker, so that
    the clause is the condition it states."""
    for verb in doc:
        if verb.tag_ not in ("NNS", "NN") or verb.i == 0 or verb.lower_ not in verb_forms and not (
                # a noun takes no object: "unless Hamas surrenders/NNS its weapons/obj" is a verb
                verb.tag_ == "NNS" and verb.lower_.endswith("s") and any(c.dep_ == "obj" and c.i > verb.i for c in verb.children)):
            continue
        subject = doc[verb.i - 1]
        if subject.head.i != verb.i or subject.dep_ not in _SUBJECT_DEPS or not subject.tag_.startswith(("NN", "PRP")):
            continue
        markers = [t for t in (*subject.children, *verb.children)
                   if t.dep_ in ("case", "mark", "advmod") and t.i < subject.left_edge.i + 1 and t.lower_ in _SUBORDINATORS]
        if not markers:
            continue
        verb.tag_ = "VBZ"
        subject.dep_ = "nsubj"
        for marker in markers:
            marker.head = verb
            marker.dep_ = "advmod" if marker.lower_ == "when" else "mark"
        if verb.dep_ in ("nmod", "obl", "nmod:unmarked", "obl:unmarked", "obj", "compound", "appos"):
            verb.dep_ = "advcl"


# the prepositions of what a doubt or worry is about
_TOPIC_PREPOSITIONS = ("about", "over", "regarding", "concerning")


_CONDITION_SUBORDINATORS = frozenset({"until", "till", "unless", "before", "once"})


def relabel_subordinated_complements(doc: Any) -> None:
    """Make an adverbial clause again of a clause the parse made a verb's complement or an aside although
    its subordinator hangs on its subject ("will continue until/case Hamas/nsubj:pass is disarmed/ccomp",
    "will not fund ... until/case the ceasefire/nsubj holds/parataxis", "refused to free them until/case
    the troops/nsubj left/conj"): a condition, not what is said or done besides."""
    for clause in doc:
        if (clause.dep_ not in ("ccomp", "parataxis", "conj") or clause.head.i > clause.i
                or any(c.dep_ in ("mark", "cc") for c in clause.children)):
            continue
        for subject in clause.children:
            marker = next((c for c in subject.children if c.dep_ == "case" and c.lower_ in _CONDITION_SUBORDINATORS
                           and c.i < subject.i), None) if subject.dep_ in ("nsubj", "nsubj:pass") and subject.i < clause.i else None
            if marker is None:
                continue
            if clause.dep_ == "conj" and marker.i > 0:
                # a clause joined to the main verb conditions the verb nearest before it ("refused to free/xcomp
                # the hostages until ...")
                nearest = _verb_above(doc[marker.i - 1])
                if nearest is not None and nearest not in list(clause.subtree):
                    clause.head = nearest
            clause.dep_ = "advcl"
            break


def _verb_above(token: Any, tags: tuple[str, ...] = ("VB",)) -> Any:
    """The token itself when a verb (or a word of `tags`), else the nearest one above it, or None."""
    for candidate in [token, *_ancestors(token)]:
        if candidate.tag_.startswith(tags):
            return candidate
    return None


_CLAUSE_AUXILIARIES = frozenset({"aux", "aux:pass", "advmod", "cop"})


def restore_subordinated_subjects(doc: Any) -> None:
    """Give back its subject to a clause whose subordinator the parse hung on that subject as on a noun
    of the main clause ("will not end the war before/case Hamas/obl is disarmed/parataxis", "agree to a
    ceasefire until/case Hamas/nmod returns/conj the bodies"): the noun is the subject of the verb after
    it, and the clause, a condition of the verb the noun hung on. The subordinator stays on the subject,
    where the rules read it (as "until/case Hamas/nsubj:pass is disarmed/advcl")."""
    for marker in doc:
        if marker.lower_ not in _CONDITION_SUBORDINATORS or marker.dep_ != "case":
            continue
        subject = marker.head
        if (subject.i < marker.i or subject.dep_ not in ("obl", "nmod", "obl:tmod", "nmod:unmarked")
                or not subject.tag_.startswith(("NN", "PRP"))):
            continue
        # the noun's own words end where a verb the parse made its modifier begins ("until/case Israeli
        # forces/obl left/acl Gaza")
        modifiers = {t.i for c in subject.children if c.dep_ == "acl" and c.i > subject.i for t in c.subtree}
        after = max(t.i for t in subject.subtree if t.i not in modifiers) + 1
        while after < len(doc) and doc[after].dep_ in _CLAUSE_AUXILIARIES and doc[after].head.i > after:
            after += 1
        if after >= len(doc):
            continue
        verb, partner = doc[after], None
        if verb.dep_ == "cc" and verb.lower_ in ("and", "or") and verb.head.i > after:
            # a second subject joined to the first, which the parse made the subject of the clause alone
            # ("before reconstruction/obl and/cc the deployment/nsubj of the force can begin/conj"; the "and"
            # on the verb or on the second subject)
            joiner, verb = verb, verb.head
            if verb.dep_ in ("nsubj", "nsubj:pass") and verb.head.i > verb.i:
                verb = verb.head
            partner = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and after < c.i
                            and c.tag_.startswith("NN")), None)
            if partner is None:
                continue
        if (not (verb.tag_.startswith("VB") or verb.tag_ == "JJ" and verb.lower_.endswith("ed"))
                or verb.dep_ not in ("parataxis", "conj", "advcl", "acl", "ccomp", "dep")
                or any(c.dep_ in ("nsubj", "nsubj:pass", "expl", "cc", "mark")
                       and (partner is None or c.i not in (partner.i, joiner.i)) for c in verb.children)):
            continue
        main = _verb_above(subject.head, ("VB", "JJ"))
        if main is None or main.i == verb.i or main in list(verb.subtree):
            continue
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        subject.head, subject.dep_ = verb, "nsubj:pass" if passive else "nsubj"
        verb.head, verb.dep_ = main, "advcl"
        if partner is not None:
            partner.head, partner.dep_ = subject, "conj"
            joiner.head = partner


_VERB_OPENERS = frozenset({"on", "for", "that", "to", "against"})


def restore_noun_verbs(doc: Any, verbs: frozenset[str]) -> None:
    """Give back its subject to a stance verb the tagger read as a plural noun after a noun phrase ("as
    the terror group/compound insists/NNS on a full withdrawal"): the noun before it is its subject, the
    word a verb in the present tense."""
    for token in doc:
        # a noun takes no object: "the draft/compound opposes/NNS the force/obj" is a verb too
        if (token.tag_ != "NNS" or not token.lower_.endswith("s") or (token.lemma_ or "").lower() not in verbs
                or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in _VERB_OPENERS
                and not any(c.dep_ == "obj" and c.i > token.i for c in token.children)):
            continue
        if token.dep_ == "obj" and token.head.tag_.startswith("VB") and token.head.i < token.i:
            continue  # "rebuffed the US requests to send troops": the object of a verb before it is a noun
        # "UNICEF/JJ/amod welcomes", "The Secretary-General/amod urges": a capitalised modifier is a name too
        before = [c for c in token.children if c.i == token.i - 1 and (
            c.dep_ in ("compound", "nmod:poss") and c.tag_ in ("NN", "NNP", "NNPS")
            or c.dep_ == "amod" and c.tag_ in ("NNP", "JJ") and c.text[:1].isupper())]
        if not before or any(c.dep_ in ("nsubj", "nsubj:pass") for c in token.children):
            continue
        before[0].dep_ = "nsubj"
        token.tag_ = "VBZ"
        for word in token.children:  # what came before the subject is the subject's ("Russia's draft")
            if word.i < before[0].i and word.dep_ in ("nmod:poss", "det", "amod", "compound"):
                word.head = before[0]
    for token in doc:
        # "Saudi Arabia opposes/NNS sending/ROOT troops": the verb read as the subject of the gerund after it
        gerund = token.head
        if (token.tag_ != "NNS" or not token.lower_.endswith("s") or (token.lemma_ or "").lower() not in verbs
                or token.dep_ != "nsubj" or gerund.i != token.i + 1 or gerund.tag_ != "VBG"):
            continue
        before = [c for c in token.children if c.dep_ in ("compound", "nmod:poss") and c.i == token.i - 1
                  and c.tag_ in ("NN", "NNP", "NNPS")]
        if not before:
            continue
        if gerund.dep_ == "ROOT":
            token.head, token.dep_ = token, "ROOT"
        else:
            token.head, token.dep_ = gerund.head, gerund.dep_
        gerund.head, gerund.dep_ = token, "xcomp"
        before[0].dep_ = "nsubj"
        token.tag_ = "VBZ"


def restore_past_tenses(doc: Any) -> None:
    """Tag as a past tense the participle that heads a sentence with a subject and no auxiliary ("Hamas
    released/VBN the hostages"): nothing makes it a participle."""
    for verb in doc:
        if (verb.tag_ == "VBN" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
                and not any(c.dep_ in ("aux", "aux:pass", "cop", "obl:agent") for c in verb.children)
                and not (verb.i > 0 and doc[verb.i - 1].text == ",")):  # "Hamas, encouraged by Qatar, rejects ..."
            verb.tag_ = "VBD"


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PHRASE_ROLES = frozenset({"obj", "obl", "ccomp", "xcomp"})


def restore_main_verbs(doc: Any, verbs: frozenset[str]) -> None:
    """Make the main verb again of a past tense the tagger read as a participle modifying the noun
    before it, in a sentence left with no finite verb ("The joint statement called/VBN for a
    ceasefire", "The four countries called/VBN for an end to the war and the delivery/ROOT of aid",
    "Welcoming the plan, the ministers called/VBN for ..."): the verb heads the sentence and the noun
    is its subject; a noun the parse had made the head instead joins what the verb took, a fronted
    participle clause becomes the verb's."""
    for verb in doc:
        if (verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.i >= verb.i
                or any(c.dep_ in ("aux", "aux:pass", "cop", "obl:agent") for c in verb.children)):
            continue  # "the proposal rejected by Hamas" is a participle
        if (verb.lemma_ or "").lower() not in verbs and not any(
                c.dep_ == "advcl" and (c.lemma_ or "").lower() in verbs and any(m.lower_ == "by" for m in c.children)
                for c in verb.children):
            continue  # "The statement concluded by supporting ...": the gerund says the stance
        subject = verb.head
        root = next(t for t in doc if t.head.i == t.i)
        if (subject.dep_ == "nmod" and root.tag_.startswith("NN") and root.i < subject.i
                and any(t.i == root.i for t in _ancestors(subject))):
            subject = root  # "Leaders from the Arab nations pressed/VBN for": the leaders press, not the nations
        if not subject.tag_.startswith("NN") or any(c.dep_ == "case" for c in subject.children):
            continue
        edge = subject.left_edge.i
        fronted = (subject.dep_ in ("parataxis", "appos") and root.i < subject.i and edge > 0 and doc[edge - 1].text == ","
                   and root.tag_ in ("VBG", "NN"))  # "Welcoming the plan, the countries called/VBN"
        trailing = (subject.head.i == root.i and subject.dep_ in ("nsubj", "nsubj:pass") and root.tag_.startswith("NN")
                    and root.i > verb.i)
        if root.i != subject.i and not (fronted or trailing):
            continue
        verb.tag_ = "VBD"
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        if fronted:
            root.head, root.dep_ = verb, "advcl"
        later = [root] if trailing else []
        later += [c for c in subject.children if c.dep_ == "conj" and c.i > verb.i]
        for joined in later:
            taken = [c for c in verb.children if c.dep_ in _PHRASE_ROLES and c.i < joined.i and c.i != joined.i]
            joined.head, joined.dep_ = (taken[-1], "conj") if taken else (verb, "obj")
        _rehang_final_stop(doc, (subject.i, root.i), verb)
        return


def rehang_member_participles(doc: Any, verbs: frozenset[str]) -> None:
    """Hang a participle that lists members back on the noun before it ("The committee, comprising/amod
    Egypt/nsubj, Qatar and Jordan, called ..."): the parser made it a modifier of the first member and that
    member a second subject, or a clause of the verb between its subject and it; the participle qualifies
    the noun and the members are its object (`verbs`: lemmas of the verbs that list members)."""
    for word in doc:
        if word.tag_ != "VBG" or (word.lemma_ or word.lower_).lower() not in verbs:
            continue
        if word.dep_ == "advcl" and word.head.i > word.i and any(c.dep_ == "obj" for c in word.children):
            # "The committee — comprising/advcl Egypt, Qatar and Jordan — called": an aside on the subject
            group = next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < word.i
                          and c.tag_.startswith("NN")), None)
            if group is not None:
                word.head, word.dep_ = group, "acl"
            continue
        member = word.head
        if word.dep_ != "amod" or member.i <= word.i or member.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        group = next((c for c in member.head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < word.i
                      and c.i != member.i and c.tag_.startswith("NN")), None)
        if group is None:
            continue
        word.head, word.dep_ = group, "acl"
        member.head, member.dep_ = word, "obj"
        for token in doc:
            if token.dep_ == "punct" and token.head.i == word.i and token.i < word.i:
                token.head = group  # the comma before it


def rehang_conditions_on_objects(doc: Any, verbs: frozenset[str], prepositions: tuple[str, ...] = ("on", "upon")) -> None:
    """Hang on a conditioning verb the "on" phrase the parser gave its object ("conditioned their funding
    for Gaza's reconstruction/obl on/case the full disarmament/nmod of Hamas"): what the object is
    conditioned on is the verb's, as in "conditioned the funding on disarmament" (`verbs`: their lemmas;
    a tying verb's phrase is the one with "to": "linked the reopening of the crossing to the return/nmod
    of the bodies")."""
    for verb in doc:
        if (verb.lemma_ or verb.lower_).lower() not in verbs or not verb.tag_.startswith("VB"):
            continue
        if any(c.dep_.startswith("obl") and case_word(c) in prepositions for c in verb.children):
            continue  # the verb has its phrase already
        objects = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") or c.dep_.startswith("obl")]
        phrase = next((t for o in objects for t in o.subtree if t.dep_ == "nmod" and t.i > verb.i
                       and case_word(t) in prepositions), None)
        if phrase is not None:
            phrase.head, phrase.dep_ = verb, "obl"


def rehang_exchange_phrases(doc: Any) -> None:
    """Hang on the verb the "in exchange for" phrase the parser gave a participle of its object ("offered
    to release all hostages remaining/acl in Gaza in exchange for a truce"): what is given in exchange is
    the verb's act's price, not the participle's, and so is the "for" phrase split from it."""
    for noun in doc:
        if noun.lower_ not in _EXCHANGE_NOUNS or noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "for":
            continue
        participle = noun.head
        if case_word(noun) != "in":
            continue
        # a participle may be tagged a past tense ("captives held/VBD/acl in Gaza")
        if participle.dep_ == "acl" and participle.tag_ in ("VBG", "VBN", "VBD") and participle.head.dep_ in ("obj", "nsubj:pass"):
            verb = participle.head.head
        elif (participle.dep_ == "advcl" and participle.tag_ in ("VBD", "VBN")
              and not any(c.dep_.startswith(("nsubj", "aux", "mark")) for c in participle.children)):
            verb = participle.head  # "release prisoners held/VBD/advcl in Israeli jails in return for ...": a participle all the same
        else:
            continue
        if not verb.tag_.startswith("VB"):
            continue
        price = [c for c in participle.children if c.i > noun.i and c.dep_.startswith("obl") and case_word(c) == "for"]
        for phrase in [noun, *price[:1]]:
            phrase.head, phrase.dep_ = verb, "obl"


_EXCHANGE_NOUNS = frozenset({"exchange", "return"})


def rehang_phrases_of_object_nouns(doc: Any, nouns: frozenset[str], prepositions: tuple[str, ...]) -> None:
    """Hang on an object noun the phrase the parser gave the verb, when the noun's own words go on into it:
    what is insisted on ("criticised Israel's insistence/obj on/case Hamas's disarmament/obl"), what doubts
    are about ("expressed skepticism/obj about/case the force/obl") is the noun's, whoever judges it."""
    for verb in doc:
        if not verb.tag_.startswith("VB"):
            continue
        noun = next((c for c in verb.children if c.dep_ == "obj" and (c.lemma_ or c.lower_).lower() in nouns), None)
        if noun is None or any(c.dep_ == "nmod" and case_word(c) in prepositions for c in noun.children):
            continue
        phrase = next((c for c in verb.children if c.dep_ == "obl" and c.i > noun.i
                       and case_word(c) in prepositions and c.left_edge.i == noun.right_edge.i + 1), None)
        if phrase is not None:
            phrase.head, phrase.dep_ = noun, "nmod"


def rehang_exchange_lists(doc: Any) -> None:
    """Join to the list of what is asked "in exchange for" a noun the parser joined to the verb instead ("will
    free the captives in return for prisoners and a lasting truce/conj of free"): the price's list goes on."""
    for noun in doc:
        verb = noun.head
        if (noun.dep_ not in ("conj", "parataxis") or not noun.tag_.startswith("NN") or not verb.tag_.startswith("VB")
                or verb.i > noun.i or any(c.dep_.startswith(("nsubj", "aux", "cop", "mark")) for c in noun.children)):
            continue
        # the "and" or the comma before the noun's phrase ("..., a permanent ceasefire/parataxis and ...")
        edge = noun.left_edge
        join = edge if edge.dep_ in ("cc", "punct") else doc[edge.i - 1] if edge.i > 0 else None
        if join is None or join.lower_ not in (",", "and", "or") or join.i < 2:
            continue
        before = doc[join.i - 1]
        if before.dep_ == "punct":
            before = doc[before.i - 1]
        while before.dep_ in ("compound", "flat", "amod") and verb.i < before.head.i < join.i:
            before = before.head
        step, price = before, None
        while step.i != verb.i and step.head.i != step.i:
            if step.lower_ in _EXCHANGE_NOUNS and case_word(step) == "in":
                price = step
                break
            step = step.head
        if price is not None and before.tag_.startswith("NN") and before.i > price.i:
            noun.head, noun.dep_ = before, "conj"


def case_word(token: Any) -> str:
    """The preposition of a nominal, lowercased ("on" in "on the disarmament", "from" in "calls from
    Egypt"), or ""."""
    for child in token.children:
        if child.dep_ == "case":
            return child.lower_
    return ""


def _rehang_final_stop(doc: Any, old_heads: tuple[int, ...], new_head: Any) -> None:
    """Hang on the new head of a clause the punctuation after it that the parse gave an old head (the final
    stop, once a repair has made another word the clause's head)."""
    for token in doc:
        if token.dep_ == "punct" and token.head.i in old_heads and token.i > new_head.i:
            token.head = new_head


def rehang_parenthetical_reports(doc: Any, verbs: frozenset[str]) -> None:
    """Give back to its subject the predicate a parenthetical report cuts off ("Disarmament, he said, is not
    acceptable", "A ceasefire, he said, requires a full withdrawal"): the parser makes the subject a
    complement of "said" and the predicate a second clause of it; the predicate heads the sentence, with
    the subject its own and the report an aside (as in "..., he said.") (`verbs`: lemmas of the verbs that
    report)."""
    for say in doc:
        if (say.lemma_ or say.lower_).lower() not in verbs or not say.tag_.startswith("VB"):
            continue
        speaker = next((c for c in say.children if c.dep_ == "nsubj" and c.i < say.i), None)
        if speaker is None or say.i + 2 >= len(doc) or doc[say.i + 1].lower_ != ",":
            continue
        before = speaker.left_edge.i - 1
        if before < 1 or doc[before].lower_ != ",":
            continue
        subject = next((c for c in say.children if c.i < before and c.right_edge.i in (before - 1, before)
                        and c.tag_[:2] in ("NN", "PR", "JJ") and c.dep_ in ("ccomp", "nsubj", "dep", "obj", "conj", "parataxis")), None)
        predicate = next((c for c in say.children if c.i > say.i + 1 and c.left_edge.i in (say.i + 1, say.i + 2)
                          and c.dep_ in ("ccomp", "conj", "parataxis", "xcomp", "advcl", "dep")), None)
        if subject is None or predicate is None or subject.left_edge.i > 1:
            continue
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in predicate.children):
            continue
        if predicate.tag_ == "NNS" and any(c.dep_ == "obj" for c in predicate.children):
            predicate.tag_ = "VBZ"  # "requires/NNS a full withdrawal"
        if say.head.i == say.i:
            predicate.head, predicate.dep_ = predicate, "ROOT"
        else:
            predicate.head, predicate.dep_ = say.head, say.dep_
        subject.head, subject.dep_ = predicate, "nsubj"
        say.head, say.dep_ = predicate, "parataxis"
        _rehang_final_stop(doc, (say.i,), predicate)


def rehang_inverted_conditions_of_reports(doc: Any, verbs: frozenset[str], auxiliaries: frozenset[str]) -> None:
    """Hang a condition without "if" that opens a sentence ("Should Hamas reject the plan, Netanyahu said, Israel
    will finish the job") on the clause it conditions: the parser makes both complements of the report verb
    between them, and the condition's subject then reads as what the speaker reports (`verbs`: lemmas of the
    verbs that report; `auxiliaries`: the auxiliaries that open such a condition)."""
    for say in doc:
        if (say.lemma_ or say.lower_).lower() not in verbs or not say.tag_.startswith("VB"):
            continue
        clauses = [c for c in say.children if c.dep_ in ("ccomp", "parataxis", "advcl", "dep", "conj") and c.tag_.startswith("VB")]
        condition = next((c for c in clauses if c.i < say.i and c.left_edge.i == 0), None)
        main = next((c for c in clauses if c.i > say.i), None)
        if main is None and say.dep_ in ("advcl", "parataxis") and say.head.i > say.i:
            main = say.head  # "..., Netanyahu said/advcl, Israel would resume/ROOT the war"
        if condition is None or main is None:
            continue
        if inverted_condition(condition, auxiliaries):
            condition.head, condition.dep_ = main, "advcl"


def inverted_condition(clause: Any, auxiliaries: frozenset[str]) -> bool:
    """Whether a clause opens with an auxiliary standing before its subject ("should the summit produce an
    agreement"): a condition without its "if" (`auxiliaries`: the auxiliaries that open one)."""
    opener = next((t for t in clause.subtree if not t.is_punct), clause)
    return (opener.dep_ in ("aux", "aux:pass") and opener.head.i == clause.i and opener.lower_ in auxiliaries
            and any(c.dep_ in ("nsubj", "nsubj:pass") and c.i > opener.i for c in clause.children))


def restore_finite_verbs_under_nouns(doc: Any) -> None:
    """Make a past tense the parser hung as a modifier on the noun heading the sentence its main verb
    again ("Foreign ministers/ROOT from eight countries—A, B, ... and H—issued/VBD/acl a statement"):
    the tagger read it as finite, the sentence has no other verb at its head, the noun is its subject."""
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None or not root.tag_.startswith("NN"):
        return
    verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBD" and c.i > root.i
                 and not any(m.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "cop", "mark") for m in c.children)), None)
    if verb is None:
        return
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"
    _rehang_final_stop(doc, (root.i,), verb)


def restore_verbs_after_participle_phrases(doc: Any) -> None:
    """Make the main verb again of a past tense the parse hung on the participle phrase of its subject
    ("The parties/ROOT participating/acl in the meeting agreed/advcl on the following"): the verb heads
    the sentence and the noun is its subject."""
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None or not root.tag_.startswith("NN"):
        return
    for verb in doc:
        participle = verb.head
        if (verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("advcl", "conj", "ccomp", "xcomp") or participle.tag_ != "VBG"
                or participle.dep_ != "acl" or participle.head.i != root.i or not root.i < participle.i < verb.i
                or any(c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "cop") for c in verb.children)):
            continue
        verb.tag_ = "VBD"
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        _rehang_final_stop(doc, (root.i,), verb)
        return


_CLAUSE_ROLES = frozenset({"advcl", "conj", "ccomp", "parataxis", "xcomp"})


def rehang_purpose_participles(doc: Any, words: frozenset[str]) -> None:
    """Hang a participle of purpose on the noun it follows when the parse made it a clause of a verb
    ("rejected a proposal put forward by Egypt aimed/advcl at ending the war": the proposal aims at
    it, not the one who rejects it): the nearest common noun before it, past names and the reduced
    relative clause between, within its clause; not after a comma, where it may well say what the verb is for."""
    for word in doc:
        if (word.lower_ not in words or word.dep_ not in _CLAUSE_ROLES or word.tag_ not in ("VBN", "VBD") or word.i == 0
                or any(c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass") for c in word.children)):
            continue
        noun = None
        for before in reversed(doc[max(0, word.i - 10):word.i]):
            if before.tag_ in _FINITE_TAGS or before.dep_ == "punct" or before.tag_ in ("WDT", "WP", "IN") and before.lower_ == "that":
                break
            if before.tag_ in ("NN", "NNS") and before.dep_ not in ("compound", "amod"):
                noun = before
                break
        if noun is None or any(t.i == word.i for t in _ancestors(noun)):
            continue
        word.head, word.dep_, word.tag_ = noun, "acl", "VBN"


def rehang_comma_participles(doc: Any, verbs: frozenset[str] = frozenset()) -> None:
    """Hang on the verb a participle after a comma that the parse made a modifier of the verb's object
    when it reports a clause ("Hamas rejected the plan, insisting/acl it would not disarm") or is a
    stance verb with an object of its own (`verbs`: "dismissed the draft, objecting/amod to foreign
    troops"): it is what the subject of the verb says or does, not the plan."""
    for word in doc:
        if word.tag_ != "VBG" or word.dep_ not in ("acl", "amod") or word.i == 0 or doc[word.i - 1].text != ",":
            continue
        thing = word.head
        reports = any(c.dep_ == "ccomp" for c in word.children)
        takes = (_lemma_among(word, verbs)
                 and any(c.dep_ in ("obj", "obl") and c.i > word.i for c in word.children))
        if (thing.dep_ not in ("obj", "obl") or not thing.head.tag_.startswith("VB") or thing.i > word.i
                or not (reports and word.dep_ == "acl" or takes)):
            continue
        word.head, word.dep_ = thing.head, "advcl"
        doc[word.i - 1].head = word


def rehang_copula_dependents(doc: Any) -> None:
    """Hang what the parser hung on a copula on the predicate it links ("if Hamas does not release the
    hostages/advcl, there would/aux be/cop hell to pay": the condition and the "would" are the predicate's,
    "hell"): a copula heads nothing in the treebank's trees, so a word under one is the predicate's."""
    for token in doc:
        if token.dep_ == "cop" and token.head.i != token.i:
            for child in list(token.children):
                if child.dep_ != "punct":
                    child.head = token.head


def rehang_as_long_as(doc: Any) -> None:
    """Make "as long as" (or "so long as") one subordinator of its clause, which the parser hangs on
    "long" instead of the verb it conditions ("will not send troops as/advmod long/advmod as/mark Hamas
    keeps/advcl its weapons"): the clause is the verb's, "as long as" its marker. When the parser hung
    "long" on a noun ("to proceed to the second phase of the deal, as long/amod as Hamas ..."), the clause
    is the verb's whose phrase that noun ends."""
    for n in range(len(doc) - 2):
        first, long_, second = doc[n], doc[n + 1], doc[n + 2]
        if first.lower_ not in ("as", "so") or long_.lower_ != "long" or second.lower_ != "as" or second.dep_ != "mark":
            continue
        clause = second.head
        if clause.head.i != long_.i or long_.head.i == long_.i:
            continue
        verb = long_.head
        while verb.tag_.startswith("NN") and verb.head.i != verb.i:
            verb = verb.head
        clause.head, clause.dep_ = verb, "advcl"
        first.head, first.dep_ = clause, "mark"
        long_.head, long_.dep_ = first, "fixed"
        second.head, second.dep_ = first, "fixed"


def rehang_from_lists(doc: Any) -> None:
    """Hang back on a plural subject the names its "from" phrase lists, which the parser splits between
    the verb's oblique and a second subject ("ministers/nsubj from/case Egypt/obl, Jordan/nsubj and Qatar
    backed the plan"): the names say whose ministers they are."""
    for word in doc:
        if word.lower_ != "from" or word.dep_ != "case" or word.i == 0:
            continue
        first, people = word.head, doc[word.i - 1]
        verb = people.head
        if (first.tag_ != "NNP" or first.dep_ != "obl" or first.head.i != verb.i or people.dep_ != "nsubj"
                or people.tag_ != "NNS" or not verb.tag_.startswith("VB") or not word.i < first.i < verb.i):
            continue
        first.head, first.dep_ = people, "nmod"
        for other in doc[first.i + 1:verb.i]:
            if other.head.i == verb.i and other.dep_ == "nsubj" and other.tag_ == "NNP":
                other.head, other.dep_ = first, "conj"


_DASHES = frozenset({"—", "–", "--"})
_LIST_TAGS = frozenset({"NNP", "NNPS", "NN", "DT", "CC", ",", "HYPH", "UH", "JJ"})


def rehang_dashed_lists(doc: Any) -> None:
    """Hang on a plural subject the names listed between dashes after it, which the parser takes for more
    of a name before them or for a second subject ("eight nations involved in brokering the truce between
    Israel and Hamas — Qatar, Egypt and Turkey — issued a statement"): the names are the nations."""
    dashes = [t.i for t in doc if t.lower_ in _DASHES]
    for start, end in zip(dashes, dashes[1:]):
        inside = doc[start + 1:end]
        verb = next((t for t in doc[end + 1:min(len(doc), end + 3)] if t.tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
        if (verb is None or not any(t.tag_ == "NNP" for t in inside) or any(t.tag_ not in _LIST_TAGS for t in inside)
                or sum(t.tag_ in ("NNP", "NNPS") and t.head.i not in range(start + 1, end) or t.dep_ == "conj" for t in inside) < 2):
            continue
        if verb.tag_ == "MD":
            verb = verb.head
        subjects = [x for c in verb.children if c.dep_ == "nsubj" for x in (c, *c.conjuncts)]  # "the US and four nations"
        # ("Arab states/NNPS"): the tagger may read the plural as part of a name
        noun = max((x for x in subjects if x.tag_ in ("NNS", "NNPS") and x.i < start), key=lambda x: x.i, default=None)
        if noun is None:
            continue
        span = range(start + 1, end)
        items = [t for t in inside if t.tag_ in ("NNP", "NNPS", "NN", "UH") and (t.head.i not in span or t.dep_ in ("conj", "list"))]
        if len(items) < 2:
            continue
        first = items[0]
        first.head, first.dep_ = noun, "appos"
        for item in items[1:]:
            item.head, item.dep_ = first, "conj"
        for t in inside:
            if t.head.i not in span and t.i != first.i:
                t.head = first  # the commas and "and" go with the list
        doc[start].head = first
        doc[end].head = first
        return


def rehang_fronted_as_phrases(doc: Any) -> None:
    """Make a fronted "as" phrase that the parser read as a second subject of the verb a phrase of its own
    again ("As/mark part/nsubj of the agreement, Israel/nsubj agreed ..."): the subject after the comma
    is the verb's."""
    for word in doc:
        if word.lower_ != "as" or word.dep_ != "mark" or word.i + 1 >= len(doc):
            continue
        phrase = doc[word.i + 1]
        verb = word.head
        if (phrase.dep_ != "nsubj" or phrase.head.i != verb.i or not phrase.tag_.startswith("NN")
                or not any(c.dep_ in ("nsubj", "nsubj:pass") and c.i > phrase.i for c in verb.children)):
            continue
        phrase.dep_ = "obl"
        word.head, word.dep_ = phrase, "case"


def restore_gerund_objects(doc: Any) -> None:
    """Give a gerund subject back its object ("Stopping/csubj the aid/nsubj will advance us"): the noun
    right after a gerund that is its verb's subject clause is the gerund's object, not a second subject."""
    for gerund in doc:
        if (gerund.dep_ not in ("csubj", "advcl") or gerund.tag_ != "VBG" or gerund.head.i < gerund.i
                or any(c.dep_ in ("obj", "nsubj", "mark") for c in gerund.children)):
            continue
        verb = gerund.head
        noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == gerund.i + 1), None)
        if noun is not None and noun.tag_ in ("NN", "NNS"):
            # (an opening gerund the parser made a clause of its own, "Stopping/advcl the aid/nsubj will ...", too)
            noun.head = gerund
            noun.dep_ = "obj"
            gerund.dep_ = "csubj"


def restore_verbs_read_as_modifiers(doc: Any) -> None:
    """Make a past tense the main verb again where the parser read it as a participle modifying the
    noun after it, which it made the root with the sentence's subject ("Hamas/nsubj previously
    rejected/amod demands/ROOT to lay down weapons"): a noun root with a subject before it has lost
    its verb, and the participle between them is it."""
    for noun in doc:
        if noun.dep_ != "ROOT" or noun.tag_ not in ("NN", "NNS"):
            continue
        if any(c.dep_ == "cop" for c in noun.children):
            continue
        subject = next((c for c in noun.children if c.dep_ == "nsubj" and c.i < noun.i), None)
        if subject is not None:
            verb = next((c for c in noun.children if c.dep_ == "amod" and c.tag_ in ("VBN", "VBD")
                         and subject.i < c.i < noun.i), None)
        else:
            # "Israel/nsubj tied/amod reconstruction/ROOT to ...": the subject hung on the past tense itself
            verb = next((c for c in noun.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i < noun.i
                         and any(g.dep_ == "nsubj" and g.i < c.i for g in c.children)), None)
        if verb is None:
            continue
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.tag_ = "VBD"
        for child in list(noun.children):
            if (child.i < verb.i or child.dep_ == "punct" and child.i == len(doc) - 1
                    or child.dep_ in ("conj", "parataxis") and child.tag_.startswith("VB")):
                child.head = verb  # the subject, adverbs before the verb, the final stop, the verbs coordinated
        noun.head = verb
        noun.dep_ = "obj"
    for noun in doc:
        # "Jordan/ROOT expressed/amod condemnation/appos of ...": the name the parser made the root, with
        # the object beside it as an apposition, is the subject of the past tense between them
        name = noun.head
        if noun.dep_ != "appos" or name.dep_ != "ROOT" or name.tag_ not in ("NNP", "NNPS") or noun.i < name.i:
            continue
        # (right after the name, or after an adverb: "Jordan strongly condemned ...")
        verb = next((c for c in noun.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i < noun.i
                     and (c.i == name.i + 1 or c.i == name.i + 2 and doc[name.i + 1].tag_ == "RB")), None)
        if verb is None:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        for child in list(name.children):
            if child.i > verb.i and (child.dep_ in ("punct", "conj", "parataxis") or child.i > noun.i):
                child.head = verb  # the final stop and what follows the object are the verb's
        name.head, name.dep_ = verb, "nsubj"
        noun.head, noun.dep_ = verb, "obj"


def restore_coordinated_verbs_read_as_modifiers(doc: Any, verbs: frozenset[str]) -> None:
    """Make a stance verb right after "but" or "and" a verb coordinated with the one before it again where
    the parser read it as a modifier of the noun after it ("Hamas backed several points of the
    outline but rejected/amod disarmament", "welcomed the release but opposed/JJ reconstruction/conj"): the noun is
    its object (`verbs`: the stance verbs' lemmas)."""
    for verb in doc:
        if (verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN", "JJ") or verb.i == 0
                or doc[verb.i - 1].lower_ not in ("but", "and")
                or not _lemma_among(verb, verbs)):
            continue
        noun = verb.head
        if noun.i <= verb.i or not noun.tag_.startswith("NN"):
            continue
        # the verb before: the noun's own head, or, for a noun read as the second of two objects, the first's
        first = noun.head.head if noun.dep_ == "conj" else noun.head
        if not first.tag_.startswith("VB") or first.i >= verb.i:
            continue
        verb.head, verb.dep_ = first, "conj"
        if verb.tag_ == "JJ":
            verb.tag_ = "VBD"
        noun.head, noun.dep_ = verb, "obj"
        doc[verb.i - 1].head, doc[verb.i - 1].dep_ = verb, "cc"


def restore_for_to_clauses(doc: Any) -> None:
    """Make "for the war to end" one clause again where the parser read a "for" phrase and an infinitive
    it tagged as a noun ("must disarm for the war/obl to end/NN"): the infinitive is a purpose clause of
    the verb, the noun its subject and "for" its marker."""
    for noun in doc:
        case = next((c for c in noun.children if c.dep_ == "case" and c.lower_ == "for"), None)
        if case is None or noun.dep_ not in ("obl", "nmod") or noun.right_edge.i + 2 >= len(doc):
            continue
        to, verb = doc[noun.right_edge.i + 1], doc[noun.right_edge.i + 2]
        if (to.lower_ != "to" or to.head.i != verb.i or verb.head.i != noun.head.i or verb.dep_ not in ("obl", "nmod")
                or not verb.tag_.startswith(("NN", "VB")) or any(c.dep_ in ("det", "case") for c in verb.children)):
            continue
        verb.tag_ = "VB"
        verb.dep_ = "advcl"
        noun.head = verb
        noun.dep_ = "nsubj"
        case.head = verb
        case.dep_ = "mark"


def relabel_adjective_infinitives(doc: Any, adjectives: frozenset[str]) -> None:
    """Make the infinitive after an adjective of will or readiness its complement where the parse made it
    a clause of purpose ("the group is ready/JJ to debate/advcl ways of keeping its rifles"): what the
    subject is willing to do, not what something is done for (`adjectives`: lemmas.yaml control_adjectives)."""
    for verb in doc:
        adjective = verb.head
        if (verb.dep_ == "advcl" and verb.tag_ == "VB" and adjective.i < verb.i and adjective.tag_.startswith("JJ")
                and (adjective.lemma_ or adjective.lower_).lower() in adjectives
                and any(c.dep_ == "mark" and c.lower_ == "to" and c.i == verb.i - 1 for c in verb.children)):
            verb.dep_ = "xcomp"


def restore_pronoun_subjects(doc: Any, control_adjectives: frozenset[str] = frozenset(),
                             subject_control_verbs: frozenset[str] = frozenset()) -> None:
    """Make "it" the subject again of an action verb the parse gave it to as an expletive ("said it/expl
    was handing/VBG over the hostages"): an expletive "it" goes with a clause or a copula ("it is clear
    that"), not with a verb that takes an object and no clause; nor with an adjective whose infinitive is
    its subject's act ("said it/expl is ready/JJ to hand over its weapons"; `control_adjectives`), or a
    verb whose infinitive is ("said it/expl will continue to fight"; `subject_control_verbs`)."""
    for it in doc:
        if it.lower_ != "it" or it.dep_ != "expl":
            continue
        verb = it.head
        if (verb.tag_.startswith("JJ") and (verb.lemma_ or verb.lower_).lower() in control_adjectives and verb.i > it.i
                and any(c.dep_ == "cop" for c in verb.children)
                and not any(c.dep_ in ("nsubj", "nsubj:pass", "csubj") for c in verb.children)):
            it.dep_ = "nsubj"
            continue
        if (verb.tag_.startswith("VB") and verb.i > it.i and (verb.lemma_ or verb.lower_).lower() in subject_control_verbs
                and any(c.dep_ == "xcomp" and any(m.dep_ == "mark" and m.lower_ == "to" for m in c.children) for c in verb.children)
                and not any(c.dep_ in ("nsubj", "nsubj:pass", "aux:pass", "cop", "ccomp", "csubj") for c in verb.children)):
            it.dep_ = "nsubj"
            continue
        if (not verb.tag_.startswith("VB") or verb.i < it.i
                or any(c.dep_ in ("nsubj", "nsubj:pass", "aux:pass", "cop", "ccomp", "csubj", "xcomp") for c in verb.children)
                or (verb.lemma_ or "").lower() in ("be", "seem", "appear", "take", "remain")):
            continue
        if any(c.dep_ in ("obj", "obl", "compound:prt") for c in verb.children):
            it.dep_ = "nsubj"


def restore_subjects_before_asides(doc: Any) -> None:
    """Make the verb the head again of a sentence whose subject the parse made its root because an aside
    between commas came after it ("Qatar, alongside the United States and Egypt, secured/conj the truce"):
    the verb has no subject of its own, so the noun is its subject and the aside stays the noun's."""
    for noun in doc:
        if noun.dep_ != "ROOT" or not noun.tag_.startswith(("NN", "PRP")) or noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ",":
            continue
        verbs = [c for c in noun.children if c.dep_ in ("conj", "parataxis") and c.tag_.startswith("VB") and c.i > noun.i + 2
                 and doc[c.i - 1].text == "," and not any(g.dep_ in ("nsubj", "nsubj:pass", "expl") for g in c.children)]
        if not verbs:
            continue
        verb = verbs[0]
        if any(t.tag_.startswith("VB") and t.head.i != verb.i for t in doc[noun.i + 1:verb.i]):
            continue  # a clause of its own in between: not an aside
        verb.head, verb.dep_ = verb, "ROOT"
        for word in list(noun.children):
            if word.i > verb.i:
                word.head = verb  # what comes after the verb is the verb's ("secured the truce .")
        noun.head, noun.dep_ = verb, "nsubj"
        return


# words before a name that make it the last item of another list or a phrase's noun, not a subject's first name
_BEFORE_A_PHRASE = frozenset({"and", "or", "alongside", "with", "besides", "including", "like", "plus"})


def join_split_subject_lists(doc: Any) -> None:
    """Join to the first name of a list of subjects the rest of the list, which the parser made a second
    subject of the verb ("Egypt/nsubj, Jordan/nsubj and Qatar/conj said ..."): names joined by a comma and
    closed by "and" are one list. A list that ends in a comma before another subject is a fronted phrase of
    places, not this ("in Cairo, Doha and Amman, the ministers said": the ministers have no "and" after them)."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i]
        for first, rest in zip(subjects, subjects[1:]):
            if (first.tag_ in ("NNP", "NNPS") and rest.tag_ in ("NNP", "NNPS")
                    # "alongside the United States/nsubj, Türkiye/nsubj and Egypt": a phrase, not the subject;
                    # "... by Qatar, Egypt, and the US/nsubj, Hamas/nsubj and Israel reached": the first
                    # closes a list of its own
                    and not any(c.dep_ == "case" for c in (*first.children, *rest.children))
                    and not (first.left_edge.i > 0 and doc[first.left_edge.i - 1].lower_ in _BEFORE_A_PHRASE)
                    and not any(c.dep_ == "conj" for c in first.children)
                    and any(c.dep_ == "conj" and any(g.dep_ == "cc" for g in c.children) for c in rest.children)
                    # a comma right after the first name, then only the next name's words
                    and first.i + 1 < rest.i and doc[first.i + 1].text == ","
                    and first.i + 2 >= rest.left_edge.i
                    and all(t.text == "," for t in doc[rest.right_edge.i + 1:verb.i])):
                comma = doc[first.i + 1]
                rest.head, rest.dep_ = first, "conj"
                comma.head = rest
                return


def restore_subjects_after_fronted_phrases(doc: Any) -> None:
    """Give a verb with no subject the noun phrase before it that the parse joined to a fronted phrase
    ("In a turn for peace talks, foreign ministers/conj from eight countries ... issued/ROOT a statement"):
    after the comma that ends the fronted phrase, a plural noun and its modifiers up to the verb are the subject."""
    root = next((t for t in doc if t.head.i == t.i), None)
    if (root is None or not root.tag_.startswith("VB")
            or any(c.dep_ in ("nsubj", "nsubj:pass", "expl", "csubj") for c in root.children)):
        return
    fronted = next((c for c in root.children if c.dep_ in ("obl", "advcl", "advmod") and c.i < root.i and c.left_edge.i == 0), None)
    if fronted is None:
        return
    for noun in fronted.subtree:
        edge = noun.left_edge.i
        if (noun.dep_ == "conj" and noun.tag_ in ("NNS", "NNPS") and edge > 0
                and (doc[edge].text == "," or doc[edge - 1].text == ",")  # (the comma hung on the noun or before it)
                and noun.right_edge.i < root.i
                and not any(t.tag_.startswith("VB") for t in doc[noun.right_edge.i + 1:root.i])):
            noun.head, noun.dep_ = root, "nsubj"
            return


_RELATIVE_WORDS = frozenset({"who", "which", "whose", "whom"})


def restore_verbs_after_relative_clauses(doc: Any) -> None:
    """Make the main verb again of the verb after a subject's relative clause, which the parse left the
    subject as the head of the sentence for ("Abdelatty, who spoke in Cairo, stressed/advcl the need
    for a ceasefire", "Sheikh Abdullah, who serves as minister, underscored/parataxis ..."): the verb
    heads the sentence, the name is its subject."""
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None or not root.tag_.startswith("NN"):
        return
    relative = next((c for c in root.children if c.dep_ == "acl:relcl" and c.i > root.i
                     and any(w.lower_ in _RELATIVE_WORDS for w in c.children)), None)
    if relative is None:
        return
    for verb in doc[relative.i + 1:]:
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or doc[verb.i - 1].text != ",":
            continue
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
            return
        if verb.head.i == root.i or any(t.i == relative.i for t in _ancestors(verb)):
            verb.head, verb.dep_ = verb, "ROOT"
            root.head, root.dep_ = verb, "nsubj"
            _rehang_final_stop(doc, (root.i,), verb)
        return


def restore_participles(doc: Any) -> None:
    """Tag as a participle an "-ing" word the tagger read as a noun when the parse makes it a clause of
    the verb before it, with a "that" clause or an object of its own and no article ("expressed
    concern, warning/NN that the action could undermine ..."): the subject of the verb is its subject."""
    for word in doc:
        if (word.tag_ != "NN" or not word.lower_.endswith("ing") or word.dep_ != "advcl" or word.head.i >= word.i
                or any(c.dep_ in ("det", "nmod:poss", "amod") for c in word.children)):
            continue
        if any(c.dep_ == "obj" or c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in word.children):
            word.tag_ = "VBG"


def restore_participles_read_as_prepositions(doc: Any) -> None:
    """Make an "-ing" verb the parser read as the preposition of the noun after it the verb of that
    noun ("issued a statement welcoming/case the plan/obl": welcoming/advcl the plan/obj), unless it is one
    of the "-ing" words that are prepositions ("including", "following", "regarding"); and tag as a verb
    an "-ing" adjective, or noun modifying a noun, with an object ("a statement welcoming/JJ the proposals/obj"),
    which is the noun phrase right after it that the parse made a second object of the verb."""
    for word in doc:
        if word.tag_ in ("JJ", "NN") and word.lower_.endswith("ing") and word.dep_ == "acl" and word.head.dep_ == "obj":
            # "issued a statement welcoming/acl President Trump's proposals/obj": a second object (or a
            # bare oblique) of the verb that starts right after the "-ing" word is that word's object
            second = next((c for c in word.head.head.children if c.dep_ in ("obj", "obl") and c.i > word.i
                           and c.left_edge.i == word.i + 1 and not any(m.dep_ == "case" for m in c.children)), None)
            if second is not None:
                second.head = word
                second.dep_ = "obj"
        if (word.tag_ == "JJ" or word.tag_ == "NN" and word.dep_ == "acl") and word.lower_.endswith("ing") and any(
                c.dep_ == "obj" for c in word.children):
            word.tag_ = "VBG"
            continue
        noun = word.head
        if (word.tag_ not in ("VBG", "NN") or not word.lower_.endswith("ing") or word.dep_ != "case"
                or word.lower_ in _ING_PREPOSITIONS or noun.i <= word.i
                or noun.dep_ not in ("obl", "obl:agent", "nmod") or noun.head.i == noun.i):
            continue
        word.head = noun.head
        word.tag_ = "VBG"
        word.dep_ = "advcl" if noun.dep_ in ("obl", "obl:agent") else "acl"
        noun.head = word
        noun.dep_ = "obj"


def restore_compound_verbs(doc: Any) -> None:
    """Make a base-form verb with its own modal the head of its clause again when the parser hung it on
    its object as a modifier ("that the UAE/nsubj will/aux not fund/compound reconstruction/ccomp"): the
    verb takes the noun's place and the noun becomes its object; a "that" the noun held marks the verb."""
    for verb in doc:
        noun = verb.head
        if (verb.tag_ != "VB" or verb.dep_ != "compound" or noun.i != verb.i + 1 or not noun.tag_.startswith("NN")
                or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)):
            continue
        if noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = noun.head, noun.dep_
        for child in list(noun.children):
            if child.i < verb.i and child.lower_ == "that":
                child.head, child.dep_ = verb, "mark"
        noun.head, noun.dep_ = verb, "obj"


def rehang_verb_infinitives(doc: Any) -> None:
    """Hang "to VB" on the verb right before it when the parser hung it on a verb further up ("comes as
    the US seeks/advcl [to cement/advcl -> comes] support"): an infinitive right after a verb
    completes that verb, which then holds what it says."""
    for to in doc:
        if to.lower_ != "to" or to.i == 0 or to.i + 1 >= len(doc) or to.dep_ != "mark":
            continue
        verb, infinitive = doc[to.i - 1], to.head
        if (infinitive.i != to.i + 1 or infinitive.tag_ != "VB" or not verb.tag_.startswith("VB") or verb.tag_ == "VBN"
                or infinitive.head.i in (verb.i, infinitive.i) or infinitive.dep_ not in ("advcl", "xcomp", "ccomp")
                or any(c.dep_ in ("xcomp", "ccomp", "obj") for c in verb.children)):
            continue
        above = {a.i for a in _ancestors(verb)}
        if infinitive.i in above or infinitive.head.i not in above:
            continue  # only an infinitive the parser hung above the verb, on the clause the verb depends on
        infinitive.head, infinitive.dep_ = verb, "xcomp"


def restore_infinitive_verbs(doc: Any) -> None:
    """Make "to VB NN" an infinitive again when the parser read the verb as a modifier of the noun
    after it and "to" as that noun's preposition ("decision [to/case halt/compound aid/obl]",
    "decision [to/case halt/amod aid/compound deliveries/nmod]"): a
    base-form verb modifies no noun, and the verb is what the rules must see acting on the noun."""
    for verb in doc:
        noun = verb.head
        # (the noun may have words of its own between: "to halt/amod aid/compound deliveries")
        if (verb.tag_ != "VB" or verb.dep_ not in ("compound", "amod") or noun.i <= verb.i or verb.i == 0
                or not noun.tag_.startswith("NN") or noun.dep_ in ("ROOT", "compound")
                or any(doc[k].head.i != noun.i or doc[k].dep_ not in ("compound", "amod") for k in range(verb.i + 1, noun.i))):
            continue
        to = doc[verb.i - 1]
        if to.lower_ != "to" or to.head.i != noun.i or to.dep_ != "case":
            continue
        verb.head = noun.head
        verb.dep_ = "acl" if noun.head.tag_.startswith("NN") else "advcl"
        noun.head = verb
        noun.dep_ = "obj"
        to.head = verb
        to.dep_ = "mark"


def rehang_infinitives(doc: Any, nouns: frozenset[str]) -> None:
    """Hang "to VB" on the noun it completes when the parser hung it on the verb before that noun
    ("condemned Israel's decision/obj [to halt/advcl the aid]", "remove the obstacles/obj [to
    delivering/advcl aid]", "criticized Israel's refusal/obj [to agree/xcomp to the truce]"): it says what the
    decision or the obstacle is, and the rules read it from there. (The nouns are never the one an object-control
    verb's infinitive is about: "urged Hamas/obj [to agree/xcomp]" keeps its parse.)"""
    for token in doc:
        if token.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "mark" and c.lower_ == "to" for c in token.children):
            continue
        objects = [n for c in token.head.children if c.dep_ == "obj" and c.right_edge.i == token.left_edge.i - 1
                   for n in (c, *(k for k in c.children if k.dep_ == "conj"))  # "security and political obstacles"
                   if n.right_edge.i == token.left_edge.i - 1 and (n.lemma_ or "").lower() in nouns]
        # "issued a call/obj [for Hamas/obl] [to disarm/advcl]": the "for" phrase names who is to do it
        agents = [c for c in token.head.children if c.dep_ == "obl" and c.right_edge.i == token.left_edge.i - 1
                  and any(k.dep_ == "case" and k.lower_ == "for" for k in c.children)]
        if not objects and agents:
            objects = [c for c in token.head.children if c.dep_ == "obj" and c.right_edge.i == agents[0].left_edge.i - 1
                       and (c.lemma_ or "").lower() in nouns]
            if objects:
                agents[0].head = objects[0]
                agents[0].dep_ = "nmod"
        if objects:
            token.head = objects[0]
            token.dep_ = "acl"
    for token in doc:
        # "in light of Hamas's refusal [to accept the outline]" with the infinitive hung on "light"
        if token.dep_ != "acl" or not token.head.tag_.startswith("NN") or not any(
                c.dep_ == "mark" and c.lower_ == "to" for c in token.children):
            continue
        inner = [c for c in token.head.children if c.dep_ == "nmod" and c.i < token.i
                 and c.right_edge.i == token.left_edge.i - 1 and (c.lemma_ or "").lower() in nouns]
        if inner:
            token.head = inner[0]


_ADVERBIAL_TAGS = frozenset({"RB", "RBR", "RBS", "IN", "DT", "JJ", "JJS", "NN", "CD", ","})


def restore_perfect_participles(doc: Any) -> None:
    """Make a participle again of an "-ed" word after "has" that the tagger read as a modifier of the
    object ("Washington has vetoed/NN four resolutions/obj"), or an adjective the parser gave the "has" itself
    ("which Egypt has championed/JJ"): after a perfect's "has" the word is
    its verb, and the object is the verb's ("has opposed/amod Turkish participation/obj" too, tagged a
    participle already); the auxiliary itself is mended next. The lemma stays: the rules look a word up
    by every base form its ending allows ("vetoed": veto)."""
    for word in doc:
        if word.tag_ not in ("NN", "NNS", "NNP", "JJ", "VBN") or not word.lower_.endswith("ed"):
            continue
        if word.tag_ == "JJ" and any(c.dep_ == "aux" and (c.lemma_ or c.lower_) == "have" and c.i < word.i for c in word.children):
            word.tag_ = "VBN"  # "which Egypt has championed/JJ": the perfect's "has" hangs on it already
            continue
        if word.dep_ in ("compound", "amod") and word.head.i > word.i and word.head.dep_ == "obj":
            objects, have = [word.head], word.head.head  # "has vetoed/compound four resolutions/obj"
        elif word.dep_ == "obj":
            have = word.head  # "has vetoed/obj several draft texts/obj": two objects of "has"
            objects = [c for c in have.children if c.dep_ == "obj" and c.i > word.i]
        else:
            continue
        if (not objects or (have.lemma_ or have.lower_) != "have" or have.tag_ not in ("VBZ", "VBP", "VBD")
                or have.i >= word.i or not all(t.tag_.startswith("RB") for t in doc[have.i + 1:word.i])):
            continue
        word.tag_ = "VBN"
        word.head = have
        word.dep_ = "xcomp"
        for noun in objects:
            noun.head = word


def _perfect_participle(verb: Any, between: Any, hung_on_have: bool = True) -> bool:
    """Whether a verb is the participle of the perfect whose "have" the parser made a verb: an xcomp
    participle after adverbs only, or one after an adverb set off by commas ("have, however, expressed"),
    hung on "have" as a parataxis or with "have" hung on it."""
    if hung_on_have and verb.dep_ == "xcomp" and verb.tag_ == "VBN":
        return all(t.tag_.startswith("RB") for t in between)
    return ((verb.dep_ == "parataxis" or not hung_on_have) and verb.tag_ in ("VBN", "VBD")
            and any(t.tag_.startswith("RB") for t in between)
            and all(t.tag_.startswith("RB") or t.text == "," for t in between))


def rehang_perfect_auxiliaries(doc: Any) -> None:
    """Make the participle the verb again when the parser took a perfect's "has" for the main verb
    ("While Hamas has/advcl repeatedly violated/xcomp the agreement"): the participle is the act."""
    for have in doc:
        # (a "have" with a subject of its own is finite, whatever the tagger says: "nations ... have/VB for
        # the first time called")
        finite = have.tag_ in ("VBZ", "VBP", "VBD") or have.tag_ == "VB" and any(c.dep_ == "nsubj" for c in have.children)
        if (have.lemma_ or have.lower_) != "have" or not finite or any(c.dep_ == "obj" for c in have.children):
            continue
        if have.dep_ == "aux" and have.head.tag_ == "VBN":
            # "While/mark Hamas/nsubj has/aux ... violated": the subject and the marker hung on the auxiliary
            for child in list(have.children):
                if child.dep_ in ("nsubj", "mark"):
                    child.head = have.head
            continue
        head = have.head
        if (have.dep_ == "parataxis" and head.i > have.i and head.tag_ in ("VBN", "VBD")
                and _perfect_participle(head, doc[have.i + 1:head.i], hung_on_have=False)):
            # "Netanyahu and his ministers have/parataxis, however, voiced/ROOT ...": the subject to the verb
            for child in list(have.children):
                child.head = head
            have.dep_ = "aux"
            continue
        participles = [c for c in have.children if c.i > have.i and _perfect_participle(c, doc[have.i + 1:c.i])]
        if not participles:
            # "states have for the first time issued/acl a call": an adverbial phrase between, and the
            # participle hung inside it
            following = next((t for t in doc[have.i + 1:have.i + 8] if t.tag_.startswith("VB") or t.tag_ == "MD"), None)
            if (following is not None and following.tag_ in ("VBN", "VBD") and following.dep_ in ("acl", "acl:relcl")
                    and following.head.i in {t.i for t in have.subtree} and following.head.i < following.i
                    and all(t.tag_ in _ADVERBIAL_TAGS for t in doc[have.i + 1:following.i])):
                participles = [following]
        if not participles:
            continue
        verb = participles[0]
        if have.head.i == have.i:
            verb.head = verb
        else:
            verb.head = have.head
        verb.dep_ = have.dep_
        for child in list(have.children):
            if child.i != verb.i:
                child.head = verb
        have.head = verb
        have.dep_ = "aux"


def rehang_listed_nominals(doc: Any) -> None:
    """Join to the list of a verb's object the items the parser split off it: each is one more thing the verb
    asks for, not a sentence of its own or a part of the item before it."""
    _join_items_read_as_sentences(doc)
    _join_items_hung_on_the_verb(doc)
    _join_items_hung_on_of_phrases(doc)


def _joiner_before(doc: Any, phrase: Any, words: tuple[str, ...]) -> Any:
    """The comma or "and" right before a phrase (the parser may have hung it on the phrase), or None."""
    edge = phrase.left_edge
    joiner = edge if edge.lower_ in words else doc[edge.i - 1] if edge.i > 0 else None
    return joiner if joiner is not None and joiner.lower_ in words else None


def _join_items_read_as_sentences(doc: Any) -> None:
    """"called for a truce, the release/parataxis of the hostages and ...": a noun after a comma hung on the verb
    as a second sentence is the next item of the list whose first item ends at the comma."""
    for noun in doc:
        verb = noun.head
        if noun.dep_ != "parataxis" or not noun.tag_.startswith("NN") or not verb.tag_.startswith("VB") or noun.i < verb.i:
            continue
        comma = _joiner_before(doc, noun, (",",))
        if (comma is None or comma.i < 1
                or any(c.dep_.startswith(("nsubj", "aux", "cop", "mark")) or c.dep_ == "punct" and c.text in (":", "\"", "\u201c")
                       for c in noun.children)):
            continue
        first = max((c for c in verb.children if c.dep_ in ("obj", "obl") and c.tag_.startswith("NN") and c.i < noun.i),
                    key=lambda c: c.i, default=None)
        if first is None or first.right_edge.i != comma.i - 1:
            # the list's first item may be the object of a verb below ("voted to adopt a resolution demanding a
            # ceasefire/obj, the release/parataxis of voted ...")
            first = next((t for t in doc[verb.i + 1:comma.i] if t.dep_ in ("obj", "obl") and t.tag_.startswith("NN")
                          and t.head.tag_.startswith("VB") and t.right_edge.i == comma.i - 1 and verb in t.ancestors), None)
        if first is not None and first.right_edge.i == comma.i - 1:
            noun.head, noun.dep_ = first, "conj"


def _join_items_hung_on_the_verb(doc: Any) -> None:
    """A noun joined to the verb instead of to the phrase before it: a second phrase with the first one's
    preposition ("called for a truce and for the release/conj"), or a noun with its article right after the
    verb's "for" phrase ("called for an immediate halt to hostilities and the release/conj of all hostages")."""
    for noun in doc:
        verb, preposition = noun.head, case_word(noun)
        if noun.dep_ != "conj" or not noun.tag_.startswith("NN") or not verb.tag_.startswith("VB") or verb.i > noun.i:
            continue
        if preposition:
            first = max((c for c in verb.children if c.dep_ == "obl" and c.i < noun.i and case_word(c) == preposition),
                        key=lambda c: c.i, default=None)
        else:
            join = _joiner_before(doc, noun, ("and", ","))
            # (the "to" phrase of "a halt to the fighting" may hang on the verb too: the item is joined after it)
            first = max((c for c in verb.children if c.dep_ == "obl" and c.i < noun.i), key=lambda c: c.i, default=None)
            asked = first is not None and any(c.dep_ == "obl" and case_word(c) == "for" and c.i <= first.i
                                              for c in verb.children)
            if (not asked or join is None or first.right_edge.i + 1 != join.i
                    or not any(c.dep_ == "det" for c in noun.children)):
                first = None
        if first is not None:
            noun.head = first


def _join_items_hung_on_of_phrases(doc: Any) -> None:
    """"the release of the hostages and the withdrawal/conj of troops", where "withdrawal" hangs on "hostages": a
    noun with its own article and "of" phrase is the partner of the item whose "of" phrase it hangs on."""
    for noun in doc:
        inner = noun.head
        if (noun.dep_ != "conj" or not noun.tag_.startswith("NN") or inner.i >= noun.i or inner.dep_ != "nmod"
                or case_word(inner) != "of" or not inner.head.tag_.startswith("NN") or inner.head.dep_ == "nmod"):
            continue
        outer = inner.head
        if (any(c.dep_ == "det" for c in noun.children) and any(c.dep_ == "det" for c in outer.children)
                and any(c.dep_ == "nmod" and case_word(c) == "of" for c in noun.children)):
            noun.head = outer


def rehang_listed_verbs(doc: Any, statement_verbs: frozenset[str] = frozenset()) -> None:
    """Make a listed verb a conjunct again when the parser hung it as an adverbial clause of the verb
    before it, or the head of its object when the parser hung the verb on the noun as a compound or an
    adjective ("would halt the fighting, allow/VB aid trucks in": allow/compound > trucks/obj
    > halt; "reaffirmed their rejection of X and emphasized/amod adherence/conj to the plan"): the tagger's
    verb is the surer of the two, and the act it names is that verb's, not the first's."""
    for token in doc:
        # "rejecting any bid to split Gaza and underlining/conj the part of the PA", the gerund hung on the
        # infinitive: a gerund or a finite verb is listed with the verb of its own form above the infinitive
        if (token.dep_ == "conj" and token.tag_ in ("VBG", "VBD", "VBZ") and token.head.tag_ == "VB"
                and any(c.dep_ == "mark" and c.lower_ == "to" for c in token.head.children)):
            peer = next((a for a in _ancestors(token.head) if a.tag_ == token.tag_), None)
            if peer is not None:
                token.head = peer
                continue
        # "to stop the bloodshed and allow/conj aid to flow", the verb hung on the object before it: with an object
        # of its own it is the second verb of the list, not part of the first one's object
        if (token.dep_ == "conj" and token.tag_ == "VB" and token.head.tag_.startswith("NN") and token.head.dep_ == "obj"
                and token.head.head.tag_.startswith("VB") and token.head.i < token.i):
            if any(c.dep_ == "obj" for c in token.children):
                token.head = token.head.head
                continue
            # "release the hostages and allow/conj aid/conj", its object hung beside it on the same noun
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is not None and after.tag_.startswith("NN") and after.dep_ == "conj" and after.head.i == token.head.i:
                token.head, after.head, after.dep_ = token.head.head, token, "obj"
                continue
        # "urged both sides to respect the truce, release/conj the hostages ...", a bare verb listed after an
        # infinitive but hung on the verb above it: it is the infinitive's partner
        if (token.dep_ == "conj" and token.tag_ == "VB" and token.head.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                and not any(c.dep_ in ("mark", "nsubj", "nsubj:pass", "aux") for c in token.children)):
            infinitive = max((c for c in token.head.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"
                              and c.i < token.i and any(m.dep_ == "mark" and m.lower_ == "to" for m in c.children)),
                             key=lambda c: c.i, default=None)
            if infinitive is None and _lemma_among(token.head, statement_verbs):
                # "said it was willing to exchange the hostages, end the fighting, withdraw/conj of said Israeli
                # forces": the bare verb before it in the reported clause is its partner
                infinitive = max((t for t in doc[token.head.i + 1:token.i] if t.tag_ == "VB" and token.head in t.ancestors
                                  and t.dep_ not in ("compound", "amod") and not any(c.dep_.startswith("nsubj") for c in t.children)),
                                 key=lambda t: t.i, default=None)
            if infinitive is not None:
                token.head = infinitive
                continue
        # "would stop the fighting, provide/advcl aid and reunite families": a bare verb after a comma that the
        # parser hung as an adverbial clause of the verb before it is the next item of the list
        if (token.dep_ == "advcl" and token.tag_ == "VB" and token.i > token.head.i and token.head.tag_.startswith("VB")
                and not any(c.dep_ in ("mark", "nsubj", "nsubj:pass", "aux") for c in token.children)
                and any(0 <= k < token.i and doc[k].text == "," for k in (token.left_edge.i, token.left_edge.i - 1))):
            token.dep_ = "conj"
            continue
        if not (token.dep_ == "compound" and token.tag_ == "VB" or token.dep_ in ("amod", "compound") and token.tag_ in ("VBD", "VBN")
                ) or token.i == 0 or doc[token.i - 1].lower_ not in (",", "and"):
            continue
        noun = token.head
        while noun.dep_ == "compound" and noun.head.i != noun.i:
            noun = noun.head
        if token.tag_ == "VBN" and (noun.dep_ != "conj" or not noun.head.tag_.startswith("NN")):
            continue  # "displaced and wounded/VBN civilians", "a balanced, acceptable and unified approach": adjectives
        verb = noun.head
        # "reaffirmed their rejection of displacement and emphasized/amod adherence/conj to the plan"
        while token.tag_ in ("VBD", "VBN") and noun.dep_ == "conj" and not verb.tag_.startswith("VB") and verb.head.i != verb.i:
            verb = verb.head
        if noun.i <= token.i or not noun.tag_.startswith("NN") or noun.dep_ not in ("obj", "conj") or not verb.tag_.startswith("VB"):
            continue
        token.head = verb
        token.dep_ = "conj"
        noun.head = token
        noun.dep_ = "obj"
