#!/usr/bin/env bash
# Every check of the project, in order; exits non-zero on the first failure.
#   1. format  2. clippy native and wasm32  3. native tests  4. browser tests (headless Chromium)
#   5. release build  6. end-to-end tests against dist/  7. size report of dist/ and its budget
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

started=$SECONDS
phase() { printf '\n==> %s (%d s so far)\n' "$*" "$((SECONDS - started))"; }

phase "cargo fmt --check"
cargo fmt --all --check

phase "clippy, native"
cargo clippy --locked --all-targets -- -D warnings

phase "clippy, wasm32"
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked --lib --features split --target wasm32-unknown-unknown -- -D warnings

phase "native tests"
cargo test --locked

phase "browser tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --locked --target wasm32-unknown-unknown --lib --test 'web_*'

phase "release build (trunk)"
trunk build --release

phase "end-to-end tests (playwright-core, system Chromium)"
node --test --test-concurrency=1 tests/e2e/

phase "size report and budget (size-budget.json)"
node scripts/size-report.mjs dist
node scripts/size-budget.mjs dist

printf '\nAll checks passed in %d s.\n' "$((SECONDS - started))"
