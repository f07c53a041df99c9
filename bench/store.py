"""Load and query the built graph with Oxigraph (the default store) and with rdflib, and print the times.

    python bench/store.py [--stances 1000 10000]

Synthetic stances over the real actor dictionary and issue scheme, written as TriG by the
project's own exporter, so the numbers are about the files `kg build` writes.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from rdflib import Dataset

from kg.dictionary import load_dictionary
from kg.export import write_files, serialize
from kg.model import Article, Method, Polarity, Stance
from kg.queries import canned_query, run_query, with_prologue
from kg.rdf import build_dataset
from kg.store import open_store

STANCES_PER_ARTICLE = 10


def synthetic(n_stances: int, seed: int = 7) -> tuple[list[Article], list[Stance]]:
    """Articles of fixed text and `n_stances` random but valid stances over the real dictionary."""
    dictionary = load_dictionary()
    rng = random.Random(seed)
    holders = sorted(dictionary.holder_ids())
    issues = sorted(dictionary.issues)
    text = "Israel insists on disarmament before reconstruction, while Washington pushes for rebuilding. " * 4
    articles, stances = [], []
    for a in range((n_stances + STANCES_PER_ARTICLE - 1) // STANCES_PER_ARTICLE):
        published = date(2025, 1, 1) + timedelta(days=a % 330)
        article = Article(source_id=f"syn_{a:06d}", text=text, published=published, title=f"Synthetic {a}")
        articles.append(article)
        for k in range(min(STANCES_PER_ARTICLE, n_stances - a * STANCES_PER_ARTICLE)):
            polarity = rng.choice(list(Polarity))
            issue = rng.choice(issues)
            start = rng.randrange(0, len(text) - 60)
            stances.append(
                Stance(
                    source_id=article.source_id, holder=rng.choice(holders), issue=issue, polarity=polarity,
                    condition=rng.choice([i for i in issues if i != issue]) if polarity is Polarity.CONDITIONAL else None,
                    quote=text[start:start + 50 + k], char_start=start, char_end=start + 50 + k,
                    method=Method.RULE, rule="bench.synthetic", confidence=0.8, published=published,
                )
            )
    return articles, stances


def timed(label: str, action):
    start = time.perf_counter()
    value = action()
    return label, time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    ontology = load_dictionary().graph
    positions = canned_query("positions")
    print(f"{'stances':>8} {'triples':>9} {'write TriG':>11} {'ox load':>8} {'rdflib load':>12} {'ox positions':>13} {'rdflib positions':>17}")
    for n in args.stances:
        articles, stances = synthetic(n)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            dataset = build_dataset(articles, stances, ontology)
            _, t_write, _ = timed("write", lambda d=dataset, o=out: write_files({o / "stancegraph.trig": serialize(d, "trig")}))
            trig = out / "stancegraph.trig"
            _, t_ox_load, store = timed("ox load", lambda: open_store(trig))
            _, t_rdf_load, rdf = timed("rdflib load", lambda: Dataset(default_union=True).parse(trig, format="trig"))
            _, t_ox_q, result = timed("ox query", lambda s=store: run_query(s, positions))
            _, t_rdf_q, rdf_rows = timed("rdflib query", lambda d=rdf: list(d.query(with_prologue(positions))))
            assert len(result.rows) == len(rdf_rows), (len(result.rows), len(rdf_rows))
            print(f"{n:>8} {len(store):>9} {t_write:>10.2f}s {t_ox_load:>7.2f}s {t_rdf_load:>11.2f}s {t_ox_q:>12.3f}s {t_rdf_q:>16.3f}s")


if __name__ == "__main__":
    main()
