#!/usr/bin/env bash
# Installs what newsgraph's image exports and tests need beyond the Rust toolchain:
# Graphviz's `dot` (Debian package `graphviz`) for SVG/PNG, Chromium (`chromium`) for the
# test of `export html` in a real browser, and networkx (PyPI) for the GraphML test when
# python3 is there. Safe to run again: it does nothing when they are already there.
set -euo pipefail

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${missing[*]}; install them with your package manager" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
  fi
  echo "setup: installing ${missing[*]} (SVG/PNG exports, the browser test of export html) ..." >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  command -v dot >/dev/null
fi

# networkx only serves a test; without python3 or pip that test says it skipped.
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import networkx" >/dev/null 2>&1; then
  echo "setup: installing networkx (for the GraphML test) ..." >&2
  python3 -m pip install -q networkx >/dev/null 2>&1 || echo "setup: could not install networkx; its test will be skipped" >&2
fi
exit 0
