# Shared by the scripts in this folder: paths and small helpers.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Where the release build goes (tests and size report), apart from the
# debug build that `trunk serve` writes to dist/.
RELEASE_DIST="$ROOT/dist-release"
# A development build with the designer preview, for its tests.
PREVIEW_DIST="$ROOT/dist-preview"

# Flags for the wasm build (they replace the ones in .cargo/config.toml):
# Leptos's type-erased components, and dependency paths (kept in panic
# locations) cut to "crate-version/file.rs", which saves almost 2 KB of
# brotli and names nothing about the build machine.
CARGO_REGISTRY_SRC="${CARGO_HOME:-$HOME/.cargo}/registry/src"
# The stack size is .cargo/config.toml's, for the reason given there.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -C link-arg=-zstack-size=262144 --remap-path-prefix=$CARGO_REGISTRY_SRC/="

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version that Cargo.lock pins; the CLI must match it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}
