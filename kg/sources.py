"""Reading a source folder: articles (.txt/.md, UTF-8) with metadata from front matter or a manifest."""
from __future__ import annotations

import difflib
import json
import os
import re
import stat
import time
import warnings
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any, Mapping

import yaml

from . import __version__
from .errors import SourceError, StanceGraphWarning
from .model import Article
from .safety import DEFAULT_MAX_BYTES, checked_iri, read_input_file, shown_name
from .yamlfile import load_yaml

ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "manifest.yaml"
METADATA_KEYS = ("title", "publisher", "published", "url", "date_basis")
DATE_BASES = ("stated", "inferred")

# Front matter is a YAML block fenced by lines of three dashes at the very top of the file.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)


@dataclass
class SourceFolder:
    """What a source folder yielded: the articles that could be read and a problem per file that could not."""

    articles: list[Article] = field(default_factory=list)
    problems: list[SourceError] = field(default_factory=list)
    refused: list[Path] = field(default_factory=list)

    def by_id(self) -> dict[str, Article]:
        """The articles keyed by source identifier (file stem)."""
        return {a.source_id: a for a in self.articles}


# Byte-order marks say which Unicode encoding a text file uses (longest first: UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _decode(path: Path, raw: bytes) -> str:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"{path}: starts with a {name} byte-order mark but is not valid {name} (offset {exc.start + len(bom)})"
                ) from None
            if not text.strip():
                raise SourceError(f"{path}: empty article (no text)")
            if _BINARY_CHARS.search(text):
                raise SourceError(f"{path}: not a text file (binary content after a {name} byte-order mark)")
            return text
    if not raw.strip():
        raise SourceError(f"{path}: empty article (no text)")
    if b"\x00" in raw[:8192]:
        raise SourceError(f"{path}: not a text file (binary content)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            hint="re-save the file as UTF-8",
        ) from None
    # A byte-order mark is an encoding artefact, not part of the article.
    return text[1:] if text.startswith("\ufeff") else text


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A date-time as people write it in front matter: ISO 8601 with an optional zone.
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)?")


def _parse_date(path: Path, value: Any) -> date | None:
    """The publication date; a date-time keeps its date (with a warning), an impossible date is refused."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.isoformat()
    elif isinstance(value, date):
        return value
    text = str(value).strip()
    shown = text if len(text) <= 40 else text[:37] + "..."
    if not isinstance(value, (str, int)) or not text:
        raise SourceError(f"{path}: 'published' is not a date (YYYY-MM-DD): {shown!r}")
    timed = _DATE_TIME.fullmatch(text)
    day = timed.group(1) if timed else text
    if not _DATE.fullmatch(day):
        raise SourceError(f"{path}: 'published' is not a date (YYYY-MM-DD): {shown!r}")
    try:
        parsed = date.fromisoformat(day)
    except ValueError as exc:
        raise SourceError(f"{path}: 'published' is not a valid date: {shown!r} ({exc})") from None
    if timed:
        warnings.warn(
            StanceGraphWarning(f"{path}: 'published' is a date-time ({shown}); kept the date {parsed.isoformat()}")
        )
    return parsed


def _url(path: Path, value: str) -> str:
    try:
        return checked_iri(value)
    except ValueError as exc:
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise SourceError(f"{path}: 'url' is {exc}: {shown!r}") from None


def _metadata(path: Path, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise metadata values; a key that is absent or null stays None."""
    meta: dict[str, Any] = {}
    for key in METADATA_KEYS:
        value = raw.get(key)
        if key == "published":
            meta[key] = _parse_date(path, value)
        elif value is None or str(value).strip() == "":
            meta[key] = None
        elif key == "url":
            meta[key] = _url(path, str(value))
        else:
            meta[key] = str(value).strip()
    if meta["date_basis"] is not None and meta["date_basis"] not in DATE_BASES:
        raise SourceError(f"{path}: 'date_basis' must be one of {', '.join(DATE_BASES)}, not {meta['date_basis']!r}")
    return meta


def _looks_like_date(value: Any) -> bool:
    if isinstance(value, date):
        return True
    text = str(value).strip() if isinstance(value, str) else ""
    return bool(_DATE.fullmatch(text) or _DATE_TIME.fullmatch(text))


def _warn_unread_keys(path: Path, raw: Mapping[str, Any]) -> None:
    """Name a metadata key that was plainly meant as one of ours but is not read: a misspelt key, or a
    date under another name ('date:', as static-site generators write it) while 'published' is absent.
    Other keys (author, tags, notes) are left alone without a word."""
    hints: list[str] = []
    for key in sorted((k for k in raw if str(k) not in METADATA_KEYS and k != "file"), key=str):
        close = difflib.get_close_matches(str(key), METADATA_KEYS, n=1, cutoff=0.8)
        if close:
            hints.append(f"{str(key)!r} (did you mean {close[0]!r}?)")
        elif raw.get("published") is None and _looks_like_date(raw[key]):
            hints.append(f"{str(key)!r} (the publication date is read from 'published')")
    if hints:
        warnings.warn(StanceGraphWarning(f"{path}: metadata not read: {', '.join(hints)}"))


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """Split a file's text into its front-matter mapping and its body (the text offsets count into)."""
    if not re.match(r"---[ \t]*\r?\n", text):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise SourceError(f"{path}: broken front matter (no closing '---' line)")
    try:
        data = load_yaml(match.group(1))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise SourceError(f"{path}: broken front matter{line}: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError(f"{path}: broken front matter: expected 'key: value' lines, got {type(data).__name__}")
    return data, text[match.end():]


def read_article(
    path: Path,
    metadata: Mapping[str, Any] | None = None,
    *,
    folder: Path | None = None,
    follow_links: bool = False,
    max_bytes: int | None = None,
) -> Article:
    """Read one article; front matter in the file wins over metadata given by a manifest.

    Only a regular file is read (never a FIFO or device); with `folder`, a symbolic link that
    leaves it is refused unless `follow_links`; a file over `max_bytes` is refused.
    """
    path = Path(path)
    raw = read_input_file(
        path, SourceError, folder=folder, follow_links=follow_links, max_bytes=max_bytes, what="file"
    )
    text = _decode(path, raw)
    front, body = split_front_matter(path, text)
    if not body.strip():
        raise SourceError(f"{path}: empty article (front matter but no text)")
    merged = {**(metadata or {}), **{k: v for k, v in front.items() if v is not None}}
    _warn_unread_keys(path, merged)
    return Article(source_id=path.stem, text=body, path=str(path), **_metadata(path, merged))


def read_manifest(directory: Path) -> dict[str, dict[str, Any]]:
    """Metadata per file name from `manifest.yaml`, or nothing when the folder has none."""
    path = directory / MANIFEST_NAME
    if not os.path.lexists(path):
        return {}
    text = read_input_file(path, SourceError, folder=directory, what="manifest")
    try:
        entries = load_yaml(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise SourceError(f"{path}: not UTF-8") from None
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not a valid YAML manifest: {exc}".splitlines()[0]) from None
    if entries is None:
        return {}
    if not isinstance(entries, list):
        raise SourceError(f"{path}: expected a list of entries with 'file' and metadata keys")
    manifest: dict[str, dict[str, Any]] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("file"):
            raise SourceError(f"{path}: entry {number} has no 'file' key")
        manifest[str(entry["file"])] = entry
    return manifest


def article_paths(directory: Path) -> list[Path]:
    """The article files of a folder, sorted by name (READMEs and hidden files are not articles)."""
    return sorted(
        p
        for p in directory.iterdir()
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith((".", "_"))
        and not p.stem.upper().startswith("README")
    )


def _encodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in a file name arrive as lone surrogates
        return False
    return True


def load_articles(
    directory: Path | str,
    *,
    follow_links: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    record_dir: Path | None = None,
) -> SourceFolder:
    """Read every article of a folder; unreadable files become problems, the rest still loads.

    Symbolic links that lead outside the folder are refused unless `follow_links`; files over
    `max_bytes` are refused (None: no limit). With `record_dir` (a build's cache folder), files
    that have not changed since the last read are taken from its record (`SourceRecord`) without
    being read or hashed, and the record is brought up to date.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise SourceError(f"{directory}: source folder not found")
    manifest = read_manifest(directory)
    record = SourceRecord(record_dir, directory) if record_dir is not None else None
    options = {"folder": directory, "follow_links": follow_links, "max_bytes": max_bytes}
    folder = SourceFolder()
    paths = article_paths(directory)
    for name in sorted(set(manifest) - {p.name for p in paths}):
        folder.problems.append(SourceError(f"{directory / MANIFEST_NAME}: entry for {name}: file not found"))
    seen: dict[str, Path] = {}
    for path in paths:
        if not _encodable(path.name):
            folder.problems.append(SourceError(f"{shown_name(path)}: file name is not valid UTF-8; rename the file"))
            folder.refused.append(path)
            continue
        if path.stem in seen:
            folder.problems.append(SourceError(f"{path}: same identifier as {seen[path.stem].name} (file stems must be unique)"))
            continue
        seen[path.stem] = path
        entry = manifest.get(path.name)
        if record is not None:
            known = record.article(path, entry, options)
            if known is not None:
                folder.articles.append(known)
                continue
        try:
            if record is None:
                folder.articles.append(read_article(path, entry, **options))
                continue
            info = _lstat(path)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                article = read_article(path, entry, **options)
            for warning in caught:
                warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
            folder.articles.append(article)
            record.keep(path, info, entry, article, [str(w.message) for w in caught])
        except SourceError as problem:
            folder.problems.append(problem)
            folder.refused.append(path)
    if record is not None:
        record.save()
    return folder


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


# --- what the last build read: files that did not change are not read again --------------------

#: The file in the build's cache folder that records what each article file gave (`SourceRecord`).
SOURCE_RECORD = "sources.json"
_RECORD_FORMAT = 1
# A file whose times fall this close to the scan that recorded it may have changed again within
# the same tick of its file system's clock, keeping its size and times: it is read again (git
# calls such index entries "racily clean").
_RACY_NS = 2_000_000_000


class RecordedArticle(Article):
    """An article the last build read from a file that has not changed since: its metadata and
    SHA-256 come from the build's record, and its text is read from the file only when asked for
    (and refused if it no longer has that hash)."""

    @property  # type: ignore[override]
    def text(self) -> str:
        text = self.__dict__.get("_text")
        if text is None and "_digest" in self.__dict__:
            reread = read_article(Path(self.path), self.__dict__["_manifest_entry"], **self.__dict__["_read_options"])
            if reread.sha256 != self.__dict__["_digest"]:
                raise SourceError(f"{self.path}: changed while the build was running; run 'kg build' again")
            text = reread.text
            self.__dict__["_text"] = text
        return text

    @text.setter
    def text(self, value: str | None) -> None:  # the dataclass sets it: None until read
        self.__dict__["_text"] = value

    @property
    def sha256(self) -> str:
        """The SHA-256 of the body, as the last build computed it from the same file."""
        return self.__dict__.get("_digest") or super().sha256

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(Article))

    __hash__ = Article.__hash__


def _manifest_key(entry: Mapping[str, Any] | None) -> str:
    return json.dumps(entry, sort_keys=True, default=str) if entry else ""


def _file_state(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


class SourceRecord:
    """What the last build read from each article file of a folder: the file's size, modification
    and change times (ns), inode and device, the manifest entry it was read with, and the article
    they gave (metadata, SHA-256 of the body, warnings).

    A file whose state and manifest entry are those recorded, and whose times were over two
    seconds older than the build that recorded it, is taken from the record without being read or
    hashed, as git's index does; anything else (another folder or version, a symbolic link, a
    damaged record, a file changed near a build) is read as usual.
    """

    def __init__(self, folder: Path | None, directory: Path) -> None:
        self.path = Path(folder) / SOURCE_RECORD if folder else None
        self.directory = os.path.realpath(directory)
        self.started = time.time_ns()
        self.reused = 0
        self._old: dict[str, dict[str, Any]] = {}
        self._new: dict[str, dict[str, Any]] = {}
        if self.path is None or not self.path.is_file():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # a damaged record only costs reading the files
        if (
            isinstance(data, dict) and data.get("format") == _RECORD_FORMAT and data.get("version") == __version__
            and data.get("directory") == self.directory and isinstance(data.get("files"), dict)
        ):
            self._old = data["files"]

    def unchanged(self, path: Path, max_bytes: int | None = None) -> dict[str, Any] | None:
        """The record's entry of a file that has not changed since (size, times, inode, device), and
        whose times were over two seconds older than the build that recorded it; else None."""
        known = self._old.get(path.name)
        if not isinstance(known, dict):
            return None
        try:
            info = os.lstat(path)
            if (
                not stat.S_ISREG(info.st_mode) or _file_state(info) != known["state"]
                or max(info.st_mtime_ns, info.st_ctime_ns) >= known["scanned"] - _RACY_NS
                or (max_bytes is not None and info.st_size > max_bytes)
            ):
                return None
        except (OSError, KeyError, TypeError):
            return None
        return known

    def article(self, path: Path, entry: Mapping[str, Any] | None, options: Mapping[str, Any]) -> Article | None:
        """The article of an unchanged file, from the record; None when the file must be read."""
        known = self.unchanged(path, options.get("max_bytes"))
        if known is None or known.get("manifest") != _manifest_key(entry):
            return None
        try:
            meta = known["article"]
            article = RecordedArticle(
                source_id=path.stem, text=None, path=str(path), title=meta["title"], publisher=meta["publisher"],  # type: ignore[arg-type]
                published=date.fromisoformat(meta["published"]) if meta["published"] else None,
                url=meta["url"], date_basis=meta["date_basis"],
            )
            article.__dict__.update(_digest=meta["sha256"], _manifest_entry=entry, _read_options=dict(options))
        except (OSError, KeyError, TypeError, ValueError):
            return None
        for message in known.get("warnings", []):
            warnings.warn(StanceGraphWarning(message))
        self._new[path.name] = known
        self.reused += 1
        return article

    def keep(self, path: Path, info: os.stat_result | None, entry: Mapping[str, Any] | None, article: Article, said: list[str]) -> None:
        """Record what reading a file gave, with the file's state seen before it was read."""
        if info is None or not stat.S_ISREG(info.st_mode):
            return
        meta = {
            "title": article.title, "publisher": article.publisher,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url, "date_basis": article.date_basis, "sha256": article.sha256,
        }
        self._new[path.name] = {
            "state": _file_state(info), "scanned": self.started, "manifest": _manifest_key(entry), "article": meta, "warnings": said,
        }

    def save(self) -> None:
        """Write the entries of this read (files that left the folder leave the record); nothing when nothing changed."""
        if self.path is None or self._new == self._old:
            return
        from .export import write_files

        data = {"format": _RECORD_FORMAT, "version": __version__, "directory": self.directory, "files": dict(sorted(self._new.items()))}
        write_files({self.path: json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")})
