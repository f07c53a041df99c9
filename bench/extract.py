"""Extraction throughput on a multi-megabyte synthetic corpus, next to a bare pass over the same text.

The corpus recombines the seed articles' paragraphs with hand-written sentences in other
phrasings, shuffled deterministically into articles of a few kilobytes. The bare pass is what any
extractor must at least do: split sentences and scan the actor and issue dictionary (one
compiled trie regex). Extraction should stay within about 3x of it.

    python bench/extract.py [--mb 5] [--seed 0]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.dictionary import load_dictionary  # noqa: E402
from kg.extraction import extract_stances, get_scanner, load_lexicon  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.text import split_sentences  # noqa: E402

# Sentences in phrasings the seeds do not use: AP style, passive voice, quotes first, translated style.
EXTRA = """\
Hamas said it would not accept any deal that does not guarantee a permanent ceasefire.
The proposal to deploy a multinational force was rejected by Hamas on Sunday.
“We will not disarm,” a senior Hamas official told Al Jazeera.
Israel has rejected any withdrawal from the Philadelphi corridor, Channel 12 reported.
Egypt and Qatar called for an immediate ceasefire and the entry of humanitarian aid.
Jordan, Egypt and Saudi Arabia voiced support for the reconstruction of Gaza.
Turkey is ready to send troops to Gaza as part of the stabilization force, Erdogan said.
Israel will not allow reconstruction to begin until Hamas is disarmed, Netanyahu's office said Tuesday.
There will be no Israeli withdrawal before all hostages are returned, Katz said.
The movement affirmed its categorical rejection of any attempt to disarm the resistance.
Israel and Hamas discussed the reconstruction of Gaza on Tuesday.
The ceasefire in Gaza has largely held since October, according to Israeli media.
Reconstruction costs are estimated at $70 billion by the World Bank.
The Kremlin said it opposes the deployment of foreign troops in Gaza.
Israel said it would only withdraw its forces once Hamas disarms.
“Hamas will have to disarm,” Rubio told reporters on Air Force One.
Britain and France welcomed the ceasefire and urged restraint.
Cairo and Doha are pressing both sides to extend the truce by another sixty days.
Riyadh does not support sending Saudi troops to Gaza, officials in the kingdom said.
The White House has no intention of abandoning the peace plan, a spokesperson said.
Markets in Tel Aviv rose on Monday as investors weighed the prospects of a deal.
Aid agencies said more than 600 trucks were waiting at the Rafah crossing.
The talks, mediated by Egypt, Qatar and the United States, are expected to resume next week.
Officials in Ramallah said the Palestinian Authority was ready to take over the governance of Gaza.
""".splitlines()


def build_corpus(megabytes: float, seed: int) -> list[Article]:
    """Deterministic synthetic articles of 2-6 KB until the corpus reaches the requested size."""
    paragraphs: list[str] = []
    for path in sorted((REPO / "sources").glob("*.txt")):
        paragraphs.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    paragraphs.extend(EXTRA)
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    articles: list[Article] = []
    size = 0
    while size < target:
        wanted = rng.randint(2000, 6000)
        body: list[str] = []
        length = 0
        while length < wanted:
            paragraph = rng.choice(paragraphs)
            body.append(paragraph)
            length += len(paragraph) + 1
        text = "\n".join(body)
        articles.append(Article(source_id=f"bench_{len(articles):06d}", text=text))
        size += len(text.encode("utf-8"))
    return articles


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in megabytes (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed (default 0)")
    args = parser.parse_args(argv)

    dictionary = load_dictionary(REPO / "ontology")
    lexicon = load_lexicon(REPO / "ontology")
    scanner = get_scanner(dictionary, lexicon)  # compiled once, outside the timings
    articles = build_corpus(args.mb, args.seed)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1_000_000

    started = time.perf_counter()
    mentions = 0
    for article in articles:
        split_sentences(article.text)
        mentions += len(scanner.scan_dictionary(article.text))
    bare = time.perf_counter() - started

    started = time.perf_counter()
    stances = 0
    for article in articles:
        stances += len(extract_stances(article, dictionary, lexicon))
    full = time.perf_counter() - started

    print(f"corpus: {len(articles)} articles, {megabytes:.2f} MB (seed {args.seed})")
    print(f"bare pass  (sentences + dictionary scan): {megabytes / bare:7.2f} MB/s  {len(articles) / bare:8.1f} articles/s"
          f"  ({mentions} dictionary mentions)")
    print(f"extraction (extract_stances):             {megabytes / full:7.2f} MB/s  {len(articles) / full:8.1f} articles/s"
          f"  ({stances} stances)")
    print(f"extraction / bare pass time: {full / bare:.2f}x")


if __name__ == "__main__":
    main()
