#!/usr/bin/env bash
# Installs everything Waypoint needs to build and test, on a bare machine or an
# already set-up one. Each step checks first, so a second run takes seconds.
# `setup.sh build` installs only what a release build needs (a static host's CI, `make serve`).
set -euo pipefail
MODE=${1:-all}
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"
TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=116
WASM_SPLIT_VERSION=0.2.4
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must equal the crate in Cargo.lock, or Trunk tries to download one.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# make test checks formatting and lints; rustup may have left these components out. The release
# build rebuilds the standard library without panic messages (scripts/split-build.sh): rust-src.
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on two cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install --force "wasm-bindgen-cli@$BINDGEN_VERSION"
fi

# Debian's binaryen is too old (the optimised page dies at start); this one is verified.
if ! wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION"; then
  say "installing wasm-opt (binaryen $WASM_OPT_VERSION, about 9 minutes)"
  cargo install --locked wasm-opt || cargo install wasm-opt
fi

# The release build splits the wasm so the board loads first (scripts/split-build.sh), with
# wasm-split-cli patched by tools/wasm-split-*.patch (gather: the chunks the codec part shares
# become one file; compile-early: a part compiles as it arrives, and the page may start that
# itself). Built from the crate's source into target/tools/, and again whenever a patch changes.
WASM_SPLIT_ROOT=target/tools
WASM_SPLIT_STAMP="$WASM_SPLIT_ROOT/wasm-split-$WASM_SPLIT_VERSION-$(cat tools/wasm-split-*.patch | sha256sum | cut -c1-16)"
if [ ! -f "$WASM_SPLIT_STAMP" ] || ! "$WASM_SPLIT_ROOT/bin/wasm-split-cli" --help >/dev/null 2>&1; then
  say "building wasm-split-cli $WASM_SPLIT_VERSION with Waypoint's patches (about 2 minutes)"
  # The crate's source, through a throwaway manifest that depends on it.
  fetcher="$WASM_SPLIT_ROOT/fetch"
  mkdir -p "$fetcher/src"
  printf '[package]\nname = "fetch-wasm-split"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nwasm_split_cli_support = "=%s"\n' \
    "$WASM_SPLIT_VERSION" > "$fetcher/Cargo.toml"
  : > "$fetcher/src/lib.rs"
  (cd "$fetcher" && cargo fetch --quiet)
  source_dir=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"wasm_split_cli_support-$WASM_SPLIT_VERSION" | head -n 1)
  rm -rf "$WASM_SPLIT_ROOT/src"
  cp -r "$source_dir" "$WASM_SPLIT_ROOT/src"
  for fix in tools/wasm-split-*.patch; do patch --quiet -p1 -d "$WASM_SPLIT_ROOT/src" < "$fix"; done
  cargo install --locked --force --path "$WASM_SPLIT_ROOT/src" --features build-binary --root "$WASM_SPLIT_ROOT"
  rm -f "$WASM_SPLIT_ROOT"/wasm-split-*
  touch "$WASM_SPLIT_STAMP"
fi

# npm ci only when the lock changed since the last install: the build minifies its
# JavaScript with terser (scripts/minify-js.mjs); the tests drive Chromium with Playwright.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  say "installing the npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.setup-lock
fi

if [ "$MODE" = build ]; then
  cargo fetch --quiet --target wasm32-unknown-unknown
  say "ready to build"
  exit 0
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi


# Trunk builds offline, so every crate must be here first.
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
say "ready"
