"""Candidate coverage of a gold set: how many gold (article, holder, issue) pairs the mention layer
can reach at all, before any rule decides. A pair is reachable when the sentences of its gold quote
name the issue, and name the holder there or in the two sentences before (where a pronoun, a group
noun or a quotation's speaker can pick it up).

    python bench/coverage.py SOURCES_DIR GOLD.yaml [--show]    (--show lists the unreachable pairs)
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.annotations import load_annotations  # noqa: E402
from kg.dictionary import load_dictionary  # noqa: E402
from kg.extract import get_scanner, load_lexicon  # noqa: E402
from kg.extract.extractor import article_mentions  # noqa: E402
from kg.extract.mentions import ACTOR, INVERSE, ISSUE  # noqa: E402
from kg.sources import load_articles  # noqa: E402
from kg.text import split_sentences  # noqa: E402


def main(argv: list[str]) -> None:
    show = "--show" in argv
    argv = [a for a in argv if a != "--show"]
    if len(argv) != 2:
        sys.exit(__doc__)
    folder, gold_path = Path(argv[0]), Path(argv[1])
    dictionary = load_dictionary()
    scanner = get_scanner(dictionary, load_lexicon())
    articles = {a.source_id: a for a in load_articles(folder).articles}
    gold = load_annotations(gold_path, articles, dictionary)
    pairs: dict[tuple[str, str, str], tuple[bool, bool, bool]] = {}
    for stance in gold:
        article = articles[stance.source_id]
        text = article.text
        sentences = split_sentences(text)
        mentions = article_mentions(scanner, text)
        inside = [n for n, s in enumerate(sentences) if s.start < stance.char_end and stance.char_start < s.end]
        window = range(max(0, inside[0] - 2), inside[-1] + 1)
        issues: set[str] = set()
        for n in inside:
            sentence = sentences[n]
            issues |= {m.value for m in mentions if m.kind in (ISSUE, INVERSE) and sentence.start <= m.start < sentence.end}
        near = {m.holder or m.value for m in mentions if m.kind == ACTOR
                and any(sentences[n].start <= m.start < sentences[n].end for n in window)}
        same = {m.holder or m.value for m in mentions if m.kind == ACTOR
                and any(sentences[n].start <= m.start < sentences[n].end for n in inside)}
        # a group noun, a written list, a transcript's speaker or a list's introducing line can carry
        # a holder named anywhere earlier in the article
        before = {m.holder or m.value for m in mentions if m.kind == ACTOR and m.start < sentences[inside[-1]].end}
        key = (stance.source_id, stance.holder, stance.issue)
        old = pairs.get(key, (False, False, False))
        pairs[key] = (old[0] or (stance.issue in issues and stance.holder in same),
                      old[1] or (stance.issue in issues and stance.holder in near),
                      old[2] or (stance.issue in issues and stance.holder in before))
    total = len(pairs)
    same_sentence = sum(1 for a, _, _ in pairs.values() if a)
    window_count = sum(1 for _, b, _ in pairs.values() if b)
    anywhere = sum(1 for _, _, c in pairs.values() if c)
    print(f"gold (article, holder, issue) pairs: {total}")
    print(f"issue and holder named in the quote's sentences: {same_sentence} ({same_sentence / total:.1%})")
    print(f"issue there, holder within two sentences before: {window_count} ({window_count / total:.1%})")
    print(f"issue there, holder named anywhere before (lists, groups, speakers): {anywhere} ({anywhere / total:.1%})")
    if show:
        for key, (_, _, reachable) in sorted(pairs.items()):
            if not reachable:
                print("  unreachable:", *key)


if __name__ == "__main__":
    main(sys.argv[1:])
