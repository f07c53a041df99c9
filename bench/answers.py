"""Time every answer command and the network projections on synthetic graphs, and print the times.

    python bench/answers.py [--stances 1000 10000]

Uses the synthetic stances of `bench/store.py` (random holders, issues and polarities over the
real dictionary), written into an Oxigraph store with their aggregate nodes as `kg build` does,
and opened read-only.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store import synthetic  # noqa: E402

from kg import answers  # noqa: E402
from kg.build import write_build  # noqa: E402
from kg.network import centrality, projection, statements_from_store, two_mode_graph  # noqa: E402
from kg.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    for n in args.stances:
        result = synthetic(n)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            write_build(result, out, formats=[])
            store = open_store(out)
            vocabulary = answers.vocabulary_from_store(store)
            statements = statements_from_store(store)
            some = result.stances[0].stance_id
            steps = {
                "stances --issue reconstruction": lambda: answers.stances(store, issues=["reconstruction"], vocabulary=vocabulary),
                "positions": lambda: answers.positions(store, vocabulary=vocabulary),
                "conflicts": lambda: answers.conflicts(store, vocabulary=vocabulary),
                "coalitions": lambda: answers.coalitions(store, vocabulary=vocabulary),
                "conditions": lambda: answers.conditions(store, vocabulary=vocabulary),
                "timeline --actor Israel": lambda: answers.timeline(store, "Israel", vocabulary=vocabulary),
                "provenance": lambda: answers.provenance(store, some),
                "read statements": lambda: statements_from_store(store),
                "two-mode": lambda: two_mode_graph(statements),
                "congruence": lambda: projection(statements, "congruence"),
                "subtract jaccard": lambda: projection(statements, "subtract", "jaccard"),
                "conflict --stats": lambda: centrality(projection(statements, "conflict")),
            }
            print(f"{n} stances ({len(store)} quads)")
            for label, step in steps.items():
                start = time.perf_counter()
                value = step()
                took = time.perf_counter() - start
                size = len(value.rows) if hasattr(value, "rows") else (value.number_of_edges() if hasattr(value, "number_of_edges") else len(value))
                print(f"  {label:<32} {took:>7.3f} s  ({size} rows/edges)")


if __name__ == "__main__":
    main()
