"""Review at scale: queue size and time, and how long one decision takes as the review file grows.

    python bench/review.py [--articles 400] [--decisions 100 1000 5000]

The source folder is the seed articles copied `--articles / 5` times (each copy made distinct by
a line of its own, so every copy is extracted). Reported: the time to start a review session
(extraction of the whole folder), the time and JSON size of `GET /api/queue`'s answer, and the
median time of one decision (check, lock, re-read, append, rewrite the file) once the file already
holds 100, 1,000 or 5,000 decisions.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.review import ReviewSession, read_review, review_path  # noqa: E402


def make_folder(target: Path, articles: int) -> Path:
    """`articles` seed copies in a fresh source folder (no annotations)."""
    folder = target / "sources"
    folder.mkdir(parents=True)
    seeds = sorted((REPO / "sources").glob("*.txt"))
    for n in range(max(1, articles // len(seeds))):
        for path in seeds:
            text = path.read_text(encoding="utf-8")
            (folder / f"{n:04d}_{path.name}").write_text(text + f"\n\nCopy {n} for the review benchmark.\n", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--decisions", type=int, nargs="+", default=[100, 1000, 5000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_folder(Path(tmp), args.articles)
        cache = Path(tmp) / "cache"  # as `kg review` keeps it: OUT_DIR/.cache
        start = time.perf_counter()
        session = ReviewSession(folder, reviewer="bench", cache_dir=cache)
        started = time.perf_counter() - start
        n_articles, n_stances = len(session.machine.articles), len(session.machine.stances)
        print(f"folder: {n_articles} articles, {n_stances} machine stances, {len(session.machine.suggestions)} "
              f"suggestions; session start (extraction): {started:.2f} s")
        start = time.perf_counter()
        ReviewSession(folder, reviewer="bench", cache_dir=cache)
        print(f"session start again (every article's extraction cached): {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        ReviewSession(folder, reviewer="bench", suggest_from=None, cache_dir=Path(tmp) / "cache-plain")
        print(f"session start without suggestions (--no-suggestions), nothing cached: {time.perf_counter() - start:.2f} s")
        ids = sorted(session.machine.stances)
        done = 0
        print(f"{'decisions in file':>18}  {'one decision (median)':>22}  {'file size':>10}  {'queue':>8}  {'queue JSON':>10}")
        for target in sorted(args.decisions):
            if target > len(ids):
                print(f"{target:>18}  (only {len(ids)} stances: skipped)")
                continue
            # Fill the file up to `target` decisions quickly, then time a few real ones.
            while done < target - 5:
                session.decide({"stance": ids[done], "action": "accept" if done % 3 else "reject"})
                done += 1
            times = []
            while done < target:
                t = time.perf_counter()
                session.decide({"stance": ids[done], "action": "reject"})
                times.append(time.perf_counter() - t)
                done += 1
            t = time.perf_counter()
            queue = session.queue()
            body = json.dumps(queue, ensure_ascii=False).encode("utf-8")
            queue_time = time.perf_counter() - t
            size = review_path(folder).stat().st_size
            print(f"{target:>18}  {statistics.median(times) * 1000:>19.0f} ms  {size / 1e6:>8.2f} MB  "
                  f"{queue_time:>6.2f} s  {len(body) / 1e6:>8.2f} MB")
        assert len(read_review(review_path(folder)).current) == done
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
