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


class Word:
    """One token of a `ParsedSentence`: its words, tags and place in the tree."""

    __slots__ = ("doc", "i", "idx", "text", "lower_", "lemma_", "tag_", "dep_",
                 "head", "lefts", "rights", "children", "left_edge", "right_edge", "_subtree")

    def __init__(self, doc: "ParsedSentence", i: int, token: Any) -> None:
        self.doc = doc
        self.i = i
        self.idx: int = token.idx
        self.text: str = token.text
        self.lower_: str = token.lower_
        self.lemma_: str = token.lemma_
        self.tag_: str = token.tag_
        self.dep_: str = token.dep_
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

    def __init__(self, doc: Any) -> None:
        self.spacy_doc = doc
        self.text: str = doc.text
        words = [Word(self, i, token) for i, token in enumerate(doc)]
        heads = [token.head.i for token in doc]
        below: list[list[Word]] = [[] for _ in words]
        for word, head in zip(words, heads):
            word.head = words[head]
            if head != word.i:
                below[head].append(word)
        for word, token in zip(words, doc):
            # spaCy looks for a token's children between its left and right edge only
            left, right = token.left_edge.i, token.right_edge.i
            word.left_edge, word.right_edge = words[left], words[right]
            word.lefts = tuple(w for w in below[word.i] if left <= w.i < word.i)
            word.rights = tuple(w for w in below[word.i] if word.i < w.i <= right)
            word.children = word.lefts + word.rights
        self.words = words

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words)

    def __getitem__(self, key: int | slice) -> Any:
        return self.words[key]
