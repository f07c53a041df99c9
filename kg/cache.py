"""The build's caches: an unchanged article under unchanged dictionaries is not extracted again, and a
build that would change nothing does nothing (`BuildMemo`)."""
from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from . import __version__
from .errors import StanceGraphWarning
from .export import write_files
from .model import Article, Stance, stance_from_dict, stance_to_dict

if TYPE_CHECKING:
    from .build import BuildResult
    from .extract import DroppedStance

CACHE_FILE = "extraction.json"
# Format 2: dates are checked before they reach the cache, and the writing version is recorded.
CACHE_FORMAT = 2


def article_key(article: Article, fingerprint: str) -> str:
    """What extraction of this article depends on: its id, text, date and the extractor's fingerprint."""
    parts = (fingerprint, article.source_id, article.sha256, article.published.isoformat() if article.published else "")
    if article.is_markdown:  # the same text read as Markdown is read without its marks
        parts += ("markdown",)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class ExtractionCache:
    """Stances per article key, read from and written back to one JSON file in the cache folder."""

    file_name = CACHE_FILE

    def __init__(self, folder: Path | None) -> None:
        self.path = Path(folder) / self.file_name if folder else None
        self._old: dict[str, list[dict]] = {}
        self._new: dict[str, list[dict]] = {}
        self.hits = 0
        if self.path and self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None  # a damaged cache only costs a re-extraction
            if isinstance(data, dict) and data.get("format") == CACHE_FORMAT and data.get("version") == __version__:
                articles = data.get("articles")
                self._old = articles if isinstance(articles, dict) else {}
            elif data is None or "format" not in data:
                self._discard("is damaged")

    def _discard(self, why: str) -> None:
        warnings.warn(StanceGraphWarning(f"{self.path}: extraction cache {why}; discarded, articles are extracted again"))

    def get(self, key: str) -> list[Any] | None:
        """The cached stances of an article, or None when it must be extracted (also when its entry is unreadable)."""
        entry = self._old.get(key)
        if entry is None:
            return None
        try:
            items = [self._decode(d) for d in entry]
        except (TypeError, ValueError, KeyError, AttributeError):
            self._discard("has an unreadable entry")
            self._old = {}
            return None
        self.hits += 1
        self._new[key] = entry
        return items

    def put(self, key: str, items: list[Any]) -> None:
        self._new[key] = [self._encode(item) for item in items]
        self._put = True

    @staticmethod
    def _encode(stance: Stance) -> dict:
        return stance_to_dict(stance)

    @staticmethod
    def _decode(data: dict) -> Any:
        return stance_from_dict(data)

    _put = False

    def save(self) -> None:
        """Write the entries of this build only, so articles that left the folder leave the cache."""
        if self.path is None:
            return
        if not self._put and self._new.keys() == self._old.keys():
            return  # every entry read back, none added: the file already says this
        data = {"format": CACHE_FORMAT, "version": __version__, "articles": dict(sorted(self._new.items()))}
        write_files({self.path: json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")})


def rated_dropped(dropped: Iterable["DroppedStance"]) -> list[tuple[Stance, float, float]]:
    """What `RatedStanceCache` keeps of the stances the model dropped: each with its rating as its confidence,
    the rating, and the rating it needed."""
    return [(replace(d.stance, confidence=d.rating), d.rating, d.needed) for d in dropped]


class RatedStanceCache(ExtractionCache):
    """The stances the stance model dropped, each with its rating and the rating it needed, per article key
    (what `kg review` offers as suggestions): a review started again does not extract again."""

    file_name = "dropped.json"

    @staticmethod
    def _encode(item: tuple[Stance, float, float]) -> dict:
        stance, rating, needed = item
        return {"stance": stance_to_dict(stance), "rating": rating, "needed": needed}

    @staticmethod
    def _decode(data: dict) -> tuple[Stance, float, float]:
        return stance_from_dict(data["stance"]), float(data["rating"]), float(data["needed"])


# --- a build that would change nothing --------------------------------------------------------

#: The file in the build's cache folder that remembers what the last build read and wrote (`BuildMemo`).
BUILD_MEMO = "build.json"


def _file_states(folder: Path) -> list[list[Any]]:
    """Name, size and modification time (ns) of every file under a folder, sorted."""
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        info = path.stat()
        out.append([str(path.relative_to(folder)), info.st_size, info.st_mtime_ns])
    return out


def _bytes_digest(paths: Iterable[Path]) -> list[list[str]]:
    return [[str(p), hashlib.sha256(p.read_bytes()).hexdigest()] for p in paths]


@dataclass
class UnchangedBuild:
    """What a build that would change nothing says: the summary and the warnings of the last one."""

    summary: str
    warnings: list[str]


def unchanged_summary(result: BuildResult, extracted: bool = True) -> str:
    """The summary a build of the same inputs would print right after `result` was written: every
    article's extraction from the cache (when it extracts), every graph of the store unchanged."""
    from dataclasses import replace

    update = result.store_update
    if update is not None:
        update = replace(update, written=0, dropped=0, unchanged=update.written + update.unchanged)
    return replace(result, cached_articles=len(result.articles) if extracted else 0, store_update=update).summary()


class BuildMemo:
    """What the last `kg build` into a folder read and wrote, so that running it again on inputs
    that have not changed does nothing at all: no article, cache or store is read.

    The memo holds a digest of everything a build depends on: each article file as the source
    record knows it (size, times, inode; a file changed near that build does not count as
    unchanged), the manifest, the annotation files and the ontology folder (their bytes), the
    package's files (names, sizes and times), the options, and what the build left behind (the
    store's files, the store's and the exports' records, the sizes of the exports). Anything the
    memo cannot vouch for (another store than an Oxigraph folder, a file left out, a missing or
    damaged memo) means a full build, which writes a new memo.
    """

    def __init__(self, cache_dir: Path, out_dir: Path, store: str | None) -> None:
        from .store import parse_store_spec

        self.path = Path(cache_dir) / BUILD_MEMO
        self.out_dir = Path(out_dir)
        self.spec = parse_store_spec(store, self.out_dir)

    def _digest(self, sources_dir: Path, options: Mapping[str, Any]) -> tuple[str, list[str]] | None:
        """The digest of the inputs and outputs as they are now, with the warnings the source record
        keeps for the articles (one walk over the record); None when some article file must be read."""
        from . import __version__
        from .annotations import annotation_files
        from .build import EXPORTS_RECORD
        from .dictionary import default_ontology_dir
        from .sources import MANIFEST_NAME, SourceRecord, article_paths
        from .store import state_path

        if self.spec.kind != "oxigraph":
            return None
        sources_dir = Path(sources_dir)
        try:
            record = SourceRecord(self.path.parent, sources_dir)
            articles = []
            warnings: list[str] = []
            for path in article_paths(sources_dir):
                entry = record.unchanged(path, options.get("max_bytes"))
                if entry is None:
                    return None
                articles.append([path.name, entry])
                warnings += [str(w) for w in entry.get("warnings", [])]
            manifest = sources_dir / MANIFEST_NAME
            given = options.get("annotations")
            annotations = annotation_files(sources_dir) if given is None else [Path(p) for p in given]
            ontology = Path(options["ontology_dir"]) if options.get("ontology_dir") else default_ontology_dir()
            exports_record = self.out_dir / ".cache" / EXPORTS_RECORD
            exports = json.loads(exports_record.read_text(encoding="utf-8")) if exports_record.is_file() else {}
            parts = {
                "version": __version__,
                "options": {k: (sorted(map(str, v)) if isinstance(v, (list, tuple)) else str(v)) for k, v in sorted(options.items())},
                "articles": articles,
                "manifest": _bytes_digest([manifest] if manifest.is_file() else []),
                "annotations": _bytes_digest(annotations),
                "ontology": _bytes_digest(p for p in sorted(ontology.rglob("*")) if p.is_file()),
                "code": _file_states(Path(__file__).resolve().parent),
                "store": _file_states(Path(self.spec.location)),
                "store_record": _bytes_digest([state_path(self.out_dir / ".cache", self.spec)]),
                "exports": sorted([name, entry, (self.out_dir / name).stat().st_size] for name, entry in exports.items()),
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None  # whatever cannot be read is for a full build to find
        return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest(), warnings

    def unchanged(self, sources_dir: Path, options: Mapping[str, Any]) -> UnchangedBuild | None:
        """What a build now would say (its summary, the articles' warnings), when it would change nothing; else None."""
        try:
            memo = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(memo, dict) or not isinstance(memo.get("summary"), str):
            return None
        state = self._digest(sources_dir, options)
        if state is None or state[0] != memo.get("digest"):
            return None
        return UnchangedBuild(memo["summary"], [str(w) for w in memo.get("warnings", [])])

    def remember(self, sources_dir: Path, options: Mapping[str, Any], summary: str) -> None:
        """Note, after a build that wrote its store and exports, what an unchanged build would say."""
        state = self._digest(sources_dir, options)
        if state is None:
            self.forget()
            return
        digest, said = state
        write_files({self.path: json.dumps({"digest": digest, "summary": summary, "warnings": said}, indent=0).encode("utf-8")})

    def forget(self) -> None:
        """Drop the memo (a build is under way or failed: the next one must run in full)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
