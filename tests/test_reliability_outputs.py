"""Queries and outputs under hostile conditions: no outbound requests, bounded time, streamed rows, safe cells and targets."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.safety import folder_lock

# An article whose quotes carry a spreadsheet formula and terminal escape sequences.
HOSTILE = (
    "=HYPERLINK(\"http://evil.example\") Israel insists on full demilitarization.\n"
    "Hamas rejects disarmament \x1b]0;owned\x07\x1b[31mloudly\x1b[0m.\n"
)
ANNOTATIONS = """articles:
  hostile:
    - {holder: Israel, issue: disarmament, polarity: support,
       quote: "=HYPERLINK(\\"http://evil.example\\") Israel insists on full demilitarization"}
    - {holder: Hamas, issue: disarmament, polarity: oppose,
       quote: "Hamas rejects disarmament \\e]0;owned\\a\\e[31mloudly\\e[0m"}
"""
CARTESIAN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def built(runner: CliRunner, tmp_path: Path) -> Path:
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "annotations").mkdir(parents=True)
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (src / "annotations" / "a.yaml").write_text(ANNOTATIONS, encoding="utf-8")
    result = runner.invoke(cli, ["build", str(src), "--out", str(out), "--no-extract"])
    assert result.exit_code == 0, result.output
    return out


def kg(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


# --- what queries may do ---------------------------------------------------------------------


def test_service_is_refused_and_nothing_is_sent(runner: CliRunner, built: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    query = f"SELECT * {{\n  SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}\n}}"
    result = runner.invoke(cli, ["query", query, "--out", str(built)])
    assert (result.exit_code, result.output) == (
        1,
        "Error: SERVICE at line 2, column 3 is refused: kg query does not send requests to other servers\n"
        "Hint: pass --allow-service to query remote SPARQL endpoints\n",
    )
    with pytest.raises(socket.timeout):
        listener.accept()
    listener.close()


def test_a_query_past_its_time_limit_is_stopped(built: Path) -> None:
    # in a process of its own: the engine cannot be cancelled, and a query left running inside the
    # test process would take a core from every test after it
    started = time.monotonic()
    process = kg("query", CARTESIAN, "--out", str(built), "--timeout", "1")
    try:
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert time.monotonic() - started < 60
    assert (process.returncode, err.splitlines()[0]) == (1, "Error: the query ran longer than 1 s and was stopped")


def test_ctrl_c_stops_a_long_query(built: Path) -> None:
    # a suite started in the background inherits an ignored SIGINT, and Python then never turns
    # Ctrl-C into KeyboardInterrupt: give the child the terminal's default, as a user's shell does
    process = kg("query", CARTESIAN, "--out", str(built), "--timeout", "0",
                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)  # the interpreter starts and the query is running
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert (process.returncode, err) == (130, "Error: query interrupted\n")


def test_rows_stream_and_a_limit_says_it_cut(runner: CliRunner, built: Path) -> None:
    query = "SELECT * { ?a ?b ?c . ?d ?e ?f }"  # hundreds of thousands of rows
    started = time.monotonic()
    result = runner.invoke(cli, ["query", query, "--out", str(built), "--format", "csv", "--limit", "5"])
    assert time.monotonic() - started < 30
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert (len(lines), lines[0]) == (6, "a,b,c,d,e,f")
    assert result.stderr == "note: stopped after 5 rows (--limit); the answer has more\n"
    table = runner.invoke(cli, ["query", query, "--out", str(built)])
    assert table.exit_code == 0
    assert table.stdout.splitlines()[-1] == (
        "(first 1000 rows shown; more were found: use --limit N, or --format csv for every row)"
    )
    assert len(table.stdout.splitlines()) == 1003
    streamed = runner.invoke(cli, ["query", "SELECT ?q { ?s sg:quote ?q } ORDER BY ?q", "--out", str(built), "--format", "json"])
    bindings = json.loads(streamed.stdout)["results"]["bindings"]
    assert [b["q"]["value"][:5] for b in bindings] == ["=HYPE", "Hamas"]


def test_a_typo_in_a_canned_query_name_suggests_the_closest(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(cli, ["query", "stancez", "--out", str(built)])
    assert result.exit_code == 2
    assert "Error: no canned query named 'stancez'; did you mean 'stances'?\n" in result.output


def test_an_undefined_prefix_is_named_in_one_line(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(cli, ["query", "SELECT * {\n  ?s foo:bar ?o }", "--out", str(built)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "Error: SPARQL syntax error at line 2, column 6: undefined prefix 'foo:'"
    assert len(result.output.splitlines()) == 2 and len(result.output) < 400


# --- what outputs may hold -------------------------------------------------------------------


def test_csv_cells_cannot_become_spreadsheet_formulas(runner: CliRunner, built: Path) -> None:
    query = "SELECT ?q ?n { ?s sg:quote ?q . BIND(-1 AS ?n) } ORDER BY ?q"
    result = runner.invoke(cli, ["query", query, "--out", str(built), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1] == ["'=HYPERLINK(\"http://evil.example\") Israel insists on full demilitarization", "-1"]


def test_terminal_escape_sequences_never_reach_the_terminal(runner: CliRunner, built: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["query", "SELECT ?q { ?s sg:quote ?q } ORDER BY ?q", "--out", str(built)])
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "Hamas rejects disarmament \\x1b]0;owned\\x07\\x1b[31mloudly\\x1b[0m" in result.output
    article = tmp_path / "one.txt"
    article.write_text("Hamas rejects disarmament\x1b[2J entirely.\n", encoding="utf-8")
    extracted = runner.invoke(cli, ["extract", str(article)])
    assert extracted.exit_code == 0, extracted.output
    assert "\x1b" not in extracted.output


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device"])
def test_an_output_target_that_is_not_a_regular_file_is_left_alone(runner: CliRunner, built: Path, tmp_path: Path, kind: str) -> None:
    if kind == "symlink":
        victim = tmp_path / "victim.txt"
        victim.write_text("keep me\n", encoding="utf-8")
        target = tmp_path / "link.ttl"
        target.symlink_to(victim)
        message = f"Error: {target}: is a symbolic link; not replaced\n"
    elif kind == "fifo":
        target = tmp_path / "pipe.ttl"
        os.mkfifo(target)
        message = f"Error: {target}: is a named pipe (FIFO), not a regular file; not replaced\n"
    else:
        target = Path("/dev/null")
        message = "Error: /dev/null: is a character device, not a regular file; not replaced\n"
    for command in (["export", "-o", str(target)], ["viz", "-o", str(target)]):
        result = runner.invoke(cli, [*command, "--out", str(built)])
        assert result.exit_code == 1
        assert result.output.startswith(message)
    if kind == "symlink":
        assert target.is_symlink() and victim.read_text(encoding="utf-8") == "keep me\n"
    elif kind == "fifo":
        assert not target.is_file() and target.exists()
    else:
        assert Path("/dev/null").is_char_device()
    to_stdout = runner.invoke(cli, ["viz", "-o", "-", "--out", str(built)])
    assert to_stdout.exit_code == 0 and to_stdout.output.startswith("<!DOCTYPE html>")


def test_temporary_files_of_killed_writes_are_cleaned(runner: CliRunner, built: Path, tmp_path: Path) -> None:
    leftover = built / ".stancegraph.ttl.k2j3h4.tmp"
    leftover.write_bytes(b"half a graph")
    (built / ".cache").mkdir(exist_ok=True)
    cached = built / ".cache" / ".extraction.json.x1y2.tmp"
    cached.write_bytes(b"{")
    result = runner.invoke(cli, ["build", str(tmp_path / "src"), "--out", str(built), "--no-extract"])
    assert result.exit_code == 0, result.output
    assert not leftover.exists() and not cached.exists()
    target = tmp_path / "elsewhere" / "g.nt"
    target.parent.mkdir()
    old = target.parent / ".g.nt.aaaa.tmp"
    fresh = target.parent / ".g.nt.bbbb.tmp"  # maybe another write in progress: kept
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert runner.invoke(cli, ["export", "--format", "nt", "-o", str(target), "--out", str(built)]).exit_code == 0
    assert not old.exists() and fresh.exists()


def test_two_builds_into_one_folder_run_one_after_the_other(built: Path, tmp_path: Path) -> None:
    with folder_lock(built):
        process = kg("build", str(tmp_path / "src"), "--out", str(built), "--no-extract")
        deadline = time.monotonic() + 60
        err_lines: list[str] = []
        reader = threading.Thread(target=lambda: err_lines.extend(iter(process.stderr.readline, "")), daemon=True)
        reader.start()
        while not err_lines and time.monotonic() < deadline:
            time.sleep(0.1)
        assert err_lines[:1] == [f"note: another build is writing into {built}; waiting for it to finish\n"]
        time.sleep(1)
        assert process.poll() is None  # still waiting for the lock
    assert process.wait(timeout=120) == 0
    assert "articles read: 1" in process.stdout.read()
