"""Guards at the edges: safe file reads, IRI-safe names, output targets, locks, and text safe to show."""
from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import time
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .errors import ExportError, StanceGraphError

#: Default largest article `kg build` reads (`--max-bytes`): the rules take about a minute here.
DEFAULT_MAX_BYTES = 5_000_000

# ---------------------------------------------------------------------------------------------
# Text shown to people: one line, no terminal control sequences.

# C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a reader sees.
_UNSAFE_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _without_surrogates(text: str) -> str:
    # Undecodable bytes of a file name arrive as lone surrogates, which no terminal can print.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", errors="surrogateescape" if _only_escaped(text) else "surrogatepass")
        return raw.decode("utf-8", errors="backslashreplace")
    return text


def _only_escaped(text: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def terminal_safe(text: str) -> str:
    """`text` with control characters and bidi overrides shown as escapes (`\\x1b`, `\\n`), so nothing reaches the terminal raw."""
    return _UNSAFE_CHARS.sub(_escape_char, _without_surrogates(text))


def one_line(message: str) -> str:
    """A message made safe to print as one line (names of files with newlines or escapes included)."""
    return terminal_safe(message)


def shown_name(path: Path | str) -> str:
    """A file name as messages show it: invalid UTF-8 bytes and control characters escaped."""
    return terminal_safe(str(path))


# ---------------------------------------------------------------------------------------------
# Values that become IRIs.

# RFC 3987 ucschar: the non-ASCII code points an IRI may hold as they are.
_UCSCHAR = (
    (0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF),
    *((plane + 0x0000, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)),
    (0xE1000, 0xEFFFD),
)
# Characters kept as they are in a path segment: unreserved, sub-delims, ':' and '@' minus the
# ones Turtle or SPARQL make awkward (quotes, parentheses, '*', ',', ';', '!', '$', '&', '+', '=').
_SEGMENT_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_URL_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")


# Turtle's PN_CHARS_BASE beyond ASCII: non-ASCII characters a prefixed name may start with. rdflib
# writes `source:µ` for any letter-like character, so only these are kept in a segment as they are.
_PN_CHARS_BASE = (
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF), (0x200C, 0x200D),
    (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF),
)


def _is_name_char(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _PN_CHARS_BASE) and _is_ucschar(char)


def _is_ucschar(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _UCSCHAR) and unicodedata.category(char) not in ("Cf", "Zs", "Zl", "Zp")


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", errors="surrogatepass"))


def iri_segment(text: str) -> str:
    """`text` as one IRI path segment: letters, digits, `-._~` and most non-ASCII letters kept, the rest percent-encoded.

    A file stem such as `000_9f35d4ad34641da1` is unchanged; `a b#1` becomes `a%20b%231`.
    """
    segment = "".join(c if c in _SEGMENT_SAFE or (ord(c) > 0x7F and _is_name_char(c)) else _percent(c) for c in text)
    if segment.endswith("."):
        segment = segment[:-1] + "%2E"  # a Turtle prefixed name cannot end in a full stop ("source:0.")
    return segment


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_PERCENT_TRIPLET = re.compile(r"%[0-9A-Fa-f]{2}")


def checked_iri(value: str) -> str:
    """An absolute IRI from a URL someone typed: characters an IRI cannot hold are percent-encoded.

    Raises ValueError when the value has no scheme (`example.org/a`) or is still not an IRI.
    """
    value = value.strip()
    if not _SCHEME.match(value):
        raise ValueError("not an absolute URL (it needs a scheme such as https:)")
    out = []
    for index, char in enumerate(value):
        if char == "%" and not _PERCENT_TRIPLET.match(value, index):
            out.append("%25")
        elif char in _URL_SAFE or (ord(char) > 0x7F and _is_ucschar(char)):
            out.append(char)
        else:
            out.append(_percent(char))
    iri = "".join(out)
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as exc:
        raise ValueError(f"not a valid IRI ({exc})") from None
    return iri


# Characters that some RDF parsers take for line breaks (Python's str.splitlines does) or that
# other tools choke on; in Turtle, TriG, N-Triples and N-Quads they only occur inside string
# literals (IRIs percent-encode them), where a \\uXXXX escape means the same character.
_RDF_RISKY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def escape_rdf_controls(data: bytes) -> bytes:
    """Line-based RDF text with control and line-separator characters written as `\\uXXXX` escapes."""
    text = data.decode("utf-8")
    if not _RDF_RISKY.search(text):
        return data
    return _RDF_RISKY.sub(lambda m: f"\\u{ord(m.group(0)):04X}", text).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Reading input files.

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def size_text(size: int) -> str:
    """A byte count as people read it (`31.5 MB`)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def read_input_file(
    path: Path,
    error: type[StanceGraphError] = StanceGraphError,
    *,
    folder: Path | None = None,
    follow_links: bool = False,
    max_bytes: int | None = None,
    what: str = "file",
) -> bytes:
    """The bytes of a regular file; anything else raises `error` naming the file and the reason.

    A FIFO, device or socket is refused without blocking on it; with `folder`, a symbolic link
    that leads outside the folder is refused unless `follow_links`; with `max_bytes`, a larger
    file is refused before it is read.
    """
    name = shown_name(path)
    try:
        if folder is not None and not follow_links and os.path.islink(path):
            target = Path(os.path.realpath(path))
            if not _inside(target, Path(os.path.realpath(folder))):
                raise error(
                    f"{name}: symbolic link to {shown_name(target)}, outside the folder; not read",
                    hint="copy the file into the folder, or pass --follow-links",
                )
        # O_NONBLOCK: opening a FIFO must not wait for a writer that never comes.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{name}: {what} not found") from None
    except IsADirectoryError:
        raise error(f"{name}: is a folder, not a {what}") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket or a FIFO opened for writing only
            raise error(f"{name}: not a regular file; not read") from None
        raise error(f"{name}: cannot read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{name}: {file_kind(info.st_mode)}, not a regular file; not read")
        if max_bytes is not None and info.st_size > max_bytes:
            raise error(
                f"{name}: too large ({size_text(info.st_size)}; the limit is {size_text(max_bytes)}); not read",
                hint="split the file, or raise the limit with --max-bytes",
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"{name}: cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:  # the file grew while we read it
        raise error(f"{name}: too large (over {size_text(max_bytes)}); not read", hint="raise the limit with --max-bytes")
    return data


def read_input_text(path: Path, error: type[StanceGraphError] = StanceGraphError, what: str = "file") -> str:
    """A regular UTF-8 text file (YAML, SPARQL); anything else raises `error` naming the file."""
    data = read_input_file(path, error, what=what)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{shown_name(path)}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


# ---------------------------------------------------------------------------------------------
# Writing output files.

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
#: Temporary files older than this are left over from a killed process (a write takes seconds).
STALE_AFTER_SECONDS = 3600.0


def check_output_target(path: Path) -> None:
    """Refuse to replace anything but a regular file: a symbolic link, FIFO, device or folder stays as it is."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(f"{shown_name(path)}: cannot write ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise ExportError(
            f"{shown_name(path)}: is a symbolic link; not replaced",
            hint="write to the file it points to, or to '-' for standard output",
        )
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(
            f"{shown_name(path)}: is {file_kind(info.st_mode)}, not a regular file; not replaced",
            hint="use '-o -' to write to standard output",
        )


def is_temp_file_of(name: str, target: str) -> bool:
    """Whether `name` is a temporary file written on the way to `target` (`.target.XXXX.tmp`)."""
    return name.startswith(f"{TEMP_PREFIX}{target}.") and name.endswith(TEMP_SUFFIX)


def clean_temp_files(folder: Path, targets: list[str] | None = None, older_than: float = 0.0) -> list[Path]:
    """Remove temporary files a killed write left in `folder`; returns what was removed.

    With `targets`, only temporary files of those names; only files older than `older_than`
    seconds, so a write in progress elsewhere is not disturbed.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
            continue
        if targets is not None and not any(is_temp_file_of(name, t) for t in targets):
            continue
        path = Path(folder) / name
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
    return removed


class FolderBusyError(StanceGraphError):
    """Another build holds the lock of the export folder."""


@contextmanager
def folder_lock(folder: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on an export folder, so two builds into it run one after the other.

    The lock is taken on the folder itself (nothing is left behind) and the system releases it
    when the process dies. When another build holds it, `on_wait` is told and the call waits,
    or raises FolderBusyError when `wait` is false.
    """
    folder = Path(folder)
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = f"another build is writing into {shown_name(folder)}"
            if not wait:
                raise FolderBusyError(message, hint="wait for it to finish, then run again") from None
            if on_wait is not None:
                on_wait(message + "; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
        if created:  # a build that wrote nothing leaves no empty folder behind
            try:
                folder.rmdir()
            except OSError:
                pass


@contextmanager
def output_folder(folder: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[list[Path]]:
    """Lock an export folder for one build and remove the temporary files killed writes left in it (and in its cache)."""
    with folder_lock(folder, on_wait=on_wait):
        removed = clean_temp_files(folder) + clean_temp_files(Path(folder) / ".cache")
        yield removed


# ---------------------------------------------------------------------------------------------
# Cells for spreadsheets.

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix a quote); numbers stay numbers."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
