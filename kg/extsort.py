"""Sorting more lines than memory holds: sorted runs written to temporary files, then merged."""
from __future__ import annotations

import heapq
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

#: Lines sorted in memory at a time (about 150 MB of N-Quads lines).
DEFAULT_CHUNK_LINES = 500_000
#: Runs merged at once; more are merged in rounds, so the open files stay few.
MERGE_WIDTH = 64
_BUFFER = 1 << 20


class LineSorter:
    """Byte lines (each ending with a newline) given back in byte order with repeats removed.

    At most `chunk_lines` lines are held: each full chunk is sorted and written to a run file
    in `tmp_dir`; reading merges the runs. Byte order of UTF-8 text is code point order, the
    order Python sorts `str` in, so the result equals `sorted(set(lines))` on the decoded text.
    """

    def __init__(self, tmp_dir: Path | str, chunk_lines: int = DEFAULT_CHUNK_LINES) -> None:
        if chunk_lines < 1:
            raise ValueError("chunk_lines must be at least 1")
        self.tmp_dir = Path(tmp_dir)
        self.chunk_lines = chunk_lines
        self.runs: list[Path] = []
        self._chunk: list[bytes] = []

    def add(self, line: bytes) -> None:
        """Take one line (ending with a newline)."""
        self._chunk.append(line)
        if len(self._chunk) >= self.chunk_lines:
            self._spill()

    def extend(self, lines: Iterable[bytes]) -> None:
        """Take many lines."""
        for line in lines:
            self.add(line)

    def _spill(self) -> None:
        self._chunk.sort()
        self.runs.append(self._write_run(_unique(self._chunk)))
        self._chunk = []

    def _write_run(self, lines: Iterable[bytes]) -> Path:
        fd, name = tempfile.mkstemp(prefix="run-", suffix=".txt", dir=self.tmp_dir)
        with os.fdopen(fd, "wb", buffering=_BUFFER) as handle:
            handle.writelines(lines)
        return Path(name)

    def __iter__(self) -> Iterator[bytes]:
        """The lines sorted and unique; the run files are removed once read."""
        if not self.runs:
            chunk, self._chunk = self._chunk, []
            yield from sorted(set(chunk))
            return
        if self._chunk:
            self._spill()
        runs, self.runs = self.runs, []
        try:
            while len(runs) > MERGE_WIDTH:
                group, runs = runs[:MERGE_WIDTH], runs[MERGE_WIDTH:]
                runs.append(self._write_run(_merge(group)))
                for path in group:
                    path.unlink()
            yield from _merge(runs)
        finally:
            for path in runs:
                if path.exists():
                    path.unlink()


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted lines without adjacent repeats."""
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def _merge(paths: list[Path]) -> Iterator[bytes]:
    """The sorted run files merged into one sorted stream without repeats."""
    handles: list[BinaryIO] = []
    try:
        for path in paths:
            handles.append(open(path, "rb", buffering=_BUFFER))
        yield from _unique(heapq.merge(*handles))
    finally:
        for handle in handles:
            handle.close()
