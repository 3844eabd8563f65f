#!/usr/bin/env bash
# Trunk's pre_build hook: builds the app's wasm and splits it so the board loads first.
#
# Trunk 0.21 cannot split wasm, so index.html skips Trunk's own rust step and copies pkg/,
# which this script fills, the way cargo-leptos's --split does it:
#   1. cargo build with the `split` feature, linked with --emit-relocs (wasm-split needs the
#      relocations to move code and data into the parts); a release build also rebuilds the
#      standard library so that a panic aborts at once;
#   2. wasm-split-cli cuts the module at each #[lazy] entry point (src/ui/lazy.rs): the main
#      module, split_*.wasm per entry point, chunk_*.wasm for code two parts share (all the code
#      the codec part shares in one chunk: tools/wasm-split-gather.patch), and the loader
#      __wasm_split.js;
#   3. wasm-bindgen on the main module only, keeping the exports the parts import from it;
#   4. release builds: wasm-opt -Oz on every .wasm (binaryen 116, same features as rustc's target).
# A separate target folder keeps these flags from invalidating the everyday wasm build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

APP=waypoint
OUT=pkg
TARGET_DIR=target/split
PROFILE="${TRUNK_PROFILE:-release}"
CARGO_PROFILE_FLAG=()
[ "$PROFILE" = release ] && CARGO_PROFILE_FLAG=(--release)

RUSTFLAGS_LIST='"--cfg", "erase_components", "-Clink-args=--emit-relocs"'
BUILD_STD=()
if [ "$PROFILE" = release ]; then
  # A release build aborts on a panic without formatting a message (nobody reads it, and no
  # hook is set): the standard library is rebuilt with panic=immediate-abort, which drops
  # every panic's message, location and formatting code, 8-9 % of the main module gzipped.
  # These are unstable flags; RUSTC_BOOTSTRAP lets this stable toolchain accept them, for
  # this one build (its own target folder) only.
  export RUSTC_BOOTSTRAP=1
  BUILD_STD=(-Zbuild-std=std,panic_abort)
  RUSTFLAGS_LIST="$RUSTFLAGS_LIST"', "-Zunstable-options", "-Cpanic=immediate-abort"'
fi
cargo build --locked --bin "$APP" --target wasm32-unknown-unknown --features split --target-dir "$TARGET_DIR" \
  "${CARGO_PROFILE_FLAG[@]}" "${BUILD_STD[@]}" \
  --config "target.wasm32-unknown-unknown.rustflags=[$RUSTFLAGS_LIST]"
unset RUSTC_BOOTSTRAP

LINKED="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/$APP.wasm"
PARTS="$TARGET_DIR/parts"
rm -rf "$PARTS" "$OUT"
mkdir -p "$PARTS" "$OUT"
# The patched splitter (scripts/setup.sh builds it): the chunks the codec part shares with other
# parts become one file, so a visit with a stored copy fetches two files before its board, not sixty.
WASM_SPLIT_GATHER_WITH=codec target/tools/bin/wasm-split-cli --target web --out-name "$APP" "$LINKED" "$PARTS"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript --out-name "$APP" --out-dir "$OUT" "$PARTS/$APP.wasm"
# crates/wasm-streams-stub stands in for wasm-streams (root Cargo.toml, [patch.crates-io]); were
# the patch ever left unused (a Leptos update asking for another version), the real crate's
# exported stream classes would come back into the main wasm without a word: stop instead.
if grep -q "IntoUnderlying" "$OUT/$APP.js"; then
  echo "split-build: wasm-streams' classes are back in the main wasm: is [patch.crates-io] still used?" >&2
  exit 1
fi
# The loader imports ./waypoint.js and fetches the parts next to itself.
cp "$PARTS"/__wasm_split.js "$OUT"/
cp "$PARTS"/split_*.wasm "$OUT"/ 2>/dev/null || true
cp "$PARTS"/chunk_*.wasm "$OUT"/ 2>/dev/null || true

# WASM_OPT_EXTRA adds flags for a side build, e.g. `WASM_OPT_EXTRA=-g trunk build --release
# --dist /tmp/named` keeps the function names for a profile of where start-up's time goes.
if [ "$PROFILE" = release ]; then
  for wasm in "$OUT"/*.wasm; do
    # shellcheck disable=SC2086 # the extra flags are words on purpose
    wasm-opt -Oz ${WASM_OPT_EXTRA:-} --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --enable-multivalue "$wasm" -o "$wasm"
  done
fi
echo "split-build: $(ls "$OUT"/*.wasm | wc -l) wasm file(s) in $OUT/ ($PROFILE)"
