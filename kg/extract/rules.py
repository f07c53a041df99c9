"""The named rules that turn a parsed sentence into stances: who holds it (holder rules), which way
(polarity rules) and after what (condition rules). Each rule has an id from ontology/rules/rules.yaml,
a confidence, and can be switched off; the word lists they read are in ontology/rules/lemmas.yaml.

From each issue mention the rules walk up the dependency tree to the predicate that carries the
stance and the actor that holds it:

    "Israel will not allow reconstruction before Hamas disarms"
     reconstruction -dobj-> allow (support cue, negated) -nsubj-> Israel
     allow has an advcl "before Hamas disarms" naming disarmament
     => Israel, reconstruction, conditional on disarmament (and Israel supports disarmament)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping, Sequence

from .contexts import context_stops
from .lemmatize import lemma_candidates
from .repairs import case_word as _case, inverted_condition
from .rulebook import RuleBook, split_particles


# --- the walk ---------------------------------------------------------------------------------

_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer"})
_CLAUSE_EDGES = frozenset({"acl:relcl", "acl", "advcl:relcl"})
# Universal Dependencies labels (the pipeline is trained on the English Web Treebank)
_NP_SKIP = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "det", "cc", "case",
                      "mark", "aux", "aux:pass", "cop", "advmod", "nummod", "dep", "list"})
_NP_SAME_LEVEL = frozenset({"conj", "appos", "compound", "flat", "amod", "nmod:poss", "nmod:desc"})
#: the first words of "rather than" and "instead of", which set what follows against what comes before
CONTRAST_WORDS = frozenset({"rather", "instead"})
# the prepositions whose phrase says who a noun phrase is ("the ministers of Egypt", "states such as Qatar")
_NP_PREPOSITIONS = frozenset({"of", "from", "including", "like", "such", "among"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_LOCATIVE = frozenset({"in", "at", "near", "along", "inside", "around", "beyond", "behind", "across"})
_CONCESSIVE = frozenset({"while", "although", "though", "whereas", "whilst"})
_FRAMES = frozenset({"in", "during", "under", "within", "throughout"})
_NEGATIONS = frozenset({"not", "no", "never", "non", "n't", "cannot"})
_ONLY_MARKERS = frozenset({"with", "after", "once", "when", "under", "upon", "through", "if"})
_OBLIQUE = frozenset({"obl", "nmod", "advcl", "acl", "obl:unmarked", "nmod:unmarked", "ccomp"})


@dataclass
class Holders:
    """Who a noun phrase names: actor ids, with how they were found."""

    actors: list[str]
    rules: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass
class Finding:
    """One stance a rule walk found, before it becomes a `kg.model.Stance`."""

    holders: list[str]
    issue: str
    polarity: str  # support | oppose | conditional
    condition: str | None
    rules: tuple[str, ...]
    confidence: float
    cue: str = ""  # the lemma of the predicate that carried it
    path: tuple[str, ...] = ()  # the dependency path walked, for --explain


class SentenceContext:
    """What the rules need about one parsed sentence and its article: mentions on tokens, coreference."""

    def __init__(
        self,
        doc: Any,
        offset: int,
        actor_at: Mapping[int, str],
        issue_tokens: set[int],
        resolve_pronoun: Callable[[Any], list[str]],
        group_before: Callable[..., list[str]],
        speaker: Callable[[], tuple[str | None, bool]],
        demonyms: Mapping[str, str],
        lists: Mapping[int, list[str]] | None = None,
        media: set[int] | None = None,
        sponsor_at: Mapping[int, str] | None = None,
        subject_before: Callable[[], list[str]] | None = None,
        plan_owner_before: Callable[[str], list[str]] | None = None,
        group_after: Callable[[int | None], list[str]] | None = None,
        body_members: Callable[[str], list[str]] | None = None,
        group_later: Callable[[], list[str]] | None = None,
        pair_before: Callable[[], list[str]] | None = None,
    ) -> None:
        self.doc = doc
        self.offset = offset
        self.actor_at = actor_at
        # the two actors the sentence before named, if it named two ("Jordan's king received Egypt's
        # president. Both stressed ..."): whom "both" or "the two leaders" means
        self.pair_before = pair_before or (lambda: [])
        self.issue_tokens = issue_tokens
        self.resolve_pronoun = resolve_pronoun
        self.group_before = group_before
        self.speaker = speaker
        self.demonyms = demonyms
        self.lists = lists or {}
        self.media = media or set()
        # actors named inside an issue's own name ("Trump's initiative", "the US-drafted
        # resolution"): they sponsor the plan, and hold no other stance as the name's part
        self.sponsor_at = sponsor_at or {}
        # who the text was last about ("In a joint statement, the ministers of X and Y said ... The
        # statement also called for ..."): the issuers a statement noun refers back to
        self.subject_before = subject_before or (lambda: [])
        # who put forward the last plan of that name the text owned ("Trump unveiled his 20-point plan. The
        # plan calls for ..."): "the plan" refers back to it
        self.plan_owner_before = plan_owner_before or (lambda lemma: [])
        # the members an earlier sentence listed for a body of that name ("The committee, comprising A, B
        # and C, ... The committee called for ..."): "the committee" refers back to them
        self.body_members = body_members or (lambda lemma: [])
        # the states a text lists only after it has said what they hold, where it named no group before ("The
        # leaders urged ... The summit was attended by A, B and C"): "the leaders" refers forward to them
        self.group_later = group_later or (lambda: [])
        # the states a lead counts and names after ("Eight countries issued a joint statement. The ministers
        # of A, B, ... backed ..."): the first list of that many states in the next two sentences
        self.group_after = group_after or (lambda size: [])


def _lemma(token: Any) -> str:
    return token.lemma_forms[0]


def group_referent(noun: Any, book: RuleBook, aside: Any = None) -> bool:
    """Whether a group noun points back to the actors listed before ("the eight countries", "the
    signatories", "the members of the committee") rather than naming a group of its own ("countries such as
    Indonesia", "Arab nations", "those countries who might send troops"); `aside` is a clause of the noun
    that says something of the group and does not say which it is (", who expressed ...")."""
    if members_of_the_body(noun, book):
        return True
    if not _lemma_in(noun, book.group_referents):
        return False
    if (noun.lemma_ or "").lower() == "minister" or noun.lower_ in ("minister", "ministers"):
        # "the foreign ministers", "The Foreign Ministers/NNPS", "the ministers of both countries": always the
        # ones named before
        return True
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "both") for c in noun.children) and not (
            # "Participants stressed ...": those taking part in the gathering named before, "the" or not
            noun.tag_ in ("NNS", "NNPS") and _lemma_in(noun, book.bare_group_referents)
            and not any(c.dep_ == "det" for c in noun.children)):
        return False
    # "the participating countries", "the parties attending the meeting": the ones taking part, named before
    return not any(c.dep_ in ("amod", "acl", "acl:relcl", "nmod", "appos", "compound") and not _lemma_in(c, book.taking_part)
                   and c is not aside for c in noun.children)


def pair_referent(noun: Any, book: RuleBook) -> bool:
    """Whether a subject means two actors named just before: "both" alone, or "both sides", "the two
    leaders" (`pair_nouns`) with nothing that names who they are ("the two Arab states", "both sides of
    the war")."""
    if noun.lower_ == "both" and noun.dep_ in ("nsubj", "nsubj:pass") and not any(c.dep_ == "nmod" for c in noun.children):
        return True
    if not _lemma_in(noun, book.pair_nouns):
        return False
    counts = [c for c in noun.children if c.lower_ in ("both", "two") and c.dep_ in ("det", "nummod", "amod")]
    return bool(counts) and not any(c.dep_ in ("amod", "compound", "nmod", "nmod:poss", "acl", "acl:relcl", "appos")
                                    and c not in counts for c in noun.children)


def names_no_other_body(noun: Any) -> bool:
    """Whether a noun has no modifier that could make it another body of its name ("the Arab committee", "the
    committee on refugees", "the committee that Israel formed", "two ministers"): "the committee" alone, even
    where the parser hangs a participle or an apposition on it ("The committee called/acl for ...")."""
    return not any(c.dep_ in ("amod", "compound", "nmod", "nmod:poss", "acl:relcl", "nummod") for c in noun.children)


def members_of_the_body(noun: Any, book: RuleBook) -> bool:
    """Whether a noun is "the members of the committee" (`membership_bodies`: the committee, the meeting, the
    group ...), a body the text names by its plain noun, whose members are the actors listed with it, before or after."""
    if (noun.lemma_ or "").lower() != "member" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    bodies = [c for c in noun.children if c.dep_ == "nmod"]
    return (len(bodies) == 1 and _lemma_in(bodies[0], book.membership_bodies)
            and any(c.dep_ == "case" and c.lower_ == "of" for c in bodies[0].children)
            and any(c.dep_ == "det" and c.lower_ == "the" for c in bodies[0].children) and names_no_other_body(bodies[0])
            and not any(c.dep_ in ("amod", "compound", "acl:relcl", "nummod") for c in noun.children))


def members_listed_by_clause(noun: Any, actor_at: Mapping[int, str], member_verbs: frozenset[str]) -> list[str]:
    """The actors a clause on a noun lists as its members ("a committee comprising A, B and C", "the group,
    which includes A and B", "The committee — comprising A, B and C —", the parse's second clause a conjunct
    of the first), when it names two or more."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "acl:relcl") and c.i > noun.i]
    clauses += [j for c in clauses for j in c.conjuncts]
    for clause in clauses:
        if _lemma_in(clause, member_verbs):
            members = _unique(actor_at[t.i] for t in clause.subtree if t.i in actor_at and t.dep_ not in ("nsubj", "nsubj:pass"))
            if len(members) >= 2:
                return members
    return []


def _plainly_the(noun: Any, book: RuleBook) -> bool:
    """Whether a group noun is "the" noun and no more ("the leaders", "the members of the committee", not "two
    far-right ministers" or "the foreign ministers"): only such a one may point forward to a group the text
    names later."""
    if members_of_the_body(noun, book):
        return True
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and names_no_other_body(noun)


def _few(word: Any) -> bool:
    """Whether a word is "few" without "a" before it: hardly any."""
    return word.lower_ == "few" and not (word.i > 0 and word.doc[word.i - 1].lower_ in ("a", "quite"))


def _wait_for(st: "_WalkState", issues: Iterable[str]) -> None:
    """Make the walk's stance wait for these issues ("unless" conditions), each once."""
    for issue in issues:
        if (issue, "unless") not in st.conditions:
            st.conditions.append((issue, "unless"))


def legislature_member(noun: Any, book: RuleBook) -> bool:
    """Whether a noun phrase names a member of a legislature, by its head or a title before it ("five U.S.
    senators", "US Senator Lindsey Graham"): one who speaks for no actor, whatever state is named with them."""
    return any(_lemma_in(t, book.legislature_members) for t in noun.subtree if t.i <= noun.i)


def _counted_compound(word: Any) -> bool:
    """"six-party", "eight-nation": a compound that counts who meets, naming none of them."""
    return word.text.islower() and any(c.dep_ == "nummod" for c in word.children)


def _counted_states(noun: Any, book: RuleBook) -> int | None:
    """How many states a group noun with no article counts ("eight countries" -> 8, "multiple
    nations" or "Arab countries" -> 0 for some), or None when it is no such group. Leaders or
    ministers "from the key Arab nations" count as their states do."""
    if noun.tag_ != "NNS" or any(c.dep_ in ("det", "nmod:poss") for c in noun.children):
        return None  # "the eight countries" points back; "its allies" has an owner
    if _lemma_in(noun, book.group_referents) and any(
            child.dep_ == "nmod" and child.tag_ == "NNS" and _lemma_in(child, book.state_group_nouns)
            and any(c.dep_ == "case" and c.lower_ in ("from", "of") for c in child.children)
            and any(c.dep_ == "amod" and c.lower_ in book.group_lead_modifiers for c in child.children)
            for child in noun.children):
        return 0
    if not _lemma_in(noun, book.state_group_nouns):
        return None
    for child in noun.children:
        if child.dep_ in ("nummod", "compound", "amod") and (child.lower_ in book.number_words or child.text.isdigit()):
            # ("Eight/NNP countries" at a sentence's head, "Eight/amod Arab and Muslim nations")
            return book.number_words.get(child.lower_) or int(child.text)
        if child.dep_ == "amod" and (child.lower_ in book.vague_counts or child.lower_ in book.group_lead_modifiers):
            return 0
    return None


def _lemma_in(token: Any, words: frozenset[str] | Mapping[str, Any]) -> str | None:
    """The first candidate lemma of a token that is in `words`, or None."""
    for candidate in token.lemma_forms:
        if candidate in words:
            return candidate
    return None


_AUXILIARIES = frozenset({"has", "have", "had", "been", "be", "was", "were", "is", "are", "does", "did", "do"})
_ASIDE_PHRASE_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS"})


def _is_pronoun(token: Any) -> bool:
    return token.tag_ in ("PRP", "PRP$") or token.lower_ in ("we", "i", "he", "she", "they", "it")


@dataclass
class _WalkState:
    """What a walk from an issue word up its parse has gathered so far, handed from step to step."""

    issue_token: Any
    issue_span: set[int]
    issue_id: str
    issue_at: Mapping[int, str]
    node: Any  # where the walk is
    came_from: Any = None  # the node it climbed from
    own: bool = False  # the node is a word of the issue itself
    sign: int = 1
    signal: bool = False  # a stance word (or a negation, a modal ...) was met: there is a stance to hold
    signal_below: bool = False  # `signal` before the current node
    cue: str = ""  # the word that carried the stance
    rules: list[str] = field(default_factory=list)
    conditions: list[tuple[str, str]] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    deontic: bool = False
    skip_sign: bool = False  # the node's words do not turn the issue (a coordinated act, a frozen reading ...)
    nouns_only: bool = True  # still in the noun phrase around the issue
    detached: bool = False  # a concessive clause, a reason or an "instead": the words above do not judge the issue
    demand_seen: bool = False  # "wants Hamas to hand over its weapons before reconstruction begins"
    negation_seen: bool = False
    opaque: bool = False  # climbed through a noun that a relative clause would speak of instead of the issue
    inner: Any = None  # a stance noun whose possessor holds the stance: the walk goes on for who judges it
    outer_signal: bool = False  # a stance word above the inner stance
    coordinated_act: bool = False  # the issue is a verb the parse made a coordinated object ("stop the war and rebuild/NN Gaza")
    # the issue's reading is settled below (what a harm verb threatens, a breach charged, what an act is for,
    # the issue judged as a subject): the verbs above report or justify it and do not turn it again
    sign_frozen: bool = False
    negation_in_phrase: int | None = None  # the node whose rejecting phrase holds its own "not"
    characterized: bool = False  # the issue is what a thing is named as working against ("called it a coup against")
    breach_here: bool = False  # this node names a breach of the issue: its subject is charged, not speaking
    inverse: bool = False  # the words name the issue's opposite ("resume the war")
    # the issue is what a comma's relative clause says a plan contains ("the plan, which calls for a truce"): a
    # description, which those who back the plan above it do not hold as their own
    described: Any = None
    harm_below: int | None = None  # the harm verb with no subject of its own the walk just left
    halted: bool = False  # a verb or noun that halts the issue was met ("suspended the releases")


class Walker:
    """Applies the rule book to one parsed sentence (Universal Dependencies labels)."""

    def __init__(self, book: RuleBook, context: SentenceContext) -> None:
        self.book = book
        self.ctx = context
        self._cues: dict[int, tuple[int, str]] = {}  # token index -> cue_sign: asked several times per walk
        self._not_issues: dict[tuple[int, str], bool] = {}  # (issue word, issue) -> not_the_issue, asked twice
        self._buried = 0  # stance-less nouns the current walk has climbed through
        self._exchange_doers: frozenset[str] = frozenset()  # who the current walk's exchange asks to act
        self._stops: tuple[frozenset[int], frozenset[int]] | None = None
        self._reported_issuers: list[str] | None = None

    def reported_issuers(self) -> list[str]:
        """Who issued the statement the sentence cites "according to" ("According to the statement, ..."), or no
        one; read once per sentence."""
        if self._reported_issuers is None:
            ctx = self.ctx
            source = next((t.head for t in ctx.doc if t.lower_ == "according" and t.dep_ == "case"
                           and t.head.tag_.startswith("NN") and t.head.i not in ctx.actor_at), None)
            self._reported_issuers = self.statement_issuers(source) if source is not None else []
        return self._reported_issuers

    def stops(self) -> tuple[frozenset[int], frozenset[int]]:
        """Where the context rules stop a walk in this sentence: on arrival, and on leaving."""
        if self._stops is None:
            self._stops = context_stops(self.ctx.doc, self.book.contexts)
        return self._stops

    def mediators(self, issues: Iterable[tuple[str, int | None]]) -> list[Finding]:
        """The mediators the sentence names ("mediators Qatar, Egypt and the US", "Qatari and
        Egyptian mediators", "Egypt and Qatar, the mediators", "Egypt's mediation", "talks mediated by
        Qatar", "Qatar has been mediating", "the Egypt-mediated talks", "the mediating countries, Egypt
        and Qatar") back the issues it names: the annotation guideline reads a party's or mediator's
        backing from its role (`Implicit:`). `issues` are (issue, its word's index, None when no word names
        it); an issue named past a word of contrast is another's ("a text Egypt and Qatar mediated, but
        Netanyahu wants Hamas disarmed")."""
        book, ctx = self.book, self.ctx
        if not book.enabled("mediator_of_deal"):
            return []
        actors: list[str] = []
        doc = ctx.doc

        def named(k: int) -> str | None:
            return ctx.actor_at.get(k) or (ctx.demonyms.get(doc[k].text) if k not in ctx.media else None)

        path: list[str] = []
        roles: list[int] = []  # where the sentence names mediators or mediating
        for token in doc:
            verb = token.tag_.startswith("VB") and _lemma_in(token, book.mediating_verbs)
            if verb and token.dep_ == "amod" and token.head.tag_.startswith("NN"):
                role = token.head  # "the mediating countries": the noun it describes names them
            elif (token.tag_.startswith("NN") or token.tag_ == "JJ" and _effort_after(doc, token, book)) and _lemma_in(
                    token, book.mediator_nouns) or verb:
                role = token  # ("the mediatory/JJ efforts of Egypt"): the adjective only before an effort
            else:
                continue
            if any(self.negated(a) or any(c.dep_ == "case" and c.lower_ == "without" for c in a.children)
                   for a in [role, *role.ancestors]):
                continue  # "would not agree ... without guarantees from the mediators": what is asked of them
            if ((_case(role) in ("via", "through") or role.dep_ in ("obj", "iobj"))
                    and (_lemma_in(role.head, book.report_verbs) or _lemma_in(role.head, book.telling_verbs))):
                # the channel of a message ("Israel communicated to Hamas via Egyptian and Qatari mediators")
                # or the ones told ("Hamas told the mediators it accepts the plan"), not backers of what they pass on
                continue
            path.append(f"{token.i}:{token.text}/{token.tag_}/{token.dep_}")
            roles.append(token.i)
            if role is token and verb:
                # who mediates: the verb's doer ("mediated by Egypt", "Qatar has been mediating ... alongside Egypt")
                for c in token.children:
                    if c.dep_ in ("nsubj", "obl:agent") or c.dep_ == "obl" and _case(c) in ("by", "alongside", "with"):
                        actors += self.np_holders(c).actors
                continue
            # read off the words, which a parser trained on web text hangs every way: the names and
            # demonyms right before the noun ("Qatari and Egyptian mediators", "Egypt and Qatar, the
            # mediators", "Egypt's mediation", before the participle: "the Qatar-mediated talks")
            # and the list right after it ("mediators Egypt, the US and Qatar", "the mediating countries -
            # Egypt, Qatar and Turkey")
            k = role.i - 1 - (role is not token)
            while k >= 0 and (named(k) or doc[k].lower_ in (",", "and", "the", "'s", "’s", "'", "-")):
                if named(k):
                    actors.append(named(k))
                k -= 1
            k = role.i + 1
            if _effort_after(doc, role, book):
                k += 1  # "thanks to mediation efforts by Cairo, Doha and Washington": the efforts are theirs
            if k + 1 < len(doc) and doc[k].lower_ in ("from", "by", "of"):
                k += 1 + (doc[k + 1].lower_ == "the")  # "with mediation from Egypt, Qatar and the US"
            elif k + 1 < len(doc) and (doc[k].text in (",", "-", "–", "—", ":") and role is not token or doc[k].text == "("):
                k += 1 + (doc[k + 1].lower_ == "the")  # (also "the mediators (Turkey, Egypt and Qatar)")
            else:
                # "as a mediator, along with Egypt and the US": the partners named with the role share it
                start = k + (k < len(doc) and doc[k].text == ",")
                words = " ".join(t.lower_ for t in doc[start:start + 2])
                joined = 2 if words in ("along with", "together with") else 1 if words.startswith("alongside") else 0
                if joined:
                    k = start + joined
                    k += k < len(doc) and doc[k].lower_ == "the"
            if k < len(doc) and k in ctx.actor_at:
                actors += ctx.lists.get(k) or [ctx.actor_at[k]]
        actors = _unique(actors)
        if not actors:
            return []
        contrasts = [t.i for t in doc if _lemma_in(t, book.contrast_conjunctions) and t.dep_ in ("cc", "mark") or t.text == ";"]
        low = max((i for i in contrasts if i < min(roles)), default=-1)
        high = min((i for i in contrasts if i > max(roles)), default=len(doc))
        confidence = book.confidence("mediator_of_deal")
        return [Finding(list(actors), issue, "support", None, ("mediator_of_deal",), confidence, "mediators", tuple(path))
                for issue in _unique(issue for issue, at in issues if at is None or low < at < high)
                if issue in book.mediated_issues]

    def asides(self, issues: Sequence[tuple[int, str, bool]]) -> list[Finding]:
        """An aside after a comma or dash that sums up the clause before it ("Hamas has not said whether it will
        disarm, something it has long rejected"; "..., a move welcomed by Egypt") takes a side on the issue
        that clause names last: its verb says which side, whoever it names holds it. `issues` are the
        sentence's issue words (token index, issue id, whether the words name its opposite). Read off the
        words: the parser hangs such asides anywhere."""
        book, doc = self.book, self.ctx.doc
        if not book.enabled("aside_on_clause") or not issues:
            return []
        findings: list[Finding] = []
        for comma in doc:
            if comma.text not in (",", "-", "–", "—") or comma.i + 3 >= len(doc):
                continue
            before = [(i, issue_id, inverse) for i, issue_id, inverse in issues if i < comma.i]
            k = comma.i + 1 + (doc[comma.i + 1].lower_ in ("a", "an", "one"))
            # the noun after a few modifiers ("a key demand", "a long-standing Israeli demand")
            noun = next((t for t in doc[k:min(len(doc), comma.i + 7)] if not (
                t.tag_ in ("JJ", "NNP", "HYPH", "VBG", "VBN", "RB") or t.text == "-") or _lemma_in(t, book.aside_nouns)), None)
            if not before or noun is None or not noun.tag_.startswith("NN") or not _lemma_in(noun, book.aside_nouns):
                continue
            k = noun.i
            # whose the noun is: a demonym before it ("a long-standing Israeli demand") or the phrase after it
            owners = [noun] if any(c.dep_ in ("amod", "compound", "nmod:poss") and c.i < noun.i for c in noun.children) else []
            if k + 1 < len(doc) and doc[k + 1].lower_ in ("of", "by", "from"):
                owners += doc[k + 2:min(len(doc), k + 6)]
            own_sign = self.cue_sign(noun)[0]
            owner = next((found for found in (self.np_holders(w) for w in owners) if found.actors), None) if own_sign else None
            if owner is not None:
                # "..., a key demand of Israel and the United States", "..., a long-standing Israeli demand"
                _, issue_id, inverse = before[-1]
                findings += self._finish(owner, "aside_on_clause", issue_id, -own_sign if inverse else own_sign, [], [],
                                         _lemma(noun), [f"{noun.i}:{noun.text}"])
                continue
            k += 1
            if k < len(doc) and doc[k].lower_ in ("that", "which"):
                k += 1
            words = list(doc[k:min(len(doc), k + 12)])
            holder, verb, negated = None, None, False
            for n, word in enumerate(words):
                lower = word.lower_
                if verb is None and word.tag_ == "VBN" and n + 1 < len(words) and words[n + 1].lower_ == "by":
                    verb = word  # "..., a move welcomed by Egypt"
                    holder = next((w for w in words[n + 2:n + 6] if self.np_holders(w).actors), None)
                    break
                if holder is None:
                    if (word.tag_.startswith(("NN", "PRP")) and self.np_holders(word).actors
                            and not (word.head.i > word.i and word.head.tag_.startswith("NN") and self.np_holders(word.head).actors)):
                        # "..., something Israel has long rejected" (the name's head: "the United States", "UN agencies")
                        holder = word
                    elif not (word.tag_ in _ASIDE_PHRASE_TAGS or lower in _AUXILIARIES):
                        break
                    continue
                if lower in ("not", "never", "n't"):
                    negated = True
                elif lower in _AUXILIARIES or lower in book.aside_adverbs or word.tag_ == "MD":
                    continue
                elif word.tag_.startswith("VB") or word.tag_ == "JJ" and lower.endswith("ed"):  # "opposed/JJ"
                    verb = word
                    break
                elif not (word.tag_ in _ASIDE_PHRASE_TAGS or word.tag_ == "CC" or lower == "other"):
                    break  # the rest of the holder's phrase goes on: "UN agencies and other humanitarian actors"
            if verb is None or holder is None:
                continue
            sign = self.cue_sign(verb)[0] * (-1 if negated else 1)
            holders = self.np_holders(holder)
            if not sign or not holders.actors:
                continue
            _, issue_id, inverse = before[-1]
            findings += self._finish(holders, "aside_on_clause", issue_id, -sign if inverse else sign, [], [],
                                     _lemma(verb), [f"{noun.i}:{noun.text}", f"{verb.i}:{verb.text}"])
        return findings

    # -- holders of a noun phrase ------------------------------------------------------------

    def np_holders(self, token: Any, allow_demonym: bool = True) -> Holders:
        """The actors a noun phrase names: the shallowest actor mentions inside it, with coordination."""
        book, ctx = self.book, self.ctx
        listed = [c for c in token.children if c.dep_ == "appos" and c.i in ctx.actor_at and c.i > token.i]
        if token.tag_ == "NNS" and listed and book.enabled("coordination"):
            # "the nations involved — Qatar, Egypt and Turkey — issued ...": the names after a group spell it
            # out, whatever group its own words name ("participating countries"); a name before it is one more
            named = [a for c in token.children if c.dep_ == "compound" and c.i < token.i and c.text[:1].isupper()
                     for a in self.np_holders(c).actors]
            return Holders(_unique(named + self._with_conjuncts(listed[0])), ("coordination",))
        if token.i in ctx.actor_at:
            actors = self._with_conjuncts(token)
            if set(actors) <= set(book.unnamed_groups):
                named = self._group_with_examples(token, actors)
                if named is not None:
                    return named
            # "Egyptian and Qatari mediators": the mention took "Qatari mediators"; the adjective it is
            # coordinated with names another actor
            modifiers = [x for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i
                         for x in (c, *c.conjuncts)]
            extra = [a for a in (self._actor_named(x) for x in sorted(modifiers, key=lambda t: t.i)) if a and a not in actors]
            if extra and book.enabled("coordination"):
                return Holders(_unique(extra + actors), ("coordination",))
            return Holders(actors, ("coordination",) if token.conjuncts else ())
        if token.i in ctx.issue_tokens:
            return Holders([])  # "the ceasefire between Israel and Hamas would hold": not their stance
        if _lemma_in(token, book.speaker_bodies) and token.tag_.startswith("NN"):
            # "... a trusteeship, which our movement and our allies reject": the speaker's own people, in its words
            ours = next((c for c in token.children if c.dep_ == "nmod:poss" and c.lower_ == "our"), None)
            if ours is not None:
                return self.np_holders(ours)
        if _is_pronoun(token) and token.lower_ not in _RELATIVE_PRONOUNS:
            if not book.enabled("pronoun"):
                return Holders([])
            if token.tag_ == "PRP$" and token.lower_ not in ("our", "my"):
                # "Egypt and Qatar reaffirmed their commitment": a possessive takes its clause's subject
                clause = token.head
                while clause.dep_ not in ("ROOT",) and not clause.tag_.startswith("VB"):
                    clause = clause.head
                if clause.dep_ == "xcomp" and not any(c.dep_ in _SUBJECTS for c in clause.children):
                    # "urged the Israeli occupation to cease its suspension of supplies": the one urged
                    controller = [c for c in clause.head.children if c.dep_ in ("obj", "iobj")]
                    holders = self.np_holders(controller[0]) if controller else Holders([])
                    if holders.actors:
                        return Holders(holders.actors, ("pronoun", *holders.rules), book.confidence("pronoun"))
                for child in clause.children:
                    if child.dep_ == "nsubj" and not _is_pronoun(child) and child.i != token.i:
                        holders = self.np_holders(child)
                        if holders.actors:
                            return Holders(holders.actors, ("pronoun", *holders.rules), book.confidence("pronoun"))
            resolved = list(ctx.resolve_pronoun(token))
            if resolved and token.conjuncts and book.enabled("coordination"):
                # "he and the leaders of Egypt, Turkey and Qatar signed ..."
                resolved = _unique(resolved + [a for conj in token.conjuncts for a in self.np_holders(conj).actors])
            return Holders(resolved, ("pronoun",), book.confidence("pronoun"))
        if any(c.dep_ == "det" and c.tag_ == "WDT" and c.lower_ in ("which", "what") for c in token.children):
            return Holders([])  # "no clarity about which countries are willing to ...": a question, no one named
        members = self._members_by_clause(token) if book.enabled("group_noun") else []
        if members:
            # "The committee, comprising Egypt, Qatar and Jordan, called for ...": the members it lists
            return Holders(members, ("group_noun",), book.confidence("group_noun"))
        counted = _counted_states(token, book) if book.enabled("group_noun") else None
        if counted:
            # "Eight countries, including Turkey, issued a statement. The ministers of A, B, ... H": all eight
            group = ctx.group_after(counted)
            if group:
                return Holders(list(group), ("group_noun",), book.confidence("group_noun"))
        if _lemma_in(token, book.statement_nouns):
            # "the statement issued by Egypt and Qatar": who issued it says it
            for participle in token.children:
                if participle.dep_ == "acl" and participle.tag_ == "VBN":
                    agent = next((c for c in participle.children if c.dep_ == "obl:agent"), None)
                    holders = self.np_holders(agent) if agent is not None else Holders([])
                    if holders.actors:
                        return holders
        found: list[tuple[int, int, str]] = []
        # "Israeli opposition leader", "Israeli lawmakers": people of a state who do not speak for it
        # (also "Former Israeli prime minister Naftali Bennett", where "former" qualifies a title before the name)
        member = legislature_member(token, book)
        outside = member or _lemma_in(token, book.outside_holders) or any(
            c.dep_ in ("amod", "compound") and _lemma_in(c, book.outside_holders) for c in token.children) or any(
            t.dep_ in ("amod", "compound") and t is not c and _lemma_in(t, book.outside_holders)
            for c in token.children if c.dep_ in ("compound", "flat", "nmod:desc") and c.i < token.i for t in c.subtree)
        related = _lemma_in(token, book.relation_nouns)
        queue = [(token, 0)]
        while queue:
            node, depth = queue.pop(0)
            if depth > 3:
                continue
            if node is not token:
                # "US allies, including Saudi Arabia and Jordan": whose allies they are is not who they are
                other_end = related and node.head is token and (
                    node.dep_ in ("compound", "nmod:poss", "amod") or node.dep_ == "nmod" and _case(node) == "of")
                actor = ctx.actor_at.get(node.i) if not (outside and node.dep_ in ("amod", "nmod:poss") or member and (
                    node.dep_ in ("compound", "flat", "nmod:desc")) or other_end) else None
                if (actor is None and allow_demonym and not outside and not other_end and node.dep_ in ("amod", "compound")
                        and node.i not in ctx.media):
                    actor = ctx.demonyms.get(node.text)
                if actor is not None:
                    found.append((depth, node.i, actor))
                    continue
            for child in node.children:
                dep = child.dep_
                if dep in _NP_SKIP:
                    continue
                if dep in ("nmod", "obl") and _case(child) not in _NP_PREPOSITIONS and not (
                        # "a statement by Egypt": who makes a statement says it
                        node is token and dep == "nmod" and _case(child) == "by" and _lemma_in(token, book.statement_nouns)):
                    continue
                queue.append((child, depth if dep in _NP_SAME_LEVEL else depth + 1))
        if found:
            best = min(d for d, _, _ in found)
            actors = []
            for d, i, a in sorted(found, key=lambda f: f[1]):
                if d == best:
                    actors.append(a)
                    if book.enabled("coordination"):
                        actors.extend(ctx.lists.get(i, ()))
            actors = _unique(actors)
            return Holders(actors, ("coordination",) if len(actors) > 1 else ())
        issuers = self.statement_issuers(token) if book.enabled("group_noun") else []
        if issuers:
            return Holders(issuers, ("group_noun",), book.confidence("group_noun"))
        if (book.enabled("group_noun") and token.tag_ == "NN" and token.i not in ctx.actor_at
                and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children) and names_no_other_body(token)):
            members = ctx.body_members(_lemma(token))
            if members:
                return Holders(list(members), ("group_noun",), book.confidence("group_noun"))
        if book.enabled("group_noun") and group_referent(token, book):
            group = ctx.group_before(token) or (_plainly_the(token, book) and ctx.group_later())
            if group:
                return Holders(list(group), ("group_noun",), book.confidence("group_noun"))
        if book.enabled("group_noun") and pair_referent(token, book):
            pair = ctx.pair_before()
            if pair:
                return Holders(pair, ("group_noun",), book.confidence("group_noun"))
        if counted == 0:
            # "multiple countries voiced backing ... The statement, supported by A, B and C": the list after
            group = ctx.group_after(None)
            if group:
                return Holders(list(group), ("group_noun",), book.confidence("group_noun"))
        listed = self._listed_members(token) if book.enabled("relative_antecedent") else Holders([])
        if listed.actors:
            # "Countries willing to take part include Egypt, Turkey and Indonesia": the states the sentence
            # names for the group, not the group's own unnamed members
            return Holders(listed.actors, ("relative_antecedent",), book.confidence("relative_antecedent"))
        if book.enabled("group_noun"):
            actor = self._unnamed_group(token)
            named = self._group_with_examples(token, [actor] if actor else [])
            if named is not None:
                return named
            if actor:
                return Holders([actor], ("group_noun",), book.confidence("group_noun"))
        return Holders([])

    def _group_with_examples(self, noun: Any, rest: list[str]) -> Holders | None:
        """A plural group noun's holders when it names members by example ("Nations able to send peacekeepers,
        including Indonesia and Azerbaijan, want ..."): the examples, and `rest`, the actor its unnamed rest
        stands for; None when it names none."""
        if noun.tag_ != "NNS" or not self.book.enabled("group_noun"):
            return None
        examples = self._examples_within(noun)
        return Holders(_unique(examples.actors + rest), ("coordination",)) if examples.actors else None

    def _members_by_clause(self, token: Any) -> list[str]:
        """The members a clause on a noun lists (`members_listed_by_clause`), when the noun names no actor itself."""
        if token.i in self.ctx.actor_at:
            return []
        return members_listed_by_clause(token, self.ctx.actor_at, self.book.member_verbs)

    def _unnamed_group(self, token: Any) -> str | None:
        """The actor an unnamed group of states stands for ("Several countries are reluctant to send
        troops": the prospective contributors), by the words of its sentence; None for a group with an
        article, an owner or members of its own ("the countries", "countries such as Egypt")."""
        book = self.book
        if token.tag_ != "NNS" or not _lemma_in(token, book.unnamed_group_nouns) or not book.unnamed_groups:
            return None
        if any(c.dep_ in ("det", "nmod:poss") and c.lower_ in ("the", "these", "those", "both", "its", "their", "our")
               or c.dep_ == "nmod:poss" or c.i in self.ctx.actor_at for c in token.children):
            return None
        following = token.doc[token.i + 1:token.i + 3]
        if any(t.lower_ in ("such", "including", "like", "among") for t in following):
            return None
        words = {t.lower_ for t in token.doc}
        for actor, context in sorted(book.unnamed_groups.items()):
            if words & set(context):
                return actor
        return None

    def _actor_named(self, token: Any) -> str | None:
        """The actor a single token names: an actor mention, else an actor adjective ("Egyptian")
        that is not part of an outlet's name."""
        actor = self.ctx.actor_at.get(token.i)
        if actor is None and token.i not in self.ctx.media:
            actor = self.ctx.demonyms.get(token.text)
        return actor

    def _acted_on_by_actor(self, proposal: Any) -> bool:
        """Whether a proposal is the object of a rejecting verb an actor is the subject or agent of ("the
        US vetoed a resolution", "a draft rejected by Israel")."""
        verb = proposal.head
        if not verb.tag_.startswith("VB") or not _lemma_in(verb, self.book.oppose_verbs):
            return False
        return any((c.dep_ in ("nsubj", "obl:agent") or c.dep_ == "obl" and _case(c) == "by") and self.np_holders(c).actors
                   for c in verb.children if c.i != proposal.i)

    def _with_conjuncts(self, token: Any) -> list[str]:
        actors = [self.ctx.actor_at[token.i]]
        if self.book.enabled("coordination"):
            actors.extend(self.ctx.lists.get(token.i, ()))
            for conj in token.conjuncts:
                actor = self.ctx.actor_at.get(conj.i)
                if conj.tag_ == "NNS" and any(c.dep_ == "appos" and c.i in self.ctx.actor_at for c in conj.children):
                    actors.extend(self.np_holders(conj).actors)  # "the US and four nations — Egypt, Qatar ... —"
                elif actor is not None:
                    actors.append(actor)
                elif conj.tag_.startswith("NN") and _lemma_in(conj, self.book.person_nouns) and conj.i > token.i:
                    # "Trump and the leaders of Egypt and Qatar": the conjunct's own "of" names its actors
                    actors.extend(a for c in conj.children if c.dep_ == "nmod" and _case(c) == "of"
                                  for a in self.np_holders(c).actors)
        return _unique(actors)

    def statement_issuers(self, token: Any) -> list[str]:
        """Who issued "the statement" (or "the joint statement", or said what "the meeting" did) the text
        named before: the last group for a joint one or a gathering, else the last subject that was an
        actor; no one for a statement its words name the issuer of ("the Arab statement", "Egypt's
        statement": named, if not as actors)."""
        book, ctx = self.book, self.ctx
        gathering = _lemma_in(token, book.gathering_nouns)
        if not ((gathering or _lemma_in(token, book.statement_nouns))
                and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
                and not any(c.dep_ in ("nmod", "nmod:poss", "acl", "acl:relcl")
                            or c.dep_ == "compound" and not _counted_compound(c)
                            or c.dep_ == "amod" and c.text[:1].isupper() for c in token.children)):
            return []
        joint = gathering or any(c.dep_ == "amod" and c.lower_ == "joint" for c in token.children)
        return list((joint and ctx.group_before()) or (not gathering and ctx.subject_before()) or [])

    def subject_holders(self, node: Any) -> tuple[Holders, str] | None:
        """Who holds what the predicate `node` says: its subject, passive agent or possessor, or the owner of the
        effort it is for."""
        book = self.book
        agent = self._agent(node)
        if agent is not None:
            return agent
        if ((node.tag_.startswith("JJ") or node.tag_.startswith("NN") and any(c.dep_ == "cop" for c in node.children))
                and book.enabled("judge_of_predicate") and self.cue_sign(node)[0]
                # "Israel is opposed to any involvement of Turkish troops": an actor subject holds it, the
                # "to" phrase is what it is opposed to
                and not any(c.dep_ in _SUBJECTS and self.np_holders(c).actors for c in node.children)):
            for child in node.children:  # "... is unacceptable to Israel", "For Israel, ... is a priority": Israel judges it
                if child.dep_ in ("obl", "nmod") and _case(child) in ("to", "for"):
                    holders = self.np_holders(child)
                    if holders.actors:
                        return holders, "judge_of_predicate"
        # a subject the parser hung on the auxiliary ("Trump/nsubj -> had/aux -> warned") is the verb's,
        # and so is one hung on a participle aside before it ("Israel/nsubj, backed/advcl by the US, insists")
        children = list(node.children) + [g for c in node.children if c.dep_ in ("aux", "aux:pass", "cop") for g in c.children]
        if not any(c.dep_ in _SUBJECTS for c in children):
            children += [g for c in node.children if c.dep_ in ("advcl", "acl") and c.tag_ in ("VBN", "VBG") and c.i < node.i
                         for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            if node.tag_ in ("VBZ", "VBD", "VBP") and node.dep_ == "advcl" and node.head.tag_ == "VBN" and node.head.i < node.i:
                # "Hamas, encouraged/ROOT by Qatar, rejects/advcl ...": the parse turned the aside into the main verb
                children += [g for g in node.head.children if g.dep_ == "nsubj" and g.i < node.head.i]
        for child in children:
            if child.dep_ in _SUBJECTS:
                if child.lower_ in _RELATIVE_PRONOUNS and node.dep_ in _CLAUSE_EDGES:
                    if _case(node.head) in _LOCATIVE:
                        return None  # "a centre in southern Israel, which will monitor ...": a place, not who
                    if (_lemma_in(node.head, book.proposal_nouns) and node.head.dep_ in ("obj", "nsubj:pass")
                            and self._acted_on_by_actor(node.head)):
                        # "the US vetoed a UN resolution that demanded a ceasefire": what the text says the
                        # resolution demands is its terms; the stance is the one the verb above takes on them
                        return None
                    if book.enabled("relative_antecedent"):
                        holders = self.np_holders(node.head)
                        if not holders.actors and node.head.dep_ == "appos" and _lemma_in(node.head, book.group_nouns):
                            # "Qatar and Egypt, two states that have urged ...": the states named before
                            holders = self.np_holders(node.head.head)
                        if holders.actors:
                            return holders, "relative_antecedent"
                        if _lemma_in(node.head, book.group_nouns):
                            listed = self._group_members(node.head, node)
                            if listed.actors:
                                return listed, "relative_antecedent"
                        if _lemma_in(node.head, book.proposal_nouns):
                            # "Russia presented a draft that rejects the force": the draft says what its author holds
                            author = self._author(node.head)
                            if author.actors:
                                return author, "relative_antecedent"
                    return None
                if child.dep_ == "nsubj:pass":
                    continue
                if self._owned_thing(child):
                    return None  # "Hamas's response could pave the way for a ceasefire": the response, not Hamas, does it
                holders = self.np_holders(child)
                if not holders.actors and child.tag_ == "NNS":
                    holders = self._examples_beside(child, node)
                if holders.actors:
                    partners = [a for a in self._partners(node) if a not in holders.actors]
                    if partners and book.enabled("coordination"):
                        holders = Holders(holders.actors + partners, tuple(dict.fromkeys((*holders.rules, "coordination"))),
                                          holders.confidence)
                    return holders, "subject_of_cue"
                if self.cue_sign(child) == (1, "noun"):
                    # "their mediation helped secure the truce": the subject is the owner's act, the owner a pronoun
                    for owner in child.children:
                        if owner.dep_ == "nmod:poss" and owner.tag_ == "PRP$":
                            holders = self.np_holders(owner)
                            if holders.actors:
                                return holders, "subject_of_cue"
                before = child.left_edge.i - (1 if child.left_edge.lower_ not in ("and", ",") else 0)
                if child.left_edge.lower_ in ("and", ",") or (before >= 0 and child.doc[before].lower_ == "and"):
                    # "Hamas and other armed factions rejected ...": the parse left Hamas out of the subject
                    k = before - 1 if child.doc[before].lower_ == "and" else before
                    if k >= 0 and k in self.ctx.actor_at and child.doc[k].i < child.i:
                        return Holders([self.ctx.actor_at[k]]), "subject_of_cue"
                if (node.tag_.startswith("NN") and any(c.dep_ == "cop" for c in node.children)
                        and any(c.dep_ == "nmod:poss" for c in node.children)):
                    break  # "The sticking point is Israel's insistence on disarmament": the predicate's owner holds it
                return None
        effort = None
        if node.dep_ == "acl":
            effort = node.head
        elif node.dep_ == "advcl" and _to_infinitive(node):
            # "praised Trump's efforts/obj to end/advcl the war": the parse hung the infinitive on the verb
            effort = next((c for c in node.head.children if c.dep_ == "obj" and c.right_edge.i + 1 == node.left_edge.i),
                          None)
        if node.tag_ in ("VB", "VBG") and effort is not None and _lemma_in(effort, book.effort_nouns):
            # "Qatar's role in brokering the truce", "Trump's efforts to stop the war": the effort's owner does it
            for owner in effort.children:
                if owner.dep_ == "nmod:poss" or owner.dep_ == "nmod" and _case(owner) == "of" and owner.i < node.i:
                    holders = self.np_holders(owner)
                    if holders.actors:
                        return holders, _EFFORT_OWNER
        if node.dep_ == "acl" and node.head.dep_ == "ROOT" and node.tag_ in ("VBD", "VBN") and node.head.tag_.startswith("NN"):
            # "The ministers called for ...": a headline-like parse hangs the verb on its subject
            holders = self.np_holders(node.head)
            if holders.actors:
                return holders, "subject_of_cue"
        if node.tag_.startswith("NN"):
            # "an Egyptian reconstruction plan": the adjective the parser hung on the issue's own
            # compound still says whose plan it is
            modifiers = list(node.children) + [g for c in node.children if c.dep_ == "compound" and c.i in self.ctx.issue_tokens
                                               for g in c.children if g.dep_ == "amod" and g.i < c.i]
            for child in modifiers:
                dep = child.dep_
                if (dep == "nmod:poss" and child.i in self.ctx.sponsor_at and node.i not in self.ctx.issue_tokens
                        and book.enabled("possessor_of_cue")):
                    # "Trump's idea for rebuilding the Strip": the name inside the plan's own name still owns the idea
                    return Holders([self.ctx.sponsor_at[child.i]]), "possessor_of_cue"
                if dep == "nmod:poss" and _lemma_in(node, book.patient_nouns):
                    continue  # "its exclusion from governance": the possessor is excluded
                if dep == "nmod:poss" or (dep in ("compound", "amod") and child.i not in self.ctx.issue_tokens):
                    if dep == "nmod:poss":
                        holders = self.np_holders(child)
                    else:
                        # "the Qatari, Turkish and Egyptian guarantors": each adjective names one
                        actors = _unique(a for a in map(self._actor_named, [child, *child.conjuncts]) if a)
                        holders = Holders(actors if self._actor_named(child) else [],
                                          ("coordination",) if len(actors) > 1 else ())
                    if holders.actors and book.enabled("possessor_of_cue"):
                        return holders, "possessor_of_cue"
                if dep == "nmod" and (_case(child) in ("from", "by") or _case(child) == "of" and child.i not in self.ctx.issue_tokens
                                      # "condemnation of Israel's decision": the decision's owner is who is judged
                                      and not (child.i not in self.ctx.actor_at
                                               and any(c.dep_ == "nmod:poss" for c in child.children))):
                    holders = self.np_holders(child)
                    if holders.actors and book.enabled("possessor_of_cue"):
                        return holders, "possessor_of_cue"
        return None

    def _examples_beside(self, noun: Any, verb: Any) -> Holders:
        """The members a group subject names by example ("Countries such as Indonesia and Egypt want ...",
        "Thirteen members, including Pakistan, supported it"), which the parse hung on the verb beside it."""
        doc = verb.doc
        for other in verb.children:
            start = other.left_edge.i
            # the parse may hang "including" on the verb as its marker and the example as a second subject
            before = doc[start - 1].lower_ if start > 0 else ""
            if (noun.i < other.i < verb.i and other.dep_ in ("nsubj", "obl", "nmod", "appos")
                    and (_case(other) in ("including", "such", "like", "among") or before in ("including", "like")
                         or before == "as" and start > 1 and doc[start - 2].lower_ == "such")):
                found = self.np_holders(other)
                if found.actors:
                    return found
        return Holders([])

    def _group_members(self, noun: Any, clause: Any) -> Holders:
        """The members of a group a relative clause speaks of: the examples after it ("the countries that
        backed the effort, including Qatar and Egypt", the list hung on the clause's verb), or the one
        said to be among them ("Pakistan is among the countries that have offered help")."""
        for other in (*clause.children, *noun.children):
            if other.i > clause.i and other.dep_ in ("obl", "nmod", "appos") and _case(other) in ("including", "such", "like"):
                found = self.np_holders(other)
                if found.actors:
                    return found
        if _case(noun) == "among":
            predicate = noun if any(c.dep_ == "cop" for c in noun.children) else noun.head
            for subject in predicate.children:
                if subject.dep_ == "nsubj":
                    return self.np_holders(subject)
        return Holders([])

    def _partners(self, verb: Any) -> list[str]:
        """The actors a verb's "together with" or "along with" phrase names as acting with its subject ("worked
        together with Egypt to secure the truce"), or a verb of acting together its plain "with" ("coordinating
        with Qatar to advance the proposal"); not another verb's plain "with" or "alongside", which as often name
        the other side or only who stood by ("remarks delivered alongside Netanyahu")."""
        partners: list[str] = []
        cooperating = _lemma_in(verb, self.book.cooperation_verbs)
        for child in verb.children:
            if child.dep_ == "obl" and child.i > verb.i and _case(child) == "with" and (cooperating or any(
                    c.lower_ in ("together", "along") and c.i == child.left_edge.i - 1 for c in (*verb.children, *child.children))):
                partners += [a for a in self.np_holders(child).actors if a not in partners]
        if _lemma_in(verb, self.book.joining_verbs) and any(
                c.dep_ == "advcl" and c.tag_ == "VBG" and any(m.lower_ == "in" for m in c.children) for c in verb.children):
            # "Jordan joined Egypt and Qatar in calling for a truce": those joined did it first
            for child in verb.children:
                if child.dep_ == "obj":
                    partners += [a for a in self.np_holders(child).actors if a not in partners]
        return partners

    def _listed_members(self, noun: Any) -> Holders:
        """The actors a sentence lists for a group noun it is about ("Countries that have offered troops
        include Egypt, Turkey and Indonesia"; "the states ... are Qatar and Egypt")."""
        verb = noun.head
        copular = verb.i in self.ctx.actor_at and any(c.dep_ == "cop" for c in verb.children)
        if noun.dep_ != "nsubj" or not _lemma_in(noun, self.book.group_nouns) or _lemma(verb) not in ("include", "be", "comprise") and not copular:
            return Holders([])
        for other in verb.children:
            if other.dep_ in ("obj", "attr", "xcomp") or other.dep_ == "nsubj" and other.i != noun.i:
                holders = self.np_holders(other)
                if holders.actors:
                    return holders
        if verb.i in self.ctx.actor_at:  # a copula's predicate is the head itself: "the countries are Qatar ..."
            return Holders(self._with_conjuncts(verb))
        return Holders([])

    def _owned_thing(self, noun: Any) -> bool:
        """Whether a subject is a thing an actor owns ("Hamas's response", "Israel's satisfaction with"),
        not the actor, a group of people, a person or a stance of its own."""
        ctx, book = self.ctx, self.book
        if noun.tag_ not in ("NN", "NNS") or noun.i in ctx.actor_at or _lemma_in(noun, book.group_nouns) \
                or _lemma_in(noun, book.person_nouns) or _lemma_in(noun, book.body_nouns) or _lemma_in(noun, book.share_nouns) \
                or self.cue_sign(noun)[1]:
            return False
        owners = [c for c in noun.children if c.dep_ == "nmod:poss" or c.dep_ == "nmod" and _case(c) == "of"]
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound") and (c.i in ctx.actor_at or c.text in ctx.demonyms)]
        return bool(owners) and not modifiers and any(t.i in ctx.actor_at for o in owners for t in o.subtree)

    def _agent(self, node: Any) -> tuple[Holders, str] | None:
        if not self.book.enabled("agent_of_passive"):
            return None
        wanted = node.dep_ in ("xcomp", "ccomp") and _lemma_in(node.head, self.book.demand_verbs) or (
            node.dep_ == "acl" and _to_infinitive(node)
            and node.head.dep_ == "obj" and _lemma_in(node.head.head, self.book.demand_verbs))
        if wanted:
            return None  # "want the force to be authorised by the Security Council": what they want, not the Council's act
        if _lemma_in(node, self.book.control_verbs) and not self.cue_sign(node)[0]:
            return None  # "hostages held by Hamas", "a crossing not controlled by Israel": a state of things, no stance
        for child in node.children:
            if child.dep_ == "obl:agent" or (child.dep_ == "obl" and _case(child) == "by" and node.tag_ == "VBN"):
                if self._owned_thing(child) or (self.cue_sign(child)[1] == "noun" and child.tag_.startswith("NN") and any(
                        c.dep_ == "nmod:poss" for c in child.children)):
                    # "complicated by Washington's inability to ...", "complicated by Hamas's refusal to disarm":
                    # the inability or the refusal did it (the refusal is a stance of its own, read from there)
                    return None
                holders = self.np_holders(child)
                if not holders.actors and child.tag_ == "NNS":
                    holders = self._examples_after(child)  # "backed by regional players in the region — including Egypt, ..."
                if holders.actors:
                    return holders, "agent_of_passive"
        return None

    def _examples_within(self, noun: Any) -> Holders:
        """The members a plural noun names by example inside its own phrase, wherever the parse hung the list
        ("Nations weighing a contribution of troops, including Indonesia and Egypt, have ...": on "weighing"),
        or right after it, read from the words where the parse lost the list ("Gulf states, among them Qatar,
        Oman and the UAE, have ...": "Qatar" an adverb)."""
        phrase = {t.i for t in noun.subtree}
        for token in noun.subtree:
            if (token.i > noun.i and (token.lower_,) in self.book.example_opener_words and token.dep_ in ("case", "mark")
                    and token.head.i > token.i and token.head.i in phrase):
                found = self.np_holders(token.head)
                if found.actors:
                    return found
        doc = noun.doc
        # the list opens after a comma or dash within the group's own words ("nations thinking about sending
        # troops, among them ..."), before any verb of its sentence's own
        for mark in doc[noun.i + 1:min(len(doc), noun.i + 12)]:
            if mark.tag_ in ("VBD", "VBZ", "VBP", "MD") or mark.text in (";", ":", "."):
                break
            if mark.text not in (",", "—", "–", "--", "("):
                continue
            k = mark.i + 1
            opener = next((len(words) for words in self.book.example_opener_words
                           if tuple(t.lower_ for t in doc[k:k + len(words)]) == words), 0)
            if opener:
                k += opener
                k += k < len(doc) and doc[k].lower_ == "the"
                if k in self.ctx.actor_at:
                    return Holders(list(self.ctx.lists.get(k) or [self.ctx.actor_at[k]]), ("coordination",))
        return Holders([])

    def _examples_after(self, noun: Any) -> Holders:
        """The members a plural noun names by example a few words after it, wherever the parse hung the list
        ("major players in the region, including Egypt and Jordan": on "region")."""
        doc = noun.doc
        for token in doc[noun.i + 1:min(len(doc), noun.right_edge.i + 8)]:
            if token.tag_.startswith("VB") and token.dep_ != "case" or token.lower_ in (";", ":"):
                break
            if token.lower_ in ("including", "like") and token.dep_ == "case" and token.head.i > token.i:
                return self.np_holders(token.head)
        return Holders([])

    # -- what a predicate says ----------------------------------------------------------------

    def _named_as(self, verb: Any) -> Any:
        """What a verb of naming calls its object ("called the resolution a dangerous step": the step), or None
        (lemmas.yaml naming_verbs; "called for a truce" and "called on Israel" are no naming)."""
        if _lemma_in(verb, self.book.naming_verbs) is None:
            return None
        objects = [c for c in verb.children if c.dep_ == "obj"]
        if not objects or any(c.dep_ == "compound:prt" or c.dep_ == "obl" and _case(c) in ("for", "on", "upon")
                               for c in verb.children):
            return None
        named = next((c for c in verb.children if c.i > objects[0].i and (
            c.dep_ == "obj" and c is not objects[0] or c.dep_ == "xcomp" and not c.tag_.startswith("VB"))), None)
        if named is not None:
            return named
        # two readings taken only when the name rejects ("considers disarmament a key condition" reads as before):
        # "called the exchange/xcomp a mistake/obj", where the parse swapped the two, and "described the exchange
        # as a terrible mistake", an "as" phrase
        if any(c.dep_ == "xcomp" and not c.tag_.startswith("VB") and c.i < objects[0].i for c in verb.children):
            named = objects[0]
        else:
            named = next((c for c in verb.children if c.i > objects[0].i and c.dep_ == "obl" and _case(c) == "as"
                          and c.tag_.startswith("NN")), None)
        if named is None:
            return None
        judging = [named, *(t for t in named.children if t.dep_ in ("amod", "compound"))]
        return named if any(_lemma_in(t, self.book.negative_predicates) for t in judging) else None

    def cue_sign(self, node: Any) -> tuple[int, str]:
        """(+1 support cue | -1 rejecting cue | 0 none, kind) for a predicate on the path."""
        known = self._cues.get(node.i)
        if known is None:
            known = self._cues[node.i] = self._cue_sign(node)
        return known

    def _cue_sign(self, node: Any) -> tuple[int, str]:
        book = self.book
        tag = node.tag_
        idiom = _lemma_in(node, book.idioms)
        if idiom and any(c.dep_ == "obj" and _lemma(c) in book.idioms[idiom] for c in node.children):
            return 0, ""  # "open fire": a set phrase (whatever the tagger made of "open"), not the cue
        if _lemma_in(node, book.bound_cues) and not any(
                t.lower_ == "to" for c in node.children for t in (c, *c.children)):
            return 0, ""  # "the aggression was committed while ...": "committed" backs only what it is committed to
        if self._confines_a_remit(node):
            return 0, ""  # "would limit their role to peacekeeping": a remit confined to a task, no task refused
        if (not tag.startswith("VB") and any(c.dep_ in _SUBJECTS for c in node.children) and not tag.startswith("JJ")
                and not any(c.dep_ == "cop" for c in node.children)):  # "it is the guarantor of": a noun still
            tag = "VB"  # "Hamas insists/NNS on ...": a word with a subject is a verb whatever its tag says
        if tag == "NNS" and node.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in node.children):
            tag = "VB"  # "Israel, backed by the US, insists/NNS that ...": a root with a clause is the verb
        if tag == "VBG" and (node.lower_ in book.oppose_adjectives or node.lower_ in book.support_adjectives):
            tag = "JJ"  # "Hamas is unwilling/VBG to disarm": an adjective the tagger read as a verb
        if tag.startswith("VB"):
            named_as = self._named_as(node)
            if named_as is not None:
                # "Israel called the Egyptian plan a non-starter": what it is called judges it, not "call"; the
                # words that judge are the name's own and its modifiers' ("a mechanism of foreign guardianship"),
                # or the verb of a clause on it ("a mechanism that Palestinians reject"), not every word under it
                # ("a key step toward halting the conflict")
                words = [named_as] + [c for c in named_as.children if c.dep_ in ("amod", "compound", "nmod")]
                clauses = [t for t in named_as.subtree if t.dep_ == "acl:relcl"]
                return (-1 if any(_lemma_in(t, book.negative_predicates) for t in words) or any(
                    _lemma_in(t, book.oppose_verbs) for t in clauses) else 1), "verb"
            if (any(c.dep_ in ("nsubj", "nsubj:pass") and c.i not in self.ctx.actor_at and _lemma_in(c, book.process_nouns)
                    for c in node.children)
                    and not any(c.dep_ in ("obj", "ccomp", "xcomp", "obl:agent") for c in node.children)
                    # (but "the truce must be halted" asks someone to halt it, and "any negotiation over it is
                    # refused" refuses the topic)
                    and not (any(c.dep_ == "aux:pass" for c in node.children) and (
                        self.has_deontic(node) or any(c.dep_ == "nsubj:pass" and self._refuses_every(node, c)
                                                      for c in node.children)))):
                return 0, ""  # "talks had stalled": what happened to the talks, no one's stance
            if _lemma_in(node, book.perception_verbs) and self._brought_about_by_proposal(node):
                return 0, ""  # "a plan that would see the PA run Gaza": what the plan brings about, no one's view
            head = _lemma_in(node, book.particles)
            following = node.doc[node.i + 1] if node.i + 1 < len(node.doc) else None
            if head and (any(_lemma(c) in book.particles[head] for c in node.children if c.dep_ in ("compound:prt", "advmod", "obl"))
                         or following is not None and (following.tag_ == "RP" or following.dep_ == "case")
                         and _lemma(following) in book.particles[head]):
                # "ruled out/RP Turkey joining", "backed out/case of the force", whatever the parser made of the particle
                return -1, "verb"
            if _lemma_in(node, book.permit_verbs):
                numbers = [t for c in node.children if c.dep_ == "obj" for t in c.subtree if t.tag_ == "CD" and t.dep_ == "nummod"]
                if numbers and (any(c.dep_ == "advmod" and c.lower_ in ("only", "just") for c in node.children)
                                or any(_capped(t) for t in numbers)):
                    return -1, "verb"  # "will only allow 300 aid trucks a day", "allows no more than 200": a cap, not an opening
            if _lemma_in(node, book.oppose_verbs) and any(c.dep_ in ("obj", "nsubj:pass") and _lemma_in(c, book.hardship_nouns)
                                                        and c.i in self.ctx.issue_tokens for c in node.children):
                return 1, "verb"  # "doing everything to halt the humanitarian suffering": ending the hardship aid relieves backs aid
            if any(c.dep_ == "xcomp" and c.i > node.i and c.lower_ in book.oppose_adjectives
                   and any(o.dep_ == "obj" and o.i < c.i for o in node.children) for c in node.children):
                return -1, "verb"  # "will keep the crossing closed", "declared the plan unworkable": the state it is left in
            if (_lemma_in(node, book.tying_verbs) and any(c.dep_ == "obj" for c in node.children)
                    and any(c.dep_ in ("obl", "nmod") and _case(c) == "to" for c in node.children)):
                return 1, "verb"  # "tied its funding for reconstruction to disarmament": backs it, once that is met
            if self._undoing(node):
                # undoing a deal rejects it; one charged or reported is the charge of whoever makes it, but
                # one said with a modal is an intent ("Israel will not break the ceasefire, the minister said")
                charged = self._charged_act(node) and not any(c.tag_ == "MD" for c in node.children)
                return (0, "") if charged else (-1, "verb")
            table = ((book.oppose_verbs, -1, "verb"), (book.support_verbs, 1, "verb"),
                     (book.report_verbs, 0, "report"), (book.accuse_verbs, 0, "accuse"))
        elif tag.startswith("NN"):
            if _lemma_in(node, book.response_nouns):
                # "a positive response to the proposal", "a negative reply": the answer's word says which
                judged = {c.lower_ for c in node.children if c.dep_ == "amod"}
                if judged & book.positive_modifiers:
                    return 1, "noun"
                if judged & book.negative_modifiers:
                    return -1, "noun"
            table = ((book.oppose_nouns, -1, "noun"), (book.support_nouns, 1, "noun"), (book.report_nouns, 0, "report"))
        elif tag.startswith("JJ"):
            if _lemma(node) == "unable" and any(c.dep_ == "xcomp" and _lemma_in(c, book.making_verbs) for c in node.children):
                return 0, ""  # "unable to form a foreign force": failing to make what one wants is no refusal of it
            table = ((book.oppose_adjectives, -1, "adjective"), (book.support_adjectives, 1, "adjective"))
        else:
            return 0, ""
        # the first list that holds the word decides: a rejecting reading wins over a supporting one
        return next(((sign, kind) for words, sign, kind in table if _lemma_in(node, words)), (0, ""))

    def _brought_about_by_proposal(self, node: Any) -> bool:
        """Whether a verb's subject is a proposal, itself or as the relative pronoun of a clause on one ("the plan
        would see Israel withdraw", "a plan that would see ...")."""
        book = self.book
        for subject in (c for c in node.children if c.dep_ == "nsubj"):
            if _lemma_in(subject, book.proposal_nouns) or (
                    subject.tag_ == "WDT" and node.dep_ == "acl:relcl" and _lemma_in(node.head, book.proposal_nouns)):
                return True
        return False

    def negated(self, node: Any) -> bool:
        """Whether a negator attaches to this node ("not", "never", "no", "n't")."""
        negation = self.book.negation

        def negator(word: Any) -> bool:
            return word.lower_ in negation and word.lower_ != "without" and not _not_only(word)

        return any(c.dep_ in ("advmod", "det", "neg", "cc:preconj") and (
                       negator(c)
                       or c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)  # "no longer opposes"
                       # "would not fully disarm", "has not yet agreed": the parser hangs the negator on the adverb
                       or c.dep_ == "advmod" and c.tag_ == "RB" and any(g.dep_ == "advmod" and negator(g) for g in c.children))
                   for c in node.children) or (
                node.i >= 2 and node.doc[node.i - 1].lower_ == "longer" and node.doc[node.i - 2].lower_ == "no") or (
                # "there is no way Israel would halt this war": the parser hangs "no way" on the verb, or the verb on it
                any(_no_way(w) for w in node.children if w.i < node.i)
                or node.dep_ in ("acl", "acl:relcl", "ccomp") and _no_way(node.head) and node.head.i < node.i) or (
                # "Israel did not give its approval": a stance noun taken by a negated light verb
                node.tag_.startswith("NN") and node.dep_ == "obj" and node.head is not node
                and _lemma_in(node.head, self.book.light_verbs) is not None and self.negated(node.head)
                and not any(c.dep_ == "compound:prt" for c in node.head.children)) or (  # "give up": no light verb
                # "a lack of desire to reach a ceasefire": a will that is missing (a missing thing, "the lack
                # of aid", is no refusal of it)
                _lemma_in(node, self.book.will_nouns) is not None and _case(node) == "of"
                and _lemma_in(node.head, self.book.lack_nouns) is not None)

    def negative_subject(self, node: Any, st: _WalkState) -> bool:
        """"No Palestinian would accept disarmament", "nobody will send troops": a subject that is no one
        negates its verb, unless the walk came up through that subject (the issue itself: "no rebuilding can start")."""
        if not node.tag_.startswith(("VB", "JJ")):
            return False
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subjects and node.dep_ == "xcomp" and node.head is not node:
            # "neither Israel nor Washington seems ready to ...": the subject of the verb it completes
            subjects = [c for c in node.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        return any(c is not st.came_from and c.i not in st.issue_span and (
                       c.tag_ in ("NN", "PRP") and c.lower_ in self.book.negation  # "nobody", "none", "nothing"
                       or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
                       # "neither Israel nor Washington seems ready": no one of those it lists
                       or any(g.dep_ == "cc:preconj" and g.lower_ == "neither" for g in c.children)
                       # "few nations have shown any willingness", "few have offered": hardly any (not "a few")
                       or any(_few(g) for g in (c, *(g for g in c.children if g.dep_ in ("amod", "det")))))
                   for c in subjects)

    def _shown_by_no_one(self, node: Any, st: _WalkState) -> bool:
        """Whether a stance noun is shown or voiced by a subject that is no one ("few countries have shown
        willingness to send troops", "no state expressed interest"): the noun is taken by a light or
        reporting verb whose subject negates it."""
        head = node.head
        return (node.tag_.startswith("NN") and node.dep_ == "obj" and head is not node and head.tag_.startswith("VB")
                and (_lemma_in(head, self.book.light_verbs) is not None or self.cue_sign(head)[1] == "report")
                and self.negative_subject(head, st))

    def has_deontic(self, node: Any) -> bool:
        """Whether a predicate is a demand of the speaker ("must", "should", "needs to")."""
        if any(c.dep_ == "aux" and _lemma(c) in self.book.deontic for c in node.children):
            return True
        if (node.dep_ == "conj" and node.head is not node and node.tag_.startswith("VB")
                and not any(c.dep_ in ("aux", "aux:pass") for c in node.children)):
            # "Hamas must be disarmed and all hostages returned": the second verb shares the first's "must"
            return self.has_deontic(node.head)
        if (_lemma(node) in ("need", "have") and not any(c.lower_ == "yet" or c.dep_ == "obj" for c in node.children)
                and any(c.dep_ == "xcomp" and _to_infinitive(c)
                        for c in node.children)):
            # "Hamas has/needs to release the hostages": the subject's verb is the "have" of a demand (not
            # "has yet to", which says what has not happened, nor "has four days to respond")
            return True
        return node.dep_ == "xcomp" and _lemma(node.head) in ("need", "have", "require")

    def _denied_ability(self, node: Any) -> bool:
        """"(Trump has been clear that) Hamas cannot continue to govern Gaza": a negated "can" in a
        clause someone else states says what the speaker will not allow, as a "must not" would."""
        if node.dep_ not in ("ccomp", "csubj") or not self.negated(node):
            return False
        if not any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in node.children) and not (
                _lemma(node) == "able" and any(c.dep_ == "cop" for c in node.children)):
            return False  # ("Israel said Turkey would not be able to send troops": "not able" as "cannot")
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        return bool(subjects) and subjects[0].tag_ != "PRP" and (
            self.cue_sign(node.head)[1] == "report" or any(c.dep_ in _SUBJECTS for c in node.head.children))

    def has_intent(self, node: Any) -> bool:
        """Whether a predicate states an intention or a future act ("will", "plans to")."""
        if _counterfactual(node):
            return False  # "the ceasefire would not have happened without Türkiye": a past that was not, no intention
        if any(c.dep_ == "aux" and _lemma(c) in self.book.intent for c in node.children):
            return True
        return node.dep_ == "xcomp" and _lemma(node.head) in self.book.intent

    def markers(self, node: Any) -> list[str]:
        """The prepositions and subordinators that introduce a phrase or clause ("that", "if", "prior to")."""
        found = []
        for child in node.children:
            if child.dep_ in ("case", "mark") and child.lower_ != "to" or child.dep_ == "cc" and child.lower_ in CONTRAST_WORDS:
                fixed = [g.lower_ for g in child.children if g.dep_ == "fixed"]
                found.append(" ".join([child.lower_, *fixed]))
        return found

    def marker(self, node: Any) -> str:
        """The first preposition or subordinator of a phrase or clause, or ""."""
        found = self.markers(node)
        return found[0] if found else ""

    def _refusal(self, verb: Any) -> bool:
        """Whether a verb is someone's refusal ("Hamas refused ..."): a rejecting verb with a subject of its own
        (not "an agreement to stop the war")."""
        return (verb.tag_.startswith("VB") and self.cue_sign(verb)[0] < 0 and not self.negated(verb)
                and any(c.dep_ in _SUBJECTS for c in verb.children))

    def _refused(self, verb: Any) -> bool:
        """Whether an act is refused: negated, a rejecting word, or the infinitive of one ("will not pay",
        "refuses to pay", "is unwilling to pay")."""
        def refusing(word: Any) -> bool:
            return self.negated(word) or self.cue_sign(word)[0] < 0
        return refusing(verb) or verb.dep_ == "xcomp" and refusing(verb.head)

    def _refused_with(self, phrase: Any) -> bool:
        """Whether a phrase hangs on a refusal, or on a clause a refusal governs ("refused further releases
        without a truce", "refused to free/xcomp more hostages without a truce")."""
        head = phrase.head
        return self._refusal(head) or head.dep_ in ("acl", "advcl", "xcomp") and self._refusal(head.head)

    def condition_family(self, node: Any) -> str | None:
        """The condition family of a clause or phrase ("before Hamas disarms" -> before), or None.

        "only" turns a plain "with", "after", "once", "when" or "under" into a condition
        ("only with a UN mandate", "only after Hamas disarms")."""
        if node.dep_ in ("advcl", "parataxis") and self._inverted(node):
            return "if"
        if node.dep_ not in _OBLIQUE and node.dep_ != "obl:agent" and not _cased_object(node) and not _subordinated_relative(node):
            return None
        conditions = self.book.conditions
        doc = node.doc
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            if conditions.get(node.lower_) in ("until", "unless"):
                return conditions[node.lower_]  # "could begin soon, pending/VBG an agreement on disarmament"
            # "agreed to the release, providing/VBG that/mark Israel halts its offensive": a subordinator of
            # two words the parser split into a verb and the mark of its clause ("providing aid" is no condition)
            following = doc[node.i + 1] if node.i + 1 < len(doc) else None
            if (following is not None and following.dep_ == "mark" and following.head.head is node
                    and conditions.get(f"{node.lower_} {following.lower_}") == "unless"):
                return "unless"
        # a subordinator the parser hung on an auxiliary ("unless/mark -> is/aux -> restored") or on the
        # clause's subject ("until/case -> Hamas/nsubj -> returns") is the clause's
        children = list(node.children) + [g for c in node.children if c.dep_ in ("aux", "aux:pass", "cop") for g in c.children]
        children += [g for c in node.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < node.i
                     for g in c.children if g.dep_ == "case" and g.i < c.i]
        if (_case(node) == "to" and _lemma_in(node.head, self.book.handover_verbs) and self.book.enabled("condition_clause")
                and self._condition_word_issues(node.subtree)):
            return "unless"  # "would hand its weapons over to a Palestinian state": only once there is one
        if (_case(node) == "to" and node.dep_ in ("obl", "nmod") and _lemma_in(node.head, self.book.tying_verbs)
                and any(c.dep_ == "obj" for c in node.head.children) and not self.negated(node.head)
                and self.book.enabled("condition_clause")):
            # "Saudi Arabia tied its funding for reconstruction to the disarmament of Hamas": as "conditioned
            # ... on", the one who ties them wants it met; the passive ("must be tied to") is read elsewhere
            setter = node.head.tag_.startswith("VB") and any(c.dep_ == "nsubj" for c in node.head.children)
            return "require" if setter else "unless"
        for child in children:
            if child.dep_ == "advmod" and child.lower_ in ("when", "once") and child.i < node.i and node.dep_ == "advcl":
                if _past_event(node):
                    continue  # "when the truce collapsed, ...": a time, not a condition
            elif child.dep_ not in ("case", "mark") or child.lower_ == "to":
                continue
            if child.lower_ in ("after", "before", "until") and child.i > 0 and _lemma_in(doc[child.i - 1], self.book.time_units):
                continue  # "three weeks after the ceasefire", "days before the vote": a date, not a condition
            marker = " ".join([child.lower_, *(g.lower_ for g in child.children if g.dep_ == "fixed")])
            family = conditions.get(marker) or conditions.get(marker.split(" ")[0])
            if not family and child.i >= 2:
                # "in exchange for", "in return for" split by the parser: the words before the preposition
                family = conditions.get(f"{doc[child.i - 2].lower_} {doc[child.i - 1].lower_} {marker}")
            if not family and node.tag_.startswith("NN") and child.dep_ == "case":
                # "in exchange for a lasting truce": the noun is part of the marker, its object the condition
                family = next((conditions.get(f"{marker} {node.lower_} {_case(g)}") for g in node.children
                               if g.dep_ == "nmod" and conditions.get(f"{marker} {node.lower_} {_case(g)}")), None)
                # "in exchange for Israel/nsubj ending/acl the war": the preposition went to the gerund's subject
                family = family or next((conditions.get(f"{marker} {node.lower_} {_case(s)}") for g in node.children
                                         if g.dep_ in ("acl", "acl:relcl") and g.tag_ == "VBG" for s in g.children
                                         if s.dep_ == "nsubj" and s.i < g.i
                                         and conditions.get(f"{marker} {node.lower_} {_case(s)}")), None)
            if family == "until" and _lemma_in(node, self.book.open_ends):
                continue  # "will remain shut until further notice": for as long as it likes, no condition
            if family and family != "only":
                return family
            if child.lower_ == "without" and (
                    # "the ceasefire would collapse without disarmament", "would unravel without disarming Hamas"
                    child.dep_ in ("case", "mark") and _lemma_in(node.head, self.book.failure_verbs)
                    or child.dep_ == "case" and (self.negated(node.head) or self._refused_with(node)
                                                 or node.head.dep_ in ("acl", "advcl", "xcomp") and self.negated(node.head.head))):
                # "will not take part without a UN mandate", "no agreement to stop the war without disarmament",
                # "will not invest in rebuilding/advcl Gaza without a path to a state", "refused further releases
                # without a permanent ceasefire": only with one
                return "unless"
            if (child.lower_ == "while" and child.dep_ == "mark" and node.dep_ == "advcl" and self._refused(node.head)
                    and _lemma_in(node, self.book.continuing_verbs) and not _past_event(node)):
                # "will not pay for rebuilding while Hamas remains in charge": only once it no longer is (a case,
                # as "if" names one: what the holder wants is the clause's end, not the clause)
                return "if"
            if (child.lower_ == "under" or child.lower_ == "with" and self._authority_named(node)) and child.dep_ == "case" \
                    and _lemma_in(node, self.book.mandate_nouns):
                acts = self.book.mandated_acts | self.book.member_nouns | self.book.placement_verbs
                if _lemma_in(node.head, acts) or any(c.dep_ == "obj" and _lemma_in(c, acts) for c in node.head.children):
                    # "open to the deployment of forces under a Security Council resolution", "backs a mission
                    # under the aegis of the UN", "ready to send troops with a UN mandate": only with one
                    return "unless"
            if (child.lower_ == "by" and child.dep_ == "case" and node.dep_ in ("obl:agent", "obl")
                    and _lemma_in(node, self.book.mandate_nouns) and _lemma_in(node.head, self.book.enacting_verbs)
                    and (any(c.dep_ == "aux:pass" and c.tag_ == "VB" for c in node.head.children)
                         or _participle_of_noun(node.head) and _indefinite(node))):
                # "called for any force to be authorised by a Security Council resolution", "insisted that the
                # force be backed by a UN mandate": what is still to be given is what it waits for (a force
                # that "was authorised by" one has it)
                return "unless"
            if (child.lower_ in ("on", "upon") and child.dep_ == "case" and _lemma_in(node.head, self.book.conditioning_verbs)
                    and not self.negated(node.head)):  # "the aid is not dependent on any ceasefire": no condition
                # "conditioned any withdrawal on the return of the hostages": the one who sets the condition
                # wants it met; "aid conditioned on the return" only says what waits for what
                setter = node.head.tag_.startswith("VB") and any(c.dep_ == "nsubj" for c in node.head.children)
                return "require" if setter else "unless"
            if child.lower_ in ("on", "upon") and child.dep_ == "case" and _lemma(node) == "condition":
                return "unless"  # "on the condition that it has a UN mandate"
            following = doc[node.right_edge.i + 1] if node.right_edge.i + 1 < len(doc) else None
            if (child.lower_ == "after" and not any(t.lower_ == "only" for t in doc[max(0, child.i - 4):child.i])
                    and not _past_event(node)
                    # "after the talks appeared/acl to have broken down": the verb hung on its subject
                    and not (node.tag_.startswith("NN") and any(c.dep_ == "acl" and c.i > node.i and _past_event(c)
                                                                 for c in node.children))
                    # "after the first phase of the deal ended/VBD", with the verb cut off from its subject
                    and not (node.tag_.startswith("NN") and following is not None and following.tag_ == "VBD")
                    and (node.head.tag_ in ("VB", "VBG") or node.head.tag_.startswith("NN")
                                                   or self.has_intent(node.head) or self.has_deontic(node.head))):
                return "after"  # "called for the deployment of forces after the end of hostilities": not a past event's time
            if child.lower_ in _ONLY_MARKERS and any(t.lower_ == "only" for t in doc[max(0, child.i - 4):child.i]):
                return "unless"
        return None

    def _mandated_by_name(self, noun: Any) -> bool:
        """Whether a noun is qualified by an authority fused with a participle of enacting ("a UN-mandated force",
        "a U.N.-authorized mission"), as one word or split at its hyphen."""
        authorities = self.book.mandate_authorities
        for modifier in noun.children:
            if modifier.dep_ not in ("amod", "compound") or modifier.i >= noun.i:
                continue
            before, hyphen, participle = modifier.lower_.rpartition("-")
            if not hyphen and modifier.tag_ == "VBN" and modifier.i >= 2 and modifier.doc[modifier.i - 1].text == "-":
                before, participle = modifier.doc[modifier.i - 2].lower_, modifier.lower_
            if before in authorities and any(lemma in self.book.mandating_verbs
                                             for lemma in lemma_candidates(participle, participle)):
                return True
        return False

    def _authority_named(self, mandate: Any) -> bool:
        """Whether a mandate names who gives it ("a UN Security Council mandate", "a mandate from the United
        Nations"): "with a wide mandate" only describes one (lemmas.yaml mandate_authorities)."""
        words = " ".join(t.lower_ for t in mandate.subtree)
        return any(f" {authority} " in f" {words} " for authority in self.book.mandate_authorities)

    def _inverted(self, clause: Any) -> bool:
        """Whether a clause is a condition without its "if" (`inverted_condition`)."""
        return inverted_condition(clause, self.book.inverting_auxiliaries)

    # -- the walk from one issue -------------------------------------------------------------

    def not_the_issue(self, issue_token: Any, issue_span: set[int], issue_id: str) -> bool:
        """Whether the words that name the issue here name something else: a modifier of another noun,
        a place, another deal or plan, a display, a state's aid budget, the talks pulled out of, or an
        act of someone other than the issue's agents."""
        key = (issue_token.i, issue_id)
        if key not in self._not_issues:
            self._not_issues[key] = self._names_something_else(issue_token, issue_span, issue_id)
        return self._not_issues[key]

    def _names_something_else(self, issue_token: Any, issue_span: set[int], issue_id: str) -> bool:
        book = self.book
        if (issue_token.dep_ in ("compound", "amod") and issue_token.head.i not in issue_span
                and _lemma_in(issue_token.head, book.modifier_heads)):
            return True  # "his ceasefire negotiators": the issue only names what the negotiators are for
        first = min(issue_span | {issue_token.i})
        if first >= 2 and issue_token.doc[first - 1].text == "-" and issue_token.doc[first - 2].lower_ in book.time_prefixes:
            return True  # "take responsibility in Gaza post-ceasefire": a time, not the ceasefire
        if _lemma_in(issue_token.head, book.kin_nouns) and issue_token.head.i not in issue_span and (
                issue_token.dep_ in ("compound", "amod") or issue_token.dep_ == "nmod" and _case(issue_token) == "of"):
            return True  # "the family of hostage Evyatar David", "hostage families": people, not the exchange
        if (issue_token.dep_ in ("nmod:desc", "compound") and issue_token.head.tag_ == "NNP"
                and issue_token.head.i not in issue_span and _lemma_in(issue_token, book.civilian_nouns)
                and not self._freed(issue_token.head)):
            # "hostage Omer Neutra": a person's description, not the exchange (unless freed: "released
            # hostage Omer Neutra")
            return True
        if (issue_token.dep_ in ("compound", "amod") and issue_token.head.i not in issue_span
                and issue_token.head.i in self.ctx.issue_tokens and not issue_token.conjuncts
                and _lemma(issue_token.head) not in book.deal_nouns):
            return True  # "Trump's reconstruction Board of Peace": the head names the issue the phrase is about
        if (_case(issue_token) in _LOCATIVE
                and any(issue_token.doc[i].lower_ in book.place_nouns for i in issue_span)):
            return True  # "any Israeli presence in the Rafah crossing": the crossing is where, not what
        doc = issue_token.doc
        if (len(issue_span) == 1 and _lemma(issue_token) in book.deal_heads and issue_token.i + 2 < len(doc)
                and doc[issue_token.i + 1].lower_ == "to" and doc[issue_token.i + 2].i in self.ctx.issue_tokens):
            return True  # "another deal to release our hostages", whatever the parse made of "to release"
        if len(issue_span) == 1 and _lemma(issue_token) in book.deal_heads and any(
                (c.dep_ == "acl" and _to_infinitive(c)
                 or c.dep_ == "nmod" and _case(c) in ("on", "for", "over"))
                and any(t.i in self.ctx.issue_tokens for t in c.subtree) for c in issue_token.children):
            return True  # "a deal to release our hostages": a hostage deal, named by what it is about
        if _lemma(issue_token) in book.proposal_nouns and any(
                c.dep_ == "acl" and _to_infinitive(c)
                and not any(t.i in self.ctx.issue_tokens for t in c.subtree) for c in issue_token.children):
            return True  # "a plan to expand the assault": some other plan
        head_noun = issue_token if issue_token.dep_ not in ("compound", "amod") else issue_token.head
        if ((_lemma(head_noun) in book.deal_nouns or _lemma(head_noun) in book.proposal_nouns)
                and any(c.dep_ == "det" and c.lower_ == "any" for c in head_noun.children)
                and any(c.dep_ == "amod" and c.lower_ in book.generic_modifiers for c in head_noun.children)):
            return True  # "to protect any eventual truce deal": no deal in particular
        if issue_token.tag_.startswith("VB") and any(c.dep_ == "obj" and c.lower_ in ("itself", "themselves", "himself")
                                                     for c in issue_token.children):
            return True  # "will not allow Hamas to rebuild itself": not the rebuilding of Gaza
        if (_case(issue_token) == "of" and _lemma_in(issue_token.head, book.display_nouns)
                or _lemma_in(issue_token, book.display_nouns) and any(_case(c) == "of" for c in issue_token.children)):
            return True  # "a show of force": a display, not the stabilization force
        if issue_id in book.recipient_issues and self._state_recipient(issue_token):
            return True  # "threatened to halt U.S. aid to Jordan": a state's aid budget, not aid into Gaza
        verbs = [t for t in (issue_token, *(issue_token.doc[i] for i in issue_span)) if t.tag_.startswith("VB")]
        if (any(c.dep_ in ("obl", "obj") and _lemma_in(c, book.talk_nouns) and _case(c) in ("from", "out", "of")
                for v in verbs for c in v.children)
                or issue_token.dep_ == "case" and _lemma_in(issue_token.head, book.talk_nouns)
                or self._leaves_talks(issue_token)):
            return True  # "Israel pulled out of the talks", "withdrew from the negotiations": not the troops
        talks = issue_token if _lemma_in(issue_token, book.talk_nouns) else (
            issue_token.head if issue_token.dep_ in ("compound", "amod", "nmod") else None)
        if (talks is not None and _lemma_in(talks, book.talk_nouns)
                and _lemma_in(talks.head, book.exit_verbs)
                and (talks.dep_ == "obj" or talks.dep_ == "obl" and _case(talks) in ("from", "of", "out"))):
            return True  # "walked away from the ceasefire talks", "left the truce negotiations": no side taken
        agents = book.issue_agents.get(issue_id)
        if agents:
            named = self._issue_agents_named(issue_token)
            # "hundreds of patients", "a number of the wounded": who the share is of
            named += [t for c in named if _lemma_in(c, book.share_nouns) for t in c.children
                      if t.dep_ == "nmod" and _case(t) == "of"]
            actors = {a for c in named for a in self.np_holders(c).actors}
            if actors and not actors & set(agents) or any(_lemma_in(c, book.civilian_nouns) for c in named):
                return True  # "the withdrawal of Hamas fighters", "residents forced to leave Gaza": not the issue's act
            moved = list(named)
            if issue_token.tag_.startswith("VB"):
                moved += [c for c in issue_token.children if c.dep_ == "nsubj:pass"]  # what a passive withdraws
            if any(_lemma_in(c, book.withdrawn_things) for c in moved):
                return True  # "asked that the report be withdrawn", "the withdrawal of the resolution": no troops
        return False

    def _leaves_talks(self, issue_token: Any) -> bool:
        """"announced their withdrawal from the negotiations": the "from" right after the noun names the
        talks it leaves, wherever the parse hung the phrase."""
        doc = issue_token.doc
        after = doc[issue_token.i + 1] if issue_token.i + 1 < len(doc) else None
        return (issue_token.tag_.startswith("NN") and after is not None and after.lower_ == "from"
                and after.dep_ == "case" and _lemma_in(after.head, self.book.talk_nouns))

    def _issue_agents_named(self, issue_token: Any) -> list[Any]:
        """Whose act an issue word names: its possessor or "of" phrase, or a verb's subject (a second verb's
        is the first's: "Hamas to disarm and leave Gaza")."""
        if issue_token.tag_.startswith("VB"):
            head = issue_token.head
            named = [c for c in issue_token.children if c.dep_ == "nsubj"] or _controller(issue_token)
            if (issue_token.dep_ == "acl" and issue_token.tag_ in ("VBG", "VBN") and not named
                    or issue_token.dep_ == "acl:relcl" and all(c.tag_ in ("WP", "WDT") for c in named)):
                # "the hostages remaining in Gaza", "hostages who remain in Gaza": the noun the clause describes
                return [head]
            if issue_token.dep_ == "acl" and _to_infinitive(issue_token):
                # "allow a number of injured individuals to leave Gaza": people the infinitive is said of (but
                # "Israel's decision to occupy Gaza" is no decision's act)
                people = [t for t in (head, *(c for c in head.children if _case(c) == "of"))
                          if _lemma_in(t, self.book.civilian_nouns)]
                if people:
                    return people
            if not named and issue_token.dep_ == "conj" and issue_token.head.tag_.startswith("VB"):
                named = [c for c in head.children if c.dep_ == "nsubj"] or _controller(head)
            if not named and issue_token.dep_ == "xcomp":
                # "Gazans wishing to leave the Strip": the subject of the verb it completes, or those that
                # verb's participle describes; "will let patients leave Gaza": the verb's object
                named = [c for c in head.children if c.dep_ in ("obj", "iobj") and c.i < issue_token.i] or [
                    c for c in head.children if c.dep_ == "nsubj"] or (
                    [head.head] if head.dep_ == "acl" and head.tag_ in ("VBG", "VBN") else [])
            return named
        return [c for c in issue_token.children if c.dep_ in ("nmod:poss", "compound") or c.dep_ == "nmod" and _case(c) == "of"]

    def _freed(self, person: Any) -> bool:
        """Whether a person is what a verb or noun of freeing takes ("released hostage X", "the return of
        hostage X")."""
        return bool(_lemma_in(person.head, self.book.freeing_words)) and (
            person.dep_ in ("obj", "nsubj:pass") or person.dep_ == "nmod" and _case(person) == "of")

    def issue_of_agent(self, issue_token: Any, issue_id: str) -> str:
        """The issue an issue word names given whose act it is: Hamas leaving Gaza ("called for Hamas to
        disarm and leave Gaza", "its withdrawal from Gaza") is Hamas giving up power, governance."""
        by_agent = self.book.agent_issues.get(issue_id)
        if by_agent:
            actors = {a for c in self._issue_agents_named(issue_token) for a in self.np_holders(c).actors}
            remapped = {by_agent[a] for a in actors if a in by_agent}
            if len(remapped) == 1 and len(actors) == 1:
                return remapped.pop()
        return issue_id

    def walk(self, issue_token: Any, issue_span: set[int], issue_id: str, issue_at: Mapping[int, str],
             inverse: bool = False) -> list[Finding]:
        """The stances held on the issue at `issue_token` (named by its opposite when `inverse`): walk up to
        the holder, collecting polarity and conditions."""
        if issue_id == "ceasefire" and self._truce_threatened(issue_token):
            return []  # read with the demand it is the alternative of
        findings = self._walk(issue_token, issue_span, issue_id, issue_at, inverse)
        return findings + self._threatened_alternative(issue_span, issue_id, findings)

    def _alternative_after(self, last: int) -> int | None:
        """The "or" that follows a demand ending at token `last` before another issue is named or the clause
        ends ("release all hostages by Saturday, or ..."), or None."""
        doc = self.ctx.doc
        for k in range(last + 1, min(len(doc), last + 8)):
            if doc[k].lower_ == "or":
                return k
            if k in self.ctx.issue_tokens or doc[k].lower_ in (";", ".", "and", "but", "if", "unless"):
                return None
        return None

    def _threatened_alternative(self, issue_span: set[int], issue_id: str, findings: list[Finding]) -> list[Finding]:
        """"Hamas must release the hostages by Saturday or all hell will break out", "... or it is over for
        you", "... or risk an end to the ceasefire": force or the truce's end threatened as the alternative of a
        demand is the demander's truce, conditional on what it demands (lemmas.yaml force_threat_words and
        truce_ending_words). An alternative that names an issue of its own ("or Israel will resume the
        war") is read at that issue."""
        book = self.book
        if issue_id == "ceasefire" or not book.enabled("force_by_threat"):
            return []
        alternative = self._alternative_after(max(issue_span))
        if alternative is None:
            return []
        doc = self.ctx.doc
        words = list(doc[alternative + 1:min(len(doc), alternative + 10)])
        named = [t for t in words if t.i in self.ctx.issue_tokens]
        if named and not self._truce_threatened(named[0]):
            return []
        if not named and not any(_lemma_in(t, book.force_threat_words) or _lemma_in(t, book.truce_ending_words) for t in words):
            return []
        confidence = book.confidence("force_by_threat")
        return [Finding(list(f.holders), "ceasefire", "conditional", issue_id, tuple(_unique([*f.rules, "force_by_threat"])),
                        min(f.confidence, confidence), f.cue, f.path)
                for f in findings if f.issue == issue_id and f.polarity == "support" and f.condition is None]

    def _truce_threatened(self, truce: Any) -> bool:
        """Whether the truce is named as what ends if a demand before "or" is not met ("... by Saturday or
        risk an end to the ceasefire"): an ending word between the "or" and it, and a demand before the "or"."""
        doc = truce.doc
        window = list(doc[max(0, truce.i - 6):truce.i])
        k = next((t.i for t in reversed(window) if t.lower_ == "or"), None)
        if k is None or not any(_lemma_in(t, self.book.truce_ending_words) for t in doc[k + 1:truce.i]):
            return False
        demand = next((i for i in range(k - 1, max(-1, k - 8), -1) if i in self.ctx.issue_tokens), None)
        return demand is not None and self._alternative_after(demand) == k

    def _walk(self, issue_token: Any, issue_span: set[int], issue_id: str, issue_at: Mapping[int, str],
              inverse: bool) -> list[Finding]:
        book = self.book
        st = _WalkState(issue_token, issue_span, issue_id, issue_at, node=issue_token, inverse=inverse)
        self._buried = 0  # nouns without a stance of their own climbed through on the way up
        self._exchange_doers = frozenset()
        if book.enabled("condition_clause"):
            st.conditions.extend(self._surface_conditions(issue_span, issue_id, issue_at))
        if self.not_the_issue(issue_token, issue_span, issue_id):
            return []
        st.findings.extend(self._relative_cues(issue_token, issue_id, issue_at))
        st.findings.extend(self._parties(issue_token, issue_id))
        st.findings.extend(self._fused_agents(issue_token, issue_id))
        st.findings.extend(self._passive_partners(issue_token, issue_id, inverse))
        self._polarity_at_issue(st)
        # each step reads and updates the walk's state; a step that returns findings ends the walk
        at_node = (self._stopped_by_context, self._said_of_something_else, self._predicate_of_subject,
                   self._demand_from_source, self._judged_for_an_act, self._what_the_issue_waits_for,
                   self._kept_from, self._harm_verb_polarity, self._noun_hung_on_verb, self._received_backing,
                   self._polarity_at_node, self._sponsors_and_asides, self._nothing_done_yet, self._negation_and_modality,
                   self._conditions_at_node)
        on_the_way_up = (self._marker_on_the_way_up, self._purpose_conditions, self._backdrop_or_proviso,
                         self._leave_node, self._skip_sign_above, self._climb)
        for _step in range(24):
            self._arrive(st)
            for step in at_node:
                if (done := step(st)) is not None:
                    return done
            found, ended = self._holder_candidate(st)
            if ended:
                return st.findings
            found = self._drop_non_holders(st, found)
            if (done := self._take_holder(st, found)) is not None:
                return done
            if (done := self._stopped_before_climbing(st)) is not None:
                return done
            if self._walk_ends_here(st):
                break
            for step in on_the_way_up:
                if (done := step(st)) is not None:
                    return done
        if st.inner is not None and not st.outer_signal:
            return self._judge_of_inner_stance(st)
        for fallback in (self._speaker_holds, self._subject_of_verb_on_noun, self._sentence_subject):
            if (done := fallback(st)) is not None:
                return done
        return st.findings

    def _polarity_at_issue(self, st: _WalkState) -> None:
        """The issue's own words turn it: a rejecting preposition or verb on it, a role for a party."""
        book = self.book
        issue_token, issue_span, issue_id = st.issue_token, st.issue_span, st.issue_id
        if _case(issue_token) in book.oppose_prepositions and any(c.dep_ == "cop" for c in issue_token.children) \
                and book.enabled("cue_polarity"):
            st.sign = -st.sign
            st.rules.append("cue_polarity")
            st.signal = True
        for child in issue_token.children:
            # "of blocking humanitarian aid" parsed as an adjective on "aid": the verb still acts on it
            after_to = child.i > 0 and child.doc[child.i - 1].lower_ == "to" and child.tag_.startswith("NN")
            if child.dep_ in ("amod", "compound") and child.i not in issue_span and book.enabled("cue_polarity") and (
                    child.tag_ == "VBG" and self.cue_sign(child)[0] < 0  # "halting hostilities" is the issue's own name
                    # "decision to block/NN aid": a verb after "to" the tagger took for a noun
                    or child.dep_ == "compound" and after_to and _lemma_in(child, book.oppose_verbs)):
                st.sign = -st.sign
                st.rules.append("cue_polarity")
                st.signal = True
        noun = issue_token
        while noun.dep_ == "compound" and noun.head is not noun:
            noun = noun.head
        if noun.dep_ in ("conj", "appos") and noun.tag_.startswith("NN") and book.enabled("negation") and any(
                c.dep_ == "advmod" and c.lower_ == "not" and not _not_only(c) and c.i < noun.i
                for word in {noun, *(noun.doc[i] for i in issue_span)} - {issue_token} for c in word.children):
            # "will go on sending food aid, not reconstruction money": the item set against the list's others (a
            # "not" on the issue's own word, "..., not for a Pakistani contingent", the walk reads on arrival)
            st.sign = -st.sign
            st.rules.append("negation")
            st.signal = True
        if book.enabled("negation") and any(
                i != issue_token.i and _lemma_in(issue_token.doc[i], book.role_nouns)
                and any(c.dep_ == "det" and c.lower_ == "no" for c in issue_token.doc[i].children) for i in issue_span):
            # "the PA will have no role in Gaza": the part the issue's words name is denied
            st.sign = -st.sign
            st.rules.append("negation")
            st.signal = True
        if self._party_role(issue_token, issue_span, issue_id) and book.enabled("inverse_issue"):
            st.sign = -st.sign  # "rejected any role for Hamas in the governance of Gaza": backs governance without Hamas
            st.rules.append("inverse_issue")

    def _arrive(self, st: _WalkState) -> None:
        """Step onto the node: note the path, whether it is the issue's own word, whether the issue is a coordinated act."""
        node, came_from, issue_span = st.node, st.came_from, st.issue_span
        st.signal_below = st.signal
        if (came_from is not None and came_from.dep_ == "conj" and came_from.head.i == node.i and came_from.i in issue_span
                and came_from.tag_.startswith("NN") and node.tag_.startswith("NN") and came_from.i + 1 < len(node.doc)
                and node.doc[came_from.i + 1].tag_ in ("NNP", "DT", "PRP$")):
            st.coordinated_act = True
        st.path.append(f"{node.i}:{node.text}/{node.tag_}/{node.dep_}")
        st.own = node.i in issue_span

    def _stopped_by_context(self, st: _WalkState) -> list[Finding] | None:
        """Context rules and stop nouns that end the walk; a purpose or a breach that freezes the issue's reading."""
        book = self.book
        node, came_from, own = st.node, st.came_from, st.own
        stop_at, stop_above = self.stops()
        if (node.i in stop_at or (not own and came_from is not None and came_from.i in stop_above)) and not (
                _lemma_in(node, book.response_nouns) and self.cue_sign(node)[0]) and not (
                not st.sign_frozen and came_from is not None and came_from.dep_ == "obj" and self._charged_breach(node)) and not (
                came_from is not None and self._demanded_role(node, came_from)):
            # a context rule: a question, a prediction, a topic of talks, an answer ...; but "a positive
            # response to the plan" accepts it
            return st.findings
        if (not own and not st.sign_frozen and node.tag_.startswith("NN") and _case(node) == "in"
                and _lemma_in(node, book.purpose_nouns)):
            # "cut off all aid in an effort to pressure Hamas into accepting a deal": what an act is for, its
            # doer wants; the act's own verb does not turn it
            st.sign_frozen = True
        if (not own and node.tag_.startswith("NN") and _lemma_in(node, book.breach_nouns) and came_from is not None
                and not st.sign_frozen and (self._characterization(node) is not None or self._predicated_breach(node)
                                            or self._condemned_breach(node))):
            # "condemned the move as a violation of the ceasefire", "these measures constitute a violation of
            # the agreement": who says so wants what is broken; who broke it is only charged
            st.sign_frozen = st.breach_here = True
            st.signal = True
            st.cue = st.cue or _lemma(node)
        elif not own and node.tag_.startswith("NN") and _lemma(node) in book.stop_nouns and not self._refused_topic(node):
            return st.findings

    def _refuses_every(self, verb: Any, taken: Any) -> bool:
        """Whether a verb of rejecting, not of halting, takes every instance of its object or passive subject
        ("rejects any discussion about its weapons", "any negotiation over its weapons is refused")."""
        return (taken.head.i == verb.i and taken.dep_ in ("obj", "nsubj:pass")
                and any(c.dep_ == "det" and c.lower_ in ("any", "all") for c in taken.children)
                and _lemma_in(verb, self.book.oppose_verbs) is not None and _lemma_in(verb, self.book.halting_verbs) is None)

    def _refused_topic(self, talks: Any) -> bool:
        """Whether talks are named for their topic because every talk of it is refused ("rejects any discussion
        of disarmament"): refusing to talk of a thing at all is refusing the thing, while talks put off
        ("delayed the negotiations on the truce") are a step."""
        return (_lemma_in(talks, self.book.talk_nouns) is not None and talks.head.tag_.startswith("VB")
                and self._refuses_every(talks.head, talks))

    def _said_of_something_else(self, st: _WalkState) -> list[Finding] | None:
        """The issue's clause is no stance: a frame, a described speaker, a pretext, a definition, a condition."""
        book = self.book
        node, came_from, own = st.node, st.came_from, st.own
        issue_token, issue_span, issue_id = st.issue_token, st.issue_span, st.issue_id
        if (came_from is not None and came_from.left_edge.i == 0 and came_from.left_edge.lower_ in book.scope_stops
                and came_from.left_edge.i != came_from.i and node.i > came_from.i):
            # "Amid/NNP reports that the force is struggling ..., Pakistan said": a frame, whatever the parse made of it
            return st.findings
        if (came_from is not None and came_from.dep_ in _SUBJECTS and came_from.i not in issue_span
                and came_from.i not in self.ctx.actor_at  # the speaker's name: the parser hung the clause on it
                and node.tag_.startswith("VB") and self.cue_sign(node)[1] == "report"
                and not _lemma_in(came_from, book.proposal_nouns)):
            return st.findings  # "COGAT, the body that oversees aid flows, said ...": who speaks, described; not what is said
        if not own and came_from is not None and (
                node.tag_.startswith("NN") and _lemma_in(node, book.pretext_nouns)
                or node.tag_.startswith("VB") and any(c.dep_ in ("obl", "obj") and _lemma_in(c, book.pretext_nouns)
                                                      for c in node.children)):
            return st.findings  # "Israel is using this issue as an excuse to refuse phase two": a charge, not Israel's word
        if own and node is issue_token and any(c.dep_ == "cop" for c in node.children) and any(
                c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in ("it", "this", "that") for c in node.children):
            return st.findings  # "even though it will not be a peacekeeping force": what a thing is, no stance
        if (node.dep_ in ("advcl", "ccomp", "parataxis") or _subordinated_relative(node)) and self.condition_family(node):
            # the issue is inside a condition ("if Hamas releases the hostages"): no stance of its
            # own, unless it is what a threat demands ("warned ... if it does not release hostages")
            return st.findings + self._threat_demand(node, issue_id, st.path) + self._threat_to_quit(node, issue_id, st.path)

    def _predicate_of_subject(self, st: _WalkState) -> None:
        """The issue as a subject: its predicate's complement or a rejecting phrase says the stance."""
        book = self.book
        node, came_from, own, issue_span, issue_id, issue_at = st.node, st.came_from, st.own, st.issue_span, st.issue_id, st.issue_at
        if not own and not st.skip_sign and came_from is not None and came_from.dep_ in _SUBJECTS:
            # "the crossing will remain closed": the predicate's complement says the stance
            for complement in node.children:
                if complement.dep_ in ("xcomp", "acomp") and complement.tag_[:2] in ("JJ", "VB"):
                    adjective = complement.tag_.startswith("JJ") or (
                        complement.tag_ == "VBN" and complement.lower_ in book.oppose_adjectives)  # "remain closed"
                    s = (-1 if complement.lower_ in book.oppose_adjectives else self.cue_sign(complement)[0]) if adjective else 0
                    if s == -1 and book.enabled("cue_polarity"):
                        st.sign = -st.sign
                        st.rules.append("cue_polarity")
                        st.signal = True
                    elif s == 1:
                        st.signal = True
                    if book.enabled("condition_clause"):
                        for clause, family in self._condition_clauses(complement, issue_span):
                            named = self._clause_issues(clause.subtree, issue_at, issue_id)
                            st.conditions.extend((c, family if family != "before" else "before_negative")
                                              for c in named if (c, family) not in st.conditions)
        phrase = (self._oppose_phrase(node, came_from) if not own and not st.skip_sign and came_from is not None
                  and book.enabled("cue_polarity") and (came_from.dep_ in _SUBJECTS or _compound_subject(came_from)) else "")
        if phrase:
            words = set(phrase.split())
            st.rules.append("cue_polarity")
            if words & _NEGATIONS or not self.negated(node):
                st.sign = -st.sign  # "disarmament is not up for discussion", "the weapons are a red line"
            else:
                st.rules.append("negation")  # what "is not a mistake" is not rejected: a negated rejection backs it
            st.signal = True
            # "is not acceptable": the phrase holds its own negation, which must not turn it back; but what "is
            # not negotiable" is insisted on ("the demilitarization of Gaza is not negotiable"), which the
            # negation turning the phrase back reads right
            st.negation_in_phrase = node.i if words & _NEGATIONS and words.isdisjoint(book.insisting_words) else None
            # "rejected the initiative, saying the plan does not meet our demands": once the issue itself
            # is judged, the verbs above report or justify the judgement; they do not turn it again
            st.sign_frozen = True

    def _demand_from_source(self, st: _WalkState) -> None:
        """A demand "from" someone hung on the verb with its "to" clause: who makes the demand wants what it asks."""
        book = self.book
        node, came_from, own, issue_id = st.node, st.came_from, st.own, st.issue_id
        if (not own and not st.skip_sign and not st.detached and st.inner is None and came_from is not None
                and node.tag_.startswith("VB") and came_from.dep_ in ("xcomp", "advcl")
                and _to_infinitive(came_from)
                and book.enabled("possessor_of_cue")):
            # "rejects demands from the US and Israel to give up its arms", with "from" and "to" hung on the
            # verb: who makes the demand wants what it asks; the verb's subject answers it further up
            for noun in node.children:
                noun_sign, kind = self.cue_sign(noun)
                if noun.dep_ != "obj" or kind != "noun" or noun_sign <= 0 or noun.i > came_from.i:
                    continue
                for source in node.children:
                    if source.dep_ == "obl" and _case(source) == "from" and noun.i < source.i < came_from.i:
                        holders = self.np_holders(source)
                        if holders.actors:
                            st.findings += self._finish(holders, "possessor_of_cue", issue_id, st.sign, list(st.conditions),
                                                     list(st.rules), _lemma(noun), st.path)

    def _judged_for_an_act(self, st: _WalkState) -> list[Finding] | None:
        """A judging verb with the issue after "for" ("criticized Israel for ..."): who holds it, or the walk ends."""
        book = self.book
        node, came_from, own, issue_id = st.node, st.came_from, st.own, st.issue_id
        if (own or st.skip_sign or came_from is None or not book.enabled("target_of_accusation") or not (
                self.marker(came_from) in ("for", "over")
                # "commended the mediators for their efforts in brokering the truce", with "in
                # brokering" hung on the verb
                or self.marker(came_from) in ("in", "to")
                and any(t.dep_ == "case" and t.lower_ == "for" for t in node.doc[node.i:came_from.i]))):
            return None
        # "extended its gratitude to Egypt and Qatar for their efforts ...": a noun of thanks on a light verb judges too
        thanks = None
        if node.tag_.startswith("NN") and _lemma_in(node, book.thanks_nouns):
            thanks = node
        elif node.tag_.startswith("VB"):
            thanks = next((c for c in node.children if c.dep_ == "obj" and _lemma_in(c, book.thanks_nouns)), None)
        if _lemma_in(node, book.judge_verbs) or thanks is not None:
            # "Erdogan criticized Israel for violating the truce": what follows "for" is Israel's act
            if thanks is None and self.cue_sign(node)[0] < 0:
                # a charge: who makes it wants what the charged act keeps back ("criticized Israel
                # for blocking aid": the critic backs aid); the accused is only charged
                return st.findings + self._accuser(node, issue_id, st.sign, st.conditions, st.rules, st.path)
            if thanks is not None:
                around = [*thanks.children] + ([] if thanks is node else [*node.children])
                target = [c for c in around if c.dep_ in ("nmod", "obl") and _case(c) == "to"]
            else:
                target = [c for c in node.children if c.dep_ in ("obj", "iobj")]
            holders = self.np_holders(target[0]) if target else Holders([])
            if holders.actors and st.signal:
                return st.findings + self._finish(holders, "target_of_accusation", issue_id, st.sign, st.conditions, st.rules,
                                               _lemma(node), st.path)
            return st.findings
        return None

    def _what_the_issue_waits_for(self, st: _WalkState) -> list[Finding] | None:
        """Conditions from what the issue, as a subject, must have or depends on; who makes it depend holds it."""
        book = self.book
        node, came_from, own, issue_span, issue_id, issue_at = st.node, st.came_from, st.own, st.issue_span, st.issue_id, st.issue_at
        # "the release is contingent on ending the war": an adjective of dependence, whatever tag the parser gives it
        dependent = (any(c.dep_ == "cop" or c.dep_ == "aux:pass" and _lemma(c) == "be" for c in node.children)
                     and _lemma_in(node, book.dependence_adjectives))
        if (not own and not st.skip_sign and not st.detached and (node.tag_.startswith("VB") or dependent)
                and came_from is not None and came_from.dep_ in ("nsubj", "nsubj:pass", "csubj") and book.enabled("condition_clause")):
            # what the issue waits for: what it must have ("the force should have a UN mandate"), or what
            # it depends on ("Jordan's contribution would depend on the mandate")
            # "a lasting truce requires a full withdrawal": what the issue cannot be without; not what a
            # plan requires ("the plan requires Hamas to return the hostages", "requires disarmament"): its terms
            requires = (came_from.i in issue_span and not self.negated(node) and came_from.dep_ == "nsubj"
                        and _lemma_in(node, book.requiring_verbs) and not any(c.dep_ in ("xcomp", "ccomp") for c in node.children)
                        and not (_lemma_in(came_from, book.proposal_nouns) and not _lemma_in(came_from, book.deal_nouns)))
            depends = requires or came_from.i in issue_span and not self.negated(node) and (
                came_from.dep_ in ("nsubj", "csubj") and (_lemma_in(node, book.dependence_verbs) or dependent)
                or came_from.dep_ == "nsubj:pass" and _lemma_in(node, book.tying_verbs))
            if requires:
                needed = [c for c in node.children if c.dep_ == "obj"]
            elif depends:
                # "would hinge on releasing/advcl the hostages", "conditional on Hamas/nsubj releasing/advcl them": a
                # gerund clause, with "on" as its mark or its subject's preposition
                # "its weapons are tied to ending/advcl the Israeli occupation": a gerund after a tying verb's "to"
                needed = [c for c in node.children if c.dep_ in ("obl", "obj") and _case(c) in ("on", "upon", "to")
                          or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("on", "upon")
                                                       or m.dep_ == "nsubj" and _case(m) in ("on", "upon") for m in c.children)
                          or c.dep_ == "advcl" and c.tag_ == "VBG" and _lemma_in(node, book.tying_verbs)
                          and _to_infinitive(c)]
            elif self.has_deontic(node) and (_lemma(node) in ("have", "get", "receive", "obtain")
                                             # "any agreement must include the release of all hostages"
                                             or came_from.i in issue_span and (
                                                 _lemma_in(node, book.composition_verbs)
                                                 # what a deal must bring, not a plan ("the plan must ensure ..." says what it does)
                                                 or _lemma_in(node, book.entailing_verbs) and _lemma_in(came_from, book.deal_nouns))):
                needed = [c for c in node.children if c.dep_ == "obj"]
            elif self.has_deontic(node) and came_from.i in issue_span and _lemma_in(node, book.bringing_verbs):
                # "any truce must lead to a full withdrawal", "must result in Hamas being/advcl disarmed": what it
                # must bring about, it waits for
                outcome = book.bringing_verbs[_lemma(node)]
                needed = [c for c in node.children if c.dep_ == "obl" and _case(c) == outcome
                          or c.dep_ == "advcl" and c.tag_.startswith("VB")]
            else:
                needed = []
            family = "require" if requires else "unless"
            for obj in needed:
                named = self._clause_issues(obj.subtree, issue_at, issue_id)
                st.conditions.extend((c, family) for c in named if (c, family) not in st.conditions)
            terms = book.terms_conditions.get(issue_id)
            # "the force would have to be made/xcomp up of countries Israel is comfortable with": "have to" hangs
            # the composition on "have"
            made_of = any(c.dep_ == "xcomp" and _lemma_in(c, book.composition_verbs) and self.has_deontic(c)
                          for c in node.children)
            if (terms and came_from.i in issue_span and (terms, "unless") not in st.conditions and (made_of or self.has_deontic(node)
                    # "the force should not protect one side over another": what it must not do, its terms
                    and (came_from.dep_ == "nsubj" and self.negated(node)
                         or _lemma_in(node, book.composition_verbs)
                         or _lemma_in(node, book.placement_verbs) and any(
                             c.dep_ == "advmod" and c.lower_ == "only" or c.dep_ == "obl" and _case(c) == "under"
                             or c.dep_ in ("obl", "obj") and any(g.dep_ == "advmod" and g.lower_ == "only" for g in c.children)
                             for c in node.children)
                         or any(c.dep_ == "cop" for c in node.children) and _case(node) == "under"))):
                # "the force must be made up of countries Israel accepts", "must be deployed only at the
                # borders", "must be under UN supervision": the force's terms, a condition
                st.conditions.append((terms, "unless"))
            if depends and st.conditions:
                st.signal = True
                st.cue = st.cue or _lemma(node)
                owners = self.sponsors(came_from)
                if owners.actors:
                    return st.findings + self._finish(owners, "possessor_of_cue", issue_id, st.sign, st.conditions, st.rules,
                                                   _lemma(node), st.path)

    def _kept_from(self, st: _WalkState) -> None:
        """The issue as what a sparing verb keeps someone from ("pushing to shield Hamas from disarmament",
        "working to extract Hamas from the requirement to disarm"): the one who spares them works against it."""
        node, came_from = st.node, st.came_from
        if (not st.own and not st.skip_sign and not st.detached and node.tag_.startswith("VB") and came_from is not None
                and came_from.dep_ in ("obl", "nmod") and _case(came_from) == "from"
                and _lemma_in(node, self.book.sparing_verbs) and not self.negated(node) and self.book.enabled("cue_polarity")):
            st.sign = -st.sign
            st.rules.append("cue_polarity")
            st.cue = st.cue or _lemma(node)

    def _harm_verb_polarity(self, st: _WalkState) -> None:
        """The issue as the subject of a harm verb ("would trigger chaos"): a warning against it."""
        book = self.book
        node, came_from, own = st.node, st.came_from, st.own
        if (not own and not st.skip_sign and not st.detached and node.tag_.startswith("VB") and came_from is not None
                and (came_from.dep_ in ("nsubj", "csubj") or _subject_clause(came_from, node))
                and (_lemma_in(node, book.harm_verbs) or self._enables_enemy(node))
                and not self.negated(node) and book.enabled("cue_polarity")):
            st.sign = -st.sign  # "warned that immediate disarmament would trigger chaos": a warning against it
            st.rules.append("cue_polarity")
            st.signal = True
            st.cue = st.cue or _lemma(node)
            st.skip_sign = True

    def _enables_enemy(self, verb: Any) -> bool:
        """Whether a verb lets an armed group regain strength ("would allow Hamas to rebuild", "let it regroup";
        not "allow Gaza to rebuild")."""
        if not _lemma_in(verb, self.book.enabling_verbs):
            return False
        gain = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl")
                     and _lemma_in(c, self.book.enemy_gain_verbs)), None)
        if gain is None:
            return False
        gainers = [c for c in (*verb.children, *gain.children) if c.dep_ in ("obj", "iobj", "nsubj") and c.i < gain.i
                   and c.i > verb.i]
        return any(g.lower_ in self.book.enemy_gainers or self.ctx.actor_at.get(g.i, "").lower() in self.book.enemy_gainers
                   for g in gainers)

    def _rejecting_object(self, verb: Any) -> bool:
        """Whether a verb's object is a noun of rejection ("voiced displeasure"): a "with" or "over" phrase the parse
        hung on the verb is what it rejects (a "with" phrase after another noun is most often the verb's own: "was
        debating the proposal, with the goal of ...")."""
        return any(c.dep_ == "obj" and self.cue_sign(c) == (-1, "noun") for c in verb.children)

    def _noun_hung_on_verb(self, st: _WalkState) -> list[Finding] | None:
        """A phrase the parse hung on the verb ("objections to X") is still governed by the stance noun before it."""
        book = self.book
        node, came_from, own, issue_id = st.node, st.came_from, st.own, st.issue_id
        if (not own and not st.skip_sign and not st.detached and node.tag_.startswith("VB") and came_from is not None
                and (came_from.dep_ == "obl" and (_case(came_from) in ("to", "for", "of", "against", "on")
                                                  or _case(came_from) in ("with", "over") and self._rejecting_object(node))
                     or came_from.dep_ == "advcl" and self.marker(came_from) in ("in", "for", "to"))):
            # "expressed strong objections to X", "voiced displeasure with X", "underscored the efforts of Qatar and
            # Egypt in reaching the deal", with the phrase hung on the verb: the noun still governs it
            for noun in node.children:
                if noun.dep_ == "obj" and noun.i < came_from.i and self.cue_sign(noun)[1] == "noun":
                    st.signal = True
                    st.cue = st.cue or _lemma(noun)
                    if self.cue_sign(noun)[0] < 0 and book.enabled("cue_polarity"):
                        st.sign = -st.sign
                        st.rules.append("cue_polarity")
                    if self.negated(noun) and not self.cue_sign(node)[0] and book.enabled("negation"):
                        # "did not give approval for the passage of aid": the light verb's "not" (a cue verb's
                        # own, "did not express objections", is read at the verb)
                        st.sign = -st.sign
                        st.rules.append("negation")
                    owners = self.subject_holders(noun)
                    if owners is not None and owners[1] == "possessor_of_cue" and self.cue_sign(node)[0] >= 0:
                        # (a rejecting verb undoes the noun instead: "Israel lifted its ban on aid")
                        found = self._finish(owners[0], "possessor_of_cue", issue_id, st.sign, list(st.conditions),
                                             list(st.rules), _lemma(noun), st.path)
                        if self.cue_sign(node)[0] == 0:
                            return st.findings + found
                        # "Israel accepted a US proposal [for a truce]": the one who accepts it backs it too
                        st.findings += found
                    break

    def _received_backing(self, st: _WalkState) -> list[Finding] | None:
        """A subject that receives a stance noun ("received Israeli approval"): the noun's owner holds it."""
        book = self.book
        node, came_from, own, issue_id = st.node, st.came_from, st.own, st.issue_id
        if (not own and not st.skip_sign and not st.detached and node.tag_.startswith("VB") and came_from is not None
                and came_from.dep_ in ("nsubj", "nsubj:pass") and _lemma_in(node, book.receiving_verbs)
                and book.enabled("backing_received")):
            # "the proposal received Israeli approval", "won the backing of the Security Council":
            # whoever the stance noun belongs to holds it
            passive = came_from.dep_ == "nsubj:pass" or any(c.dep_ == "aux:pass" for c in node.children)
            for noun in node.children:
                noun_sign, kind = self.cue_sign(noun)
                # an object is a noun, whatever the tagger says ("has support/VB from Egypt"), and so is a gerund
                # read as the verb's complement ("won backing/VBG/xcomp from Egypt") or the "with" phrase of a
                # passive ("was met with resistance from Israel")
                received = (noun.dep_ == "obj" or noun.dep_ == "xcomp" and noun.tag_ == "VBG"
                            or passive and noun.dep_ == "obl" and _case(noun) == "with")
                if received and kind in ("noun", "verb") and noun_sign:
                    owners = self.subject_holders(noun)
                    if owners is None or not owners[0].actors:
                        # the "from" phrase the parse hung elsewhere: an oblique of the mistagged noun ("strong
                        # backing/VBG from Jordan") or of the verb ("drew support from several states, including ...")
                        source = next((c for c in noun.children if c.dep_ == "obl" and _case(c) in ("from", "of")), None) or next(
                            (c for c in node.children if c.dep_ == "obl" and _case(c) == "from" and c.i > noun.i), None)
                        if source is not None:
                            holders = self.np_holders(source)
                            if not holders.actors and source.tag_ == "NNS":
                                holders = self._examples_after(source)
                            owners = (holders, "possessor_of_cue")
                    if self.negated(node) != any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
                        noun_sign = -noun_sign  # "did not win the backing of Egypt", "has no support from Egypt"
                    if owners is not None and owners[0].actors:
                        extra = ["cue_polarity"] if noun_sign < 0 else []
                        return st.findings + self._finish(owners[0], "backing_received", issue_id, st.sign * noun_sign,
                                                       st.conditions, st.rules + extra, _lemma(noun), st.path)

    def _polarity_at_node(self, st: _WalkState) -> list[Finding] | None:
        """The node's stance word turns or signals the stance; a naming verb marks the issue as characterized."""
        book = self.book
        node, came_from, own, issue_id = st.node, st.came_from, st.own, st.issue_id
        if st.inner is not None and node.i != st.inner.i and not st.skip_sign and self.cue_sign(node)[0]:
            st.outer_signal = True
        namer = self._characterization(came_from) if came_from is not None and not own and not st.skip_sign else None
        if namer is not None and namer.i == node.i and _case(came_from) == "as":
            # "denounced the move as an attack on the ceasefire": the naming verb judges the move; what the
            # move is said to attack, the one who names it wants
            st.signal = True
            st.cue = st.cue or _lemma(node)
            st.characterized = True
        elif not own and not st.skip_sign and not st.detached:
            s, kind = self._cue_at_node(st)
            if kind == "report" and not st.signal and came_from is not None and came_from.dep_ == "obj":
                predicate = self._small_clause_predicate(node, came_from)
                if predicate is not None:
                    # "stated the idea of total disarmament [is] unacceptable": the parse split one clause
                    # into an object and a predicate; the predicate judges the object
                    s, kind = -1 if predicate.lower_ in book.oppose_adjectives else self.cue_sign(predicate)[0], "adjective"
                    if s and self.negated(predicate):
                        s = -s
                    if not s:
                        return st.findings  # "described the plan as historic": what it is, not a stance
            if kind == "report" and self.negated(node) and _lemma_in(node, book.telling_verbs):
                return st.findings  # "has not commented on the pause", "did not respond to ... comment on the truce"
            if s == -1:
                if book.enabled("cue_polarity"):
                    st.sign = -st.sign
                    st.rules.append("cue_polarity")
                st.signal = True
                st.cue = st.cue or _lemma(node)
                st.halted = st.halted or _lemma_in(node, book.halting_verbs) is not None
            elif (kind == "report" and not st.signal and came_from is not None and came_from.dep_ in ("obj", "iobj")
                  and came_from.tag_.startswith("NN") and _lemma_in(node, book.topic_report_verbs)
                  and not any(c.dep_ in ("xcomp", "ccomp") for c in node.children)):
                return st.findings  # "Russia acknowledged the truce", "described the plan": a topic, not a stance
            elif s == 1 or kind == "report":
                st.signal = True
                st.cue = st.cue or _lemma(node)
            elif kind == "accuse":
                if st.sign < 0 or st.sign_frozen:
                    # "Hamas accused Israel of blocking aid": Hamas wants the aid; Israel is only charged
                    return st.findings + self._accuser(node, issue_id, -1 if st.sign_frozen else st.sign, st.conditions,
                                                       st.rules, st.path)
                target = [c for c in node.children if c.dep_ in ("obj", "iobj")]
                holders = self.np_holders(target[0]) if target else Holders([])
                if holders.actors and book.enabled("target_of_accusation"):
                    # "accused Israel of trying to retrieve the hostages before resuming the war": what it is
                    # said to seek
                    return st.findings + self._finish(holders, "target_of_accusation", issue_id, st.sign, st.conditions, st.rules,
                                                   _lemma(node), st.path)
                return st.findings

    def _cue_at_node(self, st: _WalkState) -> tuple[int, str]:
        """The node's stance word as (sign, kind), zero for a harm charged, a coordinated act, a halt with a purpose."""
        book = self.book
        node, came_from, issue_span = st.node, st.came_from, st.issue_span
        s, kind = self.cue_sign(node)
        if s < 0 and st.inverse and came_from is not None and came_from is self._named_as(node):
            # "called the Board a form of foreign trusteeship": a name that is the issue's opposite judges by
            # itself; the naming flips it no further
            s = 1
        if (s < 0 and not st.sign_frozen and self._harms_object(node, came_from)
                # (but "Israel derailed the truce", "Israel is working to derail the truce": an actor that harms
                # it, or sets out to, is against it)
                and not self._done_by_an_actor(node)):
            s, kind = 0, ""  # "accused Israel of derailing the truce", "warned the strikes would derail it": a harm charged
        if s > 0 and not st.sign_frozen and self._unhelped_object(node, came_from):
            s, kind = 0, ""  # "the sanctions do not advance the truce": a failure charged, the truce still wanted
        if s and came_from is not None and came_from.head.i == node.i and node.tag_.startswith("VB") and (
                came_from.dep_ == "conj" or came_from.dep_ == "advcl" and came_from.tag_ == node.tag_ == "VBG"
                and not any(c.dep_ == "mark" for c in came_from.children)):
            s, kind = 0, ""  # "halting the war, rebuilding Gaza": a coordinated act, not what the first verb governs
        if (s and came_from is not None and came_from.dep_ == "conj" and came_from.head.i == node.i and node.tag_.startswith("NN")
                and _lemma_in(node, book.halting_verbs)):
            s, kind = 0, ""  # "a halt to hostilities and the release of all hostages": the next item asked for, not halted
        if s < 0 and st.coordinated_act and node.tag_.startswith("VB"):
            s, kind = 0, ""
        if node.tag_.startswith("VB"):
            st.coordinated_act = False
        if (s == -1 and came_from is not None and came_from.dep_ == "nsubj" and node.tag_.startswith("VB")
                and not (_lemma_in(node, book.ceasing_verbs) and not any(c.dep_ in ("obj", "xcomp", "ccomp") for c in node.children))):
            # "the ceasefire removes the obstacles": the issue does the rejecting verb's act, no one
            # rejects it; but "all entry of supplies will cease": the issue stops, whoever decides it
            s = 0
        if (s == -1 and came_from is not None and came_from.dep_ == "obl" and _case(came_from) == "from"
                and node.tag_.startswith("VB") and self._party_kept_from(node, st.issue_id)):
            # "Hamas must be excluded from governance", "exclude Hamas from any future governance": the party
            # whose leaving is the issue is kept from it, which is the issue, not a refusal of it
            s = 0
        if (s == -1 and came_from is not None and came_from.dep_ in ("obj", "nsubj:pass") and _lemma_in(node, book.halting_verbs)
                and _lemma_in(came_from, book.talk_nouns) and came_from.i not in issue_span
                # (but "blocked a call for a truce": a talk noun that is itself a stance word is refused)
                and not self.cue_sign(came_from)[0]
                # (but "suspended the rounds of hostage releases": instalments of the issue's own act)
                and not any(c.i in issue_span and _case(c) == "of" for c in came_from.children)):
            s = 0  # "delayed the cabinet vote on the ceasefire": a step put off, not the ceasefire rejected
        if (s == -1 and came_from is not None and came_from.dep_ == "advcl" and _lemma_in(node, book.halting_verbs)
                and any(m.dep_ == "mark" and (m.lower_ == "to" and came_from.tag_ == "VB" or m.lower_ == "so")
                        for m in came_from.children)):
            # "halt the strikes to allow the release of the hostages", "... so that the hostages are
            # freed": what the halt is for is wanted
            s = 0
        return s, kind

    def _sponsors_and_asides(self, st: _WalkState) -> None:
        """Findings beside the walk: who sponsors the terms at this node, and what an aside noun on its verb says."""
        book = self.book
        node, came_from, issue_token, issue_id = st.node, st.came_from, st.issue_token, st.issue_id
        if not st.detached and book.enabled("sponsor_of_terms"):
            st.findings.extend(self._sponsored_terms(node, came_from, issue_id, st.sign, st.rules, st.path))
        if (node.tag_.startswith("VB") and book.enabled("relative_antecedent")
                and not (came_from is not None and came_from.dep_ in _SUBJECTS)):
            for aside in node.children:
                # "... obliges Hamas to disarm — a measure the group has always refused"
                if (aside.dep_ in ("parataxis", "appos") and aside.tag_.startswith("NN") and aside.i > issue_token.i
                        and _lemma(aside) in book.aside_nouns):
                    st.findings.extend(self._relative_cues(aside, issue_id))

    def _nothing_done_yet(self, st: _WalkState) -> list[Finding] | None:
        """What has not happened yet, or was never put forward, is no one's refusal: the walk ends."""
        book = self.book
        node, came_from, own = st.node, st.came_from, st.own
        if (self.negated(node) and self.cue_sign(node)[0] > 0 and node.tag_ in ("VBN", "VBD")
                and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in node.children)):
            return st.findings  # "the group has not yet accepted the offer": still pending, no refusal
        if (not own and came_from is not None and _lemma_in(node, book.outcome_support_verbs)
                and (self.negated(node) or any(c.dep_ in ("nsubj:pass", "obj") and self.negated(c) for c in node.children))
                and not self.has_intent(node) and not self.has_deontic(node)):
            return st.findings  # "no agreement was reached", "they have not reached a deal": not yet, no one's refusal
        if (not own and node.tag_.startswith("VB") and _lemma_in(node, book.raising_verbs) and self.negated(node)
                and not (self.has_intent(node) or self.has_deontic(node))):
            return st.findings  # "the U.S. had never proposed disarmament": what was not put forward, no stance

    def _held_in_mind(self, node: Any, came_from: Any) -> bool:
        """Whether the walk came up to a verb of holding in mind through what it takes, with no clause of
        its own: negated, such a verb refuses it ("has never considered surrendering its weapons", "does
        not believe in the truce"), where a negated clause under it ("does not believe Hamas will disarm")
        denies a forecast, not the issue."""
        if (came_from is None or not node.tag_.startswith("VB") or _lemma_in(node, self.book.cognition_verbs) is None
                or any(c.dep_ == "advmod" and c.lower_ == "yet" for c in node.children)):
            return False  # (not "has not yet considered the offer": still pending)
        if came_from.dep_ in ("obj", "xcomp") or came_from.dep_ == "obl" and _case(came_from) in ("in", "of", "about"):
            return True
        return came_from.dep_ == "ccomp" and came_from.tag_ == "VBG" and not any(
            c.dep_ in ("nsubj", "nsubj:pass", "mark") for c in came_from.children)

    def _negation_and_modality(self, st: _WalkState) -> None:
        """A negation that flips the stance, a modal that signals one; whether a negation or a demand verb was met."""
        book = self.book
        node, own = st.node, st.own
        if not st.skip_sign and not st.detached and st.negation_in_phrase != node.i and (
                self.negated(node) or self.negative_subject(node, st) or self._shown_by_no_one(node, st)) and book.enabled("negation") and (
                not self._unhelped_object(node, st.came_from)) and (
                own or self.cue_sign(node)[0] or node.tag_.startswith("JJ") or self.has_intent(node)
                or (node.tag_.startswith("NN") and _lemma_in(node, book.intent_nouns))
                or self._held_in_mind(node, st.came_from) or self._part_taken(node, st.came_from)) and not (
                _lemma_in(node, book.dependence_adjectives) and st.came_from is not None
                and st.came_from.dep_ in ("nsubj", "nsubj:pass")):
            # a negated stance word or issue verb flips; "the draft does not answer our demands" does not, nor
            # "the aid is not dependent on a ceasefire", which denies a condition, not the aid
            st.sign = -st.sign
            st.rules.append("negation")
            st.signal = True
        if not st.skip_sign and self.has_deontic(node):
            st.deontic = True
            st.signal = True
        if self.negated(node):
            st.negation_seen = True  # "insists on not proceeding with A before B": A still waits
        if self._demanding(node, own) or self._demanding(node, own, book.commitment_verbs):
            st.demand_seen = True

    def _demanding(self, node: Any, own: bool, verbs: frozenset[str] | None = None) -> bool:
        """Whether a word of the walk, not the issue's own, is a verb of demanding (or of `verbs`), not negated."""
        return (not own and node.tag_.startswith("VB") and not self.negated(node)
                and bool(_lemma_in(node, self.book.demand_verbs if verbs is None else verbs)))

    def _conditions_at_node(self, st: _WalkState) -> None:
        """The condition clauses on the node (at the issue, on any of its words) and what they name."""
        book = self.book
        node, own, issue_span, issue_id, issue_at = st.node, st.own, st.issue_span, st.issue_id, st.issue_at
        if not st.skip_sign and book.enabled("condition_clause"):
            # "insists on A before B", "there must be A before B": a demand, so B waits for A
            demanded = (self.cue_sign(node)[0] > 0 or self.has_deontic(node)) and not self.negated(node)
            # at the issue itself, a clause on any of its words counts ("continue fighting/-> until ...")
            holders_of_clauses = [node] + ([node.doc[i] for i in sorted(issue_span) if i != node.i] if own else [])
            for clause, family in [c for h in holders_of_clauses for c in self._condition_clauses(h, issue_span)]:
                if family == "before" and not demanded:
                    family = "before_negative"  # "no A before B", "initiating A before B": A waits for B
                named = self._clause_issues(clause.subtree, issue_at, issue_id, family)
                st.conditions.extend((c, family) for c in named if (c, family) not in st.conditions)
                if family == "exchange" and named:
                    # on the verb of a demand, the one who demands is no doer of what is demanded ("Hamas
                    # demanded an end to the war in exchange for freeing the hostages")
                    self._exchange_doers = frozenset() if self._demanding(node, own) else self._doers(node, understood=True)
            if not own and node.dep_ == "nsubj" and _lemma_in(node, book.condition_nouns):
                # "Israel's conditions for ending the war include ...": the conditions' owner may be the holder
                # found here, before the walk climbs to what they include
                required = self._required_first(node, st.came_from)
                if required is not None:
                    _wait_for(st, self._clause_issues(required.subtree, issue_at, issue_id))
            terms = book.terms_conditions.get(issue_id)
            if (terms and (terms, "unless") not in st.conditions and own and node.i == st.issue_token.i
                    and _indefinite(node) and self._mandated_by_name(node)):
                # "called for a UN-mandated force": a force with a mandate it has yet to be given (but one
                # refused is refused whatever its mandate: "will not join a UN-mandated force")
                st.conditions.append((terms, _MANDATE_NAMED))
            if terms and (terms, "unless") not in st.conditions and (terms, _MANDATE_NAMED) not in st.conditions and any(
                    c.dep_ in ("obl", "nmod") and _case(c) in ("under", "on", "with") and c.tag_ == "NNS"
                    and _lemma_in(c, book.condition_nouns) and not self._clause_issues(c.subtree, issue_at, issue_id)
                    for c in node.children):
                # "ready to take part in the force under certain conditions": unnamed ones, the force's terms
                st.conditions.append((terms, "unless"))
            if st.halted and book.enabled("condition_by_grievance") and not own:
                for c in self._grievance_conditions(node, st.came_from, issue_span, issue_id, issue_at):
                    if (c, "until") not in st.conditions:
                        st.conditions.append((c, "until"))
                        st.rules.append("condition_by_grievance")
            if own and st.inverse and node.i == st.issue_token.i:
                # "Hamas must free the hostages by Saturday, or Israel will resume the war": the war the
                # threat names waits on what the clause before "or" demands
                alternative = self._alternative_demand(node)
                if alternative is not None:
                    named = self._clause_issues(alternative, issue_at, issue_id)
                    st.conditions.extend((c, "unless") for c in named if (c, "unless") not in st.conditions)

    def _grievance_conditions(self, node: Any, came_from: Any, issue_span: set[int], issue_id: str,
                              issue_at: Mapping[int, str]) -> list[str]:
        """The deals whose breach a reason on a halt names ("suspended the releases, citing Israeli violations of
        the ceasefire", "halted aid over breaches of the truce"): the halted part waits for the deal being kept.
        The reason hangs on the halting verb or, as the parser often has it, on what is halted ("halting the
        entry of aid due to ceasefire violations", "the release of the hostages, citing ...")."""
        book = self.book
        places = [node] + ([came_from] if came_from is not None and came_from.dep_ == "obj" else [])
        places += [node.doc[i] for i in sorted(issue_span)]  # ("the release of the hostages, citing/acl ...")
        named: set[str] = set()
        for reason in (c for place in places for c in place.children):
            if reason.dep_ not in ("advcl", "obl", "xcomp", "ccomp", "nmod", "acl"):
                continue
            words = list(reason.subtree)
            if any(t.i in issue_span for t in words):
                continue  # the way the walk came up
            # "over what it called violations", "after Hamas violated": the marker may open a phrase inside the reason
            markers = {c.lower_ for c in reason.children if c.dep_ in ("case", "mark")} | {reason.left_edge.lower_}
            if not (_lemma_in(reason, book.grievance_verbs) or markers & book.grievance_markers):
                continue
            if not any(_lemma_in(t, book.grievance_breaches) for t in words):
                continue
            named |= {issue_at[t.i] for t in words if t.i in issue_at} - {issue_id}
        return sorted(named)

    def _doers(self, verb: Any, understood: bool = False) -> frozenset[str]:
        """The actors named as doing what a verb says: its subject, or who an infinitive without one is
        asked of ("called on Hamas to disarm", "wants Hamas to release the hostages"); with `understood`,
        also the subject of the clause an infinitive completes ("Hamas wants to free the hostages")."""
        doers = [c for c in verb.children if c.dep_ == "nsubj"] or (
            _understood_doers(verb) if understood else _controller(verb))
        return frozenset(self.ctx.actor_at[t.i] for t in doers if t.i in self.ctx.actor_at)

    def _alternative_demand(self, node: Any) -> list[Any] | None:
        """The words of the clause a threat is the alternative of ("A, or B"), or None when the node is no
        second conjunct after "or" / "or else"."""
        if node.dep_ != "conj" or node.head.i >= node.i or not any(
                c.dep_ == "cc" and c.lower_ == "or" for c in node.children):
            return None
        inside = {t.i for t in node.subtree}
        return [t for t in node.head.subtree if t.i not in inside and t.i < node.i]

    def _holder_candidate(self, st: _WalkState) -> tuple[tuple[Holders, str] | None, bool]:
        """Who the node's subject (or an absolute clause's) names, as (found, ended); a harm charged names no one."""
        book = self.book
        node, came_from, own = st.node, st.came_from, st.own
        harm_here = (not own and not st.sign_frozen and book.enabled("cue_polarity") and self._harms_object(node, came_from))
        if harm_here:
            # "warned that delaying approval could jeopardize the fragile ceasefire": the speaker wants the
            # ceasefire; whoever is said to jeopardize it is charged, not speaking
            st.sign_frozen = True
            st.signal = True
            st.cue = st.cue or _lemma(node)
        # "does not want Turkish troops/nsubj deployed/VBN": a participle with no auxiliary is passive, its subject no agent
        small_passive = node.tag_ == "VBN" and node.dep_ in ("ccomp", "xcomp") and not any(
            c.dep_ in ("aux", "aux:pass", "cop", "obl:agent") for c in node.children)
        # "Israel was set on undermining the truce", "keeps sabotaging the truce", "efforts to wreck the
        # truce": who controls a harm with no subject of its own is the one charged too
        controls_harm = (st.harm_below is not None and came_from is not None and came_from.i == st.harm_below
                         and came_from.dep_ in ("xcomp", "advcl", "acl", "obl", "ccomp")
                         and not any(c.dep_ == "mark" and c.lower_ == "as" for c in came_from.children)
                         and not any(c.dep_ in ("obj", "iobj") for c in node.children)  # "accused Israel of derailing": Israel
                         and not self.cue_sign(node)[0] and _lemma_in(node, self.book.judge_verbs) is None)
        st.harm_below = node.i if harm_here and not any(c.dep_ in ("nsubj", "nsubj:pass") for c in node.children) else None
        not_a_holder = harm_here or controls_harm or st.breach_here or small_passive or st.skip_sign and node.dep_ == "conj"
        found = None if not_a_holder else self.subject_holders(node)
        st.breach_here = False
        absolute = absolute_subject(node) if not own else None
        if absolute is not None:
            actors = _unique(self.ctx.actor_at[t.i] for t in absolute if t.i in self.ctx.actor_at)
            if not actors:
                return None, True  # "Netanyahu faces challenges, with coalition partners voicing opposition": the partners'
            found = Holders(actors), "subject_of_cue"
        if (found is None and not own and not st.skip_sign and node.tag_.startswith("VB")
                and self.cue_sign(node)[1] != "report" and not self.has_deontic(node) and any(
                    c.dep_ == "nsubj" and c.tag_ in ("NN", "NNS") and c.i not in self.ctx.actor_at
                    and (self.cue_sign(node)[0] and _lemma_in(c, book.outside_holders)
                         # "said that mediators have stepped up efforts to reach a truce": the mediators' act
                         or _lemma_in(c, book.mediator_nouns) and not any(g.i in self.ctx.actor_at for g in c.subtree)
                         and (self.ctx.speaker()[0] or "").lower() not in book.mediator_states)  # unless a mediator says it
                    for c in node.children)):
            return None, True  # "although Palestinian factions have agreed to a committee": theirs, and no actor of ours
        return found, False

    def _drop_non_holders(self, st: _WalkState, found: tuple[Holders, str] | None) -> tuple[Holders, str] | None:
        """Drop a subject that does not hold the stance: a demand made of it, a deadline set for it, a plan's content."""
        book = self.book
        node, came_from, own = st.node, st.came_from, st.own
        if found is not None and (self.has_deontic(node) or self._denied_ability(node) or came_from is not None
                                  and self._demanded_role(node, came_from)) and not _first_person(node):
            found = None  # "Hamas must release the hostages", "can have no role": whoever says it holds the stance
        if (found is not None and _lemma(node) == "have" and came_from is not None and (came_from.dep_ == "xcomp" or (
                came_from.dep_ == "obj" and any(c.dep_ == "acl" and c.i > came_from.i for c in came_from.children)))
                and any(c.dep_ == "obj" and _lemma_in(c, book.chance_nouns) for c in node.children)
                and not _first_person(node)):
            found = None  # "Hamas has a very short time to disarm": a deadline set for it, not its stance
        if (found is not None and st.deontic and came_from is not None and came_from.dep_ == "conj"
                and came_from.head.i == node.i and not _first_person(node)
                and not any(c.dep_ in _SUBJECTS for c in came_from.children)):
            found = None  # "Hamas will no longer rule Gaza and must hand over its weapons": the demand shares the subject
        if found is not None and found[1] == "subject_of_cue" and self._demanded_clause(node):
            found = None  # "Qatar urged that Israel commits to the agreement": Qatar's demand
        if found is not None and found[1] == "subject_of_cue" and self._plan_content(node):
            found = None  # "Under the deal, Israel would withdraw": what the deal says, not Israel's stance
        if found is not None and self._hypothetical_act(node):
            found = None  # "opposed the idea of Turkish troops joining the force": the idea's, not the troops'
        if (found is not None and st.inverse and not _first_person(node) and came_from is not None
                and came_from.dep_ == "obj" and _lemma_in(node, book.undergoing_verbs)):
            found = None  # "Hamas would face the gates of hell": who is threatened with war does not want it
        if found is not None and found[1] == "possessor_of_cue" and not own and not self.cue_sign(node)[0] and not (
                came_from is not None and came_from.dep_ == "acl"
                and (_to_infinitive(came_from)
                     and not _lemma_in(node, book.chance_nouns)
                     or self.cue_sign(came_from)[0] and self.cue_sign(node)[1] == "report")):
            # "Israeli violations of the deal": a possessor holds only a stance noun, or the
            # infinitive it controls ("Israel's decision to obstruct aid")
            found = None
        return found

    def _excluded_parties(self, issue_id: str) -> frozenset[str]:
        """The parties whose leaving is the issue (lemmas.yaml excluded_parties: Hamas, for governance)."""
        return frozenset(self.book.excluded_parties.get(issue_id, ()))

    def _party_doer_reported(self, verb: Any, holders: Holders, issue_id: str) -> bool:
        """Whether the doer of an issue's verb is only a party whose leaving, or whose own part, is the issue, in
        a clause another reports ("Netanyahu said Hamas will not rule Gaza", "... the PA will have no role in
        Gaza"): the one who reports it holds the stance, not the party ("Hamas said it will not rule Gaza" is
        still Hamas's, by its own report)."""
        parties = self._excluded_parties(issue_id) | frozenset(self.book.governing_parties.get(issue_id, ()))
        if not parties or not holders.actors or not set(holders.actors) <= parties:
            return False
        if verb.dep_ != "ccomp" or verb.head is verb or self.cue_sign(verb.head)[1] != "report":
            return False
        speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
        return bool(speakers) and not any(set(self.np_holders(s).actors) & parties for s in speakers)

    def _demanded_role(self, verb: Any, role: Any) -> bool:
        """Whether the role a party "must" or "can" have is demanded, not told ("Hamas must have no role in
        governing Gaza", "Hamas can have no role": whoever says it wants it so; "under the plan the group would
        have no say" tells what a plan leaves it)."""
        if role.dep_ != "obj" or not _lemma_in(role, self.book.role_nouns):
            return False
        if self.has_deontic(verb):
            return True
        able = any(c.dep_ == "aux" and c.lower_ in ("can", "cannot", "could") for c in verb.children)
        return able and (self.negated(verb) or any(c.dep_ == "det" and c.lower_ == "no" for c in role.children))

    def _hypothetical_act(self, verb: Any) -> bool:
        """Whether a participle names what an idea or a prospect is of ("the idea of Turkish troops joining the
        force"): its doer holds no stance (lemmas.yaml hypothetical_nouns)."""
        return (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "nmod"
                and _lemma_in(verb.head.head, self.book.hypothetical_nouns) is not None)

    def _participle_agent(self, plan: Any, wanted: Callable[[Any], bool]) -> Holders:
        """The agent of the first participle on a plan noun that `wanted` accepts ("the plan drafted by
        Egypt", "a plan presented by Trump"), or no one."""
        for child in plan.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and wanted(child):
                agent = self._agent(child)
                if agent is not None:
                    return agent[0]
        return Holders([])

    def _authoring(self, participle: Any) -> bool:
        """Whether a participle puts a plan forward ("presented", "unveiled", "put forward", "laid out")."""
        return _lemma_in(participle, self.book.authoring_verbs) is not None or _lemma(participle) in ("put", "lay") and any(
            c.dep_ == "compound:prt" and c.lower_ in ("forward", "out") for c in participle.children)

    def _take_holder(self, st: _WalkState, found: tuple[Holders, str] | None) -> list[Finding] | None:
        """The holder at the node: the walk ends with its finding, or goes on (a proposal's owner, an inner stance)."""
        book = self.book
        node, came_from, own, issue_span, issue_id, issue_at = st.node, st.came_from, st.own, st.issue_span, st.issue_id, st.issue_at
        if (own and found is None and node.tag_.startswith("NN") and _lemma(node) in book.proposal_nouns
                and book.enabled("owner_of_proposal") and not self.negated(node)):
            author = self._participle_agent(node, self._authoring)
            if author.actors:
                # "based on a 20-point plan presented by Trump": the author backs the plan, and the walk goes on
                st.findings += self._finish(author, "owner_of_proposal", issue_id, 1, [], [], _lemma(node), st.path)
        if found is not None and st.described is not None and node.i != st.described.i and not own and st.sign > 0:
            # "Egypt welcomed the plan, which calls for a truce": Egypt backs the plan, not each term (while voting
            # against "the resolution, which demands a ceasefire" is voting against the ceasefire)
            if not set(found[0].actors) <= set(self.sponsors(st.described).actors):
                return st.findings
        if found is not None and found[1] == _EFFORT_OWNER:
            # the owner of an effort is the doer of the act it is for, as its subject or as the actor of the issue's
            # own verb ("Trump's efforts to stop the war"), and the walk goes on to whoever judges the effort
            how = "actor_of_issue_verb" if own and node.tag_.startswith("VB") else "subject_of_cue"
            if not st.deontic:
                st.findings += self._finish(found[0], how, issue_id, st.sign, st.conditions, st.rules, _lemma(node), st.path)
            found = None
        if found is not None:
            holders, how = found
            if own:
                if st.deontic:
                    found = None  # "Hamas must disarm": whoever says it holds the stance
                elif (node.tag_.startswith("VB") and how == "subject_of_cue" and node.dep_ not in ("acl", "acl:relcl")
                      and not (node.dep_ == "ccomp" and self.cue_sign(node.head)[0] and self.cue_sign(node.head)[1] == "verb")
                      and (self.has_intent(node) or node.tag_ in _FINITE_TAGS or any(c.dep_ == "aux" for c in node.children))
                      and not _to_infinitive(node)):
                    how = "actor_of_issue_verb"
                    if self.negated(node) and not (self.has_intent(node) or self.has_deontic(node)) and _past_event(node):
                        found = None  # "Hamas has not disarmed": what has not happened, no stance
                    elif self._party_doer_reported(node, holders, issue_id):
                        found = None  # "Netanyahu said Hamas will not rule Gaza": the speaker's arrangement
                elif how == "possessor_of_cue" and _lemma(node) in book.proposal_nouns:
                    # "They welcomed Trump's proposal": the owner backs it, and the walk goes on
                    # up to whoever speaks of it
                    if book.enabled("owner_of_proposal") and not self.negated(node):
                        st.findings += self._finish(holders, "owner_of_proposal", issue_id, 1, [], [], _lemma(node), st.path)
                    found = None
                elif how == "subject_of_cue" and any(c.dep_ == "cop" for c in node.children) and _case(node):
                    pass  # "Hamas is against any disarmament": a prepositional predicate on the issue
                elif how == "possessor_of_cue" and _lemma_in(node, book.resumption_nouns):
                    # "Qatar condemned Israel's resumption of military operations": who takes it up again does
                    # it, and the walk goes on up to whoever judges it
                    st.findings += self._finish(holders, "possessor_of_cue", issue_id, 1, [], [], _lemma(node), st.path)
                    found = None
                else:
                    found = None
            elif how in ("subject_of_cue", "relative_antecedent") and not (
                    st.signal or self.has_intent(node)
                    # "Israel decided/chose to withdraw": the verb of intent itself, over the act it intends
                    or came_from is not None and _lemma(node) in book.intent and (
                        came_from.dep_ == "xcomp" or came_from.dep_ == "advcl" and _to_infinitive(came_from))):
                found = None
                if not self._transparent(node):
                    return st.findings
            if found is not None:
                if how == "subject_of_cue" and self.cue_sign(node)[1] == "report":
                    how = "speaker_of_report"
                    if not st.signal_below and not st.conditions and self._reported_description(came_from):
                        return st.findings  # "Hamas said the resolution transforms the force into ...": a claim about it
                if not book.enabled(how):
                    return st.findings
                if book.enabled("condition_clause"):
                    st.conditions.extend(c for c in self._stray_conditions(node, issue_span, issue_at, issue_id, st.sign)
                                      if c not in st.conditions)
                if st.demand_seen and st.sign > 0 and not st.negation_seen:
                    # what is demanded first comes first: the other issue waits for it; what is demanded "in
                    # exchange for" another is the price, which that other (the holder's own part) waits for,
                    # unless the holder does the demanded thing itself ("wants to free the hostages in exchange
                    # for a truce")
                    st.conditions = [(c, "before" if f == "before_negative" else
                                      _DEMANDED_EXCHANGE if f == "exchange" and not self._exchange_doers & set(holders.actors)
                                      else f) for c, f in st.conditions]
                if st.inner is not None:
                    if st.outer_signal:
                        return st.findings + self._finish(holders, how, issue_id, st.sign, st.conditions,
                                                          st.rules + ["nested_stance"], _lemma(node), st.path)
                    # else "officials said Hamas's refusal to disarm ...": reported, not judged; the walk goes on
                elif how == "possessor_of_cue" and not own and node.tag_.startswith("NN") and book.enabled("nested_stance"):
                    # "We condemn Israel's decision to hold up aid": Israel's stance, and the walk goes on
                    # to whoever judges it
                    st.findings += self._finish(holders, how, issue_id, st.sign, st.conditions, st.rules, _lemma(node), st.path)
                    st.inner = node
                else:
                    return st.findings + self._finish(holders, how, issue_id, st.sign, st.conditions, st.rules, _lemma(node), st.path)
        return None

    def _stopped_before_climbing(self, st: _WalkState) -> list[Finding] | None:
        """Before climbing: a new main clause or an inner stance ends the walk; a relative antecedent holds the stance."""
        book = self.book
        node, own, issue_id = st.node, st.own, st.issue_id
        dep = node.dep_
        if (dep == "conj" and not own and node.tag_.startswith("VB") and node.head.tag_.startswith("VB")
                and node.head.dep_ == "ROOT" and not any(c.dep_ == "mark" for c in node.children)
                and any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < node.i and c.i not in self.ctx.actor_at
                        and not _is_pronoun(c) for c in node.children)):
            # "Israel and Hamas agreed to the first phase, but the UN resolution is seen as vital to ...": a main
            # clause with a subject of its own is not the first subject's
            return st.findings
        if st.inner is not None and dep in ("advcl", "conj", "parataxis", "acl", "acl:relcl", "ccomp", "nsubj", "nsubj:pass", "csubj") and not (
                # "issued a statement, hailing Trump's efforts to end the war": the participle that judges has the
                # subject of the verb it hangs on
                dep == "advcl" and node.tag_ == "VBG" and st.outer_signal
                and not any(c.dep_ in ("nsubj", "nsubj:pass", "mark") for c in node.children)):
            return st.findings  # the judging word must govern the inner stance itself
        if (dep in ("appos", "acl", "acl:relcl") and st.signal and not own and not st.sign_frozen
                and book.enabled("relative_antecedent")
                and not (dep == "acl:relcl" and _case(node.head) in _LOCATIVE)  # "a vote at the Council, which calls for ..."
                and not self._hypothetical_act(node)
                and (node.head.i in self.ctx.actor_at
                     # "the countries that backed the effort, including Qatar, Egypt and Jordan", "the countries
                     # backing the plan are Qatar and Egypt"
                     or dep in ("acl:relcl", "acl") and _lemma_in(node.head, book.group_nouns))):
            # "a statement from Qatar, Egypt, ... and Pakistan, all expressing support for the plan"
            holders = self.np_holders(node.head)
            if holders.actors:
                return st.findings + self._finish(holders, "relative_antecedent", issue_id, st.sign, st.conditions, st.rules,
                                               _lemma(node), st.path)
        if (dep == "amod" and node.tag_.startswith("JJ") and not own and self.cue_sign(node)[0]
                and node.head.tag_.startswith("NN") and node.head.i not in self.ctx.issue_tokens
                and node.i > node.head.i):
            # "recruit nations willing to take part in ...": the willingness describes the nations
            # (the contributors the force needs), it is not the recruiter's stance
            return st.findings

    def _walk_ends_here(self, st: _WalkState) -> bool:
        """Whether the climb stops here (the root, a relative clause, an aside), for the fallbacks after it."""
        node, own = st.node, st.own
        dep = node.dep_
        if dep == "ROOT" or node.head is node:
            return True
        if dep in ("acl:relcl", "advcl:relcl") and not own:
            book = self.book
            # (or the verb such a verb completes: "a resolution that aimed to demand a ceasefire")
            verbs = [node, *(c for c in node.children if c.dep_ == "xcomp" and c.tag_.startswith("VB"))]
            if st.sign > 0 and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in node.children) and (
                    _lemma_in(node.head, book.proposal_nouns) and any(_lemma_in(v, book.demand_verbs)
                                                                      or _lemma_in(v, book.enacting_verbs)
                                                                      or _lemma_in(v, book.perception_verbs) for v in verbs)
                    or _lemma_in(node.head, book.deal_nouns) and _lemma_in(node, book.securing_verbs)):
                # "vetoed a resolution that demanded a ceasefire", "rejected a resolution that establishes a
                # force", "will not back a plan that would see the PA run Gaza", "urged a truce that would secure the
                # release of the hostages": what the text demands, sets up or brings about is what those who back it
                # or block it back or block; the walk goes on to them
                return False
            return True  # a relative clause says something about its noun: handled from there
        if (dep == "conj" and node.head.tag_.startswith("NN") and any(c.dep_ == "cop" for c in node.children)
                and any(c.dep_ in _SUBJECTS for c in node.children)):
            # "want the force ..., even though it will not be a peacekeeping force": a clause of its own the parse hung on a noun
            return True
        if dep == "parataxis" and node.tag_.startswith("NN") and not own:
            return True  # "... disarmament—an essential element of the plan": the writer's aside
        return False

    def _marker_on_the_way_up(self, st: _WalkState) -> list[Finding] | None:
        """The preposition or marker the walk climbs through: a scope stop, a condition, or a rejecting preposition."""
        book = self.book
        node, came_from, own = st.node, st.came_from, st.own
        dep = node.dep_
        if (dep == "obl" and not own and came_from is not None and came_from.dep_ == "nmod"
                and _lemma_in(node, book.part_nouns) and self.marker(node) in _FRAMES):
            return st.findings  # "prisoners it wants released in the first phase of the truce": when, not what
        # (a conjunct set against the one before it: "wants a long truce rather than disarmament")
        marker = self.marker(node) if dep in _OBLIQUE or dep in ("obj", "xcomp", "ccomp") or dep == "conj" and any(
            c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS for c in node.children) else ""
        if marker:
            first = marker.split(" ")[0]
            if marker in book.scope_stops or first in book.scope_stops:
                return st.findings
            if first == "without" and _lemma(node) in ("wait", "await"):
                return st.findings  # "fund rebuilding without waiting for a disarmament deal": no precondition, no stance
            if self.condition_family(node) and not (first == "without" and self._refused_with(node)):
                # the issue is the condition of another stance: condition_requirement says so (but what a
                # rejecting verb refuses "without" it, the refusal's words read too: "refused further releases
                # without a permanent ceasefire" wants the ceasefire)
                return st.findings
            named_as = self._characterization(node.head) or (
                # "called it a coup/xcomp against/obl the ceasefire": the parse hung the phrase on the verb
                node.head if _lemma_in(node.head, book.naming_verbs) and any(
                    (self._characterization(c) or c).i == node.head.i for c in node.head.children if c.i < node.i)
                else None)
            if named_as and (marker in book.oppose_prepositions or first in book.oppose_prepositions):
                # "called it a coup against the ceasefire", "denounced the move as an attack on the truce":
                # what the thing named works against, the one who names it wants
                st.signal = True
                st.cue = st.cue or _lemma(named_as)
                st.characterized = True
            elif (marker in book.oppose_prepositions or first in book.oppose_prepositions) and book.enabled("cue_polarity"):
                st.sign = -st.sign
                st.rules.append("cue_polarity")
                st.signal = True
                st.cue = st.cue or marker

    def _purpose_conditions(self, st: _WalkState) -> None:
        """What the issue waits for: what the main clause demands for the issue's purpose, or what is required first."""
        book = self.book
        node, came_from, own, issue_id, issue_at = st.node, st.came_from, st.own, st.issue_id, st.issue_at
        dep = node.dep_
        purpose = (dep == "advcl" and node.tag_.startswith("VB")
                   and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children)
                   and _to_infinitive(node)
                   and (came_from is not None and came_from.dep_ in _SUBJECTS
                        # the walk began at the clause's verb, which names the issue with its subject ("the war to end")
                        or came_from is None and any(c.dep_ in _SUBJECTS for c in node.children)))
        # the parser's other reading: "for a ceasefire/obl -> to progress/nmod"
        purpose = purpose or (own and _case(node) == "for" and any(
            c.tag_.startswith("VB") and _to_infinitive(c)
            for c in node.children))
        if purpose and book.enabled("condition_clause"):
            # "for the truce to last, Israel wants the disarmament of Hamas": the issue waits
            # for what the main clause demands
            for obj in node.head.children:
                if obj.dep_ in ("obj", "xcomp", "ccomp") and obj.i != node.i:
                    _wait_for(st, self._clause_issues(obj.subtree, issue_at, issue_id))
            # "Hamas must disarm and return the hostages for the war to end": the verbs demanded are the
            # issues themselves
            main = node.head.head if node.head.dep_ == "conj" else node.head
            _wait_for(st, [issue_at[verb.i] for verb in (main, *(c for c in main.children if c.dep_ == "conj"))
                           if issue_at.get(verb.i) not in (None, issue_id) and verb.tag_.startswith("VB")
                           and self.has_deontic(verb)])
        if (dep in ("xcomp", "advcl") and came_from is not None and came_from.dep_ in ("obj", "nsubj", "xcomp", "ccomp")
                and _lemma_in(node, book.permitting_verbs) and book.enabled("condition_clause")
                and _to_infinitive(node) and self.has_deontic(node.head)):
            # "the ceasefire must be consolidated to enable reconstruction", "Hamas must be disarmed to allow
            # rebuilding": the issue enabled waits for what the main clause demands
            main = node.head
            named = [issue_at[main.i]] if issue_at.get(main.i) not in (None, issue_id) else []
            for subject in (c for c in main.children if c.dep_ in ("nsubj", "nsubj:pass")):
                named += self._clause_issues(subject.subtree, issue_at, issue_id)
            _wait_for(st, named)
        needed = self._needed_for(node) if book.enabled("condition_clause") else None
        if needed is not None:
            # "would require a Security Council mandate to send troops": sending troops waits for the mandate
            inner = {t.i for t in node.subtree}
            _wait_for(st, self._clause_issues([t for t in needed.subtree if t.i not in inner], issue_at, issue_id))
        required = self._required_first(node, came_from) if book.enabled("condition_clause") else None
        if required is not None:
            # "sees the disarmament of Hamas as a condition for ending the war": the end of the war waits for it
            _wait_for(st, self._clause_issues(required.subtree, issue_at, issue_id))
        if book.enabled("condition_clause"):
            # "the only way to end the war is the destruction of Hamas": the end of the war waits for it
            _wait_for(st, self._clause_issues(self._sole_means_predicate(node, came_from), issue_at, issue_id))
            # "any force's role must be limited to monitoring the truce": the force, on that limit
            _wait_for(st, self._clause_issues(self._limited_to(node, came_from), issue_at, issue_id))

    def _sole_means(self, node: Any) -> bool:
        """Whether a noun is the only means to something ("the only way to secure the release"): what it
        is, the thing comes after."""
        # (or on its adjective: "the only/advmod possible/amod way")
        return _lemma_in(node, self.book.means_nouns) and any(
            c.dep_ in ("amod", "advmod") and c.lower_ in ("only", "sole") for m in (node, *(
                a for a in node.children if a.dep_ == "amod")) for c in m.children)

    def _sole_means_predicate(self, node: Any, came_from: Any) -> list[Any]:
        """The words after "is" when the only means to something is its subject ("the only way to end the
        war is (through) the destruction of Hamas", "the only path to peace is ..."): what that something
        waits for. The parse hangs them on the predicate, wherever it hangs the subject; [] if none."""
        if came_from is None or came_from.dep_ not in ("acl", "nmod") or not self._sole_means(node) or not any(
                c.dep_ in ("mark", "case") and c.lower_ == "to" for c in came_from.children):
            return []
        cop = next((t for t in node.doc[came_from.i + 1:came_from.i + 9]
                    if t.dep_ == "cop" and t.lemma_ == "be"), None)
        return [] if cop is None else [t for t in cop.head.subtree if t.i > cop.i]

    def _limited_to(self, node: Any, came_from: Any) -> list[Any]:
        """The words of the "to" phrase when what the issue is to do is limited ("the force's role/nsubj:pass
        should be limited/node to monitoring the ceasefire"): what a body is accepted on; [] otherwise."""
        if (came_from is None or not came_from.dep_.startswith("nsubj") or not _lemma_in(node, self.book.limiting_verbs)
                or not _lemma_in(came_from, self.book.remit_nouns)):
            return []
        return _limit_phrase(node)

    def _needed_for(self, node: Any) -> Any:
        """What a requiring verb asks for so that the infinitive `node` can happen: the mandate in "would
        require a UN mandate to send troops" (the infinitive hung on the noun or on the verb); else None."""
        if not node.tag_.startswith("VB") or not _to_infinitive(node):
            return None
        if node.dep_ == "acl" and node.head.dep_ == "obj" and _lemma_in(node.head.head, self.book.requiring_verbs):
            return node.head
        if node.dep_ in ("xcomp", "advcl") and _lemma_in(node.head, self.book.requiring_verbs):
            return next((c for c in node.head.children if c.dep_ == "obj" and c.i < node.i), None)
        return None

    def _backdrop_or_proviso(self, st: _WalkState) -> list[Finding] | None:
        """A clause that is a backdrop ("as ... continue") or a proviso ("provided ..."): the walk ends."""
        node, own = st.node, st.own
        dep = node.dep_
        if (dep == "advcl" and not own and self.markers(node) == ["as"] and node.tag_.startswith("VB")
                and any(c.dep_ in _SUBJECTS for c in node.children)):
            return st.findings  # "..., as ceasefire efforts continue in Cairo": the backdrop, no one's stance on it
        if dep == "ccomp" and node.head.lower_ in ("provided", "providing") and node.head.tag_.startswith("VB"):
            return st.findings  # "ready to join, provided/VBD it is backed by a resolution": a condition, said as one

    def _leave_node(self, st: _WalkState) -> None:
        """Leave the node: note what detaches the issue from the words above and how deep in nouns it lies."""
        book = self.book
        node, issue_span, issue_id = st.node, st.issue_span, st.issue_id
        dep = node.dep_
        st.came_from = node
        if dep == "obl" and _case(node) == "because":
            st.detached = True  # "because the first phase of the truce has expired", the clause parsed as a phrase
        if dep == "advcl" and (any(m in _CONCESSIVE or m == "because" for m in self.markers(node))
                               or any(c.dep_ == "advmod" and c.lower_ == "instead" for c in node.children)):
            # "while it would send soldiers ..., it will not help to disarm anyone": the main
            # clause's words do not judge the concessive clause's issue; nor a reason given for it ("blocked aid
            # because the first phase of the truce has expired"), nor what is done "instead"
            st.detached = True
        if node.tag_.startswith("VB"):
            st.nouns_only = False
        if (dep == "acl:relcl" and _lemma(node.head) in book.proposal_nouns and node.left_edge.i > 0 and book.enabled("relative_antecedent")
                and "," in (node.left_edge.lower_, node.doc[node.left_edge.i - 1].lower_)):
            st.described = node.head
        if (node.tag_.startswith("NN") and node.head.tag_.startswith("NN") and dep == "nmod"
                and node.head.i not in self.ctx.issue_tokens and not self.cue_sign(node.head)[0]
                and _lemma(node.head) not in book.transparent_heads and _lemma(node.head) not in book.proposal_nouns):
            self._buried += 1  # "limits on the running of one side of the crossing": ever further from the issue
        if st.nouns_only and not node.tag_.startswith("VB") and node.head.tag_.startswith("NN") and node.head.i not in issue_span:
            if not (dep in ("compound", "amod", "appos", "conj") or _lemma(node.head) in book.transparent_heads
                    or _lemma(node.head) in book.proposal_nouns):
                st.opaque = True  # "the previous model of aid delivery, which ...": about the model
            if not st.opaque:
                st.findings.extend(self._relative_cues(node.head, issue_id))

    def _second_act_of_subject(self, node: Any) -> bool:
        """Whether a participle after the verb is a second act of the subject, not what the verb governs: "will not
        join armed missions, rejecting the plan" (a stance word of its own, which counted), "rejected an extension,
        stating it is ready to free the hostages" (its own words); but "rejected the resolution, saying it imposes a
        trusteeship" says what the thing rejected is, and the verb still governs it."""
        if not (node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > node.head.i and node.head.tag_.startswith("VB")
                and not any(c.dep_ in ("mark", "nsubj") for c in node.children)):
            return False
        if (not any(c.dep_ in ("obj", "ccomp", "xcomp") for c in node.head.children)
                and not any(t.lower_ in (",", ";", "--", "—") for t in node.doc[node.head.i + 1:node.i])):
            return False  # "has ruled out sending troops": the gerund is what the verb governs, its object
        sign, kind = self.cue_sign(node)
        if sign != 0 and kind != "report":
            return True
        return kind == "report" and any(
            c.dep_ in ("ccomp", "parataxis") and bool(self.cue_sign(c)[0] or self.has_intent(c) or self.has_deontic(c))
            for c in node.children)

    def _skip_sign_above(self, st: _WalkState) -> None:
        """Whether the words above still turn the issue; a negation before "or" covers both acts."""
        book = self.book
        node = st.node
        dep = node.dep_
        frozen_here = st.sign_frozen or st.characterized and node.tag_.startswith("NN")
        # "Hamas will no longer rule/NN Gaza, and must ...": an act coordinated with the verb above
        coordinated = dep == "conj" and (node.head.tag_.startswith("VB") or any(c.dep_ == "aux" for c in node.head.children))
        st.skip_sign = frozen_here or coordinated or (not st.skip_sign and self._second_act_of_subject(node))
        if (st.skip_sign and book.enabled("negation") and self.negated(node.head)
                and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in node.children)):
            st.sign = -st.sign  # "does not endorse the plan or authorize a force": the negation covers both
            st.rules.append("negation")
            st.signal = True

    def _climb(self, st: _WalkState) -> None:
        """Move to the next node: the head, or past an infinitive to the clause's finite verb."""
        node = st.node
        if st.skip_sign and not _finite(node.head) and (node.tag_ in ("VBZ", "VBD", "VBP") or (
                node.tag_ == "VB" and self.cue_sign(node)[0] and not self.cue_sign(node.head)[0]
                and not any(c.dep_ == "mark" for c in node.children)
                # (but "refused to release the hostages or accept a truce": both infinitives are the verb's own)
                and not (node.dep_ == "conj" and node.head.dep_ == "xcomp" and node.head.tag_ == "VB"))):
            # "rejects any attempt to displace ... and supports reconstruction": a finite verb is
            # not coordinated with an infinitive; it goes with the clause's finite verb ("we reject
            # any attempt to displace ... and fully endorse the plan": a stance verb neither)
            head = node.head
            while head.dep_ not in ("ROOT",) and head.head is not head and not _finite(head):
                head = head.head
            st.node = head
            return
        st.node = node.head

    def _judge_of_inner_stance(self, st: _WalkState) -> list[Finding]:
        """An inner stance no word above judged: only a verb the parse made a modifier of the stance noun can."""
        book = self.book
        node, issue_id = st.node, st.issue_id
        if node.i == st.inner.i and book.enabled("subject_of_sentence"):
            # "Hamas rejected/amod calls/ROOT from Egypt to disarm": the verb the parse made an adjective
            # of the demand still judges it
            for verb in node.children:
                verb_sign, _ = self.cue_sign(verb)
                if verb.dep_ == "amod" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.i < node.i and verb_sign:
                    found = self.subject_holders(verb)
                    if found is not None and found[1] == "subject_of_cue":
                        extra = ["cue_polarity"] if verb_sign < 0 else []
                        return st.findings + self._finish(found[0], "subject_of_sentence", issue_id, st.sign * verb_sign,
                                                       st.conditions, st.rules + extra + ["nested_stance"], _lemma(verb), st.path)
        return st.findings

    def _speaker_holds(self, st: _WalkState) -> list[Finding] | None:
        """The speaker of the report or quotation holds a signalled stance, unless the sentence is impersonal."""
        book = self.book
        node, issue_id = st.node, st.issue_id
        if _impersonal_passive(node):
            return st.findings  # "it is believed that 59 hostages remain in Gaza": said by no one in particular
        if (_raised_passive(node) and self.cue_sign(node)[1] == "report" and st.came_from is not None
                and not self.cue_sign(st.came_from)[0]):
            return st.findings  # "Hamas is believed to hold 24 hostages": what others believe of it, no stance
        if st.signal and book.enabled("according_to"):
            # "According to the statement, aid must reach Gaza": who issued the statement says it
            issuers = self.reported_issuers()
            if issuers:
                return st.findings + self._finish(Holders(issuers), "according_to", issue_id, st.sign, st.conditions,
                                                  st.rules, st.cue, st.path)
        speaker, own_report = self.ctx.speaker()
        how = "speaker_of_report" if own_report else "speaker_of_quotation"
        if speaker and st.signal and book.enabled(how):
            return st.findings + self._finish(Holders([speaker]), how, issue_id, st.sign, st.conditions, st.rules, st.cue, st.path)

    def _subject_of_verb_on_noun(self, st: _WalkState) -> list[Finding] | None:
        """A main verb parsed as a modifier of the noun the walk ended on ("rejected/amod calls") has its subject."""
        book = self.book
        node, issue_id = st.node, st.issue_id
        if book.enabled("subject_of_sentence") and node.tag_.startswith("NN"):
            # "Hamas rejected/amod calls/ROOT to disarm": a main verb parsed as an adjective of the
            # noun after it still has its subject
            for verb in node.children:
                if verb.dep_ in ("amod", "acl", "compound") and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN") and verb.i < node.i:
                    found = self.subject_holders(verb)
                    s_verb, _ = self.cue_sign(verb)
                    if found is not None and found[1] == "subject_of_cue" and (s_verb or st.signal):
                        verb_sign = st.sign * (-1 if s_verb < 0 else 1) * (-1 if self.negated(verb) else 1)
                        extra = ["cue_polarity"] if s_verb < 0 else []
                        return st.findings + self._finish(found[0], "subject_of_sentence", issue_id, verb_sign, st.conditions,
                                                       st.rules + extra, _lemma(verb), st.path)

    def _sentence_subject(self, st: _WalkState) -> list[Finding] | None:
        """Last fallback: the subject of the sentence's root, if the parse hung the issue's clause on the wrong verb."""
        book = self.book
        node, issue_id = st.node, st.issue_id
        if st.signal and book.enabled("subject_of_sentence"):
            # the parser may have hung the issue's clause on the wrong verb: the sentence's own subject
            root = node
            if self.cue_sign(root)[0] or self.cue_sign(root)[1] == "report":
                found = self.subject_holders(root)
                if found is not None and found[1] == "subject_of_cue" and not self._plan_content(root):
                    return st.findings + self._finish(found[0], "subject_of_sentence", issue_id, st.sign, st.conditions,
                                                      st.rules, st.cue, st.path)

    def _oppose_phrase(self, node: Any, subject: Any) -> str:
        """The rejecting phrase of the lemma file the predicate after a subject is, or ""."""
        # the phrase must be the predicate's own: not inside another verb's clause below it ("does not
        # authorize the council to keep the peace and runs counter to ...")
        subject_span = {t.i for t in subject.subtree}

        def own(token: Any) -> bool:
            if token.dep_ == "mark" and token.lower_ == "to" and token.head.head.i == node.i:
                return True  # "failed to address": the infinitive's "to" ends the predicate's phrase
            step = token
            while step.i != node.i and step.head.i != step.i:
                if step.dep_ in ("conj", "advcl", "ccomp", "xcomp", "acl", "acl:relcl", "parataxis") and step.tag_.startswith("VB"):
                    return False
                step = step.head
            return True

        tokens = [t for t in node.subtree if t.i > subject.i and t.i not in subject_span and not t.is_punct and own(t)]
        text = " ".join(t.lower_ for t in tokens)
        # and with the adjectives before a noun left out: "a flagrant violation of" is "a violation of"
        bare = " ".join(t.lower_ for t in tokens if not (t.dep_ == "amod" and t.tag_.startswith("JJ") and t.i < t.head.i))
        return next((phrase for phrase in self.book.oppose_phrases if f" {phrase} " in f" {text} " or f" {phrase} " in f" {bare} "), "")

    def _stray_conditions(self, node: Any, issue_span: set[int], issue_at: Mapping[int, str], issue_id: str,
                          sign: int) -> list[tuple[str, str]]:
        """Condition clauses the parser hung on the reporting verb above the stance ("Katz said the army
        would not leave the line until Hamas is disarmed"): they follow the stance and belong to it."""
        found: list[tuple[str, str]] = []
        child = node
        while child.dep_ in ("ccomp", "parataxis", "xcomp") and child.head is not child:
            head = child.head
            if self.cue_sign(head)[1] != "report":
                break
            for clause, family in self._condition_clauses(head, issue_span):
                if clause.i <= node.i:
                    continue
                if family == "before" and not (sign > 0 and self.cue_sign(node)[0] > 0):
                    family = "before_negative"
                for condition in sorted({issue_at[t.i] for t in clause.subtree if t.i in issue_at} - {issue_id}):
                    found.append((condition, family))
            child = head
        return found

    def _threat_demand(self, clause: Any, issue_id: str, path: list[str]) -> list[Finding]:
        """"X warned that ... if Hamas does not release the hostages": X wants the hostages released."""
        book = self.book
        family = self.condition_family(clause)
        if not book.enabled("demand_by_threat") or not (family == "unless" or family == "if" and (
                self.negated(clause) or self.cue_sign(clause)[0] < 0 or _lemma_in(clause, book.failing_verbs))):
            # "if Hamas rejects the plan", "refuses to disarm", "fails to release the hostages"
            return []
        if any(c.dep_ == "mark" and any(g.lower_ == "long" for g in c.children) for c in clause.children):
            return []  # "as long as the occupation continues": a state of things the holder waits out, not a demand
        node = clause.head
        # "declared that all hell will break loose if Hamas does not release the hostages": a consequence
        # promised for a refusal is a threat, whatever verb reports it
        promised = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in node.children) and (
            node.dep_ in ("ccomp", "parataxis") and self.cue_sign(node.head)[1] == "report")
        if self._leaves_coalition(node):
            # "threatened to quit the government if Israel did not resume fighting": a party's leverage, not the state's demand
            return []
        for _ in range(4):
            if _lemma_in(node, book.threat_verbs) or promised and node.i == clause.head.head.i:
                found = self.subject_holders(node)
                if found is None:
                    return []
                findings = self._finish(found[0], "demand_by_threat", issue_id, 1, [], [], _lemma(node), path)
                return findings + self._force_threatened(clause, found[0], issue_id, _lemma(node), path)
            if node.dep_ == "ROOT" or node.head is node:
                return []
            node = node.head
        return []

    def _leaves_coalition(self, verb: Any) -> bool:
        """Whether a verb leaves the government: an exit verb with the government or coalition as its object or
        phrase ("quit the government", "leave the coalition")."""
        return _lemma_in(verb, self.book.exit_verbs) and any(
            c.dep_ in ("obl", "obj") and _lemma_in(c, self.book.coalition_nouns) for c in verb.children)

    def _threat_to_quit(self, clause: Any, issue_id: str, path: list[str]) -> list[Finding]:
        """"Ben-Gvir threatened to quit the government if the truce is approved", "said his party would leave
        the coalition if the cabinet backs the deal": one who would walk out over a step opposes it."""
        book = self.book
        if (not book.enabled("oppose_by_threat") or self.condition_family(clause) != "if" or self.negated(clause)
                or self.cue_sign(clause)[0] < 0 or _lemma_in(clause, book.failing_verbs)):
            return []
        node = clause.head
        if not (self._leaves_coalition(node) or _lemma_in(node, book.resigning_verbs)) or self.negated(node):
            return []
        for _ in range(3):  # the one who would leave, or who threatens it ("threatened/ROOT to resign/xcomp")
            found = self.subject_holders(node)
            if found is not None and found[0].actors:
                return self._finish(found[0], "oppose_by_threat", issue_id, -1, [], [], _lemma(node), path)
            if node.dep_ != "xcomp" or node.head is node:
                return []
            node = node.head
        return []

    def _force_threatened(self, clause: Any, holders: Holders, issue_id: str, cue: str, path: list[str]) -> list[Finding]:
        """"Warned that Hamas would be destroyed if it did not free the hostages": force threatened for a
        refusal is the threatener's truce, conditional on what is demanded, when the threat names no
        issue of its own (one that does, "will resume the war if ...", is read at that issue)."""
        book = self.book
        if issue_id == "ceasefire" or not book.enabled("force_by_threat"):
            return []
        inside = {t.i for t in clause.subtree}
        threatened = [t for t in clause.head.subtree if t.i not in inside]
        if any(t.i in self.ctx.issue_tokens for t in threatened) or not any(_lemma_in(t, book.force_threat_words) for t in threatened):
            return []
        return self._finish(holders, "force_by_threat", "ceasefire", 1, [(issue_id, "if")], [], cue, path)

    def _condition_word_issues(self, tokens: Iterable[Any]) -> set[str]:
        """The issues words name only as a condition ("a sovereign Palestinian state": governance)."""
        text = " " + " ".join(t.lower_ for t in tokens) + " "
        return {issue for phrase, issue in self.book.condition_words.items() if f" {phrase} " in text}

    def _clause_issues(self, tokens: Iterable[Any], issue_at: Mapping[int, str], issue_id: str,
                       family: str | None = None) -> list[str]:
        """The issues a condition's words name; words that name none but name an actor whose decision
        stands for an issue ("only once the Security Council agrees": a UN mandate, peace_plan
        in the annotation guideline) name that one."""
        tokens = list(tokens)
        # "delays the prisoners' release until the next hostages are freed": one side's part of an exchange
        # can wait "until" the other's, which another mention of the same issue names (while "hostages in
        # exchange for prisoners" is the exchange itself)
        own = set() if family == "until" and issue_id in self.book.self_conditioning_issues else {issue_id}
        named = sorted({issue_at[t.i] for t in tokens if t.i in issue_at} - own)
        if named:
            return named
        named = sorted({self.book.condition_actors[self.ctx.actor_at[t.i]] for t in tokens
                        if self.ctx.actor_at.get(t.i) in self.book.condition_actors} - {issue_id})
        if named:
            return named
        # "if it leads to a two-state solution": words that name a condition's issue only as a condition
        named = sorted(self._condition_word_issues(tokens) - {issue_id})
        kept = self.book.breach_conditions.get(issue_id)
        # "if Hamas violates/does not honour the agreement", "as long as Hamas respects the deal"
        breach = any(_lemma_in(t, self.book.breach_verbs) or _lemma_in(t, self.book.keeping_verbs) for t in tokens)
        if not named and kept and breach and any(
                _lemma_in(t, self.book.deal_nouns) or _lemma_in(t, self.book.proposal_nouns) or _lemma_in(t, self.book.part_nouns)
                for t in tokens):
            return [kept]  # "if Hamas violates the agreement": the truce waits for the deal being kept
        terms = self.book.terms_conditions.get(issue_id)
        if not named and terms and family in ("if", "unless", "only", "once") and any(t.tag_.startswith(("NN", "VB")) for t in tokens):
            # "will only join the force if it is led by the United States", "will not take part without a clear
            # framework": a condition that names no issue sets the terms of an issue that has them
            return [terms]
        return named

    def _surface_conditions(self, issue_span: set[int], issue_id: str, issue_at: Mapping[int, str]) -> list[tuple[str, str]]:
        """A condition written right after the issue ("will cease fighting only once the hostages are
        home", "no troops unless the fighting stops"), read off the words when the parse hangs the
        clause elsewhere: the first other issue after the marker, in the same clause."""
        doc = self.ctx.doc
        end = max(issue_span) + 1
        lead = doc[0].lower_ if len(doc) else ""
        if lead in ("if", "unless", "once", "only"):
            # "If and when the Security Council decides, Indonesia is prepared to deploy troops"
            comma = next((t.i for t in doc if t.lower_ == ","), None)
            if comma is not None and comma < min(issue_span):
                named = self._clause_issues(doc[1:comma], issue_at, issue_id)
                if named:
                    return [(named[0], lead if lead in ("if", "once") else "unless")]
        for i in range(end, min(len(doc), end + 10)):
            token = doc[i]
            if token.lower_ in (";", ":") or token.tag_ == ".":
                return []
            if token.i in issue_at and token.head.i not in issue_span:
                # another issue first: the marker, if any, is about that one (not one the issue's own
                # words name, as in "the next phase of the truce, contingent on ...")
                return []
            word = token.lower_
            family = None
            if word in ("unless", "until", "provided"):
                family = "until" if word == "until" else "unless"
            elif (word == "while" and any(t.lower_ in self.book.negation for t in doc[max(0, min(issue_span) - 4):min(issue_span)])
                  and any(_lemma_in(t, self.book.continuing_verbs) for t in doc[i + 1:i + 5])):
                # "vowed not to surrender its weapons while Israel occupies/NNS the land": only once it no longer does
                family = "if"
            elif word == "condition" and any(t.lower_ == "on" for t in doc[max(end, i - 2):i]):
                family = "unless"  # "..., but on the condition that these measures are part of a political framework"
            elif (_lemma_in(token, self.book.dependence_adjectives) and i + 1 < len(doc)
                  and doc[i + 1].lower_ in ("on", "upon")
                  and not any(t.lower_ in self.book.negation for t in doc[max(0, i - 2):i])):
                family = "unless"  # "..., contingent on Hamas releasing more hostages", whatever the parse made of it
            elif word in ("once", "after", "when", "if", "with") and any(t.lower_ == "only" for t in doc[max(end, i - 2):i]):
                family = "unless"
            elif word == "without" and any(t.lower_ == "no" for t in doc[max(0, min(issue_span) - 2):min(issue_span)]):
                family = "unless"  # "there will be no truce deal without talks on disarmament": only with them
            elif (word == "once" and (i + 1 >= len(doc) or doc[i + 1].lower_ not in ("again", "more"))
                  and doc[i - 1].lower_ not in ("at", "least", "than")  # "at once", "at least once": how often
                  or word == "as" and [t.lower_ for t in doc[i + 1:i + 3]] == ["soon", "as"]
                  and (i + 3 >= len(doc) or doc[i + 3].lower_ not in ("possible", "practicable", "feasible"))):
                # "to begin the reconstruction as soon as a ceasefire is reached": it waits for the truce
                family = "once"
            if family is None or family == "until" and any(_lemma_in(t, self.book.open_ends) for t in doc[i + 1:i + 3]):
                continue
            stop = i + 1
            found: list[tuple[str, str]] = []
            for j in range(i + 1, min(len(doc), i + 14)):
                if doc[j].lower_ in (";", ":") or doc[j].tag_ == "." or found and doc[j].lower_ in ("but", "while", "which", "who"):
                    break
                stop = j + 1
                if j in issue_at and (issue_at[j] != issue_id or family == "until"
                                      and issue_id in self.book.self_conditioning_issues):
                    if not found:
                        found.append((issue_at[j], family))
                        last = j
                    elif (issue_at[j], family) not in found and issue_at[j] != issue_id and issue_at.get(j - 1) != issue_at[j] and any(
                            doc[k].lower_ == "and" for k in range(last + 1, j)):
                        # "on the condition that Hamas is removed from power and Gaza is demilitarized": each is one
                        found.append((issue_at[j], family))
                        last = j
            if found:
                return found
            # "..., provided a credible path to Palestinian statehood is in place": words that name the
            # condition's issue only as a condition
            named = self._clause_issues(doc[i + 1:stop], {}, issue_id)
            return [(named[0], family)] if named else []
        return []

    def _required_first(self, node: Any, came_from: Any) -> Any:
        """What a condition noun names as required for the issue the walk comes from "for": X in "X is a
        condition for Y", "sees X as a key condition for Y", "made X a precondition for Y"; else None."""
        if came_from is None or not any(c.dep_ in ("case", "mark") and c.lower_ in ("for", "in", "to") for c in came_from.children):
            return None  # "a condition for ending the war", "a key condition in phase two", "a condition to release them"
        if _lemma_in(node, self.book.condition_nouns) or self._sole_means(node):
            noun, verb = node, node.head
        else:  # "made X a precondition/obj for any truce/obl": the parse hung the "for" phrase on the verb
            noun, verb = next((c for c in node.children if c.i != came_from.i and c.dep_ in ("obj", "obl", "xcomp")
                               and _lemma_in(c, self.book.condition_nouns)), None), node
            if noun is None:
                return None
        if any(c.dep_ == "cop" for c in noun.children):
            return next((c for c in noun.children if c.dep_ in ("nsubj", "csubj")), None) or self._relative_antecedent(noun)
        required = next((c for c in verb.children if c.i < noun.i and c.i != came_from.i and (
            c.dep_ == "obj" or c.dep_ == "obl" and _case(c) == "on")), None)
        if required is None and noun.dep_ == "nsubj" and _lemma_in(verb, self.book.composition_verbs) and not self.negated(verb):
            # "Israel's conditions for ending the war include the disarmament of Hamas": what they are made of
            required = next((c for c in verb.children if c.i > noun.i and c.dep_ in ("obj", "obl")), None)
        if required is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i:
            required = verb.head  # "the disarmament demanded by Israel as a condition for ending the war"
        return required

    def _relative_antecedent(self, noun: Any) -> Any:
        """What a relative pronoun stands for when a clause says what it is ("the disarmament of Hamas,
        which Israel says/acl:relcl is a prerequisite/ccomp for rebuilding"): the noun the relative clause
        hangs on, or the noun whose "of" phrase that is; else None."""
        clause = noun.head if noun.dep_ == "ccomp" else None
        if clause is None or clause.dep_ != "acl:relcl" or not any(
                c.tag_ == "WDT" and c.lower_ in ("which", "that") for c in clause.children):
            return None
        antecedent = clause.head
        if antecedent.dep_ == "nmod" and _case(antecedent) == "of" and antecedent.head.tag_.startswith("NN"):
            antecedent = antecedent.head  # the parser hangs the clause on the last noun of "the disarmament of Hamas"
        return antecedent

    def ruled_by_excluded_party(self, issue_token: Any, issue_id: str) -> bool:
        """Whether the issue is a verb of ruling, or a part in ruling sought, whose doer is only a party whose
        leaving it is the issue ("Hamas will no longer rule Gaza", "Hamas should not govern the Strip", "Hamas
        wants a role in running Gaza"): the issue's opposite."""
        parties = self._excluded_parties(issue_id)
        if not parties:
            return False
        # "Hamas is not seeking a role in governing Gaza": a part in ruling sought by such a party is its rule
        agents = self._role_seekers(issue_token)
        if not agents:
            # the tagger takes "rule" after "no longer" for a noun; its subject still makes it the verb
            subjects = [c for c in issue_token.children if c.dep_ == "nsubj"]
            if not _lemma_in(issue_token, self.book.ruling_verbs) or not (
                    issue_token.tag_.startswith("VB") or subjects
                    # (or its "to": "does not intend to govern/JJ Gaza", as the tagger has it)
                    or _to_infinitive(issue_token)):
                return False
            # ("Hamas said it is ready to stop governing Gaza": the subject of the verb it completes)
            agents = (subjects or self._issue_agents_named(issue_token) or _given_the_act(issue_token)
                      or _understood_doers(issue_token) or self._owner_of_intent(issue_token))
        actors: set[str] = set()
        for agent in agents:
            actors.update(self.np_holders(agent).actors or (self.ctx.resolve_pronoun(agent) if _is_pronoun(agent) else []))
        return bool(actors) and actors <= parties

    def _role_seekers(self, noun: Any) -> list[Any]:
        """Who seeks a part in ruling that a noun names ("Hamas is not seeking a role in governing Gaza", "Hamas
        wants a say in running Gaza"): the subject of the verb of wanting that takes the noun; no one else."""
        if not _lemma_in(noun, self.book.role_nouns) or not any(
                c.dep_ in ("acl", "advcl", "nmod") and _lemma_in(c, self.book.ruling_verbs)
                and any(m.dep_ in ("mark", "case") and m.lower_ == "in" for m in c.children) for c in noun.children):
            return []
        # (one that "must have no role" is told what it may not do, which the rules read apart: `_demanded_role`)
        if noun.dep_ == "obj" and noun.head is not noun and _lemma_in(noun.head, self.book.demand_verbs):
            return [c for c in noun.head.children if c.dep_ == "nsubj"]
        return []

    def _owner_of_intent(self, verb: Any) -> list[Any]:
        """Who means to do what a verb names when it completes a noun of intent ("Hamas indicated a willingness
        to stop/acl governing/advcl Gaza", "Hamas's readiness to stop governing"): the noun's owner, or the
        subject of the verb that takes the noun."""
        node = verb
        for _ in range(3):
            if node.dep_ not in ("xcomp", "advcl", "acl") or node.head is node:
                return []
            if node.dep_ == "acl":
                break
            node = node.head
        noun = node.head
        if not (node.dep_ == "acl" and _lemma_in(noun, self.book.intent_nouns)
                and _to_infinitive(node)):
            return []
        owners = [c for c in noun.children if c.dep_ == "nmod:poss"]
        if owners or noun.dep_ != "obj":
            return owners
        return [c for c in noun.head.children if c.dep_ == "nsubj"]

    def _party_kept_from(self, verb: Any, issue_id: str) -> bool:
        """Whether a verb's object, or its subject in the passive, is a party whose leaving the issue is the
        issue (lemmas.yaml excluded_parties: Hamas, for governance)."""
        parties = self._excluded_parties(issue_id)
        if not parties:
            return False

        def kept(word: Any) -> list[Any]:  # "exclude Hamas", "Hamas is excluded", "wants Hamas/nsubj excluded/VBN"
            return [c for c in word.children
                    if c.dep_ in ("obj", "nsubj:pass") or c.dep_ == "nsubj" and word.tag_ == "VBN"]

        who = kept(verb)
        if not who and verb.dep_ == "conj":
            who = kept(verb.head)  # "Hamas must be disarmed and excluded from governance"
        if not who and any(c.dep_ == "aux:pass" and c.lower_ == "being" for c in verb.children):
            who = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "Hamas rejected being excluded from it"
        if not who:
            who = _understood_doers(verb)  # "Hamas refused to be excluded from governance"
        return any(set(self.np_holders(c).actors) & parties for c in who)

    def _party_role(self, issue_token: Any, issue_span: set[int], issue_id: str) -> bool:
        """Whether the issue is named as the share in it of a party whose leaving it is the issue ("a role for
        Hamas in the governance of Gaza", "Hamas's involvement in governance"), read off the words before it."""
        parties = self._excluded_parties(issue_id)
        doc = issue_token.doc
        first = min(issue_span | {issue_token.i})
        if not parties:
            return False
        if _lemma_in(doc[first], self.book.role_nouns) and doc[first].tag_.startswith("NN"):
            role = first  # the issue's own words begin with the role ("Hamas's role in governance"; not "future governance")
        else:
            k = first - 1
            while k >= 0 and (doc[k].tag_ in ("JJ", "JJR", "DT") or doc[k].lower_ in ("the", "any", "a")):
                k -= 1  # "in the future governance", "in any future governance"
            if k < 0 or doc[k].lower_ != "in":
                return False
            role = next((t.i for t in reversed(doc[max(0, k - 5):k]) if _lemma_in(t, self.book.role_nouns)), None)
            if role is None:
                return False
        verb = doc[role].head
        if role == first and doc[role].dep_ == "obj" and _lemma(verb) in ("have", "play") and any(
                c.dep_ == "nsubj" and self.ctx.actor_at.get(c.i) in parties for c in verb.children):
            return True  # "Hamas can have no role in governing Gaza": the role is the issue's own first word
        around = list(doc[max(0, role - 3):first])  # "Hamas's role in", "role for Hamas in", "whose involvement in"
        if any(t.lower_ == "whose" for t in around):
            whose = next(t for t in around if t.lower_ == "whose")
            around += [t for t in doc[max(0, whose.i - 2):whose.i] if t.i in self.ctx.actor_at]
        return any(self.ctx.actor_at.get(t.i) in parties for t in around)

    def _condition_clauses(self, node: Any, issue_span: set[int]) -> list[tuple[Any, str]]:
        """Condition clauses and phrases on a predicate, or on its purpose clause ("remain ... to exert
        pressure until Hamas disarms"), that do not contain the issue itself."""
        found = []
        frontier = [(child, 0) for child in node.children]
        while frontier:
            child, depth = frontier.pop(0)
            if (depth == 0 and child.dep_ == "acl" and node.i in issue_span
                    and any(c.dep_ == "aux:pass" and c.tag_ == "VB" for c in child.children)):
                # "any force to be authorised/acl by a resolution": what the issue is still to be given
                frontier.extend((grandchild, 1) for grandchild in child.children)
                continue
            if (depth == 0 and child.dep_ == "acl" and child.tag_ == "VBN" and node.i in issue_span
                    and (_lemma_in(child, self.book.placement_verbs) or _lemma_in(child, self.book.enacting_verbs))):
                # "forces deployed/acl with a Security Council mandate", "a force established by a UN resolution":
                # a mandate of no particular text is one the issue waits for ("the force established by
                # Resolution 2803" names the one it has; "a ceasefire aligned with UN resolutions" only says
                # what it agrees with)
                frontier.extend((grandchild, 1) for grandchild in child.children
                                if _lemma_in(grandchild, self.book.mandate_nouns) and _indefinite(grandchild))
                continue
            if depth == 0 and child.dep_ == "obj":
                # "will release the hostages it holds/acl:relcl in exchange for a truce": the parser hung the
                # condition on the clause that says who holds them
                frontier.extend((grandchild, 1) for relative in child.children
                                if relative.dep_ == "acl:relcl" and _lemma_in(relative, self.book.captor_verbs)
                                and any(_is_pronoun(c) for c in relative.children if c.dep_ == "nsubj")
                                for grandchild in relative.children if grandchild.i > relative.i)
            if (child.dep_ not in _OBLIQUE and child.dep_ not in ("xcomp", "obl:agent") and not _cased_object(child)
                    and not (child.dep_ == "parataxis" and self._inverted(child)) and not _subordinated_relative(child)
                    or any(t.i in issue_span for t in child.subtree)):
                continue
            family = self.condition_family(child)
            if family:
                found.append((child, family))
                # "conditioned the extension on Hamas/obl accepting/advcl the plan": the parse split the
                # gerund's clause from its subject; the condition is both
                found.extend((gerund, family) for gerund in node.children
                             if gerund.dep_ == "advcl" and gerund.tag_ == "VBG" and gerund.i == child.right_edge.i + 1
                             and not any(t.i in issue_span for t in gerund.subtree))
            elif depth == 0 and child.dep_ in ("advcl", "xcomp") and _to_infinitive(child):
                frontier.extend((grandchild, 1) for grandchild in child.children)  # a purpose clause
            elif depth == 0 and child.dep_.startswith("obl") and _lemma_in(child, self.book.time_units):
                # "extend the truce for six weeks in exchange/nmod for more releases": the parser hung the
                # condition on the span of time, which is the predicate's
                frontier.extend((grandchild, 1) for grandchild in child.children if grandchild.dep_ in ("nmod", "acl", "acl:relcl"))
        return found

    def _fused_agent(self, modifier: Any) -> str | None:
        """The actor fused with a stance participle in front of a noun ("U.S.-brokered",
        "Egyptian-mediated"), or None."""
        ctx = self.ctx
        actor, participle = None, None
        if "-" in modifier.text and (modifier.i in ctx.actor_at or modifier.i in ctx.sponsor_at):
            # the actor may be inside the issue's own name ("the U.S.-backed plan")
            actor = ctx.actor_at.get(modifier.i) or ctx.sponsor_at[modifier.i]
            participle = modifier.text.rsplit("-", 1)[-1]
        elif modifier.tag_ == "VBN":
            parts = [p for p in modifier.children if p.dep_ in ("amod", "compound", "obl:npmod", "nmod", "obl", "obl:unmarked")]
            # "the president's proposed board": the possessor of the noun the participle qualifies
            parts += [p for p in modifier.head.children if p.dep_ == "nmod:poss" and p.i < modifier.i]
            for part in parts:
                actor = self._actor_named(part) or ctx.sponsor_at.get(part.i)
                if actor:
                    participle = modifier.text
                    break
        if not actor or not participle:
            return None
        lemma = participle.lower()
        return actor if any(c in self.book.support_verbs for c in lemma_candidates(lemma, lemma)) else None

    def _fused_agents(self, noun: Any, issue_id: str) -> list[Finding]:
        """"The U.S.-brokered agreement", "the Egyptian-mediated truce": a participle of a stance verb
        with its agent fused in front of the issue noun."""
        if not self.book.enabled("agent_of_passive") or not noun.tag_.startswith("NN"):
            return []
        for child in noun.children:
            if child.dep_ not in ("amod", "compound"):
                continue
            actor = self._fused_agent(child)
            if actor:
                actors = [actor]
                if child.tag_ == "VBN" and self.book.enabled("coordination"):
                    # "the US and Israeli-backed foundation": each agent coordinated before the participle
                    for part in child.children:
                        for conj in part.conjuncts:
                            other = self._actor_named(conj) or self.ctx.demonyms.get(conj.text)
                            if other and other not in actors:
                                actors.append(other)
                return self._finish(Holders(actors, ("coordination",) if len(actors) > 1 else ()), "agent_of_passive",
                                    issue_id, 1, [], [], _lemma(child), [f"{child.i}:{child.text}/{child.tag_}/{child.dep_}"])
        return []

    def _passive_partners(self, noun: Any, issue_id: str, inverse: bool) -> list[Finding]:
        """"The plan was welcomed by Hamas but rejected by Israel": a second passive verb that shares the issue as
        its subject, with an agent of its own (the walk up from the issue reaches the first verb only)."""
        book = self.book
        if not book.enabled("agent_of_passive"):
            return []
        while noun.dep_ == "compound" and noun.head is not noun:
            noun = noun.head
        first = noun.head
        if noun.dep_ not in ("nsubj", "nsubj:pass") or not first.tag_.startswith("VB"):
            return []
        # the issue as what a first verb judges or receives ("was endorsed by", "received a welcome from"), not
        # as the subject of any act ("the reopening follows the truce, brokered by Egypt"), nor what is wished
        # for ("must be Palestinian-led and supported by ...")
        if not (noun.dep_ == "nsubj:pass" or self.cue_sign(first)[0] or _lemma_in(first, book.receiving_verbs)) or any(
                c.tag_ == "MD" for c in first.children):
            return []
        findings: list[Finding] = []
        for verb in first.children:
            if (verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.i < first.i
                    or any(c.dep_ in _SUBJECTS for c in verb.children)):
                continue
            agent = next((c for c in verb.children if c.dep_ == "obl:agent" or c.dep_ == "obl" and _case(c) == "by"), None)
            sign = self.cue_sign(verb)[0]
            holders = self.np_holders(agent) if agent is not None and sign else Holders([])
            if not holders.actors:
                continue
            rules = ["cue_polarity"] if sign < 0 else []
            if any(c.dep_ == "advmod" and c.lower_ in ("not", "never") for c in verb.children) and book.enabled("negation"):
                sign, rules = -sign, [*rules, "negation"]
            if inverse and book.enabled("inverse_issue"):
                sign, rules = -sign, [*rules, "inverse_issue"]
            findings += self._finish(holders, "agent_of_passive", issue_id, sign, [], rules, _lemma(verb),
                                     [f"{noun.i}:{noun.text}/{noun.tag_}/{noun.dep_}", f"{verb.i}:{verb.text}/{verb.tag_}/conj"])
        return findings

    def _author(self, plan: Any) -> Holders:
        """Who puts a plan forward as the subject of a verb of authoring it ("Russia presented/circulated
        a draft"), or no one."""
        if plan.dep_ == "obj" and self._authoring(plan.head):
            found = self.subject_holders(plan.head)
            if found is not None:
                return found[0]
        return Holders([])

    def sponsors(self, plan: Any) -> Holders:
        """Who puts a plan forward: "Trump's plan", "the Egyptian proposal", "the U.S.-drafted
        resolution", "a proposal from Qatar", "the plan drafted by Egypt"."""
        ctx = self.ctx
        # "a draft UN resolution, crafted by the U.S.": who drafted it, not the body it is put to
        drafter = self._participle_agent(plan, lambda participle: self.cue_sign(participle)[0] > 0)
        if drafter.actors:
            return drafter
        for child in plan.children:
            dep = child.dep_
            if child.i in ctx.sponsor_at and dep in ("nmod:poss", "amod", "compound"):
                return Holders([ctx.sponsor_at[child.i]])
            if dep == "nmod:poss" or dep == "nmod" and _case(child) in ("from", "by"):
                holders = self.np_holders(child)
                if holders.actors:
                    return holders
            elif dep in ("amod", "compound"):
                actor = None
                if child.i not in ctx.issue_tokens:
                    actor = self._actor_named(child)
                actor = actor or self._fused_agent(child)
                if actor:
                    return Holders([actor])
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in plan.children) and not any(
                c.dep_ in ("nmod:poss", "nmod", "acl", "acl:relcl", "appos") or c.i in ctx.actor_at for c in plan.children):
            owners = ctx.plan_owner_before(_lemma(plan)) if self.book.enabled("plan_reference") else []
            speaker, _ = ctx.speaker()
            if speaker and speaker not in owners:
                owners = []  # '"The resolution imposes a guardianship," Hamas said': the plan as its opponent tells it
            if owners:
                return Holders(list(owners), ("plan_reference",))
        return Holders([])

    def owned_plans(self) -> list[tuple[int, str, list[str]]]:
        """(offset, lemma, owners) of each plan this sentence names with its owner ("his 20-point plan")."""
        owned = []
        for token in self.ctx.doc:
            if token.tag_.startswith("NN") and _lemma(token) in self.book.proposal_nouns and any(
                    c.dep_ != "det" for c in token.children):
                holders = self.sponsors(token)
                # the body a resolution is put to ("the UN resolution") is no owner a later "the resolution" names,
                # but the body that adopts it is
                owners = ([a for a in holders.actors if a not in self.book.condition_actors]
                          if "plan_reference" not in holders.rules else [])
                owners += [a for a in self.adopting_bodies(token) if a not in owners]
                if owners:
                    owned.append((self.ctx.offset + token.idx, _lemma(token), owners))
        return owned

    def _predicated_breach(self, noun: Any) -> bool:
        """"These measures constitute a violation of the truce", "it would be a grave violation": a breach
        said of something, as the predicate of its clause."""
        head = noun.head
        if noun.dep_ in ("obj", "attr", "xcomp") and _lemma(head) in ("constitute", "represent", "amount", "be"):
            return True
        return any(c.dep_ == "cop" for c in noun.children) and any(c.dep_ in _SUBJECTS for c in noun.children)

    def _condemned_breach(self, noun: Any) -> bool:
        """"Pakistan condemned the violation of the ceasefire by Israel": a breach that a verb of judging takes
        as its object (lemmas.yaml judge_verbs that reject: condemn, denounce, deplore, slam ...)."""
        verb = noun.head
        return (noun.dep_ == "obj" and verb is not noun and verb.tag_.startswith("VB") and _lemma_in(verb, self.book.judge_verbs) is not None
                and self.cue_sign(verb)[0] < 0)

    def _charged_breach(self, verb: Any) -> bool:
        """A breach someone charges ("Qatar said it violated the truce", "accused Israel of violating the
        truce", "decried the move as violating the agreement"), not one merely told."""
        if not verb.tag_.startswith("VB") or not _lemma_in(verb, self.book.violation_verbs):
            return False
        return self._charged_act(verb)

    def _charged_act(self, verb: Any) -> bool:
        """Whether an act is charged by someone rather than told: a clause someone reports, a gerund
        named "as" or charged "of" or "for", the act of an accusing, judging or naming verb."""
        return (self._reported_act(verb) or verb.tag_ == "VBG" and any(c.dep_ in ("mark", "case") and c.lower_ in ("as", "of", "for")
                                                                        for c in verb.children)
                or _lemma_in(verb.head, self.book.accuse_verbs) or _lemma_in(verb.head, self.book.judge_verbs)
                or _lemma_in(verb.head, self.book.naming_verbs))

    def _undoing(self, verb: Any) -> bool:
        """Whether a verb is an actor's undoing a deal (`undoing_verbs`: "Israel broke the truce", "the truce
        was broken by Israel", "Israel is trying to destroy the truce deal", "..., cutting short the truce")."""
        heads, complements = _entries_by_head(self.book.undoing_verbs)
        if not any(form in heads or any(c.lower_ in complements.get(form, ()) for c in verb.children)
                   for form in verb.lemma_forms):
            return False
        if not any(c.dep_ in ("obj", "nsubj:pass") and _lemma_in(c, self.book.deal_nouns) for c in verb.children):
            return False
        actor_at = self.ctx.actor_at
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "obl:agent")] or _understood_doers(verb)
        return any(t.i in actor_at for d in doers for t in (d, *d.children) if t.dep_ not in ("case",))

    def _reported_act(self, verb: Any) -> bool:
        """Whether a clause is someone else's report of an act ("Qatar said it violated the truce"): a
        complement of a reporting verb."""
        return verb.dep_ in ("ccomp", "parataxis") and self.cue_sign(verb.head)[1] == "report"

    def _characterization(self, noun: Any) -> Any:
        """The naming verb when a noun is what something is called ("called it a coup", "denounced the
        move as an attack", "labelled the decision a violation"), else None."""
        if not noun.tag_.startswith("NN") or noun.i in self.ctx.actor_at:
            return None
        verb = noun.head
        if not verb.tag_.startswith("VB") or not _lemma_in(verb, self.book.naming_verbs):
            return None
        if noun.dep_ in ("xcomp", "obl", "advcl") or noun.dep_ == "obj" and any(
                c.dep_ in ("obj", "iobj") and c.i < noun.i for c in verb.children):
            return verb
        return None

    def _small_clause_predicate(self, verb: Any, obj: Any) -> Any:
        """The predicate of a reported clause the parse split in two ("stated the idea of disarmament is
        unacceptable": "idea" the verb's object, "unacceptable" its clause): a clause after the object
        with no subject of its own, or None."""
        for child in verb.children:
            if (child.dep_ in ("advcl", "obl") and child.i > obj.i and child.tag_.startswith("JJ")
                    and any(c.dep_ in ("case", "mark") and c.lower_ == "as" for c in child.children)):
                return child  # "described the agreement as crucial/advcl", "sees the truce as vital"
            if (child.dep_ in ("ccomp", "xcomp") and child.i > obj.i and child.tag_[:2] in ("JJ", "VB")
                    and not any(c.dep_ in _SUBJECTS or c.dep_ == "mark" and c.lower_ == "to" for c in child.children)
                    and all(t.i > obj.i for t in child.subtree)):
                return child
        return None

    def _reported_description(self, clause: Any) -> bool:
        """Whether a reported clause only describes a thing ("the resolution transforms the force",
        "the proposal included a pause"): a subject that names no actor, and no stance word, modal,
        demand or negation of its own. Reporting it says what the speaker claims, not what it wants."""
        if clause is None or clause.dep_ not in ("ccomp", "parataxis"):
            return False
        subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
        verbal = clause.tag_.startswith("VB") or any(c.dep_ == "obj" for c in clause.children)
        if not subjects and verbal:
            # "the resolution "falls short", "the resolution imposes/NNS": the parse made the subject a compound
            subjects = [c for c in clause.children if c.dep_ == "compound" and c.i < clause.i and c.tag_.startswith("NN")]
        if not verbal:
            return False  # "the truce is a triumph": a judgement; but "the resolution imposes/NNS a trusteeship" is a verb
        if not subjects and clause.tag_ in ("VB", "JJ"):
            return False  # an order ("stop the war") has no subject; a gerund or a finite verb the parse cut off its subject has
        if any(c.tag_ == "PRP" for c in subjects):
            return False
        if any((self.np_holders(c).actors or self._listed_members(c).actors) and not _lemma_in(c, self.book.act_nouns)
               and _lemma(c) not in self.book.proposal_nouns  # "the US proposal includes ...": a text, whoever wrote it
               for c in subjects):
            return False  # an actor's claim about itself; but "the Israeli strikes exposed the hostages": an act
        if not _counterfactual(clause) and (
                self.has_intent(clause) or self.has_deontic(clause) or self.negated(clause)
                or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)):
            return False
        named = {t.i for c in subjects for t in c.subtree}  # "the proposal included ...": a plan is no stance word
        # "imposes a trusteeship mechanism, which our people reject": the relative clause judges the mechanism
        named |= {t.i for t in clause.subtree if t.dep_ in ("acl:relcl", "advcl:relcl") or t.dep_ == "dep" and t.tag_ == "WDT"
                  for t in t.subtree}
        # '... "exposed the hostages to an unknown fate" and called on mediators to intervene': another act
        named |= {t.i for c in clause.children if c.dep_ == "conj" and c.tag_.startswith("VB") for t in c.subtree}
        return not any(self.cue_sign(t)[0] for t in clause.subtree if t.tag_[:2] in ("VB", "JJ", "NN") and t.i not in named)

    def _plan_content(self, verb: Any) -> bool:
        """Whether a clause is framed as what a plan or deal contains ("under the deal, Israel would
        withdraw", "according to the plan", "as part of the agreement"): its subject is a party the
        terms name, not a holder. A stance verb in the past stays a stance ("under the deal, Hamas
        agreed to ...")."""
        book = self.book
        if not (self.has_intent(verb) or self.has_deontic(verb)):
            return False  # "under the deal, Hamas released the hostages": what a party did, not the terms
        if any(c.dep_ == "advmod" and c.lower_ == "only" for c in verb.children):
            return False  # "will only release the hostages under the terms of the deal": the party's own condition
        doc = verb.doc
        children = list(verb.children)
        if verb.head.tag_.startswith("VB") and (verb.dep_ in ("conj", "parataxis") or verb.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in verb.children)):
            # "Under that phase, Israel would pull back and/while Hamas would disarm": a fronted frame covers both
            children += [c for c in verb.head.children if c.i < verb.head.i]
        for child in children:
            if child.dep_ not in ("obl", "advcl"):
                continue
            marker = next((c.lower_ for c in child.children if c.dep_ in ("case", "mark")), "")
            before = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
            if not marker and before is not None and before.head.i == verb.i and before.dep_ == "mark":
                marker = before.lower_  # "As/mark part of the deal": the parse hung "as" on the verb
            part = _lemma(child) in book.part_nouns
            if marker not in book.content_frames and not (part and marker == "in"):
                continue
            frame = child
            if part:  # "as part of the deal"
                frame = next((c for c in frame.children if c.dep_ == "nmod" and _case(c) == "of"), None)
                if frame is None:
                    frame = child  # "under that phase", "in the second stage": a stage of the plan in view
                    if not any(c.dep_ in ("det", "amod", "nummod") for c in frame.children):
                        continue
            if frame is not child or not part:
                if _lemma(frame) not in book.proposal_nouns and _lemma(frame) not in book.deal_nouns:
                    continue
            if any(c.dep_ in ("amod", "acl") and c.tag_ == "VBN" and _lemma_in(c, book.adopting_verbs) and self._agent(c) is None
                   for c in frame.children):
                return False  # "under the freshly adopted plan, the army will ...": the approver's own plan
            found = self.subject_holders(verb)
            if found is not None and set(found[0].actors) <= set(self.sponsors(frame).actors):
                return False  # "under its own plan, Israel would ...": the sponsor's terms are its stance
            return True
        return False

    def _sponsored_terms(self, node: Any, came_from: Any, issue_id: str, sign: int, rules: list[str],
                         path: list[str]) -> list[Finding]:
        """The sponsor of a plan backs what the plan says: the issue is what a plan "calls for", what
        happens "under" a plan, or what a plan is "to" do."""
        book = self.book
        plans = []
        # "The plan calls/NNS for ...": a word with a subject is a verb whatever its tag says
        if node.tag_.startswith("VB") or node.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in node.children):
            if self.negated(node) or self.cue_sign(node)[0] < 0 or self.cue_sign(node)[1] == "report":
                return []
            for child in node.children:
                if came_from is not None and child.i == came_from.i:
                    continue
                if child.dep_ == "nsubj" and child.lower_ in _RELATIVE_PRONOUNS and node.dep_ in _CLAUSE_EDGES:
                    plans.append(node.head)  # "the US-brokered deal, which proposes a force": the deal proposes it
                elif child.dep_ == "nsubj" or child.dep_ == "obl" and _case(child) == "under":
                    plans.append(child)
        elif node.tag_.startswith("NN") and came_from is not None and (
                came_from.dep_ == "acl" or came_from.dep_ == "nmod" and _case(came_from) in ("for", "on")):
            plans.append(node)
        found: list[Finding] = []
        for plan in plans:
            if _lemma(plan) in book.part_nouns:
                whole = [c for c in plan.children if c.dep_ == "nmod" and _case(c) == "of"]
                plan = whole[0] if whole else plan
            if _lemma(plan) not in book.proposal_nouns:
                continue
            holders = self.sponsors(plan)
            adopters = [a for a in self.adopting_bodies(plan) if a not in holders.actors]
            if adopters:
                holders = Holders([*holders.actors, *adopters], holders.rules)
            if holders.actors:
                found += self._finish(holders, "sponsor_of_terms", issue_id, sign, [], rules, _lemma(plan),
                                      path + [f"{plan.i}:{plan.text}/{plan.tag_}/{plan.dep_}"])
        return found

    def adopting_bodies(self, plan: Any) -> list[str]:
        """The bodies whose decisions stand for an issue (lemmas.yaml condition_actors: the UN) that this
        sentence says adopt the plan ("the Security Council adopted a US-drafted resolution", "the
        resolution, passed by the Security Council"): a body that adopts a text makes its terms its own,
        where the body a draft is merely put to does not."""
        bodies = self.book.condition_actors
        # (verb, whether the plan is its object): an active verb's subject adopts its object, a passive
        # one's or a participle's agent adopts what it is said of
        verbs = [(plan.head, True)] if plan.dep_ == "obj" else [(plan.head, False)] if plan.dep_ == "nsubj:pass" else []
        verbs += [(c, False) for c in plan.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        adopters: list[str] = []
        for verb, plan_is_object in verbs:
            if not verb.tag_.startswith("VB") or _lemma_in(verb, self.book.adopting_verbs) is None or self.negated(verb):
                continue
            found = self.subject_holders(verb) if plan_is_object else self._agent(verb)
            if found is not None:
                adopters += [a for a in found[0].actors if a in bodies and a not in adopters]
        return adopters

    def _confines_a_remit(self, node: Any) -> bool:
        """Whether a limiting verb confines a remit to a task ("limit their role to peacekeeping", "restrict their
        mission to/mark monitoring/advcl the truce"): its object is a remit and a "to" follows it, inside the object's
        phrase or in a phrase of the verb after it."""
        if not _lemma_in(node, self.book.limiting_verbs):
            return False
        remits = [c for c in node.children if c.dep_ == "obj" and _lemma_in(c, self.book.remit_nouns)]
        # (the "to" phrase on the verb, as `_limited_to` reads it, or hung by the parser on the remit: "role [to
        # peacekeeping/acl]")
        return bool(remits) and (bool(_limit_phrase(node)) or any(t.lower_ == "to" for r in remits for t in r.subtree))

    def _part_taken(self, node: Any, came_from: Any) -> bool:
        """Whether the verb the walk reached takes the part its object names ("have a role", "play any role"), so
        that its negation refuses the part."""
        return (came_from is not None and came_from.dep_ == "obj" and node.tag_.startswith("VB")
                and bool(_lemma_in(node, self.book.role_verbs)) and bool(_lemma_in(came_from, self.book.remit_nouns)))

    def _unhelped_object(self, node: Any, came_from: Any) -> bool:
        """Whether the verb the walk reached says a thing, not an actor, fails to help its object (what the walk
        came from, or an infinitive the parser hung on it): "the sanctions do not advance efforts to reach a
        ceasefire" wants the ceasefire."""
        return (node.tag_.startswith("VB") and came_from is not None and self.negated(node)
                and (came_from.dep_ == "obj" or came_from.dep_ in ("xcomp", "advcl")
                     and _to_infinitive(came_from)
                     or _listed_after_infinitive(node, came_from))
                and _lemma_in(node, self.book.helping_verbs) is not None and not self._done_by_an_actor(node))

    def _done_by_an_actor(self, verb: Any) -> bool:
        """Whether the one doing what a verb says, its subject or understood doer, is an actor or a pronoun (not a
        thing: "the sanctions", "the strikes")."""
        return any(c.i in self.ctx.actor_at or _is_pronoun(c)
                   for c in [c for c in verb.children if c.dep_ in _SUBJECTS] or _understood_doers(verb))

    def _harms_object(self, node: Any, came_from: Any) -> bool:
        """Whether the verb the walk reached says its object (what the walk came from) is harmed or broken:
        "could jeopardize the ceasefire", "violated the agreement"."""
        return (node.tag_.startswith("VB") and came_from is not None and came_from.dep_ == "obj" and not self.negated(node)
                and (_lemma_in(node, self.book.victim_harm_verbs) is not None or self._charged_breach(node)))

    def _state_recipient(self, noun: Any) -> bool:
        """Whether what the noun names goes "to" a state the dictionary knows ("aid to Jordan and Egypt"),
        in the noun's own phrase or hung by the parser on the verb right after it."""
        candidates = [c for c in noun.children if c.dep_ == "nmod" and _case(c) == "to"]
        if noun.head.tag_.startswith("VB"):
            candidates += [c for c in noun.head.children if c.dep_ == "obl" and _case(c) == "to" and c.i > noun.i
                           and c.left_edge.i == noun.right_edge.i + 1]
        return any((self.ctx.actor_at.get(t.i) or "").lower() in self.book.aid_recipient_states  # the lists are lower case
                   for c in candidates for t in c.subtree if t.dep_ != "case")

    def other_actor_acts(self, path: tuple[str, ...] | list[str], holders: Holders) -> bool:
        """Whether the clause the walk started in has an actor other than `holders` for its subject."""
        first = path_index(path[0]) if path else None
        if first is None:
            return False
        node = self.ctx.doc[first]
        # the first word up from the issue with a subject of its own (the parser may tag the verb a noun)
        while not any(c.dep_ in ("nsubj", "nsubj:pass") for c in node.children) and node.head.i != node.i:
            node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")]
        actors = {self.ctx.actor_at[t.i] for c in subjects for t in c.subtree if t.i in self.ctx.actor_at}
        return bool(actors - set(holders.actors))

    def _parties(self, noun: Any, issue_id: str) -> list[Finding]:
        """"The truce deal between Hamas and Israel", "a truce with Hamas": the parties to a deal
        accept it (an implicit stance in the annotation guideline)."""
        if not self.book.enabled("party_to_deal") or _lemma(noun) not in self.book.deal_nouns:
            return []
        holders: list[str] = []
        for child in noun.children:
            if child.dep_ in ("nmod", "acl") and _case(child) in ("between", "with"):
                holders.extend(self.np_holders(child).actors)
                holders.extend(a for c in child.conjuncts for a in self.np_holders(c).actors)
        holders = _unique(holders)
        if not holders:
            return []
        return self._finish(Holders(holders), "party_to_deal", issue_id, 1, [], [], _lemma(noun),
                            [f"{noun.i}:{noun.text}/{noun.tag_}/{noun.dep_}"])

    def _relative_cues(self, noun: Any, issue_id: str, issue_at: Mapping[int, str] | None = None) -> list[Finding]:
        """Stances in a clause or apposition that modifies a noun naming the issue: "the plan proposed by
        Egypt", "the deal Israel accepted", "a clause that it disarm, an Israeli demand which
        the group has turned down"."""
        if not noun.tag_.startswith("NN"):
            return []
        findings = []
        # an apposition the parser made a conjunct ("the peace framework, a plan that Netanyahu endorsed"):
        # no "and" or "or" joins it
        targets = [noun] + [c for c in noun.children if c.tag_.startswith("NN") and (
            c.dep_ == "appos" or c.dep_ == "conj" and not any(g.dep_ == "cc" for g in c.children))]
        for target in targets:
            if target is not noun:
                sign, kind = self.cue_sign(target)
                if kind == "noun" and self.book.enabled("possessor_of_cue"):
                    found = self.subject_holders(target)
                    if found is not None and found[1] == "possessor_of_cue":
                        findings += self._finish(found[0], "possessor_of_cue", issue_id, sign, [],
                                                 ["cue_polarity"] if sign < 0 else [], _lemma(target),
                                                 [f"{target.i}:{target.text}/{target.tag_}/{target.dep_}"])
            clauses = []
            for child in target.children:
                relative = child.dep_ in ("acl", "acl:relcl") or child.dep_ == "amod" and any(
                    g.dep_ in _SUBJECTS and g.lower_ in _RELATIVE_PRONOUNS for g in child.children)
                if child.dep_ == "conj" and child.tag_ == "VBN" and child.i > target.i and any(
                        c.dep_ == "acl" and c.tag_ == "VBN" and c.i < child.i for c in target.children):
                    clauses.append(child)  # the same, where the parse joined the second participle to the noun
                elif relative and child.tag_[:2] in ("VB", "JJ"):
                    clauses.append(child)
                    if child.dep_ == "acl" and child.tag_ == "VBN":
                        # "the plan, brokered by Trump and backed by Qatar": each participle joined to it has its agent
                        clauses += [c for c in child.children if c.dep_ == "conj" and c.tag_ == "VBN" and c.i > child.i]
            for child in clauses:
                relative = next((c for c in child.children if c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in _RELATIVE_PRONOUNS), None)
                if relative is not None and _lemma_in(child, self.book.receiving_verbs):
                    # "the plan, which received the endorsement of Netanyahu, ...": the backing the plan received
                    received = self._received_backing(_WalkState(noun, {noun.i}, issue_id, issue_at or {}, node=child,
                                                                 came_from=relative))
                    findings += received or []
                    continue
                sign, kind = self.cue_sign(child)
                if kind == "report" and issue_at is not None:
                    findings += self._reported_relative(child, issue_id, issue_at)
                    continue
                if kind not in ("verb", "adjective"):
                    continue
                found = self._agent(child) if kind == "verb" else None
                if kind == "adjective":
                    judged = self.subject_holders(child)
                    found = judged if judged is not None and judged[1] == "judge_of_predicate" else None
                if found is None:
                    for sub in child.children:
                        if sub.dep_ == "nsubj" and sub.lower_ not in _RELATIVE_PRONOUNS:
                            holders = self.np_holders(sub)
                            if holders.actors:
                                found = (holders, "subject_of_cue")
                            break
                if found is None:
                    continue
                holders, how = found
                if not self.book.enabled(how):
                    continue
                negate = self.negated(child)
                polarity_sign = sign * (-1 if negate else 1)
                rules = ["cue_polarity"] if sign < 0 else []
                if negate:
                    rules.append("negation")
                findings += self._finish(holders, how, issue_id, polarity_sign, [], rules, _lemma(child),
                                         [f"{child.i}:{child.text}/{child.tag_}/{child.dep_}"])
        return findings

    def _reported_relative(self, verb: Any, issue_id: str, issue_at: Mapping[int, str]) -> list[Finding]:
        """A relative clause that reports its subject's stance on the noun ("a permanent ceasefire, which Israel
        says it will only agree to if Hamas disarms"): the reporter holds what the reported verb says, with the
        conditions on that verb; a reported verb whose subject names someone else is that one's, not read here."""
        holders = next((self.np_holders(c) for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_PRONOUNS),
                       None)
        if holders is None or not holders.actors or not self.book.enabled("relative_antecedent"):
            return []
        for said in verb.children:
            sign, kind = self.cue_sign(said)
            if said.dep_ != "ccomp" or kind != "verb" or not sign:
                continue
            subjects = [c for c in said.children if c.dep_ in _SUBJECTS]
            if any(not _is_pronoun(c) and self.ctx.actor_at.get(c.i) not in holders.actors for c in subjects):
                continue
            rules = ["cue_polarity"] if sign < 0 else []
            if self.negated(said):
                sign = -sign
                rules.append("negation")
            conditions = []
            if self.book.enabled("condition_clause"):
                for clause, family in self._condition_clauses(said, set()):
                    conditions += [(c, family) for c in self._clause_issues(clause.subtree, issue_at, issue_id, family)]
            return self._finish(holders, "relative_antecedent", issue_id, sign, conditions, rules, _lemma(said),
                                [f"{verb.i}:{verb.text}/{verb.tag_}/{verb.dep_}", f"{said.i}:{said.text}/{said.tag_}/{said.dep_}"])
        return []

    def introduced_list(self) -> tuple[Holders, int] | None:
        """Who states the items of a list this sentence introduces with a colon, and whether they back
        or reject them ("The ministers reaffirmed their commitment to a deal that would:"), or None."""
        doc = self.ctx.doc
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or not self.book.enabled("item_of_list"):
            return None
        sign, kind = self.cue_sign(root)
        nouns = [c for c in root.children if c.dep_ in ("obj", "xcomp", "ccomp") and c.tag_.startswith("NN")]
        noun_signs = [self.cue_sign(c)[0] for c in nouns]
        if not sign and kind != "report" and not any(noun_signs):
            return None
        if not sign:
            sign = -1 if -1 in noun_signs else 1
        if self.negated(root):
            sign = -sign
        found = self.subject_holders(root)
        if found is None or found[1] not in ("subject_of_cue", "agent_of_passive"):
            return None
        return found[0], sign

    def _demanded_clause(self, node: Any) -> bool:
        """Whether a clause is what a demand verb or noun asks for ("urged ... that Israel commits",
        "demands that Israeli troops withdraw"): its subject is asked, not the one who asks."""
        clause = node
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if clause.dep_ == "ccomp" and _lemma_in(clause.head, self.book.wish_verbs) and (
                clause.head.tag_.startswith("VB") or any(c.dep_ == "nsubj" for c in clause.head.children)):  # "hopes/NNS"
            # "Trump said he hoped Hamas would accept the deal": Trump's wish, not Hamas's stance
            return not any(c.dep_ in _SUBJECTS and c.lower_ in ("we", "i") for c in node.children)
        if clause.dep_ not in ("ccomp", "acl") or not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return False
        if any(c.dep_ in _SUBJECTS and _is_pronoun(c) for c in node.children):
            return False  # "insisting that it will not allow ...": the one who insists speaks of itself
        return bool(_lemma_in(clause.head, self.book.demand_verbs)) and not _first_person(node)

    def _transparent(self, node: Any) -> bool:
        """Whether a predicate without a stance of its own lets the walk go on up ("began", "continued")."""
        return node.tag_.startswith("VB") and (node.dep_ in ("xcomp", "ccomp", "conj") or _lemma(node) in ("be", "have", "make"))

    def _accuser(self, node: Any, issue_id: str, sign: int, conditions: list[tuple[str, str]], rules: list[str],
                 path: list[str]) -> list[Finding]:
        """The stance of whoever charges another with an act against the issue: the reverse of the act."""
        if sign > 0 or not self.book.enabled("accuser_of_charge"):
            return []
        found = self.subject_holders(node)
        if found is None or not found[0].actors:
            return []
        return self._finish(found[0], "accuser_of_charge", issue_id, -sign, conditions, rules, _lemma(node), path)

    def _finish(self, holders: Holders, how: str, issue_id: str, sign: int, conditions: list[tuple[str, str]],
                rules: list[str], cue: str, path: list[str]) -> list[Finding]:
        book = self.book
        if sign < 0 and "cue_polarity" in rules and self._buried >= 2:
            return []  # a rejecting word two nouns away from the issue rejects something else
        all_rules = [how, *holders.rules, *rules]
        confidence = book.confidence(how) * holders.confidence
        for rule in rules:
            confidence = min(confidence, book.confidence(rule))
        if sign < 0:
            conditions = [(c, family) for c, family in conditions if family != _MANDATE_NAMED]
        if conditions and book.enabled("condition_clause"):
            findings = []
            conditional = confidence * book.confidence("condition_clause")
            required = confidence * book.confidence("condition_requirement")
            for condition, family in conditions:
                later, first = issue_id, condition
                demanded = family == _DEMANDED_EXCHANGE
                if demanded:
                    family = "exchange"
                if family == "exchange" and holders.actors and all(a.lower() in book.mediator_states for a in holders.actors):
                    # "Witkoff proposed the release of ten hostages in exchange for a 50-day truce": a mediator's
                    # proposal trades one party's act for the other's; the proposer backs both, waiting for neither
                    for issue in (issue_id, condition):
                        if not any(f.issue == issue and f.polarity == "support" for f in findings):
                            findings.append(Finding(list(holders.actors), issue, "support", None,
                                                    tuple(_unique(all_rules + ["condition_clause"])), confidence, cue,
                                                    tuple(path)))
                    continue
                if family == "before" and sign > 0:  # not "until": "incomplete until X" waits for X
                    # "insists on A before B": B waits for A ("no A before B" is the other way round)
                    later, first = condition, issue_id
                elif family == "exchange" and (demanded or self._exchange_doers and not self._exchange_doers & set(holders.actors)):
                    # "wants Hamas to disarm in exchange for a truce": what another is asked to do is the
                    # holder's price, what it gives in return the stance that waits for it
                    later, first = condition, issue_id
                findings.append(Finding(list(holders.actors), later, "conditional", first,
                                        tuple(_unique(all_rules + ["condition_clause"])), conditional, cue, tuple(path)))
                if book.enabled("condition_requirement") and family in book.requiring_conditions:
                    findings.append(Finding(list(holders.actors), first, "support", None,
                                            tuple(_unique([how, *holders.rules, "condition_requirement"])), required, cue, tuple(path)))
            return findings
        polarity = "support" if sign > 0 else "oppose"
        return [Finding(list(holders.actors), issue_id, polarity, None, tuple(_unique(all_rules)), confidence, cue, tuple(path))]


# what subject_holders calls the owner of an effort an act is for, which the walk reads as its doer
_EFFORT_OWNER = "owner_of_effort"
# the condition family of a mandate named in the issue's own words ("a UN-mandated force"), which a
# refusal of the issue drops
_MANDATE_NAMED = "mandate_named"
# the condition family of an "in exchange for" under a demand: what is demanded is the price, and the other
# issue (the holder's part of the trade) waits for it
_DEMANDED_EXCHANGE = "exchange_demanded"


def _subordinated_relative(clause: Any) -> bool:
    """Whether a clause the parser made a relative one opens with a subordinator, which no relative clause
    does ("opposed any truce before/mark Hamas is dismantled/acl:relcl", or with "before" hung on the
    clause's subject): an adverbial clause misread."""
    if clause.dep_ != "acl:relcl":
        return False
    opening = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i and c.lower_ not in ("that", "to")]
    opening += [g for c in clause.children if c.dep_ in _SUBJECTS and c.i < clause.i
                for g in c.children if g.dep_ == "case" and g.i < c.i]
    return bool(opening)


def _capped(number: Any) -> bool:
    """Whether a number is written as a ceiling ("no more than 200", "at most 300", "fewer than 100")."""
    before = " ".join(t.lower_ for t in number.doc[max(0, number.i - 3):number.i])
    return before.endswith(("no more than", "not more than", "at most", "fewer than", "less than", "only"))


def _subject_clause(clause: Any, verb: Any) -> bool:
    """Whether a gerund clause before a subjectless verb is its subject, hung on it as a modifier
    ("Assigning/advcl the force such tasks strips it of its neutrality")."""
    return (clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i < verb.i and clause.head.i == verb.i
            and not any(c.dep_ == "mark" for c in clause.children)
            and not any(c.dep_ in _SUBJECTS for c in verb.children))


_NOUN_PHRASE_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CC", "CD", "PRP$", "POS", "HYPH", ","})


def absolute_subject(verb: Any) -> list[Any] | None:
    """The noun phrase that is the subject of a participle in an absolute "with" clause (", with coalition
    partners voicing opposition to the deal": the partners voice it, not the main clause's subject), read off
    the words because the parser hangs such phrases every way; None when `verb` opens no such clause."""
    if verb.tag_ not in ("VBG", "VBN"):
        return None
    doc = verb.doc
    for subject in verb.children:
        if subject.dep_ == "nsubj" and subject.i < verb.i and (
                subject.left_edge.lower_ == "with" or subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].lower_ == "with"):
            return [t for t in subject.subtree if t.lower_ != "with"]  # "with leaders around the world/nmod voicing/advcl"
    k = verb.i - 1
    while k >= 0 and (doc[k].tag_ in _NOUN_PHRASE_TAGS or doc[k].lower_ == "worldwide") and doc[k].lower_ != "with":
        k -= 1
    phrase = list(doc[k + 1:verb.i])
    if (k < 0 or doc[k].lower_ != "with" or not any(t.tag_.startswith("NN") for t in phrase)
            or phrase[-1].tag_ in ("CC", ",", "DT", "POS") or not (k == 0 or doc[k - 1].lower_ in (",", "-", "–", "—"))):
        return None
    return phrase


def _impersonal_passive(verb: Any) -> bool:
    """A passive with "it" for its subject ("it is believed/reported/understood that ..."): no one's words."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux:pass" for c in verb.children) and any(
        c.dep_ in ("nsubj:pass", "expl", "expl:pass", "nsubj") and c.lower_ == "it" for c in verb.children)


def _raised_passive(verb: Any) -> bool:
    """A passive whose subject is what is told of ("Hamas is believed/said to ..."), not who tells it."""
    return any(c.dep_ == "aux:pass" for c in verb.children) and any(
        c.dep_ == "nsubj:pass" and c.lower_ != "it" for c in verb.children)


def _past_event(node: Any) -> bool:
    """A clause that tells what happened, not what is wanted: a past tense, a perfect or "did" ("after
    the group accepted the plan", "after they had met", "Hamas has not disarmed", "did not withdraw"),
    or a past copula ("after it was over")."""
    if node.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "aux:pass") and c.lower_ in ("had", "has", "have", "did") or c.dep_ == "cop" and c.tag_ == "VBD"
               for c in node.children)


def _participle_of_noun(node: Any) -> bool:
    """Whether a node is a past participle qualifying a noun ("forces deployed", "a force established")."""
    return node.dep_ == "acl" and node.tag_ == "VBN" and node.head.tag_.startswith("NN")


def _indefinite(noun: Any) -> bool:
    """Whether a noun names no particular one: "a/any resolution", "a UN mandate", not "the resolution",
    "Resolution 2803" or "its mandate"."""
    return not any(c.dep_ in ("nummod", "nmod:poss") or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in noun.children) and noun.tag_ != "NNP"


def _cased_object(node: Any) -> bool:
    """An "object" with a preposition of its own ("send its army only under/case the instructions/obj"):
    an oblique the parser labelled as an object."""
    return node.dep_ == "obj" and any(c.dep_ == "case" for c in node.children)


def path_index(step: str) -> int | None:
    """The token index a walked path step ("12:resume/VB/advcl") stands on, or None."""
    index = step.split(":", 1)[0]
    return int(index) if index.isdigit() else None


def _listed_after_infinitive(verb: Any, item: Any) -> bool:
    """Whether a bare verb the parser joined to `verb` is in truth a later item of the "to" infinitive hung on it
    before: "do not advance efforts to achieve a ceasefire, bring the hostages home and end the war"."""
    return (item.dep_ in ("conj", "parataxis") and item.head.i == verb.i and item.tag_ == "VB"
            and not any(c.dep_ in ("mark", "nsubj", "aux") for c in item.children)
            and any(c.dep_ in ("xcomp", "advcl") and c.i < item.i and _to_infinitive(c)
                    for c in verb.children))


def _understood_doers(verb: Any) -> list[Any]:
    """Who does what a verb without a subject of its own names: whoever `_controller` finds (the one
    allowed, forced or asked to), else the subject of the clause the verb completes or goes with ("Israel
    is trying to destroy the truce", "..., cutting short the truce", "..., thus cutting short" with the
    participle set beside the clause, "resumed hostilities and delivered strikes, cutting short": the two
    verbs' subject); not the one who charges another with it ("accused Israel of derailing the truce")."""
    controlled = _controller(verb)
    if controlled or verb.head is verb or not (
            verb.dep_ in ("xcomp", "advcl") or verb.dep_ == "parataxis" and verb.tag_ == "VBG"):
        return controlled
    if any(c.dep_ in ("mark", "case") and c.lower_ != "to" for c in verb.children):
        return []
    head = verb.head
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if not subjects and head.dep_ == "xcomp" and head.head is not head:
            return _understood_doers(head)  # "it is ready to stop/xcomp governing/xcomp Gaza": the chain's subject
        if subjects or head.dep_ != "conj" or head.head is head:
            return subjects
        head = head.head
    return []


def _controller(verb: Any) -> list[Any]:
    """Who does what an infinitive without a subject names: the passive subject or the object of the
    verb it completes ("residents/nsubj:pass were forced to leave", "forced residents/obj to leave", "will not
    allow Hamas/iobj to rule", as the parser labels some), or who it is asked "for" ("called for Hamas/obl
    to disarm")."""
    if verb.dep_ not in ("xcomp", "advcl") or not _to_infinitive(verb):
        return []
    head = verb.head
    return ([c for c in head.children if c.dep_ == "nsubj:pass"]
            or [c for c in head.children if c.dep_ in ("obj", "iobj") and c.i < verb.i]
            or [c for c in head.children if c.dep_ == "obl" and _case(c) == "for" and c.i < verb.i])


@lru_cache(maxsize=8)
def _entries_by_head(entries: frozenset[str]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """`split_particles` of a list the rules read many times per sentence, split once."""
    return split_particles(entries)


def _given_the_act(verb: Any) -> list[Any]:
    """Who is given or denied the act an infinitive or gerund without a subject names, where
    `_controller` finds no one: the one a chance or right to it is given or denied ("Hamas be denied any
    chance to run Gaza"), the passive subject of what it is "in" ("Hamas cannot be involved in governing
    Gaza")."""
    head = verb.head
    if head is verb:
        return []
    to = _to_infinitive(verb)
    if verb.dep_ == "acl" and to and head.tag_.startswith("NN") and head.dep_ in ("obj", "iobj") and head.head is not head:
        giver = head.head
        passive = any(c.dep_ == "aux:pass" for c in giver.children)
        return [c for c in giver.children if c.dep_ in ("iobj", "nsubj:pass") or passive and c.dep_ == "nsubj"]
    if verb.tag_ == "VBG" and any(c.dep_ in ("mark", "case") and c.lower_ == "in" for c in verb.children):
        passive = head.tag_ in ("VBN", "JJ") and any(c.dep_ in ("aux:pass", "cop") for c in head.children)
        return [c for c in head.children if c.dep_ == "nsubj:pass" or passive and c.dep_ == "nsubj"]
    return []


def _finite(verb: Any) -> bool:
    """Whether a verb heads a finite clause (tensed, or with a modal or tensed auxiliary)."""
    if verb.tag_ in ("VBZ", "VBD", "VBP", "MD"):
        return True
    return any(c.dep_ in ("aux", "aux:pass") and c.tag_ in ("VBZ", "VBD", "VBP", "MD") for c in verb.children)


def _to_infinitive(verb: Any) -> bool:
    """Whether a verb is an infinitive marked "to" ("decided to/mark halt aid")."""
    return any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children)


def _limit_phrase(verb: Any) -> list[Any]:
    """The words of the "to" phrase after a limiting verb, what it limits something to ("limited to monitoring the
    ceasefire", "restrict their mission to/mark monitoring/advcl the truce"); [] when it has none."""
    return [t for c in verb.children if c.i > verb.i and (
        c.dep_ in ("obl", "advcl") and _case(c) == "to" or c.dep_ == "advcl" and _to_infinitive(c)) for t in c.subtree]


def _counterfactual(node: Any) -> bool:
    """A past that did not happen ("would not have happened without Türkiye", "could have been
    avoided"): a modal and "have" before a participle tell no intention and no demand."""
    aux = [c.lower_ for c in node.children if c.dep_ in ("aux", "aux:pass")]
    return node.tag_ == "VBN" and any(a in ("have", "'ve") for a in aux) and any(a in ("would", "could", "might", "should") for a in aux)


def _compound_subject(token: Any) -> bool:
    """A noun the parse hung as a compound on the verb after it ("the resolution "falls short of ..."):
    the verb's subject in all but name."""
    return (token.dep_ == "compound" and token.tag_.startswith("NN") and token.i < token.head.i
            and token.head.tag_.startswith("VB") and not any(c.dep_ in _SUBJECTS for c in token.head.children))


def _first_person(node: Any) -> bool:
    """Whether the subject of a predicate is "we" or "I" (the speaker demands it of itself)."""
    return any(c.dep_ in _SUBJECTS and c.lower_ in ("we", "i") for c in node.children)


def _not_only(token: Any) -> bool:
    """"Not only A but also B": a "not" that adds, and negates nothing."""
    doc = token.doc
    return token.lower_ == "not" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "only"


def _no_way(word: Any) -> bool:
    """Whether a word is the "way" of "no way"."""
    return word.lower_ == "way" and any(c.dep_ == "det" and c.lower_ == "no" for c in word.children)


def _effort_after(doc: Any, token: Any, book: RuleBook) -> bool:
    """Whether the word after `token` is an effort noun ("mediation efforts", "mediatory efforts")."""
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is not None and following.tag_.startswith("NN") and _lemma_in(following, book.effort_nouns)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
