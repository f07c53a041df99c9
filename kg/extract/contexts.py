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


def _required_words(pattern: tuple[Mapping[str, Any], ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The word constraints of a pattern's nodes: ("LOWER" | "LEMMA", words), each to be met by some token."""
    needed = []
    for node in pattern:
        for attribute in ("LOWER", "LEMMA"):
            value = (node.get("RIGHT_ATTRS") or {}).get(attribute)
            if isinstance(value, str):
                needed.append((attribute, frozenset([value])))
            elif isinstance(value, Mapping) and isinstance(value.get("IN"), list):
                needed.append((attribute, frozenset(value["IN"])))
    return tuple(needed)


class _CompiledPattern:
    """One pattern of a rule with its own matcher, and the words a sentence needs for it to match."""

    def __init__(self, rule: ContextRule, number: int, vocab: Any) -> None:
        from spacy.matcher import DependencyMatcher
        from spacy.strings import get_string_id

        self.rule = rule
        pattern = rule.patterns[number]
        self.anchor = [node["RIGHT_ID"] for node in pattern].index(rule.anchor)
        self.needed = _required_words(pattern)
        # the same constraints as string hashes, the form a Doc hands its columns over in
        self.needed_ids = tuple((1 if attribute == "LEMMA" else 0, frozenset(get_string_id(w) for w in words))
                                for attribute, words in self.needed)
        self.matcher = DependencyMatcher(vocab)
        self.matcher.add(rule.id, [list(map(dict, copy.deepcopy(pattern)))])


_COMPILED: dict[tuple[int, int], tuple[Any, Any, list[_CompiledPattern]]] = {}


def _compiled(rules: tuple[ContextRule, ...], vocab: Any) -> list[_CompiledPattern]:
    key = (id(rules), id(vocab))
    known = _COMPILED.get(key)
    if known is not None and known[0] is rules and known[1] is vocab:
        return known[2]
    compiled = [_CompiledPattern(rule, n, vocab) for rule in rules for n in range(len(rule.patterns))]
    if len(_COMPILED) > 16:
        _COMPILED.clear()
    _COMPILED[key] = (rules, vocab, compiled)  # the references keep the ids from being reused
    return compiled


def context_stops(doc: Any, rules: tuple[ContextRule, ...]) -> tuple[frozenset[int], frozenset[int]]:
    """The tokens of a parsed sentence where a walk stops on arrival, and those it stops on leaving."""
    if not rules:
        return frozenset(), frozenset()
    from spacy.attrs import LEMMA, LOWER

    columns = doc.to_array([LOWER, LEMMA])
    words = (set(columns[:, 0].tolist()), set(columns[:, 1].tolist()))  # string hashes, not Token objects
    stop_at: set[int] = set()
    stop_above: set[int] = set()
    for pattern in _compiled(rules, doc.vocab):
        # a pattern whose words the sentence lacks cannot match: the matcher, the slow part, is skipped
        if not all(words[column] & wanted for column, wanted in pattern.needed_ids):
            continue
        for _, token_ids in pattern.matcher(doc):
            (stop_at if pattern.rule.effect == "stop_at" else stop_above).add(token_ids[pattern.anchor])
    return frozenset(stop_at), frozenset(stop_above)
