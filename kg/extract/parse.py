"""The parsing pipeline: a compact spaCy tagger and dependency parser trained on the English Web
Treebank (training/train_pipeline.sh), shipped inside the package; nothing is downloaded.
Sentences are split by kg.text and parsed one by one; lemmas come from kg.extract.lemmatize."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

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
    """Parse each text as one sentence: tokens, Penn tags and dependencies.

    A word of `stand_ins` (lower case -> lower case) is parsed as the word it maps to, which the
    parser knows: the sentence keeps its own tokens and takes that parse's tags and tree.

    BLAS runs on one thread here: a second one spends more CPU than it saves on matrices this
    small, and parallel builds give each worker a core of its own."""
    nlp = pipeline or load_pipeline()
    docs = [nlp.make_doc(text) for text in texts]
    compact = [_without_spaces(doc) for doc in docs]
    inputs = [_standing_in(given, stand_ins) if stand_ins else given for given, _ in compact]
    with _blas_threads().limit(limits=1, user_api="blas"):
        parsed = list(nlp.pipe(inputs, batch_size=64))
    for k, (doc, (_, kept), given, done) in enumerate(zip(docs, compact, inputs, parsed)):
        if kept is not None:
            _take_parse(doc, done, kept)
            parsed[k] = doc
        elif given is not doc:
            doc.from_array(_PARSE_ATTRS, done.to_array(_PARSE_ATTRS))
            parsed[k] = doc
    return parsed


_PARSE_ATTRS = ["TAG", "HEAD", "DEP"]


def _without_spaces(doc: "Doc") -> "tuple[Doc, list[int] | None]":
    """The doc itself, or a copy without its tokens of whitespace (a run of spaces inside a line, as a
    Markdown article's blanked marks leave), with the index in `doc` of each token kept: the parser
    learnt from text without them and mistags the words around one ("The  US  backs/NNS ...")."""
    kept = [token.i for token in doc if not token.is_space]
    if len(kept) == len(doc) or not kept:
        return doc, None
    from spacy.tokens import Doc

    spaces = [bool(doc[i].whitespace_) or (i + 1 < len(doc) and doc[i + 1].is_space) for i in kept]
    return Doc(doc.vocab, words=[doc[i].text for i in kept], spaces=spaces), kept


def _take_parse(doc: "Doc", done: "Doc", kept: list[int]) -> None:
    """Give `doc` the tags and tree of `done`, its copy without whitespace tokens (`kept`: the index in
    `doc` of each token of `done`); a whitespace token hangs from the word before it (the first word
    after it at the start), as spaCy's own parser attaches one."""
    import numpy
    from spacy.attrs import DEP, HEAD, TAG

    strings = doc.vocab.strings
    place = {original: k for k, original in enumerate(kept)}
    values = numpy.zeros((len(doc), 3), dtype="uint64")
    previous = None
    for token in doc:
        if token.i in place:
            source = done[place[token.i]]
            tag, head, dep = source.tag_, kept[source.head.i], source.dep_
            previous = token.i
        else:
            tag, head, dep = "_SP", previous if previous is not None else kept[0], "dep"
        values[token.i] = (strings.add(tag), (head - token.i) % 2 ** 64, strings.add(dep))  # HEAD holds the offset, wrapped
    doc.from_array([TAG, HEAD, DEP], values)


def _standing_in(doc: "Doc", stand_ins: Mapping[str, str]) -> "Doc":
    """The doc itself, or a copy with each word of `stand_ins` replaced (its capital kept)."""
    if not any(token.lower_ in stand_ins for token in doc):
        return doc
    from spacy.tokens import Doc

    words = []
    for token in doc:
        other = stand_ins.get(token.lower_)
        words.append(token.text if other is None else (other[:1].upper() + other[1:] if token.text[:1].isupper() else other))
    return Doc(doc.vocab, words=words, spaces=[bool(token.whitespace_) for token in doc])


def pipeline_version(path: str | None = None) -> str:
    """Name and version of the parsing pipeline: part of the extraction fingerprint."""
    directory = Path(path) if path else PIPELINE_DIR
    meta = directory / "meta.json"
    if not meta.is_file():
        return "missing"
    import json

    data = json.loads(meta.read_text(encoding="utf-8"))
    return f"{data.get('name', '?')}-{data.get('version', '?')}"
