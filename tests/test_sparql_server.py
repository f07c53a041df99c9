"""A real Oxigraph server on loopback: a build pushed with --store sparql:URL answers like the embedded store."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import StoreError
from kg.server import oxigraph_binary, start_server
from kg.store import connect

try:
    oxigraph_binary()
except StoreError:  # pragma: no cover - the package installs it; a bare checkout may not have it yet
    pytest.skip("the oxigraph server program is not installed", allow_module_level=True)

QUERIES = ["positions", "conflicts", "conditions", "stances", "catalog", "position_summary", "actor_pairs"]


@pytest.fixture()
def server():
    """An empty, writable, in-memory Oxigraph server on 127.0.0.1 and a free port."""
    with start_server(None, writable=True) as running:
        yield running


def query(runner: CliRunner, name: str, out: Path, store: str | None = None) -> list:
    args = ["query", name, "--out", str(out), "--format", "json"] + (["--store", store] if store else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])


def test_a_build_pushed_to_a_server_answers_like_the_embedded_store(server, seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    embedded, remote = tmp_path / "embedded", tmp_path / "remote"
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(embedded), "--no-extract"]).exit_code == 0
    pushed = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(remote), "--no-extract", "--store", f"sparql:{server.url}"])
    assert pushed.exit_code == 0, pushed.output
    assert "store: 7 graph(s) written, 0 unchanged, 0 dropped" in pushed.output
    assert not (remote / "stancegraph.oxigraph").exists()
    for name in QUERIES:
        answers = query(runner, name, embedded)
        assert answers, name
        assert query(runner, name, remote, f"sparql:{server.url}") == answers, name
    # The answers read the same aggregate nodes (sides, pages, days) there, and give the same rows.
    for args in (["conflicts"], ["conflicts", "--actor", "Russia"], ["conditions"], ["coalitions"], ["stances", "--limit", "5"],
                 ["stances", "--actor", "Israel", "--limit", "3"], ["stances", "--issue", "reconstruction", "--polarity", "conditional", "--limit", "2"],
                 ["timeline", "--actor", "Israel", "--limit", "4"], ["timeline", "--actor", "US", "--issue", "reconstruction", "--limit", "2"]):
        local = runner.invoke(cli, [*args, "--out", str(embedded), "--format", "json"])
        served = runner.invoke(cli, [*args, "--out", str(remote), "--store", f"sparql:{server.url}", "--format", "json"])
        assert local.exit_code == served.exit_code == 0, (args, local.output, served.output)
        assert json.loads(local.stdout), args
        assert served.stdout == local.stdout and served.stderr == local.stderr, args
    # The exports written from the server's content are the embedded build's, byte for byte.
    for ext in ("ttl", "trig"):
        assert (remote / f"stancegraph.{ext}").read_bytes() == (embedded / f"stancegraph.{ext}").read_bytes()
    exported = runner.invoke(cli, ["export", "--format", "nq", "--out", str(remote), "--store", f"sparql:{server.url}", "-o", "-"])
    local = runner.invoke(cli, ["export", "--format", "nq", "--out", str(embedded), "-o", "-"])
    assert exported.output == local.output


def test_a_server_build_is_incremental_too(server, seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    build = ["build", str(seeds_dir), "--out", str(tmp_path), "--no-extract", "--no-annotations", "--store", f"sparql:{server.url}"]
    assert runner.invoke(cli, build).exit_code == 0
    again = runner.invoke(cli, build)
    assert "store: 0 graph(s) written, 6 unchanged, 0 dropped" in again.output
    (seeds_dir / "004_7e26575f6888aeed.txt").unlink()
    dropped = runner.invoke(cli, build)
    assert "store: 0 graph(s) written, 5 unchanged, 1 dropped" in dropped.output, dropped.output
    graphs = connect(f"sparql:{server.url}", tmp_path).graph_names()
    assert len(graphs) == 5 and not any("004_7e26575f6888aeed" in g for g in graphs)


def test_a_served_build_is_read_only_by_default(seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(tmp_path), "--no-extract"]).exit_code == 0
    with start_server(tmp_path / "stancegraph.oxigraph") as running:
        assert query(runner, "positions", tmp_path, f"sparql:{running.url}") == query(runner, "positions", tmp_path)
        request = urllib.request.Request(
            running.url + "/update", data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)
    assert query(runner, "positions", tmp_path)


def test_server_errors_are_one_line(server, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["query", "SELECT ?s WHERE { ?s ?p }", "--out", str(tmp_path), "--store", f"sparql:{server.url}"])
    assert bad.exit_code == 1 and bad.output.startswith("Error: SPARQL syntax error")
    update = runner.invoke(cli, ["query", "CLEAR ALL", "--out", str(tmp_path), "--store", f"sparql:{server.url}"])
    assert update.output.startswith("Error: updates are refused: kg query only reads the graph")
    down = runner.invoke(cli, ["query", "positions", "--out", str(tmp_path), "--store", "sparql:http://127.0.0.1:9"])
    assert down.exit_code == 1
    assert down.output.startswith("Error: cannot reach the SPARQL server at http://127.0.0.1:9:")


def test_serve_refuses_a_folder_without_a_build(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no built graph here" in result.output


def test_kg_serve_serves_the_built_store_until_stopped(seeds_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from kg.server import free_port

    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(tmp_path), "--no-extract"]).exit_code == 0
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--out", str(tmp_path), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == f"SPARQL endpoint: http://127.0.0.1:{port}/query (read-only; queries see the union of all graphs)\n"
        deadline = time.monotonic() + 30
        while True:
            try:
                answers = query(runner, "positions", tmp_path, f"sparql:http://127.0.0.1:{port}")
                break
            except AssertionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert answers == query(runner, "positions", tmp_path)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_aggregates_pushed_in_slices_are_whole_on_the_server(server, seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.aggregates
    import kg.store

    runner = CliRunner()
    embedded, remote = tmp_path / "embedded", tmp_path / "remote"
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(embedded), "--no-extract"]).exit_code == 0
    monkeypatch.setattr(kg.aggregates, "PART_LINES", 40)
    monkeypatch.setattr(kg.store, "_LOAD_CHUNK", 10_000)
    pushed = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(remote), "--no-extract", "--store", f"sparql:{server.url}"])
    assert pushed.exit_code == 0, pushed.output
    exported = runner.invoke(cli, ["export", "--format", "nq", "--out", str(remote), "--store", f"sparql:{server.url}", "-o", "-"])
    local = runner.invoke(cli, ["export", "--format", "nq", "--out", str(embedded), "-o", "-"])
    assert exported.exit_code == 0 and exported.output == local.output
