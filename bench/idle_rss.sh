#!/usr/bin/env bash
# Server memory per idle station, with and without the configuration read on boot: a fresh
# release server (temp data dir), N simulated 1.6 stations in the `idle` scenario, VmRSS read
# WAIT seconds after the sim starts. A quick A/B for the idle-memory figure of bench/run.sh.
#
#   bench/idle_rss.sh [N=3000] [WAIT=75]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
wait_s=${2:-75}
ulimit -n "$(ulimit -Hn)"
cargo build --release --quiet --bin switchyard
bin=target/release/switchyard

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

for read in true false; do
    port=$((30000 + RANDOM % 5000))
    data=$(mktemp -d)
    RUST_LOG=warn "$bin" serve --listen "127.0.0.1:$port" --data-dir "$data" --api-token t \
        --auto-register --read-configuration-on-boot "$read" > "$data/log" 2>&1 &
    server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
    before=$(rss_kb "$server")
    "$bin" sim --url "ws://127.0.0.1:$port/ocpp" --stations "$n" --scenario idle \
        --duration "$((wait_s + 30))s" --ramp 5s > /dev/null 2>&1 &
    sim=$!
    sleep "$wait_s"
    after=$(rss_kb "$server")
    echo "read-configuration-on-boot=$read: $n stations, RSS $before -> $after KiB," \
        "$(((after - before) * 1024 / n)) B per station"
    kill "$sim" "$server" 2>/dev/null || true
    wait "$sim" "$server" 2>/dev/null || true
    rm -rf "$data"
done
