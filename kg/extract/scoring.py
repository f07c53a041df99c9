"""The stance model: how likely a stance the rules found is one an annotator would write.

The rules find a stance wherever a walk from an issue reaches a holder; on news they have not
seen, about a third of what they find no annotator writes. The model rates each (holder, issue,
polarity) of an article from what the rules saw: which rules shaped it, the cue word, how many
sentences state it, how long the path was, the words around the holder's name and between it and
the issue's, whether the holder takes another side elsewhere, and how often annotated news gives
that holder that side of that issue. Its
weights are data (ontology/rules/stance_model.yaml), learnt by training/train_stance_model.py
from annotated real news. A stance's confidence is its rating; ratings under the model's
threshold are dropped while the rule `stance_model` is on.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..errors import DictionaryError
from ..model import Stance
from ..yamlfile import read_yaml

COOCCURRENCE_RULE = "cooccurrence"  # the rule of the candidates kg/extract/cooccurrence.py adds

#: numeric features and the value at which each is capped, then divided by (so each runs 0..1)
_CAPS = {"evidence": 4, "sentences": 3, "path_length": 8, "quote_length": 400, "holders": 8}


@dataclass(frozen=True)
class Evidence:
    """One stance the rules found, with the cue word and the length of the path walked to it."""

    stance: Stance
    cue: str
    path_length: int
    context: tuple[tuple[str, float], ...] = ()  # what its sentence says around its names (RelationWords, co-occurrences)


@dataclass(frozen=True)
class CooccurrenceWords:
    """The words that describe a sentence an actor and an issue share (stance_model.yaml)."""

    cues: Mapping[str, tuple[str, ...]]  # feature name -> the words (every form) that set it
    prepositions: tuple[str, ...] = ()  # the actor after one of these is often a place ("talks in Qatar")
    agents: tuple[str, ...] = ()  # the actor after one of these is the one acting ("brokered by Egypt")
    # feature name -> words that make the sentence a candidate for an oppose stance too ("rejected", "not")
    rejection: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def as_data(self) -> dict[str, Any]:
        """The words as the model file holds them (what `read_stance_model` reads back)."""
        data: dict[str, Any] = {"cues": {name: list(words) for name, words in self.cues.items()},
                                "prepositions": list(self.prepositions), "agents": list(self.agents)}
        if self.rejection:
            data["rejection"] = {name: list(words) for name, words in self.rejection.items()}
        return data

    @cached_property
    def rejection_patterns(self) -> tuple[tuple[str, "re.Pattern[str]"], ...]:
        return tuple((name, _words(words)) for name, words in sorted(self.rejection.items()) if words)

    @cached_property
    def cue_patterns(self) -> tuple[tuple[str, "re.Pattern[str]"], ...]:
        return tuple((name, _words(words)) for name, words in sorted(self.cues.items()) if words)

    @cached_property
    def preposition_pattern(self) -> "re.Pattern[str]":
        return re.compile(r"\b(?:" + _alternatives(self.prepositions) + r")\s+(?:the\s+)?$", re.IGNORECASE)

    @cached_property
    def agent_pattern(self) -> "re.Pattern[str]":
        return re.compile(r"\b(?:" + _alternatives(self.agents) + r")\s+(?:[\w.'’-]+,?\s+){0,4}$", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceWords:
    """Which words of the sentences that state a stance become features of it (stance_model.yaml): every
    lower-cased run of letters at least `min_length` long that is not a stop word, one feature `word=<word>`."""

    min_length: int = 3
    stop: frozenset[str] = frozenset()

    def as_data(self) -> dict[str, Any]:
        """The settings as the model file holds them (what `read_stance_model` reads back)."""
        return {"min_length": self.min_length, "stop": sorted(self.stop)}

    @cached_property
    def pattern(self) -> "re.Pattern[str]":
        return re.compile(r"[a-z]{%d,}" % self.min_length)

    def of(self, quotes: Iterable[str]) -> set[str]:
        """The words of these quotes that become features."""
        return {word for quote in quotes for word in self.pattern.findall(quote.lower()) if word not in self.stop}


@dataclass(frozen=True)
class RelationWords:
    """Which words around a holder's name and between it and the issue's become features of a stance
    (stance_model.yaml): what a sentence says of one pair of names, where the sentence's words
    (`SentenceWords`) are the same for every pair in it. From the closest pair of a holder's and an
    issue's names in the sentence: `between=<word>` for the words between them (when they are at most
    `between_max` characters apart, else `holder_far`), `before_holder=<word>` and `after_holder=<word>`
    for the `window` words on each side of the holder's name; `holder_unnamed` when the sentence does not
    name the holder (a pronoun, "the group")."""

    window: int = 3
    between_max: int = 200
    min_length: int = 3
    stop: frozenset[str] = frozenset()

    def as_data(self) -> dict[str, Any]:
        """The settings as the model file holds them (what `read_stance_model` reads back)."""
        return {"window": self.window, "between_max": self.between_max, "min_length": self.min_length,
                "stop": sorted(self.stop)}

    @cached_property
    def pattern(self) -> "re.Pattern[str]":
        return re.compile(r"[a-z]{%d,}" % self.min_length)

    def _words(self, text: str) -> list[str]:
        return [word for word in self.pattern.findall(text.lower()) if word not in self.stop]

    def features(self, text: str, holder_spans: Sequence[tuple[int, int]], issue_spans: Sequence[tuple[int, int]],
                 bounds: tuple[int, int]) -> dict[str, float]:
        """The features of a holder named at `holder_spans` and an issue at `issue_spans` in the span
        `bounds` of `text` (the sentence that states the stance: no word outside it counts)."""
        if not holder_spans:
            return {"holder_unnamed": 1.0}
        if not issue_spans:
            return {}
        holder, issue = min(((h, i) for h in holder_spans for i in issue_spans), key=lambda pair: abs(pair[0][0] - pair[1][0]))
        features: dict[str, float] = {}
        low, high = (holder[1], issue[0]) if holder[0] < issue[0] else (issue[1], holder[0])
        if high - low < self.between_max:
            features.update((f"between={word}", 1.0) for word in self._words(text[low:high]))
        else:
            features["holder_far"] = 1.0
        # ten characters a word is enough to reach `window` words of news text
        reach = 10 * self.window
        first, last = bounds
        features.update((f"before_holder={word}", 1.0)
                        for word in self.pattern.findall(text[max(first, holder[0] - reach):holder[0]].lower())[-self.window:]
                        if word not in self.stop)
        features.update((f"after_holder={word}", 1.0)
                        for word in self.pattern.findall(text[holder[1]:min(last, holder[1] + reach)].lower())[:self.window]
                        if word not in self.stop)
        return features


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"


def _words(words: Iterable[str]) -> "re.Pattern[str]":
    words = tuple(words)
    return re.compile(r"\b" + _starts_of(words) + "(?:" + _alternatives(words) + r")\b", re.IGNORECASE)


def _starts_of(words: Sequence[str]) -> str:
    """A lookahead for the first letters of the words: a search then tries the alternatives only where
    one of them can start, not at every word boundary (the same matches, in half the time)."""
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(map(re.escape, sorted({word[0] for word in words}))) + "])"


@dataclass(frozen=True)
class StanceModel:
    """A logistic model over named features, with the threshold under which stances are dropped."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float
    report_words: tuple[str, ...] = ()  # words that say a quote is reported speech ("said", "according to")
    cooccurrence: CooccurrenceWords | None = None  # describe the sentences co-occurrence candidates come from
    cooccurrence_margin: float = 0.0  # how much higher than the threshold a co-occurrence must be rated
    sentence_words: SentenceWords | None = None  # the words of a stance's sentences it is rated by
    relation_words: RelationWords | None = None  # the words around its holder's name it is rated by
    # rules whose stances, with no co-occurrence among their evidence, the model rates lower than they turn
    # out right (its weights predate most of them): their log-odds gain `lenient_bonus`
    lenient_rules: tuple[str, ...] = ()
    lenient_bonus: float = 0.0

    def threshold_for(self, features: Mapping[str, float]) -> float:
        """The rating a stance with these features needs to be kept: co-occurrences need the margin more."""
        return self.threshold + (self.cooccurrence_margin if features.get(f"rules={COOCCURRENCE_RULE}") else 0.0)

    def bonus(self, features: Mapping[str, float]) -> float:
        """The log-odds a stance gains for having been found by a lenient rule, with no co-occurrence among its
        evidence (0 otherwise)."""
        lenient = (self.lenient_bonus and not features.get(f"rule={COOCCURRENCE_RULE}")
                   and any(features.get(f"rule={rule}") for rule in self.lenient_rules))
        return self.lenient_bonus if lenient else 0.0

    @cached_property
    def report_pattern(self) -> "re.Pattern[str]":
        """Any of the report words, as a whole word."""
        return _words(self.report_words)

    def rate(self, features: Mapping[str, float]) -> float:
        """The probability that a stance with these features is right."""
        score = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        score += self.bonus(features)
        return 1.0 / (1.0 + math.exp(-score))

    def reasons(self, features: Mapping[str, float], top: int = 4) -> list[tuple[str, float]]:
        """The features that moved a rating most, with what each added to its log-odds, largest first."""
        added = [(name, self.weights.get(name, 0.0) * value) for name, value in features.items()]
        added.append(("lenient_rule", self.bonus(features)))
        return sorted((item for item in added if item[1]), key=lambda item: (-abs(item[1]), item[0]))[:top]


def read_stance_model(path: Path) -> StanceModel:
    """The model in a stance_model.yaml file (see training/train_stance_model.py)."""
    data = read_yaml(path, DictionaryError) or {}
    if not isinstance(data, dict):
        raise DictionaryError(f"{path}: the stance model must be a mapping")
    try:
        weights = {str(name): float(value) for name, value in (data.get("weights") or {}).items()}
        intercept, threshold = float(data["intercept"]), float(data["threshold"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DictionaryError(f"{path}: the stance model needs numeric weights, intercept and threshold ({exc})") from None
    if not 0 <= threshold < 1:
        raise DictionaryError(f"{path}: the stance model's threshold must be in [0, 1)")
    try:
        margin = float(data.get("cooccurrence_margin") or 0.0)
    except (TypeError, ValueError):
        margin = -1.0
    if not 0 <= margin < 1 - threshold:
        raise DictionaryError(f"{path}: the stance model's cooccurrence_margin must be a number in [0, 1 - threshold)")
    lenient = data.get("lenient_rules") or []
    if not isinstance(lenient, list) or not all(isinstance(rule, str) for rule in lenient):
        raise DictionaryError(f"{path}: the stance model's lenient_rules must be a list of rule ids")
    try:
        bonus = float(data.get("lenient_bonus") or 0.0)
    except (TypeError, ValueError):
        bonus = -1.0
    if not 0 <= bonus <= 5:
        raise DictionaryError(f"{path}: the stance model's lenient_bonus must be a number of log-odds in [0, 5]")
    return StanceModel(weights, intercept, threshold, tuple(str(w) for w in data.get("report_words") or []),
                       _cooccurrence_words(path, data.get("cooccurrence")), margin,
                       _sentence_words(path, data.get("sentence_words")), _relation_words(path, data.get("relation_words")),
                       tuple(lenient), bonus)


def _sentence_words(path: Path, data: object) -> SentenceWords | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise DictionaryError(f"{path}: 'sentence_words' must map 'min_length' (a number) and 'stop' (a list of words)")
    length, stop = data.get("min_length", 3), data.get("stop") or []
    if not isinstance(length, int) or length < 1:
        raise DictionaryError(f"{path}: sentence_words min_length must be a whole number of at least 1")
    if not isinstance(stop, list) or not all(isinstance(w, str) and w.strip() for w in stop):
        raise DictionaryError(f"{path}: sentence_words stop must be a list of words")
    return SentenceWords(length, frozenset(w.strip().lower() for w in stop))


def _relation_words(path: Path, data: object) -> RelationWords | None:
    if data is None:
        return None
    problem = f"{path}: relation_words needs whole numbers window, between_max and min_length (at least 1) and a list of stop words"
    if not isinstance(data, dict):
        raise DictionaryError(problem)
    numbers = [data.get(key, default) for key, default in (("window", 3), ("between_max", 200), ("min_length", 3))]
    stop = data.get("stop") or []
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in numbers) \
            or not isinstance(stop, list) or not all(isinstance(w, str) and w.strip() for w in stop):
        raise DictionaryError(problem)
    return RelationWords(*numbers, frozenset(w.strip().lower() for w in stop))


def _cooccurrence_words(path: Path, data: object) -> CooccurrenceWords | None:
    if data is None:
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(key) or {}, dict) for key in ("cues", "rejection")):
        raise DictionaryError(f"{path}: 'cooccurrence' must map 'cues' and 'rejection' (name -> words), 'prepositions'"
                              " and 'agents'")

    def words(value: object, what: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise DictionaryError(f"{path}: cooccurrence {what} must be a list of words")
        return tuple(value)

    return CooccurrenceWords({str(name): words(value, f"cue '{name}'") for name, value in (data.get("cues") or {}).items()},
                             words(data.get("prepositions"), "prepositions"), words(data.get("agents"), "agents"),
                             {str(name): words(value, f"rejection '{name}'")
                              for name, value in (data.get("rejection") or {}).items()})


def tuple_features(evidence: Sequence[Evidence], report_pattern: "re.Pattern[str]", *, conflict: bool, holders: int,
                   text_length: int, words: SentenceWords | None = None) -> dict[str, float]:
    """The features of one (holder, issue, polarity) of an article, from every stance that states it.

    `conflict`: the article gives the holder another polarity on the issue too; `holders`: how many
    holders the article's stances have."""
    first = evidence[0].stance
    features: dict[str, float] = {
        f"issue={first.issue}": 1.0, f"polarity={first.polarity.value}": 1.0, f"holder={first.holder}": 1.0,
        f"polarity_issue={first.polarity.value}:{first.issue}": 1.0,
        # how often annotators write this very position: the same actors keep the same sides in one negotiation
        f"position={first.holder}:{first.issue}:{first.polarity.value}": 1.0,
    }
    for item in evidence:
        combination = item.stance.rule or ""
        features[f"rules={combination}"] = 1.0
        for rule in combination.split("+"):
            features[f"rule={rule}"] = 1.0
        if item.cue:
            features[f"cue={item.cue.lower()}"] = 1.0
        for name, value in item.context:
            features[name] = max(features.get(name, 0.0), value)
    stances = [item.stance for item in evidence]
    if words is not None:
        # the wording around a stance says what no rule name does ("vetoed", "blockade", "reluctant"); in a
        # fixed order, so that the rating's sum, and the output, are the same from run to run
        for word in sorted(words.of(s.quote for s in stances)):
            features[f"word={word}"] = 1.0
    numeric = {
        "evidence": len(stances),
        "sentences": len({s.char_start for s in stances}),
        "path_length": min(item.path_length for item in evidence),
        "quote_length": min(len(s.quote) for s in stances),
        "holders": holders,
    }
    for name, value in numeric.items():
        features[name] = min(value, _CAPS[name]) / _CAPS[name]
    features["single"] = float(len(stances) == 1)
    features["confidence"] = max(s.confidence for s in stances)
    features["conditional"] = float(any(s.condition for s in stances))
    features["quoted"] = float(any('"' in s.quote or "\u201c" in s.quote for s in stances))
    features["reported"] = float(any(report_pattern.search(s.quote) for s in stances))
    features["conflict"] = float(conflict)
    features["position"] = min(s.char_start for s in stances) / max(1, text_length)
    return features


def article_features(evidence: Iterable[Evidence], report_pattern: "re.Pattern[str]",
                     text_length: int, words: SentenceWords | None = None) -> dict[tuple[str, str, str], dict[str, float]]:
    """The features of every (holder, issue, polarity) the stances of one article state."""
    groups: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for item in evidence:
        s = item.stance
        groups[(s.holder, s.issue, s.polarity.value)].append(item)
    sides: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (holder, issue, polarity), items in groups.items():
        # a co-occurrence's two candidate sides are one reading's alternatives, not a holder taking both
        if any(item.stance.rule != COOCCURRENCE_RULE for item in items):
            sides[(holder, issue)].add(polarity)
    holders = len({holder for holder, _, _ in groups})
    return {key: tuple_features(items, report_pattern, conflict=len(sides[key[:2]]) > 1, holders=holders,
                                text_length=text_length, words=words)
            for key, items in sorted(groups.items())}
