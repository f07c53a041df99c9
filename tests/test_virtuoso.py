"""A real Virtuoso server (Debian's virtuoso-opensource) on loopback answers a pushed build like the embedded store."""
from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.server import free_port

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")

if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None or not SYSTEM_INI.is_file():
    pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)", allow_module_level=True)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):
    """A fresh Virtuoso database in a scratch folder, listening on free loopback ports, its SPARQL user allowed to update."""
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    # The system configuration with the database in the scratch folder; the first ServerPort is
    # the SQL one ([Parameters]), the second the HTTP one ([HTTPServer]).
    text, seen = [], False
    for line in SYSTEM_INI.read_text(encoding="utf-8").splitlines():
        line = line.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
        if line.split("=", 1)[0].strip() == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{http_port if seen else sql_port}"
            seen = True
        text.append(line)
    ini = folder / "virtuoso.ini"
    ini.write_text("\n".join(text) + "\n", encoding="utf-8")
    process = subprocess.Popen(["virtuoso-t", "+configfile", str(ini), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).read()
                break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Virtuoso did not start: {(folder / 'virtuoso.log').read_text(errors='replace')[-500:]}")
                time.sleep(0.5)
        subprocess.run(["isql-vt", str(sql_port), "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def answers(runner: CliRunner, name: str, out: Path, store: str | None = None) -> list[str]:
    result = runner.invoke(cli, ["query", name, "--out", str(out), "--format", "json"] + (["--store", store] if store else []))
    assert result.exit_code == 0, result.output
    return sorted(json.dumps(b, sort_keys=True) for b in json.loads(result.output)["results"]["bindings"])


def test_a_build_pushed_to_virtuoso_answers_like_the_embedded_store(virtuoso: str, seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    store = f"sparql:{virtuoso}"
    embedded, remote = tmp_path / "embedded", tmp_path / "remote"
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(embedded), "--no-extract"]).exit_code == 0
    pushed = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(remote), "--no-extract", "--store", store])
    assert pushed.exit_code == 0, pushed.output
    for name in ("positions", "conflicts", "conditions", "stances", "catalog", "position_summary", "actor_pairs"):
        expected = answers(runner, name, embedded)
        assert expected and answers(runner, name, remote, store) == expected, name
    # Virtuoso's own system graphs stay out of the exports.
    for ext in ("ttl", "trig"):
        assert (remote / f"stancegraph.{ext}").read_bytes() == (embedded / f"stancegraph.{ext}").read_bytes()
    again = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(remote), "--no-extract", "--store", store])
    assert "store: 0 graph(s) written, 7 unchanged, 0 dropped" in again.output


def test_aggregates_pushed_to_virtuoso_in_slices_are_whole(virtuoso: str, seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.aggregates

    runner = CliRunner()
    store = f"sparql:{virtuoso}"
    embedded, remote = tmp_path / "embedded", tmp_path / "remote"
    assert runner.invoke(cli, ["build", str(seeds_dir), "--out", str(embedded), "--no-extract"]).exit_code == 0
    # The first slice replaces the graph (PUT), the others are added to it (POST).
    monkeypatch.setattr(kg.aggregates, "PART_LINES", 40)
    pushed = runner.invoke(cli, ["build", str(seeds_dir), "--out", str(remote), "--no-extract", "--no-cache", "--store", store])
    assert pushed.exit_code == 0, pushed.output
    for name in ("positions", "position_summary", "actor_pairs", "timeline_days"):
        expected = answers(runner, name, embedded)
        assert expected and answers(runner, name, remote, store) == expected, name
    exported = runner.invoke(cli, ["export", "--format", "nq", "--out", str(remote), "--store", store, "-o", "-"])
    local = runner.invoke(cli, ["export", "--format", "nq", "--out", str(embedded), "-o", "-"])
    assert exported.exit_code == 0 and exported.output == local.output
