#!/usr/bin/env bash
# Installs what newsgraph's image exports and tests need beyond the Rust toolchain:
# Graphviz's `dot` (Debian package `graphviz`). Safe to run again: it does nothing when
# `dot` is already there.
set -euo pipefail
if command -v dot >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: Graphviz's 'dot' is missing; install the 'graphviz' package with your package manager" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  sudo="sudo"
fi
echo "setup: installing graphviz (for SVG/PNG exports) ..." >&2
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq graphviz >/dev/null
command -v dot >/dev/null
