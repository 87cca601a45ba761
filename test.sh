#!/usr/bin/env bash
# The whole test suite: formatting, lints, then every test of the workspace (unit, property,
# integration over real sockets, durability with kill -9, and the Python `ocpp` interop tests,
# which create their own venv under target/ on first run).
set -euo pipefail
cd "$(dirname "$0")"

command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)"; exit 1; }
command -v python3 >/dev/null || { echo "python3 (with venv and pip) is required for the interop tests"; exit 1; }

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace
