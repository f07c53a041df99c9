#!/usr/bin/env bash
# Install everything the test suite needs on a fresh machine, then run all of it.
# Browser tests drive Debian's Chromium (no browser download); pass pytest options through,
# e.g. `bash tests/run.sh -m "not browser"`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive: Chromium for the browser tests, Virtuoso for the test that
# pushes a build to a real shared-deployment server, rapper to parse the exports. One apt-get update, only when something is missing.
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium chromium-driver fonts-dejavu-core)
command -v virtuoso-t >/dev/null 2>&1 || packages+=(virtuoso-opensource)
command -v rapper >/dev/null 2>&1 || packages+=(raptor2-utils)  # a third RDF parser the exports must pass
if [ "${#packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  export DEBIAN_FRONTEND=noninteractive
  $apt_get update -q
  $apt_get install -y -q --no-install-recommends "${packages[@]}"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest "$@"
