"""The extraction cache: an unchanged article under unchanged dictionaries is not extracted again."""
from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

from . import __version__
from .errors import StanceGraphWarning
from .export import write_files
from .model import Article, Stance, stance_from_dict, stance_to_dict

CACHE_FILE = "extraction.json"
# Format 2: dates are checked before they reach the cache, and the writing version is recorded.
CACHE_FORMAT = 2


def article_key(article: Article, fingerprint: str) -> str:
    """What extraction of this article depends on: its id, text, date and the extractor's fingerprint."""
    parts = (fingerprint, article.source_id, article.sha256, article.published.isoformat() if article.published else "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class ExtractionCache:
    """Stances per article key, read from and written back to one JSON file in the cache folder."""

    def __init__(self, folder: Path | None) -> None:
        self.path = Path(folder) / CACHE_FILE if folder else None
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

    def get(self, key: str) -> list[Stance] | None:
        """The cached stances of an article, or None when it must be extracted (also when its entry is unreadable)."""
        entry = self._old.get(key)
        if entry is None:
            return None
        try:
            stances = [stance_from_dict(d) for d in entry]
        except (TypeError, ValueError, KeyError, AttributeError):
            self._discard("has an unreadable entry")
            self._old = {}
            return None
        self.hits += 1
        self._new[key] = entry
        return stances

    def put(self, key: str, stances: list[Stance]) -> None:
        self._new[key] = [stance_to_dict(s) for s in stances]
        self._put = True

    _put = False

    def save(self) -> None:
        """Write the entries of this build only, so articles that left the folder leave the cache."""
        if self.path is None:
            return
        if not self._put and self._new.keys() == self._old.keys():
            return  # every entry read back, none added: the file already says this
        data = {"format": CACHE_FORMAT, "version": __version__, "articles": dict(sorted(self._new.items()))}
        write_files({self.path: json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")})
