"""The rule book: the named rules of ontology/rules/rules.yaml (id, group, confidence, on or off),
the lemma lists of lemmas.yaml they read, the context patterns and the stance model, loaded once
per ontology folder and validated, with one-line errors for a broken file. The walk that applies
them is kg/extract/rules.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..dictionary import default_ontology_dir
from ..errors import DictionaryError
from ..yamlfile import read_yaml
from .contexts import ContextRule, read_context_rules
from .repairs import RepairLists
from .scoring import StanceModel, read_stance_model

RULES_DIR = "rules"
HOLDER, RESOLUTION, POLARITY, CONDITION, CONTEXT = "holder", "resolution", "polarity", "condition", "context"
SELECTION = "selection"
_GROUPS = (HOLDER, RESOLUTION, POLARITY, CONDITION, SELECTION)


@dataclass(frozen=True)
class Rule:
    """One named rule: its group, what it does and the confidence of what it produces."""

    id: str
    group: str
    description: str
    confidence: float
    enabled: bool = True


#: one word of a person's name in a list of leaders: capitalised, or a particle ("bin", "al")
LEADER_NAME_WORD = r"(?:[A-Z][\w’'.-]*|bin|bint|ibn|al|el)"


@dataclass(frozen=True)
class RuleBook:
    """The rules and the lemma lists they read, as loaded from ontology/rules/."""

    rules: Mapping[str, Rule]
    support_verbs: frozenset[str]
    support_nouns: frozenset[str]
    support_adjectives: frozenset[str]
    oppose_verbs: frozenset[str]
    oppose_nouns: frozenset[str]
    oppose_adjectives: frozenset[str]
    oppose_prepositions: frozenset[str]
    oppose_phrases: tuple[str, ...]
    report_verbs: frozenset[str]
    report_nouns: frozenset[str]
    accuse_verbs: frozenset[str]
    deontic: frozenset[str]
    intent: frozenset[str]
    negation: frozenset[str]
    scope_stops: frozenset[str]
    conditions: Mapping[str, str]  # marker lemma (or phrase) -> family
    group_nouns: frozenset[str]
    stop_nouns: frozenset[str]
    person_nouns: frozenset[str]
    threat_verbs: frozenset[str]
    modifier_heads: frozenset[str]
    demand_verbs: frozenset[str]
    judge_verbs: frozenset[str]
    proposal_nouns: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    title_references: frozenset[str] = frozenset()
    control_verbs: frozenset[str] = frozenset()
    noun_issue_words: frozenset[str] = frozenset()
    part_nouns: frozenset[str] = frozenset()
    harm_verbs: frozenset[str] = frozenset()
    enabling_verbs: frozenset[str] = frozenset()
    enemy_gain_verbs: frozenset[str] = frozenset()
    enemy_gainers: frozenset[str] = frozenset()
    process_nouns: frozenset[str] = frozenset()
    aside_nouns: frozenset[str] = frozenset()
    will_nouns: frozenset[str] = frozenset()
    lack_nouns: frozenset[str] = frozenset()
    transparent_heads: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    patient_nouns: frozenset[str] = frozenset()
    requiring_conditions: frozenset[str] = frozenset()
    commitment_verbs: frozenset[str] = frozenset()  # "vowed to do A before B": A comes first, as with a demand
    intent_nouns: frozenset[str] = frozenset()
    deal_nouns: frozenset[str] = frozenset()
    deal_heads: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    extraposing_heads: frozenset[str] = frozenset()
    dependence_verbs: frozenset[str] = frozenset()
    dependence_adjectives: frozenset[str] = frozenset()
    requiring_verbs: frozenset[str] = frozenset()
    making_verbs: frozenset[str] = frozenset()
    mediated_issues: frozenset[str] = frozenset()
    hardship_nouns: frozenset[str] = frozenset()
    tying_verbs: frozenset[str] = frozenset()
    control_adjectives: frozenset[str] = frozenset()
    subject_control_verbs: frozenset[str] = frozenset()
    insistence_nouns: frozenset[str] = frozenset()
    doubt_nouns: frozenset[str] = frozenset()
    effort_nouns: frozenset[str] = frozenset()
    example_openers: frozenset[str] = frozenset()
    joining_verbs: frozenset[str] = frozenset()
    cooperation_verbs: frozenset[str] = frozenset()
    questioner_nouns: frozenset[str] = frozenset()
    resigning_verbs: frozenset[str] = frozenset()
    negative_predicates: frozenset[str] = frozenset()
    content_frames: frozenset[str] = frozenset()
    adopting_verbs: frozenset[str] = frozenset()
    control_nouns: frozenset[str] = frozenset()
    share_nouns: frozenset[str] = frozenset()
    halting_verbs: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    chance_nouns: frozenset[str] = frozenset()
    topic_report_verbs: frozenset[str] = frozenset()
    obstacle_nouns: frozenset[str] = frozenset()
    conditioning_verbs: frozenset[str] = frozenset()
    mediator_nouns: frozenset[str] = frozenset()
    mediating_verbs: frozenset[str] = frozenset()
    contrast_conjunctions: frozenset[str] = frozenset()
    cognition_verbs: frozenset[str] = frozenset()
    talks_issues: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()
    ceasing_verbs: frozenset[str] = frozenset()
    positive_modifiers: frozenset[str] = frozenset()
    response_nouns: frozenset[str] = frozenset()
    pretext_nouns: frozenset[str] = frozenset()
    infinitive_stance_nouns: frozenset[str] = frozenset()
    outside_holders: frozenset[str] = frozenset()
    legislature_members: frozenset[str] = frozenset()
    telling_verbs: frozenset[str] = frozenset()
    victim_harm_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    outcome_support_verbs: frozenset[str] = frozenset()
    breach_nouns: frozenset[str] = frozenset()
    talk_nouns: frozenset[str] = frozenset()
    channel_words: frozenset[str] = frozenset()
    display_nouns: frozenset[str] = frozenset()
    purpose_nouns: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    violation_verbs: frozenset[str] = frozenset()
    undoing_verbs: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    negative_modifiers: frozenset[str] = frozenset()
    generic_modifiers: frozenset[str] = frozenset()
    group_referents: frozenset[str] = frozenset()
    bare_group_referents: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()
    gathering_nouns: frozenset[str] = frozenset()
    member_verbs: frozenset[str] = frozenset()
    civilian_nouns: frozenset[str] = frozenset()
    withdrawn_things: frozenset[str] = frozenset()  # "asked that the report be withdrawn": no troops moved
    relation_nouns: frozenset[str] = frozenset()  # "US allies": the actor named with it is the other end
    helping_verbs: frozenset[str] = frozenset()  # "the sanctions do not advance the truce": the speaker wants it
    captor_verbs: frozenset[str] = frozenset()  # "the hostages it holds": its condition phrase is the main verb's
    addressee_verbs: frozenset[str] = frozenset()
    permit_verbs: frozenset[str] = frozenset()
    exit_verbs: frozenset[str] = frozenset()
    coalition_nouns: frozenset[str] = frozenset()
    recipient_issues: frozenset[str] = frozenset()
    aid_recipient_states: frozenset[str] = frozenset()
    mediator_states: frozenset[str] = frozenset()
    time_units: frozenset[str] = frozenset()
    inverting_auxiliaries: frozenset[str] = frozenset()
    open_ends: frozenset[str] = frozenset()
    resumption_nouns: frozenset[str] = frozenset()
    authoring_verbs: frozenset[str] = frozenset()
    thanks_nouns: frozenset[str] = frozenset()
    state_group_nouns: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    freeing_words: frozenset[str] = frozenset()
    breach_verbs: frozenset[str] = frozenset()
    keeping_verbs: frozenset[str] = frozenset()
    requirement_markers: frozenset[str] = frozenset()
    selection_verbs: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    aside_adverbs: frozenset[str] = frozenset()
    vague_counts: frozenset[str] = frozenset()
    group_lead_modifiers: frozenset[str] = frozenset()
    participation_verbs: frozenset[str] = frozenset()
    participation_issues: frozenset[str] = frozenset()
    self_conditioning_issues: frozenset[str] = frozenset()
    force_threat_words: frozenset[str] = frozenset()
    truce_ending_words: frozenset[str] = frozenset()
    undergoing_verbs: frozenset[str] = frozenset()
    hypothetical_nouns: frozenset[str] = frozenset()
    insisting_words: frozenset[str] = frozenset()
    failing_verbs: frozenset[str] = frozenset()
    enacting_verbs: frozenset[str] = frozenset()
    handover_verbs: frozenset[str] = frozenset()
    mandate_nouns: frozenset[str] = frozenset()
    mandated_acts: frozenset[str] = frozenset()
    mandate_authorities: frozenset[str] = frozenset()
    mandating_verbs: frozenset[str] = frozenset()
    body_listing_verbs: frozenset[str] = frozenset()
    membership_bodies: frozenset[str] = frozenset()
    perception_verbs: frozenset[str] = frozenset()
    securing_verbs: frozenset[str] = frozenset()
    speaker_bodies: frozenset[str] = frozenset()
    taking_part: frozenset[str] = frozenset()
    continuing_verbs: frozenset[str] = frozenset()
    failure_verbs: frozenset[str] = frozenset()
    means_nouns: frozenset[str] = frozenset()
    limiting_verbs: frozenset[str] = frozenset()
    remit_nouns: frozenset[str] = frozenset()
    role_verbs: frozenset[str] = frozenset()  # verbs that take a part ("have a role"): negated, they refuse it
    permitting_verbs: frozenset[str] = frozenset()
    grievance_verbs: frozenset[str] = frozenset()
    grievance_markers: frozenset[str] = frozenset()
    grievance_breaches: frozenset[str] = frozenset()
    condition_actors: Mapping[str, str] = field(default_factory=dict)  # actor id -> issue its decision stands for
    terms_conditions: Mapping[str, str] = field(default_factory=dict)  # issue -> issue its terms are named by
    breach_conditions: Mapping[str, str] = field(default_factory=dict)  # issue -> issue of the deal a breach of it breaks
    partial_conditions: Mapping[str, str] = field(default_factory=dict)  # issue -> issue it is done in part alongside
    bringing_verbs: Mapping[str, str] = field(default_factory=dict)  # verb -> the preposition of what it brings about
    number_words: Mapping[str, int] = field(default_factory=dict)  # "eight" -> 8
    issue_agents: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # issue -> the actors whose act it is
    agent_issues: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # issue -> actor -> issue it names then
    excluded_parties: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # issue -> parties it removes
    governing_parties: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # issue -> parties whose part it is
    mission_kinds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> its words (lowercase tokens)
    unnamed_group_nouns: frozenset[str] = frozenset()
    unnamed_speaker_nouns: frozenset[str] = frozenset()
    unnamed_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # actor -> words that make an unnamed group it
    composition_verbs: frozenset[str] = frozenset()
    entailing_verbs: frozenset[str] = frozenset()
    sparing_verbs: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    placement_verbs: frozenset[str] = frozenset()
    condition_words: Mapping[str, str] = field(default_factory=dict)  # phrase -> issue it stands for in a condition
    irregular: Mapping[str, str] = field(default_factory=dict)  # inflected form -> lemma
    stand_ins: Mapping[str, str] = field(default_factory=dict)  # word the parser misreads -> word parsed in its place
    particles: Mapping[str, frozenset[str]] = field(default_factory=dict)  # "rule out": rule -> {out}
    idioms: Mapping[str, frozenset[str]] = field(default_factory=dict)  # "open fire": open -> {fire}
    bound_cues: frozenset[str] = frozenset()
    wish_verbs: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    condition_nouns: frozenset[str] = frozenset()
    time_prefixes: frozenset[str] = frozenset()
    verb_only_forms: frozenset[str] = frozenset()
    list_titles: frozenset[str] = frozenset()
    purpose_participles: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    ruling_verbs: frozenset[str] = frozenset()
    contexts: tuple[ContextRule, ...] = ()  # the pattern rules that are switched on
    stance_model: StanceModel | None = None  # rates what the rules found (rule stance_model)
    digest: str = ""

    @cached_property
    def infinitive_nouns(self) -> frozenset[str]:
        """The nouns an infinitive completes, for the parse repairs ("the decision to halt aid")."""
        return (self.control_nouns | self.obstacle_nouns | self.intent_nouns | self.infinitive_stance_nouns
                | self.proposal_nouns)

    @cached_property
    def office_words(self) -> frozenset[str]:
        """The words of an office or an honorific, which no bare name holds ("Prime Minister", "Sheikh Mohammed")."""
        return self.person_nouns | self.list_titles

    @cached_property
    def repair_lists(self) -> "RepairLists":
        """The word lists the parse repairs read (kg/extract/repairs.py)."""
        return RepairLists(
            infinitive_nouns=self.infinitive_nouns, stance_verbs=self.noun_tagged_verbs, verb_forms=self.verb_only_forms,
            statement_verbs=self.statement_verbs, purpose_participles=self.purpose_participles,
            member_verbs=self.member_verbs, conditioning_verbs=self.conditioning_verbs, citing_verbs=self.citing_verbs,
            tying_verbs=self.tying_verbs, control_adjectives=self.control_adjectives,
            subject_control_verbs=self.subject_control_verbs, insistence_nouns=self.insistence_nouns,
            doubt_nouns=self.doubt_nouns, inverting_auxiliaries=self.inverting_auxiliaries)

    @cached_property
    def example_opener_words(self) -> tuple[tuple[str, ...], ...]:
        """The phrases that open a group's examples ("including", "among them"), as words, longest first."""
        return tuple(sorted((tuple(phrase.split()) for phrase in self.example_openers), key=lambda w: (-len(w), w)))

    @cached_property
    def noun_tagged_verbs(self) -> frozenset[str]:
        """The stance verbs the tagger may read as plural nouns ("the group insists/NNS on", "UNICEF welcomes/NNS
        the announcement"), for the repairs."""
        return self.demand_verbs | self.oppose_verbs | self.support_verbs

    @cached_property
    def list_title_lead(self) -> "re.Pattern[str]":
        """The text that leads the next item of a list of leaders: titles, capitalised as a list writes
        them, and the leader's name before the state's (", His Majesty King ", ", President Joko Widodo of ")."""
        words = "|".join(sorted((re.escape(w[:1].upper() + w[1:]) for w in self.list_titles), key=len, reverse=True))
        name = LEADER_NAME_WORD  # "Sheikh Mohammed bin Abdulrahman Al Thani of"
        title = rf"(?:(?:{words or '(?!)'})\.?\s+)"
        # leaders of states no actor stands for may come between ("Dr. Mohammed Mustafa of Palestine, ")
        passed = rf"(?:{title}{{0,4}}{name}(?:\s+{name}){{0,5}}\s+of\s+(?:the\s+)?{name}(?:\s+{name}){{0,2}}\s*,\s*)"
        # or the name, then the title of the state after a comma (", His Highness Prince Faisal bin Farhan,
        # Minister of Foreign Affairs of ")
        titled = rf"(?:{title}{{1,4}}(?:{name}\s+){{0,6}}{name},\s+(?:(?:{name}|of|and)\s+){{0,8}}of\s+(?:the\s+)?)"
        # the rest of the item before may be its leader's title (", UAE| Minister of Foreign Affairs and Deputy
        # Prime Minister|, and ...")
        rest = rf"(?:\s+{title}(?:(?:{name}|of|and)\s+){{0,8}}(?:{name}|of|and))?"
        return re.compile(rf"^{rest}\s*,\s*{passed}{{0,3}}(?:and\s+)?(?:{titled}|{title}{{1,4}}(?:{name}\s+){{0,6}}(?:of\s+(?:the\s+)?)?"
                          rf"|(?:{name}\s+){{1,6}}of\s+(?:the\s+)?)?$")

    @cached_property
    def statement_verbs(self) -> frozenset[str]:
        """The verbs that state a stance or report one, for the repair of a main verb read as a participle."""
        return (self.support_verbs | self.oppose_verbs | self.demand_verbs | self.report_verbs | self.judge_verbs
                | self.threat_verbs)

    @cached_property
    def known_lemmas(self) -> frozenset[str]:
        """Every word the lists and patterns name: the lemmatizer picks among a word's possible base
        forms the one they know ("declined" -> decline, not declin)."""
        words: set[str] = set(self.irregular.values())
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, frozenset):
                words.update(w for w in value if isinstance(w, str))
            elif isinstance(value, Mapping):
                for key, inner in value.items():
                    if isinstance(key, str):
                        words.add(key)
                    if isinstance(inner, frozenset):
                        words.update(w for w in inner if isinstance(w, str))
        for rule in self.contexts:
            for pattern in rule.patterns:
                for node in pattern:
                    wanted = (node.get("RIGHT_ATTRS") or {}).get("LEMMA")
                    if isinstance(wanted, str):
                        words.add(wanted)
                    elif isinstance(wanted, Mapping):
                        words.update(w for w in wanted.get("IN", ()) if isinstance(w, str))
        return frozenset(w.lower() for w in words if " " not in w)

    def enabled(self, rule_id: str) -> bool:
        """Whether a rule is on."""
        rule = self.rules.get(rule_id)
        return rule is not None and rule.enabled

    def confidence(self, rule_id: str) -> float:
        """The confidence a rule gives what it produces."""
        return self.rules[rule_id].confidence

    def without(self, rule_ids: Iterable[str]) -> "RuleBook":
        """The same rule book with some rules switched off (for ablation)."""
        off = self._known(rule_ids)
        rules = {k: Rule(r.id, r.group, r.description, r.confidence, r.enabled and k not in off) for k, r in self.rules.items()}
        contexts = tuple(c for c in self.contexts if c.id not in off)
        return RuleBook(**{**{f.name: getattr(self, f.name) for f in fields(self)}, "rules": rules, "contexts": contexts,
                           "digest": self.digest + "-" + ",".join(sorted(off))})

    def including(self, rule_ids: Iterable[str]) -> "RuleBook":
        """The same rule book with some rules switched on, those the rule file ships switched off
        included (to measure what they would add). Context rules stay as loaded."""
        on = self._known(rule_ids)
        rules = {k: Rule(r.id, r.group, r.description, r.confidence, r.enabled or k in on) for k, r in self.rules.items()}
        return RuleBook(**{**{f.name: getattr(self, f.name) for f in fields(self)}, "rules": rules,
                           "digest": self.digest + "+" + ",".join(sorted(on))})

    def _known(self, rule_ids: Iterable[str]) -> set[str]:
        ids = set(rule_ids)
        unknown = sorted(ids - set(self.rules))
        if unknown:
            raise DictionaryError(
                f"unknown rule {unknown[0]!r}", hint=f"known rules: {', '.join(sorted(self.rules))}"
            )
        return ids


def _words(path: Path, data: Mapping[str, Any], *keys: str) -> frozenset[str]:
    node: Any = data
    for key in keys:
        node = node.get(key) if isinstance(node, Mapping) else None
    if node is None:
        return frozenset()
    if not isinstance(node, list) or not all(isinstance(w, str) and w.strip() for w in node):
        raise DictionaryError(f"{path}: '{'.'.join(keys)}' must be a list of words")
    return frozenset(w.strip().lower() for w in node)


def _id_lists(path: Path, data: Mapping[str, Any], key: str,
              what: str = "an issue id to a list of actor ids") -> dict[str, tuple[str, ...]]:
    """A mapping of ids to lists of ids or words, kept as written (ids are case-sensitive)."""
    node = data.get(key) or {}
    if not isinstance(node, Mapping) or not all(
            isinstance(ids, list) and all(isinstance(i, str) and i.strip() for i in ids) for ids in node.values()):
        raise DictionaryError(f"{path}: '{key}' must map {what}")
    return {str(issue): tuple(i.strip() for i in ids) for issue, ids in node.items()}


def _mapping(path: Path, data: Mapping[str, Any], key: str, what: str = "ids to ids") -> dict[str, str]:
    table = data.get(key) or {}
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise DictionaryError(f"{path}: '{key}' must map {what}")
    return dict(table)


def _agent_issues(path: Path, table: Any) -> dict[str, dict[str, str]]:
    """issue -> actor -> the issue the issue's words name when that actor does it."""
    if not isinstance(table, dict) or not all(
            isinstance(by_actor, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in by_actor.items())
            for by_actor in table.values()):
        raise DictionaryError(f"{path}: 'agent_issues' must map an issue id to a mapping of actor ids to issue ids")
    return {str(issue): dict(by_actor) for issue, by_actor in table.items()}


def _numbers(path: Path, data: Mapping[str, Any], key: str) -> dict[str, int]:
    table = data.get(key) or {}
    if not isinstance(table, dict) or not all(isinstance(k, str) and type(v) is int for k, v in table.items()):
        raise DictionaryError(f"{path}: '{key}' must map words to whole numbers")
    return {k.lower(): v for k, v in table.items()}


def _irregular(path: Path, table: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise DictionaryError(f"{path}: 'irregular' must map a lemma to its forms")
    forms: dict[str, str] = {}
    for lemma, inflected in sorted(table.items()):
        if not isinstance(inflected, list) or not all(isinstance(f, str) and f for f in inflected):
            raise DictionaryError(f"{path}: irregular forms of {lemma!r} must be a list of words")
        for form in inflected:
            forms.setdefault(form.lower(), str(lemma).lower())
    return forms


def split_particles(verbs: frozenset[str]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """A word list's one-word entries, and the second words of its two-word entries by their first
    ("rule out": rule -> {out})."""
    heads: set[str] = set()
    particles: dict[str, set[str]] = {}
    for verb in verbs:
        head, _, rest = verb.partition(" ")
        if rest:
            particles.setdefault(head, set()).add(rest)
        else:
            heads.add(head)
    return frozenset(heads), {k: frozenset(v) for k, v in particles.items()}


# lists loaded from their own section of lemmas.yaml (support:, oppose:, report:, accuse:); every other
# word-list field of RuleBook is loaded from the top-level key of the same name
_SECTION_LISTS = frozenset({
    "support_verbs", "support_nouns", "support_adjectives", "oppose_verbs", "oppose_nouns", "oppose_adjectives",
    "oppose_prepositions", "report_verbs", "report_nouns", "accuse_verbs",
})
_WORD_LISTS = tuple(item.name for item in fields(RuleBook)
                    if item.type == "frozenset[str]" and item.name not in _SECTION_LISTS)


@lru_cache(maxsize=4)
def _cached_rule_book(directory: str, stamp: tuple[float, ...]) -> RuleBook:
    import hashlib
    import json

    folder = Path(directory)
    rules_path, lemmas_path, model_path = folder / "rules.yaml", folder / "lemmas.yaml", folder / "stance_model.yaml"
    rules_data = read_yaml(rules_path, DictionaryError) or {}
    lemmas = read_yaml(lemmas_path, DictionaryError) or {}
    if not isinstance(rules_data, dict) or not isinstance(lemmas, dict):
        raise DictionaryError(f"{folder}: rules.yaml and lemmas.yaml must be mappings")
    rules: dict[str, Rule] = {}
    for group in _GROUPS:
        for rule_id, spec in (rules_data.get(group) or {}).items():
            if not isinstance(spec, dict) or not isinstance(spec.get("confidence"), (int, float)):
                raise DictionaryError(f"{rules_path}: rule {rule_id!r} needs a numeric confidence")
            confidence = float(spec["confidence"])
            if not 0 < confidence <= 1:
                raise DictionaryError(f"{rules_path}: rule {rule_id!r}: confidence must be in (0, 1]")
            rules[rule_id] = Rule(rule_id, group, str(spec.get("description", "")), confidence, bool(spec.get("enabled", True)))
    context_specs = rules_data.get(CONTEXT) or {}
    if not isinstance(context_specs, dict):
        raise DictionaryError(f"{rules_path}: '{CONTEXT}' must be a mapping of rule ids")
    for rule_id, spec in context_specs.items():
        if rule_id in rules:
            raise DictionaryError(f"{rules_path}: rule {rule_id!r} is defined twice")
        enabled = bool(spec.get("enabled", True)) if isinstance(spec, dict) else True
        description = str(spec.get("description", "")) if isinstance(spec, dict) else ""
        rules[rule_id] = Rule(rule_id, CONTEXT, description, 1.0, enabled)
    contexts = tuple(c for c in read_context_rules(rules_path, context_specs, lemmas) if rules[c.id].enabled)
    missing = sorted(_REQUIRED_RULES - set(rules))
    if missing:
        raise DictionaryError(f"{rules_path}: missing rule {missing[0]!r}")
    conditions: dict[str, str] = {}
    for family, markers in (lemmas.get("conditions") or {}).items():
        for marker in _words(lemmas_path, lemmas, "conditions", family):
            conditions[marker] = str(family)
    support_verbs, support_particles = split_particles(_words(lemmas_path, lemmas, "support", "verbs"))
    oppose_verbs, oppose_particles = split_particles(_words(lemmas_path, lemmas, "oppose", "verbs"))
    stance_model = read_stance_model(model_path)
    # the model file as a whole, so that a part it gains (a new kind of feature words) changes the digest too
    model_digest = hashlib.sha256(model_path.read_bytes()).hexdigest()
    digest = hashlib.sha256(json.dumps([rules_data, lemmas, model_digest], sort_keys=True, default=str).encode()).hexdigest()
    return RuleBook(
        rules=rules,
        support_verbs=support_verbs | frozenset(support_particles),  # "lobby for": the head says it
        support_nouns=_words(lemmas_path, lemmas, "support", "nouns"),
        support_adjectives=_words(lemmas_path, lemmas, "support", "adjectives"),
        oppose_verbs=oppose_verbs,
        oppose_nouns=_words(lemmas_path, lemmas, "oppose", "nouns"),
        oppose_adjectives=_words(lemmas_path, lemmas, "oppose", "adjectives"),
        oppose_prepositions=_words(lemmas_path, lemmas, "oppose", "prepositions"),
        oppose_phrases=tuple(sorted(_words(lemmas_path, lemmas, "oppose", "phrases"))),
        report_verbs=_words(lemmas_path, lemmas, "report", "verbs"),
        report_nouns=_words(lemmas_path, lemmas, "report", "nouns"),
        accuse_verbs=_words(lemmas_path, lemmas, "accuse", "verbs"),
        conditions=conditions,
        **{name: _words(lemmas_path, lemmas, name) for name in _WORD_LISTS},
        condition_actors=_mapping(lemmas_path, lemmas, "condition_actors"),
        terms_conditions=_mapping(lemmas_path, lemmas, "terms_conditions"),
        breach_conditions=_mapping(lemmas_path, lemmas, "breach_conditions"),
        partial_conditions=_mapping(lemmas_path, lemmas, "partial_conditions"),
        bringing_verbs=_mapping(lemmas_path, lemmas, "bringing_verbs", "verbs to prepositions"),
        number_words=_numbers(lemmas_path, lemmas, "number_words"),
        issue_agents=_id_lists(lemmas_path, lemmas, "issue_agents"),
        agent_issues=_agent_issues(lemmas_path, lemmas.get("agent_issues") or {}),
        excluded_parties=_id_lists(lemmas_path, lemmas, "excluded_parties"),
        governing_parties=_id_lists(lemmas_path, lemmas, "governing_parties"),
        mission_kinds=_id_lists(lemmas_path, lemmas, "mission_kinds", "a kind of mission to a list of words"),
        unnamed_groups=_id_lists(lemmas_path, lemmas, "unnamed_groups", "an actor id to a list of words"),
        condition_words={phrase: str(issue) for issue in (lemmas.get("condition_words") or {})
                         for phrase in _words(lemmas_path, lemmas, "condition_words", issue)},
        irregular=_irregular(lemmas_path, lemmas.get("irregular") or {}),
        stand_ins={word.lower(): other.lower()
                   for word, other in _mapping(lemmas_path, lemmas, "parse_stand_ins", "words to words").items()},
        particles=oppose_particles,  # "rule out": the head alone ("rule") rejects nothing
        idioms=split_particles(_words(lemmas_path, lemmas, "idioms"))[1],
        contexts=contexts,
        stance_model=stance_model,
        digest=digest,
    )


_REQUIRED_RULES = frozenset({
    "subject_of_cue", "agent_of_passive", "possessor_of_cue", "owner_of_proposal", "actor_of_issue_verb",
    "speaker_of_report", "speaker_of_quotation", "according_to", "relative_antecedent", "target_of_accusation", "accuser_of_charge",
    "pronoun", "group_noun", "coordination", "cue_polarity", "negation", "inverse_issue",
    "condition_clause", "condition_requirement", "subject_of_sentence", "demand_by_threat", "force_by_threat", "oppose_by_threat",
    "judge_of_predicate", "terms_by_contrast", "terms_required", "terms_by_selection", "condition_by_grievance",
    "party_to_deal", "sponsor_of_terms", "item_of_list", "nested_stance", "mediator_of_deal", "backing_received",
    "aside_on_clause", "direct_question",
    "stance_model",
})


def load_rule_book(ontology_dir: Path | None = None) -> RuleBook:
    """The rules and lemma lists of an ontology folder (ontology/rules/*.yaml; cached while unchanged)."""
    folder = (Path(ontology_dir) if ontology_dir else default_ontology_dir()) / RULES_DIR
    paths = [folder / "rules.yaml", folder / "lemmas.yaml", folder / "stance_model.yaml"]
    for path in paths:
        if not path.is_file():
            raise DictionaryError(f"{path}: rule file not found")
    return _cached_rule_book(str(folder.resolve()), tuple(p.stat().st_mtime for p in paths))
