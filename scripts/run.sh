#!/usr/bin/env bash
# Run the app: install what is missing, build the release bundle, serve it at 127.0.0.1:8080.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release
exec node scripts/serve.mjs dist "${PORT:-8080}"
