"""The parsing pipeline: a compact spaCy tagger and dependency parser trained on the English Web
Treebank (training/train_pipeline.sh), shipped inside the package; nothing is downloaded.
Sentences are split by kg.text and parsed one by one; lemmas come from kg.extract.lemmatize."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple

from ..errors import DictionaryError

if TYPE_CHECKING:  # spaCy is imported lazily: loading it costs a second the CLI should not pay up front
    from spacy.language import Language
    from spacy.tokens import Doc
    from threadpoolctl import ThreadpoolController

#: The shipped pipeline (package data).
PIPELINE_DIR = Path(__file__).resolve().parent.parent / "models" / "en_stancegraph_parse"


@lru_cache(maxsize=2)
def load_pipeline(path: str | None = None) -> "Language":
    """The parsing pipeline at `path` (default: the one shipped with the package), loaded once.

    Its layers multiply matrices with numpy's BLAS rather than thinc's default BLIS build: the same
    parses (checked on the real-news corpus) in about 40% less CPU time."""
    directory = Path(path) if path else PIPELINE_DIR
    if not (directory / "config.cfg").is_file():
        raise DictionaryError(
            f"{directory}: parsing pipeline not found",
            hint="reinstall stancegraph, or train it with training/train_pipeline.sh",
        )
    import spacy
    from thinc.api import use_ops

    # a lemmatizer trained with the pipeline (as an auxiliary task) is not run: the rules lemmatize
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(directory, exclude=["trainable_lemmatizer", "lemmatizer"])
    # a quotation mark some pages glue to the word before it ('demanded"the immediate cessation') still
    # starts a quotation: split it off, as a space before it would
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, _GLUED_QUOTE]).finditer
    return nlp


_GLUED_QUOTE = r'(?<=[A-Za-z])["\u201c\u201d](?=[A-Za-z])'


@lru_cache(maxsize=1)
def _blas_threads() -> "ThreadpoolController":
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def parse_sentences(texts: Iterable[str], pipeline: "Language | None" = None,
                    stand_ins: Mapping[str, str] | None = None) -> list["Doc"]:
    """Parse each text as one sentence: tokens, Penn tags and dependencies (a run of spaces inside a
    text is left out of its tokens: `parse_words` gives each token's offset in the text).

    A word of `stand_ins` (lower case -> lower case) is parsed as the word it maps to, which the
    parser knows: the sentence keeps its own tokens and takes that parse's tags and tree. A key of
    two words ("border crossing", "<name> crossing") stands in for its second word after the first."""
    return [doc for doc, _ in parse_words(texts, pipeline, stand_ins)]


def parse_words(texts: Iterable[str], pipeline: "Language | None" = None,
                stand_ins: Mapping[str, str] | None = None) -> "list[tuple[Doc, list[int] | None]]":
    """Parse each text as one sentence, without the tokens of whitespace a run of spaces inside it
    makes (as pasted text leaves): the parser learnt from text without them and
    mistags the words around one ("The  US  backs/NNS ..."). Each parse comes with the character
    offset in its text of each of its words, or None when the text had no such run (the doc's own
    offsets are the text's).

    The texts are parsed as one batch: the more sentences a batch holds, the less the pipeline's fixed
    cost for each weighs (`kg.extract.extract_many` hands it several articles' sentences at once).

    BLAS runs on one thread here: a second one spends more CPU than it saves on matrices this
    small, and parallel builds give each worker a core of its own."""
    nlp = pipeline or load_pipeline()
    texts = list(texts)
    docs = [nlp.make_doc(text) for text in texts]
    # the tokens of a doc are read only where its text can hold what is looked for
    compact = [_without_spaces(doc) if _WHITESPACE_TOKEN.search(text) else (doc, None) for text, doc in zip(texts, docs)]
    table = _stand_in_table(stand_ins) if stand_ins else None
    inputs = [_standing_in(given, table) if table and table.words.search(text) else given
              for text, (given, _) in zip(texts, compact)]
    with _blas_threads().limit(limits=1, user_api="blas"):
        parsed = list(nlp.pipe(inputs, batch_size=max(1, len(inputs))))
    out = []
    for (given, kept), words, done in zip(compact, inputs, parsed):
        if words is not given:
            given.from_array(_PARSE_ATTRS, done.to_array(_PARSE_ATTRS))
            done = given
        out.append((done, kept))
    return out


_PARSE_ATTRS = ["TAG", "HEAD", "DEP"]

# what makes the tokenizer emit a token of whitespace: a space at the start, a run of two, or any other
# whitespace character (a single space after a word is that word's trailing whitespace)
_WHITESPACE_TOKEN = re.compile(r"^\s|\s\s|[^\S ]")


@lru_cache(maxsize=4)
def _words_pattern(words: tuple[str, ...]) -> "re.Pattern[str]":
    """Any of these words anywhere, in any case: a text it does not match holds none of them as a token."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))), re.IGNORECASE)


def _without_spaces(doc: "Doc") -> "tuple[Doc, list[int] | None]":
    """The doc itself, or a copy without its tokens of whitespace, with the character offset in the
    doc's text of each token kept."""
    kept = [token for token in doc if not token.is_space]
    if len(kept) == len(doc) or not kept:
        return doc, None
    from spacy.tokens import Doc

    spaces = [bool(t.whitespace_) or (t.i + 1 < len(doc) and doc[t.i + 1].is_space) for t in kept]
    return Doc(doc.vocab, words=[t.text for t in kept], spaces=spaces), [t.idx for t in kept]


NAME_CONTEXT = "<name>"


class _StandIns(NamedTuple):
    plain: dict[str, str]  # a word anywhere -> the word parsed in its place
    after: dict[str, dict[str, str]]  # a word -> the word before it (or NAME_CONTEXT) -> the word parsed in its place
    words: "re.Pattern[str]"  # any word replaced: a text that does not match it holds none


def _standing_in(doc: "Doc", table: _StandIns) -> "Doc":
    """The doc itself, or a copy with each word of the stand-ins replaced (its capital kept). A key of two
    words replaces its second word only after the first; a first word of `<name>` stands for any word
    with a capital other than a common word such as "The" ("the Rafah crossing", "Kerem Shalom crossing")."""
    plain, after = table.plain, table.after
    words, replaced = [], False
    for token in doc:
        other = plain.get(token.lower_)
        if other is None and token.lower_ in after and token.i > 0:
            previous = doc[token.i - 1]
            contexts = after[token.lower_]
            other = contexts.get(previous.lower_)
            if other is None and previous.text[:1].isupper() and not previous.is_stop:
                other = contexts.get(NAME_CONTEXT)
        replaced = replaced or other is not None
        words.append(token.text if other is None else (other[:1].upper() + other[1:] if token.text[:1].isupper() else other))
    if not replaced:
        return doc
    from spacy.tokens import Doc

    return Doc(doc.vocab, words=words, spaces=[bool(token.whitespace_) for token in doc])


def _stand_in_table(stand_ins: Mapping[str, str]) -> _StandIns:
    """The stand-ins read once for a batch of sentences."""
    plain: dict[str, str] = {}
    after: dict[str, dict[str, str]] = {}
    for key, other in stand_ins.items():
        words = key.split()
        if len(words) == 2:
            after.setdefault(words[1], {})[words[0]] = other
        else:
            plain[key] = other
    return _StandIns(plain, after, _words_pattern(tuple(sorted({*plain, *after}))))


def pipeline_version(path: str | None = None) -> str:
    """Name and version of the parsing pipeline: part of the extraction fingerprint."""
    directory = Path(path) if path else PIPELINE_DIR
    meta = directory / "meta.json"
    if not meta.is_file():
        return "missing"
    import json

    data = json.loads(meta.read_text(encoding="utf-8"))
    return f"{data.get('name', '?')}-{data.get('version', '?')}"
