#!/usr/bin/env bash
# The benchmarks (not part of the test command: they measure, they do not pass or fail).
# Builds the release bundle, then runs scripts/bench.mjs, which prints one table and writes it
# to benchmarks/<date>-<host>.md for committing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release
node scripts/bench.mjs dist
