"""Contexts that state no stance, as dependency patterns in ontology/rules/rules.yaml.

A context rule is a spaCy `DependencyMatcher` pattern with an id, a description and an effect on
the walk from an issue up to its holder:

- `stop_at: NAME`: the walk stops when it reaches the token the pattern calls NAME ("Israel will
  decide which troops it allows into the force": nothing inside the question is a stance);
- `stop_above: NAME`: the walk stops when it leaves that token for its head ("declined to set a
  deadline for disarmament": what hangs on the deadline is no stance of whoever declines).

Inside a pattern, a string "$name" stands for the word list `name` of lemmas.yaml, so the lists
stay in one place. Patterns match the parser's lemmas (`LEMMA`) and lowercased words (`LOWER`).
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, Mapping

from ..errors import DictionaryError

EFFECTS = ("stop_at", "stop_above")
_LIST_NAME = re.compile(r"\$[a-z_]+")  # "$topic_verbs"; the operators "$+", "$++" are no names


@dataclass(frozen=True)
class ContextRule:
    """One pattern rule: its id, what it matches, and where the walk stops."""

    id: str
    effect: str  # one of EFFECTS
    anchor: str  # the pattern node the effect applies to
    patterns: tuple[tuple[Mapping[str, Any], ...], ...]


def read_context_rules(path: Path, specs: Mapping[str, Any] | None, lists: Mapping[str, Any]) -> tuple[ContextRule, ...]:
    """The context rules of rules.yaml, with "$name" word lists filled in and each pattern checked."""
    rules = []
    for rule_id, spec in (specs or {}).items():
        where = f"{path}: rule {rule_id!r}"
        if not isinstance(spec, Mapping):
            raise DictionaryError(f"{where} must be a mapping")
        effects = [e for e in EFFECTS if e in spec]
        if len(effects) != 1:
            raise DictionaryError(f"{where} needs exactly one of {', '.join(EFFECTS)}")
        anchor = spec[effects[0]]
        raw = spec.get("patterns")
        if not isinstance(raw, list) or not raw or not all(isinstance(p, list) and p for p in raw):
            raise DictionaryError(f"{where} needs 'patterns': a list of DependencyMatcher patterns")
        patterns = tuple(tuple(_fill(node, lists, where) for node in pattern) for pattern in raw)
        for pattern in patterns:
            names = {node.get("RIGHT_ID") for node in pattern if isinstance(node, Mapping)}
            if anchor not in names:
                raise DictionaryError(f"{where}: {effects[0]} names {anchor!r}, which no pattern node is")
        rule = ContextRule(str(rule_id), effects[0], str(anchor), patterns)
        _check(rule, where)
        rules.append(rule)
    return tuple(rules)


def _fill(node: Any, lists: Mapping[str, Any], where: str) -> Any:
    if isinstance(node, str) and _LIST_NAME.fullmatch(node):
        words = lists.get(node[1:])
        if not isinstance(words, list):
            raise DictionaryError(f"{where}: {node} is no word list of lemmas.yaml")
        return sorted({str(w).lower() for w in words})
    if isinstance(node, Mapping):
        return {key: _fill(value, lists, where) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(value, lists, where) for value in node]
    return node


def _check(rule: ContextRule, where: str) -> None:
    from spacy.matcher import DependencyMatcher
    from spacy.vocab import Vocab

    try:
        DependencyMatcher(Vocab(), validate=True).add(rule.id, [list(map(dict, p)) for p in copy.deepcopy(rule.patterns)])
    except (ValueError, KeyError, TypeError) as error:
        message = " ".join(str(error).split())
        raise DictionaryError(f"{where}: invalid pattern: {message[:300]}") from None


_COLUMNS = ("LOWER", "LEMMA", "DEP", "TAG")  # the token attributes the patterns constrain


def _node_constraints(node: Mapping[str, Any]) -> tuple[tuple[str, frozenset[str]], ...]:
    """A pattern node's constraints on words, lemmas, labels and tags: (attribute, the values it may take)."""
    needed = []
    for attribute in _COLUMNS:
        value = (node.get("RIGHT_ATTRS") or {}).get(attribute)
        if isinstance(value, str):
            needed.append((attribute, frozenset([value])))
        elif isinstance(value, Mapping) and isinstance(value.get("IN"), list) and all(isinstance(v, str) for v in value["IN"]):
            needed.append((attribute, frozenset(value["IN"])))
    return tuple(needed)


_FIELDS = {"LOWER": "lower_", "LEMMA": "lemma_", "DEP": "dep_", "TAG": "tag_"}


class _SentenceColumns:
    """The values a sentence's words take, and where: what a pattern's constraints are checked against."""

    def __init__(self, sentence: Any) -> None:
        self.words = sentence.words
        self._at: dict[str, dict[str, list[int]]] = {}

    def at(self, attribute: str) -> dict[str, list[int]]:
        """Value -> the words that have it, for one attribute (read on first use)."""
        found = self._at.get(attribute)
        if found is None:
            found = self._at[attribute] = {}
            for i, value in enumerate(map(attrgetter(_FIELDS[attribute]), self.words)):
                found.setdefault(value, []).append(i)
        return found

    def where(self, attribute: str, values: frozenset[str]) -> set[int]:
        return {i for value, places in self.at(attribute).items() if value in values for i in places}


class _CompiledPattern:
    """One pattern of a rule with its own matcher, and what a sentence needs for it to match."""

    def __init__(self, rule: ContextRule, number: int, vocab: Any) -> None:
        from spacy.matcher import DependencyMatcher

        self.rule = rule
        pattern = rule.patterns[number]
        names = [node["RIGHT_ID"] for node in pattern]
        self.anchor = names.index(rule.anchor)
        self.nodes = tuple(_node_constraints(node) for node in pattern)
        # the word and lemma constraints, each to be met by some word of the sentence: the first, cheap test
        self.needed = tuple((attribute, values) for node in self.nodes for attribute, values in node
                            if attribute in ("LOWER", "LEMMA"))
        # "A > B": the word matched to A is the head of the one matched to B
        self.child_edges = tuple((names.index(node["LEFT_ID"]), n) for n, node in enumerate(pattern)
                                 if node.get("REL_OP") == ">")
        self.matcher = DependencyMatcher(vocab)
        self.matcher.add(rule.id, [list(map(dict, copy.deepcopy(pattern)))])

    def may_match(self, columns: _SentenceColumns) -> bool:
        """False when no match is possible: a node no word of the sentence meets, or a head-and-child pair of
        nodes no word and its head meet. A pattern that passes goes to the matcher, which decides."""
        candidates: list[set[int] | None] = []  # None: any word
        for constraints in self.nodes:
            found: set[int] | None = None
            for attribute, values in constraints:
                places = columns.where(attribute, values)
                found = places if found is None else found & places
            if found is not None and not found:
                return False
            candidates.append(found)
        words = columns.words
        for head_node, child_node in self.child_edges:
            heads = candidates[head_node]
            children = candidates[child_node]
            if not any(words[i].head is not words[i] and (heads is None or words[i].head.i in heads)
                       for i in (children if children is not None else range(len(words)))):
                return False
        return True


class _CompiledRules:
    """The patterns of a rule book's context rules, and which of their word constraints each word meets."""

    def __init__(self, rules: tuple[ContextRule, ...], vocab: Any) -> None:
        self.patterns = [_CompiledPattern(rule, n, vocab) for rule in rules for n in range(len(rule.patterns))]
        self.meets: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (attribute, word) -> (pattern, constraint)
        for p, pattern in enumerate(self.patterns):
            for k, (attribute, values) in enumerate(pattern.needed):
                for value in values:
                    self.meets.setdefault((attribute, value), []).append((p, k))

    def candidates(self, columns: _SentenceColumns) -> list[_CompiledPattern]:
        """The patterns whose every word constraint some word of the sentence meets."""
        met: dict[int, set[int]] = {}
        for attribute in ("LOWER", "LEMMA"):
            for value in columns.at(attribute):
                for p, k in self.meets.get((attribute, value), ()):
                    met.setdefault(p, set()).add(k)
        return [pattern for p, pattern in enumerate(self.patterns) if len(met.get(p, ())) == len(pattern.needed)]


_COMPILED: dict[tuple[int, int], tuple[Any, Any, _CompiledRules]] = {}


def _compiled(rules: tuple[ContextRule, ...], vocab: Any) -> _CompiledRules:
    key = (id(rules), id(vocab))
    known = _COMPILED.get(key)
    if known is not None and known[0] is rules and known[1] is vocab:
        return known[2]
    compiled = _CompiledRules(rules, vocab)
    if len(_COMPILED) > 16:
        _COMPILED.clear()
    _COMPILED[key] = (rules, vocab, compiled)  # the references keep the ids from being reused
    return compiled


def context_stops(sentence: Any, rules: tuple[ContextRule, ...]) -> tuple[frozenset[int], frozenset[int]]:
    """The words of a parsed sentence (a `kg.extract.tree.ParsedSentence`) where a walk stops on arrival,
    and those it stops on leaving."""
    if not rules:
        return frozenset(), frozenset()
    doc = sentence.spacy_doc
    columns = _SentenceColumns(sentence)
    stop_at: set[int] = set()
    stop_above: set[int] = set()
    # the matcher, the slow part, runs only for the patterns the sentence's words allow
    for pattern in _compiled(rules, doc.vocab).candidates(columns):
        if not pattern.may_match(columns):
            continue
        for _, token_ids in pattern.matcher(doc):
            (stop_at if pattern.rule.effect == "stop_at" else stop_above).add(token_ids[pattern.anchor])
    return frozenset(stop_at), frozenset(stop_above)
