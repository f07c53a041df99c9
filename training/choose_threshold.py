"""Choose the stance model's operating point (threshold and co-occurrence margin) on annotated news.

    python training/choose_threshold.py FOLDER[:GOLD] ... [--batch 4] [--write [--out MODEL_FILE]]
    python training/choose_threshold.py FOLDER[:GOLD] ... --cross-validate 8 [--train-also FOLDER[:GOLD] ...]

Each FOLDER holds articles and a gold.yaml written to the annotation guideline (16 articles a
folder is what the project's sets hold). The shipped model rates every (holder, issue, polarity)
the rules and co-occurrences find; for each threshold and margin the script prints the pooled
precision, recall and F1, and the share of all batches of `--batch` folders (64 articles for
sets of 16) that meet the bars a batch of unseen news is held to: precision >= 0.75 and F1 >=
0.55. The point chosen is the one the most batches meet: precision on a batch of unseen news
lands far on either side of the pooled figure, and it is a batch, not the pool, that a user
reads. `--write` puts the chosen point into the model file; its header must then say why.

With `--cross-validate K` the ratings come not from the shipped model but from models learnt
(as training/train_stance_model.py learns) with each of K consecutive groups of the folders left
out in turn, plus the `--train-also` folders, which are learnt from and never scored: the point a
model learnt from all of them should be run at. Over 20,000 batches, a seeded sample of 20,000 is
scored.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from train_stance_model import DEFAULT_OUT, fit, read_folder_groups, scores  # noqa: E402

from kg.errors import StanceGraphError  # noqa: E402
from kg.evaluation import BAR_F1, BAR_PRECISION, BatchCount, Score, folder_batches  # noqa: E402
from kg.extract import COOCCURRENCE_RULE, load_rule_book  # noqa: E402

THRESHOLDS = (0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65)
MARGINS = (0.0, 0.05, 0.10, 0.15, 0.20)  # 0.20 with 0.50 was the point before version 30


def kept_score(rated: list[tuple[float, int, bool]], gold: int, threshold: float, margin: float) -> Score:
    """What keeping the tuples rated at least `threshold` (co-occurrences `threshold + margin`) scores."""
    return scores([(p - margin if cooccurrence else p, y) for p, y, cooccurrence in rated], gold, threshold)


def share_meeting_bars(per_folder: list[Score], batches: list[tuple[int, ...]]) -> float:
    """The share of the batches of folders whose pooled score meets both bars."""
    return BatchCount.of(per_folder, batches=batches).meeting / len(batches)


def cross_validated(folders: list, also: list, groups: int, strength: float) -> list[list[tuple[float, int, bool]]]:
    """Each folder's tuples rated by a model learnt without its group of consecutive folders."""
    bounds = [round(k * len(folders) / groups) for k in range(groups + 1)]
    rated: list[list[tuple[float, int, bool]]] = []
    for first, end in zip(bounds, bounds[1:]):
        group = folders[first:end]
        others = [e for k, f in enumerate(folders) if not first <= k < end for e in f.examples]
        vectorizer, model = fit(others + [e for f in also for e in f.examples], strength)
        for folder in group:
            probabilities = model.predict_proba(vectorizer.transform([f for f, _ in folder.examples]))[:, 1] \
                if folder.examples else []
            rated.append([(float(p), right, bool(features.get(f"rules={COOCCURRENCE_RULE}")))
                          for p, (features, right) in zip(probabilities, folder.examples)])
    return rated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="FOLDER[:GOLD] of annotated articles")
    parser.add_argument("--batch", type=int, default=4, help="folders to a batch (default 4)")
    parser.add_argument("--write", action="store_true", help="write the chosen point into the model file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the model file --write changes")
    parser.add_argument("--cross-validate", type=int, default=0, metavar="K",
                        help="rate each of K groups of the folders with a model learnt from the others")
    parser.add_argument("--train-also", action="append", default=[], metavar="FOLDER[:GOLD]",
                        help="annotated folders --cross-validate learns from and never scores (repeat)")
    parser.add_argument("--strength", type=float, default=1.0, help="inverse L2 regularisation strength (C)")
    args = parser.parse_args(argv)
    if args.batch < 1:
        parser.error("--batch must be at least 1")
    if len(args.folders) < args.batch:
        parser.error(f"need at least {args.batch} folders")
    if args.cross_validate == 1 or args.cross_validate < 0 or args.cross_validate > len(args.folders):
        parser.error("--cross-validate needs 2 groups or more, and no more groups than folders")
    if args.write and args.cross_validate:
        parser.error("--write sets the shipped model's point; after --cross-validate, learn the model with that point")
    try:
        folders, also = read_folder_groups(args.folders, args.train_also)
        rules = load_rule_book(None)
    except StanceGraphError as exc:
        print(f"choose_threshold.py: {exc}", file=sys.stderr)
        return 2
    if args.cross_validate:
        rated = cross_validated(folders, also, args.cross_validate, args.strength)
    else:
        model = rules.stance_model
        rated = [[(model.rate(features), right, bool(features.get(f"rules={COOCCURRENCE_RULE}")))
                  for features, right in folder.examples] for folder in folders]
    batches = folder_batches(len(folders), args.batch)
    print(f"{len(folders)} folders, {sum(f.articles for f in folders)} articles; {len(batches)} batches of {args.batch}"
          + (f"; rated by models learnt with each of {args.cross_validate} groups left out" if args.cross_validate else ""))
    points = []  # (share of batches meeting the bars, pooled F1, threshold, margin)
    for margin in MARGINS:
        for threshold in THRESHOLDS:
            per_folder = [kept_score(r, f.gold, threshold, margin) for r, f in zip(rated, folders)]
            pooled = sum(per_folder, Score(0, 0, 0))
            meeting = share_meeting_bars(per_folder, batches)
            print(f"threshold {threshold:.2f} margin {margin:.2f}: P {pooled.precision:.3f} R {pooled.recall:.3f}"
                  f" F1 {pooled.f1:.3f}; batches meeting P >= {BAR_PRECISION} and F1 >= {BAR_F1}: {meeting:.3f}")
            points.append((meeting, pooled.f1, threshold, margin))
    best = max(points, key=lambda point: point[:2])  # the first of equals: the lowest margin and threshold
    print(f"chosen: threshold {best[2]:.2f}, margin {best[3]:.2f} ({best[0]:.3f} of the batches meet both bars)")
    if args.write:
        text = args.out.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
        if data.get("threshold") is None or data.get("cooccurrence_margin") is None:
            print(f"choose_threshold.py: {args.out} has no threshold or cooccurrence_margin line", file=sys.stderr)
            return 2
        # line by line, so that the header and the weights stay as they are
        lines = [f"threshold: {best[2]}" if line.startswith("threshold:")
                 else f"cooccurrence_margin: {best[3]}" if line.startswith("cooccurrence_margin:") else line
                 for line in text.split("\n")]
        args.out.write_text("\n".join(lines), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
