"""Scoring extracted stances against gold annotations on distinct (article, holder, issue, polarity) tuples."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .annotations import read_annotation_file
from .model import Stance

Tuple = tuple[str, str, str, str]


def stance_tuple(stance: Stance) -> Tuple:
    """What scoring compares: (article, holder, issue, polarity)."""
    return (stance.source_id, stance.holder, stance.issue, stance.polarity.value)


@dataclass(frozen=True)
class Score:
    """True positives, false positives and misses, with the ratios they give."""

    tp: int
    fp: int
    fn: int

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


@dataclass
class EvaluationReport:
    """Overall and per-issue scores, quote overlap, and the tuples that were missed or wrongly found."""

    overall: Score
    per_issue: dict[str, Score]
    overlapping: int
    misses: dict[Tuple, list[str]] = field(default_factory=dict)
    false_positives: dict[Tuple, list[str]] = field(default_factory=dict)

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
        return {
            "overall": self.overall.to_dict(),
            "per_issue": {issue: score.to_dict() for issue, score in sorted(self.per_issue.items())},
            "quote_overlap": {"matched": self.overall.tp, "overlapping": self.overlapping},
            "misses": listing(self.misses),
            "false_positives": listing(self.false_positives),
        }

    def format_text(self, show: bool = False) -> str:
        """A readable table; with `show`, the misses and false positives with their quotes."""
        rows = [("issue", "tp", "fp", "fn", "precision", "recall", "f1")]
        for issue, score in sorted(self.per_issue.items()):
            rows.append((issue, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}",
                         f"{score.recall:.3f}", f"{score.f1:.3f}"))
        o = self.overall
        rows.append(("overall", str(o.tp), str(o.fp), str(o.fn), f"{o.precision:.3f}", f"{o.recall:.3f}", f"{o.f1:.3f}"))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = []
        for n, row in enumerate(rows):
            cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
            lines.append("  ".join(cells).rstrip())
            if n == 0 or n == len(rows) - 2:
                lines.append("  ".join("-" * w for w in widths))
        lines.append(f"matched tuples whose quote overlaps a gold quote: {self.overlapping} of {o.tp}")
        if show:
            for title, items in (("missed (in gold, not found)", self.misses),
                                 ("false positives (found, not in gold)", self.false_positives)):
                lines.append("")
                lines.append(f"{title}: {len(items)}")
                for t, quotes in sorted(items.items()):
                    lines.append(f"  {t[0]}  {t[1]}  {t[2]}  {t[3]}")
                    for quote in quotes:
                        lines.append(f"      \"{quote}\"")
        return "\n".join(lines)


def evaluate(predicted: Iterable[Stance], gold: Iterable[Stance]) -> EvaluationReport:
    """Precision, recall and F1 of predicted stances against gold, overall and per issue."""
    predicted_by: dict[Tuple, list[Stance]] = {}
    for stance in predicted:
        predicted_by.setdefault(stance_tuple(stance), []).append(stance)
    gold_by: dict[Tuple, list[Stance]] = {}
    for stance in gold:
        gold_by.setdefault(stance_tuple(stance), []).append(stance)
    matched = predicted_by.keys() & gold_by.keys()
    issues = {t[2] for t in predicted_by} | {t[2] for t in gold_by}
    per_issue = {
        issue: Score(
            tp=sum(1 for t in matched if t[2] == issue),
            fp=sum(1 for t in predicted_by.keys() - matched if t[2] == issue),
            fn=sum(1 for t in gold_by.keys() - matched if t[2] == issue),
        )
        for issue in issues
    }
    overlapping = 0
    for t in matched:
        if any(p.char_start < g.char_end and g.char_start < p.char_end for p in predicted_by[t] for g in gold_by[t]):
            overlapping += 1
    overall = Score(tp=len(matched), fp=len(predicted_by.keys() - matched), fn=len(gold_by.keys() - matched))
    quotes = lambda stances: sorted({s.quote for s in stances})  # noqa: E731 - local helper
    return EvaluationReport(
        overall=overall,
        per_issue=per_issue,
        overlapping=overlapping,
        misses={t: quotes(gold_by[t]) for t in gold_by.keys() - matched},
        false_positives={t: quotes(predicted_by[t]) for t in predicted_by.keys() - matched},
    )


def evaluate_folder(sources_dir: Path | str, gold_path: Path | str, ontology_dir: Path | None = None) -> EvaluationReport:
    """Extract a source folder with no curated input and score it on the articles the gold file covers."""
    from .annotations import load_annotations
    from .build import (
        build_graph,  # build imports this module's neighbours; import late to keep startup light
    )

    result = build_graph(sources_dir, annotations=[], extract=True, ontology_dir=ontology_dir)
    gold = load_annotations(Path(gold_path), {a.source_id: a for a in result.articles}, result.dictionary)
    covered = set(read_annotation_file(Path(gold_path)))
    return evaluate([s for s in result.stances if s.source_id in covered], gold)
