"""Mentions: the actors, persons, media, anonymous sources and issues an article names, found
in one pass of a compiled phrase trie over the text (character offsets, no parse needed)."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from ..dictionary import Dictionary
from ..errors import DictionaryError
from ..text import PhraseScanner, normalise_phrase, phrase_variants, replace_characters, title_case
from .lemmatize import lemma_candidates
from .lexicon import Lexicon

#: the kind of an issue pattern that names doing the issue in part (its mentions are ISSUE, marked partial)
PARTIAL = "partial"
ACTOR, DEMONYM, MEDIA, SOURCE, ISSUE, INVERSE, CONTEXT, COREF, PLANREF = (
    "actor", "demonym", "media", "source", "issue", "inverse", "context", "coref", "planref")
# When one surface form has several meanings, the first kind here wins.
INSTITUTION = "@"  # a coreference value that is a noun to look back for, not an actor type
_KIND_ORDER = {k: n for n, k in enumerate((MEDIA, ACTOR, ISSUE, INVERSE, CONTEXT, PLANREF, COREF, DEMONYM))}
_PLAIN_KINDS = frozenset({MEDIA, ISSUE, INVERSE, CONTEXT, PLANREF, COREF})  # a mention of these kinds is its meaning


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a phrase: its kind and a value (actor id, issue id, actor type ...)."""

    kind: str
    value: str = ""


@dataclass(slots=True)
class Mention:
    """A phrase found in the text, with the meaning chosen for it."""

    start: int
    end: int
    kind: str
    value: str = ""
    holder: str | None = None  # actors: the id that holds the stance (persons resolved)
    person: bool = False
    partial: bool = False  # issues: the words name doing it in part (partial_issue_patterns)


_DOUBLE_QUOTES_AS_SPACES = {'"': " ", "“": " ", "”": " "}
_WORD = re.compile(r"[^\W_][\w.]*(?<!\.)")
NO_ISSUE = "none"  # the issue_overrides key of phrases that name no issue
#: What stands between the members of a written list ("Egypt, Qatar and the US")
LIST_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_LIST_GAP = re.compile(LIST_SEPARATOR)


# What follows a place that opens a line as a dateline ("Doha: ...", "CAIRO (Reuters) — ..."), not a speaker
# line ('Netanyahu: "We will ..."', whose colon a quotation follows)
_DATELINE_TAIL = re.compile(r"(?:\s*\([^)\n]{1,40}\))?\s*[:—–-]\s+(?![\"“])")


class Scanner:
    """The compiled lookup of one dictionary and lexicon: built once, used for every article."""

    def __init__(self, dictionary: Dictionary, lexicon: Lexicon) -> None:
        self.dictionary = dictionary
        self.lexicon = lexicon
        self.name_forms = _name_forms(dictionary)
        self.entries: dict[str, list[Entry]] = {}
        self._meanings: dict[str, tuple | None] = {}
        self.actor_types: dict[str, tuple[str, ...]] = {a.id: a.types for a in dictionary.actors.values()}
        self.persons = {a.id for a in dictionary.actors.values() if a.is_person}
        self.holders = frozenset(dictionary.holder_ids())  # who can hold a stance (persons speak for them)
        for actor in dictionary.actors.values():
            for alias in {*actor.aliases, actor.label}:
                self._add(alias, Entry(ACTOR, actor.id))
            for demonym in actor.demonyms:
                self._add(demonym, Entry(DEMONYM, actor.id))
        verbs = frozenset(lexicon.list("phrase_verbs"))
        for issue in dictionary.issues.values():
            for label in {issue.label, *issue.aliases, *issue.cues}:
                for phrase in number_variants(label):
                    for variant in verb_variants(phrase, verbs):
                        self._add(variant, Entry(ISSUE, issue.id))
                        if " " in variant and variant.islower():
                            # a name written as a title ("the Gaza Peace Agreement")
                            self._add(title_case(variant), Entry(ISSUE, issue.id))
        for key, kind in (("inverse_issues", INVERSE), ("contextual_issues", CONTEXT), ("plan_references", PLANREF)):
            for issue_id, phrases in lexicon.map(key).items():
                self._check_issue(issue_id, key)
                for phrase in phrases:
                    for variant in (verb_variants(phrase, verbs) if kind == INVERSE else [phrase]):
                        self._add(variant, Entry(kind, issue_id))
        # the nouns that make a named issue a plan ("reconstruction plan"): the heads of the references
        self.plan_heads = {phrase.split()[-1].lower().rstrip("s") for phrases in lexicon.map("plan_references").values()
                           for phrase in phrases} | {"resolution"}
        for phrase in lexicon.map("media").get("names", ()):
            self._add(phrase, Entry(MEDIA, phrase))
        for phrase, actor_type in lexicon.map("coreference").items():
            self._add(phrase, Entry(COREF, actor_type))
        for noun in lexicon.list("institution_nouns"):
            # "the ministry said": whose ministry the text last named, not an actor type
            self._add(f"the {noun}", Entry(COREF, INSTITUTION + noun.split()[-1].lower()))
        for entries in self.entries.values():
            entries.sort(key=lambda e: _KIND_ORDER[e.kind])
        self.phrases = PhraseScanner(self.entries)
        nouns = lambda items: "|".join(  # noqa: E731 - a local formatting helper
            re.escape(n).replace(r"\ ", r"\s+") for n in sorted(items, key=len, reverse=True))
        # "Israeli officials", "US media", "an Israeli security source": what a demonym makes
        self.demonym_tail = re.compile(
            r"(?:\s+(?:%s))*\s+(?:(?P<media>%s)|(?P<source>%s)|(?P<holder>%s))(?!\w)" % (
                nouns(lexicon.list("holder_modifiers")), nouns(lexicon.map("media").get("nouns", ())),
                nouns(lexicon.list("source_nouns")), nouns(lexicon.list("holder_nouns"))))
        # "Qatar's foreign ministry", "Israel's defense minister": a possessive actor with a holder noun
        self.possessive_tail = re.compile(
            r"['’]s?(?:\s+(?:%s))*\s+(?:%s)(?!\w)" % (
                nouns(lexicon.list("holder_modifiers")), nouns(lexicon.list("holder_nouns"))))
        # "former Israeli prime minister", "Israel's former defense minister": a title no longer held
        out_of_office = nouns(lexicon.list("out_of_office"))
        self.out_of_office_before = re.compile(r"(?<![\w-])(?:%s)(?:\s+|-)$" % out_of_office, re.IGNORECASE) if out_of_office else None
        self.out_of_office_within = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % out_of_office, re.IGNORECASE) if out_of_office else None
        places = lexicon.list("place_suffixes")
        self.place_tail = re.compile(r"[-‐‑–](?:%s)(?!\w)" % nouns(places)) if places else None
        # (kind, issue id, pattern): the regular expressions that name an issue or its opposite
        self.issue_patterns: list[tuple[str, str, re.Pattern[str]]] = []
        for key, kind in (("issue_patterns", ISSUE), ("inverse_issue_patterns", INVERSE), ("partial_issue_patterns", PARTIAL)):
            for issue_id, patterns in lexicon.map(key).items():
                self._check_issue(issue_id, key)
                self.issue_patterns.extend((kind, issue_id, re.compile(pattern)) for pattern in patterns)
        # phrases that name another issue than the names inside them, or none ("Trump's proposal to
        # take over Gaza" is no peace plan): (issue id or None, pattern)
        self.issue_overrides: list[tuple[str | None, re.Pattern[str]]] = []
        for issue_id, patterns in lexicon.map("issue_overrides").items():
            if issue_id != NO_ISSUE:
                self._check_issue(issue_id, "issue_overrides")
            self.issue_overrides.extend((None if issue_id == NO_ISSUE else issue_id, re.compile(p)) for p in patterns)
        # names whose issue changed with the news ("Trump's plan" before the 20-point plan existed):
        # (issue named, last day of the period, issue meant then or None, pattern), by date
        self.issue_periods: list[tuple[str, date, str | None, re.Pattern[str]]] = []
        for issue_id, periods in lexicon.data.get("issue_periods", {}).items():
            self._check_issue(issue_id, "issue_periods")
            for period in periods:
                meant = None if period["meant"] == NO_ISSUE else period["meant"]
                if meant is not None:
                    self._check_issue(meant, "issue_periods")
                until = date.fromisoformat(period["until"])
                self.issue_periods.extend((issue_id, until, meant, re.compile(p)) for p in period["phrases"])
        self.issue_periods.sort(key=lambda item: item[1])
        self.issue_pronouns = [re.compile(pattern) for pattern in lexicon.list("issue_pronouns")]
        self.issue_list_references = [re.compile(pattern) for pattern in lexicon.list("issue_list_references")]
        self.issue_demand_references = [re.compile(pattern) for pattern in lexicon.list("issue_demand_references")]

    def _check_issue(self, issue_id: str, key: str) -> None:
        if issue_id not in self.dictionary.issues:
            raise DictionaryError(f"lexicon '{key}' names unknown issue {issue_id!r}", hint="issue ids are defined in ontology/issues.ttl")

    def _add(self, phrase: str, entry: Entry) -> None:
        for variant in phrase_variants(phrase):
            bucket = self.entries.setdefault(normalise_phrase(variant), [])
            if entry not in bucket:
                bucket.append(entry)

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
        holder = self.dictionary.resolve_holder(first.value) if first.kind == ACTOR else None
        plain = first.kind in _PLAIN_KINDS and demonym is None
        return plain, first.kind, first.value, demonym, holder, first.value in self.persons

    def scan(self, text: str) -> list[Mention]:
        """Every mention in the text, left to right, one meaning each."""
        mentions: list[Mention] = []
        append = mentions.append
        cache = self._meanings
        tail = self.demonym_tail
        skip_until = 0
        bare: list[tuple[int, int, str]] = []  # demonyms with no noun of their own yet: (start, end, actor id)
        # a phrase quoted in part ('the US will "take over" the Strip') is the phrase: the double quotation
        # marks become spaces for the lookup, which keeps every offset
        for start, end, surface in self.phrases.matches(replace_characters(text, _DOUBLE_QUOTES_AS_SPACES)):
            if start < skip_until:
                continue
            try:
                meaning = cache[surface]
            except KeyError:
                meaning = cache[surface] = self._meaning(surface)
            if meaning is None:
                continue
            plain, kind, value, demonym, holder, person = meaning
            if not plain and self.place_tail is not None and self.place_tail.match(text, end):
                continue  # "the Qatar-based broadcaster": a place
            if kind == ACTOR and (start == 0 or text[start - 1] == "\n") and _DATELINE_TAIL.match(text, end):
                continue  # "Doha: A senior Hamas official said ...": where the story was filed
            if plain:
                append(Mention(start, end, kind, value))
                continue
            if kind == ACTOR:
                if demonym is not None:
                    extended = tail.match(text, end)
                    if extended:
                        end = skip_until = extended.end()
                        mentions.extend(self._listed_before(text, start, bare, extended))
                        if not extended.group("holder"):  # "US media", "a Hamas source"
                            append(Mention(start, end, MEDIA if extended.group("media") else SOURCE, surface))
                            continue
                if end < len(text) and text[end] in "'’":
                    extended = self.possessive_tail.match(text, end)
                    if extended and not self._out_of_office(text, start, extended):  # "Qatar's foreign ministry says ..."
                        end = skip_until = extended.end()
                append(Mention(start, end, ACTOR, value, holder=holder, person=person))
                continue
            if demonym is not None:
                extended = tail.match(text, end)
                if extended:
                    end = skip_until = extended.end()
                    if extended.group("holder") and self._out_of_office(text, start, extended):
                        continue  # "former Israeli prime minister Naftali Bennett": out of office, no one's voice
                    mentions.extend(self._listed_before(text, start, bare, extended))
                    append(self._with_noun(start, end, demonym, surface, extended))
                    continue
                if kind == DEMONYM:
                    bare.append((start, end, demonym))
                    continue  # a bare adjective ("Israeli withdrawal") names no actor
            append(Mention(start, end, kind, value))
        return mentions

    def _out_of_office(self, text: str, start: int, title: re.Match[str]) -> bool:
        """Whether the actor named at `start` with the title `title` after it is someone who no longer holds
        it ("former Israeli prime minister", "Israel's former defense minister"; `out_of_office` in the lexicon)."""
        if self.out_of_office_before is None or self.out_of_office_within is None:
            return False
        return bool(self.out_of_office_before.search(text, max(0, start - 12), start)
                    or self.out_of_office_within.search(title.group()))

    def _listed_before(self, text: str, start: int, bare: list[tuple[int, int, str]], tail: re.Match[str]) -> list[Mention]:
        """The bare demonyms listed just before a demonym and its noun, which the noun is each one's too
        ("Qatari and Egyptian mediators", "Egyptian, Qatari and Turkish officials", "Israeli and US media")."""
        listed: list[Mention] = []
        for first, last, actor in reversed(bare):
            if not _LIST_GAP.fullmatch(text, last, start):
                break
            listed.append(self._with_noun(first, last, actor, text[first:last], tail))
            start = first
        return listed[::-1]

    def _with_noun(self, start: int, end: int, actor: str, surface: str, tail: re.Match[str]) -> Mention:
        """A demonym with the noun after it: an actor ("Israeli officials"), else media or a source."""
        if tail.group("holder"):
            return Mention(start, end, ACTOR, actor, holder=self.dictionary.resolve_holder(actor))
        return Mention(start, end, MEDIA if tail.group("media") else SOURCE, surface)

    def actors_within(self, text: str) -> list[Mention]:
        """The actors and actor adjectives named inside a phrase that the scan read as one issue
        ("Trump's initiative", "the US-drafted resolution"), longest first at each word."""
        words = [(w.start(), w.end()) for w in _WORD.finditer(text)]
        found: list[Mention] = []
        n = 0
        while n < len(words):
            for size in range(min(4, len(words) - n), 0, -1):
                start, end = words[n][0], words[n + size - 1][1]
                # a word's final period is left out of it, but "U.S." keeps its own
                spellings = [text[start:end]] + ([text[start:end + 1]] if text[end:end + 1] == "." else [])
                entry = next((e for spelling in spellings for e in self.entries.get(normalise_phrase(spelling), ())
                              if e.kind in (ACTOR, DEMONYM)), None)
                if entry is not None:
                    found.append(Mention(start, end, ACTOR, entry.value, holder=self.dictionary.resolve_holder(entry.value)))
                    n += size - 1
                    break
            n += 1
        return found

    def override_issues(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions with the issues inside each override phrase replaced by the issue it names, or
        by none."""
        if not self.issue_overrides:
            return mentions
        for issue_id, pattern in self.issue_overrides:
            for match in pattern.finditer(text):
                start, end = match.span()
                # (a contextual name inside goes too: "going to deal with Israel" holds no deal)
                inside = [m for m in mentions if m.kind in (ISSUE, INVERSE, CONTEXT) and start <= m.start and m.end <= end]
                if not inside and issue_id is None:
                    continue
                dropped = {id(m) for m in inside}
                mentions = [m for m in mentions if id(m) not in dropped]
                if issue_id is not None:
                    mentions.append(Mention(start, end, ISSUE, issue_id))
        return sorted(mentions, key=lambda m: (m.start, -m.end))

    def period_issues(self, text: str, mentions: list[Mention], published: date | None) -> list[Mention]:
        """The mentions with each name whose issue depends on the date read as what it meant on the
        day the article was published (or dropped); an article with no date keeps today's meaning."""
        if published is None or not self.issue_periods:
            return mentions
        meant_by: dict[int, str | None] = {}  # id of a mention -> what it meant then; the earliest period wins
        for issue_id, until, meant, pattern in self.issue_periods:
            if published > until:
                continue
            for match in pattern.finditer(text):
                for m in mentions:
                    if m.kind == ISSUE and m.value == issue_id and m.start < match.end() and match.start() < m.end:
                        meant_by.setdefault(id(m), meant)
        if not meant_by:
            return mentions
        kept = []
        for m in mentions:
            if id(m) not in meant_by:
                kept.append(m)
            elif meant_by[id(m)] is not None:
                kept.append(dataclasses.replace(m, value=meant_by[id(m)]))
        return kept

    def pattern_issues(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions plus the issues (and opposites of issues) the lexicon's regular expressions name,
        each pattern run once over the whole text. A match that contains a shorter name of its issue and
        starts before it replaces it ("released all 20 living hostages": the phrase starts at the verb
        acting on it). An opposite is added only where no name of that issue, or of its opposite, stands
        ("resumed the fighting" where "the fighting" is already named is read from that name); another
        issue's name inside the phrase of an opposite is that phrase's word ("seize complete control of
        the Strip": an army staying, not who governs)."""
        if not self.issue_patterns:
            return mentions
        present = [m for m in mentions if m.kind in (ISSUE, INVERSE)]
        added: list[Mention] = []
        dropped: set[int] = set()
        opposites: list[tuple[int, int, str]] = []
        unquoted = replace_characters(text, _DOUBLE_QUOTES_AS_SPACES)  # 'assume "full responsibility" in Gaza', as in `scan`
        for kind, issue_id, pattern in self.issue_patterns:
            for match in pattern.finditer(unquoted):
                same = [m for m in present if m.value == issue_id and m.start < match.end() and match.start() < m.end]
                if kind == INVERSE:
                    opposites.append((match.start(), match.end(), issue_id))
                    if not same:
                        added.append(Mention(match.start(), match.end(), INVERSE, issue_id))
                    elif all(m.kind == INVERSE and match.start() < m.start and m.end <= match.end()
                             # "declared the truce over", "aid will stop entering", "the cessation of aid": the
                             # issue's own name, with the words that undo it after or before it
                             or m.kind == ISSUE and match.start() <= m.start and m.end <= match.end()
                             and (m.start, m.end) != (match.start(), match.end()) for m in same):
                        # "imposed a near-total blockade": the act that lays the opposite named inside it
                        dropped.update(id(m) for m in same)
                        added.append(Mention(match.start(), match.end(), INVERSE, issue_id))
                    continue
                # "an end to the blockade": the phrase that undoes an opposite named inside it is the issue's
                dropped.update(id(m) for m in same if m.kind == INVERSE and match.start() < m.start and m.end <= match.end())
                same = [m for m in same if m.kind == ISSUE]
                partial = kind == PARTIAL
                if not same:
                    added.append(Mention(match.start(), match.end(), ISSUE, issue_id, partial=partial))
                elif partial or all(match.start() < m.start and m.end <= match.end() for m in same):
                    # a phrase of doing the issue in part replaces any name of it inside or across it
                    dropped.update(id(m) for m in same)
                    added.append(Mention(match.start(), match.end(), ISSUE, issue_id, partial=partial))
        # "seize complete control of the Strip", "retain control of a third of Gaza": another issue's name, or
        # its opposite's, inside the phrase of an opposite is that phrase's words, whichever pattern found it
        dropped.update(id(m) for m in (*present, *added) for start, end, issue_id in opposites
                       if m.kind in (ISSUE, INVERSE) and m.value != issue_id and start <= m.start and m.end <= end)
        if not added and not dropped:
            return mentions
        return sorted([m for m in (*mentions, *added) if id(m) not in dropped], key=lambda m: (m.start, -m.end))


_SCANNERS: dict[tuple[int, int], tuple[Dictionary, Lexicon, Scanner]] = {}


def _name_forms(dictionary: Dictionary) -> dict[str, str]:
    """Each name of one word and each acronym of the actors and issues, in capitals, to the form the
    dictionary writes it in ("HAMAS" "Hamas", "US" "US"): how a run of words in capitals is read
    ("RELEASE THE HOSTAGES, HAMAS"). An acronym keeps its capitals where two names share a word."""
    forms: dict[str, str] = {}
    names = [name for actor in dictionary.actors.values() for name in (actor.label, *actor.aliases, *actor.demonyms)]
    names += [name for issue in dictionary.issues.values() for name in (issue.label, *issue.aliases)]
    for name in names:
        words = re.findall(r"[A-Za-z]+", name)
        for word in words:
            # a name of one word ("Hamas", "Netanyahu") or an acronym ("IDF"): not a word of a longer
            # name ("Force" of "International Stabilization Force"), which is a plain word in a sentence
            if len(word) > 1 and (word.isupper() or len(words) == 1 and word[:1].isupper()):
                known = forms.get(word.upper())
                if known is None or (word.isupper() and not known.isupper()):
                    forms[word.upper()] = word
    return forms


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


def number_variants(phrase: str) -> list[str]:
    """A phrase, and the same with its last word in the other number ("foreign forces" -> "foreign
    force", "aid convoy" -> "aid convoys"): the lexicon lists one and news writes both."""
    words = phrase.split(" ")
    last = words[-1]
    if len(last) < 4 or not last.isalpha() or not last.islower():
        return [phrase]
    if last.endswith("s"):
        if last.endswith(("ss", "us", "is", "ies", "ses", "xes", "ches", "shes")):
            return [phrase]
        other = last[:-1]
    elif last.endswith(("s", "x", "ch", "sh", "y")):
        return [phrase]
    else:
        other = last + "s"
    return [phrase, " ".join([*words[:-1], other])]


_OWNERS = ("its", "their", "the")
_POSSESSIVES = ("its", "their")  # the words that make a phrase's owner one of _OWNERS
_CONSONANTS = set("bcdfghjklmnpqrstvwxz")


def verb_variants(phrase: str, verbs: frozenset[str]) -> list[str]:
    """A phrase led by one of `verbs` (base forms), in any form, with the verb's other regular forms
    and, where it has "its" or "their", the other persons ("resume its offensive", "resumed its
    offensive" -> "resumes/resuming their/the offensive"): the lexicon lists one and news writes them
    all. Any other phrase comes back as it is."""
    words = phrase.split(" ")
    first = words[0]
    base = None
    if len(words) > 1 and first.isalpha() and first.islower():
        base = next((b for b in (first, *lemma_candidates(first, first)) if b in verbs), None)
    if base is None:
        return [phrase]
    firsts = dict.fromkeys((first, base, *_verb_forms(base)))
    rest = words[1:]
    owners = [k for k, word in enumerate(rest) if word in _POSSESSIVES]
    tails = [rest] + ([[*rest[:owners[0]], other, *rest[owners[0] + 1:]] for other in _OWNERS if other != rest[owners[0]]]
                      if owners else [])
    return list(dict.fromkeys(" ".join([form, *tail]) for form in firsts for tail in tails))


def _verb_forms(word: str) -> list[str]:
    """The -s, -ed and -ing forms of a regular verb in its base form; none for a word that is
    inflected already, capitalised, or not a plain word."""
    if (not word.isalpha() or not word.islower() or len(word) < 3 or word.endswith(("ed", "ing", "tion", "ment"))
            or word.endswith("s") and not word.endswith("ss")):
        return []
    double = (len(word) <= 4 and word[-1] in _CONSONANTS - set("wxy") and word[-2] in "aeiou"
              and word[-3] in _CONSONANTS)  # stop -> stopped, but seize -> seized
    if word.endswith("e"):
        return [word + "s", word + "d", (word[:-2] + "ying") if word.endswith("ie") else word[:-1] + "ing"]
    if word.endswith("y") and word[-2] in _CONSONANTS:
        return [word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    third = word + "es" if word.endswith(("s", "sh", "ch", "x", "z", "o")) else word + "s"
    stem = word + word[-1] if double else word
    return [third, stem + "ed", stem + "ing"]
