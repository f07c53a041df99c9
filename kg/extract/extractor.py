"""Extraction of one article: sentences -> mentions -> parse of the sentences that name an issue ->
the named rules -> `kg.model.Stance` records (quote, offsets, rule, confidence)."""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ..dictionary import Dictionary
from ..model import Article, Method, Polarity, Stance
from ..text import Sentence, reading_text, replace_characters, split_sentences, unshouted
from .mentions import (ACTOR, CONTEXT, COREF, DEMONYM, INSTITUTION, INVERSE, ISSUE, LIST_SEPARATOR, MEDIA, PLANREF, SOURCE, Mention,
                       Scanner)
from .lemmatize import assign_lemmas, lemma_candidates
from .parse import parse_words
from .repairs import repair_parse
from .cooccurrence import cooccurrence_evidence
from .scoring import Evidence, article_features
from .tree import ParsedSentence
from .rulebook import LEADER_NAME_WORD, RuleBook
from .rules import (CONTRAST_WORDS, Finding, Holders, SentenceContext, Walker, _case, _lemma, _lemma_in, _plainly_the,
                    absolute_subject, group_referent, legislature_member, members_listed_by_clause, names_no_other_body,
                    path_index)

# the relations that name what one takes part in ("participate in the force", "join the mission")
_TAKEN_PART_IN = frozenset({"obj", "obl", "iobj", "advcl", "xcomp", "ccomp", "nmod"})
# subordinators of a clause put before the main clause, whose subject a pronoun there can take
_FRONTED_MARKERS = frozenset({"although", "though", "while", "whilst", "after", "as", "because", "since", "when", "once"})
_STRAIGHT_QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"'}
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"
_QUOTE_MARK = re.compile('[“”"]|\'\'|’’')  # two apostrophes close a quotation in some copy ("...,'' said X")
# relations of a word that modifies its head: such a word is no mention's head when another word is
_MODIFIER_RELATIONS = frozenset({"flat", "compound", "nmod:poss", "amod", "det", "case", "nummod"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
_SPEAKER_PRONOUNS = frozenset({"i", "we", "us", "our", "my", "me"})
_PLURAL_SPEAKER_PRONOUNS = frozenset({"we", "us", "our"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their"})
_THING_PRONOUNS = frozenset({"it", "its"})
_NAME_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# between two actors of a written list: ", ", " and ", ", and the ", and the formal names around
# state names ("Arab Republic of", "Kingdom of", "the State of")
_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|&\s*|\s+as\s+well\s+as\s+|,?\s+plus\s+|,?\s*(?:along|together)\s+with\s+|,?\s*alongside\s+"
    # "Egypt, Qatar, and other Muslim countries including Turkey": the states after "including" join the list
    r"|,?\s*and\s+other\s+(?:[A-Z][\w-]*\s+){0,2}(?:countries|states|nations),?\s+(?:including|such\s+as|like)\s+)(?:the\s+)?"
    r"(?:(?:[A-Z][\w-]*\s+){0,3}of\s+(?:the\s+)?){0,2}$")
# a list goes on past states and bodies no actor names ("Egypt, Kuwait, Bahrain, Qatar and the
# League"): between two actors, commas around names of one to three capitalised words
_LIST_ITEM = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,3}"
_BARE_COMMA = re.compile(r"^\s*,\s*(?:the\s+)?$")
_LAST_ITEM_JOINER = re.compile(r"^\s*,?\s*(?:and|or|&)\s+(?:the\s+)?$")
_LIST_GAP_PAST_NAMES = re.compile(rf"^\s*,\s*(?:{_LIST_ITEM}{LIST_SEPARATOR})+(?:the\s+)?$")


def _list_gap(gap: str, same_actor: bool = False, title_lead: "re.Pattern[str] | None" = None) -> bool:
    """Whether the text between two actor mentions joins them as items of one written list.

    An item may carry its abbreviation in brackets ("the United Arab Emirates (UAE), Indonesia"):
    a bracket before it joins two names of one actor; one after it, or an abbreviation no actor
    names ("the Palestinian Authority (PA), Jordan"), belongs to no item. An item may be a person
    and the state the person leads ("King Abdullah II of Jordan, President Erdogan of Turkey"):
    "of" or a space joins the two names of one actor ("Pakistani Prime Minister| |Shehbaz Sharif"), and
    the titles (`title_lead`) lead the next item."""
    if same_actor and (not gap.strip() or _ABBREVIATION_OPENS.match(gap) or _PERSON_OF.match(gap)):
        return True
    if not same_actor and title_lead is not None and len(gap) < 250 and title_lead.match(gap):
        return True
    gap = _ABBREVIATION_CLOSES.sub("", gap, count=1)
    return bool(_LIST_GAP.match(gap) or len(gap) < 400 and _LIST_GAP_PAST_NAMES.match(gap))


_NAME_AFTER_TITLE = re.compile(rf"^\s+(?:{LEADER_NAME_WORD}\s+){{0,5}}[A-Z][\w’'.-]*(?=\s*(?:,|and\s))")
_PERSON_OF = re.compile(r"^,?\s*(?:[A-Z][\w’'-]*\s+){0,3}of\s+(?:the\s+)?$")  # "King Abdullah II| of |Jordan"
_ABBREVIATION_OPENS = re.compile(r"^\s*\(\s*$")
_ABBREVIATION_CLOSES = re.compile(r"^\s*(?:\(\s*[A-Z][\w.&-]{0,9}\s*\)|\))")  # "(PA), ", or the ")" of a named one


# "CAIRO (Newsroom) -- ", "AMMAN, 3rd March, 2025 (Newsroom) -- ": a dateline is not part of
# the first sentence's syntax, and the parser reads its place names as subjects
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:(?:[ ,]+|/)[A-Z\d][\w.'’-]*){0,6},?\s*(?:\([^)\n]{1,30}\)\s*)?(?:\s*(?:--|—|–|-)){1,3}(?:\s+|(?<=\s-)|(?<=\s–)|(?<=\s—))"
    r"|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}\s*:\s)(?=[A-Z“\"])")


# a place in title case that opens the text, then a colon ("Washington DC: Eight nations ...", "Jerusalem: Hamas
# said") or a date ("Cairo, April 30 Israel insists ...", "Tel Aviv, Oct. 19 (ANI) Netanyahu said ...", the country
# in brackets after the place and a space before the colon: "Doha [Qatar], May 2 : ...")
_OPENING_PLACE = re.compile(
    r"[A-Z][a-z.'’-]+(?:\s+[A-Z][\w.'’-]*){0,2}(?:\s*\[[^\]\n]{1,20}\])?"  # ("New York [US], September 23 : ...")
    r"(?::|,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}(?:,\s+\d{4})?(?:\s+\([^)\n]{1,30}\))?\s?:?)\s+(?=[A-Z][a-z])")

# "Speech by High Representative X", "Statement of the Ministry": a text that is one speaker's words
_SPEECH_TITLE = re.compile(r"\b(?:speech|remarks|statement|address|op-ed|letter|briefing|interview)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"(?:^|[\s(])(?:I|We|we|our|Our|my|My)\b")
# 'Israeli PM Netanyahu: "We will ...': a name and a colon before a quotation
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_SPEAKER_PREFIX = re.compile(r"\s*(?:[^\W\d][\w.'’-]*\s+){0,6}[^\W\d][\w.'’-]*:\s*[\"“]")
# '..." he said.': a sentence that names no one still says who speaks the quotation around it
# (or a name no actor stands for: '...," Fu said.' is no earlier speaker's)
_CLAUSE_OPENING = re.compile(r"[,;:]\s+")
_ATTRIBUTION = re.compile(r"[,.!?][\"”]\s+(?:(?:he|she|they)\s+|(?:[A-Z][\w'’-]+\s+){1,3})(?:[a-z]+ed|said|told|wrote)\b")


@dataclass
class Explanation:
    """Why a stance was found: the sentence, the dependency path walked and the rules that fired."""

    sentence: str
    path: tuple[str, ...]
    cue: str
    rules: tuple[str, ...]
    parse: list[tuple[int, str, str, str, str, int]] = field(default_factory=list)  # i, text, lemma, tag, dep, head
    reasons: tuple[tuple[str, float], ...] = ()  # what moved the stance model's rating most (feature, log-odds added)


@dataclass
class _Discourse:
    """What earlier sentences leave for pronouns and group nouns to refer to."""

    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, holder) of person mentions
    actors: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # (offset, holder, types)
    groups: list[tuple[int, list[str]]] = field(default_factory=list)
    # where the lists of the two sides of something begin ("the war between Israel and Hamas"): no one
    # speaks as them, so "the ministers" or "the meeting" next are not theirs
    sides: set[int] = field(default_factory=set)
    speakers: list[tuple[int, str]] = field(default_factory=list)
    # grammatical subjects of parsed sentences: (offset, holders, person, plural); pronouns prefer them
    subjects: list[tuple[int, list[str], bool, bool]] = field(default_factory=list)
    plans: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (offset, lemma, owners) of owned plans
    # who "we" are from where a text says so ("We, the representatives of A, B and C, met ..."), for the same
    # speaker: (offset, speaker, members)
    we_groups: list[tuple[int, str | None, list[str]]] = field(default_factory=list)
    # where a sentence's subject speaks for the holders recorded with it: a statement ("The ministers of A, B
    # and C issued a joint statement"), a meeting or a body named with its members; "it" next is that thing,
    # and holds what its holders hold
    statements: set[int] = field(default_factory=set)
    # bodies a sentence named with their members ("The committee, comprising A, B and C, warned ..."):
    # (offset, lemma, members); "the committee" later is those members
    bodies: list[tuple[int, str, list[str]]] = field(default_factory=list)

    def body_members(self, lemma: str, position: int) -> list[str]:
        """The members of the last body of that name a sentence before `position` listed."""
        for offset, name, members in reversed(self.bodies):
            if offset < position and name == lemma:
                return members
        return []

    def plan_owner(self, lemma: str, position: int, window: int = 1500) -> list[str]:
        """The owners of the last plan of that name the text gave an owner, not too far back."""
        for offset, name, owners in reversed(self.plans):
            if offset < position and position - offset <= window and name == lemma:
                return owners
        return []

    def last(self, items: list, position: int) -> Any:
        """The value of the last (offset, value) item before `position`, or None."""
        keys = [item[0] for item in items]
        n = bisect.bisect_left(keys, position) - 1
        return items[n][1] if n >= 0 else None

    def last_group(self, position: int, types: Mapping[str, tuple[str, ...]] | None = None, *,
                   speakers: bool = False) -> list[str]:
        """The members of the last list of actors before `position`; with `types`, the last whose members
        are all states ("the two countries" points back past "Israel and Hamas" to "Egypt and Qatar");
        with `speakers`, the last that is not the two sides of something."""
        keys = [item[0] for item in self.groups]
        for n in range(bisect.bisect_left(keys, position) - 1, -1, -1):
            offset, members = self.groups[n]
            if (types is None or _all_states(members, types)) and not (speakers and offset in self.sides):
                return members
        return []

    def last_subject(self, position: int, wanted: Callable[[list[str], bool, bool], bool], window: int = 700) -> list[str] | None:
        """The holders of the last sentence subject before `position` that `wanted` accepts, within `window` characters."""
        entry = self.last_subject_entry(position, wanted, window)
        return entry[1] if entry is not None else None

    def last_subject_entry(self, position: int, wanted: Callable[[list[str], bool, bool], bool],
                           window: int = 700) -> tuple[int, list[str]] | None:
        """Where the last subject `wanted` accepts is, and its holders."""
        for offset, holders, person, plural in reversed(self.subjects):
            if offset >= position:
                continue
            if position - offset > window:
                return None
            if wanted(holders, person, plural):
                return offset, holders
        return None

    def last_offset(self, items: list, position: int) -> int:
        """The offset of the last (offset, value) item before `position`, or -1."""
        n = bisect.bisect_left([item[0] for item in items], position) - 1
        return items[n][0] if n >= 0 else -1


_QUESTION_OPENERS = frozenset({"“", "\"", "``", "‘", ":", ";"})


def _question_words(doc: Any) -> frozenset[int]:
    """The tokens of the direct questions in a sentence: from the opening quotation mark (or the sentence's
    start) up to each question mark."""
    asked: set[int] = set()
    for mark in (t for t in doc if t.text == "?"):
        k = mark.i - 1
        while k >= 0 and doc[k].text not in _QUESTION_OPENERS and k not in asked:
            asked.add(k)
            k -= 1
    return frozenset(asked)


def _unnamed_person(subject: Any, actor_at: Mapping[int, str], media: set[int], titles: frozenset[str]) -> bool:
    """Whether a subject is a person's full name ("Mary/nsubj Kells/flat") with no actor or media named in its phrase
    and no title (a "Sheikh Mohammed" may be an actor's person the dictionary names otherwise)."""
    if not (subject.tag_ == "NNP" and any(c.dep_ in ("flat", "compound") and c.tag_ == "NNP" for c in subject.children)):
        return False
    # the words before the name up to a comma or a stop may be its title the parser hung elsewhere ("the Israeli
    # army's (IDF) head of staff Major General Dan Levi argued ...")
    k = subject.left_edge.i - 1
    before = []
    while k >= 0 and len(before) < 8 and subject.doc[k].text not in (",", ".", ";", ":", "\"", "“", "”"):
        before.append(subject.doc[k])
        k -= 1
    return (not any(t.i in actor_at or t.lower_ in titles for t in (*subject.subtree, *before))
            and not any(t.i in media for t in subject.subtree))


def _all_states(members: list[str], types: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether every member of a list of actors is a state (not Hamas, the UN or the EU)."""
    return all("State" in types.get(m, ()) for m in members)


# a demonym and the title after it, a word of office between ("his Qatari counterpart", "the Egyptian
# foreign minister")
_DEMONYM_TITLE = re.compile(r"\b([A-Z][\w-]+)\s+(?:(?:foreign|prime|defen[cs]e|interior)\s+)?([a-z]+)\b")
# a person's name and nothing else ("Lapid", "Mr Fu", "Abdel Fattah al-Burhan")
_NAME = re.compile(r"(?:(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|bin|de|van|von)\s*){1,5}")
#: who speaks when the text names a speaker no actor stands for ("...," Fu said): a speaker, but none we know
_OUTSIDER = ""


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of a stretch of text begins (after its last full stop)."""
    stops = list(re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z\"“])", text))
    return stops[-1].end() if stops else 0


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Where quotations are: curly pairs, and straight double quotes taken in pairs; two apostrophes close
    a quotation an opening mark began."""
    spans = []
    opening = None
    for mark in _QUOTE_MARK.finditer(text):
        n, char = mark.start(), mark.group()
        if char == _QUOTE_OPEN or (char == '"' and opening is None):
            opening = n
        elif (char == _QUOTE_CLOSE or char == '"' or len(char) == 2) and opening is not None:
            spans.append((opening, mark.end()))
            opening = None
    if opening is not None and (opening == 0 or text[opening - 1] == "\n" or text[:opening].rstrip().endswith(":")):
        # a quotation opened at the head of a paragraph and never closed: a transcript ("remarks by
        # X:"), whose paragraphs run on without closing marks to the end of the text
        spans.append((opening, len(text)))
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return _enclosing(spans, position) is not None


def _enclosing(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    n = bisect.bisect_right([s for s, _ in spans], position) - 1
    return spans[n] if n >= 0 and spans[n][0] < position < spans[n][1] else None


# "Below are remarks to the press by X:", "X said in a statement:": the line that hands a
# transcript to its speaker
_INTRODUCED_BY = re.compile(r"\b(?:remarks|statement|speech|address|comments|words|briefing|interview|message|"
                            r"transcript|op-ed|letter)\b[^\n:]*?\bby\s", re.IGNORECASE)


def _inverted_by_modifiers(roots: list[tuple[Any, set[int], str, int]]) -> list[tuple[Any, set[int], str, int]]:
    """An issue name whose modifiers name its opposite ("an alternative draft UN Security Council
    resolution") is that opposite: one inverse root in place of the two."""
    inverse = [(root, span, issue) for root, span, issue, sign in roots if sign < 0]
    if not inverse:
        return roots
    out = []
    absorbed: set[int] = set()
    for root, span, issue, sign in roots:
        if sign > 0:
            inner = [r for r, s, i in inverse if i == issue and r.head.i in span and r.dep_ in ("amod", "compound", "nmod")]
            if inner:
                absorbed.update(r.i for r in inner)
                sign = -1
        out.append((root, span, issue, sign))
    return [r for r in out if not (r[3] < 0 and r[0].i in absorbed)]


def _verb_sense(token: Any, nouns: frozenset[str]) -> bool:
    """Whether an issue word that names the issue only as a noun is used here as a verb with an object."""
    return (token.lower_ in nouns and token.tag_.startswith("VB")
            and any(c.dep_ == "obj" for c in token.children))


class ArticleExtractor:
    """Extraction state for one article."""

    def __init__(self, article: Article, scanner: Scanner, book: RuleBook, demonyms: dict[str, str]) -> None:
        self.article = article
        # read without what shows nothing and a Markdown article's marks, words in capitals in sentence
        # case (the same length); quoted from the text as written
        read, self._written_at = reading_text(article.text, article.is_markdown)
        self.text = unshouted(read, scanner.name_forms)
        self._marks: bytearray | None = None  # which characters of the article as written are not read
        self.scanner = scanner
        self.book = book
        self.dictionary: Dictionary = scanner.dictionary
        self.demonyms = demonyms
        # split where the capitals are still written: a headline in capitals stays a headline, which
        # repeats the body in shorthand and states no stance of its own
        self.sentence_spans = split_sentences(read)
        self.mentions = self._with_title_references(self._with_named_persons(
            article_mentions(scanner, self.text, article.published, self.sentence_spans)))
        self.quotes = quotation_spans(self.text)
        self.quote_speakers = self._introduced_speakers()
        self._closing_speakers: dict[tuple[int, int], str | None] = {}  # quotation -> the actor its attribution names
        self._future_lists: list[tuple[int, list[str]]] | None = None  # every written list of actors, when asked
        self.title_speaker = self._title_speaker()
        self.sponsors = self._actors_inside_issues()
        self._participation = _participation_pattern(tuple(sorted(book.participation_verbs)))
        self._mediation = _forms_pattern(tuple(sorted(book.mediator_nouns | book.mediating_verbs)))
        self._unnamed_speaker = _speaker_name_pattern(tuple(sorted(self.scanner.lexicon.list("speaking_verb_forms"))))
        self._body_listing = _forms_pattern(tuple(sorted(book.body_listing_verbs)))
        self.discourse = _Discourse()
        self.explanations: dict[tuple, Explanation] = {}
        # every stance the rules found, with its cue and path, and every co-occurrence candidate, before
        # the stance model rates them
        self.evidence: list[Evidence] = []
        self._sentences: list[tuple[Sentence, list[Mention]]] = []  # each sentence with the mentions in it
        self._wanted: list[int] = []  # the sentences to parse, by their index in `_sentences`
        # what the stance model rated each (holder, issue, polarity) by, while it is on
        self.features: dict[tuple[str, str, str], dict[str, float]] = {}
        self._sentence_actors: list[tuple[int, str]] = []
        self._sentence_persons: dict[int, str] = {}  # token -> holder, for the persons named in the sentence parsed
        self._sentence_sources: set[int] = set()  # tokens of anonymous sources ("Israeli sources") in that sentence
        self._sentence_actor_at: dict[int, str] = {}  # token -> holder, for every actor named in it
        self._lists_at: dict[int, list[str]] = {}
        self._intro: tuple[Any, int] | None = None  # (holders, sign) of a sentence ending in a colon
        self._sentence_before: tuple[Sentence, list[Mention]] | None = None  # for "both" and "the two leaders"
        self._sentence_issue_tokens: set[int] = set()

    def _with_named_persons(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions, with the surname alone of every person the article names by an actor's title
        ("UN humanitarian chief Tom Fletcher ... Fletcher said", "Hamas official Mahmoud Mardoui ...
        Mardoui added") as that person: no dictionary lists every official."""
        surnames: dict[str, tuple[int, str]] = {}
        for m in mentions:
            if m.kind != ACTOR:
                continue
            holder = m.holder or m.value
            if m.person:
                words = _NAME_WORD.findall(self.text[m.start:m.end])
                name_end = m.end
            else:
                words, name_end = self._name_after_title(m)
            if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                surnames.setdefault(words[-1], (name_end, holder))
        if not surnames:
            return mentions
        taken = [(m.start, m.end) for m in mentions]
        added = []
        for match in re.finditer(r"\b(" + "|".join(map(re.escape, sorted(surnames))) + r")\b", self.text):
            after, holder = surnames[match.group(1)]
            if match.start() >= after and not any(s < match.end() and match.start() < e for s, e in taken):
                added.append(Mention(match.start(), match.end(), ACTOR, holder, holder, True))
        return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions

    def _with_title_references(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions, with each "the minister", "the deputy prime minister", "the PM" as the actor last
        named with that title ("Egyptian Foreign Minister Badr Abdelatty ... The minister called for ..."):
        a title with no name after it speaks for the one it was last given to."""
        pattern = _title_reference_pattern(tuple(sorted(self.book.title_words)), tuple(sorted(self.book.title_references)))
        if pattern is None:
            return mentions
        taken = [(m.start, m.end) for m in mentions]
        actors = [m for m in mentions if m.kind == ACTOR]
        added = []
        for match in pattern.finditer(self.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            head = match.group(2).lower()
            title = "prime minister" if head in ("pm", "premier") else head
            for m in reversed(actors):
                if m.end > match.start():
                    continue
                if match.start() - m.end > 1500:
                    break
                # the title given right before the name ("Foreign Minister Badr Abdelatty") or right after
                # the actor ("Egypt's foreign minister", "Pakistan's Deputy Prime Minister Ishaq Dar")
                before = re.search(rf"\b(?i:{re.escape(title)})\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}$", self.text[max(0, m.start - 80):m.start])
                after = re.match(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?{re.escape(title)}\b", self.text[m.end:m.end + 60], re.IGNORECASE)
                if before or after or title in self.text[m.start:m.end].lower():
                    added.append(Mention(match.start(), match.end(), ACTOR, m.holder or m.value, m.holder or m.value, True))
                    break
        return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions

    def _name_after_title(self, m: Mention) -> tuple[list[str], int]:
        """The name right after an actor and a person's title ("Hamas spokesman" "Hazem Qassem"), or []."""
        titled = self.text[m.start:m.end].split()[-1].lower() in self.book.person_nouns
        names: list[str] = []
        end = m.end
        for word in _NAME_WORD.finditer(self.text, m.end, min(len(self.text), m.end + 90)):
            if self.text[end:word.start()].strip():
                break  # punctuation between: not one phrase
            lower = word.group().lower()
            if not names and lower in self.book.title_words:
                titled = titled or lower in self.book.person_nouns
            elif word.group()[:1].isupper() and lower not in self.book.title_words:
                names.append(word.group())
                if len(names) == 4:
                    break
            else:
                break
            end = word.end()
        return (names, end) if titled and len(names) >= 2 else ([], m.end)

    def _actors_inside_issues(self) -> list[Mention]:
        """The actors an issue's own name holds ("Trump's initiative", "the US-drafted resolution")."""
        found = []
        for m in self.mentions:
            if m.kind != ISSUE:
                continue
            for inner in self.scanner.actors_within(self.text[m.start:m.end]):
                inner.start += m.start
                inner.end += m.start
                found.append(inner)
        return found

    def _title_speaker(self) -> str | None:
        """Who speaks a whole text that is a speech or statement in the first person ("Speech by High
        Representative Kaja Kallas at the EP plenary" over "Last week I visited ..."), or None."""
        title = self.article.title or ""
        if not _SPEECH_TITLE.search(title) or not _FIRST_PERSON.search(self.text[:400]):
            return None
        by = re.search(r"\bby\s", title)
        actors = [m for m in self.scanner.scan(title) if m.kind == ACTOR and (by is None or m.start >= by.end())]
        people = [m for m in actors if m.person]
        chosen = (people or actors)[:1]
        return (chosen[0].holder or chosen[0].value) if chosen else None

    def _introduced_speakers(self) -> dict[tuple[int, int], str]:
        """Quotation span -> its speaker, for a transcript handed over by the line before it
        ("press remarks by High Representative X:"): the person after "by", else the first one."""
        found: dict[tuple[int, int], str] = {}
        for start, end in self.quotes:
            intro_start = self.text.rfind("\n", 0, max(0, start - 1)) + 1
            intro = self.text[intro_start:start]
            if not intro.rstrip().endswith(":"):
                continue
            by = _INTRODUCED_BY.search(intro)
            after = intro_start + (by.end() if by else 0)
            handing = intro_start + _last_sentence_start(intro)
            verbs = [] if by else self._report_verbs(handing, start)
            if verbs:
                verb = verbs[-1][0]
                # 'Asked if he and Netanyahu had discussed it, Trump told reporters: "..."': who speaks is who
                # comes last before the verb of the sentence that hands over the quotation
                before = [m for m in self.mentions if m.kind == ACTOR and handing <= m.start < verb]
                if before:
                    found[(start, end)] = before[-1].holder or before[-1].value
                    continue
            actors = [m for m in self.mentions if m.kind == ACTOR and after <= m.start < start]
            people = [m for m in actors if m.person or self._person_like(m)]
            chosen = (people or actors)[:1]
            if chosen:
                found[(start, end)] = chosen[0].holder or chosen[0].value
        return found

    def _report_verbs(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where the reporting verbs between two offsets are ("told", "said", "wrote"), in order."""
        report_verbs = self.book.report_verbs
        return [(start + w.start(), start + w.end()) for w in re.finditer(r"[A-Za-z]+", self.text[start:end])
                if any(lemma in report_verbs for lemma in lemma_candidates(
                    self.book.irregular.get(w.group().lower(), w.group().lower()), w.group()))]

    def _closing_speaker(self, quotation: tuple[int, int]) -> str | None:
        """The actor a quotation's closing attribution names ('...," Trump wrote on Truth Social.'):
        the first actor between the closing mark and the end of its sentence, when a reporting verb
        stands there too."""
        end = quotation[1]
        stop = _SENTENCE_END.search(self.text, end)
        tail_end = stop.start() if stop else len(self.text)
        if tail_end - end > 160:
            return None
        verbs = self._report_verbs(end, tail_end)
        if not verbs:
            return None
        verb_at, verb_end = verbs[0]
        # the one who speaks comes before the verb ('," Trump wrote'), not after it ('," he told the UN')
        named = [m for m in self.mentions if m.kind == ACTOR and end <= m.start < verb_at]
        if named:
            return named[-1].holder or named[-1].value
        institution = next((m for m in self.mentions if m.kind == COREF and m.value.startswith(INSTITUTION)
                            and end <= m.start < verb_at), None)
        if institution is not None:
            return self._coreferent(institution) or _OUTSIDER  # '," the ministry said'
        subject = self.text[end:verb_at].strip(" ,;")
        if _NAME.fullmatch(subject):
            return _OUTSIDER  # '," Lapid said': a person no actor stands for
        if subject.lower() in _PERSON_PRONOUNS:
            # '"Peace is within reach. A ceasefire must follow," he said': the person the text was about
            d = self.discourse
            about = d.last_subject(quotation[0], lambda holders, person, plural: person)
            if about is not None:
                return about[0] if about else _OUTSIDER
            return d.last(d.persons, quotation[0])
        if subject:
            return None
        # '," said Kaja Kallas, the EU's top diplomat': the verb first, then its subject, up to the first comma
        phrase = re.compile(r"[,;]").search(self.text, verb_end, tail_end)
        phrase_end = phrase.start() if phrase else tail_end
        after = [m for m in self.mentions if m.kind == ACTOR and verb_end <= m.start < phrase_end]
        if after:
            return after[0].holder or after[0].value
        # '," urged the opposition head Yair Lapid': a person no actor stands for
        return _OUTSIDER if re.search(r"\b[A-Z][a-z]", self.text[verb_end:phrase_end]) else None

    # -- discourse ---------------------------------------------------------------------------

    def _remember(self, mentions: list[Mention]) -> None:
        actors = [m for m in mentions if m.kind == ACTOR]
        types = self.scanner.actor_types
        for m in actors:
            if m.person or self._person_like(m):
                self.discourse.persons.append((m.start, m.holder or m.value))
            self.discourse.actors.append((m.start, m.holder or m.value, types.get(m.holder or m.value, ())))
        lists = self._written_lists(actors)
        self.discourse.groups.extend(lists)
        self.discourse.sides.update(start for start, _ in lists if _SIDES_BEFORE.search(self.text, max(0, start - 20), start))

    def _written_lists(self, actors: list[Mention]) -> list[tuple[int, list[str]]]:
        """The written lists of actors among actor mentions in text order: (offset, members), leaving out
        lists of places ("relocated to Egypt and Jordan"), which no group noun points back to ("representatives
        from A, B and C" are the group)."""
        return [(run[0].start, _unique(a.holder or a.value for a in run)) for run in self._list_runs(actors)
                if not _PLACE_BEFORE.search(self.text, max(0, run[0].start - 20), run[0].start)]

    def _list_runs(self, actors: list[Mention]) -> list[list[Mention]]:
        """The runs of actor mentions, in text order, that are written lists ("Egypt, Qatar and the US")."""
        runs: list[list[Mention]] = []
        run: list[Mention] = []
        closed = False  # the run's last item came after "and" or "or": a bare comma then ends the list
        items = [*actors, None]
        for k, m in enumerate(items):
            if m is not None and run and self._joins(run[-1], m):
                gap = self.text[run[-1].end:m.start]
                # "in Qatar, Saudi Arabia and the UAE, Trump demanded ...": the name after the comma is no item,
                # unless a list of more than two goes on from it ("Kuwait, Bahrain and Oman, Qatar, Brunei and Jordan";
                # not "... by Qatar, Egypt, and the US, Hamas and Israel agreed")
                if not (closed and _BARE_COMMA.match(gap)) or self._list_goes_on(m, items[k + 1]):
                    closed = closed or bool(_LAST_ITEM_JOINER.match(gap))
                    run.append(m)
                    continue
            if _written_list(self.text, run):
                runs.append(run)
            run = [m] if m is not None else []
            closed = False
        return runs

    def _list_goes_on(self, item: Mention, following: Mention | None) -> bool:
        """Whether the next mention joins `item` as a further item of a list, not as its last one."""
        return (following is not None and self._joins(item, following)
                and not _LAST_ITEM_JOINER.match(self.text[item.end:following.start]))

    def _joins(self, before: Mention, after: Mention) -> bool:
        """Whether two actor mentions are items of one written list; a name the actor file lacks may follow
        a mention that ends in a title ("Indonesian President| Prabowo Subianto, |Pakistani Prime Minister")."""
        gap = self.text[before.end:after.start]
        last_word = self.text[before.start:before.end].rsplit(None, 1)[-1].lower()
        if last_word in self.book.list_titles:
            gap = _NAME_AFTER_TITLE.sub("", gap, count=1)
        return _list_gap(gap, _same_actor(before, after), self.book.list_title_lead)

    def _group_after(self, position: int, size: int | None) -> list[str]:
        """The members of a group of states a lead counts before naming them ("Eight countries issued a
        statement. The foreign ministers of A, B, ... and H backed the plan"): the first list of that many
        states (of three or more when no number is given) in the two sentences after `position`."""
        if self._future_lists is None:
            self._future_lists = self._written_lists([m for m in self.mentions if m.kind == ACTOR])
        types = self.scanner.actor_types
        following = [s for s, _ in self._sentences if s.start >= position][:2]
        if not following:
            return []
        end = following[-1].end
        for start, members in self._future_lists:
            if position <= start < end and _all_states(members, types) and (
                    len(members) == size if size else len(members) >= 3):
                return members
        return []

    def _group_later(self, position: int) -> list[str]:
        """The members of a group a text speaks of before it names them: where no list of actors comes before
        `position`, the first list of three or more states after it, however far ("Arab and Muslim leaders
        told Trump ... The leaders urged ... The summit was attended by A's president, B's king, ...")."""
        if self.discourse.last_group(position):
            return []
        if self._future_lists is None:
            self._future_lists = self._written_lists([m for m in self.mentions if m.kind == ACTOR])
        types = self.scanner.actor_types
        return next((members for start, members in self._future_lists
                     if start >= position and len(members) >= 3 and _all_states(members, types)), [])

    def _person_like(self, m: Mention) -> bool:
        """"The Jordanian leader", "Qatar's prime minister": an actor named by one person's title."""
        words = self.text[m.start:m.end].lower().split()
        return len(words) > 1 and words[-1] in self.book.person_nouns

    def _fronted_clause_subject(self, token: Any) -> list[str]:
        """The actor subject of a clause put before the main clause whose subject `token` is ("although Israel
        demanded that Hamas disarm, it did not commit to ...": "it" is Israel, not the Hamas named last)."""
        if token.dep_ not in ("nsubj", "nsubj:pass"):
            return []
        for clause in token.head.children:
            if clause.dep_ != "advcl" or clause.i > token.i or not any(
                    c.dep_ == "mark" and c.lower_ in _FRONTED_MARKERS for c in clause.children):
                continue
            for subject in clause.children:
                if subject.dep_ in ("nsubj", "nsubj:pass"):
                    return self._subject_actors(subject)
        return []

    def _announcing_subject(self, token: Any) -> list[str]:
        """The actors the subject of a clause names when `token` is the subject of what it says after a
        colon ("Saudi Arabia delivered a warning to the US: it will not pay ...")."""
        clause = token.head
        if token.dep_ not in ("nsubj", "nsubj:pass") or clause.dep_ != "parataxis" or not any(
                c.dep_ == "punct" and c.text == ":" and c.i < token.i for c in clause.children):
            return []
        for subject in clause.head.children:
            if subject.dep_ in ("nsubj", "nsubj:pass") and subject.i < clause.head.i:
                return self._subject_actors(subject)
        return []

    def _subject_actors(self, subject: Any) -> list[str]:
        """The actors a subject names, leaving out those of its asides ("Hamas, which the EU lists as a terrorist
        group, said it ...": "it" is Hamas)."""
        aside = _aside_tokens(subject)
        return _unique(self._sentence_actor_at[t.i] for t in subject.subtree
                       if t.i in self._sentence_actor_at and t.i not in aside)

    def _group_before(self, position: int, noun: Any = None) -> list[str]:
        """The last list of actors before `position` that a group noun points back to: for a noun only
        states can be ("the two countries"), the last list of states."""
        states = noun is not None and (noun.lemma_ or noun.lower_) in self.book.state_group_nouns
        sides = noun is not None and (noun.lemma_ or noun.lower_) in self.book.side_nouns
        types = self.scanner.actor_types if states else None
        group = self.discourse.last_group(position, types, speakers=not sides)
        if noun is not None and not sides:
            # the group a text was about comes before one it only named on the way ("Cairo and Doha reiterated
            # their support ... in the face of calls by the US and Israel ... The two countries also announced"):
            # the last group that was a sentence's subject, if it fits
            subject = self.discourse.last_subject(position, lambda holders, person, plural: len(holders) >= 2 and (
                types is None or _all_states(holders, types)))
            if subject and subject != group:
                return subject
        return group

    def _reporting_subject(self, token: Any) -> list[str]:
        """The actors that the subject of a reporting verb names (for a person, the actor the person speaks
        for) when `token` is the subject of the clause it reports ("A Hamas official said that it has
        approved the draft")."""
        clause = token.head
        if (token.dep_ in ("nsubj", "nsubj:pass") and clause.dep_ == "acl:relcl"
                and (clause.head.lemma_ or clause.head.lower_) in self.book.aside_nouns):
            # "said the proposal includes a trusteeship, an idea it rejects completely": the aside is the speaker's
            verb = clause.head
            while verb.head.i != verb.i and not ((verb.lemma_ or verb.lower_) in self.book.report_verbs and verb.tag_.startswith("VB")):
                verb = verb.head
        elif (token.dep_ in ("nsubj", "nsubj:pass") and clause.dep_ == "acl:relcl" and clause.head.dep_ in ("obj", "iobj")
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)):
            # "informed Egyptian and Qatari mediators that it has accepted": a "that" clause the parse hung on the
            # object; a relative clause has no "that" mark of its own
            verb = clause.head.head
        elif token.dep_ not in ("nsubj", "nsubj:pass") or clause.head.i == clause.i or not (
                clause.dep_ == "ccomp" or clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)):
            return []  # (a "that" clause the parse called adverbial is still what was said)
        else:
            verb = clause.head
        if (verb.lemma_ or verb.lower_) not in self.book.report_verbs or not verb.tag_.startswith("VB"):
            return []
        for subject in (*verb.children, *(verb.head.children if verb.dep_ == "conj" else ())):
            # a conjunct verb shares its head's subject ("Hamas, designated/ROOT a terrorist group by the EU,
            # and emphasized/conj that it ...", as the parse may have it)
            if subject.dep_ == "nsubj":
                return self._subject_actors(subject)
        return []

    def _resolve_pronoun(self, token: Any, offset: int, speaker: str | None) -> list[str]:
        """The actors a pronoun refers to: the last fitting subject first, then the last fitting mention."""
        word = token.lower_
        position = offset + token.idx
        d = self.discourse
        if word in _SPEAKER_PRONOUNS:
            if word in _PLURAL_SPEAKER_PRONOUNS:
                declared = [members for start, said_by, members in d.we_groups if start <= position and said_by == speaker]
                if declared:
                    return list(declared[-1])
            if speaker is not None:
                return [speaker] if speaker else []  # (a speaker no actor stands for: "we" are none we know)
            last = d.last(d.speakers, position)
            return [last] if last else []
        if word in _PERSON_PRONOUNS:
            # a person who is the subject of an earlier clause of the same sentence ("X said Netanyahu had
            # accepted, although he rejected ...") comes before the subjects of earlier sentences
            near = [t for t in token.doc[:token.i] if t.i in self._sentence_persons and t.dep_ in ("nsubj", "nsubj:pass")]
            if near:
                return [self._sentence_persons[near[-1].i]]
            subject = d.last_subject(position, lambda holders, person, plural: person)
            if subject is not None:
                return subject
            last = d.last(d.persons, position)
            return [last] if last else []
        if word in _GROUP_PRONOUNS | _THING_PRONOUNS:
            verb = token.head
            while verb.head.i != verb.i and not verb.tag_.startswith("VB"):
                verb = verb.head
            absolute = absolute_subject(verb)
            if absolute is not None and absolute[-1].i < token.i:
                # "with leaders worldwide expressing their approval": the leaders' approval
                return _unique(self._sentence_actor_at[t.i] for t in absolute if t.i in self._sentence_actor_at)
        if word in _GROUP_PRONOUNS | _THING_PRONOUNS and not (word in _THING_PRONOUNS and (
                token.dep_ == "expl" or (token.head.lemma_ or "").lower() in self.book.extraposing_heads)):
            # the nearest actor named earlier in the same sentence ("Israel said it would ...",
            # "... against Hamas after it refused ...")
            if word in _GROUP_PRONOUNS:
                # "commitments among the signatories, who expressed their support": the group noun the relative
                # clause the pronoun is in hangs on (one set off by a comma, which says nothing of who they are)
                clause = next((a for a in token.ancestors if a.dep_ == "acl:relcl"), None)
                if (clause is not None and clause.head.i < clause.i
                        and any(t.text == "," for t in token.doc[clause.head.i + 1:clause.i])
                        and group_referent(clause.head, self.book, aside=clause)
                        and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which") for c in clause.children)):
                    group = self._group_before(offset + clause.head.idx, clause.head)
                    if group:
                        return list(group)
                # "The eight countries stressed that the PA ..., and said they ...": a plural subject earlier
                # in the sentence comes before the nearest name
                subjects = [t for t in token.doc[:token.i] if t.dep_ in ("nsubj", "nsubj:pass") and t.tag_ in ("NNS", "NNPS")
                            and group_referent(t, self.book)]
                if subjects:
                    group = self._group_before(offset + subjects[-1].idx, subjects[-1])
                    if group:
                        return list(group)
                # "Most nations have signaled that they would ...", "medical sources said ... in what they called":
                # states or speakers the sentence leaves unnamed, with no actor or pronoun among their words, are
                # the group the pronoun means, which no actor stands for
                # (also as the root the parser made of a sentence's opening noun: "Several countries, however, are
                # apprehensive/VB ... that they could be tasked with ...")
                unnamed = [] if subjects else [
                    t for t in token.doc[:token.i]
                    if (t.dep_ in ("nsubj", "nsubj:pass") or t.dep_ == "ROOT" and t.i <= 2) and t.tag_ in ("NNS", "NNPS")
                    and (_lemma_in(t, self.book.unnamed_group_nouns) or _lemma_in(t, self.book.unnamed_speaker_nouns))
                    and not group_referent(t, self.book)]
                if unnamed:
                    noun = unnamed[-1]
                    # (a root's subtree is the whole sentence: only the words up to the noun are its own)
                    words = noun.subtree if noun.dep_ != "ROOT" else token.doc[noun.left_edge.i:noun.i + 1]
                    if not any(t.i in self._sentence_actor_at or t.tag_ in ("PRP", "PRP$") for t in words):
                        return []
            reporter = self._reporting_subject(token)
            if reporter and (word in _GROUP_PRONOUNS or len(reporter) == 1):
                # "Azerbaijan informed Israel and US officials that it will not send troops": who
                # reports, not the last actor named before the pronoun
                return reporter
            fronted = self._fronted_clause_subject(token)
            if fronted and (word in _GROUP_PRONOUNS or len(fronted) == 1):
                return fronted
            announcer = self._announcing_subject(token)
            if announcer and (word in _GROUP_PRONOUNS or len(announcer) == 1):
                # "A and B sent a message to Washington: they will not fund ...": who sent it
                return announcer
            # (not a name inside an aside set off by dashes before it: "named 30 captives — including three U.S.
            # nationals — it would free")
            dashes = [offset + t.idx for t in token.doc[:token.i] if t.text in ("—", "–")]
            asides = list(zip(dashes[0::2], dashes[1::2]))
            near = [holder for start, holder in self._sentence_actors
                    if start < position and not any(low < start < high for low, high in asides)]
            if near and word in _THING_PRONOUNS:
                last_actor = next((t for t in reversed(token.doc[:token.i]) if t.i in self._sentence_actor_at), None)
                if (last_actor is not None and last_actor.dep_ not in ("nsubj", "nsubj:pass")
                        and any(last_actor.i < i < token.i for i in self._sentence_issue_tokens)):
                    # "pressed Israel/obj into accepting the proposal, saying it would ease the crisis": the thing
                    # named after an actor that is no subject, nearer the pronoun, is what "it" is
                    return []
            if near and word in _GROUP_PRONOUNS:
                # "Israeli officials came to Qatar with a map of the withdrawal they envision": a plural subject
                # earlier in the sentence that names an actor comes before the nearest name
                plural = [t for t in token.doc[:token.i] if t.dep_ in ("nsubj", "nsubj:pass") and t.tag_ in ("NNS", "NNPS")
                          and t.i not in self._lists_at]
                if plural:
                    named = [self._sentence_actor_at[t.i] for t in plural[-1].subtree
                             if t.i in self._sentence_actor_at and plural[-1].i - t.i <= 3 and t.i <= plural[-1].i]
                    if named and named[-1] != near[-1]:
                        return [named[-1]]
            if near:
                if word in _GROUP_PRONOUNS:
                    # "the ministers of Egypt, Qatar and Jordan said they ...": the whole list
                    listed = next((self._lists_at[t.i] for t in reversed(token.doc[:token.i]) if t.i in self._lists_at), None)
                    if listed and near[-1] in listed:
                        return list(listed)
                return [near[-1]]
            if word in _THING_PRONOUNS and any(i < token.i for i in self._sentence_issue_tokens):
                return []  # "for that stabilisation force to work, it needs a mandate": the force
        if word in _GROUP_PRONOUNS:
            subject = d.last_subject(position, lambda holders, person, plural: plural)
            if subject is not None:
                return subject  # (none for a group no actor stands for)
            group = d.last(d.groups, position)
            if group is not None:
                return list(group)
            subject = d.last_subject(position, lambda holders, person, plural: not person)
            return subject or []
        if word in _THING_PRONOUNS:
            if token.dep_ == "expl" or (token.head.lemma_ or "").lower() in self.book.extraposing_heads:
                return []  # "it is clear that ...": no referent
            last = d.last_subject_entry(position, lambda holders, person, plural: not person and not plural, window=300)
            if last is not None and not last[1]:
                return []  # the last thing the text was about, not an actor
            if last is not None and last[0] in d.statements:
                return list(last[1])
            subject = d.last_subject(position, lambda holders, person, plural: not person and len(holders) == 1)
            if subject:
                return subject
            keys = [a[0] for a in d.actors]
            n = bisect.bisect_left(keys, position) - 1
            while n >= 0:
                _, holder, types = d.actors[n]
                if holder in self.dictionary.actors and not self.dictionary.actors[holder].is_person:
                    return [holder]
                n -= 1
        return []

    def _remember_subject(self, doc: Any, offset: int, actor_at: dict[int, str], persons: set[int], media: set[int]) -> None:
        """Record who the sentence's main clause is about, for the pronouns of later sentences."""
        known = len(self.discourse.subjects)
        self._remember_root_subject(doc, offset, actor_at, persons, media)
        if len(doc) > 2 and doc[0].lower_ in ("the", "this", "that", "its"):
            # "The 20-point plan calls/NNS for ... once both sides agree": whatever the parser made of the
            # verb, a sentence that opens on a thing is about that thing, and "it" next is that thing
            head = next((t for t in doc[1:8] if t.tag_.startswith("VB") or t.tag_ in ("IN", ",", "MD")), None)
            nouns = [t for t in doc[1:head.i if head is not None else 8] if t.tag_ == "NN"]
            added = self.discourse.subjects[known:]
            if (head is not None and nouns and not any(t.i in actor_at for t in doc[:head.i + 1])
                    and (nouns[-1].lemma_ or nouns[-1].lower_) not in self.book.person_nouns | self.book.group_nouns
                    and all(entry[0] > offset + nouns[-1].idx for entry in added)):
                del self.discourse.subjects[known:]
                self._remember_thing(nouns[-1], offset)

    def _remember_thing(self, noun: Any, offset: int) -> None:
        """Record a thing as what the sentence is about; a statement with its issuers ("The statement called
        for ... It also urged ...": "it" is the statement, and its issuers hold what it says)."""
        issuers = self._statement_issuers(noun, offset)
        self.discourse.subjects.append((offset + noun.idx, issuers, False, False))
        if issuers:
            self.discourse.statements.add(offset + noun.idx)

    def _statement_issuers(self, noun: Any, offset: int) -> list[str]:
        """Who issued "the statement" (or "the joint statement") a sentence opens on: the group named last
        for a joint one, else the last subject that was an actor; who took part in "the meeting" (or summit)
        a sentence opens on, as the rules read it: the group named last; no one for any other noun."""
        gathering = _lemma_in(noun, self.book.gathering_nouns)
        if not (gathering or _lemma_in(noun, self.book.statement_nouns)) or any(
                c.dep_ not in ("det", "amod") or c.dep_ == "amod" and c.text[:1].isupper() for c in noun.children):
            return []
        if gathering:
            # "The meeting rejected ... It also called for ...": "it" is the meeting, which speaks for its
            # participants: the group the text was about before, not one it named on the way ("backed the
            # agreement brokered by A, B and C")
            return self._group_before(offset, noun)
        if any(c.dep_ == "amod" and c.lower_ == "joint" for c in noun.children):
            return self._group_before(offset)
        return self.discourse.last_subject(offset, lambda holders, person, plural: bool(holders)) or []

    def _remember_root_subject(self, doc: Any, offset: int, actor_at: dict[int, str], persons: set[int],
                               media: set[int]) -> None:
        for token in doc:
            if token.dep_ != "ROOT":
                continue
            known = len(self.discourse.subjects)
            self._remember_clause_subject(token, doc, offset, actor_at, persons, media)
            # "The ministers of A, B and C issued a joint statement", "In a joint statement, A, B and C called for ..."
            statement = next((c for c in token.children if _lemma_in(c, self.book.statement_nouns) and (
                c.dep_ == "obj" or c.dep_ == "obl" and _case(c) == "in")), None)
            authors = [holders for _, holders, person, _ in self.discourse.subjects[known:] if holders and not person]
            if statement is not None and authors:
                # "... It called for ...": the statement's authors
                self.discourse.subjects.append((offset + statement.idx, authors[-1], False, False))
                self.discourse.statements.add(offset + statement.idx)
            break

    def _remember_clause_subject(self, token: Any, doc: Any, offset: int, actor_at: dict[int, str], persons: set[int],
                                 media: set[int]) -> None:
        """Record the subjects of a main clause, and of the reporting clauses hung on it, for the pronouns
        and group nouns of later sentences."""
        # '"The decision must be reconsidered," the EU chief said': who said it is who "she" is next
        reports = [c for c in token.children if c.dep_ == "parataxis" and c.tag_.startswith("VB")
                   and (c.lemma_ or c.lower_) in self.book.report_verbs]
        for child in [c for clause in [token, *reports] for c in clause.children]:
            if child.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            span = [t for t in child.subtree if t.i in actor_at and t.i - child.i <= 3 and child.i - t.i <= 6]
            if child.i in actor_at:
                span = [child]
            elif not span and child.tag_ == "NNP":
                # "Olga Cherevko, spokesperson for the UN aid office, said ...": the name with its title speaks
                # for whom the title names, and "she" next is that person
                span = [t for title in child.children if title.dep_ in ("appos", "conj")
                        and (title.lemma_ or title.lower_).lower() in self.book.person_nouns
                        for t in title.subtree if t.i in actor_at][:1]
                persons = persons | {t.i for t in span}
            elif (child.tag_ == "NN" and all(t.i > child.i for t in span)
                  and (child.lemma_ or child.lower_) not in self.book.person_nouns | self.book.group_nouns):
                span = []  # "The agreement between Israel and Hamas takes effect": the agreement is the subject
            member = legislature_member(child, self.book)
            outside = member or _lemma_in(child, self.book.outside_holders)
            if member:
                span = []
            elif outside:
                span = [t for t in span if t.dep_ not in ("amod", "nmod:poss")]  # ("Hamas militants" are Hamas's)
            if not span and outside and child.tag_ in ("NNS", "NNPS") and not any(
                    c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in child.children):
                # "Palestinian factions met in Cairo ... They agreed to ...", "Five U.S. senators urged ... They
                # demanded ...": "they" next are people no actor stands for ("the factions" may be ones named
                # before with their members, and is left to point back to them)
                self.discourse.subjects.append((offset + child.idx, [], False, True))
                continue
            if not span and _unnamed_person(child, actor_at, media, self.book.office_words):
                # "In a statement, Mary Kells called for ... 'I call on ...,' she said": "she" next, and what she
                # says, are a person's no actor stands for, not the actor a person named before spoke for
                self.discourse.subjects.append((offset + child.idx, [], True, False))
                continue
            if span:
                holders = _unique([actor_at[t.i] for t in span] + [a for t in span for a in self._lists_at.get(t.i, [])])
                person = any(t.i in persons for t in span) and len(holders) == 1
                plural = len(holders) > 1 or child.tag_ in ("NNS", "NNPS")
                self.discourse.subjects.append((offset + child.idx, holders, person, plural))
                # "X took part alongside the ministers of Y and Z": X, Y and Z are "the ministers" later
                company = [actor_at[t.i] for c in token.children if c.dep_ in ("obl", "nmod", "advcl")
                           and any(m.lower_ in ("alongside", "with") for m in c.children if m.dep_ in ("case", "mark"))
                           for t in c.subtree if t.i in actor_at]
                if company:
                    group = _unique(holders + company + [a for t in span for a in self._lists_at.get(t.i, [])])
                    if len(group) >= 2:
                        self.discourse.groups.append((offset + child.idx, group))
            elif group_referent(child, self.book):
                group = self._group_before(offset + child.idx, child) or (
                    _plainly_the(child, self.book) and self._group_later(offset + child.idx))
                if group:
                    self.discourse.subjects.append((offset + child.idx, list(group), False, True))
            elif child.tag_ == "NNP" and any(t.i < child.i and t.dep_ in ("compound", "flat", "nmod:desc") and (t.lower_ in self.book.person_nouns or t.lower_.rstrip('.') in self.book.honorifics)
                                             for t in child.children):
                # "President Bio said ...": a person no actor stands for; "he" next is that person, no one we know
                self.discourse.subjects.append((offset + child.idx, [], True, False))
            elif child.tag_ == "NN" and child.i not in actor_at and (members := members_listed_by_clause(child, actor_at, self.book.member_verbs)):
                # "The committee, comprising A, B and C, warned ...": the body is its members, for "it" and for
                # "the committee" later
                self.discourse.subjects.append((offset + child.idx, members, False, False))
                self.discourse.statements.add(offset + child.idx)
                self.discourse.bodies.append((offset + child.idx, _lemma(child), members))
            elif (child.tag_ == "NN" and child.i not in actor_at and names_no_other_body(child)
                  and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in child.children)
                  and (members := self.discourse.body_members(_lemma(child), offset + child.idx))):
                # "The committee called for ... It also urged ...": that body again
                self.discourse.subjects.append((offset + child.idx, members, False, False))
                self.discourse.statements.add(offset + child.idx)
            elif child.tag_ == "NN" and child.i not in actor_at:
                # "The agreement takes effect on Sunday. It would also launch ...": "it" next is that thing
                self._remember_thing(child, offset)

    # -- one article -------------------------------------------------------------------------

    def run(self, explain: bool = False) -> list[Stance]:
        """Extract the article: parse the sentences that name an actor or an issue and apply the rules."""
        return self.finish(parse_words(self.sentences_to_parse(), stand_ins=self.book.stand_ins), explain)

    def sentences_to_parse(self) -> list[str]:
        """The sentences the rules read, as the parser is to get them (`finish` takes their parses, in
        this order): those that name an issue, and those that name an actor for what they leave the
        next sentence. Parsing them is the costly step, which a batch of articles shares (`extract_many`)."""
        text = self.text
        sentences = self.sentence_spans
        starts = [m.start for m in self.mentions]
        jobs: list[tuple[Sentence, list[Mention]]] = []
        for sentence in sentences:
            lo = bisect.bisect_left(starts, sentence.start)
            hi = bisect.bisect_left(starts, sentence.end, lo)
            jobs.append((sentence, self.mentions[lo:hi]))
        jobs = [(_without_dateline(text, s), ms) for s, ms in jobs]
        elsewhere, home = _phrase_pattern(self.scanner.lexicon.list("other_theatres")), _phrase_pattern(
            self.scanner.lexicon.list("home_theatre"))
        if elsewhere is not None:
            # "... ensuring the withdrawal of foreign forces from Libya": another conflict's issue, not Gaza's
            jobs = [(s, [m for m in ms if m.kind not in (ISSUE, INVERSE)]
                     if elsewhere.search(text, s.start, s.end) and not (home and home.search(text, s.start, s.end)) else ms)
                    for s, ms in jobs]
        self._sentences = jobs

        def names(n: int, kinds: tuple[str, ...]) -> bool:
            sentence, found = jobs[n]
            return any(m.kind in kinds and m.start >= sentence.start for m in found)

        # a sentence that names an actor but no issue is parsed only for what it leaves the next one
        # (the subject "he" or "they" means, the speaker of a quotation going on): when that one names an issue
        wanted = [n for n, (s, ms) in enumerate(jobs)
                  if not (s.headline and self.scanner.lexicon.skip_headlines)
                  and (names(n, (ISSUE, INVERSE))
                       or names(n, (ACTOR,)) and n + 1 < len(jobs) and (
                           names(n + 1, (ISSUE, INVERSE))
                           # "A, B and C met in Cairo. The ministers agreed on the following:": who the list's authors are
                           or text[jobs[n + 1][0].start:jobs[n + 1][0].end].rstrip().endswith(":"))
                       # "Pakistan said it was ready to take part": what it takes part in, the sentence before names
                       or names(n, (ACTOR,)) and n > 0 and names(n - 1, (ISSUE,))
                       and bool(self._participation.search(text, s.start, s.end))
                       # "the talks were mediated by Egypt": the mediators back the talks' issue
                       or names(n, (ACTOR, DEMONYM)) and bool(self._mediation.search(text, s.start, s.end))
                       # "The committee, comprising A, B and C, ...": who "the committee" is later
                       or names(n, (ACTOR,)) and bool(self._body_listing.search(text, s.start, s.end))
                       or _ATTRIBUTION.search(text, s.start, s.end) or text[s.start:s.end].rstrip().endswith(":"))]
        # the treebank the parser learnt from writes straight quotes: curly ones (same length, so
        # offsets hold) would otherwise split "Hamas’ refusal" into a name and a stray mark
        plain = replace_characters(text, _STRAIGHT_QUOTES)
        self._wanted = wanted
        return [plain[jobs[n][0].start:jobs[n][0].end] for n in wanted]

    def finish(self, parsed: Sequence[tuple[Any, list[int] | None]], explain: bool = False) -> list[Stance]:
        """The article's stances from the parses of its `sentences_to_parse` (`parse_words` output, in order)."""
        text, jobs = self.text, self._sentences
        if len(parsed) != len(self._wanted):
            raise ValueError(f"expected {len(self._wanted)} parsed sentences, got {len(parsed)}")
        docs = {}
        for n, (doc, offsets) in zip(self._wanted, parsed):
            assign_lemmas(doc, self.book.irregular, self.book.known_lemmas)
            repair_parse(doc, self.book.repair_lists)
            docs[n] = ParsedSentence(doc, offsets)  # the rules only read the parse from here on
        results: dict[tuple, tuple[float, Finding, str, str | None]] = {}
        intro: tuple[Any, int] | None = None
        bulleted: list[tuple[int, str]] = []  # (offset, first actor) of each item of the bulleted list going on
        for n, (sentence, mentions) in enumerate(jobs):
            bulleted = self._bulleted_group(bulleted, sentence, mentions)
            if intro is not None and _list_item(text, sentence):
                for finding in self._item_findings(intro, mentions):
                    start, end = _trim(text, sentence.start, sentence.end)
                    for holder in finding.holders:
                        key = (holder, finding.issue, finding.polarity, "", start, end)
                        if key not in results:
                            results[key] = (finding.confidence, finding, holder, None)
                self._remember(mentions)
                self._sentence_before = None
                continue
            intro = None
            self._intro = None
            doc = docs.get(n)
            if doc is None:
                self._remember_unnamed_speaker(sentence, mentions)
            else:
                for holder, finding, via in self._sentence(sentence, mentions, doc, explain):
                    start, end = _trim(text, sentence.start, sentence.end)
                    key = (holder, finding.issue, finding.polarity, finding.condition or "", start, end)
                    old = results.get(key)
                    if old is None or old[0] < finding.confidence:
                        results[key] = (finding.confidence, finding, holder, via)
                intro = self._intro
            self._remember(mentions)
            self._sentence_before = (sentence, mentions)
        return self._stances(results)

    def _remember_unnamed_speaker(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """Record a person no actor stands for who speaks in a sentence the rules do not parse ("On Thursday,
        Fiona Reid called for ..."): "she" next, and the quotation that follows, are hers, not those of the
        actor a person named before spoke for."""
        match = self._unnamed_speaker.search(self.text, sentence.start, sentence.end)
        if match is None or match.start(1) not in (sentence.start, *(m.end() for m in _CLAUSE_OPENING.finditer(
                self.text, sentence.start, match.start(1)))):
            return
        if any(m.start < match.end(1) and match.start(1) < m.end for m in mentions):
            return  # a name the dictionary knows, or a title or demonym of an actor
        words = match.group(1).lower().split()
        if not self.book.office_words.isdisjoint(words):
            return  # "Prime Minister said": a title, not a name
        self.discourse.subjects.append((match.start(1), [], True, False))

    def _meeting_pair(self) -> list[str]:
        """The two actors the sentence before named ("X met Y. Both stressed ..."), when they are two that meet
        and speak together (states and bodies): "both sides" after the war's two parties are named are parties
        to it, whose deeds the text tells ("both sides traded accusations"), no joint word of theirs. Read only
        when a sentence asks."""
        if self._sentence_before is None:
            return []
        pair = self._actors_named(*self._sentence_before)
        types = self.scanner.actor_types
        if len(pair) != 2 or any("ArmedGroup" in types.get(actor, ()) for actor in pair):
            return []
        return list(pair)

    def _actors_named(self, sentence: Sentence, mentions: list[Mention]) -> list[str]:
        """The actors a sentence names, in order: by name, and by a demonym before a person's title ("with
        his Qatari counterpart")."""
        named = [(m.start, m.holder or m.value) for m in mentions if m.kind in (ACTOR, DEMONYM) and m.start >= sentence.start]
        for match in _DEMONYM_TITLE.finditer(self.text, sentence.start, sentence.end):
            actor = self.demonyms.get(match.group(1))
            title = match.group(2).lower().rstrip("s")
            if actor and (title in self.book.person_nouns or title == "counterpart"):
                named.append((match.start(), actor))
        return _unique(actor for _, actor in sorted(named))

    def _bulleted_group(self, items: list[tuple[int, str]], sentence: Sentence, mentions: list[Mention]) -> list[tuple[int, str]]:
        """The bulleted list of actors going on after this sentence; a list of two or more actors that
        ends here is a group the next group noun can point back to ("attended by: - Saudi Foreign
        Minister ... - Egyptian Foreign Minister ...", then "the ministers")."""
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        if _BULLET.match(self.text[line_start:sentence.end].lstrip() + " ") and _list_item(self.text, sentence):
            first = next((m for m in mentions if m.kind == ACTOR and m.start >= sentence.start), None)
            return items + [(sentence.start, first.holder or first.value)] if first is not None else items
        members = _unique(holder for _, holder in items)
        if len(members) >= 2:
            self.discourse.groups.append((items[0][0], members))
        return []

    def _item_findings(self, intro: tuple[Any, int], mentions: list[Mention]) -> list[Finding]:
        """The stances one list item takes from the sentence that introduced the list."""
        holders, sign = intro
        actors = [a for a in holders.actors if a in self.dictionary.actors and not self.dictionary.actors[a].is_person]
        findings = []
        for issue in _unique(m.value for m in mentions if m.kind in (ISSUE, INVERSE)):
            inverse = any(m.kind == INVERSE and m.value == issue for m in mentions)
            polarity = "support" if (sign > 0) != inverse else "oppose"
            rules = ("item_of_list", *holders.rules)
            confidence = self.book.confidence("item_of_list") * holders.confidence
            findings.append(Finding(actors, issue, polarity, None, rules, confidence, ":", ()))
        return findings

    def _sentence_speaker(self, doc: Any, offset: int, actor_at: dict[int, str], sentence: Sentence) -> tuple[str | None, bool]:
        """Who speaks in this sentence, and whether the sentence says so itself (a reporting verb of
        its main clause, or "according to X"), rather than going on with an earlier quotation."""
        book = self.book
        prefix = _SPEAKER_PREFIX.match(self.text, sentence.start, sentence.end)
        if prefix:
            # 'Israeli PM Netanyahu: "We will not allow ..."': a live blog's speaker line
            named = [actor_at[t.i] for t in doc if t.i in actor_at and offset + t.idx < prefix.end()]
            if named:
                return named[-1], True
        if self.text[sentence.start:sentence.end].rstrip().endswith(":"):
            # "The following statement by the Secretary-General was issued:": the statement's author says
            # what follows ("I welcome ...")
            for token in doc:
                if _lemma(token) in book.statement_nouns:
                    authors = [t for c in token.children if c.dep_ in ("nmod", "nmod:poss") and (
                        c.dep_ == "nmod:poss" or _case(c) == "by") for t in c.subtree if t.i in actor_at]
                    if authors:
                        return actor_at[authors[0].i], True
        candidates = []
        for token in doc:
            lemma = (token.lemma_ or token.text).lower()
            if lemma in book.report_verbs and token.tag_.startswith("VB") and (
                    token.dep_ == "ROOT" or token.dep_ in ("parataxis", "advcl", "conj", "ccomp") and token.head.dep_ == "ROOT"):
                candidates.append(token)
        for token in sorted(candidates, key=lambda t: t.dep_ != "ROOT"):
            children = list(token.children)
            if (token.dep_ == "conj" or token.dep_ == "advcl" and token.tag_ == "VBG") and not any(
                    c.dep_ in ("nsubj", "nsubj:pass") for c in children):
                # "X welcomed the deal and said ...", "X appealed for restraint, saying ...": X said it
                children += list(token.head.children)
            for child in children:
                if child.dep_ not in ("nsubj", "nsubj:pass"):
                    continue
                if child.dep_ == "nsubj:pass" and (token.lemma_ or token.lower_) in book.addressee_verbs:
                    continue  # "US officials were notified": who was told, not who speaks
                if child.i in actor_at:
                    return actor_at[child.i], True
                if child.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS | _THING_PRONOUNS:
                    # "..., he said": the person the last sentences were about, not the last one named
                    resolved = self._resolve_pronoun(child, offset, None)
                    if len(resolved) == 1:
                        return resolved[0], True
                if legislature_member(child, book):
                    return _OUTSIDER, True  # "US Senator Lindsey Graham said": a lawmaker speaks for no actor
                aside = _aside_tokens(child)
                for t in child.subtree:
                    if t.i in actor_at and t.i not in aside:
                        return actor_at[t.i], True
                if (token.dep_ == "ROOT" and (child.tag_ == "NNP" and abs(child.i - token.i) == 1
                                               or any(t.tag_ == "NNP" for t in child.subtree) and not any(
                                                   t.i in actor_at for c in children if c.dep_ == "nsubj" for t in c.subtree))
                        and (text_starts_quote(self.text, sentence) or _enclosing(self.quotes, sentence.start + 1)
                             or any(t.is_quote for t in doc))):
                    # '"...," Mardoui added', '"...," Norway's foreign minister, Espen Barth Eide, said': a
                    # person or state the text names, whom no actor stands for, says it; not the last actor who spoke
                    return _OUTSIDER, True
        for token in doc:
            if (token.dep_ == "acl:relcl" and (token.lemma_ or token.lower_) in book.report_verbs
                    and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in token.children)
                    and any(t.is_quote for t in doc[token.i + 1:])):
                # 'a press conference with the chancellor, who said, "Phase two must come now"': the quotation
                # is the one "who" stands for, whoever the sentence is about
                return actor_at.get(token.head.i, _OUTSIDER), True
        if self.book.enabled("according_to"):
            for token in doc:
                if token.lower_ == "according":
                    for t in token.head.subtree if token.head.i != token.i else token.subtree:
                        # "according to Palestinian and Israeli sources": who reports, not who holds
                        if t.i in actor_at and t.i not in self._sentence_sources:
                            return actor_at[t.i], True
        quotation = _enclosing(self.quotes, sentence.start + 1)
        if quotation in self.quote_speakers:
            return self.quote_speakers[quotation], False
        if quotation is not None:
            if quotation not in self._closing_speakers:
                self._closing_speakers[quotation] = self._closing_speaker(quotation)
            closing = self._closing_speakers[quotation]
            if closing is not None:
                # '"Based on the statement issued by Hamas, I believe ... Israel must stop the bombing ...
                # Right now, it's far too dangerous," Trump wrote': the name after the quotation speaks all of it
                # (and in its last sentence, '"...," urged the opposition leader Yair Lapid', says so itself)
                return closing, quotation[1] <= sentence.end
        if quotation or text_starts_quote(self.text, sentence):
            # a quotation going on: its speaker, else the person the text is about, else the last one named
            d = self.discourse
            speaker = d.last(d.speakers, sentence.start)
            about = d.last_subject_entry(sentence.start, lambda holders, person, plural: person)
            if about is not None and (speaker is None or about[0] > d.last_offset(d.speakers, sentence.start)):
                # 'Trump urged Israel to stop. "I believe they are ready ...': a quotation after a sentence
                # about a person is that person's, not the last speaker's
                # (a person no actor stands for: "I" is none we know)
                return (about[1][0] if about[1] else _OUTSIDER), False
            if speaker == _OUTSIDER:
                return _OUTSIDER, False  # '"...," Fu said. "The draft provides no such arrangements."': still Fu
            return speaker or d.last(d.persons, sentence.start), False
        if self.title_speaker:
            return self.title_speaker, False  # a speech or statement: its speaker says every line of it
        return None, False

    def _sentence(self, sentence: Sentence, mentions: list[Mention], doc: Any, explain: bool) -> Iterable[tuple[str, Finding, str | None]]:
        offset = sentence.start
        self._sentence_sources = set()
        self._sentence_actors = [(m.start, m.holder or m.value) for m in mentions
                                 if m.kind == ACTOR and not m.person and not self._person_like(m)]
        by_char = {}
        for token in doc:
            for k in range(token.idx, token.idx + len(token.text)):
                by_char[k] = token
        actor_at: dict[int, str] = {}
        media: set[int] = set()
        persons: set[int] = set()
        issue_at: dict[int, str] = {}
        issue_roots: list[tuple[Any, set[int], str, int]] = []
        partial_roots: set[int] = set()  # issue words that name doing it in part ("freezing its weapons")
        via = None
        for m in mentions:
            tokens = sorted({by_char[k].i for k in range(m.start - offset, m.end - offset) if k in by_char})
            if not tokens:
                continue
            if m.kind == ACTOR:
                for i in tokens:
                    actor_at[i] = m.holder or m.value
                if m.person or self._person_like(m):
                    persons.update(tokens)
            elif m.kind == SOURCE:
                actor = self.demonyms.get(self.text[m.start:m.end].split()[0].rstrip("'’s"))
                via = via or self.text[m.start:m.end]
                self._sentence_sources.update(tokens)
                if actor:
                    for i in tokens:
                        actor_at[i] = actor
            elif m.kind == MEDIA:
                via = via or self.text[m.start:m.end]
                media.update(tokens)
            elif m.kind == COREF:
                referent = None
                if self.text[m.start:m.end].lower().startswith(("his ", "her ")):
                    # "Sisi said his country will host ...": the country of the person the sentence named
                    # last before it, not the last state the text named
                    named = [i for i in persons if i < tokens[0] and i in actor_at]
                    referent = actor_at[max(named)] if named else None
                referent = referent or self._coreferent(m)
                if referent:
                    for i in tokens:
                        actor_at[i] = referent
            elif m.kind in (ISSUE, INVERSE):
                if len(tokens) == 1 and _verb_sense(doc[tokens[0]], self.book.noun_issue_words):
                    continue  # "crossing the yellow line": the verb, not the issue's noun
                if m.kind == ISSUE and any(o.kind == INVERSE and o.value == m.value and o.start < m.end and m.start < o.end
                                           for o in mentions):
                    continue  # "continue to govern Gaza": the opposite of the issue, which "govern Gaza" alone would name
                for i in tokens:
                    issue_at.setdefault(i, m.value)
                span = set(tokens)
                # the first token hung outside the mention, a modifier of a word outside it last: in
                # "Trump's peace framework" with "Trump" hung on a "Donald" outside it, "framework"; a
                # sentence root inside the mention counts as hung inside it (its head is itself)
                root = min((doc[i] for i in tokens), key=lambda t: (t.head.i in span,
                                                                     t.dep_ in _MODIFIER_RELATIONS, t.i))
                issue_roots.append((root, span, m.value, -1 if m.kind == INVERSE else 1))
                if m.partial:
                    partial_roots.add(root.i)
        self._sentence_persons = {i: actor_at[i] for i in persons if i in actor_at}
        self._sentence_actor_at = actor_at
        for token in doc:
            stood_for = None if token.i in issue_at else self._stand_in_issue(token, doc, offset)
            if stood_for:
                issue_at[token.i] = stood_for
                issue_roots.append((token, {token.i}, stood_for, 1))
        issue_roots = _inverted_by_modifiers(issue_roots)
        sponsor_at: dict[int, str] = {}
        end = sentence.end + 1  # (the parsed text is the sentence's own)
        for m in self.sponsors:
            if offset <= m.start < end:
                for k in range(m.start - offset, m.end - offset):
                    if k in by_char:
                        sponsor_at[by_char[k].i] = m.holder or m.value
        self._sentence_issue_tokens = set(issue_at)
        lists = self._surface_lists(mentions, by_char, offset)
        self._lists_at = lists
        self._remember_subject(doc, offset, actor_at, persons, media)
        speaker, own_report = self._sentence_speaker(doc, offset, actor_at, sentence)
        if own_report:
            self.discourse.speakers.append((offset, speaker or _OUTSIDER))
        context = SentenceContext(
            doc, offset, actor_at, set(issue_at),
            resolve_pronoun=lambda token: self._resolve_pronoun(token, offset, speaker),
            group_before=lambda noun=None: self._group_before(offset, noun),
            group_after=lambda size: self._group_after(sentence.end, size),
            group_later=lambda: self._group_later(offset),
            pair_before=self._meeting_pair,
            speaker=lambda: (speaker, own_report),
            demonyms=self.demonyms,
            lists=lists,
            media=media,
            sponsor_at=sponsor_at,
            # a statement is an actor's: a thing the text was about in between is no issuer
            subject_before=lambda: self.discourse.last_subject(offset, lambda holders, person, plural: bool(holders)) or [],
            plan_owner_before=lambda lemma: self.discourse.plan_owner(lemma, offset),
            body_members=lambda lemma: self.discourse.body_members(lemma, offset),
        )
        walker = Walker(self.book, context)
        # the issue each root names given whose act it is (Hamas leaving Gaza is governance), asked once here
        acted_issues = {(root.i, named_issue): walker.issue_of_agent(root, named_issue)
                        for root, _, named_issue, _ in issue_roots}
        for root, span, named_issue, _ in issue_roots:
            if walker.not_the_issue(root, span, acted_issues[root.i, named_issue]):
                # words that name something else here name no condition either ("until the hostages who
                # remain in Gaza come home": no troops stay)
                for i in span:
                    if issue_at.get(i) == named_issue:
                        del issue_at[i]
        for token in doc:
            if token.lower_ == "we" and token.i + 1 < len(doc) and doc[token.i + 1].text == "," and self.book.enabled("pronoun"):
                # "We, the representatives of A, B and C, met ...": who "we" are, for what the same speaker says
                # next (read off the words up to the verb: the parse of such a list is seldom whole)
                members = []
                for word in doc[token.i + 2:]:
                    if word.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                        break
                    if word.i in actor_at and actor_at[word.i] not in members:
                        members.append(actor_at[word.i])
                if len(members) > 1:
                    self.discourse.we_groups.append((offset + token.idx, speaker, members))
        if self.text[sentence.start:sentence.end].rstrip().endswith(":"):
            self._intro = walker.introduced_list()
        seen: set[tuple[int, str]] = set()
        asked = (_question_words(doc) if self.book.enabled("direct_question")
                 and any(_lemma_in(t, self.book.questioner_nouns) for t in doc) else frozenset())
        def found() -> Iterator[Finding]:
            walked: list[tuple[int, str, bool]] = []  # (issue word, issue, whether the words name its opposite)
            for root, span, named_issue, inverse in issue_roots:
                if (root.i, named_issue) in seen or root.i in asked:
                    continue
                seen.add((root.i, named_issue))
                issue_id = acted_issues[root.i, named_issue]
                if inverse > 0 and self.book.enabled("inverse_issue") and walker.ruled_by_excluded_party(root, issue_id):
                    inverse = -inverse  # "Hamas will no longer rule Gaza": governance without Hamas
                walked.append((root.i, issue_id, inverse < 0))
                channel = any(root.doc[i].lower_ in self.book.channel_words for i in span)
                for finding in walker.walk(root, span, issue_id, issue_at, inverse=inverse < 0):
                    if channel and finding.polarity == "oppose" and finding.issue == issue_id:
                        continue  # "the UN rejected the GHF aid mechanism": one channel of aid, not aid
                    if inverse < 0 and finding.polarity != "conditional" and finding.issue == issue_id:
                        if not self.book.enabled("inverse_issue"):
                            continue
                        if "sponsor_of_terms" in finding.rules and walker.other_actor_acts(finding.path, Holders(finding.holders)):
                            continue  # "a truce during which Israel can resume fighting": what a plan lets another do
                        finding.polarity = "oppose" if finding.polarity == "support" else "support"
                        finding.rules = finding.rules + ("inverse_issue",)
                    if (root.i in partial_roots and finding.issue == issue_id and finding.polarity in ("support", "oppose")
                            and self.book.partial_conditions.get(issue_id) and self.book.enabled("partial_issue")):
                        # "open to storing its guns while the truce lasts": the issue in part, backed only
                        # while the other holds; who rejects doing it in part wants it whole
                        if finding.polarity == "support":
                            finding.polarity, finding.condition = "conditional", self.book.partial_conditions[issue_id]
                        else:
                            finding.polarity = "support"
                        finding.rules = finding.rules + ("partial_issue",)
                    yield finding
            # the mediators the sentence names back what it names: read off its words, not walked to
            yield from walker.mediators([(issue, root.i) for root, _, issue, inverse in issue_roots if inverse > 0]
                                        if issue_roots else [(issue, None) for issue in sorted(self.book.talks_issues)])
            # an aside after a comma takes a side on what the clause before it names: read off its words too
            yield from walker.asides(walked)

        picks = self.book.enabled("terms_by_selection") and _picks_members(doc, self.book)
        findings = _backed_on_terms(_alternative_set_against(_purpose_over_means(list(found()), doc, self.book), doc, self.book),
                                    doc, self.book, picks)
        if picks:
            findings += _members_picked(findings, doc, issue_at, walker, self.book)
        findings = _conditions_named_for(findings, doc, issue_at, self.book)
        self.discourse.plans.extend(walker.owned_plans())
        for finding in findings:
            for holder in finding.holders:
                if holder not in self.dictionary.actors or self.dictionary.actors[holder].is_person:
                    continue
                if explain:
                    key = (holder, finding.issue, finding.polarity, finding.condition or "", sentence.start)
                    self.explanations[key] = Explanation(
                        self.text[sentence.start:sentence.end], finding.path, finding.cue, finding.rules,
                        [(t.i, t.text, t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc])
                yield holder, finding, via

    def _stand_in_issue(self, token: Any, doc: Any, offset: int) -> str | None:
        """The issue a word stands in for, named just before it: "would only do so with UN backing", or
        taking part with nothing named to take part in ("signalled willingness to participate": the force)."""
        position = offset + token.idx
        lemma = token.lemma_ or token.lower_
        if lemma == "do" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "so":
            before = [m for m in self.mentions if m.kind == ISSUE and offset <= m.start and m.end <= position]
            lead_verbs = [t for t in doc[:token.i] if t.tag_.startswith("VB") and t.dep_ not in ("aux", "aux:pass")
                          and (t.lemma_ or t.lower_) not in self.book.report_verbs]
            if not before and not lead_verbs:
                # "... sending troops. They said they would only do so with a mandate": the sentence before
                before = [m for m in self.mentions if m.kind == ISSUE and m.end <= offset and offset - m.end < 250]
            return before[-1].value if before else None
        if (lemma in self.book.participation_verbs and token.tag_.startswith("VB")
                and not any(c.dep_ in _TAKEN_PART_IN for c in token.children)
                or lemma == "part" and token.head.i != token.i and (token.head.lemma_ or "") == "take"
                and not any(c.dep_ in _TAKEN_PART_IN for c in (*token.children, *token.head.children) if c.i != token.i)):
            before = [m for m in self.mentions if m.kind == ISSUE and m.value in self.book.participation_issues
                      and m.end <= position and position - m.end < 400]
            return before[-1].value if before else None
        return None

    def _surface_lists(self, mentions: list[Mention], by_char: dict[int, Any], offset: int) -> dict[int, list[str]]:
        """Token index -> the whole written list an actor belongs to ("Egypt, Qatar, Jordan and Turkey").

        Long lists are where a parser trained on web text errs most; the commas do not."""
        lists: dict[int, list[str]] = {}
        for run in self._list_runs([m for m in mentions if m.kind == ACTOR]):
            ids = _unique(a.holder or a.value for a in run)
            for a in run:
                for k in range(a.start - offset, a.end - offset):
                    if k in by_char:
                        lists[by_char[k].i] = ids
        return lists

    def _coreferent(self, m: Mention) -> str | None:
        """The last actor of the type a description ("the group", "the movement") refers back to."""
        wanted = m.value
        if wanted.startswith(INSTITUTION):
            return self._institution_owner(m, wanted[len(INSTITUTION):])
        types_of = self.scanner.actor_types
        for start, holder in reversed(self._sentence_actors):  # earlier in the same sentence first
            if start < m.start and wanted in types_of.get(holder, ()):
                return holder
        for _, holder, types in reversed(self.discourse.actors):
            if wanted in types:
                return holder
        return None

    def _institution_owner(self, m: Mention, noun: str) -> str | None:
        """Whose institution "the ministry" is: the actor of the last mention that named one ("Israel's
        Foreign Ministry"); nobody's when the last one named is no actor's ("Gaza's Health Ministry")."""
        for found in reversed(list(re.finditer(r"\b%s\b" % re.escape(noun), self.text[:m.start], re.IGNORECASE))):
            at = found.start()
            named = next((a for a in self.mentions if a.start <= at < a.end and a.kind in (ACTOR, COREF)), None)
            if named is not None and named.kind == COREF and named.value == m.value:
                continue  # "the ministry" again: the one named before it
            return (named.holder or named.value) if named is not None and named.kind == ACTOR else None
        return None

    def _stances(self, results: dict[tuple, tuple[float, Finding, str, str | None]]) -> list[Stance]:
        article = self.article
        evidence = []
        # a sentence that makes a holder's stance conditional states no plain support as well
        conditioned = {(holder, issue, start) for holder, issue, polarity, _, start, _ in results if polarity == "conditional"}
        model = self.book.stance_model
        relation = model.relation_words if model is not None and self.book.enabled("stance_model") else None
        starts = [m.start for m in self.mentions]
        for (holder, issue, polarity, condition, start, end), (confidence, finding, _, via) in results.items():
            if polarity == "support" and (holder, issue, start) in conditioned:
                continue
            context: tuple[tuple[str, float], ...] = ()
            if relation is not None:
                inside = self.mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
                context = tuple(sorted(relation.features(
                    self.text, [(m.start, m.end) for m in inside if m.kind == ACTOR and (m.holder or m.value) == holder],
                    [(m.start, m.end) for m in inside if m.kind == ISSUE and m.value == issue], (start, end)).items()))
            evidence.append(Evidence(Stance(
                source_id=article.source_id, holder=holder, issue=issue, polarity=Polarity(polarity),
                quote=self.text[start:end], char_start=start, char_end=end, method=Method.RULE,
                confidence=round(max(0.05, min(1.0, confidence)), 2), condition=condition or None,
                rule="+".join(finding.rules), reported_via=via, published=article.published,
            ), finding.cue, len(finding.path), context))
        if model is None or not self.book.enabled("stance_model"):
            self.evidence = evidence
            return sorted((self.as_written(item.stance) for item in evidence), key=lambda s: s.key)
        if model.cooccurrence is not None and self.book.enabled("cooccurrence"):
            evidence = evidence + cooccurrence_evidence(article.source_id, self.text, self._sentences, evidence,
                                                        model.cooccurrence, actors=self.scanner.holders,
                                                        published=article.published, relation=relation)
        self.evidence = evidence
        self.features = article_features(evidence, model.report_pattern, len(self.text), model.sentence_words)
        ratings = {key: model.rate(features) for key, features in self.features.items()}
        kept = []
        for item in evidence:
            s = item.stance
            key = (s.holder, s.issue, s.polarity.value)
            rating = ratings[key]
            if rating >= model.threshold_for(self.features[key]):
                kept.append(dataclasses.replace(self.as_written(s), confidence=round(max(0.01, min(1.0, rating)), 2)))
        return sorted(kept, key=lambda s: s.key)

    def as_written(self, stance: Stance) -> Stance:
        """The stance with the offsets and the quote of the article as written (a Markdown article's marks
        and the characters that show nothing inside the quote included): extraction read it without them."""
        if self.text is self.article.text:
            return stance
        start, end = self.written_span(stance.char_start, stance.char_end)
        return dataclasses.replace(stance, quote=self.article.text[start:end], char_start=start, char_end=end)

    def written_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the span start:end of the text extraction read lies in the article as written, with
        the marks that open or close it ("**Hamas** rejected ...", not "Hamas** rejected ...")."""
        if self._written_at is None or start >= end:
            return start, end
        written = self.article.text
        if self._marks is None:
            self._marks = bytearray(b"\x01") * len(written)
            for k in self._written_at:
                self._marks[k] = 0
        start, end = self._written_at[start], self._written_at[end - 1] + 1
        while start > 0 and self._marks[start - 1] and not written[start - 1].isspace():
            start -= 1
        while end < len(written) and self._marks[end] and not written[end].isspace():
            end += 1
        return start, end


_OF_OTHER_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?!United\s+Nations|UN\b|U\.N\.)[A-Z]")


_BULLET = re.compile(r"[-–—•*·▪]\s|\(?\d{1,2}[.)]\s|\d{1,2}\s?[-–]\s|\(?[a-z][.)]\s")
_NEGATED_ITEM = re.compile(r"^(?:[-–—•*·▪]\s*)?(?:no|not|never|neither)\b", re.IGNORECASE)


_CONJUNCTION = re.compile(r"\b(?:and|or|plus|with|alongside|as\s+well\s+as)\b|&")


@functools.lru_cache(maxsize=8)
def _forms_pattern(words: tuple[str, ...], *phrases: str) -> "re.Pattern[str]":
    """Any form of the words ("mediate": "mediated", "mediating", "mediation", "Egypt-mediated"), or one of
    the phrases (regular expressions)."""
    stems = sorted({word[:-1] if word.endswith("e") else word for word in words}, key=len, reverse=True)
    alternatives = "|".join([f"(?:{'|'.join(map(re.escape, stems))})\\w*", *phrases])
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def _speaker_name_pattern(verb_forms: tuple[str, ...]) -> "re.Pattern[str]":
    """A full name speaking ("Fiona Reid called", "Fiona Reid has said"): two or three capitalised words, then one of
    the verb forms; the name is group 1."""
    verbs = "|".join(map(re.escape, sorted(verb_forms, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"\b([A-Z][a-z]+(?:\s+[A-Z][a-z’'-]+){{1,2}})\s+(?:(?:has|had|also|again|later)\s+)*(?:{verbs})\b")


def _participation_pattern(verbs: tuple[str, ...]) -> "re.Pattern[str]":
    """Any form of the participation verbs ("participate", "participating", "joined"), or "take part"."""
    return _forms_pattern(verbs, r"t(?:ake|akes|aking|ook)\s+part")


@functools.lru_cache(maxsize=16)
def _title_reference_pattern(modifiers: tuple[str, ...], heads: tuple[str, ...]) -> "re.Pattern[str] | None":
    """"the (deputy prime) minister", "the PM": "the", title words, a title of one person, and no name
    or owner after it."""
    if not heads:
        return None
    mods = "|".join(map(re.escape, sorted(modifiers, key=len, reverse=True))) or "(?!)"
    alternatives = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    # the title in any case ("The Deputy Prime Minister"), but no capitalised name after it
    return re.compile(rf"\b[Tt]he\s+((?i:(?:{mods})\s+){{0,3}})((?i:{alternatives}))\b(?![’'-])(?!\s+(?:[A-Z]|of\b|for\b))")


@functools.lru_cache(maxsize=16)
def _phrase_pattern(phrases: tuple[str, ...]) -> "re.Pattern[str] | None":
    """One pattern for whole-word matches of any of the phrases, or None for none."""
    phrases = sorted(set(phrases), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?![\w-])")


def _same_actor(a: Mention, b: Mention) -> bool:
    return (a.holder or a.value) == (b.holder or b.value)


_PLACE_BEFORE = re.compile(r"\b(?:to|into|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE)
_SIDES_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


def _written_list(text: str, run: list[Mention]) -> bool:
    """Whether actors side by side are a list: two or more of them, joined by a conjunction somewhere
    ("Egypt, Qatar and the US") or at least three by commas; two names with a comma between them
    are not ("After talks in Cairo, Israel said ...")."""
    if len({m.holder or m.value for m in run}) < 2:
        return False
    gaps = [text[a.end:b.start] for a, b in zip(run, run[1:])]
    # a title and the name after it ("Israeli Prime Minister| Benjamin Netanyahu") are one item
    items = 1 + sum(1 for (a, b), gap in zip(zip(run, run[1:]), gaps)
                    if (a.holder or a.value) != (b.holder or b.value) or "," in gap or _CONJUNCTION.search(gap))
    return items >= 3 or any(_CONJUNCTION.search(gap) for gap in gaps)


_LONGEST_ITEM = 250  # characters
_LONGEST_BULLETED_ITEM = 700


def _list_item(text: str, sentence: Sentence) -> bool:
    """Whether a sentence is one item of a list: on a line of its own, short, and either bulleted
    or without the full stop of a sentence of its own ("Secure the release of hostages")."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    lead = text[line_start:sentence.start]
    if lead.strip() and not _BULLET.match(lead.lstrip() + " "):
        return False  # the sentence does not begin its line
    body = (lead.strip() + " " + text[sentence.start:sentence.end].strip()).strip()
    bulleted = bool(_BULLET.match(body))
    # a numbered or bulleted point of a communiqué runs longer than an unmarked line can
    if not body or len(body) > (_LONGEST_BULLETED_ITEM if bulleted else _LONGEST_ITEM):
        return False
    if _NEGATED_ITEM.match(body):
        return False
    return bulleted or not body.endswith((".", "!", "?", '"', "”"))


def _title_of_other_body(text: str, m: Mention) -> bool:
    """"The Secretary-General of the Arab League", "the National Security Council": a title alias
    of the UN that belongs to another body here."""
    if m.kind != ACTOR:
        return False
    surface = text[m.start:m.end].lower()
    if "secretary" in surface and _OF_OTHER_BODY.match(text, m.end):
        return True
    return surface.endswith("security council") and text[max(0, m.start - 9):m.start].lower() == "national "


def _without_dateline(text: str, sentence: Sentence) -> Sentence:
    """The sentence without a leading dateline (the mentions inside it are then ignored)."""
    match = _DATELINE.match(text, sentence.start, sentence.end) or (
        _OPENING_PLACE.match(text, sentence.start, sentence.end) if sentence.start == 0 else None)
    if match is None or match.end() - sentence.start > 80:
        return sentence
    return Sentence(match.end(), sentence.end, sentence.headline)


def text_starts_quote(text: str, sentence: Sentence) -> bool:
    """Whether a sentence opens with a quotation mark (a quotation, often attributed before)."""
    return text[sentence.start:sentence.start + 1] in ('"', _QUOTE_OPEN)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _step_token(doc: Any, step: str) -> Any:
    """The token a walked path step stands on, or None."""
    index = path_index(step)
    return doc[index] if index is not None and index < len(doc) else None


def _purpose_over_means(findings: list[Finding], doc: Any, book: RuleBook) -> list[Finding]:
    """Drop the support a cue gives an issue when the same cue's purpose clause opposes that issue:
    "demands a temporary pause to resume its campaign" wants the campaign, the pause only serves it."""
    if not book.enabled("purpose_over_means"):
        return findings
    undone = set()
    for finding in findings:
        if finding.polarity != "oppose" or "inverse_issue" not in finding.rules or len(finding.path) < 2:
            continue
        clause, cue = _step_token(doc, finding.path[0]), _step_token(doc, finding.path[-1])
        if (clause is not None and cue is not None and clause.head.i == cue.i and clause.dep_ == "advcl"
                and clause.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "to" for c in clause.children)):
            undone.add((tuple(finding.holders), finding.issue, cue.i))
    return _without_support_at(findings, doc, undone)


def _without_support_at(findings: list[Finding], doc: Any, dropped: set[tuple]) -> list[Finding]:
    """The findings but the support ones whose (holders, issue, cue token) is among `dropped`."""
    if not dropped:
        return findings
    kept = []
    for finding in findings:
        cue = _step_token(doc, finding.path[-1]) if finding.path else None
        if finding.polarity == "support" and cue is not None and (tuple(finding.holders), finding.issue, cue.i) in dropped:
            continue
        kept.append(finding)
    return kept


def _alternative_set_against(findings: list[Finding], doc: Any, book: RuleBook) -> list[Finding]:
    """Drop the support a cue gives an issue when the same cue sets that issue aside for an alternative
    ("wants its troops pulled back inside the Strip instead of a full withdrawal", "wants a short pause rather
    than a permanent ceasefire"): the alternative is a lesser form of the issue, and the holder is against the issue itself."""
    if not book.enabled("alternative_set_against"):
        return findings
    against = set()
    for finding in findings:
        if finding.polarity != "oppose" or len(finding.path) < 2:
            continue
        issue_word, cue = _step_token(doc, finding.path[0]), _step_token(doc, finding.path[-1])
        if issue_word is not None and cue is not None and any(
                c.dep_ in ("cc", "case") and c.lower_ in CONTRAST_WORDS for c in issue_word.children):
            against.add((tuple(finding.holders), finding.issue, cue.i))
    return _without_support_at(findings, doc, against)


def _picks_members(doc: Any, book: RuleBook) -> bool:
    """Whether the sentence says someone decides which members something has ("Israel will determine which
    foreign forces are acceptable"), by the parse or, where it hung the words elsewhere, by the words."""
    for wh in doc:
        if wh.lower_ not in ("which", "what"):
            continue
        if _lemma(wh.head) in book.member_nouns and _lemma(wh.head.head) in book.selection_verbs:
            return True
        if (any(_lemma(n) in book.member_nouns for n in doc[wh.i + 1:wh.i + 4])
                and any(_lemma(v) in book.selection_verbs for v in doc[max(0, wh.i - 3):wh.i])):
            return True
    return False


def _backed_on_terms(findings: list[Finding], doc: Any, book: RuleBook, selection: bool) -> list[Finding]:
    """Make the backing of an issue conditional on its terms where the sentence states them: by setting one
    kind of it against another ("Egypt envisions a peacekeeping mission, not a peace-enforcement operation",
    rule terms_by_contrast), by saying what it must have ("..., which must have a Security Council mandate",
    terms_required) or who picks its members ("Israel will determine which foreign forces are acceptable",
    terms_by_selection, `selection` saying whether the sentence picks members). The annotation guideline
    files those terms under the issue `terms_conditions` names (a force's terms: peace_plan)."""
    text = f" {' '.join(t.lower_ for t in doc)} "
    named = lambda words: any(f" {word} " in text for word in words)  # noqa: E731
    contrast = book.enabled("terms_by_contrast") and bool(book.mission_kinds) and all(map(named, book.mission_kinds.values()))
    required = book.enabled("terms_required") and named(book.requirement_markers)
    if not contrast and not required and not selection:
        return findings
    for finding in findings:
        terms = book.terms_conditions.get(finding.issue)
        if terms and selection and finding.polarity in ("support", "oppose"):
            finding.polarity, finding.condition = "conditional", terms
            finding.rules = finding.rules + ("terms_by_selection",)
            continue
        if not terms or finding.polarity != "support":
            continue
        rule = "terms_by_contrast" if contrast else "terms_required"
        if rule == "terms_required" and ("sponsor_of_terms" in finding.rules or not named(
                phrase for phrase, issue in book.condition_words.items() if issue == terms)):
            # "the force must have a Security Council mandate": backed on the terms it must have (a sponsor
            # sets the terms and backs what it sets)
            continue
        finding.polarity, finding.condition = "conditional", terms
        finding.rules = finding.rules + (rule,)
    return findings


def _members_picked(findings: list[Finding], doc: Any, issue_at: Mapping[int, str], walker: Walker,
                    book: RuleBook) -> list[Finding]:
    """Who says it will pick the members of an issue that has terms, where no walk reached the issue through
    the indirect question ("Israel will decide which foreign contingents can join the force"): the subject of
    the picking verb takes the issue on the terms it picks (rule terms_by_selection); for a sentence
    `_picks_members` accepts."""
    covered = {f.issue for f in findings}
    picked = []
    for issue in sorted(set(issue_at.values()) - covered):
        terms = book.terms_conditions.get(issue)
        if terms is None:
            continue
        for verb in doc:
            if _lemma(verb) not in book.selection_verbs or not verb.tag_.startswith("VB"):
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                holders = walker.np_holders(subject)
                if holders.actors:
                    picked.append(Finding(list(holders.actors), issue, "conditional", terms,
                                          ("subject_of_cue", *holders.rules, "terms_by_selection"),
                                          book.confidence("terms_by_selection") * holders.confidence, _lemma(verb),
                                          (f"{subject.i}:{subject.text}/{subject.tag_}/{subject.dep_}",
                                           f"{verb.i}:{verb.text}/{verb.tag_}/{verb.dep_}")))
    return picked


def _conditions_named_for(findings: list[Finding], doc: Any, issue_at: Mapping[int, str], book: RuleBook) -> list[Finding]:
    """What a holder backs in a sentence that calls things conditions for an issue ("Israel considers the
    disarmament of Hamas one of several key conditions for any deal to end the conflict", "five principles
    for ending the war: the disarming of Hamas, ..."): the issue after the condition noun waits for each of
    the others the holder backs there, whatever the parse made of the phrase."""
    if not book.enabled("condition_clause"):
        return findings
    waiting = set()
    listed_for = set()  # issues whose conditions a colon lists: only who backs the issue itself holds them
    for token in doc:
        if _lemma(token) not in book.condition_nouns or any(c.dep_ == "case" and c.lower_ == "in" for c in token.children):
            continue  # ("agreed in principle to")
        listed = _conditions_listed_after(token, doc, issue_at)
        if listed is not None:
            waiting.add(listed)
            listed_for.add(listed)
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (following is None or following.lower_ not in ("for", "to") or _lemma(token.head) in book.making_verbs
                or any(c.dep_ == "case" and c.lower_ == "on" for c in token.children)):
            continue  # "create the conditions for the next stage", "contingent on the necessary conditions for ..."
        # (the issue before any colon: "four principles for concluding/ADJ the fighting: disarming Hamas; ..." waits for the list)
        stop = next((t.i for t in doc[token.i + 2:token.i + 9] if t.text == ":"), token.i + 9)
        after = next((t for t in doc[token.i + 2:stop] if t.i in issue_at), None)
        # an issue named again in the list after a colon is among the conditions ("conditions for any agreement: a
        # withdrawal and an end to hostilities"), not what waits for them
        if after is None:
            continue
        colon = next((t.i for t in doc[after.i + 1:] if t.lower_ in (":", "—", "–")), None)
        if colon is None or not any(issue_at.get(t.i) == issue_at[after.i] for t in doc[colon + 1:]):
            waiting.add(issue_at[after.i])
    if not waiting:
        return findings
    backed = [(f, tuple(f.holders)) for f in findings if f.polarity == "support" and f.issue not in waiting]
    added = []
    for issue in sorted(waiting):
        backers = {h for f in findings if f.issue == issue and f.polarity == "support" for h in f.holders}
        for finding, holders in backed:
            if issue in listed_for and not set(holders) <= backers:
                continue
            if not any(a.issue == issue and tuple(a.holders) == holders and a.condition == finding.issue for a in added):
                added.append(Finding(list(holders), issue, "conditional", finding.issue, finding.rules + ("condition_clause",),
                                     finding.confidence, finding.cue, finding.path))
    # the issue's plain support in the sentence gives way to the conditional one (see _stances)
    return findings + added


def _conditions_listed_after(noun: Any, doc: Any, issue_at: Mapping[int, str]) -> str | None:
    """The issue named just before a condition noun whose conditions a colon then lists ("could halt the war
    according to two conditions: the hostages home and Hamas disarmed", "only if four conditions are met: ..."),
    or None."""
    colon = next((t.i for t in doc[noun.i + 1:noun.i + 6] if t.text == ":"), None)
    if colon is None or any(i in issue_at for i in range(noun.i + 1, colon)):
        return None
    before = next((t for t in reversed(doc[max(0, noun.i - 8):noun.i]) if t.i in issue_at), None)
    if before is None or not any(issue_at.get(t.i, issue_at[before.i]) != issue_at[before.i] for t in doc[colon + 1:]):
        return None
    return issue_at[before.i]


# Prepositions of a subject's modifier that name a counterpart or an occasion, not the subject ("Ministers of
# Gulf states, during talks with Trump, said": not Trump; "officials in Washington said" stays)
_COUNTERPART_CASES = frozenset({"with", "between", "against", "during", "after", "following", "before", "since"})


def _aside_tokens(subject: Any) -> set[int]:
    """The tokens of a subject's relative, participle and adverbial asides, which name others than the subject
    ("Hamas, which the EU lists as a terrorist group, said", "Macron, following/advcl his talk with Abbas, said"),
    and of the counterparts and occasions its modifiers name ("during talks with Trump")."""
    aside = {t.i for c in subject.children if c.dep_ in ("acl", "acl:relcl", "advcl") for t in c.subtree}
    for token in subject.subtree:
        if token.dep_ in ("nmod", "obl") and token.i not in aside and any(
                c.dep_ == "case" and c.lower_ in _COUNTERPART_CASES for c in token.children):
            aside.update(t.i for t in token.subtree)
    return aside


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def resolve_context(mentions: list[Mention]) -> list[Mention]:
    """Contextual issue phrases ("the resolution") count where the article names the issue plainly too."""
    context = [m for m in mentions if m.kind == CONTEXT]
    if not context:
        return mentions
    named = {m.value for m in mentions if m.kind == ISSUE}
    for m in context:
        if m.value in named:
            m.kind = ISSUE
    return [m for m in mentions if m.kind != CONTEXT]


# "a full withdrawal from the buffer zone": what the issue is done "from" is the place it is done in
_FROM_AFTER_ISSUE = re.compile(r"\s+from\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?$")


def drop_opposites_left(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without an opposite of an issue named as what the issue itself is done from ("a withdrawal from
    the buffer zone"): the buffer zone there is where the troops withdraw from, not the issue's opposite."""
    issues = [m for m in mentions if m.kind == ISSUE]
    dropped = {id(m) for m in mentions if m.kind == INVERSE and any(
        i.value == m.value and i.end <= m.start and _FROM_AFTER_ISSUE.fullmatch(text, i.end, m.start) for i in issues)}
    return [m for m in mentions if id(m) not in dropped] if dropped else mentions


# "its plan for the reconstruction of Gaza", "a proposal to rebuild": a plan named by what it is for
_PLAN_OF = re.compile(r"\b(\w+) (?:for|to|on) (?:the |a |an )?(?:\w+ )?$", re.IGNORECASE)
_PLAN_HEAD_AFTER = re.compile(r"[ -](\w+)\b")


def resolve_plan_references(text: str, mentions: list[Mention], heads: set[str]) -> list[Mention]:
    """"The plan", "the framework": the issue of the plan the article has named most so far, the
    latest on a tie ("the Arab reconstruction plan ... the plan"), else the lexicon's issue."""
    if not any(m.kind == PLANREF for m in mentions):
        return mentions
    named: dict[str, tuple[int, int]] = {}  # issue -> (times named as a plan, last position)
    issue_ends = {m.end for m in mentions if m.kind == ISSUE}
    for m in mentions:
        if m.kind == ISSUE:
            words = text[m.start:m.end].lower().split()
            before = _PLAN_OF.search(text, max(0, m.start - 40), m.start)
            # ("Trump's plan to end the war" stays Trump's plan: the plan's own name says what it is)
            after = _PLAN_HEAD_AFTER.match(text, m.end)
            if words and words[-1].rstrip("s") in heads or before and before.group(1).lower().rstrip("s") in heads and (
                    before.end(1) not in issue_ends) or after and after.group(1).lower().rstrip("s") in heads:
                # "the reconstruction plan", "a plan for reconstruction", "Trump's plan to rebuild", the issue
                # word before or in the plan's name
                count = named.get(m.value, (0, 0))[0]
                named[m.value] = (count + 1, m.start)
        elif m.kind == PLANREF:
            if named:
                m.value = max(named, key=lambda issue: named[issue])
            m.kind = ISSUE
    return mentions


def article_mentions(scanner: Scanner, text: str, published: date | None = None,
                     sentences: Sequence[Sentence] | None = None) -> list[Mention]:
    """Every mention of an article, left to right: the phrase scan, the issue patterns, names read as
    what they meant when the article was published, contextual issue names where the article names
    the issue plainly, no opposite of an issue that the issue is done from, references to a plan named before,
    and no title of another body."""
    mentions = scanner.override_issues(text, scanner.pattern_issues(text, scanner.scan(text)))
    mentions = drop_opposites_left(text, resolve_context(scanner.period_issues(text, mentions, published)))
    mentions = resolve_plan_references(text, mentions, scanner.plan_heads)
    # ("his plan" in February 2025 was not the 20 points: the references resolved, read by their date too)
    mentions = scanner.period_issues(text, mentions, published)
    mentions = resolve_issue_pronouns(text, mentions, scanner.plan_heads, scanner.issue_pronouns)
    mentions = resolve_issue_lists(text, mentions, scanner.issue_list_references, sentences)
    # "Israel demanded that Hamas disarm. Hamas rejected those demands.": one issue is enough
    mentions = resolve_issue_lists(text, mentions, scanner.issue_demand_references, sentences, fewest=1)
    return [m for m in mentions if not _title_of_other_body(text, m)]


def resolve_issue_lists(text: str, mentions: list[Mention], patterns: list["re.Pattern[str]"],
                        sentences: Sequence[Sentence] | None = None, fewest: int = 2) -> list[Mention]:
    """A phrase the lexicon's `issue_list_references` match ("These elements are key, the statement
    added") names every issue the sentence before it names ("The plan covers aid, withdrawal and
    reconstruction."); after a sentence that names fewer than `fewest`, it names nothing. A pattern's
    group named `ref`, where it has one, is the phrase; the rest of its match is context ("rejected
    those demands": the demands). `sentences`: the text's, when the caller has split it already."""
    matches = [match for pattern in patterns for match in pattern.finditer(text)]
    if not matches:
        return mentions
    sentences = sentences if sentences is not None else split_sentences(text)
    starts = [s.start for s in sentences]
    added = []
    for match in matches:
        start, end = match.span("ref") if "ref" in match.re.groupindex else match.span()
        n = bisect.bisect_right(starts, start) - 1  # the sentence the phrase is in
        if n < 1 or any(m.kind == ISSUE and m.start < end and start < m.end for m in mentions):
            continue  # "rejected the ceasefire proposal" names its own issue
        if fewest < 2 and any(m.kind == ISSUE and starts[n] <= m.start < start for m in mentions):
            continue  # "Hamas rejects the plan, the PA has welcomed it": the nearer name is the one meant
        before = sentences[n - 1]
        named = _unique(m.value for m in mentions if m.kind == ISSUE and before.start <= m.start and m.end <= before.end)
        if len(named) >= fewest:
            added.extend(Mention(start, end, ISSUE, issue) for issue in named)
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start, -m.end))


def resolve_issue_pronouns(text: str, mentions: list[Mention], heads: set[str],
                           patterns: list["re.Pattern[str]"], window: int = 400) -> list[Mention]:
    """A pronoun the lexicon's `issue_pronouns` match ("It is backed by Egypt") names the issue of the
    plan the text named last before it, when that plan is near ("... a vote on the 20-point plan. It
    is backed by ..."); with no plan near, it names nothing."""
    added = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            before = [m for m in mentions if m.kind == ISSUE and m.end <= match.start() and match.start() - m.end < window]
            plan = next((m for m in reversed(before)
                         if text[m.start:m.end].lower().split()[-1].rstrip("s") in heads), None)
            if plan is not None:
                added.append(Mention(match.start(), match.end(), ISSUE, plan.value))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start, -m.end))
