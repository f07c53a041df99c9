"""A rule lemmatizer for the parsed sentences: irregular forms from data, suffix rules by Penn tag.

The pipeline's own trained lemmatizer cost 40% of parsing time and still missed news verbs
("ruled" -> "rul"); the rules read a short table and the tag the parser already gave."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

_VOWELS = set("aeiou")


@lru_cache(maxsize=65536)
def lemma_candidates(lemma: str, text: str) -> tuple[str, ...]:
    """The parser's lemma, then base forms read off the word's ending: the lemmatizer trained on
    web text misses some news verbs ("ruled" -> "rul"), and a cue must not hang on that."""
    word = text.lower()
    found = [lemma, word]
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")),
                                 ("es", ("", "e")), ("s", ("",))):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)]
            found.extend(stem + r for r in replacements)
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                found.append(stem[:-1])  # stopped -> stop
            break
    return tuple(dict.fromkeys(found))


def lemma_of(text: str, tag: str, irregular: Mapping[str, str]) -> str:
    """The lemma of one word given its Penn tag: irregular table first, then suffix rules."""
    word = text.lower()
    known = irregular.get(word)
    if known is not None:
        return known
    if tag in ("VBZ", "NNS", "NNPS") or (tag.startswith("NN") and tag.endswith("S")):
        if tag.startswith("NNP"):
            return text  # proper names keep their form ("States", "Nations")
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("sses", "shes", "ches", "xes", "zes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    if tag in ("VBD", "VBN"):
        if word.endswith("ied") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith("ed") and len(word) > 3:
            stem = word[:-2]
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # stopped -> stop
            if stem.endswith(("at", "iz", "is", "us", "ov", "at", "ur", "ag", "rg", "dg", "nc", "rv", "lv", "bl", "pl", "tl", "c", "u")):
                return stem + "e"  # created -> create, used -> use, argued -> argue
            return stem
        return word
    if tag == "VBG":
        if word.endswith("ing") and len(word) > 4:
            stem = word[:-3]
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]
            if stem.endswith(("at", "iz", "us", "ov", "ur", "ag", "rg", "dg", "nc", "rv", "lv", "bl", "pl", "tl", "c", "u")):
                return stem + "e"
            return stem
        return word
    if tag.startswith("NNP"):
        return text
    return word


_INFLECTED = frozenset({"VBD", "VBN", "VBG", "VBZ", "NNS"})


def assign_lemmas(doc: Any, irregular: Mapping[str, str], known: frozenset[str] = frozenset()) -> None:
    """Set `token.lemma_` on every token of a parsed sentence. An inflected word whose rule lemma is
    not among the `known` words takes the first of its other base forms that is ("declined":
    declin -> decline), so that lists and patterns match every form of their words."""
    for token in doc:
        lemma = lemma_of(token.text, token.tag_, irregular)
        if known and token.tag_ in _INFLECTED and lemma not in known:
            lemma = next((c for c in lemma_candidates(lemma, token.text)[1:] if c in known), lemma)
        token.lemma_ = lemma
