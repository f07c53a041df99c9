"""Review of machine stances: the queue, analysts' decisions in SOURCES_DIR/annotations/review.yaml, and their use.

Decisions are kept as data in the curated-annotation format, so the next build, the evaluation
and the rule statistics all read the same file:

- `accepted`, `corrected` and `added` entries are curated stances (`sg:CuratedAnnotation`);
- `rejected` entries are negatives: the next build leaves out every rule stance where the same
  rule proposes the same (holder, issue, polarity) on the same span. A correction is also a
  negative for what the rule had proposed.

The file has two parts. `history` lists every decision ever written, in order (two browser tabs
deciding on the same stance are both kept); `articles` is derived from it, one entry per
stance: the last write wins, and an undo takes a stance back to its decision before.
"""
from __future__ import annotations

import contextlib
import json
import re
import fcntl
import getpass
import os
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import yaml

from .annotations import ANNOTATIONS_DIR, annotation_files, load_annotations, read_annotation_file
from .dictionary import Dictionary
from .errors import StanceGraphError
from .evaluation import EvaluationReport, aligned_table, evaluate, stance_tuple
from .model import SUGGEST_FROM, Article, Method, Polarity, Stance
from .namespaces import STANCE
from .yamlfile import read_yaml

REVIEW_FILE = "review.yaml"
DECISIONS = ("accepted", "rejected", "corrected", "added")
UNDONE = "undone"
#: What a client asks for -> the decision written.
ACTIONS = {"accept": "accepted", "reject": "rejected", "correct": "corrected", "add": "added", "undo": UNDONE}
ORDERS = ("confidence", "article")

_HEADER = """\
# Review decisions on machine stances, written by `kg review` (curated-annotation format).
#   articles  the decision in force per stance (last write wins), read by `kg build` and `kg eval`:
#             accepted / corrected / added -> curated stances; rejected -> left out of the next
#             build wherever the same rule proposes the same tuple on the same span.
#             `machine` is what the rule had proposed when a decision corrected it.
#   history   every decision in the order it was written (undone = back to the one before);
#             the articles part is rebuilt from it on every write.
"""

# libyaml where PyYAML has it: a file another process changed is parsed again whole.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# One lock per review file within a process (browser tabs share a server); flock covers processes.
_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


class ReviewError(StanceGraphError):
    """A review decision is malformed, names an unknown stance, or the review file cannot be used."""


def review_path(sources_dir: Path | str) -> Path:
    """Where a source folder's review decisions live: `SOURCES_DIR/annotations/review.yaml`."""
    return Path(sources_dir) / ANNOTATIONS_DIR / REVIEW_FILE


def default_reviewer() -> str:
    """The user name of whoever runs the review, for the `reviewer` field."""
    try:
        return getpass.getuser()
    except Exception:  # getuser raises OSError or KeyError when no name can be found
        return "unknown"


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601 (when a decision was made)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def stance_key(value: str) -> str:
    """The stance hash from either the stance IRI or the hash itself."""
    value = str(value).strip()
    if value.startswith(str(STANCE)):
        value = value[len(str(STANCE)):]
    if not value or not all(c in "0123456789abcdef" for c in value):
        raise ReviewError(f"not a stance IRI or hash: {value[:80]!r}")
    return value


# --------------------------------------------------------------------------- the review file


def _fold(history: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The decision in force per stance id: decisions push, an undo pops."""
    stacks: dict[str, list[dict[str, Any]]] = {}
    for event in history:
        stack = stacks.setdefault(str(event["stance"]), [])
        if event["decision"] == UNDONE:
            if stack:
                stack.pop()
        else:
            stack.append(dict(event))
    return {stance: stack[-1] for stance, stack in stacks.items() if stack}


def _entry(event: Mapping[str, Any]) -> dict[str, Any]:
    """An articles-part entry (curated-annotation format) from a history event."""
    order = ("holder", "issue", "polarity", "condition", "quote", "start", "reported_via", "note",
             "decision", "stance", "rule", "suggested", "machine", "reviewer", "time")
    return {key: event[key] for key in order if event.get(key) is not None}


def _flow(mapping: Mapping[str, Any]) -> str:
    """One mapping on one line, in flow style (JSON is YAML); characters YAML 1.1 would not keep are escaped."""
    text = json.dumps(mapping, ensure_ascii=False, separators=(", ", ": "), default=str)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# NEL, the Unicode line and paragraph separators and C1 controls end lines or are refused in YAML 1.1.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


@dataclass
class ReviewLog:
    """The decisions of one review file: every write in order, and the one in force per stance."""

    path: Path
    history: list[dict[str, Any]] = field(default_factory=list)
    # Serialised history lines and article entries, per history index (filled on demand, reused by appends).
    _lines: list[tuple[str, str]] = field(default_factory=list, repr=False, compare=False)

    @property
    def current(self) -> dict[str, dict[str, Any]]:
        """Stance id -> the decision in force (the last write, unless undone)."""
        return _fold(self.history)

    def _in_force(self) -> list[int]:
        stacks: dict[str, list[int]] = {}
        for index, event in enumerate(self.history):
            stack = stacks.setdefault(event["stance"], [])
            if event["decision"] == UNDONE:
                if stack:
                    stack.pop()
            else:
                stack.append(index)
        return [stack[-1] for stack in stacks.values() if stack]

    def _order(self) -> list[int]:
        return sorted(self._in_force(), key=lambda i: (self.history[i]["article"], int(self.history[i]["start"]), self.history[i]["stance"]))

    def articles(self) -> dict[str, list[dict[str, Any]]]:
        """The articles part: per article, the decisions in force ordered by position in the text."""
        out: dict[str, list[dict[str, Any]]] = {}
        for index in self._order():
            out.setdefault(self.history[index]["article"], []).append(_entry(self.history[index]))
        return out

    def to_yaml(self) -> str:
        """The whole file: header comment, articles part (one line per entry), history (one line per decision)."""
        for event in self.history[len(self._lines):]:
            self._lines.append((_flow(event), _flow(_entry(event))))
        parts = [_HEADER, "schema_version: 1\n"]
        order = self._order()
        parts.append("articles:\n" if order else "articles: {}\n")
        article = None
        for index in order:
            if self.history[index]["article"] != article:
                article = self.history[index]["article"]
                parts.append(f"  {json.dumps(article, ensure_ascii=False)}:\n")
            parts.append(f"    - {self._lines[index][1]}\n")
        parts.append("history:\n" if self.history else "history: []\n")
        parts.extend(f"  - {line}\n" for line, _ in self._lines)
        return "".join(parts)

    def appended(self, event: dict[str, Any]) -> "ReviewLog":
        """A new log with one more decision (this one is left as it was, for readers holding it)."""
        return ReviewLog(self.path, [*self.history, event], list(self._lines))


def _read(path: Path) -> Any:
    """Parse a YAML file with libyaml when available; errors name the file (as `read_yaml` does)."""
    if _LOADER is yaml.SafeLoader:
        return read_yaml(path, ReviewError)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return read_yaml(path, ReviewError)  # the slow reader words the error


def _check_event(path: Path, number: int, event: Any) -> dict[str, Any]:
    where = f"{path}: history entry {number}"
    if not isinstance(event, dict):
        raise ReviewError(f"{where}: expected a mapping")
    for key in ("stance", "article", "decision"):
        if not event.get(key):
            raise ReviewError(f"{where}: missing '{key}'")
    if event["decision"] not in (*DECISIONS, UNDONE):
        raise ReviewError(f"{where}: decision must be one of {', '.join((*DECISIONS, UNDONE))}, not {event['decision']!r}")
    if event["decision"] != UNDONE and (event.get("quote") is None or event.get("start") is None):
        raise ReviewError(f"{where}: a decision needs 'quote' and 'start'")
    clean = {k: (str(v) if k == "time" else v) for k, v in event.items()}
    clean["stance"], clean["article"] = str(clean["stance"]), str(clean["article"])
    return clean


_CACHE: dict[str, tuple[tuple[int, int, int], ReviewLog]] = {}


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read_review(path: Path | str) -> ReviewLog:
    """Read a review file (a missing one is an empty review); unchanged since the last read, it is not parsed again.

    A file written by hand with an `articles` part and no `history` is taken as that history.
    """
    path = Path(path)
    stamp = _stamp(path)
    if stamp is None:
        return ReviewLog(path)
    cached = _CACHE.get(str(path.resolve()))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    log = _parse_review(path)
    _CACHE[str(path.resolve())] = (stamp, log)
    return log


def _parse_review(path: Path) -> ReviewLog:
    data = _read(path)
    if data is None:
        return ReviewLog(path)
    if not isinstance(data, dict):
        raise ReviewError(f"{path}: expected a mapping with 'articles' and 'history'")
    history = data.get("history")
    if history is None:
        history = []
        for source_id, entries in (data.get("articles") or {}).items():
            for entry in entries or []:
                if isinstance(entry, dict) and entry.get("decision"):
                    history.append({"article": str(source_id), **entry})
    if not isinstance(history, list):
        raise ReviewError(f"{path}: 'history' must be a list of decisions")
    return ReviewLog(path, [_check_event(path, n, e) for n, e in enumerate(history, start=1)])


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the review file's lock: one writer at a time across threads and processes."""
    with _THREAD_LOCKS_GUARD:
        thread_lock = _THREAD_LOCKS.setdefault(str(path.resolve()), threading.Lock())
    with thread_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A hidden lock file: annotation loading ignores hidden files.
        with open(path.parent / f".{path.name}.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise ReviewError(f"{path}: cannot write ({exc.strerror})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def append_decision(path: Path | str, event: Mapping[str, Any]) -> ReviewLog:
    """Add one decision to the review file at once: re-read under the lock, append, replace the file whole."""
    path = Path(path)
    with _locked(path):
        log = read_review(path).appended(_check_event(path, len(read_review(path).history) + 1, dict(event)))
        _write_atomically(path, log.to_yaml())
        stamp = _stamp(path)
        if stamp is not None:
            _CACHE[str(path.resolve())] = (stamp, log)
        return log


# --------------------------------------------------------------------------- negatives in builds

NegativeKey = tuple[str, str, str, str, str, int, int]


def negative_key(stance: Stance) -> NegativeKey:
    """What a rejection matches: article, rule, holder, issue, polarity and span."""
    return (stance.source_id, stance.rule or "", stance.holder, stance.issue, stance.polarity.value,
            stance.char_start, stance.char_end)


def _negative(source_id: str, rule: Any, values: Mapping[str, Any], dictionary: Dictionary | None) -> NegativeKey | None:
    try:
        holder = str(values["holder"])
        if dictionary is not None and holder in dictionary.actors:
            holder = dictionary.resolve_holder(holder)
        start = int(values["start"])
        return (source_id, str(rule or ""), holder, str(values["issue"]), str(values["polarity"]),
                start, start + len(str(values["quote"])))
    except (KeyError, TypeError, ValueError):
        return None


def entry_negatives(source_id: str, entry: Mapping[str, Any], dictionary: Dictionary | None = None) -> list[NegativeKey]:
    """The rule proposals one review entry rules out: a rejected stance, or what a correction replaced."""
    if entry.get("decision") == "rejected":
        key = _negative(source_id, entry.get("rule"), entry, dictionary)
        return [key] if key else []
    if entry.get("decision") == "corrected" and isinstance(entry.get("machine"), dict):
        key = _negative(source_id, entry.get("rule"), entry["machine"], dictionary)
        return [key] if key else []
    return []


def _raw_entries(path: Path) -> dict[str, list[dict[str, Any]]]:
    data = _read(Path(path))
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        return {}
    return {str(k): [e for e in (v or []) if isinstance(e, dict)] for k, v in articles.items() if isinstance(v, list)}


def load_negatives(files: Sequence[Path], dictionary: Dictionary | None = None) -> set[NegativeKey]:
    """Every rule proposal that the review decisions in these annotation files rule out."""
    keys: set[NegativeKey] = set()
    for path in files:
        for source_id, entries in _raw_entries(Path(path)).items():
            for entry in entries:
                keys.update(entry_negatives(source_id, entry, dictionary))
    return keys


def drop_rejected(stances: Iterable[Stance], negatives: set[NegativeKey]) -> list[Stance]:
    """The rule stances that no review decision rules out (curated stances always stay)."""
    if not negatives:
        return list(stances)
    return [s for s in stances if s.method is not Method.RULE or negative_key(s) not in negatives]


# --------------------------------------------------------------------------- the session


def _u16(text: str, index: int) -> int:
    """A code-point offset as a UTF-16 offset (what the browser's strings count)."""
    return len(text[:index].encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Suggestion:
    """A stance the rules found and the stance model rated under its bar, offered to the analyst."""

    stance: Stance  # its first statement in the article; its confidence is the model's rating
    rating: float
    needed: float


@dataclass
class MachineStances:
    """What the rules propose for a source folder, and the analysts' annotations already there."""

    articles: dict[str, Article]
    stances: dict[str, Stance]
    dictionary: Dictionary
    covered_by: dict[str, str]
    # near misses: dropped by the stance model, kept out of the build unless an analyst accepts them
    suggestions: dict[str, Suggestion] = field(default_factory=dict)

    def proposed(self, stance_id: str) -> Stance | None:
        """The stance a rule proposed under this id, kept or suggested."""
        found = self.stances.get(stance_id)
        if found is None and stance_id in self.suggestions:
            found = self.suggestions[stance_id].stance
        return found


def machine_stances(
    sources_dir: Path | str, *, ontology_dir: Path | None = None, cache_dir: Path | None = None,
    suggest_from: float | None = SUGGEST_FROM,
) -> MachineStances:
    """Every rule stance of a folder (no curated input, no negatives), keyed by stance id.

    With `suggest_from`, also the stances the stance model dropped that it rated at least that high.
    `covered_by` names, for rule stances that another annotation file of the folder already
    overrides (same article, holder and issue on an overlapping span), that file.
    """
    from .build import build_graph  # late: build imports this module

    sources_dir = Path(sources_dir)
    # the dropped stances come from the build's own extraction (and its cache): each article is read once
    result = build_graph(sources_dir, annotations=[], extract=True, ontology_dir=ontology_dir, cache_dir=cache_dir,
                         with_dropped=suggest_from is not None)
    articles = {a.source_id: a for a in result.articles}
    stances = {s.stance_id: s for s in result.stances if s.method is Method.RULE}
    suggestions = near_misses(result.dropped, suggest_from) if suggest_from is not None else {}
    covered_by: dict[str, str] = {}
    proposed = [*stances.items(), *((sid, found.stance) for sid, found in suggestions.items())]
    for path in annotation_files(sources_dir):
        if path.name == REVIEW_FILE:
            continue
        # Entries of articles that could not be read are the build's business, not the queue's.
        refused = set(read_annotation_file(path)) - set(articles)
        spans: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
        for curated in load_annotations(path, articles, result.dictionary, skip=refused):
            spans.setdefault((curated.source_id, curated.holder, curated.issue), []).append((curated.char_start, curated.char_end))
        for stance_id, s in proposed:
            if stance_id not in covered_by and any(
                a < s.char_end and s.char_start < b for a, b in spans.get((s.source_id, s.holder, s.issue), [])
            ):
                covered_by[stance_id] = path.name
    return MachineStances(articles, stances, result.dictionary, covered_by, suggestions)


def near_misses(dropped: Iterable[tuple[Stance, float, float]], suggest_from: float) -> dict[str, Suggestion]:
    """The stances the stance model dropped (each with its rating and the rating it needed, as
    `build_graph(..., with_dropped=True)` gives them) rated `suggest_from` or more, by stance id."""
    return {stance.stance_id: Suggestion(stance, rating, needed) for stance, rating, needed in dropped
            if rating >= suggest_from}


class ReviewSession:
    """One analyst's review of a source folder: the queue, and decisions checked and written at once."""

    def __init__(
        self,
        sources_dir: Path | str,
        *,
        reviewer: str | None = None,
        ontology_dir: Path | None = None,
        cache_dir: Path | None = None,
        machine: MachineStances | None = None,
        suggest_from: float | None = SUGGEST_FROM,
    ) -> None:
        self.sources_dir = Path(sources_dir)
        self.path = review_path(self.sources_dir)
        self.reviewer = reviewer or default_reviewer()
        self.machine = machine or machine_stances(self.sources_dir, ontology_dir=ontology_dir, cache_dir=cache_dir,
                                                  suggest_from=suggest_from)
        read_review(self.path)  # a broken review file stops the session before anything is served

    # ----------------------------------------------------------------- reading

    @property
    def dictionary(self) -> Dictionary:
        return self.machine.dictionary

    def _item(self, stance_id: str, decision: Mapping[str, Any] | None) -> dict[str, Any]:
        stance = self.machine.proposed(stance_id)
        if stance is not None:
            suggestion = self.machine.suggestions.get(stance_id)
            item: dict[str, Any] = {
                "id": stance_id, "article": stance.source_id, "holder": stance.holder, "issue": stance.issue,
                "polarity": stance.polarity.value, "condition": stance.condition, "quote": stance.quote,
                "start": stance.char_start, "end": stance.char_end, "rule": stance.rule,
                "confidence": round(stance.confidence, 2), "via": stance.reported_via, "machine": True,
                "covered": self.machine.covered_by.get(stance_id),
                "suggested": {"rating": suggestion.rating, "needed": suggestion.needed} if suggestion else None,
            }
        else:
            # A decision on a stance the rules no longer propose (or an added one): shown as recorded.
            assert decision is not None
            start = int(decision["start"])
            item = {
                "id": stance_id, "article": decision["article"], "holder": decision.get("holder"),
                "issue": decision.get("issue"), "polarity": decision.get("polarity"),
                "condition": decision.get("condition"), "quote": decision.get("quote"), "start": start,
                "end": start + len(str(decision.get("quote", ""))), "rule": decision.get("rule"),
                "confidence": None, "via": decision.get("reported_via"), "machine": False, "covered": None,
                "suggested": None,
            }
        text = self.machine.articles[item["article"]].text if item["article"] in self.machine.articles else ""
        item["s16"], item["e16"] = _u16(text, item["start"]), _u16(text, item["end"])
        item["iri"] = str(STANCE[stance_id])
        item["decision"] = self._decision_view(decision) if decision else None
        return item

    def _decision_view(self, decision: Mapping[str, Any]) -> dict[str, Any]:
        text = self.machine.articles.get(decision["article"])
        start = int(decision["start"])
        end = start + len(str(decision["quote"]))
        view = {k: decision.get(k) for k in ("decision", "holder", "issue", "polarity", "condition", "quote", "note", "reviewer", "time")}
        view.update(start=start, end=end)
        if text is not None:
            view.update(s16=_u16(text.text, start), e16=_u16(text.text, end))
        return view

    def progress(self, current: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, int]:
        """How many machine stances have a decision, out of how many; how many were added; and the same
        for the suggestions (stances the stance model dropped)."""
        current = read_review(self.path).current if current is None else current
        reviewed = sum(1 for sid in self.machine.stances if sid in current)
        added = sum(1 for d in current.values() if d["decision"] == "added")
        suggested_reviewed = sum(1 for sid in self.machine.suggestions if sid in current)
        return {"reviewed": reviewed, "total": len(self.machine.stances), "added": added,
                "suggested": len(self.machine.suggestions), "suggested_reviewed": suggested_reviewed}

    def queue(self, order: str = "confidence") -> dict[str, Any]:
        """The review queue as JSON-ready data: items in `order`, articles, ids to choose from, progress."""
        if order not in ORDERS:
            raise ReviewError(f"unknown order {order!r}: choose {' or '.join(ORDERS)}")
        current = read_review(self.path).current
        items = [self._item(sid, current.get(sid)) for sid in [*self.machine.stances, *self.machine.suggestions]]
        items += [self._item(sid, d) for sid, d in current.items() if self.machine.proposed(sid) is None]
        if order == "confidence":
            items.sort(key=lambda i: (i["confidence"] if i["confidence"] is not None else 2.0, i["article"], i["start"], i["id"]))
        else:
            items.sort(key=lambda i: (i["article"], i["start"], i["end"], i["holder"] or "", i["id"]))
        per_article: dict[str, int] = {}
        for i in items:
            per_article[i["article"]] = per_article.get(i["article"], 0) + 1
        used = set(per_article)
        articles = {
            sid: {"title": a.title, "publisher": a.publisher, "date": a.published.isoformat() if a.published else None,
                  "text": a.text, "stances": per_article.get(sid, 0)}
            for sid, a in sorted(self.machine.articles.items())
        }
        return {
            "order": order,
            "reviewer": self.reviewer,
            "file": str(self.path),
            "actors": sorted(({"id": a, "label": self.dictionary.actors[a].label} for a in self.dictionary.holder_ids()),
                             key=lambda a: a["label"].lower()),
            "issues": sorted(({"id": i.id, "label": i.label} for i in self.dictionary.issues.values()),
                             key=lambda i: i["label"].lower()),
            "articles": articles,
            "articles_with_stances": sorted(used),
            "items": items,
            "progress": self.progress(current),
        }

    # ----------------------------------------------------------------- writing

    def _check_values(self, payload: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
        """Holder, issue, polarity, condition and span of a correction or addition, checked against the article."""
        values = {k: payload.get(k, base.get(k)) for k in ("holder", "issue", "polarity", "condition", "start", "end")}
        holder = str(values["holder"] or "")
        if holder not in self.dictionary.actors:
            raise ReviewError(f"unknown actor id {holder!r}")
        holder = self.dictionary.resolve_holder(holder)
        issue = str(values["issue"] or "")
        if issue not in self.dictionary.issues:
            raise ReviewError(f"unknown issue id {issue!r}")
        try:
            polarity = Polarity(str(values["polarity"]))
        except ValueError:
            raise ReviewError(f"polarity must be support, oppose or conditional, not {values['polarity']!r}") from None
        condition = values["condition"] or None
        if polarity is Polarity.CONDITIONAL:
            if not condition:
                raise ReviewError("a conditional stance needs a condition (the issue that must come first)")
            if str(condition) not in self.dictionary.issues:
                raise ReviewError(f"unknown condition issue id {condition!r}")
            if condition == issue:
                raise ReviewError("a stance cannot be conditional on its own issue")
        else:
            condition = None
        article = self.machine.articles.get(str(payload.get("article") or base.get("article") or ""))
        if article is None:
            raise ReviewError(f"unknown article {payload.get('article')!r}")
        try:
            start, end = int(values["start"]), int(values["end"])
        except (TypeError, ValueError):
            raise ReviewError("start and end must be character offsets (integers)") from None
        if not 0 <= start < end <= len(article.text):
            raise ReviewError(f"span {start}-{end} is outside the article text (0-{len(article.text)})")
        quote = article.text[start:end]
        if quote != quote.strip():
            raise ReviewError("the span starts or ends with white space")
        if "quote" in payload and payload["quote"] is not None and payload["quote"] != quote:
            raise ReviewError(f"the quote does not match the article text at {start}-{end}")
        return {"article": article.source_id, "holder": holder, "issue": issue, "polarity": polarity.value,
                "condition": str(condition) if condition else None, "quote": quote, "start": start}

    def decide(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Check one decision (`{stance, action, ...}`), write it at once, and return the item as it now stands."""
        if not isinstance(payload, Mapping):
            raise ReviewError("a decision is a JSON object {stance, action, ...}")
        action = str(payload.get("action") or "")
        if action not in ACTIONS:
            raise ReviewError(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
        decision = ACTIONS[action]
        note = str(payload["note"]).strip() if payload.get("note") else None
        stamp = {"reviewer": self.reviewer, "time": now_iso()}
        if action == "add":
            values = self._check_values(payload, {})
            added = Stance(source_id=values["article"], holder=values["holder"], issue=values["issue"],
                           polarity=Polarity(values["polarity"]), condition=values["condition"], quote=values["quote"],
                           char_start=values["start"], char_end=values["start"] + len(values["quote"]),
                           method=Method.CURATED, confidence=1.0)
            stance_id = added.stance_id
            if self.machine.proposed(stance_id) is not None:
                decision = "accepted"  # the analyst marked exactly what a rule had found
                event = self._machine_event(stance_id, decision)
            else:
                event = {"stance": stance_id, "decision": decision, **values}
        else:
            if payload.get("stance") in (None, ""):
                raise ReviewError(f"action {action!r} needs 'stance' (the stance IRI or hash)")
            stance_id = stance_key(str(payload["stance"]))
            current = read_review(self.path).current
            if action == "undo":
                if stance_id not in current:
                    raise ReviewError(f"stance {stance_id} has no decision to undo")
                event = {"stance": stance_id, "article": current[stance_id]["article"], "decision": UNDONE}
            elif self.machine.proposed(stance_id) is None:
                raise ReviewError(f"no machine stance {stance_id} in this source folder")
            elif action == "correct":
                machine = self.machine.proposed(stance_id)
                assert machine is not None
                base = {"article": machine.source_id, "holder": machine.holder, "issue": machine.issue,
                        "polarity": machine.polarity.value, "condition": machine.condition,
                        "start": machine.char_start, "end": machine.char_end}
                values = self._check_values(payload, base)
                unchanged = {k: base[k] for k in ("holder", "issue", "polarity", "condition", "start")} == {
                    k: values[k] for k in ("holder", "issue", "polarity", "condition", "start")
                } and values["quote"] == machine.quote
                if unchanged:
                    event = self._machine_event(stance_id, "accepted")
                else:
                    event = {"stance": stance_id, "decision": decision, **values, "rule": machine.rule,
                             "machine": {"holder": machine.holder, "issue": machine.issue, "polarity": machine.polarity.value,
                                         "condition": machine.condition, "quote": machine.quote, "start": machine.char_start}}
                    event["machine"] = {k: v for k, v in event["machine"].items() if v is not None}
                    event["suggested"] = self._suggested(stance_id)
            else:
                event = self._machine_event(stance_id, decision)
        if note and event["decision"] != UNDONE:
            event["note"] = note
        event.update(stamp)
        log = append_decision(self.path, {k: v for k, v in event.items() if v is not None})
        current = log.current
        return {"ok": True, "decision": event["decision"], "item": self._item(stance_id, current.get(stance_id))
                if self.machine.proposed(stance_id) is not None or stance_id in current else None,
                "stance": stance_id, "progress": self.progress(current)}

    def _machine_event(self, stance_id: str, decision: str) -> dict[str, Any]:
        s = self.machine.proposed(stance_id)
        assert s is not None
        return {"stance": stance_id, "article": s.source_id, "decision": decision, "holder": s.holder, "issue": s.issue,
                "polarity": s.polarity.value, "condition": s.condition, "quote": s.quote, "start": s.char_start,
                "reported_via": s.reported_via if decision == "accepted" else None, "rule": s.rule,
                "suggested": self._suggested(stance_id)}

    def _suggested(self, stance_id: str) -> float | None:
        """The stance model's rating of a suggestion, written with a decision on it (so the statistics tell
        what the model dropped from what the rules got wrong); None for a kept stance."""
        suggestion = self.machine.suggestions.get(stance_id)
        return suggestion.rating if suggestion else None


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class RuleStats:
    """How the decisions on one rule's proposals came out."""

    rule: str
    proposed: int = 0
    accepted: int = 0
    rejected: int = 0
    corrected: int = 0

    @property
    def pending(self) -> int:
        return max(0, self.proposed - self.accepted - self.rejected - self.corrected)

    @property
    def wrong(self) -> int:
        """Decisions that say the rule erred: what ranks the rules to fix first."""
        return self.rejected + self.corrected


def review_stats(log: ReviewLog, machine: Mapping[str, Stance] | None = None) -> list[RuleStats]:
    """Decisions per rule (added stances have no rule and are left out), worst rules first."""
    counts: dict[str, dict[str, int]] = {}
    for stance in (machine or {}).values():
        counts.setdefault(stance.rule or "(none)", {}).setdefault("proposed", 0)
        counts[stance.rule or "(none)"]["proposed"] += 1
    for event in log.current.values():
        if event["decision"] == "added" or event.get("suggested") is not None:
            continue  # an accepted suggestion says the stance model erred, not its rule
        rule = str(event.get("rule") or "(none)")
        row = counts.setdefault(rule, {})
        row[event["decision"]] = row.get(event["decision"], 0) + 1
        if machine is None or event["stance"] not in machine:
            row["proposed"] = row.get("proposed", 0) + 1
    rows = [RuleStats(rule, **row) for rule, row in counts.items()]
    return sorted(rows, key=lambda r: (-r.wrong, -r.rejected, -r.pending, r.rule))


def format_stats(rows: Sequence[RuleStats], log: ReviewLog) -> str:
    """The per-rule table `kg review --stats` prints, with totals and the count of added stances."""
    header = ("rule", "proposed", "accepted", "rejected", "corrected", "pending", "wrong %")
    body = [
        (r.rule, str(r.proposed), str(r.accepted), str(r.rejected), str(r.corrected), str(r.pending),
         f"{100 * r.wrong / (r.wrong + r.accepted):.0f}" if r.wrong + r.accepted else "-")
        for r in rows
    ]
    total = RuleStats("total", *(sum(getattr(r, f) for r in rows) for f in ("proposed", "accepted", "rejected", "corrected")))
    body.append(("total", str(total.proposed), str(total.accepted), str(total.rejected), str(total.corrected),
                 str(total.pending), f"{100 * total.wrong / (total.wrong + total.accepted):.0f}" if total.wrong + total.accepted else "-"))
    lines = aligned_table([header, *body], rules_after=(0, len(body) - 1))  # a rule before the total
    added = sum(1 for e in log.current.values() if e["decision"] == "added")
    lines.append(f"added by analysts (stances no rule found): {added}")
    suggested = Counter(e["decision"] for e in log.current.values() if e.get("suggested") is not None)
    if suggested:
        lines.append("suggestions (stances the stance model dropped) decided: " + ", ".join(
            f"{decision} {suggested[decision]}" for decision in DECISIONS if suggested[decision]))
    lines.append(f"decisions written: {len(log.history)} (in force: {len(log.current)})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- evaluation


def is_review_file(path: Path | str) -> bool:
    """Whether an annotation file holds review decisions (a `history` or entries with `decision`)."""
    path = Path(path)
    if not path.is_file():
        return False
    data = _read(path)
    if not isinstance(data, dict):
        return False
    if "history" in data:
        return True
    articles = data.get("articles")
    return isinstance(articles, dict) and any(
        isinstance(e, dict) and "decision" in e for entries in articles.values() if isinstance(entries, list) for e in entries
    )


@dataclass
class ReviewEvaluationReport(EvaluationReport):
    """Scores against review decisions: only reviewed tuples count, rejected ones as known false positives."""

    unreviewed: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["unreviewed_tuples"] = self.unreviewed
        return data

    def format_text(self, show: bool = False) -> str:
        return super().format_text(show) + (
            f"\nnot scored: {self.unreviewed} predicted tuple(s) of the reviewed articles have no decision yet"
        )


def evaluate_review(sources_dir: Path | str, review_file: Path | str, ontology_dir: Path | None = None) -> ReviewEvaluationReport:
    """Score the rules on a reviewed folder: accepted, corrected and added stances are gold, rejected ones known errors.

    Only articles with decisions count, and within them only predicted tuples an analyst has
    judged: a machine stance nobody has looked at yet is neither right nor wrong.
    """
    from .build import build_graph

    review_file = Path(review_file)
    result = build_graph(sources_dir, annotations=[], extract=True, ontology_dir=ontology_dir)
    articles = {a.source_id: a for a in result.articles}
    gold = load_annotations(review_file, articles, result.dictionary)
    gold_tuples = {stance_tuple(s) for s in gold}
    negatives: set[tuple[str, str, str, str]] = set()
    entries = _raw_entries(review_file)
    for source_id, items in entries.items():
        for entry in items:
            for key in entry_negatives(source_id, entry, result.dictionary):
                negatives.add((key[0], key[2], key[3], key[4]))
    negatives -= gold_tuples
    covered = set(entries)
    predicted = [s for s in result.stances if s.source_id in covered]
    judged = gold_tuples | negatives
    report = evaluate([s for s in predicted if stance_tuple(s) in judged], gold)
    unreviewed = len({stance_tuple(s) for s in predicted} - judged)
    return ReviewEvaluationReport(**vars(report), unreviewed=unreviewed)
