"""Curated annotations: analysts' stance statements in YAML, turned into stances with offsets."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Mapping

from .dictionary import Dictionary
from .errors import AnnotationError
from .model import Article, Method, Polarity, Stance
from .yamlfile import read_yaml, yaml_files

ANNOTATIONS_DIR = "annotations"
CURATED_CONFIDENCE = 1.0
_ENTRY_KEYS = {"holder", "issue", "polarity", "condition", "quote", "note", "reported_via", "start"}
#: Review decisions (`kg review`) add these; a `rejected` entry is a negative, not a stance.
_REVIEW_KEYS = {"decision", "stance", "rule", "machine", "reviewer", "time", "confidence", "suggested"}
_DECISIONS = ("accepted", "rejected", "corrected", "added")


def annotation_files(sources_dir: Path) -> list[Path]:
    """The annotation files a source folder carries in its `annotations/` subfolder."""
    folder = Path(sources_dir) / ANNOTATIONS_DIR
    if not folder.is_dir():
        return []
    return yaml_files(folder)


def read_annotation_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The raw entries per article of one annotation file, checked for shape only."""
    return read_gold_file(path)[0]


def read_gold_file(path: Path) -> tuple[dict[str, list[dict[str, Any]]], frozenset[str]]:
    """One read of an annotation file: its raw entries per article, and the actors it declares outside
    the annotation contract (the `other:<id>` holders of its unscored `other_statements` block,
    ANNOTATION.md), whose stances an extractor is not scored on."""
    path = Path(path)
    if not os.path.lexists(path):
        raise AnnotationError(f"{path}: annotation file not found")
    data = read_yaml(path, AnnotationError)
    return _entries(path, data), _unscored_holders(data)


def _entries(path: Path, data: Any) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise AnnotationError(f"{path}: expected a mapping with an 'articles' key (article id -> list of stances)")
    articles: dict[str, list[dict[str, Any]]] = {}
    for source_id, entries in data["articles"].items():
        if entries is None:
            entries = []
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise AnnotationError(f"{path}: article {source_id}: expected a list of stance entries")
        articles[str(source_id)] = entries
    return articles


def _unscored_holders(data: Any) -> frozenset[str]:
    block = data.get("other_statements") if isinstance(data, dict) else None
    entries = [e for group in block.values() for e in (group or [])] if isinstance(block, dict) else block or []
    return frozenset(str(e["holder"])[len("other:"):] for e in entries
                     if isinstance(e, dict) and str(e.get("holder", "")).startswith("other:"))


def _entry_stance(
    path: Path, source_id: str, number: int, entry: Mapping[str, Any], article: Article, dictionary: Dictionary
) -> Stance:
    where = f"{path}: article {source_id}, entry {number}"
    unknown = set(entry) - _ENTRY_KEYS - _REVIEW_KEYS
    if unknown:
        raise AnnotationError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("holder", "issue", "polarity", "quote"):
        if not entry.get(key):
            raise AnnotationError(f"{where}: missing '{key}'")
    holder = str(entry["holder"])
    if holder not in dictionary.actors:
        raise AnnotationError(f"{where}: unknown actor id {holder!r}", hint="actor ids are defined in ontology/actors.ttl")
    holder = dictionary.resolve_holder(holder)
    issue = str(entry["issue"])
    if issue not in dictionary.issues:
        raise AnnotationError(f"{where}: unknown issue id {issue!r}", hint="issue ids are defined in ontology/issues.ttl")
    try:
        polarity = Polarity(str(entry["polarity"]))
    except ValueError:
        raise AnnotationError(f"{where}: polarity must be support, oppose or conditional, not {entry['polarity']!r}") from None
    condition = entry.get("condition")
    if polarity is Polarity.CONDITIONAL:
        if not condition:
            raise AnnotationError(f"{where}: a conditional stance needs a 'condition' (the issue that must come first)")
        if str(condition) not in dictionary.issues:
            raise AnnotationError(f"{where}: unknown condition issue id {condition!r}")
    elif condition:
        raise AnnotationError(f"{where}: 'condition' only goes with polarity conditional")
    for key in ("holder", "issue", "polarity", "quote", "condition", "note", "reported_via"):
        if isinstance(entry.get(key), (dict, list)):
            raise AnnotationError(f"{where}: '{key}' must be a single value, not a {'list' if isinstance(entry[key], list) else 'mapping'}")
    quote = str(entry["quote"])
    begin = entry.get("start", 0)
    if isinstance(begin, bool) or not isinstance(begin, int) or begin < 0:
        shown = repr(begin) if len(repr(begin)) <= 40 else repr(begin)[:37] + "..."
        raise AnnotationError(f"{where}: 'start' must be a character offset (a whole number >= 0), not {shown}")
    start = article.text.find(quote, begin)
    if start < 0:
        shown = quote if len(quote) <= 60 else quote[:57] + "..."
        raise AnnotationError(f"{where}: quote not found in the article text: {shown!r}")
    return Stance(
        source_id=source_id,
        holder=holder,
        issue=issue,
        polarity=polarity,
        condition=str(condition) if condition else None,
        quote=quote,
        char_start=start,
        char_end=start + len(quote),
        method=Method.CURATED,
        confidence=CURATED_CONFIDENCE,
        reported_via=str(entry["reported_via"]) if entry.get("reported_via") else None,
        published=article.published,
        note=str(entry["note"]) if entry.get("note") else None,
    )


def load_annotations(
    path: Path,
    articles: Mapping[str, Article],
    dictionary: Dictionary,
    skip: Iterable[str] = (),
    read: Mapping[str, list[dict[str, Any]]] | None = None,
) -> list[Stance]:
    """Curated stances of one annotation file; an entry that does not fit its article is an error.

    `skip` names articles known to be unreadable: their entries are left out instead of failing.
    `read` is the file's entries per article when they were read already (`read_gold_file`).
    """
    path = Path(path)
    skipped = set(skip)
    stances: list[Stance] = []
    for source_id, entries in (read_annotation_file(path) if read is None else read).items():
        if source_id in skipped:
            continue
        article = articles.get(source_id)
        if article is None:
            raise AnnotationError(f"{path}: article {source_id}: no such source in the source folder")
        for number, entry in enumerate(entries, start=1):
            if entry.get("decision") is not None and entry["decision"] not in _DECISIONS:
                raise AnnotationError(f"{path}: article {source_id}, entry {number}: decision must be one of {', '.join(_DECISIONS)}")
            if entry.get("decision") == "rejected":
                continue
            stances.append(_entry_stance(path, source_id, number, entry, article, dictionary))
    return stances
