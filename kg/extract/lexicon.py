"""The extraction lexicon: surface phrases (media, sources, holder nouns, issue patterns) and the
lemma lists the syntactic rules read (cue verbs, nouns and adjectives, reporting verbs, negators,
condition markers), all loaded from ontology/lexicon/*.yaml."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..dictionary import default_ontology_dir
from ..errors import DictionaryError
from ..yamlfile import read_yaml, yaml_files

#: The extraction's release; incremental builds re-extract when it, the data files or the extraction's code
#: change (`kg.extract.extraction_fingerprint`).
EXTRACTOR_VERSION = "116"

LEXICON_DIR = "lexicon"

# --- the lexicon -----------------------------------------------------------------------------

_LIST_KEYS = ("source_nouns", "holder_nouns", "holder_modifiers", "out_of_office", "other_theatres", "home_theatre",
              "place_suffixes", "institution_nouns", "issue_pronouns", "issue_list_references",
              "issue_demand_references", "phrase_verbs", "speaking_verb_forms")
_MAP_KEYS = ("media", "coreference", "inverse_issues", "issue_patterns", "inverse_issue_patterns", "issue_overrides",
             "contextual_issues", "plan_references", "partial_issue_patterns")
_KNOWN_KEYS = set(_LIST_KEYS) | set(_MAP_KEYS) | {"skip_headlines", "issue_periods"}


@dataclass(frozen=True)
class Lexicon:
    """The cue lexicon: what the words around actors and issues mean for a stance."""

    data: Mapping[str, Any] = field(repr=False)
    files: tuple[str, ...] = ()

    def list(self, key: str) -> tuple[str, ...]:
        """The phrases of a list-valued key (empty when the lexicon does not set it)."""
        return tuple(self.data.get(key) or ())

    def map(self, key: str) -> Mapping[str, Any]:
        """The mapping of a map-valued key (empty when the lexicon does not set it)."""
        return self.data.get(key) or {}

    @property
    def skip_headlines(self) -> bool:
        """Whether title-case lines without a full stop are left out of extraction."""
        return bool(self.data.get("skip_headlines", True))

    def digest(self) -> str:
        """A hash of the lexicon's content (not of its file names)."""
        return hashlib.sha256(json.dumps(self.data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _check_strings(path: Path, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{path}: '{where}' must be a list of non-empty strings")
    return list(value)


def _merge(path: Path, target: dict[str, Any], data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if key not in _KNOWN_KEYS:
            raise DictionaryError(
                f"{path}: unknown key '{key}'", hint=f"known keys: {', '.join(sorted(_KNOWN_KEYS))}"
            )
        if key == "skip_headlines":
            if not isinstance(value, bool):
                raise DictionaryError(f"{path}: 'skip_headlines' must be true or false")
            target[key] = value
        elif key in _LIST_KEYS:
            target.setdefault(key, []).extend(_check_strings(path, key, value))
        elif key == "issue_periods":
            _merge_periods(path, target.setdefault(key, {}), value)
        elif key == "coreference":
            if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise DictionaryError(f"{path}: 'coreference' must map phrases to actor types")
            target.setdefault(key, {}).update(value)
        else:
            if not isinstance(value, dict):
                raise DictionaryError(f"{path}: '{key}' must be a mapping")
            merged = target.setdefault(key, {})
            for sub, items in value.items():
                merged.setdefault(str(sub), []).extend(_check_strings(path, f"{key}.{sub}", items))


def _merge_periods(path: Path, target: dict[str, Any], value: Any) -> None:
    """`issue_periods`: issue -> list of {phrases, until, meant}, checked here so a typo names its file."""
    if not isinstance(value, dict):
        raise DictionaryError(f"{path}: 'issue_periods' must map issue ids to lists of periods")
    for issue, periods in value.items():
        if not isinstance(periods, list):
            raise DictionaryError(f"{path}: 'issue_periods.{issue}' must be a list of periods")
        for period in periods:
            if not isinstance(period, dict) or set(period) != {"phrases", "until", "meant"}:
                raise DictionaryError(f"{path}: each period of 'issue_periods.{issue}' has exactly phrases, until and meant")
            try:
                date.fromisoformat(str(period["until"]))
            except ValueError:
                raise DictionaryError(f"{path}: 'issue_periods.{issue}': until {period['until']!r} is no YYYY-MM-DD date") from None
            if not isinstance(period["meant"], str):
                raise DictionaryError(f"{path}: 'issue_periods.{issue}': meant must be an issue id or none")
            target.setdefault(str(issue), []).append(
                {"phrases": _check_strings(path, f"issue_periods.{issue}.phrases", period["phrases"]),
                 "until": str(period["until"]), "meant": period["meant"]})


def _lexicon_files(directory: Path) -> list[Path]:
    folder = directory / LEXICON_DIR
    if not folder.is_dir():
        raise DictionaryError(f"{folder}: lexicon folder not found", hint="it holds the cue lexicon (cues.yaml)")
    files = yaml_files(folder)
    if not files:
        raise DictionaryError(f"{folder}: no lexicon files (*.yaml)")
    return files


@lru_cache(maxsize=8)
def _cached_lexicon(paths: tuple[str, ...], stamp: tuple[float, ...]) -> Lexicon:
    data: dict[str, Any] = {}
    for name in paths:
        path = Path(name)
        loaded = read_yaml(path, DictionaryError)
        if loaded is None:
            continue
        if not isinstance(loaded, dict):
            raise DictionaryError(f"{path}: expected a mapping of lexicon keys")
        _merge(path, data, loaded)
    periods = {f"{issue} until {p['until']}": p["phrases"]
               for issue, items in data.get("issue_periods", {}).items() for p in items}
    for section, mapping in (("issue_patterns", data.get("issue_patterns", {})),
                             ("inverse_issue_patterns", data.get("inverse_issue_patterns", {})),
                             ("partial_issue_patterns", data.get("partial_issue_patterns", {})),
                             ("issue_pronouns", {"a pronoun": data.get("issue_pronouns", [])}),
                             ("issue_list_references", {"a reference": data.get("issue_list_references", [])}),
                             ("issue_demand_references", {"a reference": data.get("issue_demand_references", [])}),
                             ("issue_overrides", data.get("issue_overrides", {})), ("issue_periods", periods)):
        for key, patterns in mapping.items():
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise DictionaryError(f"{section} for {key} is not a valid regular expression: {pattern!r}: {exc}") from None
    return Lexicon(data=data, files=paths)


def load_lexicon(ontology_dir: Path | None = None) -> Lexicon:
    """The cue lexicon of an ontology folder (every lexicon/*.yaml, merged; cached while unchanged)."""
    directory = Path(ontology_dir) if ontology_dir else default_ontology_dir()
    files = _lexicon_files(directory)
    return _cached_lexicon(tuple(str(p.resolve()) for p in files), tuple(p.stat().st_mtime for p in files))
