"""News-text primitives: sentence splitting and one-pass phrase scanning with a compiled trie regex."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

# Abbreviations whose period does not end a sentence (compared lowercased, without the period).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr sen rep gov pres amb st jr sr rev fr
    no nos vol inc corp ltd co bros vs etc al approx est dept univ ave blvd mt ft jan feb mar apr jun
    jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e cf viz""".split()
)
# After a dotted acronym ("U.S."), these words start a new sentence; anything else continues it.
_SENTENCE_STARTERS = frozenset(
    """The A An It He She They We I This That These Those But However In On At As Its His Her Their
    Our Meanwhile Still Yet And So Then There Now Earlier Later""".split()
)
_BULLET = re.compile(r"[ \t]*(?:[•\-\*–—·▪●◦‣►✓]|\d{1,2}[.)])[ \t]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_LAST_TOKEN = re.compile(r"([\w.'’-]+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_TERMINAL = re.compile(r"[.!?…\"”’)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a headline, bullet or other line without a full stop) as offsets into the text."""

    start: int
    end: int
    headline: bool = False


# a full stop after a whole word, then the next sentence ("... in Cairo on Saturday. The ministers agreed on
# the following:"): a line of sentences, whatever its last one ends with (not "U.S. Envoy", an abbreviation)
_INNER_SENTENCE_END = re.compile(r"(?<![.\w])[A-Za-z][a-z]{3,}[.!?][\"”’']?\s+[A-Z]")


def _is_headline(line: str) -> bool:
    """Title-case line without terminal punctuation: a headline or section title, not a statement."""
    if _TERMINAL.search(line) or _INNER_SENTENCE_END.search(line):
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 25:
        return False
    content = [w for w in words if len(w) >= 4]
    if not content:
        return True
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.6


def _is_abbreviation(token: str, following: str) -> bool:
    bare = token.lstrip("\"“‘'([").rstrip(".")
    low = bare.lower()
    if len(bare) == 1 and bare.isalpha():
        return True  # an initial: "William J. Burns"
    if low in _ABBREVIATIONS:
        return True
    if _DOTTED.match(bare):
        # "U.S. officials" continues; "... the U.S. The next day" ends.
        nxt = following.lstrip(" \t\"“‘'([").split(" ", 1)[0]
        return nxt not in _SENTENCE_STARTERS
    return False


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of one line text[start:end], trimmed of surrounding whitespace."""
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] == ".":
            token = _LAST_TOKEN.search(text, max(cursor, match.start() - 40), match.start() + 1)
            if token and _is_abbreviation(token.group(1), text[stop:stop + 40]):
                continue
        yield cursor, stop
        cursor = stop
    yield cursor, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a news text: lines are units (headlines, bullets), split further at sentence ends.

    Abbreviations ("U.S.", "Mr.", initials as in "William J. Burns") do not end a sentence; a
    closing quotation mark stays with the sentence it closes; bullet markers are left out.
    """
    sentences: list[Sentence] = []
    position = 0
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        line_start = position
        position = line_end + 1
        bullet = _BULLET.match(text, line_start, line_end)
        if bullet:
            line_start = bullet.end()
        line = text[line_start:line_end]
        if not line.strip():
            continue
        headline = not bullet and _is_headline(line)
        for s, e in _split_line(text, line_start, line_end):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                sentences.append(Sentence(s, e, headline))
    return sentences


# --- phrase scanning -------------------------------------------------------------------------

_SEPARATOR_UNIT = "\x00sep"
_APOSTROPHE_UNIT = "\x00apos"
_UNIT_REGEX = {_SEPARATOR_UNIT: r"(?:\s*[-‐‑]\s*|\s+)", _APOSTROPHE_UNIT: "['’]"}
_NORMALISE = re.compile(r"\s*[-‐‑]\s*|\s+")


def normalise_phrase(text: str) -> str:
    """The lookup key of a phrase or matched span: spaces and hyphens are one separator, ’ is '."""
    return _NORMALISE.sub(" ", text.strip()).replace("’", "'")


def _units(phrase: str) -> list[str]:
    units: list[str] = []
    for char in phrase:
        if char.isspace() or char in "-‐‑":
            if not units or units[-1] != _SEPARATOR_UNIT:
                units.append(_SEPARATOR_UNIT)
        elif char in "'’":
            units.append(_APOSTROPHE_UNIT)
        else:
            units.append(char)
    return units


def _is_wordy(unit: str) -> bool:
    return len(unit) == 1 and (unit.isalnum() or unit == "_")


class _Node:
    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.terminal: str | None = None  # the end guard when a phrase ends here


def _emit(node: _Node) -> str:
    alternatives = []
    for unit in sorted(node.children, key=lambda u: (u.startswith("\x00"), u)):
        piece = _UNIT_REGEX.get(unit) or re.escape(unit)
        alternatives.append(piece + _emit(node.children[unit]))
    if node.terminal is not None:
        alternatives.append(node.terminal)  # last: longer phrases are tried first
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _trie(phrases: Iterable[str]) -> _Node:
    """The phrases as a character trie whose first level is keyed by wordiness + first unit."""
    root = _Node()
    for phrase in phrases:
        units = _units(phrase.strip())
        if not units:
            continue
        node = root
        lead = units[0]
        key = ("\x00w" if _is_wordy(lead) else "\x00p") + lead
        node = node.children.setdefault(key, _Node())
        for unit in units[1:]:
            node = node.children.setdefault(unit, _Node())
        node.terminal = r"(?!\w)" if _is_wordy(units[-1]) else ""
    return root


def _branches(root: _Node, guard: bool = True) -> list[tuple[bool, str]]:
    """One regex per first unit of the trie, with whether it starts with a word character."""
    branches = []
    for key in sorted(root.children):
        lead = key[2:]
        piece = _UNIT_REGEX.get(lead) or re.escape(lead)
        wordy = key.startswith("\x00w")
        # The word-start guard comes after the first character ("no word character before it"),
        # so every branch starts with a literal and the regex engine can skip positions by
        # first character instead of trying the whole alternation everywhere.
        branches.append((wordy, piece + (r"(?<!\w.)" if wordy and guard else "") + _emit(root.children[key])))
    return branches


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of the phrases, longest first at each position, on word boundaries.

    The phrases are factored into a character trie: one alternation per branching point instead
    of one per phrase, which keeps the scan fast with thousands of phrases.
    """
    branches = [regex for _, regex in _branches(_trie(phrases))]
    if not branches:
        return re.compile(r"(?!x)x")
    return re.compile("(?:" + "|".join(branches) + ")", re.DOTALL)


_NEVER = r"(?!x)x"


class PhraseScanner:
    """The matches of compile_phrases(phrases).finditer(text), found with fewer regex attempts.

    A phrase that starts with a word character needs a non-word character (or the start of the
    text) before it. Instead of trying the phrases at every letter and rejecting most positions
    with a look-behind, the search regex consumes that non-word character first: the engine then
    only stops at spaces and punctuation, which are far fewer. The one position it cannot see
    that way, right after a match that itself ends in a non-word character (and the start of
    the text), is tried directly.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        branches = _branches(_trie(phrases), guard=False)
        words = [regex for wordy, regex in branches if wordy]
        others = [regex for wordy, regex in branches if not wordy]
        word = "(?:" + "|".join(words) + ")" if words else _NEVER
        other = "(?:" + "|".join(others) + ")" if others else _NEVER
        # group 1: a phrase starting with a non-word character; group 2: one starting with a word character
        self._search = re.compile(r"(%s)|\W(%s)" % (other, word), re.DOTALL).search
        self._word_at = re.compile(word, re.DOTALL).match

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, matched text) of every match, left to right, as compile_phrases finds them."""
        found: list[tuple[int, int, str]] = []
        append = found.append
        search, word_at = self._search, self._word_at
        length = len(text)
        position = 0
        # whether a word phrase may start right at `position` (no word character before it)
        at_word = length > 0 and (text[0].isalnum() or text[0] == "_")
        while True:
            match = word_at(text, position) if at_word else None
            if match is not None:
                start, end = match.span()
                append((start, end, match.group()))
            else:
                match = search(text, position)
                if match is None:
                    return found
                group = match.lastindex
                start, end = match.span(group)
                append((start, end, match.group(group)))
            position = end
            last = text[end - 1]
            at_word = end < length and not (last.isalnum() or last == "_") and (text[end].isalnum() or text[end] == "_")


def phrase_variants(phrase: str) -> list[str]:
    """The phrase as written, and with its first letter capitalised (sentence-initial use)."""
    phrase = phrase.strip()
    if not phrase:
        return []
    variants = [phrase]
    if phrase[0].islower():
        variants.append(phrase[0].upper() + phrase[1:])
    return variants
