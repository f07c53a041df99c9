"""News-text primitives: sentence splitting, the text extraction reads (Markdown's marks, character
references, invisible characters and words in capitals read as plain words, with where each read
character is written) and one-pass phrase scanning over a character trie."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

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
# a sentence end: its marks, a closing quotation mark or bracket, footnote marks ("... on Friday.[2] Trump"),
# then a space and the next sentence; or, where a page lost the space, a word's full stop glued to the
# next sentence's first word ("backed the truce.The ministers"; not "Meridian.Az", "Mr.Smith", "U.S.The")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?:\[\d{1,3}\])*(?=\s+[\"“‘'(\[]?[A-Z0-9])"
                       r"|(?<=[a-z]{2})[.!?][\"”’]?(?=[A-Z][a-z]{2,}|(?:A|An|As|At|By|He|If|In|It|No|On|So|We)\b)")
# a line that links to another story or a player ("Also read | ...", "READ MORE: ...", "Listen to this
# article"): the page's furniture, not the article's sentences
_LINK_LINE = re.compile(r"[ \t]*(?:(?:also read|read also|read more|see also|related(?: topics| stories| articles)?"
                        r"|recommended(?: stories| reading)?|watch|listen)[ \t]*(?:[:|]|\.\.\.|…|$)"
                        r"|listen to this article[ \t]*$)", re.IGNORECASE)
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
    """Sentences of a news text: lines are units (headlines, bullets), split further at sentence ends;
    lines that link to other stories ("Also read | ...") are left out.

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
        if _LINK_LINE.match(text, line_start, line_end):
            continue
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


# --- Markdown ------------------------------------------------------------------------------

# Markdown's marks, found so that each can be taken out: a link reference definition or a
# thematic break (the whole line), an image or an autolink (the whole of it), a link (its brackets
# and target, not its text), an HTML tag, a heading's or a block quote's marks at the start of a
# line, an emphasis or code delimiter next to a word, a backslash escaping a punctuation mark.
_MARKDOWN_WHOLE_LINE = re.compile(r"^[ \t]{0,3}(?:\[[^\]\n]+\]:[ \t]*\S[^\n]*|(?:[-*_][ \t]*){3,})$", re.MULTILINE)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|<(?:https?|mailto):[^>\s]*>")
_MARKDOWN_LINK = re.compile(r"(\[)[^\]\n]*(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_MARKDOWN_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_MARKDOWN_LINE_MARKS = re.compile(r"^[ \t]{0,3}(?:#{1,6}(?:[ \t]+|$)|(?:>[ \t]?)+)", re.MULTILINE)
# an opening delimiter starts a word (not inside one: "snake_case", "5*3"), a closing one ends it
_MARKDOWN_DELIMITER = re.compile(r"(?<![\w*`])(?:[*_]{1,3}|`+)(?=[^\s*_`])|(?<=[^\s*_`])(?:[*_]{1,3}|`+)(?![\w*`])")
_MARKDOWN_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>])")


def markdown_plain(text: str) -> tuple[str, list[int]]:
    """The words of a Markdown article without its marks, and where each of their characters is in
    the article: "**Hamas** rejected [the plan](https://...)" reads "Hamas rejected the plan". A mark
    that may stand between two words (an image, an autolink, an HTML tag) leaves one space; a line
    of marks only (a link reference definition, a thematic break) leaves an empty line."""
    drop = [False] * len(text)
    space = [False] * len(text)  # the first character of a mark that leaves one space

    def remove(start: int, end: int, *, spaced: bool = False) -> None:
        for k in range(start, end):
            drop[k] = text[k] != "\n"
        if spaced and start < end:
            drop[start], space[start] = False, True

    for match in _MARKDOWN_WHOLE_LINE.finditer(text):
        remove(match.start(), match.end())
    for pattern in (_MARKDOWN_IMAGE, _MARKDOWN_TAG):
        for match in pattern.finditer(text):
            remove(match.start(), match.end(), spaced=True)
    for pattern in (_MARKDOWN_LINE_MARKS, _MARKDOWN_ESCAPE):
        for match in pattern.finditer(text):
            remove(match.start(), match.end())
    for match in _MARKDOWN_LINK.finditer(text):
        remove(match.start(1), match.end(1))
        remove(match.start(2), match.end(2))
    # delimiters are found on what is left (a removed link target's "_" is none), an escaped mark
    # standing in as a letter (a literal "\\*" is none)
    left = [" " if drop[k] else char for k, char in enumerate(text)]
    for match in _MARKDOWN_ESCAPE.finditer(text):
        left[match.end()] = "x"
    for match in _MARKDOWN_DELIMITER.finditer("".join(left)):
        remove(match.start(), match.end())
    kept = [k for k in range(len(text)) if not drop[k]]
    return "".join(" " if space[k] else text[k] for k in kept), kept


# Characters that show nothing in a word: a soft hyphen, zero-width spaces and joiners, the marks
# of writing direction, a byte-order mark inside the text (web pages leave them in copied text).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
# An HTML character reference, as text copied from a web page's source keeps them ("Hamas&#8217;").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def reading_text(text: str, markdown: bool = False) -> tuple[str, list[int] | None]:
    """The text extraction reads, and where each of its characters is in `text` (None when it is the
    text itself): HTML character references read as the characters they stand for ("&amp;" as "&",
    each character at the reference's "&"), without the characters that show nothing
    ("demil\u00adita\u00adrization" reads "demilitarization") and, for a Markdown article, without its
    marks."""
    read, written_at = markdown_plain(text) if markdown else (text, None)
    if "&" in read and _ENTITY.search(read):
        where = written_at if written_at is not None else range(len(read))
        pieces: list[str] = []
        places: list[int] = []
        done = 0
        for match in _ENTITY.finditer(read):
            meant = html.unescape(match.group())
            if meant == match.group():
                continue  # no such reference: read as written
            pieces.append(read[done:match.start()])
            places.extend(where[done:match.start()])
            pieces.append(meant)
            places.extend([where[match.start()]] * len(meant))
            done = match.end()
        pieces.append(read[done:])
        places.extend(where[done:])
        read, written_at = "".join(pieces), places
    if not _INVISIBLE.search(read):
        return read, written_at
    kept = [k for k, char in enumerate(read) if not _INVISIBLE.match(char)]
    return "".join(read[k] for k in kept), kept if written_at is None else [written_at[k] for k in kept]


# A run of words in capitals ("RELEASE THE HOSTAGES NOW, OR THERE WILL BE HELL TO PAY!"): three
# words of two letters or more at least, on one line, with nothing but spaces, digits and
# punctuation between them (a colon, a dash, a bracket or a double quotation mark ends it).
_SHOUTED = re.compile(r"\b[A-Z]{2,}(?:['’][A-Z]+)?\b(?:[^A-Za-z\n:()\[\]\"“”—–]+\b[A-Z]+(?:['’][A-Z]+)?\b){2,}")
_SHOUTED_WORD = re.compile(r"\b[A-Z]+(?:['’][A-Z]+)?\b")
_DATELINE_END = re.compile(r"[ \t]*(?:,[^\n—–:]{0,40})?[ \t]*(?:[—–:]|-(?=\s))")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s*[\"“‘'(]?|^[\"“‘'(])\s*$", re.MULTILINE)


def unshouted(text: str, names: Mapping[str, str]) -> str:
    """The text with each run of words in capitals written in sentence case, as the parser and the
    names know words: a word `names` knows in capitals takes the form it maps to ("HAMAS" "Hamas",
    "US" "US"), the first word of a sentence its capital, every other word lower case. Every
    character keeps its place (the text's length and offsets are unchanged)."""
    if not _SHOUTED.search(text):
        return text
    chars = list(text)
    for run in _SHOUTED.finditer(text):
        if sum(1 for word in _SHOUTED_WORD.finditer(run.group()) if len(word.group()) > 1) < 3:
            continue
        # a dateline ("GAZA STRIP/ JERUSALEM -", "DEIR AL-BALAH, Gaza Strip —") or a credit in
        # brackets ("(THE TIMES OF ISRAEL)") is written in capitals by convention: left as it is
        line_start = text.rfind("\n", 0, run.start()) + 1
        if not text[line_start:run.start()].strip(" \t(") and _DATELINE_END.match(text, run.end()) \
                or text[run.start() - 1:run.start()] == "(" and text[run.end():run.end() + 1] == ")":
            continue
        for word in _SHOUTED_WORD.finditer(text, run.start(), run.end()):
            written = word.group()
            stem, mark, ending = (re.split(r"(['’])", written, maxsplit=1) + ["", ""])[:3]
            form = names.get(stem)
            if form is None or len(form) != len(stem):
                form = stem.lower()
                if stem == "I" or _SENTENCE_START.search(text, max(0, word.start() - 4), word.start()):
                    form = stem[:1] + form[1:]
            chars[word.start():word.end()] = form + mark + ending.lower()
    return "".join(chars)


# --- phrase scanning -------------------------------------------------------------------------

_SEPARATOR_UNIT = "\x00sep"
_APOSTROPHE_UNIT = "\x00apos"
_UNIT_REGEX = {_SEPARATOR_UNIT: r"(?:\s*[-‐‑]\s*|\s+)", _APOSTROPHE_UNIT: "['’]"}
_NORMALISE = re.compile(r"\s*[-‐‑]\s*|\s+")


def replace_characters(text: str, replacements: Mapping[str, str]) -> str:
    """What `text.translate` does with a table of single characters none of whose replacements holds
    another of them, one `str.replace` each: translate looks every character of the text up in the
    table, which costs milliseconds on an article that is not plain ASCII."""
    for character, replacement in replacements.items():
        text = text.replace(character, replacement)
    return text


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


_NEVER = r"(?!x)x"  # a regex that matches nothing


def _branches(root: _Node) -> list[str]:
    """One regex per first unit of the trie."""
    branches = []
    for key in sorted(root.children):
        lead = key[2:]
        piece = _UNIT_REGEX.get(lead) or re.escape(lead)
        wordy = key.startswith("\x00w")
        # The word-start guard comes after the first character ("no word character before it"),
        # so every branch starts with a literal and the regex engine can skip positions by
        # first character instead of trying the whole alternation everywhere.
        branches.append(piece + (r"(?<!\w.)" if wordy else "") + _emit(root.children[key]))
    return branches


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of the phrases, longest first at each position, on word boundaries:
    the definition of what `PhraseScanner` finds (which finds the same without compiling it).

    The phrases are factored into a character trie: one alternation per branching point instead
    of one per phrase.
    """
    branches = _branches(_trie(phrases))
    if not branches:
        return re.compile(_NEVER)
    return re.compile("(?:" + "|".join(branches) + ")", re.DOTALL)


_HYPHENS = "-‐‑"
_APOSTROPHES = "'’"
_PHRASE_END = ""  # the trie key under which a node marks a phrase's end (no unit is empty)


def _is_word_char(char: str) -> bool:
    """What the regex class \\w matches."""
    return char.isalnum() or char == "_"


def _separator_end(text: str, position: int, length: int) -> int:
    """Where the separator starting at `position` (a space or a hyphen) ends, as the regex
    (?:\\s*[-‐‑]\\s*|\\s+) matches it: spaces, a hyphen and spaces, or only spaces."""
    end = position
    while end < length and text[end].isspace():
        end += 1
    if end < length and text[end] in _HYPHENS:
        end += 1
        while end < length and text[end].isspace():
            end += 1
    return end


def _compressed(node: dict) -> dict:
    """The trie with each run of literal characters that no phrase ends inside or branches from as
    one edge, keyed by its first character: (the run, the node after it); a walk then compares the
    run at once instead of one character at a time. Separators, apostrophes and phrase ends keep
    their own keys."""
    compressed: dict = {}
    for unit, child in node.items():
        if unit in (_PHRASE_END, _SEPARATOR_UNIT, _APOSTROPHE_UNIT):
            compressed[unit] = child if unit == _PHRASE_END else _compressed(child)
            continue
        run = unit
        while _PHRASE_END not in child and len(child) == 1:
            (following, after), = child.items()
            if following in (_SEPARATOR_UNIT, _APOSTROPHE_UNIT):
                break
            run, child = run + following, after
        compressed[unit] = (run, _compressed(child))
    return compressed


class PhraseScanner:
    """The matches of compile_phrases(phrases).finditer(text), found by walking a character trie.

    The one regex compile_phrases writes for a dictionary of thousands of phrases takes seconds to
    compile (Python parses a regex in Python), at every start of every process that extracts. The
    trie is built in a fraction of that and walked only where a phrase can start: at a character
    that starts one of the phrases that begin with punctuation, or after a non-word character
    before a character that starts a phrase beginning with a word character (found by a small
    regex of two character classes). A walk follows the text down the trie (a space or hyphen run
    is one separator, either apostrophe is one) and keeps the longest phrase whose end is not
    followed by a word character when the phrase ends in one: the longest-first, word-bounded match
    of the regex, whose units never compete for the same character.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        # phrases starting with a word character, and those starting with anything else
        word_root: dict = {}
        other_root: dict = {}
        for phrase in phrases:
            units = _units(phrase.strip())
            if not units:
                continue
            node = word_root if _is_wordy(units[0]) else other_root
            for unit in units:
                node = node.setdefault(unit, {})
            node[_PHRASE_END] = _is_wordy(units[-1])  # whether no word character may follow
        other_starts = "".join(re.escape(unit) for unit in sorted(other_root) if len(unit) == 1)
        if _SEPARATOR_UNIT in other_root:
            other_starts += r"\s" + re.escape(_HYPHENS)
        if _APOSTROPHE_UNIT in other_root:
            other_starts += re.escape(_APOSTROPHES)
        word_starts = "".join(re.escape(unit) for unit in sorted(word_root))
        candidates = ([f"[{other_starts}]"] if other_starts else []) + ([rf"\W(?=[{word_starts}])"] if word_starts else [])
        self._candidates = re.compile("|".join(candidates) or _NEVER).finditer
        self._word_root, self._other_root = _compressed(word_root), _compressed(other_root)

    @staticmethod
    def _walk(node: dict, text: str, position: int, length: int) -> int:
        """The end of the longest phrase under `node` that starts at `position`, or -1."""
        longest = -1
        while True:
            guarded = node.get(_PHRASE_END)
            if guarded is not None and not (guarded and position < length and _is_word_char(text[position])):
                longest = position
            if position >= length:
                return longest
            char = text[position]
            edge = node.get(char)
            if edge is not None:
                label, child = edge
                if not text.startswith(label, position):
                    return longest
                position += len(label)
            elif char in _APOSTROPHES:
                child = node.get(_APOSTROPHE_UNIT)
                position += 1
            elif char.isspace() or char in _HYPHENS:
                child = node.get(_SEPARATOR_UNIT)
                position = _separator_end(text, position, length)
            else:
                return longest
            if child is None:
                return longest
            node = child

    def _search(self, text: str, position: int, length: int) -> tuple[int, int] | None:
        """The first phrase at or after `position`: a punctuation-led one starting at a candidate
        character wins over a word-led one starting right after it, as in the regex."""
        other_root, walk = self._other_root, self._walk
        for candidate in self._candidates(text, position):
            at = candidate.start()
            if other_root:
                end = walk(other_root, text, at, length)
                if end >= 0:
                    return at, end
            if not _is_word_char(text[at]):
                end = walk(self._word_root, text, at + 1, length)
                if end >= 0:
                    return at + 1, end
        return None

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, matched text) of every match, left to right, as compile_phrases finds them."""
        found: list[tuple[int, int, str]] = []
        length = len(text)
        position = 0
        # whether a word phrase may start right at `position` (no word character before it)
        at_word = length > 0 and _is_word_char(text[0])
        while True:
            end = self._walk(self._word_root, text, position, length) if at_word else -1
            if end >= 0:
                start = position
            else:
                span = self._search(text, position, length)
                if span is None:
                    return found
                start, end = span
            found.append((start, end, text[start:end]))
            position = end
            at_word = end < length and not _is_word_char(text[end - 1]) and _is_word_char(text[end])


_TITLE_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())


def title_case(phrase: str) -> str:
    """The phrase as a name in a title ("peace agreement" -> "Peace Agreement", "end to the war" -> "End to
    the War"): every word capitalised but the small ones after the first."""
    words = phrase.split(" ")
    return " ".join(w if not w or (n and w in _TITLE_SMALL_WORDS) else w[0].upper() + w[1:] for n, w in enumerate(words))


def phrase_variants(phrase: str) -> list[str]:
    """The phrase as written, and with its first letter capitalised (sentence-initial use)."""
    phrase = phrase.strip()
    if not phrase:
        return []
    variants = [phrase]
    if phrase[0].islower():
        variants.append(phrase[0].upper() + phrase[1:])
    return variants
