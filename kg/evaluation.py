"""Scoring extracted stances against gold annotations on distinct (article, holder, issue, polarity) tuples."""
from __future__ import annotations

import dataclasses
import itertools
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from .errors import ArgumentError
from .model import SUGGEST_FROM, Article, Stance

if TYPE_CHECKING:
    from .dictionary import Dictionary

Tuple = tuple[str, str, str, str]

#: the bootstrap intervals `kg eval` reports: how much of the scores' mass they hold, and how many draws
INTERVAL_LEVEL = 0.95
INTERVAL_RESAMPLES = 1000


def stance_tuple(stance: Stance) -> Tuple:
    """What scoring compares: (article, holder, issue, polarity)."""
    return (stance.source_id, stance.holder, stance.issue, stance.polarity.value)


@dataclass(frozen=True)
class Score:
    """True positives, false positives and misses, with the ratios they give."""

    tp: int
    fp: int
    fn: int

    @classmethod
    def of(cls, predicted: Iterable[Any], gold: Iterable[Any]) -> "Score":
        """The score of a set of predicted items against the gold items."""
        predicted, gold = set(predicted), set(gold)
        return cls(tp=len(predicted & gold), fp=len(predicted - gold), fn=len(gold - predicted))

    def __add__(self, other: "Score") -> "Score":
        """Two scores pooled: their counts summed (scores of disjoint sets of articles)."""
        return Score(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


#: the bars a batch of news the extractor has not seen is held to: precision, then F1
BAR_PRECISION, BAR_F1 = 0.75, 0.55
#: how many folders a batch pools by default (64 articles for sets of 16)
BATCH_FOLDERS = 4
#: past this many batches of folders, a seeded sample of this many is counted
MOST_BATCHES = 20_000


def meets_bars(score: Score) -> bool:
    """Whether a pooled score meets both bars for unseen news."""
    return score.precision >= BAR_PRECISION and score.f1 >= BAR_F1


#: the ratings `kg eval` shows the scores at besides the stance model's own threshold
SWEEP_THRESHOLDS = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)


def threshold_sweep(rated: Mapping[Tuple, float], gold: Iterable[Tuple],
                    thresholds: Iterable[float] = SWEEP_THRESHOLDS) -> list[tuple[float, Score]]:
    """What keeping the tuples rated at least each threshold would score (`rated`: every tuple the rules
    and co-occurrences found, kept or dropped, with the stance model's rating)."""
    gold = set(gold)
    return [(t, Score.of((k for k, rating in rated.items() if rating >= t), gold)) for t in thresholds]


def best_at_bar_precision(rated: Mapping[Tuple, float], gold: Iterable[Tuple]) -> tuple[float, Score] | None:
    """The threshold, among the ratings found, whose tuples reach precision BAR_PRECISION with the highest
    F1 (the lowest such threshold on a tie), or None when none reaches it: on a batch that misses a bar,
    whether another operating point would have met both."""
    gold = set(gold)
    ordered = sorted(rated.items(), key=lambda item: -item[1])
    best: tuple[float, Score] | None = None
    tp = fp = 0
    total = len(gold)
    for n, (key, rating) in enumerate(ordered):
        tp += key in gold
        fp += key not in gold
        if n + 1 < len(ordered) and ordered[n + 1][1] == rating:
            continue  # a threshold keeps every tuple of its rating, never some of them
        score = Score(tp=tp, fp=fp, fn=total - tp)
        if score.precision >= BAR_PRECISION and (best is None or score.f1 >= best[1].f1):
            best = (rating, score)
    return best


def folder_batches(folders: int, size: int) -> list[tuple[int, ...]]:
    """Every batch of `size` of `folders` folders (indices, in `itertools.combinations` order), or past
    MOST_BATCHES a seeded sample of that many: the one `random.Random(0).sample` draws from the full list,
    found without making that list (91 folders in fours are 2.7 million batches)."""
    if size < 1:
        return []
    total = math.comb(folders, size)
    if total <= MOST_BATCHES:
        return list(itertools.combinations(range(folders), size))
    return [_combination_at(index, folders, size) for index in random.Random(0).sample(range(total), MOST_BATCHES)]


def _combination_at(index: int, n: int, k: int) -> tuple[int, ...]:
    """The combination at `index` in the order `itertools.combinations(range(n), k)` yields them."""
    chosen: list[int] = []
    item = 0
    while k:
        # combinations that start with `item` here: the rest drawn from the items after it
        starting = math.comb(n - item - 1, k - 1)
        if index < starting:
            chosen.append(item)
            k -= 1
        else:
            index -= starting
        item += 1
    return tuple(chosen)


@dataclass(frozen=True)
class BatchCount:
    """How many batches of `size` folders, each scored pooled, meet both bars for unseen news, and how the
    others miss: on F1 alone, on precision alone or on both."""

    size: int
    batches: int
    meeting: int
    f1_only: int
    precision_only: int
    both: int
    sampled: bool  # a seeded sample of MOST_BATCHES batches, not all of them

    @classmethod
    def of(cls, per_folder: Sequence[Score], size: int = BATCH_FOLDERS,
           batches: Sequence[tuple[int, ...]] | None = None) -> "BatchCount | None":
        """The count over every batch of `size` of the folders' scores (`folder_batches`), or over the
        `batches` given (made once by a caller that counts many ratings of the same folders); None with
        `size` folders or fewer and no batches given (one batch is the pool itself)."""
        if batches is None:
            if size < 1 or len(per_folder) <= size:
                return None
            batches = folder_batches(len(per_folder), size)
        kinds: Counter[tuple[bool, bool]] = Counter()
        for batch in batches:
            pooled = sum((per_folder[k] for k in batch), Score(0, 0, 0))
            kinds[(pooled.precision >= BAR_PRECISION, pooled.f1 >= BAR_F1)] += 1
        return cls(size=size, batches=len(batches), meeting=kinds[(True, True)], f1_only=kinds[(True, False)],
                   precision_only=kinds[(False, True)], both=kinds[(False, False)],
                   sampled=len(batches) < math.comb(len(per_folder), size))

    def to_dict(self) -> dict[str, Any]:
        return {"size": self.size, "batches": self.batches, "meeting": self.meeting, "f1_only": self.f1_only,
                "precision_only": self.precision_only, "both": self.both, "sampled": self.sampled,
                "bars": {"precision": BAR_PRECISION, "f1": BAR_F1}}

    def format_text(self) -> str:
        counted = f"a seeded sample of {self.batches:,}" if self.sampled else f"{self.batches:,}"
        line = (f"batches of {self.size} folders meeting precision >= {BAR_PRECISION} and F1 >= {BAR_F1}: "
                f"{self.meeting:,} of {counted}")
        missing = self.batches - self.meeting
        if missing:
            line += (f"; of the {missing:,} that miss, {self.f1_only:,} on F1 alone, {self.precision_only:,} on "
                     f"precision alone, {self.both:,} on both")
        return line


@dataclass
class EvaluationReport:
    """Scores on distinct (article, holder, issue, polarity) tuples, with what went wrong and where.

    `overall` is micro-averaged over all tuples; `macro` averages per-article precision, recall
    and F1; `explicit` leaves out the gold tuples that rest only on entries whose note begins
    "Implicit:" (and does not count finding them as errors); `conditions` scores the conditions
    of the conditional tuples both sides have."""

    overall: Score
    per_issue: dict[str, Score]
    overlapping: int
    per_polarity: dict[str, Score] = field(default_factory=dict)
    # folder label -> its own scores, when several folders are scored as one (batches differ a lot)
    per_folder: dict[str, Score] = field(default_factory=dict)
    misses: dict[Tuple, list[str]] = field(default_factory=dict)
    false_positives: dict[Tuple, list[str]] = field(default_factory=dict)
    macro: tuple[float, float, float] = (0.0, 0.0, 0.0)
    explicit: Score | None = None
    conditions: Score | None = None
    errors: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    unscored: dict[str, int] = field(default_factory=dict)  # holder -> stances left unscored (outside the contract)
    # confidence band -> (right, found): how often a tuple is right by the highest confidence of its stances
    by_confidence: dict[str, tuple[int, int]] = field(default_factory=dict)
    # measure -> (low, high): the bootstrap interval of the micro scores over articles
    interval: dict[str, tuple[float, float]] = field(default_factory=dict)
    # missed tuple -> (rating, rating needed): misses the rules or co-occurrences found and the stance model dropped
    dropped_misses: dict[Tuple, tuple[float, float]] = field(default_factory=dict)
    # (offered, right): the dropped tuples rated SUGGEST_FROM or more, which `kg review` offers an analyst
    suggestions: tuple[int, int] | None = None
    # every tuple found, kept or dropped, with its rating (the stance model on): the scores at other thresholds
    rated: dict[Tuple, float] = field(default_factory=dict, repr=False)
    model_threshold: float | None = None
    predicted: frozenset[Tuple] = field(default=frozenset(), repr=False)  # the distinct tuples scored
    gold: frozenset[Tuple] = field(default=frozenset(), repr=False)
    between_annotators: bool = False  # a second annotation scored against a first (`evaluate_agreement`)
    # folders a batch pools when several are scored (0: no count); a batch of unseen news is what a user reads
    batch_size: int = BATCH_FOLDERS

    @property
    def batches(self) -> BatchCount | None:
        """How many batches of `batch_size` of the scored folders meet both bars (not between annotators)."""
        if self.between_annotators or not self.per_folder:
            return None
        return BatchCount.of(list(self.per_folder.values()), self.batch_size)

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        listing = lambda items: [  # noqa: E731 - local formatting helper
            {"article": t[0], "holder": t[1], "issue": t[2], "polarity": t[3], "quotes": quotes}
            for t, quotes in sorted(items.items())]
        p, r, f = self.macro
        return {
            "overall": self.overall.to_dict(),
            "macro": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "articles": self.articles},
            "without_implicit": self.explicit.to_dict() if self.explicit else None,
            "conditions": self.conditions.to_dict() if self.conditions else None,
            "errors": dict(sorted(self.errors.items())),
            "per_issue": {issue: score.to_dict() for issue, score in sorted(self.per_issue.items())},
            "per_polarity": {polarity: self.per_polarity[polarity].to_dict()
                             for polarity in sorted(self.per_polarity, key=_polarity_rank)},
            "per_folder": {label: score.to_dict() for label, score in self.per_folder.items()},
            "batches": batches.to_dict() if (batches := self.batches) else None,
            "quote_overlap": {"matched": self.overall.tp, "overlapping": self.overlapping},
            "unscored": dict(sorted(self.unscored.items())),
            "by_confidence": {band: {"right": right, "found": found} for band, (right, found) in self.by_confidence.items()},
            "interval": {"level": INTERVAL_LEVEL, "resamples": INTERVAL_RESAMPLES,
                         **{name: [round(low, 4), round(high, 4)] for name, (low, high) in self.interval.items()}}
            if self.interval else None,
            "misses": listing(self.misses),
            "false_positives": listing(self.false_positives),
            "dropped_misses": [{"article": t[0], "holder": t[1], "issue": t[2], "polarity": t[3], "rating": rating,
                                "needed": needed} for t, (rating, needed) in sorted(self.dropped_misses.items())],
            "suggestions": {"from": SUGGEST_FROM, "offered": self.suggestions[0], "right": self.suggestions[1]}
            if self.suggestions else None,
            "thresholds": self._thresholds_data() if self.rated else None,
        }

    def _thresholds_data(self) -> dict[str, Any]:
        best = best_at_bar_precision(self.rated, self.gold)
        return {"model": self.model_threshold,
                "sweep": [{"threshold": t, **score.to_dict()} for t, score in threshold_sweep(self.rated, self.gold)],
                "best_at_bar_precision": {"threshold": round(best[0], 4), **best[1].to_dict()} if best else None,
                "any_meets_both_bars": bool(best and meets_bars(best[1]))}

    def _thresholds_text(self) -> str:
        """The scores at other thresholds of the stance model's rating, and whether any meets both bars."""
        sweep = "; ".join(f"{t:.2f}{'*' if self.model_threshold is not None and abs(t - self.model_threshold) < 1e-9 else ''} "
                          f"{score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f}"
                          for t, score in threshold_sweep(self.rated, self.gold))
        best = best_at_bar_precision(self.rated, self.gold)
        if best is None:
            verdict = f"no threshold reaches precision {BAR_PRECISION}"
        else:
            meets = meets_bars(best[1])
            # an F1 just under the bar would print as the bar itself at three places
            f1 = f"{best[1].f1:.4f}" if not meets and round(best[1].f1, 3) >= BAR_F1 else f"{best[1].f1:.3f}"
            verdict = (f"the best F1 at precision {BAR_PRECISION} or more is {f1} (rated {best[0]:.2f} or more, "
                       f"{best[1].precision:.3f} / {best[1].recall:.3f})" + ("" if meets else ": no threshold meets both bars"))
        return f"at other thresholds of the stance model's rating (* the model's own): {sweep}; {verdict}"

    def format_text(self, show: bool = False) -> str:
        """A readable table; with `show`, the misses and false positives with their quotes."""
        rows = [("issue", "tp", "fp", "fn", "precision", "recall", "f1")]
        for issue, score in sorted(self.per_issue.items()):
            rows.append((issue, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}",
                         f"{score.recall:.3f}", f"{score.f1:.3f}"))
        o = self.overall
        rows.append(("overall", str(o.tp), str(o.fp), str(o.fn), f"{o.precision:.3f}", f"{o.recall:.3f}", f"{o.f1:.3f}"))
        if self.explicit is not None:
            e = self.explicit
            rows.append(("without Implicit:", str(e.tp), str(e.fp), str(e.fn), f"{e.precision:.3f}", f"{e.recall:.3f}", f"{e.f1:.3f}"))
        if self.articles:
            p, r, f = self.macro
            rows.append((f"macro ({self.articles} articles)", "", "", "", f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"))
        if self.conditions is not None:
            c = self.conditions
            rows.append(("conditions", str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"))
        lines = aligned_table(rows, rules_after=(0, len(self.per_issue)))
        if self.interval:
            lines.append(f"{INTERVAL_LEVEL:.0%} bootstrap interval over articles ({INTERVAL_RESAMPLES} draws): " + ", ".join(
                f"{name} {low:.3f}-{high:.3f}" for name, (low, high) in self.interval.items()))
        if self.per_polarity:
            # oppose and conditional stances are few and found less often: worth seeing apart from support
            lines.append("by polarity: " + "; ".join(
                f"{name} {score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f} (tp {score.tp}, fp {score.fp}, fn {score.fn})"
                for name, score in sorted(self.per_polarity.items(), key=lambda item: _polarity_rank(item[0]))))
        if self.per_folder:
            # a table, not a line: a pooled run over many folders is read down its columns
            lines.append("by folder:")
            lines.extend("  " + line for line in aligned_table(
                [("folder", "tp", "fp", "fn", "precision", "recall", "f1")]
                + [(label, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}", f"{score.recall:.3f}",
                    f"{score.f1:.3f}") for label, score in self.per_folder.items()], rules_after=(0,)))
            if (batches := self.batches) is not None:
                lines.append(batches.format_text())
        lines.append(("tuples both wrote whose quotes overlap" if self.between_annotators
                      else "matched tuples whose quote overlaps a gold quote") + f": {self.overlapping} of {o.tp}")
        if self.errors:
            lines.append(("differences, the second against the first: " if self.between_annotators else "errors: ")
                         + ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())))
        if self.dropped_misses:
            ratings = [rating for rating, _ in self.dropped_misses.values()]
            lines.append(f"missed tuples found and dropped by the stance model: {len(self.dropped_misses)} of "
                         f"{len(self.misses)} (rated {min(ratings):.2f} to {max(ratings):.2f}; `kg extract --dropped FILE` "
                         "says why)")
        if self.suggestions and self.suggestions[0]:
            offered, right = self.suggestions
            reachable = (o.tp + right) / (o.tp + o.fn) if o.tp + o.fn else 0.0
            lines.append(f"review suggestions (dropped, rated {SUGGEST_FROM} or more; `kg review` offers them): {offered}, "
                         f"{right} of them right ({right / offered:.2f}); accepting those takes recall from "
                         f"{o.recall:.3f} to {reachable:.3f}")
        if self.rated:
            lines.append(self._thresholds_text())
        if self.by_confidence:
            lines.append("right by confidence: " + "; ".join(
                f"{band}: {right} of {found} ({right / found:.2f})" for band, (right, found) in self.by_confidence.items()))
        if self.unscored:
            lines.append("not scored (holders outside the contract, sg:OutsideActor in the dictionary): "
                         + ", ".join(f"{k} {v}" for k, v in sorted(self.unscored.items())))
        if show:
            titles = (("the first annotation alone", "the second annotation alone") if self.between_annotators
                      else ("missed (in gold, not found)", "false positives (found, not in gold)"))
            for title, items, rated in ((titles[0], self.misses, self.dropped_misses),
                                        (titles[1], self.false_positives, {})):
                lines.append("")
                lines.append(f"{title}: {len(items)}")
                for t, quotes in sorted(items.items()):
                    dropped = rated.get(t)
                    lines.append(f"  {t[0]}  {t[1]}  {t[2]}  {t[3]}"
                                 + (f"  (found, rated {dropped[0]:.2f}, needs {dropped[1]:.2f})" if dropped else ""))
                    for quote in quotes:
                        lines.append(f"      \"{quote}\"")
        return "\n".join(lines)


def _error_kinds(false_positives: Iterable[Tuple], misses: Iterable[Tuple]) -> dict[str, int]:
    """Each false positive as wrong holder / issue / polarity (a gold tuple differs in that one
    place) or spurious; each miss that no false positive explains as missing."""
    misses = set(misses)
    counts = {"wrong holder": 0, "wrong issue": 0, "wrong polarity": 0, "spurious": 0, "missing": 0}
    explained: set[Tuple] = set()
    for fp in sorted(false_positives):
        for kind, position in (("wrong polarity", 3), ("wrong holder", 1), ("wrong issue", 2)):
            near = [m for m in misses if all(m[k] == fp[k] for k in range(4) if k != position)]
            if near:
                counts[kind] += 1
                explained.update(near)
                break
        else:
            counts["spurious"] += 1
    counts["missing"] = len(misses - explained)
    return counts


def _macro(predicted: set[Tuple], gold: set[Tuple]) -> tuple[tuple[float, float, float], int]:
    articles = sorted({t[0] for t in gold} | {t[0] for t in predicted})
    if not articles:
        return (0.0, 0.0, 0.0), 0
    scores = []
    for article in articles:
        p = {t for t in predicted if t[0] == article}
        g = {t for t in gold if t[0] == article}
        scores.append(Score.of(p, g))
    n = len(scores)
    return (sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n, sum(s.f1 for s in scores) / n), n


def added_by(on: EvaluationReport, off: EvaluationReport) -> dict[str, Any]:
    """What the rules switched on in `on` and off in `off` add: the change of each count and score,
    with the bootstrap interval of the score changes (both scored on the same draws of articles)."""
    a, b = on.overall, off.overall
    interval = difference_interval(on.predicted, off.predicted, on.gold | off.gold)
    return {"tp": a.tp - b.tp, "fp": a.fp - b.fp, "fn": a.fn - b.fn,
            **{name: round(getattr(a, name) - getattr(b, name), 4) for name in ("precision", "recall", "f1")},
            "interval": {name: [round(low, 4), round(high, 4)] for name, (low, high) in interval.items()}}


def aligned_table(rows: list[tuple[str, ...]], rules_after: tuple[int, ...]) -> list[str]:
    """Rows as aligned lines (first column left, the others right), a rule of dashes after the given rows."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
        if n in rules_after:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def format_added(added: Mapping[str, Any], changed: Iterable[str], label: str | None = None) -> str:
    """`added_by` as one line: "what RULE add(s): tp +3, fp -1, precision +0.010 (-0.004 to +0.025), ...";
    `label` words the start of the line instead ("what this ontology adds over OTHER")."""
    interval = added["interval"]

    def score(name: str) -> str:
        text = f"{name} {added[name]:+.3f}"
        return text + (f" ({interval[name][0]:+.3f} to {interval[name][1]:+.3f})" if name in interval else "")

    return (f"{label or 'what ' + ', '.join(changed) + ' add(s)'}: tp {added['tp']:+d}, fp {added['fp']:+d}, "
            + ", ".join(score(name) for name in ("precision", "recall", "f1"))
            + (f"  [{INTERVAL_LEVEL:.0%} bootstrap intervals over articles]" if interval else ""))


def article_interval(predicted: Iterable[Tuple], gold: Iterable[Tuple], resamples: int = INTERVAL_RESAMPLES,
                     level: float = INTERVAL_LEVEL, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap interval of micro precision, recall and F1 over articles.

    A score on a few dozen articles moves a lot with which articles they are; drawing the articles
    again with replacement (the tuples of one article stay together) shows how much. The seed is
    fixed, so the same input gives the same interval. Empty with fewer than two articles."""
    return _bootstrap([set(predicted)], set(gold), resamples, level, seed)


def difference_interval(predicted: Iterable[Tuple], baseline: Iterable[Tuple], gold: Iterable[Tuple],
                        resamples: int = INTERVAL_RESAMPLES, level: float = INTERVAL_LEVEL,
                        seed: int = 0) -> dict[str, tuple[float, float]]:
    """Bootstrap interval of what `predicted` scores above `baseline` (precision, recall, F1), both
    scored on the same draws of articles: an interval that holds 0 is a change the data cannot tell
    from chance."""
    return _bootstrap([set(predicted), set(baseline)], set(gold), resamples, level, seed)


def _bootstrap(predictions: list[set[Tuple]], gold: set[Tuple], resamples: int, level: float,
               seed: int) -> dict[str, tuple[float, float]]:
    """The interval of the scores of predictions[0] (less those of predictions[1], when given)."""
    articles = sorted({t[0] for t in gold}.union(*({t[0] for t in p} for p in predictions)))
    if len(articles) < 2:
        return {}
    # per article and prediction: (tp, fp, fn)
    counts = {a: [[0, 0, 0] for _ in predictions] for a in articles}
    for n, predicted in enumerate(predictions):
        for t in predicted | gold:
            counts[t[0]][n][0 if t in predicted and t in gold else 1 if t in predicted else 2] += 1
    rows = [counts[a] for a in articles]
    draw = random.Random(seed)
    samples: dict[str, list[float]] = {"precision": [], "recall": [], "f1": []}
    for _ in range(resamples):
        totals = [[0, 0, 0] for _ in predictions]
        for row in draw.choices(rows, k=len(rows)):
            for total, part in zip(totals, row):
                total[0], total[1], total[2] = total[0] + part[0], total[1] + part[1], total[2] + part[2]
        scores = [Score(tp=tp, fp=fp, fn=fn) for tp, fp, fn in totals]
        for name in samples:
            value = getattr(scores[0], name)
            samples[name].append(value - getattr(scores[1], name) if len(scores) > 1 else value)
    tail = (1 - level) / 2
    low, high = int(tail * resamples), min(resamples - 1, int((1 - tail) * resamples))
    return {name: (sorted(values)[low], sorted(values)[high]) for name, values in samples.items()}


def _condition_tuples(stances: Iterable[Stance]) -> set[tuple[str, str, str, str]]:
    return {(s.source_id, s.holder, s.issue, s.condition or "") for s in stances if s.polarity.value == "conditional"}


def evaluate(predicted: Iterable[Stance], gold: Iterable[Stance]) -> EvaluationReport:
    """Precision, recall and F1 of predicted stances against gold, overall and per issue."""
    predicted = list(predicted)
    gold = list(gold)
    predicted_by: dict[Tuple, list[Stance]] = {}
    for stance in predicted:
        predicted_by.setdefault(stance_tuple(stance), []).append(stance)
    gold_by: dict[Tuple, list[Stance]] = {}
    for stance in gold:
        gold_by.setdefault(stance_tuple(stance), []).append(stance)
    matched = predicted_by.keys() & gold_by.keys()
    per_issue = _split_by(2, set(predicted_by), set(gold_by), matched)
    overlapping = 0
    for t in matched:
        if any(p.char_start < g.char_end and g.char_start < p.char_end for p in predicted_by[t] for g in gold_by[t]):
            overlapping += 1
    overall = Score(tp=len(matched), fp=len(predicted_by.keys() - matched), fn=len(gold_by.keys() - matched))
    quotes = lambda stances: sorted({s.quote for s in stances})  # noqa: E731 - local helper
    implicit_only = {t for t, stances in gold_by.items() if all(_implicit(s) for s in stances)}
    explicit_gold = gold_by.keys() - implicit_only
    explicit_predicted = predicted_by.keys() - implicit_only
    macro, articles = _macro(set(predicted_by), set(gold_by))
    matched_conditional = {(t[0], t[1], t[2]) for t in matched if t[3] == "conditional"}
    predicted_conditions = {c for c in _condition_tuples(predicted) if c[:3] in matched_conditional}
    gold_conditions = {c for c in _condition_tuples(gold) if c[:3] in matched_conditional}
    return EvaluationReport(
        overall=overall,
        per_issue=per_issue,
        per_polarity=_split_by(3, set(predicted_by), set(gold_by), matched),
        overlapping=overlapping,
        misses={t: quotes(gold_by[t]) for t in gold_by.keys() - matched},
        false_positives={t: quotes(predicted_by[t]) for t in predicted_by.keys() - matched},
        macro=macro,
        articles=articles,
        explicit=Score.of(explicit_predicted, explicit_gold),
        conditions=Score.of(predicted_conditions, gold_conditions),
        errors=_error_kinds(predicted_by.keys() - matched, gold_by.keys() - matched),
        by_confidence=_by_confidence(predicted_by, matched),
        interval=article_interval(predicted_by, gold_by),
        predicted=frozenset(predicted_by),
        gold=frozenset(gold_by),
    )


def _polarity_rank(polarity: str) -> tuple[int, str]:
    return (POLARITY_ORDER.index(polarity) if polarity in POLARITY_ORDER else len(POLARITY_ORDER), polarity)


def _split_by(position: int, predicted: set[Tuple], gold: set[Tuple], matched: set[Tuple]) -> dict[str, Score]:
    """The scores of the tuples grouped by one of their parts (2: issue, 3: polarity)."""
    return {
        value: Score(
            tp=sum(1 for t in matched if t[position] == value),
            fp=sum(1 for t in predicted - matched if t[position] == value),
            fn=sum(1 for t in gold - matched if t[position] == value),
        )
        for value in {t[position] for t in predicted | gold}
    }


#: the order `kg eval` lists polarities in
POLARITY_ORDER = ("support", "oppose", "conditional")


#: the confidence bands `kg eval` reports precision in, highest first
CONFIDENCE_BANDS = ((0.8, "0.8-1.0"), (0.6, "0.6-0.8"), (0.4, "0.4-0.6"), (0.0, "under 0.4"))


def _by_confidence(predicted_by: Mapping[Tuple, list[Stance]], matched: set[Tuple]) -> dict[str, tuple[int, int]]:
    """(right, found) tuples per confidence band, a tuple counted at the highest confidence of its stances."""
    counts: dict[str, list[int]] = {}
    for t, stances in predicted_by.items():
        confidence = max(s.confidence for s in stances)
        band = next(name for low, name in CONFIDENCE_BANDS if confidence >= low)
        counts.setdefault(band, [0, 0])
        counts[band][0] += t in matched
        counts[band][1] += 1
    return {name: (counts[name][0], counts[name][1]) for _, name in CONFIDENCE_BANDS if name in counts}


def _implicit(stance: Stance) -> bool:
    """Whether a gold entry is read from being party to a deal rather than stated (ANNOTATION.md)."""
    return (stance.note or "").lstrip().startswith("Implicit:")


def evaluate_folder(sources_dir: Path | str, gold_path: Path | str, ontology_dir: Path | None = None,
                    ablate: Iterable[str] = (), enable: Iterable[str] = ()) -> EvaluationReport:
    """Extract a source folder with no curated input and score it on the articles the gold file covers.

    `ablate` switches rules off by id, to measure what each adds; `enable` switches rules on, those
    shipped switched off included. A review file (`kg review`) is gold too: see `kg.review.evaluate_review`."""
    from .review import evaluate_review, is_review_file

    ablate, enable = tuple(ablate), tuple(enable)
    if is_review_file(gold_path) and not ablate and not enable:
        return evaluate_review(sources_dir, gold_path, ontology_dir=ontology_dir)
    return _score_folders([(Path(sources_dir), Path(gold_path))], ontology_dir, ablate, enable)


def evaluate_folders(folders: Sequence[tuple[Path | str, Path | str]], ontology_dir: Path | None = None,
                     ablate: Iterable[str] = (), enable: Iterable[str] = ()) -> EvaluationReport:
    """Score several annotated folders as one: each (source folder, gold file) is extracted and
    scored as by `evaluate_folder`, and the tuples of all of them are pooled (an article is named
    `FOLDER/STEM` when there are several folders, so two folders may hold the same stem). Intervals
    draw the articles of all folders."""
    from .review import is_review_file

    pairs = [(Path(sources), Path(gold)) for sources, gold in folders]
    if len(pairs) == 1:
        return evaluate_folder(*pairs[0], ontology_dir=ontology_dir, ablate=ablate, enable=enable)
    for _, gold_path in pairs:
        if is_review_file(gold_path):
            raise ArgumentError(f"{gold_path}: a review file is scored on its own folder only")
    if len({sources.resolve() for sources, _ in pairs}) < len(pairs):
        raise ArgumentError("a source folder is given twice: each folder is scored once")
    return _score_folders(pairs, ontology_dir, tuple(ablate), tuple(enable),
                          labels=_folder_labels([sources for sources, _ in pairs]))


def _score_folders(pairs: Sequence[tuple[Path, Path]], ontology_dir: Path | None, ablate: tuple[str, ...],
                   enable: tuple[str, ...], labels: Sequence[str] | None = None) -> EvaluationReport:
    """Extract each folder with no curated input and score all of them together; with `labels`, each
    folder's articles are named `LABEL/STEM`."""
    from .dictionary import load_dictionary
    from .extract import extract_many, load_lexicon, load_rule_book

    dictionary, lexicon, rules = load_dictionary(ontology_dir), load_lexicon(ontology_dir), load_rule_book(ontology_dir)
    if enable:
        rules = rules.including(enable)
    if ablate:
        rules = rules.without(ablate)
    predicted: list[Stance] = []
    gold: list[Stance] = []
    unscored: Counter[str] = Counter()
    dropped: dict[Tuple, tuple[float, float]] = {}
    for n, (sources, gold_path) in enumerate(pairs):
        folder = load_gold_folder(sources, gold_path, dictionary)
        prefix = f"{labels[n]}/" if labels else ""

        def named(stance: Stance) -> Stance:
            return dataclasses.replace(stance, source_id=prefix + stance.source_id) if prefix else stance

        for stances, rated_low in extract_many(folder.articles.values(), dictionary, lexicon, rules, with_dropped=True):
            for stance in stances:
                if scored_holder(dictionary, folder, stance.holder):
                    predicted.append(named(stance))
                else:
                    unscored[stance.holder] += 1
            for item in rated_low:
                if scored_holder(dictionary, folder, item.stance.holder):
                    dropped[stance_tuple(named(item.stance))] = (item.rating, item.needed)
        gold.extend(named(s) for s in scored_gold(dictionary, folder))
    report = evaluate(predicted, gold)
    report.unscored = dict(unscored)
    report.dropped_misses = {t: dropped[t] for t in sorted(report.misses) if t in dropped}
    offered = [t for t, (rating, _) in dropped.items() if rating >= SUGGEST_FROM]
    report.suggestions = (len(offered), sum(1 for t in offered if t in report.gold))
    model = rules.stance_model if rules.enabled("stance_model") else None
    if model is not None:
        # a kept stance's confidence is its tuple's rating; a dropped one needing more than the threshold
        # (a co-occurrence, by the model's margin) counts as rated that much lower, as the model keeps it
        kept: dict[Tuple, float] = {}
        for stance in predicted:
            t = stance_tuple(stance)
            kept[t] = max(kept.get(t, 0.0), stance.confidence)
        report.rated = {**{t: rating - (needed - model.threshold) for t, (rating, needed) in dropped.items()}, **kept}
        report.model_threshold = model.threshold
    if labels:
        report.per_folder = _per_folder(report, labels)
    return report


def _per_folder(report: EvaluationReport, labels: Sequence[str]) -> dict[str, Score]:
    """Each folder's own score in a pooled report, its articles named `LABEL/STEM`."""
    return {label: Score.of((t for t in report.predicted if t[0].startswith(f"{label}/")),
                            (t for t in report.gold if t[0].startswith(f"{label}/")))
            for label in labels}


def evaluate_agreement(folders: Sequence[tuple[Path | str, Path | str, Path | str]],
                       ontology_dir: Path | None = None) -> EvaluationReport:
    """How far two annotations of the same articles agree: each (source folder, first gold file, second
    gold file) is read, and the second annotator's tuples are scored against the first's as extraction is
    (found: tuples both wrote; false positives: the second's alone; misses: the first's alone; F1 is the
    same either way round). Only articles both files cover count, and a holder either file leaves unscored
    is left out of both. "Without Implicit:" leaves out the tuples that either annotator rests only on
    "Implicit:" entries. Several folders are pooled, their articles named `FOLDER/STEM`."""
    from .dictionary import load_dictionary
    from .sources import load_articles

    dictionary = load_dictionary(ontology_dir)
    labels = _folder_labels([Path(sources) for sources, _, _ in folders]) if len(folders) > 1 else [""]
    first: list[Stance] = []
    second: list[Stance] = []
    for label, (sources, gold_path, other_path) in zip(labels, folders):
        articles = {a.source_id: a for a in load_articles(sources).articles}  # read once for both files
        reference = load_gold_folder(sources, gold_path, dictionary, articles)
        other = load_gold_folder(sources, other_path, dictionary, articles)
        shared = reference.articles.keys() & other.articles.keys()

        def kept(stances: Iterable[Stance]) -> list[Stance]:
            return [dataclasses.replace(s, source_id=f"{label}/{s.source_id}") if label else s for s in stances
                    if s.source_id in shared and scored_holder(dictionary, reference, s.holder)
                    and scored_holder(dictionary, other, s.holder)]

        first.extend(kept(reference.stances))
        second.extend(kept(other.stances))
    report = evaluate(second, first)
    implicit = _implicit_only(first) | _implicit_only(second)
    report.explicit = Score.of(report.predicted - implicit, report.gold - implicit)
    report.by_confidence = {}  # every annotated stance has confidence 1
    report.between_annotators = True
    if len(folders) > 1:
        report.per_folder = _per_folder(report, labels)
    return report


def _implicit_only(stances: Iterable[Stance]) -> set[Tuple]:
    """The tuples whose every entry is an "Implicit:" one."""
    by_tuple: dict[Tuple, list[bool]] = {}
    for stance in stances:
        by_tuple.setdefault(stance_tuple(stance), []).append(_implicit(stance))
    return {t for t, flags in by_tuple.items() if all(flags)}


def _outside(dictionary: Any, holder: str) -> bool:
    """Whether the dictionary marks a holder as outside the scored list (sg:OutsideActor)."""
    actor = dictionary.actors.get(holder)
    return actor is not None and actor.outside


def scored_holder(dictionary: Any, folder: "GoldFolder", holder: str) -> bool:
    """Whether the extractor's stances of a holder are scored against the folder's gold: not those of an
    actor the dictionary marks as outside the scored list (the guideline files them under other_statements,
    as China), nor those of an `other:<id>` holder of the gold file that names no listed actor. An `other:`
    holder does not unscore a listed actor: the guideline files a listed actor's stance on an issue with no
    contract id there too ("other:Egypt" rejecting displacement)."""
    return not _outside(dictionary, holder) and not (holder in folder.unscored and holder not in dictionary.actors)


def scored_gold(dictionary: Any, folder: "GoldFolder") -> list[Stance]:
    """The folder's gold stances that are scored: a gold file that scores an actor outside the scored list
    anyway is not held against the extractor either."""
    return [s for s in folder.stances if not _outside(dictionary, s.holder)]


def gold_folders(specs: Sequence[str], gold: Path | str | None = None) -> list[tuple[Path, Path]]:
    """The (source folder, gold file) pairs `kg eval` scores, from `FOLDER` or `FOLDER:GOLD` specs.

    A folder without its own `:GOLD` takes `gold` when it is the only folder, else the `gold.yaml`
    inside it."""
    pairs = []
    for spec in specs:
        folder, gold_path = Path(spec), None
        if not folder.is_dir() and ":" in spec:
            head, _, tail = spec.rpartition(":")
            folder, gold_path = Path(head), Path(tail)
        if not folder.is_dir():
            raise ArgumentError(f"{folder}: no such source folder")
        if gold_path is not None and gold is not None:
            raise ArgumentError(f"{spec}: the gold file is named twice, here and by --gold")
        if gold_path is None and gold is not None:
            if len(specs) > 1:
                raise ArgumentError("--gold names the gold file of one folder: give each of several folders "
                                      "its own as FOLDER:GOLD, or a gold.yaml inside it")
            gold_path = Path(gold)
        if gold_path is None:
            gold_path = folder / "gold.yaml"
            if not gold_path.is_file():
                raise ArgumentError(f"{folder}: no gold file (give --gold FILE, {folder}:GOLD, or put a gold.yaml in it)")
        pairs.append((folder, gold_path))
    return pairs


def agreement_folders(specs: Sequence[str]) -> list[tuple[Path, Path, Path]]:
    """The (source folder, first gold file, second gold file) triples `kg agree` compares, from
    `FOLDER:SECOND` (the first is FOLDER/gold.yaml) or `FOLDER:FIRST:SECOND` specs."""
    triples = []
    for spec in specs:
        parts = spec.split(":")
        if len(parts) not in (2, 3) or not all(parts):
            raise ArgumentError(f"{spec}: expected FOLDER:SECOND_GOLD or FOLDER:FIRST_GOLD:SECOND_GOLD")
        folder = Path(parts[0])
        first, second = (folder / "gold.yaml", Path(parts[1])) if len(parts) == 2 else (Path(parts[1]), Path(parts[2]))
        if not folder.is_dir():
            raise ArgumentError(f"{folder}: no such source folder")
        for gold in (first, second):
            if not gold.is_file():
                raise ArgumentError(f"{gold}: no such gold file")
        triples.append((folder, first, second))
    if len({folder.resolve() for folder, _, _ in triples}) < len(triples):
        raise ArgumentError("a source folder is given twice: each folder is compared once")
    return triples


def _folder_labels(folders: Sequence[Path]) -> list[str]:
    """Short distinct names for folders: the last parts of their paths that tell them apart."""
    parts = [folder.resolve().parts for folder in folders]
    for depth in range(1, max(len(p) for p in parts) + 1):
        labels = ["/".join(p[-depth:]) for p in parts]
        if len(set(labels)) == len(labels):
            return labels
    return [str(folder) for folder in folders]


@dataclass(frozen=True)
class GoldFolder:
    """A source folder as a gold file sees it: the articles it covers (by source id, sorted), its
    stances, and the actors it leaves unscored (`other:<id>` holders)."""

    articles: dict[str, Article]
    stances: list[Stance]
    unscored: frozenset[str]


def load_gold_folder(sources_dir: Path | str, gold_path: Path | str, dictionary: Dictionary,
                     articles: Mapping[str, Article] | None = None) -> GoldFolder:
    """The articles of a folder that a gold file covers, with its stances, the file read once
    (`articles`: the folder's, by source id, when the caller has read them already)."""
    from .annotations import load_annotations, read_gold_file
    from .sources import load_articles

    entries, unscored = read_gold_file(Path(gold_path))
    if articles is None:
        articles = {a.source_id: a for a in load_articles(sources_dir).articles}
    stances = load_annotations(Path(gold_path), articles, dictionary, read=entries)
    return GoldFolder({source_id: articles[source_id] for source_id in sorted(entries.keys() & articles.keys())},
                      stances, unscored)
