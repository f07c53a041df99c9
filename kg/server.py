"""Serving the built store over the SPARQL 1.1 Protocol with the Oxigraph server (PyPI package `oxigraph`)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .errors import GraphNotBuiltError, StoreError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The `oxigraph` server program installed with the package (next to this Python first, then on PATH)."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError("the Oxigraph server program is not installed", hint="pip install 'oxigraph>=0.5,<0.6'")
    return found


def server_command(store_dir: Path | str | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False) -> list[str]:
    """The command line that serves a store: read-only unless `writable`; in memory when `store_dir` is None."""
    command = [oxigraph_binary(), "serve" if writable or store_dir is None else "serve-read-only"]
    if store_dir is not None:
        command += ["--location", str(store_dir)]
    # Queries see every named graph, as `kg query` does.
    return command + ["--bind", f"{host}:{port}", "--union-default-graph"]


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningServer:
    """A started server process and the URL a `--store sparql:URL` names it by."""

    process: subprocess.Popen
    url: str

    def stop(self) -> None:
        """Stop the server and wait for it to exit."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def check_store_dir(store_dir: Path | str) -> Path:
    """The store folder, or the 'not built' error when there is none."""
    path = Path(store_dir)
    if not (path / "CURRENT").is_file():
        raise GraphNotBuiltError(f"{path}: no built graph here", hint="run 'kg build' first, or name the folder with --out")
    return path


def start_server(
    store_dir: Path | str | None,
    host: str = DEFAULT_HOST,
    port: int | None = None,
    writable: bool = False,
    timeout: float = 30.0,
) -> RunningServer:
    """Start the Oxigraph server in the background and wait until it answers (a server for tests and scripts)."""
    if store_dir is not None:
        check_store_dir(store_dir)
    port = port or free_port(host)
    process = subprocess.Popen(
        server_command(store_dir, host, port, writable), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://{host}:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            message = (process.stderr.read() if process.stderr else b"").decode("utf-8", "replace").strip()
            raise StoreError(f"the Oxigraph server stopped at start: {message.splitlines()[-1] if message else 'no message'}")
        try:
            with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2):
                return RunningServer(process, url)
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    process.kill()
    raise StoreError(f"the Oxigraph server did not answer on {url} within {timeout:.0f} s")
