"""How the browser tests and benchmarks drive Debian's Chromium: one binary, one set of flags."""
from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")

# Headless as root, with no background traffic: this machine has no network, and a request
# Chromium makes on its own would only show up as noise in the offline checks.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def launch_chromium(playwright: Any) -> Any:
    """Start Debian's Chromium headless through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
