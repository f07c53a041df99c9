"""Extraction throughput on one core, next to the parser alone over the same sentences.

The corpus recombines the seed articles' paragraphs with sentences written here in other
phrasings, shuffled deterministically into articles of 2-6 KB (text written for the benchmark,
not news). Extraction parses only the sentences that name an actor or an issue, several articles'
sentences in one batch as `kg build` does (`kg.extract.extract_many`; the figure for one article at a
time is printed under it); the parser-alone figure is the shipped spaCy pipeline over exactly those
sentences in the same batches, so the difference is what the mention scan and the rules cost.

    python bench/extract.py [--mb 0.5] [--seed 0] [--folder SOURCES_DIR] [--clock wall|cpu] [--repeat 3]

With --folder, the articles of that folder are measured instead (for instance the real-news
corpus beside the checkout: --folder ../shared/corpus).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.dictionary import load_dictionary  # noqa: E402
import kg.extract as extract_module  # noqa: E402
from kg.extract import extract_many, extract_stances, load_lexicon, load_pipeline, load_rule_book  # noqa: E402
from kg.extract.parse import parse_sentences  # noqa: E402
from kg.model import Article  # noqa: E402

# Sentences in phrasings the seeds do not use: AP style, passive voice, quotes first, translated style.
EXTRA = """\
Hamas said it would not accept any deal that does not guarantee a permanent ceasefire.
The proposal to deploy a multinational force was rejected by Hamas on Sunday.
“We will not disarm,” a senior Hamas official told Al Jazeera.
Israel has rejected any withdrawal from the Philadelphi corridor, Channel 12 reported.
Qatar and Egypt urged an immediate ceasefire along with the entry of humanitarian aid.
Jordan, Egypt and Saudi Arabia voiced support for the reconstruction of Gaza.
Turkey stands ready to send soldiers to Gaza within the stabilization force, Erdogan said.
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
The talks, mediated by the United States, Egypt and Qatar, are expected to resume next week.
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
    parser.add_argument("--mb", type=float, default=0.5, help="corpus size in megabytes (default 0.5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of measurement (default 3)")
    parser.add_argument("--folder", type=Path, default=None, help="measure the articles of this folder instead")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall time, or the process's CPU time (fair on a machine other jobs keep busy)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    if args.folder is not None:
        from kg.sources import load_articles

        articles = load_articles(args.folder).articles
    else:
        articles = build_corpus(args.mb, args.seed)
    dictionary, lexicon, rules = load_dictionary(), load_lexicon(), load_rule_book()
    nlp = load_pipeline()
    extract_stances(articles[0], dictionary, lexicon, rules)  # load everything once

    # the sentences as extraction hands them to the parser: several articles' in one batch, as `kg build` does
    batches: list[list[str]] = []
    original = extract_module.parse_words

    def recording(texts, pipeline=None, stand_ins=None):
        texts = list(texts)
        batches.append(texts)
        return original(texts, pipeline, stand_ins)

    extract_module.parse_words = recording
    stances = sum(len(found) for found, _ in extract_many(articles, dictionary, lexicon, rules))
    extract_module.parse_words = original
    parsed = [text for batch in batches for text in batch]
    tokens = sum(len(doc) for batch in batches for doc in parse_sentences(batch, nlp, rules.stand_ins))

    # rounds alternate the measurements, so a busy spell on a shared machine slows them alike;
    # the best round is the one least disturbed (the median is printed beside it)
    extraction_times, single_times, parse_times, reference_times = [], [], [], []
    for _ in range(args.repeat):
        started = clock()
        for _ in extract_many(articles, dictionary, lexicon, rules):
            pass
        extraction_times.append(clock() - started)
        started = clock()
        for article in articles:
            extract_stances(article, dictionary, lexicon, rules)
        single_times.append(clock() - started)
        # the same sentences in the same batches, so the parses are the same too
        started = clock()
        for batch in batches:
            parse_sentences(batch, nlp, rules.stand_ins)
        parse_times.append(clock() - started)
        reference_times.append(_reference_loop(clock))

    extraction, single, parse_only = min(extraction_times), min(single_times), min(parse_times)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    print(f"clock: {args.clock}; load average {os.getloadavg()[0]:.1f}; best of {args.repeat} rounds "
          f"(median in brackets); a ten-million-step Python loop took "
          f"{min(reference_times):.2f}-{max(reference_times):.2f} s (machine speed)")
    print(f"corpus: {len(articles)} articles, {megabytes:.2f} MB, {len(parsed)} sentences parsed ({tokens} tokens)"
          f" in {len(batches)} batches")
    print(f"extraction (one core): {extraction:.2f} s, {len(articles) / extraction:.1f} articles/s "
          f"({len(articles) / statistics.median(extraction_times):.1f}), {stances} stances")
    print(f"  one article at a time: {single:.2f} s, {len(articles) / single:.1f} articles/s "
          f"({len(articles) / statistics.median(single_times):.1f})")
    print(f"parser alone, same sentences: {parse_only:.2f} s, {len(articles) / parse_only:.1f} articles/s "
          f"({len(articles) / statistics.median(parse_times):.1f}), {tokens / parse_only:,.0f} tokens/s")
    rest = max(0.0, extraction - parse_only)
    print(f"rules and mentions: {rest:.2f} s ({rest / extraction:.0%} of extraction)")
    parts = _component_times(nlp, batches, rules.stand_ins, clock, args.repeat)
    print("parser alone, by part (best round): " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in parts.items()))


def _component_times(nlp, batches: list[list[str]], stand_ins, clock, repeat: int) -> dict[str, float]:
    """Where the parser's time goes over the same batches: splitting into tokens, then each component
    of the pipeline in turn (the shared token encoder, the tagger, the parser), best of `repeat` rounds."""
    from kg.extract.parse import _blas_threads, _stand_in_table, _standing_in, _without_spaces

    table = _stand_in_table(stand_ins)
    best: dict[str, float] = {}
    with _blas_threads().limit(limits=1, user_api="blas"):
        for _ in range(repeat):
            started = clock()
            docs = [[_standing_in(_without_spaces(nlp.make_doc(text))[0], table) for text in batch] for batch in batches]
            times = {"tokens": clock() - started}
            for name, component in nlp.pipeline:
                started = clock()
                docs = [list(component.pipe(batch, batch_size=64)) for batch in docs]
                times[name] = clock() - started
            best = {name: min(seconds, best.get(name, seconds)) for name, seconds in times.items()}
    return best


def _reference_loop(clock) -> float:
    """Seconds a fixed pure-Python loop takes now: tells a slow moment of the machine from a slow change."""
    started = clock()
    total = 0
    for step in range(10_000_000):
        total += step
    return clock() - started


if __name__ == "__main__":
    main()
