"""Mentions: the actors, persons, media, anonymous sources and issues an article names, found
in one pass of a compiled phrase trie over the text (character offsets, no parse needed)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..dictionary import Dictionary
from ..errors import DictionaryError
from ..text import PhraseScanner, compile_phrases, normalise_phrase, phrase_variants
from .lexicon import Lexicon, inflect

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


