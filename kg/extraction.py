"""Rule-based stance extraction: sentences -> actor, issue and cue mentions -> Stance statements.

The extractor is a pure function of one article plus the actor dictionary, the issue scheme
(ontology/*.ttl) and the cue lexicon (ontology/lexicon/*.yaml). Every stance records the rule
that produced it, a confidence, and the exact quote with its offsets.

Outline, per sentence that names an issue and a cue:
1. clauses: the sentence is cut at clause boundaries ("; ", ", while ", dashes ...); a clause
   without its own subject inherits the holder of the clause before it;
2. cue chains: consecutive cues and negators multiply their signs ("does not endorse" = -,
   "refuses to allow" = -, "ready to abandon" = -); the chain's scope runs to the right up to the
   next chain, a scope breaker or the clause end (predicative cues look left: "X is unacceptable");
3. holder: the nearest actor before the chain that is not the object of a preposition, a list
   of actors as a whole, a relative pronoun's antecedent, a pronoun's referent or, inside a
   quotation, its speaker; persons count for the actor they represent; outlets and anonymous
   sources never hold a stance, they are recorded as reported_via;
4. conditionals ("no A before B", "A unless B", "A only with B", "accept A if B", "refuse A
   without B") turn the stance on A into a conditional one with condition B.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from .dictionary import Dictionary, default_ontology_dir
from .errors import DictionaryError
from .model import Article, Method, Polarity, Stance
from .text import (
    PhraseScanner,
    Sentence,
    compile_phrases,
    normalise_phrase,
    phrase_variants,
    split_sentences,
)
from .yamlfile import read_yaml, yaml_files

#: Bump when the rules change in a way that changes output: incremental builds re-extract.
EXTRACTOR_VERSION = "3"

LEXICON_DIR = "lexicon"

# --- the lexicon -----------------------------------------------------------------------------

_LIST_KEYS = (
    "auxiliaries", "negators", "contrast", "neutral", "scope_breakers", "clause_boundaries", "blockers",
    "reporting_verbs", "joint", "anaphora", "source_nouns", "holder_nouns", "holder_modifiers",
    "addressee_verbs", "modifier_heads",
)
_MAP_KEYS = ("support", "oppose", "predicative", "modal", "conditional", "media", "coreference",
             "inverse_issues", "issue_patterns", "contextual_issues")
_KNOWN_KEYS = set(_LIST_KEYS) | set(_MAP_KEYS) | {"skip_headlines"}


@dataclass(frozen=True)
class Lexicon:
    """The cue lexicon: what the words around actors and issues mean for a stance."""

    data: Mapping[str, Any] = field(repr=False)
    files: tuple[str, ...] = ()

    def list(self, key: str) -> tuple[str, ...]:
        """The phrases of a list-valued key (empty when the lexicon does not set it)."""
        return tuple(self.data.get(key) or ())

    def map(self, key: str) -> Mapping[str, Any]:
        """The mapping of a map-valued key (empty when the lexicon does not set it)."""
        return self.data.get(key) or {}

    @property
    def skip_headlines(self) -> bool:
        """Whether title-case lines without a full stop are left out of extraction."""
        return bool(self.data.get("skip_headlines", True))

    def digest(self) -> str:
        """A hash of the lexicon's content (not of its file names)."""
        return hashlib.sha256(json.dumps(self.data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _check_strings(path: Path, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{path}: '{where}' must be a list of non-empty strings")
    return list(value)


def _merge(path: Path, target: dict[str, Any], data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if key not in _KNOWN_KEYS:
            raise DictionaryError(
                f"{path}: unknown key '{key}'", hint=f"known keys: {', '.join(sorted(_KNOWN_KEYS))}"
            )
        if key == "skip_headlines":
            if not isinstance(value, bool):
                raise DictionaryError(f"{path}: 'skip_headlines' must be true or false")
            target[key] = value
        elif key in _LIST_KEYS:
            target.setdefault(key, []).extend(_check_strings(path, key, value))
        elif key == "coreference":
            if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise DictionaryError(f"{path}: 'coreference' must map phrases to actor types")
            target.setdefault(key, {}).update(value)
        else:
            if not isinstance(value, dict):
                raise DictionaryError(f"{path}: '{key}' must be a mapping")
            merged = target.setdefault(key, {})
            for sub, items in value.items():
                merged.setdefault(str(sub), []).extend(_check_strings(path, f"{key}.{sub}", items))


def _lexicon_files(directory: Path) -> list[Path]:
    folder = directory / LEXICON_DIR
    if not folder.is_dir():
        raise DictionaryError(f"{folder}: lexicon folder not found", hint="it holds the cue lexicon (cues.yaml)")
    files = yaml_files(folder)
    if not files:
        raise DictionaryError(f"{folder}: no lexicon files (*.yaml)")
    return files


@lru_cache(maxsize=8)
def _cached_lexicon(paths: tuple[str, ...], stamp: tuple[float, ...]) -> Lexicon:
    data: dict[str, Any] = {}
    for name in paths:
        path = Path(name)
        loaded = read_yaml(path, DictionaryError)
        if loaded is None:
            continue
        if not isinstance(loaded, dict):
            raise DictionaryError(f"{path}: expected a mapping of lexicon keys")
        _merge(path, data, loaded)
    for key, patterns in data.get("issue_patterns", {}).items():
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise DictionaryError(f"issue pattern for {key} is not a valid regular expression: {pattern!r}: {exc}") from None
    return Lexicon(data=data, files=paths)


def load_lexicon(ontology_dir: Path | None = None) -> Lexicon:
    """The cue lexicon of an ontology folder (every lexicon/*.yaml, merged; cached while unchanged)."""
    directory = Path(ontology_dir) if ontology_dir else default_ontology_dir()
    files = _lexicon_files(directory)
    return _cached_lexicon(tuple(str(p.resolve()) for p in files), tuple(p.stat().st_mtime for p in files))


def extraction_fingerprint(dictionary: Dictionary, lexicon: Lexicon) -> str:
    """A hash of everything extraction output depends on besides the article: rerun when it changes."""
    payload = {
        "version": EXTRACTOR_VERSION,
        "actors": [[a.id, a.aliases, a.demonyms, a.represents, a.types] for a in sorted(dictionary.actors.values(), key=lambda a: a.id)],
        "issues": [[i.id, i.label, i.aliases, i.cues] for i in sorted(dictionary.issues.values(), key=lambda i: i.id)],
        "lexicon": lexicon.digest(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# --- inflection of verb cues -----------------------------------------------------------------

_VOWELS = "aeiou"


def inflect(verb_phrase: str) -> list[str]:
    """Regular English forms of a verb phrase, inflecting its first word (push for -> pushes for ...)."""
    head, _, rest = verb_phrase.strip().partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head}
    if head.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(head + "es")
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        forms.add(head[:-1] + "ies")
    else:
        forms.add(head + "s")
    if head.endswith("e"):
        forms.update({head + "d", head[:-1] + "ing"})
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        forms.update({head[:-1] + "ied", head + "ing"})
    else:
        forms.update({head + "ed", head + "ing"})
        if len(head) >= 3 and head[-1] not in _VOWELS + "wxy" and head[-2] in _VOWELS and head[-3] not in _VOWELS:
            forms.update({head + head[-1] + "ed", head + head[-1] + "ing"})  # sidestep -> sidestepped
    return sorted(f + tail for f in forms)


# --- the scanner: every phrase of dictionary and lexicon in one compiled trie ----------------

ACTOR, DEMONYM, MEDIA, SOURCE, ISSUE, INVERSE, CONTEXT = "actor", "demonym", "media", "source", "issue", "inverse", "context"
CUE, AUX, PRED, MODAL, NEG, CONTRAST, COND, NEUTRAL, BREAKER, BLOCKER, REPORT, JOINT, ANAPHOR, COREF, PRONOUN = (
    "cue", "aux", "pred", "modal", "neg", "contrast", "cond", "neutral", "breaker", "blocker", "report", "joint",
    "anaphor", "coref", "pronoun",
)
# When one surface form has several meanings, the first kind here wins (anaphora decide in context).
_KIND_ORDER = {k: n for n, k in enumerate(
    (MEDIA, ACTOR, ISSUE, INVERSE, CONTEXT, COND, CONTRAST, PRED, MODAL, CUE, AUX, NEG, NEUTRAL, JOINT, BLOCKER, REPORT,
     BREAKER, COREF, ANAPHOR, DEMONYM))}


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a phrase: its kind, a value (actor id, issue id, family ...) and a sign."""

    kind: str
    value: str = ""
    sign: int = 0


@dataclass(slots=True)
class Mention:
    """A phrase found in the text, with the meaning chosen for it."""

    start: int
    end: int
    kind: str
    value: str = ""
    sign: int = 0
    holder: str | None = None  # actors: the id that holds the stance (persons resolved)
    person: bool = False
    valid: bool = True  # actors: can be the subject of a cue
    possessor: Mention | None = None
    group: list | None = None  # pronouns: the coordinated actors "they" stands for
    addressee: bool = False  # "told the Security Council that ...": addressed, not the antecedent of "that"


_PREPOSITIONS = frozenset(
    """of to with for against between by from on in at over toward towards about into alongside among amongst
    under including than like via behind upon onto within across through during despite unlike
    beside besides regarding concerning involving around near outside inside throughout""".split()
)
_DETERMINERS = frozenset("the a an both all most many some several other its their his her this that these those".split())
_BE = re.compile(r"(?:\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?)$")
_BY_ACTOR = re.compile(r"\s+by\s+")
_TO_ACTOR = re.compile(r"\s*(?:to|for)\s+(?:the\s+)?$")
_RELATIVE = re.compile(r"^\s*,?\s*(?:which|who|that)\s+(?:[\w’']+\s+){0,2}$")
_LIST_SEPARATOR = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_ANAPHOR_DETERMINER = re.compile(
    r"(?:\b(?:the|this|that|these|those|such|its|their|his|her|a|an)|['’]s?)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_MODIFIER_GAP = re.compile(r"(?:['’]s?)?\s*|-")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")
_SKIPPED_BEFORE = frozenset(_DETERMINERS | {d.capitalize() for d in _DETERMINERS})
_OR_BEFORE = re.compile(r"\b(?:or|nor)\s+$")
_ADJECTIVAL = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_CLAUSE_AND = re.compile(r",\s+(?:and|or|but|while|whereas)\s+")
_DO_SO = re.compile(r"\bdo(?:ing)?\s+(?:so|that|this)\b")
# (?<!\w)(?:he|she|they|it|we|He|She|They|It|We|I)(?!\w), searched as the character before the
# pronoun (group 1) and the pronoun: the regex engine then only stops at spaces and punctuation.
# That character class also lets in letters beyond ASCII, which _pronouns() drops again.
_PRONOUN_WORDS = "he|she|they|it|we|He|She|They|It|We|I"
_PRONOUNS = re.compile(r"[^a-zA-Z0-9_](%s)(?!\w)" % _PRONOUN_WORDS)
_PRONOUN_AT_START = re.compile(r"(?:%s)(?!\w)" % _PRONOUN_WORDS)  # a pronoun at the very start of the text


def _pronouns(text: str, start: int, end: int) -> list[Mention]:
    """The personal pronouns in text[start:end], each preceded by a non-word character (or the text start)."""
    found = []
    if start == 0:
        first = _PRONOUN_AT_START.match(text, 0, end)
        if first:
            found.append(Mention(0, first.end(), PRONOUN, first.group().lower()))
    for match in _PRONOUNS.finditer(text, start - 1 if start else 0, end):
        before = text[match.start()]
        if before >= "\x80" and before.isalnum():
            continue  # a letter or digit beyond ASCII: inside a word
        found.append(Mention(match.start(1), match.end(1), PRONOUN, match.group(1).lower()))
    return found


_WORDS = re.compile(r"[\w’'-]+")
_QUOTE_MARKS = "“”\""  # quotation marks
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|whom)\s+(?:[\w-]+\s+){0,3}$")
_AND_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:and|or|,)\s*")
_ONLY_BEFORE = re.compile(r"\bonly\b(?:\W+\w+){0,6}\W*$")
_HE_SHE_AFTER = re.compile(r"\s*,?\s*(?:he|she)\b", re.IGNORECASE)
_HE_SHE_BEFORE = re.compile(r"\b(?:he|she|He|She)\s+(?:\w+\s+)?$")


class Scanner:
    """The compiled lookup of one dictionary and lexicon: built once, used for every article."""

    def __init__(self, dictionary: Dictionary, lexicon: Lexicon) -> None:
        self.dictionary = dictionary
        self.lexicon = lexicon
        self.entries: dict[str, list[Entry]] = {}
        self._meanings: dict[str, tuple | None] = {}
        self.dictionary_phrases: list[str] = []
        self.issue_phrases: list[str] = []
        self.actor_types: dict[str, tuple[str, ...]] = {a.id: a.types for a in dictionary.actors.values()}
        self.persons = {a.id for a in dictionary.actors.values() if a.is_person}
        for actor in dictionary.actors.values():
            for alias in {*actor.aliases, actor.label}:
                self._add(alias, Entry(ACTOR, actor.id), dictionary_phrase=True)
            for demonym in actor.demonyms:
                self._add(demonym, Entry(DEMONYM, actor.id), dictionary_phrase=True)
        for issue in dictionary.issues.values():
            for label in {issue.label, *issue.aliases, *issue.cues}:
                self._add(label, Entry(ISSUE, issue.id), dictionary_phrase=True)
                self.issue_phrases.extend(phrase_variants(label))
        for issue_id, phrases in lexicon.map("inverse_issues").items():
            self._check_issue(issue_id, "inverse_issues")
            for phrase in phrases:
                self._add(phrase, Entry(INVERSE, issue_id))
        for issue_id, phrases in lexicon.map("contextual_issues").items():
            self._check_issue(issue_id, "contextual_issues")
            for phrase in phrases:
                self._add(phrase, Entry(CONTEXT, issue_id))
        self.has_context = bool(lexicon.map("contextual_issues"))
        for polarity, sign in (("support", 1), ("oppose", -1)):
            block = lexicon.map(polarity)
            for verb in block.get("verbs", ()):
                for form in inflect(verb):
                    self._add(form, Entry(CUE, verb, sign))
            for phrase in block.get("phrases", ()):
                self._add(phrase, Entry(CUE, phrase, sign))
        for polarity, sign in (("support", 1), ("oppose", -1)):
            for phrase in lexicon.map("predicative").get(polarity, ()):
                self._add(phrase, Entry(PRED, phrase, sign))
            for phrase in lexicon.map("modal").get(polarity, ()):
                self._add(phrase, Entry(MODAL, phrase, sign))
        for family, phrases in lexicon.map("conditional").items():
            for phrase in phrases:
                self._add(phrase, Entry(COND, family))
        simple = ((AUX, "auxiliaries"), (NEG, "negators"), (CONTRAST, "contrast"), (NEUTRAL, "neutral"), (BREAKER, "scope_breakers"),
                  (BLOCKER, "blockers"), (REPORT, "reporting_verbs"), (JOINT, "joint"), (ANAPHOR, "anaphora"))
        for kind, key in simple:
            for phrase in lexicon.list(key):
                self._add(phrase, Entry(kind, phrase, -1 if kind in (NEG, CONTRAST) else (1 if kind == AUX else 0)))
        for phrase in lexicon.map("media").get("names", ()):
            self._add(phrase, Entry(MEDIA, phrase))
        for phrase, actor_type in lexicon.map("coreference").items():
            self._add(phrase, Entry(COREF, actor_type))
        for entries in self.entries.values():
            entries.sort(key=lambda e: _KIND_ORDER[e.kind])
        self.pattern = compile_phrases(self.entries)
        self.phrases = PhraseScanner(self.entries)  # the same matches as self.pattern, found faster
        self.dictionary_pattern = compile_phrases(self.dictionary_phrases)
        self.issue_pattern = compile_phrases(self.issue_phrases)
        nouns = lambda items: "|".join(  # noqa: E731 - a local formatting helper
            re.escape(n).replace(r"\ ", r"\s+") for n in sorted(items, key=len, reverse=True))
        self.demonym_tail = re.compile(
            r"(?:\s+(?:%s))*\s+(?:(?P<media>%s)|(?P<source>%s)|(?P<holder>%s))(?!\w)" % (
                nouns(lexicon.list("holder_modifiers")), nouns(lexicon.map("media").get("nouns", ())),
                nouns(lexicon.list("source_nouns")), nouns(lexicon.list("holder_nouns"))))
        # "Qatar's foreign ministry", "Israel's defense minister": a possessive actor with a holder noun
        self.possessive_tail = re.compile(
            r"['’]s?(?:\s+(?:%s))*\s+(?:%s)(?!\w)" % (
                nouns(lexicon.list("holder_modifiers")), nouns(lexicon.list("holder_nouns"))))
        self.source_phrase = re.compile(
            r"(?<!\w)(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Ii]nformed|[Ss]enior)\s+(?:(?:%s)\s+)*(?:%s)(?!\w)" % (
                nouns(lexicon.list("holder_modifiers") + ("informed", "unnamed", "anonymous", "diplomatic")),
                nouns(lexicon.list("source_nouns"))))
        # source_phrase cannot match without the first word of one of the source nouns
        source_nouns = lexicon.list("source_nouns")
        self.source_words = (_minimal_words({n.split()[0] for n in source_nouns})
                             if source_nouns and all(n.split() for n in source_nouns) else None)
        self.boundaries = re.compile("|".join(re.escape(b) for b in sorted(lexicon.list("clause_boundaries"), key=len, reverse=True)) or r"(?!x)x")
        self.issue_patterns = []
        for issue_id, patterns in lexicon.map("issue_patterns").items():
            self._check_issue(issue_id, "issue_patterns")
            for pattern in patterns:
                self.issue_patterns.append((issue_id, re.compile(pattern), required_literals(pattern)))
        # the words one of which each pattern needs, looked up per sentence (see _Extractor._pattern_candidates)
        self.issue_literals = tuple(sorted({w for _, _, words in self.issue_patterns for w in words}))
        self.always_patterns = [k for k, (_, _, words) in enumerate(self.issue_patterns) if not words]
        self.literal_patterns = {  # word -> the patterns that can match with it, and those that always can
            w: sorted({k for k, (_, _, words) in enumerate(self.issue_patterns) if w in words} | set(self.always_patterns))
            for w in self.issue_literals}
        self.breaker_words = {normalise_phrase(p).lower() for p in lexicon.list("scope_breakers")}
        # "the leaders of Egypt, Qatar and Turkey": a holder noun + "of" makes its actors subjects
        self.holder_of = re.compile(
            r"(?<!\w)(?:%s)\s+of\s+(?:the\s+)?$" % nouns(lexicon.list("holder_nouns")), re.IGNORECASE)
        # "Trump and the leaders of Egypt ...": a list goes on through a holder noun + "of"
        self.list_through_of = re.compile(
            r"^\s*(?:,\s*)?(?:and|,)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:%s)\s+of\s+(?:the\s+)?$" % nouns(lexicon.list("holder_nouns")))
        # "told the Security Council that ...": the actor after these verbs is addressed, not the subject
        self.addressee_words = frozenset(w.lower() for w in lexicon.list("addressee_verbs"))
        # "any aid distribution scheme": an issue that only modifies the noun after it is not the object
        heads = lexicon.list("modifier_heads")
        self.modifier_head = re.compile(r"\s+(?:%s)(?!\w)" % nouns(heads)) if heads else None
        self.modifier_words = _minimal_words(heads)  # one of them is in any text that has a modifier head

    def is_breaker(self, surface: str) -> bool:
        """Whether a phrase also ends a cue's scope ("after" does; "with" does not)."""
        return normalise_phrase(surface).lower() in self.breaker_words

    def _check_issue(self, issue_id: str, key: str) -> None:
        if issue_id not in self.dictionary.issues:
            raise DictionaryError(f"lexicon '{key}' names unknown issue {issue_id!r}", hint="issue ids are defined in ontology/issues.ttl")

    def _add(self, phrase: str, entry: Entry, dictionary_phrase: bool = False) -> None:
        for variant in phrase_variants(phrase):
            key = normalise_phrase(variant)
            bucket = self.entries.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            if dictionary_phrase:
                self.dictionary_phrases.append(variant)

    # -- mentions --

    def _meaning(self, surface: str) -> tuple | None:
        """What a matched surface string means, looked up once per distinct string.

        The first item says whether the mention is its meaning, with no context to look at
        (the common case, which `scan` handles first).
        """
        options = self.entries.get(normalise_phrase(surface))
        if not options:
            return None
        first = options[0]
        demonym = next((e.value for e in options if e.kind == DEMONYM), None)
        anaphor = next((e.value for e in options if e.kind == ANAPHOR), None)
        holder = self.dictionary.resolve_holder(first.value) if first.kind == ACTOR else None
        past = surface.endswith("ed")
        plain = first.kind in _PLAIN_KINDS and demonym is None and anaphor is None and not past
        return (plain, first.kind, first.value, first.sign, demonym, anaphor, holder, first.value in self.persons, past)

    def scan(self, text: str) -> list[Mention]:
        """Every mention in the text, left to right, one meaning each (context decides anaphora)."""
        mentions: list[Mention] = []
        append = mentions.append
        cache = self._meanings
        tail = self.demonym_tail
        skip_until = 0
        for start, end, surface in self.phrases.matches(text):
            if start < skip_until:
                continue
            try:
                meaning = cache[surface]
            except KeyError:
                meaning = cache[surface] = self._meaning(surface)
            if meaning is None:
                continue
            if meaning[0]:
                append(Mention(start, end, meaning[1], meaning[2], meaning[3]))  # no context to look at
                continue
            _, kind, value, sign, demonym, anaphor, holder, person, past = meaning
            if kind == ACTOR:
                if demonym is not None:
                    extended = tail.match(text, end)
                    if extended:
                        end = skip_until = extended.end()
                        if not extended.group("holder"):  # "US media", "a Hamas source"
                            append(Mention(start, end, MEDIA if extended.group("media") else SOURCE, surface))
                            continue
                if end < len(text) and text[end] in "'’":
                    extended = self.possessive_tail.match(text, end)
                    if extended:  # "Qatar's foreign ministry says ..."
                        end = skip_until = extended.end()
                append(Mention(start, end, ACTOR, value, holder=holder, person=person))
                continue
            if demonym is not None:
                extended = tail.match(text, end)
                if extended:
                    end = skip_until = extended.end()
                    if extended.group("holder"):
                        append(Mention(start, end, ACTOR, demonym, holder=self.dictionary.resolve_holder(demonym)))
                    elif extended.group("media"):
                        append(Mention(start, end, MEDIA, surface))
                    else:
                        append(Mention(start, end, SOURCE, surface))
                    continue
                if kind == DEMONYM:
                    continue  # a bare adjective ("Israeli withdrawal") names no actor
            if anaphor is not None and _ANAPHOR_DETERMINER.search(text, max(0, start - 40), start):
                append(Mention(start, end, ANAPHOR, anaphor))
                continue
            if kind == ANAPHOR:
                continue
            if past and kind == CUE and _ADJECTIVAL.search(text, max(0, start - 8), start):
                continue  # "the proposed resolution", "the planned deployment": adjectives, not cues
            append(Mention(start, end, kind, value, sign))
        return mentions

    def scan_dictionary(self, text: str) -> list[tuple[int, int, tuple[Entry, ...]]]:
        """The bare dictionary scan: actor and issue phrases with their entries, nothing else."""
        found = []
        entries = self.entries
        cache: dict[str, tuple[Entry, ...]] = {}
        for match in self.dictionary_pattern.finditer(text):
            surface = match.group()
            options = cache.get(surface)
            if options is None:
                options = cache[surface] = tuple(entries.get(normalise_phrase(surface), ()))
            found.append((match.start(), match.end(), options))
        return found

    def issues_in(self, text: str, start: int, end: int) -> list[Mention]:
        """Issue mentions inside a span, e.g. within an actor phrase ("countries considering sending troops")."""
        found = []
        for match in self.issue_pattern.finditer(text, start, end):
            for entry in self.entries.get(normalise_phrase(match.group()), ()):
                if entry.kind == ISSUE:
                    found.append(Mention(match.start(), match.end(), ISSUE, entry.value))
                    break
        return found


def _minimal_words(words: Iterable[str]) -> tuple[str, ...]:
    """The words that do not contain another of the words: a text has one of these iff it has one of all."""
    unique = set(words)
    return tuple(sorted(w for w in unique if not any(v != w and v in w for v in unique)))


_STANCE_CUES = frozenset({CUE, AUX, PRED, MODAL, COND})
_COMPOUND = re.compile(r"-[^\W\d_]")  # "U.S.-drafted", "Egyptian-mediated": an adjective, not a subject
_RELATIVE_CHAIN = re.compile(r",?\s*\b(?:which|that)\s+(?:[\w’'-]+\s+){0,2}$")
_HYPOTHETICAL = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether)\s+(?:the\s+)?$")
_OF_BETWEEN = re.compile(r"\s+of\s+(?:the\s+)?")
_PASSIVE_GAP = re.compile(r"\W*be(?:en)?\s+")
def _hypothetical(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in "if", "unless" or "whether" (+ "the"): the actor after it only might act."""
    if text.find("f", start, end) < 0 and text.find("ess", start, end) < 0 and text.find("eth", start, end) < 0:
        return False  # none of the three words: skip the regex
    return _HYPOTHETICAL.search(text, start, end) is not None


_AND_BUT = re.compile(r"\b(?:and|but)\b")
_BUT_NOT_BEFORE = re.compile(r"\bbut\s+not\s+(?:to\s+)?$")
_COLON_GAP = re.compile(r"\s*:\s*")
_STRONG_CUES = frozenset({CUE, PRED, MODAL})
_ISSUE_KINDS = frozenset({ISSUE, INVERSE, ANAPHOR})
_PLAIN_KINDS = frozenset(_KIND_ORDER) - {ACTOR, ANAPHOR, DEMONYM}  # a mention of these kinds is its meaning
_CHAIN_KINDS = frozenset({CUE, AUX, PRED, MODAL, NEG, NEUTRAL})
_VIA_KINDS = frozenset({MEDIA, SOURCE})

def required_literals(pattern: str) -> tuple[str, ...]:
    """Words one of which any match of the pattern must contain (empty when unknown): a cheap prefilter."""
    from re import _parser as parser  # the stdlib's own regex parser (sre_parse)

    try:
        parsed = parser.parse(pattern)
    except re.error:
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()

    def sequence(items) -> set[str] | None:
        best: set[str] | None = None
        run = ""
        for op, arg in list(items) + [(None, None)]:
            if op is parser.LITERAL:
                run += chr(arg)
                continue
            if op is parser.ASSERT or op is parser.ASSERT_NOT:
                continue  # zero-width: "w(?<![\w-].)ithdr" still needs "withdr"
            if len(run) >= 3 and (best is None or min(map(len, best)) < len(run)):
                best = {run}
            run = ""
            found = None
            if op is parser.SUBPATTERN and arg[1] == 0 and arg[2] == 0:  # no local flags
                found = sequence(arg[3])
            elif op is parser.BRANCH:
                options = [sequence(branch) for branch in arg[1]]
                if all(options):
                    found = set().union(*options)
            elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT) and arg[0] >= 1:
                found = sequence(arg[2])
            if found and (best is None or min(map(len, found)) > min(map(len, best))):
                best = found
        return best

    found = sequence(parsed)
    return tuple(sorted(found)) if found else ()


_SCANNERS: dict[tuple[int, int], tuple[Dictionary, Lexicon, Scanner]] = {}


def get_scanner(dictionary: Dictionary, lexicon: Lexicon) -> Scanner:
    """The compiled scanner for this dictionary and lexicon (built on first use, then reused)."""
    key = (id(dictionary), id(lexicon))
    cached = _SCANNERS.get(key)
    if cached is not None and cached[0] is dictionary and cached[1] is lexicon:
        return cached[2]
    scanner = Scanner(dictionary, lexicon)
    if len(_SCANNERS) > 8:
        _SCANNERS.clear()
    _SCANNERS[key] = (dictionary, lexicon, scanner)
    return scanner


# --- the rules ------------------------------------------------------------------------------

_CONFIDENCE = {
    "cue": 0.8, "predicative": 0.75, "modal": 0.7, "conditional": 0.75, "list": 0.7,
}


@dataclass(slots=True)
class _Chain:
    """Consecutive cues and negators read together: "is not ready to abandon"."""

    start: int
    end: int
    sign: int
    kind: str  # CUE, PRED or MODAL (of its last real cue)
    name: str  # the lexicon entry of its last real cue, for the rule id
    neutral: bool = False
    negated: bool = False  # holds a negator: "does not endorse A or authorize B" carries it to B
    or_negated: bool = False
    modal_start: int = 0  # where the modal verb itself starts ("Israel insists that Hamas must ...")


@dataclass(slots=True)
class _Found:
    holder: str
    issue: str
    polarity: Polarity
    span: tuple[int, int]
    rule: str
    confidence: float
    condition: str | None = None


class _ArticleState:
    """What the rules remember across sentences of one article (for pronouns and anaphora)."""

    def __init__(self) -> None:
        self.history: list[tuple[int, str, str, Polarity]] = []  # (sentence index, holder, issue, polarity)
        self.sentence_holders: dict[int, str] = {}


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


_WORD_BEHIND = re.compile(r"[^\w’'-]+([\w’'-]+)")  # in reversed text: the gap before a word, then the word


def _preceding_word(backwards: str, position: int, floor: int) -> str:
    """The word before `position` (lowercased), skipping determiners: "of" in "of the Hamas".

    `backwards` is the text reversed (text[::-1]): a word before a position is a word after it
    there, which a regular expression finds in one match. Only the 60 characters before
    `position` (and not before `floor`) are read; a word must be followed by a non-word
    character. A run of nothing but determiners yields its first one.
    """
    n = len(backwards)
    endpos = n - max(floor, position - 60)
    match = _WORD_BEHIND.match(backwards, n - position, endpos)
    if match is None:
        return ""
    while True:
        token = match.group(1)[::-1]
        if token not in _SKIPPED_BEFORE or match.end() == endpos:
            return token.lower()
        following = _WORD_BEHIND.match(backwards, match.end(), endpos)
        if following is None:
            return token.lower()
        match = following


@lru_cache(maxsize=4096)
def _rule_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


class _SentenceRules:
    """Applies the rules to one sentence."""

    def __init__(self, extractor: "_Extractor", index: int, sentence: Sentence, mentions: list[Mention]) -> None:
        self.x = extractor
        self.text = extractor.text
        self.index = index
        self.sentence = sentence
        self.mentions = mentions
        self.found: list[_Found] = []
        self._lists: dict[int, list[Mention]] = {}  # coordinated groups of self.actors, by id of the mention

    # holders ------------------------------------------------------------------------------

    def _list_of(self, mention: Mention, actors: list[Mention]) -> list[Mention]:
        """The coordinated actors a mention belongs to ("Qatar, Egypt and Jordan")."""
        if actors is not self.actors:
            return self._coordinated(mention, actors, actors.index(mention))
        key = id(mention)
        cached = self._lists.get(key)
        if cached is None:
            cached = self._lists[key] = self._coordinated(mention, actors, self._actor_index[key])
        return cached

    def _coordinated(self, mention: Mention, actors: list[Mention], index: int) -> list[Mention]:
        text = self.text
        first = last = index
        through_of = self.x.scanner.list_through_of
        separator = _LIST_SEPARATOR.match
        while first > 0:
            gap = text[actors[first - 1].end:actors[first].start]
            if not (separator(gap) or (" of" in gap and through_of.match(gap))):
                break
            first -= 1
        count = len(actors)
        while last + 1 < count:
            gap = text[actors[last].end:actors[last + 1].start]
            if not (separator(gap) or (" of" in gap and through_of.match(gap))):
                break
            last += 1
        if first == last or not any(_CONJUNCTION.search(text[actors[n].end:actors[n + 1].start]) for n in range(first, last)):
            return [mention]  # "According to Witkoff, the U.S. ...": apposition or two clauses, not a list
        return actors[first:last + 1]

    def _holders_left(self, actors: list[Mention], position: int, floor: int, skip_subject: bool = False) -> list[Mention]:
        """The holder(s) for a cue at `position`: the nearest actor before it that can be a subject."""
        text = self.text
        first = True  # the nearest candidate (skipped with skip_subject when right before the position)
        for mention in reversed(actors):
            if mention.start < floor or mention.end > position:
                continue
            if first:
                first = False
                if skip_subject and _words(text[mention.end:position]) <= 1:
                    continue
            between = text[mention.end:position]
            if _RELATIVE.match(between) and not mention.addressee:
                return self._list_of(mention, actors)
            if not mention.valid:
                continue
            if mention.group:
                return mention.group
            group = self._list_of(mention, actors)
            if not group[0].valid:
                continue
            return group
        return []

    # main ---------------------------------------------------------------------------------

    def run(self) -> list[_Found]:
        s = self.sentence
        text = self.text
        x = self.x
        mentions = self.mentions
        # pronouns and coreference nouns
        pronouns = _pronouns(text, s.start, s.end)
        if pronouns:
            pronouns = [p for p in pronouns if not any(m.start <= p.start < m.end for m in mentions)]
            mentions = mentions + pronouns
            mentions.sort(key=lambda m: (m.start, -m.end))
        issues: list[Mention] = []
        actors: list[Mention] = []
        anaphora = False
        for m in mentions:
            kind = m.kind
            if kind == ACTOR:
                actors.append(m)
            elif kind == ISSUE or kind == INVERSE:
                issues.append(m)
            elif kind == ANAPHOR:
                anaphora = True
            elif kind == COREF:
                ref = x.last_of_type(m.value, m.start)
                if ref:
                    m.kind, m.holder = ACTOR, ref
                    actors.append(m)
            elif kind == PRONOUN:
                ref = self._resolve_pronoun(m, actors)
                if ref:
                    m.kind, m.holder = ACTOR, ref
                    actors.append(m)
        if not actors and not x.speakers.get(self.index):
            return []  # no one to hold a stance: no actor, coreference, pronoun or speaker
        # actors inside or right before an issue phrase are modifiers ("Hamas disarmament", "UN vote")
        sentence_start = s.start
        scanner = x.scanner
        backwards = x.backwards
        for a in actors:
            a0, a1 = a.start, a.end
            nxt = None
            overlaps = False
            for i in issues:
                if i.start < a1 and a0 < i.end:
                    overlaps = True
                    break
                if nxt is None and i.start >= a1:
                    nxt = i
            if overlaps:
                a.valid = False
                continue
            if nxt is not None and _MODIFIER_GAP.fullmatch(text, a1, nxt.start):
                a.valid = False
                continue
            after = text[a1:a1 + 1]  # the regexes below need a hyphen or an apostrophe right after the actor
            if after == "-" and _COMPOUND.match(text, a1):
                a.valid = False
                continue
            if after in "'’" and _POSSESSIVE.match(text, a1):
                cue_after = any(c.kind in (CUE, PRED) and a1 < c.start <= a1 + 30 for c in mentions)
                if not cue_after:
                    a.valid = False
                    continue
            word = _preceding_word(backwards, a0, sentence_start)
            if word in _PREPOSITIONS:
                if word != "of" or not scanner.holder_of.search(text, max(sentence_start, a0 - 40), a0):
                    a.valid = False
            elif word in scanner.addressee_words:
                a.valid = False
                a.addressee = True
        self.actors = actors
        self._actor_index = {id(a): n for n, a in enumerate(actors)}
        self.all = mentions
        # resolve anaphora ("the proposal", "Hamas's demands") to issues
        if anaphora:
            for m in mentions:
                if m.kind == ANAPHOR:
                    resolved = x.resolve_anaphor(m, self.index, actors, issues)
                    if resolved:
                        m.kind, m.value = ISSUE, resolved
                        m.sign = 1  # marks an anaphor (lower confidence)
            self.issues = [m for m in mentions if m.kind in (ISSUE, INVERSE)]
        else:
            self.issues = issues
        self._starts = [m.start for m in mentions]  # ascending: clauses are slices of the mentions
        if not self.issues:
            return []
        # clauses
        cuts = [s.start]
        for match in x.scanner.boundaries.finditer(text, s.start, s.end):
            cuts.append(match.end())
        for match in (_CLAUSE_AND.finditer(text, s.start, s.end) if text.find(",", s.start, s.end) >= 0 else ()):
            # ", and Russia's proposal deepens ...": a new subject starts a new clause
            if any(a.end == match.start() for a in actors):
                continue  # "Indonesia, and Pakistan": a list goes on
            if any(a.valid or _POSSESSIVE.match(text, a.end) for a in actors if match.end() <= a.start <= match.end() + 12):
                cuts.append(match.end())
        if len(cuts) == 1:  # one clause, the whole sentence: it passes its subject on to no one
            if s.start < s.end:
                self._clause(s.start, s.end, [], False)
            return self.found
        cuts.sort()
        cuts.append(s.end)
        clauses = [(c0, c1) for c0, c1 in zip(cuts, cuts[1:]) if c0 < c1]
        inherited: list[Mention] = []
        for n, (c0, c1) in enumerate(clauses):
            # the last clause passes its subject on to no one
            inherited = self._clause(c0, c1, inherited, n + 1 < len(clauses))
        return self.found

    def _resolve_pronoun(self, m: Mention, actors: list[Mention]) -> str | None:
        word = m.value
        if word in ("we", "i"):
            return self.x.speakers.get(self.index)
        if word in ("he", "she"):
            return self.x.last_person(m.start)
        before = [a for a in actors if a.end <= m.start and not a.person]
        if before:
            if word == "they":
                group = self._coordinated(before[-1], before, len(before) - 1)
                if len(group) > 1:  # "Saudi Arabia and the UAE have said they will ..."
                    m.group = group
            return before[-1].holder
        return self.x.state.sentence_holders.get(self.index - 1)

    def _chains(self, cues: list[Mention], blockers: list[Mention]) -> list[_Chain]:
        """The cue chains of a clause, from its cues, auxiliaries, negators ... (in order) and blockers."""
        text = self.text
        issues = self.issues
        # consecutive cues and negators, cut where a comma, an issue or more than three words come between
        groups: list[list[Mention]] = []
        current: list[Mention] = [cues[0]]
        for m in cues[1:]:
            previous = current[-1].end
            gap = text[previous:m.start]
            if ("," in gap or ";" in gap or _words(gap) > 3 or
                    (m.kind == CUE and current[-1].kind == CUE and _AND_BUT.search(gap)) or
                    any(i.start >= previous and i.end <= m.start for i in issues)):
                # "condemned the strikes and urged ...": two coordinated verbs, two chains
                groups.append(current)
                current = []
            current.append(m)
        groups.append(current)
        chains: list[_Chain] = []
        for group in groups:
            sign = 1
            last = None
            negated = False
            modal_start = None
            for m in group:
                kind = m.kind
                if kind != NEUTRAL and m.sign < 0:
                    sign = -sign
                if kind == NEG:
                    negated = True
                    continue
                last = m
                if kind == MODAL and modal_start is None:
                    modal_start = m.start
            if last is None:
                continue  # negators only
            start = group[0].start
            blocked = bool(blockers) and any(0 <= start - b.end <= 12 for b in blockers)
            # positional: (start, end, sign, kind, name, neutral, negated, or_negated, modal_start)
            chain = _Chain(start, group[-1].end, sign, last.kind if last.kind != NEUTRAL else CUE, last.value,
                           blocked or last.kind == NEUTRAL, negated, False, start if modal_start is None else modal_start)
            if text.find("not", max(0, start - 8), start) >= 0 and _BUT_NOT_BEFORE.search(text, max(0, start - 12), start):
                chain.sign = -chain.sign  # "willing to train police but not to take part in disarming"
            if chains and chains[-1].negated and _OR_BEFORE.search(text, max(chains[-1].end, start - 6), start):
                chain.or_negated = True
            chains.append(chain)
        return chains

    def _emit(self, holders: list[Mention] | list[str], issue: str, polarity: Polarity, parts: Iterable[tuple[int, int]],
              rule: str, confidence: float, condition: str | None = None) -> None:
        s0, s1 = self.sentence.start, self.sentence.end
        start = end = None
        for p0, p1 in parts:
            if p0 >= s0 and p1 <= s1:
                if start is None:
                    start, end = p0, p1
                else:
                    if p0 < start:
                        start = p0
                    if p1 > end:
                        end = p1
        if start is None:
            return  # no evidence inside the sentence (every rule passes at least its cue)
        persons = self.x.scanner.persons
        confidence = round(confidence, 2)
        for holder in holders:
            holder_id = holder if isinstance(holder, str) else holder.holder
            if holder_id is None or holder_id in persons:
                continue
            self.found.append(_Found(holder_id, issue, polarity, (start, end), rule, confidence, condition))

    def _clause(self, c0: int, c1: int, inherited: list[Mention], pass_on: bool = True) -> list[Mention]:
        """The stances of one clause; returns the subject the next clause inherits (when pass_on)."""
        text = self.text
        x = self.x
        lo = bisect.bisect_left(self._starts, c0)
        inside = self.all[lo:bisect.bisect_left(self._starts, c1, lo)]
        # one pass over the clause's mentions: what the rules below look for
        cues: list[Mention] = []
        conds: list[Mention] = []
        issues: list[Mention] = []
        breakers: list[int] = []
        blockers: list[Mention] = []
        own_subject = joint = False
        for m in inside:
            kind = m.kind
            if kind in _CHAIN_KINDS:
                if m.end <= c1:
                    cues.append(m)
                if kind == NEUTRAL:
                    breakers.append(m.start)
            elif kind == ACTOR:
                if m.valid:
                    own_subject = True  # the actors are exactly the mentions of kind ACTOR
            elif kind == ISSUE or kind == INVERSE:
                if m.end <= c1:
                    issues.append(m)
            elif kind == COND:
                conds.append(m)
                if m.value != "only_then" or x.scanner.is_breaker(text[m.start:m.end]):
                    breakers.append(m.start)
            elif kind == BREAKER:
                breakers.append(m.start)
            elif kind == JOINT:
                joint = True
            elif kind == BLOCKER:
                blockers.append(m)
        chains = self._chains(cues, blockers) if cues else []
        if not chains and not conds:
            if own_subject and pass_on:
                return self._holders_left(self.actors, c1, c0) or inherited
            return inherited
        consumed: set[str] = set()
        speaker = x.speakers.get(self.index)

        def holders_for(position: int, skip_subject: bool = False) -> tuple[list[Mention] | list[str], float]:
            if joint:
                group = [a for a in self.actors if c0 <= a.start and a.end <= position
                         and not any(i.start < a.end and a.start < i.end for i in self.issues)]
                if group:
                    return group, 0.0
            found = self._holders_left(self.actors, position, c0, skip_subject)
            if found:
                return found, 0.0
            if inherited:
                return inherited, -0.05
            if speaker:
                return [speaker], -0.1
            return [], 0.0

        # conditionals first: they decide what the stance on A and B is
        for cond in conds:
            self._conditional(cond, chains, issues, c0, c1, holders_for, consumed)

        for n, chain in enumerate(chains):
            if chain.neutral:
                continue
            nxt = chains[n + 1].start if n + 1 < len(chains) else c1
            stop = nxt if nxt < c1 else c1
            for b in breakers:
                if chain.end <= b < stop:
                    stop = b
            base = _CONFIDENCE["cue"]
            if chain.kind == PRED:
                self._predicative(chain, issues, c0, c1, holders_for, consumed)
                continue
            if chain.kind == AUX:
                # "Hamas will not disarm": only an issue verb right after the auxiliary
                scope = [i for i in issues if chain.end <= i.start < stop and _words(text[chain.end:i.start]) <= 1][:1]
                if scope and _PASSIVE_GAP.fullmatch(text, chain.end, scope[0].start):
                    # "Hamas will be disarmed": the subject undergoes it; whoever says so holds it
                    holders = self._holders_left(self.actors, chain.start, c0, skip_subject=True)
                    holders, penalty = (holders, 0.0) if holders else ([speaker] if speaker else inherited, -0.1)
                else:
                    holders, penalty = holders_for(chain.start)
                for issue in scope:
                    if issue.value in consumed or not holders:
                        continue
                    sign = chain.sign * (-1 if issue.kind == INVERSE else 1)
                    polarity = Polarity.SUPPORT if sign > 0 else Polarity.OPPOSE
                    parts = [(chain.start, chain.end), (issue.start, issue.end)] + [(h.start, h.end) for h in holders if isinstance(h, Mention)]
                    self._emit(holders, issue.value, polarity, parts, f"aux.{polarity.value}.{_rule_name(chain.name)}",
                               _CONFIDENCE["modal"] + penalty)
                continue
            if chain.kind == MODAL:
                scope = [i for i in issues if chain.end <= i.start and _words(text[chain.end:i.start]) <= 2 and i.start < stop]
                if not scope and not conds:
                    # "the Rafah crossing must open", "any international force must be deployed": the issue is the subject
                    scope = [i for i in issues if i.end <= chain.start and _words(text[i.end:chain.start]) == 0
                             and not _POSSESSIVE.match(text, i.end)][-1:]
                if not scope:
                    continue
                holders = self._holders_left(self.actors, chain.modal_start, c0, skip_subject=True)
                if not holders:
                    prior = [f.holder for f in self.found]
                    holders = [prior[-1]] if prior else ([speaker] if speaker else inherited)
                for issue in scope[:1]:
                    if issue.value in consumed:
                        continue
                    sign = chain.sign * (-1 if issue.kind == INVERSE else 1)
                    self._emit(holders, issue.value, Polarity.SUPPORT if sign > 0 else Polarity.OPPOSE,
                               [(chain.start, chain.end), (issue.start, issue.end)],
                               f"modal.{'support' if sign > 0 else 'oppose'}.{_rule_name(chain.name)}", _CONFIDENCE["modal"])
                continue
            # passive: "disarmament was rejected by Hamas"
            passive_holder: list[Mention] = []
            if _BE.search(text, max(c0, chain.start - 30), chain.start):
                by = _BY_ACTOR.match(text, chain.end)
                if by:
                    passive_holder = [a for a in self.actors if a.start >= by.end() and a.start - by.end() <= 4][:1]
            if passive_holder:
                scope = [i for i in issues if i.end <= chain.start][-1:]
                holders, penalty = passive_holder, 0.0
                rule_kind = "passive"
            else:
                scope = []
                every = self.all
                for k in range(bisect.bisect_left(self._starts, chain.end), len(every)):
                    m = every[k]
                    if m.start > stop:
                        break  # none from here on ends by the stop
                    if m.end <= stop and m.kind in (ISSUE, INVERSE, NEG, CONTRAST):
                        scope.append(m)
                holders, penalty = holders_for(chain.start)
                rule_kind = "cue"
                if not any(m.kind in (ISSUE, INVERSE) for m in scope):
                    # relative clause: "a plan that Netanyahu endorsed", "the aid network that Israel sidelined"
                    before = [a for a in self.actors if c0 <= a.start and a.end <= chain.start]
                    if before and _RELATIVE_BEFORE.search(text[max(c0, before[-1].start - 30):before[-1].start]):
                        left = [i for i in self.issues if i.end <= before[-1].start and i.start >= self.sentence.start]
                        scope = left[-1:]
                        holders, penalty = self._list_of(before[-1], self.actors), 0.0
                        rule_kind = "relative"
            if rule_kind == "cue":
                window = max(c0, chain.start - 60)
                relative = (_RELATIVE_CHAIN.search(text, window, chain.start)
                            if text.find("which", window, chain.start) >= 0 or text.find("that", window, chain.start) >= 0 else None)
                if relative and any(0 <= relative.start() - i.end <= 1 for i in self.issues) and not any(
                        relative.start() <= a.start and a.end <= chain.start for a in self.actors):
                    continue  # "the plan, which calls for a force": the issue, not an actor, is the subject
            first_holder = holders[0] if holders and isinstance(holders[0], Mention) else None
            if first_holder is not None and _hypothetical(text, max(c0, first_holder.start - 12), first_holder.start):
                continue  # "if Hamas refuses to disarm": a hypothesis, not a position
            if not holders:
                continue
            sign = chain.sign
            if chain.or_negated:
                sign = -sign
            # within one stretch the later mention of an issue decides ("a pause to resume its
            # campaign"); a negator or contrast starts a new stretch ("peacekeepers but not ...")
            seen: dict[tuple[str, int], tuple[int, Mention]] = {}
            stretch = 0
            head = None
            for m in scope:
                if m.kind in (NEG, CONTRAST):
                    sign = -sign
                    stretch += 1
                    head = None
                    continue
                if head is not None and m.kind == ISSUE and _OF_BETWEEN.fullmatch(text, head.end, m.start):
                    continue  # "phase two of the ceasefire deal": the ceasefire only says which phase
                head = m
                if m.value in consumed:
                    continue
                if any(h.start <= m.start and m.end <= h.end for h in holders if isinstance(h, Mention)):
                    continue
                seen[(m.value, stretch)] = (sign * (-1 if m.kind == INVERSE else 1), m)
            for (issue_id, _), (polarity_sign, m) in seen.items():
                polarity = Polarity.SUPPORT if polarity_sign > 0 else Polarity.OPPOSE
                confidence = base + penalty - (0.15 if m.sign == 1 and m.kind == ISSUE else 0.0) - (0.05 if m.kind == INVERSE else 0.0)
                if joint and len(holders) > 1:
                    rule = "list.joint_statement"
                    confidence = _CONFIDENCE["list"]
                else:
                    rule = f"{rule_kind}.{polarity.value}.{_rule_name(chain.name)}"
                parts = [(chain.start, chain.end), (m.start, m.end)]
                parts += [(h.start, h.end) for h in holders if isinstance(h, Mention)]
                self._emit(holders, issue_id, polarity, parts, rule, confidence)
        if not pass_on:
            return inherited
        clause_subject = self._holders_left(self.actors, c1, c0)
        return own_subject and clause_subject or inherited or clause_subject

    def _predicative(self, chain: _Chain, issues: list[Mention], c0: int, c1: int, holders_for, consumed: set[str]) -> None:
        text = self.text
        left = [i for i in issues if i.end <= chain.start]
        if not left:
            return
        objects = [left[-1]]
        for i in reversed(left[:-1]):
            if _AND_BETWEEN.fullmatch(text[i.end:objects[-1].start]):
                objects.append(i)
            else:
                break
        holders: list[Mention] | list[str] = []
        penalty = 0.0
        for a in self.actors:
            if a.start >= chain.end and _TO_ACTOR.fullmatch(text[chain.end:a.start]):
                holders = self._list_of(a, self.actors)
                break
        if not holders:
            first = objects[-1]
            possessor = [a for a in self.actors if 0 <= first.start - a.end <= 3 and _POSSESSIVE.match(text, a.end)]
            pool = [a for a in self.actors if a not in possessor]
            holders = self._holders_left(pool, first.start, c0)
            if not holders:
                holders, penalty = holders_for(first.start)
        if not holders:
            return
        for obj in objects:
            if obj.value in consumed:
                continue
            sign = chain.sign * (-1 if obj.kind == INVERSE else 1)
            polarity = Polarity.SUPPORT if sign > 0 else Polarity.OPPOSE
            parts = [(obj.start, obj.end), (chain.start, chain.end)]
            parts += [(h.start, h.end) for h in holders if isinstance(h, Mention)]
            confidence = _CONFIDENCE["predicative"] + penalty - (0.15 if obj.sign == 1 else 0.0)
            self._emit(holders, obj.value, polarity, parts, f"predicative.{polarity.value}.{_rule_name(chain.name)}", confidence)

    def _conditional(self, cond: Mention, chains: list[_Chain], issues: list[Mention], c0: int, c1: int,
                     holders_for, consumed: set[str]) -> None:
        text = self.text
        family = cond.value
        region_end = c1
        comma = text.find(",", cond.end, c1)
        if comma >= 0:
            region_end = comma
        b_candidates = [i for i in issues if i.kind == ISSUE and cond.end <= i.start and i.end <= region_end]
        if family == "before":
            b_candidates = [i for i in b_candidates if _words(text[cond.end:i.start]) <= 4]
        if not b_candidates:
            return
        before_values = {i.value for i in issues if i.end <= cond.start and i.start >= c0}
        # "contributing troops as long as the force operates under a UN mandate": B is a different issue
        b = next((i for i in b_candidates if i.value not in before_values), b_candidates[0])
        if family == "only_then":
            # "withdraw only once Hamas disarms": conditional only with "only" shortly before
            if not _ONLY_BEFORE.search(text[max(c0, cond.start - 60):cond.start]):
                return
            family = "unless"
        governing = [ch for ch in chains if ch.end <= cond.start and not ch.neutral]
        chain = governing[-1] if governing else None
        left = [i for i in issues if i.end <= cond.start and i.value != b.value and (chain is None or i.start >= chain.end)
                and (i.kind == ISSUE or family in ("before", "unless"))]
        if _DO_SO.search(text, c0, cond.end) and not left:
            inside = [i for a in self.actors if a.end <= cond.start for i in self.x.scanner.issues_in(text, a.start, a.end)]
            left = [i for i in sorted(inside + [i for i in issues if i.end <= cond.start], key=lambda m: m.start) if i.value != b.value]
        if not left:
            # "Reconstruction must not begin before ...": the issue may be the subject before the chain
            left = [i for i in issues if i.kind == ISSUE and i.end <= cond.start and i.value != b.value]
        a = left[-1] if left else None
        negated = any(m.kind == NEG and c0 <= m.start < cond.start for m in self.all) or (chain is not None and chain.sign < 0) \
            or (a is not None and a.kind == INVERSE)  # "keep its forces in Gaza until ...": no withdrawal until
        a_inside = a is not None and any(h.start <= a.start and a.end <= h.end for h in self.actors)
        anchor = chain.start if chain else (a.start if a is not None and not a_inside else cond.start)
        holders, penalty = holders_for(anchor)
        rule_base = _CONFIDENCE["conditional"] + penalty
        if family == "if" and a is None:
            # "if B, Israel will allow them to leave": the actor of the main clause wants B
            if comma < 0:
                return
            after = [ch for ch in chains if ch.start > comma and ch.sign > 0 and not ch.neutral]
            if not after:
                return
            main = self._holders_left(self.actors, after[0].start, comma)
            if not main:
                return
            self._emit(main, b.value, Polarity.SUPPORT, [(cond.start, cond.end), (b.start, b.end), (after[0].start, after[0].end)]
                       + [(h.start, h.end) for h in main], "conditional.if_offer", rule_base - 0.05)
            consumed.add(b.value)
            return
        if not holders:
            return
        if family == "without":
            if not negated:
                return
            if a is not None:
                self._emit(holders, a.value, Polarity.CONDITIONAL, [(a.start, a.end), (cond.start, cond.end), (b.start, b.end)],
                           "conditional.without", rule_base, condition=b.value)
                consumed.add(a.value)
            else:
                self._emit(holders, b.value, Polarity.SUPPORT, [(anchor, anchor + 1), (cond.start, cond.end), (b.start, b.end)],
                           "conditional.without_demand", rule_base - 0.05)
            consumed.add(b.value)
            return
        if a is None:
            return
        if family == "unless" and normalise_phrase(text[cond.start:cond.end]).lower() == "until" and not negated:
            return
        hparts = [(h.start, h.end) for h in holders if isinstance(h, Mention)]
        if family == "before" and chain is not None and chain.sign > 0 and not negated and \
                not any(i.start < a.start for i in issues if chain.end <= i.start and i is not a):
            # "insists on B' before A'": the first issue is demanded, the second waits for it
            self._emit(holders, a.value, Polarity.SUPPORT, [(chain.start, chain.end), (a.start, a.end)] + hparts,
                       f"cue.support.{_rule_name(chain.name)}", _CONFIDENCE["cue"])
            self._emit(holders, b.value, Polarity.CONDITIONAL, [(chain.start, chain.end), (a.start, a.end), (b.start, b.end)] + hparts,
                       "conditional.before_first", rule_base, condition=a.value)
        else:
            self._emit(holders, a.value, Polarity.CONDITIONAL, [(a.start, a.end), (cond.start, cond.end), (b.start, b.end)] + hparts,
                       f"conditional.{family}", rule_base, condition=b.value)
        consumed.update({a.value, b.value})


def _resolve_context(mentions: list[Mention]) -> list[Mention]:
    """Contextual issue phrases ("the resolution") count where the article names the issue plainly too."""
    context = [m for m in mentions if m.kind == CONTEXT]
    if not context:
        return mentions
    named = {m.value for m in mentions if m.kind == ISSUE}
    for m in context:
        if m.value in named:
            m.kind, m.sign = ISSUE, 1  # sign 1: an issue named indirectly (lower confidence)
    return [m for m in mentions if m.kind != CONTEXT]


class _Extractor:
    """Extraction state for one article."""

    def __init__(self, article: Article, scanner: Scanner) -> None:
        self.article = article
        self.text = article.text
        self.scanner = scanner
        self.state = _ArticleState()
        self.mentions = scanner.scan(self.text)
        if scanner.has_context:
            self.mentions = _resolve_context(self.mentions)
        # one pass over the mentions for what the steps below look up (before any rule changes a kind)
        starts: list[int] = []
        actors: list[Mention] = []
        persons: list[Mention] = []
        reports: list[Mention] = []
        cue_starts: list[int] = []
        for m in self.mentions:
            starts.append(m.start)
            kind = m.kind
            if kind == ACTOR:
                actors.append(m)
                if m.person:
                    persons.append(m)
            elif kind == REPORT:
                reports.append(m)
            elif kind in _STANCE_CUES:
                cue_starts.append(m.start)
        self.persons = persons
        self._person_starts = [m.start for m in persons]
        self._mention_starts = starts  # ascending: the scan goes left to right
        self._actors, self._reports = actors, reports  # for find_speakers
        self._cue_starts = cue_starts  # where the stance cues are
        self.speakers: dict[int, str] = {}
        self._sentences: list[Sentence] = []
        self._sentence_starts: list[int] = []
        self.backwards = ""  # the text reversed, for _preceding_word (set by run)

    def _with_pattern_issues(self, index: int, mentions: list[Mention]) -> list[Mention]:
        """The sentence's mentions plus issues named by the lexicon's regular expressions (may overlap)."""
        if not self.scanner.issue_patterns:
            return mentions
        sentence = self._sentences[index]
        candidates = self._pattern_candidates(sentence.start, sentence.end)
        if not candidates:
            return mentions  # none of the words the patterns need: no pattern can match
        issue_patterns = self.scanner.issue_patterns
        added = []
        dropped: set[int] = set()
        present = None
        for k in candidates:
            issue_id, pattern, _literals = issue_patterns[k]
            for match in pattern.finditer(self.text, sentence.start, sentence.end):
                if present is None:
                    present = [m for m in mentions if m.kind == ISSUE]
                same = [m for m in present if m.value == issue_id and m.start < match.end() and match.start() < m.end]
                if not same:
                    added.append(Mention(match.start(), match.end(), ISSUE, issue_id))
                elif all(match.start() < m.start and m.end <= match.end() for m in same):
                    # "withdraw beyond the yellow line": the longer phrase starts at the verb
                    dropped.update(id(m) for m in same)
                    added.append(Mention(match.start(), match.end(), ISSUE, issue_id))
        if not added:
            return mentions
        if dropped:
            mentions = [m for m in mentions if id(m) not in dropped]
        return sorted(mentions + added, key=lambda m: (m.start, -m.end))

    def _pattern_candidates(self, start: int, end: int) -> list[int]:
        """Which issue patterns can match in text[start:end]: those with one of their words inside it."""
        scanner = self.scanner
        inside = self.text[start:end]
        found = [w for w in scanner.issue_literals if w in inside]
        if not found:
            return scanner.always_patterns
        if len(found) == 1:
            return scanner.literal_patterns[found[0]]
        literal_patterns = scanner.literal_patterns
        return sorted({k for w in found for k in literal_patterns[w]})

    def _aux_before_issue(self, mentions: list[Mention]) -> bool:
        """Whether an auxiliary (or negator after it) is followed right away by an issue ("will not disarm")."""
        text = self.text
        for n, m in enumerate(mentions):
            if m.kind == AUX:
                for later in mentions[n + 1:n + 4]:
                    if later.kind in _ISSUE_KINDS:
                        return _words(text[m.end:later.start]) <= 2
        return False

    def last_person(self, position: int) -> str | None:
        n = bisect.bisect_left(self._person_starts, position) - 1
        return self.persons[n].holder if n >= 0 else None

    def last_of_type(self, actor_type: str, position: int) -> str | None:
        mentions = self.mentions
        types = self.scanner.actor_types
        for n in range(bisect.bisect_left(self._mention_starts, position) - 1, -1, -1):
            m = mentions[n]
            if m.kind == ACTOR and not m.person and actor_type in types.get(m.value, ()):
                return m.holder
        return None

    def resolve_anaphor(self, m: Mention, index: int, actors: list[Mention], issues: list[Mention]) -> str | None:
        possessor = [a for a in actors if 0 <= m.start - a.end <= 25 and _POSSESSIVE.match(self.text, a.end)]
        history = self.state.history
        if possessor:
            owner = possessor[-1].holder
            for _, holder, issue, polarity in reversed(history):
                if holder == owner and polarity is not Polarity.OPPOSE:
                    return issue
            return None
        earlier = [i for i in issues if i.kind == ISSUE and i.end <= m.start]
        if earlier:
            return earlier[-1].value
        for sentence, _holder, issue, _polarity in reversed(history):
            if sentence == index - 1:
                return issue
            if sentence < index - 1:
                break
        return None

    def find_speakers(self, sentences: list[Sentence]) -> None:
        """Who speaks each quotation: the actor named with a reporting verb right after or before it.

        A sentence that ends in an attribution ("..., Katz said.", "..., said a Hamas official")
        has that speaker too, even without quotation marks (AP style).
        """
        text = self.text
        actors, reports = self._actors, self._reports
        self._attributions(sentences, actors, reports)
        marks = []  # where the quotation marks are (str.find per mark: much faster than a regex character class)
        for mark in _QUOTE_MARKS:
            found = text.find(mark)
            while found >= 0:
                marks.append(found)
                found = text.find(mark, found + 1)
        marks.sort()
        spans: list[tuple[int, int]] = []
        opening = None
        for position in marks:
            char = text[position]
            if char == "“" or (char == '"' and opening is None):
                opening = position
            elif opening is not None:
                spans.append((opening, position + 1))
                opening = None
        if not spans:
            return
        starts = self._sentence_starts if sentences is self._sentences else [s.start for s in sentences]
        # mentions do not overlap: their starts and ends both ascend
        actor_starts = [a.start for a in actors]
        report_starts = [r.start for r in reports]
        bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
        for q0, q1 in spans:
            speaker = None
            close_sentence = bisect_right(starts, q1 - 1) - 1
            open_sentence = bisect_right(starts, q0) - 1
            floor = sentences[open_sentence].start if open_sentence >= 0 else 0
            # after: '"...," another Israeli official stated' / '"...," said Netanyahu'
            after_report = None
            close_end = sentences[close_sentence].end if close_sentence >= 0 else len(text)
            for n in range(bisect_left(report_starts, q1), len(reports)):
                r = reports[n]
                if r.start > q1 + 80 or r.start >= close_end:
                    break  # the next line's reporting verb is someone else's
                if _words(text[q1:r.start]) <= 7:
                    after_report = r
                    break
            if after_report is not None:
                limit = min(after_report.end + 40, close_end)  # not the next sentence's subject
                near = []
                for n in range(bisect_left(actor_starts, q1), len(actors)):
                    a = actors[n]
                    if a.start >= limit:
                        break
                    if _words(text[q1:a.start]) <= 9:
                        near.append(a)
                if near:
                    speaker = min(near, key=lambda a: abs(a.start - after_report.start)).holder
                elif _HE_SHE_AFTER.match(text[q1:after_report.start]):
                    speaker = self.last_person(q0)
            if speaker is None:
                # before: 'He stated, "...' / 'An Israeli official said that "...'
                before_report = None
                for n in range(bisect_left(report_starts, q0) - 1, -1, -1):
                    r = reports[n]
                    if r.start < floor:
                        break
                    if r.end <= q0 and _words(text[r.end:q0]) <= 2:
                        before_report = r
                        break
                if before_report is not None:
                    lead = text[floor:before_report.start]
                    if _HE_SHE_BEFORE.search(lead):
                        speaker = self.last_person(floor)
                    else:
                        # the last actor between the sentence start and the reporting verb
                        n = bisect_left(actor_starts, before_report.start) - 1
                        while n >= 0 and actors[n].end > before_report.start:
                            n -= 1
                        if n >= 0 and actors[n].start >= floor:
                            speaker = actors[n].holder
            if speaker is None:
                # 'Israeli PM Netanyahu: "We will not ..."' (headline and live-blog style)
                n = bisect_left(actor_starts, q0) - 1
                if n >= 0 and actors[n].start >= floor and _COLON_GAP.fullmatch(text, actors[n].end, q0):
                    speaker = actors[n].holder
            if speaker is None:
                continue
            first = bisect.bisect_right(starts, q0) - 1
            for index in range(max(first, 0), close_sentence + 1):
                self.speakers.setdefault(index, speaker)

    def _attributions(self, sentences: list[Sentence], actors: list[Mention], reports: list[Mention]) -> None:
        if not reports:
            return
        text = self.text
        starts = [a.start for a in actors]
        report_starts = [r.start for r in reports]
        bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
        # only a sentence with a reporting verb in it can end in an attribution
        sentence_starts = self._sentence_starts if sentences is self._sentences else [s.start for s in sentences]
        with_reports = sorted({bisect_right(sentence_starts, r) - 1 for r in report_starts})
        for index in with_reports:
            if index < 0:
                continue
            sentence = sentences[index]
            end = sentence.end
            comma = text.rfind(",", sentence.start, end)
            if comma < 0:
                continue
            after = bisect_right(report_starts, comma)  # the first report after the comma
            if after == len(report_starts) or report_starts[after] >= end or _words(text[comma:end]) > 9:
                continue
            first = bisect_left(starts, comma)
            if first < len(starts) and starts[first] < end:
                self.speakers[index] = actors[first].holder

    def reported_via(self, sentence: Sentence, mentions: list[Mention]) -> str | None:
        for m in mentions:
            if m.kind in _VIA_KINDS:
                return self.text[m.start:m.end]
        text = self.text
        s0, s1 = sentence.start, sentence.end
        words = self.scanner.source_words
        if words is not None:
            for word in words:
                if text.find(word, s0, s1) >= 0:
                    break
            else:
                return None  # none of the source nouns' first words: source_phrase cannot match
        match = self.scanner.source_phrase.search(text, s0, s1)
        return match.group() if match else None

    def run(self) -> list[Stance]:
        text = self.text
        sentences = self._sentences = split_sentences(text)
        self.backwards = text[::-1]  # for _preceding_word
        self._sentence_starts = [s.start for s in sentences]
        self.find_speakers(sentences)
        every = self.mentions
        starts = self._mention_starts
        # where the stance cues are: a sentence without one is skipped before its mentions are gathered
        cue_starts = self._cue_starts
        if not cue_starts:
            return []
        bisect_left = bisect.bisect_left
        skip_headlines = self.scanner.lexicon.skip_headlines
        head = self.scanner.modifier_head
        if head is not None and not any(w in text for w in self.scanner.modifier_words):
            head = None  # none of the nouns in this article: no issue to drop
        source_id, published = self.article.source_id, self.article.published
        results: dict[tuple, tuple[float, _Found, str | None]] = {}
        for index, sentence in enumerate(sentences):
            if sentence.headline and skip_headlines:
                continue
            s0, s1 = sentence.start, sentence.end
            first_cue = bisect_left(cue_starts, s0)
            if first_cue == len(cue_starts) or cue_starts[first_cue] >= s1:
                continue
            lo = bisect_left(starts, s0)
            mentions = every[lo:bisect_left(starts, s1, lo)]
            mentions = self._with_pattern_issues(index, mentions)
            if head is not None:
                mentions = [m for m in mentions if m.kind != ISSUE or not head.match(text, m.end)]
            kinds = [m.kind for m in mentions]
            issue_count = kinds.count(ISSUE) + kinds.count(INVERSE) + kinds.count(ANAPHOR)  # _ISSUE_KINDS
            if not issue_count:
                continue
            strong = CUE in kinds or PRED in kinds or MODAL in kinds  # _STRONG_CUES
            if (not strong and issue_count < 2 and not self._aux_before_issue(mentions)
                    and not _DO_SO.search(text, s0, s1)):
                continue  # only "if", "will" ...: a conditional needs two issues, an auxiliary an issue verb
            rules = _SentenceRules(self, index, sentence, mentions)
            found = rules.run()
            if not found:
                continue
            via = self.reported_via(sentence, mentions)
            history = self.state.history
            holders = self.state.sentence_holders
            for f in found:
                history.append((index, f.holder, f.issue, f.polarity))
                holders[index] = f.holder
                start, end = f.span
                confidence = max(0.05, min(1.0, f.confidence))
                key = (source_id, f.holder, f.issue, f.polarity.value, f.condition or "", start, end)  # Stance.key
                old = results.get(key)
                if old is None or old[0] < confidence:
                    results[key] = (confidence, f, via)
        # Stance is a frozen dataclass: filling the instance dictionary directly (in field order) gives
        # the same object as Stance(...) without the per-field frozen __setattr__ calls
        new = object.__new__
        stances = []
        append = stances.append
        rule_method = Method.RULE
        for _, (confidence, f, via) in sorted(results.items(), key=lambda item: item[0]):
            start, end = f.span
            stance = new(Stance)
            stance.__dict__.update(
                source_id=source_id, holder=f.holder, issue=f.issue, polarity=f.polarity, quote=text[start:end],
                char_start=start, char_end=end, method=rule_method, confidence=confidence, condition=f.condition,
                rule=f.rule, reported_via=via, published=published, note=None,
            )
            append(stance)
        return stances


def extract_stances(article: Article, dictionary: Dictionary, lexicon: Lexicon | None = None) -> list[Stance]:
    """The stances the rules find in one article, sorted by key, without duplicates."""
    if lexicon is None:
        lexicon = load_lexicon()
    scanner = get_scanner(dictionary, lexicon)
    return _Extractor(article, scanner).run()
