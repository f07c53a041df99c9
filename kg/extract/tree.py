"""A read-only copy of one repaired parse, for the rules to walk.

A spaCy `Token` is a view created anew on every access (`doc[i]`, `token.head`, each child of
`token.children`) and every string attribute is looked up again in the string store; the rules
ask for heads, children and labels tens of thousands of times per article. `ParsedSentence` reads
the parse once, after the lemmas and the repairs, into plain Python objects with the attributes
the rules use, and hands out the same object for a position every time.

The copy keeps spaCy's answers exactly: children, subtrees, edges, ancestors and conjuncts follow
the definitions of `spacy.tokens.Token` (children within a token's left and right edge, a subtree
as the left children's subtrees, the token, the right children's subtrees). One difference only:
a position is always the same object, so `a is b` holds for the same word where spaCy would hand
out two views.
"""
from __future__ import annotations

from typing import Any, Iterator

from .lemmatize import lemma_candidates


class Word:
    """One token of a `ParsedSentence`: its words, tags and place in the tree."""

    __slots__ = ("doc", "i", "idx", "text", "lower_", "lemma_", "tag_", "dep_", "lemma_forms",
                 "head", "lefts", "rights", "children", "left_edge", "right_edge", "_subtree")

    def __init__(self, doc: "ParsedSentence", i: int, idx: int, text: str, lower: str, lemma: str, tag: str, dep: str) -> None:
        self.doc = doc
        self.i = i
        self.idx = idx
        self.text = text
        self.lower_ = lower
        self.lemma_ = lemma
        self.tag_ = tag
        self.dep_ = dep
        # the lemma the rules compare (lower case), then the base forms the word's ending suggests: the
        # rules look words up in their lists tens of thousands of times per article
        self.lemma_forms = lemma_candidates((lemma or text).lower(), text)
        self._subtree: tuple[Word, ...] | None = None

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    @property
    def subtree(self) -> tuple["Word", ...]:
        """The word and its descendants, in spaCy's order."""
        if self._subtree is None:
            words: list[Word] = []
            for child in self.lefts:
                words.extend(child.subtree)
            words.append(self)
            for child in self.rights:
                words.extend(child.subtree)
            self._subtree = tuple(words)
        return self._subtree

    @property
    def ancestors(self) -> Iterator["Word"]:
        """The heads above the word up to its root (at most as many as the sentence has words)."""
        node = self
        for _ in range(len(self.doc)):
            if node.head is node:
                return
            node = node.head
            yield node

    @property
    def conjuncts(self) -> tuple["Word", ...]:
        """The words coordinated with this one, as `spacy.tokens.Token.conjuncts` finds them."""
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue = [start]
        output = [start]
        for word in queue:
            for child in word.rights:
                if child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w is not self)

    @property
    def is_quote(self) -> bool:
        return self.doc.spacy_doc[self.i].is_quote

    @property
    def is_punct(self) -> bool:
        return self.doc.spacy_doc[self.i].is_punct


class ParsedSentence:
    """The words of one parsed sentence, indexable and sliceable like a spaCy `Doc`; `spacy_doc` is
    the parse it was read from (for the dependency matchers of the context rules)."""

    def __init__(self, doc: Any, offsets: list[int] | None = None) -> None:
        """`offsets`: each word's character offset in the sentence when the doc's own differ (a doc
        parsed without the runs of spaces of its sentence)."""
        from spacy.attrs import HEAD

        self.spacy_doc = doc
        words = []
        edges = []  # spaCy's own left and right edge of each word, which bound where it looks for children
        for token in doc:
            idx = token.idx if offsets is None else offsets[token.i]
            words.append(Word(self, token.i, idx, token.text, token.lower_, token.lemma_, token.tag_, token.dep_))
            edges.append((token.left_edge.i, token.right_edge.i))
        below: list[list[Word]] = [[] for _ in words]
        for word, offset in zip(words, doc.to_array(HEAD).astype("int64").tolist()):
            word.head = words[word.i + offset]
            if offset:
                below[word.i + offset].append(word)
        for word, (left, right), dependents in zip(words, edges, below):
            word.left_edge, word.right_edge = words[left], words[right]
            if not dependents:
                word.lefts = word.rights = word.children = ()
                continue
            # spaCy looks for a token's children between its left and right edge only
            if left > dependents[0].i or dependents[-1].i > right:
                dependents = [w for w in dependents if left <= w.i <= right]
            word.lefts = tuple([w for w in dependents if w.i < word.i])
            word.rights = tuple([w for w in dependents if w.i > word.i])
            word.children = word.lefts + word.rights
        self.words = words

    @property
    def text(self) -> str:
        return self.spacy_doc.text

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words)

    def __getitem__(self, key: int | slice) -> Any:
        return self.words[key]
