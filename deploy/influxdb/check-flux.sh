#!/usr/bin/env bash
# Checks the syntax of every Flux text in this directory: the *.flux task files and the ```flux blocks of README.md.
# It uses the Flux parser InfluxData publishes on npm (@influxdata/flux, compiled to WebAssembly), fetched once into a
# cache with a pinned SHA-256. No InfluxDB server is needed (none can be installed on the development machines), so
# this is what stands between a typo in a task and a staging server. Usage: deploy/influxdb/check-flux.sh [FILE...]
# Needs node (Debian: nodejs) and npm. Exit code 1 if a file has a syntax error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${EDGECREDIT_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecredit/tools}/influxdata-flux-0.5.1"
tarball_sha256=be8ce2c15b21ea33383bf6cd8e10b7098856af0f14cb674cde80296e1a46779c

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "check-flux: '$tool' not found; install it with: apt-get install nodejs npm" >&2; exit 2; }
done

if [ ! -f "$cache/package/flux_bg.wasm" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent @influxdata/flux@0.5.1 >/dev/null) \
    || { echo "check-flux: npm pack @influxdata/flux@0.5.1 failed (is the npm registry reachable?)" >&2; exit 2; }
  actual="$(sha256sum "$work/influxdata-flux-0.5.1.tgz" | cut -d' ' -f1)"
  if [ "$actual" != "$tarball_sha256" ]; then
    echo "check-flux: @influxdata/flux-0.5.1.tgz has SHA-256 $actual, expected $tarball_sha256; not used" >&2
    exit 2
  fi
  mkdir -p "$cache"
  tar -xzf "$work/influxdata-flux-0.5.1.tgz" -C "$cache"
fi

if [ $# -eq 0 ]; then
  set -- "$here"/*.flux "$here/README.md"
fi
exec node "$here/check-flux.mjs" "$cache/package" "$@"
