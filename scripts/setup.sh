#!/usr/bin/env bash
# Installs what building and testing the app needs, each step only when missing or at the wrong
# version, so a warm machine passes through in about a second. Sourced by run.sh and test.sh,
# which then find the tools on PATH. Nothing is downloaded from GitHub (see README).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen CLI must match the crate exactly; read the crate's version from Cargo.lock
# so that upgrading the crate cannot leave a mismatched CLI behind.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "wasm32-unknown-unknown target: present"
  else
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    step "trunk $TRUNK_VERSION: present"
  else
    step "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
    # LTO off and many codegen units: Trunk is a build tool, its own speed hardly matters.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
  if ! grep -q "^wasm_bindgen = \"$want\"$" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml pins a wasm_bindgen other than $want (from Cargo.lock): update it" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $want" ] &&
    command -v wasm-bindgen-test-runner >/dev/null; then
    step "wasm-bindgen-cli $want: present"
  else
    step "installing wasm-bindgen-cli $want (about 5 minutes)"
    # Not --locked: the CLI's own lock file names a webpki-roots the registry no longer has.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# The splitter that cuts the wasm into chunks between rustc and wasm-bindgen
# (scripts/build-wasm.mjs): crate wasm_split_cli_support, binary wasm-split-cli. 0.2.4 exactly:
# 0.2.2 makes wasm-bindgen 0.2.130 panic. The binary has no --version, so cargo's own list of
# installed crates tells the version.
WASM_SPLIT_VERSION="0.2.4"
ensure_wasm_split() {
  if command -v wasm-split-cli >/dev/null &&
    cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    step "wasm-split-cli $WASM_SPLIT_VERSION: present"
  else
    step "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  fi
}

ensure_browser() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    step "chromium and chromedriver: present"
  else
    step "installing chromium and chromedriver from apt"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# The print test reads its PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm), and
# prints in Tinos (fonts-croscore), the Times New Roman-metric serif with every Vietnamese letter:
# Debian's Liberation Serif 1.07 lacks letters such as "ộ" and Chromium would fall back to a sans.
# The Word files are opened and printed by LibreOffice Writer in the tests, and the workbooks
# and CSV files opened by LibreOffice Calc, as the office would.
ensure_print_tools() {
  if command -v pdftotext >/dev/null && fc-list Tinos family | grep -q Tinos && command -v libreoffice >/dev/null &&
    dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q "ok installed"; then
    step "poppler-utils, the Tinos font and LibreOffice Writer and Calc: present"
  else
    step "installing poppler-utils, fonts-croscore, libreoffice-writer-nogui and libreoffice-calc-nogui from apt"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      poppler-utils fonts-croscore libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
  fi
}

# npm packages: wasm-opt from binaryen 132 and playwright-core. A stamp of package-lock.json's
# hash in node_modules tells whether `npm ci` is needed.
ensure_node_packages() {
  local stamp="$ROOT/node_modules/.lock-hash" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    step "npm packages: present"
  else
    step "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
  [ "$(wasm-opt --version)" = "wasm-opt version 132 (version_132)" ] ||
    { echo "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2; exit 1; }
}

# Trunk runs cargo with --offline, so every crate must already be in the local registry.
ensure_crates() {
  (cd "$ROOT" && cargo fetch --locked --quiet)
  step "crates: fetched"
}

setup_started=$SECONDS
ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_split
ensure_browser
ensure_print_tools
ensure_node_packages
ensure_crates
step "done in $((SECONDS - setup_started)) s"
