"""The domain model: articles, stances and the ids that make their IRIs stable."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Polarity(str, Enum):
    """How a holder stands on an issue."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    CONDITIONAL = "conditional"

    @property
    def term(self) -> str:
        """The local name of the ontology individual (sg:Support, ...)."""
        return self.value.capitalize()


#: The lowest rating at which a stance the stance model dropped is still offered to an analyst (`kg review`
#: suggestions, counted by `kg eval`). On the 1,533 annotated real articles of docs/measurements.md, about
#: half of the dropped stances rated from here up are in the gold files, against a third just below.
SUGGEST_FROM = 0.4


class Method(str, Enum):
    """How a stance was obtained."""

    RULE = "RuleExtraction"
    CURATED = "CuratedAnnotation"


@dataclass(frozen=True)
class Article:
    """One source text with its metadata; `text` is the body the offsets count into."""

    source_id: str
    text: str
    path: str = ""
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    date_basis: str | None = None

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the body as UTF-8: identifies the content for incremental builds."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def is_markdown(self) -> bool:
        """Whether the body is Markdown (a `.md` file), whose marks extraction reads without."""
        return self.path.lower().endswith(".md")


@dataclass(frozen=True)
class Stance:
    """One statement in one source: holder x issue x polarity, with its exact evidence."""

    source_id: str
    holder: str
    issue: str
    polarity: Polarity
    quote: str
    char_start: int
    char_end: int
    method: Method
    confidence: float
    condition: str | None = None
    rule: str | None = None
    reported_via: str | None = None
    published: date | None = None
    note: str | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, str, str, str, str, int, int]:
        """What makes two stances the same statement, whatever method found them."""
        return (
            self.source_id,
            self.holder,
            self.issue,
            self.polarity.value,
            self.condition or "",
            self.char_start,
            self.char_end,
        )

    @property
    def stance_id(self) -> str:
        """A stable id: the same statement in the same source always hashes the same."""
        digest = hashlib.sha256("\x1f".join(map(str, self.key)).encode("utf-8")).hexdigest()
        return digest[:20]


def merge_stances(curated: list[Stance], extracted: list[Stance]) -> list[Stance]:
    """Union of both lists, sorted; a curated stance replaces a rule stance with the same key or quote span.

    A rule stance is dropped when a curated stance of the same source, holder and issue
    overlaps its span: the analyst has already said what that passage means.
    """
    by_span: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for stance in curated:
        by_span.setdefault((stance.source_id, stance.holder, stance.issue), []).append(
            (stance.char_start, stance.char_end)
        )
    merged: dict[tuple, Stance] = {s.key: s for s in curated}
    for stance in extracted:
        spans = by_span.get((stance.source_id, stance.holder, stance.issue), [])
        if any(start < stance.char_end and stance.char_start < end for start, end in spans):
            continue
        merged.setdefault(stance.key, stance)
    return sorted(merged.values(), key=lambda s: s.key)


def stance_to_dict(stance: Stance) -> dict:
    """A JSON-ready mapping of a stance (the inverse of `stance_from_dict`)."""
    return {
        "source_id": stance.source_id,
        "holder": stance.holder,
        "issue": stance.issue,
        "polarity": stance.polarity.value,
        "condition": stance.condition,
        "quote": stance.quote,
        "char_start": stance.char_start,
        "char_end": stance.char_end,
        "method": stance.method.value,
        "rule": stance.rule,
        "confidence": stance.confidence,
        "reported_via": stance.reported_via,
        "published": stance.published.isoformat() if stance.published else None,
        "note": stance.note,
    }


_POLARITIES = {p.value: p for p in Polarity}
_METHODS = {m.value: m for m in Method}


def stance_from_dict(data: dict) -> Stance:
    """Rebuild a stance from `stance_to_dict` output."""
    # The enums are looked up in dicts first: an unchanged re-build turns every cached stance back.
    polarity, method, published = data["polarity"], data["method"], data.get("published")
    return Stance(
        source_id=data["source_id"],
        holder=data["holder"],
        issue=data["issue"],
        polarity=_POLARITIES.get(polarity) or Polarity(polarity),
        condition=data.get("condition"),
        quote=data["quote"],
        char_start=int(data["char_start"]),
        char_end=int(data["char_end"]),
        method=_METHODS.get(method) or Method(method),
        rule=data.get("rule"),
        confidence=float(data["confidence"]),
        reported_via=data.get("reported_via"),
        published=date.fromisoformat(published) if published else None,
        note=data.get("note"),
    )
