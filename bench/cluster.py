"""Extraction mapped over a local Dask cluster, loaded into the store: the same graph as a one-process build.

    pip install 'dask[distributed]'
    python bench/cluster.py [--articles 400] [--workers 2] [--batch 25]

The corpus is generated as in bench/store.py. A Dask LocalCluster (separate worker processes)
runs `kg.build.extract_batch` over batches of articles; the stances come back to this process,
are merged with the curated ones, written into the Oxigraph store, and checked equal to a
serial extraction. On a real cluster only the scheduler address changes (`Client("tcp://...")`),
and the articles would be read where the workers can reach them.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from store import write_corpus  # noqa: E402

from kg.build import BuildResult, build_graph, extract_batch, write_build  # noqa: E402
from kg.model import merge_stances  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=25)
    args = parser.parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        sys.exit("this benchmark needs Dask: pip install 'dask[distributed]'")
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "sources", Path(tmp) / "out"
        write_corpus(folder, args.articles)
        base = build_graph(folder, annotations=[], extract=False)
        batches = [base.articles[i:i + args.batch] for i in range(0, len(base.articles), args.batch)]

        start = time.perf_counter()
        serial = [stances for batch in batches for stances in extract_batch(batch)]
        t_serial = time.perf_counter() - start

        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster, Client(cluster) as client:
            start = time.perf_counter()
            futures = client.map(extract_batch, batches, pure=False)
            mapped = [stances for result in client.gather(futures) for stances in result]
            t_dask = time.perf_counter() - start

        assert mapped == serial, "Dask extraction differs from the serial one"
        stances = merge_stances(base.stances, [s for per_article in mapped for s in per_article])
        result = BuildResult(articles=base.articles, stances=stances, dictionary=base.dictionary)
        start = time.perf_counter()
        write_build(result, out, formats=[])
        t_store = time.perf_counter() - start
        print(f"{args.articles} articles, {len(stances)} stances, batches of {args.batch}")
        print(f"  serial extraction         {t_serial:7.1f} s")
        print(f"  Dask, {args.workers} worker processes  {t_dask:7.1f} s (identical stances)")
        print(f"  store load                {t_store:7.1f} s")


if __name__ == "__main__":
    main()
