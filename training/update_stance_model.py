"""Update the shipped stance model with newly annotated news, every weight pulled toward the model it starts from.

    python training/update_stance_model.py FOLDER[:GOLD] ... [--pull 50] [--cross-validate 10] [--start MODEL] [--out MODEL]

The shipped weights were learnt from annotated folders that are not in the repository, so
news annotated later (yours, in another negotiation or another style) cannot simply be added to
them and the model learnt again; a model learnt afresh from the new folders alone forgets what
the old ones taught it (on the 70 sets annotated after version 33's weights, models learnt afresh
score F1 0.02 under the shipped one, each tenth left out in turn). This script keeps it: it
learns a change to every weight and to the intercept that minimises the log-loss on the new
folders' examples plus `pull` / 2 times the squared distance from the starting weights, a
Gaussian prior centred on the starting model. The words of a stance's sentences count twice in
that distance: they are many and each is rare, and the starting model learnt them from more
text. Features the new folders never show keep their weights.

With `--cross-validate K` it first prints, for each of K consecutive groups of the folders left
out in turn, what the starting model and a model updated on the other groups score on it at the
model's threshold and 0.05 on either side (pooled precision, recall and F1, and the share of
batches of four folders meeting the bars a batch of unseen news is held to), then the F1
difference at the threshold with a 95% bootstrap interval over folders. Compare the models at
equal precision too: an update that only trades precision for recall is a lower threshold in
disguise. The model written is updated on every folder; the threshold stays the starting
model's (training/choose_threshold.py, on folders the update did not learn from, checks it).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from train_stance_model import DEFAULT_OUT, Folder, read_folder_groups  # noqa: E402

from kg.errors import StanceGraphError  # noqa: E402
from kg.evaluation import BAR_F1, BAR_PRECISION, BatchCount, Score, folder_batches  # noqa: E402
from kg.extract.scoring import StanceModel, read_stance_model  # noqa: E402

WORD_DISTANCE = 2.0  # how much more a word feature's change counts in the distance from the starting model


def _numeric():
    try:
        import numpy
        from scipy.optimize import minimize
        from scipy.sparse import vstack
        from sklearn.feature_extraction import DictVectorizer
    except ImportError:
        raise SystemExit("update_stance_model.py: numpy, scipy and scikit-learn are needed (pip install -e '.[train]')") from None
    return numpy, minimize, vstack, DictVectorizer


class Update:
    """The examples of some folders as one matrix, and the starting model's weights for its columns."""

    def __init__(self, folders: Sequence[Folder], start: StanceModel) -> None:
        numpy, _, _, DictVectorizer = _numeric()
        self.folders = list(folders)
        self.start = start
        self.vectorizer = DictVectorizer().fit([f for folder in folders for f, _ in folder.examples] or [{}])
        self.names = self.vectorizer.feature_names_
        self.start_weights = numpy.array([start.weights.get(name, 0.0) for name in self.names])
        self.distance = numpy.array([WORD_DISTANCE if name.startswith("word=") else 1.0 for name in self.names])
        self.matrices = [self.vectorizer.transform([f for f, _ in folder.examples]).tocsr() if folder.examples else None
                         for folder in folders]
        self.labels = [numpy.array([y for _, y in folder.examples], dtype=float) for folder in folders]
        # the lenient rules' bonus, which the shipped model adds to their stances' log-odds, as an offset
        self.offsets = [numpy.array([start.bonus(f) for f, _ in folder.examples])
                        for folder in folders]

    def fit(self, indices: Iterable[int], pull: float) -> tuple[Any, float]:
        """The change to the weights (one per column) and to the intercept learnt from these folders."""
        numpy, minimize, vstack, _ = _numeric()
        used = [k for k in indices if self.matrices[k] is not None]
        if not used:
            return numpy.zeros(len(self.names)), 0.0
        matrix = vstack([self.matrices[k] for k in used]).tocsr()
        signs = 2 * numpy.concatenate([self.labels[k] for k in used]) - 1
        base = matrix @ self.start_weights + self.start.intercept + numpy.concatenate([self.offsets[k] for k in used])

        def loss(change):
            weights, intercept = change[:-1], change[-1]
            margin = signs * (base + matrix @ weights + intercept)
            slope = -signs / (1 + numpy.exp(margin))
            value = numpy.logaddexp(0, -margin).sum() + 0.5 * pull * ((self.distance * weights * weights).sum() + intercept ** 2)
            return value, numpy.concatenate([matrix.T @ slope + pull * self.distance * weights, [slope.sum() + pull * intercept]])

        found = minimize(loss, numpy.zeros(len(self.names) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
        return found.x[:-1], float(found.x[-1])

    def rated(self, k: int, change=None, intercept: float = 0.0) -> list[tuple[float, int]]:
        """Folder k's tuples rated by the starting model plus the change."""
        numpy = _numeric()[0]
        if self.matrices[k] is None:
            return []
        weights = self.start_weights if change is None else self.start_weights + change
        scores = self.matrices[k] @ weights + self.start.intercept + intercept + self.offsets[k]
        return [(float(p), int(y)) for p, y in zip(1 / (1 + numpy.exp(-scores)), self.labels[k])]


def kept(rated: list[tuple[float, int]], gold: int, threshold: float) -> Score:
    tp = sum(y for p, y in rated if p >= threshold)
    return Score(tp=tp, fp=sum(1 - y for p, y in rated if p >= threshold), fn=gold - tp)


def figures(per_folder: list[Score], batches: list[tuple[int, ...]]) -> str:
    pooled = sum(per_folder, Score(0, 0, 0))
    share = BatchCount.of(per_folder, batches=batches).meeting / len(batches) if batches else float("nan")
    return (f"tp {pooled.tp} fp {pooled.fp} P {pooled.precision:.3f} R {pooled.recall:.3f} F1 {pooled.f1:.3f};"
            f" batches meeting P >= {BAR_PRECISION} and F1 >= {BAR_F1}: {share:.3f}")


def f1_difference(before: list[Score], after: list[Score], draws: int = 2000) -> tuple[float, float, float]:
    """The pooled F1 of `after` minus that of `before`, and a 95% bootstrap interval over folders."""
    numpy = _numeric()[0]
    a = numpy.array([(s.tp, s.fp, s.fn) for s in before], dtype=float)
    b = numpy.array([(s.tp, s.fp, s.fn) for s in after], dtype=float)

    def f1(counts) -> float:
        return 2 * counts[0] / max(1.0, 2 * counts[0] + counts[1] + counts[2])

    generator = numpy.random.default_rng(0)
    differences = []
    for _ in range(draws):
        sample = generator.integers(0, len(before), len(before))
        differences.append(f1(b[sample].sum(0)) - f1(a[sample].sum(0)))
    low, high = numpy.percentile(differences, [2.5, 97.5])
    return f1(b.sum(0)) - f1(a.sum(0)), float(low), float(high)


def cross_validate(update: Update, scored: int, groups: int, pull: float, threshold: float) -> list[str]:
    """The lines that compare the starting model with models updated without each group in turn: groups of
    the first `scored` folders of the update; the others are always learnt from."""
    folders = update.folders[:scored]
    bounds = [round(k * len(folders) / groups) for k in range(groups + 1)]
    updated: list[list[tuple[float, int]]] = [[] for _ in folders]
    for first, end in zip(bounds, bounds[1:]):
        change, intercept = update.fit([k for k in range(len(update.folders)) if not first <= k < end], pull)
        for k in range(first, end):
            updated[k] = update.rated(k, change, intercept)
    batches = folder_batches(len(folders), 4) if len(folders) >= 4 else []
    lines = [f"each of {groups} groups of the {len(folders)} folders left out in turn"
             + (f" ({len(update.folders) - scored} more always learnt from)" if len(update.folders) > scored else "") + ":"]
    starting = [update.rated(k) for k in range(len(folders))]  # the starting model's ratings, once
    at: dict[float, tuple[list[Score], list[Score]]] = {}
    for point in (round(threshold - 0.05, 2), threshold, round(threshold + 0.05, 2)):
        before, after = at[point] = ([kept(r, f.gold, point) for r, f in zip(starting, folders)],
                                     [kept(r, f.gold, point) for r, f in zip(updated, folders)])
        lines += [f"  at {point:.2f}, starting model: {figures(before, batches)}",
                  f"  at {point:.2f}, updated:        {figures(after, batches)}"]
    difference, low, high = f1_difference(*at[threshold])
    return lines + [f"  F1 at {threshold:.2f}: {difference:+.3f} (95% over folders: {low:+.3f} to {high:+.3f})"]


def updated_weights(update: Update, change, intercept: float) -> tuple[dict[str, float], float]:
    weights = dict(update.start.weights)
    for name, start, delta in zip(update.names, update.start_weights, change):
        weights[name] = float(start + delta)
    rounded = {name: round(w, 4) for name, w in sorted(weights.items()) if abs(w) >= 1e-4}
    return rounded, round(update.start.intercept + intercept, 4)


def write_model(start_path: Path, out: Path, weights: Mapping[str, float], intercept: float,
                folders: Sequence[Folder], pull: float, summary: Sequence[str]) -> None:
    """The starting model's file with the updated weights and intercept, the folders of this update
    added to `updated_on`, and the update's figures added to the header."""
    text = start_path.read_text(encoding="utf-8")
    # the file opens with its comment lines (the training script writes them so), then the data
    header = [line for line in text.splitlines() if line.startswith("#")]
    header.append(f"# Updated by training/update_stance_model.py on {len(folders)} more folders"
                  f" ({sum(f.articles for f in folders)} articles; updated_on below), pull {pull}:")
    header += [f"#   {line.strip()}" for line in summary]
    data = yaml.safe_load(text) or {}
    data["intercept"] = intercept
    data["updated_on"] = list(data.get("updated_on") or []) + [
        {"folder": f.name, "articles": f.articles, "gold_tuples": f.gold, "rated_tuples": len(f.examples), "pull": pull}
        for f in folders]
    data["weights"] = dict(weights)
    order = [key for key in data if key != "weights"] + ["weights"]  # the long list last, as the training script writes it
    body = {key: data[key] for key in order}
    out.write_text("\n".join(header) + "\n" + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=120),
                   encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="FOLDER[:GOLD] of annotated articles the model has not learnt from")
    parser.add_argument("--start", type=Path, default=DEFAULT_OUT, help="the model to start from (default: the shipped one)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the updated model (default: --start)")
    # 50: on the 70 sets, each tenth left out, 30 to 300 score alike (F1 +0.009 to +0.011); 10 gains
    # less and 1 loses (the folders' own sentences are learnt)
    parser.add_argument("--pull", type=float, default=50.0, help="how strongly the weights are held to the starting ones")
    parser.add_argument("--cross-validate", type=int, default=0, metavar="K",
                        help="first compare the models with each of K groups of the folders left out in turn")
    parser.add_argument("--train-also", action="append", default=[], metavar="FOLDER[:GOLD]",
                        help="annotated folders the update learns from and --cross-validate never scores (repeat)")
    args = parser.parse_args(argv)
    if args.pull <= 0:
        parser.error("--pull must be positive")
    if args.cross_validate == 1 or args.cross_validate < 0 or args.cross_validate > len(args.folders):
        parser.error("--cross-validate needs 2 groups or more, and no more groups than folders")
    try:
        start = read_stance_model(args.start)
        folders, also = read_folder_groups(args.folders, args.train_also)
    except StanceGraphError as exc:
        print(f"update_stance_model.py: {exc}", file=sys.stderr)
        return 2
    every = folders + also
    update = Update(every, start)
    print(f"{len(every)} folders, {sum(f.articles for f in every)} articles, {sum(len(f.examples) for f in every)}"
          f" rated tuples, {sum(f.gold for f in every)} gold; {len(update.names)} features, of which"
          f" {sum(1 for name in update.names if name not in start.weights)} new to the starting model")
    summary: list[str] = []
    if args.cross_validate:
        summary = cross_validate(update, len(folders), args.cross_validate, args.pull, start.threshold)
        print("\n".join(summary))
    change, intercept = update.fit(range(len(every)), args.pull)
    weights, new_intercept = updated_weights(update, change, intercept)
    out = args.out or args.start
    write_model(args.start, out, weights, new_intercept, every, args.pull, summary)
    print(f"wrote {out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
