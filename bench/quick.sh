#!/usr/bin/env bash
# Quick figures for the closing note: idle memory per station and durable MeterValues/s.
# Starts a fresh release server (temp data dir, auto-register, synchronous=FULL) and drives it.
#   bench/quick.sh [IDLE_STATIONS] [ACTIVE_STATIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-5000}; active=${2:-200}; seconds=${3:-10}
ulimit -n "$(ulimit -Hn)"
cargo build --release --quiet --bin switchyard --example quick_bench
data=$(mktemp -d)
port=$((20000 + RANDOM % 12000))
RUST_LOG=warn target/release/switchyard serve --listen "127.0.0.1:$port" --data-dir "$data" \
    --auto-register --api-token bench >/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
target/release/examples/quick_bench --addr "127.0.0.1:$port" --pid "$pid" --idle "$idle" --active "$active" --seconds "$seconds"
